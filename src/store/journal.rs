//! Appending to the journal and reading it back. The `Appender` is the only writer of
//! entries and postings: it extends the hash chain, keeps the derived daily totals,
//! and refuses any entry that would make a fund, cash, bank or e-wallet balance
//! negative on its date or any later one (entries on one date apply in recording
//! order). Everything it writes belongs to the caller's transaction.

use super::chart::{load_accounts, load_funds};
use crate::error::{Error, Result};
use crate::ledger::account::{AccountCode, AccountType};
use crate::ledger::chain::{self, EntryFields, GENESIS, HASH_LENGTH};
use crate::ledger::entry::{EntryDetails, EntryKind, NewEntry, Posting, StoredEntry};
use crate::ledger::fund::{FundId, Funds};
use crate::ledger::guard::{Subject, SubjectDays, guard_changes};
use crate::ledger::money::Money;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::HashMap;

/// What the journal says about a newly appended entry.
#[derive(Clone, Debug)]
pub struct Appended {
    pub id: i64,
    pub hash: [u8; HASH_LENGTH],
}

#[derive(Clone, Copy, Default)]
struct DayTotal {
    debit_fen: i64,
    credit_fen: i64,
}

/// Appends entries within one transaction; call `finish` before committing.
pub struct Appender<'t> {
    tx: &'t Transaction<'t>,
    head_id: i64,
    head_hash: [u8; HASH_LENGTH],
    recorded_by: String,
    recorded_at: String,
    account_types: HashMap<String, AccountType>,
    accounts_with_children: Vec<String>,
    funds: Funds,
    guards: HashMap<Subject, (SubjectDays, Vec<NaiveDate>)>,
    totals: HashMap<(String, FundId, NaiveDate), DayTotal>,
}

impl<'t> Appender<'t> {
    pub fn new(tx: &'t Transaction<'t>, recorded_by: &str, recorded_at: &str) -> Result<Self> {
        let head: Option<(i64, Vec<u8>)> = tx
            .query_row(
                "SELECT id, hash FROM entries ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (head_id, head_hash) = match head {
            None => (0, GENESIS),
            Some((id, hash)) => (id, hash.try_into().unwrap_or(GENESIS)),
        };
        let accounts = load_accounts(tx)?;
        let accounts_with_children = accounts
            .iter()
            .filter_map(|a| a.code.parent())
            .map(|p| p.as_str().to_string())
            .collect();
        Ok(Appender {
            tx,
            head_id,
            head_hash,
            recorded_by: recorded_by.to_string(),
            recorded_at: recorded_at.to_string(),
            account_types: accounts
                .into_iter()
                .map(|a| (a.code.as_str().to_string(), a.account_type))
                .collect(),
            accounts_with_children,
            funds: load_funds(tx)?,
            guards: HashMap::new(),
            totals: HashMap::new(),
        })
    }

    pub fn funds(&self) -> &Funds {
        &self.funds
    }

    pub fn head_id(&self) -> i64 {
        self.head_id
    }

    /// Checks the entry against the chart and the balance rules, then appends it.
    pub fn append(&mut self, entry: &NewEntry) -> Result<Appended> {
        self.check_postings(entry.postings())?;
        let types = &self.account_types;
        let changes = guard_changes(entry.postings(), |code| types.get(code).copied());
        self.check_guards(entry.date, &changes)?;
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
        self.insert(id, entry, &hash)?;
        for (subject, change) in changes {
            let (days, dirty) = self.guard(&subject)?;
            days.apply(entry.date, change);
            dirty.push(entry.date);
        }
        for p in entry.postings() {
            let key = (p.account.as_str().to_string(), p.fund, entry.date);
            let total = self.totals.entry(key).or_default();
            if p.amount.is_negative() {
                total.credit_fen += -p.amount.fen();
            } else {
                total.debit_fen += p.amount.fen();
            }
        }
        self.head_id = id;
        self.head_hash = hash;
        Ok(Appended { id, hash })
    }

    fn check_postings(&self, postings: &[Posting]) -> Result<()> {
        for p in postings {
            let code = p.account.as_str();
            if !self.account_types.contains_key(code) {
                return Err(Error::not_found(format!(
                    "account {code} is not in the chart; see `lovefund account list` or add it \
                     with `lovefund account add`"
                )));
            }
            if self.accounts_with_children.iter().any(|c| c == code) {
                return Err(Error::input(format!(
                    "account {code} has sub-accounts; post to one of them (e.g. {code}.01)"
                )));
            }
            if self.funds.get(p.fund).is_none() {
                return Err(Error::not_found(format!(
                    "fund {} does not exist",
                    p.fund.0
                )));
            }
        }
        Ok(())
    }

    fn check_guards(&mut self, date: NaiveDate, changes: &[(Subject, i64)]) -> Result<()> {
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
        let what = match subject {
            Subject::Fund(id) => match self.funds.get(*id) {
                Some(f) => format!("fund {} ({})", f.names.zh_hant, f.alias),
                None => format!("fund {}", id.0),
            },
            Subject::Asset(code) => format!("account {code}"),
        };
        Error::conflict(format!(
            "refused: {what} would go negative — the entry takes {} on {date} but only {} \
             is available then (counting every later entry); record a smaller amount or \
             draw on another fund or account",
            Money::from_fen(-change),
            Money::from_fen(available.max(0)),
        ))
    }

    fn guard(&mut self, subject: &Subject) -> Result<&mut (SubjectDays, Vec<NaiveDate>)> {
        if !self.guards.contains_key(subject) {
            let days = load_guard(self.tx, &subject.key())?;
            self.guards.insert(subject.clone(), (days, Vec::new()));
        }
        Ok(self.guards.get_mut(subject).expect("inserted above"))
    }

    fn insert(&self, id: i64, entry: &NewEntry, hash: &[u8]) -> Result<()> {
        let d = &entry.details;
        let mut insert_entry = self.tx.prepare_cached(
            "INSERT INTO entries (id, date, kind, memo, party_id, method, reference, reverses,
                                  reason, recorded_by, recorded_at, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        insert_entry
            .execute(params![
                id,
                entry.date.format("%Y-%m-%d").to_string(),
                entry.kind.as_str(),
                entry.memo,
                d.party_id,
                d.method,
                d.reference,
                d.reverses,
                d.reason,
                self.recorded_by,
                self.recorded_at,
                hash
            ])
            .map_err(|e| unique_error(e, d))?;
        let mut insert_posting = self.tx.prepare_cached(
            "INSERT INTO postings (entry_id, seq, account, fund_id, amount_fen)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (seq, p) in entry.postings().iter().enumerate() {
            insert_posting.execute(params![
                id,
                seq as i64 + 1,
                p.account.as_str(),
                p.fund.0,
                p.amount.fen()
            ])?;
        }
        Ok(())
    }

    /// Writes the derived totals; the caller commits afterwards.
    pub fn finish(self) -> Result<()> {
        let mut upsert_total = self.tx.prepare_cached(
            "INSERT INTO daily_totals (account, fund_id, date, debit_fen, credit_fen)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (account, fund_id, date) DO UPDATE
             SET debit_fen = debit_fen + excluded.debit_fen,
                 credit_fen = credit_fen + excluded.credit_fen",
        )?;
        for ((account, fund, date), t) in &self.totals {
            upsert_total.execute(params![
                account,
                fund.0,
                date.format("%Y-%m-%d").to_string(),
                t.debit_fen,
                t.credit_fen
            ])?;
        }
        let mut upsert_guard = self.tx.prepare_cached(
            "INSERT OR REPLACE INTO guard_daily (subject, date, delta_fen, min_prefix_fen)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (subject, (days, dirty)) in &self.guards {
            let key = subject.key();
            let mut dirty = dirty.clone();
            dirty.sort_unstable();
            dirty.dedup();
            for date in dirty {
                let (delta, min_prefix) = days.days[&date];
                upsert_guard.execute(params![
                    key,
                    date.format("%Y-%m-%d").to_string(),
                    delta,
                    min_prefix
                ])?;
            }
        }
        Ok(())
    }
}

fn unique_error(e: rusqlite::Error, details: &EntryDetails) -> Error {
    if let rusqlite::Error::SqliteFailure(f, Some(message)) = &e
        && f.code == rusqlite::ErrorCode::ConstraintViolation
    {
        if message.contains("entries.reverses") {
            return Error::conflict(format!(
                "entry {} has already been reversed; an entry is reversed at most once",
                details.reverses.unwrap_or_default()
            ));
        }
        if message.contains("entries.reference") {
            return Error::conflict(format!(
                "reference {:?} is already used by another entry; give a unique --reference",
                details.reference.as_deref().unwrap_or_default()
            ));
        }
    }
    e.into()
}

fn load_guard(conn: &Connection, key: &str) -> Result<SubjectDays> {
    let mut stmt = conn.prepare_cached(
        "SELECT date, delta_fen, min_prefix_fen FROM guard_daily WHERE subject = ?1 ORDER BY date",
    )?;
    let mut days = SubjectDays::default();
    let mut rows = stmt.query([key])?;
    while let Some(row) = rows.next()? {
        let date = parse_date(&row.get::<_, String>(0)?)?;
        days.insert_day(date, row.get(1)?, row.get(2)?);
    }
    Ok(days)
}

pub(super) fn parse_date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::Verify(format!("the ledger holds a malformed date {text:?}")))
}

/// The entry columns, in the order `entry_from_row` reads them (a macro so that
/// queries stay string literals).
macro_rules! entry_columns {
    () => {
        "e.id, e.date, e.kind, e.memo, e.party_id, e.method, e.reference, e.reverses, \
         e.reason, e.recorded_by, e.recorded_at, e.hash"
    };
}
pub(super) use entry_columns;

/// A journal row as stored, before any check: tampered rows must still be readable,
/// so a malformed date or kind is reported beside the entry rather than as an error.
pub(super) fn entry_from_row(
    row: &rusqlite::Row<'_>,
) -> rusqlite::Result<(StoredEntry, Option<String>)> {
    let id: i64 = row.get(0)?;
    let date_text: String = row.get(1)?;
    let kind_text: String = row.get(2)?;
    let date = NaiveDate::parse_from_str(&date_text, "%Y-%m-%d").ok();
    let kind = EntryKind::parse(&kind_text);
    let malformed = match (date, kind) {
        (None, _) => Some(format!("entry {id} has a malformed date {date_text:?}")),
        (_, None) => Some(format!("entry {id} has an unknown kind {kind_text:?}")),
        _ => None,
    };
    let entry = StoredEntry {
        id,
        date: date.unwrap_or_default(),
        kind: kind.unwrap_or(EntryKind::Manual),
        memo: row.get(3)?,
        details: EntryDetails {
            party_id: row.get(4)?,
            method: row.get(5)?,
            reference: row.get(6)?,
            reverses: row.get(7)?,
            reason: row.get(8)?,
        },
        recorded_by: row.get(9)?,
        recorded_at: row.get(10)?,
        postings: Vec::new(),
        hash: row.get(11)?,
    };
    Ok((entry, malformed))
}

pub(super) fn posting_from_row(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Posting> {
    Ok(Posting {
        account: AccountCode::from_stored(row.get(first)?),
        fund: FundId(row.get(first + 1)?),
        amount: Money::from_fen(row.get(first + 2)?),
    })
}
