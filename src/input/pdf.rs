//! A receipt PDF as `receipt verify FILE.pdf` reads it: the signed payload lovefund
//! keeps in the file's metadata (the Info dictionary's Keywords), and the text its
//! first page prints, one text run a line. Read with lopdf (the PDF library printpdf
//! itself is built on), bounded: a receipt is a few hundred kilobytes, so a file of
//! more than `PDF_BYTES_MAX` is refused before it is read, and a page's content may
//! not inflate past `PAGE_CONTENT_MAX`.

use lopdf::content::Content;
use lopdf::{Document, Object};

/// The largest file read as a receipt.
pub const PDF_BYTES_MAX: u64 = 16 * 1024 * 1024;
/// The most a page's content may inflate to.
const PAGE_CONTENT_MAX: usize = 8 * 1024 * 1024;

/// What a receipt PDF holds.
#[derive(Debug)]
pub struct PrintedReceipt {
    /// The payload in its metadata, if any.
    pub payload: Option<String>,
    /// The first page's text, one run a line, trimmed, empty lines left out.
    pub lines: Vec<String>,
}

/// Reads `bytes` as a PDF; the error is lopdf's own words for what is wrong.
pub fn read_receipt_pdf(bytes: &[u8]) -> Result<PrintedReceipt, String> {
    let doc = Document::load_mem(bytes).map_err(|e| e.to_string())?;
    let payload = keywords(&doc);
    let lines = page_runs(&doc).map_err(|e| e.to_string())?;
    Ok(PrintedReceipt { payload, lines })
}

/// The first page's text, one line per run placed on the page (each `Td`, `Tm` or
/// `T*` starts one): lovefund places each run of a receipt (a label, a value, a line
/// of a wrapped value) on its own.
fn page_runs(doc: &Document) -> lopdf::Result<Vec<String>> {
    let pages = doc.get_pages();
    let Some(page) = pages.get(&1).copied() else {
        return Ok(Vec::new());
    };
    let mut encodings = std::collections::BTreeMap::new();
    for (name, font) in doc.get_page_fonts(page)? {
        encodings.insert(
            name,
            font.get_font_encoding_with_limit(doc, PAGE_CONTENT_MAX)?,
        );
    }
    let content = Content::decode(&doc.get_page_content_with_limit(page, PAGE_CONTENT_MAX)?)?;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut encoding = None;
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => {
                encoding = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| encodings.get(name));
            }
            "Tj" | "TJ" | "'" | "\"" => {
                let Some(encoding) = encoding else { continue };
                for operand in &op.operands {
                    let strings = match operand {
                        Object::Array(items) => items.iter().collect(),
                        other => vec![other],
                    };
                    for string in strings {
                        if let Object::String(bytes, _) = string {
                            line.push_str(&Document::decode_text(encoding, bytes)?);
                        }
                    }
                }
            }
            // A run starts where the text is placed, and ends with the text object.
            "ET" | "Td" | "TD" | "Tm" | "T*" => {
                let text = line.trim();
                if !text.is_empty() {
                    lines.push(text.to_string());
                }
                line.clear();
            }
            _ => {}
        }
    }
    Ok(lines)
}

/// The Info dictionary's Keywords, decoded (PDF text strings are PDFDocEncoding or
/// UTF-16BE with a byte order mark; printpdf writes the latter).
fn keywords(doc: &Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = match info {
        Object::Reference(id) => doc.get_object(*id).ok()?,
        other => other,
    };
    let bytes = info.as_dict().ok()?.get(b"Keywords").ok()?.as_str().ok()?;
    let text = match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()?
        }
        other => String::from_utf8(other.to_vec()).ok()?,
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}
