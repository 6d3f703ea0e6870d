//! The JSON API under `/api/v1`. Its OpenAPI 3.1 document is generated from these handlers
//! and types (utoipa) and served at `/api/v1/openapi.json`.
//!
//! Authentication: a personal API token (`Authorization: Bearer fh_…`), or the login cookie
//! from `POST /api/v1/sessions` together with the `X-CSRF-Token` header it returns.

mod account;
pub mod archive;
mod community;
mod diary;
mod experiments;
mod goals;
mod group_sessions;
mod hacks;
mod insights;
mod json;
mod messages;
mod profiles;
mod questionnaires;
mod reminders;
mod safety;
mod schema;
mod shares;
mod strategies;
mod thoughts;
mod tokens;

use crate::AppState;
use axum::routing::{delete, get, patch, post, put};
use axum::Router;
pub use json::Json;
use serde::Serialize;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi_json))
        .route("/api/v1/accounts", post(account::register))
        .route("/api/v1/sessions", post(account::login))
        .route("/api/v1/sessions/current", delete(account::logout))
        .route("/api/v1/me", get(account::me).delete(account::delete_me))
        .route("/api/v1/me", patch(account::update_me))
        .route("/api/v1/me/password", put(account::change_password))
        .route("/api/v1/tokens", get(tokens::list).post(tokens::create))
        .route("/api/v1/tokens/{id}", delete(tokens::revoke))
        .route("/api/v1/strategies", get(diary::strategies).post(diary::create_strategy))
        .route("/api/v1/strategies/{id}", patch(strategies::change).delete(strategies::delete))
        .route("/api/v1/strategies/{id}/merge", post(strategies::merge))
        .route("/api/v1/checkins", get(diary::list))
        .route("/api/v1/insights", get(insights::get))
        .route("/api/v1/experiments", get(experiments::list).post(experiments::create))
        .route("/api/v1/experiments/{id}", get(experiments::get))
        .route("/api/v1/experiments/{id}/actions", post(experiments::act))
        .route("/api/v1/experiments/{id}/days/{day}", put(experiments::set_followed))
        .route("/api/v1/diary.csv", get(diary::export_csv))
        .route("/api/v1/diary.json", get(diary::export_json))
        .route("/api/v1/thoughts.json", get(thoughts::export))
        .route("/api/v1/groups", get(community::list).post(community::create))
        .route("/api/v1/groups/{slug}", get(community::get))
        .route("/api/v1/groups/{slug}/membership", post(community::join).delete(community::leave))
        .route("/api/v1/groups/{slug}/threads", get(community::threads).post(community::create_thread))
        .route("/api/v1/groups/{slug}/reports", get(community::reports))
        .route("/api/v1/groups/{slug}/moderation", post(community::moderate))
        .route("/api/v1/groups/{slug}/log", get(community::log))
        .route("/api/v1/groups/{slug}/resources", get(community::resources).post(community::add_resource))
        .route("/api/v1/groups/{slug}/resources/order", put(community::order_resources))
        .route(
            "/api/v1/groups/{slug}/resources/{id}",
            put(community::change_resource).delete(community::remove_resource),
        )
        .route("/api/v1/groups/{slug}/follow", put(community::follow_group).delete(community::unfollow_group))
        .route("/api/v1/groups/{slug}/tags", put(community::set_tags))
        .route("/api/v1/threads/{id}", get(community::thread))
        .route("/api/v1/search", get(community::search))
        .route("/api/v1/groups/{slug}/sessions", get(group_sessions::list).post(group_sessions::create))
        .route("/api/v1/sessions/{id}", get(group_sessions::get))
        .route("/api/v1/sessions/{id}/rsvp", put(group_sessions::rsvp).delete(group_sessions::unrsvp))
        .route("/api/v1/sessions/{id}/ratings/{day}", put(group_sessions::rate))
        .route("/api/v1/sessions/{id}/cancel", post(group_sessions::cancel))
        .route("/api/v1/reminders", get(reminders::list))
        .route("/api/v1/push/key", get(reminders::push_key))
        .route("/api/v1/push/subscriptions", post(reminders::subscribe).delete(reminders::unsubscribe))
        .route("/api/v1/reminders/{kind}", put(reminders::set))
        .route("/api/v1/reminders/off/{token}", post(reminders::off))
        .route("/api/v1/goals", get(goals::list).post(goals::create))
        .route("/api/v1/goals/{id}", get(goals::get))
        .route("/api/v1/goals/{id}/days/{day}", put(goals::record))
        .route("/api/v1/goals/{id}/actions", post(goals::act))
        .route("/api/v1/questionnaires", get(questionnaires::list))
        .route("/api/v1/questionnaires/{id}", get(questionnaires::get))
        .route(
            "/api/v1/questionnaires/{id}/responses",
            get(questionnaires::responses).post(questionnaires::answer),
        )
        .route("/api/v1/questionnaires/{id}/schedule", put(questionnaires::schedule))
        .route("/api/v1/export", get(archive::download))
        .route("/api/v1/export/fhir", get(questionnaires::export_fhir))
        .route("/api/v1/report.pdf", get(shares::report))
        .route("/api/v1/shares", get(shares::list).post(shares::create))
        .route("/api/v1/shares/log", get(shares::log))
        .route("/api/v1/shares/coaching", get(shares::my_coaching))
        .route("/api/v1/shares/coaching/{id}", put(shares::answer_coaching))
        .route("/api/v1/clinician/shares/{id}/coaching", post(shares::coach))
        .route("/api/v1/shares/{id}", delete(shares::stop))
        .route("/api/v1/clinician/shares", get(shares::shared_with_me).post(shares::redeem))
        .route("/api/v1/clinician/shares/{id}", get(shares::shared))
        .route("/api/v1/hacks", get(hacks::list).post(hacks::create))
        .route("/api/v1/hacks/{id}", get(hacks::get))
        .route("/api/v1/hacks/{id}/try", put(hacks::try_it))
        .route("/api/v1/hacks/{id}/result", put(hacks::share).delete(hacks::withdraw))
        .route("/api/v1/me/hack-tags", get(hacks::tags).put(hacks::set_tags))
        .route("/api/v1/notifications", get(community::notifications))
        .route("/api/v1/notifications/read", post(community::read_notifications))
        .route("/api/v1/threads/{id}/posts", post(community::reply))
        .route("/api/v1/threads/{id}/follow", put(community::follow).delete(community::unfollow))
        .route("/api/v1/posts/{id}/reactions/{kind}", put(community::react).delete(community::unreact))
        .route("/api/v1/posts/{id}/reports", post(community::report))
        .route("/api/v1/posts/{id}", patch(safety::edit))
        .route("/api/v1/posts/{id}/history", get(safety::history))
        .route("/api/v1/members/{handle}", get(profiles::get))
        .route("/api/v1/me/profile", get(profiles::mine).put(profiles::set))
        .route("/api/v1/members/{handle}/block", put(safety::block).delete(safety::unblock))
        .route("/api/v1/me/blocks", get(safety::blocks))
        .route("/api/v1/moderation/reports", get(safety::all_reports))
        .route("/api/v1/messages", get(messages::list))
        .route("/api/v1/me/messages", put(messages::settings))
        .route("/api/v1/messages/{handle}", get(messages::conversation).post(messages::send))
        .route("/api/v1/messages/{handle}/reports", post(messages::report))
        .route("/api/v1/checkins/{day}", get(diary::get_day).put(diary::put_day).delete(diary::delete_day))
}

/// The body of every error response.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code, e.g. `handle-taken`.
    pub code: String,
    /// A sentence for people, in the request's language.
    pub message: String,
    /// Per-field problems, for validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldProblem>>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Foothold API",
        description = "Your own data in Foothold, for scripts and apps. Health data is only ever visible to its member and to whom they choose.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        account::register, account::login, account::logout, account::me, account::update_me,
        account::change_password, account::delete_me, tokens::list, tokens::create, tokens::revoke,
        diary::strategies, diary::create_strategy, diary::list, diary::get_day, diary::put_day, diary::delete_day,
        diary::export_csv, diary::export_json, insights::get, strategies::change, strategies::merge, strategies::delete,
        experiments::list, experiments::create, experiments::get, experiments::act, experiments::set_followed,
        thoughts::export, community::list, community::create, community::get, community::join, community::leave,
        community::threads, community::create_thread, community::thread, community::reply, community::react,
        community::unreact, community::report, community::reports, community::moderate, community::log, community::search,
        community::notifications, community::read_notifications, community::follow, community::unfollow,
        community::follow_group, community::unfollow_group, community::set_tags, community::resources, community::add_resource, community::order_resources,
        community::change_resource, community::remove_resource,
        safety::blocks, safety::block, safety::unblock, safety::edit, safety::history, safety::all_reports,
        messages::list, messages::settings, messages::conversation, messages::send, messages::report,
        profiles::get, profiles::mine, profiles::set,
        hacks::list, hacks::create, hacks::get, hacks::try_it, hacks::share, hacks::withdraw, hacks::tags,
        hacks::set_tags, group_sessions::list, group_sessions::create, group_sessions::get, group_sessions::rsvp,
        group_sessions::unrsvp, group_sessions::rate, group_sessions::cancel, questionnaires::list,
        questionnaires::get, questionnaires::responses, questionnaires::answer, questionnaires::schedule,
        questionnaires::export_fhir, shares::list, shares::create, shares::stop, shares::log, shares::redeem,
        shares::shared_with_me, shares::shared, shares::report, shares::my_coaching, shares::answer_coaching,
        shares::coach, archive::download, goals::list, goals::create, goals::get, goals::record, goals::act,
        reminders::off, reminders::list, reminders::set, reminders::push_key, reminders::subscribe,
        reminders::unsubscribe
    ),
    components(schemas(ErrorBody, ErrorDetail, FieldProblem)),
    modifiers(&Security, &CommonErrors),
    tags((name = "account", description = "Accounts, sessions and API tokens"),
         (name = "diary", description = "Daily check-ins and strategies"),
         (name = "insights", description = "What goes with better days, from your own diary"),
         (name = "experiments", description = "Personal experiments: randomised n-of-1 trials you run on yourself"),
         (name = "thoughts", description = "Thought records and predictions"),
         (name = "community", description = "Groups, conversations, reactions, reports and moderation"),
         (name = "hacks", description = "Pain hacks: what members do, what trying one showed them, pooled anonymously"),
         (name = "sessions", description = "Group sessions: planning, coming or waiting, pain before and after"),
         (name = "questionnaires", description = "Questionnaires as FHIR R4 (PEG, PHQ-9, GAD-7, …), your scores over time, and your data as a FHIR Bundle"),
         (name = "goals", description = "Graded goals and pacing: a baseline, a plan that rises each week, flare pauses"),
         (name = "sharing", description = "Sharing a read-only summary with a clinician or coach: scoped, time-limited, revocable, every view logged"))
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "Login cookie from POST /api/v1/sessions; state-changing requests also need the X-CSRF-Token header.",
            ))),
        );
    }
}

/// The error answers every operation can give for the same reasons, added where an operation
/// does not state them itself: 400 for a path, query or body that cannot be read; 401 without
/// a valid login where one is required, and on every operation for an `Authorization` header
/// that is not a valid token; 404 where the path names something that is not there (or not
/// yours to see); 415 and 422 for a body that is not JSON or fails its checks. Every one has
/// the one error body (`ErrorBody`).
struct CommonErrors;

impl Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::ParameterIn;
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        let error = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build(),
                    )
                    .build(),
            )
        };
        for item in openapi.paths.paths.values_mut() {
            let operations =
                [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
            for operation in operations.into_iter().flatten() {
                let has_body = operation.request_body.is_some();
                let parameters = operation.parameters.as_deref().unwrap_or_default();
                let in_path = parameters.iter().any(|p| p.parameter_in == ParameterIn::Path);
                let responses = &mut operation.responses.responses;
                let mut add = |status: &str, description: &str| {
                    responses.entry(status.to_owned()).or_insert_with(|| error(description));
                };
                if has_body || !parameters.is_empty() {
                    add("400", "The path, query or body could not be read");
                }
                add("401", "No valid login: sign in, or send a valid API token");
                if in_path {
                    add("404", "Nothing of that id here, or nothing you may see");
                }
                if has_body {
                    add("415", "The body is not JSON (`Content-Type: application/json`)");
                    add("422", "The input failed its checks; `fields` says which");
                }
            }
        }
    }
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
