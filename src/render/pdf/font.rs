//! The font every PDF is drawn in: one face of a TrueType or OpenType-CFF font, or of
//! a collection (.ttc), read once with `ttf-parser` into a table of glyph ids and
//! advance widths (every Unicode plane), reused for a whole batch of documents.
//!
//! It answers what a layout needs (the width of a string, which characters it lacks)
//! and cleans untrusted text into what will be drawn. It does not lay text out
//! (`layout`) nor cut the subset embedded in a PDF (`writer`).

use std::borrow::Cow;

/// A font face parsed once and reused for every document of a batch.
pub struct PdfFont {
    /// The whole font file (a collection included), subset for each document; the
    /// bundled font is borrowed from the binary, not copied.
    pub(crate) bytes: Cow<'static, [u8]>,
    /// Which face of a collection is drawn with; 0 for a single-face file.
    pub(crate) face_index: u32,
    /// Glyph id and advance width for each Basic Multilingual Plane code point;
    /// glyph id 0 means the font lacks the character.
    glyphs: Vec<Glyph>,
    /// The same for the supplementary planes (𠮷 U+20BB7 …), sorted by code point:
    /// a few thousand at most, so a binary search instead of a 1.1M-entry table.
    supplementary: Vec<(u32, Glyph)>,
    units_per_em: f32,
    pub(crate) postscript_name: String,
    /// Drawn for a character the font lacks: □ if the font has it, else .notdef.
    placeholder: char,
}

#[derive(Clone, Copy, Default)]
pub(crate) struct Glyph {
    pub(crate) id: u16,
    pub(crate) advance: u16,
}

/// Untrusted text is cut to this many characters before layout; no cell holds more.
const TEXT_CHARS_MAX: usize = 400;
const BASIC_MULTILINGUAL_PLANE_SIZE: u32 = 0x1_0000;
pub(crate) const POINTS_PER_MM: f32 = 72.0 / 25.4;
const PLACEHOLDER: char = '□';

impl PdfFont {
    /// Parses a single-face font, such as the bundled
    /// `receipts/NotoSansCJKsc-Regular-subset.ttf`, or the first face of a collection.
    pub fn from_bytes(bytes: impl Into<Cow<'static, [u8]>>) -> Result<Self, String> {
        Self::from_face(bytes, 0)
    }

    /// Parses face `face_index` of a TrueType (.ttf), OpenType-CFF (.otf) or
    /// collection (.ttc, .otc) font; a single-face file has only face 0.
    pub fn from_face(
        bytes: impl Into<Cow<'static, [u8]>>,
        face_index: u32,
    ) -> Result<Self, String> {
        let bytes = bytes.into();
        check_face_index(&bytes, face_index)?;
        let face = ttf_parser::Face::parse(&bytes, face_index)
            .map_err(|error| format!("cannot parse the font: {error}"))?;
        if face.tables().glyf.is_none() && face.tables().cff.is_none() {
            // CFF2 (variable CFF) and bitmap-only fonts: the subsetter cannot cut them.
            return Err("it has neither TrueType nor CFF outlines".into());
        }
        let glyphs = glyph_table(&face);
        let supplementary = supplementary_table(&face);
        if glyphs.iter().all(|glyph| glyph.id == 0) && supplementary.is_empty() {
            return Err("it has no Unicode cmap".into());
        }
        let postscript_name = postscript_name(&face).unwrap_or_else(|| "ReceiptFont".into());
        let units_per_em = f32::from(face.units_per_em().max(1));
        let mut font = Self {
            bytes,
            face_index,
            glyphs,
            supplementary,
            units_per_em,
            postscript_name,
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
        if let Some(glyph) = self.glyphs.get(c as usize) {
            return *glyph;
        }
        let code_point = u32::from(c);
        self.supplementary
            .binary_search_by_key(&code_point, |(cp, _)| *cp)
            .map_or_else(|_| Glyph::default(), |index| self.supplementary[index].1)
    }

    pub(crate) fn has(&self, c: char) -> bool {
        self.glyph(c).id != 0
    }

    /// Advance width of `text` in font units.
    pub(crate) fn units(&self, text: &str) -> f32 {
        text.chars().map(|c| f32::from(self.glyph(c).advance)).sum()
    }

    pub(crate) fn units_to_mm(&self, units: f32, size_pt: f32) -> f32 {
        units / self.units_per_em * size_pt / POINTS_PER_MM
    }

    pub(crate) fn mm_to_units(&self, mm: f32, size_pt: f32) -> f32 {
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

/// Refuses a face index the file does not have: a collection names its face count,
/// a single-face file has only face 0.
fn check_face_index(bytes: &[u8], face_index: u32) -> Result<(), String> {
    match ttf_parser::fonts_in_collection(bytes) {
        Some(count) if face_index >= count => Err(format!(
            "the collection has {count} faces, numbered 0 to {}, so it has no face {face_index}",
            count.saturating_sub(1)
        )),
        None if face_index > 0 => Err(format!(
            "it is a single font, not a collection, so it has no face {face_index}"
        )),
        _ => Ok(()),
    }
}

/// Glyph id and advance for every BMP code point: a flat table, because layout asks
/// for widths character by character and a cmap lookup each time would cost more.
fn glyph_table(face: &ttf_parser::Face<'_>) -> Vec<Glyph> {
    (0..BASIC_MULTILINGUAL_PLANE_SIZE)
        .map(|code_point| {
            char::from_u32(code_point).map_or_else(Glyph::default, |c| glyph_of(face, c))
        })
        .collect()
}

/// Glyph id and advance of every code point beyond the BMP that a Unicode cmap
/// subtable maps (format 12 or 13), sorted by code point.
fn supplementary_table(face: &ttf_parser::Face<'_>) -> Vec<(u32, Glyph)> {
    let mut code_points = Vec::new();
    if let Some(cmap) = face.tables().cmap {
        for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            subtable.codepoints(|code_point| {
                if code_point >= BASIC_MULTILINGUAL_PLANE_SIZE {
                    code_points.push(code_point);
                }
            });
        }
    }
    code_points.sort_unstable();
    code_points.dedup();
    code_points
        .into_iter()
        .filter_map(|code_point| {
            let glyph = glyph_of(face, char::from_u32(code_point)?);
            (glyph.id != 0).then_some((code_point, glyph))
        })
        .collect()
}

fn glyph_of(face: &ttf_parser::Face<'_>, c: char) -> Glyph {
    let Some(id) = face.glyph_index(c) else {
        return Glyph::default();
    };
    let advance = face.glyph_hor_advance(id).unwrap_or(0);
    Glyph { id: id.0, advance }
}

/// Zero-width and bidi formatting characters: invisible, and a bidi override would
/// make the copied text read differently from the printed one.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// The PostScript name (name id 6 of a Windows record), if it is safe to write
/// unescaped as a PDF name.
fn postscript_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    face.names()
        .into_iter()
        .filter(|name| name.platform_id == ttf_parser::PlatformId::Windows)
        .filter(|name| name.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|name| name.to_string().filter(|name| is_pdf_name_safe(name)))
}

fn is_pdf_name_safe(name: &str) -> bool {
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    !name.is_empty() && name.len() <= 63 && name.bytes().all(allowed)
}

#[cfg(test)]
mod tests {
    use super::super::testing::font;
    use super::*;
    use crate::render::receipts::BUNDLED_FONT;

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
    fn what_is_not_a_font_is_refused() {
        assert!(PdfFont::from_bytes(b"OTTO....".to_vec()).is_err());
        assert!(PdfFont::from_bytes(Vec::new()).is_err());
        assert!(PdfFont::from_bytes(vec![0, 1, 0, 0, 0, 0]).is_err());
        assert!(PdfFont::from_bytes(b"ttcf\0\x01\0\0\0\0\0\x01".to_vec()).is_err());
    }

    #[test]
    fn a_single_font_has_only_face_zero() {
        let error = PdfFont::from_face(BUNDLED_FONT, 1).err().unwrap();
        assert!(error.contains("not a collection"), "{error}");
    }

    #[test]
    fn supplementary_plane_characters_are_found() {
        let font = font();
        // 𠮷 (U+20BB7, Extension B) and 䶮 (U+4DAE, Extension A) are in real names.
        assert!(
            font.has('𠮷') && font.has('䶮'),
            "the bundled font lacks them"
        );
        assert!((font.width_mm("𠮷", 72.0) - 25.4).abs() < 1e-3);
        assert!(font.missing_chars("張𠮷䶮").is_empty());
        assert_eq!(font.glyph('\u{10FFFF}').id, 0);
    }

    #[test]
    fn bundled_font_has_its_postscript_name_and_widths() {
        let font = font();
        assert!(
            font.postscript_name.starts_with("NotoSansCJK"),
            "{}",
            font.postscript_name
        );
        assert!(font.has('愛') && font.has('，') && !font.has('😀'));
        // Ideographs are one em wide.
        assert!((font.width_mm("愛", 72.0) - 25.4).abs() < 1e-3);
    }
}
