//! The sentences of reading files (src/input/): encodings, columns, lines.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputMessage {
    /// A line the CSV reader could not decode.
    LineNotText,
    /// A line the CSV reader could not read; `detail` is the reader's own words.
    LineNotCsv { detail: String },
    /// A line that failed for a reason outside lovefund (`detail`: SQLite's or the
    /// OS's words).
    LineFailed { detail: String },
    /// The header line could not be decoded.
    HeaderNotText,
    /// The header line could not be read as CSV.
    HeaderNotCsv { detail: String },
    /// The start of the file could not be read.
    HeaderUnreadable { detail: String },
    /// A workbook calamine could not open or read; `detail` is its reason.
    WorkbookUnreadable { detail: String },
    /// A workbook without a sheet.
    WorkbookEmpty,
    /// The file is not text in the encoding forced or named by its byte order mark.
    NotInEncoding {
        path: String,
        flaw: TextFlaw,
        encoding: String,
    },
    /// UTF-8 holding U+FFFD: text already lost.
    LostText { path: String, flaw: TextFlaw },
    /// Not UTF-8, and no Chinese encoding fits either.
    NotUtf8NorGuessed {
        path: String,
        flaw: TextFlaw,
        guess: String,
    },
    /// Not UTF-8, and not the encoding it looks like.
    NotUtf8NorDetected {
        path: String,
        utf8_flaw: TextFlaw,
        flaw: TextFlaw,
        encoding: String,
    },
}

/// Where a file stops being text: its line and byte, or the line holding U+FFFD.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TextFlaw {
    pub line: u64,
    pub byte: u64,
    pub replacement: bool,
}

/// What is wrong with an amount read from a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmountFault {
    Empty,
    Syntax,
    TooManyDecimals,
    TooLarge,
    NotPositive,
}
