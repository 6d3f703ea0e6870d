//! The `foothold` binary as an operator runs it: a real process, killed for real.

use foothold_core::account::Handle;
use foothold_store::Store;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const BIN: &str = env!("CARGO_BIN_EXE_foothold");
const PW: &str = "a calm long passphrase";

fn foothold(data: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--data-dir").arg(data).env_remove("FOOTHOLD_DATABASE_URL").env("FOOTHOLD_LOG", "warn");
    c
}

/// Starts `foothold serve` on a free port and waits for its "listening" line. The
/// configuration file lifts the rate limits, which these tests are not about.
pub(crate) fn serve(data: &Path) -> (Child, String) {
    let config = data.join("test.toml");
    std::fs::write(&config, "[web.limits]\nregister_per_ip = 100000\nlogin_per_ip = 100000\n").unwrap();
    let mut child = foothold(data)
        .arg("--config")
        .arg(&config)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .to_owned();
    (child, format!("http://{addr}"))
}

fn run(data: &Path, args: &[&str], stdin: &str) -> (bool, String) {
    let mut child = foothold(data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

async fn sqlite(data: &Path) -> Store {
    Store::open(&format!("sqlite://{}", data.join("foothold.db").display()), 2).await.unwrap()
}

async fn register(
    client: &reqwest::Client,
    base: &str,
    handle: &str,
) -> Result<reqwest::StatusCode, reqwest::Error> {
    client
        .post(format!("{base}/api/v1/accounts"))
        .json(&serde_json::json!({"handle": handle, "password": PW}))
        .send()
        .await
        .map(|r| r.status())
}

/// Writes through the API from several connections, SIGKILLs the server while they are
/// still writing, restarts it, and checks that every acknowledged write is there and the
/// database is intact.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_survive_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, base) = serve(dir.path());
    let acknowledged = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let killed = Arc::new(AtomicBool::new(false));
    let (enough_tx, mut enough_rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    let mut workers = Vec::new();
    for w in 0..8 {
        let (base, acknowledged, killed, enough_tx) =
            (base.clone(), acknowledged.clone(), killed.clone(), enough_tx.clone());
        workers.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            for i in 0.. {
                if killed.load(Ordering::SeqCst) {
                    break;
                }
                let handle = format!("w{w}_n{i}");
                match register(&client, &base, &handle).await {
                    Ok(s) if s == 201 => {
                        acknowledged.lock().unwrap().push(handle);
                        let _ = enough_tx.send(());
                    }
                    Ok(s) => panic!("unexpected status {s}"),
                    Err(_) => break, // the server is gone
                }
            }
        }));
    }
    drop(enough_tx);
    // Kill once 40 writes were acknowledged; the workers are still sending.
    for _ in 0..40 {
        enough_rx.recv().await.expect("the workers stopped before 40 writes were acknowledged");
    }
    server.kill().unwrap(); // SIGKILL: no chance to flush or close anything
    killed.store(true, Ordering::SeqCst);
    server.wait().unwrap();
    for w in workers {
        w.await.unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 40);

    let (mut again, base) = serve(dir.path());
    assert_eq!(reqwest::get(format!("{base}/readyz")).await.unwrap().status(), 200);
    let store = sqlite(dir.path()).await;
    for handle in &acknowledged {
        let found = store.user_by_handle(&Handle::parse(handle).unwrap()).await;
        assert!(found.is_ok(), "acknowledged write {handle} was lost");
    }
    store.close().await;
    again.kill().unwrap();
    again.wait().unwrap();

    let pool = sqlx_check(dir.path()).await;
    assert_eq!(pool, "ok", "SQLite integrity check");
}

async fn sqlx_check(data: &Path) -> String {
    let out = Command::new("python3")
        .args(["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])"])
        .arg(data.join("foothold.db"))
        .output();
    match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_owned(),
        // Without Python, check through the server's own driver instead.
        _ => {
            let store = sqlite(data).await;
            let n = store.count_users().await.map(|_| "ok").unwrap_or("unreadable");
            store.close().await;
            n.to_owned()
        }
    }
}

/// SIGTERM lets requests in flight finish, then the process exits cleanly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_shuts_down_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let (server, base) = serve(dir.path());
    let client = reqwest::Client::new();
    let in_flight: Vec<_> = (0..4)
        .map(|i| {
            let (client, base) = (client.clone(), base.clone());
            tokio::spawn(async move { register(&client, &base, &format!("term{i}")).await })
        })
        .collect();
    // Wait for the first to finish: the others were sent with it and are being served.
    let mut results = Vec::new();
    let mut iter = in_flight.into_iter();
    results.push(iter.next().unwrap().await.unwrap());
    Command::new("kill").args(["-TERM", &server.id().to_string()]).status().unwrap();
    for task in iter {
        results.push(task.await.unwrap());
    }
    let out = server.wait_with_output().unwrap();
    assert!(out.status.success(), "exit status after SIGTERM: {:?}", out.status);
    let store = sqlite(dir.path()).await;
    for (i, r) in results.iter().enumerate() {
        if let Ok(status) = r {
            assert_eq!(*status, 201);
            assert!(store.user_by_handle(&Handle::parse(&format!("term{i}")).unwrap()).await.is_ok());
        }
    }
}

#[tokio::test]
async fn operators_manage_accounts_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (ok, out) = run(d, &["user", "create", "Keeper", "--role", "admin"], &format!("{PW}\n"));
    assert!(ok, "{out}");
    assert!(out.contains("Created Keeper (admin)"));

    let (ok, out) = run(d, &["user", "create", "keeper"], &format!("{PW}\n"));
    assert!(!ok && out.contains("Someone already uses that handle"), "{out}");
    let (ok, out) = run(d, &["user", "create", "x y"], "short\n");
    assert!(!ok && out.contains("handle:") && out.contains("password:"), "{out}");
    let (ok, out) = run(d, &["user", "set-role", "Keeper", "boss"], "");
    assert!(!ok && out.contains("member, moderator or admin"), "{out}");

    let (ok, out) = run(d, &["user", "set-role", "Keeper", "moderator"], "");
    assert!(ok, "{out}");
    let (ok, out) = run(d, &["user", "set-clinician", "keeper"], "");
    assert!(ok && out.contains("Keeper is now a clinician"), "{out}");
    let (ok, out) = run(d, &["user", "set-clinician", "keeper", "--off"], "");
    assert!(ok && out.contains("no longer a clinician"), "{out}");
    let (ok, out) = run(d, &["user", "set-password", "keeper"], "a brand new passphrase\n");
    assert!(ok && out.contains("Password changed for Keeper"), "{out}");
    let (ok, out) = run(d, &["user", "set-password", "ghost"], "a brand new passphrase\n");
    assert!(!ok && out.contains("no account"), "{out}");

    let (server, base) = serve(d);
    let r = reqwest::Client::new()
        .post(format!("{base}/api/v1/sessions"))
        .json(&serde_json::json!({"handle": "Keeper", "password": "a brand new passphrase"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let me: serde_json::Value = r.json().await.unwrap();
    assert_eq!(me["user"]["role"], "moderator");

    // Backup while the server is running: a consistent, openable copy.
    let target = d.join("copy.db");
    let (ok, out) = run(d, &["backup", target.to_str().unwrap()], "");
    assert!(ok, "{out}");
    let (ok, out) = run(d, &["backup", target.to_str().unwrap()], "");
    assert!(!ok && out.contains("backup"), "refuses to overwrite: {out}");
    let mut server = server;
    server.kill().unwrap();
    server.wait().unwrap();
    let copy = Store::open(&format!("sqlite://{}", target.display()), 1).await.unwrap();
    assert_eq!(copy.count_users().await.unwrap(), 1);

    let (ok, out) = run(d, &["migrate"], "");
    assert!(ok && out.contains("up to date"), "{out}");
}

#[test]
fn help_explains_every_command() {
    let (ok, out) = run(Path::new("/nonexistent"), &["--help"], "");
    assert!(ok);
    for word in ["serve", "migrate", "user", "backup", "FOOTHOLD_DATA_DIR", "FOOTHOLD_DATABASE_URL"] {
        assert!(out.contains(word), "--help mentions {word}");
    }
    let (ok, out) = run(Path::new("/nonexistent"), &["serve", "--help"], "");
    assert!(ok && out.contains("FOOTHOLD_LISTEN") && out.contains("127.0.0.1:8080"));
}

#[test]
fn a_database_url_is_never_printed() {
    let (ok, out) = run(
        Path::new("/nonexistent"),
        &["--database-url", "postgres://someone:hunter2-secret@127.0.0.1:1/nowhere", "migrate"],
        "",
    );
    assert!(!ok);
    assert!(!out.contains("hunter2-secret"), "{out}");
}

#[test]
fn operators_export_and_import_diaries_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(run(d, &["user", "create", "Diarist"], &format!("{PW}\n")).0);
    let csv = d.join("in.csv");
    std::fs::write(&csv, "date,pain,strategies\n2026-01-01,5,walk;Gardening\n2026-01-02,,\n").unwrap();
    let (ok, out) =
        run(d, &["diary", "import", "--user", "diarist", "--csv", csv.to_str().unwrap(), "--dry-run"], "");
    assert!(ok && out.contains("Would import 2 rows") && out.contains("(Gardening)"), "{out}");
    let (ok, out) = run(d, &["diary", "import", "--user", "diarist", "--csv", csv.to_str().unwrap()], "");
    assert!(ok && out.contains("Imported 2 rows") && out.contains("2 new days"), "{out}");
    let (ok, out) = run(d, &["diary", "export", "--user", "Diarist", "--csv", "-"], "");
    assert!(ok, "{out}");
    assert!(
        out.starts_with("date,pain,peg_pain") && out.contains("2026-01-01,5,,,,,,,,walk;Gardening,"),
        "{out}"
    );

    std::fs::write(&csv, "date,pain\n2026-01-03,eleven\n").unwrap();
    let (ok, out) = run(d, &["diary", "import", "--user", "diarist", "--csv", csv.to_str().unwrap()], "");
    assert!(!ok && out.contains("line 2, column pain") && out.contains("nothing was imported"), "{out}");
}

#[test]
fn operators_move_hacks_from_one_community_to_another() {
    let (from, to) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert!(run(from.path(), &["demo"], "").0);
    assert!(run(from.path(), &["demo"], "").0, "the demo runs twice without a second set of hacks");
    let file = to.path().join("hacks.json");
    let (ok, out) = run(from.path(), &["hacks", "export", "--out", file.to_str().unwrap()], "");
    assert!(ok && out.contains("Wrote 4 hacks"), "{out}");
    let json = std::fs::read_to_string(&file).unwrap();
    assert!(
        json.contains("\"title\": \"Heat pad before bed\"") && !json.contains("kim_walks"),
        "no names travel"
    );

    assert!(run(to.path(), &["user", "create", "Curator", "--role", "admin"], &format!("{PW}\n")).0);
    let args = ["hacks", "import", "--file", file.to_str().unwrap(), "--author", "curator"];
    let (ok, out) = run(to.path(), &args, "");
    assert!(ok && out.contains("Imported 4 new hacks (0 were there already)"), "{out}");
    let (ok, out) = run(to.path(), &args, "");
    assert!(ok && out.contains("Imported 0 new hacks (4 were there already)"), "{out}");

    std::fs::write(&file, r#"[{"title": "Ok", "how": "ok", "cost": "gold", "effort": "low", "minutes": 5}]"#)
        .unwrap();
    let (ok, out) = run(to.path(), &args, "");
    assert!(!ok && out.contains("nothing was imported") && out.contains("hack 1"), "{out}");
}

#[test]
fn the_demo_member_has_a_year_of_diary_and_is_created_once() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out) = run(dir.path(), &["demo"], "");
    assert!(ok && out.contains("Demo login: handle \"demo\", password \"try-foothold-demo\""), "{out}");
    let days: usize =
        out.split("with ").nth(1).and_then(|s| s.split(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    assert!((250..=340).contains(&days), "{days} days");
    let (ok, out) = run(dir.path(), &["demo"], "");
    assert!(ok && out.contains("exists already") && out.contains("Demo login"), "{out}");
    let (ok, csv) = run(dir.path(), &["diary", "export", "--user", "demo", "--csv", "-"], "");
    assert!(ok && csv.lines().count() == days + 1, "every simulated day exported");
}

#[test]
fn operators_export_a_member_as_a_fhir_bundle() {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["demo"], "").0);
    let file = dir.path().join("demo-fhir.json");
    let (ok, out) = run(
        dir.path(),
        &["export", "--user", "demo", "--format", "fhir", "--out", file.to_str().unwrap()],
        "",
    );
    assert!(ok && out.contains("FHIR resources of demo's"), "{out}");
    let bundle: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let entries = bundle["entry"].as_array().unwrap();
    let count = |kind: &str| entries.iter().filter(|e| e["resource"]["resourceType"] == kind).count();
    assert!(count("Observation") > 250 * 5, "a year of ratings: {}", count("Observation"));
    assert!(
        count("QuestionnaireResponse") >= 13 + 20,
        "the demo's PEG and PHQ-9: {}",
        count("QuestionnaireResponse")
    );
    if let Ok(python) = std::env::var("FOOTHOLD_FHIR_PYTHON") {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/check-fhir.py");
        let out = Command::new(python).arg(script).arg(&file).output().unwrap();
        assert!(out.status.success(), "check-fhir: {}", String::from_utf8_lossy(&out.stderr));
    } else {
        assert!(
            std::env::var("FOOTHOLD_TEST_REQUIRE_ALL").is_err(),
            "FOOTHOLD_FHIR_PYTHON must be set in CI"
        );
    }
    let (ok, out) = run(dir.path(), &["export", "--user", "nobody", "--format", "fhir", "--out", "-"], "");
    assert!(!ok && out.contains("nobody"), "{out}");

    let zip = dir.path().join("demo.zip");
    let (ok, out) = run(
        dir.path(),
        &["export", "--user", "demo", "--format", "archive", "--out", zip.to_str().unwrap()],
        "",
    );
    assert!(ok && out.contains("Wrote demo's data"), "{out}");
    assert!(std::fs::read(&zip).unwrap().starts_with(b"PK\x03\x04"), "a ZIP");

    // The visit summary of the demo's year, as the page makes it.
    let pdf = dir.path().join("summary.pdf");
    let today = chrono::Utc::now().date_naive();
    let from = (today - chrono::Duration::days(364)).to_string();
    let args = [
        "report",
        "--user",
        "demo",
        "--from",
        &from,
        "--to",
        &today.to_string(),
        "--out",
        pdf.to_str().unwrap(),
    ];
    let (ok, out) = run(dir.path(), &args, "");
    assert!(ok && out.contains("Wrote demo's visit summary"), "{out}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let (ok, out) = run(
        dir.path(),
        &["report", "--user", "demo", "--from", "2026-02-30", "--to", "2026-03-01", "--out", "-"],
        "",
    );
    assert!(!ok && out.contains("year-month-day"), "{out}");
}

#[test]
fn analyze_reads_a_diary_csv_and_finds_the_simulated_effects() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("diary.csv");
    let today = chrono::Utc::now().date_naive();
    let mut bytes = Vec::new();
    foothold_core::diary_csv::write(&foothold_core::simulate::diary(11, today, 365), &mut bytes).unwrap();
    std::fs::write(&csv, &bytes).unwrap();

    let (ok, out) = run(dir.path(), &["analyze", "--csv", csv.to_str().unwrap(), "--json"], "");
    assert!(ok, "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let find = |strategy: &str, outcome: &str, lag: u64| {
        report["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["strategy"] == strategy && r["outcome"] == outcome && r["lag"] == lag)
            .unwrap()
            .clone()
    };
    let walk = find("walk", "pain", 0);
    assert_eq!(walk["label"], "likely_helps", "{walk}");
    assert!(walk["estimate"].as_f64().unwrap() < 0.0);
    let [lo, hi] = [walk["interval"][0].as_f64().unwrap(), walk["interval"][1].as_f64().unwrap()];
    assert!(lo < walk["estimate"].as_f64().unwrap() && walk["estimate"].as_f64().unwrap() < hi);
    for key in ["p_benefit", "p_meaningful", "n_with", "n_without"] {
        assert!(walk[key].is_number(), "{key}");
    }
    assert_eq!(find("heat", "pain", 0)["label"], "no_clear_difference");
    assert!(report["contingency"]["outcomes"].is_array() && report["co_occurring"].is_array());

    let (ok, table) = run(dir.path(), &["analyze", "--csv", csv.to_str().unwrap()], "");
    assert!(ok && table.contains("likely helps") && table.contains("not what causes"), "{table}");

    std::fs::write(&csv, "date,pain,strategies\n2026-01-01,5,walk\n2026-01-02,12,walk\nnot-a-date,3,\n")
        .unwrap();
    let (ok, out) = run(dir.path(), &["analyze", "--csv", csv.to_str().unwrap(), "--json"], "");
    assert!(!ok, "{out}");
    assert!(out.contains("line 3, column pain") && out.contains("line 4, column date"), "{out}");
}

#[test]
fn explain_style_reads_texts_and_prints_byte_spans() {
    let dir = tempfile::tempdir().unwrap();
    let out = foothold(dir.path())
        .args(["explain-style", "--json", "--text", "Why bother? Nothing will ever change."])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let spans = v["spans"].as_array().unwrap();
    assert!(spans.iter().any(|s| s["dimension"] == "helpless"), "{v}");
    assert!(spans.iter().any(|s| s["dimension"] == "permanent"), "{v}");
    let text = "Why bother? Nothing will ever change.";
    for s in spans {
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
    }
    assert_eq!(v["crisis"], false);
    // The reasons and questions are the interface's own English (the Fluent files).
    let helpless = spans.iter().find(|s| s["dimension"] == "helpless").unwrap();
    assert_eq!(helpless["reason"], "“Why bother” says nothing you do could make a difference.", "{v}");
    assert!(
        v["questions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q == "Is there one small thing, even a tiny one, that has made a difference before?"),
        "{v}"
    );

    let file = dir.path().join("texts.txt");
    std::fs::write(&file, "My back always hurts after gardening.\nI want to end my life.\n").unwrap();
    let out = foothold(dir.path()).args(["explain-style", "--json", "--file"]).arg(&file).output().unwrap();
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0]["crisis"].as_bool(), lines[1]["crisis"].as_bool()), (Some(false), Some(true)));

    let both = foothold(dir.path()).args(["explain-style", "--text", "x", "--file", "y"]).output().unwrap();
    assert!(!both.status.success());
}

#[test]
fn analyze_experiment_reads_a_planned_csv_and_reports_the_difference() {
    let dir = tempfile::tempdir().unwrap();
    // Three pairs of 7-day periods; pain is about 2 points lower on A days, with a wobble.
    let mut csv = String::from("date,pain,peg_pain,peg_enjoyment,peg_activity,mood,sleep,control,strategies,note,condition,period,washout\n");
    let start = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let order = ["A", "B", "B", "A", "A", "B"];
    for (p, condition) in order.iter().enumerate() {
        for d in 0..7 {
            let day = start + chrono::Duration::days((p * 7 + d) as i64);
            let pain = if *condition == "A" { 4 } else { 6 } + [0, 1, 0, -1, 1, 0, -1][d];
            csv.push_str(&format!("{day},{pain},,,,,,,,,{condition},{},{}\n", p + 1, d == 0));
        }
    }
    let file = dir.path().join("experiment.csv");
    std::fs::write(&file, &csv).unwrap();
    let out =
        foothold(dir.path()).args(["analyze-experiment", "--json", "--csv"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let estimate = v["estimate"].as_f64().unwrap();
    assert!((-2.6..-1.0).contains(&estimate), "{v}");
    assert!(v["p_benefit"].as_f64().unwrap() > 0.96);
    assert_eq!(v["period_means"].as_array().unwrap().len(), 6);
    assert_eq!(v["n_days_used"], 36, "washout days left out");
    assert!(v["paired"]["interval"].is_array());

    let report = foothold(dir.path()).args(["analyze-experiment", "--csv"]).arg(&file).output().unwrap();
    assert!(String::from_utf8_lossy(&report.stdout).contains("A − B ="));

    std::fs::write(&file, csv.replace(",B,2,", ",C,2,")).unwrap();
    let bad = foothold(dir.path()).args(["analyze-experiment", "--csv"]).arg(&file).output().unwrap();
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("column condition"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
    let wrong = foothold(dir.path())
        .args(["analyze-experiment", "--outcome", "joy", "--csv"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!wrong.status.success());
}
