use leptos::prelude::*;

use crate::data::FetchError;

/// A failed load, said plainly, with a way to try again.
#[component]
pub fn ErrorPage(error: FetchError, retry: Callback<()>) -> impl IntoView {
    // Asked for again, a file of a newer format is the same file: it takes the newer app, which a reload brings.
    let (words, retry) = match error {
        FetchError::UpdateNeeded(_) => ("Reload", Callback::new(|()| crate::platform::reload_page())),
        _ => ("Try again", retry),
    };
    view! {
        <div class="bs-message bs-message--error" role="alert">
            <h1 class="bs-page-title" tabindex="-1">{error.title()}</h1>
            <p>{error.message()}</p>
            <button type="button" class="bs-button" on:click=move |_| retry.run(())>{words}</button>
        </div>
    }
}
