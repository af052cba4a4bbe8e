//! Comments: the published comments file beside each article, the submission a reader sends, and the pure rules
//! for both (threading, validation with WordPress's byte limits).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use serde::{Deserialize, Serialize};

/// `{section}/{slug}/comments.json`: the published comments of one article. No file means no comments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentsFile {
    pub format_version: u32,
    /// Slug of the article these comments belong to.
    pub article: String,
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: String,
    /// The comment this one replies to; `None` for a top-level comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub author: String,
    /// The author's site; shown as a link only when it is http(s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// ISO 8601 with offset.
    pub published: String,
    /// Plain text; line breaks are kept when shown.
    pub text: String,
}

impl Comment {
    /// Every field name, for tools that refuse misspelt ones (the app ignores unknown fields).
    pub const FIELDS: [&'static str; 6] = ["id", "parent", "author", "website", "published", "text"];
}

/// Deepest nesting shown: replies to a comment at this depth are shown at this depth too.
pub const MAX_DEPTH: usize = 5;

/// A comment placed in its thread.
#[derive(Debug, Clone, PartialEq)]
pub struct Threaded<'a> {
    pub comment: &'a Comment,
    /// 1 for top-level comments.
    pub depth: usize,
}

/// Comments in reading order: each top-level comment oldest first, followed by its replies (oldest first,
/// depth-first). A reply whose parent is missing is shown at the top level rather than lost. Depth is capped at
/// [`MAX_DEPTH`].
pub fn thread(comments: &[Comment]) -> Vec<Threaded<'_>> {
    let ids: HashSet<&str> = comments.iter().map(|c| c.id.as_str()).collect();
    // One sort, oldest first: roots and every run of replies are then taken from it in order. Stable: comments of
    // the same time keep the file's order (their ids say nothing of it: "c10" sorts before "c9").
    let mut by_time: Vec<(i64, &Comment)> =
        comments.iter().map(|c| (crate::time::parse_timestamp(&c.published).unwrap_or(i64::MAX), c)).collect();
    by_time.sort_by_key(|(t, _)| *t);
    let sorted: Vec<&Comment> = by_time.into_iter().map(|(_, c)| c).collect();
    let mut replies: HashMap<&str, Vec<&Comment>> = HashMap::new();
    for c in &sorted {
        if let Some(parent) = c.parent.as_deref().filter(|p| *p != c.id) {
            replies.entry(parent).or_default().push(c);
        }
    }
    let is_root = |c: &Comment| c.parent.as_deref().is_none_or(|p| !ids.contains(p) || p == c.id);
    let mut out = Vec::with_capacity(comments.len());
    let mut seen = HashSet::new();
    // Depth first with a stack of its own, not recursion: a reply chain of any length in a bad file cannot
    // overflow the call stack.
    let mut stack: Vec<(&Comment, usize)> = vec![];
    for root in sorted.iter().filter(|c| is_root(c)) {
        stack.push((root, 1));
        while let Some((c, depth)) = stack.pop() {
            if !seen.insert(c.id.as_str()) {
                continue; // a repeated id, or a cycle in bad data
            }
            out.push(Threaded { comment: c, depth });
            for r in replies.get(c.id.as_str()).into_iter().flatten().rev() {
                stack.push((r, (depth + 1).min(MAX_DEPTH)));
            }
        }
    }
    out
}

/// Where each page of a threaded list starts (indexes into it; the first is 0), given each comment's depth in
/// reading order and whether it takes room on its page. A page ends at a thread's first comment once it holds `page`
/// comments, so threads stay whole; a single thread longer than that is cut too, at any comment, once the page holds
/// twice as many, so no page (and no redraw of it) grows with the length of one thread. A comment only this reader
/// sees (their own, not yet in the published file) takes no room: posting one never moves where a later page
/// starts, which would take a comment the reader can see, or a reply form open under it, off the screen.
pub fn page_starts(comments: impl IntoIterator<Item = (usize, bool)>, page: usize) -> Vec<usize> {
    let page = page.max(1);
    let mut starts = vec![0];
    let mut held = 0;
    for (i, (depth, takes_room)) in comments.into_iter().enumerate() {
        if i > 0 && ((depth == 1 && held >= page) || held >= 2 * page) {
            starts.push(i);
            held = 0;
        }
        held += usize::from(takes_room);
    }
    starts
}

/// Which pages of a threaded list are shown (ranges of page numbers from 0, over `starts` from [`page_starts`]): the
/// first `asked` (at least one), and the pages holding the reader's `own` comments (indexes into the list). Own
/// comments further on are shown after a gap, with every page from the first of them to the last, rather than with
/// every page before them: a reader's comment at the end of thousands, or in the middle of them on a later visit,
/// would otherwise draw them all. "Show more" in the gap fills it; another after them asks for the pages up to
/// `later_to` (a page number, not a count, so that a reply the reader posts meanwhile, which moves where those
/// pages start, takes none of them away).
pub fn shown_pages(starts: &[usize], asked: usize, later_to: usize, own: impl IntoIterator<Item = usize>) -> (Range<usize>, Option<Range<usize>>) {
    let pages = starts.len().max(1);
    let asked = asked.clamp(1, pages);
    let page_of = |i: usize| starts.partition_point(|&s| s <= i).saturating_sub(1);
    let (first, last) = own.into_iter().map(page_of).filter(|&p| p >= asked).fold((usize::MAX, 0), |(lo, hi), p| (lo.min(p), hi.max(p + 1)));
    match first..last.max(later_to).min(pages) {
        _ if first > last => (0..asked, None),
        next if next.start == asked => (0..next.end, None),
        later => (0..asked, Some(later)),
    }
}

/// Byte limits, as WordPress measures them (UTF-8 bytes, not characters).
pub const MAX_TEXT_BYTES: usize = 65_525;
pub const MAX_NAME_BYTES: usize = 245;
pub const MAX_EMAIL_BYTES: usize = 100;
pub const MAX_WEBSITE_BYTES: usize = 200;

/// What a reader typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommentDraft {
    pub text: String,
    pub name: String,
    pub email: String,
    pub website: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Text,
    Name,
    Email,
    Website,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Text, Field::Name, Field::Email, Field::Website];

    pub fn label(self) -> &'static str {
        match self {
            Field::Text => "Comment",
            Field::Name => "Name",
            Field::Email => "Email",
            Field::Website => "Website",
        }
    }

    /// The field an endpoint's error names (`"field"` in docs/comments.md): by its key in the request it was
    /// sent in, or by its name in the form. `None` for a field the form does not have.
    pub fn from_key(key: &str) -> Option<Field> {
        match key {
            "text" | "comment" => Some(Field::Text),
            "name" | "author" => Some(Field::Name),
            "email" => Some(Field::Email),
            "website" | "url" => Some(Field::Website),
            _ => None,
        }
    }

    /// The label in lower case, for sentences, element ids and form field names.
    pub fn name(self) -> &'static str {
        match self {
            Field::Text => "comment",
            Field::Name => "name",
            Field::Email => "email",
            Field::Website => "website",
        }
    }

    pub fn max_bytes(self) -> usize {
        match self {
            Field::Text => MAX_TEXT_BYTES,
            Field::Name => MAX_NAME_BYTES,
            Field::Email => MAX_EMAIL_BYTES,
            Field::Website => MAX_WEBSITE_BYTES,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

/// The trimmed, checked values ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidComment {
    pub text: String,
    pub name: String,
    pub email: String,
    /// Empty when not given.
    pub website: String,
}

/// Checks a draft as the form does on submit. Errors come in the form's field order.
pub fn validate(draft: &CommentDraft) -> Result<ValidComment, Vec<FieldError>> {
    let mut errors = vec![];
    // `well_formed` is asked only of a value that is present and within its limit.
    let mut check = |field: Field, value: &str, required: bool, well_formed: fn(&str) -> bool, advice: &str| -> String {
        let value = value.trim();
        // Characters that show nothing (zero-width spaces and joiners, word joiner, BOM, soft hyphen) are no text.
        let invisible = |c: char| matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}');
        let value = if value.chars().all(|c| invisible(c) || c.is_whitespace()) { "" } else { value };
        let message = if value.is_empty() {
            required.then(|| format!("Please enter your {}.", field.name()))
        } else if value.len() > field.max_bytes() {
            Some(format!(
                "{} is too long: {} bytes over the limit of {}.",
                field.label(),
                value.len() - field.max_bytes(),
                field.max_bytes()
            ))
        } else {
            (!well_formed(value)).then(|| advice.to_string())
        };
        errors.extend(message.map(|message| FieldError { field, message }));
        value.to_string()
    };
    let any = |_: &str| true;
    let text = check(Field::Text, &draft.text, true, any, "");
    let name = check(Field::Name, &draft.name, true, any, "");
    let email = check(Field::Email, &draft.email, true, is_email, "Please enter an email address like name@example.com.");
    let website = check(Field::Website, &with_scheme(&draft.website), false, is_http_url, "Please enter a web address like https://example.com.");
    if errors.is_empty() {
        Ok(ValidComment { text, name, email, website })
    } else {
        Err(errors)
    }
}

/// Bytes left before `value` (trimmed, and a website with the scheme it is sent with) reaches `field`'s limit;
/// negative when over.
pub fn bytes_left(field: Field, value: &str) -> i64 {
    let sent = match field {
        Field::Website => with_scheme(value).len(),
        _ => value.trim().len(),
    };
    field.max_bytes() as i64 - sent as i64
}

/// Whether the form should show a counter for `field`: within 10% of the limit, or over it.
pub fn near_limit(field: Field, value: &str) -> bool {
    bytes_left(field, value) * 10 <= field.max_bytes() as i64
}

/// A plausible address: one `@`, something before it, a dotted domain after it, no spaces or angle brackets.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.split('.').any(str::is_empty)
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';'))
}

/// A website typed without its scheme (`example.org/me`), as most people type one, with `https://` put before it;
/// anything else as it is: a value with a scheme of its own (`javascript:x`), or one that is not a domain name
/// (`localhost`, an email address, `.`), which is then refused.
pub fn with_scheme(s: &str) -> String {
    let s = s.trim();
    let host = s.split(['/', '?', '#']).next().unwrap_or("");
    // A port is allowed (`example.org:8080`); any other `:` before the first `/` is a scheme's.
    let name = match host.bytes().rposition(|b| b == b':') {
        Some(at) if at + 1 < host.len() && host.bytes().skip(at + 1).all(|b| b.is_ascii_digit()) => &host[..at],
        _ => host,
    };
    let domain = name.contains('.') && !name.bytes().any(|b| b == b':' || b == b'@') && name.split('.').all(|label| !label.is_empty());
    match domain {
        true => format!("https://{s}"),
        false => s.to_string(),
    }
}

/// For each comment, whether another has the same author and was published in the same minute: a name made of the
/// two ("Reply to Maren Holt, Nov 24, 2026, 9:02 AM UTC") would not tell them apart. Minutes of the instant, so
/// in every time zone (offsets are whole minutes); authors as a page shows and a screen reader reads them, so
/// "Maren Holt " and "Maren  Holt" are the same.
pub fn same_author_and_minute(comments: &[&Comment]) -> Vec<bool> {
    let minute = |c: &Comment| crate::time::parse_timestamp(&c.published).map_or(i64::MIN, |s| s.div_euclid(60));
    let author = |c: &Comment| c.author.split_whitespace().collect::<Vec<_>>().join(" ");
    let keys: Vec<String> = comments.iter().map(|c| format!("{}\u{0}{}", author(c), minute(c))).collect();
    // Sets of strings, as `thread` has: a table of another kind would be more code in the comments' WASM.
    let mut seen = HashSet::new();
    let repeated: HashSet<&str> = keys.iter().map(String::as_str).filter(|key| !seen.insert(*key)).collect();
    keys.iter().map(|key| repeated.contains(key.as_str())).collect()
}

/// The start of `text`: at most `chars` characters, cut between words where it has spaces (Japanese, a long address
/// are cut at `chars`), then "…" when it goes on.
pub fn opening(text: &str, chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(chars) {
        None => text.to_string(),
        Some((end, next)) => {
            let cut = if next.is_whitespace() { end } else { text[..end].rfind(char::is_whitespace).unwrap_or(end) };
            format!("{}…", text[..cut].trim_end())
        }
    }
}

/// An absolute http(s) URL with a host: the only websites a comment may link to.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            // No user name before an `@`: `https://you@mail.example` would link to mail.example, and publish an
            // address typed in the wrong field.
            !host.is_empty()
                && !host.contains('@')
                && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\'))
        }
        None => false,
    }
}

/// The body of a comment submission (see docs/comments.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentRequest {
    /// Slug of the article.
    pub article: String,
    /// Id of the comment replied to, or null.
    pub parent: Option<String>,
    pub name: String,
    pub email: String,
    /// Empty string when not given.
    pub website: String,
    pub text: String,
    /// Idempotency key: the same for every retry of one submission.
    pub client_id: String,
}

impl CommentRequest {
    /// Whether this is the comment of `earlier` sent again (only the idempotency key may differ): a retry keeps the
    /// earlier key, so the endpoint can tell it from a new comment; an edited comment is a new one with a new key.
    pub fn is_retry_of(&self, earlier: &CommentRequest) -> bool {
        CommentRequest { client_id: earlier.client_id.clone(), ..self.clone() } == *earlier
    }
}

impl Comment {
    /// Whether `other` has this comment's place, author and text: how a comment sent to an endpoint that did not
    /// return it (so kept under an id of the page's own) is recognised once the newsroom publishes it.
    pub fn has_words_of(&self, other: &Comment) -> bool {
        self.parent == other.parent && self.author == other.author && self.text == other.text
    }
}

/// A 2xx answer of the comment endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentResponse {
    pub status: CommentStatus,
    /// The comment as published, when the endpoint returns it.
    #[serde(default)]
    pub comment: Option<Comment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentStatus {
    /// Visible to everyone now.
    Published,
    /// Held for moderation.
    Pending,
}

/// Where following a comment's parents leads: to a top-level comment (its depth, 1 for one itself), into a cycle, or
/// to a parent the file lacks.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reach<'a> {
    Depth(usize),
    Cycle,
    Missing(&'a str),
}

/// Each comment's [`Reach`], every comment's parents followed once (a chain of n replies is n steps, not n² or n³).
/// A parent is the first comment of its id.
fn reaches(comments: &[Comment]) -> Vec<Reach<'_>> {
    let mut index = HashMap::new();
    for (i, c) in comments.iter().enumerate() {
        index.entry(c.id.as_str()).or_insert(i);
    }
    let mut reach: Vec<Option<Reach>> = vec![None; comments.len()];
    for start in 0..comments.len() {
        // Up the parents until one whose reach is known; then down the path, each a level below its parent.
        let (mut path, mut on_path) = (vec![], HashSet::new());
        let mut at = start;
        let mut above = loop {
            if let Some(known) = reach[at] {
                break known;
            }
            if !on_path.insert(at) {
                break Reach::Cycle;
            }
            path.push(at);
            match comments[at].parent.as_deref() {
                None => break Reach::Depth(0),
                Some(parent) => match index.get(parent) {
                    Some(&i) => at = i,
                    None => break Reach::Missing(parent),
                },
            }
        };
        for &i in path.iter().rev() {
            above = match above {
                Reach::Depth(depth) => Reach::Depth(depth + 1),
                other => other,
            };
            reach[i] = Some(above);
        }
    }
    reach.into_iter().map(|r| r.unwrap_or(Reach::Depth(1))).collect()
}

/// Problems in a comments file, for the compiler and the sample tests: ids unique, parents exist, no cycles,
/// timestamps valid, nesting within [`MAX_DEPTH`].
pub fn check_comments(file: &CommentsFile) -> Vec<String> {
    let mut problems = vec![];
    let mut ids = HashSet::new();
    for c in &file.comments {
        if !ids.insert(c.id.as_str()) {
            problems.push(format!("comment {} appears twice", c.id));
        }
        if crate::time::parse_timestamp(&c.published).is_none() {
            problems.push(format!("comment {}: published {:?} is not ISO 8601 with offset", c.id, c.published));
        }
        if c.author.trim().is_empty() || c.text.trim().is_empty() {
            problems.push(format!("comment {}: author and text are required", c.id));
        }
    }
    for (c, reach) in file.comments.iter().zip(reaches(&file.comments)) {
        match reach {
            Reach::Cycle => problems.push(format!("comment {}: its replies form a cycle", c.id)),
            Reach::Missing(parent) => problems.push(format!("comment {}: parent {parent} does not exist", c.id)),
            Reach::Depth(depth) if depth > MAX_DEPTH => problems.push(format!("comment {}: nested {depth} deep, more than {MAX_DEPTH}", c.id)),
            Reach::Depth(_) => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_endpoint_names_a_field_by_its_request_key_or_its_form_name() {
        assert_eq!(Field::from_key("text"), Some(Field::Text));
        assert_eq!(Field::from_key("comment"), Some(Field::Text));
        assert_eq!(Field::from_key("author"), Some(Field::Name));
        assert_eq!(Field::from_key("email"), Some(Field::Email));
        assert_eq!(Field::from_key("url"), Some(Field::Website));
        assert_eq!(Field::from_key("captcha"), None);
        for field in Field::ALL {
            assert_eq!(Field::from_key(field.name()), Some(field));
        }
    }

    use super::*;

    fn request(text: &str, key: &str) -> CommentRequest {
        CommentRequest {
            article: "a".into(),
            parent: Some("c1".into()),
            name: "Ann".into(),
            email: "ann@example.com".into(),
            website: String::new(),
            text: text.into(),
            client_id: key.into(),
        }
    }

    #[test]
    fn a_retry_is_the_same_comment_under_any_key_and_an_edit_is_not() {
        assert!(request("Hello", "k2").is_retry_of(&request("Hello", "k1")));
        assert!(!request("Hello!", "k1").is_retry_of(&request("Hello", "k1")));
        let mut elsewhere = request("Hello", "k1");
        elsewhere.parent = None;
        assert!(!elsewhere.is_retry_of(&request("Hello", "k1")));
    }

    #[test]
    fn a_published_comment_is_recognised_by_place_author_and_text() {
        let sent = c("sent-k1", Some("c1"), 1);
        let mut published = c("4711", Some("c1"), 5);
        assert!(sent.has_words_of(&published));
        published.text.push('!');
        assert!(!sent.has_words_of(&published));
        assert!(!sent.has_words_of(&c("4712", None, 5)));
    }

    #[test]
    fn the_field_list_names_every_field() {
        let full = Comment { website: Some("https://w.example".into()), ..c("1", Some("0"), 1) };
        let mut keys: Vec<String> = serde_json::to_value(&full).unwrap().as_object().unwrap().keys().cloned().collect();
        let mut fields = Comment::FIELDS.map(String::from).to_vec();
        keys.sort();
        fields.sort();
        assert_eq!(keys, fields);
    }

    fn c(id: &str, parent: Option<&str>, minute: u32) -> Comment {
        Comment {
            id: id.into(),
            parent: parent.map(Into::into),
            author: "A".into(),
            website: None,
            published: format!("2026-11-24T10:{minute:02}:00Z"),
            text: "t".into(),
        }
    }

    fn draft(text: &str, name: &str, email: &str, website: &str) -> CommentDraft {
        CommentDraft { text: text.into(), name: name.into(), email: email.into(), website: website.into() }
    }

    #[test]
    fn threads_oldest_first_with_replies_under_parents() {
        let comments = vec![c("b", None, 5), c("a", None, 1), c("a2", Some("a"), 9), c("a1", Some("a"), 3), c("a11", Some("a1"), 4)];
        let order: Vec<(&str, usize)> = thread(&comments).iter().map(|t| (t.comment.id.as_str(), t.depth)).collect();
        assert_eq!(order, [("a", 1), ("a1", 2), ("a11", 3), ("a2", 2), ("b", 1)]);
    }

    #[test]
    fn comments_of_the_same_time_keep_the_files_order() {
        let comments = vec![c("c9", None, 5), c("c10", None, 5), c("r9", Some("c9"), 6), c("r10", Some("c9"), 6)];
        let order: Vec<&str> = thread(&comments).iter().map(|t| t.comment.id.as_str()).collect();
        assert_eq!(order, ["c9", "r9", "r10", "c10"]);
    }

    #[test]
    fn depth_is_capped_and_orphans_and_cycles_are_not_lost_or_looped() {
        let mut comments = vec![c("1", None, 0)];
        for i in 2..=7 {
            comments.push(c(&i.to_string(), Some(&(i - 1).to_string()), i));
        }
        comments.push(c("orphan", Some("gone"), 30));
        comments.push(c("x", Some("y"), 40));
        comments.push(c("y", Some("x"), 41));
        let t = thread(&comments);
        assert_eq!(t.iter().map(|t| t.depth).max(), Some(MAX_DEPTH));
        assert!(t.iter().any(|t| t.comment.id == "orphan" && t.depth == 1));
        assert_eq!(t.len(), 8, "a cycle with no root is dropped, everything else shown once");
    }

    #[test]
    fn a_reply_chain_of_any_length_is_threaded_without_exhausting_the_stack_or_the_clock() {
        // A bad or hostile file: each comment replies to the one before, 200,000 deep, listed newest first.
        let n = 200_000;
        let comments: Vec<Comment> = (0..n).rev().map(|i: usize| c(&i.to_string(), i.checked_sub(1).map(|p| p.to_string()).as_deref(), 0)).collect();
        let t = thread(&comments);
        assert_eq!(t.len(), n);
        assert_eq!((t[0].comment.id.as_str(), t[0].depth), ("0", 1));
        assert_eq!((t[n - 1].comment.id.as_str(), t[n - 1].depth), (&*(n - 1).to_string(), MAX_DEPTH));
    }

    #[test]
    fn pages_end_between_threads_and_a_thread_too_long_for_one_is_cut() {
        let counted = |depths: &[usize]| page_starts(depths.iter().map(|&d| (d, true)), 3);
        // Threads of four: each page ends at the first thread start at or past 3 comments.
        let fours: Vec<usize> = (0..20).map(|i| if i % 4 == 0 { 1 } else { 2 }).collect();
        assert_eq!(counted(&fours), [0, 4, 8, 12, 16]);
        // One comment and 9 replies: cut every 6 (twice the page), mid-thread.
        let one: Vec<usize> = std::iter::once(1).chain(std::iter::repeat_n(2, 9)).collect();
        assert_eq!(counted(&one), [0, 6]);
        // A long thread after short ones is cut where its page reaches twice the size.
        assert_eq!(counted(&[1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1]), [0, 6, 11]);
        assert_eq!(counted(&[]), [0]);
        // The chain of a hostile file, 200,000 deep: pages of at most 200.
        let starts = page_starts((0..200_000).map(|i| ((i + 1).min(MAX_DEPTH), true)), 100);
        assert_eq!(starts.len(), 1_000);
        assert!(starts.windows(2).all(|w| w[1] - w[0] == 200));
    }

    #[test]
    fn a_reply_the_reader_posts_moves_no_comment_to_another_page() {
        // Six top-level comments in pages of three, then the reader's reply to the second: the fourth comment
        // still starts the second page (it is now at index 4), and the first page still shows the third.
        let published = page_starts([(1, true); 6], 3);
        assert_eq!(published, [0, 3]);
        let with_reply = page_starts([(1, true), (1, true), (2, false), (1, true), (1, true), (1, true), (1, true)], 3);
        assert_eq!(with_reply, [0, 4]);
        // Nor in a thread cut inside: the reader's replies are carried by the page they are on.
        let chain = [(1, true), (2, true), (2, false), (2, false), (2, true), (2, true), (2, true), (2, true), (2, true)];
        assert_eq!(page_starts(chain, 3), [0, 8]);
        // Published (read from the file on a later visit), the same comment takes its room.
        assert_eq!(page_starts([(1, true), (1, true), (2, true), (1, true), (1, true)], 3), [0, 3]);
    }

    #[test]
    fn own_comments_beyond_the_pages_asked_for_are_shown_after_a_gap() {
        let starts = [0, 10, 20, 30, 40];
        assert_eq!(shown_pages(&starts, 1, 0, []), (0..1, None));
        assert_eq!(shown_pages(&starts, 0, 0, []), (0..1, None), "at least one page");
        assert_eq!(shown_pages(&starts, 9, 0, []), (0..5, None), "no more than there are");
        assert_eq!(shown_pages(&starts, 1, 4, []), (0..1, None), "pages after own comments, without any");
        // Within the pages asked for, or on the next: no gap.
        assert_eq!(shown_pages(&starts, 2, 0, [3, 15]), (0..2, None));
        assert_eq!(shown_pages(&starts, 2, 0, [25]), (0..3, None));
        assert_eq!(shown_pages(&starts, 2, 4, [25]), (0..4, None));
        // Further on: after a gap, from the first page holding one to the last.
        assert_eq!(shown_pages(&starts, 1, 0, [45]), (0..1, Some(4..5)));
        assert_eq!(shown_pages(&starts, 1, 0, [5, 22, 41]), (0..1, Some(2..5)));
        // With pages after them too: up to the page the reader asked for, no more than there are.
        assert_eq!(shown_pages(&starts, 1, 0, [25]), (0..1, Some(2..3)));
        assert_eq!(shown_pages(&starts, 1, 4, [25]), (0..1, Some(2..4)));
        assert_eq!(shown_pages(&starts, 1, 9, [25]), (0..1, Some(2..5)));
        assert_eq!(shown_pages(&starts, 1, usize::MAX, [25]), (0..1, Some(2..5)));
        assert_eq!(shown_pages(&starts, 1, 4, [25, 35]), (0..1, Some(2..4)));
        assert_eq!(shown_pages(&starts, 1, 0, [25, 35]), (0..1, Some(2..4)));
        // A reply posted earlier than those pages (in a long thread shown from its start) takes none of them away.
        assert_eq!(shown_pages(&starts, 1, 5, [35]), (0..1, Some(3..5)));
        assert_eq!(shown_pages(&starts, 1, 5, [15, 35]), (0..5, None));
        assert_eq!(shown_pages(&starts, 1, 5, [25, 35]), (0..1, Some(2..5)));
        // The gap filled: one run.
        assert_eq!(shown_pages(&starts, 2, 4, [25, 35]), (0..4, None));
        assert_eq!(shown_pages(&[0], 1, 0, [0]), (0..1, None));
        assert_eq!(shown_pages(&[0], 1, 4, [0]), (0..1, None));
    }

    #[test]
    fn text_of_only_invisible_characters_is_no_text() {
        let errors = validate(&draft("\u{200B}\u{200B} \u{FEFF}\u{2060}", "\u{200D}", "a@b.co", "\u{00AD}")).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Text, Field::Name]);
        // Among visible text they are kept as typed.
        assert_eq!(validate(&draft("a\u{200B}b", "n", "a@b.co", "")).unwrap().text, "a\u{200B}b");
    }

    #[test]
    fn byte_limits_count_utf8_bytes_at_the_exact_boundary() {
        // "é" is 2 bytes, "€" 3, "😀" 4: limits are bytes, not characters.
        let name_ok = "é".repeat(MAX_NAME_BYTES / 2) + "a"; // 245 bytes
        assert_eq!(name_ok.len(), MAX_NAME_BYTES);
        let name_over = "é".repeat(MAX_NAME_BYTES / 2 + 1); // 246 bytes, 123 characters
        assert!(validate(&draft("hi", &name_ok, "a@b.co", "")).is_ok());
        let errors = validate(&draft("hi", &name_over, "a@b.co", "")).unwrap_err();
        assert_eq!(errors[0].field, Field::Name);
        assert!(errors[0].message.contains("1 bytes over"));

        let text_ok = "😀".repeat(MAX_TEXT_BYTES / 4) + "a"; // 65,524 + 1
        assert_eq!(text_ok.len(), MAX_TEXT_BYTES);
        assert!(validate(&draft(&text_ok, "n", "a@b.co", "")).is_ok());
        assert!(validate(&draft(&(text_ok.clone() + "a"), "n", "a@b.co", "")).is_err());
        assert_eq!(bytes_left(Field::Text, &text_ok), 0);
        assert!(near_limit(Field::Text, &text_ok));
        assert!(!near_limit(Field::Text, "short"));
        assert_eq!(bytes_left(Field::Name, "  €  "), 242, "counted as sent: trimmed");
    }

    #[test]
    fn a_website_is_counted_with_the_scheme_it_is_sent_with() {
        // 196 bytes typed, 204 sent: the counter must say "4 bytes over", as the check on submit does.
        let typed = format!("example.org/{}", "a".repeat(184));
        assert_eq!(typed.len(), 196);
        assert_eq!(bytes_left(Field::Website, &typed), -4);
        let errors = validate(&draft("hi", "n", "a@b.co", &typed)).unwrap_err();
        assert_eq!(errors[0].message, "Website is too long: 4 bytes over the limit of 200.");
        assert_eq!(bytes_left(Field::Website, " https://ann.example/ "), 180);
    }

    #[test]
    fn whitespace_only_fields_are_empty_and_values_are_trimmed() {
        let errors = validate(&draft(" \n\t ", "  ", "", "   ")).unwrap_err();
        assert_eq!(errors.iter().map(|e| e.field).collect::<Vec<_>>(), [Field::Text, Field::Name, Field::Email]);
        let ok = validate(&draft("  Hello\nworld  ", " Ann ", " ann@example.com ", " https://ann.example/ ")).unwrap();
        assert_eq!(ok, ValidComment { text: "Hello\nworld".into(), name: "Ann".into(), email: "ann@example.com".into(), website: "https://ann.example/".into() });
    }

    #[test]
    fn emails() {
        for good in ["a@b.co", "first.last+tag@sub.example.org", "ünï@exämple.de"] {
            assert!(is_email(good), "{good}");
        }
        for bad in ["", "a", "a@", "@b.co", "a@b", "a@@b.co", "a b@c.de", "a@b..co", "<a@b.co>", "a@.b.co", "a@b.co."] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn websites_are_http_or_https_only() {
        for good in ["http://a.example", "https://a.example/path?q=1#x", "HTTPS://A.EXAMPLE"] {
            assert!(is_http_url(good), "{good}");
        }
        for bad in ["javascript:alert(1)", "data:text/html,x", "ftp://a.example", "https://", "//a.example", "a.example",
            "https://a.example/<script>", "https:// a.example", "https://@evil"]
        {
            assert!(!is_http_url(bad), "{bad}");
        }
        let errors = validate(&draft("t", "n", "a@b.co", "javascript:alert(1)")).unwrap_err();
        assert_eq!(errors[0].field, Field::Website);
    }

    #[test]
    fn a_website_typed_without_its_scheme_gets_https() {
        let sent = |website: &str| validate(&draft("t", "n", "a@b.co", website)).map(|v| v.website);
        assert_eq!(sent(" example.org/me "), Ok("https://example.org/me".into()));
        assert_eq!(sent("www.example.org"), Ok("https://www.example.org".into()));
        assert_eq!(sent("http://example.org"), Ok("http://example.org".into()));
        assert_eq!(sent(""), Ok(String::new()));
        assert_eq!(sent("www.example.org:8080/x"), Ok("https://www.example.org:8080/x".into()));
        assert_eq!(sent("bücher.de/ich"), Ok("https://bücher.de/ich".into()));
        for bad in ["javascript:alert(1)", "localhost:8080", "example", "/path.html", "data:text/html,a.b", "javascript:a.b",
            "ann.reader@gmail.com", "https://ann.reader@gmail.com", ".", "a..b", "mailto:a@b.c", "example.org:x"]
        {
            assert!(sent(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn comment_files_are_checked() {
        let mut file = CommentsFile { format_version: 1, article: "a".into(), comments: vec![c("1", None, 0), c("2", Some("1"), 1)] };
        assert!(check_comments(&file).is_empty());
        file.comments.push(c("3", Some("nope"), 2));
        file.comments.push(c("2", None, 3));
        let problems = check_comments(&file);
        assert!(problems.iter().any(|p| p.contains("parent nope does not exist")));
        assert!(problems.iter().any(|p| p.contains("appears twice")));
    }

    #[test]
    fn nesting_is_checked_once_per_comment_however_long_the_chains() {
        // 20,000 replies each to the one before: each comment's parents are followed once (this took hours when
        // every comment walked up its whole chain, searching the file at each step).
        let chain: Vec<Comment> = (0..20_000u32).map(|i| c(&i.to_string(), i.checked_sub(1).map(|p| p.to_string()).as_deref(), i % 60)).collect();
        let file = CommentsFile { format_version: 1, article: "a".into(), comments: chain };
        let problems = check_comments(&file);
        assert_eq!(problems.len(), 20_000 - MAX_DEPTH);
        assert_eq!(problems[0], format!("comment {MAX_DEPTH}: nested {} deep, more than {MAX_DEPTH}", MAX_DEPTH + 1));
        assert!(problems.last().unwrap().contains("nested 20000 deep"));

        // A cycle, a reply into it, a reply to a missing comment and its reply; a duplicate id is its first comment.
        let comments = vec![c("a", Some("b"), 0), c("b", Some("a"), 1), c("x", Some("a"), 2), c("m", Some("gone"), 3),
            c("n", Some("m"), 4), c("t", None, 5), c("t", Some("n"), 6), c("u", Some("t"), 7)];
        let file = CommentsFile { format_version: 1, article: "a".into(), comments };
        let problems = check_comments(&file);
        for cycling in ["a", "b", "x"] {
            assert!(problems.contains(&format!("comment {cycling}: its replies form a cycle")), "{problems:?}");
        }
        for orphan in ["m", "n", "t"] {
            assert!(problems.contains(&format!("comment {orphan}: parent gone does not exist")), "{problems:?}");
        }
        assert!(!problems.iter().any(|p| p.starts_with("comment u:")), "{problems:?}");
    }

    #[test]
    fn comments_of_one_author_in_one_minute_are_found_and_others_are_not() {
        let at = |author: &str, published: &str| Comment { author: author.into(), published: published.into(), ..c("x", None, 0) };
        let comments = [
            at("Maren Holt", "2026-11-24T09:02:10+00:00"),
            at("Maren Holt", "2026-11-24T14:32:40+05:30"),
            at("Maren Holt", "2026-11-24T09:03:00+00:00"),
            at("Ade Okonkwo", "2026-11-24T09:02:20+00:00"),
            // Spaces a page does not show: the same name to a reader.
            at(" Ade  Okonkwo ", "2026-11-24T09:02:50+00:00"),
        ];
        assert_eq!(same_author_and_minute(&comments.iter().collect::<Vec<_>>()), [true, true, false, true, true]);
    }

    #[test]
    fn the_opening_of_a_comment_is_cut_between_words_and_ends_in_an_ellipsis_only_when_it_goes_on() {
        assert_eq!(opening("Fair point.\nLet's  see what the next round brings.", 22), "Fair point.\nLet's  see…");
        assert_eq!(opening("  Agreed. ", 40), "Agreed.");
        assert_eq!(opening("one two three four", 18), "one two three four");
        assert_eq!(opening("one two three four", 9), "one two…");
        assert_eq!(opening("one two three four", 7), "one two…");
        assert_eq!(opening(&"日本語".repeat(100), 5), "日本語日本…");
        assert_eq!(opening("日本語", 3), "日本語");
    }
}
