//! Recording a donation: the form, the check as you type (`/check`: the same
//! parsing the request uses, answering with the catalogue's sentence), and the
//! record itself through `ops::people::donate`, which shows the receipt number.

use crate::error::{Field, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::date::parse_date;
use crate::ops::people::{self, DonationRecorded, DonationRequest, MovementRequest};
use crate::ops::{Actor, Ledger};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// The request the form describes, parsed as `lovefund donate` parses its flags.
fn request(posted: &Posted) -> Result<DonationRequest> {
    Ok(DonationRequest {
        movement: MovementRequest {
            counterparty: posted.text("donor"),
            amount: crate::input::positive_amount(Field::Amount, &posted.text("amount"))?,
            date: parse_date(Field::Date, &posted.text("date"))?,
            method: people::method(Field::Named("method".into()), &posted.text("method"))?,
            reference: posted.optional("reference"),
            memo: posted.optional("memo"),
        },
        fund: posted
            .optional("fund")
            .unwrap_or_else(|| "非限定".to_string()),
        official_receipt_no: posted.optional("official_receipt_no"),
        entrusted_for: None,
    })
}

fn record_as(
    ledger: &mut Ledger,
    user: &str,
    request: DonationRequest,
) -> Result<DonationRecorded> {
    people::donate(ledger, &Actor::now(user)?, request)
}

/// The fund names to choose from (the ledger's own, in its chart).
fn funds(ledger: &mut Ledger, lang: Lang) -> Result<Vec<String>> {
    let today = chrono::Local::now().date_naive();
    let balances =
        crate::report::fund_balances::fund_balances(ledger.reader(), None, None, today, lang)?;
    Ok(balances.funds.into_iter().map(|f| f.fund).collect())
}

fn form_body(
    frame: &Frame,
    funds: &[String],
    posted: Option<&Posted>,
    outcome: Option<&Result<DonationRecorded>>,
) -> Markup {
    let lang = frame.lang;
    let value = |name: &str| posted.map(|p| p.text(name)).unwrap_or_default();
    let today = chrono::Local::now().date_naive().to_string();
    let date = posted.map_or(today, |p| p.text("date"));
    let method = value("method");
    let fund = value("fund");
    let methods = [
        ("bank", W::Bank),
        ("cash", W::Cash),
        ("wechat", W::Wechat),
        ("alipay", W::Alipay),
    ];
    html! {
        @match outcome {
            Some(Ok(done)) => { p.done role="status" { (W::Recorded.get(lang)) " " strong id="receipt" { (done.receipt) } } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {},
        }
        (form_post("/donate", frame, html! {
            div.card.form {
                label { (W::Donor.get(lang)) input name="donor" value=(value("donor")) required; }
                label { (W::Amount.get(lang)) input name="amount" inputmode="decimal" value=(value("amount")) data-check="amount" required; span.hint {} }
                label { (W::Date.get(lang)) input type="date" name="date" value=(date) data-check="date" required; span.hint {} }
                label { (W::Fund.get(lang))
                    select name="fund" {
                        @for f in funds { option value=(f) selected[*f == fund] { (f) } }
                    }
                }
                label { (W::Method.get(lang))
                    select name="method" {
                        @for (code, word) in methods { option value=(code) selected[method == code] { (word.get(lang)) } }
                    }
                }
                label { (W::Reference.get(lang)) input name="reference" value=(value("reference")); }
                label { (W::OfficialReceiptNo.get(lang)) input name="official_receipt_no" value=(value("official_receipt_no")); }
                label.wide { (W::Memo.get(lang)) input name="memo" value=(value("memo")); }
                button type="submit" { (W::Record.get(lang)) }
            }
        }))
    }
}

pub async fn form(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let lang = signed.lang;
    let funds = app.as_user(&signed.user, move |l| funds(l, lang)).await;
    let frame = Frame {
        lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/donate",
    };
    let body = match &funds {
        Ok(funds) => form_body(&frame, funds, None, None),
        Err(e) => page::refusal_box(lang, e),
    };
    page::page(&frame, W::Donate, body).into_response()
}

pub async fn record(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return axum::response::Redirect::to("/login").into_response();
    };
    let lang = posted.visit.lang;
    let outcome = match request(&posted) {
        Ok(request) => {
            let user = user.clone();
            app.as_user(&user.clone(), move |l| record_as(l, &user, request))
                .await
        }
        Err(e) => Err(e),
    };
    let funds = app
        .as_user(&user, move |l| funds(l, lang))
        .await
        .unwrap_or_default();
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: csrf.as_deref(),
        path: "/donate",
    };
    let status = match &outcome {
        Ok(_) => axum::http::StatusCode::OK,
        Err(e) => page::status_of(e),
    };
    let kept = outcome.as_ref().is_err().then_some(&posted);
    let body = form_body(&frame, &funds, kept, Some(&outcome));
    (status, page::page(&frame, W::Donate, body)).into_response()
}

/// `/check`: one field as typed (`field`, `value`), answered with the sentence that
/// refuses it, or nothing when it is fine.
pub async fn check(posted: Posted) -> Response {
    let lang = posted.visit.lang;
    let value = posted.text("value");
    let checked: Result<()> = match posted.text("field").as_str() {
        "amount" => crate::input::positive_amount(Field::Amount, &value).map(drop),
        "date" => parse_date(Field::Date, &value).map(drop),
        "closing_balance" => crate::input::closing_balance(&value).map(drop),
        _ => Ok(()),
    };
    let text = match checked {
        Ok(()) => String::new(),
        Err(e) => page::sentence(lang, &e),
    };
    ([("content-type", "text/plain; charset=utf-8")], text).into_response()
}
