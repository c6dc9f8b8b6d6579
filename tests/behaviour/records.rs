//! Tampering outside the journal (issue 14, item 5): renaming a fund, flipping its
//! restricted flag, renaming a donor or an account, deleting a closed year, editing a
//! reconciliation or the fund's name in the settings passed `verify` and left the
//! fingerprint as it was, while every report printed the altered data. Each such row
//! is now in a chained record: `verify` fails naming the table and the row, and an
//! attacker who rewrites the record to match gets a new fingerprint.

use crate::common::Ledger;
use crate::tampering::{checkpoint, prepared};
use lovefund::ledger::chain::{self, RecordFields};
use rusqlite::{Connection, params};

/// Runs `sql` on the ledger file as an attacker would: triggers, foreign keys and
/// CHECK constraints out of the way.
fn tamper(db: &std::path::Path, sql: &str) {
    let conn = Connection::open(db).unwrap();
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn.pragma_update(None, "ignore_check_constraints", "ON")
        .unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for name in triggers {
        conn.execute_batch(&format!("DROP TRIGGER {name}")).unwrap();
    }
    assert_eq!(conn.execute(sql, []).unwrap(), 1, "{sql}");
}

#[test]
fn each_change_the_issue_names_fails_verify_naming_the_table_and_row() {
    let ledger = prepared();
    checkpoint(&ledger.db);
    let cases = [
        (
            "rename a fund",
            "UPDATE funds SET name_zh_hant = '助殘' WHERE alias = '助老'",
            "funds row id 5 differs from what record ",
        ),
        (
            "flip a fund's restricted flag",
            "UPDATE funds SET restricted = 0 WHERE id = 2",
            "funds row id 2 differs from what record 2 holds: it was changed",
        ),
        (
            "rename a donor",
            "UPDATE parties SET name = '李四' WHERE id = 1",
            "parties row id 1 differs from what record ",
        ),
        (
            "rename an account",
            "UPDATE accounts SET name_zh_hant = '現金' WHERE code = '1002'",
            "accounts row code \"1002\" differs from what record 2 holds: it was changed",
        ),
        (
            "delete a closed year",
            "DELETE FROM closed_years WHERE year = 2022",
            "closed_years row year 2022 is missing: record ",
        ),
        (
            "edit a reconciliation",
            "UPDATE reconciliations SET closing_balance_fen = closing_balance_fen + 100",
            "reconciliations row id 1 differs from what record ",
        ),
        (
            "rename the fund in the settings",
            "UPDATE meta SET value = '假基金' WHERE key = 'name'",
            "meta row key \"name\" differs from what record 1 holds: it was changed",
        ),
    ];
    for (what, sql, named) in cases {
        let copy = Ledger::empty();
        std::fs::copy(&ledger.db, &copy.db).unwrap();
        let before = copy.json(&["verify"])["fingerprint"].clone();
        tamper(&copy.db, sql);
        let stderr = copy.refused(&["--lang", "en", "verify"]);
        assert!(
            stderr.starts_with(&format!("lovefund: verify failed: records: {named}")),
            "{what}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{what}: {stderr}");
        // `verify records` alone says the same.
        let alone = copy.refused(&["--lang", "en", "verify", "records"]);
        assert_eq!(alone, stderr, "{what}");
        // The chain itself is intact: what changed is named by `records` only.
        copy.run(&["verify", "chain"]).success();
        let out = copy.cmd().args(["verify", "--json"]).output().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["fingerprint"], before, "{what}");
    }
}

/// The attacker of the test above, who also rewrites the record that holds the row
/// (its payload and its hash, computed as lovefund does): `verify` passes, but the
/// fingerprint printed before is gone, so `verify --fingerprint` catches it.
#[test]
fn a_record_rewritten_to_match_changes_the_fingerprint() {
    let ledger = Ledger::new();
    ledger.donate("2022-03-01", "100.00");
    ledger
        .run(&["fund", "add", "助老", "--restricted"])
        .success();
    let printed = ledger.json(&["verify"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    checkpoint(&ledger.db);
    let conn = Connection::open(&ledger.db).unwrap();
    let (id, after_entry, payload, by, at): (i64, i64, Vec<u8>, String, String) = conn
        .query_row(
            "SELECT id, after_entry, payload, recorded_by, recorded_at FROM records
             ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(
        hex::encode(
            conn.query_row("SELECT hash FROM records WHERE id = ?1", [id], |r| r
                .get::<_, Vec<u8>>(0))
                .unwrap()
        ),
        printed,
        "the last record is the head"
    );
    let previous: Vec<u8> = conn
        .query_row(
            "SELECT hash FROM entries WHERE id = ?1",
            [after_entry],
            |r| r.get(0),
        )
        .unwrap();
    // Same length in UTF-8, so the payload's lengths still hold.
    let (old, new) = ("助老".as_bytes(), "助殘".as_bytes());
    let mut forged = payload.clone();
    let mut replaced = 0;
    while let Some(at) = forged.windows(old.len()).position(|w| w == old) {
        forged[at..at + old.len()].copy_from_slice(new);
        replaced += 1;
    }
    assert_eq!(replaced, 4, "the alias and the three names");
    let hash = chain::record_hash(
        &previous,
        &RecordFields {
            id,
            after_entry,
            recorded_by: &by,
            recorded_at: &at,
            payload: &forged,
        },
    );
    conn.execute_batch(
        "DROP TRIGGER records_no_update; DROP TRIGGER funds_no_update;
         UPDATE funds SET alias = '助殘', name_zh_hant = '助殘', name_zh_hans = '助殘',
                          name_en = '助殘' WHERE alias = '助老';",
    )
    .unwrap();
    conn.execute(
        "UPDATE records SET payload = ?1, hash = ?2 WHERE id = ?3",
        params![forged, hash.as_slice(), id],
    )
    .unwrap();
    // The triggers go back as they were, so append-only cannot tell either.
    for sql in lovefund::store::MIGRATIONS.iter().map(|m| m.2) {
        for statement in sql.split("CREATE TRIGGER ").skip(1) {
            let name = statement.split_whitespace().next().unwrap();
            if name == "records_no_update" || name == "funds_no_update" {
                let body = &statement[..statement.find("END;").unwrap() + 4];
                conn.execute_batch(&format!("CREATE TRIGGER {body}"))
                    .unwrap();
            }
        }
    }
    drop(conn);
    // Every check passes: the forgery is consistent …
    ledger.run(&["verify"]).success();
    // … but the fingerprint moved with the fund's name.
    let now = ledger.json(&["verify"])["fingerprint"].clone();
    assert_ne!(now.as_str(), Some(printed.as_str()));
    let stderr = ledger.refused(&["--lang", "en", "verify", "--fingerprint", &printed]);
    assert!(
        stderr.contains("fingerprint: no entry or record has the fingerprint"),
        "{stderr}"
    );
    let funds = ledger.stdout(&["fund", "list"]);
    assert!(funds.contains("助殘") && !funds.contains("助老"), "{funds}");
}

/// A ledger of schema 4 (before records): its chart, settings, a donor and an entry
/// go into one record when it is first opened for writing; its entry keeps its hash.
#[test]
fn an_older_ledger_records_its_rows_on_upgrade() {
    let ledger = Ledger::empty();
    let conn = Connection::open(&ledger.db).unwrap();
    conn.pragma_update(None, "application_id", lovefund::store::APPLICATION_ID)
        .unwrap();
    for (version, _, sql) in &lovefund::store::MIGRATIONS[..4] {
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
    }
    conn.execute_batch(
        "INSERT INTO meta VALUES ('name', '舊基金'), ('lang', 'zh-Hant');
         INSERT INTO accounts VALUES ('1002', 'asset', '銀行存款', '银行存款', 'Bank', NULL),
                                     ('4101', 'income', '捐贈收入', '捐赠收入', 'Donations', NULL);
         INSERT INTO funds VALUES (1, 'unrestricted', '非限定', '非限定', 'Unrestricted', 0, NULL);
         INSERT INTO parties (id, role, type, name, created_at)
             VALUES (1, 'donor', 'person', '張三', '2022-01-01T00:00:00Z');",
    )
    .unwrap();
    use lovefund::ledger::account::AccountCode;
    use lovefund::ledger::entry::{EntryDetails, EntryKind, Posting};
    use lovefund::ledger::fund::FundId;
    use lovefund::ledger::money::Money;
    let postings = [("1002", 10_000), ("4101", -10_000)].map(|(code, fen)| Posting {
        account: AccountCode::parse(code).unwrap(),
        fund: FundId(1),
        amount: Money::from_fen(fen),
    });
    let details = EntryDetails::default();
    let date = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
    let hash = chain::entry_hash(
        &chain::GENESIS,
        &chain::EntryFields {
            id: 1,
            date,
            kind: EntryKind::Manual,
            memo: "gift",
            details: &details,
            recorded_by: "treasurer",
            recorded_at: "2022-03-01T00:00:00Z",
            postings: &postings,
        },
    );
    conn.execute(
        "INSERT INTO entries (id, date, kind, memo, recorded_by, recorded_at, hash)
         VALUES (1, '2022-03-01', 'manual', 'gift', 'treasurer', '2022-03-01T00:00:00Z', ?1)",
        [hash.as_slice()],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT INTO postings VALUES (1, 1, '1002', 1, 10000), (1, 2, '4101', 1, -10000);
         INSERT INTO daily_totals VALUES ('1002', 1, '2022-03-01', 10000, 0),
                                         ('4101', 1, '2022-03-01', 0, 10000);
         INSERT INTO guard_daily VALUES ('fund:1', '2022-03-01', 10000, 0),
                                        ('account:1002', '2022-03-01', 10000, 0);",
    )
    .unwrap();
    drop(conn);
    // Read-only cannot upgrade; the first write does, and the old entry stays valid.
    let stderr = ledger.refused(&["--lang", "en", "--read-only", "verify"]);
    assert!(stderr.contains("older schema (4"), "{stderr}");
    ledger.run(&["donor", "add", "李四"]).success();
    let report = ledger.json(&["verify"]);
    assert_eq!(report["passed"], true, "{report}");
    let conn = ledger.raw();
    let recorded: Vec<(i64, i64, String)> = conn
        .prepare("SELECT id, after_entry, recorded_by FROM records ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        recorded,
        [
            (1, 1, "lovefund (schema 5)".to_string()),
            (2, 1, "lovefund (schema 9)".to_string()),
            // Schema 14 adds 1501 受托代理資產 and 2601 受托代理負債 to the chart.
            (3, 1, "lovefund (schema 14)".to_string()),
            (4, 1, "tester".to_string())
        ]
    );
    drop(conn);
    tamper(&ledger.db, "UPDATE parties SET name = '王五' WHERE id = 1");
    let stderr = ledger.refused(&["--lang", "en", "verify"]);
    assert_eq!(
        stderr.trim(),
        "lovefund: verify failed: records: parties row id 1 differs from what record 1 holds: \
         it was changed"
    );
}
