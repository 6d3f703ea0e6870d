//! Group commit: many saves in one transaction, each judged and answered on its own.
//! Batches are handed to the writer directly, so each test knows which saves share one.

use super::{open, user};
use crate::batch::Save;
use crate::testing::TestDb;
use crate::writer::{Committer, Job, Saved};
use crate::{CheckInWrite, Result, Store, StoreError, UserId};
use chrono::NaiveDate;
use foothold_core::checkin::{Ratings, Score};
use foothold_core::strategy::StrategyId;
use tokio::sync::oneshot;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn ratings(pain: i64) -> Ratings {
    Ratings { pain: Score::new(pain), ..Ratings::default() }
}

fn save(user: UserId, d: u32, pain: i64, expected_version: Option<i64>) -> Save {
    Save {
        user: user.0,
        day: day(d),
        ratings: ratings(pain),
        note: Some(format!("pain {pain}")),
        flare: false,
        strategies: Vec::new(),
        expected_version,
    }
}

/// Commits `saves` as one batch and returns each one's answer, in order.
async fn batch(store: &Store, saves: Vec<Save>) -> Vec<Result<Saved>> {
    let (jobs, answers): (Vec<Job>, Vec<oneshot::Receiver<Result<Saved>>>) =
        saves.into_iter().map(Job::new).unzip();
    Committer::of(store).commit(jobs).await;
    let mut out = Vec::new();
    for a in answers {
        out.push(a.await.unwrap());
    }
    out
}

async fn pain(store: &Store, u: UserId, d: u32) -> Option<(i64, Option<u8>)> {
    store.checkin(u, day(d)).await.unwrap().map(|c| (c.version, c.ratings.pain.map(Score::value)))
}

fn version(answer: &Result<Saved>) -> Option<i64> {
    answer.as_ref().ok().map(|s| s.version)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_members_saving_at_once_all_land_with_their_own_outcome() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let mut members = Vec::new();
        for i in 0..24 {
            let u = user(&store, &format!("member{i}")).await;
            // Day 1 exists before the rush, so the rush can update it or find it stale.
            store.save_checkin(u.id, &write(1, 0, None)).await.unwrap();
            members.push(u.id);
        }
        // A second store, as another process would see the database: a save must be
        // committed before it is answered.
        let elsewhere = Store::connect(&db.url, 2).await.unwrap();
        let mut tasks = Vec::new();
        for (i, &u) in members.iter().enumerate() {
            let pain = i64::try_from(i % 11).unwrap();
            // Per member: new days 2..=9, a correct edit of day 1, and a stale first save of it.
            for (d, expected) in (2..10).map(|d| (d, None)).chain([(1, Some(1)), (1, None)]) {
                let (store, elsewhere) = (store.clone(), elsewhere.clone());
                tasks.push(tokio::spawn(async move {
                    let answer = store.save_checkin(u, &write(d, pain, expected)).await;
                    if let Ok(saved) = &answer {
                        let seen = elsewhere.checkin(u, day(d)).await.unwrap().map(|c| c.version);
                        assert!(seen >= Some(saved.version), "answered before it was committed");
                    }
                    (u, d, expected, answer)
                }));
            }
        }
        for t in tasks {
            let (u, d, expected, answer) = t.await.unwrap();
            match (d, expected, answer) {
                (1, None, Err(StoreError::Stale)) => {}
                (1, Some(1), Ok(c)) => assert_eq!(c.version, 2),
                (_, None, Ok(c)) => assert_eq!((c.day, c.version), (day(d), 1)),
                (d, e, a) => panic!("{:?}: member {u:?} day {d} expected {e:?}: {a:?}", db.backend),
            }
        }
        for (i, &u) in members.iter().enumerate() {
            let pain = Some(u8::try_from(i % 11).unwrap());
            let days = store.checkins(u, day(1), day(31)).await.unwrap();
            let got: Vec<_> = days.iter().map(|c| (c.version, c.ratings.pain.map(Score::value))).collect();
            let mut want = vec![(2, pain)];
            want.extend([(1, pain); 8]);
            assert_eq!(got, want, "{:?}: member {i}", db.backend);
            assert!(store.diary_revision(u).await.unwrap() >= 2);
        }
    }
}

fn write(d: u32, pain: i64, expected_version: Option<i64>) -> CheckInWrite<'static> {
    CheckInWrite {
        day: day(d),
        ratings: ratings(pain),
        note: None,
        flare: false,
        strategies: &[],
        expected_version,
    }
}

#[tokio::test]
async fn a_stale_save_in_a_batch_fails_alone_and_later_saves_of_a_day_see_earlier_ones() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (a, b) = (user(&store, "alpha").await.id, user(&store, "beta").await.id);
        store.save_checkin(a, &write(1, 5, None)).await.unwrap();
        let answers = batch(
            &store,
            vec![
                save(a, 1, 9, Some(7)),
                save(a, 2, 2, None),
                save(b, 1, 3, None),
                save(a, 1, 4, Some(1)),
                save(a, 1, 6, Some(2)),
            ],
        )
        .await;
        assert!(matches!(answers[0], Err(StoreError::Stale)), "{:?}", answers[0]);
        let versions: Vec<_> = answers[1..].iter().map(version).collect();
        assert_eq!(versions, [Some(1), Some(1), Some(2), Some(3)], "{:?}", db.backend);
        assert_eq!(pain(&store, a, 1).await, Some((3, Some(6))), "applied in order");
        assert_eq!(pain(&store, a, 2).await, Some((1, Some(2))));
        assert_eq!(pain(&store, b, 1).await, Some((1, Some(3))));
        assert_eq!(store.diary_revision(a).await.unwrap(), 2, "one bump for the whole batch");
    }
}

#[tokio::test]
async fn two_first_saves_of_one_day_in_one_batch_give_one_success_and_one_stale() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let a = user(&store, "alpha").await.id;
        let answers = batch(&store, vec![save(a, 5, 3, None), save(a, 5, 8, None)]).await;
        assert_eq!(version(&answers[0]), Some(1), "{:?}: {answers:?}", db.backend);
        assert!(matches!(answers[1], Err(StoreError::Stale)), "{:?}: {answers:?}", db.backend);
        assert_eq!(pain(&store, a, 5).await, Some((1, Some(3))));
    }
}

#[tokio::test]
async fn an_unknown_strategy_refuses_only_its_save_and_changes_nothing_of_it() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (a, b) = (user(&store, "alpha").await.id, user(&store, "beta").await.id);
        let mine = store.create_strategy(a, "Swimming", day(1)).await.unwrap().id;
        let theirs = store.create_strategy(b, "Knitting", day(1)).await.unwrap().id;
        let tagged = CheckInWrite { strategies: &[mine], ..write(3, 5, None) };
        store.save_checkin(a, &tagged).await.unwrap();
        let with = |mut s: Save, ids: &[StrategyId]| {
            s.strategies = ids.iter().map(|s| s.0).collect();
            s
        };
        let answers = batch(
            &store,
            vec![
                with(save(a, 2, 1, None), &[mine, theirs]),
                with(save(a, 3, 1, Some(1)), &[theirs]),
                with(save(a, 4, 1, None), &[mine]),
                with(save(b, 2, 1, None), &[theirs]),
                with(save(a, 5, 1, None), &[StrategyId(i64::MAX)]),
            ],
        )
        .await;
        for i in [0, 1, 4] {
            assert!(
                matches!(answers[i], Err(StoreError::UnknownReference("strategy"))),
                "{:?} save {i}: {:?}",
                db.backend,
                answers[i]
            );
        }
        assert_eq!((version(&answers[2]), version(&answers[3])), (Some(1), Some(1)));
        assert!(store.checkin(a, day(2)).await.unwrap().is_none());
        assert!(store.checkin(a, day(5)).await.unwrap().is_none());
        let kept = store.checkin(a, day(3)).await.unwrap().unwrap();
        assert_eq!((kept.version, kept.strategies), (1, vec![mine]), "the refused edit changed nothing");
        assert_eq!(store.checkin(a, day(4)).await.unwrap().unwrap().strategies, vec![mine]);
        assert_eq!(store.checkin(b, day(2)).await.unwrap().unwrap().strategies, vec![theirs]);
    }
}

#[tokio::test]
async fn a_database_error_in_a_batch_fails_only_its_save() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let a = user(&store, "alpha").await.id;
        // No such member: the foreign key fails the batch's insert, then this save alone.
        let nobody = UserId(i64::from(i32::MAX));
        let answers =
            batch(&store, vec![save(a, 1, 2, None), save(nobody, 1, 2, None), save(a, 2, 3, None)]).await;
        assert!(matches!(answers[1], Err(StoreError::Database(_))), "{:?}: {answers:?}", db.backend);
        assert_eq!((version(&answers[0]), version(&answers[2])), (Some(1), Some(1)));
        assert_eq!(pain(&store, a, 1).await, Some((1, Some(2))));
        assert_eq!(pain(&store, a, 2).await, Some((1, Some(3))));
    }
}

#[tokio::test]
async fn replies_share_a_batch_with_check_ins_and_each_gets_its_own_answer() {
    use crate::threads::NewReply;
    use crate::{Posted, Posting, Target};
    use foothold_core::community::{parse_group, parse_thread, ModAction};
    for db in TestDb::all().await {
        let store = open(&db).await;
        let host = user(&store, "host").await;
        let g = store
            .create_group(host.id, &parse_group("Pacing", "support", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let mut threads = Vec::new();
        for n in ["open", "locked"] {
            let t = parse_thread(n, "first").unwrap();
            threads.push(store.start_thread(g.id, host.id, n, &t, Posting::default()).await.unwrap().thread);
        }
        let (open_thread, locked) = (threads[0], threads[1]);
        store.moderate(g.id, host.id, ModAction::Lock, Target::Thread(locked), None).await.unwrap();
        let reply = |thread: crate::ThreadId, author: UserId, nonce: &str| NewReply {
            thread,
            author: author.0,
            nonce: nonce.to_owned(),
            body: format!("reply {nonce}"),
            posting: Posting::default(),
        };
        let nobody = UserId(i64::from(i32::MAX));
        let replies = [
            reply(open_thread, host.id, "a"),
            reply(locked, host.id, "b"),
            reply(open_thread, host.id, "a"), // the same form twice in one batch
            reply(crate::ThreadId(open_thread.0 + 1000), host.id, "c"),
            // No such member: the foreign key fails the batch, then this reply alone.
            reply(open_thread, nobody, "d"),
            reply(open_thread, host.id, "e"),
        ];
        let (mut jobs, mut answers) = (Vec::new(), Vec::new());
        let (job, checkin) = Job::new(save(host.id, 1, 4, None));
        jobs.push(job);
        for r in replies {
            let (job, answer) = Job::reply(r);
            jobs.push(job);
            answers.push(answer);
        }
        Committer::of(&store).commit(jobs).await;
        assert_eq!(version(&checkin.await.unwrap()), Some(1), "{:?}", db.backend);
        let mut got = Vec::new();
        for a in answers {
            got.push(a.await.unwrap());
        }
        let first = got[0].as_ref().map(|p: &Posted| (p.thread, p.created)).unwrap();
        assert_eq!(first, (open_thread, true), "{:?}", db.backend);
        assert!(matches!(got[1], Err(StoreError::Conflict(crate::Conflict::ThreadLocked))), "{:?}", got[1]);
        let twice = got[2].as_ref().unwrap();
        assert_eq!((twice.post, twice.created), (got[0].as_ref().unwrap().post, false));
        assert!(matches!(got[3], Err(StoreError::NotFound)), "{:?}", got[3]);
        assert!(matches!(got[4], Err(StoreError::Database(_))), "{:?}", got[4]);
        assert!(got[5].as_ref().unwrap().created);
        // The opening post and the two replies made; the locked thread took none.
        assert_eq!(store.thread(open_thread).await.unwrap().posts, 3, "{:?}", db.backend);
        assert_eq!(store.thread(locked).await.unwrap().posts, 1);
        assert_eq!(pain(&store, host.id, 1).await, Some((1, Some(4))));
    }
}
