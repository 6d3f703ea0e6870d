//! Pain hacks: the list (by fit or newest; by evidence only when chosen), a hack's page with
//! what members' own diaries showed, "I'll try it", sharing one's own result, and the form
//! to share a hack.

use super::form::{csrf, value, values, Errors, Field};
use super::groups::{body_field, preview};
use super::insights::{outcome_name, points, signed};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::hacks::{self, MyResult};
use crate::i18n::Tr;
use crate::markdown;
use crate::support;
use crate::thoughts::nonce;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::agency::{Label, Outcome};
use foothold_core::community::access::{Action, Relation};
use foothold_core::hacks::pooling::{Evidence, MIN_SHARED};
use foothold_core::hacks::{parse_hack, Cost, Effort, Needs, Tag, MINUTES_MAX, PER_PAGE};
use foothold_store::{HackOrder, HackSummary, PostId, ThreadId, Tried};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

fn needs_line(tr: &Tr, n: &Needs) -> String {
    [
        tr.t(&format!("hack-cost-{}", n.cost.as_str())),
        tr.t(&format!("hack-effort-{}", n.effort.as_str())),
        tr.ta("hack-minutes", &[("minutes", &n.minutes.to_string())]),
    ]
    .join(" · ")
}

pub(super) fn tag_name(tr: &Tr, t: Tag) -> String {
    tr.t(&format!("hack-tag-{}", t.as_str()))
}

/// Members' pooled results, pain first, or why there are none yet. `of`: `evidence` for
/// diaries, `experiments` for personal experiments (the message ids' middle part).
fn evidence(tr: &Tr, e: &Evidence, of: &str) -> Markup {
    html! {
        @if e.0.is_empty() {
            p { (tr.ta(&format!("hack-{of}-none"), &[("count", &MIN_SHARED.to_string())])) }
        }
        @for (outcome, p) in &e.0 {
            p {
                (tr.ta(&format!("hack-{of}-{}", outcome.as_str()), &[("helped", &p.helped.to_string()), ("members", &p.members.to_string())]))
                " "
                (tr.ta("hack-evidence-typical", &[("outcome", &outcome_name(tr, *outcome)), ("points", &signed(p.estimate)), ("low", &signed(p.interval[0])), ("high", &signed(p.interval[1]))]))
                @if p.tau >= 1.0 { " " (tr.t("hack-evidence-differ")) }
            }
        }
    }
}

fn card(tr: &Tr, h: &HackSummary) -> Markup {
    html! {
        li class="card" {
            h3 { a href={ "/hacks/" (h.id) } { (h.title) } }
            p class="meta" { (needs_line(tr, &h.needs)) }
            @if !h.tags.is_empty() {
                p class="meta" { (h.tags.iter().map(|t| tag_name(tr, *t)).collect::<Vec<_>>().join(", ")) }
            }
            p {
                (tr.ta("hack-tried-by", &[("count", &h.tried.to_string())]))
                @if let Some(p) = h.evidence.get(Outcome::Pain) {
                    " · " (tr.ta("hack-evidence-pain", &[("helped", &p.helped.to_string()), ("members", &p.members.to_string())]))
                }
            }
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    tag: String,
    sort: String,
    page: u32,
    done: String,
}

fn order_of(sort: &str) -> HackOrder {
    match sort {
        "newest" => HackOrder::Newest,
        "evidence" => HackOrder::Evidence,
        _ => HackOrder::Fit,
    }
}

pub async fn list(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    hacks::place(&app, viewer.user()).await?.require(Action::Read)?;
    let tag = Tag::parse(&q.tag);
    let order = order_of(&q.sort);
    let (page, mine, tried) = tokio::join!(
        app.store.hacks(Some(user.id), tag, order, q.page),
        app.store.member_tags(user.id),
        app.store.tried(user.id)
    );
    let (mut page, mine, tried) = (page?, mine?, tried?);
    let more = page.len() > PER_PAGE as usize;
    page.truncate(PER_PAGE as usize);
    let tr = &viewer.tr;
    let title = tr.t("hacks-title");
    let sort_value = match order {
        HackOrder::Fit => "fit",
        HackOrder::Newest => "newest",
        HackOrder::Evidence => "evidence",
    };
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("hacks-lead")) }
        @if q.done == "tags" { p class="notice" role="status" { (tr.t("hacks-done-tags")) } }
        p { a class="button" href="/hacks/new" { (tr.t("hack-share")) } }
        @if !tried.is_empty() {
            section aria-labelledby="trying" {
                h2 id="trying" { (tr.t("hacks-trying")) }
                ul { @for t in &tried { li { a href={ "/hacks/" (t.hack) "#mine" } { (t.title) } " · " (tr.ta("hack-mine-since-short", &[("day", &t.tried_on.to_string())])) } } }
            }
        }
        form method="get" action="/hacks" class="filters" {
            div class="field" {
                label for="tag" { (tr.t("hacks-filter-tag")) }
                select id="tag" name="tag" {
                    option value="" { (tr.t("hacks-filter-all")) }
                    @for t in Tag::ALL { option value=(t.as_str()) selected[tag == Some(*t)] { (tag_name(tr, *t)) } }
                }
            }
            div class="field" {
                label for="sort" { (tr.t("hacks-sort")) }
                select id="sort" name="sort" {
                    @for s in ["fit", "newest", "evidence"] {
                        option value=(s) selected[s == sort_value] { (tr.t(&format!("hacks-sort-{s}"))) }
                    }
                }
            }
            button type="submit" class="secondary" { (tr.t("hacks-filter-show")) }
        }
        details class="my-tags" {
            summary { (tr.t("hacks-my-tags")) }
            form method="post" action="/hacks/tags" {
                (csrf(&viewer.csrf))
                p class="hint" { (tr.t("hacks-my-tags-hint")) }
                (tag_choices(tr, &mine, "tag"))
                button type="submit" class="secondary" { (tr.t("hacks-my-tags-save")) }
            }
        }
        section aria-labelledby="list" {
            h2 id="list" class="visually-hidden" { (title) }
            @if page.is_empty() { p { (tr.t("hacks-none")) } }
            ul class="cards" { @for h in &page { (card(tr, h)) } }
            @if more {
                p { a href={ "/hacks?tag=" (q.tag) "&sort=" (sort_value) "&page=" (q.page + 1) } { (tr.t("hacks-more")) } }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

/// Checkboxes for every tag, conditions and body areas apart.
pub(super) fn tag_choices(tr: &Tr, checked: &[Tag], name: &str) -> Markup {
    html! {
        @for (legend, conditions) in [("hack-tags-conditions", true), ("hack-tags-areas", false)] {
            fieldset class="field tag-choices" {
                legend { (tr.t(legend)) }
                @for t in Tag::ALL.iter().filter(|t| t.is_condition() == conditions) {
                    label class="choice" { input type="checkbox" name=(name) value=(t.as_str()) checked[checked.contains(t)]; " " (tag_name(tr, *t)) }
                }
            }
        }
    }
}

pub async fn set_tags(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let tags = Tag::parse_all(values(&pairs, "tag"))?;
    app.store.set_member_tags(user.id, &tags).await?;
    Ok(see_other("/hacks?done=tags"))
}

fn form_page(
    viewer: &Viewer,
    joined: bool,
    rules: &str,
    pairs: &[(String, String)],
    error: Option<&AppError>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("hack-share");
    let get = |k: &str| value(pairs, k);
    let nonce = match get("nonce") {
        "" => nonce()?,
        given => given.to_owned(),
    };
    let tags: Vec<Tag> = values(pairs, "tags").into_iter().filter_map(Tag::parse).collect();
    let radios = |name: &'static str, options: Vec<(&'static str, String)>| {
        let message = errors.message_for(name);
        html! {
            fieldset id=(name) class={ "field" @if message.is_some() { " field-error" } } {
                legend { (tr.t(&format!("hack-field-{name}"))) }
                @if let Some(m) = &message { p class="error-message" { (m) } }
                @for (v, label) in options {
                    label class="choice" { input type="radio" name=(name) value=(v) checked[get(name) == v]; " " (label) }
                }
            }
        }
    };
    let body = html! {
        p { a href="/hacks" { "← " (tr.t("hacks-title")) } }
        h1 { (title) }
        p class="lead" { (tr.t("hack-share-lead")) }
        (errors.summary())
        @if get("action") == "preview" && error.is_none() { (preview(tr, get("body"))) }
        form method="post" action="/hacks" novalidate {
            (csrf(&viewer.csrf))
            input type="hidden" name="nonce" value=(nonce);
            (Field { name: "title", label: tr.t("hack-field-title"), kind: "text", value: get("title"), hint: Some(tr.t("hack-field-title-hint")), autocomplete: "off", required: true }.render(&errors))
            (body_field(tr, &errors, get("body")))
            (radios("cost", Cost::ALL.iter().map(|c| (c.as_str(), tr.t(&format!("hack-cost-{}", c.as_str())))).collect()))
            (radios("effort", Effort::ALL.iter().map(|e| (e.as_str(), tr.t(&format!("hack-effort-{}", e.as_str())))).collect()))
            (Field { name: "minutes", label: tr.t("hack-field-minutes"), kind: "number", value: get("minutes"), hint: Some(tr.ta("hack-field-minutes-hint", &[("max", &MINUTES_MAX.to_string())])), autocomplete: "off", required: true }.render(&errors))
            (tag_choices(tr, &tags, "tags"))
            @if !joined {
                section aria-labelledby="rules" {
                    h2 id="rules" { (tr.t("group-rules")) }
                    p { (rules) }
                    @let message = errors.message_for("accept_rules");
                    @if let Some(m) = &message { p class="error-message" id="accept_rules" { (m) } }
                    label class="choice" { input type="checkbox" name="accept_rules" value="yes" checked[get("accept_rules") == "yes"]; " " (tr.t("group-accept-rules")) }
                }
            }
            div class="actions" {
                button type="submit" name="action" value="post" { (tr.t("hack-share-send")) }
                " "
                button type="submit" name="action" value="preview" class="secondary" { (tr.t("post-preview")) }
            }
        }
    };
    Ok(html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body)))
}

pub async fn new_form(State(app): State<AppState>, Member { viewer, .. }: Member) -> AppResult<Response> {
    let place = hacks::place(&app, viewer.user()).await?;
    place.require(Action::Read)?;
    form_page(&viewer, place.relation != Relation::Outsider, &place.group.rules, &[], None)
}

pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let place = hacks::place(&app, viewer.user()).await?;
    let get = |k: &str| value(&pairs, k);
    let joined = place.relation != Relation::Outsider;
    let parsed = parse_hack(
        get("title"),
        get("body"),
        get("cost"),
        get("effort"),
        get("minutes"),
        &values(&pairs, "tags"),
    );
    let new = match parsed {
        Ok(new) => new,
        Err(e) => return form_page(&viewer, joined, &place.group.rules, &pairs, Some(&e.into())),
    };
    if get("action") == "preview" {
        return form_page(&viewer, joined, &place.group.rules, &pairs, None);
    }
    match hacks::create(&app, &user, get("nonce"), &new, get("accept_rules") == "yes")
        .await
        .map_err(AppError::from)
    {
        Ok(w) => Ok(super::safety::after_posting(&w, &format!("/hacks/{}?posted=1", w.posted.thread))),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            form_page(&viewer, joined, &place.group.rules, &pairs, Some(&e))
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct HackQuery {
    /// Set after the viewer shared this hack: their text is read again for the support panel.
    posted: Option<u8>,
    done: String,
}

/// The member's own try: "I'll try it", or how far along they are and their result.
fn my_section(
    tr: &Tr,
    viewer: &Viewer,
    hack: &HackSummary,
    tried: Option<&Tried>,
    mine: Option<&MyResult>,
    done: &str,
) -> Markup {
    let action = format!("/hacks/{}/result", hack.id);
    let button = |value: &str, label: String, class: &str| {
        html! {
            form method="post" action=(action) class="inline" {
                (csrf(&viewer.csrf))
                input type="hidden" name="action" value=(value);
                button type="submit" class=(class) { (label) }
            }
        }
    };
    let ready = matches!(mine, Some(MyResult::Ready { .. }));
    html! {
        section id="mine" aria-labelledby="mine-title" {
            h2 id="mine-title" { (tr.t("hack-mine")) }
            @if tr.has(&format!("hack-done-{done}")) { p class="notice" role="status" { (tr.t(&format!("hack-done-{done}"))) } }
            @match (tried, mine) {
                (Some(tried), Some(mine)) => {
                    p { (tr.ta("hack-mine-since", &[("day", &tried.tried_on.to_string()), ("title", &hack.title)])) }
                    @match mine {
                        MyResult::TooSoon { days_left } => p { (tr.ta("hack-mine-too-soon", &[("days", &days_left.to_string())])) },
                        MyResult::NotInDiary => p { (tr.t("hack-mine-not-in-diary")) },
                        MyResult::NotEnoughData => p { (tr.t("hack-mine-not-enough")) },
                        MyResult::Ready { effects, experiment } => {
                            ul {
                                @for e in effects {
                                    li { (tr.ta(&format!("hack-mine-{}", label_key(e.label)), &[("outcome", &outcome_name(tr, e.outcome)), ("points", &points(e.estimate))])) }
                                }
                                @if let Some((outcome, r)) = experiment {
                                    li { (tr.ta(if r.helps { "hack-mine-experiment-helps" } else { "hack-mine-experiment-unclear" }, &[("outcome", &outcome_name(tr, *outcome)), ("points", &points(r.estimate))])) }
                                }
                            }
                            p class="hint" { (tr.t("hack-mine-share-hint")) }
                        }
                    }
                    @if tried.shared {
                        p { (tr.t("hack-mine-shared")) }
                        (button("withdraw", tr.t("hack-mine-withdraw"), "secondary"))
                        @if ready { " " (button("share", tr.t("hack-mine-update"), "secondary")) }
                    } @else if ready {
                        (button("share", tr.t("hack-mine-share"), ""))
                    }
                    p { a href="/experiments/new" { (tr.t("hack-mine-experiment")) } }
                },
                _ => {
                    p { (tr.ta("hack-try-hint", &[("title", &hack.title)])) }
                    form method="post" action={ "/hacks/" (hack.id) "/try" } {
                        (csrf(&viewer.csrf))
                        button type="submit" { (tr.t("hack-try")) }
                    }
                },
            }
        }
    }
}

fn label_key(l: Label) -> &'static str {
    match l {
        Label::LikelyHelps => "helps",
        Label::LikelyWorse => "worse",
        Label::NoClearDifference | Label::NotEnoughData => "unclear",
    }
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
    Query(q): Query<HackQuery>,
) -> AppResult<Response> {
    let (hack, place, tried) = hacks::open(&app, viewer.user(), id).await?;
    let opening = app.store.posts(hack.id, user.id, PostId(0), 1, place.may(Action::Moderate)).await?;
    let opening = opening.first();
    let mine = match &tried {
        Some(t) => Some(hacks::my_result(&app, &user, &viewer.tr, t).await?),
        None => None,
    };
    // The level is never stored: the author's own hack is read again after they shared it.
    let support = match (q.posted, opening) {
        (Some(_), Some(post)) if post.author_id == user.id => app
            .support
            .read(&[&hack.title, &post.body])
            .await
            .map(|l| support::panel(&app.config, &viewer.tr, l, support::Audience::Group)),
        _ => None,
    };
    let tr = &viewer.tr;
    let body = html! {
        @if let Some(panel) = &support { (panel) }
        p { a href="/hacks" { "← " (tr.t("hacks-title")) } }
        h1 { (hack.title) }
        p class="meta" {
            (hack.author.clone().unwrap_or_else(|| tr.t("former-member"))) " · "
            time datetime=(hack.created_at.to_rfc3339()) { (hack.created_at.format("%Y-%m-%d")) }
        }
        p class="meta" { (needs_line(tr, &hack.needs)) }
        @if !hack.tags.is_empty() {
            p class="meta" { (tr.t("hack-for")) " " (hack.tags.iter().map(|t| tag_name(tr, *t)).collect::<Vec<_>>().join(", ")) }
        }
        @if let Some(post) = opening {
            div class="post-body" {
                (PreEscaped(app.rendered.get(markdown::Source::Post, post.id.0, post.edited_at.map_or(0, |t| t.timestamp()), &post.body).as_str()))
            }
            p class="meta" { a href={ "/posts/" (post.id) "/report" } { (tr.t("post-report")) } }
        }
        p class="notice" { (tr.t("hack-not-advice")) }
        section aria-labelledby="evidence-title" {
            h2 id="evidence-title" { (tr.t("hack-evidence-title")) }
            p { (tr.ta("hack-tried-by", &[("count", &hack.tried.to_string())])) }
            (evidence(tr, &hack.evidence, "evidence"))
            p class="hint" { (tr.t("hack-evidence-caveat")) }
            h3 { (tr.t("hack-experiments-title")) }
            (evidence(tr, &hack.experiments, "experiments"))
        }
        (my_section(tr, &viewer, &hack, tried.as_ref(), mine.as_ref(), &q.done))
        section aria-labelledby="discussion" {
            h2 id="discussion" { (tr.t("hack-discussion")) }
            p { a href={ "/threads/" (hack.id) } { (tr.ta("hack-discussion-link", &[("count", &hack.replies.to_string())])) } }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &hack.title, body)))
}

pub async fn try_it(
    State(app): State<AppState>,
    Member { user, .. }: Member,
    Path(id): Path<ThreadId>,
) -> AppResult<Response> {
    hacks::try_it(&app, &user, id).await?;
    Ok(see_other(&format!("/hacks/{id}?done=trying#mine")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResultForm {
    action: String,
}

/// Share, withdraw, or answer the home page's one question about sharing ("look" or "no").
pub async fn result(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(id): Path<ThreadId>,
    Form(f): Form<ResultForm>,
) -> AppResult<Response> {
    let done = match f.action.as_str() {
        "share" => {
            hacks::share(&app, &viewer.tr, &user, id).await?;
            "shared"
        }
        "withdraw" => {
            hacks::withdraw(&app, &user, id).await?;
            "withdrawn"
        }
        "look" | "no" => {
            app.store.decline_hack_share(id, user.id).await?;
            if f.action == "no" {
                return Ok(see_other("/"));
            }
            ""
        }
        _ => return Err(AppError::BadRequest),
    };
    Ok(see_other(&format!("/hacks/{id}?done={done}#mine")))
}

/// The home page's one question per hack tried for three weeks: would they share?
pub fn ask_to_share(tr: &Tr, viewer: &Viewer, asks: &[(ThreadId, String)]) -> Markup {
    html! {
        @for (id, title) in asks {
            div class="notice" {
                p { (tr.ta("hack-ask", &[("title", title)])) }
                form method="post" action={ "/hacks/" (id) "/result" } class="inline" {
                    (csrf(&viewer.csrf))
                    button type="submit" name="action" value="look" { (tr.t("hack-ask-look")) }
                    " "
                    button type="submit" name="action" value="no" class="secondary" { (tr.t("hack-ask-no")) }
                }
            }
        }
    }
}
