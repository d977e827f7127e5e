//! Rendered pages kept in memory while the archive has not changed.
//!
//! The archive counts its changes (`Store::generation`); a page rendered at one generation is
//! served again until the count moves. The count is read at most once a second, so a page
//! may be up to a second older than the archive, and a page served from memory costs no
//! database work at all.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;

/// How long the archive's generation is trusted before it is read again.
const CHECK_EVERY: Duration = Duration::from_secs(1);
/// Pages kept at most; the cache is emptied when full rather than tracking use.
const CAPACITY: usize = 4096;

#[derive(Default)]
pub struct PageCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    generation: Option<i64>,
    checked: Option<Instant>,
    pages: HashMap<String, Bytes>,
}

impl PageCache {
    /// The page, if it is cached and the generation was checked less than a second ago.
    pub fn fresh(&self, key: &str) -> Option<Bytes> {
        let inner = self.inner.lock().ok()?;
        let recent = inner.checked.is_some_and(|at| at.elapsed() < CHECK_EVERY);
        if !recent {
            return None;
        }
        inner.pages.get(key).cloned()
    }

    /// Records the generation just read from the archive, dropping every page when it moved.
    pub fn sync(&self, generation: i64) {
        if let Ok(mut inner) = self.inner.lock() {
            if inner.generation != Some(generation) {
                inner.pages.clear();
                inner.generation = Some(generation);
            }
            inner.checked = Some(Instant::now());
        }
    }

    /// The page, if cached at the current generation (call after [`PageCache::sync`]).
    pub fn get(&self, key: &str) -> Option<Bytes> {
        self.inner.lock().ok()?.pages.get(key).cloned()
    }

    pub fn put(&self, key: String, page: Bytes) {
        if let Ok(mut inner) = self.inner.lock() {
            if inner.pages.len() >= CAPACITY {
                inner.pages.clear();
            }
            inner.pages.insert(key, page);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_generation_drops_every_page() {
        let cache = PageCache::default();
        cache.sync(1);
        cache.put("/a".into(), Bytes::from_static(b"one"));
        assert_eq!(cache.fresh("/a"), Some(Bytes::from_static(b"one")));
        cache.sync(1);
        assert_eq!(cache.get("/a"), Some(Bytes::from_static(b"one")));
        cache.sync(2);
        assert_eq!(cache.get("/a"), None);
        assert_eq!(cache.fresh("/b"), None);
    }
}
