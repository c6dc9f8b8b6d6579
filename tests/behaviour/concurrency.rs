//! Concurrent writers (RELIABILITY.md, item 2): 4 writers each record 500 donations
//! with the real `lovefund donate` at the same time, on one ledger. All 2,000 are
//! recorded with receipt numbers 1..2000 (no gap, no repeat), the chain verifies, and
//! no writer ever sees an error: every process exits 0 with nothing on stderr.

use crate::common;

use common::Ledger;
use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};

const WRITERS: usize = 4;
const DONATIONS_PER_WRITER: usize = 500;

/// One writer: its donations, one process each; returns the receipt numbers printed.
fn record_donations(ledger: &Ledger, writer: usize, start: &Barrier) -> Vec<String> {
    let donor = format!("寫入者{writer}");
    start.wait();
    let mut receipts = Vec::with_capacity(DONATIONS_PER_WRITER);
    for i in 0..DONATIONS_PER_WRITER {
        let amount = format!("{}.{:02}", 1 + i, writer);
        let reference = format!("W{writer}-{i:03}");
        let out = ledger
            .cmd()
            .args(["--json", "donate", "--donor", &donor, "--amount", &amount])
            .args(["--date", "2023-06-01", "--fund", "助學", "--method", "bank"])
            .args(["--reference", &reference])
            .output()
            .expect("run donate");
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "writer {writer}, donation {i}: exit {:?}, stderr {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        receipts.push(printed["receipt"].as_str().expect("receipt").to_string());
    }
    receipts
}

#[test]
fn four_writers_record_2000_donations_with_gap_free_receipts_and_no_errors() {
    if !common::reliability("concurrency") {
        return;
    }
    let ledger = Arc::new(Ledger::new());
    for writer in 0..WRITERS {
        ledger
            .run(&["donor", "add", &format!("寫入者{writer}")])
            .success();
    }
    let start = Arc::new(Barrier::new(WRITERS));
    let writers: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let (ledger, start) = (Arc::clone(&ledger), Arc::clone(&start));
            std::thread::spawn(move || record_donations(&ledger, writer, &start))
        })
        .collect();
    let mut printed = BTreeSet::new();
    for writer in writers {
        for receipt in writer.join().expect("writer thread") {
            assert!(
                printed.insert(receipt.clone()),
                "receipt {receipt} printed twice"
            );
        }
    }
    let total = WRITERS * DONATIONS_PER_WRITER;
    let expected: BTreeSet<String> = (1..=total).map(|n| format!("2023-{n:06}")).collect();
    assert_eq!(printed, expected, "the receipts printed are not 1..{total}");

    let report = ledger.json(&["verify"]);
    assert_eq!(report["passed"], true, "{report}");
    assert_eq!(report["entries"], total);
    let gaps = ledger.json(&["receipt", "gaps", "--year", "2023"]);
    assert_eq!(
        (&gaps["last"], &gaps["issued"], &gaps["complete"]),
        (&total.into(), &total.into(), &true.into()),
        "{gaps}"
    );

    // Each writer's own donations all landed, with its own amounts, once.
    let raw = ledger.raw();
    for writer in 0..WRITERS {
        let (count, distinct): (i64, i64) = raw
            .query_row(
                "SELECT count(*), count(DISTINCT reference) FROM entries WHERE reference LIKE ?1",
                [format!("W{writer}-%")],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("count a writer's entries");
        let each = DONATIONS_PER_WRITER as i64;
        assert_eq!((count, distinct), (each, each));
    }
    let (receipts, low, high): (i64, i64, i64) = raw
        .query_row(
            "SELECT count(*), min(seq), max(seq) FROM receipts WHERE year = 2023",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("count receipts");
    let total = total as i64;
    assert_eq!((receipts, low, high), (total, 1, total));
}
