//! The wins wall: the member's own evidence that what they do changes things — steps of a
//! plan done, goals reached, predictions that turned out better than feared, experiments
//! carried to the end. Counts and what happened, never a score or a streak to lose.

use super::goals::{amount, steps_done};
use super::{html, layout};
use crate::auth::Member;
use crate::error::AppResult;
use crate::experiments;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use foothold_core::experiment::Status;
use foothold_core::thought::Compared;
use maud::html;

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, today }: Member,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let goals = app.store.goals(user.id).await?;
    let mut steps = Vec::new();
    for g in &goals {
        let recorded = app.store.goal_steps(user.id, g.id).await?;
        steps.push((g, steps_done(g, &recorded, today)));
    }
    let total: usize = steps.iter().map(|(_, n)| n).sum();
    let reached: Vec<_> = goals.iter().filter(|g| g.reached_on.is_some()).collect();
    let predictions = app.store.predictions(user.id).await?;
    let better: Vec<_> = predictions.iter().filter(|p| p.compared == Some(Compared::Better)).collect();
    let finished: Vec<_> = experiments::load_all(&app.store, tr, user.id)
        .await?
        .into_iter()
        .filter(|e| e.status(today) == Status::Finished)
        .collect();
    let nothing_yet = total == 0 && reached.is_empty() && better.is_empty() && finished.is_empty();
    let title = tr.t("wins-title");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("wins-lead")) }
        @if nothing_yet {
            p { (tr.t("wins-none")) }
            p { a href="/goals/new" { (tr.t("goals-new")) } " · " a href="/predictions" { (tr.t("wins-predict")) } }
        }
        @if total > 0 {
            section aria-labelledby="wins-steps" {
                h2 id="wins-steps" { (tr.ta("wins-steps", &[("count", &total.to_string())])) }
                ul {
                    @for (g, n) in steps.iter().filter(|(_, n)| *n > 0) {
                        li { a href={ "/goals/" (g.id) } { (g.activity) } ": " (tr.ta("wins-steps-of", &[("count", &n.to_string())])) }
                    }
                }
            }
        }
        @if !reached.is_empty() {
            section aria-labelledby="wins-reached" {
                h2 id="wins-reached" { (tr.t("wins-reached")) }
                ul {
                    @for g in &reached {
                        li {
                            strong { (g.activity) } ": "
                            (g.ceiling.map(|c| amount(tr, g.unit, c)).unwrap_or_default())
                            " (" (g.reached_on.map(|d| d.to_string()).unwrap_or_default()) ")"
                        }
                    }
                }
            }
        }
        @if !better.is_empty() {
            section aria-labelledby="wins-better" {
                h2 id="wins-better" { (tr.t("wins-better")) }
                ul {
                    @for p in &better {
                        li {
                            (p.day) ": " (tr.ta("wins-feared", &[("expected", &p.expected)]))
                            @if let Some(h) = &p.happened { " " (tr.ta("wins-happened", &[("happened", h)])) }
                        }
                    }
                }
            }
        }
        @if !finished.is_empty() {
            section aria-labelledby="wins-experiments" {
                h2 id="wins-experiments" { (tr.t("wins-experiments")) }
                ul {
                    @for e in &finished {
                        li { a href={ "/experiments/" (e.stored.id) } { (e.labels.0) } }
                    }
                }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}
