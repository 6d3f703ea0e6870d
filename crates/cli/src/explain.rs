//! `foothold explain-style`: the explanatory-style reader and the crisis detector on texts
//! given on the command line or in a file (one text per line). No database involved.

use anyhow::{anyhow, bail, Context, Result};
use foothold_readers::style::{self, Dimension};
use foothold_services::i18n::{Catalog, Tr};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

pub fn run(text: Option<&str>, file: Option<&Path>, json: bool) -> Result<()> {
    let texts: Vec<String> = match (text, file) {
        (Some(t), None) => vec![t.to_owned()],
        (None, Some(path)) => {
            let content = if path == Path::new("-") {
                std::io::read_to_string(std::io::stdin()).context("cannot read standard input")?
            } else {
                std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?
            };
            content.lines().map(str::to_owned).collect()
        }
        _ => bail!("give exactly one of --text or --file"),
    };
    // The reasons and questions in English, as the interface words them.
    let tr = Catalog::load().map_err(|e| anyhow!(e))?.negotiate(Some("en"), None);
    let mut out = std::io::stdout().lock();
    for t in &texts {
        let reading = explain(&tr, t);
        if json {
            serde_json::to_writer(&mut out, &reading)?;
            writeln!(out)?;
        } else {
            write_reading(&mut out, t, &reading)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Explained<'a> {
    spans: Vec<Phrase<'a>>,
    questions: Vec<String>,
    crisis: bool,
}

#[derive(Serialize)]
struct Phrase<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    dimension: Dimension,
    reason: String,
}

fn explain<'a>(tr: &Tr, text: &'a str) -> Explained<'a> {
    let r = style::read(text);
    let spans = r
        .spans
        .iter()
        .map(|s| Phrase {
            start: s.start,
            end: s.end,
            text: text.get(s.start..s.end).unwrap_or_default(),
            dimension: s.dimension,
            reason: tr.ta(&format!("style-reason-{}", s.dimension.as_str()), &[("phrase", &s.text)]),
        })
        .collect();
    let questions = r.dimensions.iter().map(|d| tr.t(&format!("style-question-{}", d.as_str()))).collect();
    Explained { spans, questions, crisis: r.crisis }
}

fn write_reading(out: &mut impl Write, text: &str, r: &Explained<'_>) -> std::io::Result<()> {
    writeln!(out, "{text}")?;
    if r.spans.is_empty() {
        writeln!(out, "  (nothing flagged)")?;
    }
    for s in &r.spans {
        writeln!(
            out,
            "  {:<10} {:>4}..{:<4} “{}” — {}",
            s.dimension.as_str(),
            s.start,
            s.end,
            s.text,
            s.reason
        )?;
    }
    for q in &r.questions {
        writeln!(out, "  ? {q}")?;
    }
    if r.crisis {
        writeln!(out, "  ! crisis language: the member would see crisis resources at once")?;
    }
    writeln!(out)
}
