//! The domain, pure: money, accounts, funds, balanced entries and the hash chain.
//! Nothing here touches SQLite, the terminal or the file system.

pub mod account;
pub mod append;
pub mod chain;
pub mod chart;
pub mod closing;
pub mod date;
pub mod daxie;
pub mod entry;
pub mod fund;
pub mod guard;
pub mod manifest;
pub mod money;
pub mod names;
pub mod operations;
pub mod party;
pub mod receipt;
pub mod reconciliation;
pub mod settings;
pub mod signature;
pub mod time;
pub mod user;
pub mod words;
