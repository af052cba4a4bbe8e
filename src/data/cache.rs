//! An in-memory cache of decoded content files with a freshness time per entry and a bound on the bytes it
//! holds (least recently used out first). Pure: the caller passes the clock.

use std::any::Any;
use std::sync::Arc;

/// Bound on the summed size of the cached responses.
pub const CACHE_BYTES: usize = 4 * 1024 * 1024;

struct Entry {
    url: String,
    value: Arc<dyn Any + Send + Sync>,
    bytes: usize,
    expires_at: f64,
    last_used: u64,
}

pub struct Cache {
    entries: Vec<Entry>,
    capacity: usize,
    tick: u64,
}

impl Cache {
    pub fn new(capacity: usize) -> Cache {
        Cache { entries: vec![], capacity, tick: 0 }
    }

    /// A fresh entry, or `None`. A stale one stays, until the bound pushes it out, for [`Cache::get_stale`].
    pub fn get(&mut self, url: &str, now: f64) -> Option<Arc<dyn Any + Send + Sync>> {
        let i = self.entries.iter().position(|e| e.url == url)?;
        if self.entries[i].expires_at <= now {
            return None;
        }
        self.get_stale(url)
    }

    /// The entry whatever its age: what the reader already saw, for when no fresh copy can be had.
    pub fn get_stale(&mut self, url: &str) -> Option<Arc<dyn Any + Send + Sync>> {
        let i = self.entries.iter().position(|e| e.url == url)?;
        self.tick += 1;
        self.entries[i].last_used = self.tick;
        Some(self.entries[i].value.clone())
    }

    pub fn put(&mut self, url: String, value: Arc<dyn Any + Send + Sync>, bytes: usize, now: f64, fresh_for: f64) {
        self.entries.retain(|e| e.url != url);
        if bytes > self.capacity {
            return;
        }
        while self.used() + bytes > self.capacity {
            let oldest = self.entries.iter().enumerate().min_by_key(|(_, e)| e.last_used).map(|(i, _)| i);
            match oldest {
                Some(i) => {
                    self.entries.swap_remove(i);
                }
                None => break,
            }
        }
        self.tick += 1;
        self.entries.push(Entry { url, value, bytes, expires_at: now + fresh_for, last_used: self.tick });
    }

    pub fn used(&self) -> usize {
        self.entries.iter().map(|e| e.bytes).sum()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(c: &mut Cache, url: &str, bytes: usize, now: f64) {
        c.put(url.into(), Arc::new(url.to_string()), bytes, now, 1000.0);
    }

    #[test]
    fn fresh_hits_and_stale_misses() {
        let mut c = Cache::new(100);
        put(&mut c, "a", 10, 0.0);
        assert!(c.get("a", 999.0).is_some());
        assert!(c.get("a", 1000.0).is_none());
        // Kept for when no fresh copy can be had.
        assert_eq!(*c.get_stale("a").unwrap().downcast::<String>().unwrap(), "a");
        assert!(c.get_stale("b").is_none());
    }

    #[test]
    fn evicts_least_recently_used_to_stay_in_bound() {
        let mut c = Cache::new(100);
        put(&mut c, "a", 40, 0.0);
        put(&mut c, "b", 40, 0.0);
        c.get("a", 1.0);
        put(&mut c, "c", 40, 1.0);
        assert!(c.get("b", 2.0).is_none());
        assert!(c.get("a", 2.0).is_some());
        assert!(c.get("c", 2.0).is_some());
        assert!(c.used() <= 100);
    }

    #[test]
    fn oversized_values_are_not_kept_and_replacing_does_not_double_count() {
        let mut c = Cache::new(100);
        put(&mut c, "big", 101, 0.0);
        assert!(c.is_empty());
        put(&mut c, "a", 60, 0.0);
        put(&mut c, "a", 60, 0.0);
        assert_eq!((c.len(), c.used()), (1, 60));
    }

    #[test]
    fn values_downcast_to_their_type() {
        let mut c = Cache::new(100);
        put(&mut c, "a", 1, 0.0);
        assert_eq!(*c.get("a", 0.0).unwrap().downcast::<String>().unwrap(), "a");
    }
}
