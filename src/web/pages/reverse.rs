//! Reversing an entry (紅字沖銷), as `lovefund reverse ID --reason R` does, through
//! `ops::journal::reverse`: a new entry with every posting negated.

use crate::error::{Field, Result};
use crate::i18n::web::W;
use crate::ledger::date::parse_date;
use crate::ops::Actor;
use crate::ops::journal::{self, Recorded, ReverseRequest};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

fn request(posted: &Posted) -> Result<ReverseRequest> {
    Ok(ReverseRequest {
        entry_id: crate::ledger::date::parse_count(
            Field::Named("entry".into()),
            &posted.text("entry"),
        )?,
        reason: posted.text("reason"),
        date: posted
            .optional("date")
            .map(|d| parse_date(Field::Date, &d))
            .transpose()?,
    })
}

fn form_body(frame: &Frame, posted: Option<&Posted>, outcome: Option<&Result<Recorded>>) -> Markup {
    let lang = frame.lang;
    let value = |name: &str| posted.map(|p| p.text(name)).unwrap_or_default();
    html! {
        @match outcome {
            Some(Ok(done)) => { p.done role="status" { (W::RecordedEntry.get(lang)) " " strong id="entry" { (done.id) } } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {},
        }
        (form_post("/reverse", frame, html! {
            div.card.form {
                label { (W::Entry.get(lang)) input name="entry" inputmode="numeric" value=(value("entry")) required; }
                label { (W::ReversalDate.get(lang)) input type="date" name="date" value=(value("date")); }
                label.wide { (W::Reason.get(lang)) input name="reason" value=(value("reason")) required; }
                button type="submit" { (W::Reverse.get(lang)) }
            }
        }))
    }
}

pub async fn form(signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/reverse",
    };
    page::page(&frame, W::Reverse, form_body(&frame, None, None)).into_response()
}

pub async fn record(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let name = user.clone();
    let outcome = match request(&posted) {
        Ok(request) => {
            app.as_user(&user, move |l| {
                journal::reverse(l, &Actor::now(&name)?, request)
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
        path: "/reverse",
    };
    let status = match &outcome {
        Ok(_) => axum::http::StatusCode::OK,
        Err(e) => page::status_of(e),
    };
    let kept = outcome.as_ref().is_err().then_some(&posted);
    let body = form_body(&frame, kept, Some(&outcome));
    (status, page::page(&frame, W::Reverse, body)).into_response()
}
