//! The non-negative rule (DESIGN.md invariant 4 and "Methods"): no fund's net assets
//! and no cash, bank or e-wallet balance may go below zero on any date, with entries
//! on one date applied in recording order. A guarded balance is kept per day as
//! (net change, lowest running change within the day), which is enough to tell how
//! much may still be taken out on a date without any later balance going negative.

use super::account::AccountType;
use super::chart::GUARDED_ASSET_CODES;
use super::entry::Posting;
use super::fund::FundId;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A balance that must never go negative.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Subject {
    Fund(FundId),
    Asset(&'static str),
}

impl Subject {
    /// The subject a stored key names (the inverse of `key`).
    pub fn from_key(key: &str) -> Option<Subject> {
        if let Some(id) = key.strip_prefix("fund:") {
            return id.parse().ok().map(|id| Subject::Fund(FundId(id)));
        }
        let code = key.strip_prefix("account:")?;
        GUARDED_ASSET_CODES
            .iter()
            .find(|c| **c == code)
            .map(|c| Subject::Asset(c))
    }

    /// The key under which the store keeps this subject's days.
    pub fn key(&self) -> String {
        match self {
            Subject::Fund(id) => format!("fund:{}", id.0),
            Subject::Asset(code) => format!("account:{code}"),
        }
    }
}

/// The change an entry makes to each guarded balance (zero changes left out).
/// A fund's balance is its net assets: minus the postings on net-asset, income and
/// expense accounts of that fund.
pub fn guard_changes(
    postings: &[Posting],
    account_type: impl Fn(&str) -> Option<AccountType>,
) -> Vec<(Subject, i64)> {
    let mut changes: Vec<(Subject, i64)> = Vec::new();
    let mut add = |subject: Subject, fen: i64| match changes.iter_mut().find(|(s, _)| *s == subject)
    {
        Some((_, c)) => *c += fen,
        None => changes.push((subject, fen)),
    };
    for p in postings {
        if account_type(p.account.as_str()).is_some_and(AccountType::counts_toward_fund) {
            add(Subject::Fund(p.fund), -p.amount.fen());
        }
        let guarded = |code: &str| GUARDED_ASSET_CODES.iter().find(|c| **c == code);
        if let Some(code) = guarded(p.account.as_str()).or_else(|| guarded(p.account.top())) {
            add(Subject::Asset(code), p.amount.fen());
        }
    }
    changes.retain(|(_, c)| *c != 0);
    changes
}

/// One guarded balance, day by day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubjectDays {
    /// date → (net change of the day, lowest running change within the day)
    pub days: BTreeMap<NaiveDate, (i64, i64)>,
    pub total: i64,
}

impl SubjectDays {
    pub fn insert_day(&mut self, date: NaiveDate, delta: i64, min_prefix: i64) {
        self.days.insert(date, (delta, min_prefix));
        // Saturating: only a ledger past the amount bound (which `verify` names)
        // comes near i64's end.
        self.total = self.total.saturating_add(delta);
    }

    /// The most that may be taken out by an entry recorded now on `date` (so after
    /// every entry already on that date) without the balance going below zero then
    /// or on any later date.
    pub fn available(&self, date: NaiveDate) -> i64 {
        if self
            .days
            .keys()
            .next_back()
            .is_none_or(|last| *last <= date)
        {
            return self.total;
        }
        let mut running: i64 = self.days.range(..=date).map(|(_, (delta, _))| delta).sum();
        let mut available = running;
        for (_, (delta, min_prefix)) in self.days.range(date..).filter(|(d, _)| **d != date) {
            available = available.min(running + min_prefix);
            running += delta;
        }
        available
    }

    /// Records a change by an entry appended on `date` (last of that date so far).
    pub fn apply(&mut self, date: NaiveDate, change: i64) {
        let day = self.days.entry(date).or_insert((0, 0));
        day.0 = day.0.saturating_add(change);
        day.1 = day.1.min(day.0);
        self.total = self.total.saturating_add(change);
    }

    /// The first date on which the balance is below zero, with that low point.
    pub fn first_negative(&self) -> Option<(NaiveDate, i64)> {
        let mut running = 0;
        for (date, (delta, min_prefix)) in &self.days {
            if running + min_prefix < 0 {
                return Some((*date, running + min_prefix));
            }
            running += delta;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 1, day).unwrap()
    }

    #[test]
    fn available_counts_later_days_and_intraday_order() {
        let mut s = SubjectDays::default();
        s.apply(d(1), 1000);
        s.apply(d(3), -800);
        s.apply(d(3), 500);
        assert_eq!(s.available(d(5)), 700);
        // On day 2 the later dip to 200 (within day 3) limits what can go.
        assert_eq!(s.available(d(2)), 200);
        assert_eq!(s.available(d(1)), 200);
        assert_eq!(s.first_negative(), None);
        s.apply(d(2), -300);
        assert_eq!(s.first_negative(), Some((d(3), -100)));
    }
}
