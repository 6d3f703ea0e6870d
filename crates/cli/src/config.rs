//! Configuration: built-in defaults, then the TOML file, then `FOOTHOLD_*` variables and
//! flags (clap reads both), later ones winning.

use anyhow::{Context, Result};
use foothold_web::config::WebConfig;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// The TOML file's shape. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<Secret>,
    pub max_connections: Option<u32>,
    /// SQLite only: "full" (default; acknowledged writes survive a power cut) or "normal"
    /// (they survive a crashed process; much higher write throughput).
    pub sqlite_synchronous: Option<String>,
    pub web: WebConfig,
}

/// A value that must never be printed (a database URL may hold a password).
#[derive(Clone, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: String) -> Self {
        Self(s)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl FileConfig {
    pub fn load(path: Option<&Path>) -> Result<Self> {
        let Some(path) = path else { return Ok(Self::default()) };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read configuration file {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("configuration file {} is not valid", path.display()))
    }
}

/// Where the database is, after every source has been consulted.
pub struct Database {
    pub url: Secret,
    pub durability: foothold_store::Durability,
    /// For SQLite, the file; used in messages (never the URL, which could hold a password).
    pub describe: String,
}

pub fn database(
    url: Option<Secret>,
    data_dir: &Path,
    durability: foothold_store::Durability,
) -> Result<Database> {
    if let Some(url) = url {
        let describe = if url.expose().starts_with("sqlite:") {
            format!("SQLite ({})", url.expose().trim_start_matches("sqlite://").trim_start_matches("sqlite:"))
        } else {
            "PostgreSQL".to_owned()
        };
        return Ok(Database { url, durability, describe });
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create data directory {}", data_dir.display()))?;
    let file = data_dir.join("foothold.db");
    Ok(Database {
        url: Secret::new(format!("sqlite://{}", file.display())),
        durability,
        describe: format!("SQLite ({})", file.display()),
    })
}

/// The SQLite durability named in the configuration.
pub fn durability(setting: Option<&str>) -> Result<foothold_store::Durability> {
    match setting.map(str::to_ascii_lowercase).as_deref() {
        None | Some("full") => Ok(foothold_store::Durability::PowerLoss),
        Some("normal") => Ok(foothold_store::Durability::ProcessCrash),
        Some(other) => anyhow::bail!("sqlite_synchronous must be \"full\" or \"normal\", not \"{other}\""),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_example_configuration_parses_and_hides_its_secret() {
        let text = include_str!("../../../docs/foothold.example.toml");
        let cfg: FileConfig = toml::from_str(text).unwrap();
        assert!(cfg.web.crisis_configured());
        assert!(cfg.web.emergency_configured());
        assert!(!format!("{cfg:?}").contains("secret-password"));
    }

    #[test]
    fn unknown_keys_are_refused_rather_than_ignored() {
        assert!(toml::from_str::<FileConfig>("listne = \"x\"").is_err());
    }
}
