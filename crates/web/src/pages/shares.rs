//! The member's sharing page, `/sharing`: make a share (what, which days, until when, whether
//! coaching is welcome) and get its code once, stop one, read who looked at what, and answer
//! what clinicians suggested. The clinician's side is `clinician.rs`.

use super::form::{csrf, value, values, Errors};
use super::{html, layout, scroll_table, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::shares;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use chrono::Duration;
use foothold_core::share::{parse_share, Scope, ShareId, Suggestion};
use foothold_store::{Coaching, Share, User};
use maud::{html, Markup};

/// Lines of the access log shown on the page.
const LOG_LINES: i64 = 200;

pub fn scope_name(tr: &Tr, scope: Scope) -> String {
    tr.t(&format!("share-scope-{}", scope.as_str()))
}

pub(super) fn scopes_line(tr: &Tr, share: &Share) -> String {
    share.scopes.iter().map(|s| scope_name(tr, *s)).collect::<Vec<_>>().join(", ")
}

/// The form's input, kept when it failed.
#[derive(Default)]
struct Input {
    scopes: Vec<String>,
    from: String,
    to: String,
    until: String,
    coaching: bool,
}

async fn member_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    input: Input,
    code: Option<&str>,
    error: Option<&AppError>,
    status: StatusCode,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let shares = app.store.member_shares(user.id).await?;
    let log = app.store.share_views(user.id, LOG_LINES).await?;
    let coaching = app.store.member_coaching(user.id).await?;
    let today = app.today(user);
    let errors = Errors { tr, error };
    let from = if input.from.is_empty() { (today - Duration::days(90)).to_string() } else { input.from };
    let to = if input.to.is_empty() { today.to_string() } else { input.to };
    let until = if input.until.is_empty() { (today + Duration::days(30)).to_string() } else { input.until };
    let chosen = |s: Scope| {
        if error.is_some() {
            input.scopes.iter().any(|c| c == s.as_str())
        } else {
            s != Scope::Thoughts
        }
    };
    let title = tr.t("share-title");
    let body = html! {
        h1 { (title) }
        p { (tr.t("share-lead")) }
        @if let Some(code) = code {
            section class="notice" role="status" aria-labelledby="code-title" {
                h2 id="code-title" { (tr.t("share-code-made")) }
                p class="share-code" { code { (code) } }
                p { (tr.t("share-code-once")) }
            }
        }
        (errors.summary())
        form method="post" action="/sharing" {
            (csrf(&viewer.csrf))
            fieldset id="scopes" class={ @if errors.message_for("scopes").is_some() { "field-error" } } {
                legend { (tr.t("share-what")) }
                @if let Some(m) = errors.message_for("scopes") { p class="error-message" { (m) } }
                @for s in Scope::ALL {
                    label class="choice" {
                        input type="checkbox" name="scopes" value=(s.as_str()) checked[chosen(*s)];
                        " " (scope_name(tr, *s))
                    }
                    p class="hint" { (tr.t(&format!("share-scope-{}-hint", s.as_str()))) }
                }
            }
            (date_field(&errors, tr, "from", &from))
            (date_field(&errors, tr, "to", &to))
            (date_field(&errors, tr, "until", &until))
            div class="field" {
                label class="choice" { input type="checkbox" name="coaching" value="yes" checked[input.coaching]; " " (tr.t("share-coaching")) }
                p class="hint" { (tr.t("share-coaching-hint")) }
            }
            button type="submit" { (tr.t("share-make")) }
        }
        (coaching_for_member(app, viewer, &coaching))
        section aria-labelledby="shares-title" {
            h2 id="shares-title" { (tr.t("share-list")) }
            @if shares.is_empty() { p { (tr.t("share-none")) } }
            @for s in &shares {
                div class="card" {
                    p { strong { (scopes_line(tr, s)) } }
                    p class="meta" { (tr.ta("share-period", &[("from", &s.from.to_string()), ("to", &s.to.to_string())])) }
                    p class="meta" {
                        @match (&s.clinician, s.revoked, s.until < today) {
                            (_, true, _) => (tr.t("share-state-stopped")),
                            (_, false, true) => (tr.t("share-state-ended")),
                            (Some(who), false, false) => (tr.ta("share-state-with", &[("who", who), ("until", &s.until.to_string())])),
                            (None, false, false) if s.redeemed => (tr.t("share-state-left")),
                            (None, false, false) => (tr.ta("share-state-waiting", &[("until", &s.until.to_string())])),
                        }
                    }
                    @if !s.revoked && s.until >= today {
                        form method="post" action={ "/sharing/" (s.id) "/stop" } class="inline" {
                            (csrf(&viewer.csrf))
                            button type="submit" class="secondary" { (tr.t("share-stop")) }
                        }
                    }
                }
            }
        }
        section aria-labelledby="log-title" {
            h2 id="log-title" { (tr.t("share-log")) }
            @if log.is_empty() {
                p { (tr.t("share-log-none")) }
            } @else {
                @let columns = ["share-log-when", "share-log-who", "share-log-what"].map(|c| tr.t(c));
                (scroll_table("log-caption", &tr.t("share-log"), &columns, html! {
                    @for v in &log {
                        tr {
                            td { (v.at.format("%Y-%m-%d %H:%M")) " UTC" }
                            td { (v.clinician) }
                            td { (Scope::parse(&v.what).map_or_else(|| v.what.clone(), |s| scope_name(tr, s))) }
                        }
                    }
                }))
            }
        }
    };
    Ok(html(status, layout::page(viewer, &title, body)))
}

fn date_field(errors: &Errors, tr: &Tr, name: &'static str, value: &str) -> Markup {
    let error = errors.message_for(name);
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (tr.t(&format!("share-{name}"))) }
            @if let Some(m) = &error { p class="error-message" id={ (name) "-error" } { (m) } }
            input type="date" id=(name) name=(name) value=(value) required;
        }
    }
}

pub async fn member(State(app): State<AppState>, Member { user, viewer, .. }: Member) -> AppResult<Response> {
    member_page(&app, &viewer, &user, Input::default(), None, None, StatusCode::OK).await
}

pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let scopes = values(&pairs, "scopes");
    let coaching = value(&pairs, "coaching") == "yes";
    let (from, to, until) = (value(&pairs, "from"), value(&pairs, "to"), value(&pairs, "until"));
    let parsed = parse_share(&scopes, from, to, until, coaching, today);
    match parsed {
        Ok(new) => {
            let (_, code) = shares::create(&app, &user, &new).await?;
            member_page(&app, &viewer, &user, Input::default(), Some(&code), None, StatusCode::CREATED).await
        }
        Err(invalid) => {
            let input = Input {
                scopes: scopes.iter().map(|s| (*s).to_string()).collect(),
                from: value(&pairs, "from").to_string(),
                to: value(&pairs, "to").to_string(),
                until: value(&pairs, "until").to_string(),
                coaching,
            };
            let error = AppError::from(invalid);
            member_page(&app, &viewer, &user, input, None, Some(&error), StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
    }
}

pub async fn stop(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<ShareId>,
) -> AppResult<Response> {
    app.store.revoke_share(user.id, id).await?;
    Ok(see_other("/sharing#shares-title"))
}

/// What clinicians left for the member, with "Take it up" / "No, thank you" on open
/// suggestions.
fn coaching_for_member(app: &AppState, viewer: &Viewer, items: &[Coaching]) -> Markup {
    let tr = &viewer.tr;
    if items.is_empty() {
        return html! {};
    }
    html! {
        section id="coaching" aria-labelledby="coaching-title" {
            h2 id="coaching-title" { (tr.t("coaching-title")) }
            @for c in items {
                div class="card" {
                    p class="meta" { (tr.ta("coaching-from", &[("who", &c.clinician), ("date", &c.created_at.format("%Y-%m-%d").to_string())])) }
                    (suggestion_text(app, tr, &c.suggestion))
                    @match (c.status.as_str(), &c.suggestion) {
                        ("open", Suggestion::Note { .. }) => {}
                        ("open", _) => form method="post" action={ "/sharing/coaching/" (c.id) } class="inline" {
                            (csrf(&viewer.csrf))
                            button type="submit" name="answer" value="accept" { (tr.t("coaching-accept")) }
                            " "
                            button type="submit" name="answer" value="decline" class="secondary" { (tr.t("coaching-decline")) }
                        },
                        ("accepted", s) => p { a href=(suggestion_link(s)) { (tr.t("coaching-go")) } },
                        _ => p class="meta" { (tr.t("coaching-declined")) },
                    }
                }
            }
        }
    }
}

/// Where a suggestion taken up leads: the skill, or the experiment form for its outcome.
fn suggestion_link(s: &Suggestion) -> String {
    match s {
        Suggestion::Skill { slug, .. } => format!("/skills/{slug}"),
        Suggestion::Experiment { outcome, .. } => format!("/experiments/new?outcome={}", outcome.as_str()),
        Suggestion::Goal { activity, unit, .. } => {
            let query =
                serde_urlencoded::to_string([("activity", activity.as_str()), ("unit", unit.as_str())])
                    .unwrap_or_default();
            format!("/goals/new?{query}")
        }
        Suggestion::Note { .. } => "/sharing".to_string(),
    }
}

pub(super) fn suggestion_text(app: &AppState, tr: &Tr, s: &Suggestion) -> Markup {
    let (what, body) = match s {
        Suggestion::Note { body } => (None, body),
        Suggestion::Skill { slug, body } => {
            let title = app.library.skill(slug).map_or_else(|| slug.clone(), |k| k.meta.title.clone());
            (Some(tr.ta("coaching-skill-line", &[("skill", &title)])), body)
        }
        Suggestion::Experiment { strategy, outcome, body } => {
            let outcome = tr.t(&format!("insights-outcome-{}", outcome.as_str()));
            (Some(tr.ta("coaching-experiment-line", &[("strategy", strategy), ("outcome", &outcome)])), body)
        }
        Suggestion::Goal { activity, unit, body } => {
            let unit = tr.t(&format!("goal-unit-name-{}", unit.as_str()));
            (Some(tr.ta("coaching-goal-line", &[("activity", activity), ("unit", &unit)])), body)
        }
    };
    html! {
        @if let Some(w) = what { p { strong { (w) } } }
        @if !body.is_empty() { p { (body) } }
    }
}

/// The member takes up a suggestion (and goes to it) or says no.
pub async fn answer(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let accept = match value(&pairs, "answer") {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::BadRequest),
    };
    app.store.answer_coaching(user.id, id, accept).await?;
    let taken = app.store.member_coaching(user.id).await?.into_iter().find(|c| c.id == id);
    match taken {
        Some(c) if accept => Ok(see_other(&suggestion_link(&c.suggestion))),
        _ => Ok(see_other("/sharing#coaching")),
    }
}
