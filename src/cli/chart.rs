//! `init`, `account`, `fund`: creating a ledger and its chart.

use super::args::{AccountCommand, FundCommand, InitArgs};
use super::{Context, output};
use crate::error::Result;
use crate::i18n::L;
use crate::ledger::account::{AccountCode, check_name};
use crate::ledger::date::parse_date;
use crate::render::{json, text};
use crate::report::{fund_balances, lists};
use crate::store::{Store, meta_set};
use serde_json::json;
use std::io::Write;

pub fn init(ctx: &Context, args: InitArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let name = check_name("--name", &args.name)?;
    let lang = ctx.lang_flag().unwrap_or_default();
    let mut store = Store::create(&ctx.db)?;
    let created_at = ctx.now();
    store.write(|tx| {
        meta_set(tx, "name", &name)?;
        meta_set(tx, "lang", lang.code())?;
        meta_set(tx, "created_at", &created_at)?;
        crate::store::people::identity_key(tx)?;
        Ok(())
    })?;
    store.seed_default_chart()?;
    if ctx.json {
        return output(json::write(
            out,
            &json!({"db": ctx.db.display().to_string(), "name": name, "lang": lang.code()}),
        ));
    }
    output(writeln!(
        out,
        "{}: {} ({}) — {}",
        L::Ledger.get(lang),
        name,
        lang.code(),
        ctx.db.display()
    ))
}

pub fn account(ctx: &Context, command: AccountCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        AccountCommand::List => {
            let store = ctx.open_for_reading()?;
            let lang = ctx.lang(&store);
            let lines = lists::account_list(&store, lang)?;
            if ctx.json {
                return output(json::write(out, &lines));
            }
            output(text::accounts(out, &lines, lang))
        }
        AccountCommand::Add {
            code,
            name,
            account_type,
        } => {
            let code = AccountCode::parse(&code)?;
            let name = check_name("NAME", &name)?;
            let mut store = ctx.open_for_writing()?;
            store.add_account(&code, account_type, &name)?;
            if ctx.json {
                return output(json::write(
                    out,
                    &json!({"code": code, "name": name, "type": account_type}),
                ));
            }
            output(writeln!(out, "{code} {name} ({})", account_type.as_str()))
        }
    }
}

pub fn fund(ctx: &Context, command: FundCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        FundCommand::List => {
            let store = ctx.open_for_reading()?;
            let lang = ctx.lang(&store);
            let lines = lists::fund_list(&store, lang)?;
            if ctx.json {
                return output(json::write(out, &lines));
            }
            output(text::funds(out, &lines, lang))
        }
        FundCommand::Add { name, restricted } => {
            let name = check_name("NAME", &name)?;
            let mut store = ctx.open_for_writing()?;
            let id = store.add_fund(&name, restricted)?;
            if ctx.json {
                return output(json::write(
                    out,
                    &json!({"id": id, "name": name, "restricted": restricted}),
                ));
            }
            output(writeln!(
                out,
                "{name} ({})",
                if restricted {
                    "restricted"
                } else {
                    "unrestricted"
                }
            ))
        }
        FundCommand::Balances { as_of, from } => {
            let as_of = as_of
                .as_deref()
                .map(|d| parse_date("--as-of", d))
                .transpose()?;
            let from = from
                .as_deref()
                .map(|d| parse_date("--from", d))
                .transpose()?;
            let store = ctx.open_for_reading()?;
            let lang = ctx.lang(&store);
            let report = fund_balances::fund_balances(&store, from, as_of, lang)?;
            if ctx.json {
                return output(json::write(out, &report));
            }
            output(text::fund_balances(out, &report, lang))
        }
    }
}
