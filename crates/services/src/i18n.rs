//! Interface text through Fluent. Message files live in `content/locales/<lang>/*.ftl` and
//! are embedded at build time; a message missing in one language falls back to English.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::Arc;
use unic_langid::LanguageIdentifier;

macro_rules! ftl {
    ($lang:literal, $file:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/locales/", $lang, "/", $file))
    };
}

/// Every embedded message file, by language. English first: it is the fallback.
const SOURCES: &[(&str, &[&str])] = &[(
    "en",
    &[
        ftl!("en", "shell.ftl"),
        ftl!("en", "accounts.ftl"),
        ftl!("en", "errors.ftl"),
        ftl!("en", "checkin.ftl"),
        ftl!("en", "insights.ftl"),
        ftl!("en", "experiments.ftl"),
        ftl!("en", "thoughts.ftl"),
        ftl!("en", "library.ftl"),
        ftl!("en", "community.ftl"),
        ftl!("en", "hacks.ftl"),
        ftl!("en", "sessions.ftl"),
        ftl!("en", "questionnaires.ftl"),
        ftl!("en", "sharing.ftl"),
        ftl!("en", "goals.ftl"),
        ftl!("en", "reminders.ftl"),
        ftl!("en", "welcome.ftl"),
    ],
)];

/// The tags of every language Foothold speaks, English first.
pub fn language_tags() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|(tag, _)| *tag)
}

type Bundle = FluentBundle<FluentResource>;

/// All languages, loaded once at start-up.
pub struct Catalog {
    bundles: Vec<(LanguageIdentifier, Bundle)>,
}

/// Text for one request: the negotiated language with English behind it.
#[derive(Clone)]
pub struct Tr {
    catalog: Arc<Catalog>,
    index: usize,
}

impl Catalog {
    /// Parses the embedded files. Fails only if a shipped file is broken, which the test-suite
    /// catches before release.
    pub fn load() -> Result<Arc<Self>, String> {
        let mut bundles = Vec::new();
        for (tag, files) in SOURCES {
            let lang: LanguageIdentifier = tag.parse().map_err(|e| format!("{tag}: {e}"))?;
            let mut bundle = Bundle::new_concurrent(vec![lang.clone()]);
            // Unicode isolation marks only help mixed-direction text; our languages are all
            // left-to-right and the marks would leak into form values and tests.
            bundle.set_use_isolating(false);
            for source in *files {
                let resource = FluentResource::try_new((*source).to_owned())
                    .map_err(|(_, errs)| format!("{tag}: {errs:?}"))?;
                bundle.add_resource(resource).map_err(|errs| format!("{tag}: {errs:?}"))?;
            }
            bundles.push((lang, bundle));
        }
        Ok(Arc::new(Self { bundles }))
    }

    pub fn languages(&self) -> impl Iterator<Item = &LanguageIdentifier> {
        self.bundles.iter().map(|(l, _)| l)
    }

    /// Picks the best language from a member's setting or an `Accept-Language` header.
    pub fn negotiate(self: &Arc<Self>, preferred: Option<&str>, accept_language: Option<&str>) -> Tr {
        let requested: Vec<LanguageIdentifier> = match preferred {
            Some(tag) => tag.parse().into_iter().collect(),
            None => fluent_langneg::accepted_languages::parse(accept_language.unwrap_or("")),
        };
        let available: Vec<LanguageIdentifier> = self.languages().cloned().collect();
        let default = available.first().cloned();
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            default.as_ref(),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        let index = chosen.first().and_then(|c| self.bundles.iter().position(|(l, _)| l == *c)).unwrap_or(0);
        Tr { catalog: Arc::clone(self), index }
    }

    pub fn has_language(&self, tag: &str) -> bool {
        self.bundles.iter().any(|(l, _)| *l == tag)
    }
}

impl Tr {
    /// The BCP 47 tag of the chosen language (for `<html lang>`).
    pub fn lang(&self) -> String {
        self.catalog.bundles.get(self.index).map_or_else(|| "en".into(), |(l, _)| l.to_string())
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with named arguments. Whole numbers are passed as numbers, so that plural
    /// forms ("1 member", "2 members") are chosen by the language's rules; anything else
    /// (decimals already formatted, names) stays text exactly as given.
    pub fn ta(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v.parse::<i64>() {
                Ok(n) if n.to_string() == *v => fargs.set(*k, FluentValue::from(n)),
                _ => fargs.set(*k, FluentValue::from(*v)),
            }
        }
        self.format(id, Some(&fargs))
    }

    /// The human message for an error code (`err-<code>`), or the generic one if the code
    /// has none.
    pub fn error(&self, code: &str) -> String {
        let id = format!("err-{code}");
        if self.has(&id) {
            self.t(&id)
        } else {
            self.t("err-bad-request")
        }
    }

    pub fn has(&self, id: &str) -> bool {
        self.catalog.bundles.iter().any(|(_, b)| b.has_message(id))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let chosen = self.catalog.bundles.get(self.index).into_iter();
        let fallback = self.catalog.bundles.first().into_iter();
        for (_, bundle) in chosen.chain(fallback) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text: Cow<str> = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(message = id, ?errors, "fluent formatting problem");
                }
                return text.into_owned();
            }
        }
        tracing::warn!(message = id, "missing interface text");
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn languages_are_negotiated_with_english_as_fallback() {
        let catalog = Catalog::load().unwrap();
        assert_eq!(catalog.negotiate(None, Some("de-DE,de;q=0.9,en;q=0.5")).lang(), "en");
        assert_eq!(catalog.negotiate(Some("en"), Some("ru")).lang(), "en");
        assert_eq!(catalog.negotiate(None, None).lang(), "en");
        assert_eq!(catalog.negotiate(Some("not a tag!"), None).lang(), "en");
    }

    #[test]
    fn arguments_are_filled_in() {
        let tr = Catalog::load().unwrap().negotiate(None, None);
        assert_eq!(tr.ta("home-hello", &[("handle", "Sam")]), "Hello, Sam");
        // Whole numbers choose the plural form; text that only looks numeric stays as given.
        assert_eq!(tr.ta("group-members", &[("count", "1")]), "1 member");
        assert_eq!(tr.ta("group-members", &[("count", "12")]), "12 members");
        assert_eq!(tr.ta("home-hello", &[("handle", "007")]), "Hello, 007");
        assert!(tr.ta("calendar-count", &[("count", "1")]).starts_with("1 check-in this month"));
        assert!(tr
            .ta("history-count", &[("count", "3"), ("days", "30")])
            .starts_with("3 check-ins in the last 30 days"));
    }
}
