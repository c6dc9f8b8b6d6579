//! `init`, `account`, `fund`: creating a ledger and its chart.

use super::args::{AccountCommand, FundCommand, InitArgs};
use super::{Context, renamed};
use crate::error::{Field, Result};
use crate::ledger::date::parse_date;
use crate::ops::chart::{self, InitRequest};
use crate::report::{fund_balances, lists};
use std::io::Write;

pub fn init(ctx: &Context, args: InitArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let lang = ctx.lang_without_ledger();
    let request = InitRequest {
        path: ctx.db.clone(),
        name: args.name,
        lang,
    };
    let done =
        chart::init(&ctx.actor()?, request).map_err(|e| renamed(e, Field::Name, "--name"))?;
    ctx.emit(out, lang, &done)
}

pub fn account(ctx: &Context, command: AccountCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        AccountCommand::List => {
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            let lines = lists::account_list(ledger.reader(), lang)?;
            ctx.emit(out, lang, &lines)
        }
        AccountCommand::Add {
            code,
            name,
            account_type,
        } => {
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let added = chart::add_account(
                &mut ledger,
                &ctx.actor()?,
                &code,
                &name,
                account_type.into(),
            )?;
            ctx.emit(out, lang, &added)
        }
    }
}

pub fn fund(ctx: &Context, command: FundCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        FundCommand::List => {
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            let lines = lists::fund_list(ledger.reader(), lang)?;
            ctx.emit(out, lang, &lines)
        }
        FundCommand::Add { name, restricted } => {
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let added = chart::add_fund(&mut ledger, &ctx.actor()?, &name, restricted)?;
            ctx.emit(out, lang, &added)
        }
        FundCommand::Balances { as_of, from } => {
            let as_of = as_of
                .as_deref()
                .map(|d| parse_date(Field::AsOf, d))
                .transpose()?;
            let from = from
                .as_deref()
                .map(|d| parse_date(Field::From, d))
                .transpose()?;
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            let report = fund_balances::fund_balances(
                ledger.reader(),
                from,
                as_of,
                ctx.actor()?.today,
                lang,
            )?;
            ctx.emit(out, lang, &report)
        }
    }
}
