//! `receipt print | list | void | reissue | gaps | verify`, with a progress bar on a
//! terminal for a year's receipts.

use super::Context;
use super::args::ReceiptCommand;
use super::output;
use crate::error::message::VerifyMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::date::parse_date;
use crate::ledger::receipt::ReceiptNumber;
use crate::ops::receipts::{self, PrintRequest, VoidRequest};
use crate::render::receipts::{ReceiptListJson, ReceiptListText};
use crate::report::receipts as report;
use std::io::Write;

pub fn run(ctx: &Context, command: ReceiptCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        ReceiptCommand::Print {
            number,
            year,
            out: dir,
            font,
            force,
        } => {
            let guard = super::output_guard(ctx, Field::Out, force);
            let request = PrintRequest {
                number: number.as_deref().map(ReceiptNumber::parse).transpose()?,
                year: super::values::year_opt(year.as_deref())?,
                dir,
                font,
            };
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            let bar = super::progress::Bar::new();
            let printed = receipts::print(&ledger, &request, &guard, lang, &|done, total| {
                bar.show(done, total)
            })?;
            bar.finish();
            ctx.emit(out, lang, &printed)?;
            printed.refusal().map_or(Ok(()), Err)
        }
        ReceiptCommand::List { year, status } => {
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            let status = status.map(|s| s.as_str());
            let year = super::values::year_opt(year.as_deref())?;
            let store = ledger.reader();
            if ctx.json {
                let mut list = output(ReceiptListJson::start(out))?;
                let payloads = report::Payloads::Signed;
                report::for_each_receipt(store, year, status, lang, payloads, |v| {
                    list.row(out, v)
                })?;
                return output(list.finish(out));
            }
            let head = report::receipt_list_head(store, year, lang)?;
            let list = output(ReceiptListText::start(out, &head, lang))?;
            report::for_each_receipt_row(store, year, status, lang, |row| list.row(out, row))
        }
        ReceiptCommand::Void {
            number,
            reason,
            reverse,
            date,
        } => {
            ctx.refuse_if_read_only()?;
            let request = VoidRequest {
                number: ReceiptNumber::parse(&number)?,
                reason,
                reverse,
                date: date
                    .as_deref()
                    .map(|d| parse_date(Field::Date, d))
                    .transpose()?,
            };
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let voided = receipts::void(&mut ledger, &ctx.actor()?, request)?;
            ctx.emit(out, lang, &voided)
        }
        ReceiptCommand::Reissue { number, reason } => {
            ctx.refuse_if_read_only()?;
            let number = ReceiptNumber::parse(&number)?;
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let reissued = receipts::reissue(&mut ledger, &ctx.actor()?, number, &reason)?;
            ctx.emit(out, lang, &reissued)
        }
        ReceiptCommand::Gaps { year } => gaps(ctx, super::values::year(&year)?, out),
        ReceiptCommand::Verify {
            code,
            key,
            keyfile,
            voided,
        } => super::signing::verify(ctx, &code, &key, keyfile.as_deref(), voided.as_deref(), out),
    }
}

fn gaps(ctx: &Context, year: i32, out: &mut dyn Write) -> Result<()> {
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let report = report::receipt_sequence(ledger.reader(), year)?;
    ctx.emit(out, lang, &report)?;
    match report.missing.first() {
        None => Ok(()),
        Some(first) => Err(Error::verify(VerifyMessage::ReceiptGaps {
            year: i64::from(year),
            missing: report.missing.len() as u64,
            first: first.to_string(),
        })),
    }
}
