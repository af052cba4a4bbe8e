//! Deployment settings: read from the host element's data attributes (docs/embedding.md lists them). Newsroom
//! settings (sections, page size, comment endpoint) come from the site file instead: one owner per setting.

use broadsheet_model::route::normalize_base;
use broadsheet_model::Route;

/// Where the app keeps its place in the address bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routing {
    /// Real paths under the base: `/news/world/a-story` (needs every such URL to serve the page).
    Path,
    /// A fragment on the host page's own URL: `/page#/world/a-story`, for hosts with no URL space to give.
    Hash,
}

/// The colour scheme an embedding page asks for; a reader's own choice still wins over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system (`prefers-color-scheme`).
    Auto,
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Path the app's URLs live under, with leading and trailing slash (`/` or `/news/`). Path routing only.
    pub base: String,
    /// URL prefix of the content tree, ending in `/` (`{base}content/` by default).
    pub content_base: String,
    pub routing: Routing,
    pub theme: Theme,
    /// Whether the app sets the document title (`data-title="off"` leaves it to the host).
    pub set_title: bool,
    /// Whether the app owns the document (the standalone site) rather than living inside someone else's page.
    /// Only an owner touches `<meta>` tags and the browser's scroll restoration.
    pub owns_document: bool,
    /// Hash routing: the host page's own path and query, which every in-app link keeps.
    pub page_path: String,
    /// The app takes over the pre-rendered not-found page (`404.html`): the address it opens at is not found.
    pub not_found_page: bool,
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
        Config {
            base,
            content_base,
            routing: Routing::Path,
            theme: Theme::Auto,
            set_title: true,
            owns_document: true,
            page_path: String::new(),
            not_found_page: false,
        }
    }

    /// Reads the data attributes of the host element (`get("routing")` for `data-routing`). Unknown values fall
    /// back to the documented defaults.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>, fallback_base: &str, page_path: &str, owns_document: bool) -> Config {
        let mut config = Config::new(&get("base").unwrap_or_else(|| fallback_base.to_string()), get("content").as_deref());
        config.routing = match get("routing").as_deref().map(str::trim) {
            Some("hash") => Routing::Hash,
            _ => Routing::Path,
        };
        config.theme = match get("theme").as_deref().map(str::trim) {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        };
        config.set_title = !matches!(get("title").as_deref().map(str::trim), Some("off" | "false" | "no"));
        config.owns_document = owns_document;
        config.page_path = page_path.to_string();
        config
    }

    pub fn content_url(&self, path: &str) -> String {
        format!("{}{path}", self.content_base)
    }

    /// The link to `route` in this deployment's routing mode.
    pub fn href(&self, route: &Route) -> String {
        self.href_on(&self.page_path, route)
    }

    /// The link to `route` from the host page at `page_path` (path and query), in hash mode; in path mode the same
    /// as [`Config::href`].
    pub fn href_on(&self, page_path: &str, route: &Route) -> String {
        match self.routing {
            Routing::Path => route.href(&self.base),
            Routing::Hash => format!("{page_path}#{}", route.href("/")),
        }
    }

    /// The route an address bar location stands for; `None` for a hash that is not the app's (a host's own
    /// `#top` anchor), which leaves the current page as it is.
    pub fn route_at(&self, pathname: &str, hash: &str) -> Option<Route> {
        match self.routing {
            Routing::Path => Some(match broadsheet_model::route::strip_base(&self.base, pathname) {
                Some(relative) => Route::parse(&relative),
                None => Route::NotFound { path: pathname.to_string() },
            }),
            Routing::Hash => match hash.strip_prefix('#') {
                // No fragment at all: the host page as first opened.
                None | Some("/") => Some(Route::Front),
                Some(h) if h.starts_with('/') => Some(Route::parse(h.split('?').next().unwrap_or(h))),
                // `#` alone (a host's `href="#"`) or `#top`: the host's.
                Some(_) => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn defaults_are_path_routing_auto_theme_and_title_on() {
        let c = Config::from_attributes(attrs(&[]), "/", "/", true);
        assert_eq!((c.routing, c.theme, c.set_title, c.content_base.as_str()), (Routing::Path, Theme::Auto, true, "/content/"));
    }

    #[test]
    fn attributes_set_each_deployment_setting_and_unknown_values_fall_back() {
        let c = Config::from_attributes(
            attrs(&[("base", "/news"), ("content", "https://cdn.example/news"), ("routing", "hash"), ("theme", "dark"), ("title", "off")]),
            "/",
            "/host.html",
            false,
        );
        assert_eq!(c.base, "/news/");
        assert_eq!(c.content_base, "https://cdn.example/news/");
        assert_eq!((c.routing, c.theme, c.set_title), (Routing::Hash, Theme::Dark, false));
        let odd = Config::from_attributes(attrs(&[("routing", "javascript:alert(1)"), ("theme", "<script>")]), "/", "/", true);
        assert_eq!((odd.routing, odd.theme), (Routing::Path, Theme::Auto));
    }

    #[test]
    fn hash_links_keep_the_host_page_and_parse_back() {
        let c = Config::from_attributes(attrs(&[("routing", "hash")]), "/", "/host/page.html?x=1", false);
        let route = Route::article("world", "a-story");
        let href = c.href(&route);
        assert_eq!(href, "/host/page.html?x=1#/world/a-story/");
        assert_eq!(c.route_at("/host/page.html", "#/world/a-story/"), Some(route));
        assert_eq!(c.route_at("/host/page.html", ""), Some(Route::Front));
        assert_eq!(c.route_at("/host/page.html", "#top"), None);
        assert_eq!(c.route_at("/host/page.html", "#"), None);
        assert_eq!(c.route_at("/host/page.html", "#/"), Some(Route::Front));
    }

    #[test]
    fn hash_links_follow_the_host_page_as_it_is_now() {
        let c = Config::from_attributes(attrs(&[("routing", "hash")]), "/", "/host/page.html?x=1", false);
        let route = Route::section("local");
        assert_eq!(c.href_on("/host/page.html?tab=events", &route), "/host/page.html?tab=events#/local/");
        let path = Config::from_attributes(attrs(&[]), "/", "/", true);
        assert_eq!(path.href_on("/elsewhere?x=1", &route), path.href(&route));
    }

    #[test]
    fn path_links_live_under_the_base() {
        let c = Config::new("/news/", None);
        assert_eq!(c.href(&Route::section("world")), "/news/world/");
        assert_eq!(c.route_at("/news/world/", ""), Some(Route::section("world")));
        assert!(matches!(c.route_at("/elsewhere/", ""), Some(Route::NotFound { .. })));
    }
}
