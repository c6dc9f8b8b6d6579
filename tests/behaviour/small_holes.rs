//! The smaller trust holes (issue 14, item 13), each as it was found: an error echoed
//! a 50 MB line whole; zero-width and bidirectional controls were kept in names;
//! `close` printed a Rust list; `demo --json` was ignored; `--help` showed
//! "[default: 1002]" twice; `fund balances --from` after the period's end was accepted.

use crate::common::Ledger;

#[test]
fn an_error_quotes_at_most_200_characters_of_the_input() {
    let l = Ledger::new();
    let big = "x".repeat(1_000_000);
    let file = l.dir.path().join("big.csv");
    std::fs::write(
        &file,
        format!(
            "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n\
             {big},donation,a,person,助學,1,bank,r1,\n\
             2022-01-01,{big},a,person,助學,1,bank,r2,\n\
             2022-01-01,donation,a,person,助學,{big},bank,r3,\n"
        ),
    )
    .unwrap();
    let err = l.refused(&["--lang", "en", "import", file.to_str().unwrap()]);
    assert!(err.len() < 2_000, "{} bytes of stderr", err.len());
    assert!(
        err.contains(&format!(
            "line 2, column date: date \"{}…\" is not a date",
            "x".repeat(200)
        )),
        "{err}"
    );
    assert!(err.contains("line 4, column amount"), "{err}");
    // An argument too.
    let long = "9".repeat(100_000);
    let err = l.refused(&["--lang", "en", "fund", "balances", "--as-of", &long]);
    assert!(
        err.len() < 500 && err.contains(&format!("\"{}…\" is not a date", "9".repeat(200))),
        "{err}"
    );
}

#[test]
fn invisible_characters_are_refused_wherever_text_is_kept() {
    let l = Ledger::new();
    let before = l.fingerprint();
    for (args, field, code) in [
        (vec!["donor", "add", "張三\u{202E}0001"], "NAME", "202E"),
        (vec!["donor", "add", "張\u{200B}三"], "NAME", "200B"),
        (vec!["fund", "add", "助學\u{2066}基金"], "NAME", "2066"),
        (
            vec![
                "entry",
                "add",
                "--date",
                "2022-01-01",
                "--memo",
                "捐款\u{FEFF}",
                "--posting",
                "1002=1",
                "--posting",
                "4101=-1",
            ],
            "--memo",
            "FEFF",
        ),
    ] {
        let err = l.refused(&[&["--lang", "en"][..], &args].concat());
        assert_eq!(
            err.trim(),
            format!(
                "lovefund: {field} contains the invisible character U+{code}, which changes how \
                 the text reads without showing; remove it"
            ),
            "{args:?}"
        );
    }
    let file = l.dir.path().join("rtl.csv");
    std::fs::write(
        &file,
        "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n\
         2022-01-01,donation,李\u{202D}四,person,助學,1,bank,r1,\n",
    )
    .unwrap();
    let err = l.refused(&["--lang", "en", "import", file.to_str().unwrap()]);
    assert!(
        err.contains("line 2, column counterparty") && err.contains("U+202D"),
        "{err}"
    );
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn close_names_its_entries_in_the_readers_words() {
    let l = Ledger::new();
    l.run(&["donor", "add", "張三"]).success();
    l.run(&[
        "donate",
        "--donor",
        "張三",
        "--amount",
        "10",
        "--date",
        "2022-03-01",
        "--method",
        "bank",
    ])
    .success();
    let out = l.stdout(&["--lang", "zh-Hans", "close", "--year", "2022"]);
    assert!(
        out.starts_with("已结账 2022: 结账凭证 2") && !out.contains('['),
        "{out}"
    );
    let out = l.stdout(&["--lang", "en", "close", "--year", "2023"]);
    assert_eq!(
        out.trim(),
        "Closed 2023: no income or costs, so no closing entries"
    );
    assert_eq!(
        l.json(&["close", "--year", "2024"])["closing_entries"],
        serde_json::json!([])
    );
}

#[test]
fn demo_json_is_json() {
    let l = Ledger::empty();
    let out = l.dir.path().join("demo");
    let json = l.json(&["demo", "--out", out.to_str().unwrap()]);
    assert_eq!(json["summary"]["year"], 2022);
}

#[test]
fn help_says_each_default_once() {
    let l = Ledger::empty();
    for command in [
        &["reconcile", "--help"][..],
        &["receipt", "print", "--help"],
    ] {
        let help = l.stdout(command);
        for line in help.lines() {
            assert!(line.matches("[default").count() <= 1, "{line}");
        }
        assert!(help.matches("[default: 1002]").count() <= 1, "{help}");
    }
}

#[test]
fn fund_balances_refuse_a_start_after_the_end() {
    let l = Ledger::new();
    let err = l.refused(&[
        "--lang",
        "en",
        "fund",
        "balances",
        "--from",
        "2022-12-01",
        "--as-of",
        "2022-01-01",
    ]);
    assert_eq!(
        err.trim(),
        "lovefund: --from 2022-12-01 is after the end of the period (2022-01-01); give a start \
         on or before the end"
    );
}
