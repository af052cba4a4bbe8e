use std::sync::Arc;

use broadsheet_model::paging::neighbours;
use broadsheet_model::{Listing, Route, Site};
use leptos::prelude::*;

use crate::components::{section_title, TeaserCard};
use crate::Config;

/// One page of a section listing, newest first, with "Newer" and "Older" links to its neighbours.
#[component]
pub fn SectionPage(site: Arc<Site>, listing: Arc<Listing>) -> impl IntoView {
    let config = expect_context::<Config>();
    let page_href = |page: u32| config.href(&Route::Section { section: listing.section.clone(), page });
    let near = neighbours(listing.page, listing.pages);
    let newer = near.newer.map(|p| view! { <a class="bs-pager__newer" href=page_href(p) rel="prev">"← Newer"</a> });
    let older = near.older.map(|p| view! { <a class="bs-pager__older" href=page_href(p) rel="next">"Older →"</a> });
    let items = listing
        .items
        .iter()
        .map(|t| view! { <li><TeaserCard teaser=t.clone() section_title=section_title(&site, &t.section) heading=2/></li> })
        .collect_view();
    let empty = listing.items.is_empty().then(|| view! { <p class="bs-empty">"No stories in this section yet."</p> });
    let stories = if listing.total == 1 { "story" } else { "stories" };
    let position = format!("Page {} of {} · {} {stories}", listing.page, listing.pages, listing.total);
    // Every page of a section would otherwise have the same heading, which a screen reader lists by heading.
    let page_of = if listing.page > 1 { format!(", page {} of {}", listing.page, listing.pages) } else { String::new() };
    // A section of one page has no pages to go to: no empty "Pages" landmark.
    let pager = (newer.is_some() || older.is_some()).then(|| view! { <nav class="bs-pager" aria-label="Pages">{newer}{older}</nav> });
    view! {
        <div class="bs-section">
            <header class="bs-section__header">
                <h1 class="bs-page-title" tabindex="-1">{listing.title.clone()}<span class="bs-visually-hidden">{page_of}</span></h1>
                <p class="bs-section__description">{listing.description.clone()}</p>
                <p class="bs-section__position">{position}</p>
            </header>
            <ul class="bs-grid">{items}</ul>
            {empty}
            {pager}
        </div>
    }
}
