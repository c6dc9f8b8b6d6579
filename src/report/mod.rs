//! Reports: plain structs computed from the store. A report never formats text;
//! text, JSON and CSV are renderings of the same struct (see `render`), so the numbers
//! cannot disagree between them.

pub mod annual;
pub mod cash_flow;
pub mod disclosure;
pub mod entry;
pub mod fund_balances;
pub mod lists;
pub mod people;
pub mod receipts;
pub mod reconciliation;
pub mod register;
pub mod search;
pub mod statements;
pub mod summary;
pub mod trial_balance;
