//! `search` (issue 16, §2): entries found by what a treasurer remembers of them —
//! one character of a name in either script, a memo, a reference, a receipt number,
//! an amount, a day or a month — narrowed by dates, amounts, kind and fund, newest
//! first; and `show`, which prints everything about one entry.

use crate::common::Ledger;
use serde_json::Value;

fn donate(l: &Ledger, donor: &str, amount: &str, date: &str, reference: &str, memo: &str) {
    l.run(&[
        "donate",
        "--donor",
        donor,
        "--amount",
        amount,
        "--date",
        date,
        "--fund",
        "助學",
        "--method",
        "bank",
        "--reference",
        reference,
        "--memo",
        memo,
    ])
    .success();
}

/// Three donors typed in both scripts, a disbursement, and a reversed donation.
fn ledger() -> Ledger {
    let l = Ledger::new();
    for donor in ["張三", "李四", "张小红"] {
        l.run(&["donor", "add", donor, "--type", "person"])
            .success();
    }
    donate(&l, "張三", "3000", "2022-03-01", "BK-0301", "春季捐款");
    donate(
        &l,
        "李四",
        "500",
        "2022-03-15",
        "ICBC-2022-0391",
        "50%_助学",
    );
    donate(&l, "张小红", "1200.50", "2022-04-02", "BK-0402", "捐款");
    l.run(&["beneficiary", "add", "王小明", "--type", "student"])
        .success();
    l.run(&[
        "disburse",
        "--to",
        "王小明",
        "--amount",
        "800",
        "--date",
        "2022-04-10",
        "--program",
        "助學",
        "--method",
        "bank",
    ])
    .success();
    l.run(&[
        "reverse",
        "3",
        "--date",
        "2022-04-20",
        "--reason",
        "重複錄入",
    ])
    .success();
    l
}

/// The ids a search finds, in the order shown.
fn ids(l: &Ledger, args: &[&str]) -> Vec<i64> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    l.json(&all)["found"]
        .as_array()
        .expect("found")
        .iter()
        .map(|f| f["id"].as_i64().expect("id"))
        .collect()
}

#[test]
fn one_character_in_either_script_finds_both_newest_first() {
    let l = ledger();
    // 张 (Simplified) finds 張三 (typed Traditional) and 张小红, newest first; the
    // reversal of entry 3 names the same donor.
    assert_eq!(ids(&l, &["张"]), [5, 3, 1]);
    assert_eq!(ids(&l, &["張"]), [5, 3, 1]);
    assert_eq!(ids(&l, &["小"]), [5, 4, 3]);
    let found = l.json(&["search", "張三"]);
    let first = &found["found"][0];
    assert_eq!(first["date"], "2022-03-01");
    assert_eq!(first["kind"], "donation");
    assert_eq!(first["counterparty"], "張三");
    assert_eq!(first["amount"], "3000.00");
    assert_eq!(first["receipt"]["number"], "2022-000001");
    assert_eq!(first["receipt"]["void"], false);
    assert_eq!(found["more"], false);
}

#[test]
fn memos_references_amounts_receipts_and_dates_are_found() {
    let l = ledger();
    assert_eq!(ids(&l, &["春季"]), [1]);
    assert_eq!(ids(&l, &["BK-04"]), [3]);
    // What a person types is never a pattern: % and _ are themselves.
    assert_eq!(ids(&l, &["50%_"]), [2]);
    assert!(ids(&l, &["%"]).len() == 1);
    // An amount, written either way.
    assert_eq!(ids(&l, &["3000"]), [1]);
    assert_eq!(ids(&l, &["1200.5"]), [5, 3]);
    // A receipt number; the reversed donation's receipt is void.
    let found = l.json(&["search", "2022-000003"]);
    assert_eq!(found["found"][0]["id"], 3);
    assert_eq!(found["found"][0]["receipt"]["void"], true);
    // A month is a month: ICBC-2022-0391 holds "2022-03" but is not matched by it.
    assert_eq!(ids(&l, &["2022-03"]), [2, 1]);
    assert_eq!(ids(&l, &["2022-04-10"]), [4]);
}

#[test]
fn filters_narrow_the_search() {
    let l = ledger();
    assert_eq!(
        ids(&l, &["--from", "2022-03-10", "--to", "2022-04-05"]),
        [3, 2]
    );
    assert_eq!(ids(&l, &["--min", "800", "--max", "1200.50"]), [5, 4, 3]);
    assert_eq!(ids(&l, &["--kind", "资助"]), [4]);
    assert_eq!(ids(&l, &["--kind", "reversal"]), [5]);
    assert_eq!(ids(&l, &["张", "--kind", "捐贈"]), [3, 1]);
    assert_eq!(
        ids(&l, &["--fund", "study-aid", "--kind", "donation"]),
        [3, 2, 1]
    );
    let limited = l.json(&["search", "--limit", "2"]);
    assert_eq!(limited["found"].as_array().map(Vec::len), Some(2));
    assert_eq!(limited["more"], true);
}

#[test]
fn the_table_speaks_the_readers_language() {
    let l = ledger();
    let hans = l.stdout(&["--lang", "zh-Hans", "search", "张"]);
    for word in [
        "凭证",
        "对象",
        "收据号",
        "捐赠",
        "冲销",
        "2022-000003 作废",
        "3,000.00",
    ] {
        assert!(hans.contains(word), "{word} in\n{hans}");
    }
    let more = l.stdout(&["--lang", "zh-Hans", "search", "--limit", "1"]);
    assert!(more.contains("只列出最新的 1 笔"), "{more}");
    let none = l.stdout(&["--lang", "zh-Hant", "search", "趙"]);
    assert_eq!(none.trim(), "沒有找到符合的憑證");
    let en = l.stdout(&["--lang", "en", "search", "王"]);
    assert!(en.contains("disbursement") && en.contains("王小明"), "{en}");
}

#[test]
fn bad_filters_are_refused_naming_the_option() {
    let l = ledger();
    let before = l.fingerprint();
    let err = l.refused_en(&["search", "x", "--min", "abc"]);
    assert!(err.contains("--min"), "{err}");
    let err = l.refused(&["--lang", "zh-Hans", "search", "x", "--fund", "无此"]);
    assert!(
        err.contains("--fund") && err.contains("无此") && err.contains("助学"),
        "{err}"
    );
    let err = l.refused_en(&["search", "--from", "2022-05-01", "--to", "2022-04-01"]);
    assert!(err.contains("--from"), "{err}");
    let err = l.usage_error(&["--lang", "en", "search", "--kind", "gift"]);
    assert!(err.contains("--kind"), "{err}");
    assert_eq!(before, l.fingerprint());
}

#[test]
fn show_prints_everything_about_an_entry() {
    let l = ledger();
    let text = l.stdout(&["--lang", "zh-Hans", "show", "3"]);
    for line in [
        "凭证 3  2022-04-02  捐赠",
        "对象: 张小红",
        "方式: 银行转账",
        "参考号: BK-0402",
        "收据号: 2022-000003 作废",
        "已被冲销: 5",
        "记录人: tester",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    let json: Value = l.json(&["show", "4"]);
    assert_eq!(json["counterparty"], "王小明");
    assert_eq!(json["method"], "bank");
    assert!(json["receipts"].as_array().is_some_and(Vec::is_empty));
}
