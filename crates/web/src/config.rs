//! Settings the HTTP layer needs. The binary fills them from the TOML file, `FOOTHOLD_*`
//! variables and flags; tests build them directly.

use foothold_services::accounts::RateLimits;
use foothold_services::mail::MailConfig;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WebConfig {
    /// Mark cookies `Secure` and send HSTS. Turn on whenever members reach Foothold over
    /// HTTPS (normally through a TLS-terminating proxy).
    pub secure_cookies: bool,
    /// Take the client address from the last `X-Forwarded-For` entry. Only safe behind a
    /// proxy that sets that header; otherwise clients could choose their own rate-limit key.
    pub trust_proxy: bool,
    /// Days of inactivity after which a login session ends.
    pub session_days: i64,
    pub limits: RateLimits,
    /// Crisis resources per language tag (`en`, `de`, …); `en` is the fallback.
    pub crisis: BTreeMap<String, CrisisResources>,
    /// A folder of FHIR R4 Questionnaire files (`*.json`) offered beside ours, e.g. a
    /// licensed instrument. A file that does not read stops the start.
    pub questionnaires_dir: Option<std::path::PathBuf>,
    /// The address members reach Foothold at, e.g. `https://foothold.example.org`: links in
    /// e-mails point there. Needed once `mail` is set.
    pub public_url: Option<String>,
    /// Sending e-mail (reminders, confirming an address, password reset). Without it, none is
    /// sent and reminders are offered in the app only.
    pub mail: Option<MailConfig>,
    /// Hold a group post that reads like a crisis until one of the group's moderators has read
    /// it. Off by default: the post is published at once (routing, not blocking); either way
    /// its author sees the crisis resources and the moderators get an urgent report.
    pub hold_crisis_posts: bool,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CrisisResources {
    /// One or two sentences shown above the list.
    #[serde(default)]
    pub intro: Option<String>,
    /// The emergency number ("999", "112"), shown first when a member may be in danger now
    /// (an overdose taken, means in hand); a generic "your local emergency number" when unset.
    #[serde(default)]
    pub emergency: Option<String>,
    /// The poison-information service, shown after the emergency number in that case.
    #[serde(default)]
    pub poison: Option<CrisisLine>,
    #[serde(default)]
    pub lines: Vec<CrisisLine>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    pub name: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub hours: Option<String>,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            trust_proxy: false,
            session_days: 30,
            limits: RateLimits::default(),
            crisis: BTreeMap::new(),
            questionnaires_dir: None,
            public_url: None,
            mail: None,
            hold_crisis_posts: false,
        }
    }
}

impl WebConfig {
    /// Whether the operator has set any crisis resources (if not, the start-up log says so).
    pub fn crisis_configured(&self) -> bool {
        self.crisis.values().any(|c| !c.lines.is_empty())
    }

    /// Whether every language with resources names its emergency number.
    pub fn emergency_configured(&self) -> bool {
        !self.crisis.is_empty() && self.crisis.values().all(|c| c.emergency.is_some())
    }

    /// Resources for a language, falling back to English.
    pub fn crisis_resources(&self, lang: &str) -> Option<&CrisisResources> {
        let set = |c: &&CrisisResources| !c.lines.is_empty() || c.emergency.is_some();
        self.crisis.get(lang).filter(set).or_else(|| self.crisis.get("en").filter(set))
    }
}
