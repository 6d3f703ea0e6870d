//! Web Push: reminders as notifications on the member's phone, with no third party of our
//! choosing — the browser's own push service carries them, and cannot read them.
//!
//! - The message is encrypted for the browser's key (RFC 8291, `aes128gcm`, RFC 8188): an
//!   ephemeral P-256 key agreement, HKDF-SHA-256, AES-128-GCM, one record.
//! - The request is signed with this Foothold's VAPID key (RFC 8292): an ES256 JWT naming the
//!   push service and a contact. The key is made once and kept in the database, so every app
//!   server signs as the same sender.

use crate::error::{ServiceError, ServiceResult};
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes128Gcm, Nonce};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hkdf::Hkdf;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::{PublicKey, SecretKey};
use sha2::Sha256;

/// A browser's subscription, as `PushSubscription.toJSON()` gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub endpoint: String,
    /// The browser's P-256 public key, uncompressed, base64url.
    pub p256dh: String,
    /// Its 16-byte authentication secret, base64url.
    pub auth: String,
}

/// The longest endpoint accepted; push services use a few hundred characters.
pub const ENDPOINT_MAX: usize = 1_000;

/// Checks a subscription sent by a browser (or an API client): an `https` endpoint (or `http`
/// on the loopback, for tests and local push services), a valid P-256 point, a 16-byte secret.
pub fn parse_subscription(
    endpoint: &str,
    p256dh: &str,
    auth: &str,
) -> Result<Subscription, foothold_core::Invalid> {
    use foothold_core::Invalid;
    let endpoint = endpoint.trim();
    let local = endpoint.starts_with("http://127.0.0.1:") || endpoint.starts_with("http://localhost:");
    if endpoint.len() > ENDPOINT_MAX || !(endpoint.starts_with("https://") || local) {
        return Err(Invalid::one("endpoint", "push-endpoint"));
    }
    let key_ok = URL_SAFE_NO_PAD
        .decode(p256dh.trim_end_matches('='))
        .ok()
        .and_then(|k| PublicKey::from_sec1_bytes(&k).ok());
    let auth_ok = URL_SAFE_NO_PAD.decode(auth.trim_end_matches('=')).ok().filter(|a| a.len() == 16);
    if key_ok.is_none() || auth_ok.is_none() {
        return Err(Invalid::one("keys", "push-keys"));
    }
    Ok(Subscription { endpoint: endpoint.to_owned(), p256dh: p256dh.to_owned(), auth: auth.to_owned() })
}

/// Encrypts `plaintext` for a subscription with the ephemeral key `ephemeral` and `salt`
/// (both random in use; fixed in the known-answer test of RFC 8291's appendix).
pub fn encrypt(
    sub: &Subscription,
    plaintext: &[u8],
    ephemeral: &SecretKey,
    salt: [u8; 16],
) -> ServiceResult<Vec<u8>> {
    let ua_public_bytes =
        URL_SAFE_NO_PAD.decode(sub.p256dh.trim_end_matches('=')).map_err(|_| ServiceError::BadRequest)?;
    let ua_public = PublicKey::from_sec1_bytes(&ua_public_bytes).map_err(|_| ServiceError::BadRequest)?;
    let auth =
        URL_SAFE_NO_PAD.decode(sub.auth.trim_end_matches('=')).map_err(|_| ServiceError::BadRequest)?;
    let as_public = ephemeral.public_key().to_encoded_point(false);
    let shared = p256::ecdh::diffie_hellman(ephemeral.to_nonzero_scalar(), ua_public.as_affine());
    // RFC 8291 §3.4: the input keying material from the shared secret and both public keys.
    let mut key_info = b"WebPush: info\0".to_vec();
    key_info.extend_from_slice(&ua_public_bytes);
    key_info.extend_from_slice(as_public.as_bytes());
    let mut ikm = [0u8; 32];
    Hkdf::<Sha256>::new(Some(&auth), shared.raw_secret_bytes())
        .expand(&key_info, &mut ikm)
        .map_err(|_| ServiceError::Internal)?;
    // RFC 8188 §2.2: the content-encryption key and nonce.
    let prk = Hkdf::<Sha256>::new(Some(&salt), &ikm);
    let mut cek = [0u8; 16];
    let mut nonce = [0u8; 12];
    prk.expand(b"Content-Encoding: aes128gcm\0", &mut cek).map_err(|_| ServiceError::Internal)?;
    prk.expand(b"Content-Encoding: nonce\0", &mut nonce).map_err(|_| ServiceError::Internal)?;
    // One record: the message, then the last-record delimiter.
    let mut record = plaintext.to_vec();
    record.push(2);
    let cipher = Aes128Gcm::new_from_slice(&cek).map_err(|_| ServiceError::Internal)?;
    let sealed =
        cipher.encrypt(Nonce::from_slice(&nonce), record.as_slice()).map_err(|_| ServiceError::Internal)?;
    let mut body = Vec::with_capacity(16 + 4 + 1 + 65 + sealed.len());
    body.extend_from_slice(&salt);
    body.extend_from_slice(&4096u32.to_be_bytes());
    body.push(65);
    body.extend_from_slice(as_public.as_bytes());
    body.extend_from_slice(&sealed);
    Ok(body)
}

/// This Foothold's VAPID key.
pub struct Vapid {
    key: SigningKey,
    /// Who to contact about the messages (`mailto:` or `https:`), as push services ask.
    contact: String,
}

impl Vapid {
    /// From the key's 32 secret bytes (base64url, as kept in the database).
    pub fn from_stored(secret: &str, contact: String) -> Result<Self, String> {
        let bytes =
            URL_SAFE_NO_PAD.decode(secret).map_err(|_| "the stored VAPID key does not read".to_owned())?;
        let key = SigningKey::from_slice(&bytes)
            .map_err(|_| "the stored VAPID key is not a P-256 key".to_owned())?;
        Ok(Self { key, contact })
    }

    /// A new key's secret bytes, base64url, to keep.
    pub fn generate() -> ServiceResult<String> {
        loop {
            let bytes = crate::secret::random_bytes::<32>()?;
            if SigningKey::from_slice(&bytes).is_ok() {
                return Ok(URL_SAFE_NO_PAD.encode(bytes));
            }
        }
    }

    /// The public key browsers subscribe with (`applicationServerKey`), base64url.
    pub fn public_key(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.key.verifying_key().to_encoded_point(false).as_bytes())
    }

    /// The `Authorization` header for a request to `endpoint`, valid for 12 hours from `now`.
    pub fn authorization(&self, endpoint: &str, now: i64) -> ServiceResult<String> {
        let audience = origin(endpoint).ok_or(ServiceError::BadRequest)?;
        let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"ES256"}"#);
        let claims = serde_json::json!({ "aud": audience, "exp": now + 12 * 3600, "sub": self.contact });
        let claims = URL_SAFE_NO_PAD.encode(claims.to_string());
        let signed = format!("{header}.{claims}");
        let signature: Signature = self.key.sign(signed.as_bytes());
        let jwt = format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()));
        Ok(format!("vapid t={jwt}, k={}", self.public_key()))
    }
}

/// `https://push.example.org` of `https://push.example.org/send/abc`.
fn origin(endpoint: &str) -> Option<String> {
    let (scheme, rest) = endpoint.split_once("://")?;
    let host = rest.split('/').next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

/// What became of one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sent {
    Delivered,
    /// The subscription is gone (404/410): forget it.
    Gone,
    /// Try again later.
    Failed,
}

/// Sends Web Push messages.
pub struct Pusher {
    vapid: Vapid,
    client: reqwest::Client,
}

impl Pusher {
    pub fn new(vapid: Vapid) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("push client: {e}"))?;
        Ok(Self { vapid, client })
    }

    pub fn public_key(&self) -> String {
        self.vapid.public_key()
    }

    /// Sends `payload` (JSON text the service worker reads) to one subscription.
    pub async fn send(&self, sub: &Subscription, payload: &str, now: i64) -> Sent {
        let sealed = crate::secret::random_bytes::<32>()
            .ok()
            .and_then(|b| SecretKey::from_slice(&b).ok())
            .zip(crate::secret::random_bytes::<16>().ok())
            .map(|(key, salt)| encrypt(sub, payload.as_bytes(), &key, salt));
        let (Some(Ok(body)), Ok(auth)) = (sealed, self.vapid.authorization(&sub.endpoint, now)) else {
            return Sent::Failed;
        };
        let sent = self
            .client
            .post(&sub.endpoint)
            .header("TTL", "43200")
            .header("Urgency", "normal")
            .header("Content-Encoding", "aes128gcm")
            .header("Content-Type", "application/octet-stream")
            .header("Authorization", auth)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(r) if r.status().is_success() => Sent::Delivered,
            Ok(r) if r.status().as_u16() == 404 || r.status().as_u16() == 410 => Sent::Gone,
            Ok(r) => {
                tracing::warn!(status = r.status().as_u16(), "a push service refused a message");
                Sent::Failed
            }
            Err(e) => {
                tracing::warn!(error = %e, "a push message was not sent");
                Sent::Failed
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn b64(s: &str) -> Vec<u8> {
        URL_SAFE_NO_PAD.decode(s).unwrap()
    }

    /// RFC 8291, Appendix A: the same keys, salt and message give the same bytes.
    #[test]
    fn encryption_matches_rfc_8291_appendix_a() {
        let sub = Subscription {
            endpoint: "https://push.example.net/push/JzLQ3raZJfFBR0aqvOMsLrt54w4rJUsV".into(),
            p256dh: "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"
                .into(),
            auth: "BTBZMqHH6r4Tts7J_aSIgg".into(),
        };
        let ephemeral = SecretKey::from_slice(&b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw")).unwrap();
        let salt: [u8; 16] = b64("DGv6ra1nlYgDCS1FRnbzlw").try_into().unwrap();
        let body = encrypt(&sub, b"When I grow up, I want to be a watermelon", &ephemeral, salt).unwrap();
        let expected = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";
        assert_eq!(URL_SAFE_NO_PAD.encode(body), expected);
    }

    #[test]
    fn a_vapid_header_names_the_push_service_and_verifies() {
        use p256::ecdsa::signature::Verifier;
        use p256::ecdsa::VerifyingKey;
        let vapid =
            Vapid::from_stored(&Vapid::generate().unwrap(), "https://foothold.example.org".into()).unwrap();
        let header = vapid.authorization("https://push.example.net/push/abc", 1_800_000_000).unwrap();
        let (t, k) = header.trim_start_matches("vapid t=").split_once(", k=").unwrap();
        let parts: Vec<&str> = t.split('.').collect();
        let claims: serde_json::Value = serde_json::from_slice(&b64(parts[1])).unwrap();
        assert_eq!(claims["aud"], "https://push.example.net");
        assert_eq!(claims["exp"], 1_800_000_000i64 + 43_200);
        let key = VerifyingKey::from_sec1_bytes(&b64(k)).unwrap();
        let signature = Signature::from_slice(&b64(parts[2])).unwrap();
        assert!(key.verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &signature).is_ok());
    }

    #[test]
    fn subscriptions_are_checked() {
        let key = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
        assert!(parse_subscription("https://push.example.net/x", key, "BTBZMqHH6r4Tts7J_aSIgg").is_ok());
        assert!(parse_subscription("http://127.0.0.1:9/x", key, "BTBZMqHH6r4Tts7J_aSIgg").is_ok());
        assert!(parse_subscription("http://push.example.net/x", key, "BTBZMqHH6r4Tts7J_aSIgg").is_err());
        assert!(parse_subscription("https://push.example.net/x", "AAAA", "BTBZMqHH6r4Tts7J_aSIgg").is_err());
        assert!(parse_subscription("https://push.example.net/x", key, "short").is_err());
    }
}
