//! Full-text search gives the same posts on SQLite and PostgreSQL, and only posts the reader
//! may read.

use super::{open, user};
use crate::testing::TestDb;
use crate::{Membership, Target};
use foothold_core::community::{parse_group, parse_thread, ModAction, Role, Standing};

const POSTS: &[&str] = &[
    "Heat pads help my back in the evening.",
    "A short walk after lunch, then rest. Pacing!",
    "Self-care is hard when the pain is loud.",
    "I don't sleep well when my back hurts.",
    "Café visits are my reward for a 10 minute walk.",
    "Stretching: neck rolls, shoulder shrugs, ankle circles.",
    "WALKING in the rain was lovely today",
];

#[tokio::test]
async fn both_backends_find_the_same_posts_and_only_readable_ones() {
    let queries = [
        "back",
        "walk",
        "self care",
        "don't",
        "café",
        "cafe",
        "10",
        "walking",
        "BACK heat",
        "pacing rest",
        "",
        "***",
    ];
    let mut per_backend = Vec::new();
    for db in TestDb::all().await {
        let store = open(&db).await;
        let (host, reader) = (user(&store, "host").await, user(&store, "reader").await);
        let public = store
            .create_group(host.id, &parse_group("Open", "support", "public", "", "", &[]).unwrap())
            .await
            .unwrap();
        let closed = store
            .create_group(host.id, &parse_group("Closed", "support", "members", "", "", &[]).unwrap())
            .await
            .unwrap();
        let t = store
            .start_thread(
                public.id,
                host.id,
                "a",
                &parse_thread("Open talk", POSTS[0]).unwrap(),
                crate::Posting::default(),
            )
            .await
            .unwrap();
        for (i, body) in POSTS.iter().enumerate().skip(1) {
            store.reply(t.thread, host.id, &format!("r{i}"), body, crate::Posting::default()).await.unwrap();
        }
        let secret = parse_thread("Members only", "Back to back appointments today.").unwrap();
        store.start_thread(closed.id, host.id, "b", &secret, crate::Posting::default()).await.unwrap();
        let hidden = store
            .reply(t.thread, host.id, "h", "My back is a spam advert", crate::Posting::default())
            .await
            .unwrap();
        store.moderate(public.id, host.id, ModAction::Hide, Target::Post(hidden.post), None).await.unwrap();

        let mut found = Vec::new();
        for q in queries {
            // Both databases number the posts alike, so the same posts have the same ids, and
            // both are ranked by the same code: the same order too.
            let posts: Vec<crate::PostId> =
                store.search(reader.id, false, q, 30).await.unwrap().iter().map(|h| h.post).collect();
            found.push((q, posts));
        }
        // A member of the closed group finds its post too; staff find everything readable.
        store
            .set_membership(closed.id, reader.id, Some(Membership::new(Role::Member, Standing::Active)))
            .await
            .unwrap();
        assert_eq!(
            store.search(reader.id, false, "appointments", 30).await.unwrap().len(),
            1,
            "{:?}",
            db.backend
        );
        let outsider = user(&store, "outsider").await;
        assert!(store.search(outsider.id, false, "appointments", 30).await.unwrap().is_empty());
        assert_eq!(store.search(outsider.id, true, "appointments", 30).await.unwrap().len(), 1);
        // Banned from the public group: its posts are not searchable for them.
        store
            .set_membership(public.id, outsider.id, Some(Membership::new(Role::Member, Standing::Banned)))
            .await
            .unwrap();
        assert!(store.search(outsider.id, false, "walk", 30).await.unwrap().is_empty());
        // The snippet marks the matching word.
        let marked = store.search(reader.id, false, "shrugs", 30).await.unwrap();
        assert!(
            marked[0].snippet.contains(&format!(
                "{}shrugs{}",
                foothold_core::community::snippet::MARK_START,
                foothold_core::community::snippet::MARK_END
            )),
            "{:?}: {marked:?}",
            db.backend
        );
        per_backend.push((db.backend, found));
    }
    let (_, sqlite) = &per_backend[0];
    let count = |q: &str| sqlite.iter().find(|(x, _)| *x == q).map(|(_, b)| b.len()).unwrap();
    // Word for word, case-insensitive, diacritics kept, hidden and closed posts left out.
    assert_eq!(
        [count("back"), count("walk"), count("self care"), count("don't"), count("café"), count("cafe")],
        [2, 2, 1, 1, 1, 0]
    );
    assert_eq!(
        [count("10"), count("walking"), count("BACK heat"), count("pacing rest"), count(""), count("***")],
        [1, 1, 1, 1, 0, 0]
    );
    for (backend, found) in &per_backend[1..] {
        for ((q, a), (_, b)) in sqlite.iter().zip(found) {
            assert_eq!(a, b, "{backend:?} finds other posts than SQLite for {q:?}");
        }
    }
}
