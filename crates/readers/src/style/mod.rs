//! The explanatory-style reader: finds the phrases in a thought, note or post that explain a
//! bad situation as **permanent** ("it will never change"), **pervasive** ("it ruins
//! everything") or **personal** in a self-blaming way ("I'm useless"), the phrases of
//! **helplessness** ("why bother", "nothing I do matters"), and **absolutist** words
//! ("always", "nothing", "every"). Pages explain each phrase with a short, warm reason and ask
//! one gentle question per dimension found — never a diagnosis. Those words live only in the
//! Fluent files (`style-reason-*`, `style-question-*`), so every language has its own.
//!
//! Everything is transparent rules and word lists written for Foothold (`rules.rs`, `words.rs`,
//! `domains.rs`, in the small pattern language of `pattern.rs`); nothing is learned or
//! licensed. Quotation and reported speech, past beliefs, genuine questions (`context.rs`) and
//! negation ("it's not always bad") are not read as the writer's own explanation. How well it
//! does is measured on `content/eval` by [`eval`] (`cargo run --release -p foothold-readers
//! --example style_eval`).
//!
//! Limits: only the first [`MAX_BYTES`] bytes are read (the caller limits input size; nothing
//! is refused); `crisis` is detected on the whole text, because safety must not depend on
//! where a sentence falls.

mod context;
mod domains;
pub mod eval;
mod rules;
#[cfg(test)]
mod tests;
mod words;

use crate::pattern::PatternSet;
use crate::text;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// The reader reads at most this many bytes (cut back to a char boundary).
pub const MAX_BYTES: usize = 10_000;

/// What kind of explanation a phrase gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Permanent,
    Pervasive,
    Personal,
    Helpless,
    Absolutist,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [
        Dimension::Permanent,
        Dimension::Pervasive,
        Dimension::Personal,
        Dimension::Helpless,
        Dimension::Absolutist,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Permanent => "permanent",
            Dimension::Pervasive => "pervasive",
            Dimension::Personal => "personal",
            Dimension::Helpless => "helpless",
            Dimension::Absolutist => "absolutist",
        }
    }
}

/// One flagged phrase. `start..end` are byte offsets into the text, always on char
/// boundaries, and `text` is exactly that slice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub dimension: Dimension,
}

/// What the reader found: the phrases (ordered by position), the dimensions found (in the
/// order of [`Dimension::ALL`], one question each), and whether the text uses crisis language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Reading {
    pub spans: Vec<Span>,
    pub dimensions: Vec<Dimension>,
    pub crisis: bool,
}

impl Reading {
    pub fn has(&self, dimension: Dimension) -> bool {
        self.dimensions.contains(&dimension)
    }
}

/// Reads `text` (its first [`MAX_BYTES`] bytes) for explanatory style, and the whole text for
/// crisis language; see the module docs.
pub fn read(text: &str) -> Reading {
    Reading { crisis: crate::crisis::detect(text), ..style_only(text) }
}

/// [`read`] without the crisis reading (`crisis` is always false), for pages that ask
/// [`crate::crisis::detect`] themselves, off the request threads: the crisis reader is a
/// transformer and takes milliseconds.
pub fn style_only(text: &str) -> Reading {
    let head = head(text, MAX_BYTES);
    let parsed = text::parse(head);
    let silence = context::silenced(&parsed);
    let mut hits = rule_hits(&parsed, &silence);
    hits.extend(word_hits(&parsed, &silence));
    hits.extend(enumeration_hits(&parsed, &silence));
    let spans = to_spans(head, &parsed, hits);
    let dimensions = Dimension::ALL.into_iter().filter(|d| spans.iter().any(|s| s.dimension == *d)).collect();
    Reading { spans, dimensions, crisis: false }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
fn head(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// A phrase found, as a word range.
struct Hit {
    first: usize,
    end: usize,
    dimension: Dimension,
}

/// The rules, compiled once and indexed by first word.
static COMPILED: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(rules::RULES.iter().map(|r| r.pattern), rules::LISTS));

fn rule_hits(t: &text::Text, silence: &context::Silence) -> Vec<Hit> {
    let mut hits = Vec::new();
    for s in &t.sentences {
        for (id, first, end) in COMPILED.find(&t.words, s.first, s.end) {
            let Some(rule) = rules::RULES.get(id) else { continue };
            let silenced = (first..end).any(|i| silence.at(i, rule.in_questions));
            let negated = rule.negatable && context::negated(t, first, 3);
            // The words around the match, inside its own sentence only.
            let next_blocks =
                (end..(end + 2).min(s.end)).any(|i| t.word(i).is_some_and(|w| rule.unless_next.contains(&w)));
            let prev_blocks = first > s.first
                && first
                    .checked_sub(1)
                    .and_then(|i| t.word(i))
                    .is_some_and(|w| rule.unless_prev.contains(&w));
            let inside_blocks = t.any_in(first, end, rule.unless_inside);
            if silenced || negated || next_blocks || prev_blocks || inside_blocks {
                continue;
            }
            for &dimension in rule.dims {
                if dimension == Dimension::Permanent && positive_clause(t, first, end) {
                    continue;
                }
                hits.push(Hit { first, end, dimension });
            }
        }
    }
    hits
}

/// "I'll love her for the rest of my life" is not a bleak forecast.
fn positive_clause(t: &text::Text, first: usize, end: usize) -> bool {
    let clauses: Vec<usize> = (first..end).filter_map(|i| t.words.get(i).map(|w| w.clause)).collect();
    t.words.iter().any(|w| clauses.contains(&w.clause) && words::POSITIVE.contains(&w.norm.as_str()))
}

fn word_hits(t: &text::Text, silence: &context::Silence) -> Vec<Hit> {
    let mut hits = Vec::new();
    for i in 0..t.words.len() {
        let Some(end) = words::absolutist(t, i) else { continue };
        if (i..end).any(|j| silence.at(j, false)) {
            continue;
        }
        hits.push(Hit { first: i, end, dimension: Dimension::Absolutist });
        if words::permanent(t, i) {
            hits.push(Hit { first: i, end, dimension: Dimension::Permanent });
        }
    }
    hits
}

fn enumeration_hits(t: &text::Text, silence: &context::Silence) -> Vec<Hit> {
    t.sentences
        .iter()
        .filter_map(|s| domains::enumerations(t, s))
        .filter(|&(first, end)| !(first..end).any(|i| silence.at(i, false)))
        .map(|(first, end)| Hit { first, end, dimension: Dimension::Pervasive })
        .collect()
}

/// Byte spans for the hits, one per phrase and dimension (overlaps within a dimension keep
/// the earliest, longest phrase), ordered by position.
fn to_spans(head: &str, t: &text::Text, mut hits: Vec<Hit>) -> Vec<Span> {
    hits.sort_by_key(|h| (h.dimension, h.first, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        let overlaps = kept.iter().any(|k| k.dimension == h.dimension && h.first < k.end && k.first < h.end);
        if !overlaps {
            kept.push(h);
        }
    }
    let mut spans: Vec<Span> = kept
        .into_iter()
        .filter_map(|h| {
            let start = t.words.get(h.first)?.start;
            let end = t.words.get(h.end.checked_sub(1)?)?.end;
            let text = head.get(start..end)?.to_owned();
            Some(Span { start, end, text, dimension: h.dimension })
        })
        .collect();
    spans.sort_by_key(|s| (s.start, s.dimension, s.end));
    spans
}
