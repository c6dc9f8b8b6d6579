//! Black-box tests of the annual summary (issue 6): every JSON field on a ledger whose
//! totals the test works out itself.

use crate::common;

use common::Ledger;

fn donate(l: &Ledger, donor: &str, amount: &str, date: &str, fund: &str, method: &str) -> i64 {
    l.json(&[
        "donate", "--donor", donor, "--amount", amount, "--date", date, "--fund", fund, "--method",
        method,
    ])["entry"]
        .as_i64()
        .unwrap()
}

fn disburse(l: &Ledger, to: &str, amount: &str, date: &str, program: &str) -> i64 {
    l.json(&[
        "disburse",
        "--to",
        to,
        "--amount",
        amount,
        "--date",
        date,
        "--program",
        program,
        "--method",
        "bank",
    ])["entry"]
        .as_i64()
        .unwrap()
}

/// 2021: 1,000 in; 2022: gifts from three donors (one reversed), aid to two students
/// (one paid twice) and a household, a bank fee.
fn year_ledger() -> Ledger {
    let l = Ledger::new();
    for (name, kind) in [
        ("李明", "person"),
        ("恒通科技", "organization"),
        ("王芳", "person"),
    ] {
        l.run(&["donor", "add", name, "--type", kind]).success();
    }
    l.run(&["beneficiary", "add", "王小明", "--type", "student"])
        .success();
    l.run(&["beneficiary", "add", "劉小紅", "--type", "student"])
        .success();
    l.run(&["beneficiary", "add", "張家", "--type", "household"])
        .success();
    donate(&l, "李明", "1000.00", "2021-12-20", "助學", "bank");
    donate(&l, "李明", "5000.00", "2022-01-10", "助學", "bank");
    donate(&l, "恒通科技", "20000.00", "2022-02-01", "扶貧", "bank");
    donate(&l, "愛心人士", "300.00", "2022-02-03", "幫困", "cash");
    let mistake = donate(&l, "王芳", "888.00", "2022-03-01", "非限定", "wechat");
    l.run(&[
        "reverse",
        &mistake.to_string(),
        "--reason",
        "重複錄入",
        "--date",
        "2022-03-02",
    ])
    .success();
    disburse(&l, "王小明", "1500.00", "2022-03-10", "助學");
    disburse(&l, "王小明", "1500.00", "2022-09-10", "助學");
    disburse(&l, "劉小紅", "1200.00", "2022-09-10", "study-aid");
    disburse(&l, "張家", "8000.00", "2022-05-01", "扶貧");
    l.run(&[
        "entry",
        "add",
        "--date",
        "2022-06-30",
        "--memo",
        "手續費",
        "--posting",
        "5201@助學=12.00",
        "--posting",
        "1002@助學=-12.00",
    ])
    .success();
    l
}

#[test]
fn every_summary_field_matches_the_ledger() {
    let l = year_ledger();
    let s = l.json(&["summary", "--year", "2022"]);
    assert_eq!(s["year"], 2022);
    assert_eq!(s["opening_balance"], "1000.00");
    // 5,000 + 20,000 + 300 (the 888 gift was reversed within the year)
    assert_eq!(s["raised"], "25300.00");
    assert_eq!(s["donations_count"], 3);
    assert_eq!(s["donors_count"], 3);
    // program costs only (5101): 1,500 + 1,500 + 1,200 + 8,000; the bank fee is not aid
    assert_eq!(s["disbursed"], "12200.00");
    assert_eq!(s["disbursements_count"], 4);
    assert_eq!(s["students_aided"], 2, "a student paid twice counts once");
    assert_eq!(s["households_aided"], 1);
    // 1,000 + 25,300 − 12,200 − 12
    assert_eq!(s["closing_balance"], "14088.00");
    let program = |alias: &str| {
        s["by_program"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["program"] == alias)
            .unwrap()
            .clone()
    };
    assert_eq!(program("study-aid")["raised"], "5000.00");
    assert_eq!(program("study-aid")["disbursed"], "4200.00");
    assert_eq!(program("study-aid")["name"], "助學");
    assert_eq!(program("poverty-relief")["disbursed"], "8000.00");
    assert_eq!(program("hardship")["raised"], "300.00");
    assert_eq!(program("unrestricted")["raised"], "0.00");
    let fingerprint = l.json(&["verify"])["fingerprint"].clone();
    assert_eq!(s["fingerprint"], fingerprint);
    let months = s["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    assert_eq!(months[4]["money_out"], "8000.00");
    assert_eq!(months[3]["money_in"], "0.00");
    let english = l.json(&["summary", "--year", "2022", "--lang", "en"]);
    assert_eq!(english["by_program"][1]["name"], "Study aid");
    let text = l.stdout(&["summary", "--year", "2022"]);
    assert!(
        text.contains("25,300.00") && text.contains("貧困學生 2 名、貧困戶 1 戶"),
        "{text}"
    );
}

#[test]
fn a_reversed_donation_leaves_raised_unchanged_and_closed_years_never_change() {
    let l = year_ledger();
    let before = l.json(&["summary", "--year", "2022"]);
    let gift = donate(&l, "李明", "777.00", "2022-11-11", "助學", "bank");
    l.run(&[
        "reverse",
        &gift.to_string(),
        "--reason",
        "退回",
        "--date",
        "2022-11-12",
    ])
    .success();
    let after = l.json(&["summary", "--year", "2022"]);
    for field in [
        "raised",
        "donations_count",
        "donors_count",
        "closing_balance",
    ] {
        assert_eq!(before[field], after[field], "{field}");
    }
    l.run(&["close", "--year", "2021"]).success();
    l.run(&["close", "--year", "2022"]).success();
    let closed = l.json(&["summary", "--year", "2022"]);
    for field in [
        "raised",
        "disbursed",
        "donations_count",
        "students_aided",
        "closing_balance",
    ] {
        assert_eq!(after[field], closed[field], "closing changed {field}");
    }
    // A 2022 gift reversed in 2023 stays in 2022 and counts against 2023.
    let late = l.json(&["summary", "--year", "2022"]);
    let first = 1;
    l.run(&[
        "reverse",
        &first.to_string(),
        "--reason",
        "late",
        "--date",
        "2023-01-05",
    ])
    .success();
    assert_eq!(
        late["raised"],
        l.json(&["summary", "--year", "2022"])["raised"]
    );
    assert_eq!(l.json(&["summary", "--year", "2023"])["raised"], "-1000.00");
}

#[test]
fn an_empty_year_has_zero_figures() {
    let l = year_ledger();
    let s = l.json(&["summary", "--year", "2030"]);
    assert_eq!(s["raised"], "0.00");
    assert_eq!(s["students_aided"], 0);
    assert_eq!(s["opening_balance"], s["closing_balance"]);
    assert!(
        l.refused(&["--lang", "en", "summary", "--year", "99999"])
            .contains("--year")
    );
}

#[test]
fn the_year_reports_agree_with_the_summary() {
    let l = year_ledger();
    l.run(&[
        "beneficiary",
        "add",
        "陳小華",
        "--type",
        "student",
        "--school",
        "鷹潭一中",
        "--grade",
        "高二",
        "--id-number",
        "360602200901019999",
    ])
    .success();
    disburse(&l, "陳小華", "500.00", "2022-10-01", "助學");
    let summary = l.json(&["summary", "--year", "2022"]);
    let funds = l.json(&["report", "funds", "--year", "2022"]);
    assert_eq!(funds["total"]["raised"], summary["raised"]);
    let donors = l.json(&["report", "donors", "--year", "2022"]);
    assert_eq!(donors["total"], summary["raised"]);
    assert_eq!(donors["count"], summary["donations_count"]);
    let anonymous = donors["donors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["type"] == "anonymous")
        .unwrap()
        .clone();
    assert_eq!(anonymous["name"], "愛心人士");
    assert_eq!(anonymous["total"], "300.00");
    let wang = donors["donors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "王芳")
        .unwrap()
        .clone();
    assert_eq!(
        (wang["count"].as_i64(), wang["total"].as_str()),
        (Some(0), Some("0.00")),
        "a reversed gift nets to zero"
    );
    let aided = l.json(&["report", "beneficiaries", "--year", "2022"]);
    let study = aided["programs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["account"] == "5101.01")
        .unwrap()
        .clone();
    assert_eq!(study["students"], 3);
    assert_eq!(study["amount"], "4700.00");
    let chen = study["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "陳小華")
        .unwrap()
        .clone();
    assert_eq!(
        (chen["school"].as_str(), chen["grade"].as_str()),
        (Some("鷹潭一中"), Some("高二"))
    );
    let text = l.stdout(&["report", "beneficiaries", "--year", "2022", "--json"]);
    assert!(
        !text.contains("9999") && !text.contains("id_number"),
        "no identity numbers in the public report"
    );
    let csv = l.stdout(&["report", "donors", "--year", "2022", "--csv"]);
    assert!(csv.lines().next().unwrap().contains(','), "{csv}");
    assert!(csv.contains("愛心人士,1,300.00"), "{csv}");
}

#[test]
fn balance_sheet_balances_and_activities_release_restricted_money() {
    let l = year_ledger();
    let sheet = l.json(&["report", "balance-sheet", "--as-of", "2022-12-31"]);
    assert_eq!(sheet["balanced"], true);
    assert_eq!(sheet["total_assets"], "14088.00");
    // Restricted: 助學 1,000 + 5,000 − 4,200 − 12 (its bank fee); 扶貧 20,000 − 8,000; 幫困 300.
    assert_eq!(sheet["restricted_net_assets"], "14088.00");
    assert_eq!(sheet["unrestricted_net_assets"], "0.00");
    let activities = l.json(&["report", "activities", "--year", "2022"]);
    assert_eq!(activities["total_revenue"]["restricted"], "25300.00");
    assert_eq!(activities["total_costs"]["unrestricted"], "12212.00");
    assert_eq!(activities["release"]["unrestricted"], "12212.00");
    assert_eq!(activities["release"]["restricted"], "-12212.00");
    assert_eq!(activities["change_in_net_assets"]["total"], "13088.00");
    // The statements do not change when the year is closed.
    l.run(&["close", "--year", "2021"]).success();
    l.run(&["close", "--year", "2022"]).success();
    assert_eq!(
        l.json(&["report", "activities", "--year", "2022"]),
        activities
    );
    let closed = l.json(&["report", "balance-sheet", "--as-of", "2022-12-31"]);
    assert_eq!(
        closed["restricted_net_assets"],
        sheet["restricted_net_assets"]
    );
    let tb = l.json(&["balance", "--as-of", "2022-12-31"]);
    let credit = |code: &str| {
        tb["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["code"] == code)
            .unwrap()["balance_credit"]
            .clone()
    };
    assert_eq!(
        credit("3102"),
        closed["restricted_net_assets"],
        "net assets after close equal the fund balances"
    );
    let csv = l.stdout(&["report", "activities", "--year", "2022", "--csv"]);
    assert!(csv.contains("12212.00"), "{csv}");
}

#[test]
fn the_summary_pdf_holds_the_headline_figures() {
    let l = year_ledger();
    for n in 0..8 {
        l.run(&["fund", "add", &format!("專項基金{n}"), "--restricted"])
            .success();
    }
    let pdf = l.dir.path().join("summary.pdf");
    let text = l.stdout(&["summary", "--year", "2022", "--pdf", pdf.to_str().unwrap()]);
    assert!(text.contains("summary.pdf"), "{text}");
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-") && bytes.len() < 200 * 1024);
    let Some(extracted) = common::pdftotext(&pdf) else {
        return;
    };
    for expected in [
        "測試愛心基金",
        "2022",
        "¥25,300.00",
        "¥12,200.00",
        "貧困學生 2 名、貧困戶 1 戶",
        "其他基金",
    ] {
        assert!(
            extracted.contains(expected),
            "{expected} missing:\n{extracted}"
        );
    }
    let fingerprint = l.json(&["verify"])["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        extracted.contains(&fingerprint),
        "fingerprint missing:\n{extracted}"
    );
    let en = l.dir.path().join("summary-en.pdf");
    l.run(&[
        "summary",
        "--year",
        "2022",
        "--pdf",
        en.to_str().unwrap(),
        "--lang",
        "en",
    ])
    .success();
    let english = common::pdftotext(&en).unwrap();
    assert!(
        english.contains("students") && english.contains("¥25,300.00"),
        "{english}"
    );
}

#[test]
fn a_donor_statement_lists_the_years_gifts_with_receipt_numbers() {
    let l = year_ledger();
    let statement = l.json(&["report", "donors", "--year", "2022", "--statement", "李明"]);
    assert_eq!(statement["donor"], "李明");
    let gifts = statement["gifts"].as_array().unwrap();
    assert_eq!(gifts.len(), 1, "the 2021 gift belongs to 2021");
    assert_eq!(gifts[0]["receipt"], "2022-000001");
    assert_eq!(gifts[0]["amount"], "5000.00");
    assert_eq!(statement["total"], "5000.00");
    let text = l.stdout(&["report", "donors", "--year", "2022", "--statement", "1"]);
    assert!(
        text.contains("2022-000001") && text.contains("5,000.00") && text.contains("銀行轉賬"),
        "{text}"
    );
    assert!(
        l.refused(&[
            "--lang",
            "en",
            "report",
            "donors",
            "--year",
            "2022",
            "--statement",
            "無此人"
        ])
        .contains("--statement")
    );
}

#[test]
fn a_donor_statement_pdf_lists_every_gift() {
    let l = year_ledger();
    for day in 1..=40 {
        donate(
            &l,
            "李明",
            "10.00",
            &format!("2022-07-{:02}", day % 28 + 1),
            "助學",
            "cash",
        );
    }
    let pdf = l.dir.path().join("li.pdf");
    l.run(&[
        "report",
        "donors",
        "--year",
        "2022",
        "--statement",
        "李明",
        "--pdf",
        pdf.to_str().unwrap(),
    ])
    .success();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let Some(text) = common::pdftotext(&pdf) else {
        return;
    };
    let statement = l.json(&["report", "donors", "--year", "2022", "--statement", "李明"]);
    for gift in statement["gifts"].as_array().unwrap() {
        let receipt = gift["receipt"].as_str().unwrap();
        assert!(text.contains(receipt), "{receipt} missing");
    }
    assert!(
        text.contains("李明") && text.contains("¥5,400.00"),
        "{text}"
    );
    assert!(
        l.run(&["report", "donors", "--year", "2022", "--pdf", "x.pdf"])
            .get_output()
            .status
            .code()
            == Some(2)
    );
}

/// The monthly table is what the headline counts: the months of `raised` and
/// `disbursed` add up to them (cash in and out, transfers left out, is a table of its
/// own); a year not closed is preliminary; the notice is dated --date.
#[test]
fn the_months_add_up_to_the_headline_and_an_open_year_is_preliminary() {
    let l = crate::common::demo_ledger();
    let s = l.json(&["summary", "--year", "2022"]);
    let fen = |v: &serde_json::Value| v.as_str().unwrap().replace('.', "").parse::<i64>().unwrap();
    let months = s["months"].as_array().unwrap();
    let sum = |key: &str| months.iter().map(|m| fen(&m[key])).sum::<i64>();
    assert_eq!(sum("raised"), fen(&s["raised"]));
    assert_eq!(sum("disbursed"), fen(&s["disbursed"]));
    assert_eq!(
        sum("money_in") - sum("money_out"),
        fen(&s["closing_balance"]) - fen(&s["opening_balance"])
    );
    // The demo closes its year.
    assert_eq!(s["preliminary"], false);
    let text = l.stdout(&["--lang", "zh-Hans", "summary", "--year", "2022"]);
    assert!(
        !text.contains("（初步") && text.contains("每月筹集与支出"),
        "{text}"
    );
    let open = crate::common::Ledger::new();
    open.donate("2022-03-01", "100");
    let text = open.stdout(&["--lang", "zh-Hans", "summary", "--year", "2022"]);
    assert!(text.contains("（初步，本年尚未结账）"), "{text}");
    let pdf = l.dir.path().join("s.pdf");
    l.run(&[
        "--lang",
        "zh-Hans",
        "summary",
        "--year",
        "2022",
        "--pdf",
        pdf.to_str().unwrap(),
        "--date",
        "2023-01-15",
    ])
    .success();
    if let Some(text) = crate::common::pdftotext(&pdf) {
        assert!(text.contains("2023年1月15日"), "{text}");
    }
    open.run(&["close", "--year", "2022"]).success();
    assert_eq!(
        open.json(&["summary", "--year", "2022"])["preliminary"],
        false
    );
}
