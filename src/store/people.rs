//! Donors and beneficiaries (table `parties`), the per-ledger identity key, and
//! receipt numbers.

use super::records::Collector;
use super::{meta_get, meta_set};
use crate::error::message::{LedgerMessage, OpsMessage, StoreMessage};
use crate::error::{Error, Field, Result};
use crate::ledger::party::{
    ANONYMOUS_DONOR, NewParty, Party, PartyEdit, PartyEditRecord, PartyMergeRecord, PartyType, Role,
};
use rusqlite::{Connection, OptionalExtension, params};

/// The party columns in the order `party_from_row` reads them (a macro so that
/// queries stay string literals).
macro_rules! select_party {
    () => {
        "SELECT id, role, type, name, phone, id_last4, school, grade, village, members FROM parties_now"
    };
}

fn party_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Party> {
    let role: String = row.get(1)?;
    let party_type: String = row.get(2)?;
    Ok(Party {
        id: row.get(0)?,
        role: if role == "donor" {
            Role::Donor
        } else {
            Role::Beneficiary
        },
        party_type: PartyType::parse(&party_type).unwrap_or(PartyType::Person),
        name: row.get(3)?,
        phone: row.get(4)?,
        id_last4: row.get(5)?,
        school: row.get(6)?,
        grade: row.get(7)?,
        village: row.get(8)?,
        members: row.get(9)?,
    })
}

/// The ledger's random key for hashing identity numbers, made on first use.
pub(super) fn identity_key(conn: &Connection, collector: &mut Collector) -> Result<Vec<u8>> {
    if let Some(hex_key) = meta_get(conn, "identity_key")? {
        return hex::decode(hex_key).map_err(|_| Error::verify(LedgerMessage::IdentityKeyDamaged));
    }
    let mut key = vec![0u8; 32];
    getrandom::fill(&mut key)
        .map_err(|e| Error::io_said(crate::error::message::IoMessage::Random, e))?;
    meta_set(conn, collector, "identity_key", &hex::encode(&key))?;
    Ok(key)
}

pub(super) fn insert_party(
    conn: &Connection,
    collector: &mut Collector,
    party: &NewParty,
    created_at: &str,
) -> Result<i64> {
    let party_type = party.party_type.unwrap_or(PartyType::Person);
    let role = party_type.role();
    if let Some(id) = &party.id_number
        && let Some(existing) = party_by_id_hash(conn, role, &id.hash)?
    {
        return Err(Error::conflict(StoreMessage::IdNumberTaken {
            role: role.as_str().to_string(),
            id: existing.id,
            name: existing.name.to_string(),
        }));
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO parties (role, type, name, phone, id_hash, id_last4, school, grade, village, members, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let id_hash = party.id_number.as_ref().map(|i| i.hash.clone());
    let id_last4 = party.id_number.as_ref().map(|i| i.last4.clone());
    let values: [&dyn rusqlite::ToSql; 11] = [
        &role.as_str(),
        &party_type.as_str(),
        &party.name,
        &party.phone,
        &id_hash,
        &id_last4,
        &party.school,
        &party.grade,
        &party.village,
        &party.members,
        &created_at,
    ];
    stmt.execute(&values[..])?;
    let id = conn.last_insert_rowid();
    let mut row: Vec<&dyn rusqlite::ToSql> = vec![&id];
    row.extend_from_slice(&values);
    collector.add("parties", &row)?;
    Ok(id)
}

pub(super) fn party_by_id_hash(
    conn: &Connection,
    role: Role,
    hash: &[u8],
) -> Result<Option<Party>> {
    let mut stmt = conn.prepare_cached(concat!(
        select_party!(),
        " WHERE role = ?1 AND id_hash = ?2"
    ))?;
    Ok(stmt
        .query_row(params![role.as_str(), hash], party_from_row)
        .optional()?)
}

pub(super) fn party(conn: &Connection, role: Role, id: i64) -> Result<Option<Party>> {
    let mut stmt = conn.prepare_cached(concat!(select_party!(), " WHERE role = ?1 AND id = ?2"))?;
    Ok(stmt
        .query_row(params![role.as_str(), id], party_from_row)
        .optional()?)
}

/// The parties of `role` whose name now is `name`. A party's name now is the one it
/// was made with or that of its latest edit, so only parties made with that name or
/// edited to it once can have it: those are looked up first (by the name index and
/// the few edits), and `parties_now` is read for them alone, not for every party of
/// the role (`+role` keeps SQLite from scanning the role's index instead).
pub(super) fn parties_named(conn: &Connection, role: Role, name: &str) -> Result<Vec<Party>> {
    let mut stmt = conn.prepare_cached(concat!(
        select_party!(),
        " WHERE +role = ?1 AND name = ?2 AND id IN (",
        "SELECT id FROM parties WHERE role = ?1 AND name = ?2 ",
        "UNION ALL SELECT party_id FROM party_edits WHERE name = ?2) ORDER BY id"
    ))?;
    let rows = stmt.query_map(params![role.as_str(), name], party_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn all_parties(conn: &Connection, role: Role) -> Result<Vec<Party>> {
    let mut stmt = conn.prepare_cached(concat!(select_party!(), " WHERE role = ?1 ORDER BY id"))?;
    let rows = stmt.query_map(params![role.as_str()], party_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The one 愛心人士 donor for anonymous gifts, made on first use.
pub(super) fn anonymous_donor(
    conn: &Connection,
    collector: &mut Collector,
    created_at: &str,
) -> Result<i64> {
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM parties WHERE role = 'donor' AND type = 'anonymous' AND name = ?1 ORDER BY id LIMIT 1",
            [ANONYMOUS_DONOR],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(id) => Ok(id),
        None => insert_party(
            conn,
            collector,
            &NewParty {
                party_type: Some(PartyType::Anonymous),
                name: ANONYMOUS_DONOR.to_string(),
                ..NewParty::default()
            },
            created_at,
        ),
    }
}

/// The next number of a year's gap-free sequence (call inside the write transaction).
pub(super) fn next_receipt_seq(conn: &Connection, year: i32) -> Result<i64> {
    let mut stmt =
        conn.prepare_cached("SELECT COALESCE(MAX(seq), 0) + 1 FROM receipts WHERE year = ?1")?;
    Ok(stmt.query_row([year], |r| r.get(0))?)
}

/// One donor or beneficiary as a person names it (`donor show`, `--donor`,
/// `--beneficiary` …), tried in this order: the id; the exact current name; then every
/// party that matches by any part of its name (one character will do), by pinyin
/// initials (zs → 张三, any reading of a character with several), or by the last 4
/// characters of its identity number. An exact match wins over partial ones. A donor
/// merged into another that also matches is left out (its gifts are that one's). No
/// match, or more than one, is refused; the refusal lists the ids and names.
pub(super) fn find_party(
    conn: &Connection,
    role: Role,
    field: impl Into<Field>,
    name_or_id: &str,
) -> Result<Party> {
    let text = name_or_id.trim();
    if let Ok(id) = text.parse::<i64>()
        && let Some(p) = party(conn, role, id)?
    {
        return Ok(p);
    }
    let mut found = parties_named(conn, role, text)?;
    if found.is_empty() {
        found = parties_matching(conn, role, text)?;
    }
    let mut found = without_merged(conn, found)?;
    match found.len() {
        0 if text.parse::<i64>().is_ok() => Err(Error::not_found(OpsMessage::NoParty {
            role: role.as_str().to_string(),
            id: text.parse().unwrap_or_default(),
        })),
        0 => Err(Error::not_found_in(
            field,
            StoreMessage::NoPartyNamed {
                role: role.as_str().to_string(),
                text: text.into(),
            },
        )),
        1 => Ok(found.remove(0)),
        _ => Err(Error::input_in(
            field,
            StoreMessage::PartiesNamed {
                count: found.len() as u64,
                role: role.as_str().to_string(),
                text: text.into(),
                parties: found
                    .iter()
                    .take(PARTIES_LISTED_MAX)
                    .map(|p| (p.id, p.name.clone()))
                    .collect(),
            },
        )),
    }
}

/// The most matches a refusal lists (it says how many there are).
const PARTIES_LISTED_MAX: usize = 20;

/// The parties of `role` that `text` matches partly: by any part of the current name,
/// by pinyin initials, or by the last 4 identity characters. One pass over the
/// parties; the pinyin is read only when the text is letters.
fn parties_matching(conn: &Connection, role: Role, text: &str) -> Result<Vec<Party>> {
    use crate::ledger::names::{initials_match, is_initials, name_contains};
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let initials = is_initials(text);
    let last4 = text.chars().count() == 4 && text.chars().all(|c| c.is_ascii_alphanumeric());
    Ok(all_parties(conn, role)?
        .into_iter()
        .filter(|p| {
            name_contains(&p.name, text)
                || (initials && initials_match(&p.name, text))
                || (last4
                    && p.id_last4
                        .as_deref()
                        .is_some_and(|l| l.eq_ignore_ascii_case(text)))
        })
        .collect())
}

/// `found` without the donors merged into another donor that is also in it.
fn without_merged(conn: &Connection, found: Vec<Party>) -> Result<Vec<Party>> {
    if found.len() < 2 {
        return Ok(found);
    }
    let roots = merge_roots(conn)?;
    if roots.is_empty() {
        return Ok(found);
    }
    let ids: std::collections::HashSet<i64> = found.iter().map(|p| p.id).collect();
    Ok(found
        .into_iter()
        .filter(|p| !roots.get(&p.id).is_some_and(|root| ids.contains(root)))
        .collect())
}

/// An entry already recorded under a reference: id, date, kind and its amount.
#[derive(Clone, Debug)]
pub struct ReferencedEntry {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub amount_fen: i64,
}

/// Whether any entry carries a reference (if none, imports skip the look-ups).
pub(super) fn any_reference(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM entries WHERE reference IS NOT NULL)",
        [],
        |r| r.get(0),
    )?)
}

pub(super) fn entry_by_reference(
    conn: &Connection,
    reference: &str,
) -> Result<Option<ReferencedEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.date, e.kind,
                (SELECT MAX(ABS(p.amount_fen)) FROM postings p WHERE p.entry_id = e.id)
         FROM entries e WHERE e.reference = ?1",
    )?;
    Ok(stmt
        .query_row([reference], |r| {
            Ok(ReferencedEntry {
                id: r.get(0)?,
                date: r.get(1)?,
                kind: r.get(2)?,
                amount_fen: r.get(3)?,
            })
        })
        .optional()?)
}

/// Standing donations of the donor named `name` (as now named), by `method`, of
/// `amount_fen`, dated `from` to `to`: what a bill's gift may already be recorded as
/// (the treasurer's own sheet listed it too).
pub(super) fn donations_like(
    conn: &Connection,
    name: &str,
    method: &str,
    amount_fen: i64,
    (from, to): (&str, &str),
) -> Result<Vec<ReferencedEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.date, e.kind,
                (SELECT MAX(ABS(p.amount_fen)) FROM postings p WHERE p.entry_id = e.id) AS fen
         FROM entries e JOIN parties_now party ON party.id = e.party_id
         WHERE e.kind = 'donation' AND e.method = ?1 AND party.name = ?2
           AND e.date BETWEEN ?3 AND ?4
           AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses = e.id)
           AND fen = ?5
         ORDER BY e.id",
    )?;
    let rows = stmt.query_map(rusqlite::params![method, name, from, to, amount_fen], |r| {
        Ok(ReferencedEntry {
            id: r.get(0)?,
            date: r.get(1)?,
            kind: r.get(2)?,
            amount_fen: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// An entry recorded from a sheet line (its reference derived, starting with
/// `prefix`) that no reversal has undone: what a corrected line may replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedEntry {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub amount_fen: i64,
    pub name: String,
    pub reference: String,
}

/// Every standing entry whose reference starts with `prefix`, in id order. The
/// range on the reference index is what makes this one pass, not a scan per line.
pub(super) fn derived_entries(conn: &Connection, prefix: &str) -> Result<Vec<DerivedEntry>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.date, e.kind,
                (SELECT MAX(ABS(p.amount_fen)) FROM postings p WHERE p.entry_id = e.id),
                COALESCE(party.name, ''), e.reference
         FROM entries e LEFT JOIN parties party ON party.id = e.party_id
         WHERE e.reference >= ?1 AND e.reference < ?2
           AND e.kind IN ('donation', 'disbursement')
           AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses = e.id)
         ORDER BY e.id",
    )?;
    // The first text after every one starting with `prefix`: its last byte plus one.
    let mut after = prefix.as_bytes().to_vec();
    match after.last_mut() {
        Some(last) if *last < 0x7f => *last += 1,
        _ => return Ok(Vec::new()),
    }
    let after = String::from_utf8(after).unwrap_or_default();
    let rows = stmt.query_map([prefix, after.as_str()], |r| {
        Ok(DerivedEntry {
            id: r.get(0)?,
            date: r.get(1)?,
            kind: r.get(2)?,
            amount_fen: r.get(3)?,
            name: r.get(4)?,
            reference: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every party with its identity hash, for matching a whole import at once.
pub(super) fn parties_for_matching(conn: &Connection) -> Result<Vec<(Party, Option<Vec<u8>>)>> {
    let mut stmt = conn.prepare(
        "SELECT id, role, type, name, phone, id_last4, school, grade, village, members, id_hash
         FROM parties ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| Ok((party_from_row(r)?, r.get(10)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Records an edit of a party: its whole state after the edit (an identity number
/// not given is kept), as a new chained row. Refuses an identity number another
/// party of the role has.
pub(super) fn insert_party_edit(
    conn: &Connection,
    collector: &mut Collector,
    edit: &PartyEdit,
    by: &str,
    at: &str,
) -> Result<i64> {
    let role = edit.party_type.role();
    let (id_hash, id_last4): (Option<Vec<u8>>, Option<String>) = match &edit.id_number {
        Some(id) => {
            if let Some(existing) = party_by_id_hash(conn, role, &id.hash)?
                && existing.id != edit.party_id
            {
                return Err(Error::conflict(StoreMessage::IdNumberTaken {
                    role: role.as_str().to_string(),
                    id: existing.id,
                    name: existing.name.to_string(),
                }));
            }
            (Some(id.hash.clone()), Some(id.last4.clone()))
        }
        None => conn.query_row(
            "SELECT id_hash, id_last4 FROM parties_now WHERE id = ?1",
            [edit.party_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?,
    };
    let id: i64 = conn.query_row(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM party_edits",
        [],
        |r| r.get(0),
    )?;
    let values: [&dyn rusqlite::ToSql; 14] = [
        &id,
        &edit.party_id,
        &edit.party_type.as_str(),
        &edit.name,
        &edit.phone,
        &id_hash,
        &id_last4,
        &edit.school,
        &edit.grade,
        &edit.village,
        &edit.members,
        &edit.reason,
        &by,
        &at,
    ];
    conn.execute(
        "INSERT INTO party_edits (id, party_id, type, name, phone, id_hash, id_last4, school, grade,
                                  village, members, reason, edited_by, edited_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        &values[..],
    )?;
    collector.add("party_edits", &values)?;
    Ok(id)
}

/// A party as it was added, before any edit.
pub(super) fn party_as_added(conn: &Connection, id: i64) -> Result<Option<Party>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, role, type, name, phone, id_last4, school, grade, village, members
         FROM parties WHERE id = ?1",
    )?;
    Ok(stmt.query_row([id], party_from_row).optional()?)
}

/// A party's edits, oldest first.
pub(super) fn party_edits(conn: &Connection, id: i64) -> Result<Vec<PartyEditRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.party_id, p.role, e.type, e.name, e.phone, e.id_last4, e.school, e.grade,
                e.village, e.members, e.id, e.reason, e.edited_by, e.edited_at
         FROM party_edits e JOIN parties p ON p.id = e.party_id
         WHERE e.party_id = ?1 ORDER BY e.id",
    )?;
    let rows = stmt.query_map([id], |row| {
        Ok(PartyEditRecord {
            party: party_from_row(row)?,
            id: row.get(10)?,
            reason: row.get(11)?,
            edited_by: row.get(12)?,
            edited_at: row.get(13)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Keeps the donor's name on each of these receipts when it is no longer the name
/// the donor was added with (after an edit), so the receipt keeps the name it was
/// issued with. Nothing is read when no party was ever edited.
pub(super) fn keep_receipt_names(
    conn: &Connection,
    collector: &mut Collector,
    receipts: &mut dyn Iterator<Item = (i32, i64)>,
) -> Result<()> {
    let edited: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM party_edits)", [], |r| {
        r.get(0)
    })?;
    if !edited {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO receipt_names (year, seq, name)
         SELECT r.year, r.seq, n.name
         FROM receipts r JOIN entries e ON e.id = r.entry_id
              JOIN parties p ON p.id = e.party_id JOIN parties_now n ON n.id = p.id
         WHERE r.year = ?1 AND r.seq = ?2 AND n.name <> p.name
         RETURNING name",
    )?;
    for (year, seq) in receipts {
        let mut rows = stmt.query(params![year, seq])?;
        while let Some(row) = rows.next()? {
            let name: String = row.get(0)?;
            collector.add("receipt_names", &[&year, &seq, &name])?;
        }
    }
    Ok(())
}

/// Records a merge of donor `party_id` into `into_id`, or with `into_id` None its
/// unmerge, as a new chained row. The ops layer has checked that it makes no cycle.
pub(super) fn insert_party_merge(
    conn: &Connection,
    collector: &mut Collector,
    party_id: i64,
    into_id: Option<i64>,
    reason: &str,
    by: &str,
    at: &str,
) -> Result<i64> {
    let id: i64 = conn.query_row(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM party_merges",
        [],
        |r| r.get(0),
    )?;
    let values: [&dyn rusqlite::ToSql; 6] = [&id, &party_id, &into_id, &reason, &by, &at];
    conn.execute(
        "INSERT INTO party_merges (id, party_id, into_id, reason, merged_by, merged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &values[..],
    )?;
    collector.add("party_merges", &values)?;
    Ok(id)
}

/// Every party merged now, with its root: the party its gifts count for.
pub(super) fn merge_roots(conn: &Connection) -> Result<std::collections::HashMap<i64, i64>> {
    let mut stmt = conn.prepare_cached("SELECT id, root FROM party_roots")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The party `id` is merged into now (one step, not its root), if any.
pub(super) fn merged_into(conn: &Connection, id: i64) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached("SELECT into_id FROM party_merged_now WHERE id = ?1")?;
    Ok(stmt.query_row([id], |r| r.get(0)).optional()?)
}

/// A party's merges and unmerges, oldest first: those of the party itself and those
/// of parties merged into it (or unmerged from it).
pub(super) fn party_merges(conn: &Connection, id: i64) -> Result<Vec<PartyMergeRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.party_id, m.into_id, m.reason, m.merged_by, m.merged_at
         FROM party_merges m
         WHERE m.party_id = ?1 OR m.into_id = ?1
            OR (m.into_id IS NULL AND ?1 = (SELECT x.into_id FROM party_merges x
                WHERE x.party_id = m.party_id AND x.id < m.id ORDER BY x.id DESC LIMIT 1))
         ORDER BY m.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(PartyMergeRecord {
            id: r.get(0)?,
            party_id: r.get(1)?,
            into_id: r.get(2)?,
            reason: r.get(3)?,
            merged_by: r.get(4)?,
            merged_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Records whether a donor may be named in public reports, as a new chained row.
pub(super) fn insert_party_publish(
    conn: &Connection,
    collector: &mut Collector,
    party_id: i64,
    publish: bool,
    reason: Option<&str>,
    by: &str,
    at: &str,
) -> Result<i64> {
    let id: i64 = conn.query_row(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM party_publish",
        [],
        |r| r.get(0),
    )?;
    let publish = i64::from(publish);
    let values: [&dyn rusqlite::ToSql; 6] = [&id, &party_id, &publish, &reason, &by, &at];
    conn.execute(
        "INSERT INTO party_publish (id, party_id, publish, reason, set_by, set_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &values[..],
    )?;
    collector.add("party_publish", &values)?;
    Ok(id)
}

/// The parties that asked, as of now, not to be named in public reports.
pub(super) fn unnamed_parties(conn: &Connection) -> Result<std::collections::HashSet<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM parties_unnamed")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
