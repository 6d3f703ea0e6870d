//! The daily check-in: a few 0–10 ratings, the strategies of the day, an optional note.
//! Every rating may be skipped; a skipped rating is *missing*, never zero.

use crate::Invalid;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A 0–10 rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Score(u8);

impl Score {
    pub const MAX: u8 = 10;

    pub fn new(value: i64) -> Option<Self> {
        u8::try_from(value).ok().filter(|v| *v <= Self::MAX).map(Self)
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// Reads a form field: empty means "skipped"; anything else must be a whole number 0–10.
    pub fn parse_field(input: &str, field: &'static str) -> Result<Option<Self>, Invalid> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(None);
        }
        s.parse::<i64>().ok().and_then(Self::new).map(Some).ok_or_else(|| Invalid::one(field, "score-range"))
    }
}

impl TryFrom<i64> for Score {
    type Error = &'static str;
    fn try_from(v: i64) -> Result<Self, Self::Error> {
        Self::new(v).ok_or("a score is a whole number from 0 to 10")
    }
}

impl From<Score> for i64 {
    fn from(s: Score) -> i64 {
        i64::from(s.0)
    }
}

/// The ratings of one day. All optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratings {
    /// Pain right now.
    pub pain: Option<Score>,
    /// PEG item 1: average pain in the past day.
    pub peg_pain: Option<Score>,
    /// PEG item 2: how much pain interfered with enjoyment of life.
    pub peg_enjoyment: Option<Score>,
    /// PEG item 3: how much pain interfered with general activity.
    pub peg_activity: Option<Score>,
    pub mood: Option<Score>,
    pub sleep: Option<Score>,
    /// "How much control did you feel over your pain today?"
    pub control: Option<Score>,
}

impl Ratings {
    /// The PEG score: the mean of its three items, defined only when all three were given
    /// (Krebs et al. 2009 score the scale as the mean of all three).
    pub fn peg(&self) -> Option<f64> {
        let (a, b, c) = (self.peg_pain?, self.peg_enjoyment?, self.peg_activity?);
        Some(f64::from(u16::from(a.0) + u16::from(b.0) + u16::from(c.0)) / 3.0)
    }

    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The most a note may hold (characters).
pub const NOTE_MAX: usize = 5_000;
/// The most strategies one day may carry.
pub const STRATEGIES_PER_DAY_MAX: usize = 60;
/// The earliest day a diary entry may be for.
pub const EARLIEST_DAY: (i32, u32, u32) = (1900, 1, 1);

/// A note: trimmed, empty means none.
pub fn parse_note(input: &str) -> Result<Option<String>, Invalid> {
    let s = input.trim();
    if s.chars().count() > NOTE_MAX {
        return Err(Invalid::one("note", "note-too-long"));
    }
    Ok((!s.is_empty()).then(|| s.to_owned()))
}

/// A diary day from `YYYY-MM-DD`, which must not lie after `today` (the member's own date,
/// in their time zone): a check-in records what happened, not what will.
pub fn parse_day(input: &str, today: NaiveDate) -> Result<NaiveDate, Invalid> {
    let day = NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| Invalid::one("day", "day-invalid"))?;
    check_day(day, today)?;
    Ok(day)
}

pub fn check_day(day: NaiveDate, today: NaiveDate) -> Result<(), Invalid> {
    if day > today {
        return Err(Invalid::one("day", "day-in-future"));
    }
    let (y, m, d) = EARLIEST_DAY;
    if NaiveDate::from_ymd_opt(y, m, d).is_some_and(|earliest| day < earliest) {
        return Err(Invalid::one("day", "day-invalid"));
    }
    Ok(())
}

/// A strategy's name as the member writes it: 1–60 characters, any script, counted as written
/// (the form's `maxlength` and the API document's `maxLength` count the same way).
pub fn parse_strategy_name(input: &str) -> Result<String, Invalid> {
    let s = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() {
        return Err(Invalid::one("name", "strategy-name-missing"));
    }
    if input.chars().count() > 60 {
        return Err(Invalid::one("name", "strategy-name-too-long"));
    }
    if s.contains(';') {
        // `;` separates strategies in the CSV exchange format.
        return Err(Invalid::one("name", "strategy-name-semicolon"));
    }
    Ok(s)
}

/// What the check-in asks, and in which order, as the member chose it (issue 16). The PEG's
/// three questions are one item: the instrument is scored only when all three are answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Pain,
    Peg,
    Mood,
    Sleep,
    Control,
}

impl Item {
    /// Every item, in the order a new member is asked them.
    pub const ALL: [Item; 5] = [Item::Pain, Item::Peg, Item::Mood, Item::Sleep, Item::Control];

    pub fn as_str(self) -> &'static str {
        match self {
            Item::Pain => "pain",
            Item::Peg => "peg",
            Item::Mood => "mood",
            Item::Sleep => "sleep",
            Item::Control => "control",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == s)
    }

    /// The form fields (and `Ratings` members) the item asks for.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Item::Pain => &["pain"],
            Item::Peg => &["peg_pain", "peg_enjoyment", "peg_activity"],
            Item::Mood => &["mood"],
            Item::Sleep => &["sleep"],
            Item::Control => &["control"],
        }
    }
}

/// The member's chosen items from their stored form (`"pain,peg,mood"`); `None` (never
/// chosen) asks everything. Unknown or repeated names are dropped, so a list written by an
/// older version still reads.
pub fn items_from_stored(stored: Option<&str>) -> Vec<Item> {
    let Some(stored) = stored else { return Item::ALL.to_vec() };
    let mut items = Vec::new();
    for item in stored.split(',').filter_map(|s| Item::parse(s.trim())) {
        if !items.contains(&item) {
            items.push(item);
        }
    }
    items
}

/// The stored form of a chosen list, in its order.
pub fn items_to_stored(items: &[Item]) -> String {
    items.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(",")
}

/// Reads a choice from a form: the names ticked, in `order` (the member's current order).
/// Choosing nothing is allowed: strategies and the note are always asked.
pub fn choose_items(ticked: &[String], order: &[Item]) -> Result<Vec<Item>, Invalid> {
    let mut chosen = Vec::new();
    for name in ticked {
        let item = Item::parse(name).ok_or_else(|| Invalid::one("items", "checkin-item-unknown"))?;
        if !chosen.contains(&item) {
            chosen.push(item);
        }
    }
    let rank = |i: &Item| order.iter().position(|o| o == i).unwrap_or(usize::MAX);
    chosen.sort_by_key(rank);
    Ok(chosen)
}

/// The order with `item` moved one place up (a no-op at the top).
pub fn move_up(order: &[Item], item: Item) -> Vec<Item> {
    let mut out = order.to_vec();
    if let Some(i) = out.iter().position(|o| *o == item).filter(|i| *i > 0) {
        out.swap(i, i - 1);
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn code<T: std::fmt::Debug>(r: Result<T, Invalid>) -> &'static str {
        r.unwrap_err().problems()[0].code
    }

    #[test]
    fn scores_are_whole_numbers_from_0_to_10_or_skipped() {
        assert_eq!(Score::parse_field(" 7 ", "pain").unwrap().map(Score::value), Some(7));
        assert_eq!(Score::parse_field("", "pain").unwrap(), None);
        assert_eq!(Score::parse_field("0", "pain").unwrap().map(Score::value), Some(0));
        for bad in ["11", "-1", "7.5", "seven", "1e1"] {
            assert_eq!(code(Score::parse_field(bad, "pain")), "score-range", "{bad}");
        }
        assert!(serde_json::from_str::<Score>("11").is_err());
        assert_eq!(serde_json::from_str::<Score>("10").unwrap().value(), 10);
    }

    #[test]
    fn peg_is_the_mean_of_all_three_items_or_nothing() {
        let s = |v| Score::new(v);
        let r = Ratings { peg_pain: s(6), peg_enjoyment: s(4), peg_activity: s(5), ..Ratings::default() };
        assert_eq!(r.peg(), Some(5.0));
        let partial = Ratings { peg_activity: None, ..r };
        assert_eq!(partial.peg(), None);
        assert!(Ratings::default().is_empty() && !r.is_empty());
    }

    #[test]
    fn days_cannot_be_in_the_future_or_malformed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(parse_day("2026-11-22", today).unwrap(), today);
        assert!(parse_day("2025-02-28", today).is_ok());
        assert_eq!(code(parse_day("2026-11-23", today)), "day-in-future");
        assert_eq!(code(parse_day("2026-02-30", today)), "day-invalid");
        assert_eq!(code(parse_day("yesterday", today)), "day-invalid");
        assert_eq!(code(parse_day("1899-12-31", today)), "day-invalid");
    }

    #[test]
    fn notes_are_trimmed_and_bounded() {
        assert_eq!(parse_note("  ").unwrap(), None);
        assert_eq!(parse_note(" walked to the shop ").unwrap().as_deref(), Some("walked to the shop"));
        assert!(parse_note(&"ü".repeat(NOTE_MAX)).is_ok(), "characters, not bytes");
        assert_eq!(code(parse_note(&"x".repeat(NOTE_MAX + 1))), "note-too-long");
    }

    #[test]
    fn strategy_names_are_tidied_and_checked() {
        assert_eq!(parse_strategy_name("  warm   bath ").unwrap(), "warm bath");
        assert_eq!(parse_strategy_name("Прогулка").unwrap(), "Прогулка");
        assert_eq!(code(parse_strategy_name("   ")), "strategy-name-missing");
        assert_eq!(code(parse_strategy_name(&"x".repeat(61))), "strategy-name-too-long");
        assert_eq!(code(parse_strategy_name("heat; ice")), "strategy-name-semicolon");
    }

    #[test]
    fn chosen_items_keep_their_order_and_read_back() {
        assert_eq!(items_from_stored(None), Item::ALL.to_vec());
        assert_eq!(items_from_stored(Some("")), vec![]);
        assert_eq!(items_from_stored(Some("mood, pain,mood,weather")), vec![Item::Mood, Item::Pain]);
        let order = vec![Item::Control, Item::Pain, Item::Peg, Item::Mood, Item::Sleep];
        let ticked = ["pain".to_owned(), "control".to_owned()];
        let chosen = choose_items(&ticked, &order).unwrap();
        assert_eq!(chosen, vec![Item::Control, Item::Pain]);
        assert_eq!(items_from_stored(Some(&items_to_stored(&chosen))), chosen);
        assert_eq!(code(choose_items(&["weather".to_owned()], &order)), "checkin-item-unknown");
        assert_eq!(move_up(&order, Item::Pain)[..2], [Item::Pain, Item::Control]);
        assert_eq!(move_up(&order, Item::Control), order);
        assert_eq!(Item::ALL.iter().map(|i| i.fields().len()).sum::<usize>(), 7);
    }
}
