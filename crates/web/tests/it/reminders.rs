//! Reminders and e-mail against a real SMTP server (Python's aiosmtpd, started here and
//! writing what it receives to a Maildir, read back with Python's own e-mail parser): an
//! address is confirmed by its link; a check-in reminder comes at the chosen local time and not
//! when the check-in is in; its one-click "turn off" works without a login; a forgotten
//! password is reset by e-mail and every old login ends.

use crate::common::{browser, checker_python, config, hidden_value, spawn_app, TestApp};
use chrono::{Duration, NaiveTime, Utc};
use foothold_core::reminder::Kind;
use foothold_services::mail::MailConfig;
use foothold_services::reminders::{by_mail, run_batch};
use foothold_store::testing::TestDb;
use serde_json::Value;
use std::path::Path;
use std::process::{Child, Command};

const PW: &str = "a calm long passphrase";

/// aiosmtpd on a free port, writing to `maildir`; killed when dropped.
struct Smtp(Child, u16);

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn smtp_server(python: &str, maildir: &Path) -> Smtp {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(python)
        .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}"), "-c", "aiosmtpd.handlers.Mailbox"])
        .arg(maildir)
        .spawn()
        .unwrap();
    // Killed and waited for on drop, whatever happens next.
    let server = Smtp(child, port);
    // Ready when it answers; it starts in well under a second.
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return server;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("aiosmtpd did not start");
}

/// Every message in the Maildir (in no particular order): headers and decoded text, by Python's
/// own parser.
fn mails(python: &str, maildir: &Path) -> Vec<Value> {
    let script = r#"
import json, mailbox, sys
from email import policy
from email.parser import BytesParser
box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
out = []
for key in box.keys():
    m = BytesParser(policy=policy.default).parsebytes(box.get_bytes(key))
    out.append({"to": str(m["To"]), "from": str(m["From"]), "subject": str(m["Subject"]),
                "unsubscribe": str(m["List-Unsubscribe"] or ""), "one_click": str(m["List-Unsubscribe-Post"] or ""),
                "body": m.get_content()})
print(json.dumps(out))
"#;
    let out = Command::new(python).arg("-c").arg(script).arg(maildir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

/// Waits for the message with this subject (the server delivers asynchronously).
async fn mail_titled(python: &str, maildir: &Path, subject: &str) -> Value {
    for _ in 0..100 {
        if let Some(m) = mails(python, maildir).into_iter().find(|m| m["subject"] == subject) {
            return m;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no message \"{subject}\" arrived");
}

/// The path of the link in a message that starts with `prefix`.
fn link(body: &str, prefix: &str) -> String {
    let url = body
        .split_whitespace()
        .find(|w| w.starts_with(prefix))
        .unwrap_or_else(|| panic!("{prefix} in {body}"));
    url.trim_start_matches("http://foothold.test").to_owned()
}

async fn post(
    app: &TestApp,
    c: &reqwest::Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let html = app.get(c, page).await.text().await.unwrap();
    let mut form: Vec<(&str, String)> = vec![("csrf", hidden_value(&html, "csrf"))];
    form.extend(fields.iter().map(|(k, v)| (*k, (*v).to_owned())));
    c.post(app.url(action)).form(&form).send().await.unwrap()
}

#[tokio::test]
async fn reminders_and_password_reset_through_a_real_smtp_server() {
    let Some(python) = checker_python("FOOTHOLD_SMTP_PYTHON", "aiosmtpd") else { return };
    for db in TestDb::all().await {
        let dir = tempfile::tempdir().unwrap();
        let maildir = dir.path().join("mail");
        let smtp = smtp_server(&python, &maildir).await;
        let mut cfg = config();
        cfg.public_url = Some("http://foothold.test".into());
        cfg.mail = Some(MailConfig {
            smtp_url: format!("smtp://127.0.0.1:{}", smtp.1),
            from: "Foothold <reminders@foothold.test>".into(),
        });
        let app = spawn_app(db, cfg).await;
        let c = browser();
        app.register(&c, "Mailed", PW).await;

        // The address is confirmed by its link.
        let r = post(&app, &c, "/account/reminders", "/account/email", &[("email", "not an address")]).await;
        assert_eq!(r.status(), 422);
        let r =
            post(&app, &c, "/account/reminders", "/account/email", &[("email", "fern@example.org")]).await;
        assert_eq!(r.status(), 303);
        let confirm = mail_titled(&python, &maildir, "Confirm your e-mail address").await;
        assert_eq!(confirm["to"], "fern@example.org");
        let page = app
            .get(&c, &link(confirm["body"].as_str().unwrap(), "http://foothold.test/account/email/confirm/"))
            .await;
        assert!(page.text().await.unwrap().contains("Address confirmed"));
        let page = app.get(&c, "/account/reminders").await.text().await.unwrap();
        assert!(page.contains("Reminders go to fern@example.org."), "{page}");

        // A check-in reminder at 08:00 in the member's zone (UTC here).
        let bad =
            [("on-checkin", "yes"), ("at-checkin", "25:00"), ("quiet_from", "22:00"), ("quiet_until", "")];
        let r = post(&app, &c, "/account/reminders", "/account/reminders", &bad).await;
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("like 19:30") && body.contains("Give both ends"), "every problem at once");
        let r = post(
            &app,
            &c,
            "/account/reminders",
            "/account/reminders",
            &[("on-checkin", "yes"), ("at-checkin", "08:00")],
        )
        .await;
        assert_eq!(r.status(), 303);
        let member = app
            .store
            .user_by_handle(&foothold_core::account::Handle::parse("Mailed").unwrap())
            .await
            .unwrap()
            .id;
        let due = app.store.reminder_due(member, Kind::Checkin).await.unwrap().unwrap();
        assert_eq!(due.time(), NaiveTime::from_hms_opt(8, 0, 0).unwrap());
        assert!(due > Utc::now() && due <= Utc::now() + Duration::days(1));

        // The same settings through the API.
        let api: Value = c.get(app.url("/api/v1/reminders")).send().await.unwrap().json().await.unwrap();
        assert_eq!(
            (api["reminders"][0]["kind"].as_str(), api["reminders"][0]["at"].as_str()),
            (Some("checkin"), Some("08:00"))
        );
        assert_eq!(
            (api["email_confirmed"].as_bool(), api["mail_enabled"].as_bool()),
            (Some(true), Some(true))
        );
        let token = hidden_value(&app.get(&c, "/account/reminders").await.text().await.unwrap(), "csrf");
        let put = |kind: &str, body: Value| {
            c.put(app.url(&format!("/api/v1/reminders/{kind}")))
                .header("x-csrf-token", &token)
                .json(&body)
                .send()
        };
        assert_eq!(put("goal", serde_json::json!({"at": "25:00"})).await.unwrap().status(), 422);
        assert_eq!(put("nap", serde_json::json!({"at": "12:00"})).await.unwrap().status(), 404);
        let both: Value =
            put("goal", serde_json::json!({"at": "18:30"})).await.unwrap().json().await.unwrap();
        assert_eq!(both["reminders"].as_array().unwrap().len(), 2);
        assert_eq!(put("goal", serde_json::json!({"at": null})).await.unwrap().status(), 200);

        let mailer = app.state.mailer.clone().unwrap();
        let ran =
            run_batch(&app.state, "test", due + Duration::minutes(1), by_mail(mailer.clone())).await.unwrap();
        assert_eq!((ran.claimed, ran.sent), (1, 1));
        let reminder = mail_titled(&python, &maildir, "Your check-in for today").await;
        let text = reminder["body"].as_str().unwrap();
        assert!(text.contains("http://foothold.test/checkin"), "{text}");
        let off = reminder["unsubscribe"].as_str().unwrap().trim_matches(['<', '>']).to_owned();
        assert!(off.starts_with("http://foothold.test/api/v1/reminders/off/"), "{off}");
        assert_eq!(reminder["one_click"], "List-Unsubscribe=One-Click");
        let next = app.store.reminder_due(member, Kind::Checkin).await.unwrap().unwrap();
        assert_eq!(next, due + Duration::days(1), "moved on to tomorrow, same local time");
        assert_eq!(
            run_batch(&app.state, "other", due + Duration::minutes(2), by_mail(mailer.clone()))
                .await
                .unwrap()
                .claimed,
            0,
            "sent once"
        );

        // With the day's check-in in, there is nothing to remind of.
        let next_day = next.date_naive();
        let days_ahead = (next_day - app.clock.today(chrono_tz::UTC)).num_days();
        app.clock.travel(days_ahead);
        let r = post(
            &app,
            &c,
            "/checkin",
            "/checkin",
            &[("day", &next_day.to_string()), ("version", ""), ("pain", "4")],
        )
        .await;
        assert_eq!(r.status(), 303);
        let ran = run_batch(&app.state, "test", next + Duration::minutes(1), by_mail(mailer.clone()))
            .await
            .unwrap();
        assert_eq!((ran.claimed, ran.sent, ran.skipped), (1, 0, 1));
        app.clock.travel(-days_ahead);

        // One click turns it off, with no login (the mail provider's POST, RFC 8058).
        // The address names foothold.test; the same path on the test server.
        let path = off.trim_start_matches("http://foothold.test");
        let r = reqwest::Client::new()
            .post(app.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        assert!(app.store.reminders(member).await.unwrap().is_empty());

        // The daily digest of what is new in groups and messages: a count, never the words.
        assert_eq!(put("digest", serde_json::json!({"at": "18:00"})).await.unwrap().status(), 200);
        let digest = app.store.reminder_due(member, Kind::Digest).await.unwrap().unwrap();
        let writer = browser();
        app.register(&writer, "Writer", PW).await;
        let writer = app
            .store
            .user_by_handle(&foothold_core::account::Handle::parse("Writer").unwrap())
            .await
            .unwrap();
        app.store.send_message(writer.id, member, "n1", "My morphine dose went up today.").await.unwrap();
        let ran = run_batch(&app.state, "test", digest + Duration::minutes(1), by_mail(mailer.clone()))
            .await
            .unwrap();
        assert_eq!((ran.claimed, ran.sent), (1, 1));
        let told = mail_titled(&python, &maildir, "New for you in your groups").await;
        let text = told["body"].as_str().unwrap();
        assert!(
            text.contains("one new thing is waiting") && text.contains("http://foothold.test/notifications"),
            "{text}"
        );
        assert!(
            !text.contains("morphine") && !text.contains("Writer"),
            "nothing of what was written: {text}"
        );
        // The next day, nothing new since: no digest.
        let next = app.store.reminder_due(member, Kind::Digest).await.unwrap().unwrap();
        assert_eq!(next, digest + Duration::days(1));
        let ran = run_batch(&app.state, "test", next + Duration::minutes(1), by_mail(mailer.clone()))
            .await
            .unwrap();
        assert_eq!((ran.claimed, ran.sent, ran.skipped), (1, 0, 1));

        // A forgotten password, reset by e-mail; every old login ends.
        let stranger = browser();
        let r =
            post(&app, &stranger, "/password/forgot", "/password/forgot", &[("email", "nobody@example.org")])
                .await;
        assert!(r.text().await.unwrap().contains("a link is on its way"), "the same answer for anyone");
        let r =
            post(&app, &stranger, "/password/forgot", "/password/forgot", &[("email", "FERN@example.org")])
                .await;
        assert_eq!(r.status(), 200);
        let reset = mail_titled(&python, &maildir, "Set a new password").await;
        // Confirmation, check-in reminder, digest, reset: nothing for the unknown address.
        assert_eq!(mails(&python, &maildir).len(), 4, "nothing was sent for the unknown address");
        let reset_path = link(reset["body"].as_str().unwrap(), "http://foothold.test/password/reset/");
        let r = post(&app, &stranger, &reset_path, &reset_path, &[("password", "short")]).await;
        assert_eq!(r.status(), 422, "a typo does not use the link up");
        let r =
            post(&app, &stranger, &reset_path, &reset_path, &[("password", "a brand new passphrase")]).await;
        assert_eq!(r.status(), 200);
        let r =
            post(&app, &stranger, &reset_path, &reset_path, &[("password", "another new passphrase")]).await;
        assert_eq!(r.status(), 404, "a link works once");
        assert_eq!(app.get(&c, "/account").await.status(), 303, "the old login has ended");
        let again = browser();
        let r = post(
            &app,
            &again,
            "/login",
            "/login",
            &[("handle", "Mailed"), ("password", "a brand new passphrase")],
        )
        .await;
        assert_eq!(r.status(), 303);
    }
}

/// A push service on the loopback, in Python: it checks the VAPID signature with the key the
/// request names, decrypts with `http_ece` and its own private key, and writes each message it
/// got to a file; `/gone/…` answers 410 as a service does for an expired subscription.
const PUSH_SERVICE: &str = r#"
import base64, json, os, sys
from http.server import BaseHTTPRequestHandler, HTTPServer
import http_ece
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

def b64d(s): return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
def b64e(b): return base64.urlsafe_b64encode(b).decode().rstrip("=")

key = ec.generate_private_key(ec.SECP256R1())
auth = os.urandom(16)
public = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
out = sys.argv[1]

class Push(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path.startswith("/gone/"):
            self.send_response(410); self.end_headers(); return
        vapid = self.headers["Authorization"]
        token = vapid.split("t=")[1].split(",")[0]
        signer = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64d(vapid.split("k=")[1].strip()))
        head, claims, sig = token.split(".")
        raw = b64d(sig)
        signer.verify(encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")),
                      f"{head}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
        plain = http_ece.decrypt(body, private_key=key, auth_secret=auth, version="aes128gcm")
        with open(out, "a") as f:
            f.write(json.dumps({"path": self.path, "aud": json.loads(b64d(claims))["aud"],
                                "encoding": self.headers["Content-Encoding"], "message": json.loads(plain)}) + "\n")
        self.send_response(201); self.end_headers()
    def log_message(self, *args): pass

server = HTTPServer(("127.0.0.1", 0), Push)
print(json.dumps({"port": server.server_address[1], "p256dh": b64e(public), "auth": b64e(auth)}), flush=True)
server.serve_forever()
"#;

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn a_reminder_arrives_as_web_push_that_the_push_service_can_decrypt() {
    use std::io::BufRead;
    let Some(python) = checker_python("FOOTHOLD_PUSH_PYTHON", "http_ece and cryptography") else { return };
    for db in TestDb::all().await {
        let dir = tempfile::tempdir().unwrap();
        let received = dir.path().join("received.jsonl");
        let child = Command::new(&python)
            .arg("-c")
            .arg(PUSH_SERVICE)
            .arg(&received)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut service = Killed(child);
        let mut line = String::new();
        std::io::BufReader::new(service.0.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let keys: Value = serde_json::from_str(&line).unwrap();
        let port = keys["port"].as_u64().unwrap();

        let app = spawn_app(db, config()).await;
        let c = browser();
        let csrf = app.api_login(&c, "Pushed", PW).await;
        let key: Value = c.get(app.url("/api/v1/push/key")).send().await.unwrap().json().await.unwrap();
        assert_eq!(key["public_key"].as_str().unwrap().len(), 87, "an uncompressed P-256 point, base64url");
        let subscribe = |endpoint: String| {
            let body = serde_json::json!({"endpoint": endpoint, "keys": {"p256dh": keys["p256dh"], "auth": keys["auth"]}});
            c.post(app.url("/api/v1/push/subscriptions")).header("x-csrf-token", &csrf).json(&body).send()
        };
        assert_eq!(subscribe("http://push.example.net/x".into()).await.unwrap().status(), 422, "https only");
        assert_eq!(subscribe(format!("http://127.0.0.1:{port}/push/phone")).await.unwrap().status(), 204);
        assert_eq!(
            subscribe(format!("http://127.0.0.1:{port}/gone/old-laptop")).await.unwrap().status(),
            204
        );
        let r = c
            .put(app.url("/api/v1/reminders/checkin"))
            .header("x-csrf-token", &csrf)
            .json(&serde_json::json!({"at": "08:00"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let member = app
            .store
            .user_by_handle(&foothold_core::account::Handle::parse("Pushed").unwrap())
            .await
            .unwrap()
            .id;
        let due = app.store.reminder_due(member, Kind::Checkin).await.unwrap().unwrap();

        // No e-mail here: the notification alone is the reminder.
        let ran = run_batch(&app.state, "test", due + Duration::minutes(1), |_| std::future::ready(false))
            .await
            .unwrap();
        assert_eq!((ran.claimed, ran.sent), (1, 1));
        let got = std::fs::read_to_string(&received).unwrap();
        let got: Vec<Value> = got.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0]["path"], "/push/phone");
        assert_eq!(got[0]["aud"], format!("http://127.0.0.1:{port}"));
        assert_eq!(got[0]["encoding"], "aes128gcm");
        assert_eq!(got[0]["message"]["title"], "Your check-in for today");
        assert_eq!(got[0]["message"]["url"], "/checkin");
        let left = app.store.push_subscriptions(member).await.unwrap();
        assert_eq!(left.len(), 1, "the subscription the service called gone is forgotten");
        let r = c
            .delete(app.url("/api/v1/push/subscriptions"))
            .header("x-csrf-token", &csrf)
            .json(&serde_json::json!({"endpoint": format!("http://127.0.0.1:{port}/push/phone")}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        assert!(app.store.push_subscriptions(member).await.unwrap().is_empty());
    }
}
