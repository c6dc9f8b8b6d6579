//! Black-box tests of the core ledger (issue 2): the real binary on a temp database.

use crate::common;

use common::Ledger;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn init_entry_and_trial_balance_agree() {
    let l = Ledger::new();
    l.donate("2022-03-01", "5000.00");
    l.run(&[
        "entry",
        "add",
        "--date",
        "2022-03-05",
        "--memo",
        "助學金",
        "--posting",
        "5101.01@study-aid=1200.50",
        "--posting",
        "1002@助学=-1200.50",
    ])
    .success();
    let tb = l.json(&["balance"]);
    assert_eq!(tb["totals"]["debit"], "6200.50");
    assert_eq!(tb["totals"]["credit"], "6200.50");
    assert_eq!(
        tb["totals"]["balance_debit"],
        tb["totals"]["balance_credit"]
    );
    assert_eq!(tb["balanced"], true);
    let bank = tb["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == "1002")
        .unwrap();
    assert_eq!(bank["balance_debit"], "3799.50");
    let text = l.stdout(&["balance"]);
    assert!(text.contains("科目餘額表"), "{text}");
    assert!(text.contains("3,799.50"), "{text}");
}

#[test]
fn init_refuses_an_existing_file_and_makes_it_private() {
    let l = Ledger::new();
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "en", "init"]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(before, l.fingerprint());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&l.db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // While a connection is open the WAL and shared-memory files exist: same mode.
        let conn = l.raw();
        conn.execute_batch("BEGIN; SELECT COUNT(*) FROM entries; COMMIT;")
            .unwrap();
        l.donate("2022-01-01", "1.00");
        for suffix in ["-wal", "-shm"] {
            let mut p = l.db.as_os_str().to_owned();
            p.push(suffix);
            if let Ok(meta) = std::fs::metadata(&p) {
                assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{suffix}");
            }
        }
    }
}

#[test]
fn commands_need_an_existing_ledger() {
    let l = Ledger::empty();
    let err = l.refused(&["--lang", "en", "balance"]);
    assert!(err.contains("there is no ledger"), "{err}");
    assert!(!l.db.exists(), "a report must not create the file");
}

#[test]
fn refused_amounts_name_the_field_and_leave_the_file_unchanged() {
    let l = Ledger::new();
    l.donate("2022-03-01", "100.00");
    let before = l.fingerprint();
    for bad in [
        "10.005",
        "1e5",
        "1_000",
        "NaN",
        "1,000.00",
        "",
        "--5",
        "0",
        "10000000000000",
        "５",
    ] {
        let err = l.refused(&[
            "--lang",
            "en",
            "entry",
            "add",
            "--date",
            "2022-03-02",
            "--memo",
            "x",
            &format!("--posting=1002={bad}"),
            "--posting",
            "3101=-1",
        ]);
        assert!(err.contains("--posting"), "{bad}: {err}");
        assert_eq!(before, l.fingerprint(), "{bad} changed the file");
    }
    let err = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "x",
        "--posting",
        "1002=10.00",
        "--posting",
        "3101=-9.99",
    ]);
    assert!(
        err.contains("does not balance") && err.contains("0.01"),
        "{err}"
    );
    let err = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-02-30",
        "--memo",
        "x",
        "--posting",
        "1002=1",
        "--posting",
        "3101=-1",
    ]);
    assert!(err.contains("--date"), "{err}");
    let err = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "x",
        "--posting",
        "9999=1",
        "--posting",
        "3101=-1",
    ]);
    assert!(err.contains("9999"), "{err}");
    let err = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "x",
        "--posting",
        "1002@nosuchfund=1",
        "--posting",
        "3101=-1",
    ]);
    assert!(err.contains("nosuchfund"), "{err}");
    assert_eq!(before, l.fingerprint());
    assert_eq!(l.json(&["verify"])["entries"], 1);
}

#[test]
fn a_negative_sign_is_refused_where_amounts_must_be_positive() {
    // Posting amounts are signed; a double sign or a plus sign is not an amount.
    let l = Ledger::new();
    let err = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "x",
        "--posting=1002=+5",
        "--posting",
        "3101=-5",
    ]);
    assert!(err.contains("--posting"), "{err}");
}

#[test]
fn overspending_a_fund_or_the_bank_is_refused_with_what_is_available() {
    let l = Ledger::new();
    l.donate("2022-03-01", "500.00");
    let before = l.fingerprint();
    let err = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "aid",
        "--posting",
        "5101.01@助學=600",
        "--posting",
        "1002@助學=-600",
    ]);
    assert!(err.contains("助學") && err.contains("500.00"), "{err}");
    // Back-dated: before the gift arrived, nothing was available.
    let err = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-02-01",
        "--memo",
        "aid",
        "--posting",
        "5101.01@助學=100",
        "--posting",
        "1002@助學=-100",
    ]);
    assert!(err.contains("0.00 is available"), "{err}");
    assert_eq!(before, l.fingerprint());
}

#[test]
fn reversal_negates_links_and_happens_once() {
    let l = Ledger::new();
    l.donate("2022-03-01", "800.00");
    l.run(&[
        "reverse",
        "1",
        "--reason",
        "wrong donor",
        "--date",
        "2022-03-10",
    ])
    .success();
    let shown = l.json(&["show", "2"]);
    assert_eq!(shown["reverses"], 1);
    assert_eq!(shown["reason"], "wrong donor");
    assert_eq!(shown["kind"], "reversal");
    assert_eq!(shown["lines"][0]["credit"], "800.00");
    assert_eq!(l.json(&["show", "1"])["reversed_by"], 2);
    let before = l.fingerprint();
    let err = l.refused(&[
        "--lang",
        "en",
        "reverse",
        "1",
        "--reason",
        "again",
        "--date",
        "2022-03-11",
    ]);
    assert!(err.contains("already reversed by entry 2"), "{err}");
    let err = l.refused(&[
        "--lang",
        "en",
        "reverse",
        "2",
        "--reason",
        "undo",
        "--date",
        "2022-03-11",
    ]);
    assert!(err.contains("itself a reversal"), "{err}");
    let err = l.refused(&["--lang", "en", "reverse", "9", "--reason", "x"]);
    assert!(err.contains("no entry 9"), "{err}");
    assert_eq!(before, l.fingerprint());
    let tb = l.json(&["balance"]);
    let bank = tb["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == "1002")
        .unwrap();
    assert_eq!(bank["balance_debit"], "0.00");
    assert_eq!(bank["debit"], "800.00");
}

#[test]
fn register_has_a_running_balance_and_opening_balance() {
    let l = Ledger::new();
    l.donate("2022-01-05", "100.00");
    l.donate("2022-02-05", "50.00");
    l.donate("2022-03-05", "25.00");
    let r = l.json(&[
        "register",
        "--account",
        "1002",
        "--from",
        "2022-02-01",
        "--to",
        "2022-02-28",
    ]);
    assert_eq!(r["opening_balance"], "100.00");
    assert_eq!(r["rows"].as_array().unwrap().len(), 1);
    assert_eq!(r["rows"][0]["balance"], "150.00");
    assert_eq!(r["closing_balance"], "150.00");
    // Income is credit-normal: shown positive.
    let r = l.json(&["register", "--account", "4101"]);
    assert_eq!(r["closing_balance"], "175.00");
    let tb = l.json(&["balance", "--as-of", "2022-02-28"]);
    assert_eq!(tb["totals"]["debit"], "150.00");
}

#[test]
fn three_languages_and_global_flags_anywhere() {
    let l = Ledger::new();
    l.donate("2022-03-01", "1.00");
    let hant = l.stdout(&["balance"]);
    assert!(hant.contains("銀行存款") && hant.contains("合計"));
    let hans = l.stdout(&["balance", "--lang", "zh-Hans"]);
    assert!(hans.contains("银行存款") && hans.contains("合计"));
    let en = l.stdout(&["--lang", "en", "balance"]);
    assert!(en.contains("Bank deposits") && en.contains("Total"));
    let env = l
        .cmd()
        .env("LOVEFUND_LANG", "en")
        .arg("balance")
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&env.get_output().stdout).contains("Trial balance"));
    // A --lang that is no language: the usage error is in the language the rest of
    // the chain gives, here $LOVEFUND_LANG, else the ledger's (zh-Hant).
    let out = l
        .cmd()
        .env("LOVEFUND_LANG", "en")
        .args(["balance", "--lang", "fr"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("--lang"), "{err}");
    assert!(
        err.contains("[possible values: zh-Hant, zh-Hans, en]"),
        "{err}"
    );
    let err = l.usage_error(&["balance", "--lang", "fr"]);
    assert!(
        err.contains("--lang <LANG> 不接受「fr」；可用的值：zh-Hant、zh-Hans、en"),
        "{err}"
    );
    // The ledger's own default comes from init --lang.
    let other = Ledger::empty();
    other.run(&["init", "--lang", "zh-Hans"]).success();
    assert!(other.stdout(&["account", "list"]).contains("库存现金"));
}

#[test]
fn cjk_columns_line_up_in_the_trial_balance() {
    let l = Ledger::new();
    l.donate("2022-03-01", "123456.78");
    let text = l.stdout(&["balance"]);
    let widths: Vec<usize> = text
        .lines()
        .skip(1)
        .filter(|line| line.starts_with("1002") || line.starts_with("合計"))
        .map(|line| {
            unicode_width::UnicodeWidthStr::width(&line[..line.find("123,456.78").unwrap()])
        })
        .collect();
    assert!(widths.len() >= 2, "{text}");
    assert!(
        widths.windows(2).all(|w| w[0] == w[1]),
        "debit column misaligned:\n{text}"
    );
}

#[test]
fn accounts_and_funds_can_be_added() {
    let l = Ledger::new();
    l.run(&["account", "add", "5101.04", "助醫", "--type", "expense"])
        .success();
    l.run(&["fund", "add", "王氏獎學金", "--restricted"])
        .success();
    let accounts = l.json(&["account", "list"]);
    assert!(
        accounts
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["code"] == "5101.04")
    );
    let funds = l.json(&["fund", "list"]);
    let f = funds
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "王氏獎學金")
        .unwrap();
    assert_eq!(f["restricted"], true);
    assert!(
        l.refused(&[
            "--lang", "en", "account", "add", "5101.04", "x", "--type", "expense"
        ])
        .contains("already exists")
    );
    assert!(
        l.refused(&[
            "--lang", "en", "account", "add", "5999.01", "x", "--type", "expense"
        ])
        .contains("parent")
    );
    assert!(
        l.refused(&[
            "--lang", "en", "account", "add", "1003", "x", "--type", "expense"
        ])
        .contains("start with 5")
    );
    assert!(
        l.refused(&["--lang", "en", "fund", "add", "助学"])
            .contains("already exists")
    );
    // Posting to a parent that has sub-accounts is refused.
    l.donate("2022-03-01", "10.00");
    let err = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "x",
        "--posting",
        "5101@助學=1",
        "--posting",
        "1002@助學=-1",
    ]);
    assert!(err.contains("sub-accounts"), "{err}");
    l.run(&[
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "x",
        "--posting",
        "5101.04@王氏獎學金=0.01",
        "--posting",
        "1002@助學=-0.01",
    ]);
}

#[test]
fn journal_rows_cannot_be_updated_or_deleted_by_sql() {
    let l = Ledger::new();
    l.donate("2022-03-01", "100.00");
    let conn = l.raw();
    for sql in [
        "UPDATE postings SET amount_fen = 1 WHERE entry_id = 1",
        "DELETE FROM postings WHERE entry_id = 1",
        "UPDATE entries SET memo = 'x' WHERE id = 1",
        "DELETE FROM entries WHERE id = 1",
    ] {
        let err = conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
}

#[test]
fn verify_names_a_tampered_entry() {
    let l = Ledger::new();
    for day in 1..=5 {
        l.donate(&format!("2022-03-0{day}"), "100.00");
    }
    l.run(&["verify"])
        .success()
        .stdout(predicate::str::contains("chain"));
    let conn = l.raw();
    conn.execute_batch(
        "DROP TRIGGER postings_no_update;
         UPDATE postings SET amount_fen = 999900 WHERE entry_id = 3 AND seq = 1;
         UPDATE postings SET amount_fen = -999900 WHERE entry_id = 3 AND seq = 2;",
    )
    .unwrap();
    drop(conn);
    let err = l.refused(&["--lang", "en", "verify", "chain"]);
    assert!(err.contains("entry 3"), "{err}");
    let report: Value =
        serde_json::from_slice(&l.run(&["verify", "--json"]).code(1).get_output().stdout).unwrap();
    assert_eq!(report["passed"], false);
    let checks = report["checks"].as_array().unwrap();
    let by_name = |n: &str| checks.iter().find(|c| c["check"] == n).unwrap().clone();
    assert_eq!(by_name("chain")["findings"][0]["entry"], 3);
    assert_eq!(by_name("append-only")["passed"], false);
    assert_eq!(by_name("totals")["passed"], false);
    assert_eq!(by_name("balanced")["passed"], true);
}

#[test]
fn verify_catches_an_unbalanced_and_a_deleted_entry() {
    let l = Ledger::new();
    for day in 1..=4 {
        l.donate(&format!("2022-03-0{day}"), "100.00");
    }
    let conn = l.raw();
    conn.execute_batch(
        "DROP TRIGGER postings_no_update; DROP TRIGGER entries_no_delete; DROP TRIGGER postings_no_delete;
         UPDATE postings SET amount_fen = 1 WHERE entry_id = 2 AND seq = 1;
         DELETE FROM postings WHERE entry_id = 3; DELETE FROM entries WHERE id = 3;",
    )
    .unwrap();
    drop(conn);
    let err = l.refused(&["--lang", "en", "verify", "balanced"]);
    assert!(err.contains("entry 2 does not balance"), "{err}");
    let err = l.refused(&["--lang", "en", "verify", "chain"]);
    assert!(err.contains("entry 2"), "{err}");
    let report = l
        .run(&["verify", "chain", "--json"])
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&report).unwrap();
    // A finding in JSON is its typed message: the kind, then its values.
    let findings = report["checks"][0]["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["message"]["entry-missing"]["entry"] == 3),
        "{findings:?}"
    );
    assert!(
        l.usage_error(&["verify", "nonsense", "--lang", "en"])
            .contains("possible values: balanced, chain, records, append-only")
    );
}

#[test]
fn read_only_reports_work_and_every_write_is_refused() {
    let l = Ledger::new();
    l.donate("2022-03-01", "100.00");
    let before = l.fingerprint();
    for report in [
        vec!["balance"],
        vec!["register", "--account", "1002"],
        vec!["show", "1"],
        vec!["verify"],
        vec!["account", "list"],
        vec!["fund", "list"],
    ] {
        let mut args = vec!["--read-only"];
        args.extend(report.iter());
        l.run(&args).success();
        let mut args = report.clone();
        args.push("--read-only");
        args.push("--json");
        l.run(&args).success();
    }
    let writes: Vec<Vec<&str>> = vec![
        vec!["init"],
        vec!["account", "add", "1003", "x", "--type", "asset"],
        vec!["fund", "add", "x"],
        vec![
            "entry",
            "add",
            "--date",
            "2022-03-02",
            "--memo",
            "x",
            "--posting",
            "1002=1",
            "--posting",
            "3101=-1",
        ],
        vec!["reverse", "1", "--reason", "x"],
    ];
    for write in writes {
        let mut args = write.clone();
        args.push("--read-only");
        let err = l.refused_en(&args);
        assert!(err.contains("--read-only"), "{write:?}: {err}");
    }
    assert_eq!(before, l.fingerprint());
}

#[test]
fn a_newer_schema_is_refused() {
    let l = Ledger::new();
    l.raw().pragma_update(None, "user_version", 999).unwrap();
    let err = l.refused(&["--lang", "en", "balance"]);
    assert!(err.contains("newer lovefund"), "{err}");
}

#[test]
fn a_file_that_is_not_a_ledger_is_refused() {
    let l = Ledger::empty();
    std::fs::write(
        &l.db,
        "not a database at all, just some text that is long enough",
    )
    .unwrap();
    let err = l.refused(&["--lang", "en", "balance"]);
    assert!(err.contains("not a"), "{err}");
    let other = Ledger::empty();
    rusqlite::Connection::open(&other.db)
        .unwrap()
        .execute_batch("CREATE TABLE t (x);")
        .unwrap();
    assert!(
        other
            .refused(&["--lang", "en", "balance"])
            .contains("not a lovefund ledger")
    );
}

#[test]
fn two_writers_at_once_keep_the_chain_intact() {
    let l = Ledger::new();
    l.donate("2022-01-01", "1.00");
    let spawn = |tag: &'static str| {
        let db = l.db.clone();
        std::thread::spawn(move || {
            let bin = assert_cmd::cargo::cargo_bin!("lovefund");
            let mut errors = Vec::new();
            for i in 0..200 {
                let out = std::process::Command::new(bin)
                    .env("LOVEFUND_DB", &db)
                    .env("LOVEFUND_USER", tag)
                    .args([
                        "entry",
                        "add",
                        "--date",
                        "2022-02-01",
                        "--memo",
                        &format!("{tag} {i}"),
                    ])
                    .args(["--posting", "1002=1.00", "--posting", "3101=-1.00"])
                    .output()
                    .unwrap();
                if !out.status.success() {
                    errors.push(String::from_utf8_lossy(&out.stderr).to_string());
                }
            }
            errors
        })
    };
    let a = spawn("alice");
    let b = spawn("bob");
    let errors: Vec<String> = a
        .join()
        .unwrap()
        .into_iter()
        .chain(b.join().unwrap())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let report = l.json(&["verify"]);
    assert_eq!(report["entries"], 401);
    assert_eq!(report["passed"], true);
}

#[test]
fn usage_errors_exit_2_and_help_lists_commands() {
    let l = Ledger::new();
    l.run(&["entry", "add"]).code(2);
    l.run(&["frobnicate"]).code(2);
    let help = l.stdout(&["--help"]);
    for cmd in [
        "init", "account", "fund", "entry", "reverse", "balance", "register", "show", "verify",
    ] {
        assert!(help.contains(cmd), "{cmd} missing from --help");
    }
}

#[test]
fn register_streams_aligned_lines_with_period_totals() {
    let l = Ledger::new();
    l.donate("2022-01-05", "100.00");
    l.donate("2022-02-05", "1234567.89");
    let register = |columns: &str| {
        let out = l
            .cmd()
            .env("COLUMNS", columns)
            .args(["register", "--account", "1002", "--lang", "en"])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    // In 80 columns the amounts leave no room for the memo: each line is written as
    // a record, one `heading  value` line per cell, every line within 80.
    let narrow = register("80");
    assert!(narrow.contains("\nMemo     Opening balance\n"), "{narrow}");
    assert!(narrow.contains("\nBalance  1,234,667.89\n"), "{narrow}");
    for line in narrow.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "{line:?}"
        );
    }
    let text = register("160");
    let lines: Vec<&str> = text.lines().collect();
    // Title, headers, rule, opening, two postings, rule, closing.
    assert_eq!(lines.len(), 8, "{text}");
    // The balance column ends at the same place on every row, memo after it.
    let end = |line: &str, amount: &str| line.rfind(amount).map(|i| i + amount.len());
    let opening = end(lines[3], "0.00").unwrap();
    assert_eq!(end(lines[4], "100.00"), Some(opening), "{text}");
    assert_eq!(end(lines[5], "1,234,667.89"), Some(opening), "{text}");
    assert_eq!(end(lines[7], "1,234,667.89"), Some(opening), "{text}");
    assert!(lines[5].ends_with("gift"), "{text}");
    assert!(lines[7].contains("1,234,667.89"), "{text}");
    // An empty period is valid JSON with no rows, and its balances carry over.
    let r = l.json(&["register", "--account", "1002", "--from", "2023-01-01"]);
    assert_eq!(r["rows"].as_array().unwrap().len(), 0);
    assert_eq!(r["opening_balance"], "1234667.89");
    assert_eq!(r["closing_balance"], "1234667.89");
    let r = l.json(&["register", "--account", "1002"]);
    assert_eq!(r["debit_total"], "1234667.89");
    assert_eq!(r["credit_total"], "0.00");
}

#[test]
fn register_fails_when_the_daily_totals_disagree_with_the_postings() {
    let l = Ledger::new();
    l.donate("2022-01-05", "100.00");
    l.raw()
        .execute(
            "UPDATE daily_totals SET debit_fen = 20000 WHERE account = '1002'",
            [],
        )
        .unwrap();
    let stderr = l.refused(&["--lang", "en", "register", "--account", "1002"]);
    assert!(
        stderr.contains("1002") && stderr.contains("verify totals"),
        "{stderr}"
    );
}

#[test]
fn verify_fits_the_terminal_and_amounts_are_never_cut() {
    let l = Ledger::new();
    l.donate("2022-01-05", "1234567.89");
    for columns in ["80", "60"] {
        let out = l
            .cmd()
            .env("COLUMNS", columns)
            .args(["verify", "--lang", "en"])
            .assert()
            .success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let limit: usize = columns.parse().unwrap();
        for line in text.lines().filter(|l| !l.starts_with("Fingerprint")) {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= limit,
                "{line:?} is wider than {columns}:\n{text}"
            );
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        assert!(
            words.windows(3).any(|w| w == ["summing", "to", "0.00"]),
            "words lost:\n{text}"
        );
    }
    let balance = l.stdout(&["balance", "--lang", "en"]);
    assert!(balance.contains("1,234,567.89"), "{balance}");
}
