//! `export`: hledger, ledger-cli and beancount read what lovefund writes and report
//! the same balances, to the fen, as `balance --json`; the import CSV round-trips
//! into a new ledger; the CSV and JSON hold every posting; bad options are refused.
//!
//! The interop tests run on one generated ledger of more than 10,000 entries (a
//! deterministic import CSV made here, reversals, a closed year, a user-added
//! account), built once per test binary and copied for each test. The outside
//! programs are skipped where missing unless LOVEFUND_TEST_TOOLS=1 (CI), where a
//! missing program fails the test.

use crate::common;

use common::{Ledger, tools_required};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Lines of the generated import CSV (each one entry).
const GENERATED_LINES: usize = 10_400;
/// Every fund and payment method keeps at least this much (fen) once it pays out,
/// so the reversals below can never overspend.
const RESERVE_FEN: i64 = 10_000_000;
const FUNDS: [&str; 4] = ["非限定", "助學", "扶貧", "幫困"];
const METHODS: [&str; 4] = ["bank", "cash", "wechat", "alipay"];
const TRICKY_MEMOS: [&str; 5] = [
    "含;分號的備註",
    "He said \"thanks\"",
    "a, b and c",
    "back\\slash # ^link",
    "",
];

/// A small deterministic generator (PCG-style LCG), so the ledger is the same on every run.
struct Random(u64);

impl Random {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The import CSV and the entries to reverse with the date of their reversal (entry
/// id = line index + 1 in a fresh ledger): per year 12 small donations and 2
/// disbursements, reversed on 31 December.
fn generate_csv() -> (String, Vec<(usize, &'static str)>) {
    let mut random = Random(20_220_101);
    let start = chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap();
    let mut fund_fen = [0i64; 4];
    let mut method_fen = [0i64; 4];
    let mut reversals = Vec::new();
    let mut reversed_per_year = HashMap::<(i32, &str), usize>::new();
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record([
        "date",
        "kind",
        "counterparty",
        "counterparty_type",
        "program",
        "amount",
        "method",
        "reference",
        "memo",
        "counterparty_id",
    ])
    .unwrap();
    for i in 0..GENERATED_LINES {
        let date = start + chrono::Days::new((i * 730 / GENERATED_LINES) as u64);
        let method = random.next(10) as usize % 4;
        let fund = random.next(4) as usize;
        let payment = random.next(800_000) as i64 + 1;
        let can_pay = fund > 0
            && fund_fen[fund] - payment >= RESERVE_FEN
            && method_fen[method] - payment >= RESERVE_FEN;
        let (kind, name, party_type, amount, id) = if can_pay && random.next(10) < 4 {
            let (name, party_type) = if fund == 1 {
                (format!("學生{}", random.next(400)), "student")
            } else {
                (format!("家庭{}", random.next(300)), "household")
            };
            ("disbursement", name, party_type, -payment, String::new())
        } else {
            let gift = random.next(5_000_000) as i64 + 100;
            let donor = random.next(400);
            let (name, party_type, id) = match donor {
                0..=9 => (
                    format!("委員{donor}"),
                    "person",
                    format!("3606021990010{donor:05}"),
                ),
                10..=49 => (format!("公司{donor}"), "organization", String::new()),
                50..=69 => ("愛心人士".to_string(), "anonymous", String::new()),
                _ => (format!("捐贈人{donor}"), "person", String::new()),
            };
            ("donation", name, party_type, gift, id)
        };
        fund_fen[fund] += amount;
        method_fen[method] += amount;
        let year = chrono::Datelike::year(&date);
        let reversed = reversed_per_year.entry((year, kind)).or_default();
        let wanted = match kind {
            "donation" => *reversed < 12 && amount <= 100_000 && i > 100,
            _ => *reversed < 2 && i % 50 == 0,
        };
        if wanted {
            *reversed += 1;
            let on = if year == 2022 {
                "2022-12-31"
            } else {
                "2023-12-31"
            };
            reversals.push((i + 1, on));
        }
        let memo = if i % 97 == 5 {
            TRICKY_MEMOS[i / 97 % TRICKY_MEMOS.len()].to_string()
        } else {
            format!("第{i}筆")
        };
        let record = [
            date.to_string(),
            kind.to_string(),
            name,
            party_type.to_string(),
            FUNDS[fund].to_string(),
            yuan(amount.abs()),
            METHODS[method].to_string(),
            format!("GEN-{i:06}"),
            memo,
            id,
        ];
        csv.write_record(&record).unwrap();
    }
    (
        String::from_utf8(csv.into_inner().unwrap()).unwrap(),
        reversals,
    )
}

/// The generated ledger, built once: import, reversals in both years, a user-added
/// account with a manual entry, a donation and a disbursement without reference, and
/// 2022 closed. Returns the directory holding `fund.db` and `generated.csv`.
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("interop-template");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let ledger = Ledger {
            dir: tempfile::tempdir().unwrap(),
            db: dir.join("fund.db"),
        };
        ledger.run(&["init", "--name", "測試愛心基金"]).success();
        let (csv, reversals) = generate_csv();
        let csv_path = dir.join("generated.csv");
        std::fs::write(&csv_path, csv).unwrap();
        ledger
            .run(&["import", csv_path.to_str().unwrap()])
            .success();
        for (id, date) in &reversals {
            let id = id.to_string();
            ledger
                .run(&["reverse", &id, "--reason", "重複錄入", "--date", date])
                .success();
        }
        for args in user_additions() {
            ledger.run(&args).success();
        }
        ledger.run(&["close", "--year", "2022"]).success();
        ledger
            .run(&["beneficiary", "add", "王小明", "--type", "student"])
            .success();
        for args in after_close() {
            ledger.run(&args).success();
        }
        dir
    })
}

/// What the template adds by hand besides the import (also replayed in the round trip).
fn user_additions() -> Vec<Vec<&'static str>> {
    vec![
        vec!["account", "add", "5101.04", "獎學金", "--type", "expense"],
        vec!["account", "add", "1003", "零用金", "--type", "asset"],
    ]
}

fn after_close() -> Vec<Vec<&'static str>> {
    vec![
        vec![
            "entry",
            "add",
            "--date",
            "2023-06-30",
            "--memo",
            "獎學金發放",
            "--posting",
            "5101.04=1000.00",
            "--posting",
            "1002=-1000.00",
        ],
        vec![
            "donate",
            "--donor",
            "anonymous",
            "--amount",
            "888.88",
            "--date",
            "2023-03-01",
            "--fund",
            "助學",
            "--method",
            "cash",
        ],
        vec![
            "disburse",
            "--to",
            "王小明",
            "--amount",
            "500.00",
            "--date",
            "2023-03-02",
            "--program",
            "助學",
            "--method",
            "cash",
        ],
    ]
}

/// A copy of the generated ledger in a fresh temp directory.
fn generated() -> Ledger {
    let template = template();
    let ledger = Ledger::empty();
    for name in ["fund.db", "fund.db-wal"] {
        let from = template.join(name);
        if from.exists() {
            std::fs::copy(&from, ledger.dir.path().join(name)).unwrap();
        }
    }
    ledger
}

/// Runs an outside program; None (skipped) if it is not installed and CI did not
/// promise it. A program that fails is a failed test.
pub(crate) fn tool(program: &str, args: &[&str]) -> Option<String> {
    match Command::new(program).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{program} {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8(out.stdout).expect("utf-8 output"))
        }
        Err(e) => {
            assert!(
                !tools_required(),
                "{program} is required (LOVEFUND_TEST_TOOLS is set): {e}"
            );
            eprintln!(
                "skipped: {program} is not installed ({e}); see .ci/run for how CI installs it"
            );
            None
        }
    }
}

/// "−1234.50 CNY", "1234.5 CNY" or "0" → fen.
fn fen(amount: &str) -> i64 {
    let number = amount.trim().trim_end_matches("CNY").trim();
    let (negative, digits) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    assert!(fraction.len() <= 2, "more than two decimals in {amount:?}");
    let value = whole
        .parse::<i64>()
        .unwrap_or_else(|_| panic!("amount {amount:?}"))
        * 100
        + format!("{fraction:0<2}").parse::<i64>().unwrap();
    if negative { -value } else { value }
}

/// Tool account name → code, from the export's `account` (ledger) or `open`
/// (beancount) directives and the `code` line that follows each.
fn codes_of(export: &str) -> HashMap<String, String> {
    let mut codes = HashMap::new();
    let mut current: Option<String> = None;
    for line in export.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["account", name] => current = Some(name.to_string()),
            [_, "open", name, "CNY"] => current = Some(name.to_string()),
            [";", "code:", code] | ["code:", code] => {
                let name = current.take().expect("a code line after an account");
                codes.insert(name, code.trim_matches('"').to_string());
            }
            _ => {}
        }
    }
    codes
}

/// lovefund's own balances: code → net debit (fen), parents including sub-accounts.
fn lovefund_balances(ledger: &Ledger) -> HashMap<String, i64> {
    let balance = ledger.json(&["balance"]);
    balance["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let side = |key: &str| fen(a[key].as_str().unwrap());
            (
                a["code"].as_str().unwrap().to_string(),
                side("balance_debit") - side("balance_credit"),
            )
        })
        .collect()
}

/// Compares a tool's per-account balances (each account's own postings) with
/// lovefund's, summing sub-accounts into their parents as lovefund does.
fn assert_same_balances(
    tool_name: &str,
    tool_balances: &[(String, i64)],
    codes: &HashMap<String, String>,
    lovefund: &HashMap<String, i64>,
) {
    let mut own: HashMap<&str, i64> = HashMap::new();
    for (account, amount) in tool_balances {
        let code = codes
            .get(account)
            .unwrap_or_else(|| panic!("{tool_name} reports {account}, not in the export's chart"));
        *own.entry(code).or_default() += amount;
    }
    assert_eq!(
        own.values().sum::<i64>(),
        0,
        "{tool_name}: debits equal credits"
    );
    assert!(
        own.values().filter(|v| **v != 0).count() >= 8,
        "{tool_name}: {own:?}"
    );
    for (code, expected) in lovefund {
        let prefix = format!("{code}.");
        let inclusive: i64 = own
            .iter()
            .filter(|(c, _)| **c == code || c.starts_with(&prefix))
            .map(|(_, v)| v)
            .sum();
        assert_eq!(
            inclusive, *expected,
            "{tool_name}: account {code} is {inclusive} fen, lovefund says {expected}"
        );
    }
}

/// Parses "account,amount" CSV rows (quoted or not), skipping the header and totals.
fn csv_balances(text: &str) -> Vec<(String, i64)> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let (account, amount) = line.split_once(',')?;
            let account = account.trim().trim_matches('"');
            (account != "total" && !account.is_empty())
                .then(|| (account.to_string(), fen(amount.trim().trim_matches('"'))))
        })
        .collect()
}

fn export_to_file(ledger: &Ledger, format: &str, name: &str) -> (PathBuf, String) {
    let path = ledger.dir.path().join(name);
    ledger
        .run(&[
            "export",
            "--format",
            format,
            "--out",
            path.to_str().unwrap(),
        ])
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    // A CSV file starts with the byte order mark that Excel needs (issue 15, §2.4).
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    (path, text)
}

#[test]
fn the_generated_ledger_has_reversals_a_closed_year_and_over_ten_thousand_entries() {
    let ledger = generated();
    let entries = ledger.json(&["export", "--format", "json"]);
    let entries = entries["entries"].as_array().unwrap();
    assert!(entries.len() > 10_000, "{}", entries.len());
    let kinds = |kind: &str| entries.iter().filter(|e| e["kind"] == kind).count();
    assert!(kinds("reversal") >= 20, "{}", kinds("reversal"));
    assert!(kinds("closing") >= 1);
    assert!(kinds("manual") == 1);
    ledger.run(&["verify"]).success();
}

#[test]
fn hledger_and_ledger_read_the_export_with_lovefunds_balances() {
    let ledger = generated();
    let (path, text) = export_to_file(&ledger, "ledger", "fund.journal");
    let path = path.to_str().unwrap();
    let codes = codes_of(&text);
    assert_eq!(codes["Expenses:ProgramCosts:5101-04"], "5101.04");
    assert_eq!(codes["Assets:1003"], "1003");
    let lovefund = lovefund_balances(&ledger);
    if let Some(out) = tool("hledger", &["-f", path, "bal", "-O", "csv", "--no-total"]) {
        assert_same_balances("hledger", &csv_balances(&out), &codes, &lovefund);
    }
    let format = "%(account),%(amount)\n";
    if let Some(out) = tool(
        "ledger",
        &[
            "-f",
            path,
            "bal",
            "--flat",
            "--no-total",
            "--format",
            format,
        ],
    ) {
        let rows: Vec<(String, i64)> = csv_balances(&format!("header\n{out}"));
        assert_same_balances("ledger", &rows, &codes, &lovefund);
    }
}

#[test]
fn beancount_reads_the_export_with_lovefunds_balances() {
    let ledger = generated();
    let (path, text) = export_to_file(&ledger, "beancount", "fund.beancount");
    let path = path.to_str().unwrap();
    let codes = codes_of(&text);
    let lovefund = lovefund_balances(&ledger);
    if tool("bean-check", &[path]).is_none() {
        return;
    }
    let query = "SELECT account, sum(position) GROUP BY account";
    if let Some(out) = tool("bean-query", &["-f", "csv", path, query]) {
        assert_same_balances("bean-query", &csv_balances(&out), &codes, &lovefund);
    }
}

#[test]
fn import_csv_round_trips_into_a_new_ledger_with_identical_balances() {
    let ledger = generated();
    let (path, text) = export_to_file(&ledger, "import-csv", "export.csv");
    assert!(text.starts_with(
        "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n"
    ));
    assert!(
        text.contains("lovefund-entry-"),
        "an entry without reference gets one"
    );
    assert!(!text.contains(",reversal,"));
    let notes = ledger
        .cmd()
        .args(["export", "--format", "import-csv"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    let notes = String::from_utf8(notes).unwrap();
    assert!(notes.contains("手工分錄（entry add）未匯出"), "{notes}");
    assert!(notes.contains("結賬憑證未匯出"), "{notes}");

    let copy = Ledger::new();
    for args in user_additions() {
        copy.run(&args).success();
    }
    copy.run(&["import", path.to_str().unwrap()]).success();
    copy.run(&["close", "--year", "2022"]).success();
    copy.run(&after_close()[0]).success();
    assert_eq!(lovefund_balances(&copy), lovefund_balances(&ledger));
    let funds = |l: &Ledger| l.json(&["fund", "balances", "--as-of", "2023-12-31"]);
    assert_eq!(funds(&copy), funds(&ledger));
}

/// A small ledger with one of everything, for reading the CSV and JSON by eye.
fn small_ledger() -> Ledger {
    let ledger = Ledger::new();
    ledger
        .run(&["donor", "add", "李明", "--id-number", "36060219900101123X"])
        .success();
    ledger
        .run(&[
            "donate",
            "--donor",
            "李明",
            "--amount",
            "5000",
            "--date",
            "2022-03-01",
            "--fund",
            "助學",
            "--method",
            "bank",
            "--reference",
            "ICBC-1",
            "--memo",
            "春季, \"助學\"",
        ])
        .success();
    ledger
        .run(&["beneficiary", "add", "王小明", "--type", "student"])
        .success();
    ledger
        .run(&[
            "disburse",
            "--to",
            "王小明",
            "--amount",
            "2000",
            "--date",
            "2022-04-01",
            "--program",
            "助學",
            "--method",
            "bank",
        ])
        .success();
    ledger
        .run(&[
            "reverse",
            "2",
            "--reason",
            "金額有誤",
            "--date",
            "2022-04-02",
        ])
        .success();
    ledger
}

#[test]
fn csv_export_has_one_signed_row_per_posting() {
    let ledger = small_ledger();
    let text = ledger.stdout(&["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "entry_id",
            "date",
            "kind",
            "account",
            "account_name",
            "fund",
            "amount",
            "counterparty",
            "counterparty_type",
            "counterparty_id",
            "method",
            "reference",
            "receipt",
            "reverses",
            "memo"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6, "three entries of two postings");
    let first = &rows[0];
    assert_eq!(&first[0], "1");
    assert_eq!(&first[1], "2022-03-01");
    assert_eq!(&first[3], "1002");
    assert_eq!(&first[4], "銀行存款");
    assert_eq!(&first[5], "助學");
    assert_eq!(&first[6], "5000.00");
    assert_eq!(&first[7], "李明");
    assert_eq!(&first[9], "**************123X");
    assert_eq!(&first[11], "ICBC-1");
    assert_eq!(&first[12], "2022-000001");
    assert_eq!(&first[14], "春季, \"助學\"");
    assert_eq!(&rows[1][6], "-5000.00");
    assert_eq!(&rows[4][13], "2", "the reversal names what it reverses");
    let total: i64 = rows.iter().map(|r| fen(&r[6])).sum();
    assert_eq!(total, 0);
    assert!(
        !text.contains("36060219900101123X"),
        "identity numbers only masked"
    );
}

#[test]
fn json_export_lists_entries_with_postings_and_links() {
    let ledger = small_ledger();
    let export = ledger.json(&["export", "--format", "json"]);
    assert_eq!(export["ledger"], "測試愛心基金");
    assert_eq!(export["fingerprint"].as_str().unwrap().len(), 64);
    let entries = export["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    let gift = &entries[0];
    assert_eq!(gift["id"], 1);
    assert_eq!(gift["kind"], "donation");
    assert_eq!(gift["receipt"], "2022-000001");
    assert_eq!(gift["counterparty"]["id_number"], "**************123X");
    assert_eq!(gift["postings"][0]["account"], "1002");
    assert_eq!(gift["postings"][0]["amount"], "5000.00");
    assert_eq!(gift["postings"][1]["amount"], "-5000.00");
    assert_eq!(entries[1]["reversed_by"], 3);
    assert_eq!(entries[2]["reverses"], 2);
    assert_eq!(entries[2]["reason"], "金額有誤");
    let accounts = export["accounts"].as_array().unwrap();
    let bank = accounts.iter().find(|a| a["code"] == "1002").unwrap();
    assert_eq!(bank["tool_name"], "Assets:BankDeposits");
}

#[test]
fn from_and_to_keep_the_entries_dated_between() {
    let ledger = small_ledger();
    let count = |args: &[&str]| {
        let mut all = vec!["export", "--format", "json"];
        all.extend_from_slice(args);
        ledger.json(&all)["entries"].as_array().unwrap().len()
    };
    assert_eq!(count(&["--from", "2022-04-01"]), 2);
    assert_eq!(count(&["--to", "2022-04-01"]), 2);
    assert_eq!(count(&["--from", "2022-04-02", "--to", "2022-04-02"]), 1);
    assert_eq!(count(&["--from", "2023-01-01"]), 0);
    let text = ledger.stdout(&["export", "--format", "ledger", "--from", "2022-04-01"]);
    assert!(text.contains("entries dated 2022-04-01 to …"));
    assert!(!text.contains("2022-03-01 (1)"));
}

#[test]
fn bad_format_or_dates_are_refused_in_one_sentence() {
    let ledger = small_ledger();
    let before = ledger.fingerprint();
    let usage = ledger.usage_error(&["export", "--format", "xml", "--lang", "en"]);
    assert!(
        usage.contains("[possible values: ledger, beancount, csv, json, import-csv]"),
        "{usage}"
    );
    for (args, expected) in [
        (
            vec!["--format", "ledger", "--from", "2022-13-01"],
            "--from \"2022-13-01\" is not a date; write it as YYYY-MM-DD",
        ),
        (
            vec!["--format", "csv", "--to", "yesterday"],
            "--to \"yesterday\" is not a date",
        ),
        (
            vec![
                "--format",
                "csv",
                "--from",
                "2022-05-01",
                "--to",
                "2022-04-01",
            ],
            "--from 2022-05-01 is after --to 2022-04-01; swap them",
        ),
    ] {
        let mut all = vec!["export"];
        all.extend(args);
        let stderr = ledger.refused_en(&all);
        assert!(stderr.contains(expected), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    }
    assert_eq!(ledger.fingerprint(), before);
}

#[test]
fn out_replaces_the_file_whole_and_never_the_ledger() {
    let ledger = small_ledger();
    let out = ledger.dir.path().join("fund.journal");
    std::fs::write(&out, "old").unwrap();
    let path = out.to_str().unwrap();
    // An existing file is replaced only with --force (issue 14; tests/output_guard.rs).
    ledger
        .run(&["export", "--format", "ledger", "--out", path, "--force"])
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("; 測試愛心基金"));
    assert!(text.contains("2022-03-01 (1) 春季, \"助學\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "it names donors: private like the ledger"
        );
    }

    let before = ledger.fingerprint();
    let db = ledger.db.to_str().unwrap();
    let stderr = ledger.refused(&["--lang", "en", "export", "--format", "csv", "--out", db]);
    assert!(stderr.contains("is the ledger"), "{stderr}");
    assert_eq!(ledger.fingerprint(), before);

    let folder = ledger.dir.path().to_str().unwrap().to_string();
    let stderr = ledger.refused(&[
        "--lang", "en", "export", "--format", "csv", "--out", &folder,
    ]);
    assert!(stderr.contains("is a folder"), "{stderr}");
    let missing = ledger.dir.path().join("no-such-folder/x.csv");
    ledger.refused(&[
        "--lang",
        "en",
        "export",
        "--format",
        "csv",
        "--out",
        missing.to_str().unwrap(),
    ]);
    let leftovers: Vec<_> = std::fs::read_dir(ledger.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_ledger_export_reads_back_in_hledger_with_tags() {
    let ledger = small_ledger();
    let (path, _) = export_to_file(&ledger, "ledger", "small.journal");
    let path = path.to_str().unwrap();
    if let Some(out) = tool("hledger", &["-f", path, "reg", "tag:receipt=2022-000001"]) {
        assert!(out.contains("Assets:BankDeposits"), "{out}");
        assert!(out.contains("5000.00 CNY"), "{out}");
    }
    if let Some(out) = tool("ledger", &["-f", path, "reg", "%fund=助學", "--no-total"]) {
        assert_eq!(out.lines().count(), 6, "{out}");
    }
}
