//! Questionnaires (PEG-3, PHQ-9, GAD-7, …) as data: each is a FHIR R4 `Questionnaire` file
//! whose items, answer options, ordinal values and scoring rules the engine reads, so an
//! operator can load a licensed instrument without code. Answers are checked against the
//! file; scores, severity bands, meaningful change and the crisis rule come from it too.

mod parse;
#[cfg(test)]
mod tests;

pub use parse::{parse, QuestionnaireError};
use serde::{Deserialize, Serialize};

/// A code from a code system (LOINC, or one of Foothold's own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    pub system: String,
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    /// Stable short name, e.g. `phq-9`; part of the page address.
    pub id: String,
    /// The canonical URL a `QuestionnaireResponse` refers to.
    pub url: String,
    pub version: String,
    pub title: String,
    /// What it asks about, in a sentence for the member.
    pub description: String,
    /// Where it comes from and on what terms it may be used.
    pub copyright: String,
    /// The instrument's code (the LOINC panel), when it has one.
    pub code: Option<Coding>,
    /// How often it is offered by default.
    pub every_days: Option<u16>,
    pub items: Vec<Item>,
    pub scoring: Option<Scoring>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub link_id: String,
    pub text: String,
    pub code: Option<Coding>,
    pub required: bool,
    pub kind: ItemKind,
    /// An answer scoring above this goes to the support service at once (PHQ-9 item 9).
    pub crisis_above: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// Instructions shown before the questions that follow.
    Display,
    Choice(Vec<AnswerOption>),
    /// A whole number on a scale, with the words for its two ends.
    Integer {
        min: i64,
        max: i64,
        low: String,
        high: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerOption {
    pub coding: Coding,
    /// The option's value in the score (reverse-scored items simply have reversed ordinals).
    pub ordinal: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Sum,
    Mean,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    pub method: Method,
    /// The score's own code (e.g. LOINC 44261-6 for the PHQ-9 total).
    pub code: Option<Coding>,
    /// True for a strength (self-compassion); false for a burden (pain, low mood).
    pub higher_is_better: bool,
    pub change: Option<Change>,
    pub bands: Vec<Band>,
}

/// The smallest change between two scores that counts as meaningful.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    Points(f64),
    /// A share of the earlier score (PEG: 30 %).
    Percent(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Inclusive bounds.
    pub from: f64,
    pub to: f64,
    pub code: String,
    pub label: String,
    /// A band worth talking over with a clinician; the page says so gently.
    pub flag: bool,
}

impl Band {
    fn contains(&self, score: f64) -> bool {
        self.from <= score && score <= self.to
    }
}

impl Item {
    pub fn is_question(&self) -> bool {
        !matches!(self.kind, ItemKind::Display)
    }

    /// Whether the item counts towards the score.
    pub fn is_scored(&self) -> bool {
        match &self.kind {
            ItemKind::Choice(options) => options.iter().all(|o| o.ordinal.is_some()),
            ItemKind::Integer { .. } => true,
            ItemKind::Display => false,
        }
    }
}

/// One answer as stored and sent: the option's code, or a whole number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub link_id: String,
    #[serde(flatten)]
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Value {
    Code(String),
    Integer(i64),
}

/// A problem with one answer; `link_id` names the question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerProblem {
    pub link_id: String,
    /// Stable code, translated as `invalid-<code>`.
    pub code: &'static str,
}

/// Answers checked against their questionnaire, in its order.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers(Vec<Answer>);

/// A score with its band.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored<'a> {
    pub value: f64,
    pub band: Option<&'a Band>,
}

/// How a later score compares with an earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Better,
    Worse,
    /// Within the meaningful-change threshold (or the instrument has none).
    Steady,
}

impl Answers {
    pub fn as_slice(&self) -> &[Answer] {
        &self.0
    }
}

impl Questionnaire {
    pub fn questions(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.is_question())
    }

    /// Checks raw answers (link id → code or number as text, e.g. from a form) and reports
    /// every problem at once. Unknown link ids and repeated answers are problems too, so an API
    /// client learns of a typo instead of losing an answer.
    pub fn check(&self, raw: &[(String, String)]) -> Result<Answers, Vec<AnswerProblem>> {
        let mut problems = Vec::new();
        let mut answers = Vec::new();
        for (link_id, _) in raw {
            let known = self.questions().any(|i| &i.link_id == link_id);
            let repeated = raw.iter().filter(|(l, _)| l == link_id).count() > 1;
            if (!known || repeated) && !problems.iter().any(|p: &AnswerProblem| &p.link_id == link_id) {
                let code = if known { "answer-repeated" } else { "answer-unknown-question" };
                problems.push(AnswerProblem { link_id: link_id.clone(), code });
            }
        }
        for item in self.questions() {
            let given =
                raw.iter().find(|(l, _)| *l == item.link_id).map(|(_, v)| v.trim()).filter(|v| !v.is_empty());
            let problem = |code| AnswerProblem { link_id: item.link_id.clone(), code };
            let Some(text) = given else {
                if item.required {
                    problems.push(problem("answer-missing"));
                }
                continue;
            };
            let value = match &item.kind {
                ItemKind::Choice(options) => options
                    .iter()
                    .find(|o| o.coding.code == text)
                    .map(|o| Value::Code(o.coding.code.clone()))
                    .ok_or("answer-not-an-option"),
                ItemKind::Integer { min, max, .. } => text
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (*min..=*max).contains(n))
                    .map(Value::Integer)
                    .ok_or("answer-out-of-range"),
                ItemKind::Display => continue,
            };
            match value {
                Ok(value) => answers.push(Answer { link_id: item.link_id.clone(), value }),
                Err(code) => problems.push(problem(code)),
            }
        }
        if problems.is_empty() {
            Ok(Answers(answers))
        } else {
            Err(problems)
        }
    }

    /// Checks stored answers again (the file may have changed since they were given).
    pub fn recheck(&self, stored: &[Answer]) -> Result<Answers, Vec<AnswerProblem>> {
        let raw: Vec<(String, String)> = stored
            .iter()
            .map(|a| {
                let text = match &a.value {
                    Value::Code(c) => c.clone(),
                    Value::Integer(n) => n.to_string(),
                };
                (a.link_id.clone(), text)
            })
            .collect();
        self.check(&raw)
    }

    /// The ordinal value of one answer, when its item is scored.
    fn ordinal(&self, answer: &Answer) -> Option<f64> {
        let item = self.items.iter().find(|i| i.link_id == answer.link_id)?;
        match (&item.kind, &answer.value) {
            (ItemKind::Choice(options), Value::Code(code)) => {
                options.iter().find(|o| &o.coding.code == code)?.ordinal
            }
            (ItemKind::Integer { .. }, Value::Integer(n)) => Some(*n as f64),
            _ => None,
        }
    }

    /// The score and its band; `None` when the questionnaire is not scored.
    pub fn score(&self, answers: &Answers) -> Option<Scored<'_>> {
        let scoring = self.scoring.as_ref()?;
        let values: Vec<f64> = answers.0.iter().filter_map(|a| self.ordinal(a)).collect();
        // Checked answers include every scored item: scored items are required.
        let sum: f64 = values.iter().sum();
        let value = match scoring.method {
            Method::Sum => sum,
            Method::Mean => sum / values.len().max(1) as f64,
        };
        Some(Scored { value, band: scoring.bands.iter().find(|b| b.contains(value)) })
    }

    /// Whether an answer calls for the support service at once.
    pub fn needs_support(&self, answers: &Answers) -> bool {
        answers.0.iter().any(|a| {
            let above = self.items.iter().find(|i| i.link_id == a.link_id).and_then(|i| i.crisis_above);
            matches!((above, self.ordinal(a)), (Some(limit), Some(v)) if v > limit)
        })
    }

    /// How `later` compares with `earlier`, by the instrument's meaningful change.
    pub fn trend(&self, earlier: f64, later: f64) -> Trend {
        let Some(scoring) = &self.scoring else { return Trend::Steady };
        let threshold = match scoring.change {
            Some(Change::Points(p)) => p,
            Some(Change::Percent(p)) => earlier.abs() * p / 100.0,
            None => return Trend::Steady,
        };
        let delta = later - earlier;
        // A tiny tolerance so that 30 % of a decimal mean is not missed by rounding.
        if delta == 0.0 || delta.abs() + 1e-9 < threshold {
            return Trend::Steady;
        }
        if (delta > 0.0) == scoring.higher_is_better {
            Trend::Better
        } else {
            Trend::Worse
        }
    }

    /// The lowest and highest score the questionnaire can give (for a chart's scale).
    pub fn score_range(&self) -> Option<(f64, f64)> {
        let scoring = self.scoring.as_ref()?;
        let (mut low, mut high, mut items) = (0.0, 0.0, 0_u32);
        for item in self.items.iter().filter(|i| i.is_scored()) {
            let values: Vec<f64> = match &item.kind {
                ItemKind::Choice(options) => options.iter().filter_map(|o| o.ordinal).collect(),
                ItemKind::Integer { min, max, .. } => vec![*min as f64, *max as f64],
                ItemKind::Display => continue,
            };
            low += values.iter().copied().fold(f64::INFINITY, f64::min);
            high += values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            items += 1;
        }
        match scoring.method {
            Method::Sum => Some((low, high)),
            Method::Mean => Some((low / f64::from(items.max(1)), high / f64::from(items.max(1)))),
        }
    }

    /// The score as people read it: whole for sums of whole numbers, one decimal otherwise.
    pub fn format_score(&self, value: f64) -> String {
        if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            format!("{value:.1}")
        }
    }
}

impl From<Answers> for Vec<Answer> {
    fn from(a: Answers) -> Self {
        a.0
    }
}
