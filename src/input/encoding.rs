//! Turning an input file's bytes into UTF-8 text, strictly: nothing is ever guessed
//! into the ledger. In this order:
//! 1. the encoding the user named (`--encoding`), if any;
//! 2. else a byte order mark decides (UTF-8, or UTF-16 as Excel's "Unicode text"
//!    export writes it);
//! 3. else the file is UTF-8 if every byte of it is;
//! 4. else a detector (chardetng, Firefox's) chooses between GB18030 (which reads GBK
//!    and GB2312, as Excel writes them on a Chinese system) and Big5 (Taiwan, Hong
//!    Kong), and anything else it sees is refused.
//!
//! Whatever the choice, the whole file must then decode in it without one malformed
//! byte and without one U+FFFD replacement character (text an earlier conversion
//! already lost), or it is refused before a line is read, naming the line, the byte
//! offset and the encodings tried. Reading is streamed, so a large file is never held
//! whole: one pass checks, a second decodes for the reader, with the same checks.
//! Not here: what a line means (see `source`).

use crate::error::message::{InputMessage, TextFlaw};
use crate::error::{Error, Field, Result};
use std::io::{self, Read};
use std::path::Path;

/// How much of the file is read at a time.
const READ_CHUNK_BYTES: usize = 1 << 16;
/// UTF-8 output can be three bytes for each two-byte input character (and four for
/// a four-byte one), so this holds the decoding of one chunk.
const DECODED_CHUNK_BYTES: usize = READ_CHUNK_BYTES * 2 + 16;
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";
const REPLACEMENT_CHARACTER: &[u8] = "\u{FFFD}".as_bytes();

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// GB18030, a superset of GBK and GB2312.
    Gb18030,
    Big5,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
            Encoding::Big5 => "Big5",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }

    fn codec(self) -> &'static encoding_rs::Encoding {
        match self {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Gb18030 => encoding_rs::GB18030,
            Encoding::Big5 => encoding_rs::BIG5,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
        }
    }

    fn bom(self) -> Option<&'static [u8]> {
        match self {
            Encoding::Utf8 => Some(UTF8_BOM),
            Encoding::Utf16Le => Some(UTF16LE_BOM),
            Encoding::Utf16Be => Some(UTF16BE_BOM),
            Encoding::Gb18030 | Encoding::Big5 => None,
        }
    }
}

/// Where a file stopped being text in an encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flaw {
    /// 1-based line.
    pub line: u64,
    /// 0-based byte offset in the file.
    pub byte: u64,
    /// True when the text decoded but holds U+FFFD, the mark of text already lost.
    pub replacement: bool,
}

impl std::fmt::Display for Flaw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.replacement {
            write!(
                f,
                "line {} holds U+FFFD, the mark of text lost in an earlier conversion",
                self.line
            )
        } else {
            write!(f, "line {}, byte {}", self.line, self.byte)
        }
    }
}

fn cannot_read(path: &Path, e: io::Error) -> Error {
    Error::io(
        crate::error::message::IoMessage::Read {
            path: path.display().to_string(),
        },
        e,
    )
}

/// Decodes a byte stream in one encoding, failing on the first malformed sequence
/// or replacement character with a `Flaw` (as the `io::Error`'s payload).
pub struct StrictDecoder<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Box<[u8]>,
    input_start: usize,
    input_end: usize,
    input_done: bool,
    /// Bytes of the file before `input[0]`.
    offset: u64,
    output: Box<[u8]>,
    output_start: usize,
    output_end: usize,
    newlines: u64,
    finished: bool,
}

impl<R: Read> StrictDecoder<R> {
    /// `skip` bytes at the start (a byte order mark) are counted but not decoded.
    fn new(inner: R, encoding: Encoding, skip: usize) -> Self {
        StrictDecoder {
            inner,
            decoder: encoding.codec().new_decoder_without_bom_handling(),
            input: vec![0; READ_CHUNK_BYTES].into_boxed_slice(),
            input_start: 0,
            input_end: 0,
            input_done: false,
            offset: skip as u64,
            output: vec![0; DECODED_CHUNK_BYTES].into_boxed_slice(),
            output_start: 0,
            output_end: 0,
            newlines: 0,
            finished: false,
        }
    }

    fn flaw(&self, byte: u64, replacement: bool) -> io::Error {
        io::Error::new(
            io::ErrorKind::InvalidData,
            FlawError(Flaw {
                line: self.newlines + 1,
                byte,
                replacement,
            }),
        )
    }

    /// Decodes the next piece into `output`; false at the end of the text.
    fn decode_more(&mut self) -> io::Result<bool> {
        use encoding_rs::DecoderResult;
        loop {
            if self.finished {
                return Ok(false);
            }
            if self.input_start == self.input_end && !self.input_done {
                self.offset += self.input_end as u64;
                self.input_start = 0;
                self.input_end = 0;
                let n = read_some(&mut self.inner, &mut self.input)?;
                self.input_end = n;
                self.input_done = n == 0;
            }
            let source = &self.input[self.input_start..self.input_end];
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                source,
                &mut self.output,
                self.input_done,
            );
            let decoded = &self.output[..written];
            // A newline is the start of a line only once the bytes before it are good;
            // count those before any flaw in this piece.
            let replacement = memchr::memmem::find(decoded, REPLACEMENT_CHARACTER);
            let counted = replacement.unwrap_or(written);
            self.newlines += count_newlines(&decoded[..counted]) as u64;
            if replacement.is_some() {
                let byte = self.offset + self.input_start as u64;
                return Err(self.flaw(byte, true));
            }
            let consumed_start = self.input_start;
            self.input_start += read;
            if let DecoderResult::Malformed(bad, after) = result {
                let start = consumed_start + read - usize::from(after) - usize::from(bad);
                return Err(self.flaw(self.offset + start as u64, false));
            }
            if matches!(result, DecoderResult::InputEmpty) && self.input_done {
                self.finished = true;
            }
            if written > 0 {
                self.output_start = 0;
                self.output_end = written;
                return Ok(true);
            }
        }
    }
}

impl<R: Read> Read for StrictDecoder<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.output_start == self.output_end && !self.decode_more()? {
            return Ok(0);
        }
        let n = buf.len().min(self.output_end - self.output_start);
        buf[..n].copy_from_slice(&self.output[self.output_start..self.output_start + n]);
        self.output_start += n;
        Ok(n)
    }
}

/// The `Flaw` inside an `io::Error` from a `StrictDecoder`.
#[derive(Debug)]
struct FlawError(Flaw);

impl std::fmt::Display for FlawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for FlawError {}

/// The flaw a decoder's error reports, if it is one.
pub fn flaw_of(error: &io::Error) -> Option<Flaw> {
    error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<FlawError>())
        .map(|e| e.0)
}

fn read_some(reader: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    loop {
        match reader.read(buffer) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

fn open(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|e| cannot_read(path, e))
}

/// The encoding a byte order mark at the start of the file names, if any.
fn bom_of(path: &Path) -> Result<Option<Encoding>> {
    let mut head = [0u8; 3];
    let mut file = open(path)?;
    let mut filled = 0;
    while filled < head.len() {
        let n = read_some(&mut file, &mut head[filled..]).map_err(|e| cannot_read(path, e))?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    let head = &head[..filled];
    Ok([Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be]
        .into_iter()
        .find(|e| e.bom().is_some_and(|bom| head.starts_with(bom))))
}

/// Opens the file as a strict decoder in `encoding`, skipping its own BOM.
fn decoder(
    path: &Path,
    encoding: Encoding,
    bom: Option<Encoding>,
) -> Result<StrictDecoder<std::fs::File>> {
    let mut file = open(path)?;
    let skip = match encoding.bom() {
        Some(mark) if bom == Some(encoding) => mark.len(),
        _ => 0,
    };
    if skip > 0 {
        let mut mark = [0u8; 3];
        file.read_exact(&mut mark[..skip])
            .map_err(|e| cannot_read(path, e))?;
    }
    Ok(StrictDecoder::new(file, encoding, skip))
}

/// Decodes the whole file in `encoding`: `None` if it is text in it, else the flaw.
fn check(path: &Path, encoding: Encoding, bom: Option<Encoding>) -> Result<Option<Flaw>> {
    let mut text = decoder(path, encoding, bom)?;
    match io::copy(&mut text, &mut io::sink()) {
        Ok(_) => Ok(None),
        Err(e) => match flaw_of(&e) {
            Some(flaw) => Ok(Some(flaw)),
            None => Err(cannot_read(path, e)),
        },
    }
}

/// Which of GB18030 and Big5 the detector takes the file for; `Err` with the
/// encoding it named when it is neither.
fn detect(path: &Path) -> Result<std::result::Result<Encoding, &'static str>> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut file = open(path)?;
    let mut buffer = vec![0u8; READ_CHUNK_BYTES];
    loop {
        let n = read_some(&mut file, &mut buffer).map_err(|e| cannot_read(path, e))?;
        detector.feed(&buffer[..n], n == 0);
        if n == 0 {
            break;
        }
    }
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    Ok(
        if guess == encoding_rs::GBK || guess == encoding_rs::GB18030 {
            Ok(Encoding::Gb18030)
        } else if guess == encoding_rs::BIG5 {
            Ok(Encoding::Big5)
        } else {
            Err(guess.name())
        },
    )
}

fn refused(message: InputMessage) -> Error {
    Error::input_in(Field::Encoding, message)
}

impl From<Flaw> for TextFlaw {
    fn from(flaw: Flaw) -> TextFlaw {
        TextFlaw {
            line: flaw.line,
            byte: flaw.byte,
            replacement: flaw.replacement,
        }
    }
}

/// Chooses the file's encoding (see the module's comment) and checks every byte of
/// it: the encoding chosen, or a refusal naming the line, the byte and the encodings
/// tried.
pub fn choose(path: &Path, forced: Option<Encoding>) -> Result<Encoding> {
    let bom = bom_of(path)?;
    if let Some(encoding) = forced.or(bom) {
        return match check(path, encoding, bom)? {
            None => Ok(encoding),
            Some(flaw) => Err(refused(InputMessage::NotInEncoding {
                path: path.display().to_string(),
                flaw: flaw.into(),
                encoding: encoding.name().to_string(),
            })),
        };
    }
    let Some(utf8_flaw) = check(path, Encoding::Utf8, None)? else {
        return Ok(Encoding::Utf8);
    };
    let path_shown = path.display().to_string();
    if utf8_flaw.replacement {
        return Err(refused(InputMessage::LostText {
            path: path_shown,
            flaw: utf8_flaw.into(),
        }));
    }
    let detected = match detect(path)? {
        Ok(encoding) => encoding,
        Err(guess) => {
            return Err(refused(InputMessage::NotUtf8NorGuessed {
                path: path_shown,
                flaw: utf8_flaw.into(),
                guess: guess.to_string(),
            }));
        }
    };
    match check(path, detected, None)? {
        None => Ok(detected),
        Some(flaw) => Err(refused(InputMessage::NotUtf8NorDetected {
            path: path_shown,
            utf8_flaw: utf8_flaw.into(),
            flaw: flaw.into(),
            encoding: detected.name().to_string(),
        })),
    }
}

/// Opens an input file as UTF-8 text in the encoding given, or the one chosen; the
/// text is checked whole before this returns (see `choose`).
pub fn open_text(path: &Path, encoding: Option<Encoding>) -> Result<(Encoding, Box<dyn Read>)> {
    let chosen = choose(path, encoding)?;
    let bom = bom_of(path)?;
    Ok((chosen, Box::new(decoder(path, chosen, bom)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(bytes: &[u8], encoding: Option<Encoding>) -> Result<(Encoding, String)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file.csv");
        std::fs::write(&path, bytes).unwrap();
        let (found, mut text) = open_text(&path, encoding)?;
        let mut out = String::new();
        text.read_to_string(&mut out).unwrap();
        Ok((found, out))
    }

    fn refusal(bytes: &[u8], encoding: Option<Encoding>) -> String {
        opened(bytes, encoding).unwrap_err().to_string()
    }

    #[test]
    fn detects_utf8_skips_the_bom_and_reads_gbk_as_gb18030() {
        assert_eq!(
            opened("\u{feff}日期,金額\n".as_bytes(), None).unwrap(),
            (Encoding::Utf8, "日期,金額\n".to_string())
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("日期,金额,捐赠人\n2022-03-01,100,张三\n");
        assert_eq!(
            opened(&gbk, None).unwrap(),
            (
                Encoding::Gb18030,
                "日期,金额,捐赠人\n2022-03-01,100,张三\n".to_string()
            )
        );
        // Forced GB18030 on plain ASCII reads the same text.
        assert_eq!(
            opened(b"a,b\n", Some(Encoding::Gb18030)).unwrap(),
            (Encoding::Gb18030, "a,b\n".to_string())
        );
    }

    #[test]
    fn detects_big5() {
        let text = "日期,金額,捐款人,用途\n2022-03-01,1000,陳大文,助學金\n\
                    2022-03-02,500,黃美玲,扶貧濟困\n";
        let (big5, _, bad) = encoding_rs::BIG5.encode(text);
        assert!(!bad);
        assert_eq!(
            opened(&big5, None).unwrap(),
            (Encoding::Big5, text.to_string())
        );
    }

    #[test]
    fn reads_utf16_by_its_bom() {
        let text = "日期\t金额\n2022-03-01\t100\n";
        let mut le = UTF16LE_BOM.to_vec();
        let mut be = UTF16BE_BOM.to_vec();
        for unit in text.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(
            opened(&le, None).unwrap(),
            (Encoding::Utf16Le, text.to_string())
        );
        assert_eq!(
            opened(&be, None).unwrap(),
            (Encoding::Utf16Be, text.to_string())
        );
    }

    #[test]
    fn one_stray_latin1_byte_is_refused_not_guessed() {
        let mut bytes = "name,amount\nJos".as_bytes().to_vec();
        bytes.push(0xE9); // é in Latin-1
        bytes.extend_from_slice(b",100\n");
        let message = refusal(&bytes, None);
        assert!(message.contains("NotUtf8NorGuessed"), "{message}");
        assert!(message.contains("line: 2, byte: 15"), "{message}");
    }

    #[test]
    fn a_forced_encoding_is_checked_too() {
        let message = refusal("a,b\n愛,1\n".as_bytes(), Some(Encoding::Big5));
        assert!(message.contains("NotInEncoding"), "{message}");
        assert!(message.contains("encoding: \"Big5\""), "{message}");
        let message = refusal(b"a,b\n\xE9,1\n", Some(Encoding::Utf8));
        assert!(message.contains("line: 2, byte: 4"), "{message}");
        assert!(message.contains("encoding: \"UTF-8\""), "{message}");
    }

    #[test]
    fn a_replacement_character_is_refused_in_any_encoding() {
        let message = refusal("a,b\nx,1\n\u{FFFD}\u{FFFD},2\n".as_bytes(), None);
        assert!(
            message.contains("line: 3, byte: 0, replacement: true"),
            "{message}"
        );
        let (gb, _, _) = encoding_rs::GB18030.encode("a,b\n\u{FFFD},1\n");
        let message = refusal(&gb, Some(Encoding::Gb18030));
        assert!(
            message.contains("line: 2, byte: 0, replacement: true"),
            "{message}"
        );
    }

    #[test]
    fn a_character_across_the_read_chunk_is_still_utf8() {
        let mut text = "a".repeat(READ_CHUNK_BYTES - 1);
        text.push('愛');
        text.push('\n');
        assert_eq!(opened(text.as_bytes(), None).unwrap().1, text);
    }
}
