//! `entry add` and `reverse`: writing to the journal by hand.

use super::args::{EntryAddArgs, ReverseArgs};
use super::{Context, ledger_lang, output};
use crate::error::{Error, Result};
use crate::i18n::L;
use crate::ledger::account::AccountCode;
use crate::ledger::append::Appended;
use crate::ledger::date::parse_date;
use crate::ledger::entry::{EntryDetails, EntryKind, NewEntry, Posting};
use crate::ledger::fund::Funds;
use crate::ledger::money::Money;
use crate::ledger::operations::reversal_entry;
use crate::render::json;
use serde_json::json;
use std::io::Write;

/// A `--posting` as typed, with its account and amount checked; the fund is looked
/// up once the ledger is open.
struct PostingArg {
    account: AccountCode,
    fund: Option<String>,
    amount: Money,
}

fn parse_posting(text: &str) -> Result<PostingArg> {
    let (target, amount) = text.split_once('=').ok_or_else(|| {
        Error::input(format!(
            "--posting {text:?} needs the form ACCOUNT[@FUND]=AMOUNT, e.g. 1002@助學=5000.00"
        ))
    })?;
    let (account, fund) = match target.split_once('@') {
        Some((a, f)) => (a, Some(f.trim().to_string())),
        None => (target, None),
    };
    let amount = Money::parse_signed(amount.trim())
        .map_err(|e| Error::input(format!("--posting {text:?}: the amount {e}")))?;
    Ok(PostingArg {
        account: AccountCode::parse(account.trim())?,
        fund,
        amount,
    })
}

fn resolve(arg: PostingArg, funds: &Funds) -> Result<Posting> {
    let fund = match &arg.fund {
        None => funds.unrestricted(),
        Some(name) => funds.find(name),
    }
    .ok_or_else(|| {
        Error::not_found(format!(
            "--posting for account {}: there is no fund {:?}; the funds are {}",
            arg.account,
            arg.fund.as_deref().unwrap_or("unrestricted"),
            funds.spellings()
        ))
    })?;
    Ok(Posting {
        account: arg.account,
        fund: fund.id,
        amount: arg.amount,
    })
}

fn report(
    ctx: &Context,
    appended: &Appended,
    lang: crate::i18n::Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let hash = hex::encode(appended.hash);
    if ctx.json {
        return output(json::write(out, &json!({"id": appended.id, "hash": hash})));
    }
    output(writeln!(
        out,
        "{} {} ({hash})",
        L::Recorded.get(lang),
        appended.id
    ))
}

pub fn entry_add(ctx: &Context, args: EntryAddArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let date = parse_date("--date", &args.date)?;
    let postings = args
        .postings
        .iter()
        .map(|p| parse_posting(p))
        .collect::<Result<Vec<_>>>()?;
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let appended = store.append(&ctx.user, &ctx.now(), |appender| {
        let postings = postings
            .into_iter()
            .map(|p| resolve(p, appender.funds()))
            .collect::<Result<Vec<_>>>()?;
        let entry = NewEntry::new(
            date,
            EntryKind::Manual,
            &args.memo,
            EntryDetails::default(),
            postings,
        )?;
        appender.append(&entry)
    })?;
    report(ctx, &appended, lang, out)
}

pub fn reverse(ctx: &Context, args: ReverseArgs, out: &mut dyn Write) -> Result<()> {
    ctx.refuse_if_read_only()?;
    let date = match &args.date {
        Some(text) => parse_date("--date", text)?,
        None => chrono::Local::now().date_naive(),
    };
    let mut store = ctx.open_for_writing()?;
    let lang = ctx.lang(&store);
    let memo_label = L::Reverses.get(ledger_lang(&store));
    let id = args.entry_id;
    let original = store
        .entry(id)?
        .ok_or_else(|| Error::not_found(format!("there is no entry {id} to reverse")))?;
    let entry = reversal_entry(
        &original,
        store.reversed_by(id)?,
        date,
        &args.reason,
        memo_label,
    )?;
    let appended = store.append(&ctx.user, &ctx.now(), |appender| appender.append(&entry))?;
    report(ctx, &appended, lang, out)
}
