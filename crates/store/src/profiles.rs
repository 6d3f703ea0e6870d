//! Members' profiles, and the two facts a profile page needs about its looker: whether they
//! share a group with the member, and which of the member's groups they may be told of.

use crate::{on_db, Result, Store, StoreError, UserId};
use foothold_core::community::profile::{Audience, Profile};

type Row = (String, String, String, String, String, String);

impl Store {
    /// The member's profile; the default (nothing shown) until they save one.
    pub async fn profile(&self, user: UserId) -> Result<Profile> {
        let row: Option<Row> = on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT about, about_to, living_with, living_with_to, groups_to, since_to
                 FROM profiles WHERE user_id = $1",
            )
            .bind(user.0)
            .fetch_optional(pool)
            .await
        })?;
        let Some((about, about_to, living_with, living_with_to, groups_to, since_to)) = row else {
            return Ok(Profile::default());
        };
        let audience = |a: &str| Audience::parse(a).ok_or(StoreError::Corrupt("profiles"));
        Ok(Profile {
            about,
            about_to: audience(&about_to)?,
            living_with,
            living_with_to: audience(&living_with_to)?,
            groups_to: audience(&groups_to)?,
            since_to: audience(&since_to)?,
        })
    }

    pub async fn set_profile(&self, user: UserId, p: &Profile) -> Result<()> {
        on_db!(self, |pool| {
            sqlx::query(
                "INSERT INTO profiles (user_id, about, about_to, living_with, living_with_to, groups_to, since_to)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (user_id) DO UPDATE SET about = $2, about_to = $3, living_with = $4,
                     living_with_to = $5, groups_to = $6, since_to = $7",
            )
            .bind(user.0)
            .bind(&p.about)
            .bind(p.about_to.as_str())
            .bind(&p.living_with)
            .bind(p.living_with_to.as_str())
            .bind(p.groups_to.as_str())
            .bind(p.since_to.as_str())
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
        })?;
        Ok(())
    }

    /// Whether the two are active members of one group.
    pub async fn share_a_group(&self, a: UserId, b: UserId) -> Result<bool> {
        Ok(on_db!(self, |pool| {
            sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM group_members x JOIN group_members y ON y.group_id = x.group_id
                 WHERE x.user_id = $1 AND y.user_id = $2 AND x.standing = 'active' AND y.standing = 'active')",
            )
            .bind(a.0)
            .bind(b.0)
            .fetch_one(pool)
            .await
        })?)
    }

    /// The groups `member` takes part in that `looker` may be told of, as (slug, name): the
    /// public and members-only ones, and a private one only to its own members.
    pub async fn member_groups(&self, member: UserId, looker: UserId) -> Result<Vec<(String, String)>> {
        Ok(on_db!(self, |pool| {
            sqlx::query_as(
                "SELECT g.slug, g.name FROM groups g JOIN group_members m ON m.group_id = g.id
                 WHERE m.user_id = $1 AND m.standing = 'active'
                   AND (g.visibility <> 'private' OR EXISTS (SELECT 1 FROM group_members l
                        WHERE l.group_id = g.id AND l.user_id = $2 AND l.standing = 'active'))
                 ORDER BY g.name, g.id LIMIT 200",
            )
            .bind(member.0)
            .bind(looker.0)
            .fetch_all(pool)
            .await
        })?)
    }
}
