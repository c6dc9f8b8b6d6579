//! Receipts as stored: issued numbers, voids and reissues, with what a printed
//! receipt needs from the donation entry and the donor.

use super::people::next_receipt_seq;
use super::records::Collector;
use crate::error::Result;
use crate::ledger::money::Money;
use crate::ledger::receipt::ReceiptNumber;
use rusqlite::{Connection, OptionalExtension, params};

/// A receipt with its donation and its void, if any.
#[derive(Clone, Debug)]
pub struct ReceiptRecord {
    pub number: ReceiptNumber,
    pub entry_id: i64,
    pub official_no: Option<String>,
    pub replaces: Option<String>,
    pub replaced_by: Option<String>,
    pub date: String,
    pub entry_hash: Vec<u8>,
    pub recorded_by: String,
    pub method: Option<String>,
    pub donor_name: String,
    pub donor_type: String,
    pub amount: Money,
    pub fund_id: i64,
    /// A gift held in trust (受托代理): the beneficiary's name, as it is now.
    pub entrusted_for: Option<String>,
    /// When it was issued (UTC): with its donation, or for a reissue when the receipt
    /// it replaces was voided.
    pub issued_at: String,
    pub void: Option<VoidRecord>,
}

#[derive(Clone, Debug)]
pub struct VoidRecord {
    pub reason: String,
    pub voided_by: String,
    pub voided_at: String,
}

/// Every column `record_from_row` reads; a macro so queries stay literals.
macro_rules! select_receipt {
    () => {
        "SELECT r.year, r.seq, r.entry_id, r.official_no, r.replaces,
                CASE WHEN v.year IS NULL THEN NULL
                     ELSE (SELECT printf('%d-%06d', n.year, n.seq) FROM receipts n
                           WHERE n.replaces = printf('%d-%06d', r.year, r.seq)) END,
                e.date, e.hash, e.recorded_by, e.method,
                COALESCE(rn.name, p.name, ''), COALESCE(p.type, 'person'),
                -SUM(q.amount_fen), MIN(q.fund_id),
                v.reason, v.voided_by, v.voided_at,
                CASE WHEN r.replaces IS NULL THEN e.recorded_at
                     ELSE COALESCE((SELECT o.voided_at FROM receipt_voids o
                                    WHERE o.year = CAST(substr(r.replaces, 1, 4) AS INTEGER)
                                      AND o.seq = CAST(substr(r.replaces, 6) AS INTEGER)),
                                   e.recorded_at) END,
                b.name
         FROM receipts r
         JOIN entries e ON e.id = r.entry_id
         LEFT JOIN parties p ON p.id = e.party_id
         LEFT JOIN receipt_names rn ON rn.year = r.year AND rn.seq = r.seq
         LEFT JOIN receipt_voids v ON v.year = r.year AND v.seq = r.seq
         LEFT JOIN entrusted t ON t.entry_id = e.id
         LEFT JOIN parties_now b ON b.id = t.beneficiary_id
         LEFT JOIN postings q ON q.entry_id = e.id
              AND ((q.account >= '4' AND q.account < '5')
                   OR (t.entry_id IS NOT NULL AND q.account >= '2601' AND q.account < '2601/'))"
    };
}

/// Every query of `select_receipt!` ends with this (before its ORDER BY): a receipt's
/// amount and fund are summed over its donation's income (or held-in-trust) postings,
/// joined once, rather than looked up by one sub-query each.
macro_rules! by_receipt {
    () => {
        " GROUP BY r.year, r.seq"
    };
}

fn record_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ReceiptRecord> {
    let reason: Option<String> = row.get(14)?;
    Ok(ReceiptRecord {
        number: ReceiptNumber {
            year: row.get(0)?,
            seq: row.get(1)?,
        },
        entry_id: row.get(2)?,
        official_no: row.get(3)?,
        replaces: row.get(4)?,
        replaced_by: row.get(5)?,
        date: row.get(6)?,
        entry_hash: row.get(7)?,
        recorded_by: row.get(8)?,
        method: row.get(9)?,
        donor_name: row.get(10)?,
        donor_type: row.get(11)?,
        amount: Money::from_fen(row.get::<_, Option<i64>>(12)?.unwrap_or_default()),
        fund_id: row.get::<_, Option<i64>>(13)?.unwrap_or_default(),
        issued_at: row.get(17)?,
        entrusted_for: row.get(18)?,
        void: match reason {
            None => None,
            Some(reason) => Some(VoidRecord {
                reason,
                voided_by: row.get(15)?,
                voided_at: row.get(16)?,
            }),
        },
    })
}

pub(super) fn receipt(conn: &Connection, number: ReceiptNumber) -> Result<Option<ReceiptRecord>> {
    let mut stmt = conn.prepare_cached(concat!(
        select_receipt!(),
        " WHERE r.year = ?1 AND r.seq = ?2",
        by_receipt!()
    ))?;
    Ok(stmt
        .query_row(params![number.year, number.seq], record_from_row)
        .optional()?)
}

/// Receipts of a year (all years when None), in number order.
pub(super) fn receipts(conn: &Connection, year: Option<i32>) -> Result<Vec<ReceiptRecord>> {
    let mut stmt = conn.prepare_cached(concat!(
        select_receipt!(),
        // A range, not `?1 IS NULL OR r.year = ?1`: a year's receipts are then a
        // range of the primary key instead of a scan of every year's.
        " WHERE r.year BETWEEN ?1 AND ?2",
        by_receipt!(),
        " ORDER BY r.year, r.seq"
    ))?;
    let (from, to) = year_range(year);
    let rows = stmt.query_map(params![from, to], record_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The years `BETWEEN ?1 AND ?2` of a year, or of all years.
fn year_range(year: Option<i32>) -> (i32, i32) {
    year.map_or((i32::MIN, i32::MAX), |year| (year, year))
}

/// Receipts of a year (all years when None), in number order, one at a time: memory
/// stays flat however many there are.
pub(super) fn for_each_receipt(
    conn: &Connection,
    year: Option<i32>,
    visit: &mut dyn FnMut(ReceiptRecord) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(concat!(
        select_receipt!(),
        // A range, not `?1 IS NULL OR r.year = ?1`: a year's receipts are then a
        // range of the primary key instead of a scan of every year's.
        " WHERE r.year BETWEEN ?1 AND ?2",
        by_receipt!(),
        " ORDER BY r.year, r.seq"
    ))?;
    let (from, to) = year_range(year);
    let mut rows = stmt.query(params![from, to])?;
    while let Some(row) = rows.next()? {
        visit(record_from_row(row)?)?;
    }
    Ok(())
}

/// One line of the text table of `receipt list`: only what it shows, borrowed for the
/// time of one visit (no entry hash, handler, method or issue time, which the table
/// never prints).
#[derive(Clone, Copy, Debug)]
pub struct ReceiptLine<'a> {
    pub number: ReceiptNumber,
    pub date: &'a str,
    pub donor_name: &'a str,
    pub anonymous: bool,
    pub amount: Money,
    pub fund_id: i64,
    /// A gift held in trust: the beneficiary's name, as it is now.
    pub entrusted_for: Option<&'a str>,
    pub void_reason: Option<&'a str>,
    pub replaces: Option<&'a str>,
    pub replaced_by: Option<&'a str>,
}

/// The columns of a `ReceiptLine` as one row of its query gives them; its strings
/// are kept in buffers reused from one receipt to the next.
#[derive(Default)]
struct PendingLine {
    number: Option<ReceiptNumber>,
    date: String,
    donor_name: String,
    anonymous: bool,
    amount_fen: i64,
    fund_id: Option<i64>,
    entrusted_for: Option<String>,
    void_reason: Option<String>,
    replaces: Option<String>,
    replaced_by: Option<String>,
}

impl PendingLine {
    fn line(&self, number: ReceiptNumber) -> ReceiptLine<'_> {
        ReceiptLine {
            number,
            date: &self.date,
            donor_name: &self.donor_name,
            anonymous: self.anonymous,
            amount: Money::from_fen(-self.amount_fen),
            fund_id: self.fund_id.unwrap_or_default(),
            entrusted_for: self.entrusted_for.as_deref(),
            void_reason: self.void_reason.as_deref(),
            replaces: self.replaces.as_deref(),
            replaced_by: self.replaced_by.as_deref(),
        }
    }

    /// Takes the receipt's columns from `row` (its first posting row).
    fn start(
        &mut self,
        number: ReceiptNumber,
        row: &rusqlite::Row<'_>,
        parties: &PartyNames,
    ) -> rusqlite::Result<()> {
        fn keep(buffer: &mut String, text: &str) {
            buffer.clear();
            buffer.push_str(text);
        }
        fn keep_opt(buffer: &mut Option<String>, text: Option<&str>) {
            match (buffer.as_mut(), text) {
                (Some(kept), Some(text)) => keep(kept, text),
                (None, Some(text)) => *buffer = Some(text.to_string()),
                (_, None) => *buffer = None,
            }
        }
        let text = |index: usize| row.get_ref(index).and_then(|v| Ok(v.as_str_or_null()?));
        self.number = Some(number);
        keep(&mut self.date, text(2)?.unwrap_or_default());
        // The name it was issued with when kept, else the donor's first name (as
        // `select_receipt!`'s COALESCE(rn.name, p.name, '')).
        let party = row
            .get::<_, Option<i64>>(4)?
            .and_then(|id| parties.get(&id));
        let name = text(3)?.or(party.map(|(name, _)| name.as_str()));
        keep(&mut self.donor_name, name.unwrap_or_default());
        self.anonymous = party.is_some_and(|(_, anonymous)| *anonymous);
        self.amount_fen = 0;
        self.fund_id = None;
        keep_opt(&mut self.entrusted_for, text(7)?);
        keep_opt(&mut self.void_reason, text(8)?);
        keep_opt(&mut self.replaces, text(9)?);
        keep_opt(&mut self.replaced_by, text(10)?);
        Ok(())
    }

    /// Adds a posting row's amount; the fund is the smallest fund id of the postings.
    fn add(&mut self, row: &rusqlite::Row<'_>) -> rusqlite::Result<()> {
        let amount_fen: Option<i64> = row.get(5)?;
        let fund_id: Option<i64> = row.get(6)?;
        self.amount_fen += amount_fen.unwrap_or_default();
        if let Some(fund_id) = fund_id {
            self.fund_id = Some(self.fund_id.map_or(fund_id, |kept| kept.min(fund_id)));
        }
        Ok(())
    }
}

/// Every party's name as it was added and whether it is anonymous, by id.
type PartyNames = std::collections::HashMap<i64, (String, bool)>;

/// Read once for a whole list: a look-up here costs less than SQLite's join per
/// receipt, and a ledger has far fewer people than receipts.
fn party_names(conn: &Connection) -> Result<PartyNames> {
    let mut stmt = conn.prepare_cached("SELECT id, name, type FROM parties")?;
    let rows = stmt.query_map([], |row| {
        let kind: String = row.get(2)?;
        Ok((row.get(0)?, (row.get(1)?, kind == "anonymous")))
    })?;
    Ok(rows.collect::<rusqlite::Result<PartyNames>>()?)
}

/// The lines of `receipt list`'s table, for a year (all years when None), in number
/// order, one at a time. The same joins as `select_receipt!` but only the columns the
/// table shows, the donors' names from memory (`party_names`), and no GROUP BY: a receipt's income (or held-in-trust) postings come
/// as consecutive rows, summed here, which costs SQLite less than its aggregate.
pub(super) fn for_each_receipt_line(
    conn: &Connection,
    year: Option<i32>,
    visit: &mut dyn FnMut(&ReceiptLine<'_>) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.year, r.seq, e.date, rn.name, e.party_id, q.amount_fen, q.fund_id,
                b.name, v.reason, r.replaces,
                CASE WHEN v.year IS NULL THEN NULL
                     ELSE (SELECT printf('%d-%06d', n.year, n.seq) FROM receipts n
                           WHERE n.replaces = printf('%d-%06d', r.year, r.seq)) END
         FROM receipts r
         JOIN entries e ON e.id = r.entry_id
         LEFT JOIN receipt_names rn ON rn.year = r.year AND rn.seq = r.seq
         LEFT JOIN receipt_voids v ON v.year = r.year AND v.seq = r.seq
         LEFT JOIN entrusted t ON t.entry_id = e.id
         LEFT JOIN parties_now b ON b.id = t.beneficiary_id
         LEFT JOIN postings q ON q.entry_id = e.id
              AND ((q.account >= '4' AND q.account < '5')
                   OR (t.entry_id IS NOT NULL AND q.account >= '2601' AND q.account < '2601/'))
         WHERE r.year BETWEEN ?1 AND ?2
         ORDER BY r.year, r.seq",
    )?;
    let parties = party_names(conn)?;
    let (from, to) = year_range(year);
    let mut rows = stmt.query(params![from, to])?;
    let mut pending = PendingLine::default();
    while let Some(row) = rows.next()? {
        let number = ReceiptNumber {
            year: row.get(0)?,
            seq: row.get(1)?,
        };
        match pending.number {
            Some(kept) if kept == number => {}
            kept => {
                if let Some(kept) = kept {
                    visit(&pending.line(kept))?;
                }
                pending.start(number, row, &parties)?;
            }
        }
        pending.add(row)?;
    }
    if let Some(kept) = pending.number {
        visit(&pending.line(kept))?;
    }
    Ok(())
}

/// What a receipt's note in a list says: why it is void, which receipt replaced it,
/// which one it replaces.
#[derive(Clone, Debug)]
pub struct ReceiptNote {
    pub reason: Option<String>,
    pub replaced_by: Option<String>,
    pub replaces: Option<String>,
}

/// What a receipt list's columns must hold, known before its rows, read from small
/// tables only: a bound on its amounts (the largest day's income of the year, from
/// the derived daily totals), every donor's name, and the notes of the year's
/// receipts (the voids, and the reissues, by their partial index).
pub(super) fn receipt_list_bounds(
    conn: &Connection,
    year: Option<i32>,
) -> Result<(Money, Vec<String>, Vec<ReceiptNote>)> {
    let (from, to) = match year {
        Some(year) => (format!("{year:04}-01-01"), format!("{year:04}-12-31")),
        None => ("0000-01-01".to_string(), "9999-12-31".to_string()),
    };
    let mut stmt = conn.prepare_cached(
        "SELECT MAX(credit_fen) FROM daily_totals
         WHERE account >= '4' AND account < '5' AND date BETWEEN ?1 AND ?2",
    )?;
    let largest: Option<i64> = stmt.query_row(params![from, to], |row| row.get(0))?;
    let mut stmt = conn.prepare_cached(
        "SELECT name FROM parties WHERE role = 'donor' UNION ALL SELECT name FROM receipt_names",
    )?;
    let names = stmt.query_map([], |row| row.get(0))?;
    let names = names.collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT v.reason,
                (SELECT printf('%d-%06d', n.year, n.seq) FROM receipts n
                 WHERE n.replaces = printf('%d-%06d', v.year, v.seq)),
                NULL
         FROM receipt_voids v WHERE ?1 IS NULL OR v.year = ?1
         UNION ALL
         SELECT NULL, NULL, r.replaces FROM receipts r
         WHERE r.replaces IS NOT NULL AND (?1 IS NULL OR r.year = ?1)",
    )?;
    let notes = stmt.query_map(params![year], |row| {
        Ok(ReceiptNote {
            reason: row.get(0)?,
            replaced_by: row.get(1)?,
            replaces: row.get(2)?,
        })
    })?;
    Ok((
        Money::from_fen(largest.unwrap_or_default()),
        names,
        notes.collect::<rusqlite::Result<Vec<_>>>()?,
    ))
}

pub(super) fn receipts_of_entry(conn: &Connection, entry_id: i64) -> Result<Vec<ReceiptRecord>> {
    let mut stmt = conn.prepare_cached(concat!(
        select_receipt!(),
        " WHERE r.entry_id = ?1",
        by_receipt!(),
        " ORDER BY r.year, r.seq"
    ))?;
    let rows = stmt.query_map(params![entry_id], record_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn live_receipts_of_reversed(
    conn: &Connection,
) -> Result<Vec<(ReceiptNumber, i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT r.year, r.seq, r.entry_id, x.id FROM receipts r
         JOIN entries x ON x.reverses = r.entry_id
         LEFT JOIN receipt_voids v ON v.year = r.year AND v.seq = r.seq
         WHERE v.seq IS NULL ORDER BY r.year, r.seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            ReceiptNumber {
                year: r.get(0)?,
                seq: r.get(1)?,
            },
            r.get(2)?,
            r.get(3)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every (number, entry hash) pair, for looking up a verification code.
/// Every voided receipt's number, in number order.
pub(super) fn voided_receipts(conn: &Connection) -> Result<Vec<ReceiptNumber>> {
    let mut stmt = conn.prepare("SELECT year, seq FROM receipt_voids ORDER BY year, seq")?;
    let rows = stmt.query_map([], |r| {
        Ok(ReceiptNumber {
            year: r.get(0)?,
            seq: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn receipt_hashes(conn: &Connection) -> Result<Vec<(ReceiptNumber, Vec<u8>)>> {
    let mut stmt = conn.prepare(
        "SELECT r.year, r.seq, e.hash FROM receipts r JOIN entries e ON e.id = r.entry_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            ReceiptNumber {
                year: r.get(0)?,
                seq: r.get(1)?,
            },
            r.get(2)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Per year: (year, seq) of every receipt and whether its void has a reason.
pub(super) fn receipt_sequence(conn: &Connection) -> Result<Vec<(i32, i64, Option<String>)>> {
    let mut stmt = conn.prepare(
        "SELECT r.year, r.seq, v.reason FROM receipts r
         LEFT JOIN receipt_voids v ON v.year = r.year AND v.seq = r.seq
         ORDER BY r.year, r.seq",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Voids that point at no receipt (only possible by tampering).
pub(super) fn orphan_voids(conn: &Connection) -> Result<Vec<(i32, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT v.year, v.seq FROM receipt_voids v
         LEFT JOIN receipts r ON r.year = v.year AND r.seq = v.seq WHERE r.seq IS NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn insert_void(
    conn: &Connection,
    collector: &mut Collector,
    number: ReceiptNumber,
    reason: &str,
    by: &str,
    at: &str,
) -> Result<()> {
    let values: [&dyn rusqlite::ToSql; 5] = [&number.year, &number.seq, &reason, &by, &at];
    conn.execute(
        "INSERT INTO receipt_voids (year, seq, reason, voided_by, voided_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &values[..],
    )?;
    collector.add("receipt_voids", &values)
}

/// Issues the next number of `year` for the same donation as `old`, pointing at it.
pub(super) fn insert_reissue(
    conn: &Connection,
    collector: &mut Collector,
    old: &ReceiptRecord,
    year: i32,
) -> Result<ReceiptNumber> {
    let number = ReceiptNumber {
        year,
        seq: next_receipt_seq(conn, year)?,
    };
    let replaces = old.number.to_string();
    let values: [&dyn rusqlite::ToSql; 5] = [
        &number.year,
        &number.seq,
        &old.entry_id,
        &old.official_no,
        &replaces,
    ];
    conn.execute(
        "INSERT INTO receipts (year, seq, entry_id, official_no, replaces) VALUES (?1, ?2, ?3, ?4, ?5)",
        &values[..],
    )?;
    collector.add("receipts", &values)?;
    super::people::keep_receipt_names(
        conn,
        collector,
        &mut std::iter::once((number.year, number.seq)),
    )?;
    Ok(number)
}

impl super::Sql<'_> {
    /// The ledger's name, printed on receipts and summaries.
    pub fn ledger_name(&self) -> Result<String> {
        Ok(super::meta_get(self.conn, "name")?.unwrap_or_else(|| "愛心基金".to_string()))
    }
}
