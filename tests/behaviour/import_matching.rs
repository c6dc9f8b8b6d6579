//! How import matches what the ledger holds (issue 14, items 9 and 10). Two donors of
//! one name: import credited the lowest id while `donate` refused; now it refuses too,
//! on every line that names them, listing the candidates and the column that tells
//! them apart. A known reference: compared on date, kind and amount only; now on every
//! field, naming those that differ, creating nothing.

use crate::common::Ledger;

const HEADER: &str =
    "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo,counterparty_id";

fn write(l: &Ledger, name: &str, lines: &[&str]) -> String {
    let path = l.dir.path().join(name);
    std::fs::write(&path, format!("{HEADER}\n{}\n", lines.join("\n"))).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn import_refuses_a_name_two_donors_share_and_the_identity_number_decides() {
    let l = Ledger::new();
    l.run(&["donor", "add", "张三", "--phone", "13800000001"])
        .success();
    l.run(&[
        "donor",
        "add",
        "张三",
        "--phone",
        "13900000002",
        "--id-number",
        "360602199001011234",
    ])
    .success();
    let file = write(
        &l,
        "gifts.csv",
        &[
            "2022-03-01,donation,李四,person,助學,10.00,bank,A-1,,",
            "2022-03-02,donation,张三,person,助學,100.00,bank,A-2,,",
            "2022-03-03,donation,张三,person,扶貧,50.00,bank,A-3,,",
        ],
    );
    let before = l.fingerprint();
    let out = l.run(&["--lang", "en", "import", &file]).code(1);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("line 3, column counterparty"), "{stderr}");
    assert!(stderr.contains("line 4, column counterparty"), "{stderr}");
    assert!(
        stderr.contains("2 donors of type person are named \"张三\""),
        "{stderr}"
    );
    assert!(stderr.contains("id 1, phone 13800000001"), "{stderr}");
    assert!(stderr.contains("identity number ending 1234"), "{stderr}");
    assert!(stderr.contains("counterparty_id"), "{stderr}");
    assert_eq!(
        l.fingerprint(),
        before,
        "a refused import changed the ledger"
    );
    // The identity number tells them apart.
    let file = write(
        &l,
        "fixed.csv",
        &["2022-03-02,donation,张三,person,助學,100.00,bank,A-2,,360602199001011234"],
    );
    l.run(&["import", &file]).success();
    assert_eq!(l.json(&["donor", "show", "2"])["count"], 1);
    assert_eq!(l.json(&["donor", "show", "1"])["count"], 0);
}

/// Re-import (issue 14, item 9): a known reference is compared on every field.
#[test]
fn a_reimported_line_must_match_in_every_field() {
    let l = Ledger::new();
    let line = "2022-03-01,donation,王五,person,助學,100.00,bank,R-1,月捐,";
    l.run(&["import", &write(&l, "a.csv", &[line])]).success();
    // The same file again adds nothing.
    let again = l.json(&["import", &write(&l, "b.csv", &[line])]);
    assert_eq!(again["already_imported"], 1);
    assert_eq!(again["donations"], 0);
    let before = l.fingerprint();
    for (changed, field) in [
        (line.replace("助學", "扶貧"), "postings"),
        (line.replace("bank", "cash"), "method"),
        (line.replace("月捐", "年捐"), "memo"),
        (line.replace("王五", "王六"), "counterparty"),
    ] {
        let file = write(&l, "c.csv", &[&changed]);
        let out = l.run(&["--lang", "en", "import", &file]).code(1);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(
            stderr.contains("line 2, column reference") && stderr.contains(field),
            "{changed}: {stderr}"
        );
        assert_eq!(l.fingerprint(), before, "{changed} changed the ledger");
    }
    // No donor row was made for the renamed line.
    assert_eq!(l.json(&["donor", "list"]).as_array().unwrap().len(), 1);
}
