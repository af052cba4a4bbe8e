use std::fmt;
use std::path::PathBuf;

/// A problem in a source file, precise enough to fix without reading the compiler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    pub file: PathBuf,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// The front-matter field or body element concerned.
    pub field: Option<String>,
    pub message: String,
}

impl SourceError {
    pub fn new(file: impl Into<PathBuf>, line: Option<usize>, field: Option<&str>, message: impl Into<String>) -> Self {
        SourceError { file: file.into(), line, field: field.map(str::to_string), message: message.into() }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}
