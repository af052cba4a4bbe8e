//! Writing the content tree. Everything is built in memory first and written into a fresh sibling folder that
//! replaces the output only when complete, so a failed build never leaves half a tree behind.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use broadsheet_model::route::{article_path, comments_path, listing_path, SITE_PATH};
use serde::Serialize;

use crate::assemble::Newsroom;

/// Every file of the content tree as (relative path, bytes), in a stable order.
pub fn files(newsroom: &Newsroom) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut out = vec![
        (PathBuf::from(SITE_PATH), json(&newsroom.site)),
        (PathBuf::from("front.json"), json(&newsroom.front)),
    ];
    for listing in &newsroom.listings {
        out.push((PathBuf::from(listing_path(&listing.section, listing.page)), json(listing)));
    }
    for article in &newsroom.articles {
        out.push((PathBuf::from(article_path(&article.section, &article.slug)), json(article)));
    }
    for (section, file) in &newsroom.comments {
        out.push((PathBuf::from(comments_path(section, &file.article)), json(file)));
    }
    for image in &newsroom.images {
        out.push((image.clone(), fs::read(newsroom.root.join(image))?));
    }
    Ok(out)
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).expect("content types always serialize");
    bytes.push(b'\n');
    bytes
}

/// Replaces `out_dir` with exactly `files`.
pub fn write_tree(out_dir: &Path, files: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    let name = out_dir.file_name().and_then(|n| n.to_str()).unwrap_or("content");
    let staging = out_dir.with_file_name(format!(".{name}.partial"));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    for (path, bytes) in files {
        let target = staging.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(target, bytes)?;
    }
    if out_dir.exists() {
        fs::remove_dir_all(out_dir)?;
    }
    fs::rename(&staging, out_dir)
}

/// Writes entry pages (path under `site_dir`, HTML), each through a temporary file renamed into place.
pub fn write_pages(site_dir: &Path, pages: &[(String, String)]) -> io::Result<()> {
    for (path, html) in pages {
        let target = site_dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let partial = target.with_extension("html.partial");
        fs::write(&partial, html)?;
        fs::rename(&partial, &target)?;
    }
    Ok(())
}
