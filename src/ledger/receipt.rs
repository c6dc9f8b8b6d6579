//! Receipt numbers and verification codes. A number is `YYYY-NNNNNN`, gap-free per
//! year of the donation date. The verification code printed on a receipt is a short
//! hash of the donation entry's chain hash and the receipt number, so a reissued
//! receipt has its own code and a code cannot be made without the ledger.

use crate::error::message::LedgerMessage;
use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReceiptNumber {
    pub year: i32,
    pub seq: i64,
}

impl ReceiptNumber {
    /// Parses `2022-000123` (the sequence may be given without its leading zeros).
    pub fn parse(text: &str) -> Result<ReceiptNumber> {
        let bad = || Error::input(LedgerMessage::NotAReceiptNumber { text: text.into() });
        let (year, seq) = text.trim().split_once('-').ok_or_else(bad)?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year) || !digits(seq) {
            return Err(bad());
        }
        let number = ReceiptNumber {
            year: year.parse().map_err(|_| bad())?,
            seq: seq.parse().map_err(|_| bad())?,
        };
        if number.seq == 0 {
            return Err(bad());
        }
        Ok(number)
    }
}

impl fmt::Display for ReceiptNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:06}", self.year, self.seq)
    }
}

/// `A1B2-C3D4-E5F6`: 48 bits of SHA-256(tag ‖ entry hash ‖ receipt number).
pub fn verification_code(entry_hash: &[u8], number: ReceiptNumber) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"lovefund-receipt-v1");
    hasher.update(entry_hash);
    hasher.update(number.to_string().as_bytes());
    let digest = hex::encode_upper(&hasher.finalize()[..6]);
    format!("{}-{}-{}", &digest[..4], &digest[4..8], &digest[8..12])
}

/// A code as a person types it: case, spaces and dashes do not matter.
pub fn normalize_code(text: &str) -> Result<String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.len() != 12 || !compact.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Error::input(LedgerMessage::NotAVerificationCode {
            text: text.into(),
        }));
    }
    Ok(format!(
        "{}-{}-{}",
        &compact[..4],
        &compact[4..8],
        &compact[8..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_codes() {
        let n = ReceiptNumber::parse("2022-000123").unwrap();
        assert_eq!(n.to_string(), "2022-000123");
        assert_eq!(ReceiptNumber::parse("2022-123").unwrap(), n);
        for bad in [
            "2022", "22-1", "2022-0", "2022-x1", "../../x", "2022-1-1", "2022-",
        ] {
            assert!(ReceiptNumber::parse(bad).is_err(), "{bad}");
        }
        let code = verification_code(&[7; 32], n);
        assert_eq!(code.len(), 14);
        assert_ne!(
            code,
            verification_code(
                &[7; 32],
                ReceiptNumber {
                    year: 2022,
                    seq: 124
                }
            )
        );
        assert_eq!(
            normalize_code(&code.to_lowercase().replace('-', " ")).unwrap(),
            code
        );
        assert!(normalize_code("XYZ").is_err());
    }
}
