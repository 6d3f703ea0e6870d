//! Reminders between the queue and the member: setting them (the next occurrence is worked out
//! here, in the member's time zone), deciding at send time whether one is needed (today's
//! check-in already in: no reminder), writing it, and the background runner that sends due
//! ones. Timing rules live in `foothold_core::reminder`, the queue in the store.

use crate::error::ServiceResult;
use crate::experiments;
use crate::goals;
use crate::i18n::Tr;
use crate::mail::{Mail, Mailer};
use crate::Services;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use foothold_core::experiment::Status;
use foothold_core::reminder::{next_due, Kind};
use foothold_store::{Claimed, Done, UserId};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// How long a server holds claimed reminders before another may take them over.
pub const LEASE: Duration = Duration::minutes(5);
/// Reminders claimed at once.
pub const BATCH: u32 = 500;
/// How long one batch may spend sending: half the lease.
const WITHIN_LEASE: std::time::Duration = std::time::Duration::from_secs(150);
/// A reminder that could not be sent for this long is given up for the day.
const GIVE_UP: Duration = Duration::hours(2);

/// Sets (or with `None` removes) the member's reminder of `kind` at local `at`.
pub async fn set(app: &Services, user: UserId, kind: Kind, at: Option<NaiveTime>) -> ServiceResult<()> {
    // The zone from the database, not the session's copy: this runs right after a change.
    let tz = app.store.time_zone(user).await?;
    let quiet = app.store.quiet_hours(user).await?;
    let due = at.map_or_else(|| app.clock.now(), |at| next_due(at, quiet, tz, app.clock.now()));
    let token = crate::secret::random_token()?;
    app.store.set_reminder(user, kind, at, due, &token).await?;
    Ok(())
}

/// Works every reminder's next occurrence out again, after the member changed their time zone
/// or quiet hours.
pub async fn reschedule(app: &Services, user: UserId) -> ServiceResult<()> {
    for (kind, at) in app.store.reminders(user).await? {
        set(app, user, kind, Some(at)).await?;
    }
    Ok(())
}

/// What a reminder says: the page to do it on and, when it says more than its kind's usual
/// line (the digest's count), that line.
struct Nudge {
    path: String,
    line: Option<String>,
}

/// What there is to remind of, as the member's own data says, or `None` when there is
/// nothing (today's check-in is in, no session later today, nothing new since yesterday …).
async fn needed(app: &Services, c: &Claimed, today: NaiveDate, tr: &Tr) -> ServiceResult<Option<Nudge>> {
    if c.kind == Kind::Digest {
        // What arrived since the day before's digest and is still unread: told as a count
        // only, since e-mail is not private and posts may speak of health.
        let new = app.store.unread_since(c.user, c.due_at - Duration::days(1)).await?;
        return Ok((new > 0).then(|| Nudge {
            path: "/notifications".to_owned(),
            line: Some(tr.ta("reminder-line-digest", &[("count", &new.to_string())])),
        }));
    }
    let path = needed_page(app, c, today, tr).await?;
    Ok(path.map(|path| Nudge { path, line: None }))
}

/// The page of a reminder about the member's own diary, when there is something to do.
async fn needed_page(
    app: &Services,
    c: &Claimed,
    today: NaiveDate,
    tr: &Tr,
) -> ServiceResult<Option<String>> {
    let yes = |needed: bool, path: &str| needed.then(|| path.to_owned());
    Ok(match c.kind {
        // Told apart above: it is about the community, not the diary.
        Kind::Digest => None,
        Kind::Checkin => yes(app.store.checkin(c.user, today).await?.is_none(), "/checkin"),
        Kind::Experiment => {
            let running = experiments::load_all(&app.store, tr, c.user).await?.iter().any(|e| {
                e.status(today) == Status::Running
                    && e.on(today).is_some()
                    && !e.stored.followed.contains_key(&today)
            });
            yes(running, "/experiments")
        }
        Kind::Questionnaire => {
            let user = app.store.user(c.user).await?;
            let due = app.questionnaires.due(&app.store, &user, today, c.time_zone).await?;
            yes(!due.is_empty(), "/questionnaires")
        }
        Kind::Goal => {
            let goals = goals::on_day(&app.store, c.user, today).await?;
            let waiting = goals
                .iter()
                .any(|g| g.current() && !g.goal.paused() && g.target.is_some() && g.done.is_none());
            yes(waiting, "/goals")
        }
        Kind::Session => {
            // From the reminder's time to the end of the member's day.
            let tz = c.time_zone;
            let end = today
                .succ_opt()
                .map_or(c.due_at, |d| foothold_core::reminder::instant_on(d, NaiveTime::MIN, tz));
            let sessions = app.store.member_sessions(c.user).await?;
            sessions
                .iter()
                .find(|s| !s.cancelled && !s.plan.schedule.occurrences(c.due_at, end).is_empty())
                .map(|s| format!("/sessions/{}", s.id))
        }
    })
}

/// The reminder as an e-mail: a line on what, a link to do it, and how to stop them.
fn message<'a>(tr: &Tr, mailer: &Mailer, c: &'a Claimed, to: &'a str, nudge: &Nudge) -> Mail<'a> {
    let kind = c.kind.as_str();
    let off = format!("{}/reminders/off/{}", mailer.base, c.token);
    let line = nudge.line.clone().unwrap_or_else(|| tr.t(&format!("reminder-line-{kind}")));
    let body = tr.ta(
        "reminder-mail-body",
        &[
            ("line", &line),
            ("link", &format!("{}{}", mailer.base, nudge.path)),
            ("settings", &format!("{}/account/reminders", mailer.base)),
            ("off", &off),
            ("snooze", &format!("{}/reminders/snooze/{}", mailer.base, c.token)),
        ],
    );
    Mail {
        to,
        subject: tr.t(&format!("reminder-subject-{kind}")),
        body,
        unsubscribe: Some(format!("{}/api/v1/reminders/off/{}", mailer.base, c.token)),
    }
}

/// Sends the reminder as a notification to every browser the member subscribed: `None` if
/// there is none, else whether one took it. Subscriptions the push service says are gone are
/// forgotten. The notification says what and links to it; nothing about health.
async fn notify(
    app: &Services,
    c: &Claimed,
    tr: &Tr,
    nudge: &Nudge,
    now: DateTime<Utc>,
) -> ServiceResult<Option<bool>> {
    let subscriptions = app.store.push_subscriptions(c.user).await?;
    if subscriptions.is_empty() {
        return Ok(None);
    }
    let pusher = app.pusher().await?;
    let kind = c.kind.as_str();
    let payload = serde_json::json!({
        "title": tr.t(&format!("reminder-subject-{kind}")),
        "body": nudge.line.clone().unwrap_or_else(|| tr.t(&format!("reminder-push-{kind}"))),
        "url": nudge.path,
    })
    .to_string();
    let mut delivered = false;
    for (endpoint, p256dh, auth) in subscriptions {
        let sub = crate::push::Subscription { endpoint, p256dh, auth };
        match pusher.send(&sub, &payload, now.timestamp()).await {
            crate::push::Sent::Delivered => delivered = true,
            crate::push::Sent::Gone => app.store.remove_push_subscription(None, &sub.endpoint).await?,
            crate::push::Sent::Failed => {}
        }
    }
    Ok(Some(delivered))
}

/// What one run of the queue did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ran {
    pub claimed: usize,
    pub sent: usize,
    /// Nothing to remind of, or no confirmed address to send to.
    pub skipped: usize,
    /// Left claimed, to be tried again after the lease.
    pub failed: usize,
}

/// Claims one batch of due reminders as `server`, sends those that are needed through `send`,
/// and moves each on to its next occurrence. `send` is the mailer in the server; the queue's
/// benchmark passes one that only counts.
pub async fn run_batch<F, Fut>(
    app: &Services,
    server: &str,
    now: DateTime<Utc>,
    mut send: F,
) -> ServiceResult<Ran>
where
    F: FnMut(Mail<'_>) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let claimed = app.store.claim_reminders(server, now, LEASE, BATCH).await?;
    let mut ran = Ran { claimed: claimed.len(), ..Ran::default() };
    let mut done = Vec::with_capacity(claimed.len());
    let started = std::time::Instant::now();
    for c in &claimed {
        if started.elapsed() > WITHIN_LEASE {
            // Slow mail or push services: stop well before the claim runs out, so nothing sent
            // here can be claimed and sent again elsewhere. The rest are retried after it.
            ran.failed += 1;
            continue;
        }
        let tz = c.time_zone;
        let today = c.due_at.with_timezone(&tz).date_naive();
        let tr = app.catalog.negotiate(c.locale.as_deref(), None);
        let next = next_due(c.at, c.quiet, tz, now.max(c.due_at));
        let Some(nudge) = needed(app, c, today, &tr).await? else {
            ran.skipped += 1;
            done.push(Done { id: c.id, next, sent: false });
            continue;
        };
        let pushed = notify(app, c, &tr, &nudge, now).await?;
        let mailed = match (&c.email, &app.mailer) {
            (Some(to), Some(mailer)) => Some(send(message(&tr, mailer, c, to, &nudge)).await),
            _ => None,
        };
        let sent = match (pushed, mailed) {
            (None, None) => {
                // Nowhere to send it: no confirmed address, no browser subscribed.
                ran.skipped += 1;
                done.push(Done { id: c.id, next, sent: false });
                continue;
            }
            (p, m) => p.unwrap_or(false) || m.unwrap_or(false),
        };
        if sent {
            ran.sent += 1;
            done.push(Done { id: c.id, next, sent: true });
        } else if now - c.due_at > GIVE_UP {
            ran.skipped += 1;
            done.push(Done { id: c.id, next, sent: false });
        } else {
            ran.failed += 1;
        }
    }
    app.store.complete_reminders(server, &done).await?;
    Ok(ran)
}

/// Sending through the mailer, as the server does: a failure is logged, and the reminder is
/// tried again after its lease.
pub fn by_mail(mailer: Arc<Mailer>) -> impl FnMut(Mail<'_>) -> Pin<Box<dyn Future<Output = bool> + Send>> {
    move |mail: Mail<'_>| {
        let mailer = mailer.clone();
        let (to, subject, body, unsubscribe) =
            (mail.to.to_owned(), mail.subject, mail.body, mail.unsubscribe);
        Box::pin(async move {
            match mailer.send(Mail { to: &to, subject, body, unsubscribe }).await {
                Ok(()) => true,
                Err(e) => {
                    tracing::warn!(error = %e, "a reminder was not sent; it is tried again");
                    false
                }
            }
        })
    }
}

/// Sends due reminders in the background: every half minute, batch after batch while they
/// come full. Without e-mail configured, Web Push still goes out.
pub async fn run(app: Services) {
    let Ok(server) = crate::secret::random_token() else { return };
    loop {
        let sent = match app.mailer.clone() {
            Some(mailer) => run_batch(&app, &server, app.clock.now(), by_mail(mailer)).await,
            None => run_batch(&app, &server, app.clock.now(), |_| std::future::ready(false)).await,
        };
        match sent {
            Ok(ran) if ran.claimed == BATCH as usize => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = ?e, "the reminder queue could not run"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(30)).await;
    }
}
