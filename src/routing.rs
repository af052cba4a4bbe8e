//! In-app navigation: a thin adapter over the History API around the model's [`Route`], in path or hash mode.
//!
//! Not leptos_router: embedding needs a hash mode, link interception limited to the app's root and no
//! window-wide scroll jumps, which its Router does not offer (see docs/architecture.md).

use broadsheet_model::Route;
use leptos::prelude::*;

use crate::config::Routing;
use crate::platform;
use crate::Config;

/// How the reader arrived at the current route; decides scroll and focus once the page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The first page of the visit: the browser's own scroll and focus stand.
    Initial,
    /// A link inside the app: start at the top of the app, focus the new heading.
    Link,
    /// Back or forward: return to where the reader was.
    History,
    /// "Try again" on an error view: the button is gone with the error, so focus the new heading (no scrolling).
    Retry,
}

#[derive(Clone, Copy)]
pub struct Navigator {
    pub route: RwSignal<Route>,
    pub arrival: RwSignal<Arrival>,
    config: StoredValue<Config>,
}

/// The route of the address bar's history entry. A fragment that is not the app's (a host's own `#top`), or in hash
/// mode no fragment at all (a host router's own entry, `?tab=events`), gives the app's page remembered in that entry
/// (the app writes it there: [`remember_page_here`]), else `None`: the app's page is not known there. In hash mode
/// an entry without a fragment gives the front page instead (a first visit to the host page) unless `staying`: Back
/// or Forward to a host router's entry, where the app keeps the page it shows, if it can remember it there.
pub(crate) fn route_here(config: &Config, staying: bool) -> Option<Route> {
    let (pathname, hash) = platform::current_location();
    let remembered = || platform::history_route().and_then(|href| config.route_at(&pathname, &href[href.find('#')?..]));
    match config.routing == Routing::Hash && hash.is_empty() {
        true => remembered().or_else(|| (!staying || !platform::history_state_is_plain()).then_some(Route::Front)),
        false => config.route_at(&pathname, &hash).or_else(remembered),
    }
}

/// Writes `route`, the page the app shows, into the current history entry when the entry's address does not say
/// it, so that Back, Forward or a reload to the entry shows it again (not the front page, or the page the app showed
/// elsewhere).
fn remember_page_here(config: &Config, route: &Route) {
    if route_here(config, true).is_none() {
        platform::keep_route_in_history(&config.href(route));
    }
}

impl Navigator {
    /// Reads the current URL and follows back/forward from now on.
    pub fn start(config: &Config) -> Navigator {
        let first = route_here(config, false).unwrap_or(Route::Front);
        remember_page_here(config, &first);
        let route = RwSignal::new(first);
        let arrival = RwSignal::new(Arrival::Initial);
        if config.owns_document {
            platform::take_over_scroll_restoration();
        }
        platform::remember_scroll();
        if config.routing == Routing::Hash {
            // A reload of an entry the host's router has just added, which Back or Forward never came to.
            let leaving = config.clone();
            platform::before_leaving(move || remember_page_here(&leaving, &route.get_untracked()));
        }
        let watched = config.clone();
        platform::on_history_change(move |moved| {
            // Back or Forward to an entry that does not say the app's page (a host router's, never left through an
            // app link): the app showed the page it shows now there, and it stays. Not when a host page that renders
            // itself has drawn the app again: that reads the address as a first visit does.
            let Some(next) = route_here(&watched, !moved) else { return remember_page_here(&watched, &route.get_untracked()) };
            if next != route.get_untracked() {
                platform::hold_scroll_memory(true);
                arrival.set(Arrival::History);
                route.set(next);
            }
        });
        Navigator { route, arrival, config: StoredValue::new(config.clone()) }
    }

    /// Shows `route`, reached by the app's link at `link` among its links (focused again on Back), and adds it to the
    /// history. `settled`: the current route's page (or its error) is the one on screen, not still on its way.
    fn follow(&self, route: Route, link: Option<u32>, settled: bool) {
        if route == self.route.get_untracked() {
            // A link to the page already shown: back to its top, no new history entry.
            platform::scroll_app_into_view();
            platform::focus_page_heading();
            return;
        }
        // On the page as it is now: in hash mode a host's router may have changed its path or query since the start.
        let here = platform::page_path();
        let (href, leaving) = self.config.with_value(|c| (c.href_on(&here, &route), c.href(&self.route.get_untracked())));
        match (settled, self.arrival.get_untracked()) {
            // The page a link asked for has not come yet (the one before is held, or a loading view shows): its entry,
            // a page the reader never saw, gives way to this one, as a browser's own navigation does when another
            // starts before it has finished. Back then goes where the reader was, as that entry kept it.
            (false, Arrival::Link) => platform::replace_url(&href),
            // Back or Forward still on its way: the entry it leads to keeps the place it had.
            (false, Arrival::History) => platform::push_url(&href, None),
            // The page on screen, or the first page or a retry still on its way (a real entry): the entry left keeps
            // the reader's place, the link followed and the app's page (in hash mode Back to a host's own fragment
            // there reads it).
            _ => platform::push_url(&href, Some((platform::scroll_y(), &leaving, link))),
        }
        // No scrolling yet: the page on screen may be held while the next one loads (see `after_page_shown`).
        self.arrival.set(Arrival::Link);
        self.route.set(route);
    }

    /// Click handler for the app's root: follows the app's own links in place, leaves every other click alone.
    pub fn on_click(&self, event: web_sys::MouseEvent, settled: bool) {
        let Some(target) = platform::in_app_link(&event) else { return };
        let route = self.config.with_value(|config| match config.routing {
            // Only links under the base are the app's; the rest of the site is left to the browser.
            Routing::Path => broadsheet_model::route::strip_base(&config.base, &target.pathname).map(|r| Route::parse(&r)),
            // Only links to this same host page with an app fragment (`#/…`).
            Routing::Hash if target.path_and_query == config.page_path => config.route_at(&target.pathname, &target.hash),
            Routing::Hash => None,
        });
        let Some(route) = route else { return };
        event.prevent_default();
        self.follow(route, target.index, settled);
    }
}
