//! The app shell: masthead, section nav, the current page and the loading that feeds it.

use std::sync::Arc;

use broadsheet_model::route::SITE_PATH;
use broadsheet_model::{Route, Site};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::comments::CommentsSlot;
use crate::components::theme_toggle::{initial_theme, theme_attribute};
use crate::components::{SectionNav, Skeleton, ThemeToggle};
use crate::data::{self, FetchError};
use crate::pages::{route_exists, ArticlePage, ErrorPage, FrontPage, NotFoundPage, PageData, SectionPage};
use crate::platform;
use crate::routing::{Arrival, Navigator};
use crate::Config;

/// `None` while loading.
type Loaded<T> = Option<Result<T, FetchError>>;

/// The route whose content was last asked for, and its content once loaded.
type PageSlot = RwSignal<Option<(Route, Loaded<PageData>)>>;

/// What the page area shows.
#[derive(Clone)]
enum View {
    Loading,
    Ready(Arc<Site>, PageData),
    /// The route is part of it: a link from one missing page to another shows a new view.
    NotFound(Route),
    Failed(FetchError),
}

#[component]
pub fn App(config: Config) -> impl IntoView {
    provide_context(config.clone());
    let nav = Navigator::start(&config);
    let reload = RwSignal::new(0u32);
    let (site, site_checked) = load_site(&config, nav.route, reload);
    let (page, patience_over) = load_page(&config, nav.route, site, reload);

    let loaded = Memo::new(move |_| {
        let route = nav.route.get();
        match site.get() {
            None => View::Loading,
            Some(Err(e)) => View::Failed(e),
            Some(Ok(_)) if page.with(|p| p.as_ref().is_none_or(|(r, _)| *r != route)) => View::Loading,
            // While an out-of-date site file is checked again for this route.
            Some(Ok(site)) if !route_exists(&site, &route) && !site_checked.get() => View::Loading,
            Some(Ok(site)) if !route_exists(&site, &route) => View::NotFound(route),
            Some(Ok(site)) => match page.get().and_then(|(_, result)| result) {
                None => View::Loading,
                Some(Ok(data)) => View::Ready(site, data),
                Some(Err(FetchError::NotFound)) => View::NotFound(route),
                Some(Err(e)) => View::Failed(e),
            },
        }
    });
    // After a link whose file must be fetched, the page on screen stays (marked busy) for a moment: an answer within
    // it replaces the page directly, without a skeleton flashing in between. A slower answer gets the skeleton.
    // Only a story or listing is held: an error or not-found view gives way to the skeleton, so a retry that fails
    // the same way is seen to happen.
    let view_state = Memo::new(move |shown: Option<&View>| match (loaded.get(), shown) {
        (View::Loading, Some(shown @ View::Ready(..))) if !patience_over.get() => shown.clone(),
        (now, _) => now,
    });
    let announcement = RwSignal::new(String::new());
    // From what is on screen: focus and scroll need the new page in the DOM.
    Effect::new(move |_| after_page_shown(nav, view_state.get(), announcement));
    // Back or Forward to the view already on screen (Back while the next page loads) restores nothing, but ends the
    // hold on scroll memory all the same.
    Effect::new(move |_| {
        if !matches!(loaded.get(), View::Loading) {
            platform::hold_scroll_memory(false);
        }
    });

    let retry = Callback::new(move |_| {
        // Asked for again, a file of a newer format is the same file: it takes the newer app, which a reload brings.
        if matches!(loaded.get_untracked(), View::Failed(FetchError::UpdateNeeded(_))) {
            return platform::reload_page();
        }
        nav.arrival.set(Arrival::Retry);
        reload.update(|n| *n += 1);
    });
    let known_site = move || site.get().and_then(Result::ok);
    let site_name = move || known_site().map(|s| s.name.clone()).unwrap_or_default();
    let language = move || known_site().map(|s| s.language.clone()).unwrap_or_default();
    let title = move || {
        let page = view_state.get().title();
        // Without a site file there is no name to add.
        match site_name() {
            name if name.is_empty() => page,
            name => format!("{page} | {name}"),
        }
    };
    let description = move || match view_state.get() {
        View::Ready(site, data) => data.description(&site),
        _ => String::new(),
    };
    // A host page's <meta> tags are the host's: only the site's own pages keep the description current.
    if config.owns_document {
        Effect::new(move |_| platform::set_description(&description()));
        // The address a browser's own Share or copy-link takes (Chrome on Android shares the canonical link).
        Effect::new(move |_| match loaded.get() {
            View::Ready(site, _) => platform::set_canonical(site.public_url(&nav.route.get_untracked()).as_deref()),
            View::Loading => {}
            _ => platform::set_canonical(None),
        });
    }
    let front_href = config.href(&Route::Front);
    // In a pre-rendered page `<base href>` would resolve a bare `#bs-main` to the front page: read without
    // JavaScript, or before the app has taken the page over, the skip link names its own page. The app's own is
    // handled by its click handler.
    let skip_href = match cfg!(target_arch = "wasm32") {
        true => "#bs-main".to_string(),
        false => format!("{}#bs-main", config.href(&nav.route.get_untracked())),
    };
    if config.set_title {
        Effect::new(move |_| platform::set_title(&title()));
    }
    let theme = RwSignal::new(initial_theme(config.theme, config.owns_document));

    view! {
        <Frame owns_document=config.owns_document label=Signal::derive(site_name) lang=Signal::derive(language) theme=Signal::derive(move || theme_attribute(theme.get())) on_click=Callback::new(move |ev| nav.on_click(ev, !matches!(loaded.get_untracked(), View::Loading)))>
            // Handled here rather than as a fragment jump: no history entry, no hash, and focus lands on the content.
            <a class="bs-skip-link" href=skip_href on:click=move |ev| {
                ev.prevent_default();
                platform::focus_id("bs-main");
            }>"Skip to main content"</a>
            <header class="bs-header">
                <a class="bs-masthead" href=front_href>{site_name}</a>
                <ThemeToggle theme=theme/>
            </header>
            {move || {
                // A page not found is in no section.
                let current = match loaded.get() {
                    View::NotFound(_) | View::Failed(_) => None,
                    _ => Some(nav.route.get()),
                };
                view! { <SectionNav site=known_site() current=current/> }
            }}
            <MainArea owns_document=config.owns_document busy=Signal::derive(move || matches!(loaded.get(), View::Loading))>
                {move || {
                    let view = view_state.get();
                    // After a link, the top of the app is brought into view here, before the new page replaces the
                    // one on screen: a page held while the next one loads stays where the reader is (so Back
                    // meanwhile changes nothing), and the new page is laid out once, at the top.
                    if nav.arrival.get_untracked() == Arrival::Link {
                        platform::scroll_app_into_view();
                    }
                    page_area(view, nav, retry)
                }}
            </MainArea>
            <footer class="bs-footer">
                // The newsroom's own words about itself (site.json's description), not ours.
                <p>{move || known_site().map(|s| match s.description.trim() {
                    "" => s.name.clone(),
                    about => format!("{}: {about}", s.name),
                }).unwrap_or_default()}</p>
            </footer>
            <div class="bs-visually-hidden bs-announcer" role="status" aria-live="polite" aria-atomic="true">{announcement}</div>
        </Frame>
    }
}

/// What the page area shows for `view`.
fn page_area(view: View, nav: Navigator, retry: Callback<()>) -> AnyView {
    match view {
        View::Loading => view! { <Skeleton route=nav.route.get_untracked()/> }.into_any(),
        View::NotFound(_) => view! { <NotFoundPage/> }.into_any(),
        View::Failed(error) => view! { <ErrorPage error=error retry=retry alert=nav.arrival.get_untracked() == Arrival::Initial/> }.into_any(),
        View::Ready(site, data) => page_view(site, data),
    }
}

/// A loaded page.
fn page_view(site: Arc<Site>, data: PageData) -> AnyView {
    match data {
        PageData::Front(front) => view! { <FrontPage site=site front=front/> }.into_any(),
        PageData::Section(listing) => view! { <SectionPage site=site listing=listing/> }.into_any(),
        PageData::Article(article) => {
            // An endpoint that is not an http(s) URL or a same-origin path is ignored, like any unsafe URL.
            let endpoint = site.comment_endpoint.as_deref().and_then(broadsheet_model::urls::link_url).map(str::to_string);
            let (section, slug) = (article.section.clone(), article.slug.clone());
            view! {
                <ArticlePage site=site article=article/>
                <CommentsSlot section=section slug=slug endpoint=endpoint/>
            }
            .into_any()
        }
    }
}

/// The page `route` shows, from content already in the cache (a pre-rendered page's), for a rehearsal of the
/// takeover outside the document (`platform::rehearse`); `None` when the content is not all there.
pub fn rehearsal(config: &Config, route: &Route) -> Option<AnyView> {
    let site = data::cached::<Site>(&config.content_url(SITE_PATH))?;
    let data = cached_page(route, &config.content_url(&route.content_path()?))?;
    Some(page_view(site, data))
}

/// The app's outer element. On a host page it is a labelled section, so the app's header and footer are not
/// page-wide landmarks beside the host's own.
#[component]
fn Frame(
    owns_document: bool,
    label: Signal<String>,
    /// The newsroom's language: a host page's own (`<html lang>`) may be another.
    lang: Signal<String>,
    theme: Signal<&'static str>,
    on_click: Callback<web_sys::MouseEvent>,
    children: Children,
) -> impl IntoView {
    if owns_document {
        view! { <div class="bs-app" data-theme=theme on:click=move |ev| on_click.run(ev)>{children()}</div> }.into_any()
    } else {
        let named = |s: Signal<String>| move || Some(s.get()).filter(|l| !l.is_empty());
        view! { <section class="bs-app" data-theme=theme aria-label=named(label) lang=named(lang) on:click=move |ev| on_click.run(ev)>{children()}</section> }.into_any()
    }
}

/// The page area: the document's `<main>` on the site's own pages; on a host page, which has its own `<main>`, a
/// plain region inside the app's section.
#[component]
fn MainArea(owns_document: bool, busy: Signal<bool>, children: Children) -> impl IntoView {
    let busy = move || busy.get().then_some("true");
    if owns_document {
        view! { <main id="bs-main" class="bs-main" tabindex="-1" aria-busy=busy>{children()}</main> }.into_any()
    } else {
        view! { <div id="bs-main" class="bs-main" tabindex="-1" aria-busy=busy>{children()}</div> }.into_any()
    }
}

impl View {
    /// What the page is called: in the document title, and announced when it is shown.
    fn title(&self) -> String {
        match self {
            View::Ready(_, data) => data.title(),
            View::NotFound(_) => "Page not found".to_string(),
            View::Failed(e) => e.title().to_string(),
            View::Loading => "Loading…".to_string(),
        }
    }
}

impl PartialEq for View {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (View::Loading, View::Loading) => true,
            (View::NotFound(a), View::NotFound(b)) => a == b,
            (View::Failed(a), View::Failed(b)) => a == b,
            (View::Ready(s1, d1), View::Ready(s2, d2)) => Arc::ptr_eq(s1, s2) && d1.same(d2),
            _ => false,
        }
    }
}

/// Once a page (or its error) is shown: after a link, focus its heading (the page area has already brought the
/// app's top into view); after back/forward, return to where the reader was and announce the page.
fn after_page_shown(nav: Navigator, view: View, announcement: RwSignal<String>) {
    if matches!(view, View::Loading) {
        return;
    }
    match nav.arrival.get_untracked() {
        // A reload: back to where the reader was, if the browser kept it: it puts a pre-rendered page back itself,
        // but not one the app draws (the shell, a host page), nor further than the page reaches before the comments
        // are in. Not when the reader has moved the page since (while the app was starting).
        // Without a place to go back to, the element the address's fragment names (a host page's own `#about`
        // below the app, which the browser scrolled to before the app had drawn itself and pushed it down).
        Arrival::Initial => {
            let place = platform::history_scroll().filter(|_| platform::scroll_y() < 1.0 || platform::reader_moves() == 0.0);
            platform::restore_scroll(place);
            if place.is_none() && platform::reader_moves() == 0.0 {
                platform::scroll_to_fragment();
            }
        }
        // Back and forward: the page that was focused has gone, so a screen reader hears where it now is.
        Arrival::History => {
            platform::restore_scroll(Some(platform::history_scroll().unwrap_or_else(platform::app_top)));
            platform::restore_focus();
            announcement.set(view.title());
        }
        // A link or "Try again": a screen reader reads the heading focus moves to; announcing it as well would say
        // it twice. Emptied, so the next Back is announced even to the page announced last.
        _ => {
            platform::restore_scroll(None);
            platform::focus_page_heading();
            announcement.set(String::new());
        }
    }
    platform::hold_scroll_memory(false);
}

/// The site file, loaded once and again on retry after a failure. The second signal is false while a copy that has
/// gone out of date is checked again because it has no such route: a tab left open across a deploy that added a
/// section would otherwise call its pages not found until a reload. The nav keeps the old copy meanwhile.
fn load_site(config: &Config, route: RwSignal<Route>, reload: RwSignal<u32>) -> (RwSignal<Loaded<Arc<Site>>>, RwSignal<bool>) {
    let url = config.content_url(SITE_PATH);
    // From the page's embedded data or the cache, the first render needs no fetch.
    let site = RwSignal::new(data::cached::<Site>(&url).map(Ok));
    let checked = RwSignal::new(true);
    Effect::new(move |last_reload: Option<u32>| {
        let now = reload.get();
        let route = route.get();
        let held = site.get_untracked();
        // Loaded at the start, and again on "Try again" (not on every link while a failure is shown).
        let load = last_reload != Some(now) && !matches!(held, Some(Ok(_)));
        // A route no site file can list (an address that is no page) is never a reason to check.
        let outdated = !matches!(route, Route::NotFound { .. })
            && rules_out(&held, &route)
            && !site_is_fresh(&url);
        if !(load || outdated) || !checked.get_untracked() {
            return now;
        }
        match outdated {
            true => checked.set(false),
            false => site.set(None),
        }
        let url = url.clone();
        spawn_local(async move {
            match data::load::<Site>(url, SITE_PATH).await {
                // A failed check keeps the copy on hand: the route is then not found, as it was.
                Err(_) if outdated => {}
                // The same site file again: the copy on hand stays, so the page on screen is not built anew.
                Ok(fresh) if site.with_untracked(|held| matches!(held, Some(Ok(held)) if **held == *fresh)) => {}
                // No site file at all is a broken deploy or host page, not a missing page: say the news cannot be loaded.
                loaded => site.set(Some(loaded.map_err(|e| if e == FetchError::NotFound { FetchError::Http(404) } else { e }))),
            }
            checked.set(true);
        });
        now
    });
    (site, checked)
}

/// Whether the site file on hand says there is no page at `route` (a section it does not list).
fn rules_out(site: &Loaded<Arc<Site>>, route: &Route) -> bool {
    matches!(site, Some(Ok(site)) if !route_exists(site, route))
}

fn site_is_fresh(url: &str) -> bool {
    data::cached::<Site>(url).is_some()
}

/// How long a fetched page may take before its loading skeleton is shown.
const PATIENCE_MS: u64 = 100;

/// The current route's content. A cached fresh file is shown at once, without a loading state. A route the site
/// file already rules out (a section it does not list) is not found without asking the server; while the site file
/// is still loading, the route's file is fetched beside it. Every load carries a generation number: an answer for a
/// route the reader has since left is dropped. The second signal is false from the start of a fetch until
/// [`PATIENCE_MS`] have passed.
fn load_page(
    config: &Config,
    route: RwSignal<Route>,
    site: RwSignal<Loaded<Arc<Site>>>,
    reload: RwSignal<u32>,
) -> (PageSlot, RwSignal<bool>) {
    let first = route.get_untracked();
    // On the not-found page the host has already said there is no page here: that view stays, with no loading state
    // in between. The route's file is still asked for when the site lists its section, and shown if it is there
    // (a host that answers 404.html for pages it has, e.g. one without directory indexes).
    let on_not_found_page = StoredValue::new(config.not_found_page);
    let initial = match config.not_found_page {
        true => Some(Err(FetchError::NotFound)),
        false => first.content_path().and_then(|path| cached_page(&first, &config.content_url(&path))).map(Ok),
    };
    let page = RwSignal::new(initial.map(|result| (first, Some(result))));
    let generation = StoredValue::new(0u64);
    let patience_over = RwSignal::new(true);
    let site_url = config.content_url(SITE_PATH);
    let config = config.clone();
    Effect::new(move |_| {
        reload.track();
        let route = route.get();
        let quietly = on_not_found_page.try_update_value(std::mem::take) == Some(true);
        generation.update_value(|g| *g += 1);
        let current = generation.get_value();
        patience_over.set(true);
        // Only a fresh site file rules a route out; an out-of-date one is checked again meanwhile (`load_site`).
        let ruled_out = site.with_untracked(|site| rules_out(site, &route)) && site_is_fresh(&site_url);
        let Some(path) = route.content_path().filter(|_| !ruled_out) else {
            page.set(Some((route, Some(Err(FetchError::NotFound)))));
            return;
        };
        let url = config.content_url(&path);
        if let Some(hit) = cached_page(&route, &url) {
            page.set(Some((route, Some(Ok(hit)))));
            return;
        }
        // Quietly: the not-found view stays while the file is asked for, and gives way only to the page itself.
        if !quietly {
            patience_over.set(false);
            set_timeout(
                move || {
                    if generation.try_get_value() == Some(current) {
                        let _ = patience_over.try_set(true);
                    }
                },
                std::time::Duration::from_millis(PATIENCE_MS),
            );
            page.set(Some((route.clone(), None)));
        }
        spawn_local(async move {
            let result = fetch_page(&route, url, &path).await;
            if generation.get_value() == current && (!quietly || result.is_ok()) {
                page.set(Some((route, Some(result))));
            }
        });
    });
    (page, patience_over)
}

fn cached_page(route: &Route, url: &str) -> Option<PageData> {
    match route {
        Route::Front => data::cached(url).map(PageData::Front),
        Route::Section { .. } => data::cached(url).map(PageData::Section),
        Route::Article { .. } => data::cached(url).map(PageData::Article),
        Route::NotFound { .. } => None,
    }
}

async fn fetch_page(route: &Route, url: String, path: &str) -> Result<PageData, FetchError> {
    Ok(match route {
        Route::Front => PageData::Front(data::load(url, path).await?),
        Route::Section { .. } => PageData::Section(data::load(url, path).await?),
        Route::Article { .. } => PageData::Article(data::load(url, path).await?),
        Route::NotFound { .. } => return Err(FetchError::NotFound),
    })
}
