//! "What helps me" in the JSON API: the same analysis the insights page shows.

use super::ErrorBody;
use super::Json;
use crate::auth::Member;
use crate::error::AppResult;
use crate::AppState;
use axum::extract::State;
use foothold_core::agency::Report;
use foothold_core::strategy::StrategyId;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct InsightsView {
    /// Changes whenever the diary changes; the analysis is always of this revision.
    revision: i64,
    /// Days with a check-in.
    days: usize,
    /// The name of every strategy in the report, by id (in the request's language). The
    /// report names strategies by id only, so two strategies with one name stay apart.
    #[schema(value_type = std::collections::HashMap<String, String>)]
    strategy_names: std::collections::HashMap<StrategyId, String>,
    /// The agency engine's report: `results`, `contingency` and `co_occurring`, in the shape
    /// of `foothold analyze --json` (docs/ANALYSIS.md), with strategy ids (`GET
    /// /api/v1/strategies`) where that has names.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    report: Report,
}

/// Which of your strategies go with better days: every strategy × outcome × lag, the
/// contingency figures and strategies usually done together.
#[utoipa::path(get, path = "/api/v1/insights", tag = "insights", operation_id = "get_insights",
    responses((status = 200, body = InsightsView), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn get(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
) -> AppResult<Json<InsightsView>> {
    let insight = app.insights.get(&app.store, user.id, &viewer.tr).await?;
    Ok(Json(InsightsView {
        revision: insight.revision,
        days: insight.days,
        strategy_names: insight.names.clone(),
        report: insight.report.clone(),
    }))
}
