//! Receipts as people read them: one receipt with its donor, amount in figures and
//! in Chinese uppercase, fund, method, verification code and void status; the list
//! of a year's receipts; and the sequence report auditors ask for (every number from
//! 1 to the last issued or void, with reasons).

use crate::error::Result;
use crate::ledger::daxie::{Script, daxie};
use crate::ledger::fund::{FundId, Funds};
use crate::ledger::money::Money;
use crate::ledger::party::Method;
use crate::ledger::receipt::{ReceiptNumber, verification_code};
use crate::ledger::settings::Setting;
use crate::ledger::signature::{Claims, Secret, mask_name};
use crate::ledger::words::{Word, Words};
use crate::store::Read;
use crate::store::receipts::ReceiptRecord;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct ReceiptView {
    pub number: String,
    pub date: String,
    pub entry: i64,
    pub donor: String,
    pub amount: Money,
    pub amount_words: String,
    pub fund: String,
    pub method: String,
    pub official_no: Option<String>,
    pub handler: String,
    /// Who approved the donation, once a reviewer has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    /// When it was issued (UTC).
    pub issued_at: String,
    pub verification_code: String,
    pub status: &'static str,
    pub void_reason: Option<String>,
    pub voided_by: Option<String>,
    pub voided_at: Option<String>,
    pub replaces: Option<String>,
    pub replaced_by: Option<String>,
    /// The signed payload (`ledger::signature`); None when this file holds no
    /// signing secret (a backup made without `--with-signing-key`).
    pub payload: Option<String>,
    /// What its QR code holds: the payload, after the fund's verification address and
    /// `#` when one is set (`verify-url`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr: Option<String>,
    /// The key it is signed with: its id (the fingerprint) and public key in hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing_key: Option<SigningKeyView>,
}

/// A signing key as receipts and summaries print it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SigningKeyView {
    pub key_id: String,
    pub public_key: String,
}

struct SignerKey {
    view: SigningKeyView,
    created_at: String,
    secret: Option<Secret>,
}

/// Signs receipts' payloads. A receipt is signed with the key that was current when
/// it was issued (the latest key made at or before its issue time; a receipt issued
/// before the ledger had any key, with the first key), so a reprint is byte for byte
/// the same after a rotation, and old receipts stay valid under their old key.
pub struct Signer {
    keys: Vec<SignerKey>,
    verify_url: String,
}

impl Signer {
    pub fn of(store: &impl Read) -> Result<Signer> {
        let mut keys = Vec::new();
        for key in store.signing_keys()? {
            let secret = store.signing_secret(&key.key_id)?;
            keys.push(SignerKey {
                view: SigningKeyView {
                    public_key: hex::encode(key.public_key),
                    key_id: key.key_id,
                },
                created_at: key.created_at,
                secret: secret.as_ref().map(Secret::from_bytes),
            });
        }
        let verify_url = store
            .setting(Setting::VerifyUrl.key())?
            .map(|c| c.value)
            .unwrap_or_default();
        Ok(Signer { keys, verify_url })
    }

    /// The key current now (the newest), as the summary prints it.
    pub fn current(&self) -> Option<&SigningKeyView> {
        self.keys.last().map(|k| &k.view)
    }

    /// Fills in `view`'s payload, QR text and key (left None without the secret).
    pub fn sign(&self, view: &mut ReceiptView) {
        let Some(key) = self
            .keys
            .iter()
            .rfind(|k| k.created_at.as_str() <= view.issued_at.as_str())
            .or_else(|| self.keys.first())
        else {
            return;
        };
        let Some(secret) = key.secret.as_ref() else {
            return;
        };
        let claims = Claims {
            key_id: key.view.key_id.clone(),
            number: view.number.clone(),
            date: view.date.replace('-', ""),
            fen: view.amount.fen(),
            fund: view.fund.clone(),
            donor: mask_name(&view.donor),
        };
        let payload = claims.sign_with(secret);
        view.qr = Some(if self.verify_url.is_empty() {
            payload.clone()
        } else {
            format!("{}#{payload}", self.verify_url)
        });
        view.payload = Some(payload);
        view.signing_key = Some(key.view.clone());
    }
}

pub fn method_label(method: Option<&str>, lang: impl Words) -> String {
    match method.and_then(Method::parse) {
        Some(method) => lang.word(Word::Method(method)).to_string(),
        None => method.unwrap_or_default().to_string(),
    }
}

/// Chinese uppercase in the ledger's script (simplified for English receipts, as
/// mainland banks write it).
pub fn amount_words(amount: Money, lang: impl Words) -> String {
    let script = if lang.script() == crate::ledger::account::Script::Traditional {
        Script::Traditional
    } else {
        Script::Simplified
    };
    daxie(amount.fen(), script).unwrap_or_default()
}

pub fn receipt_view(record: &ReceiptRecord, funds: &Funds, lang: impl Words) -> ReceiptView {
    ReceiptView {
        amount_words: amount_words(record.amount, lang),
        verification_code: verification_code(&record.entry_hash, record.number),
        ..table_view(record, funds, lang)
    }
}

/// A receipt's view without its amount in 大写 and its verification code (left empty).
fn table_view(record: &ReceiptRecord, funds: &Funds, lang: impl Words) -> ReceiptView {
    let donor = if record.donor_type == "anonymous" {
        lang.word(Word::AnonymousDonor).to_string()
    } else {
        record.donor_name.clone()
    };
    let void = record.void.as_ref();
    ReceiptView {
        number: record.number.to_string(),
        date: record.date.clone(),
        entry: record.entry_id,
        donor,
        amount: record.amount,
        amount_words: String::new(),
        fund: purpose(record.entrusted_for.as_deref(), record.fund_id, funds, lang).into_owned(),
        method: method_label(record.method.as_deref(), lang),
        official_no: record.official_no.clone(),
        handler: record.recorded_by.clone(),
        reviewer: None,
        issued_at: record.issued_at.clone(),
        verification_code: String::new(),
        status: if void.is_some() { "void" } else { "issued" },
        void_reason: void.map(|v| v.reason.clone()),
        voided_by: void.map(|v| v.voided_by.clone()),
        voided_at: void.map(|v| v.voided_at.clone()),
        replaces: record.replaces.clone(),
        replaced_by: record.replaced_by.clone(),
        payload: None,
        qr: None,
        signing_key: None,
    }
}

/// What a receipt is for, as it is printed, signed and listed: its fund's name, or
/// for a gift in trust 受托代理 and the beneficiary, masked as on every page others
/// may see (张*).
fn purpose<'a>(
    entrusted_for: Option<&str>,
    fund_id: i64,
    funds: &'a Funds,
    lang: impl Words,
) -> std::borrow::Cow<'a, str> {
    match entrusted_for {
        Some(name) => format!("{} {}", lang.word(Word::Entrusted), mask_name(name)).into(),
        None => funds
            .get(FundId(fund_id))
            .map_or("", |f| f.name(lang.script()))
            .into(),
    }
}

/// What a receipt list's columns must hold before its first row: the largest amount,
/// and each donor's and fund's name as the reader sees it. A list can then be written
/// as its rows stream in (`for_each_receipt`), in flat memory.
#[derive(Clone, Debug)]
pub struct ReceiptListHead {
    pub largest: Money,
    pub donors: Vec<String>,
    pub funds: Vec<String>,
    /// The notes of the receipts that have one: the void, the reissued.
    pub notes: Vec<ReceiptNote>,
}

pub use crate::store::receipts::ReceiptNote;

pub fn receipt_list_head(
    store: &impl Read,
    year: Option<i32>,
    lang: impl Words,
) -> Result<ReceiptListHead> {
    let (largest, mut donors, notes) = store.receipt_list_bounds(year)?;
    donors.push(lang.word(Word::AnonymousDonor).to_string());
    let all = store.funds()?;
    let mut funds: Vec<String> = all
        .0
        .iter()
        .map(|f| f.name(lang.script()).to_string())
        .collect();
    // A gift in trust is listed as 受托代理 and its beneficiary, masked: the column
    // holds that too, rather than cut it to the widest fund's name.
    for id in store.entrusted_beneficiaries()? {
        if let Some(b) = store.party(crate::ledger::party::Role::Beneficiary, id)? {
            funds.push(purpose(Some(&b.name), 0, &all, lang).into_owned());
        }
    }
    Ok(ReceiptListHead {
        largest,
        donors,
        funds,
        notes,
    })
}

/// Whether a list of receipts carries their signed payloads (a JSON list does; the
/// text table is `for_each_receipt_row`'s, and shows none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payloads {
    Signed,
    Left,
}

/// One line of `receipt list`'s text table as the reader reads it: the donor (an
/// anonymous one in the reader's words), the fund's name (or 受托代理 and the masked
/// beneficiary), the void and what replaced it or what it replaces.
#[derive(Clone, Debug)]
pub struct ReceiptListRow<'a> {
    pub number: ReceiptNumber,
    pub date: &'a str,
    pub donor: &'a str,
    pub fund: std::borrow::Cow<'a, str>,
    pub amount: Money,
    pub void: bool,
    pub void_reason: Option<&'a str>,
    pub replaces: Option<&'a str>,
    pub replaced_by: Option<&'a str>,
}

/// The lines of the text table of a year's receipts (or all), optionally only issued
/// or only void ones, one at a time, in number order: the table shows no amount in
/// 大写, verification code, handler or payload, so they are neither read nor made,
/// and nothing is allocated for an ordinary receipt.
pub fn for_each_receipt_row(
    store: &impl Read,
    year: Option<i32>,
    status: Option<&str>,
    lang: impl Words,
    mut visit: impl FnMut(&ReceiptListRow<'_>) -> std::io::Result<()>,
) -> Result<()> {
    let funds = store.funds()?;
    let anonymous = lang.word(Word::AnonymousDonor);
    store.for_each_receipt_line(year, &mut |line| {
        let void = line.void_reason.is_some();
        if status.is_some_and(|s| s != if void { "void" } else { "issued" }) {
            return Ok(());
        }
        let row = ReceiptListRow {
            number: line.number,
            date: line.date,
            donor: if line.anonymous {
                anonymous
            } else {
                line.donor_name
            },
            fund: purpose(line.entrusted_for, line.fund_id, &funds, lang),
            amount: line.amount,
            void,
            void_reason: line.void_reason,
            replaces: line.replaces,
            replaced_by: line.replaced_by,
        };
        visit(&row)
            .map_err(|e| crate::error::Error::io(crate::error::message::IoMessage::Output, e))
    })
}

/// Who approved each approved entry, by entry: a receipt names its reviewer once
/// the donation is approved (empty on a ledger without users).
pub fn reviewers(store: &impl Read) -> Result<std::collections::HashMap<i64, String>> {
    if !store.has_users()? {
        return Ok(Default::default());
    }
    Ok(store
        .decisions()?
        .into_iter()
        .filter(|(_, d)| d.verdict == crate::ledger::user::Verdict::Approved)
        .map(|(id, d)| (id, d.decided_by))
        .collect())
}

/// The receipts of a year (or all), optionally only issued or only void ones, one at
/// a time, in number order.
pub fn for_each_receipt(
    store: &impl Read,
    year: Option<i32>,
    status: Option<&str>,
    lang: impl Words,
    payloads: Payloads,
    mut visit: impl FnMut(&ReceiptView) -> std::io::Result<()>,
) -> Result<()> {
    let funds = store.funds()?;
    let signer = Signer::of(store)?;
    let reviewers = reviewers(store)?;
    store.for_each_receipt(year, &mut |record| {
        let mut view = receipt_view(&record, &funds, lang);
        view.reviewer = reviewers.get(&record.entry_id).cloned();
        if status.is_none_or(|s| s == view.status) {
            if payloads == Payloads::Signed {
                signer.sign(&mut view);
            }
            visit(&view).map_err(|e| {
                crate::error::Error::io(crate::error::message::IoMessage::Output, e)
            })?;
        }
        Ok(())
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct ReceiptSequence {
    pub year: i32,
    pub last: i64,
    pub issued: i64,
    pub void: Vec<VoidLine>,
    /// Numbers between 1 and the last that do not exist: each is an error.
    pub missing: Vec<String>,
    pub complete: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct VoidLine {
    pub number: String,
    pub reason: String,
}

/// Pure: the sequence report from (year, seq, void reason) rows of one year.
pub fn sequence_of(year: i32, rows: &[(i32, i64, Option<String>)]) -> ReceiptSequence {
    let mut seqs: Vec<(i64, Option<&String>)> = rows
        .iter()
        .filter(|(y, _, _)| *y == year)
        .map(|(_, s, v)| (*s, v.as_ref()))
        .collect();
    seqs.sort_by_key(|(s, _)| *s);
    let last = seqs.last().map_or(0, |(s, _)| *s);
    let mut missing = Vec::new();
    let mut expected = 1;
    for (seq, _) in &seqs {
        while expected < *seq {
            missing.push(
                ReceiptNumber {
                    year,
                    seq: expected,
                }
                .to_string(),
            );
            expected += 1;
        }
        expected = seq + 1;
    }
    let void: Vec<VoidLine> = seqs
        .iter()
        .filter_map(|(seq, reason)| {
            reason.map(|r| VoidLine {
                number: ReceiptNumber { year, seq: *seq }.to_string(),
                reason: r.clone(),
            })
        })
        .collect();
    ReceiptSequence {
        year,
        last,
        issued: seqs.len() as i64 - void.len() as i64,
        complete: missing.is_empty(),
        void,
        missing,
    }
}

pub fn receipt_sequence(store: &impl Read, year: i32) -> Result<ReceiptSequence> {
    Ok(sequence_of(year, &store.receipt_sequence()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_found() {
        let rows = vec![
            (2022, 1, None),
            (2022, 2, Some("typo".to_string())),
            (2022, 5, None),
            (2023, 1, None),
        ];
        let s = sequence_of(2022, &rows);
        assert_eq!(s.last, 5);
        assert_eq!(s.issued, 2);
        assert_eq!(s.missing, vec!["2022-000003", "2022-000004"]);
        assert_eq!(s.void[0].number, "2022-000002");
        assert!(!s.complete);
        assert!(sequence_of(2023, &rows).complete);
    }
}
