use broadsheet_model::{Route, Site};
use leptos::prelude::*;

use crate::Config;

/// The section navigation. `current` marks the reader's section: `page` on its listing's first page, `true`
/// elsewhere in it; nothing on a page not found (`None`). Without a site yet it keeps its height, so nothing below moves when it fills in.
#[component]
pub fn SectionNav(site: Option<std::sync::Arc<Site>>, current: Option<Route>) -> impl IntoView {
    let config = expect_context::<Config>();
    let items = site
        .map(|site| {
            site.sections
                .iter()
                .map(|section| {
                    let here = Route::section(&section.slug);
                    let current = match &current {
                        Some(r) if *r == here => Some("page"),
                        Some(r) if r.section_slug() == Some(section.slug.as_str()) => Some("true"),
                        _ => None,
                    };
                    view! {
                        <li>
                            <a href=config.href(&here) aria-current=current>{section.title.clone()}</a>
                        </li>
                    }
                })
                .collect_view()
        });
    view! {
        <nav class="bs-nav" aria-label="Sections">
            <ul>{items}</ul>
        </nav>
    }
}
