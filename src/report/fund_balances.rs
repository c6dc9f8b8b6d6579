//! Fund balances: per fund, the opening balance, what was raised and disbursed in the
//! period, transfers between funds (net-asset postings, e.g. releases of restriction),
//! and the closing balance. A fund's balance is its net assets.

use crate::error::Result;
use crate::ledger::money::Money;
use crate::ledger::words::Words;
use crate::store::Read;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct FundBalances {
    pub from: NaiveDate,
    pub as_of: NaiveDate,
    pub funds: Vec<FundBalance>,
    pub total: FundBalance,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct FundBalance {
    pub fund: String,
    pub alias: String,
    pub restricted: bool,
    pub opening: Money,
    pub raised: Money,
    pub disbursed: Money,
    pub transfers: Money,
    pub closing: Money,
}

/// `as_of` defaults to the last date in the ledger (`today` for an empty one);
/// `from` to 1 January of that year.
pub fn fund_balances(
    store: &impl Read,
    from: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
    today: NaiveDate,
    lang: impl Words,
) -> Result<FundBalances> {
    let as_of = match as_of {
        Some(d) => d,
        None => store.last_date()?.unwrap_or(today),
    };
    let from = from.unwrap_or_else(|| NaiveDate::from_ymd_opt(as_of.year(), 1, 1).unwrap_or(as_of));
    if from > as_of {
        return Err(crate::error::Error::input_in(
            crate::error::Field::From,
            crate::error::message::OpsMessage::FromAfterEnd {
                from: from.to_string(),
                end: as_of.to_string(),
            },
        ));
    }
    let movements = store.fund_movements(from, as_of)?;
    // Year-end closing entries move money between accounts within a fund; they are
    // not raised, disbursed or transferred, so they are taken out again.
    let closing = store.closing_movements(from, as_of)?;
    let mut total = FundBalance::default();
    let mut funds = Vec::new();
    for fund in store.funds()?.0 {
        let mut f = FundBalance {
            fund: fund.name(lang.script()).to_string(),
            alias: fund.alias.clone(),
            restricted: fund.restricted,
            ..FundBalance::default()
        };
        // Sums of many amounts, kept wide and checked once at the end.
        let (mut opening, mut raised, mut disbursed, mut transfers) = (0i128, 0i128, 0i128, 0i128);
        for m in movements.iter().filter(|m| m.fund_id == fund.id.0) {
            match m.account_type.as_str() {
                "income" => raised -= m.during.wide(),
                "expense" => disbursed += m.during.wide(),
                "net-assets" => transfers -= m.during.wide(),
                _ => continue,
            }
            opening -= m.before.wide();
        }
        for (_, account_type, amount) in closing.iter().filter(|(f, _, _)| *f == fund.id.0) {
            match account_type.as_str() {
                "income" => raised += amount.wide(),
                "expense" => disbursed -= amount.wide(),
                "net-assets" => transfers += amount.wide(),
                _ => {}
            }
        }
        let what = "fund's balance";
        f.opening = Money::from_wide(what, opening)?;
        f.raised = Money::from_wide(what, raised)?;
        f.disbursed = Money::from_wide(what, disbursed)?;
        f.transfers = Money::from_wide(what, transfers)?;
        f.closing = Money::from_wide(what, opening + raised - disbursed + transfers)?;
        for (sum, part) in [
            (&mut total.opening, f.opening),
            (&mut total.raised, f.raised),
            (&mut total.disbursed, f.disbursed),
            (&mut total.transfers, f.transfers),
            (&mut total.closing, f.closing),
        ] {
            *sum = sum.plus("total of the funds", part)?;
        }
        funds.push(f);
    }
    Ok(FundBalances {
        from,
        as_of,
        funds,
        total,
    })
}
