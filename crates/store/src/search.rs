//! Full-text search over the posts a member may read: SQLite FTS5 and PostgreSQL `tsvector`
//! ('simple' configuration, diacritics kept on both), the only part that differs. Matching
//! is word for word on both backends (no stemming), so they find the same posts. The newest
//! matches a member may read are then ranked here, alike for both
//! (`foothold_core::community::snippet::relevance`, then newest first): the engines' own
//! rankings (bm25, ts_rank) would read a common word's whole list of posts on every search.

use crate::{Db, PostId, Result, Store, ThreadId, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::snippet::{relevance, snippet};

/// At most this many words of a query are searched for, each at most this long.
const MAX_WORDS: usize = 8;
const MAX_WORD: usize = 40;
/// Only the newest matches are ranked, so a very common word costs a bounded amount.
const RANKED: i64 = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub post: PostId,
    pub thread: ThreadId,
    pub thread_title: String,
    pub group_slug: String,
    pub group_name: String,
    pub author: String,
    pub created_at: DateTime<Utc>,
    /// Plain text around the first match, the matches marked
    /// (`foothold_core::community::snippet`).
    pub snippet: String,
}

/// The words of a query, lower-case, as both engines split them.
pub fn query_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= MAX_WORD)
        .map(str::to_lowercase)
        .take(MAX_WORDS)
        .collect()
}

type HitRow = (PostId, ThreadId, String, String, String, String, DateTime<Utc>, String);

impl Store {
    /// Posts matching every word of `query` that `reader` may read (public groups they are
    /// not banned from, groups they belong to; every group for `staff`), hidden ones left
    /// out. Empty for a query without words.
    pub async fn search(
        &self,
        reader: UserId,
        staff: bool,
        query: &str,
        limit: u32,
    ) -> Result<Vec<SearchHit>> {
        let words = query_words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let visible = "AND ($2 OR (g.visibility = 'public' AND NOT EXISTS (SELECT 1 FROM group_members b
                 WHERE b.group_id = g.id AND b.user_id = $3 AND b.standing = 'banned'))
             OR EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.user_id = $3
                 AND m.standing = 'active'))";
        let visible = format!("{visible} AND {}", crate::blocks::unblocked("p.author_id", "$3"));
        let rows: Vec<HitRow> = match &self.db {
            Db::Sqlite(pool) => {
                let matched: String = words.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ");
                let sql = format!(
                    "SELECT p.id, t.id, t.title, g.slug, g.name, u.handle, p.created_at, p.body
                     FROM (SELECT rowid AS id FROM posts_fts WHERE posts_fts MATCH $1
                           ORDER BY rowid DESC LIMIT {RANKED}) AS hit
                     JOIN posts p ON p.id = hit.id JOIN threads t ON t.id = p.thread_id
                     JOIN groups g ON g.id = t.group_id JOIN users u ON u.id = p.author_id
                     WHERE p.hidden = FALSE AND t.hidden = FALSE {visible}"
                );
                sqlx::query_as(&sql).bind(matched).bind(staff).bind(reader.0).fetch_all(pool).await?
            }
            Db::Postgres(pool) => {
                let sql = format!(
                    "SELECT p.id, t.id, t.title, g.slug, g.name, u.handle, p.created_at, p.body
                     FROM (SELECT id FROM posts WHERE search @@ to_tsquery('simple', $1) ORDER BY id DESC LIMIT {RANKED}) AS hit
                     JOIN posts p ON p.id = hit.id JOIN threads t ON t.id = p.thread_id
                     JOIN groups g ON g.id = t.group_id JOIN users u ON u.id = p.author_id
                     WHERE p.hidden = FALSE AND t.hidden = FALSE {visible}"
                );
                sqlx::query_as(&sql)
                    .bind(words.join(" & "))
                    .bind(staff)
                    .bind(reader.0)
                    .fetch_all(pool)
                    .await?
            }
        };
        let mut ranked: Vec<(f64, HitRow)> = rows.into_iter().map(|r| (relevance(&r.7, &words), r)).collect();
        ranked.sort_by(|(a, ra), (b, rb)| b.total_cmp(a).then(rb.0.cmp(&ra.0)));
        ranked.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        Ok(ranked
            .into_iter()
            .map(|(_, (post, thread, thread_title, group_slug, group_name, author, created_at, body))| {
                SearchHit {
                    post,
                    thread,
                    thread_title,
                    group_slug,
                    group_name,
                    author,
                    created_at,
                    snippet: snippet(&body, &words),
                }
            })
            .collect())
    }
}
