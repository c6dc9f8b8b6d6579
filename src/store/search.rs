//! Finding entries (issue 16, §2): one query over the journal with every condition
//! bound as a parameter, newest first, stopping at a limit. Text is matched anywhere in
//! a counterparty's name, the memo and the reference (`LIKE` with `%`, `_` and `\`
//! escaped, so what a person types is never a pattern); names are matched in the small
//! parties table first and the entries then by party id. A query of one Chinese
//! character works as well as a long one — no trigram index, whose three-character
//! grams cannot match one or two characters.
//!
//! Not here: what a typed text means (an amount, a date, a receipt number: the report
//! decides and fills the fields), or how a result is shown.

use crate::error::Result;
use crate::ledger::entry::EntryKind;
use crate::ledger::money::Money;
use chrono::NaiveDate;
use rusqlite::Connection;
use rusqlite::types::Value;

/// What to look for; every condition given must hold.
#[derive(Clone, Debug, Default)]
pub struct EntrySearch {
    /// Matched in names, memos and references, any one of them (the text as typed
    /// and in the other script: 张 and 張); entries matching `amount` or `receipt`
    /// (other readings of the same text) match too. Empty: no text condition.
    pub texts: Vec<String>,
    /// An entry with a posting of exactly this amount.
    pub amount: Option<Money>,
    /// The entry with this receipt (year, sequence).
    pub receipt: Option<(i32, i64)>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Bounds on the entry's amount (the sum of its debits).
    pub min: Option<Money>,
    pub max: Option<Money>,
    pub kind: Option<EntryKind>,
    pub fund_id: Option<i64>,
    pub limit: u32,
}

/// `text` as a LIKE pattern matching it anywhere, taken literally.
fn anywhere(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The ids of the matching entries, newest first (by date, then id), at most
/// `limit`.
pub fn search_entries(conn: &Connection, search: &EntrySearch) -> Result<Vec<i64>> {
    let mut sql = String::from("SELECT e.id FROM entries e WHERE 1");
    let mut values: Vec<Value> = Vec::new();
    // A clause with one `?`, numbered as the value it binds.
    fn push(sql: &mut String, values: &mut Vec<Value>, clause: &str, value: Value) {
        values.push(value);
        sql.push_str(&clause.replace('?', &format!("?{}", values.len())));
    }
    macro_rules! bind {
        ($sql:expr, $clause:expr, $value:expr $(,)?) => {
            push($sql, &mut values, $clause, $value)
        };
    }
    if !search.texts.is_empty() {
        sql.push_str(" AND (0");
        for text in &search.texts {
            bind!(
                &mut sql,
                " OR e.party_id IN (SELECT id FROM parties_now WHERE name LIKE ? ESCAPE '\\')",
                Value::Text(anywhere(text)),
            );
            let n = values.len();
            // The gifts of donors merged into a donor so named (`donor merge`).
            sql.push_str(&format!(
                " OR e.party_id IN (SELECT m.id FROM party_roots m JOIN parties_now r ON r.id = m.root \
                 WHERE r.name LIKE ?{n} ESCAPE '\\')"
            ));
            sql.push_str(&format!(
                " OR e.memo LIKE ?{n} ESCAPE '\\' OR e.reference LIKE ?{n} ESCAPE '\\'"
            ));
        }
        if let Some(amount) = search.amount {
            bind!(
                &mut sql,
                // One pass over the postings, not one lookup per entry.
                " OR e.id IN (SELECT q.entry_id FROM postings q WHERE q.amount_fen = ?)",
                Value::Integer(amount.fen()),
            );
        }
        if let Some((year, seq)) = search.receipt {
            bind!(
                &mut sql,
                " OR e.id IN (SELECT entry_id FROM receipts WHERE year = ?",
                Value::Integer(year.into()),
            );
            bind!(&mut sql, " AND seq = ?)", Value::Integer(seq));
        }
        sql.push(')');
    }
    if let Some(from) = search.from {
        bind!(&mut sql, " AND e.date >= ?", Value::Text(from.to_string()));
    }
    if let Some(to) = search.to {
        bind!(&mut sql, " AND e.date <= ?", Value::Text(to.to_string()));
    }
    if let Some(kind) = search.kind {
        bind!(
            &mut sql,
            " AND e.kind = ?",
            Value::Text(kind.as_str().to_string()),
        );
    }
    if let Some(fund) = search.fund_id {
        bind!(
            &mut sql,
            " AND EXISTS (SELECT 1 FROM postings q WHERE q.entry_id = e.id AND q.fund_id = ?)",
            Value::Integer(fund),
        );
    }
    const DEBITS: &str =
        "(SELECT sum(q.amount_fen) FROM postings q WHERE q.entry_id = e.id AND q.amount_fen > 0)";
    if let Some(min) = search.min {
        bind!(
            &mut sql,
            &format!(" AND {DEBITS} >= ?"),
            Value::Integer(min.fen()),
        );
    }
    if let Some(max) = search.max {
        bind!(
            &mut sql,
            &format!(" AND {DEBITS} <= ?"),
            Value::Integer(max.fen()),
        );
    }
    bind!(
        &mut sql,
        " ORDER BY e.date DESC, e.id DESC LIMIT ?",
        Value::Integer(search.limit.into()),
    );
    let mut stmt = conn.prepare(&sql)?;
    let ids = stmt
        .query_map(rusqlite::params_from_iter(values), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_never_a_pattern() {
        assert_eq!(anywhere("张"), "%张%");
        assert_eq!(anywhere("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
