//! Stand-ins for browser APIs outside the browser.

use super::{LinkTarget, Shared};

pub fn now_ms() -> f64 {
    0.0
}

pub fn online() -> bool {
    true
}

/// Without the reader's time zone, times are shown in UTC.
pub fn local_time_label(iso: &str) -> Option<String> {
    broadsheet_model::time::time_label(iso, 0)
}

thread_local! {
    static CURRENT_PATH: std::cell::RefCell<String> = std::cell::RefCell::new("/".to_string());
}

/// The path the app renders natively (there is no address bar): set before rendering a page to HTML.
pub fn set_current_path(path: &str) {
    CURRENT_PATH.with(|p| *p.borrow_mut() = path.to_string());
}

pub fn page_path() -> String {
    CURRENT_PATH.with(|p| p.borrow().clone())
}

pub fn current_location() -> (String, String) {
    (CURRENT_PATH.with(|p| p.borrow().clone()), String::new())
}

pub fn push_url(_href: &str, _leaving: Option<(f64, &str, Option<u32>)>) {}

pub fn replace_url(_href: &str) {}

pub fn history_route() -> Option<String> {
    None
}

pub fn scroll_y() -> f64 {
    0.0
}

pub fn scroll_to(_y: f64) {}

pub fn history_scroll() -> Option<f64> {
    None
}

pub fn restore_scroll(_y: Option<f64>) {}

pub fn scroll_to_fragment() {}

pub fn restore_focus() {}

pub fn reader_moves() -> f64 {
    0.0
}

pub fn history_number(_key: &str) -> Option<f64> {
    None
}

pub fn keep_in_history(_key: &str, _value: f64) {}

pub fn keep_route_in_history(_href: &str) {}

pub fn finish_scroll_restore() {}

pub fn focus_page_heading() {}

pub fn app_top() -> f64 {
    0.0
}

pub fn scroll_app_into_view() {}



pub fn remember_scroll() {}

pub fn before_leaving(_f: impl Fn() + 'static) {}

pub fn hold_scroll_memory(_held: bool) {}

pub fn take_over_scroll_restoration() {}

pub fn on_history_change(_on_change: impl Fn(bool) + 'static) {}

pub fn history_state_is_plain() -> bool {
    true
}

pub fn in_app_link(_event: &web_sys::MouseEvent) -> Option<LinkTarget> {
    None
}

pub fn storage_get(_key: &str) -> Option<String> {
    None
}

pub fn page_theme() -> Option<String> {
    None
}

pub fn storage_keys(_prefix: &str) -> Vec<String> {
    vec![]
}

pub fn storage_set(_key: &str, _value: &str) {}

pub fn storage_remove(_key: &str) {}

pub fn tab_storage_get(_key: &str) -> Option<String> {
    None
}

pub fn tab_storage_set(_key: &str, _value: &str) {}

pub fn random_id() -> String {
    "native".to_string()
}

pub async fn sleep_ms(_ms: u32) {}

pub fn focus_id(_id: &str) {}

pub fn focus_and_select(_id: &str) {}

pub fn focus_id_in_place(_id: &str) {}

pub fn focused_selection() -> Option<(f64, f64)> {
    None
}

pub fn refocus_field(_id: &str, _selection: Option<(f64, f64)>) {}

pub fn focused_id() -> Option<String> {
    None
}

pub fn is_focused(_id: &str) -> bool {
    false
}

pub fn focus_within(_id: &str) -> bool {
    false
}

pub fn now_iso() -> String {
    "1970-01-01T00:00:00Z".to_string()
}

pub fn set_description(_text: &str) {}

pub fn set_canonical(_url: Option<&str>) {}

pub fn set_title(_text: &str) {}

pub fn on_scheme_change(_on_change: impl Fn() + 'static) {}

pub fn prefers_dark() -> bool {
    false
}


pub async fn share_page(_title: &str, _href: &str) -> Shared {
    Shared::Failed(String::new())
}

pub fn prefetch_when_visible(_link: &web_sys::Element, _url: String) {}

/// Natively nothing comes near a screen: islands load only in the browser.
pub struct NearScreen;

pub fn when_near_screen(_element: &web_sys::Element, _then: impl FnOnce() + 'static) -> Option<NearScreen> {
    None
}

pub async fn load_island(_from: &web_sys::Element, island: super::Island) -> Result<wasm_bindgen::JsValue, super::IslandProblem> {
    Err(super::IslandProblem::Broken(format!("the {} island runs only in the browser", island.name())))
}

pub fn mount_island(_module: &wasm_bindgen::JsValue, _args: &[wasm_bindgen::JsValue]) -> Result<wasm_bindgen::JsValue, super::IslandProblem> {
    Err(super::IslandProblem::Broken("islands run only in the browser".to_string()))
}

pub fn unmount_island(_mounted: &wasm_bindgen::JsValue) {}
pub fn reload_page() {}

pub fn storage_put(_key: &str, _value: Option<&str>) -> bool {
    false
}
