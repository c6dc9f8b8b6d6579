//! The amount parser on arbitrary text: it never panics, never accepts what the
//! grammar refuses, and what it accepts is exactly the amount written (checked
//! against a digit-by-digit reading), survives a round trip through its plain form
//! and can be written in Chinese uppercase.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lovefund::ledger::daxie::{Script, daxie};
use lovefund::ledger::money::{AMOUNT_FEN_MAX, AMOUNT_INTEGER_DIGITS_MAX, Money};

/// The grammar of DESIGN.md "Money" read by hand: Some(fen) for a well-formed
/// unsigned amount of at most 13 integer digits, None otherwise.
fn reference_fen(text: &str) -> Option<i64> {
    let (integer, fraction) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(integer) || fraction.is_some_and(|f| !digits(f) || f.len() > 2) {
        return None;
    }
    let integer = integer.trim_start_matches('0');
    if integer.len() > AMOUNT_INTEGER_DIGITS_MAX {
        return None;
    }
    let mut fen: i64 = 0;
    for b in integer.bytes() {
        fen = fen * 10 + i64::from(b - b'0');
    }
    let fraction = fraction.unwrap_or("");
    let mut cents = 0;
    for (i, b) in fraction.bytes().enumerate() {
        cents += i64::from(b - b'0') * if i == 0 { 10 } else { 1 };
    }
    Some(fen * 100 + cents)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let signed = Money::parse_signed(text);
    let positive = Money::parse_positive(text);
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let expected = reference_fen(unsigned).map(|fen| if negative { -fen } else { fen });
    assert_eq!(signed.as_ref().ok().map(|m| m.fen()), expected, "{text:?}");
    if let Ok(money) = positive {
        assert!(money.fen() > 0, "{text:?}");
        assert_eq!(Ok(money), signed, "{text:?}");
    } else if let Some(fen) = expected {
        assert!(negative || fen == 0, "{text:?} refused as positive");
    }
    if let Ok(money) = signed {
        assert!(money.fen().abs() <= AMOUNT_FEN_MAX, "{text:?}");
        assert_eq!(Money::parse_signed(&money.plain()), Ok(money), "{text:?}");
        let _ = (money.grouped(), money.yuan());
        for script in [Script::Traditional, Script::Simplified] {
            assert!(daxie(money.fen().abs(), script).is_some(), "{text:?}");
        }
    }
});
