//! Recording a disbursement (aid paid to a beneficiary from a program), as
//! `lovefund disburse` does, through `ops::people::disburse`.

use crate::error::{Field, Result};
use crate::i18n::web::W;
use crate::ledger::date::parse_date;
use crate::ops::Actor;
use crate::ops::people::{
    self, AidSource, DisbursementRecorded, DisbursementRequest, MovementRequest,
};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// The request the form describes, parsed as `lovefund disburse` parses its flags.
fn request(posted: &Posted) -> Result<DisbursementRequest> {
    Ok(DisbursementRequest {
        movement: MovementRequest {
            counterparty: posted.text("to"),
            amount: crate::input::positive_amount(Field::Amount, &posted.text("amount"))?,
            date: parse_date(Field::Date, &posted.text("date"))?,
            method: people::method(Field::Named("method".into()), &posted.text("method"))?,
            reference: posted.optional("reference"),
            memo: posted.optional("memo"),
        },
        source: AidSource::Program {
            program: posted.text("program"),
            fund: None,
        },
    })
}

fn form_body(
    frame: &Frame,
    posted: Option<&Posted>,
    outcome: Option<&Result<DisbursementRecorded>>,
) -> Markup {
    let lang = frame.lang;
    let value = |name: &str| posted.map(|p| p.text(name)).unwrap_or_default();
    let today = chrono::Local::now().date_naive().to_string();
    let date = posted.map_or(today, |p| p.text("date"));
    let programs = [
        ("study-aid", W::StudyAid),
        ("poverty-relief", W::PovertyRelief),
        ("hardship", W::Hardship),
    ];
    let methods = [
        ("bank", W::Bank),
        ("cash", W::Cash),
        ("wechat", W::Wechat),
        ("alipay", W::Alipay),
    ];
    html! {
        @match outcome {
            Some(Ok(done)) => { p.done role="status" { (W::RecordedEntry.get(lang)) " " strong id="entry" { (done.entry) } } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {},
        }
        (form_post("/disburse", frame, html! {
            div.card.form {
                label { (W::Beneficiary.get(lang)) input name="to" value=(value("to")) required; }
                label { (W::Amount.get(lang)) input name="amount" inputmode="decimal" value=(value("amount")) data-check="amount" required; span.hint {} }
                label { (W::Date.get(lang)) input type="date" name="date" value=(date) data-check="date" required; span.hint {} }
                label { (W::Program.get(lang))
                    select name="program" { @for (code, word) in programs { option value=(code) selected[value("program") == code] { (word.get(lang)) } } }
                }
                label { (W::Method.get(lang))
                    select name="method" { @for (code, word) in methods { option value=(code) selected[value("method") == code] { (word.get(lang)) } } }
                }
                label { (W::Reference.get(lang)) input name="reference" value=(value("reference")); }
                label.wide { (W::Memo.get(lang)) input name="memo" value=(value("memo")); }
                button type="submit" { (W::Record.get(lang)) }
            }
        }))
    }
}

pub async fn form(signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/disburse",
    };
    page::page(&frame, W::Disburse, form_body(&frame, None, None)).into_response()
}

pub async fn record(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let name = user.clone();
    let outcome = match request(&posted) {
        Ok(request) => {
            app.as_user(&user, move |l| {
                people::disburse(l, &Actor::now(&name)?, request)
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
        path: "/disburse",
    };
    let status = match &outcome {
        Ok(_) => axum::http::StatusCode::OK,
        Err(e) => page::status_of(e),
    };
    let kept = outcome.as_ref().is_err().then_some(&posted);
    let body = form_body(&frame, kept, Some(&outcome));
    (status, page::page(&frame, W::Disburse, body)).into_response()
}
