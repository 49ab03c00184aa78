//! Ankommen's web app: mounts the Leptos UI.

mod app;
mod fetch;
mod list;
mod map;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
