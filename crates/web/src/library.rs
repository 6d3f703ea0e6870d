//! The skills library and learning articles, embedded in the binary from `content/` and
//! rendered from Markdown once, at start-up. The content is ours, but raw HTML in it is
//! still shown as text, never passed through: the same rule as for anything members write.

use foothold_core::library::{Article, Skill};
use pulldown_cmark::{html, Event, Options, Parser};

macro_rules! files {
    ($kind:literal: $($slug:literal),* $(,)?) => {
        &[$(($slug, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/", $kind, "/en/", $slug, ".md")))),*]
    };
}

/// Every skill file, by slug (a test checks that none in `content/skills/en` is missing).
pub const SKILL_FILES: &[(&str, &str)] = files!("skills":
    "catch-check-change", "flare-plan", "gentle-muscle-relaxation", "having-the-thought",
    "leaves-on-a-stream", "letter-to-younger-self", "one-small-step", "pacing-baseline",
    "safety-reappraisal", "savouring-a-good-moment", "self-compassion-break", "slow-breathing",
    "small-valued-activity", "somatic-tracking", "spot-the-footholds", "test-a-prediction",
    "values-compass",
);

pub const ARTICLE_FILES: &[(&str, &str)] = files!("articles":
    "chronic-pain-and-the-nervous-system", "where-learned-helplessness-comes-from",
    "unlearning-helplessness", "self-efficacy", "connection-and-loneliness",
    "cbt-act-and-pain-reprocessing", "pacing", "working-with-clinicians", "goes-with-not-causes",
);

/// An entry with its body rendered to HTML.
pub struct Rendered<T> {
    pub meta: T,
    pub html: String,
}

pub struct Library {
    pub skills: Vec<Rendered<Skill>>,
    /// In reading order.
    pub articles: Vec<Rendered<Article>>,
}

impl Library {
    /// Reads a clinician's coaching form, its skill checked against this library.
    pub fn parse_suggestion(
        &self,
        kind: &str,
        body: &str,
        skill: &str,
        target: (&str, &str, &str),
    ) -> Result<foothold_core::share::Suggestion, foothold_core::Invalid> {
        foothold_core::share::parse_suggestion(kind, body, skill, target, |slug| self.skill(slug).is_some())
    }

    /// Parses and renders everything; an error names the file (it fails start-up, and tests).
    pub fn load() -> Result<Self, String> {
        let skills = SKILL_FILES
            .iter()
            .map(|(name, file)| {
                let meta = Skill::parse(file).map_err(|e| format!("content/skills/en/{name}.md: {e}"))?;
                Ok(Rendered { html: render(&meta.body), meta })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let articles = ARTICLE_FILES
            .iter()
            .map(|(name, file)| {
                let meta = Article::parse(file).map_err(|e| format!("content/articles/en/{name}.md: {e}"))?;
                Ok(Rendered { html: render(&meta.body), meta })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Self { skills, articles })
    }

    pub fn skill(&self, slug: &str) -> Option<&Rendered<Skill>> {
        self.skills.iter().find(|s| s.meta.slug == slug)
    }

    pub fn article(&self, slug: &str) -> Option<&Rendered<Article>> {
        self.articles.iter().find(|a| a.meta.slug == slug)
    }
}

/// The class of a breathing circle: one cycle of `inhale` + `exhale` seconds, for `total`
/// seconds in all (or without end).
pub fn breath_class(inhale: u16, exhale: u16, total: Option<u32>) -> String {
    format!("b-{inhale}-{exhale}-{}", total.unwrap_or(0))
}

pub fn countdown_class(total: u32) -> String {
    format!("c-{total}")
}

/// CSS animations for every timer in the skills: they run once the timer section is the
/// page's `:target` (the "Start" link), so they work without JavaScript. With reduced
/// motion the circle fades instead of growing.
pub fn timer_css() -> String {
    use std::fmt::Write;
    let mut css = String::new();
    for (_, file) in SKILL_FILES {
        let Ok(s) = Skill::parse(file) else { continue };
        if let Some([inhale, exhale]) = s.timer_pattern {
            let class = breath_class(inhale, exhale, s.timer_seconds);
            let cycle = u32::from(inhale) + u32::from(exhale);
            let turn = 100 * u32::from(inhale) / cycle.max(1);
            let count =
                s.timer_seconds.map_or("infinite".to_owned(), |t| t.div_ceil(cycle.max(1)).to_string());
            let _ = write!(
                css,
                "@keyframes {class}{{0%,100%{{transform:scale(.45)}}{turn}%{{transform:scale(1)}}}}\n\
                 #timer:target .{class}{{animation:{class} {cycle}s ease-in-out {count}}}\n\
                 @media (prefers-reduced-motion:reduce){{@keyframes {class}{{0%,100%{{opacity:.35}}{turn}%{{opacity:1}}}}}}\n"
            );
        }
        if let Some(total) = s.timer_seconds {
            let class = countdown_class(total);
            let _ = writeln!(css, "#timer:target .{class}{{animation:countdown {total}s linear forwards}}");
        }
    }
    css
}

/// Markdown to HTML, with any raw HTML turned into visible text.
pub fn render(markdown: &str) -> String {
    let parser =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_SMART_PUNCTUATION).map(|event| {
            match event {
                Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
                other => other,
            }
        });
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, parser);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_content_file_is_embedded_and_parses() {
        let library = Library::load().unwrap();
        for (kind, embedded) in [("skills", SKILL_FILES), ("articles", ARTICLE_FILES)] {
            let dir =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content").join(kind).join("en");
            let mut on_disk: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".md").to_owned())
                .collect();
            let mut listed: Vec<String> = embedded.iter().map(|(slug, _)| (*slug).to_owned()).collect();
            on_disk.sort();
            listed.sort();
            assert_eq!(on_disk, listed, "content/{kind}/en and the embedded list differ");
        }
        for s in &library.skills {
            assert_eq!(SKILL_FILES.iter().filter(|(n, _)| *n == s.meta.slug).count(), 1, "slug = file name");
            assert!(s.html.contains("<ol>"), "{} has numbered steps", s.meta.slug);
        }
        assert!(library.articles.iter().all(|a| a.html.contains("Sources")), "every article lists sources");
    }

    #[test]
    fn raw_html_in_markdown_is_shown_as_text() {
        let html = render("Hello <script>alert(1)</script> *there*\n\n<img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;") && html.contains("<em>there</em>"));
    }
}
