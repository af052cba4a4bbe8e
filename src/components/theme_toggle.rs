use leptos::prelude::*;

use crate::config::Theme;
use crate::platform;

/// Where the reader's own choice is kept.
const STORAGE_KEY: &str = "broadsheet:theme";

/// The colour scheme shown: the reader's remembered choice (or, on the site's own pages, one made on the
/// pre-rendered page before the app started, where storage is blocked), else the embedding page's `data-theme`,
/// else `Auto` (the system's `prefers-color-scheme`, applied by the stylesheet). A host page's `<html>` is the
/// host's: its attributes say nothing about the reader's choice here.
pub fn initial_theme(configured: Theme, owns_document: bool) -> Theme {
    let chosen = platform::storage_get(STORAGE_KEY).or_else(|| owns_document.then(platform::page_theme).flatten());
    match chosen.as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ => configured,
    }
}

/// The value of the app's `data-theme` attribute, which the stylesheet turns into `color-scheme`.
pub fn theme_attribute(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    }
}

/// A "Dark mode" switch (a pressed/unpressed button). Remembers the reader's choice in this browser.
#[component]
pub fn ThemeToggle(theme: RwSignal<Theme>) -> impl IntoView {
    // Under Auto the switch says what the system shows, also after the system changes.
    let system_changed = RwSignal::new(());
    platform::on_scheme_change(move || {
        let _ = system_changed.try_set(());
    });
    let dark = move || match theme.get() {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => {
            system_changed.track();
            platform::prefers_dark()
        }
    };
    let toggle = move |_| {
        let next = if dark() { Theme::Light } else { Theme::Dark };
        let value = Some(theme_attribute(next));
        // Storage full: the older choice goes (the next page would show it), and the room it leaves may take this one.
        if !platform::storage_put(STORAGE_KEY, value) && platform::storage_put(STORAGE_KEY, None) {
            platform::storage_put(STORAGE_KEY, value);
        }
        theme.set(next);
    };
    view! {
        <button type="button" class="bs-theme-toggle" aria-pressed=move || dark().to_string() on:click=toggle>
            <span class="bs-theme-toggle__icon" aria-hidden="true">"◐"</span>
            <span class="bs-theme-toggle__label">"Dark mode"</span>
        </button>
    }
}
