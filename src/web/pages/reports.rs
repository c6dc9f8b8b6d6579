//! Reports and statements to download (`lovefund report … --out FILE.pdf|.xlsx|.csv`,
//! `lovefund summary --pdf`): the same report functions the command line calls,
//! their grid handed over as a PDF, a workbook or a CSV instead of written to a
//! file. A file's name says what it holds (`activities-2022.xlsx`,
//! `balance-sheet-2022-12-31.pdf`); nothing of it is ever a path.

use crate::error::message::WebMessage;
use crate::error::{Error, Field, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::date::{parse_date, parse_year};
use crate::ops::reports::{self, FileFormat, ReportRequest};
use crate::ops::{Actor, Ledger, documents};
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::Signed;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::collections::HashMap;
use std::sync::Arc;

/// The reports, by the name their files start with: those of a year, then the
/// balance sheet, which is as of a day.
const BY_YEAR: &[(&str, W)] = &[
    ("activities", W::Activities),
    ("cash-flow", W::CashFlow),
    ("funds", W::FundBalances),
    ("donors", W::DonorReport),
    ("beneficiaries", W::BeneficiaryReport),
    ("disclosure", W::Disclosure),
];

const FORMATS: &[(&str, &str)] = &[("pdf", "PDF"), ("xlsx", "Excel"), ("csv", "CSV")];

/// The request a file's stem names (`activities-2022`, `balance-sheet-2022-12-31`),
/// parsed as `report KIND --year Y` / `--as-of D` parses its flags.
fn request(stem: &str) -> Result<ReportRequest> {
    let no_such = || Error::not_found(WebMessage::NoSuchPage);
    if let Some(as_of) = stem.strip_prefix("balance-sheet-") {
        let as_of = parse_date(Field::AsOf, as_of)?;
        return Ok(ReportRequest::BalanceSheet { as_of });
    }
    let (kind, when) = BY_YEAR
        .iter()
        .find_map(|(k, _)| Some((*k, stem.strip_prefix(k)?.strip_prefix('-')?)))
        .ok_or_else(no_such)?;
    let year = parse_year(Field::Year, when)?;
    Ok(match kind {
        "activities" => ReportRequest::Activities { year },
        "cash-flow" => ReportRequest::CashFlow { year },
        "funds" => ReportRequest::Funds { year },
        "donors" => ReportRequest::Donors { year },
        "beneficiaries" => ReportRequest::Beneficiaries { year },
        "disclosure" => ReportRequest::Disclosure { year },
        _ => return Err(no_such()),
    })
}

/// The bytes of `file` (`KIND-WHEN.EXT`) and its content type.
fn made(ledger: &Ledger, file: &str, user: &str, lang: Lang) -> Result<(&'static str, Vec<u8>)> {
    let no_such = || Error::not_found(WebMessage::NoSuchPage);
    let (stem, extension) = file.rsplit_once('.').ok_or_else(no_such)?;
    if let Some(year) = stem.strip_prefix("summary-") {
        if extension != "pdf" {
            return Err(no_such());
        }
        let year = parse_year(Field::Year, year)?;
        let report = crate::report::summary::annual_summary(ledger.reader(), year, lang)?;
        let issued = Actor::now(user)?.today;
        return Ok((
            "application/pdf",
            documents::summary_pdf(&report, lang, issued, None)?,
        ));
    }
    let format = FileFormat::of_extension(extension)
        .filter(|_| extension == extension.to_ascii_lowercase())
        .ok_or_else(no_such)?;
    let report = reports::report(ledger, &request(stem)?, lang)?;
    Ok((
        format.content_type(),
        reports::file(ledger, &report, format, lang)?,
    ))
}

fn body(frame: &Frame, year: &str, as_of: &str) -> Markup {
    let lang = frame.lang;
    let links = |stem: String| {
        html! {
            td.downloads {
                @for (ext, name) in FORMATS {
                    a href={ "/reports/" (stem) "." (ext) } download { (name) }
                }
            }
        }
    };
    html! {
        div.toolbar {
            form method="get" action="/reports" {
                label { (W::Year.get(lang)) input name="year" inputmode="numeric" value=(year) required; }
                label { (W::AsOf.get(lang)) input type="date" name="as_of" value=(as_of); }
                button.secondary type="submit" { (W::Show.get(lang)) }
            }
        }
        div.card {
            table id="reports" {
                tbody {
                    tr { td { (W::BalanceSheet.get(lang)) " · " (as_of) } (links(format!("balance-sheet-{as_of}"))) }
                    @for (kind, word) in BY_YEAR {
                        tr { td { (word.get(lang)) " · " (year) } (links(format!("{kind}-{year}"))) }
                    }
                    tr {
                        td { (W::AnnualSummary.get(lang)) " · " (year) }
                        td.downloads { a href={ "/reports/summary-" (year) ".pdf" } download { "PDF" } }
                    }
                }
            }
        }
    }
}

pub async fn show(signed: Signed, Query(q): Query<HashMap<String, String>>) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/reports",
    };
    let last_year = chrono::Datelike::year(&chrono::Local::now().date_naive()) - 1;
    let year = q
        .get("year")
        .map(|y| y.trim().to_string())
        .filter(|y| !y.is_empty())
        .unwrap_or_else(|| last_year.to_string());
    let as_of = q
        .get("as_of")
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| format!("{year}-12-31"));
    page::page(&frame, W::Reports, body(&frame, &year, &as_of)).into_response()
}

/// `/reports/activities-2022.xlsx`: that report's file.
pub async fn file(
    State(app): State<Arc<App>>,
    signed: Signed,
    Path(file): Path<String>,
) -> Response {
    let lang = signed.lang;
    let user = signed.user.clone();
    let name = file.clone();
    let made = app
        .as_user(&signed.user, move |l| made(l, &name, &user, lang))
        .await;
    match made {
        Ok((kind, bytes)) => {
            let extension = file.rsplit_once('.').map_or("", |(_, e)| e);
            (
                [
                    (header::CONTENT_TYPE, kind.to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        page::attachment(&file, extension),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => page::refused(lang, &e),
    }
}
