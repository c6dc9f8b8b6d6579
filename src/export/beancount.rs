//! A beancount file: every account of the chart opened (with its code and Chinese
//! name as metadata) on the first date of the export, then one transaction per
//! entry — the counterparty as payee, the memo as narration, the kind as a tag,
//! `^entry-N` linking an entry and its reversal, the entry's details as metadata
//! and the fund on each posting.

use super::{FormatWriter, Header, details, one_line, write_preamble};
use crate::store::export::ExportEntry;
use std::io::{self, Write};

pub struct BeancountWriter;

/// A beancount string: quotes and backslashes escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in one_line(text).chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

impl FormatWriter for BeancountWriter {
    fn begin(&mut self, out: &mut dyn Write, header: &Header) -> io::Result<()> {
        write_preamble(
            out,
            header,
            "Check it with `bean-check FILE`; query it with `bean-query FILE`.",
        )?;
        writeln!(out, "option \"title\" {}", quoted(&header.ledger_name))?;
        writeln!(out, "option \"operating_currency\" \"CNY\"")?;
        writeln!(out)?;
        let Some(first) = header.first_date else {
            return Ok(());
        };
        for account in &header.accounts {
            writeln!(
                out,
                "{} open {} CNY",
                crate::ledger::date::iso(first),
                account.tool_name
            )?;
            writeln!(out, "  code: {}", quoted(&account.code))?;
            writeln!(out, "  name: {}", quoted(&account.name))?;
        }
        writeln!(out)
    }

    fn entry(
        &mut self,
        out: &mut dyn Write,
        header: &Header,
        entry: &ExportEntry,
    ) -> io::Result<()> {
        write!(out, "{} *", crate::ledger::date::iso(entry.date))?;
        if let Some(party) = &entry.counterparty {
            write!(out, " {}", quoted(&party.name))?;
        }
        write!(out, " {} #{}", quoted(&entry.memo), entry.kind.as_str())?;
        if let Some(original) = entry.reverses {
            write!(out, " ^entry-{original}")?;
        }
        if entry.reversed_by.is_some() {
            write!(out, " ^entry-{}", entry.id)?;
        }
        writeln!(out)?;
        for detail in details(entry) {
            if detail.id {
                writeln!(out, "  {}: {}", detail.key, detail.value)?;
            } else {
                writeln!(out, "  {}: {}", detail.key, quoted(&detail.value))?;
            }
        }
        for posting in &entry.postings {
            writeln!(
                out,
                "  {}  {} CNY",
                header.account(posting.account.as_str())?.tool_name,
                posting.amount.plain()
            )?;
            writeln!(out, "    fund: {}", quoted(header.fund_name(posting.fund)?))?;
        }
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_are_escaped() {
        assert_eq!(super::quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(super::quoted("x\ny"), "\"x y\"");
    }
}
