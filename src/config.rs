//! Deployment settings: where the app lives (base path) and where its content files are.

use broadsheet_model::route::normalize_base;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Path the app's URLs live under, with leading and trailing slash (`/` or `/news/`).
    pub base: String,
    /// URL prefix of the content tree, ending in `/` (`/content/` by default).
    pub content_base: String,
}

impl Config {
    /// `base` from the page; content defaults to the `content/` folder under it.
    pub fn new(base: &str, content: Option<&str>) -> Config {
        let base = normalize_base(base);
        let content_base = match content.map(str::trim).filter(|c| !c.is_empty()) {
            Some(c) if c.ends_with('/') => c.to_string(),
            Some(c) => format!("{c}/"),
            None => format!("{base}content/"),
        };
        Config { base, content_base }
    }

    pub fn content_url(&self, path: &str) -> String {
        format!("{}{path}", self.content_base)
    }
}
