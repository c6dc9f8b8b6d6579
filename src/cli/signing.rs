//! `key show | rotate`, `publish`, `receipt verify` (a verification code or a
//! signed payload in this ledger; a payload or PDF with only the fund's public
//! keys), and `audit-pack` (made with the fund's key, checked with its public keys).

use super::Context;
use super::args::KeyCommand;
use crate::error::{Error, Field, Result};
use crate::ops::receipts;
use crate::ops::signing;
use std::io::{Read, Write};
use std::path::Path;

/// The largest key file or voided list read: a fund's keys are a few lines, its
/// voided receipts a few thousand.
const LIST_BYTES_MAX: u64 = 16 * 1024 * 1024;

pub fn run(ctx: &Context, command: KeyCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        KeyCommand::Show => {
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            ctx.emit(out, lang, &signing::keys(&ledger)?)
        }
        KeyCommand::Rotate { reason } => {
            let mut ledger = ctx.open_for_writing()?;
            let lang = ctx.lang(&ledger);
            let rotated = signing::rotate(&mut ledger, &ctx.actor()?, &reason)?;
            ctx.emit(out, lang, &rotated)
        }
    }
}

/// A small text file named by an option, read whole (up to `LIST_BYTES_MAX`). Both
/// files are ASCII (hex keys, receipt numbers): a byte that is not UTF-8 reads as
/// U+FFFD, and the line holding it is then no key or number, named as such; nothing
/// read here is stored.
fn read_list(path: &Path) -> Result<String> {
    let shown = path.display().to_string();
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(LIST_BYTES_MAX).read_to_end(&mut bytes))
        .map_err(|e| {
            Error::io(
                crate::error::message::IoMessage::Read {
                    path: shown.clone(),
                },
                e,
            )
        })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn verify(
    ctx: &Context,
    code: &str,
    keys: &[String],
    keyfile: Option<&Path>,
    voided: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let voided = match voided {
        Some(path) => {
            let text = read_list(path)?;
            Some(signing::voided_numbers(&path.display().to_string(), &text)?)
        }
        None => None,
    };
    let genuine = if !keys.is_empty() || keyfile.is_some() {
        // A donor's machine: no ledger is opened, or needed.
        let lang = ctx.lang_without_ledger();
        let keyfile = match keyfile {
            Some(path) => Some((path.display().to_string(), read_list(path)?)),
            None => None,
        };
        let keys = signing::given_keys(
            keys,
            keyfile.as_ref().map(|(p, t)| (p.as_str(), t.as_str())),
        )?;
        let genuine = signing::verify_offline(code, &keys, voided.as_deref(), lang)?;
        ctx.emit(out, lang, &genuine)?;
        genuine
    } else {
        let ledger = ctx.open_for_reading()?;
        let lang = ctx.lang(&ledger);
        if !signing::is_signed_input(code) {
            let found = receipts::find_by_code(&ledger, code, lang)?;
            return ctx.emit(out, lang, &found);
        }
        let genuine = signing::verify_with_ledger(&ledger, code, lang)?;
        ctx.emit(out, lang, &genuine)?;
        genuine
    };
    match genuine.void_refusal() {
        Some(refusal) => Err(refusal),
        None => Ok(()),
    }
}

pub fn publish(ctx: &Context, dir: &Path, force: bool, out: &mut dyn Write) -> Result<()> {
    let guard = super::output_guard(ctx, Field::Out, force);
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let published = signing::publish(&ledger, &guard, dir, lang)?;
    ctx.emit(out, lang, &published)
}

/// `audit-pack --year Y --out FILE`, or `audit-pack verify FILE --key/--keyfile`.
pub fn audit_pack(
    ctx: &Context,
    args: super::args::AuditPackArgs,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::ops::audit_pack;
    if let Some(super::args::AuditPackCommand::Verify { file, key, keyfile }) = args.command {
        // An auditor's machine: no ledger is opened, or needed.
        let lang = ctx.lang_without_ledger();
        let keyfile = match keyfile {
            Some(path) => Some((path.display().to_string(), read_list(&path)?)),
            None => None,
        };
        let keys = signing::given_keys(
            &key,
            keyfile.as_ref().map(|(p, t)| (p.as_str(), t.as_str())),
        )?;
        let verdict = audit_pack::verify(&file, &keys)?;
        ctx.emit(out, lang, &verdict)?;
        return verdict.refusal().map_or(Ok(()), Err);
    }
    // clap requires both without the subcommand.
    let (Some(year), Some(path)) = (args.year, args.out) else {
        return Err(Error::internal("audit-pack needs --year and --out"));
    };
    let year = super::values::year(&year)?;
    let date = args
        .date
        .as_deref()
        .map(|d| crate::ledger::date::parse_date(Field::Date, d))
        .transpose()?;
    let guard = super::output_guard(ctx, Field::Out, args.force);
    guard.check(&path)?;
    let ledger = ctx.open_for_reading()?;
    let lang = ctx.lang(&ledger);
    let request = audit_pack::PackRequest {
        year,
        out: path,
        font: args.font,
        date: date.unwrap_or(ctx.actor()?.today),
    };
    let packed = audit_pack::pack(&ledger, &guard, &request)?;
    ctx.emit(out, lang, &packed)
}
