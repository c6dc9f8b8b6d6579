//! Dates (issue 14, item 11): a typo like 2922-03-01 was accepted and could then never
//! be reversed (a reversal may not precede its original). Now every entry dated more
//! than `dates.future-days-max` days (default 31) after today is refused — donations,
//! aid, manual entries, import lines, reversals — while a reversal may share its
//! original's date; `config get|set` reads and changes the limit, each change a
//! record of its own.

use crate::common::Ledger;
use chrono::{Duration, Local, NaiveDate};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn ahead(days: i64) -> String {
    (today() + Duration::days(days)).to_string()
}

fn with_donor() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "張三"]).success();
    l.run(&[
        "beneficiary",
        "add",
        "王小明",
        "--type",
        "student",
        "--school",
        "一中",
        "--grade",
        "高一",
    ])
    .success();
    l
}

fn donate_on(l: &Ledger, date: &str) -> assert_cmd::assert::Assert {
    l.run(&[
        "--lang", "en", "donate", "--donor", "張三", "--amount", "500", "--date", date, "--method",
        "bank",
    ])
}

#[test]
fn every_way_of_writing_an_entry_refuses_a_date_past_the_limit() {
    let l = with_donor();
    // 31 days ahead is the last day allowed.
    donate_on(&l, &ahead(31)).success();
    let before = l.fingerprint();
    let err = String::from_utf8(
        donate_on(&l, "2922-03-01")
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(
        err.contains("--date 2922-03-01 is more than 31 days after today")
            && err.contains("check the year"),
        "{err}"
    );
    donate_on(&l, &ahead(32)).code(1);
    let refusals: [&[&str]; 2] = [
        &[
            "disburse",
            "--to",
            "王小明",
            "--amount",
            "1",
            "--date",
            "2922-03-01",
            "--program",
            "助學",
            "--method",
            "bank",
        ],
        &[
            "entry",
            "add",
            "--date",
            "2922-03-01",
            "--memo",
            "typo",
            "--posting",
            "1002=1.00",
            "--posting",
            "4101=-1.00",
        ],
    ];
    for args in refusals {
        let err = l.refused(&[&["--lang", "en"], args].concat());
        assert!(
            err.contains("2922-03-01 is more than 31 days"),
            "{args:?}: {err}"
        );
    }
    let file = l.dir.path().join("typo.csv");
    std::fs::write(
        &file,
        "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n\
         2022-03-01,donation,李四,person,助學,10.00,bank,T-1,\n\
         2922-03-02,donation,李四,person,助學,10.00,bank,T-2,\n",
    )
    .unwrap();
    let err = l.refused(&["--lang", "en", "import", file.to_str().unwrap()]);
    assert!(
        err.contains("line 3, column date") && err.contains("2922-03-02 is more than 31 days"),
        "{err}"
    );
    assert_eq!(l.fingerprint(), before, "a refused date changed the ledger");
}

#[test]
fn a_reversal_may_share_its_originals_date_however_far_ahead() {
    let l = with_donor();
    // Recorded while a wider limit was set (or by an older version).
    l.run(&["config", "set", "dates.future-days-max", "3660"])
        .success();
    let far = ahead(1000);
    donate_on(&l, &far).success();
    l.run(&["config", "set", "dates.future-days-max", "31"])
        .success();
    // Not after it, beyond the limit…
    let later = ahead(1001);
    let err = l.refused(&[
        "--lang", "en", "reverse", "1", "--reason", "typo", "--date", &later,
    ]);
    assert!(err.contains("is more than 31 days after today"), "{err}");
    // … but on its very date.
    l.run(&["reverse", "1", "--reason", "typo", "--date", &far])
        .success();
    // And a reversal dated the same day as an ordinary original.
    donate_on(&l, "2022-03-01").success();
    l.run(&["reverse", "3", "--reason", "twice", "--date", "2022-03-01"])
        .success();
    l.run(&["verify"]).success();
}

#[test]
fn config_reads_and_records_each_change() {
    let l = Ledger::new();
    let all = l.json(&["config", "get"]);
    assert_eq!(all[0]["key"], "dates.future-days-max");
    assert_eq!(all[0]["value"], "31");
    assert_eq!(all[0]["is_default"], true);
    let text = l.stdout(&["--lang", "zh-Hans", "config", "get"]);
    assert!(
        text.contains("dates.future-days-max = 31 (默认值)") && text.contains("分录日期"),
        "{text}"
    );
    let set = l.json(&["config", "set", "dates.future-days-max", "7"]);
    assert_eq!(set["value"], "7");
    assert_eq!(set["set_by"], "tester");
    l.run(&["config", "set", "dates.future-days-max", "10"])
        .success();
    // Setting the value in force again records nothing.
    l.run(&["config", "set", "dates.future-days-max", "10"])
        .success();
    let got = l.json(&["config", "get", "dates.future-days-max"]);
    assert_eq!(got[0]["value"], "10");
    let rows: i64 = l
        .raw()
        .query_row("SELECT count(*) FROM settings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 2, "each change is a row of its own");
    donate_on(&l, &ahead(11)).code(1);
    let before = l.fingerprint();
    for (args, expected) in [
        (
            &["config", "set", "dates.future", "1"][..],
            "KEY \"dates.future\" is not a setting; the settings are: dates.future-days-max",
        ),
        (
            &["config", "set", "dates.future-days-max", "-3"],
            "VALUE \"-3\" for dates.future-days-max is not a number of days from 0 to 3660",
        ),
        (
            &["config", "get", "nothing"],
            "KEY \"nothing\" is not a setting",
        ),
        (
            &["--read-only", "config", "set", "dates.future-days-max", "5"],
            "--read-only",
        ),
    ] {
        let err = l.refused(&[&["--lang", "en"], args].concat());
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(l.fingerprint(), before);
    // Each change is in the hash chain: a value changed behind lovefund's back fails
    // `verify`.
    l.run(&["verify"]).success();
    l.raw()
        .execute_batch(
            "DROP TRIGGER settings_no_update;
             UPDATE settings SET value = '3660' WHERE id = 2;",
        )
        .unwrap();
    let err = l.refused(&["--lang", "en", "verify"]);
    assert!(err.contains("settings"), "{err}");
}
