//! Hacks: practical things members do for their pain, shared so that others can try them.
//! A hack is a thread in the hacks group (its opening post says how to do it) with what it
//! needs and whom it is for; what members' own diaries showed after trying it is pooled in
//! [`pooling`].

pub mod pooling;

use crate::checkin::parse_strategy_name;
use crate::community::{parse_thread, NewThread};
use crate::named::named;
use crate::validation::{Invalid, Problem};

/// The hacks group's address: every hack's discussion is a thread there, so posts, reports,
/// moderation and search work for hacks as for any group.
pub const GROUP_SLUG: &str = "hacks";
/// Hacks per page of the list.
pub const PER_PAGE: u32 = 30;
/// The longest a hack may take, in minutes (a day's outing, not a course).
pub const MINUTES_MAX: u16 = 600;
/// Days a member tries a hack before they are asked whether to share their result.
pub const TRY_DAYS: i64 = 21;

named!(
    /// What a hack costs.
    Cost { Free = "free", Low = "low", Some = "some" }
);

named!(
    /// How much doing it asks of a body in pain.
    Effort { Low = "low", Medium = "medium", High = "high" }
);

named!(
    /// Which pains a hack is for; members choose theirs to order the list by fit.
    Tag {
        BackPain = "back_pain",
        NeckPain = "neck_pain",
        Migraine = "migraine",
        Fibromyalgia = "fibromyalgia",
        Arthritis = "arthritis",
        NervePain = "nerve_pain",
        Crps = "crps",
        Endometriosis = "endometriosis",
        Ibs = "ibs",
        Hypermobility = "hypermobility",
        Head = "head",
        Shoulders = "shoulders",
        Back = "back",
        ArmsHands = "arms_hands",
        Hips = "hips",
        LegsKnees = "legs_knees",
        Feet = "feet",
        Belly = "belly",
        WholeBody = "whole_body",
    }
);

impl Tag {
    /// Conditions, as opposed to body areas (the form groups them).
    pub fn is_condition(self) -> bool {
        matches!(
            self,
            Tag::BackPain
                | Tag::NeckPain
                | Tag::Migraine
                | Tag::Fibromyalgia
                | Tag::Arthritis
                | Tag::NervePain
                | Tag::Crps
                | Tag::Endometriosis
                | Tag::Ibs
                | Tag::Hypermobility
        )
    }

    /// Tags from their names; an unknown name is the request's mistake. Each tag once.
    pub fn parse_all<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Vec<Tag>, Invalid> {
        let mut tags = Vec::new();
        for name in names {
            let tag = Tag::parse(name).ok_or_else(|| Invalid::one("tags", "choose-one"))?;
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        tags.sort_by_key(|t| Tag::ALL.iter().position(|x| x == t));
        Ok(tags)
    }
}

/// What a hack needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    pub cost: Cost,
    pub effort: Effort,
    /// How long it takes, 1–[`MINUTES_MAX`].
    pub minutes: u16,
}

/// A hack as its author wrote it. The title is also the name of the strategy "I'll try it"
/// adds to a member's diary, so it follows the strategy-name rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHack {
    pub thread: NewThread,
    pub needs: Needs,
    pub tags: Vec<Tag>,
}

/// A hack's form, every problem at once.
pub fn parse_hack(
    title: &str,
    body: &str,
    cost: &str,
    effort: &str,
    minutes: &str,
    tags: &[&str],
) -> Result<NewHack, Invalid> {
    let mut problems: Vec<Problem> = Vec::new();
    let thread = parse_thread(title, body);
    Invalid::gather(&mut problems, &thread);
    let title_as_strategy = parse_strategy_name(title).map_err(|e| {
        // Reported under the title field, in the strategy rules' own words.
        let moved: Vec<Problem> =
            e.problems().iter().map(|p| Problem { field: "title", code: p.code }).collect();
        Invalid::from_problems(moved).unwrap_or(e)
    });
    if thread.is_ok() {
        Invalid::gather(&mut problems, &title_as_strategy);
    }
    let cost = Cost::parse(cost).ok_or_else(|| Invalid::one("cost", "choose-one"));
    let effort = Effort::parse(effort).ok_or_else(|| Invalid::one("effort", "choose-one"));
    let minutes = minutes
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|m| (1..=MINUTES_MAX).contains(m))
        .ok_or_else(|| Invalid::one("minutes", "hack-minutes"));
    let tags = Tag::parse_all(tags.iter().copied());
    Invalid::gather(&mut problems, &cost);
    Invalid::gather(&mut problems, &effort);
    Invalid::gather(&mut problems, &minutes);
    Invalid::gather(&mut problems, &tags);
    if let Some(invalid) = Invalid::from_problems(problems) {
        return Err(invalid);
    }
    match (thread, cost, effort, minutes, tags) {
        (Ok(thread), Ok(cost), Ok(effort), Ok(minutes), Ok(tags)) => {
            Ok(NewHack { thread, needs: Needs { cost, effort, minutes }, tags })
        }
        _ => Err(Invalid::one("title", "choose-one")),
    }
}

/// A hack in an operator's file: `foothold hacks export` writes a JSON array of these and
/// `foothold hacks import` reads one (docs/OPERATIONS.md), so a new community can start with
/// another's hacks. Only what the author wrote travels: no names, tries or results.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HackRecord {
    pub title: String,
    /// How to do it, Markdown.
    pub how: String,
    pub cost: String,
    pub effort: String,
    pub minutes: u16,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl HackRecord {
    pub fn of(hack: &NewHack) -> Self {
        Self {
            title: hack.thread.title.clone(),
            how: hack.thread.body.clone(),
            cost: hack.needs.cost.as_str().to_owned(),
            effort: hack.needs.effort.as_str().to_owned(),
            minutes: hack.needs.minutes,
            tags: hack.tags.iter().map(|t| t.as_str().to_owned()).collect(),
        }
    }

    /// Checked by the same rules as the form.
    pub fn parse(&self) -> Result<NewHack, Invalid> {
        let tags: Vec<&str> = self.tags.iter().map(String::as_str).collect();
        parse_hack(&self.title, &self.how, &self.cost, &self.effort, &self.minutes.to_string(), &tags)
    }
}

#[cfg(test)]
mod tests;
