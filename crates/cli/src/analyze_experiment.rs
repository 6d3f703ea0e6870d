//! `foothold analyze-experiment`: a personal experiment (n-of-1 trial) from a CSV in the
//! exchange format plus `condition`, `period` and `washout` columns. No database involved.

use anyhow::{bail, Context, Result};
use foothold_core::experiment::analysis::{Analysis, ExperimentResult};
use foothold_core::experiment::{csv, design};
use std::io::Write;
use std::path::Path;

pub fn run(path: &Path, outcome: &str, json: bool) -> Result<()> {
    let outcome = design::parse_outcome(outcome).map_err(|_| {
        anyhow::anyhow!("--outcome must be one of pain, peg, mood, sleep (not \"{outcome}\")")
    })?;
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).context("cannot read standard input")?;
        buf
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
    };
    // A day ahead of UTC, so a file written anywhere on Earth today is not "in the future".
    let today = chrono::Utc::now().date_naive() + chrono::Duration::days(1);
    let rows = csv::parse(&bytes, today)
        .or_else(|errors| crate::ops::row_errors(&errors, path, "nothing was analysed"))?;
    let analysis = foothold_core::experiment::analyse(&csv::days(&rows, outcome), outcome);
    let result = match &analysis.as_randomised {
        Ok(r) => r,
        Err(why) => bail!("this experiment cannot be analysed yet: {why} ({})", why.code()),
    };
    let mut out = std::io::stdout().lock();
    if json {
        let mut value = serde_json::to_value(result)?;
        // Only when some planned days were not followed: the per-protocol result beside it.
        if let (Some(Ok(pp)), Some(map)) = (&analysis.per_protocol, value.as_object_mut()) {
            map.insert("per_protocol".into(), serde_json::to_value(pp)?);
        }
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
    } else {
        write_report(&mut out, outcome.as_str(), result, &analysis)?;
    }
    Ok(())
}

fn write_report(
    out: &mut impl Write,
    outcome: &str,
    r: &ExperimentResult,
    a: &Analysis,
) -> std::io::Result<()> {
    let c = a.counts;
    writeln!(out, "Personal experiment on {outcome}: condition A against condition B.")?;
    writeln!(
        out,
        "Days: {} planned, {} washout, {} without a rating; followed {}, not followed {}, unknown {}.",
        c.days, c.washout, c.missing, c.followed, c.not_followed, c.unknown
    )?;
    writeln!(out, "\nPeriods:")?;
    for p in &r.period_means {
        let mean = p.mean.map_or_else(|| "–".to_owned(), |m| format!("{m:.2}"));
        writeln!(out, "  {:>3}  {:?}  mean {mean:>5}  ({} days)", p.period, p.condition, p.days)?;
    }
    writeln!(out, "\nResult (as randomised, {} days used):", r.n_days_used)?;
    result_lines(out, r)?;
    if let Some(pp) = &a.per_protocol {
        writeln!(out, "\nOnly the days that followed the plan (per protocol):")?;
        match pp {
            Ok(pp) => result_lines(out, pp)?,
            Err(why) => writeln!(out, "  cannot be analysed: {why}")?,
        }
    }
    Ok(())
}

fn result_lines(out: &mut impl Write, r: &ExperimentResult) -> std::io::Result<()> {
    writeln!(
        out,
        "  A − B = {:+.2} points, 90 % interval [{:+.2}, {:+.2}]",
        r.estimate, r.interval[0], r.interval[1]
    )?;
    writeln!(
        out,
        "  P(A better) = {:.0} %, P(A better by ≥ 1 point) = {:.0} %  →  {:?}",
        100.0 * r.p_benefit,
        100.0 * r.p_meaningful,
        r.conclusion()
    )?;
    match &r.paired {
        Some(p) => writeln!(
            out,
            "  paired period means: {:+.2}, 90 % interval [{:+.2}, {:+.2}]",
            p.estimate, p.interval[0], p.interval[1]
        ),
        None => writeln!(out, "  paired period means: fewer than two complete pairs"),
    }
}
