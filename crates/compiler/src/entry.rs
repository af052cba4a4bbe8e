//! Pre-rendered entry pages: for every URL of the site an `index.html` that a plain static host can serve, with
//! the page's content already in it (readable without JavaScript), its title, description, canonical link,
//! Open Graph, Twitter card and JSON-LD tags, and the page's content files embedded for the app to take over.

use std::sync::Arc;

use broadsheet::data::embedded::{Embedded, ELEMENT_ID};
use broadsheet::prerender::{render, PageFile};
use broadsheet::Config;
use broadsheet_model::route::SITE_PATH;
use broadsheet_model::urls::image_url;
use broadsheet_model::{Article, Image, Route, Site};
use serde::Serialize;
use serde_json::json;

use crate::assemble::Newsroom;

/// The HTML Trunk built (`dist/index.html`), to be filled in per page.
pub struct Shell {
    html: String,
    /// `html` as every pre-rendered page starts (`preloads.rs`), worked out once for all of them.
    page: String,
    pub base: String,
}

impl Shell {
    pub fn parse(html: String) -> Result<Shell, String> {
        for needle in [HOST_OPEN, "</head>", "</body>", "<title>"] {
            if !html.contains(needle) {
                return Err(format!("the app shell has no {needle}"));
            }
        }
        if html.contains(ELEMENT_ID) {
            return Err("this is a pre-rendered page, not the app shell Trunk built".into());
        }
        let base = between(&html, "<base href=\"", "\"").unwrap_or("/").to_string();
        Ok(Shell::new(html, base))
    }

    fn new(html: String, base: String) -> Shell {
        Shell { page: crate::preloads::deferred(&html), html, base }
    }

    /// The same shell for a site served under `base` (`/news/`): the `<base>` and every root-relative asset URL
    /// move; the assets themselves (WASM, JS, CSS) stay byte for byte the same.
    pub fn rebased(&self, base: &str) -> Shell {
        let base = broadsheet_model::route::normalize_base(base);
        let mut html = self.html.clone();
        for attr in ["href", "src"] {
            html = html.replace(&format!("{attr}=\"{}", self.base), &format!("{attr}=\"{base}"));
        }
        Shell::new(html, base)
    }

    /// The same shell listing `islands` (`islands.rs`) for the loader.
    pub fn with_islands(&self, islands: &serde_json::Value) -> Shell {
        Shell::new(crate::islands::with_islands(&self.html, islands), self.base.clone())
    }

    pub fn html(&self) -> &str {
        &self.html
    }
}

/// Where the compiler keeps Trunk's shell beside the pages it writes (`index.html` becomes the front page). It is
/// also the app without any pre-rendered page, for hosts that want a single-page fallback.
pub const SHELL_FILE: &str = "shell.html";

const HOST_OPEN: &str = "<div id=\"broadsheet\" class=\"bs-host\">";

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let to = s[from..].find(end)? + from;
    Some(&s[from..to])
}

/// Produces every entry page of the newsroom, one at a time, as (path under the site root, HTML): the front page,
/// every listing page, every article, and `404.html`. Returns how many.
pub fn each_page(
    newsroom: &Newsroom,
    shell: &Shell,
    emit: &mut dyn FnMut(String, String) -> std::io::Result<()>,
) -> std::io::Result<usize> {
    let config = Config::new(&shell.base, None);
    let site = Arc::new(newsroom.site.clone());
    let mut n = 0;
    let mut put = |(path, html): (String, String)| {
        n += 1;
        emit(path, html)
    };
    let front = Arc::new(newsroom.front.clone());
    put(page(shell, &config, &site, Route::Front, PageFile::Front(front.clone()), Some(json(&*front)), None))?;
    for listing in &newsroom.listings {
        let route = Route::Section { section: listing.section.clone(), page: listing.page };
        let file = Arc::new(listing.clone());
        put(page(shell, &config, &site, route, PageFile::Listing(file.clone()), Some(json(&*file)), None))?;
    }
    for article in &newsroom.articles {
        let route = Route::article(&article.section, &article.slug);
        let file = Arc::new(article.clone());
        put(page(shell, &config, &site, route, PageFile::Article(file.clone()), Some(json(&*file)), Some(article)))?;
    }
    let (_, not_found) = page(shell, &config, &site, Route::NotFound { path: "/404.html".into() }, PageFile::None, None, None);
    put(("404.html".to_string(), not_found))?;
    Ok(n)
}

/// Every entry page in memory (for tests and small newsrooms).
pub fn entry_pages(newsroom: &Newsroom, shell: &Shell) -> Vec<(String, String)> {
    let mut pages = vec![];
    each_page(newsroom, shell, &mut |path, html| {
        pages.push((path, html));
        Ok(())
    })
    .expect("collecting never fails");
    pages
}

fn json<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).expect("content types always serialize")
}

fn page(
    shell: &Shell,
    config: &Config,
    site: &Arc<Site>,
    route: Route,
    file: PageFile,
    file_json: Option<serde_json::Value>,
    article: Option<&Article>,
) -> (String, String) {
    let app = render(config, &route, site.clone(), file);
    let mut embedded = Embedded { not_found: matches!(route, Route::NotFound { .. }), ..Embedded::default() };
    embedded.files.insert(SITE_PATH.to_string(), json(&**site));
    if let (Some(path), Some(value)) = (route.content_path(), file_json.clone()) {
        embedded.files.insert(path, value);
    }
    let (title, description) = titles(site, &route, file_json.as_ref(), article);
    let canonical = site.public_url(&route);
    let mut head = format!("<title>{}</title>\n", text(&title));
    head += &meta_name("description", &description);
    if let Some(url) = &canonical {
        head += &format!("<link rel=\"canonical\" href=\"{}\">\n", attr(url));
        head += &meta_property("og:url", url);
    }
    head += &meta_property("og:site_name", &site.name);
    head += &meta_property("og:type", if article.is_some() { "article" } else { "website" });
    head += &meta_property("og:title", &title_only(&title, &site.name));
    head += &meta_property("og:description", &description);
    let image = article.and_then(|a| a.image.as_ref()).and_then(|i| absolute_image(site, i));
    if let Some((src, image)) = &image {
        head += &meta_property("og:image", src);
        head += &meta_property("og:image:alt", &image.alt);
        head += &meta_property("og:image:width", &image.width.to_string());
        head += &meta_property("og:image:height", &image.height.to_string());
    }
    head += &meta_name("twitter:card", if image.is_some() { "summary_large_image" } else { "summary" });
    head += &meta_name("twitter:title", &title_only(&title, &site.name));
    head += &meta_name("twitter:description", &description);
    if let Some(a) = article {
        head += &meta_property("article:published_time", &a.published);
        if let Some(updated) = &a.updated {
            head += &meta_property("article:modified_time", updated);
        }
        head += &meta_property("article:section", &site.section(&a.section).map(|s| s.title.clone()).unwrap_or_default());
        let ld = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.headline,
            "description": a.standfirst,
            "datePublished": a.published,
            "dateModified": a.updated.as_ref().unwrap_or(&a.published),
            "author": [{ "@type": "Person", "name": a.byline }],
            "publisher": { "@type": "NewsMediaOrganization", "name": site.name },
            "articleSection": site.section(&a.section).map(|s| s.title.clone()),
            "image": image.as_ref().map(|(src, _)| src.clone()),
            "mainEntityOfPage": canonical,
            "inLanguage": site.language,
        });
        head += &format!(
            "<script type=\"application/ld+json\">{}</script>\n",
            serde_json::to_string(&ld).expect("JSON").replace('<', "\\u003c")
        );
    }
    let mut html = shell.page.clone();
    html = with_language(&html, &site.language);
    let title_start = html.find("<title>").expect("checked in Shell::parse");
    let title_end = html[title_start..].find("</title>").map(|i| title_start + i + "</title>".len()).unwrap_or(title_start);
    html.replace_range(title_start..title_end, head.trim_end());
    let host = html.find(HOST_OPEN).expect("checked in Shell::parse") + HOST_OPEN.len();
    let host_end = html[host..].find("</div>").map(|i| host + i).unwrap_or(host);
    html.replace_range(host..host_end, &app);
    let data = format!("{}{}</script>\n", data_block_start(), embedded.to_script_text());
    let body_end = html.rfind("</body>").expect("checked in Shell::parse");
    html.insert_str(body_end, &data);
    let path = match &route {
        Route::NotFound { .. } => "404.html".to_string(),
        r => format!("{}index.html", r.href("/").trim_start_matches('/')),
    };
    (path, html)
}

/// How the block of embedded content files starts; every pre-rendered page has one, and only they do (the shell
/// Trunk built is refused if it has one), so it also marks the pages the compiler wrote.
pub fn data_block_start() -> String {
    format!("<script type=\"application/json\" id=\"{ELEMENT_ID}\">")
}

/// Document title and description, as the app sets them.
fn titles(site: &Site, route: &Route, file: Option<&serde_json::Value>, article: Option<&Article>) -> (String, String) {
    let str_of = |key: &str| file.and_then(|f| f.get(key)).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let num_of = |key: &str| file.and_then(|f| f.get(key)).and_then(|v| v.as_u64()).unwrap_or(1);
    let (page, description) = match (route, article) {
        (_, Some(a)) => (a.headline.clone(), a.standfirst.clone()),
        (Route::Front, _) => ("Top stories".to_string(), site.description.clone()),
        (Route::Section { page, .. }, _) if *page > 1 => {
            (format!("{} – page {} of {}", str_of("title"), page, num_of("pages")), str_of("description"))
        }
        (Route::Section { .. }, _) => (str_of("title"), str_of("description")),
        _ => ("Page not found".to_string(), String::new()),
    };
    (format!("{page} | {}", site.name), description)
}

fn title_only(title: &str, site_name: &str) -> String {
    title.strip_suffix(&format!(" | {site_name}")).unwrap_or(title).to_string()
}

/// An image's absolute URL for link previews. Like the canonical link, it is built on `site.url`, the site's root,
/// which already includes any base path the site is deployed under: the base is not added twice.
fn absolute_image(site: &Site, image: &Image) -> Option<(String, Image)> {
    let src = image_url(&image.src, "content/")?;
    if src.starts_with("https://") {
        return Some((src, image.clone()));
    }
    let root = site.url.as_deref()?.trim_end_matches('/');
    Some((format!("{root}/{src}"), image.clone()))
}

fn meta_name(name: &str, content: &str) -> String {
    format!("<meta name=\"{name}\" content=\"{}\">\n", attr(content))
}

fn meta_property(property: &str, content: &str) -> String {
    format!("<meta property=\"{property}\" content=\"{}\">\n", attr(content))
}

fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `html` with its `<html lang>` set to `language`, whatever it said before (Trunk's `en`, or a language an earlier
/// run put in `shell.html`).
pub fn with_language(html: &str, language: &str) -> String {
    const OPEN: &str = "<html lang=\"";
    let Some(start) = html.find(OPEN).map(|i| i + OPEN.len()) else { return html.to_string() };
    let end = html[start..].find('"').map_or(start, |i| start + i);
    format!("{}{}{}", &html[..start], attr(language), &html[end..])
}

fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(url: &str) -> Site {
        serde_json::from_value(serde_json::json!({
            "format_version": 1, "name": "N", "language": "en", "page_size": 6, "sections": [], "url": url
        }))
        .unwrap()
    }

    fn image(src: &str) -> Image {
        Image { src: src.into(), alt: "A".into(), caption: String::new(), width: 1200, height: 675 }
    }

    #[test]
    fn the_page_language_is_set_whatever_it_was() {
        assert_eq!(with_language("<html lang=\"en\"><head>", "fr"), "<html lang=\"fr\"><head>");
        assert_eq!(with_language(&with_language("<html lang=\"en\">x", "fr"), "de"), "<html lang=\"de\">x");
        assert_eq!(with_language("<html lang=\"en\">", "x\"><script>"), "<html lang=\"x&quot;&gt;&lt;script&gt;\">");
        assert_eq!(with_language("<html>", "fr"), "<html>");
    }

    #[test]
    fn preview_images_are_under_the_site_root_like_canonical_links() {
        let at = |url: &str, src: &str| absolute_image(&site(url), &image(src)).map(|(src, _)| src);
        assert_eq!(at("https://news.example/", "images/a.svg").unwrap(), "https://news.example/content/images/a.svg");
        // A site deployed under /news/ names that in its url, once.
        assert_eq!(at("https://example.com/news/", "images/a.svg").unwrap(), "https://example.com/news/content/images/a.svg");
        assert_eq!(at("https://example.com/news", "images/a.svg").unwrap(), "https://example.com/news/content/images/a.svg");
        assert_eq!(at("https://example.com/", "https://cdn.example/a.jpg").unwrap(), "https://cdn.example/a.jpg");
        assert_eq!(at("https://example.com/", "../secret"), None);
    }
}
