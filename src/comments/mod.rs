//! Comments under an article: the published ones from the static comments file, the reader's own, and the form.
//! A broken comments file shows an error here only; the article around it is untouched.
//!
//! They are an island (docs/architecture.md): the app itself has only [`CommentsSlot`] (`slot.rs`), which loads the
//! comments' own WASM module (`src/bin/broadsheet-comments.rs`, using `island.rs`) when they come near the screen.
//! Everything else here is compiled into that module, not into the app.

mod form;
#[cfg(target_arch = "wasm32")]
pub mod island;
mod list;
mod slot;
mod store;
mod submit;

pub use form::CommentForm;
pub use slot::CommentsSlot;

use std::sync::Arc;

use broadsheet_model::comments::{thread, CommentsFile};
use broadsheet_model::route::comments_path;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data::{self, FetchError};
use crate::Config;
use list::{comment_list, ReplyState, Shown};
use store::OwnComment;

/// The comments of one article. `on_ready` is called once the published comments, or why they cannot be shown, are
/// on screen (the slot that loaded this island shows a placeholder until then).
#[component]
pub fn CommentsSection(section: String, slug: String, endpoint: Option<String>, #[prop(optional)] on_ready: Option<Callback<()>>) -> impl IntoView {
    let config = expect_context::<Config>();
    let path = comments_path(&section, &slug);
    let url = config.content_url(&path);
    let published: RwSignal<Option<Result<Arc<CommentsFile>, FetchError>>> = RwSignal::new(None);
    let reload = RwSignal::new(0u32);
    // After "Try again" the button is gone: focus goes to the heading once the outcome is shown.
    let refocus = StoredValue::new(false);
    let slug_for_load = slug.clone();
    Effect::new(move |_| {
        reload.track();
        published.set(None);
        let (url, path, slug_for_store) = (url.clone(), path.clone(), slug_for_load.clone());
        spawn_local(async move {
            let result = match data::load::<CommentsFile>(url.clone(), &path).await {
                // No file is no comments, and remembered like a file, so a revisit does not ask again.
                Err(FetchError::NotFound) => {
                    let none = Arc::new(CommentsFile { format_version: 1, article: String::new(), comments: vec![] });
                    data::remember(url, none.clone(), 0, &path);
                    Ok(none)
                }
                Ok(file) => {
                    store::forget_published(&slug_for_store, &file.comments);
                    Ok(file)
                }
                other => other,
            };
            // Not when the reader has left (the section is gone): there is nothing to show.
            if published.try_set(Some(result)).is_none() {
                if let Some(on_ready) = on_ready {
                    on_ready.run(());
                }
                if refocus.try_update_value(std::mem::take) == Some(true) {
                    set_timeout(|| crate::platform::focus_id("bs-comments-title"), std::time::Duration::ZERO);
                }
            }
        });
    });
    let own = RwSignal::new(store::load_own(&slug));
    let on_posted = Callback::new(move |posted: OwnComment| {
        own.update(|all| {
            all.retain(|o| o.comment.id != posted.comment.id);
            all.push(posted);
        });
    });
    // How many pages of a long thread the reader has asked for: kept while the thread is redrawn, and in the history
    // entry, so that Back or a reload to a place far down the thread finds it there (list.rs).
    let pages = RwSignal::new(crate::platform::history_number(list::PAGES_KEY).map_or(1, |n| n as u32));
    // And, for the reader's own comments shown after a gap, the page the later ones run to.
    let later_to = RwSignal::new(crate::platform::history_number(list::LATER_TO_KEY).map_or(0, |n| n as u32));
    let open_reply = list::OpenReply::new();
    let drafts_changed = RwSignal::new(0u32);
    // The forms' states, made under this section (not the form) so that they outlive a redrawn thread. A reply
    // form's goes when it closes, unless it holds words this browser could not keep.
    let main_form = form::FormState::new(&slug, None);
    let forms = StoredValue::new(Vec::<(String, form::FormState)>::new());
    let kept_form = move |parent: &str| forms.with_value(|all| all.iter().find(|(p, _)| p == parent).map(|(_, s)| *s));
    let forget_form = Callback::new(move |parent: String| forms.update_value(|all| all.retain(|(p, s)| *p != parent || s.holds_unsaved())));
    // Another tab wrote or cleared a draft of this story: a form of it here follows. For a reply's draft, or all
    // storage emptied (then what the forms hold stays only here), the Reply buttons' draft marks are read again.
    let drafts_of_article = store::draft_key(&slug, Some(""));
    let main_draft = store::draft_key(&slug, None);
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        let key = ev.key().unwrap_or_default();
        let kept = move || ev.new_value().unwrap_or_default();
        if key == main_draft {
            return main_form.follow(kept());
        }
        match key.strip_prefix(&drafts_of_article).map(kept_form) {
            Some(Some(state)) => state.follow(kept()),
            None if !key.is_empty() => return,
            Some(None) => {}
            None => {
                main_form.unsave();
                forms.with_value(|all| all.iter().for_each(|(_, state)| state.unsave()));
            }
        }
        drafts_changed.update(|n| *n += 1);
    });
    on_cleanup(move || storage.remove());
    // Back at this page from the browser's back-forward cache, which delivers no storage events meanwhile: the forms
    // read their drafts again.
    let article = slug.clone();
    let shown = window_event_listener_untyped("pageshow", move |_| {
        main_form.follow(store::load_draft(&article, None));
        forms.with_value(|all| all.iter().for_each(|(parent, state)| state.follow(store::load_draft(&article, Some(parent)))));
        drafts_changed.update(|n| *n += 1);
    });
    on_cleanup(move || shown.remove());
    // Weak: the callback lives in this section's owner, and a strong one would keep the section (and every reply
    // form's state) alive after the island unmounts.
    let owner = Owner::current().map(|o| o.downgrade());
    let form_article = slug.clone();
    let form = Callback::new(move |parent: String| {
        if let Some(state) = kept_form(&parent) {
            return state;
        }
        let make = || form::FormState::new(&form_article, Some(&parent));
        let state = match owner.as_ref().and_then(|o| o.upgrade()) {
            Some(owner) => owner.with(make),
            None => make(),
        };
        forms.update_value(|all| all.push((parent, state)));
        state
    });
    // What a reply form said when it closed: its own status region goes with it.
    let notice = RwSignal::new(String::new());
    let replies = ReplyState {
        open: open_reply,
        drafts_changed,
        form,
        forget_form,
        article: StoredValue::new(slug.clone()),
        // Read once: a page shown for a draft stays while the reader is there, whatever becomes of the draft.
        drafted: StoredValue::new(store::drafted_replies(&slug)),
        endpoint: StoredValue::new(endpoint.clone()),
        // Once a reply is sent its form closes (unless the reader has opened another meanwhile), focus goes back to
        // its Reply button if it was in the form, and the reply shows in the thread.
        on_posted: Callback::new(move |posted: OwnComment| {
            let parent = posted.comment.parent.clone();
            let message = form::sent_message(posted.status);
            on_posted.run(posted);
            let closes = parent.as_deref().is_some_and(|parent| open_reply.is_under(parent));
            // Focus follows only from inside the form that closes: not when the reader has moved on meanwhile.
            let refocus = closes && crate::platform::focus_within(&form::reply_form_id(parent.as_deref().unwrap_or_default()));
            if closes {
                open_reply.close();
                forget_form.run(parent.clone().unwrap_or_default());
            }
            // Emptied first and filled after the thread is redrawn, so the same words are announced again for a second
            // reply.
            notice.set(String::new());
            set_timeout(
                move || {
                    notice.try_set(message.to_string());
                    if refocus {
                        crate::platform::focus_id(&list::reply_button_id(parent.as_deref().unwrap_or_default()));
                    }
                },
                std::time::Duration::ZERO,
            );
        }),
    };
    let shown = move || -> Vec<Shown> {
        let file = published.get().and_then(Result::ok);
        let mut all: Vec<Shown> = file.iter().flat_map(|f| f.comments.iter()).map(|c| Shown { comment: c.clone(), own: None }).collect();
        let published: Vec<_> = all.iter().map(|s| s.comment.clone()).collect();
        let own = own.get();
        // An own comment the published file now has is shown once, as published.
        for (o, done) in own.iter().zip(store::published_flags(&own, &published)) {
            if !done {
                all.push(Shown { comment: o.comment.clone(), own: Some(o.status) });
            }
        }
        all
    };
    // What the thread shows: not a repeated id, nor replies in a loop with no comment to start from.
    // Until the comments are there (loading, or they could not be loaded), no count: "0 comments" would be untrue.
    let count = move || {
        if !matches!(published.get(), Some(Ok(_))) {
            return "Comments".to_string();
        }
        let n = thread(&shown().into_iter().map(|s| s.comment).collect::<Vec<_>>()).len();
        if n == 1 { "1 comment".to_string() } else { format!("{n} comments") }
    };
    let body = move || match published.get() {
        None => view! { <p class="bs-comments__loading">"Loading comments…"</p> }.into_any(),
        Some(Err(e)) => view! {
            // A status, not an alert: the reader may still be reading the story when it shows.
            <div class="bs-comments__error" role="status">
                <p>"The comments could not be loaded. " {why(&e)}</p>
                <button type="button" class="bs-button" on:click=move |_| {
                    // Asked for again, a file of a newer format is the same: a reload brings the app that reads it.
                    if matches!(e, FetchError::UpdateNeeded(_)) {
                        return crate::platform::reload_page();
                    }
                    refocus.set_value(true);
                    reload.update(|n| *n += 1);
                }>"Try again"</button>
            </div>
        }
        .into_any(),
        Some(Ok(_)) => {
            // Redrawn (the reader's own comment has arrived): focus in a reply form that lost it goes back to the
            // same control, with the caret where it was (the reader may be typing in the middle of their words).
            let focused = crate::platform::focused_id().filter(|id| id.starts_with("bs-reply-"));
            let caret = crate::platform::focused_selection();
            let list = comment_list(&shown(), replies, pages, later_to);
            if let Some(id) = focused {
                let lost = || crate::platform::focused_id().is_none_or(|id| id.is_empty());
                set_timeout(move || if lost() { crate::platform::refocus_field(&id, caret) }, std::time::Duration::ZERO);
            }
            list.into_any()
        }
    };
    let slug_for_form = slug.clone();
    view! {
        <section class="bs-comments" aria-labelledby="bs-comments-title">
            <h2 id="bs-comments-title" class="bs-comments__title" tabindex="-1">{count}</h2>
            {body}
            <CommentForm article=slug_for_form endpoint=endpoint state=main_form on_posted=on_posted/>
            <p class="bs-visually-hidden" role="status">{notice}</p>
        </section>
    }
}

/// Why the comments could not be loaded, in words about them (the shared messages speak of "the page").
fn why(error: &FetchError) -> String {
    match error {
        FetchError::Malformed(_) => "They arrived damaged. Try again in a moment.".into(),
        FetchError::TooLarge => "There are too many to show.".into(),
        FetchError::UpdateNeeded(_) => "They use a newer format than this version of the site can read. Try again to reload the page with the newer version.".into(),
        other => other.message(),
    }
}
