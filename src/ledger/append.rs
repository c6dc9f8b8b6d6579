//! Appending to the journal without a database: the chain head, the chart checks,
//! the balance guards (DESIGN.md invariant 4), the closed-year lock (invariant 6),
//! the receipt sequences (invariant 5) and the derived daily totals. A store loads
//! what this needs, then writes the rows it queues; every rule is decided here, so
//! it is tested here, and a second storage backend would reuse it unchanged.
//! Not here: SQL, the unique constraints (reference, one reversal per entry) that
//! the store's indexes enforce.

use super::account::AccountType;
use super::chain::{self, EntryFields, GENESIS, HASH_LENGTH};
use super::entry::{EntryDetails, EntryKind, NewEntry, Posting};
use super::fund::{FundId, Funds};
use super::guard::{Subject, SubjectDays, guard_changes};
use super::money::{AMOUNT_FEN_MAX, Money};
use crate::error::message::{DayTotal as BoundTotal, Holder, LedgerMessage};
use crate::error::{Error, Field, Result};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Entries queued before a batch is handed to the store (`take_batch`).
pub const BATCH_ENTRIES: usize = 64;

/// What the journal says about a newly appended entry.
#[derive(Clone, Debug)]
pub struct Appended {
    pub id: i64,
    pub hash: [u8; HASH_LENGTH],
}

/// An entry row as the store writes it.
pub struct EntryRow {
    pub id: i64,
    pub date: String,
    pub kind: &'static str,
    pub memo: String,
    pub details: EntryDetails,
    pub hash: Vec<u8>,
}

/// A posting row as the store writes it (`seq` counts from 1 within the entry).
pub struct PostingRow {
    pub entry_id: i64,
    pub seq: i64,
    pub account: String,
    pub fund_id: i64,
    pub amount_fen: i64,
}

/// A receipt number issued to a donation entry.
pub struct ReceiptRow {
    pub year: i32,
    pub seq: i64,
    pub entry_id: i64,
    pub official_no: Option<String>,
}

/// Rows appended but not yet written.
#[derive(Default)]
pub struct Pending {
    pub entries: Vec<EntryRow>,
    pub postings: Vec<PostingRow>,
    pub receipts: Vec<ReceiptRow>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.postings.is_empty() && self.receipts.is_empty()
    }
}

/// One day's debits and credits of one account and fund (both never negative).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DayTotal {
    pub debit_fen: i64,
    pub credit_fen: i64,
}

/// What a store reads before the first append: the chain head (the last entry's id,
/// 0 for none, and the hash of the last item, entry or record; `None` for an empty
/// chain), the chart, the last closed year, and the latest date an entry may have
/// (`None`: no limit).
#[derive(Default)]
pub struct Start {
    pub head: Option<(i64, [u8; HASH_LENGTH])>,
    pub accounts: Vec<(String, AccountType)>,
    pub funds: Funds,
    pub closed_through: Option<i32>,
    pub latest_date: Option<LatestDate>,
}

/// Who records a unit of work, when (RFC 3339, UTC), and what day it is for them
/// (their local date): the clock is read by the front end, never here.
#[derive(Clone, Copy, Debug)]
pub struct Stamp<'a> {
    pub recorded_by: &'a str,
    pub recorded_at: &'a str,
    pub today: NaiveDate,
}

/// The latest date an entry may be dated: `days` after `today`
/// (setting `dates.future-days-max`), so a mistyped year is refused before it is
/// recorded for good.
#[derive(Clone, Copy, Debug)]
pub struct LatestDate {
    pub today: NaiveDate,
    pub days: i64,
}

impl LatestDate {
    pub fn check(&self, date: NaiveDate) -> Result<()> {
        let latest = self
            .today
            .checked_add_signed(chrono::TimeDelta::days(self.days))
            .unwrap_or(NaiveDate::MAX);
        if date <= latest {
            return Ok(());
        }
        Err(Error::input_in(
            Field::Date,
            LedgerMessage::TooFarAhead {
                date: date.to_string(),
                days: self.days,
                today: self.today.to_string(),
                latest: latest.to_string(),
            },
        ))
    }
}

/// Everything an append decides without SQL: the chain head, the chart, the balance
/// guards, the daily totals and the rows not yet written.
#[derive(Default)]
pub struct AppendState {
    head_id: i64,
    head_hash: [u8; HASH_LENGTH],
    recorded_by: String,
    recorded_at: String,
    account_types: HashMap<String, AccountType>,
    accounts_with_children: Vec<String>,
    funds: Funds,
    guards: HashMap<Subject, (SubjectDays, Vec<NaiveDate>)>,
    /// Daily totals added by the appends, by (index into `account_codes`, fund, date).
    totals: HashMap<(usize, FundId, NaiveDate), DayTotal>,
    /// The balance (debits − credits, stored and appended) of each account and fund
    /// loaded, for the amount bound: present once loaded.
    balances: HashMap<(usize, FundId), i64>,
    /// The stored daily totals of the accounts and funds loaded (before any append).
    stored_days: HashMap<(usize, FundId, NaiveDate), DayTotal>,
    account_codes: Vec<String>,
    receipt_seqs: HashMap<i32, i64>,
    pending: Pending,
    closed_through: Option<i32>,
    latest_date: Option<LatestDate>,
    /// Every guard and receipt sequence is loaded: a missing one is empty.
    all_loaded: bool,
}

impl AppendState {
    pub fn new(start: Start, recorded_by: &str, recorded_at: &str) -> AppendState {
        let (head_id, head_hash) = start.head.unwrap_or((0, GENESIS));
        debug_assert!(head_id >= 0, "entry ids start at 1");
        debug_assert!(
            head_id == 0 || head_hash != GENESIS,
            "only an empty chain has the genesis hash as its head"
        );
        let accounts_with_children = start
            .accounts
            .iter()
            .filter_map(|(code, _)| code.rsplit_once('.').map(|(parent, _)| parent))
            .map(str::to_string)
            .collect();
        AppendState {
            head_id,
            head_hash,
            recorded_by: recorded_by.to_string(),
            recorded_at: recorded_at.to_string(),
            account_types: start.accounts.into_iter().collect(),
            accounts_with_children,
            funds: start.funds,
            closed_through: start.closed_through,
            latest_date: start.latest_date,
            ..AppendState::default()
        }
    }

    pub fn funds(&self) -> &Funds {
        &self.funds
    }

    pub fn head_id(&self) -> i64 {
        self.head_id
    }

    /// The hash of the last item of the chain: the last entry appended, or the
    /// record or entry that was the head when the state was started.
    pub fn head_hash(&self) -> [u8; HASH_LENGTH] {
        self.head_hash
    }

    pub fn recorded_by(&self) -> &str {
        &self.recorded_by
    }

    pub fn recorded_at(&self) -> &str {
        &self.recorded_at
    }

    /// Whether every guard and receipt sequence is in memory (`load_all`).
    pub fn all_loaded(&self) -> bool {
        self.all_loaded
    }

    /// The guarded balances `entry` touches whose days are not in memory yet: the
    /// store loads each with `load_guard` before `append`.
    pub fn guards_to_load(&self, entry: &NewEntry) -> Vec<Subject> {
        if self.all_loaded {
            return Vec::new();
        }
        let types = &self.account_types;
        guard_changes(entry.postings(), |code| types.get(code).copied())
            .into_iter()
            .map(|(subject, _)| subject)
            .filter(|subject| !self.guards.contains_key(subject))
            .collect()
    }

    /// The accounts and funds `entry` posts to whose stored balance and daily totals
    /// are not in memory yet: the store loads each with `load_sums` before `append`,
    /// so the amount bound sees what is stored.
    pub fn sums_to_load(&self, entry: &NewEntry) -> Vec<(String, FundId)> {
        if self.all_loaded {
            return Vec::new();
        }
        let mut missing: Vec<(String, FundId)> = Vec::new();
        for p in entry.postings() {
            let code = p.account.as_str();
            let loaded = self
                .account_codes
                .iter()
                .position(|c| c == code)
                .is_some_and(|i| self.balances.contains_key(&(i, p.fund)));
            if !loaded && !missing.iter().any(|(c, f)| c == code && *f == p.fund) {
                missing.push((code.to_string(), p.fund));
            }
        }
        missing
    }

    /// The stored daily totals of one account and fund (every day it has).
    pub fn load_sums(
        &mut self,
        account: &str,
        fund: FundId,
        days: impl IntoIterator<Item = (NaiveDate, DayTotal)>,
    ) -> Result<()> {
        let account = self.account_index(account);
        let mut balance: i128 = 0;
        for (date, day) in days {
            balance += i128::from(day.debit_fen) - i128::from(day.credit_fen);
            self.stored_days.insert((account, fund, date), day);
        }
        let balance = i64::try_from(balance)
            .ok()
            .filter(|b| b.unsigned_abs() <= AMOUNT_FEN_MAX as u64)
            .ok_or_else(|| {
                Error::verify(LedgerMessage::StoredBalancePastBound {
                    account: self.account_codes[account].clone(),
                    fund: fund.0,
                })
            })?;
        self.balances.insert((account, fund), balance);
        Ok(())
    }

    pub fn load_guard(&mut self, subject: Subject, days: SubjectDays) {
        debug_assert!(
            !self.guards.contains_key(&subject),
            "a guard is loaded once, before any append changes it"
        );
        self.guards.insert(subject, (days, Vec::new()));
    }

    /// Whether the store must say how far `year`'s receipt sequence has gone
    /// (`load_receipt_seq`) before a donation dated in it.
    pub fn receipt_seq_to_load(&self, year: i32) -> bool {
        !self.all_loaded && !self.receipt_seqs.contains_key(&year)
    }

    pub fn load_receipt_seq(&mut self, year: i32, last: i64) {
        debug_assert!(last >= 0, "receipt sequences count from 1");
        self.receipt_seqs.insert(year, last);
    }

    /// Every guard, receipt sequence and daily total at once (a bulk import), so
    /// appends need no further reads: one not given is empty.
    pub fn load_all(
        &mut self,
        guards: impl IntoIterator<Item = (Subject, NaiveDate, i64, i64)>,
        receipt_seqs: impl IntoIterator<Item = (i32, i64)>,
        day_totals: impl IntoIterator<Item = (String, FundId, NaiveDate, DayTotal)>,
    ) -> Result<()> {
        let mut by_pair: HashMap<(String, FundId), Vec<(NaiveDate, DayTotal)>> = HashMap::new();
        for (account, fund, date, day) in day_totals {
            by_pair
                .entry((account, fund))
                .or_default()
                .push((date, day));
        }
        for ((account, fund), days) in by_pair {
            self.load_sums(&account, fund, days)?;
        }
        for (subject, date, delta, min_prefix) in guards {
            let entry = self.guards.entry(subject).or_default();
            entry.0.insert_day(date, delta, min_prefix);
        }
        for (year, last) in receipt_seqs {
            self.load_receipt_seq(year, last);
        }
        self.all_loaded = true;
        Ok(())
    }

    /// Checks the entry against the chart and the balance rules, then queues it.
    pub fn append(&mut self, entry: &NewEntry) -> Result<Appended> {
        debug_assert!(
            entry.postings().len() >= 2,
            "an entry has a debit and a credit"
        );
        debug_assert_eq!(
            entry
                .postings()
                .iter()
                .map(|p| i128::from(p.amount.fen()))
                .sum::<i128>(),
            0,
            "NewEntry is balanced by construction"
        );
        self.check_date(entry.date, entry.kind)?;
        self.check_postings(entry.postings())?;
        let types = &self.account_types;
        let changes = guard_changes(entry.postings(), |code| types.get(code).copied());
        self.check_guards(entry.date, &changes)?;
        self.check_bounds(entry.date, entry.postings())?;
        let id = self.head_id + 1;
        let fields = EntryFields {
            id,
            date: entry.date,
            kind: entry.kind,
            memo: &entry.memo,
            details: &entry.details,
            recorded_by: &self.recorded_by,
            recorded_at: &self.recorded_at,
            postings: entry.postings(),
        };
        let hash = chain::entry_hash(&self.head_hash, &fields);
        debug_assert_ne!(hash, self.head_hash, "each entry moves the chain head");
        self.queue(id, entry, &hash);
        for (subject, change) in changes {
            let (days, dirty) = self.guard(&subject)?;
            days.apply(entry.date, change);
            dirty.push(entry.date);
            debug_assert!(
                change > 0 || days.available(entry.date) >= 0,
                "an accepted entry leaves {} non-negative from its date on",
                subject.key()
            );
        }
        self.add_totals(entry.date, entry.postings());
        self.head_id = id;
        self.head_hash = hash;
        debug_assert_eq!(self.pending.entries.last().map(|e| e.id), Some(id));
        Ok(Appended { id, hash })
    }

    /// Queues a donation entry with the next receipt number of its year.
    pub fn donation(
        &mut self,
        entry: &NewEntry,
        official_no: Option<&str>,
    ) -> Result<(Appended, String)> {
        let year = entry.date.year();
        debug_assert!(
            !self.receipt_seq_to_load(year),
            "the store loads a year's receipt sequence before a donation in it"
        );
        let appended = self.append(entry)?;
        let last = self.receipt_seqs.get(&year).copied().unwrap_or(0);
        let seq = last + 1;
        self.receipt_seqs.insert(year, seq);
        self.pending.receipts.push(ReceiptRow {
            year,
            seq,
            entry_id: appended.id,
            official_no: official_no.map(str::to_string),
        });
        debug_assert!(
            seq >= 1 && seq > last,
            "receipt numbers are gap-free per year"
        );
        Ok((appended, receipt_number(year, seq)))
    }

    /// Refuses a date inside a closed year (DESIGN.md invariant 6).
    /// The date rules of an entry of `kind`: never in a closed year, and never further
    /// ahead than the latest date allowed — except a closing entry (dated by rule at
    /// the year's end) and a reversal, whose date the one reversal path checks
    /// itself (it may share the date of an original recorded before the limit).
    pub fn check_date(&self, date: NaiveDate, kind: EntryKind) -> Result<()> {
        self.check_open(date)?;
        match kind {
            EntryKind::Closing | EntryKind::Reversal => Ok(()),
            _ => self.check_date_ahead(date),
        }
    }

    /// Refuses a date after the latest date allowed (`Start::latest_date`).
    pub fn check_date_ahead(&self, date: NaiveDate) -> Result<()> {
        match &self.latest_date {
            Some(latest) => latest.check(date),
            None => Ok(()),
        }
    }

    pub fn check_open(&self, date: NaiveDate) -> Result<()> {
        match self.closed_through {
            Some(closed) if date.year() <= closed => {
                Err(Error::conflict(LedgerMessage::ClosedYear {
                    date: date.to_string(),
                    closed: i64::from(closed),
                }))
            }
            _ => Ok(()),
        }
    }

    /// Rows queued for a bulk write, once a batch is full.
    pub fn take_batch(&mut self) -> Option<Pending> {
        (self.pending.entries.len() >= BATCH_ENTRIES).then(|| self.take_pending())
    }

    /// Every row queued so far.
    pub fn take_pending(&mut self) -> Pending {
        let pending = std::mem::take(&mut self.pending);
        debug_assert!(
            pending.entries.windows(2).all(|w| w[0].id < w[1].id),
            "entry ids strictly increase"
        );
        pending
    }

    /// Entries queued and not yet taken.
    pub fn pending_entries(&self) -> usize {
        self.pending.entries.len()
    }

    /// The daily totals added by every append: (account, fund, date, total).
    pub fn day_totals(&self) -> impl Iterator<Item = (&str, FundId, NaiveDate, DayTotal)> {
        self.totals.iter().map(|((account, fund, date), total)| {
            debug_assert!(total.debit_fen >= 0 && total.credit_fen >= 0);
            (self.account_codes[*account].as_str(), *fund, *date, *total)
        })
    }

    /// The guard days changed by every append: (subject, date, net change, lowest
    /// running change), each day once.
    pub fn changed_guard_days(&self) -> Vec<(String, NaiveDate, i64, i64)> {
        let mut days = Vec::new();
        for (subject, (subject_days, dirty)) in &self.guards {
            let key = subject.key();
            let mut dirty = dirty.clone();
            dirty.sort_unstable();
            dirty.dedup();
            for date in dirty {
                let (delta, min_prefix) = subject_days.days[&date];
                debug_assert!(
                    min_prefix <= delta.min(0),
                    "the low point is within the day"
                );
                days.push((key.clone(), date, delta, min_prefix));
            }
        }
        days
    }

    /// Adds an accepted entry's postings to the daily totals and balances (within
    /// the amount bound, as `check_bounds` made sure).
    fn add_totals(&mut self, date: NaiveDate, postings: &[Posting]) {
        for p in postings {
            let account = self.account_index(p.account.as_str());
            let total = self.totals.entry((account, p.fund, date)).or_default();
            if p.amount.is_negative() {
                total.credit_fen += -p.amount.fen();
            } else {
                total.debit_fen += p.amount.fen();
            }
            *self.balances.entry((account, p.fund)).or_default() += p.amount.fen();
        }
    }

    /// Refuses an entry that would take the balance of an account in a fund, or its
    /// debits or credits of the day, past the amount bound (9,999,999,999,999.99):
    /// whatever is recorded can then be added up by every report (issue 14, item 2).
    fn check_bounds(&mut self, date: NaiveDate, postings: &[Posting]) -> Result<()> {
        // Per account and fund: (debits, credits) of this entry, in i128 so that any
        // number of postings adds up.
        let mut changes: Vec<(usize, FundId, i128, i128)> = Vec::with_capacity(postings.len());
        for p in postings {
            let account = self.account_index(p.account.as_str());
            let fen = i128::from(p.amount.fen());
            let (debit, credit) = if fen < 0 { (0, -fen) } else { (fen, 0) };
            match changes.iter_mut().find(|c| c.0 == account && c.1 == p.fund) {
                Some(c) => {
                    c.2 += debit;
                    c.3 += credit;
                }
                None => changes.push((account, p.fund, debit, credit)),
            }
        }
        let bound = i128::from(AMOUNT_FEN_MAX);
        for (account, fund, debit, credit) in changes {
            let balance = match self.balances.get(&(account, fund)) {
                Some(balance) => *balance,
                None if self.all_loaded => 0,
                None => {
                    return Err(Error::internal(format!(
                        "the balance of account {} in fund {} was not loaded \
                         before an append",
                        self.account_codes[account], fund.0
                    )));
                }
            };
            let stored = self
                .stored_days
                .get(&(account, fund, date))
                .copied()
                .unwrap_or_default();
            let added = self
                .totals
                .get(&(account, fund, date))
                .copied()
                .unwrap_or_default();
            let day_debit = i128::from(stored.debit_fen) + i128::from(added.debit_fen) + debit;
            let day_credit = i128::from(stored.credit_fen) + i128::from(added.credit_fen) + credit;
            let what = if (i128::from(balance) + debit - credit).abs() > bound {
                BoundTotal::Balance
            } else if day_debit > bound {
                BoundTotal::Debits
            } else if day_credit > bound {
                BoundTotal::Credits
            } else {
                continue;
            };
            return Err(self.bound_error(what, account, fund, date));
        }
        Ok(())
    }

    /// A guarded balance as a message names it.
    fn subject_name(&self, subject: &Subject) -> Holder {
        match subject {
            Subject::Fund(id) => self.fund_name(*id),
            Subject::Asset(code) => Holder::Account {
                code: code.to_string(),
            },
        }
    }

    fn fund_name(&self, fund: FundId) -> Holder {
        Holder::Fund {
            id: fund.0,
            names: self.funds.get(fund).map(super::fund::Fund::choice),
        }
    }

    fn bound_error(
        &self,
        total: BoundTotal,
        account: usize,
        fund: FundId,
        date: NaiveDate,
    ) -> Error {
        Error::conflict_in(
            Field::Amount,
            LedgerMessage::DayPastBound {
                total,
                account: self.account_codes[account].clone(),
                fund: self.fund_name(fund),
                date: date.to_string(),
                max: Money::from_fen(AMOUNT_FEN_MAX).grouped(),
            },
        )
    }

    /// A small number standing for an account code, so per-posting work does not
    /// allocate.
    fn account_index(&mut self, code: &str) -> usize {
        match self.account_codes.iter().position(|c| c == code) {
            Some(i) => i,
            None => {
                self.account_codes.push(code.to_string());
                self.account_codes.len() - 1
            }
        }
    }

    fn check_postings(&self, postings: &[Posting]) -> Result<()> {
        for p in postings {
            let code = p.account.as_str();
            if !self.account_types.contains_key(code) {
                return Err(Error::not_found(LedgerMessage::AccountNotInChart {
                    code: code.to_string(),
                }));
            }
            if self.accounts_with_children.iter().any(|c| c == code) {
                return Err(Error::input(LedgerMessage::AccountHasChildren {
                    code: code.to_string(),
                }));
            }
            if self.funds.get(p.fund).is_none() {
                return Err(Error::not_found(LedgerMessage::NoSuchFund { id: p.fund.0 }));
            }
        }
        Ok(())
    }

    fn check_guards(&mut self, date: NaiveDate, changes: &[(Subject, i64)]) -> Result<()> {
        for (subject, change) in changes {
            let total = i128::from(self.guard(subject)?.0.total) + i128::from(*change);
            if total.abs() > i128::from(AMOUNT_FEN_MAX) {
                return Err(Error::conflict_in(
                    Field::Amount,
                    LedgerMessage::BalancePastBound {
                        holder: self.subject_name(subject),
                        max: Money::from_fen(AMOUNT_FEN_MAX).grouped(),
                    },
                ));
            }
        }
        for (subject, change) in changes.iter().filter(|(_, c)| *c < 0) {
            let available = self.guard(subject)?.0.available(date);
            if available + change < 0 {
                return Err(self.overdraw_error(subject, date, *change, available));
            }
        }
        Ok(())
    }

    fn overdraw_error(
        &self,
        subject: &Subject,
        date: NaiveDate,
        change: i64,
        available: i64,
    ) -> Error {
        Error::conflict(LedgerMessage::WouldGoNegative {
            holder: self.subject_name(subject),
            takes: Money::from_fen(-change).to_string(),
            date: date.to_string(),
            available: Money::from_fen(available.max(0)).to_string(),
        })
    }

    fn guard(&mut self, subject: &Subject) -> Result<&mut (SubjectDays, Vec<NaiveDate>)> {
        let all_loaded = self.all_loaded;
        match self.guards.entry(subject.clone()) {
            std::collections::hash_map::Entry::Occupied(e) => Ok(e.into_mut()),
            std::collections::hash_map::Entry::Vacant(e) if all_loaded => {
                Ok(e.insert(Default::default()))
            }
            std::collections::hash_map::Entry::Vacant(_) => Err(Error::internal(format!(
                "the balance of {} was not loaded before an append",
                subject.key()
            ))),
        }
    }

    /// Queues the rows of an entry.
    fn queue(&mut self, id: i64, entry: &NewEntry, hash: &[u8]) {
        debug_assert!(id > self.head_id, "entry ids strictly increase");
        self.pending.entries.push(EntryRow {
            id,
            date: super::date::iso(entry.date),
            kind: entry.kind.as_str(),
            memo: entry.memo.clone(),
            details: entry.details.clone(),
            hash: hash.to_vec(),
        });
        for (seq, p) in entry.postings().iter().enumerate() {
            self.pending.postings.push(PostingRow {
                entry_id: id,
                seq: seq as i64 + 1,
                account: p.account.as_str().to_string(),
                fund_id: p.fund.0,
                amount_fen: p.amount.fen(),
            });
        }
    }
}

/// A receipt number as issued: `2022-000123`.
pub fn receipt_number(year: i32, seq: i64) -> String {
    format!("{year}-{seq:06}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::account::{AccountCode, Names};
    use crate::ledger::chain::entry_hash;
    use crate::ledger::chart::{DEFAULT_ACCOUNTS, DEFAULT_FUNDS};
    use crate::ledger::entry::EntryKind;
    use crate::ledger::fund::Fund;

    const UNRESTRICTED: FundId = FundId(1);
    const STUDY_AID: FundId = FundId(2);

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn start(closed_through: Option<i32>) -> Start {
        let funds = DEFAULT_FUNDS.iter().zip(1..).map(|(f, id)| Fund {
            id: FundId(id),
            alias: f.alias.to_string(),
            names: Names::new(f.zh_hant, f.zh_hans, f.en),
            restricted: f.restricted,
            program_account: f.program_account.map(str::to_string),
        });
        Start {
            head: None,
            accounts: DEFAULT_ACCOUNTS
                .iter()
                .map(|a| (a.code.to_string(), a.account_type))
                .collect(),
            funds: Funds(funds.collect()),
            closed_through,
            latest_date: None,
        }
    }

    #[test]
    fn a_date_past_the_latest_allowed_is_refused_but_not_a_closing_or_a_reversal() {
        let today = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
        let mut state = AppendState::new(
            Start {
                latest_date: Some(LatestDate { today, days: 31 }),
                ..start(None)
            },
            "treasurer",
            "2024-03-01T00:00:00Z",
        );
        state.load_all([], [], []).unwrap();
        // 31 days ahead is the last day allowed.
        state.append(&gift("2024-04-01", 100)).unwrap();
        let err = state
            .append(&gift("2024-04-02", 100))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("TooFarAhead { date: \"2024-04-02\", days: 31, today: \"2024-03-01\"")
                && err.contains("latest: \"2024-04-01\""),
            "{err}"
        );
        let err = state.append(&gift("2922-03-01", 100)).unwrap_err();
        assert!(matches!(err, Error::Refused(ref r) if r.field == Some(Field::Date)));
        assert!(
            state
                .check_date(date("2922-12-31"), EntryKind::Closing)
                .is_ok()
        );
        assert!(
            state
                .check_date(date("2922-12-31"), EntryKind::Reversal)
                .is_ok()
        );
        assert!(
            state
                .check_date(date("2922-12-31"), EntryKind::Donation)
                .is_err()
        );
    }

    /// An empty ledger whose guards and receipt sequences are all known (empty).
    fn state(closed_through: Option<i32>) -> AppendState {
        let mut state =
            AppendState::new(start(closed_through), "treasurer", "2024-01-01T00:00:00Z");
        state.load_all([], [], []).unwrap();
        state
    }

    fn entry(on: &str, postings: &[(&str, FundId, i64)]) -> NewEntry {
        let postings = postings
            .iter()
            .map(|(code, fund, fen)| Posting {
                account: AccountCode::parse(code).unwrap(),
                fund: *fund,
                amount: Money::from_fen(*fen),
            })
            .collect();
        NewEntry::new(
            date(on),
            EntryKind::Manual,
            "test",
            EntryDetails::default(),
            postings,
        )
        .unwrap()
    }

    /// 100.00 given to study aid into the bank on `on`.
    fn gift(on: &str, fen: i64) -> NewEntry {
        entry(on, &[("1002", STUDY_AID, fen), ("4101", STUDY_AID, -fen)])
    }

    /// Study aid paid out of the bank on `on`.
    fn aid(on: &str, fen: i64) -> NewEntry {
        entry(
            on,
            &[("5101.01", STUDY_AID, fen), ("1002", STUDY_AID, -fen)],
        )
    }

    fn refused(result: Result<Appended>) -> String {
        match result {
            Ok(a) => panic!("entry {} was appended but should be refused", a.id),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_balanced_entry_appends_and_chains() {
        let mut state = state(None);
        let first = state.append(&gift("2024-03-01", 10_000)).unwrap();
        let second = state.append(&aid("2024-03-02", 4_000)).unwrap();
        assert_eq!((first.id, second.id), (1, 2));
        assert_eq!(state.head_id(), 2);
        let pending = state.take_pending();
        assert_eq!(pending.entries.len(), 2);
        assert_eq!(pending.postings.len(), 4);
        assert!(pending.receipts.is_empty());
        assert_eq!(pending.entries[1].hash, second.hash.to_vec());
        assert!(state.take_pending().is_empty());
        let bank: Vec<_> = state
            .day_totals()
            .filter(|(account, ..)| *account == "1002")
            .map(|(_, _, on, total)| (on, total))
            .collect();
        assert_eq!(bank.len(), 2);
        assert!(bank.contains(&(
            date("2024-03-02"),
            DayTotal {
                debit_fen: 0,
                credit_fen: 4_000
            }
        )));
    }

    #[test]
    fn the_hash_chain_links_each_entry_to_the_one_before() {
        let mut state = state(None);
        let entries = [gift("2024-03-01", 500), gift("2024-03-01", 700)];
        let mut previous = GENESIS;
        for (e, id) in entries.iter().zip(1..) {
            let appended = state.append(e).unwrap();
            let fields = EntryFields {
                id,
                date: e.date,
                kind: e.kind,
                memo: &e.memo,
                details: &e.details,
                recorded_by: "treasurer",
                recorded_at: "2024-01-01T00:00:00Z",
                postings: e.postings(),
            };
            assert_eq!(appended.hash, entry_hash(&previous, &fields));
            previous = appended.hash;
        }
        // A state started from that head continues the same chain.
        let mut resumed = AppendState::new(
            Start {
                head: Some((2, previous)),
                ..start(None)
            },
            "treasurer",
            "2024-01-01T00:00:00Z",
        );
        resumed.load_all([], [], []).unwrap();
        let third = resumed.append(&gift("2024-03-02", 100)).unwrap();
        assert_eq!(third.id, 3);
        assert_ne!(third.hash, previous);
    }

    #[test]
    fn unknown_accounts_funds_and_parent_accounts_are_refused() {
        let mut state = state(None);
        let unknown_account = entry(
            "2024-03-01",
            &[("1003", UNRESTRICTED, 100), ("4101", UNRESTRICTED, -100)],
        );
        assert!(
            refused(state.append(&unknown_account))
                .contains("AccountNotInChart { code: \"1003\" }")
        );
        let unknown_fund = entry(
            "2024-03-01",
            &[("1002", FundId(99), 100), ("4101", FundId(99), -100)],
        );
        assert!(refused(state.append(&unknown_fund)).contains("NoSuchFund { id: 99 }"));
        let parent = entry(
            "2024-03-01",
            &[("1002", UNRESTRICTED, 100), ("5101", UNRESTRICTED, -100)],
        );
        assert!(refused(state.append(&parent)).contains("AccountHasChildren"));
        assert_eq!(state.head_id(), 0, "a refused entry does not move the head");
        assert!(state.take_pending().is_empty());
    }

    #[test]
    fn a_restricted_fund_may_not_be_overspent() {
        let mut state = state(None);
        state.append(&gift("2024-03-01", 10_000)).unwrap();
        let message = refused(state.append(&aid("2024-03-05", 10_001)));
        assert!(
            message.contains("WouldGoNegative { holder: Fund { id: 2")
                && message.contains("zh_hant: \"助學\"")
                && message.contains("alias: \"study-aid\""),
            "{message}"
        );
        state.append(&aid("2024-03-05", 10_000)).unwrap();
        assert_eq!(state.head_id(), 2);
    }

    #[test]
    fn a_method_account_may_not_go_negative() {
        let mut state = state(None);
        // Unrestricted money in the bank, none in cash.
        state
            .append(&entry(
                "2024-03-01",
                &[
                    ("1002", UNRESTRICTED, 5_000),
                    ("4101", UNRESTRICTED, -5_000),
                ],
            ))
            .unwrap();
        let from_cash = entry(
            "2024-03-02",
            &[("5201", UNRESTRICTED, 100), ("1001", UNRESTRICTED, -100)],
        );
        let message = refused(state.append(&from_cash));
        assert!(
            message.contains("WouldGoNegative { holder: Account { code: \"1001\" }"),
            "{message}"
        );
    }

    #[test]
    fn a_back_dated_entry_may_not_overdraw_a_later_date() {
        let mut state = state(None);
        state.append(&gift("2024-03-01", 10_000)).unwrap();
        state.append(&aid("2024-03-10", 8_000)).unwrap();
        // On 03-05 10,000 is in the fund, but 8,000 of it leaves on 03-10.
        let message = refused(state.append(&aid("2024-03-05", 2_001)));
        assert!(message.contains("available: \"20.00\""), "{message}");
        state.append(&aid("2024-03-05", 2_000)).unwrap();
        // Before the gift nothing is available at all.
        assert!(refused(state.append(&aid("2024-02-28", 1))).contains("WouldGoNegative"));
    }

    #[test]
    fn an_entry_in_a_closed_year_is_refused() {
        let mut state = state(Some(2023));
        let message = refused(state.append(&gift("2023-12-31", 100)));
        assert!(
            message.contains("ClosedYear { date: \"2023-12-31\", closed: 2023 }"),
            "{message}"
        );
        assert!(state.check_open(date("2024-01-01")).is_ok());
        state.append(&gift("2024-01-01", 100)).unwrap();
    }

    #[test]
    fn a_total_past_the_amount_bound_is_refused_before_anything_changes() {
        let mut state = state(None);
        let max = AMOUNT_FEN_MAX;
        state.append(&gift("2024-03-01", max)).unwrap();
        let head = state.head_id();
        let error = state.append(&gift("2024-03-01", 1)).unwrap_err();
        assert!(
            error.to_string().contains("max: \"9,999,999,999,999.99\""),
            "{error}"
        );
        assert_eq!(state.head_id(), head, "a refused entry moved the chain");
        // A stored balance counts as much as one appended now.
        let mut resumed = AppendState::new(start(None), "treasurer", "2024-01-01T00:00:00Z");
        for subject in resumed.guards_to_load(&gift("2024-03-01", 1)) {
            resumed.load_guard(subject, SubjectDays::default());
        }
        let stored = DayTotal {
            debit_fen: max,
            credit_fen: 0,
        };
        let missing = resumed.sums_to_load(&gift("2024-03-02", 1));
        assert_eq!(missing.len(), 2, "{missing:?}");
        for (account, fund) in missing {
            let days = (account == "1002").then_some((date("2024-03-01"), stored));
            resumed.load_sums(&account, fund, days).unwrap();
        }
        assert!(resumed.sums_to_load(&gift("2024-03-02", 1)).is_empty());
        assert!(resumed.append(&gift("2024-03-02", 1)).is_err());
    }

    #[test]
    fn donations_take_gap_free_receipt_numbers_per_year() {
        let mut state = AppendState::new(start(None), "treasurer", "2024-01-01T00:00:00Z");
        state.load_receipt_seq(2024, 41);
        state.load_receipt_seq(2025, 0);
        for subject in state.guards_to_load(&gift("2024-03-01", 1)) {
            state.load_guard(subject, SubjectDays::default());
        }
        for (account, fund) in state.sums_to_load(&gift("2024-03-01", 1)) {
            state.load_sums(&account, fund, []).unwrap();
        }
        let (_, first) = state.donation(&gift("2024-03-01", 100), None).unwrap();
        let (_, second) = state
            .donation(&gift("2024-03-02", 100), Some("A1"))
            .unwrap();
        let (_, next_year) = state.donation(&gift("2025-01-02", 100), None).unwrap();
        assert_eq!(
            [first, second, next_year],
            ["2024-000042", "2024-000043", "2025-000001"]
        );
        let receipts = state.take_pending().receipts;
        assert_eq!(receipts[1].official_no.as_deref(), Some("A1"));
        assert_eq!(
            receipts.iter().map(|r| r.entry_id).collect::<Vec<_>>(),
            [1, 2, 3]
        );
    }

    #[test]
    fn a_guard_not_loaded_is_an_internal_error_not_a_zero_balance() {
        let mut state = AppendState::new(start(None), "treasurer", "2024-01-01T00:00:00Z");
        let message = refused(state.append(&gift("2024-03-01", 100)));
        assert!(message.contains("was not loaded"), "{message}");
        assert_eq!(state.guards_to_load(&gift("2024-03-01", 100)).len(), 2);
    }

    #[test]
    fn batches_are_handed_over_when_full() {
        let mut state = state(None);
        for _ in 1..BATCH_ENTRIES {
            state.append(&gift("2024-03-01", 1)).unwrap();
            assert!(state.take_batch().is_none());
        }
        state.append(&gift("2024-03-01", 1)).unwrap();
        assert_eq!(
            state.take_batch().map(|b| b.entries.len()),
            Some(BATCH_ENTRIES)
        );
        let changed = state.changed_guard_days();
        assert_eq!(changed.len(), 2, "one day each of the bank and the fund");
        assert!(
            changed
                .iter()
                .all(|(_, _, delta, _)| *delta == BATCH_ENTRIES as i64)
        );
    }
}
