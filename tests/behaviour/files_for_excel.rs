//! Issue 15, §2.4: files for Excel. A CSV written to a file is UTF-8 with a byte order
//! mark by default (Excel and WPS then read Chinese right), plain UTF-8 on a pipe, GBK
//! on request — and a character GBK lacks is refused, not replaced, with no file left
//! behind. Reports are written as .xlsx with amounts as numbers.

use crate::common::Ledger;
use std::io::Read;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Two gifts, one from a donor whose name GBK can hold and one whose name it cannot.
fn ledger_with(names: &[&str]) -> Ledger {
    let l = Ledger::new();
    for (i, name) in names.iter().enumerate() {
        l.run(&["donor", "add", name, "--type", "person"]).success();
        l.run(&[
            "donate",
            "--donor",
            name,
            "--amount",
            "3000.50",
            "--date",
            "2022-03-01",
            "--fund",
            "助學",
            "--method",
            "bank",
            "--reference",
            &format!("G-{i}"),
        ])
        .success();
    }
    l
}

fn read(l: &Ledger, name: &str) -> Vec<u8> {
    std::fs::read(l.dir.path().join(name)).expect("written file")
}

#[test]
fn a_csv_file_starts_with_the_mark_and_a_pipe_gets_plain_utf8() {
    let l = ledger_with(&["張三"]);
    l.run(&["export", "--format", "import-csv", "--out", "gifts.csv"])
        .success();
    let file = read(&l, "gifts.csv");
    assert!(file.starts_with(BOM), "{:?}", &file[..8]);
    let piped = l.stdout(&["export", "--format", "import-csv"]);
    assert!(piped.starts_with("date,"), "{piped}");
    assert_eq!(&file[3..], piped.as_bytes(), "the same text after the mark");
    // The import reads its own export back, mark and all.
    let fresh = Ledger::new();
    let path = l.dir.path().join("gifts.csv");
    fresh.run(&["import", path.to_str().unwrap()]).success();
    assert_eq!(fresh.json(&["verify"])["entries"], 1);
    // Reports too, and the mark can be left out.
    l.run(&["report", "donors", "--year", "2022", "--out", "donors.csv"])
        .success();
    assert!(read(&l, "donors.csv").starts_with(BOM));
    l.run(&[
        "report",
        "donors",
        "--year",
        "2022",
        "--out",
        "plain.csv",
        "--out-encoding",
        "utf-8",
    ])
    .success();
    assert!(!read(&l, "plain.csv").starts_with(BOM));
}

#[test]
fn gbk_writes_the_same_text_for_an_old_excel() {
    let l = ledger_with(&["张三", "鷹潭李四"]);
    let utf8 = l.stdout(&[
        "--lang", "zh-Hans", "report", "donors", "--year", "2022", "--csv",
    ]);
    assert!(utf8.contains("张三") && utf8.contains("3000.50"), "{utf8}");
    l.run(&[
        "--lang",
        "zh-Hans",
        "report",
        "donors",
        "--year",
        "2022",
        "--out",
        "gbk.csv",
        "--out-encoding",
        "gbk",
    ])
    .success();
    let bytes = read(&l, "gbk.csv");
    let (text, _, had_errors) = encoding_rs::GBK.decode(&bytes);
    assert!(!had_errors);
    assert_eq!(text, utf8);
    assert!(std::str::from_utf8(&bytes).is_err(), "GBK, not UTF-8");
}

#[test]
fn a_name_gbk_cannot_hold_is_refused_and_no_file_is_left() {
    let l = ledger_with(&["张三", "王𠮷"]);
    for lang in ["zh-Hans", "zh-Hant", "en"] {
        let err = l.refused(&[
            "--lang",
            lang,
            "export",
            "--format",
            "import-csv",
            "--out",
            "gbk.csv",
            "--out-encoding",
            "gbk",
        ]);
        assert!(
            err.contains('𠮷') && err.contains("--out-encoding utf-8-bom"),
            "{err}"
        );
        assert!(err.contains('3'), "names the line: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!l.dir.path().join("gbk.csv").exists());
    }
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "export",
        "--format",
        "csv",
        "--out-encoding",
        "gbk",
    ]);
    assert!(err.contains("无法用 GBK 写出"), "{err}");
    let leftovers: Vec<_> = std::fs::read_dir(l.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("fund.db"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_encoding_is_for_csv_and_a_report_file_is_csv_or_xlsx() {
    let l = ledger_with(&["張三"]);
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "export",
        "--format",
        "ledger",
        "--out-encoding",
        "gbk",
    ]);
    assert!(err.contains("只用于 CSV"), "{err}");
    let err = l.refused(&[
        "--lang", "zh-Hans", "report", "donors", "--year", "2022", "--out", "r.txt",
    ]);
    assert!(err.contains(".csv、.xlsx 或 .pdf"), "{err}");
    assert!(!l.dir.path().join("r.txt").exists());
}

/// The text of one part of an .xlsx (a zip file).
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut text = String::new();
    zip.by_name(name)
        .expect(name)
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn a_report_as_xlsx_has_numbers_names_and_no_formula() {
    let hostile = "=HYPERLINK(\"http://evil.example\",\"收據\")";
    let l = ledger_with(&["張三", hostile]);
    let out = l.stdout(&["report", "donors", "--year", "2022", "--out", "donors.xlsx"]);
    assert!(out.contains("donors.xlsx"), "{out}");
    let bytes = read(&l, "donors.xlsx");
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let strings = part(&bytes, "xl/sharedStrings.xml");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(
        sheet.contains("<v>3000.5</v>"),
        "an amount is a number: {sheet}"
    );
    assert!(
        sheet.contains("<v>6001</v>"),
        "the total is a number: {sheet}"
    );
    assert!(!sheet.contains("<f>"), "no formula: {sheet}");
    assert!(
        strings.contains("張三") && strings.contains("=HYPERLINK("),
        "{strings}"
    );
    assert!(styles.contains("#,##0.00"), "{styles}");
    assert!(
        sheet.contains("<pane "),
        "the header stays in view: {sheet}"
    );
    // Replaced only with --force.
    l.refused(&["report", "donors", "--year", "2022", "--out", "donors.xlsx"]);
    l.run(&[
        "report",
        "donors",
        "--year",
        "2022",
        "--out",
        "donors.xlsx",
        "--force",
    ])
    .success();
}
