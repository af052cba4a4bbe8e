use broadsheet_model::route::is_slug;
use broadsheet_model::{Article, Route, Teaser};
use leptos::prelude::*;

use super::{Figure, Timestamp};
use crate::{data, Config};

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
    let config = expect_context::<Config>();
    // A teaser that cannot name an article keeps its headline, without a link that could only lead nowhere.
    let link = if is_slug(&teaser.section) && is_slug(&teaser.slug) {
        let route = Route::article(&teaser.section, &teaser.slug);
        let href = config.href(&route);
        // The story's file is fetched ahead when the card is pointed at, focused or scrolled into view, so the
        // click shows it at once.
        let file = route.content_path().map(|path| config.content_url(&path)).unwrap_or_default();
        let (hovered, focused) = (file.clone(), file.clone());
        let on_pointer = move |_| data::prefetch::<Article>(hovered.clone());
        let on_focus = move |_| data::prefetch::<Article>(focused.clone());
        let link_ref = NodeRef::<leptos::html::A>::new();
        link_ref.on_load(move |link| crate::platform::prefetch_when_visible(&link, file));
        view! {
            <a class="bs-card__link" href=href node_ref=link_ref
                on:pointerenter=on_pointer on:focus=on_focus>
                {teaser.headline.clone()}
            </a>
        }
        .into_any()
    } else {
        view! { <span class="bs-card__link">{teaser.headline.clone()}</span> }.into_any()
    };
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
