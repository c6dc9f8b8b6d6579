//! lovefund: a tamper-evident double-entry ledger for a charity love fund (愛心基金).
//!
//! Layers, each naming only those below it (checked by `layers`): the front end
//! (`cli`) parses input into requests for the operations (`ops`), which hold the
//! rules and run each as one transaction; they use the domain (`ledger`), the
//! SQLite store (`store`), the file readers and writers (`import`, `reconcile`,
//! `export`), the reports (`report`, `verify`) and the renderers (`render`). The
//! binary (src/main.rs) only calls [`cli::run`], handing it the second front end
//! (`web`, `lovefund serve`) to serve with.

pub mod cli;
pub mod error;
pub mod export;
pub mod i18n;
pub mod import;
pub mod input;
mod layers;
pub mod ledger;
pub mod ops;
pub mod output;
pub mod reconcile;
pub mod render;
pub mod report;
pub mod store;
pub mod verify;
pub mod web;

pub use error::{Error, Result};
