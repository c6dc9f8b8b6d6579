//! Appending to the journal and reading it back. The `Appender` is the only writer of
//! entries and postings: it extends the hash chain, keeps the derived daily totals,
//! and refuses any entry that would make a fund, cash, bank or e-wallet balance
//! negative on its date or any later one (entries on one date apply in recording
//! order). Everything it writes belongs to the caller's transaction.

use super::chart::{load_accounts, load_funds};
use super::records::{self, Collector};
use crate::error::message::StoreMessage;
use crate::error::message::{FindingMessage, StoredColumn, StoredValue};
use crate::error::{Error, Result};
use crate::ledger::account::AccountCode;
use crate::ledger::append::{
    AppendState, Appended, BATCH_ENTRIES, DayTotal, LatestDate, Pending, Stamp, Start,
};
use crate::ledger::entry::{EntryDetails, EntryKind, NewEntry, Posting, StoredEntry};
use crate::ledger::fund::{FundId, Funds};
use crate::ledger::guard::{Subject, SubjectDays};
use crate::ledger::money::Money;
use crate::ledger::settings::Setting;
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};

/// Batches in flight between the two threads of a pipelined import.
const PIPELINE_BATCHES_MAX: usize = 16;

/// Rows per multi-row INSERT in bulk mode. The inserts are `OR ROLLBACK`: any
/// failure ends the whole transaction (as a failed command must), which also spares
/// SQLite a statement journal per INSERT — the largest cost of a big import.
const INSERT_BATCH_ROWS: usize = BATCH_ENTRIES;
/// Indexes every imported row updates (by account, by reference), which a big
/// import builds once at the end instead.
const BULK_REBUILT_INDEXES: [&str; 2] = ["postings_account", "entries_reference"];
/// The cache while those indexes are built (negative: KiB), which bounds the sort's
/// memory.
const SORT_CACHE_KIB: i64 = -16 * 1024;
const ENTRY_INSERT: &str = "INSERT OR ROLLBACK INTO entries (id, date, kind, memo, party_id, method, reference, \
     reverses, reason, recorded_by, recorded_at, hash) VALUES ";
const POSTING_INSERT: &str =
    "INSERT OR ROLLBACK INTO postings (entry_id, seq, account, fund_id, amount_fen) VALUES ";
const RECEIPT_INSERT: &str =
    "INSERT OR ROLLBACK INTO receipts (year, seq, entry_id, official_no) VALUES ";

/// A multi-row INSERT: the statement with `rows` groups of `columns` placeholders.
/// Only placeholders are generated; every value is bound.
fn batch_sql(insert: &str, columns: usize, rows: usize) -> String {
    let group = format!("({})", vec!["?"; columns].join(", "));
    format!("{insert}{}", vec![group; rows].join(", "))
}

/// The full-batch statements, built once: most flushes use them.
struct BatchSql {
    entries: String,
    postings: String,
    receipts: String,
}

impl BatchSql {
    fn get(insert: &str, columns: usize, rows: usize) -> std::borrow::Cow<'static, str> {
        static FULL: std::sync::OnceLock<BatchSql> = std::sync::OnceLock::new();
        let full = FULL.get_or_init(|| BatchSql {
            entries: batch_sql(ENTRY_INSERT, 12, INSERT_BATCH_ROWS),
            postings: batch_sql(POSTING_INSERT, 5, INSERT_BATCH_ROWS),
            receipts: batch_sql(RECEIPT_INSERT, 4, INSERT_BATCH_ROWS),
        });
        match (rows == INSERT_BATCH_ROWS, insert) {
            (true, ENTRY_INSERT) => full.entries.as_str().into(),
            (true, POSTING_INSERT) => full.postings.as_str().into(),
            (true, RECEIPT_INSERT) => full.receipts.as_str().into(),
            _ => batch_sql(insert, columns, rows).into(),
        }
    }
}

/// Appends entries within one transaction; call `finish` before committing.
/// SQL happens here; the checks, the hash chain and the derived totals live in
/// `AppendState` (ledger/append.rs), which a bulk import runs on a second thread
/// (see `pipeline`).
pub struct Appender<'t> {
    tx: &'t Transaction<'t>,
    state: AppendState,
    /// Definitions of indexes dropped for a bulk import, to build in `finish`.
    indexes_to_build: Vec<String>,
    /// Bulk mode: rows go to SQLite in batches of `INSERT_BATCH_ROWS`.
    bulk: bool,
    /// `finish` has written the derived totals (once: they are added, not set).
    finished: bool,
    /// The chained rows inserted so far, recorded by `finish`.
    collector: Collector,
}

impl<'t> Appender<'t> {
    pub fn new(tx: &'t Transaction<'t>, stamp: &Stamp<'_>) -> Result<Self> {
        let (head_id, head_hash) = records::chain_head(tx)?;
        let start = Start {
            head: Some((head_id, head_hash)),
            accounts: load_accounts(tx)?
                .into_iter()
                .map(|a| (a.code.as_str().to_string(), a.account_type))
                .collect(),
            funds: load_funds(tx)?,
            closed_through: super::periods::closed_through(tx)?,
            latest_date: Some(LatestDate {
                today: stamp.today,
                days: Setting::days(
                    super::settings::setting(tx, Setting::FutureDaysMax.key())?
                        .as_ref()
                        .map(|c| c.value.as_str()),
                ),
            }),
        };
        Ok(Appender {
            tx,
            state: AppendState::new(start, stamp.recorded_by, stamp.recorded_at),
            indexes_to_build: Vec::new(),
            bulk: false,
            finished: false,
            collector: Collector::default(),
        })
    }

    /// The funds as loaded when the unit of work began (`Read::funds` reads them
    /// again).
    pub fn loaded_funds(&self) -> &Funds {
        self.state.funds()
    }

    pub fn head_id(&self) -> i64 {
        self.state.head_id()
    }

    /// Refuses a date after the latest allowed (`AppendState::check_date_ahead`).
    pub fn check_date_ahead(&self, date: NaiveDate) -> Result<()> {
        self.state.check_date_ahead(date)
    }

    /// `UnitOfWork::append`.
    pub(super) fn append_entry(&mut self, entry: &NewEntry) -> Result<Appended> {
        self.load_guards(entry)?;
        self.load_sums(entry)?;
        let appended = self.state.append(entry)?;
        self.flush_if_due()?;
        Ok(appended)
    }

    /// Loads the guarded balances an entry touches that are not in memory yet.
    fn load_guards(&mut self, entry: &NewEntry) -> Result<()> {
        for subject in self.state.guards_to_load(entry) {
            let days = load_guard(self.tx, &subject.key())?;
            self.state.load_guard(subject, days);
        }
        Ok(())
    }

    /// Loads the stored daily totals of the accounts and funds an entry posts to that
    /// are not in memory yet (for the amount bound).
    fn load_sums(&mut self, entry: &NewEntry) -> Result<()> {
        for (account, fund) in self.state.sums_to_load(entry) {
            let mut stmt = self.tx.prepare_cached(
                "SELECT date, debit_fen, credit_fen FROM daily_totals
                 WHERE account = ?1 AND fund_id = ?2",
            )?;
            let mut days = Vec::new();
            let mut rows = stmt.query(params![account, fund.0])?;
            while let Some(row) = rows.next()? {
                let date = parse_date(&row.get::<_, String>(0)?)?;
                days.push((date, day_total(row.get(1)?, row.get(2)?)));
            }
            self.state.load_sums(&account, fund, days)?;
        }
        Ok(())
    }

    /// Loads every guarded balance, receipt sequence and daily total, so appends need
    /// no SQL.
    fn load_all(&mut self) -> Result<()> {
        let mut guards = Vec::new();
        let mut stmt = self.tx.prepare(
            "SELECT subject, date, delta_fen, min_prefix_fen FROM guard_daily ORDER BY subject, date",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let Some(subject) = Subject::from_key(&key) else {
                return Err(Error::verify(StoreMessage::UnknownGuard {
                    key: key.as_str().into(),
                }));
            };
            let date = parse_date(&row.get::<_, String>(1)?)?;
            guards.push((subject, date, row.get(2)?, row.get(3)?));
        }
        let mut stmt = self
            .tx
            .prepare("SELECT year, MAX(seq) FROM receipts GROUP BY year")?;
        let seqs = stmt.query_map([], |r| Ok((r.get::<_, i32>(0)?, r.get::<_, i64>(1)?)))?;
        let seqs = seqs.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self
            .tx
            .prepare("SELECT account, fund_id, date, debit_fen, credit_fen FROM daily_totals")?;
        let mut day_totals = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let date = parse_date(&row.get::<_, String>(2)?)?;
            let day = day_total(row.get(3)?, row.get(4)?);
            day_totals.push((row.get(0)?, FundId(row.get(1)?), date, day));
        }
        self.state.load_all(guards, seqs, day_totals)
    }

    /// Runs `work` on a second thread with the append state — checks, hash chain,
    /// row building — while this thread writes each batch it hands over, so the two
    /// cores share a big import. Everything stays in this thread's transaction.
    pub fn pipeline<R: Send>(
        &mut self,
        work: impl FnOnce(&mut AppendState, &mut dyn FnMut(Pending)) -> R + Send,
    ) -> Result<R> {
        self.load_all()?;
        self.flush()?;
        let mut state = std::mem::take(&mut self.state);
        let (recorded_by, recorded_at) = (
            state.recorded_by().to_string(),
            state.recorded_at().to_string(),
        );
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Pending>(PIPELINE_BATCHES_MAX);
        let tx = self.tx;
        let collector = &mut self.collector;
        let (joined, failure) = std::thread::scope(|scope| {
            let worker = scope.spawn(move || {
                let mut hand_over = |batch: Pending| {
                    // A closed channel means the writer failed; it reports why.
                    let _ = sender.send(batch);
                };
                let result = work(&mut state, &mut hand_over);
                (state, result)
            });
            let mut failure = None;
            for batch in receiver.iter() {
                if failure.is_none()
                    && let Err(e) = write_pending(tx, collector, batch, &recorded_by, &recorded_at)
                {
                    failure = Some(e);
                }
            }
            (worker.join(), failure)
        });
        let (state, result) =
            joined.map_err(|_| Error::failed(crate::error::message::IoMessage::WorkerStopped))?;
        self.state = state;
        match failure {
            Some(e) => Err(e),
            None => Ok(result),
        }
    }

    fn flush_if_due(&mut self) -> Result<()> {
        if !self.bulk || self.state.pending_entries() >= INSERT_BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }
}

impl Appender<'_> {
    /// Bulk mode (imports): rows are written in multi-row INSERTs, and the caller
    /// has checked references itself, so a clash is not explained per entry. With
    /// `rebuild_indexes` (an import at least as big as the journal), the indexes
    /// that every row would update are dropped now and built once by `finish`:
    /// sorting the rows at the end beats keeping the b-trees ordered row by row.
    /// Both happen inside the caller's transaction, so a failure or a crash leaves
    /// the indexes as they were.
    pub fn set_bulk(&mut self, rebuild_indexes: bool) -> Result<()> {
        self.bulk = true;
        // Checked at COMMIT instead of per statement, so SQLite needs no statement
        // journal for each multi-row INSERT.
        self.tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        if rebuild_indexes {
            for name in BULK_REBUILT_INDEXES {
                let sql: String = self.tx.query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )?;
                // `name` is one of our constants; identifiers cannot be bound.
                self.tx.execute_batch(&format!("DROP INDEX {name}"))?;
                self.indexes_to_build.push(sql);
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let pending = self.state.take_pending();
        write_pending(
            self.tx,
            &mut self.collector,
            pending,
            self.state.recorded_by(),
            self.state.recorded_at(),
        )
    }

    /// Writes what is queued, the indexes `set_bulk` dropped (from their own
    /// definitions, so the schema comes back byte for byte) and the derived totals;
    /// the caller commits afterwards.
    pub fn finish(&mut self) -> Result<()> {
        if self.finished {
            return Ok(());
        }
        self.finished = true;
        self.flush()?;
        debug_assert_eq!(
            self.state.pending_entries(),
            0,
            "every queued row is written"
        );
        debug_assert_eq!(
            self.tx
                .query_row("SELECT COALESCE(MAX(id), 0) FROM entries", [], |r| r
                    .get::<_, i64>(0))
                .ok(),
            Some(self.state.head_id()),
            "the journal read back ends at the append state's head"
        );
        if !self.indexes_to_build.is_empty() {
            // SQLite sorts in memory up to the cache size, then in temporary files:
            // a small cache and real files keep a million-entry rebuild from adding
            // 100 MiB to the import's peak memory.
            let cache: i64 = self
                .tx
                .pragma_query_value(None, "cache_size", |r| r.get(0))?;
            self.tx.pragma_update(None, "temp_store", "FILE")?;
            self.tx.pragma_update(None, "cache_size", SORT_CACHE_KIB)?;
            for sql in &self.indexes_to_build {
                self.tx.execute_batch(sql)?;
            }
            self.tx.pragma_update(None, "cache_size", cache)?;
            self.tx.pragma_update(None, "temp_store", "MEMORY")?;
        }
        write_derived(self.tx, &self.state)?;
        // Last, after every entry of the transaction: the record follows them.
        let head = (self.state.head_id(), self.state.head_hash());
        records::append_record(
            self.tx,
            &self.collector,
            head,
            self.state.recorded_by(),
            self.state.recorded_at(),
        )?;
        Ok(())
    }
}

/// Writes queued rows in multi-row INSERTs.
fn write_pending(
    tx: &Transaction<'_>,
    collector: &mut Collector,
    pending: Pending,
    recorded_by: &str,
    recorded_at: &str,
) -> Result<()> {
    let single = pending.entries.len() == 1;
    for chunk in pending.entries.chunks(INSERT_BATCH_ROWS) {
        let mut stmt = tx.prepare_cached(&BatchSql::get(ENTRY_INSERT, 12, chunk.len()))?;
        let mut i = 0;
        let mut bind = |v: &dyn rusqlite::ToSql| {
            i += 1;
            stmt.raw_bind_parameter(i, v)
        };
        for r in chunk {
            let d = &r.details;
            bind(&r.id)?;
            bind(&r.date)?;
            bind(&r.kind)?;
            bind(&r.memo)?;
            bind(&d.party_id)?;
            bind(&d.method)?;
            bind(&d.reference)?;
            bind(&d.reverses)?;
            bind(&d.reason)?;
            bind(&recorded_by)?;
            bind(&recorded_at)?;
            bind(&r.hash)?;
        }
        stmt.raw_execute().map_err(|e| match single {
            true => unique_error(e, &chunk[0].details),
            false => e.into(),
        })?;
    }
    for chunk in pending.postings.chunks(INSERT_BATCH_ROWS) {
        let mut stmt = tx.prepare_cached(&BatchSql::get(POSTING_INSERT, 5, chunk.len()))?;
        let mut i = 0;
        for r in chunk {
            for v in [
                &r.entry_id as &dyn rusqlite::ToSql,
                &r.seq,
                &r.account,
                &r.fund_id,
                &r.amount_fen,
            ] {
                i += 1;
                stmt.raw_bind_parameter(i, v)?;
            }
        }
        stmt.raw_execute()?;
    }
    for chunk in pending.receipts.chunks(INSERT_BATCH_ROWS) {
        let mut stmt = tx.prepare_cached(&BatchSql::get(RECEIPT_INSERT, 4, chunk.len()))?;
        let mut i = 0;
        for r in chunk {
            for v in [
                &r.year as &dyn rusqlite::ToSql,
                &r.seq,
                &r.entry_id,
                &r.official_no,
            ] {
                i += 1;
                stmt.raw_bind_parameter(i, v)?;
            }
        }
        stmt.raw_execute()?;
        for r in chunk {
            use rusqlite::types::ValueRef;
            collector.add_values(
                "receipts",
                &[
                    ValueRef::Integer(r.year.into()),
                    ValueRef::Integer(r.seq),
                    ValueRef::Integer(r.entry_id),
                    r.official_no
                        .as_deref()
                        .map_or(ValueRef::Null, ValueRef::from),
                    ValueRef::Null,
                ],
            );
        }
    }
    if !pending.receipts.is_empty() {
        super::people::keep_receipt_names(
            tx,
            collector,
            &mut pending.receipts.iter().map(|r| (r.year, r.seq)),
        )?;
    }
    Ok(())
}

/// Writes the derived daily totals and guard days of everything appended.
fn write_derived(tx: &Transaction<'_>, state: &AppendState) -> Result<()> {
    let mut upsert_total = tx.prepare_cached(
        "INSERT INTO daily_totals (account, fund_id, date, debit_fen, credit_fen)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (account, fund_id, date) DO UPDATE
             SET debit_fen = debit_fen + excluded.debit_fen,
                 credit_fen = credit_fen + excluded.credit_fen",
    )?;
    for (account, fund, date, t) in state.day_totals() {
        upsert_total.execute(params![
            account,
            fund.0,
            crate::ledger::date::iso(date),
            t.debit_fen,
            t.credit_fen
        ])?;
    }
    let mut upsert_guard = tx.prepare_cached(
        "INSERT OR REPLACE INTO guard_daily (subject, date, delta_fen, min_prefix_fen)
             VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (key, date, delta, min_prefix) in state.changed_guard_days() {
        upsert_guard.execute(params![
            key,
            crate::ledger::date::iso(date),
            delta,
            min_prefix
        ])?;
    }
    Ok(())
}

fn unique_error(e: rusqlite::Error, details: &EntryDetails) -> Error {
    if let rusqlite::Error::SqliteFailure(f, Some(message)) = &e
        && f.code == rusqlite::ErrorCode::ConstraintViolation
    {
        if message.contains("entries.reverses") {
            return Error::conflict(StoreMessage::ReversedOnce {
                id: details.reverses.unwrap_or_default(),
            });
        }
        if message.contains("entries.reference") {
            return Error::conflict(StoreMessage::ReferenceUsed {
                reference: details.reference.as_deref().unwrap_or_default().into(),
            });
        }
    }
    e.into()
}

fn day_total(debit_fen: i64, credit_fen: i64) -> DayTotal {
    DayTotal {
        debit_fen,
        credit_fen,
    }
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
    stored_date(text)
        .ok_or_else(|| Error::verify(StoreMessage::MalformedDate { text: text.into() }))
}

/// A stored `YYYY-MM-DD` date: the strict parser first (chrono's strftime parsing is a
/// tenth of a million-entry scan), then chrono's for any other valid date.
fn stored_date(text: &str) -> Option<NaiveDate> {
    crate::ledger::date::parse_date("date", text)
        .ok()
        .or_else(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
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
/// so a malformed value (a bad date or kind, or a column holding another type than the
/// schema says, which SQLite allows) is reported beside the entry rather than as an
/// error, and read as empty.
pub(super) fn entry_from_row(
    row: &rusqlite::Row<'_>,
) -> rusqlite::Result<(StoredEntry, Option<FindingMessage>)> {
    let id: i64 = row.get(0)?;
    let mut malformed = None;
    let mut column = Lenient {
        row,
        id,
        malformed: &mut malformed,
    };
    let date_text: String = column.get(1, StoredColumn::Date);
    let kind_text: String = column.get(2, StoredColumn::Kind);
    let memo = column.get(3, StoredColumn::Memo);
    let details = EntryDetails {
        party_id: column.get(4, StoredColumn::Party),
        method: column.get(5, StoredColumn::Method),
        reference: column.get(6, StoredColumn::Reference),
        reverses: column.get(7, StoredColumn::ReversalLink),
        reason: column.get(8, StoredColumn::Reason),
    };
    let recorded_by = column.get(9, StoredColumn::Recorder);
    let recorded_at = column.get(10, StoredColumn::RecordingTime);
    let hash = column.get(11, StoredColumn::Hash);
    let date = stored_date(&date_text);
    let kind = EntryKind::parse(&kind_text);
    let problem = match (date, kind) {
        (None, _) => Some(FindingMessage::MalformedDate {
            entry: id,
            text: date_text.as_str().into(),
        }),
        (_, None) => Some(FindingMessage::UnknownKind {
            entry: id,
            text: kind_text.as_str().into(),
        }),
        _ => None,
    };
    let entry = StoredEntry {
        id,
        date: date.unwrap_or_default(),
        kind: kind.unwrap_or(EntryKind::Manual),
        memo,
        details,
        recorded_by,
        recorded_at,
        postings: Vec::new(),
        hash,
    };
    Ok((entry, malformed.or(problem)))
}

/// A posting as stored, read leniently like `entry_from_row`: a value of the wrong
/// type (an amount with a fraction of a fen, say) is noted in `malformed`.
pub(super) fn lenient_posting(
    row: &rusqlite::Row<'_>,
    first: usize,
    id: i64,
    malformed: &mut Option<FindingMessage>,
) -> Posting {
    let mut column = Lenient { row, id, malformed };
    Posting {
        account: AccountCode::from_stored(column.get(first, StoredColumn::PostingAccount)),
        fund: FundId(column.get(first + 1, StoredColumn::PostingFund)),
        amount: Money::from_fen(column.get(first + 2, StoredColumn::PostingAmount)),
    }
}

/// Reads the columns of one stored entry, keeping the first that is not of its type.
struct Lenient<'r, 'm> {
    row: &'r rusqlite::Row<'r>,
    id: i64,
    malformed: &'m mut Option<FindingMessage>,
}

impl Lenient<'_, '_> {
    fn get<T: rusqlite::types::FromSql + Default>(
        &mut self,
        index: usize,
        column: StoredColumn,
    ) -> T {
        self.row.get(index).unwrap_or_else(|_| {
            let id = self.id;
            use rusqlite::types::Type;
            let stored = match self.row.get_ref(index).map(|v| v.data_type()) {
                Ok(Type::Text) => StoredValue::NotUtf8,
                Ok(Type::Null) => StoredValue::Null,
                Ok(Type::Integer) => StoredValue::Integer,
                Ok(Type::Real) => StoredValue::Real,
                Ok(Type::Blob) => StoredValue::Blob,
                Err(_) => StoredValue::Unreadable,
            };
            self.malformed.get_or_insert(FindingMessage::EntryValue {
                entry: id,
                stored,
                column,
            });
            T::default()
        })
    }
}

impl Appender<'_> {
    /// `UnitOfWork::donation`.
    pub(super) fn append_donation(
        &mut self,
        entry: &NewEntry,
        official_no: Option<&str>,
    ) -> Result<(Appended, String)> {
        self.load_guards(entry)?;
        self.load_sums(entry)?;
        let year = chrono::Datelike::year(&entry.date);
        if self.state.receipt_seq_to_load(year) {
            let last = super::people::next_receipt_seq(self.tx, year)? - 1;
            self.state.load_receipt_seq(year, last);
        }
        let issued = self.state.donation(entry, official_no)?;
        self.flush_if_due()?;
        Ok(issued)
    }

    /// The transaction, for the tables beside the journal, with the collector their
    /// chained rows go to. Queued journal rows are written first, so what is read
    /// through it is up to date.
    pub(super) fn transaction(&mut self) -> Result<(&Transaction<'_>, &mut Collector)> {
        self.flush()?;
        Ok((self.tx, &mut self.collector))
    }

    pub fn recorded_at(&self) -> &str {
        self.state.recorded_at()
    }
}

impl super::read::sealed::Sqlite for Appender<'_> {
    fn connection(&self) -> &Connection {
        debug_assert_eq!(
            self.state.pending_entries(),
            0,
            "a read inside a unit of work sees every entry appended before it"
        );
        self.tx
    }

    fn reopen(&self) -> Option<(std::path::PathBuf, bool)> {
        None
    }
}
