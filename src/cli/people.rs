//! `donor`, `beneficiary`, `donate`, `disburse`: the treasurer's daily work.

use super::args::{
    BeneficiaryCommand, BeneficiaryType, DisburseArgs, DonateArgs, DonorCommand, DonorType,
};
use super::{Context, ledger_lang, output};
use crate::error::{Error, Result};
use crate::i18n::L;
use crate::ledger::date::parse_date;
use crate::ledger::entry::{MEMO_LENGTH_MAX, check_text};
use crate::ledger::money::Money;
use crate::ledger::operations::{self, Movement};
use crate::ledger::party::{
    IdNumber, NewParty, PartyType, Role, check_party_name, is_anonymous_name,
};
use crate::render::{json, text};
use crate::report::people;
use crate::store::people::{anonymous_donor, find_party, identity_key, insert_party};
use serde_json::json;
use std::io::Write;

fn optional_text(field: &str, value: Option<String>) -> Result<Option<String>> {
    match value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        None => Ok(None),
        Some(v) => {
            check_text(field, &v, 100)?;
            Ok(Some(v))
        }
    }
}

fn add_party(
    ctx: &Context,
    mut party: NewParty,
    id_number: Option<String>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let created_at = ctx.now();
    let id = store.write(|tx| {
        if let Some(text) = &id_number {
            party.id_number = Some(IdNumber::new("--id-number", text, &identity_key(tx)?)?);
        }
        insert_party(tx, &party, &created_at)
    })?;
    let role = party.party_type.map_or(Role::Donor, PartyType::role);
    if ctx.json {
        return output(json::write(
            out,
            &json!({"id": id, "role": role, "name": party.name}),
        ));
    }
    let label = if role == Role::Donor {
        L::Donor
    } else {
        L::Beneficiary
    };
    output(writeln!(
        out,
        "{} {} {id}: {}",
        L::Added.get(lang),
        label.get(lang),
        party.name
    ))
}

pub fn donor(ctx: &Context, command: DonorCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        DonorCommand::Add {
            name,
            donor_type,
            phone,
            id_number,
        } => {
            let party_type = match donor_type {
                DonorType::Person => PartyType::Person,
                DonorType::Organization => PartyType::Organization,
                DonorType::Anonymous => PartyType::Anonymous,
            };
            let party = NewParty {
                party_type: Some(party_type),
                name: check_party_name("NAME", &name)?,
                phone: optional_text("--phone", phone)?,
                ..NewParty::default()
            };
            add_party(ctx, party, id_number, out)
        }
        DonorCommand::List => list(ctx, Role::Donor, out),
        DonorCommand::Show { id } => show(ctx, Role::Donor, id, out),
    }
}

pub fn beneficiary(ctx: &Context, command: BeneficiaryCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        BeneficiaryCommand::Add {
            name,
            beneficiary_type,
            school,
            grade,
            village,
            members,
            id_number,
        } => {
            if members.is_some_and(|m| !(1..=100).contains(&m)) {
                return Err(Error::input(
                    "--members must be a household size from 1 to 100",
                ));
            }
            let party = NewParty {
                party_type: Some(match beneficiary_type {
                    BeneficiaryType::Student => PartyType::Student,
                    BeneficiaryType::Household => PartyType::Household,
                }),
                name: check_party_name("NAME", &name)?,
                school: optional_text("--school", school)?,
                grade: optional_text("--grade", grade)?,
                village: optional_text("--village", village)?,
                members,
                ..NewParty::default()
            };
            add_party(ctx, party, id_number, out)
        }
        BeneficiaryCommand::List => list(ctx, Role::Beneficiary, out),
        BeneficiaryCommand::Show { id } => show(ctx, Role::Beneficiary, id, out),
    }
}

fn list(ctx: &Context, role: Role, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let lines = people::party_list(&store, role)?;
    if ctx.json {
        return output(json::write(out, &lines));
    }
    output(text::party_list(out, &lines, role, lang))
}

fn show(ctx: &Context, role: Role, id: i64, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let lang = ctx.lang(&store);
    let detail = people::party_detail(&store, role, id, lang)?;
    if ctx.json {
        return output(json::write(out, &detail));
    }
    output(text::party_detail(out, &detail, lang))
}

fn memo_or(memo: Option<String>, default: String) -> Result<String> {
    let memo = memo.filter(|m| !m.trim().is_empty()).unwrap_or(default);
    check_text("--memo", &memo, MEMO_LENGTH_MAX)?;
    Ok(memo)
}

pub fn donate(ctx: &Context, args: DonateArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let amount = Money::parse_positive(args.amount.trim())
        .map_err(|e| Error::input(format!("--amount {e}")))?;
    let date = parse_date("--date", &args.date)?;
    let reference = optional_text("--reference", args.reference)?;
    let official_no = optional_text("--official-receipt-no", args.official_receipt_no)?;
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let memo_lang = ledger_lang(&store);
    let now = ctx.now();
    let (appended, receipt, donor) = store.append(&ctx.user, &now, |appender| {
        let fund = operations::fund(appender.funds(), "--fund", &args.fund)?.clone();
        let tx = appender.transaction()?;
        let donor = if is_anonymous_name(&args.donor) {
            crate::store::people::party(tx, Role::Donor, anonymous_donor(tx, &now)?)?
                .ok_or_else(|| Error::not_found("the anonymous donor is missing"))?
        } else {
            find_party(tx, Role::Donor, "--donor", &args.donor)?
        };
        let memo = memo_or(
            args.memo,
            format!("{} {}", L::DonationFrom.get(memo_lang), donor.name),
        )?;
        let movement = Movement {
            date,
            amount,
            fund: &fund,
            method: args.method,
            party_id: donor.id,
            reference,
            memo,
        };
        let entry = operations::donation_entry(&movement)?;
        let (appended, receipt) = appender.donation(&entry, official_no.as_deref())?;
        Ok((appended, receipt, donor))
    })?;
    if ctx.json {
        return output(json::write(
            out,
            &json!({"entry": appended.id, "receipt": receipt, "donor": donor.id, "amount": amount, "hash": hex::encode(appended.hash)}),
        ));
    }
    output(writeln!(
        out,
        "{} {}: {} {} — {} {receipt}",
        L::DonationRecorded.get(lang),
        appended.id,
        donor.name,
        amount.yuan(),
        L::Receipt.get(lang)
    ))
}

pub fn disburse(ctx: &Context, args: DisburseArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let amount = Money::parse_positive(args.amount.trim())
        .map_err(|e| Error::input(format!("--amount {e}")))?;
    let date = parse_date("--date", &args.date)?;
    let reference = optional_text("--reference", args.reference)?;
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let memo_lang = ledger_lang(&store);
    let (appended, beneficiary) = store.append(&ctx.user, &ctx.now(), |appender| {
        let program = operations::program(appender.funds(), "--program", &args.program)?.clone();
        let fund = match &args.fund {
            Some(f) => operations::fund(appender.funds(), "--fund", f)?.clone(),
            None => program.clone(),
        };
        let beneficiary = find_party(appender.transaction()?, Role::Beneficiary, "--to", &args.to)?;
        let memo = memo_or(
            args.memo,
            format!("{} {}", L::AidTo.get(memo_lang), beneficiary.name),
        )?;
        let movement = Movement {
            date,
            amount,
            fund: &fund,
            method: args.method,
            party_id: beneficiary.id,
            reference,
            memo,
        };
        let account = program.program_account.as_deref().unwrap_or_default();
        let appended = appender.append(&operations::disbursement_entry(&movement, account)?)?;
        Ok((appended, beneficiary))
    })?;
    if ctx.json {
        return output(json::write(
            out,
            &json!({"entry": appended.id, "beneficiary": beneficiary.id, "amount": amount, "hash": hex::encode(appended.hash)}),
        ));
    }
    output(writeln!(
        out,
        "{} {}: {} {}",
        L::DisbursementRecorded.get(lang),
        appended.id,
        beneficiary.name,
        amount.yuan()
    ))
}
