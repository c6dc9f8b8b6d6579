//! Reconciling an account with its statement or bill (`lovefund reconcile`): the
//! upload with the statement's closing balance and date (checked as typed, by
//! `/check`), the matching table and the 銀行存款餘額調節表 as a dry run, and a Commit
//! that runs it again with `--commit` on the same bytes; the recorded ones
//! (`reconcile list`) and each in full (`reconcile show ID`).

use super::import::{Options, bad_lines, encoding, encoding_select, profile_select, refusal};
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
use crate::ops::{Actor, profiles};
use crate::report::reconciliation::ReconcileReport;
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::{Posted, Signed, Visit};
use crate::web::uploads::{self, Held};
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::path::PathBuf;
use std::sync::Arc;

/// The form's fields besides the file, as typed (carried to the commit).
#[derive(Clone, Default)]
struct Typed {
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

type Ran = Result<std::result::Result<ReconcileReport, BadStatement>>;

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

fn matching(lang: Lang, r: &ReconcileReport) -> Markup {
    let g = |l: L| l.get(lang);
    let m = &r.matching;
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

fn report(frame: &Frame, r: &ReconcileReport, held: &Held, token: &str, typed: &Typed) -> Markup {
    let lang = frame.lang;
    html! {
        p { (L::Reconciliation.get(lang)) " " strong id="account" { (r.account) } " " (L::AsOf.get(lang)) " " (r.as_of)
            span.quiet { " （" (held.name) "，" (r.encoding) "）" } }
        @match r.recorded {
            Some(id) => { p.done role="status" id="committed" { (L::Committed.get(lang)) " " (id) } }
            None => { p.done role="status" { (W::TriedNotRecorded.get(lang)) } }
        }
        (matching(lang, r))
        (adjustment(lang, r))
        @if r.recorded.is_none() {
            div.confirm-bar {
                (page::form_post("/reconcile/commit", frame, html! {
                    input type="hidden" name="token" value=(token);
                    input type="hidden" name="sha256" value=(held.sha256);
                    (typed.hidden())
                    button type="submit" id="commit" { (W::Commit.get(lang)) }
                }))
                (page::form_post("/reconcile/cancel", frame, html! {
                    input type="hidden" name="token" value=(token);
                    button.secondary type="submit" { (W::Cancel.get(lang)) }
                }))
            }
        }
    }
}

fn outcome(frame: &Frame, ran: &Ran, held: &Held, token: &str, typed: &Typed) -> Markup {
    let lang = frame.lang;
    html! {
        div.card id="outcome" {
            @match ran {
                Err(e) => { (refusal(lang, e, Some(held))) }
                Ok(Err(bad)) => { (bad_lines(lang, &bad.errors, bad.more, &bad.refusal())) }
                Ok(Ok(r)) => { (report(frame, r, held, token, typed)) }
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

async fn render(
    app: &App,
    user: &str,
    frame: &Frame<'_>,
    typed: &Typed,
    shown: Option<Markup>,
    status: StatusCode,
) -> Response {
    let names = app
        .as_user(user, |l| profiles::names(l, ProfileKind::Statement))
        .await
        .unwrap_or_default();
    let recorded = app.as_user(user, |l| reconcile::list(l)).await;
    let lang = frame.lang;
    let body = html! {
        @if let Some(shown) = shown { (shown) }
        (form(frame, &names, typed))
        @match &recorded {
            Ok(recorded) => { (list(lang, recorded)) }
            Err(e) => { (page::refusal_box(lang, e)) }
        }
    };
    (status, page::page(frame, W::Reconcile, body)).into_response()
}

fn status_of(ran: &Ran) -> StatusCode {
    match ran {
        Err(e) => page::status_of(e),
        Ok(Err(_)) => StatusCode::UNPROCESSABLE_ENTITY,
        Ok(Ok(_)) => StatusCode::OK,
    }
}

pub async fn show(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/reconcile",
    };
    render(
        &app,
        &signed.user,
        &frame,
        &Typed::default(),
        None,
        StatusCode::OK,
    )
    .await
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

fn run(
    ledger: &mut crate::ops::Ledger,
    user: &str,
    typed: &Typed,
    file: PathBuf,
    commit: bool,
) -> Ran {
    let request = typed.request(file, commit)?;
    reconcile::reconcile(ledger, &Actor::now(user)?, &request)
}

/// Holds the statement and runs the dry run.
pub async fn upload(
    State(app): State<Arc<App>>,
    visit: Visit,
    mut multipart: Multipart,
) -> Response {
    let lang = visit.lang;
    let Some(session) = visit.session.clone().filter(|s| s.user.is_some()) else {
        return Redirect::to("/login").into_response();
    };
    let user = session.user.clone().unwrap_or_default();
    let form = match uploads::read(&visit, &mut multipart).await {
        Ok(form) => form,
        Err(refusal) => return page::refused(lang, &refusal),
    };
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: Some(&session.csrf),
        path: "/reconcile",
    };
    let typed = form
        .as_ref()
        .map(|f| Typed::of(|n| f.text(n)))
        .unwrap_or_default();
    // The typed fields first: a bad balance or date holds nothing.
    let held = form.and_then(|f| {
        typed.request(PathBuf::new(), false)?;
        let (name, bytes) = f.file()?;
        app.hold_upload(&session.id, name, bytes)
    });
    let (token, held) = match held {
        Ok(held) => held,
        Err(e) => {
            let shown = page::refusal_box(lang, &e);
            return render(
                &app,
                &user,
                &frame,
                &typed,
                Some(shown),
                page::status_of(&e),
            )
            .await;
        }
    };
    let (path, chosen, name) = (held.path.clone(), typed.clone(), user.clone());
    let ran = app
        .as_user(&user, move |l| run(l, &name, &chosen, path, false))
        .await;
    if !matches!(ran, Ok(Ok(_))) {
        app.discard_upload(&session.id, &token);
    }
    let markup = outcome(&frame, &ran, &held, &token, &typed);
    render(&app, &user, &frame, &typed, Some(markup), status_of(&ran)).await
}

/// Records the reconciliation the dry run showed, on the same bytes.
pub async fn commit(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let lang = posted.visit.lang;
    let Some(session) = posted.visit.session.clone().filter(|s| s.user.is_some()) else {
        return Redirect::to("/login").into_response();
    };
    let user = session.user.clone().unwrap_or_default();
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: Some(&session.csrf),
        path: "/reconcile",
    };
    let typed = Typed::of(|n| posted.text(n));
    let token = posted.text("token");
    let held = app.held_upload(&session.id, &token, &posted.text("sha256"));
    let held = match held {
        Ok(held) => held,
        Err(e) => {
            let shown = page::refusal_box(lang, &e);
            return render(
                &app,
                &user,
                &frame,
                &typed,
                Some(shown),
                page::status_of(&e),
            )
            .await;
        }
    };
    let (path, chosen, name) = (held.path.clone(), typed.clone(), user.clone());
    let ran = app
        .as_user(&user, move |l| run(l, &name, &chosen, path, true))
        .await;
    app.discard_upload(&session.id, &token);
    let markup = outcome(&frame, &ran, &held, &token, &typed);
    render(
        &app,
        &user,
        &frame,
        &Typed::default(),
        Some(markup),
        status_of(&ran),
    )
    .await
}

/// Deletes the statement without recording anything.
pub async fn cancel(State(app): State<Arc<App>>, posted: Posted) -> Response {
    super::import::discard(&app, &posted);
    Redirect::to("/reconcile").into_response()
}
