//! Donation receipt (捐贈收據) as a one-page PDF, A5 landscape (210 × 148 mm).
//!
//! A pure renderer: a [`ReceiptDoc`] in, PDF bytes out. It never reads the ledger or
//! the disk; the caller loads the bundled font once into a [`ReceiptFont`] and reuses
//! it for a whole batch. Each PDF embeds only the glyphs it uses (a TrueType subset
//! cut with `subsetter`), so it takes about 1.3 ms.
//!
//! Text from the ledger is untrusted (a donor name may be 500 characters, or
//! `) Tj /JavaScript`): it is cleaned of control and bidi-override characters,
//! measured with the font's advance widths, wrapped, shrunk and at last cut with "…"
//! so that it stays inside its cell. It reaches the PDF only as glyph ids in hex
//! strings, so it cannot inject PDF syntax. Characters the font lacks are drawn as □;
//! call [`ReceiptFont::missing_chars`] first to refuse or warn.
//!
//! Size: about 24 KB for a usual receipt, 54 KB when the donor name is two full
//! lines of distinct characters; only a receipt whose every field is a long run of
//! distinct rare characters goes past 60 KB (about 175 KB), so callers should keep
//! their named length limits on names and purposes.
//!
//! printpdf is used without its `text_layout` feature (which would pull in azul's
//! layout engine): in that build `ParsedFont` exposes `codepoint_to_glyph`,
//! `units_per_em` and `get_glyph_width`, which this file reads, and printpdf never
//! subsets fonts itself, so the subsetting is done here.
//!
//! Why A5 landscape rather than the 241 × 140 mm continuous form: donors get the PDF
//! by e-mail and print it on A4 office printers, where A5 is exactly half a sheet and
//! prints unscaled; 241 × 140 mm only pays off on pin-feed stationery for dot-matrix
//! printers. The page size is two constants below, but the footer is placed from the
//! page bottom: at 140 mm high it runs into the signature lines and must move too.
//!
//! Not here: receipt numbers, verification codes, 大寫 amounts (`ledger::daxie`),
//! money formatting, file names.

use flate2::{Compression, write::ZlibEncoder};
use printpdf::{
    Codepoint, Color, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
    TextRenderingMode,
};
use qrcode::{EcLevel, QrCode};
use std::io::Write;
use subsetter::GlyphRemapper;

/// The words printed on a receipt, in the ledger's language.
pub struct ReceiptLabels {
    pub title: String,
    pub number: String,
    pub date: String,
    pub donor: String,
    pub amount_figures: String,
    pub amount_words: String,
    pub purpose: String,
    pub method: String,
    pub official_no: String,
    pub handler: String,
    pub reviewer: String,
    pub verification: String,
    pub thanks: String,
    pub void_mark: String,
    /// Printed before the reason of a voided receipt, e.g. 作廢原因 / Reason voided.
    pub void_reason: String,
}

/// One receipt, already formatted: the renderer lays out text, it does not format it.
pub struct ReceiptDoc {
    pub fund_name: String,
    pub number: String,
    pub date: String,
    pub donor: String,
    pub amount_figures: String,
    pub amount_words: String,
    pub purpose: String,
    pub method: String,
    /// The official 公益事業捐贈票據 number; its row is left out when `None` or blank.
    pub official_no: Option<String>,
    pub handler: String,
    pub reviewer: String,
    pub verification_code: String,
    /// `Some` for a voided receipt: it then carries a large 作廢 / VOID mark.
    pub void_reason: Option<String>,
    pub labels: ReceiptLabels,
}

/// A TrueType font parsed once and reused for every receipt of a batch.
pub struct ReceiptFont {
    /// The whole font program, subset for each receipt.
    pub(crate) bytes: Vec<u8>,
    /// Glyph id and advance width for each Basic Multilingual Plane code point;
    /// glyph id 0 means the font lacks the character.
    glyphs: Vec<Glyph>,
    units_per_em: f32,
    pub(crate) postscript_name: String,
    /// Drawn for a character the font lacks: □ if the font has it, else .notdef.
    placeholder: char,
}

#[derive(Clone, Copy, Default)]
pub(crate) struct Glyph {
    pub(crate) id: u16,
    advance: u16,
}

const PAGE_WIDTH_MM: f32 = 210.0;
pub(crate) const PAGE_HEIGHT_MM: f32 = 148.0;
const MARGIN_MM: f32 = 12.0;
const CONTENT_WIDTH_MM: f32 = PAGE_WIDTH_MM - 2.0 * MARGIN_MM;
const LABEL_COLUMN_MM: f32 = 42.0;
const CELL_PADDING_X_MM: f32 = 2.5;
const CELL_PADDING_Y_MM: f32 = 1.0;
const TABLE_TOP_MM: f32 = 37.0;
const QR_SIDE_MM: f32 = 24.0;
const QR_QUIET_MODULES: usize = 2;
const QR_BOTTOM_MARGIN_MM: f32 = 11.0;
/// Baselines are this many em apart.
const LINE_SPACING_EM: f32 = 1.25;
/// The ideographic em box spans 0.88 em above the baseline to 0.12 em below it.
pub(crate) const BOX_TOP_ABOVE_BASELINE_EM: f32 = 0.88;
pub(crate) const BOX_BOTTOM_BELOW_BASELINE_EM: f32 = 0.12;
const SIZE_STEP_PT: f32 = 0.5;
/// Untrusted text is cut to this many characters before layout; no cell holds more.
const TEXT_CHARS_MAX: usize = 400;
/// Flate level for the PDF streams. Measured on a typical receipt with miniz_oxide:
/// level 1 takes 1.3 ms and gives 24.1 KB; level 6 takes 2.2 ms for 22.3 KB; level 9
/// (printpdf's own `optimize`, via lopdf) 2.3 ms for 22.3 KB.
const DEFLATE_LEVEL: u32 = 1;
const POINTS_PER_MM: f32 = 72.0 / 25.4;
const PLACEHOLDER: char = '□';
const ELLIPSIS: char = '…';

impl ReceiptFont {
    /// Parses a single-face TrueType font, such as the bundled
    /// `receipts/NotoSansCJKsc-Regular-subset.ttf`.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, String> {
        if bytes.get(..4) != Some(&[0, 1, 0, 0]) {
            return Err("the receipt font must be a single TrueType face (.ttf)".into());
        }
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .ok_or_else(|| format!("cannot parse the receipt font: {warnings:?}"))?;
        let mut glyphs = vec![Glyph::default(); 0x1_0000];
        for (&code_point, &id) in &parsed.codepoint_to_glyph {
            if let Some(slot) = glyphs.get_mut(code_point as usize) {
                let advance = parsed.get_glyph_width(id).unwrap_or(0);
                *slot = Glyph { id, advance };
            }
        }
        if glyphs.iter().all(|glyph| glyph.id == 0) {
            return Err("the receipt font has no Unicode cmap".into());
        }
        let mut font = Self {
            postscript_name: postscript_name(&bytes).unwrap_or_else(|| "ReceiptFont".into()),
            bytes,
            glyphs,
            units_per_em: f32::from(parsed.units_per_em.max(1)),
            placeholder: '\u{0}',
        };
        if font.has(PLACEHOLDER) {
            font.placeholder = PLACEHOLDER;
        }
        Ok(font)
    }

    /// The characters of `text` the font cannot draw, each once, in order of first
    /// appearance. Control and invisible formatting characters are not counted: the
    /// renderer drops or replaces them anyway.
    pub fn missing_chars(&self, text: &str) -> Vec<char> {
        let mut missing = Vec::new();
        for c in text.chars() {
            if !is_dropped(c) && !c.is_control() && !self.has(c) && !missing.contains(&c) {
                missing.push(c);
            }
        }
        missing
    }

    pub(crate) fn glyph(&self, c: char) -> Glyph {
        self.glyphs.get(c as usize).copied().unwrap_or_default()
    }

    fn has(&self, c: char) -> bool {
        self.glyph(c).id != 0
    }

    /// Advance width of `text` in font units.
    fn units(&self, text: &str) -> f32 {
        text.chars().map(|c| f32::from(self.glyph(c).advance)).sum()
    }

    fn units_to_mm(&self, units: f32, size_pt: f32) -> f32 {
        units / self.units_per_em * size_pt / POINTS_PER_MM
    }

    fn mm_to_units(&self, mm: f32, size_pt: f32) -> f32 {
        mm * POINTS_PER_MM / size_pt * self.units_per_em
    }

    pub(crate) fn width_mm(&self, text: &str, size_pt: f32) -> f32 {
        self.units_to_mm(self.units(text), size_pt)
    }

    /// `text` as the renderer draws it: controls become spaces, invisible formatting
    /// characters go, runs of whitespace become one space, unknown characters □.
    pub(crate) fn clean(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len().min(TEXT_CHARS_MAX * 4));
        let mut pending_space = false;
        for c in text
            .chars()
            .filter(|c| !is_dropped(*c))
            .take(TEXT_CHARS_MAX)
        {
            if c.is_whitespace() || c.is_control() {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(if self.has(c) { c } else { self.placeholder });
        }
        out
    }
}

/// Zero-width and bidi formatting characters: invisible, and a bidi override would
/// make the copied text read differently from the printed one.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// The PostScript name (name id 6 of a Windows record) of a TrueType font.
fn postscript_name(font: &[u8]) -> Option<String> {
    let read_u16 = |at: usize| Some(u16::from_be_bytes(font.get(at..at + 2)?.try_into().ok()?));
    let read_u32 = |at: usize| Some(u32::from_be_bytes(font.get(at..at + 4)?.try_into().ok()?));
    let table_count = usize::from(read_u16(4)?);
    let name_table = (0..table_count)
        .map(|index| 12 + 16 * index)
        .find(|&record| font.get(record..record + 4) == Some(b"name"))
        .and_then(|record| read_u32(record + 8))? as usize;
    let record_count = usize::from(read_u16(name_table + 2)?);
    let strings = name_table + usize::from(read_u16(name_table + 4)?);
    (0..record_count).find_map(|index| {
        let record = name_table + 6 + 12 * index;
        let platform_id = read_u16(record)?;
        let name_id = read_u16(record + 6)?;
        if platform_id != 3 || name_id != 6 {
            return None;
        }
        let length = usize::from(read_u16(record + 8)?);
        let start = strings + usize::from(read_u16(record + 10)?);
        let utf16: Vec<u16> = font
            .get(start..start + length)?
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16(&utf16)
            .ok()
            .filter(|name| is_pdf_name_safe(name))
    })
}

fn is_pdf_name_safe(name: &str) -> bool {
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    !name.is_empty() && name.len() <= 63 && name.bytes().all(allowed)
}

/// Renders one receipt. The PDF is self-contained: its font subset is embedded.
pub fn render_receipt(doc: &ReceiptDoc, font: &ReceiptFont) -> Result<Vec<u8>, String> {
    let canvas = lay_out(doc, font)?;
    let title = font.clean(&format!("{} {}", doc.labels.title, doc.number));
    write_pdf(&canvas, font, &title)
}

// ---------------------------------------------------------------------------------
// Layout: everything is placed in millimetres, y measured down from the page top.

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Ink {
    Text,
    Label,
    Accent,
    Rule,
}

impl Ink {
    fn color(self) -> Color {
        let (r, g, b) = match self {
            Ink::Text => (0.08, 0.08, 0.08),
            Ink::Label => (0.33, 0.33, 0.33),
            Ink::Accent => (0.72, 0.08, 0.08),
            Ink::Rule => (0.25, 0.25, 0.25),
        };
        Color::Rgb(Rgb::new(r, g, b, None))
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
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

/// How a piece of text may be fitted into a frame.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    size_pt: f32,
    size_min_pt: f32,
    lines_max: usize,
    align: Align,
    ink: Ink,
}

pub(crate) fn style(
    size_pt: f32,
    size_min_pt: f32,
    lines_max: usize,
    align: Align,
    ink: Ink,
) -> Style {
    Style {
        size_pt,
        size_min_pt,
        lines_max,
        align,
        ink,
    }
}

/// A line of text placed on the page.
#[derive(Clone, Debug)]
pub(crate) struct TextRun {
    pub(crate) x: f32,
    pub(crate) baseline: f32,
    pub(crate) size_pt: f32,
    pub(crate) text: String,
    ink: Ink,
    /// Counter-clockwise degrees; a rotated run is drawn outlined (the void mark).
    rotate_degrees: f32,
    /// The frame the text was fitted into; it never leaves it (unless rotated).
    /// Only the tests read it back.
    #[cfg_attr(not(test), expect(dead_code))]
    pub(crate) frame: Frame,
}

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
    blocks: Vec<Frame>,
}

/// Text that fits: the size chosen and the lines to draw.
#[derive(Debug, PartialEq)]
struct Fitted {
    size_pt: f32,
    lines: Vec<String>,
}

fn line_height_mm(size_pt: f32) -> f32 {
    size_pt * LINE_SPACING_EM / POINTS_PER_MM
}

fn lines_in_height(height_mm: f32, size_pt: f32) -> usize {
    let em_box_mm =
        (BOX_TOP_ABOVE_BASELINE_EM + BOX_BOTTOM_BELOW_BASELINE_EM) * size_pt / POINTS_PER_MM;
    if height_mm < em_box_mm {
        return 0;
    }
    1 + ((height_mm - em_box_mm) / line_height_mm(size_pt)) as usize
}

/// The largest size from `style.size_pt` down to `style.size_min_pt` at which `text`
/// wraps into lines that fit `frame` (at most `style.lines_max`); at the smallest size
/// the last line that fits is cut with "…".
fn fit(font: &ReceiptFont, text: &str, frame: Frame, style: Style) -> Fitted {
    let mut size_pt = style.size_pt;
    loop {
        let lines_allowed = style.lines_max.min(lines_in_height(frame.height, size_pt));
        let width_units = font.mm_to_units(frame.width, size_pt);
        let lines = wrap(font, text, width_units);
        if lines.len() <= lines_allowed.max(1) {
            return Fitted { size_pt, lines };
        }
        if size_pt - SIZE_STEP_PT < style.size_min_pt {
            let mut lines = lines;
            lines.truncate(lines_allowed.max(1));
            let last = lines.pop().unwrap_or_default();
            lines.push(with_ellipsis(font, &last, width_units));
            return Fitted { size_pt, lines };
        }
        size_pt -= SIZE_STEP_PT;
    }
}

/// Cuts `line` so that it and a trailing "…" fit `width_units`.
fn with_ellipsis(font: &ReceiptFont, line: &str, width_units: f32) -> String {
    let ellipsis_units = f32::from(font.glyph(ELLIPSIS).advance);
    let mut line = line.to_string();
    let mut units = font.units(&line);
    while units + ellipsis_units > width_units {
        let Some(c) = line.pop() else { break };
        units -= f32::from(font.glyph(c).advance);
    }
    let mut line = line.trim_end().to_string();
    line.push(ELLIPSIS);
    line
}

/// Chinese text may break between any two characters.
fn is_breakable_anywhere(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Splits `text` into words (runs of other characters), single Chinese characters and
/// single spaces: the units that lines are made of.
fn tokens(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut word_start = None;
    for (index, c) in text.char_indices() {
        if c == ' ' || is_breakable_anywhere(c) {
            if let Some(start) = word_start.take() {
                tokens.push(&text[start..index]);
            }
            tokens.push(&text[index..index + c.len_utf8()]);
        } else if word_start.is_none() {
            word_start = Some(index);
        }
    }
    if let Some(start) = word_start {
        tokens.push(&text[start..]);
    }
    tokens
}

/// Greedy line breaking at token boundaries; a word wider than a whole line is
/// broken between characters. Spaces at line ends are dropped.
fn wrap(font: &ReceiptFont, text: &str, width_units: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_units = 0.0;
    for token in tokens(text) {
        let token_units = font.units(token);
        if token == " " && line.is_empty() {
            continue;
        }
        if line_units + token_units <= width_units {
            line.push_str(token);
            line_units += token_units;
            continue;
        }
        if !line.is_empty() {
            lines.push(line.trim_end().to_string());
            (line, line_units) = (String::new(), 0.0);
        }
        if token == " " {
            continue;
        }
        for c in token.chars() {
            let c_units = f32::from(font.glyph(c).advance);
            if line_units + c_units > width_units && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_units = 0.0;
            }
            line.push(c);
            line_units += c_units;
        }
    }
    if !line.trim_end().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

impl Canvas {
    /// Fits `text` into `frame` and places its lines, centred vertically.
    pub(crate) fn text_in(&mut self, font: &ReceiptFont, text: &str, frame: Frame, style: Style) {
        let text = font.clean(text);
        let fitted = fit(font, &text, frame, style);
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

    fn rule(&mut self, from: (f32, f32), to: (f32, f32), width_pt: f32) {
        self.rules.push(Rule { from, to, width_pt });
    }

    fn outline(&mut self, frame: Frame, width_pt: f32) {
        let (left, right, top, bottom) = (frame.x, frame.right(), frame.y, frame.bottom());
        self.rule((left, top), (right, top), width_pt);
        self.rule((right, top), (right, bottom), width_pt);
        self.rule((right, bottom), (left, bottom), width_pt);
        self.rule((left, bottom), (left, top), width_pt);
    }

    /// A label and its value side by side in one frame: the label gets at most a third
    /// of the width, the value the rest; `align` places the pair.
    fn labelled(
        &mut self,
        font: &ReceiptFont,
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
        self.text_in(
            font,
            &label,
            label_frame,
            style(LABEL_PT, 6.0, 1, Align::Left, Ink::Label),
        );
        self.text_in(
            font,
            &value,
            value_frame,
            style(VALUE_PT, 6.0, 1, Align::Left, ink),
        );
    }
}

fn lay_out(doc: &ReceiptDoc, font: &ReceiptFont) -> Result<Canvas, String> {
    let mut canvas = Canvas::default();
    lay_out_header(&mut canvas, doc, font);
    let table = lay_out_table(&mut canvas, doc, font);
    lay_out_signatures(&mut canvas, doc, font, table.bottom() + 3.0);
    lay_out_footer(&mut canvas, doc, font)?;
    if doc.void_reason.is_some() {
        lay_out_void_mark(&mut canvas, doc, font, table);
    }
    Ok(canvas)
}

fn lay_out_header(canvas: &mut Canvas, doc: &ReceiptDoc, font: &ReceiptFont) {
    let full_width = |y, height| Frame {
        x: MARGIN_MM,
        y,
        width: CONTENT_WIDTH_MM,
        height,
    };
    let centred = |size, size_min| style(size, size_min, 1, Align::Center, Ink::Text);
    canvas.text_in(
        font,
        &doc.fund_name,
        full_width(8.0, 8.0),
        centred(13.0, 8.0),
    );
    canvas.text_in(
        font,
        &doc.labels.title,
        full_width(16.0, 11.0),
        centred(20.0, 12.0),
    );
    let (number_frame, date_frame) = halves(29.0, 6.5);
    let labels = &doc.labels;
    let number = (labels.number.as_str(), doc.number.as_str());
    canvas.labelled(font, number_frame, number, Ink::Accent, Align::Left);
    let date = (labels.date.as_str(), doc.date.as_str());
    canvas.labelled(font, date_frame, date, Ink::Text, Align::Right);
}

/// The left and right halves of the content width, 10 mm apart.
fn halves(y: f32, height: f32) -> (Frame, Frame) {
    let width = (CONTENT_WIDTH_MM - 10.0) / 2.0;
    let left = Frame {
        x: MARGIN_MM,
        y,
        width,
        height,
    };
    let right = Frame {
        x: MARGIN_MM + width + 10.0,
        ..left
    };
    (left, right)
}

/// One row of the table: label, value, row height and how the value is fitted.
type Row<'a> = (&'a str, &'a str, f32, Style);

fn table_rows(doc: &ReceiptDoc) -> Vec<Row<'_>> {
    let labels = &doc.labels;
    let left = |size, lines_max| style(size, 7.0, lines_max, Align::Left, Ink::Text);
    let figures = style(13.0, 8.0, 1, Align::Right, Ink::Text);
    let mut rows: Vec<Row<'_>> = vec![
        (&labels.donor, &doc.donor, 13.0, left(11.5, 2)),
        (&labels.amount_figures, &doc.amount_figures, 10.0, figures),
        (&labels.amount_words, &doc.amount_words, 11.0, left(11.5, 2)),
        (&labels.purpose, &doc.purpose, 9.0, left(10.5, 2)),
        (&labels.method, &doc.method, 9.0, left(10.5, 2)),
    ];
    if let Some(official_no) = doc
        .official_no
        .as_deref()
        .filter(|no| !no.trim().is_empty())
    {
        rows.push((&labels.official_no, official_no, 9.0, left(10.5, 1)));
    }
    rows
}

/// Draws the bordered table of donor, amounts, purpose, method and official number;
/// returns its frame.
fn lay_out_table(canvas: &mut Canvas, doc: &ReceiptDoc, font: &ReceiptFont) -> Frame {
    let label_style = style(9.5, 6.5, 2, Align::Left, Ink::Label);
    let mut y = TABLE_TOP_MM;
    for (label, value, height, value_style) in table_rows(doc) {
        let label_frame = Frame {
            x: MARGIN_MM,
            y,
            width: LABEL_COLUMN_MM,
            height,
        };
        let value_frame = Frame {
            x: MARGIN_MM + LABEL_COLUMN_MM,
            width: CONTENT_WIDTH_MM - LABEL_COLUMN_MM,
            ..label_frame
        };
        let padded = |frame: Frame| frame.inset(CELL_PADDING_X_MM, CELL_PADDING_Y_MM);
        canvas.text_in(font, label, padded(label_frame), label_style);
        canvas.text_in(font, value, padded(value_frame), value_style);
        canvas.outline(label_frame, 0.5);
        canvas.outline(value_frame, 0.5);
        y += height;
    }
    let table = Frame {
        x: MARGIN_MM,
        y: TABLE_TOP_MM,
        width: CONTENT_WIDTH_MM,
        height: y - TABLE_TOP_MM,
    };
    canvas.outline(table, 1.2);
    table
}

/// Handler and reviewer: label, printed name, and a line to sign or stamp on.
fn lay_out_signatures(canvas: &mut Canvas, doc: &ReceiptDoc, font: &ReceiptFont, top: f32) {
    let (handler_frame, reviewer_frame) = halves(top, 7.0);
    let labels = &doc.labels;
    for (frame, label, name) in [
        (handler_frame, &labels.handler, &doc.handler),
        (reviewer_frame, &labels.reviewer, &doc.reviewer),
    ] {
        let label = font.clean(label);
        let label_width = font.width_mm(&label, 9.5).min(frame.width / 3.0);
        let label_frame = Frame {
            width: label_width,
            ..frame
        };
        let line_start = frame.x + label_width + 2.0;
        let name_frame = Frame {
            x: line_start + 2.0,
            width: frame.right() - line_start - 4.0,
            ..frame
        };
        let label_style = style(9.5, 6.0, 1, Align::Left, Ink::Label);
        canvas.text_in(font, &label, label_frame, label_style);
        canvas.text_in(
            font,
            name,
            name_frame,
            style(10.5, 7.0, 1, Align::Left, Ink::Text),
        );
        let underline_y = frame.bottom() + 0.3;
        canvas.rule((line_start, underline_y), (frame.right(), underline_y), 0.5);
    }
}

/// Verification code (text and QR), the void reason if any, and the thank-you line.
fn lay_out_footer(canvas: &mut Canvas, doc: &ReceiptDoc, font: &ReceiptFont) -> Result<(), String> {
    let qr_frame = Frame {
        x: PAGE_WIDTH_MM - MARGIN_MM - QR_SIDE_MM,
        y: PAGE_HEIGHT_MM - QR_BOTTOM_MARGIN_MM - QR_SIDE_MM,
        width: QR_SIDE_MM,
        height: QR_SIDE_MM,
    };
    lay_out_qr(canvas, &doc.verification_code, qr_frame)?;
    let row = |y, height| Frame {
        x: MARGIN_MM,
        y: qr_frame.y + y,
        width: qr_frame.x - MARGIN_MM - 4.0,
        height,
    };
    let labels = &doc.labels;
    let code = (labels.verification.as_str(), doc.verification_code.as_str());
    canvas.labelled(font, row(1.0, 6.5), code, Ink::Text, Align::Left);
    if let Some(reason) = &doc.void_reason {
        let reason = (labels.void_reason.as_str(), reason.as_str());
        canvas.labelled(font, row(8.0, 6.5), reason, Ink::Accent, Align::Left);
    }
    let thanks_style = style(11.0, 7.0, 2, Align::Left, Ink::Text);
    canvas.text_in(font, &labels.thanks, row(15.0, 9.0), thanks_style);
    Ok(())
}

/// Draws the code as filled squares, one rectangle per horizontal run of dark modules.
fn lay_out_qr(canvas: &mut Canvas, code: &str, frame: Frame) -> Result<(), String> {
    let qr = QrCode::with_error_correction_level(code.as_bytes(), EcLevel::M)
        .map_err(|error| format!("cannot encode the verification code as a QR code: {error}"))?;
    let modules = qr.width();
    let module_mm = frame.width / (modules + 2 * QR_QUIET_MODULES) as f32;
    let left = frame.x + QR_QUIET_MODULES as f32 * module_mm;
    let top = frame.y + QR_QUIET_MODULES as f32 * module_mm;
    for (row, colors) in qr.to_colors().chunks(modules).enumerate() {
        let mut column = 0;
        while column < modules {
            let start = column;
            while column < modules && colors[column] == qrcode::Color::Dark {
                column += 1;
            }
            if column == start {
                column += 1;
                continue;
            }
            // A hair of overlap between rows, so that viewers show no seams.
            canvas.blocks.push(Frame {
                x: left + start as f32 * module_mm,
                y: top + row as f32 * module_mm,
                width: (column - start) as f32 * module_mm,
                height: module_mm + 0.02,
            });
        }
    }
    Ok(())
}

/// A large outlined 作廢 / VOID slanted across the table; the reason is in the footer.
fn lay_out_void_mark(canvas: &mut Canvas, doc: &ReceiptDoc, font: &ReceiptFont, table: Frame) {
    const ROTATE_DEGREES: f32 = 12.0;
    let text = font.clean(&doc.labels.void_mark);
    let frame = table.inset(20.0, 0.0);
    let fitted = fit(
        font,
        &text,
        frame,
        style(44.0, 16.0, 1, Align::Center, Ink::Accent),
    );
    let Some(line) = fitted.lines.into_iter().next() else {
        return;
    };
    let width = font.width_mm(&line, fitted.size_pt);
    // Start half a width back along the slant, and half the em box below it, so the
    // text's centre lands on the table's centre.
    let half = width / 2.0;
    let box_middle = (BOX_TOP_ABOVE_BASELINE_EM - BOX_BOTTOM_BELOW_BASELINE_EM) / 2.0;
    let drop = box_middle * fitted.size_pt / POINTS_PER_MM;
    let (sin, cos) = ROTATE_DEGREES.to_radians().sin_cos();
    let centre = (frame.x + frame.width / 2.0, frame.y + frame.height / 2.0);
    canvas.runs.push(TextRun {
        x: centre.0 - half * cos + drop * sin,
        baseline: centre.1 + half * sin + drop * cos,
        size_pt: fitted.size_pt,
        text: line,
        ink: Ink::Accent,
        rotate_degrees: ROTATE_DEGREES,
        frame,
    });
}

// ---------------------------------------------------------------------------------
// PDF: subset the font to the glyphs placed, then turn the canvas into operators.

fn pt_x(x_mm: f32) -> Pt {
    Mm(x_mm).into_pt()
}

fn pt_y(y_mm_from_top: f32) -> Pt {
    Mm(PAGE_HEIGHT_MM - y_mm_from_top).into_pt()
}

/// A straight line between two points in millimetres measured down from the top of
/// a page `page_height_mm` high.
pub(crate) fn line_op(from: (f32, f32), to: (f32, f32), page_height_mm: f32) -> Op {
    let point = |(x, y): (f32, f32)| LinePoint {
        p: Point {
            x: pt_x(x),
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
pub(crate) fn rect_op(frame: Frame, page_height_mm: f32) -> Op {
    Op::DrawRectangle {
        rectangle: Rect {
            x: pt_x(frame.x),
            y: Mm(page_height_mm - frame.bottom()).into_pt(),
            width: Mm(frame.width).into_pt(),
            height: Mm(frame.height).into_pt(),
            mode: Some(PaintMode::Fill),
            winding_order: None,
        },
    }
}

fn write_pdf(canvas: &Canvas, font: &ReceiptFont, title: &str) -> Result<Vec<u8>, String> {
    let used: Vec<u16> = canvas
        .runs
        .iter()
        .flat_map(|run| run.text.chars().map(|c| font.glyph(c).id))
        .collect();
    let remapper = GlyphRemapper::new_from_glyphs_sorted(&used);
    let subset = subsetter::subset(&font.bytes, 0, &remapper)
        .map_err(|error| format!("cannot subset the receipt font: {error}"))?;
    let mut font_warnings = Vec::new();
    let mut subset_font = ParsedFont::from_bytes(&subset, 0, &mut font_warnings)
        .ok_or_else(|| format!("cannot read back the font subset: {font_warnings:?}"))?;
    subset_font.font_name = Some(format!("{}+{}", subset_tag(&used), font.postscript_name));

    let mut pdf = PdfDocument::new(title);
    let handle = PdfFontHandle::External(pdf.add_font(&subset_font));
    let mut ops = shape_ops(canvas);
    ops.extend(text_ops(canvas, font, &remapper, &handle));
    let page = PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops);
    // Streams are deflated below rather than by printpdf's `optimize`: see DEFLATE_LEVEL.
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut document = pdf
        .with_pages(vec![page])
        .to_lopdf_document(&options, &mut warnings);
    let errors: Vec<&str> = warnings
        .iter()
        .filter(|warning| warning.severity == PdfParseErrorSeverity::Error)
        .map(|warning| warning.msg.as_str())
        .collect();
    if !errors.is_empty() {
        return Err(format!(
            "cannot write the receipt PDF: {}",
            errors.join("; ")
        ));
    }
    deflate_streams(&mut document)?;
    let mut bytes = Vec::with_capacity(32 * 1024);
    document
        .save_to(&mut bytes)
        .map_err(|error| format!("cannot write the receipt PDF: {error}"))?;
    Ok(bytes)
}

/// The six capital letters that mark a font subset (ISO 32000-1, 9.6.4), derived from
/// the glyphs it holds so that equal subsets get equal names.
pub(crate) fn subset_tag(glyphs: &[u16]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for glyph in glyphs {
        hash = (hash ^ u64::from(*glyph)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|index| char::from(b'A' + ((hash >> (index * 8)) % 26) as u8))
        .collect()
}

pub(crate) fn deflate_streams(document: &mut lopdf::Document) -> Result<(), String> {
    for object in document.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
            continue;
        }
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::new(DEFLATE_LEVEL));
        let compressed = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
            .map_err(|error| format!("cannot compress the receipt PDF: {error}"))?;
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
    Ok(())
}

fn shape_ops(canvas: &Canvas) -> Vec<Op> {
    let mut ops = vec![
        Op::SetOutlineColor {
            col: Ink::Rule.color(),
        },
        Op::SetFillColor {
            col: Ink::Text.color(),
        },
    ];
    let mut width_pt = f32::NAN;
    for rule in &canvas.rules {
        if rule.width_pt != width_pt {
            width_pt = rule.width_pt;
            ops.push(Op::SetOutlineThickness { pt: Pt(width_pt) });
        }
        ops.push(line_op(rule.from, rule.to, PAGE_HEIGHT_MM));
    }
    ops.extend(
        canvas
            .blocks
            .iter()
            .map(|block| rect_op(*block, PAGE_HEIGHT_MM)),
    );
    ops
}

/// One text section; each run is placed with an absolute text matrix and shown as
/// glyph ids of the subset font, each carrying its character for /ToUnicode.
pub(crate) fn text_ops(
    canvas: &Canvas,
    font: &ReceiptFont,
    remapper: &GlyphRemapper,
    handle: &PdfFontHandle,
) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    let mut current = None;
    for run in &canvas.runs {
        if current != Some((run.size_pt, run.ink)) {
            current = Some((run.size_pt, run.ink));
            ops.push(Op::SetFont {
                font: handle.clone(),
                size: Pt(run.size_pt),
            });
            ops.push(Op::SetFillColor {
                col: run.ink.color(),
            });
        }
        let glyphs = run
            .text
            .chars()
            .map(|c| Codepoint {
                gid: remapper.get(font.glyph(c).id).unwrap_or(0),
                offset: 0.0,
                cid: Some(c.to_string()),
            })
            .collect();
        let (x, y) = (pt_x(run.x), pt_y(run.baseline));
        if run.rotate_degrees == 0.0 {
            ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(x, y),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            });
        } else {
            ops.extend(outlined_rotated(x, y, run, glyphs));
        }
    }
    ops.push(Op::EndTextSection);
    ops
}

fn outlined_rotated(x: Pt, y: Pt, run: &TextRun, glyphs: Vec<Codepoint>) -> Vec<Op> {
    vec![
        Op::SetTextMatrix {
            matrix: TextMatrix::TranslateRotate(x, y, run.rotate_degrees),
        },
        Op::SetOutlineColor {
            col: run.ink.color(),
        },
        Op::SetOutlineThickness { pt: Pt(1.2) },
        Op::SetTextRenderingMode {
            mode: TextRenderingMode::Stroke,
        },
        Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
        },
        Op::SetTextRenderingMode {
            mode: TextRenderingMode::Fill,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn font() -> &'static ReceiptFont {
        static FONT: OnceLock<ReceiptFont> = OnceLock::new();
        FONT.get_or_init(|| {
            let bytes = include_bytes!("../../receipts/NotoSansCJKsc-Regular-subset.ttf");
            ReceiptFont::from_bytes(bytes.to_vec()).expect("bundled font parses")
        })
    }

    fn labels() -> ReceiptLabels {
        let text = |s: &str| s.to_string();
        ReceiptLabels {
            title: text("捐贈收據"),
            number: text("編號"),
            date: text("日期"),
            donor: text("捐贈人"),
            amount_figures: text("金額（小寫）"),
            amount_words: text("金額（大寫）"),
            purpose: text("捐贈用途"),
            method: text("付款方式"),
            official_no: text("公益事業捐贈票據號"),
            handler: text("經辦人"),
            reviewer: text("審核人"),
            verification: text("驗證碼"),
            thanks: text("衷心感謝您的愛心捐贈！"),
            void_mark: text("作廢 / VOID"),
            void_reason: text("作廢原因"),
        }
    }

    fn receipt(donor: &str) -> ReceiptDoc {
        let text = |s: &str| s.to_string();
        ReceiptDoc {
            fund_name: text("某市政協愛心基金"),
            number: text("2022-000123"),
            date: text("2022-03-15"),
            donor: text(donor),
            amount_figures: text("¥5,000.00"),
            amount_words: text("人民幣伍仟元整"),
            purpose: text("助學"),
            method: text("銀行轉賬"),
            official_no: None,
            handler: text("王芳"),
            reviewer: text("李建國"),
            verification_code: text("7F3A-92C1-0B4D"),
            void_reason: None,
            labels: labels(),
        }
    }

    fn hostile_donor() -> String {
        let mut donor = String::from(") Tj /JavaScript (x) \\ ../../x \u{202E}\u{0}\n");
        while donor.chars().count() < 500 {
            donor.push_str("很長的名字LongName ");
        }
        donor
    }

    /// The em box of an upright run, as (left, top, right, bottom) in mm.
    fn extent(run: &TextRun) -> (f32, f32, f32, f32) {
        let width = font().width_mm(&run.text, run.size_pt);
        let size_mm = run.size_pt / POINTS_PER_MM;
        let top = run.baseline - BOX_TOP_ABOVE_BASELINE_EM * size_mm;
        let bottom = run.baseline + BOX_BOTTOM_BELOW_BASELINE_EM * size_mm;
        (run.x, top, run.x + width, bottom)
    }

    fn assert_tidy(canvas: &Canvas) {
        const SLACK_MM: f32 = 0.01;
        let upright: Vec<&TextRun> = canvas
            .runs
            .iter()
            .filter(|run| run.rotate_degrees == 0.0)
            .collect();
        for run in &upright {
            let (left, top, right, bottom) = extent(run);
            let frame = run.frame;
            let inside = left >= frame.x - SLACK_MM
                && right <= frame.right() + SLACK_MM
                && top >= frame.y - SLACK_MM
                && bottom <= frame.bottom() + SLACK_MM;
            assert!(inside, "{:?} leaves its frame {frame:?}", run.text);
            assert!(left >= MARGIN_MM - SLACK_MM && right <= PAGE_WIDTH_MM - MARGIN_MM + SLACK_MM);
        }
        for (index, a) in upright.iter().enumerate() {
            for b in &upright[index + 1..] {
                let (a_left, a_top, a_right, a_bottom) = extent(a);
                let (b_left, b_top, b_right, b_bottom) = extent(b);
                let apart = a_right <= b_left + SLACK_MM
                    || b_right <= a_left + SLACK_MM
                    || a_bottom <= b_top + SLACK_MM
                    || b_bottom <= a_top + SLACK_MM;
                assert!(apart, "{:?} overlaps {:?}", a.text, b.text);
            }
        }
    }

    #[test]
    fn ordinary_receipt_is_tidy() {
        let mut doc = receipt("張偉明");
        doc.official_no = Some("浙財0123456789".into());
        assert_tidy(&lay_out(&doc, font()).unwrap());
    }

    #[test]
    fn hostile_void_receipt_is_tidy() {
        let mut doc = receipt(&hostile_donor());
        doc.purpose = "用途".repeat(300);
        doc.amount_words =
            "人民幣玖萬億玖仟玖佰玖拾玖億玖仟玖佰玖拾玖萬玖仟玖佰玖拾玖元玖角玖分".into();
        doc.void_reason = Some("reason ".repeat(100));
        doc.labels.thanks = "Thank you ".repeat(40);
        let canvas = lay_out(&doc, font()).unwrap();
        assert_tidy(&canvas);
        let donor_runs: Vec<&TextRun> = canvas
            .runs
            .iter()
            .filter(|run| run.text.contains("Tj"))
            .collect();
        assert_eq!(
            donor_runs.len(),
            1,
            "the donor wraps into two lines, the first has Tj"
        );
        assert!(canvas.runs.iter().any(|run| run.text.ends_with(ELLIPSIS)));
    }

    #[test]
    fn amount_in_figures_is_right_aligned() {
        let canvas = lay_out(&receipt("張偉明"), font()).unwrap();
        let amount = canvas
            .runs
            .iter()
            .find(|run| run.text == "¥5,000.00")
            .unwrap();
        let (_, _, right, _) = extent(amount);
        assert!((right - amount.frame.right()).abs() < 0.01);
    }

    #[test]
    fn official_number_row_only_when_present() {
        let has_label = |canvas: &Canvas| {
            canvas
                .runs
                .iter()
                .any(|run| run.text == "公益事業捐贈票據號")
        };
        let mut doc = receipt("張偉明");
        assert!(!has_label(&lay_out(&doc, font()).unwrap()));
        doc.official_no = Some("  ".into());
        assert!(!has_label(&lay_out(&doc, font()).unwrap()));
        doc.official_no = Some("浙財0123456789".into());
        assert!(has_label(&lay_out(&doc, font()).unwrap()));
    }

    #[test]
    fn hostile_receipt_pdf_is_small_and_carries_no_raw_text() {
        let mut doc = receipt(&hostile_donor());
        doc.void_reason = Some("金額錄入錯誤".into());
        let pdf = render_receipt(&doc, font()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() < 60_000, "{} bytes", pdf.len());
        let needle = b"JavaScript";
        assert!(!pdf.windows(needle.len()).any(|window| window == needle));
    }

    #[test]
    fn clean_drops_controls_and_bidi_overrides() {
        assert_eq!(font().clean(" 張\u{202E}三\n\t\u{0}李 \u{200B}"), "張三 李");
        assert_eq!(font().clean("a\u{1F600}b"), "a□b");
    }

    #[test]
    fn missing_chars_are_listed_once() {
        assert_eq!(font().missing_chars("張😀三😀\n"), vec!['😀']);
        assert!(font().missing_chars("人民幣人民币￥¥“”…·").is_empty());
    }

    #[test]
    fn wrap_breaks_chinese_anywhere_and_words_at_spaces() {
        let font = font();
        let width = font.units("愛心基金");
        assert_eq!(
            wrap(font, "愛心基金捐贈收據", width),
            ["愛心基金", "捐贈收據"]
        );
        let width = font.units("Thank you");
        assert_eq!(
            wrap(font, "Thank you for it", width),
            ["Thank you", "for it"]
        );
        let width = font.units("abcd");
        assert_eq!(wrap(font, "abcdefgh", width), ["abcd", "efgh"]);
    }

    #[test]
    fn fit_shrinks_then_cuts() {
        let font = font();
        let frame = Frame {
            x: 0.0,
            y: 0.0,
            width: 30.0,
            height: 6.0,
        };
        let fitted = fit(
            font,
            "捐贈收據",
            frame,
            style(12.0, 6.0, 1, Align::Left, Ink::Text),
        );
        assert_eq!(
            fitted,
            Fitted {
                size_pt: 12.0,
                lines: vec!["捐贈收據".into()]
            }
        );
        let long = "捐".repeat(100);
        let fitted = fit(
            font,
            &long,
            frame,
            style(12.0, 6.0, 1, Align::Left, Ink::Text),
        );
        assert_eq!(fitted.size_pt, 6.0);
        assert_eq!(fitted.lines.len(), 1);
        assert!(fitted.lines[0].ends_with(ELLIPSIS));
        assert!(font.width_mm(&fitted.lines[0], 6.0) <= frame.width);
    }

    #[test]
    fn non_truetype_font_is_refused() {
        assert!(ReceiptFont::from_bytes(b"OTTO....".to_vec()).is_err());
        assert!(ReceiptFont::from_bytes(Vec::new()).is_err());
    }
}
