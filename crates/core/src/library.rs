//! The skills library and the learning articles: Markdown files with a small front matter
//! (`content/skills/<lang>/*.md`, `content/articles/<lang>/*.md`), parsed into typed entries.
//!
//! The front matter is a deliberately small subset of YAML — `key: value` lines, numbers, and
//! `[a, b]` lists — so the content stays easy to write and translate and needs no YAML
//! parser. Rendering the Markdown is the web layer's job.

use std::collections::HashMap;

/// A guided exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    pub slug: String,
    pub title: String,
    /// The approach it comes from, e.g. `cognitive`, `act-defusion`, `relaxation`.
    pub family: String,
    pub minutes: u16,
    pub summary: String,
    /// A short "why this helps".
    pub why: String,
    /// Total time of the guided timer, if the skill has one.
    pub timer_seconds: Option<u32>,
    /// A rhythm to follow, in seconds per phase (e.g. breathe in 4, out 6).
    pub timer_pattern: Option<[u16; 2]>,
    /// The member can write the exercise (a flare plan, their values, a letter) and keep it,
    /// privately, on the skill's page (`writable: yes`).
    pub writable: bool,
    /// Markdown.
    pub body: String,
}

/// The longest private writing kept for one exercise, in characters.
pub const WRITING_MAX: usize = 10_000;

/// A member's writing for an exercise: trimmed; empty means "remove it".
pub fn parse_writing(input: &str) -> Result<Option<String>, crate::Invalid> {
    let s = input.trim();
    if s.chars().count() > WRITING_MAX {
        return Err(crate::Invalid::one("writing", "writing-too-long"));
    }
    Ok((!s.is_empty()).then(|| s.to_owned()))
}

/// A short article.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub minutes: u16,
    pub topics: Vec<String>,
    /// Markdown.
    pub body: String,
}

/// What is wrong with a content file (a problem for whoever wrote it, caught by the tests).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("the file does not start with a front matter block between '---' lines")]
    NoFrontMatter,
    #[error("front matter line {0} is not 'key: value'")]
    BadLine(usize),
    #[error("front matter lacks '{0}'")]
    Missing(&'static str),
    #[error("front matter '{0}' has a value of the wrong kind")]
    BadValue(&'static str),
    #[error("slug '{0}' must be lower-case letters, digits and hyphens")]
    BadSlug(String),
}

type Fields<'a> = HashMap<&'a str, &'a str>;

/// Splits a file into its front matter fields and its Markdown body.
fn split(file: &str) -> Result<(Fields<'_>, &str), ContentError> {
    let rest = file.strip_prefix("---\n").ok_or(ContentError::NoFrontMatter)?;
    let end = rest.find("\n---\n").ok_or(ContentError::NoFrontMatter)?;
    let (head, body) = (rest.get(..end).unwrap_or(""), rest.get(end + 5..).unwrap_or(""));
    let mut fields = HashMap::new();
    for (n, line) in head.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = line.split_once(':').ok_or(ContentError::BadLine(n + 2))?;
        fields.insert(key.trim(), value.trim());
    }
    Ok((fields, body))
}

fn text(f: &Fields<'_>, key: &'static str) -> Result<String, ContentError> {
    match f.get(key) {
        Some(v) if !v.is_empty() => Ok(v.to_string()),
        _ => Err(ContentError::Missing(key)),
    }
}

fn number<T: std::str::FromStr>(f: &Fields<'_>, key: &'static str) -> Result<Option<T>, ContentError> {
    f.get(key).map(|v| v.parse().map_err(|_| ContentError::BadValue(key))).transpose()
}

fn list(f: &Fields<'_>, key: &'static str) -> Result<Option<Vec<String>>, ContentError> {
    let Some(v) = f.get(key) else { return Ok(None) };
    let inner = v.strip_prefix('[').and_then(|v| v.strip_suffix(']')).ok_or(ContentError::BadValue(key))?;
    Ok(Some(inner.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()))
}

fn slug(f: &Fields<'_>) -> Result<String, ContentError> {
    let s = text(f, "slug")?;
    let ok = s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(s)
    } else {
        Err(ContentError::BadSlug(s))
    }
}

impl Skill {
    pub fn parse(file: &str) -> Result<Self, ContentError> {
        let (f, body) = split(file)?;
        let timer_pattern = match list(&f, "timer_pattern")? {
            None => None,
            Some(v) => match v.iter().map(|s| s.parse::<u16>()).collect::<Result<Vec<_>, _>>().as_deref() {
                Ok([a, b]) if *a > 0 && *b > 0 => Some([*a, *b]),
                _ => return Err(ContentError::BadValue("timer_pattern")),
            },
        };
        Ok(Self {
            slug: slug(&f)?,
            title: text(&f, "title")?,
            family: text(&f, "family")?,
            minutes: number(&f, "minutes")?.ok_or(ContentError::Missing("minutes"))?,
            summary: text(&f, "summary")?,
            why: text(&f, "why")?,
            timer_seconds: number(&f, "timer_seconds")?,
            timer_pattern,
            writable: match f.get("writable") {
                None | Some(&"no") => false,
                Some(&"yes") => true,
                Some(_) => return Err(ContentError::BadValue("writable")),
            },
            body: body.to_owned(),
        })
    }
}

impl Article {
    pub fn parse(file: &str) -> Result<Self, ContentError> {
        let (f, body) = split(file)?;
        Ok(Self {
            slug: slug(&f)?,
            title: text(&f, "title")?,
            summary: text(&f, "summary")?,
            minutes: number(&f, "minutes")?.ok_or(ContentError::Missing("minutes"))?,
            topics: list(&f, "topics")?.unwrap_or_default(),
            body: body.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    const SKILL: &str = "---\nslug: slow-breathing\ntitle: Slow breathing\nfamily: relaxation\nminutes: 5\n\
        summary: In 4, out 6.\nwhy: A long breath out: settles.\ntimer_seconds: 300\ntimer_pattern: [4, 6]\n---\n## Steps\n";

    #[test]
    fn a_skill_reads_its_front_matter_and_keeps_the_body() {
        let s = Skill::parse(SKILL).unwrap();
        assert_eq!(
            (s.slug.as_str(), s.minutes, s.timer_seconds, s.timer_pattern),
            ("slow-breathing", 5, Some(300), Some([4, 6]))
        );
        assert_eq!(s.why, "A long breath out: settles.", "only the first colon splits");
        assert_eq!(s.body, "## Steps\n");
        assert!(!s.writable);
        assert!(
            Skill::parse(&SKILL.replace("---\n## Steps", "writable: yes\n---\n## Steps")).unwrap().writable
        );
        assert_eq!(
            Skill::parse(&SKILL.replace("---\n## Steps", "writable: maybe\n---\n## Steps")),
            Err(ContentError::BadValue("writable"))
        );
    }

    #[test]
    fn a_writing_is_trimmed_bounded_and_empty_means_remove() {
        assert_eq!(
            parse_writing("  When a flare starts: heat.  ").unwrap().as_deref(),
            Some("When a flare starts: heat.")
        );
        assert_eq!(parse_writing(" \n ").unwrap(), None);
        assert!(parse_writing(&"é".repeat(WRITING_MAX)).is_ok(), "characters, not bytes");
        assert_eq!(
            parse_writing(&"x".repeat(WRITING_MAX + 1)).unwrap_err().problems()[0].code,
            "writing-too-long"
        );
    }

    #[test]
    fn broken_front_matter_is_named() {
        assert_eq!(Skill::parse("# no front matter"), Err(ContentError::NoFrontMatter));
        assert_eq!(
            Skill::parse(&SKILL.replace("minutes: 5", "minutes: five")),
            Err(ContentError::BadValue("minutes"))
        );
        assert_eq!(
            Skill::parse(&SKILL.replace("title: Slow breathing\n", "")),
            Err(ContentError::Missing("title"))
        );
        assert_eq!(
            Skill::parse(&SKILL.replace("[4, 6]", "[4]")),
            Err(ContentError::BadValue("timer_pattern"))
        );
        assert!(matches!(
            Skill::parse(&SKILL.replace("slow-breathing", "Slow Breathing")),
            Err(ContentError::BadSlug(_))
        ));
        assert_eq!(
            Skill::parse(&SKILL.replace("family: relaxation", "family relaxation")),
            Err(ContentError::BadLine(4))
        );
    }

    #[test]
    fn an_article_lists_its_topics() {
        let a = Article::parse(
            "---\nslug: pacing\ntitle: Pacing\nsummary: S.\nminutes: 6\ntopics: [pacing, goals]\n---\nText",
        )
        .unwrap();
        assert_eq!((a.topics, a.body.as_str()), (vec!["pacing".to_owned(), "goals".to_owned()], "Text"));
    }
}
