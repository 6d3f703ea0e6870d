//! Strategies: what a member does that might go with better days. Foothold starts every
//! diary with the built-in list below (names are translated, so they are stored by key);
//! members add their own.

use serde::{Deserialize, Serialize};

crate::id_type!(
    /// Which strategy, whatever it is called: a member's own "Walk" and the built-in one are
    /// two strategies, in any language. The analysis keys everything by it; names are for
    /// display.
    StrategyId
);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Movement,
    Body,
    Medication,
    Mind,
    Connection,
    /// A skill from the library, logged when the member practised it.
    Skill,
    /// A hack the member chose to try ("I'll try it").
    Hack,
    /// The activity of one of the member's graded goals, tagged by its steps.
    Goal,
    Own,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Movement,
        Category::Body,
        Category::Medication,
        Category::Mind,
        Category::Connection,
        Category::Skill,
        Category::Hack,
        Category::Goal,
        Category::Own,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Movement => "movement",
            Category::Body => "body",
            Category::Medication => "medication",
            Category::Mind => "mind",
            Category::Connection => "connection",
            Category::Skill => "skill",
            Category::Hack => "hack",
            Category::Goal => "goal",
            Category::Own => "own",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A strategy every diary starts with. `key` names the Fluent message `strategy-<key>`.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    pub key: &'static str,
    pub category: Category,
}

const fn b(key: &'static str, category: Category) -> BuiltIn {
    BuiltIn { key, category }
}

pub const BUILT_IN: &[BuiltIn] = &[
    b("walk", Category::Movement),
    b("stretching", Category::Movement),
    b("physio-exercises", Category::Movement),
    b("group-exercise", Category::Movement),
    b("heat", Category::Body),
    b("cold", Category::Body),
    b("medication-as-prescribed", Category::Medication),
    b("extra-medication", Category::Medication),
    b("meditation", Category::Mind),
    b("pacing-break", Category::Mind),
    b("sleep-routine", Category::Mind),
    b("friends-family", Category::Connection),
    b("called-a-friend", Category::Connection),
    b("support-group", Category::Connection),
];

/// The built-ins ticked for a new member in onboarding: a short list keeps the first
/// check-in short; the rest are one tick away there, and later under "Your strategies".
pub const STARTERS: &[&str] = &[
    "walk",
    "stretching",
    "heat",
    "medication-as-prescribed",
    "meditation",
    "pacing-break",
    "sleep-routine",
    "friends-family",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_keys_are_unique_and_categories_round_trip() {
        let mut keys: Vec<_> = BUILT_IN.iter().map(|b| b.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), BUILT_IN.len());
        assert!(STARTERS.iter().all(|k| keys.contains(k)));
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
    }
}
