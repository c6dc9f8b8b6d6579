//! WeChat Pay and Alipay each have their own sub-account of 1012 (issue 15, §2.3):
//! 1012.01 微信 and 1012.02 支付寶/支付宝. A new ledger has them in its chart; an
//! older one gets them from migration 0007 as one chained record, keeps its older
//! postings on 1012, and still passes `verify`. Reports add the sub-accounts into 1012.

use crate::common::Ledger;
use lovefund::ledger::chain;
use rusqlite::Connection;

fn trial_row(ledger: &Ledger, code: &str) -> serde_json::Value {
    let balance = ledger.json(&["balance"]);
    balance["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {balance}"))
        .clone()
}

#[test]
fn a_new_ledger_posts_each_wallet_to_its_own_sub_account() {
    let l = Ledger::new();
    l.run(&["donor", "add", "張三"]).success();
    for (method, amount) in [("wechat", "100.00"), ("alipay", "50.00")] {
        l.run(&[
            "donate",
            "--donor",
            "張三",
            "--amount",
            amount,
            "--date",
            "2022-03-01",
            "--method",
            method,
        ])
        .success();
    }
    assert_eq!(l.json(&["show", "1"])["lines"][0]["account"], "1012.01");
    assert_eq!(l.json(&["show", "2"])["lines"][0]["account"], "1012.02");
    assert_eq!(trial_row(&l, "1012")["balance_debit"], "150.00");
    assert_eq!(trial_row(&l, "1012.01")["balance_debit"], "100.00");
    assert_eq!(trial_row(&l, "1012.02")["depth"], 1);
    let hans = l.stdout(&["--lang", "zh-Hans", "balance"]);
    assert!(hans.contains("  1012.02  支付宝"), "{hans}");
    let hant = l.stdout(&["--lang", "zh-Hant", "balance"]);
    assert!(hant.contains("  1012.02  支付寶"), "{hant}");
    // Each wallet is guarded apart: Alipay cannot pay out WeChat's money.
    let before = l.fingerprint();
    let stderr = l.refused(&[
        "--lang",
        "en",
        "transfer",
        "--from",
        "1012.02",
        "--to",
        "1002",
        "--amount",
        "50.01",
        "--date",
        "2022-03-02",
    ]);
    assert!(
        stderr.contains("account 1012.02 would go negative"),
        "{stderr}"
    );
    assert_eq!(l.fingerprint(), before);
    let sheet = l.json(&["report", "balance-sheet", "--as-of", "2022-12-31"]);
    assert_eq!(sheet["total_assets"], "150.00", "{sheet}");
}

/// A ledger of schema 4 with WeChat money on 1012: the first write upgrades it, the
/// sub-accounts arrive in a record of their own, the old posting stays on 1012 and a
/// new WeChat gift goes to 1012.01; `verify` passes.
#[test]
fn an_older_ledger_gets_the_wallet_sub_accounts_on_upgrade() {
    let ledger = Ledger::empty();
    let conn = Connection::open(&ledger.db).unwrap();
    conn.pragma_update(None, "application_id", lovefund::store::APPLICATION_ID)
        .unwrap();
    for (version, _, sql) in &lovefund::store::MIGRATIONS[..4] {
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
    }
    conn.execute_batch(
        "INSERT INTO meta VALUES ('name', '舊基金'), ('lang', 'zh-Hant');
         INSERT INTO accounts VALUES
             ('1012', 'asset', '其他貨幣資金', '其他货币资金', 'WeChat Pay / Alipay balances', NULL),
             ('4101', 'income', '捐贈收入', '捐赠收入', 'Donation revenue', NULL);
         INSERT INTO funds VALUES (1, 'unrestricted', '非限定', '非限定', 'Unrestricted', 0, NULL);
         INSERT INTO parties (id, role, type, name, created_at)
             VALUES (1, 'donor', 'person', '張三', '2022-01-01T00:00:00Z');",
    )
    .unwrap();
    use lovefund::ledger::account::AccountCode;
    use lovefund::ledger::entry::{EntryDetails, EntryKind, Posting};
    use lovefund::ledger::fund::FundId;
    use lovefund::ledger::money::Money;
    let postings = [("1012", 10_000), ("4101", -10_000)].map(|(code, fen)| Posting {
        account: AccountCode::parse(code).unwrap(),
        fund: FundId(1),
        amount: Money::from_fen(fen),
    });
    let details = EntryDetails::default();
    let date = chrono::NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
    let hash = chain::entry_hash(
        &chain::GENESIS,
        &chain::EntryFields {
            id: 1,
            date,
            kind: EntryKind::Manual,
            memo: "wechat gift",
            details: &details,
            recorded_by: "treasurer",
            recorded_at: "2022-03-01T00:00:00Z",
            postings: &postings,
        },
    );
    conn.execute(
        "INSERT INTO entries (id, date, kind, memo, recorded_by, recorded_at, hash)
         VALUES (1, '2022-03-01', 'manual', 'wechat gift', 'treasurer', '2022-03-01T00:00:00Z', ?1)",
        [hash.as_slice()],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT INTO postings VALUES (1, 1, '1012', 1, 10000), (1, 2, '4101', 1, -10000);
         INSERT INTO daily_totals VALUES ('1012', 1, '2022-03-01', 10000, 0),
                                         ('4101', 1, '2022-03-01', 0, 10000);
         INSERT INTO guard_daily VALUES ('fund:1', '2022-03-01', 10000, 0),
                                        ('account:1012', '2022-03-01', 10000, 0);",
    )
    .unwrap();
    drop(conn);
    ledger
        .run(&[
            "donate",
            "--donor",
            "張三",
            "--amount",
            "30",
            "--date",
            "2022-03-02",
            "--method",
            "wechat",
        ])
        .success();
    let report = ledger.json(&["verify"]);
    assert_eq!(report["passed"], true, "{report}");
    assert_eq!(ledger.json(&["show", "1"])["lines"][0]["account"], "1012");
    assert_eq!(
        ledger.json(&["show", "2"])["lines"][0]["account"],
        "1012.01"
    );
    assert_eq!(trial_row(&ledger, "1012")["balance_debit"], "130.00");
    assert_eq!(trial_row(&ledger, "1012.01")["balance_debit"], "30.00");
    assert_eq!(trial_row(&ledger, "1012.02")["name"], "支付寶");
    let conn = ledger.raw();
    let by: Vec<String> = conn
        .prepare("SELECT recorded_by FROM records ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // Schema 9 gives the older ledger its first receipt signing key.
    assert_eq!(
        by,
        [
            "lovefund (schema 5)",
            "lovefund (schema 7)",
            "lovefund (schema 9)",
            "lovefund (schema 14)",
            "tester"
        ]
    );
}

/// `transfer`: a WeChat withdrawal to the bank with its 服務費 is one balanced entry
/// (bank + amount, 5201 + fee, wallet − both); the same command again records
/// nothing; the same reference with other figures is refused, the ledger unchanged.
#[test]
fn a_withdrawal_and_its_fee_are_one_entry_recorded_once() {
    let l = Ledger::new();
    l.run(&["donor", "add", "張三"]).success();
    l.run(&[
        "donate",
        "--donor",
        "張三",
        "--amount",
        "100",
        "--date",
        "2022-03-01",
        "--method",
        "wechat",
    ])
    .success();
    let transfer = [
        "transfer",
        "--from",
        "1012.01",
        "--to",
        "1002",
        "--amount",
        "90",
        "--fee",
        "0.10",
        "--date",
        "2022-03-05",
        "--reference",
        "WX-TX-0001",
    ];
    let first = l.json(&transfer);
    assert_eq!(
        (first["id"].as_i64(), &first["already"]),
        (Some(2), &false.into())
    );
    let again = l.json(&transfer);
    assert_eq!(
        (again["id"].as_i64(), &again["already"]),
        (Some(2), &true.into())
    );
    let entry = l.json(&["show", "2"]);
    let lines: Vec<(String, String, String)> = entry["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let s = |k: &str| p[k].as_str().unwrap().to_string();
            (s("account"), s("debit"), s("credit"))
        })
        .collect();
    let line = |a: &str, d: &str, c: &str| (a.to_string(), d.to_string(), c.to_string());
    assert_eq!(
        lines,
        [
            line("1002", "90.00", "0.00"),
            line("5201", "0.10", "0.00"),
            line("1012.01", "0.00", "90.10")
        ]
    );
    assert_eq!(trial_row(&l, "1012.01")["balance_debit"], "9.90");
    let before = l.fingerprint();
    let mut other = transfer;
    other[6] = "80";
    let stderr = l.refused(&[&["--lang", "en"], &other[..]].concat());
    assert!(
        stderr.contains("--reference \"WX-TX-0001\" was already recorded as entry 2"),
        "{stderr}"
    );
    // More than the wallet holds is refused by the never-negative rule.
    let stderr = l.refused(&[
        "--lang",
        "en",
        "transfer",
        "--from",
        "1012.01",
        "--to",
        "1002",
        "--amount",
        "9.90",
        "--fee",
        "0.01",
        "--date",
        "2022-03-06",
    ]);
    assert!(stderr.contains("would go negative"), "{stderr}");
    assert_eq!(l.fingerprint(), before);
    assert_eq!(l.json(&["verify"])["passed"], true);
}

#[test]
fn a_transfer_moves_money_between_money_accounts_only() {
    let l = Ledger::new();
    let base = ["transfer", "--amount", "1", "--date", "2022-03-05"];
    let stderr = l.refused(
        &[
            &["--lang", "zh-Hans"],
            &base[..],
            &["--from", "4101", "--to", "1002"],
        ]
        .concat(),
    );
    assert!(
        stderr.contains("--from 4101 不是现金、银行或电子钱包科目"),
        "{stderr}"
    );
    let stderr = l.refused(
        &[
            &["--lang", "zh-Hant"],
            &base[..],
            &["--from", "1002", "--to", "5201"],
        ]
        .concat(),
    );
    assert!(
        stderr.contains("--to 5201 不是現金、銀行或電子錢包科目"),
        "{stderr}"
    );
    let stderr = l.refused(
        &[
            &["--lang", "en"],
            &base[..],
            &["--from", "1002", "--to", "1002"],
        ]
        .concat(),
    );
    assert!(
        stderr.contains("--to 1002 is the account the money comes from"),
        "{stderr}"
    );
    let stderr = l.refused(&[
        "--lang",
        "en",
        "transfer",
        "--from",
        "1012.01",
        "--to",
        "1002",
        "--amount",
        "1",
        "--fee",
        "0.001",
        "--date",
        "2022-03-05",
    ]);
    assert!(stderr.starts_with("lovefund: --fee "), "{stderr}");
}
