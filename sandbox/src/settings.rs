//! Where the sandbox listens and what it serves, from the environment.

use std::env;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use thiserror::Error;

pub const DEFAULT_PORT: u16 = 8080;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Loopback only: the sandbox holds test secrets and is never public.
    pub address: SocketAddr,
    /// Trunk's output: the demo page.
    pub dist_dir: PathBuf,
    /// The npm package as it would be published.
    pub pkg_dir: PathBuf,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum SettingsError {
    #[error("PORT {0:?} is not a port number")]
    InvalidPort(String),
}

impl Settings {
    /// Reads `PORT`, `PAY_SANDBOX_DIST` and `PAY_SANDBOX_PKG`; the folders
    /// default to `dist/` and `pkg/` of the current directory.
    pub fn from_env() -> Result<Self, SettingsError> {
        Self::from_lookup(|name| env::var(name).ok())
    }

    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, SettingsError> {
        let port = match lookup("PORT") {
            None => DEFAULT_PORT,
            Some(value) => value
                .trim()
                .parse()
                .map_err(|_| SettingsError::InvalidPort(value))?,
        };
        let folder = |name: &str, default: &str| {
            PathBuf::from(lookup(name).unwrap_or_else(|| default.to_owned()))
        };
        Ok(Settings {
            address: SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            dist_dir: folder("PAY_SANDBOX_DIST", "dist"),
            pkg_dir: folder("PAY_SANDBOX_PKG", "pkg"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_to_loopback_8080_and_the_build_folders() {
        let settings = Settings::from_lookup(|_| None).unwrap();
        assert_eq!(settings.address.to_string(), "127.0.0.1:8080");
        assert_eq!(settings.dist_dir, PathBuf::from("dist"));
        assert_eq!(settings.pkg_dir, PathBuf::from("pkg"));
    }

    #[test]
    fn port_overrides_and_bad_ports_are_refused() {
        let port = |value: &str| {
            let value = value.to_owned();
            Settings::from_lookup(move |name| (name == "PORT").then(|| value.clone()))
        };
        assert_eq!(port("9001").unwrap().address.port(), 9001);
        assert_eq!(port("http"), Err(SettingsError::InvalidPort("http".into())));
        assert_eq!(
            port("70000"),
            Err(SettingsError::InvalidPort("70000".into()))
        );
    }
}
