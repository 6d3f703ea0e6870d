//! Runs the browser tests (`tests/browser/run.mjs`, headless Chromium + axe-core) against a
//! freshly started `foothold serve`. Switched on by `FOOTHOLD_TEST_BROWSER=1`; needs
//! `npm ci` in `tests/browser` and Chromium at `FOOTHOLD_CHROMIUM` (default /usr/bin/chromium).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

#[test]
fn core_flows_in_chromium_with_accessibility_audit() {
    if std::env::var("FOOTHOLD_TEST_BROWSER").map_or(true, |v| v != "1") {
        if foothold_store::testing::require_all() {
            panic!("FOOTHOLD_TEST_BROWSER is not set but FOOTHOLD_TEST_REQUIRE_ALL is: browser tests may not be skipped");
        }
        eprintln!("note: browser tests skipped (set FOOTHOLD_TEST_BROWSER=1; see README)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_foothold"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("FOOTHOLD_DATABASE_URL")
        .env("FOOTHOLD_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("{line}"))
        .to_owned();

    let out = Command::new("node")
        .arg(root.join("tests/browser/run.mjs"))
        .arg(&base)
        .current_dir(root.join("tests/browser"))
        .output()
        .expect("node is installed");
    server.kill().unwrap();
    server.wait().unwrap();
    println!("{}", String::from_utf8_lossy(&out.stdout));
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser tests failed (output above)");
}
