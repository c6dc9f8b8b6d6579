//! The checks themselves: each sees only the data handed to it.

use super::{EntryCheck, Finding};
use crate::error::message::{ChainEnd, FindingMessage as F, Holder};
use crate::ledger::account::{Account, AccountType};
use crate::ledger::chain::RecordFields;
use crate::ledger::chain::{self, EntryFields, GENESIS};
use crate::ledger::entry::{StoredEntry, sum_postings};
use crate::ledger::fund::Funds;
use crate::ledger::guard::{Subject, SubjectDays, guard_changes};
use crate::ledger::money::AMOUNT_FEN_MAX;
use crate::store::{DailyTotalRow, GuardRow, RowProblem, StoredRecord};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

fn finding(entry: Option<i64>, message: F) -> Finding {
    Finding { entry, message }
}

/// `balanced`: two or more non-zero postings summing to exactly zero.
#[derive(Default)]
pub struct Balanced {
    findings: Vec<Finding>,
}

impl EntryCheck for Balanced {
    fn observe(&mut self, entry: &StoredEntry, _malformed: Option<&F>) {
        let id = entry.id;
        let problem = if entry.postings.len() < 2 {
            Some(F::TooFewPostings {
                entry: id,
                postings: entry.postings.len() as u64,
            })
        } else if entry.postings.iter().any(|p| p.amount.is_zero()) {
            Some(F::ZeroPosting { entry: id })
        } else {
            match sum_postings(&entry.postings) {
                Some(sum) if sum.is_zero() => None,
                Some(sum) => Some(F::Unbalanced {
                    entry: id,
                    sum: sum.plain(),
                }),
                None => Some(F::PostingsTooLarge { entry: id }),
            }
        };
        if let Some(message) = problem {
            self.findings.push(finding(Some(id), message));
        }
    }

    fn finish(self: Box<Self>) -> Vec<Finding> {
        self.findings
    }
}

/// `chain`: ids run 1, 2, 3, … and each stored hash equals
/// SHA-256(stored hash of the item before ‖ canonical bytes of this item), where the
/// items are the entries by id with the records between them (a record right after
/// the entry it names as `after_entry`, records after one entry by id).
pub struct Chain {
    previous_id: i64,
    previous_hash: Vec<u8>,
    records: Rc<[StoredRecord]>,
    /// The next record to chain.
    next_record: usize,
    /// Each finding with its place in the chain: (entry id, 0) for an entry, (the
    /// entry it follows, 1 + its place among the records) for a record.
    findings: Vec<((i64, usize), Finding)>,
}

impl Chain {
    /// `orphans`: entry ids that have postings but no entry row (a deleted entry).
    pub fn new(orphans: Vec<i64>, records: Rc<[StoredRecord]>) -> Chain {
        let findings = orphans
            .into_iter()
            .map(|id| ((id, 0), finding(Some(id), F::EntryDeleted { entry: id })))
            .collect();
        Chain {
            previous_id: 0,
            previous_hash: GENESIS.to_vec(),
            records,
            next_record: 0,
            findings,
        }
    }

    /// Chains every record that comes before entry `before` (all: `i64::MAX`).
    fn records_before(&mut self, before: i64) {
        let records = Rc::clone(&self.records);
        while let Some(record) = records.get(self.next_record) {
            if record.after_entry >= before {
                break;
            }
            let place = (record.after_entry, 1 + self.next_record);
            self.next_record += 1;
            let id = record.id;
            if let Some(message) = &record.malformed {
                self.findings.push((place, finding(None, message.clone())));
            }
            let fields = RecordFields {
                id,
                after_entry: record.after_entry,
                recorded_by: &record.recorded_by,
                recorded_at: &record.recorded_at,
                payload: &record.payload,
            };
            let expected = chain::record_hash(&self.previous_hash, &fields);
            if expected.as_slice() != record.hash.as_slice() {
                self.findings.push((
                    place,
                    finding(
                        None,
                        F::RecordHashMismatch {
                            record: id,
                            after_entry: record.after_entry,
                        },
                    ),
                ));
            }
            self.previous_hash = record.hash.clone();
        }
    }
}

impl EntryCheck for Chain {
    fn observe(&mut self, entry: &StoredEntry, malformed: Option<&F>) {
        let id = entry.id;
        self.records_before(id);
        if id != self.previous_id + 1 {
            let missing = self.previous_id + 1;
            self.findings.push((
                (missing, 0),
                finding(
                    Some(missing),
                    F::EntryMissing {
                        entry: missing,
                        next: id,
                    },
                ),
            ));
        }
        if let Some(message) = malformed {
            self.findings
                .push(((id, 0), finding(Some(id), message.clone())));
        }
        let fields = EntryFields {
            id,
            date: entry.date,
            kind: entry.kind,
            memo: &entry.memo,
            details: &entry.details,
            recorded_by: &entry.recorded_by,
            recorded_at: &entry.recorded_at,
            postings: &entry.postings,
        };
        let expected = chain::entry_hash(&self.previous_hash, &fields);
        if expected.as_slice() != entry.hash.as_slice() {
            self.findings.push((
                (id, 0),
                finding(Some(id), F::EntryHashMismatch { entry: id }),
            ));
        }
        self.previous_id = id;
        self.previous_hash = entry.hash.clone();
    }

    fn finish(mut self: Box<Self>) -> Vec<Finding> {
        self.records_before(i64::MAX);
        self.findings.sort_by_key(|(place, _)| *place);
        self.findings.into_iter().map(|(_, f)| f).collect()
    }
}

/// `records`: the chained tables hold exactly the rows their records hold.
pub fn records(damaged: Vec<F>, problems: Vec<RowProblem>) -> Vec<Finding> {
    let damaged = damaged.into_iter().map(|message| finding(None, message));
    let rows = problems.into_iter().map(|p| {
        let message = F::Row {
            table: p.table.to_string(),
            key: p.key,
            fault: p.problem,
        };
        finding(None, message)
    });
    damaged.chain(rows).collect()
}

/// `append-only`: every trigger the migrations create exists exactly as written.
pub struct AppendOnly;

impl AppendOnly {
    pub fn expected() -> Vec<(String, String)> {
        crate::store::MIGRATIONS
            .iter()
            .flat_map(|(_, _, sql)| sql.split("CREATE TRIGGER ").skip(1))
            .map(|rest| {
                let body = &rest[..rest.find("END;").map_or(rest.len(), |i| i + 3)];
                let name = body
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                (name, normalize(&format!("CREATE TRIGGER {body}")))
            })
            .collect()
    }

    pub fn check(stored: &[(String, String)]) -> Vec<Finding> {
        Self::expected()
            .into_iter()
            .filter_map(
                |(name, sql)| match stored.iter().find(|(n, _)| *n == name) {
                    None => Some(finding(None, F::TriggerMissing { name })),
                    Some((_, s)) if normalize(s) != sql => {
                        Some(finding(None, F::TriggerAltered { name }))
                    }
                    Some(_) => None,
                },
            )
            .collect()
    }
}

fn normalize(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One account's recomputed totals: (fund, date) → (debit, credit), wide so that no
/// ledger, however tampered with, overflows them.
type FundDays = BTreeMap<(i64, NaiveDate), (i128, i128)>;

/// `totals` and `funds`: recompute the daily totals and the guarded balances from the
/// postings, compare them with the stored copies, and look for a negative balance.
pub struct Derived {
    account_types: HashMap<String, AccountType>,
    funds: Funds,
    /// account → (fund, date) → (debit, credit): looked up by the posting's code, so
    /// two million postings cost no key allocation.
    totals: HashMap<String, FundDays>,
    guards: BTreeMap<Subject, SubjectDays>,
    /// The first entry with a posting past the amount bound (its guards are skipped).
    unbounded_posting: Option<i64>,
}

impl Derived {
    pub fn new(funds: Funds, accounts: Vec<Account>) -> Derived {
        Derived {
            account_types: accounts
                .into_iter()
                .map(|a| (a.code.as_str().to_string(), a.account_type))
                .collect(),
            funds,
            totals: HashMap::new(),
            guards: BTreeMap::new(),
            unbounded_posting: None,
        }
    }

    pub fn observe(&mut self, entry: &StoredEntry) {
        for p in &entry.postings {
            let account = match self.totals.get_mut(p.account.as_str()) {
                Some(days) => days,
                None => self
                    .totals
                    .entry(p.account.as_str().to_string())
                    .or_default(),
            };
            let t = account.entry((p.fund.0, entry.date)).or_default();
            if p.amount.is_negative() {
                t.1 -= p.amount.wide();
            } else {
                t.0 += p.amount.wide();
            }
        }
        let bound = AMOUNT_FEN_MAX.unsigned_abs();
        if entry
            .postings
            .iter()
            .any(|p| p.amount.fen().unsigned_abs() > bound)
        {
            self.unbounded_posting.get_or_insert(entry.id);
            return;
        }
        let types = &self.account_types;
        for (subject, change) in guard_changes(&entry.postings, |c| types.get(c).copied()) {
            self.guards
                .entry(subject)
                .or_default()
                .apply(entry.date, change);
        }
    }

    pub fn finish(
        self,
        stored_totals: &[DailyTotalRow],
        stored_guards: &[GuardRow],
    ) -> (Vec<Finding>, Vec<Finding>) {
        let mut totals = self.past_the_bound();
        let recomputed: BTreeMap<(String, i64, String), (i128, i128)> = self
            .totals
            .iter()
            .flat_map(|(account, days)| {
                days.iter().map(|((fund, date), value)| {
                    (
                        (account.clone(), *fund, crate::ledger::date::iso(*date)),
                        *value,
                    )
                })
            })
            .collect();
        let stored: BTreeMap<(String, i64, String), (i128, i128)> = stored_totals
            .iter()
            .map(|(a, f, d, debit, credit)| {
                (
                    (a.clone(), *f, d.clone()),
                    (i128::from(*debit), i128::from(*credit)),
                )
            })
            .collect();
        if let Some((key, _)) = recomputed
            .iter()
            .find(|(k, v)| stored.get(*k) != Some(*v))
            .or_else(|| stored.iter().find(|(k, _)| !recomputed.contains_key(*k)))
        {
            totals.push(finding(
                None,
                F::DailyTotalsDiffer {
                    account: key.0.clone(),
                    fund: key.1,
                    date: key.2.clone(),
                },
            ));
        }
        let recomputed: BTreeMap<(String, String), (i64, i64)> = self
            .guards
            .iter()
            .flat_map(|(s, days)| {
                days.days
                    .iter()
                    .map(move |(d, v)| ((s.key(), crate::ledger::date::iso(*d)), *v))
            })
            .collect();
        let stored: BTreeMap<(String, String), (i64, i64)> = stored_guards
            .iter()
            .map(|(s, d, delta, min)| ((s.clone(), d.clone()), (*delta, *min)))
            .collect();
        if recomputed != stored {
            totals.push(finding(None, F::GuardsDiffer));
        }
        let funds = self
            .guards
            .iter()
            .filter_map(|(subject, days)| {
                let (date, low) = days.first_negative()?;
                let holder = match subject {
                    Subject::Fund(id) => Holder::Fund {
                        id: id.0,
                        names: self.funds.get(*id).map(crate::ledger::fund::Fund::choice),
                    },
                    Subject::Asset(code) => Holder::Account {
                        code: code.to_string(),
                    },
                };
                Some(finding(
                    None,
                    F::GoesNegative {
                        holder,
                        date: date.to_string(),
                        low: crate::ledger::money::Money::from_fen(low).plain(),
                    },
                ))
            })
            .collect();
        (totals, funds)
    }
}

impl Derived {
    /// Totals past the amount bound (9,999,999,999,999.99), which lovefund refuses to
    /// record: a posting, the balance of an account in a fund, or a day's debits or
    /// credits. Each is named by its account, fund and date.
    fn past_the_bound(&self) -> Vec<Finding> {
        let bound = i128::from(AMOUNT_FEN_MAX);
        let mut found = Vec::new();
        if let Some(id) = self.unbounded_posting {
            found.push(finding(Some(id), F::PostingPastBound { entry: id }));
        }
        let mut accounts: Vec<&String> = self.totals.keys().collect();
        accounts.sort();
        for account in accounts {
            let mut balances: BTreeMap<i64, i128> = BTreeMap::new();
            for ((fund, date), (debit, credit)) in &self.totals[account] {
                *balances.entry(*fund).or_default() += debit - credit;
                if *debit > bound || *credit > bound {
                    found.push(finding(
                        None,
                        F::DayPastBound {
                            account: account.clone(),
                            fund: *fund,
                            date: date.to_string(),
                        },
                    ));
                }
            }
            for (fund, balance) in balances {
                if balance.abs() > bound {
                    found.push(finding(
                        None,
                        F::BalancePastBound {
                            account: account.clone(),
                            fund,
                        },
                    ));
                }
            }
        }
        found
    }
}

/// `receipts`: per year the numbers run 1, 2, 3 … to the last with no gap, every
/// void belongs to a receipt and has a reason, and no receipt is valid whose
/// donation was reversed (DESIGN.md invariant 8).
pub fn receipts(
    sequence: &[(i32, i64, Option<String>)],
    orphan_voids: &[(i32, i64)],
    live_of_reversed: &[(crate::ledger::receipt::ReceiptNumber, i64, i64)],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut years: Vec<i32> = sequence.iter().map(|(y, _, _)| *y).collect();
    years.dedup();
    for year in years {
        let report = crate::report::receipts::sequence_of(year, sequence);
        if let Some(first) = report.missing.first() {
            findings.push(finding(
                None,
                F::ReceiptsDeleted {
                    first: first.to_string(),
                    missing: report.missing.len() as u64,
                    year: year.into(),
                },
            ));
        }
        if let Some(v) = report.void.iter().find(|v| v.reason.trim().is_empty()) {
            findings.push(finding(
                None,
                F::VoidWithoutReason {
                    number: v.number.to_string(),
                },
            ));
        }
    }
    for (year, seq) in orphan_voids {
        let number = crate::ledger::receipt::ReceiptNumber {
            year: *year,
            seq: *seq,
        };
        findings.push(finding(
            None,
            F::VoidOfNoReceipt {
                number: number.to_string(),
            },
        ));
    }
    for (number, entry, reversal) in live_of_reversed {
        findings.push(finding(
            Some(*entry),
            F::ReceiptOfReversed {
                number: number.to_string(),
                entry: *entry,
                reversal: *reversal,
            },
        ));
    }
    findings
}

/// `--fingerprint HASH`: a chain head printed earlier (on an annual summary) must
/// still be the hash of some entry. The `chain` check proves each stored hash follows
/// from the one before, so a found fingerprint vouches for every entry up to it; a
/// missing one means the entries after it were cut off or the chain was rewritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Lowercase hex, 16 to 64 digits: the hash or its start.
    prefix: String,
}

impl Fingerprint {
    /// The fewest hex digits accepted (64 bits: no one finds a colliding entry).
    pub const DIGITS_MIN: usize = 16;

    pub fn parse(text: &str) -> crate::error::Result<Fingerprint> {
        let prefix = text.trim().to_ascii_lowercase();
        let digits = 2 * chain::HASH_LENGTH;
        if prefix.len() < Self::DIGITS_MIN
            || prefix.len() > digits
            || !prefix.bytes().all(|b| b.is_ascii_hexdigit())
        {
            return Err(crate::error::Error::input_in(
                crate::error::Field::Fingerprint,
                crate::error::message::VerifyMessage::NotAFingerprint {
                    text: text.into(),
                    digits: digits as u64,
                    min: Self::DIGITS_MIN as u64,
                },
            ));
        }
        Ok(Fingerprint { prefix })
    }

    pub fn as_str(&self) -> &str {
        &self.prefix
    }
}

/// Looks for the fingerprint among the stored hashes of the entries and records.
pub struct FingerprintCheck {
    fingerprint: Fingerprint,
    found: bool,
    records: Rc<[StoredRecord]>,
    /// The last entry seen: (id, hash).
    last: Option<(i64, String)>,
}

impl FingerprintCheck {
    pub fn new(fingerprint: Fingerprint, records: Rc<[StoredRecord]>) -> FingerprintCheck {
        let found = records
            .iter()
            .any(|r| hex::encode(&r.hash).starts_with(fingerprint.as_str()));
        FingerprintCheck {
            fingerprint,
            found,
            records,
            last: None,
        }
    }
}

impl EntryCheck for FingerprintCheck {
    fn observe(&mut self, entry: &StoredEntry, _malformed: Option<&F>) {
        let hash = hex::encode(&entry.hash);
        if !self.found && hash.starts_with(self.fingerprint.as_str()) {
            self.found = true;
        }
        self.last = Some((entry.id, hash));
    }

    fn finish(self: Box<Self>) -> Vec<Finding> {
        if self.found {
            return Vec::new();
        }
        let last_entry = self.last.as_ref().map_or(0, |(id, _)| *id);
        // The records come in chain order: the last one after the last entry, if
        // any, is the head.
        let last_record = self.records.last().filter(|r| r.after_entry >= last_entry);
        let now = match (&self.last, last_record) {
            (_, Some(r)) => ChainEnd::Record {
                id: r.id,
                after_entry: r.after_entry,
                fingerprint: hex::encode(&r.hash),
            },
            (None, None) => ChainEnd::Empty,
            (Some((id, hash)), None) => ChainEnd::Entry {
                id: *id,
                fingerprint: hash.clone(),
            },
        };
        vec![finding(
            None,
            F::FingerprintGone {
                fingerprint: self.fingerprint.as_str().to_string(),
                now,
            },
        )]
    }
}
