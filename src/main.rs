//! The Ankommen app: mounts the main page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ankommen::app::App);
}
