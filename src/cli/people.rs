//! `donor`, `beneficiary`, `donate`, `disburse`: the treasurer's daily work, as
//! requests for the people operations.

use super::Context;
use super::args::{BeneficiaryCommand, DisburseArgs, DonateArgs, DonorCommand};
use crate::error::{Field, Result};
use crate::ledger::date::parse_date;
use crate::ledger::money::Money;
use crate::ledger::party::Role;
use crate::ops::merges;
use crate::ops::people::{
    self, AidSource, DisbursementRequest, DonationRequest, EditRequest, MovementRequest,
    PartyRequest,
};
use crate::render::views::Parties;
use crate::report::people as report;
use std::io::Write;

fn add(ctx: &Context, request: PartyRequest, out: &mut dyn Write) -> Result<()> {
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let added = people::add_party(&mut ledger, &ctx.actor()?, request)?;
    super::warn_unprintable(&added.unprintable, lang);
    ctx.emit(out, lang, &added)
}

pub fn donor(ctx: &Context, command: DonorCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        DonorCommand::Add {
            name,
            donor_type,
            phone,
            id_number,
            publish,
        } => {
            let party_type = donor_type.into();
            let request = PartyRequest {
                party_type,
                name,
                phone,
                school: None,
                grade: None,
                village: None,
                members: None,
                id_number,
                publish: publish.choice().unwrap_or(true),
            };
            add(ctx, request, out)
        }
        DonorCommand::Edit {
            donor,
            name,
            donor_type,
            phone,
            id_number,
            publish,
            reason,
        } => {
            let request = EditRequest {
                role: Role::Donor,
                party: donor,
                party_type: donor_type.map(Into::into),
                name,
                phone,
                school: None,
                grade: None,
                village: None,
                members: None,
                id_number,
                publish: publish.choice(),
                reason,
            };
            edit(ctx, request, out)
        }
        DonorCommand::Merge {
            into,
            donor,
            reason,
        } => {
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let request = merges::MergeRequest {
                into,
                party: donor,
                reason,
            };
            let merged = merges::merge_parties(&mut ledger, &ctx.actor()?, request)?;
            ctx.emit(out, lang, &merged)
        }
        DonorCommand::Unmerge { donor, reason } => {
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let request = merges::UnmergeRequest {
                party: donor,
                reason,
            };
            let unmerged = merges::unmerge_party(&mut ledger, &ctx.actor()?, request)?;
            ctx.emit(out, lang, &unmerged)
        }
        DonorCommand::List => list(ctx, Role::Donor, out),
        DonorCommand::Show { id } => show(ctx, Role::Donor, &id, out),
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
            let party_type = beneficiary_type.into();
            let members = members
                .as_deref()
                .map(|m| crate::ledger::date::parse_count(Field::Members, m))
                .transpose()?;
            let request = PartyRequest {
                party_type,
                name,
                phone: None,
                school,
                grade,
                village,
                members,
                id_number,
                publish: true,
            };
            add(ctx, request, out)
        }
        BeneficiaryCommand::Edit {
            beneficiary,
            name,
            beneficiary_type,
            school,
            grade,
            village,
            members,
            id_number,
            reason,
        } => {
            let members = members
                .as_deref()
                .map(|m| crate::ledger::date::parse_count(Field::Members, m))
                .transpose()?;
            let request = EditRequest {
                role: Role::Beneficiary,
                party: beneficiary,
                party_type: beneficiary_type.map(Into::into),
                name,
                phone: None,
                school,
                grade,
                village,
                members,
                id_number,
                publish: None,
                reason,
            };
            edit(ctx, request, out)
        }
        BeneficiaryCommand::List => list(ctx, Role::Beneficiary, out),
        BeneficiaryCommand::Show { id } => show(ctx, Role::Beneficiary, &id, out),
    }
}

fn edit(ctx: &Context, request: EditRequest, out: &mut dyn Write) -> Result<()> {
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let edited = people::edit_party(&mut ledger, &ctx.actor()?, request)?;
    ctx.emit(out, lang, &edited)
}

fn list(ctx: &Context, role: Role, out: &mut dyn Write) -> Result<()> {
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let lines = report::party_list(ledger.reader(), role)?;
    ctx.emit(out, lang, &Parties { role, lines })
}

/// `donor show` / `beneficiary show` by id, name, part of a name, pinyin initials or
/// the last 4 identity characters (`find_party`).
fn show(ctx: &Context, role: Role, who: &str, out: &mut dyn Write) -> Result<()> {
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let detail = report::party_detail_named(ledger.reader(), role, who, lang)?;
    ctx.emit(out, lang, &detail)
}

/// `--amount` as typed: positive, at most two decimals.
fn amount(text: &str) -> Result<Money> {
    crate::input::positive_amount(Field::Amount, text)
}

pub fn donate(ctx: &Context, args: DonateArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let request = DonationRequest {
        movement: MovementRequest {
            counterparty: args.donor,
            amount: amount(&args.amount)?,
            date: parse_date(Field::Date, &args.date)?,
            method: args.method.into(),
            reference: args.reference,
            memo: args.memo,
        },
        fund: args.fund,
        official_receipt_no: args.official_receipt_no,
        entrusted_for: args.entrusted_for,
    };
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let recorded = people::donate(&mut ledger, &ctx.actor()?, request)?;
    ctx.emit(out, lang, &recorded)
}

pub fn disburse(ctx: &Context, args: DisburseArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let request = DisbursementRequest {
        movement: MovementRequest {
            counterparty: args.to,
            amount: amount(&args.amount)?,
            date: parse_date(Field::Date, &args.date)?,
            method: args.method.into(),
            reference: args.reference,
            memo: args.memo,
        },
        source: match args.program {
            Some(program) if !args.entrusted => AidSource::Program {
                program,
                fund: args.fund,
            },
            _ => AidSource::Entrusted,
        },
    };
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let recorded = people::disburse(&mut ledger, &ctx.actor()?, request)?;
    ctx.emit(out, lang, &recorded)
}
