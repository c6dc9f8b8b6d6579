//! The ledger's settings (`lovefund config`): named keys, each with a default, a
//! grammar for its value and a limit. A setting's history is append-only — every
//! change is a record of its own (who, when, the new value) — and the value in force
//! is the latest. Later features add their keys here; nothing reads a setting by a
//! string typed elsewhere.

use crate::error::message::LedgerMessage;
use crate::error::{Error, Field, Result};
use chrono::FixedOffset;

/// An offset as people write it: `+08:00`, `+0800`, `+8`, `-05:30`, `UTC`/`Z` for
/// zero, or the name of a zone eight hours east that keeps no summer time; from -12:00 to +14:00 (the zones in use), in whole quarter hours.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    if text.eq_ignore_ascii_case("utc") || text.eq_ignore_ascii_case("z") {
        return FixedOffset::east_opt(0);
    }
    // The zones of the people this ledger is for, by name: none keeps summer time.
    const EIGHT_HOURS_EAST: [&str; 6] = [
        "Asia/Shanghai",
        "Asia/Chongqing",
        "Asia/Hong_Kong",
        "Asia/Macau",
        "Asia/Taipei",
        "Asia/Singapore",
    ];
    if EIGHT_HOURS_EAST
        .iter()
        .any(|zone| zone.eq_ignore_ascii_case(text))
    {
        return FixedOffset::east_opt(8 * 3600);
    }
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !rest.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return None;
    }
    let (hours, minutes) = match (rest.split_once(':'), rest.len()) {
        (Some((h, m)), _) if (1..=2).contains(&h.len()) && m.len() == 2 => (h, m),
        (None, 1 | 2) => (rest, "0"),
        (None, 4) => rest.split_at(2),
        _ => return None,
    };
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    let seconds = sign * (hours * 3600 + minutes * 60);
    let in_use = (-12 * 3600..=14 * 3600).contains(&seconds) && minutes % 15 == 0 && minutes < 60;
    in_use.then(|| FixedOffset::east_opt(seconds)).flatten()
}

/// An offset in its stored form, `+08:00`.
fn offset_text(offset: FixedOffset) -> String {
    let seconds = offset.local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Every setting lovefund knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// How many days after today an entry may be dated (a typo such as 2922 for 2022
    /// is refused, and could never be reversed once recorded).
    FutureDaysMax,
    /// The ledger's time zone as an offset from UTC: times are stored in UTC and shown
    /// to people in this zone (Asia/Shanghai, +08:00, unless set; the zones of China,
    /// Hong Kong, Macau and Taiwan keep no summer time, so an offset says it exactly).
    TimeZone,
    /// The address of the fund's published verification page (`lovefund publish`):
    /// when set, a receipt's QR code is this address with the signed payload after
    /// `#`, so a phone's camera opens the page and the payload never reaches a server.
    VerifyUrl,
    /// The largest original document `entry attach` stores, in MiB.
    AttachmentMaxMb,
    /// Whether `close --year` waits until a reviewer has decided on every entry of
    /// the year (on a ledger with users); `no` for a fund one person keeps.
    CloseNeedsReview,
}

/// The longest verification address: with it, a payload and its `#` stay under the
/// 200 characters a phone reads from a QR code printed on A5.
pub const VERIFY_URL_MAX: usize = 60;

/// The most `attachments.max-mb` may allow.
pub const ATTACHMENT_MB_LIMIT: i64 = 500;

/// What a saved column mapping (`--profile NAME`) is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileKind {
    /// `import --columns`: a donation sheet's headers.
    Import,
    /// `reconcile --columns`: a bank statement's headers.
    Statement,
}

/// The longest profile name.
pub const PROFILE_NAME_MAX: usize = 40;

impl ProfileKind {
    /// The keys of this kind's profiles start with this; a profile is kept as a
    /// setting of its own (chained, append-only like every setting).
    pub fn prefix(self) -> &'static str {
        match self {
            ProfileKind::Import => "profile.import.",
            ProfileKind::Statement => "profile.statement.",
        }
    }

    /// The setting key of profile `name`: 1 to 40 characters, no space, `,` or `=`.
    pub fn key(self, name: &str) -> Result<String> {
        let name = name.trim();
        let fits = !name.is_empty()
            && name.chars().count() <= PROFILE_NAME_MAX
            && !name
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == ',' || c == '=');
        if fits {
            Ok(format!("{}{name}", self.prefix()))
        } else {
            Err(Error::input_in(
                Field::Profile,
                LedgerMessage::NotAProfileName {
                    name: name.into(),
                    max: PROFILE_NAME_MAX as i64,
                },
            ))
        }
    }
}

/// The most days ahead `dates.future-days-max` may allow: ten years.
pub const FUTURE_DAYS_LIMIT: i64 = 3660;

impl Setting {
    pub const ALL: [Setting; 5] = [
        Setting::FutureDaysMax,
        Setting::TimeZone,
        Setting::VerifyUrl,
        Setting::AttachmentMaxMb,
        Setting::CloseNeedsReview,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Setting::FutureDaysMax => "dates.future-days-max",
            Setting::TimeZone => "ledger.time-zone",
            Setting::VerifyUrl => "verify-url",
            Setting::AttachmentMaxMb => "attachments.max-mb",
            Setting::CloseNeedsReview => "close.require-review",
        }
    }

    /// The value in force while nobody has set one.
    pub fn default_value(self) -> &'static str {
        match self {
            Setting::FutureDaysMax => "31",
            Setting::TimeZone => "+08:00",
            // No address: the QR code holds the payload alone.
            Setting::VerifyUrl => "",
            Setting::AttachmentMaxMb => "20",
            Setting::CloseNeedsReview => "yes",
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
            Setting::TimeZone => match parse_offset(value.trim()) {
                Some(offset) => Ok(offset_text(offset)),
                None => Err(Error::input_in(
                    Field::Value,
                    LedgerMessage::NotATimeZone {
                        value: value.trim().into(),
                        key: self.key().to_string(),
                    },
                )),
            },
            Setting::AttachmentMaxMb => {
                let value = value.trim();
                let mib = value.parse::<i64>().ok().filter(|m| {
                    (1..=ATTACHMENT_MB_LIMIT).contains(m)
                        && value.bytes().all(|b| b.is_ascii_digit())
                });
                match mib {
                    Some(mib) => Ok(mib.to_string()),
                    None => Err(Error::input_in(
                        Field::Value,
                        LedgerMessage::NotAttachmentMb {
                            value: value.into(),
                            key: self.key().to_string(),
                            max: ATTACHMENT_MB_LIMIT,
                        },
                    )),
                }
            }
            Setting::CloseNeedsReview => match value.trim().to_ascii_lowercase().as_str() {
                "yes" | "true" | "on" | "1" | "是" => Ok("yes".into()),
                "no" | "false" | "off" | "0" | "否" => Ok("no".into()),
                _ => Err(Error::input_in(
                    Field::Value,
                    LedgerMessage::NotYesOrNo {
                        value: value.trim().into(),
                        key: self.key().to_string(),
                    },
                )),
            },
            Setting::VerifyUrl => {
                let value = value.trim();
                let fits = value.is_empty()
                    || ((value.starts_with("https://") || value.starts_with("http://"))
                        && value.chars().count() <= VERIFY_URL_MAX
                        && value.len() > "https://".len()
                        && !value.contains('#')
                        && value.chars().all(|c| c.is_ascii_graphic()));
                if fits {
                    Ok(value.to_string())
                } else {
                    Err(Error::input_in(
                        Field::Value,
                        LedgerMessage::NotAVerifyUrl {
                            value: value.into(),
                            key: self.key().to_string(),
                            max: VERIFY_URL_MAX as i64,
                        },
                    ))
                }
            }
        }
    }

    /// The offset of `TimeZone` from its stored form (the default when the stored
    /// form does not read, which only a hand-edited file can hold).
    pub fn offset(stored: Option<&str>) -> FixedOffset {
        stored
            .and_then(parse_offset)
            .or_else(|| parse_offset(Setting::TimeZone.default_value()))
            .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero is an offset"))
    }

    /// Whether `CloseNeedsReview` is on, from its stored form (on unless `no`).
    pub fn is_yes(stored: Option<&str>) -> bool {
        stored.is_none_or(|s| s != "no")
    }

    /// The size limit of `AttachmentMaxMb` in bytes, from its stored form (the default
    /// when it does not read).
    pub fn attachment_bytes(stored: Option<&str>) -> u64 {
        let read = |s: &str| Setting::AttachmentMaxMb.parse(s).ok()?.parse::<u64>().ok();
        let mib = stored
            .and_then(read)
            .or_else(|| read(Setting::AttachmentMaxMb.default_value()))
            .unwrap_or(20);
        mib * 1024 * 1024
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
        assert!(
            err.contains("dates.future-days-max, ledger.time-zone"),
            "{err}"
        );
        assert_eq!(Setting::FutureDaysMax.parse(" 60 ").unwrap(), "60");
        assert_eq!(Setting::FutureDaysMax.parse("0").unwrap(), "0");
        for bad in ["-1", "3661", "1e3", "+5", "", "thirty"] {
            assert!(Setting::FutureDaysMax.parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Setting::days(None), 31);
        let url = Setting::VerifyUrl;
        assert_eq!(
            url.parse(" https://fund.example.org/verify.html ").unwrap(),
            "https://fund.example.org/verify.html"
        );
        assert_eq!(url.parse("").unwrap(), "");
        for bad in [
            "fund.example.org",
            "https://",
            "https://a.org/v#x",
            "https://a.org/一",
            &format!("https://{}.org", "a".repeat(60)),
        ] {
            assert!(url.parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Setting::days(Some("7")), 7);
        assert_eq!(Setting::days(Some("junk")), 31);
        assert_eq!(
            Setting::days(Some(Setting::FutureDaysMax.default_value())),
            31
        );
    }

    #[test]
    fn time_zones_are_offsets_in_use() {
        let zone = Setting::TimeZone;
        assert_eq!(Setting::from_key("ledger.time-zone").unwrap(), zone);
        for (typed, stored) in [
            ("+08:00", "+08:00"),
            (" +8 ", "+08:00"),
            ("+0800", "+08:00"),
            ("-05:30", "-05:30"),
            ("+5:45", "+05:45"),
            ("UTC", "+00:00"),
            ("z", "+00:00"),
            ("asia/shanghai", "+08:00"),
            ("Asia/Taipei", "+08:00"),
            ("+14:00", "+14:00"),
            ("-12:00", "-12:00"),
        ] {
            assert_eq!(zone.parse(typed).unwrap(), stored, "{typed}");
        }
        for bad in [
            "8",
            "+15:00",
            "-13:00",
            "+08:10",
            "+08:60",
            "Europe/Paris",
            "",
            "+",
            "+08:0",
        ] {
            assert!(zone.parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Setting::offset(None).local_minus_utc(), 8 * 3600);
        assert_eq!(
            Setting::offset(Some("-05:30")).local_minus_utc(),
            -(5 * 3600 + 1800)
        );
        assert_eq!(Setting::offset(Some("junk")).local_minus_utc(), 8 * 3600);
    }
}
