//! The repository API against real databases: SQLite always, PostgreSQL when configured.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use crate::testing::TestDb;
use crate::{migrate, now, NewUser, Session, Store, StoreError, User};
use chrono::Duration;
use foothold_core::account::{Email, Handle, Role};

async fn open(db: &TestDb) -> Store {
    Store::open(&db.url, 4).await.unwrap_or_else(|e| panic!("{:?}: {e:?}", db.backend))
}

async fn user(store: &Store, handle: &str) -> User {
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
        assert!(matches!(again, Err(StoreError::Conflict("handle"))), "{:?}: {again:?}", db.backend);
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
async fn sqlite_backup_is_a_readable_copy_and_refuses_to_overwrite() {
    let db = TestDb::sqlite();
    let store = open(&db).await;
    user(&store, "backed_up").await;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("copy.db");
    store.backup_sqlite(&target).await.unwrap();
    assert!(matches!(store.backup_sqlite(&target).await, Err(StoreError::Conflict(_))));
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
