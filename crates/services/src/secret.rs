//! Passwords and random tokens.
//!
//! Passwords are hashed with Argon2id at m = 7 MiB, t = 5, p = 1 — one of OWASP's
//! equal-strength settings, chosen over 19 MiB / t = 2 because it keeps the working memory
//! small. Hashing runs on a dedicated pool of one thread per core, each reusing one buffer:
//! memory stays bounded (the blocking pool would leave a retained 19 MiB arena behind on
//! every thread it ever used) and a flood of logins queues instead of starving the server.
//! Stored hashes are standard PHC strings, so hashes made with other parameters still
//! verify. Tokens are 256 random bits from the OS; only their SHA-256 is stored.

use crate::error::{ServiceError, ServiceResult};
use argon2::password_hash::{Output, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use foothold_core::account::NewPassword;
use sha2::{Digest, Sha256};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Mutex, OnceLock};

/// Argon2id cost: memory in KiB, passes, lanes.
const M_COST: u32 = 7 * 1024;
const T_COST: u32 = 5;
const P_COST: u32 = 1;
const HASH_LEN: usize = 32;

/// `N` bytes from the operating system's random source; its failure is an error, never a
/// weaker value.
pub fn random_bytes<const N: usize>() -> ServiceResult<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| {
        tracing::error!(error = %e, "OS random source failed");
        ServiceError::Internal
    })?;
    Ok(bytes)
}

/// A new unguessable token (64 hex characters).
pub fn random_token() -> ServiceResult<String> {
    Ok(foothold_core::hex::encode(&random_bytes::<32>()?))
}

/// The form in which a token is stored and looked up.
pub fn token_hash(token: &str) -> String {
    foothold_core::hex::encode(&Sha256::digest(token.as_bytes()))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn internal<E: std::fmt::Display>(what: &'static str) -> impl FnOnce(E) -> ServiceError {
    move |e| {
        tracing::error!(error = %e, what, "password hashing failed");
        ServiceError::Internal
    }
}

type Job = Box<dyn FnOnce(&mut Vec<Block>) + Send>;

/// The hashing pool: jobs go in through a channel, each worker owns a reusable buffer.
fn pool() -> &'static Mutex<Sender<Job>> {
    static POOL: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        for i in 0..workers {
            let rx = Arc::clone(&rx);
            let spawned = std::thread::Builder::new().name(format!("argon2-{i}")).spawn(move || {
                let mut memory = Vec::new();
                loop {
                    let job = match rx.lock() {
                        Ok(guard) => guard.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(&mut memory),
                        Err(_) => return, // the sender is gone: the process is ending
                    }
                }
            });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "cannot start a password hashing thread");
            }
        }
        Mutex::new(tx)
    })
}

/// Runs `work` on the hashing pool and waits for it without blocking the async workers.
async fn on_pool<T: Send + 'static>(
    work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
) -> ServiceResult<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move |memory| {
        let _ = tx.send(work(memory));
    });
    pool().lock().map_err(|_| ServiceError::Internal)?.send(job).map_err(|_| ServiceError::Internal)?;
    rx.await.map_err(|_| ServiceError::Internal)
}

/// Argon2 of `password` with `salt` under `params`, in the worker's reusable memory.
fn argon2(
    algorithm: Algorithm,
    version: Version,
    params: Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
    memory: &mut Vec<Block>,
) -> Result<(), argon2::Error> {
    let blocks = params.block_count();
    memory.resize(blocks, Block::default());
    let result = memory.get_mut(..blocks).ok_or(argon2::Error::MemoryTooLittle).and_then(|m| {
        Argon2::new(algorithm, version, params).hash_password_into_with_memory(password, salt, out, m)
    });
    // A hash made with more memory than ours (an old or imported one) must not leave its
    // larger buffer behind.
    if blocks > M_COST as usize {
        memory.truncate(M_COST as usize);
        memory.shrink_to_fit();
    }
    result
}

fn hash_with(password: &str, memory: &mut Vec<Block>) -> ServiceResult<String> {
    let salt_bytes = random_bytes::<16>()?;
    let salt = SaltString::encode_b64(&salt_bytes).map_err(internal("salt"))?;
    let params = Params::new(M_COST, T_COST, P_COST, Some(HASH_LEN)).map_err(internal("params"))?;
    let mut out = [0u8; HASH_LEN];
    argon2(Algorithm::Argon2id, Version::V0x13, params, password.as_bytes(), &salt_bytes, &mut out, memory)
        .map_err(internal("argon2"))?;
    let output = Output::new(&out).map_err(internal("output"))?;
    Ok(format!("$argon2id$v=19$m={M_COST},t={T_COST},p={P_COST}${}${output}", salt.as_str()))
}

fn verify_with(password: &str, stored: &str, memory: &mut Vec<Block>) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else { return false };
    let (Ok(algorithm), Ok(params), Some(salt), Some(expected)) =
        (Algorithm::try_from(parsed.algorithm), Params::try_from(&parsed), parsed.salt, parsed.hash)
    else {
        return false;
    };
    let version = parsed.version.and_then(|v| Version::try_from(v).ok()).unwrap_or(Version::V0x13);
    let mut salt_buf = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_buf) else { return false };
    let mut out = vec![0u8; expected.len()];
    if argon2(algorithm, version, params, password.as_bytes(), salt_bytes, &mut out, memory).is_err() {
        return false;
    }
    // `Output` compares in constant time.
    Output::new(&out).is_ok_and(|computed| computed == expected)
}

pub async fn hash_password(password: &NewPassword) -> ServiceResult<String> {
    let password = password.expose().to_owned();
    on_pool(move |memory| hash_with(&password, memory)).await?
}

/// Checks a password against a stored hash. With no hash (unknown handle) it still spends
/// the same work on a stand-in, so response times do not reveal which handles exist.
pub async fn verify_password(password: String, stored: Option<String>) -> ServiceResult<bool> {
    on_pool(move |memory| {
        static STAND_IN: OnceLock<String> = OnceLock::new();
        match &stored {
            Some(hash) => Ok(verify_with(&password, hash, memory)),
            None => {
                // A stand-in that failed to hash (no random salt) must fail the login, not
                // become an empty hash that answers at once and gives the handle away.
                let stand_in = match STAND_IN.get() {
                    Some(s) => s,
                    None => {
                        let made = hash_with("no account has this password", memory)?;
                        STAND_IN.get_or_init(|| made)
                    }
                };
                let _ = verify_with(&password, stand_in, memory);
                Ok(false)
            }
        }
    })
    .await?
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let pw = NewPassword::parse("a long enough passphrase", None).unwrap();
        let hash = hash_password(&pw).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"), "{hash}");
        // A standard PHC string: the reference implementation accepts it.
        use argon2::password_hash::PasswordVerifier;
        let parsed = PasswordHash::new(&hash).unwrap();
        assert!(Argon2::default().verify_password(pw.expose().as_bytes(), &parsed).is_ok());
        assert!(verify_password(pw.expose().into(), Some(hash.clone())).await.unwrap());
        assert!(!verify_password("wrong passphrase".into(), Some(hash)).await.unwrap());
        assert!(!verify_password("no account has this password".into(), None).await.unwrap());
    }

    #[tokio::test]
    async fn hashes_made_with_other_parameters_still_verify() {
        // The `argon2` crate's own defaults (19 MiB, t = 2), as an older Foothold or an
        // imported account might have stored.
        use argon2::password_hash::PasswordHasher;
        let salt = SaltString::encode_b64(b"0123456789abcdef").unwrap();
        let old = Argon2::default().hash_password(b"an older passphrase", &salt).unwrap().to_string();
        assert!(old.contains("m=19456"));
        assert!(verify_password("an older passphrase".into(), Some(old.clone())).await.unwrap());
        assert!(!verify_password("an older passphrase!".into(), Some(old)).await.unwrap());
        assert!(!verify_password("x".into(), Some("not a hash".into())).await.unwrap());
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
