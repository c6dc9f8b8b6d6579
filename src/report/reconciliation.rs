//! A bank reconciliation as computed: what matched, what is on one side only, ties,
//! and the 銀行存款餘額調節表 (the matching and the table are pure functions in
//! `crate::reconcile`).

use crate::reconcile::adjustment::Adjustment;
use crate::reconcile::matching::Matching;
use serde::Serialize;

#[derive(Serialize)]
pub struct ReconcileReport {
    pub account: String,
    pub as_of: chrono::NaiveDate,
    pub statement: String,
    pub encoding: &'static str,
    #[serde(flatten)]
    pub matching: Matching,
    pub adjustment: Adjustment,
    pub recorded: Option<i64>,
}
