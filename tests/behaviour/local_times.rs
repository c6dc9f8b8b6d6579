//! Local times (issue 15, §1): times are stored in UTC, the form the hash chain holds,
//! and shown to people in the ledger's time zone (`ledger.time-zone`, +08:00 unless
//! set), with the offset written out; PDFs carry real dates — a receipt the time it
//! was issued (so a receipt printed again is byte-identical), the summary the time it
//! was printed — where they carried 1970-01-01.

use crate::common::Ledger;
use chrono::{DateTime, FixedOffset};

fn with_gift() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "張三"]).success();
    l.run(&[
        "donate",
        "--donor",
        "張三",
        "--amount",
        "500",
        "--date",
        "2022-03-01",
        "--method",
        "bank",
    ])
    .success();
    l
}

/// The stored recording time of entry `id`.
fn stored_at(l: &Ledger, id: i64) -> DateTime<FixedOffset> {
    let at: String = l
        .raw()
        .query_row("SELECT recorded_at FROM entries WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(at.ends_with('Z'), "stored in UTC: {at}");
    DateTime::parse_from_rfc3339(&at).unwrap()
}

fn in_zone(at: DateTime<FixedOffset>, seconds_east: i32) -> String {
    at.with_timezone(&FixedOffset::east_opt(seconds_east).unwrap())
        .format("%Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

#[test]
fn show_gives_the_recording_time_in_the_ledgers_zone() {
    let l = with_gift();
    let at = stored_at(&l, 1);
    let shown = l.stdout(&["--lang", "en", "show", "1"]);
    assert!(shown.contains(&in_zone(at, 8 * 3600)), "{shown}");
    assert!(
        !shown.contains(&at.format("%Y-%m-%dT").to_string()),
        "{shown}"
    );
    // JSON keeps the exact stored time.
    let json = l.json(&["show", "1"]);
    assert!(
        json["recorded_at"].as_str().unwrap().ends_with('Z'),
        "{json}"
    );

    l.run(&["config", "set", "ledger.time-zone", "-05:30"])
        .success();
    let shown = l.stdout(&["--lang", "zh-Hans", "show", "1"]);
    assert!(shown.contains(&in_zone(at, -(5 * 3600 + 1800))), "{shown}");
    let settings = l.stdout(&["--lang", "en", "config", "get", "ledger.time-zone"]);
    assert!(
        settings.starts_with("ledger.time-zone = -05:30 (set by tester, "),
        "{settings}"
    );
    assert!(
        settings.contains(" -05:30;"),
        "the change's own time is local: {settings}"
    );
}

#[test]
fn a_time_zone_that_is_not_an_offset_is_refused() {
    let l = with_gift();
    let before = l.fingerprint();
    for (lang, says) in [
        (
            "en",
            "\"Europe/Paris\" for ledger.time-zone is not a time zone",
        ),
        ("zh-Hans", "“Europe/Paris”不是时区；请写成与 UTC 的时差"),
        ("zh-Hant", "「Europe/Paris」不是時區；請寫成與 UTC 的時差"),
    ] {
        let err = l.refused(&[
            "--lang",
            lang,
            "config",
            "set",
            "ledger.time-zone",
            "Europe/Paris",
        ]);
        assert!(err.contains(says), "{lang}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert_eq!(l.fingerprint(), before);
    // The zones of China, Hong Kong, Macau and Taiwan by name are their offset.
    l.run(&["config", "set", "ledger.time-zone", "Asia/Hong_Kong"])
        .success();
    let json = l.json(&["config", "get", "ledger.time-zone"]);
    assert_eq!(json[0]["value"], "+08:00", "{json}");
}

/// The value of `/Key (D:…)` in a PDF's information dictionary.
fn pdf_date(pdf: &[u8], key: &str) -> String {
    let text = String::from_utf8_lossy(pdf);
    let at = text
        .find(&format!("/{key}"))
        .unwrap_or_else(|| panic!("no /{key}"));
    let rest = &text[at..];
    let start = rest.find("(D:").expect("a date") + 3;
    rest[start..start + 14].to_string()
}

#[test]
fn pdfs_are_dated_when_issued_or_printed() {
    let l = with_gift();
    let issued = stored_at(&l, 1).format("%Y%m%d%H%M%S").to_string();
    let out = l.dir.path().join("r");
    let dir = out.to_str().unwrap();
    l.run(&["receipt", "print", "2022-000001", "--out", dir])
        .success();
    let first = std::fs::read(out.join("2022-000001.pdf")).unwrap();
    assert_eq!(pdf_date(&first, "CreationDate"), issued);
    assert_eq!(pdf_date(&first, "ModDate"), issued);
    // Printed again later, the same receipt is the same file.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    l.run(&["receipt", "print", "2022-000001", "--out", dir, "--force"])
        .success();
    assert_eq!(std::fs::read(out.join("2022-000001.pdf")).unwrap(), first);

    let pdf = l.dir.path().join("summary.pdf");
    let before = chrono::Utc::now().format("%Y%m%d%H%M%S").to_string();
    l.run(&["summary", "--year", "2022", "--pdf", pdf.to_str().unwrap()])
        .success();
    let after = chrono::Utc::now().format("%Y%m%d%H%M%S").to_string();
    let created = pdf_date(&std::fs::read(&pdf).unwrap(), "CreationDate");
    assert!(
        before <= created && created <= after,
        "{before} {created} {after}"
    );
}
