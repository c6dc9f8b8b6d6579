//! Dates as people type them: strictly `YYYY-MM-DD`.

use crate::error::{Error, Result};
use chrono::NaiveDate;

pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    let date = well_formed
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten();
    date.filter(|d| (1900..=9998).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| {
            Error::input(format!(
                "{field} {text:?} is not a date; write it as YYYY-MM-DD, e.g. 2022-03-01"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict() {
        assert!(parse_date("--date", "2022-03-01").is_ok());
        for bad in [
            "2022-3-1",
            "2022/03/01",
            "2022-02-30",
            "22-03-01",
            " 2022-03-01",
            "20220301",
        ] {
            assert!(parse_date("--date", bad).is_err(), "{bad}");
        }
    }
}
