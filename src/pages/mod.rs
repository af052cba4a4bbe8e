//! One view per route kind. Each takes its data as props and renders it synchronously: loading, caching and
//! errors are decided before a page is built (see `app`), so the same pages can later be rendered to HTML natively.

mod article;
mod error;
mod front;
mod not_found;
mod section;

pub use article::ArticlePage;
pub use error::ErrorPage;
pub use front::FrontPage;
pub use not_found::NotFoundPage;
pub use section::SectionPage;

use std::sync::Arc;

use broadsheet_model::{Article, FrontPage as Front, Listing, Route, Site};

/// The content a route renders from.
#[derive(Debug, Clone, PartialEq)]
pub enum PageData {
    Front(Arc<Front>),
    Section(Arc<Listing>),
    Article(Arc<Article>),
}

impl PageData {
    /// The same loaded file (not merely equal content): cheap, for change detection.
    pub fn same(&self, other: &PageData) -> bool {
        match (self, other) {
            (PageData::Front(a), PageData::Front(b)) => Arc::ptr_eq(a, b),
            (PageData::Section(a), PageData::Section(b)) => Arc::ptr_eq(a, b),
            (PageData::Article(a), PageData::Article(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// Document title of the page (before the newsroom's name is added).
    pub fn title(&self) -> String {
        match self {
            PageData::Front(_) => "Top stories".to_string(),
            PageData::Section(l) if l.page > 1 => format!("{} – page {} of {}", l.title, l.page, l.pages),
            PageData::Section(l) => l.title.clone(),
            PageData::Article(a) => a.headline.clone(),
        }
    }

    /// Meta description of the page.
    pub fn description(&self, site: &Site) -> String {
        match self {
            PageData::Front(_) => site.description.clone(),
            PageData::Section(l) => l.description.clone(),
            PageData::Article(a) => a.standfirst.clone(),
        }
    }
}

/// Whether the site knows the section a route names. A route to an unknown section is not found without a fetch.
pub fn route_exists(site: &Site, route: &Route) -> bool {
    match route {
        Route::Front => true,
        Route::Section { section, .. } => site.section(section).is_some(),
        Route::Article { section, .. } => site.section(section).is_some_and(|s| !s.aggregate),
        Route::NotFound { .. } => false,
    }
}
