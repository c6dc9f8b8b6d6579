//! `balance`, `register`, `show`, `verify`, `summary`, `report`: reading the ledger.

use super::args::{BalanceArgs, RegisterArgs, SearchArgs, ShowArgs, VerifyArgs};
use super::{Context, output};
use crate::error::message::{CliMessage, VerifyMessage};
use crate::error::{Error, Field, Result};
use crate::ledger::account::AccountCode;
use crate::ledger::date::parse_date;
use crate::ops::documents;
use crate::render::{json, text};
use crate::report::{entry, register, trial_balance};
use std::io::Write;

fn optional_date(field: Field, text: &Option<String>) -> Result<Option<chrono::NaiveDate>> {
    text.as_deref().map(|t| parse_date(field, t)).transpose()
}

/// `--from` and `--to`, checked: each a date if given, and `--from` not after `--to`.
pub(super) fn date_range(
    from: &Option<String>,
    to: &Option<String>,
) -> Result<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> {
    let from = optional_date(Field::From, from)?;
    let to = optional_date(Field::To, to)?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(Error::input(CliMessage::FromAfterTo {
            from: f.to_string(),
            to: t.to_string(),
        }));
    }
    Ok((from, to))
}

pub fn balance(ctx: &Context, args: BalanceArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = optional_date(Field::AsOf, &args.as_of)?;
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let report = trial_balance::trial_balance(ledger.reader(), as_of, lang)?;
    ctx.emit(out, lang, &report)
}

/// The register streams: its lines go out as they are read, in either form.
pub fn register(ctx: &Context, args: RegisterArgs, out: &mut dyn Write) -> Result<()> {
    let code = AccountCode::parse(&args.account)?;
    let (from, to) = date_range(&args.from, &args.to)?;
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let report = register::register(ledger.reader(), &code, from, to, lang)?;
    if ctx.json {
        let mut writer = output(json::RegisterJson::start(out, &report.head))?;
        report.for_each_line(|line| writer.line(out, line))?;
        return output(writer.finish(out));
    }
    let writer = output(text::RegisterText::start(out, &report.head, lang))?;
    report.for_each_line(|line| writer.line(out, line))?;
    output(writer.finish(out, &report.head, lang))
}

pub fn show(ctx: &Context, args: ShowArgs, out: &mut dyn Write) -> Result<()> {
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let view = entry::entry_view(ledger.reader(), super::values::id(&args.entry_id)?, lang)?;
    ctx.emit(out, lang, &view)
}

pub fn search(ctx: &Context, args: SearchArgs, out: &mut dyn Write) -> Result<()> {
    let (from, to) = date_range(&args.from, &args.to)?;
    let min = args
        .min
        .as_deref()
        .map(|m| super::journal::positive(Field::Min, m))
        .transpose()?;
    let max = args
        .max
        .as_deref()
        .map(|m| super::journal::positive(Field::Max, m))
        .transpose()?;
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let request = crate::report::search::SearchRequest {
        text: args.text,
        from,
        to,
        min,
        max,
        kind: args.kind.map(Into::into),
        fund: args.fund,
        limit: args.limit,
    };
    let result = crate::report::search::search(ledger.reader(), &request, lang)?;
    ctx.emit(out, lang, &result)
}

pub fn verify(ctx: &Context, args: VerifyArgs, out: &mut dyn Write) -> Result<()> {
    let fingerprint = args
        .fingerprint
        .as_deref()
        .map(crate::verify::Fingerprint::parse)
        .transpose()?;
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let checks: Vec<String> = args.checks.iter().map(|c| c.name()).collect();
    let report = crate::verify::run(ledger.reader(), &checks, fingerprint.as_ref())?;
    ctx.emit(out, lang, &report)?;
    match report.first_failure() {
        None => Ok(()),
        Some((check, finding)) => Err(Error::verify(VerifyMessage::Failed {
            check: check.to_string(),
            finding: Box::new(finding.message.clone()),
        })),
    }
}

/// (the PDF file, its font, --force, the date it is signed on)
type SummaryPdf = (
    Option<std::path::PathBuf>,
    Option<std::path::PathBuf>,
    bool,
    Option<chrono::NaiveDate>,
);

pub fn summary(ctx: &Context, year: i32, pdf: SummaryPdf, out: &mut dyn Write) -> Result<()> {
    let (pdf, font, force, date) = pdf;
    let guard = super::output_guard(ctx, Field::Pdf, force);
    if let Some(path) = &pdf {
        guard.check(path)?;
    }
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let report = crate::report::summary::annual_summary(ledger.reader(), year, lang)?;
    if let Some(path) = &pdf {
        let signed = date.unwrap_or(ctx.actor()?.today);
        let font = font.as_deref();
        documents::write_summary_pdf(&report, lang, signed, path, font, &guard)?;
    }
    ctx.emit(out, lang, &report)?;
    if let (Some(path), false) = (pdf, ctx.json) {
        let wrote = crate::i18n::L::Wrote.get(lang);
        output(writeln!(out, "{wrote} {}", path.display()))?;
    }
    Ok(())
}

pub fn report(
    ctx: &Context,
    command: super::args::ReportCommand,
    to: &super::TableOut,
    out: &mut dyn Write,
) -> Result<()> {
    use super::args::ReportCommand;
    use crate::ops::reports::{Report, ReportRequest};
    if let ReportCommand::Disclosure {
        year,
        publish: true,
        correction,
    } = command
    {
        ctx.refuse_if_read_only()?;
        let year = super::values::year(&year)?;
        let mut ledger = ctx.open_for_writing()?;
        let lang = ctx.lang(&ledger);
        let actor = ctx.actor()?;
        let published =
            crate::ops::disclosure::publish_disclosure(&mut ledger, &actor, year, correction)?;
        // Shown in the reader's language; recorded in the ledger's.
        let r = match lang == ledger.lang() {
            true => published,
            false => {
                crate::report::disclosure::disclosure(ledger.reader(), year, lang, ledger.lang())?
            }
        };
        return ctx.emit_table(out, lang, &r, to, &ledger);
    }
    let year = |y: &str| super::values::year(y);
    let (request, pdf) = match command {
        ReportCommand::BalanceSheet { as_of } => (
            ReportRequest::BalanceSheet {
                as_of: parse_date(Field::AsOf, &as_of)?,
            },
            None,
        ),
        ReportCommand::Activities { year: y } => {
            (ReportRequest::Activities { year: year(&y)? }, None)
        }
        ReportCommand::CashFlow { year: y } => (ReportRequest::CashFlow { year: year(&y)? }, None),
        ReportCommand::Funds { year: y } => (ReportRequest::Funds { year: year(&y)? }, None),
        ReportCommand::Donors {
            year: y,
            statement: Some(donor),
            pdf,
        } => (
            ReportRequest::DonorStatement {
                year: year(&y)?,
                donor,
            },
            pdf,
        ),
        ReportCommand::Donors { year: y, .. } => (ReportRequest::Donors { year: year(&y)? }, None),
        ReportCommand::Beneficiaries { year: y } => {
            (ReportRequest::Beneficiaries { year: year(&y)? }, None)
        }
        ReportCommand::Disclosure { year: y, .. } => {
            (ReportRequest::Disclosure { year: year(&y)? }, None)
        }
    };
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let r = crate::ops::reports::report(&ledger, &request, lang)?;
    if let (Report::DonorStatement(statement), Some(path)) = (&r, &pdf) {
        let guard = super::output_guard(ctx, Field::Pdf, to.force);
        documents::write_donor_statement(&ledger, statement, lang, path, &guard)?;
    }
    ctx.emit_table(out, lang, &r, to, &ledger)
}
