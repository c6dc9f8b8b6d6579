//! The plain-text journal both ledger-cli and hledger read. Each account is
//! declared with an `account` directive carrying its code and Chinese name (a
//! ledger `note`, and `code:`/`name:` tags hledger shows); each entry becomes a
//! transaction whose code is the entry id, with the entry's details as `key: value`
//! metadata lines (tags in hledger) and the fund on each posting. A ';' in a memo
//! would start a comment in both tools, so descriptions carry the full-width '；'.

use super::{FormatWriter, Header, masked, one_line, write_preamble};
use crate::store::export::ExportEntry;
use std::io::{self, Write};

pub struct JournalWriter;

/// A metadata line of a transaction, skipped when there is no value.
fn tag(out: &mut dyn Write, key: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(v) if !v.is_empty() => writeln!(out, "    ; {key}: {}", one_line(v)),
        _ => Ok(()),
    }
}

impl FormatWriter for JournalWriter {
    fn begin(&mut self, out: &mut dyn Write, header: &Header) -> io::Result<()> {
        write_preamble(
            out,
            header,
            "Read it with `hledger -f FILE bal` or `ledger -f FILE bal`.",
        )?;
        for account in &header.accounts {
            let name = one_line(&account.name);
            writeln!(out, "account {}", account.tool_name)?;
            writeln!(out, "    note {} {name}", account.code)?;
            writeln!(out, "    ; code: {}", account.code)?;
            writeln!(out, "    ; name: {name}")?;
        }
        writeln!(out)
    }

    fn entry(
        &mut self,
        out: &mut dyn Write,
        header: &Header,
        entry: &ExportEntry,
    ) -> io::Result<()> {
        let description = one_line(&entry.memo).replace(';', "；");
        writeln!(
            out,
            "{} ({}) {description}",
            crate::ledger::date::iso(entry.date),
            entry.id
        )?;
        writeln!(out, "    ; entry: {}", entry.id)?;
        tag(out, "kind", Some(entry.kind.as_str()))?;
        if let Some(party) = &entry.counterparty {
            tag(out, "counterparty", Some(&party.name))?;
            tag(out, "counterparty_type", Some(party.party_type.as_str()))?;
            tag(
                out,
                "counterparty_id",
                Some(&masked(party.id_last4.as_deref())),
            )?;
        }
        tag(out, "method", entry.method.as_deref())?;
        tag(out, "reference", entry.reference.as_deref())?;
        tag(out, "receipt", entry.receipt.as_deref())?;
        tag(
            out,
            "reverses",
            entry.reverses.map(|i| i.to_string()).as_deref(),
        )?;
        tag(
            out,
            "reversed_by",
            entry.reversed_by.map(|(i, _)| i.to_string()).as_deref(),
        )?;
        tag(out, "reason", entry.reason.as_deref())?;
        for posting in &entry.postings {
            writeln!(
                out,
                "    {}  {} CNY  ; fund: {}",
                header.account(posting.account.as_str())?.tool_name,
                posting.amount.plain(),
                one_line(header.fund_name(posting.fund)?)
            )?;
        }
        writeln!(out)
    }
}
