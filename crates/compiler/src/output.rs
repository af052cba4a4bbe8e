//! Writing the content tree. Files are produced one at a time (memory stays flat however large the archive) into
//! a fresh sibling folder that replaces the output only when complete, so a failed build never leaves half a tree.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use broadsheet_model::format::MAX_FILE_BYTES;
use broadsheet_model::route::{article_path, comments_path, is_slug, listing_path, PAGE_SEGMENT, SITE_PATH};
use broadsheet_model::Route;
use serde::Serialize;

use crate::assemble::Newsroom;

/// A problem with the newsroom's files, found while producing the output (not while writing it), in words that
/// name the file.
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

/// Receives each produced file: (path relative to the output, bytes).
pub type Emit<'a> = dyn FnMut(PathBuf, Vec<u8>) -> io::Result<()> + 'a;

/// Produces every file of the content tree, in a stable order; returns how many.
pub fn each_file(newsroom: &Newsroom, emit: &mut Emit) -> io::Result<usize> {
    let mut n = 0;
    // `advice`: what makes the file smaller, should it be over the limit.
    let mut put = |path: PathBuf, bytes: Vec<u8>, advice: &str| {
        if path.extension().is_some_and(|x| x == "json") && bytes.len() > MAX_FILE_BYTES {
            return Err(io::Error::other(Refused(format!(
                "{}: {} KiB, over the {} KiB the app reads ({advice})",
                path.display(),
                bytes.len() / 1024,
                MAX_FILE_BYTES / 1024
            ))));
        }
        n += 1;
        emit(path, bytes)
    };
    put(PathBuf::from(SITE_PATH), json(&newsroom.site), "fewer or shorter sections in site.json")?;
    put(PathBuf::from("front.json"), json(&newsroom.front), "fewer sections, or shorter headlines and standfirsts")?;
    for listing in &newsroom.listings {
        let path = PathBuf::from(listing_path(&listing.section, listing.page));
        put(path, json(listing), "fewer stories on a page: lower page_size in site.json")?;
    }
    for article in &newsroom.articles {
        put(PathBuf::from(article_path(&article.section, &article.slug)), json(article), "split the story")?;
    }
    for (section, file) in &newsroom.comments {
        put(PathBuf::from(comments_path(section, &file.article)), json(file), "trim its published comments")?;
    }
    for image in &newsroom.images {
        let source = newsroom.root.join(image);
        let bytes = fs::read(&source).map_err(|e| io::Error::other(Refused(format!("{}: cannot read: {e}", source.display()))))?;
        put(image.clone(), bytes, "")?;
    }
    Ok(n)
}

/// Every file of the content tree in memory (for tests and small newsrooms).
pub fn files(newsroom: &Newsroom) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut out = vec![];
    each_file(newsroom, &mut |path, bytes| {
        out.push((path, bytes));
        Ok(())
    })?;
    Ok(out)
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).expect("content types always serialize");
    bytes.push(b'\n');
    bytes
}

/// Replaces `out_dir` with exactly `files`.
pub fn write_tree(out_dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    write_tree_with(out_dir, &mut |emit| {
        for (path, bytes) in files {
            emit(path.clone(), bytes.clone())?;
        }
        Ok(files.len())
    })
}

/// Replaces `out_dir` with the files `produce` emits, writing each as it comes. On any error the previous
/// `out_dir` is left as it was.
pub fn write_tree_with(out_dir: &Path, produce: &mut dyn FnMut(&mut Emit) -> io::Result<usize>) -> io::Result<()> {
    let name = out_dir.file_name().and_then(|n| n.to_str()).unwrap_or("content");
    let staging = out_dir.with_file_name(format!(".{name}.partial"));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    let written = produce(&mut |path: PathBuf, bytes: Vec<u8>| {
        let target = staging.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(target, bytes)
    });
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if out_dir.exists() {
        fs::remove_dir_all(out_dir)?;
    }
    fs::rename(&staging, out_dir)
}

/// Writes one entry page under `site_dir` through a temporary file renamed into place.
pub fn write_page(site_dir: &Path, path: &str, html: &str) -> io::Result<()> {
    let target = site_dir.join(path);
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    let partial = target.with_extension("html.partial");
    fs::write(&partial, html)?;
    fs::rename(&partial, &target)
}

/// How `path` (which may not exist yet) and the folder `existing` overlap, compared as real paths (symlinks, `.`
/// and `..` seen through): `"is"`, `"is inside"` or `"contains"`, or `None` when apart. `None` too when `existing`
/// does not exist, as there is then nothing in it to lose.
pub fn overlap(path: &Path, existing: &Path) -> Option<&'static str> {
    let (path, existing) = (real_path(path).ok()?, fs::canonicalize(existing).ok()?);
    if path == existing {
        Some("is")
    } else if path.starts_with(&existing) {
        Some("is inside")
    } else if existing.starts_with(&path) {
        Some("contains")
    } else {
        None
    }
}

/// `path` made absolute with symlinks and `..` resolved, though it may not exist: its nearest existing ancestor's
/// real path, then the rest of it.
fn real_path(path: &Path) -> io::Result<PathBuf> {
    let path = std::path::absolute(path)?;
    let (existing, real) = path
        .ancestors()
        .find_map(|a| fs::canonicalize(a).ok().map(|real| (a, real)))
        .ok_or_else(|| io::Error::other(format!("no part of {} exists", path.display())))?;
    let mut real = real;
    for step in path.strip_prefix(existing).expect("an ancestor").components() {
        match step {
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => real.push(name),
            _ => {}
        }
    }
    Ok(real)
}

/// Removes the entry pages an earlier run wrote under `site_dir` that this run did not write (`written`: paths as
/// `entry::each_page` gives them), so a deleted story or section is not still served with its old text; then the
/// folders that leaves empty. Only an `index.html` where a section, listing or article page goes and with the
/// embedded-content block every pre-rendered page has is removed: anything else, the content tree and hand-written
/// pages included, stays. Returns how many pages went.
pub fn remove_stale_pages(site_dir: &Path, written: &HashSet<String>) -> io::Result<usize> {
    let marker = crate::entry::data_block_start();
    let mut removed = 0;
    for (path, file) in page_files(site_dir, "", 0)? {
        if written.contains(&path) || !fs::read_to_string(&file).is_ok_and(|html| html.contains(&marker)) {
            continue;
        }
        fs::remove_file(&file)?;
        removed += 1;
        let mut folder = file.parent();
        while let Some(dir) = folder.filter(|dir| *dir != site_dir && fs::remove_dir(dir).is_ok()) {
            folder = dir.parent();
        }
    }
    Ok(removed)
}

/// Every `index.html` where the page of a section, listing or article goes (`local/`, `local/page/2/`,
/// `local/a-story/`), in `dir` (`prefix` under the site root, `depth` folders down) and the slug-named folders below
/// it: (path under the site root, file). Only folders that can hold such a page are read; symlinks are not followed.
fn page_files(dir: &Path, prefix: &str, depth: usize) -> io::Result<Vec<(String, PathBuf)>> {
    let mut pages = vec![];
    let route = Route::parse(prefix);
    let routed = matches!(route, Route::Section { .. } | Route::Article { .. }) && route.href("/") == format!("/{prefix}");
    let index = dir.join("index.html");
    if routed && fs::symlink_metadata(&index).is_ok_and(|m| m.is_file()) {
        pages.push((format!("{prefix}index.html"), index));
    }
    let deeper = depth < 2 || (depth == 2 && prefix.ends_with(&format!("/{PAGE_SEGMENT}/")));
    if !deeper {
        return Ok(pages);
    }
    let mut folders: Vec<(String, PathBuf)> = fs::read_dir(dir)?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|entry| Some((entry.file_name().into_string().ok()?, entry.path())))
        .filter(|(name, _)| is_slug(name))
        .collect();
    folders.sort();
    for (name, folder) in folders {
        pages.extend(page_files(&folder, &format!("{prefix}{name}/"), depth + 1)?);
    }
    Ok(pages)
}
