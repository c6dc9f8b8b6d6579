//! Safe retries (issue 14, item 6). The exit status tells the truth about the ledger:
//! a change committed whose answer could not be printed exits 0 with a warning, so a
//! script does not record it again. And a retry is safe anyway: `donate`, `disburse`
//! and `entry add` take `--reference`, one namespace with import references; the same
//! reference with the same content answers with the entry already recorded and exits
//! 0, with other content it is refused.

use crate::common::Ledger;
use std::fs::OpenOptions;

const DONATE: &[&str] = &[
    "--lang",
    "en",
    "donate",
    "--donor",
    "anonymous",
    "--amount",
    "100.00",
    "--date",
    "2022-03-01",
    "--method",
    "bank",
    "--reference",
    "BK-1",
];

fn entries(l: &Ledger) -> usize {
    l.json(&["register", "--account", "1002"])["rows"]
        .as_array()
        .map_or(0, Vec::len)
}

/// Runs with standard output on /dev/full (every write fails: ENOSPC): the exit
/// status and stderr.
fn run_into_a_full_disk(l: &Ledger, args: &[&str]) -> (i32, String) {
    let full = OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lovefund"))
        .current_dir(l.dir.path())
        .env("LOVEFUND_DB", &l.db)
        .env("LOVEFUND_USER", "tester")
        .env_remove("LOVEFUND_LANG")
        .args(args)
        .stdout(full)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_recorded_change_whose_answer_cannot_be_printed_exits_0_with_a_warning() {
    let l = Ledger::new();
    let (code, warning) = run_into_a_full_disk(&l, DONATE);
    assert_eq!(code, 0, "{warning}");
    assert!(
        warning.contains("warning: the change was recorded"),
        "{warning}"
    );
    assert_eq!(entries(&l), 1);
    // A report that cannot be printed changed nothing, and says it failed.
    let (code, message) = run_into_a_full_disk(&l, &["balance"]);
    assert_eq!(code, 1, "{message}");
    // So does a refusal.
    let (code, _) = run_into_a_full_disk(
        &l,
        &[
            "donate",
            "--donor",
            "anonymous",
            "--amount",
            "0",
            "--date",
            "2022-03-01",
            "--method",
            "bank",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(entries(&l), 1);
}

#[test]
fn the_same_donation_retried_is_recorded_once() {
    let l = Ledger::new();
    let first = l.json(DONATE);
    let before = entries(&l);
    let again = l.json(DONATE);
    assert_eq!(again["entry"], first["entry"]);
    assert_eq!(again["receipt"], first["receipt"]);
    assert_eq!(again["already"], true);
    assert_eq!(first["already"], false);
    assert_eq!(entries(&l), before, "the retry recorded a second gift");
    let text = l.stdout(DONATE);
    assert!(
        text.starts_with("Already recorded under this reference"),
        "{text}"
    );
    assert_eq!(l.json(&["receipt", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn the_same_reference_on_other_content_is_refused_naming_what_differs() {
    let l = Ledger::new();
    l.run(DONATE).success();
    let before = l.fingerprint();
    let mut other = DONATE.to_vec();
    other[6] = "200.00";
    let message = l.refused_en(&other);
    assert!(
        message.contains("--reference \"BK-1\" was already recorded as entry 1"),
        "{message}"
    );
    assert!(message.contains("differs in: postings"), "{message}");
    assert_eq!(l.fingerprint(), before);
    // One namespace: a manual entry cannot take a donation's reference either.
    let message = l.refused(&[
        "--lang",
        "en",
        "entry",
        "add",
        "--date",
        "2022-03-01",
        "--memo",
        "fee",
        "--posting",
        "5201=1.00",
        "--posting",
        "1002=-1.00",
        "--reference",
        "BK-1",
    ]);
    assert!(message.contains("differs in: kind"), "{message}");
}

#[test]
fn a_manual_entry_and_aid_retry_safely_too() {
    let l = Ledger::new();
    l.run(DONATE).success();
    let fee = [
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "bank fee",
        "--posting",
        "5201=1.00",
        "--posting",
        "1002=-1.00",
        "--reference",
        "FEE-1",
    ];
    let first = l.json(&fee);
    let again = l.json(&fee);
    assert_eq!(
        (first["already"].clone(), again["already"].clone()),
        (false.into(), true.into())
    );
    assert_eq!(first["id"], again["id"]);
    l.run(&[
        "beneficiary",
        "add",
        "--type",
        "student",
        "--school",
        "一中",
        "--grade",
        "高一",
        "李同學",
    ])
    .success();
    let aid = [
        "disburse",
        "--to",
        "李同學",
        "--amount",
        "50.00",
        "--date",
        "2022-03-03",
        "--program",
        "助學",
        "--fund",
        "非限定",
        "--method",
        "bank",
        "--reference",
        "AID-1",
    ];
    let first = l.json(&aid);
    let again = l.json(&aid);
    assert_eq!(first["entry"], again["entry"]);
    assert_eq!(again["already"], true);
    assert_eq!(entries(&l), 3);
    l.run(&["verify"]).success();
}
