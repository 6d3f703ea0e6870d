//! The community's rules as pure data: what a group, thread, post, reaction and report are,
//! what makes them valid, and who may do what in a group ([`access`]). The store keeps them
//! and the web layer asks these functions before every action, so pages and the API share one
//! set of rules.

pub mod access;
mod names;
pub mod profile;
pub mod snippet;

use crate::hacks::Tag;
use crate::validation::{Invalid, Problem};
pub use names::{GroupKind, ModAction, Reaction, ReportReason, Role, Standing, Visibility};

pub const GROUP_NAME_MIN: usize = 3;
pub const GROUP_NAME_MAX: usize = 80;
pub const GROUP_ABOUT_MAX: usize = 2_000;
pub const GROUP_RULES_MAX: usize = 4_000;
pub const TITLE_MIN: usize = 3;
pub const TITLE_MAX: usize = 150;
/// A post's Markdown. Long enough for a story, short enough to read on a phone.
pub const POST_MAX: usize = 20_000;
pub const REPORT_NOTE_MAX: usize = 1_000;
/// Threads shown per page of a group; replies per page of a thread.
pub const THREADS_PER_PAGE: u32 = 30;
pub const POSTS_PER_PAGE: u32 = 50;

/// A group as its host described it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGroup {
    pub name: String,
    pub slug: String,
    pub kind: GroupKind,
    pub visibility: Visibility,
    pub about: String,
    pub rules: String,
    /// What it is about: conditions and body areas, in the words hacks use.
    pub tags: Vec<Tag>,
}

/// A group names at most this many topics, so that each one still says something.
pub const GROUP_TAGS_MAX: usize = 5;

/// A group's topics from their names: known ones, at most [`GROUP_TAGS_MAX`] names given
/// (a repeated one counts, as the API document's `maxItems` says), each kept once.
pub fn parse_group_tags<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Vec<Tag>, Invalid> {
    let names: Vec<&str> = names.into_iter().collect();
    let tags = Tag::parse_all(names.iter().copied())?;
    if names.len() > GROUP_TAGS_MAX {
        return Err(Invalid::one("tags", "group-tags-many"));
    }
    Ok(tags)
}

/// The opening of a thread: its title and first post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewThread {
    pub title: String,
    pub body: String,
}

fn length(
    field: &'static str,
    text: &str,
    min: usize,
    max: usize,
    short: &'static str,
    long: &'static str,
) -> Result<(), Invalid> {
    let n = text.chars().count();
    if n < min {
        Err(Invalid::one(field, short))
    } else if n > max {
        Err(Invalid::one(field, long))
    } else {
        Ok(())
    }
}

/// The address of a group: lower-case letters, digits and hyphens from its name, so links
/// stay readable ("Living with CRPS" → `living-with-crps`). Names without any such letter
/// (e.g. only Cyrillic) fall back to `group`; the store adds a number when a slug is taken.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "group".to_owned()
    } else {
        out.to_owned()
    }
}

/// Parses a new group's form, reporting every problem at once.
pub fn parse_group(
    name: &str,
    kind: &str,
    visibility: &str,
    about: &str,
    rules: &str,
    tags: &[&str],
) -> Result<NewGroup, Invalid> {
    let (name, about, rules) = (name.trim(), about.trim(), rules.trim());
    let kind_r = GroupKind::parse(kind).ok_or_else(|| Invalid::one("kind", "choose-one"));
    let visibility_r = Visibility::parse(visibility).ok_or_else(|| Invalid::one("visibility", "choose-one"));
    let mut problems: Vec<Problem> = Vec::new();
    Invalid::gather(
        &mut problems,
        &length("name", name, GROUP_NAME_MIN, GROUP_NAME_MAX, "group-name-short", "text-too-long"),
    );
    Invalid::gather(&mut problems, &kind_r);
    Invalid::gather(&mut problems, &visibility_r);
    Invalid::gather(&mut problems, &length("about", about, 0, GROUP_ABOUT_MAX, "", "text-too-long"));
    Invalid::gather(&mut problems, &length("rules", rules, 0, GROUP_RULES_MAX, "", "text-too-long"));
    let tags_r = parse_group_tags(tags.iter().copied());
    Invalid::gather(&mut problems, &tags_r);
    if let Some(invalid) = Invalid::from_problems(problems) {
        return Err(invalid);
    }
    let (Ok(kind), Ok(visibility), Ok(tags)) = (kind_r, visibility_r, tags_r) else {
        return Err(Invalid::one("kind", "choose-one"));
    };
    Ok(NewGroup {
        slug: slug(name),
        name: name.to_owned(),
        kind,
        visibility,
        about: about.to_owned(),
        rules: rules.to_owned(),
        tags,
    })
}

/// A post's body: trimmed, not empty, at most [`POST_MAX`] characters.
pub fn parse_post(body: &str) -> Result<String, Invalid> {
    let body = body.trim();
    length("body", body, 1, POST_MAX, "post-empty", "text-too-long")?;
    Ok(body.to_owned())
}

/// The longest direct message, in characters: a letter, not an essay.
pub const MESSAGE_MAX: usize = 5_000;

/// A direct message's body: trimmed, not empty, at most [`MESSAGE_MAX`] characters.
pub fn parse_message(body: &str) -> Result<String, Invalid> {
    let body = body.trim();
    length("body", body, 1, MESSAGE_MAX, "message-empty", "text-too-long")?;
    Ok(body.to_owned())
}

/// A new thread's title and opening post, every problem at once.
pub fn parse_thread(title: &str, body: &str) -> Result<NewThread, Invalid> {
    let title = title.trim();
    let (title, body) = Invalid::both(
        length("title", title, TITLE_MIN, TITLE_MAX, "title-short", "text-too-long")
            .map(|()| title.to_owned()),
        parse_post(body),
    )?;
    Ok(NewThread { title, body })
}

/// How many days a moderator may pause a member's posting in a group. Longer than a month is
/// a ban, which says so.
pub const PAUSE_DAYS: [i64; 4] = [1, 3, 7, 30];

/// A pause's length in days, one of [`PAUSE_DAYS`].
pub fn parse_pause_days(days: &str) -> Result<i64, Invalid> {
    days.trim()
        .parse::<i64>()
        .ok()
        .filter(|d| PAUSE_DAYS.contains(d))
        .ok_or_else(|| Invalid::one("days", "choose-one"))
}

/// A report's reason and optional note.
pub fn parse_report(reason: &str, note: &str) -> Result<(ReportReason, Option<String>), Invalid> {
    let note = note.trim();
    Invalid::both(
        ReportReason::parse(reason).ok_or_else(|| Invalid::one("reason", "choose-one")),
        length("note", note, 0, REPORT_NOTE_MAX, "", "text-too-long")
            .map(|()| (!note.is_empty()).then(|| note.to_owned())),
    )
}

/// How much a member may do yet. New accounts are where spam and abuse come from, so they
/// start with a few posts a day and no links; the limits lift once the member has taken part
/// for a while without a report upheld against them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trust {
    pub posts_per_day: u32,
    pub links: bool,
    /// May write to other members directly.
    pub messages: bool,
}

/// Days an account must exist, and posts it must have written, before it is trusted.
pub const NEW_ACCOUNT_DAYS: i64 = 3;
pub const NEW_ACCOUNT_POSTS: i64 = 5;

impl Trust {
    pub const NEW: Trust = Trust { posts_per_day: 10, links: false, messages: false };
    pub const REGULAR: Trust = Trust { posts_per_day: 200, links: true, messages: true };

    /// `age_days` since the account was made; `posts` it wrote that were never hidden by a
    /// moderator.
    pub fn of(age_days: i64, posts: i64) -> Trust {
        if age_days >= NEW_ACCOUNT_DAYS && posts >= NEW_ACCOUNT_POSTS {
            Trust::REGULAR
        } else {
            Trust::NEW
        }
    }

    /// Checks a body against this trust: links are refused with their own message, so the
    /// member learns why and when it changes.
    pub fn check(self, body: &str) -> Result<(), Invalid> {
        if !self.links && has_link(body) {
            return Err(Invalid::one("body", "links-not-yet"));
        }
        Ok(())
    }
}

/// Whether Markdown text contains something that becomes a link: a URL, a `www.` address or
/// a Markdown link or image.
pub fn has_link(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["http://", "https://", "www.", "](", "mailto:", "<a "].iter().any(|m| lower.contains(m))
}

/// The `@handle`s a post mentions, each once, in order.
pub fn mentions(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in body.match_indices('@') {
        let before = body.get(..i).and_then(|b| b.chars().next_back());
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // an e-mail address, not a mention
        }
        let handle: String = body
            .get(i + 1..)
            .unwrap_or_default()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        let handle = handle.trim_end_matches('-').to_owned();
        if handle.chars().count() >= 3 && !out.iter().any(|h| h.eq_ignore_ascii_case(&handle)) {
            out.push(handle);
        }
    }
    out
}

#[cfg(test)]
mod tests;
