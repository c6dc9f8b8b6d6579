//! The two statements of 民間非營利組織會計制度: the balance sheet (資產負債表, after
//! form 會民非01) and the statement of activities (業務活動表, after 會民非02), with the
//! 非限定性 / 限定性 / 合計 columns and the release of restricted net assets.
//! Net assets come from the funds: a fund's balance is restricted or not with it.

use super::annual::year_bounds;
use super::fund_balances::fund_balances;
use crate::error::Result;
use crate::ledger::account::AccountType;
use crate::ledger::chart::{ENTRUSTED_ASSETS, ENTRUSTED_LIABILITIES};
use crate::ledger::fund::FundId;
use crate::ledger::money::Money;
use crate::ledger::words::{Word, Words};
use crate::store::Read;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct StatementLine {
    pub label: String,
    pub code: Option<String>,
    pub amount: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct BalanceSheet {
    pub as_of: NaiveDate,
    pub assets: Vec<StatementLine>,
    pub total_assets: Money,
    pub liabilities: Vec<StatementLine>,
    pub total_liabilities: Money,
    pub unrestricted_net_assets: Money,
    pub restricted_net_assets: Money,
    pub total_net_assets: Money,
    pub total_liabilities_and_net_assets: Money,
    pub balanced: bool,
    /// On a ledger with users: the entries of the year up to `as_of` no reviewer has
    /// decided on yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreviewed: Option<i64>,
}

fn sum(lines: &[StatementLine]) -> Result<Money> {
    Money::total("statement's total", lines.iter().map(|l| l.amount))
}

pub fn balance_sheet(
    store: &impl Read,
    as_of: NaiveDate,
    lang: impl Words,
) -> Result<BalanceSheet> {
    let accounts = store.accounts()?;
    let totals = store.account_totals(Some(as_of))?;
    let balance = |code: &str, debit_normal: bool| {
        let net: i64 = totals
            .iter()
            .filter(|t| t.account == code || t.account.starts_with(&format!("{code}.")))
            .map(|t| t.debit.fen() - t.credit.fen())
            .sum();
        Money::from_fen(if debit_normal { net } else { -net })
    };
    // Money received in trust stays in cash, bank and e-wallet accounts
    // (`operations::entrusted_gift_entry`); as the 2004 system's notes to the balance
    // sheet say, it is shown as 受托代理資產 (line 51), not 貨幣資金 (line 1): what
    // 2601 owes beyond the entrusted goods on 1501 moves from the one line to the other.
    let all_money: i64 = ["1001", "1002", "1012"]
        .iter()
        .map(|c| balance(c, true).fen())
        .sum();
    let entrusted_money = (balance(ENTRUSTED_LIABILITIES, false).fen()
        - balance(ENTRUSTED_ASSETS, true).fen())
    .clamp(0, all_money.max(0));
    let money = Money::from_fen(all_money - entrusted_money);
    let mut assets = vec![StatementLine {
        label: lang.word(Word::CashAndBank).to_string(),
        code: None,
        amount: money,
    }];
    let mut liabilities = Vec::new();
    for a in accounts.iter().filter(|a| !a.code.as_str().contains('.')) {
        let code = a.code.as_str();
        let line = |debit_normal| StatementLine {
            label: a.names.get(lang.script()).to_string(),
            code: Some(code.to_string()),
            amount: match code == ENTRUSTED_ASSETS {
                true => Money::from_fen(balance(code, debit_normal).fen() + entrusted_money),
                false => balance(code, debit_normal),
            },
        };
        match a.account_type {
            AccountType::Asset if !["1001", "1002", "1012"].contains(&code) => {
                assets.push(line(true))
            }
            AccountType::Liability => liabilities.push(line(false)),
            _ => {}
        }
    }
    let funds = fund_balances(store, Some(as_of), Some(as_of), as_of, lang)?;
    let restriction: Vec<bool> = funds.funds.iter().map(|f| f.restricted).collect();
    let net = |restricted: bool| {
        Money::from_fen(
            funds
                .funds
                .iter()
                .zip(&restriction)
                .filter(|(_, r)| **r == restricted)
                .map(|(f, _)| f.closing.fen())
                .sum(),
        )
    };
    let (total_assets, total_liabilities) = (sum(&assets)?, sum(&liabilities)?);
    let (unrestricted, restricted) = (net(false), net(true));
    let total_net_assets = unrestricted.plus("net assets", restricted)?;
    let total_liabilities_and_net_assets =
        total_liabilities.plus("liabilities and net assets", total_net_assets)?;
    let year_start = NaiveDate::from_ymd_opt(as_of.year(), 1, 1).unwrap_or(as_of);
    Ok(BalanceSheet {
        unreviewed: unreviewed(store, year_start, as_of)?,
        as_of,
        balanced: total_assets == total_liabilities_and_net_assets,
        assets,
        total_assets,
        liabilities,
        total_liabilities,
        unrestricted_net_assets: unrestricted,
        restricted_net_assets: restricted,
        total_net_assets,
        total_liabilities_and_net_assets,
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct Activities {
    pub year: i32,
    pub revenue: Vec<ActivityLine>,
    pub total_revenue: ActivityLine,
    pub costs: Vec<ActivityLine>,
    pub total_costs: ActivityLine,
    /// 限定性淨資產轉為非限定性淨資產: restricted money spent in the year.
    pub release: ActivityLine,
    pub change_in_net_assets: ActivityLine,
    /// On a ledger with users: the year's entries not reviewed yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreviewed: Option<i64>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct ActivityLine {
    pub label: String,
    pub code: Option<String>,
    pub unrestricted: Money,
    pub restricted: Money,
    pub total: Money,
}

fn line(label: &str, code: Option<&str>, unrestricted: i64, restricted: i64) -> ActivityLine {
    ActivityLine {
        label: label.to_string(),
        code: code.map(str::to_string),
        unrestricted: Money::from_fen(unrestricted),
        restricted: Money::from_fen(restricted),
        total: Money::from_fen(unrestricted + restricted),
    }
}

fn totals(label: &str, lines: &[ActivityLine]) -> ActivityLine {
    let sum = |f: fn(&ActivityLine) -> Money| lines.iter().map(|l| f(l).fen()).sum::<i64>();
    line(label, None, sum(|l| l.unrestricted), sum(|l| l.restricted))
}

pub fn activities(store: &impl Read, year: i32, lang: impl Words) -> Result<Activities> {
    let (start, end) = year_bounds(year)?;
    let movements = store.account_movements(start, end)?;
    let funds = store.funds()?;
    let restricted = |fund: i64| funds.get(FundId(fund)).is_some_and(|f| f.restricted);
    let mut revenue = Vec::new();
    let mut costs = Vec::new();
    let mut released = 0i64;
    for account in store
        .accounts()?
        .iter()
        .filter(|a| !a.code.as_str().contains('.'))
    {
        let code = account.code.as_str();
        let of_account =
            |m: &&(i64, String, Money)| m.1 == code || m.1.starts_with(&format!("{code}."));
        let (mut u, mut r) = (0i64, 0i64);
        for (fund, _, amount) in movements.iter().filter(of_account) {
            match (account.account_type, restricted(*fund)) {
                (AccountType::Income, true) => r -= amount.fen(),
                (AccountType::Income, false) => u -= amount.fen(),
                (AccountType::Expense, is_restricted) => {
                    u += amount.fen();
                    if is_restricted {
                        released += amount.fen();
                    }
                }
                _ => {}
            }
        }
        let name = account.names.get(lang.script());
        match account.account_type {
            AccountType::Income => revenue.push(line(name, Some(code), u, r)),
            AccountType::Expense => costs.push(line(name, Some(code), u, r)),
            _ => {}
        }
    }
    let total_revenue = totals(lang.word(Word::TotalRevenue), &revenue);
    let total_costs = totals(lang.word(Word::TotalCosts), &costs);
    let release = line(lang.word(Word::Release), None, released, -released);
    let change = |f: fn(&ActivityLine) -> Money| {
        f(&total_revenue).fen() - f(&total_costs).fen() + f(&release).fen()
    };
    let change_in_net_assets = line(
        lang.word(Word::ChangeInNetAssets),
        None,
        change(|l| l.unrestricted),
        change(|l| l.restricted),
    );
    Ok(Activities {
        year,
        revenue,
        total_revenue,
        costs,
        total_costs,
        release,
        change_in_net_assets,
        unreviewed: unreviewed(store, start, end)?,
    })
}

/// How many entries dated `from..=to` wait for review, on a ledger with users.
pub fn unreviewed(store: &impl Read, from: NaiveDate, to: NaiveDate) -> Result<Option<i64>> {
    if !store.has_users()? {
        return Ok(None);
    }
    Ok(Some(store.unreviewed(from, to, 0)?.0))
}
