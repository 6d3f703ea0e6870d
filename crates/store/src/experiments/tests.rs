//! Experiments against real databases: the rules the store keeps for a plan.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use crate::testing::TestDb;
use crate::tests::{open, user};
use crate::{Conflict, ExperimentPlan, Store, StoreError, UserId};
use chrono::{Duration, NaiveDate};
use foothold_core::agency::Outcome;
use foothold_core::experiment::{Action, Event};
use foothold_core::strategy::StrategyId;

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap() + Duration::days(n)
}

async fn walk(store: &Store, u: UserId) -> StrategyId {
    store.ensure_builtin_strategies(u, day(0)).await.unwrap();
    store.strategies(u).await.unwrap().iter().find(|s| s.builtin_key.as_deref() == Some("walk")).unwrap().id
}

fn plan(strategy_a: StrategyId, outcome: Outcome, start: i64) -> ExperimentPlan {
    ExperimentPlan {
        strategy_a,
        strategy_b: None,
        outcome,
        period_days: 7,
        pairs: 3,
        washout_days: 0,
        seed: u64::MAX - 7,
        start: day(start),
        end: day(start + 41),
    }
}

#[tokio::test]
async fn plans_round_trip_and_never_overlap_on_one_outcome() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let u = user(&store, "planner").await;
        let w = walk(&store, u.id).await;
        let first = store.create_experiment(u.id, &plan(w, Outcome::Pain, 0)).await.unwrap();
        assert_eq!(first.plan, plan(w, Outcome::Pain, 0), "{:?}: the seed's top bit survives", db.backend);
        assert_eq!((first.version, first.kept), (1, false));
        let clash = store.create_experiment(u.id, &plan(w, Outcome::Pain, 41)).await;
        assert!(matches!(clash, Err(StoreError::Conflict(Conflict::ExperimentOverlap))), "{clash:?}");
        store.create_experiment(u.id, &plan(w, Outcome::Pain, 42)).await.unwrap();
        store.create_experiment(u.id, &plan(w, Outcome::Mood, 10)).await.unwrap();
        // Another member's strategy is refused; nothing is stored.
        let other = user(&store, "other").await;
        let theirs = walk(&store, other.id).await;
        let refused = store.create_experiment(u.id, &plan(theirs, Outcome::Sleep, 0)).await;
        assert!(matches!(refused, Err(StoreError::UnknownReference("strategy"))), "{refused:?}");
        assert_eq!(store.experiments(u.id).await.unwrap().len(), 3);
        assert!(store.experiments(other.id).await.unwrap().is_empty());
        assert!(matches!(store.experiment(other.id, first.id).await, Err(StoreError::NotFound)));
        // Those whose dates include a day, both ends included; newest start first.
        for (on, expected) in [(5, vec![0]), (41, vec![10, 0]), (42, vec![42, 10]), (84, vec![])] {
            let starts: Vec<NaiveDate> =
                store.experiments_on(u.id, day(on)).await.unwrap().iter().map(|e| e.plan.start).collect();
            assert_eq!(starts, expected.into_iter().map(day).collect::<Vec<_>>(), "day {on}");
        }
        assert!(store.experiments_on(other.id, day(5)).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn changes_apply_only_to_the_version_seen_and_are_kept_in_order() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let u = user(&store, "changer").await;
        let w = walk(&store, u.id).await;
        let e = store.create_experiment(u.id, &plan(w, Outcome::Pain, 0)).await.unwrap();
        let pause = Event { action: Action::Pause, day: day(3) };
        let e = store.record_experiment_event(u.id, e.id, 1, pause, &e.plan).await.unwrap();
        let stale = store.record_experiment_event(u.id, e.id, 1, pause, &e.plan).await;
        assert!(matches!(stale, Err(StoreError::Stale)), "{stale:?}");
        let mut longer = e.plan.clone();
        longer.pairs = 4;
        longer.end = day(55);
        let e = store
            .record_experiment_event(
                u.id,
                e.id,
                e.version,
                Event { action: Action::Extend, day: day(5) },
                &longer,
            )
            .await
            .unwrap();
        assert_eq!((e.plan.pairs, e.plan.end, e.version), (4, day(55), 3));
        assert_eq!(e.events.iter().map(|v| v.action).collect::<Vec<_>>(), [Action::Pause, Action::Extend]);
        store.set_followed(u.id, e.id, day(1), Some(false)).await.unwrap();
        store.set_followed(u.id, e.id, day(2), Some(true)).await.unwrap();
        store.set_followed(u.id, e.id, day(2), None).await.unwrap();
        let e = store.experiment(u.id, e.id).await.unwrap();
        assert_eq!(e.followed.into_iter().collect::<Vec<_>>(), [(day(1), false)]);
        let other = user(&store, "stranger").await;
        assert!(matches!(
            store.set_followed(other.id, e.id, day(1), Some(true)).await,
            Err(StoreError::NotFound)
        ));
    }
}

#[tokio::test]
async fn a_strategy_in_an_experiment_is_not_merged_away_but_the_account_still_deletes() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let u = user(&store, "merger").await;
        let w = walk(&store, u.id).await;
        let heat = store
            .strategies(u.id)
            .await
            .unwrap()
            .iter()
            .find(|s| s.builtin_key.as_deref() == Some("heat"))
            .unwrap()
            .id;
        let e = store.create_experiment(u.id, &plan(w, Outcome::Pain, 0)).await.unwrap();
        let merged = store.merge_strategies(u.id, w, heat).await;
        assert!(matches!(merged, Err(StoreError::Conflict(Conflict::StrategyInExperiment))), "{merged:?}");
        assert!(store.strategy(u.id, w).await.is_ok(), "nothing changed");
        let before = store.diary_revision(u.id).await.unwrap();
        store.keep_experiment(u.id, e.id, true).await.unwrap();
        assert!(store.diary_revision(u.id).await.unwrap() > before, "kept results show on the insights page");
        store.delete_user(u.id).await.unwrap();
        assert!(matches!(store.experiment(u.id, e.id).await, Err(StoreError::NotFound)));
    }
}
