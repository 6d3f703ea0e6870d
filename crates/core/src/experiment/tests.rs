#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]
use super::analysis::estimate;
use super::design::{first_of_pair, parse_outcome};
use super::*;
use crate::agency::Outcome;
use crate::simulate::Rng;
use crate::strategy::StrategyId;
use chrono::Duration;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn walk() -> Comparison {
    Comparison::WithWithout { strategy: StrategyId(1) }
}

fn design(pairs: u32, period: u32, washout: u32, seed: u64) -> Design {
    Design::new(walk(), Outcome::Pain, period, pairs, washout, seed, start()).unwrap()
}

fn codes(e: crate::Invalid) -> Vec<&'static str> {
    e.problems().iter().map(|p| p.code).collect()
}

#[test]
fn every_pair_has_one_a_and_one_b_period_of_the_planned_length() {
    let mut rng = Rng::new(7);
    for _ in 0..300 {
        let (pairs, period) = (rng.range(2, 8) as u32, rng.range(3, 28) as u32);
        let washout = rng.range(0, u64::from(period - 2)) as u32;
        let Ok(d) = Design::new(walk(), Outcome::Pain, period, pairs, washout, rng.next_u64(), start())
        else {
            continue;
        };
        let plan = d.schedule();
        assert_eq!(plan.len() as u32, 2 * pairs * period);
        assert_eq!(plan.last().unwrap().date, d.end());
        for pair in 1..=pairs {
            let of = |p: u32| plan.iter().filter(|x| x.period == p).collect::<Vec<_>>();
            let (first, second) = (of(2 * pair - 1), of(2 * pair));
            assert_eq!((first.len() as u32, second.len() as u32), (period, period));
            assert!(first.iter().all(|x| x.condition == first[0].condition));
            assert!(second.iter().all(|x| x.condition == first[0].condition.other()));
            assert_eq!(first.iter().filter(|x| x.washout).count() as u32, washout);
            assert!(first.iter().take(washout as usize).all(|x| x.washout));
        }
        assert!(plan.windows(2).all(|w| w[1].date == w[0].date + Duration::days(1)));
    }
}

#[test]
fn the_same_seed_gives_the_same_plan_and_seeds_differ() {
    assert_eq!(design(3, 7, 1, 42).schedule(), design(3, 7, 1, 42).schedule());
    let codes: std::collections::HashSet<String> =
        (0..200).map(|s| design(4, 7, 0, s).order_code()).collect();
    // 4 pairs have 16 possible orders; 200 seeds should meet nearly all of them.
    assert!(codes.len() >= 14, "{codes:?}");
    // A stored seed must give the same plan in every version of Foothold.
    assert_eq!(design(6, 7, 0, 20_260_302).order_code(), "BA AB BA BA BA BA");
    let pinned: Vec<Condition> = (1..=6).map(|p| first_of_pair(20_260_302, p)).collect();
    assert_eq!(pinned, design(6, 7, 0, 20_260_302).orders());
}

#[test]
fn about_half_the_pairs_start_with_a() {
    let (mut a, mut all) = (0, 0);
    for seed in 0..2_000u64 {
        for first in design(3, 7, 0, seed).orders() {
            all += 1;
            a += usize::from(first == Condition::A);
        }
    }
    let share = a as f64 / all as f64;
    // 6,000 fair coin flips: a standard error of 0.65 %; ±3 % is over four of them.
    assert!((0.47..=0.53).contains(&share), "{share}");
}

#[test]
fn the_plan_answers_for_any_date() {
    let d = design(2, 7, 2, 5);
    assert_eq!(d.on(start() - Duration::days(1)), None);
    assert_eq!(d.on(d.end() + Duration::days(1)), None);
    let first = d.on(start()).unwrap();
    assert!(first.washout && first.period == 1);
    assert_eq!(d.on(start() + Duration::days(7)).unwrap().condition, first.condition.other());
    assert_eq!(d.end(), start() + Duration::days(27));
}

#[test]
fn bad_designs_are_refused_with_reasons() {
    let new = |period, pairs, washout| {
        Design::new(walk(), Outcome::Pain, period, pairs, washout, 1, start()).map_err(codes)
    };
    assert_eq!(new(2, 3, 0).unwrap_err(), ["experiment-period-range"]);
    assert_eq!(new(7, 1, 0).unwrap_err(), ["experiment-pairs-range"]);
    assert_eq!(new(7, 9, 0).unwrap_err(), ["experiment-pairs-range"]);
    assert_eq!(new(7, 3, 6).unwrap_err(), ["experiment-washout-too-long"]);
    // 2 pairs × (3 − 1) days = 4 analysed days per condition: too few to say anything.
    assert_eq!(new(3, 2, 1).unwrap_err(), ["experiment-too-short"]);
    assert!(new(3, 3, 1).is_ok());
    let same = Comparison::AVersusB { a: StrategyId(4), b: StrategyId(4) };
    let e = Design::new(same, Outcome::Pain, 7, 3, 0, 1, start()).map_err(codes).unwrap_err();
    assert_eq!(e, ["experiment-same-strategies"]);
    let two = Comparison::AVersusB { a: StrategyId(4), b: StrategyId(5) };
    assert!(Design::new(two, Outcome::Pain, 7, 3, 0, 1, start()).is_ok());
}

#[test]
fn the_form_reports_every_problem_and_fills_defaults() {
    let form = DesignForm {
        strategy: StrategyId(1),
        versus: None,
        outcome: "",
        period_days: "",
        pairs: "",
        washout_days: "",
        start: "2026-03-02",
    };
    let d = Design::parse(&form, 9).unwrap();
    assert_eq!((d.period_days, d.pairs, d.washout_days, d.outcome), (7, 3, 0, Outcome::Pain));
    assert_eq!(d.comparison, walk());
    let bad = DesignForm {
        versus: Some(StrategyId(1)),
        outcome: "mod",
        period_days: "x",
        pairs: "12",
        start: "soon",
        ..form
    };
    let e = codes(Design::parse(&bad, 9).unwrap_err());
    for code in [
        "outcome-unknown",
        "day-invalid",
        "number-invalid",
        "experiment-same-strategies",
        "experiment-pairs-range",
    ] {
        assert!(e.contains(&code), "{code} in {e:?}");
    }
    assert_eq!(parse_outcome(" PEG ").unwrap(), Outcome::Peg);
}

/// Days of a default plan with pain `base` and `effect` on A days, and optional noise.
fn days_of(d: &Design, effect: f64, noise: f64, seed: u64) -> Vec<ExperimentDay> {
    let mut rng = Rng::new(seed);
    let observed: Vec<Observed> = d
        .schedule()
        .iter()
        .map(|p| {
            let a = f64::from(u8::from(p.condition == Condition::A));
            let value = (5.0 + effect * a + noise * rng.normal()).round().clamp(0.0, 10.0);
            Observed { date: p.date, value: Some(value), adherence: Adherence::Followed }
        })
        .collect();
    join(d, &observed)
}

fn finite(r: &ExperimentResult) -> bool {
    [r.estimate, r.interval[0], r.interval[1], r.p_benefit, r.p_meaningful].iter().all(|v| v.is_finite())
}

#[test]
fn a_clear_effect_is_found_in_the_right_direction_for_each_outcome() {
    let d = design(3, 7, 1, 3);
    let days = days_of(&d, -2.0, 0.8, 11);
    let r = estimate(&days, Outcome::Pain).unwrap();
    assert!(finite(&r) && r.estimate < -1.0 && r.interval[1] < 0.0, "{r:?}");
    assert!(r.p_benefit > 0.99 && r.p_meaningful > 0.5 && r.conclusion() == Conclusion::LikelyHelps);
    // For mood, higher is better: the same data mean A is worse.
    let mood = estimate(&days, Outcome::Mood).unwrap();
    assert!(mood.p_benefit < 0.01 && mood.conclusion() == Conclusion::LikelyWorse);
    assert_eq!(r.n_days_used, 36);
    assert_eq!(r.period_means.len(), 6);
    assert!(r.period_means.iter().all(|p| p.days == 6 && p.mean.is_some()));
    let paired = r.paired.unwrap();
    assert!(paired.estimate < -1.0 && paired.interval[0] <= paired.estimate && paired.pairs == 3);
}

#[test]
fn hopeless_data_give_a_reason_not_a_nan() {
    let d = design(3, 7, 0, 4);
    let none = join(&d, &[]);
    assert_eq!(estimate(&none, Outcome::Pain).unwrap_err(), NotAnalysable::NoDays);
    let constant = days_of(&d, 0.0, 0.0, 1);
    assert_eq!(estimate(&constant, Outcome::Pain).unwrap_err(), NotAnalysable::ConstantOutcome);
    let only_a: Vec<ExperimentDay> =
        days_of(&d, 0.0, 1.0, 2).into_iter().filter(|x| x.condition == Condition::A).collect();
    assert_eq!(estimate(&only_a, Outcome::Pain).unwrap_err(), NotAnalysable::TooFewDays(Condition::B));
    // A constant condition difference with no other variation is still a result.
    let steps = days_of(&d, -3.0, 0.0, 1);
    let r = estimate(&steps, Outcome::Pain).unwrap();
    assert!(finite(&r) && r.estimate < -2.0, "{r:?}");
    // Extreme values and single rated days in a period stay finite.
    let mut sparse = days_of(&d, 0.0, 30.0, 3);
    for (i, x) in sparse.iter_mut().enumerate() {
        if i % 3 != 0 {
            x.value = None;
        }
    }
    let r = estimate(&sparse, Outcome::Pain).unwrap();
    assert!(finite(&r), "{r:?}");
}

#[test]
fn per_protocol_appears_only_when_the_plan_was_not_followed() {
    let d = design(3, 7, 0, 8);
    let mut days = days_of(&d, -1.0, 1.0, 5);
    let a = analyse(&days, Outcome::Pain);
    assert!(a.per_protocol.is_none() && a.as_randomised.is_ok());
    for x in days.iter_mut().filter(|x| x.condition == Condition::A).take(4) {
        x.adherence = Adherence::NotFollowed;
    }
    let a = analyse(&days, Outcome::Pain);
    assert_eq!((a.counts.not_followed, a.counts.followed), (4, 38));
    let pp = a.per_protocol.unwrap().unwrap();
    assert_eq!(pp.n_days_used, 38);
    assert_eq!(a.as_randomised.unwrap().n_days_used, 42);
}

#[test]
fn the_result_serialises_with_exactly_the_documented_keys() {
    let r = estimate(&days_of(&design(3, 7, 0, 2), -1.0, 1.0, 3), Outcome::Pain).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    let expected =
        ["estimate", "interval", "n_days_used", "p_benefit", "p_meaningful", "paired", "period_means"];
    assert_eq!(keys, expected);
    assert_eq!(json["interval"].as_array().unwrap().len(), 2);
    let paired: Vec<&String> = json["paired"].as_object().unwrap().keys().collect();
    assert_eq!(paired, ["estimate", "interval"]);
    assert_eq!(json["period_means"][0].as_object().unwrap().len(), 4);
}

const HEADER: &str = "date,pain,strategies,note,condition,period,washout,followed\n";

#[test]
fn the_csv_is_read_and_analysed() {
    let d = design(3, 7, 1, 6);
    let mut text = HEADER.to_owned();
    for (p, x) in d.schedule().iter().zip(days_of(&d, -2.0, 0.8, 6)) {
        let pain = x.value.map(|v| v.to_string()).unwrap_or_default();
        let washout = if p.washout { "true" } else { "" };
        let note = if p.period == 2 { "\"two\nlines\"" } else { "" };
        text +=
            &format!("{},{pain},walk,{note},{},{},{washout},true\n", p.date, p.condition.as_str(), p.period);
    }
    let today = start() + Duration::days(60);
    let rows = csv::parse(text.as_bytes(), today).unwrap();
    assert_eq!(rows.len(), 42);
    let a = csv::analyse_csv(text.as_bytes(), today, Outcome::Pain).unwrap();
    let r = a.as_randomised.unwrap();
    assert!(r.conclusion() == Conclusion::LikelyHelps && r.n_days_used == 36, "{r:?}");
    assert_eq!(a.counts.washout, 6);
}

#[test]
fn csv_problems_keep_their_lines_and_columns() {
    let text = format!(
        "{HEADER}2026-03-02,4,,\"a\nnote\",A,1,,\n2026-03-03,11,,,C,1,maybe,x\n2026-03-04,4,,,B,1,false,\n\
         2026-03-05,4,,,A,0,,\n"
    );
    let errors = csv::parse(text.as_bytes(), start() + Duration::days(9)).unwrap_err();
    let found: Vec<(u64, &str, &str)> = errors.iter().map(|e| (e.line, e.column.as_str(), e.code)).collect();
    assert_eq!(
        found,
        [
            (4, "condition", "csv-condition-invalid"),
            (4, "washout", "csv-washout-invalid"),
            (4, "followed", "csv-followed-invalid"),
            (4, "pain", "score-range"),
            (5, "condition", "csv-period-mixed"),
            (6, "period", "csv-period-invalid"),
        ]
    );
    let missing = csv::parse(b"date,pain\n2026-03-02,4\n", start()).unwrap_err();
    assert_eq!(missing.iter().map(|e| e.code).collect::<Vec<_>>(), ["csv-missing-column"; 2]);
    let unknown = csv::parse(b"date,pian,condition,period\n2026-03-02,4,A,1\n", start()).unwrap_err();
    assert_eq!((unknown[0].line, unknown[0].code), (1, "csv-unknown-column"));
}

/// The calibration targets, on 7 × 300 simulated default experiments; the figures
/// are printed by `cargo run --release -p foothold-core --example calibrate_experiment`.
#[test]
fn the_analysis_is_calibrated_on_simulated_experiments() {
    let c = calibration::run(300, 0, 1);
    println!("{c}");
    assert!(c.by_effect.iter().map(|b| b.runs).sum::<usize>() >= 2_100);
    assert!(c.analysed_share() > 0.99, "{c}");
    assert!((0.85..=0.95).contains(&c.coverage()), "{c}");
    assert!(c.false_helps() <= 0.05, "{c}");
    // Power is reported, not a target: about 45 % for a 1-point effect with this design.
    assert!(c.power_1() >= 0.35, "{c}");
    assert!(c.by_effect.iter().all(|b| (b.sum_estimate / b.analysed as f64 - b.truth).abs() < 0.5), "{c}");
}

fn course(events: &[(Action, i64)]) -> Course {
    let design = design(3, 7, 0, 11);
    let events =
        events.iter().map(|&(action, day)| Event { action, day: start() + Duration::days(day) }).collect();
    Course { design, events }
}

#[test]
fn a_course_moves_from_planned_to_running_to_finished() {
    let c = course(&[]);
    let day = |n: i64| start() + Duration::days(n);
    assert_eq!(c.status(day(-1)), Status::Planned);
    assert_eq!(c.status(day(0)), Status::Running);
    assert_eq!(c.status(day(41)), Status::Running);
    assert_eq!(c.status(day(42)), Status::Finished);
    assert_eq!(c.check(Action::Pause, day(-1)), Err("experiment-not-started"));
    assert_eq!(c.check(Action::Resume, day(3)), Err("experiment-not-paused"));
    assert_eq!(c.check(Action::Stop, day(42)), Err("experiment-over"));
    assert_eq!(c.check(Action::Pause, day(3)), Ok(()));
}

#[test]
fn paused_days_keep_the_plan_but_leave_the_analysis() {
    let c = course(&[(Action::Pause, 5), (Action::Resume, 8), (Action::Pause, 20)]);
    let day = |n: i64| start() + Duration::days(n);
    assert!(!c.paused(day(4)));
    assert!(c.paused(day(5)) && c.paused(day(7)));
    assert!(!c.paused(day(8)), "the day of the resume follows the plan");
    assert!(c.paused(day(30)), "an open pause lasts until resumed");
    assert_eq!(c.status(day(21)), Status::Paused);
    assert_eq!(c.check(Action::Pause, day(21)), Err("experiment-already-paused"));
    let observed: Vec<Observed> = (0..42)
        .map(|n| Observed { date: day(n), value: Some(3.0), adherence: Adherence::Followed })
        .collect();
    let days = c.days(&observed);
    assert_eq!(days.len(), 42, "the calendar keeps every planned day");
    assert_eq!(days.iter().filter(|d| d.value.is_none()).count(), 3 + 22);
    assert_eq!(c.paused_days(), 25);
}

#[test]
fn stopping_early_ends_the_plan_on_that_day_and_extending_adds_a_pair() {
    let c = course(&[(Action::Extend, 10), (Action::Stop, 12)]);
    assert_eq!(c.stopped_on(), Some(start() + Duration::days(12)));
    assert_eq!(c.last_day(), start() + Duration::days(12));
    assert_eq!(c.status(start() + Duration::days(13)), Status::Stopped);
    assert_eq!(c.days(&[]).len(), 13);
    let longer = course(&[]).extended().unwrap();
    assert_eq!(longer.pairs, 4);
    assert_eq!(longer.orders()[..3], course(&[]).design.orders()[..], "earlier pairs keep their order");
    let mut full = course(&[]);
    full.design.pairs = 8;
    assert_eq!(full.check(Action::Extend, start()), Err("experiment-pairs-range"));
}
