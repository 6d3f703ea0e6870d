//! The diary as a calendar, one month at a time: each day links to its check-in and shows
//! its pain rating, shaded by it (a heat map with its scale), so gaps and good stretches are
//! easy to see. A plain table, so it reads well with a screen reader and needs no JavaScript.
//! It goes back as far as the diary does, not further.

use super::{html, layout};
use crate::auth::Member;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Duration, NaiveDate};
use foothold_store::CheckIn;
use maud::{html, Markup};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
pub struct MonthQuery {
    /// `YYYY-MM`; the member's current month when absent or unreadable.
    month: Option<String>,
}

fn first_of(month: Option<&str>, today: NaiveDate) -> NaiveDate {
    month
        .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .filter(|d| *d <= today)
        .unwrap_or_else(|| today.with_day(1).unwrap_or(today))
}

fn month_param(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<MonthQuery>,
) -> Response {
    let loaded = async {
        let today = app.today(&user);
        let first = first_of(q.month.as_deref(), today);
        let next = (first + Duration::days(32)).with_day(1).unwrap_or(first);
        let last = next - Duration::days(1);
        let days = app.store.checkins(user.id, first, last).await?;
        let earliest = app.store.first_checkin_day(user.id).await?;
        Ok::<_, AppError>((today, first, next, days, earliest))
    };
    let (today, first, next, days, earliest) = match loaded.await {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let by_day: HashMap<NaiveDate, &CheckIn> = days.iter().map(|c| (c.day, c)).collect();
    let tr = &viewer.tr;
    let month_name = tr.t(&format!("month-{}", first.month()));
    let title = tr.ta("calendar-title", &[("month", &month_name), ("year", &first.year().to_string())]);
    let previous = (first - Duration::days(1)).with_day(1).unwrap_or(first);
    // Weeks start on Monday; leading blanks up to the first day.
    let lead = first.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<Option<NaiveDate>> = vec![None; lead];
    cells.extend(first.iter_days().take_while(|d| *d < next).map(Some));
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    let body = html! {
        p { a href="/history" { "← " (tr.t("calendar-back")) } }
        h1 { (title) }
        nav class="ranges" aria-label=(tr.t("calendar-months")) {
            @if earliest.is_some_and(|e| e < first) {
                a href={ "/history/calendar?month=" (month_param(previous)) } { (tr.t("calendar-previous")) }
            }
            @if next <= today { a href={ "/history/calendar?month=" (month_param(next)) } { (tr.t("calendar-next")) } }
        }
        p class="hint" { (tr.ta("calendar-count", &[("count", &days.len().to_string())])) }
        (scale(tr))
        div class="table-scroll" tabindex="0" role="region" aria-labelledby="calendar-caption" {
            table class="calendar" {
                caption id="calendar-caption" { (tr.t("calendar-caption")) }
                thead { tr { @for d in 0..7 { th scope="col" abbr=(tr.t(&format!("weekday-{d}"))) { (tr.t(&format!("weekday-short-{d}"))) } } } }
                tbody {
                    @for week in cells.chunks(7) {
                        tr { @for cell in week { (day_cell(tr, *cell, &by_day, today)) } }
                    }
                }
            }
        }
    };
    html(StatusCode::OK, layout::page(&viewer, &title, body))
}

fn day_cell(
    tr: &Tr,
    cell: Option<NaiveDate>,
    by_day: &HashMap<NaiveDate, &CheckIn>,
    today: NaiveDate,
) -> Markup {
    let Some(day) = cell else { return html! { td {} } };
    let checkin = by_day.get(&day);
    let rating = checkin.map(|c| {
        c.ratings.pain.map_or_else(
            || tr.t("calendar-checked"),
            |p| tr.ta("calendar-pain", &[("pain", &p.value().to_string())]),
        )
    });
    let shade = checkin.map(|c| match c.ratings.pain.map(|p| p.value()) {
        None => "has-checkin".to_owned(),
        Some(p) => format!("has-checkin heat-{}", band(p)),
    });
    html! {
        td class=[shade] {
            @if day <= today {
                a href={ "/checkin?day=" (day) } {
                    span class="date" { (day.day()) }
                    @if let Some(r) = rating { span class="pain" { (r) } }
                }
            } @else {
                span class="date" { (day.day()) }
            }
        }
    }
}

/// The shade of a pain rating: 0–2, 3–4, 5–6, 7–8, 9–10.
fn band(pain: u8) -> u8 {
    match pain {
        0..=2 => 0,
        3..=4 => 1,
        5..=6 => 2,
        7..=8 => 3,
        _ => 4,
    }
}

/// The heat map's key. Each day also says its rating in words, so the shade is never the
/// only way to read it.
fn scale(tr: &Tr) -> Markup {
    html! {
        p class="heat-scale" {
            span { (tr.t("calendar-scale")) }
            @for (band, label) in ["0–2", "3–4", "5–6", "7–8", "9–10"].iter().enumerate() {
                span class={ "heat-" (band) } { (label) }
            }
        }
    }
}
