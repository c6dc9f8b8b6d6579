//! Issue 15 §2.2: bank statements as Chinese online banking exports them, read by
//! `reconcile` without options — ICBC-, CMB- and CCB-like fixtures in
//! tests/data/bank/ (layouts and sources in its README.md) — and the running 余额
//! that checks the statement itself.

use crate::common;

use common::Ledger;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/bank")
        .join(name);
    path.to_str().unwrap().to_string()
}

/// Bank gifts of 5,000.00 on 2022-03-01 and 1,200.00 on 2022-03-05, as on every
/// fixture (which also has a fee of 12.50 on 2022-03-31, not in the ledger).
fn ledger() -> Ledger {
    let l = Ledger::new();
    l.donate("2022-03-01", "5000.00");
    l.donate("2022-03-05", "1200.00");
    l
}

fn reconcile(l: &Ledger, statement: &str) -> Value {
    l.json(&[
        "reconcile",
        "--statement",
        statement,
        "--closing-balance",
        "6,187.50",
        "--as-of",
        "2022-03-31",
    ])
}

/// The CCB-like workbook: 6 preamble rows, then 序号 | 摘要 | 币别 | 钞汇 | 交易日期 |
/// 交易金额 | 账户余额 | 交易地点/附言 | 对方账号与户名, dates as text 20220301.
fn write_ccb(path: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let preamble = [
        "中国建设银行个人活期账户全部交易明细",
        "卡号/账号:6217********0001",
        "客户名称:某市爱心基金会",
        "起始日期:20220301",
        "结束日期:20220331",
        "",
    ];
    for (row, text) in preamble.iter().enumerate() {
        sheet.write_string(row as u32, 0, *text).unwrap();
    }
    let header = [
        "序号",
        "摘要",
        "币别",
        "钞汇",
        "交易日期",
        "交易金额",
        "账户余额",
        "交易地点/附言",
        "对方账号与户名",
    ];
    for (column, text) in header.iter().enumerate() {
        sheet.write_string(6, column as u16, *text).unwrap();
    }
    let rows: [(&str, f64, f64, &str); 3] = [
        ("20220301", 5000.0, 5000.0, "6222000000000001/张三"),
        ("20220305", 1200.0, 6200.0, "6222000000000002/李四"),
        ("20220331", -12.5, 6187.5, ""),
    ];
    for (i, (date, amount, balance, party)) in rows.iter().enumerate() {
        let row = 7 + i as u32;
        sheet.write_number(row, 0, (i + 1) as f64).unwrap();
        sheet
            .write_string(
                row,
                1,
                if *amount > 0.0 {
                    "转账存入"
                } else {
                    "账户管理费"
                },
            )
            .unwrap();
        sheet.write_string(row, 2, "人民币元").unwrap();
        sheet.write_string(row, 3, "钞").unwrap();
        sheet.write_string(row, 4, *date).unwrap();
        sheet.write_number(row, 5, *amount).unwrap();
        sheet.write_number(row, 6, *balance).unwrap();
        sheet.write_string(row, 7, "网上银行").unwrap();
        sheet.write_string(row, 8, *party).unwrap();
    }
    workbook.save(path).unwrap();
}

/// Rewrites tests/data/bank/ccb-2022-03.xlsx (`cargo test --test behaviour
/// bank_statements::make_ccb_fixture -- --ignored`).
#[test]
#[ignore]
fn make_ccb_fixture() {
    write_ccb(&PathBuf::from(fixture("ccb-2022-03.xlsx")));
}

fn assert_reconciled(report: &Value) {
    assert_eq!(report["matched"].as_array().unwrap().len(), 2, "{report}");
    let only = report["statement_only"].as_array().unwrap();
    assert_eq!(only.len(), 1, "{report}");
    assert_eq!(only[0]["amount"], "-12.50", "{report}");
}

#[test]
fn each_banks_export_reconciles_without_options() {
    let l = ledger();
    for name in [
        "icbc-2022-03.csv",
        "cmb-2022-03.csv",
        "ccb-2022-03.xlsx",
        "generic-direction.csv",
    ] {
        let report = reconcile(&l, &fixture(name));
        assert_reconciled(&report);
    }
    let icbc = reconcile(&l, &fixture("icbc-2022-03.csv"));
    assert_eq!(icbc["encoding"], "GB18030");
}

#[test]
fn columns_map_an_in_out_pair_and_a_direction() {
    let l = ledger();
    let path = l.dir.path().join("mapped.csv");
    std::fs::write(
        &path,
        "日子,进账,出账,结余\n2022-03-01,\"5,000.00\",,\"5,000.00\"\n2022-03-05,1200,,6200\n2022-03-31,,12.50,6187.50\n",
    )
    .unwrap();
    let mut args = vec![
        "reconcile",
        "--statement",
        path.to_str().unwrap(),
        "--closing-balance",
        "6,187.50",
        "--as-of",
        "2022-03-31",
        "--columns",
        "date=日子,in=进账,out=出账,balance=结余",
    ];
    assert_reconciled(&l.json(&args));
    args[8] = "date=日子,in=进账";
    let err = l.refused(&args);
    assert!(err.contains("in=收入金額,out=支出金額"), "{err}");
}

#[test]
fn a_broken_balance_row_is_named_and_the_statement_refused() {
    let l = ledger();
    let text = std::fs::read_to_string(fixture("cmb-2022-03.csv")).unwrap();
    let broken = text.replace("\"6,200.00\"", "\"6,300.00\"");
    let path = l.dir.path().join("broken.csv");
    std::fs::write(&path, broken).unwrap();
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "reconcile",
        "--statement",
        path.to_str().unwrap(),
        "--closing-balance",
        "6187.50",
        "--as-of",
        "2022-03-31",
    ]);
    assert!(err.contains("第 7 行"), "{err}");
    assert!(err.contains("联机余额应为 6,200.00"), "{err}");
    assert!(err.contains("却是 6,300.00"), "{err}");
    assert!(err.contains("对账单有"), "{err}");
}

#[test]
fn zh_hans_refusals_name_line_and_column() {
    let l = ledger();
    let path = l.dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "户名:某市爱心基金会\n交易日期,摘要,收入金额,支出金额\n2022-03-01,捐款,\"5,000.00\",\n2022-03-40,捐款,1.00,\n2022-03-05,捐款,1.00,2.00\n",
    )
    .unwrap();
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "reconcile",
        "--statement",
        path.to_str().unwrap(),
        "--closing-balance",
        "1",
        "--as-of",
        "2022-03-31",
    ]);
    assert!(
        err.contains("第 4 行") && err.contains("交易日期“2022-03-40”不是日期"),
        "{err}"
    );
    assert!(
        err.contains("第 5 行") && err.contains("收入金额“1.00”和支出金额“2.00”都有金额"),
        "{err}"
    );
}

/// Headers `--columns` maps that the statement does not have are all named at once,
/// beside the headers it has.
#[test]
fn mapped_headers_the_statement_lacks_are_named_together() {
    let l = ledger();
    let path = l.dir.path().join("odd.csv");
    std::fs::write(&path, "记账日,发生额,附言\n2022-03-02,1000.00,x\n").unwrap();
    let before = l.fingerprint();
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "reconcile",
        "--statement",
        path.to_str().unwrap(),
        "--closing-balance",
        "1",
        "--as-of",
        "2022-03-31",
        "--columns",
        "date=记账日,amount=金额,reference=流水",
    ]);
    assert!(
        err.contains("“金额”、“流水”") && err.contains("“发生额”"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(l.fingerprint(), before);
}

/// The rows of a generic export, oldest first: 100.00 three times (two of them a day
/// or two from the ledger's), a gift found by its reference, and a fee the ledger
/// does not have; each with its running 余额.
const ROWS_OLDEST_FIRST: [&str; 5] = [
    "20220301,转账,\"100.00\",,\"100.00\",张三,B1,",
    "20220302,转账,\"100.00\",,\"200.00\",李四,B2,",
    "20220305,转账,\"5,000.00\",,\"5,200.00\",王五,D-7,",
    "20220310,转账,\"100.00\",,\"5,300.00\",赵六,B3,",
    "20220331,手续费,,12.50,\"5,287.50\",,B4,",
];

fn write_export(path: &Path, rows: &[&str]) {
    let mut text = String::from(
        "账号:6222 0000 0000 1234,\n户名:某市爱心基金会,\n\
         交易日期,摘要,收入金额,支出金额,余额,对方户名,交易流水号,\n",
    );
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.push_str("合计,,\"5,300.00\",12.50,,,,\n");
    std::fs::write(path, text).unwrap();
}

/// What a report says, without the statement's line numbers (which the order of the
/// rows changes).
fn outcome(report: &Value) -> Value {
    let mut report = report.clone();
    let unnumber = |line: &mut Value| {
        line.as_object_mut().unwrap().remove("line");
    };
    for pair in report["matched"].as_array_mut().unwrap() {
        unnumber(&mut pair[0]);
    }
    for line in report["statement_only"].as_array_mut().unwrap() {
        unnumber(line);
    }
    for tie in report["ties"].as_array_mut().unwrap() {
        for line in tie["statement_lines"].as_array_mut().unwrap() {
            unnumber(line);
        }
    }
    for list in ["matched", "statement_only"] {
        let rows = report[list].as_array_mut().unwrap();
        rows.sort_by_key(|row| row.to_string());
    }
    let object = report.as_object_mut().unwrap();
    object.remove("statement");
    report
}

/// A statement newest first (as some banks list it) reconciles as the same statement
/// oldest first: the same pairs, the same lines left over, the same table — and it is
/// the same statement, so once one is recorded the other is refused.
#[test]
fn a_statement_newest_first_reconciles_as_oldest_first() {
    let l = Ledger::new();
    l.donate("2022-03-01", "100.00");
    l.donate("2022-03-03", "100.00");
    l.donate("2022-03-10", "100.00");
    l.donate("2022-03-06", "5000.00");
    l.donate("2022-03-20", "300.00");
    let oldest = l.dir.path().join("oldest.csv");
    let newest = l.dir.path().join("newest.csv");
    write_export(&oldest, &ROWS_OLDEST_FIRST);
    let mut reversed = ROWS_OLDEST_FIRST;
    reversed.reverse();
    write_export(&newest, &reversed);
    let args = |path: &Path| {
        vec![
            "reconcile".to_string(),
            "--statement".to_string(),
            path.to_str().unwrap().to_string(),
            "--closing-balance".to_string(),
            "5,287.50".to_string(),
            "--as-of".to_string(),
            "2022-03-31".to_string(),
        ]
    };
    let run = |path: &Path| {
        let args = args(path);
        l.json(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let (by_date, by_date_reversed) = (run(&oldest), run(&newest));
    assert_eq!(by_date["matched"].as_array().unwrap().len(), 4, "{by_date}");
    assert_eq!(
        by_date["ledger_only"].as_array().unwrap().len(),
        1,
        "{by_date}"
    );
    assert_eq!(outcome(&by_date), outcome(&by_date_reversed));
    // The lines 2022-03-02 and 2022-03-10 are found by amount and date, each to the
    // closest gift.
    let dates: Vec<(String, String)> = by_date["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0]["date"].to_string(), p[1]["date"].to_string()))
        .collect();
    assert!(
        dates.contains(&("\"2022-03-02\"".into(), "\"2022-03-03\"".into())),
        "{dates:?}"
    );
    let mut commit = args(&oldest);
    commit.push("--commit".into());
    let recorded = l.json(&commit.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(recorded["recorded"], 1);
    let mut again = args(&newest);
    again.push("--commit".into());
    let before = l.fingerprint();
    let err = l.refused_en(&again.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        err.contains("already reconciled and recorded as reconciliation 1"),
        "{err}"
    );
    assert_eq!(l.fingerprint(), before);
}
