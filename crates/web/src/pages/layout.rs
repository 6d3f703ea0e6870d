//! The frame around every page: skip link, landmarks, navigation, and the "Need help now?"
//! link that is on every page, logged in or not, including error pages.

use crate::assets;
use crate::auth::Viewer;
use crate::i18n::Tr;
use maud::{html, Markup, DOCTYPE};

fn head(tr: &Tr, title: &str) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (title) " · Foothold" }
            link rel="stylesheet" href=(assets::css_url());
            link rel="icon" href=(assets::icon_url()) type="image/svg+xml";
            link rel="manifest" href=(assets::manifest_url());
            meta name="theme-color" content="#1d5c4d";
            meta name="color-scheme" content="light dark";
            meta name="description" content=(tr.t("meta-description"));
        }
    }
}

fn help_link(tr: &Tr) -> Markup {
    html! { a class="help-now" href="/help" { (tr.t("nav-help-now")) } }
}

fn footer(tr: &Tr) -> Markup {
    html! {
        footer class="site-footer" {
            p { (tr.t("footer-not-medical")) }
            p { (help_link(tr)) " · " a href="/privacy" { (tr.t("privacy-title")) } }
        }
    }
}

/// The frame shared by every page; `nav` is absent on error pages.
fn frame(tr: &Tr, title: &str, nav: Option<Markup>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(tr.lang()) {
            (head(tr, title))
            body {
                a class="skip-link" href="#main" { (tr.t("skip-to-content")) }
                header class="site-header" {
                    a class="brand" href="/" { "Foothold" }
                    @if let Some(nav) = nav { (nav) }
                    (help_link(tr))
                }
                main id="main" tabindex="-1" { (body) }
                (footer(tr))
            }
        }
    }
}

/// A full page for a visitor or member.
pub fn page(viewer: &Viewer, title: &str, body: Markup) -> Markup {
    let tr = &viewer.tr;
    let nav = html! {
        nav aria-label=(tr.t("nav-label")) {
            ul {
                @if let Some(user) = viewer.user() {
                    li { a href="/checkin" { (tr.t("nav-checkin")) } }
                    li { a href="/history" { (tr.t("nav-history")) } }
                    li { a href="/insights" { (tr.t("nav-insights")) } }
                    li { a href="/experiments" { (tr.t("nav-experiments")) } }
                    li { a href="/goals" { (tr.t("nav-goals")) } }
                    li { a href="/thoughts" { (tr.t("nav-thoughts")) } }
                    li { a href="/groups" { (tr.t("nav-groups")) } }
                    li { a href="/hacks" { (tr.t("nav-hacks")) } }
                    li {
                        a href="/notifications" {
                            @if user.unread > 0 { (tr.ta("nav-notifications-unread", &[("count", &user.unread.to_string())])) }
                            @else { (tr.t("nav-notifications")) }
                        }
                    }
                    li { a href="/questionnaires" { (tr.t("nav-questionnaires")) } }
                    li { a href="/skills" { (tr.t("nav-skills")) } }
                    li { a href="/learn" { (tr.t("nav-learn")) } }
                    li { a href="/account" { (tr.t("nav-account")) } }
                    li {
                        form method="post" action="/logout" class="inline" {
                            input type="hidden" name="csrf" value=(viewer.csrf);
                            button type="submit" class="link" {
                                (tr.ta("nav-logout", &[("handle", &user.handle)]))
                            }
                        }
                    }
                } @else {
                    li { a href="/questionnaires" { (tr.t("nav-questionnaires")) } }
                    li { a href="/skills" { (tr.t("nav-skills")) } }
                    li { a href="/learn" { (tr.t("nav-learn")) } }
                    li { a href="/login" { (tr.t("nav-login")) } }
                    li { a href="/register" { (tr.t("nav-register")) } }
                }
            }
        }
    };
    frame(tr, title, Some(nav), body)
}

/// A page with no knowledge of the viewer (error pages, which may be rendered before or
/// without identifying anyone).
pub fn bare(tr: &Tr, title: &str, body: Markup) -> Markup {
    frame(tr, title, None, body)
}
