//! Reading the journal for `export`: every entry in a date range with its postings,
//! counterparty (name, type and the last four characters of an identity number —
//! never its hash), standing receipt number and reversal links, streamed in journal
//! (id) order so a million entries never sit in memory at once.

use super::Store;
use super::journal::parse_date;
use crate::error::message::StoreMessage;
use crate::error::{Error, Result};
use crate::ledger::account::AccountCode;
use crate::ledger::entry::{EntryKind, Posting};
use crate::ledger::fund::FundId;
use crate::ledger::money::Money;
use crate::ledger::party::PartyType;
use chrono::NaiveDate;
use rusqlite::params;

/// The page cache while exporting, in KiB as SQLite takes it (negative): 2 MiB.
const EXPORT_CACHE_KIB: i64 = -2048;

/// The donor or beneficiary of an entry, as an export may show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counterparty {
    pub name: String,
    pub party_type: PartyType,
    /// The last four characters of the identity number; shown masked.
    pub id_last4: Option<String>,
}

/// One journal entry as exported. Reused from entry to entry while streaming.
#[derive(Clone, Debug)]
pub struct ExportEntry {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub memo: String,
    pub method: Option<String>,
    pub reference: Option<String>,
    pub reverses: Option<i64>,
    /// The entry that reverses this one, if any, and its date.
    pub reversed_by: Option<(i64, NaiveDate)>,
    /// For a reversal: the date of the entry it reverses.
    pub reverses_date: Option<NaiveDate>,
    pub reason: Option<String>,
    pub recorded_by: String,
    pub recorded_at: String,
    pub hash: Vec<u8>,
    pub counterparty: Option<Counterparty>,
    /// The receipt that stands for this donation: the latest one not voided.
    pub receipt: Option<String>,
    pub postings: Vec<Posting>,
}

impl Default for ExportEntry {
    fn default() -> ExportEntry {
        ExportEntry {
            id: 0,
            date: NaiveDate::default(),
            kind: EntryKind::Manual,
            memo: String::new(),
            method: None,
            reference: None,
            reverses: None,
            reversed_by: None,
            reverses_date: None,
            reason: None,
            recorded_by: String::new(),
            recorded_at: String::new(),
            hash: Vec::new(),
            counterparty: None,
            receipt: None,
            postings: Vec::new(),
        }
    }
}

/// Date bounds as stored text: no bound is the widest range a date can have.
fn bounds(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (String, String) {
    let text = crate::ledger::date::iso;
    (
        from.map_or_else(|| "0000-01-01".to_string(), text),
        to.map_or_else(|| "9999-12-31".to_string(), text),
    )
}

impl Store {
    /// The first date anything is dated on within the range, from the daily totals.
    pub fn first_date_between(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Option<NaiveDate>> {
        let (low, high) = bounds(from, to);
        let text: Option<String> = self.conn.query_row(
            "SELECT MIN(date) FROM daily_totals WHERE date >= ?1 AND date <= ?2",
            params![low, high],
            |r| r.get(0),
        )?;
        text.map(|t| parse_date(&t)).transpose()
    }

    /// Runs `work` in one read transaction, so every query it makes sees the same
    /// ledger (the chart, the head hash and the entries of one export agree).
    pub fn with_export_snapshot<T>(&self, work: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        // One pass over the journal gains nothing from the large page cache a
        // writable connection is given; a small one keeps memory flat however long
        // the journal is.
        self.conn
            .pragma_update(None, "cache_size", EXPORT_CACHE_KIB)?;
        if !self.conn.is_autocommit() {
            // Inside a caller's read transaction (the audit pack's), which is the
            // snapshot already.
            return work(self);
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let value = work(self);
        let end = self.conn.execute_batch("COMMIT");
        let value = value?;
        end?;
        Ok(value)
    }

    /// Calls `visit` with every entry dated within the range, in id order. Entries
    /// and postings are read by two cursors side by side; call it inside
    /// `with_export_snapshot` so that both see the same journal.
    pub fn for_each_export_entry(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        mut visit: impl FnMut(&ExportEntry) -> Result<()>,
    ) -> Result<()> {
        let (low, high) = bounds(from, to);
        {
            let mut entries = self.conn.prepare(
                "SELECT e.id, e.date, e.kind, e.memo, e.method, e.reference, e.reverses,
                        e.reason, e.recorded_by, e.recorded_at, e.hash,
                        pa.name, pa.type, pa.id_last4,
                        rv.id, rv.date, og.date,
                        (SELECT printf('%d-%06d', rc.year, rc.seq) FROM receipts rc
                         WHERE rc.entry_id = e.id AND NOT EXISTS (
                             SELECT 1 FROM receipt_voids v WHERE v.year = rc.year AND v.seq = rc.seq)
                         ORDER BY rc.year DESC, rc.seq DESC LIMIT 1)
                 FROM entries e LEFT JOIN parties_now pa ON pa.id = e.party_id
                      LEFT JOIN entries rv ON rv.reverses = e.id
                      LEFT JOIN entries og ON og.id = e.reverses
                 WHERE e.date >= ?1 AND e.date <= ?2
                 ORDER BY e.id",
            )?;
            let mut postings = self.conn.prepare(
                "SELECT p.entry_id, p.account, p.fund_id, p.amount_fen
                 FROM postings p JOIN entries e ON e.id = p.entry_id
                 WHERE e.date >= ?1 AND e.date <= ?2
                 ORDER BY p.entry_id, p.seq",
            )?;
            let mut entry_rows = entries.query(params![low, high])?;
            let mut posting_rows = postings.query(params![low, high])?;
            let mut next_posting = next_posting_row(&mut posting_rows)?;
            let mut entry = ExportEntry::default();
            while let Some(row) = entry_rows.next()? {
                read_entry(row, &mut entry)?;
                entry.postings.clear();
                while let Some((entry_id, posting)) = next_posting.take() {
                    if entry_id > entry.id {
                        next_posting = Some((entry_id, posting));
                        break;
                    }
                    if entry_id == entry.id {
                        entry.postings.push(posting);
                    }
                    next_posting = next_posting_row(&mut posting_rows)?;
                }
                visit(&entry)?;
            }
            Ok(())
        }
    }
}

fn read_entry(row: &rusqlite::Row<'_>, entry: &mut ExportEntry) -> Result<()> {
    entry.id = row.get(0)?;
    let kind: String = row.get(2)?;
    entry.kind = EntryKind::parse(&kind).ok_or_else(|| {
        Error::verify(StoreMessage::UnknownKind {
            id: entry.id,
            kind: kind.as_str().into(),
        })
    })?;
    entry.date = parse_date(&row.get::<_, String>(1)?)?;
    entry.memo = row.get(3)?;
    entry.method = row.get(4)?;
    entry.reference = row.get(5)?;
    entry.reverses = row.get(6)?;
    entry.reason = row.get(7)?;
    entry.recorded_by = row.get(8)?;
    entry.recorded_at = row.get(9)?;
    entry.hash = row.get(10)?;
    let name: Option<String> = row.get(11)?;
    let party_type: Option<String> = row.get(12)?;
    entry.counterparty = match (name, party_type.as_deref().and_then(PartyType::parse)) {
        (Some(name), Some(party_type)) => Some(Counterparty {
            name,
            party_type,
            id_last4: row.get(13)?,
        }),
        _ => None,
    };
    let reversed_by: Option<i64> = row.get(14)?;
    let reversed_on: Option<String> = row.get(15)?;
    entry.reversed_by = match (reversed_by, reversed_on) {
        (Some(id), Some(date)) => Some((id, parse_date(&date)?)),
        _ => None,
    };
    let reverses_date: Option<String> = row.get(16)?;
    entry.reverses_date = reverses_date.map(|d| parse_date(&d)).transpose()?;
    entry.receipt = row.get(17)?;
    Ok(())
}

fn next_posting_row(rows: &mut rusqlite::Rows<'_>) -> Result<Option<(i64, Posting)>> {
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    Ok(Some((
        row.get(0)?,
        Posting {
            account: AccountCode::from_stored(row.get(1)?),
            fund: FundId(row.get(2)?),
            amount: Money::from_fen(row.get(3)?),
        },
    )))
}
