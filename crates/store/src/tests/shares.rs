//! Shares on both databases: a code works once and only for a clinician; a share shows only
//! while it is theirs, unrevoked and not past its last day; views land in the member's log.

use super::{open, user};
use crate::testing::TestDb;
use crate::StoreError;
use chrono::{Duration, NaiveDate};
use foothold_core::agency::Outcome;
use foothold_core::share::{NewShare, Scope, Suggestion};

#[tokio::test]
async fn a_share_is_seen_only_by_its_clinician_while_it_lasts() {
    for db in TestDb::all().await {
        let store = open(&db).await;
        let member = user(&store, "member").await.id;
        let clinician = user(&store, "doctor").await.id;
        let stranger = user(&store, "stranger").await.id;
        store.set_clinician(clinician, true).await.unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let new = NewShare {
            scopes: vec![Scope::Diary],
            from: today - Duration::days(90),
            to: today,
            until: today + Duration::days(30),
            coaching: true,
        };
        let share = store.create_share(member, "hash-1", &new).await.unwrap();
        assert!(!share.redeemed && share.clinician.is_none());

        let refused = store.redeem_share(stranger, "hash-1", today).await.unwrap_err();
        assert!(matches!(refused, StoreError::NotFound), "{:?}: not a clinician", db.backend);
        let got = store.redeem_share(clinician, "hash-1", today).await.unwrap();
        assert_eq!(
            (
                got.clinician.as_deref(),
                got.member.as_str(),
                got.shows(Scope::Diary),
                got.shows(Scope::Thoughts)
            ),
            (Some("doctor"), "member", true, false)
        );
        store.set_clinician(stranger, true).await.unwrap();
        assert!(store.redeem_share(stranger, "hash-1", today).await.is_err(), "a code works once");

        assert!(store.clinician_share(clinician, share.id, today).await.unwrap().is_some());
        assert!(store.clinician_share(stranger, share.id, today).await.unwrap().is_none(), "not theirs");
        assert!(
            store.clinician_share(clinician, share.id, today + Duration::days(31)).await.unwrap().is_none(),
            "ended"
        );
        assert_eq!(store.clinician_shares(clinician, today).await.unwrap().len(), 1);

        let at = store.clinician_share(clinician, share.id, today).await.unwrap().unwrap();
        assert!(at.coaching);
        let walk = Suggestion::Experiment {
            strategy: "Walk".into(),
            outcome: Outcome::Pain,
            body: "Worth a test".into(),
        };
        let idea = store.add_coaching(&at, clinician, "doctor", &walk).await.unwrap();
        store
            .add_coaching(&at, clinician, "doctor", &Suggestion::Note { body: "Good work".into() })
            .await
            .unwrap();
        let mine = store.member_coaching(member).await.unwrap();
        assert_eq!((mine.len(), &mine[1].suggestion, mine[1].status.as_str()), (2, &walk, "open"));
        assert!(store.answer_coaching(stranger, idea, true).await.is_err(), "only the member answers");
        store.answer_coaching(member, idea, true).await.unwrap();
        assert!(store.answer_coaching(member, idea, false).await.is_err(), "answered once");
        assert_eq!(store.share_coaching(share.id).await.unwrap()[1].status, "accepted");
        store.log_share_view(&at, clinician, "doctor", "diary").await.unwrap();
        let log = store.share_views(member, 50).await.unwrap();
        assert_eq!((log.len(), log[0].clinician.as_str(), log[0].what.as_str()), (1, "doctor", "diary"));

        store.set_clinician(clinician, false).await.unwrap();
        assert!(
            store.clinician_share(clinician, share.id, today).await.unwrap().is_none(),
            "no longer a clinician"
        );
        store.set_clinician(clinician, true).await.unwrap();
        assert!(store.revoke_share(stranger, share.id).await.is_err(), "only the member revokes");
        store.revoke_share(member, share.id).await.unwrap();
        assert!(
            store.clinician_share(clinician, share.id, today).await.unwrap().is_none(),
            "revoked at once"
        );
        assert!(store.clinician_shares(clinician, today).await.unwrap().is_empty());

        // The clinician leaves: the member keeps the log of who saw what.
        store.delete_user(clinician).await.unwrap();
        assert_eq!(store.share_views(member, 50).await.unwrap()[0].clinician, "doctor");
        assert!(store.member_shares(member).await.unwrap()[0].revoked);
    }
}
