//! The published comments and the reader's own, threaded.

use std::collections::HashMap;

use broadsheet_model::comments::{is_http_url, opening, page_starts, same_author_and_minute, shown_pages, thread, Comment, MAX_DEPTH};
use leptos::prelude::*;

use super::form::{id_part, CommentForm, FormState};
use super::store::{self, OwnComment, OwnStatus};
use crate::components::{time_label, Timestamp};

/// One comment to show, with how only its author sees it (if so).
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub comment: Comment,
    pub own: Option<OwnStatus>,
}

/// Which comment's reply form is open (one at a time), with that comment's own open flag. Each comment watches only
/// its own flag: a single signal read by every comment made each open or close re-run two closures per comment
/// (about 200 ms at 3,000 comments).
#[derive(Clone, Copy)]
pub struct OpenReply(StoredValue<Option<(String, RwSignal<bool>)>>);

impl OpenReply {
    pub fn new() -> Self {
        Self(StoredValue::new(None))
    }

    /// Opens the reply form under `comment` (whose flag is `flag`), closing the one open before.
    fn open(self, comment: &str, flag: RwSignal<bool>) {
        if let Some((_, before)) = self.0.try_update_value(|open| open.replace((comment.to_string(), flag))).flatten() {
            before.try_set(false);
        }
        flag.set(true);
    }

    /// Closes the reply form that is open, if any.
    pub fn close(self) {
        if let Some((_, flag)) = self.0.try_update_value(Option::take).flatten() {
            flag.try_set(false);
        }
    }

    /// Whether the reply form under `comment` is the one open.
    pub fn is_under(self, comment: &str) -> bool {
        self.0.with_value(|open| open.as_ref().is_some_and(|(id, _)| id == comment))
    }

    /// A flag for `comment`'s reply form: open if it was open in the thread this one redraws.
    fn flag_for(self, comment: &str) -> RwSignal<bool> {
        let was_open = self.is_under(comment);
        let flag = RwSignal::new(was_open);
        if was_open {
            self.0.set_value(Some((comment.to_string(), flag)));
        }
        flag
    }
}

/// What each reply form holds, shared by the whole list.
#[derive(Clone, Copy)]
pub struct ReplyState {
    pub open: OpenReply,
    /// Notified when another tab changes what this browser keeps (a reply draft written or cleared there).
    pub drafts_changed: RwSignal<u32>,
    /// The state of the reply form under a comment, by its id: kept by the section, so a redrawn thread keeps it.
    pub form: Callback<String, FormState>,
    pub forget_form: Callback<String>,
    pub article: StoredValue<String>,
    /// The comments the reader had begun a reply to, and not sent, when the comments were opened (by id).
    pub drafted: StoredValue<Vec<String>>,
    pub endpoint: StoredValue<Option<String>>,
    pub on_posted: Callback<OwnComment>,
}

/// How many comments a page of the thread holds, at least (whole threads, up to twice as many; a longer thread is
/// cut: `page_starts`): the rest wait behind "Show more comments". Thousands of comments would otherwise hold the
/// page still for most of a second while they are built, and make every Reply lay them all out again.
const PAGE: usize = 100;
/// Where the number of pages asked for is kept in the history entry.
pub const PAGES_KEY: &str = "broadsheetCommentPages";
/// Where the page the reader's own comments (shown after a gap) and the pages after them run to is kept.
pub const LATER_TO_KEY: &str = "broadsheetCommentsLaterTo";

/// Every comment in its thread (oldest first, replies under their parent, nested at most `MAX_DEPTH` deep), in
/// the order and depth `broadsheet_model::comments::thread` gives, in pages: `pages` of them shown (kept by the
/// section, so a redrawn thread keeps them), and the pages holding the reader's own comments (and the comments
/// they have a reply draft under), up to the page
/// `later_to` at least, after a gap when they come later (`shown_pages`). "Show more comments" sits where the next
/// page will appear: in the gap, and ("Show later comments") after the reader's comments.
pub fn comment_list(all: &[Shown], replies: ReplyState, pages: RwSignal<u32>, later_to: RwSignal<u32>) -> impl IntoView {
    let comments: Vec<Comment> = all.iter().map(|s| s.comment.clone()).collect();
    let own: HashMap<&str, OwnStatus> = all.iter().filter_map(|s| Some((s.comment.id.as_str(), s.own?))).collect();
    let threaded = thread(&comments);
    // Two comments of one author in one minute: their Reply names quote their first words (`comment_item`).
    let quoted = same_author_and_minute(&threaded.iter().map(|t| t.comment).collect::<Vec<_>>());
    let items: Vec<(Shown, usize, bool)> = threaded
        .into_iter()
        .zip(quoted)
        .map(|(t, quoted)| (Shown { comment: t.comment.clone(), own: own.get(t.comment.id.as_str()).copied() }, t.depth, quoted))
        .collect();
    let starts = page_starts(items.iter().map(|(s, depth, _)| (*depth, s.own.is_none())), PAGE);
    // The reader's own comments, and those they have begun a reply to, are shown wherever they are in the thread: a
    // draft far down it would otherwise be found only by a reader who remembers where it was.
    let drafted = replies.drafted.get_value();
    let owns = items.iter().enumerate().filter(|(_, (s, _, _))| s.own.is_some() || drafted.contains(&s.comment.id)).map(|(i, _)| i);
    // A number of pages kept in the history entry may be more than the thread has now.
    let asked = (pages.get() as usize).clamp(1, starts.len());
    let later_asked = later_to.get();
    let (first, later) = shown_pages(&starts, asked, later_asked as usize, owns);
    let item_at = |page: usize| starts.get(page).copied().unwrap_or(items.len());
    let id_at = |i: usize| items.get(i).map_or("", |(s, _, _)| s.comment.id.as_str());
    // The page each "Show more" asked for last starts where focus goes, so a screen reader reads on from there.
    let mut landings = vec![];
    if asked > 1 {
        landings.push(id_at(starts[asked - 1]));
    }
    let mut end = item_at(first.end);
    // The later pages from their thread's first comment, so they nest as everywhere else; no gap when that thread
    // began before it (a long thread cut into pages).
    let later = later.and_then(|pages| {
        let (from, to) = (item_at(pages.start), item_at(pages.end));
        if later_asked > 0 {
            landings.push(id_at(item_at(pages.end - 1)));
        }
        let thread = items[..=from].iter().rposition(|(_, depth, _)| *depth == 1).unwrap_or(0);
        if thread <= end {
            end = to;
            return None;
        }
        Some(((thread, to), pages))
    });
    let list = nested(&items[..end], &mut 0, 1, replies, &landings);
    let gap = later.as_ref().map_or(items.len(), |((from, _), _)| *from) - end;
    let more = (gap > 0).then(|| {
        // The pages shown above the button, and one more.
        let asked = starts.partition_point(|&s| s < end) as u32 + 1;
        more_button(gap, "Show more comments", id_at(end), pages, PAGES_KEY, asked)
    });
    let later = later.map(|((from, to), pages)| {
        let rest = items.len() - to;
        // One more page than those shown.
        let more = (rest > 0).then(|| more_button(rest, "Show later comments", id_at(to), later_to, LATER_TO_KEY, pages.end as u32 + 1));
        view! { {nested(&items[from..to], &mut 0, 1, replies, &landings)} {more} }
    });
    view! { {list} {more} {later} }
}

/// "Show more comments" (or `words`) where the next ones will appear: it sets what the reader asked for, `asked`
/// (kept in the history entry under `key`), and focus then moves to the first comment shown (`next`, its id).
fn more_button(left: usize, words: &'static str, next: &str, asked_for: RwSignal<u32>, key: &'static str, asked: u32) -> impl IntoView {
    let next = landing_id(next);
    view! {
        <button type="button" class="bs-button bs-button--quiet bs-comments__more" on:click=move |_| {
            asked_for.set(asked);
            crate::platform::keep_in_history(key, f64::from(asked));
            let next = next.clone();
            set_timeout(move || crate::platform::focus_id(&next), std::time::Duration::ZERO);
        }>{format!("{words} ({left} more)")}</button>
    }
}

/// The id of the first comment of a page after the first, where focus goes when it is shown.
fn landing_id(comment_id: &str) -> String {
    format!("bs-comment-{}", id_part(comment_id))
}

/// The run of comments at `depth` from `items[*at]` on, each followed by its deeper replies as a nested list.
fn nested(items: &[(Shown, usize, bool)], at: &mut usize, depth: usize, replies: ReplyState, landings: &[&str]) -> AnyView {
    let mut views = vec![];
    while *at < items.len() && items[*at].1 == depth {
        let (shown, quoted) = (items[*at].0.clone(), items[*at].2);
        *at += 1;
        // A page can start inside a thread: the comment focus lands on may be a reply.
        let children = (*at < items.len() && items[*at].1 > depth).then(|| nested(items, at, depth + 1, replies, landings));
        let lands = landings.contains(&shown.comment.id.as_str());
        views.push(comment_item(shown, depth, replies, children, lands, quoted));
    }
    view! { <ol class=format!("bs-comments__list bs-comments__list--depth-{depth}")>{views}</ol> }.into_any()
}

/// The id of the Reply button under the comment `comment_id`.
pub fn reply_button_id(comment_id: &str) -> String {
    format!("bs-reply-to-{}", id_part(comment_id))
}

/// One comment, then its replies (already rendered) as a nested list.
fn comment_item(shown: Shown, depth: usize, replies: ReplyState, children: Option<AnyView>, landing: bool, quoted: bool) -> impl IntoView {
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
    let reply_to = comment.id.clone();
    let open = replies.open.flag_for(&comment.id);
    let button_id = reply_button_id(&comment.id);
    // Not under a comment of the reader's the endpoint took without giving it an id (kept as `sent-…`): the
    // newsroom would not know the comment replied to.
    let reply = (depth < MAX_DEPTH && !(own.is_some() && comment.id.starts_with("sent-"))).then(|| {
        // Its time too: a reader's comments would otherwise each have a "Reply to" of the same name. And, for two of
        // one author in one minute, how they begin. One text, not a part per word: a view of fewer parts is less WASM.
        let mut named = format!(" to {}, {}", comment.author, time_label(&comment.published));
        if quoted {
            named += &format!(": \u{201c}{}\u{201d}", opening(&comment.text, 40));
        }
        let reply_to = reply_to.clone();
        // A reply the reader typed and left (cancelled, another Reply opened, or the page reloaded) is kept. Its
        // button's description says so (and the stylesheet shows it beside the closed button), or it would come back
        // only to a reader who happened to press this same Reply again. Read again when this comment's own form opens
        // or closes, or another tab changes the drafts: not in every comment each time any form does.
        let draft_of = reply_to.clone();
        let draft = move || {
            replies.drafts_changed.track();
            open.track();
            let kept = replies.article.with_value(|article| !store::load_draft(article, Some(&draft_of)).trim().is_empty());
            kept.then_some("Draft saved")
        };
        view! {
            <button type="button" class="bs-comment__reply" id=button_id.clone() aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-description=draft on:click=move |_| match open.get_untracked() {
                    false => replies.open.open(&reply_to, open),
                    // Pressed again it closes the form, as Cancel reply does (the words kept as a draft); focus stays.
                    true => {
                        replies.open.close();
                        replies.forget_form.run(reply_to.clone());
                    }
                }>
                "Reply"
                <span class="bs-visually-hidden">{named}</span>
            </button>
        }
    });
    let form = move || {
        open.get().then(|| {
            let button_id = button_id.clone();
            let forget = reply_to.clone();
            let cancel = Callback::new(move |_| {
                replies.open.close();
                replies.forget_form.run(forget.clone());
                // Once the button says it is closed (and whether a draft is kept), not before.
                let button_id = button_id.clone();
                set_timeout(move || crate::platform::focus_id(&button_id), std::time::Duration::ZERO);
            });
            view! {
                <CommentForm article=replies.article.get_value() endpoint=replies.endpoint.get_value()
                    parent=reply_to.clone() state=replies.form.run(reply_to.clone()) on_posted=replies.on_posted on_cancel=cancel/>
            }
        })
    };
    view! {
        <li class="bs-comment" class:bs-comment--own=own.is_some()>
            <article class="bs-comment__body" id=landing.then(|| landing_id(&comment.id)) tabindex=landing.then_some("-1")>
                <header class="bs-comment__header">
                    <p class="bs-comment__author">{author}</p>
                    <p class="bs-comment__time"><Timestamp iso=comment.published.clone()/></p>
                </header>
                <p class="bs-comment__text">{comment.text.clone()}</p>
                {marker}
                {reply}
                {form}
            </article>
            {children}
        </li>
    }
}
