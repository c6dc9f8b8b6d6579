//! Turning a CSV file's bytes into UTF-8 text: in the encoding the user named, or
//! else UTF-8 when the bytes are valid UTF-8 and GB18030 (which covers GBK, as Excel
//! writes it on a Chinese system) when not. A UTF-8 BOM is skipped. Not here: what a
//! bad byte means for a line (the csv reader reports it by line, see `source`).

use crate::error::{Error, Result};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// How much of the file is checked for UTF-8 at a time, so a large file is not
/// held whole.
const UTF8_CHECK_CHUNK_BYTES: usize = 1 << 20;
/// The read buffer in front of the decoder.
const READ_BUFFER_BYTES: usize = 1 << 16;
/// The UTF-8 byte order mark, which Excel writes first.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

fn cannot_read(path: &Path, e: std::io::Error) -> Error {
    Error::io(format!("cannot read {}", path.display()), e)
}

/// Whether the file is valid UTF-8, read in chunks.
fn is_utf8(path: &Path) -> Result<bool> {
    let mut file = std::fs::File::open(path).map_err(|e| cannot_read(path, e))?;
    let mut buffer = vec![0u8; UTF8_CHECK_CHUNK_BYTES];
    let mut carry = 0usize;
    loop {
        let n = file
            .read(&mut buffer[carry..])
            .map_err(|e| cannot_read(path, e))?;
        if n == 0 {
            return Ok(carry == 0);
        }
        let filled = carry + n;
        match std::str::from_utf8(&buffer[..filled]) {
            Ok(_) => carry = 0,
            // A character cut at the chunk's end: keep its bytes for the next read.
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                buffer.copy_within(valid..filled, 0);
                carry = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// Opens a CSV file as UTF-8 text in the encoding given, or the one detected.
pub fn open_text(path: &Path, encoding: Option<Encoding>) -> Result<(Encoding, Box<dyn Read>)> {
    let encoding = match encoding {
        Some(e) => e,
        None if is_utf8(path)? => Encoding::Utf8,
        None => Encoding::Gb18030,
    };
    let file = std::fs::File::open(path).map_err(|e| cannot_read(path, e))?;
    let mut buffered = BufReader::with_capacity(READ_BUFFER_BYTES, file);
    let starts_with_bom = buffered
        .fill_buf()
        .map_err(|e| cannot_read(path, e))?
        .starts_with(UTF8_BOM);
    if starts_with_bom {
        buffered.consume(UTF8_BOM.len());
    }
    let decoder: Box<dyn Read> = match encoding {
        Encoding::Utf8 => Box::new(buffered),
        // The BOM sniffing is off: the encoding is decided above, once.
        Encoding::Gb18030 => Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding_rs::GB18030))
                .bom_sniffing(false)
                .build(buffered),
        ),
    };
    Ok((encoding, decoder))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened(bytes: &[u8], encoding: Option<Encoding>) -> (Encoding, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file.csv");
        std::fs::write(&path, bytes).unwrap();
        let (found, mut text) = open_text(&path, encoding).unwrap();
        let mut out = String::new();
        text.read_to_string(&mut out).unwrap();
        (found, out)
    }

    #[test]
    fn detects_utf8_skips_the_bom_and_falls_back_to_gb18030() {
        assert_eq!(
            opened("\u{feff}日期,金額\n".as_bytes(), None),
            (Encoding::Utf8, "日期,金額\n".to_string())
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("日期,金额\n");
        assert_eq!(
            opened(&gbk, None),
            (Encoding::Gb18030, "日期,金额\n".to_string())
        );
        // Forced GB18030 on plain ASCII reads the same text.
        assert_eq!(
            opened(b"a,b\n", Some(Encoding::Gb18030)),
            (Encoding::Gb18030, "a,b\n".to_string())
        );
    }

    #[test]
    fn a_character_across_the_check_chunk_is_still_utf8() {
        let mut text = "a".repeat(UTF8_CHECK_CHUNK_BYTES - 1);
        text.push('愛');
        assert_eq!(opened(text.as_bytes(), None).0, Encoding::Utf8);
    }
}
