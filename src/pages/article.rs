use std::sync::Arc;

use broadsheet_model::reading::reading_time_label;
use broadsheet_model::{Article, Route, Site};
use leptos::prelude::*;

use crate::components::blocks::BodyBlock;
use crate::components::{section_title, Figure, ShareButton, TeaserCard, Timestamp};
use crate::Config;

/// An article: header, lead image, every body block, and related stories.
#[component]
pub fn ArticlePage(site: Arc<Site>, article: Arc<Article>) -> impl IntoView {
    let config = expect_context::<Config>();
    let section_href = config.href(&Route::section(&article.section));
    let updated = article.updated.clone().map(|iso| {
        view! { <span class="bs-meta__updated">"Updated " <Timestamp iso=iso/></span> }
    });
    let image = article.image.clone().map(|image| view! { <Figure image=image eager=true class="bs-figure--lead"/> });
    let body = article.body.iter().cloned().map(|block| view! { <BodyBlock block=block/> }).collect_view();
    let related = (!article.related.is_empty()).then(|| {
        let cards = article
            .related
            .iter()
            .map(|t| view! { <li><TeaserCard teaser=t.clone() section_title=section_title(&site, &t.section)/></li> })
            .collect_view();
        view! {
            <section class="bs-related" aria-labelledby="bs-related-title">
                <h2 id="bs-related-title" class="bs-related__title">"Related stories"</h2>
                <ul class="bs-grid">{cards}</ul>
            </section>
        }
    });
    view! {
        <article class="bs-article">
            <header class="bs-article__header">
                <a class="bs-article__section" href=section_href>{section_title(&site, &article.section)}</a>
                <h1 class="bs-article__headline" tabindex="-1">{article.headline.clone()}</h1>
                <p class="bs-article__standfirst">{article.standfirst.clone()}</p>
                <p class="bs-article__byline">"By " {article.byline.clone()}</p>
                <p class="bs-meta">
                    <span>"Published " <Timestamp iso=article.published.clone()/></span>
                    {updated}
                    {reading_time_label(&article).map(|label| view! { <span>{label}</span> })}
                </p>
                <ShareButton title=article.headline.clone() href=config.href(&Route::article(&article.section, &article.slug))/>
            </header>
            {image}
            <div class="bs-article__body">{body}</div>
        </article>
        {related}
    }
}
