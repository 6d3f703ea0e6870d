//! The API against its own OpenAPI document: schemathesis (PyPI), every check on, against a
//! real `foothold serve` and a member's API token. Its configuration, with the few operations
//! whose rules a schema cannot state, is `tests/contract/schemathesis.toml`.

use crate::process::serve;
use reqwest::header::{AUTHORIZATION, COOKIE, SET_COOKIE};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// Operations the run leaves out because they end its own access: revoking a token (it would
/// find its own), deleting the account, changing the password (which revokes every token).
/// The HTTP tests cover each of them.
const SELF_ENDING: [&str; 3] = ["revoke", "delete_me", "change_password"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_keeps_to_its_openapi_document() {
    let st = match std::env::var("FOOTHOLD_SCHEMATHESIS") {
        Ok(st) if !st.is_empty() => st,
        _ => {
            assert!(
                std::env::var("FOOTHOLD_TEST_REQUIRE_ALL").is_err(),
                "FOOTHOLD_SCHEMATHESIS must name schemathesis's `st`"
            );
            eprintln!("skipping the schemathesis run: set FOOTHOLD_SCHEMATHESIS");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut server, base) = serve(dir.path());
    let token = member_token(&base).await;

    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/contract/schemathesis.toml");
    let mut run = Command::new(&st);
    run.current_dir(dir.path())
        .arg("--config-file")
        .arg(&config)
        .arg("--no-color")
        .args(["run", &format!("{base}/api/v1/openapi.json")])
        .args(["-H", &format!("Authorization: Bearer {token}")])
        // A fixed seed: the same code gives the same run, so a failure can be replayed.
        .args(["--checks", "all", "--workers", "1", "--seed", "20261207", "--max-examples", "40"]);
    for operation in SELF_ENDING {
        run.args(["--exclude-operation-id", operation]);
    }
    let out = run.output().unwrap();
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "schemathesis found the API and its document apart:\n{report}");
    let count = |label: &str| {
        let line = report.lines().find(|l| l.trim_start().starts_with(label));
        line.and_then(|l| l.split(label).nth(1)).map(|n| n.trim().split('/').next().unwrap_or("").to_owned())
    };
    let selected = count("Selected:");
    assert!(selected.is_some() && selected == count("Tested:"), "not every operation was tested:\n{report}");

    // The token worked to the end, so no operation passed on 401s alone.
    let me = reqwest::Client::new()
        .get(format!("{base}/api/v1/me"))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), 200, "the run's token stopped working");
    server.kill().unwrap();
    server.wait().unwrap();
}

/// Registers a member, signs in and makes an API token for them; returns its secret.
async fn member_token(base: &str) -> String {
    let client = reqwest::Client::new();
    let member = json!({"handle": "contract", "password": "a calm long passphrase"});
    let made = client.post(format!("{base}/api/v1/accounts")).json(&member).send().await.unwrap();
    assert_eq!(made.status(), 201);
    let login = client.post(format!("{base}/api/v1/sessions")).json(&member).send().await.unwrap();
    assert_eq!(login.status(), 200);
    let cookie = login.headers()[SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let csrf = login.json::<Value>().await.unwrap()["csrf_token"].as_str().unwrap().to_owned();
    let token = client
        .post(format!("{base}/api/v1/tokens"))
        .header(COOKIE, cookie)
        .header("x-csrf-token", csrf)
        .json(&json!({"name": "schemathesis"}))
        .send()
        .await
        .unwrap();
    assert_eq!(token.status(), 201);
    token.json::<Value>().await.unwrap()["secret"].as_str().unwrap().to_owned()
}
