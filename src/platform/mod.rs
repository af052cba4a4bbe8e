//! Everything that touches the browser. Native builds (tests, and later the pre-renderer) get inert stand-ins,
//! so components and pages stay pure and render anywhere.

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
pub use browser::*;
#[cfg(target_arch = "wasm32")]
mod island;
#[cfg(target_arch = "wasm32")]
pub use island::*;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

/// What happened when the reader asked to share the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shared {
    /// Handed to the system share sheet.
    Shared,
    /// The reader closed the share sheet.
    Cancelled,
    /// No share sheet: the link was copied to the clipboard.
    Copied,
    /// Neither worked: the link, to be shown for copying by hand.
    Failed(String),
}

/// A link target on this page's origin.
pub struct LinkTarget {
    pub pathname: String,
    /// Path and query, as `Config::page_path` keeps them.
    pub path_and_query: String,
    pub hash: String,
    /// Its place among the app's links, kept in the entry it leaves so that Back focuses it again.
    pub index: Option<u32>,
}

/// The parts of the app built as WASM modules of their own, loaded when needed (docs/architecture.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Island {
    Comments,
}

impl Island {
    /// Its name in the build's island list (`loader.js` and `broadsheet-compile` use the same).
    pub fn name(self) -> &'static str {
        match self {
            Island::Comments => "comments",
        }
    }
}

/// Why an island could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IslandProblem {
    /// Its files could not be fetched or started (offline, a network error, a file that failed its digest): a retry
    /// may work.
    Unreachable(String),
    /// It cannot run on this page (no loader offers it, or it stopped after a panic): only a reload helps.
    Broken(String),
}
