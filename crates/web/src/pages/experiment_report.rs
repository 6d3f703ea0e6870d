//! The end of an experiment: the result in plain words, a chart of every day coloured by
//! condition (with a table for screen readers), and a short report in the spirit of the
//! CENT 2015 guideline for n-of-1 trials (design, periods, adherence, washouts, missing days,
//! results).

use super::experiments::{outcome_in_sentence, outcome_name};
use super::form::csrf;
use super::scroll_table;
use crate::auth::Viewer;
use crate::experiments::{Findings, Loaded};
use crate::i18n::Tr;
use foothold_core::experiment::analysis::DECISION;
use foothold_core::experiment::{Conclusion, Condition, ExperimentResult, NotAnalysable};
use maud::{html, Markup, PreEscaped};
use std::fmt::Write;

fn points(x: f64) -> String {
    format!("{:.1}", x.abs())
}

fn signed(x: f64) -> String {
    format!("{x:+.1}")
}

fn percent(p: f64) -> String {
    format!("{:.0} %", (p * 100.0).clamp(0.0, 100.0))
}

/// The plain-language result with its chart, and the choice to keep it.
pub fn result(tr: &Tr, viewer: &Viewer, e: &Loaded, found: &Findings) -> Markup {
    let outcome = outcome_in_sentence(tr, e.course.design.outcome);
    let names = [("a", e.labels.0.as_str()), ("b", e.labels.1.as_str()), ("outcome", outcome.as_str())];
    html! {
        section aria-labelledby="result" {
            h2 id="result" { (tr.t("experiment-result")) }
            @match &found.analysis.as_randomised {
                Ok(r) => {
                    (finding(tr, &names, r))
                    @if let Some(pp) = &found.analysis.per_protocol {
                        @match pp {
                            Ok(pp) => p { (tr.ta("experiment-per-protocol-line", &with(&names, &[
                                ("points", &points(pp.estimate)),
                                ("direction", &tr.t(if pp.estimate < 0.0 { "experiment-lower" } else { "experiment-higher" })),
                                ("percent", &percent(pp.p_benefit)),
                            ]))) },
                            Err(code) => p { (tr.t("experiment-per-protocol-none")) " " (tr.error(code.code())) },
                        }
                    }
                    (chart(tr, e, found))
                    @if r.conclusion() == Conclusion::LikelyHelps { (keep(tr, viewer, e)) }
                }
                Err(code) => {
                    p { (tr.t("experiment-no-result")) }
                    p { (tr.error(code.code())) }
                    @if matches!(code, NotAnalysable::TooFewDays(_) | NotAnalysable::NoDays) {
                        p { (tr.t("experiment-no-result-next")) }
                    }
                    (chart(tr, e, found))
                }
            }
        }
    }
}

fn with<'a>(names: &[(&'a str, &'a str)], more: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    names.iter().chain(more).copied().collect()
}

/// From this sure of one side, an unclear result is said to lean that way.
const LEANS: f64 = 0.75;

fn finding(tr: &Tr, names: &[(&str, &str)], r: &ExperimentResult) -> Markup {
    let direction = tr.t(if r.estimate < 0.0 { "experiment-lower" } else { "experiment-higher" });
    let size = [("points", points(r.estimate)), ("direction", direction), ("decision", percent(DECISION))];
    let size: Vec<(&str, &str)> = size.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // "How sure" always names the condition the figures favour, and an unclear result that
    // leans one way says so: the words never contradict the numbers beside them.
    let sure = r.p_benefit.max(1.0 - r.p_benefit);
    let ranked: Vec<(&str, &str)> = match r.p_benefit >= 0.5 {
        true => names.to_vec(),
        false => names
            .iter()
            .map(|&(k, v)| {
                (
                    if k == "a" {
                        "b"
                    } else if k == "b" {
                        "a"
                    } else {
                        k
                    },
                    v,
                )
            })
            .collect(),
    };
    let (headline, headline_names) = match r.conclusion() {
        Conclusion::LikelyHelps => ("experiment-helps", names),
        Conclusion::LikelyWorse => ("experiment-worse", names),
        Conclusion::NoClearDifference if sure >= LEANS => ("experiment-unclear-lean", ranked.as_slice()),
        Conclusion::NoClearDifference => ("experiment-unclear", names),
    };
    let range = [("low", signed(r.interval[0])), ("high", signed(r.interval[1]))];
    let range: Vec<(&str, &str)> = range.iter().map(|(k, v)| (*k, v.as_str())).collect();
    html! {
        p class="result-headline" { strong { (tr.ta(headline, &with(headline_names, &size))) } }
        p { (tr.ta("experiment-difference", &with(names, &size))) }
        p { (tr.ta("experiment-sure", &with(&ranked, &[("percent", &percent(sure))]))) }
        @if r.conclusion() == Conclusion::LikelyHelps {
            p { (tr.ta("experiment-meaningful", &[("percent", &percent(r.p_meaningful))])) }
        }
        p { (tr.ta("experiment-range", &with(names, &range))) }
        @if r.conclusion() == Conclusion::LikelyWorse { p { (tr.t("experiment-worse-kind")) } }
        @if r.conclusion() == Conclusion::NoClearDifference {
            p { (tr.t(if sure >= LEANS { "experiment-unclear-lean-kind" } else { "experiment-unclear-kind" })) }
        }
    }
}

fn keep(tr: &Tr, viewer: &Viewer, e: &Loaded) -> Markup {
    html! {
        form method="post" action={ "/experiments/" (e.stored.id) "/keep" } {
            (csrf(&viewer.csrf))
            input type="hidden" name="kept" value=(if e.stored.kept { "false" } else { "true" });
            @if e.stored.kept {
                p { (tr.t("experiment-kept")) }
                button type="submit" class="secondary" { (tr.t("experiment-unkeep")) }
            } @else {
                p { (tr.t("experiment-keep-hint")) }
                button type="submit" { (tr.t("experiment-keep")) }
            }
        }
    }
}

/// Every day of the experiment: the outcome (0–10, up) over the days (across), A as filled
/// circles and B as open squares, so the two differ in shape as well as colour; washout and
/// paused days are faint; lines mark the periods.
fn chart(tr: &Tr, e: &Loaded, found: &Findings) -> Markup {
    // Narrow drawing units, as in the history charts: its 15-unit text stays at least 12 px
    // on a 360 px phone, and the marks big enough to tell a circle from a square.
    const W: f64 = 400.0;
    const H: f64 = 240.0;
    const LEFT: f64 = 30.0;
    const TOP: f64 = 12.0;
    const PLOT: f64 = 198.0;
    let n = found.days.len().max(1) as f64;
    let step = (W - LEFT - 10.0) / n;
    let x = |i: usize| LEFT + step * (i as f64 + 0.5);
    let y = |v: f64| TOP + PLOT * (1.0 - v.clamp(0.0, 10.0) / 10.0);
    let mut marks = String::new();
    for v in [0.0, 5.0, 10.0] {
        let _ = write!(
            marks,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{W}\" y1=\"{0:.1}\" y2=\"{0:.1}\"/><text x=\"2\" y=\"{1:.1}\">{v}</text>",
            y(v),
            y(v) + 5.0
        );
    }
    let mut period = 0;
    for (i, d) in found.days.iter().enumerate() {
        if d.period != period {
            period = d.period;
            let left = LEFT + step * i as f64;
            let _ = write!(
                marks,
                "<line class=\"period\" x1=\"{left:.1}\" x2=\"{left:.1}\" y1=\"{TOP}\" y2=\"{:.1}\"/>\
                 <text x=\"{:.1}\" y=\"{:.1}\">{period}</text>",
                TOP + PLOT,
                left + 2.0,
                TOP + PLOT + 18.0
            );
        }
        let Some(v) = d.value else { continue };
        let faint = if d.washout { " faint" } else { "" };
        match d.condition {
            Condition::A => {
                let _ = write!(
                    marks,
                    "<circle class=\"a{faint}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\"/>",
                    x(i),
                    y(v)
                );
            }
            Condition::B => {
                let _ = write!(
                    marks,
                    "<rect class=\"b{faint}\" x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\"/>",
                    x(i) - 3.5,
                    y(v) - 3.5
                );
            }
        }
    }
    let outcome = outcome_name(tr, e.course.design.outcome);
    let label =
        tr.ta("experiment-chart-label", &[("outcome", &outcome), ("a", &e.labels.0), ("b", &e.labels.1)]);
    html! {
        figure class="experiment-chart" {
            svg viewBox={ "0 0 " (W) " " (H) } role="img" aria-label=(label) { (PreEscaped(marks)) }
            figcaption {
                (tr.ta("experiment-chart-caption", &[("a", &e.labels.0), ("b", &e.labels.1), ("outcome", &outcome)]))
            }
        }
        details {
            summary { (tr.t("experiment-days-table")) }
            div class="table-scroll" tabindex="0" role="region" aria-label=(tr.t("experiment-days-table")) {
                table {
                    thead { tr {
                        th scope="col" { (tr.t("experiment-col-day")) }
                        th scope="col" { (tr.t("experiment-col-period")) }
                        th scope="col" { (tr.t("experiment-col-condition")) }
                        th scope="col" { (outcome) }
                    } }
                    tbody { @for d in &found.days { tr {
                        th scope="row" { (d.date) }
                        td { (d.period) }
                        td {
                            (e.label(d.condition))
                            @if d.washout { " (" (tr.t("experiment-legend-washout")) ")" }
                            @if e.course.paused(d.date) { " (" (tr.t("experiment-paused-day")) ")" }
                        }
                        td { @match d.value { Some(v) => (v), None => "—" } }
                    } } }
                }
            }
        }
    }
}

fn result_rows(tr: &Tr, label: String, r: &Result<ExperimentResult, NotAnalysable>) -> Markup {
    html! {
        tr {
            th scope="row" { (label) }
            @match r {
                Ok(r) => {
                    td { (signed(r.estimate)) }
                    td { (signed(r.interval[0])) " … " (signed(r.interval[1])) }
                    td { (percent(r.p_benefit)) }
                    td { (percent(r.p_meaningful)) }
                    td { (r.n_days_used) }
                }
                Err(code) => td colspan="5" { (tr.error(code.code())) },
            }
        }
    }
}

/// The report: everything a clinician or a careful reader needs to judge the result.
pub fn report(tr: &Tr, e: &Loaded, found: &Findings) -> Markup {
    let d = &e.course.design;
    let c = found.analysis.counts;
    let missing_not_paused = c.missing.saturating_sub(found.paused);
    let outcome = outcome_name(tr, d.outcome);
    let n = |v: usize| v.to_string();
    html! {
        section aria-labelledby="report" class="report" {
            h2 id="report" { (tr.t("experiment-report")) }
            p class="hint" { (tr.t("experiment-report-hint")) }
            dl {
                dt { (tr.t("experiment-report-design")) }
                dd { (tr.ta("experiment-report-design-text", &[
                    ("pairs", &d.pairs.to_string()), ("period", &d.period_days.to_string()),
                    ("orders", &d.order_code()), ("seed", &d.seed.to_string()),
                ])) }
                dt { (tr.t("experiment-report-conditions")) }
                dd { "A: " (e.labels.0) "; B: " (e.labels.1) }
                dt { (tr.t("experiment-report-outcome")) }
                dd { (tr.ta("experiment-report-outcome-text", &[("outcome", &outcome)])) }
                dt { (tr.t("experiment-report-washout")) }
                dd { @if d.washout_days == 0 { (tr.t("experiment-report-no-washout")) } @else {
                    (tr.ta("experiment-report-washout-text", &[("days", &d.washout_days.to_string())])) } }
                dt { (tr.t("experiment-report-dates")) }
                dd {
                    (tr.ta("experiment-report-dates-text", &[("start", &d.start.to_string()), ("end", &d.end().to_string())]))
                    @if let Some(stop) = e.course.stopped_on() { " " (tr.ta("experiment-report-stopped", &[("day", &stop.to_string())])) }
                }
                dt { (tr.t("experiment-report-changes")) }
                dd {
                    @if e.course.events.is_empty() { (tr.t("experiment-report-no-changes")) } @else {
                        ul { @for ev in &e.course.events {
                            li { (ev.day) ": " (tr.t(&format!("experiment-event-{}", ev.action.as_str()))) }
                        } }
                    }
                }
                dt { (tr.t("experiment-report-days")) }
                dd { (tr.ta("experiment-report-days-text", &[
                    ("days", &n(c.days)), ("washout", &n(c.washout)), ("paused", &n(found.paused)),
                    ("missing", &n(missing_not_paused)),
                ])) }
                dt { (tr.t("experiment-report-adherence")) }
                dd { (tr.ta("experiment-report-adherence-text", &[
                    ("followed", &n(c.followed)), ("not_followed", &n(c.not_followed)), ("unknown", &n(c.unknown)),
                ])) }
                dt { (tr.t("experiment-report-method")) }
                dd { (tr.t("experiment-report-method-text")) }
            }
            (scroll_table(
                "report-results",
                &tr.ta("experiment-report-results", &[("a", &e.labels.0), ("b", &e.labels.1)]),
                &columns(tr, "experiment-col-analysis"),
                html! {
                    (result_rows(tr, tr.t("experiment-as-randomised"), &found.analysis.as_randomised))
                    @if let Some(pp) = &found.analysis.per_protocol {
                        (result_rows(tr, tr.t("experiment-per-protocol"), pp))
                    }
                },
            ))
            (scroll_table(
                "report-secondary",
                &tr.t("experiment-report-secondary"),
                &columns(tr, "experiment-col-outcome"),
                html! { @for (o, r) in &found.secondary { (result_rows(tr, outcome_name(tr, *o), r)) } },
            ))
            @if let Ok(r) = &found.analysis.as_randomised {
                @if let Some(paired) = &r.paired {
                    p { (tr.ta("experiment-report-paired", &[
                        ("estimate", &signed(paired.estimate)),
                        ("low", &signed(paired.interval[0])), ("high", &signed(paired.interval[1])),
                    ])) }
                }
                (scroll_table(
                    "report-periods",
                    &tr.t("experiment-report-periods"),
                    &["experiment-col-period", "experiment-col-condition", "experiment-col-mean", "experiment-col-days"]
                        .map(|k| tr.t(k)),
                    html! { @for m in &r.period_means { tr {
                        th scope="row" { (m.period) }
                        td { (e.label(m.condition)) }
                        td { @match m.mean { Some(v) => (format!("{v:.1}")), None => "—" } }
                        td { (m.days) }
                    } } },
                ))
            }
        }
    }
}

/// The headings of a table of results: what was compared (`first`), then the figures.
fn columns(tr: &Tr, first: &str) -> [String; 6] {
    [
        first,
        "experiment-col-estimate",
        "experiment-col-interval",
        "experiment-col-benefit",
        "experiment-col-meaningful",
        "experiment-col-days",
    ]
    .map(|k| tr.t(k))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::i18n::Catalog;

    fn said(p_benefit: f64, estimate: f64) -> String {
        let tr = Catalog::load().unwrap().negotiate(None, None);
        let r = ExperimentResult {
            estimate,
            interval: [estimate - 1.0, estimate + 1.0],
            p_benefit,
            p_meaningful: 0.3,
            period_means: Vec::new(),
            paired: None,
            n_days_used: 30,
        };
        let names = [("a", "Walk"), ("b", "without Walk"), ("outcome", "pain")];
        finding(&tr, &names, &r).into_string()
    }

    #[test]
    fn the_words_of_a_result_never_contradict_its_figures() {
        let leaning = said(0.91, -0.8);
        assert!(leaning.contains("Walk leaned towards better pain than without Walk"), "{leaning}");
        assert!(!leaning.contains("matter about equally"), "{leaning}");
        assert!(leaning.contains("91 % likely that Walk is the better"), "{leaning}");
        assert!(!leaning.contains("No clear difference"), "{leaning}");
        let worse = said(0.02, 1.5);
        assert!(worse.contains("98 % likely that without Walk is the better"), "{worse}");
        let even = said(0.55, -0.1);
        assert!(even.contains("No clear difference") && even.contains("55 % likely that Walk"), "{even}");
        let helps = said(0.99, -1.5);
        assert!(helps.contains("Walk went with better pain than without Walk"), "{helps}");
    }
}
