//! `foothold analyze`: the agency engine on a diary CSV in the exchange format, for members,
//! researchers and clinicians working with exported data. No database involved.

use anyhow::{Context, Result};
use foothold_core::agency::{self, Effect, Label, Report};
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
    let report = agency::analyze(&agency::Diary::from_rows(&rows));
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &report, rows.len())?;
    }
    Ok(())
}

fn label(l: Label) -> &'static str {
    match l {
        Label::LikelyHelps => "likely helps",
        Label::LikelyWorse => "likely worse",
        Label::NoClearDifference => "no clear difference",
        Label::NotEnoughData => "not enough data yet",
    }
}

fn row(out: &mut impl Write, e: &Effect) -> std::io::Result<()> {
    writeln!(
        out,
        "  {:<28} {:>3}  {:>+6.2}  [{:>+6.2}, {:>+6.2}]  {:>5.0}%  {:>5.0}%  {:>4}/{:<4}  {}",
        e.strategy,
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

fn write_table(out: &mut impl Write, report: &Report, days: usize) -> std::io::Result<()> {
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
            row(out, e)?;
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
            pair.strategies[0], pair.strategies[1], pair.together, pair.apart
        )?;
    }
    Ok(())
}
