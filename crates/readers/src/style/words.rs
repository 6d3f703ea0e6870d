//! Word-by-word rules: absolutist words, and "always", "never" and "forever" said about the
//! future (permanence). A habit ("my back always hurts after gardening") is absolutist
//! wording but not permanence; "it will always be like this" is both.

use super::context::negated;
use crate::text::Text;

/// How far back a "not" can negate an absolutist word ("won't be like this forever").
pub(super) const NEGATION_WINDOW: usize = 4;

/// The absolutist word (or two-word phrase) starting at word `i`, if it is used in an
/// absolute sense: returns the index after it.
pub(super) fn absolutist(text: &Text, i: usize) -> Option<usize> {
    let w = text.word(i)?;
    let next = |k: usize| text.word(i + k).unwrap_or("");
    let prev = |k: usize| i.checked_sub(k).and_then(|j| text.word(j)).unwrap_or("");
    let end = match w {
        "always" | "everything" | "everybody" | "nobody" | "forever" | "entire" | "entirely"
        | "completely" | "totally" | "constant" | "constantly" => i + 1,
        "never" if matches!(next(1), "mind" | "said" | "meant" | "asked" | "told" | "touched") => {
            return None
        }
        "never" => i + 1,
        "nothing" if matches!(next(1), "much" | "like") || prev(1) == "next" => return None,
        "nothing" => i + 1,
        "everyone" if GREETINGS.contains(&prev(1)) => return None,
        "everyone" => i + 1,
        "none" if matches!(next(1), "the" | "other") || prev(1) == "to" => return None,
        "none" => i + 1,
        "noone" => i + 1,
        "no" if next(1) == "one" && !NO_ONE_THING.contains(&next(2)) => i + 2,
        "for" if next(1) == "ever" => i + 2,
        "every" => {
            let not_absolute =
                matches!((next(1), next(2)), ("now", "and") | ("so", "often") | ("once", "in"))
                    || matches!(next(1), "other" | "few" | "couple" | "second" | "third")
                    || next(1).chars().all(|c| c.is_ascii_digit())
                    || NUMBERS.contains(&next(1));
            if not_absolute {
                return None;
            }
            i + 1
        }
        "whole" if matches!(prev(1), "on" | "as") || WHOLE_FOODS.contains(&next(1)) => return None,
        "whole" => i + 1,
        // "complete the form" is a verb; "a complete mess" is absolute.
        "complete"
            if matches!(
                next(1),
                "the" | "my" | "a" | "an" | "this" | "your" | "it" | "all" | "our" | "that"
            ) =>
        {
            return None
        }
        "complete" => i + 1,
        "total"
            if matches!(next(1), "of" | "is" | "was" | "comes" | "came" | "cost")
                || matches!(prev(1), "in" | "grand" | "running") =>
        {
            return None
        }
        "total" => i + 1,
        "all" => return all_is_absolute(text, i).then_some(i + 1),
        _ => return None,
    };
    (!negated(text, i, NEGATION_WINDOW)).then_some(end)
}

#[rustfmt::skip]
const GREETINGS: &[&str] = &[
    "hi", "hello", "hey", "thanks", "thank", "morning", "evening", "night", "goodbye", "bye", "cheers",
    "welcome", "you",
];
const NO_ONE_THING: &[&str] = &["thing", "way", "answer", "size", "cause", "reason", "treatment", "cure"];
#[rustfmt::skip]
const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "fifteen", "thirty", "forty", "fifty", "hundred",
];
const WHOLE_FOODS: &[&str] =
    &["food", "foods", "grain", "grains", "milk", "wheat", "number", "numbers", "meal", "nuts"];

/// "all day", "all the time", "all of it", "them all", "it's all falling apart" — but not
/// "all right", "after all", "at all", "thanks all" or "not all".
fn all_is_absolute(text: &Text, i: usize) -> bool {
    let next = text.word(i + 1).unwrap_or("");
    let prev = i.checked_sub(1).and_then(|j| text.word(j)).unwrap_or("");
    let prev2 = i.checked_sub(2).and_then(|j| text.word(j)).unwrap_or("");
    let idiom = matches!(next, "right" | "in" | "but" | "sorts" | "set" | "ears" | "good" | "the best")
        || matches!(
            prev,
            "after" | "at" | "above" | "first" | "thanks" | "hi" | "hello" | "you" | "once" | "for"
        )
        || (prev == "of" && prev2 == "first");
    if idiom || negated(text, i, NEGATION_WINDOW) {
        return false;
    }
    let before_ok = matches!(prev, "it" | "them" | "us" | "they" | "we" | "these" | "those")
        || (prev == "is" && matches!(prev2, "it" | "this"));
    let after_ok = matches!(
        next,
        "day"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "the"
            | "of"
            | "my"
            | "our"
            | "these"
            | "those"
            | "this"
            | "that"
            | "his"
            | "her"
            | "their"
            | "your"
            | "over"
            | "gone"
            | "winter"
            | "summer"
            | "along"
            | "year's"
    );
    before_ok || after_ok
}

/// Future markers that turn "always"/"never" into a claim about what will be.
const FUTURE: &[&str] = &["will", "going", "shall", "gonna"];
/// Clauses about something good ("I'll always love swimming") are not permanence.
#[rustfmt::skip]
pub(super) const POSITIVE: &[&str] = &[
    "love", "loved", "grateful", "thankful", "proud", "cherish", "remember", "happy", "glad", "enjoy",
    "forget", "together", "support", "welcome", "treasure", "thank",
];
const CHANGE_WORDS: &[&str] =
    &["better", "improve", "improves", "change", "changes", "heal", "heals", "recover"];

/// Is the absolutist word at `i` ("always", "never", "forever") a claim about the future?
pub(super) fn permanent(text: &Text, i: usize) -> bool {
    let Some(w) = text.word(i) else { return false };
    let Some(clause) = text.words.get(i).map(|x| x.clause) else { return false };
    let same_clause = |j: usize| text.words.get(j).is_some_and(|x| x.clause == clause);
    let before: Vec<&str> =
        (i.saturating_sub(3)..i).filter(|&j| same_clause(j)).filter_map(|j| text.word(j)).collect();
    let after: Vec<&str> =
        (i + 1..i + 6).take_while(|&j| same_clause(j)).filter_map(|j| text.word(j)).collect();
    let future_before = before.iter().any(|w| FUTURE.contains(w));
    let first_after = || after.first().copied().unwrap_or("");
    let positive =
        text.words.iter().filter(|x| x.clause == clause).any(|x| POSITIVE.contains(&x.norm.as_str()));
    // "I'll never give up" and "I'll never forget" are resolutions, not forecasts.
    let resolution = w == "never"
        && (matches!(first_after(), "give" | "forget" | "stop" | "quit" | "surrender")
            || matches!(
                (after.first().copied(), after.get(1).copied()),
                (Some("do" | "make"), Some("that"))
            ));
    if positive || resolution {
        return false;
    }
    let first_after = first_after();
    match w {
        "always" => future_before || matches!(first_after, "will" | "going" | "be"),
        "never" => {
            let progressive = matches!(before.last().copied().unwrap_or(""), "am" | "is" | "are")
                && matches!(first_after, "getting" | "being" | "walking" | "working" | "having");
            progressive
                || future_before
                || matches!(first_after, "will" | "going" | "again")
                || after.contains(&"again")
                || after.iter().take(2).any(|w| CHANGE_WORDS.contains(w))
        }
        "forever" | "for" => {
            let hyperbole =
                matches!(before.last().copied().unwrap_or(""), "takes" | "took" | "taking" | "take")
                    || matches!(first_after, "grateful" | "thankful" | "young")
                    || before.contains(&"been");
            !hyperbole
        }
        _ => false,
    }
}
