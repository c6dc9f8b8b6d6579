//! The year's public disclosure (年度信息公开, after the 慈善组织信息公开办法): income
//! by source and by kind, spending by program and the people aided by each, the
//! year's projects (funds) with their money in and out and what is left, gifts held in
//! trust (受托代理) passed on, and the donors and beneficiaries as the public may see
//! them. Nothing here names a person in full: beneficiaries are masked (张*), person
//! donors too, organisations are named, and donors who asked not to be named
//! (`--no-publish`) are counted with the anonymous givers (爱心人士). No identity
//! number, school, village or phone appears. Computed from the same reports as the
//! summary and the statements, so the figures agree with them.

use super::annual::{beneficiary_report, donor_report, year_bounds};
use super::fund_balances::fund_balances;
use super::statements::activities;
use super::summary::annual_summary;
use crate::error::Result;
use crate::ledger::chart::ENTRUSTED_LIABILITIES;
use crate::ledger::money::Money;
use crate::ledger::party::{PartyType, Role};
use crate::ledger::signature::mask_name;
use crate::ledger::words::Words;
use crate::store::Read;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Clone, Debug, Serialize)]
pub struct Disclosure {
    pub year: i32,
    pub fund_name: String,
    /// The year is not closed yet: its figures may still change (初步).
    pub preliminary: bool,
    /// Donation revenue by who gave: person, organization, anonymous.
    pub income_by_source: Vec<SourceLine>,
    /// Revenue by account and restriction (捐赠收入 限定性 / 非限定性 …).
    pub income_by_kind: Vec<KindLine>,
    pub total_income: Money,
    /// Aid by program, with the students and households aided.
    pub spending_by_program: Vec<ProgramLine>,
    /// Costs that are no program's aid (管理费用, 筹资费用), by account.
    pub other_spending: Vec<KindLine>,
    pub total_spending: Money,
    pub students_aided: i64,
    pub households_aided: i64,
    /// Each fund (project) of the year: opening, in, out, left at the year's end.
    pub projects: Vec<ProjectLine>,
    /// Gifts held in trust for named beneficiaries: received and passed on in the year.
    pub entrusted_received: Money,
    pub entrusted_paid: Money,
    pub donors: Vec<PublicDonor>,
    pub beneficiaries: Vec<PublicBeneficiary>,
    pub fingerprint: Option<String>,
    /// What was published of this year's disclosure (`--publish`), if anything.
    pub publication: Option<PublicationState>,
}

/// The published versions of a year's disclosure, as the report shows them.
#[derive(Clone, Debug, Serialize)]
pub struct PublicationState {
    /// The latest version published.
    pub version: i64,
    pub published_at: String,
    pub published_by: String,
    /// The figures are still those of the latest version published.
    pub unchanged: bool,
    /// Each correction (更正说明), oldest first.
    pub corrections: Vec<CorrectionNote>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CorrectionNote {
    pub version: i64,
    pub note: String,
    pub published_at: String,
}

/// The name publications know the disclosure by.
pub const DISCLOSURE: &str = "disclosure";

impl Disclosure {
    /// What is published and compared: the report as JSON, without the ledger
    /// fingerprint (it moves with every later entry of any year) and without what was
    /// published before; and its SHA-256 in hex.
    pub fn published_form(&self) -> (String, String) {
        use sha2::{Digest, Sha256};
        let bare = Disclosure {
            fingerprint: None,
            publication: None,
            ..self.clone()
        };
        let content = serde_json::to_string(&bare).unwrap_or_default();
        let sha256 = hex::encode(Sha256::digest(content.as_bytes()));
        (content, sha256)
    }
}

/// The state of what was published, for a disclosure computed now.
fn publication_state(store: &impl Read, now: &Disclosure) -> Result<Option<PublicationState>> {
    let published = store.publications(DISCLOSURE, now.year)?;
    let Some(latest) = published.last() else {
        return Ok(None);
    };
    let corrections = published
        .iter()
        .filter_map(|p| {
            p.correction.as_ref().map(|note| CorrectionNote {
                version: p.version,
                note: note.clone(),
                published_at: p.published_at.clone(),
            })
        })
        .collect();
    Ok(Some(PublicationState {
        version: latest.version,
        published_at: latest.published_at.clone(),
        published_by: latest.published_by.clone(),
        unchanged: now.published_form().1 == latest.sha256,
        corrections,
    }))
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceLine {
    pub source: PartyType,
    pub donors: i64,
    pub amount: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct KindLine {
    pub account: String,
    pub name: String,
    pub restricted: Money,
    pub unrestricted: Money,
    pub total: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProgramLine {
    pub account: String,
    pub program: String,
    pub amount: Money,
    pub students: i64,
    pub households: i64,
}

#[derive(Clone, Debug, Serialize)]
pub struct ProjectLine {
    pub fund: String,
    pub restricted: bool,
    pub opening: Money,
    pub raised: Money,
    pub disbursed: Money,
    /// Moved to or from other funds in the year (net-asset transfers): how the
    /// leftover money of a finished project was used, negative when moved out.
    pub transfers: Money,
    pub closing: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct PublicDonor {
    /// An organisation's name, a person's masked (张*), or 爱心人士 for the anonymous
    /// givers and those who asked not to be named.
    pub name: String,
    pub anonymous: bool,
    pub count: i64,
    pub amount: Money,
}

#[derive(Clone, Debug, Serialize)]
pub struct PublicBeneficiary {
    /// Masked: the first character, then one `*` per other character.
    pub name: String,
    #[serde(rename = "type")]
    pub beneficiary_type: PartyType,
    pub program: String,
    pub amount: Money,
}

/// The disclosure in `lang`; what was published (always in the ledger's own
/// language, `published_in`) is compared with the figures as they are now.
pub fn disclosure(
    store: &impl Read,
    year: i32,
    lang: impl Words,
    published_in: impl Words,
) -> Result<Disclosure> {
    let mut now = computed(store, year, lang)?;
    let published = match lang.script() == published_in.script() {
        true => None,
        false => Some(computed(store, year, published_in)?),
    };
    now.publication = publication_state(store, published.as_ref().unwrap_or(&now))?;
    Ok(now)
}

fn computed(store: &impl Read, year: i32, lang: impl Words) -> Result<Disclosure> {
    let (start, end) = year_bounds(year)?;
    let summary = annual_summary(store, year, lang)?;
    let statement = activities(store, year, lang)?;
    let kind = |l: &super::statements::ActivityLine| KindLine {
        account: l.code.clone().unwrap_or_default(),
        name: l.label.clone(),
        restricted: l.restricted,
        unrestricted: l.unrestricted,
        total: l.total,
    };
    let income_by_kind: Vec<KindLine> = statement
        .revenue
        .iter()
        .filter(|l| !l.total.is_zero())
        .map(kind)
        .collect();
    let aid = beneficiary_report(store, year, lang)?;
    let spending_by_program: Vec<ProgramLine> = aid
        .programs
        .iter()
        .map(|p| ProgramLine {
            account: p.account.clone(),
            program: p.program.clone(),
            amount: p.amount,
            students: p.students,
            households: p.households,
        })
        .collect();
    let other_spending: Vec<KindLine> = statement
        .costs
        .iter()
        .filter(|l| l.code.as_deref() != Some("5101") && !l.total.is_zero())
        .map(kind)
        .collect();
    let beneficiaries = aid
        .programs
        .iter()
        .flat_map(|p| {
            p.people.iter().map(|person| PublicBeneficiary {
                name: mask_name(&person.name),
                beneficiary_type: person.beneficiary_type,
                program: p.program.clone(),
                amount: person.amount,
            })
        })
        .collect();
    let funds = fund_balances(store, Some(start), Some(end), end, lang)?;
    let projects = funds
        .funds
        .iter()
        .map(|f| ProjectLine {
            fund: f.fund.clone(),
            restricted: f.restricted,
            opening: f.opening,
            raised: f.raised,
            disbursed: f.disbursed,
            transfers: f.transfers,
            closing: f.closing,
        })
        .collect();
    let (entrusted_received, entrusted_paid) = entrusted_in_year(store, start, end)?;
    Ok(Disclosure {
        year,
        fund_name: summary.fund_name,
        preliminary: summary.preliminary,
        income_by_source: income_by_source(store, start, end)?,
        income_by_kind,
        total_income: statement.total_revenue.total,
        spending_by_program,
        other_spending,
        total_spending: statement.total_costs.total,
        students_aided: summary.students_aided,
        households_aided: summary.households_aided,
        projects,
        entrusted_received,
        entrusted_paid,
        donors: public_donors(store, year, lang)?,
        beneficiaries,
        fingerprint: summary.fingerprint,
        publication: None,
    })
}

/// Donation revenue of the year by the donors' type (a merged donor counts as its
/// root); a donor who asked not to be named still counts under its type.
fn income_by_source(
    store: &impl Read,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
) -> Result<Vec<SourceLine>> {
    let types: BTreeMap<i64, PartyType> = store
        .parties(Role::Donor)?
        .into_iter()
        .map(|p| (p.id, p.party_type))
        .collect();
    let roots = store.merge_roots()?;
    let mut lines: Vec<(SourceLine, HashSet<i64>)> = [
        PartyType::Person,
        PartyType::Organization,
        PartyType::Anonymous,
    ]
    .into_iter()
    .map(|source| {
        let line = SourceLine {
            source,
            donors: 0,
            amount: Money::ZERO,
        };
        (line, HashSet::new())
    })
    .collect();
    for (party, _, _, amount) in store.party_movements(start, end, false)? {
        let party = roots.get(&party).copied().unwrap_or(party);
        let Some(source) = types.get(&party) else {
            continue;
        };
        if let Some((line, donors)) = lines.iter_mut().find(|(l, _)| l.source == *source) {
            line.amount = line.amount.plus("income by source", amount)?;
            donors.insert(party);
        }
    }
    Ok(lines
        .into_iter()
        .map(|(mut line, donors)| {
            line.donors = donors.len() as i64;
            line
        })
        .filter(|l| !l.amount.is_zero())
        .collect())
}

/// The year's donors as the public may see them (`donor_report`, which already puts
/// those who asked not to be named with the anonymous givers), a person's name masked.
fn public_donors(store: &impl Read, year: i32, lang: impl Words) -> Result<Vec<PublicDonor>> {
    let report = donor_report(store, year, lang)?;
    Ok(report
        .donors
        .into_iter()
        .map(|d| {
            let anonymous = d.donor_id.is_none();
            let name = match d.donor_type {
                PartyType::Organization => d.name,
                _ if anonymous => d.name,
                _ => mask_name(&d.name),
            };
            PublicDonor {
                name,
                anonymous,
                count: d.count,
                amount: d.total,
            }
        })
        .collect())
}

/// What 2601 受托代理負債 received (credits) and passed on (debits) in [start, end].
fn entrusted_in_year(
    store: &impl Read,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
) -> Result<(Money, Money)> {
    let of = |totals: Vec<crate::store::AccountTotal>| {
        totals
            .into_iter()
            .filter(|t| t.account.get(..4) == Some(ENTRUSTED_LIABILITIES))
            .fold((0i64, 0i64), |(c, d), t| {
                (c + t.credit.fen(), d + t.debit.fen())
            })
    };
    let (credit_end, debit_end) = of(store.account_totals(Some(end))?);
    let (credit_before, debit_before) = match start.pred_opt() {
        Some(day) => of(store.account_totals(Some(day))?),
        None => (0, 0),
    };
    Ok((
        Money::from_fen(credit_end - credit_before),
        Money::from_fen(debit_end - debit_before),
    ))
}
