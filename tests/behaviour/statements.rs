//! Issue 14, item 8: a bank statement is one statement however its file is laid out,
//! the summary names each account's latest reconciliation, and a statement line dated
//! after `--as-of` is refused rather than counted.

use crate::common;

use common::Ledger;
use serde_json::Value;

/// Bank gifts of 500.00 (2022-02-10, REF-B) and 1000.00 (2022-03-01, REF-A), and a
/// WeChat gift of 200.00 (2022-03-05, WX-1).
fn ledger() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    for (amount, date, method, reference) in [
        ("500.00", "2022-02-10", "bank", "REF-B"),
        ("1000.00", "2022-03-01", "bank", "REF-A"),
        ("200.00", "2022-03-05", "wechat", "WX-1"),
    ] {
        l.run(&[
            "donate",
            "--donor",
            "李明",
            "--amount",
            amount,
            "--date",
            date,
            "--fund",
            "助學",
            "--method",
            method,
            "--reference",
            reference,
        ])
        .success();
    }
    l
}

const MARCH: &str = "date,amount,reference,description\n\
                     2022-02-10,500.00,REF-B,李明捐款\n\
                     2022-03-01,1000.00,REF-A,李明捐款\n\
                     2022-03-31,-12.50,,手續費\n";

fn write(l: &Ledger, name: &str, bytes: &[u8]) -> String {
    let path = l.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn args<'a>(
    account: &'a str,
    statement: &'a str,
    closing: &'a str,
    as_of: &'a str,
) -> Vec<&'a str> {
    vec![
        "reconcile",
        "--account",
        account,
        "--statement",
        statement,
        "--closing-balance",
        closing,
        "--as-of",
        as_of,
        "--commit",
    ]
}

#[test]
fn the_same_statement_laid_out_otherwise_cannot_be_committed_twice() {
    let l = ledger();
    let march = write(&l, "march.csv", MARCH.as_bytes());
    let recorded = l.json(&args("1002", &march, "1487.50", "2022-03-31"));
    assert_eq!(recorded["recorded"], 1);
    let crlf = MARCH.replace('\n', "\r\n");
    let reordered = "description,amount,date,reference,balance\n\
                     手續費,-12.50,2022-03-31,,1487.50\n\
                     李明捐款, 1000.00 ,2022-03-01,REF-A,1500.00\n\
                     李明捐款,\"500.00\",2022-02-10,REF-B,500.00\n";
    let copies: [(&str, Vec<u8>); 6] = [
        ("one more newline", format!("{MARCH}\n").into_bytes()),
        ("CRLF", crlf.into_bytes()),
        ("a BOM", format!("\u{feff}{MARCH}").into_bytes()),
        ("trailing spaces", MARCH.replace('\n', "  \n").into_bytes()),
        ("blank lines", MARCH.replace('\n', "\n\n").into_bytes()),
        (
            "other column order, quoting, a balance column",
            reordered.as_bytes().to_vec(),
        ),
    ];
    let before = l.fingerprint();
    for (what, bytes) in copies {
        let copy = write(&l, "copy.csv", &bytes);
        let err = l.refused_en(&args("1002", &copy, "1487.50", "2022-03-31"));
        assert!(
            err.contains("already reconciled and recorded as reconciliation 1"),
            "{what}: {err}"
        );
        assert_eq!(l.fingerprint(), before, "{what}");
    }
    // Another account may reconcile its own statement of the same lines.
    let list = l.json(&["reconcile", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["statement_lines"], 3);
}

fn last_reconciliations(l: &Ledger) -> Value {
    l.json(&["summary", "--year", "2022"])["last_reconciliations"].clone()
}

#[test]
fn the_summary_names_each_accounts_reconciliation_with_the_latest_as_of() {
    let l = ledger();
    let march = write(&l, "march.csv", MARCH.as_bytes());
    l.json(&args("1002", &march, "1487.50", "2022-03-31"));
    // February's statement is recorded after March's: a higher id, an earlier date.
    let february = write(
        &l,
        "february.csv",
        b"date,amount,reference,description\n2022-02-10,500.00,REF-B,x\n",
    );
    assert_eq!(
        l.json(&args("1002", &february, "500.00", "2022-02-28"))["recorded"],
        2
    );
    let wechat = write(
        &l,
        "wechat.csv",
        b"date,amount,reference,description\n2022-03-05,200.00,WX-1,x\n",
    );
    assert_eq!(
        l.json(&args("1012", &wechat, "200.00", "2022-03-31"))["recorded"],
        3
    );
    let latest = last_reconciliations(&l);
    let picked: Vec<(i64, &str, &str)> = latest
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_i64().unwrap(),
                r["account"].as_str().unwrap(),
                r["as_of"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        picked,
        [(1, "1002", "2022-03-31"), (3, "1012", "2022-03-31")],
        "{latest}"
    );
    // Of two on one date, the one recorded later.
    let again = write(
        &l,
        "march-fee.csv",
        b"date,amount,reference,description\n2022-03-31,-1.00,,fee\n",
    );
    l.json(&args("1002", &again, "1486.50", "2022-03-31"));
    assert_eq!(last_reconciliations(&l)[0]["id"], 4);
    let text = l.stdout(&["summary", "--year", "2022", "--lang", "en"]);
    assert!(
        text.contains("#4 1002 As of 2022-03-31") && text.contains("#3 1012 As of 2022-03-31"),
        "{text}"
    );
    // A year before any reconciliation has none.
    assert_eq!(
        l.json(&["summary", "--year", "2021"])["last_reconciliations"],
        serde_json::json!([])
    );
}

#[test]
fn statement_lines_dated_after_as_of_are_refused_naming_each() {
    let l = ledger();
    let statement = write(
        &l,
        "late.csv",
        format!("{MARCH}2022-04-01,-3.00,,手續費\n2022-04-02,8.00,,利息\n").as_bytes(),
    );
    let before = l.fingerprint();
    for commit in [false, true] {
        let mut command = args("1002", &statement, "1492.50", "2022-03-31");
        if !commit {
            command.pop();
        }
        command.extend(["--lang", "en"]);
        let err = l.refused_en(&command);
        assert_eq!(
            err,
            "line 5, column date: date 2022-04-01 is after the as-of date 2022-03-31, so \
             the reconciliation would count it; reconcile as of 2022-04-01 or later, or \
             leave the lines after 2022-03-31 out of the statement\n\
             line 6, column date: date 2022-04-02 is after the as-of date 2022-03-31, so \
             the reconciliation would count it; reconcile as of 2022-04-02 or later, or \
             leave the lines after 2022-03-31 out of the statement\n\
             lovefund: the statement has 2 bad line(s), listed above; fix them and \
             reconcile again\n"
        );
        assert_eq!(l.fingerprint(), before);
    }
    // As of the last line's date, the same file reconciles.
    let report = l.json(&args("1002", &statement, "1492.50", "2022-04-02"));
    assert_eq!(report["recorded"], 1, "{report}");
}

#[test]
fn a_statement_recorded_before_lines_were_hashed_is_still_known_by_its_bytes() {
    let l = ledger();
    let march = write(&l, "march.csv", MARCH.as_bytes());
    // A row as lovefund wrote it before issue 14: the file's own SHA-256.
    let file_sha256 = {
        use sha2::{Digest, Sha256};
        hex::encode(Sha256::digest(MARCH.as_bytes()))
    };
    l.raw()
        .execute(
            "INSERT INTO reconciliations (account, as_of, statement_sha256, statement_lines,
                 closing_balance_fen, ledger_balance_fen, adjusted_fen, agrees, recorded_by,
                 recorded_at)
             VALUES ('1002', '2022-03-31', ?1, 3, 148750, 150000, 148750, 1, 'tester',
                 '2022-04-01T00:00:00Z')",
            [&file_sha256],
        )
        .unwrap();
    let err = l.refused_en(&args("1002", &march, "1487.50", "2022-03-31"));
    assert!(err.contains("recorded as reconciliation 1"), "{err}");
}

/// 现金流量表: on the demo year, donations in (行次 1) and aid out (14) are the
/// published figures, the fee is other cash paid (19), and the net increase (61)
/// equals the change in the fund's money, 1001 + 1002 + 1012. A reversed gift counts
/// against line 1; a transfer between the fund's own accounts is no line but its fee.
#[test]
fn the_cash_flow_statement_adds_up_to_the_change_in_money() {
    let l = crate::common::demo_ledger();
    let r = l.json(&["report", "cash-flow", "--year", "2022"]);
    let line = |row: u64| {
        r["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["row"] == row)
            .unwrap()["amount"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(line(1), "293300.00");
    assert_eq!(line(14), "237300.00");
    let change = |a: &str, b: &str| {
        let f = |s: &str| s.replace('.', "").parse::<i64>().unwrap();
        f(b) - f(a)
    };
    let net = line(61).replace('.', "").parse::<i64>().unwrap();
    let money = change(
        r["opening_money"].as_str().unwrap(),
        r["closing_money"].as_str().unwrap(),
    );
    assert_eq!(net, money, "{r}");
    let summary = l.json(&["summary", "--year", "2022"]);
    assert_eq!(r["closing_money"], summary["closing_balance"]);
    // CSV and the text table in zh-Hans carry the same lines with their 行次.
    let csv = l.stdout(&["report", "cash-flow", "--year", "2022", "--csv"]);
    assert!(
        csv.contains(",1,293300.00") || csv.contains(",1,\"293,300.00\""),
        "{csv}"
    );
    let text = l.stdout(&["--lang", "zh-Hans", "report", "cash-flow", "--year", "2022"]);
    assert!(
        text.contains("接受捐赠收到的现金") && text.contains("现金及现金等价物净增加额"),
        "{text}"
    );
}

#[test]
fn a_transfer_is_no_cash_flow_but_its_fee_is() {
    let l = crate::common::Ledger::new();
    l.run(&["donor", "add", "王小明"]).success();
    for (amount, method) in [("200", "wechat"), ("50", "bank")] {
        l.run(&[
            "donate",
            "--donor",
            "王小明",
            "--amount",
            amount,
            "--method",
            method,
            "--date",
            "2022-03-01",
        ])
        .success();
    }
    l.run(&[
        "transfer",
        "--from",
        "1012.01",
        "--to",
        "1002",
        "--amount",
        "100",
        "--fee",
        "0.10",
        "--date",
        "2022-03-31",
    ])
    .success();
    l.run(&["reverse", "2", "--reason", "退回", "--date", "2022-04-01"])
        .success();
    let r = l.json(&["report", "cash-flow", "--year", "2022"]);
    let line = |row: u64| {
        r["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["row"] == row)
            .unwrap()["amount"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(line(1), "200.00", "{r}");
    assert_eq!(line(19), "0.10", "{r}");
    assert_eq!(line(61), "199.90", "{r}");
    assert_eq!(r["closing_money"], "199.90");
    // The summary adds an e-wallet's money once (1012 holds 1012.01).
    let summary = l.json(&["summary", "--year", "2022"]);
    assert_eq!(summary["closing_balance"], "199.90", "{summary}");
}
