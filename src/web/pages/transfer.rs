//! A transfer between the fund's own accounts (bank to cash, a wallet's balance to
//! the bank), as `lovefund transfer` does, through `ops::journal::transfer`.

use crate::error::{Field, Result};
use crate::i18n::web::W;
use crate::ledger::account::{Account, AccountCode};
use crate::ledger::date::parse_date;
use crate::ops::Actor;
use crate::ops::journal::{self, Recorded, TransferRequest};
use crate::store::Read;
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

fn request(posted: &Posted) -> Result<TransferRequest> {
    Ok(TransferRequest {
        from: AccountCode::parse(posted.text("from").trim())?,
        to: AccountCode::parse(posted.text("to").trim())?,
        amount: crate::input::positive_amount(Field::Amount, &posted.text("amount"))?,
        fee: posted
            .optional("fee")
            .map(|f| crate::input::positive_amount(Field::Fee, &f))
            .transpose()?,
        date: parse_date(Field::Date, &posted.text("date"))?,
        reference: posted.optional("reference"),
        memo: posted.optional("memo"),
    })
}

/// The asset accounts, offered as the from and to of a transfer.
fn assets(accounts: &[Account]) -> Vec<&Account> {
    accounts
        .iter()
        .filter(|a| a.code.as_str().starts_with('1'))
        .collect()
}

fn form_body(
    frame: &Frame,
    accounts: &[Account],
    posted: Option<&Posted>,
    outcome: Option<&Result<Recorded>>,
) -> Markup {
    let lang = frame.lang;
    let value = |name: &str| posted.map(|p| p.text(name)).unwrap_or_default();
    let choose = |name: &str, label: W| {
        let now = value(name);
        html! {
            label { (label.get(lang))
                select name=(name) required {
                    option value="" { "—" }
                    @for a in assets(accounts) {
                        option value=(a.code.as_str()) selected[now == a.code.as_str()] { (a.code.as_str()) " " (a.names.get(lang)) }
                    }
                }
            }
        }
    };
    html! {
        @match outcome {
            Some(Ok(done)) => { p.done role="status" { (W::RecordedEntry.get(lang)) " " strong id="entry" { (done.id) } } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {},
        }
        (form_post("/transfer", frame, html! {
            div.card.form {
                (choose("from", W::FromAccount))
                (choose("to", W::ToAccount))
                label { (W::Amount.get(lang)) input name="amount" inputmode="decimal" data-check="amount" value=(value("amount")) required; span.hint {} }
                label { (W::Fee.get(lang)) input name="fee" inputmode="decimal" value=(value("fee")); span.hint {} }
                label { (W::Date.get(lang)) input type="date" name="date" value=(value("date")) required; }
                label { (W::Reference.get(lang)) input name="reference" value=(value("reference")); }
                label.wide { (W::Memo.get(lang)) input name="memo" value=(value("memo")); }
                button type="submit" { (W::Record.get(lang)) }
            }
        }))
    }
}

async fn render(
    app: &App,
    user: &str,
    frame: &Frame<'_>,
    posted: Option<&Posted>,
    outcome: Option<&Result<Recorded>>,
) -> Markup {
    let found = app.as_user(user, |l| l.reader().accounts()).await;
    let inner = match &found {
        Ok(accounts) => form_body(frame, accounts, posted, outcome),
        Err(e) => page::refusal_box(frame.lang, e),
    };
    page::page(frame, W::Transfer, inner)
}

pub async fn form(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/transfer",
    };
    render(&app, &signed.user, &frame, None, None)
        .await
        .into_response()
}

pub async fn record(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let name = user.clone();
    let outcome = match request(&posted) {
        Ok(request) => {
            app.as_user(&user, move |l| {
                journal::transfer(l, &Actor::now(&name)?, request)
            })
            .await
        }
        Err(e) => Err(e),
    };
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = Frame {
        lang: posted.visit.lang,
        user: Some(&user),
        csrf: csrf.as_deref(),
        path: "/transfer",
    };
    let status = match &outcome {
        Ok(_) => axum::http::StatusCode::OK,
        Err(e) => page::status_of(e),
    };
    let kept = outcome.as_ref().is_err().then_some(&posted);
    let markup = render(&app, &user, &frame, kept, Some(&outcome)).await;
    (status, markup).into_response()
}
