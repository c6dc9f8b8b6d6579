//! Black-box tests of reconciliation and audit controls (issue 5): bank statements,
//! year close and the period lock, the named verify checks, auditor mode, backup and
//! the refusal of unsafe ledger files.

use crate::common;

use common::Ledger;
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const STATEMENT_HEADER: &str = "date,amount,reference,description";

/// Writes a UTF-8 statement CSV beside the ledger and returns its path.
fn write_statement(l: &Ledger, name: &str, lines: &[&str]) -> String {
    let path = l.dir.path().join(name);
    let mut text = String::from(STATEMENT_HEADER);
    for line in lines {
        text.push('\n');
        text.push_str(line);
    }
    text.push('\n');
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().to_string()
}

/// A donor, a student and four bank movements:
/// 1. 2022-03-01 gift of 1000.00 to 助學, reference REF-A;
/// 2. 2022-03-05 unrestricted gift of 500.00, no reference;
/// 3. 2022-03-10 aid of 300.00 from 助學, cheque CHQ-1;
/// 4. 2022-03-12 aid of 200.00 from 助學, cheque CHQ-2 (still outstanding).
///
/// Bank balance in the ledger: 1000.00.
fn bank_ledger() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    l.run(&["beneficiary", "add", "王小明", "--type", "student"])
        .success();
    donate(&l, "1000", "2022-03-01", "助學", Some("REF-A"));
    donate(&l, "500", "2022-03-05", "非限定", None);
    disburse(&l, "300", "2022-03-10", Some("CHQ-1"));
    disburse(&l, "200", "2022-03-12", Some("CHQ-2"));
    l
}

fn donate(l: &Ledger, amount: &str, date: &str, fund: &str, reference: Option<&str>) {
    let mut args = vec![
        "donate", "--donor", "李明", "--amount", amount, "--date", date, "--fund", fund,
        "--method", "bank",
    ];
    if let Some(reference) = reference {
        args.extend(["--reference", reference]);
    }
    l.run(&args).success();
}

fn disburse(l: &Ledger, amount: &str, date: &str, reference: Option<&str>) {
    let mut args = vec![
        "disburse",
        "--to",
        "王小明",
        "--amount",
        amount,
        "--date",
        date,
        "--program",
        "助學",
        "--method",
        "bank",
    ];
    if let Some(reference) = reference {
        args.extend(["--reference", reference]);
    }
    l.run(&args).success();
}

/// The March statement of `bank_ledger`: REF-A by reference, the 500.00 gift by amount
/// three days later, CHQ-1 by reference, and a bank fee the ledger does not have.
/// Closing balance 1000 + 500 − 300 − 12.50 = 1187.50.
fn march_statement(l: &Ledger) -> String {
    write_statement(
        l,
        "march.csv",
        &[
            "2022-03-02,1000.00,REF-A,李明捐款",
            "2022-03-08,500.00,,轉賬存入",
            "2022-03-11,-300.00,CHQ-1,支票",
            "2022-03-31,-12.50,,手續費",
        ],
    )
}

fn reconcile(l: &Ledger, statement: &str, closing: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "reconcile",
        "--account",
        "1002",
        "--statement",
        statement,
        "--closing-balance",
        closing,
        "--as-of",
        "2022-03-31",
    ];
    args.extend_from_slice(extra);
    l.json(&args)
}

/// (statement line, posting key, match kind) of every match.
fn matches(report: &Value) -> Vec<(i64, (i64, i64), String)> {
    report["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m[0]["line"].as_i64().unwrap(),
                (
                    m[1]["posting_key"][0].as_i64().unwrap(),
                    m[1]["posting_key"][1].as_i64().unwrap(),
                ),
                m[2].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The posting key of the bank posting of an entry (from `show`).
fn bank_posting(l: &Ledger, entry: i64) -> (i64, i64) {
    let shown = l.json(&["show", &entry.to_string()]);
    let seq = shown["lines"]
        .as_array()
        .unwrap()
        .iter()
        .position(|line| line["account"] == "1002")
        .unwrap();
    (entry, seq as i64 + 1)
}

fn account(tb: &Value, code: &str) -> Value {
    tb["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == code)
        .unwrap_or_else(|| panic!("no account {code} in {tb}"))
        .clone()
}

/// An amount string ("1234.50", "-3.00") as integer fen.
fn fen(amount: &Value) -> i64 {
    let text = amount.as_str().unwrap();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let (yuan, cents) = digits.split_once('.').unwrap();
    sign * (yuan.parse::<i64>().unwrap() * 100 + cents.parse::<i64>().unwrap())
}

/// `verify --json` whatever its exit code.
fn verify_report(l: &Ledger) -> Value {
    let out = l.run(&["verify", "--json"]).get_output().stdout.clone();
    serde_json::from_slice(&out).expect("verify --json prints JSON")
}

fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {report}"))
}

/// The named check fails alone (exit 1, named on stderr) and in `verify --json`
/// (exit 1, `passed: false` with findings); returns the full report.
fn assert_check_fails(l: &Ledger, name: &str) -> Value {
    let err = l.refused(&["--lang", "en", "verify", name]);
    assert!(err.contains(name), "{err}");
    l.run(&["verify", "--json"]).code(1);
    let report = verify_report(l);
    assert_eq!(report["passed"], false);
    let found = check(&report, name);
    assert_eq!(found["passed"], false, "{report}");
    assert!(!found["findings"].as_array().unwrap().is_empty(), "{found}");
    report
}

fn assert_checks_pass(report: &Value, names: &[&str]) {
    for name in names {
        assert_eq!(check(report, name)["passed"], true, "{name}: {report}");
    }
}

/// Runs `sql` with the trigger `name` dropped, then puts the trigger back exactly as
/// it was, so that `append-only` cannot notice.
fn with_trigger_dropped(l: &Ledger, name: &str, sql: &str) {
    let conn = l.raw();
    let create: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
            [name],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch(&format!("DROP TRIGGER {name}; {sql}; {create};"))
        .unwrap();
}

// ---------------------------------------------------------------- reconciliation

#[test]
fn reconcile_matches_by_reference_then_by_amount_within_three_days() {
    let l = bank_ledger();
    let statement = march_statement(&l);
    let report = reconcile(&l, &statement, "1187.50", &[]);
    assert_eq!(
        matches(&report),
        [
            (2, bank_posting(&l, 1), "reference".to_string()),
            (3, bank_posting(&l, 2), "amount-date".to_string()),
            (4, bank_posting(&l, 3), "reference".to_string()),
        ]
    );
    assert_eq!(report["matched"][1][0]["date"], "2022-03-08");
    assert_eq!(report["matched"][1][1]["date"], "2022-03-05");
    assert_eq!(report["ties"].as_array().unwrap().len(), 0);
    assert_eq!(report["recorded"], Value::Null);
}

#[test]
fn a_bank_fee_is_statement_only_and_an_outstanding_cheque_is_ledger_only() {
    let l = bank_ledger();
    let report = reconcile(&l, &march_statement(&l), "1187.50", &[]);
    let statement_only = report["statement_only"].as_array().unwrap();
    assert_eq!(statement_only.len(), 1, "{report}");
    assert_eq!(statement_only[0]["line"], 5);
    assert_eq!(statement_only[0]["amount"], "-12.50");
    assert_eq!(statement_only[0]["description"], "手續費");
    let ledger_only = report["ledger_only"].as_array().unwrap();
    assert_eq!(ledger_only.len(), 1, "{report}");
    assert_eq!(ledger_only[0]["amount"], "-200.00");
    assert_eq!(ledger_only[0]["reference"], "CHQ-2");
    assert_eq!(ledger_only[0]["posting_key"][0], 4);
}

#[test]
fn the_adjustment_table_agrees_when_the_closing_balance_is_right() {
    let l = bank_ledger();
    let report = reconcile(&l, &march_statement(&l), "1187.50", &[]);
    let table = &report["adjustment"];
    assert_eq!(table["ledger"]["balance"], "1000.00");
    assert_eq!(table["ledger"]["received_not_booked"], "0.00");
    assert_eq!(table["ledger"]["paid_not_booked"], "12.50");
    assert_eq!(table["ledger"]["adjusted"], "987.50");
    assert_eq!(table["bank"]["balance"], "1187.50");
    assert_eq!(table["bank"]["booked_not_received"], "0.00");
    assert_eq!(table["bank"]["booked_not_paid"], "200.00");
    assert_eq!(table["bank"]["adjusted"], "987.50");
    assert_eq!(table["agrees"], true);
    assert_eq!(table["difference"], "0.00");
    assert_eq!(table["ties_unresolved"], 0);
    let text = l.stdout(&[
        "reconcile",
        "--statement",
        &march_statement(&l),
        "--closing-balance",
        "1187.50",
        "--as-of",
        "2022-03-31",
    ]);
    assert!(text.contains("987.50"), "{text}");
}

#[test]
fn a_wrong_closing_balance_shows_the_difference() {
    let l = bank_ledger();
    let report = reconcile(&l, &march_statement(&l), "1200.00", &[]);
    let table = &report["adjustment"];
    assert_eq!(table["agrees"], false);
    assert_eq!(table["ledger"]["adjusted"], "987.50");
    assert_eq!(table["bank"]["adjusted"], "1000.00");
    assert_eq!(table["difference"], "-12.50");
}

#[test]
fn an_equal_amount_four_days_away_is_not_matched() {
    let l = bank_ledger();
    let statement = write_statement(&l, "late.csv", &["2022-03-09,500.00,,轉賬存入"]);
    let report = reconcile(&l, &statement, "500.00", &[]);
    assert!(matches(&report).is_empty(), "{report}");
    assert_eq!(report["statement_only"][0]["line"], 2);
}

#[test]
fn two_equally_close_ledger_items_are_a_tie_and_neither_is_matched() {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    donate(&l, "100", "2022-03-01", "非限定", None);
    donate(&l, "100", "2022-03-05", "非限定", None);
    let statement = write_statement(&l, "tie.csv", &["2022-03-03,100.00,,存入"]);
    let report = reconcile(&l, &statement, "100.00", &[]);
    assert!(matches(&report).is_empty(), "{report}");
    let ties = report["ties"].as_array().unwrap();
    assert_eq!(ties.len(), 1, "{report}");
    assert_eq!(ties[0]["kind"], "amount-date");
    assert_eq!(ties[0]["statement_lines"][0]["line"], 2);
    let mut tied: Vec<i64> = ties[0]["ledger_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["posting_key"][0].as_i64().unwrap())
        .collect();
    tied.sort();
    assert_eq!(tied, [1, 2]);
    assert_eq!(report["adjustment"]["ties_unresolved"], 1);
}

#[test]
fn commit_records_the_reconciliation_and_its_cleared_postings() {
    let l = bank_ledger();
    let statement = march_statement(&l);
    let preview = reconcile(&l, &statement, "1187.50", &[]);
    let committed = reconcile(&l, &statement, "1187.50", &["--commit"]);
    assert_eq!(committed["recorded"], 1);
    assert_eq!(matches(&committed), matches(&preview));
    let list = l.json(&["reconcile", "list"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], 1);
    assert_eq!(list[0]["account"], "1002");
    assert_eq!(list[0]["as_of"], "2022-03-31");
    assert_eq!(list[0]["statement_lines"], 4);
    assert_eq!(list[0]["closing_balance"], "1187.50");
    assert_eq!(list[0]["ledger_balance"], "1000.00");
    assert_eq!(list[0]["adjusted"], "987.50");
    assert_eq!(list[0]["agrees"], true);
    assert_eq!(list[0]["recorded_by"], "tester");
    let shown = l.json(&["reconcile", "show", "1"]);
    let cleared: Vec<((i64, i64), i64, String)> = shown["cleared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                (c["entry"].as_i64().unwrap(), c["seq"].as_i64().unwrap()),
                c["statement_line"].as_i64().unwrap(),
                c["match"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        cleared,
        [
            (bank_posting(&l, 1), 2, "reference".to_string()),
            (bank_posting(&l, 2), 3, "amount-date".to_string()),
            (bank_posting(&l, 3), 4, "reference".to_string()),
        ]
    );
    assert_eq!(shown["unmatched"].as_array().unwrap().len(), 1);
    assert_eq!(shown["unmatched"][0]["amount"], "-12.50");
    assert_eq!(shown["unmatched"][0]["description"], "手續費");
    // Recording it never touches the journal.
    assert_eq!(l.json(&["verify"])["entries"], 4);
    assert!(
        l.refused(&["--lang", "en", "reconcile", "show", "9"])
            .contains("no reconciliation 9")
    );
}

#[test]
fn the_same_statement_cannot_be_committed_twice() {
    let l = bank_ledger();
    let statement = march_statement(&l);
    reconcile(&l, &statement, "1187.50", &["--commit"]);
    let before = l.fingerprint();
    let err = l.refused(&[
        "--lang",
        "en",
        "reconcile",
        "--statement",
        &statement,
        "--closing-balance",
        "1187.50",
        "--as-of",
        "2022-03-31",
        "--commit",
    ]);
    assert!(err.contains("reconciliation 1"), "{err}");
    assert_eq!(before, l.fingerprint());
    assert_eq!(l.json(&["reconcile", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn a_cleared_posting_is_not_offered_to_a_later_statement() {
    let l = bank_ledger();
    reconcile(&l, &march_statement(&l), "1187.50", &["--commit"]);
    // The bank repeats the REF-A line on its next statement, and CHQ-2 is cashed.
    let april = write_statement(
        &l,
        "april.csv",
        &[
            "2022-03-02,1000.00,REF-A,李明捐款",
            "2022-03-14,-200.00,CHQ-2,支票",
        ],
    );
    let report = reconcile(&l, &april, "1987.50", &["--commit"]);
    let found = matches(&report);
    assert_eq!(
        found,
        [(3, bank_posting(&l, 4), "reference".to_string())],
        "{report}"
    );
    assert!(
        !found.iter().any(|(_, key, _)| *key == bank_posting(&l, 1)),
        "REF-A was cleared already"
    );
    assert_eq!(report["statement_only"][0]["reference"], "REF-A");
    let shown = l.json(&["reconcile", "show", "2"]);
    assert_eq!(shown["cleared"].as_array().unwrap().len(), 1);
    assert_eq!(shown["cleared"][0]["entry"], 4);
    let rows: i64 = l
        .raw()
        .query_row("SELECT COUNT(*) FROM cleared_postings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 4);
    l.run(&["verify"]).success();
}

#[test]
fn a_gbk_statement_with_chinese_headers_is_read_through_columns() {
    let l = bank_ledger();
    let text = "交易日期,金額,流水號,摘要\n\
                2022-03-02,1000.00,REF-A,李明捐款\n\
                2022-03-31,-12.50,,手續費\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    let path = l.dir.path().join("bank-export.csv");
    std::fs::write(&path, &gbk).unwrap();
    let path = path.to_str().unwrap();
    let report = reconcile(
        &l,
        path,
        "987.50",
        &[
            "--columns",
            "date=交易日期,amount=金額,reference=流水號,description=摘要",
        ],
    );
    assert_eq!(report["encoding"], "GB18030");
    assert_eq!(
        matches(&report),
        [(2, bank_posting(&l, 1), "reference".to_string())]
    );
    assert_eq!(report["matched"][0][0]["description"], "李明捐款");
    assert_eq!(report["statement_only"][0]["description"], "手續費");
    // Without the mapping the headers are those of a generic Chinese bank layout
    // (issue 15 §2.2): read as they are, to the same matches.
    let report = reconcile(&l, path, "987.50", &[]);
    assert_eq!(
        matches(&report),
        [(2, bank_posting(&l, 1), "reference".to_string())]
    );
}

#[test]
fn every_bad_statement_line_is_reported_and_nothing_is_recorded() {
    let l = bank_ledger();
    let statement = write_statement(
        &l,
        "bad.csv",
        &[
            "2022-03-02,1000.00,REF-A,ok",
            "2022-02-30,1.00,,bad date",
            "2022-03-03,1.005,,three decimals",
            "2022-03-04,1e5,,exponent",
            "2022-03-05,,,empty amount",
            "2022-03-06,-5.00,,ok",
        ],
    );
    let before = l.fingerprint();
    let out = l
        .run(&[
            "--lang",
            "en",
            "reconcile",
            "--statement",
            &statement,
            "--closing-balance",
            "1000",
            "--as-of",
            "2022-03-31",
            "--commit",
        ])
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (line, column) in [(3, "date"), (4, "amount"), (5, "amount"), (6, "amount")] {
        assert!(
            stderr.contains(&format!("line {line}, column {column}")),
            "line {line} {column}:\n{stderr}"
        );
    }
    assert!(
        !stderr.contains("line 2,") && !stderr.contains("line 7,"),
        "{stderr}"
    );
    assert!(stderr.contains("4 bad line"), "{stderr}");
    assert_eq!(before, l.fingerprint());
    assert_eq!(l.json(&["reconcile", "list"]).as_array().unwrap().len(), 0);
}

// ---------------------------------------------------------------- year close

/// 2022: gifts to 助學 (1000.00, entry 1), unrestricted (500.00, entry 2) and 扶貧
/// (200.00 in cash, entry 3); 300.00 of aid paid from 助學 (entry 4).
fn year_2022() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    l.run(&["beneficiary", "add", "王小明", "--type", "student"])
        .success();
    donate(&l, "1000", "2022-03-01", "助學", None);
    donate(&l, "500", "2022-03-05", "非限定", None);
    l.run(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "200",
        "--date",
        "2022-04-05",
        "--fund",
        "扶貧",
        "--method",
        "cash",
    ])
    .success();
    disburse(&l, "300", "2022-03-10", None);
    l
}

fn fund_balances_2022(l: &Ledger) -> Value {
    l.json(&["fund", "balances", "--as-of", "2022-12-31"])
}

#[test]
fn closing_a_year_leaves_income_and_expense_at_zero() {
    let l = year_2022();
    let closed = l.json(&["close", "--year", "2022"]);
    assert_eq!(closed["year"], 2022);
    assert!(!closed["closing_entries"].as_array().unwrap().is_empty());
    let tb = l.json(&["balance"]);
    for code in ["4101", "5101", "5101.01"] {
        let a = account(&tb, code);
        assert_eq!(a["balance_debit"], "0.00", "{code}: {a}");
        assert_eq!(a["balance_credit"], "0.00", "{code}: {a}");
    }
    // The year's real movements are still there, closed out.
    assert_eq!(account(&tb, "4101")["credit"], "1700.00");
    assert_eq!(account(&tb, "5101.01")["debit"], "300.00");
    l.run(&["verify"]).success();
}

#[test]
fn closing_a_year_moves_net_assets_by_restriction_to_the_fund_balances() {
    let l = year_2022();
    let before = fund_balances_2022(&l);
    l.run(&["close", "--year", "2022"]).success();
    let funds = fund_balances_2022(&l);
    let funds = funds["funds"].as_array().unwrap();
    let unrestricted: i64 = funds
        .iter()
        .filter(|f| f["restricted"] == false)
        .map(|f| fen(&f["closing"]))
        .sum();
    let restricted: i64 = funds
        .iter()
        .filter(|f| f["restricted"] == true)
        .map(|f| fen(&f["closing"]))
        .sum();
    // In fen: 500.00 unrestricted, 700.00 + 200.00 restricted.
    assert_eq!((unrestricted, restricted), (50_000, 90_000));
    let tb = l.json(&["balance"]);
    let (r3101, r3102) = (account(&tb, "3101"), account(&tb, "3102"));
    assert_eq!(fen(&r3101["balance_credit"]), unrestricted, "{r3101}");
    assert_eq!(r3101["balance_debit"], "0.00");
    assert_eq!(fen(&r3102["balance_credit"]), restricted, "{r3102}");
    assert_eq!(r3102["balance_debit"], "0.00");
    // The closed year still shows what it raised and spent.
    assert_eq!(fund_balances_2022(&l), before);
    let study = funds.iter().find(|f| f["alias"] == "study-aid").unwrap();
    assert_eq!(study["raised"], "1000.00");
    assert_eq!(study["disbursed"], "300.00");
    assert_eq!(study["closing"], "700.00");
}

#[test]
fn nothing_may_be_dated_in_a_closed_year() {
    let l = year_2022();
    l.run(&["close", "--year", "2022"]).success();
    let before = l.fingerprint();
    let refused: [&[&str]; 3] = [
        &[
            "entry",
            "add",
            "--date",
            "2022-12-31",
            "--memo",
            "late",
            "--posting",
            "1002=1",
            "--posting",
            "4101=-1",
        ],
        &[
            "donate",
            "--donor",
            "李明",
            "--amount",
            "1",
            "--date",
            "2022-06-01",
            "--method",
            "bank",
        ],
        &[
            "disburse",
            "--to",
            "王小明",
            "--amount",
            "1",
            "--date",
            "2022-01-01",
            "--program",
            "助學",
            "--method",
            "bank",
        ],
    ];
    for args in refused {
        let err = l.refused_en(args);
        assert!(err.contains("closed") && err.contains("2022"), "{err}");
        assert_eq!(before, l.fingerprint(), "{args:?}");
    }
    l.run(&[
        "entry",
        "add",
        "--date",
        "2023-01-01",
        "--memo",
        "on time",
        "--posting",
        "1002=1",
        "--posting",
        "4101=-1",
    ])
    .success();
    l.run(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "1",
        "--date",
        "2023-01-02",
        "--method",
        "bank",
    ])
    .success();
    disburse(&l, "1", "2023-01-03", None);
    l.run(&["verify"]).success();
}

#[test]
fn a_year_is_closed_once_and_in_order() {
    let l = year_2022();
    l.run(&["close", "--year", "2022"]).success();
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "en", "close", "--year", "2022"]);
    assert!(err.contains("already closed"), "{err}");
    assert_eq!(before, l.fingerprint());
    donate(&l, "10", "2023-05-01", "非限定", None);
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "en", "close", "--year", "2024"]);
    assert!(err.contains("2023"), "{err}");
    assert_eq!(before, l.fingerprint());
    l.run(&["close", "--year", "2023"]).success();
    l.run(&["close", "--year", "2024"]).success();
    l.run(&["verify"]).success();
}

#[test]
fn a_closed_years_entry_is_reversed_in_the_open_year() {
    let l = year_2022();
    l.run(&["close", "--year", "2022"]).success();
    let before_funds = fund_balances_2022(&l);
    let before = l.fingerprint();
    // Entry 2 is the unrestricted gift of 500.00 on 2022-03-05.
    let err = l.refused(&[
        "--lang",
        "en",
        "reverse",
        "2",
        "--reason",
        "r",
        "--date",
        "2022-12-30",
    ]);
    assert!(err.contains("closed"), "{err}");
    assert_eq!(before, l.fingerprint());
    let reversal = l.json(&["reverse", "2", "--reason", "r", "--date", "2023-01-05"]);
    let shown = l.json(&["show", &reversal["id"].to_string()]);
    assert_eq!(shown["date"], "2023-01-05");
    assert_eq!(shown["reverses"], 2);
    // The closed year's figures do not change.
    assert_eq!(fund_balances_2022(&l), before_funds);
    l.run(&["verify"]).success();
}

/// The closing entries are the close itself: reversing one in the open year would put
/// the closed year's income and costs into the new year and split net assets wrongly.
#[test]
fn a_closing_entry_cannot_be_reversed() {
    let l = year_2022();
    let closed = l.json(&["close", "--year", "2022"]);
    let before = l.fingerprint();
    for id in closed["closing_entries"].as_array().unwrap() {
        let err = l.refused(&[
            "--lang",
            "en",
            "reverse",
            &id.to_string(),
            "--reason",
            "undo the close",
            "--date",
            "2023-01-05",
        ]);
        assert!(err.contains("clos"), "{err}");
    }
    assert_eq!(before, l.fingerprint());
    // Whatever happened above, the next close must still leave net assets equal to
    // the fund balances, and 2023 (which had no gifts or aid) shows none.
    l.run(&["close", "--year", "2023"]).success();
    let funds = l.json(&["fund", "balances", "--as-of", "2023-12-31"]);
    let funds = funds["funds"].as_array().unwrap();
    for f in funds {
        assert_eq!(
            (&f["raised"], &f["disbursed"]),
            (&Value::from("0.00"), &Value::from("0.00")),
            "{f}"
        );
    }
    let sum = |restricted: bool| -> i64 {
        funds
            .iter()
            .filter(|f| f["restricted"] == restricted)
            .map(|f| fen(&f["closing"]))
            .sum()
    };
    let tb = l.json(&["balance"]);
    assert_eq!(fen(&account(&tb, "3101")["balance_credit"]), sum(false));
    assert_eq!(fen(&account(&tb, "3102")["balance_credit"]), sum(true));
}

#[test]
fn an_import_with_a_line_in_a_closed_year_is_refused_naming_the_line() {
    let l = year_2022();
    l.run(&["close", "--year", "2022"]).success();
    let path = l.dir.path().join("late.csv");
    std::fs::write(
        &path,
        "date,kind,counterparty,counterparty_type,program,amount,method,reference\n\
         2023-03-01,donation,李明,person,助學,10,bank,I-1\n\
         2022-12-01,donation,李明,person,助學,10,bank,I-2\n",
    )
    .unwrap();
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "en", "import", path.to_str().unwrap()]);
    assert!(
        err.contains("line 3") && err.contains("closed") && !err.contains("line 2,"),
        "{err}"
    );
    assert_eq!(before, l.fingerprint());
}

// ---------------------------------------------------------------- verify checks

const ALL_CHECKS: [&str; 13] = [
    "balanced",
    "chain",
    "records",
    "append-only",
    "totals",
    "funds",
    "receipts",
    "periods",
    "reconciliations",
    "attachments",
    "reviews",
    "trust",
    "integrity",
];

#[test]
fn verify_json_lists_every_check_with_pass_or_fail() {
    let l = bank_ledger();
    reconcile(&l, &march_statement(&l), "1187.50", &["--commit"]);
    let report = l.json(&["verify"]);
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["check"].as_str().unwrap())
        .collect();
    assert_eq!(names, ALL_CHECKS);
    assert_eq!(report["passed"], true);
    assert_checks_pass(&report, &ALL_CHECKS);
    for name in ALL_CHECKS {
        l.run(&["verify", name]).success();
        let c = check(&report, name);
        assert_eq!(c["findings"].as_array().unwrap().len(), 0, "{c}");
        // The description is the reader's words, shown in the table only.
        assert!(c.get("description").is_none(), "{c}");
    }
    // Only the checks asked for run.
    let some = l.json(&["verify", "periods", "integrity"]);
    assert_eq!(some["checks"].as_array().unwrap().len(), 2);
    // An unknown check is a usage error that lists the checks.
    let stderr = l
        .run(&["verify", "nonsense", "--lang", "en"])
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&stderr);
    assert!(
        stderr.contains("possible values: balanced, chain"),
        "{stderr}"
    );
}

#[test]
fn verify_funds_fails_when_a_fund_goes_negative() {
    let l = year_2022();
    // The 300.00 of aid (entry 4) becomes 3000.00 on both sides: still balanced, but
    // 助學 and the bank go negative.
    with_trigger_dropped(
        &l,
        "postings_no_update",
        "UPDATE postings SET amount_fen = amount_fen * 10 WHERE entry_id = 4",
    );
    let report = assert_check_fails(&l, "funds");
    let findings = check(&report, "funds")["findings"].to_string();
    assert!(findings.contains("助學"), "{findings}");
    assert_checks_pass(
        &report,
        &[
            "balanced",
            "append-only",
            "receipts",
            "periods",
            "reconciliations",
            "integrity",
        ],
    );
}

#[test]
fn verify_receipts_fails_on_a_deleted_number() {
    let l = year_2022();
    with_trigger_dropped(
        &l,
        "receipts_no_delete",
        "DELETE FROM receipts WHERE year = 2022 AND seq = 2",
    );
    let report = assert_check_fails(&l, "receipts");
    let findings = check(&report, "receipts")["findings"].to_string();
    assert!(findings.contains("2022-000002"), "{findings}");
    let others: Vec<&str> = ALL_CHECKS
        .into_iter()
        // The changed row differs from its chained record too.
        .filter(|c| *c != "receipts" && *c != "records")
        .collect();
    assert_checks_pass(&report, &others);
}

#[test]
fn verify_receipts_fails_on_a_void_without_a_reason() {
    let l = year_2022();
    // The schema's CHECK forbids a blank reason; an attacker turns CHECKs off.
    l.raw()
        .execute_batch(
            "PRAGMA ignore_check_constraints = ON;
             INSERT INTO receipt_voids (year, seq, reason, voided_by, voided_at)
             VALUES (2022, 2, '  ', 'x', '2023-01-01T00:00:00Z');",
        )
        .unwrap();
    let report = assert_check_fails(&l, "receipts");
    let findings = check(&report, "receipts")["findings"].to_string();
    assert!(findings.contains("2022-000002"), "{findings}");
    // SQLite's integrity check sees the broken CHECK too; the journal is untouched.
    assert_checks_pass(
        &report,
        &["balanced", "chain", "append-only", "totals", "funds"],
    );
}

#[test]
fn verify_receipts_fails_on_a_void_of_a_missing_receipt() {
    let l = year_2022();
    l.raw()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO receipt_voids (year, seq, reason, voided_by, voided_at)
             VALUES (2022, 9, 'gone', 'x', '2023-01-01T00:00:00Z');",
        )
        .unwrap();
    let report = assert_check_fails(&l, "receipts");
    let findings = check(&report, "receipts")["findings"].to_string();
    assert!(findings.contains("2022-000009"), "{findings}");
    assert_checks_pass(
        &report,
        &["balanced", "chain", "append-only", "totals", "funds"],
    );
}

#[test]
fn verify_periods_fails_on_an_entry_slipped_into_a_closed_year() {
    let l = year_2022();
    l.run(&["close", "--year", "2022"]).success();
    l.run(&["verify", "periods"]).success();
    l.raw()
        .execute_batch(
            "INSERT INTO entries (id, date, kind, memo, recorded_by, recorded_at, hash)
             VALUES ((SELECT MAX(id) + 1 FROM entries), '2022-06-01', 'manual', 'late',
                     'x', '2023-02-01T00:00:00Z', randomblob(32));",
        )
        .unwrap();
    let report = assert_check_fails(&l, "periods");
    let findings = check(&report, "periods")["findings"].to_string();
    assert!(findings.contains("2022-06-01"), "{findings}");
    assert_checks_pass(
        &report,
        &["append-only", "receipts", "reconciliations", "integrity"],
    );
}

#[test]
fn verify_reconciliations_fails_when_a_cleared_amount_is_changed() {
    let l = bank_ledger();
    reconcile(&l, &march_statement(&l), "1187.50", &["--commit"]);
    l.run(&["verify", "reconciliations"]).success();
    with_trigger_dropped(
        &l,
        "cleared_postings_no_update",
        "UPDATE cleared_postings SET amount_fen = 99900 WHERE entry_id = 1",
    );
    let report = assert_check_fails(&l, "reconciliations");
    let findings = check(&report, "reconciliations")["findings"]
        .as_array()
        .unwrap();
    assert_eq!(findings[0]["entry"], 1, "{findings:?}");
    let others: Vec<&str> = ALL_CHECKS
        .into_iter()
        // The changed row differs from its chained record too.
        .filter(|c| *c != "reconciliations" && *c != "records")
        .collect();
    assert_checks_pass(&report, &others);
}

#[test]
fn verify_reconciliations_fails_when_a_cleared_posting_does_not_exist() {
    let l = bank_ledger();
    reconcile(&l, &march_statement(&l), "1187.50", &["--commit"]);
    l.raw()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO cleared_postings (entry_id, seq, reconciliation_id, statement_line,
                 statement_date, amount_fen, reference, match_kind)
             VALUES (4, 9, 1, 5, '2022-03-31', -1250, '', 'amount-date');",
        )
        .unwrap();
    let report = assert_check_fails(&l, "reconciliations");
    assert_checks_pass(
        &report,
        &["balanced", "chain", "append-only", "totals", "funds"],
    );
}

#[test]
fn verify_integrity_fails_on_a_dangling_foreign_key() {
    let l = year_2022();
    l.raw()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO accounts (code, type, name_zh_hant, name_zh_hans, name_en, parent)
             VALUES ('1099', 'asset', '孤兒', '孤儿', 'orphan', '1098');",
        )
        .unwrap();
    let report = assert_check_fails(&l, "integrity");
    let findings = check(&report, "integrity")["findings"].to_string();
    assert!(findings.contains("accounts"), "{findings}");
    let others: Vec<&str> = ALL_CHECKS
        .into_iter()
        // The changed row differs from its chained record too.
        .filter(|c| *c != "integrity" && *c != "records")
        .collect();
    assert_checks_pass(&report, &others);
}

#[test]
fn verify_integrity_fails_on_a_posting_of_a_missing_fund() {
    let l = year_2022();
    // A balanced pair added to entry 1 on a fund that does not exist.
    l.raw()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO postings (entry_id, seq, account, fund_id, amount_fen)
             VALUES (1, 3, '1002', 99, 100), (1, 4, '4101', 99, -100);",
        )
        .unwrap();
    let report = assert_check_fails(&l, "integrity");
    let findings = check(&report, "integrity")["findings"].to_string();
    assert!(findings.contains("postings"), "{findings}");
    // The chain sees the changed entry too; the other checks are about other things.
    assert_checks_pass(
        &report,
        &[
            "balanced",
            "append-only",
            "receipts",
            "periods",
            "reconciliations",
        ],
    );
}

#[test]
fn verify_integrity_runs_sqlites_integrity_check() {
    let l = year_2022();
    l.raw()
        .execute_batch(
            "PRAGMA ignore_check_constraints = ON;
             INSERT INTO parties (role, type, name, created_at)
             VALUES ('donor', 'alien', 'x', '2023-01-01T00:00:00Z');",
        )
        .unwrap();
    let report = assert_check_fails(&l, "integrity");
    let findings = check(&report, "integrity")["findings"].to_string();
    assert!(findings.contains("parties"), "{findings}");
    let others: Vec<&str> = ALL_CHECKS
        .into_iter()
        // The changed row differs from its chained record too.
        .filter(|c| *c != "integrity" && *c != "records")
        .collect();
    assert_checks_pass(&report, &others);
}

// ---------------------------------------------------------------- auditor mode

/// A ledger with a closed year, a committed reconciliation, receipts and 2023 entries.
fn audited_ledger() -> Ledger {
    let l = bank_ledger();
    reconcile(&l, &march_statement(&l), "1187.50", &["--commit"]);
    l.run(&["close", "--year", "2022"]).success();
    donate(&l, "88", "2023-02-01", "扶貧", Some("REF-B"));
    l
}

#[test]
fn read_only_reports_and_checks_leave_the_file_byte_identical() {
    let l = audited_ledger();
    let statement = march_statement(&l);
    let before = l.fingerprint();
    let runs: [&[&str]; 13] = [
        &["balance"],
        &["balance", "--as-of", "2022-12-31"],
        &["register", "--account", "1002"],
        &["fund", "balances"],
        &["fund", "balances", "--as-of", "2022-12-31"],
        &[
            "reconcile",
            "--statement",
            &statement,
            "--closing-balance",
            "1187.50",
            "--as-of",
            "2022-03-31",
        ],
        &["reconcile", "list"],
        &["reconcile", "show", "1"],
        &["verify"],
        &["receipt", "list"],
        &["receipt", "gaps", "--year", "2022"],
        &["donor", "list"],
        &["show", "1"],
    ];
    for args in runs {
        for json in [false, true] {
            let mut all = vec!["--read-only"];
            all.extend_from_slice(args);
            if json {
                all.push("--json");
            }
            l.run(&all).success();
            assert_eq!(before, l.fingerprint(), "{all:?} changed the file");
        }
    }
    // --read-only also works after the subcommand (a global flag).
    l.run(&["verify", "--read-only"]).success();
    assert_eq!(before, l.fingerprint());
}

#[test]
fn read_only_refuses_close_commit_and_import() {
    let l = audited_ledger();
    let statement = write_statement(&l, "april.csv", &["2022-04-02,-200.00,CHQ-2,支票"]);
    let import = l.dir.path().join("i.csv");
    std::fs::write(
        &import,
        "date,kind,counterparty,counterparty_type,program,amount,method,reference\n\
         2023-03-01,donation,李明,person,助學,10,bank,I-1\n",
    )
    .unwrap();
    let before = l.fingerprint();
    let refusals: [&[&str]; 3] = [
        &["--read-only", "close", "--year", "2023"],
        &[
            "--read-only",
            "reconcile",
            "--statement",
            &statement,
            "--closing-balance",
            "1987.50",
            "--as-of",
            "2022-04-30",
            "--commit",
        ],
        &["--read-only", "import", import.to_str().unwrap()],
    ];
    for args in refusals {
        let err = l.refused(args);
        assert!(err.contains("--read-only"), "{args:?}: {err}");
        assert_eq!(before, l.fingerprint(), "{args:?}");
    }
    assert_eq!(l.json(&["reconcile", "list"]).as_array().unwrap().len(), 1);
}

// ---------------------------------------------------------------- backup

fn verify_at(l: &Ledger, db: &Path) -> Value {
    let out = l
        .cmd()
        .args([
            "--db",
            db.to_str().unwrap(),
            "--read-only",
            "verify",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn file_sha(path: &Path) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

#[test]
fn a_backup_verifies_read_only_holds_every_entry_and_is_private() {
    let l = audited_ledger();
    let original = l.json(&["verify"]);
    let copy = l.dir.path().join("audit-copy.db");
    let made = l.json(&["backup", copy.to_str().unwrap()]);
    assert_eq!(made["entries"], original["entries"]);
    let copied = verify_at(&l, &copy);
    assert_eq!(copied["passed"], true);
    assert_eq!(copied["entries"], original["entries"]);
    assert_eq!(copied["fingerprint"], original["fingerprint"]);
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
    let journal: String = rusqlite::Connection::open(&copy)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal.to_lowercase(), "delete");
    // An auditor's read-only run leaves the copy as it was.
    let sha = file_sha(&copy);
    verify_at(&l, &copy);
    assert_eq!(sha, file_sha(&copy));
}

#[test]
fn backup_never_overwrites() {
    let l = audited_ledger();
    let existing = l.dir.path().join("existing.db");
    std::fs::write(&existing, b"keep me").unwrap();
    let err = l.refused(&["--lang", "en", "backup", existing.to_str().unwrap()]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"keep me");
    // Nor the ledger itself.
    let before = l.fingerprint();
    l.refused(&["--lang", "en", "backup", l.db.to_str().unwrap()]);
    assert_eq!(before, l.fingerprint());
}

#[test]
fn a_backup_taken_while_another_process_writes_is_a_consistent_snapshot() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let l = Ledger::new();
    seed_entries(&l, 3);
    let before = l.json(&["verify"])["entries"].as_i64().unwrap();
    let written = AtomicUsize::new(0);
    let copy = l.dir.path().join("busy-copy.db");
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            for _ in 0..100 {
                l.run(&[
                    "entry",
                    "add",
                    "--date",
                    "2022-03-01",
                    "--memo",
                    "busy",
                    "--posting",
                    "1002=1",
                    "--posting",
                    "4101=-1",
                ])
                .success();
                written.fetch_add(1, Ordering::SeqCst);
            }
        });
        while written.load(Ordering::SeqCst) < 10 && !writer.is_finished() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        l.run(&["backup", copy.to_str().unwrap()]).success();
        writer.join().unwrap();
    });
    let after = l.json(&["verify"])["entries"].as_i64().unwrap();
    assert_eq!(after, before + 100);
    let copied = verify_at(&l, &copy);
    assert_eq!(copied["passed"], true, "{copied}");
    let entries = copied["entries"].as_i64().unwrap();
    assert!(
        (before..=after).contains(&entries),
        "{before} <= {entries} <= {after}"
    );
    let journal: String = rusqlite::Connection::open(&copy)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(journal.to_lowercase(), "delete");
}

fn seed_entries(l: &Ledger, n: usize) {
    for i in 0..n {
        l.run(&[
            "entry",
            "add",
            "--date",
            "2022-02-01",
            "--memo",
            &format!("seed {i}"),
            "--posting",
            "1002=10",
            "--posting",
            "4101=-10",
        ])
        .success();
    }
}

// ---------------------------------------------------------------- unsafe files

#[test]
fn a_world_writable_ledger_is_refused_with_the_chmod_fix() {
    let l = audited_ledger();
    std::fs::set_permissions(&l.db, std::fs::Permissions::from_mode(0o666)).unwrap();
    let before = l.fingerprint();
    for args in [&["balance"][..], &["--read-only", "verify"][..]] {
        let err = l.refused(args);
        assert!(err.contains("chmod"), "{err}");
    }
    assert_eq!(before, l.fingerprint());
    std::fs::set_permissions(&l.db, std::fs::Permissions::from_mode(0o600)).unwrap();
    l.run(&["verify"]).success();
}

#[test]
fn a_ledger_reached_through_a_symlink_is_refused_naming_the_real_path() {
    let l = audited_ledger();
    let link = l.dir.path().join("link.db");
    std::os::unix::fs::symlink(&l.db, &link).unwrap();
    let real = std::fs::canonicalize(&l.db).unwrap();
    let before = l.fingerprint();
    for args in [&["balance"][..], &["--read-only", "verify"][..]] {
        let err = String::from_utf8(
            l.cmd()
                .arg("--db")
                .arg(&link)
                .args(args)
                .assert()
                .code(1)
                .get_output()
                .stderr
                .clone(),
        )
        .unwrap();
        assert!(err.contains(real.to_str().unwrap()), "{err}");
    }
    assert_eq!(before, l.fingerprint());
}

#[test]
fn only_an_asset_account_is_reconciled() {
    let l = bank_ledger();
    let statement = march_statement(&l);
    let err = l.refused(&[
        "--lang",
        "en",
        "reconcile",
        "--account",
        "4101",
        "--statement",
        &statement,
        "--closing-balance",
        "0",
        "--as-of",
        "2022-03-31",
    ]);
    assert!(
        err.contains("--account 4101") && err.contains("asset"),
        "{err}"
    );
}

#[test]
fn an_earlier_year_cannot_be_closed_after_a_later_one() {
    let l = year_2022();
    l.run(&["close", "--year", "2022"]).success();
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "en", "close", "--year", "2021"]);
    assert!(err.contains("2022 is already closed"), "{err}");
    assert_eq!(before, l.fingerprint());
}
