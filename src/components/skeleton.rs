use broadsheet_model::Route;
use leptos::prelude::*;

/// What a page shows while its content loads: grey blocks in the shape of the page to come, so nothing moves
/// when the content arrives.
#[component]
pub fn Skeleton(route: Route) -> impl IntoView {
    let lines = |n: usize| (0..n).map(|_| view! { <span class="bs-skeleton__line"></span> }).collect_view();
    let cards = |n: usize| {
        (0..n)
            .map(|_| view! { <div class="bs-skeleton__card"><span class="bs-skeleton__image"></span>{lines(3)}</div> })
            .collect_view()
    };
    let shape = match route {
        Route::Article { .. } => view! {
            <div class="bs-skeleton bs-skeleton--article">
                <span class="bs-skeleton__title"></span>
                <span class="bs-skeleton__title bs-skeleton__title--short"></span>
                <span class="bs-skeleton__image bs-skeleton__image--lead"></span>
                {lines(12)}
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="bs-skeleton bs-skeleton--listing">
                <span class="bs-skeleton__title"></span>
                <div class="bs-skeleton__grid">{cards(6)}</div>
            </div>
        }
        .into_any(),
    };
    view! {
        <div class="bs-loading">
            <h1 class="bs-visually-hidden">"Loading…"</h1>
            {shape}
        </div>
    }
}
