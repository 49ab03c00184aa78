//! The user's own choices, kept on the device in local storage: the UI language and consent to
//! map tiles. Nothing else is stored and nothing is sent anywhere (docs/privacy.md).
//! Storage can be disabled or full; then a choice lasts for the visit only.

pub const LANGUAGE: &str = "ankommen.language";
/// Holds the tile URL template the user agreed to, so a change of tile host asks again.
pub const TILES: &str = "ankommen.tiles";

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: Option<&str>) {
    let Some(storage) = storage() else { return };
    let _ = match value {
        Some(value) => storage.set_item(key, value),
        None => storage.remove_item(key),
    };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
