//! Times as people read them. Every time is stored in UTC (`2022-03-01T20:00:00Z`),
//! the form the hash chain holds; what a person reads is the same instant in the
//! ledger's time zone (`ledger.time-zone`, +08:00 unless set), with the offset shown
//! so that nobody mistakes it for another zone.

use chrono::{DateTime, FixedOffset};

/// Shows stored UTC times in one time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime(pub FixedOffset);

impl Default for LocalTime {
    /// The zone of a ledger whose `ledger.time-zone` was never set.
    fn default() -> Self {
        LocalTime(crate::ledger::settings::Setting::offset(None))
    }
}

impl LocalTime {
    /// `2022-03-01T20:00:00Z` as `2022-03-02 04:00:00 +08:00`. A stored text that is
    /// not such a time (only a hand-edited file holds one) is shown as it is.
    pub fn show(self, stored: &str) -> String {
        match DateTime::parse_from_rfc3339(stored) {
            Ok(at) => at
                .with_timezone(&self.0)
                .format("%Y-%m-%d %H:%M:%S %:z")
                .to_string(),
            Err(_) => stored.to_string(),
        }
    }

    /// The same instant in RFC 3339 with the zone's offset, for JSON:
    /// `2022-03-02T04:00:00+08:00` (exact, and local for the reader).
    pub fn rfc3339(self, stored: &str) -> String {
        match DateTime::parse_from_rfc3339(stored) {
            Ok(at) => at.with_timezone(&self.0).to_rfc3339(),
            Err(_) => stored.to_string(),
        }
    }
}

/// Seconds since 1970 of a stored time (None if it is not one).
pub fn unix_seconds(stored: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(stored)
        .ok()
        .map(|at| at.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn east(hours: i32) -> LocalTime {
        LocalTime(FixedOffset::east_opt(hours * 3600).unwrap())
    }

    #[test]
    fn a_stored_time_is_shown_in_the_ledgers_zone() {
        assert_eq!(
            east(8).show("2022-03-01T20:00:00Z"),
            "2022-03-02 04:00:00 +08:00"
        );
        assert_eq!(
            east(0).show("2022-03-01T20:00:00Z"),
            "2022-03-01 20:00:00 +00:00"
        );
        assert_eq!(
            east(-5).show("2022-03-01T02:00:00Z"),
            "2022-02-28 21:00:00 -05:00"
        );
        assert_eq!(
            east(8).rfc3339("2022-03-01T20:00:00Z"),
            "2022-03-02T04:00:00+08:00"
        );
        assert_eq!(east(8).show("not a time"), "not a time");
        assert_eq!(unix_seconds("1970-01-01T00:01:00Z"), Some(60));
        assert_eq!(unix_seconds(""), None);
    }
}
