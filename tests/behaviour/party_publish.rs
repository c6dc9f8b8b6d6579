//! Donors who asked not to be named in public reports (issue 16, §1): `donor add
//! --no-publish`, `donor edit --no-publish` / `--publish`. The year's donor list
//! counts them with the anonymous givers as 愛心人士; each choice is a chained row in a
//! table of its own (migration 0011), so a ledger made before it still verifies.

use crate::common;

use common::Ledger;

/// Donor 1 张三 asked not to be named; donor 2 李四 did not. Each gave 10 yuan.
fn ledger_with_an_unnamed_donor() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "张三", "--no-publish"]).success();
    l.run(&["donor", "add", "李四"]).success();
    for donor in ["张三", "李四"] {
        l.run(&[
            "donate",
            "--donor",
            donor,
            "--amount",
            "10",
            "--date",
            "2022-03-01",
            "--method",
            "cash",
        ])
        .success();
    }
    l
}

fn named_in_donor_report(l: &Ledger, lang: &str) -> Vec<String> {
    let report = l.json(&["--lang", lang, "report", "donors", "--year", "2022"]);
    report["donors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_donor_who_asked_not_to_be_named_is_shown_as_an_anonymous_giver() {
    let l = ledger_with_an_unnamed_donor();
    assert_eq!(named_in_donor_report(&l, "zh-Hans"), ["李四", "爱心人士"]);
    assert_eq!(named_in_donor_report(&l, "zh-Hant"), ["李四", "愛心人士"]);
    let text = l.stdout(&["--lang", "zh-Hans", "report", "donors", "--year", "2022"]);
    assert!(!text.contains("张三"), "{text}");
    // The treasurer's own lists still name the donor, marked.
    let list = l.stdout(&["--lang", "zh-Hans", "donor", "list"]);
    assert!(
        list.contains("张三") && list.contains("不公开具名"),
        "{list}"
    );
    assert_eq!(l.json(&["donor", "show", "1"])["publish"], false);
    // The choice changes by an edit, with a reason, and can change back.
    let out = l.stdout(&[
        "--lang",
        "zh-Hans",
        "donor",
        "edit",
        "张三",
        "--publish",
        "--reason",
        "同意具名",
    ]);
    assert!(out.contains("公开具名"), "{out}");
    l.run(&["donor", "edit", "李四", "--no-publish", "--reason", "asked"])
        .success();
    assert_eq!(named_in_donor_report(&l, "zh-Hans"), ["张三", "爱心人士"]);
    l.run(&["verify"]).success();
}

#[test]
fn a_choice_already_made_or_both_flags_are_refused() {
    let l = ledger_with_an_unnamed_donor();
    let before = l.fingerprint();
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "donor",
        "edit",
        "1",
        "--no-publish",
        "--reason",
        "x",
    ]);
    assert!(err.contains("没有改变捐赠人 1"), "{err}");
    l.usage_error(&["donor", "add", "王五", "--publish", "--no-publish"]);
    assert_eq!(l.fingerprint(), before);
    // The rows are chained and append-only.
    let err = l
        .raw()
        .execute("UPDATE party_publish SET publish = 1", [])
        .unwrap_err();
    assert!(err.to_string().contains("never changed"), "{err}");
}

/// A ledger made before migration 0011 (its table taken out again, the schema
/// version set back to 10) is upgraded when first written to and still verifies.
#[test]
fn a_ledger_made_before_the_choice_verifies_after_the_upgrade() {
    let l = Ledger::new();
    l.run(&["donor", "add", "张三"]).success();
    l.run(&[
        "donor",
        "edit",
        "张三",
        "--name",
        "张三丰",
        "--reason",
        "typo",
    ])
    .success();
    let raw = l.raw();
    raw.execute_batch(
        "DROP TABLE approvals; DROP TABLE recovery_codes; DROP TABLE user_records;
         DROP VIEW parties_unnamed; DROP TABLE party_publish;
         DROP TABLE attachment_withdrawals; DROP TABLE attachments; DROP TABLE attachment_blobs;
         DROP TABLE entrusted; DROP TABLE publications;
         PRAGMA user_version = 10;",
    )
    .unwrap();
    drop(raw);
    l.run(&["verify"]).success();
    l.run(&[
        "donor",
        "edit",
        "张三丰",
        "--no-publish",
        "--reason",
        "asked",
    ])
    .success();
    let version: i64 = l
        .raw()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    // Upgraded to the latest schema.
    assert_eq!(version, lovefund::store::MIGRATIONS.last().unwrap().0);
    assert_eq!(l.json(&["donor", "show", "1"])["publish"], false);
    l.run(&["verify"]).success();
}
