//! Users, the recovery code and review decisions (migration 0013), each a chained
//! table that is only ever added to.

use super::records::Collector;
use crate::error::Result;
use crate::ledger::user::{Decision, Role, UserEvent, UserRecord, Verdict};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

/// Every user record, oldest first.
pub(super) fn user_records(conn: &Connection) -> Result<Vec<UserRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, event, role, password_hash, recorded_by, recorded_at
         FROM user_records ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let event: String = r.get(2)?;
        let role: Option<String> = r.get(3)?;
        Ok(UserRecord {
            id: r.get(0)?,
            name: r.get(1)?,
            // The table's CHECKs admit only these words.
            event: UserEvent::parse(&event).unwrap_or(UserEvent::Add),
            role: role.as_deref().and_then(Role::parse),
            password_hash: r.get(4)?,
            recorded_by: r.get(5)?,
            recorded_at: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the ledger has any user (then every command signs one in).
pub(super) fn has_users(conn: &Connection) -> Result<bool> {
    Ok(
        conn.query_row("SELECT EXISTS (SELECT 1 FROM user_records)", [], |r| {
            r.get(0)
        })?,
    )
}

/// A new user record.
#[allow(clippy::too_many_arguments)]
pub(super) fn insert_user_record(
    conn: &Connection,
    collector: &mut Collector,
    name: &str,
    event: UserEvent,
    role: Option<Role>,
    password_hash: Option<&str>,
    by: &str,
    at: &str,
) -> Result<i64> {
    let id: i64 = conn.query_row(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM user_records",
        [],
        |r| r.get(0),
    )?;
    let event = event.as_str();
    let role = role.map(Role::as_str);
    let values: [&dyn rusqlite::ToSql; 7] = [&id, &name, &event, &role, &password_hash, &by, &at];
    conn.execute(
        "INSERT INTO user_records (id, name, event, role, password_hash, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        &values[..],
    )?;
    collector.add("user_records", &values)?;
    Ok(id)
}

/// The hash of the recovery code in force, if one was made.
pub(super) fn recovery_code_hash(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT code_hash FROM recovery_codes ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

/// A new recovery code (its hash), replacing the one in force.
pub(super) fn insert_recovery_code(
    conn: &Connection,
    collector: &mut Collector,
    code_hash: &str,
    by: &str,
    at: &str,
) -> Result<()> {
    let id: i64 = conn.query_row(
        "SELECT COALESCE(MAX(id), 0) + 1 FROM recovery_codes",
        [],
        |r| r.get(0),
    )?;
    let values: [&dyn rusqlite::ToSql; 4] = [&id, &code_hash, &by, &at];
    conn.execute(
        "INSERT INTO recovery_codes (id, code_hash, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4)",
        &values[..],
    )?;
    collector.add("recovery_codes", &values)?;
    Ok(())
}

fn decision_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Decision> {
    let verdict: String = r.get(1)?;
    Ok(Decision {
        entry_id: r.get(0)?,
        // The table's CHECK admits only these words.
        verdict: Verdict::parse(&verdict).unwrap_or(Verdict::Rejected),
        note: r.get(2)?,
        decided_by: r.get(3)?,
        decided_at: r.get(4)?,
    })
}

/// The review decision on entry `id`, if any.
pub(super) fn decision(conn: &Connection, id: i64) -> Result<Option<Decision>> {
    let mut stmt = conn.prepare_cached(
        "SELECT entry_id, verdict, note, decided_by, decided_at FROM approvals WHERE entry_id = ?1",
    )?;
    Ok(stmt.query_row([id], decision_of).optional()?)
}

/// Every review decision, by entry.
pub(super) fn decisions(conn: &Connection) -> Result<std::collections::HashMap<i64, Decision>> {
    let mut stmt = conn
        .prepare_cached("SELECT entry_id, verdict, note, decided_by, decided_at FROM approvals")?;
    let rows = stmt.query_map([], decision_of)?;
    let mut all = std::collections::HashMap::new();
    for d in rows {
        let d = d?;
        all.insert(d.entry_id, d);
    }
    Ok(all)
}

/// Records a review decision; the primary key refuses a second one.
pub(super) fn insert_decision(
    conn: &Connection,
    collector: &mut Collector,
    decision: &Decision,
) -> Result<()> {
    let verdict = decision.verdict.as_str();
    let values: [&dyn rusqlite::ToSql; 5] = [
        &decision.entry_id,
        &verdict,
        &decision.note,
        &decision.decided_by,
        &decision.decided_at,
    ];
    conn.execute(
        "INSERT INTO approvals (entry_id, verdict, note, decided_by, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        &values[..],
    )?;
    collector.add("approvals", &values)?;
    Ok(())
}

/// The entries dated `from..=to` that no reviewer has decided on yet (closing
/// entries aside: `close` writes them), oldest first: how many, and the first
/// `first` of their ids.
pub(super) fn unreviewed(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    first: usize,
) -> Result<(i64, Vec<i64>)> {
    let (from, to) = (from.to_string(), to.to_string());
    let count: i64 = conn.query_row(
        "SELECT COUNT(*) FROM entries e
         WHERE e.date BETWEEN ?1 AND ?2 AND e.kind <> 'closing'
           AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.entry_id = e.id)",
        [&from, &to],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT e.id FROM entries e
         WHERE e.date BETWEEN ?1 AND ?2 AND e.kind <> 'closing'
           AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.entry_id = e.id)
         ORDER BY e.id LIMIT ?3",
    )?;
    let ids = stmt
        .query_map(rusqlite::params![from, to, first as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok((count, ids))
}

/// Every review decision, oldest entry first, with its entry's preparer (None when
/// the entry is missing), for `verify reviews`.
pub(super) fn decisions_with_preparers(
    conn: &Connection,
) -> Result<Vec<(Decision, Option<String>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.entry_id, a.verdict, a.note, a.decided_by, a.decided_at, e.recorded_by
         FROM approvals a LEFT JOIN entries e ON e.id = a.entry_id ORDER BY a.entry_id",
    )?;
    let rows = stmt.query_map([], |r| Ok((decision_of(r)?, r.get(5)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
