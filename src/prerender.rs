//! Rendering the app to HTML natively, for pre-rendered entry pages: the same components the browser runs, fed
//! from the data cache so every page renders synchronously.

use std::sync::Arc;

use broadsheet_model::route::SITE_PATH;
use broadsheet_model::{Article, FrontPage, Listing, Route, Site};
use leptos::prelude::*;

use crate::{data, platform, App, Config};

/// The content a page is rendered from (and embedded with).
pub enum PageFile {
    Front(Arc<FrontPage>),
    Listing(Arc<Listing>),
    Article(Arc<Article>),
    None,
}

/// The app's markup for `route` under `config`, as the browser would first render it with this data.
pub fn render(config: &Config, route: &Route, site: Arc<Site>, page: PageFile) -> String {
    data::forget_all();
    data::remember(config.content_url(SITE_PATH), site, 0, SITE_PATH);
    if let Some(path) = route.content_path() {
        let url = config.content_url(&path);
        match page {
            PageFile::Front(f) => data::remember(url, f, 0, &path),
            PageFile::Listing(l) => data::remember(url, l, 0, &path),
            PageFile::Article(a) => data::remember(url, a, 0, &path),
            PageFile::None => {}
        }
    }
    platform::set_current_path(&route.href(&config.base));
    let owner = Owner::new();
    // The not-found page renders its view, not a loading state: it is what readers without JavaScript see.
    let config = Config { not_found_page: matches!(route, Route::NotFound { .. }), ..config.clone() };
    let html = owner.with(|| view! { <App config=config/> }.to_html());
    owner.unset();
    html
}
