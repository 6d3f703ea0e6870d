//! Hacks in the JSON API: the same rules as the pages (`crate::hacks`). Shared results are
//! only ever returned pooled, from five members up; a member sees their own result alone.

use super::community::{api_nonce, created, post_view, Created, PostView};
use super::Json;
use super::{schema, ErrorBody};
use crate::auth::{Member, Viewer};
use crate::error::AppResult;
use crate::hacks::{self, MyResult};
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, Utc};
use foothold_core::community::access::Action;
use foothold_core::hacks::pooling::Evidence;
use foothold_core::hacks::{parse_hack, Cost, Effort, Tag, PER_PAGE};
use foothold_core::Invalid;
use foothold_store::{HackOrder, HackSummary, PostId, ThreadId, Tried, User};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct PooledView {
    /// `pain`, `peg`, `mood` or `sleep`.
    outcome: &'static str,
    /// Members whose shared results are pooled (never fewer than five).
    members: usize,
    /// Of them, members whose own data showed the better direction.
    helped: usize,
    /// The typical member's difference on days with the hack (DerSimonian–Laird random
    /// effects; negative is less pain).
    estimate: f64,
    /// 95 % interval of `estimate`.
    interval: [f64; 2],
    /// How much members differ (between-member standard deviation).
    tau: f64,
}

fn pooled_views(e: &Evidence) -> Vec<PooledView> {
    e.0.iter()
        .map(|(o, p)| PooledView {
            outcome: o.as_str(),
            members: p.members,
            helped: p.helped,
            estimate: p.estimate,
            interval: p.interval,
            tau: p.tau,
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
pub struct HackView {
    /// Also the id of its discussion thread (`/api/v1/threads/{id}`).
    id: i64,
    title: String,
    author: Option<String>,
    created_at: DateTime<Utc>,
    /// `free`, `low` or `some`.
    cost: &'static str,
    /// `low`, `medium` or `high`.
    effort: &'static str,
    minutes: u16,
    tags: Vec<&'static str>,
    /// Members who chose "I'll try it".
    tried: i64,
    /// Replies in its discussion.
    replies: i64,
    /// Pooled results of members' own diaries per outcome; empty until five members shared.
    evidence: Vec<PooledView>,
    /// Pooled results of members' kept personal experiments (A: the hack, B: without it),
    /// the stronger evidence, apart; empty until five members shared one.
    experiment_evidence: Vec<PooledView>,
}

fn hack_view(h: HackSummary) -> HackView {
    HackView {
        id: h.id.0,
        evidence: pooled_views(&h.evidence),
        experiment_evidence: pooled_views(&h.experiments),
        title: h.title,
        author: h.author,
        created_at: h.created_at,
        cost: h.needs.cost.as_str(),
        effort: h.needs.effort.as_str(),
        minutes: h.needs.minutes,
        tags: h.tags.iter().map(|t| t.as_str()).collect(),
        tried: h.tried,
        replies: h.replies,
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only hacks with this tag.
    #[serde(default)]
    #[param(schema_with = schema::one_of::<Tag>)]
    tag: Option<String>,
    /// `fit` (your tags first, then newest; the default), `newest` or `evidence`.
    #[serde(default)]
    #[param(schema_with = orders)]
    sort: Option<String>,
    /// Page number from 0.
    #[serde(default)]
    #[param(maximum = 65535)]
    page: Option<u16>,
}

#[derive(Serialize, ToSchema)]
pub struct HackPage {
    hacks: Vec<HackView>,
    /// The next page's number; `null` on the last.
    next: Option<u32>,
}

fn orders() -> utoipa::openapi::schema::Object {
    schema::choice(["fit", "newest", "evidence"])
}

/// The hacks, 30 a page, by fit to your tags (or newest, or evidence when asked).
#[utoipa::path(get, path = "/api/v1/hacks", tag = "hacks", operation_id = "list_hacks", params(ListQuery),
    responses((status = 200, body = HackPage), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<ListQuery>,
) -> AppResult<Json<HackPage>> {
    hacks::place(&app, viewer.user()).await?.require(Action::Read)?;
    let tag = q.tag.map(|t| Tag::parse(&t).ok_or_else(|| Invalid::one("tag", "choose-one"))).transpose()?;
    let order = match q.sort.as_deref() {
        None | Some("fit") => HackOrder::Fit,
        Some("newest") => HackOrder::Newest,
        Some("evidence") => HackOrder::Evidence,
        Some(_) => return Err(Invalid::one("sort", "choose-one").into()),
    };
    let page = u32::from(q.page.unwrap_or(0));
    let mut list = app.store.hacks(Some(user.id), tag, order, page).await?;
    let next = (list.len() > PER_PAGE as usize).then_some(page + 1);
    list.truncate(PER_PAGE as usize);
    Ok(Json(HackPage { hacks: list.into_iter().map(hack_view).collect(), next }))
}

#[derive(Deserialize, ToSchema)]
pub struct HackRequest {
    /// Any unique string per hack: sending the same one again returns the first hack.
    #[serde(default)]
    nonce: Option<String>,
    /// Also the strategy name members who try it see: at most 60 characters, no `;`.
    #[schema(pattern = r"^[^;]*\S[^;]+\S[^;]*$", max_length = 60)]
    title: String,
    /// How to do it, Markdown.
    #[schema(pattern = r"\S", max_length = 20000)]
    body: String,
    #[schema(schema_with = schema::one_of::<Cost>)]
    cost: String,
    #[schema(schema_with = schema::one_of::<Effort>)]
    effort: String,
    #[schema(minimum = 1, maximum = 600)]
    minutes: u16,
    #[serde(default)]
    #[schema(schema_with = schema::some_of::<Tag>)]
    tags: Vec<String>,
    /// Needed the first time: you join the hacks group and accept its rules.
    #[serde(default)]
    accept_rules: bool,
}

/// Shares a hack. 201 (`thread` is the hack's id), or 200 when the nonce was used before.
#[utoipa::path(post, path = "/api/v1/hacks", tag = "hacks", operation_id = "create_hack", request_body = HackRequest,
    responses((status = 201, body = Created), (status = 200, body = Created), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Json(req): Json<HackRequest>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let tags: Vec<&str> = req.tags.iter().map(String::as_str).collect();
    let new = parse_hack(&req.title, &req.body, &req.cost, &req.effort, &req.minutes.to_string(), &tags)?;
    let nonce = api_nonce(req.nonce)?;
    let w = hacks::create(&app, &user, &nonce, &new, req.accept_rules).await?;
    Ok(created(&app, &viewer, w))
}

#[derive(Serialize, ToSchema)]
pub struct MyResultView {
    /// `too_soon`, `not_in_diary`, `not_enough_data` or `ready`.
    state: &'static str,
    /// Days of trying still to go (`too_soon`).
    days_left: Option<i64>,
    /// Your own same-day results (`ready`): seen by you alone until you share them.
    results: Vec<OwnResult>,
    /// Your kept personal experiment of it against doing without it, if any.
    experiment: Option<OwnExperiment>,
}

#[derive(Serialize, ToSchema)]
pub struct OwnExperiment {
    outcome: &'static str,
    /// mean(with) − mean(without).
    estimate: f64,
    /// 90 % interval.
    interval: [f64; 2],
    /// The experiment found it likely better.
    helps: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OwnResult {
    outcome: &'static str,
    estimate: f64,
    /// 90 % interval.
    interval: [f64; 2],
    /// `likely_helps`, `likely_worse` or `no_clear_difference`.
    #[schema(value_type = String)]
    label: foothold_core::agency::Label,
}

#[derive(Serialize, ToSchema)]
pub struct TriedView {
    /// Your first day of trying it.
    tried_on: NaiveDate,
    /// The strategy it added to your check-in; `null` if you deleted or merged it.
    strategy: Option<i64>,
    /// Your result is part of the hack's evidence.
    shared: bool,
    result: MyResultView,
}

fn my_result_view(r: &MyResult) -> MyResultView {
    let (state, days_left, results, experiment) = match r {
        MyResult::TooSoon { days_left } => ("too_soon", Some(*days_left), Vec::new(), None),
        MyResult::NotInDiary => ("not_in_diary", None, Vec::new(), None),
        MyResult::NotEnoughData => ("not_enough_data", None, Vec::new(), None),
        MyResult::Ready { effects, experiment } => (
            "ready",
            None,
            effects
                .iter()
                .map(|e| OwnResult {
                    outcome: e.outcome.as_str(),
                    estimate: e.estimate,
                    interval: e.interval,
                    label: e.label,
                })
                .collect(),
            experiment.map(|(o, s)| OwnExperiment {
                outcome: o.as_str(),
                estimate: s.estimate,
                interval: s.interval,
                helps: s.helps,
            }),
        ),
    };
    MyResultView { state, days_left, results, experiment }
}

#[derive(Serialize, ToSchema)]
pub struct HackDetail {
    hack: HackView,
    /// How to do it: the opening post of its discussion.
    how: Option<PostView>,
    /// Your try of it, if you chose "I'll try it".
    mine: Option<TriedView>,
}

async fn detail(app: &AppState, viewer: &Viewer, user: &User, id: ThreadId) -> AppResult<HackDetail> {
    let (hack, place, tried) = hacks::open(app, viewer.user(), id).await?;
    let how = app
        .store
        .posts(hack.id, user.id, PostId(0), 1, place.may(Action::Moderate))
        .await?
        .into_iter()
        .next();
    let mine = match tried {
        Some(t) => Some(tried_view(&t, &hacks::my_result(app, user, &viewer.tr, &t).await?)),
        None => None,
    };
    Ok(HackDetail { hack: hack_view(hack), how: how.map(|p| post_view(&app.rendered, p)), mine })
}

fn tried_view(t: &Tried, r: &MyResult) -> TriedView {
    TriedView {
        tried_on: t.tried_on,
        strategy: t.strategy.map(|s| s.0),
        shared: t.shared,
        result: my_result_view(r),
    }
}

/// A hack with how to do it, its pooled evidence and your own try of it.
#[utoipa::path(get, path = "/api/v1/hacks/{id}", tag = "hacks", operation_id = "get_hack", params(("id" = i64, Path)),
    responses((status = 200, body = HackDetail), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn get(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
) -> AppResult<Json<HackDetail>> {
    Ok(Json(detail(&app, &viewer, &user, id).await?))
}

/// "I'll try it": adds the hack to your check-in from today. Trying again keeps the first day.
#[utoipa::path(put, path = "/api/v1/hacks/{id}/try", tag = "hacks", operation_id = "try_hack", params(("id" = i64, Path)),
    responses((status = 200, body = HackDetail), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn try_it(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
) -> AppResult<Json<HackDetail>> {
    hacks::try_it(&app, &user, id).await?;
    Ok(Json(detail(&app, &viewer, &user, id).await?))
}

/// Shares your current result for a hack you try, anonymously (replacing one shared before).
/// 422 while there is no result yet.
#[utoipa::path(put, path = "/api/v1/hacks/{id}/result", tag = "hacks", operation_id = "share_hack_result", params(("id" = i64, Path)),
    responses((status = 200, body = HackDetail), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn share(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
) -> AppResult<Json<HackDetail>> {
    hacks::share(&app, &viewer.tr, &user, id).await?;
    Ok(Json(detail(&app, &viewer, &user, id).await?))
}

/// Withdraws your shared result from every aggregate. 204 whether or not one was shared.
#[utoipa::path(delete, path = "/api/v1/hacks/{id}/result", tag = "hacks", operation_id = "withdraw_hack_result", params(("id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn withdraw(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<ThreadId>,
) -> AppResult<StatusCode> {
    hacks::withdraw(&app, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct TagsBody {
    /// Your pains, which order the list by fit. Seen only by you.
    #[schema(schema_with = schema::some_of::<Tag>)]
    tags: Vec<String>,
}

/// The tags that order the hacks list for you.
#[utoipa::path(get, path = "/api/v1/me/hack-tags", tag = "hacks", operation_id = "get_hack_tags",
    responses((status = 200, body = TagsBody), (status = 401, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn tags(State(app): State<AppState>, Member { user, .. }: Member) -> AppResult<Json<TagsBody>> {
    let tags = app.store.member_tags(user.id).await?;
    Ok(Json(TagsBody { tags: tags.iter().map(|t| t.as_str().to_owned()).collect() }))
}

/// Replaces the tags that order the hacks list for you.
#[utoipa::path(put, path = "/api/v1/me/hack-tags", tag = "hacks", operation_id = "set_hack_tags", request_body = TagsBody,
    responses((status = 200, body = TagsBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("token" = []), ("session" = [])))]
pub async fn set_tags(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Json(body): Json<TagsBody>,
) -> AppResult<Json<TagsBody>> {
    let tags = Tag::parse_all(body.tags.iter().map(String::as_str))?;
    app.store.set_member_tags(user.id, &tags).await?;
    Ok(Json(TagsBody { tags: tags.iter().map(|t| t.as_str().to_owned()).collect() }))
}
