//! Group sessions on both databases: places taken at once never exceed the capacity, and a
//! freed place goes to the first who waits.

use super::{open, user};
use crate::testing::TestDb;
use crate::{Rsvp, UserId};
use foothold_core::community::parse_group;
use foothold_core::group_sessions::{parse_session, SessionForm};

#[tokio::test]
async fn a_full_session_keeps_a_waiting_list_in_order() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let host = user(&store, "host").await;
        let group = store
            .create_group(host.id, &parse_group("Movers", "exercise", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let form = SessionForm {
            title: "Chair yoga",
            date: "2027-03-01",
            time: "10:00",
            time_zone: "Europe/London",
            minutes: "30",
            capacity: "3",
            ..SessionForm::default()
        };
        let new = parse_session(&form, &["mo"]).unwrap();
        let id = store.create_group_session(group.id, host.id, "n1", &new).await.unwrap();
        let mut members: Vec<UserId> = Vec::new();
        for i in 0..8 {
            members.push(user(&store, &format!("member{i}")).await.id);
        }
        // Eight at once: three places, five wait.
        let tasks: Vec<_> = members
            .iter()
            .map(|&m| {
                let store = store.clone();
                tokio::spawn(async move { store.rsvp(id, m).await })
            })
            .collect();
        let mut answers = Vec::new();
        for t in tasks {
            answers.push(t.await.unwrap().unwrap());
        }
        assert_eq!(answers.iter().filter(|a| **a == Rsvp::Going).count(), 3, "{:?}", db.backend);
        let (session, _) = store.group_session(id, host.id).await.unwrap();
        assert_eq!((session.going, session.waiting), (3, 5));
        assert_eq!(session.plan, new);

        // A freed place goes to whoever asked first among those waiting.
        let going = members.iter().zip(&answers).find(|(_, a)| **a == Rsvp::Going).map(|(m, _)| *m).unwrap();
        let promoted = store.cancel_rsvp(id, going).await.unwrap().unwrap();
        assert_eq!(store.group_session(id, promoted).await.unwrap().1, Some(Rsvp::Going));
        assert_eq!(store.cancel_rsvp(id, going).await.unwrap(), None, "leaving twice frees nothing");
        assert_eq!(store.member_sessions(promoted).await.unwrap().len(), 1);

        // A member who is coming deletes their account: their place goes on too.
        let waiting_before = store.group_session(id, host.id).await.unwrap().0.waiting;
        store.delete_user(promoted).await.unwrap();
        let (session, _) = store.group_session(id, host.id).await.unwrap();
        assert_eq!((session.going, session.waiting), (3, waiting_before - 1), "{:?}", db.backend);

        // Cancelled: nobody can say they are coming, and the sequence rises.
        store.cancel_group_session(id).await.unwrap();
        assert!(store.rsvp(id, going).await.is_err());
        let (session, _) = store.group_session(id, host.id).await.unwrap();
        assert_eq!((session.cancelled, session.sequence), (true, 1));
    }
}
