//! Drawing primitives: frames in millimetres measured down from the page top, text
//! fitted into frames, rules, filled rectangles, and how they become printpdf
//! operators. A `Canvas` is what every document draws its text on; a `Sheet` adds
//! the coloured rules and fills of the A4 documents.
//!
//! Not here: the glyph ids and fonts of text operators (`writer`), page sizes and
//! where things go on a page (the document modules).

use super::font::{POINTS_PER_MM, PdfFont};
use super::layout::{Align, BOX_BOTTOM_BELOW_BASELINE_EM, BOX_TOP_ABOVE_BASELINE_EM, Ink};
use super::layout::{Style, fit, line_height_mm, style};
use printpdf::{Color, Line, LinePoint, Mm, Op, PaintMode, Point, Pt, Rect, Rgb};

impl Ink {
    pub(crate) fn rgb(self) -> (f32, f32, f32) {
        match self {
            Ink::Text => (0.08, 0.08, 0.08),
            Ink::Label => (0.33, 0.33, 0.33),
            Ink::Accent => (0.72, 0.08, 0.08),
            Ink::Rule => (0.25, 0.25, 0.25),
        }
    }

    pub(crate) fn color(self) -> Color {
        let (r, g, b) = self.rgb();
        Color::Rgb(Rgb::new(r, g, b, None))
    }
}

/// A rectangle on the page, in mm from the top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Frame {
    pub(crate) x: f32,
    pub(crate) y: f32,
    pub(crate) width: f32,
    pub(crate) height: f32,
}

impl Frame {
    pub(crate) fn inset(self, dx: f32, dy: f32) -> Frame {
        Frame {
            x: self.x + dx,
            y: self.y + dy,
            width: self.width - 2.0 * dx,
            height: self.height - 2.0 * dy,
        }
    }

    pub(crate) fn right(self) -> f32 {
        self.x + self.width
    }

    pub(crate) fn bottom(self) -> f32 {
        self.y + self.height
    }
}

/// A line of text placed on the page.
#[derive(Clone, Debug)]
pub(crate) struct TextRun {
    pub(crate) x: f32,
    pub(crate) baseline: f32,
    pub(crate) size_pt: f32,
    pub(crate) text: String,
    pub(crate) ink: Ink,
    /// Counter-clockwise degrees; a rotated run is drawn outlined (the void mark).
    pub(crate) rotate_degrees: f32,
    /// The frame the text was fitted into; it never leaves it (unless rotated).
    /// Only the tests read it back.
    #[cfg_attr(not(test), expect(dead_code))]
    pub(crate) frame: Frame,
}

/// A straight black-ish rule of the receipt.
struct Rule {
    from: (f32, f32),
    to: (f32, f32),
    width_pt: f32,
}

#[derive(Default)]
pub(crate) struct Canvas {
    pub(crate) runs: Vec<TextRun>,
    rules: Vec<Rule>,
    /// Filled rectangles: the QR code's dark modules.
    pub(crate) blocks: Vec<Frame>,
}

impl Canvas {
    /// Fits `text` into `frame` and places its lines, centred vertically.
    pub(crate) fn text_in(&mut self, font: &PdfFont, text: &str, frame: Frame, style: Style) {
        let text = font.clean(text);
        let fitted = fit(font, &text, (frame.width, frame.height), style);
        let line_height = line_height_mm(fitted.size_pt);
        let size_mm = fitted.size_pt / POINTS_PER_MM;
        let box_middle_mm = (BOX_TOP_ABOVE_BASELINE_EM - BOX_BOTTOM_BELOW_BASELINE_EM) / 2.0;
        let first_middle =
            frame.y + frame.height / 2.0 - (fitted.lines.len() as f32 - 1.0) * line_height / 2.0;
        for (index, line) in fitted.lines.into_iter().enumerate() {
            let width = font.width_mm(&line, fitted.size_pt);
            let x = match style.align {
                Align::Left => frame.x,
                Align::Center => frame.x + (frame.width - width) / 2.0,
                Align::Right => frame.right() - width,
            };
            let middle = first_middle + index as f32 * line_height;
            self.runs.push(TextRun {
                x,
                baseline: middle + box_middle_mm * size_mm,
                size_pt: fitted.size_pt,
                text: line,
                ink: style.ink,
                rotate_degrees: 0.0,
                frame,
            });
        }
    }

    pub(crate) fn rule(&mut self, from: (f32, f32), to: (f32, f32), width_pt: f32) {
        self.rules.push(Rule { from, to, width_pt });
    }

    pub(crate) fn outline(&mut self, frame: Frame, width_pt: f32) {
        let (left, right, top, bottom) = (frame.x, frame.right(), frame.y, frame.bottom());
        self.rule((left, top), (right, top), width_pt);
        self.rule((right, top), (right, bottom), width_pt);
        self.rule((right, bottom), (left, bottom), width_pt);
        self.rule((left, bottom), (left, top), width_pt);
    }

    /// A label and its value side by side in one frame: the label gets at most a third
    /// of the width, the value the rest; `align` places the pair.
    pub(crate) fn labelled(
        &mut self,
        font: &PdfFont,
        frame: Frame,
        pair: (&str, &str),
        ink: Ink,
        align: Align,
    ) {
        const GAP_MM: f32 = 2.0;
        const LABEL_PT: f32 = 9.5;
        const VALUE_PT: f32 = 10.5;
        let (label, value) = (font.clean(pair.0), font.clean(pair.1));
        let label_width = font.width_mm(&label, LABEL_PT).min(frame.width / 3.0);
        let value_room = frame.width - label_width - GAP_MM;
        let value_width = font.width_mm(&value, VALUE_PT).min(value_room);
        let start = match align {
            Align::Left => frame.x,
            Align::Center => frame.x + (value_room - value_width) / 2.0,
            Align::Right => frame.x + value_room - value_width,
        };
        let label_frame = Frame {
            x: start,
            width: label_width,
            ..frame
        };
        let value_frame = Frame {
            x: start + label_width + GAP_MM,
            width: value_width,
            ..frame
        };
        let label_style = style(LABEL_PT, 6.0, 1, Align::Left, Ink::Label);
        self.text_in(font, &label, label_frame, label_style);
        let value_style = style(VALUE_PT, 6.0, 1, Align::Left, ink);
        self.text_in(font, &value, value_frame, value_style);
    }

    /// The rules, then the filled blocks, in the rule and text inks.
    pub(crate) fn shape_ops(&self, page_height_mm: f32) -> Vec<Op> {
        let mut ops = vec![
            Op::SetOutlineColor {
                col: Ink::Rule.color(),
            },
            Op::SetFillColor {
                col: Ink::Text.color(),
            },
        ];
        let mut width_pt = f32::NAN;
        for rule in &self.rules {
            if rule.width_pt != width_pt {
                width_pt = rule.width_pt;
                ops.push(Op::SetOutlineThickness { pt: Pt(width_pt) });
            }
            ops.push(line_op(rule.from, rule.to, page_height_mm));
        }
        let blocks = self.blocks.iter();
        ops.extend(blocks.map(|block| rect_op(*block, page_height_mm)));
        ops
    }
}

/// Colours of the A4 documents' rules and filled shapes; their text takes the inks.
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

/// A page of an A4 document: the text on a canvas, the shapes with their colours.
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

    /// The filled rectangles, colour by colour.
    pub(crate) fn fill_ops(&self, page_height_mm: f32) -> Vec<Op> {
        let mut ops = Vec::new();
        let mut current = None;
        for &(frame, paint) in &self.fills {
            if current != Some(paint) {
                current = Some(paint);
                ops.push(Op::SetFillColor { col: paint.color() });
            }
            ops.push(rect_op(frame, page_height_mm));
        }
        ops
    }
}

/// The strokes in order, setting colour and width only when they change.
pub(crate) fn stroke_ops(strokes: &[&Stroke], page_height_mm: f32) -> Vec<Op> {
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
        ops.push(line_op(stroke.from, stroke.to, page_height_mm));
    }
    ops
}

/// A straight line between two points in millimetres measured down from the top of
/// a page `page_height_mm` high.
fn line_op(from: (f32, f32), to: (f32, f32), page_height_mm: f32) -> Op {
    let point = |(x, y): (f32, f32)| LinePoint {
        p: Point {
            x: Mm(x).into_pt(),
            y: Mm(page_height_mm - y).into_pt(),
        },
        bezier: false,
    };
    Op::DrawLine {
        line: Line {
            points: vec![point(from), point(to)],
            is_closed: false,
        },
    }
}

/// A filled rectangle, in millimetres down from the top of a page `page_height_mm` high.
fn rect_op(frame: Frame, page_height_mm: f32) -> Op {
    Op::DrawRectangle {
        rectangle: Rect {
            x: Mm(frame.x).into_pt(),
            y: Mm(page_height_mm - frame.bottom()).into_pt(),
            width: Mm(frame.width).into_pt(),
            height: Mm(frame.height).into_pt(),
            mode: Some(PaintMode::Fill),
            winding_order: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{extent, font};
    use super::*;

    #[test]
    fn a_chinese_paragraph_in_a_narrow_frame_keeps_punctuation_off_line_starts() {
        let text = "感謝您對愛心基金的支持，以上捐贈均已入賬（含微信、支付寶）。特此證明！";
        let frame = Frame {
            x: 10.0,
            y: 10.0,
            width: 24.0,
            height: 40.0,
        };
        let mut canvas = Canvas::default();
        canvas.text_in(
            font(),
            text,
            frame,
            style(10.0, 10.0, 9, Align::Right, Ink::Text),
        );
        assert!(canvas.runs.len() > 3, "{:?}", canvas.runs);
        let texts: Vec<&str> = canvas.runs.iter().map(|run| run.text.as_str()).collect();
        assert_eq!(texts.concat(), text);
        for run in &canvas.runs {
            assert!(
                !run.text.starts_with(['，', '。', '、', '）', '！']),
                "{texts:?}"
            );
            let (left, top, right, bottom) = extent(run);
            assert!((right - frame.right()).abs() < 0.01, "right-aligned");
            assert!(left >= frame.x && top >= frame.y && bottom <= frame.bottom());
        }
    }
}
