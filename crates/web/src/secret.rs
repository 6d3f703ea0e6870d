//! Passwords and random tokens.
//!
//! Passwords are hashed with Argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes, the
//! OWASP recommendation) on the blocking pool, because a hash takes tens of milliseconds
//! of CPU and must not stall the async workers. Tokens are 256 random bits from the OS;
//! only their SHA-256 is stored.

use crate::error::{AppError, AppResult};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use foothold_core::account::NewPassword;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

fn random_bytes<const N: usize>() -> AppResult<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| {
        tracing::error!(error = %e, "OS random source failed");
        AppError::Internal
    })?;
    Ok(bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new unguessable token (64 hex characters).
pub fn random_token() -> AppResult<String> {
    Ok(hex(&random_bytes::<32>()?))
}

/// The form in which a token is stored and looked up.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn hash_blocking(password: &str) -> AppResult<String> {
    let salt = SaltString::encode_b64(&random_bytes::<16>()?).map_err(|e| {
        tracing::error!(error = %e, "salt encoding failed");
        AppError::Internal
    })?;
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    })
}

pub async fn hash_password(password: &NewPassword) -> AppResult<String> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await.map_err(|_| AppError::Internal)?
}

/// Checks a password against a stored hash. With no hash (unknown handle) it still spends
/// the same work on a stand-in, so response times do not reveal which handles exist.
pub async fn verify_password(password: String, stored: Option<String>) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || {
        static STAND_IN: OnceLock<Option<String>> = OnceLock::new();
        let stand_in = STAND_IN.get_or_init(|| hash_blocking("no account has this password").ok());
        let (hash, real) = match &stored {
            Some(h) => (Some(h.as_str()), true),
            None => (stand_in.as_deref(), false),
        };
        let Some(parsed) = hash.and_then(|h| PasswordHash::new(h).ok()) else {
            return false;
        };
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        ok && real
    })
    .await
    .map_err(|_| AppError::Internal)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let pw = NewPassword::parse("a long enough passphrase", None).unwrap();
        let hash = hash_password(&pw).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password(pw.expose().into(), Some(hash.clone())).await.unwrap());
        assert!(!verify_password("wrong passphrase".into(), Some(hash)).await.unwrap());
        assert!(!verify_password("no account has this password".into(), None).await.unwrap());
    }

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash("x"), token_hash("x"));
        assert!(same_secret(&a, &a.clone()) && !same_secret(&a, &b) && !same_secret("ab", "abc"));
    }
}
