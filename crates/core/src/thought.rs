//! Thought records and predictions (CBT): the validated pieces a member writes, step by
//! step, and the summaries their history is built from.
//!
//! A thought record goes: situation → automatic thought → feelings with intensity (0–100) →
//! what the explanatory-style reader sees in the thought, and thinking traps the member
//! recognises → evidence for and against → a balanced alternative → feelings re-rated. It can
//! be saved at any step and finished later. A prediction is "what I expect will happen" (with
//! how sure, 0–100 %) written before an activity, and "what happened" afterwards.

use crate::validation::{Invalid, Problem};
use foothold_readers::style::{self, Dimension};
use serde::Serialize;

crate::id_type!(
    /// Which of a member's thought records.
    ThoughtId
);

crate::id_type!(
    /// Which of a member's predictions (behavioural experiments on a thought).
    PredictionId
);

/// Longest situation, thought, alternative or prediction text, in characters.
pub const SHORT_MAX: usize = 2_000;
/// Longest evidence text, in characters.
pub const LONG_MAX: usize = 5_000;
/// Most feelings one record names.
pub const FEELINGS_MAX: usize = 5;
/// Longest name of a feeling, in characters.
pub const FEELING_NAME_MAX: usize = 40;

/// The steps of a thought record, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Situation,
    Feelings,
    Reading,
    Evidence,
    Alternative,
    Rerate,
    Done,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Situation,
        Step::Feelings,
        Step::Reading,
        Step::Evidence,
        Step::Alternative,
        Step::Rerate,
        Step::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Situation => "situation",
            Step::Feelings => "feelings",
            Step::Reading => "reading",
            Step::Evidence => "evidence",
            Step::Alternative => "alternative",
            Step::Rerate => "rerate",
            Step::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The step after this one (`Done` stays `Done`).
    pub fn next(self) -> Self {
        Self::ALL.into_iter().find(|s| *s > self).unwrap_or(Step::Done)
    }
}

/// Common thinking traps, by stable key (their names and explanations are translated).
pub const TRAPS: [&str; 12] = [
    "all-or-nothing",
    "overgeneralising",
    "catastrophising",
    "fortune-telling",
    "mind-reading",
    "emotional-reasoning",
    "should-statements",
    "labelling",
    "self-blame",
    "discounting-the-positive",
    "mental-filter",
    "magnifying",
];

/// A feeling and how strong it was, before and (once re-rated) after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feeling {
    pub name: String,
    pub before: u8,
    pub after: Option<u8>,
}

/// How long a text field may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// A situation, thought, alternative or prediction: [`SHORT_MAX`] characters.
    Short,
    /// Evidence: [`LONG_MAX`] characters.
    Long,
}

impl Length {
    pub fn max(self) -> usize {
        match self {
            Length::Short => SHORT_MAX,
            Length::Long => LONG_MAX,
        }
    }

    /// The error code, which names the limit so the message can say it.
    fn too_long(self) -> &'static str {
        match self {
            Length::Short => "text-too-long-2000",
            Length::Long => "text-too-long-5000",
        }
    }
}

/// Text as typed: trimmed; empty is `None`; too long is refused.
pub fn parse_text(input: &str, field: &'static str, length: Length) -> Result<Option<String>, Invalid> {
    let t = input.trim();
    if t.chars().count() > length.max() {
        return Err(Invalid::one(field, length.too_long()));
    }
    Ok((!t.is_empty()).then(|| t.to_owned()))
}

/// Like [`parse_text`], but empty is refused with `missing` as the code.
pub fn parse_required(
    input: &str,
    field: &'static str,
    length: Length,
    missing: &'static str,
) -> Result<String, Invalid> {
    parse_text(input, field, length)?.ok_or_else(|| Invalid::one(field, missing))
}

/// The first step of a thought record: the situation (optional) and the thought (needed).
pub fn parse_situation(situation: &str, thought: &str) -> Result<(Option<String>, String), Invalid> {
    Invalid::both(
        parse_text(situation, "situation", Length::Short),
        parse_required(thought, "thought", Length::Short, "thought-missing"),
    )
}

/// An intensity 0–100 as typed; empty is `None`.
pub fn parse_intensity(input: &str, field: &'static str) -> Result<Option<u8>, Invalid> {
    let t = input.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u8>().ok().filter(|v| *v <= 100).map(Some).ok_or_else(|| Invalid::one(field, "intensity-range"))
}

/// Feelings from parallel lists of names and intensities (form rows; empty rows skipped).
/// Each named feeling needs an intensity; `field` names the rows, e.g. `feeling`.
pub fn parse_feelings(names: &[String], before: &[String]) -> Result<Vec<Feeling>, Invalid> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let name = name.trim();
        let level = before.get(i).map_or("", String::as_str);
        if name.is_empty() && level.trim().is_empty() {
            continue;
        }
        if name.is_empty() {
            problems.push(Problem { field: "feelings", code: "feeling-name-missing" });
            continue;
        }
        if name.chars().count() > FEELING_NAME_MAX {
            problems.push(Problem { field: "feelings", code: "feeling-name-too-long" });
            continue;
        }
        match parse_intensity(level, "feelings") {
            Ok(Some(v)) => out.push(Feeling { name: name.to_owned(), before: v, after: None }),
            Ok(None) => problems.push(Problem { field: "feelings", code: "feeling-intensity-missing" }),
            Err(e) => problems.extend_from_slice(e.problems()),
        }
    }
    if out.len() > FEELINGS_MAX {
        problems.push(Problem { field: "feelings", code: "feelings-too-many" });
    }
    match Invalid::from_problems(problems) {
        Some(invalid) => Err(invalid),
        None => Ok(out),
    }
}

/// The traps a member ticked, known keys only, in the order of [`TRAPS`].
pub fn parse_traps(chosen: &[String]) -> Result<Vec<&'static str>, Invalid> {
    if chosen.iter().any(|c| !TRAPS.contains(&c.as_str())) {
        return Err(Invalid::one("traps", "trap-unknown"));
    }
    Ok(TRAPS.into_iter().filter(|t| chosen.iter().any(|c| c == t)).collect())
}

/// How much the feelings eased after reframing: mean of before − after over the re-rated
/// feelings (points on the 0–100 scale), `None` if none was re-rated.
pub fn eased(feelings: &[Feeling]) -> Option<f64> {
    let diffs: Vec<f64> =
        feelings.iter().filter_map(|f| f.after.map(|a| f64::from(f.before) - f64::from(a))).collect();
    (!diffs.is_empty()).then(|| diffs.iter().sum::<f64>() / diffs.len() as f64)
}

/// Which of the helplessness dimensions the reader finds in a thought (for trends).
pub fn dimensions_in(thought: &str) -> Vec<Dimension> {
    let reading = style::style_only(thought);
    [Dimension::Helpless, Dimension::Permanent, Dimension::Pervasive, Dimension::Personal]
        .into_iter()
        .filter(|d| reading.has(*d))
        .collect()
}

/// How a prediction compared with what happened, as the member judged it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compared {
    Better,
    AsExpected,
    Worse,
}

impl Compared {
    pub const ALL: [Compared; 3] = [Compared::Better, Compared::AsExpected, Compared::Worse];

    pub fn as_str(self) -> &'static str {
        match self {
            Compared::Better => "better",
            Compared::AsExpected => "as_expected",
            Compared::Worse => "worse",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn feelings_need_a_name_and_an_intensity_and_empty_rows_are_skipped() {
        let ok = parse_feelings(&strings(&["Sad", "", " Angry "]), &strings(&["80", "", "40%"])).unwrap();
        assert_eq!(
            ok.iter().map(|f| (f.name.as_str(), f.before)).collect::<Vec<_>>(),
            [("Sad", 80), ("Angry", 40)]
        );
        let codes = |e: Invalid| e.problems().iter().map(|p| p.code).collect::<Vec<_>>();
        assert_eq!(
            codes(parse_feelings(&strings(&["Sad"]), &strings(&[""])).unwrap_err()),
            ["feeling-intensity-missing"]
        );
        assert_eq!(
            codes(parse_feelings(&strings(&[""]), &strings(&["50"])).unwrap_err()),
            ["feeling-name-missing"]
        );
        assert_eq!(
            codes(parse_feelings(&strings(&["Sad"]), &strings(&["101"])).unwrap_err()),
            ["intensity-range"]
        );
        let six = strings(&["a", "b", "c", "d", "e", "f"]);
        assert_eq!(codes(parse_feelings(&six, &strings(&["1"; 6])).unwrap_err()), ["feelings-too-many"]);
    }

    #[test]
    fn texts_are_trimmed_and_limited_in_characters_not_bytes() {
        assert_eq!(parse_text("  ", "thought", Length::Short).unwrap(), None);
        assert_eq!(
            parse_text(&"é".repeat(SHORT_MAX), "thought", Length::Short).unwrap().unwrap().chars().count(),
            SHORT_MAX
        );
        assert!(parse_text(&"a".repeat(SHORT_MAX + 1), "thought", Length::Short).is_err());
    }

    #[test]
    fn traps_are_known_keys_in_a_fixed_order_and_steps_advance() {
        assert_eq!(
            parse_traps(&strings(&["labelling", "catastrophising"])).unwrap(),
            ["catastrophising", "labelling"]
        );
        assert!(parse_traps(&strings(&["<script>"])).is_err());
        assert_eq!(Step::Situation.next(), Step::Feelings);
        assert_eq!(Step::Rerate.next(), Step::Done);
        assert_eq!(Step::Done.next(), Step::Done);
    }

    #[test]
    fn easing_is_the_mean_drop_over_re_rated_feelings() {
        let f = |before, after| Feeling { name: "x".into(), before, after };
        assert_eq!(eased(&[f(80, Some(50)), f(60, Some(50)), f(30, None)]), Some(20.0));
        assert_eq!(eased(&[f(80, None)]), None);
        assert!(dimensions_in("Why bother? It will never get better.").contains(&Dimension::Helpless));
        assert!(dimensions_in("I walked to the shop today.").is_empty());
    }
}
