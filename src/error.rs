//! The library's one error type. Every error a person can cause is an `Input`,
//! `NotFound` or `Conflict` with one sentence saying what is wrong and what to do;
//! `Storage` and `Io` carry what SQLite or the OS said. The binary maps all of them to
//! exit status 1 (clap's usage errors are 2).

use std::fmt;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: a field that does not parse or breaks a rule.
    #[error("{0}")]
    Input(String),
    /// Something named does not exist (an account, entry, fund, ledger file).
    #[error("{0}")]
    NotFound(String),
    /// The request contradicts what the ledger holds (a second reversal, an
    /// overspend, an existing ledger).
    #[error("{0}")]
    Conflict(String),
    /// A `verify` check failed; the message names the first bad entry.
    #[error("{0}")]
    Verify(String),
    /// What the database said (its own words, as plain text, so no storage library
    /// shows through this type), for failures a person cannot fix by retyping. A full
    /// disk, a failed write and read-only media become `Io` instead (see
    /// `store::storage_error`).
    #[error("the ledger database reported an error: {0}")]
    Storage(String),
    #[error("{0}")]
    Io(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn input(message: impl fmt::Display) -> Self {
        Error::Input(message.to_string())
    }
    pub fn not_found(message: impl fmt::Display) -> Self {
        Error::NotFound(message.to_string())
    }
    pub fn conflict(message: impl fmt::Display) -> Self {
        Error::Conflict(message.to_string())
    }
    pub fn io(context: impl fmt::Display, error: std::io::Error) -> Self {
        Error::Io(format!("{context}: {error}"))
    }
}
