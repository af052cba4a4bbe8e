//! The content compiler: article sources (Markdown-like text with front matter) in, the JSON content contract out.

pub mod assemble;
pub mod error;
pub mod output;
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
