//! Everything a member has in Foothold as one ZIP of JSON and CSV files: the same data the
//! single exports give (built by the same functions), plus questionnaires, sharing and the
//! access log, and the FHIR bundle. `GET /api/v1/export`, `foothold export --format archive`.

use super::shares::{coaching_views, share_views};
use super::{diary, experiments, thoughts, ErrorBody};
use crate::auth::Member;
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use foothold_store::User;
use serde::Serialize;
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const README: &str = "Your data from Foothold\n\n\
diary.csv              your check-ins in Foothold's CSV exchange format (docs/DIARY-CSV.md)\n\
diary.json             the same days as JSON, with the PEG score\n\
strategies.json        your strategies and activities\n\
experiments.json       your personal experiments with their plans and results\n\
thoughts.json          your thought records and predictions\n\
questionnaires.json    every questionnaire you answered, with your answers and score\n\
questionnaires.csv     the scores alone: date, questionnaire, score, reading\n\
visit-questions.json   your questions for a visit\n\
goals.json             your goals, their plans and every day you recorded\n\
hacks.json             the hacks you tried, from when, and whether you shared your result\n\
posts.json             everything you wrote in groups and hacks\n\
messages.json          your direct messages, both sides of each conversation\n\
community.json         your profile and who sees each part, your groups, whom you blocked\n\
writings.json          what you wrote for exercises: your flare plan, values, letters\n\
sharing.json           what you shared with whom, who looked at what, and their notes and suggestions\n\
fhir.json              your ratings and questionnaires as a FHIR R4 Bundle, for health records (docs/FHIR.md)\n";

#[derive(Serialize)]
struct ResponseLine<'a> {
    questionnaire: &'a str,
    version: &'a str,
    authored: chrono::DateTime<chrono::Utc>,
    answers: &'a [foothold_core::questionnaire::Answer],
    score: Option<f64>,
}

fn json<T: Serialize + ?Sized>(value: &T) -> AppResult<Vec<u8>> {
    serde_json::to_vec_pretty(value).map_err(|_| AppError::Internal)
}

/// The archive's bytes.
pub async fn archive(app: &AppState, user: &User, tr: &Tr) -> AppResult<Vec<u8>> {
    let rows = app.store.export_diary(user.id).await?;
    let strategies: Vec<_> =
        app.store.strategies(user.id).await?.into_iter().map(|s| diary::strategy_view(tr, s)).collect();
    let responses = app.store.responses(user.id, None).await?;
    let lines: Vec<ResponseLine<'_>> = responses
        .iter()
        .map(|r| ResponseLine {
            questionnaire: &r.questionnaire,
            version: &r.version,
            authored: r.authored,
            answers: &r.answers,
            score: r.score,
        })
        .collect();
    let mut scores = csv::Writer::from_writer(Vec::new());
    let csv_error = |_| AppError::Internal;
    scores.write_record(["date", "questionnaire", "score", "reading"]).map_err(csv_error)?;
    for i in app.questionnaires.all() {
        for p in crate::questionnaires::history(&app.store, user.id, &i.q).await? {
            let date = p.response.authored.date_naive().to_string();
            let record = [date, i.q.id.clone(), i.q.format_score(p.score), p.band.unwrap_or_default()];
            scores.write_record(&record).map_err(csv_error)?;
        }
    }
    let scores = scores.into_inner().map_err(|_| AppError::Internal)?;
    let questions: Vec<String> =
        app.store.visit_questions(user.id).await?.into_iter().map(|(_, q)| q).collect();
    let sharing = serde_json::json!({
        "shares": share_views(&app.store.member_shares(user.id).await?),
        "access_log": app.store.share_views(user.id, i64::MAX).await?.into_iter()
            .map(|v| serde_json::json!({ "clinician": v.clinician, "what": v.what, "at": v.at }))
            .collect::<Vec<_>>(),
        "coaching": coaching_views(&app.store.member_coaching(user.id).await?),
    });
    let bundle =
        crate::export::fhir_bundle(&app.store, &app.questionnaires, user, chrono::Utc::now()).await?;
    let posts: Vec<serde_json::Value> = app
        .store
        .own_posts(user.id)
        .await?
        .into_iter()
        .map(|p| {
            serde_json::json!({
                "group": p.group, "thread": p.thread, "thread_id": p.thread_id, "body": p.body,
                "created_at": p.created_at, "edited_at": p.edited_at, "hidden": p.hidden,
            })
        })
        .collect();
    let hacks: Vec<serde_json::Value> = app
        .store
        .tried(user.id)
        .await?
        .into_iter()
        .map(|t| serde_json::json!({ "hack": t.hack, "title": t.title, "tried_on": t.tried_on, "shared": t.shared }))
        .collect();
    let messages: Vec<serde_json::Value> = app
        .store
        .all_messages(user.id)
        .await?
        .into_iter()
        .map(|m| serde_json::json!({ "with": m.with, "sent": m.sent, "body": m.body, "at": m.created_at }))
        .collect();
    let community = community(app, user).await?;
    let writings: Vec<serde_json::Value> = app
        .store
        .writings(user.id)
        .await?
        .into_iter()
        .map(|w| serde_json::json!({ "exercise": w.skill, "text": w.body, "updated_at": w.updated_at }))
        .collect();
    let files: [(&str, Vec<u8>); 17] = [
        ("README.txt", README.as_bytes().to_vec()),
        ("diary.csv", diary::csv(&rows)?),
        ("diary.json", json(&diary::json_days(rows))?),
        ("strategies.json", json(&strategies)?),
        ("experiments.json", json(&experiments::all(app, user, tr).await?)?),
        ("thoughts.json", json(&thoughts::all(app, user.id).await?)?),
        ("questionnaires.json", json(&lines)?),
        ("questionnaires.csv", scores),
        ("visit-questions.json", json(&questions)?),
        ("goals.json", json(&super::goals::all(app, user).await?)?),
        ("hacks.json", json(&hacks)?),
        ("posts.json", json(&posts)?),
        ("messages.json", json(&messages)?),
        ("community.json", json(&community)?),
        ("writings.json", json(&writings)?),
        ("sharing.json", json(&sharing)?),
        ("fhir.json", json(&bundle)?),
    ];
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let zip_error = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "data archive failed");
        AppError::Internal
    };
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(|e| zip_error(&e))?;
        zip.write_all(&bytes).map_err(|e| zip_error(&e))?;
    }
    Ok(zip.finish().map_err(|e| zip_error(&e))?.into_inner())
}

/// The member's place in the community: their profile with each part's audience, the groups
/// they are in, whom they blocked and whether they take messages.
async fn community(app: &AppState, user: &User) -> AppResult<serde_json::Value> {
    let p = app.store.profile(user.id).await?;
    let groups: Vec<_> = app
        .store
        .member_groups(user.id, user.id)
        .await?
        .into_iter()
        .map(|(slug, name)| serde_json::json!({ "slug": slug, "name": name }))
        .collect();
    let blocked: Vec<_> = app
        .store
        .blocked_by(user.id)
        .await?
        .into_iter()
        .map(|b| serde_json::json!({ "handle": b.handle, "since": b.since }))
        .collect();
    let messages = app.store.message_settings(user.id).await?;
    Ok(serde_json::json!({
        "handle": user.handle.as_str(),
        "profile": {
            "about": { "text": p.about, "seen_by": p.about_to.as_str() },
            "living_with": { "text": p.living_with, "seen_by": p.living_with_to.as_str() },
            "groups_seen_by": p.groups_to.as_str(),
            "joined_seen_by": p.since_to.as_str(),
        },
        "groups": groups,
        "blocked": blocked,
        "messages": { "open": messages.open, "turned_off_by_moderators": messages.barred },
    }))
}

/// Everything you have in Foothold as one ZIP of JSON and CSV files, described in its
/// README.txt.
#[utoipa::path(get, path = "/api/v1/export", tag = "account", operation_id = "export_archive",
    responses((status = 200, content_type = "application/zip"), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn download(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
) -> AppResult<Response> {
    let bytes = archive(&app, &user, &viewer.tr).await?;
    let name = format!("attachment; filename=\"foothold-{}.zip\"", chrono::Utc::now().date_naive());
    Ok(([(header::CONTENT_TYPE, "application/zip".to_string()), (header::CONTENT_DISPOSITION, name)], bytes)
        .into_response())
}
