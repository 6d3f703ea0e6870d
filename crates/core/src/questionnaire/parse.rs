//! Reads a FHIR R4 `Questionnaire` resource into a [`Questionnaire`], checking everything the
//! engine relies on, so a broken file (ours or an operator's) fails at start-up, not on a
//! member's screen.

use super::{AnswerOption, Band, Change, Coding, Item, ItemKind, Method, Questionnaire, Scoring};
use serde::Deserialize;

pub const ORDINAL_URL: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
pub const MIN_VALUE_URL: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
pub const MAX_VALUE_URL: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";
/// Foothold's scoring rules, as nested extensions (documented in docs/FHIR.md).
pub const SCORING_URL: &str = "urn:foothold:fhir:scoring";
/// On an item: an answer whose ordinal value is above this goes to the support service.
pub const CRISIS_ABOVE_URL: &str = "urn:foothold:fhir:crisis-above";
/// On the questionnaire: how often it is offered by default, in days.
pub const EVERY_DAYS_URL: &str = "urn:foothold:fhir:every-days";
/// On an integer item: the words at its two ends ("No pain", "Pain as bad as you can imagine").
pub const LOW_LABEL_URL: &str = "urn:foothold:fhir:low-label";
pub const HIGH_LABEL_URL: &str = "urn:foothold:fhir:high-label";

/// What is wrong with a questionnaire file: a problem for whoever wrote it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QuestionnaireError {
    #[error("not JSON a Questionnaire can be read from: {0}")]
    Json(String),
    #[error("resourceType must be 'Questionnaire'")]
    NotAQuestionnaire,
    #[error("id '{0}' must be lower-case letters, digits and hyphens")]
    BadId(String),
    #[error("the questionnaire lacks '{0}'")]
    Missing(&'static str),
    #[error("item '{0}': {1}")]
    Item(String, &'static str),
    #[error("scoring: {0}")]
    Scoring(&'static str),
    #[error("scoring: the score {0} falls in {1} bands; it must fall in exactly one")]
    Bands(f64, usize),
}

type Error = QuestionnaireError;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Raw {
    resource_type: String,
    id: Option<String>,
    url: Option<String>,
    version: Option<String>,
    title: Option<String>,
    description: Option<String>,
    copyright: Option<String>,
    #[serde(default)]
    code: Vec<RawCoding>,
    #[serde(default)]
    extension: Vec<RawExtension>,
    #[serde(default)]
    item: Vec<RawItem>,
}

#[derive(Deserialize, Clone)]
struct RawCoding {
    system: Option<String>,
    code: Option<String>,
    display: Option<String>,
    #[serde(default)]
    extension: Vec<RawExtension>,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
struct RawExtension {
    url: String,
    value_decimal: Option<f64>,
    value_integer: Option<i64>,
    value_code: Option<String>,
    value_string: Option<String>,
    value_boolean: Option<bool>,
    value_coding: Option<RawCoding>,
    #[serde(default)]
    extension: Vec<RawExtension>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawItem {
    link_id: String,
    text: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    required: Option<bool>,
    #[serde(default)]
    code: Vec<RawCoding>,
    #[serde(default)]
    answer_option: Vec<RawOption>,
    #[serde(default)]
    extension: Vec<RawExtension>,
    #[serde(default)]
    item: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawOption {
    value_coding: Option<RawCoding>,
    #[serde(default)]
    extension: Vec<RawExtension>,
}

fn find<'a>(extensions: &'a [RawExtension], url: &str) -> Option<&'a RawExtension> {
    extensions.iter().find(|e| e.url == url)
}

/// A number from an extension, whether written as a decimal or an integer.
fn number(extensions: &[RawExtension], url: &str) -> Option<f64> {
    find(extensions, url).and_then(|e| e.value_decimal.or(e.value_integer.map(|i| i as f64)))
}

fn coding(raw: &RawCoding) -> Option<Coding> {
    Some(Coding { system: raw.system.clone()?, code: raw.code.clone()?, display: raw.display.clone() })
}

/// Reads and checks one questionnaire file.
pub fn parse(json: &str) -> Result<Questionnaire, Error> {
    let raw: Raw = serde_json::from_str(json).map_err(|e| Error::Json(e.to_string()))?;
    if raw.resource_type != "Questionnaire" {
        return Err(Error::NotAQuestionnaire);
    }
    let id = raw.id.ok_or(Error::Missing("id"))?;
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(Error::BadId(id));
    }
    let items = raw.item.iter().map(item).collect::<Result<Vec<_>, _>>()?;
    if !items.iter().any(|i| i.is_question()) {
        return Err(Error::Missing("item"));
    }
    let mut q = Questionnaire {
        id,
        url: raw.url.ok_or(Error::Missing("url"))?,
        version: raw.version.ok_or(Error::Missing("version"))?,
        title: raw.title.ok_or(Error::Missing("title"))?,
        description: raw.description.unwrap_or_default(),
        copyright: raw.copyright.ok_or(Error::Missing("copyright"))?,
        code: raw.code.first().and_then(coding),
        every_days: number(&raw.extension, EVERY_DAYS_URL).map(|d| d.clamp(1.0, 366.0) as u16),
        items,
        scoring: None,
    };
    if let Some(ext) = find(&raw.extension, SCORING_URL) {
        let scoring = scoring(&ext.extension, &q)?;
        q.scoring = Some(scoring);
        check_bands(&q)?;
    }
    Ok(q)
}

fn item(raw: &RawItem) -> Result<Item, Error> {
    let bad = |why| Error::Item(raw.link_id.clone(), why);
    if !raw.item.is_empty() {
        return Err(bad("nested items are not supported; list the questions one after another"));
    }
    let text = raw.text.clone().filter(|t| !t.trim().is_empty()).ok_or_else(|| bad("it has no text"))?;
    let kind = match raw.kind.as_str() {
        "display" => ItemKind::Display,
        "choice" => {
            let options = raw
                .answer_option
                .iter()
                .map(|o| {
                    option(o).ok_or_else(|| bad("an answer option lacks a valueCoding with system and code"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if options.len() < 2 {
                return Err(bad("a choice needs at least two answer options"));
            }
            if options.iter().any(|o| o.ordinal.is_some()) && options.iter().any(|o| o.ordinal.is_none()) {
                return Err(bad("either every answer option has an ordinalValue or none has"));
            }
            ItemKind::Choice(options)
        }
        "integer" => {
            let min = number(&raw.extension, MIN_VALUE_URL)
                .ok_or_else(|| bad("an integer item needs a minValue"))? as i64;
            let max = number(&raw.extension, MAX_VALUE_URL)
                .ok_or_else(|| bad("an integer item needs a maxValue"))? as i64;
            if min >= max || max - min > 100 {
                return Err(bad("minValue must be below maxValue, at most 100 apart"));
            }
            let label =
                |url| find(&raw.extension, url).and_then(|e| e.value_string.clone()).unwrap_or_default();
            ItemKind::Integer { min, max, low: label(LOW_LABEL_URL), high: label(HIGH_LABEL_URL) }
        }
        _ => return Err(bad("the type must be display, choice or integer")),
    };
    let crisis_above = number(&raw.extension, CRISIS_ABOVE_URL);
    if crisis_above.is_some()
        && !matches!(&kind, ItemKind::Choice(o) if o.iter().all(|o| o.ordinal.is_some()))
        && !matches!(kind, ItemKind::Integer { .. })
    {
        return Err(bad("crisis-above needs a scored item"));
    }
    Ok(Item {
        link_id: raw.link_id.clone(),
        text,
        code: raw.code.first().and_then(coding),
        required: raw.required.unwrap_or(false),
        kind,
        crisis_above,
    })
}

fn option(raw: &RawOption) -> Option<AnswerOption> {
    let value = raw.value_coding.as_ref()?;
    // R4 lets the ordinal sit on the Coding or on the answer option itself.
    let ordinal = number(&value.extension, ORDINAL_URL).or_else(|| number(&raw.extension, ORDINAL_URL));
    Some(AnswerOption { coding: coding(value)?, ordinal })
}

fn scoring(parts: &[RawExtension], q: &Questionnaire) -> Result<Scoring, Error> {
    let method = match find(parts, "method").and_then(|e| e.value_code.as_deref()) {
        Some("sum") => Method::Sum,
        Some("mean") => Method::Mean,
        _ => return Err(Error::Scoring("'method' must be the code sum or mean")),
    };
    let scored: Vec<&Item> = q.items.iter().filter(|i| i.is_scored()).collect();
    if scored.is_empty() {
        return Err(Error::Scoring("no item has ordinal values or is an integer"));
    }
    if scored.iter().any(|i| !i.required) {
        return Err(Error::Scoring("every scored item must be required"));
    }
    let change = match (number(parts, "meaningfulChange"), number(parts, "meaningfulChangePercent")) {
        (Some(p), None) if p > 0.0 => Some(Change::Points(p)),
        (None, Some(p)) if p > 0.0 && p <= 100.0 => Some(Change::Percent(p)),
        (None, None) => None,
        _ => return Err(Error::Scoring("give one positive meaningfulChange or meaningfulChangePercent")),
    };
    let bands = parts.iter().filter(|e| e.url == "band").map(band).collect::<Result<Vec<_>, _>>()?;
    Ok(Scoring {
        method,
        code: find(parts, "code").and_then(|e| e.value_coding.as_ref()).and_then(coding),
        higher_is_better: find(parts, "higherIsBetter").and_then(|e| e.value_boolean).unwrap_or(false),
        change,
        bands,
    })
}

fn band(raw: &RawExtension) -> Result<Band, Error> {
    let bad = || Error::Scoring("a band needs from, to, code and label, with from ≤ to");
    let from = number(&raw.extension, "from").ok_or_else(bad)?;
    let to = number(&raw.extension, "to").ok_or_else(bad)?;
    let code = find(&raw.extension, "code").and_then(|e| e.value_code.clone()).ok_or_else(bad)?;
    let label = find(&raw.extension, "label").and_then(|e| e.value_string.clone()).ok_or_else(bad)?;
    if from > to {
        return Err(bad());
    }
    Ok(Band {
        from,
        to,
        code,
        label,
        flag: find(&raw.extension, "flag").and_then(|e| e.value_boolean).unwrap_or(false),
    })
}

/// Every score the questionnaire can give must fall in exactly one band (when it has bands).
/// Scores are enumerated exactly when the ordinals are whole numbers, which all the usual
/// instruments have; otherwise only the order of the bands is checked.
fn check_bands(q: &Questionnaire) -> Result<(), Error> {
    let Some(scoring) = &q.scoring else { return Ok(()) };
    if scoring.bands.is_empty() {
        return Ok(());
    }
    let Some(sums) = reachable_sums(q) else {
        let ordered = scoring.bands.windows(2).all(|w| matches!(w, [a, b] if a.to < b.from));
        return if ordered {
            Ok(())
        } else {
            Err(Error::Scoring("bands must be in order and must not overlap"))
        };
    };
    let count = q.items.iter().filter(|i| i.is_scored()).count() as f64;
    for sum in sums {
        let score = match scoring.method {
            Method::Sum => sum as f64,
            Method::Mean => sum as f64 / count,
        };
        let matching = scoring.bands.iter().filter(|b| b.contains(score)).count();
        if matching != 1 {
            return Err(Error::Bands(score, matching));
        }
    }
    Ok(())
}

/// All sums of whole-number ordinals the scored items can reach, or `None` when an ordinal is
/// not a whole number.
fn reachable_sums(q: &Questionnaire) -> Option<Vec<i64>> {
    let mut sums = std::collections::BTreeSet::from([0_i64]);
    for item in q.items.iter().filter(|i| i.is_scored()) {
        let values: Vec<i64> = match &item.kind {
            ItemKind::Choice(options) => options
                .iter()
                .map(|o| o.ordinal.filter(|v| v.fract() == 0.0).map(|v| v as i64))
                .collect::<Option<_>>()?,
            ItemKind::Integer { min, max, .. } => (*min..=*max).collect(),
            ItemKind::Display => continue,
        };
        sums = sums.iter().flat_map(|s| values.iter().map(move |v| s + v)).collect();
    }
    Some(sums.into_iter().collect())
}
