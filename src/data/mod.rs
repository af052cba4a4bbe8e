//! The data layer: one way to get a content file, with typed errors and an in-memory cache.

mod cache;
pub mod embedded;
mod error;
mod fetch;

pub use cache::{Cache, CACHE_BYTES};
pub use error::FetchError;
pub use fetch::{post_json, MAX_BYTES, TIMEOUT_MS};

use std::any::Any;
use std::cell::RefCell;
use std::sync::Arc;

use broadsheet_model::decode::decode;
use serde::de::DeserializeOwned;

use crate::platform;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::new(CACHE_BYTES));
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

/// The decoded file at `url`, from the cache when fresh, else fetched. Errors are never cached.
pub async fn load<T: DeserializeOwned + Any + Send + Sync>(url: String, path: &str) -> Result<Arc<T>, FetchError> {
    if let Some(hit) = cached::<T>(&url) {
        return Ok(hit);
    }
    let bytes = fetch::fetch_bytes(&url).await?;
    let value: Arc<T> = Arc::new(decode(&bytes)?);
    remember(url, value.clone(), bytes.len(), path);
    Ok(value)
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
