//! Text of `reconcile`: matched lines, what is on one side only, ties, and the
//! 銀行存款餘額調節表 with its two adjusted balances side by side. The lists are
//! streamed from the report (measured, then written), never held.

use super::table::{Align, Table, cell_width};
use crate::i18n::{L, Lang};
use crate::ledger::money::Money;
use crate::ledger::reconciliation::{LedgerItem, MatchKind, ReconciliationRecord, StatementLine};
use crate::ledger::time::LocalTime;
use crate::report::reconciliation::{ReconcileReport, io_visit};
use std::io::{self, Write};

fn statement_row(l: &StatementLine) -> [String; 5] {
    [
        l.line.to_string(),
        l.date.to_string(),
        l.amount.grouped(),
        l.reference.clone(),
        l.description.clone(),
    ]
}

fn item_row(i: &LedgerItem) -> [String; 5] {
    [
        format!("{}/{}", i.posting_key.0, i.posting_key.1),
        i.date.to_string(),
        i.amount.grouped(),
        i.reference.clone().unwrap_or_default(),
        i.memo.clone(),
    ]
}

/// Where a section's rows go, one at a time.
type RowSink<'a> = dyn FnMut([String; 5]) -> io::Result<()> + 'a;

/// A section: its title and count, then its rows as a table. The rows are read
/// twice — once to measure the columns, once to write them — so none is held.
fn section(
    out: &mut dyn Write,
    title: &str,
    header: [&str; 5],
    count: usize,
    rows: &dyn Fn(&mut RowSink<'_>) -> io::Result<()>,
) -> io::Result<()> {
    writeln!(out, "{title}: {count}")?;
    if count == 0 {
        return Ok(());
    }
    let aligns = [
        Align::Right,
        Align::Left,
        Align::Right,
        Align::Left,
        Align::Left,
    ];
    let columns: Vec<(&str, Align)> = header.iter().copied().zip(aligns).collect();
    let mut widths = [0usize; 5];
    rows(&mut |row| {
        for (w, cell) in widths.iter_mut().zip(&row) {
            *w = (*w).max(cell_width(cell));
        }
        Ok(())
    })?;
    let t = Table::with_bounds(&columns, &widths);
    t.write_header(out)?;
    rows(&mut |row| {
        let cells: [&str; 5] = std::array::from_fn(|i| row[i].as_str());
        t.write_row(out, &cells)
    })?;
    writeln!(out)
}

pub fn reconciliation(out: &mut dyn Write, r: &ReconcileReport, lang: Lang) -> io::Result<()> {
    let g = |l: L| l.get(lang);
    writeln!(
        out,
        "{}  {}  {} {}  ({})",
        g(L::Reconciliation),
        r.account,
        g(L::AsOf),
        r.as_of,
        r.statement
    )?;
    writeln!(out)?;
    let line_header = [
        g(L::Line),
        g(L::Date),
        g(L::Amount),
        g(L::Reference),
        g(L::Memo),
    ];
    let item_header = [
        g(L::Entry),
        g(L::Date),
        g(L::Amount),
        g(L::Reference),
        g(L::Memo),
    ];
    let m = &r.matching;
    let counts = m.counts;
    let matched = |sink: &mut RowSink<'_>| {
        io_visit(m.matched(&mut |line, item, kind| {
            let how = match kind {
                MatchKind::Reference => g(L::Reference),
                MatchKind::AmountDate => g(L::Amount),
            };
            sink([
                line.line.to_string(),
                line.date.to_string(),
                line.amount.grouped(),
                line.reference.clone(),
                format!(
                    "{} {}/{} ({how})",
                    g(L::Entry),
                    item.posting_key.0,
                    item.posting_key.1
                ),
            ])
        }))
    };
    section(out, g(L::Matched), line_header, counts.matched, &matched)?;
    let statement_only =
        |sink: &mut RowSink<'_>| io_visit(m.statement_only(&mut |line| sink(statement_row(line))));
    section(
        out,
        g(L::StatementOnly),
        line_header,
        counts.statement_only,
        &statement_only,
    )?;
    let ledger_only =
        |sink: &mut RowSink<'_>| io_visit(m.ledger_only(&mut |item| sink(item_row(item))));
    section(
        out,
        g(L::LedgerOnly),
        item_header,
        counts.ledger_only,
        &ledger_only,
    )?;
    let ties = |sink: &mut RowSink<'_>| {
        io_visit(m.ties(&mut |tie| {
            for line in &tie.statement_lines {
                sink(statement_row(line))?;
            }
            for item in &tie.ledger_items {
                sink(item_row(item))?;
            }
            Ok(())
        }))
    };
    section(out, g(L::Ties), line_header, counts.tied_rows, &ties)?;
    adjustment_table(out, r, lang)?;
    match r.recorded {
        Some(id) => writeln!(out, "{} {id}", g(L::Committed)),
        None => writeln!(out, "{}", g(L::NotCommitted)),
    }
}

fn adjustment_table(out: &mut dyn Write, r: &ReconcileReport, lang: Lang) -> io::Result<()> {
    let g = |l: L| l.get(lang);
    let a = &r.adjustment;
    let mut t = Table::new(&[
        ("", Align::Left),
        ("", Align::Right),
        ("", Align::Left),
        ("", Align::Right),
    ]);
    let pair = |left: L, lm: Money, right: L, rm: Money| {
        vec![
            g(left).to_string(),
            lm.grouped(),
            g(right).to_string(),
            rm.grouped(),
        ]
    };
    t.row(pair(
        L::LedgerSideLabel,
        a.ledger.balance,
        L::BankSideLabel,
        a.bank.balance,
    ));
    t.row(pair(
        L::ReceivedNotBooked,
        a.ledger.received_not_booked,
        L::BookedNotReceived,
        a.bank.booked_not_received,
    ));
    t.row(pair(
        L::PaidNotBooked,
        a.ledger.paid_not_booked,
        L::BookedNotPaid,
        a.bank.booked_not_paid,
    ));
    t.rule();
    t.row(pair(
        L::Adjusted,
        a.ledger.adjusted,
        L::Adjusted,
        a.bank.adjusted,
    ));
    writeln!(out, "{}", g(L::Reconciliation))?;
    t.write(out)?;
    if a.agrees {
        writeln!(out, "{}", g(L::Agrees))
    } else {
        writeln!(out, "{}: {}", g(L::Difference), a.difference.grouped())
    }
}

pub fn reconciliation_list(
    out: &mut dyn Write,
    records: &[ReconciliationRecord],
    clock: LocalTime,
    lang: Lang,
) -> io::Result<()> {
    let g = |l: L| l.get(lang);
    let mut t = Table::new(&[
        (g(L::Id), Align::Right),
        (g(L::Account), Align::Left),
        (g(L::AsOf), Align::Left),
        (g(L::BankSideLabel), Align::Right),
        (g(L::LedgerSideLabel), Align::Right),
        (g(L::Adjusted), Align::Right),
        (g(L::Result), Align::Left),
        (g(L::RecordedBy), Align::Left),
    ]);
    for r in records {
        let agrees = if r.agrees {
            g(L::Agrees).to_string()
        } else {
            g(L::Difference).to_string()
        };
        t.row(vec![
            r.id.to_string(),
            r.account.clone(),
            r.as_of.clone(),
            r.closing_balance.grouped(),
            r.ledger_balance.grouped(),
            r.adjusted.grouped(),
            agrees,
            format!("{} {}", r.recorded_by, clock.show(&r.recorded_at)),
        ]);
    }
    t.write(out)
}
