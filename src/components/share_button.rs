use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::{self, Shared};

/// The field with the link to copy by hand: focused, its text selected, when sharing and copying both failed.
const LINK_ID: &str = "bs-share-link";

/// Shares the page being read: the system share sheet where the browser has one (Web Share API), else the link
/// is copied. Either way the reader is told what happened; if neither works, the link is shown to copy by hand.
#[component]
pub fn ShareButton(title: String, href: String) -> impl IntoView {
    let outcome = RwSignal::new(None::<Shared>);
    let share = move |_| {
        let (title, href) = (title.clone(), href.clone());
        // Emptied first, so a second "Link copied" is announced again.
        outcome.set(None);
        spawn_local(async move {
            let shared = platform::share_page(&title, &href).await;
            let failed = matches!(shared, Shared::Failed(_));
            outcome.set(Some(shared));
            if failed {
                // Once the field is on the page.
                set_timeout(|| platform::focus_and_select(LINK_ID), std::time::Duration::ZERO);
            }
        });
    };
    let message = move || match outcome.get() {
        Some(Shared::Shared) => "Shared".to_string(),
        Some(Shared::Copied) => "Link copied".to_string(),
        Some(Shared::Failed(_)) => "This browser could not share or copy the link: copy it below".to_string(),
        Some(Shared::Cancelled) | None => String::new(),
    };
    let manual = move || match outcome.get() {
        Some(Shared::Failed(url)) => Some(view! {
            <label class="bs-share__manual">"Copy this link: " <input id=LINK_ID type="text" readonly value=url/></label>
        }),
        _ => None,
    };
    view! {
        <div class="bs-share">
            // Pre-rendered, it shows that it does not work yet: it does once the app has taken the page over.
            <button type="button" class="bs-button bs-button--quiet" on:click=share
                aria-disabled=(!cfg!(target_arch = "wasm32")).then_some("true")>"Share"</button>
            <span class="bs-share__status" role="status">{message}</span>
            {manual}
        </div>
    }
}
