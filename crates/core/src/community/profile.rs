//! A member's profile: a few words about themselves, each field shown only to the audience
//! they chose. Nothing is shown until they choose; the handle is the only thing always seen.

use super::length;
use crate::named::named;
use crate::validation::Invalid;

named!(
    /// Who sees one field of a profile.
    Audience {
        /// Anyone signed in to this Foothold.
        Everyone = "everyone",
        /// Members who share a group with them.
        Members = "members",
        /// Only the member.
        Nobody = "nobody",
    }
);

/// Who is looking at a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Looker {
    Themselves,
    /// Shares an active group with them.
    GroupMate,
    Other,
}

impl Audience {
    pub fn shows(self, to: Looker) -> bool {
        matches!(
            (self, to),
            (_, Looker::Themselves) | (Audience::Everyone, _) | (Audience::Members, Looker::GroupMate)
        )
    }
}

pub const ABOUT_MAX: usize = 500;
pub const LIVING_WITH_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// A few words, plain text.
    pub about: String,
    pub about_to: Audience,
    /// What they live with, in their own words (never a diagnosis field).
    pub living_with: String,
    pub living_with_to: Audience,
    /// The groups they are in (a group the looker may not see stays hidden regardless).
    pub groups_to: Audience,
    /// When they joined Foothold (month and year).
    pub since_to: Audience,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            about: String::new(),
            about_to: Audience::Nobody,
            living_with: String::new(),
            living_with_to: Audience::Nobody,
            groups_to: Audience::Nobody,
            since_to: Audience::Nobody,
        }
    }
}

/// The profile form's fields as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProfileForm<'a> {
    pub about: &'a str,
    pub about_to: &'a str,
    pub living_with: &'a str,
    pub living_with_to: &'a str,
    pub groups_to: &'a str,
    pub since_to: &'a str,
}

/// A profile from its form, every problem at once.
pub fn parse_profile(f: &ProfileForm) -> Result<Profile, Invalid> {
    let audience = |field: &'static str, value: &str| {
        Audience::parse(value).ok_or_else(|| Invalid::one(field, "choose-one"))
    };
    let (about, living_with) = (f.about.trim(), f.living_with.trim());
    let mut problems = Vec::new();
    let results = (
        length("about", about, 0, ABOUT_MAX, "", "text-too-long"),
        length("living_with", living_with, 0, LIVING_WITH_MAX, "", "text-too-long"),
        audience("about_to", f.about_to),
        audience("living_with_to", f.living_with_to),
        audience("groups_to", f.groups_to),
        audience("since_to", f.since_to),
    );
    Invalid::gather(&mut problems, &results.0);
    Invalid::gather(&mut problems, &results.1);
    Invalid::gather(&mut problems, &results.2);
    Invalid::gather(&mut problems, &results.3);
    Invalid::gather(&mut problems, &results.4);
    Invalid::gather(&mut problems, &results.5);
    match results {
        (Ok(()), Ok(()), Ok(about_to), Ok(living_with_to), Ok(groups_to), Ok(since_to)) => Ok(Profile {
            about: about.to_owned(),
            about_to,
            living_with: living_with.to_owned(),
            living_with_to,
            groups_to,
            since_to,
        }),
        // Some result is an error, so `problems` is not empty.
        _ => Err(Invalid::from_problems(problems).unwrap_or_else(|| Invalid::one("about", "choose-one"))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn each_audience_shows_to_whom_it_says() {
        use Looker::*;
        let seen = |a: Audience| [Themselves, GroupMate, Other].map(|l| a.shows(l));
        assert_eq!(seen(Audience::Everyone), [true, true, true]);
        assert_eq!(seen(Audience::Members), [true, true, false]);
        assert_eq!(seen(Audience::Nobody), [true, false, false]);
    }

    #[test]
    fn a_profile_is_checked_field_by_field() {
        let ok = ProfileForm {
            about: "  Gardener, slow walker.  ",
            about_to: "members",
            living_with: "back pain since 2019",
            living_with_to: "everyone",
            groups_to: "nobody",
            since_to: "everyone",
        };
        let p = parse_profile(&ok).unwrap();
        assert_eq!((p.about.as_str(), p.about_to), ("Gardener, slow walker.", Audience::Members));
        let long = "x".repeat(ABOUT_MAX + 1);
        let bad = ProfileForm { about: &long, groups_to: "friends", ..ok };
        let e = parse_profile(&bad).unwrap_err();
        let fields: Vec<&str> = e.problems().iter().map(|p| p.field).collect();
        assert_eq!(fields, ["about", "groups_to"]);
        assert_eq!(
            parse_profile(&ProfileForm { about: &"é".repeat(ABOUT_MAX), ..ok })
                .unwrap()
                .about
                .chars()
                .count(),
            ABOUT_MAX
        );
    }
}
