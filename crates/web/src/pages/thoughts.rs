//! Thought records: start one, go through its steps (the original thought stays in view on
//! every step), save at any step and finish later, and see the history with trends.

use super::form::{csrf, Errors};
use super::{html, layout, scroll_table, see_other};
use crate::auth::{Member, Viewer};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::support;
use crate::thoughts::{self, StepForm};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use chrono::Datelike;
use foothold_core::thought::{self, Step, ThoughtId, FEELINGS_MAX, TRAPS};
use foothold_readers::crisis::Level;
use foothold_readers::style::{self, Dimension};
use foothold_store::ThoughtRecord;
use maud::{html, Markup};
use serde::Deserialize;

fn step_name(tr: &Tr, s: Step) -> String {
    tr.t(&format!("thought-step-{}", s.as_str()))
}

/// The support panel when anything the member wrote in the record asks for it: in full when
/// the record is opened and on the step right after the words were written (always, for the
/// acute level), and as one line with a link on the steps after, so that it does not fill the
/// first screen of every step.
async fn support(app: &AppState, tr: &Tr, r: &ThoughtRecord, step: Step, opened: bool) -> Option<Markup> {
    let level = app.support.read(&thoughts::texts(r)).await?;
    let before = Step::ALL.iter().take_while(|s| **s != step).last().copied();
    let just_written = match before {
        Some(s) => app.support.read(&thoughts::texts_of(r, s)).await.is_some(),
        None => true,
    };
    Some(if opened || just_written || level == Level::Acute {
        support::panel(&app.config, tr, level, support::Audience::OnlyYou)
    } else {
        support::reminder(tr)
    })
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    done: Option<String>,
}

pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<ListQuery>,
) -> Response {
    match app.store.thoughts(user.id).await {
        Ok(records) => list_page(&viewer, &records, &StepForm::default(), None, q.done.as_deref()),
        Err(e) => AppError::from(e).into_response(),
    }
}

fn list_page(
    viewer: &Viewer,
    records: &[ThoughtRecord],
    typed: &StepForm,
    error: Option<&AppError>,
    done: Option<&str>,
) -> Response {
    let nonce = match thoughts::nonce().map_err(AppError::from) {
        Ok(n) => n,
        Err(e) => return e.into_response(),
    };
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("thoughts-title");
    let trends = thoughts::trends(records);
    let body = html! {
        h1 { (title) }
        @if done == Some("deleted") { p class="notice" role="status" { (tr.t("thought-deleted")) } }
        p class="lead" { (tr.t("thoughts-lead")) }
        p { a href="/predictions" { (tr.t("thoughts-predictions-link")) } }
        section aria-labelledby="start" {
            h2 id="start" { (tr.t("thought-start")) }
            (errors.summary())
            form method="post" action="/thoughts" novalidate {
                (csrf(&viewer.csrf))
                input type="hidden" name="nonce" value=(nonce);
                (text_area(tr, &errors, "situation", &typed.situation, 3))
                (text_area(tr, &errors, "thought", &typed.thought, 3))
                button type="submit" { (tr.t("thought-start-button")) }
            }
        }
        @if !records.is_empty() {
            section aria-labelledby="records" {
                h2 id="records" { (tr.t("thoughts-yours")) }
                ul class="records" {
                    @for r in records {
                        li {
                            a href={ "/thoughts/" (r.id) } { (excerpt(r.thought.as_deref().unwrap_or_default())) }
                            " — " (r.day) ", "
                            @if r.step == Step::Done { (tr.t("thought-finished")) } @else {
                                (tr.ta("thought-at-step", &[("step", &step_name(tr, r.step))]))
                            }
                        }
                    }
                }
            }
            (trend_table(tr, &trends))
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &title, body))
}

fn excerpt(text: &str) -> String {
    let short: String = text.chars().take(80).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

fn trend_table(tr: &Tr, trends: &[(chrono::NaiveDate, thoughts::Month)]) -> Markup {
    let dims = [Dimension::Helpless, Dimension::Permanent, Dimension::Pervasive, Dimension::Personal];
    let columns: Vec<String> = [tr.t("thoughts-col-month"), tr.t("thoughts-col-records")]
        .into_iter()
        .chain(dims.map(|d| tr.t(&format!("style-name-{}", d.as_str()))))
        .chain([tr.t("thoughts-col-eased")])
        .collect();
    html! {
        section aria-labelledby="trends" {
            h2 id="trends" { (tr.t("thoughts-trends")) }
            p { (tr.t("thoughts-trends-lead")) }
            (scroll_table("trends-caption", &tr.t("thoughts-trends-caption"), &columns, html! {
                @for (month, m) in trends { tr {
                    th scope="row" { (tr.t(&format!("month-{}", month.month()))) " " (month.year()) }
                    td { (m.records) }
                    @for d in dims { td { (m.by_dimension.get(&d).copied().unwrap_or(0)) } }
                    td { @match m.eased { Some(e) => (format!("{e:.0}")), None => "—" } }
                } }
            }))
        }
    }
}

fn text_area(tr: &Tr, errors: &Errors, name: &'static str, value: &str, rows: u8) -> Markup {
    let error = errors.message_for(name);
    let hint = format!("thought-field-{}-hint", name.replace('_', "-"));
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (tr.t(&format!("thought-field-{}", name.replace('_', "-")))) }
            @if tr.has(&hint) { p class="hint" id={ (name) "-hint" } { (tr.t(&hint)) } }
            @if let Some(m) = &error { p class="error-message" { (m) } }
            textarea id=(name) name=(name) rows=(rows) aria-invalid=[error.as_ref().map(|_| "true")]
                aria-describedby=[tr.has(&hint).then(|| format!("{name}-hint"))] { (value) }
        }
    }
}

#[derive(Deserialize)]
pub struct StartForm {
    nonce: String,
    #[serde(default)]
    situation: String,
    #[serde(default)]
    thought: String,
}

pub async fn start(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(f): Form<StartForm>,
) -> Response {
    let typed =
        StepForm { situation: f.situation.clone(), thought: f.thought.clone(), ..StepForm::default() };
    let parsed = async {
        let (situation, text) = thought::parse_situation(&f.situation, &f.thought)?;
        let nonce = thoughts::parse_nonce(&f.nonce)?;
        let today = app.today(&user);
        Ok::<_, AppError>(
            app.store.start_thought(user.id, &nonce, today, situation.as_deref(), Some(&text)).await?,
        )
    };
    match parsed.await {
        Ok(r) => see_other(&format!("/thoughts/{}", r.id)),
        Err(e @ AppError::Invalid(_)) => match app.store.thoughts(user.id).await {
            Ok(records) => list_page(&viewer, &records, &typed, Some(&e), None),
            Err(e) => AppError::from(e).into_response(),
        },
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize, Default)]
pub struct StepQuery {
    step: Option<String>,
    saved: Option<String>,
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThoughtId>,
    Query(q): Query<StepQuery>,
) -> Response {
    let r = match app.store.thought(user.id, id).await {
        Ok(r) => r,
        Err(e) => return AppError::from(e).into_response(),
    };
    // Any step reached so far can be revisited; later ones are not open yet.
    let step = q.step.as_deref().and_then(Step::parse).filter(|s| *s <= r.step).unwrap_or(r.step);
    let opened = q.step.is_none();
    record_page(&app, &viewer, &r, step, (None, None), (q.saved.is_some(), opened)).await
}

/// The record at one step; `typed` and `error` show a refused step again as typed.
async fn record_page(
    app: &AppState,
    viewer: &Viewer,
    r: &ThoughtRecord,
    step: Step,
    (typed, error): (Option<&StepForm>, Option<&AppError>),
    (saved, opened): (bool, bool),
) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("thought-record-title");
    let support = support(app, tr, r, step, opened).await;
    let body = html! {
        p { a href="/thoughts" { "← " (tr.t("thoughts-back")) } }
        h1 { (title) }
        @if let Some(panel) = support { (panel) }
        @if saved { p class="notice" role="status" { (tr.t("thought-saved")) } }
        @if let Some(AppError::Conflict(_)) = error { p class="notice" role="alert" { (tr.t("thought-conflict")) } }
        @else { (errors.summary()) }
        nav class="steps" aria-label=(tr.t("thought-steps")) {
            ol {
                @for s in Step::ALL {
                    li {
                        @if s == step { span aria-current="step" { (step_name(tr, s)) } }
                        @else if s <= r.step { a href={ "/thoughts/" (r.id) "?step=" (s.as_str()) } { (step_name(tr, s)) } }
                        @else { span class="later" { (step_name(tr, s)) } }
                    }
                }
            }
        }
        @if step != Step::Situation {
            figure class="original-thought" {
                figcaption { (tr.t("thought-original")) }
                blockquote { (r.thought.as_deref().unwrap_or_default()) }
            }
        }
        @if step == Step::Done { (summary(tr, r)) } @else {
            form method="post" action={ "/thoughts/" (r.id) } novalidate {
                (csrf(&viewer.csrf))
                input type="hidden" name="step" value=(step.as_str());
                input type="hidden" name="version" value=(r.version);
                (step_fields(tr, &errors, r, step, typed))
                div class="actions" {
                    button type="submit" name="action" value="next" { (tr.t(if step == Step::Rerate { "thought-finish" } else { "thought-next" })) }
                    button type="submit" name="action" value="save" class="secondary" { (tr.t("thought-save-later")) }
                }
            }
        }
        form method="post" action={ "/thoughts/" (r.id) "/delete" } class="delete" {
            (csrf(&viewer.csrf))
            button type="submit" class="secondary" { (tr.t("thought-delete")) }
        }
    };
    let status = error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &title, body))
}

fn step_fields(tr: &Tr, errors: &Errors, r: &ThoughtRecord, step: Step, typed: Option<&StepForm>) -> Markup {
    let text = |typed_value: Option<&String>, saved: &Option<String>| {
        typed_value.cloned().unwrap_or_else(|| saved.clone().unwrap_or_default())
    };
    match step {
        Step::Situation => html! {
            p class="hint" { (tr.t("thought-step-situation-hint")) }
            (text_area(tr, errors, "situation", &text(typed.map(|t| &t.situation), &r.situation), 3))
            (text_area(tr, errors, "thought", &text(typed.map(|t| &t.thought), &r.thought), 3))
        },
        Step::Feelings => {
            let rows: Vec<(String, String)> = match typed {
                Some(t) => t.feeling.iter().cloned().zip(t.before.iter().cloned()).collect(),
                None => r.feelings.iter().map(|f| (f.name.clone(), f.before.to_string())).collect(),
            };
            html! {
                fieldset id="feelings" {
                    legend { (tr.t("thought-step-feelings-legend")) }
                    p class="hint" { (tr.t("thought-step-feelings-hint")) }
                    @if let Some(m) = errors.message_for("feelings") { p class="error-message" { (m) } }
                    @for i in 0..FEELINGS_MAX {
                        @let (name, level) = rows.get(i).cloned().unwrap_or_default();
                        div class="feeling-row" {
                            label for={ "feeling-" (i) } { (tr.ta("thought-feeling-name", &[("n", &(i + 1).to_string())])) }
                            input id={ "feeling-" (i) } name="feeling" type="text" maxlength="40" value=(name) autocomplete="off";
                            label for={ "before-" (i) } { (tr.ta("thought-feeling-level", &[("n", &(i + 1).to_string())])) }
                            input id={ "before-" (i) } name="before" type="number" inputmode="numeric" min="0" max="100" value=(level);
                        }
                    }
                }
            }
        }
        Step::Reading => reading(tr, errors, r, typed),
        Step::Evidence => html! {
            p class="hint" { (tr.t("thought-step-evidence-hint")) }
            (text_area(tr, errors, "evidence_for", &text(typed.map(|t| &t.evidence_for), &r.evidence_for), 4))
            (text_area(tr, errors, "evidence_against", &text(typed.map(|t| &t.evidence_against), &r.evidence_against), 4))
        },
        Step::Alternative => html! {
            @if let Some(against) = &r.evidence_against { p { strong { (tr.t("thought-field-evidence-against")) } " " (against) } }
            (text_area(tr, errors, "alternative", &text(typed.map(|t| &t.alternative), &r.alternative), 4))
        },
        Step::Rerate => html! {
            @if let Some(alt) = &r.alternative {
                figure class="original-thought" { figcaption { (tr.t("thought-your-alternative")) } blockquote { (alt) } }
            }
            fieldset id="after" {
                legend { (tr.t("thought-step-rerate-legend")) }
                @if let Some(m) = errors.message_for("after") { p class="error-message" { (m) } }
                @if r.feelings.is_empty() { p { (tr.t("thought-no-feelings")) } }
                @for (i, f) in r.feelings.iter().enumerate() {
                    @let value = typed.and_then(|t| t.after.get(i).cloned()).unwrap_or_else(|| f.after.map(|a| a.to_string()).unwrap_or_default());
                    div class="feeling-row" {
                        label for={ "after-" (i) } { (tr.ta("thought-feeling-now", &[("name", &f.name), ("before", &f.before.to_string())])) }
                        input id={ "after-" (i) } name="after" type="number" inputmode="numeric" min="0" max="100" value=(value);
                    }
                }
            }
        },
        Step::Done => html! {},
    }
}

/// What the reader sees in the thought (highlighted, each with its reason and a question),
/// and the thinking traps to choose from.
fn reading(tr: &Tr, errors: &Errors, r: &ThoughtRecord, typed: Option<&StepForm>) -> Markup {
    let text = r.thought.as_deref().unwrap_or_default();
    let found = style::style_only(text);
    let chosen: Vec<String> = match typed {
        Some(t) => t.traps.clone(),
        None => r.traps.iter().map(|t| (*t).to_owned()).collect(),
    };
    let mut marked = Vec::new();
    let mut at = 0;
    for s in &found.spans {
        if s.start < at || s.end > text.len() {
            continue;
        }
        marked.push((text.get(at..s.start).unwrap_or_default(), None));
        marked.push((text.get(s.start..s.end).unwrap_or_default(), Some(s.dimension)));
        at = s.end;
    }
    marked.push((text.get(at..).unwrap_or_default(), None));
    html! {
        section aria-labelledby="reader" {
            h2 id="reader" { (tr.t("thought-reader")) }
            @if found.spans.is_empty() {
                p { (tr.t("thought-reader-nothing")) }
            } @else {
                p class="read-thought" {
                    @for (part, dim) in &marked {
                        @match dim {
                            Some(d) => mark class={ "style-" (d.as_str()) } { (part) span class="visually-hidden" { " (" (tr.t(&format!("style-name-{}", d.as_str()))) ")" } },
                            None => (part),
                        }
                    }
                }
                ul { @for s in &found.spans { li { (tr.ta(&format!("style-reason-{}", s.dimension.as_str()), &[("phrase", &s.text)])) } } }
                h3 { (tr.t("thought-questions")) }
                ul { @for d in &found.dimensions { li { (tr.t(&format!("style-question-{}", d.as_str()))) } } }
            }
            p class="hint" { (tr.t("thought-reader-note")) }
        }
        fieldset id="traps" {
            legend { (tr.t("thought-step-reading-legend")) }
            p class="hint" { (tr.t("thought-step-reading-hint")) }
            @if let Some(m) = errors.message_for("traps") { p class="error-message" { (m) } }
            @for t in TRAPS {
                div class="trap" {
                    input type="checkbox" id={ "trap-" (t) } name="trap" value=(t) checked[chosen.iter().any(|c| c == t)]
                        aria-describedby={ "trap-" (t) "-hint" };
                    label for={ "trap-" (t) } { (tr.t(&format!("trap-{t}"))) }
                    p class="hint" id={ "trap-" (t) "-hint" } { (tr.t(&format!("trap-{t}-hint"))) }
                }
            }
        }
    }
}

/// A finished record, whole.
fn summary(tr: &Tr, r: &ThoughtRecord) -> Markup {
    html! {
        section aria-labelledby="summary" {
            h2 id="summary" { (tr.t("thought-summary")) }
            dl class="report" {
                dt { (tr.t("thought-field-situation")) } dd { (r.situation.as_deref().unwrap_or("—")) }
                dt { (tr.t("thought-field-thought")) } dd { (r.thought.as_deref().unwrap_or("—")) }
                dt { (tr.t("thought-step-feelings")) }
                dd { ul { @for f in &r.feelings { li {
                    (f.name) ": " (f.before)
                    @if let Some(a) = f.after { " → " (a) }
                } } } }
                dt { (tr.t("thought-traps-chosen")) }
                dd { @if r.traps.is_empty() { "—" } @else { ul { @for t in &r.traps { li { (tr.t(&format!("trap-{t}"))) } } } } }
                dt { (tr.t("thought-field-evidence-for")) } dd { (r.evidence_for.as_deref().unwrap_or("—")) }
                dt { (tr.t("thought-field-evidence-against")) } dd { (r.evidence_against.as_deref().unwrap_or("—")) }
                dt { (tr.t("thought-field-alternative")) } dd { (r.alternative.as_deref().unwrap_or("—")) }
            }
            @if let Some(e) = thought::eased(&r.feelings) {
                p { strong { (tr.ta(if e > 0.0 { "thought-eased" } else { "thought-not-eased" }, &[("points", &format!("{:.0}", e.abs()))])) } }
            }
            p { (tr.t("thought-done-note")) }
        }
    }
}

pub async fn save(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThoughtId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let form = StepForm::from_pairs(pairs);
    let current = match app.store.thought(user.id, id).await {
        Ok(r) => r,
        Err(e) => return AppError::from(e).into_response(),
    };
    let step = Step::parse(&form.step).unwrap_or(current.step);
    let saved = match form.apply(&current).map_err(AppError::from) {
        Ok(next) => app.store.save_thought(user.id, &next).await.map_err(AppError::from),
        Err(e) => Err(e),
    };
    match saved {
        Ok(r) if form.action == "next" => see_other(&format!("/thoughts/{}?step={}", r.id, r.step.as_str())),
        Ok(r) => see_other(&format!("/thoughts/{}?step={}&saved=1", r.id, step.as_str())),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            // A stale form shows the saved record with the member's input kept.
            record_page(&app, &viewer, &current, step, (Some(&form), Some(&e)), (false, false)).await
        }
        Err(e) => e.into_response(),
    }
}

pub async fn delete(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<ThoughtId>,
) -> Response {
    match app.store.delete_thought(user.id, id).await {
        Ok(()) => see_other("/thoughts?done=deleted"),
        Err(e) => AppError::from(e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::excerpt;

    #[test]
    fn excerpts_cut_on_characters() {
        assert_eq!(excerpt("short"), "short");
        let long = "é".repeat(100);
        assert_eq!(excerpt(&long).chars().count(), 81);
    }
}
