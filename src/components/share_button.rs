use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::{self, Shared};

/// Shares the page being read: the system share sheet where the browser has one (Web Share API), else the link
/// is copied. Either way the reader is told what happened; if neither works, the link is shown to copy by hand.
#[component]
pub fn ShareButton(title: String) -> impl IntoView {
    let outcome = RwSignal::new(None::<Shared>);
    let share = move |_| {
        let title = title.clone();
        spawn_local(async move { outcome.set(Some(platform::share_page(&title).await)) });
    };
    let message = move || match outcome.get() {
        Some(Shared::Shared) => "Shared".to_string(),
        Some(Shared::Copied) => "Link copied".to_string(),
        Some(Shared::Cancelled) | Some(Shared::Failed(_)) | None => String::new(),
    };
    let manual = move || match outcome.get() {
        Some(Shared::Failed(url)) => Some(view! {
            <label class="bs-share__manual">"Copy this link: " <input type="text" readonly value=url/></label>
        }),
        _ => None,
    };
    view! {
        <div class="bs-share">
            <button type="button" class="bs-button bs-button--quiet" on:click=share>"Share"</button>
            <span class="bs-share__status" role="status">{message}</span>
            {manual}
        </div>
    }
}
