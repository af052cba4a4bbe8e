//! The published comments and the reader's own, threaded.

use broadsheet_model::comments::{is_http_url, Comment, MAX_DEPTH};
use leptos::prelude::*;

use super::form::CommentForm;
use super::store::{OwnComment, OwnStatus};
use crate::components::Timestamp;

/// One comment to show, with how only its author sees it (if so).
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub comment: Comment,
    pub own: Option<OwnStatus>,
}

/// Which comment's reply form is open, shared by the whole list.
#[derive(Clone, Copy)]
pub struct ReplyState {
    pub open: RwSignal<Option<String>>,
    pub article: StoredValue<String>,
    pub endpoint: StoredValue<Option<String>>,
    pub on_posted: Callback<OwnComment>,
}

/// Replies to `parent` (top-level comments for `None`), oldest first, each with its own replies beneath.
pub fn comment_list(all: &[Shown], parent: Option<&str>, depth: usize, replies: ReplyState) -> impl IntoView {
    let key = |s: &Shown| (broadsheet_model::time::parse_timestamp(&s.comment.published).unwrap_or(i64::MAX), s.comment.id.clone());
    let ids: std::collections::HashSet<&str> = all.iter().map(|s| s.comment.id.as_str()).collect();
    let mut here: Vec<&Shown> = all
        .iter()
        .filter(|s| match (parent, s.comment.parent.as_deref()) {
            // A reply whose parent is missing is shown at the top, not lost.
            (None, p) => p.is_none_or(|p| !ids.contains(p) || p == s.comment.id),
            (Some(parent), Some(p)) => p == parent && s.comment.id != parent,
            (Some(_), None) => false,
        })
        .collect();
    here.sort_by_key(|s| key(s));
    let items = here
        .into_iter()
        .map(|shown| {
            // Replies deeper than the limit are shown at the limit, under the same list.
            let children = if depth < MAX_DEPTH { Some(comment_list(all, Some(&shown.comment.id), depth + 1, replies)) } else { None };
            let flattened = (depth >= MAX_DEPTH).then(|| flat_descendants(all, &shown.comment.id, replies));
            view! { <CommentItem shown=shown.clone() depth=depth replies=replies>{children}{flattened}</CommentItem> }
        })
        .collect_view();
    view! { <ol class=format!("bs-comments__list bs-comments__list--depth-{depth}")>{items}</ol> }
}

/// Everything below a comment at the deepest level, in reading order, as siblings.
fn flat_descendants(all: &[Shown], id: &str, replies: ReplyState) -> Option<AnyView> {
    let mut out = vec![];
    let mut stack = vec![id.to_string()];
    let mut seen = std::collections::HashSet::new();
    while let Some(current) = stack.pop() {
        let mut kids: Vec<&Shown> = all.iter().filter(|s| s.comment.parent.as_deref() == Some(&current) && s.comment.id != current).collect();
        kids.sort_by(|a, b| b.comment.published.cmp(&a.comment.published));
        for kid in kids {
            if seen.insert(kid.comment.id.clone()) {
                out.push(kid.clone());
                stack.push(kid.comment.id.clone());
            }
        }
    }
    if out.is_empty() {
        return None;
    }
    out.sort_by_key(|s| broadsheet_model::time::parse_timestamp(&s.comment.published).unwrap_or(i64::MAX));
    let items = out.into_iter().map(|s| view! { <CommentItem shown=s depth=MAX_DEPTH replies=replies>{()}</CommentItem> }).collect_view();
    Some(view! { <ol class="bs-comments__list">{items}</ol> }.into_any())
}

#[component]
fn CommentItem(shown: Shown, depth: usize, replies: ReplyState, children: Children) -> impl IntoView {
    let Shown { comment, own } = shown;
    let author = match comment.website.as_deref().filter(|w| is_http_url(w)) {
        Some(site) => view! { <a href=site.to_string() rel="nofollow ugc noopener">{comment.author.clone()}</a> }.into_any(),
        None => view! { <span>{comment.author.clone()}</span> }.into_any(),
    };
    let marker = own.map(|status| {
        let words = match status {
            OwnStatus::Local => "Only you can see this comment.",
            OwnStatus::Pending => "Awaiting moderation: only you can see this comment.",
            OwnStatus::Published => "Your comment.",
        };
        view! { <p class="bs-comment__private">{words}</p> }
    });
    let id = comment.id.clone();
    let reply_to = comment.id.clone();
    let is_open = move || replies.open.get().as_deref() == Some(id.as_str());
    let button_id = format!("bs-reply-to-{}", comment.id.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>());
    let reply = (depth < MAX_DEPTH).then(|| {
        let reply_to = reply_to.clone();
        let is_open = is_open.clone();
        view! {
            <button type="button" class="bs-comment__reply" id=button_id.clone() aria-expanded=move || if is_open() { "true" } else { "false" }
                on:click=move |_| replies.open.set(Some(reply_to.clone()))>
                "Reply"
                <span class="bs-visually-hidden">" to " {comment.author.clone()}</span>
            </button>
        }
    });
    let form = move || {
        is_open().then(|| {
            let button_id = button_id.clone();
            let cancel = Callback::new(move |_| {
                replies.open.set(None);
                platform_focus(&button_id);
            });
            view! {
                <CommentForm article=replies.article.get_value() endpoint=replies.endpoint.get_value()
                    parent=reply_to.clone() on_posted=replies.on_posted on_cancel=cancel/>
            }
        })
    };
    view! {
        <li class="bs-comment" class:bs-comment--own=own.is_some()>
            <article class="bs-comment__body">
                <header class="bs-comment__header">
                    <p class="bs-comment__author">{author}</p>
                    <p class="bs-comment__time"><Timestamp iso=comment.published.clone()/></p>
                </header>
                <p class="bs-comment__text">{comment.text.clone()}</p>
                {marker}
                {reply}
                {form}
            </article>
            {children()}
        </li>
    }
}

fn platform_focus(id: &str) {
    crate::platform::focus_id(id);
}
