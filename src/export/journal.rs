//! The plain-text journal both ledger-cli and hledger read. Each account is
//! declared with an `account` directive carrying its code and Chinese name (a
//! ledger `note`, and `code:`/`name:` tags hledger shows); each entry becomes a
//! transaction whose code is the entry id, with the entry's details as `key: value`
//! metadata lines (tags in hledger) and the fund on each posting. A ';' in a memo
//! would start a comment in both tools, so descriptions carry the full-width '；'.

use super::{FormatWriter, Header, details, one_line, write_preamble};
use crate::store::export::ExportEntry;
use std::io::{self, Write};

pub struct JournalWriter;

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
        for detail in details(entry) {
            writeln!(out, "    ; {}: {}", detail.key, detail.value)?;
        }
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
