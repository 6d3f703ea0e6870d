//! Blocking, edits with their history, and moderators' notes to a member, on both databases.

use super::{open, user};
use crate::testing::TestDb;
use crate::{AsModerator, Conflict, MemberNote, Membership, NotificationKind, StoreError, Target, UserId};
use chrono::Duration;
use foothold_core::community::{parse_group, parse_thread, ModAction, ReportReason, Role, Standing};

#[tokio::test]
async fn a_block_hides_posts_and_news_both_ways_but_not_from_moderators() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (host, ann, bob, cy) = (
            user(&store, "host").await,
            user(&store, "ann").await,
            user(&store, "bob").await,
            user(&store, "cyd").await,
        );
        let g = store
            .create_group(host.id, &parse_group("Open", "support", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let active = Some(Membership::new(Role::Member, Standing::Active));
        for who in [&ann, &bob, &cy] {
            store.set_membership(g.id, who.id, active).await.unwrap();
        }
        let bobs = store
            .start_thread(
                g.id,
                bob.id,
                "t1",
                &parse_thread("Bob asks", "quiet words").unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        let anns = store
            .start_thread(
                g.id,
                ann.id,
                "t2",
                &parse_thread("Ann asks", "first").unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        store.run_due_jobs(100).await.unwrap();

        // Ann blocks Bob; twice is the same as once.
        store.set_block(ann.id, bob.id, true).await.unwrap();
        store.set_block(ann.id, bob.id, true).await.unwrap();
        assert!(store.blocks(ann.id, bob.id).await.unwrap() && !store.blocks(bob.id, ann.id).await.unwrap());
        let handles: Vec<String> =
            store.blocked_by(ann.id).await.unwrap().into_iter().map(|b| b.handle).collect();
        assert_eq!(handles, ["bob"]);

        // Bob's reply (which mentions Ann) is not shown to her and does not reach her.
        store.reply(anns.thread, bob.id, "r1", "@ann quiet words", crate::Posting::default()).await.unwrap();
        store.reply(anns.thread, cy.id, "r2", "quiet words too", crate::Posting::default()).await.unwrap();
        store.run_due_jobs(100).await.unwrap();
        let news = store.notifications(ann.id, 10).await.unwrap();
        assert_eq!(news.len(), 1, "{:?}: only Cyd's reply", db.backend);
        assert_eq!(news[0].actor.as_deref(), Some("cyd"));

        let authors = |posts: Vec<crate::Post>| posts.into_iter().map(|p| p.author).collect::<Vec<_>>();
        assert_eq!(
            authors(store.posts(anns.thread, ann.id, crate::PostId(0), 50, false).await.unwrap()),
            ["ann", "cyd"]
        );
        // Either way: Bob does not see Ann's posts either.
        assert_eq!(
            authors(store.posts(anns.thread, bob.id, crate::PostId(0), 50, false).await.unwrap()),
            ["bob", "cyd"]
        );
        assert_eq!(
            authors(store.posts(anns.thread, cy.id, crate::PostId(0), 50, false).await.unwrap()),
            ["ann", "bob", "cyd"]
        );
        // A moderator sees the whole group, whoever they blocked.
        store.set_block(host.id, bob.id, true).await.unwrap();
        assert_eq!(
            authors(store.posts(anns.thread, host.id, crate::PostId(0), 50, true).await.unwrap()),
            ["ann", "bob", "cyd"]
        );

        let titles = |list: Vec<crate::ThreadSummary>| list.into_iter().map(|t| t.title).collect::<Vec<_>>();
        assert_eq!(titles(store.threads(g.id, ann.id, None, 30).await.unwrap()), ["Ann asks"]);
        assert_eq!(titles(store.threads(g.id, cy.id, None, 30).await.unwrap()), ["Ann asks", "Bob asks"]);
        let found = |who: UserId| {
            let store = &store;
            async move {
                let mut a: Vec<String> = store
                    .search(who, false, "quiet", 30)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|h| h.author)
                    .collect();
                a.sort();
                a
            }
        };
        assert_eq!(found(ann.id).await, ["cyd"]);
        assert_eq!(found(cy.id).await, ["bob", "bob", "cyd"]);

        // Unblocking brings everything back.
        store.set_block(ann.id, bob.id, false).await.unwrap();
        assert_eq!(titles(store.threads(g.id, ann.id, None, 30).await.unwrap()), ["Ann asks", "Bob asks"]);
        assert_eq!(store.posts(bobs.thread, ann.id, crate::PostId(0), 50, false).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn edits_keep_every_earlier_text_and_a_moderators_edit_says_so() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (host, ann) = (user(&store, "host").await, user(&store, "ann").await);
        let g = store
            .create_group(host.id, &parse_group("Open", "support", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        store
            .set_membership(g.id, ann.id, Some(Membership::new(Role::Member, Standing::Active)))
            .await
            .unwrap();
        let t = store
            .start_thread(
                g.id,
                ann.id,
                "t",
                &parse_thread("Hello", "call me on 0123 456").unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        assert!(
            !store.edit_post(t.post, ann.id, "call me on 0123 456", None, false).await.unwrap(),
            "no change"
        );
        assert!(store.post_history(t.post).await.unwrap().is_empty());

        assert!(store.edit_post(t.post, ann.id, "call me on 0123 4567", None, false).await.unwrap());
        store.report(g.id, t.post, Some(host.id), ReportReason::PersonalDetails, None).await.unwrap();
        let by_mod = AsModerator { group: g.id, reason: Some("a phone number") };
        assert!(store
            .edit_post(t.post, host.id, "call me (number taken out)", Some(by_mod), false)
            .await
            .unwrap());

        let post = &store.posts(t.thread, ann.id, crate::PostId(0), 50, false).await.unwrap()[0];
        assert_eq!(post.body, "call me (number taken out)");
        assert!(post.edited_at.is_some() && post.moderator_edited, "{:?}", db.backend);
        let history = store.post_history(t.post).await.unwrap();
        let texts: Vec<(&str, bool)> = history.iter().map(|e| (e.body.as_str(), e.by_moderator)).collect();
        assert_eq!(texts, [("call me on 0123 4567", true), ("call me on 0123 456", false)]);
        assert_eq!(history[0].editor.as_deref(), Some("host"));
        assert!(store.open_reports(Some(g.id)).await.unwrap().is_empty(), "the edit closed the report");
        let log = store.moderation_log(g.id, 10).await.unwrap();
        assert_eq!((log[0].action, log[0].reason.as_deref()), (ModAction::Edit, Some("a phone number")));
        // The search index follows the text.
        assert!(store.search(host.id, false, "0123", 30).await.unwrap().is_empty());

        // In a closed thread the author cannot edit; a moderator still can.
        store.moderate(g.id, host.id, ModAction::Lock, Target::Thread(t.thread), None).await.unwrap();
        let locked = store.edit_post(t.post, ann.id, "changed", None, false).await;
        assert!(matches!(locked, Err(StoreError::Conflict(Conflict::ThreadLocked))), "{locked:?}");
        assert!(store
            .edit_post(t.post, host.id, "changed", Some(AsModerator { group: g.id, reason: None }), false)
            .await
            .unwrap());
    }
}

#[tokio::test]
async fn moderators_notes_reach_the_member_alone_and_a_pause_outlasts_leaving() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (host, ann, bob) =
            (user(&store, "host").await, user(&store, "ann").await, user(&store, "bob").await);
        let g = store
            .create_group(host.id, &parse_group("Open", "support", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let active = Some(Membership::new(Role::Member, Standing::Active));
        store.set_membership(g.id, ann.id, active).await.unwrap();
        let t = store
            .start_thread(g.id, ann.id, "t", &parse_thread("Hello", "ok").unwrap(), crate::Posting::default())
            .await
            .unwrap();
        store.report(g.id, t.post, Some(host.id), ReportReason::Harassment, None).await.unwrap();

        store
            .note_member(g.id, host.id, ann.id, MemberNote::Warn, Some("Please be gentle."), Some(t.post))
            .await
            .unwrap();
        let news = store.notifications(ann.id, 10).await.unwrap();
        assert_eq!(news[0].kind, NotificationKind::Warning);
        assert_eq!((news[0].message.as_deref(), news[0].actor.as_deref()), (Some("Please be gentle."), None));
        assert_eq!(store.user(ann.id).await.unwrap().unread, 1);
        assert!(store.open_reports(Some(g.id)).await.unwrap().is_empty(), "the note closed the report");

        let until = crate::now() + Duration::days(3);
        store.note_member(g.id, host.id, ann.id, MemberNote::Pause(until), None, None).await.unwrap();
        let m = store.membership(g.id, ann.id).await.unwrap().unwrap();
        assert!(
            m.suspended_at(crate::now()) && !m.suspended_at(until + Duration::seconds(1)),
            "{:?}",
            db.backend
        );
        assert_eq!(store.notifications(ann.id, 10).await.unwrap()[0].kind, NotificationKind::Suspended);
        let listed = store.group_staff_and_requests(g.id).await.unwrap();
        assert!(listed.iter().any(|p| p.user == ann.id && p.membership.suspended_until.is_some()));
        // Leaving and joining again does not end the pause.
        store.set_membership(g.id, ann.id, None).await.unwrap();
        store.set_membership(g.id, ann.id, active).await.unwrap();
        assert!(store.membership(g.id, ann.id).await.unwrap().unwrap().suspended_at(crate::now()));
        store.note_member(g.id, host.id, ann.id, MemberNote::Unpause, None, None).await.unwrap();
        assert!(!store.membership(g.id, ann.id).await.unwrap().unwrap().suspended_at(crate::now()));

        // Nobody outside the group gets a note, and a post must be the member's own.
        let outside = store.note_member(g.id, host.id, bob.id, MemberNote::Warn, Some("hi"), None).await;
        assert!(matches!(outside, Err(StoreError::NotFound)), "{outside:?}");
        store.set_membership(g.id, bob.id, active).await.unwrap();
        let not_his =
            store.note_member(g.id, host.id, bob.id, MemberNote::Warn, Some("hi"), Some(t.post)).await;
        assert!(matches!(not_his, Err(StoreError::NotFound)), "{not_his:?}");
        // The public log says what kind of note, never its words.
        let log = store.moderation_log(g.id, 10).await.unwrap();
        let actions: Vec<ModAction> = log.iter().map(|e| e.action).collect();
        assert_eq!(actions, [ModAction::Unsuspend, ModAction::Suspend, ModAction::Warn]);
        assert!(log.iter().all(|e| e.reason.is_none()));
    }
}
