//! A donor's year-end statement (捐贈明細證明) as a PDF of one or more A4 pages.
//!
//! A pure renderer on the shared PDF parts (`canvas`, `a4`, `writer`): a
//! [`StatementDoc`] of already formatted strings in, PDF bytes out. Text goes through
//! the canvas's fitting (`Canvas::text_in`: cleaned, measured, wrapped, shrunk, at
//! last cut with "…", always inside its frame) and is written as glyph ids of one
//! subset of the bundled font shared by all pages, so it is extractable and cannot
//! inject PDF syntax.
//!
//! Every page repeats the fund's name over a red double rule, the title, the donor
//! and the table's header row, and carries its page number at the foot. The total
//! row, the note and the fingerprint close the last page; rows are moved to a new
//! page rather than let them overflow.

use super::a4::{
    CONTENT_WIDTH_MM, MARGIN_MM, fill_ops, fingerprint_line, full_width, stroke_ops, write_pdf,
};
use super::canvas::{Frame, Paint, Sheet, Stroke};
use super::font::PdfFont;
use super::layout::{Align, Ink, style};
use super::writer::PdfDates;
use printpdf::Op;

/// One donor's statement, already formatted in the ledger's language.
#[derive(Clone, Debug, Default)]
pub struct StatementDoc {
    /// 鷹潭市政協愛心基金
    pub fund_name: String,
    /// When it is printed.
    pub dates: PdfDates,
    /// 2022 年度捐贈明細
    pub title: String,
    /// 捐贈人：李明
    pub donor: String,
    /// e.g. 日期 / 收據編號 / 用途 / 方式 / 金額; at most [`COLUMNS_MAX`]. The last
    /// column is an amount and is right-aligned.
    pub headers: Vec<String>,
    /// Cells under `headers`; a short row is padded with blank cells. At most
    /// [`ROWS_MAX`].
    pub rows: Vec<Vec<String>>,
    /// The total row, ruled above and double-ruled below.
    pub total: Vec<String>,
    /// How many columns at the right are amounts, right-aligned (0: the last one).
    pub amount_columns: usize,
    /// A thank-you or certification sentence under the table.
    pub note: String,
    /// Page numbers: `{n}` is replaced by the page, `{m}` by the count, e.g.
    /// "第 {n} / {m} 頁" or "Page {n} of {m}". Empty: "{n} / {m}".
    pub page_label: String,
    pub fingerprint_label: String,
    /// The chain's head hash, 64 hex characters.
    pub fingerprint: String,
}

pub const COLUMNS_MAX: usize = 6;
pub const ROWS_MAX: usize = 10_000;

const CELL_PADDING_X_MM: f32 = 2.0;
const CELL_PADDING_Y_MM: f32 = 0.8;
const TABLE_TOP_MM: f32 = 54.0;
const HEADER_ROW_MM: f32 = 8.5;
const BODY_ROW_MM: f32 = 7.0;
const TOTAL_ROW_MM: f32 = 8.0;
/// The table and the closing block end above this line; the page number sits below.
const BODY_BOTTOM_MM: f32 = 272.0;
const PAGE_NUMBER_TOP_MM: f32 = 275.0;
const PAGE_NUMBER_MM: f32 = 6.0;
const NOTE_MM: f32 = 20.0;
const FINGERPRINT_MM: f32 = 7.0;
const GAP_MM: f32 = 5.0;
const BODY_PT: f32 = 10.0;
const COLUMN_MIN_MM: f32 = 14.0;

/// Renders the statement on as many A4 pages as its rows need.
pub fn render_statement(doc: &StatementDoc, font: &PdfFont) -> Result<Vec<u8>, String> {
    let pages = lay_out(doc, font)?;
    let title = font.clean(&format!("{} {} {}", doc.fund_name, doc.title, doc.donor));
    write_pdf(&pages, font, &title, doc.dates, shape_ops)
}

/// "第 {n} / {m} 頁" with the numbers filled in.
pub fn page_label(format: &str, n: usize, m: usize) -> String {
    let format = if format.is_empty() {
        "{n} / {m}"
    } else {
        format
    };
    format
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
}

// ---------------------------------------------------------------------------------
// Layout: in millimetres, y measured down from the page top.

fn check_limits(doc: &StatementDoc) -> Result<(), String> {
    let columns = doc.headers.len();
    if columns == 0 || columns > COLUMNS_MAX {
        return Err(format!(
            "the statement has 1 to {COLUMNS_MAX} columns, not {columns}"
        ));
    }
    if doc.rows.len() > ROWS_MAX {
        return Err(format!(
            "the statement holds at most {ROWS_MAX} rows, not {}",
            doc.rows.len()
        ));
    }
    let widest = doc
        .rows
        .iter()
        .chain(std::iter::once(&doc.total))
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    if widest > columns {
        return Err(format!(
            "a statement row has {widest} cells but the table has {columns} columns"
        ));
    }
    Ok(())
}

/// Column widths: each would like its widest cell (the header, the total and up to a
/// sample of rows); the wish is capped at half the page, and the page width is then
/// shared in proportion, each at least [`COLUMN_MIN_MM`].
fn column_widths(doc: &StatementDoc, font: &PdfFont) -> Vec<f32> {
    const SAMPLE: usize = 400;
    let columns = doc.headers.len();
    let step = (doc.rows.len() / SAMPLE).max(1);
    let mut wanted = vec![COLUMN_MIN_MM; columns];
    let sampled = doc.rows.iter().step_by(step);
    let all = std::iter::once(&doc.headers)
        .chain(std::iter::once(&doc.total))
        .chain(sampled);
    for row in all {
        for (column, text) in row.iter().enumerate().take(columns) {
            let width = font.width_mm(&font.clean(text), BODY_PT) + 2.0 * CELL_PADDING_X_MM + 1.0;
            wanted[column] = wanted[column].max(width.min(CONTENT_WIDTH_MM / 2.0));
        }
    }
    let sum: f32 = wanted.iter().sum();
    if sum <= CONTENT_WIDTH_MM {
        let extra = (CONTENT_WIDTH_MM - sum) / columns as f32;
        return wanted.iter().map(|want| want + extra).collect();
    }
    // Shrink the part above the minimum in proportion.
    let floor = COLUMN_MIN_MM * columns as f32;
    let ratio = (CONTENT_WIDTH_MM - floor) / (sum - floor);
    wanted
        .iter()
        .map(|want| COLUMN_MIN_MM + (want - COLUMN_MIN_MM) * ratio)
        .collect()
}

/// How many rows each page holds: full pages, then a last page with room for the
/// total, the note and the fingerprint (never a last page of the total alone when
/// there are rows).
fn paginate(rows: usize) -> Vec<usize> {
    let body = BODY_BOTTOM_MM - TABLE_TOP_MM - HEADER_ROW_MM;
    let full = (body / BODY_ROW_MM) as usize;
    let tail = closing_height();
    let last = ((body - tail) / BODY_ROW_MM) as usize;
    let mut pages = Vec::new();
    let mut left = rows;
    loop {
        if left <= last {
            pages.push(left);
            return pages;
        }
        let take = if left > full { full } else { left - 1 };
        pages.push(take);
        left -= take;
    }
}

/// The total row, the note and the fingerprint.
fn closing_height() -> f32 {
    TOTAL_ROW_MM + 1.5 + GAP_MM + NOTE_MM + GAP_MM + FINGERPRINT_MM
}

fn lay_out(doc: &StatementDoc, font: &PdfFont) -> Result<Vec<Sheet>, String> {
    check_limits(doc)?;
    let widths = column_widths(doc, font);
    let counts = paginate(doc.rows.len());
    let page_count = counts.len();
    let mut sheets = Vec::with_capacity(page_count);
    let mut rows = doc.rows.iter();
    for (index, &count) in counts.iter().enumerate() {
        let mut sheet = Sheet::default();
        lay_out_header(&mut sheet, doc, font);
        let table = Table {
            widths: &widths,
            font,
            doc_amount_columns: doc.amount_columns.max(1),
        };
        let mut y = table.header(&mut sheet, &doc.headers, TABLE_TOP_MM);
        for row in rows.by_ref().take(count) {
            table.row(&mut sheet, row, y, BODY_ROW_MM, false);
            y += BODY_ROW_MM;
        }
        let last = index + 1 == page_count;
        if last {
            table.row(&mut sheet, &doc.total, y, TOTAL_ROW_MM, true);
            sheet.hline(y, 0.9, Paint::Rule);
            y += TOTAL_ROW_MM;
            sheet.hline(y + 0.3, 0.6, Paint::Rule);
            sheet.hline(y + 1.2, 0.6, Paint::Rule);
            y += 1.5;
        }
        sheet.line(
            (MARGIN_MM, TABLE_TOP_MM),
            (MARGIN_MM, y.min(BODY_BOTTOM_MM)),
            0.8,
            Paint::Rule,
        );
        let right = MARGIN_MM + CONTENT_WIDTH_MM;
        sheet.line(
            (right, TABLE_TOP_MM),
            (right, y.min(BODY_BOTTOM_MM)),
            0.8,
            Paint::Rule,
        );
        if !last {
            sheet.hline(y, 0.8, Paint::Rule);
        }
        if last {
            lay_out_closing(&mut sheet, doc, font, y + GAP_MM);
        }
        let number = page_label(&doc.page_label, index + 1, page_count);
        let number_style = style(9.0, 6.0, 1, Align::Center, Ink::Label);
        sheet.canvas.text_in(
            font,
            &number,
            full_width(PAGE_NUMBER_TOP_MM, PAGE_NUMBER_MM),
            number_style,
        );
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// The fund's name in red over a red double rule, the title and the donor.
fn lay_out_header(sheet: &mut Sheet, doc: &StatementDoc, font: &PdfFont) {
    let fund_style = style(20.0, 10.0, 1, Align::Center, Ink::Accent);
    sheet
        .canvas
        .text_in(font, &doc.fund_name, full_width(12.0, 11.0), fund_style);
    sheet.line(
        (MARGIN_MM, 25.0),
        (MARGIN_MM + CONTENT_WIDTH_MM, 25.0),
        1.8,
        Paint::Seal,
    );
    sheet.line(
        (MARGIN_MM, 26.2),
        (MARGIN_MM + CONTENT_WIDTH_MM, 26.2),
        0.5,
        Paint::Seal,
    );
    let title_style = style(17.0, 10.0, 1, Align::Center, Ink::Text);
    sheet
        .canvas
        .text_in(font, &doc.title, full_width(29.0, 10.0), title_style);
    let donor_style = style(11.5, 7.0, 1, Align::Left, Ink::Text);
    sheet
        .canvas
        .text_in(font, &doc.donor, full_width(42.0, 8.0), donor_style);
}

struct Table<'a> {
    widths: &'a [f32],
    font: &'a PdfFont,
    /// How many columns at the right are amounts (at least one).
    doc_amount_columns: usize,
}

impl Table<'_> {
    fn cells(&self, y: f32, height: f32) -> Vec<Frame> {
        let mut x = MARGIN_MM;
        self.widths
            .iter()
            .map(|&width| {
                let frame = Frame {
                    x,
                    y,
                    width,
                    height,
                };
                x += width;
                frame
            })
            .collect()
    }

    /// The shaded header row; returns its bottom.
    fn header(&self, sheet: &mut Sheet, headers: &[String], top: f32) -> f32 {
        sheet
            .fills
            .push((full_width(top, HEADER_ROW_MM), Paint::Shade));
        sheet.hline(top, 0.8, Paint::Rule);
        let frames = self.cells(top, HEADER_ROW_MM);
        for (index, (frame, text)) in frames.iter().zip(headers).enumerate() {
            let align = if index + self.doc_amount_columns >= headers.len() {
                Align::Right
            } else {
                Align::Center
            };
            let header_style = style(BODY_PT, 6.5, 2, align, Ink::Text);
            let inner = frame.inset(CELL_PADDING_X_MM, CELL_PADDING_Y_MM);
            sheet.canvas.text_in(self.font, text, inner, header_style);
        }
        for frame in &frames[1..] {
            sheet.line(
                (frame.x, top),
                (frame.x, top + HEADER_ROW_MM),
                0.4,
                Paint::Grid,
            );
        }
        sheet.hline(top + HEADER_ROW_MM, 0.8, Paint::Rule);
        top + HEADER_ROW_MM
    }

    fn row(&self, sheet: &mut Sheet, cells: &[String], top: f32, height: f32, total: bool) {
        let frames = self.cells(top, height);
        let columns = frames.len();
        for (index, frame) in frames.iter().enumerate() {
            let text = cells.get(index).map_or("", String::as_str);
            let amount = index + self.doc_amount_columns >= columns;
            let cell_style = if amount {
                style(BODY_PT, 6.0, 1, Align::Right, Ink::Text)
            } else {
                style(BODY_PT, 6.0, 2, Align::Left, Ink::Text)
            };
            let inner = frame.inset(CELL_PADDING_X_MM, CELL_PADDING_Y_MM);
            sheet.canvas.text_in(self.font, text, inner, cell_style);
        }
        for frame in &frames[1..] {
            sheet.line((frame.x, top), (frame.x, top + height), 0.4, Paint::Grid);
        }
        if !total {
            sheet.hline(top + height, 0.3, Paint::Grid);
        }
    }
}

/// The note in a shaded box with a red bar (none without a note), then the
/// fingerprint.
fn lay_out_closing(sheet: &mut Sheet, doc: &StatementDoc, font: &PdfFont, top: f32) {
    let fingerprint_top = if doc.note.is_empty() {
        top
    } else {
        let note = full_width(top, NOTE_MM);
        sheet.fills.push((note, Paint::Shade));
        sheet.line((note.x, note.y), (note.x, note.bottom()), 1.2, Paint::Seal);
        let note_style = style(10.5, 6.5, 4, Align::Left, Ink::Text);
        sheet
            .canvas
            .text_in(font, &doc.note, note.inset(3.5, 1.5), note_style);
        note.bottom() + GAP_MM
    };
    fingerprint_line(
        sheet,
        font,
        (&doc.fingerprint_label, &doc.fingerprint),
        full_width(fingerprint_top, FINGERPRINT_MM),
    );
}

// ---------------------------------------------------------------------------------
// PDF: the shapes under the text; `a4::write_pdf` does the rest.

/// The fills first, then the gridlines, then the rules over them.
fn shape_ops(sheet: &Sheet) -> Vec<Op> {
    let (grid, rules): (Vec<&Stroke>, Vec<&Stroke>) = sheet
        .strokes
        .iter()
        .partition(|stroke| stroke.paint == Paint::Grid);
    let mut ops = fill_ops(sheet);
    ops.extend(stroke_ops(&grid));
    ops.extend(stroke_ops(&rules));
    ops
}

#[cfg(test)]
mod tests {
    use super::super::a4::{PAGE_HEIGHT_MM, PAGE_WIDTH_MM};
    use super::super::testing::{extent, font, hostile_text, pdftotext};
    use super::*;
    use std::time::Instant;

    const FINGERPRINT: &str = "3f9a1c0e7b5d42e8a6c1f0b9d8e7a6c5b4a39281706f5e4d3c2b1a0918273645";

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    fn receipt_number(index: usize) -> String {
        format!("R2022-{:04}", index + 1)
    }

    fn doc(rows: usize) -> StatementDoc {
        let purposes = ["助學", "扶貧", "幫困", "非限定"];
        let methods = ["銀行轉賬", "現金", "微信"];
        StatementDoc {
            dates: PdfDates::at(1_646_164_800),
            fund_name: "鷹潭市政協愛心基金".into(),
            title: "2022 年度捐贈明細".into(),
            donor: "捐贈人：李明".into(),
            headers: strings(&["日期", "收據編號", "用途", "方式", "金額"]),
            rows: (0..rows)
                .map(|index| {
                    vec![
                        format!("2022-{:02}-{:02}", index % 12 + 1, index % 28 + 1),
                        receipt_number(index),
                        purposes[index % purposes.len()].into(),
                        methods[index % methods.len()].into(),
                        format!("¥{},000.00", index % 9 + 1),
                    ]
                })
                .collect(),
            total: strings(&["合計", "", "", "", "¥543,210.00"]),
            amount_columns: 1,
            note: "感謝您對愛心基金的支持。以上捐贈均已入賬，特此證明。".into(),
            page_label: "第 {n} / {m} 頁".into(),
            fingerprint_label: "賬本指紋（SHA-256）".into(),
            fingerprint: FINGERPRINT.into(),
        }
    }

    fn hostile() -> StatementDoc {
        let h = hostile_text;
        StatementDoc {
            dates: PdfDates::at(1_646_164_800),
            fund_name: h("基金"),
            title: h("標題"),
            donor: h("捐贈人"),
            headers: (0..COLUMNS_MAX).map(|_| h("欄")).collect(),
            rows: (0..40)
                .map(|_| (0..COLUMNS_MAX).map(|_| h("¥1")).collect())
                .collect(),
            total: (0..COLUMNS_MAX).map(|_| h("合計")).collect(),
            amount_columns: 1,
            note: h("證明"),
            page_label: h("{n}{m}"),
            fingerprint_label: h("指紋"),
            fingerprint: "f".repeat(500),
        }
    }

    /// Every run inside its frame and the page's margins; every shape on the page.
    fn assert_tidy(sheets: &[Sheet]) {
        const SLACK_MM: f32 = 0.01;
        for sheet in sheets {
            for run in &sheet.canvas.runs {
                let (left, top, right, bottom) = extent(run);
                let frame = run.frame;
                let inside = left >= frame.x - SLACK_MM
                    && right <= frame.right() + SLACK_MM
                    && top >= frame.y - SLACK_MM
                    && bottom <= frame.bottom() + SLACK_MM;
                assert!(inside, "{:?} leaves its frame {frame:?}", run.text);
                assert!(left >= MARGIN_MM - SLACK_MM, "{:?}", run.text);
                assert!(right <= PAGE_WIDTH_MM - MARGIN_MM + SLACK_MM);
                assert!(top >= 10.0 && bottom <= PAGE_HEIGHT_MM - 15.0);
            }
            for stroke in &sheet.strokes {
                for (x, y) in [stroke.from, stroke.to] {
                    assert!(
                        (MARGIN_MM - SLACK_MM..=PAGE_WIDTH_MM - MARGIN_MM + SLACK_MM).contains(&x)
                    );
                    assert!(
                        (10.0..=BODY_BOTTOM_MM + SLACK_MM).contains(&y),
                        "{stroke:?}"
                    );
                }
            }
            for (frame, _) in &sheet.fills {
                assert!(frame.bottom() <= BODY_BOTTOM_MM + SLACK_MM, "{frame:?}");
            }
        }
    }

    /// With LOVEFUND_STATEMENT_PDF_DIR set, writes the PDF there to be looked at.
    fn keep(name: &str, pdf: &[u8]) {
        if let Ok(dir) = std::env::var("LOVEFUND_STATEMENT_PDF_DIR") {
            std::fs::write(format!("{dir}/statement-{name}.pdf"), pdf).unwrap();
        }
    }

    fn rendered(name: &str, doc: &StatementDoc) -> (Vec<u8>, Option<String>) {
        let start = Instant::now();
        let pdf = render_statement(doc, font()).unwrap();
        eprintln!(
            "{name}: {} rows, {} bytes in {:?}",
            doc.rows.len(),
            pdf.len(),
            start.elapsed()
        );
        assert!(pdf.starts_with(b"%PDF-"));
        keep(name, &pdf);
        let text = pdftotext(&pdf);
        (pdf, text)
    }

    /// pdftotext may drop the spaces between CJK and digits: compare without them.
    fn squeeze(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// The header row's texts on a sheet.
    fn has_header(sheet: &Sheet, doc: &StatementDoc) -> bool {
        doc.headers
            .iter()
            .all(|header| sheet.canvas.runs.iter().any(|run| &run.text == header))
    }

    #[test]
    fn statement_pdf_three_rows_fit_one_page() {
        let doc = doc(3);
        assert!(font().missing_chars(&format!("{doc:?}")).is_empty());
        let sheets = lay_out(&doc, font()).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_tidy(&sheets);
        let (_, text) = rendered("3", &doc);
        if let Some(text) = text {
            for needle in [
                "鷹潭市政協愛心基金",
                "2022 年度捐贈明細",
                "捐贈人：李明",
                "收據編號",
                "R2022-0003",
                "¥543,210.00",
                "特此證明",
                FINGERPRINT,
                "第1/1頁",
            ] {
                assert!(
                    squeeze(&text).contains(&squeeze(needle)),
                    "{needle:?} not in:\n{text}"
                );
            }
        }
    }

    #[test]
    fn statement_pdf_many_rows_repeat_the_header_on_every_page() {
        let doc = doc(120);
        let sheets = lay_out(&doc, font()).unwrap();
        assert!(sheets.len() > 2, "{} pages", sheets.len());
        assert_tidy(&sheets);
        for sheet in &sheets {
            assert!(has_header(sheet, &doc));
        }
        let (pdf, text) = rendered("120", &doc);
        assert!(pdf.len() < 300_000, "{} bytes", pdf.len());
        if let Some(text) = text {
            let pages: Vec<&str> = text
                .split('\u{c}')
                .filter(|p| !p.trim().is_empty())
                .collect();
            assert_eq!(pages.len(), sheets.len());
            let count = sheets.len();
            for (index, page) in pages.iter().enumerate() {
                assert!(page.contains("收據編號"), "page {index} has no header");
                let label = format!("第 {} / {count} 頁", index + 1);
                assert!(
                    squeeze(page).contains(&squeeze(&label)),
                    "{label:?} not on page {index}"
                );
            }
            for needle in ["捐贈人：李明", "¥543,210.00", FINGERPRINT] {
                assert!(text.contains(needle), "{needle:?} not in the text");
            }
            for index in 0..120 {
                let number = receipt_number(index);
                assert!(text.contains(&number), "{number} not in the text");
            }
        }
    }

    #[test]
    fn statement_pdf_no_rows_still_has_the_total() {
        let doc = doc(0);
        let sheets = lay_out(&doc, font()).unwrap();
        assert_eq!(sheets.len(), 1);
        assert_tidy(&sheets);
        let (_, text) = rendered("0", &doc);
        if let Some(text) = text {
            assert!(text.contains("¥543,210.00") && text.contains("收據編號"));
        }
    }

    #[test]
    fn statement_pdf_hostile_text_stays_in_its_cells() {
        let doc = hostile();
        let sheets = lay_out(&doc, font()).unwrap();
        assert_tidy(&sheets);
        assert!(
            sheets
                .iter()
                .flat_map(|sheet| &sheet.canvas.runs)
                .any(|run| run.text.ends_with('…'))
        );
        let (pdf, _) = rendered("hostile", &doc);
        let needle = b"JavaScript";
        assert!(!pdf.windows(needle.len()).any(|window| window == needle));
    }

    #[test]
    fn statement_pdf_pagination_and_limits() {
        assert_eq!(paginate(0), [0]);
        for rows in [1, 29, 30, 31, 60, 120, 10_000] {
            let pages = paginate(rows);
            assert_eq!(pages.iter().sum::<usize>(), rows);
            if rows > 0 {
                assert!(pages.iter().all(|&count| count > 0), "{rows}: {pages:?}");
            }
        }
        let big = doc(ROWS_MAX);
        let start = Instant::now();
        let pdf = render_statement(&big, font()).unwrap();
        eprintln!(
            "{ROWS_MAX} rows: {} bytes in {:?}",
            pdf.len(),
            start.elapsed()
        );
        let mut wide = doc(1);
        wide.rows[0].push("extra".into());
        assert!(render_statement(&wide, font()).is_err());
        let mut none = doc(1);
        none.headers.clear();
        assert!(render_statement(&none, font()).is_err());
        assert_eq!(page_label("", 2, 5), "2 / 5");
        assert_eq!(page_label("Page {n} of {m}", 2, 5), "Page 2 of 5");
    }
}
