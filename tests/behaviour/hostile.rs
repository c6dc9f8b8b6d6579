//! Hostile text (issue 8, item 6): names and memos carrying SQL, LIKE wildcards, a
//! right-to-left override, PDF syntax, NUL and 10,000 characters, through `donor
//! add`, `donate --memo`, `entry add --memo` and `import`. Each comes back exactly as
//! entered (list, show, --json) or is refused with one sentence naming the field; the
//! schema never changes; receipts print such names as plain text.
//!
//! What is refused, by field: a NUL or any other control character anywhere (a
//! command-line argument cannot even carry a NUL, so NUL is tried through the CSV);
//! a name over 100 characters, a memo over 500. Everything else is kept byte for byte
//! (a name is trimmed of surrounding spaces). Invisible characters — zero-width and
//! bidirectional controls such as U+202E — are refused (tests/behaviour/small_holes.rs);
//! receipt PDFs would drop them anyway, so a printed name cannot be shown reversed.

use crate::common;

use common::{Ledger, pdftotext};
use serde_json::Value;

/// Text that would do harm if lovefund built SQL, LIKE patterns, PDF content streams
/// or terminal output from it.
const HOSTILE: &[&str] = &[
    "x'); DROP TABLE postings;--",
    "Robert'); DELETE FROM entries WHERE ('1'='1",
    "100% 愛心_捐款",
    "%",
    "_",
    ") Tj ET (",
    "<<>> %%EOF",
    "(x) Tj ET BT /F1 99 Tf (y) Tj <</Type /Page>> %%EOF",
    "\\ \" ' ` $(rm -rf /) ${HOME}",
];

/// The schema as stored: every table, index and trigger with its SQL.
fn schema(ledger: &Ledger) -> String {
    let conn = ledger.raw();
    let mut stmt = conn
        .prepare(
            "SELECT type, name, tbl_name, IFNULL(sql, '') FROM sqlite_master ORDER BY type, name",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok(format!(
                "{}|{}|{}|{}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?
            ))
        })
        .unwrap();
    rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
}

fn donor_named(ledger: &Ledger, name: &str) -> Value {
    let donors = ledger.json(&["donor", "list"]);
    let found: Vec<&Value> = donors
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["name"] == name)
        .collect();
    assert_eq!(found.len(), 1, "donor {name:?} in {donors}");
    found[0].clone()
}

fn memo_of(ledger: &Ledger, entry: i64) -> String {
    let shown = ledger.json(&["show", &entry.to_string()]);
    shown["memo"].as_str().unwrap().to_string()
}

#[test]
fn hostile_names_and_memos_come_back_exactly_and_leave_the_schema_alone() {
    let ledger = Ledger::new();
    let before = schema(&ledger);
    for (i, text) in HOSTILE.iter().enumerate() {
        let added = ledger.json(&["donor", "add", text]);
        assert_eq!(added["name"], *text);
        let id = added["id"].as_i64().unwrap();
        let donor = donor_named(&ledger, text);
        assert_eq!(donor["id"], id);
        let shown = ledger.json(&["donor", "show", &id.to_string()]);
        assert!(
            shown
                .to_string()
                .contains(&serde_json::to_string(text).unwrap())
        );
        // Found by its exact name, never by a pattern ('%' must not match '100% …').
        let date = format!("2022-03-{:02}", i + 1);
        let gift = ledger.json(&[
            "donate", "--donor", text, "--amount", "10.00", "--date", &date, "--method", "bank",
            "--memo", text,
        ]);
        assert_eq!(gift["donor"], id, "{text:?}");
        let entry = gift["entry"].as_i64().unwrap();
        assert_eq!(memo_of(&ledger, entry), *text);
        let manual = ledger.json(&[
            "entry",
            "add",
            "--date",
            &date,
            "--memo",
            text,
            "--posting",
            "5201=1.00",
            "--posting",
            "1002=-1.00",
        ]);
        let manual = manual["entry"].as_i64().or(manual["id"].as_i64()).unwrap();
        assert_eq!(memo_of(&ledger, manual), *text);
        // The text output prints it as it is, too.
        let text_out = ledger.stdout(&["show", &entry.to_string()]);
        assert!(text_out.contains(text), "{text_out}");
    }
    assert_eq!(schema(&ledger), before);
    ledger.run(&["verify"]).success();
}

#[test]
fn hostile_text_in_an_import_comes_back_exactly_and_nul_is_refused_by_line() {
    let ledger = Ledger::new();
    let before = schema(&ledger);
    let mut csv = String::from(
        "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n",
    );
    for (i, text) in HOSTILE.iter().enumerate() {
        let quoted = format!("\"{}\"", text.replace('"', "\"\""));
        csv.push_str(&format!(
            "2022-04-{:02},donation,{quoted},organization,助學,20.00,bank,R{i},{quoted}\n",
            i + 1
        ));
    }
    let file = ledger.dir.path().join("hostile.csv");
    std::fs::write(&file, &csv).unwrap();
    ledger.run(&["import", file.to_str().unwrap()]).success();
    for (i, text) in HOSTILE.iter().enumerate() {
        let donor = donor_named(&ledger, text);
        assert_eq!(donor["type"], "organization", "{donor}");
        assert_eq!(memo_of(&ledger, i as i64 + 1), *text);
    }
    assert_eq!(schema(&ledger), before);

    // A NUL (or any control character) is refused, naming the line and the column,
    // and nothing of the file is imported.
    let unchanged = ledger.fingerprint();
    for (column, line) in [
        (
            "memo",
            "2022-05-01,donation,張三,person,助學,1.00,bank,N1,a\0b",
        ),
        (
            "counterparty",
            "2022-05-01,donation,張\0三,person,助學,1.00,bank,N1,memo",
        ),
        (
            "memo",
            "2022-05-01,donation,張三,person,助學,1.00,bank,N1,a\u{1b}[2Jb",
        ),
    ] {
        let stderr = refused_import(
            &ledger,
            &format!("2022-05-02,donation,李四,person,助學,1.00,bank,OK1,fine\n{line}\n"),
        );
        assert!(
            stderr.contains("line 3")
                && stderr.contains(column)
                && stderr.contains("control character"),
            "{column}: {stderr}"
        );
        assert_eq!(ledger.fingerprint(), unchanged);
    }
}

#[test]
fn ten_thousand_characters_are_refused_naming_the_field_and_change_nothing() {
    let ledger = Ledger::new();
    ledger.run(&["donor", "add", "張三"]).success();
    let long = "愛".repeat(10_000);
    let unchanged = ledger.fingerprint();
    let before = schema(&ledger);
    for (args, field, limit) in [
        (vec!["donor", "add", long.as_str()], "NAME", 100),
        (
            vec![
                "donate",
                "--donor",
                "張三",
                "--amount",
                "1",
                "--date",
                "2022-01-01",
                "--method",
                "bank",
                "--memo",
                &long,
            ],
            "--memo",
            500,
        ),
        (
            vec![
                "entry",
                "add",
                "--date",
                "2022-01-01",
                "--memo",
                &long,
                "--posting",
                "1002=1",
                "--posting",
                "4101=-1",
            ],
            "--memo",
            500,
        ),
    ] {
        let stderr = ledger.refused_en(&args);
        assert_eq!(
            stderr.trim(),
            format!("lovefund: {field} is longer than {limit} characters; shorten it")
        );
    }
    let stderr = refused_import(
        &ledger,
        &format!("2022-05-01,donation,張三,person,助學,1.00,bank,L1,{long}\n"),
    );
    assert!(
        stderr.contains("line 2") && stderr.contains("memo is longer than 500 characters"),
        "{stderr}"
    );
    assert_eq!(ledger.fingerprint(), unchanged);
    assert_eq!(schema(&ledger), before);
}

#[test]
fn receipts_print_hostile_names_as_plain_text() {
    let ledger = Ledger::new();
    let names = [
        "x'); DROP TABLE postings;--",
        "(a) Tj ET <<>> %%EOF",
        "100% _張三_",
    ];
    for (i, name) in names.iter().enumerate() {
        ledger.run(&["donor", "add", name]).success();
        ledger
            .run(&[
                "donate",
                "--donor",
                name,
                "--amount",
                "88.00",
                "--date",
                &format!("2022-06-{:02}", i + 1),
                "--method",
                "bank",
                "--memo",
                name,
            ])
            .success();
    }
    let out = ledger.dir.path().join("receipts");
    ledger
        .run(&[
            "receipt",
            "print",
            "--year",
            "2022",
            "--out",
            out.to_str().unwrap(),
        ])
        .success();
    for (i, name) in names.iter().enumerate() {
        let pdf = out.join(format!("2022-{:06}.pdf", i + 1));
        let bytes = std::fs::read(&pdf).unwrap();
        // One document: the text never closes the file or starts another object.
        assert_eq!(count(&bytes, b"%%EOF"), 1, "{name:?}");
        assert!(
            !contains(&bytes, name.as_bytes()),
            "{name:?} is in the PDF as raw bytes"
        );
        let Some(text) = pdftotext(&pdf) else { return };
        let printed = name.to_string();
        let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&printed), "{printed:?} not in:\n{text}");
    }
    ledger.run(&["verify"]).success();
}

/// Imports the CSV lines under the full header; returns stderr of the refusal.
fn refused_import(ledger: &Ledger, lines: &str) -> String {
    let csv = ledger.dir.path().join("refused.csv");
    let header = "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo";
    std::fs::write(&csv, format!("{header}\n{lines}")).unwrap();
    ledger.refused(&["--lang", "en", "import", csv.to_str().unwrap()])
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    count(haystack, needle) > 0
}

/// Regression: `--donor`, `--to` and `donor show` read a number as an id, so a donor
/// named "1" could not be chosen by name and a gift "from 1" went to donor 1 instead.
/// A name that reads as a number is now refused wherever names come in.
#[test]
fn a_name_that_reads_as_an_id_is_refused() {
    let ledger = Ledger::new();
    ledger.run(&["donor", "add", "張三"]).success();
    let unchanged = ledger.fingerprint();
    for (args, name) in [
        (vec!["donor", "add", "1"], "1"),
        (vec!["donor", "add", " 007 "], "007"),
        (
            vec!["beneficiary", "add", "+2", "--type", "household"],
            "+2",
        ),
    ] {
        let stderr = ledger.refused_en(&args);
        assert_eq!(
            stderr.trim(),
            format!(
                "lovefund: NAME {name:?} is a number, which lovefund reads as an id; add a \
                 word to the name (e.g. \"{name}號\")"
            )
        );
    }
    let stderr = refused_import(&ledger, "2022-05-01,donation,1,person,助學,1.00,bank,D1,\n");
    assert!(
        stderr.contains("line 2") && stderr.contains("is a number"),
        "{stderr}"
    );
    assert_eq!(ledger.fingerprint(), unchanged);
    // With a word it is a name like any other, and found by it.
    ledger.run(&["donor", "add", "1號"]).success();
    let gift = ledger.json(&[
        "donate",
        "--donor",
        "1號",
        "--amount",
        "5",
        "--date",
        "2022-01-02",
        "--method",
        "cash",
    ]);
    assert_eq!(gift["donor"], 2);
}
