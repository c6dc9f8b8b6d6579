//! `--columns` for sheets the import does not know, and `--profile NAME` to save a
//! mapping (of a sheet or of a bank statement) in the ledger for next month's file
//! (issue 15 §2.1, §2.2). A profile is saved only when the import succeeds or the
//! reconciliation is committed: a refused file leaves the ledger as it was.

use crate::common;

use common::Ledger;

/// A month of a treasurer's own sheet, with headers of its own making.
pub(crate) fn sheet(l: &Ledger, name: &str, rows: &[&str]) -> String {
    let mut text = String::from("收款日期,捐助者,捐助者类型,数额,用途,收款方式,经手\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    let path = l.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

pub(crate) const MAPPING: &str = "date=收款日期,donor=捐助者,counterparty_type=捐助者类型,amount=数额,program=用途,method=收款方式,ignore=经手";

fn saved(l: &Ledger, key: &str) -> Vec<String> {
    l.raw()
        .prepare("SELECT value FROM settings WHERE key = ?1 ORDER BY id")
        .unwrap()
        .query_map([key], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_sheet_of_its_own_layout_is_mapped_once_and_read_by_name_next_month() {
    let l = Ledger::new();
    let march = sheet(
        &l,
        "三月.csv",
        &["2022/3/1,李明,个人,\"3,000.00\",助学,微信,王芳"],
    );
    // Unknown headers are named, and the refusal says how to map them.
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "zh-Hans", "import", &march]);
    assert!(
        err.contains("“收款日期”") && err.contains("--columns"),
        "{err}"
    );
    // A mapping that names a header the sheet lacks is refused, nothing saved.
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "import",
        &march,
        "--columns",
        "date=日子,donor=捐助者,amount=数额",
        "--profile",
        "月表",
    ]);
    assert!(err.contains("“日子”"), "{err}");
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "import",
        &march,
        "--columns",
        "when=收款日期",
    ]);
    assert!(err.contains("“when”不是导入的字段"), "{err}");
    // A dry run saves nothing either.
    l.run(&[
        "import",
        &march,
        "--columns",
        MAPPING,
        "--profile",
        "月表",
        "--dry-run",
    ])
    .success();
    assert_eq!(l.fingerprint(), before);

    let out = l.json(&["import", &march, "--columns", MAPPING, "--profile", "月表"]);
    assert_eq!(out["donations"], 1);
    assert_eq!(saved(&l, "profile.import.月表"), [MAPPING]);
    // Next month: the name alone.
    let april = sheet(
        &l,
        "四月.csv",
        &["2022年4月2日,张三,个人,500元,扶贫,现金,王芳"],
    );
    let out = l.json(&["import", &april, "--profile", "月表"]);
    assert_eq!(out["donations"], 1);
    assert_eq!(
        saved(&l, "profile.import.月表").len(),
        1,
        "nothing changed, nothing saved"
    );
    // An unknown name lists the saved ones.
    let err = l.refused(&["--lang", "zh-Hans", "import", &april, "--profile", "月報"]);
    assert!(
        err.contains("没有名为“月報”的对应方案") && err.contains("月表"),
        "{err}"
    );
    let err = l.refused(&["--lang", "zh-Hans", "import", &april, "--profile", "a b"]);
    assert!(
        err.contains("--profile“a b”不能作为对应方案的名称"),
        "{err}"
    );
    // The saved profile is chained like every setting.
    l.run(&["verify"]).success();
}

#[test]
fn a_bank_statement_mapping_is_saved_with_the_committed_reconciliation() {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    l.run(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "1000",
        "--date",
        "2022-03-01",
        "--method",
        "bank",
        "--reference",
        "REF-A",
    ])
    .success();
    let statement = l.dir.path().join("bank.csv");
    std::fs::write(
        &statement,
        "记账日,发生额,流水号,附言\n2022-03-02,1000.00,REF-A,李明捐款\n",
    )
    .unwrap();
    let statement = statement.to_str().unwrap();
    let mapping = "date=记账日,amount=发生额,reference=流水号,description=附言";
    let reconcile = |extra: &[&str]| {
        let mut args = vec![
            "reconcile",
            "--statement",
            statement,
            "--closing-balance",
            "1000",
            "--as-of",
            "2022-03-31",
        ];
        args.extend_from_slice(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let args = reconcile(&["--columns", mapping, "--profile", "工行"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // Not committed: nothing is written, the profile neither.
    let before = l.fingerprint();
    l.run(&args).success();
    assert_eq!(l.fingerprint(), before);
    let mut committed = args.clone();
    committed.push("--commit");
    l.run(&committed).success();
    assert_eq!(saved(&l, "profile.statement.工行"), [mapping]);
    // The name alone reads the statement the same way.
    let args = reconcile(&["--profile", "工行"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut json = args.clone();
    json.push("--json");
    let report: serde_json::Value =
        serde_json::from_slice(&l.run(&json).success().get_output().stdout).unwrap();
    // (its line is cleared by the committed reconciliation, so it is the bank's only)
    assert_eq!(
        report["statement_only"][0]["reference"], "REF-A",
        "{report}"
    );
    // Import profiles and statement profiles are apart.
    let sheet = l.dir.path().join("s.csv");
    std::fs::write(&sheet, "a\n1\n").unwrap();
    l.refused(&["import", sheet.to_str().unwrap(), "--profile", "工行"]);
    l.run(&["verify"]).success();
}
