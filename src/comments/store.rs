//! What the comment form keeps in the reader's browser. Every key starts with `broadsheet:`.

use broadsheet_model::comments::Comment;
use broadsheet_model::time::parse_timestamp;
use serde::{Deserialize, Serialize};

use crate::data::json;
use crate::platform;

const PREFIX: &str = "broadsheet:";

/// The reader's details, kept in this browser only while "Save my name, email, and website" is ticked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Commenter {
    pub name: String,
    pub email: String,
    pub website: String,
}

/// A comment this reader wrote, kept so they see it after a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OwnComment {
    pub comment: Comment,
    pub status: OwnStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnStatus {
    /// No comment endpoint: it exists only in this browser.
    Local,
    /// Sent and held for moderation.
    Pending,
    /// Sent and published; shown until the published comments file has it.
    Published,
}

/// The start of every draft's key.
const DRAFT_PREFIX: &str = "broadsheet:draft:";

pub fn draft_key(article: &str, parent: Option<&str>) -> String {
    match parent {
        Some(parent) => format!("{DRAFT_PREFIX}{article}:{parent}"),
        None => format!("{DRAFT_PREFIX}{article}"),
    }
}

pub fn load_draft(article: &str, parent: Option<&str>) -> String {
    kept_draft(article, parent).unwrap_or_default()
}

/// The draft kept, if there is one (and storage can be read).
pub fn kept_draft(article: &str, parent: Option<&str>) -> Option<String> {
    platform::storage_get(&draft_key(article, parent))
}

/// The comments of `article` the reader has begun a reply to and not sent (a draft with words in it), by id.
pub fn drafted_replies(article: &str) -> Vec<String> {
    let prefix = draft_key(article, Some(""));
    let kept = |key: &String| platform::storage_get(key).is_some_and(|text| !text.trim().is_empty());
    platform::storage_keys(&prefix).into_iter().filter(kept).filter_map(|key| Some(key.strip_prefix(&prefix)?.to_string())).collect()
}

/// Saves the comment text as typed (an empty text removes the draft); whether it was saved.
pub fn save_draft(article: &str, parent: Option<&str>, text: &str) -> bool {
    platform::storage_put(&draft_key(article, parent), (!text.is_empty()).then_some(text))
}

fn sent_key_key(article: &str, parent: Option<&str>) -> String {
    format!("{PREFIX}sent:{article}:{}", parent.unwrap_or_default())
}

/// The idempotency key of the last comment sent to the endpoint from this browser under `article` (and `parent`),
/// if its text was `text`: sending the same words again, after a reload or from another tab, is a retry the
/// endpoint can tell. Forgotten when the endpoint refuses the comment (a corrected one is a new comment).
pub fn sent_key(article: &str, parent: Option<&str>, text: &str) -> Option<String> {
    let kept = platform::storage_get(&sent_key_key(article, parent))?;
    let (key, sent) = kept.split_once('\n')?;
    (sent == text).then(|| key.to_string())
}

pub fn save_sent_key(article: &str, parent: Option<&str>, text: &str, key: &str) {
    platform::storage_set(&sent_key_key(article, parent), &format!("{key}\n{text}"));
}

pub fn forget_sent_key(article: &str, parent: Option<&str>) {
    platform::storage_remove(&sent_key_key(article, parent));
}

const COMMENTER_KEY: &str = "broadsheet:commenter";

pub fn load_commenter() -> Option<Commenter> {
    json::from_str(&platform::storage_get(COMMENTER_KEY)?).ok()
}

pub fn save_commenter(commenter: &Commenter) {
    if let Ok(json) = json::to_string(commenter) {
        platform::storage_set(COMMENTER_KEY, &json);
    }
}

pub fn forget_commenter() {
    platform::storage_remove(COMMENTER_KEY);
    forget_typed_commenter();
}

/// The details as last typed in this tab, saved or not: leaving the story and coming back, or a reload, loses
/// nothing, as with the comment's draft. Only for this tab (sessionStorage) and, unsaved, only until the comment is
/// sent, so they are not there "the next time I comment".
const TYPED_COMMENTER_KEY: &str = "broadsheet:commenter:typed";

pub fn load_typed_commenter() -> Option<Commenter> {
    json::from_str(&platform::tab_storage_get(TYPED_COMMENTER_KEY)?).ok()
}

pub fn forget_typed_commenter() {
    // Not JSON: nothing to load.
    platform::tab_storage_set(TYPED_COMMENTER_KEY, "");
}

pub fn keep_typed_commenter(commenter: &Commenter) {
    if let Ok(json) = json::to_string(commenter) {
        platform::tab_storage_set(TYPED_COMMENTER_KEY, &json);
    }
}

fn own_key(article: &str) -> String {
    format!("{PREFIX}comments:{article}")
}

pub fn load_own(article: &str) -> Vec<OwnComment> {
    platform::storage_get(&own_key(article)).and_then(|text| json::from_str(&text).ok()).unwrap_or_default()
}

pub fn add_own(article: &str, own: OwnComment) {
    let mut all = load_own(article);
    all.retain(|o| o.comment.id != own.comment.id);
    all.push(own);
    save_own(article, &all);
}

fn save_own(article: &str, all: &[OwnComment]) {
    if let Ok(json) = json::to_string(&all) {
        platform::storage_set(&own_key(article), &json);
    }
}

/// For each of the reader's own comments, whether the published comments now hold it: by its id, or, for one the
/// endpoint did not return (kept under `sent-…`), by its place, author and text in a comment published no earlier
/// than an hour before it was sent (clocks differ). Each published comment stands for one own comment at most.
pub fn published_flags(own: &[OwnComment], published: &[Comment]) -> Vec<bool> {
    let mut taken = vec![false; published.len()];
    own.iter()
        .map(|o| {
            let sent = parse_timestamp(&o.comment.published).unwrap_or(i64::MIN);
            let same = |p: &Comment| {
                p.id == o.comment.id
                    || (o.comment.id.starts_with("sent-")
                        && o.comment.has_words_of(p)
                        && parse_timestamp(&p.published).is_some_and(|t| t >= sent.saturating_sub(3600)))
            };
            let found = published.iter().enumerate().position(|(i, p)| !taken[i] && same(p));
            if let Some(i) = found {
                taken[i] = true;
            }
            found.is_some()
        })
        .collect()
}

/// Forgets the reader's own comments the published file now holds: from then on they are shown from it.
pub fn forget_published(article: &str, published: &[Comment]) {
    let all = load_own(article);
    let flags = published_flags(&all, published);
    if flags.contains(&true) {
        let kept: Vec<OwnComment> = all.into_iter().zip(flags).filter(|(_, published)| !published).map(|(o, _)| o).collect();
        save_own(article, &kept);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: &str, published: &str) -> Comment {
        Comment { id: id.into(), parent: Some("c1".into()), author: "Ann".into(), website: None, published: published.into(), text: "Agreed.".into() }
    }

    fn own(id: &str, sent: &str) -> OwnComment {
        OwnComment { comment: comment(id, sent), status: OwnStatus::Pending }
    }

    #[test]
    fn own_comments_are_matched_to_published_ones_once_and_only_when_they_can_be_them() {
        let sent = "2026-11-28T10:00:00Z";
        // The newsroom's later copy of one the endpoint did not return; a second own copy with the same words stays.
        let later = [comment("4711", "2026-11-28T12:00:00Z")];
        assert_eq!(published_flags(&[own("sent-a", sent), own("sent-b", sent)], &later), [true, false]);
        // Same words published a day before it was sent: someone else's.
        assert_eq!(published_flags(&[own("sent-a", sent)], &[comment("4711", "2026-11-27T10:00:00Z")]), [false]);
        // One the endpoint returned under its own id is matched by that id only.
        assert_eq!(published_flags(&[own("4712", sent)], &later), [false]);
        assert_eq!(published_flags(&[own("4711", sent)], &later), [true]);
    }

    #[test]
    fn every_draft_key_starts_with_the_prefix_other_tabs_are_watched_for() {
        assert!(DRAFT_PREFIX.starts_with(PREFIX));
        assert!(draft_key("a-story", None).starts_with(DRAFT_PREFIX));
        assert!(draft_key("a-story", Some("c1")).starts_with(DRAFT_PREFIX));
    }
}
