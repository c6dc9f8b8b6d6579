//! The annual summary (年度收支公告): what the committee and the public read.
//! `raised` is donation revenue and `disbursed` program costs (5101) dated in the
//! year, net of reversals dated in the year, so a mistake reversed within the year
//! counts zero and a closed year's figures never change. Counts are of donations and
//! disbursements not reversed within the year; beneficiaries are counted once each.

use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::fund::FundId;
use crate::ledger::money::Money;
use crate::ledger::words::Words;
use crate::report::receipts::SigningKeyView;
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct AnnualSummary {
    pub year: i32,
    pub fund_name: String,
    pub opening_balance: Money,
    pub raised: Money,
    pub donations_count: i64,
    pub donors_count: i64,
    pub disbursed: Money,
    pub disbursements_count: i64,
    pub students_aided: i64,
    pub households_aided: i64,
    pub closing_balance: Money,
    pub by_program: Vec<ProgramLine>,
    pub months: Vec<MonthLine>,
    /// Per account (by code), the reconciliation with the latest as-of date in or
    /// before the year (of two on one date, the later recorded).
    pub last_reconciliations: Vec<ReconciliationStatus>,
    pub fingerprint: Option<String>,
    /// The year is not closed yet: its figures may still change (初步).
    pub preliminary: bool,
    /// On a ledger with users: the year's entries not reviewed yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreviewed: Option<i64>,
    /// The key receipts are signed with now (its id and public key): the summary
    /// publishes it, so donors can check their receipts.
    pub signing_key: Option<SigningKeyView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProgramLine {
    /// study-aid, poverty-relief, hardship, unrestricted (or a fund's own alias)
    pub program: String,
    pub name: String,
    pub raised: Money,
    pub disbursed: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct MonthLine {
    pub month: u32,
    /// Donations raised in the month, net of reversals: the months add up to `raised`.
    pub raised: Money,
    /// Aid disbursed in the month: the months add up to `disbursed`.
    pub disbursed: Money,
    /// Money into and out of 1001 + 1002 + 1012, transfers between them left out.
    pub money_in: Money,
    pub money_out: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct ReconciliationStatus {
    pub id: i64,
    pub account: String,
    pub as_of: String,
    pub agrees: bool,
}

fn is_donation_revenue(account: &str) -> bool {
    account == "4101" || account.starts_with("4101.")
}

fn is_program_cost(account: &str) -> bool {
    account.starts_with("5101.") || account == "5101"
}

/// Per account, the reconciliation with the latest `as_of` on or before `end` (ISO
/// dates compare as text); of two on one date, the higher id. Ordered by account.
fn latest_per_account(
    records: Vec<crate::ledger::reconciliation::ReconciliationRecord>,
    end: &str,
) -> Vec<ReconciliationStatus> {
    let mut latest = std::collections::BTreeMap::new();
    for r in records.into_iter().filter(|r| r.as_of.as_str() <= end) {
        let key = (r.as_of.clone(), r.id);
        let newer = match latest.get(&r.account) {
            Some((best, _)) => &key > best,
            None => true,
        };
        if newer {
            latest.insert(r.account.clone(), (key, r));
        }
    }
    latest
        .into_values()
        .map(|(_, r)| ReconciliationStatus {
            id: r.id,
            account: r.account,
            as_of: r.as_of,
            agrees: r.agrees,
        })
        .collect()
}

/// The first and last day of `year`, refused outside the years a ledger keeps.
fn year_days(year: i32) -> Result<(NaiveDate, NaiveDate)> {
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(s), Some(e)) if (1900..=9998).contains(&year) => Ok((s, e)),
        _ => Err(Error::input_in(
            Field::Year,
            OpsMessage::YearNotKept {
                year: i64::from(year),
            },
        )),
    }
}

/// Per fund: raised and disbursed in [start, end].
fn programs(
    store: &impl Read,
    start: NaiveDate,
    end: NaiveDate,
    lang: &impl Words,
) -> Result<Vec<ProgramLine>> {
    let movements = store.account_movements(start, end)?;
    let funds = store.funds()?;
    Ok(funds
        .0
        .iter()
        .map(|f| {
            let sum = |keep: fn(&str) -> bool, sign: i64| {
                let fen: i64 = movements
                    .iter()
                    .filter(|(fund, account, _)| FundId(*fund) == f.id && keep(account))
                    .map(|(_, _, m)| m.fen() * sign)
                    .sum();
                Money::from_fen(fen)
            };
            ProgramLine {
                program: f.alias.clone(),
                name: f.name(lang.script()).to_string(),
                raised: sum(is_donation_revenue, -1),
                disbursed: sum(is_program_cost, 1),
            }
        })
        .collect())
}

/// The counts of [start, end]: donations and their donors (with `donations`),
/// disbursements and the students and households they aided.
#[derive(Default)]
struct Activity {
    donations: i64,
    donors: i64,
    disbursements: i64,
    students: i64,
    households: i64,
}

fn activity(
    store: &impl Read,
    start: NaiveDate,
    end: NaiveDate,
    donations: bool,
) -> Result<Activity> {
    let mut counts = Activity::default();
    for (kind, party_type, entries, parties) in store.activity_counts(start, end, donations)? {
        if kind == "donation" {
            counts.donations += entries;
            counts.donors += parties;
            continue;
        }
        counts.disbursements += entries;
        match party_type.as_str() {
            "student" => counts.students += parties,
            "household" => counts.households += parties,
            _ => {}
        }
    }
    Ok(counts)
}

/// All twelve months of [start, end]'s year, quiet ones as zero, so a chart has its
/// full year: raised and disbursed, as the headline counts them.
fn month_results(store: &impl Read, start: NaiveDate, end: NaiveDate) -> Result<Vec<MonthResult>> {
    let mut months: Vec<MonthResult> = (1..=12)
        .map(|month| MonthResult {
            month,
            raised: Money::ZERO,
            disbursed: Money::ZERO,
        })
        .collect();
    for (month, raised, disbursed) in store.monthly_results(start, end)? {
        if let Some(line) = months.get_mut(month.saturating_sub(1) as usize) {
            line.raised = Money::from_fen(raised);
            line.disbursed = Money::from_fen(disbursed);
        }
    }
    Ok(months)
}

/// A year at a glance, as the dashboard shows it: the summary's headline figures,
/// months and reconciliations, without what only the published summary needs (its
/// cash months, balances, counts of donations and donors), so that it reads a
/// million-entry ledger's year in tens of milliseconds. Every figure is the
/// summary's own, computed by the same functions.
#[derive(Clone, Debug, Serialize)]
pub struct YearGlance {
    pub year: i32,
    pub raised: Money,
    pub disbursed: Money,
    pub students_aided: i64,
    pub households_aided: i64,
    pub months: Vec<MonthResult>,
    pub last_reconciliations: Vec<ReconciliationStatus>,
}

/// One month's raised and disbursed, as the summary's headline counts them.
#[derive(Clone, Debug, Serialize)]
pub struct MonthResult {
    pub month: u32,
    pub raised: Money,
    pub disbursed: Money,
}

pub fn year_glance(store: &impl Read, year: i32, lang: impl Words) -> Result<YearGlance> {
    let (start, end) = year_days(year)?;
    let by_program = programs(store, start, end, &lang)?;
    let total =
        |pick: fn(&ProgramLine) -> Money| Money::total("year's total", by_program.iter().map(pick));
    let aided = activity(store, start, end, false)?;
    Ok(YearGlance {
        year,
        raised: total(|p| p.raised)?,
        disbursed: total(|p| p.disbursed)?,
        students_aided: aided.students,
        households_aided: aided.households,
        months: month_results(store, start, end)?,
        last_reconciliations: latest_per_account(
            store.reconciliations()?,
            &crate::ledger::date::iso(end),
        ),
    })
}

pub fn annual_summary(store: &impl Read, year: i32, lang: impl Words) -> Result<AnnualSummary> {
    let (start, end) = year_days(year)?;
    let by_program = programs(store, start, end, &lang)?;
    let total =
        |pick: fn(&ProgramLine) -> Money| Money::total("year's total", by_program.iter().map(pick));
    let counts = activity(store, start, end, true)?;
    let last_reconciliations =
        latest_per_account(store.reconciliations()?, &crate::ledger::date::iso(end));
    let mut months: Vec<MonthLine> = month_results(store, start, end)?
        .into_iter()
        .map(|m| MonthLine {
            month: m.month,
            raised: m.raised,
            disbursed: m.disbursed,
            money_in: Money::ZERO,
            money_out: Money::ZERO,
        })
        .collect();
    for m in store.cash_moves(start, end)? {
        if let Some(line) = months.get_mut(m.month.saturating_sub(1) as usize) {
            let fen = Money::from_fen(m.cash_fen.abs());
            if m.cash_fen > 0 {
                line.money_in = line.money_in.plus("money in", fen)?;
            } else {
                line.money_out = line.money_out.plus("money out", fen)?;
            }
        }
    }
    Ok(AnnualSummary {
        year,
        fund_name: store.ledger_name_in(lang.script())?,
        opening_balance: store.money_before(start)?,
        raised: total(|p| p.raised)?,
        donations_count: counts.donations,
        donors_count: counts.donors,
        disbursed: total(|p| p.disbursed)?,
        disbursements_count: counts.disbursements,
        students_aided: counts.students,
        households_aided: counts.households,
        closing_balance: store.money_before(end.succ_opt().unwrap_or(end))?,
        by_program,
        months,
        last_reconciliations,
        fingerprint: store.chain_last()?.map(|(_, hash)| hex::encode(hash)),
        preliminary: store.closed_year(year)?.is_none(),
        unreviewed: super::statements::unreviewed(store, start, end)?,
        signing_key: store.signing_keys()?.last().map(|k| SigningKeyView {
            key_id: k.key_id.clone(),
            public_key: hex::encode(k.public_key),
        }),
    })
}
