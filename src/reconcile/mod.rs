//! Bank reconciliation, the pure part: read a bank statement — a plain CSV
//! (`statement`) or a bank's own export (`bank`) —
//! match its lines to the ledger's bank postings (`matching`), and build the
//! 銀行存款餘額調節表 from what is left over (`adjustment`).
//!
//! Not here: querying the ledger for its bank postings and balance, recording a
//! reconciliation and marking postings cleared (`store`), or printing the result
//! (`render`). Nothing in this module touches the database.

pub mod adjustment;
pub mod bank;
pub mod bills;
pub mod matching;
pub mod statement;
