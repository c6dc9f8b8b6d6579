//! The accounting voucher (记账凭证) of one entry as a one-page PDF, A5 landscape like
//! the receipts (issue 17 §2): the fund's name, the title, the voucher number (记-NNN
//! of the entry's month), the date and the number of original documents attached
//! (附单据 N 张); a table of 摘要 / 会计科目 / 借方金额 / 贷方金额, one line per
//! posting; the 合计 in figures and in 大写; and the names of 制单 / 审核 / 记账.
//! A pure renderer, as `receipt`: a `VoucherDoc` in, PDF bytes out.

use super::canvas::{Canvas, Frame};
use super::font::PdfFont;
use super::layout::{Align, Ink, style};
use super::writer::{PdfDates, Writer, glyphs_used};
use printpdf::{Mm, PdfPage};

/// The words printed on a voucher, in the reader's language.
pub struct VoucherLabels {
    pub title: String,
    pub number: String,
    pub date: String,
    /// 附单据 {n} 张, with `{n}` for the count.
    pub documents: String,
    pub memo: String,
    pub account: String,
    pub debit: String,
    pub credit: String,
    pub total: String,
    pub amount_words: String,
    pub prepared: String,
    pub reviewed: String,
    pub booked: String,
}

/// One line of the table, formatted: the account as `1002 银行存款 · 助学`.
pub struct VoucherLine {
    pub memo: String,
    pub account: String,
    /// Empty when the line has none.
    pub debit: String,
    pub credit: String,
}

pub struct VoucherDoc {
    pub fund_name: String,
    pub number: String,
    pub date: String,
    pub documents: usize,
    pub lines: Vec<VoucherLine>,
    pub total_debit: String,
    pub total_credit: String,
    pub total_words: String,
    pub prepared_by: String,
    /// Empty until someone reviewed it.
    pub reviewed_by: String,
    pub booked_by: String,
    pub labels: VoucherLabels,
    pub dates: PdfDates,
}

const PAGE_WIDTH_MM: f32 = 210.0;
const PAGE_HEIGHT_MM: f32 = 148.0;
const MARGIN_MM: f32 = 12.0;
const CONTENT_WIDTH_MM: f32 = PAGE_WIDTH_MM - 2.0 * MARGIN_MM;
const TABLE_TOP_MM: f32 = 36.0;
/// Where the table must end, above the totals in words and the signatures.
const TABLE_BOTTOM_MAX_MM: f32 = 112.0;
const ROW_MM: f32 = 8.0;
const ROW_MIN_MM: f32 = 4.5;
/// The lines a voucher shows at the least (blank ones below its postings).
const MIN_LINES: usize = 5;
/// Column widths: 摘要, 会计科目, 借方, 贷方.
const COLUMNS_MM: [f32; 4] = [52.0, 64.0, 35.0, 35.0];

/// Renders one voucher.
pub fn render_voucher(doc: &VoucherDoc, font: &PdfFont) -> Result<Vec<u8>, String> {
    let canvas = lay_out(doc, font);
    let title = font.clean(&format!("{} {}", doc.labels.title, doc.number));
    let glyphs = glyphs_used(font, canvas.runs.iter());
    let writer = Writer::new(font, &title, doc.dates, &glyphs)?;
    let mut ops = canvas.shape_ops(PAGE_HEIGHT_MM);
    ops.extend(writer.text_ops(&canvas, PAGE_HEIGHT_MM));
    let page = PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops);
    writer.finish(vec![page])
}

fn full_width(y: f32, height: f32) -> Frame {
    Frame {
        x: MARGIN_MM,
        y,
        width: CONTENT_WIDTH_MM,
        height,
    }
}

fn lay_out(doc: &VoucherDoc, font: &PdfFont) -> Canvas {
    let mut canvas = Canvas::default();
    let l = &doc.labels;
    let centred = |size, min| style(size, min, 1, Align::Center, Ink::Text);
    canvas.text_in(
        font,
        &doc.fund_name,
        full_width(7.0, 7.0),
        centred(12.0, 8.0),
    );
    canvas.text_in(font, &l.title, full_width(14.5, 10.0), centred(19.0, 12.0));
    // A double rule under the title, as on printed voucher forms.
    let rule_y = 25.5;
    let (from, to) = (PAGE_WIDTH_MM / 2.0 - 28.0, PAGE_WIDTH_MM / 2.0 + 28.0);
    canvas.rule((from, rule_y), (to, rule_y), 0.6);
    canvas.rule((from, rule_y + 1.0), (to, rule_y + 1.0), 0.6);
    let third = CONTENT_WIDTH_MM / 3.0;
    let cell = |i: f32| Frame {
        x: MARGIN_MM + third * i,
        y: 28.5,
        width: third,
        height: 6.0,
    };
    let number = (l.number.as_str(), doc.number.as_str());
    canvas.labelled(font, cell(0.0), number, Ink::Accent, Align::Left);
    let date = (l.date.as_str(), doc.date.as_str());
    canvas.labelled(font, cell(1.0), date, Ink::Text, Align::Center);
    let documents = l.documents.replace("{n}", &doc.documents.to_string());
    let right = style(10.0, 7.0, 1, Align::Right, Ink::Text);
    canvas.text_in(font, &documents, cell(2.0), right);
    let bottom = lay_out_table(&mut canvas, doc, font);
    lay_out_signatures(&mut canvas, doc, font, bottom + 4.0);
    canvas
}

/// The columns' frames on a row at `y`, `height` high.
fn columns(y: f32, height: f32) -> [Frame; 4] {
    let mut x = MARGIN_MM;
    COLUMNS_MM.map(|width| {
        let frame = Frame {
            x,
            y,
            width,
            height,
        };
        x += width;
        frame
    })
}

/// The table, its total row and the total in words; returns its bottom.
fn lay_out_table(canvas: &mut Canvas, doc: &VoucherDoc, font: &PdfFont) -> f32 {
    let l = &doc.labels;
    let pad = |f: Frame| f.inset(2.0, 0.8);
    let header = columns(TABLE_TOP_MM, 7.0);
    let head_style = style(9.5, 6.5, 1, Align::Center, Ink::Label);
    for (frame, text) in header
        .iter()
        .zip([&l.memo, &l.account, &l.debit, &l.credit])
    {
        canvas.text_in(font, text, pad(*frame), head_style);
        canvas.outline(*frame, 0.5);
    }
    // At least five lines, blank ones below the postings, as on a printed voucher
    // form; rows shrink to fit the page, so an entry of many postings stays on one.
    let blank = VoucherLine {
        memo: String::new(),
        account: String::new(),
        debit: String::new(),
        credit: String::new(),
    };
    let shown = doc.lines.len().max(MIN_LINES);
    let rows = shown as f32 + 1.0;
    let room = TABLE_BOTTOM_MAX_MM - (TABLE_TOP_MM + 7.0);
    let row_mm = (room / rows).clamp(ROW_MIN_MM, ROW_MM);
    let size = if row_mm < 6.5 { 8.0 } else { 10.0 };
    let text = style(size, 5.5, 1, Align::Left, Ink::Text);
    let figures = style(size, 5.5, 1, Align::Right, Ink::Text);
    let mut y = TABLE_TOP_MM + 7.0;
    for line in doc
        .lines
        .iter()
        .chain(std::iter::repeat_n(&blank, shown - doc.lines.len()))
    {
        let cells = columns(y, row_mm);
        canvas.text_in(font, &line.memo, pad(cells[0]), text);
        canvas.text_in(font, &line.account, pad(cells[1]), text);
        canvas.text_in(font, &line.debit, pad(cells[2]), figures);
        canvas.text_in(font, &line.credit, pad(cells[3]), figures);
        for cell in cells {
            canvas.outline(cell, 0.5);
        }
        y += row_mm;
    }
    let totals = columns(y, row_mm.max(6.5));
    let total_label = Frame {
        width: COLUMNS_MM[0] + COLUMNS_MM[1],
        ..totals[0]
    };
    let bold = style(10.0, 6.5, 1, Align::Center, Ink::Text);
    canvas.text_in(font, &l.total, pad(total_label), bold);
    canvas.text_in(font, &doc.total_debit, pad(totals[2]), figures);
    canvas.text_in(font, &doc.total_credit, pad(totals[3]), figures);
    canvas.outline(total_label, 0.5);
    canvas.outline(totals[2], 0.5);
    canvas.outline(totals[3], 0.5);
    let table = Frame {
        height: totals[0].bottom() - TABLE_TOP_MM,
        ..full_width(TABLE_TOP_MM, 0.0)
    };
    canvas.outline(table, 1.2);
    let words_top = table.bottom() + 1.5;
    let words = (l.amount_words.as_str(), doc.total_words.as_str());
    canvas.labelled(
        font,
        full_width(words_top, 6.5),
        words,
        Ink::Text,
        Align::Left,
    );
    words_top + 6.5
}

/// 制单 / 审核 / 记账, each a label and a name on a line to sign.
fn lay_out_signatures(canvas: &mut Canvas, doc: &VoucherDoc, font: &PdfFont, top: f32) {
    let l = &doc.labels;
    let third = CONTENT_WIDTH_MM / 3.0;
    let people = [
        (&l.prepared, &doc.prepared_by),
        (&l.reviewed, &doc.reviewed_by),
        (&l.booked, &doc.booked_by),
    ];
    for (i, (label, name)) in people.into_iter().enumerate() {
        let frame = Frame {
            x: MARGIN_MM + third * i as f32,
            y: top.max(118.0),
            width: third - 6.0,
            height: 7.0,
        };
        let label = font.clean(label);
        let label_width = font.width_mm(&label, 9.5).min(frame.width / 2.0);
        canvas.text_in(
            font,
            &label,
            Frame {
                width: label_width,
                ..frame
            },
            style(9.5, 6.0, 1, Align::Left, Ink::Label),
        );
        let line_start = frame.x + label_width + 2.0;
        canvas.text_in(
            font,
            name,
            Frame {
                x: line_start + 1.5,
                width: frame.right() - line_start - 2.0,
                ..frame
            },
            style(10.0, 6.5, 1, Align::Left, Ink::Text),
        );
        let underline = frame.bottom() + 0.3;
        canvas.rule((line_start, underline), (frame.right(), underline), 0.5);
    }
}
