//! The ledger's settings (`lovefund config`): named keys, each with a default, a
//! grammar for its value and a limit. A setting's history is append-only — every
//! change is a record of its own (who, when, the new value) — and the value in force
//! is the latest. Later features add their keys here; nothing reads a setting by a
//! string typed elsewhere.

use crate::error::message::LedgerMessage;
use crate::error::{Error, Field, Result};

/// Every setting lovefund knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// How many days after today an entry may be dated (a typo such as 2922 for 2022
    /// is refused, and could never be reversed once recorded).
    FutureDaysMax,
}

/// The most days ahead `dates.future-days-max` may allow: ten years.
pub const FUTURE_DAYS_LIMIT: i64 = 3660;

impl Setting {
    pub const ALL: [Setting; 1] = [Setting::FutureDaysMax];

    pub fn key(self) -> &'static str {
        match self {
            Setting::FutureDaysMax => "dates.future-days-max",
        }
    }

    /// The value in force while nobody has set one.
    pub fn default_value(self) -> &'static str {
        match self {
            Setting::FutureDaysMax => "31",
        }
    }

    /// The setting of a key, or a refusal listing the keys.
    pub fn from_key(key: &str) -> Result<Setting> {
        Setting::ALL
            .into_iter()
            .find(|s| s.key() == key.trim())
            .ok_or_else(|| {
                Error::not_found_in(
                    Field::Setting,
                    LedgerMessage::NotASetting {
                        key: key.into(),
                        settings: Setting::ALL.map(Setting::key).join(", "),
                    },
                )
            })
    }

    /// `value` checked against the setting's grammar and limit, in its stored form.
    pub fn parse(self, value: &str) -> Result<String> {
        match self {
            Setting::FutureDaysMax => {
                let value = value.trim();
                let days = value.parse::<i64>().ok().filter(|d| {
                    (0..=FUTURE_DAYS_LIMIT).contains(d) && value.bytes().all(|b| b.is_ascii_digit())
                });
                match days {
                    Some(days) => Ok(days.to_string()),
                    None => Err(Error::input_in(
                        Field::Value,
                        LedgerMessage::NotFutureDays {
                            value: value.into(),
                            key: self.key().to_string(),
                            max: FUTURE_DAYS_LIMIT,
                        },
                    )),
                }
            }
        }
    }

    /// The number of days of `FutureDaysMax` from its stored form (the default when
    /// the stored form does not read, which only a hand-edited file can hold).
    pub fn days(stored: Option<&str>) -> i64 {
        let read = |s: &str| Setting::FutureDaysMax.parse(s).ok()?.parse().ok();
        stored
            .and_then(read)
            .or_else(|| read(Setting::FutureDaysMax.default_value()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_values_are_checked() {
        assert_eq!(
            Setting::from_key("dates.future-days-max").unwrap(),
            Setting::FutureDaysMax
        );
        let err = Setting::from_key("dates.future").unwrap_err().to_string();
        assert!(err.contains("settings: \"dates.future-days-max\""), "{err}");
        assert_eq!(Setting::FutureDaysMax.parse(" 60 ").unwrap(), "60");
        assert_eq!(Setting::FutureDaysMax.parse("0").unwrap(), "0");
        for bad in ["-1", "3661", "1e3", "+5", "", "thirty"] {
            assert!(Setting::FutureDaysMax.parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Setting::days(None), 31);
        assert_eq!(Setting::days(Some("7")), 7);
        assert_eq!(Setting::days(Some("junk")), 31);
        assert_eq!(
            Setting::days(Some(Setting::FutureDaysMax.default_value())),
            31
        );
    }
}
