//! The questionnaires members can answer: ours, embedded from `content/questionnaires`, and
//! any an operator loads from `questionnaires_dir` (a licensed instrument as a FHIR file, no
//! code). Answering, the member's own history of scores, and which questionnaires are due.
//! The page and the API both go through here.

use crate::error::{ServiceError, ServiceResult};
use chrono::{Duration, NaiveDate};
use foothold_core::questionnaire::{self, Answers, Questionnaire, Trend};
use foothold_readers::crisis::Level;
use foothold_store::{Schedule, Store, StoredResponse, User, UserId};
use std::path::Path;

macro_rules! files {
    ($($id:literal),* $(,)?) => {
        &[$(($id, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/questionnaires/en/", $id, ".json")))),*]
    };
}

/// Every questionnaire file we ship (a test checks that none in the folder is missing).
pub const FILES: &[(&str, &str)] = files!("peg-3", "phq-9", "phq-2", "gad-7", "gad-2", "scs-sf", "ucla-3");

/// The largest questionnaire file an operator may load.
const FILE_LIMIT: u64 = 1024 * 1024;

/// One questionnaire and its file as written, which the API serves unchanged.
pub struct Instrument {
    pub q: Questionnaire,
    pub json: String,
}

pub struct Instruments(Vec<Instrument>);

impl Instruments {
    /// Ours, then the operator's; a file that does not read stops the start with its name.
    pub fn load(dir: Option<&Path>) -> Result<Self, String> {
        let mut files: Vec<(String, String)> =
            FILES.iter().map(|(id, json)| (format!("{id}.json"), (*json).to_string())).collect();
        if let Some(dir) = dir {
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .map_err(|e| format!("questionnaires_dir {}: {e}", dir.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            paths.sort();
            for path in paths {
                let too_big = std::fs::metadata(&path).map(|m| m.len() > FILE_LIMIT).unwrap_or(true);
                if too_big {
                    return Err(format!("{}: larger than 1 MiB or unreadable", path.display()));
                }
                let json = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                files.push((path.display().to_string(), json));
            }
        }
        let mut list: Vec<Instrument> = Vec::new();
        for (name, json) in files {
            let q = questionnaire::parse(&json).map_err(|e| format!("questionnaire {name}: {e}"))?;
            if list.iter().any(|i| i.q.id == q.id) {
                return Err(format!("questionnaire {name}: the id '{}' is taken", q.id));
            }
            list.push(Instrument { q, json });
        }
        Ok(Self(list))
    }

    pub fn all(&self) -> &[Instrument] {
        &self.0
    }

    pub fn get(&self, id: &str) -> ServiceResult<&Instrument> {
        self.0.iter().find(|i| i.q.id == id).ok_or(ServiceError::NotFound)
    }

    /// Each questionnaire the member answered between `from` and `to`, with its scores there:
    /// what a clinician sees of a share and what the visit summary shows.
    pub async fn answered_between(
        &self,
        store: &Store,
        user: UserId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> ServiceResult<Vec<(&Questionnaire, Vec<Point>)>> {
        let mut all = Vec::new();
        for i in self.all() {
            let points: Vec<Point> = history(store, user, &i.q)
                .await?
                .into_iter()
                .filter(|p| (from..=to).contains(&p.response.authored.date_naive()))
                .collect();
            if !points.is_empty() {
                all.push((&i.q, points));
            }
        }
        Ok(all)
    }

    /// The scheduled questionnaires to offer today (in the member's zone `tz`): not answered
    /// within their period and not put off past today. One query for a member without schedules.
    pub async fn due(
        &self,
        store: &Store,
        user: &User,
        today: NaiveDate,
        tz: chrono_tz::Tz,
    ) -> ServiceResult<Vec<&Instrument>> {
        let schedules = store.schedules_with_last(user.id).await?;
        Ok(schedules
            .iter()
            .filter(|(s, _): &&(Schedule, _)| s.snoozed_until.is_none_or(|d| d <= today))
            .filter(|(s, last)| {
                let last = last.map(|at| at.with_timezone(&tz).date_naive());
                last.is_none_or(|day| today - day >= Duration::days(i64::from(s.every_days)))
            })
            .filter_map(|(s, _)| self.get(&s.questionnaire).ok())
            .collect())
    }
}

/// The days to put a questionnaire off when the member says "not now".
pub const SNOOZE_DAYS: i64 = 3;

/// A response with what the member is shown about it.
pub struct Answered {
    pub response: StoredResponse,
    /// The support service's answer: PHQ-9 item 9 above zero is a crisis at once.
    pub support: Option<Level>,
}

/// Checks and saves answers (`raw`: link id → option code or number, as text).
pub async fn answer(
    store: &Store,
    user: &User,
    q: &Questionnaire,
    nonce: &str,
    raw: &[(String, String)],
) -> ServiceResult<Answered> {
    let answers = q.check(raw).map_err(ServiceError::Answers)?;
    let score = q.score(&answers).map(|s| s.value);
    let support = q.needs_support(&answers).then_some(Level::Crisis);
    let answers: Vec<_> = answers.into();
    let response = store
        .save_response(user.id, nonce, &q.id, &q.version, &answers, score, foothold_store::now())
        .await?;
    Ok(Answered { response, support })
}

/// One score in a member's history, and how it compares with the one before.
pub struct Point {
    pub response: StoredResponse,
    pub score: f64,
    pub band: Option<String>,
    pub flag: bool,
    pub trend: Option<Trend>,
}

/// A member's scores on one questionnaire, oldest first. Answers given to an older version
/// of the file are checked again and scored by today's rules; any that no longer read are left
/// out rather than scored wrongly.
pub async fn history(store: &Store, user: UserId, q: &Questionnaire) -> ServiceResult<Vec<Point>> {
    let mut points: Vec<Point> = Vec::new();
    for response in store.responses(user, Some(&q.id)).await? {
        let Some(scored) = q
            .recheck(&response.answers)
            .ok()
            .as_ref()
            .and_then(|a: &Answers| q.score(a).map(|s| (s.value, s.band.cloned())))
        else {
            continue;
        };
        let trend = points.last().map(|p| q.trend(p.score, scored.0));
        points.push(Point {
            score: scored.0,
            band: scored.1.as_ref().map(|b| b.label.clone()),
            flag: scored.1.is_some_and(|b| b.flag),
            trend,
            response,
        });
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn every_file_in_the_folder_is_shipped() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/questionnaires/en");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".json").to_string())
            .collect();
        on_disk.sort();
        let mut shipped: Vec<String> = FILES.iter().map(|(id, _)| (*id).to_string()).collect();
        shipped.sort();
        assert_eq!(on_disk, shipped);
    }

    #[test]
    fn an_operator_adds_a_questionnaire_and_a_broken_one_stops_the_start() {
        let dir = tempfile::tempdir().unwrap();
        let peg = FILES.iter().find(|(id, _)| *id == "peg-3").unwrap().1;
        std::fs::write(
            dir.path().join("licensed.json"),
            peg.replace("\"id\": \"peg-3\"", "\"id\": \"licensed\""),
        )
        .unwrap();
        let loaded = Instruments::load(Some(dir.path())).unwrap();
        assert_eq!(loaded.all().len(), FILES.len() + 1);
        assert!(loaded.get("licensed").is_ok());

        std::fs::write(dir.path().join("again.json"), peg).unwrap();
        let taken = Instruments::load(Some(dir.path())).err().unwrap();
        assert!(taken.contains("again.json") && taken.contains("'peg-3' is taken"), "{taken}");
        std::fs::write(dir.path().join("again.json"), "{\"resourceType\": \"Questionnaire\"}").unwrap();
        let broken = Instruments::load(Some(dir.path())).err().unwrap();
        assert!(broken.contains("again.json") && broken.contains("lacks 'id'"), "{broken}");
    }
}
