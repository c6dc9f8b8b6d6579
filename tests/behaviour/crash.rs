//! Crash during import (RELIABILITY.md, item 1): a 100,000-line import killed with
//! SIGKILL at 30 seeded random moments leaves the ledger holding none of it or all of
//! it, `verify` passes after every kill, and a rerun completes it exactly once.
//!
//! The kill moments are spread over the measured length of one uninterrupted import,
//! so they fall in reading, recording, committing and the checkpoint at close alike;
//! every third one waits for its own import to start writing the WAL and falls within
//! the commit and the close — the dangerous moments — which it hits on every run.
//! `LOVEFUND_CRASH_SEED=N` replays a failing run (the seed is printed on failure).

use crate::common;

use common::{Dice, Ledger};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const IMPORT_LINES: usize = 100_000;
const KILLS: usize = 30;
const SEED_DEFAULT: u64 = 0x4C4F_5645_0001;
/// Kill moments run a little past the measured import, to hit the close as well.
const KILL_WINDOW_PERCENT: u128 = 105;
/// A WAL this large holds the import's own pages: its commit has begun.
const WAL_WRITING_BYTES: u64 = 1 << 20;

/// What a killed ledger may hold.
#[derive(Debug, PartialEq)]
enum Held {
    None,
    All,
}

/// The whole import file, deterministic: 100,000 donations and disbursements in
/// date order over 2023, between 2,000 donors and 400 beneficiaries, by every method
/// and fund, never overspending a fund or a method's account. Returns the CSV and
/// the money that ends up in bank, cash and e-wallets, in fen.
fn import_csv(lines: usize) -> (String, i64) {
    let mut rng = Dice::new(20_230_101);
    let mut csv = String::with_capacity(lines * 96);
    csv.push_str("date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n");
    let programs = ["助學", "扶貧", "幫困", "非限定"];
    let methods = ["bank", "cash", "wechat", "alipay"];
    // Held per fund and per guarded account (each method its own).
    let mut fund_fen = [0i64; 4];
    let mut account_fen = [0i64; 4];
    let account_of = |method: usize| method;
    let first_day = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).expect("a date");
    for i in 0..lines {
        let date = first_day + chrono::Days::new((i * 365 / lines) as u64);
        let method = rng.below(4) as usize;
        let program = rng.below(4) as usize;
        let available = fund_fen[program].min(account_fen[account_of(method)]);
        // One line in five gives aid, where the fund and the account can pay it.
        let aid = rng.below(5) == 0 && program != 3 && available >= 200;
        let (kind, amount_fen, party, party_type) = if aid {
            let amount_fen = 100 + rng.below((available / 2 - 99) as u64) as i64;
            let who = rng.below(400);
            let party_type = if who.is_multiple_of(2) {
                "student"
            } else {
                "household"
            };
            (
                "disbursement",
                -amount_fen,
                format!("受助人{who:03}"),
                party_type,
            )
        } else {
            let amount_fen = 100 + rng.below(500_000) as i64;
            let donor = rng.below(2_000);
            let party_type = ["person", "person", "organization", "anonymous"][donor as usize % 4];
            let name = if party_type == "anonymous" {
                String::new()
            } else {
                format!("捐贈人{donor:04}")
            };
            ("donation", amount_fen, name, party_type)
        };
        fund_fen[program] += amount_fen;
        account_fen[account_of(method)] += amount_fen;
        let shown = amount_fen.abs();
        csv.push_str(&format!(
            "{date},{kind},{party},{party_type},{},{}.{:02},{},CRASH-{i:06},第{i}行\n",
            programs[program],
            shown / 100,
            shown % 100,
            methods[method],
        ));
    }
    (csv, account_fen.iter().sum())
}

fn import_command(ledger: &Ledger, csv: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("lovefund"));
    cmd.current_dir(ledger.dir.path())
        .env("LOVEFUND_DB", &ledger.db)
        .env("LOVEFUND_USER", "tester")
        .env_remove("LOVEFUND_LANG")
        .arg("import")
        .arg(csv)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

/// Runs the import to its end while watching its WAL: how long it took, and when the
/// WAL first grew past `WAL_WRITING_BYTES` (the transaction's pages reaching disk).
fn timed_import(ledger: &Ledger, csv: &Path) -> (Duration, Option<Duration>) {
    let wal = common::wal_path(&ledger.db);
    let started = Instant::now();
    let mut child = import_command(ledger, csv).spawn().expect("spawn import");
    let mut writing = None;
    loop {
        if let Some(status) = child.try_wait().expect("poll import") {
            assert!(status.success(), "the uninterrupted import failed");
            return (started.elapsed(), writing);
        }
        let wal_bytes = std::fs::metadata(&wal).map_or(0, |m| m.len());
        if writing.is_none() && wal_bytes > WAL_WRITING_BYTES {
            writing = Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Waits until the import's WAL holds its pages (or the import has ended).
fn wait_for_the_commit(child: &mut std::process::Child, db: &Path) {
    let wal = common::wal_path(db);
    while child.try_wait().expect("poll import").is_none()
        && std::fs::metadata(&wal).map_or(0, |m| m.len()) <= WAL_WRITING_BYTES
    {
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Runs `verify` (every check) and returns how many entries the ledger holds.
fn verified_entries(ledger: &Ledger, context: &str) -> u64 {
    let out = ledger
        .cmd()
        .args(["--json", "verify"])
        .output()
        .expect("run verify");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{context}: verify printed no JSON: {out:?}"));
    assert!(
        out.status.success() && report["passed"] == true,
        "{context}: verify failed: {report}"
    );
    report["entries"].as_u64().expect("entry count")
}

/// Money held (bank + cash + e-wallets) by the trial balance, in fen.
fn money_held_fen(ledger: &Ledger) -> i64 {
    let balance = ledger.json(&["balance"]);
    let accounts = balance["accounts"].as_array().expect("accounts");
    accounts
        .iter()
        .filter(|a| ["1001", "1002", "1012"].contains(&a["code"].as_str().unwrap_or("")))
        .map(|a| {
            let fen = |field: &str| {
                let text = a[field].as_str().expect("amount string").replace('.', "");
                text.parse::<i64>().expect("amount in fen")
            };
            fen("balance_debit") - fen("balance_credit")
        })
        .sum()
}

/// None or all of the file, judged by entries and money, after `verify` passed.
fn held(ledger: &Ledger, expected_money_fen: i64, entries_all: u64, context: &str) -> Held {
    let entries = verified_entries(ledger, context);
    let money = money_held_fen(ledger);
    match entries {
        0 => {
            assert_eq!(money, 0, "{context}: no entries but money held");
            Held::None
        }
        n if n == entries_all => {
            assert_eq!(
                money, expected_money_fen,
                "{context}: all entries, wrong money"
            );
            Held::All
        }
        n => panic!("{context}: the ledger holds {n} of {entries_all} entries — a partial import"),
    }
}

/// Receipts 1..=donations in 2023, each reference recorded once.
fn assert_recorded_once(ledger: &Ledger, entries_all: u64) {
    let raw = rusqlite::Connection::open_with_flags(
        &ledger.db,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("open read-only");
    let (entries, references): (i64, i64) = raw
        .query_row(
            "SELECT count(*), count(DISTINCT reference) FROM entries",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("count entries");
    let all = entries_all as i64;
    assert_eq!((entries, references), (all, all));
    let (receipts, low, high, donations): (i64, i64, i64, i64) = raw
        .query_row(
            "SELECT count(*), min(seq), max(seq),
                    (SELECT count(*) FROM entries WHERE kind = 'donation')
             FROM receipts WHERE year = 2023",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("count receipts");
    assert_eq!((receipts, low, high), (donations, 1, donations));
}

#[test]
fn an_import_killed_at_random_moments_leaves_none_or_all_and_a_rerun_completes_it_once() {
    if !common::reliability("crash") {
        return;
    }
    let seed = std::env::var("LOVEFUND_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED_DEFAULT);
    let (csv, expected_money_fen) = import_csv(IMPORT_LINES);
    let csv_dir = tempfile::tempdir().expect("temp dir");
    let csv_path = csv_dir.path().join("big.csv");
    std::fs::write(&csv_path, &csv).expect("write csv");
    let entries_all = (csv.lines().count() - 1) as u64;

    // One uninterrupted import: the length of the kill window, the moment its pages
    // start reaching the WAL (the commit), and the "all" state.
    let whole = Ledger::new();
    let (import_duration, commit_started) = timed_import(&whole, &csv_path);
    assert_eq!(
        held(&whole, expected_money_fen, entries_all, "uninterrupted"),
        Held::All
    );
    eprintln!(
        "crash: {entries_all} lines, uninterrupted import {import_duration:?}, \
         WAL writing from {commit_started:?}, seed {seed}"
    );

    let window_ms = (import_duration.as_millis() * KILL_WINDOW_PERCENT / 100) as u64;
    let commit_ms = commit_started
        .map_or(0, |d| d.as_millis() as u64)
        .min(window_ms);
    let mut rng = Dice::new(seed);
    let mut ledger = Ledger::new();
    let mut outcomes = Vec::new();
    let mut killed_while_writing = 0;
    for kill in 1..=KILLS {
        // Every third kill aims at the commit and the close: it waits for this run's
        // WAL to fill, then kills within 120% of the time the commit and close took
        // in the uninterrupted run. The others fall anywhere in the whole window.
        let aim_at_commit = kill % 3 == 0;
        let span_ms = if aim_at_commit {
            (import_duration.as_millis() as u64).saturating_sub(commit_ms) * 120 / 100
        } else {
            window_ms
        };
        let moment = Duration::from_millis(rng.below(span_ms.max(1)));
        let context = format!(
            "seed {seed}, kill {kill} at {moment:?} after {}",
            if aim_at_commit {
                "the commit began"
            } else {
                "the start"
            }
        );
        let mut child = import_command(&ledger, &csv_path)
            .spawn()
            .expect("spawn import");
        if aim_at_commit {
            wait_for_the_commit(&mut child, &ledger.db);
        }
        std::thread::sleep(moment);
        let finished_first = child.try_wait().expect("poll import").is_some();
        let wal_bytes = std::fs::metadata(common::wal_path(&ledger.db)).map_or(0, |m| m.len());
        let _ = child.kill(); // SIGKILL on Unix
        if !finished_first && wal_bytes > WAL_WRITING_BYTES {
            killed_while_writing += 1;
        }
        let out = child.wait_with_output().expect("reap import");
        if finished_first {
            assert!(out.status.success(), "{context}: {out:?}");
        }
        let held = held(&ledger, expected_money_fen, entries_all, &context);
        outcomes.push(held == Held::All);
        if held == Held::All {
            // Done before the kill: the commit window is tested on a fresh ledger.
            assert_recorded_once(&ledger, entries_all);
            ledger = Ledger::new();
        }
    }
    let completed = outcomes.iter().filter(|all| **all).count();
    eprintln!(
        "crash: {KILLS} kills ({killed_while_writing} in the commit or close, with the WAL full), \
         {} left nothing, {completed} left all of it",
        KILLS - completed
    );

    // The rerun after the last kill completes it; another rerun adds nothing.
    for rerun in ["rerun", "second rerun"] {
        let out = import_command(&ledger, &csv_path).output().expect("rerun");
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{rerun}: {out:?}"
        );
        assert_eq!(
            held(&ledger, expected_money_fen, entries_all, rerun),
            Held::All
        );
        assert_recorded_once(&ledger, entries_all);
    }
}
