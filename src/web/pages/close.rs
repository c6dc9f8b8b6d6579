//! Closing a year (`lovefund close --year Y`), through `ops::close::close_year`:
//! refused while entries of the year wait for review, or before the year ended.

use crate::error::{Field, Result};
use crate::i18n::web::W;
use crate::ledger::date::parse_year;
use crate::ops::Actor;
use crate::ops::close::close_year;
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

fn body(frame: &Frame, year: &str, outcome: Option<&Result<String>>) -> Markup {
    let lang = frame.lang;
    html! {
        @match outcome {
            Some(Ok(said)) => { p.done role="status" { (said) } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {},
        }
        p.quiet { (W::CloseExplain.get(lang)) }
        (form_post("/close", frame, html! {
            div.card.form {
                label { (W::Year.get(lang)) input name="year" inputmode="numeric" value=(year) required; }
                button type="submit" { (W::CloseYear.get(lang)) }
            }
        }))
    }
}

pub async fn form(signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/close",
    };
    page::page(&frame, W::CloseYear, body(&frame, "", None)).into_response()
}

pub async fn close(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let lang = posted.visit.lang;
    let name = user.clone();
    let typed = posted.text("year");
    let outcome = match parse_year(Field::Year, &typed) {
        Ok(year) => {
            app.as_user(&user, move |l| {
                let closed = close_year(l, &Actor::now(&name)?, year)?;
                Ok(page::said(lang, &closed))
            })
            .await
        }
        Err(e) => Err(e),
    };
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: csrf.as_deref(),
        path: "/close",
    };
    let status = match &outcome {
        Ok(_) => axum::http::StatusCode::OK,
        Err(e) => page::status_of(e),
    };
    let body = body(&frame, &typed, Some(&outcome));
    (status, page::page(&frame, W::CloseYear, body)).into_response()
}
