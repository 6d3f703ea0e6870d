//! The clinician's pages, `/clinician`: enter a member's code, see the members who shared,
//! open one read-only summary (every view logged for the member), and, where the member
//! allowed it, leave a note or suggest a skill or an experiment.

use super::form::{csrf, value, Errors};
use super::shares::{scopes_line, suggestion_text};
use super::{html, layout, scroll_table, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::shares::{self, Shown};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::share::ShareId;
use foothold_store::{Coaching, Share, User};
use maud::{html, Markup};

async fn clinician_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    error: Option<&AppError>,
    status: StatusCode,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    if !app.store.is_clinician(user.id).await? {
        let body = html! { h1 { (tr.t("clinician-title")) } p { (tr.t("clinician-not-yet")) } };
        return Ok(html(StatusCode::FORBIDDEN, layout::page(viewer, &tr.t("clinician-title"), body)));
    }
    let today = app.today(user);
    let list = app.store.clinician_shares(user.id, today).await?;
    let errors = Errors { tr, error };
    let title = tr.t("clinician-title");
    let body = html! {
        h1 { (title) }
        p { (tr.t("clinician-lead")) }
        (errors.summary())
        form method="post" action="/clinician" {
            (csrf(&viewer.csrf))
            div class={ "field" @if errors.message_for("code").is_some() { " field-error" } } {
                label for="code" { (tr.t("clinician-code")) }
                p class="hint" id="code-hint" { (tr.t("clinician-code-hint")) }
                @if let Some(m) = errors.message_for("code") { p class="error-message" { (m) } }
                input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" required aria-describedby="code-hint";
            }
            button type="submit" { (tr.t("clinician-redeem")) }
        }
        section aria-labelledby="members-title" {
            h2 id="members-title" { (tr.t("clinician-members")) }
            @if list.is_empty() { p { (tr.t("clinician-none")) } }
            ul class="cards" {
                @for s in &list {
                    li class="card" {
                        h3 { a href={ "/clinician/shares/" (s.id) } { (s.member) } }
                        p class="meta" { (scopes_line(tr, s)) " · " (tr.ta("share-period", &[("from", &s.from.to_string()), ("to", &s.to.to_string())])) }
                        p class="meta" { (tr.ta("clinician-until", &[("until", &s.until.to_string())])) }
                    }
                }
            }
        }
    };
    Ok(html(status, layout::page(viewer, &title, body)))
}

pub async fn show(State(app): State<AppState>, Member { user, viewer, .. }: Member) -> AppResult<Response> {
    clinician_page(&app, &viewer, &user, None, StatusCode::OK).await
}

pub async fn redeem(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    match shares::redeem(&app, &user, value(&pairs, "code")).await.map_err(AppError::from) {
        Ok(s) => Ok(see_other(&format!("/clinician/shares/{}", s.id))),
        Err(e @ AppError::Invalid(_)) => {
            clinician_page(&app, &viewer, &user, Some(&e), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e),
    }
}

pub async fn shared(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ShareId>,
) -> AppResult<Response> {
    shared_page(&app, &viewer, &user, id, None, StatusCode::OK).await
}

async fn shared_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    id: ShareId,
    error: Option<&AppError>,
    status: StatusCode,
) -> AppResult<Response> {
    let share = shares::open(app, user, id).await?;
    let shown = shares::shown(app, user, &share).await?;
    let coaching = if share.coaching { Some(app.store.share_coaching(share.id).await?) } else { None };
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.ta("clinician-shared-title", &[("member", &share.member)]);
    let body = html! {
        p { a href="/clinician" { "← " (tr.t("clinician-title")) } }
        h1 { (title) }
        p class="notice" {
            (scopes_line(tr, &share)) " · "
            (tr.ta("share-period", &[("from", &share.from.to_string()), ("to", &share.to.to_string())])) ". "
            (tr.t("clinician-read-only"))
        }
        // A failed suggestion comes back first, with its problems; otherwise the data first.
        @if let (Some(items), true) = (&coaching, error.is_some()) { (coach_form(app, viewer, &share, items, &errors)) }
        (sections(tr, &shown))
        @if let (Some(items), false) = (&coaching, error.is_some()) { (coach_form(app, viewer, &share, items, &errors)) }
    };
    Ok(html(status, layout::page(viewer, &title, body)))
}

fn rating(score: Option<foothold_core::checkin::Score>) -> String {
    score.map_or_else(|| "—".to_string(), |s| s.value().to_string())
}

fn sections(tr: &Tr, shown: &Shown<'_>) -> Markup {
    html! {
        @if let Some(days) = &shown.diary {
            section aria-labelledby="diary-title" {
                h2 id="diary-title" { (tr.t("share-scope-diary")) }
                p { (tr.ta("clinician-days", &[("count", &days.len().to_string())])) }
                @let columns = ["clinician-col-day", "clinician-col-pain", "clinician-col-peg", "clinician-col-mood", "clinician-col-sleep", "clinician-col-control"].map(|c| tr.t(c));
                (scroll_table("diary-caption", &tr.t("share-scope-diary"), &columns, html! {
                    @for d in days.iter().rev() {
                        tr {
                            td { (d.day) }
                            td { (rating(d.ratings.pain)) }
                            td { (d.ratings.peg().map_or_else(|| "—".to_string(), |p| format!("{p:.1}"))) }
                            td { (rating(d.ratings.mood)) }
                            td { (rating(d.ratings.sleep)) }
                            td { (rating(d.ratings.control)) }
                        }
                    }
                }))
            }
        }
        @if let Some(all) = &shown.questionnaires {
            section aria-labelledby="q-shared-title" {
                h2 id="q-shared-title" { (tr.t("share-scope-questionnaires")) }
                @if all.is_empty() { p { (tr.t("clinician-no-questionnaires")) } }
                @for (n, (q, points)) in all.iter().enumerate() {
                    (super::questionnaires::scores_table(tr, q, points, &format!("q-caption-{n}")))
                }
            }
        }
        @if let Some(records) = &shown.thoughts {
            section aria-labelledby="thoughts-title" {
                h2 id="thoughts-title" { (tr.t("share-scope-thoughts")) }
                @if records.is_empty() { p { (tr.t("clinician-no-thoughts")) } }
                @for t in records {
                    div class="card" {
                        p class="meta" { (t.day) }
                        @if let Some(s) = &t.situation { p { strong { (tr.t("clinician-situation")) } " " (s) } }
                        @if let Some(s) = &t.thought { p { strong { (tr.t("clinician-thought")) } " " (s) } }
                        @if let Some(s) = &t.alternative { p { strong { (tr.t("clinician-alternative")) } " " (s) } }
                    }
                }
            }
        }
    }
}

/// The clinician's part of a share that allows coaching: the form, and what they left.
fn coach_form(app: &AppState, viewer: &Viewer, share: &Share, items: &[Coaching], errors: &Errors) -> Markup {
    let tr = &viewer.tr;
    html! {
        section aria-labelledby="coach-title" {
            h2 id="coach-title" { (tr.t("coaching-clinician-title")) }
            p { (tr.t("coaching-clinician-lead")) }
            (errors.summary())
            form method="post" action={ "/clinician/shares/" (share.id) "/coach" } {
                (csrf(&viewer.csrf))
                fieldset id="kind" {
                    legend { (tr.t("coaching-kind")) }
                    @for (kind, key) in [("note", "coaching-kind-note"), ("skill", "coaching-kind-skill"), ("experiment", "coaching-kind-experiment"), ("goal", "coaching-kind-goal")] {
                        label class="choice" { input type="radio" name="kind" value=(kind) checked[kind == "note"]; " " (tr.t(key)) }
                    }
                }
                div class="field" {
                    label for="body" { (tr.t("coaching-body")) }
                    @if let Some(m) = errors.message_for("body") { p class="error-message" { (m) } }
                    textarea id="body" name="body" rows="3" maxlength="2000" {}
                }
                div class="field" {
                    label for="skill" { (tr.t("coaching-skill")) }
                    @if let Some(m) = errors.message_for("skill") { p class="error-message" { (m) } }
                    select id="skill" name="skill" {
                        option value="" { "—" }
                        @for k in &app.library.skills { option value=(k.meta.slug) { (k.meta.title) } }
                    }
                }
                div class="field" {
                    label for="strategy" { (tr.t("coaching-strategy")) }
                    @if let Some(m) = errors.message_for("strategy") { p class="error-message" { (m) } }
                    input id="strategy" name="strategy" type="text" maxlength="60";
                }
                div class="field" {
                    label for="outcome" { (tr.t("coaching-outcome")) }
                    select id="outcome" name="outcome" {
                        @for o in ["pain", "peg", "mood", "sleep"] { option value=(o) { (tr.t(&format!("insights-outcome-{o}"))) } }
                    }
                }
                div class="field" {
                    label for="unit" { (tr.t("coaching-unit")) }
                    @if let Some(m) = errors.message_for("unit") { p class="error-message" { (m) } }
                    select id="unit" name="unit" {
                        @for u in foothold_core::goal::Unit::ALL { option value=(u.as_str()) { (tr.t(&format!("goal-unit-name-{}", u.as_str()))) } }
                    }
                }
                button type="submit" { (tr.t("coaching-send")) }
            }
            @for c in items {
                div class="card" {
                    p class="meta" { (c.created_at.format("%Y-%m-%d")) " · " (tr.t(&format!("coaching-status-{}", c.status))) }
                    (suggestion_text(app, tr, &c.suggestion))
                }
            }
        }
    }
}

/// A clinician leaves a note or suggestion; a form with problems comes back with them.
pub async fn coach(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ShareId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let get = |k| value(&pairs, k);
    match app.library.parse_suggestion(
        get("kind"),
        get("body"),
        get("skill"),
        (get("strategy"), get("outcome"), get("unit")),
    ) {
        Ok(s) => {
            shares::coach(&app, &user, id, &s).await?;
            Ok(see_other(&format!("/clinician/shares/{id}#coach-title")))
        }
        Err(invalid) => {
            let e = AppError::from(invalid);
            shared_page(&app, &viewer, &user, id, Some(&e), StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}
