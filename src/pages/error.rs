use leptos::prelude::*;

use crate::data::FetchError;

/// A failed load, said plainly, with a way to try again.
#[component]
pub fn ErrorPage(error: FetchError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="bs-message bs-message--error" role="alert">
            <h1 class="bs-page-title" tabindex="-1">{error.title()}</h1>
            <p>{error.message()}</p>
            <button type="button" class="bs-button" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
}
