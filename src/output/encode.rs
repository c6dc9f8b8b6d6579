//! The text encoding of a CSV written for a spreadsheet (issue 15, §2.4): UTF-8 with a
//! byte order mark, which Excel and WPS need to read UTF-8 as UTF-8; plain UTF-8, for
//! programs and pipes; or GBK, for an old Excel on Chinese Windows. Writing streams: a
//! million-row export is encoded as it is written, never held whole.
//!
//! GBK cannot hold every character (䶮 and 𠮷 are not in it). Such a character is never
//! replaced by a guess: the writer stops with `Unencodable`, naming the character and
//! its line, and the caller leaves the file unwritten.
//!
//! Not here: what the cells are (`csv`), or where the file goes (`Guard`).

use crate::error::message::OutputMessage;
use crate::error::{Error, Field, Result};
use std::io::{self, Write};

/// CJK Unified Ideographs Extension A.
const EXTENSION_A: std::ops::RangeInclusive<char> = '\u{3400}'..='\u{4DBF}';

/// How CSV text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutEncoding {
    /// UTF-8 after the byte order mark EF BB BF.
    Utf8Bom,
    Utf8,
    Gbk,
}

impl OutEncoding {
    /// The encoding's name as the option spells it.
    pub fn name(self) -> &'static str {
        match self {
            OutEncoding::Utf8Bom => "utf-8-bom",
            OutEncoding::Utf8 => "utf-8",
            OutEncoding::Gbk => "gbk",
        }
    }
}

/// A character the encoding cannot hold, on the given line (1-based) of the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unencodable {
    pub character: char,
    pub line: u64,
}

/// Writes UTF-8 text onto `inner` in `encoding`.
pub struct Encoded<W: Write> {
    inner: W,
    encoding: OutEncoding,
    /// Whether the byte order mark (if any) is written.
    started: bool,
    /// The start of a character whose last bytes are still to come.
    pending: Vec<u8>,
    /// Line breaks written so far.
    lines: u64,
    encoder: Option<encoding_rs::Encoder>,
    encoded: Vec<u8>,
    failure: Option<Unencodable>,
}

impl<W: Write> Encoded<W> {
    pub fn new(inner: W, encoding: OutEncoding) -> Self {
        Encoded {
            inner,
            encoding,
            started: false,
            pending: Vec::new(),
            lines: 0,
            encoder: (encoding == OutEncoding::Gbk).then(|| encoding_rs::GBK.new_encoder()),
            encoded: Vec::new(),
            failure: None,
        }
    }

    /// The character that stopped the writing, if one did.
    pub fn failure(&self) -> Option<Unencodable> {
        self.failure
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            if self.encoding == OutEncoding::Utf8Bom {
                self.inner.write_all(b"\xEF\xBB\xBF")?;
            }
        }
        Ok(())
    }

    /// Writes what is left (the byte order mark of an empty file too) and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        self.start()?;
        if !self.pending.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the output ended inside a character",
            ));
        }
        self.inner.flush()?;
        Ok(self.inner)
    }

    /// Encodes the whole characters of `text` into GBK.
    fn encode(&mut self, text: &str) -> io::Result<()> {
        if self.encoder.is_none() {
            return self.inner.write_all(text.as_bytes());
        }
        // The WHATWG encoder gives a few characters of CJK Extension A (䶮 among them)
        // the two bytes GB18030-2022 assigned them; Windows' GBK (code page 936), which
        // an old Excel reads with, has none of Extension A, so they count as missing.
        match text.char_indices().find(|(_, c)| EXTENSION_A.contains(c)) {
            None => self.encode_gbk(text),
            Some((at, character)) => {
                self.encode_gbk(&text[..at])?;
                Err(self.fail(character))
            }
        }
    }

    fn fail(&mut self, character: char) -> io::Error {
        let failure = Unencodable {
            character,
            line: self.lines + 1,
        };
        self.failure = Some(failure);
        io::Error::other(format!(
            "{character:?} on line {} is not in GBK",
            failure.line
        ))
    }

    fn encode_gbk(&mut self, text: &str) -> io::Result<()> {
        let Some(encoder) = self.encoder.as_mut() else {
            return Ok(());
        };
        let mut rest = text;
        while !rest.is_empty() {
            self.encoded.clear();
            self.encoded.reserve(rest.len() + 16);
            let (result, read) =
                encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut self.encoded, false);
            let (done, after) = rest.split_at(read);
            self.lines += memchr::memchr_iter(b'\n', done.as_bytes()).count() as u64;
            self.inner.write_all(&self.encoded)?;
            rest = after;
            match result {
                encoding_rs::EncoderResult::InputEmpty => break,
                encoding_rs::EncoderResult::OutputFull => continue,
                encoding_rs::EncoderResult::Unmappable(character) => {
                    return Err(self.fail(character));
                }
            }
        }
        Ok(())
    }
}

impl<W: Write> Write for Encoded<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.failure.is_some() {
            return Err(io::Error::other("the output stopped at a character"));
        }
        self.start()?;
        if self.encoder.is_none() {
            return self.inner.write(bytes);
        }
        // Whole characters are encoded; a character cut by the caller's buffer waits
        // in `pending` for its last bytes.
        let mut joined = std::mem::take(&mut self.pending);
        joined.extend_from_slice(bytes);
        let (text, tail) = match std::str::from_utf8(&joined) {
            Ok(text) => (text, &[][..]),
            Err(e) if e.error_len().is_none() => {
                let (head, tail) = joined.split_at(e.valid_up_to());
                // The head is valid UTF-8 up to `valid_up_to`.
                (std::str::from_utf8(head).unwrap_or_default(), tail)
            }
            Err(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the output is not UTF-8 text",
                ));
            }
        };
        let tail = tail.to_vec();
        let text = text.to_string();
        self.encode(&text)?;
        self.pending = tail;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Runs `write` onto `out` through an encoder for `encoding`. A character the
/// encoding cannot hold is refused (naming it and its line) rather than replaced; the
/// caller writing a file then leaves it unwritten.
pub fn write_encoded<T>(
    out: &mut dyn Write,
    encoding: OutEncoding,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    let mut encoded = Encoded::new(out, encoding);
    let written = write(&mut encoded);
    if let Some(failure) = encoded.failure() {
        return Err(Error::input_in(
            Field::OutEncoding,
            OutputMessage::NotEncodable {
                character: failure.character.to_string(),
                line: failure.line,
                encoding: encoding.name().to_ascii_uppercase(),
            },
        ));
    }
    let value = written?;
    encoded
        .finish()
        .map_err(|e| Error::io(crate::error::message::IoMessage::Output, e))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(encoding: OutEncoding, pieces: &[&[u8]]) -> (Vec<u8>, Option<Unencodable>) {
        let mut out = Encoded::new(Vec::new(), encoding);
        for piece in pieces {
            if out.write_all(piece).is_err() {
                return (Vec::new(), out.failure());
            }
        }
        (out.finish().unwrap(), None)
    }

    #[test]
    fn utf8_with_and_without_the_mark() {
        let (bytes, _) = written(OutEncoding::Utf8Bom, &["捐贈,1\n".as_bytes()]);
        assert_eq!(bytes, "\u{feff}捐贈,1\n".as_bytes());
        let (bytes, _) = written(OutEncoding::Utf8Bom, &[]);
        assert_eq!(bytes, b"\xEF\xBB\xBF", "an empty file still says UTF-8");
        let (bytes, _) = written(OutEncoding::Utf8, &["捐贈\n".as_bytes()]);
        assert_eq!(bytes, "捐贈\n".as_bytes());
    }

    #[test]
    fn gbk_encodes_a_character_cut_between_two_writes() {
        let text = "日期,捐赠人\n2022-03-01,张三\n".as_bytes();
        let (a, b) = text.split_at(4); // inside 期
        let (bytes, failure) = written(OutEncoding::Gbk, &[a, b]);
        assert_eq!(failure, None);
        let (decoded, _, had_errors) = encoding_rs::GBK.decode(&bytes);
        assert!(!had_errors);
        assert_eq!(decoded, "日期,捐赠人\n2022-03-01,张三\n");
    }

    #[test]
    fn a_character_gbk_lacks_stops_the_writing_naming_its_line() {
        let (_, failure) = written(OutEncoding::Gbk, &["name\n张三\n王𠮷\n".as_bytes()]);
        assert_eq!(
            failure,
            Some(Unencodable {
                character: '𠮷',
                line: 3
            })
        );
        let (_, failure) = written(OutEncoding::Gbk, &["a\n".as_bytes(), "䶮".as_bytes()]);
        assert_eq!(failure.map(|f| (f.character, f.line)), Some(('䶮', 2)));
    }
}
