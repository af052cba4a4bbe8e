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

use broadsheet_model::comments::CommentsFile;
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
    Effect::new(move |_| {
        reload.track();
        published.set(None);
        let (url, path) = (url.clone(), path.clone());
        spawn_local(async move {
            let result = match data::load::<CommentsFile>(url.clone(), &path).await {
                // No file is no comments, and remembered like a file, so a revisit does not ask again.
                Err(FetchError::NotFound) => {
                    let none = Arc::new(CommentsFile { format_version: 1, article: String::new(), comments: vec![] });
                    data::remember(url, none.clone(), 0, &path);
                    Ok(none)
                }
                other => other,
            };
            // Not when the reader has left (the section is gone): there is nothing to show.
            if published.try_set(Some(result)).is_none() {
                if let Some(on_ready) = on_ready {
                    on_ready.run(());
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
    let open_reply = RwSignal::new(None);
    let replies = ReplyState {
        open: open_reply,
        article: StoredValue::new(slug.clone()),
        endpoint: StoredValue::new(endpoint.clone()),
        // Once a reply is sent its form closes; the reply shows in the thread.
        on_posted: Callback::new(move |posted: OwnComment| {
            open_reply.set(None);
            on_posted.run(posted);
        }),
    };
    let shown = move || -> Vec<Shown> {
        let file = published.get().and_then(Result::ok);
        let mut all: Vec<Shown> = file.iter().flat_map(|f| f.comments.iter()).map(|c| Shown { comment: c.clone(), own: None }).collect();
        for o in own.get() {
            // An own comment the published file now has is shown once, as published.
            if !all.iter().any(|s| s.comment.id == o.comment.id) {
                all.push(Shown { comment: o.comment, own: Some(o.status) });
            }
        }
        all
    };
    let count = move || {
        let n = shown().len();
        if n == 1 { "1 comment".to_string() } else { format!("{n} comments") }
    };
    let body = move || match published.get() {
        None => view! { <p class="bs-comments__loading">"Loading comments…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="bs-comments__error" role="alert">
                <p>"The comments could not be loaded. " {e.message()}</p>
                <button type="button" class="bs-button" on:click=move |_| reload.update(|n| *n += 1)>"Try again"</button>
            </div>
        }
        .into_any(),
        Some(Ok(_)) => comment_list(&shown(), replies).into_any(),
    };
    let slug_for_form = slug.clone();
    view! {
        <section class="bs-comments" aria-labelledby="bs-comments-title">
            <h2 id="bs-comments-title" class="bs-comments__title">{count}</h2>
            {body}
            <CommentForm article=slug_for_form endpoint=endpoint on_posted=on_posted/>
        </section>
    }
}
