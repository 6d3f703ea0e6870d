//! Groups and who belongs to them. A group's active-member count is kept in the row (the
//! directory shows it for thousands of groups) and changed in the same transaction as every
//! join, leave, approval and ban, and when an account is deleted.

use crate::{on_db, GroupId, Result, Store, StoreError, UserId};
use chrono::{DateTime, Utc};
use foothold_core::community::{GroupKind, NewGroup, Role, Standing, Visibility};
use foothold_core::hacks::Tag;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub id: GroupId,
    pub slug: String,
    pub name: String,
    pub kind: GroupKind,
    pub visibility: Visibility,
    pub about: String,
    pub rules: String,
    pub members: i64,
    pub created_at: DateTime<Utc>,
    /// What it is about, in the vocabulary's order.
    pub tags: Vec<Tag>,
}

/// A member's place in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    pub role: Role,
    pub standing: Standing,
    /// Until when a moderator paused their posting here (read, never set, through a
    /// membership: pauses are kept apart so that leaving does not end one).
    pub suspended_until: Option<DateTime<Utc>>,
}

impl Membership {
    pub fn new(role: Role, standing: Standing) -> Self {
        Self { role, standing, suspended_until: None }
    }

    /// Whether posting is paused at `now`.
    pub fn suspended_at(&self, now: DateTime<Utc>) -> bool {
        self.suspended_until.is_some_and(|t| t > now)
    }
}

/// The pause of the membership row `m`, as a column.
const PAUSE: &str =
    "(SELECT s.until_at FROM group_suspensions s WHERE s.group_id = m.group_id AND s.user_id = m.user_id)";

/// One person in a group's member list (hosts and moderators see it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user: UserId,
    pub handle: String,
    pub membership: Membership,
    pub joined_at: DateTime<Utc>,
}

type GroupRow = (GroupId, String, String, String, String, String, String, i64, DateTime<Utc>, String);
const GROUP_COLUMNS: &str =
    "g.id, g.slug, g.name, g.kind, g.visibility, g.about, g.rules, g.members, g.created_at, g.tags";

/// Topics as the `tags` column keeps them: names separated by spaces.
fn tags_text(tags: &[Tag]) -> String {
    tags.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(" ")
}

fn group_from(
    (id, slug, name, kind, visibility, about, rules, members, created_at, tags): GroupRow,
) -> Result<Group> {
    Ok(Group {
        id,
        slug,
        name,
        kind: GroupKind::parse(&kind).ok_or(StoreError::Corrupt("groups.kind"))?,
        visibility: Visibility::parse(&visibility).ok_or(StoreError::Corrupt("groups.visibility"))?,
        about,
        rules,
        members,
        created_at,
        tags: Tag::parse_all(tags.split_whitespace()).map_err(|_| StoreError::Corrupt("groups.tags"))?,
    })
}

fn membership_from(role: &str, standing: &str) -> Result<Membership> {
    Ok(Membership::new(
        Role::parse(role).ok_or(StoreError::Corrupt("group_members.role"))?,
        Standing::parse(standing).ok_or(StoreError::Corrupt("group_members.standing"))?,
    ))
}

/// A group row followed by the viewer's membership role, standing and pause (LEFT JOIN).
type ListedRow = (
    GroupId,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    DateTime<Utc>,
    String,
    Option<String>,
    Option<String>,
    Option<DateTime<Utc>>,
);

fn listed_from(
    (a, b, c, d, e, f, g, h, i, j, role, standing, paused): ListedRow,
) -> Result<(Group, Option<Membership>)> {
    let membership = match (role, standing) {
        (Some(r), Some(s)) => Some(Membership { suspended_until: paused, ..membership_from(&r, &s)? }),
        _ => None,
    };
    Ok((group_from((a, b, c, d, e, f, g, h, i, j))?, membership))
}

/// How much a change of standing moves the active-member count.
fn counted(standing: Option<Standing>) -> i64 {
    i64::from(standing == Some(Standing::Active))
}

impl Store {
    /// Creates a group with `host` as its first host. A slug already taken gets a number
    /// (`walking-2`), so two groups may share a name.
    pub async fn create_group(&self, host: UserId, new: &NewGroup) -> Result<Group> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        let id = on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let taken: Vec<String> =
                sqlx::query_scalar("SELECT slug FROM groups WHERE slug = $1 OR slug LIKE $2")
                    .bind(&new.slug)
                    .bind(format!("{}-%", new.slug))
                    .fetch_all(&mut *tx)
                    .await?;
            let slug = (1..)
                .map(|n: usize| if n == 1 { new.slug.clone() } else { format!("{}-{n}", new.slug) })
                .find(|s| !taken.contains(s))
                .unwrap_or_else(|| new.slug.clone());
            let id: GroupId = sqlx::query_scalar(
                "INSERT INTO groups (slug, name, kind, visibility, about, rules, created_at, members, tags)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) RETURNING id",
            )
            .bind(&slug)
            .bind(&new.name)
            .bind(new.kind.as_str())
            .bind(new.visibility.as_str())
            .bind(&new.about)
            .bind(&new.rules)
            .bind(now)
            .bind(tags_text(&new.tags))
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO group_members (group_id, user_id, role, standing, joined_at)
                 VALUES ($1, $2, 'host', 'active', $3)",
            )
            .bind(id)
            .bind(host.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<_, StoreError>(id)
        })?;
        self.group_by_id(id).await
    }

    /// Replaces a group's topics.
    pub async fn set_group_tags(&self, group: GroupId, tags: &[Tag]) -> Result<()> {
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            sqlx::query("UPDATE groups SET tags = $1 WHERE id = $2")
                .bind(tags_text(tags))
                .bind(group)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    pub async fn group_by_id(&self, id: GroupId) -> Result<Group> {
        let row: GroupRow = on_db!(self, |pool| {
            sqlx::query_as(&format!("SELECT {GROUP_COLUMNS} FROM groups g WHERE g.id = $1"))
                .bind(id)
                .fetch_one(pool)
                .await
        })?;
        group_from(row)
    }

    /// A group by its address, with the asking member's membership (one query).
    pub async fn group(&self, slug: &str, viewer: Option<UserId>) -> Result<(Group, Option<Membership>)> {
        let row: ListedRow = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {GROUP_COLUMNS}, m.role, m.standing, {PAUSE} FROM groups g
                 LEFT JOIN group_members m ON m.group_id = g.id AND m.user_id = $2
                 WHERE g.slug = $1"
            ))
            .bind(slug)
            .bind(viewer.map_or(0, |u| u.0))
            .fetch_one(pool)
            .await
        })?;
        listed_from(row)
    }

    /// Every group with the member's place in it: theirs first, then by kind and name. No
    /// ordering by size or activity: a directory is not a popularity ranking.
    pub async fn groups(&self, viewer: UserId) -> Result<Vec<(Group, Option<Membership>)>> {
        let rows: Vec<ListedRow> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT {GROUP_COLUMNS}, m.role, m.standing, {PAUSE} FROM groups g
                 LEFT JOIN group_members m ON m.group_id = g.id AND m.user_id = $1
                 ORDER BY CASE WHEN m.standing = 'active' THEN 0 ELSE 1 END, g.kind, g.name, g.id"
            ))
            .bind(viewer.0)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter().map(listed_from).collect()
    }

    /// Sets (or with `None`, removes) a member's place in a group and keeps the count true.
    /// Returns the membership as it was before.
    pub async fn set_membership(
        &self,
        group: GroupId,
        user: UserId,
        to: Option<Membership>,
    ) -> Result<Option<Membership>> {
        let now = crate::now();
        let begin = self.begin_write();
        let _turn = self.write_turn().await;
        on_db!(self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let before: Option<(String, String)> = sqlx::query_as(
                "SELECT role, standing FROM group_members WHERE group_id = $1 AND user_id = $2",
            )
            .bind(group)
            .bind(user.0)
            .fetch_optional(&mut *tx)
            .await?;
            let before = before.map(|(r, s)| membership_from(&r, &s)).transpose()?;
            match to {
                Some(m) => {
                    sqlx::query(
                        "INSERT INTO group_members (group_id, user_id, role, standing, joined_at)
                         VALUES ($1, $2, $3, $4, $5)
                         ON CONFLICT (group_id, user_id) DO UPDATE SET role = $3, standing = $4",
                    )
                    .bind(group)
                    .bind(user.0)
                    .bind(m.role.as_str())
                    .bind(m.standing.as_str())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                None => {
                    sqlx::query("DELETE FROM group_members WHERE group_id = $1 AND user_id = $2")
                        .bind(group)
                        .bind(user.0)
                        .execute(&mut *tx)
                        .await?;
                    // Who leaves a group stops hearing of its new conversations.
                    sqlx::query("DELETE FROM group_follows WHERE group_id = $1 AND user_id = $2")
                        .bind(group)
                        .bind(user.0)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            let delta = counted(to.map(|m| m.standing)) - counted(before.map(|m| m.standing));
            if delta != 0 {
                sqlx::query("UPDATE groups SET members = members + $1 WHERE id = $2")
                    .bind(delta)
                    .bind(group)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok::<_, StoreError>(before)
        })
    }

    /// A member's place in a group, if any.
    pub async fn membership(&self, group: GroupId, user: UserId) -> Result<Option<Membership>> {
        let row: Option<(String, String, Option<DateTime<Utc>>)> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT m.role, m.standing, {PAUSE} FROM group_members m WHERE m.group_id = $1 AND m.user_id = $2"
            ))
            .bind(group)
            .bind(user.0)
            .fetch_optional(pool)
            .await
        })?;
        row.map(|(r, s, paused)| Ok(Membership { suspended_until: paused, ..membership_from(&r, &s)? }))
            .transpose()
    }

    /// The group's hosts, moderators, people waiting to join, banned or with their posting
    /// paused — the list a host works with. Ordinary members are many and need no decision,
    /// so they are not listed.
    pub async fn group_staff_and_requests(&self, group: GroupId) -> Result<Vec<Member>> {
        type Row = (i64, String, String, String, Option<DateTime<Utc>>, DateTime<Utc>);
        let now = crate::now();
        let rows: Vec<Row> = on_db!(self, |pool| {
            sqlx::query_as(&format!(
                "SELECT u.id, u.handle, m.role, m.standing, {PAUSE}, m.joined_at FROM group_members m
                 JOIN users u ON u.id = m.user_id
                 WHERE m.group_id = $1 AND (m.role <> 'member' OR m.standing <> 'active'
                     OR EXISTS (SELECT 1 FROM group_suspensions s WHERE s.group_id = m.group_id
                         AND s.user_id = m.user_id AND s.until_at > $2))
                 ORDER BY m.standing, m.role, m.joined_at LIMIT 500"
            ))
            .bind(group)
            .bind(now)
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(id, handle, role, standing, paused, joined_at)| {
                Ok(Member {
                    user: UserId(id),
                    handle,
                    membership: Membership { suspended_until: paused, ..membership_from(&role, &standing)? },
                    joined_at,
                })
            })
            .collect()
    }
}
