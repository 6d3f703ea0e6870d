//! A group's pinned resources: links and short Markdown documents its hosts and moderators
//! keep at the top of an advocacy group, in the order they were added.

use crate::{on_db, GroupId, Result, Store, StoreError, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::NewThread;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupResource {
    pub id: i64,
    pub title: String,
    /// Markdown.
    pub body: String,
    pub updated_at: DateTime<Utc>,
}

/// A group keeps at most this many resources: a shelf, not a library.
pub const RESOURCES_MAX: i64 = 30;

type Row = (i64, String, String, DateTime<Utc>);

fn resource((id, title, body, updated_at): Row) -> GroupResource {
    GroupResource { id, title, body, updated_at }
}

impl Store {
    pub async fn group_resources(&self, group: GroupId) -> Result<Vec<GroupResource>> {
        let rows: Vec<Row> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT id, title, body, updated_at FROM group_resources WHERE group_id = $1
                 ORDER BY position, id LIMIT $2",
            )
            .bind(group)
            .bind(RESOURCES_MAX)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows.into_iter().map(resource).collect())
    }

    /// Resource `id` of `group`; `NotFound` if it belongs to another group.
    pub async fn group_resource(&self, group: GroupId, id: i64) -> Result<GroupResource> {
        let row: Row = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT id, title, body, updated_at FROM group_resources WHERE id = $1 AND group_id = $2",
            )
            .bind(id)
            .bind(group)
            .fetch_one(pool)
            .await
        })?;
        Ok(resource(row))
    }

    /// Adds a resource at the end of the group's list; `Unsupported` once it holds
    /// [`RESOURCES_MAX`].
    pub async fn add_group_resource(&self, group: GroupId, author: UserId, new: &NewThread) -> Result<i64> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let (count, last): (i64, Option<i64>) =
                sqlx::query_as("SELECT COUNT(*), MAX(position) FROM group_resources WHERE group_id = $1")
                    .bind(group)
                    .fetch_one(&mut *tx)
                    .await?;
            if count >= RESOURCES_MAX {
                return Err(StoreError::Unsupported("more resources than a group keeps"));
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO group_resources (group_id, author_id, title, body, position, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(group)
            .bind(author.0)
            .bind(&new.title)
            .bind(&new.body)
            .bind(last.map_or(0, |p| p + 1))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(id)
        })
    }

    /// Puts the group's resources in the order of `ids` (the caller checks they are the
    /// group's, each once); one transaction, so readers never see a half-made order.
    pub async fn order_group_resources(&self, group: GroupId, ids: &[i64]) -> Result<()> {
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            for (position, id) in (0_i64..).zip(ids) {
                sqlx::query("UPDATE group_resources SET position = $1 WHERE id = $2 AND group_id = $3")
                    .bind(position)
                    .bind(id)
                    .bind(group)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(())
        })
    }

    /// Replaces a resource's title and text, or with `None` removes it.
    pub async fn change_group_resource(&self, group: GroupId, id: i64, to: Option<&NewThread>) -> Result<()> {
        let now = crate::now();
        let done = on_db!(self, |pool| {
            match to {
                Some(new) => {
                    sqlx::query(
                        "UPDATE group_resources SET title = $3, body = $4, updated_at = $5
                         WHERE id = $1 AND group_id = $2",
                    )
                    .bind(id)
                    .bind(group)
                    .bind(&new.title)
                    .bind(&new.body)
                    .bind(now)
                    .execute(pool)
                    .await
                }
                None => {
                    sqlx::query("DELETE FROM group_resources WHERE id = $1 AND group_id = $2")
                        .bind(id)
                        .bind(group)
                        .execute(pool)
                        .await
                }
            }
            .map(|r| r.rows_affected())
        })?;
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
