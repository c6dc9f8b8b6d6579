//! The sentences only the web page (`lovefund serve`) says: its address, its sign-in
//! and the checks every request passes. The operations' refusals are the same
//! messages as the command line's.

use super::Quoted;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WebMessage {
    /// `--listen` is not an address and port.
    NotAnAddress { text: Quoted },
    /// `--idle` is not a time from one second to a day.
    NotAnIdleTime { text: Quoted },
    /// A non-loopback address without `--tls-cert` and `--tls-key`.
    NotLoopback { address: String },
    /// One of `--tls-cert`, `--tls-key` without the other.
    TlsHalf,
    /// The certificate or key could not be read or used; `detail` is rustls's words.
    TlsUnusable { detail: String },
    /// The address could not be listened on; `detail` is the OS's words.
    CannotListen { address: String, detail: String },
    /// A request whose Host header is not the address served (DNS rebinding).
    WrongHost { host: Quoted },
    /// A form posted without the page's own token (CSRF), or with another.
    FormExpired,
    /// Too many failed sign-ins: wait.
    SignInLocked { seconds: u64 },
    /// The session ended (idle, signed out, or from another server).
    SessionEnded,
    /// The setup link was used already, or is not this server's.
    SetupLinkUsed,
    /// A page the server does not have.
    NoSuchPage,
    /// A choice of a list (a select) that is not one of the list's.
    NoSuchChoice,
    /// An upload without a file chosen.
    NoFileChosen,
    /// A sheet or statement larger than the page takes.
    UploadTooLarge { mib: u64 },
    /// A confirm whose upload the server no longer holds (confirmed, cancelled,
    /// expired, another session's, or never there).
    UploadGone,
    /// A confirm whose file is not the one the dry run showed.
    UploadChanged,
}
