use broadsheet_model::Route;
use leptos::prelude::*;

use crate::Config;

/// An inline "Read more:" link to another article, as newsrooms put between paragraphs.
#[component]
pub fn ReadMore(slug: String, section: String, headline: String) -> impl IntoView {
    let href = Route::article(&section, &slug).href(&expect_context::<Config>().base);
    view! {
        <p class="bs-readmore">
            <span class="bs-readmore__label">"Read more: "</span>
            <a href=href>{headline}</a>
        </p>
    }
}
