//! Accounting vouchers (记账凭证, issue 17 §2): `voucher print` writes an entry's
//! voucher as an A5 PDF, numbered 记-NNN gap-free within its month in the order the
//! entries were recorded, with its lines, totals in figures and 大写, the number of
//! documents attached and who prepared it.

use crate::common;

use common::{Ledger, pdftotext};

fn numbers(l: &Ledger, month: &str, dir: &str) -> Vec<String> {
    let printed = l.json(&[
        "voucher", "print", "--month", month, "--out", dir, "--force",
    ]);
    printed["written"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w[0].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn vouchers_are_numbered_gap_free_per_month_and_never_renumbered() {
    let l = Ledger::new();
    l.donate("2022-03-01", "100");
    l.donate("2022-04-02", "200");
    l.donate("2022-03-15", "300");
    let dir = l.dir.path().join("v");
    let dir = dir.to_str().unwrap();
    assert_eq!(numbers(&l, "2022-03", dir), ["記-001", "記-002"]);
    assert_eq!(numbers(&l, "2022-04", dir), ["記-001"]);
    // An entry recorded later for March takes March's next number; none moves.
    l.donate("2022-03-02", "400");
    assert_eq!(numbers(&l, "2022-03", dir), ["記-001", "記-002", "記-003"]);
    let one = l.json(&["voucher", "print", "4", "--out", dir, "--force"]);
    assert_eq!(one["written"][0][0], "記-003");
    assert!(
        one["written"][0][1]
            .as_str()
            .unwrap()
            .ends_with("記-2022-03-003.pdf")
    );
    // `show` says the number too.
    let shown = l.stdout(&["--lang", "zh-Hans", "show", "4"]);
    assert!(shown.contains("凭证号: 记-003"), "{shown}");
    assert_eq!(l.json(&["show", "4"])["voucher"], 3);
    // A month without entries, or not a month, is refused.
    let err = l.refused(&[
        "--lang", "zh-Hans", "voucher", "print", "--month", "2022-05", "--out", dir,
    ]);
    assert!(err.contains("2022-05 没有凭证"), "{err}");
    let err = l.refused(&[
        "--lang", "zh-Hans", "voucher", "print", "--month", "March", "--out", dir,
    ]);
    assert!(err.contains("不是月份"), "{err}");
    // An existing file is replaced only with --force.
    l.run(&["voucher", "print", "1", "--out", dir]).code(1);
}

#[test]
fn a_voucher_prints_its_lines_totals_documents_and_preparer() {
    let l = Ledger::new();
    l.donate("2022-03-01", "10005");
    let slip = l.dir.path().join("slip.pdf");
    std::fs::write(&slip, "%PDF slip").unwrap();
    l.run(&["entry", "attach", "1", slip.to_str().unwrap()])
        .success();
    let dir = l.dir.path().join("v");
    l.run(&[
        "--lang",
        "zh-Hans",
        "voucher",
        "print",
        "1",
        "--out",
        dir.to_str().unwrap(),
    ])
    .success();
    let pdf = dir.join("记-2022-03-001.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let Some(text) = pdftotext(&pdf) else { return };
    for shown in [
        "记账凭证",
        "记-001",
        "2022-03-01",
        "附单据 1 张",
        "1002",
        "4101",
        "10,005.00",
        "人民币壹万零伍元整",
        "制单",
        "tester",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
}
