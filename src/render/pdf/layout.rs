//! Text layout: breaking text into lines that fit a width, and fitting it into a
//! frame by shrinking it and at last cutting it with "…".
//!
//! Lines break only where Unicode's line breaking algorithm (UAX #14, the
//! `unicode-linebreak` crate) allows: between Chinese characters, at spaces, never
//! inside a number such as ¥5,000.00, and never before closing punctuation such as
//! ，。、；：？！）」』, which Chinese typesetting forbids at the start of a line. A
//! word wider than a whole line is broken between characters, still keeping those
//! marks off the start of a line. Widths come from the font's advance widths; there
//! is no shaping or kerning, which CJK text and the receipts' Latin do not need.

use super::font::{POINTS_PER_MM, PdfFont};
use unicode_linebreak::{BreakClass, break_property, linebreaks};

/// Baselines are this many em apart.
const LINE_SPACING_EM: f32 = 1.25;
/// The ideographic em box spans 0.88 em above the baseline to 0.12 em below it.
pub(crate) const BOX_TOP_ABOVE_BASELINE_EM: f32 = 0.88;
pub(crate) const BOX_BOTTOM_BELOW_BASELINE_EM: f32 = 0.12;
const SIZE_STEP_PT: f32 = 0.5;
pub(crate) const ELLIPSIS: char = '…';

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Align {
    Left,
    Center,
    Right,
}

/// Colours of text (and of the receipt's rules).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Ink {
    Text,
    Label,
    Accent,
    Rule,
}

/// How a piece of text may be fitted into a frame.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub(crate) size_pt: f32,
    pub(crate) size_min_pt: f32,
    pub(crate) lines_max: usize,
    pub(crate) align: Align,
    pub(crate) ink: Ink,
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

/// Text that fits: the size chosen and the lines to draw.
#[derive(Debug, PartialEq)]
pub(crate) struct Fitted {
    pub(crate) size_pt: f32,
    pub(crate) lines: Vec<String>,
}

pub(crate) fn line_height_mm(size_pt: f32) -> f32 {
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
/// wraps into lines that fit `width_mm` × `height_mm` (at most `style.lines_max`); at
/// the smallest size the last line that fits is cut with "…".
pub(crate) fn fit(
    font: &PdfFont,
    text: &str,
    (width_mm, height_mm): (f32, f32),
    style: Style,
) -> Fitted {
    let mut size_pt = style.size_pt;
    loop {
        let lines_allowed = style.lines_max.min(lines_in_height(height_mm, size_pt));
        let width_units = font.mm_to_units(width_mm, size_pt);
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
fn with_ellipsis(font: &PdfFont, line: &str, width_units: f32) -> String {
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

/// Closing punctuation, stops and marks UAX #14 keeps from starting a line (classes
/// CL, CP, EX, IS, NS): ，。、；：？！）」』 among them.
pub(crate) fn is_no_line_start(c: char) -> bool {
    matches!(
        break_property(u32::from(c)),
        BreakClass::ClosePunctuation
            | BreakClass::CloseParenthesis
            | BreakClass::Exclamation
            | BreakClass::InfixSeparator
            | BreakClass::NonStarter
    )
}

/// The line being filled and the lines done.
struct Lines<'a> {
    font: &'a PdfFont,
    width_units: f32,
    done: Vec<String>,
    line: String,
    line_units: f32,
}

impl Lines<'_> {
    /// Ends the current line; spaces at its end are dropped.
    fn end_line(&mut self) {
        let line = self.line.trim_end();
        if !line.is_empty() {
            self.done.push(line.to_string());
        }
        self.line.clear();
        self.line_units = 0.0;
    }

    fn push(&mut self, text: &str) {
        self.line.push_str(text);
        self.line_units += self.font.units(text);
    }

    /// Places a segment between two break opportunities: on this line if it fits
    /// (its trailing spaces may hang past the end), else on the next, else broken.
    fn place(&mut self, segment: &str) {
        let word = segment.trim_end();
        let word_units = self.font.units(word);
        if self.line_units + word_units <= self.width_units {
            return self.push(segment);
        }
        self.end_line();
        if word_units <= self.width_units {
            return self.push(segment);
        }
        self.break_word(word);
        self.push(&segment[word.len()..]);
    }

    /// Breaks a word wider than a line between characters. A character that may not
    /// start a line takes the one before it along to the next line.
    fn break_word(&mut self, word: &str) {
        for c in word.chars() {
            let c_units = f32::from(self.font.glyph(c).advance);
            if self.line_units + c_units > self.width_units && !self.line.is_empty() {
                let carried = self.carried_before(c);
                self.done.push(std::mem::take(&mut self.line));
                self.line_units = 0.0;
                if let Some(carried) = carried {
                    self.push(carried.encode_utf8(&mut [0; 4]));
                }
            }
            self.line.push(c);
            self.line_units += c_units;
        }
    }

    /// The last character of the line, taken off it, when `next` may not start a line
    /// and the line keeps at least one character.
    fn carried_before(&mut self, next: char) -> Option<char> {
        if !is_no_line_start(next) || self.line.chars().nth(1).is_none() {
            return None;
        }
        let carried = self.line.pop()?;
        self.line_units -= f32::from(self.font.glyph(carried).advance);
        Some(carried)
    }
}

/// Greedy line breaking at the UAX #14 break opportunities of `text`.
pub(crate) fn wrap(font: &PdfFont, text: &str, width_units: f32) -> Vec<String> {
    let mut lines = Lines {
        font,
        width_units,
        done: Vec::new(),
        line: String::new(),
        line_units: 0.0,
    };
    let mut start = 0;
    // Every opportunity is taken as allowed: text reaches here cleaned, its line
    // feeds turned into spaces, so the only mandatory break is the end of the text.
    for (end, _) in linebreaks(text) {
        lines.place(&text[start..end]);
        start = end;
    }
    lines.end_line();
    lines.done
}

#[cfg(test)]
mod tests {
    use super::super::testing::font;
    use super::*;

    /// Closing punctuation a Chinese line may not start with.
    const NO_LINE_START: &str = "，。、；：？！）」』";

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
    fn wrap_keeps_amounts_and_receipt_numbers_whole() {
        let font = font();
        let width = font.units("2022-000123");
        assert_eq!(
            wrap(font, "人民幣 ¥5,000.00 2022-000123", width),
            ["人民幣", "¥5,000.00", "2022-000123"]
        );
    }

    #[test]
    fn wrap_never_starts_a_chinese_line_with_closing_punctuation() {
        let text = "本基金於二〇二二年籌集善款二十九萬三千三百元，支出二十三萬七千三百元，\
                    資助貧困戶四十戶、貧困學生四十二名。捐贈人包括：市政協委員、企業（含個體\
                    工商戶）和社會愛心人士！「助學」『扶貧』幫困三個項目；餘款結轉下年？是。";
        let font = font();
        for ideographs in 2..=24 {
            let width = font.units(&"愛".repeat(ideographs));
            let lines = wrap(font, text, width);
            assert_eq!(lines.concat(), text, "nothing lost at {ideographs}");
            for line in &lines {
                let first = line.chars().next().unwrap();
                assert!(!NO_LINE_START.contains(first), "{ideographs}: {lines:?}");
                assert!(font.units(line) <= width, "{line:?} is too wide");
            }
        }
    }

    #[test]
    fn a_word_broken_between_characters_keeps_punctuation_off_the_line_start() {
        let font = font();
        // "ABCD，" is one segment: UAX #14 allows no break before "，".
        let width = font.units("ABCD");
        assert_eq!(wrap(font, "ABCD，", width), ["ABC", "D，"]);
        assert!(NO_LINE_START.chars().all(is_no_line_start));
        assert!(!"愛（「¥A1".chars().any(is_no_line_start));
    }

    #[test]
    fn fit_shrinks_then_cuts() {
        let font = font();
        let plain = style(12.0, 6.0, 1, Align::Left, Ink::Text);
        assert_eq!(
            fit(font, "捐贈收據", (30.0, 6.0), plain),
            Fitted {
                size_pt: 12.0,
                lines: vec!["捐贈收據".into()]
            }
        );
        let fitted = fit(font, &"捐".repeat(100), (30.0, 6.0), plain);
        assert_eq!(fitted.size_pt, 6.0);
        assert_eq!(fitted.lines.len(), 1);
        assert!(fitted.lines[0].ends_with(ELLIPSIS));
        assert!(font.width_mm(&fitted.lines[0], 6.0) <= 30.0);
    }
}
