//! A small bounded in-memory map of results computed from a member's diary, each kept with
//! the diary revision it was computed from (`Store::diary_revision`). A lookup with another
//! revision misses, so a kept value is never stale, whichever app server changed the diary.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

pub struct Kept<K, V> {
    entries: Mutex<HashMap<K, (i64, Arc<V>)>>,
    capacity: usize,
}

impl<K: Eq + Hash + Clone, V> Kept<K, V> {
    pub fn new(capacity: usize) -> Self {
        Self { entries: Mutex::new(HashMap::new()), capacity }
    }

    /// The value kept for `key` at exactly `revision`.
    pub fn get(&self, key: &K, revision: i64) -> Option<Arc<V>> {
        let entries = self.entries.lock().ok()?;
        entries.get(key).filter(|(r, _)| *r == revision).map(|(_, v)| Arc::clone(v))
    }

    /// Is anything (of any revision) kept for `key`?
    pub fn has(&self, key: &K) -> bool {
        self.entries.lock().is_ok_and(|e| e.contains_key(key))
    }

    /// Keeps `value`, unless a newer revision is kept already (a slower, older computation
    /// must not replace it). When full, an arbitrary entry makes room: it is simply
    /// computed again when next needed.
    pub fn put(&self, key: K, revision: i64, value: Arc<V>) {
        let Ok(mut entries) = self.entries.lock() else { return };
        if entries.len() >= self.capacity && !entries.contains_key(&key) {
            if let Some(victim) = entries.keys().next().cloned() {
                entries.remove(&victim);
            }
        }
        if entries.get(&key).is_none_or(|(r, _)| *r <= revision) {
            entries.insert(key, (revision, value));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_the_same_revision_is_returned_and_older_never_replaces_newer() {
        let kept: Kept<u8, &str> = Kept::new(2);
        kept.put(1, 5, Arc::new("five"));
        assert_eq!(kept.get(&1, 5).as_deref(), Some(&"five"));
        assert!(kept.get(&1, 6).is_none(), "a changed diary misses");
        kept.put(1, 4, Arc::new("four"));
        assert_eq!(kept.get(&1, 5).as_deref(), Some(&"five"), "older does not replace newer");
        kept.put(2, 1, Arc::new("a"));
        kept.put(3, 1, Arc::new("b"));
        assert_eq!([1, 2, 3].iter().filter(|k| kept.has(k)).count(), 2, "bounded");
        assert!(kept.has(&3), "the newest is kept");
    }
}
