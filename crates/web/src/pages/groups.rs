//! The group directory, starting a group, a group's front page with its threads, joining and
//! leaving, and starting a thread (with a preview that needs no JavaScript).

use super::form::{csrf, value, values, Errors, Field};
use super::hacks::{tag_choices, tag_name};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::community::{self, Draft, Place};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::markdown::{self, Source};
use crate::thoughts::nonce;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use chrono::DateTime;
use foothold_core::community::access::Action;
use foothold_core::community::{
    parse_group, parse_thread, GroupKind, Standing, Visibility, GROUP_TAGS_MAX, THREADS_PER_PAGE,
};
use foothold_core::hacks::Tag;
use foothold_core::Invalid;
use foothold_store::{Followed, Group, Membership, ThreadCursor, ThreadId, ThreadSummary};
use maud::{html, Markup, PreEscaped};
use serde::Deserialize;

pub fn kind_label(tr: &Tr, kind: GroupKind) -> String {
    tr.t(&format!("group-kind-{}", kind.as_str()))
}

fn visibility_label(tr: &Tr, v: Visibility) -> String {
    tr.t(&format!("group-visibility-{}", v.as_str()))
}

/// A group's topics as words, in the vocabulary's order.
fn topics(tr: &Tr, tags: &[Tag]) -> String {
    tags.iter().map(|t| tag_name(tr, *t)).collect::<Vec<_>>().join(", ")
}

fn group_card(tr: &Tr, g: &Group, m: Option<Membership>) -> Markup {
    html! {
        li class="card" {
            h3 { a href={ "/groups/" (g.slug) } { (g.name) } }
            p class="meta" {
                (kind_label(tr, g.kind)) " · " (visibility_label(tr, g.visibility)) " · "
                (tr.ta("group-members", &[("count", &g.members.to_string())]))
                @if let Some(m) = m { @if m.standing == Standing::Pending { " · " (tr.t("group-pending")) } }
            }
            @if !g.tags.is_empty() { p class="meta" { (tr.t("group-about-topics")) " " (topics(tr, &g.tags)) } }
            @if !g.about.is_empty() { p { (g.about.chars().take(200).collect::<String>()) } }
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DirectoryQuery {
    /// Only the groups about this topic.
    about: String,
}

/// "Show groups about …": every topic, conditions and body areas apart.
fn topic_filter(tr: &Tr, chosen: Option<Tag>) -> Markup {
    html! {
        form method="get" action="/groups" class="topic-filter" {
            label for="about" { (tr.t("groups-filter")) }
            select id="about" name="about" {
                option value="" { (tr.t("groups-filter-all")) }
                @for (legend, conditions) in [("hack-tags-conditions", true), ("hack-tags-areas", false)] {
                    optgroup label=(tr.t(legend)) {
                        @for t in Tag::ALL.iter().filter(|t| t.is_condition() == conditions) {
                            option value=(t.as_str()) selected[chosen == Some(*t)] { (tag_name(tr, *t)) }
                        }
                    }
                }
            }
            " " button type="submit" class="secondary" { (tr.t("groups-filter-show")) }
        }
    }
}

pub async fn directory(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Query(q): Query<DirectoryQuery>,
) -> AppResult<Response> {
    let about = match q.about.as_str() {
        "" => None,
        name => Some(Tag::parse(name).ok_or_else(|| Invalid::one("about", "choose-one"))?),
    };
    let (all, own) = tokio::try_join!(community::directory(&app, &user, about), async {
        Ok(app.store.member_tags(user.id).await?)
    })?;
    let tr = &viewer.tr;
    let (mine, others): (Vec<_>, Vec<_>) =
        all.iter().partition(|(_, m)| m.is_some_and(|m| m.standing == Standing::Active));
    // Without a filter, the groups about the member's own pains (chosen on the hacks page)
    // come before the rest.
    let (near, others): (Vec<_>, Vec<_>) =
        others.into_iter().partition(|(g, _)| about.is_none() && g.tags.iter().any(|t| own.contains(t)));
    let title = tr.t("groups-title");
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("groups-lead")) }
        form method="get" action="/search" role="search" class="search-box" {
            label for="q" { (tr.t("search-label")) }
            input id="q" name="q" type="search" maxlength="200";
            button type="submit" class="secondary" { (tr.t("search-button")) }
        }
        p {
            a class="button" href="/groups/new" { (tr.t("group-start")) }
            " " a href="/messages" { (tr.t("groups-messages")) }
        }
        (topic_filter(tr, about))
        @if let Some(t) = about {
            p role="status" {
                (tr.ta("groups-about", &[("topic", &tag_name(tr, t)), ("count", &all.len().to_string())]))
                " " a href="/groups" { (tr.t("groups-filter-clear")) }
            }
        }
        @if !mine.is_empty() {
            section aria-labelledby="mine" {
                h2 id="mine" { (tr.t("groups-mine")) }
                ul class="cards" { @for (g, m) in &mine { (group_card(tr, g, *m)) } }
            }
        }
        @if !near.is_empty() {
            section aria-labelledby="near" {
                h2 id="near" { (tr.t("groups-near")) }
                ul class="cards" { @for (g, m) in &near { (group_card(tr, g, *m)) } }
            }
        }
        @for kind in GroupKind::ALL {
            @let of_kind: Vec<_> = others.iter().filter(|(g, _)| g.kind == *kind).collect();
            @if !of_kind.is_empty() {
                section aria-labelledby={ "kind-" (kind.as_str()) } {
                    h2 id={ "kind-" (kind.as_str()) } { (tr.t(&format!("groups-kind-{}", kind.as_str()))) }
                    ul class="cards" { @for (g, m) in of_kind { (group_card(tr, g, *m)) } }
                }
            }
        }
        @if all.is_empty() { p { (tr.t(if about.is_some() { "groups-none-about" } else { "groups-none" })) } }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

#[derive(Default)]
pub struct GroupForm {
    name: String,
    kind: String,
    visibility: String,
    about: String,
    rules: String,
    tags: Vec<String>,
}

impl GroupForm {
    fn from_pairs(pairs: &[(String, String)]) -> GroupForm {
        GroupForm {
            name: value(pairs, "name").to_owned(),
            kind: value(pairs, "kind").to_owned(),
            visibility: value(pairs, "visibility").to_owned(),
            about: value(pairs, "about").to_owned(),
            rules: value(pairs, "rules").to_owned(),
            tags: values(pairs, "tags").into_iter().map(str::to_owned).collect(),
        }
    }
}

fn choice(tr: &Tr, errors: &Errors, name: &'static str, options: &[(&str, String)], chosen: &str) -> Markup {
    let error = errors.message_for(name);
    html! {
        fieldset id=(name) class={ "field" @if error.is_some() { " field-error" } } {
            legend { (tr.t(&format!("group-field-{name}"))) }
            @if let Some(m) = &error { p class="error-message" { (m) } }
            @for (value, label) in options {
                label class="choice" {
                    input type="radio" name=(name) value=(value) checked[chosen == *value];
                    " " (label)
                }
            }
        }
    }
}

pub(super) fn textarea(
    tr: &Tr,
    errors: &Errors,
    name: &'static str,
    label: &str,
    value: &str,
    rows: u8,
) -> Markup {
    let error = errors.message_for(name);
    let hint = format!("{name}-hint-text");
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (label) }
            @if tr.has(&hint) { p class="hint" id={ (name) "-hint" } { (tr.t(&hint)) } }
            @if let Some(m) = &error { p class="error-message" { (m) } }
            textarea id=(name) name=(name) rows=(rows) aria-invalid=[error.as_ref().map(|_| "true")]
                aria-describedby=[tr.has(&hint).then(|| format!("{name}-hint"))] { (value) }
        }
    }
}

fn group_form_page(viewer: &Viewer, typed: &GroupForm, error: Option<&AppError>) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("group-start");
    let kinds: Vec<(&str, String)> =
        GroupKind::ALL.iter().map(|k| (k.as_str(), kind_label(tr, *k))).collect();
    let visibilities: Vec<(&str, String)> = Visibility::ALL
        .iter()
        .map(|v| {
            (
                v.as_str(),
                format!(
                    "{} — {}",
                    visibility_label(tr, *v),
                    tr.t(&format!("group-visibility-{}-hint", v.as_str()))
                ),
            )
        })
        .collect();
    let body = html! {
        p { a href="/groups" { "← " (tr.t("groups-title")) } }
        h1 { (title) }
        (errors.summary())
        form method="post" action="/groups" novalidate {
            (csrf(&viewer.csrf))
            (Field { name: "name", label: tr.t("group-field-name"), kind: "text", value: &typed.name, hint: None, autocomplete: "off", required: true }.render(&errors))
            (choice(tr, &errors, "kind", &kinds, &typed.kind))
            (choice(tr, &errors, "visibility", &visibilities, &typed.visibility))
            (textarea(tr, &errors, "about", &tr.t("group-field-about"), &typed.about, 3))
            (textarea(tr, &errors, "rules", &tr.t("group-field-rules"), &typed.rules, 5))
            (topic_choices(tr, &errors, &typed.tags))
            button type="submit" { (tr.t("group-create")) }
        }
    };
    html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body))
}

pub async fn new_form(Member { viewer, .. }: Member) -> Response {
    group_form_page(&viewer, &GroupForm::default(), None)
}

/// The topics a group is about, with their error, for the group form and the topics page.
fn topic_choices(tr: &Tr, errors: &Errors, chosen: &[String]) -> Markup {
    let checked: Vec<Tag> = chosen.iter().filter_map(|n| Tag::parse(n)).collect();
    html! {
        div id="tags" class={ "field" @if errors.message_for("tags").is_some() { " field-error" } } {
            p class="hint" { (tr.ta("group-topics-hint", &[("max", &GROUP_TAGS_MAX.to_string())])) }
            @if let Some(m) = errors.message_for("tags") { p class="error-message" { (m) } }
            (tag_choices(tr, &checked, "tags"))
        }
    }
}

pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = GroupForm::from_pairs(&pairs);
    let tags: Vec<&str> = f.tags.iter().map(String::as_str).collect();
    let new = match parse_group(&f.name, &f.kind, &f.visibility, &f.about, &f.rules, &tags) {
        Ok(new) => new,
        Err(e) => return Ok(group_form_page(&viewer, &f, Some(&e.into()))),
    };
    let g = app.store.create_group(user.id, &new).await?;
    Ok(see_other(&format!("/groups/{}", g.slug)))
}

/// `?after=<unix seconds>.<id>`: where the thread list continues.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    after: String,
    done: String,
}

/// A page's cursor, `<seconds>.<thread id>` as [`cursor_text`] writes it: digits only, at most
/// 12 and 18 of them (the API document states the same pattern). Empty is the first page.
pub fn parse_cursor(s: &str) -> AppResult<Option<ThreadCursor>> {
    if s.is_empty() {
        return Ok(None);
    }
    let number = |digits: &str, most: usize| {
        let plain = (1..=most).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        plain.then(|| digits.parse::<i64>().ok()).flatten().ok_or(AppError::BadRequest)
    };
    let (secs, id) = s.split_once('.').ok_or(AppError::BadRequest)?;
    let last_post_at = DateTime::from_timestamp(number(secs, 12)?, 0).ok_or(AppError::BadRequest)?;
    Ok(Some(ThreadCursor { last_post_at, id: ThreadId(number(id, 18)?) }))
}

pub fn cursor_text(t: &ThreadSummary) -> String {
    format!("{}.{}", t.last_post_at.timestamp(), t.id)
}

fn join_form(tr: &Tr, viewer: &Viewer, place: &Place) -> Markup {
    let g = &place.group;
    html! {
        form method="post" action={ "/groups/" (g.slug) "/join" } class="join" {
            (csrf(&viewer.csrf))
            @if !g.rules.is_empty() {
                label class="choice" { input type="checkbox" name="accept_rules" value="yes" required; " " (tr.t("group-accept-rules")) }
            }
            button type="submit" {
                @if g.visibility == Visibility::Private { (tr.t("group-ask-to-join")) } @else { (tr.t("group-join")) }
            }
        }
    }
}

fn thread_row(tr: &Tr, t: &ThreadSummary) -> Markup {
    html! {
        li class="thread-row" {
            a href={ "/threads/" (t.id) } { (t.title) }
            p class="meta" {
                @match &t.author { Some(a) => (a), None => (tr.t("former-member")) } " · "
                (tr.ta("thread-posts", &[("count", &t.posts.to_string())])) " · "
                time datetime=(t.last_post_at.to_rfc3339()) { (t.last_post_at.format("%Y-%m-%d")) }
                @if t.locked { " · " (tr.t("thread-locked")) }
            }
        }
    }
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::See)?;
    let (threads, following) = if place.may(Action::Read) {
        let cursor = parse_cursor(&q.after)?;
        let threads = app.store.threads(place.group.id, user.id, cursor, THREADS_PER_PAGE).await?;
        (threads, app.store.follows(Followed::Group(place.group.id), user.id).await?)
    } else {
        (Vec::new(), false)
    };

    let tr = &viewer.tr;
    let g = &place.group;
    let body = html! {
        p { a href="/groups" { "← " (tr.t("groups-title")) } }
        h1 { (g.name) }
        p class="meta" { (kind_label(tr, g.kind)) " · " (visibility_label(tr, g.visibility)) " · " (tr.ta("group-members", &[("count", &g.members.to_string())])) }
        @if !g.tags.is_empty() || place.may(Action::ManageRoles) {
            p class="meta" {
                @if !g.tags.is_empty() { (tr.t("group-about-topics")) " " (topics(tr, &g.tags)) }
                @if place.may(Action::ManageRoles) { " " a href={ "/groups/" (g.slug) "/topics" } { (tr.t("group-topics-change")) } }
            }
        }
        @if tr.has(&format!("group-done-{}", q.done)) { p class="notice" role="status" { (tr.t(&format!("group-done-{}", q.done))) } }
        @if !g.about.is_empty() { div class="about" { (PreEscaped(app.rendered.get(Source::GroupAbout, g.id.0, 0, &g.about).as_str())) } }
        @if !g.rules.is_empty() {
            details open[place.may(Action::Join)] {
                summary { (tr.t("group-rules")) }
                (PreEscaped(app.rendered.get(Source::GroupRules, g.id.0, 0, &g.rules).as_str()))
            }
        }
        @if place.may(Action::Join) { (join_form(tr, &viewer, &place)) }
        @if place.membership.is_some_and(|m| m.standing == Standing::Pending) { p class="notice" { (tr.t("group-pending-notice")) } }
        @if place.may(Action::Read) {
            nav class="group-tools" aria-label=(tr.t("group-tools")) {
                @if place.may(Action::Post) { a class="button" href={ "/groups/" (g.slug) "/new" } { (tr.t("thread-start")) } " " }
                // An advocacy group's pinned resources have their own page, so the thread list
                // (the busiest page) makes no query for them.
                @if g.kind == GroupKind::Advocacy { a href={ "/groups/" (g.slug) "/resources" } { (tr.t("resources-title")) } " · " }
                a href={ "/groups/" (g.slug) "/sessions" } { (tr.t("sessions-title")) } " · "
                a href={ "/groups/" (g.slug) "/log" } { (tr.t("modlog-title")) }
                @if place.may(Action::Moderate) { " · " a href={ "/groups/" (g.slug) "/moderation" } { (tr.t("modqueue-title")) } }
            }
            form method="post" action={ "/groups/" (g.slug) "/follow" } class="follow" {
                (csrf(&viewer.csrf))
                input type="hidden" name="on" value=(if following { "no" } else { "yes" });
                button type="submit" class="secondary" aria-pressed=(if following { "true" } else { "false" }) {
                    (tr.t("group-follow"))
                }
                " " span class="hint" { (tr.t(if following { "group-following" } else { "group-follow-hint" })) }
            }
            section aria-labelledby="threads" {
                h2 id="threads" { (tr.t("group-threads")) }
                @if threads.is_empty() { p { (tr.t("group-no-threads")) } }
                ul class="threads" { @for t in &threads { (thread_row(tr, t)) } }
                @if threads.len() == THREADS_PER_PAGE as usize {
                    @if let Some(last) = threads.last() {
                        p { a href={ "/groups/" (g.slug) "?after=" (cursor_text(last)) } { (tr.t("group-older")) } }
                    }
                }
            }
        } @else if !place.may(Action::Join) && place.membership.is_none() {
            p { (tr.t("group-members-only")) }
        }
        @if place.may(Action::Leave) {
            form method="post" action={ "/groups/" (g.slug) "/leave" } class="inline" {
                (csrf(&viewer.csrf))
                button type="submit" class="link" { (tr.t("group-leave")) }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &g.name, body)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowForm {
    on: String,
}

/// Follows the group (hears of every new conversation in it), or stops.
pub async fn follow(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Form(f): Form<FollowForm>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Read)?;
    app.store.follow(Followed::Group(place.group.id), user.id, f.on != "no").await?;
    Ok(see_other(&format!("/groups/{}", place.group.slug)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct JoinForm {
    accept_rules: String,
}

fn topics_page(viewer: &Viewer, place: &Place, chosen: &[String], error: Option<&AppError>) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let g = &place.group;
    let title = tr.t("group-topics-title");
    let body = html! {
        p { a href={ "/groups/" (g.slug) } { "← " (g.name) } }
        h1 { (title) }
        (errors.summary())
        form method="post" action={ "/groups/" (g.slug) "/topics" } {
            (csrf(&viewer.csrf))
            (topic_choices(tr, &errors, chosen))
            button type="submit" { (tr.t("group-topics-save")) }
        }
    };
    html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body))
}

/// What the group is about: its hosts (and site staff) choose the topics.
pub async fn topics_form(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::ManageRoles)?;
    let chosen: Vec<String> = place.group.tags.iter().map(|t| t.as_str().to_owned()).collect();
    Ok(topics_page(&viewer, &place, &chosen, None))
}

pub async fn set_topics(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    let names = values(&pairs, "tags");
    match community::set_topics(&app, &place, &names).await.map_err(AppError::from) {
        Ok(_) => Ok(see_other(&format!("/groups/{}?done=topics", place.group.slug))),
        Err(e @ AppError::Invalid(_)) => {
            let chosen: Vec<String> = names.into_iter().map(str::to_owned).collect();
            Ok(topics_page(&viewer, &place, &chosen, Some(&e)))
        }
        Err(e) => Err(e),
    }
}

pub async fn join(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Form(f): Form<JoinForm>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    let standing = community::join(&app, &user, &place, f.accept_rules == "yes").await?;
    let done = if standing == Standing::Pending { "asked" } else { "joined" };
    Ok(see_other(&format!("/groups/{}?done={done}", place.group.slug)))
}

pub async fn leave(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Leave)?;
    app.store.set_membership(place.group.id, user.id, None).await?;
    Ok(see_other(&format!("/groups/{}?done=left", place.group.slug)))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ThreadForm {
    nonce: String,
    title: String,
    body: String,
    content_warning: String,
    /// `preview` shows the post as it will look and the form again.
    action: String,
}

/// The body field of a post form, with the Markdown hint and an optional preview.
pub fn body_field(tr: &Tr, errors: &Errors, value: &str) -> Markup {
    textarea(tr, errors, "body", &tr.t("post-field-body"), value, 8)
}

pub fn preview(tr: &Tr, body: &str) -> Markup {
    html! {
        section class="preview" aria-labelledby="preview-title" {
            h2 id="preview-title" { (tr.t("post-preview")) }
            div class="post-body" { (PreEscaped(markdown::render(body))) }
        }
    }
}

fn thread_form_page(
    viewer: &Viewer,
    place: &Place,
    typed: &ThreadForm,
    error: Option<&AppError>,
) -> AppResult<Response> {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let g = &place.group;
    let title = tr.t("thread-start");
    let nonce = if typed.nonce.is_empty() { nonce()? } else { typed.nonce.clone() };
    let body = html! {
        p { a href={ "/groups/" (g.slug) } { "← " (g.name) } }
        h1 { (title) }
        (errors.summary())
        @if typed.action == "preview" && error.is_none() { (preview(tr, &typed.body)) }
        form method="post" action={ "/groups/" (g.slug) "/threads" } novalidate {
            (csrf(&viewer.csrf))
            input type="hidden" name="nonce" value=(nonce);
            (Field { name: "title", label: tr.t("thread-field-title"), kind: "text", value: &typed.title, hint: None, autocomplete: "off", required: true }.render(&errors))
            (body_field(tr, &errors, &typed.body))
            label class="choice" { input type="checkbox" name="content_warning" value="yes" checked[typed.content_warning == "yes"]; " " (tr.t("post-content-warning")) }
            div class="actions" {
                button type="submit" name="action" value="post" { (tr.t("thread-post")) }
                " "
                button type="submit" name="action" value="preview" class="secondary" { (tr.t("post-preview")) }
            }
        }
    };
    Ok(html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body)))
}

pub async fn new_thread_form(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Post)?;
    thread_form_page(&viewer, &place, &ThreadForm::default(), None)
}

pub async fn create_thread(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Form(f): Form<ThreadForm>,
) -> AppResult<Response> {
    let place = community::place(&app, viewer.user(), &slug).await?;
    place.require(Action::Post)?;
    let new = match parse_thread(&f.title, &f.body) {
        Ok(new) => new,
        Err(e) => return thread_form_page(&viewer, &place, &f, Some(&e.into())),
    };
    if f.action == "preview" {
        return thread_form_page(&viewer, &place, &f, None);
    }
    match community::write(&app, &user, &place, &f.nonce, Draft::Thread(&new), f.content_warning == "yes")
        .await
        .map_err(AppError::from)
    {
        Ok(w) => Ok(super::safety::after_posting(
            &w,
            &format!("/threads/{}?posted={}#post-{}", w.posted.thread, w.posted.post, w.posted.post),
        )),
        Err(e @ (AppError::Invalid(_) | AppError::Conflict(_))) => {
            thread_form_page(&viewer, &place, &f, Some(&e))
        }
        Err(e) => Err(e),
    }
}
