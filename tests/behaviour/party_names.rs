//! Finding a donor or beneficiary as a person names one (issue 16, §1): `donor show`,
//! `beneficiary show`, `--donor`, `--to` and `--statement` take an id, the name, any
//! part of it (one character will do), pinyin initials (any reading of a character
//! with several) or the last 4 identity characters; an exact match wins, and more
//! than one match is refused with the ids and names to choose from.

use crate::common;

use common::Ledger;

/// Donors 1 张三, 2 張三豐 (identity number ending 123X), 3 单田 (单 reads dān and
/// shàn), 4 Li Si; beneficiary 5 王小明, a student.
fn ledger_with_people() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "张三"]).success();
    l.run(&[
        "donor",
        "add",
        "張三豐",
        "--id-number",
        "36060219900101123X",
    ])
    .success();
    l.run(&["donor", "add", "单田"]).success();
    l.run(&["donor", "add", "Li Si"]).success();
    l.run(&["beneficiary", "add", "王小明", "--type", "student"])
        .success();
    l
}

fn shown_id(l: &Ledger, role: &str, who: &str) -> i64 {
    l.json(&[role, "show", who])["id"].as_i64().unwrap()
}

#[test]
fn a_donor_is_found_by_id_name_part_initials_or_identity_digits() {
    let l = ledger_with_people();
    let found = |who| shown_id(&l, "donor", who);
    assert_eq!(found("2"), 2);
    assert_eq!(found("张三"), 1, "the exact name wins over 張三豐");
    assert_eq!(found("豐"), 2, "one character");
    assert_eq!(found("三豐"), 2, "two characters");
    assert_eq!(found("zsf"), 2, "pinyin initials of the Traditional name");
    assert_eq!(found("ZSF"), 2);
    assert_eq!(found("dt"), 3, "单 read dān");
    assert_eq!(found("st"), 3, "单 read shàn");
    assert_eq!(found("123x"), 2, "the last 4 identity characters");
    assert_eq!(found("li"), 4, "a Latin name by any part, without case");
    assert_eq!(shown_id(&l, "beneficiary", "wxm"), 5);
    assert_eq!(shown_id(&l, "beneficiary", "小明"), 5);
}

#[test]
fn more_than_one_match_lists_them_and_nothing_is_written() {
    let l = ledger_with_people();
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "zh-Hans", "donor", "show", "zs"]);
    assert!(
        err.contains("有 2 个捐赠人与“zs”相符（1 张三、2 張三豐）；请改给编号"),
        "{err}"
    );
    let err = l.refused_en(&[
        "donate",
        "--donor",
        "三",
        "--amount",
        "10",
        "--date",
        "2022-03-01",
        "--method",
        "cash",
    ]);
    assert!(
        err.contains("2 donors match \"三\" (1 张三, 2 張三豐); give the id instead"),
        "{err}"
    );
    let err = l.refused(&["--lang", "zh-Hant", "donor", "show", "9999"]);
    assert!(err.contains("沒有編號為 9999 的"), "{err}");
    let err = l.refused(&["--lang", "zh-Hans", "donor", "show", "xyz"]);
    assert!(err.contains("没有名为“xyz”的捐赠人"), "{err}");
    // A beneficiary is no donor.
    l.refused(&["donor", "show", "wxm"]);
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn the_same_resolution_serves_donate_disburse_and_statements() {
    let l = ledger_with_people();
    l.run(&[
        "donate",
        "--donor",
        "zsf",
        "--amount",
        "500",
        "--date",
        "2022-03-01",
        "--fund",
        "助學",
        "--method",
        "bank",
    ])
    .success();
    l.run(&[
        "disburse",
        "--to",
        "wxm",
        "--amount",
        "200",
        "--date",
        "2022-03-02",
        "--program",
        "助學",
        "--method",
        "bank",
    ])
    .success();
    let donor = l.json(&["donor", "show", "2"]);
    assert_eq!(donor["total"], "500.00", "{donor}");
    let student = l.json(&["beneficiary", "show", "5"]);
    assert_eq!(student["total"], "200.00", "{student}");
    let statement = l.json(&["report", "donors", "--year", "2022", "--statement", "123X"]);
    assert_eq!(statement["donor_id"], 2, "{statement}");
    assert_eq!(statement["total"], "500.00", "{statement}");
}

#[test]
fn a_donor_merged_into_another_that_also_matches_is_not_asked_about() {
    let l = Ledger::new();
    l.run(&["donor", "add", "张三"]).success();
    l.run(&["donor", "add", "张三"]).success();
    l.refused(&["donor", "show", "张三"]);
    l.run(&["donor", "merge", "1", "2", "--reason", "entered twice"])
        .success();
    assert_eq!(shown_id(&l, "donor", "张三"), 1);
    assert_eq!(shown_id(&l, "donor", "zs"), 1);
    assert_eq!(shown_id(&l, "donor", "2"), 2);
}

#[test]
fn the_exact_name_is_the_current_one_after_an_edit() {
    // 王五 is corrected to 李四, beside 李四某: `李四` names donor 1 exactly (were the
    // edit's name not looked up, the part match would find both and ask); the name
    // given up no longer finds anyone.
    let l = Ledger::new();
    l.run(&["donor", "add", "王五"]).success();
    l.run(&["donor", "add", "李四某"]).success();
    l.run(&[
        "donor", "edit", "王五", "--name", "李四", "--reason", "录错",
    ])
    .success();
    assert_eq!(shown_id(&l, "donor", "李四"), 1);
    let recorded = l.json(&[
        "donate",
        "--donor",
        "李四",
        "--amount",
        "10",
        "--date",
        "2022-03-01",
        "--method",
        "cash",
    ]);
    assert_eq!(recorded["donor"], 1, "{recorded}");
    l.refused(&["donor", "show", "王五"]);
    // Edited back, the first name is its own again and the second is no one's.
    l.run(&["donor", "edit", "1", "--name", "王五", "--reason", "改回"])
        .success();
    assert_eq!(shown_id(&l, "donor", "王五"), 1);
    assert_eq!(shown_id(&l, "donor", "李四"), 2, "only 李四某 holds it now");
}
