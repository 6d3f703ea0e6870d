//! Profiles through the API, with the pages' rules (`crate::profiles`).

use super::Json;
use super::{schema, ErrorBody};
use crate::auth::Member;
use crate::error::AppResult;
use crate::{messages, profiles, AppState};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use foothold_core::community::profile::{parse_profile, Audience, Profile, ProfileForm};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct GroupLink {
    slug: String,
    name: String,
}

/// A member's profile as you may see it: a field you may not see is absent (null).
#[derive(Serialize, ToSchema)]
pub struct ProfileView {
    handle: String,
    /// Month they joined, `YYYY-MM`.
    member_since: Option<String>,
    about: Option<String>,
    living_with: Option<String>,
    groups: Option<Vec<GroupLink>>,
}

/// A member's profile, each field as its member chose to show it to you.
#[utoipa::path(get, path = "/api/v1/members/{handle}", tag = "community", operation_id = "get_profile", params(("handle" = String, Path)),
    responses((status = 200, body = ProfileView), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn get(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(handle): Path<String>,
) -> AppResult<Json<ProfileView>> {
    let them = messages::member(&app.store, &handle).await?;
    let s = profiles::seen(&app.store, &user, &them).await?;
    Ok(Json(ProfileView {
        handle: them.handle,
        member_since: s.since.map(|t| t.format("%Y-%m").to_string()),
        about: s.about,
        living_with: s.living_with,
        groups: s.groups.map(|g| g.into_iter().map(|(slug, name)| GroupLink { slug, name }).collect()),
    }))
}

/// Your own profile with who sees each part: `everyone` (anyone signed in), `members` (who
/// share a group with you) or `nobody`.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct OwnProfile {
    #[serde(default)]
    #[schema(max_length = 500)]
    about: String,
    #[schema(schema_with = schema::one_of::<Audience>)]
    about_to: String,
    #[serde(default)]
    #[schema(max_length = 200)]
    living_with: String,
    #[schema(schema_with = schema::one_of::<Audience>)]
    living_with_to: String,
    #[schema(schema_with = schema::one_of::<Audience>)]
    groups_to: String,
    #[schema(schema_with = schema::one_of::<Audience>)]
    since_to: String,
}

fn own(p: Profile) -> OwnProfile {
    OwnProfile {
        about: p.about,
        about_to: p.about_to.as_str().to_owned(),
        living_with: p.living_with,
        living_with_to: p.living_with_to.as_str().to_owned(),
        groups_to: p.groups_to.as_str().to_owned(),
        since_to: p.since_to.as_str().to_owned(),
    }
}

/// Your profile and who sees each part.
#[utoipa::path(get, path = "/api/v1/me/profile", tag = "community", operation_id = "get_own_profile",
    responses((status = 200, body = OwnProfile), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn mine(State(app): State<AppState>, Member { user, .. }: Member) -> AppResult<Json<OwnProfile>> {
    Ok(Json(own(app.store.profile(user.id).await?)))
}

/// Replaces your profile.
#[utoipa::path(put, path = "/api/v1/me/profile", tag = "community", operation_id = "set_own_profile", request_body = OwnProfile,
    responses((status = 204), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn set(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(req): Json<OwnProfile>,
) -> AppResult<StatusCode> {
    let p = parse_profile(&ProfileForm {
        about: &req.about,
        about_to: &req.about_to,
        living_with: &req.living_with,
        living_with_to: &req.living_with_to,
        groups_to: &req.groups_to,
        since_to: &req.since_to,
    })?;
    app.store.set_profile(user.id, &p).await?;
    Ok(StatusCode::NO_CONTENT)
}
