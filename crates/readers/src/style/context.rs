//! Which words speak in the writer's own, present voice. A phrase is not read as the
//! writer's explanation when it is:
//!
//! - **quoted** or **reported** from someone else ("my doctor said 'it will never go away'",
//!   "my dad keeps telling me I'll always be in pain") — unless the writer adopts it in the
//!   same sentence ("…and honestly I agree");
//! - a **past belief** reported as past ("I used to think nothing would help", "back then I
//!   blamed myself") — until "but", "now" or a semicolon turns back to the present;
//! - inside a **genuine question** ("Does it always hurt more in the cold?"). Rhetorical
//!   questions ("What's the use?") start with a question word and are still read.
//!
//! Negation and hedges are checked per phrase by [`negated`].

use crate::pattern::{Lists, PatternSet};
use crate::text::Text;
use std::sync::LazyLock;

/// Per word: whether it is not the writer's own present claim.
pub(crate) struct Silence {
    /// Quoted, reported or a past belief.
    other_voice: Vec<bool>,
    /// Inside a genuine question.
    question: Vec<bool>,
}

impl Silence {
    /// Is word `i` silenced (counting genuine questions unless `allow_question`)?
    pub fn at(&self, i: usize, allow_question: bool) -> bool {
        self.other_voice.get(i).copied().unwrap_or(false)
            || (!allow_question && self.question.get(i).copied().unwrap_or(false))
    }
}

pub(crate) fn silenced(text: &Text) -> Silence {
    let mut out = vec![false; text.words.len()];
    let mut question = vec![false; text.words.len()];
    for s in &text.sentences {
        let adopted = any_match(&ADOPTION, text, s.first, s.end, true);
        let genuine_question = s.question && genuine_opener(text, s.first);
        for i in s.first..s.end {
            let quoted = text.words.get(i).is_some_and(|w| w.quoted) && !own_quote(text, i, s.first);
            if let Some(flag) = out.get_mut(i) {
                *flag = quoted && !adopted;
            }
            if let Some(flag) = question.get_mut(i) {
                *flag = genuine_question;
            }
        }
        if !adopted {
            for (from, to) in reported(text, s.first, s.end) {
                out.get_mut(from..to).into_iter().flatten().for_each(|f| *f = true);
            }
        }
        for (from, to) in past(text, s.first, s.end) {
            out.get_mut(from..to).into_iter().flatten().for_each(|f| *f = true);
        }
    }
    Silence { other_voice: out, question }
}

/// Is the phrase starting at word `i` negated or hedged ("not always", "won't be like this
/// forever", "I don't think nothing helps", "almost always")? Looks back `window` words,
/// never past a clause break.
pub(crate) fn negated(text: &Text, i: usize, window: usize) -> bool {
    let Some(clause) = text.words.get(i).map(|w| w.clause) else { return false };
    let hedged = |k: usize| {
        i.checked_sub(k)
            .and_then(|j| text.words.get(j))
            .is_some_and(|w| w.clause == clause && HEDGES.contains(&w.norm.as_str()))
    };
    // "I don't believe it's permanent", "I don't think it's my fault".
    let disbelief = (2..=6)
        .filter_map(|k| i.checked_sub(k))
        .take_while(|&j| text.words.get(j).is_some_and(|w| w.clause == clause))
        .any(|j| {
            text.is(j, "not")
                && text.word(j + 1).is_some_and(|w| DISBELIEF.contains(&w))
                && !text.word(j + 2).is_some_and(|w| matches!(w, "that" | "anyone" | "anybody" | "anything"))
        });
    if disbelief
        || hedged(1)
        || (hedged(2) && text.word(i.wrapping_sub(1)).is_some_and(|w| ["much", "all", "quite"].contains(&w)))
    {
        return true;
    }
    (1..=window)
        .filter_map(|k| i.checked_sub(k))
        .take_while(|&j| text.words.get(j).is_some_and(|w| w.clause == clause))
        .any(|j| {
            let w = text.word(j).unwrap_or("");
            // "not only", "not just" and "don't know why…" do not negate what follows.
            let not_a_negation =
                matches!(text.word(j + 1), Some("only" | "just" | "know" | "understand" | "care"));
            NEGATORS.contains(&w) && !(w == "not" && not_a_negation)
        })
}

/// After "not", a verb that denies what follows.
const DISBELIEF: &[&str] = &["believe", "think", "accept", "feel", "reckon", "agree"];
const NEGATORS: &[&str] = &["not", "never", "hardly", "barely", "scarcely", "without", "nor", "doubt"];
const HEDGES: &[&str] = &["almost", "nearly", "practically", "virtually", "mostly", "pretty"];

/// First words of a yes/no or information question ("Does…", "Is it normal that…",
/// "Anyone else…"). Sentences starting with "what"/"why" are usually rhetorical.
#[rustfmt::skip]
const QUESTION_OPENERS: &[&str] = &[
    "do", "does", "did", "is", "are", "was", "were", "am", "can", "could", "will", "would", "should", "has",
    "have", "had", "may", "might", "anyone", "anybody", "where", "which", "when", "who", "whose",
];

/// "How long…?" asks; "How am I supposed to cope?" claims.
fn genuine_opener(text: &Text, first: usize) -> bool {
    match text.word(first) {
        Some("how") => matches!(
            text.word(first + 1),
            Some("long" | "often" | "many" | "much" | "do" | "did" | "does" | "soon" | "far")
        ),
        Some(w) => QUESTION_OPENERS.contains(&w),
        None => false,
    }
}

const LISTS: Lists = &[];

static ADOPTION: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(ADOPTION_SRC.iter().copied(), LISTS));
static PAST: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(PAST_SRC.iter().copied(), LISTS));
#[rustfmt::skip]
pub(crate) const ADOPTION_SRC: &[&str] = &[
    "i (honestly|totally|really|do|fully)? agree", "agree with (him|her|them|that|it)",
    "(he|she|they|you) (is|are|was|were) (probably|totally|absolutely)? right",
    "(it|that) is (probably)? true", "i believe (him|her|them|it)",
];

/// Beliefs held then, told as past.
#[rustfmt::skip]
pub(crate) const PAST_SRC: &[&str] = &[
    "used to (think|say|believe|feel|tell|call|worry|be convinced|be sure)",
    "i (once|first|originally|always|honestly)? (thought|believed) (that)?",
    "i was (convinced|sure|certain)", "back then",
    "(years|months|decades|ages) ago (i|we)? (thought|believed|felt|was convinced|was sure|used to|blamed)",
    "(in|during|for) (my|the) (first|early) (year|years|months|weeks|days|few)",
    "at (first|the start|the beginning)", "when i was (first)? (diagnosed|younger|first ill)",
    "when (this|it) (first)? (started|began)", "(went|go|going|been) through a (stage|phase|period|time)",
    "there was a time", "(last|that) (year|winter|summer|spring|autumn|fall)", "for a (while|time) i",
    "i would have said", "in the (past|early days)", "i kept (calling|thinking|telling|saying)",
    "until recently",
];

/// Words that turn a sentence back to the present after a past belief.
const BACK_TO_NOW: &[&str] = &["but", "now", "nowadays", "today", "still", "these"];

fn any_match(patterns: &PatternSet, text: &Text, first: usize, end: usize, unnegated: bool) -> bool {
    patterns.find(&text.words, first, end).iter().any(|&(_, s, _)| !unnegated || !negated(text, s, 3))
}

/// A quote the writer says to themself ("I keep thinking 'why bother'") is their own voice.
fn own_quote(text: &Text, i: usize, first: usize) -> bool {
    let open =
        (first..=i).rev().take_while(|&j| text.words.get(j).is_some_and(|w| w.quoted)).last().unwrap_or(i);
    let before: Vec<&str> = (open.saturating_sub(4).max(first)..open).filter_map(|j| text.word(j)).collect();
    before.contains(&"i")
        && before.iter().any(|w| ["think", "thinking", "myself", "tell", "telling"].contains(w))
}

#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "thinks", "think", "reckons",
    "reckon", "believes", "wrote", "writes", "claimed", "claims", "claim", "insists", "insisted", "reckoned",
    "suggested", "suggests", "warned", "warns", "predicted", "predicts", "implied", "implies",
];
/// Words that may stand between a subject and its reporting verb ("my dad keeps telling").
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "keeps", "keep", "kept", "always", "just", "also", "still", "often", "once", "to", "used", "even",
    "would", "will", "can", "could", "might", "may",
];
const OWN_SUBJECTS: &[&str] = &["i", "we", "myself"];

/// Word ranges reported from someone else: from the reporting verb to the end of its clause
/// (or of the next clause when the verb ends its own), stopping where the writer takes over
/// ("…, but I…", "…; I'm proving him wrong").
fn reported(text: &Text, first: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for v in first..end {
        if !text.word(v).is_some_and(|w| REPORTING.contains(&w)) {
            continue;
        }
        let subject = (first..v).rev().find(|&j| !text.word(j).is_some_and(|w| ADVERBS.contains(&w)));
        let Some(subject) = subject else { continue };
        if text.word(subject).is_some_and(|w| OWN_SUBJECTS.contains(&w)) {
            continue;
        }
        // "think" after "do/does/did" is a question or a negated belief, not reported speech.
        if text.word(subject).is_some_and(|w| ["do", "does", "did", "not"].contains(&w)) {
            continue;
        }
        let clause_of = |j: usize| text.words.get(j).map(|w| w.clause);
        let mut to = v + 1;
        let mut clauses_left = if clause_of(v + 1) != clause_of(v) { 2 } else { 1 };
        while to < end {
            if clause_of(to) != clause_of(to - 1) {
                clauses_left -= 1;
                let takes_over = text
                    .word(to)
                    .is_some_and(|w| ["i", "but", "and", "though", "although", "yet"].contains(&w))
                    || text.words.get(to).is_some_and(|w| w.strong_break);
                if clauses_left == 0 || takes_over {
                    break;
                }
            }
            to += 1;
        }
        out.push((v, to));
    }
    out
}

/// Word ranges inside a past belief.
fn past(text: &Text, first: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    {
        for (_, s, _) in PAST.find(&text.words, first, end) {
            let mut to = s + 1;
            while to < end
                && !text.word(to).is_some_and(|w| BACK_TO_NOW.contains(&w))
                && !text.words.get(to).is_some_and(|w| w.strong_break)
            {
                to += 1;
            }
            out.push((s, to));
        }
    }
    out
}
