//! A donor entered twice (issue 16, §1): `donor merge A B` makes B's gifts count as
//! A's in every report, B stays listed as merged, and `donor unmerge B` undoes it;
//! both are chained rows that `verify` replays. Refusals write nothing.

use crate::common;

use common::Ledger;

/// Donors 1 张三 (100 yuan), 2 张叁 (50, the same person entered twice) and 3 李四
/// (30), and beneficiary 4 王五.
fn ledger_with_a_donor_entered_twice() -> Ledger {
    let l = Ledger::new();
    for name in ["张三", "张叁", "李四"] {
        l.run(&["donor", "add", name]).success();
    }
    l.run(&["beneficiary", "add", "王五", "--type", "student"])
        .success();
    for (donor, amount, date) in [
        ("张三", "100", "2022-03-01"),
        ("张叁", "50", "2022-04-01"),
        ("李四", "30", "2022-05-01"),
    ] {
        l.run(&[
            "donate", "--donor", donor, "--amount", amount, "--date", date, "--method", "bank",
        ])
        .success();
    }
    l
}

fn merge_2_into_1(l: &Ledger) -> String {
    l.stdout(&[
        "--lang",
        "zh-Hans",
        "donor",
        "merge",
        "1",
        "2",
        "--reason",
        "同一人登记了两次",
    ])
}

#[test]
fn a_merged_donors_gifts_count_as_the_kept_donors_in_every_report() {
    let l = ledger_with_a_donor_entered_twice();
    let out = merge_2_into_1(&l);
    assert!(
        out.contains("已合并：捐赠人 2（张叁）并入 1（张三）"),
        "{out}"
    );
    // The year's donors: one line for 张三 with both gifts.
    let donors = l.json(&["report", "donors", "--year", "2022"]);
    let lines = donors["donors"].as_array().unwrap();
    assert_eq!(lines.len(), 2, "{donors}");
    assert_eq!(lines[0]["donor_id"], 1, "{donors}");
    assert_eq!(lines[0]["count"], 2, "{donors}");
    assert_eq!(lines[0]["total"], "150.00", "{donors}");
    assert_eq!(donors["total"], "180.00", "{donors}");
    // The public summary counts two donors, not three.
    let summary = l.json(&["summary", "--year", "2022"]);
    assert_eq!(summary["donors_count"], 2, "{summary}");
    assert_eq!(summary["raised"], "180.00", "{summary}");
    // The statement of either name is 张三's, with both gifts and receipts.
    for donor in ["1", "2"] {
        let statement = l.json(&["report", "donors", "--year", "2022", "--statement", donor]);
        assert_eq!(statement["donor_id"], 1, "{statement}");
        assert_eq!(statement["total"], "150.00", "{statement}");
        assert_eq!(
            statement["gifts"][1]["receipt"], "2022-000002",
            "{statement}"
        );
    }
    // 张叁 stays listed, as merged; 张三's line counts both.
    let list = l.json(&["donor", "list"]);
    assert_eq!(list[0]["total"], "150.00", "{list}");
    assert_eq!(list[1]["merged_into"], 1, "{list}");
    assert_eq!(list[1]["total"], "50.00", "{list}");
    let text = l.stdout(&["--lang", "zh-Hans", "donor", "list"]);
    assert!(text.contains("并入 1"), "{text}");
    let show = l.stdout(&["--lang", "zh-Hans", "donor", "show", "1"]);
    assert!(show.contains("[2 已并入] 捐款 张叁"), "{show}");
    assert!(
        show.contains("合并记录") && show.contains("同一人登记了两次"),
        "{show}"
    );
    let show = l.stdout(&["--lang", "zh-Hans", "donor", "show", "2"]);
    assert!(show.contains("并入 1  张三"), "{show}");
    // Search shows the kept donor, the entry's own name noted; 张三 finds both gifts.
    let found = l.json(&["--lang", "zh-Hans", "search", "张三"]);
    let found = found["found"].as_array().unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0]["counterparty"], "张三（张叁 已并入）", "{found:?}");
    // The issued receipt keeps the name it was printed with.
    let receipts = l.json(&["receipt", "list"]);
    assert_eq!(receipts[1]["donor"], "张叁", "{receipts}");
    l.run(&["verify"]).success();
}

#[test]
fn an_unmerge_undoes_the_merge_and_both_are_chained() {
    let l = ledger_with_a_donor_entered_twice();
    merge_2_into_1(&l);
    let out = l.stdout(&[
        "--lang",
        "zh-Hant",
        "donor",
        "unmerge",
        "2",
        "--reason",
        "查明不是同一人",
    ]);
    assert!(out.contains("已取消合併"), "{out}");
    let donors = l.json(&["report", "donors", "--year", "2022"]);
    assert_eq!(donors["donors"].as_array().unwrap().len(), 3, "{donors}");
    let summary = l.json(&["summary", "--year", "2022"]);
    assert_eq!(summary["donors_count"], 3, "{summary}");
    let show = l.json(&["donor", "show", "2"]);
    assert_eq!(show["merged_into"], serde_json::Value::Null, "{show}");
    assert_eq!(show["merges"].as_array().unwrap().len(), 2, "{show}");
    l.run(&["verify"]).success();
    // And merged again, later: the newest row is the state.
    merge_2_into_1(&l);
    let list = l.json(&["donor", "list"]);
    assert_eq!(list[1]["merged_into"], 1, "{list}");
    l.run(&["verify"]).success();
    // The rows cannot be changed or deleted; one slipped in with SQL is named.
    let raw = l.raw();
    let err = raw
        .execute("UPDATE party_merges SET into_id = 3", [])
        .unwrap_err();
    assert!(err.to_string().contains("never changed"), "{err}");
    let err = raw.execute("DELETE FROM party_merges", []).unwrap_err();
    assert!(err.to_string().contains("never deleted"), "{err}");
    raw.execute(
        "INSERT INTO party_merges (party_id, into_id, reason, merged_by, merged_at)
         VALUES (3, 1, 'x', 'mallory', '2022-01-01T00:00:00Z')",
        [],
    )
    .unwrap();
    drop(raw);
    let out = l.run(&["--lang", "en", "verify"]).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("party_merges row id 4"), "{text}");
}

#[test]
fn a_merge_into_a_merged_donor_goes_to_its_root() {
    let l = ledger_with_a_donor_entered_twice();
    merge_2_into_1(&l);
    let out = l.stdout(&[
        "--lang",
        "zh-Hans",
        "donor",
        "merge",
        "2",
        "3",
        "--reason",
        "同一人",
    ]);
    assert!(
        out.contains("李四）并入 1（张三）") && out.contains("2 已并入 1，所以并入 1"),
        "{out}"
    );
    let donors = l.json(&["report", "donors", "--year", "2022"]);
    assert_eq!(donors["donors"][0]["total"], "180.00", "{donors}");
    // Unmerging the middle one leaves 李四 with 张三.
    l.run(&["donor", "unmerge", "2", "--reason", "x"]).success();
    let list = l.json(&["donor", "list"]);
    assert_eq!(list[2]["merged_into"], 1, "{list}");
    assert_eq!(list[0]["total"], "130.00", "{list}");
    l.run(&["verify"]).success();
}

#[test]
fn refused_merges_say_why_and_leave_the_file_as_it_was() {
    let l = ledger_with_a_donor_entered_twice();
    merge_2_into_1(&l);
    let before = l.fingerprint();
    let refused = |args: &[&str]| {
        let mut all = vec!["--lang", "zh-Hans", "donor"];
        all.extend_from_slice(args);
        l.refused(&all)
    };
    let err = refused(&["merge", "1", "1", "--reason", "x"]);
    assert!(err.contains("不能把捐赠人 1 并入它自己"), "{err}");
    let err = refused(&["merge", "1", "王五", "--reason", "x"]);
    assert!(err.contains("4（王五）是受助人"), "{err}");
    let err = refused(&["merge", "4", "3", "--reason", "x"]);
    assert!(err.contains("是受助人"), "{err}");
    let err = refused(&["merge", "3", "2", "--reason", "x"]);
    assert!(err.contains("捐赠人 2 已经并入 1"), "{err}");
    let err = refused(&["merge", "2", "1", "--reason", "x"]);
    assert!(
        err.contains("捐赠人 2 已经并入 1，再把 1 并入 2 就成了循环"),
        "{err}"
    );
    let err = refused(&["unmerge", "3", "--reason", "x"]);
    assert!(err.contains("捐赠人 3 没有并入任何人"), "{err}");
    let err = refused(&["merge", "1", "3"]);
    assert!(err.contains("必须写明原因"), "{err}");
    let err = refused(&["unmerge", "2", "--reason", " "]);
    assert!(err.contains("必须写明原因"), "{err}");
    let err = refused(&["merge", "1", "99", "--reason", "x"]);
    assert!(err.contains("99"), "{err}");
    let err = l.refused_en(&["donor", "merge", "2", "1", "--reason", "x"]);
    assert!(err.contains("would make a circle"), "{err}");
    let err = l.refused(&[
        "--lang", "zh-Hant", "donor", "merge", "1", "1", "--reason", "x",
    ]);
    assert!(err.contains("不能把捐贈人 1 併入它自己"), "{err}");
    assert_eq!(l.fingerprint(), before);
}

/// A ledger made before migration 0010 (the merge table and the later ones taken out
/// again, its schema version set back to 9) is upgraded when first written to, and still verifies, with
/// a merge recorded after the upgrade.
#[test]
fn a_ledger_made_before_merges_verifies_after_the_upgrade() {
    let l = ledger_with_a_donor_entered_twice();
    let raw = l.raw();
    raw.execute_batch(
        "DROP TABLE approvals; DROP TABLE recovery_codes; DROP TABLE user_records;
         DROP VIEW parties_unnamed; DROP TABLE party_publish;
         DROP VIEW party_roots; DROP VIEW party_merged_now; DROP TABLE party_merges;
         DROP TABLE attachment_withdrawals; DROP TABLE attachments; DROP TABLE attachment_blobs;
         DROP TABLE entrusted; DROP TABLE publications;
         PRAGMA user_version = 9;",
    )
    .unwrap();
    drop(raw);
    l.run(&["verify"]).success();
    merge_2_into_1(&l);
    let version: i64 = l
        .raw()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, lovefund::store::MIGRATIONS.last().unwrap().0);
    l.run(&["verify"]).success();
}
