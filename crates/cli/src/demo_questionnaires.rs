//! The demo member's questionnaires: the PEG every two weeks, read from their own simulated
//! diary (the mean of the week's PEG items), and the PHQ-9 every four weeks, easing over the
//! year as their diary does; both on their schedule. So the demo shows scores over time.

use anyhow::Result;
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use foothold_core::questionnaire::{Answer, Questionnaire};
use foothold_services::questionnaires::Instruments;
use foothold_store::{Store, UserId};

/// PHQ-9 totals, one per four weeks: a hard start, easing, with a bump in the middle.
const PHQ9_TOTALS: [u8; 13] = [13, 12, 12, 10, 11, 9, 10, 8, 8, 7, 7, 6, 6];

pub async fn create(store: &Store, user: UserId, today: NaiveDate) -> Result<()> {
    let instruments = Instruments::load(None).map_err(anyhow::Error::msg)?;
    let diary = store.export_diary(user).await?;
    let at = |day: NaiveDate| Utc.from_utc_datetime(&day.and_hms_opt(19, 0, 0).unwrap_or_default());
    let peg = &instruments.get("peg-3").map_err(|_| anyhow::anyhow!("no PEG"))?.q;
    for weeks in (0..52).step_by(2) {
        let day = today - Duration::weeks(52 - weeks);
        let week: Vec<_> =
            diary.iter().filter(|r| r.date > day - Duration::days(7) && r.date <= day).collect();
        let mean = |f: fn(&foothold_core::diary_csv::DiaryRow) -> Option<u8>| {
            let v: Vec<f64> = week.iter().filter_map(|r| f(r)).map(f64::from).collect();
            (!v.is_empty()).then(|| (v.iter().sum::<f64>() / v.len() as f64).round() as i64)
        };
        let (Some(a), Some(b), Some(c)) = (
            mean(|r| r.ratings.peg_pain.map(|s| s.value())),
            mean(|r| r.ratings.peg_enjoyment.map(|s| s.value())),
            mean(|r| r.ratings.peg_activity.map(|s| s.value())),
        ) else {
            continue;
        };
        let raw = [("q1", a), ("q2", b), ("q3", c)].map(|(l, v)| (l.to_string(), v.to_string()));
        save(store, user, peg, &format!("demo-peg-{weeks}"), &raw, at(day)).await?;
    }
    let phq = &instruments.get("phq-9").map_err(|_| anyhow::anyhow!("no PHQ-9"))?.q;
    for (n, total) in PHQ9_TOTALS.iter().enumerate() {
        let day = today - Duration::weeks(52 - 4 * n as i64);
        // Spread the total over items 1–8, at most 3 each; item 9 stays at "not at all".
        let codes = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
        let raw: Vec<(String, String)> = (1..=9)
            .map(|i| {
                let value = if i == 9 { 0 } else { (usize::from(*total) + 8 - i) / 8 };
                (format!("q{i}"), codes.get(value.min(3)).copied().unwrap_or("LA6568-5").to_string())
            })
            .collect();
        save(store, user, phq, &format!("demo-phq-{n}"), &raw, at(day)).await?;
    }
    store.set_schedule(user, "peg-3", Some(14)).await?;
    store.set_schedule(user, "phq-9", Some(28)).await?;
    Ok(())
}

async fn save(
    store: &Store,
    user: UserId,
    q: &Questionnaire,
    nonce: &str,
    raw: &[(String, String)],
    at: chrono::DateTime<Utc>,
) -> Result<()> {
    let answers = q.check(raw).map_err(|e| anyhow::anyhow!("demo answers for {}: {e:?}", q.id))?;
    let score = q.score(&answers).map(|s| s.value);
    let answers: Vec<Answer> = answers.into();
    store.save_response(user, nonce, &q.id, &q.version, &answers, score, at).await?;
    Ok(())
}
