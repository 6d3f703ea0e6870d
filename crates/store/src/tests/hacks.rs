//! Hacks on both databases: the list's orders, trying, sharing, pooling and withdrawal.

use super::{open, user};
use crate::testing::TestDb;
use crate::{HackOrder, Store, StoreError, UserId};
use chrono::NaiveDate;
use foothold_core::agency::Outcome;
use foothold_core::hacks::pooling::{Shared, Source};
use foothold_core::hacks::{parse_hack, Tag, GROUP_SLUG, MINUTES_MAX};
use foothold_core::strategy::Category;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

async fn hack(store: &Store, author: UserId, title: &str, tags: &[&str]) -> crate::ThreadId {
    let group = store.group(GROUP_SLUG, None).await.unwrap().0.id;
    let new = parse_hack(title, "How to do it.", "free", "low", "10", tags).unwrap();
    store
        .start_hack(group, author, &format!("nonce-{title}"), &new, crate::Posting::default())
        .await
        .unwrap()
        .thread
}

fn result(estimate: f64, helps: bool) -> Vec<(Source, Outcome, Shared)> {
    vec![(
        Source::Diary,
        Outcome::Pain,
        Shared { estimate, interval: [estimate - 1.0, estimate + 1.0], helps },
    )]
}

#[tokio::test]
async fn the_list_orders_by_fit_newest_and_evidence_never_by_popularity() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let ann = user(&store, "ann").await;
        let heat = hack(&store, ann.id, "Heat pad", &["back_pain", "back"]).await;
        let ice = hack(&store, ann.id, "Ice pack", &["migraine"]).await;
        let walk = hack(&store, ann.id, "Short walk", &[]).await;
        // The same form twice is one hack.
        assert_eq!(hack(&store, ann.id, "Heat pad", &["back"]).await, heat);
        let ids = |list: Vec<crate::HackSummary>| list.into_iter().map(|h| h.id).collect::<Vec<_>>();

        assert_eq!(
            ids(store.hacks(Some(ann.id), None, HackOrder::Newest, 0).await.unwrap()),
            [walk, ice, heat]
        );
        store.set_member_tags(ann.id, &[Tag::Back, Tag::BackPain]).await.unwrap();
        assert_eq!(store.member_tags(ann.id).await.unwrap(), [Tag::BackPain, Tag::Back]);
        let fit = store.hacks(Some(ann.id), None, HackOrder::Fit, 0).await.unwrap();
        assert_eq!((fit[0].id, fit[0].fit), (heat, 2), "{:?}: the best fit first", db.backend);
        assert_eq!(ids(fit), [heat, walk, ice]);
        assert_eq!(
            ids(store.hacks(Some(ann.id), Some(Tag::Migraine), HackOrder::Fit, 0).await.unwrap()),
            [ice]
        );

        // Evidence: hacks with pooled results first, least pain first; the rest after.
        for (i, h) in [(0, ice), (1, heat)] {
            for m in 0..5 {
                let u = user(&store, &format!("sharer{i}{m}")).await;
                store.try_hack(h, u.id, day(1)).await.unwrap();
                store
                    .share_hack_result(h, u.id, &result(if h == heat { -1.5 } else { -0.5 }, true))
                    .await
                    .unwrap();
            }
        }
        assert_eq!(
            ids(store.hacks(Some(ann.id), None, HackOrder::Evidence, 0).await.unwrap()),
            [heat, ice, walk]
        );
        let (shown, _) = store.hack(heat, Some(ann.id)).await.unwrap();
        assert_eq!((shown.tried, shown.needs.minutes <= MINUTES_MAX), (5, true));
        assert_eq!(shown.tags, [Tag::BackPain, Tag::Back]);
    }
}

#[tokio::test]
async fn trying_a_hack_adds_it_to_the_diary_once() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ann, bob) = (user(&store, "ann").await, user(&store, "bob").await);
        let heat = hack(&store, ann.id, "Heat pad", &[]).await;
        let tried = store.try_hack(heat, bob.id, day(3)).await.unwrap();
        let strategy = store.strategy(bob.id, tried.strategy.unwrap()).await.unwrap();
        assert_eq!((strategy.name.as_deref(), strategy.category), (Some("Heat pad"), Category::Hack));
        assert_eq!(strategy.tracked_from, day(3));
        // Archived, then tried again: it comes back, and the first day stays.
        store.set_strategy_archived(bob.id, strategy.id, true).await.unwrap();
        let again = store.try_hack(heat, bob.id, day(9)).await.unwrap();
        assert_eq!(
            (again.strategy, again.tried_on, again.title.as_str()),
            (Some(strategy.id), day(3), "Heat pad")
        );
        assert!(!store.strategy(bob.id, strategy.id).await.unwrap().archived);
        assert_eq!(
            store.strategies(bob.id).await.unwrap().iter().filter(|s| s.category == Category::Hack).count(),
            1
        );

        // Asked once about sharing, from its day on.
        assert!(store.hacks_to_ask_about(bob.id, day(2)).await.unwrap().is_empty());
        assert_eq!(store.hacks_to_ask_about(bob.id, day(24)).await.unwrap(), [(heat, "Heat pad".to_owned())]);
        store.decline_hack_share(heat, bob.id).await.unwrap();
        assert!(store.hacks_to_ask_about(bob.id, day(24)).await.unwrap().is_empty());
        // Sharing needs a try.
        let stranger = store.share_hack_result(heat, ann.id, &result(-1.0, true)).await;
        assert!(matches!(stranger, Err(StoreError::NotFound)), "{stranger:?}");
    }
}

#[tokio::test]
async fn evidence_appears_at_five_members_and_goes_with_withdrawal_and_deletion() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let ann = user(&store, "ann").await;
        let heat = hack(&store, ann.id, "Heat pad", &[]).await;
        let mut sharers = Vec::new();
        for m in 0..5 {
            let u = user(&store, &format!("sharer{m}")).await;
            store.try_hack(heat, u.id, day(1)).await.unwrap();
            sharers.push(u);
        }
        let pooled = |store: Store| async move {
            store.hack(heat, None).await.unwrap().0.evidence.get(Outcome::Pain).map(|p| (p.members, p.helped))
        };
        // Four at once (both databases must pool every one of them), then the fifth.
        let four: Vec<_> = sharers
            .iter()
            .take(4)
            .map(|u| {
                let (store, id) = (store.clone(), u.id);
                tokio::spawn(async move { store.share_hack_result(heat, id, &result(-1.0, true)).await })
            })
            .collect();
        for task in four {
            task.await.unwrap().unwrap();
        }
        assert_eq!(pooled(store.clone()).await, None, "{:?}: four results show nothing", db.backend);
        store.share_hack_result(heat, sharers[4].id, &result(0.5, false)).await.unwrap();
        assert_eq!(pooled(store.clone()).await, Some((5, 4)));
        // Sharing again replaces, never adds.
        store.share_hack_result(heat, sharers[4].id, &result(-1.0, true)).await.unwrap();
        assert_eq!(pooled(store.clone()).await, Some((5, 5)));

        assert!(store.withdraw_hack_result(heat, sharers[0].id).await.unwrap());
        assert!(!store.withdraw_hack_result(heat, sharers[0].id).await.unwrap());
        assert_eq!(pooled(store.clone()).await, None, "withdrawn: back under five");
        store.share_hack_result(heat, sharers[0].id, &result(-1.0, true)).await.unwrap();
        assert_eq!(pooled(store.clone()).await, Some((5, 5)));
        store.delete_user(sharers[1].id).await.unwrap();
        assert_eq!(pooled(store.clone()).await, None, "a deleted member's result is gone from the aggregate");

        // Personal experiments are pooled apart: five of them, and the diary pool is untouched.
        for u in sharers.iter().filter(|u| u.id != sharers[1].id) {
            let both = [
                result(-1.0, true)[0],
                (
                    Source::Experiment,
                    Outcome::Pain,
                    Shared { estimate: -2.0, interval: [-2.5, -1.5], helps: true },
                ),
            ];
            store.share_hack_result(heat, u.id, &both).await.unwrap();
        }
        let (shown, _) = store.hack(heat, None).await.unwrap();
        assert_eq!(shown.evidence.get(Outcome::Pain).map(|p| p.members), None, "four diaries");
        assert_eq!(
            shown.experiments.get(Outcome::Pain).map(|p| (p.members, p.helped)),
            None,
            "four experiments"
        );
        let fifth = user(&store, "fifth").await;
        store.try_hack(heat, fifth.id, day(1)).await.unwrap();
        let only_experiment = [(
            Source::Experiment,
            Outcome::Pain,
            Shared { estimate: -1.8, interval: [-2.4, -1.2], helps: true },
        )];
        store.share_hack_result(heat, fifth.id, &only_experiment).await.unwrap();
        let (shown, _) = store.hack(heat, None).await.unwrap();
        assert_eq!(shown.experiments.get(Outcome::Pain).map(|p| p.members), Some(5));
        assert_eq!(shown.evidence.get(Outcome::Pain), None, "still four diaries");

        // The author's account goes, and the hack with it.
        store.delete_user(ann.id).await.unwrap();
        assert!(matches!(store.hack(heat, None).await, Err(StoreError::NotFound)));
        assert!(store.tried(sharers[0].id).await.unwrap().is_empty());
    }
}
