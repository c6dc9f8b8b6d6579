//! Black-box tests of fund accounting (issue 3): donors, beneficiaries, donations,
//! disbursements, fund balances and the CSV import.

use crate::common;

use common::Ledger;
use serde_json::Value;

const HEADER: &str =
    "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo,counterparty_id";

fn write_csv(l: &Ledger, name: &str, lines: &[&str]) -> String {
    let path = l.dir.path().join(name);
    let mut text = String::from(HEADER);
    for line in lines {
        text.push('\n');
        text.push_str(line);
    }
    text.push('\n');
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().to_string()
}

fn fund<'a>(balances: &'a Value, alias: &str) -> &'a Value {
    balances["funds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["alias"] == alias)
        .unwrap()
}

#[test]
fn donations_get_gap_free_receipt_numbers_per_year() {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明", "--phone", "13800000000"])
        .success();
    l.run(&["donor", "add", "恒通科技有限公司", "--type", "organization"])
        .success();
    let first = l.json(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "5000.00",
        "--date",
        "2022-03-01",
        "--fund",
        "助學",
        "--method",
        "bank",
    ]);
    assert_eq!(first["receipt"], "2022-000001");
    let second = l.json(&[
        "donate",
        "--donor",
        "2",
        "--amount",
        "120000",
        "--date",
        "2022-05-01",
        "--fund",
        "poverty-relief",
        "--method",
        "bank",
        "--official-receipt-no",
        "贛0012345",
    ]);
    assert_eq!(second["receipt"], "2022-000002");
    let third = l.json(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "1.50",
        "--date",
        "2023-01-02",
        "--method",
        "wechat",
    ]);
    assert_eq!(third["receipt"], "2023-000001");
    // A back-dated gift continues its own year's sequence.
    let fourth = l.json(&[
        "donate",
        "--donor",
        "愛心人士",
        "--amount",
        "300",
        "--date",
        "2022-12-31",
        "--fund",
        "幫困",
        "--method",
        "cash",
    ]);
    assert_eq!(fourth["receipt"], "2022-000003");
    let entry = l.json(&["show", "1"]);
    assert_eq!(entry["kind"], "donation");
    assert_eq!(entry["method"], "bank");
    assert_eq!(entry["lines"][0]["account"], "1002");
    assert_eq!(entry["lines"][0]["debit"], "5000.00");
    assert_eq!(entry["lines"][1]["account"], "4101");
    assert_eq!(entry["lines"][1]["fund"], "助學");
    let wechat = l.json(&["show", "3"]);
    assert_eq!(wechat["lines"][0]["account"], "1012.01");
    assert_eq!(wechat["lines"][0]["fund"], "非限定");
    let donors = l.json(&["donor", "list"]);
    let li = donors
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "李明")
        .unwrap();
    assert_eq!(li["count"], 2);
    assert_eq!(li["total"], "5001.50");
    let anonymous = donors
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["type"] == "anonymous")
        .unwrap();
    assert_eq!(anonymous["name"], "愛心人士");
    let shown = l.json(&["donor", "show", "1"]);
    assert_eq!(shown["history"][0]["receipt"], "2022-000001");
    assert_eq!(shown["total"], "5001.50");
    assert!(l.stdout(&["donor", "show", "1"]).contains("2022-000001"));
    l.run(&["verify"]).success();
}

#[test]
fn refused_donations_name_the_field_and_change_nothing() {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    let before = l.fingerprint();
    let cases: &[(&[&str], &str)] = &[
        (&["--amount", "-5"], "--amount"),
        (&["--amount", "1,000.00"], "--amount"),
        (&["--amount", "10.005"], "--amount"),
        (&["--date", "2022-13-01"], "--date"),
        (&["--fund", "nosuch"], "--fund"),
        (&["--donor", "王五"], "--donor"),
    ];
    for (change, field) in cases {
        let mut args: Vec<String> = vec!["donate".into(), "--method".into(), "bank".into()];
        for (flag, value) in [
            ("--donor", "李明"),
            ("--amount", "100"),
            ("--date", "2022-03-01"),
        ] {
            if change[0] != flag {
                args.push(format!("{flag}={value}"));
            }
        }
        args.push(format!("{}={}", change[0], change[1]));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = l.refused_en(&args);
        assert!(err.contains(field), "{change:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one sentence: {err}");
    }
    assert_eq!(before, l.fingerprint());
}

#[test]
fn disbursements_draw_on_the_program_fund_and_never_overspend() {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    l.run(&[
        "beneficiary",
        "add",
        "王小明",
        "--type",
        "student",
        "--school",
        "鷹潭一中",
        "--grade",
        "高二",
    ])
    .success();
    l.run(&[
        "beneficiary",
        "add",
        "張家",
        "--type",
        "household",
        "--village",
        "白露村",
        "--members",
        "4",
    ])
    .success();
    l.run(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "1000",
        "--date",
        "2022-03-01",
        "--fund",
        "助學",
        "--method",
        "bank",
    ])
    .success();
    l.run(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "500",
        "--date",
        "2022-03-10",
        "--fund",
        "扶貧",
        "--method",
        "cash",
    ])
    .success();
    let paid = l.json(&[
        "disburse",
        "--to",
        "王小明",
        "--amount",
        "600",
        "--date",
        "2022-03-05",
        "--program",
        "study-aid",
        "--method",
        "bank",
    ]);
    let entry = l.json(&["show", &paid["entry"].to_string()]);
    assert_eq!(entry["lines"][0]["account"], "5101.01");
    assert_eq!(entry["lines"][0]["debit"], "600.00");
    assert_eq!(entry["lines"][1]["account"], "1002");
    assert_eq!(entry["lines"][1]["fund"], "助學");
    let before = l.fingerprint();
    // More than the fund holds: refused with what is available.
    let err = l.refused(&[
        "--lang",
        "en",
        "disburse",
        "--to",
        "王小明",
        "--amount",
        "400.01",
        "--date",
        "2022-03-06",
        "--program",
        "助学",
        "--method",
        "bank",
    ]);
    assert!(err.contains("助學") && err.contains("400.00"), "{err}");
    // Back-dated before the poverty-relief gift arrived: nothing was there yet.
    let err = l.refused(&[
        "--lang",
        "en",
        "disburse",
        "--to",
        "張家",
        "--amount",
        "100",
        "--date",
        "2022-03-09",
        "--program",
        "扶貧",
        "--method",
        "cash",
    ]);
    assert!(err.contains("0.00 is available"), "{err}");
    // The fund has money but the cash box does not (yet: cash comes on 03-10).
    let err = l.refused(&[
        "--lang",
        "en",
        "disburse",
        "--to",
        "王小明",
        "--amount",
        "300",
        "--date",
        "2022-03-08",
        "--program",
        "助學",
        "--method",
        "cash",
    ]);
    assert!(err.contains("1001"), "{err}");
    // A back-dated payment that leaves the fund short later on is refused too.
    l.run(&[
        "disburse",
        "--to",
        "王小明",
        "--amount",
        "400",
        "--date",
        "2022-04-01",
        "--program",
        "助學",
        "--method",
        "bank",
    ])
    .success();
    let before_late = l.fingerprint();
    let err = l.refused(&[
        "--lang",
        "en",
        "disburse",
        "--to",
        "王小明",
        "--amount",
        "1",
        "--date",
        "2022-03-07",
        "--program",
        "助學",
        "--method",
        "bank",
    ]);
    assert!(err.contains("0.00 is available"), "{err}");
    assert_eq!(before_late, l.fingerprint());
    assert_ne!(before, before_late);
    // --fund draws a program's aid from another fund.
    l.run(&[
        "disburse",
        "--to",
        "張家",
        "--amount",
        "200",
        "--date",
        "2022-03-20",
        "--program",
        "幫困",
        "--fund",
        "扶貧",
        "--method",
        "cash",
    ])
    .success();
    let balances = l.json(&["fund", "balances", "--as-of", "2022-12-31"]);
    assert_eq!(fund(&balances, "study-aid")["raised"], "1000.00");
    assert_eq!(fund(&balances, "study-aid")["disbursed"], "1000.00");
    assert_eq!(fund(&balances, "study-aid")["closing"], "0.00");
    assert_eq!(fund(&balances, "poverty-relief")["closing"], "300.00");
    assert_eq!(balances["total"]["closing"], "300.00");
    let student = l.json(&["beneficiary", "show", "2"]);
    assert_eq!(student["total"], "1000.00");
    assert_eq!(student["school"], "鷹潭一中");
    l.run(&["verify"]).success();
}

#[test]
fn identity_numbers_are_never_stored_or_shown_in_clear() {
    let l = Ledger::new();
    let id = "360602200801011234";
    l.run(&[
        "beneficiary",
        "add",
        "王小明",
        "--type",
        "student",
        "--id-number",
        id,
    ])
    .success();
    let err = l.refused(&[
        "--lang",
        "en",
        "beneficiary",
        "add",
        "王曉明",
        "--type",
        "student",
        "--id-number",
        id,
    ]);
    assert!(
        err.contains("王小明") && err.contains("beneficiary 1"),
        "{err}"
    );
    l.run(&["donor", "add", "李明", "--id-number", "36060219700101567X"])
        .success();
    let csv = write_csv(
        &l,
        "ids.csv",
        &[
            "2022-03-01,donation,李明,person,助學,100,bank,R1,,36060219700101567X",
            "2022-03-02,disbursement,王小明,student,助學,50,bank,R2,,360602200801011234",
            "2022-03-03,disbursement,陳小紅,student,助學,20,bank,R3,,360602200901015678",
        ],
    );
    l.run(&["import", &csv]).success();
    let mut everything = String::new();
    for args in [
        vec!["beneficiary", "list"],
        vec!["beneficiary", "show", "1"],
        vec!["donor", "list"],
        vec!["donor", "show", "2"],
        vec!["show", "2"],
        vec!["balance"],
    ] {
        everything.push_str(&l.stdout(&args));
        let mut json = args.clone();
        json.push("--json");
        everything.push_str(&l.stdout(&json));
    }
    assert!(
        everything.contains("**************1234"),
        "masked form shown"
    );
    for clear in [
        id,
        "36060219700101567X",
        "360602200901015678",
        "3606022008",
        "2008010112",
    ] {
        assert!(!everything.contains(clear), "{clear} leaked in output");
    }
    let beneficiaries = l.json(&["beneficiary", "list"]);
    assert_eq!(
        beneficiaries.as_array().unwrap().len(),
        2,
        "matched by id number, not duplicated"
    );
    // Nor in the file: not in the database, WAL or anywhere as text.
    drop(l.raw());
    let bytes = std::fs::read(&l.db).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    for clear in [id, "36060219700101567X", "360602200901015678"] {
        assert!(!text.contains(clear), "{clear} stored in clear");
    }
}

#[test]
fn import_records_donations_and_disbursements_in_date_order() {
    let l = Ledger::new();
    let csv = write_csv(
        &l,
        "year.csv",
        &[
            // The aid is listed first but dated after the gift that pays for it.
            "2022-03-05,disbursement,王小明,student,助學,800.00,bank,B-2,春季助學金,",
            "2022-03-01,donation,李明,person,助学,1000.00,bank,B-1,,",
            "2022-03-02,donation,,anonymous,非限定,50,cash,C-1,,",
            "2022-03-03,donation,愛心人士,anonymous,unrestricted,25.5,wechat,W-1,,",
            "2022-03-04,donation,恒通科技有限公司,organization,扶貧,2000,alipay,A-1,,",
            "2022-03-06,disbursement,張家,household,poverty-relief,1500,alipay,A-2,,",
        ],
    );
    let summary = l.json(&["import", &csv]);
    assert_eq!(summary["donations"], 4);
    assert_eq!(summary["disbursements"], 2);
    assert_eq!(summary["donations_total"], "3075.50");
    assert_eq!(summary["disbursements_total"], "2300.00");
    assert_eq!(summary["new_donors"], 3);
    assert_eq!(summary["new_beneficiaries"], 2);
    assert_eq!(summary["first_receipt"], "2022-000001");
    assert_eq!(summary["last_receipt"], "2022-000004");
    let donors = l.json(&["donor", "list"]);
    assert_eq!(
        donors
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["type"] == "anonymous")
            .count(),
        1
    );
    let first = l.json(&["show", "1"]);
    assert_eq!(first["date"], "2022-03-01");
    assert_eq!(first["reference"], "B-1");
    let aid = l.json(&["show", "5"]);
    assert_eq!(aid["memo"], "春季助學金");
    let text = l.stdout(&["import", &csv]);
    assert!(text.contains("已全部導入"), "{text}");
    l.run(&["verify"]).success();
}

/// The schema's objects by name, in a stable order.
fn schema(l: &Ledger) -> Vec<(String, String)> {
    let conn = l.raw();
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_big_import_rebuilds_its_indexes_and_keeps_the_schema() {
    // An import bigger than the journal drops the per-row indexes and builds them at
    // the end; a refused one and a small one leave them alone.
    let l = Ledger::new();
    let fresh = schema(&l);
    let over = write_csv(
        &l,
        "over.csv",
        &[
            "2022-03-01,donation,李明,person,助學,100,bank,R1,,",
            "2022-03-02,disbursement,王小明,student,助學,160,bank,R2,,",
        ],
    );
    l.refused(&["--lang", "en", "import", &over]);
    assert_eq!(schema(&l), fresh);
    let lines: Vec<String> = (1..=300)
        .map(|i| format!("2022-03-01,donation,李明,person,助學,{i}.00,bank,B-{i},,"))
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let big = write_csv(&l, "big.csv", &refs);
    assert_eq!(l.json(&["import", &big])["donations"], 300);
    assert_eq!(schema(&l), fresh);
    let small = write_csv(
        &l,
        "small.csv",
        &["2022-03-02,donation,李明,person,助學,1,bank,B-301,,"],
    );
    assert_eq!(l.json(&["import", &small])["donations"], 1);
    assert_eq!(schema(&l), fresh);
    // The rebuilt indexes hold every row: integrity_check compares them with the
    // tables, and a known reference is still found.
    l.run(&["verify"]).success();
    assert_eq!(l.json(&["import", &big])["already_imported"], 300);
    let plan: String = l
        .raw()
        .query_row(
            "EXPLAIN QUERY PLAN SELECT id FROM entries WHERE reference = 'B-7'",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("entries_reference"), "{plan}");
}

#[test]
fn reimport_adds_nothing_and_a_changed_line_is_refused() {
    let l = Ledger::new();
    let csv = write_csv(
        &l,
        "a.csv",
        &["2022-03-01,donation,李明,person,助學,1000.00,bank,B-1,,"],
    );
    l.run(&["import", &csv]).success();
    let before = l.fingerprint();
    let again = l.json(&["import", &csv]);
    assert_eq!(again["already_imported"], 1);
    assert_eq!(again["donations"], 0);
    assert_eq!(l.json(&["verify"])["entries"], 1);
    let changed = write_csv(
        &l,
        "b.csv",
        &[
            "2022-03-01,donation,李明,person,助學,1000.01,bank,B-1,,",
            "2022-03-02,donation,李明,person,助學,5,bank,B-2,,",
        ],
    );
    let err = l.refused(&["--lang", "en", "import", &changed]);
    assert!(err.contains("line 2") && err.contains("B-1"), "{err}");
    assert_eq!(before, l.fingerprint());
    // A file that grew: only the new lines are added.
    let grown = write_csv(
        &l,
        "c.csv",
        &[
            "2022-03-01,donation,李明,person,助學,1000.00,bank,B-1,,",
            "2022-03-02,donation,李明,person,助學,5,bank,B-2,,",
        ],
    );
    let summary = l.json(&["import", &grown]);
    assert_eq!(
        (
            summary["donations"].as_i64(),
            summary["already_imported"].as_i64()
        ),
        (Some(1), Some(1))
    );
}

#[test]
fn five_bad_lines_are_all_reported_and_nothing_is_imported() {
    let l = Ledger::new();
    let before = l.fingerprint();
    let csv = write_csv(
        &l,
        "bad.csv",
        &[
            "2022-03-01,donation,李明,person,助學,1000.00,bank,R1,,",
            "2022-02-30,donation,李明,person,助學,10,bank,R2,,",
            "2022-03-02,donation,李明,person,助學,1,000.00,bank,R3,,",
            "2022-03-03,donation,李明,person,助學,10.005,bank,R4,,",
            "2022-03-04,gift,李明,person,助學,10,bank,R5,,",
            "2022-03-05,donation,李明,person,助學,10,bank,R1,,",
            "2022-03-06,disbursement,王小明,student,助學,10,cheque,R6,,",
            "2022-03-07,donation,李明,person,助學,20,bank,R7,,",
        ],
    );
    let out = l
        .run(&["--lang", "en", "import", &csv])
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (line, column) in [
        (3, "date"),
        (4, "-"),
        (5, "amount"),
        (6, "kind"),
        (7, "reference"),
        (8, "method"),
    ] {
        assert!(
            stderr.contains(&format!("line {line}, column {column}")),
            "line {line} {column}:\n{stderr}"
        );
    }
    assert!(stderr.contains("6 bad line"), "{stderr}");
    assert!(stderr.contains("\"R1\" is also on line 2"), "{stderr}");
    assert!(
        !stderr.contains("line 2,") && !stderr.contains("line 9,"),
        "{stderr}"
    );
    assert_eq!(before, l.fingerprint());
    let json: Value = serde_json::from_slice(
        &l.run(&["import", &csv, "--json"])
            .code(1)
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["bad_lines"], 6);
    assert_eq!(before, l.fingerprint());
}

#[test]
fn an_overspending_import_is_refused_whole() {
    let l = Ledger::new();
    let before = l.fingerprint();
    let csv = write_csv(
        &l,
        "over.csv",
        &[
            "2022-03-01,donation,李明,person,助學,100,bank,R1,,",
            "2022-03-02,disbursement,王小明,student,助學,60,bank,R2,,",
            "2022-03-03,disbursement,王小紅,student,助學,60,bank,R3,,",
            "2022-03-04,disbursement,張家,household,扶貧,1,bank,R4,,",
        ],
    );
    let err = l.refused(&["--lang", "en", "import", &csv]);
    assert!(err.contains("2 bad line"), "{err}");
    let out = l
        .run(&["--lang", "en", "import", &csv])
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&out);
    assert!(
        stderr.contains("line 4") && stderr.contains("40.00 is available"),
        "{stderr}"
    );
    assert!(stderr.contains("line 5"), "{stderr}");
    assert_eq!(before, l.fingerprint());
}

#[test]
fn header_problems_are_refused_with_the_column() {
    let l = Ledger::new();
    let path = l.dir.path().join("h.csv");
    std::fs::write(
        &path,
        "date,kind,counterparty,counterparty_type,program,amount,method,reference,colour\n",
    )
    .unwrap();
    assert!(
        l.refused(&["--lang", "en", "import", path.to_str().unwrap()])
            .contains("colour")
    );
    std::fs::write(
        &path,
        "date,kind,counterparty,program,amount,method,reference\n",
    )
    .unwrap();
    assert!(
        l.refused(&["--lang", "en", "import", path.to_str().unwrap()])
            .contains("counterparty_type")
    );
    assert!(
        l.refused(&["--lang", "en", "import", "/nonexistent.csv"])
            .contains("not a file")
    );
}

#[test]
fn gbk_and_bom_files_import() {
    let l = Ledger::new();
    let text = "date,kind,counterparty,counterparty_type,program,amount,method,reference\n\
                2022-03-01,donation,鷹潭恒通科技有限公司,organization,扶贫,2000.00,bank,G-1\n\
                2022-03-02,disbursement,张家,household,扶贫,500,bank,G-2\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    let path = l.dir.path().join("excel.csv");
    std::fs::write(&path, &gbk).unwrap();
    let summary = l.json(&["import", path.to_str().unwrap()]);
    assert_eq!(summary["encoding"], "GB18030");
    assert_eq!(summary["donations"], 1);
    let donors = l.json(&["donor", "list"]);
    assert_eq!(donors[0]["name"], "鷹潭恒通科技有限公司");
    let bom = l.dir.path().join("bom.csv");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(text.replace("G-", "U-").as_bytes());
    std::fs::write(&bom, bytes).unwrap();
    let summary = l.json(&["import", bom.to_str().unwrap(), "--encoding", "utf-8"]);
    assert_eq!(summary["donations"], 1);
    assert_eq!(
        l.json(&["donor", "list"]).as_array().unwrap().len(),
        1,
        "same donor matched by name"
    );
}

#[test]
fn dry_run_changes_nothing() {
    let l = Ledger::new();
    let csv = write_csv(
        &l,
        "a.csv",
        &["2022-03-01,donation,李明,person,助學,1000.00,bank,B-1,,"],
    );
    let before = l.fingerprint();
    let summary = l.json(&["import", &csv, "--dry-run"]);
    assert_eq!(summary["donations"], 1);
    assert_eq!(summary["dry_run"], true);
    assert_eq!(before, l.fingerprint());
    assert_eq!(l.json(&["verify"])["entries"], 0);
}

#[test]
fn the_bench_generator_imports_with_the_expected_balances() {
    let gen_script =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_ledger.py");
    if !gen_script.exists() {
        // The generator lives beside the repository (../shared), as it does in CI.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/bench"
        );
        eprintln!("skipped: {} is missing", gen_script.display());
        return;
    }
    let l = Ledger::new();
    let csv = l.dir.path().join("gen.csv");
    let status = std::process::Command::new("python3")
        .arg(&gen_script)
        .args(["-n", "2000", "--plain", "-f", "lovefund", "-o"])
        .arg(&csv)
        .status()
        .expect("python3 runs the bench generator");
    assert!(status.success());
    l.run(&["import", csv.to_str().unwrap()]).success();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(csv.with_extension("csv.expected.json")).unwrap(),
    )
    .unwrap();
    let tb = l.json(&["balance"]);
    let account = |code: &str| {
        tb["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(
        account("1002")["balance_debit"],
        expected["balances"]["Assets:Bank:ICBC"]
    );
    assert_eq!(
        account("1001")["balance_debit"],
        expected["balances"]["Assets:Cash"]
    );
    let funds = l.json(&["fund", "balances", "--from", "2018-01-01"]);
    assert_eq!(
        fund(&funds, "study-aid")["closing"],
        expected["funds"]["StudyAid"]
    );
    assert_eq!(
        fund(&funds, "poverty-relief")["closing"],
        expected["funds"]["PovertyRelief"]
    );
    assert_eq!(
        fund(&funds, "unrestricted")["closing"],
        expected["funds"]["Unrestricted"]
    );
    l.run(&["verify"]).success();
}

/// Regression: the csv crate numbers lines one short after blank lines and on CRLF
/// files (as Excel writes them); bad lines must be reported where an editor shows them.
#[test]
fn bad_lines_of_a_crlf_file_with_blank_lines_are_numbered_as_an_editor_shows() {
    let l = Ledger::new();
    let path = l.dir.path().join("excel.csv");
    std::fs::write(
        &path,
        "date,kind,counterparty,counterparty_type,program,amount,method,reference\r\n\
         2022-03-01,donation,A,person,助學,1,bank,X1\r\n\
         2022-03-01,donation,A,person,助學,1.005,bank,X2\r\n\
         \r\n\
         2022-03-01,donation,A,person,助學,1.005,bank,X3\r\n",
    )
    .unwrap();
    let out = l
        .run(&["--lang", "en", "import", path.to_str().unwrap()])
        .code(1)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8_lossy(&out);
    assert!(
        stderr.contains("line 3, column amount") && stderr.contains("line 5, column amount"),
        "{stderr}"
    );
}
