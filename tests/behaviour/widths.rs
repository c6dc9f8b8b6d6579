//! Tables fit the terminal (issue 15, §1): in `$COLUMNS` columns (80 and 60 here) no
//! line of `verify`, `register`, `donor list`, `fund balances` or `receipt list` is wider, by display
//! width (a CJK character counts 2), and every amount is printed whole. The one line
//! exempt is verify's fingerprint: 64 hex digits are never cut either.

use crate::common::Ledger;
use unicode_width::UnicodeWidthStr;

const LONG_NAME: &str = "鷹潭恒通科技有限公司鷹潭恒通科技有限公司鷹潭恒通科技有限公司";
const LONG_MEMO: &str = "一段很長很長的備註，說明這筆捐款的來由、用途和經手人，一段很長很長的備註";

fn ledger() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", LONG_NAME, "--type", "organization"])
        .success();
    for (date, amount) in [("2022-03-01", "9999999999.99"), ("2022-04-01", "123.45")] {
        l.run(&[
            "donate", "--donor", LONG_NAME, "--amount", amount, "--date", date, "--method", "bank",
            "--fund", "助學", "--memo", LONG_MEMO,
        ])
        .success();
    }
    l
}

#[test]
fn tables_fit_80_and_60_columns_and_amounts_stay_whole() {
    let l = ledger();
    let commands: [&[&str]; 5] = [
        &["verify"],
        &["register", "--account", "1002"],
        &["donor", "list"],
        &["fund", "balances"],
        &["receipt", "list"],
    ];
    let mut failures = Vec::new();
    for columns in ["80", "60"] {
        let limit: usize = columns.parse().unwrap();
        for lang in ["zh-Hans", "zh-Hant", "en"] {
            for command in commands {
                let out = l
                    .cmd()
                    .env("COLUMNS", columns)
                    .args(command)
                    .args(["--lang", lang])
                    .assert()
                    .success();
                let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
                let what = format!(
                    "COLUMNS={columns} lovefund {} --lang {lang}",
                    command.join(" ")
                );
                for line in text.lines() {
                    let last = line.split_whitespace().last().unwrap_or_default();
                    let fingerprint =
                        last.len() == 64 && last.bytes().all(|b| b.is_ascii_hexdigit());
                    if line.width() > limit && !fingerprint {
                        failures.push(format!("{what}: {} wide: {line:?}", line.width()));
                    }
                }
                let amounts: &[&str] = match command[0] {
                    "verify" => &[],
                    "register" => &["9,999,999,999.99", "10,000,000,123.44"],
                    "receipt" => &["9,999,999,999.99", "123.45"],
                    _ => &["10,000,000,123.44"],
                };
                for amount in amounts {
                    if !text.contains(amount) {
                        failures.push(format!("{what}: {amount} is not whole:\n{text}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_wide_terminal_keeps_one_line_per_row() {
    let l = ledger();
    let out = l
        .cmd()
        .env("COLUMNS", "200")
        .args(["fund", "balances", "--lang", "en"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("Study aid"))
        .unwrap_or_else(|| panic!("no study-aid row:\n{text}"));
    assert!(row.contains("10,000,000,123.44"), "{text}");
}
