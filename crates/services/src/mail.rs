//! Sending e-mail over SMTP (lettre). A message is plain text in the member's language with
//! no health data in it — e-mail is not private — and, for reminders, a one-click way to
//! turn them off (RFC 8058).

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Where mail goes out: the `[mail]` section of the configuration.
#[derive(Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailConfig {
    /// `smtps://user:pass@host` (TLS), `smtp://user:pass@host:587?tls=required` (STARTTLS), or
    /// `smtp://localhost:25` for a relay on the same machine.
    pub smtp_url: String,
    /// The sender, e.g. `Foothold <reminders@foothold.example.org>`.
    pub from: String,
}

/// The SMTP address may hold a password: never printed.
impl std::fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig").field("smtp_url", &"<redacted>").field("from", &self.from).finish()
    }
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// Where links in messages point, without a trailing slash.
    pub base: String,
}

/// One message to one member.
pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: String,
    pub body: String,
    /// For reminders: the address that turns them off in one click.
    pub unsubscribe: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the address cannot be used")]
    Address,
    #[error("the message could not be built")]
    Build,
    #[error("sending failed: {0}")]
    Send(String),
}

impl Mailer {
    /// From the configuration; `None` when no mail is configured. A configuration that cannot
    /// work (a bad URL or sender, no public address for links) stops the start.
    pub fn from_config(mail: Option<&MailConfig>, public_url: Option<&str>) -> Result<Option<Self>, String> {
        let Some(MailConfig { smtp_url, from }) = mail else { return Ok(None) };
        let base = public_url
            .map(|u| u.trim_end_matches('/').to_owned())
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
            .ok_or("mail needs public_url (https://…): links in e-mails point there")?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("mail.smtp_url: {e}"))?
            .build();
        let from = from.parse::<Mailbox>().map_err(|e| format!("mail.from: {e}"))?;
        Ok(Some(Self { transport, from, base }))
    }

    pub async fn send(&self, mail: Mail<'_>) -> Result<(), MailError> {
        let to = mail.to.parse::<Mailbox>().map_err(|_| MailError::Address)?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body)
            .map_err(|_| MailError::Build)?;
        let mut message = message;
        if let Some(url) = mail.unsubscribe {
            let headers = message.headers_mut();
            headers.insert_raw(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ));
            headers.insert_raw(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
        }
        self.transport.send(message).await.map(|_| ()).map_err(|e| MailError::Send(e.to_string()))
    }
}
