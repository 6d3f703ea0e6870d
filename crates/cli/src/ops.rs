//! What each command does.

use crate::config::Database;
use anyhow::{anyhow, bail, Context, Result};
use chrono::NaiveDate;
use foothold_core::account::{Handle, NewPassword, Role};
use foothold_core::agency::Outcome;
use foothold_core::experiment::{Comparison, Condition, Design};
use foothold_core::hacks::HackRecord;
use foothold_services::accounts;
use foothold_services::i18n::Catalog;
use foothold_store::{migrate, Backend, ExperimentPlan, Store, UserId};
use foothold_web::config::WebConfig;
use foothold_web::error::AppError;
use foothold_web::AppState;
use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::time::Instant;
use tokio::net::TcpListener;

pub fn init_logging() {
    // Logs carry no health data, e-mail or handles' passwords by construction (see
    // docs/SECURITY.md); the level comes from FOOTHOLD_LOG (or RUST_LOG), default info.
    let filter = std::env::var("FOOTHOLD_LOG")
        .or_else(|_| std::env::var("RUST_LOG"))
        .unwrap_or_else(|_| "info,sqlx=warn".to_owned());
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

/// A command-line error for an account operation, in plain English: the same `err-<code>`
/// messages members read.
fn explain(err: AppError) -> anyhow::Error {
    let tr = match Catalog::load() {
        Ok(c) => c.negotiate(Some("en"), None),
        Err(e) => return anyhow!("{err} ({e})"),
    };
    let problems: Vec<String> =
        err.problems().iter().map(|p| format!("{}: {}", p.field, tr.error(p.code))).collect();
    if problems.is_empty() {
        anyhow!("{}", tr.error(err.code()))
    } else {
        anyhow!("{}", problems.join("\n       "))
    }
}

async fn open(db: &Database, max_connections: u32) -> Result<Store> {
    Store::open_with(db.url.expose(), max_connections, db.durability)
        .await
        .with_context(|| format!("cannot open the database: {}", db.describe))
}

pub async fn serve(db: &Database, max_connections: u32, listen: &str, web: WebConfig) -> Result<()> {
    let started = Instant::now();
    let store = open(db, max_connections).await?;
    if !web.crisis_configured() {
        tracing::warn!("no crisis resources configured: the help page shows generic advice; set [web.crisis.<lang>] (docs/OPERATIONS.md)");
    }
    if !web.emergency_configured() {
        tracing::warn!("no emergency number configured for every language: acute support shows generic wording; set web.crisis.<lang>.emergency (docs/foothold.example.toml)");
    }
    let state =
        AppState::new(store.clone(), web).map_err(|e| anyhow!("interface text failed to load: {e}"))?;
    let listener = TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    let addr = listener.local_addr()?;
    // Tests and process supervisors wait for this exact line.
    println!(
        "foothold: listening on http://{addr} ({}), ready in {} ms",
        db.describe,
        started.elapsed().as_millis()
    );
    foothold_web::serve(listener, state, shutdown_signal()).await?;
    tracing::info!("stopped accepting requests; closing the database");
    store.close().await;
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM (what service managers send).
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested; finishing requests in flight");
}

pub async fn migrate(db: &Database) -> Result<()> {
    let store =
        Store::connect(db.url.expose(), 1).await.with_context(|| format!("cannot open {}", db.describe))?;
    let applied = store.migrate().await?;
    if applied.is_empty() {
        println!("The database is up to date (schema version {}).", migrate::latest_version());
    } else {
        println!("Applied migrations {applied:?}; schema version is now {}.", migrate::latest_version());
    }
    store.close().await;
    Ok(())
}

/// Reads a password: hidden prompt at a terminal, otherwise the first line of stdin.
fn read_password(prompt: &str) -> Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(prompt)?;
        let again = rpassword::prompt_password("Again, to be sure: ")?;
        if first != again {
            bail!("the two passwords were not the same");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

async fn find(store: &Store, handle: &str) -> Result<foothold_store::User> {
    let parsed = Handle::parse(handle).map_err(|_| anyhow!("\"{handle}\" is not a valid handle"))?;
    store
        .user_by_handle(&parsed)
        .await
        .map_err(|_| anyhow!("there is no account with the handle \"{handle}\""))
}

pub async fn user_create(db: &Database, handle: &str, role: &str, email: &str) -> Result<()> {
    let role = Role::parse(role).map_err(|e| explain(e.into()))?;
    let store = open(db, 2).await?;
    let password = read_password(&format!("Password for {handle}: "))?;
    let user =
        accounts::create(&store, handle, &password, email, role).await.map_err(|e| explain(e.into()))?;
    println!("Created {} ({}).", user.handle, user.role);
    store.close().await;
    Ok(())
}

pub async fn user_set_password(db: &Database, handle: &str) -> Result<()> {
    let store = open(db, 2).await?;
    let user = find(&store, handle).await?;
    let password = read_password(&format!("New password for {}: ", user.handle))?;
    let password = NewPassword::parse(&password, Some(&user.handle)).map_err(|e| explain(e.into()))?;
    accounts::set_password(&store, user.id, &password).await.map_err(|e| explain(e.into()))?;
    let ended = store.delete_other_sessions(user.id, None).await?;
    let revoked = store.delete_other_tokens(user.id, None).await?;
    println!(
        "Password changed for {}; {ended} session(s) logged out, {revoked} API token(s) revoked.",
        user.handle
    );
    store.close().await;
    Ok(())
}

pub async fn user_set_role(db: &Database, handle: &str, role: &str) -> Result<()> {
    let role = Role::parse(role).map_err(|e| explain(e.into()))?;
    let store = open(db, 2).await?;
    let user = find(&store, handle).await?;
    store.set_role(user.id, role).await?;
    println!("{} is now {role}.", user.handle);
    store.close().await;
    Ok(())
}

pub async fn user_set_clinician(db: &Database, handle: &str, clinician: bool) -> Result<()> {
    let store = open(db, 2).await?;
    let user = find(&store, handle).await?;
    store.set_clinician(user.id, clinician).await?;
    if clinician {
        println!("{} is now a clinician: members can share with them.", user.handle);
    } else {
        println!("{} is no longer a clinician: what was shared with them no longer shows.", user.handle);
    }
    store.close().await;
    Ok(())
}

pub async fn backup(db: &Database, path: &Path) -> Result<()> {
    let store = open(db, 2).await?;
    if store.backend() == Backend::Postgres {
        println!(
            "This Foothold uses PostgreSQL, which has its own consistent online backup tool:\n\n  \
             pg_dump --format=custom --file={} \"$FOOTHOLD_DATABASE_URL\"\n\n\
             Restore with pg_restore --clean --dbname=... (see docs/OPERATIONS.md).",
            path.display()
        );
        return Ok(());
    }
    let started = Instant::now();
    store.backup_sqlite(path).await.with_context(|| format!("backup to {} failed", path.display()))?;
    println!(
        "Wrote a consistent copy of {} to {} in {} ms.",
        db.describe,
        path.display(),
        started.elapsed().as_millis()
    );
    store.close().await;
    Ok(())
}

pub async fn diary_export(db: &Database, handle: &str, path: &Path) -> Result<()> {
    let store = open(db, 2).await?;
    let user = find(&store, handle).await?;
    let rows = store.export_diary(user.id).await?;
    let mut out = Vec::new();
    foothold_core::diary_csv::write(&rows, &mut out)?;
    if path.as_os_str() == "-" {
        std::io::Write::write_all(&mut std::io::stdout(), &out)?;
    } else {
        std::fs::write(path, &out).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("Wrote {} days of {}'s diary to {}.", rows.len(), user.handle, path.display());
    }
    store.close().await;
    Ok(())
}

/// Writes the member's FHIR R4 Bundle, with the questionnaires the server would offer.
pub async fn export_fhir(
    db: &Database,
    questionnaires_dir: Option<&Path>,
    handle: &str,
    path: &Path,
) -> Result<()> {
    let instruments = foothold_services::questionnaires::Instruments::load(questionnaires_dir)
        .map_err(anyhow::Error::msg)?;
    let store = open(db, 2).await?;
    let user = find(&store, handle).await?;
    let bundle = foothold_web::export::fhir_bundle(&store, &instruments, &user, chrono::Utc::now()).await?;
    let json = serde_json::to_string_pretty(&bundle)?;
    if path.as_os_str() == "-" {
        println!("{json}");
    } else {
        std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?;
        let count = bundle.get("entry").and_then(|e| e.as_array()).map_or(0, Vec::len);
        eprintln!("Wrote {count} FHIR resources of {}'s to {}.", user.handle, path.display());
    }
    store.close().await;
    Ok(())
}

/// Writes everything of a member's as the ZIP they download from "Your data".
pub async fn export_archive(db: &Database, web: WebConfig, handle: &str, path: &Path) -> Result<()> {
    let store = open(db, 2).await?;
    let user = find(&store, handle).await?;
    let app = AppState::new(store.clone(), web).map_err(anyhow::Error::msg)?;
    let tr = app.catalog.negotiate(user.locale.as_deref(), None);
    let bytes = foothold_web::data_archive(&app, &user, &tr).await.map_err(explain)?;
    std::fs::write(path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!("Wrote {}'s data ({} bytes) to {}.", user.handle, bytes.len(), path.display());
    store.close().await;
    Ok(())
}

/// Writes a member's visit summary, as the page would make it for them, and says how long it
/// took (the figure in docs/BENCHMARKS.md).
pub async fn report(
    db: &Database,
    web: WebConfig,
    handle: &str,
    from: &str,
    to: &str,
    path: &Path,
) -> Result<()> {
    let store = open(db, 2).await?;
    let user = find(&store, handle).await?;
    let app = AppState::new(store.clone(), web).map_err(anyhow::Error::msg)?;
    let tr = app.catalog.negotiate(user.locale.as_deref(), None);
    let today = foothold_services::diary::today(user.time_zone);
    let (from, to) = foothold_web::report::period(from, to, today).map_err(|e| explain(e.into()))?;
    let started = Instant::now();
    let summary = foothold_web::report::gather(&app, &user, &tr, from, to).await.map_err(explain)?;
    let bytes = foothold_web::report::pdf(&summary, &tr).map_err(explain)?;
    let took = started.elapsed().as_millis();
    std::fs::write(path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!(
        "Wrote {}'s visit summary ({} days, {} bytes) to {} in {took} ms.",
        user.handle,
        summary.days.len(),
        bytes.len(),
        path.display()
    );
    store.close().await;
    Ok(())
}

pub async fn diary_import(db: &Database, handle: &str, path: &Path, dry_run: bool) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let store = open(db, 2).await?;
    let user = find(&store, handle).await?;
    let today = foothold_services::diary::today(user.time_zone);
    let rows = parse_diary_csv(&bytes, today, path, "nothing was imported")?;
    let s = store.import_diary(user.id, &rows, today, dry_run).await?;
    let verb = if dry_run { "Would import" } else { "Imported" };
    println!(
        "{verb} {} rows into {}'s diary: {} new days, {} changed, {} unchanged; {} new strategies{}",
        rows.len(),
        user.handle,
        s.created,
        s.updated,
        s.unchanged,
        s.new_strategies.len(),
        if s.new_strategies.is_empty() {
            String::new()
        } else {
            format!(" ({})", s.new_strategies.join(", "))
        }
    );
    store.close().await;
    Ok(())
}

/// Parses a diary CSV; on bad rows prints each with its line and column (in English, for the
/// operator's terminal) and fails with `consequence`, e.g. "nothing was imported".
pub fn parse_diary_csv(
    bytes: &[u8],
    today: chrono::NaiveDate,
    path: &Path,
    consequence: &str,
) -> Result<Vec<foothold_core::diary_csv::DiaryRow>> {
    foothold_core::diary_csv::parse(bytes, today).or_else(|errors| row_errors(&errors, path, consequence))
}

/// Prints each problem of a CSV file with its line and column, in English, and fails.
pub fn row_errors<T>(
    errors: &[foothold_core::diary_csv::RowError],
    path: &Path,
    consequence: &str,
) -> Result<T> {
    let tr = Catalog::load().map_err(|e| anyhow!(e))?.negotiate(Some("en"), None);
    for e in errors {
        let column = if e.column.is_empty() { String::new() } else { format!(", column {}", e.column) };
        eprintln!("line {}{column}: {}", e.line, tr.error(e.code));
    }
    bail!("{consequence}: {} problem(s) in {}", errors.len(), path.display())
}

/// The demo member's login. Public by design: the demo exists to be tried.
const DEMO_HANDLE: &str = "demo";
const DEMO_PASSWORD: &str = "try-foothold-demo";

/// The demo's finished experiment: walking against not walking, for pain, in four pairs of
/// weeks (one settling-in day each) that ended three weeks ago, with a fixed seed, so every
/// demo shows the same plan.
async fn demo_experiment(store: &Store, user: UserId, today: NaiveDate) -> Result<ExperimentPlan> {
    let walk = store
        .strategies(user)
        .await?
        .into_iter()
        .find(|s| s.builtin_key.as_deref() == Some("walk"))
        .context("the built-in strategy walk")?;
    let start = today - chrono::Duration::days(76);
    let mut plan = ExperimentPlan {
        strategy_a: walk.id,
        strategy_b: None,
        outcome: Outcome::Pain,
        period_days: 7,
        pairs: 4,
        washout_days: 1,
        seed: 2026,
        start,
        end: start,
    };
    plan.end = plan_design(&plan)?.end();
    Ok(plan)
}

fn plan_design(plan: &ExperimentPlan) -> Result<Design> {
    let walk = Comparison::WithWithout { strategy: plan.strategy_a };
    Design::new(walk, plan.outcome, plan.period_days, plan.pairs, plan.washout_days, plan.seed, plan.start)
        .map_err(|e| anyhow!("demo experiment plan: {e:?}"))
}

/// Seeds `members` reminders due at 08:00 today (UTC) and sends them through `servers`
/// concurrent app servers with a counting sender; prints the time and fails on any reminder
/// sent twice or left unsent.
pub async fn bench_reminders(db: &Database, members: i64, servers: u32) -> Result<()> {
    use foothold_services::mail::Mail;
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    let store = open(db, 2).await?;
    let today = chrono::Utc::now().date_naive();
    let due = today.and_hms_opt(8, 0, 0).unwrap_or_default().and_utc();
    let seeding = Instant::now();
    store.seed_reminders(members, "Europe/London", "08:00", due).await?;
    eprintln!("Seeded {members} reminders in {:.1} s.", seeding.elapsed().as_secs_f64());
    let config = foothold_web::config::WebConfig {
        public_url: Some("https://foothold.example.org".into()),
        // Built, never connected to: the sender below counts instead of mailing.
        mail: Some(foothold_services::mail::MailConfig {
            smtp_url: "smtp://127.0.0.1:9".into(),
            from: "Foothold <reminders@foothold.example.org>".into(),
        }),
        ..foothold_web::config::WebConfig::default()
    };
    let sent: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
    let now = due + chrono::Duration::minutes(1);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..servers {
        let server_store = open(db, 2).await?;
        let app = foothold_web::AppState::new(server_store, config.clone()).map_err(|e| anyhow!(e))?;
        let sent = sent.clone();
        tasks.spawn(async move {
            loop {
                let count = |mail: Mail<'_>| {
                    if let Ok(mut seen) = sent.lock() {
                        *seen.entry(mail.to.to_owned()).or_default() += 1;
                    }
                    std::future::ready(true)
                };
                let ran =
                    foothold_services::reminders::run_batch(&app, &format!("bench-{n}"), now, count).await?;
                if ran.claimed == 0 {
                    return Ok::<_, foothold_web::error::AppError>(());
                }
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        done?.map_err(explain)?;
    }
    let secs = started.elapsed().as_secs_f64();
    let seen = sent.lock().map_err(|_| anyhow!("a sender panicked"))?;
    let twice = seen.values().filter(|n| **n > 1).count();
    println!(
        "{members} reminders, {servers} server(s): {} sent in {secs:.1} s ({:.0} a second); {twice} sent twice",
        seen.len(),
        seen.len() as f64 / secs
    );
    if twice > 0 || seen.len() as i64 != members {
        bail!("every reminder must be sent exactly once");
    }
    Ok(())
}

/// Fills an empty database with a synthetic community (see `Store::seed_community`); the
/// `bench` members' password is read from standard input.
pub async fn seed_community(db: &Database, plan: foothold_store::SeedPlan, bench: u32) -> Result<()> {
    let store = open(db, 2).await?;
    let hash = if bench > 0 {
        let password = NewPassword::parse(read_password("Password for the bench members: ")?.trim(), None)
            .map_err(|e| explain(e.into()))?;
        foothold_services::secret::hash_password(&password).await.map_err(|e| explain(e.into()))?
    } else {
        String::new()
    };
    let members: Vec<(String, String)> = (1..=bench).map(|i| (format!("bench{i}"), hash.clone())).collect();
    let started = Instant::now();
    let seeded = store.seed_community(plan, &members).await?;
    eprintln!(
        "Seeded {} posts in {:.0} s; big group \"{}\", small group \"{}\", long thread {}, hack {}.",
        seeded.posts,
        started.elapsed().as_secs_f64(),
        seeded.big_group,
        seeded.small_group,
        seeded.long_thread,
        seeded.hack
    );
    if bench > 0 {
        seed_calendar(&store).await?;
    }
    println!("{} {}", seeded.long_thread, seeded.hack);
    Ok(())
}

/// The calendar feed load test: `bench1` comes to a weekly session, for a year, in each of
/// 50 groups, and follows them at `/calendar/bench-calendar-feed.ics`.
async fn seed_calendar(store: &Store) -> Result<()> {
    use foothold_core::group_sessions::{parse_session, SessionForm};
    let bench1 = find(store, "bench1").await?;
    let zones = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Tokyo", "UTC"];
    for (i, zone) in (1..=50).zip(zones.iter().cycle()) {
        let (group, _) = store.group(&format!("g{}", i + 2), None).await?;
        let form = SessionForm {
            title: "Seated stretch",
            about: "Gentle stretches from a chair.",
            date: "2026-01-05",
            time: "10:00",
            time_zone: zone,
            minutes: "30",
            count: "52",
            ..SessionForm::default()
        };
        let new = parse_session(&form, &["mo"]).map_err(|e| anyhow!("{e}"))?;
        let session = store.create_group_session(group.id, bench1.id, &format!("bench-{i}"), &new).await?;
        store.rsvp(session, bench1.id).await?;
    }
    let hash = foothold_services::secret::token_hash("bench-calendar-feed");
    store.set_calendar_secret(bench1.id, Some(&hash)).await?;
    Ok(())
}

/// Creates the demo member with a year of simulated diary (foothold_core::simulate), unless
/// it exists already, and prints how to log in.
pub async fn demo(db: &Database) -> Result<()> {
    let store = open(db, 2).await?;
    let handle = Handle::parse(DEMO_HANDLE).map_err(|e| explain(e.into()))?;
    let user = match store.user_by_handle(&handle).await {
        Ok(user) => {
            eprintln!("The demo member exists already.");
            user
        }
        Err(_) => {
            let user = accounts::create(&store, DEMO_HANDLE, DEMO_PASSWORD, "", Role::Member)
                .await
                .map_err(|e| explain(e.into()))?;
            let today = foothold_services::diary::today(chrono_tz::UTC);
            store.ensure_builtin_strategies(user.id, today - chrono::Duration::days(365)).await?;
            let plan = demo_experiment(&store, user.id, today).await?;
            let design = plan_design(&plan)?;
            let walk_on = |day| design.on(day).map(|p| p.condition == Condition::A);
            let rows = foothold_core::simulate::diary_with_plan(2026, today, 365, &walk_on);
            let s = store.import_diary(user.id, &rows, today, false).await?;
            store.create_experiment(user.id, &plan).await?;
            crate::demo_questionnaires::create(&store, user.id, today).await?;
            crate::demo_goals::create(&store, user.id, today).await?;
            eprintln!(
                "Created the demo member with {} days of simulated diary, a finished walking \
                 experiment, a year of questionnaires and a paced goal (docs/DEMO.md).",
                s.created
            );
            user
        }
    };
    crate::demo_community::create(&store, user.id).await?;
    println!("Demo login: handle \"{}\", password \"{DEMO_PASSWORD}\"", user.handle);
    store.close().await;
    Ok(())
}

/// Writes every visible hack as a JSON array of [`HackRecord`]s ("-" for standard output).
pub async fn hacks_export(db: &Database, path: &Path) -> Result<()> {
    let store = open(db, 2).await?;
    let records = foothold_services::hacks::export(&store).await.map_err(|e| anyhow!("{e}"))?;
    let json = serde_json::to_string_pretty(&records)?;
    if path.as_os_str() == "-" {
        println!("{json}");
    } else {
        std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("Wrote {} hacks to {}.", records.len(), path.display());
    }
    store.close().await;
    Ok(())
}

/// Reads hacks from a file written by `hacks export` (or by hand), all or none, as `author`
/// (`foothold_services::hacks::import`, which the administrators' page uses too).
pub async fn hacks_import(db: &Database, path: &Path, author: &str) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let records: Vec<HackRecord> = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not a list of hacks; nothing was imported", path.display()))?;
    let store = open(db, 2).await?;
    let user = find(&store, author).await?;
    let imported =
        foothold_services::hacks::import(&store, user.id, &records).await.map_err(|e| anyhow!("{e}"))?;
    store.close().await;
    match imported {
        Ok(created) => {
            println!(
                "Imported {created} new hacks ({} were there already) as {}.",
                records.len() - created,
                user.handle
            );
            Ok(())
        }
        Err(foothold_services::hacks::ImportProblems(problems)) => {
            let lines: Vec<String> =
                problems.iter().map(|(i, title, e)| format!("hack {i} (\"{title}\"): {e}")).collect();
            bail!("nothing was imported:\n  {}", lines.join("\n  "))
        }
    }
}
