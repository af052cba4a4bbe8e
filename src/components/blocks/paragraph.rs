use leptos::prelude::*;

#[component]
pub fn Paragraph(text: String) -> impl IntoView {
    view! { <p class="bs-paragraph">{text}</p> }
}
