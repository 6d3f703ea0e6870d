//! The skills library and the learning articles. Open to everyone; logging a practised skill
//! (which tags it in today's check-in) needs an account.

use super::form::csrf;
use super::{html, layout, login_redirect, see_other};
use crate::auth::Viewer;
use crate::error::AppError;
use crate::library::Rendered;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use foothold_core::library::Skill;
use maud::{html, PreEscaped};
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
}

pub async fn skill(
    State(app): State<AppState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Response {
    let Some(s) = app.library.skill(&slug) else { return AppError::NotFound.into_response() };
    let tr = &viewer.tr;
    let m = &s.meta;
    let body = html! {
        p { a href="/skills" { "← " (tr.t("skills-back")) } }
        h1 { (m.title) }
        p class="hint" { (tr.ta("skills-minutes", &[("minutes", &m.minutes.to_string())])) }
        @if q.done.is_some() && viewer.user().is_some() {
            p class="notice" role="status" { (tr.ta("skills-done-saved", &[("title", &m.title)])) }
        }
        p class="lead" { (m.summary) }
        aside class="why" aria-labelledby="why" {
            h2 id="why" { (tr.t("skills-why")) }
            p { (m.why) }
        }
        @if m.timer_seconds.is_some() || m.timer_pattern.is_some() { (timer(tr, m)) }
        div class="content" { (PreEscaped(&s.html)) }
        @match viewer.user() {
            Some(_) => form method="post" action={ "/skills/" (m.slug) "/done" } class="done" {
                (csrf(&viewer.csrf))
                button type="submit" { (tr.t("skills-done")) }
                p class="hint" { (tr.ta("skills-done-hint", &[("title", &m.title)])) }
            },
            None => p class="hint" { a href="/login" { (tr.t("skills-login")) } },
        }
    };
    html(StatusCode::OK, layout::page(&viewer, &m.title, body))
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

pub async fn skill_done(State(app): State<AppState>, viewer: Viewer, Path(slug): Path<String>) -> Response {
    let Some(user) = viewer.user() else { return login_redirect() };
    let Some(s) = app.library.skill(&slug) else { return AppError::NotFound.into_response() };
    let logged = async {
        let day = app.clock.today(&app.store.time_zone(user.id).await?);
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
