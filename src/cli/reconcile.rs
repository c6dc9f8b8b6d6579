//! `reconcile`: a statement matched to the ledger, the 銀行存款餘額調節表, and with
//! `--commit` recorded; `reconcile list | show ID`; and `backup PATH`.

use super::Context;
use super::args::{ReconcileArgs, ReconcileCommand};
use crate::error::message::CliMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::account::AccountCode;
use crate::ledger::date::parse_date;
use crate::ops::reconcile::{self, ReconcileRequest};
use std::io::Write;
use std::path::Path;

fn required<'a>(value: &'a Option<String>, flag: &str) -> Result<&'a str> {
    value.as_deref().ok_or_else(|| {
        Error::input(CliMessage::RequiredToReconcile {
            flag: flag.to_string(),
        })
    })
}

fn request(args: ReconcileArgs) -> Result<ReconcileRequest> {
    let account = args
        .account
        .as_deref()
        .map(|a| AccountCode::parse(a.trim()))
        .transpose()?;
    let statement = args.statement.ok_or_else(|| {
        Error::input(CliMessage::RequiredToReconcile {
            flag: "--statement".to_string(),
        })
    })?;
    let closing = required(&args.closing_balance, "--closing-balance")?;
    let closing_balance = crate::input::closing_balance(closing)?;
    let as_of = parse_date(Field::AsOf, required(&args.as_of, "--as-of")?)?;
    Ok(ReconcileRequest {
        account,
        statement,
        closing_balance,
        as_of,
        columns: args.columns.clone(),
        profile: args.profile.clone(),
        encoding: args.encoding.map(Into::into),
        format: args.format.map(Into::into),
        commit: args.commit,
    })
}

pub fn run(ctx: &Context, args: ReconcileArgs, out: &mut dyn Write) -> Result<()> {
    match args.command {
        Some(ReconcileCommand::List) => {
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            return ctx.emit(out, lang, &reconcile::list(&ledger)?);
        }
        Some(ReconcileCommand::Show { id }) => {
            let id = super::values::id(&id)?;
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            return ctx.emit(out, lang, &reconcile::show(&ledger, id)?);
        }
        None => {}
    }
    if args.commit {
        ctx.refuse_if_read_only()?;
    }
    let request = request(args)?;
    let mut ledger = if request.commit {
        ctx.open_for_writing()?
    } else {
        ctx.open_for_reading()?
    };
    let lang = ctx.lang(&ledger);
    match reconcile::reconcile(&mut ledger, &ctx.actor()?, &request)? {
        Ok(report) => ctx.emit(out, lang, &report),
        Err(bad) => {
            super::import::list_bad_lines(lang, &bad.errors, bad.more);
            Err(bad.refusal())
        }
    }
}

pub fn backup(
    ctx: &Context,
    path: &Path,
    force: bool,
    with_signing_key: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let guard = super::output_guard(ctx, Field::Path, force);
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let done = reconcile::backup(&ledger, path, &guard, with_signing_key)?;
    ctx.emit(out, lang, &done)
}
