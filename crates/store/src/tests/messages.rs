//! Direct messages on both databases: one conversation per pair, one notice per unread
//! conversation, blocks hide it, reports only by the recipient, and a bar that sticks.

use super::{open, user};
use crate::testing::TestDb;
use crate::{NotificationKind, StoreError};
use foothold_core::community::ReportReason;

#[tokio::test]
async fn a_conversation_tells_once_until_read_and_a_bar_sticks() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (ann, bob, cy) =
            (user(&store, "ann").await, user(&store, "bob").await, user(&store, "cyd").await);
        assert_eq!(
            store.message_settings(ann.id).await.unwrap(),
            crate::MessageSettings::default(),
            "off at first"
        );

        let (first, made) = store.send_message(ann.id, bob.id, "n1", "hello bob").await.unwrap();
        assert!(made);
        assert_eq!(
            store.send_message(ann.id, bob.id, "n1", "hello bob").await.unwrap(),
            (first, false),
            "same nonce"
        );
        store.send_message(ann.id, bob.id, "n2", "are you there?").await.unwrap();
        let (reply, _) = store.send_message(bob.id, ann.id, "n1", "yes!").await.unwrap();

        // One notice for Bob however many messages Ann sent before he read them.
        let told: Vec<_> = store.notifications(bob.id, 10).await.unwrap();
        assert_eq!(told.len(), 1, "{:?}", db.backend);
        assert_eq!((told[0].kind, told[0].actor.as_deref()), (NotificationKind::Message, Some("ann")));
        assert_eq!(store.user(bob.id).await.unwrap().unread, 1);

        let list = store.conversations(bob.id).await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].handle.as_str(), list[0].unread), ("ann", 2));
        let thread = store.conversation(ann.id, bob.id).await.unwrap();
        let bodies: Vec<&str> = thread.iter().map(|m| m.body.as_str()).collect();
        assert_eq!(bodies, ["hello bob", "are you there?", "yes!"], "oldest first, one conversation");
        assert_eq!(store.conversation(bob.id, ann.id).await.unwrap(), thread, "the same from either side");
        assert!(store.conversation(cy.id, ann.id).await.unwrap().is_empty());

        // Reading clears the messages and the notice; a new message tells again.
        store.mark_conversation_read(bob.id, ann.id).await.unwrap();
        assert_eq!(store.conversations(bob.id).await.unwrap()[0].unread, 0);
        assert_eq!(store.user(bob.id).await.unwrap().unread, 0);
        store.send_message(ann.id, bob.id, "n3", "good").await.unwrap();
        assert_eq!(store.user(bob.id).await.unwrap().unread, 1);

        // A block on either side hides the conversation from both lists.
        store.set_block(bob.id, ann.id, true).await.unwrap();
        assert!(store.conversations(ann.id).await.unwrap().is_empty());
        assert!(store.conversations(bob.id).await.unwrap().is_empty());
        store.set_block(bob.id, ann.id, false).await.unwrap();

        // Only the recipient reports a message; twice is once.
        assert!(matches!(
            store.report_message(ann.id, first, ReportReason::Spam, None).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.report_message(cy.id, first, ReportReason::Spam, None).await,
            Err(StoreError::NotFound)
        ));
        store.report_message(bob.id, first, ReportReason::Harassment, Some("again and again")).await.unwrap();
        store.report_message(bob.id, first, ReportReason::Harassment, None).await.unwrap();
        store.report_message(ann.id, reply, ReportReason::AtRisk, None).await.unwrap();
        let open = store.open_message_reports().await.unwrap();
        assert_eq!(open.len(), 2);
        assert_eq!(open[0].reason, ReportReason::AtRisk, "someone at risk first");
        assert_eq!((open[1].sender_handle.as_str(), open[1].body.as_str()), ("ann", "hello bob"));

        // Barring Ann closes every report of her messages and keeps her messages off.
        store.set_messages_open(ann.id, true).await.unwrap();
        store.close_message_report(open[1].id, true).await.unwrap();
        let left = store.open_message_reports().await.unwrap();
        assert_eq!(left.iter().map(|r| r.sender_handle.as_str()).collect::<Vec<_>>(), ["bob"]);
        store.set_messages_open(ann.id, true).await.unwrap();
        let ann_now = store.message_settings(ann.id).await.unwrap();
        assert!(ann_now.barred && !ann_now.open, "{:?}", db.backend);
        store.close_message_report(left[0].id, false).await.unwrap();
        assert!(store.open_message_reports().await.unwrap().is_empty());
        assert!(!store.message_settings(bob.id).await.unwrap().barred);
        assert!(matches!(store.close_message_report(999_999, false).await, Err(StoreError::NotFound)));
    }
}
