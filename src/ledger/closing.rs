//! Year-end closing entries (期末結轉) under 民間非營利組織會計制度:
//! income and expense of the year are closed into net assets by restriction —
//! an unrestricted fund's result into 3101 非限定性淨資產; a restricted fund's revenue
//! into 3102 限定性淨資產 and its costs into 3101 — and then the restricted money spent
//! in the year is released from 3102 to 3101 (限定性淨資產轉為非限定性淨資產).
//! Each fund's net assets are the same before and after: closing moves money between
//! accounts, never between funds.

use super::account::{AccountCode, AccountType};
use super::entry::{EntryDetails, EntryKind, NewEntry, Posting};
use super::fund::{FundId, Funds};
use super::money::Money;
use crate::error::message::LedgerMessage;
use crate::error::{Error, Field, Result};
use chrono::NaiveDate;
use std::collections::BTreeMap;

pub const UNRESTRICTED_NET_ASSETS: &str = "3101";
pub const RESTRICTED_NET_ASSETS: &str = "3102";

/// A year-end balance of an income or expense account on one fund (debit positive).
#[derive(Clone, Debug)]
pub struct ResultBalance {
    pub account: String,
    pub account_type: AccountType,
    pub fund: FundId,
    pub net_fen: i64,
}

fn posting(account: &str, fund: FundId, fen: i64) -> Result<Posting> {
    Ok(Posting {
        account: AccountCode::parse(account)?,
        fund,
        amount: Money::from_fen(fen),
    })
}

/// The closing entry and the release entry of `year` (either may be absent when
/// there is nothing to move), both dated 31 December.
pub fn closing_entries(
    year: i32,
    balances: &[ResultBalance],
    funds: &Funds,
    memo: (&str, &str),
) -> Result<Vec<NewEntry>> {
    let date = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| {
        Error::input_in(
            Field::Year,
            LedgerMessage::YearOutOfRange {
                year: i64::from(year),
            },
        )
    })?;
    let mut closing = Vec::new();
    // Per fund: (revenue, costs), both positive.
    let mut per_fund: BTreeMap<FundId, (i64, i64)> = BTreeMap::new();
    for b in balances.iter().filter(|b| b.net_fen != 0) {
        closing.push(posting(&b.account, b.fund, -b.net_fen)?);
        let totals = per_fund.entry(b.fund).or_default();
        match b.account_type {
            AccountType::Income => totals.0 -= b.net_fen,
            AccountType::Expense => totals.1 += b.net_fen,
            _ => {
                return Err(Error::input(LedgerMessage::NotIncomeOrExpense {
                    account: b.account.to_string(),
                }));
            }
        }
    }
    let mut release = Vec::new();
    for (fund, (revenue, costs)) in &per_fund {
        let restricted = funds.get(*fund).is_some_and(|f| f.restricted);
        if !restricted {
            push_nonzero(
                &mut closing,
                UNRESTRICTED_NET_ASSETS,
                *fund,
                costs - revenue,
            )?;
            continue;
        }
        push_nonzero(&mut closing, RESTRICTED_NET_ASSETS, *fund, -revenue)?;
        push_nonzero(&mut closing, UNRESTRICTED_NET_ASSETS, *fund, *costs)?;
        if *costs != 0 {
            release.push(posting(RESTRICTED_NET_ASSETS, *fund, *costs)?);
            release.push(posting(UNRESTRICTED_NET_ASSETS, *fund, -costs)?);
        }
    }
    let mut entries = Vec::new();
    for (postings, memo) in [(closing, memo.0), (release, memo.1)] {
        if !postings.is_empty() {
            let memo = format!("{memo} {year}");
            entries.push(NewEntry::new(
                date,
                EntryKind::Closing,
                &memo,
                EntryDetails::default(),
                postings,
            )?);
        }
    }
    Ok(entries)
}

fn push_nonzero(postings: &mut Vec<Posting>, account: &str, fund: FundId, fen: i64) -> Result<()> {
    if fen != 0 {
        postings.push(posting(account, fund, fen)?);
    }
    Ok(())
}
