//! What one member's profile shows another: each field to the audience its member chose,
//! nothing at all between members where either blocked the other.

use crate::error::ServiceResult;
use chrono::{DateTime, Utc};
use foothold_core::community::profile::{Looker, Profile};
use foothold_store::{Store, User};

/// A profile as `looker` may see it: `None` for each field they may not.
pub struct Seen {
    pub looker: Looker,
    pub profile: Profile,
    pub about: Option<String>,
    pub living_with: Option<String>,
    /// (slug, name) of the groups they may be told of.
    pub groups: Option<Vec<(String, String)>>,
    pub since: Option<DateTime<Utc>>,
}

pub async fn seen(store: &Store, looker: &User, them: &User) -> ServiceResult<Seen> {
    let who = if looker.id == them.id {
        Looker::Themselves
    } else if store.blocked_between(looker.id, them.id).await? {
        // A block hides everything but the name, both ways.
        return Ok(Seen {
            looker: Looker::Other,
            profile: Profile::default(),
            about: None,
            living_with: None,
            groups: None,
            since: None,
        });
    } else if store.share_a_group(looker.id, them.id).await? {
        Looker::GroupMate
    } else {
        Looker::Other
    };
    let profile = store.profile(them.id).await?;
    let shown = |text: &str, to: foothold_core::community::profile::Audience| {
        (to.shows(who) && !text.is_empty()).then(|| text.to_owned())
    };
    let groups = if profile.groups_to.shows(who) {
        Some(store.member_groups(them.id, looker.id).await?)
    } else {
        None
    };
    Ok(Seen {
        looker: who,
        about: shown(&profile.about, profile.about_to),
        living_with: shown(&profile.living_with, profile.living_with_to),
        since: profile.since_to.shows(who).then_some(them.created_at),
        groups,
        profile,
    })
}
