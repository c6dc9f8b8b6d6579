//! Writing PDF documents (receipts, the annual summary, a donor's statement): the
//! font (bundled, `--font` or $LOVEFUND_FONT), the check that it can draw every
//! character before anything is written, and the write through the output guard
//! (`crate::output`), which refuses the ledger's own files and writes through a
//! temporary file so a reader never sees half a PDF.

use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::i18n::Lang;
use crate::output::Guard;
use crate::render::pdf::{PdfDates, PdfFont};
use crate::report::annual::DonorStatement;
use crate::report::summary::AnnualSummary;
use crate::store::Read;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The font a document is drawn with: the one given, else $LOVEFUND_FONT, else the
/// bundled one.
pub fn font(path: Option<&Path>) -> Result<PdfFont> {
    let from_env = || {
        std::env::var_os("LOVEFUND_FONT")
            .filter(|f| !f.is_empty())
            .map(PathBuf::from)
    };
    let path = path.map(Path::to_path_buf).or_else(from_env);
    crate::render::receipts::load_font(path.as_deref())
}

/// A donor's name the receipt font cannot draw: each receipt of that donor will be
/// left out of `receipt print --year` until a font that has the characters is given.
#[derive(Debug, Serialize)]
pub struct UnprintableName {
    pub name: String,
    /// Each character with its code point, e.g. "𠀁 U+20001".
    pub characters: Vec<String>,
}

/// The names the receipt font ($LOVEFUND_FONT, else the bundled one) cannot draw,
/// for a warning when they are recorded. Nothing is loaded when there are no
/// names; a font that cannot be loaded answers nothing here, `receipt print` says why.
pub fn unprintable_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<UnprintableName> {
    let mut names = names.into_iter().peekable();
    if names.peek().is_none() {
        return Vec::new();
    }
    let Ok(font) = font(None) else {
        return Vec::new();
    };
    names
        .filter_map(|name| {
            let missing = font.missing_chars(name);
            (!missing.is_empty()).then(|| UnprintableName {
                name: name.to_string(),
                characters: missing
                    .into_iter()
                    .map(super::receipts::char_with_code_point)
                    .collect(),
            })
        })
        .collect()
}

/// Refuses a document with a character the font cannot draw, before anything is
/// written.
pub fn refuse_missing<'a>(font: &PdfFont, texts: impl Iterator<Item = &'a String>) -> Result<()> {
    for text in texts {
        if let Some(c) = font.missing_chars(text).first() {
            return Err(Error::input_in(
                Field::Font,
                OpsMessage::DocumentCharacter { character: *c },
            ));
        }
    }
    Ok(())
}

/// The dates of a document printed now (the summary and statements are dated when
/// they are printed; a receipt when it was issued).
fn printed_now() -> PdfDates {
    PdfDates::at(chrono::Utc::now().timestamp())
}

/// The annual summary as an A4 PDF at `path`, issued `issued`.
pub fn write_summary_pdf(
    report: &AnnualSummary,
    lang: Lang,
    issued: chrono::NaiveDate,
    path: &Path,
    font_path: Option<&Path>,
    guard: &Guard,
) -> Result<()> {
    guard.check(path)?;
    let bytes = summary_pdf(report, lang, issued, font_path)?;
    guard.write(path, &bytes)
}

/// The annual summary's A4 PDF, issued `issued`, as bytes.
pub fn summary_pdf(
    report: &AnnualSummary,
    lang: Lang,
    issued: chrono::NaiveDate,
    font_path: Option<&Path>,
) -> Result<Vec<u8>> {
    let font = font(font_path)?;
    let doc = crate::render::summary::summary_doc(report, lang, issued, printed_now());
    let texts = [&doc.fund_name, &doc.title, &doc.issuer]
        .into_iter()
        .chain(doc.program_rows.iter().flatten());
    refuse_missing(&font, texts)?;
    crate::render::pdf::render_summary(&doc, &font).map_err(|e| {
        Error::io_said(
            crate::error::message::IoMessage::LayOut {
                document: crate::error::message::Document::Summary,
            },
            e,
        )
    })
}

/// The ledger's fingerprint (its chain head, hex), or "" for an empty ledger.
pub fn fingerprint_of(store: &impl Read) -> Result<String> {
    Ok(store
        .chain_last()?
        .map(|(_, hash)| hex::encode(hash))
        .unwrap_or_default())
}

/// Draws `doc` (an A4 statement layout) in the bundled font and writes it to `path`,
/// refused first if the font lacks a character of its names, title or rows.
fn write_statement_doc(
    doc: &crate::render::pdf::StatementDoc,
    path: &Path,
    guard: &Guard,
) -> Result<()> {
    let bytes = statement_pdf(doc)?;
    guard.write(path, &bytes)
}

/// `doc` drawn in the bundled font, refused if the font lacks a character of it.
fn statement_pdf(doc: &crate::render::pdf::StatementDoc) -> Result<Vec<u8>> {
    let font = font(None)?;
    let texts = [&doc.fund_name, &doc.title, &doc.donor]
        .into_iter()
        .chain(doc.rows.iter().flatten());
    refuse_missing(&font, texts)?;
    crate::render::pdf::render_statement(doc, &font).map_err(|e| {
        Error::io_said(
            crate::error::message::IoMessage::LayOut {
                document: crate::error::message::Document::Statement,
            },
            e,
        )
    })
}

/// One donor's year-end statement as a paginated PDF at `path`, with the fund's name
/// and the ledger's fingerprint.
pub fn write_donor_statement(
    ledger: &super::Ledger,
    statement: &DonorStatement,
    lang: Lang,
    path: &Path,
    guard: &Guard,
) -> Result<()> {
    guard.check(path)?;
    let store = ledger.reader();
    let fingerprint = fingerprint_of(store)?;
    let fund_name = store.ledger_name_in(lang.into())?;
    let doc = crate::render::summary::statement_doc(
        statement,
        &fund_name,
        &fingerprint,
        lang,
        printed_now(),
    );
    write_statement_doc(&doc, path, guard)
}

/// Any report's grid (the balance sheet, activities, cash flow, funds …) as a
/// paginated A4 PDF in the fund's layout: its title, the table with its amount
/// columns right-aligned, the total ruled, and the ledger fingerprint.
pub fn write_grid_pdf(
    ledger: &super::Ledger,
    grid: &crate::render::grid::Grid,
    lang: Lang,
    path: &Path,
    guard: &Guard,
) -> Result<()> {
    guard.check(path)?;
    let bytes = grid_pdf(ledger.reader(), grid, lang)?;
    guard.write(path, &bytes)
}

/// A report's grid as a workbook (`report … --out FILE.xlsx`, the web page's download).
pub fn grid_xlsx(grid: &crate::render::grid::Grid) -> Result<Vec<u8>> {
    grid.to_xlsx().map_err(|e| {
        Error::io_said(
            crate::error::message::IoMessage::LayOut {
                document: crate::error::message::Document::Workbook,
            },
            e,
        )
    })
}

/// A report's grid as CSV for a spreadsheet: UTF-8 with a byte-order mark, as
/// `report … --out FILE.csv` writes it by default.
pub fn grid_csv(grid: &crate::render::grid::Grid) -> Result<Vec<u8>> {
    use crate::output::encode::{OutEncoding, write_encoded};
    let mut bytes = Vec::new();
    write_encoded(&mut bytes, OutEncoding::Utf8Bom, |w| {
        grid.write_csv(w)
            .map_err(|e| Error::io(crate::error::message::IoMessage::Output, e))
    })?;
    Ok(bytes)
}

/// A report's grid as the bytes of its A4 PDF (see `write_grid_pdf`).
pub fn grid_pdf(
    store: &impl Read,
    grid: &crate::render::grid::Grid,
    lang: Lang,
) -> Result<Vec<u8>> {
    use crate::render::grid::Cell;
    let fingerprint = fingerprint_of(store)?;
    // The columns from the first that holds an amount in every row that has one.
    let width = grid.columns.len();
    let amount_columns = (0..width)
        .rev()
        .take_while(|&c| {
            grid.rows
                .iter()
                .all(|r| !matches!(r.get(c), Some(Cell::Text(t)) if !t.is_empty()))
        })
        .count();
    let text = |cells: &[Cell]| cells.iter().map(Cell::text).collect::<Vec<_>>();
    let doc = crate::render::pdf::StatementDoc {
        fund_name: store.ledger_name_in(lang.into())?,
        dates: printed_now(),
        title: grid.title.clone(),
        donor: String::new(),
        headers: grid.columns.clone(),
        rows: grid.rows.iter().map(|r| text(r)).collect(),
        total: grid.totals.as_deref().map(text).unwrap_or_default(),
        amount_columns,
        note: String::new(),
        page_label: match lang {
            Lang::En => "Page {n} of {m}".to_string(),
            Lang::ZhHans => "第 {n} / {m} 页".to_string(),
            Lang::ZhHant => "第 {n} / {m} 頁".to_string(),
        },
        fingerprint_label: crate::i18n::L::Fingerprint.get(lang).to_string(),
        fingerprint,
    };
    statement_pdf(&doc)
}
