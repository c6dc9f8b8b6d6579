//! Output over the ledger (issue 14, item 1): every command that writes a file goes
//! through one output guard. It refuses the ledger, its -wal/-shm/-journal and any
//! symbolic or hard link to them, writes through a temporary file renamed into place,
//! and replaces an existing file only with `--force`.

mod common;

use common::Ledger;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// A ledger with one gift of 2022 from 王芳, so every document has something in it.
fn ledger_with_a_gift() -> Ledger {
    let ledger = Ledger::new();
    ledger.run(&["donor", "add", "王芳"]).success();
    ledger
        .run(&[
            "donate", "--donor", "王芳", "--amount", "500", "--date", "2022-03-01", "--fund",
            "助學", "--method", "bank",
        ])
        .success();
    ledger
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// The ledger's bytes (with its WAL) and mode, to compare after a refused write.
fn state(ledger: &Ledger) -> (String, u32) {
    (ledger.fingerprint(), mode(&ledger.db))
}

#[test]
fn summary_and_statement_pdfs_over_the_ledger_are_refused_even_read_only() {
    let ledger = ledger_with_a_gift();
    let db = ledger.db.to_str().expect("utf-8 path").to_string();
    let before = state(&ledger);
    assert_eq!(before.1, 0o600);
    for read_only in [false, true] {
        let mut summary = vec!["summary", "--year", "2022", "--pdf", &db];
        let mut statement = vec![
            "report",
            "donors",
            "--year",
            "2022",
            "--statement",
            "王芳",
            "--pdf",
            &db,
        ];
        if read_only {
            summary.push("--read-only");
            statement.push("--read-only");
        }
        for args in [&summary, &statement] {
            let stderr = ledger.refused(args);
            assert!(stderr.contains("--pdf"), "{args:?}: {stderr}");
            assert_eq!(state(&ledger), before, "{args:?} changed the ledger");
        }
    }
    ledger.run(&["verify"]).success();
}
