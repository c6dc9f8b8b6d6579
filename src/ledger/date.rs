//! Dates as people type them: strictly `YYYY-MM-DD`; and dates as files write them
//! (`parse_file_date`: the forms Excel and WPS save a date cell in).

use crate::error::message::LedgerMessage;
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
        .ok_or_else(|| Error::input_in(field, LedgerMessage::NotADate { text: text.into() }))
}

/// A year as typed: four digits, 1900 to 9998 (the years a date may have).
pub fn parse_year(field: impl Into<Field>, text: &str) -> Result<i32> {
    let text = text.trim();
    let year = (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=9998).contains(y));
    year.ok_or_else(|| Error::input_in(field, LedgerMessage::NotAYear { text: text.into() }))
}

/// `YYYY-MM` as the first day of that month (`voucher print --month`, the vouchers page).
pub fn parse_month(field: impl Into<Field>, text: &str) -> Result<NaiveDate> {
    let t = text.trim();
    let parsed = t
        .split_once('-')
        .filter(|(y, m)| y.len() == 4 && (1..=2).contains(&m.len()))
        .and_then(|(y, m)| Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?)))
        .and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1));
    parsed.ok_or_else(|| {
        crate::error::Error::input_in(
            field,
            crate::error::message::CliMessage::NotAMonth { text: t.into() },
        )
    })
}

/// A whole number as typed: ASCII digits only, no sign (limits are the caller's).
pub fn parse_count(field: impl Into<Field>, text: &str) -> Result<i64> {
    let text = text.trim();
    let count = (!text.is_empty() && text.len() <= 9 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse::<i64>().ok())
        .flatten();
    count
        .ok_or_else(|| Error::input_in(field, LedgerMessage::NotAWholeNumber { text: text.into() }))
}

/// A date as a spreadsheet or bank file writes it: `2022-03-01`, `2022-3-1`,
/// `2022/3/1`, `2022.3.1`, `2022年3月1日`, `20220301`, each optionally followed by a
/// time of day (` 10:20`, ` 10:20:30`, `T10:20:30`), which is dropped: entries are
/// dated by day. Only for values read from files; typed dates stay `parse_date`.
pub fn parse_file_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let (day, time) = match text.find([' ', 'T']) {
        Some(at) => (&text[..at], text[at + 1..].trim()),
        None => (text, ""),
    };
    if !time.is_empty() && !is_time_of_day(time) {
        return None;
    }
    let digits = |s: &str, max: usize| {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (year, month, date) = if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        (
            digits(&day[..4], 4)?,
            digits(&day[4..6], 2)?,
            digits(&day[6..], 2)?,
        )
    } else {
        let parts: Vec<&str> = match day.strip_suffix('日') {
            Some(chinese) => chinese.split(['年', '月']).collect(),
            None => day.split(['-', '/', '.']).collect(),
        };
        let [year, month, date] = parts.as_slice() else {
            return None;
        };
        let separators_agree = day.ends_with('日') || {
            let mut seps = day.bytes().filter(|b| matches!(b, b'-' | b'/' | b'.'));
            seps.next() == seps.next()
        };
        if year.len() != 4 || !separators_agree {
            return None;
        }
        (digits(year, 4)?, digits(month, 2)?, digits(date, 2)?)
    };
    NaiveDate::from_ymd_opt(year as i32, month, date)
        .filter(|d| (1900..=9998).contains(&chrono::Datelike::year(d)))
}

/// `HH:MM` or `HH:MM:SS` (with optional fractions of a second), as a valid time.
fn is_time_of_day(text: &str) -> bool {
    let text = text.split('.').next().unwrap_or_default();
    let parts: Vec<&str> = text.split(':').collect();
    let limits = [24, 60, 61];
    (2..=3).contains(&parts.len())
        && parts.iter().zip(limits).all(|(part, limit)| {
            (1..=2).contains(&part.len())
                && part.bytes().all(|b| b.is_ascii_digit())
                && part.parse::<u32>().is_ok_and(|n| n < limit)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_dates_as_excel_writes_them() {
        let march_1 = NaiveDate::from_ymd_opt(2022, 3, 1);
        for good in [
            "2022-03-01",
            "2022-3-1",
            "2022/3/1",
            "2022/03/01",
            "2022.3.1",
            "2022年3月1日",
            "20220301",
            "2022-03-01 10:20:30",
            "2022/3/1 9:05",
            "2022-03-01T10:20:30",
            " 2022-03-01 ",
        ] {
            assert_eq!(parse_file_date(good), march_1, "{good}");
        }
        for bad in [
            "2022-02-30",
            "22-03-01",
            "2022/3-1",
            "2022年3月1",
            "2022-03-01 25:00",
            "2022-03-01 noon",
            "202231",
            "1899-12-31",
            "3/1/2022",
            "",
        ] {
            assert_eq!(parse_file_date(bad), None, "{bad}");
        }
    }

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

    #[test]
    fn years_and_counts_are_digits_only() {
        use super::{parse_count, parse_year};
        assert_eq!(parse_year("year", "2022").unwrap(), 2022);
        for bad in [
            "22",
            "abcd",
            "２０２２",
            "-2022",
            "1899",
            "9999",
            "2022.0",
            "",
        ] {
            let err = parse_year("year", bad).unwrap_err().to_string();
            assert!(err.contains("NotAYear"), "{bad}: {err}");
        }
        assert_eq!(parse_count("members", "4").unwrap(), 4);
        for bad in ["-1", "4.5", "four", "", "1e3", "9999999999"] {
            assert!(parse_count("members", bad).is_err(), "{bad}");
        }
    }
}
