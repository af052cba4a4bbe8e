//! Reading article sources: front matter plus a body of paragraphs, subheadings, pull quotes, images and
//! "Read more:" lines. The format is described in `content/README.md`.

use std::fs;
use std::path::{Path, PathBuf};

use broadsheet_model::route::{is_slug, MAX_SLUG_LEN};
use broadsheet_model::time::parse_timestamp;
use broadsheet_model::urls::link_url;
use broadsheet_model::comments::{is_http_url, Comment};
use broadsheet_model::{Image, Section, Site, FORMAT_VERSION};

use crate::error::SourceError;
use crate::keys::{unknown_keys, Step};

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
    /// The front-matter line of `image`.
    pub image_line: Option<usize>,
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
    Image { image: Image, line: usize },
    ReadMore { slug: String, line: usize },
}

impl ArticleSource {
    /// Every image the article shows, with the line that names it.
    pub fn images(&self) -> impl Iterator<Item = (&Image, usize)> {
        let lead = self.image.iter().map(|image| (image, self.image_line.unwrap_or(1)));
        lead.chain(self.body.iter().filter_map(|b| match b {
            BodyItem::Image { image, line } => Some((image, *line)),
            _ => None,
        }))
    }
}

pub fn read_dir(dir: &Path) -> Result<Sources, Vec<SourceError>> {
    read_dir_with_progress(dir, &mut |_, _| {})
}

/// As [`read_dir`], calling `progress(done, total)` as article files are read.
pub fn read_dir_with_progress(dir: &Path, progress: &mut dyn FnMut(usize, usize)) -> Result<Sources, Vec<SourceError>> {
    let site_file = dir.join("site.json");
    let site = read_source(&site_file).map_err(|e| vec![e]).and_then(|text| parse_site(&site_file, &text))?;
    let mut errors = vec![];
    let mut articles = vec![];
    let files = sorted_files(&dir.join("articles"), "md").map_err(|e| vec![e])?;
    let total = files.len();
    for (done, file) in files.into_iter().enumerate() {
        progress(done + 1, total);
        match read_source(&file) {
            Ok(text) => match parse_article(&file, &text, &site) {
                Ok(article) => articles.push(article),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(e),
        }
    }
    let mut images = vec![];
    files_under(&dir.join("images"), &mut images);
    let images: Vec<PathBuf> = images.into_iter().filter_map(|f| f.strip_prefix(dir).ok().map(Path::to_path_buf)).collect();
    // Written with `/` as a story writes them, whatever the system's separator (`images\2026\x.svg` on Windows).
    let named: std::collections::HashSet<String> =
        images.iter().map(|p| p.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")).collect();
    for article in &articles {
        for (image, line) in article.images() {
            if !image.src.starts_with("https://") && !named.contains(&image.src) {
                let looked = dir.join(&image.src);
                let message = match image.src.starts_with("images/") {
                    // There, but through a link to a folder, which is not followed (`files_under`).
                    true if through_folder_link(&dir.join("images"), &looked) => format!(
                        "{} is in a folder reached through a link, and links to folders under images/ are not followed: put the folder itself there, or link the file",
                        image.src
                    ),
                    true if image.src.split('/').any(|part| part.starts_with('.')) => {
                        format!("{}: hidden files (names starting with a dot) are not published; rename it", image.src)
                    }
                    true => match named.iter().find(|name| name.eq_ignore_ascii_case(&image.src)) {
                        // A disk that ignores case opens it; the web server will not.
                        Some(name) => format!("no image file {}: the file is {name}, and web addresses tell capitals apart: write it as it is named", image.src),
                        None => format!("no image file {} (looked for {})", image.src, looked.display()),
                    },
                    false => format!("image files go in the images folder: expected a path starting with images/, found {}", image.src),
                };
                errors.push(SourceError::new(&article.file, Some(line), Some("image"), message));
            }
        }
    }
    let mut comments = vec![];
    let comments_dir = dir.join("comments");
    if comments_dir.is_dir() {
        for file in sorted_files(&comments_dir, "json").map_err(|e| vec![e])? {
            let slug = file.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
            match read_source(&file).map_err(|e| vec![e]).and_then(|text| parse_comments(&file, &text)) {
                Ok(list) => comments.push((file, slug, list)),
                Err(mut e) => errors.append(&mut e),
            }
        }
    }
    if errors.is_empty() {
        Ok(Sources { site, articles, images, comments, root: dir.to_path_buf() })
    } else {
        Err(errors)
    }
}

/// A source file's text, without the byte-order mark some editors write first.
fn read_source(file: &Path) -> Result<String, SourceError> {
    let text = fs::read_to_string(file).map_err(|e| SourceError::new(file, None, None, format!("cannot read: {e}")))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// A comments file: a JSON array of comments, each with only the fields a comment has.
pub fn parse_comments(file: &Path, text: &str) -> Result<Vec<Comment>, Vec<SourceError>> {
    let known = |object: &[Step]| matches!(object, [Step::Index(_)]).then_some((&Comment::FIELDS[..], "a comment"));
    let mut errors = unknown_keys(file, text, &known);
    match serde_json::from_str::<Vec<Comment>>(text) {
        Ok(list) if errors.is_empty() => return Ok(list),
        Ok(_) => {}
        Err(e) => errors.push(SourceError::new(file, Some(e.line()), None, format!("expected a JSON array of comments: {e}"))),
    }
    Err(errors)
}

/// Whether one of the folders between `images` and `file` is a link (to a folder: a link to a file counts as the file).
fn through_folder_link(images: &Path, file: &Path) -> bool {
    file.ancestors()
        .skip(1)
        .take_while(|folder| *folder != images)
        .any(|folder| fs::symlink_metadata(folder).is_ok_and(|m| m.file_type().is_symlink()) && folder.is_dir())
}

/// Every file under `dir`, in subfolders too, sorted; none when it cannot be read. A link to a file counts; a link
/// to a folder is not followed: `images/all -> .` would never end, and `images/up -> ..` would publish the
/// newsroom's sources (or `-> /` the whole machine). Hidden files and folders (`.DS_Store`, `._x.svg`, `.git`) are
/// not published: they would show the names of the designer's other files.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let visible = |e: &fs::DirEntry| !e.file_name().to_string_lossy().starts_with('.');
    let mut paths: Vec<(PathBuf, bool)> =
        entries.filter_map(|e| e.ok().filter(visible).map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_symlink())))).collect();
    paths.sort();
    for (path, link) in paths {
        if path.is_dir() && !link {
            files_under(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

/// The `.{ext}` files in `dir`, in name order. Anything else there but hidden files (`.DS_Store`) is refused, naming
/// it: a story saved as `Story.MD`, `story.markdown` or in a subfolder would otherwise never be published, without
/// a word.
fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, SourceError> {
    let entries = fs::read_dir(dir).map_err(|e| SourceError::new(dir, None, None, format!("cannot read folder: {e}")))?;
    let mut files = vec![];
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.file_name().is_some_and(|name| name.to_string_lossy().starts_with('.')) {
            continue;
        }
        if !path.is_file() || path.extension().is_none_or(|x| x != ext) {
            return Err(SourceError::new(&path, None, None, format!("only .{ext} files are read in this folder, and not its subfolders: rename or move this")));
        }
        files.push(path);
    }
    files.sort();
    Ok(files)
}

pub fn parse_site(file: &Path, text: &str) -> Result<Site, Vec<SourceError>> {
    let known = |object: &[Step]| match object {
        [] => Some((&Site::FIELDS[..], "site.json")),
        [Step::Key(key), Step::Index(_)] if key == "sections" => Some((&Section::FIELDS[..], "a section")),
        _ => None,
    };
    let mut errors = unknown_keys(file, text, &known);
    match serde_json::from_str::<Site>(text) {
        Ok(site) if errors.is_empty() => check_site(file, site).map_err(|e| vec![e]),
        Ok(_) => Err(errors),
        Err(e) => {
            errors.push(SourceError::new(file, Some(e.line()), None, format!("not a valid site file: {e}")));
            Err(errors)
        }
    }
}

/// What decoding cannot check: values the app would refuse, or quietly ignore.
fn check_site(file: &Path, site: Site) -> Result<Site, SourceError> {
    let problem = |m: String| Err(SourceError::new(file, None, Some("sections"), m));
    if site.format_version != FORMAT_VERSION {
        return Err(SourceError::new(file, None, Some("format_version"), format!("expected {FORMAT_VERSION}")));
    }
    if site.page_size == 0 {
        return Err(SourceError::new(file, None, Some("page_size"), "expected a number above 0"));
    }
    for (i, section) in site.sections.iter().enumerate() {
        if let Some(why) = slug_problem(&section.slug) {
            return problem(format!("section slug {:?}: {why}", section.slug));
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
    if let Some(url) = site.url.as_deref().filter(|url| !is_root_address(url)) {
        return field("url", &format!("expected the address of the site's root folder, without a file, query or fragment (e.g. https://example.com/news/; a folder whose name has a dot needs its final /), found {url}"));
    }
    if let Some(why) = site.comment_endpoint.as_deref().and_then(|url| endpoint_problem(url, site.url.as_deref())) {
        return field("comment_endpoint", &why);
    }
    Ok(site)
}

/// Whether page addresses can be written after `url`: a file (`/news/index.html`), a query or a fragment would be in
/// every canonical link.
fn is_root_address(url: &str) -> bool {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest).split_once('/').map_or("", |(_, path)| path);
    !url.contains(['?', '#']) && !path.rsplit('/').next().is_some_and(|last| last.contains('.'))
}

/// Why `slug` is not one, in words.
fn slug_problem(slug: &str) -> Option<String> {
    let length = slug.chars().count();
    if is_slug(slug) {
        None
    } else if length > MAX_SLUG_LEN {
        Some(format!("expected at most {MAX_SLUG_LEN} characters (found {length}); shorten it"))
    } else {
        Some("expected lowercase letters, digits and inner hyphens".into())
    }
}

/// Hosts browsers take for this machine, and so let an https page send plain-http requests to.
const LOOPBACK: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// Why the app could not POST comments to `endpoint` from pages at `site_url`, if it could not.
fn endpoint_problem(endpoint: &str, site_url: Option<&str>) -> Option<String> {
    let Some(endpoint) = link_url(endpoint) else {
        return Some("expected a URL starting with https:// or http://, or a path starting with /".into());
    };
    let https_site = site_url.is_some_and(|url| url.trim().get(..8).is_some_and(|s| s.eq_ignore_ascii_case("https://")));
    let rest = endpoint.get(..7).filter(|s| s.eq_ignore_ascii_case("http://")).map(|_| &endpoint[7..])?;
    (https_site && !LOOPBACK.contains(&url_host(rest).as_str())).then(|| {
        format!("browsers block an http:// endpoint on an https:// site (mixed content); write https://{rest} or a path on the site starting with /")
    })
}

/// The host of a URL without its scheme (`user@host:8080/path`), lowercase, IPv6 brackets kept.
fn url_host(rest: &str) -> String {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.find(']') {
        Some(end) if host_port.starts_with('[') => &host_port[..=end],
        _ => host_port.split(':').next().unwrap_or(""),
    };
    host.to_ascii_lowercase()
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
    if let Some(((_, n), why)) = get("slug").filter(|_| !slug.is_empty()).zip(slug_problem(&slug)) {
        errors.push(err(n, Some("slug"), why));
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
    // A blank line of an optional timestamp (`updated:`) counts as absent; a blank `published` is reported above.
    let mut timestamp = |key: &str| -> Option<(String, usize)> {
        let (value, n) = get(key).filter(|(value, _)| !value.is_empty())?;
        if parse_timestamp(value).is_none() {
            errors.push(err(n, Some(key), format!("expected ISO 8601 with offset like 2026-11-21T08:30:00-08:00, found {value:?}")));
        }
        Some((value.to_string(), n))
    };
    timestamp("published");
    let updated = timestamp("updated");
    if let Some((why, n)) = updated.as_ref().and_then(|(value, n)| updated_problem(&published, value).zip(Some(*n))) {
        errors.push(err(n, Some("updated"), why));
    }
    let updated = updated.map(|(value, _)| value);
    let image_line = get("image").map(|(_, n)| n);
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
            image_line,
            lead,
            featured,
            body,
        })
    } else {
        Err(errors)
    }
}

/// Why `updated` cannot follow `published`: it is not later. Unreadable times are reported where they are read.
fn updated_problem(published: &str, updated: &str) -> Option<String> {
    let (published_at, updated_at) = (parse_timestamp(published)?, parse_timestamp(updated)?);
    (updated_at <= published_at).then(|| {
        format!("must be later than `published` ({published}); write the time of the update, or leave `updated` out")
    })
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
        } else if let Some((level, text)) = heading(line) {
            flush(&mut paragraph, &mut body);
            match (level, text) {
                (2, "") => errors.push(SourceError::new(file, Some(n), Some("body"), "empty subheading: write its text after `## `")),
                (2, text) => body.push(BodyItem::Subheading(text.to_string())),
                _ => errors.push(SourceError::new(file, Some(n), Some("body"), "only `## ` subheadings are allowed")),
            }
        } else if let Some(text) = line.strip_prefix("> ") {
            flush(&mut paragraph, &mut body);
            body.push(BodyItem::PullQuote(text.trim().to_string()));
        } else if line.starts_with("![") {
            flush(&mut paragraph, &mut body);
            match parse_body_image(line) {
                Ok(image) => body.push(BodyItem::Image { image, line: n }),
                Err(msg) => errors.push(SourceError::new(file, Some(n), Some("image"), msg)),
            }
        } else if let Some(slug) = read_more(line) {
            flush(&mut paragraph, &mut body);
            body.push(BodyItem::ReadMore { slug: slug.trim().to_string(), line: n });
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut body);
    body
}

/// The slug of a `Read more: SLUG` line, in any case (`Read More:` is a newsroom habit; a line taken for a
/// paragraph would show the slug as text).
fn read_more(line: &str) -> Option<&str> {
    const WORDS: &str = "read more:";
    line.get(..WORDS.len()).filter(|head| head.eq_ignore_ascii_case(WORDS)).map(|_| &line[WORDS.len()..])
}

/// The level and text of a heading line, as in Markdown: a run of `#` then a space (or tab) or the line's end.
/// `#MeToo` and `#1` start paragraph text.
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[level..];
    (level > 0 && (rest.is_empty() || rest.starts_with([' ', '\t']))).then(|| (level, rest.trim()))
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
    let normal = normal_image_path(src);
    if broadsheet_model::urls::image_url(src, "").is_none() || broadsheet_model::urls::image_url(&normal, "").is_none() {
        return Err(format!("image path must be relative to the content folder (no `..`, `%`, `#`, `?` or spaces) or https, found {src:?}"));
    }
    Ok(Image { src: normal, alt: alt.to_string(), caption, width, height })
}

/// A local image path as the file is copied (`images/a.svg` for `./images/a.svg` or `images//a.svg`), so it matches
/// that file and the app resolves it as written. https URLs are kept as they are.
fn normal_image_path(src: &str) -> String {
    if src.starts_with("https://") {
        return src.to_string();
    }
    src.split('/').filter(|step| !step.is_empty() && *step != ".").collect::<Vec<_>>().join("/")
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
                BodyItem::Image {
                    image: Image { src: "images/y.svg".into(), alt: "Alt two".into(), caption: "Cap two".into(), width: 800, height: 800 },
                    line: 17,
                },
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

    fn body_of(body: &str) -> Result<Vec<BodyItem>, Vec<String>> {
        let text = format!("{}{body}", &GOOD[..GOOD.find("---\nFirst").unwrap() + 4]);
        parse_article(Path::new("a.md"), &text, &site()).map(|a| a.body).map_err(|e| e.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn only_hash_runs_followed_by_a_space_are_headings() {
        let body = body_of("#MeToo organisers said the march\n#1 in the state would go ahead.\n\n## Sub  \n\n#hashtag\n").unwrap();
        assert_eq!(
            body,
            [
                BodyItem::Paragraph("#MeToo organisers said the march #1 in the state would go ahead.".into()),
                BodyItem::Subheading("Sub".into()),
                BodyItem::Paragraph("#hashtag".into()),
            ]
        );
        assert_eq!(body_of("Text.\n\n# Title\n\n### Deep\n").unwrap_err(), [
            "a.md:12: `body`: only `## ` subheadings are allowed",
            "a.md:14: `body`: only `## ` subheadings are allowed",
        ]);
        assert_eq!(body_of("Text.\n\n## \n").unwrap_err(), ["a.md:12: `body`: empty subheading: write its text after `## `"]);
    }

    #[test]
    fn missing_fields_and_bad_images_are_reported() {
        let bad = GOOD.replace("byline: B\n", "").replace("800x800", "big");
        let errors = parse_article(Path::new("articles/a-story.md"), &bad, &site()).unwrap_err();
        assert!(errors.iter().any(|e| e.field.as_deref() == Some("byline")));
        assert!(errors.iter().any(|e| e.field.as_deref() == Some("image") && e.line == Some(16)), "{errors:?}");
    }
}
