//! How the support service's answer (`foothold_services::support`) is shown: the panel on a
//! page and the `support` field of a JSON answer, with the crisis resources the operator
//! configured for the member's language.

pub use foothold_services::support::Support;

use crate::config::{CrisisLine, WebConfig};
use crate::i18n::Tr;
use foothold_readers::crisis::Level;
use maud::{html, Markup};
use serde::Serialize;
use utoipa::ToSchema;

/// The support a JSON answer carries when what was written asks for it.
#[derive(Serialize, ToSchema)]
pub struct SupportView {
    #[schema(value_type = String, example = "crisis")]
    /// `crisis`, or `acute` when the emergency number comes first.
    pub level: &'static str,
    /// A short, warm message in the member's language.
    pub message: String,
    /// Whom to contact, most urgent first.
    pub resources: Vec<ResourceView>,
}

/// One way to get help.
#[derive(Serialize, ToSchema)]
pub struct ResourceView {
    /// `emergency`, `poison` or `line`.
    pub kind: &'static str,
    pub name: String,
    pub phone: Option<String>,
    pub text: Option<String>,
    pub url: Option<String>,
    pub hours: Option<String>,
}

impl SupportView {
    pub fn new(config: &WebConfig, tr: &Tr, level: Level, audience: Audience) -> Self {
        let res = config.crisis_resources(&tr.lang());
        let mut resources = Vec::new();
        if level == Level::Acute {
            resources.push(ResourceView {
                kind: "emergency",
                name: tr.t("acute-emergency-name"),
                phone: res.and_then(|r| r.emergency.clone()),
                text: None,
                url: None,
                hours: None,
            });
            if let Some(poison) = res.and_then(|r| r.poison.as_ref()) {
                resources.push(line_view("poison", poison));
            }
        }
        resources.extend(res.iter().flat_map(|r| r.lines.iter()).map(|l| line_view("line", l)));
        let message = match level {
            Level::Acute => format!("{} {}", tr.t(audience.lead(level)), tr.t("acute-overdose")),
            Level::Crisis => tr.t(audience.lead(level)),
        };
        Self { level: level.as_str(), message, resources }
    }
}

fn line_view(kind: &'static str, l: &CrisisLine) -> ResourceView {
    ResourceView {
        kind,
        name: l.name.clone(),
        phone: l.phone.clone(),
        text: l.text.clone(),
        url: l.url.clone(),
        hours: l.hours.clone(),
    }
}

/// Who reads what the member wrote: the panel must say so truthfully.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Diary notes, thought records, predictions: only the member.
    OnlyYou,
    /// A post in a group: its members read it and its moderators were told.
    Group,
    /// A post in a group held for its moderators to read first.
    Held,
    /// A direct message: its one reader has it; nobody else was told.
    Message,
    /// An answer to a questionnaire (PHQ-9 item 9): nothing was written, only chosen.
    Answer,
}

impl Audience {
    /// The panel's opening message for `level`.
    fn lead(self, level: Level) -> &'static str {
        match (self, level) {
            (Audience::OnlyYou, Level::Crisis) => "support-lead",
            (Audience::Group, Level::Crisis) => "support-lead-group",
            (Audience::Answer, Level::Crisis) => "support-lead-answer",
            (Audience::OnlyYou | Audience::Answer, Level::Acute) => "acute-lead",
            (Audience::Group, Level::Acute) => "acute-lead-group",
            (Audience::Held, Level::Crisis) => "support-lead-held",
            (Audience::Held, Level::Acute) => "acute-lead-held",
            (Audience::Message, Level::Crisis) => "support-lead-message",
            (Audience::Message, Level::Acute) => "acute-lead-message",
        }
    }
}

/// Shown privately, at once, first on the page, beside anything a member wrote that asks for
/// support. For the acute level the emergency number and the poison line come first.
pub fn panel(config: &WebConfig, tr: &Tr, level: Level, audience: Audience) -> Markup {
    let res = config.crisis_resources(&tr.lang());
    html! {
        @match level {
            Level::Acute => section class="support acute" role="alert" aria-labelledby="support-title" {
                h2 id="support-title" { (tr.t("acute-title")) }
                @match res.and_then(|r| r.emergency.as_deref()) {
                    Some(number) => p class="emergency" {
                        strong { (tr.t("acute-call")) " " a href={ "tel:" (number.replace(' ', "")) } { (number) } }
                    },
                    None => p class="emergency" { strong { (tr.t("acute-call-generic")) } },
                }
                p { (tr.t("acute-overdose")) }
                @if let Some(poison) = res.and_then(|r| r.poison.as_ref()) {
                    p {
                        (tr.t("acute-poison")) " " (poison.name)
                        @if let Some(phone) = &poison.phone {
                            " — " a href={ "tel:" (phone.replace(' ', "")) } { (phone) }
                        }
                    }
                }
                p { (tr.t(audience.lead(level))) }
                (lines(config, tr))
                p { a href="/help" { (tr.t("support-more")) } }
            },
            Level::Crisis => section class="support" aria-labelledby="support-title" {
                h2 id="support-title" { (tr.t("support-title")) }
                p { (tr.t(audience.lead(level))) }
                p class="emergency" { strong { (tr.t("help-emergency")) } }
                (lines(config, tr))
                p { a href="/help" { (tr.t("support-more")) } }
            },
        }
    }
}

/// A one-line reminder with a link, once the full panel has been seen in a flow.
pub fn reminder(tr: &Tr) -> Markup {
    html! {
        p class="support-reminder" role="note" {
            (tr.t("support-reminder")) " " a href="/help" { (tr.t("help-title")) }
        }
    }
}

/// The crisis lines the operator configured for the language, or where to find one.
pub fn lines(config: &WebConfig, tr: &Tr) -> Markup {
    let res = config.crisis_resources(&tr.lang());
    let lines = res.map(|r| r.lines.as_slice()).unwrap_or_default();
    html! {
        @if lines.is_empty() {
            p { (tr.t("help-unconfigured")) }
            p { a href="https://findahelpline.com" rel="noopener noreferrer" { "findahelpline.com" } }
        } @else {
            @if let Some(intro) = res.and_then(|r| r.intro.as_ref()) { p { (intro) } }
            ul class="crisis-lines" {
                @for line in lines {
                    li {
                        h3 { (line.name) }
                        @if let Some(phone) = &line.phone {
                            p { (tr.t("help-call")) " " a href={ "tel:" (phone.replace(' ', "")) } { (phone) } }
                        }
                        @if let Some(text) = &line.text { p { (tr.t("help-text")) " " (text) } }
                        @if let Some(url) = &line.url { p { a href=(url) rel="noopener noreferrer" { (url) } } }
                        @if let Some(hours) = &line.hours { p class="hint" { (hours) } }
                    }
                }
            }
        }
    }
}
