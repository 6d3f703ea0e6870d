#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn plan(baseline: f64, ceiling: Option<u32>) -> Plan {
    Plan {
        baseline,
        start_percent: 80,
        rise_percent: 10,
        ceiling,
        started_on: d("2026-03-02"),
        pauses: Vec::new(),
        steps_back: 0,
    }
}

#[test]
fn the_first_target_is_below_the_baseline_and_rises_each_week() {
    // Baseline 15 minutes: 80 % is 12, then +10 % a week: 13.2, 14.52, 15.97 …
    let p = plan(15.0, None);
    assert_eq!(p.target(d("2026-03-01")), None, "nothing before the plan starts");
    assert_eq!(p.target(d("2026-03-02")), Some(12));
    assert_eq!(p.target(d("2026-03-08")), Some(12), "the whole first week holds");
    assert_eq!(p.target(d("2026-03-09")), Some(13));
    assert_eq!(p.target(d("2026-03-16")), Some(15));
    assert_eq!(p.target(d("2026-03-23")), Some(16));
    let targets: Vec<u32> = (0..20).map(|w| p.target_of_week(w)).collect();
    assert!(targets.windows(2).all(|w| w[0] <= w[1]), "never falls: {targets:?}");
}

#[test]
fn the_ceiling_holds_the_plan() {
    let p = plan(15.0, Some(20));
    assert_eq!(p.target_of_week(4), 18);
    assert_eq!(p.target_of_week(5), 19);
    assert_eq!(p.target_of_week(6), 20);
    assert_eq!(p.target_of_week(30), 20);
    assert!(!p.at_ceiling(d("2026-03-02")));
    assert!(p.at_ceiling(d("2026-04-13")));
}

#[test]
fn a_tiny_baseline_still_has_a_step_of_one() {
    let p = plan(1.0, None);
    assert_eq!(p.target_of_week(0), 1);
    let huge = plan(f64::from(AMOUNT_MAX), None);
    assert_eq!(huge.target_of_week(200), AMOUNT_MAX, "clamped, not overflowed");
}

#[test]
fn a_flare_pause_does_not_count_towards_the_next_rise() {
    let mut p = plan(15.0, None);
    // Paused for the 4th to the 10th of the plan's first week and beyond: 7 days.
    p.pauses.push(Pause { from: d("2026-03-05"), until: Some(d("2026-03-12")) });
    assert!(p.paused_on(d("2026-03-05")));
    assert!(p.paused_on(d("2026-03-11")));
    assert!(!p.paused_on(d("2026-03-12")), "the day of resuming is active");
    assert_eq!(p.target(d("2026-03-11")), Some(12), "held through the flare");
    assert_eq!(p.target(d("2026-03-15")), Some(12), "week one ends 7 days late");
    assert_eq!(p.target(d("2026-03-16")), Some(13));
    // An open pause holds the target for as long as it lasts.
    let mut open = plan(15.0, None);
    open.pauses.push(Pause { from: d("2026-03-10"), until: None });
    assert_eq!(open.target(d("2026-06-01")), Some(13));
}

#[test]
fn stepping_back_gives_a_week_back() {
    let mut p = plan(15.0, None);
    assert_eq!(p.target(d("2026-03-23")), Some(16));
    p.steps_back = 1;
    assert_eq!(p.target(d("2026-03-23")), Some(15));
    p.steps_back = 10;
    assert_eq!(p.target(d("2026-03-23")), Some(12), "never below the first week");
}

#[test]
fn a_baseline_needs_three_days_and_something_done() {
    assert_eq!(baseline(&[10, 20]), None);
    assert_eq!(baseline(&[0, 0, 0]), None);
    assert_eq!(baseline(&[10, 20, 0]), Some(10.0));
    assert_eq!(baseline(&[10, 20, 15, 15]), Some(15.0));
}

#[test]
fn days_of_plan_pair_targets_with_what_was_done() {
    let p = plan(15.0, None);
    let steps = [(d("2026-03-02"), 12), (d("2026-03-03"), 9), (d("2026-02-20"), 30)];
    let days = days_of_plan(&p, &steps, d("2026-03-04"));
    assert_eq!(days.len(), 3);
    assert!(days[0].step_done());
    assert!(!days[1].step_done(), "less than the target is recorded, not a done step");
    assert_eq!(days[1].done, Some(9));
    assert_eq!(days[2].done, None);
}

#[test]
fn a_goal_form_reports_every_problem_at_once() {
    let err = parse_new_goal("", "furlongs", "30", "50", "-1", &"x".repeat(FLARE_PLAN_MAX + 1)).unwrap_err();
    let fields: Vec<&str> = err.problems().iter().map(|p| p.field).collect();
    assert_eq!(fields, ["activity", "unit", "start_percent", "rise_percent", "ceiling", "flare_plan"]);
    let ok = parse_new_goal("  Walk ", "minutes", "", "15%", "", "Rest, heat, a short walk").unwrap();
    assert_eq!(ok.activity, "Walk");
    assert_eq!((ok.start_percent, ok.rise_percent, ok.ceiling), (80, 15, None));
    assert_eq!(parse_new_goal("Read", "pages", "100", "5", "40", "").unwrap().ceiling, Some(40));
    assert!(parse_new_goal("Read", "pages", "", "", "0", "").is_err(), "a ceiling of zero is no goal");
}

#[test]
fn amounts_are_whole_and_bounded() {
    assert_eq!(parse_amount(" 12 ").unwrap(), 12);
    assert_eq!(parse_amount("0").unwrap(), 0);
    for bad in ["", "-3", "1.5", "ten", "10001"] {
        assert!(parse_amount(bad).is_err(), "{bad:?}");
    }
}
