use leptos::prelude::*;

use crate::platform;

/// A `<time>` carrying the machine-readable instant, shown in the reader's time zone.
#[component]
pub fn Timestamp(iso: String) -> impl IntoView {
    let label = time_label(&iso);
    view! { <time datetime=iso>{label}</time> }
}

/// The words a reader sees for an instant: in their own time zone, or the text as given when it is not one.
pub fn time_label(iso: &str) -> String {
    platform::local_time_label(iso).unwrap_or_else(|| iso.to_string())
}
