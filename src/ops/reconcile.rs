//! Reconciling a bank account with its statement (銀行存款餘額調節表): read and
//! check the statement, match it to the uncleared postings, compute the table, and
//! with `commit` record it; the recorded ones; and a verified backup copy.

use super::{Actor, Ledger};
use crate::error::message::{BillMessage, OpsMessage, Wallet};
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::import::{Encoding, LineError};
use crate::input::is_workbook;
use crate::ledger::account::{AccountCode, AccountType};
use crate::ledger::money::Money;
use crate::ledger::party::Method;
use crate::ledger::reconciliation::{MatchKind, StatementLine};
use crate::ledger::settings::ProfileKind;
use crate::ledger::time::LocalTime;
use crate::reconcile::adjustment::{Unmatched, adjustment_of};
use crate::reconcile::matching::{DATE_WINDOW_DAYS, settle_group};
use crate::reconcile::statement::{ColumnMapping, LinesDigest, canonical};
use crate::reconcile::{bank, bills};
use crate::render::Render;
use crate::report::reconciliation::{ReconcileReport, Spilled};
use crate::store::Read;
use crate::store::UnitOfWork;
use crate::store::reconciliations::{NewReconciliation, ReconciliationRecord};
use crate::store::spill::Spill;
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::{self, Read as _, Write};
use std::path::{Path, PathBuf};

pub struct ReconcileRequest {
    /// None: the bill's own wallet account (1012.01, 1012.02), else the bank (1002).
    pub account: Option<AccountCode>,
    pub statement: PathBuf,
    pub closing_balance: Money,
    pub as_of: NaiveDate,
    /// `--columns` as typed, if given.
    pub columns: Option<String>,
    /// `--profile NAME`: the saved mapping, or the name to save `columns` under.
    pub profile: Option<String>,
    pub encoding: Option<Encoding>,
    /// A WeChat Pay or Alipay bill; None: detected from the file's header, else a
    /// bank statement.
    pub format: Option<Wallet>,
    pub commit: bool,
}

/// A statement with bad lines: nothing was matched or recorded.
pub struct BadStatement {
    pub errors: Vec<LineError>,
    pub more: usize,
}

impl BadStatement {
    pub fn refusal(&self) -> Error {
        Error::input(crate::error::message::ReconcileMessage::Refused {
            bad_lines: (self.errors.len() + self.more) as u64,
        })
    }
}

/// Matches the statement to the ledger and computes the table; with `commit`,
/// records it (one transaction) and marks the matched postings cleared. The ledger
/// must be open for writing when `commit` is set.
pub fn reconcile(
    ledger: &mut Ledger,
    actor: &Actor,
    request: &ReconcileRequest,
) -> Result<std::result::Result<ReconcileReport, BadStatement>> {
    let path = &request.statement;
    let columns = super::profiles::columns(
        ledger,
        ProfileKind::Statement,
        request.columns.as_deref(),
        request.profile.as_deref(),
    )?;
    let mapping = match &columns.text {
        Some(text) => ColumnMapping::parse(text)?,
        None => ColumnMapping::default(),
    };
    let wallet = match request.format {
        Some(wallet) => Some(wallet),
        None if is_workbook(path) => None,
        None => bills::detect(path, request.encoding)?,
    };
    // The good lines go to the spill as they are read: a statement's lines are never
    // held, whatever its length or order.
    let mut spill = Spill::new()?;
    let mut sink = |line: StatementLine| spill.add_line(&line, &canonical(&line));
    let (account, statement) = match wallet {
        Some(wallet) => {
            let account = match &request.account {
                Some(account) => account.clone(),
                None => AccountCode::parse(wallet_method(wallet).asset_account())?,
            };
            refuse_unless_wallet(&account, wallet)?;
            let statement = bills::read_bill_statement(
                path,
                Some(wallet),
                request.encoding,
                request.as_of,
                &mut sink,
            )?;
            (account, statement)
        }
        None => {
            let account = match &request.account {
                Some(account) => account.clone(),
                None => AccountCode::parse(Method::Bank.asset_account())?,
            };
            let statement = bank::read_any_statement_lines(
                path,
                request.encoding,
                &mapping,
                request.as_of,
                &mut sink,
            )?;
            (account, statement)
        }
    };
    if !statement.errors.is_empty() {
        return Ok(Err(BadStatement {
            errors: statement.errors,
            more: statement.errors_more,
        }));
    }
    let account = &account;
    let store = ledger.store_mut()?;
    refuse_unless_asset(&store.accounts()?, account)?;
    store.for_each_uncleared_item(account.as_str(), request.as_of, &mut |item| {
        spill.add_item(item)
    })?;
    spill.filled()?;
    let day_after = request.as_of.succ_opt().unwrap_or(request.as_of);
    let ledger_balance = store.balance_before(account.as_str(), day_after)?;
    let mut digest = LinesDigest::new();
    spill.each_canonical(&mut |line| digest.add(line))?;
    let lines_sha256 = digest.finish();
    let matching = match_spill(spill)?;
    let table = adjustment_of(
        request.as_of,
        ledger_balance,
        request.closing_balance,
        &unmatched(&matching)?,
    )?;
    let recorded = if request.commit {
        let file_sha256 = file_sha256(path)?;
        let record = NewReconciliation {
            account: account.as_str(),
            as_of: request.as_of,
            statement_sha256: &lines_sha256,
            file_sha256: &file_sha256,
            statement_lines: matching.counts.lines,
            closing_balance: request.closing_balance,
            ledger_balance,
            adjusted: table.bank.adjusted,
            agrees: table.agrees,
            lines: matching.spill(),
        };
        let (user, now) = (&actor.user, &actor.recorded_at);
        Some(store.write(&actor.stamp(), |unit| {
            columns.save_in(unit, actor)?;
            unit.record_reconciliation(&record, user, now)
        })?)
    } else {
        None
    };
    Ok(Ok(ReconcileReport {
        account: account.to_string(),
        as_of: request.as_of,
        statement: path.display().to_string(),
        encoding: statement.encoding.name(),
        matching,
        adjustment: table,
        recorded,
    }))
}

/// Matches the filled spill's lines to its items, as `reconcile::matching` does in
/// memory: the two passes, each group by group.
fn match_spill(mut spill: Spill) -> Result<Spilled> {
    for kind in [MatchKind::Reference, MatchKind::AmountDate] {
        spill.pass(kind, DATE_WINDOW_DAYS, &mut |lines, items| {
            settle_group(kind, lines, items)
        })?;
    }
    Spilled::new(spill)
}

/// What the matching left unmatched, added up for the table.
fn unmatched(matching: &Spilled) -> Result<Unmatched> {
    let mut unmatched = Unmatched::default();
    matching.statement_only(&mut |line| unmatched.line(line.amount))??;
    matching.ledger_only(&mut |item| unmatched.item(item.amount))??;
    matching.ties(&mut |tie| {
        for line in &tie.statement_lines {
            unmatched.line(line.amount)?;
        }
        for item in &tie.ledger_items {
            unmatched.item(item.amount)?;
        }
        unmatched.tie();
        Ok::<(), Error>(())
    })??;
    Ok(unmatched)
}

/// The payment method whose account a wallet's bill reconciles.
pub fn wallet_method(wallet: Wallet) -> Method {
    match wallet {
        Wallet::Wechat => Method::Wechat,
        Wallet::Alipay => Method::Alipay,
    }
}

/// A bill reconciles an e-wallet account (under 1012), never the bank or cash.
fn refuse_unless_wallet(account: &AccountCode, wallet: Wallet) -> Result<()> {
    if account.top() == "1012" {
        return Ok(());
    }
    Err(Error::input_in(
        Field::Account,
        BillMessage::NotAWalletAccount {
            account: account.to_string(),
            wallet,
        },
    ))
}

fn refuse_unless_asset(
    accounts: &[crate::ledger::account::Account],
    account: &AccountCode,
) -> Result<()> {
    match accounts.iter().find(|a| &a.code == account) {
        None => Err(Error::not_found_in(
            Field::Account,
            OpsMessage::AccountNotInChart {
                account: account.to_string(),
            },
        )),
        Some(a) if a.account_type != AccountType::Asset => Err(Error::input_in(
            Field::Account,
            OpsMessage::NotAnAssetAccount {
                account: account.to_string(),
            },
        )),
        Some(_) => Ok(()),
    }
}

/// The SHA-256 of the file's bytes: what reconciliations recorded before issue 14
/// stored, so a byte-identical copy of one of those is still known.
fn file_sha256(path: &Path) -> Result<String> {
    let read_error = |e| {
        Error::io(
            crate::error::message::IoMessage::Read {
                path: path.display().to_string(),
            },
            e,
        )
    };
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 << 10];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buffer[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(e)),
        }
    }
    Ok(hex::encode(hasher.finalize()))
}

impl Render for ReconcileReport {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        crate::render::reconcile::reconciliation(out, self, lang)
    }
}

/// The recorded reconciliations.
/// The recorded reconciliations, and the time zone their recording times are shown in
/// (the JSON keeps the stored UTC times).
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Reconciliations(pub Vec<ReconciliationRecord>, #[serde(skip)] pub LocalTime);

pub fn list(ledger: &Ledger) -> Result<Reconciliations> {
    let store = ledger.reader();
    Ok(Reconciliations(
        store.reconciliations()?,
        store.local_time()?,
    ))
}

impl Render for Reconciliations {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        crate::render::reconcile::reconciliation_list(out, &self.0, self.1, lang)
    }
}

/// A posting a reconciliation cleared, with the statement line that cleared it.
#[derive(Debug, Serialize)]
pub struct ClearedLine {
    pub entry: i64,
    pub seq: i64,
    pub statement_line: i64,
    pub date: String,
    pub amount: Money,
    pub reference: String,
    #[serde(rename = "match")]
    pub match_kind: String,
}

/// A statement line no posting matched.
#[derive(Debug, Serialize)]
pub struct UnmatchedLine {
    pub statement_line: i64,
    pub date: String,
    pub amount: Money,
    pub reference: String,
    pub description: String,
}

/// One recorded reconciliation in full.
#[derive(Debug, Serialize)]
pub struct ReconciliationDetail {
    pub reconciliation: ReconciliationRecord,
    pub cleared: Vec<ClearedLine>,
    pub unmatched: Vec<UnmatchedLine>,
    #[serde(skip)]
    pub clock: LocalTime,
}

pub fn show(ledger: &Ledger, id: i64) -> Result<ReconciliationDetail> {
    let store = ledger.reader();
    let record = store
        .reconciliations()?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| Error::not_found(OpsMessage::NoReconciliation { id }))?;
    let (cleared, unmatched) = store.reconciliation_lines(id)?;
    let cleared = cleared
        .into_iter()
        .map(
            |(entry, seq, statement_line, date, amount, reference, match_kind)| ClearedLine {
                entry,
                seq,
                statement_line,
                date,
                amount,
                reference,
                match_kind,
            },
        )
        .collect();
    let unmatched = unmatched
        .into_iter()
        .map(
            |(statement_line, date, amount, reference, description)| UnmatchedLine {
                statement_line,
                date,
                amount,
                reference,
                description,
            },
        )
        .collect();
    Ok(ReconciliationDetail {
        clock: store.local_time()?,
        reconciliation: record,
        cleared,
        unmatched,
    })
}

impl Render for ReconciliationDetail {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let record = std::slice::from_ref(&self.reconciliation);
        crate::render::reconcile::reconciliation_list(out, record, self.clock, lang)?;
        writeln!(out, "{}: {}", L::Matched.get(lang), self.cleared.len())?;
        for c in &self.cleared {
            writeln!(
                out,
                "  {} {}  {}  {:>14}  {}  {} {}/{}  ({})",
                L::Line.get(lang),
                c.statement_line,
                c.date,
                c.amount.grouped(),
                c.reference,
                L::Entry.get(lang),
                c.entry,
                c.seq,
                c.match_kind
            )?;
        }
        writeln!(
            out,
            "{}: {}",
            L::StatementOnly.get(lang),
            self.unmatched.len()
        )?;
        for u in &self.unmatched {
            writeln!(
                out,
                "  {} {}  {}  {:>14}  {}  {}",
                L::Line.get(lang),
                u.statement_line,
                u.date,
                u.amount.grouped(),
                u.reference,
                u.description
            )?;
        }
        Ok(())
    }
}

/// A backup copy, verified.
#[derive(Debug, Serialize)]
pub struct BackedUp {
    pub backup: String,
    pub entries: i64,
    pub fingerprint: Option<String>,
}

impl Render for BackedUp {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        writeln!(
            out,
            "{} {} — {}: {}, {}: {}",
            L::Wrote.get(lang),
            self.backup,
            L::Entries.get(lang),
            self.entries,
            L::Fingerprint.get(lang),
            self.fingerprint.as_deref().unwrap_or_default()
        )
    }
}

/// Copies the ledger (SQLite's online backup) to `path` through `guard`, then
/// verifies the copy.
/// The receipt signing secrets are left out unless `with_signing_key`: an auditor's
/// copy cannot sign receipts. Only a treasurer may take the secret along.
pub fn backup(
    ledger: &Ledger,
    path: &Path,
    guard: &crate::output::Guard,
    with_signing_key: bool,
) -> Result<BackedUp> {
    if with_signing_key {
        super::users::allow(
            ledger.identity()?,
            crate::error::message::Action::TakeSigningKey,
        )?;
    }
    ledger.reader().backup_to(path, guard, with_signing_key)?;
    let copy = crate::store::Store::open(path, true)?;
    let report = crate::verify::run(&copy, &[], None)?;
    if let Some((check, finding)) = report.first_failure() {
        return Err(Error::verify(OpsMessage::BackupDoesNotVerify {
            path: path.display().to_string(),
            check: check.to_string(),
            finding: Box::new(finding.message.clone()),
        }));
    }
    Ok(BackedUp {
        backup: path.display().to_string(),
        entries: report.entries,
        fingerprint: report.fingerprint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::reconciliation::LedgerItem;
    use crate::reconcile::adjustment::adjustment;
    use crate::reconcile::matching::match_statement;
    use crate::reconcile::statement::lines_sha256;

    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    fn day(dice: &mut Dice) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 3, 1).unwrap() + chrono::Days::new(dice.below(25))
    }

    fn amount(dice: &mut Dice) -> Money {
        Money::from_fen([100, 100, 100, -500, 2_000, 12_345][dice.below(6) as usize])
    }

    const REFERENCES: [&str; 5] = ["", "R1", " R1 ", "R2", "  "];

    /// Statement lines and ledger items that compete: few amounts, dates and
    /// references, so pairs, ties and both passes all happen.
    fn case(seed: u64) -> (Vec<StatementLine>, Vec<LedgerItem>) {
        let mut dice = Dice(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut line = 1;
        let lines = (0..dice.below(30))
            .map(|_| {
                line += 1 + dice.below(3);
                StatementLine {
                    line,
                    date: day(&mut dice),
                    amount: amount(&mut dice),
                    reference: REFERENCES[dice.below(5) as usize].to_string(),
                    description: format!("d{}", dice.below(3)),
                }
            })
            .collect();
        let mut items: Vec<LedgerItem> = (0..dice.below(30))
            .map(|i| LedgerItem {
                posting_key: (1 + dice.below(40) as i64, i as i64),
                date: day(&mut dice),
                amount: amount(&mut dice),
                reference: match dice.below(6) {
                    5 => None,
                    r => Some(REFERENCES[r as usize].to_string()),
                },
                memo: String::new(),
            })
            .collect();
        // As the store gives them: in date order, then entry and posting.
        items.sort_by_key(|item| (item.date, item.posting_key));
        (lines, items)
    }

    #[test]
    fn the_spill_matches_as_the_matcher_does_in_memory() {
        let as_of = NaiveDate::from_ymd_opt(2022, 3, 31).unwrap();
        // (matched, tied) by reference and by amount and date, over every case.
        let mut seen = [[0usize; 2]; 2];
        for seed in 0..400 {
            let (lines, items) = case(seed);
            let mut spill = Spill::new().unwrap();
            for line in &lines {
                spill.add_line(line, &canonical(line)).unwrap();
            }
            for item in &items {
                spill.add_item(item).unwrap();
            }
            spill.filled().unwrap();
            let mut digest = LinesDigest::new();
            spill.each_canonical(&mut |c| digest.add(c)).unwrap();
            assert_eq!(digest.finish(), lines_sha256(&lines), "seed {seed}");
            let spilled = match_spill(spill).unwrap();
            let in_memory = match_statement(lines.clone(), items.clone());
            assert_eq!(spilled.load().unwrap(), in_memory, "seed {seed}");
            for (_, _, kind) in &in_memory.matched {
                seen[*kind as usize][0] += 1;
            }
            for tie in &in_memory.ties {
                seen[tie.kind as usize][1] += 1;
            }
            let counts = spilled.counts;
            assert_eq!(counts.lines, lines.len());
            assert_eq!(counts.matched, in_memory.matched.len());
            assert_eq!(counts.ties, in_memory.ties.len());
            let balance = Money::from_fen(1_000);
            assert_eq!(
                adjustment_of(as_of, balance, balance, &unmatched(&spilled).unwrap()).unwrap(),
                adjustment(as_of, balance, balance, &in_memory).unwrap(),
                "seed {seed}"
            );
        }
        assert!(seen.iter().flatten().all(|n| *n > 10), "{seen:?}");
    }
}
