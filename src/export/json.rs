//! JSON: the ledger's name, fingerprint and range, the chart (with the names the
//! journal formats use) and the funds, then `entries`, one object per line, each with
//! its postings. Amounts are strings with two decimals, as everywhere in lovefund.
//! Written as a stream: the document is never held whole.

use super::{FormatWriter, Header, masked};
use crate::ledger::money::Money;
use crate::store::export::ExportEntry;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Default)]
pub struct JsonWriter {
    written: bool,
}

#[derive(Serialize)]
struct JsonAccount<'a> {
    code: &'a str,
    #[serde(rename = "type")]
    account_type: &'a str,
    name: &'a str,
    tool_name: &'a str,
}

#[derive(Serialize)]
struct JsonFund<'a> {
    name: &'a str,
    alias: &'a str,
    restricted: bool,
}

#[derive(Serialize)]
struct JsonHead<'a> {
    ledger: &'a str,
    fingerprint: Option<&'a str>,
    from: Option<String>,
    to: Option<String>,
    accounts: Vec<JsonAccount<'a>>,
    funds: Vec<JsonFund<'a>>,
}

#[derive(Serialize)]
struct JsonCounterparty<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    party_type: &'a str,
    id_number: Option<String>,
}

#[derive(Serialize)]
struct JsonPosting<'a> {
    account: &'a str,
    account_name: &'a str,
    fund: &'a str,
    amount: Money,
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    id: i64,
    date: String,
    kind: &'a str,
    memo: &'a str,
    counterparty: Option<JsonCounterparty<'a>>,
    method: Option<&'a str>,
    reference: Option<&'a str>,
    receipt: Option<&'a str>,
    reverses: Option<i64>,
    reversed_by: Option<i64>,
    reason: Option<&'a str>,
    recorded_by: &'a str,
    recorded_at: &'a str,
    hash: String,
    postings: Vec<JsonPosting<'a>>,
}

impl FormatWriter for JsonWriter {
    fn begin(&mut self, out: &mut dyn Write, header: &Header) -> io::Result<()> {
        let head = JsonHead {
            ledger: &header.ledger_name,
            fingerprint: header.fingerprint.as_deref(),
            from: header.from.map(crate::ledger::date::iso),
            to: header.to.map(crate::ledger::date::iso),
            accounts: header
                .accounts
                .iter()
                .map(|a| JsonAccount {
                    code: &a.code,
                    account_type: a.account_type.as_str(),
                    name: &a.name,
                    tool_name: &a.tool_name,
                })
                .collect(),
            funds: header
                .funds
                .0
                .iter()
                .map(|f| JsonFund {
                    name: f.name(header.lang),
                    alias: &f.alias,
                    restricted: f.restricted,
                })
                .collect(),
        };
        let text = serde_json::to_string(&head)?;
        // The head's closing brace becomes the start of the entries array.
        out.write_all(&text.as_bytes()[..text.len() - 1])?;
        out.write_all(b",\"entries\":[")
    }

    fn entry(
        &mut self,
        out: &mut dyn Write,
        header: &Header,
        entry: &ExportEntry,
    ) -> io::Result<()> {
        let postings = entry
            .postings
            .iter()
            .map(|p| {
                Ok(JsonPosting {
                    account: p.account.as_str(),
                    account_name: &header.account(p.account.as_str())?.name,
                    fund: header.fund_name(p.fund)?,
                    amount: p.amount,
                })
            })
            .collect::<io::Result<Vec<_>>>()?;
        let value = JsonEntry {
            id: entry.id,
            date: crate::ledger::date::iso(entry.date),
            kind: entry.kind.as_str(),
            memo: &entry.memo,
            counterparty: entry.counterparty.as_ref().map(|c| JsonCounterparty {
                name: &c.name,
                party_type: c.party_type.as_str(),
                id_number: c.id_last4.as_deref().map(|l| masked(Some(l))),
            }),
            method: entry.method.as_deref(),
            reference: entry.reference.as_deref(),
            receipt: entry.receipt.as_deref(),
            reverses: entry.reverses,
            reversed_by: entry.reversed_by.map(|(id, _)| id),
            reason: entry.reason.as_deref(),
            recorded_by: &entry.recorded_by,
            recorded_at: &entry.recorded_at,
            hash: hex::encode(&entry.hash),
            postings,
        };
        out.write_all(if self.written { b",\n" } else { b"\n" })?;
        self.written = true;
        serde_json::to_writer(&mut *out, &value)?;
        Ok(())
    }

    fn finish(
        &mut self,
        out: &mut dyn Write,
        _header: &Header,
    ) -> io::Result<Vec<crate::error::message::ExportNote>> {
        out.write_all(b"\n]}\n")?;
        Ok(Vec::new())
    }
}
