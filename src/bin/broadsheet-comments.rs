//! The comments island: the comments and the "Leave a Reply" form as a WASM module of their own. The app's
//! `CommentsSlot` asks `loader.js` for it only when an article's comments come near the screen, so the code every
//! page needs first stays small (docs/architecture.md, "The comments are an island").

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A mounted comments section. The app calls `free()` on it when the article goes, which unmounts it.
    #[wasm_bindgen]
    pub struct Mounted(#[allow(dead_code)] Box<dyn std::any::Any>);

    /// Mounts the comments of one article into `host`; `on_ready` is called once the published comments show.
    /// Throws once the island has panicked.
    #[wasm_bindgen]
    pub fn mount(
        host: web_sys::HtmlElement,
        content_base: String,
        section: String,
        slug: String,
        endpoint: Option<String>,
        on_ready: js_sys::Function,
    ) -> Result<Mounted, JsError> {
        if broadsheet::platform::island_stopped() {
            return Err(JsError::new("the comments island stopped after a panic; reload the page"));
        }
        broadsheet::comments::island::mount(host, content_base, section, slug, endpoint, on_ready)
            .map(Mounted)
            .map_err(|problem| JsError::new(&problem))
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("broadsheet-comments is loaded by the app in the browser: build it with `trunk build` (see README.md)");
}
