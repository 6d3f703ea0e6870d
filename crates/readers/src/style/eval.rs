//! Scores the explanatory-style reader and the crisis detector against labelled sentences
//! (`content/eval/*.jsonl`, parsed by the caller). Sentence level: a sentence is predicted
//! positive for a dimension when the reader returns at least one span of it.

use super::{style_only, Dimension};
use serde::Deserialize;
use std::fmt;

/// One labelled sentence of `explanatory-style.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct StyleItem {
    pub split: String,
    pub text: String,
    pub dimensions: Vec<Dimension>,
}

/// One labelled sentence of `crisis.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct CrisisItem {
    pub split: String,
    pub text: String,
    pub crisis: bool,
}

/// A confusion matrix.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
    pub true_neg: usize,
}

impl Counts {
    fn add(&mut self, predicted: bool, actual: bool) {
        match (predicted, actual) {
            (true, true) => self.true_pos += 1,
            (true, false) => self.false_pos += 1,
            (false, true) => self.false_neg += 1,
            (false, false) => self.true_neg += 1,
        }
    }

    /// Share of predicted positives that are right (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    /// Share of actual positives found (1 when there were none).
    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }

    /// Share of actual negatives wrongly flagged (0 when there were none).
    pub fn false_alarm_rate(&self) -> f64 {
        1.0 - ratio(self.true_neg, self.true_neg + self.false_pos)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-dimension counts for the items of one split.
pub fn score_style(items: &[StyleItem], split: &str) -> StyleScores {
    let mut counts = Dimension::ALL.map(|d| (d, Counts::default()));
    for item in items.iter().filter(|i| i.split == split) {
        let reading = style_only(&item.text);
        for (d, c) in counts.iter_mut() {
            c.add(reading.has(*d), item.dimensions.contains(d));
        }
    }
    StyleScores { split: split.to_owned(), counts }
}

/// Crisis counts for the items of one split.
pub fn score_crisis(items: &[CrisisItem], split: &str) -> CrisisScore {
    let mut counts = Counts::default();
    for item in items.iter().filter(|i| i.split == split) {
        counts.add(crate::crisis::detect(&item.text), item.crisis);
    }
    CrisisScore { split: split.to_owned(), counts }
}

/// The sentences of one split the reader gets wrong: (text, expected, predicted). Meant for
/// the development split only — reading the held-out sentences would spoil them.
pub fn style_mistakes(items: &[StyleItem], split: &str) -> Vec<(String, Vec<Dimension>, Vec<Dimension>)> {
    items
        .iter()
        .filter(|i| i.split == split)
        .filter_map(|item| {
            let reading = style_only(&item.text);
            let got: Vec<Dimension> = Dimension::ALL.into_iter().filter(|d| reading.has(*d)).collect();
            (got != item.dimensions).then(|| (item.text.clone(), item.dimensions.clone(), got))
        })
        .collect()
}

/// Crisis mistakes of one split: (text, expected). Development split only, as above.
pub fn crisis_mistakes(items: &[CrisisItem], split: &str) -> Vec<(String, bool)> {
    items
        .iter()
        .filter(|i| i.split == split && crate::crisis::detect(&i.text) != i.crisis)
        .map(|i| (i.text.clone(), i.crisis))
        .collect()
}

#[derive(Debug, Clone)]
pub struct StyleScores {
    pub split: String,
    pub counts: [(Dimension, Counts); 5],
}

impl StyleScores {
    pub fn get(&self, d: Dimension) -> Counts {
        self.counts.iter().find(|(x, _)| *x == d).map(|(_, c)| *c).unwrap_or_default()
    }
}

impl fmt::Display for StyleScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "explanatory style, {} split", self.split)?;
        writeln!(
            f,
            "  {:<11} {:>9} {:>7} {:>4} {:>4} {:>4}",
            "dimension", "precision", "recall", "tp", "fp", "fn"
        )?;
        for (d, c) in &self.counts {
            writeln!(
                f,
                "  {:<11} {:>9.3} {:>7.3} {:>4} {:>4} {:>4}",
                d.as_str(),
                c.precision(),
                c.recall(),
                c.true_pos,
                c.false_pos,
                c.false_neg
            )?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone)]
pub struct CrisisScore {
    pub split: String,
    pub counts: Counts,
}

impl fmt::Display for CrisisScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        writeln!(
            f,
            "crisis, {} split: recall {:.3} ({} of {}), false alarms {:.3} ({} of {})",
            self.split,
            c.recall(),
            c.true_pos,
            c.true_pos + c.false_neg,
            c.false_alarm_rate(),
            c.false_pos,
            c.false_pos + c.true_neg
        )
    }
}
