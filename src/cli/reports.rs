//! `balance`, `register`, `show`, `verify`: reading the ledger.

use super::args::{BalanceArgs, RegisterArgs, ShowArgs, VerifyArgs};
use super::{Context, output};
use crate::error::{Error, Result};
use crate::ledger::account::AccountCode;
use crate::ledger::date::parse_date;
use crate::render::{json, text};
use crate::report::{entry, register, trial_balance};
use std::io::Write;

fn optional_date(field: &str, text: &Option<String>) -> Result<Option<chrono::NaiveDate>> {
    text.as_deref().map(|t| parse_date(field, t)).transpose()
}

/// `--from` and `--to`, checked: each a date if given, and `--from` not after `--to`.
pub(super) fn date_range(
    from: &Option<String>,
    to: &Option<String>,
) -> Result<(Option<chrono::NaiveDate>, Option<chrono::NaiveDate>)> {
    let from = optional_date("--from", from)?;
    let to = optional_date("--to", to)?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(Error::input(format!(
            "--from {f} is after --to {t}; swap them"
        )));
    }
    Ok((from, to))
}

pub fn balance(ctx: &Context, args: BalanceArgs, out: &mut dyn Write) -> Result<()> {
    let as_of = optional_date("--as-of", &args.as_of)?;
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let report = trial_balance::trial_balance(&store, as_of, lang)?;
    if ctx.json {
        return output(json::write(out, &report));
    }
    output(text::trial_balance(out, &report, lang))
}

pub fn register(ctx: &Context, args: RegisterArgs, out: &mut dyn Write) -> Result<()> {
    let code = AccountCode::parse(&args.account)?;
    let (from, to) = date_range(&args.from, &args.to)?;
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let report = register::register(&store, &code, from, to, lang)?;
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
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let view = entry::entry_view(&store, args.entry_id, lang)?;
    if ctx.json {
        return output(json::write(out, &view));
    }
    output(text::entry(out, &view, lang))
}

pub fn verify(ctx: &Context, args: VerifyArgs, out: &mut dyn Write) -> Result<()> {
    let fingerprint = args
        .fingerprint
        .as_deref()
        .map(crate::verify::Fingerprint::parse)
        .transpose()?;
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let report = crate::verify::run(&store, &args.checks, fingerprint.as_ref())?;
    if ctx.json {
        output(json::write(out, &report))?;
    } else {
        output(text::verify(out, &report, lang))?;
    }
    match report.first_failure() {
        None => Ok(()),
        Some((check, finding)) => Err(Error::Verify(format!(
            "verify failed: {check}: {}",
            finding.message
        ))),
    }
}

pub fn summary(
    ctx: &Context,
    year: i32,
    pdf: Option<std::path::PathBuf>,
    font: Option<std::path::PathBuf>,
    out: &mut dyn Write,
) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let lang = ctx.document_lang(&store);
    let report = crate::report::summary::annual_summary(&store, year, lang)?;
    if let Some(path) = &pdf {
        write_summary_pdf(&report, lang, path, font.as_deref())?;
    }
    if ctx.json {
        return output(json::write(out, &report));
    }
    output(crate::render::summary::summary(out, &report, lang))?;
    if let Some(path) = pdf {
        output(writeln!(
            out,
            "{} {}",
            crate::i18n::L::Wrote.get(lang),
            path.display()
        ))?;
    }
    Ok(())
}

/// The annual summary as an A4 PDF at `path`; refused before writing if the font
/// lacks a character.
pub fn write_summary_pdf(
    report: &crate::report::summary::AnnualSummary,
    lang: crate::i18n::Lang,
    path: &std::path::Path,
    font: Option<&std::path::Path>,
) -> Result<()> {
    let font = document_font(font)?;
    let issued = chrono::Local::now().date_naive();
    let doc = crate::render::summary::summary_doc(report, lang, issued);
    let texts = [&doc.fund_name, &doc.title, &doc.issuer]
        .into_iter()
        .chain(doc.program_rows.iter().flatten());
    refuse_missing(&font, texts)?;
    let bytes = crate::render::pdf::render_summary(&doc, &font)
        .map_err(|e| Error::Io(format!("cannot lay out the summary: {e}")))?;
    write_pdf_file(path, bytes)
}

/// One donor's year-end statement as a paginated PDF at `path`.
fn write_statement_pdf(
    store: &crate::store::Store,
    statement: &crate::report::annual::DonorStatement,
    lang: crate::i18n::Lang,
    path: &std::path::Path,
) -> Result<()> {
    let fingerprint = store
        .head()?
        .last
        .map(|(_, hash)| hex::encode(hash))
        .unwrap_or_default();
    let doc =
        crate::render::summary::statement_doc(statement, &store.ledger_name()?, &fingerprint, lang);
    let font = document_font(None)?;
    refuse_missing(
        &font,
        [&doc.fund_name, &doc.donor]
            .into_iter()
            .chain(doc.rows.iter().flatten()),
    )?;
    let bytes = crate::render::pdf::render_statement(&doc, &font)
        .map_err(|e| Error::Io(format!("cannot lay out the statement: {e}")))?;
    write_pdf_file(path, bytes)
}

/// The bundled font, or --font / $LOVEFUND_FONT.
fn document_font(font: Option<&std::path::Path>) -> Result<crate::render::pdf::PdfFont> {
    let font_path = font.map(std::path::Path::to_path_buf).or_else(|| {
        std::env::var_os("LOVEFUND_FONT")
            .filter(|f| !f.is_empty())
            .map(std::path::PathBuf::from)
    });
    crate::render::receipts::load_font(font_path.as_deref())
}

/// Refuses a document with a character the font cannot draw, before anything is written.
fn refuse_missing<'a>(
    font: &crate::render::pdf::PdfFont,
    texts: impl Iterator<Item = &'a String>,
) -> Result<()> {
    for text in texts {
        if let Some(c) = font.missing_chars(text).first() {
            return Err(Error::input(format!(
                "the document has the character {c:?} (U+{:04X}) that the font cannot draw; \
                 nothing was written — give a font that has it with --font PATH or $LOVEFUND_FONT",
                u32::from(*c)
            )));
        }
    }
    Ok(())
}

/// Writes through a temporary file, so a reader never sees half a PDF.
fn write_pdf_file(path: &std::path::Path, bytes: Vec<u8>) -> Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    std::fs::write(&temporary, bytes)
        .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
    std::fs::rename(&temporary, path)
        .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
}

pub fn report(
    ctx: &Context,
    command: super::args::ReportCommand,
    csv: bool,
    out: &mut dyn Write,
) -> Result<()> {
    use super::args::ReportCommand;
    use crate::render::annual;
    use crate::report::annual as reports;
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let grid = match command {
        ReportCommand::BalanceSheet { as_of } => {
            let as_of = parse_date("--as-of", &as_of)?;
            let r = crate::report::statements::balance_sheet(&store, as_of, lang)?;
            if ctx.json {
                return output(json::write(out, &r));
            }
            annual::balance_sheet(&r, lang)
        }
        ReportCommand::Activities { year } => {
            let r = crate::report::statements::activities(&store, year, lang)?;
            if ctx.json {
                return output(json::write(out, &r));
            }
            annual::activities(&r, lang)
        }
        ReportCommand::Funds { year } => {
            let (start, end) = reports::year_bounds(year)?;
            let r =
                crate::report::fund_balances::fund_balances(&store, Some(start), Some(end), lang)?;
            if ctx.json {
                return output(json::write(out, &r));
            }
            annual::funds(&r, lang)
        }
        ReportCommand::Donors {
            year,
            statement: Some(donor),
            pdf,
        } => {
            let r = reports::donor_statement(&store, year, &donor, lang)?;
            if let Some(path) = &pdf {
                write_statement_pdf(&store, &r, ctx.document_lang(&store), path)?;
            }
            if ctx.json {
                return output(json::write(out, &r));
            }
            annual::donor_statement(&r, lang)
        }
        ReportCommand::Donors {
            year,
            statement: None,
            ..
        } => {
            let r = reports::donor_report(&store, year, lang)?;
            if ctx.json {
                return output(json::write(out, &r));
            }
            annual::donors(&r, lang)
        }
        ReportCommand::Beneficiaries { year } => {
            let r = reports::beneficiary_report(&store, year, lang)?;
            if ctx.json {
                return output(json::write(out, &r));
            }
            annual::beneficiaries(&r, lang)
        }
    };
    if csv {
        return output(grid.write_csv(out));
    }
    output(grid.write_text(out))
}
