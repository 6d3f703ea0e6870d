//! Managing strategies in the JSON API: rename, archive, merge.

use super::diary::{strategy_view, StrategyView};
use super::ErrorBody;
use super::Json;
use crate::auth::Member;
use crate::error::AppResult;
use crate::AppState;
use axum::extract::{Path, State};
use foothold_core::checkin;
use foothold_core::strategy::StrategyId;
use serde::Deserialize;
use utoipa::ToSchema;

/// What to change; absent fields stay as they are.
#[derive(Deserialize, ToSchema)]
pub struct StrategyChange {
    /// 1–60 characters, no `;`.
    #[schema(pattern = r"^[^;]*\S[^;]*$", max_length = 60)]
    name: Option<String>,
    archived: Option<bool>,
    /// Mark one of your own strategies as a medicine (or not): it is then never suggested
    /// for an experiment, and one needs your prescriber's agreement. Built-ins: 409.
    medication: Option<bool>,
}

#[derive(Deserialize, ToSchema)]
pub struct MergeRequest {
    /// The strategy that stays and takes over every tagged day.
    #[schema(value_type = i64)]
    into: StrategyId,
}

/// Rename, archive or mark as a medicine one of your strategies. Archived strategies leave the check-in form;
/// their days stay in your diary and its analysis.
#[utoipa::path(patch, path = "/api/v1/strategies/{id}", tag = "diary", params(("id" = i64, Path)), request_body = StrategyChange,
    responses((status = 200, body = StrategyView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
              (status = 422, body = ErrorBody)), security(("token" = []), ("session" = [])))]
pub async fn change(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<StrategyId>,
    Json(req): Json<StrategyChange>,
) -> AppResult<Json<StrategyView>> {
    let name = req.name.as_deref().map(checkin::parse_strategy_name).transpose()?;
    let mut current = app.store.strategy(user.id, id).await?;
    if let Some(name) = name {
        current = app.store.rename_strategy(user.id, id, &name).await?;
    }
    if let Some(archived) = req.archived {
        current = app.store.set_strategy_archived(user.id, id, archived).await?;
    }
    if let Some(medication) = req.medication {
        current = app.store.set_strategy_medication(user.id, id, medication).await?;
    }
    Ok(Json(strategy_view(&viewer.tr, current)))
}

/// Delete one of your own strategies that no day has: nothing of the diary goes with it.
/// A strategy that is on some day (archive or merge it instead), a built-in one, or one in
/// an experiment gets 409 with a code that says which.
#[utoipa::path(delete, path = "/api/v1/strategies/{id}", tag = "diary", params(("id" = i64, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn delete(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<StrategyId>,
) -> AppResult<axum::http::StatusCode> {
    app.store.delete_strategy(user.id, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Merge this strategy into another: every day tagged with it is tagged with `into`
/// instead, and this one is removed. Returns the strategy that stays.
#[utoipa::path(post, path = "/api/v1/strategies/{id}/merge", tag = "diary", params(("id" = i64, Path)), request_body = MergeRequest,
    responses((status = 200, body = StrategyView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn merge(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<StrategyId>,
    Json(req): Json<MergeRequest>,
) -> AppResult<Json<StrategyView>> {
    let kept = app.store.merge_strategies(user.id, id, req.into).await?;
    app.insights.changed(&app.store, user.id, &viewer.tr);
    Ok(Json(strategy_view(&viewer.tr, kept)))
}
