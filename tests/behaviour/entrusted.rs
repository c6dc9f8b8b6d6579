//! 受托代理 (issue 17 §3): a gift the donor designates for one named student or
//! household (`donate --for`) is held in trust on 2601 受托代理负债, never counted as
//! 捐赠收入, and cleared by paying it out to that beneficiary (`disburse
//! --entrusted`), which is refused beyond what is held for them.

use crate::common;

use common::Ledger;

/// Donor 1 王五, beneficiaries 2 张小明 (a student) and 3 李家 (a household); 王五
/// gives 3,000 by bank for 张小明 and 1,000 to the fund itself.
fn ledger_with_a_gift_in_trust() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "王五"]).success();
    l.run(&["beneficiary", "add", "--type", "student", "张小明"])
        .success();
    l.run(&["beneficiary", "add", "--type", "household", "李家"])
        .success();
    let out = l.stdout(&[
        "--lang",
        "zh-Hans",
        "donate",
        "--donor",
        "王五",
        "--amount",
        "3000",
        "--date",
        "2025-03-01",
        "--method",
        "bank",
        "--for",
        "张小明",
    ]);
    assert!(out.contains("受托代理，转交: 张小明"), "{out}");
    l.run(&[
        "donate",
        "--donor",
        "王五",
        "--amount",
        "1000",
        "--date",
        "2025-03-01",
        "--method",
        "bank",
    ])
    .success();
    l
}

fn balance_of(l: &Ledger, code: &str) -> (String, String) {
    let balance = l.json(&["balance"]);
    let account = balance["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {balance}"))
        .clone();
    (
        account["balance_debit"].as_str().unwrap().to_string(),
        account["balance_credit"].as_str().unwrap().to_string(),
    )
}

fn pay_out(amount: &str, date: &str) -> Vec<String> {
    [
        "--lang",
        "zh-Hans",
        "disburse",
        "--to",
        "张小明",
        "--entrusted",
        "--amount",
        amount,
        "--date",
        date,
        "--method",
        "bank",
    ]
    .map(String::from)
    .to_vec()
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn a_gift_for_a_beneficiary_is_held_on_2601_and_paying_it_out_clears_it() {
    let l = ledger_with_a_gift_in_trust();
    assert_eq!(balance_of(&l, "2601"), ("0.00".into(), "3000.00".into()));
    assert_eq!(balance_of(&l, "4101"), ("0.00".into(), "1000.00".into()));
    // `show` names whom it is held for; the postings are bank and 2601.
    let shown = l.stdout(&["--lang", "zh-Hans", "show", "1"]);
    assert!(
        shown.contains("受托代理，转交: 张小明")
            && shown.contains("2601      受托代理负债")
            && !shown.contains("4101"),
        "{shown}"
    );
    // On the balance sheet the money held in trust is 受托代理资产, not 货币资金.
    let sheet = l.json(&["report", "balance-sheet", "--as-of", "2025-12-31"]);
    let line = |side: &str, code: &str| {
        sheet[side]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["code"] == code)
            .map(|l| l["amount"].as_str().unwrap().to_string())
    };
    assert_eq!(
        line("assets", "1501").as_deref(),
        Some("3000.00"),
        "{sheet}"
    );
    assert_eq!(sheet["assets"][0]["amount"], "1000.00", "{sheet}");
    assert_eq!(line("liabilities", "2601").as_deref(), Some("3000.00"));
    assert_eq!(sheet["balanced"], true);

    let history = l.stdout(&["--lang", "zh-Hans", "beneficiary", "show", "张小明"]);
    assert!(history.contains("受托代理代管中: 3,000.00"), "{history}");
    let out = l.stdout(&args(&pay_out("1200", "2025-04-01")));
    assert!(out.contains("已记录受托代理转交 3: 张小明"), "{out}");
    l.run(&args(&pay_out("1800", "2025-05-01"))).success();
    assert_eq!(balance_of(&l, "2601"), ("0.00".into(), "0.00".into()));
    assert_eq!(balance_of(&l, "1002"), ("1000.00".into(), "0.00".into()));
    let register = l.stdout(&["--lang", "zh-Hans", "register", "--account", "2601"]);
    assert!(
        register.contains("3,000.00") && register.contains("1,800.00"),
        "{register}"
    );
    let shown = l.stdout(&["--lang", "zh-Hans", "show", "4"]);
    // The memo is in the ledger's own language (zh-Hant here).
    assert!(shown.contains("摘要: 受託代理轉交 张小明"), "{shown}");
    // The donor's year-end statement lists the gift with its receipt, as 受托代理;
    // the beneficiary's history shows what was passed on.
    let statement = l.stdout(&[
        "--lang",
        "zh-Hans",
        "report",
        "donors",
        "--year",
        "2025",
        "--statement",
        "王五",
    ]);
    assert!(
        statement.contains("2025-000001  受托代理  银行转账  3,000.00"),
        "{statement}"
    );
    let history = l.stdout(&["--lang", "zh-Hans", "beneficiary", "show", "张小明"]);
    assert!(
        history.contains("受托代理") && history.contains("3,000.00"),
        "{history}"
    );
    l.run(&["verify"]).success();
}

#[test]
fn paying_out_more_than_is_held_is_refused_and_the_ledger_is_unchanged() {
    let l = ledger_with_a_gift_in_trust();
    let before = l.fingerprint();
    let stderr = l.refused(&args(&pay_out("3000.01", "2025-04-01")));
    assert_eq!(
        stderr.trim(),
        "lovefund: 拒绝：--amount 3,000.01 超过 2025-04-01 为“张小明”代管的受托代理款 3,000.00（已计入之后的每张凭证）；请记不超过 3,000.00 的金额"
    );
    // Nothing is held for 李家, though the bank has the money.
    let stderr = l.refused_en(&[
        "disburse",
        "--to",
        "李家",
        "--entrusted",
        "--amount",
        "1",
        "--date",
        "2025-04-01",
        "--method",
        "bank",
    ]);
    assert!(
        stderr.contains("--amount 1.00 is more than the 0.00 held in trust"),
        "{stderr}"
    );
    // Before the gift arrived nothing was held either.
    let stderr = l.refused(&args(&pay_out("10", "2025-02-28")));
    assert!(stderr.contains("--amount 10.00"), "{stderr}");
    assert_eq!(l.fingerprint(), before);
    // A payout cannot be back-dated past a later one either.
    l.run(&args(&pay_out("3000", "2025-06-01"))).success();
    let before = l.fingerprint();
    l.refused(&args(&pay_out("1", "2025-04-01")));
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn a_gift_paid_out_cannot_be_reversed_until_its_payout_is() {
    let l = ledger_with_a_gift_in_trust();
    l.run(&args(&pay_out("3000", "2025-04-01"))).success();
    let before = l.fingerprint();
    let stderr = l.refused(&[
        "--lang",
        "zh-Hans",
        "reverse",
        "1",
        "--reason",
        "错记",
        "--date",
        "2025-04-02",
    ]);
    assert!(
        stderr.contains("冲销凭证 1 要从为“张小明”代管的受托代理款取回 3,000.00，但只剩 0.00"),
        "{stderr}"
    );
    assert_eq!(l.fingerprint(), before);
    l.run(&["reverse", "3", "--reason", "退回", "--date", "2025-04-02"])
        .success();
    l.run(&["reverse", "1", "--reason", "错记", "--date", "2025-04-02"])
        .success();
    assert_eq!(balance_of(&l, "2601"), ("0.00".into(), "0.00".into()));
    let receipts = l.json(&["receipt", "list", "--year", "2025"]);
    assert_eq!(receipts[0]["status"], "void", "{receipts}");
    l.run(&["verify"]).success();
}

#[test]
fn a_gift_in_trust_is_neither_revenue_nor_raised() {
    let l = ledger_with_a_gift_in_trust();
    l.run(&args(&pay_out("3000", "2025-04-01"))).success();
    let activities = l.json(&["report", "activities", "--year", "2025"]);
    assert_eq!(
        activities["total_revenue"]["total"], "1000.00",
        "{activities}"
    );
    assert_eq!(activities["total_costs"]["total"], "0.00", "{activities}");
    let summary = l.json(&["summary", "--year", "2025"]);
    assert_eq!(summary["raised"], "1000.00", "{summary}");
    assert_eq!(summary["disbursed"], "0.00", "{summary}");
    assert_eq!(summary["donations_count"], 1, "{summary}");
    let text = l.stdout(&["--lang", "zh-Hans", "summary", "--year", "2025"]);
    assert!(text.contains("¥1,000.00  (1 笔捐款"), "{text}");
}

#[test]
fn its_receipt_says_it_is_held_in_trust() {
    let l = ledger_with_a_gift_in_trust();
    let receipts = l.json(&["--lang", "zh-Hans", "receipt", "list", "--year", "2025"]);
    let receipt = &receipts[0];
    assert_eq!(receipt["fund"], "受托代理，转交 张**", "{receipt}");
    assert_eq!(receipt["amount"], "3000.00", "{receipt}");
    assert!(
        receipt["payload"]
            .as_str()
            .unwrap()
            .contains("|受托代理，转交 张**|")
    );
    let dir = l.dir.path().join("receipts");
    l.run(&[
        "--lang",
        "zh-Hans",
        "receipt",
        "print",
        "2025-000001",
        "--out",
        dir.to_str().unwrap(),
    ])
    .success();
    if let Some(text) = common::pdftotext(&dir.join("2025-000001.pdf")) {
        assert!(text.contains("受托代理，转交 张**"), "{text}");
        assert!(!text.contains("张小明"), "{text}");
    }
}

#[test]
fn for_and_entrusted_are_usage_errors_with_a_fund_or_program() {
    let l = ledger_with_a_gift_in_trust();
    l.usage_error(&[
        "donate",
        "--donor",
        "王五",
        "--amount",
        "1",
        "--date",
        "2025-03-01",
        "--method",
        "bank",
        "--for",
        "张小明",
        "--fund",
        "助学",
    ]);
    l.usage_error(&[
        "disburse",
        "--to",
        "张小明",
        "--entrusted",
        "--program",
        "助学",
        "--amount",
        "1",
        "--date",
        "2025-03-01",
        "--method",
        "bank",
    ]);
    let stderr = l.refused_en(&[
        "donate",
        "--donor",
        "王五",
        "--amount",
        "1",
        "--date",
        "2025-03-01",
        "--method",
        "bank",
        "--for",
        "nobody",
    ]);
    assert!(stderr.contains("--for"), "{stderr}");
}

/// A ledger of schema 4 (before 1501 and 2601 were in the chart): the first write
/// upgrades it, the two accounts arrive as a chained record (migration 0014), a gift
/// in trust can then be recorded, and `verify` passes.
#[test]
fn an_older_ledger_gets_the_trust_accounts_on_upgrade() {
    let l = Ledger::empty();
    let conn = rusqlite::Connection::open(&l.db).unwrap();
    conn.pragma_update(None, "application_id", lovefund::store::APPLICATION_ID)
        .unwrap();
    for (version, _, sql) in &lovefund::store::MIGRATIONS[..4] {
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
    }
    conn.execute_batch(
        "INSERT INTO meta VALUES ('name', '舊基金'), ('lang', 'zh-Hant');
         INSERT INTO accounts VALUES ('1002', 'asset', '銀行存款', '银行存款', 'Bank', NULL),
                                     ('4101', 'income', '捐贈收入', '捐赠收入', 'Donations', NULL);
         INSERT INTO funds VALUES (1, 'unrestricted', '非限定', '非限定', 'Unrestricted', 0, NULL);
         INSERT INTO parties (id, role, type, name, created_at)
             VALUES (1, 'donor', 'person', '張三', '2022-01-01T00:00:00Z'),
                    (2, 'beneficiary', 'student', '李小紅', '2022-01-01T00:00:00Z');",
    )
    .unwrap();
    drop(conn);
    l.run(&[
        "donate",
        "--donor",
        "張三",
        "--amount",
        "500",
        "--date",
        "2025-03-01",
        "--method",
        "bank",
        "--for",
        "李小紅",
    ])
    .success();
    let version: i64 = l
        .raw()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, lovefund::store::MIGRATIONS.last().unwrap().0);
    let accounts = l.stdout(&["--lang", "zh-Hant", "account", "list"]);
    assert!(
        accounts.contains("受託代理資產") && accounts.contains("受託代理負債"),
        "{accounts}"
    );
    assert_eq!(balance_of(&l, "2601"), ("0.00".into(), "500.00".into()));
    l.run(&["verify"]).success();
}

/// A payout under a reference, run again (after a lost answer, say), answers with the
/// entry already recorded instead of refusing it for what it took itself.
#[test]
fn a_payout_run_again_under_its_reference_records_nothing_twice() {
    let l = ledger_with_a_gift_in_trust();
    let mut payout = pay_out("3000", "2025-04-01");
    payout.extend(["--reference".to_string(), "PAY-001".to_string()]);
    l.run(&args(&payout)).success();
    let before = l.fingerprint();
    let again = l.json(&args(&payout));
    assert_eq!(
        (&again["already"], &again["entry"]),
        (&true.into(), &3.into())
    );
    assert_eq!(l.fingerprint(), before);
    assert_eq!(balance_of(&l, "2601"), ("0.00".into(), "0.00".into()));
}

/// `verify trust`: a hand-made `entry add` on 2601 names no beneficiary, and a gift
/// in trust whose row was deleted around lovefund leaves its payout overdrawn; both
/// are found, each naming the entry.
#[test]
fn verify_trust_finds_an_unnamed_entry_and_an_overdrawn_beneficiary() {
    let l = ledger_with_a_gift_in_trust();
    l.run(&args(&pay_out("2000", "2025-04-01"))).success();
    l.run(&["verify", "trust"]).success();

    // 2601 moved by hand: nobody is named as whom the 500 is held for.
    let added = l.json(&[
        "entry",
        "add",
        "--date",
        "2025-05-01",
        "--memo",
        "手工调整",
        "--posting",
        "2601=500",
        "--posting",
        "1002=-500",
    ]);
    let hand_made = added["id"].as_i64().expect("an entry id");
    let stderr = l.refused(&["--lang", "zh-Hans", "verify", "trust"]);
    assert!(
        stderr.contains(&format!("凭证 {hand_made} 记了受托代理负债 2601")),
        "{stderr}"
    );
    assert!(
        !stderr.contains("代管的款項") && !stderr.contains("憑證"),
        "{stderr}"
    );

    // The gift's row deleted as someone covering their tracks would: the payout of
    // 2,000 then takes from nothing held.
    let conn = l.raw();
    let trigger: String = conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'entrusted_no_delete'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    conn.execute_batch(&format!(
        "DROP TRIGGER entrusted_no_delete;
         DELETE FROM entrusted WHERE entry_id = (SELECT min(entry_id) FROM entrusted);
         {trigger};"
    ))
    .unwrap();
    drop(conn);
    let report = l
        .cmd()
        .args(["--json", "verify", "trust"])
        .output()
        .unwrap();
    assert_eq!(report.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let findings = &report["checks"][0]["findings"];
    let messages: Vec<String> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].to_string())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("trust-overdrawn") && m.contains("张小明")),
        "{messages:?}"
    );
    assert_eq!(
        messages
            .iter()
            .filter(|m| m.contains("trust-unnamed"))
            .count(),
        2,
        "the gift and the hand-made entry: {messages:?}"
    );
}
