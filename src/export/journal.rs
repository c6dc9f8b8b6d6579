//! The plain-text journal both ledger-cli and hledger read. Each account is
//! declared with an `account` directive carrying its code and Chinese name (a
//! ledger `note`, and `code:`/`name:` tags hledger shows); each entry becomes a
//! transaction whose code is the entry id, with the entry's details as `key: value`
//! metadata lines (tags in hledger) and the fund on each posting. A ';' in a memo
//! would start a comment in both tools, so descriptions carry the full-width '；'.
//! A tag's value ends at a ',' in hledger, and what follows (`, role:admin`) is read
//! as another tag, so every value written after a `key:` (names, references, the
//! fund, the reason) carries the full-width '，' and '；' instead: each field is
//! exactly one tag in both tools, and a line break is a space (`one_line`).

use super::{FormatWriter, Header, details, one_line, write_preamble};
use crate::store::export::ExportEntry;
use std::io::{self, Write};

pub struct JournalWriter;

/// Text as the value of one tag: on one line, with no ',' to end it early (hledger)
/// and no ';' (the comment character of both tools).
fn tag_value(text: &str) -> String {
    one_line(text).replace(',', "，").replace(';', "；")
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
            writeln!(out, "    ; name: {}", tag_value(&account.name))?;
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
            writeln!(out, "    ; {}: {}", detail.key, tag_value(&detail.value))?;
        }
        for posting in &entry.postings {
            writeln!(
                out,
                "    {}  {} CNY  ; fund: {}",
                header.account(posting.account.as_str())?.tool_name,
                posting.amount.plain(),
                tag_value(header.fund_name(posting.fund)?)
            )?;
        }
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_tag_value_cannot_end_early_or_start_a_comment() {
        assert_eq!(
            super::tag_value("Evil, role:admin; x\ny"),
            "Evil， role:admin； x y"
        );
        assert_eq!(super::tag_value("李明"), "李明");
    }
}
