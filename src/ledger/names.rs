//! How a typed text finds a donor or beneficiary by name (issue 16, §1): any part of
//! the current name (one character will do), or pinyin initials (zs → 张三 and 張三),
//! where a character with several readings matches by any of them (重 is z or c). The
//! store decides the order (an exact id or name first); this says only whether one
//! name matches.
//!
//! Why computed here and not in SQL: SQLite knows no pinyin, and a table of initials
//! would have to follow every edit; the readings come from the `pinyin` crate
//! (mozillazg/rust-pinyin, the Unicode Han database's kMandarin and more), which
//! covers Traditional and Simplified characters alike.

use pinyin::ToPinyinMulti;

/// The longest query read as pinyin initials: one letter per character of a name.
pub const INITIALS_LENGTH_MAX: usize = 32;

/// Whether `query` is any part of `name` (letters compared without case).
pub fn name_contains(name: &str, query: &str) -> bool {
    if query.is_empty() {
        return false;
    }
    if query.is_ascii() {
        return name.to_lowercase().contains(&query.to_lowercase());
    }
    name.contains(query)
}

/// Whether `query` reads as pinyin initials: 1 to `INITIALS_LENGTH_MAX` ASCII letters.
pub fn is_initials(query: &str) -> bool {
    (1..=INITIALS_LENGTH_MAX).contains(&query.len())
        && query.bytes().all(|b| b.is_ascii_alphabetic())
}

/// The letters a character of a name may begin with: the first letter of each of its
/// readings for a Chinese character, the letter itself (lower case) for a Latin one,
/// none for anything else (a space, a dot, a digit).
fn initial_letters(c: char) -> Vec<u8> {
    if c.is_ascii_alphabetic() {
        return vec![c.to_ascii_lowercase() as u8];
    }
    let Some(readings) = c.to_pinyin_multi() else {
        return Vec::new();
    };
    let mut letters: Vec<u8> = readings
        .into_iter()
        .filter_map(|p| p.first_letter().bytes().next())
        .collect();
    letters.sort_unstable();
    letters.dedup();
    letters
}

/// Whether `query` (see `is_initials`) is the pinyin initials of a run of
/// consecutive characters of `name`, each character matching by any of its readings:
/// zs matches 张三, 張三豐 and 小张三; cq matches 重庆 (重 read chóng) and zq (zhòng)
/// too. Characters without letters (spaces, dots) are skipped.
pub fn initials_match(name: &str, query: &str) -> bool {
    if !is_initials(query) {
        return false;
    }
    let query: Vec<u8> = query.bytes().map(|b| b.to_ascii_lowercase()).collect();
    let letters: Vec<Vec<u8>> = name
        .chars()
        .map(initial_letters)
        .filter(|l| !l.is_empty())
        .collect();
    if letters.len() < query.len() {
        return false;
    }
    letters.windows(query.len()).any(|run| {
        run.iter()
            .zip(&query)
            .all(|(choices, wanted)| choices.contains(wanted))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_match_both_scripts_and_every_reading() {
        assert!(initials_match("张三", "zs"));
        assert!(initials_match("張三", "zs"));
        assert!(initials_match("張三", "ZS"));
        assert!(initials_match("张三丰", "zs"));
        assert!(initials_match("张三丰", "sf"));
        assert!(initials_match("欧阳明", "oym"));
        // 重 reads chóng and zhòng; 单 reads dān, shàn and chán.
        assert!(initials_match("重庆", "cq"));
        assert!(initials_match("重庆", "zq"));
        assert!(initials_match("单田", "st"));
        assert!(initials_match("单田", "dt"));
        assert!(!initials_match("张三", "ls"));
        assert!(!initials_match("张三", "zsf"));
        assert!(!initials_match("张三", "z s"));
        assert!(!initials_match("张三", ""));
        // Latin names take their letters as they are; spaces are skipped.
        assert!(initials_match("Zhang San", "zh"));
    }

    #[test]
    fn any_part_of_a_name_matches() {
        assert!(name_contains("张三丰", "三"));
        assert!(name_contains("张三丰", "三丰"));
        assert!(name_contains("Zhang San", "zhang"));
        assert!(!name_contains("张三丰", "張"));
        assert!(!name_contains("张三丰", ""));
    }
}
