//! Chained records (DESIGN.md invariant 3, issue 14 item 5): every row a report
//! prints outside the journal is also in the hash chain. Each insert into a chained
//! table hands its values to the `Collector` of its write transaction; before the
//! commit the collected rows become one record (table `records`), hashed after the
//! last item of the chain, entry or record. `verify records` replays the records into
//! the tables they describe and compares them with what the tables hold.
//!
//! A table joins the chain by one line in `CHAINED_TABLES` (its key and its other
//! columns, in the order they are encoded) and one `Collector::add` call in its
//! insert function, with the same values it binds.
//!
//! Why our own encoding: the canonical bytes must not depend on how SQLite renders a
//! value, and a record is read back by this code alone. Each value is a type byte
//! (0 null, 1 integer, 2 real, 3 text, 4 blob) then 8 big-endian bytes or a u32
//! length and the bytes; a row is `u8 table code ‖ u32 key length ‖ u32 rest
//! length ‖ key ‖ rest`, the table code being the table's place in
//! `CHAINED_TABLES`; a payload is the rows in the order they were inserted. So a
//! million receipts cost 38 bytes each, written once, with no second copy.

use crate::error::message::{FindingMessage, RowFault, StoredColumn};
use crate::error::{Error, Result};
use crate::ledger::chain::{self, GENESIS, HASH_LENGTH, RecordFields};
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, ToSql, params};

/// A table whose rows are chained: its name, the columns of its primary key and
/// the others.
pub struct ChainedTable {
    pub name: &'static str,
    pub key: &'static [&'static str],
    pub columns: &'static [&'static str],
}

/// Every chained table. `daily_totals` and `guard_daily` are not here: they are
/// derived from the postings and recomputed by `verify totals`. A table's place in
/// this list is its code in every record written: add new tables at the end, and
/// never reorder or remove one.
pub const CHAINED_TABLES: &[ChainedTable] = &[
    ChainedTable {
        name: "meta",
        key: &["key"],
        columns: &["value"],
    },
    ChainedTable {
        name: "accounts",
        key: &["code"],
        columns: &["type", "name_zh_hant", "name_zh_hans", "name_en", "parent"],
    },
    ChainedTable {
        name: "funds",
        key: &["id"],
        columns: &[
            "alias",
            "name_zh_hant",
            "name_zh_hans",
            "name_en",
            "restricted",
            "program_account",
        ],
    },
    ChainedTable {
        name: "parties",
        key: &["id"],
        columns: &[
            "role",
            "type",
            "name",
            "phone",
            "id_hash",
            "id_last4",
            "school",
            "grade",
            "village",
            "members",
            "created_at",
        ],
    },
    ChainedTable {
        name: "receipts",
        key: &["year", "seq"],
        columns: &["entry_id", "official_no", "replaces"],
    },
    ChainedTable {
        name: "receipt_voids",
        key: &["year", "seq"],
        columns: &["reason", "voided_by", "voided_at"],
    },
    ChainedTable {
        name: "closed_years",
        key: &["year"],
        columns: &["entry_id", "last_entry", "closed_by", "closed_at"],
    },
    ChainedTable {
        name: "reconciliations",
        key: &["id"],
        columns: &[
            "account",
            "as_of",
            "statement_sha256",
            "statement_lines",
            "closing_balance_fen",
            "ledger_balance_fen",
            "adjusted_fen",
            "agrees",
            "recorded_by",
            "recorded_at",
        ],
    },
    ChainedTable {
        name: "cleared_postings",
        key: &["entry_id", "seq"],
        columns: &[
            "reconciliation_id",
            "statement_line",
            "statement_date",
            "amount_fen",
            "reference",
            "match_kind",
        ],
    },
    ChainedTable {
        name: "reconciliation_unmatched",
        key: &["reconciliation_id", "statement_line"],
        columns: &["date", "amount_fen", "reference", "description"],
    },
    // `config set` changes (migration 0006, after this chain began: empty until then).
    ChainedTable {
        name: "settings",
        key: &["id"],
        columns: &["key", "value", "set_by", "set_at"],
    },
    ChainedTable {
        name: "party_edits",
        key: &["id"],
        columns: &[
            "party_id",
            "type",
            "name",
            "phone",
            "id_hash",
            "id_last4",
            "school",
            "grade",
            "village",
            "members",
            "reason",
            "edited_by",
            "edited_at",
        ],
    },
    ChainedTable {
        name: "receipt_names",
        key: &["year", "seq"],
        columns: &["name"],
    },
    // Receipt signing keys' public halves (migration 0009); the secrets are not chained.
    ChainedTable {
        name: "signing_keys",
        key: &["id"],
        columns: &[
            "key_id",
            "public_key",
            "event",
            "reason",
            "recorded_by",
            "recorded_at",
        ],
    },
    ChainedTable {
        name: "party_merges",
        key: &["id"],
        columns: &["party_id", "into_id", "reason", "merged_by", "merged_at"],
    },
    ChainedTable {
        name: "party_publish",
        key: &["id"],
        columns: &["party_id", "publish", "reason", "set_by", "set_at"],
    },
    // Original documents (migration 0012): each attachment names its file's SHA-256;
    // the bytes are not chained, `verify attachments` hashes them.
    ChainedTable {
        name: "attachments",
        key: &["id"],
        columns: &[
            "entry_id",
            "sha256",
            "file_name",
            "size",
            "attached_by",
            "attached_at",
        ],
    },
    ChainedTable {
        name: "attachment_withdrawals",
        key: &["id"],
        columns: &["attachment_id", "reason", "withdrawn_by", "withdrawn_at"],
    },
    // Users and review decisions (migration 0013).
    ChainedTable {
        name: "user_records",
        key: &["id"],
        columns: &[
            "name",
            "event",
            "role",
            "password_hash",
            "recorded_by",
            "recorded_at",
        ],
    },
    ChainedTable {
        name: "recovery_codes",
        key: &["id"],
        columns: &["code_hash", "recorded_by", "recorded_at"],
    },
    ChainedTable {
        name: "approvals",
        key: &["entry_id"],
        columns: &["verdict", "note", "decided_by", "decided_at"],
    },
    // 受托代理 gifts and payouts (migration 0014): the beneficiary each is held for.
    ChainedTable {
        name: "entrusted",
        key: &["entry_id"],
        columns: &["beneficiary_id"],
    },
    // Public reports as published, each version with its 更正说明 (migration 0015).
    ChainedTable {
        name: "publications",
        key: &["id"],
        columns: &[
            "report",
            "year",
            "version",
            "sha256",
            "content",
            "correction",
            "published_by",
            "published_at",
        ],
    },
];

fn table_index(name: &str) -> usize {
    CHAINED_TABLES
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("{name} is not in CHAINED_TABLES"))
}

/// The rows one write transaction inserted into chained tables, encoded as the
/// record's payload.
#[derive(Default)]
pub struct Collector {
    payload: Vec<u8>,
}

impl Collector {
    /// Notes a row inserted into `table`: its key values, then its other columns,
    /// exactly as bound.
    pub fn add(&mut self, table: &str, values: &[&dyn ToSql]) -> Result<()> {
        let mut outputs = Vec::with_capacity(values.len());
        for v in values {
            outputs.push(v.to_sql()?);
        }
        let refs: Vec<ValueRef<'_>> = outputs.iter().map(output_ref).collect::<Result<_>>()?;
        self.add_values(table, &refs);
        Ok(())
    }

    /// `add` with the values already as SQLite holds them (the bulk path).
    pub fn add_values(&mut self, table: &str, values: &[ValueRef<'_>]) {
        let code = table_index(table);
        let spec = &CHAINED_TABLES[code];
        debug_assert_eq!(
            values.len(),
            spec.key.len() + spec.columns.len(),
            "a row of {table} has one value per chained column"
        );
        self.payload.push(code as u8);
        put_row(
            &mut self.payload,
            &values[..spec.key.len()],
            &values[spec.key.len()..],
        );
    }

    pub fn is_empty(&self) -> bool {
        self.payload.is_empty()
    }
}

fn output_ref<'a>(output: &'a ToSqlOutput<'a>) -> Result<ValueRef<'a>> {
    match output {
        ToSqlOutput::Borrowed(v) => Ok(*v),
        ToSqlOutput::Owned(v) => Ok(ValueRef::from(v)),
        _ => Err(Error::internal(
            "a chained value is not a plain SQLite value",
        )),
    }
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_be_bytes());
    out.extend_from_slice(bytes);
}

fn put_value(out: &mut Vec<u8>, value: ValueRef<'_>) {
    match value {
        ValueRef::Null => out.push(0),
        ValueRef::Integer(i) => {
            out.push(1);
            out.extend_from_slice(&i.to_be_bytes());
        }
        ValueRef::Real(f) => {
            out.push(2);
            out.extend_from_slice(&f.to_bits().to_be_bytes());
        }
        ValueRef::Text(t) => {
            out.push(3);
            put_bytes(out, t);
        }
        ValueRef::Blob(b) => {
            out.push(4);
            put_bytes(out, b);
        }
    }
}

fn put_row(out: &mut Vec<u8>, key: &[ValueRef<'_>], rest: &[ValueRef<'_>]) {
    let start = out.len();
    out.extend_from_slice(&[0; 8]);
    for v in key {
        put_value(out, *v);
    }
    let key_end = out.len();
    for v in rest {
        put_value(out, *v);
    }
    let key_len = (key_end - start - 8) as u32;
    let rest_len = (out.len() - key_end) as u32;
    out[start..start + 4].copy_from_slice(&key_len.to_be_bytes());
    out[start + 4..start + 8].copy_from_slice(&rest_len.to_be_bytes());
}

/// The head of the chain: the last entry's id (0 for none) and the hash of the last
/// item appended, entry or record (the ledger's fingerprint).
pub(super) fn chain_head(conn: &Connection) -> Result<(i64, [u8; HASH_LENGTH])> {
    let entry: Option<(i64, Vec<u8>)> = conn
        .prepare_cached("SELECT id, hash FROM entries ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let record: Option<(i64, Vec<u8>)> = conn
        .prepare_cached(
            "SELECT after_entry, hash FROM records ORDER BY after_entry DESC, id DESC LIMIT 1",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let head_id = entry.as_ref().map_or(0, |(id, _)| *id);
    let hash = match (entry, record) {
        (_, Some((after, hash))) if after >= head_id => hash,
        (Some((_, hash)), _) => hash,
        (None, _) => GENESIS.to_vec(),
    };
    Ok((head_id, hash.try_into().unwrap_or(GENESIS)))
}

/// Writes the collected rows as one record after `head` (the last entry's id and the
/// last item's hash); returns the record's hash, None when nothing was collected.
pub(super) fn append_record(
    conn: &Connection,
    collector: &Collector,
    head: (i64, [u8; HASH_LENGTH]),
    recorded_by: &str,
    recorded_at: &str,
) -> Result<Option<[u8; HASH_LENGTH]>> {
    if collector.is_empty() {
        return Ok(None);
    }
    let id: i64 = conn.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM records", [], |r| {
        r.get(0)
    })?;
    let payload = &collector.payload;
    let fields = RecordFields {
        id,
        after_entry: head.0,
        recorded_by,
        recorded_at,
        payload,
    };
    let hash = chain::record_hash(&head.1, &fields);
    // The payload goes straight into the row's pages: a bound blob would be copied
    // whole first (a big import's receipts are tens of MiB), and as the last column
    // its zeroblob placeholder is never spelled out in memory either.
    conn.execute(
        "INSERT INTO records (id, after_entry, recorded_by, recorded_at, hash, payload)
         VALUES (?1, ?2, ?3, ?4, ?5, zeroblob(?6))",
        params![
            id,
            head.0,
            recorded_by,
            recorded_at,
            hash.as_slice(),
            payload.len() as i64
        ],
    )?;
    let mut blob = conn.blob_open("main", "records", "payload", id, false)?;
    blob.write_at(payload, 0)?;
    blob.close()?;
    Ok(Some(hash))
}

/// The SELECT of a chained table's columns, key first, in key order. Only our own
/// column names are put in; nothing is bound.
fn select_sql(spec: &ChainedTable) -> String {
    let all: Vec<&str> = spec.key.iter().chain(spec.columns).copied().collect();
    format!(
        "SELECT {} FROM {} ORDER BY {}",
        all.join(", "),
        spec.name,
        spec.key.join(", ")
    )
}

/// What is shown of one encoded row: its key bytes and the rest.
type RowVisitor<'v> = dyn FnMut(&[u8], &[u8]) -> Result<()> + 'v;

/// Where a replayed row is: the index of its record and the offset of the row in
/// that record's payload. Eight bytes a row, so replaying a million receipts holds
/// 8 MB besides the payloads, not a map of them.
type RowAt = (u32, u32);

/// Visits every row of a chained table as (key bytes, rest bytes) in the encoding
/// of a record.
fn for_each_row(conn: &Connection, spec: &ChainedTable, visit: &mut RowVisitor<'_>) -> Result<()> {
    let mut stmt = conn.prepare(&select_sql(spec))?;
    let width = spec.key.len() + spec.columns.len();
    let mut rows = stmt.query([])?;
    let mut buffer = Vec::with_capacity(256);
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            values.push(row.get_ref(i)?);
        }
        buffer.clear();
        put_row(
            &mut buffer,
            &values[..spec.key.len()],
            &values[spec.key.len()..],
        );
        let key_len = u32::from_be_bytes(buffer[0..4].try_into().unwrap_or_default()) as usize;
        visit(&buffer[8..8 + key_len], &buffer[8 + key_len..])?;
    }
    Ok(())
}

/// The Rust step of migration 5: an older ledger's rows of every chained table go
/// into one record after its last entry, so the chain covers them from now on.
pub(super) fn record_existing_rows(conn: &Connection, recorded_at: &str) -> Result<()> {
    let mut collector = Collector::default();
    for (code, spec) in CHAINED_TABLES.iter().enumerate() {
        // A table a later migration makes holds nothing yet.
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [spec.name],
            |r| r.get(0),
        )?;
        if !exists {
            continue;
        }
        for_each_row(conn, spec, &mut |key, rest| {
            let rows = &mut collector.payload;
            rows.push(code as u8);
            rows.extend_from_slice(&(key.len() as u32).to_be_bytes());
            rows.extend_from_slice(&(rest.len() as u32).to_be_bytes());
            rows.extend_from_slice(key);
            rows.extend_from_slice(rest);
            Ok(())
        })?;
    }
    let head = chain_head(conn)?;
    append_record(conn, &collector, head, "lovefund (schema 5)", recorded_at)?;
    Ok(())
}

/// A record as stored, read leniently: a value of another type than lovefund writes
/// is read as empty and described in `malformed`.
#[derive(Clone, Debug)]
pub struct StoredRecord {
    pub id: i64,
    pub after_entry: i64,
    pub payload: Vec<u8>,
    pub recorded_by: String,
    pub recorded_at: String,
    pub hash: Vec<u8>,
    pub malformed: Option<crate::error::message::FindingMessage>,
}

/// Every record in chain order: by the entry it follows, then by id.
pub(super) fn records(conn: &Connection) -> Result<Vec<StoredRecord>> {
    let mut stmt = conn.prepare(
        "SELECT id, after_entry, typeof(payload), recorded_by, recorded_at, hash
         FROM records ORDER BY after_entry, id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let mut malformed = None;
        let mut note = |column: StoredColumn| {
            malformed.get_or_insert(FindingMessage::RecordValue { record: id, column });
        };
        let after_entry = match row.get_ref(1)? {
            ValueRef::Integer(i) => i,
            _ => {
                note(StoredColumn::EntryItFollows);
                0
            }
        };
        // The payload is read from the row's pages into one buffer: as a column
        // value SQLite would first hold it whole itself (tens of MiB for a big
        // import's receipts), and copying it out would hold it twice.
        let payload = match row.get_ref(2)? {
            ValueRef::Text(t) if t == b"blob" => {
                let blob = conn.blob_open("main", "records", "payload", id, true)?;
                let mut payload = vec![0u8; blob.len()];
                blob.read_at_exact(&mut payload, 0)?;
                payload
            }
            _ => {
                note(StoredColumn::Payload);
                Vec::new()
            }
        };
        let mut bytes = |index: usize, what: StoredColumn, text: bool| -> Result<Vec<u8>> {
            Ok(match row.get_ref(index)? {
                ValueRef::Blob(b) if !text => b.to_vec(),
                ValueRef::Text(t) if text && std::str::from_utf8(t).is_ok() => t.to_vec(),
                _ => {
                    note(what);
                    Vec::new()
                }
            })
        };
        let recorded_by =
            String::from_utf8(bytes(3, StoredColumn::Recorder, true)?).unwrap_or_default();
        let recorded_at =
            String::from_utf8(bytes(4, StoredColumn::RecordingTime, true)?).unwrap_or_default();
        let hash = bytes(5, StoredColumn::Hash, false)?;
        out.push(StoredRecord {
            id,
            after_entry,
            payload,
            recorded_by,
            recorded_at,
            hash,
            malformed,
        });
    }
    Ok(out)
}

/// A row of a chained table that is not the one the records hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub table: &'static str,
    /// The row's key, as `id 3` or `year 2022, seq 5`.
    pub key: String,
    pub problem: RowFault,
}

/// The rows of one payload as (table index, offset of the row), or None when it is
/// not a payload lovefund wrote.
fn payload_rows(payload: &[u8]) -> Option<Vec<(usize, usize)>> {
    let mut rows = Vec::new();
    let mut at = 0;
    while at < payload.len() {
        let (code, _, _, next) = row_at(payload, at)?;
        if code >= CHAINED_TABLES.len() {
            return None;
        }
        rows.push((code, at));
        at = next;
    }
    Some(rows)
}

/// The row that starts at `at` in a payload: (table index, key bytes, rest bytes,
/// where the next row starts), or None when the payload ends inside it.
fn row_at(payload: &[u8], at: usize) -> Option<(usize, &[u8], &[u8], usize)> {
    let u32_at = |from: usize| -> Option<usize> {
        let bytes: [u8; 4] = payload.get(from..from.checked_add(4)?)?.try_into().ok()?;
        Some(u32::from_be_bytes(bytes) as usize)
    };
    let code = usize::from(*payload.get(at)?);
    let key_len = u32_at(at + 1)?;
    let rest_len = u32_at(at + 5)?;
    let key_start = at + 9;
    let rest_start = key_start.checked_add(key_len)?;
    let end = rest_start.checked_add(rest_len)?;
    let key = payload.get(key_start..rest_start)?;
    let rest = payload.get(rest_start..end)?;
    Some((code, key, rest, end))
}

/// The encoded key of a row in words: `id 3`, `year 2022, seq 5`.
fn describe_key(spec: &ChainedTable, mut key: &[u8]) -> String {
    let mut parts = Vec::new();
    for column in spec.key {
        let Some((&kind, rest)) = key.split_first() else {
            break;
        };
        let (text, rest) = match kind {
            0 => ("null".to_string(), rest),
            1 | 2 if rest.len() >= 8 => {
                let bytes: [u8; 8] = rest[..8].try_into().unwrap_or_default();
                let text = match kind {
                    1 => i64::from_be_bytes(bytes).to_string(),
                    _ => f64::from_bits(u64::from_be_bytes(bytes)).to_string(),
                };
                (text, &rest[8..])
            }
            3 | 4 if rest.len() >= 4 => {
                let len = u32::from_be_bytes(rest[..4].try_into().unwrap_or_default()) as usize;
                let Some(bytes) = rest.get(4..4 + len) else {
                    break;
                };
                let text = match std::str::from_utf8(bytes) {
                    Ok(t) if kind == 3 => format!("{t:?}"),
                    _ => format!("x'{}'", hex::encode(bytes)),
                };
                (text, &rest[4 + len..])
            }
            _ => break,
        };
        parts.push(format!("{column} {text}"));
        key = rest;
    }
    parts.join(", ")
}

/// Replays the records into the rows each chained table should hold and compares
/// them with the rows it holds: a row changed, missing or in no record is a problem,
/// named by its table and key. Tables in `CHAINED_TABLES` order, rows in key order.
///
/// The replay does not copy rows: per table it sorts the places of the rows in the
/// payloads by key (a later record's row replacing an earlier one's), then looks up
/// each row the table holds there.
pub(super) fn row_problems(
    conn: &Connection,
    records: &[StoredRecord],
) -> Result<(Vec<FindingMessage>, Vec<RowProblem>)> {
    let mut damaged = Vec::new();
    let mut expected: Vec<Vec<RowAt>> = vec![Vec::new(); CHAINED_TABLES.len()];
    for (index, record) in records.iter().enumerate() {
        match payload_rows(&record.payload) {
            None => damaged.push(FindingMessage::RecordUnreadable { record: record.id }),
            // A payload is at most a blob's 2 GB, and a ledger holds fewer than 4
            // billion records: both fit in a u32.
            Some(rows) => {
                for (table, at) in rows {
                    expected[table].push((index as u32, at as u32));
                }
            }
        }
    }
    let row = |&(record, at): &RowAt| -> (&[u8], &[u8], i64) {
        let record = &records[record as usize];
        // Every place was read by `payload_rows`, so the row is whole.
        let (_, key, rest, _) = row_at(&record.payload, at as usize).unwrap_or_default();
        (key, rest, record.id)
    };
    let mut problems = Vec::new();
    for (index, spec) in CHAINED_TABLES.iter().enumerate() {
        let mut places = std::mem::take(&mut expected[index]);
        // Stable: among rows of one key, chain order stays, and the last one wins.
        places.sort_by(|a, b| row(a).0.cmp(row(b).0));
        let mut latest: Vec<RowAt> = Vec::with_capacity(places.len());
        for place in places {
            match latest.last_mut() {
                Some(last) if row(last).0 == row(&place).0 => *last = place,
                _ => latest.push(place),
            }
        }
        let mut seen = vec![false; latest.len()];
        let mut found: Vec<(Vec<u8>, RowFault)> = Vec::new();
        for_each_row(conn, spec, &mut |key, rest| {
            match latest.binary_search_by(|place| row(place).0.cmp(key)) {
                Ok(i) => {
                    seen[i] = true;
                    let (_, recorded, record) = row(&latest[i]);
                    if recorded != rest {
                        found.push((key.to_vec(), RowFault::Changed { record }));
                    }
                }
                Err(_) => found.push((key.to_vec(), RowFault::Added)),
            }
            Ok(())
        })?;
        for (place, _) in latest.iter().zip(&seen).filter(|(_, seen)| !**seen) {
            let (key, _, record) = row(place);
            found.push((key.to_vec(), RowFault::Deleted { record }));
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        problems.extend(found.into_iter().map(|(key, problem)| RowProblem {
            table: spec.name,
            key: describe_key(spec, &key),
            problem,
        }));
    }
    Ok((damaged, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_splits_back_into_the_rows_collected() {
        let mut collector = Collector::default();
        collector
            .add(
                "funds",
                &[&5i64, &"a", &"甲", &"甲", &"A", &true, &None::<String>],
            )
            .unwrap();
        collector.add("meta", &[&"name", &"愛心基金"]).unwrap();
        collector
            .add(
                "receipts",
                &[&2022i32, &7i64, &3i64, &None::<String>, &"2022-000001"],
            )
            .unwrap();
        let payload = collector.payload.clone();
        let rows: Vec<(usize, &[u8])> = payload_rows(&payload)
            .unwrap()
            .into_iter()
            .map(|(table, at)| (table, row_at(&payload, at).unwrap().1))
            .collect();
        let tables: Vec<&str> = rows.iter().map(|r| CHAINED_TABLES[r.0].name).collect();
        assert_eq!(tables, ["funds", "meta", "receipts"]);
        assert_eq!(describe_key(&CHAINED_TABLES[rows[0].0], rows[0].1), "id 5");
        assert_eq!(
            describe_key(&CHAINED_TABLES[rows[1].0], rows[1].1),
            "key \"name\""
        );
        assert_eq!(
            describe_key(&CHAINED_TABLES[rows[2].0], rows[2].1),
            "year 2022, seq 7"
        );
        // Cut anywhere, it is no payload.
        for cut in 1..payload.len() {
            let rows = payload_rows(&payload[..cut]);
            assert!(rows.is_none_or(|r| r.len() < 3), "cut at {cut}");
        }
    }

    #[test]
    fn the_table_codes_of_records_written_stay_as_they_are() {
        // A table's code is its place in the list: records hold it. New tables go
        // at the end of this list and of CHAINED_TABLES.
        let names: Vec<&str> = CHAINED_TABLES.iter().map(|t| t.name).collect();
        assert_eq!(
            names[..10],
            [
                "meta",
                "accounts",
                "funds",
                "parties",
                "receipts",
                "receipt_voids",
                "closed_years",
                "reconciliations",
                "cleared_postings",
                "reconciliation_unmatched",
            ]
        );
    }

    #[test]
    fn a_value_of_another_type_encodes_differently() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        put_row(&mut a, &[ValueRef::Integer(1)], &[ValueRef::Text(b"x")]);
        put_row(&mut b, &[ValueRef::Integer(1)], &[ValueRef::Blob(b"x")]);
        assert_ne!(a, b);
        let mut c = Vec::new();
        put_row(
            &mut c,
            &[ValueRef::Integer(1)],
            &[ValueRef::Text(b"x"), ValueRef::Null],
        );
        assert_ne!(a, c);
    }
}
