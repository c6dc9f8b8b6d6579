//! Input files are decoded strictly (issue 14, item 3): a byte order mark decides,
//! else strict UTF-8, else GB18030 or Big5 as chardetng detects, and the whole file
//! must decode without one malformed byte or replacement character, or the import is
//! refused, naming the line and byte, and the ledger is left as it was.
//!
//! The encodings are the ones Excel writes (Microsoft, "File formats that are
//! supported in Excel"): "CSV (Comma delimited)" in the system's ANSI code page —
//! code page 936 (GBK) on Simplified and 950 (Big5) on Traditional Chinese Windows;
//! "CSV UTF-8" with a BOM; "Unicode Text", tab-separated UTF-16LE with a BOM.

use crate::common::Ledger;

const HEADER: &str = "date,kind,counterparty,counterparty_type,program,amount,method,reference";

fn write(l: &Ledger, name: &str, bytes: &[u8]) -> String {
    let path = l.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn donors(l: &Ledger) -> Vec<String> {
    l.json(&["donor", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect()
}

/// No U+FFFD anywhere in the ledger file (or its WAL), whatever was fed to it.
fn assert_no_replacement_character(l: &Ledger) {
    let mut bytes = std::fs::read(&l.db).unwrap();
    let wal = crate::common::wal_path(&l.db);
    if wal.exists() {
        bytes.extend(std::fs::read(wal).unwrap());
    }
    let mark = "\u{FFFD}".as_bytes();
    assert!(
        !bytes.windows(mark.len()).any(|w| w == mark),
        "the ledger stores U+FFFD"
    );
}

#[test]
fn a_stray_latin1_byte_refuses_the_file_and_stores_nothing() {
    let l = Ledger::new();
    let mut bytes = format!(
        "{HEADER}\n2022-03-01,donation,李明,person,助學,100.00,bank,L-1\n2022-03-02,donation,Jos"
    )
    .into_bytes();
    bytes.push(0xE9); // "é" in Latin-1, as a Western European system saves it
    bytes.extend_from_slice(b" Garcia,person,\xe5\x8a\xa9\xe5\xad\xb8,50.00,bank,L-2\n");
    let file = write(&l, "mixed.csv", &bytes);
    let before = l.fingerprint();
    let message = l.refused(&["--lang", "en", "import", &file]);
    assert!(message.contains("line 3, byte "), "{message}");
    assert!(message.contains("is not UTF-8 text"), "{message}");
    assert!(message.contains("--encoding"), "{message}");
    assert_eq!(l.fingerprint(), before, "the ledger changed");
    assert!(donors(&l).is_empty());
    assert_no_replacement_character(&l);
}

#[test]
fn big5_from_taiwan_and_hong_kong_imports_as_written() {
    let l = Ledger::new();
    let text = format!(
        "{HEADER}\n2022-03-01,donation,陳大文,person,助學,1000.00,bank,B5-1\n\
         2022-03-02,donation,香港銅鑼灣慈善會,organization,扶貧,2000.00,bank,B5-2\n"
    );
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(&text);
    assert!(!unmappable);
    let file = write(&l, "big5.csv", &big5);
    let summary = l.json(&["import", &file]);
    assert_eq!(summary["encoding"], "Big5");
    assert_eq!(summary["donations"], 2);
    let mut names = donors(&l);
    names.sort();
    assert_eq!(names, ["陳大文", "香港銅鑼灣慈善會"]);
    assert_no_replacement_character(&l);
}

#[test]
fn excel_unicode_text_is_utf16_with_tabs() {
    let l = Ledger::new();
    let text = format!(
        "{}\r\n2022-03-01\tdonation\t张三\tperson\t助學\t300.00\twechat\tU16-1\r\n",
        HEADER.replace(',', "\t")
    );
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let file = write(&l, "unicode.txt", &bytes);
    let summary = l.json(&["import", &file]);
    assert_eq!(summary["encoding"], "UTF-16LE");
    assert_eq!(summary["donations"], 1);
    assert_eq!(donors(&l), ["张三"]);
}

#[test]
fn a_forced_encoding_must_fit_every_byte() {
    let l = Ledger::new();
    let text = format!("{HEADER}\n2022-03-01,donation,李明,person,助學,100.00,bank,F-1\n");
    let file = write(&l, "utf8.csv", text.as_bytes());
    let before = l.fingerprint();
    let message = l.refused(&["--lang", "en", "import", &file, "--encoding", "big5"]);
    assert!(message.contains("is not Big5 text"), "{message}");
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn text_already_damaged_is_refused_and_never_stored() {
    let l = Ledger::new();
    let text =
        format!("{HEADER}\n2022-03-01,donation,李\u{FFFD}\u{FFFD},person,助學,100.00,bank,R-1\n");
    let file = write(&l, "damaged.csv", text.as_bytes());
    let message = l.refused(&["--lang", "en", "import", &file]);
    assert!(message.contains("line 2 holds U+FFFD"), "{message}");
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let file = write(&l, "damaged-gb.csv", &gb);
    let message = l.refused(&["--lang", "en", "import", &file, "--encoding", "gbk"]);
    assert!(message.contains("line 2 holds U+FFFD"), "{message}");
    assert_no_replacement_character(&l);
}

#[test]
fn a_statement_is_decoded_as_strictly() {
    let l = Ledger::new();
    let mut bytes = b"date,amount,reference,description\n2022-03-01,1.00,A1,ok\n".to_vec();
    bytes.extend_from_slice(b"2022-03-02,2.00,A2,fee \xff\n");
    let file = write(&l, "statement.csv", &bytes);
    let before = l.fingerprint();
    let message = l.refused(&[
        "--lang",
        "en",
        "reconcile",
        "--account",
        "1002",
        "--statement",
        &file,
        "--as-of",
        "2022-03-31",
        "--closing-balance",
        "3.00",
    ]);
    assert!(message.contains("line 3, byte "), "{message}");
    assert_eq!(l.fingerprint(), before);
}
