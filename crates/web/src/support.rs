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

use crate::config::{CrisisLine, WebConfig};
use crate::i18n::Tr;
use foothold_readers::crisis::{self, Level};
use maud::{html, Markup};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use utoipa::ToSchema;

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

/// The support a JSON answer carries when what was written asks for it.
#[derive(Serialize, ToSchema)]
pub struct SupportView {
    #[schema(value_type = String, example = "crisis")]
    /// `crisis`, or `acute` when the emergency number comes first.
    pub level: &'static str,
    /// A short, warm message in the member's language.
    pub message: String,
    /// Whom to contact, most urgent first.
    pub resources: Vec<ResourceView>,
}

/// One way to get help.
#[derive(Serialize, ToSchema)]
pub struct ResourceView {
    /// `emergency`, `poison` or `line`.
    pub kind: &'static str,
    pub name: String,
    pub phone: Option<String>,
    pub text: Option<String>,
    pub url: Option<String>,
    pub hours: Option<String>,
}

impl SupportView {
    pub fn new(config: &WebConfig, tr: &Tr, level: Level, audience: Audience) -> Self {
        let res = config.crisis_resources(&tr.lang());
        let mut resources = Vec::new();
        if level == Level::Acute {
            resources.push(ResourceView {
                kind: "emergency",
                name: tr.t("acute-emergency-name"),
                phone: res.and_then(|r| r.emergency.clone()),
                text: None,
                url: None,
                hours: None,
            });
            if let Some(poison) = res.and_then(|r| r.poison.as_ref()) {
                resources.push(line_view("poison", poison));
            }
        }
        resources.extend(res.iter().flat_map(|r| r.lines.iter()).map(|l| line_view("line", l)));
        let message = match level {
            Level::Acute => format!("{} {}", tr.t(audience.lead(level)), tr.t("acute-overdose")),
            Level::Crisis => tr.t(audience.lead(level)),
        };
        Self { level: level.as_str(), message, resources }
    }
}

fn line_view(kind: &'static str, l: &CrisisLine) -> ResourceView {
    ResourceView {
        kind,
        name: l.name.clone(),
        phone: l.phone.clone(),
        text: l.text.clone(),
        url: l.url.clone(),
        hours: l.hours.clone(),
    }
}

/// Who reads what the member wrote: the panel must say so truthfully.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Diary notes, thought records, predictions: only the member.
    OnlyYou,
    /// A post in a group: its members read it and its moderators were told.
    Group,
    /// A post in a group held for its moderators to read first.
    Held,
    /// A direct message: its one reader has it; nobody else was told.
    Message,
    /// An answer to a questionnaire (PHQ-9 item 9): nothing was written, only chosen.
    Answer,
}

impl Audience {
    /// The panel's opening message for `level`.
    fn lead(self, level: Level) -> &'static str {
        match (self, level) {
            (Audience::OnlyYou, Level::Crisis) => "support-lead",
            (Audience::Group, Level::Crisis) => "support-lead-group",
            (Audience::Answer, Level::Crisis) => "support-lead-answer",
            (Audience::OnlyYou | Audience::Answer, Level::Acute) => "acute-lead",
            (Audience::Group, Level::Acute) => "acute-lead-group",
            (Audience::Held, Level::Crisis) => "support-lead-held",
            (Audience::Held, Level::Acute) => "acute-lead-held",
            (Audience::Message, Level::Crisis) => "support-lead-message",
            (Audience::Message, Level::Acute) => "acute-lead-message",
        }
    }
}

/// Shown privately, at once, first on the page, beside anything a member wrote that asks for
/// support. For the acute level the emergency number and the poison line come first.
pub fn panel(config: &WebConfig, tr: &Tr, level: Level, audience: Audience) -> Markup {
    let res = config.crisis_resources(&tr.lang());
    html! {
        @match level {
            Level::Acute => section class="support acute" role="alert" aria-labelledby="support-title" {
                h2 id="support-title" { (tr.t("acute-title")) }
                @match res.and_then(|r| r.emergency.as_deref()) {
                    Some(number) => p class="emergency" {
                        strong { (tr.t("acute-call")) " " a href={ "tel:" (number.replace(' ', "")) } { (number) } }
                    },
                    None => p class="emergency" { strong { (tr.t("acute-call-generic")) } },
                }
                p { (tr.t("acute-overdose")) }
                @if let Some(poison) = res.and_then(|r| r.poison.as_ref()) {
                    p {
                        (tr.t("acute-poison")) " " (poison.name)
                        @if let Some(phone) = &poison.phone {
                            " — " a href={ "tel:" (phone.replace(' ', "")) } { (phone) }
                        }
                    }
                }
                p { (tr.t(audience.lead(level))) }
                (lines(config, tr))
                p { a href="/help" { (tr.t("support-more")) } }
            },
            Level::Crisis => section class="support" aria-labelledby="support-title" {
                h2 id="support-title" { (tr.t("support-title")) }
                p { (tr.t(audience.lead(level))) }
                p class="emergency" { strong { (tr.t("help-emergency")) } }
                (lines(config, tr))
                p { a href="/help" { (tr.t("support-more")) } }
            },
        }
    }
}

/// A one-line reminder with a link, once the full panel has been seen in a flow.
pub fn reminder(tr: &Tr) -> Markup {
    html! {
        p class="support-reminder" role="note" {
            (tr.t("support-reminder")) " " a href="/help" { (tr.t("help-title")) }
        }
    }
}

/// The crisis lines the operator configured for the language, or where to find one.
pub fn lines(config: &WebConfig, tr: &Tr) -> Markup {
    let res = config.crisis_resources(&tr.lang());
    let lines = res.map(|r| r.lines.as_slice()).unwrap_or_default();
    html! {
        @if lines.is_empty() {
            p { (tr.t("help-unconfigured")) }
            p { a href="https://findahelpline.com" rel="noopener noreferrer" { "findahelpline.com" } }
        } @else {
            @if let Some(intro) = res.and_then(|r| r.intro.as_ref()) { p { (intro) } }
            ul class="crisis-lines" {
                @for line in lines {
                    li {
                        h3 { (line.name) }
                        @if let Some(phone) = &line.phone {
                            p { (tr.t("help-call")) " " a href={ "tel:" (phone.replace(' ', "")) } { (phone) } }
                        }
                        @if let Some(text) = &line.text { p { (tr.t("help-text")) " " (text) } }
                        @if let Some(url) = &line.url { p { a href=(url) rel="noopener noreferrer" { (url) } } }
                        @if let Some(hours) = &line.hours { p class="hint" { (hours) } }
                    }
                }
            }
        }
    }
}
