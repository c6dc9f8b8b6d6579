//! `reconcile`: match a bank statement to the ledger, show the 銀行存款餘額調節表,
//! and with `--commit` record it; `reconcile list | show ID`; and `backup PATH`.

use super::args::{ReconcileArgs, ReconcileCommand};
use super::{Context, output};
use crate::error::{Error, Result};
use crate::i18n::L;
use crate::input::Encoding;
use crate::ledger::account::AccountCode;
use crate::ledger::date::parse_date;
use crate::ledger::money::Money;
use crate::reconcile::adjustment::adjustment;
use crate::reconcile::matching::match_statement;
use crate::reconcile::statement::{ColumnMapping, read_statement};
use crate::render::json;
use crate::report::reconciliation::ReconcileReport;
use crate::store::reconciliations::{NewReconciliation, insert_reconciliation};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

fn required<'a>(value: &'a Option<String>, flag: &str) -> Result<&'a str> {
    value
        .as_deref()
        .ok_or_else(|| Error::input(format!("{flag} is required to reconcile")))
}

pub fn run(ctx: &Context, args: ReconcileArgs, out: &mut dyn Write) -> Result<()> {
    match args.command {
        Some(ReconcileCommand::List) => return list(ctx, out),
        Some(ReconcileCommand::Show { id }) => return show(ctx, id, out),
        None => {}
    }
    if args.commit {
        ctx.refuse_if_read_only()?;
    }
    let account = AccountCode::parse(&args.account)?;
    let path = args
        .statement
        .as_deref()
        .ok_or_else(|| Error::input("--statement is required to reconcile"))?;
    let closing = Money::parse_signed(required(&args.closing_balance, "--closing-balance")?.trim())
        .map_err(|e| Error::input(format!("--closing-balance {e}")))?;
    let as_of = parse_date("--as-of", required(&args.as_of, "--as-of")?)?;
    let mapping = match &args.columns {
        Some(text) => ColumnMapping::parse(text)?,
        None => ColumnMapping::default(),
    };
    let encoding = args.encoding.as_deref().map(Encoding::parse).transpose()?;
    let statement = read_statement(path, encoding, &mapping)?;
    if !statement.errors.is_empty() {
        let mut stderr = std::io::stderr().lock();
        for e in &statement.errors {
            let _ = writeln!(stderr, "line {}, column {}: {}", e.line, e.column, e.reason);
        }
        return Err(Error::input(format!(
            "the statement has {} bad line(s), listed above; fix them and reconcile again",
            statement.errors.len() + statement.errors_more
        )));
    }
    let mut store = if args.commit {
        ctx.open_for_writing()?
    } else {
        ctx.open_for_reading()?
    };
    let lang = ctx.lang(&store);
    match store.accounts()?.iter().find(|a| a.code == account) {
        None => {
            return Err(Error::not_found(format!(
                "--account {account} is not in the chart"
            )));
        }
        Some(a) if a.account_type != crate::ledger::account::AccountType::Asset => {
            return Err(Error::input(format!(
                "--account {account} is not an asset account; reconcile a bank (1002) or \
                 e-wallet (1012) account"
            )));
        }
        Some(_) => {}
    }
    let items = store.uncleared_items(account.as_str(), as_of)?;
    let day_after = as_of.succ_opt().unwrap_or(as_of);
    let ledger_balance = store.balance_before(account.as_str(), day_after)?;
    let statement_lines = statement.lines.len();
    let matching = match_statement(statement.lines, items);
    let table = adjustment(as_of, ledger_balance, closing, &matching)?;
    let recorded = if args.commit {
        let sha = statement_sha256(path)?;
        let record = NewReconciliation {
            account: account.as_str(),
            as_of,
            statement_sha256: &sha,
            statement_lines,
            closing_balance: closing,
            ledger_balance,
            adjusted: table.bank.adjusted,
            agrees: table.agrees,
            matched: &matching.matched,
            unmatched: &matching.statement_only,
        };
        let (user, now) = (ctx.user.clone(), ctx.now());
        Some(store.write(|tx| insert_reconciliation(tx, &record, &user, &now))?)
    } else {
        None
    };
    let report = ReconcileReport {
        account: account.to_string(),
        as_of,
        statement: path.display().to_string(),
        encoding: statement.encoding.name(),
        matching,
        adjustment: table,
        recorded,
    };
    if ctx.json {
        return output(json::write(out, &report));
    }
    output(crate::render::reconcile::reconciliation(out, &report, lang))
}

fn statement_sha256(path: &Path) -> Result<String> {
    let bytes =
        std::fs::read(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    Ok(hex::encode(Sha256::digest(&bytes)))
}

fn list(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let records = store.reconciliations()?;
    if ctx.json {
        return output(json::write(out, &records));
    }
    output(crate::render::reconcile::reconciliation_list(
        out, &records, lang,
    ))
}

fn show(ctx: &Context, id: i64, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let record = store
        .reconciliations()?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| {
            Error::not_found(format!(
                "there is no reconciliation {id}; see `lovefund reconcile list`"
            ))
        })?;
    let (cleared, unmatched) = store.reconciliation_lines(id)?;
    if ctx.json {
        let cleared: Vec<_> = cleared
            .iter()
            .map(|(entry, seq, line, date, amount, reference, kind)| {
                json!({"entry": entry, "seq": seq, "statement_line": line, "date": date, "amount": amount, "reference": reference, "match": kind})
            })
            .collect();
        let unmatched: Vec<_> = unmatched
            .iter()
            .map(|(line, date, amount, reference, description)| {
                json!({"statement_line": line, "date": date, "amount": amount, "reference": reference, "description": description})
            })
            .collect();
        return output(json::write(
            out,
            &json!({"reconciliation": record, "cleared": cleared, "unmatched": unmatched}),
        ));
    }
    output(crate::render::reconcile::reconciliation_list(
        out,
        std::slice::from_ref(&record),
        lang,
    ))?;
    output(writeln!(out, "{}: {}", L::Matched.get(lang), cleared.len()))?;
    for (entry, seq, line, date, amount, reference, kind) in &cleared {
        output(writeln!(
            out,
            "  {} {line}  {date}  {:>14}  {reference}  {} {entry}/{seq}  ({kind})",
            L::Line.get(lang),
            amount.grouped(),
            L::Entry.get(lang)
        ))?;
    }
    output(writeln!(
        out,
        "{}: {}",
        L::StatementOnly.get(lang),
        unmatched.len()
    ))?;
    for (line, date, amount, reference, description) in &unmatched {
        output(writeln!(
            out,
            "  {} {line}  {date}  {:>14}  {reference}  {description}",
            L::Line.get(lang),
            amount.grouped()
        ))?;
    }
    Ok(())
}

pub fn backup(ctx: &Context, path: &Path, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    store.backup_to(path)?;
    let copy = crate::store::Store::open(path, true)?;
    let report = crate::verify::run(&copy, &[], None)?;
    if let Some((check, finding)) = report.first_failure() {
        return Err(Error::Verify(format!(
            "the backup at {} does not verify ({check}: {}); it is kept for inspection",
            path.display(),
            finding.message
        )));
    }
    if ctx.json {
        return output(json::write(
            out,
            &json!({"backup": path.display().to_string(), "entries": report.entries, "fingerprint": report.fingerprint}),
        ));
    }
    output(writeln!(
        out,
        "{} {} — {}: {}, {}: {}",
        L::Wrote.get(lang),
        path.display(),
        L::Entries.get(lang),
        report.entries,
        L::Fingerprint.get(lang),
        report.fingerprint.unwrap_or_default()
    ))
}
