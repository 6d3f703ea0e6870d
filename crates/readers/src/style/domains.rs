//! Pervasiveness by enumeration: "the flares wreck my work, my sleep and my relationships",
//! "I can't work, can't sleep, can't see friends". Several areas of life named in one
//! sentence together with something that spoils them.

use super::context::negated;
use crate::text::{Sentence, Text};

#[rustfmt::skip]
const DOMAINS: &[&str] = &[
    "work", "job", "jobs", "career", "sleep", "marriage", "relationship", "relationships", "friends",
    "friend", "friendship", "friendships", "family", "hobbies", "hobby", "home", "money", "finances",
    "confidence", "kids", "children", "partner", "husband", "wife", "dreams", "bed", "plans", "plan", "body",
    "brain", "mind", "mood", "health", "future", "holidays", "studies", "school", "independence", "identity",
    "weekends", "social",
    // Roles ("I can't be a proper friend, worker, wife or mum") and the good things of a life.
    "mum", "dad", "worker", "parent", "mother", "father", "employee", "colleague", "meals", "trips",
    "birthdays", "christmas", "outings", "evenings", "parties", "walks", "gigs", "concerts", "football",
    "gardening", "sex", "intimacy",
    // Session 4, second round: more areas of a life.
    "dating", "parenting", "film", "films", "meal", "reading", "cooking",
    "socialising", "social", "childhood", "weddings", "flat",
];

/// Words that spoil whatever they touch.
#[rustfmt::skip]
const STRONG: &[&str] = &[
    "ruin", "ruins", "ruined", "ruining", "wreck", "wrecks", "wrecked", "wrecking", "destroy", "destroys",
    "destroyed", "spoil", "spoils", "spoiled", "spoilt", "taken", "takes", "took", "eaten", "eats", "ate",
    "stole", "stolen", "steals", "lost", "lose", "losing", "costs", "cost", "gone", "affects", "affected",
    "damaged", "shattered", "apart", "killed", "killing",
    // Session 4, second round: what pain does to areas of a life in wider wording.
    "decides", "dictates", "controls", "drain", "table", "smoke", "collapsed", "ruining", "wrecking",
    "spoiling", "stealing", "hands", "suffers", "suffering", "everywhere", "missing",
];

/// Words that only spoil in numbers ("can't work, can't sleep, can't see friends").
const WEAK: &[&str] = &[
    "not",
    "no",
    "never",
    "failing",
    "fail",
    "into",
    "follows",
    "nothing",
    "without",
    "none",
    "disaster",
    "mess",
    "nightmare",
    "shambles",
    "failure",
];

/// Word ranges of sentences that name several areas of life as spoiled.
pub(super) fn enumerations(text: &Text, s: &Sentence) -> Option<(usize, usize)> {
    let mut seen: Vec<&str> = Vec::new();
    let mut positions = Vec::new();
    for i in s.first..s.end {
        let Some(w) = text.word(i) else { continue };
        if DOMAINS.contains(&w) {
            let lemma = w.trim_end_matches('s');
            if !seen.contains(&lemma) {
                seen.push(lemma);
            }
            positions.push(i);
        }
    }
    if let Some(span) = choices(text, s) {
        return Some(span);
    }
    if seen.len() < 2 {
        return None;
    }
    let strong: Vec<usize> = (s.first..s.end)
        .filter(|&i| text.word(i).is_some_and(|w| STRONG.contains(&w)) && !negated(text, i, 3))
        .collect();
    let weak: Vec<usize> =
        (s.first..s.end).filter(|&i| text.word(i).is_some_and(|w| WEAK.contains(&w))).collect();
    let repeated_weak =
        weak.iter().any(|&i| weak.iter().filter(|&&j| text.word(j) == text.word(i)).count() >= 2);
    let pervasive = !strong.is_empty() || (seen.len() >= 3 && !weak.is_empty()) || repeated_weak;
    if !pervasive {
        return None;
    }
    let cue = strong.first().or(weak.first()).copied();
    let first = positions.iter().copied().chain(cue).min()?;
    let last = positions.iter().copied().chain(cue).max()?;
    Some((first, last + 1))
}

/// "Pain decides what I eat, where I go, who I see and when I sleep": three or more choices of
/// the writer's own ("what I…", "where I…") named in one sentence with something that rules or
/// spoils them.
fn choices(text: &Text, s: &Sentence) -> Option<(usize, usize)> {
    let wh: Vec<usize> = (s.first..s.end)
        .filter(|&i| {
            text.word(i).is_some_and(|w| matches!(w, "what" | "where" | "who" | "when" | "how" | "whether"))
                && text.word(i + 1).is_some_and(|w| matches!(w, "i" | "we"))
        })
        .collect();
    let ruler = (s.first..s.end).find(|&i| text.word(i).is_some_and(|w| STRONG.contains(&w)))?;
    if wh.len() < 3 || negated(text, ruler, 3) {
        return None;
    }
    let first = wh.first().copied()?.min(ruler);
    let last = wh.last().copied()?.max(ruler);
    Some((first, last + 2))
}
