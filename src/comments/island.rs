//! The comments island's side: what its own WASM module (`src/bin/broadsheet-comments.rs`) does when the app's
//! [`CommentsSlot`](super::CommentsSlot) mounts it.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::CommentsSection;
use crate::platform::{self, Island};
use crate::Config;

/// Mounts the comments of the article `section`/`slug` into `host`. `on_ready` is called once the published
/// comments (or why they cannot be shown) are on screen. Dropping the result unmounts them. An error once this
/// island has panicked.
pub fn mount(
    host: web_sys::HtmlElement,
    content_base: String,
    section: String,
    slug: String,
    endpoint: Option<String>,
    on_ready: js_sys::Function,
) -> Result<Box<dyn std::any::Any>, String> {
    // Only the content root matters here: the comments make no links of their own into the site.
    let config = Config::new("/", Some(&content_base));
    let ready = SendWrapper::new(on_ready.clone());
    platform::start_island(Island::Comments, host, on_ready, move || {
        provide_context(config);
        // Made under the mount's owner, so unmounting frees it.
        let on_ready = Callback::new(move |()| {
            let _ = ready.call0(&wasm_bindgen::JsValue::NULL);
        });
        view! { <CommentsSection section=section slug=slug endpoint=endpoint on_ready=on_ready/> }
    })
}
