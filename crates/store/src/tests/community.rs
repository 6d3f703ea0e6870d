//! Groups, threads, reactions and moderation on both databases.

use super::{open, user};
use crate::testing::TestDb;
use crate::{Conflict, Membership, StoreError, Target, UserId};
use foothold_core::community::{
    parse_group, parse_thread, ModAction, Reaction, ReportReason, Role, Standing,
};
use foothold_core::hacks::Tag;

fn member(role: Role, standing: Standing) -> Option<Membership> {
    Some(Membership::new(role, standing))
}

#[tokio::test]
async fn groups_count_their_active_members_through_every_change() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (host, ann, bob) =
            (user(&store, "host").await, user(&store, "ann").await, user(&store, "bob").await);
        let new =
            parse_group("Walking together", "exercise", "private", "", "Be kind.", &["hips", "arthritis"])
                .unwrap();
        let g = store.create_group(host.id, &new).await.unwrap();
        let twin = store.create_group(ann.id, &new).await.unwrap();
        assert_eq!((g.slug.as_str(), twin.slug.as_str()), ("walking-together", "walking-together-2"));
        assert_eq!(g.members, 1);

        // Topics come with the group, and a host replaces them whole.
        assert_eq!(g.tags, [Tag::Arthritis, Tag::Hips]);
        store.set_group_tags(twin.id, &[Tag::Migraine, Tag::Head]).await.unwrap();
        let (twin_now, _) = store.group(&twin.slug, None).await.unwrap();
        assert_eq!(twin_now.tags, [Tag::Migraine, Tag::Head]);

        store.set_membership(g.id, ann.id, member(Role::Member, Standing::Pending)).await.unwrap();
        assert_eq!(
            store.group_by_id(g.id).await.unwrap().members,
            1,
            "{:?}: pending is not a member",
            db.backend
        );
        store.moderate(g.id, host.id, ModAction::Approve, Target::Member(ann.id), None).await.unwrap();
        store.set_membership(g.id, bob.id, member(Role::Member, Standing::Active)).await.unwrap();
        assert_eq!(store.group_by_id(g.id).await.unwrap().members, 3);
        // Approving someone who never asked is refused.
        let again = store.moderate(g.id, host.id, ModAction::Approve, Target::Member(bob.id), None).await;
        assert!(matches!(again, Err(StoreError::NotFound)), "{again:?}");
        // Banning an account that does not exist finds no one, rather than failing inside.
        let nobody = store.moderate(g.id, host.id, ModAction::Ban, Target::Member(UserId(0)), None).await;
        assert!(matches!(nobody, Err(StoreError::NotFound)), "{nobody:?}");
        store.moderate(g.id, host.id, ModAction::Ban, Target::Member(bob.id), Some("spam")).await.unwrap();
        assert_eq!(store.membership(g.id, bob.id).await.unwrap(), member(Role::Member, Standing::Banned));
        assert_eq!(store.group_by_id(g.id).await.unwrap().members, 2);
        store.set_membership(g.id, ann.id, None).await.unwrap();
        assert_eq!(store.group_by_id(g.id).await.unwrap().members, 1);

        // The directory lists the member's own groups first, then the rest.
        let listed = store.groups(ann.id).await.unwrap();
        assert_eq!(
            listed.iter().map(|(g, _)| g.slug.as_str()).collect::<Vec<_>>(),
            ["walking-together-2", "walking-together", "hacks"]
        );
        let staff = store.group_staff_and_requests(g.id).await.unwrap();
        assert_eq!(staff.iter().map(|m| m.handle.as_str()).collect::<Vec<_>>(), ["host", "bob"]);

        // Deleting an account lowers the count of every group it was active in.
        store.delete_user(ann.id).await.unwrap();
        assert_eq!(store.group_by_id(twin.id).await.unwrap().members, 0);
    }
}

#[tokio::test]
async fn thread_lists_page_by_keyset_and_replies_bring_a_thread_up() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let host = user(&store, "host").await;
        let g = store
            .create_group(host.id, &parse_group("Support", "support", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let mut ids = Vec::new();
        for i in 0..7 {
            let t = parse_thread(&format!("Thread {i}"), "ok").unwrap();
            ids.push(
                store
                    .start_thread(g.id, host.id, &format!("n{i}"), &t, crate::Posting::default())
                    .await
                    .unwrap()
                    .thread,
            );
        }
        // The same form twice gives the first thread back.
        let twice = store
            .start_thread(
                g.id,
                host.id,
                "n0",
                &parse_thread("Thread 0", "ok").unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        assert_eq!((twice.thread, twice.created), (ids[0], false));
        // All made in the same second: newest id first breaks the tie.
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = store.threads(g.id, UserId(0), cursor, 3).await.unwrap();
            if page.is_empty() {
                break;
            }
            cursor = page.last().map(|t| t.cursor());
            seen.extend(page.iter().map(|t| t.id));
        }
        assert_eq!(seen, ids.iter().rev().copied().collect::<Vec<_>>(), "{:?}", db.backend);

        let reply = store.reply(ids[0], host.id, "r1", "me too", crate::Posting::default()).await.unwrap();
        assert!(reply.created);
        assert_eq!(
            store.reply(ids[0], host.id, "r1", "me too", crate::Posting::default()).await.unwrap(),
            crate::Posted { created: false, ..reply }
        );
        assert_eq!(store.thread(ids[0]).await.unwrap().posts, 2);
        // The same form sent twice at once (two app servers): one post, both answered.
        let (a, b) = tokio::join!(
            store.reply(ids[0], host.id, "r-twice", "hello", crate::Posting::default()),
            store.reply(ids[0], host.id, "r-twice", "hello", crate::Posting::default())
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(
            (a.post, a.created || b.created, a.created && b.created),
            (b.post, true, false),
            "{:?}",
            db.backend
        );
        // A thread's nonce and a reply's nonce live apart.
        assert!(
            store
                .reply(crate::ThreadId(ids[1].0 + 100), host.id, "n0", "x", crate::Posting::default())
                .await
                .is_err(),
            "no such thread"
        );
        assert!(
            store
                .reply(ids[0], host.id, "n0", "a reply reusing a thread's nonce", crate::Posting::default())
                .await
                .unwrap()
                .created
        );

        store.moderate(g.id, host.id, ModAction::Lock, Target::Thread(ids[1]), None).await.unwrap();
        let locked = store.reply(ids[1], host.id, "r2", "hello", crate::Posting::default()).await;
        assert!(matches!(locked, Err(StoreError::Conflict(Conflict::ThreadLocked))), "{locked:?}");
        store
            .moderate(g.id, host.id, ModAction::Hide, Target::Thread(ids[2]), Some("off topic"))
            .await
            .unwrap();
        let first = store.threads(g.id, UserId(0), None, 30).await.unwrap();
        assert_eq!(first.len(), 6);
        assert!(!first.iter().any(|t| t.id == ids[2]));
    }
}

#[tokio::test]
async fn reactions_count_once_per_member_and_reports_reach_the_queue() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (host, ann, bob) =
            (user(&store, "host").await, user(&store, "ann").await, user(&store, "bob").await);
        let g = store
            .create_group(host.id, &parse_group("Support", "support", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let p = store
            .start_thread(
                g.id,
                ann.id,
                "n",
                &parse_thread("Hello all", "first day").unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        for who in [host.id, bob.id, bob.id] {
            store.react(p.post, who, Reaction::MeToo, true).await.unwrap();
        }
        store.react(p.post, bob.id, Reaction::ThankYou, true).await.unwrap();
        store.react(p.post, bob.id, Reaction::ThankYou, false).await.unwrap();
        let posts = store.posts(p.thread, bob.id, crate::PostId(0), 50, false).await.unwrap();
        assert_eq!(
            (posts[0].me_too, posts[0].thank_you, posts[0].mine.clone()),
            (2, 0, vec![Reaction::MeToo])
        );

        store.report(g.id, p.post, Some(bob.id), ReportReason::Spam, Some("ads")).await.unwrap();
        store.report(g.id, p.post, Some(bob.id), ReportReason::Spam, None).await.unwrap();
        store.report(g.id, p.post, None, ReportReason::AtRisk, None).await.unwrap();
        let queue = store.open_reports(Some(g.id)).await.unwrap();
        assert_eq!(
            queue.iter().map(|r| (r.reason, r.automatic)).collect::<Vec<_>>(),
            [(ReportReason::AtRisk, true), (ReportReason::Spam, false)]
        );

        store.moderate(g.id, host.id, ModAction::Hide, Target::Post(p.post), Some("spam")).await.unwrap();
        assert!(store.open_reports(Some(g.id)).await.unwrap().is_empty(), "hiding closes the post's reports");
        assert!(store.posts(p.thread, bob.id, crate::PostId(0), 50, false).await.unwrap().is_empty());
        assert_eq!(store.posts(p.thread, host.id, crate::PostId(0), 50, true).await.unwrap().len(), 1);
        let (_, today, kept) =
            store.posting_record(ann.id, crate::now() - chrono::Duration::days(1)).await.unwrap();
        assert_eq!((today, kept), (1, 0));

        let log = store.moderation_log(g.id, 10).await.unwrap();
        assert_eq!(
            log.iter().map(|e| (e.action, e.post, e.reason.as_deref())).collect::<Vec<_>>(),
            [(ModAction::Hide, Some(p.post), Some("spam"))]
        );
        // A post from another group is not this group's to moderate.
        let other = store
            .create_group(ann.id, &parse_group("Other", "support", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let wrong = store.moderate(other.id, ann.id, ModAction::Unhide, Target::Post(p.post), None).await;
        assert!(matches!(wrong, Err(StoreError::NotFound)), "{wrong:?}");
    }
}
