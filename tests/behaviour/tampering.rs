//! Tampering (issue 8, item 5; issue 14, item 5): someone with the file drops the
//! append-only triggers and changes the journal, or any table a report prints, with
//! raw SQL. `verify` (the real binary) must fail every time and name the first entry
//! that no longer matches, or the table and row that differ from their chained
//! record; a ledger cut short (or rolled back to an older copy) is caught with
//! `verify --fingerprint HASH`.
//!
//! The random loop is seeded: `LOVEFUND_TAMPER_SEED=N` replays a run, and a failure
//! prints the case number and what was changed.

use crate::common;

use common::{Dice, Ledger};
use rusqlite::types::Value;
use rusqlite::{Connection, params};
use std::path::Path;

const CASES: usize = 500;
const DEFAULT_SEED: u64 = 20_221_231;
const JOURNAL_TRIGGERS: &[&str] = &[
    "entries_no_update",
    "entries_no_delete",
    "postings_no_update",
    "postings_no_delete",
    "receipts_no_delete",
    "receipt_voids_no_delete",
    "records_no_delete",
];

/// A year and a bit of a small fund, through the commands a treasurer uses: donations
/// by every method, disbursements, a three-posting manual entry, a reversal, a void,
/// a closed year and entries after it.
pub(crate) fn prepared() -> Ledger {
    let ledger = Ledger::new();
    for args in [
        &["donor", "add", "張三"][..],
        &["donor", "add", "信達銅業", "--type", "organization"],
        &[
            "beneficiary",
            "add",
            "王小明",
            "--type",
            "student",
            "--school",
            "鷹潭一中",
            "--grade",
            "高二",
        ],
        &[
            "beneficiary",
            "add",
            "李家",
            "--type",
            "household",
            "--village",
            "上清村",
            "--members",
            "4",
        ],
    ] {
        ledger.run(args).success();
    }
    let gifts = [
        ("張三", "5000", "2022-01-05", "助學", "bank"),
        ("信達銅業", "20000", "2022-02-10", "扶貧", "bank"),
        ("張三", "300.50", "2022-02-11", "非限定", "cash"),
        ("愛心人士", "88.88", "2022-03-01", "幫困", "wechat"),
        ("信達銅業", "1200", "2022-04-02", "助學", "alipay"),
        ("張三", "999.99", "2022-06-30", "扶貧", "bank"),
    ];
    for (donor, amount, date, fund, method) in gifts {
        donate(&ledger, donor, amount, date, fund, method);
    }
    for (to, amount, date, program, method) in [
        ("王小明", "2000", "2022-03-10", "助學", "bank"),
        ("李家", "1500", "2022-05-01", "扶貧", "bank"),
        ("李家", "50", "2022-05-02", "幫困", "wechat"),
    ] {
        disburse(&ledger, to, amount, date, program, method);
    }
    ledger
        .run(&[
            "entry",
            "add",
            "--date",
            "2022-07-01",
            "--memo",
            "bank fee and cash deposit",
            "--posting",
            "5201=12.00",
            "--posting",
            "1002=100.00",
            "--posting",
            "1001=-112.00",
        ])
        .success();
    ledger
        .run(&[
            "reverse",
            "5",
            "--reason",
            "recorded twice",
            "--date",
            "2022-07-02",
        ])
        .success();
    ledger
        .run(&[
            "receipt",
            "void",
            "2022-000004",
            "--reason",
            "misspelt name",
        ])
        .success();
    ledger
        .run(&["fund", "add", "助老", "--restricted"])
        .success();
    ledger
        .run(&["account", "add", "5101.04", "助老支出", "--type", "expense"])
        .success();
    reconcile_february(&ledger);
    ledger.run(&["close", "--year", "2022"]).success();
    donate(&ledger, "張三", "600", "2023-01-03", "助學", "bank");
    disburse(&ledger, "王小明", "700", "2023-01-09", "助學", "bank");
    donate(&ledger, "愛心人士", "10", "2023-02-01", "非限定", "cash");
    ledger
        .run(&["config", "set", "dates.future-days-max", "60"])
        .success();
    // A corrected name (party_edits), and a receipt issued under it (receipt_names).
    ledger
        .run(&[
            "donor",
            "edit",
            "張三",
            "--name",
            "張三豐",
            "--reason",
            "misspelt",
        ])
        .success();
    donate(&ledger, "張三豐", "66", "2023-02-02", "非限定", "cash");
    // Original documents (attachments), one withdrawn (attachment_withdrawals).
    let slip = ledger.dir.path().join("slip.pdf");
    std::fs::write(&slip, "%PDF a bank slip").unwrap();
    let slip = slip.to_str().unwrap();
    ledger.run(&["entry", "attach", "1", slip, slip]).success();
    ledger
        .run(&["entry", "attachment-withdraw", "2", "--reason", "twice"])
        .success();
    // A donor who asked not to be named (party_publish).
    ledger
        .run(&["donor", "add", "王五", "--no-publish"])
        .success();
    // The same donor entered twice, merged (party_merges).
    ledger.run(&["donor", "add", "張叁"]).success();
    ledger
        .run(&[
            "donor",
            "merge",
            "張三豐",
            "張叁",
            "--reason",
            "entered twice",
        ])
        .success();
    // A gift held in trust for a named student (entrusted), paid out in part.
    ledger
        .run(&[
            "donate",
            "--donor",
            "王五",
            "--amount",
            "300",
            "--date",
            "2023-02-03",
            "--method",
            "bank",
            "--for",
            "王小明",
        ])
        .success();
    ledger
        .run(&[
            "disburse",
            "--to",
            "王小明",
            "--entrusted",
            "--amount",
            "100",
            "--date",
            "2023-02-04",
            "--method",
            "bank",
        ])
        .success();
    // The year's disclosure as published (publications).
    ledger
        .run(&["report", "disclosure", "--year", "2023", "--publish"])
        .success();
    // Users (user_records, recovery_codes) and a review decision (approvals):
    // "tester" is the treasurer, "rev" approves entry 1.
    for (name, role, password) in [
        ("tester", "treasurer", common::TESTER_PASSWORD),
        ("rev", "reviewer", REVIEWER_PASSWORD),
    ] {
        ledger
            .cmd()
            .args(["user", "add", name, "--role", role, "--password-stdin"])
            .write_stdin(format!("{password}\n"))
            .assert()
            .success();
    }
    as_reviewer(ledger.cmd())
        .args(["entry", "approve", "1"])
        .assert()
        .success();
    ledger.run(&["verify"]).success();
    ledger
}

/// The reviewer of the prepared ledger.
const REVIEWER_PASSWORD: &str = "reviewer-pass";

/// `cmd` signed in as the prepared ledger's reviewer: `verify` of a copy whose
/// treasurer's own user row was tampered with signs in as the reviewer instead.
fn as_reviewer(mut cmd: assert_cmd::Command) -> assert_cmd::Command {
    cmd.env("LOVEFUND_USER", "rev")
        .env("LOVEFUND_PASSWORD", REVIEWER_PASSWORD);
    cmd
}

/// February's bank statement, committed: two gifts matched, a fee the ledger lacks.
fn reconcile_february(ledger: &Ledger) {
    let statement = ledger.dir.path().join("february.csv");
    std::fs::write(
        &statement,
        "date,amount,reference,description\n\
         2022-01-05,5000.00,,gift\n\
         2022-02-10,20000.00,,gift\n\
         2022-02-28,-5.00,,fee\n",
    )
    .unwrap();
    ledger
        .run(&[
            "reconcile",
            "--account",
            "1002",
            "--statement",
            statement.to_str().unwrap(),
            "--closing-balance",
            "24995.00",
            "--as-of",
            "2022-02-28",
            "--commit",
        ])
        .success();
}

fn donate(ledger: &Ledger, donor: &str, amount: &str, date: &str, fund: &str, method: &str) {
    ledger
        .run(&[
            "donate", "--donor", donor, "--amount", amount, "--date", date, "--fund", fund,
            "--method", method,
        ])
        .success();
}

fn disburse(ledger: &Ledger, to: &str, amount: &str, date: &str, program: &str, method: &str) {
    ledger
        .run(&[
            "disburse",
            "--to",
            to,
            "--amount",
            amount,
            "--date",
            date,
            "--program",
            program,
            "--method",
            method,
        ])
        .success();
}

/// Folds the WAL into the main file, so copying the one file copies the ledger.
pub(crate) fn checkpoint(db: &Path) {
    let conn = Connection::open(db).expect("open");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
}

#[derive(Clone, Debug)]
struct PostingRow {
    entry: i64,
    seq: i64,
    account: String,
    fund: i64,
    amount: i64,
}

/// One row of a chained table: its table, its key columns and values, and its
/// other columns and values.
#[derive(Clone, Debug)]
struct ChainedRow {
    table: &'static str,
    key: Vec<(&'static str, Value)>,
    columns: Vec<(&'static str, Value)>,
}

impl ChainedRow {
    /// `a = ?1 AND b = ?2`, for the key's values in order.
    fn where_clause(&self) -> String {
        let parts: Vec<String> = (self.key.iter().enumerate())
            .map(|(i, (c, _))| format!("{c} = ?{}", i + 1))
            .collect();
        parts.join(" AND ")
    }

    fn key_values(&self) -> Vec<&dyn rusqlite::ToSql> {
        self.key
            .iter()
            .map(|(_, v)| v as &dyn rusqlite::ToSql)
            .collect()
    }

    /// How verify names the row: `funds row id 5`, `receipts row year 2022, seq 3`.
    fn named(&self) -> String {
        named_row(self.table, &self.key)
    }
}

fn named_row(table: &str, key: &[(&str, Value)]) -> String {
    let parts: Vec<String> = key
        .iter()
        .map(|(c, v)| match v {
            Value::Integer(i) => format!("{c} {i}"),
            Value::Text(t) => format!("{c} {t:?}"),
            other => format!("{c} {other:?}"),
        })
        .collect();
    format!("records: {table} row {}", parts.join(", "))
}

/// What the prepared ledger holds, to choose what to change.
struct Shape {
    entries: Vec<(i64, String)>,
    postings: Vec<PostingRow>,
    accounts: Vec<String>,
    funds: Vec<i64>,
    /// Every row of every chained table (lovefund's own list of them).
    chained: Vec<ChainedRow>,
}

impl Shape {
    fn read(conn: &Connection) -> Shape {
        let column = |sql: &str| -> Vec<String> {
            let mut stmt = conn.prepare(sql).unwrap();
            stmt.query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let mut stmt = conn
            .prepare("SELECT id, date FROM entries ORDER BY id")
            .unwrap();
        let entries = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut stmt = conn
            .prepare("SELECT entry_id, seq, account, fund_id, amount_fen FROM postings ORDER BY entry_id, seq")
            .unwrap();
        let postings = stmt
            .query_map([], |r| {
                Ok(PostingRow {
                    entry: r.get(0)?,
                    seq: r.get(1)?,
                    account: r.get(2)?,
                    fund: r.get(3)?,
                    amount: r.get(4)?,
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let funds = column("SELECT CAST(id AS TEXT) FROM funds ORDER BY id")
            .iter()
            .map(|f| f.parse().unwrap())
            .collect();
        let mut chained = Vec::new();
        for table in lovefund::store::CHAINED_TABLES {
            let all: Vec<&str> = table.key.iter().chain(table.columns).copied().collect();
            let sql = format!("SELECT {} FROM {}", all.join(", "), table.name);
            let mut stmt = conn.prepare(&sql).unwrap();
            let rows = stmt
                .query_map([], |r| {
                    let value = |i: usize| r.get::<_, Value>(i);
                    Ok(ChainedRow {
                        table: table.name,
                        key: (table.key.iter().enumerate())
                            .map(|(i, c)| Ok((*c, value(i)?)))
                            .collect::<rusqlite::Result<_>>()?,
                        columns: (table.columns.iter().enumerate())
                            .map(|(i, c)| Ok((*c, value(table.key.len() + i)?)))
                            .collect::<rusqlite::Result<_>>()?,
                    })
                })
                .unwrap();
            chained.extend(rows.map(Result::unwrap));
        }
        Shape {
            entries,
            postings,
            accounts: column("SELECT code FROM accounts ORDER BY code"),
            funds,
            chained,
        }
    }

    fn head(&self) -> i64 {
        self.entries.last().unwrap().0
    }
}

/// One change an attacker could make; what it did, and the earliest entry it touched
/// or the row of a chained table as verify names it (neither for a truncation, which
/// only --fingerprint can see).
struct Tampering {
    what: String,
    earliest: Option<i64>,
    row: Option<String>,
}

fn touched(what: String, entry: i64) -> Tampering {
    Tampering {
        what,
        earliest: Some(entry),
        row: None,
    }
}

/// Every trigger lovefund made, so any table can be changed.
fn drop_all_triggers(conn: &Connection) {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for name in names {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
}

/// A value that differs from `old`, of the same type where it can be.
fn changed(old: &Value, dice: &mut Dice) -> Value {
    match old {
        Value::Integer(i) => Value::Integer(match dice.below(3) {
            0 => i + 1,
            1 => -i - 1,
            _ => i ^ 1,
        }),
        Value::Text(t) => Value::Text(match dice.below(3) {
            0 => format!("{t}x"),
            1 => format!("{t} "),
            _ => "張*".to_string() + &t.chars().skip(1).collect::<String>() + "改",
        }),
        Value::Null => Value::Text("x".to_string()),
        Value::Blob(b) => Value::Blob(b.iter().map(|x| x ^ 1).chain([0]).collect()),
        Value::Real(f) => Value::Real(f + 1.0),
    }
}

/// One row of a table beside the journal changed, deleted or added.
fn tamper_chained_row(conn: &Connection, shape: &Shape, dice: &mut Dice) -> Tampering {
    drop_all_triggers(conn);
    let row = dice.pick(&shape.chained).clone();
    let found = |what: String, named: String| Tampering {
        what,
        earliest: None,
        row: Some(named),
    };
    match dice.below(3) {
        0 if !row.columns.is_empty() => {
            let (column, old) = dice.pick(&row.columns).clone();
            let new = changed(&old, dice);
            let sql = format!(
                "UPDATE {} SET {column} = ?{} WHERE {}",
                row.table,
                row.key.len() + 1,
                row.where_clause()
            );
            let mut values = row.key_values();
            values.push(&new);
            assert_eq!(conn.execute(&sql, &values[..]).unwrap(), 1);
            found(format!("{row:?}: {column} → {new:?}"), row.named())
        }
        1 => {
            let sql = format!("DELETE FROM {} WHERE {}", row.table, row.where_clause());
            assert_eq!(conn.execute(&sql, &row.key_values()[..]).unwrap(), 1);
            found(format!("{row:?} deleted"), row.named())
        }
        _ => {
            // A copy under a new key (the last key column changed), its unique
            // columns made unique too.
            let mut key = row.key.clone();
            let last = key.len() - 1;
            key[last].1 = match &key[last].1 {
                Value::Integer(i) => Value::Integer(i + 1000),
                other => changed(other, dice),
            };
            let columns: Vec<(&str, Value)> = (row.columns.iter())
                .map(|(c, v)| match v {
                    Value::Text(t) => (*c, Value::Text(format!("{t}′"))),
                    // Made unique too (a unique hash), and never NULL (a NOT NULL one).
                    Value::Blob(b) => (*c, Value::Blob(b.iter().map(|x| x ^ 0x5a).collect())),
                    other => (*c, other.clone()),
                })
                .collect();
            let all: Vec<&(&str, Value)> = key.iter().chain(&columns).collect();
            let names: Vec<&str> = all.iter().map(|(c, _)| *c).collect();
            let marks: Vec<String> = (1..=all.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                row.table,
                names.join(", "),
                marks.join(", ")
            );
            let values: Vec<&dyn rusqlite::ToSql> =
                all.iter().map(|(_, v)| v as &dyn rusqlite::ToSql).collect();
            conn.execute(&sql, &values[..]).unwrap();
            found(
                format!("{row:?} copied as {key:?}"),
                named_row(row.table, &key),
            )
        }
    }
}

fn tamper(conn: &Connection, shape: &Shape, dice: &mut Dice) -> Tampering {
    for trigger in JOURNAL_TRIGGERS {
        conn.execute_batch(&format!("DROP TRIGGER {trigger}"))
            .unwrap();
    }
    let posting = shape.postings[dice.below(shape.postings.len() as u64) as usize].clone();
    let (entry, old_date) = shape.entries[dice.below(shape.entries.len() as u64) as usize].clone();
    let update_posting = |set: &str, value: &dyn rusqlite::ToSql| {
        let sql = format!("UPDATE postings SET {set} = ?1 WHERE entry_id = ?2 AND seq = ?3");
        let n = conn
            .execute(&sql, params![value, posting.entry, posting.seq])
            .unwrap();
        assert_eq!(n, 1);
    };
    match dice.below(14) {
        // Tables beside the journal: as often as all the journal's changes together.
        10.. => tamper_chained_row(conn, shape, dice),
        0 => {
            let amount = match dice.below(4) {
                0 => -posting.amount,
                1 => posting.amount + 1,
                _ => loop {
                    let a = dice.range(-2_000_000, 2_000_000);
                    if a != 0 && a != posting.amount {
                        break a;
                    }
                },
            };
            if dice.chance(10) {
                // A fraction of a fen, stored as REAL: not an amount lovefund can hold.
                update_posting("amount_fen", &(posting.amount as f64 + 0.5));
                return touched(
                    format!("posting {posting:?} amount + 0.5 (REAL)"),
                    posting.entry,
                );
            }
            update_posting("amount_fen", &amount);
            touched(
                format!("posting {posting:?} amount → {amount}"),
                posting.entry,
            )
        }
        1 => {
            let date = loop {
                let d = format!(
                    "{}-{:02}-{:02}",
                    dice.range(2021, 2023),
                    dice.range(1, 12),
                    dice.range(1, 28)
                );
                if d != old_date {
                    break d;
                }
            };
            conn.execute(
                "UPDATE entries SET date = ?1 WHERE id = ?2",
                params![date, entry],
            )
            .unwrap();
            touched(format!("entry {entry} date {old_date} → {date}"), entry)
        }
        2 => {
            let account = loop {
                let a = dice.pick(&shape.accounts).clone();
                if a != posting.account {
                    break a;
                }
            };
            update_posting("account", &account);
            touched(
                format!("posting {posting:?} account → {account}"),
                posting.entry,
            )
        }
        3 => {
            let fund = loop {
                let f = *dice.pick(&shape.funds);
                if f != posting.fund {
                    break f;
                }
            };
            update_posting("fund_id", &fund);
            touched(format!("posting {posting:?} fund → {fund}"), posting.entry)
        }
        4 => tamper_memo(conn, entry, dice),
        5 => {
            let keep_postings = dice.chance(50);
            // Without its postings, the newest entry's deletion is a truncation.
            let entry = match keep_postings || entry < shape.head() {
                true => entry,
                false => entry - 1,
            };
            conn.execute("DELETE FROM entries WHERE id = ?1", [entry])
                .unwrap();
            if !keep_postings {
                conn.execute("DELETE FROM postings WHERE entry_id = ?1", [entry])
                    .unwrap();
            }
            touched(
                format!("entry {entry} deleted (postings kept: {keep_postings})"),
                entry,
            )
        }
        6 => {
            conn.execute(
                "DELETE FROM postings WHERE entry_id = ?1 AND seq = ?2",
                params![posting.entry, posting.seq],
            )
            .unwrap();
            touched(format!("posting {posting:?} deleted"), posting.entry)
        }
        7 => swap_entries(conn, shape, dice),
        8 => swap_postings(conn, shape, dice),
        _ => {
            let cut = dice.range(1, 3);
            let from = shape.head() - cut + 1;
            conn.execute_batch(&format!(
                "DELETE FROM receipt_voids WHERE (year, seq) IN
                     (SELECT year, seq FROM receipts WHERE entry_id >= {from});
                 DELETE FROM receipts WHERE entry_id >= {from};
                 DELETE FROM records WHERE after_entry >= {from};
                 DELETE FROM postings WHERE entry_id >= {from};
                 DELETE FROM entries WHERE id >= {from};"
            ))
            .unwrap();
            Tampering {
                what: format!("the newest {cut} entries cut off (from entry {from})"),
                earliest: None,
                row: None,
            }
        }
    }
}

fn tamper_memo(conn: &Connection, entry: i64, dice: &mut Dice) -> Tampering {
    let sql = match dice.below(5) {
        0 => "UPDATE entries SET memo = memo || 'x' WHERE id = ?1",
        1 => "UPDATE entries SET memo = 'paid to a friend' WHERE id = ?1",
        2 => "UPDATE entries SET memo = memo || ' ' WHERE id = ?1",
        // The same bytes as a BLOB, and bytes that are not UTF-8 at all.
        3 => "UPDATE entries SET memo = CAST(memo AS BLOB) WHERE id = ?1",
        _ => "UPDATE entries SET memo = X'E6FF00' WHERE id = ?1",
    };
    conn.execute(sql, [entry]).unwrap();
    touched(format!("entry {entry}: {sql}"), entry)
}

/// Two entries exchange places, hashes and postings included.
fn swap_entries(conn: &Connection, shape: &Shape, dice: &mut Dice) -> Tampering {
    let n = shape.entries.len() as u64;
    let a = shape.entries[dice.below(n) as usize].0;
    let b = loop {
        let b = shape.entries[dice.below(n) as usize].0;
        if b != a {
            break b;
        }
    };
    conn.execute_batch(&format!(
        "UPDATE entries SET id = -1 WHERE id = {a};
         UPDATE entries SET id = {a} WHERE id = {b};
         UPDATE entries SET id = {b} WHERE id = -1;
         UPDATE postings SET entry_id = -1 WHERE entry_id = {a};
         UPDATE postings SET entry_id = {a} WHERE entry_id = {b};
         UPDATE postings SET entry_id = {b} WHERE entry_id = -1;"
    ))
    .unwrap();
    touched(format!("entries {a} and {b} swapped"), a.min(b))
}

/// Two postings (of one entry or of two) exchange account, fund and amount.
fn swap_postings(conn: &Connection, shape: &Shape, dice: &mut Dice) -> Tampering {
    let n = shape.postings.len() as u64;
    let a = shape.postings[dice.below(n) as usize].clone();
    let b = loop {
        let b = shape.postings[dice.below(n) as usize].clone();
        if (&b.account, b.fund, b.amount) != (&a.account, a.fund, a.amount) {
            break b;
        }
    };
    for (to, from) in [(&a, &b), (&b, &a)] {
        conn.execute(
            "UPDATE postings SET account = ?1, fund_id = ?2, amount_fen = ?3
             WHERE entry_id = ?4 AND seq = ?5",
            params![from.account, from.fund, from.amount, to.entry, to.seq],
        )
        .unwrap();
    }
    touched(
        format!("postings {a:?} and {b:?} swapped"),
        a.entry.min(b.entry),
    )
}

/// The first entry id a message names ("… entry 12 no longer matches …").
fn named_entry(message: &str) -> Option<i64> {
    let at = message.find("entry ")? + "entry ".len();
    let digits: String = message[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn fresh_copy(source: &Path, copy: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = copy.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
    std::fs::copy(source, copy).expect("copy the ledger");
}

#[test]
fn every_random_tampering_is_caught_and_named() {
    let (mut dice, seed) = Dice::seeded("LOVEFUND_TAMPER_SEED", DEFAULT_SEED);
    let ledger = prepared();
    let fingerprint = ledger.json(&["verify"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    checkpoint(&ledger.db);
    let shape = Shape::read(&ledger.raw());
    let scratch = common::memory_dir();
    let copy = scratch.path().join("tampered.db");
    let (mut truncations, mut named, mut rows) = (0, 0, 0);
    for case in 0..CASES {
        fresh_copy(&ledger.db, &copy);
        let tampering = {
            let conn = Connection::open(&copy).unwrap();
            // rusqlite's bundled SQLite enforces foreign keys by default; an attacker
            // would not.
            conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
            conn.pragma_update(None, "ignore_check_constraints", "ON")
                .unwrap();
            conn.execute_batch("BEGIN").unwrap();
            let tampering = tamper(&conn, &shape, &mut dice);
            conn.execute_batch("COMMIT").unwrap();
            tampering
        };
        let context = format!(
            "LOVEFUND_TAMPER_SEED={seed}, case {case}: {}",
            tampering.what
        );
        let verify = |cmd: assert_cmd::Command| {
            let mut cmd = cmd;
            cmd.arg("--db").arg(&copy).args(["--lang", "en", "verify"]);
            if tampering.earliest.is_none() && tampering.row.is_none() {
                cmd.args(["--fingerprint", &fingerprint]);
            }
            cmd.output().unwrap()
        };
        let mut out = verify(ledger.cmd());
        if String::from_utf8_lossy(&out.stderr).contains("or the password is wrong") {
            // The treasurer's own user row was changed: the reviewer signs in.
            out = verify(as_reviewer(ledger.cmd()));
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "passed verify: {context}\n{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{context}: {stderr}");
        match (tampering.earliest, &tampering.row) {
            (_, Some(row)) => {
                assert!(
                    stderr.starts_with(&format!("lovefund: verify failed: {row} ")),
                    "{context}: names the wrong row: {stderr}"
                );
                rows += 1;
            }
            (Some(entry), None) => {
                assert_eq!(
                    named_entry(&stderr),
                    Some(entry),
                    "{context}: names the wrong entry: {stderr}"
                );
                named += 1;
            }
            (None, None) => {
                assert!(
                    stderr.contains(&format!(
                        "fingerprint: no entry or record has the fingerprint {fingerprint}"
                    )),
                    "{context}: {stderr}"
                );
                truncations += 1;
            }
        }
    }
    let tables: std::collections::BTreeSet<&str> = shape.chained.iter().map(|r| r.table).collect();
    assert_eq!(
        tables.len(),
        lovefund::store::CHAINED_TABLES.len(),
        "the prepared ledger has rows in every chained table"
    );
    eprintln!(
        "{CASES}/{CASES} tamperings of a {}-entry ledger caught: {named} named the first \
         changed entry, {rows} the changed row of a table beside the journal, \
         {truncations} truncations caught by --fingerprint",
        shape.entries.len()
    );
}

#[test]
fn a_rolled_back_copy_passes_verify_but_not_the_fingerprint_printed_later() {
    let ledger = Ledger::new();
    ledger.donate("2022-03-01", "5000.00");
    ledger.donate("2022-03-02", "100.00");
    checkpoint(&ledger.db);
    let older = ledger.dir.path().join("older.db");
    std::fs::copy(&ledger.db, &older).unwrap();
    let first = ledger.json(&["verify"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    ledger.donate("2022-03-03", "42.00");
    let summary = ledger.json(&["summary", "--year", "2022"]);
    let printed = summary["fingerprint"].as_str().unwrap().to_string();
    assert_eq!(printed.len(), 64);
    assert_ne!(printed, first);

    // The ledger itself still holds both: the one printed now and the older one.
    for hash in [
        printed.clone(),
        first.clone(),
        printed.to_uppercase(),
        printed[..16].to_string(),
    ] {
        let out = ledger.stdout(&["--lang", "en", "verify", "--fingerprint", &hash]);
        assert!(out.contains("fingerprint"), "{out}");
    }
    let json = ledger.json(&["verify", "chain", "--fingerprint", &first]);
    assert_eq!(json["checks"][1]["check"], "fingerprint");
    assert_eq!(json["checks"][1]["passed"], true);

    // The older copy is a perfectly good ledger …
    let old = |args: &[&str]| {
        let mut cmd = ledger.cmd();
        cmd.arg("--db")
            .arg(&older)
            .args(["--lang", "en"])
            .args(args)
            .assert()
    };
    old(&["verify"]).success();
    old(&["verify", "--fingerprint", &first]).success();
    // … but not the one the summary printed: its newest entry is missing.
    let err = old(&["verify", "--fingerprint", &printed]).code(1);
    let stderr = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert_eq!(
        stderr.trim(),
        format!(
            "lovefund: verify failed: fingerprint: no entry or record has the fingerprint \
             {printed}: the item that was the head when it was printed is gone — newer \
             entries were cut off or the chain was rewritten (the ledger now ends at entry 2, \
             fingerprint {first})"
        )
    );
}

#[test]
fn a_rewritten_chain_is_caught_by_the_fingerprint_alone() {
    // The attacker recomputes every hash after changing entry 1: `chain` cannot see
    // that, but the fingerprint printed before no longer exists.
    let ledger = Ledger::new();
    ledger.donate("2022-03-01", "5000.00");
    let printed = ledger.json(&["verify"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    std::fs::remove_file(&ledger.db).unwrap();
    let _ = std::fs::remove_file(common::wal_path(&ledger.db));
    ledger.run(&["init", "--name", "測試愛心基金"]).success();
    ledger.donate("2022-03-01", "50.00");
    ledger.run(&["verify"]).success();
    let stderr = ledger.refused(&["--lang", "en", "verify", "--fingerprint", &printed]);
    assert!(
        stderr.contains("verify failed: fingerprint: no entry or record has the fingerprint"),
        "{stderr}"
    );
}

#[test]
fn a_malformed_fingerprint_is_refused_naming_the_option() {
    let ledger = Ledger::new();
    ledger.donate("2022-03-01", "5000.00");
    for bad in [
        "",
        "abc",
        "0123456789abcde",
        "zz23456789abcdef",
        &"a".repeat(65),
    ] {
        let stderr = ledger.refused(&["--lang", "en", "verify", "--fingerprint", bad]);
        assert!(
            stderr.starts_with("lovefund: --fingerprint ")
                && stderr.contains("at least the first 16"),
            "{bad:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1);
    }
    // A well-formed hash of no entry fails as a check, not as bad input.
    let stderr = ledger.refused(&["--lang", "en", "verify", "--fingerprint", &"0".repeat(64)]);
    assert!(stderr.contains("verify failed: fingerprint:"), "{stderr}");
}

/// Regression: a value of another type than the schema's (SQLite keeps whatever it is
/// given) made `verify` stop with "the ledger database reported an error: Invalid
/// column type Real …" instead of naming the entry; `show` now refuses it clearly.
#[test]
fn a_value_of_the_wrong_type_is_named_not_a_database_error() {
    for (sql, what) in [
        (
            "UPDATE postings SET amount_fen = 500000.5 WHERE entry_id = 1 AND seq = 1",
            "entry 1 has a real value as its posting amount, which lovefund never writes",
        ),
        (
            "UPDATE entries SET memo = X'E6FF00' WHERE id = 1",
            "entry 1 has a blob value as its memo, which lovefund never writes",
        ),
        (
            "UPDATE entries SET memo = CAST(X'E6FF00' AS TEXT) WHERE id = 1",
            "entry 1 has text that is not UTF-8 as its memo, which lovefund never writes",
        ),
    ] {
        let ledger = Ledger::new();
        ledger.donate("2022-03-01", "5000.00");
        ledger.donate("2022-03-02", "10.00");
        let conn = ledger.raw();
        conn.execute_batch("DROP TRIGGER postings_no_update; DROP TRIGGER entries_no_update")
            .unwrap();
        conn.execute(sql, []).unwrap();
        drop(conn);
        let stderr = ledger.refused(&["--lang", "en", "verify", "chain"]);
        assert_eq!(
            stderr.trim(),
            format!("lovefund: verify failed: chain: {what}")
        );
        let stderr = ledger.refused(&["--lang", "en", "show", "1"]);
        assert!(
            stderr.contains(what) && stderr.contains("run `lovefund verify`"),
            "{stderr}"
        );
    }
}
