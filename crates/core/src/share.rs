//! Sharing with a clinician or coach: what a member chooses to show (scopes), for which
//! period, until when, and the one-time code that hands the share to one clinician.

use crate::agency::Outcome;
use crate::named::named;
use crate::Invalid;
use chrono::{Duration, NaiveDate};

crate::id_type!(
    /// A share's id.
    ShareId
);

named!(
    /// What a share shows. Thought records are the most private and are never chosen for the
    /// member: the form leaves them off.
    Scope {
        /// The day-by-day ratings in the period.
        Diary = "diary",
        /// Questionnaire scores with their bands and changes.
        Questionnaires = "questionnaires",
        /// Thought records of the period.
        Thoughts = "thoughts",
    }
);

/// The longest period a share may cover, and how far ahead it may last.
pub const MAX_PERIOD_DAYS: i64 = 3 * 366;
pub const MAX_VALID_DAYS: i64 = 366;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewShare {
    pub scopes: Vec<Scope>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The last day the clinician can see it.
    pub until: NaiveDate,
    /// The clinician may leave notes and suggest a skill or an experiment.
    pub coaching: bool,
}

/// Reads the share form: every problem at once.
pub fn parse_share(
    scopes: &[&str],
    from: &str,
    to: &str,
    until: &str,
    coaching: bool,
    today: NaiveDate,
) -> Result<NewShare, Invalid> {
    let mut problems = Vec::new();
    let chosen: Vec<Scope> = Scope::ALL.iter().copied().filter(|s| scopes.contains(&s.as_str())).collect();
    if chosen.is_empty() || scopes.iter().any(|s| Scope::parse(s).is_none()) {
        problems.push(crate::Problem { field: "scopes", code: "share-scopes" });
    }
    let date = |input: &str, field: &'static str, problems: &mut Vec<crate::Problem>| {
        let d = NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d").ok();
        if d.is_none() {
            problems.push(crate::Problem { field, code: "date-invalid" });
        }
        d
    };
    let (from, to, until) = (
        date(from, "from", &mut problems),
        date(to, "to", &mut problems),
        date(until, "until", &mut problems),
    );
    if let (Some(f), Some(t)) = (from, to) {
        if f > t || t > today || t - f > Duration::days(MAX_PERIOD_DAYS) {
            problems.push(crate::Problem { field: "from", code: "share-period" });
        }
    }
    if let Some(u) = until {
        if u < today || u - today > Duration::days(MAX_VALID_DAYS) {
            problems.push(crate::Problem { field: "until", code: "share-until" });
        }
    }
    match (from, to, until, Invalid::from_problems(problems)) {
        (Some(from), Some(to), Some(until), None) => {
            Ok(NewShare { scopes: chosen, from, to, until, coaching })
        }
        (_, _, _, Some(invalid)) => Err(invalid),
        _ => Err(Invalid::one("from", "date-invalid")),
    }
}

/// The longest note or reason a clinician writes.
pub const NOTE_LIMIT: usize = 2_000;

/// What a clinician leaves on a share that allows coaching. Nothing starts without the
/// member: a suggestion waits until they take it up or say no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion {
    Note {
        body: String,
    },
    /// A skill from the library, by its slug.
    Skill {
        slug: String,
        body: String,
    },
    /// A personal experiment: test `strategy` on `outcome`.
    Experiment {
        strategy: String,
        outcome: Outcome,
        body: String,
    },
    /// A graded goal: an activity and its unit; the member records the baseline and sets the
    /// pace themselves.
    Goal {
        activity: String,
        unit: crate::goal::Unit,
        body: String,
    },
}

/// Reads the coaching form, every problem at once: `kind` is `note`, `skill`, `experiment`
/// or `goal` (whose activity comes in `strategy`); `known_skill` says whether a slug is in the
/// library.
pub fn parse_suggestion(
    kind: &str,
    body: &str,
    skill: &str,
    (strategy, outcome, unit): (&str, &str, &str),
    known_skill: impl Fn(&str) -> bool,
) -> Result<Suggestion, Invalid> {
    let body = body.trim().to_string();
    let length = if body.chars().count() > NOTE_LIMIT {
        Err(Invalid::one("body", "coaching-too-long"))
    } else {
        Ok(())
    };
    let suggestion = match kind {
        "note" if body.is_empty() => Err(Invalid::one("body", "coaching-note-empty")),
        "note" => Ok(Suggestion::Note { body }),
        "skill" if known_skill(skill) => Ok(Suggestion::Skill { slug: skill.to_string(), body }),
        "skill" => Err(Invalid::one("skill", "coaching-skill")),
        "experiment" => {
            let name = crate::checkin::parse_strategy_name(strategy)
                .map_err(|_| Invalid::one("strategy", "coaching-strategy"));
            let outcome = Outcome::parse(outcome).ok_or_else(|| Invalid::one("outcome", "coaching-outcome"));
            Invalid::both(name, outcome).map(|(strategy, outcome)| Suggestion::Experiment {
                strategy,
                outcome,
                body,
            })
        }
        "goal" => {
            let activity = strategy.trim();
            let activity_ok = if activity.is_empty() || activity.chars().count() > crate::goal::ACTIVITY_MAX {
                Err(Invalid::one("strategy", "coaching-strategy"))
            } else {
                Ok(activity.to_owned())
            };
            let unit = crate::goal::Unit::parse(unit).ok_or_else(|| Invalid::one("unit", "goal-unit"));
            Invalid::both(activity_ok, unit).map(|(activity, unit)| Suggestion::Goal { activity, unit, body })
        }
        _ => Err(Invalid::one("kind", "coaching-kind")),
    };
    Invalid::both(suggestion, length).map(|(s, ())| s)
}

/// Letters a person reads aloud or types without confusion (no 0/O, 1/I/L).
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters of a code: about 59 bits, and redeeming is rate-limited.
pub const CODE_LEN: usize = 12;

/// A one-time code from 12 random bytes, shown as `ABCD-EFGH-JKLM`.
pub fn code(random: [u8; CODE_LEN]) -> String {
    let chars: Vec<char> = random
        .iter()
        .map(|b| char::from(ALPHABET.get(usize::from(*b) % ALPHABET.len()).copied().unwrap_or(b'2')))
        .collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// A typed code in the form it is stored under (upper case, no spaces or hyphens), or `None`
/// when it cannot be one.
pub fn normalize_code(input: &str) -> Option<String> {
    let code: String =
        input.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    let valid = code.len() == CODE_LEN && code.bytes().all(|b| ALPHABET.contains(&b));
    valid.then_some(code)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_share_needs_a_scope_a_past_period_and_a_near_end() {
        let today = day("2026-12-06");
        let ok =
            parse_share(&["diary", "questionnaires"], "2026-09-01", "2026-12-06", "2027-01-05", false, today)
                .unwrap();
        assert_eq!(ok.scopes, vec![Scope::Diary, Scope::Questionnaires]);
        let codes = |r: Result<NewShare, Invalid>| {
            r.unwrap_err().problems().iter().map(|p| p.code).collect::<Vec<_>>()
        };
        assert_eq!(
            codes(parse_share(&[], "2026-09-01", "2026-12-06", "2027-01-05", false, today)),
            ["share-scopes"]
        );
        assert_eq!(
            codes(parse_share(
                &["diary", "everything"],
                "2026-09-01",
                "2026-12-06",
                "2027-01-05",
                false,
                today
            )),
            ["share-scopes"]
        );
        assert_eq!(
            codes(parse_share(&["diary"], "2026-12-07", "2026-12-01", "2028-01-05", false, today)),
            ["share-period", "share-until"],
            "every problem at once"
        );
        assert_eq!(
            codes(parse_share(&["thoughts"], "soon", "2026-12-06", "2026-12-05", false, today)),
            ["date-invalid", "share-until"]
        );
    }

    #[test]
    fn a_suggestion_names_what_it_suggests() {
        let known = |s: &str| s == "slow-breathing";
        assert_eq!(
            parse_suggestion("skill", " Try it before bed ", "slow-breathing", ("", "", ""), known).unwrap(),
            Suggestion::Skill { slug: "slow-breathing".into(), body: "Try it before bed".into() }
        );
        assert_eq!(
            parse_suggestion("experiment", "", "", ("  Heat   pad ", "pain", ""), known).unwrap(),
            Suggestion::Experiment {
                strategy: "Heat pad".into(),
                outcome: Outcome::Pain,
                body: String::new()
            }
        );
        let codes = |r: Result<Suggestion, Invalid>| {
            r.unwrap_err().problems().iter().map(|p| p.code).collect::<Vec<_>>()
        };
        assert_eq!(codes(parse_suggestion("note", "  ", "", ("", "", ""), known)), ["coaching-note-empty"]);
        assert_eq!(codes(parse_suggestion("skill", "", "juggling", ("", "", ""), known)), ["coaching-skill"]);
        assert_eq!(
            codes(parse_suggestion("experiment", "", "", ("", "joy", ""), known)),
            ["coaching-strategy", "coaching-outcome"]
        );
        assert_eq!(
            codes(parse_suggestion("note", &"x".repeat(2_001), "", ("", "", ""), known)),
            ["coaching-too-long"]
        );
        assert_eq!(
            codes(parse_suggestion("skill", &"x".repeat(2_001), "nope", ("", "", ""), known)),
            ["coaching-skill", "coaching-too-long"]
        );
        assert_eq!(
            parse_suggestion("goal", "Little and often", "", (" Walk ", "", "minutes"), known).unwrap(),
            Suggestion::Goal {
                activity: "Walk".into(),
                unit: crate::goal::Unit::Minutes,
                body: "Little and often".into()
            }
        );
        assert_eq!(
            codes(parse_suggestion("goal", "", "", ("", "", "miles"), known)),
            ["coaching-strategy", "goal-unit"]
        );
    }

    #[test]
    fn a_code_reads_back_however_it_is_typed() {
        let c = code([0, 1, 2, 3, 30, 31, 62, 255, 100, 7, 8, 9]);
        assert_eq!(c.len(), 14);
        assert_eq!(c.matches('-').count(), 2);
        let typed = c.to_lowercase().replace('-', " ");
        assert_eq!(normalize_code(&typed), Some(c.replace('-', "")));
        assert_eq!(normalize_code("ABCD-EFGH-IJKL"), None, "I and L are never in a code");
        assert_eq!(normalize_code("ABCD"), None);
    }
}
