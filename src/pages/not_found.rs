use broadsheet_model::Route;
use leptos::prelude::*;

use crate::Config;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let config = expect_context::<Config>();
    view! {
        <div class="bs-message">
            <h1 class="bs-page-title" tabindex="-1">"Page not found"</h1>
            <p>"There is no story or section at this address. It may have moved, or the link may be mistyped."</p>
            <p>
                <a href=config.href(&Route::Front)>"Go to the front page"</a>
                " or pick a section above."
            </p>
        </div>
    }
}
