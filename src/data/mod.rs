//! The data layer: one way to get a content file, with typed errors and an in-memory cache.

mod cache;
pub mod embedded;
mod error;
mod fetch;
pub mod json;

pub use cache::{Cache, CACHE_BYTES};
pub use error::FetchError;
pub use fetch::{post_json, MAX_BYTES, TIMEOUT_MS};

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use serde::de::DeserializeOwned;

use crate::platform;

/// A request under way, awaited by everyone who asks for the same URL meanwhile.
type InFlight = Shared<LocalBoxFuture<'static, Result<Rc<Vec<u8>>, FetchError>>>;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::new(CACHE_BYTES));
    static IN_FLIGHT: RefCell<HashMap<String, InFlight>> = RefCell::new(HashMap::new());
}

/// How long a file stays fresh: the front page and listings change often, articles and the site file rarely.
pub fn freshness_ms(path: &str) -> f64 {
    if path.ends_with("/article.json") || path == broadsheet_model::route::SITE_PATH {
        10.0 * 60_000.0
    } else {
        60_000.0
    }
}

/// The decoded file at `url` if the cache holds a fresh copy. Synchronous, so a cached page renders in the same
/// frame as the navigation that asked for it.
pub fn cached<T: Any + Send + Sync>(url: &str) -> Option<Arc<T>> {
    let now = platform::now_ms();
    CACHE.with(|c| c.borrow_mut().get(url, now)).and_then(|v| v.downcast::<T>().ok())
}

/// The decoded file at `url`, from the cache when fresh, else fetched; when that fails for want of a connection or
/// an answer, the cached copy however old. Errors are never cached.
pub async fn load<T: DeserializeOwned + Any + Send + Sync>(url: String, path: &str) -> Result<Arc<T>, FetchError> {
    if let Some(hit) = cached::<T>(&url) {
        return Ok(hit);
    }
    let bytes = match fetch_once(&url).await {
        Ok(bytes) => bytes,
        // Offline or no answer: the copy the reader already saw, however old, rather than an error.
        Err(e @ (FetchError::Offline | FetchError::Network | FetchError::Timeout)) => {
            return CACHE.with(|c| c.borrow_mut().get_stale(&url)).and_then(|v| v.downcast::<T>().ok()).ok_or(e);
        }
        Err(e) => return Err(e),
    };
    // Someone awaiting the same request may have decoded and cached it already.
    if let Some(hit) = cached::<T>(&url) {
        return Ok(hit);
    }
    let value: Arc<T> = Arc::new(json::decode_content(&bytes)?);
    remember(url, value.clone(), bytes.len(), path);
    Ok(value)
}

/// Fetches `url`, joining a request for it that is already under way (a prefetch the reader's click overtook)
/// instead of sending a second one.
async fn fetch_once(url: &str) -> Result<Rc<Vec<u8>>, FetchError> {
    let pending = IN_FLIGHT.with(|m| {
        m.borrow_mut()
            .entry(url.to_string())
            .or_insert_with(|| {
                let url = url.to_string();
                async move { fetch::fetch_bytes(&url).await.map(Rc::new) }.boxed_local().shared()
            })
            .clone()
    });
    let result = pending.clone().await;
    IN_FLIGHT.with(|m| {
        let mut m = m.borrow_mut();
        // Only this request: a newer one for the same URL (a retry) stays.
        if m.get(url).is_some_and(|current| Shared::ptr_eq(current, &pending)) {
            m.remove(url);
        }
    });
    result
}

/// Starts loading the file at `url` into the cache, if it is not there already, so a later click shows it at
/// once. Failures are dropped: the real navigation will meet and show them.
pub fn prefetch<T: DeserializeOwned + Any + Send + Sync>(url: String) {
    #[cfg(target_arch = "wasm32")]
    if cached::<T>(&url).is_none() && IN_FLIGHT.with(|m| !m.borrow().contains_key(&url)) {
        leptos::task::spawn_local(async move {
            let path = url.clone();
            let _ = load::<T>(url, &path).await;
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = url;
}

/// Caches a value for `url` as if it had been fetched: for answers that mean something other than an error,
/// like a missing comments file meaning "no comments".
pub fn remember<T: Any + Send + Sync>(url: String, value: Arc<T>, bytes: usize, path: &str) {
    let now = platform::now_ms();
    CACHE.with(|c| c.borrow_mut().put(url, value, bytes, now, freshness_ms(path)));
}


/// Empties the cache (between pages rendered natively one after another).
pub fn forget_all() {
    CACHE.with(|c| *c.borrow_mut() = Cache::new(CACHE_BYTES));
}
