//! `entry add` and `reverse`: the typed `--posting ACCOUNT[@FUND]=AMOUNT` turned into
//! a request for the journal operations.

use super::Context;
use super::args::{EntryAddArgs, ReverseArgs, TransferArgs};
use crate::error::message::CliMessage;
use crate::error::{Error, Field, Result};
use crate::input::amount_fault;
use crate::ledger::account::AccountCode;
use crate::ledger::date::parse_date;
use crate::ledger::money::Money;
use crate::ops::journal::{self, EntryRequest, PostingRequest, ReverseRequest, TransferRequest};
use std::io::Write;

fn parse_posting(text: &str) -> Result<PostingRequest> {
    let (target, amount) = text
        .split_once('=')
        .ok_or_else(|| Error::input(CliMessage::PostingForm { text: text.into() }))?;
    let (account, fund) = match target.split_once('@') {
        Some((a, f)) => (a, Some(f.trim().to_string())),
        None => (target, None),
    };
    let amount = Money::parse_signed(amount.trim()).map_err(|e| {
        Error::input(CliMessage::PostingAmount {
            text: text.into(),
            fault: amount_fault(e),
        })
    })?;
    Ok(PostingRequest {
        account: AccountCode::parse(account.trim())?,
        fund,
        amount,
    })
}

pub fn entry_add(ctx: &Context, args: EntryAddArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let request = EntryRequest {
        date: parse_date(Field::Date, &args.date)?,
        memo: args.memo,
        postings: args
            .postings
            .iter()
            .map(|p| parse_posting(p))
            .collect::<Result<Vec<_>>>()?,
        reference: args.reference,
    };
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let recorded = journal::record_entry(&mut ledger, &ctx.actor()?, request)?;
    ctx.emit(out, lang, &recorded)
}

pub fn reverse(ctx: &Context, args: ReverseArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let request = ReverseRequest {
        entry_id: super::values::id(&args.entry_id)?,
        reason: args.reason,
        date: args
            .date
            .as_deref()
            .map(|d| parse_date(Field::Date, d))
            .transpose()?,
    };
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let recorded = journal::reverse(&mut ledger, &ctx.actor()?, request)?;
    ctx.emit(out, lang, &recorded)
}

pub(super) fn positive(field: Field, text: &str) -> Result<Money> {
    crate::input::positive_amount(field, text)
}

pub fn transfer(ctx: &Context, args: TransferArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let request = TransferRequest {
        from: AccountCode::parse(args.from.trim())?,
        to: AccountCode::parse(args.to.trim())?,
        amount: positive(Field::Amount, &args.amount)?,
        fee: args
            .fee
            .as_deref()
            .map(|f| positive(Field::Fee, f))
            .transpose()?,
        date: parse_date(Field::Date, &args.date)?,
        reference: args.reference,
        memo: args.memo,
    };
    let mut ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    let recorded = journal::transfer(&mut ledger, &ctx.actor()?, request)?;
    ctx.emit(out, lang, &recorded)
}

/// `entry attach | attachments | attachment-get | attachment-withdraw`.
pub fn attachments(
    ctx: &Context,
    command: super::args::EntryCommand,
    out: &mut dyn Write,
) -> Result<()> {
    use super::args::EntryCommand as E;
    use crate::ops::attachments as ops;
    match command {
        E::Add(a) => entry_add(ctx, a, out),
        E::Approve { entries, note } => {
            let ids = entries
                .iter()
                .map(|e| super::values::id(e))
                .collect::<Result<Vec<_>>>()?;
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let done = crate::ops::review::review(
                &mut ledger,
                &ctx.actor()?,
                &ids,
                crate::ledger::user::Verdict::Approved,
                note,
            )?;
            ctx.emit(out, lang, &done)
        }
        E::Reject { entry, reason } => {
            let id = super::values::id(&entry)?;
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let done = crate::ops::review::review(
                &mut ledger,
                &ctx.actor()?,
                &[id],
                crate::ledger::user::Verdict::Rejected,
                Some(reason),
            )?;
            ctx.emit(out, lang, &done)
        }
        E::Pending { year } => {
            let year = year.as_deref().map(super::values::year).transpose()?;
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            ctx.emit(out, lang, &crate::ops::review::pending(&ledger, year)?)
        }
        E::Attach { entry, files } => {
            ctx.refuse_if_read_only()?;
            let entry = super::values::id(&entry)?;
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let attached = ops::attach(&mut ledger, &ctx.actor()?, entry, &files)?;
            ctx.emit(out, lang, &attached)
        }
        E::Attachments { entry } => {
            let entry = super::values::id(&entry)?;
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            ctx.emit(out, lang, &ops::list(&ledger, entry)?)
        }
        E::AttachmentGet {
            id,
            out: file,
            force,
        } => {
            let id = super::values::id(id.trim_start_matches('#'))?;
            let guard = super::output_guard(ctx, Field::Out, force);
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            ctx.emit(out, lang, &ops::get(&ledger, &guard, id, &file)?)
        }
        E::AttachmentWithdraw { id, reason } => {
            ctx.refuse_if_read_only()?;
            let id = super::values::id(id.trim_start_matches('#'))?;
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let row = ops::withdraw(&mut ledger, &ctx.actor()?, id, &reason)?;
            ctx.emit(out, lang, &row)
        }
    }
}
