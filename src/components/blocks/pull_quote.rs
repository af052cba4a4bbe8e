use leptos::prelude::*;

#[component]
pub fn PullQuote(text: String, attribution: String) -> impl IntoView {
    let attribution = (!attribution.is_empty()).then(|| view! { <figcaption>{attribution}</figcaption> });
    view! {
        <figure class="bs-pullquote">
            <blockquote>
                <p>{text}</p>
            </blockquote>
            {attribution}
        </figure>
    }
}
