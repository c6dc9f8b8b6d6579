//! Text renderings of the reports, in the display language.

use super::table::{Align, Table, width};
use crate::i18n::say::finding as say_finding;
use crate::i18n::{L, Lang};
use crate::ledger::money::Money;
use crate::ledger::party::{Party, PartyType, Role, mask, shown_name};
use crate::report::entry::EntryView;
use crate::report::fund_balances::{FundBalance, FundBalances};
use crate::report::lists::{AccountLine, FundLine};
use crate::report::people::{PartyDetail, PartyLine};
use crate::report::register::{RegisterHead, RegisterLine};
use crate::report::search::SearchResult;
use crate::report::trial_balance::TrialBalance;
use crate::verify::VerifyReport;
use std::io::{self, Write};

/// An amount cell: blank for zero, so debit and credit columns read cleanly.
fn cell(m: Money) -> String {
    if m.is_zero() {
        String::new()
    } else {
        m.grouped()
    }
}

pub fn trial_balance(out: &mut dyn Write, tb: &TrialBalance, lang: Lang) -> io::Result<()> {
    let as_of = tb
        .as_of
        .map_or_else(|| L::AllDates.get(lang).to_string(), |d| d.to_string());
    writeln!(
        out,
        "{}  ({} {as_of})",
        L::TrialBalance.get(lang),
        L::AsOf.get(lang)
    )?;
    let mut t = Table::new(&[
        (L::Code.get(lang), Align::Left),
        (L::Account.get(lang), Align::Left),
        (L::DebitTurnover.get(lang), Align::Right),
        (L::CreditTurnover.get(lang), Align::Right),
        (L::DebitBalance.get(lang), Align::Right),
        (L::CreditBalance.get(lang), Align::Right),
    ]);
    for r in &tb.accounts {
        t.row(vec![
            format!("{}{}", "  ".repeat(r.depth), r.code),
            r.name.clone(),
            cell(r.debit),
            cell(r.credit),
            cell(r.balance_debit),
            cell(r.balance_credit),
        ]);
    }
    t.rule();
    let s = &tb.totals;
    t.row(vec![
        L::Total.get(lang).to_string(),
        String::new(),
        s.debit.grouped(),
        s.credit.grouped(),
        s.balance_debit.grouped(),
        s.balance_credit.grouped(),
    ]);
    t.write(out)
}

/// A register written as its lines stream in. The columns are laid out from the head
/// alone: an amount is at most the period's turnover, a balance at most the opening
/// balance plus it, and the memo comes last, so it needs no width.
pub struct RegisterText {
    table: Table,
    /// The memo's prefix for an entry not reviewed yet, and for a rejected one.
    unreviewed: String,
    rejected: String,
}

impl RegisterText {
    /// The title, the headers and the opening balance.
    pub fn start(out: &mut dyn Write, head: &RegisterHead, lang: Lang) -> io::Result<RegisterText> {
        writeln!(
            out,
            "{}  {} {}",
            L::Register.get(lang),
            head.account,
            head.name
        )?;
        let widest = |texts: &[String]| texts.iter().map(|t| width(t)).max().unwrap_or(0);
        let balance_bound = Money::from_fen(
            head.opening_balance.fen().abs() + head.debit_total.fen() + head.credit_total.fen(),
        );
        let table = Table::with_widths(
            &[
                (L::Date.get(lang), Align::Left),
                (L::Entry.get(lang), Align::Right),
                (L::Account.get(lang), Align::Left),
                (L::Fund.get(lang), Align::Left),
                (L::Debit.get(lang), Align::Right),
                (L::Credit.get(lang), Align::Right),
                (L::Balance.get(lang), Align::Right),
                (L::Memo.get(lang), Align::Left),
            ],
            &[
                "0000-00-00".len(),
                head.last_entry.to_string().len(),
                widest(&head.accounts),
                widest(&head.funds),
                head.debit_total.grouped().len(),
                head.credit_total.grouped().len(),
                balance_bound.grouped().len() + 1,
                0,
            ],
        );
        table.write_header(out)?;
        let from = head.from.map(|d| d.to_string()).unwrap_or_default();
        let opening = head.opening_balance.grouped();
        let label = L::OpeningBalance.get(lang);
        table.write_row(out, &[&from, "", "", "", "", "", &opening, label])?;
        let mark = |label: &str| match lang {
            Lang::En => format!("({label}) "),
            _ => format!("（{label}）"),
        };
        Ok(RegisterText {
            table,
            unreviewed: mark(L::UnreviewedMark.get(lang)),
            rejected: mark(L::RejectedMark.get(lang)),
        })
    }

    pub fn line(&self, out: &mut dyn Write, line: &RegisterLine) -> io::Result<()> {
        let marked;
        let memo = if line.unreviewed || line.rejected {
            let mark = if line.rejected {
                &self.rejected
            } else {
                &self.unreviewed
            };
            marked = format!("{mark}{}", line.memo);
            &marked
        } else {
            &line.memo
        };
        let cells = [
            line.date.to_string(),
            line.entry.to_string(),
            cell(line.debit),
            cell(line.credit),
            line.balance.grouped(),
        ];
        self.table.write_row(
            out,
            &[
                &cells[0],
                &cells[1],
                &line.account,
                &line.fund,
                &cells[2],
                &cells[3],
                &cells[4],
                memo,
            ],
        )
    }

    /// The period's totals and the closing balance.
    pub fn finish(&self, out: &mut dyn Write, head: &RegisterHead, lang: Lang) -> io::Result<()> {
        self.table.write_rule(out)?;
        let to = head.to.map(|d| d.to_string()).unwrap_or_default();
        let cells = [
            cell(head.debit_total),
            cell(head.credit_total),
            head.closing_balance.grouped(),
        ];
        let label = L::ClosingBalance.get(lang);
        self.table.write_row(
            out,
            &[&to, "", "", "", &cells[0], &cells[1], &cells[2], label],
        )
    }
}

pub fn entry(out: &mut dyn Write, v: &EntryView, lang: Lang) -> io::Result<()> {
    let e = &v.entry;
    writeln!(
        out,
        "{} {}  {}  {}",
        L::Entry.get(lang),
        e.id,
        e.date,
        e.kind.label(lang)
    )?;
    writeln!(
        out,
        "{}: {}-{:03}",
        L::VoucherNumber.get(lang),
        L::VoucherPrefix.get(lang),
        v.voucher
    )?;
    writeln!(out, "{}: {}", L::Memo.get(lang), e.memo)?;
    if let Some(counterparty) = &v.counterparty {
        writeln!(out, "{}: {counterparty}", L::Counterparty.get(lang))?;
    }
    if let Some(beneficiary) = &v.entrusted_for {
        writeln!(out, "{}: {beneficiary}", L::EntrustedFor.get(lang))?;
    }
    if let Some(method) = crate::report::entry::method(e, lang) {
        writeln!(out, "{}: {method}", L::Method.get(lang))?;
    }
    if let Some(reference) = &e.details.reference {
        writeln!(out, "{}: {reference}", L::Reference.get(lang))?;
    }
    for receipt in &v.receipts {
        let state = if receipt.void { L::Void } else { L::Issued };
        writeln!(
            out,
            "{}: {} {}",
            L::Receipt.get(lang),
            receipt.number,
            state.get(lang)
        )?;
    }
    if let Some(reverses) = e.details.reverses {
        writeln!(out, "{}: {reverses}", L::Reverses.get(lang))?;
    }
    if let Some(reason) = &e.details.reason {
        writeln!(out, "{}: {reason}", L::Reason.get(lang))?;
    }
    if let Some(by) = v.reversed_by {
        writeln!(out, "{}: {by}", L::ReversedBy.get(lang))?;
    }
    writeln!(out, "{}: {}", L::RecordedBy.get(lang), e.recorded_by)?;
    writeln!(out, "{}: {}", L::RecordedAt.get(lang), v.recorded_local)?;
    match &v.review {
        crate::report::entry::Review::Off => {}
        crate::report::entry::Review::Pending => {
            writeln!(out, "{}: {}", L::Review.get(lang), L::Unreviewed.get(lang))?;
        }
        crate::report::entry::Review::Decided(d) => {
            let verdict = crate::i18n::say::verdict_name(lang, d.verdict);
            let when = v.reviewed_local.as_deref().unwrap_or_default();
            let (open, sep, close) = if lang == Lang::En {
                (" (", ", ", ")")
            } else {
                ("（", "，", "）")
            };
            writeln!(
                out,
                "{}: {verdict}{open}{}{sep}{when}{close}",
                L::Review.get(lang),
                d.decided_by,
            )?;
            if let Some(note) = &d.note {
                writeln!(out, "{}: {note}", L::ReviewNote.get(lang))?;
            }
        }
    }
    writeln!(out, "{}: {}", L::Hash.get(lang), hex::encode(&e.hash))?;
    let mut t = Table::new(&[
        (L::Code.get(lang), Align::Left),
        (L::Account.get(lang), Align::Left),
        (L::Fund.get(lang), Align::Left),
        (L::Debit.get(lang), Align::Right),
        (L::Credit.get(lang), Align::Right),
    ]);
    for l in &v.lines {
        t.row(vec![
            l.account.clone(),
            l.account_name.clone(),
            l.fund.clone(),
            cell(l.debit),
            cell(l.credit),
        ]);
    }
    t.write(out)
}

/// The entries a search found, newest first, and a line when more match.
pub fn search(out: &mut dyn Write, r: &SearchResult, lang: Lang) -> io::Result<()> {
    if r.found.is_empty() {
        return writeln!(out, "{}", L::SearchNone.get(lang));
    }
    let mut t = Table::new(&[
        (L::Entry.get(lang), Align::Right),
        (L::Date.get(lang), Align::Left),
        (L::Kind.get(lang), Align::Left),
        (L::Counterparty.get(lang), Align::Left),
        (L::Amount.get(lang), Align::Right),
        (L::Fund.get(lang), Align::Left),
        // Right-aligned: a receipt number, like an amount, is never cut to fit.
        (L::Receipt.get(lang), Align::Right),
        (L::Memo.get(lang), Align::Left),
    ]);
    for f in &r.found {
        let receipt = match &f.receipt {
            Some(receipt) if receipt.void => format!("{} {}", receipt.number, L::Void.get(lang)),
            Some(receipt) => receipt.number.clone(),
            None => String::new(),
        };
        t.row(vec![
            f.id.to_string(),
            f.date.to_string(),
            f.kind.label(lang).to_string(),
            f.counterparty.clone().unwrap_or_default(),
            f.amount.grouped(),
            f.fund.clone(),
            receipt,
            f.memo.clone(),
        ]);
    }
    t.write(out)?;
    if r.more {
        let more = L::SearchMore
            .get(lang)
            .replace("{n}", &r.found.len().to_string());
        writeln!(out, "{more}")?;
    }
    Ok(())
}

pub fn accounts(out: &mut dyn Write, lines: &[AccountLine], lang: Lang) -> io::Result<()> {
    let mut t = Table::new(&[
        (L::Code.get(lang), Align::Left),
        (L::Name.get(lang), Align::Left),
        (L::Type.get(lang), Align::Left),
    ]);
    for a in lines {
        let indent = "  ".repeat(a.code.matches('.').count());
        t.row(vec![
            format!("{indent}{}", a.code),
            a.name.clone(),
            a.account_type.label(lang).to_string(),
        ]);
    }
    t.write(out)
}

pub fn funds(out: &mut dyn Write, lines: &[FundLine], lang: Lang) -> io::Result<()> {
    let mut t = Table::new(&[
        (L::Name.get(lang), Align::Left),
        (L::Alias.get(lang), Align::Left),
        (L::Restricted.get(lang), Align::Left),
    ]);
    for f in lines {
        let restricted = if f.restricted { L::Yes } else { L::No };
        t.row(vec![
            f.name.clone(),
            f.alias.clone(),
            restricted.get(lang).to_string(),
        ]);
    }
    t.write(out)
}

pub fn verify(out: &mut dyn Write, report: &VerifyReport, lang: Lang) -> io::Result<()> {
    let mut t = Table::new(&[
        (L::Check.get(lang), Align::Left),
        (L::Result.get(lang), Align::Left),
        ("", Align::Left),
    ]);
    for c in &report.checks {
        let (result, detail) = match c.findings.first() {
            None => (L::Pass, c.description.get(lang).to_string()),
            Some(f) => (L::Fail, say_finding(lang, &f.message)),
        };
        t.row(vec![
            c.check.to_string(),
            result.get(lang).to_string(),
            detail,
        ]);
        for more in c.findings.iter().skip(1).take(9) {
            let more = say_finding(lang, &more.message);
            t.row(vec![String::new(), String::new(), more]);
        }
        if c.findings.len() > 10 {
            t.row(vec![String::new(), String::new(), {
                let more = c.findings.len() - 10;
                match lang {
                    Lang::En => format!("… {more} more"),
                    _ => format!(
                        "…{} {more} {}",
                        L::MoreFindings.get(lang),
                        L::FindingsUnit.get(lang)
                    ),
                }
            }]);
        }
    }
    t.write(out)?;
    writeln!(out, "{}: {}", L::Entries.get(lang), report.entries)?;
    if let Some(fp) = &report.fingerprint {
        writeln!(out, "{}: {fp}", L::Fingerprint.get(lang))?;
    }
    Ok(())
}

/// The label of a party field named as its option (`name`, `id-number` …).
pub fn field_label(field: &str, lang: Lang) -> &'static str {
    let label = match field {
        "type" => L::Type,
        "name" => L::Name,
        "phone" => L::Phone,
        "id-number" => L::IdNumber,
        "school" => L::School,
        "grade" => L::Grade,
        "village" => L::Village,
        "publish" => L::Publish,
        _ => L::Members,
    };
    label.get(lang)
}

pub fn party_type_label(t: PartyType, lang: Lang) -> &'static str {
    match (t, lang) {
        (PartyType::Person, Lang::ZhHant) => "個人",
        (PartyType::Person, Lang::ZhHans) => "个人",
        (PartyType::Organization, Lang::ZhHant) => "單位",
        (PartyType::Organization, Lang::ZhHans) => "单位",
        (PartyType::Anonymous, Lang::ZhHant | Lang::ZhHans) => "匿名",
        (PartyType::Student, Lang::ZhHant) => "學生",
        (PartyType::Student, Lang::ZhHans) => "学生",
        (PartyType::Household, Lang::ZhHant | Lang::ZhHans) => "家庭",
        (t, Lang::En) => t.as_str(),
    }
}

fn party_details_line(p: &Party) -> String {
    let mut parts = Vec::new();
    for value in [&p.school, &p.grade, &p.village].into_iter().flatten() {
        parts.push(value.clone());
    }
    if let Some(m) = p.members {
        parts.push(format!("{m}"));
    }
    if let Some(last4) = &p.id_last4 {
        parts.push(mask(last4));
    }
    parts.join(" ")
}

pub fn party_list(
    out: &mut dyn Write,
    lines: &[PartyLine],
    role: Role,
    lang: Lang,
) -> io::Result<()> {
    let who = if role == Role::Donor {
        L::Donor
    } else {
        L::Beneficiary
    };
    let mut t = Table::new(&[
        (L::Id.get(lang), Align::Right),
        (who.get(lang), Align::Left),
        (L::Type.get(lang), Align::Left),
        ("", Align::Left),
        (L::Count.get(lang), Align::Right),
        (L::Total.get(lang), Align::Right),
    ]);
    for l in lines {
        let mut details = party_details_line(&l.party);
        if let Some(root) = l.merged_into {
            let merged = format!("{} {root}", L::MergedInto.get(lang));
            details = [details, merged].join(" ").trim().to_string();
        }
        if !l.publish {
            let unnamed = L::NotPublished.get(lang).to_string();
            details = [details, unnamed].join(" ").trim().to_string();
        }
        t.row(vec![
            l.party.id.to_string(),
            shown_name(l.party.party_type, &l.party.name, lang),
            party_type_label(l.party.party_type, lang).to_string(),
            details,
            l.count.to_string(),
            l.total.grouped(),
        ]);
    }
    t.write(out)
}

pub fn party_detail(out: &mut dyn Write, d: &PartyDetail, lang: Lang) -> io::Result<()> {
    let p = &d.party;
    let who = if p.role == Role::Donor {
        L::Donor
    } else {
        L::Beneficiary
    };
    writeln!(
        out,
        "{} {}  {}  ({})",
        who.get(lang),
        p.id,
        shown_name(p.party_type, &p.name, lang),
        party_type_label(p.party_type, lang)
    )?;
    if let Some((root, name)) = &d.merged_into {
        writeln!(out, "{} {root}  {name}", L::MergedInto.get(lang))?;
    }
    if !d.publish {
        writeln!(out, "{}", L::NotPublished.get(lang))?;
    }
    let fields = [
        (L::Phone, p.phone.clone()),
        (L::IdNumber, p.id_last4.as_deref().map(mask)),
        (L::School, p.school.clone()),
        (L::Grade, p.grade.clone()),
        (L::Village, p.village.clone()),
        (L::Members, p.members.map(|m| m.to_string())),
    ];
    for (label, value) in fields {
        if let Some(v) = value {
            writeln!(out, "{}: {v}", label.get(lang))?;
        }
    }
    if let Some(held) = d.held_in_trust {
        writeln!(out, "{}: {}", L::HeldInTrust.get(lang), held.grouped())?;
    }
    let mut t = Table::new(&[
        (L::Date.get(lang), Align::Left),
        (L::Entry.get(lang), Align::Right),
        (L::Fund.get(lang), Align::Left),
        (L::Method.get(lang), Align::Left),
        (L::Receipt.get(lang), Align::Left),
        (L::Memo.get(lang), Align::Left),
        (L::Amount.get(lang), Align::Right),
    ]);
    for h in &d.history {
        t.row(vec![
            h.date.to_string(),
            h.entry.to_string(),
            h.fund.clone(),
            h.method.clone().unwrap_or_default(),
            h.receipt.clone().unwrap_or_default(),
            match h.merged_from {
                // A gift of a donor merged into this one names it.
                Some(from) => format!("[{from} {}] {}", L::Merged.get(lang), h.memo),
                None => h.memo.clone(),
            },
            h.amount.grouped(),
        ]);
    }
    t.rule();
    t.row(vec![
        L::Total.get(lang).to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        format!("{} {}", L::Count.get(lang), d.count),
        d.total.grouped(),
    ]);
    t.write(out)?;
    party_merges(out, d, lang)?;
    if d.edits.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", L::Corrections.get(lang))?;
    let mut t = Table::new(&[
        (L::Date.get(lang), Align::Left),
        (L::RecordedBy.get(lang), Align::Left),
        (L::Changed.get(lang), Align::Left),
        (L::Name.get(lang), Align::Left),
        (L::Reason.get(lang), Align::Left),
    ]);
    for e in &d.edits {
        let changed: Vec<&str> = e.changed.iter().map(|f| field_label(f, lang)).collect();
        t.row(vec![
            e.at.clone(),
            e.by.clone(),
            changed.join(", "),
            e.name.clone(),
            e.reason.clone(),
        ]);
    }
    t.write(out)
}

/// A donor's merges: which donor went into which (or came out again), when, by whom, why.
fn party_merges(out: &mut dyn Write, d: &PartyDetail, lang: Lang) -> io::Result<()> {
    if d.merges.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", L::Merges.get(lang))?;
    let mut t = Table::new(&[
        (L::Date.get(lang), Align::Left),
        (L::RecordedBy.get(lang), Align::Left),
        (L::Donor.get(lang), Align::Left),
        (L::Changed.get(lang), Align::Left),
        (L::Reason.get(lang), Align::Left),
    ]);
    for m in &d.merges {
        let change = match m.into {
            Some(into) => format!("{} {into}", L::MergedInto.get(lang)),
            None => L::Unmerged.get(lang).to_string(),
        };
        t.row(vec![
            m.at.clone(),
            m.by.clone(),
            format!("{} {}", m.party, m.name),
            change,
            m.reason.clone(),
        ]);
    }
    t.write(out)
}

pub fn fund_balances(out: &mut dyn Write, f: &FundBalances, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "{}  ({} {} – {})",
        L::FundBalances.get(lang),
        L::Period.get(lang),
        f.from,
        f.as_of
    )?;
    let mut t = Table::new(&[
        (L::Fund.get(lang), Align::Left),
        (L::Restricted.get(lang), Align::Left),
        (L::Opening.get(lang), Align::Right),
        (L::Raised.get(lang), Align::Right),
        (L::Disbursed.get(lang), Align::Right),
        (L::Transfers.get(lang), Align::Right),
        (L::Closing.get(lang), Align::Right),
    ]);
    let row = |b: &FundBalance, name: String, restricted: String| {
        vec![
            name,
            restricted,
            b.opening.grouped(),
            b.raised.grouped(),
            b.disbursed.grouped(),
            b.transfers.grouped(),
            b.closing.grouped(),
        ]
    };
    for b in &f.funds {
        let restricted = if b.restricted { L::Yes } else { L::No };
        t.row(row(b, b.fund.clone(), restricted.get(lang).to_string()));
    }
    t.rule();
    t.row(row(&f.total, L::Total.get(lang).to_string(), String::new()));
    t.write(out)
}
