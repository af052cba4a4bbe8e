//! Browser glue: start-up, history, scroll, focus and time-zone formatting.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::{LinkTarget, Shared};
use crate::{App, Config};

/// The element the app mounts into: the site's own `#broadsheet`, or a host page's `[data-broadsheet]`.
const HOST_SELECTOR: &str = "#broadsheet, [data-broadsheet]";

/// How the app is set up on this page: read (and a pre-rendered page's content put in the cache) once, by
/// [`rehearse`] or [`start`], whichever runs first, with the marked element found then.
#[derive(Clone)]
struct Prepared {
    host: web_sys::HtmlElement,
    /// `host`, or the root inside the shadow root the loader gave it.
    mount: web_sys::HtmlElement,
    config: Config,
}

thread_local! {
    static PREPARED: std::cell::OnceCell<Option<Prepared>> = const { std::cell::OnceCell::new() };
}

fn prepared() -> Option<Prepared> {
    PREPARED.with(|p| p.get_or_init(prepare).clone())
}

/// The page's marked element and where in it the app mounts (inside the shadow root the loader gave it, when it has
/// one). `report`: say in the console when there is none, or more than one.
fn marked_element(report: bool) -> Option<(web_sys::HtmlElement, web_sys::HtmlElement)> {
    let marked = document().query_selector_all(HOST_SELECTOR).ok()?;
    let Some(host) = marked.get(0).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
        if report {
            web_sys::console::error_1(&"Broadsheet: no element marked with data-broadsheet to mount into".into());
        }
        return None;
    };
    if report && marked.length() > 1 {
        let message = format!("Broadsheet: {} elements are marked with data-broadsheet; only the first shows the news, the others are left alone", marked.length());
        web_sys::console::error_1(&message.into());
    }
    let mount = host
        .shadow_root()
        .and_then(|shadow| shadow.query_selector(".bs-root").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| host.clone());
    Some((host, mount))
}

fn prepare() -> Option<Prepared> {
    let document = document();
    let (host, mount) = marked_element(true)?;
    if already_running(&host) {
        return None;
    }
    let attribute = |name: &str| {
        let value = host.get_attribute(&format!("data-{name}")).filter(|v| !v.trim().is_empty())?;
        // Resolved once, as the loader's preloads are: a relative content URL would otherwise move with every
        // in-app link that changes the address.
        Some(match name {
            "content" => absolute_url(value.trim()).unwrap_or(value),
            "base" => attribute_base(&value),
            _ => value,
        })
    };
    let fallback_base = document
        .query_selector("base[href]")
        .ok()
        .flatten()
        .and_then(|b| b.get_attribute("href"))
        .map(|href| pathname_of(&href))
        .unwrap_or_else(|| "/".to_string());
    let page_path = page_path();
    // Only the site's own pages (written by the compiler) own the document: its <meta> tags and scroll restoration.
    let owns_document = host.id() == "broadsheet";
    let mut config = Config::from_attributes(attribute, &fallback_base, &page_path, owns_document);
    // A pre-rendered entry page carries its content files: with them in the cache the first render is synchronous.
    if let Some(block) = document.get_element_by_id(crate::data::embedded::ELEMENT_ID) {
        let text = block.text_content().unwrap_or_default();
        crate::data::embedded::seed_cache(&config, &text);
        config.not_found_page = crate::data::embedded::shows_not_found(&text);
    }
    Some(Prepared { host, mount, config })
}

fn already_running(host: &web_sys::HtmlElement) -> bool {
    let running = host.has_attribute("data-broadsheet-ready");
    if running {
        web_sys::console::error_1(&"Broadsheet: already running on this page; the second start was ignored".into());
    }
    running
}

/// Draws the page the app is about to take over once, into an element outside the document, and drops it. The
/// browser compiles the app's code on its first use: most of the takeover's task was that compiling (on the mobile
/// profile), and this moves it into a task of its own, which the loader runs first, so that the reader's input waits
/// less behind either. Nothing is drawn without the page's content in the cache (the shell, a host page).
pub fn rehearse() {
    install_panic_view();
    let Some(Prepared { config, .. }) = prepared() else { return };
    if config.not_found_page {
        return;
    }
    let route = crate::routing::route_here(&config, false).unwrap_or(broadsheet_model::Route::Front);
    let Ok(element) = document().create_element("div").map(|e| e.unchecked_into::<web_sys::HtmlElement>()) else { return };
    let handle = leptos::mount::mount_to(element, move || {
        provide_context(config.clone());
        crate::app::rehearsal(&config, &route)
    });
    drop(handle);
}

/// Mounts the app into the page's marked element: `#broadsheet` on the site's own pages, `[data-broadsheet]` on a
/// host page (inside the shadow root the loader gave it, when it has one). A second marked element is reported and
/// left alone.
pub fn start() {
    install_panic_view();
    let Some(Prepared { host, mount, config }) = prepared() else { return };
    // Looked for again, a task after the rehearsal: a host page that renders itself may have put a new element in
    // since (the one found then serves when none is in the page now: the loader moves the app into the next one),
    // and a second copy of the loader may have started the app meanwhile.
    let (host, mount) = marked_element(false).unwrap_or((host, mount));
    if already_running(&host) {
        return;
    }
    set_root(mount.clone());
    // Replace the pre-rendered markup (or placeholder) and mount in the same task: no frame shows the root empty.
    mount.set_inner_html("");
    leptos::mount::mount_to(mount, move || view! { <App config=config/> }).forget();
    // Marks the host once the app runs (the pre-rendered page looks the same): for host pages and tests.
    let _ = host.set_attribute("data-broadsheet-ready", "");
}

thread_local! {
    /// The element the app is mounted in: every query the app makes is scoped to it, never the whole document.
    static ROOT: std::cell::RefCell<Option<web_sys::HtmlElement>> = const { std::cell::RefCell::new(None) };
}

pub(super) fn set_root(element: web_sys::HtmlElement) {
    ROOT.with(|root| *root.borrow_mut() = Some(element));
}

fn root() -> Option<web_sys::HtmlElement> {
    ROOT.with(|root| root.borrow().clone())
}

/// Whether the app's element is still in the page: a host page's own script may take it out (a route change of a
/// host that renders itself). The app then leaves the page's history and scroll alone.
fn in_page() -> bool {
    root().is_some_and(|r| r.is_connected())
}

thread_local! {
    /// The host page's element the app scrolls in, once looked for (`Some(None)`: the page itself).
    static SCROLLER: std::cell::RefCell<Option<Option<web_sys::Element>>> = const { std::cell::RefCell::new(None) };
}

/// The element the reader scrolls the app in: on a host page whose column scrolls while the page stays put (an
/// app-shell layout), the nearest element around the app that scrolls; `None` where the page itself scrolls (the
/// site's own pages, most host pages). Looked for once, when first needed: scroll positions, their restoring and
/// what counts as near the screen are measured in it.
pub(super) fn scroller() -> Option<web_sys::Element> {
    if let Some(decided) = SCROLLER.with(|s| s.borrow().clone()) {
        return decided;
    }
    let (found, decided) = find_scroller();
    if decided {
        SCROLLER.with(|s| *s.borrow_mut() = Some(found.clone()));
    }
    found
}

/// The nearest element around the app that scrolls its overflow and has content overflowing it now. A wrapper
/// whose `overflow-x` alone is set computes `overflow-y: auto` too, but grows with its content and never scrolls.
/// Decided once one is found or the page itself scrolls; until then (nothing overflows yet) looked for again.
fn find_scroller() -> (Option<web_sys::Element>, bool) {
    let document = document();
    let page = [document.document_element(), document.body().map(Into::into)];
    let mut at: Option<web_sys::Element> = root().map(Into::into);
    loop {
        // Up through the shadow root to the host element.
        let Some(next) = at.and_then(|at| at.parent_element().or_else(|| Some(at.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok()?.host())))
        else {
            return (None, false);
        };
        if page.contains(&Some(next.clone())) {
            let (content, screen) = page_extent();
            return (None, content > screen + 1.0);
        }
        let style = window().get_computed_style(&next).ok().flatten();
        let scrolls = matches!(style.and_then(|s| s.get_property_value("overflow-y").ok()).as_deref(), Some("auto" | "scroll" | "overlay"));
        if scrolls && next.scroll_height() > next.client_height() {
            return (Some(next), true);
        }
        at = Some(next);
    }
}

/// The app's own element with this id, looked up in the app's tree (a shadow root has its own ids).
fn element_by_id(id: &str) -> Option<web_sys::HtmlElement> {
    let tree = root()?.get_root_node();
    let found = match tree.dyn_ref::<web_sys::Document>() {
        Some(document) => document.get_element_by_id(id),
        None => tree.dyn_ref::<web_sys::DocumentFragment>()?.get_element_by_id(id),
    };
    found?.dyn_into().ok()
}

/// A panic shows a "Something went wrong" view in the app's root (nothing else of the page is touched) and is
/// logged once; whatever the app was doing stops there.
fn install_panic_view() {
    install_panic_hook(PanicView::APP);
}

/// What a panic shows in place of the part of the page that stopped: the app, or an island of it.
pub(super) struct PanicView {
    pub log_prefix: &'static str,
    /// The class of the element that holds the message.
    pub class: &'static str,
    pub heading: &'static str,
    pub text: &'static str,
    /// Called once the message is shown.
    pub then: Option<fn()>,
}

impl PanicView {
    const APP: PanicView = PanicView {
        log_prefix: "Broadsheet stopped",
        class: "bs-app",
        heading: "Something went wrong",
        text: "The news stopped working on this page. Reloading the page usually fixes it.",
        then: None,
    };
}

static PANICKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether this WASM instance has panicked (with `panic = "abort"` it can run nothing more).
pub(super) fn panicked() -> bool {
    PANICKED.load(std::sync::atomic::Ordering::SeqCst)
}

/// With `panic = "abort"` this WASM instance stops after the hook: its root shows `view` instead.
pub(super) fn install_panic_hook(view: PanicView) {
    use std::sync::atomic::Ordering;
    std::panic::set_hook(Box::new(move |info| {
        if PANICKED.swap(true, Ordering::SeqCst) {
            return;
        }
        // The message and its place in the source; a JS stack would name only WASM function indices here.
        web_sys::console::error_1(&format!("{}: {info}", view.log_prefix).into());
        if let Some(root) = root() {
            show_panic_view_with(&root, &view);
        }
        if let Some(then) = view.then {
            then();
        }
    }));
}

/// Reloads the page.
pub fn reload_page() {
    let _ = window().location().reload();
}

/// Replaces the content of the app's root with the panic view, built with plain DOM calls: the app's own state
/// may be broken.
pub fn show_panic_view_in(root: &web_sys::HtmlElement) {
    show_panic_view_with(root, &PanicView::APP);
}

fn show_panic_view_with(root: &web_sys::HtmlElement, view: &PanicView) {
    let document = document();
    // On the site's own pages the app's view is all the page has: its main landmark and its first heading. Elsewhere
    // it is a part of a page that has those (a host's, or the story around the comments).
    let whole_page = view.class == PanicView::APP.class && root.id() == "broadsheet";
    let build = || -> Option<web_sys::Element> {
        let app = document.create_element(if whole_page { "main" } else { "div" }).ok()?;
        app.set_class_name(view.class);
        let panel = document.create_element("div").ok()?;
        panel.set_class_name("bs-panic");
        panel.set_attribute("role", "alert").ok()?;
        let heading = document.create_element(if whole_page { "h1" } else { "h2" }).ok()?;
        heading.set_text_content(Some(view.heading));
        let text = document.create_element("p").ok()?;
        text.set_text_content(Some(view.text));
        let button = document.create_element("button").ok()?;
        button.set_class_name("bs-button");
        button.set_attribute("type", "button").ok()?;
        button.set_text_content(Some("Reload"));
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(reload_page);
        button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref()).ok()?;
        reload.forget();
        panel.append_with_node_3(&heading, &text, &button).ok()?;
        app.append_child(&panel).ok()?;
        Some(app)
    };
    if let Some(view) = build() {
        root.set_inner_html("");
        let _ = root.append_child(&view);
    }
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// `href` resolved against the document's base URL.
fn absolute_url(href: &str) -> Option<String> {
    let base = document().base_uri().ok()??;
    web_sys::Url::new_with_base(href, &base).ok().map(|url| url.href())
}

/// A `data-base` value as a path from the site's root, percent-encoded as the address bar's path is
/// (`/actualit%C3%A9s/`), so the two compare.
pub fn attribute_base(value: &str) -> String {
    pathname_of(&format!("/{}", value.trim().trim_start_matches('/')))
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

/// The time at the reader's UTC offset, e.g. "Nov 23, 2026, 11:15 PM UTC−8" (pre-rendered pages show "… UTC" in the
/// same shape). The offset comes from `Date`, not `Intl.DateTimeFormat`: the first formatter a page creates costs
/// 20–50 ms (the browser starts its locale data), inside the task that takes over the page (docs/architecture.md).
pub fn local_time_label(iso: &str) -> Option<String> {
    let secs = broadsheet_model::time::parse_timestamp(iso)?;
    // Minutes west of UTC at that instant (daylight saving included).
    let west = js_sys::Date::new(&JsValue::from_f64(secs as f64 * 1000.0)).get_timezone_offset();
    let east = if west.is_finite() { -(west.round() as i32) } else { 0 };
    Some(broadsheet_model::time::label_at(secs, east))
}

/// The page's path and query now (a host's router may change them after the start).
pub fn page_path() -> String {
    let location = window().location();
    format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default())
}

pub fn current_location() -> (String, String) {
    let location = window().location();
    let hash = location.hash().unwrap_or_default();
    // `location.hash` is empty both without a fragment and with an empty one (a host's `href="#"`): tell them apart.
    let hash = if hash.is_empty() && location.href().is_ok_and(|h| h.ends_with('#')) { "#".to_string() } else { hash };
    (location.pathname().unwrap_or_else(|_| "/".to_string()), hash)
}

/// Adds a history entry for `href`, first remembering in the entry being left (`leaving`) the current scroll
/// position, the app's page there (in hash mode a host's own fragment in that entry, `#contact`, does not say it)
/// and the link followed. Without it, that entry is left as it is.
pub fn push_url(href: &str, leaving: Option<(f64, &str, Option<u32>)>) {
    let Ok(history) = window().history() else { return };
    if let Some((scroll_y, route, followed)) = leaving {
        if let Some(state) = current_state_with("broadsheetScroll", scroll_y.into()) {
            let _ = js_sys::Reflect::set(&state, &"broadsheetRoute".into(), &route.into());
            // Set to undefined without one: the entry may hold a link from an earlier visit to it.
            let _ = js_sys::Reflect::set(&state, &"broadsheetFocus".into(), &followed.map_or(JsValue::UNDEFINED, JsValue::from));
            let _ = history.replace_state(&state, "");
        }
    }
    let _ = history.push_state_with_url(&new_entry_state(), "", Some(href));
}

/// Puts `href` in the place of the current history entry, as a new entry.
pub fn replace_url(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&new_entry_state(), "", Some(href));
    }
}

fn new_entry_state() -> js_sys::Object {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &"broadsheetScroll".into(), &JsValue::from_f64(0.0));
    state
}

/// The app's page remembered in the current history entry by [`push_url`], as its link.
pub fn history_route() -> Option<String> {
    let state = window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &"broadsheetRoute".into()).ok()?.as_string()
}

/// The current entry's state with `key` set to `value`, added to the state a host's router may keep there. `None`
/// when that state is a value keys cannot be added to (a string, an array): it is the host's, and stays as it is.
fn current_state_with(key: &str, value: JsValue) -> Option<js_sys::Object> {
    let current = window().history().ok()?.state().ok()?;
    if !is_plain(&current) {
        return None;
    }
    let state = js_sys::Object::new();
    if current.is_object() {
        let _ = js_sys::Object::assign(&state, &current.unchecked_into());
    }
    let _ = js_sys::Reflect::set(&state, &key.into(), &value);
    Some(state)
}

/// Whether the current history entry's state is one the app can add its keys to (see [`current_state_with`]).
pub fn history_state_is_plain() -> bool {
    window().history().and_then(|h| h.state()).is_ok_and(|state| is_plain(&state))
}

fn is_plain(state: &JsValue) -> bool {
    state.is_null() || state.is_undefined() || (state.is_object() && !js_sys::Array::is_array(state))
}

/// The scroll position saved in the current history entry (after back/forward).
pub fn history_scroll() -> Option<f64> {
    history_number("broadsheetScroll")
}

/// A number kept in the current history entry by [`keep_in_history`]: Back, Forward and a reload find it again.
pub fn history_number(key: &str) -> Option<f64> {
    let state = window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &key.into()).ok()?.as_f64()
}

pub fn keep_in_history(key: &str, value: f64) {
    keep_value_in_history(key, value.into());
}

/// Remembers `href`, the app's page, in the current history entry, as [`push_url`] does in the entry it leaves.
pub fn keep_route_in_history(href: &str) {
    keep_value_in_history("broadsheetRoute", href.into());
}

fn keep_value_in_history(key: &str, value: JsValue) {
    if let (Ok(history), Some(state)) = (window().history(), current_state_with(key, value)) {
        let _ = history.replace_state(&state, "");
    }
}

thread_local! {
    /// The scroll position's pending write into the current history entry; replacing it drops (cancels) it.
    static PENDING_SCROLL_WRITE: std::cell::RefCell<Option<gloo_timers::callback::Timeout>> = const { std::cell::RefCell::new(None) };
    static SCROLL_MEMORY_HELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A place Back, Forward or a reload returned to that the page did not reach yet, and the reader's moves then:
    /// see [`restore_scroll`].
    static UNFINISHED_RESTORE: std::cell::Cell<Option<(f64, f64)>> = const { std::cell::Cell::new(None) };
}

/// Back, Forward or a reload to the place `y`. When the page is still too short to get there (a long comment thread
/// not shown yet), it goes as far down as it can, and [`finish_scroll_restore`] goes the rest of the way once the
/// comments are in, unless the reader has moved the page meanwhile. Until then the short place is not remembered.
pub fn restore_scroll(y: Option<f64>) {
    if let Some(y) = y {
        scroll_to(y);
    }
    UNFINISHED_RESTORE.with(|r| r.set(y.filter(|y| beyond_end(*y)).map(|y| (y, reader_moves()))));
}

/// The place a restore has still to reach, unless the reader has moved the page since (which ends it).
fn unfinished_restore() -> Option<f64> {
    let (y, moves) = UNFINISHED_RESTORE.with(|r| r.get())?;
    if moves == reader_moves() {
        return Some(y);
    }
    UNFINISHED_RESTORE.with(|r| r.set(None));
    None
}

/// The page's content height and the window's height, where the page itself scrolls.
fn page_extent() -> (f64, f64) {
    let content = document().scrolling_element().map_or(0.0, |e| e.scroll_height() as f64);
    (content, window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0))
}

/// Whether `y` is further down than the page can be scrolled now.
fn beyond_end(y: f64) -> bool {
    let (bottom, height) = match scroller() {
        Some(s) => (s.scroll_height() as f64, s.client_height() as f64),
        None => page_extent(),
    };
    y > bottom - height + 1.0
}

/// How often the reader has moved the page since it loaded (wheel, touch, scrollbar, a key that scrolls): public/loader.js
/// counts on the host element from when it runs, carrying on what `public/early.js` counted before that on a
/// pre-rendered page: from the start, before the app runs.
pub fn reader_moves() -> f64 {
    let host = window().document().and_then(|d| d.query_selector(HOST_SELECTOR).ok().flatten());
    host.and_then(|h| js_sys::Reflect::get(&h, &"broadsheetReaderMoves".into()).ok()?.as_f64()).unwrap_or(0.0)
}

/// The rest of a restore [`restore_scroll`] could not finish, as far as the page now goes. Still unfinished while the
/// page is too short (the comments could not be loaded): the place is kept for "Try again" or the next visit.
pub fn finish_scroll_restore() {
    if let Some(y) = unfinished_restore() {
        scroll_to(y);
        if !beyond_end(y) {
            UNFINISHED_RESTORE.with(|r| r.set(None));
        }
    }
}

/// From Back or Forward until the page they lead to is in its place: scrolling meanwhile (the page on screen giving
/// way to a shorter loading view, the reader scrolling it) is no position of the entry now current, which keeps
/// the one it had. A write still pending from before is dropped too.
pub fn hold_scroll_memory(held: bool) {
    SCROLL_MEMORY_HELD.with(|h| h.set(held));
    if held {
        PENDING_SCROLL_WRITE.with(|p| p.replace(None));
    }
}

/// Keeps the scroll position in the current history entry, written a moment after scrolling stops (browsers
/// throttle history writes), so a reload returns the reader to it.
pub fn remember_scroll() {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        if SCROLL_MEMORY_HELD.with(|h| h.get()) || !in_page() {
            return;
        }
        // Every element's scroll comes here (a capturing listener): only the page's, or that of what scrolls the
        // app, is the reader's place.
        let target: Option<JsValue> = event.target().map(Into::into);
        let place: JsValue = scroller().map_or_else(|| document().into(), Into::into);
        if target.as_ref() != Some(&place) {
            return;
        }
        let save = gloo_timers::callback::Timeout::new(200, save_scroll);
        PENDING_SCROLL_WRITE.with(|p| p.replace(Some(save)));
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    // Registered before what scrolls the app may be known (its content not drawn yet): on the window, capturing.
    options.set_capture(true);
    let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
        "scroll",
        closure.as_ref().unchecked_ref(),
        &options,
    );
    closure.forget();
}

/// Writes the scroll position into the current history entry now: not once the app is out of the page (the entry
/// is a host's by then).
fn save_scroll() {
    if unfinished_restore().is_some() || !in_page() {
        return;
    }
    keep_in_history("broadsheetScroll", scroll_y());
}

/// Calls `f` on every `event` at `target`, for the rest of the page's life.
fn listen(target: &web_sys::EventTarget, event: &str, f: impl Fn() + 'static) {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// How far the reader has scrolled: the page, or the host's element the app scrolls in ([`scroller`]).
pub fn scroll_y() -> f64 {
    match scroller() {
        Some(s) => s.scroll_top() as f64,
        None => window().scroll_y().unwrap_or(0.0),
    }
}

pub fn scroll_to(y: f64) {
    match scroller() {
        Some(s) => s.scroll_to_with_x_and_y(0.0, y),
        None => window().scroll_to_with_x_and_y(0.0, y),
    }
}

/// The element the address's fragment names (a host page's `#about`, or one of the app's), brought into view as
/// the browser would have on arrival: it did that before the app had drawn itself, so the element has moved since.
/// A fragment that names no element (a hash route, `#/local/`) does nothing. Honours `scroll-padding-top`. Called
/// only where the entry holds no place of the reader's (`history_scroll`): any other state in it may be a host
/// router's, put there on arrival (Turbo, React Router).
pub fn scroll_to_fragment() {
    let Some(hash) = window().location().hash().ok().filter(|h| h.len() > 1) else { return };
    let Some(id) = js_sys::decode_uri_component(&hash[1..]).ok().and_then(|id| id.as_string()) else { return };
    let target = document().get_element_by_id(&id).or_else(|| element_by_id(&id).map(Into::into));
    if let Some(target) = target {
        target.scroll_into_view();
    }
}

/// Where the app's root starts, in the coordinates of what scrolls (0 on the site's own pages, below a host's
/// header otherwise).
pub fn app_top() -> f64 {
    let origin = scroller().map_or(0.0, |s| s.get_bounding_client_rect().top() + s.client_top() as f64);
    root().map(|r| r.get_bounding_client_rect().top() - origin + scroll_y()).unwrap_or(0.0).max(0.0)
}

/// After a link: brings the top of the app into view if the reader has scrolled past it, or it is under something
/// of the host's (a sticky header); the host page above the app stays where it is. Through `scrollIntoView`, so a
/// host's `scroll-padding-top` (kept for its sticky header) is honoured.
pub fn scroll_app_into_view() {
    let Some(root) = root() else { return };
    let rect = root.get_bounding_client_rect();
    let (x, y) = (rect.left().max(0.0) as f32 + 1.0, rect.top() as f32 + 1.0);
    let tree = root.get_root_node();
    let shown = match tree.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.element_from_point(x, y),
        None => document().element_from_point(x, y),
    };
    // Nothing there: the top is below the screen.
    if rect.top() < 0.0 || shown.is_some_and(|e| !root.contains(Some(&e))) {
        root.scroll_into_view();
    }
}

/// Moves focus to the page's main heading without scrolling, so screen readers start at the new page.
pub fn focus_page_heading() {
    let heading = root().and_then(|r| r.query_selector("#bs-main h1").ok().flatten());
    if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        focus_in_place(&h);
    }
}

fn focus_in_place(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Hands back-and-forward scroll restoration within the visit to the app, which knows when the page content is
/// there. A reload, or Back from another site, loads a pre-rendered page the browser can restore itself before its
/// first paint (the app would only do it once it runs): leaving the page hands restoration back until it shows again.
pub fn take_over_scroll_restoration() {
    let restoration = |mode| {
        if let Ok(history) = window().history() {
            let _ = history.set_scroll_restoration(mode);
        }
    };
    restoration(web_sys::ScrollRestoration::Manual);
    listen(&window(), "pagehide", move || {
        restoration(web_sys::ScrollRestoration::Auto);
        // The place the browser restores and the one the app restores once it runs are then the same (the
        // debounced write may not have happened yet).
        if !SCROLL_MEMORY_HELD.with(|h| h.get()) {
            save_scroll();
        }
    });
    listen(&window(), "pageshow", move || restoration(web_sys::ScrollRestoration::Manual));
}

/// Calls `f` when the reader is about to leave the page or reload it, while the app is in it: before `pagehide`,
/// where what is written into the history entry is not kept for a reload (Chromium).
pub fn before_leaving(f: impl Fn() + 'static) {
    listen(&window(), "beforeunload", move || {
        if in_page() {
            f();
        }
    });
}

/// Calls `on_change` after back, forward or a change of the fragment, and when a host page that renders itself has
/// put the app into a new element (public/loader.js, `followHost`), whose place on the page is looked for anew.
/// `on_change` is told which (`true`: the app was moved).
pub fn on_history_change(on_change: impl Fn(bool) + Clone + 'static) {
    let moved = on_change.clone();
    listen(&window(), "popstate", move || {
        if in_page() {
            on_change(false);
        }
    });
    listen(&window(), "broadsheet:moved", move || {
        SCROLLER.with(|s| s.replace(None));
        super::island::watch_again();
        if in_page() {
            moved(true);
        }
    });
}

/// For a click inside the app: where the link goes when it is on this page's origin and the app might handle it,
/// or `None` to leave the click to the browser (modified clicks, other windows, downloads, bare fragment links,
/// other origins).
pub fn in_app_link(event: &web_sys::MouseEvent) -> Option<LinkTarget> {
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
    let index = root().and_then(|r| r.query_selector_all("a[href]").ok()).and_then(|links| (0..links.length()).find(|i| links.item(*i).is_some_and(|l| l == *anchor)));
    let location = window().location();
    let url = web_sys::Url::new_with_base(&href, &location.href().ok()?).ok()?;
    (url.origin() == location.origin().ok()?).then(|| LinkTarget {
        path_and_query: format!("{}{}", url.pathname(), url.search()),
        pathname: url.pathname(),
        hash: url.hash(),
        index,
    })
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// A value from localStorage; `None` when absent or when storage is unavailable (private modes, blocked).
pub fn storage_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// The colour scheme `public/early.js` put on `<html>` (`data-broadsheet-theme`): the reader's choice, also one made on the
/// pre-rendered page where storage is blocked.
pub fn page_theme() -> Option<String> {
    window().document()?.document_element()?.get_attribute("data-broadsheet-theme")
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

/// sessionStorage: kept for this tab only (a reload, Back, the story left and come back to), gone when it closes.
fn tab_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

pub fn tab_storage_get(key: &str) -> Option<String> {
    tab_storage()?.get_item(key).ok().flatten()
}

/// Stores a value for this tab; does nothing when storage is unavailable or full.
pub fn tab_storage_set(key: &str, value: &str) {
    if let Some(storage) = tab_storage() {
        let _ = storage.set_item(key, value);
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
    if let Some(el) = element_by_id(id) {
        let _ = el.focus();
    }
}

/// Focuses the text field `id` with its text selected, ready to copy.
pub fn focus_and_select(id: &str) {
    if let Some(el) = element_by_id(id) {
        let _ = el.focus();
        if let Ok(select) = js_sys::Reflect::get(&el, &"select".into()).and_then(|f| f.dyn_into::<js_sys::Function>()) {
            let _ = select.call0(&el);
        }
    }
}

/// Moves focus to the element with `id` without scrolling: the reader may have scrolled away meanwhile.
pub fn focus_id_in_place(id: &str) {
    if let Some(el) = element_by_id(id) {
        focus_in_place(&el);
    }
}

/// The id of the app's element that has focus ("" for one without).
pub fn focused_id() -> Option<String> {
    active_element().map(|a| a.id())
}

/// The focused element of the app's tree (the page's, or the shadow root's on a host page): maybe not the app's.
fn active_element() -> Option<web_sys::Element> {
    let tree = root().map(|r| r.get_root_node());
    match tree.as_ref().and_then(|t| t.dyn_ref::<web_sys::ShadowRoot>()) {
        Some(shadow) => shadow.active_element(),
        None => document().active_element(),
    }
}

/// Back or Forward to an entry the reader left by a link: focus goes back to that link, without scrolling, as the
/// browser's own page cache does for a site of pages, so Tab goes on from where they were, not from the headline
/// of the page they left (which an article keeps when the next is an article too).
pub fn restore_focus() {
    let Some(nth) = history_number("broadsheetFocus") else { return };
    let link = root().and_then(|r| r.query_selector_all("a[href]").ok()?.item(nth as u32)?.dyn_into().ok());
    if let Some(link) = link {
        focus_in_place(&link);
    }
}

/// Whether the app's element with `id` has focus.
pub fn is_focused(id: &str) -> bool {
    focused_id().as_deref() == Some(id)
}

/// Now, as ISO 8601 in UTC.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

pub fn set_title(text: &str) {
    document().set_title(text);
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

/// Points the page's canonical link and `og:url` at `url` once an in-app link has shown another page (a
/// pre-rendered page has them for the page it was first opened at); `None` (a page not found, a site file without
/// `url`) points them at the address in the address bar.
pub fn set_canonical(url: Option<&str>) {
    let document = document();
    let url = url.map(str::to_string).or_else(|| window().location().href().ok()).unwrap_or_default();
    for (selector, attribute) in [("link[rel='canonical']", "href"), ("meta[property='og:url']", "content")] {
        if let Some(tag) = document.query_selector(selector).ok().flatten() {
            let _ = tag.set_attribute(attribute, &url);
        }
    }
}

/// Calls `on_change` whenever the reader's system switches between light and dark (at sunset, say).
pub fn on_scheme_change(on_change: impl Fn() + 'static) {
    if let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") {
        listen(&query, "change", on_change);
    }
}

/// Whether the reader's system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches())
}

/// Shares the address `href` (the story's own, not the address bar's: on a host page that may show the host's
/// `#contact`) with `title`: Web Share API where present, else the clipboard.
pub async fn share_page(title: &str, href: &str) -> Shared {
    use wasm_bindgen_futures::JsFuture;
    let page = window().location().href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(href, &page).map(|u| u.href()).unwrap_or(page);
    let navigator = window().navigator();
    let call = |target: &JsValue, method: &str, argument: &JsValue| -> Option<js_sys::Promise> {
        let f: js_sys::Function = js_sys::Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
        f.call1(target, argument).ok()?.dyn_into().ok()
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.as_str().into());
    if let Some(promise) = call(&navigator, "share", &data) {
        return match JsFuture::from(promise).await {
            Ok(_) => Shared::Shared,
            // AbortError: the reader closed the sheet. Anything else: fall back to copying.
            Err(e) if js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError") => Shared::Cancelled,
            Err(_) => copy(&url).await,
        };
    }
    copy(&url).await
}

async fn copy(url: &str) -> Shared {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into()).ok().filter(|c| c.is_object());
    let written = match clipboard {
        Some(clipboard) => {
            let write: Option<js_sys::Function> = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok().and_then(|f| f.dyn_into().ok());
            match write.and_then(|f| f.call1(&clipboard, &url.into()).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
                Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                None => false,
            }
        }
        None => false,
    };
    if written { Shared::Copied } else { Shared::Failed(url.to_string()) }
}

thread_local! {
    /// One observer for every card on the page; each card's file URL rides on its link as `data-prefetch`.
    static VISIBLE: Option<web_sys::IntersectionObserver> = {
        let on_visible = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
            |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                for entry in entries.iter().filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()) {
                    if entry.is_intersecting() {
                        let target = entry.target();
                        observer.unobserve(&target);
                        if let Some(url) = target.get_attribute("data-prefetch") {
                            crate::data::prefetch::<broadsheet_model::Article>(url);
                        }
                    }
                }
            },
        );
        let observer = web_sys::IntersectionObserver::new(on_visible.as_ref().unchecked_ref()).ok();
        on_visible.forget();
        observer
    };
}

/// Prefetches the article file `url` once `link` has been on screen.
pub fn prefetch_when_visible(link: &web_sys::Element, url: String) {
    if url.is_empty() {
        return;
    }
    let _ = link.set_attribute("data-prefetch", &url);
    VISIBLE.with(|observer| {
        if let Some(observer) = observer {
            observer.observe(link);
        }
    });
}

/// The keys kept in localStorage that start with `prefix` (none when storage is unavailable).
pub fn storage_keys(prefix: &str) -> Vec<String> {
    let Some(storage) = local_storage() else { return vec![] };
    js_sys::Object::keys(&storage).iter().filter_map(|key| key.as_string()).filter(|key| key.starts_with(prefix)).collect()
}

/// Where the caret (or the selection) is in the focused text field, to be put back by [`refocus_field`] once a
/// redraw has replaced the field.
pub fn focused_selection() -> Option<(f64, f64)> {
    let field = active_element()?;
    let at = |key: &str| js_sys::Reflect::get(&field, &key.into()).ok()?.as_f64();
    Some((at("selectionStart")?, at("selectionEnd")?))
}

/// Focuses the field with `id` without scrolling, with the caret where [`focused_selection`] found it.
pub fn refocus_field(id: &str, selection: Option<(f64, f64)>) {
    focus_id_in_place(id);
    if let (Some(field), Some((start, end))) = (active_element(), selection) {
        let _ = js_sys::Reflect::set(&field, &"selectionStart".into(), &start.into());
        let _ = js_sys::Reflect::set(&field, &"selectionEnd".into(), &end.into());
    }
}

/// Whether focus is on the app's element with `id` or inside it.
pub fn focus_within(id: &str) -> bool {
    element_by_id(id).zip(active_element()).is_some_and(|(element, focused)| element.contains(Some(&focused)))
}

/// Stores a value, or removes it for `None`; whether storage took it (not when it is unavailable or full): the
/// comment form keeps the words it could not store. (At the end of the file: code only the island uses, so that the
/// app's panic locations above do not move.)
pub fn storage_put(key: &str, value: Option<&str>) -> bool {
    let Some(storage) = local_storage() else { return false };
    match value {
        Some(value) => storage.set_item(key, value),
        None => storage.remove_item(key),
    }
    .is_ok()
}
