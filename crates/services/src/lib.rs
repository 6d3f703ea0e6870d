//! Foothold's use-cases: what a member can do with their account, diary, experiments,
//! insights, thought records, goals, questionnaires, the community, its group sessions
//! and hacks, sharing with clinicians, direct messages, profiles, reminders and e-mail, and the support service that reads every text a
//! member writes for crisis language. The pages, the JSON API, the command line and
//! background jobs all call these, so each rule is checked in one place. They take the store
//! and what else they need (a clock, a translator for names in the member's language) and
//! return a [`ServiceError`], never an HTTP answer.

pub mod accounts;
pub mod clock;
pub mod community;
pub mod diary;
pub mod email;
pub mod error;
pub mod experiments;
pub mod goals;
pub mod group_sessions;
pub mod hacks;
pub mod i18n;
pub mod insights;
pub mod kept;
pub mod mail;
pub mod messages;
pub mod onboarding;
pub mod profiles;
pub mod push;
pub mod questionnaires;
pub mod reminders;
pub mod secret;
pub mod shares;
pub mod support;
pub mod thoughts;

pub use error::{ServiceError, ServiceResult};

use foothold_store::Store;
use std::sync::Arc;

/// What the use-cases reach beyond their arguments: the store and the parts every request
/// of this process shares. The web layer's `AppState` holds one and derefs to it, so a
/// handler passes `&app`.
#[derive(Clone)]
pub struct Services {
    pub store: Store,
    /// The members' "today" (tests move it).
    pub clock: Arc<clock::Clock>,
    /// Reads every text a member writes for crisis language.
    pub support: Arc<support::Support>,
    /// Each member's kept analysis.
    pub insights: Arc<insights::Insights>,
    pub questionnaires: Arc<questionnaires::Instruments>,
    /// Wakes this process's job runner when a use-case queued a job (notifications).
    pub jobs: Arc<tokio::sync::Notify>,
    /// Hold a post that reads like a crisis until a moderator has seen it.
    pub hold_crisis_posts: bool,
    /// Attempts allowed per window (logins, registrations, share codes).
    pub limits: accounts::RateLimits,
    /// The interface text in every language (e-mails and reminders are written in the
    /// member's).
    pub catalog: Arc<i18n::Catalog>,
    /// Sends e-mail, when the operator configured it.
    pub mailer: Option<Arc<mail::Mailer>>,
    /// Where members reach this Foothold (the Web Push contact when set).
    pub public_url: Option<String>,
    /// Sends Web Push messages; made on first use, as its key lives in the database.
    pub pushing: Arc<tokio::sync::OnceCell<Arc<push::Pusher>>>,
}

impl Services {
    /// The Web Push sender, with this Foothold's VAPID key (made and kept on first use).
    pub async fn pusher(&self) -> ServiceResult<Arc<push::Pusher>> {
        self.pushing
            .get_or_try_init(|| async {
                let secret = self.store.ensure_server_key("vapid", &push::Vapid::generate()?).await?;
                let contact = self.public_url.clone().unwrap_or_else(|| "mailto:foothold@localhost".into());
                let vapid = push::Vapid::from_stored(&secret, contact).map_err(|e| {
                    tracing::error!(error = %e, "the Web Push key");
                    ServiceError::Internal
                })?;
                let pusher = push::Pusher::new(vapid).map_err(|e| {
                    tracing::error!(error = %e, "the Web Push client");
                    ServiceError::Internal
                })?;
                Ok(Arc::new(pusher))
            })
            .await
            .cloned()
    }

    /// The member's today, in their time zone (and on the members' clock, which tests move).
    /// The zone comes with the signed-in account, so this asks the database nothing.
    pub fn today(&self, user: &foothold_store::User) -> chrono::NaiveDate {
        self.clock.today(user.time_zone)
    }
}
