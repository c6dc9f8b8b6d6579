//! What the A4 documents (the annual summary, a donor's statement) share: the page,
//! its margins, coloured rules and fills kept beside the receipt's text canvas, and
//! writing the sheets as one PDF with the receipt's font subsetting, text operators
//! and compression. Layout is in millimetres with y measured down from the page top.

use super::receipt_pdf::{
    Align, Canvas, Frame, Ink, PAGE_HEIGHT_MM as RECEIPT_PAGE_HEIGHT_MM, ReceiptFont,
    deflate_streams, line_op, rect_op, style, subset_tag, text_ops,
};
use printpdf::{
    Color, CurTransMat, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Pt, Rgb,
};
use subsetter::GlyphRemapper;

pub(crate) const PAGE_WIDTH_MM: f32 = 210.0;
pub(crate) const PAGE_HEIGHT_MM: f32 = 297.0;
pub(crate) const MARGIN_MM: f32 = 18.0;
pub(crate) const CONTENT_WIDTH_MM: f32 = PAGE_WIDTH_MM - 2.0 * MARGIN_MM;

/// Colours of the rules and filled shapes; text takes the receipt's inks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Paint {
    Rule,
    Grid,
    Seal,
    Shade,
    MoneyIn,
    MoneyOut,
}

impl Paint {
    pub(crate) fn color(self) -> Color {
        let (r, g, b) = match self {
            Paint::Rule => (0.25, 0.25, 0.25),
            Paint::Grid => (0.80, 0.80, 0.80),
            Paint::Seal => (0.78, 0.06, 0.06),
            Paint::Shade => (0.945, 0.945, 0.935),
            Paint::MoneyIn => (0.16, 0.42, 0.66),
            Paint::MoneyOut => (0.90, 0.52, 0.16),
        };
        Color::Rgb(Rgb::new(r, g, b, None))
    }
}

#[derive(Debug)]
pub(crate) struct Stroke {
    pub(crate) from: (f32, f32),
    pub(crate) to: (f32, f32),
    pub(crate) width_pt: f32,
    pub(crate) paint: Paint,
}

/// The receipt's canvas holds the text; the shapes are kept here with their colours.
#[derive(Default)]
pub(crate) struct Sheet {
    pub(crate) canvas: Canvas,
    pub(crate) strokes: Vec<Stroke>,
    pub(crate) fills: Vec<(Frame, Paint)>,
}

impl Sheet {
    pub(crate) fn line(&mut self, from: (f32, f32), to: (f32, f32), width_pt: f32, paint: Paint) {
        self.strokes.push(Stroke {
            from,
            to,
            width_pt,
            paint,
        });
    }

    pub(crate) fn hline(&mut self, y: f32, width_pt: f32, paint: Paint) {
        self.line(
            (MARGIN_MM, y),
            (MARGIN_MM + CONTENT_WIDTH_MM, y),
            width_pt,
            paint,
        );
    }

    pub(crate) fn outline(&mut self, frame: Frame, width_pt: f32) {
        let (left, right, top, bottom) = (frame.x, frame.right(), frame.y, frame.bottom());
        self.line((left, top), (right, top), width_pt, Paint::Rule);
        self.line((right, top), (right, bottom), width_pt, Paint::Rule);
        self.line((right, bottom), (left, bottom), width_pt, Paint::Rule);
        self.line((left, bottom), (left, top), width_pt, Paint::Rule);
    }

    pub(crate) fn fill(&mut self, frame: Frame, paint: Paint) {
        self.fills.push((frame, paint));
    }

    /// A section title with a red marker before it.
    pub(crate) fn section_title(&mut self, font: &ReceiptFont, text: &str, frame: Frame) {
        self.fill(
            Frame {
                x: frame.x,
                y: frame.y + frame.height / 2.0 - 2.0,
                width: 1.2,
                height: 4.0,
            },
            Paint::Seal,
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

/// The filled rectangles, colour by colour.
pub(crate) fn fill_ops(sheet: &Sheet) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut current = None;
    for &(frame, paint) in &sheet.fills {
        if current != Some(paint) {
            current = Some(paint);
            ops.push(Op::SetFillColor { col: paint.color() });
        }
        ops.push(rect_op(frame, PAGE_HEIGHT_MM));
    }
    ops
}

pub(crate) fn stroke_ops(strokes: &[&Stroke]) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut current = None;
    for stroke in strokes {
        if current != Some((stroke.paint, stroke.width_pt)) {
            current = Some((stroke.paint, stroke.width_pt));
            ops.push(Op::SetOutlineColor {
                col: stroke.paint.color(),
            });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(stroke.width_pt),
            });
        }
        ops.push(line_op(stroke.from, stroke.to, PAGE_HEIGHT_MM));
    }
    ops
}

/// Writes the sheets as the pages of one PDF: one font subset for all of them, the
/// receipt's text operators, `shapes` for the rules and fills, fast compression.
pub(crate) fn write_pdf(
    sheets: &[Sheet],
    font: &ReceiptFont,
    title: &str,
    shapes: fn(&Sheet) -> Vec<Op>,
) -> Result<Vec<u8>, String> {
    let mut used: Vec<u16> = sheets
        .iter()
        .flat_map(|sheet| &sheet.canvas.runs)
        .flat_map(|run| run.text.chars().map(|c| font.glyph(c).id))
        .collect();
    used.sort_unstable();
    used.dedup();
    let remapper = GlyphRemapper::new_from_glyphs_sorted(&used);
    let subset = subsetter::subset(&font.bytes, 0, &remapper)
        .map_err(|error| format!("cannot subset the font: {error}"))?;
    let mut font_warnings = Vec::new();
    let mut subset_font = ParsedFont::from_bytes(&subset, 0, &mut font_warnings)
        .ok_or_else(|| format!("cannot read back the font subset: {font_warnings:?}"))?;
    subset_font.font_name = Some(format!("{}+{}", subset_tag(&used), font.postscript_name));

    let mut pdf = PdfDocument::new(title);
    let handle = PdfFontHandle::External(pdf.add_font(&subset_font));
    let pages = sheets
        .iter()
        .map(|sheet| {
            let mut ops = shapes(sheet);
            // The receipt's text operators place y from the top of its own page:
            // shift that origin up to the top of this one.
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetTransformationMatrix {
                matrix: CurTransMat::Translate(
                    Pt(0.0),
                    Mm(PAGE_HEIGHT_MM - RECEIPT_PAGE_HEIGHT_MM).into_pt(),
                ),
            });
            ops.extend(text_ops(&sheet.canvas, font, &remapper, &handle));
            ops.push(Op::RestoreGraphicsState);
            PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops)
        })
        .collect();
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut document = pdf
        .with_pages(pages)
        .to_lopdf_document(&options, &mut warnings);
    let errors: Vec<&str> = warnings
        .iter()
        .filter(|warning| warning.severity == PdfParseErrorSeverity::Error)
        .map(|warning| warning.msg.as_str())
        .collect();
    if !errors.is_empty() {
        return Err(format!("cannot write the PDF: {}", errors.join("; ")));
    }
    deflate_streams(&mut document)?;
    let mut bytes = Vec::with_capacity(64 * 1024);
    document
        .save_to(&mut bytes)
        .map_err(|error| format!("cannot write the PDF: {error}"))?;
    Ok(bytes)
}
