use leptos::prelude::*;

use crate::data::FetchError;

/// A failed load, said plainly, with a way to try again. An alert on the visit's first page only: after a link or
/// Try again focus moves to its heading, and after Back or Forward the app announces it, which an alert would repeat.
#[component]
pub fn ErrorPage(error: FetchError, retry: Callback<()>, alert: bool) -> impl IntoView {
    view! {
        <div class="bs-message bs-message--error" role=alert.then_some("alert")>
            <h1 class="bs-page-title" tabindex="-1">{error.title()}</h1>
            <p>{error.message()}</p>
            <button type="button" class="bs-button" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
}
