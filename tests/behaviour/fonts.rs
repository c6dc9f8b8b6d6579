//! Fonts and characters (issue 14, items 12 and 13): `--font` takes OpenType-CFF
//! (.otf) and collections (.ttc, a face picked with `PATH#N`), regular files only
//! and under a size limit; names from the supplementary planes (𠮷) and Extension A
//! (䶮) print with the bundled font; a name the font cannot draw blocks only its own
//! receipt, and `donor add` and `import` warn about it.
//!
//! The fonts of tests/data/fonts are made by scripts/make-font-fixtures.

use crate::common;

use common::{Ledger, pdftotext};
use std::path::{Path, PathBuf};

/// 𠀁 (U+20001, Extension B) is in no face of Noto Sans CJK, so in no font here.
const UNDRAWABLE: char = '\u{20001}';

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fonts")
        .join(name)
}

/// A ledger with a receipt for 吉田𠮷 (2022-000001) and one for 劉䶮 (2022-000002).
fn ledger_with_rare_names() -> Ledger {
    let l = Ledger::new();
    for (name, date) in [("吉田𠮷", "2022-03-01"), ("劉䶮", "2022-03-02")] {
        l.run(&["donor", "add", name]).success();
        l.run(&[
            "donate", "--donor", name, "--amount", "100", "--date", date, "--method", "bank",
        ])
        .success();
    }
    l
}

/// `receipt print --year 2022` into DIR with these extra arguments, in English (the
/// refusals are read in English).
fn print_year(l: &Ledger, dir: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    print_year_in(l, "en", dir, extra)
}

/// `receipt print --year 2022` into DIR in the language LANG.
fn print_year_in(l: &Ledger, lang: &str, dir: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    let out = l.dir.path().join(dir);
    let mut args = vec![
        "--lang", lang, "receipt", "print", "--year", "2022", "--out",
    ];
    args.push(out.to_str().unwrap());
    args.extend_from_slice(extra);
    l.run(&args)
}

fn text_of(l: &Ledger, dir: &str, number: &str) -> Option<String> {
    pdftotext(&l.dir.path().join(dir).join(format!("{number}.pdf")))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[test]
fn extension_a_and_b_names_print_with_the_bundled_font() {
    let l = ledger_with_rare_names();
    print_year(&l, "bundled", &[]).success();
    if let Some(text) = text_of(&l, "bundled", "2022-000001") {
        assert!(text.contains("吉田𠮷"), "{text}");
    }
    if let Some(text) = text_of(&l, "bundled", "2022-000002") {
        assert!(text.contains("劉䶮"), "{text}");
    }
}

#[test]
fn an_opentype_cff_font_is_embedded_as_cff_with_extractable_text() {
    let l = ledger_with_rare_names();
    let font = fixture("receipt-cff.otf");
    // In zh-Hant, so the font must draw the labels (捐贈收據) as well as the names.
    print_year_in(&l, "zh-Hant", "otf", &["--font", font.to_str().unwrap()]).success();
    let pdf = std::fs::read(l.dir.path().join("otf/2022-000001.pdf")).unwrap();
    // A CFF program goes in /FontFile3 as a CIDFontType0 (ISO 32000-1, 9.9), not as
    // TrueType (/FontFile2).
    assert!(contains(&pdf, b"/FontFile3"), "no /FontFile3");
    assert!(contains(&pdf, b"/CIDFontType0C"), "no /CIDFontType0C");
    assert!(!contains(&pdf, b"/FontFile2"));
    if let Some(text) = text_of(&l, "otf", "2022-000001") {
        assert!(
            text.contains("吉田𠮷") && text.contains("捐贈收據"),
            "{text}"
        );
    }
    if let Some(text) = text_of(&l, "otf", "2022-000002") {
        assert!(text.contains("劉䶮"), "{text}");
    }
}

#[test]
fn a_collection_face_is_picked_with_hash_n() {
    let l = ledger_with_rare_names();
    let ttc = fixture("receipt-faces.ttc");
    let ttc = ttc.to_str().unwrap();
    // Face 0 (ASCII only) cannot draw the labels: every receipt is refused at once.
    let err = print_year(&l, "face0", &["--font", ttc]).code(1);
    let err = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert!(err.contains("--font") && err.contains("label"), "{err}");
    assert!(!l.dir.path().join("face0").exists());
    // Face 1 draws them.
    print_year(&l, "face1", &["--font", &format!("{ttc}#1")]).success();
    if let Some(text) = text_of(&l, "face1", "2022-000001") {
        assert!(text.contains("吉田𠮷"), "{text}");
    }
    // A face the file does not have, or any but 0 of a single font, is refused.
    let err = print_year(&l, "face2", &["--font", &format!("{ttc}#2")]).code(1);
    let err = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert!(err.contains("--font") && err.contains("2 faces"), "{err}");
    let otf = fixture("receipt-cff.otf");
    let err = print_year(&l, "otf1", &["--font", &format!("{}#1", otf.display())]).code(1);
    let err = String::from_utf8_lossy(&err.get_output().stderr).to_string();
    assert!(err.contains("not a collection"), "{err}");
}

#[test]
fn a_file_named_with_a_hash_is_taken_whole_when_it_exists() {
    let l = ledger_with_rare_names();
    let named = l.dir.path().join("font#1");
    std::fs::copy(fixture("receipt-cff.otf"), &named).unwrap();
    print_year(&l, "hash", &["--font", named.to_str().unwrap()]).success();
}

#[test]
fn a_name_the_font_cannot_draw_blocks_only_its_own_receipt() {
    let l = ledger_with_rare_names();
    let name = format!("{UNDRAWABLE}某");
    let added = l.run(&["donor", "add", &name]).success();
    let warning = String::from_utf8_lossy(&added.get_output().stderr).to_string();
    assert!(
        warning.contains("警告") && warning.contains("U+20001") && warning.contains("--font"),
        "{warning}"
    );
    l.run(&[
        "donate",
        "--donor",
        &name,
        "--amount",
        "5",
        "--date",
        "2022-04-01",
        "--method",
        "cash",
    ])
    .success();
    let before = l.fingerprint();
    let assert = print_year(&l, "year", &[]).code(1);
    let output = assert.get_output();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stdout.contains("2022-000003") && stdout.contains(&name) && stdout.contains("U+20001"),
        "{stdout}"
    );
    assert!(
        stderr.contains("1 receipt(s) were not printed")
            && stderr.contains("2022-000003")
            && stderr.contains("--font"),
        "{stderr}"
    );
    let dir = l.dir.path().join("year");
    assert!(dir.join("2022-000001.pdf").exists() && dir.join("2022-000002.pdf").exists());
    assert!(!dir.join("2022-000003.pdf").exists());
    assert_eq!(l.fingerprint(), before);
    // As JSON: what was written and what was not, with the characters.
    let assert = print_year(&l, "json", &["--json"]).code(1);
    let json: serde_json::Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(json["written"].as_array().unwrap().len(), 2);
    assert_eq!(json["not_printed"][0]["receipt"], "2022-000003");
    assert_eq!(json["not_printed"][0]["donor"], name.as_str());
    assert_eq!(json["not_printed"][0]["characters"][0], "𠀁 U+20001");
    // The one receipt alone is refused, and nothing is written.
    let one = l.dir.path().join("one");
    let err = l.refused(&[
        "--lang",
        "en",
        "receipt",
        "print",
        "2022-000003",
        "--out",
        one.to_str().unwrap(),
    ]);
    assert!(err.contains("U+20001") && err.contains("--font"), "{err}");
    assert!(!one.exists());
}

#[test]
fn import_warns_about_a_new_donor_the_font_cannot_draw() {
    let l = Ledger::new();
    let csv = l.dir.path().join("gifts.csv");
    std::fs::write(
        &csv,
        format!(
            "date,kind,counterparty,counterparty_type,program,amount,method,reference\n\
             2022-04-01,donation,{UNDRAWABLE}二,person,助學,5.00,cash,CASH-1\n\
             2022-04-01,donation,張三,person,助學,5.00,cash,CASH-2\n"
        ),
    )
    .unwrap();
    let assert = l.run(&["import", csv.to_str().unwrap()]).success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains(&format!("{UNDRAWABLE}二")) && stderr.contains("U+20001"),
        "{stderr}"
    );
    assert!(!stderr.contains("張三"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn font_must_be_a_regular_file_under_the_size_limit() {
    let l = ledger_with_rare_names();
    let started = std::time::Instant::now();
    for path in ["/dev/zero", "/"] {
        let err = String::from_utf8_lossy(
            &print_year(&l, "x", &["--font", path])
                .code(1)
                .get_output()
                .stderr,
        )
        .to_string();
        assert!(
            err.contains("--font") && err.contains("not a regular file"),
            "{err}"
        );
    }
    assert!(started.elapsed().as_secs() < 20, "--font read too long");
    // A sparse file of 64 MiB and one byte: refused before it is read.
    let big = l.dir.path().join("big.ttf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(64 * 1024 * 1024 + 1)
        .unwrap();
    let err = String::from_utf8_lossy(
        &print_year(&l, "x", &["--font", big.to_str().unwrap()])
            .code(1)
            .get_output()
            .stderr,
    )
    .to_string();
    assert!(err.contains("--font") && err.contains("64 MiB"), "{err}");
    // The same rule holds for $LOVEFUND_FONT.
    let out = l.dir.path().join("env");
    let assert = l
        .cmd()
        .env("LOVEFUND_FONT", "/dev/zero")
        .args(["--lang", "en", "receipt", "print", "2022-000001", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(err.contains("not a regular file"), "{err}");
}
