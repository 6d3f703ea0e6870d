//! The support service: every text a member writes — on a page or through the API — is read
//! here after its limits were checked and before the answer is written. It answers with a
//! [`Level`] (none, crisis, acute) and never blocks, delays or loses the text: what was written
//! is saved as written, and the member alone sees the resources at once.
//!
//! The crisis reader takes milliseconds per note and up to a second for the longest, so it
//! runs on a bounded pool: one job per core but one, a queue of at most two requests per job,
//! each waiting at most [`QUEUE_WAIT`] for a turn. When the queue is full or the wait runs
//! out, the acute tier and the rule layers answer alone (`crisis::assess_rules`), so a burst
//! of long notes never holds up other requests, and a request that ends while it waits never
//! starts its job. Answers are
//! remembered by the text's SHA-256, so a thought record's texts are read once, not on
//! every step; only digests and levels are kept, in memory.

use foothold_readers::crisis::{self, Level};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;

/// How long a request waits for a turn on the pool before the rules answer alone.
pub const QUEUE_WAIT: Duration = Duration::from_millis(100);
/// Remembered answers; the memory is emptied when it is full.
const REMEMBERED: usize = 20_000;

pub struct Support {
    turns: Arc<Semaphore>,
    /// Requests waiting for a turn, and how many may.
    waiting: AtomicUsize,
    queue: usize,
    seen: Mutex<HashMap<[u8; 32], Option<Level>>>,
}

impl Default for Support {
    fn default() -> Self {
        // One core is left to serve requests: with every core reading long notes, even
        // `/healthz` waited (docs/BENCHMARKS.md).
        let workers = std::thread::available_parallelism().map_or(1, usize::from).saturating_sub(1).max(1);
        Self {
            turns: Arc::new(Semaphore::new(workers)),
            waiting: AtomicUsize::new(0),
            queue: 2 * workers,
            seen: Mutex::default(),
        }
    }
}

/// Counts a request in the queue for as long as it waits.
struct InQueue<'a>(&'a AtomicUsize);

impl Drop for InQueue<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Support {
    /// The highest level any of `texts` asks for. Texts must already be within their limits.
    pub async fn read(&self, texts: &[&str]) -> Option<Level> {
        let mut level = None;
        let mut unread = Vec::new();
        for text in texts.iter().filter(|t| !t.trim().is_empty()) {
            let key: [u8; 32] = Sha256::digest(text.as_bytes()).into();
            match self.remembered(&key) {
                Some(known) => level = level.max(known),
                None => unread.push((key, (*text).to_owned())),
            }
        }
        if unread.is_empty() {
            return level;
        }
        let turn = match self.turns.clone().try_acquire_owned() {
            Ok(turn) => Some(turn),
            Err(_) if self.waiting.fetch_add(1, Ordering::SeqCst) < self.queue => {
                let _in_queue = InQueue(&self.waiting);
                tokio::time::timeout(QUEUE_WAIT, self.turns.clone().acquire_owned())
                    .await
                    .ok()
                    .and_then(Result::ok)
            }
            Err(_) => {
                self.waiting.fetch_sub(1, Ordering::SeqCst);
                None
            }
        };
        let Some(turn) = turn else {
            // The pool is full: the rules answer now (off the request threads too: on a long
            // note they take milliseconds), and nothing is remembered, so the reader reads the
            // text on its next view.
            let texts: Vec<String> = unread.into_iter().map(|(_, t)| t).collect();
            let ruled =
                tokio::task::spawn_blocking(move || texts.iter().map(|t| crisis::assess_rules(t)).max());
            return level.max(ruled.await.unwrap_or(Some(Some(Level::Crisis))).flatten());
        };
        let texts: Vec<String> = unread.iter().map(|(_, t)| t.clone()).collect();
        let read = tokio::task::spawn_blocking(move || {
            let _turn = turn;
            texts.iter().map(|t| crisis::assess(t)).collect::<Vec<_>>()
        })
        .await;
        match read {
            Ok(levels) => {
                for ((key, _), found) in unread.iter().zip(&levels) {
                    self.remember(*key, *found);
                }
                levels.into_iter().fold(level, Ord::max)
            }
            // The reading failed (a panic, a bug): the panel errs on the side of showing.
            Err(_) => {
                tracing::error!("the crisis reading failed; support is shown");
                level.max(Some(Level::Crisis))
            }
        }
    }

    fn remembered(&self, key: &[u8; 32]) -> Option<Option<Level>> {
        self.seen.lock().ok()?.get(key).copied()
    }

    fn remember(&self, key: [u8; 32], level: Option<Level>) {
        if let Ok(mut seen) = self.seen.lock() {
            if seen.len() >= REMEMBERED {
                seen.clear();
            }
            seen.insert(key, level);
        }
    }
}
