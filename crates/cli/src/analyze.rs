//! `foothold analyze`: the agency engine on a diary CSV in the exchange format, for members,
//! researchers and clinicians working with exported data. No database involved.

use anyhow::{Context, Result};
use foothold_core::agency::{self, Effect, Label, Report};
use foothold_core::strategy::StrategyId;
use std::io::Write;
use std::path::Path;

pub fn run(path: &Path, json: bool) -> Result<()> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    // A day ahead of UTC, so a file written anywhere on Earth today is not "in the future".
    let today = chrono::Utc::now().date_naive() + chrono::Duration::days(1);
    let rows = crate::ops::parse_diary_csv(&bytes, today, path, "nothing was analysed")?;
    let (diary, names) = agency::Diary::from_rows(&rows);
    let report = agency::analyze(&diary);
    let mut out = std::io::stdout().lock();
    if json {
        let mut value = serde_json::to_value(&report)?;
        with_names(&mut value, &names);
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &report, &names, rows.len())?;
    }
    Ok(())
}

/// The engine knows strategies by id (here, their order in the file); a CSV's readers know
/// them by name, so the JSON carries the names the file used.
fn with_names(value: &mut serde_json::Value, names: &[String]) {
    let name = |v: &serde_json::Value| v.as_u64().and_then(|i| names.get(usize::try_from(i).ok()?)).cloned();
    match value {
        serde_json::Value::Object(fields) => {
            for (key, v) in fields.iter_mut() {
                match (key.as_str(), v) {
                    ("strategy", v) if v.is_u64() => *v = name(v).into(),
                    ("strategies", serde_json::Value::Array(ids)) if ids.iter().all(|v| v.is_u64()) => {
                        ids.iter_mut().for_each(|v| *v = name(v).into());
                    }
                    (_, v) => with_names(v, names),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| with_names(v, names)),
        _ => {}
    }
}

fn name_of(names: &[String], id: StrategyId) -> &str {
    usize::try_from(id.0).ok().and_then(|i| names.get(i)).map_or("", String::as_str)
}

fn label(l: Label) -> &'static str {
    match l {
        Label::LikelyHelps => "likely helps",
        Label::LikelyWorse => "likely worse",
        Label::NoClearDifference => "no clear difference",
        Label::NotEnoughData => "not enough data yet",
    }
}

fn row(out: &mut impl Write, name: &str, e: &Effect) -> std::io::Result<()> {
    writeln!(
        out,
        "  {:<28} {:>3}  {:>+6.2}  [{:>+6.2}, {:>+6.2}]  {:>5.0}%  {:>5.0}%  {:>4}/{:<4}  {}",
        name,
        e.lag,
        e.estimate,
        e.interval[0],
        e.interval[1],
        100.0 * e.p_benefit,
        100.0 * e.p_meaningful,
        e.n_with,
        e.n_without,
        match e.promising {
            Some(p) => format!("looks promising: about {} more days would tell", p.more_days),
            None => label(e.label).to_owned(),
        }
    )
}

fn write_table(out: &mut impl Write, report: &Report, names: &[String], days: usize) -> std::io::Result<()> {
    writeln!(out, "What goes with better days: {days} days of diary.")?;
    writeln!(
        out,
        "Differences are on each outcome's 0-10 scale (days with - days without, lag 0 = same day,"
    )?;
    writeln!(out, "1 = next day); they show what goes with what, not what causes what.")?;
    for outcome in agency::Outcome::ALL {
        let better = if outcome.lower_is_better() { "lower is better" } else { "higher is better" };
        writeln!(out, "\n{} ({better})", outcome.as_str())?;
        writeln!(
            out,
            "  {:<28} {:>3}  {:>6}  {:>16}  {:>6}  {:>6}  {:>9}  label",
            "strategy", "lag", "diff", "90% interval", "P(better)", "P(>=1)", "with/without"
        )?;
        for e in report.results.iter().filter(|e| e.outcome == outcome) {
            row(out, name_of(names, e.strategy), e)?;
        }
        if let Some(c) = report.contingency.outcomes.iter().find(|c| c.outcome == outcome) {
            if let Some(m) = &c.actions_matter {
                writeln!(
                    out,
                    "  Your strategies account for {:.0}% of the day-to-day ups and downs (90% interval {:.0}% to {:.0}%).",
                    100.0 * m.share.max(0.0),
                    100.0 * m.interval[0].max(0.0),
                    100.0 * m.interval[1].max(0.0)
                )?;
            }
        }
    }
    let felt = &report.contingency.felt_control;
    if let (Some(mean), Some(slope)) = (felt.mean, felt.slope_per_30_days) {
        writeln!(
            out,
            "\nFelt control over pain: mean {mean:.1} over {} days; change {slope:+.2} per 30 days.",
            felt.days
        )?;
    }
    for pair in &report.co_occurring {
        writeln!(
            out,
            "\n{} and {} are almost always done together ({} days together, {} apart): the diary cannot tell their effects apart, an experiment can.",
            name_of(names, pair.strategies[0]),
            name_of(names, pair.strategies[1]),
            pair.together,
            pair.apart
        )?;
    }
    Ok(())
}
