//! The annual summary as text: headline figures, the table by program, money by
//! month, the roll-forward of the fund's money, the last reconciliation and the
//! ledger fingerprint.

use super::pdf::PdfDates;
use super::table::{Align, Table};
use crate::i18n::{L, Lang};
use crate::ledger::money::Money;
use crate::report::summary::AnnualSummary;
use crate::report::summary::MonthLine;
use std::io::{self, Write};

/// "貧困學生 42 名、貧困戶 40 戶" / "42 students, 40 households".
pub fn aided_line(s: &AnnualSummary, lang: Lang) -> String {
    let g = |l: L| l.get(lang);
    match lang {
        Lang::En => format!(
            "{} {}, {} {}",
            s.students_aided,
            g(L::StudentsAided),
            s.households_aided,
            g(L::HouseholdsAided)
        ),
        _ => format!(
            "{} {} {}、{} {} {}",
            g(L::StudentsAided),
            s.students_aided,
            g(L::PersonUnit),
            g(L::HouseholdsAided),
            s.households_aided,
            g(L::HouseholdUnit)
        ),
    }
}

/// The movements of the fund's money besides raised and disbursed (admin costs,
/// loans, transfers): what makes opening + raised − disbursed reach the closing.
pub fn other_movements(s: &AnnualSummary) -> Money {
    Money::from_fen(
        s.closing_balance.fen() - s.opening_balance.fen() - s.raised.fen() + s.disbursed.fen(),
    )
}

pub fn summary(out: &mut dyn Write, s: &AnnualSummary, lang: Lang) -> io::Result<()> {
    let g = |l: L| l.get(lang);
    let preliminary = if s.preliminary { g(L::Preliminary) } else { "" };
    writeln!(
        out,
        "{}  {} {}{preliminary}{}",
        s.fund_name,
        s.year,
        g(L::SummaryTitle),
        crate::render::annual::unreviewed_note(s.unreviewed, lang)
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}  {}  ({} {}, {} {})",
        g(L::RaisedFunds),
        s.raised.yuan(),
        s.donations_count,
        g(L::Gifts),
        s.donors_count,
        g(L::FromDonors)
    )?;
    writeln!(
        out,
        "{}  {}  ({} {})",
        g(L::DisbursedFunds),
        s.disbursed.yuan(),
        s.disbursements_count,
        g(L::Payments)
    )?;
    writeln!(out, "{}  {}", g(L::Aided), aided_line(s, lang))?;
    writeln!(out)?;
    let mut t = Table::new(&[
        (g(L::Program), Align::Left),
        (g(L::Raised), Align::Right),
        (g(L::Disbursed), Align::Right),
    ]);
    for p in &s.by_program {
        t.row(vec![
            p.name.clone(),
            p.raised.grouped(),
            p.disbursed.grouped(),
        ]);
    }
    t.rule();
    t.row(vec![
        g(L::Total).to_string(),
        s.raised.grouped(),
        s.disbursed.grouped(),
    ]);
    t.write(out)?;
    writeln!(out)?;
    let results = |m: &MonthLine| (m.raised, m.disbursed);
    let total = Some((s.raised, s.disbursed));
    month_table(
        out,
        lang,
        (L::MonthlyResults, L::Raised, L::Disbursed),
        s,
        results,
        total,
    )?;
    writeln!(out)?;
    let money = |m: &MonthLine| (m.money_in, m.money_out);
    month_table(
        out,
        lang,
        (L::MonthlyMoney, L::MoneyIn, L::MoneyOut),
        s,
        money,
        None,
    )?;
    writeln!(out)?;
    writeln!(out, "{}", g(L::RollForward))?;
    let mut t = Table::new(&[("", Align::Left), ("", Align::Right)]);
    t.row(vec![
        g(L::OpeningMoney).to_string(),
        s.opening_balance.grouped(),
    ]);
    t.row(vec![g(L::AddRaised).to_string(), s.raised.grouped()]);
    t.row(vec![g(L::LessDisbursed).to_string(), s.disbursed.grouped()]);
    t.row(vec![
        g(L::OtherMovements).to_string(),
        other_movements(s).grouped(),
    ]);
    t.rule();
    t.row(vec![
        g(L::ClosingMoney).to_string(),
        s.closing_balance.grouped(),
    ]);
    t.write(out)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}: {}",
        g(L::LastReconciliation),
        reconciliation_line(s, lang)
    )?;
    writeln!(
        out,
        "{}: {}",
        g(L::Fingerprint),
        s.fingerprint.as_deref().unwrap_or("-")
    )?;
    match &s.signing_key {
        Some(key) => writeln!(
            out,
            "{}: {} {}",
            g(L::SigningKey),
            key.key_id,
            key.public_key
        ),
        None => Ok(()),
    }
}

/// A table of the twelve months: its title and two columns, each month's pair, and
/// the total row when given.
fn month_table(
    out: &mut dyn Write,
    lang: Lang,
    (title, first, second): (L, L, L),
    s: &AnnualSummary,
    pair: impl Fn(&MonthLine) -> (Money, Money),
    total: Option<(Money, Money)>,
) -> io::Result<()> {
    writeln!(out, "{}", title.get(lang))?;
    let mut t = Table::new(&[
        (L::Month.get(lang), Align::Right),
        (first.get(lang), Align::Right),
        (second.get(lang), Align::Right),
    ]);
    for m in &s.months {
        let (a, b) = pair(m);
        t.row(vec![m.month.to_string(), a.grouped(), b.grouped()]);
    }
    if let Some((a, b)) = total {
        t.rule();
        t.row(vec![
            L::Total.get(lang).to_string(),
            a.grouped(),
            b.grouped(),
        ]);
    }
    t.write(out)
}

pub fn reconciliation_line(s: &AnnualSummary, lang: Lang) -> String {
    if s.last_reconciliations.is_empty() {
        return L::NoReconciliation.get(lang).to_string();
    }
    let each = s.last_reconciliations.iter().map(|r| {
        let result = if r.agrees { L::Agrees } else { L::Difference };
        format!(
            "#{} {} {} {} — {}",
            r.id,
            r.account,
            L::AsOf.get(lang),
            r.as_of,
            result.get(lang)
        )
    });
    each.collect::<Vec<_>>().join("; ")
}

/// The annual summary laid out for the A4 PDF, in the ledger's language, dated
/// `issued` (the day it is printed).
pub fn summary_doc(
    s: &AnnualSummary,
    lang: Lang,
    issued: chrono::NaiveDate,
    dates: PdfDates,
) -> crate::render::pdf::summary::SummaryDoc {
    let g = |l: L| l.get(lang).to_string();
    let months = s
        .months
        .iter()
        .map(|m| {
            let label = match lang {
                Lang::En => [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ][(m.month as usize).clamp(1, 12) - 1]
                    .to_string(),
                _ => format!("{}月", m.month),
            };
            (label, m.raised.fen().max(0), m.disbursed.fen().max(0))
        })
        .collect();
    crate::render::pdf::summary::SummaryDoc {
        dates,
        fund_name: s.fund_name.clone(),
        title: if s.preliminary {
            format!("{} {}{}", s.year, g(L::SummaryTitle), g(L::Preliminary))
        } else {
            format!("{} {}", s.year, g(L::SummaryTitle))
        } + &crate::render::annual::unreviewed_note(s.unreviewed, lang),
        headline: vec![
            (g(L::RaisedFunds), s.raised.yuan()),
            (g(L::DisbursedFunds), s.disbursed.yuan()),
            (g(L::Aided), aided_line(s, lang)),
        ],
        program_headers: vec![g(L::Program), g(L::Raised), g(L::Disbursed)],
        program_rows: program_rows(s, lang),
        chart_title: g(L::MonthlyResults),
        chart_legend: (g(L::Raised), g(L::Disbursed)),
        months,
        roll_forward_title: g(L::RollForward),
        roll_forward: vec![
            (g(L::OpeningMoney), s.opening_balance.yuan()),
            (g(L::AddRaised), s.raised.yuan()),
            (g(L::LessDisbursed), s.disbursed.yuan()),
            (g(L::OtherMovements), other_movements(s).yuan()),
            (g(L::ClosingMoney), s.closing_balance.yuan()),
        ],
        reconciliation: format!(
            "{}: {}",
            g(L::LastReconciliation),
            reconciliation_line(s, lang)
        ),
        fingerprint_label: g(L::Fingerprint),
        fingerprint: s.fingerprint.clone().unwrap_or_default(),
        signing_key: s
            .signing_key
            .as_ref()
            .map(|k| (g(L::SigningKey), format!("{} {}", k.key_id, k.public_key))),
        signatures: vec![g(L::TreasurerSignature), g(L::AuditorSignature)],
        closing: g(L::HerebyPublished),
        issuer: format!("{}　{}", s.fund_name, long_date(issued, lang)),
    }
}

/// A date as a notice is signed: 2023年1月15日, or 15 January 2023.
fn long_date(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    match lang {
        Lang::En => date.format("%-d %B %Y").to_string(),
        _ => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// The program table of the PDF: each fund, funds beyond what the page holds added up
/// as one line, and the total.
fn program_rows(s: &AnnualSummary, lang: Lang) -> Vec<Vec<String>> {
    let shown = crate::render::pdf::summary::PROGRAM_ROWS_MAX - 2;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut other_raised, mut other_disbursed) = (0i64, 0i64);
    for (i, p) in s.by_program.iter().enumerate() {
        if i < shown || s.by_program.len() <= shown + 1 {
            rows.push(vec![p.name.clone(), p.raised.yuan(), p.disbursed.yuan()]);
        } else {
            other_raised += p.raised.fen();
            other_disbursed += p.disbursed.fen();
        }
    }
    if s.by_program.len() > shown + 1 {
        rows.push(vec![
            L::OtherFunds.get(lang).to_string(),
            Money::from_fen(other_raised).yuan(),
            Money::from_fen(other_disbursed).yuan(),
        ]);
    }
    rows.push(vec![
        L::Total.get(lang).to_string(),
        s.raised.yuan(),
        s.disbursed.yuan(),
    ]);
    rows
}

/// A donor's year-end statement laid out for the paginated PDF.
pub fn statement_doc(
    r: &crate::report::annual::DonorStatement,
    fund_name: &str,
    fingerprint: &str,
    lang: Lang,
    dates: PdfDates,
) -> crate::render::pdf::statement::StatementDoc {
    let g = |l: L| l.get(lang).to_string();
    crate::render::pdf::statement::StatementDoc {
        dates,
        fund_name: fund_name.to_string(),
        title: format!("{} {}", r.year, g(L::DonorStatementTitle)),
        donor: format!("{}: {}", g(L::Donor), r.donor),
        headers: vec![
            g(L::Date),
            g(L::ReceiptNo),
            g(L::Purpose),
            g(L::PaymentMethod),
            g(L::Amount),
        ],
        rows: r
            .gifts
            .iter()
            .map(|gift| {
                vec![
                    gift.date.to_string(),
                    gift.receipt.clone().unwrap_or_default(),
                    gift.fund.clone(),
                    gift.method.clone().unwrap_or_default(),
                    gift.amount.yuan(),
                ]
            })
            .collect(),
        total: vec![
            g(L::Total),
            String::new(),
            String::new(),
            String::new(),
            r.total.yuan(),
        ],
        amount_columns: 1,
        note: g(L::StatementNote),
        page_label: match lang {
            Lang::En => "Page {n} of {m}".to_string(),
            Lang::ZhHans => "第 {n} / {m} 页".to_string(),
            Lang::ZhHant => "第 {n} / {m} 頁".to_string(),
        },
        fingerprint_label: g(L::Fingerprint),
        fingerprint: fingerprint.to_string(),
    }
}

/// The summary's tables as one grid for a spreadsheet (the audit pack's CSV): each
/// program, then each month with what it raised and disbursed and the money into
/// and out of the cash accounts; the headline figures as the total row. The first
/// column says which table a row belongs to, so the program rows and the month rows
/// each add up to the total on their own.
pub fn summary_grid(s: &AnnualSummary, lang: Lang) -> super::grid::Grid {
    use super::grid::{Cell, Grid};
    let g = |l: L| l.get(lang).to_string();
    let empty = || Cell::Text(String::new());
    let mut rows = Vec::new();
    for p in &s.by_program {
        rows.push(vec![
            Cell::Text(g(L::Program)),
            Cell::Text(p.name.clone()),
            Cell::Amount(p.raised),
            Cell::Amount(p.disbursed),
            empty(),
            empty(),
        ]);
    }
    for m in &s.months {
        rows.push(vec![
            Cell::Text(g(L::Month)),
            Cell::Text(format!("{}-{:02}", s.year, m.month)),
            Cell::Amount(m.raised),
            Cell::Amount(m.disbursed),
            Cell::Amount(m.money_in),
            Cell::Amount(m.money_out),
        ]);
    }
    let preliminary = if s.preliminary {
        g(L::Preliminary)
    } else {
        String::new()
    };
    Grid {
        title: format!("{} {}{preliminary}", s.year, g(L::SummaryTitle)),
        columns: vec![
            String::new(),
            String::new(),
            g(L::Raised),
            g(L::Disbursed),
            g(L::MoneyIn),
            g(L::MoneyOut),
        ],
        rows,
        totals: Some(vec![
            Cell::Text(g(L::Total)),
            empty(),
            Cell::Amount(s.raised),
            Cell::Amount(s.disbursed),
            empty(),
            empty(),
        ]),
    }
}
