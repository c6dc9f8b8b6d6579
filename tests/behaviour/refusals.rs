//! Refusals as a table, hledger-style (hledger/test/errors/): one bad input per row,
//! with its exact stderr and exit code, run by the real binary against a copy of the
//! demo's year with 2022 closed (`common::demo_ledger`). Every refusal must also leave
//! the ledger file byte for byte as it was.
//!
//! A row's arguments are split on spaces; `"…"` keeps spaces inside one argument and
//! `""` is an empty one. Every row runs with `--lang en`. In the expected stderr,
//! `<dir>` stands for the ledger's directory and `<time>` for a recorded time
//! (`2026-12-03T08:23:00Z`); the trailing newline is implied.
//!
//! Exit statuses follow the README's one rule: a value lovefund reads itself (a date,
//! an amount, a year, an id …) and refuses is 1, like every refusal; only the command
//! line's grammar is 2 — unknown flags, missing arguments, and values outside a flag's
//! listed choices (`--lang`, `--format`, `--encoding`, check names: clap's `ValueEnum`s,
//! whose message lists the values).

use crate::common;

/// (arguments, exit code, exact stderr)
pub(crate) type Refusal = (&'static str, i32, &'static str);

pub(crate) const DONATE: &str =
    "donate --donor 鷹潭恒通科技有限公司 --date 2023-03-01 --method bank";
const BAD_AMOUNT: &str = "lovefund: --amount is not an amount; write digits with an optional '.' and at most two decimals, without commas, spaces, exponents or underscores, e.g. 5000.00";
const READ_ONLY: &str = "lovefund: refused: this command changes the ledger, and --read-only was given; run it without --read-only";
const CLOSED_2022: &str =
    "is in a closed year (closed through 2022); date the entry or its correction in an open year";

/// Amounts typed as arguments (DESIGN.md, Money): `donate` + the rest of the row.
pub(crate) const AMOUNTS: &[Refusal] = &[
    (
        "--amount 10.005",
        1,
        "lovefund: --amount has more than two decimals; amounts are in fen (0.01)",
    ),
    ("--amount 1e5", 1, BAD_AMOUNT),
    ("--amount 1_000", 1, BAD_AMOUNT),
    ("--amount NaN", 1, BAD_AMOUNT),
    ("--amount 1,000.00", 1, BAD_AMOUNT),
    ("--amount ５", 1, BAD_AMOUNT),
    ("--amount 5.", 1, BAD_AMOUNT),
    (
        "--amount \"\"",
        1,
        "lovefund: --amount is empty; write an amount such as 5000.00",
    ),
    (
        "--amount 0",
        1,
        "lovefund: --amount must be greater than zero",
    ),
    (
        "--amount=-5",
        1,
        "lovefund: --amount must be greater than zero",
    ),
    (
        "--amount 10000000000000",
        1,
        "lovefund: --amount has more than 13 integer digits",
    ),
    (
        "--amount -5",
        1,
        "lovefund: --amount must be greater than zero",
    ),
];

pub(crate) const REFUSALS: &[Refusal] = &[
    // Posting amounts and balance.
    (
        "entry add --date 2023-03-02 --memo x --posting=1002=+5 --posting 3101=-5",
        1,
        "lovefund: --posting \"1002=+5\": the amount is not an amount; write digits with an optional '.' and at most two decimals, without commas, spaces, exponents or underscores, e.g. 5000.00",
    ),
    (
        "entry add --date 2023-03-02 --memo x --posting 1002=10.00 --posting 3101=-9.99",
        1,
        "lovefund: the entry does not balance: debits exceed the other side by 0.01 (postings sum to 0.01); make the --posting amounts sum to 0.00",
    ),
    // Dates.
    (
        "entry add --date 2023-02-30 --memo x --posting 1002=1 --posting 3101=-1",
        1,
        "lovefund: --date \"2023-02-30\" is not a date; write it as YYYY-MM-DD, e.g. 2022-03-01",
    ),
    (
        "balance --as-of 2023-13-01",
        1,
        "lovefund: --as-of \"2023-13-01\" is not a date; write it as YYYY-MM-DD, e.g. 2022-03-01",
    ),
    (
        "register --account 1002 --from yesterday",
        1,
        "lovefund: --from \"yesterday\" is not a date; write it as YYYY-MM-DD, e.g. 2022-03-01",
    ),
    (
        "register --account 1002 --from 2023-01-01 --to 2022-01-01",
        1,
        "lovefund: --from 2023-01-01 is after --to 2022-01-01; swap them",
    ),
    (
        "summary --year 99999",
        1,
        "lovefund: --year \"99999\" is not a year; write it with four digits, e.g. 2022",
    ),
    (
        "close --year 20x2",
        1,
        "lovefund: --year \"20x2\" is not a year; write it with four digits, e.g. 2022",
    ),
    (
        "beneficiary add 李家 --type household --members four",
        1,
        "lovefund: --members \"four\" is not a whole number; write digits only, e.g. 4",
    ),
    // Unknown fund, program, account, donor, beneficiary, entry, receipt.
    (
        "donate --donor 鷹潭恒通科技有限公司 --date 2023-03-01 --method bank --amount 1 --fund nosuchfund",
        1,
        "lovefund: --fund \"nosuchfund\" is not a fund; use one of 非限定 (unrestricted), 助學 (study-aid), 扶貧 (poverty-relief), 幫困 (hardship)",
    ),
    (
        "entry add --date 2023-03-02 --memo x --posting 1002@nosuchfund=1 --posting 3101=-1",
        1,
        "lovefund: --posting for account 1002: there is no fund \"nosuchfund\"; the funds are 非限定 (unrestricted), 助學 (study-aid), 扶貧 (poverty-relief), 幫困 (hardship)",
    ),
    (
        "disburse --to 王偉 --amount 1 --date 2023-03-01 --program 不存在 --method bank",
        1,
        "lovefund: --program \"不存在\" is not a program; use one of 助學 (study-aid), 扶貧 (poverty-relief), 幫困 (hardship)",
    ),
    (
        "entry add --date 2023-03-02 --memo x --posting 9999=1 --posting 3101=-1",
        1,
        "lovefund: account 9999 is not in the chart; see `lovefund account list` or add it with `lovefund account add`",
    ),
    (
        "register --account 9999",
        1,
        "lovefund: --account 9999 is not in the chart; see `lovefund account list`",
    ),
    (
        "entry add --date 2023-03-02 --memo x --posting 5101@助學=1 --posting 1002@助學=-1",
        1,
        "lovefund: account 5101 has sub-accounts; post to one of them (e.g. 5101.01)",
    ),
    (
        "donate --donor 無名氏 --amount 1 --date 2023-03-01 --method bank",
        1,
        "lovefund: --donor: there is no donor named \"無名氏\"; add one with `lovefund donor add`, or give its id",
    ),
    (
        "disburse --to 無名氏 --amount 1 --date 2023-03-01 --program 助學 --method bank",
        1,
        "lovefund: --to: there is no beneficiary named \"無名氏\"; add one with `lovefund beneficiary add`, or give its id",
    ),
    (
        "report donors --year 2022 --statement 無名氏",
        1,
        "lovefund: --statement: there is no donor named \"無名氏\"; add one with `lovefund donor add`, or give its id",
    ),
    (
        "donor show 9999",
        1,
        "lovefund: there is no donor with id 9999",
    ),
    (
        "beneficiary show 9999",
        1,
        "lovefund: there is no beneficiary with id 9999",
    ),
    (
        "show 9999",
        1,
        "lovefund: there is no entry 9999; entry ids start at 1",
    ),
    (
        "reconcile show 9",
        1,
        "lovefund: there is no reconciliation 9; see `lovefund reconcile list`",
    ),
    // Reconciliation (issue 14, item 8): lines after --as-of; the demo's statement
    // again with CRLF line ends.
    (
        "reconcile --statement demo/bank-2022-12.csv --closing-balance 1 --as-of 2022-12-28",
        1,
        "line 407, column date: date 2022-12-29 is after the as-of date 2022-12-28, so the reconciliation would count it; reconcile as of 2022-12-29 or later, or leave the lines after 2022-12-28 out of the statement\nline 408, column date: date 2022-12-29 is after the as-of date 2022-12-28, so the reconciliation would count it; reconcile as of 2022-12-29 or later, or leave the lines after 2022-12-28 out of the statement\nline 409, column date: date 2022-12-29 is after the as-of date 2022-12-28, so the reconciliation would count it; reconcile as of 2022-12-29 or later, or leave the lines after 2022-12-28 out of the statement\nlovefund: the statement has 3 bad line(s), listed above; fix them and reconcile again",
    ),
    (
        "reconcile --statement bank-crlf.csv --closing-balance 1 --as-of 2022-12-31 --commit",
        1,
        "lovefund: this statement was already reconciled and recorded as reconciliation 1; see `lovefund reconcile show 1`",
    ),
    // The chart and the funds.
    (
        "account add 1002 x --type asset",
        1,
        "lovefund: account 1002 already exists; choose another code",
    ),
    (
        "account add 5999.01 x --type expense",
        1,
        "lovefund: account 5999.01 needs its parent account 5999; add 5999 first",
    ),
    (
        "account add 1003 x --type expense",
        1,
        "lovefund: account 1003 cannot be of type expense: in this chart expense accounts start with 5",
    ),
    (
        "fund add 助学",
        1,
        "lovefund: fund \"助学\" already exists (as 助學); choose another name",
    ),
    // Names, memos and identity numbers.
    (
        "donor add 12345",
        1,
        "lovefund: NAME \"12345\" is a number, which lovefund reads as an id; add a word to the name (e.g. \"12345號\")",
    ),
    (
        "donor add 張三 --id-number 123",
        1,
        "lovefund: --id-number is not an identity or student number; use 4 to 32 letters and digits",
    ),
    // Read-only: every change refused, the flag before or after the command.
    (
        "--read-only donate --donor 鷹潭恒通科技有限公司 --date 2023-03-01 --method bank --amount 1",
        1,
        READ_ONLY,
    ),
    (
        "donate --donor 鷹潭恒通科技有限公司 --date 2023-03-01 --method bank --amount 1 --read-only",
        1,
        READ_ONLY,
    ),
    (
        "--read-only entry add --date 2023-03-02 --memo x --posting 1002=1 --posting 3101=-1",
        1,
        READ_ONLY,
    ),
    ("--read-only reverse 1 --reason x", 1, READ_ONLY),
    ("--read-only close --year 2023", 1, READ_ONLY),
    (
        "--read-only receipt void 2022-000001 --reason x",
        1,
        READ_ONLY,
    ),
    ("--read-only donor add 張三", 1, READ_ONLY),
    ("--read-only import bad-amount.csv", 1, READ_ONLY),
    // The closed year and closing in order.
    (
        "donate --donor 鷹潭恒通科技有限公司 --date 2022-05-01 --method bank --amount 1",
        1,
        "<closed 2022-05-01>",
    ),
    (
        "reverse 1 --reason x --date 2022-12-30",
        1,
        "<closed 2022-12-30>",
    ),
    (
        "entry add --date 2022-12-31 --memo x --posting 1002=1 --posting 3101=-1",
        1,
        "<closed 2022-12-31>",
    ),
    (
        "close --year 2022",
        1,
        "lovefund: 2022 is already closed (by tester at <time>); a year is closed once",
    ),
    (
        "close --year 2021",
        1,
        "lovefund: 2022 is already closed, so 2021 is locked too; years close in order",
    ),
    (
        "close --year 2024",
        1,
        "lovefund: 2023 is not closed yet; close the years in order, 2023 first",
    ),
    // Overspending a fund or an account (the demo's year leaves 助學 16,000.00).
    (
        "disburse --to 王偉 --amount 16000.01 --date 2023-03-01 --program 助學 --method bank",
        1,
        "lovefund: refused: fund 助學 (study-aid) would go negative — the entry takes 16,000.01 on 2023-03-01 but only 16,000.00 is available then (counting every later entry); record a smaller amount or draw on another fund or account",
    ),
    (
        "disburse --to 王偉 --amount 1 --date 2023-03-01 --program 助學 --method wechat",
        1,
        "lovefund: refused: account 1012.01 would go negative — the entry takes 1.00 on 2023-03-01 but only 0.00 is available then (counting every later entry); record a smaller amount or draw on another fund or account",
    ),
    // Reversals (the demo reverses entry 442 by entry 443).
    (
        "reverse 442 --reason again --date 2023-01-05",
        1,
        "lovefund: entry 442 was already reversed by entry 443; an entry is reversed at most once",
    ),
    (
        "reverse 443 --reason undo --date 2023-01-05",
        1,
        "lovefund: entry 443 is itself a reversal; record the original entry again instead",
    ),
    (
        "reverse 99999 --reason x",
        1,
        "lovefund: there is no entry 99999 to reverse",
    ),
    (
        "reverse 1 --reason \" \" --date 2023-01-05",
        1,
        "lovefund: --reason is empty; say why the entry is reversed",
    ),
    // Receipts (the demo voids 2022-000002 and reissues it as 2022-000289).
    (
        "receipt void 2022-000002 --reason again",
        1,
        "lovefund: receipt 2022-000002 is already void (捐贈單位名稱有誤, by demo at <time>)",
    ),
    (
        "receipt reissue 2022-000002",
        1,
        "lovefund: receipt 2022-000002 is already void (捐贈單位名稱有誤, by demo at <time>)",
    ),
    (
        "receipt void 2022-000001 --reason \" \"",
        1,
        "lovefund: --reason is empty; say why the receipt is void",
    ),
    (
        "receipt void 2023-000001 --reason x",
        1,
        "lovefund: there is no receipt 2023-000001",
    ),
    (
        "receipt print 2022-999999",
        1,
        "lovefund: there is no receipt 2022-999999; see `lovefund receipt list --year 2022`",
    ),
    (
        "receipt print ../../etc/x",
        1,
        "lovefund: receipt number \"../../etc/x\" is not valid; write it as YEAR-NUMBER, e.g. 2022-000123",
    ),
    (
        "receipt print --year 2019",
        1,
        "lovefund: there are no receipts of 2019; nothing to print",
    ),
    (
        "receipt verify xyz",
        1,
        "lovefund: verification code \"xyz\" is not valid; it has 12 letters and digits, e.g. A1B2-C3D4-E5F6",
    ),
    (
        "receipt verify 0000-0000-0000",
        1,
        "lovefund: no receipt of this ledger has the verification code 0000-0000-0000; check the code, or the receipt is not genuine",
    ),
    // Import: a bad line, a bad header, no file.
    (
        "import bad-amount.csv",
        1,
        "line 2, column amount: amount \"10.005\" has more than two decimals; amounts are in fen (0.01)\nlovefund: the import was refused: 1 bad line(s), listed above; nothing was imported — fix them and import the file again",
    ),
    (
        "import bad-header.csv",
        1,
        "lovefund: line 1: column \"colour\" is not an import column; the columns are date, kind, counterparty, counterparty_type, program, amount, method, reference (required) and memo, counterparty_id (optional) — remove or rename it, or map it with --columns, e.g. --columns date=收款日期,donor=捐助者",
    ),
    (
        "import nonexistent.csv",
        1,
        "lovefund: nonexistent.csv is not a file; give the CSV's path",
    ),
    // Files: the ledger, backups, fingerprints.
    (
        "init",
        1,
        "lovefund: <dir>/fund.db already exists; lovefund init never touches an existing file — choose another --db path",
    ),
    (
        "--db missing.db balance",
        1,
        "lovefund: there is no ledger at missing.db; create one with `lovefund init` or point --db (or $LOVEFUND_DB) at an existing one",
    ),
    (
        "backup exists.db",
        1,
        "lovefund: exists.db already exists; nothing was written — choose another name, or give --force to replace it",
    ),
    (
        "verify --fingerprint abc",
        1,
        "lovefund: --fingerprint \"abc\" is not a ledger fingerprint; give the 64 hex digits printed as the fingerprint (at least the first 16)",
    ),
    // Usage errors exit 2, with clap's words.
    (
        "entry add",
        2,
        "error: the following required arguments were not provided:\n  --date <DATE>\n  --memo <MEMO>\n  --posting <ACCOUNT[@FUND]=AMOUNT>\n\nUsage: lovefund entry add --date <DATE> --memo <MEMO> --posting <ACCOUNT[@FUND]=AMOUNT>\n\nFor more information, try '--help'.",
    ),
    (
        "show",
        2,
        "error: the following required arguments were not provided:\n  <ENTRY_ID>\n\nUsage: lovefund show <ENTRY_ID>\n\nFor more information, try '--help'.",
    ),
    (
        "reverse abc --reason x",
        1,
        "lovefund: ID \"abc\" is not a whole number; write digits only, e.g. 4",
    ),
    (
        "balance --as-of",
        2,
        "error: a value is required for '--as-of <AS_OF>' but none was supplied\n\nFor more information, try '--help'.",
    ),
    (
        "balance --lang fr",
        2,
        "error: invalid value 'fr' for '--lang <LANG>'\n  [possible values: zh-Hant, zh-Hans, en]\n\nFor more information, try '--help'.",
    ),
    (
        "export --format xml",
        2,
        "error: invalid value 'xml' for '--format <FORMAT>'\n  [possible values: ledger, beancount, csv, json, import-csv]\n\nFor more information, try '--help'.",
    ),
    (
        "import x.csv --encoding latin1",
        2,
        "error: invalid value 'latin1' for '--encoding <ENCODING>'\n  [possible values: utf-8, gbk, big5, utf-16le, utf-16be]\n\nFor more information, try '--help'.",
    ),
    (
        "verify nonsense",
        2,
        "error: invalid value 'nonsense' for '[CHECKS]...'\n  [possible values: balanced, chain, records, append-only, totals, funds, receipts, periods, reconciliations, attachments, reviews, trust, integrity]\n\nFor more information, try '--help'.",
    ),
    (
        "--json --json balance",
        2,
        "error: the argument '--json' cannot be used multiple times\n\nUsage: lovefund [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.",
    ),
];

/// Splits a row's arguments on spaces; `"…"` is one argument, spaces and all.
pub(crate) fn words(row: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut rest = row.trim();
    while !rest.is_empty() {
        let (word, after) = match rest.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted.find('"').expect("closing quote");
                (&quoted[..end], &quoted[end + 1..])
            }
            None => rest.split_at(rest.find(' ').unwrap_or(rest.len())),
        };
        words.push(word.to_string());
        rest = after.trim_start();
    }
    words
}

/// `2026-12-03T08:23:00Z`, or the local `2026-12-03 16:23:00 +08:00`, → `<time>`,
/// wherever it is.
fn without_times(text: &str) -> String {
    let bytes = text.as_bytes();
    let shapes: [&[u8]; 2] = [b"dddd-dd-ddTdd:dd:ddZ", b"dddd-dd-dd dd:dd:dd +dd:dd"];
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let time = shapes.iter().find(|shape| {
            bytes.len() >= i + shape.len()
                && shape.iter().zip(&bytes[i..]).all(|(s, b)| match s {
                    b'd' => b.is_ascii_digit(),
                    _ => s == b,
                })
        });
        match time {
            Some(shape) => {
                out.push_str("<time>");
                i += shape.len();
            }
            None => {
                let c = text[i..].chars().next().expect("a char");
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

fn expected(stderr: &str) -> String {
    match stderr
        .strip_prefix("<closed ")
        .and_then(|s| s.strip_suffix('>'))
    {
        Some(date) => format!("lovefund: refused: {date} {CLOSED_2022}\n"),
        None => format!("{stderr}\n"),
    }
}

/// The demo ledger with the files the rows name.
pub(crate) fn ledger_for_the_table() -> common::Ledger {
    let ledger = common::demo_ledger();
    let dir = ledger.dir.path();
    std::fs::write(
        dir.join("bad-amount.csv"),
        "date,kind,counterparty,counterparty_type,program,amount,method,reference\n\
         2023-03-01,donation,張三,person,助學,10.005,bank,X-1\n",
    )
    .unwrap();
    std::fs::write(dir.join("bad-header.csv"), "date,kind,colour\n").unwrap();
    std::fs::write(dir.join("exists.db"), "keep me").unwrap();
    let statement = std::fs::read_to_string(dir.join("demo/bank-2022-12.csv")).unwrap();
    std::fs::write(dir.join("bank-crlf.csv"), statement.replace('\n', "\r\n")).unwrap();
    ledger
}

/// Every row of the table: its arguments, exit code and expected stderr.
pub(crate) fn rows() -> impl Iterator<Item = (String, i32, &'static str)> {
    AMOUNTS
        .iter()
        .map(|(args, code, stderr)| (format!("{DONATE} {args}"), *code, *stderr))
        .chain(REFUSALS.iter().map(|(a, c, s)| (a.to_string(), *c, *s)))
}

#[test]
fn every_refusal_has_its_exact_message_and_exit_code_and_changes_nothing() {
    let ledger = ledger_for_the_table();
    let dir = ledger.dir.path();
    let before = ledger.fingerprint();
    let rows = rows();
    let mut failures = Vec::new();
    let mut count = 0;
    for (args, code, stderr) in rows {
        count += 1;
        let out = ledger
            .cmd()
            .arg("--lang")
            .arg("en")
            .args(words(&args))
            .output()
            .expect("run lovefund");
        let actual = without_times(&String::from_utf8_lossy(&out.stderr))
            .replace(dir.to_str().expect("utf-8 path"), "<dir>");
        let want = expected(stderr);
        if out.status.code() != Some(code) || actual != want {
            failures.push(format!(
                "lovefund {args}\n  exit {:?}, expected {code}\n  stderr:   {actual:?}\n  expected: {want:?}",
                out.status.code()
            ));
        }
        if !out.stdout.is_empty() {
            failures.push(format!(
                "lovefund {args}\n  printed on stdout: {:?}",
                String::from_utf8_lossy(&out.stdout)
            ));
        }
        if ledger.fingerprint() != before {
            panic!("lovefund {args} changed the ledger file");
        }
    }
    assert!(count >= 40, "only {count} refusals");
    assert!(
        failures.is_empty(),
        "{} of {count} refusals differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_row_splitter_keeps_quoted_words_whole() {
    assert_eq!(
        words("reverse 1 --reason \" \" --amount \"\" x"),
        ["reverse", "1", "--reason", " ", "--amount", "", "x"]
    );
    assert_eq!(
        without_times("by demo at 2026-12-03T08:23:00Z)"),
        "by demo at <time>)"
    );
}
