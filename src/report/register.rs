//! An account register (明細賬): every posting of an account and its sub-accounts in
//! journal order with a running balance. The balance is shown on the account's normal
//! side: debits raise an asset or expense account, credits raise the others.
//!
//! A register of a million-entry ledger has hundreds of thousands of lines, so it is
//! not a struct holding them: `register` builds the head (opening and closing balances
//! and period totals, from the derived daily totals), and `Register::for_each_line`
//! streams the lines from the store through the running balance to a renderer, one at
//! a time. The running balance is recomputed from the postings and must end on the
//! closing balance of the head; if the derived totals disagree, the register says so.

use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::account::AccountCode;
use crate::ledger::account::Script;
use crate::ledger::fund::{FundId, Funds};
use crate::ledger::money::Money;
use crate::ledger::words::Words;
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;
use std::io;

/// Everything about a register but its lines.
#[derive(Clone, Debug, Serialize)]
pub struct RegisterHead {
    pub account: String,
    pub name: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub opening_balance: Money,
    /// Debit and credit turnover of the period.
    pub debit_total: Money,
    pub credit_total: Money,
    pub closing_balance: Money,
    /// The codes a line may carry: the account and its sub-accounts.
    #[serde(skip)]
    pub accounts: Vec<String>,
    /// The fund names a line may carry, in the display language.
    #[serde(skip)]
    pub funds: Vec<String>,
    /// The highest entry id a line may carry.
    #[serde(skip)]
    pub last_entry: i64,
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
    /// On a ledger with users: no reviewer has decided on the entry yet.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unreviewed: bool,
    /// A reviewer rejected the entry (its preparer reverses it).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rejected: bool,
}

/// A register ready to stream: its head, and what is needed to read its lines.
pub struct Register<'s> {
    pub head: RegisterHead,
    store: &'s dyn Read,
    funds: Funds,
    /// Which of its names a fund goes by.
    script: Script,
    /// +1 when debits raise the balance, -1 when credits do.
    sign: i64,
    /// The entries a reviewer decided on, when the ledger has users.
    decided: Option<std::collections::HashMap<i64, crate::ledger::user::Verdict>>,
}

pub fn register<'s>(
    store: &'s dyn Read,
    code: &AccountCode,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    lang: impl Words,
) -> Result<Register<'s>> {
    let accounts = store.accounts()?;
    let account = accounts.iter().find(|a| a.code == *code).ok_or_else(|| {
        Error::not_found_in(
            Field::Account,
            OpsMessage::AccountNotInChart {
                account: code.to_string(),
            },
        )
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
    let (debit, credit) = store.turnover(code.as_str(), from, to)?;
    let closing = opening + (debit.fen() - credit.fen()) * sign;
    let prefix = format!("{code}.");
    let head = RegisterHead {
        account: code.to_string(),
        name: account.names.get(lang.script()).to_string(),
        from,
        to,
        opening_balance: Money::from_fen(opening),
        debit_total: debit,
        credit_total: credit,
        closing_balance: Money::from_fen(closing),
        accounts: accounts
            .iter()
            .map(|a| a.code.as_str())
            .filter(|c| *c == code.as_str() || c.starts_with(&prefix))
            .map(str::to_string)
            .collect(),
        funds: funds
            .0
            .iter()
            .map(|f| f.name(lang.script()).to_string())
            .collect(),
        last_entry: store.last_entry_id()?,
    };
    let decided = if store.has_users()? {
        Some(
            store
                .decisions()?
                .into_iter()
                .map(|(id, d)| (id, d.verdict))
                .collect(),
        )
    } else {
        None
    };
    Ok(Register {
        head,
        store,
        funds,
        script: lang.script(),
        sign,
        decided,
    })
}

impl Register<'_> {
    /// Streams each line, with its running balance, to `visit` (a renderer; its
    /// write errors are output errors). Fails after the last line if the postings do
    /// not add up to the closing balance of the head.
    pub fn for_each_line(
        &self,
        mut visit: impl FnMut(&RegisterLine) -> io::Result<()>,
    ) -> Result<()> {
        let head = &self.head;
        let mut balance = head.opening_balance.fen();
        let mut line = RegisterLine {
            date: NaiveDate::MIN,
            entry: 0,
            account: String::new(),
            fund: String::new(),
            memo: String::new(),
            debit: Money::ZERO,
            credit: Money::ZERO,
            balance: Money::ZERO,
            unreviewed: false,
            rejected: false,
        };
        self.store
            .for_each_register_row(&head.account, head.from, head.to, &mut |row| {
                balance += row.amount.fen() * self.sign;
                line.date = row.date;
                line.entry = row.entry_id;
                refill(&mut line.account, row.account);
                refill(&mut line.memo, row.memo);
                match self.funds.get(FundId(row.fund_id)) {
                    Some(fund) => refill(&mut line.fund, fund.name(self.script)),
                    None => refill(&mut line.fund, &row.fund_id.to_string()),
                }
                (line.debit, line.credit) = if row.amount.is_negative() {
                    (Money::ZERO, row.amount.abs())
                } else {
                    (row.amount, Money::ZERO)
                };
                line.balance = Money::from_fen(balance);
                let verdict = self.decided.as_ref().map(|d| d.get(&row.entry_id));
                line.unreviewed = matches!(verdict, Some(None));
                line.rejected =
                    matches!(verdict, Some(Some(crate::ledger::user::Verdict::Rejected)));
                visit(&line).map_err(|e| Error::io(crate::error::message::IoMessage::Output, e))
            })?;
        if balance != head.closing_balance.fen() {
            return Err(Error::verify(OpsMessage::TotalsDisagree {
                account: head.account.to_string(),
                postings: Money::from_fen(balance).plain(),
                totals: head.closing_balance.plain(),
            }));
        }
        Ok(())
    }
}

/// Reuses a line's buffer instead of allocating a string per line.
fn refill(buffer: &mut String, text: &str) {
    buffer.clear();
    buffer.push_str(text);
}
