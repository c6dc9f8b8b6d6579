//! The sentences of signed receipts (issue 16 §3): checking a receipt's payload or
//! PDF with the fund's public keys, the keys themselves, and the list of voided
//! receipts that `publish` writes.

use super::Quoted;
use serde::Serialize;

/// A field of a receipt that its PDF prints and its payload signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrintedField {
    Number,
    Date,
    Amount,
    AmountWords,
    Fund,
    Donor,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignMessage {
    /// Neither a payload, a verification address with one, nor a PDF file.
    NotAPayload { text: Quoted },
    /// A PDF without a payload in its metadata.
    PdfWithoutPayload { path: String },
    /// A file that is not a PDF lovefund can read.
    NotAPdf { path: String, detail: String },
    /// Signed by a key that is not among the keys given.
    UnknownKey { key_id: String, keys: Vec<String> },
    /// The signature does not match what the payload says.
    Forged { number: String },
    /// The PDF prints something other than the payload signs.
    PrintedDiffers {
        number: String,
        printed_field: PrintedField,
        signed: String,
    },
    /// Genuine, but void.
    Voided { number: String },
    /// Not a public key: 64 hex digits.
    NotAPublicKey { text: Quoted },
    /// A key file holding no key.
    NoKeysInFile { path: String },
    /// A line of a voided list that is not a receipt number.
    NotAVoidedList { path: String, line: u64 },
    /// This file holds no signing secret (a backup made without the key).
    NoSigningSecret,
    /// `key rotate` without a reason.
    RotateNeedsReason,
    /// A file too large to be a receipt.
    TooLarge { path: String, mib: u64 },
}
