//! A member's profile page, and the member's own form for it.

use super::form::{csrf, Errors};
use super::{html, layout, see_other};
use crate::auth::{Member, Viewer};
use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::{messages, profiles, AppState};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use foothold_core::community::profile::{
    parse_profile, Audience, Looker, ProfileForm, ABOUT_MAX, LIVING_WITH_MAX,
};
use maud::{html, Markup};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    done: String,
}

/// "Seen by …" beside a field, on the member's own view of their profile.
fn seen_by(tr: &Tr, to: Audience) -> Markup {
    html! { span class="hint" { " · " (tr.t(&format!("profile-seen-{}", to.as_str()))) } }
}

pub async fn show(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Path(handle): Path<String>,
    Query(q): Query<ShowQuery>,
) -> AppResult<Response> {
    let them = messages::member(&app.store, &handle).await?;
    let s = profiles::seen(&app.store, &user, &them).await?;
    let tr = &viewer.tr;
    let mine = s.looker == Looker::Themselves;
    let p = &s.profile;
    let nothing = s.about.is_none() && s.living_with.is_none() && s.groups.is_none() && s.since.is_none();
    let body = html! {
        h1 { (them.handle) }
        @if q.done == "saved" { p class="notice" role="status" { (tr.t("profile-saved")) } }
        @if mine {
            p class="lead" { (tr.t("profile-mine-lead")) " " a href="/account/profile" { (tr.t("profile-change")) } }
        }
        @if nothing && !mine { p { (tr.ta("profile-nothing", &[("handle", &them.handle)])) } }
        dl class="profile" {
            @if let Some(since) = s.since {
                dt { (tr.t("profile-since")) @if mine { (seen_by(tr, p.since_to)) } }
                dd { (since.format("%Y-%m")) }
            }
            @if let Some(about) = &s.about {
                dt { (tr.t("profile-about")) @if mine { (seen_by(tr, p.about_to)) } }
                // Plain text as written, line breaks kept.
                dd class="message-body" { (about) }
            }
            @if let Some(living) = &s.living_with {
                dt { (tr.t("profile-living-with")) @if mine { (seen_by(tr, p.living_with_to)) } }
                dd { (living) }
            }
            @if let Some(groups) = &s.groups {
                dt { (tr.t("profile-groups")) @if mine { (seen_by(tr, p.groups_to)) } }
                dd {
                    @if groups.is_empty() { (tr.t("profile-groups-none")) }
                    @for (i, (slug, name)) in groups.iter().enumerate() {
                        @if i > 0 { ", " }
                        a href={ "/groups/" (slug) } { (name) }
                    }
                }
            }
        }
        @if !mine {
            p {
                a href={ "/messages/" (them.handle) } { (tr.ta("profile-write", &[("handle", &them.handle)])) }
                " · " a href={ "/members/" (them.handle) "/block" } { (tr.ta("message-block", &[("handle", &them.handle)])) }
            }
        }
    };
    Ok(html(StatusCode::OK, layout::page(&viewer, &them.handle, body)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EditForm {
    about: String,
    about_to: String,
    living_with: String,
    living_with_to: String,
    groups_to: String,
    since_to: String,
}

impl EditForm {
    fn fields(&self) -> ProfileForm<'_> {
        ProfileForm {
            about: &self.about,
            about_to: &self.about_to,
            living_with: &self.living_with,
            living_with_to: &self.living_with_to,
            groups_to: &self.groups_to,
            since_to: &self.since_to,
        }
    }
}

/// "Who sees this?" for one field.
fn audience_select(tr: &Tr, name: &'static str, chosen: &str) -> Markup {
    html! {
        div class="field" {
            label for=(name) { (tr.t("profile-who-sees")) }
            select id=(name) name=(name) {
                @for a in Audience::ALL {
                    option value=(a.as_str()) selected[chosen == a.as_str()] { (tr.t(&format!("profile-to-{}", a.as_str()))) }
                }
            }
        }
    }
}

fn edit_page(viewer: &Viewer, typed: &EditForm, error: Option<&AppError>) -> Response {
    let tr = &viewer.tr;
    let errors = Errors { tr, error };
    let title = tr.t("profile-edit-title");
    let text_error = |name: &str| errors.message_for(name);
    let body = html! {
        h1 { (title) }
        p class="lead" { (tr.t("profile-edit-lead")) }
        (errors.summary())
        form method="post" action="/account/profile" novalidate {
            (csrf(&viewer.csrf))
            fieldset {
                legend { (tr.t("profile-about")) }
                div class={ "field" @if text_error("about").is_some() { " field-error" } } {
                    label for="about" { (tr.t("profile-about-label")) }
                    p class="hint" id="about-hint" { (tr.ta("profile-about-hint", &[("max", &ABOUT_MAX.to_string())])) }
                    @if let Some(m) = text_error("about") { p class="error-message" { (m) } }
                    textarea id="about" name="about" rows="4" aria-describedby="about-hint" { (typed.about) }
                }
                (audience_select(tr, "about_to", &typed.about_to))
            }
            fieldset {
                legend { (tr.t("profile-living-with")) }
                div class={ "field" @if text_error("living_with").is_some() { " field-error" } } {
                    label for="living_with" { (tr.t("profile-living-with-label")) }
                    p class="hint" id="living-hint" { (tr.ta("profile-living-with-hint", &[("max", &LIVING_WITH_MAX.to_string())])) }
                    @if let Some(m) = text_error("living_with") { p class="error-message" { (m) } }
                    input id="living_with" name="living_with" type="text" value=(typed.living_with) aria-describedby="living-hint";
                }
                (audience_select(tr, "living_with_to", &typed.living_with_to))
            }
            fieldset {
                legend { (tr.t("profile-groups")) }
                (audience_select(tr, "groups_to", &typed.groups_to))
            }
            fieldset {
                legend { (tr.t("profile-since")) }
                (audience_select(tr, "since_to", &typed.since_to))
            }
            button type="submit" { (tr.t("profile-save")) }
        }
    };
    html(error.map_or(StatusCode::OK, AppError::status), layout::page(viewer, &title, body))
}

pub async fn edit_form(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
) -> AppResult<Response> {
    let p = app.store.profile(user.id).await?;
    let typed = EditForm {
        about: p.about,
        about_to: p.about_to.as_str().to_owned(),
        living_with: p.living_with,
        living_with_to: p.living_with_to.as_str().to_owned(),
        groups_to: p.groups_to.as_str().to_owned(),
        since_to: p.since_to.as_str().to_owned(),
    };
    Ok(edit_page(&viewer, &typed, None))
}

pub async fn save(
    State(app): State<AppState>,
    Member { user, viewer, .. }: Member,
    Form(f): Form<EditForm>,
) -> AppResult<Response> {
    match parse_profile(&f.fields()) {
        Ok(p) => {
            app.store.set_profile(user.id, &p).await?;
            Ok(see_other(&format!("/members/{}?done=saved", user.handle)))
        }
        Err(e) => Ok(edit_page(&viewer, &f, Some(&e.into()))),
    }
}
