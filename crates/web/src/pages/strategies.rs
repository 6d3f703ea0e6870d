//! "Your activities": the member's list of strategies, and for each one renaming,
//! archiving (it leaves the check-in form, its days stay) and merging into another.

use super::form::{csrf, Errors, Field};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::diary::strategy_name;
use crate::error::{AppError, AppResult};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use foothold_core::checkin;
use foothold_core::strategy::{Category, StrategyId};
use foothold_store::{Strategy, User};
use maud::html;
use serde::Deserialize;

pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<Done>,
) -> Response {
    let list = match app.store.strategies(user.id).await {
        Ok(l) => l,
        Err(e) => return AppError::from(e).into_response(),
    };
    let tr = &viewer.tr;
    let title = tr.t("strategies-title");
    let (active, archived): (Vec<&Strategy>, Vec<&Strategy>) = list.iter().partition(|s| !s.archived);
    let table = |rows: &[&Strategy], caption: String| {
        html! {
            div class="table-scroll" tabindex="0" role="region" aria-label=(caption) {
                table {
                    caption { (caption) }
                    thead { tr {
                        th scope="col" { (tr.t("strategies-col-name")) }
                        th scope="col" { (tr.t("strategies-col-uses")) }
                        th scope="col" { (tr.t("strategies-col-since")) }
                    } }
                    tbody { @for s in rows { tr {
                        th scope="row" { a href={ "/strategies/" (s.id) } { (strategy_name(tr, s)) } }
                        td { (s.uses) }
                        td { (s.tracked_from) }
                    } } }
                }
            }
        }
    };
    let body = html! {
        h1 { (title) }
        @if q.done.as_deref() == Some("deleted") { p class="notice" role="status" { (tr.t("strategies-deleted")) } }
        p class="lead" { (tr.t("strategies-lead")) }
        (table(&active, tr.t("strategies-active")))
        @if !archived.is_empty() { (table(&archived, tr.t("strategies-archived"))) }
    };
    html(StatusCode::OK, layout::page(&viewer, &title, body))
}

#[derive(Deserialize)]
pub struct Done {
    done: Option<String>,
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<StrategyId>,
    Query(q): Query<Done>,
) -> Response {
    page(&app, &viewer, &user, id, q.done.as_deref(), None, "").await
}

/// One strategy's page; `error` and `typed` show a refused rename again.
async fn page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    id: StrategyId,
    done: Option<&str>,
    error: Option<&AppError>,
    typed: &str,
) -> Response {
    let (s, all) = match async {
        Ok::<_, AppError>((app.store.strategy(user.id, id).await?, app.store.strategies(user.id).await?))
    }
    .await
    {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let tr = &viewer.tr;
    let name = strategy_name(tr, &s);
    let errors = Errors { tr, error };
    let typed = if typed.is_empty() { name.as_str() } else { typed };
    let status = match done {
        Some("renamed") => Some(tr.t("strategies-renamed")),
        Some("archived") => Some(tr.t("strategies-archived-done")),
        Some("restored") => Some(tr.t("strategies-restored")),
        Some("merged") => Some(tr.t("strategies-merged")),
        Some("medicine") => Some(tr.t("strategies-medicine-marked")),
        Some("not-medicine") => Some(tr.t("strategies-medicine-unmarked")),
        _ => None,
    };
    let field = Field {
        name: "name",
        label: tr.t("strategies-new-name"),
        kind: "text",
        value: typed,
        hint: None,
        autocomplete: "off",
        required: true,
    };
    let body = html! {
        p { a href="/strategies" { "← " (tr.t("strategies-back")) } }
        h1 { (name) }
        @if let Some(status) = status { p class="notice" role="status" { (status) } }
        (errors.summary())
        p { (tr.ta("strategies-facts", &[("uses", &s.uses.to_string()), ("since", &s.tracked_from.to_string())])) }
        section aria-labelledby="rename" {
            h2 id="rename" { (tr.t("strategies-rename")) }
            form method="post" action={ "/strategies/" (s.id) "/rename" } {
                (csrf(&viewer.csrf))
                (field.render(&errors))
                button type="submit" { (tr.t("strategies-rename")) }
            }
        }
        section aria-labelledby="archive" {
            h2 id="archive" { (tr.t(if s.archived { "strategies-restore" } else { "strategies-archive" })) }
            p { (tr.t(if s.archived { "strategies-restore-hint" } else { "strategies-archive-hint" })) }
            form method="post" action={ "/strategies/" (s.id) "/archive" } {
                (csrf(&viewer.csrf))
                input type="hidden" name="archived" value=(if s.archived { "false" } else { "true" });
                button type="submit" { (tr.t(if s.archived { "strategies-restore" } else { "strategies-archive" })) }
            }
        }
        @if s.builtin_key.is_none() && matches!(s.category, Category::Own | Category::Medication) {
            @let medicine = s.category == Category::Medication;
            section aria-labelledby="medicine" {
                h2 id="medicine" { (tr.t("strategies-medicine")) }
                p { (tr.t(if medicine { "strategies-medicine-is" } else { "strategies-medicine-hint" })) }
                form method="post" action={ "/strategies/" (s.id) "/medication" } {
                    (csrf(&viewer.csrf))
                    input type="hidden" name="medication" value=(!medicine);
                    button type="submit" class="secondary" { (tr.t(if medicine { "strategies-medicine-unmark" } else { "strategies-medicine-mark" })) }
                }
            }
        }
        @if s.uses == 0 && s.builtin_key.is_none() {
            section aria-labelledby="delete" {
                h2 id="delete" { (tr.t("strategies-delete")) }
                p { (tr.t("strategies-delete-hint")) }
                form method="post" action={ "/strategies/" (s.id) "/delete" } {
                    (csrf(&viewer.csrf))
                    button type="submit" class="secondary" { (tr.t("strategies-delete")) }
                }
            }
        }
        @let others: Vec<&Strategy> = all.iter().filter(|o| o.id != s.id).collect();
        @if !others.is_empty() {
            section aria-labelledby="merge" {
                h2 id="merge" { (tr.t("strategies-merge")) }
                p { (tr.ta("strategies-merge-hint", &[("name", &name)])) }
                form method="post" action={ "/strategies/" (s.id) "/merge" } {
                    (csrf(&viewer.csrf))
                    label for="into" { (tr.t("strategies-merge-into")) }
                    select id="into" name="into" {
                        @for o in &others { option value=(o.id) { (strategy_name(tr, o)) } }
                    }
                    button type="submit" { (tr.t("strategies-merge")) }
                }
            }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &name, body))
}

#[derive(Deserialize)]
pub struct RenameForm {
    name: String,
}

pub async fn rename(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<StrategyId>,
    Form(f): Form<RenameForm>,
) -> Response {
    let renamed = match checkin::parse_strategy_name(&f.name) {
        Ok(name) => app.store.rename_strategy(user.id, id, &name).await.map_err(AppError::from),
        Err(e) => Err(AppError::Invalid(e)),
    };
    match renamed {
        Ok(_) => {
            app.insights.changed(&app.store, user.id, &viewer.tr);
            see_other(&format!("/strategies/{id}?done=renamed"))
        }
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            page(&app, &viewer, &user, id, None, Some(&e), &f.name).await
        }
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize)]
pub struct ArchiveForm {
    archived: bool,
}

pub async fn archive(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<StrategyId>,
    Form(f): Form<ArchiveForm>,
) -> Response {
    match app.store.set_strategy_archived(user.id, id, f.archived).await {
        Ok(_) => {
            see_other(&format!("/strategies/{id}?done={}", if f.archived { "archived" } else { "restored" }))
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

#[derive(Deserialize)]
pub struct MedicationForm {
    medication: bool,
}

pub async fn medication(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<StrategyId>,
    Form(f): Form<MedicationForm>,
) -> AppResult<Response> {
    app.store.set_strategy_medication(user.id, id, f.medication).await?;
    Ok(see_other(&format!(
        "/strategies/{id}?done={}",
        if f.medication { "medicine" } else { "not-medicine" }
    )))
}

pub async fn delete(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<StrategyId>,
) -> Response {
    match app.store.delete_strategy(user.id, id).await {
        Ok(()) => see_other("/strategies?done=deleted"),
        Err(e) => {
            let e = AppError::from(e);
            match e {
                AppError::Conflict(_) => page(&app, &viewer, &user, id, None, Some(&e), "").await,
                other => other.into_response(),
            }
        }
    }
}

#[derive(Deserialize)]
pub struct MergeForm {
    into: StrategyId,
}

pub async fn merge(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<StrategyId>,
    Form(f): Form<MergeForm>,
) -> Response {
    match app.store.merge_strategies(user.id, id, f.into).await {
        Ok(kept) => {
            app.insights.changed(&app.store, user.id, &viewer.tr);
            see_other(&format!("/strategies/{}?done=merged", kept.id))
        }
        Err(e) => AppError::from(e).into_response(),
    }
}
