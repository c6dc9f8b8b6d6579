//! The annual summary (年度收支公告) as a one-page PDF, A4 portrait.
//!
//! A pure renderer, built on the receipt's: a [`SummaryDoc`] of already formatted
//! strings (and the monthly figures in fen) in, PDF bytes out. It never reads the
//! ledger or the disk. Text goes through the receipt's fitting (`Canvas::text_in`:
//! cleaned of controls and bidi overrides, measured with the font's advance widths,
//! wrapped, shrunk, at last cut with "…", always inside its frame) and is written as
//! glyph ids of a subset of the bundled font, so it is extractable and cannot inject
//! PDF syntax. Rules, shading and the monthly bar chart are printpdf vector
//! operations.
//!
//! The page, top to bottom: the fund's name in red over a red double rule (as an
//! official notice heads its issuer), the title, the headline figures in boxes, the
//! table by program, the monthly chart of money in and out, the roll-forward of the
//! fund's money with the last reconciliation beside it, the ledger fingerprint and
//! the signature lines. One page holds at most the counts in the `*_MAX` constants;
//! a longer list is refused rather than silently dropped.
//!
//! Characters the font lacks are drawn as □, as on a receipt: call
//! `ReceiptFont::missing_chars` on the strings first to refuse or warn.
//!
//! Size and speed: about 23 KB for a usual year in Chinese, 12 KB in English (the
//! font subset is most of it), rendered in about 2 ms in a release build.

use super::a4::{
    CONTENT_WIDTH_MM, MARGIN_MM, PAGE_HEIGHT_MM, Paint, Sheet, Stroke, fill_ops, full_width,
    stroke_ops, write_pdf,
};
use super::receipt_pdf::{Align, Frame, Ink, ReceiptFont, style};
use printpdf::Op;

/// One annual summary, already formatted in the ledger's language: the renderer lays
/// out text, it formats only the chart's scale (yuan, e.g. "¥60,000").
#[derive(Clone, Debug, Default)]
pub struct SummaryDoc {
    /// 鷹潭市政協愛心基金
    pub fund_name: String,
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
/// Gridlines of the chart: the scale has at most this many steps.
const SCALE_STEPS_MAX: u128 = 5;
const ROLL_ROW_MM: f32 = 6.5;
const ROLL_WIDTH_MM: f32 = 100.0;
const FINGERPRINT_MM: f32 = 7.0;
const SIGNATURE_MM: f32 = 8.0;
const CLOSING_MM: f32 = 7.0;

/// Renders the annual summary on one A4 page with the bundled font's subset embedded.
pub fn render_summary(doc: &SummaryDoc, font: &ReceiptFont) -> Result<Vec<u8>, String> {
    let sheet = lay_out(doc, font)?;
    let title = font.clean(&format!("{} {}", doc.fund_name, doc.title));
    write_pdf(std::slice::from_ref(&sheet), font, &title, shape_ops)
}

// ---------------------------------------------------------------------------------
// Layout: in millimetres, y measured down from the page top, as in the receipt.

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

fn lay_out(doc: &SummaryDoc, font: &ReceiptFont) -> Result<Sheet, String> {
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
fn lay_out_header(sheet: &mut Sheet, doc: &SummaryDoc, font: &ReceiptFont) -> f32 {
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
fn lay_out_headline(sheet: &mut Sheet, doc: &SummaryDoc, font: &ReceiptFont, top: f32) -> f32 {
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
fn lay_out_table(sheet: &mut Sheet, doc: &SummaryDoc, font: &ReceiptFont, top: f32) -> f32 {
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

/// The round steps of the chart's scale, in yuan: (step, number of steps). The top
/// step reaches `max_fen`; with nothing to show there are no steps.
fn scale(max_fen: u128) -> (u128, u128) {
    if max_fen == 0 {
        return (1, 0);
    }
    let max_yuan = max_fen.div_ceil(100);
    let raw = max_yuan.div_ceil(SCALE_STEPS_MAX).max(1);
    let mut magnitude = 1;
    while magnitude * 10 <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|factor| factor * magnitude)
        .find(|&step| step >= raw)
        .unwrap_or(10 * magnitude);
    (step, max_yuan.div_ceil(step))
}

/// "¥60,000".
fn yuan_label(yuan: u128) -> String {
    let digits = yuan.to_string();
    let mut label = String::from("¥");
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            label.push(',');
        }
        label.push(digit);
    }
    label
}

/// The title and legend, then the bars of money in and out for each month over a
/// scale of round yuan figures; returns the bottom of the month labels.
fn lay_out_chart(
    sheet: &mut Sheet,
    doc: &SummaryDoc,
    font: &ReceiptFont,
    top: f32,
    plot_height: f32,
) -> f32 {
    const LEGEND_PT: f32 = 9.5;
    const AXIS_PT: f32 = 8.0;
    const SWATCH_MM: f32 = 3.2;
    // The legend, right-aligned on the title's line.
    let legend = [
        (&doc.chart_legend.0, Paint::MoneyIn),
        (&doc.chart_legend.1, Paint::MoneyOut),
    ];
    let mut right = MARGIN_MM + CONTENT_WIDTH_MM;
    for (label, paint) in legend.iter().rev() {
        let label = font.clean(label);
        let width = font.width_mm(&label, LEGEND_PT).min(CONTENT_WIDTH_MM / 5.0);
        let label_frame = Frame {
            x: right - width,
            y: top,
            width,
            height: SECTION_TITLE_MM,
        };
        let legend_style = style(LEGEND_PT, 6.0, 1, Align::Left, Ink::Label);
        sheet
            .canvas
            .text_in(font, &label, label_frame, legend_style);
        let swatch = Frame {
            x: label_frame.x - 1.5 - SWATCH_MM,
            y: top + (SECTION_TITLE_MM - SWATCH_MM) / 2.0,
            width: SWATCH_MM,
            height: SWATCH_MM,
        };
        sheet.fill(swatch, *paint);
        right = swatch.x - 5.0;
    }
    let title_frame = Frame {
        width: right - MARGIN_MM,
        ..full_width(top, SECTION_TITLE_MM)
    };
    sheet.section_title(font, &doc.chart_title, title_frame);

    let clamp = |fen: i64| u128::try_from(fen).unwrap_or(0);
    let max_fen = doc
        .months
        .iter()
        .map(|&(_, money_in, money_out)| clamp(money_in).max(clamp(money_out)))
        .max()
        .unwrap_or(0);
    let (step, steps) = scale(max_fen);
    let labels: Vec<String> = (0..=steps).map(|index| yuan_label(index * step)).collect();
    let label_width = labels
        .iter()
        .map(|label| font.width_mm(label, AXIS_PT))
        .fold(0.0, f32::max)
        .min(32.0);
    let plot = Frame {
        x: MARGIN_MM + label_width + 2.5,
        y: top + SECTION_TITLE_MM + 3.0,
        width: CONTENT_WIDTH_MM - label_width - 2.5,
        height: plot_height,
    };
    // Gridlines and their labels; the bars scale to the top gridline.
    let top_fen = (steps.max(1) * step * 100) as f64;
    let y_of = |fen: u128| plot.bottom() - (fen as f64 / top_fen) as f32 * plot.height;
    let label_height = (plot.height / steps.max(1) as f32).min(4.4);
    for (index, label) in labels.iter().enumerate() {
        let y = y_of(index as u128 * step * 100);
        if index > 0 {
            sheet.line((plot.x, y), (plot.right(), y), 0.4, Paint::Grid);
        }
        let frame = Frame {
            x: MARGIN_MM,
            y: y - label_height / 2.0,
            width: label_width,
            height: label_height,
        };
        let axis_style = style(AXIS_PT, 5.0, 1, Align::Right, Ink::Label);
        sheet.canvas.text_in(font, label, frame, axis_style);
    }
    let group = plot.width / doc.months.len().max(1) as f32;
    let bar_width = group * 0.3;
    for (index, (label, money_in, money_out)) in doc.months.iter().enumerate() {
        let middle = plot.x + group * (index as f32 + 0.5);
        let bars = [
            (clamp(*money_in), middle - 0.3 - bar_width, Paint::MoneyIn),
            (clamp(*money_out), middle + 0.3, Paint::MoneyOut),
        ];
        for (fen, x, paint) in bars {
            if fen == 0 {
                continue;
            }
            // A month with a few fen still shows a sliver.
            let height = (plot.bottom() - y_of(fen)).max(0.3);
            let bar = Frame {
                x,
                y: plot.bottom() - height,
                width: bar_width,
                height,
            };
            sheet.fill(bar, paint);
        }
        let label_frame = Frame {
            x: plot.x + group * index as f32 + 0.3,
            y: plot.bottom() + 1.0,
            width: group - 0.6,
            height: MONTH_LABELS_MM - 1.0,
        };
        let month_style = style(AXIS_PT, 4.5, 1, Align::Center, Ink::Label);
        sheet.canvas.text_in(font, label, label_frame, month_style);
    }
    let axis = (plot.x, plot.bottom());
    sheet.line((plot.x, plot.y), axis, 0.6, Paint::Rule);
    sheet.line(axis, (plot.right(), plot.bottom()), 0.9, Paint::Rule);
    plot.bottom() + MONTH_LABELS_MM
}

fn roll_forward_height(doc: &SummaryDoc) -> f32 {
    SECTION_TITLE_MM + 2.0 + ROLL_ROW_MM * doc.roll_forward.len() as f32 + 1.5
}

/// The roll-forward, its total ruled above and double-ruled below, with the last
/// reconciliation in a shaded box beside it.
fn lay_out_roll_forward(sheet: &mut Sheet, doc: &SummaryDoc, font: &ReceiptFont, top: f32) {
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
fn lay_out_bottom(sheet: &mut Sheet, doc: &SummaryDoc, font: &ReceiptFont) -> f32 {
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
    let label = font.clean(&doc.fingerprint_label);
    let label_width = font.width_mm(&label, 9.0).min(CONTENT_WIDTH_MM / 4.0);
    let label_frame = Frame {
        width: label_width,
        ..full_width(fingerprint_top, FINGERPRINT_MM)
    };
    let label_style = style(9.0, 6.0, 1, Align::Left, Ink::Label);
    sheet.canvas.text_in(font, &label, label_frame, label_style);
    let value_frame = Frame {
        x: label_frame.right() + 3.0,
        width: CONTENT_WIDTH_MM - label_width - 3.0,
        ..label_frame
    };
    let value_style = style(9.0, 6.0, 2, Align::Left, Ink::Text);
    sheet
        .canvas
        .text_in(font, &doc.fingerprint, value_frame, value_style);
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
// PDF: the receipt's subsetting, text operators and compression on an A4 page.

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::a4::PAGE_WIDTH_MM;
    use crate::render::receipt_pdf::{
        BOX_BOTTOM_BELOW_BASELINE_EM, BOX_TOP_ABOVE_BASELINE_EM, TextRun,
    };
    use crate::render::receipts::BUNDLED_FONT;
    use std::process::Command;
    use std::sync::OnceLock;
    use std::time::Instant;

    const FINGERPRINT: &str = "3f9a1c0e7b5d42e8a6c1f0b9d8e7a6c5b4a39281706f5e4d3c2b1a0918273645";

    fn font() -> &'static ReceiptFont {
        static FONT: OnceLock<ReceiptFont> = OnceLock::new();
        FONT.get_or_init(|| ReceiptFont::from_bytes(BUNDLED_FONT.to_vec()).expect("bundled font"))
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    /// Money in and out by month in fen, summing to 293,300.00 and 237,300.00.
    fn months(labels: &[&str]) -> Vec<(String, i64, i64)> {
        let money_in = [
            1_850_000, 620_000, 1_130_000, 905_000, 1_240_000, 2_460_000, 1_015_000, 1_780_000,
            6_350_000, 3_120_000, 1_470_000, 7_390_000,
        ];
        let money_out = [
            0, 350_000, 5_200_000, 800_000, 1_000_000, 600_000, 2_400_000, 850_000, 8_600_000,
            1_130_000, 420_000, 2_380_000,
        ];
        assert_eq!(money_in.iter().sum::<i64>(), 29_330_000);
        assert_eq!(money_out.iter().sum::<i64>(), 23_730_000);
        labels
            .iter()
            .zip(money_in.into_iter().zip(money_out))
            .map(|(label, (money_in, money_out))| (label.to_string(), money_in, money_out))
            .collect()
    }

    fn zh_hant() -> SummaryDoc {
        let month_labels: Vec<String> = (1..=12).map(|month| format!("{month}月")).collect();
        let month_labels: Vec<&str> = month_labels.iter().map(String::as_str).collect();
        SummaryDoc {
            fund_name: "鷹潭市政協愛心基金".into(),
            title: "2022 年度愛心基金收支公告".into(),
            headline: pairs(&[
                ("籌集善款", "¥293,300.00"),
                ("支出", "¥237,300.00"),
                ("資助", "貧困戶 40 戶、貧困學生 42 名"),
            ]),
            program_headers: strings(&["項目", "籌集", "支出"]),
            program_rows: vec![
                strings(&["助學", "¥120,000.00", "¥126,000.00"]),
                strings(&["扶貧", "¥80,000.00", "¥72,000.00"]),
                strings(&["幫困", "¥50,000.00", "¥39,300.00"]),
                strings(&["非限定", "¥43,300.00", "¥0.00"]),
                strings(&["合計", "¥293,300.00", "¥237,300.00"]),
            ],
            chart_title: "每月收支".into(),
            chart_legend: ("收入".into(), "支出".into()),
            months: months(&month_labels),
            roll_forward_title: "基金結餘".into(),
            roll_forward: pairs(&[
                ("年初結餘", "¥85,412.36"),
                ("加：籌集", "¥293,300.00"),
                ("減：支出", "¥237,300.00"),
                ("減：其他（銀行手續費）", "¥120.00"),
                ("年末結餘", "¥141,292.36"),
            ]),
            reconciliation: "最近一次對賬：2022-12-31 銀行存款（工商銀行）賬實相符，差額 ¥0.00"
                .into(),
            fingerprint_label: "賬本指紋（SHA-256）".into(),
            fingerprint: FINGERPRINT.into(),
            signatures: strings(&["出納（簽名）", "審計（簽名）"]),
            closing: "特此公告。".into(),
            issuer: "鷹潭市政協愛心基金　2023年1月15日".into(),
        }
    }

    fn english() -> SummaryDoc {
        let labels = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        SummaryDoc {
            fund_name: "Yingtan CPPCC Love Fund".into(),
            title: "Annual statement of receipts and payments, 2022".into(),
            headline: pairs(&[
                ("Raised", "¥293,300.00"),
                ("Disbursed", "¥237,300.00"),
                ("Aided", "40 households, 42 students"),
            ]),
            program_headers: strings(&["Program", "Raised", "Disbursed"]),
            program_rows: vec![
                strings(&["Study aid", "¥120,000.00", "¥126,000.00"]),
                strings(&["Poverty relief", "¥80,000.00", "¥72,000.00"]),
                strings(&["Hardship", "¥50,000.00", "¥39,300.00"]),
                strings(&["Unrestricted", "¥43,300.00", "¥0.00"]),
                strings(&["Total", "¥293,300.00", "¥237,300.00"]),
            ],
            chart_title: "Money in and out by month".into(),
            chart_legend: ("In".into(), "Out".into()),
            months: months(&labels),
            roll_forward_title: "Fund balance".into(),
            roll_forward: pairs(&[
                ("Opening balance", "¥85,412.36"),
                ("Add: raised", "¥293,300.00"),
                ("Less: disbursed", "¥237,300.00"),
                ("Less: other (bank fees)", "¥120.00"),
                ("Closing balance", "¥141,292.36"),
            ]),
            reconciliation: "Last reconciliation: 2022-12-31, bank account (ICBC) agrees with \
                             the ledger, difference ¥0.00"
                .into(),
            fingerprint_label: "Ledger fingerprint (SHA-256)".into(),
            fingerprint: FINGERPRINT.into(),
            signatures: strings(&["Treasurer (signature)", "Auditor (signature)"]),
            closing: "Published for our donors and the public.".into(),
            issuer: "Yingtan CPPCC Love Fund, 15 January 2023".into(),
        }
    }

    fn hostile_text(seed: &str) -> String {
        let mut text = format!(") Tj /JavaScript (x) \\ \u{202E}\u{0}\n{seed}");
        while text.chars().count() < 600 {
            text.push_str("很長的名字LongName ");
        }
        text
    }

    fn hostile() -> SummaryDoc {
        let mut doc = zh_hant();
        let h = hostile_text;
        doc.fund_name = h("基金");
        doc.title = h("標題");
        doc.headline = (0..HEADLINE_MAX)
            .map(|index| (h(&index.to_string()), h("¥999,999,999,999.99")))
            .collect();
        doc.program_headers = (0..COLUMNS_MAX).map(|_| h("項目")).collect();
        doc.program_rows = (0..PROGRAM_ROWS_MAX)
            .map(|_| (0..COLUMNS_MAX).map(|_| h("¥1")).collect())
            .collect();
        doc.chart_title = h("圖");
        doc.chart_legend = (h("收入"), h("支出"));
        doc.months = (0..MONTHS_MAX)
            .map(|index| (h("月"), i64::MAX - index as i64, i64::MIN))
            .collect();
        doc.roll_forward_title = h("結餘");
        doc.roll_forward = (0..ROLL_FORWARD_MAX).map(|_| (h("a"), h("b"))).collect();
        doc.reconciliation = h("對賬");
        doc.fingerprint_label = h("指紋");
        doc.fingerprint = "f".repeat(500);
        doc.signatures = (0..SIGNATURES_MAX).map(|_| h("簽名")).collect();
        doc
    }

    /// The em box of a run, as (left, top, right, bottom) in mm.
    fn extent(run: &TextRun) -> (f32, f32, f32, f32) {
        let width = font().width_mm(&run.text, run.size_pt);
        let size_mm = run.size_pt * 25.4 / 72.0;
        let top = run.baseline - BOX_TOP_ABOVE_BASELINE_EM * size_mm;
        let bottom = run.baseline + BOX_BOTTOM_BELOW_BASELINE_EM * size_mm;
        (run.x, top, run.x + width, bottom)
    }

    /// Every run inside its frame and the page margins, no two runs overlapping, and
    /// every shape on the page.
    fn assert_tidy(sheet: &Sheet) {
        const SLACK_MM: f32 = 0.01;
        let runs = &sheet.canvas.runs;
        for run in runs {
            let (left, top, right, bottom) = extent(run);
            let frame = run.frame;
            let inside = left >= frame.x - SLACK_MM
                && right <= frame.right() + SLACK_MM
                && top >= frame.y - SLACK_MM
                && bottom <= frame.bottom() + SLACK_MM;
            assert!(inside, "{:?} leaves its frame {frame:?}", run.text);
            assert!(left >= MARGIN_MM - SLACK_MM, "{:?}", run.text);
            assert!(
                right <= PAGE_WIDTH_MM - MARGIN_MM + SLACK_MM,
                "{:?}",
                run.text
            );
            assert!(top >= 10.0 && bottom <= PAGE_HEIGHT_MM - BOTTOM_MARGIN_MM);
        }
        for (index, a) in runs.iter().enumerate() {
            for b in &runs[index + 1..] {
                let (a_left, a_top, a_right, a_bottom) = extent(a);
                let (b_left, b_top, b_right, b_bottom) = extent(b);
                let apart = a_right <= b_left + SLACK_MM
                    || b_right <= a_left + SLACK_MM
                    || a_bottom <= b_top + SLACK_MM
                    || b_bottom <= a_top + SLACK_MM;
                assert!(apart, "{:?} overlaps {:?}", a.text, b.text);
            }
        }
        let on_page = |(x, y): (f32, f32)| {
            (MARGIN_MM - SLACK_MM..=PAGE_WIDTH_MM - MARGIN_MM + SLACK_MM).contains(&x)
                && (10.0..=PAGE_HEIGHT_MM - BOTTOM_MARGIN_MM).contains(&y)
        };
        for stroke in &sheet.strokes {
            assert!(on_page(stroke.from) && on_page(stroke.to), "{stroke:?}");
        }
        for (frame, _) in &sheet.fills {
            assert!(frame.width.is_finite() && frame.height.is_finite() && frame.height >= 0.0);
            assert!(on_page((frame.x, frame.y)) && on_page((frame.right(), frame.bottom())));
        }
    }

    /// The text pdftotext reads from the PDF, or `None` where poppler is not installed.
    fn pdftotext(pdf: &[u8]) -> Option<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.pdf");
        std::fs::write(&path, pdf).unwrap();
        let output = Command::new("pdftotext")
            .args(["-layout", "-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .ok()?;
        assert!(output.status.success(), "{output:?}");
        Some(String::from_utf8(output.stdout).unwrap())
    }

    /// With LOVEFUND_SUMMARY_PDF_DIR set, writes the PDF there to be looked at.
    fn keep(name: &str, pdf: &[u8]) {
        if let Ok(dir) = std::env::var("LOVEFUND_SUMMARY_PDF_DIR") {
            std::fs::write(format!("{dir}/summary-{name}.pdf"), pdf).unwrap();
        }
    }

    fn check_rendered(name: &str, doc: &SummaryDoc, expected: &[&str]) {
        let start = Instant::now();
        let pdf = render_summary(doc, font()).unwrap();
        let elapsed = start.elapsed();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
        eprintln!("{}: {} bytes in {elapsed:?}", doc.title, pdf.len());
        keep(name, &pdf);
        let Some(text) = pdftotext(&pdf) else {
            eprintln!("pdftotext is not installed: the PDF's text is not checked");
            return;
        };
        for needle in expected {
            assert!(text.contains(needle), "{needle:?} not in:\n{text}");
        }
    }

    #[test]
    fn zh_hant_summary_renders_with_extractable_figures() {
        let doc = zh_hant();
        assert!(font().missing_chars(&format!("{doc:?}")).is_empty());
        assert_tidy(&lay_out(&doc, font()).unwrap());
        check_rendered(
            "zh",
            &doc,
            &[
                "鷹潭市政協愛心基金",
                "2022 年度愛心基金收支公告",
                "¥293,300.00",
                "¥237,300.00",
                "貧困戶 40 戶、貧困學生 42 名",
                "非限定",
                "¥43,300.00",
                "¥141,292.36",
                "¥100,000",
                "12月",
                "賬實相符",
                FINGERPRINT,
                "特此公告。",
                "2023年1月15日",
                "審計（簽名）",
            ],
        );
    }

    #[test]
    fn english_summary_renders_with_extractable_figures() {
        let doc = english();
        assert_tidy(&lay_out(&doc, font()).unwrap());
        check_rendered(
            "en",
            &doc,
            &[
                "Yingtan CPPCC Love Fund",
                "¥293,300.00",
                "40 households, 42 students",
                "Poverty relief",
                "¥126,000.00",
                "Closing balance",
                "Dec",
                FINGERPRINT,
                "Published for our donors and the public.",
                "15 January 2023",
                "Auditor (signature)",
            ],
        );
    }

    #[test]
    fn hostile_summary_stays_in_its_boxes() {
        let doc = hostile();
        let sheet = lay_out(&doc, font()).unwrap();
        assert_tidy(&sheet);
        assert!(sheet.canvas.runs.iter().any(|run| run.text.ends_with('…')));
        let pdf = render_summary(&doc, font()).unwrap();
        keep("hostile", &pdf);
        assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
        let needle = b"JavaScript";
        assert!(!pdf.windows(needle.len()).any(|window| window == needle));
    }

    #[test]
    fn bars_scale_to_the_largest_month() {
        let doc = zh_hant();
        let sheet = lay_out(&doc, font()).unwrap();
        let bars = |paint| -> Vec<Frame> {
            sheet
                .fills
                .iter()
                .filter(|(_, p)| *p == paint)
                .map(|(frame, _)| *frame)
                .collect()
        };
        let (money_in, money_out) = (bars(Paint::MoneyIn), bars(Paint::MoneyOut));
        // Twelve bars in and eleven out: January paid nothing out; one legend swatch each.
        assert_eq!((money_in.len(), money_out.len()), (13, 12));
        let tallest = |bars: &[Frame]| bars.iter().map(|bar| bar.height).fold(0.0, f32::max);
        // December's ¥73,900 in and September's ¥86,000 out share one scale, in
        // steps of ¥20,000 up to ¥100,000.
        assert_eq!(scale(8_600_000), (20_000, 5));
        let ratio = tallest(&money_in) / tallest(&money_out);
        assert!((ratio - 73_900.0 / 86_000.0).abs() < 1e-3, "{ratio}");
    }

    #[test]
    fn all_zero_months_draw_axes_without_bars() {
        let mut doc = zh_hant();
        for month in &mut doc.months {
            (month.1, month.2) = (0, 0);
        }
        let sheet = lay_out(&doc, font()).unwrap();
        assert_tidy(&sheet);
        let swatches_and_bars = sheet
            .fills
            .iter()
            .filter(|(_, paint)| matches!(paint, Paint::MoneyIn | Paint::MoneyOut))
            .count();
        assert_eq!(swatches_and_bars, 2, "the legend's two swatches, no bars");
        assert!(sheet.canvas.runs.iter().any(|run| run.text == "¥0"));
        keep("zero", &render_summary(&doc, font()).unwrap());
        doc.months.clear();
        render_summary(&doc, font()).unwrap();
    }

    #[test]
    fn scale_has_round_steps() {
        assert_eq!(scale(0), (1, 0));
        assert_eq!(scale(1), (1, 1));
        assert_eq!(scale(100), (1, 1));
        assert_eq!(scale(101), (1, 2));
        assert_eq!(scale(7_390_000), (20_000, 4));
        assert_eq!(scale(10_000_000), (20_000, 5));
        assert_eq!(scale(10_000_001), (50_000, 3));
        let (step, steps) = scale(i64::MAX as u128);
        assert!(steps <= SCALE_STEPS_MAX && step * steps * 100 >= i64::MAX as u128);
        assert_eq!(yuan_label(0), "¥0");
        assert_eq!(yuan_label(100_000), "¥100,000");
        assert_eq!(yuan_label(1_234_567), "¥1,234,567");
    }

    #[test]
    fn share_gives_narrow_boxes_their_wish() {
        assert_eq!(share(&[10.0, 20.0], 40.0), [15.0, 25.0]);
        assert_eq!(share(&[10.0, 100.0, 100.0], 70.0), [10.0, 30.0, 30.0]);
        assert_eq!(share(&[50.0, 50.0], 40.0), [20.0, 20.0]);
    }

    #[test]
    fn lists_longer_than_a_page_are_refused() {
        let mut doc = zh_hant();
        doc.program_rows = vec![strings(&["助學", "¥1.00", "¥1.00"]); PROGRAM_ROWS_MAX + 1];
        assert!(render_summary(&doc, font()).is_err());
        let mut doc = zh_hant();
        doc.program_rows[0].push("extra".into());
        assert!(render_summary(&doc, font()).is_err());
        let mut doc = zh_hant();
        doc.months.push(("13月".into(), 0, 0));
        assert!(render_summary(&doc, font()).is_err());
    }
}
