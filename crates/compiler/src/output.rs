//! Writing the content tree. Files are produced one at a time (memory stays flat however large the archive) into
//! a fresh sibling folder that replaces the output only when complete, so a failed build never leaves half a tree.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use broadsheet_model::format::MAX_FILE_BYTES;
use broadsheet_model::route::{article_path, comments_path, listing_path, SITE_PATH};
use serde::Serialize;

use crate::assemble::Newsroom;

/// Receives each produced file: (path relative to the output, bytes).
pub type Emit<'a> = dyn FnMut(PathBuf, Vec<u8>) -> io::Result<()> + 'a;

/// Produces every file of the content tree, in a stable order; returns how many.
pub fn each_file(newsroom: &Newsroom, emit: &mut Emit) -> io::Result<usize> {
    let mut n = 0;
    let mut put = |path: PathBuf, bytes: Vec<u8>| {
        if path.extension().is_some_and(|x| x == "json") && bytes.len() > MAX_FILE_BYTES {
            return Err(io::Error::other(format!(
                "{}: {} KiB, over the {} KiB the app reads (split the story, or trim its published comments)",
                path.display(),
                bytes.len() / 1024,
                MAX_FILE_BYTES / 1024
            )));
        }
        n += 1;
        emit(path, bytes)
    };
    put(PathBuf::from(SITE_PATH), json(&newsroom.site))?;
    put(PathBuf::from("front.json"), json(&newsroom.front))?;
    for listing in &newsroom.listings {
        put(PathBuf::from(listing_path(&listing.section, listing.page)), json(listing))?;
    }
    for article in &newsroom.articles {
        put(PathBuf::from(article_path(&article.section, &article.slug)), json(article))?;
    }
    for (section, file) in &newsroom.comments {
        put(PathBuf::from(comments_path(section, &file.article)), json(file))?;
    }
    for image in &newsroom.images {
        put(image.clone(), fs::read(newsroom.root.join(image))?)?;
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
