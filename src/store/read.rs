//! The storage seam, read side: `Read` is every question reports, `verify` and the
//! operations ask of a ledger, one name per query. The SQLite store answers it (a
//! `Store`, or an `Appender` inside a write transaction); a second backend would be a
//! new module implementing this trait and `UnitOfWork`, not a change to its callers.
//! Not here: the SQL itself, which lives beside the tables it reads (queries.rs,
//! people.rs, periods.rs …) as methods of `Sql`.

use super::people::{DerivedEntry, ReferencedEntry};
use super::periods::ClosedYear;
use super::queries::{AccountTotal, ChainHead, DailyTotalRow, FundMovement, GuardRow};
use super::queries::{PartyHistoryRow, RegisterRow};
use super::receipts::ReceiptRecord;
use super::reconciliations::ReconciliationRecord;
use super::records::{RowProblem, StoredRecord};
use super::settings::{self, SettingChange};
use super::summary::{ActivityCount, PartyMovement};
use super::{people, periods, receipts};
use crate::error::message::StoreMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::account::{Account, Script};
use crate::ledger::closing::ResultBalance;
use crate::ledger::entry::StoredEntry;
use crate::ledger::fund::Funds;
use crate::ledger::money::Money;
use crate::ledger::party::{Party, Role};
use crate::ledger::receipt::ReceiptNumber;
use crate::ledger::reconciliation::LedgerItem;
use crate::ledger::settings::Setting;
use crate::ledger::time::LocalTime;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;
use std::path::PathBuf;

/// A bank reconciliation's lines as stored: (matched postings, statement lines).
pub type ReconciliationLines = (
    Vec<(i64, i64, i64, String, Money, String, String)>,
    Vec<(i64, String, Money, String, String)>,
);

/// The queries of a ledger. Every method reads; none changes anything.
pub trait Read {
    // The chart and the ledger's settings.
    fn accounts(&self) -> Result<Vec<Account>>;
    fn funds(&self) -> Result<Funds>;
    /// A stored setting (`name`, `lang` …).
    fn meta(&self, key: &str) -> Result<Option<String>>;
    /// Every receipt signing key, oldest first.
    fn signing_keys(&self) -> Result<Vec<super::signing::SigningKeyRow>>;
    /// The secret of signing key `id`, if this file holds it (a backup made without
    /// `--with-signing-key` does not).
    fn signing_secret(&self, id: &str) -> Result<Option<[u8; 32]>>;
    /// The ledger's name, printed on receipts and summaries.
    fn ledger_name(&self) -> Result<String>;
    /// The ledger's name as a reader of `script` sees it: the name `init` gave when
    /// none was typed in that script, a typed name as typed.
    fn ledger_name_in(&self, script: Script) -> Result<String> {
        let source = self.meta(crate::ledger::words::LEDGER_NAME_SOURCE)?;
        Ok(crate::ledger::words::shown_ledger_name(
            &self.ledger_name()?,
            source.as_deref(),
            script,
        ))
    }

    // The journal.
    fn head(&self) -> Result<ChainHead>;
    /// The chain's last item and its hash: the fingerprint, read without counting.
    fn chain_last(&self) -> Result<Option<(i64, Vec<u8>)>>;
    fn last_entry_id(&self) -> Result<i64>;
    /// The latest date anything is dated, if any.
    fn last_date(&self) -> Result<Option<NaiveDate>>;
    /// One entry with its postings, or None.
    fn entry(&self, id: i64) -> Result<Option<StoredEntry>>;
    /// The entry that reverses `id`, if any.
    fn reversed_by(&self, id: i64) -> Result<Option<i64>>;
    /// The ids of the entries a search finds, newest first.
    fn search_entries(&self, search: &super::search::EntrySearch) -> Result<Vec<i64>>;
    /// Whether any entry carries a reference.
    fn any_reference(&self) -> Result<bool>;
    fn entry_by_reference(&self, reference: &str) -> Result<Option<ReferencedEntry>>;
    /// Standing donations of donor `name` by `method` of `amount_fen`, dated within
    /// `dates` (from, to): a bill's gift already recorded from the treasurer's sheet.
    fn donations_like(
        &self,
        name: &str,
        method: &str,
        amount_fen: i64,
        dates: (&str, &str),
    ) -> Result<Vec<ReferencedEntry>>;
    /// Standing donations and disbursements whose reference starts with `prefix`.
    fn derived_entries(&self, prefix: &str) -> Result<Vec<DerivedEntry>>;
    /// Every entry with its postings in id order, as stored; the second value
    /// describes a malformed (tampered) row.
    fn for_each_entry(
        &self,
        visit: &mut dyn FnMut(
            &StoredEntry,
            Option<&crate::error::message::FindingMessage>,
        ) -> Result<()>,
    ) -> Result<()>;

    // Balances and movements, from the derived daily totals or the postings.
    fn account_totals(&self, as_of: Option<NaiveDate>) -> Result<Vec<AccountTotal>>;
    fn balance_before(&self, account: &str, date: NaiveDate) -> Result<Money>;
    fn turnover(
        &self,
        account: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<(Money, Money)>;
    /// The postings of an account and its sub-accounts in journal order.
    fn for_each_register_row(
        &self,
        account: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        visit: &mut dyn FnMut(RegisterRow<'_>) -> Result<()>,
    ) -> Result<()>;
    fn fund_movements(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<FundMovement>>;
    fn account_movements(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Vec<(i64, String, Money)>>;
    fn money_before(&self, date: NaiveDate) -> Result<Money>;
    fn activity_counts(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        donations: bool,
    ) -> Result<Vec<ActivityCount>>;
    fn party_movements(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        costs: bool,
    ) -> Result<Vec<PartyMovement>>;

    // Donors and beneficiaries.
    fn party(&self, role: Role, id: i64) -> Result<Option<Party>>;
    /// A party as it was added, before any edit.
    fn party_as_added(&self, id: i64) -> Result<Option<Party>>;
    /// A party's edits, oldest first.
    fn party_edits(&self, id: i64) -> Result<Vec<crate::ledger::party::PartyEditRecord>>;
    /// Every donor merged now, with its root: the donor its gifts count for.
    fn merge_roots(&self) -> Result<HashMap<i64, i64>>;
    /// The donor `id` is merged into now (one step, not its root), if any.
    fn merged_into(&self, id: i64) -> Result<Option<i64>>;
    /// The donors who asked, as of now, not to be named in public reports.
    fn unnamed_parties(&self) -> Result<std::collections::HashSet<i64>>;
    /// The beneficiary a 受托代理 gift or payout is held for (None: entry `id` is
    /// neither).
    fn entrusted_beneficiary(&self, entry_id: i64) -> Result<Option<i64>>;
    /// Each change to what is held in trust for a beneficiary (date, entry, fen), in
    /// the order they apply.
    fn entrusted_changes(&self, beneficiary_id: i64) -> Result<Vec<(NaiveDate, i64, i64)>>;
    /// The entries that move 2601 without naming whom it is held for.
    fn unnamed_entrusted_entries(&self) -> Result<Vec<i64>>;
    /// Every beneficiary anything was ever held in trust for.
    fn entrusted_beneficiaries(&self) -> Result<Vec<i64>>;
    /// The published versions of a public report for a year, oldest first.
    fn publications(
        &self,
        report: &str,
        year: i32,
    ) -> Result<Vec<super::publications::Publication>>;
    /// The merges and unmerges of a donor and of the donors merged into it, oldest first.
    fn party_merges(&self, id: i64) -> Result<Vec<crate::ledger::party::PartyMergeRecord>>;
    /// Every user record, oldest first (fold them with `ledger::user::fold`).
    fn user_records(&self) -> Result<Vec<crate::ledger::user::UserRecord>>;
    /// Whether the ledger has users (then every command signs one in).
    fn has_users(&self) -> Result<bool>;
    /// The argon2id hash of the recovery code in force.
    fn recovery_code_hash(&self) -> Result<Option<String>>;
    /// The review decision on an entry.
    fn decision(&self, entry: i64) -> Result<Option<crate::ledger::user::Decision>>;
    /// Every review decision, by entry.
    fn decisions(&self) -> Result<HashMap<i64, crate::ledger::user::Decision>>;
    /// Every review decision with its entry's preparer (None: no such entry).
    fn decisions_with_preparers(
        &self,
    ) -> Result<Vec<(crate::ledger::user::Decision, Option<String>)>>;
    /// The entries dated `from..=to` not reviewed yet (closing entries aside): how
    /// many, and the ids of the first `first`.
    fn unreviewed(&self, from: NaiveDate, to: NaiveDate, first: usize) -> Result<(i64, Vec<i64>)>;
    fn parties(&self, role: Role) -> Result<Vec<Party>>;
    /// One donor or beneficiary by id or exact name; an ambiguous name is refused,
    /// naming `field`.
    fn find_party(&self, role: Role, field: Field, name_or_id: &str) -> Result<Party>;
    /// Every party with its identity hash, for matching an import's people.
    fn parties_for_matching(&self) -> Result<Vec<(Party, Option<Vec<u8>>)>>;
    fn party_totals(&self, role: Role) -> Result<HashMap<i64, (i64, Money)>>;
    fn party_history(&self, role: Role, party_id: i64) -> Result<Vec<PartyHistoryRow>>;

    // Receipts.
    fn receipt(&self, number: ReceiptNumber) -> Result<Option<ReceiptRecord>>;
    fn receipts(&self, year: Option<i32>) -> Result<Vec<ReceiptRecord>>;
    /// The receipts of `receipts`, one at a time.
    fn for_each_receipt(
        &self,
        year: Option<i32>,
        visit: &mut dyn FnMut(ReceiptRecord) -> Result<()>,
    ) -> Result<()>;
    /// The lines of `receipt list`'s table, one at a time (`receipts::ReceiptLine`).
    fn for_each_receipt_line(
        &self,
        year: Option<i32>,
        visit: &mut dyn FnMut(&receipts::ReceiptLine<'_>) -> Result<()>,
    ) -> Result<()>;
    /// The largest amount and the donors' names of a year's receipts.
    fn receipt_list_bounds(
        &self,
        year: Option<i32>,
    ) -> Result<(Money, Vec<String>, Vec<receipts::ReceiptNote>)>;
    fn receipt_hashes(&self) -> Result<Vec<(ReceiptNumber, Vec<u8>)>>;
    /// Every voided receipt's number, in number order.
    fn voided_receipts(&self) -> Result<Vec<ReceiptNumber>>;
    /// Entry `id`'s voucher number in its month (the entry dated `date`).
    fn voucher_number(&self, id: i64, date: NaiveDate) -> Result<i64>;
    /// The entries dated in `month`'s month, in voucher-number order.
    fn entries_of_month(&self, month: NaiveDate) -> Result<Vec<i64>>;
    /// The entries dated in [start, end] that moved the fund's money, with the
    /// income and cost accounts on their other side.
    fn cash_moves(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<super::cash::CashMove>>;
    /// Per month: (month, raised, disbursed) in fen, as the summary's headline counts.
    fn monthly_results(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<(u32, i64, i64)>>;
    /// The documents attached to an entry, in the order attached.
    fn attachments_of(&self, entry_id: i64) -> Result<Vec<super::attachments::AttachmentRow>>;
    fn attachment(&self, id: i64) -> Result<Option<super::attachments::AttachmentRow>>;
    /// A stored document's bytes, by its SHA-256.
    fn attachment_bytes(&self, sha256: &[u8; 32]) -> Result<Option<Vec<u8>>>;
    /// Stored documents whose bytes do not match their hash, and attachments whose
    /// document is missing: (attachment id, hash).
    fn attachment_problems(&self) -> Result<Vec<(Option<i64>, String)>>;
    fn receipt_sequence(&self) -> Result<Vec<(i32, i64, Option<String>)>>;
    fn orphan_voids(&self) -> Result<Vec<(i32, i64)>>;
    /// The receipts issued for one donation entry, void or not, in number order.
    fn receipts_of_entry(&self, entry_id: i64) -> Result<Vec<ReceiptRecord>>;
    /// Receipts still valid although their donation was reversed (only possible by
    /// tampering or an older version): (receipt, donation entry, reversing entry).
    fn live_receipts_of_reversed(&self) -> Result<Vec<(ReceiptNumber, i64, i64)>>;

    // Settings.
    /// The latest change of a setting, if it was ever set.
    fn setting(&self, key: &str) -> Result<Option<SettingChange>>;
    /// Every setting change, oldest first.
    fn setting_history(&self) -> Result<Vec<SettingChange>>;
    /// The ledger's time zone (`ledger.time-zone`), in which stored times are shown.
    fn local_time(&self) -> Result<LocalTime> {
        let zone = self.setting(Setting::TimeZone.key())?;
        Ok(LocalTime(Setting::offset(
            zone.as_ref().map(|z| z.value.as_str()),
        )))
    }

    // Closed years.
    fn closed_years(&self) -> Result<Vec<ClosedYear>>;
    fn closed_year(&self, year: i32) -> Result<Option<ClosedYear>>;
    fn closed_through(&self) -> Result<Option<i32>>;
    fn first_year(&self) -> Result<Option<i32>>;
    fn result_balances(&self, through: NaiveDate) -> Result<Vec<ResultBalance>>;
    fn closing_movements(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Vec<(i64, String, Money)>>;
    fn entries_after_close(&self) -> Result<Vec<(i64, String, i32)>>;

    // Reconciliations.
    fn reconciliations(&self) -> Result<Vec<ReconciliationRecord>>;
    fn reconciliation_lines(&self, id: i64) -> Result<ReconciliationLines>;
    fn uncleared_items(&self, account: &str, as_of: NaiveDate) -> Result<Vec<LedgerItem>>;
    /// `uncleared_items` one at a time, in date order.
    fn for_each_uncleared_item(
        &self,
        account: &str,
        as_of: NaiveDate,
        visit: &mut dyn FnMut(&LedgerItem) -> Result<()>,
    ) -> Result<()>;

    // What `verify` compares the journal with.
    fn orphan_posting_entry_ids(&self) -> Result<Vec<i64>>;
    /// The append-only triggers as stored: (name, definition).
    fn triggers(&self) -> Result<Vec<(String, String)>>;
    fn stored_daily_totals(&self) -> Result<Vec<DailyTotalRow>>;
    fn stored_guard_days(&self) -> Result<Vec<GuardRow>>;
    fn cleared_mismatches(&self) -> Result<Vec<(i64, i64, crate::error::message::ClearedFault)>>;
    /// Every chained record, in chain order (by the entry it follows, then by id).
    fn records(&self) -> Result<Vec<StoredRecord>>;
    /// The records replayed into the chained tables and compared with them: the
    /// payloads that cannot be read, and every row changed, missing or unrecorded.
    fn record_row_problems(
        &self,
        records: &[StoredRecord],
    ) -> Result<(Vec<crate::error::message::FindingMessage>, Vec<RowProblem>)>;
    /// The storage's own consistency checks, started now and, where the storage
    /// allows, run beside the caller's reads; `IntegrityCheck::join` for the problems.
    fn integrity_check(&self) -> IntegrityCheck;

    /// Runs `work` so that every query in it sees one snapshot of the ledger.
    fn snapshot<T>(&self, work: impl FnOnce() -> Result<T>) -> Result<T>
    where
        Self: Sized;
}

/// The storage's own consistency checks, running or done.
pub struct IntegrityCheck(Checking);

enum Checking {
    Beside(std::thread::JoinHandle<Result<Vec<crate::error::message::FindingMessage>>>),
    Done(Result<Vec<crate::error::message::FindingMessage>>),
}

impl IntegrityCheck {
    /// The problems found; empty when the storage is sound.
    pub fn join(self) -> Result<Vec<crate::error::message::FindingMessage>> {
        match self.0 {
            Checking::Done(problems) => problems,
            Checking::Beside(handle) => handle
                .join()
                .map_err(|_| Error::verify(StoreMessage::IntegrityCheckStopped))?,
        }
    }
}

/// The SQL of the queries, run on one connection (a plain one or a transaction).
#[derive(Clone, Copy)]
pub(crate) struct Sql<'c> {
    pub(super) conn: &'c Connection,
}

pub(super) mod sealed {
    /// What the SQLite implementation of `Read` needs of its holder: the connection,
    /// and how to open a second one for checks that run beside.
    pub trait Sqlite {
        fn connection(&self) -> &rusqlite::Connection;
        /// The ledger file and whether it is open read-only, to open it again.
        fn reopen(&self) -> Option<(std::path::PathBuf, bool)>;
    }
}

impl<T: sealed::Sqlite> Read for T {
    fn accounts(&self) -> Result<Vec<Account>> {
        super::chart::load_accounts(self.connection())
    }
    fn funds(&self) -> Result<Funds> {
        super::chart::load_funds(self.connection())
    }
    fn meta(&self, key: &str) -> Result<Option<String>> {
        super::meta_get(self.connection(), key)
    }
    fn signing_keys(&self) -> Result<Vec<super::signing::SigningKeyRow>> {
        super::signing::keys(self.connection())
    }
    fn signing_secret(&self, id: &str) -> Result<Option<[u8; 32]>> {
        super::signing::secret(self.connection(), id)
    }
    fn ledger_name(&self) -> Result<String> {
        sql(self).ledger_name()
    }
    fn head(&self) -> Result<ChainHead> {
        sql(self).head()
    }
    fn chain_last(&self) -> Result<Option<(i64, Vec<u8>)>> {
        sql(self).chain_last()
    }
    fn last_entry_id(&self) -> Result<i64> {
        sql(self).last_entry_id()
    }
    fn last_date(&self) -> Result<Option<NaiveDate>> {
        sql(self).last_date()
    }
    fn entry(&self, id: i64) -> Result<Option<StoredEntry>> {
        sql(self).entry(id)
    }
    fn reversed_by(&self, id: i64) -> Result<Option<i64>> {
        sql(self).reversed_by(id)
    }
    fn search_entries(&self, search: &super::search::EntrySearch) -> Result<Vec<i64>> {
        super::search::search_entries(self.connection(), search)
    }
    fn any_reference(&self) -> Result<bool> {
        people::any_reference(self.connection())
    }
    fn donations_like(
        &self,
        name: &str,
        method: &str,
        amount_fen: i64,
        dates: (&str, &str),
    ) -> Result<Vec<ReferencedEntry>> {
        people::donations_like(self.connection(), name, method, amount_fen, dates)
    }
    fn entry_by_reference(&self, reference: &str) -> Result<Option<ReferencedEntry>> {
        people::entry_by_reference(self.connection(), reference)
    }
    fn derived_entries(&self, prefix: &str) -> Result<Vec<DerivedEntry>> {
        people::derived_entries(self.connection(), prefix)
    }
    fn for_each_entry(
        &self,
        visit: &mut dyn FnMut(
            &StoredEntry,
            Option<&crate::error::message::FindingMessage>,
        ) -> Result<()>,
    ) -> Result<()> {
        sql(self).for_each_entry(visit)
    }
    fn account_totals(&self, as_of: Option<NaiveDate>) -> Result<Vec<AccountTotal>> {
        sql(self).account_totals(as_of)
    }
    fn balance_before(&self, account: &str, date: NaiveDate) -> Result<Money> {
        sql(self).balance_before(account, date)
    }
    fn turnover(
        &self,
        account: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<(Money, Money)> {
        sql(self).turnover(account, from, to)
    }
    fn for_each_register_row(
        &self,
        account: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        visit: &mut dyn FnMut(RegisterRow<'_>) -> Result<()>,
    ) -> Result<()> {
        sql(self).for_each_register_row(account, from, to, visit)
    }
    fn fund_movements(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<FundMovement>> {
        sql(self).fund_movements(start, end)
    }
    fn account_movements(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Vec<(i64, String, Money)>> {
        sql(self).account_movements(start, end)
    }
    fn money_before(&self, date: NaiveDate) -> Result<Money> {
        sql(self).money_before(date)
    }
    fn activity_counts(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        donations: bool,
    ) -> Result<Vec<ActivityCount>> {
        sql(self).activity_counts(start, end, donations)
    }
    fn party_movements(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        costs: bool,
    ) -> Result<Vec<PartyMovement>> {
        sql(self).party_movements(start, end, costs)
    }
    fn party(&self, role: Role, id: i64) -> Result<Option<Party>> {
        people::party(self.connection(), role, id)
    }
    fn party_as_added(&self, id: i64) -> Result<Option<Party>> {
        people::party_as_added(self.connection(), id)
    }
    fn party_edits(&self, id: i64) -> Result<Vec<crate::ledger::party::PartyEditRecord>> {
        people::party_edits(self.connection(), id)
    }
    fn merge_roots(&self) -> Result<HashMap<i64, i64>> {
        people::merge_roots(self.connection())
    }
    fn merged_into(&self, id: i64) -> Result<Option<i64>> {
        people::merged_into(self.connection(), id)
    }
    fn unnamed_parties(&self) -> Result<std::collections::HashSet<i64>> {
        people::unnamed_parties(self.connection())
    }
    fn entrusted_beneficiary(&self, entry_id: i64) -> Result<Option<i64>> {
        super::entrusted::entrusted_beneficiary(self.connection(), entry_id)
    }
    fn entrusted_changes(&self, beneficiary_id: i64) -> Result<Vec<(NaiveDate, i64, i64)>> {
        super::entrusted::entrusted_changes(self.connection(), beneficiary_id)
    }
    fn unnamed_entrusted_entries(&self) -> Result<Vec<i64>> {
        super::entrusted::unnamed_entrusted_entries(self.connection())
    }
    fn entrusted_beneficiaries(&self) -> Result<Vec<i64>> {
        super::entrusted::entrusted_beneficiaries(self.connection())
    }
    fn publications(
        &self,
        report: &str,
        year: i32,
    ) -> Result<Vec<super::publications::Publication>> {
        super::publications::publications(self.connection(), report, year)
    }
    fn party_merges(&self, id: i64) -> Result<Vec<crate::ledger::party::PartyMergeRecord>> {
        people::party_merges(self.connection(), id)
    }
    fn user_records(&self) -> Result<Vec<crate::ledger::user::UserRecord>> {
        super::users::user_records(self.connection())
    }
    fn has_users(&self) -> Result<bool> {
        super::users::has_users(self.connection())
    }
    fn recovery_code_hash(&self) -> Result<Option<String>> {
        super::users::recovery_code_hash(self.connection())
    }
    fn decision(&self, entry: i64) -> Result<Option<crate::ledger::user::Decision>> {
        super::users::decision(self.connection(), entry)
    }
    fn decisions(&self) -> Result<HashMap<i64, crate::ledger::user::Decision>> {
        super::users::decisions(self.connection())
    }
    fn decisions_with_preparers(
        &self,
    ) -> Result<Vec<(crate::ledger::user::Decision, Option<String>)>> {
        super::users::decisions_with_preparers(self.connection())
    }
    fn unreviewed(&self, from: NaiveDate, to: NaiveDate, first: usize) -> Result<(i64, Vec<i64>)> {
        super::users::unreviewed(self.connection(), from, to, first)
    }
    fn parties(&self, role: Role) -> Result<Vec<Party>> {
        people::all_parties(self.connection(), role)
    }
    fn find_party(&self, role: Role, field: Field, name_or_id: &str) -> Result<Party> {
        people::find_party(self.connection(), role, field, name_or_id)
    }
    fn parties_for_matching(&self) -> Result<Vec<(Party, Option<Vec<u8>>)>> {
        people::parties_for_matching(self.connection())
    }
    fn party_totals(&self, role: Role) -> Result<HashMap<i64, (i64, Money)>> {
        sql(self).party_totals(role)
    }
    fn party_history(&self, role: Role, party_id: i64) -> Result<Vec<PartyHistoryRow>> {
        sql(self).party_history(role, party_id)
    }
    fn receipt(&self, number: ReceiptNumber) -> Result<Option<ReceiptRecord>> {
        receipts::receipt(self.connection(), number)
    }
    fn receipts(&self, year: Option<i32>) -> Result<Vec<ReceiptRecord>> {
        receipts::receipts(self.connection(), year)
    }
    fn for_each_receipt(
        &self,
        year: Option<i32>,
        visit: &mut dyn FnMut(ReceiptRecord) -> Result<()>,
    ) -> Result<()> {
        receipts::for_each_receipt(self.connection(), year, visit)
    }
    fn for_each_receipt_line(
        &self,
        year: Option<i32>,
        visit: &mut dyn FnMut(&receipts::ReceiptLine<'_>) -> Result<()>,
    ) -> Result<()> {
        receipts::for_each_receipt_line(self.connection(), year, visit)
    }
    fn receipt_list_bounds(
        &self,
        year: Option<i32>,
    ) -> Result<(Money, Vec<String>, Vec<receipts::ReceiptNote>)> {
        receipts::receipt_list_bounds(self.connection(), year)
    }
    fn receipt_hashes(&self) -> Result<Vec<(ReceiptNumber, Vec<u8>)>> {
        receipts::receipt_hashes(self.connection())
    }
    fn voided_receipts(&self) -> Result<Vec<ReceiptNumber>> {
        receipts::voided_receipts(self.connection())
    }
    fn attachments_of(&self, entry_id: i64) -> Result<Vec<super::attachments::AttachmentRow>> {
        super::attachments::of_entry(self.connection(), entry_id)
    }
    fn cash_moves(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<super::cash::CashMove>> {
        let (start, end) = (
            crate::ledger::date::iso(start),
            crate::ledger::date::iso(end),
        );
        super::cash::cash_moves(self.connection(), &start, &end)
    }
    fn monthly_results(&self, start: NaiveDate, end: NaiveDate) -> Result<Vec<(u32, i64, i64)>> {
        let (start, end) = (
            crate::ledger::date::iso(start),
            crate::ledger::date::iso(end),
        );
        super::cash::monthly_results(self.connection(), &start, &end)
    }
    fn voucher_number(&self, id: i64, date: NaiveDate) -> Result<i64> {
        super::vouchers::number_of(self.connection(), id, date)
    }
    fn entries_of_month(&self, month: NaiveDate) -> Result<Vec<i64>> {
        super::vouchers::entries_of_month(self.connection(), month)
    }
    fn attachment(&self, id: i64) -> Result<Option<super::attachments::AttachmentRow>> {
        super::attachments::attachment(self.connection(), id)
    }
    fn attachment_bytes(&self, sha256: &[u8; 32]) -> Result<Option<Vec<u8>>> {
        super::attachments::blob_bytes(self.connection(), sha256)
    }
    fn attachment_problems(&self) -> Result<Vec<(Option<i64>, String)>> {
        super::attachments::problems(self.connection())
    }
    fn receipt_sequence(&self) -> Result<Vec<(i32, i64, Option<String>)>> {
        receipts::receipt_sequence(self.connection())
    }
    fn orphan_voids(&self) -> Result<Vec<(i32, i64)>> {
        receipts::orphan_voids(self.connection())
    }
    fn receipts_of_entry(&self, entry_id: i64) -> Result<Vec<ReceiptRecord>> {
        receipts::receipts_of_entry(self.connection(), entry_id)
    }
    fn live_receipts_of_reversed(&self) -> Result<Vec<(ReceiptNumber, i64, i64)>> {
        receipts::live_receipts_of_reversed(self.connection())
    }
    fn setting(&self, key: &str) -> Result<Option<SettingChange>> {
        settings::setting(self.connection(), key)
    }
    fn setting_history(&self) -> Result<Vec<SettingChange>> {
        settings::setting_history(self.connection())
    }
    fn closed_years(&self) -> Result<Vec<ClosedYear>> {
        periods::closed_years(self.connection())
    }
    fn closed_year(&self, year: i32) -> Result<Option<ClosedYear>> {
        Ok(self.closed_years()?.into_iter().find(|c| c.year == year))
    }
    fn closed_through(&self) -> Result<Option<i32>> {
        periods::closed_through(self.connection())
    }
    fn first_year(&self) -> Result<Option<i32>> {
        periods::first_year(self.connection())
    }
    fn result_balances(&self, through: NaiveDate) -> Result<Vec<ResultBalance>> {
        periods::result_balances(self.connection(), through)
    }
    fn closing_movements(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<Vec<(i64, String, Money)>> {
        periods::closing_movements(self.connection(), start, end)
    }
    fn entries_after_close(&self) -> Result<Vec<(i64, String, i32)>> {
        periods::entries_after_close(self.connection())
    }
    fn reconciliations(&self) -> Result<Vec<ReconciliationRecord>> {
        sql(self).reconciliations()
    }
    fn reconciliation_lines(&self, id: i64) -> Result<ReconciliationLines> {
        sql(self).reconciliation_lines(id)
    }
    fn uncleared_items(&self, account: &str, as_of: NaiveDate) -> Result<Vec<LedgerItem>> {
        sql(self).uncleared_items(account, as_of)
    }
    fn for_each_uncleared_item(
        &self,
        account: &str,
        as_of: NaiveDate,
        visit: &mut dyn FnMut(&LedgerItem) -> Result<()>,
    ) -> Result<()> {
        sql(self).for_each_uncleared_item(account, as_of, visit)
    }
    fn orphan_posting_entry_ids(&self) -> Result<Vec<i64>> {
        sql(self).orphan_posting_entry_ids()
    }
    fn triggers(&self) -> Result<Vec<(String, String)>> {
        sql(self).triggers()
    }
    fn stored_daily_totals(&self) -> Result<Vec<DailyTotalRow>> {
        sql(self).stored_daily_totals()
    }
    fn stored_guard_days(&self) -> Result<Vec<GuardRow>> {
        sql(self).stored_guard_days()
    }
    fn cleared_mismatches(&self) -> Result<Vec<(i64, i64, crate::error::message::ClearedFault)>> {
        sql(self).cleared_mismatches()
    }
    fn records(&self) -> Result<Vec<StoredRecord>> {
        super::records::records(self.connection())
    }
    fn record_row_problems(
        &self,
        records: &[StoredRecord],
    ) -> Result<(Vec<crate::error::message::FindingMessage>, Vec<RowProblem>)> {
        super::records::row_problems(self.connection(), records)
    }
    fn integrity_check(&self) -> IntegrityCheck {
        IntegrityCheck(match self.reopen() {
            Some((path, read_only)) => {
                Checking::Beside(super::integrity_problems_beside(path, read_only))
            }
            None => Checking::Done(sql(self).integrity_problems()),
        })
    }
    fn snapshot<R>(&self, work: impl FnOnce() -> Result<R>) -> Result<R> {
        let conn = self.connection();
        if !conn.is_autocommit() {
            // Already inside a transaction, which is the snapshot.
            return work();
        }
        let tx = conn.unchecked_transaction()?;
        let value = work()?;
        tx.finish()?;
        Ok(value)
    }
}

fn sql<T: sealed::Sqlite>(holder: &T) -> Sql<'_> {
    Sql {
        conn: holder.connection(),
    }
}

impl sealed::Sqlite for super::Store {
    fn connection(&self) -> &Connection {
        &self.conn
    }
    fn reopen(&self) -> Option<(PathBuf, bool)> {
        Some((self.path.clone(), self.read_only))
    }
}
