//! Predictions: "what I expect will happen" (and how sure) before an activity, then "what
//! happened". A prediction that turned out better than feared is evidence against
//! helplessness, so the list keeps the two side by side and counts them.

use super::form::{csrf, Errors};
use super::{html, layout, scroll_table, see_other};
use crate::auth::{Member, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::support;
use crate::thoughts;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use foothold_core::thought::{self, Compared, Length, PredictionId};
use foothold_core::Invalid;
use foothold_store::Prediction;
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewForm {
    nonce: String,
    activity: String,
    expected: String,
    confidence: String,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<DoneQuery>,
) -> Response {
    match app.store.predictions(user.id).await {
        Ok(all) => page(&viewer, &all, &NewForm::default(), None, q.done.as_deref()),
        Err(e) => AppError::from(e).into_response(),
    }
}

fn field(tr: &Tr, errors: &Errors, name: &'static str, kind: &'static str, value: &str) -> Markup {
    let error = errors.message_for(name);
    let hint = format!("prediction-field-{name}-hint");
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (tr.t(&format!("prediction-field-{name}"))) }
            @if tr.has(&hint) { p class="hint" id={ (name) "-hint" } { (tr.t(&hint)) } }
            @if let Some(m) = &error { p class="error-message" { (m) } }
            @if kind == "textarea" {
                textarea id=(name) name=(name) rows="3" aria-invalid=[error.as_ref().map(|_| "true")] { (value) }
            } @else {
                input id=(name) name=(name) type=(kind) value=(value) autocomplete="off"
                    aria-invalid=[error.as_ref().map(|_| "true")]
                    aria-describedby=[tr.has(&hint).then(|| format!("{name}-hint"))];
            }
        }
    }
}

fn page(
    viewer: &Viewer,
    all: &[Prediction],
    typed: &NewForm,
    error: Option<&AppError>,
    done: Option<&str>,
) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("predictions-title");
    let nonce = match thoughts::nonce().map_err(AppError::from) {
        Ok(n) => n,
        Err(e) => return e.into_response(),
    };
    let (open, resolved): (Vec<&Prediction>, Vec<&Prediction>) =
        all.iter().partition(|p| p.compared.is_none());
    let better = resolved.iter().filter(|p| p.compared == Some(Compared::Better)).count();
    let body = html! {
        p { a href="/thoughts" { "← " (tr.t("thoughts-back")) } }
        h1 { (title) }
        @if let Some(d) = done { @if tr.has(&format!("prediction-done-{d}")) { p class="notice" role="status" { (tr.t(&format!("prediction-done-{d}"))) } } }
        p class="lead" { (tr.t("predictions-lead")) }
        section aria-labelledby="new-prediction" {
            h2 id="new-prediction" { (tr.t("prediction-new")) }
            (errors.summary())
            form method="post" action="/predictions" novalidate {
                (csrf(&viewer.csrf))
                input type="hidden" name="nonce" value=(nonce);
                (field(tr, &errors, "activity", "text", &typed.activity))
                (field(tr, &errors, "expected", "textarea", &typed.expected))
                (field(tr, &errors, "confidence", "number", &typed.confidence))
                button type="submit" { (tr.t("prediction-save")) }
            }
        }
        @if !open.is_empty() {
            section aria-labelledby="open" {
                h2 id="open" { (tr.t("predictions-open")) }
                ul { @for p in &open { li {
                    (p.day) ": " (p.activity.as_deref().unwrap_or_default()) " — " (p.expected)
                    " (" (tr.ta("prediction-sure", &[("percent", &p.confidence.to_string())])) ") "
                    a href={ "/predictions/" (p.id) } { (tr.t("prediction-what-happened")) }
                } } }
            }
        }
        @if !resolved.is_empty() {
            section aria-labelledby="resolved" {
                h2 id="resolved" { (tr.t("predictions-resolved")) }
                p { strong { (tr.ta("predictions-count", &[("better", &better.to_string()), ("all", &resolved.len().to_string())])) } }
                (scroll_table(
                    "resolved-caption",
                    &tr.t("predictions-caption"),
                    &["prediction-col-day", "prediction-field-expected", "prediction-col-happened", "prediction-col-compared"]
                        .map(|k| tr.t(k)),
                    html! { @for p in &resolved { tr {
                        th scope="row" { (p.day) @if let Some(a) = &p.activity { br; (a) } }
                        td { (p.expected) " (" (tr.ta("prediction-sure", &[("percent", &p.confidence.to_string())])) ")" }
                        td { (p.happened.as_deref().unwrap_or_default()) }
                        td { @if let Some(c) = p.compared { (tr.t(&format!("prediction-compared-{}", c.as_str()))) } }
                    } } },
                ))
            }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &title, body))
}

pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(f): Form<NewForm>,
) -> Response {
    let created = async {
        let confidence = thought::parse_intensity(&f.confidence, "confidence")
            .and_then(|c| c.ok_or_else(|| Invalid::one("confidence", "intensity-range")));
        let ((activity, expected), confidence) = Invalid::both(
            Invalid::both(
                thought::parse_text(&f.activity, "activity", Length::Short),
                thought::parse_required(&f.expected, "expected", Length::Short, "prediction-missing"),
            ),
            confidence,
        )?;
        let nonce = thoughts::parse_nonce(&f.nonce)?;
        let today = app.today(&user);
        Ok(app
            .store
            .create_prediction(user.id, &nonce, today, activity.as_deref(), &expected, confidence)
            .await?)
    };
    match created.await {
        // What the member wrote asks for support: their prediction's page shows it at once.
        Ok(p) if app.support.read(&texts(&p)).await.is_some() => see_other(&format!("/predictions/{}", p.id)),
        Ok(_) => see_other("/predictions?done=created"),
        Err(e @ AppError::Invalid(_)) => match app.store.predictions(user.id).await {
            Ok(all) => page(&viewer, &all, &f, Some(&e), None),
            Err(e) => AppError::from(e).into_response(),
        },
        Err(e) => e.into_response(),
    }
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<PredictionId>,
) -> Response {
    match app.store.prediction(user.id, id).await {
        Ok(p) => {
            let support = app
                .support
                .read(&texts(&p))
                .await
                .map(|l| support::panel(&app.config, &viewer.tr, l, support::Audience::OnlyYou));
            outcome_page(&viewer, &p, &ResolveForm::default(), None, support)
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

/// Everything the member wrote in a prediction, for the support service.
fn texts(p: &Prediction) -> Vec<&str> {
    [p.activity.as_deref(), Some(p.expected.as_str()), p.happened.as_deref()].into_iter().flatten().collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResolveForm {
    version: String,
    happened: String,
    compared: String,
}

fn outcome_page(
    viewer: &Viewer,
    p: &Prediction,
    typed: &ResolveForm,
    error: Option<&AppError>,
    support: Option<Markup>,
) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("prediction-what-happened");
    let happened = if typed.happened.is_empty() {
        p.happened.clone().unwrap_or_default()
    } else {
        typed.happened.clone()
    };
    let compared = if typed.compared.is_empty() {
        p.compared.map(|c| c.as_str().to_owned()).unwrap_or_default()
    } else {
        typed.compared.clone()
    };
    let body = html! {
        p { a href="/predictions" { "← " (tr.t("predictions-back")) } }
        h1 { (title) }
        @if let Some(panel) = support { (panel) }
        figure class="original-thought" {
            figcaption { (tr.ta("prediction-you-expected", &[("day", &p.day.to_string()), ("percent", &p.confidence.to_string())])) }
            blockquote { (p.expected) }
        }
        @if let Some(AppError::Conflict(_)) = error { p class="notice" role="alert" { (tr.t("thought-conflict")) } } @else { (errors.summary()) }
        form method="post" action={ "/predictions/" (p.id) } novalidate {
            (csrf(&viewer.csrf))
            input type="hidden" name="version" value=(p.version);
            (field(tr, &errors, "happened", "textarea", &happened))
            fieldset id="compared" {
                legend { (tr.t("prediction-field-compared")) }
                @if let Some(m) = errors.message_for("compared") { p class="error-message" { (m) } }
                @for c in Compared::ALL {
                    div class="choice" {
                        input type="radio" id={ "compared-" (c.as_str()) } name="compared" value=(c.as_str()) checked[compared == c.as_str()];
                        label for={ "compared-" (c.as_str()) } { (tr.t(&format!("prediction-compared-{}", c.as_str()))) }
                    }
                }
            }
            button type="submit" { (tr.t("prediction-save-outcome")) }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &title, body))
}

pub async fn resolve(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<PredictionId>,
    Form(f): Form<ResolveForm>,
) -> Response {
    let resolved = async {
        let (happened, compared) = Invalid::both(
            thought::parse_required(&f.happened, "happened", Length::Short, "prediction-happened-missing"),
            Compared::parse(&f.compared)
                .ok_or_else(|| Invalid::one("compared", "prediction-compared-missing")),
        )?;
        let version = f.version.trim().parse::<i64>().map_err(|_| AppError::BadRequest)?;
        Ok(app.store.resolve_prediction(user.id, id, version, &happened, compared).await?)
    };
    match resolved.await {
        Ok(p) if app.support.read(&texts(&p)).await.is_some() => see_other(&format!("/predictions/{}", p.id)),
        Ok(_) => see_other("/predictions?done=resolved"),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            match app.store.prediction(user.id, id).await {
                Ok(p) => outcome_page(&viewer, &p, &f, Some(&e), None),
                Err(e) => AppError::from(e).into_response(),
            }
        }
        Err(e) => e.into_response(),
    }
}
