//! Dates as people type them: strictly `YYYY-MM-DD`.

use crate::error::{Error, Field, Result};
use chrono::NaiveDate;

pub fn parse_date(field: impl Into<Field>, text: &str) -> Result<NaiveDate> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let number = |range: std::ops::Range<usize>| {
        text.as_bytes()[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let date = well_formed
        .then(|| NaiveDate::from_ymd_opt(number(0..4) as i32, number(5..7), number(8..10)))
        .flatten();
    date.filter(|d| (1900..=9998).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| {
            Error::input_in(
                field,
                format!(
                    "{{field}} {text:?} is not a date; write it as YYYY-MM-DD, e.g. 2022-03-01"
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict() {
        assert!(parse_date(crate::error::Field::Date, "2022-03-01").is_ok());
        for bad in [
            "2022-3-1",
            "2022/03/01",
            "2022-02-30",
            "22-03-01",
            " 2022-03-01",
            "20220301",
        ] {
            assert!(parse_date(crate::error::Field::Date, bad).is_err(), "{bad}");
        }
    }
}

/// `YYYY-MM-DD`, as stored and hashed; faster than chrono's strftime on hot paths.
pub fn iso(date: NaiveDate) -> String {
    use chrono::Datelike;
    let mut out = String::with_capacity(10);
    let year = date.year().clamp(0, 9999) as u32;
    for digit in [year / 1000, year / 100 % 10, year / 10 % 10, year % 10] {
        out.push(char::from(b'0' + digit as u8));
    }
    for part in [date.month(), date.day()] {
        out.push('-');
        out.push(char::from(b'0' + (part / 10) as u8));
        out.push(char::from(b'0' + (part % 10) as u8));
    }
    out
}

#[cfg(test)]
mod iso_tests {
    #[test]
    fn iso_matches_chrono() {
        let d = chrono::NaiveDate::from_ymd_opt(2022, 3, 9).unwrap();
        assert_eq!(super::iso(d), "2022-03-09");
        assert_eq!(super::iso(d), d.format("%Y-%m-%d").to_string());
    }
}
