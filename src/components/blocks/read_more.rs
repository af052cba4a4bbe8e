use broadsheet_model::route::is_slug;
use broadsheet_model::Route;
use leptos::prelude::*;

use crate::Config;

/// An inline "Read more:" link to another article, as newsrooms put between paragraphs. One that cannot name an
/// article (not a slug) is left out.
#[component]
pub fn ReadMore(slug: String, section: String, headline: String) -> impl IntoView {
    if !is_slug(&section) || !is_slug(&slug) {
        return None;
    }
    let href = expect_context::<Config>().href(&Route::article(&section, &slug));
    view! {
        <p class="bs-readmore">
            <span class="bs-readmore__label">"Read more: "</span>
            <a href=href>{headline}</a>
        </p>
    }
    .into()
}
