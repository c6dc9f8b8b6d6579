//! The trial balance (科目餘額表): per account, debit and credit turnover and the
//! closing balance on its side, up to a date. Parent accounts show their own postings
//! plus their sub-accounts'; the totals add each posting once, so debits equal credits.

use crate::error::Result;
use crate::ledger::account::AccountType;
use crate::ledger::money::Money;
use crate::ledger::words::Words;
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, Serialize)]
pub struct TrialBalance {
    pub as_of: Option<NaiveDate>,
    pub accounts: Vec<TrialRow>,
    pub totals: TrialTotals,
    /// Whether total debits equal total credits (always, unless the file is damaged).
    pub balanced: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct TrialRow {
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub account_type: AccountType,
    /// 0 for a top-level account, 1 for a sub-account, …
    pub depth: usize,
    pub debit: Money,
    pub credit: Money,
    pub balance_debit: Money,
    pub balance_credit: Money,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct TrialTotals {
    pub debit: Money,
    pub credit: Money,
    pub balance_debit: Money,
    pub balance_credit: Money,
}

/// Splits a net (debit-positive) balance onto its side.
fn sides(net: i64) -> (Money, Money) {
    if net >= 0 {
        (Money::from_fen(net), Money::ZERO)
    } else {
        (Money::ZERO, Money::from_fen(-net))
    }
}

pub fn trial_balance(
    store: &impl Read,
    as_of: Option<NaiveDate>,
    lang: impl Words,
) -> Result<TrialBalance> {
    let accounts = store.accounts()?;
    let own: HashMap<String, (i64, i64)> = store
        .account_totals(as_of)?
        .into_iter()
        .map(|t| (t.account, (t.debit.fen(), t.credit.fen())))
        .collect();
    let mut rows = Vec::with_capacity(accounts.len());
    let mut totals = (0i64, 0i64, 0i64, 0i64);
    for account in &accounts {
        let code = account.code.as_str();
        let prefix = format!("{code}.");
        let (debit, credit) = own
            .iter()
            .filter(|(c, _)| *c == code || c.starts_with(&prefix))
            .fold((0, 0), |(d, c), (_, (dd, cc))| (d + dd, c + cc));
        let (balance_debit, balance_credit) = sides(debit - credit);
        if let Some((d, c)) = own.get(code) {
            let (bd, bc) = sides(d - c);
            totals.0 += d;
            totals.1 += c;
            totals.2 += bd.fen();
            totals.3 += bc.fen();
        }
        rows.push(TrialRow {
            code: code.to_string(),
            name: account.names.get(lang.script()).to_string(),
            account_type: account.account_type,
            depth: code.matches('.').count(),
            debit: Money::from_fen(debit),
            credit: Money::from_fen(credit),
            balance_debit,
            balance_credit,
        });
    }
    let totals = TrialTotals {
        debit: Money::from_fen(totals.0),
        credit: Money::from_fen(totals.1),
        balance_debit: Money::from_fen(totals.2),
        balance_credit: Money::from_fen(totals.3),
    };
    Ok(TrialBalance {
        as_of,
        balanced: totals.debit == totals.credit && totals.balance_debit == totals.balance_credit,
        accounts: rows,
        totals,
    })
}
