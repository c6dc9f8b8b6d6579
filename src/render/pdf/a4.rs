//! What the A4 documents (the annual summary, a donor's statement) share: the page,
//! its margins, section titles, and writing the sheets as the pages of one PDF with
//! one font subset. Layout is in millimetres with y measured down from the page top.

use super::canvas::{self, Frame, Sheet, Stroke};
use super::font::PdfFont;
use super::layout::{Align, Ink, style};
use super::writer::{PdfDates, Writer, glyphs_used};
use printpdf::{Mm, Op, PdfPage};

pub(crate) const PAGE_WIDTH_MM: f32 = 210.0;
pub(crate) const PAGE_HEIGHT_MM: f32 = 297.0;
pub(crate) const MARGIN_MM: f32 = 18.0;
pub(crate) const CONTENT_WIDTH_MM: f32 = PAGE_WIDTH_MM - 2.0 * MARGIN_MM;

impl Sheet {
    /// A rule across the content width.
    pub(crate) fn hline(&mut self, y: f32, width_pt: f32, paint: canvas::Paint) {
        self.line(
            (MARGIN_MM, y),
            (MARGIN_MM + CONTENT_WIDTH_MM, y),
            width_pt,
            paint,
        );
    }

    /// A section title with a red marker before it.
    pub(crate) fn section_title(&mut self, font: &PdfFont, text: &str, frame: Frame) {
        self.fill(
            Frame {
                x: frame.x,
                y: frame.y + frame.height / 2.0 - 2.0,
                width: 1.2,
                height: 4.0,
            },
            canvas::Paint::Seal,
        );
        let text_frame = Frame {
            x: frame.x + 3.0,
            width: frame.width - 3.0,
            ..frame
        };
        let title_style = style(12.0, 8.0, 1, Align::Left, Ink::Text);
        self.canvas.text_in(font, text, text_frame, title_style);
    }
}

pub(crate) fn full_width(y: f32, height: f32) -> Frame {
    Frame {
        x: MARGIN_MM,
        y,
        width: CONTENT_WIDTH_MM,
        height,
    }
}

/// The sheet's filled rectangles on an A4 page.
/// The fingerprint line both A4 documents end with: its label, then the 64 hex
/// digits of the ledger's head hash, wrapped within `frame`.
pub(crate) fn fingerprint_line(
    sheet: &mut Sheet,
    font: &PdfFont,
    (label, fingerprint): (&str, &str),
    frame: Frame,
) {
    let label = font.clean(label);
    let label_width = font.width_mm(&label, 9.0).min(CONTENT_WIDTH_MM / 4.0);
    let label_frame = Frame {
        width: label_width,
        ..frame
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
        .text_in(font, fingerprint, value_frame, value_style);
}

pub(crate) fn fill_ops(sheet: &Sheet) -> Vec<Op> {
    sheet.fill_ops(PAGE_HEIGHT_MM)
}

/// The strokes on an A4 page.
pub(crate) fn stroke_ops(strokes: &[&Stroke]) -> Vec<Op> {
    canvas::stroke_ops(strokes, PAGE_HEIGHT_MM)
}

/// Writes the sheets as the pages of one PDF: one font subset for all of them,
/// `shapes` for the rules and fills under the text.
pub(crate) fn write_pdf(
    sheets: &[Sheet],
    font: &PdfFont,
    title: &str,
    dates: PdfDates,
    shapes: fn(&Sheet) -> Vec<Op>,
) -> Result<Vec<u8>, String> {
    let mut glyphs = glyphs_used(font, sheets.iter().flat_map(|sheet| &sheet.canvas.runs));
    glyphs.sort_unstable();
    glyphs.dedup();
    let writer = Writer::new(font, title, dates, &glyphs)?;
    let pages = sheets
        .iter()
        .map(|sheet| {
            let mut ops = shapes(sheet);
            ops.extend(writer.text_ops(&sheet.canvas, PAGE_HEIGHT_MM));
            PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops)
        })
        .collect();
    writer.finish(pages)
}
