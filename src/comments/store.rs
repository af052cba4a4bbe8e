//! What the comment form keeps in the reader's browser. Every key starts with `broadsheet:`.

use broadsheet_model::comments::Comment;
use serde::{Deserialize, Serialize};

use crate::data::json;
use crate::platform;

const PREFIX: &str = "broadsheet:";

/// The reader's details, kept only while "Save my name, email, and website" is ticked.
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

fn draft_key(article: &str, parent: Option<&str>) -> String {
    match parent {
        Some(parent) => format!("{PREFIX}draft:{article}:{parent}"),
        None => format!("{PREFIX}draft:{article}"),
    }
}

pub fn load_draft(article: &str, parent: Option<&str>) -> String {
    platform::storage_get(&draft_key(article, parent)).unwrap_or_default()
}

/// Saves the comment text as typed; an empty text removes the draft.
pub fn save_draft(article: &str, parent: Option<&str>, text: &str) {
    let key = draft_key(article, parent);
    if text.is_empty() {
        platform::storage_remove(&key);
    } else {
        platform::storage_set(&key, text);
    }
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

/// Whether the published comments now hold this one of the reader's: by its id, or, for one sent to an endpoint that
/// did not return it, by its place, author and text. One kept only in this browser is never published.
pub fn is_published(own: &OwnComment, published: &[Comment]) -> bool {
    published.iter().any(|p| p.id == own.comment.id || (own.status != OwnStatus::Local && own.comment.has_words_of(p)))
}

/// Forgets the reader's own comments the published file now holds: from then on they are shown from it.
pub fn forget_published(article: &str, published: &[Comment]) {
    let all = load_own(article);
    let kept: Vec<OwnComment> = all.iter().filter(|o| !is_published(o, published)).cloned().collect();
    if kept.len() != all.len() {
        save_own(article, &kept);
    }
}
