//! Where the comments go on an article page. The comments are an island (docs/architecture.md): their code is a
//! WASM module of its own, which this slot loads only when it comes near the screen, so a reader who never scrolls
//! down to them never downloads it. Until the island has the published comments to show, the slot keeps a
//! placeholder, so they appear in one step.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use crate::data::FetchError;
use crate::platform::{self, Island, IslandProblem, NearScreen};
use crate::Config;

/// The slot's own "Comments" heading, shown until the island's: where focus waits after "Try again".
const WAITING_HEADING: &str = "bs-comments-waiting";

#[derive(Debug, Clone, PartialEq)]
enum Slot {
    /// Not near the screen yet, or loading.
    Waiting,
    /// The island is mounted and showing the comments.
    Shown,
    /// The island's code could not be fetched: a retry may work.
    Unreachable(FetchError),
    /// The island cannot run on this page (it stopped after a panic, or nothing offers it): a reload may help.
    Broken,
}

/// What the slot holds on the browser side: the watcher until the slot comes near the screen, then the mounted
/// island and the callback it was given. Dropped (and the island unmounted) when the slot goes.
#[derive(Default)]
struct Held {
    watcher: Option<NearScreen>,
    mounted: Option<JsValue>,
    on_ready: Option<wasm_bindgen::closure::Closure<dyn Fn()>>,
}

#[component]
pub fn CommentsSlot(section: String, slug: String, endpoint: Option<String>) -> impl IntoView {
    let config = expect_context::<Config>();
    let state = RwSignal::new(Slot::Waiting);
    let outer = NodeRef::<Div>::new();
    let inner = NodeRef::<Div>::new();
    let held = SendWrapper::new(Rc::new(RefCell::new(Held::default())));
    let props = Rc::new(Props { content_base: config.content_base.clone(), section, slug, endpoint });

    let start = {
        let held = held.clone();
        let props = props.clone();
        SendWrapper::new(Rc::new(move || {
            // Called from a timer too (Try again), when the slot may have gone meanwhile.
            let (Some(Some(outer)), Some(Some(inner))) = (outer.try_get_untracked(), inner.try_get_untracked()) else { return };
            let (held, props) = ((*held).clone(), props.clone());
            spawn_local(async move {
                let module = platform::load_island(&outer, Island::Comments).await;
                // The reader may have left the article meanwhile.
                if state.try_get_untracked().is_none() {
                    return;
                }
                // Called by the island once it shows the published comments (or why it cannot): the placeholder goes then.
                let on_ready = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    // Focus left on the waiting heading (after "Try again") moves on to the comments' own, where
                    // the reader is or not: no scrolling.
                    let refocus = platform::is_focused(WAITING_HEADING);
                    // Not for a story the reader has left: the slot has gone.
                    if state.try_set(Slot::Shown).is_some() {
                        return;
                    }
                    set_timeout(
                        move || {
                            // Back or a reload to a place in the comments: there now.
                            platform::finish_scroll_restore();
                            if refocus {
                                platform::focus_id_in_place("bs-comments-title");
                            }
                        },
                        std::time::Duration::ZERO,
                    );
                });
                let mounted = module.and_then(|module| platform::mount_island(&module, &props.args(inner.into(), on_ready.as_ref())));
                held.borrow_mut().on_ready = Some(on_ready);
                match mounted {
                    Ok(mounted) => held.borrow_mut().mounted = Some(mounted),
                    Err(IslandProblem::Unreachable(problem)) => {
                        leptos::logging::warn!("Broadsheet: the comments could not be loaded: {problem}");
                        let refocus = platform::is_focused(WAITING_HEADING);
                        state.set(Slot::Unreachable(if platform::online() { FetchError::Network } else { FetchError::Offline }));
                        // A retry that failed again: focus stays on the comments' heading, now above the error.
                        if refocus {
                            set_timeout(|| platform::focus_id_in_place(WAITING_HEADING), std::time::Duration::ZERO);
                        }
                    }
                    Err(IslandProblem::Broken(problem)) => {
                        leptos::logging::warn!("Broadsheet: {problem}");
                        // A panic while mounting has already shown its own message (and made the slot Shown).
                        if state.get_untracked() != Slot::Shown {
                            state.set(Slot::Broken);
                        }
                    }
                }
            });
        }) as Rc<dyn Fn()>)
    };
    {
        let (held, start) = (held.clone(), start.clone());
        outer.on_load(move |outer| {
            let start = (*start).clone();
            held.borrow_mut().watcher = platform::when_near_screen(&outer, move || start());
        });
    }
    on_cleanup(move || {
        let held = std::mem::take(&mut *held.borrow_mut());
        if let Some(mounted) = held.mounted {
            platform::unmount_island(&mounted);
        }
    });
    let retry = move |_| {
        state.set(Slot::Waiting);
        // The button has gone: focus stays in the comments, on their heading, before the island can replace it.
        let start = start.clone();
        set_timeout(
            move || {
                platform::focus_id_in_place(WAITING_HEADING);
                start();
            },
            std::time::Duration::ZERO,
        );
    };
    view! {
        // While waiting it is a screen tall and never the element scrolling keeps in place (the stylesheet).
        <div class=move || if state.get() == Slot::Waiting { "bs-comments-slot bs-comments-slot--waiting" } else { "bs-comments-slot" } node_ref=outer>
            {move || match state.get() {
                Slot::Shown => None,
                Slot::Waiting => Some(placeholder().into_any()),
                Slot::Unreachable(error) => Some(problem(
                    format!("The comments could not be loaded. {}", error.message()),
                    view! { <button type="button" class="bs-button" on:click=retry.clone()>"Try again"</button> },
                ).into_any()),
                Slot::Broken => Some(problem(
                    "The comments cannot be shown on this page just now. Reloading the page usually brings them back.".to_string(),
                    view! { <button type="button" class="bs-button" on:click=|_| platform::reload_page()>"Reload"</button> },
                ).into_any()),
            }}
            <div node_ref=inner hidden=move || state.get() != Slot::Shown></div>
        </div>
    }
}

/// What the slot shows until the comments are there: a labelled region with a heading, so a screen reader's list
/// of headings finds the comments before they have loaded (and moving there brings them near the screen).
fn placeholder() -> impl IntoView {
    view! {
        <section class="bs-comments" aria-labelledby="bs-comments-waiting">
            <h2 id=WAITING_HEADING class="bs-comments__title" tabindex="-1">"Comments"</h2>
            <p class="bs-comments__loading">"Loading comments…"</p>
            // A pre-rendered page read without JavaScript says this instead (the stylesheet picks one).
            <p class="bs-comments__no-script">"The comments need JavaScript."</p>
            // And this when the page's first script could not be had (public/early.js): nothing of ours will run.
            <p class="bs-comments__failed">"The comments could not be loaded. Reload the page to try again."</p>
        </section>
    }
}

/// Why the comments are not shown, with the way out.
fn problem(message: String, action: impl IntoView) -> impl IntoView {
    view! {
        <section class="bs-comments" aria-labelledby="bs-comments-waiting">
            <h2 id=WAITING_HEADING class="bs-comments__title" tabindex="-1">"Comments"</h2>
            // A status, not an alert: the reader may still be reading the story when it shows.
            <div class="bs-comments__error" role="status">
                <p>{message}</p>
                {action}
            </div>
        </section>
    }
}

/// What the island's `mount` takes (`src/bin/broadsheet-comments.rs`), in its order.
struct Props {
    content_base: String,
    section: String,
    slug: String,
    endpoint: Option<String>,
}

impl Props {
    fn args(&self, host: JsValue, on_ready: &JsValue) -> Vec<JsValue> {
        let endpoint = self.endpoint.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
        vec![
            host,
            JsValue::from_str(&self.content_base),
            JsValue::from_str(&self.section),
            JsValue::from_str(&self.slug),
            endpoint,
            on_ready.clone(),
        ]
    }
}
