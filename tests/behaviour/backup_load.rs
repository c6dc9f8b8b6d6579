//! Backup under load (RELIABILITY.md, item 8): `lovefund backup` taken while another
//! process records donations gives a copy that opens `--read-only`, passes `verify`,
//! and holds a prefix of the live ledger's chain — the same entries with the same
//! hashes, up to the moment of the copy. The writer never sees an error.

use crate::common;

use common::Ledger;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

const DONATIONS: usize = 400;
const BACKUPS: usize = 4;
/// Donations recorded before the first backup, and between backups.
const DONATIONS_BETWEEN_BACKUPS: usize = 40;

/// (id, hash) of every entry, in order, read through a read-only connection.
fn chain(db: &Path) -> Vec<(i64, Vec<u8>)> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open read-only");
    let mut statement = conn
        .prepare("SELECT id, hash FROM entries ORDER BY id")
        .expect("prepare");
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("read the chain")
}

fn wait_for(recorded: &AtomicUsize, count: usize) {
    while recorded.load(Ordering::SeqCst) < count {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_backup_taken_while_donations_are_recorded_opens_verifies_and_holds_a_prefix_of_the_chain() {
    if !common::reliability("backup_load") {
        return;
    }
    let ledger = Arc::new(Ledger::new());
    ledger.run(&["donor", "add", "李明"]).success();
    let recorded = Arc::new(AtomicUsize::new(0));
    let writer_done = Arc::new(AtomicBool::new(false));
    let writer = {
        let (ledger, recorded, done) = (
            Arc::clone(&ledger),
            Arc::clone(&recorded),
            Arc::clone(&writer_done),
        );
        std::thread::spawn(move || {
            for i in 0..DONATIONS {
                let out = ledger
                    .cmd()
                    .args([
                        "donate",
                        "--donor",
                        "李明",
                        "--amount",
                        &format!("{}.50", i + 1),
                    ])
                    .args(["--date", "2023-05-01", "--method", "bank"])
                    .args(["--reference", &format!("LOAD-{i:04}")])
                    .output()
                    .expect("run donate");
                assert!(
                    out.status.success() && out.stderr.is_empty(),
                    "donation {i} during backups: {out:?}"
                );
                recorded.fetch_add(1, Ordering::SeqCst);
            }
            done.store(true, Ordering::SeqCst);
        })
    };

    let mut copies = Vec::new();
    for n in 1..=BACKUPS {
        wait_for(&recorded, n * DONATIONS_BETWEEN_BACKUPS);
        let copy = ledger.dir.path().join(format!("audit-{n}.db"));
        let out = ledger
            .cmd()
            .arg("backup")
            .arg(&copy)
            .output()
            .expect("backup");
        assert!(out.status.success(), "backup {n}: {out:?}");
        assert!(
            !writer_done.load(Ordering::SeqCst),
            "backup {n} finished after the writer: it was not taken under load"
        );
        copies.push(copy);
    }
    writer.join().expect("writer thread");

    let live = chain(&ledger.db);
    assert_eq!(live.len(), DONATIONS);
    let mut previous = 0;
    for copy in &copies {
        let report: serde_json::Value = serde_json::from_slice(
            &ledger
                .cmd()
                .args(["--read-only", "--json", "--db"])
                .arg(copy)
                .arg("verify")
                .output()
                .expect("verify the copy")
                .stdout,
        )
        .expect("verify JSON");
        assert_eq!(report["passed"], true, "{}: {report}", copy.display());
        let held = chain(copy);
        assert!(
            held.len() >= previous && !held.is_empty() && held.len() <= live.len(),
            "{}: {} entries after a copy with {previous}",
            copy.display(),
            held.len()
        );
        assert_eq!(
            held[..],
            live[..held.len()],
            "{} is not a prefix of the live chain",
            copy.display()
        );
        assert_eq!(report["entries"], held.len());
        previous = held.len();
    }
}
