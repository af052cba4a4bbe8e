//! In-app navigation: a thin adapter over the History API around the model's [`Route`].
//!
//! Not leptos_router: the embedding work needs a hash mode, link interception limited to the app's root and no
//! window-wide scroll jumps, which its Router does not offer (see docs/architecture.md).

use broadsheet_model::route::strip_base;
use broadsheet_model::Route;
use leptos::prelude::*;

use crate::platform;

/// How the reader arrived at the current route; decides scroll and focus once the page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The first page of the visit: the browser's own scroll and focus stand.
    Initial,
    /// A link inside the app: start at the top, focus the new heading.
    Link,
    /// Back or forward: return to where the reader was.
    History,
}

#[derive(Clone, Copy)]
pub struct Navigator {
    pub route: RwSignal<Route>,
    pub arrival: RwSignal<Arrival>,
    base: StoredValue<String>,
}

impl Navigator {
    /// Reads the current URL and follows back/forward from now on.
    pub fn start(base: &str) -> Navigator {
        let base = base.to_string();
        let route = RwSignal::new(route_for(&base, &platform::current_path()));
        let arrival = RwSignal::new(Arrival::Initial);
        platform::take_over_scroll_restoration();
        platform::remember_scroll();
        let popstate_base = base.clone();
        platform::on_history_change(move |path| {
            arrival.set(Arrival::History);
            route.set(route_for(&popstate_base, &path));
        });
        Navigator { route, arrival, base: StoredValue::new(base) }
    }

    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// Shows `route` and adds it to the history.
    pub fn go(&self, route: Route) {
        if route == self.route.get_untracked() {
            // A link to the page already shown: back to its top, no new history entry.
            platform::scroll_to(0.0);
            platform::focus_page_heading();
            return;
        }
        let href = route.href(&self.base());
        platform::push_url(&href, platform::scroll_y());
        platform::scroll_to(0.0);
        self.arrival.set(Arrival::Link);
        self.route.set(route);
    }

    /// Click handler for the app's root: follows the app's own links in place, leaves every other click alone.
    pub fn on_click(&self, event: web_sys::MouseEvent) {
        let Some(path) = platform::in_app_link(&event) else { return };
        let Some(relative) = strip_base(&self.base(), path.split('?').next().unwrap_or("")) else { return };
        event.prevent_default();
        self.go(Route::parse(&relative));
    }
}

/// The route of an absolute path; paths outside the base are not found.
pub fn route_for(base: &str, path: &str) -> Route {
    match strip_base(base, path) {
        Some(relative) => Route::parse(&relative),
        None => Route::NotFound { path: path.to_string() },
    }
}
