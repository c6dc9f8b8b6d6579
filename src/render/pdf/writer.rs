//! Document assembly: the font subset a document embeds, its text as operators on
//! glyph ids, the pages saved as one PDF with fast compression.
//!
//! Text reaches the PDF only as glyph ids of the subset in hex strings, each carrying
//! its character for /ToUnicode: it stays extractable and cannot inject PDF syntax.
//! printpdf is used without its `text_layout` feature (which would pull in azul's
//! layout engine) and so never subsets fonts itself: the subset is cut here with
//! `subsetter`, from TrueType and CFF outlines alike.

use super::canvas::{Canvas, TextRun};
use super::font::PdfFont;
use flate2::{Compress, Compression, FlushCompress, Status};
use printpdf::{
    Codepoint, DateTime, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Pt, TextItem, TextMatrix, TextRenderingMode,
};
use subsetter::GlyphRemapper;

/// Flate level for the PDF streams. Measured on a typical receipt with miniz_oxide:
/// level 1 takes 1.3 ms and gives 24.1 KB; level 6 takes 2.2 ms for 22.3 KB; level 9
/// (printpdf's own `optimize`, via lopdf) 2.3 ms for 22.3 KB.
const DEFLATE_LEVEL: u32 = 1;

/// A document's dates in its information dictionary and XMP metadata, in seconds
/// since 1970 (UTC; printpdf writes them as UTC, and readers show them in their own
/// zone). A receipt is dated when it was issued, so a receipt printed again is still
/// byte-identical; the summary and statements when they are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PdfDates {
    pub created: i64,
    /// The last change: a receipt's void, else its issue.
    pub modified: i64,
}

impl PdfDates {
    /// Created and last changed at one time.
    pub fn at(seconds: i64) -> PdfDates {
        PdfDates {
            created: seconds,
            modified: seconds,
        }
    }
}

/// A document being written: its font subset is embedded, pages come next.
pub(crate) struct Writer<'a> {
    pdf: PdfDocument,
    font: &'a PdfFont,
    remapper: GlyphRemapper,
    handle: PdfFontHandle,
    /// Content written as bytes, put after the first page's operators.
    appended: Vec<u8>,
}

/// The glyph ids of every character of the runs, in order of appearance.
pub(crate) fn glyphs_used<'r>(font: &PdfFont, runs: impl Iterator<Item = &'r TextRun>) -> Vec<u16> {
    runs.flat_map(|run| run.text.chars().map(|c| font.glyph(c).id))
        .collect()
}

impl<'a> Writer<'a> {
    /// Starts a document titled `title` that embeds the subset of `font` holding
    /// `glyphs`. The subset holds them sorted; the list as given names it (the tag).
    pub(crate) fn new(
        font: &'a PdfFont,
        title: &str,
        dates: PdfDates,
        glyphs: &[u16],
    ) -> Result<Self, String> {
        let remapper = GlyphRemapper::new_from_glyphs_sorted(glyphs);
        // subsetter cuts one face of a collection into a font of its own, and turns
        // CFF outlines into a CID-keyed CFF with an identity charset, which printpdf
        // embeds as /FontFile3 /CIDFontType0C (glyf as /FontFile2): glyph ids of the
        // subset are its CIDs either way.
        let subset = subsetter::subset(&font.bytes, font.face_index, &remapper)
            .map_err(|error| format!("cannot subset the font: {error}"))?;
        let mut font_warnings = Vec::new();
        let mut subset_font = ParsedFont::from_bytes(&subset, 0, &mut font_warnings)
            .ok_or_else(|| format!("cannot read back the font subset: {font_warnings:?}"))?;
        subset_font.font_name = Some(format!("{}+{}", subset_tag(glyphs), font.postscript_name));
        let mut pdf = PdfDocument::new(title);
        let date = |seconds| DateTime::from_unix_timestamp(seconds).map_err(str::to_string);
        let info = &mut pdf.metadata.info;
        info.creation_date = date(dates.created)?;
        info.modification_date = date(dates.modified)?;
        info.metadata_date = info.modification_date;
        let handle = PdfFontHandle::External(pdf.add_font(&subset_font));
        Ok(Self {
            pdf,
            font,
            remapper,
            handle,
            appended: Vec::new(),
        })
    }

    /// One text section for the canvas's runs on a page `page_height_mm` high; each
    /// run is placed with an absolute text matrix.
    pub(crate) fn text_ops(&self, canvas: &Canvas, page_height_mm: f32) -> Vec<Op> {
        let mut ops = vec![Op::StartTextSection];
        let mut current = None;
        for run in &canvas.runs {
            if current != Some((run.size_pt, run.ink)) {
                current = Some((run.size_pt, run.ink));
                ops.push(Op::SetFont {
                    font: self.handle.clone(),
                    size: Pt(run.size_pt),
                });
                ops.push(Op::SetFillColor {
                    col: run.ink.color(),
                });
            }
            let glyphs = TextItem::GlyphIds(self.glyph_ids(&run.text));
            let x = Mm(run.x).into_pt();
            let y = Mm(page_height_mm - run.baseline).into_pt();
            if run.rotate_degrees == 0.0 {
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(x, y),
                });
                ops.push(Op::ShowText {
                    items: vec![glyphs],
                });
            } else {
                ops.extend(outlined_rotated(x, y, run, glyphs));
            }
        }
        ops.push(Op::EndTextSection);
        ops
    }

    fn glyph_ids(&self, text: &str) -> Vec<Codepoint> {
        text.chars()
            .map(|c| Codepoint {
                gid: self.remapper.get(self.font.glyph(c).id).unwrap_or(0),
                offset: 0.0,
                cid: Some(c.to_string()),
            })
            .collect()
    }

    /// The document with `pages`, compressed, as bytes.
    /// Keeps `words` in the file's metadata (the Info dictionary's Keywords).
    pub(crate) fn keywords(&mut self, words: Vec<String>) {
        self.pdf.metadata.info.keywords = words;
    }

    /// Puts `content` (page content operators, balanced in `q`/`Q`) after the first
    /// page's: for drawings of many small shapes that are cheaper to write directly.
    pub(crate) fn append_content(&mut self, content: Vec<u8>) {
        self.appended.extend(content);
    }

    pub(crate) fn finish(mut self, pages: Vec<PdfPage>) -> Result<Vec<u8>, String> {
        // Streams are deflated below rather than by printpdf's `optimize`: see
        // DEFLATE_LEVEL.
        let options = PdfSaveOptions {
            optimize: false,
            subset_fonts: false,
            secure: true,
            image_optimization: None,
        };
        let mut warnings = Vec::new();
        let mut document = self
            .pdf
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
        if !self.appended.is_empty() {
            append_to_first_page(&mut document, &self.appended)?;
        }
        deflate_streams(&mut document)?;
        let mut bytes = Vec::with_capacity(32 * 1024);
        document
            .save_to(&mut bytes)
            .map_err(|error| format!("cannot write the PDF: {error}"))?;
        Ok(bytes)
    }
}

fn outlined_rotated(x: Pt, y: Pt, run: &TextRun, glyphs: TextItem) -> Vec<Op> {
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
            items: vec![glyphs],
        },
        Op::SetTextRenderingMode {
            mode: TextRenderingMode::Fill,
        },
    ]
}

/// The six capital letters that mark a font subset (ISO 32000-1, 9.6.4), derived from
/// the glyphs it holds so that equal subsets get equal names.
fn subset_tag(glyphs: &[u16]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for glyph in glyphs {
        hash = (hash ^ u64::from(*glyph)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|index| char::from(b'A' + ((hash >> (index * 8)) % 26) as u8))
        .collect()
}

/// Adds `content` at the end of the first page's (last) content stream.
fn append_to_first_page(document: &mut lopdf::Document, content: &[u8]) -> Result<(), String> {
    let cannot = |detail: &str| format!("cannot write the PDF: {detail}");
    let page = *document
        .get_pages()
        .get(&1)
        .ok_or_else(|| cannot("it has no page"))?;
    let last = *document
        .get_page_contents(page)
        .last()
        .ok_or_else(|| cannot("its page has no content stream"))?;
    let stream = document
        .get_object_mut(last)
        .and_then(lopdf::Object::as_stream_mut)
        .map_err(|error| cannot(&error.to_string()))?;
    if stream.dict.get(b"Filter").is_ok() {
        return Err(cannot("its page content is already compressed"));
    }
    let mut joined = std::mem::take(&mut stream.content);
    if !joined.is_empty() && !joined.ends_with(b"\n") {
        joined.push(b'\n');
    }
    joined.extend_from_slice(content);
    stream.set_content(joined);
    Ok(())
}

thread_local! {
    /// One compressor a thread, reset for each stream: making one allocates and
    /// clears some 270 KB of tables, and a receipt has four streams.
    static DEFLATER: std::cell::RefCell<Compress> =
        std::cell::RefCell::new(Compress::new(Compression::new(DEFLATE_LEVEL), true));
}

fn deflate_streams(document: &mut lopdf::Document) -> Result<(), String> {
    for object in document.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() || !stream.allows_compression {
            continue;
        }
        let compressed = DEFLATER.with_borrow_mut(|deflater| deflate(deflater, &stream.content))?;
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
    Ok(())
}

/// `bytes` as a zlib stream, as `ZlibEncoder` writes it.
fn deflate(deflater: &mut Compress, bytes: &[u8]) -> Result<Vec<u8>, String> {
    deflater.reset();
    let failed = |error: flate2::CompressError| format!("cannot compress the PDF: {error}");
    let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
    let mut input = bytes;
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(4096));
        }
        let before = deflater.total_in();
        let status = deflater
            .compress_vec(input, &mut out, FlushCompress::Finish)
            .map_err(failed)?;
        input = &input[(deflater.total_in() - before) as usize..];
        if status == Status::StreamEnd {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::canvas::Frame;
    use super::super::layout::{Align, Ink, style};
    use super::super::testing::{font, pdftotext};
    use super::*;

    #[test]
    fn subset_tags_are_six_capitals_and_follow_the_glyphs() {
        let tag = subset_tag(&[3, 1, 2]);
        assert_eq!(tag.len(), 6);
        assert!(tag.bytes().all(|b| b.is_ascii_uppercase()));
        assert_eq!(tag, subset_tag(&[3, 1, 2]));
        assert_ne!(tag, subset_tag(&[1, 2, 3]));
    }

    #[test]
    fn written_text_is_extractable_and_compressed() {
        let font = font();
        let mut canvas = Canvas::default();
        let frame = Frame {
            x: 10.0,
            y: 10.0,
            width: 150.0,
            height: 10.0,
        };
        let text = "愛心基金 ¥5,000.00，謝謝！";
        canvas.text_in(
            font,
            text,
            frame,
            style(12.0, 12.0, 1, Align::Left, Ink::Text),
        );
        let glyphs = glyphs_used(font, canvas.runs.iter());
        let writer = Writer::new(font, "test", PdfDates::at(0), &glyphs).unwrap();
        let ops = writer.text_ops(&canvas, 100.0);
        let page = PdfPage::new(Mm(200.0), Mm(100.0), ops);
        let pdf = writer.finish(vec![page]).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let needle = b"FlateDecode";
        assert!(pdf.windows(needle.len()).any(|window| window == needle));
        if let Some(extracted) = pdftotext(&pdf) {
            assert!(extracted.contains(text), "{extracted:?}");
        }
    }
}
