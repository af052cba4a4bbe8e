//! Browser glue: start-up, history, scroll, focus and time-zone formatting.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::{App, Config};

/// Mounts the app into `#broadsheet` (or the first `[data-broadsheet]`, or the body).
pub fn start() {
    console_error_panic_hook::set_once();
    let document = document();
    let host = document
        .query_selector("#broadsheet, [data-broadsheet]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    let Some(host) = host else {
        web_sys::console::error_1(&"broadsheet: no element to mount into".into());
        return;
    };
    let base = host
        .get_attribute("data-base")
        .or_else(|| document.query_selector("base[href]").ok().flatten().and_then(|b| b.get_attribute("href")))
        .map(|href| pathname_of(&href))
        .unwrap_or_else(|| "/".to_string());
    let config = Config::new(&base, host.get_attribute("data-content").as_deref());
    // A pre-rendered entry page carries its content files: with them in the cache the first render is synchronous.
    if let Some(block) = document.get_element_by_id(crate::data::embedded::ELEMENT_ID) {
        crate::data::embedded::seed_cache(&config, &block.text_content().unwrap_or_default());
    }
    // Replace the pre-rendered markup (or placeholder) and mount in the same task: no frame shows the root empty.
    host.set_inner_html("");
    leptos::mount::mount_to(host.clone(), move || view! { <App config=config/> }).forget();
    // Marks the host once the app runs (the pre-rendered page looks the same): for host pages and tests.
    let _ = host.set_attribute("data-broadsheet-ready", "");
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The path part of an absolute or relative URL, resolved against the page.
fn pathname_of(href: &str) -> String {
    web_sys::Url::new_with_base(href, &window().location().href().unwrap_or_default())
        .map(|u| u.pathname())
        .unwrap_or_else(|_| "/".to_string())
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn online() -> bool {
    window().navigator().on_line()
}

/// The time in the reader's own time zone and locale, with the zone, e.g. "Nov 24, 2026, 7:15 AM PST" (pre-rendered
/// pages say "… UTC" in the same shape, so the text keeps its size when it is re-rendered here).
pub fn local_time_label(iso: &str) -> Option<String> {
    broadsheet_model::time::parse_timestamp(iso)?;
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    let options = js_sys::Object::new();
    for (key, value) in [("year", "numeric"), ("month", "short"), ("day", "numeric"), ("hour", "numeric"), ("minute", "2-digit"), ("timeZoneName", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    // The zone is part of a news time ("7:15 AM PST"); pre-rendered pages say UTC in the same shape.
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options);
    let label = format.format().call1(&format, &date).ok()?.as_string()?;
    Some(label)
}

pub fn current_path() -> String {
    window().location().pathname().unwrap_or_else(|_| "/".to_string())
}

/// Adds a history entry for `href`, first remembering the current scroll position in the entry being left.
pub fn push_url(href: &str, scroll_y: f64) {
    let Ok(history) = window().history() else { return };
    let _ = history.replace_state(&scroll_state(scroll_y), "");
    let _ = history.push_state_with_url(&scroll_state(0.0), "", Some(href));
}

fn scroll_state(y: f64) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &"broadsheetScroll".into(), &JsValue::from_f64(y));
    state.into()
}

/// The scroll position saved in the current history entry (after back/forward).
pub fn history_scroll() -> Option<f64> {
    let state = window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &"broadsheetScroll".into()).ok()?.as_f64()
}

/// Keeps the scroll position in the current history entry, written a moment after scrolling stops (browsers
/// throttle history writes), so a reload returns the reader to it.
pub fn remember_scroll() {
    use std::cell::RefCell;
    let pending: RefCell<Option<gloo_timers::callback::Timeout>> = RefCell::new(None);
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let save = gloo_timers::callback::Timeout::new(200, || {
            if let Ok(history) = window().history() {
                let _ = history.replace_state(&scroll_state(scroll_y()), "");
            }
        });
        // Replacing the pending write drops (cancels) it.
        pending.replace(Some(save));
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
        "scroll",
        closure.as_ref().unchecked_ref(),
        &options,
    );
    closure.forget();
}

pub fn scroll_y() -> f64 {
    window().scroll_y().unwrap_or(0.0)
}

pub fn scroll_to(y: f64) {
    window().scroll_to_with_x_and_y(0.0, y);
}

/// Moves focus to the page's main heading without scrolling, so screen readers start at the new page.
pub fn focus_page_heading() {
    let heading = document().query_selector("#bs-main h1").ok().flatten();
    if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h.focus_with_options(&options);
    }
}

/// Hands back-and-forward scroll restoration to the app, which knows when the page content is there.
pub fn take_over_scroll_restoration() {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
}

/// Calls `on_change` with the new path after back or forward.
pub fn on_history_change(on_change: impl Fn(String) + 'static) {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || on_change(current_path()));
    let _ = window().add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref());
    closure.forget();
}

/// For a click on a link: the path of `href` when it is on this page's origin, else `None`.
pub fn same_origin_path(href: &str) -> Option<String> {
    let location = window().location();
    let url = web_sys::Url::new_with_base(href, &location.href().ok()?).ok()?;
    (url.origin() == location.origin().ok()?).then(|| format!("{}{}", url.pathname(), url.search()))
}

/// For a click inside the app: the same-origin path of the link it should handle itself, or `None` to leave the
/// click to the browser (modified clicks, other windows, downloads, fragment links, other origins).
pub fn in_app_link(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented() || event.button() != 0 || event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key() {
        return None;
    }
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    let anchor = target.closest("a[href]").ok()??;
    if anchor.get_attribute("target").is_some_and(|t| !t.is_empty() && t != "_self") || anchor.has_attribute("download") {
        return None;
    }
    let href = anchor.get_attribute("href")?;
    if href.starts_with('#') {
        return None;
    }
    same_origin_path(&href)
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// A value from localStorage; `None` when absent or when storage is unavailable (private modes, blocked).
pub fn storage_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores a value; silently does nothing when storage is unavailable or full.
pub fn storage_set(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn storage_remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// A random identifier (a UUID where the browser offers one).
pub fn random_id() -> String {
    let crypto = js_sys::Reflect::get(&window(), &"crypto".into()).ok();
    let uuid = crypto.and_then(|c| {
        let f: js_sys::Function = js_sys::Reflect::get(&c, &"randomUUID".into()).ok()?.dyn_into().ok()?;
        f.call0(&c).ok()?.as_string()
    });
    uuid.unwrap_or_else(|| format!("{:x}{:x}", (js_sys::Math::random() * 1e15) as u64, js_sys::Date::now() as u64))
}

/// Waits `ms` milliseconds.
pub async fn sleep_ms(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Moves focus to the element with `id` (a form field after a failed submit).
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Now, as ISO 8601 in UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

/// Sets the page's meta description, updating the tag a pre-rendered page already has rather than adding one.
pub fn set_description(text: &str) {
    let document = document();
    let tag = document.query_selector("meta[name='description']").ok().flatten().or_else(|| {
        let tag = document.create_element("meta").ok()?;
        tag.set_attribute("name", "description").ok()?;
        document.head()?.append_child(&tag).ok()?;
        Some(tag)
    });
    if let Some(tag) = tag {
        let _ = tag.set_attribute("content", text);
    }
}
