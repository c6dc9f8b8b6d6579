//! WeChat Pay and Alipay bills (issue 15, §2.3): `reconcile` reads each app's own
//! export — preamble, header, ¥ amounts, padded cells, Alipay in GBK — and
//! reconciles it against the wallet's own sub-account, told from the bill's header.
//! The fixtures in tests/data/bills/ follow the layouts of double-entry-generator's
//! example/wechat and example/alipay files, with invented names and numbers.

use crate::common::Ledger;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/bills")
        .join(name)
        .display()
        .to_string()
}

fn run_ok(l: &Ledger, args: &[&str]) {
    l.run(args).success();
}

/// The month of the WeChat fixture as the treasurer recorded it: two gifts, a
/// payout and the withdrawal (with its fee) to the bank.
fn wechat_month(l: &Ledger) {
    run_ok(l, &["donor", "add", "王小明"]);
    run_ok(l, &["beneficiary", "add", "李小華", "--type", "student"]);
    run_ok(
        l,
        &[
            "donate",
            "--donor",
            "王小明",
            "--amount",
            "200",
            "--method",
            "wechat",
            "--date",
            "2022-03-01",
            "--reference",
            "10000500012022030100001111",
        ],
    );
    run_ok(
        l,
        &[
            "donate",
            "--donor",
            "愛心人士",
            "--amount",
            "100",
            "--method",
            "wechat",
            "--date",
            "2022-03-02",
        ],
    );
    run_ok(
        l,
        &[
            "transfer",
            "--from",
            "1012.01",
            "--to",
            "1002",
            "--amount",
            "100",
            "--fee",
            "0.10",
            "--date",
            "2022-03-31",
            "--reference",
            "20722033110007714823552388",
        ],
    );
}

#[test]
fn a_wechat_bill_reconciles_its_own_sub_account() {
    let l = Ledger::new();
    wechat_month(&l);
    let bill = fixture("wechat-2022-03.csv");
    let report = l.json(&[
        "reconcile",
        "--statement",
        &bill,
        "--closing-balance",
        "229.90",
        "--as-of",
        "2022-03-31",
    ]);
    assert_eq!(report["account"], "1012.01", "{report}");
    assert_eq!(report["adjustment"]["agrees"], true, "{report}");
    let matched: Vec<i64> = report["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            m["line"]
                .as_i64()
                .unwrap_or(m["statement"]["line"].as_i64().unwrap_or(0))
        })
        .collect();
    assert_eq!(matched.len(), 3, "{report}");
    // The gift from 李** and the 20.00 payout are on the bill only; the 35.00 paid by
    // bank card did not move the wallet and is not a line at all.
    let only: Vec<String> = report["statement_only"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(only.len(), 2, "{report}");
    assert!(only.iter().any(|s| s.contains("-20.00")), "{only:?}");
    assert!(!only.iter().any(|s| s.contains("35.00")), "{only:?}");
    // The withdrawal is money out (100.10 with its fee), never money in.
    assert!(report.to_string().contains("-100.10"), "{report}");
    // Recorded, it is known again.
    let before = l.fingerprint();
    l.run(&[
        "reconcile",
        "--statement",
        &bill,
        "--closing-balance",
        "229.90",
        "--as-of",
        "2022-03-31",
        "--commit",
    ])
    .success();
    assert_ne!(l.fingerprint(), before);
    assert_eq!(l.json(&["verify"])["passed"], true);
}

#[test]
fn an_alipay_bill_in_gbk_reconciles_the_alipay_account() {
    let l = Ledger::new();
    run_ok(&l, &["donor", "add", "張三"]);
    run_ok(
        &l,
        &[
            "donate",
            "--donor",
            "張三",
            "--amount",
            "300",
            "--method",
            "alipay",
            "--date",
            "2022-03-05",
            "--reference",
            "20220305200040011100000001",
        ],
    );
    run_ok(
        &l,
        &[
            "transfer",
            "--from",
            "1012.02",
            "--to",
            "1002",
            "--amount",
            "200",
            "--date",
            "2022-03-30",
            "--reference",
            "20220330200040011100000005",
        ],
    );
    let bill = fixture("alipay-2022-03.csv");
    let report = l.json(&[
        "reconcile",
        "--statement",
        &bill,
        "--closing-balance",
        "85.00",
        "--as-of",
        "2022-03-31",
    ]);
    assert_eq!(report["account"], "1012.02", "{report}");
    assert_eq!(report["encoding"], "GB18030", "{report}");
    assert_eq!(report["matched"].as_array().unwrap().len(), 2, "{report}");
    // Only the 15.00 paid from 余额: the card payment and the closed order are not lines.
    assert_eq!(
        report["statement_only"].as_array().unwrap().len(),
        1,
        "{report}"
    );
    assert_eq!(report["adjustment"]["agrees"], true, "{report}");
    let same = l.json(&[
        "reconcile",
        "--statement",
        &bill,
        "--format",
        "alipay",
        "--account",
        "1012.02",
        "--closing-balance",
        "85.00",
        "--as-of",
        "2022-03-31",
    ]);
    assert_eq!(same["adjustment"], report["adjustment"]);
}

#[test]
fn a_bill_is_refused_against_the_bank_and_as_the_other_wallet() {
    let l = Ledger::new();
    let base = [
        "reconcile",
        "--closing-balance",
        "0",
        "--as-of",
        "2022-03-31",
    ];
    let bill = fixture("alipay-2022-03.csv");
    let stderr = l.refused(
        &[
            &["--lang", "zh-Hans"],
            &base[..],
            &["--statement", &bill, "--account", "1002"],
        ]
        .concat(),
    );
    assert!(
        stderr.contains("--account 1002 不是电子钱包科目；支付宝账单"),
        "{stderr}"
    );
    let stderr = l.refused(
        &[
            &["--lang", "en"],
            &base[..],
            &["--statement", &bill, "--format", "wechat"],
        ]
        .concat(),
    );
    assert!(stderr.contains("is not WeChat Pay's bill"), "{stderr}");
}

/// A row whose direction cannot be told (a 中性交易 that is not 提现/充值) is refused,
/// naming its line: it is never read as money in.
#[test]
fn a_row_of_unknown_direction_is_refused_by_line() {
    let l = Ledger::new();
    let text = std::fs::read_to_string(fixture("wechat-2022-03.csv")).unwrap();
    let odd =
        "2022-03-15 10:07:31,转入零钱通-来自零钱,/,/,/,¥200.00,零钱,支付成功,1800007001\t,/\t,/\n";
    let path = l.dir.path().join("wechat.csv");
    std::fs::write(&path, format!("{text}{odd}")).unwrap();
    let before = l.fingerprint();
    let out = l
        .run(&[
            "--lang",
            "en",
            "reconcile",
            "--statement",
            path.to_str().unwrap(),
            "--closing-balance",
            "0",
            "--as-of",
            "2022-03-31",
            "--commit",
        ])
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 24"), "{stderr}");
    assert!(
        stderr.contains("收/支 \"/\" with kind \"转入零钱通-来自零钱\" does not say whether money came into or left WeChat Pay"),
        "{stderr}"
    );
    assert_eq!(l.fingerprint(), before);
}

/// `import --from`: the gifts of the WeChat fixture (王小明 ¥200, a hidden payer ¥100,
/// 李** ¥50) as donations; the fund's spending and the withdrawal are no gifts.
#[test]
fn a_wechat_bills_gifts_import_once_after_a_dry_run() {
    let l = Ledger::new();
    let bill = fixture("wechat-2022-03.csv");
    // No terminal to confirm on and no --yes: the dry run is shown, nothing written.
    let before = l.fingerprint();
    let out = l.run(&["--lang", "zh-Hans", "import", &bill]).code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stdout.contains("试算") && stdout.contains("¥350.00"),
        "{stdout}"
    );
    assert!(stderr.contains("--yes"), "{stderr}");
    assert_eq!(l.fingerprint(), before);

    let summary = l.json(&["import", "--from", "wechat", &bill, "--yes"]);
    assert_eq!(summary["imported"]["donations"], 3, "{summary}");
    assert_eq!(summary["not_gifts"], 2, "{summary}");
    let list = l.json(&["receipt", "list"]);
    let donors: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["donor"].as_str().unwrap())
        .collect();
    assert_eq!(donors, ["王小明", "愛心人士", "愛心人士"]);
    let entry = l.json(&["show", "1"]);
    assert_eq!(entry["reference"], "10000500012022030100001111", "{entry}");
    assert_eq!(entry["method"], "wechat", "{entry}");
    // Again: nothing new.
    let again = l.json(&["import", &bill, "--yes"]);
    assert_eq!(again["imported"]["donations"], 0);
    assert_eq!(again["imported"]["already_imported"], 3);
    l.run(&["verify"]).success();
}

/// A gift the treasurer's sheet recorded already (same donor, amount, method, within
/// a day, without the bill's reference) is linked, not added again; two that fit are
/// shown, not guessed.
#[test]
fn a_bill_gift_recorded_from_the_sheet_is_not_added_twice() {
    let l = Ledger::new();
    run_ok(&l, &["donor", "add", "王小明"]);
    let donate = |date: &str| {
        run_ok(
            &l,
            &[
                "donate",
                "--donor",
                "王小明",
                "--amount",
                "200",
                "--method",
                "wechat",
                "--date",
                date,
            ],
        )
    };
    donate("2022-03-02");
    let bill = fixture("wechat-2022-03.csv");
    let summary = l.json(&["import", &bill, "--yes", "--dry-run"]);
    assert_eq!(summary["already_recorded"][0]["entries"][0], 1, "{summary}");
    assert_eq!(summary["imported"]["donations"], 2, "{summary}");
    donate("2022-02-28");
    let summary = l.json(&["import", &bill, "--yes"]);
    assert_eq!(summary["ambiguous"][0]["line"], 18, "{summary}");
    assert_eq!(
        summary["ambiguous"][0]["entries"],
        serde_json::json!([1, 2])
    );
    assert_eq!(summary["imported"]["donations"], 2, "{summary}");
    let text = l.stdout(&["--lang", "zh-Hans", "import", &bill, "--yes"]);
    assert!(
        text.contains("对应不止一笔") && text.contains("#1、#2"),
        "{text}"
    );
}

#[test]
fn an_alipay_bills_gift_imports_with_its_hidden_payer_as_anonymous() {
    let l = Ledger::new();
    let summary = l.json(&[
        "import",
        "--from",
        "alipay",
        &fixture("alipay-2022-03.csv"),
        "--yes",
    ]);
    assert_eq!(summary["imported"]["donations"], 1, "{summary}");
    assert_eq!(
        summary["imported"]["donations_total"], "300.00",
        "{summary}"
    );
    let list = l.json(&["receipt", "list"]);
    assert_eq!(list[0]["method"], "支付寶", "{list}");
}
