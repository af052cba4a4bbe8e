//! Routes: the typed form of every URL the app answers, and the content file behind each.
//!
//! URLs are directory style so a static host can serve a folder's `index.html`:
//! `/`, `/{section}/`, `/{section}/page/{n}/`, `/{section}/{article-slug}/`. Paths given to [`Route::parse`] are
//! relative to the app's base path (see [`strip_base`]); [`Route::href`] puts the base back.

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    Front,
    /// A page of a section listing; page 1 is the newest.
    Section { section: String, page: u32 },
    Article { section: String, slug: String },
    /// Anything else. Keeps the path (relative to the base) so the not-found view can show it.
    NotFound { path: String },
}

/// The reserved path segment for listing pages; no article may use it as its slug.
pub const PAGE_SEGMENT: &str = "page";

impl Route {
    pub fn section(section: &str) -> Route {
        Route::Section { section: section.to_string(), page: 1 }
    }

    pub fn article(section: &str, slug: &str) -> Route {
        Route::Article { section: section.to_string(), slug: slug.to_string() }
    }

    /// Parses a path relative to the base (`/local/page/2/`). A query string or fragment is ignored. Section
    /// slugs are only checked for shape here: whether the section exists is known from the site file.
    pub fn parse(path: &str) -> Route {
        let clean = path.split(['?', '#']).next().unwrap_or("");
        let mut segments: Vec<&str> = clean.split('/').filter(|s| !s.is_empty()).collect();
        // A static host answers `/local/a-b/index.html` with the page of `/local/a-b/`: the app shows the same.
        if segments.last() == Some(&"index.html") {
            segments.pop();
        }
        let not_found = || Route::NotFound { path: clean.to_string() };
        match segments.as_slice() {
            [] => Route::Front,
            [section] if is_slug(section) => Route::section(section),
            // Page 1 has one address, the section's own: no page is written for `/local/page/1/`, so the host
            // answers it with its not-found page, and the app agrees.
            [section, page_word, n] if is_slug(section) && *page_word == PAGE_SEGMENT => match parse_page(n) {
                Some(page) if page > 1 => Route::Section { section: section.to_string(), page },
                _ => not_found(),
            },
            [section, slug] if is_slug(section) && is_slug(slug) && *slug != PAGE_SEGMENT => {
                Route::article(section, slug)
            }
            _ => not_found(),
        }
    }

    /// The URL of this route under `base` (e.g. `/` or `/news/`).
    pub fn href(&self, base: &str) -> String {
        let base = normalize_base(base);
        match self {
            Route::Front => base,
            Route::Section { section, page: 1 } => format!("{base}{}/", segment(section)),
            Route::Section { section, page } => format!("{base}{}/{PAGE_SEGMENT}/{page}/", segment(section)),
            Route::Article { section, slug } => format!("{base}{}/{}/", segment(section), segment(slug)),
            Route::NotFound { path } => format!("{base}{}", path.trim_start_matches('/')),
        }
    }

    /// The content file this route renders from, relative to the content root. `None` for not-found.
    pub fn content_path(&self) -> Option<String> {
        match self {
            Route::Front => Some("front.json".to_string()),
            Route::Section { section, page } => Some(listing_path(section, *page)),
            Route::Article { section, slug } => Some(article_path(section, slug)),
            Route::NotFound { .. } => None,
        }
    }

    /// The section this route belongs to, for marking the nav.
    pub fn section_slug(&self) -> Option<&str> {
        match self {
            Route::Section { section, .. } | Route::Article { section, .. } => Some(section),
            Route::Front | Route::NotFound { .. } => None,
        }
    }
}

/// Path of the site file, relative to the content root.
pub const SITE_PATH: &str = "site.json";

pub fn listing_path(section: &str, page: u32) -> String {
    format!("{}/page-{page}.json", segment(section))
}

pub fn article_path(section: &str, slug: &str) -> String {
    format!("{}/{}/article.json", segment(section), segment(slug))
}

/// The published comments of an article, beside it. A missing file means no comments.
pub fn comments_path(section: &str, slug: &str) -> String {
    format!("{}/{}/comments.json", segment(section), segment(slug))
}

/// A section or slug as a segment of an address or a content path. Routes parsed from an address hold slugs only,
/// but those built from content (a nav from the site file, an article's own section) hold whatever the file says:
/// `//other.example` or `..` would take a link off the site or up out of it. What is not a slug becomes `-`, a
/// segment no page or file has (not a slug either), so such a link leads to "not found" on this site.
fn segment(s: &str) -> &str {
    if is_slug(s) { s } else { "-" }
}

/// The longest slug, in characters.
pub const MAX_SLUG_LEN: usize = 100;

/// Lowercase ASCII letters, digits and inner hyphens, at most [`MAX_SLUG_LEN`] of them.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn parse_page(n: &str) -> Option<u32> {
    if n.is_empty() || n.starts_with('0') || n.len() > 6 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// A base path with exactly one leading and one trailing slash: `""` and `/` give `/`, `news` gives `/news/`.
pub fn normalize_base(base: &str) -> String {
    let inner = base.trim_matches('/');
    if inner.is_empty() {
        "/".to_string()
    } else {
        format!("/{inner}/")
    }
}

/// The part of an absolute `pathname` under `base`, starting with `/`; `None` when the path is outside the base.
/// `/news` (the base without its trailing slash) counts as the base itself.
pub fn strip_base(base: &str, pathname: &str) -> Option<String> {
    let base = normalize_base(base);
    if pathname == base.trim_end_matches('/') {
        return Some("/".to_string());
    }
    pathname.strip_prefix(&base[..base.len() - 1]).filter(|rest| rest.starts_with('/')).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_kinds() -> Vec<Route> {
        vec![
            Route::Front,
            Route::section("local"),
            Route::Section { section: "international".into(), page: 3 },
            Route::article("international", "kim-jong-un-returns-from-russia"),
            Route::NotFound { path: "/a/b/c/d".into() },
            Route::NotFound { path: "/Local/".into() },
        ]
    }

    #[test]
    fn every_route_kind_round_trips_under_any_base() {
        for base in ["/", "", "/news/", "news", "/a/b/"] {
            for route in all_kinds() {
                let href = route.href(base);
                let path = strip_base(base, &href).unwrap_or_else(|| panic!("{href} not under {base}"));
                assert_eq!(Route::parse(&path), route, "href {href} under base {base}");
            }
        }
    }

    #[test]
    fn hrefs_are_directory_style() {
        assert_eq!(Route::Front.href("/"), "/");
        assert_eq!(Route::section("local").href("/news"), "/news/local/");
        assert_eq!(Route::Section { section: "local".into(), page: 2 }.href("/"), "/local/page/2/");
        assert_eq!(Route::article("local", "a-b").href("/"), "/local/a-b/");
    }

    #[test]
    fn parse_is_lenient_about_slashes_query_and_fragment() {
        assert_eq!(Route::parse("/local"), Route::section("local"));
        assert_eq!(Route::parse("/local/a-b?utm=x#top"), Route::article("local", "a-b"));
        assert_eq!(Route::parse(""), Route::Front);
    }

    #[test]
    fn an_index_html_path_is_its_folder() {
        assert_eq!(Route::parse("/index.html"), Route::Front);
        assert_eq!(Route::parse("/local/index.html"), Route::section("local"));
        assert_eq!(Route::parse("/local/page/2/index.html?x=1"), Route::Section { section: "local".into(), page: 2 });
        assert_eq!(Route::parse("/local/a-b/index.html"), Route::article("local", "a-b"));
        assert!(matches!(Route::parse("/local/a-b/index.html/x"), Route::NotFound { .. }));
    }

    #[test]
    fn malformed_paths_are_not_found() {
        for path in ["/local/page/0/", "/local/page/1/", "/local/page/02/", "/local/page/x/", "/local/page/", "/Local/", "/a b/",
            "/local/slug/extra/", "/-x/", "/local/page/9999999/"]
        {
            assert!(matches!(Route::parse(path), Route::NotFound { .. }), "{path}");
        }
    }

    #[test]
    fn content_paths() {
        assert_eq!(Route::Front.content_path().unwrap(), "front.json");
        assert_eq!(Route::Section { section: "local".into(), page: 2 }.content_path().unwrap(), "local/page-2.json");
        assert_eq!(Route::article("local", "a").content_path().unwrap(), "local/a/article.json");
        assert_eq!(Route::NotFound { path: "/x/y/z/".into() }.content_path(), None);
    }

    #[test]
    fn sections_and_slugs_from_content_that_are_not_slugs_stay_on_the_site() {
        for bad in ["//evil.example", "/evil", "..", ".", "a/b", "https://evil.example", "Local", ""] {
            for route in [Route::section(bad), Route::Section { section: bad.into(), page: 2 }, Route::article(bad, bad), Route::article("local", bad)] {
                let href = route.href("/news/");
                assert!(href.starts_with("/news/") && !href.contains("//") && !href.contains(".."), "{bad}: {href}");
                assert_eq!(Route::parse(href.strip_prefix("/news").unwrap()), Route::NotFound { path: href.strip_prefix("/news").unwrap().into() }, "{bad}: {href}");
            }
            for path in [listing_path(bad, 1), article_path(bad, bad), comments_path("local", bad)] {
                assert!(!path.starts_with('/') && !path.contains("..") && !path.contains("//"), "{bad}: {path}");
            }
        }
        assert_eq!(Route::section("/evil.example").href("/"), "/-/");
        assert_eq!(Route::article("local", "harbour-bridge").href("/"), "/local/harbour-bridge/");
    }

    #[test]
    fn strip_base_rejects_paths_outside() {
        assert_eq!(strip_base("/news/", "/newsroom/"), None);
        assert_eq!(strip_base("/news/", "/other/"), None);
        assert_eq!(strip_base("/news/", "/news"), Some("/".into()));
        assert_eq!(strip_base("/news/", "/news/local/"), Some("/local/".into()));
        assert_eq!(strip_base("/", "/local/"), Some("/local/".into()));
    }
}
