//! Notifications made by jobs, on both databases.

use super::{open, user};
use crate::testing::TestDb;
use crate::{Membership, NotificationKind, Target};
use foothold_core::community::{parse_group, parse_thread, ModAction, Role, Standing};

#[tokio::test]
async fn replies_and_mentions_notify_those_who_may_read_once() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ann, bob, cy, dee) = (
            user(&store, "ann").await,
            user(&store, "bob").await,
            user(&store, "cyd").await,
            user(&store, "dee").await,
        );
        let g = store
            .create_group(ann.id, &parse_group("Closed", "support", "members", "", "", &[]).unwrap())
            .await
            .unwrap();
        let active = Some(Membership::new(Role::Member, Standing::Active));
        store.set_membership(g.id, bob.id, active).await.unwrap();
        store.set_membership(g.id, cy.id, active).await.unwrap();
        let t = store
            .start_thread(
                g.id,
                ann.id,
                "t",
                &parse_thread("Hello", "first").unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        store.reply(t.thread, bob.id, "r1", "me too", crate::Posting::default()).await.unwrap();
        // Cyd is mentioned (and has not written here); Dee is mentioned but may not read the group.
        store
            .reply(t.thread, bob.id, "r2", "Thanks @ann, and @CYD and @dee", crate::Posting::default())
            .await
            .unwrap();
        assert_eq!(store.run_due_jobs(100).await.unwrap(), 3, "{:?}", db.backend);
        assert_eq!(store.run_due_jobs(100).await.unwrap(), 0, "a job runs once");

        let kinds = |n: Vec<crate::Notification>| n.iter().map(|x| x.kind).collect::<Vec<_>>();
        // Ann wrote first: the first reply notifies her; the second mentions her (not both).
        assert_eq!(
            kinds(store.notifications(ann.id, 10).await.unwrap()),
            [NotificationKind::Mention, NotificationKind::Reply]
        );
        assert_eq!(kinds(store.notifications(cy.id, 10).await.unwrap()), [NotificationKind::Mention]);
        assert!(store.notifications(dee.id, 10).await.unwrap().is_empty(), "{:?}", db.backend);
        assert!(store.notifications(bob.id, 10).await.unwrap().is_empty(), "nobody hears of their own posts");
        assert_eq!(store.user(ann.id).await.unwrap().unread, 2);
        let n = &store.notifications(cy.id, 10).await.unwrap()[0];
        assert_eq!(
            (n.actor.as_deref(), n.thread_title.as_deref(), n.read),
            (Some("bob"), Some("Hello"), false)
        );

        // Writing in a thread is not following it: Cyd's reply tells its starter, not Bob.
        store.reply(t.thread, cy.id, "r3", "ok", crate::Posting::default()).await.unwrap();
        store.run_due_jobs(100).await.unwrap();
        assert!(store.notifications(bob.id, 10).await.unwrap().is_empty());
        assert_eq!(store.notifications(ann.id, 10).await.unwrap().len(), 3);
        // Once Bob follows it, he hears of the next reply; Dee, who may not read, cannot.
        store.follow(crate::Followed::Thread(t.thread), bob.id, true).await.unwrap();
        store.follow(crate::Followed::Thread(t.thread), dee.id, true).await.unwrap();
        assert!(store.follows(crate::Followed::Thread(t.thread), bob.id).await.unwrap());
        store.reply(t.thread, cy.id, "r4", "still ok", crate::Posting::default()).await.unwrap();
        store.run_due_jobs(100).await.unwrap();
        assert_eq!(kinds(store.notifications(bob.id, 10).await.unwrap()), [NotificationKind::Reply]);
        assert!(store.notifications(dee.id, 10).await.unwrap().is_empty());
        store.follow(crate::Followed::Thread(t.thread), bob.id, false).await.unwrap();
        assert!(!store.follows(crate::Followed::Thread(t.thread), bob.id).await.unwrap());

        store.mark_notifications_read(ann.id).await.unwrap();
        assert_eq!(store.user(ann.id).await.unwrap().unread, 0);
        assert!(store.notifications(ann.id, 10).await.unwrap().iter().all(|n| n.read));

        // A request to join that is approved tells the member.
        store
            .set_membership(g.id, dee.id, Some(Membership::new(Role::Member, Standing::Pending)))
            .await
            .unwrap();
        store.moderate(g.id, ann.id, ModAction::Approve, Target::Member(dee.id), None).await.unwrap();
        assert_eq!(kinds(store.notifications(dee.id, 10).await.unwrap()), [NotificationKind::Approved]);
        assert_eq!(store.user(dee.id).await.unwrap().unread, 1);
    }
}

#[tokio::test]
async fn who_follows_a_group_hears_of_its_new_conversations_until_they_leave() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (host, bob, cy, dee) = (
            user(&store, "host").await,
            user(&store, "bob").await,
            user(&store, "cyd").await,
            user(&store, "dee").await,
        );
        let g = store
            .create_group(host.id, &parse_group("Walkers", "exercise", "members", "", "", &[]).unwrap())
            .await
            .unwrap();
        let active = Some(Membership::new(Role::Member, Standing::Active));
        for who in [&bob, &cy] {
            store.set_membership(g.id, who.id, active).await.unwrap();
        }
        // Bob and Cyd follow the group; Dee follows it too but is not a member of it.
        for who in [&bob, &cy, &dee] {
            store.follow(crate::Followed::Group(g.id), who.id, true).await.unwrap();
        }
        store.follow(crate::Followed::Group(g.id), bob.id, true).await.unwrap();
        assert!(store.follows(crate::Followed::Group(g.id), bob.id).await.unwrap());
        store.set_block(cy.id, host.id, true).await.unwrap();
        let t = store
            .start_thread(
                g.id,
                host.id,
                "t1",
                &parse_thread("Monday walk", "who's in?").unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        store.reply(t.thread, host.id, "r1", "10am", crate::Posting::default()).await.unwrap();
        store.run_due_jobs(100).await.unwrap();
        let told = store.notifications(bob.id, 10).await.unwrap();
        assert_eq!(told.len(), 1, "the new conversation, not its replies: {:?}", db.backend);
        assert_eq!(
            (told[0].kind, told[0].thread_title.as_deref()),
            (NotificationKind::Thread, Some("Monday walk"))
        );
        assert!(store.notifications(cy.id, 10).await.unwrap().is_empty(), "Cyd blocked the host");
        assert!(store.notifications(dee.id, 10).await.unwrap().is_empty(), "Dee may not read the group");

        // Leaving ends the following; unfollowing too.
        store.set_membership(g.id, bob.id, None).await.unwrap();
        assert!(!store.follows(crate::Followed::Group(g.id), bob.id).await.unwrap());
        store.follow(crate::Followed::Group(g.id), cy.id, false).await.unwrap();
        store.set_block(cy.id, host.id, false).await.unwrap();
        store
            .start_thread(
                g.id,
                host.id,
                "t2",
                &parse_thread("Tuesday walk", "again").unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        store.run_due_jobs(100).await.unwrap();
        assert_eq!(store.notifications(bob.id, 10).await.unwrap().len(), 1);
        assert!(store.notifications(cy.id, 10).await.unwrap().is_empty());
    }
}
