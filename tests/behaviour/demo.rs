//! The built-in demo (issue 6): the README's first command.

use crate::common;

use common::Ledger;

#[test]
fn the_demo_builds_the_published_year_and_reruns_cleanly() {
    let l = Ledger::empty();
    let out = l.dir.path().join("demo");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let text = l.stdout(&["demo", "--out", out.to_str().unwrap()]);
    assert!(
        text.contains("¥293,300.00") && text.contains("¥237,300.00"),
        "{text}"
    );
    assert!(text.contains("貧困學生 42 名、貧困戶 40 戶"), "{text}");
    let db = out.join("demo.db");
    let run = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--db", db.to_str().unwrap(), "--json"];
        all.extend_from_slice(args);
        serde_json::from_slice(&l.cmd().args(&all).assert().success().get_output().stdout).unwrap()
    };
    let summary = run(&["summary", "--year", "2022"]);
    assert_eq!(summary["raised"], "293300.00");
    assert_eq!(summary["disbursed"], "237300.00");
    assert_eq!(summary["students_aided"], 42);
    assert_eq!(summary["households_aided"], 40);
    assert!(
        summary["donations_count"].as_i64().unwrap() >= 200,
        "several hundred donations"
    );
    assert_eq!(summary["last_reconciliations"][0]["agrees"], true);
    assert_eq!(summary["last_reconciliations"][0]["account"], "1002");
    assert_eq!(run(&["verify"])["passed"], true);
    let receipts = run(&["receipt", "list", "--status", "void"]);
    // The misspelt receipt reissued, and the gift entered twice: reversing it voided
    // its receipt (issue 14, item 4; it stayed "issued" before).
    assert_eq!(receipts.as_array().unwrap().len(), 2, "two voided receipts");
    assert!(out.join("receipts/2022-000001.pdf").exists());
    // A rerun rebuilds the demo's own files and leaves the rest alone.
    l.run(&["demo", "--out", out.to_str().unwrap()]).success();
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(run(&["summary", "--year", "2022"])["raised"], "293300.00");
}

#[test]
fn the_demo_summary_pdf_reads_as_the_published_year() {
    let l = Ledger::empty();
    let out = l.dir.path().join("demo");
    l.run(&["demo", "--out", out.to_str().unwrap()]).success();
    let Some(text) = common::pdftotext(&out.join("summary-2022.pdf")) else {
        return;
    };
    for expected in [
        "鷹潭市政協愛心基金",
        "¥293,300.00",
        "¥237,300.00",
        "貧困學生 42 名、貧困戶 40 戶",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
}
