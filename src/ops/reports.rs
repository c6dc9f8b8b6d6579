//! Which report a request names, and that report's file: the one dispatch both
//! front ends use (`lovefund report KIND` and the web's `/reports/KIND-WHEN.EXT`).
//! A request is typed (a year, a day, a donor); the front end parses it from its
//! flags or its link. What a report holds is `report::*`'s; how it is laid out is
//! `render`'s; this only chooses, and hands over the bytes of a file.

use crate::error::Result;
use crate::i18n::Lang;
use crate::ops::{Ledger, documents};
use crate::render::Tabular;
use crate::render::grid::Grid;
use crate::render::views::YearFunds;
use crate::report::annual::{self, BeneficiaryReport, DonorReport, DonorStatement};
use crate::report::cash_flow::CashFlow;
use crate::report::disclosure::Disclosure;
use crate::report::statements::{self, Activities, BalanceSheet};
use chrono::NaiveDate;
use serde::Serialize;

/// A report to make, as `lovefund report` names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportRequest {
    BalanceSheet { as_of: NaiveDate },
    Activities { year: i32 },
    CashFlow { year: i32 },
    Funds { year: i32 },
    Donors { year: i32 },
    DonorStatement { year: i32, donor: String },
    Beneficiaries { year: i32 },
    Disclosure { year: i32 },
}

/// A report made: one of the report structs. Its JSON is the struct's own.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Report {
    BalanceSheet(BalanceSheet),
    Activities(Activities),
    CashFlow(CashFlow),
    Funds(YearFunds),
    Donors(DonorReport),
    DonorStatement(DonorStatement),
    Beneficiaries(BeneficiaryReport),
    Disclosure(Disclosure),
}

impl Tabular for Report {
    fn grid(&self, lang: Lang) -> Grid {
        match self {
            Report::BalanceSheet(r) => r.grid(lang),
            Report::Activities(r) => r.grid(lang),
            Report::CashFlow(r) => r.grid(lang),
            Report::Funds(r) => r.grid(lang),
            Report::Donors(r) => r.grid(lang),
            Report::DonorStatement(r) => r.grid(lang),
            Report::Beneficiaries(r) => r.grid(lang),
            Report::Disclosure(r) => r.grid(lang),
        }
    }
}

/// The report `request` names, in `lang` (a disclosure also compared with what
/// was published, in the ledger's language).
pub fn report(ledger: &Ledger, request: &ReportRequest, lang: Lang) -> Result<Report> {
    let store = ledger.reader();
    Ok(match request {
        ReportRequest::BalanceSheet { as_of } => {
            Report::BalanceSheet(statements::balance_sheet(store, *as_of, lang)?)
        }
        ReportRequest::Activities { year } => {
            Report::Activities(statements::activities(store, *year, lang)?)
        }
        ReportRequest::CashFlow { year } => {
            Report::CashFlow(crate::report::cash_flow::cash_flow(store, *year)?)
        }
        ReportRequest::Funds { year } => {
            let (start, end) = annual::year_bounds(*year)?;
            Report::Funds(YearFunds(crate::report::fund_balances::fund_balances(
                store,
                Some(start),
                Some(end),
                end,
                lang,
            )?))
        }
        ReportRequest::Donors { year } => Report::Donors(annual::donor_report(store, *year, lang)?),
        ReportRequest::DonorStatement { year, donor } => {
            Report::DonorStatement(annual::donor_statement(store, *year, donor, lang)?)
        }
        ReportRequest::Beneficiaries { year } => {
            Report::Beneficiaries(annual::beneficiary_report(store, *year, lang)?)
        }
        ReportRequest::Disclosure { year } => Report::Disclosure(
            crate::report::disclosure::disclosure(store, *year, lang, ledger.lang())?,
        ),
    })
}

/// The kinds of file a report's grid is handed over as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Pdf,
    Xlsx,
    /// UTF-8 with a byte-order mark, as `report … --out FILE.csv` writes it.
    Csv,
}

impl FileFormat {
    /// The format a file's extension names.
    pub fn of_extension(extension: &str) -> Option<FileFormat> {
        match extension.to_ascii_lowercase().as_str() {
            "pdf" => Some(FileFormat::Pdf),
            "xlsx" => Some(FileFormat::Xlsx),
            "csv" => Some(FileFormat::Csv),
            _ => None,
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileFormat::Pdf => "application/pdf",
            FileFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileFormat::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// The bytes of `report` as a file of `format`.
pub fn file(ledger: &Ledger, report: &Report, format: FileFormat, lang: Lang) -> Result<Vec<u8>> {
    let grid = report.grid(lang);
    match format {
        FileFormat::Pdf => documents::grid_pdf(ledger.reader(), &grid, lang),
        FileFormat::Xlsx => documents::grid_xlsx(&grid),
        FileFormat::Csv => documents::grid_csv(&grid),
    }
}
