//! The amount bound (issue 14, item 2): one amount has at most 13 integer digits, and
//! so does every total lovefund records — the balance of an account in a fund, a
//! fund's or a cash/bank account's balance, a day's debits or credits of an account,
//! an import's totals. A write that would pass 9,999,999,999,999.99 is refused before
//! anything is written, so every report can add up whatever the ledger holds, and
//! `verify` names a total past the bound in a ledger written otherwise.

use crate::common::Ledger;

const MAX: &str = "9999999999999.99";

fn donate(l: &Ledger, reference: &str) -> assert_cmd::assert::Assert {
    l.run(&[
        "--lang",
        "en",
        "donate",
        "--donor",
        "anonymous",
        "--amount",
        MAX,
        "--date",
        "2022-03-01",
        "--method",
        "bank",
        "--reference",
        reference,
    ])
}

#[test]
fn a_balance_past_the_bound_is_refused_and_reports_still_add_up() {
    let l = Ledger::new();
    donate(&l, "B-1").success();
    let before = l.fingerprint();
    let out = donate(&l, "B-2").code(1).get_output().stderr.clone();
    let message = String::from_utf8(out).unwrap();
    assert!(
        message.contains("--amount would take the balance of"),
        "{message}"
    );
    assert!(message.contains("9,999,999,999,999.99"), "{message}");
    assert_eq!(
        l.fingerprint(),
        before,
        "a refused write changed the ledger"
    );
    // Every report still adds up.
    l.run(&["balance"]).success();
    l.run(&["fund", "balances"]).success();
    l.run(&["summary", "--year", "2022"]).success();
    l.run(&["verify"]).success();
}

#[test]
fn a_days_debits_past_the_bound_are_refused() {
    let l = Ledger::new();
    let add = |postings: [&str; 2]| {
        l.run(&[
            "--lang",
            "en",
            "entry",
            "add",
            "--date",
            "2022-03-01",
            "--memo",
            "m",
            "--posting",
            postings[0],
            "--posting",
            postings[1],
        ])
    };
    add([&format!("1002@助學={MAX}"), &format!("4101@助學=-{MAX}")]).success();
    add([&format!("4101@助學={MAX}"), &format!("1002@助學=-{MAX}")]).success();
    // The balances are back at zero, but the day's debits of 1002 are at the bound.
    let before = l.fingerprint();
    let out = add(["1002@助學=1.00", "4101@助學=-1.00"])
        .code(1)
        .get_output()
        .stderr
        .clone();
    let message = String::from_utf8(out).unwrap();
    assert!(
        message.contains("debits on that day of account 1002"),
        "{message}"
    );
    assert_eq!(l.fingerprint(), before);
    // The next day is a new day.
    l.run(&[
        "entry",
        "add",
        "--date",
        "2022-03-02",
        "--memo",
        "m",
        "--posting",
        "1002@助學=1.00",
        "--posting",
        "4101@助學=-1.00",
    ])
    .success();
    l.run(&["verify"]).success();
}

#[test]
fn an_import_whose_total_passes_the_bound_is_refused_whole() {
    let l = Ledger::new();
    let mut text =
        String::from("date,kind,counterparty,counterparty_type,program,amount,method,reference\n");
    for (i, fund) in ["助學", "扶貧", "幫困"].iter().enumerate() {
        text.push_str(&format!(
            "2022-03-01,donation,某公司,organization,{fund},{MAX},bank,I-{i}\n"
        ));
    }
    let path = l.dir.path().join("big.csv");
    std::fs::write(&path, text).unwrap();
    let before = l.fingerprint();
    let message = l.refused(&["--lang", "en", "import", path.to_str().unwrap()]);
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("add up to more than"), "{message}");
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn verify_names_a_total_past_the_bound() {
    let l = Ledger::new();
    donate(&l, "V-1").success();
    // An attacker (or an older lovefund) adds a huge posting behind the chain's back.
    l.raw()
        .execute(
            "INSERT INTO postings (entry_id, seq, account, fund_id, amount_fen)
             VALUES (1, 3, '1002', 1, 1000000000000000000)",
            [],
        )
        .unwrap();
    let out = l.run(&["--lang", "en", "verify", "--json"]).code(1);
    let report: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let totals = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "totals")
        .unwrap();
    let messages = totals["findings"].to_string();
    // The findings are typed: their kind and values, not a sentence.
    assert!(messages.contains("past-bound"), "{messages}");
    assert!(
        messages.contains(r#""account":"1002","fund":1"#),
        "{messages}"
    );
}
