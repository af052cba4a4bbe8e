//! Islands: parts of the app built as WASM modules of their own, loaded only when the reader comes near them
//! (docs/architecture.md, "The comments are an island"). The app asks `loader.js` for one with an event on its host
//! element: the loader knows where this build's files are and their integrity digests. The app then mounts the
//! island into an element of its own and unmounts it when that element goes.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::browser::{install_panic_hook, panicked, scroller, set_root, PanicView};
use super::{Island, IslandProblem};

/// The event `loader.js` answers: `detail.name` names the island, and the loader puts a promise of the started
/// module in `detail.module`.
const LOAD_EVENT: &str = "broadsheet:island";

/// Watches an element until it comes near the screen; dropping it stops watching.
pub struct NearScreen(Rc<Watch>);

struct Watch {
    element: web_sys::Element,
    observer: Cell<Option<web_sys::IntersectionObserver>>,
    on_change: Closure<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>,
}

impl Drop for NearScreen {
    fn drop(&mut self) {
        if let Some(observer) = self.0.observer.take() {
            observer.disconnect();
        }
    }
}

thread_local! {
    /// The watchers not dropped yet, to measure again when the app moves ([`watch_again`]).
    static WATCHING: RefCell<Vec<Weak<Watch>>> = const { RefCell::new(Vec::new()) };
}

/// Calls `then` once, when `element` comes within a screen's height of the viewport (above or below it).
pub fn when_near_screen(element: &web_sys::Element, then: impl FnOnce() + 'static) -> Option<NearScreen> {
    let then = Cell::new(Some(then));
    let on_change = Closure::new(move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
        let near = entries.iter().filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()).any(|e| e.is_intersecting());
        if near {
            observer.disconnect();
            if let Some(then) = then.take() {
                then();
            }
        }
    });
    let watch = Rc::new(Watch { element: element.clone(), observer: Cell::new(None), on_change });
    watch.observe();
    WATCHING.with(|w| {
        let mut watching = w.borrow_mut();
        watching.retain(|watch| watch.strong_count() > 0);
        watching.push(Rc::downgrade(&watch));
    });
    Some(NearScreen(watch))
}

/// After a host page that renders itself has had the app moved into a new element: the screen is measured again
/// where the reader scrolls the app now. The column it scrolled in may be gone, or the page scrolls instead, and a
/// watcher measuring in the old one would never fire. (One that has fired fires again and does nothing.)
pub(super) fn watch_again() {
    WATCHING.with(|w| {
        for watch in w.borrow().iter().filter_map(Weak::upgrade) {
            watch.observe();
        }
    });
}

impl Watch {
    fn observe(&self) {
        if let Some(old) = self.observer.take() {
            old.disconnect();
        }
        let options = web_sys::IntersectionObserverInit::new();
        // A screen of the host's scrolling column where the app scrolls in one: the page's viewport would stop at
        // its edges, so "near" would only be "in view".
        options.set_root(scroller().as_ref());
        options.set_root_margin("100% 0px 100% 0px");
        let observer = web_sys::IntersectionObserver::new_with_options(self.on_change.as_ref().unchecked_ref(), &options).ok();
        if let Some(observer) = &observer {
            observer.observe(&self.element);
        }
        self.observer.set(observer);
    }
}

/// The started module of `island`, asked of the loader from `from` (an element inside the app).
pub async fn load_island(from: &web_sys::Element, island: Island) -> Result<JsValue, IslandProblem> {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"name".into(), &island.name().into());
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    // Out of the shadow root, when the app is embedded, to the host element the loader listens on.
    init.set_composed(true);
    init.set_detail(&detail);
    let event = web_sys::CustomEvent::new_with_event_init_dict(LOAD_EVENT, &init)
        .map_err(|_| IslandProblem::Broken("cannot create the load event".to_string()))?;
    let _ = from.dispatch_event(&event);
    let promise = js_sys::Reflect::get(&detail, &"module".into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| IslandProblem::Broken(format!("no loader offers the {} island on this page", island.name())))?;
    // The loader says which kind of failure it was. After one, it forgets the attempt, so a retry fetches again.
    JsFuture::from(promise).await.map_err(|e| {
        let field = |name: &str| js_sys::Reflect::get(&e, &name.into()).ok().and_then(|m| m.as_string());
        let message = field("message").unwrap_or_else(|| format!("the {} island did not start", island.name()));
        match field("kind").as_deref() {
            Some("broken") => IslandProblem::Broken(message),
            _ => IslandProblem::Unreachable(message),
        }
    })
}

/// Calls the island module's `mount` export with `args`; the result is the mounted island, for [`unmount_island`].
/// It fails once the island has panicked: its module can run nothing more until the page is reloaded.
pub fn mount_island(module: &JsValue, args: &[JsValue]) -> Result<JsValue, IslandProblem> {
    let mount: js_sys::Function = js_sys::Reflect::get(module, &"mount".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| IslandProblem::Broken("the island module has no mount function".to_string()))?;
    let args: js_sys::Array = args.iter().collect();
    mount.apply(&JsValue::NULL, &args).map_err(|e| IslandProblem::Broken(format!("the island could not mount: {e:?}")))
}

/// Unmounts an island [`mount_island`] returned (wasm-bindgen's `free` drops it on the island's side).
pub fn unmount_island(mounted: &JsValue) {
    if let Some(free) = js_sys::Reflect::get(mounted, &"free".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = free.call0(mounted);
    }
}

/// Whether this island's module has stopped after a panic (it can mount nothing more).
pub fn island_stopped() -> bool {
    panicked()
}

thread_local! {
    /// The app's `on_ready` for the island mounted last (an island is mounted once per page at most: the app has one
    /// comments slot): a panic calls it too, so the app shows the panic's message.
    static ON_READY: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

fn call_on_ready() {
    if let Some(on_ready) = ON_READY.with(|f| f.borrow().clone()) {
        let _ = on_ready.call0(&JsValue::NULL);
    }
}

/// In an island's own WASM: mounts `view` into `host` (an element the app gave it, which the app shows once
/// `on_ready` is called). A panic shows its message in `host` only, and the app around it keeps working; after one,
/// nothing mounts again (an error). Dropping the result unmounts the view.
pub fn start_island<F, V>(island: Island, host: web_sys::HtmlElement, on_ready: js_sys::Function, view: F) -> Result<Box<dyn std::any::Any>, String>
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    if panicked() {
        return Err(format!("the {} island stopped after a panic; reload the page", island.name()));
    }
    let panic = match island {
        Island::Comments => PanicView {
            log_prefix: "Broadsheet comments stopped",
            class: "bs-comments",
            heading: "The comments stopped working",
            text: "Reloading the page usually brings them back.",
            then: Some(call_on_ready),
        },
    };
    install_panic_hook(panic);
    set_root(host.clone());
    ON_READY.with(|f| *f.borrow_mut() = Some(on_ready));
    Ok(Box::new(leptos::mount::mount_to(host, view)))
}
