//! Money: CNY as integer fen. Parsing is strict (DESIGN.md "Money"): digits, an
//! optional '.', at most two decimals, at most 13 integer digits — nothing else, so
//! `10.005`, `1e5`, `1_000`, `NaN` and `1,000.00` are refused rather than guessed at.
//! Arithmetic is checked; formatting gives `293,300.00` and `¥293,300.00`.
//! Not here: the Chinese uppercase form (see `daxie`).

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The most integer digits an amount may have (9,999,999,999,999.99 yuan).
pub const AMOUNT_INTEGER_DIGITS_MAX: usize = 13;
/// The largest magnitude in fen an amount may have.
pub const AMOUNT_FEN_MAX: i64 = 999_999_999_999_999;

/// An amount of CNY in fen (分). Signed: postings are debit-positive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

/// Why an amount was refused; the caller adds the field name (and CSV line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    Syntax,
    TooManyDecimals,
    TooLarge,
    NotPositive,
}

/// A total a report cannot hold, named.
fn too_large(what: &str) -> crate::Error {
    crate::Error::verify(crate::error::message::LedgerMessage::TotalTooLarge {
        what: what.to_string(),
    })
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AmountError::Empty => "is empty; write an amount such as 5000.00",
            AmountError::Syntax => {
                "is not an amount; write digits with an optional '.' and at most two decimals, \
                 without commas, spaces, exponents or underscores, e.g. 5000.00"
            }
            AmountError::TooManyDecimals => "has more than two decimals; amounts are in fen (0.01)",
            AmountError::TooLarge => "has more than 13 integer digits",
            AmountError::NotPositive => "must be greater than zero",
        })
    }
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_fen(fen: i64) -> Money {
        Money(fen)
    }

    pub fn fen(self) -> i64 {
        self.0
    }

    /// Parses a positive amount, as typed for a donation, disbursement or import.
    pub fn parse_positive(text: &str) -> Result<Money, AmountError> {
        if text.starts_with('-') || text.starts_with('+') {
            return Err(AmountError::NotPositive);
        }
        let money = Money::parse_unsigned(text)?;
        if money.0 == 0 {
            return Err(AmountError::NotPositive);
        }
        Ok(money)
    }

    /// Parses a positive amount read from a file (a sheet, statement or bill) or given
    /// as `--closing-balance`: the strict grammar, after an optional `¥`/`￥` before and
    /// `元` after, and `,` grouping of exactly three digits (`3,000.00`, `¥3,000.00`,
    /// `3000元`). A misplaced comma (`30,00`) is still refused, not read as 3000.
    pub fn parse_file_positive(text: &str) -> Result<Money, AmountError> {
        Money::parse_positive(&Money::ungrouped(text)?)
    }

    /// Parses a signed amount read from a file (a bank statement's amount or balance)
    /// or given as `--closing-balance`: `parse_file_positive`'s grammar with an
    /// optional `-` (or `+`) before the currency sign or the digits (`-1,000.00`,
    /// `-¥12.50`, `+500.00`); zero is allowed (a balance may be nil).
    pub fn parse_file_signed(text: &str) -> Result<Money, AmountError> {
        let text = text.trim();
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let plain = Money::ungrouped(rest)?;
        if plain.starts_with(['-', '+']) {
            return Err(AmountError::Syntax);
        }
        let money = Money::parse_unsigned(&plain)?;
        Ok(if negative { Money(-money.0) } else { money })
    }

    /// `text` without its currency sign, `元` and thousands separators.
    fn ungrouped(text: &str) -> Result<String, AmountError> {
        let text = text.trim();
        let text = text.strip_prefix(['¥', '￥']).map_or(text, str::trim_start);
        let text = text.strip_suffix('元').map_or(text, str::trim_end);
        if !text.contains(',') {
            return Ok(text.to_string());
        }
        let (integer, fraction) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        let mut groups = integer.split(',');
        let first = groups.next().unwrap_or_default();
        let grouped = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
        if !grouped {
            return Err(AmountError::Syntax);
        }
        let mut plain = integer.replace(',', "");
        if let Some(f) = fraction {
            plain.push('.');
            plain.push_str(f);
        }
        Ok(plain)
    }

    /// Parses a signed amount (a posting or a bank statement line): the positive
    /// grammar with an optional leading '-'.
    pub fn parse_signed(text: &str) -> Result<Money, AmountError> {
        match text.strip_prefix('-') {
            Some(rest) => Money::parse_unsigned(rest).map(|m| Money(-m.0)),
            None => Money::parse_unsigned(text),
        }
    }

    fn parse_unsigned(text: &str) -> Result<Money, AmountError> {
        if text.is_empty() {
            return Err(AmountError::Empty);
        }
        let (integer, fraction) = match text.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (text, None),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if integer.is_empty() || !all_digits(integer) {
            return Err(AmountError::Syntax);
        }
        if let Some(f) = fraction {
            if f.is_empty() || !all_digits(f) {
                return Err(AmountError::Syntax);
            }
            if f.len() > 2 {
                return Err(AmountError::TooManyDecimals);
            }
        }
        if integer.trim_start_matches('0').len() > AMOUNT_INTEGER_DIGITS_MAX {
            return Err(AmountError::TooLarge);
        }
        // The grammar is checked above; Decimal does the exact conversion.
        let decimal = Decimal::from_str(text).map_err(|_| AmountError::Syntax)?;
        let fen = (decimal * Decimal::ONE_HUNDRED)
            .normalize()
            .mantissa_and_scale_i64()
            .ok_or(AmountError::TooLarge)?;
        Ok(Money(fen))
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0
            .checked_add(other.0)
            .filter(|f| f.unsigned_abs() <= (i64::MAX / 2) as u64)
            .map(Money)
    }

    /// The sum of `amounts`, or None where a partial sum leaves the checked range.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Money>) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |sum, amount| sum.checked_add(amount))
    }

    /// The sum of `amounts` as a report needs it: an error naming the total where it
    /// cannot be held, never a wrapped or panicking sum.
    pub fn total(what: &str, amounts: impl IntoIterator<Item = Money>) -> crate::Result<Money> {
        Money::checked_sum(amounts).ok_or_else(|| too_large(what))
    }

    /// A sum kept in i128 (which no ledger can overflow) back as an amount, or the
    /// error `total` gives where it cannot be held.
    pub fn from_wide(what: &str, fen: i128) -> crate::Result<Money> {
        i64::try_from(fen)
            .ok()
            .and_then(|fen| Money::checked_sum([Money(fen)]))
            .ok_or_else(|| too_large(what))
    }

    /// The amount in fen, widened for sums that add many amounts.
    pub fn wide(self) -> i128 {
        i128::from(self.0)
    }

    /// `self + other` as a report needs it (see `total`).
    pub fn plus(self, what: &str, other: Money) -> crate::Result<Money> {
        Money::total(what, [self, other])
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    pub fn checked_neg(self) -> Option<Money> {
        self.0.checked_neg().map(Money)
    }

    pub fn abs(self) -> Money {
        Money(self.0.abs())
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// `293300.00`: the plain form used in JSON and CSV.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// `293,300.00`: grouped for reading.
    pub fn grouped(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let digits = (abs / 100).to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}{grouped}.{:02}", abs % 100)
    }

    /// `¥293,300.00`.
    pub fn yuan(self) -> String {
        if self.0 < 0 {
            format!("-¥{}", Money(-self.0).grouped())
        } else {
            format!("¥{}", self.grouped())
        }
    }
}

trait MantissaScale {
    fn mantissa_and_scale_i64(self) -> Option<i64>;
}

impl MantissaScale for Decimal {
    /// The value as an integer, if it has no fractional part and fits an i64.
    fn mantissa_and_scale_i64(self) -> Option<i64> {
        if self.scale() != 0 {
            return None;
        }
        i64::try_from(self.mantissa()).ok()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

/// JSON amounts are strings with exactly two decimals, never floats.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.plain())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_amounts_as_files_write_them() {
        for (text, fen) in [
            ("3,000.00", 300_000),
            ("¥3,000.00", 300_000),
            ("￥3,000.00", 300_000),
            ("¥ 3,000.00", 300_000),
            ("3000元", 300_000),
            ("1,234,567.8", 123_456_780),
            ("5000", 500_000),
        ] {
            assert_eq!(
                Money::parse_file_positive(text).unwrap().fen(),
                fen,
                "{text}"
            );
        }
        for (text, error) in [
            ("30,00", AmountError::Syntax),
            ("3,0000.00", AmountError::Syntax),
            (",300", AmountError::Syntax),
            ("3,000.005", AmountError::TooManyDecimals),
            ("-3,000.00", AmountError::NotPositive),
            ("¥-5", AmountError::NotPositive),
            ("1e5", AmountError::Syntax),
            ("$5", AmountError::Syntax),
        ] {
            assert_eq!(Money::parse_file_positive(text), Err(error), "{text}");
        }
        assert_eq!(Money::parse_positive("3,000.00"), Err(AmountError::Syntax));
    }

    #[test]
    fn parses_signed_amounts_as_bank_files_write_them() {
        for (text, fen) in [
            ("64,207.35", 6_420_735),
            ("-1,000.00", -100_000),
            ("+500.00", 50_000),
            ("-¥12.50", -1_250),
            (" 0.00 ", 0),
            ("5000元", 500_000),
        ] {
            assert_eq!(Money::parse_file_signed(text), Ok(Money(fen)), "{text}");
        }
        for bad in ["", "-", "--5", "¥-5", "+-5", "30,00", "1e5", "1.005"] {
            assert!(Money::parse_file_signed(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_strict_amounts() {
        assert_eq!(Money::parse_positive("5000").unwrap().fen(), 500_000);
        assert_eq!(Money::parse_positive("5000.5").unwrap().fen(), 500_050);
        assert_eq!(Money::parse_positive("0.01").unwrap().fen(), 1);
        assert_eq!(
            Money::parse_positive("9999999999999.99").unwrap().fen(),
            AMOUNT_FEN_MAX
        );
        assert_eq!(Money::parse_signed("-12.30").unwrap().fen(), -1230);
    }

    #[test]
    fn refuses_what_design_md_lists() {
        use AmountError::*;
        let cases = [
            ("10.005", TooManyDecimals),
            ("1e5", Syntax),
            ("1_000", Syntax),
            ("-5", NotPositive),
            ("NaN", Syntax),
            ("1,000.00", Syntax),
            ("", Empty),
            ("0", NotPositive),
            ("0.00", NotPositive),
            (" 5", Syntax),
            ("5.", Syntax),
            (".5", Syntax),
            ("+5", NotPositive),
            ("10000000000000", TooLarge),
            ("５", Syntax),
        ];
        for (text, want) in cases {
            assert_eq!(Money::parse_positive(text), Err(want), "{text:?}");
        }
        assert_eq!(Money::parse_signed("--5"), Err(Syntax));
        assert_eq!(Money::parse_signed("-"), Err(Empty));
    }

    #[test]
    fn a_checked_sum_refuses_what_it_cannot_hold() {
        let big = Money::from_fen(i64::MAX / 4 + 1);
        assert_eq!(
            Money::checked_sum([Money::from_fen(1), Money::from_fen(2)]),
            Some(Money::from_fen(3))
        );
        assert_eq!(Money::checked_sum([]), Some(Money::ZERO));
        assert_eq!(Money::checked_sum([big, big]), None);
        let e = Money::total("year's total", [big, big]).unwrap_err();
        assert!(
            e.to_string()
                .contains("TotalTooLarge { what: \"year's total\" }"),
            "{e}"
        );
    }

    #[test]
    fn checked_add_never_panics() {
        // Regression: i64::MIN has no absolute value; the range check must not panic.
        let min = Money::from_fen(i64::MIN / 2 - 1);
        assert_eq!(min.checked_add(Money::from_fen(i64::MIN / 2 + 1)), None);
        assert_eq!(Money::from_fen(i64::MIN).checked_add(Money::ZERO), None);
    }

    #[test]
    fn formats() {
        let m = Money::from_fen(29_330_000);
        assert_eq!(m.grouped(), "293,300.00");
        assert_eq!(m.yuan(), "¥293,300.00");
        assert_eq!(m.plain(), "293300.00");
        assert_eq!(Money::from_fen(-5).plain(), "-0.05");
        assert_eq!(Money::from_fen(-12_345_678).grouped(), "-123,456.78");
        assert_eq!(Money::from_fen(99_900).grouped(), "999.00");
        assert_eq!(Money::from_fen(100_000).grouped(), "1,000.00");
    }
}
