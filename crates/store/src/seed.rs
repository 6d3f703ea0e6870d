//! A synthetic community for load tests (`foothold seed-community`, scripts/bench-community.sh):
//! many members, groups, threads and posts written in large multi-row inserts, so a million
//! posts take a minute, not an hour. Nothing here runs in a normal installation.

use crate::{on_db, Result, Store, StoreError, ThreadId};
use chrono::{DateTime, Duration, Utc};
use sqlx::QueryBuilder;

/// How big the synthetic community is.
#[derive(Debug, Clone, Copy)]
pub struct SeedPlan {
    pub members: i64,
    pub groups: i64,
    /// All posts, the big group's and the thread of many replies included.
    pub posts: i64,
    /// Threads (of one post each) in the first group, `big`.
    pub big_threads: i64,
    /// Threads in each other group.
    pub threads_per_group: i64,
    /// Replies in the one long thread, in the second group.
    pub long_thread_replies: i64,
    /// Members (from the first) who tried one hack and shared a result for it.
    pub hack_results: i64,
}

/// Where the interesting parts ended up.
#[derive(Debug, Clone)]
pub struct Seeded {
    pub big_group: String,
    pub small_group: String,
    pub long_thread: i64,
    pub posts: i64,
    /// The hack with `hack_results` shared results.
    pub hack: ThreadId,
}

const ROWS: usize = 500;

/// One multi-row INSERT per `ROWS` rows: `columns` names them, `row` pushes the binds of row i.
macro_rules! insert_rows {
    ($store:expr, $table:literal, $columns:literal, $range:expr, |$b:ident, $i:ident| $row:expr) => {{
        let all: Vec<i64> = $range.collect();
        for chunk in all.chunks(ROWS) {
            on_db!($store, |pool| {
                let mut q = QueryBuilder::new(concat!("INSERT INTO ", $table, " (", $columns, ") "));
                q.push_values(chunk, |mut $b, &$i| {
                    $row;
                });
                q.build().execute(pool).await.map(|r| r.rows_affected())
            })?;
        }
    }};
}

impl Store {
    /// Writes the community `plan` describes into an empty database. Ids are assumed to start
    /// at 1 (a fresh database), which keeps the inserts free of lookups.
    /// `bench` are extra members (handle, password hash) for load generators to sign in as.
    pub async fn seed_community(&self, plan: SeedPlan, bench: &[(String, String)]) -> Result<Seeded> {
        let start: DateTime<Utc> = crate::now() - Duration::days(365);
        let joined = start - Duration::days(30);
        let g = plan.groups.max(2);
        let existing: i64 =
            on_db!(self, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await)?;
        if existing > 0 {
            return Err(StoreError::Unsupported("seeding a database that has accounts already"));
        }
        insert_rows!(
            self,
            "users",
            "handle, handle_key, password_hash, role, created_at",
            1..=plan.members,
            |b, i| {
                b.push_bind(format!("m{i}"))
                    .push_bind(format!("m{i}"))
                    .push_bind("!")
                    .push_bind("member")
                    .push_bind(joined)
            }
        );
        // Groups made by migrations (the hacks group) come first; the seeded ones follow.
        let base: i64 = on_db!(self, |pool| sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM groups")
            .fetch_one(pool)
            .await)?;
        insert_rows!(
            self,
            "groups",
            "slug, name, kind, visibility, about, rules, created_at",
            1..=g,
            |b, i| {
                let kind = match i % 3 {
                    0 => "support",
                    1 => "advocacy",
                    _ => "exercise",
                };
                let slug = match i {
                    1 => "big".to_owned(),
                    2 => "small".to_owned(),
                    _ => format!("g{i}"),
                };
                b.push_bind(slug)
                    .push_bind(format!("Group {i}"))
                    .push_bind(kind)
                    .push_bind("public")
                    .push_bind(
                        "A place for people who live with **pain** to share what helps, and what does not.",
                    )
                    .push_bind("Be kind. No medical advice. What is shared here stays here.")
                    .push_bind(joined)
            }
        );
        // Each member is in up to three groups, a third of the list apart; member i hosts group i.
        let per = g.min(3);
        let apart = (g / 3).max(1);
        insert_rows!(
            self,
            "group_members",
            "group_id, user_id, role, standing, joined_at",
            0..plan.members * per,
            |b, k| {
                let (member, n) = (k / per + 1, k % per);
                let group = base + (member - 1 + n * apart) % g + 1;
                let role = if n == 0 && member <= g { "host" } else { "member" };
                b.push_bind(group).push_bind(member).push_bind(role).push_bind("active").push_bind(joined)
            }
        );

        // Threads: the big group's first, then `threads_per_group` in each other group.
        let small_threads = (g - 1) * plan.threads_per_group;
        let threads = plan.big_threads + small_threads;
        let group_of =
            |t: i64| base + if t <= plan.big_threads { 1 } else { (t - plan.big_threads - 1) % (g - 1) + 2 };
        let author = |n: i64| n % plan.members.max(1) + 1;
        let at = |n: i64| start + Duration::seconds(n * 17 % (365 * 86_400));
        insert_rows!(
            self,
            "threads",
            "group_id, author_id, nonce, title, created_at, last_post_at, posts",
            1..=threads,
            |b, t| {
                b.push_bind(group_of(t))
                    .push_bind(author(t))
                    .push_bind(format!("seed{t}"))
                    .push_bind(format!("Conversation {t}"))
                    .push_bind(at(t))
                    .push_bind(at(t))
                    .push_bind(1_i64)
            }
        );
        // Every thread's opening post, then replies spread over the small groups' threads.
        insert_rows!(self, "posts", "thread_id, author_id, nonce, body, created_at", 1..=threads, |b, t| {
            b.push_bind(t)
                .push_bind(author(t))
                .push_bind(format!("seed{t}"))
                .push_bind(body(t))
                .push_bind(at(t))
        });
        let long_thread = plan.big_threads + 1;
        let replies = (plan.posts - threads - plan.long_thread_replies).max(0);
        let reply_thread = |r: i64| {
            if r < plan.long_thread_replies {
                long_thread
            } else {
                plan.big_threads + 1 + r % small_threads.max(1)
            }
        };
        insert_rows!(
            self,
            "posts",
            "thread_id, author_id, nonce, body, created_at",
            0..replies + plan.long_thread_replies,
            |b, r| {
                b.push_bind(reply_thread(r))
                    .push_bind(author(r + 7))
                    .push_bind(format!("seed-r{r}"))
                    .push_bind(body(r))
                    .push_bind(at(r + threads))
            }
        );
        on_db!(self, |pool| {
            sqlx::query(
                "UPDATE threads SET posts = (SELECT COUNT(*) FROM posts p WHERE p.thread_id = threads.id),
                     last_post_at = (SELECT MAX(p.created_at) FROM posts p WHERE p.thread_id = threads.id)
                 WHERE group_id <> $1",
            )
            .bind(base + 1)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        // Load generators sign in as these: members of a year's standing with posts of their
        // own (so new-account limits do not apply), in the big and the small group.
        let first = plan.members + 1;
        let bench_ids = first..first + i64::try_from(bench.len()).unwrap_or(0);
        insert_rows!(
            self,
            "users",
            "handle, handle_key, password_hash, role, created_at",
            bench_ids,
            |b, i| {
                let (handle, hash) =
                    usize::try_from(i - first).ok().and_then(|k| bench.get(k)).cloned().unwrap_or_default();
                b.push_bind(handle.clone())
                    .push_bind(handle.to_lowercase())
                    .push_bind(hash)
                    .push_bind("member")
                    .push_bind(joined)
            }
        );
        insert_rows!(
            self,
            "group_members",
            "group_id, user_id, role, standing, joined_at",
            0..2 * bench.len() as i64,
            |b, k| {
                b.push_bind(base + k % 2 + 1)
                    .push_bind(first + k / 2)
                    .push_bind("member")
                    .push_bind("active")
                    .push_bind(joined)
            }
        );
        let own_thread = plan.big_threads + g;
        insert_rows!(
            self,
            "posts",
            "thread_id, author_id, nonce, body, created_at",
            0..5 * bench.len() as i64,
            |b, k| {
                b.push_bind(own_thread)
                    .push_bind(first + k / 5)
                    .push_bind(format!("seed-b{k}"))
                    .push_bind(body(k))
                    .push_bind(at(k))
            }
        );
        on_db!(self, |pool| {
            sqlx::query("UPDATE groups SET members = (SELECT COUNT(*) FROM group_members m WHERE m.group_id = groups.id)")
                .execute(pool)
                .await
                .map(|r| r.rows_affected())
        })?;
        let hack = self.seed_hack(plan.hack_results.min(plan.members)).await?;
        on_db!(self, |pool| sqlx::query("ANALYZE").execute(pool).await.map(|r| r.rows_affected()))?;
        // The bundled SQLite is built with STAT4: with its samples, a statement whose parameter
        // meets a sampled index is planned again on every run, which halved the thread list's
        // rate. Foothold itself never runs ANALYZE, so members' databases have no samples
        // either; the seeded one keeps only the stat1 counts.
        if self.backend() == crate::Backend::Sqlite {
            on_db!(self, |pool| sqlx::query("DELETE FROM sqlite_stat4")
                .execute(pool)
                .await
                .map(|r| r.rows_affected()))?;
        }
        Ok(Seeded {
            hack,
            big_group: "big".into(),
            small_group: "small".into(),
            long_thread,
            posts: threads + replies + plan.long_thread_replies + 5 * i64::try_from(bench.len()).unwrap_or(0),
        })
    }

    /// One hack (by member 1) tried by members 1..=`results`, each of whom shared a pain
    /// result, then pooled as a share would.
    async fn seed_hack(&self, results: i64) -> Result<ThreadId> {
        let (group, _) = self.group(foothold_core::hacks::GROUP_SLUG, None).await?;
        let new =
            foothold_core::hacks::parse_hack("Seeded hack", "How to do it.", "free", "low", "10", &["back"])
                .map_err(|_| StoreError::Corrupt("seed"))?;
        let hack = self
            .start_hack(group.id, crate::UserId(1), "seed-hack", &new, crate::Posting::default())
            .await?
            .thread;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        insert_rows!(self, "hack_tries", "hack_id, user_id, tried_on, asked", 1..=results, |b, i| {
            b.push_bind(hack).push_bind(i).push_bind(day).push_bind(true)
        });
        let now = crate::now();
        insert_rows!(
            self,
            "hack_results",
            "hack_id, user_id, source, outcome, estimate, low, high, helps, shared_at",
            1..=results,
            |b, i| {
                let estimate = (i * 37 % 100) as f64 / 100.0 - 1.5;
                b.push_bind(hack)
                    .push_bind(i)
                    .push_bind("diary")
                    .push_bind("pain")
                    .push_bind(estimate)
                    .push_bind(estimate - 0.8)
                    .push_bind(estimate + 0.8)
                    .push_bind(estimate < -0.9)
                    .push_bind(now)
            }
        );
        // Sharing once more pools them all, as every real share does.
        if results > 0 {
            use foothold_core::hacks::pooling::{Shared, Source};
            let r = Shared { estimate: -1.0, interval: [-1.8, -0.2], helps: true };
            let pain = foothold_core::agency::Outcome::Pain;
            self.share_hack_result(hack, crate::UserId(results), &[(Source::Diary, pain, r)]).await?;
        }
        Ok(hack)
    }
}

fn body(n: i64) -> String {
    const WORDS: [&str; 8] =
        ["Pacing", "helped", "a little", "today,", "heat", "and", "a short walk", "too."];
    let k = usize::try_from(n % 5).unwrap_or(0) + 3;
    let words: Vec<&str> =
        WORDS.iter().cycle().skip(usize::try_from(n % 8).unwrap_or(0)).take(k).copied().collect();
    // Two rarer words per post, so searches can be as specific as real ones: `t17` is in
    // about one post in a thousand, `t17 u256` in almost none.
    format!("{} t{} u{}", words.join(" "), n % 997, n % 1999)
}

impl Store {
    /// For the reminder queue's benchmark (`foothold bench-reminders`): `members` members in
    /// `time_zone` with confirmed addresses, each with a check-in reminder at local `at`, all
    /// due at `due`. Into an empty database, like `seed_community`.
    pub async fn seed_reminders(
        &self,
        members: i64,
        time_zone: &str,
        at: &str,
        due: DateTime<Utc>,
    ) -> Result<()> {
        let existing: i64 =
            on_db!(self, |pool| sqlx::query_scalar("SELECT COUNT(*) FROM users").fetch_one(pool).await)?;
        if existing > 0 {
            return Err(StoreError::Unsupported("seeding a database that has accounts already"));
        }
        let now = crate::now();
        insert_rows!(
            self,
            "users",
            "handle, handle_key, password_hash, role, created_at, time_zone, email, email_verified_at",
            1..=members,
            |b, i| {
                b.push_bind(format!("m{i}"))
                    .push_bind(format!("m{i}"))
                    .push_bind("!")
                    .push_bind("member")
                    .push_bind(now)
                    .push_bind(time_zone)
                    .push_bind(format!("m{i}@example.org"))
                    .push_bind(now)
            }
        );
        insert_rows!(self, "reminders", "user_id, kind, at, token", 1..=members, |b, i| {
            b.push_bind(i).push_bind("checkin").push_bind(at).push_bind(format!("t{i}"))
        });
        insert_rows!(self, "reminder_jobs", "user_id, kind, due_at", 1..=members, |b, i| {
            b.push_bind(i).push_bind("checkin").push_bind(due)
        });
        Ok(())
    }
}
