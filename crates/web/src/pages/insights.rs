//! "What helps me": first "In short" (the clearest one or two things, how much the member's
//! actions go with their days, and the control they felt beside it), then the agency
//! engine's results for one outcome as cards ranked by evidence, in plain words ("goes
//! with", never "causes"): one sentence each, with how sure, the likely range and the
//! spread of days with and without (small server-rendered SVGs) behind a disclosure.

use super::{html, layout};
use crate::auth::Member;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::insights::{Insight, Spread, BINS};
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use foothold_core::agency::{self, Effect, Label, Outcome, OutcomeContingency};
use foothold_core::strategy::StrategyId;
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;
use std::fmt::Write;

#[derive(Deserialize)]
pub struct OutcomeQuery {
    outcome: Option<String>,
}

pub fn parse_outcome(s: Option<&str>) -> Option<Outcome> {
    Outcome::ALL.into_iter().find(|o| Some(o.as_str()) == s)
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<OutcomeQuery>,
) -> Response {
    let outcome = parse_outcome(q.outcome.as_deref()).unwrap_or(Outcome::Pain);
    let insight = match app.insights.get(&app.store, user.id, &viewer.tr).await.map_err(AppError::from) {
        Ok(i) => i,
        Err(e) => return e.into_response(),
    };
    let tr = &viewer.tr;
    let title = tr.t("insights-title");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("insights-lead")) }
        nav class="ranges" aria-label=(tr.t("insights-outcomes")) {
            @for o in Outcome::ALL {
                @let name = tr.t(&format!("insights-outcome-{}", o.as_str()));
                @if o == outcome { span aria-current="page" { (name) } }
                @else { a href={ "/insights?outcome=" (o.as_str()) } { (name) } }
            }
        }
        (summary(tr, &insight, outcome))
        (proven(tr, &insight))
        (findings(tr, &insight, outcome))
        p class="hint" { (tr.t("insights-footnote")) }
    };
    html(StatusCode::OK, layout::page(&viewer, &title, body))
}

/// Ranked by evidence: how sure the engine is of the direction.
fn strength(e: &Effect) -> f64 {
    e.p_benefit.max(1.0 - e.p_benefit)
}

pub(super) fn points(x: f64) -> String {
    format!("{:.1}", x.abs())
}

/// With its sign; a value that rounds to zero is plain "0.0", never "−0.0".
pub(super) fn signed(x: f64) -> String {
    if x.abs() < 0.05 {
        return "0.0".to_owned();
    }
    format!("{x:+.1}").replace('-', "−")
}

/// A probability as a whole percentage, never shown as a certain 0 or 100.
fn percent(p: f64) -> String {
    format!("{:.0}", (p * 100.0).clamp(1.0, 99.0))
}

pub(super) fn outcome_name(tr: &Tr, o: Outcome) -> String {
    tr.t(&format!("insights-name-{}", o.as_str()))
}

fn findings(tr: &Tr, insight: &Insight, outcome: Outcome) -> Markup {
    let mut effects: Vec<&Effect> = insight.report.results.iter().filter(|e| e.outcome == outcome).collect();
    effects.sort_by(|a, b| strength(b).total_cmp(&strength(a)));
    let with = |label: Label| effects.iter().copied().filter(move |e| e.label == label);
    let helps: Vec<&Effect> = with(Label::LikelyHelps).collect();
    let worse: Vec<&Effect> = with(Label::LikelyWorse).collect();
    // One line per strategy, and none already on a card above: the lag with the stronger
    // evidence (effects are sorted by it).
    // Leaning the better way comes first, one line per strategy: the lag that needs fewer days.
    let mut promising: Vec<&Effect> =
        with(Label::NoClearDifference).filter(|e| e.promising.is_some()).collect();
    promising.sort_by_key(|e| e.promising.map_or(u32::MAX, |p| p.more_days));
    let mut unclear: Vec<&Effect> = Vec::new();
    let mut leaning: Vec<&Effect> = Vec::new();
    for e in promising.into_iter().chain(with(Label::NoClearDifference).filter(|e| e.promising.is_none())) {
        let shown =
            helps.iter().chain(&worse).chain(&leaning).chain(&unclear).any(|u| u.strategy == e.strategy);
        if !shown {
            if e.promising.is_some() {
                leaning.push(e)
            } else {
                unclear.push(e)
            }
        }
    }
    // One line per strategy: the lag that needs fewer extra days.
    let mut waiting: Vec<&Effect> = with(Label::NotEnoughData).filter(|e| e.lag == 0).collect();
    waiting.sort_by(|a, b| insight.name(a.strategy).cmp(insight.name(b.strategy)));
    let more_days = agency::MIN_DAYS.saturating_sub(insight.days);
    html! {
        @if insight.report.results.is_empty() {
            p class="notice" { (tr.t("insights-no-strategies")) }
        }
        @if more_days > 0 {
            p class="notice" { (tr.ta("insights-too-few-days", &[("count", &more_days.to_string())])) }
        }
        @if !helps.is_empty() {
            section aria-labelledby="helps" {
                h2 id="helps" { (tr.t("insights-helps-title")) }
                @for e in &helps { (card(tr, insight, e)) }
            }
        }
        @if !worse.is_empty() {
            section aria-labelledby="worse" {
                h2 id="worse" { (tr.t("insights-worse-title")) }
                p { (tr.t("insights-worse-note")) }
                @for e in &worse { (card(tr, insight, e)) }
            }
        }
        @if !leaning.is_empty() {
            section aria-labelledby="promising" {
                h2 id="promising" { (tr.t("insights-promising-title")) }
                p { (tr.t("insights-promising-lead")) }
                ul { @for e in &leaning { li { (promising_line(tr, insight, e)) " " (test_it(tr, insight, e.strategy, e.outcome)) } } }
            }
        }
        @if !unclear.is_empty() {
            section aria-labelledby="unclear" {
                h2 id="unclear" { (tr.t("insights-unclear-title")) }
                p { (tr.t("insights-unclear-lead")) }
                ul { @for e in &unclear { li { (tr.ta("insights-unclear-item", &[
                    ("strategy", insight.name(e.strategy)),
                    ("when", &when(tr, e.lag)),
                    ("points", &signed(e.estimate)),
                    ("low", &signed(e.interval[0])),
                    ("high", &signed(e.interval[1])),
                ])) " " (test_it(tr, insight, e.strategy, e.outcome)) } } }
            }
        }
        @if !waiting.is_empty() && more_days == 0 {
            section aria-labelledby="wait" {
                h2 id="wait" { (tr.t("insights-wait-title")) }
                p { (tr.t("insights-wait-lead")) }
                ul { @for e in &waiting { li { (waiting_line(tr, insight, e)) } } }
            }
        }
        @let together = &insight.report.co_occurring;
        @if !together.is_empty() {
            section aria-labelledby="together" {
                h2 id="together" { (tr.t("insights-together-title")) }
                ul { @for c in together { li { (tr.ta("insights-together-item", &[
                    ("first", insight.name(c.strategies[0])),
                    ("second", insight.name(c.strategies[1])),
                    ("together", &c.together.to_string()),
                    ("apart", &c.apart.to_string()),
                ])) } } }
            }
        }
    }
}

/// Kept experiment results: the strongest evidence a member has, so they come first.
fn proven(tr: &Tr, insight: &Insight) -> Markup {
    html! {
        @if !insight.proven.is_empty() {
            section aria-labelledby="proven" {
                h2 id="proven" { (tr.t("insights-proven")) }
                p { (tr.t("insights-proven-lead")) }
                ul { @for p in &insight.proven { li {
                    a href={ "/experiments/" (p.id) } { (tr.ta("insights-proven-item", &[
                        ("a", &p.a), ("b", &p.b),
                        ("outcome", &outcome_name(tr, p.outcome)),
                        ("points", &points(p.estimate)),
                        ("direction", &tr.t(if p.estimate < 0.0 { "experiment-lower" } else { "experiment-higher" })),
                        ("percent", &percent(p.p_benefit)),
                        ("start", &p.start.to_string()), ("end", &p.end.to_string()),
                    ])) }
                } } }
            }
        }
    }
}

/// "Test it": a personal experiment on this strategy and outcome, the design form prefilled.
fn test_it(tr: &Tr, insight: &Insight, strategy: StrategyId, outcome: Outcome) -> Markup {
    html! {
        @if !insight.medication.contains(&strategy) {
            a class="test-it" href={ "/experiments/new?strategy=" (strategy) "&outcome=" (outcome.as_str()) } {
                (tr.t("insights-test-it")) span class="visually-hidden" { ": " (insight.name(strategy)) }
            }
        }
    }
}

fn when(tr: &Tr, lag: u8) -> String {
    tr.t(if lag == 0 { "insights-same-day" } else { "insights-next-day" })
}

/// "Walk (same day): about 0.6 points better so far. About 12 more days of your diary would
/// likely tell."
fn promising_line(tr: &Tr, insight: &Insight, e: &Effect) -> String {
    let days = e.promising.map_or(0, |p| p.more_days).to_string();
    tr.ta(
        "insights-promising-item",
        &[
            ("strategy", insight.name(e.strategy)),
            ("when", &when(tr, e.lag)),
            ("points", &points(e.estimate)),
            ("count", &days),
        ],
    )
}

fn waiting_line(tr: &Tr, insight: &Insight, e: &Effect) -> String {
    let more_with = agency::MIN_DAYS_WITH.saturating_sub(e.n_with).to_string();
    let more_without = agency::MIN_DAYS_WITHOUT.saturating_sub(e.n_without).to_string();
    let args =
        [("strategy", insight.name(e.strategy)), ("more_with", &more_with), ("more_without", &more_without)];
    let id = match (more_with.as_str(), more_without.as_str()) {
        (_, "0") => "insights-wait-with",
        ("0", _) => "insights-wait-without",
        _ => "insights-wait-item",
    };
    tr.ta(id, &args)
}

/// What an effect says in one plain sentence ("On days you did “Walk”, your pain was about
/// 1.2 points lower."); `outcome` is the outcome's name in a sentence.
pub(super) fn sentence(tr: &Tr, insight: &Insight, e: &Effect, outcome: &str) -> String {
    let key = match (e.estimate < 0.0, e.lag) {
        (true, 0) => "insights-lower-same",
        (false, 0) => "insights-higher-same",
        (true, _) => "insights-lower-next",
        (false, _) => "insights-higher-next",
    };
    tr.ta(
        key,
        &[("strategy", insight.name(e.strategy)), ("outcome", outcome), ("points", &points(e.estimate))],
    )
}

fn card(tr: &Tr, insight: &Insight, e: &Effect) -> Markup {
    let outcome = outcome_name(tr, e.outcome);
    let helps = e.label == Label::LikelyHelps;
    let sure = if helps { e.p_benefit } else { 1.0 - e.p_benefit };
    let direction = tr.t(if helps { "insights-better" } else { "insights-worse" });
    let spread = insight.spreads.get(&(e.strategy, e.outcome, e.lag));
    html! {
        article class={ "insight " (if helps { "helps" } else { "worse" }) } {
            h3 { (insight.name(e.strategy)) " " span class="hint" { "(" (when(tr, e.lag)) ")" } }
            p { (sentence(tr, insight, e, &outcome)) }
            // One sentence first; how sure, the range and the charts for whoever wants them.
            details {
                summary { (tr.t("insights-numbers")) }
                p { strong { (tr.ta("insights-likely", &[("percent", &percent(sure)), ("direction", &direction), ("outcome", &outcome)])) } }
                @if helps {
                    p { (tr.ta("insights-meaningful", &[("percent", &percent(e.p_meaningful))])) }
                }
                p { (tr.ta("insights-range", &[("low", &signed(e.interval[0])), ("high", &signed(e.interval[1]))])) }
                (interval_svg(tr, e))
                @if let Some(s) = spread { (spread_svg(tr, insight.name(e.strategy), &outcome, s)) }
                p class="hint" { (tr.ta("insights-based-on", &[("with", &e.n_with.to_string()), ("without", &e.n_without.to_string())])) }
            }
            p { (test_it(tr, insight, e.strategy, e.outcome)) }
        }
    }
}

/// The estimate and its 90 % range on an axis from −3 to +3 points, zero marked.
fn interval_svg(tr: &Tr, e: &Effect) -> Markup {
    const W: f64 = 300.0;
    let x = |v: f64| 10.0 + (W - 20.0) * ((v.clamp(-3.0, 3.0) + 3.0) / 6.0);
    let mut ticks = String::new();
    for v in -3..=3 {
        let _ = write!(
            ticks,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"22\" y2=\"26\"/><text x=\"{0:.1}\" y=\"38\">{1}</text>",
            x(f64::from(v)),
            signed(f64::from(v)).replace(".0", "")
        );
    }
    let label = tr.t("insights-interval-label");
    html! {
        svg class="interval" viewBox={ "0 0 " (W) " 42" } role="img" aria-label=(label) {
            g class="axis" { line x1=(x(-3.0)) x2=(x(3.0)) y1="22" y2="22" {} (PreEscaped(ticks)) }
            line class="zero" x1=(x(0.0)) x2=(x(0.0)) y1="2" y2="26" {}
            line class="range" x1=(format!("{:.1}", x(e.interval[0]))) x2=(format!("{:.1}", x(e.interval[1]))) y1="12" y2="12" {}
            circle class="estimate" cx=(format!("{:.1}", x(e.estimate))) cy="12" r="5" {}
        }
    }
}

/// Two rows of bars: how often each value 0–10 came with the strategy (top) and without.
fn spread_svg(tr: &Tr, strategy: &str, outcome: &str, spread: &Spread) -> Markup {
    const W: f64 = 300.0;
    const ROW: f64 = 34.0;
    let bar = (W - 60.0) / BINS as f64;
    let mut bars = String::new();
    for (row, counts) in spread.iter().enumerate() {
        let top = row as f64 * (ROW + 6.0);
        let max = counts.iter().copied().max().unwrap_or(0).max(1);
        for (bin, &n) in counts.iter().enumerate() {
            let h = ROW * f64::from(n) / f64::from(max);
            let _ = write!(
                bars,
                "<rect class=\"r{row}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\"/>",
                60.0 + bin as f64 * bar,
                top + ROW - h,
                bar - 2.0
            );
        }
    }
    let label = tr.ta("insights-spread-label", &[("outcome", outcome), ("strategy", strategy)]);
    html! {
        svg class="spread" viewBox={ "0 0 " (W) " " (2.0 * ROW + 22.0) } role="img" aria-label=(label) {
            text x="0" y=(ROW - 4.0) { (tr.t("insights-spread-with")) }
            text x="0" y=(2.0 * ROW + 2.0) { (tr.t("insights-spread-without")) }
            (PreEscaped(bars))
            text x="60" y=(2.0 * ROW + 20.0) { "0" }
            text x=(W - 8.0) y=(2.0 * ROW + 20.0) text-anchor="end" { "10" }
        }
    }
}

/// "In short", first on the page: the one or two clearest things that go with better days,
/// how much the member's actions go with the ups and downs, and the control they felt beside
/// it (the gap between the two is the helplessness Foothold is for).
fn summary(tr: &Tr, insight: &Insight, outcome: Outcome) -> Markup {
    let name = outcome_name(tr, outcome);
    let c: Option<&OutcomeContingency> =
        insight.report.contingency.outcomes.iter().find(|c| c.outcome == outcome);
    let felt = &insight.report.contingency.felt_control;
    let share = c.and_then(|c| c.actions_matter.as_ref());
    let mut top: Vec<&Effect> = insight
        .report
        .results
        .iter()
        .filter(|e| e.outcome == outcome && e.label == Label::LikelyHelps)
        .collect();
    top.sort_by(|a, b| strength(b).total_cmp(&strength(a)));
    top.dedup_by(|a, b| a.strategy == b.strategy);
    top.truncate(2);
    // With nothing clear yet, the strategy closest to being clear, if one leans the better way.
    let leaning = insight
        .report
        .results
        .iter()
        .filter(|e| e.outcome == outcome && e.promising.is_some())
        .min_by_key(|e| e.promising.map_or(u32::MAX, |p| p.more_days));
    let mut good: Vec<&agency::GoodDays> =
        c.map(|c| c.strategies.iter().filter(|g| g.enough_data).collect()).unwrap_or_default();
    good.sort_by(|a, b| b.delta_p.total_cmp(&a.delta_p));
    good.truncate(5);
    let pct = |x: f64| format!("{:.0}", (x * 100.0).max(0.0));
    // The gap: actions that visibly matter while the member feels little control.
    let gap = share.is_some_and(|s| s.interval[0] > 0.0) && felt.recent_mean.is_some_and(|m| m <= 4.0);
    html! {
        section aria-labelledby="matter" class="matter summary" {
            h2 id="matter" { (tr.t("insights-summary-title")) }
            @if top.is_empty() {
                @if let Some(e) = leaning {
                    p { (tr.ta("insights-top-promising", &[
                        ("outcome", &name), ("strategy", insight.name(e.strategy)),
                        ("count", &e.promising.map_or(0, |p| p.more_days).to_string()),
                    ])) }
                } @else if insight.days >= agency::MIN_DAYS {
                    p { (tr.ta("insights-top-none", &[("outcome", &name)])) }
                }
            } @else {
                ul class="top" { @for e in &top { li { (sentence(tr, insight, e, &name)) } } }
            }
            @match share {
                Some(s) => p { (tr.ta("insights-matter-share", &[
                    ("percent", &pct(s.share)), ("outcome", &name),
                    ("low", &pct(s.interval[0])), ("high", &pct(s.interval[1])),
                ])) },
                None => p { (tr.ta("insights-matter-none", &[("outcome", &name)])) },
            }
            @match (felt.mean, felt.recent_mean) {
                (Some(mean), recent) => p {
                    (tr.ta("insights-felt", &[
                        ("mean", &format!("{mean:.1}")), ("days", &felt.days.to_string()),
                        ("recent", &recent.map_or_else(|| "–".to_owned(), |r| format!("{r:.1}"))),
                    ]))
                    " "
                    (felt_trend(tr, felt))
                },
                (None, _) => p { (tr.t("insights-felt-none")) },
            }
            @if gap { p class="notice" { (tr.t("insights-gap")) } }
            @if let Some((c, median)) = c.and_then(|c| Some((c, c.median?))) {
                details {
                    summary { (tr.t("insights-good-days-more")) }
                    p { (tr.ta("insights-good-days", &[
                        ("outcome", &name), ("median", &format!("{median:.1}")),
                        ("good", &c.good_days.to_string()), ("days", &c.days.to_string()),
                    ])) }
                    @if !good.is_empty() {
                        ul { @for g in &good { li { (tr.ta("insights-good-days-item", &[
                            ("strategy", insight.name(g.strategy)), ("with", &pct(g.p_good_with)), ("without", &pct(g.p_good_without)),
                        ])) } } }
                    }
                }
            }
        }
    }
}

fn felt_trend(tr: &Tr, felt: &agency::FeltControl) -> String {
    match (felt.slope_per_30_days, felt.slope_interval) {
        (Some(slope), Some([lo, _])) if lo > 0.0 => {
            tr.ta("insights-felt-trend-up", &[("points", &points(slope))])
        }
        (Some(slope), Some([_, hi])) if hi < 0.0 => {
            tr.ta("insights-felt-trend-down", &[("points", &points(slope))])
        }
        (Some(_), Some(_)) => tr.t("insights-felt-trend-flat"),
        _ => String::new(),
    }
}
