//! "What helps me" for members: runs the agency engine on a member's diary and keeps the
//! result, so the insights page never waits for the analysis.
//!
//! Each result is keyed by the member's diary revision (bumped by the store with every
//! change), so a stale result is never shown, whichever app server took the change. A page
//! view whose result is missing or stale computes it (a few milliseconds per year of diary,
//! off the async threads). After a change made through this server, members who have a
//! result are recomputed in the background, so their next view is a hit. The cache is
//! bounded; it holds results only, never the diary itself.

use crate::diary::strategy_name;
use crate::error::{ServiceError, ServiceResult};
use crate::experiments;
use crate::i18n::Tr;
use crate::kept::Kept;
use chrono::NaiveDate;
use foothold_core::agency::{self, Diary, Outcome, Report, Tracked};
use foothold_core::experiment::ExperimentId;
use foothold_core::strategy::{Category, StrategyId};
use foothold_store::{CheckIn, Store, UserId};
use std::collections::HashMap;
use std::sync::Arc;

/// Members whose results are kept. A year of diary with 15 strategies is about 20 KB.
const CAPACITY: usize = 2_048;
/// Bins of a 0–10 outcome.
pub const BINS: usize = 11;

/// How often each value (0–10, PEG rounded) of an outcome came on days with a strategy and
/// days without it (`[with, without]`), for the small chart beside a card.
pub type Spread = [[u32; BINS]; 2];

/// One member's analysis.
pub struct Insight {
    pub revision: i64,
    /// The language of `names`.
    pub lang: String,
    pub report: Report,
    /// Days with at least one check-in.
    pub days: usize,
    /// The display name of every strategy in `report` (which knows them only by id, so two
    /// strategies that share a name never merge).
    pub names: HashMap<StrategyId, String>,
    /// The medication strategies among them: never offered as "Test it".
    pub medication: Vec<StrategyId>,
    /// For every effect labelled `likely_helps` or `likely_worse`: (strategy, outcome, lag)
    /// → spread.
    pub spreads: HashMap<(StrategyId, Outcome, u8), Spread>,
    /// Results of finished experiments the member chose to keep ("proven for me").
    pub proven: Vec<Proven>,
}

/// A kept experiment's result, in the words of its two conditions.
pub struct Proven {
    pub id: ExperimentId,
    pub a: String,
    pub b: String,
    /// The strategy of condition A, and whether B was "without it".
    pub strategy_a: StrategyId,
    pub without: bool,
    pub outcome: Outcome,
    /// mean(A) − mean(B).
    pub estimate: f64,
    /// 90 % interval of `estimate`.
    pub interval: [f64; 2],
    pub p_benefit: f64,
    /// A was better at the experiments' decision threshold.
    pub helps: bool,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Insight {
    /// A strategy's name as the member sees it.
    pub fn name(&self, id: StrategyId) -> &str {
        self.names.get(&id).map_or("", String::as_str)
    }
}

pub struct Insights {
    /// By member and language (strategy names in a report are in one language).
    kept: Kept<(UserId, String), Insight>,
}

impl Default for Insights {
    fn default() -> Self {
        Self { kept: Kept::new(CAPACITY) }
    }
}

impl Insights {
    /// The member's current analysis, computed now if there is none for this revision.
    pub async fn get(&self, store: &Store, user: UserId, tr: &Tr) -> ServiceResult<Arc<Insight>> {
        self.get_at(store, user, tr, store.diary_revision(user).await?).await
    }

    /// The same, for a caller that has just read the member's diary revision.
    pub async fn get_at(
        &self,
        store: &Store,
        user: UserId,
        tr: &Tr,
        revision: i64,
    ) -> ServiceResult<Arc<Insight>> {
        match self.kept.get(&(user, tr.lang()), revision) {
            Some(kept) => Ok(kept),
            None => self.compute(store, user, tr, revision).await,
        }
    }

    /// After a change to a member's diary through this server: recompute in the background
    /// if the member has a result (members who never look at insights cost nothing).
    pub fn changed(self: &Arc<Self>, store: &Store, user: UserId, tr: &Tr) {
        if !self.kept.has(&(user, tr.lang())) {
            return;
        }
        let (this, store, tr) = (Arc::clone(self), store.clone(), tr.clone());
        tokio::spawn(async move {
            let refreshed =
                async { this.compute(&store, user, &tr, store.diary_revision(user).await?).await };
            if let Err(e) = refreshed.await {
                tracing::warn!(error = %e, "background re-analysis failed");
            }
        });
    }

    async fn compute(
        &self,
        store: &Store,
        user: UserId,
        tr: &Tr,
        revision: i64,
    ) -> ServiceResult<Arc<Insight>> {
        let checkins = store.checkins(user, first_day(), last_day()).await?;
        let used: Vec<_> = store.strategies(user).await?.into_iter().filter(|s| s.uses > 0).collect();
        let medication = used.iter().filter(|s| s.category == Category::Medication).map(|s| s.id).collect();
        let named: Vec<(StrategyId, String, NaiveDate)> =
            used.iter().map(|s| (s.id, strategy_name(tr, s), s.tracked_from)).collect();
        let lang = tr.lang();
        let mut insight = tokio::task::spawn_blocking(move || analyse(revision, lang, &named, &checkins))
            .await
            .map_err(|_| ServiceError::Internal)?;
        insight.proven = proven(store, user, tr).await?;
        insight.medication = medication;
        let insight = Arc::new(insight);
        self.kept.put((user, insight.lang.clone()), revision, Arc::clone(&insight));
        Ok(insight)
    }
}

/// Earlier than any diary day (and inside every database's date range).
fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default()
}

/// Later than any diary day (which is never after the member's today).
fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default()
}

/// Runs the engine. `named`: (id, display name, tracked from) of the strategies ever used.
fn analyse(
    revision: i64,
    lang: String,
    named: &[(StrategyId, String, NaiveDate)],
    checkins: &[CheckIn],
) -> Insight {
    let index: HashMap<StrategyId, usize> = named.iter().enumerate().map(|(i, (id, ..))| (*id, i)).collect();
    let mut first_use: Vec<Option<NaiveDate>> = vec![None; named.len()];
    let days: Vec<agency::Day> = checkins
        .iter()
        .map(|c| {
            let done: Vec<usize> = c.strategies.iter().filter_map(|id| index.get(id).copied()).collect();
            for &i in &done {
                if let Some(f) = first_use.get_mut(i) {
                    *f = Some(f.map_or(c.day, |f| f.min(c.day)));
                }
            }
            agency::Day { date: c.day, ratings: c.ratings, done }
        })
        .collect();
    // An imported diary can use a strategy before the day the member's list gained it.
    let strategies = named
        .iter()
        .zip(&first_use)
        .map(|((id, _, from), first)| Tracked {
            id: *id,
            tracked_from: Some(first.map_or(*from, |f| f.min(*from))),
        })
        .collect();
    let diary = Diary { strategies, days };
    let report = agency::analyze(&diary);
    let spreads = report
        .results
        .iter()
        .filter(|e| matches!(e.label, agency::Label::LikelyHelps | agency::Label::LikelyWorse))
        .filter_map(|e| {
            let s = diary.strategies.iter().position(|t| t.id == e.strategy)?;
            Some(((e.strategy, e.outcome, e.lag), spread(&diary, s, e.outcome, e.lag)))
        })
        .collect();
    Insight {
        revision,
        lang,
        days: diary.days.len(),
        names: named.iter().map(|(id, name, _)| (*id, name.clone())).collect(),
        report,
        spreads,
        proven: Vec::new(),
        medication: Vec::new(),
    }
}

/// The kept experiments with their results (keeping one bumps the diary revision).
async fn proven(store: &Store, user: UserId, tr: &Tr) -> ServiceResult<Vec<Proven>> {
    let mut out = Vec::new();
    for e in experiments::load_all(store, tr, user).await?.into_iter().filter(|e| e.stored.kept) {
        if let Ok(r) = experiments::result(store, user, &e).await?.analysis.as_randomised {
            out.push(Proven {
                id: e.stored.id,
                outcome: e.course.design.outcome,
                strategy_a: e.stored.plan.strategy_a,
                without: e.stored.plan.strategy_b.is_none(),
                estimate: r.estimate,
                interval: r.interval,
                p_benefit: r.p_benefit,
                helps: r.conclusion() == foothold_core::experiment::Conclusion::LikelyHelps,
                start: e.course.design.start,
                end: e.course.last_day(),
                a: e.labels.0,
                b: e.labels.1,
            });
        }
    }
    Ok(out)
}

/// The outcome's values on days with strategy `s` done `lag` days before, and without. Days
/// whose status is unknown (the day before missing, or not tracked yet) are left out, as in
/// the engine.
fn spread(diary: &Diary, s: usize, outcome: Outcome, lag: u8) -> Spread {
    let by_date: HashMap<NaiveDate, &agency::Day> = diary.days.iter().map(|d| (d.date, d)).collect();
    let from = diary.strategies.get(s).and_then(|t| t.tracked_from);
    let mut out = [[0; BINS]; 2];
    for day in &diary.days {
        let Some(y) = outcome.of(&day.ratings) else { continue };
        let then = day.date - chrono::Duration::days(i64::from(lag));
        let Some(source) = by_date.get(&then) else { continue };
        if from.is_some_and(|f| then < f) {
            continue;
        }
        let row = usize::from(!source.done.contains(&s));
        let bin = (y.round().clamp(0.0, 10.0)) as usize;
        if let Some(count) = out.get_mut(row).and_then(|r| r.get_mut(bin)) {
            *count += 1;
        }
    }
    out
}
