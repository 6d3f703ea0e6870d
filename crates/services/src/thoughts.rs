//! Thought records and predictions as pages use them: each step of a record is a small form
//! whose fields are merged into the saved record, so a member can save at any step and come
//! back later; trends over time for the history section.

use crate::error::{ServiceError, ServiceResult};
use chrono::{Datelike, NaiveDate};
use foothold_core::thought::{self, Feeling, Length, Step};
use foothold_core::Invalid;
use foothold_readers::style::Dimension;
use foothold_store::ThoughtRecord;
use std::collections::BTreeMap;

/// A step's form as submitted (fields repeat for feelings and traps).
#[derive(Debug, Default, Clone)]
pub struct StepForm {
    pub step: String,
    pub version: String,
    /// `next` to go on, anything else to save and stay.
    pub action: String,
    pub situation: String,
    pub thought: String,
    pub feeling: Vec<String>,
    pub before: Vec<String>,
    pub after: Vec<String>,
    pub traps: Vec<String>,
    pub evidence_for: String,
    pub evidence_against: String,
    pub alternative: String,
}

impl StepForm {
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            match k.as_str() {
                "step" => f.step = v,
                "version" => f.version = v,
                "action" => f.action = v,
                "situation" => f.situation = v,
                "thought" => f.thought = v,
                "feeling" => f.feeling.push(v),
                "before" => f.before.push(v),
                "after" => f.after.push(v),
                "trap" => f.traps.push(v),
                "evidence_for" => f.evidence_for = v,
                "evidence_against" => f.evidence_against = v,
                "alternative" => f.alternative = v,
                _ => {}
            }
        }
        f
    }

    /// The step's fields applied to `current`: the record to save, or every problem at once.
    pub fn apply(&self, current: &ThoughtRecord) -> ServiceResult<ThoughtRecord> {
        let step = Step::parse(&self.step).ok_or(ServiceError::BadRequest)?;
        let version = self.version.trim().parse::<i64>().map_err(|_| ServiceError::BadRequest)?;
        let mut r = ThoughtRecord { version, ..current.clone() };
        match step {
            Step::Situation => {
                (r.situation, r.thought) = thought::parse_situation(&self.situation, &self.thought)
                    .map(|(situation, text)| (situation, Some(text)))?
            }
            Step::Feelings => {
                let mut feelings = thought::parse_feelings(&self.feeling, &self.before)?;
                // A re-rating already made stays with its feeling if the name is unchanged.
                for f in &mut feelings {
                    f.after = current.feelings.iter().find(|c| c.name == f.name).and_then(|c| c.after);
                }
                r.feelings = feelings;
            }
            Step::Reading => r.traps = thought::parse_traps(&self.traps)?,
            Step::Evidence => {
                (r.evidence_for, r.evidence_against) = Invalid::both(
                    thought::parse_text(&self.evidence_for, "evidence_for", Length::Long),
                    thought::parse_text(&self.evidence_against, "evidence_against", Length::Long),
                )?;
            }
            Step::Alternative => {
                r.alternative = thought::parse_text(&self.alternative, "alternative", Length::Short)?
            }
            Step::Rerate => {
                let mut feelings: Vec<Feeling> = current.feelings.clone();
                for (i, f) in feelings.iter_mut().enumerate() {
                    f.after =
                        thought::parse_intensity(self.after.get(i).map_or("", String::as_str), "after")?;
                }
                r.feelings = feelings;
            }
            Step::Done => return Err(ServiceError::BadRequest),
        }
        if self.action == "next" {
            r.step = r.step.max(step.next());
        }
        Ok(r)
    }
}

/// One month of thought records, for the trend table.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Month {
    pub records: usize,
    /// Records whose thought the reader found helpless, permanent, pervasive or personal.
    pub by_dimension: BTreeMap<Dimension, usize>,
    /// Mean easing of feelings (0–100 points) over finished records that re-rated them.
    pub eased: Option<f64>,
}

/// Everything the member wrote in a record, for the support service.
pub fn texts(r: &ThoughtRecord) -> Vec<&str> {
    Step::ALL.into_iter().flat_map(|s| texts_of(r, s)).collect()
}

/// What the member writes at one step.
pub fn texts_of(r: &ThoughtRecord, step: Step) -> Vec<&str> {
    let fields = match step {
        Step::Situation => [&r.situation, &r.thought],
        Step::Evidence => [&r.evidence_for, &r.evidence_against],
        Step::Alternative => [&r.alternative, &None],
        _ => [&None, &None],
    };
    fields.into_iter().flatten().map(String::as_str).collect()
}

/// Records grouped by month (oldest first), with how often each dimension appeared and how
/// much feelings eased.
pub fn trends(records: &[ThoughtRecord]) -> Vec<(NaiveDate, Month)> {
    let mut months: BTreeMap<NaiveDate, (Month, Vec<f64>)> = BTreeMap::new();
    for r in records {
        let key = r.day.with_day(1).unwrap_or(r.day);
        let (m, eased) = months.entry(key).or_default();
        m.records += 1;
        for d in thought::dimensions_in(r.thought.as_deref().unwrap_or_default()) {
            *m.by_dimension.entry(d).or_default() += 1;
        }
        if let Some(e) = thought::eased(&r.feelings) {
            eased.push(e);
        }
    }
    months
        .into_iter()
        .map(|(k, (mut m, eased))| {
            m.eased = (!eased.is_empty()).then(|| eased.iter().sum::<f64>() / eased.len() as f64);
            (k, m)
        })
        .collect()
}

/// The one-time token a "start" form came with: hex, at least 64 bits' worth.
pub fn parse_nonce(input: &str) -> ServiceResult<String> {
    let nonce: String = input.chars().filter(char::is_ascii_hexdigit).take(64).collect();
    if nonce.len() < 16 {
        return Err(ServiceError::BadRequest);
    }
    Ok(nonce)
}

/// A fresh one-time token for a "start" form (double submissions find the first record).
/// Without randomness there is no token: the page fails rather than hand out a guessable one.
pub fn nonce() -> ServiceResult<String> {
    Ok(foothold_core::hex::encode(&crate::secret::random_bytes::<16>()?))
}
