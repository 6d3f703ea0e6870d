//! `foothold`: the server and the operator's commands, in one binary.

mod analyze;
mod analyze_experiment;
mod config;
mod demo_community;
mod demo_goals;
mod demo_hacks;
mod demo_questionnaires;
mod explain;
mod ops;

use anyhow::Result;
use clap::{Parser, Subcommand};
use config::Secret;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "foothold",
    version,
    about = "Foothold: a self-hosted platform for people who live with chronic pain.",
    long_about = "Foothold: a self-hosted platform for people who live with chronic pain.\n\n\
        With no configuration it keeps everything in an embedded SQLite database in ./foothold-data.\n\
        Every option can also be set in a TOML file (--config) or a FOOTHOLD_* environment variable.\n\
        See docs/OPERATIONS.md for running it in production."
)]
struct Cli {
    /// A TOML configuration file (see docs/foothold.example.toml).
    #[arg(long, env = "FOOTHOLD_CONFIG", global = true)]
    config: Option<PathBuf>,
    /// Directory for the embedded SQLite database; created if missing. [default: ./foothold-data]
    #[arg(long, env = "FOOTHOLD_DATA_DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Use this database instead, e.g. postgres://user:password@host/foothold. Never printed.
    #[arg(long, env = "FOOTHOLD_DATABASE_URL", hide_env_values = true, global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (migrates the database first).
    Serve {
        /// Address and port to listen on. [default: 127.0.0.1:8080]
        #[arg(long, env = "FOOTHOLD_LISTEN")]
        listen: Option<String>,
        /// Mark cookies Secure and send HSTS: use whenever Foothold is reached over HTTPS.
        #[arg(long, env = "FOOTHOLD_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Trust X-Forwarded-For from a reverse proxy (only behind one).
        #[arg(long, env = "FOOTHOLD_TRUST_PROXY")]
        trust_proxy: bool,
        /// Create the demo member (a year of simulated diary) if missing and print its login.
        /// For trying Foothold out, never on a public instance: the password is printed.
        #[arg(long)]
        demo: bool,
    },
    /// Create a demo member with about a year of simulated diary data (docs/DEMO.md).
    Demo,
    /// Measure the reminder queue: fill an empty database with `--members` members whose
    /// check-in reminders are all due at once, then send them all through `--servers` app
    /// servers (each its own connection pool), counting messages instead of mailing them.
    /// Fails if any reminder was sent twice or not at all (docs/BENCHMARKS.md).
    BenchReminders {
        #[arg(long, default_value_t = 100_000)]
        members: i64,
        #[arg(long, default_value_t = 1)]
        servers: u32,
    },
    /// Fill an empty database with a synthetic community for load tests
    /// (scripts/bench-community.sh): members, groups, threads and posts, plus `--bench`
    /// members who can log in with the password read from standard input.
    SeedCommunity {
        #[arg(long, default_value_t = 50_000)]
        members: i64,
        #[arg(long, default_value_t = 2_000)]
        groups: i64,
        #[arg(long, default_value_t = 1_000_000)]
        posts: i64,
        /// Threads in the largest group (`big`).
        #[arg(long, default_value_t = 100_000)]
        big_threads: i64,
        #[arg(long, default_value_t = 50)]
        threads_per_group: i64,
        /// Members `bench1`… that load generators log in as.
        #[arg(long, default_value_t = 0)]
        bench: u32,
    },
    /// Bring the database schema up to date, then exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Export or import a member's diary in Foothold's CSV exchange format (docs/DIARY-CSV.md).
    #[command(subcommand)]
    Diary(DiaryCommand),
    /// What goes with better days: the agency engine on a diary CSV (docs/ANALYSIS.md).
    Analyze {
        /// A diary in Foothold's CSV exchange format ("-" for standard input).
        #[arg(long, value_name = "FILE")]
        csv: PathBuf,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// A personal experiment (n-of-1 trial) from a CSV: the exchange format plus condition,
    /// period and washout columns (docs/EXPERIMENTS.md).
    AnalyzeExperiment {
        /// The CSV file ("-" for standard input).
        #[arg(long, value_name = "FILE")]
        csv: PathBuf,
        /// The primary outcome: pain, peg, mood or sleep.
        #[arg(long, default_value = "pain")]
        outcome: String,
        /// Print one JSON object instead of a report.
        #[arg(long)]
        json: bool,
    },
    /// Read texts for explanatory style and crisis language (docs/ANALYSIS.md).
    ExplainStyle {
        /// One text.
        #[arg(long, conflicts_with = "file", required_unless_present = "file")]
        text: Option<String>,
        /// A file with one text per line ("-" for standard input).
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// Print one JSON object per text instead of a readable list.
        #[arg(long)]
        json: bool,
    },
    /// Export or import the community's hacks as a JSON file, e.g. to start a new community
    /// with another's (docs/OPERATIONS.md).
    #[command(subcommand)]
    Hacks(HacksCommand),
    /// Export a member's data: `fhir` writes a FHIR R4 Bundle of their diary ratings and
    /// questionnaire responses (docs/FHIR.md); `archive` everything as a ZIP of JSON and CSV.
    Export {
        #[arg(long)]
        user: String,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Where to write it ("-" for standard output).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Write a member's visit summary (PDF) for the days from FROM to TO (YYYY-MM-DD).
    Report {
        #[arg(long)]
        user: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Write a consistent copy of the live SQLite database to PATH (PostgreSQL: use pg_dump).
    Backup {
        /// Where to write the copy; must not exist yet.
        path: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    /// A FHIR R4 Bundle of diary ratings and questionnaire responses (JSON).
    Fhir,
    /// Everything, as a ZIP of JSON and CSV files with a README.
    Archive,
}

#[derive(Subcommand)]
enum DiaryCommand {
    /// Write the member's whole diary as CSV ("-" for standard output).
    Export {
        #[arg(long)]
        user: String,
        #[arg(long, value_name = "FILE")]
        csv: PathBuf,
    },
    /// Read a CSV diary into the member's account: all rows or none. Days in the file
    /// replace the same days in the diary; strategies the member lacks are created.
    Import {
        #[arg(long)]
        user: String,
        #[arg(long, value_name = "FILE")]
        csv: PathBuf,
        /// Check the file and show what would change, without changing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum HacksCommand {
    /// Write every visible hack (what its author wrote, nothing else) as JSON ("-" for
    /// standard output).
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read hacks from a JSON file, all or none; they are shared by the account `--author`.
    Import {
        #[arg(long, value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        author: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password is read from standard input (hidden at a terminal).
    Create {
        handle: String,
        /// member, moderator or admin.
        #[arg(long, default_value = "member")]
        role: String,
        /// Optional contact address.
        #[arg(long, default_value = "")]
        email: String,
    },
    /// Set a new password (read from standard input) and log the account out everywhere.
    SetPassword { handle: String },
    /// Change what an account may do: member, moderator or admin.
    SetRole { handle: String, role: String },
    /// Mark an account as a clinician, coach or peer-support worker (after checking the
    /// person), so members can share with it; `--off` unmarks it and its shares stop showing.
    SetClinician {
        handle: String,
        #[arg(long)]
        off: bool,
    },
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    ops::init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    // Analysis needs no database: answer it before one is configured.
    let command = match cli.command {
        Command::Analyze { csv, json } => return analyze::run(&csv, json),
        Command::ExplainStyle { text, file, json } => {
            return explain::run(text.as_deref(), file.as_deref(), json)
        }
        Command::AnalyzeExperiment { csv, outcome, json } => {
            return analyze_experiment::run(&csv, &outcome, json)
        }
        other => other,
    };
    let file = config::FileConfig::load(cli.config.as_deref())?;
    let data_dir = cli.data_dir.or(file.data_dir).unwrap_or_else(|| PathBuf::from("foothold-data"));
    let url = cli.database_url.map(Secret::new).or(file.database_url);
    let durability = config::durability(file.sqlite_synchronous.as_deref())?;
    let db = config::database(url, &data_dir, durability)?;
    let max_connections = file.max_connections.unwrap_or(16);
    match command {
        Command::Serve { listen, secure_cookies, trust_proxy, demo } => {
            let mut web = file.web;
            web.secure_cookies |= secure_cookies;
            web.trust_proxy |= trust_proxy;
            let listen = listen.or(file.listen).unwrap_or_else(|| "127.0.0.1:8080".to_owned());
            if demo {
                ops::demo(&db).await?;
            }
            ops::serve(&db, max_connections, &listen, web).await
        }
        Command::Migrate => ops::migrate(&db).await,
        Command::Demo => ops::demo(&db).await,
        Command::BenchReminders { members, servers } => ops::bench_reminders(&db, members, servers).await,
        Command::SeedCommunity { members, groups, posts, big_threads, threads_per_group, bench } => {
            let plan = foothold_store::SeedPlan {
                members,
                groups,
                posts,
                big_threads,
                threads_per_group,
                long_thread_replies: 200,
                hack_results: 10_000,
            };
            ops::seed_community(&db, plan, bench).await
        }
        Command::User(UserCommand::Create { handle, role, email }) => {
            ops::user_create(&db, &handle, &role, &email).await
        }
        Command::User(UserCommand::SetPassword { handle }) => ops::user_set_password(&db, &handle).await,
        Command::User(UserCommand::SetRole { handle, role }) => ops::user_set_role(&db, &handle, &role).await,
        Command::User(UserCommand::SetClinician { handle, off }) => {
            ops::user_set_clinician(&db, &handle, !off).await
        }
        Command::Diary(DiaryCommand::Export { user, csv }) => ops::diary_export(&db, &user, &csv).await,
        Command::Diary(DiaryCommand::Import { user, csv, dry_run }) => {
            ops::diary_import(&db, &user, &csv, dry_run).await
        }
        Command::Hacks(HacksCommand::Export { out }) => ops::hacks_export(&db, &out).await,
        Command::Hacks(HacksCommand::Import { file, author }) => ops::hacks_import(&db, &file, &author).await,
        Command::Export { user, format: ExportFormat::Fhir, out } => {
            ops::export_fhir(&db, file.web.questionnaires_dir.as_deref(), &user, &out).await
        }
        Command::Export { user, format: ExportFormat::Archive, out } => {
            ops::export_archive(&db, file.web, &user, &out).await
        }
        Command::Report { user, from, to, out } => ops::report(&db, file.web, &user, &from, &to, &out).await,
        Command::Backup { path } => ops::backup(&db, &path).await,
        Command::Analyze { csv, json } => analyze::run(&csv, json),
        Command::ExplainStyle { text, file, json } => explain::run(text.as_deref(), file.as_deref(), json),
        Command::AnalyzeExperiment { csv, outcome, json } => analyze_experiment::run(&csv, &outcome, json),
    }
}
