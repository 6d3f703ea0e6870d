//! An advocacy group's pinned resources: their list (linked from the group's page), one
//! resource as its own page, and the forms its hosts and moderators keep them with.

use super::form::{csrf, Errors, Field};
use super::groups::{body_field, preview};
use super::{html, layout, local_time, see_other};
use crate::auth::{Member, Viewer};
use crate::community::{self, Place};
use crate::error::{AppError, AppResult};
use crate::markdown;
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::community::access::Action;
use foothold_core::community::parse_thread;
use maud::{html, PreEscaped};
use serde::Deserialize;

/// The group's resources, in their order.
pub async fn list(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Read).await?;
    let resources = app.store.group_resources(place.group.id).await?;
    let tr = &viewer.tr;
    let g = &place.group;
    let title = tr.t("resources-title");
    let body = html! {
        p { a href={ "/groups/" (g.slug) } { "← " (g.name) } }
        h1 { (title) }
        p class="lead" { (tr.ta("resources-list-lead", &[("group", &g.name)])) }
        @if resources.is_empty() { p { (tr.t("resources-none")) } }
        ul class="cards" {
            @for (n, r) in resources.iter().enumerate() {
                li class="card" {
                    a href={ "/groups/" (g.slug) "/resources/" (r.id) } { (r.title) }
                    // Keepers order the list without JavaScript: one step up at a time.
                    @if place.may(Action::Moderate) && n > 0 {
                        form method="post" action={ "/groups/" (g.slug) "/resources/" (r.id) "/up" } class="inline" {
                            (csrf(&viewer.csrf))
                            " " button type="submit" class="link" aria-label=(tr.ta("resources-up-label", &[("title", &r.title)])) { (tr.t("resources-up")) }
                        }
                    }
                }
            }
        }
        @if place.may(Action::Moderate) {
            p { a class="button" href={ "/groups/" (g.slug) "/resources/new" } { (tr.t("resources-add")) } }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &title, body)))
}

/// Moves one resource a place up the list.
pub async fn move_up(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    let mut ids: Vec<i64> = app.store.group_resources(place.group.id).await?.iter().map(|r| r.id).collect();
    let at = ids.iter().position(|r| *r == id).ok_or(AppError::NotFound)?;
    if at > 0 {
        ids.swap(at - 1, at);
        community::order_resources(&app, &place, &ids).await?;
    }
    Ok(see_other(&format!("/groups/{}/resources", place.group.slug)))
}

pub async fn show(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Read).await?;
    let r = app.store.group_resource(place.group.id, id).await?;
    let tr = &viewer.tr;
    let g = &place.group;
    let body = html! {
        p { a href={ "/groups/" (g.slug) "/resources" } { "← " (tr.t("resources-title")) } }
        h1 { (r.title) }
        p class="meta" { (tr.t("resources-updated")) " " (local_time(viewer.zone(), r.updated_at)) }
        div class="post-body" { (PreEscaped(markdown::render(&r.body))) }
        @if place.may(Action::Moderate) {
            p { a href={ "/groups/" (g.slug) "/resources/" (r.id) "/edit" } { (tr.t("resources-edit")) } }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &r.title, body)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResourceForm {
    title: String,
    body: String,
    action: String,
}

/// The form to add (`id` `None`) or change a resource.
fn form_page(
    viewer: &Viewer,
    place: &Place,
    id: Option<i64>,
    typed: &ResourceForm,
    error: Option<&AppError>,
) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let slug = &place.group.slug;
    let title = tr.t(if id.is_some() { "resources-edit" } else { "resources-add" });
    let action = match id {
        Some(id) => format!("/groups/{slug}/resources/{id}/edit"),
        None => format!("/groups/{slug}/resources"),
    };
    let body = html! {
        p { a href={ "/groups/" (slug) } { "← " (place.group.name) } }
        h1 { (title) }
        p class="lead" { (tr.t("resources-lead")) }
        (errors.summary())
        @if typed.action == "preview" && error.is_none() { (preview(tr, &typed.body)) }
        form method="post" action=(action) novalidate {
            (csrf(&viewer.csrf))
            (Field { name: "title", label: tr.t("thread-field-title"), kind: "text", value: &typed.title, hint: None, autocomplete: "off", required: true }.render(&errors))
            (body_field(tr, &errors, &typed.body))
            div class="actions" {
                button type="submit" name="action" value="save" { (tr.t("resources-save")) }
                " "
                button type="submit" name="action" value="preview" class="secondary" { (tr.t("post-preview")) }
                @if id.is_some() {
                    " " button type="submit" name="action" value="remove" class="danger" { (tr.t("resources-remove")) }
                }
            }
        }
    };
    html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body))
}

pub async fn new_form(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    Ok(form_page(&viewer, &place, None, &ResourceForm::default(), None))
}

pub async fn create(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(slug): Path<String>,
    Form(f): Form<ResourceForm>,
) -> AppResult<Response> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    let checked = parse_thread(&f.title, &f.body);
    let new = match checked {
        Ok(new) if f.action != "preview" => new,
        other => return Ok(form_page(&viewer, &place, None, &f, other.err().map(AppError::from).as_ref())),
    };
    match community::add_resource(&app, &user, &place, &new).await.map_err(AppError::from) {
        Ok(id) => Ok(see_other(&format!("/groups/{slug}/resources/{id}"))),
        Err(e @ AppError::Invalid(_)) => Ok(form_page(&viewer, &place, None, &f, Some(&e))),
        Err(e) => Err(e),
    }
}

pub async fn edit_form(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    let r = app.store.group_resource(place.group.id, id).await?;
    let typed = ResourceForm { title: r.title, body: r.body, action: String::new() };
    Ok(form_page(&viewer, &place, Some(id), &typed, None))
}

pub async fn edit(
    State(app): State<AppState>,
    Member { viewer, .. }: Member,
    Path((slug, id)): Path<(String, i64)>,
    Form(f): Form<ResourceForm>,
) -> AppResult<Response> {
    let place = community::shelf(&app, viewer.user(), &slug, Action::Moderate).await?;
    if f.action == "remove" {
        app.store.change_group_resource(place.group.id, id, None).await?;
        return Ok(see_other(&format!("/groups/{slug}/resources")));
    }
    match parse_thread(&f.title, &f.body) {
        Ok(new) if f.action != "preview" => {
            app.store.change_group_resource(place.group.id, id, Some(&new)).await?;
            Ok(see_other(&format!("/groups/{slug}/resources/{id}")))
        }
        other => Ok(form_page(&viewer, &place, Some(id), &f, other.err().map(AppError::from).as_ref())),
    }
}
