//! Reconciling an account with its statement or bill (`lovefund reconcile`): the
//! upload with the statement's closing balance and date (checked as typed, by
//! `/check`), the matching table and the 銀行存款餘額調節表 as a dry run, and a Commit
//! that runs it again with `--commit` on the same bytes; the recorded ones
//! (`reconcile list`) and each in full (`reconcile show ID`).

use super::import::{Options, bad_lines, encoding, encoding_select, profile_select, refusal};
use super::staged::Staged;
use crate::error::{Field, Result};
use crate::i18n::web::W;
use crate::i18n::{L, Lang};
use crate::ledger::account::AccountCode;
use crate::ledger::date::{parse_count, parse_date};
use crate::ledger::money::Money;
use crate::ledger::reconciliation::{LedgerItem, MatchKind, StatementLine};
use crate::ledger::settings::ProfileKind;
use crate::ops::reconcile::{
    self, BadStatement, ReconcileRequest, ReconciliationDetail, Reconciliations,
};
use crate::ops::{Actor, Ledger, profiles};
use crate::reconcile::matching::Matching;
use crate::report::reconciliation::ReconcileReport;
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::Signed;
use crate::web::uploads::Held;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::path::PathBuf;
use std::sync::Arc;

/// The form's fields besides the file, as typed (carried to the commit).
#[derive(Clone, Default)]
pub struct Typed {
    closing_balance: String,
    as_of: String,
    account: String,
    options: Options,
}

impl Typed {
    fn of(text: impl Fn(&str) -> String) -> Typed {
        Typed {
            closing_balance: text("closing_balance"),
            as_of: text("as_of"),
            account: text("account"),
            options: Options {
                encoding: text("encoding"),
                profile: text("profile"),
                accept_new: false,
            },
        }
    }

    /// The request `lovefund reconcile --statement FILE …` builds from these flags.
    fn request(&self, statement: PathBuf, commit: bool) -> Result<ReconcileRequest> {
        let account = Some(self.account.trim())
            .filter(|a| !a.is_empty())
            .map(AccountCode::parse)
            .transpose()?;
        Ok(ReconcileRequest {
            account,
            statement,
            closing_balance: crate::input::closing_balance(&self.closing_balance)?,
            as_of: parse_date(Field::AsOf, &self.as_of)?,
            columns: None,
            profile: Some(self.options.profile.clone()).filter(|p| !p.is_empty()),
            encoding: encoding(&self.options.encoding)?,
            format: None,
            commit,
        })
    }

    fn hidden(&self) -> Markup {
        html! {
            input type="hidden" name="closing_balance" value=(self.closing_balance);
            input type="hidden" name="as_of" value=(self.as_of);
            input type="hidden" name="account" value=(self.account);
            input type="hidden" name="encoding" value=(self.options.encoding);
            input type="hidden" name="profile" value=(self.options.profile);
        }
    }
}

pub type Done = std::result::Result<ReconcileReport, BadStatement>;

fn statement_rows(lang: Lang, lines: &[StatementLine]) -> Markup {
    html! {
        thead { tr {
            th.num { (L::Line.get(lang)) } th { (L::Date.get(lang)) } th.num { (L::Amount.get(lang)) }
            th { (L::Reference.get(lang)) } th { (L::Memo.get(lang)) }
        } }
        tbody { @for l in lines { tr {
            td.num { (l.line) } td { (l.date) } td.num { (l.amount.grouped()) }
            td { (l.reference) } td.wrap { (l.description) }
        } } }
    }
}

fn item_rows(lang: Lang, items: &[LedgerItem]) -> Markup {
    html! {
        thead { tr {
            th { (L::Entry.get(lang)) } th { (L::Date.get(lang)) } th.num { (L::Amount.get(lang)) }
            th { (L::Reference.get(lang)) } th { (L::Memo.get(lang)) }
        } }
        tbody { @for i in items { tr {
            td { (i.posting_key.0) "/" (i.posting_key.1) } td { (i.date) } td.num { (i.amount.grouped()) }
            td { (i.reference.clone().unwrap_or_default()) } td.wrap { (i.memo) }
        } } }
    }
}

fn section(title: &str, count: usize, id: &str, rows: Markup) -> Markup {
    html! {
        h3 { (title) "：" (count) }
        @if count > 0 { div.scroll { table id=(id) { (rows) } } }
    }
}

fn matching(lang: Lang, m: &Matching) -> Markup {
    let g = |l: L| l.get(lang);
    let matched = html! {
        thead { tr {
            th.num { (g(L::Line)) } th { (g(L::Date)) } th.num { (g(L::Amount)) }
            th { (g(L::Reference)) } th { (g(L::Entry)) }
        } }
        tbody { @for (line, item, kind) in &m.matched { tr {
            td.num { (line.line) } td { (line.date) } td.num { (line.amount.grouped()) } td { (line.reference) }
            td { (item.posting_key.0) "/" (item.posting_key.1) " （"
                (match kind { MatchKind::Reference => g(L::Reference), MatchKind::AmountDate => g(L::Amount) }) "）" }
        } } }
    };
    let tied: Vec<StatementLine> = m
        .ties
        .iter()
        .flat_map(|t| t.statement_lines.clone())
        .collect();
    let tied_items: Vec<LedgerItem> = m.ties.iter().flat_map(|t| t.ledger_items.clone()).collect();
    html! {
        (section(g(L::Matched), m.matched.len(), "matched", matched))
        (section(g(L::StatementOnly), m.statement_only.len(), "statement-only", statement_rows(lang, &m.statement_only)))
        (section(g(L::LedgerOnly), m.ledger_only.len(), "ledger-only", item_rows(lang, &m.ledger_only)))
        @if !m.ties.is_empty() {
            (section(g(L::Ties), tied.len(), "ties", statement_rows(lang, &tied)))
            div.scroll { table { (item_rows(lang, &tied_items)) } }
        }
    }
}

fn adjustment(lang: Lang, r: &ReconcileReport) -> Markup {
    let g = |l: L| l.get(lang);
    let a = &r.adjustment;
    let pair = |left: L, lm: Money, right: L, rm: Money| {
        html! { tr { th { (g(left)) } td.num { (lm.grouped()) } th { (g(right)) } td.num { (rm.grouped()) } } }
    };
    html! {
        h3 { (g(L::Reconciliation)) }
        div.scroll { table id="adjustment" { tbody {
            (pair(L::LedgerSideLabel, a.ledger.balance, L::BankSideLabel, a.bank.balance))
            (pair(L::ReceivedNotBooked, a.ledger.received_not_booked, L::BookedNotReceived, a.bank.booked_not_received))
            (pair(L::PaidNotBooked, a.ledger.paid_not_booked, L::BookedNotPaid, a.bank.booked_not_paid))
            (pair(L::Adjusted, a.ledger.adjusted, L::Adjusted, a.bank.adjusted))
        } } }
        @if a.agrees { p.done id="agrees" { (g(L::Agrees)) } }
        @else { p.refused id="difference" { (g(L::Difference)) "：" (a.difference.grouped()) } }
    }
}

fn report(lang: Lang, r: &ReconcileReport, held: &Held, confirm: Markup) -> Markup {
    html! {
        p { (L::Reconciliation.get(lang)) " " strong id="account" { (r.account) } " " (L::AsOf.get(lang)) " " (r.as_of)
            span.quiet { " （" (held.name) "，" (r.encoding) "）" } }
        @match r.recorded {
            Some(id) => { p.done role="status" id="committed" { (L::Committed.get(lang)) " " (id) } }
            None => { p.done role="status" { (W::TriedNotRecorded.get(lang)) } }
        }
        @match r.matching.load() {
            Ok(m) => { (matching(lang, &m)) }
            Err(e) => { (refusal(lang, &e, Some(held))) }
        }
        (adjustment(lang, r))
        (confirm)
    }
}

/// What a run said: the refusal, the statement's bad lines, or the report.
fn outcome(lang: Lang, ran: &Result<Done>, held: &Held, confirm: Markup) -> Markup {
    html! {
        div.card id="outcome" {
            @match ran {
                Err(e) => { (refusal(lang, e, Some(held))) }
                Ok(Err(bad)) => { (bad_lines(lang, &bad.errors, bad.more, &bad.refusal())) }
                Ok(Ok(r)) => { (report(lang, r, held, confirm)) }
            }
        }
    }
}

fn list(lang: Lang, recorded: &Reconciliations) -> Markup {
    let g = |l: L| l.get(lang);
    html! {
        h2 { (W::RecordedReconciliations.get(lang)) }
        div.card.scroll {
            @if recorded.0.is_empty() { p.quiet { (W::NobodyYet.get(lang)) } }
            @else {
                table id="reconciliations" {
                    thead { tr {
                        th.num { (g(L::Id)) } th { (g(L::Account)) } th { (g(L::AsOf)) }
                        th.num { (g(L::BankSideLabel)) } th.num { (g(L::LedgerSideLabel)) } th.num { (g(L::Adjusted)) }
                        th { (g(L::Result)) } th { (g(L::RecordedBy)) }
                    } }
                    tbody { @for r in &recorded.0 { tr {
                        td.num { a href={ "/reconcile/" (r.id) } { (r.id) } } td { (r.account) } td { (r.as_of) }
                        td.num { (r.closing_balance.grouped()) } td.num { (r.ledger_balance.grouped()) }
                        td.num { (r.adjusted.grouped()) }
                        td { (if r.agrees { g(L::Agrees) } else { g(L::Difference) }) }
                        td { (r.recorded_by) " " (recorded.1.show(&r.recorded_at)) }
                    } } }
                }
            }
        }
    }
}

fn detail(lang: Lang, d: &ReconciliationDetail) -> Markup {
    let g = |l: L| l.get(lang);
    let one = Reconciliations(vec![d.reconciliation.clone()], d.clock);
    html! {
        (list(lang, &one))
        h3 { (g(L::Matched)) "：" (d.cleared.len()) }
        div.scroll { table id="cleared" {
            thead { tr {
                th.num { (g(L::Line)) } th { (g(L::Date)) } th.num { (g(L::Amount)) } th { (g(L::Reference)) } th { (g(L::Entry)) }
            } }
            tbody { @for c in &d.cleared { tr {
                td.num { (c.statement_line) } td { (c.date) } td.num { (c.amount.grouped()) } td { (c.reference) }
                td { (c.entry) "/" (c.seq) }
            } } }
        } }
        h3 { (g(L::StatementOnly)) "：" (d.unmatched.len()) }
        div.scroll { table id="unmatched" {
            thead { tr {
                th.num { (g(L::Line)) } th { (g(L::Date)) } th.num { (g(L::Amount)) } th { (g(L::Reference)) } th { (g(L::Memo)) }
            } }
            tbody { @for u in &d.unmatched { tr {
                td.num { (u.statement_line) } td { (u.date) } td.num { (u.amount.grouped()) } td { (u.reference) } td.wrap { (u.description) }
            } } }
        } }
        p { a href="/reconcile" { (W::Back.get(lang)) } }
    }
}

fn form(frame: &Frame, profiles: &[String], typed: &Typed) -> Markup {
    let lang = frame.lang;
    html! {
        h2 { (W::ReconcileStatement.get(lang)) }
        p.quiet { (W::ReconcileExplain.get(lang)) }
        form method="post" action="/reconcile" enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(frame.csrf.unwrap_or_default());
            div.card.form {
                label.wide { (W::Statement.get(lang)) input type="file" name="file" accept=".csv,.tsv,.txt,.xlsx,.xls" required; }
                label { (W::ClosingBalance.get(lang)) input name="closing_balance" inputmode="decimal" value=(typed.closing_balance) data-check="closing_balance" required; span.hint {} }
                label { (W::AsOf.get(lang)) input type="date" name="as_of" value=(typed.as_of) data-check="date" required; span.hint {} }
                label { (W::Account.get(lang)) input name="account" value=(typed.account) placeholder=(W::AccountDetected.get(lang)); }
                (encoding_select(lang, &typed.options.encoding))
                (profile_select(lang, profiles, &typed.options.profile))
                button type="submit" { (W::DryRunButton.get(lang)) }
            }
        }
    }
}

/// `/reconcile/3`: reconciliation 3 in full.
pub async fn one(State(app): State<Arc<App>>, signed: Signed, Path(id): Path<String>) -> Response {
    let lang = signed.lang;
    let frame = Frame {
        lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/reconcile",
    };
    let got = match parse_count(Field::Named("id".into()), id.trim_start_matches('#')) {
        Ok(id) => {
            app.as_user(&signed.user, move |l| reconcile::show(l, id))
                .await
        }
        Err(e) => Err(e),
    };
    match got {
        Ok(d) => page::page(&frame, W::Reconcile, detail(lang, &d)).into_response(),
        Err(e) => page::refused(lang, &e),
    }
}

/// The reconcile page: `staged`'s shape, with the statement's balance, date and
/// account, and the reconciliations recorded under the form.
pub struct ReconcilePage;

impl Staged for ReconcilePage {
    const PATH: &'static str = "/reconcile";
    const TITLE: W = W::Reconcile;
    const CONFIRM: &'static str = "commit";
    const BUTTON: W = W::Commit;
    type Typed = Typed;
    type Done = Done;
    type Around = (Vec<String>, Result<Reconciliations>);

    fn typed(text: impl Fn(&str) -> String) -> Typed {
        Typed::of(text)
    }

    /// The typed fields first: a bad balance or date holds nothing.
    fn check(typed: &Typed) -> Result<()> {
        typed.request(PathBuf::new(), false).map(|_| ())
    }

    fn run(
        ledger: &mut Ledger,
        user: &str,
        typed: &Typed,
        file: PathBuf,
        for_real: bool,
    ) -> Result<Done> {
        let request = typed.request(file, for_real)?;
        reconcile::reconcile(ledger, &Actor::now(user)?, &request)
    }

    fn went_through(done: &Done) -> bool {
        done.is_ok()
    }

    fn outcome(frame: &Frame, ran: &Result<Done>, held: &Held, confirm: Markup) -> Markup {
        outcome(frame.lang, ran, held, confirm)
    }

    fn around(ledger: &mut Ledger) -> Result<Self::Around> {
        let names = profiles::names(ledger, ProfileKind::Statement).unwrap_or_default();
        Ok((names, reconcile::list(ledger)))
    }

    fn page(frame: &Frame, around: Result<Self::Around>, typed: &Typed) -> Markup {
        let lang = frame.lang;
        let (names, recorded) = match around {
            Ok((names, recorded)) => (names, recorded),
            Err(e) => (Vec::new(), Err(e)),
        };
        html! {
            (form(frame, &names, typed))
            @match &recorded {
                Ok(recorded) => { (list(lang, recorded)) }
                Err(e) => { (page::refusal_box(lang, e)) }
            }
        }
    }

    fn hidden(typed: &Typed) -> Markup {
        typed.hidden()
    }
}
