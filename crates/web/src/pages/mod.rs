//! Server-rendered HTML pages. Every page works without JavaScript.

mod account;
mod admin;
mod calendar;
mod checkin;
mod clinician;
mod diary_data;
mod experiment_report;
mod experiments;
pub mod form;
mod goals;
mod group_sessions;
pub mod groups;
mod hacks;
pub mod help;
mod history;
pub use history::{HistoryKey, Loaded as HistoryLoaded};
mod home;
mod insights;
pub mod layout;
mod library;
mod messages;
mod moderation;
pub mod notifications;
mod predictions;
mod privacy;
mod profiles;
mod questionnaires;
mod reminders;
mod resources;
mod safety;
pub mod search;
mod shares;
mod sign_in;
mod strategies;
mod thoughts;
mod threads;
mod visit;
mod welcome;
mod wins;

use crate::auth::{set_cookie, SESSION_COOKIE};
use crate::AppState;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use maud::Markup;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::show))
        .route("/help", get(help::show))
        .route("/privacy", get(privacy::show))
        .route("/checkin", get(checkin::show).post(checkin::save))
        .route("/diary", get(diary_data::show))
        .route("/history", get(history::show))
        .route("/history/calendar", get(calendar::show))
        .route("/insights", get(insights::show))
        .route("/experiments", get(experiments::list).post(experiments::create))
        .route("/experiments/new", get(experiments::new_form))
        .route("/experiments/{id}", get(experiments::show))
        .route("/experiments/{id}/edit", get(experiments::edit_form).post(experiments::edit))
        .route("/experiments/{id}/cancel", post(experiments::cancel))
        .route("/experiments/{id}/action", post(experiments::act))
        .route("/experiments/{id}/keep", post(experiments::keep))
        .route("/strategies", get(strategies::list))
        .route("/strategies/{id}", get(strategies::show))
        .route("/strategies/{id}/rename", post(strategies::rename))
        .route("/strategies/{id}/archive", post(strategies::archive))
        .route("/strategies/{id}/merge", post(strategies::merge))
        .route("/strategies/{id}/delete", post(strategies::delete))
        .route("/strategies/{id}/medication", post(strategies::medication))
        .route("/thoughts", get(thoughts::list).post(thoughts::start))
        .route("/thoughts/{id}", get(thoughts::show).post(thoughts::save))
        .route("/thoughts/{id}/delete", post(thoughts::delete))
        .route("/goals", get(goals::list).post(goals::create))
        .route("/goals/new", get(goals::new))
        .route("/goals/{id}", get(goals::show))
        .route("/goals/{id}/steps", post(goals::record))
        .route("/goals/{id}/start", post(goals::start))
        .route("/goals/{id}/pause", post(goals::pause))
        .route("/goals/{id}/resume", post(goals::resume))
        .route("/goals/{id}/end", post(goals::end))
        .route("/wins", get(wins::show))
        .route("/welcome", get(welcome::intro))
        .route("/welcome/setup", get(welcome::setup).post(welcome::save_setup))
        .route("/account/checkin", get(welcome::account).post(welcome::save_account))
        .route("/account/reminders", get(reminders::settings).post(reminders::save))
        .route("/account/email", post(reminders::change_email))
        .route("/account/email/confirm", post(reminders::resend))
        .route("/account/email/confirm/{token}", get(reminders::confirm))
        .route("/reminders/{action}/{token}", get(reminders::link_page).post(reminders::link_do))
        .route("/password/forgot", get(reminders::forgot_form).post(reminders::forgot))
        .route("/password/reset/{token}", get(reminders::reset_form).post(reminders::reset))
        .route("/predictions", get(predictions::list).post(predictions::create))
        .route("/predictions/{id}", get(predictions::show).post(predictions::resolve))
        .route("/groups", get(groups::directory).post(groups::create))
        .route("/groups/new", get(groups::new_form))
        .route("/search", get(search::show))
        .route("/notifications", get(notifications::show))
        .route("/notifications/read", post(notifications::mark_read))
        .route("/groups/{slug}", get(groups::show))
        .route("/groups/{slug}/join", post(groups::join))
        .route("/groups/{slug}/leave", post(groups::leave))
        .route("/groups/{slug}/follow", post(groups::follow))
        .route("/groups/{slug}/topics", get(groups::topics_form).post(groups::set_topics))
        .route("/groups/{slug}/resources", get(resources::list).post(resources::create))
        .route("/groups/{slug}/resources/new", get(resources::new_form))
        .route("/groups/{slug}/resources/{id}", get(resources::show))
        .route("/groups/{slug}/resources/{id}/edit", get(resources::edit_form).post(resources::edit))
        .route("/groups/{slug}/resources/{id}/up", post(resources::move_up))
        .route("/groups/{slug}/new", get(groups::new_thread_form))
        .route("/groups/{slug}/threads", post(groups::create_thread))
        .route("/groups/{slug}/moderation", get(moderation::queue).post(moderation::act))
        .route("/groups/{slug}/log", get(moderation::log))
        .route("/moderation", get(moderation::site_queue))
        .route("/threads/{id}", get(threads::show))
        .route("/threads/{id}/reply", post(threads::reply))
        .route("/threads/{id}/follow", post(threads::follow))
        .route("/posts/{id}/react", post(threads::react))
        .route("/posts/{id}/report", get(threads::report_form).post(threads::report))
        .route("/posts/{id}/edit", get(safety::edit_form).post(safety::edit))
        .route("/posts/{id}/held", get(safety::held))
        .route("/posts/{id}/history", get(safety::history))
        .route("/members/{handle}", get(profiles::show))
        .route("/members/{handle}/block", get(safety::block_form).post(safety::block))
        .route("/account/profile", get(profiles::edit_form).post(profiles::save))
        .route("/account/blocked", get(safety::blocked))
        .route("/messages", get(messages::list))
        .route("/messages/to", get(messages::to))
        // Not under /messages/: a member may be called "settings".
        .route("/account/messages", post(messages::save_settings))
        .route("/messages/{handle}", get(messages::show).post(messages::send))
        .route("/messages/{handle}/report/{id}", get(messages::report_form).post(messages::report))
        .route("/moderation/messages/{id}", post(moderation::close_message_report))
        .route("/groups/{slug}/sessions", get(group_sessions::list).post(group_sessions::create))
        .route("/groups/{slug}/sessions/new", get(group_sessions::new_form))
        .route("/groups/{slug}/sessions.ics", get(group_sessions::group_ics))
        .route("/sessions/{id}", get(group_sessions::show))
        .route("/sessions/{id}/rsvp", post(group_sessions::rsvp))
        .route("/sessions/{id}/rate", post(group_sessions::rate))
        .route("/sessions/{id}/skip", post(group_sessions::skip))
        .route("/sessions/{id}/cancel", post(group_sessions::cancel))
        .route("/sessions/{id}/edit", get(group_sessions::edit_form).post(group_sessions::edit))
        .route("/calendar", get(group_sessions::feed_page).post(group_sessions::feed_change))
        .route("/calendar/{file}", get(group_sessions::member_ics))
        .route("/hacks", get(hacks::list).post(hacks::create))
        .route("/hacks/new", get(hacks::new_form))
        .route("/hacks/tags", post(hacks::set_tags))
        .route("/hacks/{id}", get(hacks::show))
        .route("/hacks/{id}/try", post(hacks::try_it))
        .route("/hacks/{id}/result", post(hacks::result))
        .route("/questionnaires", get(questionnaires::list))
        .route("/questionnaires/{id}", get(questionnaires::show).post(questionnaires::answer))
        .route("/questionnaires/{id}/schedule", post(questionnaires::schedule))
        .route("/sharing", get(shares::member).post(shares::create))
        .route("/sharing/{id}/stop", post(shares::stop))
        .route("/clinician", get(clinician::show).post(clinician::redeem))
        .route("/clinician/shares/{id}", get(clinician::shared))
        .route("/clinician/shares/{id}/coach", post(clinician::coach))
        .route("/sharing/coaching/{id}", post(shares::answer))
        .route("/admin/clinicians", get(admin::show).post(admin::change))
        .route("/admin/hacks", get(admin::hacks))
        .route("/admin/hacks.json", get(admin::hacks_export))
        .route(
            "/admin/hacks/import",
            post(admin::hacks_import).layer(axum::extract::DefaultBodyLimit::max(admin::HACKS_FILE_LIMIT)),
        )
        .route("/visit", get(visit::show))
        .route("/visit/questions", post(visit::add))
        .route("/visit/questions/{id}/remove", post(visit::remove))
        .route("/visit/summary.pdf", get(visit::summary))
        .route("/skills", get(library::skills))
        .route("/skills/{slug}", get(library::skill))
        .route("/skills/{slug}/done", post(library::skill_done))
        .route("/skills/{slug}/write", post(library::write))
        .route("/learn", get(library::articles))
        .route("/learn/{slug}", get(library::article))
        .route(
            "/diary/import",
            post(diary_data::import).layer(axum::extract::DefaultBodyLimit::max(diary_data::IMPORT_LIMIT)),
        )
        .route("/register", get(sign_in::register_form).post(sign_in::register))
        .route("/login", get(sign_in::login_form).post(sign_in::login))
        .route("/logout", post(sign_in::logout))
        .route("/account", get(account::show))
        .route("/account/password", post(account::change_password))
        .route("/account/locale", post(account::set_locale))
        .route("/account/time-zone", post(account::set_time_zone))
        .route("/account/tokens", post(account::create_token))
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .route("/account/delete", post(account::delete))
}

/// A data table with a caption and column headings that scrolls sideways on a narrow screen;
/// the scrolling region is keyboard-focusable and named by the caption (`id`).
pub fn scroll_table(id: &str, caption: &str, columns: &[String], rows: Markup) -> Markup {
    maud::html! {
        div class="table-scroll" tabindex="0" role="region" aria-labelledby=(id) {
            table {
                caption id=(id) { (caption) }
                thead { tr { @for c in columns { th scope="col" { (c) } } } }
                tbody { (rows) }
            }
        }
    }
}

/// A rendered page with a status.
/// A moment as the member reads it: date and time in their own zone, machine-readable in
/// `datetime`.
pub fn local_time(zone: chrono_tz::Tz, at: chrono::DateTime<chrono::Utc>) -> Markup {
    maud::html! { time datetime=(at.to_rfc3339()) { (at.with_timezone(&zone).format("%Y-%m-%d %H:%M")) } }
}

pub fn html(status: StatusCode, markup: Markup) -> Response {
    (status, Html(markup.into_string())).into_response()
}

/// After a successful form post: 303 so that reloading the next page does not post again.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// Sets (or with `None`, clears) the login cookie on a response.
pub fn with_session_cookie(app: &AppState, mut response: Response, token: Option<&str>) -> Response {
    let cookie = match token {
        Some(t) => set_cookie(
            SESSION_COOKIE,
            t,
            Some(app.config.session_days * 86_400),
            "Lax",
            app.config.secure_cookies,
        ),
        None => set_cookie(SESSION_COOKIE, "", Some(0), "Lax", app.config.secure_cookies),
    };
    if let Some(c) = cookie {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}
