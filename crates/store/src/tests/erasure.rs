//! Account deletion deletes: every table of the schema either points at `users` (and then no
//! row of a deleted member is left pointing at them) or is listed here with why it holds
//! nothing of any member's. Found from the schema itself, so a new table cannot slip by.

use super::{open, user};
use crate::testing::{rows_pointing_at, tables, user_columns, TestDb};
use chrono::NaiveDate;
use foothold_core::community::{parse_group, parse_thread, ReportReason, Role, Standing};
use foothold_core::goal::parse_new_goal;
use foothold_core::group_sessions::{parse_session, SessionForm};
use foothold_core::questionnaire::{Answer, Value};
use std::collections::BTreeSet;

/// Tables with no column pointing at a member, and why that is right.
const WITHOUT_MEMBERS: &[(&str, &str)] = &[
    ("checkin_strategies", "part of a check-in, deleted with it (foreign key, cascade)"),
    ("experiment_days", "part of an experiment, deleted with it"),
    ("experiment_events", "part of an experiment, deleted with it"),
    ("goal_steps", "part of a goal, deleted with it"),
    ("goal_pauses", "part of a goal, deleted with it"),
    ("thought_feelings", "part of a thought record, deleted with it"),
    ("groups", "a group belongs to its members; who hosts is in group_members"),
    ("hacks", "a hack is its thread (threads.author_id): deleted with its author"),
    ("hack_tags", "part of a hack, deleted with it"),
    ("jobs", "queued work naming a post or thread, never a member"),
    ("server_keys", "the server's own keys (VAPID), no member's"),
    (
        "rate_limits",
        "keyed by address; the failed-login keys naming a handle go with the account (checked below)",
    ),
    ("posts_fts", "SQLite's search index of posts, kept in step with posts by triggers"),
    ("posts_fts_config", "part of the search index"),
    ("posts_fts_data", "part of the search index"),
    ("posts_fts_docsize", "part of the search index"),
    ("posts_fts_idx", "part of the search index"),
];

#[tokio::test]
async fn a_deleted_member_leaves_no_row_behind() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let me = user(&store, "leaving").await.id;
        let other = user(&store, "staying").await.id;
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let group = store
            .create_group(me, &parse_group("Walkers", "exercise", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let form = SessionForm {
            title: "Stretch",
            date: "2027-03-01",
            time: "10:00",
            time_zone: "UTC",
            minutes: "30",
            ..SessionForm::default()
        };
        let session = store
            .create_group_session(group.id, me, "n1", &parse_session(&form, &[]).unwrap())
            .await
            .unwrap();
        store.rsvp(session, me).await.unwrap();
        store.rsvp(session, other).await.unwrap();
        let answers = [Answer { link_id: "q1".into(), value: Value::Integer(4) }];
        store.save_response(me, "n1", "peg-3", "1", &answers, Some(4.0), crate::now()).await.unwrap();
        store.save_response(other, "n1", "peg-3", "1", &answers, Some(4.0), crate::now()).await.unwrap();
        store.set_schedule(me, "peg-3", Some(14)).await.unwrap();
        store.create_prediction(me, "n1", day, None, "It will hurt all day", 80).await.unwrap();
        store.start_thought(me, "n1", day, Some("At work"), Some("I can't cope")).await.unwrap();
        let walk = parse_new_goal("Walk", "minutes", "", "", "", "Rest").unwrap();
        let goal = store.create_goal(me, "n1", &walk, day).await.unwrap();
        store.record_goal_step(me, goal.id, day, Some(10)).await.unwrap();
        store.start_goal(me, goal.id, 10.0, day).await.unwrap();
        store.pause_goal(me, goal.id, day).await.unwrap();
        let eight = chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap();
        store
            .set_reminder(me, foothold_core::reminder::Kind::Checkin, Some(eight), crate::now(), "t")
            .await
            .unwrap();
        store.add_push_subscription(me, "https://push.example.net/a", "key", "auth").await.unwrap();
        // Community safety: blocks both ways, an edited post, a pause in posting.
        store.set_block(me, other, true).await.unwrap();
        store.set_block(other, me, true).await.unwrap();
        let hello = parse_thread("Hello", "first words").unwrap();
        let posted = store.start_thread(group.id, me, "t1", &hello, crate::Posting::default()).await.unwrap();
        store.edit_post(posted.post, me, "second words", None, false).await.unwrap();
        let until = crate::now() + chrono::Duration::days(1);
        store
            .set_membership(group.id, other, Some(crate::Membership::new(Role::Member, Standing::Active)))
            .await
            .unwrap();
        let reply = store.reply(posted.thread, other, "r1", "hi", crate::Posting::default()).await.unwrap();
        store
            .edit_post(
                reply.post,
                me,
                "hi (edited)",
                Some(crate::AsModerator { group: group.id, reason: None }),
                false,
            )
            .await
            .unwrap();
        store.note_member(group.id, me, other, crate::MemberNote::Pause(until), None, None).await.unwrap();
        store.follow(crate::Followed::Group(group.id), me, true).await.unwrap();
        store.set_profile(me, &foothold_core::community::profile::Profile::default()).await.unwrap();
        store.add_group_resource(group.id, me, &parse_thread("Rights", "Know them").unwrap()).await.unwrap();
        // A conversation both ways, and a report of the member's message.
        store.send_message(me, other, "m1", "hello").await.unwrap();
        let (theirs, _) = store.send_message(other, me, "m1", "hello back").await.unwrap();
        let (mine, _) = store.send_message(me, other, "m2", "again").await.unwrap();
        store.report_message(other, mine, ReportReason::Spam, None).await.unwrap();
        store.report_message(me, theirs, ReportReason::Other, None).await.unwrap();

        let columns = user_columns(&store).await.unwrap();
        let pointing: BTreeSet<&str> = columns.iter().map(|(t, _)| t.as_str()).collect();
        let all = tables(&store).await.unwrap();
        let without: Vec<&str> =
            all.iter().map(String::as_str).filter(|t| *t != "users" && !pointing.contains(t)).collect();
        for t in &without {
            assert!(
                WITHOUT_MEMBERS.iter().any(|(l, _)| l == t),
                "{:?}: {t} is neither tied to users nor listed",
                db.backend
            );
        }
        assert!(columns.len() >= 20, "{:?}: {} columns point at users", db.backend, columns.len());
        let failed_login = "login:account:leaving:203.0.113.0";
        let now = crate::now().timestamp();
        store.hit(failed_login, 900, now).await.unwrap();
        store.hit("login:account:leaving2:203.0.113.0", 900, now).await.unwrap();

        let mut before = 0;
        for (t, c) in &columns {
            before += usize::from(rows_pointing_at(&store, t, c, me).await.unwrap() > 0);
        }
        assert!(before >= 7, "the member has rows in {before} of the tables");
        store.delete_user(me).await.unwrap();
        for (t, c) in &columns {
            assert_eq!(rows_pointing_at(&store, t, c, me).await.unwrap(), 0, "{:?}: {t}.{c}", db.backend);
        }
        assert_eq!(store.responses(other, None).await.unwrap().len(), 1, "the other member's data stays");
        assert_eq!(
            store.hits(failed_login, 900, now).await.unwrap(),
            0,
            "the handle is gone from the counters"
        );
        assert_eq!(
            store.hits("login:account:leaving2:203.0.113.0", 900, now).await.unwrap(),
            1,
            "not another's"
        );
    }
}
