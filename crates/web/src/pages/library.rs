//! The skills library and the learning articles. Open to everyone; logging a practised skill
//! (which tags it in today's check-in) needs an account, as does writing an exercise (a flare
//! plan, one's values, a letter) and keeping it privately on its page.

use super::form::{csrf, value, Errors};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::library::Rendered;
use crate::support::{self, Audience};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use foothold_core::library::{parse_writing, Skill, WRITING_MAX};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

/// The order families are listed in: from thinking, through doing, to body and kindness.
const FAMILIES: [&str; 9] = [
    "cognitive",
    "behavioural",
    "pacing",
    "act-values",
    "act-defusion",
    "act-commitment",
    "pain-reprocessing",
    "relaxation",
    "self-compassion",
];

pub async fn skills(State(app): State<AppState>, viewer: Viewer) -> Response {
    let tr = &viewer.tr;
    let title = tr.t("skills-title");
    let in_family = |f: &'static str| app.library.skills.iter().filter(move |s| s.meta.family == f);
    let others = app.library.skills.iter().filter(|s| !FAMILIES.contains(&s.meta.family.as_str()));
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("skills-lead")) }
        @for family in FAMILIES {
            @let list: Vec<&Rendered<Skill>> = in_family(family).collect();
            @if !list.is_empty() {
                h2 { (tr.t(&format!("skills-family-{family}"))) }
                ul class="cards" { @for s in list { (skill_item(tr, s)) } }
            }
        }
        @let rest: Vec<&Rendered<Skill>> = others.collect();
        @if !rest.is_empty() { ul class="cards" { @for s in rest { (skill_item(tr, s)) } } }
    };
    html(StatusCode::OK, layout::page(&viewer, &title, body))
}

fn skill_item(tr: &crate::i18n::Tr, s: &Rendered<Skill>) -> maud::Markup {
    html! {
        li {
            a href={ "/skills/" (s.meta.slug) } { (s.meta.title) }
            " " span class="hint" { "(" (tr.ta("skills-minutes", &[("minutes", &s.meta.minutes.to_string())])) ")" }
            p { (s.meta.summary) }
        }
    }
}

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
    kept: Option<String>,
}

pub async fn skill(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<DoneQuery>,
) -> AppResult<Response> {
    let s = app.library.skill(&slug).ok_or(AppError::NotFound)?;
    let writing = match (s.meta.writable, viewer.user()) {
        (true, Some(user)) => app.store.writing(user.id, &s.meta.slug).await?.map(|w| w.body),
        _ => None,
    };
    let page = SkillPage {
        done: q.done.is_some(),
        kept: q.kept.is_some(),
        writing: writing.as_deref(),
        error: None,
    };
    Ok(skill_page(&app, &viewer, s, &page).await)
}

/// What a skill page shows besides the skill.
struct SkillPage<'a> {
    done: bool,
    kept: bool,
    /// The member's writing for the exercise, saved or as typed.
    writing: Option<&'a str>,
    error: Option<&'a AppError>,
}

async fn skill_page(app: &AppState, viewer: &Viewer, s: &Rendered<Skill>, page: &SkillPage<'_>) -> Response {
    let tr = &viewer.tr;
    let m = &s.meta;
    // What the member wrote is read like every other text of theirs (docs/SECURITY.md).
    let support = match page.writing {
        Some(text) => app
            .support
            .read(&[text])
            .await
            .map(|level| support::panel(&app.config, tr, level, Audience::OnlyYou)),
        None => None,
    };
    let body = html! {
        @if let Some(panel) = support { (panel) }
        p { a href="/skills" { "← " (tr.t("skills-back")) } }
        h1 { (m.title) }
        p class="hint" { (tr.ta("skills-minutes", &[("minutes", &m.minutes.to_string())])) }
        @if page.done && viewer.user().is_some() {
            p class="notice" role="status" { (tr.ta("skills-done-saved", &[("title", &m.title)])) }
        }
        p class="lead" { (m.summary) }
        aside class="why" aria-labelledby="why" {
            h2 id="why" { (tr.t("skills-why")) }
            p { (m.why) }
        }
        @if m.timer_seconds.is_some() || m.timer_pattern.is_some() { (timer(tr, m)) }
        div class="content" { (PreEscaped(&s.html)) }
        @if m.writable && viewer.user().is_some() { (writing_form(viewer, m, page)) }
        @match viewer.user() {
            Some(_) => form method="post" action={ "/skills/" (m.slug) "/done" } class="done" {
                (csrf(&viewer.csrf))
                button type="submit" { (tr.t("skills-done")) }
                p class="hint" { (tr.ta("skills-done-hint", &[("title", &m.title)])) }
            },
            None => p class="hint" { a href="/login" { (tr.t("skills-login")) } },
        }
    };
    let status = page.error.map_or(StatusCode::OK, AppError::status);
    html(status, layout::page(viewer, &m.title, body))
}

/// The member's own words for the exercise, kept privately on its page.
fn writing_form(viewer: &Viewer, m: &Skill, page: &SkillPage) -> Markup {
    let tr = &viewer.tr;
    let errors = Errors { tr, error: page.error };
    let error = errors.message_for("writing");
    html! {
        section class="writing" id="writing" aria-labelledby="writing-title" {
            h2 id="writing-title" { (tr.t("skills-write-title")) }
            @if page.kept { p class="notice" role="status" { (tr.t("skills-write-kept")) } }
            form method="post" action={ "/skills/" (m.slug) "/write" } {
                (csrf(&viewer.csrf))
                div class={ "field" @if error.is_some() { " field-error" } } {
                    label for="writing-text" { (tr.ta("skills-write-label", &[("title", &m.title)])) }
                    p class="hint" id="writing-hint" { (tr.ta("skills-write-hint", &[("max", &WRITING_MAX.to_string())])) }
                    @if let Some(e) = &error { p class="error-message" { (e) } }
                    textarea id="writing-text" name="writing" rows="10" aria-describedby="writing-hint" { (page.writing.unwrap_or_default()) }
                }
                button type="submit" { (tr.t("skills-write-keep")) }
            }
        }
    }
}

pub async fn write(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let s = app.library.skill(&slug).filter(|s| s.meta.writable).ok_or(AppError::NotFound)?;
    let typed = value(&pairs, "writing");
    match parse_writing(typed) {
        Ok(text) => {
            app.store.set_writing(user.id, &s.meta.slug, text.as_deref()).await?;
            Ok(see_other(&format!("/skills/{}?kept=1#writing", s.meta.slug)))
        }
        Err(invalid) => {
            let error = AppError::from(invalid);
            let page = SkillPage { done: false, kept: false, writing: Some(typed), error: Some(&error) };
            Ok(skill_page(&app, &viewer, s, &page).await)
        }
    }
}

/// A timer that needs no JavaScript: "Start" links to `#timer`, and `:target` starts CSS
/// animations — the breathing circle (one cycle per in + out) and a bar that fills over the
/// whole time. The animation classes come from `library::timer_css`.
fn timer(tr: &crate::i18n::Tr, m: &Skill) -> maud::Markup {
    let tense = m.family == "relaxation" && m.slug.contains("muscle");
    html! {
        section class="timer" id="timer" aria-labelledby="timer-title"
            data-in=[m.timer_pattern.map(|p| p[0])] data-out=[m.timer_pattern.map(|p| p[1])]
            data-total=[m.timer_seconds]
            data-label-in=(tr.t(if tense { "timer-tense" } else { "timer-in" }))
            data-label-out=(tr.t(if tense { "timer-let-go" } else { "timer-out" }))
            data-label-left=(tr.t("timer-left")) data-label-done=(tr.t("timer-done"))
            data-label-stop=(tr.t("timer-stop")) data-label-stopped=(tr.t("timer-stopped")) {
            script src=(crate::assets::timer_js_url()) defer {}
            h2 id="timer-title" { (tr.t("timer-title")) }
            @if let Some([inhale, exhale]) = m.timer_pattern {
                p { (tr.ta(if tense { "timer-pattern-tense" } else { "timer-pattern" },
                    &[("in", &inhale.to_string()), ("out", &exhale.to_string())])) }
            }
            @if let Some(total) = m.timer_seconds {
                p { (tr.ta("timer-total", &[("minutes", &(total.div_ceil(60)).to_string())])) }
            }
            p { a class="button start" href="#timer" { (tr.t("timer-start")) } }
            @if let Some([inhale, exhale]) = m.timer_pattern {
                div class={ "breath " (crate::library::breath_class(inhale, exhale, m.timer_seconds)) } aria-hidden="true" {}
            }
            @if let Some(total) = m.timer_seconds {
                div class="countdown" aria-hidden="true" { span class={ (crate::library::countdown_class(total)) } {} }
            }
        }
    }
}

pub async fn skill_done(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
) -> Response {
    let Some(s) = app.library.skill(&slug) else { return AppError::NotFound.into_response() };
    let logged = async {
        let day = app.today(&user);
        app.store.log_skill(user.id, &s.meta.slug, &s.meta.title, day).await?;
        Ok::<_, AppError>(())
    };
    match logged.await {
        Ok(()) => {
            app.insights.changed(&app.store, user.id, &viewer.tr);
            see_other(&format!("/skills/{}?done=1", s.meta.slug))
        }
        Err(e) => e.into_response(),
    }
}

pub async fn articles(State(app): State<AppState>, viewer: Viewer) -> Response {
    let tr = &viewer.tr;
    let title = tr.t("learn-title");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("learn-lead")) }
        ul class="cards" {
            @for a in &app.library.articles {
                li {
                    a href={ "/learn/" (a.meta.slug) } { (a.meta.title) }
                    " " span class="hint" { "(" (tr.ta("learn-minutes", &[("minutes", &a.meta.minutes.to_string())])) ")" }
                    p { (a.meta.summary) }
                }
            }
        }
    };
    html(StatusCode::OK, layout::page(&viewer, &title, body))
}

pub async fn article(State(app): State<AppState>, viewer: Viewer, Path(slug): Path<String>) -> Response {
    let Some(a) = app.library.article(&slug) else { return AppError::NotFound.into_response() };
    let tr = &viewer.tr;
    let body = html! {
        p { a href="/learn" { "← " (tr.t("learn-back")) } }
        article {
            h1 { (a.meta.title) }
            p class="hint" { (tr.ta("learn-minutes", &[("minutes", &a.meta.minutes.to_string())])) }
            p class="lead" { (a.meta.summary) }
            div class="content" { (PreEscaped(&a.html)) }
        }
    };
    html(StatusCode::OK, layout::page(&viewer, &a.meta.title, body))
}
