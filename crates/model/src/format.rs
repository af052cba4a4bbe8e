//! Serde types for every file of the content contract (v1). See `docs/content-format.md`.
//!
//! All text fields are plain text. Renderers must put them into the page as text, never as markup.

use serde::{Deserialize, Serialize};

/// The newest `format_version` this code understands. A file with a larger one needs a newer app.
pub const FORMAT_VERSION: u32 = 1;

/// The largest content file the app reads (2 MiB): the compiler refuses to write a larger one.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// Just enough of any content file to check its version before decoding the rest.
#[derive(Debug, Clone, Deserialize)]
pub struct Envelope {
    pub format_version: u32,
}

/// `site.json`: the newsroom and its navigation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Site {
    pub format_version: u32,
    pub name: String,
    /// BCP 47 language tag of the newsroom's text, e.g. `en`.
    pub language: String,
    #[serde(default)]
    pub description: String,
    /// Teasers per listing page.
    pub page_size: u32,
    /// Sections in navigation order.
    pub sections: Vec<Section>,
    /// Canonical address of the site's root (`https://news.example/`), for canonical links and link previews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where readers' comments are POSTed (docs/comments.md). Without one, comments stay in the reader's browser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment_endpoint: Option<String>,
}

impl Site {
    /// Every field name, for tools that refuse misspelt ones (the app ignores unknown fields).
    pub const FIELDS: [&'static str; 8] =
        ["format_version", "name", "language", "description", "page_size", "sections", "url", "comment_endpoint"];

    /// The public address of `route` on the site's `url` (canonical links, `og:url`); `None` without a `url` and
    /// for a page not found.
    pub fn public_url(&self, route: &crate::Route) -> Option<String> {
        let root = self.url.as_deref()?;
        (!matches!(route, crate::Route::NotFound { .. })).then(|| format!("{}{}", root.trim_end_matches('/'), route.href("/")))
    }

    pub fn section(&self, slug: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.slug == slug)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// True for a section that lists every article of the newsroom (Latest News). No article belongs to it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub aggregate: bool,
}

impl Section {
    /// Every field name, as [`Site::FIELDS`].
    pub const FIELDS: [&'static str; 4] = ["slug", "title", "description", "aggregate"];
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// `front.json`: the front page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontPage {
    pub format_version: u32,
    /// The lead stories, most important first.
    pub lead: Vec<Teaser>,
    /// One rail per section, in navigation order: its featured teasers first, then the newest.
    pub rails: Vec<Rail>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rail {
    /// Slug of the section this rail shows.
    pub section: String,
    pub title: String,
    pub teasers: Vec<Teaser>,
}

/// `{section}/page-{n}.json`: one page of a section listing, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub format_version: u32,
    pub section: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// 1-based page number of this file.
    pub page: u32,
    pub page_size: u32,
    /// Articles in the whole section.
    pub total: u32,
    /// Number of pages of the whole section (at least 1).
    pub pages: u32,
    pub items: Vec<Teaser>,
}

/// A card that points at an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Teaser {
    pub slug: String,
    pub section: String,
    pub headline: String,
    pub standfirst: String,
    /// ISO 8601 with offset.
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
}

/// `{section}/{slug}/article.json`: everything one article page needs, in one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub format_version: u32,
    pub slug: String,
    pub section: String,
    pub headline: String,
    pub standfirst: String,
    pub byline: String,
    /// ISO 8601 with offset.
    pub published: String,
    /// ISO 8601 with offset; absent when the article was never updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    pub body: Vec<Block>,
    /// Related-article teasers, best first.
    #[serde(default)]
    pub related: Vec<Teaser>,
    /// Minutes to read it, counted by the compiler (`reading::article_minutes`), so the app carries no text
    /// counting; a file without it shows no reading time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading_minutes: Option<u32>,
}

impl Article {
    pub fn teaser(&self) -> Teaser {
        Teaser {
            slug: self.slug.clone(),
            section: self.section.clone(),
            headline: self.headline.clone(),
            standfirst: self.standfirst.clone(),
            published: self.published.clone(),
            image: self.image.clone(),
        }
    }
}

/// An image. `src` is a path relative to the content root (e.g. `images/harbour.svg`) or an https URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    pub src: String,
    pub alt: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    pub width: u32,
    pub height: u32,
}

/// One block of an article body. Unknown kinds decode to [`Block::Unknown`] and are skipped by renderers, so the
/// format can grow without breaking older apps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph { text: String },
    Subheading { text: String },
    PullQuote {
        text: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        attribution: String,
    },
    Image(Image),
    /// An inline "Read more:" link to another article.
    ReadMore { slug: String, section: String, headline: String },
    #[serde(other)]
    Unknown,
}

impl Block {
    /// The words a reader reads in this block (for reading time).
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph { text } | Block::Subheading { text } | Block::PullQuote { text, .. } => text,
            Block::Image(image) => &image.caption,
            Block::ReadMore { headline, .. } => headline,
            Block::Unknown => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_block_kinds_decode_as_unknown() {
        let body: Vec<Block> = serde_json::from_str(
            r#"[{"type":"paragraph","text":"a"},{"type":"video","src":"x.mp4"},{"type":"subheading","text":"b"}]"#,
        )
        .unwrap();
        assert_eq!(body.len(), 3);
        assert_eq!(body[1], Block::Unknown);
    }

    #[test]
    fn known_block_with_wrong_fields_is_an_error() {
        assert!(serde_json::from_str::<Block>(r#"{"type":"paragraph","text":5}"#).is_err());
    }

    fn keys(value: &impl Serialize) -> Vec<String> {
        let mut keys: Vec<String> = serde_json::to_value(value).unwrap().as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    }

    fn sorted(fields: &[&str]) -> Vec<String> {
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        fields.sort();
        fields
    }

    #[test]
    fn field_lists_name_every_field() {
        let section = Section { slug: "s".into(), title: "t".into(), description: "d".into(), aggregate: true };
        let site = Site {
            format_version: 1,
            name: "n".into(),
            language: "en".into(),
            description: "d".into(),
            page_size: 1,
            sections: vec![section.clone()],
            url: Some("https://n.example/".into()),
            comment_endpoint: Some("/c".into()),
        };
        assert_eq!(keys(&site), sorted(&Site::FIELDS));
        assert_eq!(keys(&section), sorted(&Section::FIELDS));
    }

    #[test]
    fn blocks_round_trip() {
        let blocks = vec![
            Block::Paragraph { text: "p".into() },
            Block::PullQuote { text: "q".into(), attribution: String::new() },
            Block::ReadMore { slug: "s".into(), section: "local".into(), headline: "h".into() },
            Block::Image(Image { src: "images/a.svg".into(), alt: "a".into(), caption: "c".into(), width: 4, height: 3 }),
        ];
        let json = serde_json::to_string(&blocks).unwrap();
        assert!(json.contains(r#""type":"pull_quote""#));
        assert!(json.contains(r#""type":"read_more""#));
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), blocks);
    }
}
