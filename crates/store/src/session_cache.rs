//! A short-lived, per-process cache of session lookups.
//!
//! Resolving the login cookie is the one query every member request makes; through the
//! SQLite driver it costs about as much CPU as rendering the page. The cache keeps each
//! lookup for a few seconds. Every write in *this* process that could change the answer
//! (logout, password change, role or language change, account deletion, expiry
//! extension) drops the affected entries at once, so a single server never serves a stale
//! session. With several app servers, a change made on one is seen by the others within
//! the time-to-live: that is the whole trade-off, and why the TTL is kept small.

use crate::{SessionUser, UserId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Beyond this many entries the cache starts afresh: memory stays bounded, whatever the
/// number of members.
const MAX_ENTRIES: usize = 50_000;

pub(crate) struct SessionCache {
    ttl: Duration,
    entries: Mutex<HashMap<String, (Instant, SessionUser)>>,
    /// Bumped by every invalidation. A lookup notes it before querying and caches its
    /// answer only if it is unchanged, so a read that raced with a write (and may have seen
    /// the old row) is never cached after the write's invalidation.
    epoch: AtomicU64,
}

impl SessionCache {
    pub(crate) fn new(ttl: Duration) -> Self {
        Self { ttl, entries: Mutex::new(HashMap::new()), epoch: AtomicU64::new(0) }
    }

    fn with<T>(&self, f: impl FnOnce(&mut HashMap<String, (Instant, SessionUser)>) -> T) -> Option<T> {
        // A poisoned lock only means another thread panicked mid-update of a cache:
        // start afresh rather than fail requests.
        let mut guard = self.entries.lock().unwrap_or_else(|poisoned| {
            let mut g = poisoned.into_inner();
            g.clear();
            g
        });
        Some(f(&mut guard))
    }

    pub(crate) fn get(&self, token_hash: &str) -> Option<SessionUser> {
        if self.ttl.is_zero() {
            return None;
        }
        self.with(|m| match m.get(token_hash) {
            Some((at, found)) if at.elapsed() < self.ttl => Some(found.clone()),
            Some(_) => {
                m.remove(token_hash);
                None
            }
            None => None,
        })
        .flatten()
    }

    pub(crate) fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::SeqCst)
    }

    /// Caches a lookup that began at `epoch`, unless something was invalidated since.
    pub(crate) fn put(&self, epoch: u64, found: &SessionUser) {
        if self.ttl.is_zero() {
            return;
        }
        self.with(|m| {
            if self.epoch() != epoch {
                return;
            }
            if m.len() >= MAX_ENTRIES {
                m.clear();
            }
            m.insert(found.session.token_hash.clone(), (Instant::now(), found.clone()));
        });
    }

    /// Call after the write that ended or changed the session has committed.
    pub(crate) fn forget(&self, token_hash: &str) {
        self.with(|m| {
            self.epoch.fetch_add(1, Ordering::SeqCst);
            m.remove(token_hash)
        });
    }

    /// Call after a write that changed the user (or all their sessions) has committed.
    pub(crate) fn forget_user(&self, user: UserId) {
        self.with(|m| {
            self.epoch.fetch_add(1, Ordering::SeqCst);
            m.retain(|_, (_, found)| found.user.id != user)
        });
    }
}
