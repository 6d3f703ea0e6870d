//! The demo's hacks: four hacks shared by the demo neighbours. Two carry evidence: six more
//! demo accounts "tried" them, and what they share is what the agency engine finds in a
//! simulated diary of theirs (core `simulate`, whose true effects are known: walking lowers
//! pain, heat does nothing) — so the demo shows both a hack that goes with less pain and one
//! that shows no clear difference, computed, not written in.

use anyhow::{anyhow, Result};
use chrono::Duration;
use foothold_core::agency::{self, Diary, Label};
use foothold_core::hacks::pooling::{Shared, Source};
use foothold_core::hacks::{parse_hack, GROUP_SLUG};
use foothold_core::simulate;
use foothold_core::strategy::StrategyId;
use foothold_store::{Membership, Store, UserId};

/// (author, title, how, cost, effort, minutes, tags, the simulated strategy it stands for).
type Hack = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    Option<&'static str>,
);

const HACKS: [Hack; 4] = [
    (
        1,
        "A short walk, even to the post box",
        "Five to fifteen minutes at an easy pace, on most days, whatever the pain says. Turn back before you have to.\n\n- Same time each day helps it stick.\n- On a flare day, to the gate and back still counts.",
        "free",
        "medium",
        "15",
        &["back_pain", "fibromyalgia", "legs_knees"],
        Some("walk"),
    ),
    (
        0,
        "Heat pad before bed",
        "Ten minutes on the low setting, on the sore spot, while reading. Never sleep with it on.",
        "low",
        "low",
        "10",
        &["back_pain", "back", "hips"],
        Some("heat"),
    ),
    (
        2,
        "Ice pack in a tea towel for a headache",
        "A bag of frozen peas wrapped in a tea towel, on the back of the neck, ten minutes at most.",
        "free",
        "low",
        "10",
        &["migraine", "head"],
        None,
    ),
    (
        2,
        "Stairs with a rest on the landing",
        "Sit on the landing for one minute on the way up. It costs a minute and saves the evening.",
        "free",
        "low",
        "2",
        &["arthritis", "legs_knees"],
        None,
    ),
];

/// Demo accounts whose shared results give two hacks their evidence (five are needed).
const SHARERS: usize = 6;

pub async fn create(store: &Store, neighbours: &[UserId]) -> Result<()> {
    let (group, _) = store.group(GROUP_SLUG, None).await?;
    let active = Some(Membership::new(
        foothold_core::community::Role::Member,
        foothold_core::community::Standing::Active,
    ));
    let mut sharers = Vec::new();
    for i in 1..=SHARERS {
        sharers.push(crate::demo_community::neighbour_account(store, &format!("demo_sharer_{i}")).await?);
    }
    let today = foothold_services::diary::today(chrono_tz::UTC);
    for (n, (author, title, how, cost, effort, minutes, tags, simulated)) in HACKS.iter().enumerate() {
        let author = *neighbours.get(*author).ok_or_else(|| anyhow!("no demo neighbour {author}"))?;
        store.set_membership(group.id, author, active).await?;
        let new = parse_hack(title, how, cost, effort, minutes, tags).map_err(|e| anyhow!("{e}"))?;
        let hack = store
            .start_hack(group.id, author, &format!("demo-hack-{n}"), &new, foothold_store::Posting::default())
            .await?
            .thread;
        let Some(strategy) = simulated else { continue };
        for (i, sharer) in sharers.iter().enumerate() {
            let rows = simulate::diary(500 + i as u64, today, 150);
            let (diary, names) = Diary::from_rows(&rows);
            let report = agency::analyze(&diary);
            let id = names.iter().position(|n| n == strategy).map(|i| StrategyId(i as i64));
            let results: Vec<_> = report
                .results
                .iter()
                .filter(|e| Some(e.strategy) == id && e.lag == 0 && e.label != Label::NotEnoughData)
                .map(|e| (Source::Diary, e.outcome, Shared::of(e)))
                .collect();
            store.try_hack(hack, *sharer, today - Duration::days(150)).await?;
            store.share_hack_result(hack, *sharer, &results).await?;
        }
    }
    Ok(())
}
