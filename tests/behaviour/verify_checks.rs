//! Each `verify` check against the smallest change that breaks it: for every check
//! `lovefund verify` knows, a copy of the demo's year (2022 closed) is changed with raw
//! SQL — the append-only triggers in the way are lifted for the change and put back,
//! as someone covering their tracks would — and then `verify CHECK` must exit 1 and
//! name the problem in one sentence, while `verify --json` fails exactly the checks
//! the change really breaks (a changed posting is also a broken chain) and passes
//! every other.

use crate::common::{self, Ledger};
use rusqlite::Connection;
use serde_json::Value;
use std::collections::BTreeSet;

struct Case {
    check: &'static str,
    /// Triggers lifted for the change and put back after it.
    lift: &'static [&'static str],
    /// The change, as raw SQL.
    sql: &'static str,
    /// Whether the lifted triggers stay dropped (the `append-only` case).
    leave_lifted: bool,
    /// What `verify CHECK` prints on stderr (exactly, newline implied).
    stderr: &'static str,
    /// Every check that fails after the change, `check` among them.
    failing: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        check: "balanced",
        lift: &["postings_no_update"],
        // The donation's income posting, which no reconciliation cleared.
        sql: "UPDATE postings SET amount_fen = amount_fen + 1 WHERE entry_id = 1 AND seq = 2",
        leave_lifted: false,
        stderr: "lovefund: verify failed: balanced: entry 1 does not balance: its postings sum to 0.01",
        failing: &["balanced", "chain", "totals"],
    },
    Case {
        check: "chain",
        lift: &["entries_no_update"],
        sql: "UPDATE entries SET memo = memo || '.' WHERE id = 1",
        leave_lifted: false,
        stderr: "lovefund: verify failed: chain: entry 1 no longer matches its hash: it or the item before it was changed",
        failing: &["chain"],
    },
    Case {
        check: "records",
        lift: &["funds_no_update"],
        // A fund renamed: every report prints the new name (issue 14, item 5).
        sql: "UPDATE funds SET name_zh_hant = '助學金' WHERE id = 2",
        leave_lifted: false,
        stderr: "lovefund: verify failed: records: funds row id 2 differs from what record 2 holds: it was changed",
        failing: &["records"],
    },
    Case {
        check: "append-only",
        lift: &["receipts_no_delete"],
        sql: "SELECT 1",
        leave_lifted: true,
        stderr: "lovefund: verify failed: append-only: trigger receipts_no_delete is missing: the journal can be edited",
        failing: &["append-only"],
    },
    Case {
        check: "totals",
        lift: &[],
        sql: "UPDATE daily_totals SET debit_fen = debit_fen + 1
              WHERE (account, fund_id, date) =
                    (SELECT account, fund_id, date FROM daily_totals
                     ORDER BY date, account, fund_id LIMIT 1)",
        leave_lifted: false,
        stderr: "lovefund: verify failed: totals: the stored daily totals of account 1002 fund 2 on 2022-01-05 differ from its postings",
        failing: &["totals"],
    },
    Case {
        check: "funds",
        lift: &["entries_no_update"],
        // The first aid paid, back-dated to before any gift to its fund arrived.
        sql: "UPDATE entries SET date = '2022-01-01'
              WHERE id = (SELECT min(id) FROM entries WHERE kind = 'disbursement')",
        leave_lifted: false,
        stderr: "lovefund: verify failed: funds: fund 助學 (study-aid) goes negative on 2022-01-01 (down to -1000.00)",
        failing: &["chain", "totals", "funds"],
    },
    Case {
        check: "receipts",
        lift: &["receipts_no_delete"],
        sql: "DELETE FROM receipts WHERE year = 2022 AND seq = 5",
        leave_lifted: false,
        stderr: "lovefund: verify failed: receipts: receipt 2022-000005 is missing: 1 number(s) of 2022 were deleted",
        failing: &["receipts", "records"],
    },
    Case {
        check: "periods",
        lift: &["closed_years_no_update"],
        // The close now claims to have come before its own last closing entry.
        sql: "UPDATE closed_years SET last_entry = last_entry - 1 WHERE year = 2022",
        leave_lifted: false,
        stderr: "lovefund: verify failed: periods: entry 446 is dated 2022-12-31, in 2022, which was closed before it was recorded",
        failing: &["periods", "records"],
    },
    Case {
        check: "reconciliations",
        lift: &["cleared_postings_no_update"],
        sql: "UPDATE cleared_postings SET amount_fen = amount_fen + 1
              WHERE (entry_id, seq) =
                    (SELECT entry_id, seq FROM cleared_postings ORDER BY entry_id, seq LIMIT 1)",
        leave_lifted: false,
        stderr: "lovefund: verify failed: reconciliations: entry 1 posting 1 is marked cleared, but it was cleared at 50000.01 but the posting now says 50000.00",
        failing: &["reconciliations", "records"],
    },
    Case {
        check: "attachments",
        lift: &[],
        // A stored document whose bytes are not what its SHA-256 key says (the bytes
        // are not chained: only this check hashes them).
        sql: "INSERT INTO attachment_blobs (sha256, size, bytes)
              VALUES (zeroblob(32), 3, CAST('abc' AS BLOB))",
        leave_lifted: false,
        stderr: "lovefund: verify failed: attachments: the stored document 0000000000000000000000000000000000000000000000000000000000000000 does not match its SHA-256",
        failing: &["attachments"],
    },
    Case {
        check: "reviews",
        lift: &[],
        // Entry 1 "approved" by the user who prepared it, written around lovefund.
        sql: "INSERT INTO approvals VALUES (1, 'approved', NULL, 'demo', '2026-01-01T00:00:00Z')",
        leave_lifted: false,
        stderr: "lovefund: verify failed: reviews: entry 1 was reviewed by its own preparer demo: a review takes a second person",
        failing: &["records", "reviews"],
    },
    Case {
        check: "trust",
        lift: &["postings_no_update"],
        // The first gift's income posting moved onto 2601 受托代理负债, naming nobody
        // it would be held for.
        sql: "UPDATE postings SET account = '2601' WHERE entry_id = 1 AND seq = 2",
        leave_lifted: false,
        stderr: "lovefund: verify failed: trust: entry 1 moves 2601 entrusted liabilities without naming whom it is held for: money held in trust is received with donate --for and paid with disburse --entrusted",
        // The fund's net assets lose the gift, so its aid overdraws it.
        failing: &["chain", "totals", "funds", "trust"],
    },
    Case {
        check: "integrity",
        lift: &[],
        // A statement line of a reconciliation that does not exist.
        sql: "INSERT INTO reconciliation_unmatched
              VALUES (99, 1, '2022-12-31', 100, 'X-1', 'nobody''s line')",
        leave_lifted: false,
        stderr: "lovefund: verify failed: integrity: a row of reconciliation_unmatched points at a missing row of reconciliations",
        failing: &["integrity", "records"],
    },
];

/// Applies a case's change to the ledger file, in one transaction, foreign keys off
/// (rusqlite's bundled SQLite enforces them by default; an attacker's would not).
fn tamper(db: &std::path::Path, case: &Case) {
    let conn = Connection::open(db).expect("open raw");
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn.execute_batch("BEGIN").unwrap();
    let mut lifted = Vec::new();
    for trigger in case.lift {
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                [trigger],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{}: trigger {trigger}: {e}", case.check));
        conn.execute_batch(&format!("DROP TRIGGER {trigger}"))
            .unwrap();
        lifted.push(sql);
    }
    let changed = match case.sql.trim_start().starts_with("SELECT") {
        true => 1,
        false => conn.execute(case.sql, []).unwrap(),
    };
    assert_eq!(
        changed, 1,
        "{}: the change touched {changed} rows",
        case.check
    );
    if !case.leave_lifted {
        for sql in lifted {
            conn.execute_batch(&sql).unwrap();
        }
    }
    conn.execute_batch("COMMIT").unwrap();
}

/// `verify --json`: the names of the checks that failed, and of all checks run.
fn failing_checks(ledger: &Ledger) -> (BTreeSet<String>, BTreeSet<String>) {
    let out = ledger.cmd().args(["verify", "--json"]).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).expect("verify --json");
    let checks = report["checks"].as_array().expect("checks").clone();
    let name = |c: &Value| c["check"].as_str().unwrap().to_string();
    let failing = checks
        .iter()
        .filter(|c| c["passed"] != true)
        .map(name)
        .collect();
    (failing, checks.iter().map(name).collect())
}

#[test]
fn every_check_fails_on_the_change_that_breaks_it_and_only_where_it_is_broken() {
    let demo = common::demo_ledger();
    let (failing, all) = failing_checks(&demo);
    assert!(failing.is_empty(), "the untouched demo fails {failing:?}");
    let covered: BTreeSet<String> = CASES.iter().map(|c| c.check.to_string()).collect();
    assert_eq!(covered, all, "every check verify runs has a case here");
    for check in &all {
        demo.run(&["verify", check]).success();
    }
    let template = demo.dir.path().join("template.db");
    std::fs::copy(&demo.db, &template).unwrap();

    let mut problems = Vec::new();
    for case in CASES {
        let ledger = Ledger::empty();
        std::fs::copy(&template, &ledger.db).unwrap();
        tamper(&ledger.db, case);
        let out = ledger
            .cmd()
            .args(["--lang", "en", "verify", case.check])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(1) || stderr != format!("{}\n", case.stderr) {
            problems.push(format!(
                "verify {}: exit {:?}, stderr {stderr:?}\n  expected exit 1, {:?}",
                case.check,
                out.status.code(),
                case.stderr
            ));
        }
        let (failing, _) = failing_checks(&ledger);
        let expected: BTreeSet<String> = case.failing.iter().map(|c| c.to_string()).collect();
        if failing != expected {
            problems.push(format!(
                "after breaking {}: verify fails {failing:?}, expected {expected:?}",
                case.check
            ));
        }
        for other in all.iter().filter(|c| !expected.contains(*c)) {
            let code = ledger
                .cmd()
                .args(["verify", other])
                .output()
                .unwrap()
                .status;
            if !code.success() {
                problems.push(format!(
                    "after breaking {}: verify {other} exits {code}",
                    case.check
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
