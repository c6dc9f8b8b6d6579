//! A statement too large to hold, and its matching, in a temporary database of its own:
//! the lines as read, the ledger's open items, and what each matching pass settled.
//! `reconcile` keeps its memory flat in the number of lines this way — the lines go
//! in as they are read, the passes take them out group by group (one reference and
//! amount, one amount and a run of dates) in sorted order, and the lists of the
//! result come out one row at a time for the renderer and the record.
//!
//! The database is SQLite's private temporary one (opened with an empty name): a file
//! in the system's temporary directory that no other connection can open, removed
//! when the spill is dropped; only its page cache is in memory. Not here: which lines
//! match (`reconcile::matching` settles each group), nor the ledger itself.

use crate::error::{Error, Result};
use crate::ledger::money::Money;
use crate::ledger::reconciliation::{Contender, LedgerItem, MatchKind, Settled, StatementLine};
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, Statement, params};

/// The page cache of the spill, in KiB (SQLite's default is 2,000).
const CACHE_KIB: i64 = 4096;

const SCHEMA: &str = "
    CREATE TABLE line (
        line INTEGER PRIMARY KEY,
        day INTEGER NOT NULL,
        amount INTEGER NOT NULL,
        reference TEXT NOT NULL,
        ref_key TEXT NOT NULL,
        description TEXT NOT NULL,
        canonical TEXT NOT NULL
    );
    CREATE TABLE item (
        rank INTEGER PRIMARY KEY,
        entry INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        day INTEGER NOT NULL,
        amount INTEGER NOT NULL,
        reference TEXT,
        ref_key TEXT NOT NULL,
        memo TEXT NOT NULL
    );
    CREATE TABLE line_done (
        line INTEGER PRIMARY KEY,
        item INTEGER,
        kind INTEGER NOT NULL,
        tie INTEGER
    );
    CREATE TABLE item_done (rank INTEGER PRIMARY KEY, tie INTEGER);
    CREATE TABLE tie (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, first_line INTEGER NOT NULL);
    CREATE INDEX line_done_tie ON line_done (tie, line) WHERE tie IS NOT NULL;
    CREATE INDEX item_done_tie ON item_done (tie, rank) WHERE tie IS NOT NULL;
    CREATE INDEX tie_order ON tie (first_line, id);
";

/// How many of each list the matching left.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpillCounts {
    pub lines: usize,
    pub matched: usize,
    pub statement_only: usize,
    pub ledger_only: usize,
    pub ties: usize,
    /// The rows of all ties together (their lines and items).
    pub tied_rows: usize,
}

/// A visit that stopped: the store failed (outer), or the visitor did (inner).
pub type Visited<E> = Result<std::result::Result<(), E>>;

pub struct Spill {
    conn: Connection,
    /// Lines and items added since the last commit.
    pending: usize,
    items: i64,
}

/// Rows added between commits while the spill fills.
const BATCH: usize = 10_000;

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn date_of(day: i64) -> Result<NaiveDate> {
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .ok_or_else(|| Error::internal("a spilled date out of range"))
}

fn kind_code(kind: MatchKind) -> i64 {
    match kind {
        MatchKind::Reference => 0,
        MatchKind::AmountDate => 1,
    }
}

fn kind_of(code: i64) -> MatchKind {
    match code {
        0 => MatchKind::Reference,
        _ => MatchKind::AmountDate,
    }
}

/// Ends a visit: a visitor's error stops it.
macro_rules! visit {
    ($call:expr) => {
        if let Err(e) = $call {
            return Ok(Err(e));
        }
    };
}

impl Spill {
    /// A new, empty spill.
    pub fn new() -> Result<Spill> {
        let conn = Connection::open("")?;
        conn.pragma_update(None, "journal_mode", "OFF")?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        conn.pragma_update(None, "temp_store", "FILE")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch("BEGIN")?;
        Ok(Spill {
            conn,
            pending: 0,
            items: 0,
        })
    }

    fn added(&mut self) -> Result<()> {
        self.pending += 1;
        if self.pending >= BATCH {
            self.conn.execute_batch("COMMIT; BEGIN")?;
            self.pending = 0;
        }
        Ok(())
    }

    /// Adds a statement line, with its canonical form (what the statement's
    /// fingerprint hashes, sorted). Line numbers are unique within a statement.
    pub fn add_line(&mut self, line: &StatementLine, canonical: &str) -> Result<()> {
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO line (line, day, amount, reference, ref_key, description, canonical)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let number = i64::try_from(line.line)
            .map_err(|_| Error::internal("a statement line number out of range"))?;
        insert.execute(params![
            number,
            day_number(line.date),
            line.amount.fen(),
            line.reference,
            line.reference.trim(),
            line.description,
            canonical,
        ])?;
        drop(insert);
        self.added()
    }

    /// Adds a ledger item; items come in date order (then entry and posting).
    pub fn add_item(&mut self, item: &LedgerItem) -> Result<()> {
        self.items += 1;
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO item (rank, entry, seq, day, amount, reference, ref_key, memo)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        insert.execute(params![
            self.items,
            item.posting_key.0,
            item.posting_key.1,
            day_number(item.date),
            item.amount.fen(),
            item.reference,
            item.reference.as_deref().map_or("", str::trim),
            item.memo,
        ])?;
        drop(insert);
        self.added()
    }

    /// Ends the filling: what was added is written.
    pub fn filled(&mut self) -> Result<()> {
        self.conn.execute_batch("COMMIT; BEGIN")?;
        self.pending = 0;
        Ok(())
    }

    /// The canonical forms of the lines in byte order, to `visit`.
    pub fn each_canonical(&self, visit: &mut dyn FnMut(&str)) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT canonical FROM line ORDER BY canonical")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            visit(text(row, 0)?);
        }
        Ok(())
    }

    /// One matching pass: the open lines and items, in groups that compete only
    /// among themselves, each group to `settle`, and what it settled recorded. By
    /// reference, a group is one reference (trimmed, not empty) and amount; by amount
    /// and date, one amount and a run of dates no more than `window_days` apart from
    /// one to the next.
    pub fn pass(
        &mut self,
        kind: MatchKind,
        window_days: i64,
        settle: &mut dyn FnMut(&[Contender], &[Contender]) -> Settled,
    ) -> Result<()> {
        let sql = match kind {
            // side, group key, amount, order key, day
            MatchKind::Reference => {
                "SELECT 0, ref_key, amount, line, day FROM line WHERE ref_key <> ''
                 UNION ALL
                 SELECT 1, ref_key, amount, rank, day FROM item WHERE ref_key <> ''
                 ORDER BY 2, 3, 1, 4"
            }
            MatchKind::AmountDate => {
                "SELECT 0, '', amount, line, day FROM line l
                   WHERE NOT EXISTS (SELECT 1 FROM line_done d WHERE d.line = l.line)
                 UNION ALL
                 SELECT 1, '', amount, rank, day FROM item i
                   WHERE NOT EXISTS (SELECT 1 FROM item_done d WHERE d.rank = i.rank)
                 ORDER BY 3, 5, 1, 4"
            }
        };
        let conn = &self.conn;
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        let mut group = Group::default();
        let mut record = Recorder::new(conn, kind)?;
        while let Some(row) = rows.next()? {
            let side: i64 = row.get(0)?;
            let key = text(row, 1)?;
            let amount: i64 = row.get(2)?;
            let id: i64 = row.get(3)?;
            let day: i64 = row.get(4)?;
            let same = match kind {
                MatchKind::Reference => group.key == key && group.amount == amount,
                MatchKind::AmountDate => {
                    group.amount == amount && day - group.last_day <= window_days
                }
            };
            if !same || group.is_empty() {
                group.settle(settle, &mut record)?;
                group.key.clear();
                group.key.push_str(key);
                group.amount = amount;
            }
            group.last_day = day;
            let member = Contender {
                id,
                date: date_of(day)?,
            };
            match side {
                0 => group.lines.push(member),
                _ => group.items.push(member),
            }
        }
        group.settle(settle, &mut record)?;
        Ok(())
    }

    /// How many of each list the matching left.
    pub fn counts(&self) -> Result<SpillCounts> {
        let count = |sql: &str| -> Result<usize> {
            let n: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        Ok(SpillCounts {
            lines: count("SELECT count(*) FROM line")?,
            matched: count("SELECT count(*) FROM line_done WHERE tie IS NULL")?,
            statement_only: count(
                "SELECT count(*) FROM line l
                 WHERE NOT EXISTS (SELECT 1 FROM line_done d WHERE d.line = l.line)",
            )?,
            ledger_only: count(
                "SELECT count(*) FROM item i
                 WHERE NOT EXISTS (SELECT 1 FROM item_done d WHERE d.rank = i.rank)",
            )?,
            ties: count("SELECT count(*) FROM tie")?,
            tied_rows: count("SELECT count(*) FROM line_done WHERE tie IS NOT NULL")?
                + count("SELECT count(*) FROM item_done WHERE tie IS NOT NULL")?,
        })
    }

    /// The matched pairs in statement line order.
    pub fn matched<E>(
        &self,
        visit: &mut dyn FnMut(&StatementLine, &LedgerItem, MatchKind) -> std::result::Result<(), E>,
    ) -> Visited<E> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {LINE}, {ITEM}, d.kind FROM line_done d
             JOIN line l ON l.line = d.line JOIN item i ON i.rank = d.item
             WHERE d.tie IS NULL ORDER BY d.line"
        ))?;
        let mut rows = stmt.query([])?;
        let (mut line, mut item) = (blank_line(), blank_item());
        while let Some(row) = rows.next()? {
            read_line(row, 0, &mut line)?;
            read_item(row, LINE_COLUMNS, &mut item)?;
            let kind = kind_of(row.get(LINE_COLUMNS + ITEM_COLUMNS)?);
            visit!(visit(&line, &item, kind));
        }
        Ok(Ok(()))
    }

    /// The lines no item matched or tied, in line order.
    pub fn statement_only<E>(
        &self,
        visit: &mut dyn FnMut(&StatementLine) -> std::result::Result<(), E>,
    ) -> Visited<E> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {LINE} FROM line l
             WHERE NOT EXISTS (SELECT 1 FROM line_done d WHERE d.line = l.line)
             ORDER BY l.line"
        ))?;
        each_line(&mut stmt, [], visit)
    }

    /// The items no line matched or tied, in date order.
    pub fn ledger_only<E>(
        &self,
        visit: &mut dyn FnMut(&LedgerItem) -> std::result::Result<(), E>,
    ) -> Visited<E> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ITEM} FROM item i
             WHERE NOT EXISTS (SELECT 1 FROM item_done d WHERE d.rank = i.rank)
             ORDER BY i.rank"
        ))?;
        each_item(&mut stmt, [], visit)
    }

    /// Each tie — its kind, lines (in line order) and items (in date order) — in the
    /// order of its first line.
    pub fn ties<E>(
        &self,
        visit: &mut dyn FnMut(
            MatchKind,
            Vec<StatementLine>,
            Vec<LedgerItem>,
        ) -> std::result::Result<(), E>,
    ) -> Visited<E> {
        let mut ties = self
            .conn
            .prepare("SELECT id, kind FROM tie ORDER BY first_line, id")?;
        let mut lines = self.conn.prepare(&format!(
            "SELECT {LINE} FROM line_done d JOIN line l ON l.line = d.line
             WHERE d.tie = ?1 ORDER BY d.line"
        ))?;
        let mut items = self.conn.prepare(&format!(
            "SELECT {ITEM} FROM item_done d JOIN item i ON i.rank = d.rank
             WHERE d.tie = ?1 ORDER BY d.rank"
        ))?;
        let mut rows = ties.query([])?;
        while let Some(row) = rows.next()? {
            let (id, kind): (i64, i64) = (row.get(0)?, row.get(1)?);
            let mut tied_lines = Vec::new();
            let mut found = lines.query([id])?;
            while let Some(row) = found.next()? {
                let mut line = blank_line();
                read_line(row, 0, &mut line)?;
                tied_lines.push(line);
            }
            let mut tied_items = Vec::new();
            let mut found = items.query([id])?;
            while let Some(row) = found.next()? {
                let mut item = blank_item();
                read_item(row, 0, &mut item)?;
                tied_items.push(item);
            }
            visit!(visit(kind_of(kind), tied_lines, tied_items));
        }
        Ok(Ok(()))
    }
}

/// The columns of a line, as `read_line` reads them.
const LINE: &str = "l.line, l.day, l.amount, l.reference, l.description";
const LINE_COLUMNS: usize = 5;
/// The columns of an item, as `read_item` reads them.
const ITEM: &str = "i.entry, i.seq, i.day, i.amount, i.reference, i.memo";
const ITEM_COLUMNS: usize = 6;

fn blank_line() -> StatementLine {
    StatementLine {
        line: 0,
        date: NaiveDate::MIN,
        amount: Money::ZERO,
        reference: String::new(),
        description: String::new(),
    }
}

fn blank_item() -> LedgerItem {
    LedgerItem {
        posting_key: (0, 0),
        date: NaiveDate::MIN,
        amount: Money::ZERO,
        reference: None,
        memo: String::new(),
    }
}

/// A text column, borrowed from the row.
fn text<'r>(row: &'r rusqlite::Row<'_>, at: usize) -> Result<&'r str> {
    row.get_ref(at)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(at, rusqlite::types::Type::Text, Box::new(e))
            .into()
    })
}

fn refill(buffer: &mut String, row: &rusqlite::Row<'_>, at: usize) -> Result<()> {
    buffer.clear();
    buffer.push_str(text(row, at)?);
    Ok(())
}

fn read_line(row: &rusqlite::Row<'_>, at: usize, line: &mut StatementLine) -> Result<()> {
    line.line = row.get::<_, i64>(at)?.unsigned_abs();
    line.date = date_of(row.get(at + 1)?)?;
    line.amount = Money::from_fen(row.get(at + 2)?);
    refill(&mut line.reference, row, at + 3)?;
    refill(&mut line.description, row, at + 4)
}

fn read_item(row: &rusqlite::Row<'_>, at: usize, item: &mut LedgerItem) -> Result<()> {
    item.posting_key = (row.get(at)?, row.get(at + 1)?);
    item.date = date_of(row.get(at + 2)?)?;
    item.amount = Money::from_fen(row.get(at + 3)?);
    item.reference = row.get(at + 4)?;
    refill(&mut item.memo, row, at + 5)
}

fn each_line<E, P: rusqlite::Params>(
    stmt: &mut Statement<'_>,
    params: P,
    visit: &mut dyn FnMut(&StatementLine) -> std::result::Result<(), E>,
) -> Visited<E> {
    let mut rows = stmt.query(params)?;
    let mut line = blank_line();
    while let Some(row) = rows.next()? {
        read_line(row, 0, &mut line)?;
        visit!(visit(&line));
    }
    Ok(Ok(()))
}

fn each_item<E, P: rusqlite::Params>(
    stmt: &mut Statement<'_>,
    params: P,
    visit: &mut dyn FnMut(&LedgerItem) -> std::result::Result<(), E>,
) -> Visited<E> {
    let mut rows = stmt.query(params)?;
    let mut item = blank_item();
    while let Some(row) = rows.next()? {
        read_item(row, 0, &mut item)?;
        visit!(visit(&item));
    }
    Ok(Ok(()))
}

/// The members of the group being gathered.
#[derive(Default)]
struct Group {
    key: String,
    amount: i64,
    last_day: i64,
    lines: Vec<Contender>,
    items: Vec<Contender>,
}

impl Group {
    fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.items.is_empty()
    }

    /// Settles the group, if it has both lines and items, and empties it.
    fn settle(
        &mut self,
        settle: &mut dyn FnMut(&[Contender], &[Contender]) -> Settled,
        record: &mut Recorder<'_>,
    ) -> Result<()> {
        if !self.lines.is_empty() && !self.items.is_empty() {
            // Sorted by side, then by day: lines in line order, items in date order.
            self.lines.sort_by_key(|c| c.id);
            self.items.sort_by_key(|c| c.id);
            record.settled(&settle(&self.lines, &self.items))?;
        }
        self.lines.clear();
        self.items.clear();
        Ok(())
    }
}

/// Writes what a pass settled.
struct Recorder<'c> {
    conn: &'c Connection,
    kind: i64,
    pair_line: Statement<'c>,
    pair_item: Statement<'c>,
    tie: Statement<'c>,
    tie_line: Statement<'c>,
    tie_item: Statement<'c>,
}

impl<'c> Recorder<'c> {
    fn new(conn: &'c Connection, kind: MatchKind) -> Result<Recorder<'c>> {
        Ok(Recorder {
            conn,
            kind: kind_code(kind),
            pair_line: conn.prepare(
                "INSERT INTO line_done (line, item, kind, tie) VALUES (?1, ?2, ?3, NULL)",
            )?,
            pair_item: conn.prepare("INSERT INTO item_done (rank, tie) VALUES (?1, NULL)")?,
            tie: conn.prepare("INSERT INTO tie (kind, first_line) VALUES (?1, ?2)")?,
            tie_line: conn.prepare(
                "INSERT INTO line_done (line, item, kind, tie) VALUES (?1, NULL, ?2, ?3)",
            )?,
            tie_item: conn.prepare("INSERT INTO item_done (rank, tie) VALUES (?1, ?2)")?,
        })
    }

    fn settled(&mut self, settled: &Settled) -> Result<()> {
        for (line, item) in &settled.pairs {
            self.pair_line.execute(params![line, item, self.kind])?;
            self.pair_item.execute([item])?;
        }
        for (lines, items) in &settled.ties {
            let first = lines.first().copied().unwrap_or_default();
            self.tie.execute(params![self.kind, first])?;
            let tie = self.conn.last_insert_rowid();
            for line in lines {
                self.tie_line.execute(params![line, self.kind, tie])?;
            }
            for item in items {
                self.tie_item.execute(params![item, tie])?;
            }
        }
        Ok(())
    }
}
