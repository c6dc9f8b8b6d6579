//! `search` (issue 16, §2): entries found by what a person remembers of them — a name
//! or any part of one, a memo, a reference, a receipt number, an amount, a day or a
//! month — narrowed by dates, amounts, kind and fund, newest first. The store finds
//! the ids; this reads back each found entry with its counterparty, fund and receipt.
//!
//! What the text means is decided here: it is always matched in names, memos and
//! references, and also as an amount (`3000`, `3000.00`), a receipt number
//! (`2022-000123`) or a date (`2022-03-01`, `2022-03`) when it reads as one.

use crate::error::{Field, Result};
use crate::ledger::entry::EntryKind;
use crate::ledger::money::Money;
use crate::ledger::operations;
use crate::ledger::receipt::ReceiptNumber;
use crate::ledger::words::Words;
use crate::report::entry::{self, ReceiptState};
use crate::store::Read;
use crate::store::search::EntrySearch;
use chrono::NaiveDate;
use serde::Serialize;

/// How many entries a search shows unless told otherwise.
pub const LIMIT_DEFAULT: u32 = 50;

/// A search as asked.
#[derive(Clone, Debug, Default)]
pub struct SearchRequest {
    pub text: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub min: Option<Money>,
    pub max: Option<Money>,
    pub kind: Option<EntryKind>,
    /// Any of a fund's names.
    pub fund: Option<String>,
    pub limit: u32,
}

/// One entry found.
#[derive(Clone, Debug, Serialize)]
pub struct Found {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub memo: String,
    /// The donor or beneficiary as the reader sees the name.
    pub counterparty: Option<String>,
    /// The sum of the entry's debits.
    pub amount: Money,
    /// The fund of its first posting, with `+` when postings name several.
    pub fund: String,
    /// The entry's latest receipt.
    pub receipt: Option<ReceiptState>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SearchResult {
    pub found: Vec<Found>,
    /// Whether more entries match than were shown.
    pub more: bool,
}

/// The days `text` names if it is a date or a month as ISO writes it (`2022-03-01`,
/// `2022-03`): its first and last day.
fn days(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match text.split('-').collect::<Vec<_>>().as_slice() {
        [y, m] if digits(y, 4) && digits(m, 2) => {
            let first = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").ok()?;
            let last = first
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?;
            Some((first, last))
        }
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// `text` as typed and in each script, each once: a treasurer typing 张 finds the
/// 張 a colleague typed, and the other way round.
fn both_scripts(text: &str) -> Vec<String> {
    let mut texts = vec![text.to_string()];
    // The converter's tables take a tenth of a second to load: not for `BK-0402`.
    if text.is_ascii() {
        return texts;
    }
    for other in [
        character_converter::traditional_to_simplified(text),
        character_converter::simplified_to_traditional(text),
    ] {
        if !texts.iter().any(|t| *t == other) {
            texts.push(other.into_owned());
        }
    }
    texts
}

/// The store's search for a request: the text's other readings filled in.
fn entry_search(request: &SearchRequest, fund_id: Option<i64>) -> EntrySearch {
    let text = request
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    // A date or a month is a date only: `2022-03` would also match the references
    // and memos holding those characters (ICBC-2022-0391), which is not what was asked.
    if let Some((first, last)) = text.and_then(days) {
        return EntrySearch {
            from: request.from.max(Some(first)),
            to: Some(request.to.map_or(last, |to| to.min(last))),
            ..entry_search(
                &SearchRequest {
                    text: None,
                    ..request.clone()
                },
                fund_id,
            )
        };
    }
    EntrySearch {
        texts: text.map(both_scripts).unwrap_or_default(),
        amount: text.and_then(|t| Money::parse_positive(t).ok()),
        receipt: text
            .and_then(|t| ReceiptNumber::parse(t).ok())
            .map(|n| (n.year, n.seq)),
        from: request.from,
        to: request.to,
        min: request.min,
        max: request.max,
        kind: request.kind,
        fund_id,
        // One more than shown, to tell whether there are more.
        limit: request.limit.saturating_add(1),
    }
}

pub fn search(
    store: &impl Read,
    request: &SearchRequest,
    lang: impl Words,
) -> Result<SearchResult> {
    let funds = store.funds()?;
    let fund_id = match request.fund.as_deref() {
        Some(name) => Some(operations::fund(&funds, Field::Fund, name.trim())?.id.0),
        None => None,
    };
    let mut ids = store.search_entries(&entry_search(request, fund_id))?;
    let more = ids.len() > request.limit as usize;
    ids.truncate(request.limit as usize);
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(entry) = store.entry(id)? else {
            continue;
        };
        let counterparty = entry::counterparty(store, &entry, lang)?;
        let amount = Money::total(
            "the entry's debits",
            entry
                .postings
                .iter()
                .map(|p| p.amount)
                .filter(|a| !a.is_negative()),
        )?;
        let mut fund_ids: Vec<_> = entry.postings.iter().map(|p| p.fund).collect();
        fund_ids.dedup();
        let fund = fund_ids
            .first()
            .and_then(|f| funds.get(*f))
            .map_or(String::new(), |f| f.name(lang.script()).to_string());
        let fund = if fund_ids.iter().any(|f| Some(f) != fund_ids.first()) {
            format!("{fund}+")
        } else {
            fund
        };
        let receipt = entry::receipts(store, id)?.pop();
        found.push(Found {
            id,
            date: entry.date,
            kind: entry.kind,
            memo: entry.memo,
            counterparty,
            amount,
            fund,
            receipt,
        });
    }
    Ok(SearchResult { found, more })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_also_read_as_an_amount_a_receipt_or_a_date() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let search = |text: &str| {
            entry_search(
                &SearchRequest {
                    text: Some(text.into()),
                    limit: 5,
                    ..SearchRequest::default()
                },
                None,
            )
        };
        let s = search("3000");
        assert_eq!(s.amount, Some(Money::from_fen(300_000)));
        assert_eq!(s.receipt, None);
        assert_eq!(search("2022-000123").receipt, Some((2022, 123)));
        let march = search("2022-03");
        assert!(march.texts.is_empty());
        assert_eq!(
            (march.from, march.to),
            (Some(d(2022, 3, 1)), Some(d(2022, 3, 31)))
        );
        let day = search("2022-02-28");
        assert_eq!(
            (day.from, day.to),
            (Some(d(2022, 2, 28)), Some(d(2022, 2, 28)))
        );
        assert_eq!(search("2022-13").texts, ["2022-13"]);
        assert_eq!(search("张").amount, None);
        assert_eq!(search("张").texts, ["张", "張"]);
        assert_eq!(search("陳明").texts, ["陳明", "陈明"]);
        assert_eq!(search("BK-1").texts, ["BK-1"]);
        assert!(search("  ").texts.is_empty());
        assert_eq!(search("x").limit, 6);
    }
}
