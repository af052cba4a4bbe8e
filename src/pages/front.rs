use std::sync::Arc;

use broadsheet_model::{FrontPage as Front, Route, Site};
use leptos::prelude::*;

use crate::components::{section_title, TeaserCard};
use crate::Config;

/// The front page: the lead stories, then a rail of the newest stories of each section.
#[component]
pub fn FrontPage(site: Arc<Site>, front: Arc<Front>) -> impl IntoView {
    let config = expect_context::<Config>();
    let lead = front
        .lead
        .iter()
        .enumerate()
        .map(|(i, t)| {
            view! {
                <li>
                    <TeaserCard teaser=t.clone() section_title=section_title(&site, &t.section) heading=2 lead=i == 0 eager=i == 0/>
                </li>
            }
        })
        .collect_view();
    let rails = front
        .rails
        .iter()
        .filter(|rail| !rail.teasers.is_empty())
        .map(|rail| {
            let heading_id = format!("bs-rail-{}", rail.section);
            let href = config.href(&Route::section(&rail.section));
            let cards = rail
                .teasers
                .iter()
                .map(|t| view! { <li><TeaserCard teaser=t.clone() section_title=rail.title.clone()/></li> })
                .collect_view();
            view! {
                <section class="bs-rail" aria-labelledby=heading_id.clone()>
                    <h2 class="bs-rail__title" id=heading_id.clone()>
                        <a href=href.clone()>{rail.title.clone()}</a>
                    </h2>
                    <ul class="bs-grid">{cards}</ul>
                    <p class="bs-rail__more">
                        <a href=href>"More " {rail.title.clone()}</a>
                    </p>
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="bs-front">
            <h1 class="bs-page-title" tabindex="-1">"Top stories"</h1>
            <ul class="bs-lead">{lead}</ul>
            {rails}
        </div>
    }
}
