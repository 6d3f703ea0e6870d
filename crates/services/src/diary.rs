//! The daily check-in as members (pages and API) use it: the member's own "today", form
//! parsing with every problem reported at once, and saving with optimistic concurrency.

use crate::clock::Clock;
use crate::error::{ServiceError, ServiceResult};
use crate::goals;
use crate::i18n::Tr;
use chrono::{NaiveDate, Utc};
use chrono_tz::Tz;
use foothold_core::checkin::{self, Ratings, Score};
use foothold_core::experiment::ExperimentId;
use foothold_core::goal::{self, GoalId};
use foothold_core::strategy::StrategyId;
use foothold_core::Invalid;
use foothold_store::{CheckIn, CheckInWrite, Store, StoreError, Strategy, User, UserId};

/// Today's date where the member lives.
pub fn today(time_zone: Tz) -> NaiveDate {
    Utc::now().with_timezone(&time_zone).date_naive()
}

/// The display name of a strategy in the member's language.
pub fn strategy_name(tr: &Tr, s: &Strategy) -> String {
    match (&s.name, &s.builtin_key) {
        // A goal's activity may share its name with a strategy ("Walk"): say which is which.
        (Some(name), _) if s.category == foothold_core::strategy::Category::Goal => {
            tr.ta("strategy-goal-name", &[("name", name)])
        }
        (Some(name), _) => name.clone(),
        (None, Some(key)) => tr.t(&format!("strategy-{key}")),
        (None, None) => String::new(),
    }
}

/// A check-in as submitted, still unparsed (so a failed form can be shown again as typed).
#[derive(Debug, Default, Clone)]
pub struct Submitted {
    pub day: String,
    pub scores: [(&'static str, String); 7],
    pub strategies: Vec<String>,
    pub new_strategy: String,
    pub note: String,
    /// "Today is a flare" (the form's checkbox sends `flare=yes`).
    pub flare: bool,
    pub version: String,
    /// Answers to "did you follow your experiment's plan?", by experiment id: `yes`, `no`
    /// or empty.
    pub followed: Vec<(ExperimentId, String)>,
    /// Amounts typed for goals still gathering their baseline, by goal id (empty takes the
    /// day's amount back).
    pub goal_amounts: Vec<(GoalId, String)>,
}

pub const SCORE_FIELDS: [&str; 7] =
    ["pain", "peg_pain", "peg_enjoyment", "peg_activity", "mood", "sleep", "control"];

impl Submitted {
    /// From `application/x-www-form-urlencoded` pairs; `strategy` may repeat.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut s = Self { scores: SCORE_FIELDS.map(|f| (f, String::new())), ..Self::default() };
        for (k, v) in pairs {
            match k.as_str() {
                "day" => s.day = v,
                "strategy" => s.strategies.push(v),
                "new_strategy" => s.new_strategy = v,
                "note" => s.note = v,
                "flare" => s.flare = v == "yes",
                "version" => s.version = v,
                other if other.starts_with("goal-amount-") => {
                    if let Ok(id) = other.trim_start_matches("goal-amount-").parse() {
                        s.goal_amounts.push((GoalId(id), v));
                    }
                }
                other if other.starts_with("followed-") => {
                    if let Ok(id) = other.trim_start_matches("followed-").parse() {
                        s.followed.push((ExperimentId(id), v));
                    }
                }
                other => {
                    if let Some(slot) = s.scores.iter_mut().find(|(f, _)| *f == other) {
                        slot.1 = v;
                    }
                }
            }
        }
        s
    }

    /// The form as it shows a saved check-in.
    pub fn from_saved(c: &CheckIn) -> Self {
        let r = c.ratings;
        let values = [r.pain, r.peg_pain, r.peg_enjoyment, r.peg_activity, r.mood, r.sleep, r.control];
        let mut scores = SCORE_FIELDS.map(|f| (f, String::new()));
        for (slot, v) in scores.iter_mut().zip(values) {
            slot.1 = v.map(|s| s.value().to_string()).unwrap_or_default();
        }
        Self {
            day: c.day.to_string(),
            scores,
            strategies: c.strategies.iter().map(ToString::to_string).collect(),
            new_strategy: String::new(),
            note: c.note.clone().unwrap_or_default(),
            flare: c.flare,
            version: c.version.to_string(),
            followed: Vec::new(),
            goal_amounts: Vec::new(),
        }
    }

    pub fn score(&self, field: &str) -> &str {
        self.scores.iter().find(|(f, _)| *f == field).map_or("", |(_, v)| v.as_str())
    }
}

/// Validates and saves a submitted check-in. Nothing is written unless all of it is valid.
pub async fn save(store: &Store, clock: &Clock, user: &User, form: &Submitted) -> ServiceResult<CheckIn> {
    let today = clock.today(user.time_zone);
    let day = checkin::parse_day(&form.day, today);
    let mut scores: Vec<Result<Option<Score>, Invalid>> =
        form.scores.iter().map(|(field, v)| Score::parse_field(v, field)).collect();
    let note = checkin::parse_note(&form.note);
    let ids: Result<Vec<StrategyId>, Invalid> = form
        .strategies
        .iter()
        .map(|s| s.trim().parse().map(StrategyId).map_err(|_| Invalid::one("strategies", "strategy-unknown")))
        .collect();
    let too_many = if form.strategies.len() > checkin::STRATEGIES_PER_DAY_MAX {
        Err(Invalid::one("strategies", "strategies-too-many"))
    } else {
        Ok(())
    };
    let new_name = match form.new_strategy.trim() {
        "" => Ok(None),
        name => checkin::parse_strategy_name(name)
            .map(Some)
            .map_err(|_| Invalid::one("new_strategy", "strategy-name-invalid")),
    };
    let version = match form.version.trim() {
        "" => Ok(None),
        v => v.parse::<i64>().map(Some).map_err(|_| Invalid::one("version", "bad-request")),
    };
    let goal_amounts: Result<Vec<(GoalId, Option<u32>)>, Invalid> =
        if form.goal_amounts.len() > GOALS_PER_FORM_MAX {
            Err(Invalid::one("goal_amount", "bad-request"))
        } else {
            form.goal_amounts
                .iter()
                .map(|(id, v)| match v.trim() {
                    "" => Ok((*id, None)),
                    v => goal::parse_amount(v)
                        .map(|a| (*id, Some(a)))
                        .map_err(|_| Invalid::one("goal_amount", "goal-amount-range")),
                })
                .collect()
        };
    let mut problems = Vec::new();
    Invalid::gather(&mut problems, &goal_amounts);
    Invalid::gather(&mut problems, &day);
    for s in &scores {
        Invalid::gather(&mut problems, s);
    }
    Invalid::gather(&mut problems, &note);
    Invalid::gather(&mut problems, &ids);
    Invalid::gather(&mut problems, &too_many);
    Invalid::gather(&mut problems, &new_name);
    Invalid::gather(&mut problems, &version);
    if let Some(invalid) = Invalid::from_problems(problems) {
        return Err(ServiceError::Invalid(invalid));
    }
    let (Ok(day), Ok(note), Ok(mut ids), Ok(new_name), Ok(expected_version), Ok(goal_amounts)) =
        (day, note, ids, new_name, version, goal_amounts)
    else {
        return Err(ServiceError::Internal);
    };
    let mut values = scores.drain(..).map(|s| s.ok().flatten());
    let mut next = || values.next().flatten();
    let ratings = Ratings {
        pain: next(),
        peg_pain: next(),
        peg_enjoyment: next(),
        peg_activity: next(),
        mood: next(),
        sleep: next(),
        control: next(),
    };
    if let Some(name) = new_name {
        ids.push(own_strategy(store, user.id, &name, today).await?);
    }
    let write = CheckInWrite {
        day,
        ratings,
        note: note.as_deref(),
        flare: form.flare,
        strategies: &ids,
        expected_version,
    };
    let saved = store.save_checkin(user.id, &write).await?;
    goals::follow_checkin(store, user.id, &saved, &goal_amounts).await?;
    Ok(saved)
}

/// A form names at most this many goals: far more than anyone keeps at once.
const GOALS_PER_FORM_MAX: usize = 50;

/// The id of the member's strategy with this name, created if they have none.
pub async fn own_strategy(
    store: &Store,
    user: UserId,
    name: &str,
    today: NaiveDate,
) -> ServiceResult<StrategyId> {
    match store.create_strategy(user, name, today).await {
        Ok(s) => Ok(s.id),
        Err(StoreError::Conflict(foothold_store::Conflict::StrategyName)) => store
            .strategies(user)
            .await?
            .into_iter()
            .find(|s| s.name.as_deref().is_some_and(|n| n.to_lowercase() == name.to_lowercase()))
            .map(|s| s.id)
            .ok_or(ServiceError::Internal),
        Err(e) => Err(e.into()),
    }
}
