//! The regression design for one outcome: which days are usable and what each column holds.
//!
//! Columns, in order:
//! - `0..S`: strategy `s` done that day (lag 0); `S..2S`: done the day before (lag 1);
//! - the intercept, a linear trend and a few slow cosine waves (so slow drifts in pain are
//!   not credited to whichever strategies happened to be in fashion), the weekday;
//! - "the day before has no check-in": then yesterday's strategies are unknown; their
//!   columns hold what was probably done given today (`carried_over`) and this indicator
//!   absorbs the rest. (A constant such as the member's usual rate would change nothing —
//!   the indicator absorbs a constant — but "done today" tells something about yesterday:
//!   habits repeat.) So a day is not lost just because the one before is missing;
//! - "not tracked yet" for each strategy added after the diary began: on such days its
//!   columns are 0 and this indicator absorbs the difference, so "not tracked" never counts
//!   as "not done".

use super::linalg::Sparse;
use super::{Diary, Outcome};
use chrono::Datelike;

pub struct Row {
    /// Days since the diary's first day.
    pub day: i64,
    /// Index into `Diary::days`.
    pub checkin: usize,
    pub x: Sparse,
    pub y: f64,
}

pub struct Design {
    pub strategies: usize,
    pub columns: usize,
    pub rows: Vec<Row>,
    /// Per strategy and lag: rows with the strategy, and rows where it was tracked but not done.
    pub with: Vec<[usize; 2]>,
    pub without: Vec<[usize; 2]>,
    /// The linear trend and the slow waves; the weekday columns.
    pub trend: std::ops::Range<usize>,
    pub weekday: std::ops::Range<usize>,
    /// The first indicator column ("day before has no check-in"); the "not tracked yet"
    /// ones follow it.
    pub prev_missing: usize,
}

impl Design {
    /// The design for `outcome`: this one with the outcome's values when it was rated on
    /// exactly the same days (usual: a check-in rates everything), built afresh otherwise.
    pub fn for_outcome(mut self, diary: &Diary, outcome: Outcome) -> Design {
        let mut ys = Vec::with_capacity(self.rows.len());
        let mut rated = diary.days.iter().enumerate().filter_map(|(i, d)| Some((i, outcome.of(&d.ratings)?)));
        for row in &self.rows {
            match rated.next() {
                Some((i, y)) if i == row.checkin => ys.push(y),
                _ => return build(diary, outcome),
            }
        }
        if rated.next().is_some() {
            return build(diary, outcome);
        }
        self.rows.iter_mut().zip(ys).for_each(|(row, y)| row.y = y);
        self
    }

    /// Columns that are not strategy effects (intercept, trend, weekday, indicators).
    pub fn nuisance(&self) -> std::ops::Range<usize> {
        2 * self.strategies..self.columns
    }
}

/// How many slow cosine waves describe the trend: about one per two months of diary.
fn trend_waves(span: i64) -> usize {
    usize::try_from(span / 60).unwrap_or(0).clamp(1, 6)
}

pub fn build(diary: &Diary, outcome: Outcome) -> Design {
    let s_count = diary.strategies.len();
    let (Some(first), Some(last)) = (diary.days.first(), diary.days.last()) else {
        return Design {
            strategies: s_count,
            columns: 2 * s_count,
            rows: vec![],
            with: vec![],
            without: vec![],
            trend: 0..0,
            weekday: 0..0,
            prev_missing: 2 * s_count,
        };
    };
    let first = first.date;
    let span = (last.date - first).num_days() + 1;
    // Check-in index by day offset (a table, not a hash map: this runs for every day).
    let mut by_day = vec![None; usize::try_from(span).unwrap_or(0)];
    for (i, d) in diary.days.iter().enumerate() {
        if let Some(slot) = usize::try_from((d.date - first).num_days()).ok().and_then(|o| by_day.get_mut(o))
        {
            *slot = Some(i);
        }
    }
    // Flat tables, so the loops below ask "done?" and "tracked?" in constant time.
    let first_tracked: Vec<usize> = diary
        .strategies
        .iter()
        .map(|t| t.tracked_from.map_or(0, |from| diary.days.partition_point(|d| d.date < from)))
        .collect();
    let tracked = |s: usize, checkin: usize| first_tracked.get(s).is_some_and(|&f| checkin >= f);
    let mut done_table = vec![false; diary.days.len() * s_count];
    for (i, d) in diary.days.iter().enumerate() {
        for &s in &d.done {
            if let Some(cell) = done_table.get_mut(i * s_count + s) {
                *cell = s < s_count;
            }
        }
    }
    let done = |s: usize, checkin: usize| done_table.get(checkin * s_count + s).copied().unwrap_or(false);
    let carry = carried_over(diary, &by_day, first, &done, &tracked);
    let waves = trend_waves(span);
    let intercept = 2 * s_count;
    let linear = intercept + 1;
    let wave0 = linear + 1;
    let weekday0 = wave0 + waves;
    let prev_missing = weekday0 + 6;
    let mut columns = prev_missing + 1;
    let mut untracked_col: Vec<Option<usize>> = vec![None; s_count];
    for (s, col) in untracked_col.iter_mut().enumerate() {
        if first_tracked.get(s).is_some_and(|&f| f > 0) {
            *col = Some(columns);
            columns += 1;
        }
    }

    let mut with = vec![[0usize; 2]; s_count];
    let mut without = vec![[0usize; 2]; s_count];
    let mut rows = Vec::new();
    for (i, d) in diary.days.iter().enumerate() {
        let Some(y) = outcome.of(&d.ratings) else { continue };
        let day = (d.date - first).num_days();
        let prev = usize::try_from(day - 1).ok().and_then(|o| by_day.get(o).copied().flatten());
        let mut x: Sparse = Vec::new();
        for s in 0..s_count {
            if tracked(s, i) && done(s, i) {
                x.push((s, 1.0));
            }
        }
        for s in 0..s_count {
            let lag1 = match prev {
                Some(p) if tracked(s, p) => {
                    let done = done(s, p);
                    let counts = if done { &mut with } else { &mut without };
                    if let Some(c) = counts.get_mut(s) {
                        c[1] += 1;
                    }
                    f64::from(u8::from(done))
                }
                // No check-in yesterday, strategy tracked: what was probably done, given today
                // (see `carried_over`), less what it would be if not done today. That part is
                // the same on every such day, so the "day before missing" indicator absorbs it
                // exactly, and the row stays sparse.
                None if done(s, i)
                    && diary.strategies.get(s).is_some_and(|t| t.tracked_from.is_none_or(|f| f < d.date)) =>
                {
                    carry.get(s).map_or(0.0, |c| c[1] - c[0])
                }
                // Not tracked yesterday: the "not tracked" indicator carries it.
                _ => 0.0,
            };
            if lag1 != 0.0 {
                x.push((s_count + s, lag1));
            }
            if tracked(s, i) {
                let counts = if done(s, i) { &mut with } else { &mut without };
                if let Some(c) = counts.get_mut(s) {
                    c[0] += 1;
                }
            } else if let Some(&Some(c)) = untracked_col.get(s) {
                x.push((c, 1.0));
            }
        }
        let position = (day as f64 + 0.5) / span as f64;
        x.push((intercept, 1.0));
        x.push((linear, 2.0 * position - 1.0));
        for k in 0..waves {
            x.push((wave0 + k, (std::f64::consts::PI * (k + 1) as f64 * position).cos()));
        }
        let weekday = d.date.weekday().num_days_from_monday() as usize;
        if weekday > 0 {
            x.push((weekday0 + weekday - 1, 1.0));
        }
        if prev.is_none() {
            x.push((prev_missing, 1.0));
        }
        x.sort_unstable_by_key(|&(c, _)| c);
        rows.push(Row { day, checkin: i, x, y });
    }
    Design {
        strategies: s_count,
        columns,
        rows,
        with,
        without,
        trend: linear..weekday0,
        weekday: weekday0..weekday0 + 6,
        prev_missing,
    }
}

/// For each strategy, the chance it was done the day before given that it was not (`[0]`) or
/// was (`[1]`) done today, from the diary's consecutive check-ins (shrunk towards the
/// strategy's overall rate by two days' worth of prior).
///
/// Members repeat habits, so "done yesterday" and "done today" go together. Leaving an
/// unknown yesterday at 0 would let the next-day effect of a habit leak into its same-day
/// estimate on every day after a missed check-in — a bias that grows with the diary.
/// Filling in the expected value given today removes that leak.
fn carried_over(
    diary: &Diary,
    by_day: &[Option<usize>],
    first: chrono::NaiveDate,
    done: &impl Fn(usize, usize) -> bool,
    tracked: &impl Fn(usize, usize) -> bool,
) -> Vec<[f64; 2]> {
    // Per strategy: [today not done, today done] × [yesterday done, pairs].
    let mut pairs = vec![[[0usize; 2]; 2]; diary.strategies.len()];
    let mut rate = vec![[0usize; 2]; diary.strategies.len()];
    for (i, d) in diary.days.iter().enumerate() {
        let offset = (d.date - first).num_days();
        let prev = usize::try_from(offset - 1).ok().and_then(|o| by_day.get(o).copied().flatten());
        for (s, (pair, r)) in pairs.iter_mut().zip(rate.iter_mut()).enumerate() {
            if !tracked(s, i) {
                continue;
            }
            let today = done(s, i);
            *r = [r[0] + usize::from(today), r[1] + 1];
            if let Some(p) = prev.filter(|&p| tracked(s, p)) {
                if let Some(cell) = pair.get_mut(usize::from(today)) {
                    *cell = [cell[0] + usize::from(done(s, p)), cell[1] + 1];
                }
            }
        }
    }
    pairs
        .iter()
        .zip(&rate)
        .map(|(pair, &[k, n])| {
            let overall = (k as f64 + 0.5) / (n as f64 + 1.0);
            pair.map(|[yes, all]| (yes as f64 + 2.0 * overall) / (all as f64 + 2.0))
        })
        .collect()
}
