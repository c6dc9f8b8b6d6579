//! `lovefund demo [--out DIR]`: a realistic year of a love fund, modelled on the
//! published figures of one (293,300 yuan raised, 237,300 disbursed, 40 households
//! and 42 students aided), built through the same commands a treasurer uses: the
//! year's spreadsheet is imported, a duplicate gift is reversed, a receipt is voided
//! and reissued, the bank fee is booked, the December statement is reconciled. Then
//! a receipt PDF and the annual summary PDF are written. Deterministic: every run makes
//! the same ledger (but for recording times and so hashes). Every file goes through
//! the output guard; a rerun replaces only the files listed in the manifest the demo
//! wrote itself, and refuses what it did not make (a `receipts/` folder, a summary)
//! instead of removing it.

use super::chart::{InitRequest, init};
use super::import::{ImportOutcome, ImportRequest, import_file};
use super::journal::{EntryRequest, PostingRequest, ReverseRequest, record_entry, reverse};
use super::people::{DonationRequest, MovementRequest, donate};
use super::receipts::{PrintRequest, print, reissue};
use super::reconcile::{ReconcileRequest, reconcile};
use super::{Actor, Ledger};
use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::i18n::Lang;
use crate::ledger::account::AccountCode;
use crate::ledger::money::Money;
use crate::ledger::party::Method;
use crate::ledger::receipt::ReceiptNumber;
use crate::output::Guard;
use crate::output::csv::{Cell, Cell::Text, Rows};
use crate::render::Render;
use crate::report::summary::AnnualSummary;
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const YEAR: i32 = 2022;
const FUND_NAME: &str = "鷹潭市政協愛心基金";
/// The demo's ledger and the files it makes beside it, in its folder.
const LEDGER: &str = "demo.db";
const MADE: &[&str] = &[
    "demo.db",
    "demo.db-wal",
    "demo.db-shm",
    "demo-2022.csv",
    "bank-2022-12.csv",
    "summary-2022.pdf",
    "receipts/2022-000001.pdf",
];
/// The folder of the demo's receipt; removed by a rerun only if the demo made it and
/// it holds nothing else.
const RECEIPTS: &str = "receipts";
/// The list of what the demo made in its folder, written by the demo itself: a rerun
/// replaces these and nothing else.
const MANIFEST: &str = ".lovefund-demo-manifest";

/// A small deterministic generator (xorshift64*): the demo must be the same every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "張", "劉", "陳", "楊", "黃", "趙", "吳", "周", "徐", "孫", "胡", "朱", "高", "林",
    "何", "郭", "馬", "羅",
];
const GIVEN: &[&str] = &[
    "偉", "芳", "娜", "敏", "靜", "麗", "強", "磊", "軍", "洋", "勇", "艷", "傑", "娟", "濤", "明",
    "超", "秀英", "華", "平", "剛", "慧", "欣", "宇",
];
const COMPANIES: &[&str] = &[
    "鷹潭恒通科技有限公司",
    "江西信達銅業有限公司",
    "鷹潭華美貿易有限公司",
    "貴溪天一建設有限公司",
    "餘江嘉禾農業合作社",
    "鷹潭瑞豐藥業有限公司",
    "龍虎山旅遊發展有限公司",
    "鷹潭市工商聯",
    "江西龍騰物流有限公司",
    "鷹潭銀河電器有限公司",
];
const SCHOOLS: &[&str] = &[
    "鷹潭市第一中學",
    "貴溪市實驗中學",
    "餘江區第一中學",
    "月湖區第三小學",
];
const GRADES: &[&str] = &["初一", "初二", "初三", "高一", "高二", "高三"];
const VILLAGES: &[&str] = &["白露村", "童家村", "上清鎮", "塘灣村", "志光村"];

fn person(dice: &mut Dice) -> String {
    let surname = SURNAMES[dice.below(SURNAMES.len() as u64) as usize];
    let given = GIVEN[dice.below(GIVEN.len() as u64) as usize];
    format!("{surname}{given}")
}

/// A name that differs for each n below 120, so no two beneficiaries merge.
fn named(n: usize) -> String {
    format!(
        "{}{}",
        SURNAMES[n % SURNAMES.len()],
        GIVEN[(n * 7 + n / SURNAMES.len()) % GIVEN.len()]
    )
}

fn day(dice: &mut Dice, from: (u32, u32), to: (u32, u32)) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(YEAR, from.0, from.1).unwrap_or_default();
    let end = chrono::NaiveDate::from_ymd_opt(YEAR, to.0, to.1).unwrap_or_default();
    let span = (end - start).num_days().max(0) as u64;
    (start + chrono::Duration::days(dice.below(span + 1) as i64)).to_string()
}

fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// The year's spreadsheet: anchor gifts in January, then several hundred gifts that
/// bring each fund to its total; aid paid after the money is there.
fn year_csv(dice: &mut Dice) -> Vec<u8> {
    let mut csv = Rows::new(Vec::new());
    let header = [
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
    ];
    // Writing into memory cannot fail.
    let _ = csv.heading(&header);
    let mut reference = 0;
    let mut line = |csv: &mut Rows<Vec<u8>>, cells: [&str; 6], memo: &str, id: &str| {
        reference += 1;
        let [date, kind, who, kind_of, program, amount] = cells;
        let method = if kind == "donation" && who.is_empty() {
            "cash"
        } else {
            "bank"
        };
        let reference = format!("ICBC-{YEAR}-{reference:04}");
        let _ = csv.row(
            &[
                date, kind, who, kind_of, program, amount, method, &reference, memo, id,
            ]
            .map(Text),
        );
    };
    // Fund totals (fen): 助學 100,000; 扶貧 135,000; 幫困 38,300; 非限定 20,000 = 293,300.
    let funds: [(&str, u64, u64); 4] = [
        ("助學", 10_000_000, 5_000_000),
        ("扶貧", 13_500_000, 6_000_000),
        ("幫困", 3_830_000, 2_500_000),
        ("非限定", 2_000_000, 0),
    ];
    for (i, (fund, total, anchor)) in funds.iter().enumerate() {
        if *anchor > 0 {
            let company = COMPANIES[i];
            line(
                &mut csv,
                [
                    &format!("{YEAR}-01-0{}", 5 + i),
                    "donation",
                    company,
                    "organization",
                    fund,
                    &yuan(*anchor),
                ],
                "新春捐款",
                "",
            );
        }
        let mut left = total - anchor;
        while left > 0 {
            let gift = [
                20_000, 50_000, 50_000, 100_000, 100_000, 20_000, 88_800, 30_000,
            ][dice.below(8) as usize]
                .min(left);
            left -= gift;
            let (who, kind_of) = match dice.below(10) {
                0 => (String::new(), "anonymous"),
                1 => (
                    COMPANIES[dice.below(COMPANIES.len() as u64) as usize].to_string(),
                    "organization",
                ),
                _ => (format!("政協委員 {}", person(dice)), "person"),
            };
            let date = day(dice, (1, 10), (8, 20));
            line(
                &mut csv,
                [&date, "donation", &who, kind_of, fund, &yuan(gift)],
                "",
                "",
            );
        }
    }
    // 42 students, study aid in spring and autumn terms: 84,000.
    for n in 0..42 {
        let name = named(n);
        let id = format!("36060220080101{:04}", 1000 + n);
        let school = SCHOOLS[n % SCHOOLS.len()];
        let memo = format!("{school} {}", GRADES[n % GRADES.len()]);
        line(
            &mut csv,
            [
                &format!("{YEAR}-09-01"),
                "disbursement",
                &name,
                "student",
                "助學",
                "1000.00",
            ],
            &format!("秋季助學金 {memo}"),
            &id,
        );
        line(
            &mut csv,
            [
                &format!("{YEAR}-03-01"),
                "disbursement",
                &name,
                "student",
                "助學",
                "1000.00",
            ],
            &format!("春季助學金 {memo}"),
            &id,
        );
    }
    // 30 households by poverty relief (120,000) and 10 by hardship help (33,300).
    for n in 0..40 {
        let village = VILLAGES[n % VILLAGES.len()];
        let name = format!("{}家庭（{village}）", named(n + 42));
        if n < 30 {
            line(
                &mut csv,
                [
                    &format!("{YEAR}-05-1{}", n % 10),
                    "disbursement",
                    &name,
                    "household",
                    "扶貧",
                    "2000.00",
                ],
                "扶貧慰問",
                "",
            );
            line(
                &mut csv,
                [
                    &format!("{YEAR}-12-2{}", n % 10),
                    "disbursement",
                    &name,
                    "household",
                    "扶貧",
                    "2000.00",
                ],
                "扶貧慰問",
                "",
            );
        } else {
            line(
                &mut csv,
                [
                    &format!("{YEAR}-09-2{}", n % 10),
                    "disbursement",
                    &name,
                    "household",
                    "幫困",
                    "3330.00",
                ],
                "幫困救助",
                "",
            );
        }
    }
    csv.into_inner().unwrap_or_default()
}

/// What an earlier demo made here, as its manifest lists it (nothing without one).
fn made_before(dir: &Path) -> Result<Vec<String>> {
    match std::fs::read_to_string(dir.join(MANIFEST)) {
        Ok(text) => Ok(text.lines().map(str::to_string).collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(Error::io(
            crate::error::message::IoMessage::Read {
                path: dir.join(MANIFEST).display().to_string(),
            },
            e,
        )),
    }
}

/// Refuses a file or folder in `dir` that the demo would write over but did not make:
/// a ledger-like demo.db always, anything else unless the guard has `force` — and
/// `force` never lets the demo remove a folder.
fn refuse_what_is_in_the_way(dir: &Path, before: &[String], guard: &Guard) -> Result<()> {
    let ours = |name: &str| before.iter().any(|b| b == name);
    let in_the_way = |name: &str| dir.join(name).symlink_metadata().is_ok() && !ours(name);
    for name in MADE.iter().chain([&RECEIPTS]) {
        if !in_the_way(name) {
            continue;
        }
        let (field, ledger) = if name.starts_with(LEDGER) {
            (Field::Out, true)
        } else if guard.force() {
            continue;
        } else {
            (Field::Force, false)
        };
        return Err(Error::conflict_in(
            field,
            OpsMessage::DemoFolderHolds {
                dir: dir.display().to_string(),
                name: name.to_string(),
                ledger,
            },
        ));
    }
    Ok(())
}

/// Removes what the earlier demo's manifest lists (its ledger cannot be replaced in
/// place) and, if it made it, its receipts folder once empty.
fn remove_previous(dir: &Path, before: &[String]) -> Result<()> {
    for name in MADE.iter().filter(|m| before.iter().any(|b| b == *m)) {
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::io(
                    crate::error::message::IoMessage::Replace {
                        path: path.display().to_string(),
                    },
                    e,
                ));
            }
        }
    }
    if before.iter().any(|b| b == RECEIPTS) {
        // Only an empty folder goes: anything a person put there stays.
        let _ = std::fs::remove_dir(dir.join(RECEIPTS));
    }
    Ok(())
}

/// Lists what this run makes, before it makes it, so a rerun after a failure still
/// knows the files as the demo's own.
fn write_manifest(dir: &Path, before: &[String], guard: &Guard) -> Result<()> {
    let receipts_ours =
        before.iter().any(|b| b == RECEIPTS) || dir.join(RECEIPTS).symlink_metadata().is_err();
    let mut names: Vec<&str> = MADE.to_vec();
    if receipts_ours {
        names.push(RECEIPTS);
    }
    let text: String = names.iter().map(|n| format!("{n}\n")).collect();
    let path = dir.join(MANIFEST);
    guard
        .clone()
        .replacing(vec![path.clone()])
        .write(&path, text.as_bytes())
}

/// The demo's year, its summary, and the files a person opens next.
#[derive(Debug, Serialize)]
pub struct DemoBuilt {
    pub summary: AnnualSummary,
    pub files: Vec<String>,
}

impl Render for DemoBuilt {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        crate::render::summary::summary(out, &self.summary, lang)?;
        writeln!(out)?;
        for path in &self.files {
            writeln!(out, "{path}")?;
        }
        Ok(())
    }
}

/// Builds the demo ledger in `dir` (made if missing), with receipts and summaries in
/// `lang`, every file written through `guard`. The files an earlier demo listed in its
/// manifest are replaced; a file or folder it did not make is refused (see
/// `refuse_what_is_in_the_way`) before anything is written or removed.
pub fn build(dir: &Path, lang: Lang, today: NaiveDate, guard: &Guard) -> Result<DemoBuilt> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::io(
            crate::error::message::IoMessage::MakeFolder {
                path: dir.display().to_string(),
            },
            e,
        )
    })?;
    let before = made_before(dir)?;
    refuse_what_is_in_the_way(dir, &before, guard)?;
    let ours = |name: &&str| before.iter().any(|b| b == name);
    for name in MADE.iter().filter(|n| !ours(n)) {
        guard.check(&dir.join(name))?;
    }
    remove_previous(dir, &before)?;
    write_manifest(dir, &before, guard)?;
    let mut actor = Actor::now("demo")?;
    actor.today = today;
    let db = dir.join("demo.db");
    let name = FUND_NAME.to_string();
    init(
        &actor,
        InitRequest {
            path: db.clone(),
            name: Some(name),
            lang,
        },
    )?;
    let mut ledger = Ledger::open_for_writing(&db)?;
    ledger.sign_in(&super::users::NoPassword(&actor.user))?;
    let mut dice = Dice(0x5EED_2022_0A11);
    let csv_path = dir.join("demo-2022.csv");
    guard.write(&csv_path, &year_csv(&mut dice))?;
    let request = ImportRequest {
        file: csv_path,
        dry_run: false,
        encoding: None,
        accept_new: false,
        columns: None,
        profile: None,
    };
    if let ImportOutcome::BadLines(bad) = import_file(&mut ledger, &actor, &request, &|_, _| {})? {
        return Err(bad.refusal());
    }
    corrections(&mut ledger, &actor)?;
    reconcile_december(&mut ledger, &actor, dir, guard)?;
    let receipts_dir = dir.join("receipts");
    let first = ReceiptNumber { year: YEAR, seq: 1 };
    let request = PrintRequest {
        number: Some(first),
        year: None,
        dir: receipts_dir.clone(),
        font: None,
    };
    print(&ledger, &request, guard, lang, &|_, _| {})?;
    let summary = crate::report::summary::annual_summary(ledger.reader(), YEAR, lang)?;
    let summary_pdf = dir.join(format!("summary-{YEAR}.pdf"));
    super::documents::write_summary_pdf(&summary, lang, today, &summary_pdf, None, guard)?;
    let files = [
        db,
        super::receipts::receipt_path(&receipts_dir, first),
        summary_pdf,
    ];
    Ok(DemoBuilt {
        summary,
        files: files.iter().map(|p| p.display().to_string()).collect(),
    })
}

/// A gift entered twice and reversed, a misspelt receipt reissued, a bank fee.
fn corrections(ledger: &mut Ledger, actor: &Actor) -> Result<()> {
    let twice = DonationRequest {
        movement: MovementRequest {
            counterparty: "鷹潭恒通科技有限公司".into(),
            amount: Money::from_fen(500_000),
            date: date(4, 8),
            method: Method::Bank,
            reference: None,
            memo: Some("重複錄入".into()),
        },
        fund: "非限定".into(),
        official_receipt_no: None,
        entrusted_for: None,
    };
    let recorded = donate(ledger, actor, twice)?;
    let request = ReverseRequest {
        entry_id: recorded.entry,
        reason: "同一筆捐款錄入兩次".into(),
        date: Some(date(4, 9)),
    };
    reverse(ledger, actor, request)?;
    let second = ReceiptNumber { year: YEAR, seq: 2 };
    reissue(ledger, actor, second, "捐贈單位名稱有誤")?;
    let posting = |account: &str, fen: i64| -> Result<PostingRequest> {
        Ok(PostingRequest {
            account: AccountCode::parse(account)?,
            fund: None,
            amount: Money::from_fen(fen),
        })
    };
    let fee = EntryRequest {
        date: date(12, 31),
        memo: "銀行賬戶管理費".into(),
        postings: vec![posting("5201", 2_500)?, posting("1002", -2_500)?],
        reference: None,
    };
    record_entry(ledger, actor, fee).map(drop)
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, month, day).unwrap_or_default()
}

/// December's bank statement holds every bank item of the year but the last aid
/// payment (still in transit); it is reconciled and recorded.
fn reconcile_december(ledger: &mut Ledger, actor: &Actor, dir: &Path, guard: &Guard) -> Result<()> {
    let end = date(12, 31);
    let items = ledger.reader().uncleared_items("1002", end)?;
    let mut statement = Rows::new(Vec::new());
    let in_memory = |e: std::io::Error| {
        Error::input(OpsMessage::DemoStatement {
            detail: e.to_string(),
        })
    };
    statement
        .heading(&["date", "amount", "reference", "description"])
        .map_err(in_memory)?;
    let mut balance = Money::ZERO;
    let in_transit = items
        .iter()
        .rev()
        .find(|i| i.amount.is_negative())
        .map(|i| i.posting_key);
    for item in items.iter().filter(|i| Some(i.posting_key) != in_transit) {
        balance = balance
            .checked_add(item.amount)
            .ok_or_else(|| Error::input(OpsMessage::DemoBalanceTooLarge))?;
        statement
            .row(&[
                Cell::Date(item.date),
                Cell::Amount(item.amount),
                Text(item.reference.as_deref().unwrap_or("")),
                Text(&item.memo),
            ])
            .map_err(in_memory)?;
    }
    let statement = statement.into_inner().map_err(in_memory)?;
    let path: PathBuf = dir.join(format!("bank-{YEAR}-12.csv"));
    guard.write(&path, &statement)?;
    let request = ReconcileRequest {
        account: Some(AccountCode::parse("1002")?),
        statement: path,
        closing_balance: balance,
        as_of: end,
        columns: None,
        profile: None,
        encoding: None,
        format: None,
        commit: true,
    };
    match reconcile(ledger, actor, &request)? {
        Ok(_) => Ok(()),
        Err(bad) => Err(bad.refusal()),
    }
}
