//! What `lovefund serve` is asked to do, checked once: the ledger, the address and,
//! beyond loopback, the TLS certificate and key. The rule lives here, not in the web
//! front end: a page that other computers reach goes over TLS, or not at all.

use crate::error::message::WebMessage;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// The address served when none is given.
pub const LISTEN_DEFAULT: &str = "127.0.0.1:8423";

/// How long a web session lasts without a request when `--idle` is not given.
pub const IDLE_DEFAULT: Duration = Duration::from_secs(30 * 60);
/// The shortest and the longest idle time `--idle` takes.
const IDLE_RANGE: std::ops::RangeInclusive<Duration> =
    Duration::from_secs(1)..=Duration::from_secs(24 * 60 * 60);

/// A TLS certificate chain and its private key, both PEM files.
#[derive(Clone, Debug)]
pub struct Tls {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// A checked request to serve the ledger at `db` on `listen`.
#[derive(Clone, Debug)]
pub struct ServeRequest {
    pub db: PathBuf,
    pub listen: SocketAddr,
    pub tls: Option<Tls>,
    /// The language pages start in (`--lang`); else the ledger's.
    pub lang: Option<Lang>,
    /// `--read-only`: the ledger is opened read-only for every request, so every
    /// page that would change it is refused by the store, as the CLI's commands are.
    pub read_only: bool,
    /// A signed-in session ends after this long without a request.
    pub idle: Duration,
}

impl ServeRequest {
    /// Refused: an address that is not one, half a TLS pair, or a non-loopback
    /// address without TLS.
    pub fn new(
        db: PathBuf,
        listen: &str,
        cert: Option<PathBuf>,
        key: Option<PathBuf>,
        lang: Option<Lang>,
    ) -> Result<ServeRequest> {
        let address: SocketAddr = listen.trim().parse().map_err(|_| {
            Error::input(WebMessage::NotAnAddress {
                text: listen.into(),
            })
        })?;
        let tls = match (cert, key) {
            (Some(cert), Some(key)) => Some(Tls { cert, key }),
            (None, None) => None,
            _ => return Err(Error::input(WebMessage::TlsHalf)),
        };
        if tls.is_none() && !address.ip().is_loopback() {
            return Err(Error::conflict(WebMessage::NotLoopback {
                address: address.to_string(),
            }));
        }
        Ok(ServeRequest {
            db,
            listen: address,
            tls,
            lang,
            read_only: false,
            idle: IDLE_DEFAULT,
        })
    }
}

/// `--idle`'s time: whole minutes (`30`), or a count with its unit, `s`, `m` or `h`
/// (`90s`, `15m`, `2h`), from one second to a day.
pub fn idle_time(text: &str) -> Result<Duration> {
    let refused = || Error::input(WebMessage::NotAnIdleTime { text: text.into() });
    let t = text.trim();
    let (count, unit) = match t.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => t.split_at(at),
        None => (t, "m"),
    };
    let seconds_each = match unit.trim() {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        _ => return Err(refused()),
    };
    let count: u64 = count.parse().map_err(|_| refused())?;
    let idle = count
        .checked_mul(seconds_each)
        .map(Duration::from_secs)
        .ok_or_else(refused)?;
    if IDLE_RANGE.contains(&idle) {
        Ok(idle)
    } else {
        Err(refused())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beyond_loopback_needs_tls() {
        let db = PathBuf::from("x.db");
        assert!(ServeRequest::new(db.clone(), "127.0.0.1:0", None, None, None).is_ok());
        assert!(ServeRequest::new(db.clone(), "[::1]:8423", None, None, None).is_ok());
        assert!(ServeRequest::new(db.clone(), "0.0.0.0:8423", None, None, None).is_err());
        assert!(ServeRequest::new(db.clone(), "localhost", None, None, None).is_err());
        let pair = (Some("c.pem".into()), Some("k.pem".into()));
        assert!(ServeRequest::new(db.clone(), "0.0.0.0:8423", pair.0, pair.1, None).is_ok());
        assert!(ServeRequest::new(db, "127.0.0.1:1", Some("c".into()), None, None).is_err());
    }

    #[test]
    fn idle_times() {
        let secs = |t: &str| idle_time(t).map(|d| d.as_secs()).ok();
        assert_eq!(secs("30"), Some(1800));
        assert_eq!(secs(" 15m "), Some(900));
        assert_eq!(secs("90s"), Some(90));
        assert_eq!(secs("2h"), Some(7200));
        assert_eq!(secs("24h"), Some(86_400));
        for refused in [
            "",
            "0",
            "0s",
            "25h",
            "1441",
            "1.5h",
            "m",
            "-5m",
            "10d",
            "99999999999999999999h",
        ] {
            assert_eq!(secs(refused), None, "{refused}");
        }
    }
}
