//! Correcting donors and beneficiaries (issue 16, §1): `donor edit` and `beneficiary
//! edit` record a new chained edit and change nothing recorded before; reports use
//! the current name, a receipt keeps the name it was issued with, and a reissue after
//! a correction prints the corrected name and the receipt it replaces.

use crate::common;

use common::{Ledger, pdftotext, tools_required};

/// A ledger with donor 1 張三 and the receipt 2022-000001 for 100 yuan issued to him.
fn ledger_with_a_misspelt_donor() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "張三", "--id-number", "360602199001011234"])
        .success();
    l.run(&[
        "donate",
        "--donor",
        "張三",
        "--amount",
        "100",
        "--date",
        "2022-03-01",
        "--method",
        "bank",
    ])
    .success();
    l
}

#[test]
fn a_corrected_name_is_used_by_reports_and_kept_on_issued_receipts() {
    let l = ledger_with_a_misspelt_donor();
    let out = l.stdout(&[
        "--lang",
        "zh-Hans",
        "donor",
        "edit",
        "張三",
        "--name",
        "張三豐",
        "--reason",
        "姓名录错",
    ]);
    assert!(
        out.contains("已更正") && out.contains("張三豐") && out.contains("名称"),
        "{out}"
    );
    // Reports and lookups use the current name.
    let show = l.stdout(&["--lang", "zh-Hans", "donor", "show", "1"]);
    assert!(show.contains("捐赠人 1  張三豐"), "{show}");
    assert!(
        show.contains("更正记录") && show.contains("姓名录错") && show.contains("tester"),
        "{show}"
    );
    let list = l.json(&["donor", "list"]);
    assert_eq!(list[0]["name"], "張三豐", "{list}");
    l.run(&[
        "donate",
        "--donor",
        "張三豐",
        "--amount",
        "20",
        "--date",
        "2022-03-02",
        "--method",
        "cash",
    ])
    .success();
    // The receipt issued before keeps the name printed on it; the new one has the new.
    let receipts = l.json(&["receipt", "list"]);
    let donors: Vec<&str> = receipts
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["donor"].as_str().unwrap())
        .collect();
    assert_eq!(donors, ["張三", "張三豐"], "{receipts}");
    // A reissue prints the corrected name and names the receipt it replaces.
    l.run(&["receipt", "reissue", "2022-000001", "--reason", "更正姓名"])
        .success();
    let receipts = l.json(&["receipt", "list"]);
    let third = &receipts[2];
    assert_eq!(third["number"], "2022-000003", "{receipts}");
    assert_eq!(third["donor"], "張三豐", "{receipts}");
    assert_eq!(receipts[0]["donor"], "張三", "{receipts}");
    let out = l.dir.path().join("r");
    l.run(&[
        "receipt",
        "print",
        "2022-000003",
        "--out",
        out.to_str().unwrap(),
    ])
    .success();
    if let Some(text) = pdftotext(&out.join("2022-000003.pdf")) {
        assert!(text.contains("張三豐"), "{text}");
        assert!(
            text.contains("本收據替代第 2022-000001 號（已作廢）"),
            "{text}"
        );
    } else {
        assert!(!tools_required(), "pdftotext is required");
    }
    l.run(&["verify"]).success();
}

#[test]
fn an_edit_without_a_reason_or_a_change_is_refused_and_writes_nothing() {
    let l = ledger_with_a_misspelt_donor();
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "zh-Hans", "donor", "edit", "1", "--reason", "x"]);
    assert!(
        err.contains("没有改变捐赠人 1") && err.contains("--name"),
        "{err}"
    );
    let err = l.refused(&[
        "--lang", "zh-Hans", "donor", "edit", "1", "--name", "李四", "--reason", "  ",
    ]);
    assert!(err.contains("必须写明原因"), "{err}");
    let err = l.refused(&[
        "--lang", "zh-Hans", "donor", "edit", "9", "--name", "李四", "--reason", "x",
    ]);
    assert!(err.contains('9'), "{err}");
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn an_identity_number_of_another_donor_is_refused() {
    let l = ledger_with_a_misspelt_donor();
    l.run(&["donor", "add", "李四"]).success();
    let err = l.refused_en(&[
        "donor",
        "edit",
        "李四",
        "--id-number",
        "360602199001011234",
        "--reason",
        "x",
    ]);
    assert!(err.contains("張三"), "{err}");
    // Its own number again is no change but a new number is.
    l.run(&[
        "donor",
        "edit",
        "李四",
        "--id-number",
        "360602199202021111",
        "--reason",
        "x",
    ])
    .success();
    let show = l.json(&["donor", "show", "2"]);
    assert_eq!(show["id_number"], "**************1111", "{show}");
}

#[test]
fn beneficiaries_are_corrected_field_by_field() {
    let l = Ledger::new();
    l.run(&[
        "beneficiary",
        "add",
        "李小紅",
        "--type",
        "student",
        "--school",
        "一中",
        "--grade",
        "高一",
    ])
    .success();
    let out = l.stdout(&[
        "--lang",
        "zh-Hant",
        "beneficiary",
        "edit",
        "李小紅",
        "--grade",
        "高二",
        "--reason",
        "升級",
    ]);
    assert!(out.contains("年級"), "{out}");
    let show = l.json(&["beneficiary", "show", "1"]);
    assert_eq!(show["grade"], "高二", "{show}");
    assert_eq!(show["school"], "一中", "{show}");
    assert_eq!(show["edits"][0]["changed"][0], "grade", "{show}");
    l.refused(&[
        "beneficiary",
        "edit",
        "1",
        "--members",
        "0",
        "--reason",
        "x",
    ]);
}

#[test]
fn edits_are_chained_and_cannot_be_changed_in_place() {
    let l = ledger_with_a_misspelt_donor();
    l.run(&["donor", "edit", "1", "--name", "張三豐", "--reason", "typo"])
        .success();
    let raw = l.raw();
    let err = raw
        .execute("UPDATE party_edits SET name = '王五'", [])
        .unwrap_err();
    assert!(err.to_string().contains("never changed"), "{err}");
    // An edit slipped in with SQL is in no record: verify names it.
    raw.execute(
        "INSERT INTO party_edits (party_id, type, name, reason, edited_by, edited_at)
         VALUES (1, 'person', '王五', 'x', 'mallory', '2022-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
    drop(raw);
    let out = l.run(&["--lang", "en", "verify"]).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("party_edits row id 2"), "{text}");
}
