//! The content compiler: article sources (Markdown-like text with front matter) in, the JSON content contract out.

pub mod assemble;
pub mod embed;
pub mod entry;
pub mod error;
pub mod islands;
pub mod json_block;
pub mod keys;
pub mod output;
pub mod preloads;
pub mod related;
pub mod source;

pub use assemble::{assemble, Newsroom};
pub use error::SourceError;

use std::path::Path;

/// Reads every source under `dir` (`site.json`, `articles/*.md`) and assembles the newsroom, or returns every
/// problem found.
pub fn compile_dir(dir: &Path) -> Result<Newsroom, Vec<SourceError>> {
    let sources = source::read_dir(dir)?;
    assemble(sources)
}

/// As [`compile_dir`], reporting `progress(done, total)` while reading articles.
pub fn compile_dir_with_progress(dir: &Path, progress: &mut dyn FnMut(usize, usize)) -> Result<Newsroom, Vec<SourceError>> {
    let sources = source::read_dir_with_progress(dir, progress)?;
    assemble(sources)
}
