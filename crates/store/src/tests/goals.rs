//! Goals on both databases: a step tags its day, taking it back untags it, a plan starts once, and a flare pause opens and closes.

use super::{open, user};
use crate::testing::TestDb;
use crate::{CheckInWrite, StoreError};
use chrono::NaiveDate;
use foothold_core::checkin::Ratings;
use foothold_core::goal::{parse_new_goal, Pause};

#[tokio::test]
async fn a_goal_step_tags_its_day_and_survives_a_check_in_save() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let member = user(&store, "member").await.id;
        let other = user(&store, "other").await.id;
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let new = parse_new_goal("Walk", "minutes", "", "", "30", "Rest and heat").unwrap();
        let goal = store.create_goal(member, "n-1", &new, day).await.unwrap();
        let again = store.create_goal(member, "n-1", &new, day).await.unwrap();
        assert_eq!(again.id, goal.id, "{:?}: one goal per form", db.backend);
        assert_eq!(store.goals(member).await.unwrap().len(), 1);
        assert!(matches!(store.goal(other, goal.id).await, Err(StoreError::NotFound)), "not theirs");
        assert!(matches!(
            store.record_goal_step(other, goal.id, day, Some(5)).await,
            Err(StoreError::NotFound)
        ));

        store.record_goal_step(member, goal.id, day, Some(12)).await.unwrap();
        let strategy =
            store.strategies(member).await.unwrap().into_iter().find(|s| s.name.as_deref() == Some("Walk"));
        let strategy = strategy.unwrap();
        assert_eq!(strategy.category.as_str(), "goal");
        let checkin = store.checkin(member, day).await.unwrap().unwrap();
        assert_eq!(checkin.strategies, vec![strategy.id], "{:?}: the step tags the day", db.backend);

        let write = CheckInWrite {
            day,
            ratings: Ratings::default(),
            note: Some("ok"),
            flare: false,
            strategies: &[strategy.id],
            expected_version: Some(checkin.version),
        };
        let saved = store.save_checkin(member, &write).await.unwrap();
        store.record_goal_step(member, goal.id, day, Some(15)).await.unwrap();
        assert_eq!(store.goal_steps(member, goal.id).await.unwrap(), vec![(day, 15)], "replaced, not added");
        assert_eq!(store.goal_steps_on(member, day).await.unwrap(), vec![(goal.id, 15)]);
        store.record_goal_step(member, goal.id, day, None).await.unwrap();
        assert!(store.goal_steps(member, goal.id).await.unwrap().is_empty());
        let after = store.checkin(member, day).await.unwrap().unwrap();
        assert!(after.strategies.is_empty(), "{:?}: taken back, untagged", db.backend);
        assert!(after.version > saved.version, "an open form on the old version must not undo it");

        // A baseline day with nothing done is kept, and tags nothing.
        let next = day.succ_opt().unwrap();
        store.record_goal_step(member, goal.id, next, Some(0)).await.unwrap();
        assert_eq!(store.goal_steps(member, goal.id).await.unwrap(), vec![(next, 0)]);
        assert!(store.checkin(member, next).await.unwrap().is_none());
    }
}

#[tokio::test]
async fn a_plan_starts_once_and_a_flare_pauses_it() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let member = user(&store, "member").await.id;
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let new = parse_new_goal("Read", "pages", "80", "10", "", "").unwrap();
        let goal = store.create_goal(member, "n-2", &new, day).await.unwrap();
        assert!(goal.plan().is_none());
        assert!(
            matches!(store.pause_goal(member, goal.id, day).await, Err(StoreError::Stale)),
            "not started"
        );
        let started = store.start_goal(member, goal.id, 15.0, day).await.unwrap();
        assert_eq!(started.plan().unwrap().target(day), Some(12));
        assert!(matches!(store.start_goal(member, goal.id, 30.0, day).await, Err(StoreError::Stale)), "once");

        let flare = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let paused = store.pause_goal(member, goal.id, flare).await.unwrap();
        assert!(paused.paused());
        assert!(matches!(store.pause_goal(member, goal.id, flare).await, Err(StoreError::Stale)));
        let back = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        let resumed = store.resume_goal(member, goal.id, back, true).await.unwrap();
        assert_eq!(resumed.pauses, vec![Pause { from: flare, until: Some(back) }], "{:?}", db.backend);
        assert_eq!(resumed.steps_back, 1);
        assert!(!resumed.paused());

        let reached = store.goal_reached(member, goal.id, back).await.unwrap();
        assert_eq!(reached.reached_on, Some(back));
        assert!(matches!(store.goal_reached(member, goal.id, back).await, Err(StoreError::Stale)));
        let ended = store.end_goal(member, goal.id, back).await.unwrap();
        assert_eq!(ended.ended_on, Some(back));
    }
}
