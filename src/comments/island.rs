//! The comments island's side: what its own WASM module (`src/bin/broadsheet-comments.rs`) does when the app's
//! [`CommentsSlot`](super::CommentsSlot) mounts it.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::CommentsSection;
use crate::platform::{self, Island};
use crate::Config;

/// Mounts the comments of the article `section`/`slug` into `host`. `on_ready` is called once the published
/// comments (or why they cannot be shown) are on screen. Dropping the result unmounts them.
pub fn mount(
    host: web_sys::HtmlElement,
    content_base: String,
    section: String,
    slug: String,
    endpoint: Option<String>,
    on_ready: js_sys::Function,
) -> Box<dyn std::any::Any> {
    // Only the content root matters here: the comments make no links of their own into the site.
    let config = Config::new("/", Some(&content_base));
    let on_ready = SendWrapper::new(on_ready);
    let on_ready = Callback::new(move |()| {
        let _ = on_ready.call0(&wasm_bindgen::JsValue::NULL);
    });
    platform::start_island(Island::Comments, host, move || {
        provide_context(config);
        view! { <CommentsSection section=section slug=slug endpoint=endpoint on_ready=on_ready/> }
    })
}
