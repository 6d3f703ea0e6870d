//! Questionnaire responses and schedules on both databases.

use super::{open, user};
use crate::testing::TestDb;
use chrono::NaiveDate;
use foothold_core::questionnaire::{Answer, Value};

fn answers(codes: &[&str]) -> Vec<Answer> {
    codes
        .iter()
        .enumerate()
        .map(|(n, c)| Answer { link_id: format!("q{}", n + 1), value: Value::Code((*c).to_string()) })
        .collect()
}

#[tokio::test]
async fn a_response_is_saved_once_and_read_back_as_given() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let me = user(&store, "asker").await.id;
        let other = user(&store, "other").await.id;
        let given = answers(&["LA6569-3", "LA6568-5"]);
        let first =
            store.save_response(me, "n1", "phq-2", "1", &given, Some(1.0), crate::now()).await.unwrap();
        let again =
            store.save_response(me, "n1", "phq-2", "1", &given, Some(1.0), crate::now()).await.unwrap();
        assert_eq!(first, again, "{:?}: the same form twice is one response", db.backend);
        assert_eq!(first.answers, given);
        let peg = vec![Answer { link_id: "q1".into(), value: Value::Integer(7) }];
        store.save_response(me, "n2", "peg-3", "1", &peg, None, crate::now()).await.unwrap();
        assert_eq!(store.responses(me, None).await.unwrap().len(), 2);
        let only = store.responses(me, Some("peg-3")).await.unwrap();
        assert_eq!((only.len(), only[0].answers.clone(), only[0].score), (1, peg, None));
        assert!(store.responses(other, None).await.unwrap().is_empty(), "nobody else's");
        let later =
            store.save_response(me, "n3", "phq-2", "1", &given, Some(2.0), crate::now()).await.unwrap();
        let latest = store.latest_responses(me).await.unwrap();
        assert_eq!(
            latest.iter().map(|r| (r.questionnaire.as_str(), r.id)).collect::<Vec<_>>(),
            [("peg-3", only[0].id), ("phq-2", later.id)]
        );
        assert_eq!(store.response(other, first.id).await.unwrap(), None);
        store.delete_user(me).await.unwrap();
        assert!(store.responses(me, None).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn a_schedule_is_set_snoozed_and_stopped() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let me = user(&store, "planner").await.id;
        store.set_schedule(me, "phq-9", Some(28)).await.unwrap();
        store.set_schedule(me, "gad-7", Some(28)).await.unwrap();
        store.set_schedule(me, "phq-9", Some(14)).await.unwrap();
        let day = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        store.snooze_questionnaire(me, "gad-7", day).await.unwrap();
        let got = store.schedules(me).await.unwrap();
        assert_eq!(got.len(), 2, "{:?}", db.backend);
        assert_eq!((got[0].questionnaire.as_str(), got[0].snoozed_until), ("gad-7", Some(day)));
        assert_eq!((got[1].questionnaire.as_str(), got[1].every_days), ("phq-9", 14));
        store.set_schedule(me, "phq-9", None).await.unwrap();
        assert_eq!(store.schedules(me).await.unwrap().len(), 1);
    }
}
