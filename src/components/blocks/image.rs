use broadsheet_model::Image;
use leptos::prelude::*;

use crate::components::Figure;

#[component]
pub fn ImageBlock(image: Image) -> impl IntoView {
    view! { <Figure image=image class="bs-figure--body"/> }
}
