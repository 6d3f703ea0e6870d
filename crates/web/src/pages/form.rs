//! Accessible form pieces: every input has a label, hints and errors are tied to it with
//! `aria-describedby`, and a failed submit shows an error summary that links to each field
//! (the pattern of the GOV.UK design system, which was tested with disabled users).

use crate::error::AppError;
use crate::i18n::Tr;
use maud::{html, Markup};

/// What a form needs to show its errors.
pub struct Errors<'a> {
    pub tr: &'a Tr,
    pub error: Option<&'a AppError>,
}

impl Errors<'_> {
    pub fn message_for(&self, field: &str) -> Option<String> {
        let e = self.error?;
        e.fields().into_iter().find(|(f, _)| *f == field).map(|(_, code)| self.tr.error(code))
    }

    /// The summary at the top of a form that failed. Focus goes to it (via `autofocus` on a
    /// focusable container is not allowed, so it is a `role=alert` region read out at once).
    pub fn summary(&self) -> Markup {
        let Some(e) = self.error else { return html! {} };
        html! {
            div class="error-summary" role="alert" aria-labelledby="error-summary-title" {
                h2 id="error-summary-title" { (self.tr.t("form-error-summary")) }
                ul {
                    @let fields = e.fields();
                    @if fields.is_empty() {
                        li { (self.tr.error(e.code())) }
                    }
                    @for (field, code) in fields {
                        li { a href={ "#" (field) } { (self.tr.error(code)) } }
                    }
                }
            }
        }
    }
}

pub struct Field<'a> {
    pub name: &'static str,
    pub label: String,
    pub kind: &'static str,
    pub value: &'a str,
    pub hint: Option<String>,
    pub autocomplete: &'static str,
    pub required: bool,
}

impl Field<'_> {
    pub fn render(&self, errors: &Errors) -> Markup {
        let error = errors.message_for(self.name);
        let hint_id = format!("{}-hint", self.name);
        let error_id = format!("{}-error", self.name);
        let described: Vec<&str> =
            [self.hint.as_ref().map(|_| hint_id.as_str()), error.as_ref().map(|_| error_id.as_str())]
                .into_iter()
                .flatten()
                .collect();
        html! {
            div class={ "field" @if error.is_some() { " field-error" } } {
                label for=(self.name) { (self.label) }
                @if let Some(hint) = &self.hint {
                    p class="hint" id=(hint_id) { (hint) }
                }
                @if let Some(message) = &error {
                    p class="error-message" id=(error_id) { (message) }
                }
                input id=(self.name) name=(self.name) type=(self.kind)
                    value=(self.value) autocomplete=(self.autocomplete)
                    required[self.required]
                    aria-invalid=[error.as_ref().map(|_| "true")]
                    aria-describedby=[(!described.is_empty()).then(|| described.join(" "))];
            }
        }
    }
}

pub fn csrf(token: &str) -> Markup {
    html! { input type="hidden" name="csrf" value=(token); }
}

/// Every value of `key` in a form read as pairs (checkboxes repeat their name).
pub fn values<'a>(pairs: &'a [(String, String)], key: &str) -> Vec<&'a str> {
    pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.as_str()).collect()
}

/// The first value of `key` in a form read as pairs; empty when missing.
pub fn value<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
}
