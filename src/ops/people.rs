//! Donors, beneficiaries and the treasurer's two everyday entries: a donation (with
//! its receipt number) and aid paid out. The rules: the one anonymous donor for
//! gifts without a name, default memos in the ledger's language, a program's own fund
//! unless another is named.

use super::journal::Written;
use super::{Actor, Ledger, optional_text};
use crate::error::message::{OpsMessage, StoreMessage};
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::ledger::entry::{
    MEMO_LENGTH_MAX, NewEntry, REFERENCE_LENGTH_MAX, StoredEntry, check_text,
};
use crate::ledger::fund::Fund;
use crate::ledger::money::Money;
use crate::ledger::operations::{self, Movement};
use crate::ledger::party::{
    IdNumber, Method, NewParty, Party, PartyEdit, PartyType, Role, changed_fields,
    check_party_name, is_anonymous_name,
};
use crate::render::Render;
use crate::store::Appender;
use crate::store::{Read, UnitOfWork};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::{self, Write};

/// The longest phone, school, grade or village.
pub const DETAIL_LENGTH_MAX: usize = 100;
/// The largest household lovefund records.
pub const HOUSEHOLD_MEMBERS_MAX: i64 = 100;

/// A donor or beneficiary as typed; the type decides which.
pub struct PartyRequest {
    pub party_type: PartyType,
    pub name: String,
    pub phone: Option<String>,
    pub school: Option<String>,
    pub grade: Option<String>,
    pub village: Option<String>,
    pub members: Option<i64>,
    pub id_number: Option<String>,
    /// False for a donor who asked not to be named in public reports (`--no-publish`).
    pub publish: bool,
}

#[derive(Debug, Serialize)]
pub struct PartyAdded {
    pub id: i64,
    pub role: Role,
    pub name: String,
    /// A donor's name the receipt font cannot draw (at most one), for a warning.
    #[serde(skip)]
    pub unprintable: Vec<super::documents::UnprintableName>,
}

impl Render for PartyAdded {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let label = match self.role {
            Role::Donor => L::Donor,
            Role::Beneficiary => L::Beneficiary,
        };
        writeln!(
            out,
            "{} {} {}: {}",
            L::Added.get(lang),
            label.get(lang),
            self.id,
            self.name
        )
    }
}

/// Refuses a household size outside 1..=HOUSEHOLD_MEMBERS_MAX.
fn check_members(members: Option<i64>) -> Result<()> {
    if members.is_some_and(|m| !(1..=HOUSEHOLD_MEMBERS_MAX).contains(&m)) {
        return Err(Error::input_in(
            Field::Members,
            OpsMessage::HouseholdMembers {
                max: HOUSEHOLD_MEMBERS_MAX as u64,
            },
        ));
    }
    Ok(())
}

/// Adds a donor or a beneficiary; an identity number is kept only as a keyed hash
/// and its last four characters.
pub fn add_party(ledger: &mut Ledger, actor: &Actor, request: PartyRequest) -> Result<PartyAdded> {
    check_members(request.members)?;
    let mut party = NewParty {
        party_type: Some(request.party_type),
        name: check_party_name(Field::Name, &request.name)?,
        phone: optional_text(Field::Phone, request.phone, DETAIL_LENGTH_MAX)?,
        school: optional_text(Field::School, request.school, DETAIL_LENGTH_MAX)?,
        grade: optional_text(Field::Grade, request.grade, DETAIL_LENGTH_MAX)?,
        village: optional_text(Field::Village, request.village, DETAIL_LENGTH_MAX)?,
        members: request.members,
        ..NewParty::default()
    };
    let id = ledger.store_mut()?.write(&actor.stamp(), |unit| {
        if let Some(text) = &request.id_number {
            party.id_number = Some(IdNumber::new(Field::IdNumber, text, &unit.identity_key()?)?);
        }
        let id = unit.insert_party(&party, &actor.recorded_at)?;
        if !request.publish && request.party_type.role() == Role::Donor {
            unit.insert_party_publish(id, false, None, &actor.user, &actor.recorded_at)?;
        }
        Ok(id)
    })?;
    let role = request.party_type.role();
    let unprintable = match role {
        Role::Donor => super::documents::unprintable_names([party.name.as_str()]),
        Role::Beneficiary => Vec::new(),
    };
    Ok(PartyAdded {
        id,
        role,
        name: party.name,
        unprintable,
    })
}

/// What a donation and aid have in common, as typed: the counterparty by name or id
/// (for a donation 愛心人士 or "anonymous" means the anonymous donor), the amount,
/// date, method, an optional reference and memo (blank: a default memo in the
/// ledger's language).
pub struct MovementRequest {
    pub counterparty: String,
    pub amount: Money,
    pub date: NaiveDate,
    pub method: Method,
    pub reference: Option<String>,
    pub memo: Option<String>,
}

/// How money moved, by its code (bank, cash, wechat, alipay) or a sheet's word for
/// it; refused naming `field`. The web page's forms send it as text.
pub fn method(field: Field, text: &str) -> Result<Method> {
    crate::import::method_word(text).ok_or_else(|| {
        crate::error::Error::input_in(
            field,
            crate::error::message::ImportMessage::NotAMethod { text: text.into() },
        )
    })
}

/// A donation to a fund (by any of its names), with the official receipt number
/// when one was issued; or, with `entrusted_for`, a gift held in trust (受托代理) for
/// that beneficiary (by the same names as `disburse --to`), which goes to no fund.
pub struct DonationRequest {
    pub movement: MovementRequest,
    pub fund: String,
    pub official_receipt_no: Option<String>,
    pub entrusted_for: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DonationRecorded {
    pub entry: i64,
    pub receipt: String,
    pub donor: i64,
    #[serde(skip)]
    pub donor_name: String,
    #[serde(skip)]
    pub donor_type: PartyType,
    pub amount: Money,
    pub hash: String,
    /// Recorded before under the same reference; nothing was added now.
    pub already: bool,
    /// The beneficiary a gift in trust is held for (受托代理), by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entrusted_for: Option<i64>,
    #[serde(skip)]
    pub entrusted_name: Option<String>,
}

impl Render for DonationRecorded {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let label = match self.already {
            true => L::AlreadyRecorded,
            false => L::DonationRecorded,
        };
        writeln!(
            out,
            "{} {}: {} {} — {} {}",
            label.get(lang),
            self.entry,
            crate::ledger::party::shown_name(self.donor_type, &self.donor_name, lang),
            self.amount.yuan(),
            L::Receipt.get(lang),
            self.receipt
        )?;
        match &self.entrusted_name {
            Some(name) => writeln!(out, "{}: {name}", L::EntrustedFor.get(lang)),
            None => Ok(()),
        }
    }
}

/// Records a donation and issues the next receipt number of its year.
pub fn donate(
    ledger: &mut Ledger,
    actor: &Actor,
    request: DonationRequest,
) -> Result<DonationRecorded> {
    let official_no = optional_text(
        Field::OfficialReceiptNo,
        request.official_receipt_no,
        DETAIL_LENGTH_MAX,
    )?;
    let amount = request.movement.amount;
    let entrusted_for = request.entrusted_for.as_deref();
    let held_for = std::cell::RefCell::new(None);
    let side = Side {
        memo_label: L::DonationFrom,
        choose: &|appender: &mut Appender<'_>, who: &str| {
            let funds = appender.loaded_funds();
            let fund = match entrusted_for {
                // A gift in trust changes no fund's net assets (`entrusted_gift_entry`).
                Some(_) => operations::fund(funds, Field::Fund, "unrestricted")?.clone(),
                None => operations::fund(funds, Field::Fund, &request.fund)?.clone(),
            };
            if let Some(name) = entrusted_for {
                let beneficiary = appender.find_party(Role::Beneficiary, Field::For, name)?;
                *held_for.borrow_mut() = Some(beneficiary);
            }
            let donor = donor_of(appender, actor, who)?;
            Ok(Chosen {
                fund,
                party: donor,
                program_account: None,
                held: None,
            })
        },
    };
    let (written, donor) = record(
        ledger,
        actor,
        request.movement,
        side,
        |m, _| match entrusted_for {
            Some(_) => operations::entrusted_gift_entry(m),
            None => operations::donation_entry(m),
        },
        |a, e| {
            let (appended, receipt) = a.donation(e, official_no.as_deref())?;
            if let Some(beneficiary) = held_for.borrow().as_ref() {
                a.insert_entrusted(appended.id, beneficiary.id)?;
            }
            Ok((appended, receipt))
        },
    )?;
    let beneficiary = held_for.into_inner();
    let (entry, hash, receipt, already) = match written {
        Written::New((appended, receipt)) => (appended.id, appended.hash.to_vec(), receipt, false),
        Written::Already(stored) => {
            let receipt = current_receipt(ledger, &stored)?;
            (stored.id, stored.hash, receipt, true)
        }
    };
    Ok(DonationRecorded {
        entry,
        receipt,
        donor: donor.id,
        donor_name: donor.name,
        donor_type: donor.party_type,
        amount,
        hash: hex::encode(hash),
        already,
        entrusted_for: beneficiary.as_ref().map(|b| b.id),
        entrusted_name: beneficiary.map(|b| b.name),
    })
}

/// The receipt a donation recorded earlier holds now (its latest valid one; empty if
/// every one of them was voided).
fn current_receipt(ledger: &Ledger, donation: &StoredEntry) -> Result<String> {
    let year = chrono::Datelike::year(&donation.date);
    Ok(ledger
        .reader()
        .receipts(Some(year))?
        .into_iter()
        .filter(|r| r.entry_id == donation.id && r.void.is_none())
        .map(|r| r.number.to_string())
        .next_back()
        .unwrap_or_default())
}

/// The donor a donation names: the anonymous donor (made on first use), or one by
/// name or id.
fn donor_of(unit: &mut impl UnitOfWork, actor: &Actor, name_or_id: &str) -> Result<Party> {
    if is_anonymous_name(name_or_id) {
        let id = unit.anonymous_donor(&actor.recorded_at)?;
        return unit
            .party(Role::Donor, id)?
            .ok_or_else(|| Error::not_found(StoreMessage::AnonymousDonorMissing));
    }
    unit.find_party(Role::Donor, Field::Donor, name_or_id)
}

/// Aid from a program (助學, 扶貧, 幫困 in any spelling), drawn on its own fund unless
/// another is named; or the payout of gifts held in trust for the beneficiary.
pub struct DisbursementRequest {
    pub movement: MovementRequest,
    pub source: AidSource,
}

/// What aid is paid from.
pub enum AidSource {
    /// A program, charged to its 5101 sub-account, on `fund` (None: its own).
    Program {
        program: String,
        fund: Option<String>,
    },
    /// What is held in trust (受托代理, 2601) for the beneficiary (`--entrusted`).
    Entrusted,
}

#[derive(Debug, Serialize)]
pub struct DisbursementRecorded {
    pub entry: i64,
    pub beneficiary: i64,
    #[serde(skip)]
    pub beneficiary_name: String,
    pub amount: Money,
    pub hash: String,
    /// Recorded before under the same reference; nothing was added now.
    pub already: bool,
    /// Paid from what is held in trust for the beneficiary.
    pub entrusted: bool,
}

impl Render for DisbursementRecorded {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let label = match (self.already, self.entrusted) {
            (true, _) => L::AlreadyRecorded,
            (false, false) => L::DisbursementRecorded,
            (false, true) => L::EntrustedPaidOut,
        };
        writeln!(
            out,
            "{} {}: {} {}",
            label.get(lang),
            self.entry,
            self.beneficiary_name,
            self.amount.yuan()
        )
    }
}

/// Records aid paid to a beneficiary, charged to the program's 5101 sub-account, or
/// paid from what is held in trust for them (refused beyond what is held).
pub fn disburse(
    ledger: &mut Ledger,
    actor: &Actor,
    request: DisbursementRequest,
) -> Result<DisbursementRecorded> {
    let amount = request.movement.amount;
    let entrusted = matches!(request.source, AidSource::Entrusted);
    let reference = request.movement.reference.clone();
    let side = Side {
        memo_label: if entrusted { L::EntrustedTo } else { L::AidTo },
        choose: &|appender: &mut Appender<'_>, who: &str| {
            let funds = appender.loaded_funds();
            let (fund, program_account) = match &request.source {
                AidSource::Program { program, fund } => {
                    let program = operations::program(funds, Field::Program, program)?;
                    let fund = match fund {
                        Some(f) => operations::fund(funds, Field::Fund, f)?.clone(),
                        None => program.clone(),
                    };
                    (fund, program.program_account.clone())
                }
                AidSource::Entrusted => (
                    operations::fund(funds, Field::Fund, "unrestricted")?.clone(),
                    None,
                ),
            };
            let party = appender.find_party(Role::Beneficiary, Field::Beneficiary, who)?;
            let held = match entrusted {
                true => {
                    // A retry of a payout recorded under this reference is checked as if
                    // it were not recorded yet, so it finds itself rather than a refusal.
                    let retried = match reference.as_deref().map(str::trim) {
                        Some(r) => appender.entry_by_reference(r)?.map(|e| e.id),
                        None => None,
                    };
                    let changes = appender.entrusted_changes(party.id)?;
                    Some(operations::entrusted_days(&changes, retried))
                }
                false => None,
            };
            Ok(Chosen {
                fund,
                party,
                program_account,
                held,
            })
        },
    };
    let (written, beneficiary) = record(
        ledger,
        actor,
        request.movement,
        side,
        |m, c| match &c.held {
            Some(held) => operations::entrusted_payout_entry(m, held, &c.party.name),
            None => {
                let account = c.program_account.as_deref().unwrap_or_default();
                operations::disbursement_entry(m, account)
            }
        },
        |a, e| {
            let appended = a.append(e)?;
            if entrusted {
                let party_id = e.details.party_id.unwrap_or_default();
                a.insert_entrusted(appended.id, party_id)?;
            }
            Ok(appended)
        },
    )?;
    let (entry, hash, already) = match written {
        Written::New(appended) => (appended.id, appended.hash.to_vec(), false),
        Written::Already(stored) => (stored.id, stored.hash, true),
    };
    Ok(DisbursementRecorded {
        entry,
        beneficiary: beneficiary.id,
        beneficiary_name: beneficiary.name,
        amount,
        hash: hex::encode(hash),
        already,
        entrusted,
    })
}

/// What differs between a donation and aid before the entry is built: the default
/// memo's label, and how the fund and the counterparty are chosen.
struct Side<'a> {
    memo_label: L,
    choose: &'a dyn Fn(&mut Appender<'_>, &str) -> Result<Chosen>,
}

/// The fund and counterparty of a movement, for aid the program's account, and for
/// a payout of gifts in trust what is held for the beneficiary.
struct Chosen {
    fund: Fund,
    party: Party,
    program_account: Option<String>,
    held: Option<crate::ledger::guard::SubjectDays>,
}

/// Records one movement in one transaction: checks the typed text, chooses the fund
/// and counterparty, builds the movement's entry with its memo (`build`), and lets
/// `append` append it — unless the same entry is already recorded under its
/// reference (`journal::recorded_before`), when nothing is appended.
fn record<T>(
    ledger: &mut Ledger,
    actor: &Actor,
    request: MovementRequest,
    side: Side<'_>,
    build: impl FnOnce(&Movement<'_>, &Chosen) -> Result<NewEntry>,
    append: impl FnOnce(&mut Appender<'_>, &NewEntry) -> Result<T>,
) -> Result<(Written<T>, Party)> {
    let reference = optional_text(Field::Reference, request.reference, REFERENCE_LENGTH_MAX)?;
    let memo_label = side.memo_label.get(ledger.lang());
    let store = ledger.store_mut()?;
    store.write(&actor.stamp(), |appender| {
        let chosen = (side.choose)(appender, &request.counterparty)?;
        let memo = memo_or(request.memo, format!("{memo_label} {}", chosen.party.name))?;
        let movement = Movement {
            date: request.date,
            amount: request.amount,
            fund: &chosen.fund,
            method: request.method,
            party_id: chosen.party.id,
            reference,
            memo,
        };
        let entry = build(&movement, &chosen)?;
        let written = super::journal::append_once(appender, &entry, append)?;
        Ok((written, chosen.party))
    })
}

/// The memo as typed, or the default one when blank.
fn memo_or(memo: Option<String>, default: String) -> Result<String> {
    let memo = memo.filter(|m| !m.trim().is_empty()).unwrap_or(default);
    check_text(Field::Memo, &memo, MEMO_LENGTH_MAX)?;
    Ok(memo)
}

/// An edit of a donor or beneficiary as typed: the party by name or id, and only the
/// fields to change (a field not given keeps its value).
pub struct EditRequest {
    pub role: Role,
    pub party: String,
    pub party_type: Option<PartyType>,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub school: Option<String>,
    pub grade: Option<String>,
    pub village: Option<String>,
    pub members: Option<i64>,
    pub id_number: Option<String>,
    /// A donor's new choice to be named in public reports or not (`--publish`,
    /// `--no-publish`); None keeps it.
    pub publish: Option<bool>,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct PartyEdited {
    pub id: i64,
    pub role: Role,
    /// The party_edits row written; None when only the choice to be named changed.
    pub edit: Option<i64>,
    pub name: String,
    pub changed: Vec<&'static str>,
}

impl Render for PartyEdited {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let label = match self.role {
            Role::Donor => L::Donor,
            Role::Beneficiary => L::Beneficiary,
        };
        let changed: Vec<&str> = self
            .changed
            .iter()
            .map(|f| crate::render::text::field_label(f, lang))
            .collect();
        writeln!(
            out,
            "{} {} {}: {} ({}: {})",
            L::Edited.get(lang),
            label.get(lang),
            self.id,
            self.name,
            L::Changed.get(lang),
            changed.join(", ")
        )
    }
}

/// Corrects a donor or beneficiary by a new chained edit record holding the whole
/// party as it is after the edit; nothing recorded before is changed. Receipts
/// already issued keep the name printed on them; reports use the new one.
pub fn edit_party(ledger: &mut Ledger, actor: &Actor, request: EditRequest) -> Result<PartyEdited> {
    let reason = optional_text(Field::Reason, Some(request.reason), MEMO_LENGTH_MAX)?
        .ok_or_else(|| Error::input_in(Field::Reason, OpsMessage::EditNeedsReason))?;
    check_members(request.members)?;
    let role = request.role;
    let field = match role {
        Role::Donor => Field::Donor,
        Role::Beneficiary => Field::Beneficiary,
    };
    let before = ledger.reader().find_party(role, field, &request.party)?;
    let name = match request.name {
        Some(name) => check_party_name(Field::Name, &name)?,
        None => before.name.clone(),
    };
    let keep =
        |field: Field, new: Option<String>, old: &Option<String>| -> Result<Option<String>> {
            match new {
                Some(v) => optional_text(field, Some(v), DETAIL_LENGTH_MAX),
                None => Ok(old.clone()),
            }
        };
    let mut edit = PartyEdit {
        party_id: before.id,
        party_type: request.party_type.unwrap_or(before.party_type),
        name,
        phone: keep(Field::Phone, request.phone, &before.phone)?,
        id_number: None,
        school: keep(Field::School, request.school, &before.school)?,
        grade: keep(Field::Grade, request.grade, &before.grade)?,
        village: keep(Field::Village, request.village, &before.village)?,
        members: request.members.or(before.members),
        reason,
    };
    let (id, after, publish_changed) = ledger.store_mut()?.write(&actor.stamp(), |unit| {
        if let Some(text) = &request.id_number {
            edit.id_number = Some(IdNumber::new(Field::IdNumber, text, &unit.identity_key()?)?);
        }
        let mut after = before.clone();
        after.party_type = edit.party_type;
        after.name = edit.name.clone();
        after.phone = edit.phone.clone();
        after.school = edit.school.clone();
        after.grade = edit.grade.clone();
        after.village = edit.village.clone();
        after.members = edit.members;
        if let Some(id) = &edit.id_number {
            after.id_last4 = Some(id.last4.clone());
        }
        let changed = changed_fields(&before, &after);
        let named = !unit.unnamed_parties()?.contains(&before.id);
        let publish = request.publish.filter(|p| *p != named);
        // A new identity number with the same last four characters still changes it.
        let fields_changed = !changed.is_empty() || edit.id_number.is_some();
        if !fields_changed && publish.is_none() {
            return Err(Error::input(OpsMessage::NothingToEdit {
                role: role.as_str().to_string(),
                id: before.id,
            }));
        }
        let id = match fields_changed {
            true => Some(unit.insert_party_edit(&edit, &actor.user, &actor.recorded_at)?),
            false => None,
        };
        if let Some(publish) = publish {
            let reason = Some(edit.reason.as_str());
            unit.insert_party_publish(before.id, publish, reason, &actor.user, &actor.recorded_at)?;
        }
        Ok((id, after, publish.is_some()))
    })?;
    let mut changed = changed_fields(&before, &after);
    if edit.id_number.is_some() && !changed.contains(&"id-number") {
        changed.push("id-number");
    }
    if publish_changed {
        changed.push("publish");
    }
    Ok(PartyEdited {
        id: before.id,
        role,
        edit: id,
        name: after.name,
        changed,
    })
}
