//! Every report as a `Render` (text or JSON) or a `Tabular` (a grid for text or CSV,
//! JSON beside it): the one place that says which renderer draws which report, so a
//! front end prints any of them through one `emit`.

use super::grid::Grid;
use super::{Render, Tabular, annual, receipts, text};
use crate::i18n::Lang;
use crate::ledger::party::Role;
use crate::report::annual::{BeneficiaryReport, DonorReport, DonorStatement};
use crate::report::cash_flow::CashFlow;
use crate::report::entry::EntryView;
use crate::report::fund_balances::FundBalances;
use crate::report::lists::{AccountLine, FundLine};
use crate::report::people::{PartyDetail, PartyLine};
use crate::report::receipts::ReceiptSequence;
use crate::report::search::SearchResult;
use crate::report::statements::{Activities, BalanceSheet};
use crate::report::summary::AnnualSummary;
use crate::report::trial_balance::TrialBalance;
use crate::verify::VerifyReport;
use serde::Serialize;
use std::io::{self, Write};

macro_rules! render_with {
    ($($report:ty => $draw:path;)*) => {
        $(impl Render for $report {
            fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
                $draw(out, self, lang)
            }
        })*
    };
}

render_with! {
    TrialBalance => text::trial_balance;
    EntryView => text::entry;
    SearchResult => text::search;
    Vec<AccountLine> => text::accounts;
    Vec<FundLine> => text::funds;
    VerifyReport => text::verify;
    PartyDetail => text::party_detail;
    FundBalances => text::fund_balances;
    ReceiptSequence => receipts::receipt_sequence;
    AnnualSummary => super::summary::summary;
}

/// Donors or beneficiaries with their totals; the role names the column.
#[derive(Serialize)]
#[serde(transparent)]
pub struct Parties {
    #[serde(skip)]
    pub role: Role,
    pub lines: Vec<PartyLine>,
}

impl Render for Parties {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        text::party_list(out, &self.lines, self.role, lang)
    }
}

macro_rules! grid_with {
    ($($report:ty => $draw:path;)*) => {
        $(impl Tabular for $report {
            fn grid(&self, lang: Lang) -> Grid {
                $draw(self, lang)
            }
        })*
    };
}

grid_with! {
    BalanceSheet => annual::balance_sheet;
    Activities => annual::activities;
    CashFlow => annual::cash_flow;
    DonorStatement => annual::donor_statement;
    DonorReport => annual::donors;
    BeneficiaryReport => annual::beneficiaries;
    crate::report::disclosure::Disclosure => annual::disclosure;
}

/// The funds report of a year: the fund roll-forward as a grid.
#[derive(Serialize)]
#[serde(transparent)]
pub struct YearFunds(pub FundBalances);

impl Tabular for YearFunds {
    fn grid(&self, lang: Lang) -> Grid {
        annual::funds(&self.0, lang)
    }
}
