//! Model test (issue 8, item 3): thousands of random treasurer operations — donate,
//! disburse, reverse, void a receipt (alone or with its reversal), import a small CSV,
//! close a year — run against the library (`lovefund::cli::execute`, the command line
//! in this process) and against a small in-memory model of the rules. After every
//! step both agree on what was refused, on every account's balance, on every fund's
//! balance and on the receipts the step issued or voided; every 250 steps and at the
//! end on every receipt's state, and halfway and at the end `verify` passes.
//!
//! Seeded: `LOVEFUND_MODEL_SEED=N` replays a run, `LOVEFUND_MODEL_STEPS=N` sets its
//! length (default 10,000). A failure prints the seed, the step and the operation.

use crate::common;

use common::Dice;
use lovefund::i18n::Lang;
use lovefund::store::{Read, Store};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

const DEFAULT_SEED: u64 = 80_002_022;
const DEFAULT_STEPS: usize = 10_000;
/// Years the operations are dated in; every one has ended, so each can be closed.
const FIRST_YEAR: i32 = 2015;
const LAST_YEAR: i32 = 2024;
const FULL_CHECK_EVERY: usize = 250;

/// fund name, its alias in reports, restricted, program account (for disbursements)
const FUNDS: &[(&str, &str, bool, Option<&str>)] = &[
    ("非限定", "unrestricted", false, None),
    ("助學", "study-aid", true, Some("5101.01")),
    ("扶貧", "poverty-relief", true, Some("5101.02")),
    ("幫困", "hardship", true, Some("5101.03")),
];
/// method, its asset account
const METHODS: &[(&str, &str)] = &[
    ("bank", "1002"),
    ("cash", "1001"),
    ("wechat", "1012.01"),
    ("alipay", "1012.02"),
];
const DONORS: &[(&str, &str)] = &[
    ("張三", "person"),
    ("信達銅業", "organization"),
    ("愛心人士", "anonymous"),
];
const BENEFICIARIES: &[(&str, &str)] = &[("王小明", "student"), ("李家", "household")];

type Date = (i32, u32, u32);

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Donation,
    Disbursement,
    Reversal,
    Closing,
}

#[derive(Clone, Debug)]
struct Entry {
    date: Date,
    kind: Kind,
    /// (account, fund index, fen), debit positive
    postings: Vec<(&'static str, usize, i64)>,
    reversed: bool,
}

/// The rules, as a person would state them, on plain maps.
#[derive(Clone, Default)]
struct Model {
    entries: Vec<Entry>,
    /// guarded balance → date → changes in recording order
    guards: HashMap<String, BTreeMap<Date, Vec<i64>>>,
    /// (year, seq) → (entry id, void)
    receipts: BTreeMap<(i32, i64), (usize, bool)>,
    closed: Vec<i32>,
    /// account (and each parent) → balance, debit positive
    accounts: BTreeMap<String, i64>,
    /// fund alias → net assets
    funds: BTreeMap<&'static str, i64>,
    /// The receipts the last step issued or voided, as (year, seq).
    touched: Vec<(i32, i64)>,
}

fn account_type(code: &str) -> char {
    code.chars().next().unwrap()
}

impl Model {
    fn closed_through(&self) -> Option<i32> {
        self.closed.iter().max().copied()
    }

    fn is_open(&self, date: Date) -> bool {
        self.closed_through().is_none_or(|y| date.0 > y)
    }

    /// The change to each guarded balance: a fund's net assets (minus its net-asset,
    /// income and expense postings) and the cash, bank and e-wallet accounts.
    fn changes(postings: &[(&'static str, usize, i64)]) -> BTreeMap<String, i64> {
        let mut changes = BTreeMap::new();
        for (account, fund, fen) in postings {
            if matches!(account_type(account), '3' | '4' | '5') {
                *changes
                    .entry(format!("fund {}", FUNDS[*fund].0))
                    .or_default() -= fen;
            }
            let top = account.split('.').next().unwrap();
            // Each wallet is guarded apart (1012.01, 1012.02), other sub-accounts
            // with their top-level account.
            let guarded = if ["1012.01", "1012.02"].contains(account) {
                *account
            } else {
                top
            };
            if ["1001", "1002", "1012", "1012.01", "1012.02"].contains(&guarded) {
                *changes.entry(format!("account {guarded}")).or_default() += fen;
            }
        }
        changes.retain(|_, c| *c != 0);
        changes
    }

    /// Whether a balance stays at or above zero at every point from `date` on, with
    /// `delta` recorded after everything already on that date.
    fn fits(&self, subject: &str, date: Date, delta: i64) -> bool {
        let Some(days) = self.guards.get(subject) else {
            return delta >= 0;
        };
        let mut running: i64 = days.range(..date).flat_map(|(_, v)| v).sum();
        let mut placed = false;
        for (day, changes) in days.range(date..) {
            if !placed && *day > date {
                running += delta;
                placed = true;
                if running < 0 {
                    return false;
                }
            }
            for c in changes {
                running += c;
                if running < 0 {
                    return false;
                }
            }
            if !placed {
                running += delta;
                placed = true;
                if running < 0 {
                    return false;
                }
            }
        }
        placed || running + delta >= 0
    }

    /// Appends an entry if its date is open and no guarded balance goes negative.
    fn append(&mut self, entry: Entry) -> Option<usize> {
        if !self.is_open(entry.date) {
            return None;
        }
        let changes = Model::changes(&entry.postings);
        if !changes.iter().all(|(s, c)| self.fits(s, entry.date, *c)) {
            return None;
        }
        for (subject, change) in changes {
            self.guards
                .entry(subject)
                .or_default()
                .entry(entry.date)
                .or_default()
                .push(change);
        }
        self.push(entry);
        Some(self.entries.len())
    }

    /// Records an entry already checked, keeping the balances.
    fn push(&mut self, entry: Entry) {
        for (account, fund, fen) in &entry.postings {
            *self.accounts.entry(account.to_string()).or_default() += fen;
            if let Some((parent, _)) = account.split_once('.') {
                *self.accounts.entry(parent.to_string()).or_default() += fen;
            }
            if matches!(account_type(account), '3' | '4' | '5') {
                *self.funds.entry(FUNDS[*fund].1).or_default() -= fen;
            }
        }
        self.entries.push(entry);
    }

    fn donate(&mut self, date: Date, fen: i64, fund: usize, asset: &'static str) -> Option<usize> {
        let id = self.append(Entry {
            date,
            kind: Kind::Donation,
            postings: vec![(asset, fund, fen), ("4101", fund, -fen)],
            reversed: false,
        })?;
        let seq = self
            .receipts
            .range((date.0, 0)..=(date.0, i64::MAX))
            .count() as i64
            + 1;
        self.receipts.insert((date.0, seq), (id, false));
        self.touched.push((date.0, seq));
        Some(id)
    }

    fn disburse(
        &mut self,
        date: Date,
        fen: i64,
        fund: usize,
        asset: &'static str,
    ) -> Option<usize> {
        let program = FUNDS[fund].3.unwrap();
        self.append(Entry {
            date,
            kind: Kind::Disbursement,
            postings: vec![(program, fund, fen), (asset, fund, -fen)],
            reversed: false,
        })
    }

    fn reverse(&mut self, id: usize, date: Date) -> Option<usize> {
        let original = self.entries.get(id.checked_sub(1)?)?.clone();
        if original.reversed
            || matches!(original.kind, Kind::Closing | Kind::Reversal)
            || date < original.date
        {
            return None;
        }
        let postings = original
            .postings
            .iter()
            .map(|(a, f, fen)| (*a, *f, -fen))
            .collect();
        let new = self.append(Entry {
            date,
            kind: Kind::Reversal,
            postings,
            reversed: false,
        })?;
        self.entries[id - 1].reversed = true;
        // A receipt is valid only while its donation stands (DESIGN.md invariant 8).
        if matches!(original.kind, Kind::Donation) {
            for (number, (entry, void)) in self.receipts.iter_mut() {
                if *entry == id && !*void {
                    *void = true;
                    self.touched.push(*number);
                }
            }
        }
        Some(new)
    }

    fn void(&mut self, number: (i32, i64), reverse_on: Option<Date>) -> bool {
        let Some((entry, false)) = self.receipts.get(&number).copied() else {
            return false;
        };
        if let Some(date) = reverse_on
            && self.reverse(entry, date).is_none()
        {
            return false;
        }
        self.receipts.insert(number, (entry, true));
        self.touched.push(number);
        true
    }

    /// Years close in order and once; the closing entries move each fund's income and
    /// expense into net assets, then release restricted money spent.
    fn close(&mut self, year: i32) -> bool {
        let through = self.closed_through();
        let first = self.entries.iter().map(|e| e.date.0).min();
        if self.closed.contains(&year)
            || through.is_some_and(|t| t > year)
            || (first.is_some_and(|f| f < year) && !self.closed.contains(&(year - 1)))
        {
            return false;
        }
        let mut results: BTreeMap<(&'static str, usize), i64> = BTreeMap::new();
        for e in self.entries.iter().filter(|e| e.date.0 <= year) {
            for (account, fund, fen) in &e.postings {
                if matches!(account_type(account), '4' | '5') {
                    *results.entry((*account, *fund)).or_default() += fen;
                }
            }
        }
        let mut closing = Vec::new();
        let mut release = Vec::new();
        let mut per_fund: BTreeMap<usize, (i64, i64)> = BTreeMap::new();
        for ((account, fund), net) in results.into_iter().filter(|(_, n)| *n != 0) {
            closing.push((account, fund, -net));
            let t = per_fund.entry(fund).or_default();
            match account_type(account) {
                '4' => t.0 -= net,
                _ => t.1 += net,
            }
        }
        for (fund, (revenue, costs)) in per_fund {
            if !FUNDS[fund].2 {
                closing.push(("3101", fund, costs - revenue));
                continue;
            }
            closing.push(("3102", fund, -revenue));
            closing.push(("3101", fund, costs));
            release.push(("3102", fund, costs));
            release.push(("3101", fund, -costs));
        }
        let date = (year, 12, 31);
        for postings in [closing, release] {
            let postings: Vec<_> = postings.into_iter().filter(|p| p.2 != 0).collect();
            if !postings.is_empty() {
                self.push(Entry {
                    date,
                    kind: Kind::Closing,
                    postings,
                    reversed: false,
                });
            }
        }
        self.closed.push(year);
        true
    }

    /// Each account's balance (a parent's includes its sub-accounts), debit
    /// positive, leaving out zeros.
    fn account_balances(&self) -> BTreeMap<String, i64> {
        let nonzero = self.accounts.iter().filter(|(_, fen)| **fen != 0);
        nonzero.map(|(a, fen)| (a.clone(), *fen)).collect()
    }

    fn fund_balances(&self) -> BTreeMap<String, i64> {
        FUNDS
            .iter()
            .map(|f| (f.1.to_string(), self.funds.get(f.1).copied().unwrap_or(0)))
            .collect()
    }
}

fn yuan(fen: i64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

/// One import line: (date, donation?, counterparty, type, fund, fen, method).
type ImportLine = (Date, bool, usize, usize, usize, i64, usize);

struct Run {
    dir: PathBuf,
    db: PathBuf,
    dice: Dice,
    model: Model,
    references: u64,
}

impl Run {
    fn lib(&self, args: &[String]) -> lovefund::Result<()> {
        let mut all = vec![
            "lovefund".to_string(),
            "--db".to_string(),
            self.db.display().to_string(),
            "--user".to_string(),
            "model".to_string(),
        ];
        all.extend(args.iter().cloned());
        lovefund::cli::execute(all, &mut std::io::sink())
    }

    fn date(&mut self) -> Date {
        let open_from = self.model.closed_through().map_or(FIRST_YEAR, |y| y + 1);
        let year = match open_from <= LAST_YEAR && self.dice.chance(90) {
            true => self.dice.range(open_from as i64, LAST_YEAR as i64) as i32,
            false => self.dice.range(FIRST_YEAR as i64, LAST_YEAR as i64) as i32,
        };
        let day = *self.dice.pick(&[1, 10, 20]);
        (year, self.dice.range(1, 12) as u32, day)
    }

    fn fen(&mut self, big: bool) -> i64 {
        match big {
            true => self.dice.range(1, 20_000_000),
            false => self.dice.range(1, 300_000),
        }
    }

    /// One random operation on both sides: what it was, and whether each accepted it.
    fn step(&mut self) -> (String, bool, lovefund::Result<()>) {
        self.model.touched.clear();
        let choice = self.dice.below(1000);
        match choice {
            0..=299 => self.movement(true),
            300..=559 => self.movement(false),
            560..=699 => {
                let id = self.dice.range(1, self.model.entries.len() as i64 + 2) as usize;
                let date = self.reversal_date(id);
                let args = [
                    "reverse".to_string(),
                    id.to_string(),
                    "--reason".into(),
                    "model".into(),
                    "--date".into(),
                    iso(date),
                ];
                let model = self.model.reverse(id, date).is_some();
                self.both(args.iter().map(String::as_str).collect(), model)
            }
            700..=819 => self.void(),
            820..=998 => self.import(),
            _ => {
                let year = match self.dice.chance(50) {
                    true => self.model.closed_through().map_or(FIRST_YEAR, |y| y + 1),
                    false => self.dice.range(FIRST_YEAR as i64, LAST_YEAR as i64) as i32,
                };
                let model = self.model.close(year);
                let year = year.to_string();
                self.both(vec!["close", "--year", &year], model)
            }
        }
    }

    /// A donation, or a disbursement (some far too large), on both sides.
    fn movement(&mut self, donation: bool) -> (String, bool, lovefund::Result<()>) {
        let date = self.date();
        let big = !donation && self.dice.chance(15);
        let fen = self.fen(big);
        let fund = match donation {
            true => self.dice.below(4) as usize,
            false => self.dice.range(1, 3) as usize,
        };
        let method = *self.dice.pick(METHODS);
        let (command, party_flag, party, fund_flag) = match donation {
            true => ("donate", "--donor", self.dice.pick(DONORS).0, "--fund"),
            false => (
                "disburse",
                "--to",
                self.dice.pick(BENEFICIARIES).0,
                "--program",
            ),
        };
        let (amount, day) = (yuan(fen), iso(date));
        let args = vec![
            command,
            party_flag,
            party,
            "--amount",
            &amount,
            "--date",
            &day,
            fund_flag,
            FUNDS[fund].0,
            "--method",
            method.0,
        ];
        let model = match donation {
            true => self.model.donate(date, fen, fund, method.1),
            false => self.model.disburse(date, fen, fund, method.1),
        };
        self.both(args, model.is_some())
    }

    /// Mostly on or after the entry's date (some before it, which is refused).
    fn reversal_date(&mut self, id: usize) -> Date {
        let date = self.date();
        match self.model.entries.get(id.wrapping_sub(1)) {
            Some(e) if date < e.date && self.dice.chance(85) => e.date,
            _ => date,
        }
    }

    fn void(&mut self) -> (String, bool, lovefund::Result<()>) {
        let numbers: Vec<(i32, i64)> = self.model.receipts.keys().copied().collect();
        let number = match numbers.is_empty() || self.dice.chance(3) {
            true => (self.dice.range(2015, 2024) as i32, 999_999),
            false => *self.dice.pick(&numbers),
        };
        let text = format!("{}-{:06}", number.0, number.1);
        let mut args = vec!["receipt", "void", &text, "--reason", "model"]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
        let reverse_on = match self.dice.chance(30) {
            true => {
                let entry = self.model.receipts.get(&number).map_or(0, |r| r.0);
                let date = self.reversal_date(entry);
                args.extend(["--reverse".into(), "--date".into(), iso(date)]);
                Some(date)
            }
            false => None,
        };
        let model = self.model.void(number, reverse_on);
        self.both(args.iter().map(String::as_str).collect(), model)
    }

    /// A CSV of one to three lines; all of it or none of it.
    fn import(&mut self) -> (String, bool, lovefund::Result<()>) {
        let count = self.dice.range(1, 3);
        let mut lines: Vec<ImportLine> = Vec::new();
        for _ in 0..count {
            let donation = self.dice.chance(55);
            let date = self.date();
            let big = !donation && self.dice.chance(15);
            let fen = self.fen(big);
            let (who, fund) = match donation {
                true => (self.dice.below(2) as usize, self.dice.below(4) as usize),
                false => (self.dice.below(2) as usize, self.dice.range(1, 3) as usize),
            };
            lines.push((
                date,
                donation,
                who,
                0,
                fund,
                fen,
                self.dice.below(4) as usize,
            ));
        }
        let mut csv = String::from(
            "date,kind,counterparty,counterparty_type,program,amount,method,reference\n",
        );
        for (date, donation, who, _, fund, fen, method) in &lines {
            self.references += 1;
            let (name, kind) = match donation {
                true => (DONORS[*who], "donation"),
                false => (BENEFICIARIES[*who], "disbursement"),
            };
            csv.push_str(&format!(
                "{},{kind},{},{},{},{},{},ref-{}\n",
                iso(*date),
                name.0,
                name.1,
                FUNDS[*fund].0,
                yuan(*fen),
                METHODS[*method].0,
                self.references
            ));
        }
        let path = self.dir.join("import.csv");
        std::fs::write(&path, &csv).unwrap();
        let mut order: Vec<&ImportLine> = lines.iter().collect();
        order.sort_by_key(|l| l.0);
        let apply = |model: &mut Model, (date, donation, _, _, fund, fen, method): &ImportLine| {
            let asset = METHODS[*method].1;
            match donation {
                true => model.donate(*date, *fen, *fund, asset).is_some(),
                false => model.disburse(*date, *fen, *fund, asset).is_some(),
            }
        };
        // Tried first on a copy of what decides acceptance (the balances by date and
        // the closed years), then recorded for real.
        let mut trial = Model {
            guards: self.model.guards.clone(),
            closed: self.model.closed.clone(),
            ..Model::default()
        };
        let accepted = order.iter().all(|line| apply(&mut trial, line));
        if accepted {
            for line in &order {
                apply(&mut self.model, line);
            }
        }
        // With --json a refused import lists its bad lines in the (discarded) output
        // rather than on this process's stderr.
        let (_, _, lib) = self.both(vec!["--json", "import", path.to_str().unwrap()], accepted);
        (format!("import\n{csv}"), accepted, lib)
    }

    fn both(&mut self, args: Vec<&str>, model: bool) -> (String, bool, lovefund::Result<()>) {
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        let lib = self.lib(&args);
        (args.join(" "), model, lib)
    }
}

fn amount_fen(m: &lovefund::ledger::money::Money) -> i64 {
    m.fen()
}

/// Balances and fund balances as the library reports them.
fn library_balances(store: &Store) -> (BTreeMap<String, i64>, BTreeMap<String, i64>) {
    let tb = lovefund::report::trial_balance::trial_balance(store, None, Lang::En).unwrap();
    let accounts = tb
        .accounts
        .iter()
        .map(|r| {
            let net = amount_fen(&r.balance_debit) - amount_fen(&r.balance_credit);
            (r.code.clone(), net)
        })
        .filter(|(_, net)| *net != 0)
        .collect();
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 1);
    let end = chrono::NaiveDate::from_ymd_opt(2099, 12, 31);
    let funds = lovefund::report::fund_balances::fund_balances(
        store,
        start,
        end,
        chrono::NaiveDate::MIN,
        Lang::En,
    )
    .unwrap()
    .funds
    .iter()
    .map(|f| (f.alias.clone(), amount_fen(&f.closing)))
    .collect();
    (accounts, funds)
}

fn library_receipts(store: &Store) -> BTreeMap<(i32, i64), bool> {
    store
        .receipt_sequence()
        .unwrap()
        .into_iter()
        .map(|(year, seq, void)| ((year, seq), void.is_some()))
        .collect()
}

fn setup(dir: &Path) -> PathBuf {
    let db = dir.join("model.db");
    let run = |args: &[&str]| {
        let mut all = vec!["lovefund", "--db", db.to_str().unwrap(), "--user", "model"];
        all.extend_from_slice(args);
        lovefund::cli::execute(all, &mut std::io::sink()).unwrap();
    };
    run(&["init", "--name", "模型愛心基金"]);
    for (name, kind) in DONORS.iter().filter(|d| d.1 != "anonymous") {
        run(&["donor", "add", name, "--type", kind]);
    }
    for (name, kind) in BENEFICIARIES {
        run(&["beneficiary", "add", name, "--type", kind]);
    }
    db
}

#[test]
fn the_library_agrees_with_the_model_after_every_step() {
    if !common::reliability("model") {
        return;
    }
    let (dice, seed) = Dice::seeded("LOVEFUND_MODEL_SEED", DEFAULT_SEED);
    let steps = std::env::var("LOVEFUND_MODEL_STEPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_STEPS);
    let dir = common::memory_dir();
    let db = setup(dir.path());
    let store = Store::open(&db, true).unwrap();
    let mut run = Run {
        dir: dir.path().to_path_buf(),
        db,
        dice,
        model: Model::default(),
        references: 0,
    };
    let (mut accepted, mut refused) = (0, 0);
    let started = std::time::Instant::now();
    for step in 1..=steps {
        let (what, model, lib) = run.step();
        let at = format!("LOVEFUND_MODEL_SEED={seed} step {step}: {what}");
        match (&lib, model) {
            (Ok(()), true) => accepted += 1,
            (Err(e), false) => {
                assert!(
                    !matches!(e, lovefund::Error::Storage(_) | lovefund::Error::Io(_)),
                    "{at}: refused with a storage error: {e}"
                );
                refused += 1;
            }
            (Ok(()), false) => panic!("{at}: the library accepted what the model refuses"),
            (Err(e), true) => panic!("{at}: the library refused what the model accepts: {e}"),
        }
        let head = store.head().unwrap().entries as usize;
        assert_eq!(head, run.model.entries.len(), "{at}: entry count");
        let (accounts, funds) = library_balances(&store);
        assert_eq!(
            accounts,
            run.model.account_balances(),
            "{at}: account balances"
        );
        assert_eq!(funds, run.model.fund_balances(), "{at}: fund balances");
        for number in &run.model.touched {
            let (year, seq) = *number;
            let stored = store
                .receipt(lovefund::ledger::receipt::ReceiptNumber { year, seq })
                .unwrap_or_else(|e| panic!("{at}: receipt {year}-{seq:06}: {e}"))
                .unwrap_or_else(|| panic!("{at}: receipt {year}-{seq:06} is missing"));
            let (entry, void) = run.model.receipts[number];
            assert_eq!(
                (stored.entry_id, stored.void.is_some()),
                (entry as i64, void),
                "{at}: receipt {year}-{seq:06}"
            );
        }
        if step % FULL_CHECK_EVERY == 0 || step == steps {
            let model_receipts: BTreeMap<(i32, i64), bool> = run
                .model
                .receipts
                .iter()
                .map(|(n, (_, void))| (*n, *void))
                .collect();
            assert_eq!(library_receipts(&store), model_receipts, "{at}: receipts");
        }
        if step == steps / 2 || step == steps {
            run.lib(&["verify".to_string()])
                .unwrap_or_else(|e| panic!("{at}: verify: {e}"));
        }
    }
    eprintln!(
        "{steps} steps ({accepted} accepted, {refused} refused by both) in {:.1} s; \
         {} entries, {} receipts, years closed: {:?}",
        started.elapsed().as_secs_f64(),
        run.model.entries.len(),
        run.model.receipts.len(),
        run.model.closed
    );
}
