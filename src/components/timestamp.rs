use leptos::prelude::*;

use crate::platform;

/// A `<time>` carrying the machine-readable instant, shown in the reader's time zone.
#[component]
pub fn Timestamp(iso: String) -> impl IntoView {
    let label = platform::local_time_label(&iso).unwrap_or_else(|| iso.clone());
    view! { <time datetime=iso>{label}</time> }
}
