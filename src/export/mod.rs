//! `export`: the journal in other tools' formats — a ledger-cli/hledger journal, a
//! beancount file, one CSV row per posting, JSON, and the import CSV. Each format
//! is a `FormatWriter` fed one entry at a time as the store streams them, so memory
//! stays flat however long the journal is. Renderers only: nothing here queries the
//! database; the command (cli/export.rs) reads the store and hands entries over.

pub mod accounts;
mod beancount;
mod import_csv;
mod journal;
mod json;
mod postings_csv;

use crate::ledger::account::{Account, AccountType};
use crate::ledger::fund::{FundId, Funds};
use crate::store::export::ExportEntry;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::{self, Write};

/// The formats `export --format` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A journal read by both ledger-cli and hledger.
    Ledger,
    Beancount,
    /// One row per posting.
    Csv,
    Json,
    /// The import CSV's columns, one row per donation or disbursement.
    ImportCsv,
}

impl Format {
    /// The format's name as `--format` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ledger => "ledger",
            Format::Beancount => "beancount",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::ImportCsv => "import-csv",
        }
    }
}

/// An account of the chart as the export names it.
#[derive(Clone, Debug)]
pub struct ExportAccount {
    pub code: String,
    pub account_type: AccountType,
    /// The name in the display language (the ledger's own unless --lang).
    pub name: String,
    /// The name hledger, ledger-cli and beancount read (`Assets:BankDeposits`).
    pub tool_name: String,
}

/// What every format needs besides the entries.
pub struct Header {
    pub ledger_name: String,
    /// The head hash, hex; None for an empty journal.
    pub fingerprint: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// The first date anything is dated on in the range (beancount opens accounts then).
    pub first_date: Option<NaiveDate>,
    pub accounts: Vec<ExportAccount>,
    by_code: HashMap<String, usize>,
    pub funds: Funds,
    pub lang: crate::i18n::Lang,
}

impl Header {
    pub fn new(
        ledger_name: String,
        fingerprint: Option<String>,
        (from, to): (Option<NaiveDate>, Option<NaiveDate>),
        first_date: Option<NaiveDate>,
        chart: &[Account],
        funds: Funds,
        lang: crate::i18n::Lang,
    ) -> Header {
        let tool_names = accounts::tool_names(chart);
        let accounts: Vec<ExportAccount> = chart
            .iter()
            .map(|a| ExportAccount {
                code: a.code.as_str().to_string(),
                account_type: a.account_type,
                name: a.names.get(lang).to_string(),
                tool_name: tool_names[a.code.as_str()].clone(),
            })
            .collect();
        let by_code = accounts
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.clone(), i))
            .collect();
        Header {
            ledger_name,
            fingerprint,
            from,
            to,
            first_date,
            accounts,
            by_code,
            funds,
            lang,
        }
    }

    /// The account of a posting; an unknown code (only by tampering) is an error.
    pub fn account(&self, code: &str) -> io::Result<&ExportAccount> {
        self.by_code
            .get(code)
            .map(|i| &self.accounts[*i])
            .ok_or_else(|| {
                io::Error::other(format!(
                    "a posting names account {code}, which is not in the chart; run `lovefund verify`"
                ))
            })
    }

    /// A fund's name in the display language.
    pub fn fund_name(&self, id: FundId) -> io::Result<&str> {
        self.funds
            .get(id)
            .map(|f| f.name(self.lang))
            .ok_or_else(|| {
                io::Error::other(format!(
                    "a posting names fund {}, which does not exist; run `lovefund verify`",
                    id.0
                ))
            })
    }
}

/// One format: a header, then each entry in journal order, then the end.
pub trait FormatWriter {
    fn begin(&mut self, out: &mut dyn Write, header: &Header) -> io::Result<()>;
    fn entry(
        &mut self,
        out: &mut dyn Write,
        header: &Header,
        entry: &ExportEntry,
    ) -> io::Result<()>;
    /// Ends the output; returns notes on what was left out and why (only the import
    /// CSV leaves entries out).
    fn finish(
        &mut self,
        _out: &mut dyn Write,
        _header: &Header,
    ) -> io::Result<Vec<crate::error::message::ExportNote>> {
        Ok(Vec::new())
    }
}

pub fn writer(format: Format) -> Box<dyn FormatWriter> {
    match format {
        Format::Ledger => Box::new(journal::JournalWriter),
        Format::Beancount => Box::new(beancount::BeancountWriter),
        Format::Csv => Box::new(postings_csv::PostingsCsvWriter),
        Format::Json => Box::new(json::JsonWriter::default()),
        Format::ImportCsv => Box::new(import_csv::ImportCsvWriter::default()),
    }
}

/// One `key: value` of an entry's metadata (a ledger/hledger tag, a beancount
/// metadata line); `id` values are entry ids, which beancount writes as numbers.
pub(crate) struct Detail {
    pub key: &'static str,
    pub value: String,
    pub id: bool,
}

/// The entry's metadata, in the order written, leaving out what it does not have.
pub(crate) fn details(entry: &ExportEntry) -> Vec<Detail> {
    let text = |key, value: Option<&str>| {
        value.filter(|v| !v.is_empty()).map(|v| Detail {
            key,
            value: one_line(v),
            id: false,
        })
    };
    let id = |key, value: Option<i64>| {
        value.map(|v| Detail {
            key,
            value: v.to_string(),
            id: true,
        })
    };
    let party = entry.counterparty.as_ref();
    let masked_id = party.map(|p| masked(p.id_last4.as_deref()));
    [
        id("entry", Some(entry.id)),
        text("kind", Some(entry.kind.as_str())),
        text("counterparty", party.map(|p| p.name.as_str())),
        text("counterparty_type", party.map(|p| p.party_type.as_str())),
        text("counterparty_id", masked_id.as_deref()),
        text("method", entry.method.as_deref()),
        text("reference", entry.reference.as_deref()),
        text("receipt", entry.receipt.as_deref()),
        id("reverses", entry.reverses),
        id("reversed_by", entry.reversed_by.map(|(by, _)| by)),
        text("reason", entry.reason.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `**************1234`, or empty.
pub(crate) fn masked(last4: Option<&str>) -> String {
    last4.map(crate::ledger::party::mask).unwrap_or_default()
}

/// Text on one line of a journal: no line breaks (lovefund refuses control
/// characters in memos and names, but a tampered row could hold one).
pub(crate) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The opening comment lines of a ledger or beancount file (both comment with ';').
pub(crate) fn write_preamble(out: &mut dyn Write, header: &Header, tools: &str) -> io::Result<()> {
    let date = |d: Option<NaiveDate>| d.map_or_else(|| "…".to_string(), crate::ledger::date::iso);
    writeln!(
        out,
        "; {} — exported by lovefund {}",
        one_line(&header.ledger_name),
        env!("CARGO_PKG_VERSION")
    )?;
    if header.from.is_some() || header.to.is_some() {
        writeln!(
            out,
            "; entries dated {} to {} (no opening balances)",
            date(header.from),
            date(header.to)
        )?;
    } else {
        writeln!(
            out,
            "; every entry of the journal, closing entries included"
        )?;
    }
    if let Some(fingerprint) = &header.fingerprint {
        writeln!(out, "; ledger fingerprint (head hash): {fingerprint}")?;
    }
    writeln!(out, "; {tools}")?;
    writeln!(
        out,
        "; Amounts are debit-positive as in lovefund (credits negative), in CNY."
    )?;
    writeln!(out)
}
