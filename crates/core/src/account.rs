//! Account inputs: the pseudonymous handle, passwords, the optional e-mail address and roles.

use crate::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A member's public, pseudonymous name. 3–30 characters of ASCII letters, digits, `_`, `-`
/// and `.`, starting with a letter or digit. Unique regardless of case, so "Sam" and "sam"
/// cannot be two people; the spelling the member chose is kept for display.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Handle(String);

/// Names that would let someone pass as staff or as the system itself.
const RESERVED_HANDLES: &[&str] = &[
    "admin",
    "administrator",
    "foothold",
    "moderator",
    "mod",
    "root",
    "staff",
    "support",
    "system",
    "help",
    "crisis",
    "anonymous",
    "deleted",
];

impl Handle {
    pub const MIN: usize = 3;
    pub const MAX: usize = 30;

    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let s = input.trim();
        let problem = |code| Err(Invalid::one("handle", code));
        if s.is_empty() {
            return problem("handle-missing");
        }
        if s.chars().count() < Self::MIN {
            return problem("handle-too-short");
        }
        if s.chars().count() > Self::MAX {
            return problem("handle-too-long");
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) {
            return problem("handle-characters");
        }
        if !s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return problem("handle-start");
        }
        if RESERVED_HANDLES.contains(&s.to_ascii_lowercase().as_str()) {
            return problem("handle-reserved");
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The case-folded form the database keeps unique.
    pub fn key(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A password someone is choosing. Long passphrases are welcome; the upper bound only stops
/// a megabyte "password" from tying up the hasher.
///
/// `Debug` is redacted so a password can never reach a log through `{:?}`.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 10;
    /// In characters, as the API document's `maxLength` counts (at most 4 KiB to hash).
    pub const MAX: usize = 1024;

    /// `handle` is passed so the password cannot simply repeat it.
    pub fn parse(input: &str, handle: Option<&str>) -> Result<Self, Invalid> {
        let problem = |code| Err(Invalid::one("password", code));
        if input.chars().count() < Self::MIN {
            return problem("password-too-short");
        }
        if input.chars().count() > Self::MAX {
            return problem("password-too-long");
        }
        if handle.is_some_and(|h| input.trim().eq_ignore_ascii_case(h.trim())) {
            return problem("password-is-handle");
        }
        let mut chars = input.chars();
        let first = chars.next();
        if chars.all(|c| Some(c) == first) {
            return problem("password-one-character");
        }
        Ok(Self(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(<redacted>)")
    }
}

/// An optional contact address. Only its shape is checked; whether it receives mail is a
/// question for a confirmation message, not for a parser.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    /// An empty input means "no address", which is allowed.
    pub fn parse_optional(input: &str) -> Result<Option<Self>, Invalid> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(None);
        }
        let bad = || Err(Invalid::one("email", "email-invalid"));
        if s.len() > Self::MAX {
            return Err(Invalid::one("email", "email-too-long"));
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return bad();
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return bad();
        }
        Ok(Some(Self(format!("{local}@{}", domain.to_lowercase()))))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Email {
    // Addresses are personal data: keep them out of debug output and therefore out of logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(<redacted>)")
    }
}

/// What an account may do beyond its own data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Member,
    Moderator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Member, Role::Moderator, Role::Admin];

    /// Site moderators and administrators: they moderate every group and cannot be blocked.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn parse(input: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == input.trim().to_ascii_lowercase())
            .ok_or_else(|| Invalid::one("role", "role-unknown"))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code<T>(r: Result<T, Invalid>) -> Option<&'static str> {
        r.err().and_then(|e| e.problems().first().map(|p| p.code))
    }

    #[test]
    fn handles_accept_ordinary_pseudonyms_and_keep_their_spelling() {
        let h = Handle::parse("  Quiet_Fern-7 ").map(|h| (h.as_str().to_owned(), h.key()));
        assert_eq!(h, Ok(("Quiet_Fern-7".into(), "quiet_fern-7".into())));
    }

    #[test]
    fn handles_reject_each_kind_of_bad_input_with_its_own_code() {
        assert_eq!(code(Handle::parse("")), Some("handle-missing"));
        assert_eq!(code(Handle::parse("ab")), Some("handle-too-short"));
        assert_eq!(code(Handle::parse(&"a".repeat(31))), Some("handle-too-long"));
        assert_eq!(code(Handle::parse("has space")), Some("handle-characters"));
        assert_eq!(code(Handle::parse("zoë")), Some("handle-characters"));
        assert_eq!(code(Handle::parse("_under")), Some("handle-start"));
        assert_eq!(code(Handle::parse("Admin")), Some("handle-reserved"));
    }

    #[test]
    fn passwords_need_length_and_must_not_repeat_the_handle() {
        assert!(NewPassword::parse("correct horse battery", Some("sam")).is_ok());
        assert_eq!(code(NewPassword::parse("short", None)), Some("password-too-short"));
        assert_eq!(code(NewPassword::parse(&"x".repeat(1025), None)), Some("password-too-long"));
        assert_eq!(code(NewPassword::parse("QuietFern77", Some("quietfern77"))), Some("password-is-handle"));
        assert_eq!(code(NewPassword::parse("aaaaaaaaaaaa", None)), Some("password-one-character"));
    }

    #[test]
    fn secrets_and_addresses_never_appear_in_debug_output() {
        let p = NewPassword::parse("my secret passphrase", None).map(|p| format!("{p:?}"));
        assert_eq!(p.as_deref(), Ok("NewPassword(<redacted>)"));
        let e = Email::parse_optional("me@example.org").map(|e| format!("{e:?}"));
        assert_eq!(e.as_deref(), Ok("Some(Email(<redacted>))"));
    }

    #[test]
    fn email_is_optional_but_checked_when_given() {
        assert_eq!(Email::parse_optional("   "), Ok(None));
        let e = Email::parse_optional("Sam@Example.ORG").map(|e| e.map(|e| e.as_str().to_owned()));
        assert_eq!(e, Ok(Some("Sam@example.org".into())));
        for bad in ["no-at-sign", "@example.org", "a@nodot", "a@.org", "a b@example.org", "a@x..org"] {
            assert_eq!(code(Email::parse_optional(bad)), Some("email-invalid"), "{bad}");
        }
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
        }
        assert_eq!(code(Role::parse("clinician")), Some("role-unknown"));
    }
}
