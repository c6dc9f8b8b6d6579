//! The year's reports for the committee and the public: funds (per fund opening,
//! raised, disbursed, closing), donors (count and total, anonymous givers grouped as
//! 愛心人士), and beneficiaries per program (distinct students and households and the
//! amounts; students shown only by name, school and grade, never identity numbers).

use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::money::Money;
use crate::ledger::party::{PartyType, Role};
use crate::ledger::words::{Word, Words};
use crate::store::Read;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

pub fn year_bounds(year: i32) -> Result<(NaiveDate, NaiveDate)> {
    match (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) {
        (Some(s), Some(e)) if (1900..=9998).contains(&year) => Ok((s, e)),
        _ => Err(Error::input_in(
            Field::Year,
            OpsMessage::YearNotKept {
                year: i64::from(year),
            },
        )),
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct DonorReport {
    pub year: i32,
    pub donors: Vec<DonorLine>,
    pub count: i64,
    pub total: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct DonorLine {
    /// None for the anonymous line.
    pub donor_id: Option<i64>,
    pub name: String,
    #[serde(rename = "type")]
    pub donor_type: PartyType,
    pub count: i64,
    pub total: Money,
}

pub fn donor_report(store: &impl Read, year: i32, lang: impl Words) -> Result<DonorReport> {
    let (start, end) = year_bounds(year)?;
    let parties: BTreeMap<i64, _> = store
        .parties(Role::Donor)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut named: BTreeMap<i64, DonorLine> = BTreeMap::new();
    let mut anonymous = DonorLine {
        donor_id: None,
        name: lang.word(Word::AnonymousDonor).to_string(),
        donor_type: PartyType::Anonymous,
        count: 0,
        total: Money::ZERO,
    };
    // A donor merged into another counts as its root (`donor merge`).
    let roots = store.merge_roots()?;
    // Donors who asked not to be named are counted with the anonymous ones.
    let unnamed = store.unnamed_parties()?;
    for (party, _, count, amount) in store.party_movements(start, end, false)? {
        let party = roots.get(&party).copied().unwrap_or(party);
        let Some(p) = parties.get(&party) else {
            continue;
        };
        let line = if p.party_type == PartyType::Anonymous || unnamed.contains(&party) {
            &mut anonymous
        } else {
            named.entry(party).or_insert_with(|| DonorLine {
                donor_id: Some(party),
                name: p.name.clone(),
                donor_type: p.party_type,
                count: 0,
                total: Money::ZERO,
            })
        };
        line.count += count;
        line.total = line.total.plus("donor's total", amount)?;
    }
    let mut donors: Vec<DonorLine> = named.into_values().collect();
    donors.sort_by(|a, b| b.total.cmp(&a.total).then(a.name.cmp(&b.name)));
    if anonymous.count != 0 || !anonymous.total.is_zero() {
        donors.push(anonymous);
    }
    Ok(DonorReport {
        year,
        count: donors.iter().map(|d| d.count).sum(),
        total: Money::total("year's total", donors.iter().map(|d| d.total))?,
        donors,
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct BeneficiaryReport {
    pub year: i32,
    pub programs: Vec<ProgramAid>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProgramAid {
    pub account: String,
    pub program: String,
    pub students: i64,
    pub households: i64,
    pub amount: Money,
    pub people: Vec<AidedLine>,
}

/// What may be published of a beneficiary: name, and for a student school and grade.
#[derive(Clone, Debug, Serialize)]
pub struct AidedLine {
    pub name: String,
    #[serde(rename = "type")]
    pub beneficiary_type: PartyType,
    pub school: Option<String>,
    pub grade: Option<String>,
    pub payments: i64,
    pub amount: Money,
}

pub fn beneficiary_report(
    store: &impl Read,
    year: i32,
    lang: impl Words,
) -> Result<BeneficiaryReport> {
    let (start, end) = year_bounds(year)?;
    let parties: BTreeMap<i64, _> = store
        .parties(Role::Beneficiary)?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let accounts = store.accounts()?;
    let mut programs: BTreeMap<String, ProgramAid> = BTreeMap::new();
    for (party, account, payments, amount) in store.party_movements(start, end, true)? {
        let Some(p) = parties.get(&party) else {
            continue;
        };
        let program = programs
            .entry(account.clone())
            .or_insert_with(|| ProgramAid {
                program: accounts
                    .iter()
                    .find(|a| a.code.as_str() == account)
                    .map_or_else(String::new, |a| a.names.get(lang.script()).to_string()),
                account,
                students: 0,
                households: 0,
                amount: Money::ZERO,
                people: Vec::new(),
            });
        if payments > 0 {
            match p.party_type {
                PartyType::Student => program.students += 1,
                PartyType::Household => program.households += 1,
                _ => {}
            }
        }
        program.amount = program.amount.plus("program's total", amount)?;
        let student = p.party_type == PartyType::Student;
        program.people.push(AidedLine {
            name: p.name.clone(),
            beneficiary_type: p.party_type,
            school: if student { p.school.clone() } else { None },
            grade: if student { p.grade.clone() } else { None },
            payments,
            amount,
        });
    }
    Ok(BeneficiaryReport {
        year,
        programs: programs.into_values().collect(),
    })
}

/// One donor's gifts of a year with their receipt numbers: the year-end statement.
#[derive(Clone, Debug, Serialize)]
pub struct DonorStatement {
    pub year: i32,
    pub donor_id: i64,
    pub donor: String,
    pub gifts: Vec<StatementGift>,
    pub count: i64,
    pub total: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct StatementGift {
    pub date: NaiveDate,
    pub receipt: Option<String>,
    pub fund: String,
    pub method: Option<String>,
    pub kind: String,
    pub amount: Money,
}

pub fn donor_statement(
    store: &impl Read,
    year: i32,
    donor: &str,
    lang: impl Words,
) -> Result<DonorStatement> {
    let (start, end) = year_bounds(year)?;
    let party = store.find_party(Role::Donor, Field::Statement, donor)?;
    // A merged donor's gifts are its root's: the statement is the root's.
    let party = match store.merge_roots()?.get(&party.id) {
        Some(root) => store.party(Role::Donor, *root)?.unwrap_or(party),
        None => party,
    };
    let history = super::people::party_detail(store, Role::Donor, party.id, lang)?.history;
    let gifts: Vec<StatementGift> = history
        .into_iter()
        .filter(|h| h.date >= start && h.date <= end)
        .map(|h| StatementGift {
            date: h.date,
            receipt: h.receipt,
            fund: h.fund,
            method: h
                .method
                .as_deref()
                .map(|m| super::receipts::method_label(Some(m), lang)),
            kind: h.kind,
            amount: h.amount,
        })
        .collect();
    let name = if party.party_type == PartyType::Anonymous {
        lang.word(Word::AnonymousDonor).to_string()
    } else {
        party.name
    };
    Ok(DonorStatement {
        year,
        donor_id: party.id,
        donor: name,
        count: gifts.iter().filter(|g| g.kind == "donation").count() as i64,
        total: Money::total("donor's total", gifts.iter().map(|g| g.amount))?,
        gifts,
    })
}
