//! Chinese uppercase (大寫) amounts for receipts: 293,300.00 yuan becomes
//! 人民幣貳拾玖萬叁仟叁佰元整 (or 人民币贰拾玖万叁仟叁佰元整 in simplified script).
//!
//! Where the PBOC bill-filling rules allow two forms, the conventions are those of
//! `tests/data/daxie.tsv`: 零 as in reading a Chinese number aloud (107,000 → 壹拾萬柒仟,
//! 10,005 → 壹萬零伍, 100,005,000 → 壹億零伍仟); 壹拾 always; 元零X分 when 角 is 0;
//! no 零 between 元 and 角; 整 after 元 and 角, never after 分; no 元 below one yuan;
//! 0 is 零元整.
//!
//! Not here: parsing or formatting figures (see `money`), or the currency sign.

/// The largest amount in fen that can be written: 13 integer digits (萬億).
pub const DAXIE_FEN_MAX: i64 = 999_999_999_999_999;

/// Which Chinese script to write the amount in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Traditional,
    Simplified,
}

/// The characters that differ between the two scripts.
struct Glyphs {
    prefix: &'static str,
    digits: [char; 10],
    /// Units of the four-digit sections: 萬 (10^4), 億 (10^8), 萬億 (10^12).
    section_units: [&'static str; 3],
}

const TRADITIONAL: Glyphs = Glyphs {
    prefix: "人民幣",
    digits: ['零', '壹', '貳', '叁', '肆', '伍', '陸', '柒', '捌', '玖'],
    section_units: ["萬", "億", "萬億"],
};

const SIMPLIFIED: Glyphs = Glyphs {
    prefix: "人民币",
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    section_units: ["万", "亿", "万亿"],
};

/// Units of a digit inside its four-digit section, by place (10^0 … 10^3).
const PLACE_UNITS: [&str; 4] = ["", "拾", "佰", "仟"];

impl Script {
    fn glyphs(self) -> &'static Glyphs {
        match self {
            Script::Traditional => &TRADITIONAL,
            Script::Simplified => &SIMPLIFIED,
        }
    }
}

/// Writes `amount_fen` (1/100 yuan) in Chinese uppercase, e.g. "人民幣貳拾玖萬叁仟叁佰元整".
///
/// Returns `None` if the amount is negative or above [`DAXIE_FEN_MAX`]: a receipt
/// never shows a negative amount, and a larger one cannot be written with 萬億.
pub fn daxie(amount_fen: i64, script: Script) -> Option<String> {
    if !(0..=DAXIE_FEN_MAX).contains(&amount_fen) {
        return None;
    }
    let glyphs = script.glyphs();
    let mut out = String::from(glyphs.prefix);
    if amount_fen == 0 {
        out.push(glyphs.digits[0]);
        out.push_str("元整");
        return Some(out);
    }
    let yuan = amount_fen / 100;
    if yuan > 0 {
        push_yuan(&mut out, yuan, glyphs);
        out.push('元');
    }
    let jiao = (amount_fen / 10 % 10) as usize;
    let fen = (amount_fen % 10) as usize;
    push_jiao_fen(&mut out, yuan > 0, jiao, fen, glyphs);
    Some(out)
}

/// Writes a positive count of yuan, reading the digits in four-digit sections.
///
/// A run of zeros inside the number becomes one 零, but zeros that end a section
/// are silent (壹拾萬柒仟, not 壹拾萬零柒仟): a section unit clears the pending 零.
/// An all-zero section keeps it pending, so 100,005,000 gives 壹億零伍仟.
fn push_yuan(out: &mut String, yuan: i64, glyphs: &Glyphs) {
    debug_assert!(yuan > 0);
    let digits = yuan.to_string();
    let place_count = digits.len();
    let mut zero_pending = false;
    let mut section_has_digit = false;
    for (index, digit_byte) in digits.bytes().enumerate() {
        let digit = usize::from(digit_byte - b'0');
        let place = place_count - 1 - index;
        if digit == 0 {
            zero_pending = true;
        } else {
            if zero_pending {
                out.push(glyphs.digits[0]);
                zero_pending = false;
            }
            out.push(glyphs.digits[digit]);
            out.push_str(PLACE_UNITS[place % 4]);
            section_has_digit = true;
        }
        if place > 0 && place.is_multiple_of(4) {
            if section_has_digit {
                out.push_str(glyphs.section_units[place / 4 - 1]);
                zero_pending = false;
            }
            section_has_digit = false;
        }
    }
}

/// Writes the 角 and 分 (or 整) that follow the yuan, if any.
fn push_jiao_fen(out: &mut String, has_yuan: bool, jiao: usize, fen: usize, glyphs: &Glyphs) {
    if jiao > 0 {
        out.push(glyphs.digits[jiao]);
        out.push('角');
    } else if fen > 0 && has_yuan {
        out.push(glyphs.digits[0]);
    }
    if fen > 0 {
        out.push(glyphs.digits[fen]);
        out.push('分');
    } else {
        out.push('整');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VECTORS: &str = include_str!("../../tests/data/daxie.tsv");

    /// Turns "1409.50" (or "1409", "0.5") into fen without going through floats.
    fn fen_from_decimal_text(text: &str) -> i64 {
        let (integer, fraction) = text.split_once('.').unwrap_or((text, ""));
        assert!(fraction.len() <= 2, "more than two decimals in {text:?}");
        let fraction = format!("{fraction:0<2}");
        let digits = format!("{integer}{fraction}");
        assert!(
            digits.bytes().all(|b| b.is_ascii_digit()),
            "not an amount: {text:?}"
        );
        digits.parse().expect("amount fits in i64")
    }

    #[test]
    fn every_vector_in_both_scripts() {
        let mut count = 0;
        for line in VECTORS.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "bad vector line {line:?}");
            let amount_fen = fen_from_decimal_text(fields[0]);
            let traditional = daxie(amount_fen, Script::Traditional);
            let simplified = daxie(amount_fen, Script::Simplified);
            assert_eq!(
                traditional.as_deref(),
                Some(fields[1]),
                "zh-Hant {}",
                fields[0]
            );
            assert_eq!(
                simplified.as_deref(),
                Some(fields[2]),
                "zh-Hans {}",
                fields[0]
            );
            count += 1;
        }
        assert!(count >= 40, "only {count} vectors read");
    }

    #[test]
    fn decimal_text_to_fen() {
        assert_eq!(fen_from_decimal_text("0.01"), 1);
        assert_eq!(fen_from_decimal_text("0.5"), 50);
        assert_eq!(fen_from_decimal_text("1409"), 140_900);
        assert_eq!(fen_from_decimal_text("9999999999999.99"), DAXIE_FEN_MAX);
    }

    #[test]
    fn negative_is_refused() {
        assert_eq!(daxie(-1, Script::Traditional), None);
        assert_eq!(daxie(-500_000, Script::Simplified), None);
        assert_eq!(daxie(i64::MIN, Script::Traditional), None);
    }

    #[test]
    fn more_than_thirteen_integer_digits_is_refused() {
        assert_eq!(daxie(DAXIE_FEN_MAX + 1, Script::Traditional), None);
        assert_eq!(daxie(i64::MAX, Script::Simplified), None);
        assert!(daxie(DAXIE_FEN_MAX, Script::Simplified).is_some());
    }

    #[test]
    fn zeros_across_sections() {
        let write = |yuan: i64| daxie(yuan * 100, Script::Traditional).unwrap();
        assert_eq!(write(1_000_000_000_000), "人民幣壹萬億元整");
        assert_eq!(write(1_000_000_010_000), "人民幣壹萬億零壹萬元整");
        assert_eq!(write(1_000_000_000_001), "人民幣壹萬億零壹元整");
        assert_eq!(write(1_010_000_000_000), "人民幣壹萬億零壹佰億元整");
        assert_eq!(write(20), "人民幣貳拾元整");
    }

    #[test]
    fn simplified_section_units() {
        let write = |yuan: i64| daxie(yuan * 100, Script::Simplified).unwrap();
        assert_eq!(write(260_000_000), "人民币贰亿陆仟万元整");
        assert_eq!(write(3_000_000_000_000), "人民币叁万亿元整");
    }
}
