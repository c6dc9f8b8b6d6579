//! An account register (明細賬): every posting of an account and its sub-accounts in
//! journal order with a running balance. The balance is shown on the account's normal
//! side: debits raise an asset or expense account, credits raise the others.

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ledger::account::AccountCode;
use crate::ledger::money::Money;
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Register {
    pub account: String,
    pub name: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub opening_balance: Money,
    pub rows: Vec<RegisterLine>,
    pub closing_balance: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct RegisterLine {
    pub date: NaiveDate,
    pub entry: i64,
    pub account: String,
    pub fund: String,
    pub memo: String,
    pub debit: Money,
    pub credit: Money,
    pub balance: Money,
}

pub fn register(
    store: &Store,
    code: &AccountCode,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    lang: Lang,
) -> Result<Register> {
    let account = store
        .accounts()?
        .into_iter()
        .find(|a| a.code == *code)
        .ok_or_else(|| {
            Error::not_found(format!(
                "--account {code} is not in the chart; see `lovefund account list`"
            ))
        })?;
    let funds = store.funds()?;
    let sign = if account.account_type.debit_normal() {
        1
    } else {
        -1
    };
    let opening = match from {
        Some(date) => store.balance_before(code.as_str(), date)?.fen() * sign,
        None => 0,
    };
    let mut balance = opening;
    let rows = store
        .register_rows(code.as_str(), from, to)?
        .into_iter()
        .map(|r| {
            balance += r.amount.fen() * sign;
            let (debit, credit) = if r.amount.is_negative() {
                (Money::ZERO, r.amount.abs())
            } else {
                (r.amount, Money::ZERO)
            };
            let fund = funds
                .get(crate::ledger::fund::FundId(r.fund_id))
                .map_or_else(|| r.fund_id.to_string(), |f| f.name(lang).to_string());
            RegisterLine {
                date: r.date,
                entry: r.entry_id,
                account: r.account,
                fund,
                memo: r.memo,
                debit,
                credit,
                balance: Money::from_fen(balance),
            }
        })
        .collect();
    Ok(Register {
        account: code.to_string(),
        name: account.names.get(lang).to_string(),
        from,
        to,
        opening_balance: Money::from_fen(opening),
        rows,
        closing_balance: Money::from_fen(balance),
    })
}
