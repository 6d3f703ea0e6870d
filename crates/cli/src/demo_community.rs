//! The demo's community: three small groups with a few conversations, so someone trying
//! Foothold sees what groups are like. The other voices are demo accounts that cannot log in.

use anyhow::Result;
use foothold_core::account::{Handle, Role};
use foothold_core::community::{parse_group, parse_thread, Role as GroupRole, Standing};
use foothold_store::{Membership, NewUser, Store, UserId};

/// (handle) of the demo neighbours; their password hash is not a hash, so nobody can log in.
const NEIGHBOURS: [&str; 3] = ["river_stone", "kim_walks", "ana_p"];

/// A post: its author (an index into `NEIGHBOURS`, or `None` for the demo member) and text.
type Post = (Option<usize>, &'static str);

struct Group {
    name: &'static str,
    kind: &'static str,
    visibility: &'static str,
    about: &'static str,
    rules: &'static str,
    /// Its topics (the words hacks use).
    tags: &'static [&'static str],
    /// Each thread's title and posts, the opening first.
    threads: &'static [(&'static str, &'static [Post])],
}

const GROUPS: [Group; 3] = [
    Group {
        name: "Living with back pain",
        kind: "support",
        visibility: "public",
        about: "For anyone whose back has had a say in their life for a long time. Share what helps, ask, or just read.",
        rules: "Be gentle with each other. No medical advice: share what you tried, not what others should take. What is shared here stays here.",
        tags: &["back_pain", "back"],
        threads: &[
            (
                "Small wins this week",
                &[
                    (Some(0), "I carried the shopping in two trips instead of one and it was **fine**. Small, but it felt like mine."),
                    (None, "Me too with the two trips. I also sat down halfway through cooking and finished the meal."),
                    (Some(1), "Walked to the post box and back. Last month that felt impossible."),
                ],
            ),
            (
                "Evenings are the hardest",
                &[
                    (Some(2), "By 7pm everything aches and I feel like the day beat me. Does anyone have an evening routine that helps?"),
                    (Some(0), "A heat pad and an audiobook. It doesn't take the pain away but it takes the edge off the evening."),
                ],
            ),
        ],
    },
    Group {
        name: "Seated stretch club",
        kind: "exercise",
        visibility: "public",
        about: "Short, gentle stretches you can do from a chair. Go at your own pace; stop when you need to.",
        rules: "Every body is different: do what feels right for yours, and check with your clinician before anything new.",
        tags: &["shoulders", "whole_body"],
        threads: &[(
            "Ten minutes before lunch",
            &[
                (Some(1), "Shoulder rolls, neck tilts and ankle circles, ten minutes before lunch. Anyone want to join in this week?"),
                (None, "I'm in. I'll try it on Tuesday and Thursday."),
            ],
        )],
    },
    Group {
        name: "Pain at work: speaking up",
        kind: "advocacy",
        visibility: "members",
        about: "Asking for adjustments at work, and helping each other find the words.",
        rules: "Leave out names of employers and colleagues.",
        tags: &[],
        threads: &[(
            "How did you ask for a different chair?",
            &[(Some(2), "I finally asked for a chair that fits me. I wrote down three sentences beforehand and it went better than I feared.")],
        )],
    },
];

/// A demo account that cannot log in: its password hash is not a hash.
pub async fn neighbour_account(store: &Store, handle: &str) -> Result<UserId> {
    let handle = Handle::parse(handle).map_err(|e| anyhow::anyhow!("{e}"))?;
    let at = foothold_store::now() - chrono::Duration::days(200);
    let user = store
        .create_user(NewUser {
            handle: &handle,
            password_hash: "!",
            email: None,
            role: Role::Member,
            created_at: at,
        })
        .await?;
    Ok(user.id)
}

/// Creates the demo groups, with `demo` as a member of each, and the demo hacks, unless the
/// demo member is in a group already.
pub async fn create(store: &Store, demo: UserId) -> Result<()> {
    if store.groups(demo).await?.iter().any(|(_, m)| m.is_some()) {
        return Ok(());
    }
    let mut neighbours = Vec::new();
    for handle in NEIGHBOURS {
        neighbours.push(neighbour_account(store, handle).await?);
    }
    let neighbour = |i: usize| neighbours.get(i).copied().unwrap_or(demo);
    for (n, g) in GROUPS.iter().enumerate() {
        let new = parse_group(g.name, g.kind, g.visibility, g.about, g.rules, g.tags)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let group = store.create_group(neighbour(n), &new).await?;
        let active = Some(Membership::new(GroupRole::Member, Standing::Active));
        for who in neighbours.iter().copied().filter(|u| *u != neighbour(n)).chain([demo]) {
            store.set_membership(group.id, who, active).await?;
        }
        for (t, (title, posts)) in g.threads.iter().enumerate() {
            let author = |a: &Option<usize>| a.map_or(demo, neighbour);
            let Some(((first_author, first), replies)) = posts.split_first() else { continue };
            let opening = parse_thread(title, first).map_err(|e| anyhow::anyhow!("{e}"))?;
            let made = store
                .start_thread(
                    group.id,
                    author(first_author),
                    &format!("demo-{n}-{t}"),
                    &opening,
                    foothold_store::Posting::default(),
                )
                .await?;
            for (r, (who, body)) in replies.iter().enumerate() {
                store
                    .reply(
                        made.thread,
                        author(who),
                        &format!("demo-{n}-{t}-{r}"),
                        body,
                        foothold_store::Posting::default(),
                    )
                    .await?;
            }
        }
        if g.kind == "exercise" {
            demo_session(store, group.id, neighbour(n), demo).await?;
        }
        if g.kind == "advocacy" {
            let letter = parse_thread(
                "Asking for changes at work: a letter to start from",
                "Dear …,\n\nI live with a long-term pain condition. To keep doing my job well, I am asking for:\n\n\
                 - a chair with good support, and a short break every hour;\n\
                 - working from home on the days after a flare.\n\n\
                 I would be glad to talk about what works for the team.\n\n\
                 *Change it to fit you: say what you need, not what your diagnosis is.*",
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            store.add_group_resource(group.id, neighbour(n), &letter).await?;
        }
    }
    // A neighbour wrote to the demo member, so Messages has a conversation to show.
    let kim = neighbour(1);
    for who in [demo, kim] {
        store.set_messages_open(who, true).await?;
    }
    let hello = "Hi! I saw you're trying the Tuesday stretches too. How did the first one go for you? \
                 No pressure to answer.";
    store.send_message(kim, demo, "demo-message-1", hello).await?;
    crate::demo_hacks::create(store, &neighbours).await
}

/// The exercise group's weekly session (Tuesdays and Thursdays from the coming Tuesday, twelve weeks),
/// with the demo member coming.
async fn demo_session(
    store: &Store,
    group: foothold_store::GroupId,
    host: UserId,
    demo: UserId,
) -> Result<()> {
    use chrono::Datelike;
    use foothold_core::group_sessions::{parse_session, SessionForm};
    let today = foothold_services::diary::today(chrono_tz::Europe::London);
    let tuesday = today + chrono::Duration::days(8 - i64::from(today.weekday().num_days_from_monday()));
    let date = tuesday.to_string();
    let form = SessionForm {
        title: "Ten minutes before lunch",
        about: "Shoulder rolls, neck tilts and ankle circles, at your own pace. Stop whenever you need to.",
        seated: "All of it from a firm chair, feet flat on the floor.",
        standing: "Behind the chair, one hand on its back for balance.",
        date: &date,
        time: "11:50",
        time_zone: "Europe/London",
        minutes: "10",
        count: "24",
        capacity: "12",
        place: "Online — the link is posted in the group on the day.",
        ..SessionForm::default()
    };
    let new = parse_session(&form, &["tu", "th"]).map_err(|e| anyhow::anyhow!("{e}"))?;
    let session = store.create_group_session(group, host, "demo-session", &new).await?;
    store.rsvp(session, demo).await?;
    Ok(())
}
