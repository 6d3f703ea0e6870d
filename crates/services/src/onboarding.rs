//! Setting up the check-in (onboarding step 2, and "Your check-in" under the account): the
//! member's time zone, what the check-in asks and in which order, and which built-in
//! strategies it offers. Everything is checked before anything is written.

use crate::accounts;
use crate::error::ServiceResult;
use foothold_core::checkin::{self, Item};
use foothold_core::Invalid;
use foothold_store::{Store, UserId};

/// What a setup form sends; `None` leaves that part as it is.
pub struct Setup<'a> {
    pub time_zone: Option<&'a str>,
    /// The item names ticked.
    pub items: &'a [String],
    /// The member's order before this change (the ticked items keep it).
    pub order: &'a [Item],
    /// The built-in strategies ticked (their ids), when the form offered them.
    pub strategies: Option<&'a [String]>,
}

pub async fn save(store: &Store, user: UserId, setup: &Setup<'_>) -> ServiceResult<Vec<Item>> {
    let zone = setup.time_zone.map(accounts::parse_time_zone).transpose()?;
    let items = checkin::choose_items(setup.items, setup.order)?;
    let ticked: Option<Vec<i64>> = setup
        .strategies
        .map(|ids| {
            ids.iter()
                .map(|id| id.parse().map_err(|_| Invalid::one("strategies", "strategy-unknown")))
                .collect()
        })
        .transpose()?;
    if let Some(zone) = zone {
        store.set_time_zone(user, zone).await?;
    }
    store.set_checkin_items(user, &checkin::items_to_stored(&items)).await?;
    if let Some(ticked) = ticked {
        // Only built-ins are offered; the member's own strategies are left as they are.
        for s in store.strategies(user).await?.iter().filter(|s| s.builtin_key.is_some()) {
            let archived = !ticked.contains(&s.id.0);
            if s.archived != archived {
                store.set_strategy_archived(user, s.id, archived).await?;
            }
        }
    }
    Ok(items)
}
