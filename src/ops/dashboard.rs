//! The dashboard's figures (the web page's first page): balances by fund, the
//! year at a glance (raised, disbursed, people aided, months, reconciliations) and
//! the year's entries waiting for review, all read by the reports the CLI prints.
//! With them, the chain's head they were read at: a front end that keeps figures
//! may show them again while the head has not moved, since everything here is
//! derived from the chain.

use super::Ledger;
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::fund_balances::{FundBalances, fund_balances};
use crate::report::summary::{YearGlance, year_glance};
use crate::store::Read;
use chrono::{Datelike, NaiveDate};

/// The chain's head: the last entry's id and the hash of the last thing chained
/// (an entry or a record after it). Any change to the books moves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head(Option<(i64, Vec<u8>)>);

impl Head {
    /// The last entry's id (0 on an empty ledger).
    pub fn entry(&self) -> i64 {
        self.0.as_ref().map_or(0, |(id, _)| *id)
    }
}

pub fn head(ledger: &Ledger) -> Result<Head> {
    Ok(Head(ledger.reader().chain_last()?))
}

pub struct Dashboard {
    /// The head read before the figures: they hold at least what it does.
    pub head: Head,
    pub funds: FundBalances,
    /// The year of the ledger's last entry: a ledger of past years shows its last.
    pub year: YearGlance,
    /// The year's entries not reviewed yet; None on a ledger without users.
    pub waiting: Option<i64>,
}

pub fn dashboard(ledger: &Ledger, today: NaiveDate, lang: Lang) -> Result<Dashboard> {
    let store = ledger.reader();
    let head = head(ledger)?;
    let funds = fund_balances(store, None, None, today, lang)?;
    let year = year_glance(store, funds.as_of.year(), lang)?;
    let (start, end) = (
        NaiveDate::from_ymd_opt(year.year, 1, 1).unwrap_or(funds.as_of),
        NaiveDate::from_ymd_opt(year.year, 12, 31).unwrap_or(funds.as_of),
    );
    let waiting = crate::report::statements::unreviewed(store, start, end)?;
    Ok(Dashboard {
        head,
        funds,
        year,
        waiting,
    })
}
