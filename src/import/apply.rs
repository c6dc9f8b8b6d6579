//! Recording a checked import in one transaction: lines in date order (then file
//! order), counterparties matched by identity number, else by name and type, else
//! created (a name several parties share is an error); a reference seen before is
//! skipped when the line is the same entry in every field, and is an error naming
//! the fields that differ when not. Overspending is checked line by line as the
//! ledger grows. Any error rolls everything back.

use super::read::{DERIVED_REFERENCE_PREFIX, ImportFile, ImportLine, Kind};
use crate::error::message::{self, ImportMessage, StoreMessage};
use crate::error::{Error, Result};
use crate::i18n::{L, Lang};
use crate::input::LineError;
use crate::ledger::append::AppendState;
use crate::ledger::date::iso;
use crate::ledger::entry::{EntryKind, NewEntry};
use crate::ledger::fund::Funds;
use crate::ledger::money::Money;
use crate::ledger::operations::{self, Movement};
use crate::ledger::party::{IdNumber, NewParty, Party, PartyType, Role};
use crate::store::Appender;
use crate::store::people::DerivedEntry;
use crate::store::{Read, UnitOfWork};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, Default, Serialize)]
pub struct ImportSummary {
    pub encoding: String,
    pub lines: usize,
    pub donations: usize,
    pub donations_total: Money,
    pub disbursements: usize,
    pub disbursements_total: Money,
    pub already_imported: usize,
    pub new_donors: usize,
    /// The names of the donors this import created, for the receipt font's check.
    #[serde(skip)]
    pub new_donor_names: Vec<String>,
    pub new_beneficiaries: usize,
    pub first_receipt: Option<String>,
    pub last_receipt: Option<String>,
    pub dry_run: bool,
}

/// Matches counterparties to existing parties, creating the missing ones.
struct PartyMatcher {
    by_hash: HashMap<Vec<u8>, i64>,
    /// Every party of a name and type: more than one, and a line must say which.
    by_name: HashMap<(String, &'static str), Vec<Candidate>>,
    resolved: Vec<Option<i64>>,
}

/// A counterparty the name and type alone cannot tell: the sentence for its line.
struct Ambiguous(ImportMessage);

/// A party a name may mean, with what tells it from others of the same name.
struct Candidate {
    id: i64,
    role: Role,
    phone: Option<String>,
    id_last4: Option<String>,
}

impl From<Party> for Candidate {
    fn from(p: Party) -> Candidate {
        Candidate {
            id: p.id,
            role: p.role,
            phone: p.phone,
            id_last4: p.id_last4,
        }
    }
}

impl PartyMatcher {
    fn load(appender: &mut Appender<'_>, parties: usize) -> Result<PartyMatcher> {
        let mut by_hash = HashMap::new();
        let mut by_name: HashMap<(String, &'static str), Vec<Candidate>> = HashMap::new();
        for (party, hash) in appender.parties_for_matching()? {
            if let Some(h) = hash {
                by_hash.insert(h, party.id);
            }
            by_name
                .entry((party.name.clone(), party.party_type.as_str()))
                .or_default()
                .push(party.into());
        }
        Ok(PartyMatcher {
            by_hash,
            by_name,
            resolved: vec![None; parties],
        })
    }

    /// The one party of this name and type; `Ambiguous` when there are several (the
    /// lowest id is never guessed: `donate` refuses the same).
    fn by_name(
        &self,
        name: &str,
        party_type: PartyType,
    ) -> std::result::Result<Option<i64>, Ambiguous> {
        let Some(candidates) = self.by_name.get(&(name.to_string(), party_type.as_str())) else {
            return Ok(None);
        };
        if let [only] = candidates.as_slice() {
            return Ok(Some(only.id));
        }
        Err(Ambiguous(ImportMessage::AmbiguousParty {
            role: candidates[0].role.as_str().to_string(),
            party_type: party_type.as_str().to_string(),
            name: name.into(),
            candidates: candidates
                .iter()
                .map(|p| message::Candidate {
                    id: p.id,
                    phone: p.phone.clone(),
                    id_last4: p.id_last4.clone(),
                })
                .collect(),
        }))
    }

    fn resolve(
        &mut self,
        appender: &mut Appender<'_>,
        file: &ImportFile,
        index: u32,
        key: &[u8],
        summary: &mut ImportSummary,
    ) -> Result<std::result::Result<i64, Ambiguous>> {
        if let Some(id) = self.resolved[index as usize] {
            return Ok(Ok(id));
        }
        let p = &file.parties[index as usize];
        let id_number = p
            .id_number
            .as_deref()
            .map(|n| IdNumber::new("counterparty_id", n, key))
            .transpose()?;
        let found = match id_number
            .as_ref()
            .and_then(|n| self.by_hash.get(&n.hash).copied())
        {
            Some(id) => Some(id),
            None => match self.by_name(&p.name, p.party_type) {
                Ok(found) => found,
                Err(ambiguous) => return Ok(Err(ambiguous)),
            },
        };
        let id = match found {
            Some(id) => id,
            None => {
                let new = NewParty {
                    party_type: Some(p.party_type),
                    name: p.name.to_string(),
                    id_number: id_number.clone(),
                    ..NewParty::default()
                };
                let at = appender.recorded_at().to_string();
                let id = appender.insert_party(&new, &at)?;
                let created = Candidate {
                    id,
                    role: new_role(p.party_type),
                    phone: None,
                    id_last4: id_number.as_ref().map(|n| n.last4.clone()),
                };
                if let Some(n) = id_number {
                    self.by_hash.insert(n.hash, id);
                }
                self.by_name
                    .insert((p.name.to_string(), p.party_type.as_str()), vec![created]);
                match p.party_type {
                    PartyType::Student | PartyType::Household => summary.new_beneficiaries += 1,
                    _ => {
                        summary.new_donors += 1;
                        summary.new_donor_names.push(p.name.to_string());
                    }
                }
                id
            }
        };
        self.resolved[index as usize] = Some(id);
        Ok(Ok(id))
    }
}

/// Donors give, students and households receive.
fn new_role(party_type: PartyType) -> Role {
    match party_type {
        PartyType::Student | PartyType::Household => Role::Beneficiary,
        _ => Role::Donor,
    }
}

/// Records the lines; returns the summary, or the bad lines if any (then the caller
/// must roll back). `progress` is called with the number of lines done.
pub fn apply(
    appender: &mut Appender<'_>,
    file: &mut ImportFile,
    identity_key: &[u8],
    memo_lang: Lang,
    accept_new: bool,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<std::result::Result<ImportSummary, Vec<LineError>>> {
    file.lines.sort_by_key(|l| (l.date, l.line));
    let mut summary = ImportSummary {
        lines: file.lines.len(),
        ..ImportSummary::default()
    };
    let mut errors: Vec<LineError> = Vec::new();
    let mut matcher = PartyMatcher::load(appender, file.parties.len())?;
    // Every counterparty first, so creating parties does not interrupt the batches.
    let mut party_ids = Vec::with_capacity(file.parties.len());
    let mut ambiguous = Vec::new();
    for index in 0..file.parties.len() as u32 {
        match matcher.resolve(appender, file, index, identity_key, &mut summary)? {
            Ok(id) => party_ids.push(id),
            Err(Ambiguous(reason)) => {
                party_ids.push(0);
                ambiguous.push((index, reason));
            }
        }
    }
    if !ambiguous.is_empty() {
        // Each on every line that names it, so the treasurer can fix them all at once.
        for line in &file.lines {
            if let Some((_, reason)) = ambiguous.iter().find(|(i, _)| *i == line.party) {
                errors.push(LineError::new(
                    u64::from(line.line),
                    "counterparty",
                    reason.clone(),
                ));
            }
        }
        errors.sort_by_key(|e| e.line);
        return Ok(Err(errors));
    }
    let check_references = appender.any_reference()?;
    let funds = appender.loaded_funds().clone();
    // References already in the ledger are looked up here (SQL stays on this thread).
    let mut apply_line = vec![true; file.lines.len()];
    if check_references {
        let lines = LinesToRecord {
            file,
            apply_line: &[],
            party_ids: &party_ids,
            funds: &funds,
            memo_lang,
        };
        for (i, line) in file.lines.iter().enumerate() {
            if let Some(outcome) = known_reference(appender, &lines, line)? {
                apply_line[i] = false;
                match outcome {
                    Ok(()) => summary.already_imported += 1,
                    Err(e) => errors.push(e),
                }
            }
        }
    }
    if check_references && file.derived_references && !accept_new {
        errors.extend(corrected_lines(appender, file, &apply_line)?);
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            return Ok(Err(errors));
        }
    }
    // After the reference lookups, which need the index on references. Rebuilding
    // the per-row indexes costs a sort of the whole journal: worth it when the
    // import is at least as big as what is already there.
    let new_lines = apply_line.iter().filter(|apply| **apply).count() as i64;
    appender.set_bulk(new_lines > 0 && new_lines >= appender.head_id())?;
    let lines = LinesToRecord {
        file,
        apply_line: &apply_line,
        party_ids: &party_ids,
        funds: &funds,
        memo_lang,
    };
    let (mut summary, mut errors) = appender.pipeline(move |state, hand_over| {
        let mut totals = (0i64, 0i64);
        for (done, (line, apply)) in lines.file.lines.iter().zip(lines.apply_line).enumerate() {
            if done % 4096 == 0 {
                progress(done as u64);
            }
            if *apply {
                record_line(state, &lines, line, &mut summary, &mut errors, &mut totals)?;
            }
            if let Some(batch) = state.take_batch() {
                hand_over(batch);
            }
        }
        summary.donations_total = Money::from_fen(totals.0);
        summary.disbursements_total = Money::from_fen(totals.1);
        Ok::<_, Error>((summary, errors))
    })??;
    progress(file.lines.len() as u64);
    summary.lines = file.lines.len();
    if errors.is_empty() {
        Ok(Ok(summary))
    } else {
        errors.sort_by_key(|e| e.line);
        Ok(Err(errors))
    }
}

/// What the recording thread needs besides the append state.
struct LinesToRecord<'a> {
    file: &'a ImportFile,
    apply_line: &'a [bool],
    party_ids: &'a [i64],
    funds: &'a Funds,
    memo_lang: Lang,
}

/// A line whose reference is already in the ledger: skipped if it is the same
/// entry in every field (Ok), an error naming the fields that differ if not.
fn known_reference(
    appender: &mut Appender<'_>,
    lines: &LinesToRecord<'_>,
    line: &ImportLine,
) -> Result<Option<std::result::Result<(), LineError>>> {
    let reference = lines.file.text(line.reference);
    let Some(existing) = appender.entry_by_reference(reference)? else {
        return Ok(None);
    };
    let stored = appender
        .entry(existing.id)?
        .ok_or_else(|| Error::not_found(StoreMessage::EntryVanished { id: existing.id }))?;
    let differences = match line_entry(lines, line) {
        Ok(entry) => entry.differences(&stored),
        // A line that cannot even be built differs from what was recorded.
        Err(_) => vec!["postings"],
    };
    if differences.is_empty() {
        return Ok(Some(Ok(())));
    }
    Ok(Some(Err(LineError::new(
        u64::from(line.line),
        "reference",
        ImportMessage::ReferenceRecorded {
            reference: reference.into(),
            id: existing.id,
            kind: existing.kind.to_string(),
            amount: existing.amount_fen,
            date: existing.date.to_string(),
            differences: differences.iter().map(|d| d.to_string()).collect(),
        },
    ))))
}

/// New lines of a sheet (derived references not yet in the ledger) that look like a
/// corrected version of a line imported before: an earlier sheet entry of the same
/// date, kind and amount that no line of this file derives and no reversal undid.
/// The name (or another field) changed, so its reference did, and importing it would
/// record the gift twice; the treasurer reverses the old entry or says `--accept-new`.
fn corrected_lines(
    appender: &mut Appender<'_>,
    file: &ImportFile,
    apply_line: &[bool],
) -> Result<Vec<LineError>> {
    let new_lines: Vec<&ImportLine> = file
        .lines
        .iter()
        .zip(apply_line)
        .filter_map(|(line, apply)| apply.then_some(line))
        .collect();
    if new_lines.is_empty() {
        return Ok(Vec::new());
    }
    let in_file: std::collections::HashSet<&str> =
        file.lines.iter().map(|l| file.text(l.reference)).collect();
    let mut earlier: HashMap<(String, String, i64), Vec<DerivedEntry>> = HashMap::new();
    for entry in appender.derived_entries(DERIVED_REFERENCE_PREFIX)? {
        if !in_file.contains(entry.reference.as_str()) {
            let key = (entry.date.clone(), entry.kind.clone(), entry.amount_fen);
            earlier.entry(key).or_default().push(entry);
        }
    }
    let mut errors = Vec::new();
    for line in new_lines {
        let kind = match line.kind {
            Kind::Donation => "donation",
            Kind::Disbursement => "disbursement",
        };
        let key = (iso(line.date), kind.to_string(), line.amount.fen());
        let Some(entry) = earlier.get_mut(&key).and_then(|found| found.pop()) else {
            continue;
        };
        let reason = ImportMessage::LikelyReplaces {
            entry: entry.id,
            date: entry.date,
            name: entry.name.as_str().into(),
            amount: Money::from_fen(entry.amount_fen).grouped(),
        };
        errors.push(LineError::new(u64::from(line.line), "-", reason));
    }
    Ok(errors)
}

/// The entry a line records: the movement with its counterparty, fund and memo (a
/// default one in the ledger's language when the line has none).
fn line_entry(lines: &LinesToRecord<'_>, line: &ImportLine) -> Result<NewEntry> {
    let file = lines.file;
    let fund = lines
        .funds
        .get(line.fund)
        .ok_or_else(|| Error::not_found(StoreMessage::FundVanished))?;
    let name = &file.parties[line.party as usize].name;
    let memo = match file.text(line.memo) {
        "" => match line.kind {
            Kind::Donation => format!("{} {name}", L::DonationFrom.get(lines.memo_lang)),
            Kind::Disbursement => format!("{} {name}", L::AidTo.get(lines.memo_lang)),
        },
        memo => memo.to_string(),
    };
    let movement = Movement {
        date: line.date,
        amount: line.amount,
        fund,
        method: line.method,
        party_id: lines.party_ids[line.party as usize],
        reference: Some(file.text(line.reference).to_string()),
        memo,
    };
    match line.kind {
        Kind::Donation => operations::donation_entry(&movement),
        Kind::Disbursement => {
            let account = fund.program_account.as_deref().unwrap_or_default();
            operations::disbursement_entry(&movement, account)
        }
    }
}

/// Records one line; a refusal (closed year, overspending) becomes a line error.
fn record_line(
    state: &mut AppendState,
    lines: &LinesToRecord<'_>,
    line: &ImportLine,
    summary: &mut ImportSummary,
    errors: &mut Vec<LineError>,
    totals: &mut (i64, i64),
) -> Result<()> {
    let line_error = |column: &str, error: &Error| {
        LineError::new(u64::from(line.line), column, crate::input::reason_of(error))
    };
    let kind = match line.kind {
        Kind::Donation => EntryKind::Donation,
        Kind::Disbursement => EntryKind::Disbursement,
    };
    if let Err(e) = state.check_date(line.date, kind) {
        errors.push(line_error("date", &e));
        return Ok(());
    }
    let entry = line_entry(lines, line);
    let outcome = match line.kind {
        Kind::Donation => entry
            .and_then(|e| state.donation(&e, None))
            .map(|(_, receipt)| {
                summary.first_receipt.get_or_insert_with(|| receipt.clone());
                summary.last_receipt = Some(receipt);
                summary.donations += 1;
                totals.0 += line.amount.fen();
            }),
        Kind::Disbursement => entry.and_then(|e| state.append(&e)).map(|_| {
            summary.disbursements += 1;
            totals.1 += line.amount.fen();
        }),
    };
    match outcome {
        Ok(()) => Ok(()),
        Err(e @ Error::Refused(_)) => {
            errors.push(line_error("amount", &e));
            Ok(())
        }
        Err(e) => Err(e),
    }
}
