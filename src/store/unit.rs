//! The storage seam, write side: `UnitOfWork` is everything a command may change,
//! inside the one transaction `Store::write` opens (DESIGN.md invariant 7). The
//! SQLite `Appender` implements it; every write first hands SQLite the journal rows
//! still queued, so what a unit of work reads afterwards is up to date.

use super::Appender;
use super::attachments;
use super::periods::{self, ClosedYear};
use super::read::Read;
use super::receipts::{self, ReceiptRecord};
use super::reconciliations::{self, NewReconciliation};
use super::settings::{self, SettingChange};
use super::{meta_set, people};
use crate::error::Result;
use crate::ledger::append::Appended;
use crate::ledger::entry::NewEntry;
use crate::ledger::party::NewParty;
use crate::ledger::receipt::ReceiptNumber;
use chrono::NaiveDate;

/// The writes of one command; all of them or none of them reach the ledger.
pub trait UnitOfWork: Read {
    /// Checks the entry against the chart and the balance rules, then appends it.
    fn append(&mut self, entry: &NewEntry) -> Result<Appended>;
    /// Appends a donation and issues its receipt number from the gap-free sequence
    /// of the donation's year.
    fn donation(
        &mut self,
        entry: &NewEntry,
        official_no: Option<&str>,
    ) -> Result<(Appended, String)>;
    /// A new donor or beneficiary; the same identity number twice is refused.
    fn insert_party(&mut self, party: &NewParty, created_at: &str) -> Result<i64>;
    /// Records an edit of a party (its whole state after it), by `by` at `at`.
    fn insert_party_edit(
        &mut self,
        edit: &crate::ledger::party::PartyEdit,
        by: &str,
        at: &str,
    ) -> Result<i64>;
    /// Records a merge of donor `party_id` into `into_id` (None: its unmerge), by
    /// `by` at `at`.
    fn insert_party_merge(
        &mut self,
        party_id: i64,
        into_id: Option<i64>,
        reason: &str,
        by: &str,
        at: &str,
    ) -> Result<i64>;
    /// Records whether donor `party_id` may be named in public reports.
    fn insert_party_publish(
        &mut self,
        party_id: i64,
        publish: bool,
        reason: Option<&str>,
        by: &str,
        at: &str,
    ) -> Result<i64>;
    /// A user record: added, a new password, a new role, disabled, enabled.
    fn insert_user_record(&mut self, record: &crate::ledger::user::UserRecord) -> Result<i64>;
    /// A new recovery code's hash, replacing the one in force.
    fn insert_recovery_code(&mut self, code_hash: &str, by: &str, at: &str) -> Result<()>;
    /// A reviewer's decision on an entry.
    fn insert_decision(&mut self, decision: &crate::ledger::user::Decision) -> Result<()>;
    /// Names the beneficiary a 受托代理 gift or payout (entry `entry_id`) is for.
    fn insert_entrusted(&mut self, entry_id: i64, beneficiary_id: i64) -> Result<()>;
    /// Records a version of a public report as published.
    fn insert_publication(&mut self, p: &super::publications::Publication) -> Result<i64>;
    /// The anonymous donor (愛心人士), created on first use.
    fn anonymous_donor(&mut self, created_at: &str) -> Result<i64>;
    /// The ledger's key for identity-number hashes, created on first use.
    fn identity_key(&mut self) -> Result<Vec<u8>>;
    fn insert_closed_year(&mut self, year: &ClosedYear) -> Result<()>;
    /// Voids a receipt, keeping its number, the reason and who voided it.
    fn void_receipt(
        &mut self,
        number: ReceiptNumber,
        reason: &str,
        by: &str,
        at: &str,
    ) -> Result<()>;
    /// A new number of `year`'s sequence for the donation of a voided receipt.
    fn reissue_receipt(&mut self, old: &ReceiptRecord, year: i32) -> Result<ReceiptNumber>;
    /// Records a bank reconciliation; the same statement twice is refused.
    fn record_reconciliation(
        &mut self,
        reconciliation: &NewReconciliation<'_>,
        by: &str,
        at: &str,
    ) -> Result<i64>;
    /// Sets a ledger setting (`name`, `lang` …).
    fn meta_set(&mut self, key: &str, value: &str) -> Result<()>;
    /// Makes the ledger's first receipt signing key (`init`); returns its id.
    fn first_signing_key(&mut self, by: &str, at: &str) -> Result<String>;
    /// Records a change of a `config` setting (its value already checked).
    fn insert_setting(&mut self, change: &SettingChange) -> Result<()>;
    /// Refuses a date further after today than `dates.future-days-max` allows.
    fn check_date_ahead(&self, date: NaiveDate) -> Result<()>;
    /// Attaches a document (its bytes stored once by SHA-256) to an entry; returns
    /// the attachment's id and whether its bytes were new to the ledger.
    fn attach(
        &mut self,
        entry_id: i64,
        file_name: &str,
        bytes: &[u8],
        by: &str,
        at: &str,
    ) -> Result<(i64, bool)>;
    /// Withdraws an attachment with a reason; its bytes stay.
    fn withdraw_attachment(&mut self, id: i64, reason: &str, by: &str, at: &str) -> Result<()>;
}

impl UnitOfWork for Appender<'_> {
    fn append(&mut self, entry: &NewEntry) -> Result<Appended> {
        Appender::append_entry(self, entry)
    }

    fn donation(
        &mut self,
        entry: &NewEntry,
        official_no: Option<&str>,
    ) -> Result<(Appended, String)> {
        Appender::append_donation(self, entry, official_no)
    }

    fn insert_party(&mut self, party: &NewParty, created_at: &str) -> Result<i64> {
        let (tx, collector) = self.transaction()?;
        people::insert_party(tx, collector, party, created_at)
    }

    fn insert_party_edit(
        &mut self,
        edit: &crate::ledger::party::PartyEdit,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        let (tx, collector) = self.transaction()?;
        people::insert_party_edit(tx, collector, edit, by, at)
    }

    fn insert_party_merge(
        &mut self,
        party_id: i64,
        into_id: Option<i64>,
        reason: &str,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        let (tx, collector) = self.transaction()?;
        people::insert_party_merge(tx, collector, party_id, into_id, reason, by, at)
    }

    fn insert_party_publish(
        &mut self,
        party_id: i64,
        publish: bool,
        reason: Option<&str>,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        let (tx, collector) = self.transaction()?;
        people::insert_party_publish(tx, collector, party_id, publish, reason, by, at)
    }

    fn insert_user_record(&mut self, record: &crate::ledger::user::UserRecord) -> Result<i64> {
        let (tx, collector) = self.transaction()?;
        super::users::insert_user_record(
            tx,
            collector,
            &record.name,
            record.event,
            record.role,
            record.password_hash.as_deref(),
            &record.recorded_by,
            &record.recorded_at,
        )
    }

    fn insert_recovery_code(&mut self, code_hash: &str, by: &str, at: &str) -> Result<()> {
        let (tx, collector) = self.transaction()?;
        super::users::insert_recovery_code(tx, collector, code_hash, by, at)
    }

    fn insert_decision(&mut self, decision: &crate::ledger::user::Decision) -> Result<()> {
        let (tx, collector) = self.transaction()?;
        super::users::insert_decision(tx, collector, decision)
    }

    fn insert_entrusted(&mut self, entry_id: i64, beneficiary_id: i64) -> Result<()> {
        let (tx, collector) = self.transaction()?;
        super::entrusted::insert_entrusted(tx, collector, entry_id, beneficiary_id)
    }

    fn insert_publication(&mut self, p: &super::publications::Publication) -> Result<i64> {
        let (tx, collector) = self.transaction()?;
        super::publications::insert_publication(tx, collector, p)
    }

    fn anonymous_donor(&mut self, created_at: &str) -> Result<i64> {
        let (tx, collector) = self.transaction()?;
        people::anonymous_donor(tx, collector, created_at)
    }

    fn identity_key(&mut self) -> Result<Vec<u8>> {
        let (tx, collector) = self.transaction()?;
        people::identity_key(tx, collector)
    }

    fn insert_closed_year(&mut self, year: &ClosedYear) -> Result<()> {
        let (tx, collector) = self.transaction()?;
        periods::insert_closed_year(tx, collector, year)
    }

    fn void_receipt(
        &mut self,
        number: ReceiptNumber,
        reason: &str,
        by: &str,
        at: &str,
    ) -> Result<()> {
        let (tx, collector) = self.transaction()?;
        receipts::insert_void(tx, collector, number, reason, by, at)
    }

    fn reissue_receipt(&mut self, old: &ReceiptRecord, year: i32) -> Result<ReceiptNumber> {
        let (tx, collector) = self.transaction()?;
        receipts::insert_reissue(tx, collector, old, year)
    }

    fn record_reconciliation(
        &mut self,
        reconciliation: &NewReconciliation<'_>,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        let (tx, collector) = self.transaction()?;
        reconciliations::insert_reconciliation(tx, collector, reconciliation, by, at)
    }

    fn meta_set(&mut self, key: &str, value: &str) -> Result<()> {
        let (tx, collector) = self.transaction()?;
        meta_set(tx, collector, key, value)
    }

    fn first_signing_key(&mut self, by: &str, at: &str) -> Result<String> {
        let (tx, collector) = self.transaction()?;
        super::signing::new_key(tx, collector, by, at)
    }

    fn insert_setting(&mut self, change: &SettingChange) -> Result<()> {
        let (tx, collector) = self.transaction()?;
        settings::insert_setting(tx, collector, change)
    }

    fn check_date_ahead(&self, date: NaiveDate) -> Result<()> {
        Appender::check_date_ahead(self, date)
    }

    fn attach(
        &mut self,
        entry_id: i64,
        file_name: &str,
        bytes: &[u8],
        by: &str,
        at: &str,
    ) -> Result<(i64, bool)> {
        use sha2::{Digest, Sha256};
        let sha256: [u8; 32] = Sha256::digest(bytes).into();
        let (tx, collector) = self.transaction()?;
        let new = attachments::insert_blob(tx, &sha256, bytes)?;
        let row = (entry_id, &sha256, file_name, bytes.len() as i64);
        let id = attachments::insert_attachment(tx, collector, row, by, at)?;
        Ok((id, new))
    }

    fn withdraw_attachment(&mut self, id: i64, reason: &str, by: &str, at: &str) -> Result<()> {
        let (tx, collector) = self.transaction()?;
        attachments::insert_withdrawal(tx, collector, id, reason, by, at)
    }
}
