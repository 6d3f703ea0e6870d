//! The visit summary: one page (two at most) a member takes to a clinician — pain and PEG
//! over a period they choose, questionnaire scores with meaningful change, what goes with
//! better days, kept experiment results, and their own questions. Gathered here, drawn as a
//! PDF in `pdf.rs`.

mod pdf;

use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::questionnaires::Point;
use crate::AppState;
use chrono::{Duration, NaiveDate};
use foothold_core::agency::{Label, Outcome};
use foothold_core::checkin::Ratings;
use foothold_core::questionnaire::Questionnaire;
use foothold_core::Invalid;
use foothold_store::User;

/// The longest period a summary covers.
pub const MAX_DAYS: i64 = 3 * 366;
/// Lines of "what goes with better days" on the page.
const HELPS: usize = 5;

/// Everything the summary shows, in the member's words and numbers.
pub struct Summary<'a> {
    pub handle: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub made: NaiveDate,
    pub days: Vec<(NaiveDate, Ratings)>,
    /// How many of those days the member marked as a flare.
    pub flares: usize,
    /// Each questionnaire answered in the period, with its scores there (oldest first).
    pub scores: Vec<(&'a Questionnaire, Vec<Point>)>,
    /// (strategy, outcome, estimated difference) for what likely goes with better days.
    pub helps: Vec<(String, Outcome, f64)>,
    /// Kept experiments: (A, B, outcome, estimate of A − B, 90 % interval, A helped).
    pub experiments: Vec<(String, String, Outcome, f64, [f64; 2], bool)>,
    pub questions: Vec<String>,
    /// Goals whose plan ran in the period, each as one line in the member's language.
    pub goals: Vec<String>,
}

/// Reads the period of a summary: both days given, in order, within three years, not after
/// today.
pub fn period(from: &str, to: &str, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), Invalid> {
    let parse = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    match (parse(from), parse(to)) {
        (Some(f), Some(t)) if f <= t && t <= today && t - f <= Duration::days(MAX_DAYS) => Ok((f, t)),
        (Some(_), Some(_)) => Err(Invalid::one("from", "share-period")),
        _ => Err(Invalid::one("from", "date-invalid")),
    }
}

pub async fn gather<'a>(
    app: &'a AppState,
    user: &User,
    tr: &Tr,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Summary<'a>> {
    let checkins = app.store.checkins(user.id, from, to).await?;
    let flares = checkins.iter().filter(|c| c.flare).count();
    let days = checkins.into_iter().map(|c| (c.day, c.ratings)).collect();
    let scores = app.questionnaires.answered_between(&app.store, user.id, from, to).await?;
    let insight = app.insights.get(&app.store, user.id, tr).await?;
    let mut helps: Vec<(String, Outcome, f64)> = insight
        .report
        .results
        .iter()
        .filter(|e| e.label == Label::LikelyHelps && e.lag == 0)
        .map(|e| (insight.name(e.strategy).to_owned(), e.outcome, e.estimate))
        .collect();
    helps.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()));
    helps.truncate(HELPS);
    let experiments = insight
        .proven
        .iter()
        .map(|p| (p.a.clone(), p.b.clone(), p.outcome, p.estimate, p.interval, p.helps))
        .collect();
    let questions = app.store.visit_questions(user.id).await?.into_iter().map(|(_, q)| q).collect();
    let made = app.today(user);
    let goals = goal_lines(app, user, tr, from, to).await?;
    Ok(Summary {
        handle: user.handle.clone(),
        from,
        to,
        made,
        days,
        flares,
        scores,
        helps,
        experiments,
        questions,
        goals,
    })
}

/// "Walk: the step is 14 minutes (it began at 12); done on 20 of 28 days in this period."
async fn goal_lines(
    app: &AppState,
    user: &User,
    tr: &Tr,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<String>> {
    let mut lines = Vec::new();
    for g in app.store.goals(user.id).await? {
        let Some(plan) = g.plan() else { continue };
        let steps = app.store.goal_steps(user.id, g.id).await?;
        let days: Vec<_> = foothold_core::goal::days_of_plan(&plan, &steps, to)
            .into_iter()
            .filter(|d| d.day >= from)
            .collect();
        let Some(last) = days.last() else { continue };
        let done = days.iter().filter(|d| d.step_done()).count();
        let args = [
            ("activity", g.activity.clone()),
            ("step", crate::goals::amount(tr, g.unit, last.target)),
            ("first", crate::goals::amount(tr, g.unit, plan.target_of_week(0))),
            ("done", done.to_string()),
            ("days", days.len().to_string()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        lines.push(tr.ta("summary-goal", &args));
    }
    Ok(lines)
}

#[derive(serde::Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct PeriodQuery {
    /// First day.
    #[param(value_type = NaiveDate, required = true)]
    pub from: String,
    /// Last day (no later than today; at most three years after `from`).
    #[param(value_type = NaiveDate, required = true)]
    pub to: String,
}

/// The visit summary of the viewer's chosen days as a PDF download (page and API alike).
pub async fn download(
    app: &AppState,
    viewer: &crate::auth::Viewer,
    user: &User,
    query: &PeriodQuery,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let today = app.today(user);
    let (from, to) = period(&query.from, &query.to, today)?;
    let summary = gather(app, user, &viewer.tr, from, to).await?;
    let bytes = pdf(&summary, &viewer.tr)?;
    let name = format!("attachment; filename=\"foothold-summary-{from}-{to}.pdf\"");
    let headers = [
        (axum::http::header::CONTENT_TYPE, "application/pdf".to_string()),
        (axum::http::header::CONTENT_DISPOSITION, name),
    ];
    Ok((headers, bytes).into_response())
}

/// The summary as a PDF.
pub fn pdf(summary: &Summary<'_>, tr: &Tr) -> AppResult<Vec<u8>> {
    pdf::render(summary, tr).map_err(|e| {
        tracing::error!(error = %e, "visit summary PDF failed");
        AppError::Internal
    })
}
