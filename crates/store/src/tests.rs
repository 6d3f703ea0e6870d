//! The repository API against real databases: SQLite always, PostgreSQL when configured.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

mod community;
mod erasure;
mod goals;
mod group_commit;
mod group_sessions;
mod hacks;
mod messages;
mod notifications;
mod questionnaires;
mod reminders;
mod safety;
mod search;
mod shares;

use crate::testing::TestDb;
use crate::{migrate, now, Conflict, NewUser, Session, Store, StoreError, User};
use chrono::Duration;
use foothold_core::account::{Email, Handle, Role};

pub(crate) async fn open(db: &TestDb) -> Store {
    Store::open(&db.url, 4).await.unwrap_or_else(|e| panic!("{:?}: {e:?}", db.backend))
}

pub(crate) async fn user(store: &Store, handle: &str) -> User {
    let handle = Handle::parse(handle).unwrap();
    let email = Email::parse_optional("someone@example.org").unwrap();
    store
        .create_user(NewUser {
            handle: &handle,
            password_hash: "$argon2id$stub",
            email: email.as_ref(),
            role: Role::Member,
            created_at: now(),
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn handles_are_unique_whatever_their_case() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let first = user(&store, "River").await;
        assert_eq!(first.handle, "River");
        let again = store
            .create_user(NewUser {
                handle: &Handle::parse("rIVER").unwrap(),
                password_hash: "x",
                email: None,
                role: Role::Member,
                created_at: now(),
            })
            .await;
        assert!(matches!(again, Err(StoreError::Conflict(Conflict::Handle))), "{:?}: {again:?}", db.backend);
        assert_eq!(store.count_users().await.unwrap(), 1);
        let found = store.user_by_handle(&Handle::parse("river").unwrap()).await.unwrap();
        assert_eq!(found.id, first.id);
    }
}

#[tokio::test]
async fn sessions_expire_and_can_be_ended_except_the_current_one() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let u = user(&store, "sessions").await;
        let t = now();
        let live =
            Session { token_hash: "a".into(), csrf_token: "c1".into(), expires_at: t + Duration::hours(1) };
        let other =
            Session { token_hash: "b".into(), csrf_token: "c2".into(), expires_at: t + Duration::hours(1) };
        store.create_session(u.id, &live, t).await.unwrap();
        store.create_session(u.id, &other, t).await.unwrap();

        let found = store.session("a", t).await.unwrap().unwrap();
        assert_eq!((found.user.id, found.session.csrf_token.as_str()), (u.id, "c1"));
        assert!(store.session("a", t + Duration::hours(2)).await.unwrap().is_none(), "expired");
        assert!(store.session("nope", t).await.unwrap().is_none());

        assert_eq!(store.delete_other_sessions(u.id, Some("a")).await.unwrap(), 1);
        assert!(store.session("b", t).await.unwrap().is_none());
        assert!(store.session("a", t).await.unwrap().is_some());

        store.extend_session("a", t + Duration::hours(5)).await.unwrap();
        assert!(store.session("a", t + Duration::hours(2)).await.unwrap().is_some(), "extended");
        assert_eq!(store.purge_expired_sessions(t + Duration::hours(6)).await.unwrap(), 1);
    }
}

#[tokio::test]
async fn tokens_belong_to_their_owner_only() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let a = user(&store, "owner").await;
        let b = user(&store, "stranger").await;
        let tok = store.create_token(a.id, "my script", "hash1", now()).await.unwrap();
        let (found, owner) = store.token_user("hash1").await.unwrap().unwrap();
        assert_eq!((found.id, owner.id), (tok.id, a.id));
        assert!(matches!(store.delete_token(b.id, tok.id).await, Err(StoreError::NotFound)));
        assert_eq!(store.tokens(a.id).await.unwrap().len(), 1);
        store.mark_token_used(tok.id, now()).await.unwrap();
        assert!(store.tokens(a.id).await.unwrap()[0].last_used_at.is_some());
        store.delete_token(a.id, tok.id).await.unwrap();
        assert!(store.token_user("hash1").await.unwrap().is_none());
    }
}

#[tokio::test]
async fn rate_limit_counts_per_window_and_concurrently() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let t = 1_000_000;
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let s = store.clone();
            tasks.push(tokio::spawn(async move { s.hit("login:ip:x", 60, t).await.unwrap() }));
        }
        let mut counts = Vec::new();
        for task in tasks {
            counts.push(task.await.unwrap());
        }
        counts.sort();
        assert_eq!(counts, (1..=20).collect::<Vec<i64>>(), "{:?}: every hit counted once", db.backend);
        assert_eq!(store.hits("login:ip:x", 60, t + 10).await.unwrap(), 20);
        assert_eq!(store.hit("login:ip:x", 60, t + 60).await.unwrap(), 1, "new window");
        store.clear_hits("login:ip:x").await.unwrap();
        assert_eq!(store.hits("login:ip:x", 60, t + 60).await.unwrap(), 0);
    }
}

#[tokio::test]
async fn deleting_a_user_leaves_no_row_behind() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let gone = user(&store, "leaving").await;
        let stays = user(&store, "staying").await;
        for u in [&gone, &stays] {
            let s = Session {
                token_hash: format!("s{}", u.id.0),
                csrf_token: "c".into(),
                expires_at: now() + Duration::hours(1),
            };
            store.create_session(u.id, &s, now()).await.unwrap();
            store.create_token(u.id, "t", &format!("t{}", u.id.0), now()).await.unwrap();
        }
        store.delete_user(gone.id).await.unwrap();
        assert!(matches!(store.user(gone.id).await, Err(StoreError::NotFound)));
        assert!(store.session(&format!("s{}", gone.id.0), now()).await.unwrap().is_none());
        assert!(store.token_user(&format!("t{}", gone.id.0)).await.unwrap().is_none());
        assert!(store.session(&format!("s{}", stays.id.0), now()).await.unwrap().is_some());
        assert!(matches!(store.delete_user(gone.id).await, Err(StoreError::NotFound)));
    }
}

#[tokio::test]
async fn every_migration_down_undoes_its_up_and_migrating_twice_is_a_no_op() {
    for db in TestDb::all().await {
        let store = Store::connect(&db.url, 2).await.unwrap();
        assert_eq!(store.schema_version().await.unwrap(), 0);
        let applied = store.migrate().await.unwrap();
        assert_eq!(applied.len(), migrate::MIGRATIONS.len());
        assert!(store.migrate().await.unwrap().is_empty(), "second run applies nothing");
        assert_eq!(store.schema_version().await.unwrap(), migrate::latest_version());
        store.migrate_down_to(0).await.unwrap();
        assert_eq!(store.schema_version().await.unwrap(), 0);
        // If a down step forgot a table, the up step would now fail on "already exists".
        assert_eq!(store.migrate().await.unwrap().len(), migrate::MIGRATIONS.len());
    }
}

#[tokio::test]
async fn an_edited_released_migration_stops_the_start_and_old_rows_get_their_checksum() {
    for db in TestDb::all().await {
        let store = Store::connect(&db.url, 2).await.unwrap();
        store.migrate().await.unwrap();
        let set = |sql: &'static str| {
            let store = store.clone();
            async move {
                crate::on_db!(store, |pool| sqlx::query(sql).execute(pool).await.map(|r| r.rows_affected()))
                    .unwrap()
            }
        };
        // A database from before checksums: the rows get theirs, and nothing else changes.
        set("UPDATE schema_migrations SET checksum = NULL").await;
        assert!(store.migrate().await.unwrap().is_empty());
        assert!(store.migrate().await.unwrap().is_empty(), "the filled-in checksums match");
        // A step whose SQL changed after it was applied.
        set("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2").await;
        let e = store.migrate().await.unwrap_err();
        assert!(matches!(e, StoreError::MigrationChanged { version: 2, .. }), "{e:?}");
        assert!(e.to_string().contains("must never be edited"));
    }
}

#[tokio::test]
async fn sqlite_backup_is_a_readable_copy_and_refuses_to_overwrite() {
    let db = TestDb::sqlite();
    let store = open(&db).await;
    user(&store, "backed_up").await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("copy.db");
    store.backup_sqlite(&target).await.unwrap();
    assert!(matches!(store.backup_sqlite(&target).await, Err(StoreError::Conflict(Conflict::BackupExists))));
    let copy = Store::open(&format!("sqlite://{}", target.display()), 1).await.unwrap();
    assert_eq!(copy.count_users().await.unwrap(), 1);
}

#[tokio::test]
async fn session_cache_is_invalidated_here_at_once_and_elsewhere_within_its_ttl() {
    for db in TestDb::all().await {
        let here = open(&db).await;
        // Another app server: same database, its own cache.
        let there = Store::connect(&db.url, 2).await.unwrap();
        let uncached =
            Store::connect(&db.url, 2).await.unwrap().with_session_cache(std::time::Duration::ZERO);
        let u = user(&here, "cached").await;
        let t = now();
        for hash in ["x1", "x2"] {
            let s = Session {
                token_hash: hash.into(),
                csrf_token: "c".into(),
                expires_at: t + Duration::hours(1),
            };
            here.create_session(u.id, &s, t).await.unwrap();
        }
        for store in [&here, &there, &uncached] {
            assert!(store.session("x1", t).await.unwrap().is_some());
            assert!(store.session("x2", t).await.unwrap().is_some());
        }
        here.delete_session("x1").await.unwrap();
        here.set_locale(u.id, Some("en")).await.unwrap();
        assert!(here.session("x1", t).await.unwrap().is_none(), "same process: at once");
        assert_eq!(here.session("x2", t).await.unwrap().unwrap().user.locale.as_deref(), Some("en"));
        assert!(uncached.session("x1", t).await.unwrap().is_none(), "no cache: at once");
        assert!(there.session("x1", t).await.unwrap().is_some(), "other process: stale within the TTL");
        assert!(there.session("x1", t + Duration::hours(2)).await.unwrap().is_none(), "expiry still applies");
    }
}

mod diary {
    use super::{open, user};
    use crate::testing::TestDb;
    use crate::{CheckInWrite, Conflict, StoreError};
    use chrono::NaiveDate;
    use foothold_core::checkin::{Ratings, Score};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn ratings(pain: i64) -> Ratings {
        Ratings { pain: Score::new(pain), mood: Score::new(6), ..Ratings::default() }
    }

    #[tokio::test]
    async fn strategies_start_with_the_built_in_list_and_names_are_unique_per_member() {
        for db in TestDb::all().await {
            let store = open(&db).await;
            let (a, b) = (user(&store, "alpha").await, user(&store, "beta").await);
            store.ensure_builtin_strategies(a.id, day(1)).await.unwrap();
            store.ensure_builtin_strategies(a.id, day(2)).await.unwrap();
            let list = store.strategies(a.id).await.unwrap();
            assert_eq!(list.len(), foothold_core::strategy::BUILT_IN.len(), "seeding is idempotent");
            assert!(list.iter().all(|s| s.tracked_from == day(1)));
            store.create_strategy(a.id, "Warm bath", day(3)).await.unwrap();
            assert!(matches!(
                store.create_strategy(a.id, "warm BATH", day(3)).await,
                Err(StoreError::Conflict(Conflict::StrategyName))
            ));
            assert!(
                store.create_strategy(b.id, "Warm bath", day(3)).await.is_ok(),
                "another member may use the name"
            );
        }
    }

    #[tokio::test]
    async fn a_check_in_is_created_then_edited_by_version_and_stale_forms_change_nothing() {
        for db in TestDb::all().await {
            let store = open(&db).await;
            let u = user(&store, "diarist").await;
            store.ensure_builtin_strategies(u.id, day(1)).await.unwrap();
            let ids: Vec<foothold_core::strategy::StrategyId> =
                store.strategies(u.id).await.unwrap().iter().map(|s| s.id).take(3).collect();

            let first = CheckInWrite {
                day: day(5),
                ratings: ratings(7),
                note: Some("hard day"),
                flare: true,
                strategies: &ids[..2],
                expected_version: None,
            };
            assert_eq!(store.diary_revision(u.id).await.unwrap(), 0);
            let saved = store.save_checkin(u.id, &first).await.unwrap();
            assert_eq!(store.diary_revision(u.id).await.unwrap(), 1, "a save changes the revision");
            assert_eq!(
                (saved.version, saved.ratings.pain.map(Score::value), saved.strategies.len()),
                (1, Some(7), 2)
            );
            assert!(store.checkin(u.id, day(5)).await.unwrap().unwrap().flare, "the flare is kept");

            let edit = CheckInWrite {
                ratings: ratings(4),
                note: None,
                flare: false,
                strategies: &ids[2..],
                expected_version: Some(1),
                ..first
            };
            let edited = store.save_checkin(u.id, &edit).await.unwrap();
            assert_eq!(
                (edited.version, edited.ratings.pain.map(Score::value), edited.note.clone()),
                (2, Some(4), None)
            );
            assert_eq!(edited.strategies, ids[2..].to_vec());

            // A second tab still showing version 1, and a "new" form for a day that has one.
            for stale in [Some(1), None] {
                let w = CheckInWrite { ratings: ratings(9), expected_version: stale, ..edit };
                assert!(matches!(store.save_checkin(u.id, &w).await, Err(StoreError::Stale)));
            }
            assert_eq!(store.checkin(u.id, day(5)).await.unwrap().unwrap(), edited, "nothing changed");
            assert_eq!(store.diary_revision(u.id).await.unwrap(), 2, "refused saves leave it");

            assert!(matches!(store.delete_checkin(u.id, day(5), 1).await, Err(StoreError::Stale)));
            store.delete_checkin(u.id, day(5), 2).await.unwrap();
            assert_eq!(store.diary_revision(u.id).await.unwrap(), 3, "so does a delete");
            assert!(store.checkin(u.id, day(5)).await.unwrap().is_none());
            assert!(matches!(store.delete_checkin(u.id, day(5), 2).await, Err(StoreError::NotFound)));
        }
    }

    #[tokio::test]
    async fn another_members_strategy_is_refused_and_the_whole_save_undone() {
        for db in TestDb::all().await {
            let store = open(&db).await;
            let (a, b) = (user(&store, "owner1").await, user(&store, "other1").await);
            let mine = store.create_strategy(a.id, "Swimming", day(1)).await.unwrap();
            let theirs = store.create_strategy(b.id, "Knitting", day(1)).await.unwrap();
            let w = CheckInWrite {
                day: day(2),
                ratings: ratings(3),
                note: None,
                flare: false,
                strategies: &[mine.id, theirs.id],
                expected_version: None,
            };
            assert!(matches!(
                store.save_checkin(a.id, &w).await,
                Err(StoreError::UnknownReference("strategy"))
            ));
            assert!(store.checkin(a.id, day(2)).await.unwrap().is_none(), "rolled back");
        }
    }

    #[tokio::test]
    async fn ranges_are_ordered_and_strategy_use_is_counted() {
        for db in TestDb::all().await {
            let store = open(&db).await;
            let u = user(&store, "ranger").await;
            let walk = store.create_strategy(u.id, "Walk by the river", day(1)).await.unwrap();
            let rest = store.create_strategy(u.id, "Rest", day(1)).await.unwrap();
            for d in [9, 3, 6] {
                let tags = if d == 6 { vec![rest.id] } else { vec![walk.id] };
                let w = CheckInWrite {
                    day: day(d),
                    ratings: ratings(i64::from(d)),
                    note: None,
                    flare: false,
                    strategies: &tags,
                    expected_version: None,
                };
                store.save_checkin(u.id, &w).await.unwrap();
            }
            let days: Vec<u32> = store
                .checkins(u.id, day(3), day(8))
                .await
                .unwrap()
                .iter()
                .map(|c| chrono::Datelike::day(&c.day))
                .collect();
            assert_eq!(days, [3, 6]);
            let list = store.strategies(u.id).await.unwrap();
            assert_eq!((list[0].id, list[0].uses, list[1].uses), (walk.id, 2, 1), "most used first");
            store.delete_user(u.id).await.unwrap();
            assert!(store.checkins(u.id, day(1), day(30)).await.unwrap().is_empty());
        }
    }

    #[tokio::test]
    async fn racing_first_saves_of_one_day_leave_exactly_one() {
        for db in TestDb::all().await {
            let store = open(&db).await;
            let u = user(&store, "racer").await;
            let mut tasks = Vec::new();
            for pain in 0..6 {
                let store = store.clone();
                tasks.push(tokio::spawn(async move {
                    let w = CheckInWrite {
                        day: day(7),
                        ratings: ratings(pain),
                        note: None,
                        flare: false,
                        strategies: &[],
                        expected_version: None,
                    };
                    store.save_checkin(u.id, &w).await
                }));
            }
            let mut ok = 0;
            for t in tasks {
                match t.await.unwrap() {
                    Ok(_) => ok += 1,
                    Err(StoreError::Stale) => {}
                    Err(e) => panic!("{:?}: {e:?}", db.backend),
                }
            }
            assert_eq!(ok, 1, "{:?}", db.backend);
            assert_eq!(store.checkin(u.id, day(7)).await.unwrap().unwrap().version, 1);
        }
    }

    #[tokio::test]
    async fn a_practised_skill_is_tagged_once_per_day_and_keeps_the_day_s_ratings() {
        for db in TestDb::all().await {
            let store = open(&db).await;
            let u = user(&store, "practiser").await;
            let first = store.log_skill(u.id, "slow-breathing", "Slow breathing", day(3)).await.unwrap();
            assert_eq!((first.version, first.ratings, first.strategies.len()), (1, Ratings::default(), 1));
            let again = store.log_skill(u.id, "slow-breathing", "Slow breathing", day(3)).await.unwrap();
            assert_eq!(again, first, "logging twice changes nothing");
            assert_eq!(store.diary_revision(u.id).await.unwrap(), 1);

            let w = CheckInWrite {
                day: day(4),
                ratings: ratings(6),
                note: Some("ok"),
                flare: false,
                strategies: &[],
                expected_version: None,
            };
            store.save_checkin(u.id, &w).await.unwrap();
            let tagged = store.log_skill(u.id, "slow-breathing", "Slow breathing", day(4)).await.unwrap();
            assert_eq!(
                (tagged.version, tagged.ratings, tagged.strategies),
                (2, ratings(6), first.strategies.clone())
            );
            let skills: Vec<_> = store
                .strategies(u.id)
                .await
                .unwrap()
                .into_iter()
                .filter(|s| s.name.as_deref() == Some("Slow breathing"))
                .collect();
            assert_eq!((skills.len(), skills[0].uses, skills[0].category.as_str()), (1, 2, "skill"));
            let stale = CheckInWrite { expected_version: Some(1), ..w };
            assert!(
                matches!(store.save_checkin(u.id, &stale).await, Err(StoreError::Stale)),
                "an old form cannot drop the tag"
            );
        }
    }
}

mod exchange {
    use super::{open, user};
    use crate::testing::TestDb;
    use chrono::NaiveDate;
    use foothold_core::diary_csv;

    const CSV: &str = "date,pain,peg_pain,peg_enjoyment,peg_activity,mood,sleep,control,strategies,note\n\
        2026-10-01,6,5,4,6,5,7,3,walk;Support group;Warm bath,\"Slow start, better later\"\n\
        2026-10-02,4,,,,6,,5,warm BATH,\n\
        2026-10-04,,,,,,,,,\n";

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[tokio::test]
    async fn import_is_idempotent_dry_runs_write_nothing_and_export_round_trips() {
        for db in TestDb::all().await {
            let store = open(&db).await;
            let u = user(&store, "importer").await;
            let rows = diary_csv::parse(CSV.as_bytes(), today()).unwrap();

            let preview = store.import_diary(u.id, &rows, today(), true).await.unwrap();
            assert_eq!((preview.created, preview.new_strategies.clone()), (3, vec!["Warm bath".to_owned()]));
            assert!(store.export_diary(u.id).await.unwrap().is_empty(), "dry run wrote nothing");
            assert_eq!(store.diary_revision(u.id).await.unwrap(), 0, "nor changed the revision");

            let first = store.import_diary(u.id, &rows, today(), false).await.unwrap();
            assert_eq!((first.created, first.updated, first.unchanged), (3, 0, 0));
            assert_eq!(store.diary_revision(u.id).await.unwrap(), 1);
            let again = store.import_diary(u.id, &rows, today(), false).await.unwrap();
            assert_eq!(
                (again.created, again.updated, again.unchanged, again.new_strategies.len()),
                (0, 0, 3, 0)
            );
            let day1 = store.checkin(u.id, rows[0].date).await.unwrap().unwrap();
            assert_eq!(
                (day1.version, day1.strategies.len()),
                (1, 3),
                "built-ins matched by key and by words"
            );

            let exported = store.export_diary(u.id).await.unwrap();
            let mut out = Vec::new();
            diary_csv::write(&exported, &mut out).unwrap();
            let other = user(&store, "copy").await;
            let reread = diary_csv::parse(&out, today()).unwrap();
            store.import_diary(other.id, &reread, today(), false).await.unwrap();
            assert_eq!(
                store.export_diary(other.id).await.unwrap(),
                exported,
                "export → import gives the same diary"
            );

            let mut changed = rows.clone();
            changed[1].note = Some("edited".into());
            let third = store.import_diary(u.id, &changed, today(), false).await.unwrap();
            assert_eq!((third.updated, third.unchanged), (1, 2));
            assert_eq!(store.checkin(u.id, rows[1].date).await.unwrap().unwrap().version, 2);
        }
    }
}

#[tokio::test]
async fn a_time_zone_is_parsed_when_saved_and_a_damaged_one_is_an_error_not_utc() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let u = user(&store, "ann").await;
        store.set_time_zone(u.id, chrono_tz::Europe::Berlin).await.unwrap();
        assert_eq!(store.user(u.id).await.unwrap().time_zone, chrono_tz::Europe::Berlin);
        assert_eq!(store.time_zone(u.id).await.unwrap(), chrono_tz::Europe::Berlin);
        // Only a damaged row can hold a name that is not a zone: reading it must say so
        // rather than quietly move the member's "today" to UTC.
        crate::on_db!(store, |pool| sqlx::query("UPDATE users SET time_zone = 'Mars/Olympus'")
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))
        .unwrap();
        assert!(
            matches!(store.user(u.id).await, Err(StoreError::Corrupt("users.time_zone"))),
            "{:?}",
            db.backend
        );
        assert!(matches!(store.time_zone(u.id).await, Err(StoreError::Corrupt("users.time_zone"))));
    }
}
