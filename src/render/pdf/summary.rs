//! The annual summary (年度收支公告) as a one-page PDF, A4 portrait.
//!
//! A pure renderer on the shared PDF parts (`canvas`, `a4`, `writer`): a
//! [`SummaryDoc`] of already formatted strings (and the monthly figures in fen) in,
//! PDF bytes out. It never reads the ledger or the disk. Text goes through the
//! canvas's fitting (`Canvas::text_in`: cleaned of controls and bidi overrides,
//! measured with the font's advance widths, wrapped, shrunk, at last cut with "…",
//! always inside its frame) and is written as glyph ids of a subset of the bundled
//! font, so it is extractable and cannot inject PDF syntax. Rules, shading and the
//! monthly bar chart are printpdf vector operations.
//!
//! The page, top to bottom: the fund's name in red over a red double rule (as an
//! official notice heads its issuer), the title, the headline figures in boxes, the
//! table by program, the monthly chart of money in and out, the roll-forward of the
//! fund's money with the last reconciliation beside it, the ledger fingerprint and
//! the signature lines. One page holds at most the counts in the `*_MAX` constants;
//! a longer list is refused rather than silently dropped.
//!
//! Characters the font lacks are drawn as □, as on a receipt: call
//! `PdfFont::missing_chars` on the strings first to refuse or warn.
//!
//! Size and speed: about 23 KB for a usual year in Chinese, 12 KB in English (the
//! font subset is most of it), rendered in about 2 ms in a release build.

use super::a4::{
    CONTENT_WIDTH_MM, MARGIN_MM, PAGE_HEIGHT_MM, fill_ops, fingerprint_line, full_width,
    stroke_ops, write_pdf,
};
use super::canvas::{Frame, Paint, Sheet, Stroke};
use super::font::PdfFont;
use super::layout::{Align, Ink, style};
use super::writer::PdfDates;
use chart::lay_out_chart;
use printpdf::Op;

mod chart;
#[cfg(test)]
mod tests;

/// One annual summary, already formatted in the ledger's language: the renderer lays
/// out text, it formats only the chart's scale (yuan, e.g. "¥60,000").
#[derive(Clone, Debug, Default)]
pub struct SummaryDoc {
    /// 鷹潭市政協愛心基金
    pub fund_name: String,
    /// When it is printed.
    pub dates: PdfDates,
    /// 2022 年度愛心基金收支公告
    pub title: String,
    /// Label and figure, e.g. ("籌集善款", "¥293,300.00"); at most [`HEADLINE_MAX`].
    pub headline: Vec<(String, String)>,
    /// e.g. 項目 / 籌集 / 支出; at most [`COLUMNS_MAX`].
    pub program_headers: Vec<String>,
    /// Cells under `program_headers`, amounts already formatted; every column but the
    /// first is right-aligned. A short row is padded with blank cells; at most
    /// [`PROGRAM_ROWS_MAX`] rows.
    pub program_rows: Vec<Vec<String>>,
    /// 每月收支
    pub chart_title: String,
    /// (收入, 支出)
    pub chart_legend: (String, String),
    /// (label such as "1月" or "Jan", money in, money out), both in fen and ≥ 0 (a
    /// negative figure is drawn as 0); at most [`MONTHS_MAX`].
    pub months: Vec<(String, i64, i64)>,
    pub roll_forward_title: String,
    /// (年初結餘, ¥…), (加：籌集, …), (減：支出, …), (年末結餘, …): the last row is the
    /// total, ruled above and double-ruled below; at most [`ROLL_FORWARD_MAX`].
    pub roll_forward: Vec<(String, String)>,
    /// One line: the last reconciliation's status.
    pub reconciliation: String,
    pub fingerprint_label: String,
    /// The chain's head hash, 64 hex characters; printed on one line.
    pub fingerprint: String,
    /// The receipts' signing key, label and "id key", on the line under the
    /// fingerprint.
    pub signing_key: Option<(String, String)>,
    /// 出納（簽名）, 審計（簽名）; at most [`SIGNATURES_MAX`].
    pub signatures: Vec<String>,
    /// 特此公告。, on the left above the fingerprint.
    pub closing: String,
    /// Who publishes it and when (鷹潭市政協愛心基金　2023年1月15日), on the right.
    pub issuer: String,
}

pub const HEADLINE_MAX: usize = 4;
pub const COLUMNS_MAX: usize = 6;
pub const PROGRAM_ROWS_MAX: usize = 8;
pub const MONTHS_MAX: usize = 12;
pub const ROLL_FORWARD_MAX: usize = 6;
pub const SIGNATURES_MAX: usize = 4;

const BOTTOM_MARGIN_MM: f32 = 16.0;
const CELL_PADDING_X_MM: f32 = 2.5;
const CELL_PADDING_Y_MM: f32 = 0.8;
/// Space between the blocks of the page.
const GAP_MM: f32 = 7.0;
const CARD_HEIGHT_MM: f32 = 21.0;
const CARD_GAP_MM: f32 = 4.0;
const HEADER_ROW_MM: f32 = 8.5;
const BODY_ROW_MM: f32 = 7.0;
/// The first column of the program table is this much wider than the others.
const FIRST_COLUMN_WEIGHT: f32 = 1.4;
const SECTION_TITLE_MM: f32 = 7.0;
const PLOT_HEIGHT_MAX_MM: f32 = 66.0;
const PLOT_HEIGHT_MIN_MM: f32 = 18.0;
const MONTH_LABELS_MM: f32 = 6.0;
const ROLL_ROW_MM: f32 = 6.5;
const ROLL_WIDTH_MM: f32 = 100.0;
const FINGERPRINT_MM: f32 = 7.0;
const SIGNATURE_MM: f32 = 8.0;
const CLOSING_MM: f32 = 7.0;

/// Renders the annual summary on one A4 page with the bundled font's subset embedded.
pub fn render_summary(doc: &SummaryDoc, font: &PdfFont) -> Result<Vec<u8>, String> {
    let sheet = lay_out(doc, font)?;
    let title = font.clean(&format!("{} {}", doc.fund_name, doc.title));
    write_pdf(
        std::slice::from_ref(&sheet),
        font,
        &title,
        doc.dates,
        shape_ops,
    )
}

// ---------------------------------------------------------------------------------
// Layout: in millimetres, y measured down from the page top, as on every page.

fn check_limits(doc: &SummaryDoc) -> Result<(), String> {
    let widest_row = doc.program_rows.iter().map(Vec::len).max().unwrap_or(0);
    let limits = [
        ("headline figures", doc.headline.len(), HEADLINE_MAX),
        ("program columns", doc.program_headers.len(), COLUMNS_MAX),
        ("program rows", doc.program_rows.len(), PROGRAM_ROWS_MAX),
        ("months", doc.months.len(), MONTHS_MAX),
        (
            "roll-forward rows",
            doc.roll_forward.len(),
            ROLL_FORWARD_MAX,
        ),
        ("signatures", doc.signatures.len(), SIGNATURES_MAX),
    ];
    for (what, count, max) in limits {
        if count > max {
            return Err(format!(
                "the annual summary page holds at most {max} {what}, not {count}"
            ));
        }
    }
    if widest_row > doc.program_headers.len() {
        return Err(format!(
            "a program row has {widest_row} cells but the table has {} columns",
            doc.program_headers.len()
        ));
    }
    Ok(())
}

fn lay_out(doc: &SummaryDoc, font: &PdfFont) -> Result<Sheet, String> {
    check_limits(doc)?;
    let mut sheet = Sheet::default();
    let mut y = lay_out_header(&mut sheet, doc, font);
    y = lay_out_headline(&mut sheet, doc, font, y + GAP_MM);
    y = lay_out_table(&mut sheet, doc, font, y + GAP_MM);
    let bottom_block = lay_out_bottom(&mut sheet, doc, font);
    let roll_height = roll_forward_height(doc);
    let chart_fixed = SECTION_TITLE_MM + 3.0 + MONTH_LABELS_MM;
    let room = bottom_block - GAP_MM - roll_height - GAP_MM - chart_fixed - (y + GAP_MM);
    if room < PLOT_HEIGHT_MIN_MM {
        return Err("the annual summary does not fit on one page".into());
    }
    y = lay_out_chart(
        &mut sheet,
        doc,
        font,
        y + GAP_MM,
        room.min(PLOT_HEIGHT_MAX_MM),
    );
    lay_out_roll_forward(&mut sheet, doc, font, y + GAP_MM);
    Ok(sheet)
}

/// The fund's name in red over a red double rule, then the title; returns the bottom.
fn lay_out_header(sheet: &mut Sheet, doc: &SummaryDoc, font: &PdfFont) -> f32 {
    let canvas = &mut sheet.canvas;
    let fund_style = style(20.0, 10.0, 1, Align::Center, Ink::Accent);
    canvas.text_in(font, &doc.fund_name, full_width(12.0, 11.0), fund_style);
    let title_style = style(18.0, 11.0, 2, Align::Center, Ink::Text);
    canvas.text_in(font, &doc.title, full_width(29.5, 11.0), title_style);
    let (left, right) = (MARGIN_MM, MARGIN_MM + CONTENT_WIDTH_MM);
    sheet.line((left, 25.0), (right, 25.0), 1.8, Paint::Seal);
    sheet.line((left, 26.2), (right, 26.2), 0.5, Paint::Seal);
    29.5 + 11.0
}

/// Widths for boxes that would like `wanted` mm each out of `total`: when all fit,
/// each gets its wish and an equal share of the rest; otherwise the narrow ones get
/// their wish and the wide ones share what is left equally.
fn share(wanted: &[f32], total: f32) -> Vec<f32> {
    let sum: f32 = wanted.iter().sum();
    if sum <= total {
        let extra = (total - sum) / wanted.len().max(1) as f32;
        return wanted.iter().map(|want| want + extra).collect();
    }
    let mut sorted = wanted.to_vec();
    sorted.sort_by(f32::total_cmp);
    let (mut left, mut count) = (total, wanted.len());
    let mut cap = total / wanted.len() as f32;
    for want in sorted {
        cap = left / count as f32;
        if want > cap {
            break;
        }
        left -= want;
        count -= 1;
    }
    wanted.iter().map(|want| want.min(cap)).collect()
}

/// The headline figures, each in a shaded box sized to its text; returns the bottom.
fn lay_out_headline(sheet: &mut Sheet, doc: &SummaryDoc, font: &PdfFont, top: f32) -> f32 {
    const LABEL_PT: f32 = 10.0;
    const VALUE_PT: f32 = 16.0;
    const PADDING_MM: f32 = 3.0;
    if doc.headline.is_empty() {
        return top - GAP_MM;
    }
    let gaps = CARD_GAP_MM * (doc.headline.len() - 1) as f32;
    let wanted: Vec<f32> = doc
        .headline
        .iter()
        .map(|(label, value)| {
            let label = font.width_mm(&font.clean(label), LABEL_PT);
            let value = font.width_mm(&font.clean(value), VALUE_PT);
            label.max(value).max(24.0) + 2.0 * PADDING_MM
        })
        .collect();
    let mut x = MARGIN_MM;
    for ((label, value), width) in doc
        .headline
        .iter()
        .zip(share(&wanted, CONTENT_WIDTH_MM - gaps))
    {
        let card = Frame {
            x,
            y: top,
            width,
            height: CARD_HEIGHT_MM,
        };
        sheet.fill(card, Paint::Shade);
        sheet.outline(card, 0.5);
        sheet.line((card.x, card.y), (card.right(), card.y), 1.5, Paint::Seal);
        let inner = |y: f32, height: f32| Frame {
            x: card.x + PADDING_MM,
            y: card.y + y,
            width: card.width - 2.0 * PADDING_MM,
            height,
        };
        let label_style = style(LABEL_PT, 6.5, 1, Align::Center, Ink::Label);
        sheet
            .canvas
            .text_in(font, label, inner(2.5, 5.5), label_style);
        let value_style = style(VALUE_PT, 7.0, 2, Align::Center, Ink::Text);
        sheet
            .canvas
            .text_in(font, value, inner(8.5, 10.5), value_style);
        x += width + CARD_GAP_MM;
    }
    top + CARD_HEIGHT_MM
}

/// The bordered table by program, its header row shaded; returns the bottom.
fn lay_out_table(sheet: &mut Sheet, doc: &SummaryDoc, font: &PdfFont, top: f32) -> f32 {
    let columns = doc.program_headers.len();
    if columns == 0 {
        return top - GAP_MM;
    }
    let unit = CONTENT_WIDTH_MM / (FIRST_COLUMN_WEIGHT + (columns - 1) as f32);
    let mut lefts = vec![MARGIN_MM];
    let widths: Vec<f32> = (0..columns)
        .map(|column| {
            if column == 0 {
                FIRST_COLUMN_WEIGHT * unit
            } else {
                unit
            }
        })
        .collect();
    for width in &widths[..columns - 1] {
        lefts.push(lefts.last().copied().unwrap_or(MARGIN_MM) + width);
    }
    let cell = |column: usize, y: f32, height: f32| Frame {
        x: lefts[column],
        y,
        width: widths[column],
        height,
    };
    let padded = |frame: Frame| frame.inset(CELL_PADDING_X_MM, CELL_PADDING_Y_MM);
    let header_frame = full_width(top, HEADER_ROW_MM);
    sheet.fill(header_frame, Paint::Shade);
    for (column, header) in doc.program_headers.iter().enumerate() {
        let frame = cell(column, top, HEADER_ROW_MM);
        let header_style = style(10.5, 7.0, 2, Align::Center, Ink::Text);
        sheet
            .canvas
            .text_in(font, header, padded(frame), header_style);
        sheet.outline(frame, 0.5);
    }
    let mut y = top + HEADER_ROW_MM;
    for row in &doc.program_rows {
        for column in 0..columns {
            let frame = cell(column, y, BODY_ROW_MM);
            let text = row.get(column).map_or("", String::as_str);
            let cell_style = if column == 0 {
                style(10.5, 7.0, 2, Align::Left, Ink::Text)
            } else {
                style(10.5, 6.5, 1, Align::Right, Ink::Text)
            };
            sheet.canvas.text_in(font, text, padded(frame), cell_style);
            sheet.outline(frame, 0.5);
        }
        y += BODY_ROW_MM;
    }
    let table = full_width(top, y - top);
    sheet.outline(table, 1.0);
    sheet.line(
        (table.x, top + HEADER_ROW_MM),
        (table.right(), top + HEADER_ROW_MM),
        0.9,
        Paint::Rule,
    );
    y
}

fn roll_forward_height(doc: &SummaryDoc) -> f32 {
    SECTION_TITLE_MM + 2.0 + ROLL_ROW_MM * doc.roll_forward.len() as f32 + 1.5
}

/// The roll-forward, its total ruled above and double-ruled below, with the last
/// reconciliation in a shaded box beside it.
fn lay_out_roll_forward(sheet: &mut Sheet, doc: &SummaryDoc, font: &PdfFont, top: f32) {
    let title_frame = Frame {
        width: ROLL_WIDTH_MM,
        ..full_width(top, SECTION_TITLE_MM)
    };
    sheet.section_title(font, &doc.roll_forward_title, title_frame);
    let rows_top = top + SECTION_TITLE_MM + 2.0;
    let mut y = rows_top;
    let count = doc.roll_forward.len();
    for (index, (label, value)) in doc.roll_forward.iter().enumerate() {
        let row = Frame {
            x: MARGIN_MM + 3.0,
            y,
            width: ROLL_WIDTH_MM - 3.0,
            height: ROLL_ROW_MM,
        };
        let label_frame = Frame {
            width: row.width * 0.45,
            ..row
        };
        let value_frame = Frame {
            x: label_frame.right() + 2.0,
            width: row.width - label_frame.width - 2.0,
            ..row
        };
        let label_style = style(10.5, 7.0, 1, Align::Left, Ink::Text);
        sheet.canvas.text_in(font, label, label_frame, label_style);
        let value_style = style(10.5, 7.0, 1, Align::Right, Ink::Text);
        sheet.canvas.text_in(font, value, value_frame, value_style);
        if index + 1 == count {
            let (left, right) = (row.x, row.right());
            sheet.line((left, row.y), (right, row.y), 0.6, Paint::Rule);
            let bottom = row.bottom() + 0.2;
            sheet.line((left, bottom), (right, bottom), 0.6, Paint::Rule);
            sheet.line(
                (left, bottom + 0.8),
                (right, bottom + 0.8),
                0.6,
                Paint::Rule,
            );
        } else {
            let bottom = row.bottom();
            sheet.line((row.x, bottom), (row.right(), bottom), 0.3, Paint::Grid);
        }
        y += ROLL_ROW_MM;
    }
    let note = Frame {
        x: MARGIN_MM + ROLL_WIDTH_MM + 8.0,
        y: rows_top,
        width: CONTENT_WIDTH_MM - ROLL_WIDTH_MM - 8.0,
        height: (y - rows_top).max(2.0 * ROLL_ROW_MM),
    };
    sheet.fill(note, Paint::Shade);
    sheet.line((note.x, note.y), (note.x, note.bottom()), 1.2, Paint::Seal);
    let note_style = style(10.0, 6.5, 6, Align::Left, Ink::Text);
    sheet
        .canvas
        .text_in(font, &doc.reconciliation, note.inset(3.5, 1.5), note_style);
}

/// The fingerprint and the signature lines, placed from the page bottom; returns the
/// top of the block.
fn lay_out_bottom(sheet: &mut Sheet, doc: &SummaryDoc, font: &PdfFont) -> f32 {
    const SIGNATURE_PT: f32 = 10.5;
    let signature_top = PAGE_HEIGHT_MM - BOTTOM_MARGIN_MM - SIGNATURE_MM;
    let count = doc.signatures.len().max(1);
    let column = CONTENT_WIDTH_MM / count as f32;
    for (index, label) in doc.signatures.iter().enumerate() {
        let x = MARGIN_MM + column * index as f32;
        let label = font.clean(label);
        let width = font.width_mm(&label, SIGNATURE_PT).min(column / 2.0);
        let frame = Frame {
            x,
            y: signature_top,
            width,
            height: SIGNATURE_MM,
        };
        let signature_style = style(SIGNATURE_PT, 6.5, 1, Align::Left, Ink::Text);
        sheet.canvas.text_in(font, &label, frame, signature_style);
        let line_y = frame.bottom() - 0.8;
        let line_end = x + column - if index + 1 < count { 8.0 } else { 0.0 };
        sheet.line(
            (frame.right() + 2.0, line_y),
            (line_end, line_y),
            0.6,
            Paint::Rule,
        );
    }
    let fingerprint_top = signature_top - 9.0 - FINGERPRINT_MM;
    fingerprint_line(
        sheet,
        font,
        (&doc.fingerprint_label, &doc.fingerprint),
        full_width(fingerprint_top, FINGERPRINT_MM),
    );
    // The signing key takes the room between the fingerprint and the signatures, so
    // the page above keeps its height.
    if let Some((label, key)) = &doc.signing_key {
        let key_top = fingerprint_top + FINGERPRINT_MM - 1.0;
        fingerprint_line(
            sheet,
            font,
            (label, key),
            full_width(key_top, FINGERPRINT_MM),
        );
    }
    let rule_y = fingerprint_top - 2.5;
    let closing_top = rule_y - 3.0 - CLOSING_MM;
    let closing = font.clean(&doc.closing);
    let closing_frame = Frame {
        width: font.width_mm(&closing, 10.5).min(CONTENT_WIDTH_MM / 3.0),
        ..full_width(closing_top, CLOSING_MM)
    };
    let closing_style = style(10.5, 7.0, 1, Align::Left, Ink::Text);
    sheet
        .canvas
        .text_in(font, &closing, closing_frame, closing_style);
    let issuer = font.clean(&doc.issuer);
    let issuer_frame = Frame {
        x: closing_frame.right() + 6.0,
        width: CONTENT_WIDTH_MM - closing_frame.width - 6.0,
        ..closing_frame
    };
    let issuer_style = style(10.5, 7.0, 1, Align::Right, Ink::Text);
    sheet
        .canvas
        .text_in(font, &issuer, issuer_frame, issuer_style);
    sheet.line(
        (MARGIN_MM, rule_y),
        (MARGIN_MM + CONTENT_WIDTH_MM, rule_y),
        0.5,
        Paint::Grid,
    );
    closing_top
}

// ---------------------------------------------------------------------------------
// PDF: the shapes under the text; `a4::write_pdf` does the rest.

/// Gridlines first, so that bars cover them; then the fills; then the other rules,
/// over the shading they border.
fn shape_ops(sheet: &Sheet) -> Vec<Op> {
    let (grid, rules): (Vec<&Stroke>, Vec<&Stroke>) = sheet
        .strokes
        .iter()
        .partition(|stroke| stroke.paint == Paint::Grid);
    let mut ops = stroke_ops(&grid);
    ops.extend(fill_ops(sheet));
    ops.extend(stroke_ops(&rules));
    ops
}
