//! 现金流量表 (会民非03) by the direct method, for a year: every entry that moved the
//! fund's money (1001 + 1002 + 1012) classed by what is on its other side — 4101 捐赠
//! 收入 is 接受捐赠收到的现金 (行次 1), other income is 收到的其他与业务活动有关的现金
//! (8), 5101 业务活动成本 (the aid paid) is 提供捐赠或者资助支付的现金 (14), any other
//! cost or movement out is 支付的其他与业务活动有关的现金 (19). Transfers between the
//! fund's own accounts move no money and are not lines; a transfer's fee is a cost.
//! A reversal counts against the line of what it reverses. The 行次 are those of the
//! 2004 form (民间非营利组织会计制度, 会民非03); the revised system that applies from
//! 2026 could not be confirmed here, so every year uses the 2004 lines (README).
//! Investing and financing activities are shown with their lines and zero: a love
//! fund's chart has no accounts for them.

use super::annual::year_bounds;
use crate::error::Result;
use crate::ledger::money::Money;
use crate::store::Read;
use serde::Serialize;

/// A line of the statement: its 行次 (row number on the form) and amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CashLine {
    DonationsReceived,
    DuesReceived,
    ServicesReceived,
    SalesReceived,
    GrantsReceived,
    OtherReceived,
    OperatingInflow,
    AidPaid,
    StaffPaid,
    GoodsPaid,
    OtherPaid,
    OperatingOutflow,
    OperatingNet,
    InvestingNet,
    FinancingNet,
    ExchangeEffect,
    NetIncrease,
}

impl CashLine {
    /// The 行次 of the 2004 form.
    pub fn row(self) -> u32 {
        match self {
            CashLine::DonationsReceived => 1,
            CashLine::DuesReceived => 2,
            CashLine::ServicesReceived => 3,
            CashLine::SalesReceived => 4,
            CashLine::GrantsReceived => 5,
            CashLine::OtherReceived => 8,
            CashLine::OperatingInflow => 13,
            CashLine::AidPaid => 14,
            CashLine::StaffPaid => 15,
            CashLine::GoodsPaid => 16,
            CashLine::OtherPaid => 19,
            CashLine::OperatingOutflow => 23,
            CashLine::OperatingNet => 24,
            CashLine::InvestingNet => 44,
            CashLine::FinancingNet => 59,
            CashLine::ExchangeEffect => 60,
            CashLine::NetIncrease => 61,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CashFlowRow {
    pub line: CashLine,
    pub row: u32,
    pub amount: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct CashFlow {
    pub year: i32,
    pub rows: Vec<CashFlowRow>,
    /// The fund's money at the start and end of the year (1001 + 1002 + 1012).
    pub opening_money: Money,
    pub closing_money: Money,
    /// On a ledger with users: the year's entries not reviewed yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreviewed: Option<i64>,
}

impl CashFlow {
    pub fn amount(&self, line: CashLine) -> Money {
        self.rows
            .iter()
            .find(|r| r.line == line)
            .map_or(Money::ZERO, |r| r.amount)
    }
}

pub fn cash_flow(store: &impl Read, year: i32) -> Result<CashFlow> {
    let (start, end) = year_bounds(year)?;
    let (mut donations, mut other_in, mut aid, mut other_out) = (0i64, 0i64, 0i64, 0i64);
    for m in store.cash_moves(start, end)? {
        let income = m.income.as_deref();
        let cost = m.cost.as_deref();
        match (income, cost) {
            (Some(code), _) if code == "4101" || code.starts_with("4101.") => {
                donations += m.cash_fen
            }
            (_, Some(code)) if code == "5101" || code.starts_with("5101.") => aid -= m.cash_fen,
            (Some(_), None) => other_in += m.cash_fen,
            _ if m.cash_fen > 0 => other_in += m.cash_fen,
            _ => other_out -= m.cash_fen,
        }
    }
    let money = |fen: i64| Money::from_fen(fen);
    let inflow = donations + other_in;
    let outflow = aid + other_out;
    let net = inflow - outflow;
    let lines = [
        (CashLine::DonationsReceived, donations),
        (CashLine::DuesReceived, 0),
        (CashLine::ServicesReceived, 0),
        (CashLine::SalesReceived, 0),
        (CashLine::GrantsReceived, 0),
        (CashLine::OtherReceived, other_in),
        (CashLine::OperatingInflow, inflow),
        (CashLine::AidPaid, aid),
        (CashLine::StaffPaid, 0),
        (CashLine::GoodsPaid, 0),
        (CashLine::OtherPaid, other_out),
        (CashLine::OperatingOutflow, outflow),
        (CashLine::OperatingNet, net),
        (CashLine::InvestingNet, 0),
        (CashLine::FinancingNet, 0),
        (CashLine::ExchangeEffect, 0),
        (CashLine::NetIncrease, net),
    ];
    Ok(CashFlow {
        year,
        rows: lines
            .into_iter()
            .map(|(line, fen)| CashFlowRow {
                line,
                row: line.row(),
                amount: money(fen),
            })
            .collect(),
        opening_money: store.money_before(start)?,
        closing_money: store.money_before(end.succ_opt().unwrap_or(end))?,
        unreviewed: super::statements::unreviewed(store, start, end)?,
    })
}
