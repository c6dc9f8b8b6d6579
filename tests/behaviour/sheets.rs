//! Issue 15, §2.1: the donation and payment lists treasurers keep in Excel or WPS,
//! imported as they are — headers and values in zh-Hans, zh-Hant or English, a title
//! row above the header and a 合计 row below the data, dates and amounts as Excel
//! writes them, no reference column (each line's reference is derived from it, so a
//! second import adds nothing). The layouts are described in
//! tests/fixtures/sheets/README.md: a title merged across the columns, `序号 | 日期 |
//! 捐款人 | 类别 | 金额 | 用途 | 方式 | 备注`, then 合计 — the shape of the 捐款明细
//! tables funds publish. Each refusal: exit 1, the ledger unchanged, one sentence in
//! zh-Hans naming the line and the column.

use crate::common::Ledger;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets");
    path.join(name).to_string_lossy().into_owned()
}

/// Writes `bytes` as `name` in the ledger's directory; returns its path.
fn write(l: &Ledger, name: &str, bytes: &[u8]) -> String {
    let path: PathBuf = l.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Each fund's closing balance by alias.
fn fund_closing(l: &Ledger) -> Vec<(String, String)> {
    let report = l.json(&["fund", "balances"]);
    report["funds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap().to_string();
            (text("alias"), text("closing"))
        })
        .collect()
}

/// (name, type, count, total) of every donor.
fn donors(l: &Ledger) -> Vec<(String, String, u64, String)> {
    let list: Value = l.json(&["donor", "list"]);
    list.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap().to_string();
            (
                text("name"),
                text("type"),
                d["count"].as_u64().unwrap(),
                text("total"),
            )
        })
        .collect()
}

fn closing(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// An import that must be refused without changing the ledger; its zh-Hans stderr.
fn refused_unchanged(l: &Ledger, file: &str) -> String {
    let before = l.fingerprint();
    let message = l.refused(&["--lang", "zh-Hans", "import", file]);
    assert_eq!(
        l.fingerprint(),
        before,
        "a refused import changed the ledger"
    );
    message
}

#[test]
fn a_treasurers_donation_sheet_imports_as_it_is_and_twice_adds_nothing() {
    let l = Ledger::new();
    let file = fixture("donations_2022.csv");
    let summary = l.json(&["import", &file]);
    assert_eq!(summary["donations"], 6, "{summary}");
    assert_eq!(summary["donations_total"], "14900.50");
    assert_eq!(
        fund_closing(&l),
        closing(&[
            ("unrestricted", "500.00"),
            ("study-aid", "3400.00"),
            ("poverty-relief", "11000.50"),
            ("hardship", "0.00"),
        ])
    );
    let expected = |name: &str, kind: &str, count: u64, total: &str| {
        (name.to_string(), kind.to_string(), count, total.to_string())
    };
    assert_eq!(
        donors(&l),
        vec![
            expected("张三", "person", 1, "3000.00"),
            expected("鹰潭某科技有限公司", "organization", 1, "10000.00"),
            expected("愛心人士", "anonymous", 1, "500.00"),
            expected("李四", "person", 2, "400.00"),
            expected("王五", "person", 1, "1000.50"),
        ]
    );
    let before = l.fingerprint();
    let again = l.json(&["import", &file]);
    assert_eq!(again["already_imported"], 6, "{again}");
    assert_eq!(again["donations"], 0);
    assert_eq!(
        l.fingerprint(),
        before,
        "a second import changed the ledger"
    );
    // The derived references are shown with the entries: two equal gifts of one
    // day are two lines, each its own.
    let found = l.stdout(&["--lang", "zh-Hans", "search", "李四"]);
    assert_eq!(found.matches("200.00").count(), 2, "{found}");
}

#[test]
fn a_payment_list_in_traditional_chinese_big5_tab_separated() {
    let l = Ledger::new();
    l.run(&["import", &fixture("donations_2022.csv")]).success();
    // Excel's "Text (tab delimited)" on a Taiwan or Hong Kong system: Big5, tabs.
    let sheet = "愛心基金2022年助學金及幫困款發放表\t\t\t\t\t\t\t\n\
                 序號\t日期\t受助人\t類別\t金額\t項目\t方式\t備註\n\
                 1\t2022/4/1\t小明\t學生\t1,500.00\t助學\t銀行\t高一上學期\n\
                 2\t2022/4/1\t陳家\t家庭\t800\t扶貧\t轉賬\t\n\
                 總計\t\t\t\t2,300.00\t\t\t\n";
    let (bytes, _, lossy) = encoding_rs::BIG5.encode(sheet);
    assert!(!lossy);
    let file = write(&l, "發放表.txt", &bytes);
    let summary = l.json(&["import", &file, "--encoding", "big5"]);
    assert_eq!(summary["disbursements"], 2, "{summary}");
    assert_eq!(summary["new_beneficiaries"], 2);
    assert_eq!(
        fund_closing(&l),
        closing(&[
            ("unrestricted", "500.00"),
            ("study-aid", "1900.00"),
            ("poverty-relief", "10200.50"),
            ("hardship", "0.00"),
        ])
    );
    let again = l.json(&["import", &file, "--encoding", "big5"]);
    assert_eq!(again["already_imported"], 2);
}

#[test]
fn english_headers_and_values_without_a_kind_column() {
    let l = Ledger::new();
    let sheet = "No.,Date,Donor,Type,Amount,Fund,Method,Memo\n\
                 1,2022-05-01,Acme Ltd,organisation,\"2,000.00\",study-aid,bank,\n\
                 2,2022-05-02,,anonymous,50,unrestricted,cash,\n\
                 Total,,,,\"2,050.00\",,,\n";
    let summary = l.json(&["import", &write(&l, "gifts.csv", sheet.as_bytes())]);
    assert_eq!(summary["donations"], 2, "{summary}");
    assert_eq!(summary["donations_total"], "2050.00");
}

#[test]
fn a_bad_date_is_refused_naming_the_line_and_the_column_as_the_sheet_does() {
    let l = Ledger::new();
    let sheet = "捐款明细\n日期,捐款人,类别,金额,用途,方式\n\
                 2022/3/1,张三,个人,100,助学,银行\n\
                 2022/2/30,李四,个人,100,助学,银行\n";
    let message = refused_unchanged(&l, &write(&l, "bad_date.csv", sheet.as_bytes()));
    assert!(
        message.contains("第 4 行，列“日期”：日期“2022/2/30”不是日期"),
        "{message}"
    );
}

#[test]
fn a_total_row_that_is_not_the_sum_is_refused() {
    let l = Ledger::new();
    let text = std::fs::read_to_string(fixture("donations_2022.csv")).unwrap();
    let wrong = text.replace("\"14,900.50\"", "\"15,900.50\"");
    let message = refused_unchanged(&l, &write(&l, "wrong_total.csv", wrong.as_bytes()));
    assert!(
        message.contains(
            "第 9 行，列“金额（元）”：合计行写的是 15,900.50，上面各行加起来却是 14,900.50"
        ),
        "{message}"
    );
}

/// 劉䶮 saved by Excel as GBK "CSV" becomes 劉?: refused, naming the line.
#[test]
fn a_name_that_lost_a_character_to_gbk_is_refused() {
    let l = Ledger::new();
    let sheet = "日期,捐款人,类别,金额,用途,方式\n\
                 2022-03-01,张三,个人,100,助学,银行\n\
                 2022-03-02,劉?,个人,100,助学,银行\n";
    let (bytes, _, lossy) = encoding_rs::GBK.encode(sheet);
    assert!(!lossy);
    let message = refused_unchanged(&l, &write(&l, "gbk.csv", &bytes));
    assert!(
        message.contains("第 3 行，列“捐款人”：捐款人“劉?”里有“?”"),
        "{message}"
    );
    let donors: Value = l.json(&["donor", "list"]);
    assert_eq!(donors, serde_json::json!([]));
}

#[test]
fn a_sheet_that_does_not_say_who_is_giving_needs_a_kind_column() {
    let l = Ledger::new();
    let sheet =
        "捐款明细,,,,,\n日期,姓名,类别,金额,用途,方式\n2022-03-01,张三,个人,100,助学,银行\n";
    let message = refused_unchanged(&l, &write(&l, "no_kind.csv", sheet.as_bytes()));
    assert!(
        message.contains("第 2 行：表头缺少必需的列 kind"),
        "{message}"
    );
    // Every unknown column named at once, on the header's own line.
    let sheet = "捐款明细\n日期,捐款人,类别,金额,用途,方式,颜色,电话\n";
    let message = refused_unchanged(&l, &write(&l, "unknown.csv", sheet.as_bytes()));
    assert!(
        message.contains("第 2 行：列 “颜色”、“电话” 不是导入的列"),
        "{message}"
    );
}

#[test]
fn amounts_typed_as_arguments_keep_the_strict_grammar() {
    let l = Ledger::new();
    let message = l.refused(&[
        "--lang",
        "en",
        "donate",
        "--donor",
        "x",
        "--amount",
        "1,000.00",
        "--date",
        "2022-03-01",
        "--method",
        "bank",
    ]);
    assert!(message.contains("--amount is not an amount"), "{message}");
}

/// (year, month, day, donor, type, amount, fund, method).
type SheetRow = (
    u16,
    u8,
    u8,
    &'static str,
    &'static str,
    f64,
    &'static str,
    &'static str,
);

/// The donation sheet as WPS or Excel saves it as .xlsx: a title merged across the
/// columns, date cells holding real Excel dates (one with a time), amounts as numbers
/// with a currency format (one the float sum 0.1 + 0.2 that Excel shows as 0.30), and
/// a 合计 row whose formula carries its computed value, as Excel stores it.
fn write_workbook(path: &Path, total: &str) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let title = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy/m/d");
    let date_time = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let money = Format::new().set_num_format("¥#,##0.00");
    sheet
        .merge_range(0, 0, 0, 7, "鹰潭市政协爱心基金2022年捐款明细", &title)
        .unwrap();
    let header = [
        "序号",
        "日期",
        "捐款人",
        "类别",
        "金额",
        "用途",
        "方式",
        "备注",
    ];
    for (column, name) in header.iter().enumerate() {
        sheet.write_string(1, column as u16, *name).unwrap();
    }
    let rows: [SheetRow; 4] = [
        (2022, 3, 1, "张三", "个人", 3000.0, "助学", "银行"),
        (2022, 3, 2, "鹰潭某公司", "单位", 10000.0, "扶贫", "微信"),
        (2022, 3, 3, "李四", "个人", 0.1 + 0.2, "不限", "现金"),
        (2022, 3, 3, "李四", "个人", 0.1 + 0.2, "不限", "现金"),
    ];
    for (i, (y, m, d, name, kind, amount, fund, method)) in rows.iter().enumerate() {
        let row = i as u32 + 2;
        sheet.write_number(row, 0, (i + 1) as f64).unwrap();
        let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        if i == 1 {
            let when = day.and_hms(10, 20, 30).unwrap();
            sheet
                .write_datetime_with_format(row, 1, &when, &date_time)
                .unwrap();
        } else {
            sheet
                .write_datetime_with_format(row, 1, &day, &date)
                .unwrap();
        }
        for (column, text) in [(2, name), (3, kind), (5, fund), (6, method)] {
            sheet.write_string(row, column, *text).unwrap();
        }
        sheet
            .write_number_with_format(row, 4, *amount, &money)
            .unwrap();
    }
    sheet.write_string(6, 0, "合计").unwrap();
    let sum = Formula::new("=SUM(E3:E6)").set_result(total);
    sheet.write_formula_with_format(6, 4, sum, &money).unwrap();
    workbook.save(path).unwrap();
}

#[test]
fn an_xlsx_workbook_is_read_directly_with_its_dates_and_numbers_exact() {
    let l = Ledger::new();
    let path = l.dir.path().join("捐款明细.xlsx");
    write_workbook(&path, "13000.6");
    let file = path.to_string_lossy().into_owned();
    let summary = l.json(&["import", &file]);
    assert_eq!(summary["donations"], 4, "{summary}");
    assert_eq!(summary["donations_total"], "13000.60");
    assert_eq!(summary["encoding"], "XLSX");
    assert_eq!(
        fund_closing(&l),
        closing(&[
            ("unrestricted", "0.60"),
            ("study-aid", "3000.00"),
            ("poverty-relief", "10000.00"),
            ("hardship", "0.00"),
        ])
    );
    let found = l.stdout(&["--lang", "zh-Hans", "search", "鹰潭某公司"]);
    assert!(found.contains("2022-03-02"), "{found}");
    let again = l.json(&["import", &file]);
    assert_eq!(again["already_imported"], 4, "{again}");
}

#[test]
fn an_xlsx_workbook_whose_total_differs_is_refused_at_its_row() {
    let l = Ledger::new();
    let path = l.dir.path().join("捐款明细.xlsx");
    write_workbook(&path, "13500");
    let message = refused_unchanged(&l, &path.to_string_lossy());
    assert!(
        message.contains("第 7 行，列“金额”：合计行写的是 13,500.00，上面各行加起来却是 13,000.60"),
        "{message}"
    );
}

#[test]
fn a_file_named_xlsx_that_is_not_a_workbook_is_refused() {
    let l = Ledger::new();
    let file = write(&l, "not.xlsx", b"date,kind\n");
    let message = refused_unchanged(&l, &file);
    assert!(message.contains("这个电子表格文件读不出来"), "{message}");
}

/// The benchmark's sheet (BENCHMARKS.md, "Sheets"): `LOVEFUND_BENCH_ROWS` donations
/// (default 100,000) as the same rows twice, a .xlsx with date cells and numbers and
/// a UTF-8 CSV with the text Excel shows, written to `LOVEFUND_BENCH_DIR`. Run by
/// `cargo test --test behaviour sheets::write_benchmark_sheets -- --ignored`.
#[test]
#[ignore = "writes the benchmark's files; run on demand"]
fn write_benchmark_sheets() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = PathBuf::from(std::env::var("LOVEFUND_BENCH_DIR").expect("LOVEFUND_BENCH_DIR"));
    let rows: u32 = std::env::var("LOVEFUND_BENCH_ROWS").map_or(100_000, |n| n.parse().unwrap());
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = Format::new().set_num_format("yyyy/m/d");
    let money = Format::new().set_num_format("¥#,##0.00");
    let mut csv =
        String::from("\u{feff}捐款明细,,,,,,,\n序号,日期,捐款人,类别,金额,用途,方式,备注\n");
    sheet.write_string(0, 0, "捐款明细").unwrap();
    let header = [
        "序号",
        "日期",
        "捐款人",
        "类别",
        "金额",
        "用途",
        "方式",
        "备注",
    ];
    for (column, name) in header.iter().enumerate() {
        sheet.write_string(1, column as u16, *name).unwrap();
    }
    let funds = ["助学", "扶贫", "不限"];
    let methods = ["银行", "微信", "现金"];
    let mut total_fen: i64 = 0;
    for i in 0..rows {
        let row = i + 2;
        let (month, day) = (i % 12 + 1, i % 28 + 1);
        let name = format!("捐款人{}", i % 5000);
        let fen = i64::from(i % 100_000 + 1) * 100 + i64::from(i % 100);
        total_fen += fen;
        let amount = format!("{}.{:02}", fen / 100, fen % 100);
        let (fund, method) = (funds[i as usize % 3], methods[i as usize % 3]);
        let when = ExcelDateTime::from_ymd(2022, month as u8, day as u8).unwrap();
        sheet.write_number(row, 0, f64::from(i + 1)).unwrap();
        sheet
            .write_datetime_with_format(row, 1, &when, &date)
            .unwrap();
        sheet.write_string(row, 2, &name).unwrap();
        sheet.write_string(row, 3, "个人").unwrap();
        let value: f64 = amount.parse().unwrap();
        sheet
            .write_number_with_format(row, 4, value, &money)
            .unwrap();
        sheet.write_string(row, 5, fund).unwrap();
        sheet.write_string(row, 6, method).unwrap();
        csv.push_str(&format!(
            "{},2022/{month}/{day},{name},个人,{amount},{fund},{method},\n",
            i + 1
        ));
    }
    let total = format!("{}.{:02}", total_fen / 100, total_fen % 100);
    sheet.write_string(rows + 2, 0, "合计").unwrap();
    let value: f64 = total.parse().unwrap();
    sheet
        .write_number_with_format(rows + 2, 4, value, &money)
        .unwrap();
    csv.push_str(&format!("合计,,,,{total},,,\n"));
    workbook.save(dir.join("sheet.xlsx")).unwrap();
    std::fs::write(dir.join("sheet.csv"), csv).unwrap();
}

/// A name fixed in the sheet after its import (张三 → 張三) derives a new reference:
/// the dry run and the import name the entry it likely replaces (same date, kind and
/// amount) and refuse; after that entry is reversed the corrected line imports, and
/// `--accept-new` records it anyway.
#[test]
fn a_line_corrected_after_its_import_names_the_entry_it_replaces() {
    let l = Ledger::new();
    let original = std::fs::read_to_string(fixture("donations_2022.csv")).unwrap();
    l.run(&["import", &fixture("donations_2022.csv")]).success();
    let corrected = original.replace(",张三,", ",張三,");
    let file = write(&l, "corrected.csv", corrected.as_bytes());
    let before = l.fingerprint();
    let dry = l.refused(&["--lang", "zh-Hans", "import", &file, "--dry-run"]);
    let named =
        "第 3 行，整行：这一行像是之前从表格导入的第 1 号凭证（2022-03-01，“张三”，3,000.00）";
    assert!(dry.contains(named), "{dry}");
    let message = refused_unchanged(&l, &file);
    assert!(message.contains(named), "{message}");
    assert_eq!(l.fingerprint(), before);
    // The other five lines are the same: only the corrected one is new.
    l.run(&[
        "reverse",
        "1",
        "--reason",
        "名字写错",
        "--date",
        "2022-03-10",
    ])
    .success();
    let summary = l.json(&["import", &file]);
    assert_eq!(summary["donations"], 1, "{summary}");
    assert_eq!(summary["already_imported"], 5);
    // A second corrected version: refused again, then recorded with --accept-new.
    let again = corrected.replace(",張三,", ",張叁,");
    let file = write(&l, "again.csv", again.as_bytes());
    let message = refused_unchanged(&l, &file);
    assert!(message.contains("“張三”"), "{message}");
    let summary = l.json(&["import", &file, "--accept-new"]);
    assert_eq!(summary["donations"], 1, "{summary}");
}

/// What only recording finds (a fund that would go negative) names the column as the
/// sheet does too, not by lovefund's code.
#[test]
fn a_payment_the_fund_cannot_cover_is_refused_naming_the_sheets_column() {
    let l = Ledger::new();
    l.run(&["import", &fixture("donations_2022.csv")]).success();
    let sheet = "受助人,日期,类别,金额,项目,方式\n小明,2022-04-01,学生,\"5,000.00\",助学,银行\n";
    let message = refused_unchanged(&l, &write(&l, "aid.csv", sheet.as_bytes()));
    assert!(message.contains("第 2 行，列“金额”："), "{message}");
}

/// The OpenDocument sheet LibreOffice or WPS saves (tests/fixtures/sheets/make_ods.py):
/// a title spanning the columns, date cells (one with a time), currency cells, 合计.
#[test]
fn an_ods_sheet_is_read_directly() {
    let l = Ledger::new();
    let file = fixture("donations_2022.ods");
    let summary = l.json(&["import", &file]);
    assert_eq!(summary["donations"], 3, "{summary}");
    assert_eq!(summary["donations_total"], "13000.50");
    assert_eq!(summary["encoding"], "ODS");
    let found = l.stdout(&["--lang", "zh-Hans", "search", "鹰潭某公司"]);
    assert!(found.contains("2022-03-02"), "{found}");
    let again = l.json(&["import", &file]);
    assert_eq!(again["already_imported"], 3, "{again}");
}
