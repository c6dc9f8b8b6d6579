//! One entry as a person reads it: its counterparty, method, reference and receipts,
//! postings with account and fund names, who recorded it and when, its hash, and what
//! reverses it or what it reverses.

use crate::error::message::OpsMessage;
use crate::error::{Error, Result};
use crate::ledger::account::Script;
use crate::ledger::entry::{EntryKind, StoredEntry};
use crate::ledger::money::Money;
use crate::ledger::party::{Method, Role, shown_name};
use crate::ledger::words::{Word, Words};
use crate::store::Read;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct EntryView {
    #[serde(flatten)]
    pub entry: StoredEntry,
    pub reversed_by: Option<i64>,
    /// The donor or beneficiary as the reader sees the name.
    pub counterparty: Option<String>,
    /// The entry's receipts, oldest first (a reissue follows the receipt it replaces).
    pub receipts: Vec<ReceiptState>,
    pub lines: Vec<EntryLine>,
    /// A gift held in trust (受托代理), its payout or their reversal: the beneficiary
    /// it is held for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entrusted_for: Option<String>,
    /// Its voucher number in its month (记-NNN).
    pub voucher: i64,
    /// Its review, on a ledger with users: None there means nobody decided yet. On
    /// a ledger without users the key is absent (nobody can review there).
    #[serde(skip_serializing_if = "Review::is_off")]
    pub review: Review,
    /// When the review was decided, in the ledger's time zone.
    #[serde(skip)]
    pub reviewed_local: Option<String>,
    /// When it was recorded, in the ledger's time zone (the JSON keeps the stored
    /// UTC time, `recorded_at`).
    #[serde(skip)]
    pub recorded_local: String,
}

/// Whether an entry was reviewed.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Review {
    /// The ledger has no users: nobody reviews.
    Off,
    Pending,
    Decided(crate::ledger::user::Decision),
}

impl Review {
    pub fn is_off(&self) -> bool {
        matches!(self, Review::Off)
    }

    /// The review of entry `id`.
    pub fn of(store: &impl Read, id: i64) -> Result<Review> {
        if !store.has_users()? {
            return Ok(Review::Off);
        }
        Ok(match store.decision(id)? {
            Some(d) => Review::Decided(d),
            None => Review::Pending,
        })
    }
}

/// A receipt of an entry and whether it is void.
#[derive(Clone, Debug, Serialize)]
pub struct ReceiptState {
    pub number: String,
    pub void: bool,
}

/// The donor or beneficiary of `entry`, named as `lang`'s reader sees the name
/// (the anonymous donor in the reader's script, everyone else as typed).
pub fn counterparty(
    store: &impl Read,
    entry: &StoredEntry,
    lang: impl Words,
) -> Result<Option<String>> {
    let Some(party) = entry.details.party_id else {
        return Ok(None);
    };
    let role = match entry.kind {
        EntryKind::Disbursement => Role::Beneficiary,
        _ => Role::Donor,
    };
    let found = match store.party(role, party)? {
        Some(p) => Some(p),
        None => store.party(role.other(), party)?,
    };
    let Some(found) = found else {
        return Ok(None);
    };
    let own = shown_name(found.party_type, &found.name, lang);
    // A donor merged into another is shown as the root, the entry's own name noted.
    let root = match store.merge_roots()?.get(&party) {
        Some(root) => store.party(found.role, *root)?,
        None => None,
    };
    Ok(Some(match root {
        Some(root) => {
            let root = shown_name(root.party_type, &root.name, lang);
            let merged = lang.word(Word::Merged);
            match lang.script() {
                Script::English => format!("{root} ({own}, {merged})"),
                _ => format!("{root}（{own} {merged}）"),
            }
        }
        None => own,
    }))
}

/// The receipts of entry `id`, oldest first.
pub fn receipts(store: &impl Read, id: i64) -> Result<Vec<ReceiptState>> {
    Ok(store
        .receipts_of_entry(id)?
        .into_iter()
        .map(|r| ReceiptState {
            number: r.number.to_string(),
            void: r.void.is_some(),
        })
        .collect())
}

/// How the money moved, in the reader's words, if the entry says.
pub fn method(entry: &StoredEntry, lang: impl Words) -> Option<String> {
    let method = entry.details.method.as_deref()?;
    Some(match Method::parse(method) {
        Some(m) => lang.word(crate::ledger::words::Word::Method(m)).to_string(),
        None => method.to_string(),
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct EntryLine {
    pub account: String,
    pub account_name: String,
    pub fund: String,
    pub debit: Money,
    pub credit: Money,
}

pub fn entry_view(store: &impl Read, id: i64, lang: impl Words) -> Result<EntryView> {
    let chart = (store.accounts()?, store.funds()?);
    entry_view_in(store, id, lang, (&chart.0, &chart.1))
}

/// `entry_view` with the chart and funds read once for many entries (a year's
/// vouchers).
pub fn entry_view_in(
    store: &impl Read,
    id: i64,
    lang: impl Words,
    (accounts, funds): (
        &[crate::ledger::account::Account],
        &crate::ledger::fund::Funds,
    ),
) -> Result<EntryView> {
    let entry = store
        .entry(id)?
        .ok_or_else(|| Error::not_found(OpsMessage::NoEntry { id }))?;
    let lines = entry
        .postings
        .iter()
        .map(|p| {
            let account_name = accounts
                .iter()
                .find(|a| a.code == p.account)
                .map_or("", |a| a.names.get(lang.script()));
            let (debit, credit) = if p.amount.is_negative() {
                (Money::ZERO, p.amount.abs())
            } else {
                (p.amount, Money::ZERO)
            };
            EntryLine {
                account: p.account.to_string(),
                account_name: account_name.to_string(),
                fund: funds
                    .get(p.fund)
                    .map_or("", |f| f.name(lang.script()))
                    .to_string(),
                debit,
                credit,
            }
        })
        .collect();
    let review = Review::of(store, id)?;
    let zone = store.local_time()?;
    let held_by = entry.details.reverses.unwrap_or(id);
    let entrusted_for = match store.entrusted_beneficiary(held_by)? {
        Some(b) => store.party(Role::Beneficiary, b)?.map(|p| p.name),
        None => None,
    };
    Ok(EntryView {
        reviewed_local: match &review {
            Review::Decided(d) => Some(zone.show(&d.decided_at)),
            _ => None,
        },
        review,
        entrusted_for,
        voucher: store.voucher_number(id, entry.date)?,
        recorded_local: store.local_time()?.show(&entry.recorded_at),
        reversed_by: store.reversed_by(id)?,
        counterparty: counterparty(store, &entry, lang)?,
        receipts: receipts(store, id)?,
        entry,
        lines,
    })
}
