use leptos::prelude::*;

#[component]
pub fn Subheading(text: String) -> impl IntoView {
    view! { <h2 class="bs-subheading">{text}</h2> }
}
