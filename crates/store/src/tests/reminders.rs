//! The reminder queue on both databases: two servers claiming at once never get the same
//! reminder; a completed one moves on to its next occurrence; a claim whose server died
//! expires and is claimed again; removing a reminder removes its queued occurrence.

use super::{open, user};
use crate::testing::TestDb;
use crate::Done;
use chrono::{Duration, NaiveTime, TimeZone, Utc};
use foothold_core::reminder::{Kind, Quiet};
use std::collections::BTreeSet;

#[tokio::test]
async fn two_servers_never_claim_the_same_reminder_and_a_dead_claim_expires() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap();
        let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
        let mut members = Vec::new();
        for n in 0..30 {
            let m = user(&store, &format!("member{n}")).await.id;
            let token = format!("token-{n}");
            store
                .set_reminder(m, Kind::Checkin, Some(eight), now - Duration::minutes(n), &token)
                .await
                .unwrap();
            members.push(m);
        }
        let later = user(&store, "later").await.id;
        store.set_reminder(later, Kind::Goal, Some(eight), now + Duration::hours(1), "later").await.unwrap();
        assert_eq!(store.reminder_by_token("later").await.unwrap(), Some((later, Kind::Goal)));
        store
            .set_quiet_hours(later, Some(Quiet { from: eight, until: eight + Duration::hours(1) }))
            .await
            .unwrap();
        assert!(store.quiet_hours(later).await.unwrap().is_some());

        let lease = Duration::minutes(5);
        let (a, b) = tokio::join!(
            store.claim_reminders("server-a", now, lease, 20),
            store.claim_reminders("server-b", now, lease, 20)
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        let ids_a: BTreeSet<i64> = a.iter().map(|c| c.id).collect();
        let ids_b: BTreeSet<i64> = b.iter().map(|c| c.id).collect();
        assert!(ids_a.is_disjoint(&ids_b), "{:?}: claimed twice", db.backend);
        assert_eq!(ids_a.len() + ids_b.len(), 30, "{:?}: every due one, the later one not", db.backend);
        assert!(a.iter().chain(&b).all(|c| c.kind == Kind::Checkin && c.at == eight && c.email.is_none()));
        assert!(store.claim_reminders("server-c", now, lease, 100).await.unwrap().is_empty(), "all held");

        // Server a finishes; server b dies. Completing with someone else's claim does nothing.
        let tomorrow = now + Duration::days(1);
        let done_a: Vec<Done> = a.iter().map(|c| Done { id: c.id, next: tomorrow, sent: true }).collect();
        assert_eq!(store.complete_reminders("server-b", &done_a).await.unwrap(), 0);
        assert_eq!(store.complete_reminders("server-a", &done_a).await.unwrap(), a.len() as u64);
        let first = a.first().unwrap();
        assert_eq!(store.reminder_due(first.user, Kind::Checkin).await.unwrap(), Some(tomorrow));
        assert_eq!(store.reminders_sent(first.user, Kind::Checkin).await.unwrap(), 1);

        let after_lease = now + lease + Duration::seconds(1);
        let again = store.claim_reminders("server-c", after_lease, lease, 100).await.unwrap();
        let ids_again: BTreeSet<i64> = again.iter().map(|c| c.id).collect();
        assert_eq!(ids_again, ids_b, "{:?}: only the dead server's claims come back", db.backend);

        // Removing a reminder removes its occurrence.
        store.set_reminder(later, Kind::Goal, None, now, "").await.unwrap();
        assert_eq!(store.reminder_by_token("later").await.unwrap(), None);
        assert!(store.reminders(later).await.unwrap().is_empty());
        assert_eq!(store.reminder_due(later, Kind::Goal).await.unwrap(), None);
        assert!(store
            .claim_reminders("server-d", now + Duration::days(3), lease, 100)
            .await
            .unwrap()
            .iter()
            .all(|c| c.user != later));
    }
}

#[tokio::test]
async fn an_email_link_works_once_and_only_for_the_current_address() {
    use crate::Purpose;
    for db in TestDb::all().await {
        let store = open(&db).await;
        let m = user(&store, "mailer").await.id;
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap();
        store.set_email(m, Some("Fern@Example.org")).await.unwrap();
        assert_eq!(store.email_status(m).await.unwrap(), (Some("Fern@Example.org".into()), false));
        store
            .create_email_token(m, "h1", Purpose::Verify, "Fern@Example.org", now + Duration::hours(24))
            .await
            .unwrap();
        assert_eq!(store.use_email_token("h1", Purpose::Reset, now).await.unwrap(), None, "another purpose");
        assert_eq!(
            store.use_email_token("h1", Purpose::Verify, now + Duration::days(2)).await.unwrap(),
            None,
            "expired"
        );
        assert_eq!(store.use_email_token("h1", Purpose::Verify, now).await.unwrap(), Some(m));
        assert_eq!(
            store.use_email_token("h1", Purpose::Verify, now).await.unwrap(),
            None,
            "{:?}: once",
            db.backend
        );
        store.confirm_email(m, now).await.unwrap();
        assert_eq!(store.user_by_confirmed_email("fern@example.org").await.unwrap(), Some(m));

        store
            .create_email_token(m, "h2", Purpose::Reset, "Fern@Example.org", now + Duration::hours(1))
            .await
            .unwrap();
        store.set_email(m, Some("new@example.org")).await.unwrap();
        assert_eq!(
            store.use_email_token("h2", Purpose::Reset, now).await.unwrap(),
            None,
            "the address changed"
        );
        assert_eq!(store.user_by_confirmed_email("fern@example.org").await.unwrap(), None);
        assert!(!store.email_status(m).await.unwrap().1, "a new address is unconfirmed");
    }
}
