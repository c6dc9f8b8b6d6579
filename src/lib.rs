//! lovefund: a tamper-evident double-entry ledger for a charity love fund (愛心基金).
//!
//! Data flows one way: `cli` → `ledger` types → `store` → `report` → `render`.
//! The binary (src/main.rs) only calls [`cli::run`].

pub mod cli;
pub mod error;
pub mod export;
pub mod i18n;
pub mod import;
pub mod input;
pub mod ledger;
pub mod reconcile;
pub mod render;
pub mod report;
pub mod store;
pub mod verify;

pub use error::{Error, Result};
