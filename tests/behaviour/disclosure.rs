//! `report disclosure --year Y` (issue 17 §3): what the fund publishes under the
//! 慈善组织信息公开办法. Beneficiaries and person donors are masked (张*), donors who
//! asked not to be named (`--no-publish`) never appear by name, and no identity
//! number, school or village is printed; every form (text, JSON, CSV, xlsx, PDF) is
//! the same grid.

use crate::common;

use common::Ledger;

fn run(l: &Ledger, args: &[&str]) {
    l.run(args).success();
}

/// Donors 王五五 (a person), 信达铜业 (an organisation), 赵六六 (asked not to be
/// named) and an anonymous gift; students 张小明 (id number ending 1234, school 鹰潭一中)
/// and household 欧阳家 (village 上清村); a gift held in trust for 张小明.
fn ledger_for_disclosure() -> Ledger {
    let l = Ledger::new();
    run(&l, &["donor", "add", "王五五"]);
    run(&l, &["donor", "add", "信达铜业", "--type", "organization"]);
    run(&l, &["donor", "add", "赵六六", "--no-publish"]);
    run(
        &l,
        &[
            "beneficiary",
            "add",
            "张小明",
            "--type",
            "student",
            "--school",
            "鹰潭一中",
            "--grade",
            "高二",
            "--id-number",
            "360602200801011234",
        ],
    );
    run(
        &l,
        &[
            "beneficiary",
            "add",
            "欧阳家",
            "--type",
            "household",
            "--village",
            "上清村",
        ],
    );
    for (donor, amount, fund, method) in [
        ("王五五", "1000", "非限定", "bank"),
        ("信达铜业", "20000", "扶贫", "bank"),
        ("赵六六", "500", "助学", "cash"),
        ("爱心人士", "88", "助学", "cash"),
    ] {
        run(
            &l,
            &[
                "donate",
                "--donor",
                donor,
                "--amount",
                amount,
                "--date",
                "2025-03-01",
                "--fund",
                fund,
                "--method",
                method,
            ],
        );
    }
    run(
        &l,
        &[
            "donate",
            "--donor",
            "王五五",
            "--amount",
            "3000",
            "--date",
            "2025-03-02",
            "--method",
            "bank",
            "--for",
            "张小明",
        ],
    );
    for (to, program, amount, method) in [
        ("张小明", "助学", "400", "cash"),
        ("欧阳家", "扶贫", "1500", "bank"),
    ] {
        run(
            &l,
            &[
                "disburse",
                "--to",
                to,
                "--program",
                program,
                "--amount",
                amount,
                "--date",
                "2025-04-01",
                "--method",
                method,
            ],
        );
    }
    run(
        &l,
        &[
            "disburse",
            "--to",
            "张小明",
            "--entrusted",
            "--amount",
            "3000",
            "--date",
            "2025-04-02",
            "--method",
            "bank",
        ],
    );
    l
}

/// Nothing in `text` names a person in full or gives away who they are.
fn assert_nobody_named(text: &str) {
    for hidden in [
        "张小明",
        "欧阳家",
        "王五五",
        "赵六六",
        "赵",
        "1234",
        "鹰潭一中",
        "上清村",
        "高二",
    ] {
        assert!(!text.contains(hidden), "{hidden} in {text}");
    }
}

#[test]
fn the_disclosure_masks_beneficiaries_and_omits_donors_who_asked_not_to_be_named() {
    let l = ledger_for_disclosure();
    let text = l.stdout(&[
        "--lang",
        "zh-Hans",
        "report",
        "disclosure",
        "--year",
        "2025",
    ]);
    assert_nobody_named(&text);
    for shown in [
        "2025 年度信息公开",
        "张** · 学生 · 助学",
        "欧** · 家庭 · 扶贫",
        "王**",
        "信达铜业",
        "爱心人士",
        "支出（按项目）  助学",
        "受托代理",
    ] {
        assert!(text.contains(shown), "no {shown} in {text}");
    }
    let zh_hant = l.stdout(&[
        "--lang",
        "zh-Hant",
        "report",
        "disclosure",
        "--year",
        "2025",
    ]);
    assert_nobody_named(&zh_hant);
    assert!(
        zh_hant.contains("年度信息公開") && zh_hant.contains("愛心人士"),
        "{zh_hant}"
    );
    let en = l.stdout(&["--lang", "en", "report", "disclosure", "--year", "2025"]);
    assert_nobody_named(&en);
    assert!(en.contains("Annual disclosure"), "{en}");
    let csv = l.stdout(&["report", "disclosure", "--year", "2025", "--csv"]);
    assert_nobody_named(&csv);
}

#[test]
fn the_disclosure_adds_up_with_the_statements() {
    let l = ledger_for_disclosure();
    let d = l.json(&["report", "disclosure", "--year", "2025"]);
    assert_nobody_named(&d.to_string());
    // Income: the 21,588 of donation revenue, the gift in trust not among it.
    assert_eq!(d["total_income"], "21588.00", "{d}");
    let sources: Vec<(String, String, i64)> = d["income_by_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["source"].as_str().unwrap().to_string(),
                s["amount"].as_str().unwrap().to_string(),
                s["donors"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        [
            ("person".into(), "1500.00".into(), 2),
            ("organization".into(), "20000.00".into(), 1),
            ("anonymous".into(), "88.00".into(), 1),
        ]
    );
    let activities = l.json(&["report", "activities", "--year", "2025"]);
    assert_eq!(d["total_income"], activities["total_revenue"]["total"]);
    assert_eq!(d["total_spending"], activities["total_costs"]["total"]);
    assert_eq!(d["students_aided"], 1);
    assert_eq!(d["households_aided"], 1);
    assert_eq!(d["entrusted_received"], "3000.00");
    assert_eq!(d["entrusted_paid"], "3000.00");
    let project = |name: &str| {
        d["projects"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["fund"] == name)
            .cloned()
            .unwrap()
    };
    let study = project("助學");
    assert_eq!(
        (&study["raised"], &study["disbursed"], &study["closing"]),
        (&"588.00".into(), &"400.00".into(), &"188.00".into())
    );
    // Donors: the organisation by name, the person masked, 赵六六 with the anonymous.
    let donors: Vec<(String, String)> = d["donors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["name"].as_str().unwrap().to_string(),
                x["amount"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        donors,
        [
            ("信达铜业".into(), "20000.00".into()),
            ("王**".into(), "1000.00".into()),
            ("愛心人士".into(), "588.00".into()),
        ]
    );
}

#[test]
fn the_disclosure_is_written_as_pdf_and_xlsx() {
    let l = ledger_for_disclosure();
    let dir = l.dir.path();
    for name in ["disclosure.pdf", "disclosure.xlsx", "disclosure.csv"] {
        let path = dir.join(name);
        let out = l.stdout(&[
            "--lang",
            "zh-Hans",
            "report",
            "disclosure",
            "--year",
            "2025",
            "--out",
            path.to_str().unwrap(),
        ]);
        assert!(out.contains("已写入"), "{out}");
        assert!(std::fs::metadata(&path).unwrap().len() > 0);
    }
    if let Some(text) = common::pdftotext(&dir.join("disclosure.pdf")) {
        assert!(text.contains("年度信息公开"), "{text}");
        assert!(text.contains("张**"), "{text}");
        assert_nobody_named(&text);
    }
    let csv = std::fs::read(dir.join("disclosure.csv")).unwrap();
    assert_nobody_named(&String::from_utf8_lossy(&csv));
}

fn disclosure_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--lang",
        "zh-Hans",
        "report",
        "disclosure",
        "--year",
        "2025",
    ];
    args.extend_from_slice(extra);
    args
}

/// Once published, a change is published only as a new version with its 更正说明;
/// the old version stays on record (chained), and the ledger still verifies.
#[test]
fn a_published_disclosure_changes_only_by_a_correction() {
    let l = ledger_for_disclosure();
    // Nothing published yet: nothing to correct.
    let stderr = l.refused(&disclosure_args(&["--publish", "--correction", "x"]));
    assert!(
        stderr.contains("--correction：2025 年度的信息公开还没有发布过"),
        "{stderr}"
    );
    let out = l.stdout(&disclosure_args(&["--publish"]));
    assert!(out.contains("[已发布：第 1 版]"), "{out}");
    // Publishing the same figures again records nothing.
    let before = l.fingerprint();
    l.run(&disclosure_args(&["--publish"])).success();
    assert_eq!(l.fingerprint(), before);
    // A gift recorded late changes the figures: the report says so, and publishing
    // them without a 更正说明 is refused, the ledger unchanged.
    l.run(&[
        "donate",
        "--donor",
        "信达铜业",
        "--amount",
        "100",
        "--date",
        "2025-06-01",
        "--method",
        "bank",
    ])
    .success();
    let out = l.stdout(&disclosure_args(&[]));
    assert!(
        out.contains("[已发布：第 1 版，之后数字已变，尚未发布更正]"),
        "{out}"
    );
    let before = l.fingerprint();
    let stderr = l.refused(&disclosure_args(&["--publish"]));
    assert!(
        stderr.contains("已于")
            && stderr.contains("发布为第 1 版，之后数字有了变化；请用 --correction"),
        "{stderr}"
    );
    assert_eq!(l.fingerprint(), before);
    let out = l.stdout(&disclosure_args(&[
        "--publish",
        "--correction",
        "补记6月1日信达铜业捐款100元",
    ]));
    assert!(out.contains("[已发布：第 2 版]"), "{out}");
    let d = l.json(&["report", "disclosure", "--year", "2025"]);
    assert_eq!(d["publication"]["version"], 2, "{d}");
    assert_eq!(d["publication"]["unchanged"], true, "{d}");
    assert_eq!(
        d["publication"]["corrections"][0]["note"],
        "补记6月1日信达铜业捐款100元"
    );
    let csv = l.stdout(&["report", "disclosure", "--year", "2025", "--csv"]);
    assert!(csv.contains("补记6月1日信达铜业捐款100元"), "{csv}");
    // Both versions are kept, as published.
    let versions: Vec<(i64, Option<String>)> = l
        .raw()
        .prepare("SELECT version, correction FROM publications ORDER BY version")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0], (1, None));
    // Nothing changed since version 2: a correction is refused.
    let stderr = l.refused(&disclosure_args(&["--publish", "--correction", "again"]));
    assert!(stderr.contains("与已发布的第 2 版相同"), "{stderr}");
    // --correction needs --publish; a read-only ledger publishes nothing.
    l.usage_error(&disclosure_args(&["--correction", "x"]));
    l.refused(&[
        "--read-only",
        "report",
        "disclosure",
        "--year",
        "2025",
        "--publish",
    ]);
    // A published version cannot be changed in place.
    let raw = l.raw();
    assert!(
        raw.execute(
            "UPDATE publications SET content = '{}' WHERE version = 1",
            []
        )
        .is_err()
    );
    drop(raw);
    l.run(&["verify"]).success();
}

/// A finished project's leftover money moved to the unrestricted fund is shown as
/// what it was used for: out of the project, into the other fund.
#[test]
fn the_leftover_of_a_finished_project_is_shown_where_it_went() {
    let l = Ledger::new();
    run(&l, &["donor", "add", "某公司", "--type", "organization"]);
    run(
        &l,
        &[
            "donate",
            "--donor",
            "某公司",
            "--amount",
            "1000",
            "--date",
            "2022-03-01",
            "--method",
            "bank",
            "--fund",
            "助學",
        ],
    );
    run(
        &l,
        &[
            "entry",
            "add",
            "--date",
            "2022-12-01",
            "--memo",
            "助学项目结束，结余转入非限定",
            "--posting",
            "1002@助學=-300",
            "--posting",
            "1002@非限定=300",
            "--posting",
            "3102@助學=300",
            "--posting",
            "3101@非限定=-300",
        ],
    );
    let json = l.json(&["report", "disclosure", "--year", "2022"]);
    let projects = json["projects"].as_array().unwrap();
    let moved = |fund: &str| {
        projects
            .iter()
            .find(|p| p["fund"] == fund)
            .map(|p| p["transfers"].as_str().unwrap().to_string())
    };
    assert_eq!(moved("助學").as_deref(), Some("-300.00"), "{json}");
    assert_eq!(moved("非限定").as_deref(), Some("300.00"), "{json}");
    let text = l.stdout(&[
        "--lang",
        "zh-Hans",
        "report",
        "disclosure",
        "--year",
        "2022",
    ]);
    let line = text
        .lines()
        .find(|l| l.starts_with("结余资金转入转出") && l.contains("助学"))
        .expect("the leftover row");
    assert!(line.contains("300.00"), "{text}");
}
