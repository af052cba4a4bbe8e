//! Reading article sources: front matter plus a body of paragraphs, subheadings, pull quotes, images and
//! "Read more:" lines. The format is described in `content/README.md`.

use std::fs;
use std::path::{Path, PathBuf};

use broadsheet_model::route::is_slug;
use broadsheet_model::time::parse_timestamp;
use broadsheet_model::urls::link_url;
use broadsheet_model::comments::{is_http_url, Comment};
use broadsheet_model::{Image, Site, FORMAT_VERSION};

use crate::error::SourceError;

/// Everything read from a source folder, before cross-article checks.
#[derive(Debug, Clone)]
pub struct Sources {
    pub site: Site,
    pub articles: Vec<ArticleSource>,
    /// Image files to copy, as paths relative to the source folder (`images/x.svg`).
    pub images: Vec<PathBuf>,
    /// Published comments per article: (source file, article slug, comments).
    pub comments: Vec<(PathBuf, String, Vec<Comment>)>,
    pub root: PathBuf,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSource {
    pub file: PathBuf,
    pub slug: String,
    pub section: String,
    pub headline: String,
    pub standfirst: String,
    pub byline: String,
    pub published: String,
    pub updated: Option<String>,
    pub image: Option<Image>,
    /// Among the front page's lead stories.
    pub lead: bool,
    /// First in its section's rail on the front page.
    pub featured: bool,
    pub body: Vec<BodyItem>,
}

/// A body element as written; "Read more" still names only a slug until the newsroom is assembled.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyItem {
    Paragraph(String),
    Subheading(String),
    PullQuote(String),
    Image(Image),
    ReadMore { slug: String, line: usize },
}

pub fn read_dir(dir: &Path) -> Result<Sources, Vec<SourceError>> {
    read_dir_with_progress(dir, &mut |_, _| {})
}

/// As [`read_dir`], calling `progress(done, total)` as article files are read.
pub fn read_dir_with_progress(dir: &Path, progress: &mut dyn FnMut(usize, usize)) -> Result<Sources, Vec<SourceError>> {
    let site_file = dir.join("site.json");
    let site = fs::read_to_string(&site_file)
        .map_err(|e| SourceError::new(&site_file, None, None, format!("cannot read: {e}")))
        .and_then(|text| parse_site(&site_file, &text))
        .map_err(|e| vec![e])?;
    let mut errors = vec![];
    let mut articles = vec![];
    let files = sorted_files(&dir.join("articles"), "md").map_err(|e| vec![e])?;
    let total = files.len();
    for (done, file) in files.into_iter().enumerate() {
        progress(done + 1, total);
        match fs::read_to_string(&file) {
            Ok(text) => match parse_article(&file, &text, &site) {
                Ok(article) => articles.push(article),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(SourceError::new(&file, None, None, format!("cannot read: {e}"))),
        }
    }
    let mut images = vec![];
    files_under(&dir.join("images"), &mut images);
    let images: Vec<PathBuf> = images.into_iter().filter_map(|f| f.strip_prefix(dir).ok().map(Path::to_path_buf)).collect();
    for article in &articles {
        let mut referenced: Vec<&Image> = article.image.iter().collect();
        referenced.extend(article.body.iter().filter_map(|b| if let BodyItem::Image(i) = b { Some(i) } else { None }));
        for image in referenced {
            if !image.src.starts_with("https://") && !images.iter().any(|p| p.to_string_lossy() == image.src) {
                errors.push(SourceError::new(&article.file, None, Some("image"), format!("no image file {}", image.src)));
            }
        }
    }
    let mut comments = vec![];
    let comments_dir = dir.join("comments");
    if comments_dir.is_dir() {
        for file in sorted_files(&comments_dir, "json").map_err(|e| vec![e])? {
            let slug = file.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
            match fs::read_to_string(&file).map_err(|e| e.to_string()).and_then(|t| {
                serde_json::from_str::<Vec<Comment>>(&t).map_err(|e| format!("line {}: {e}", e.line()))
            }) {
                Ok(list) => comments.push((file, slug, list)),
                Err(e) => errors.push(SourceError::new(&file, None, None, format!("expected a JSON array of comments: {e}"))),
            }
        }
    }
    if errors.is_empty() {
        Ok(Sources { site, articles, images, comments, root: dir.to_path_buf() })
    } else {
        Err(errors)
    }
}

/// Every file under `dir`, in subfolders too, sorted; none when it cannot be read.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files_under(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, SourceError> {
    let entries = fs::read_dir(dir).map_err(|e| SourceError::new(dir, None, None, format!("cannot read folder: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && (ext.is_empty() || p.extension().is_some_and(|x| x == ext)))
        .collect();
    files.sort();
    Ok(files)
}

pub fn parse_site(file: &Path, text: &str) -> Result<Site, SourceError> {
    let site: Site = serde_json::from_str(text)
        .map_err(|e| SourceError::new(file, Some(e.line()), None, format!("not a valid site file: {e}")))?;
    let problem = |m: String| Err(SourceError::new(file, None, Some("sections"), m));
    if site.format_version != FORMAT_VERSION {
        return Err(SourceError::new(file, None, Some("format_version"), format!("expected {FORMAT_VERSION}")));
    }
    if site.page_size == 0 {
        return Err(SourceError::new(file, None, Some("page_size"), "expected a number above 0"));
    }
    for (i, section) in site.sections.iter().enumerate() {
        if !is_slug(&section.slug) {
            return problem(format!("section slug {:?} must be lowercase letters, digits and hyphens", section.slug));
        }
        if section.slug == "content" {
            return problem("section slug \"content\" is reserved for the content files' folder".into());
        }
        if site.sections[..i].iter().any(|s| s.slug == section.slug) {
            return problem(format!("section slug {:?} appears twice", section.slug));
        }
    }
    if site.sections.is_empty() {
        return problem("expected at least one section".into());
    }
    // Checked here because the app would quietly ignore them: comments kept only in readers' browsers, and
    // canonical links and previews relative to wherever a crawler found the page.
    let field = |name: &'static str, m: &str| Err(SourceError::new(file, None, Some(name), m.to_string()));
    if site.url.as_deref().is_some_and(|url| !is_http_url(url)) {
        return field("url", "expected the site's address starting with https:// or http://, e.g. https://news.example/");
    }
    if site.comment_endpoint.as_deref().is_some_and(|url| link_url(url).is_none()) {
        return field("comment_endpoint", "expected a URL starting with https:// or http://, or a path starting with /");
    }
    Ok(site)
}

pub fn parse_article(file: &Path, text: &str, site: &Site) -> Result<ArticleSource, Vec<SourceError>> {
    let err = |line: usize, field: Option<&str>, msg: String| SourceError::new(file, Some(line), field, msg);
    let lines: Vec<&str> = text.lines().collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(vec![err(1, None, "expected front matter starting with a `---` line".into())]);
    }
    let Some(end) = lines.iter().skip(1).position(|l| l.trim_end() == "---").map(|p| p + 1) else {
        return Err(vec![err(1, None, "front matter has no closing `---` line".into())]);
    };
    let mut errors = vec![];
    let mut fields: Vec<(&str, &str, usize)> = vec![];
    for (i, line) in lines[1..end].iter().enumerate() {
        let n = i + 2;
        if line.trim().is_empty() {
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) if !key.trim().is_empty() => {
                let key = key.trim();
                if fields.iter().any(|(k, _, _)| *k == key) {
                    errors.push(err(n, Some(key), "appears twice".into()));
                }
                fields.push((key, value.trim(), n));
            }
            _ => errors.push(err(n, None, format!("expected `key: value`, found {line:?}"))),
        }
    }
    let get = |key: &str| fields.iter().find(|(k, _, _)| *k == key).map(|(_, v, n)| (*v, *n));
    let mut required = |key: &str| match get(key) {
        Some((v, _)) if !v.is_empty() => v.to_string(),
        _ => {
            errors.push(err(1, Some(key), "required field is missing or empty".into()));
            String::new()
        }
    };
    let slug = required("slug");
    let section = required("section");
    let headline = required("headline");
    let standfirst = required("standfirst");
    let byline = required("byline");
    let published = required("published");
    const KNOWN: [&str; 10] =
        ["slug", "section", "headline", "standfirst", "byline", "published", "updated", "image", "lead", "featured"];
    for (key, _, n) in &fields {
        if !KNOWN.contains(key) {
            errors.push(err(*n, Some(key), format!("unknown field; expected one of {}", KNOWN.join(", "))));
        }
    }
    if let Some((_, n)) = get("slug").filter(|_| !slug.is_empty() && !is_slug(&slug)) {
        errors.push(err(n, Some("slug"), "expected lowercase letters, digits and inner hyphens".into()));
    }
    if slug == broadsheet_model::route::PAGE_SEGMENT {
        errors.push(err(1, Some("slug"), "`page` is reserved for listing pages".into()));
    }
    if let Some((value, n)) = get("section").filter(|_| !section.is_empty()) {
        match site.section(value) {
            Some(s) if !s.aggregate => {}
            Some(_) => errors.push(err(n, Some("section"), format!("{value} lists every article; pick a section"))),
            None => errors.push(err(n, Some("section"), format!("no section {value} in site.json"))),
        }
    }
    let mut timestamp = |key: &str| -> Option<String> {
        let (value, n) = get(key)?;
        if parse_timestamp(value).is_none() {
            errors.push(err(n, Some(key), format!("expected ISO 8601 with offset like 2026-11-21T08:30:00-08:00, found {value:?}")));
        }
        Some(value.to_string())
    };
    timestamp("published");
    let updated = timestamp("updated");
    let image = get("image").and_then(|(value, n)| match parse_front_image(value) {
        Ok(image) => Some(image),
        Err(msg) => {
            errors.push(err(n, Some("image"), msg));
            None
        }
    });
    let mut flag = |key: &str| match get(key) {
        None => false,
        Some(("true", _)) => true,
        Some(("false", _)) => false,
        Some((other, n)) => {
            errors.push(err(n, Some(key), format!("expected true or false, found {other:?}")));
            false
        }
    };
    let lead = flag("lead");
    let featured = flag("featured");
    let body = parse_body(&lines[end + 1..], end + 2, file, &mut errors);
    if !body.iter().any(|b| matches!(b, BodyItem::Paragraph(_))) {
        errors.push(err(end + 1, Some("body"), "expected at least one paragraph".into()));
    }
    if errors.is_empty() {
        Ok(ArticleSource {
            file: file.to_path_buf(),
            slug,
            section,
            headline,
            standfirst,
            byline,
            published,
            updated,
            image,
            lead,
            featured,
            body,
        })
    } else {
        Err(errors)
    }
}

fn parse_body(lines: &[&str], first_line: usize, file: &Path, errors: &mut Vec<SourceError>) -> Vec<BodyItem> {
    let mut body = vec![];
    let mut paragraph: Vec<&str> = vec![];
    let flush = |paragraph: &mut Vec<&str>, body: &mut Vec<BodyItem>| {
        if !paragraph.is_empty() {
            body.push(BodyItem::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
    };
    for (i, raw) in lines.iter().enumerate() {
        let n = first_line + i;
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut paragraph, &mut body);
        } else if let Some(text) = line.strip_prefix("## ") {
            flush(&mut paragraph, &mut body);
            body.push(BodyItem::Subheading(text.trim().to_string()));
        } else if let Some(text) = line.strip_prefix("> ") {
            flush(&mut paragraph, &mut body);
            body.push(BodyItem::PullQuote(text.trim().to_string()));
        } else if line.starts_with("![") {
            flush(&mut paragraph, &mut body);
            match parse_body_image(line) {
                Ok(image) => body.push(BodyItem::Image(image)),
                Err(msg) => errors.push(SourceError::new(file, Some(n), Some("image"), msg)),
            }
        } else if let Some(slug) = line.strip_prefix("Read more:") {
            flush(&mut paragraph, &mut body);
            body.push(BodyItem::ReadMore { slug: slug.trim().to_string(), line: n });
        } else if line.starts_with('#') {
            errors.push(SourceError::new(file, Some(n), Some("body"), "only `## ` subheadings are allowed"));
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut body);
    body
}

/// `src WIDTHxHEIGHT | alt | caption`
fn parse_front_image(value: &str) -> Result<Image, String> {
    let mut parts = value.splitn(3, '|').map(str::trim);
    let (Some(head), Some(alt)) = (parts.next(), parts.next()) else {
        return Err("expected `src WIDTHxHEIGHT | alt text | caption`".into());
    };
    let caption = parts.next().unwrap_or("").to_string();
    let (src, size) = head.split_once(' ').ok_or("expected a size like 1200x675 after the image path")?;
    image(src, size.trim(), alt, caption)
}

/// `![alt](src WIDTHxHEIGHT "caption")`
fn parse_body_image(line: &str) -> Result<Image, String> {
    const SHAPE: &str = "expected ![alt text](images/file.svg 1200x800 \"caption\")";
    let rest = line.strip_prefix("![").ok_or(SHAPE)?;
    let (alt, rest) = rest.split_once("](").ok_or(SHAPE)?;
    let inner = rest.strip_suffix(')').ok_or(SHAPE)?;
    let (head, caption) = match inner.split_once(" \"") {
        Some((head, quoted)) => (head, quoted.strip_suffix('"').ok_or(SHAPE)?.to_string()),
        None => (inner, String::new()),
    };
    let (src, size) = head.trim().split_once(' ').ok_or(SHAPE)?;
    image(src, size.trim(), alt.trim(), caption)
}

fn image(src: &str, size: &str, alt: &str, caption: String) -> Result<Image, String> {
    let (w, h) = size.split_once('x').ok_or_else(|| format!("expected WIDTHxHEIGHT, found {size:?}"))?;
    let (Ok(width), Ok(height)) = (w.parse::<u32>(), h.parse::<u32>()) else {
        return Err(format!("expected WIDTHxHEIGHT in pixels, found {size:?}"));
    };
    if width == 0 || height == 0 {
        return Err("width and height must be above 0".into());
    }
    if alt.is_empty() {
        return Err("alt text is required".into());
    }
    // The app's own rule (broadsheet_model::urls::image_url): what it would drop is refused here.
    if broadsheet_model::urls::image_url(src, "").is_none() {
        return Err(format!("image path must be relative to the content folder (no `..`, `%` or spaces) or https, found {src:?}"));
    }
    Ok(Image { src: src.to_string(), alt: alt.to_string(), caption, width, height })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        parse_site(Path::new("site.json"), include_str!("../../../content/site.json")).unwrap()
    }

    const GOOD: &str = "---\nslug: a-story\nsection: local\nheadline: A Story\nstandfirst: S.\nbyline: B\npublished: 2026-11-01T10:00:00-08:00\nimage: images/x.svg 1200x675 | Alt | Cap\n---\nFirst line\nstill first.\n\n## Sub\n\n> Quote\n\n![Alt two](images/y.svg 800x800 \"Cap two\")\n\nRead more: b-story\n";

    #[test]
    fn parses_every_body_kind() {
        let a = parse_article(Path::new("articles/a-story.md"), GOOD, &site()).unwrap();
        assert_eq!(a.image.as_ref().unwrap().width, 1200);
        assert_eq!(
            a.body,
            vec![
                BodyItem::Paragraph("First line still first.".into()),
                BodyItem::Subheading("Sub".into()),
                BodyItem::PullQuote("Quote".into()),
                BodyItem::Image(Image { src: "images/y.svg".into(), alt: "Alt two".into(), caption: "Cap two".into(), width: 800, height: 800 }),
                BodyItem::ReadMore { slug: "b-story".into(), line: 19 },
            ]
        );
    }

    #[test]
    fn errors_name_file_line_and_field() {
        let bad = GOOD.replace("2026-11-01T10:00:00-08:00", "yesterday").replace("section: local", "section: latest");
        let errors = parse_article(Path::new("articles/a-story.md"), &bad, &site()).unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(text.contains(&"articles/a-story.md:3: `section`: latest lists every article; pick a section".to_string()), "{text:?}");
        assert!(text.iter().any(|t| t.starts_with("articles/a-story.md:7: `published`: expected ISO 8601")), "{text:?}");
    }

    #[test]
    fn missing_fields_and_bad_images_are_reported() {
        let bad = GOOD.replace("byline: B\n", "").replace("800x800", "big");
        let errors = parse_article(Path::new("articles/a-story.md"), &bad, &site()).unwrap_err();
        assert!(errors.iter().any(|e| e.field.as_deref() == Some("byline")));
        assert!(errors.iter().any(|e| e.field.as_deref() == Some("image") && e.line == Some(16)), "{errors:?}");
    }
}
