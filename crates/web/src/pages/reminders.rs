//! Reminder settings (`/account/reminders`): the e-mail address they go to and its
//! confirmation, which reminders at what local time, and quiet hours. Also the pages behind
//! an e-mail's links — turn this reminder off, remind me in an hour — which work without
//! logging in, as the link's token names the reminder.

use super::form::{csrf, value, Errors};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::{email, reminders, AppState};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::reminder::{parse_time, Kind, Quiet, SNOOZE};
use foothold_core::Invalid;
use foothold_store::User;
use maud::html;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct Notice {
    done: Option<String>,
}

async fn settings_page(
    app: &AppState,
    viewer: &Viewer,
    user: &User,
    typed: Option<&[(String, String)]>,
    error: Option<&AppError>,
    done: Option<&str>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let (address, confirmed) = app.store.email_status(user.id).await?;
    let set = app.store.reminders(user.id).await?;
    let quiet = app.store.quiet_hours(user.id).await?;
    let time_zone = user.time_zone.name().to_owned();
    let typed_or = |name: &str, saved: String| typed.map_or(saved, |t| value(t, name).to_owned());
    let title = tr.t("reminders-title");
    let body = html! {
        p { a href="/account" { "← " (tr.t("account-title")) } }
        h1 { (title) }
        @if let Some(d) = done { @if tr.has(&format!("reminders-done-{d}")) { p class="notice" role="status" { (tr.t(&format!("reminders-done-{d}"))) } } }
        p class="lead" { (tr.t("reminders-lead")) }
        @if app.mailer.is_none() { p class="notice" { (tr.t("reminders-no-mail")) } }
        (errors.summary())
        section aria-labelledby="address-title" {
            h2 id="address-title" { (tr.t("reminders-address")) }
            @match (&address, confirmed) {
                (Some(a), true) => p { (tr.ta("reminders-address-confirmed", &[("address", a)])) },
                (Some(a), false) => {
                    p { (tr.ta("reminders-address-unconfirmed", &[("address", a)])) }
                    @if app.mailer.is_some() {
                        form method="post" action="/account/email/confirm" {
                            (csrf(&viewer.csrf))
                            button type="submit" class="secondary" { (tr.t("reminders-send-again")) }
                        }
                    }
                }
                (None, _) => p { (tr.t("reminders-address-none")) },
            }
            form method="post" action="/account/email" novalidate {
                (csrf(&viewer.csrf))
                div class={ "field" @if errors.message_for("email").is_some() { " field-error" } } {
                    label for="email" { (tr.t("reminders-address-field")) }
                    p class="hint" id="email-hint" { (tr.t("reminders-address-hint")) }
                    @if let Some(m) = errors.message_for("email") { p class="error-message" { (m) } }
                    input type="email" id="email" name="email" autocomplete="email" aria-describedby="email-hint"
                        value=(typed_or("email", address.clone().unwrap_or_default()));
                }
                button type="submit" { (tr.t("reminders-address-save")) }
            }
        }
        section id="push" aria-labelledby="push-title" data-csrf=(viewer.csrf)
            data-denied=(tr.t("reminders-push-denied")) data-done-on=(tr.t("reminders-push-done-on"))
            data-done-off=(tr.t("reminders-push-done-off")) {
            h2 id="push-title" { (tr.t("reminders-push")) }
            p { (tr.t("reminders-push-lead")) }
            p class="hint needs-js" { (tr.t("reminders-push-needs-js")) }
            button type="button" data-push="on" hidden { (tr.t("reminders-push-on")) }
            button type="button" data-push="off" class="secondary" hidden { (tr.t("reminders-push-off")) }
            p role="status" {}
            script src=(crate::assets::push_js_url()) defer {}
        }
        section aria-labelledby="which-title" {
            h2 id="which-title" { (tr.t("reminders-which")) }
            p class="hint" { (tr.ta("reminders-which-hint", &[("zone", &time_zone)])) }
            form method="post" action="/account/reminders" novalidate {
                (csrf(&viewer.csrf))
                @for kind in Kind::ALL {
                    @let k = kind.as_str();
                    @let saved = set.iter().find(|(s, _)| *s == kind).map(|(_, at)| at.format("%H:%M").to_string());
                    @let on = typed.map_or(saved.is_some(), |t| value(t, &format!("on-{k}")) == "yes");
                    @let at_name = kind.time_field();
                    @let at = typed_or(at_name, saved.clone().unwrap_or_else(|| "19:00".to_owned()));
                    fieldset class={ "reminder" @if errors.message_for(at_name).is_some() { " field-error" } } id=(at_name) {
                        legend { (tr.t(&format!("reminders-kind-{k}"))) }
                        @if let Some(m) = errors.message_for(at_name) { p class="error-message" { (m) } }
                        label class="chip" { input type="checkbox" name={ "on-" (k) } value="yes" checked[on]; span { (tr.t("reminders-on")) } }
                        label for={ "time-" (k) } { (tr.t("reminders-at")) }
                        input type="time" id={ "time-" (k) } name=(at_name) value=(at);
                    }
                }
                fieldset id="quiet_from" class={ "reminder" @if errors.message_for("quiet_from").is_some() { " field-error" } } {
                    legend { (tr.t("reminders-quiet")) }
                    p class="hint" { (tr.t("reminders-quiet-hint")) }
                    @if let Some(m) = errors.message_for("quiet_from") { p class="error-message" { (m) } }
                    label for="quiet-from" { (tr.t("reminders-quiet-from")) }
                    input type="time" id="quiet-from" name="quiet_from" value=(typed_or("quiet_from", quiet.map(|q| q.from.format("%H:%M").to_string()).unwrap_or_default()));
                    label for="quiet-until" { (tr.t("reminders-quiet-until")) }
                    input type="time" id="quiet-until" name="quiet_until" value=(typed_or("quiet_until", quiet.map(|q| q.until.format("%H:%M").to_string()).unwrap_or_default()));
                }
                button type="submit" { (tr.t("reminders-save")) }
            }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    Ok(html(status, layout::page(viewer, &title, body)))
}

pub async fn settings(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(n): Query<Notice>,
) -> AppResult<Response> {
    settings_page(&app, &viewer, &user, None, None, n.done.as_deref()).await
}

/// What the settings form asks for: each kind's time (`None`: off), and the quiet hours.
struct Wanted {
    times: Vec<(Kind, Option<chrono::NaiveTime>)>,
    quiet: Option<Quiet>,
}

/// Reads the whole settings form, every problem at once.
fn parse(pairs: &[(String, String)]) -> Result<Wanted, Invalid> {
    let mut problems = Vec::new();
    let mut wanted = Vec::new();
    for kind in Kind::ALL {
        let field = kind.time_field();
        let on = value(pairs, &format!("on-{}", kind.as_str())) == "yes";
        let at = if on { parse_time(value(pairs, field), field).map(Some) } else { Ok(None) };
        Invalid::gather(&mut problems, &at);
        wanted.push((kind, at.ok().flatten()));
    }
    let quiet = match (value(pairs, "quiet_from").trim(), value(pairs, "quiet_until").trim()) {
        ("", "") => Ok(None),
        (from, until) => match (parse_time(from, "quiet_from"), parse_time(until, "quiet_from")) {
            (Ok(from), Ok(until)) if from != until => Ok(Some(Quiet { from, until })),
            _ => Err(Invalid::one("quiet_from", "quiet-hours")),
        },
    };
    Invalid::gather(&mut problems, &quiet);
    match Invalid::from_problems(problems) {
        Some(invalid) => Err(invalid),
        None => Ok(Wanted { times: wanted, quiet: quiet.ok().flatten() }),
    }
}

pub async fn save(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let Wanted { times, quiet } = match parse(&pairs) {
        Ok(w) => w,
        Err(invalid) => {
            return settings_page(&app, &viewer, &user, Some(&pairs), Some(&AppError::from(invalid)), None)
                .await;
        }
    };
    app.store.set_quiet_hours(user.id, quiet).await?;
    for (kind, at) in times {
        reminders::set(&app, user.id, kind, at).await?;
    }
    Ok(see_other("/account/reminders?done=saved"))
}

pub async fn change_email(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    match email::change(&app, &viewer.tr, user.id, value(&pairs, "email")).await.map_err(AppError::from) {
        Ok(true) => Ok(see_other("/account/reminders?done=sent")),
        Ok(false) => Ok(see_other("/account/reminders?done=address")),
        Err(e @ AppError::Invalid(_)) => {
            settings_page(&app, &viewer, &user, Some(&pairs), Some(&e), None).await
        }
        Err(e) => Err(e),
    }
}

pub async fn resend(State(app): State<AppState>, Member { user, viewer, .. }: Member) -> AppResult<Response> {
    let (Some(address), false) = app.store.email_status(user.id).await? else {
        return Ok(see_other("/account/reminders"));
    };
    email::send_confirmation(&app, &viewer.tr, user.id, &address).await?;
    Ok(see_other("/account/reminders?done=sent"))
}

/// The link in a confirmation e-mail.
pub async fn confirm(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let title = tr.t("email-confirmed-title");
    let body = match email::confirm(&app, &token).await.map_err(AppError::from) {
        Ok(_) => {
            html! { h1 { (title) } p { (tr.t("email-confirmed")) } p { a href="/account/reminders" { (tr.t("reminders-title")) } } }
        }
        Err(AppError::NotFound) => {
            html! { h1 { (tr.t("email-link-old-title")) } p { (tr.t("email-link-old")) } }
        }
        Err(e) => return Err(e),
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

/// The "turn this off" and "remind me in an hour" links of a reminder e-mail: a page that asks,
/// then a form that does it (so a mail scanner following links changes nothing).
pub async fn link_page(
    State(app): State<AppState>,
    viewer: Viewer,
    Path((action, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let Some((_, kind)) = app.store.reminder_by_token(&token).await? else { return Err(AppError::NotFound) };
    if action != "off" && action != "snooze" {
        return Err(AppError::NotFound);
    }
    let what = tr.t(&format!("reminders-kind-{}", kind.as_str()));
    let title = tr.ta(&format!("reminders-{action}-ask"), &[("what", &what)]);
    let body = html! {
        h1 { (title) }
        form method="post" action={ "/reminders/" (action) "/" (token) } {
            (csrf(&viewer.csrf))
            button type="submit" { (tr.t(&format!("reminders-{action}-do"))) }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

pub async fn link_do(
    State(app): State<AppState>,
    viewer: Viewer,
    Path((action, token)): Path<(String, String)>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let Some((user, kind)) = app.store.reminder_by_token(&token).await? else {
        return Err(AppError::NotFound);
    };
    match action.as_str() {
        "off" => reminders::set(&app, user, kind, None).await?,
        "snooze" => app.store.snooze_reminder(user, kind, app.clock.now() + SNOOZE).await?,
        _ => return Err(AppError::NotFound),
    }
    let title = tr.t(&format!("reminders-{action}-done"));
    let body = html! { h1 { (title) } p { a href="/account/reminders" { (tr.t("reminders-change")) } } };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

pub async fn forgot_form(viewer: Viewer) -> AppResult<Response> {
    forgot_page(&viewer, "", None, false)
}

fn forgot_page(viewer: &Viewer, typed: &str, error: Option<&AppError>, sent: bool) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("forgot-title");
    let body = html! {
        h1 { (title) }
        @if sent { p class="notice" role="status" { (tr.t("forgot-sent")) } }
        p { (tr.t("forgot-lead")) }
        (errors.summary())
        form method="post" action="/password/forgot" novalidate {
            (csrf(&viewer.csrf))
            div class={ "field" @if errors.message_for("email").is_some() { " field-error" } } {
                label for="email" { (tr.t("reminders-address-field")) }
                @if let Some(m) = errors.message_for("email") { p class="error-message" { (m) } }
                input type="email" id="email" name="email" autocomplete="email" value=(typed);
            }
            button type="submit" { (tr.t("forgot-send")) }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    Ok(html(status, layout::page(viewer, &title, body)))
}

pub async fn forgot(
    State(app): State<AppState>,
    viewer: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let typed = value(&pairs, "email");
    match email::forgot(&app, &viewer.tr, viewer.client_ip, typed).await.map_err(AppError::from) {
        Ok(()) => forgot_page(&viewer, "", None, true),
        Err(e @ AppError::Invalid(_)) => forgot_page(&viewer, typed, Some(&e), false),
        Err(e) => Err(e),
    }
}

fn reset_page(viewer: &Viewer, token: &str, error: Option<&AppError>) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("reset-title");
    let body = html! {
        h1 { (title) }
        (errors.summary())
        form method="post" action={ "/password/reset/" (token) } novalidate {
            (csrf(&viewer.csrf))
            div class={ "field" @if errors.message_for("password").is_some() { " field-error" } } {
                label for="password" { (tr.t("reset-new")) }
                p class="hint" id="password-hint" { (tr.t("reset-hint")) }
                @if let Some(m) = errors.message_for("password") { p class="error-message" { (m) } }
                input type="password" id="password" name="password" autocomplete="new-password" aria-describedby="password-hint";
            }
            button type="submit" { (tr.t("reset-save")) }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    Ok(html(status, layout::page(viewer, &title, body)))
}

pub async fn reset_form(viewer: Viewer, Path(token): Path<String>) -> AppResult<Response> {
    reset_page(&viewer, &token, None)
}

pub async fn reset(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(token): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    match email::reset(&app, &token, value(&pairs, "password")).await.map_err(AppError::from) {
        Ok(()) => {
            let tr = &viewer.tr;
            let title = tr.t("reset-done-title");
            let body = html! { h1 { (title) } p { (tr.t("reset-done")) } p { a href="/login" { (tr.t("login-title")) } } };
            Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
        }
        Err(e @ AppError::Invalid(_)) => reset_page(&viewer, &token, Some(&e)),
        Err(AppError::NotFound) => {
            let tr = &viewer.tr;
            let title = tr.t("email-link-old-title");
            let body = html! { h1 { (title) } p { (tr.t("email-link-old")) } p { a href="/password/forgot" { (tr.t("forgot-title")) } } };
            Ok(html(StatusCode::NOT_FOUND, layout::page(&viewer, &title, body)))
        }
        Err(e) => Err(e),
    }
}
