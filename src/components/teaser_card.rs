use broadsheet_model::{Route, Teaser};
use leptos::prelude::*;

use super::{Figure, Timestamp};
use crate::Config;

/// A card for one article: section, headline (the link), standfirst, time and image. `heading` is the level of
/// the headline in the page's outline (2 or 3); `lead` makes the big version.
#[component]
pub fn TeaserCard(
    teaser: Teaser,
    section_title: String,
    #[prop(default = 3)] heading: u8,
    #[prop(optional)] lead: bool,
    #[prop(optional)] eager: bool,
) -> impl IntoView {
    let base = expect_context::<Config>().base;
    let href = Route::article(&teaser.section, &teaser.slug).href(&base);
    let link = view! { <a class="bs-card__link" href=href>{teaser.headline.clone()}</a> };
    let headline = if heading <= 2 {
        view! { <h2 class="bs-card__headline">{link}</h2> }.into_any()
    } else {
        view! { <h3 class="bs-card__headline">{link}</h3> }.into_any()
    };
    let image = teaser.image.clone().map(|image| view! { <Figure image=image eager=eager class="bs-card__image" no_caption=true/> });
    view! {
        <article class=if lead { "bs-card bs-card--lead" } else { "bs-card" }>
            {image}
            <div class="bs-card__text">
                <p class="bs-card__section">{section_title}</p>
                {headline}
                <p class="bs-card__standfirst">{teaser.standfirst.clone()}</p>
                <p class="bs-card__time"><Timestamp iso=teaser.published.clone()/></p>
            </div>
        </article>
    }
}
