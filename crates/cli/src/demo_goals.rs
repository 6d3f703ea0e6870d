//! The demo member's graded goal: standing at the kitchen counter, from a three-day baseline
//! six weeks ago through a plan rising 10 % a week, with a flare pause in the middle that
//! resumed a week back, and a few days short of the step. So the demo shows pacing as it is
//! lived, not as a straight line.

use anyhow::Result;
use chrono::{Duration, NaiveDate};
use foothold_core::goal::parse_new_goal;
use foothold_store::{Store, UserId};

pub async fn create(store: &Store, user: UserId, today: NaiveDate) -> Result<()> {
    let new = parse_new_goal(
        "Stand at the kitchen counter",
        "minutes",
        "80",
        "10",
        "20",
        "Sit for the chores, heat on my back, the breathing exercise, text Jo.",
    )?;
    let started = today - Duration::days(42);
    let goal = store.create_goal(user, "demo-goal-stand", &new, started - Duration::days(30)).await?;
    // The baseline: the last three days before the plan that have a check-in.
    let mut minutes = [10, 12, 8].into_iter();
    for back in 1..30 {
        let day = started - Duration::days(back);
        if store.checkin(user, day).await?.is_some() {
            let Some(m) = minutes.next() else { break };
            store.record_goal_step(user, goal.id, day, Some(m)).await?;
        }
    }
    store.start_goal(user, goal.id, 10.0, started).await?;
    let flare = (today - Duration::days(22), today - Duration::days(17));
    let mut plan = store.goal(user, goal.id).await?.plan().ok_or_else(|| anyhow::anyhow!("not started"))?;
    for day in started.iter_days().take_while(|d| *d <= today) {
        if day == flare.0 {
            store.pause_goal(user, goal.id, day).await?;
        }
        if day == flare.1 {
            plan = store
                .resume_goal(user, goal.id, day, true)
                .await?
                .plan()
                .ok_or_else(|| anyhow::anyhow!("no plan"))?;
        }
        let Some(target) = plan.target(day) else { continue };
        let n = (day - started).num_days();
        let amount = match n % 9 {
            _ if (flare.0..flare.1).contains(&day) => (n % 2 == 0).then_some(3),
            4 => None,
            7 => Some(target.saturating_sub(2)),
            _ => Some(target),
        };
        // Steps come with the day's check-in: a day the simulated diary skipped has none.
        if amount.is_some() && store.checkin(user, day).await?.is_some() {
            store.record_goal_step(user, goal.id, day, amount).await?;
        }
    }
    Ok(())
}
