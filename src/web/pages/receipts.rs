//! Receipts: the list (`receipt list`), each one's PDF (`receipt print NO`, handed
//! over instead of written to a folder), void and reissue for a treasurer
//! (`receipt void | reissue`).

use crate::error::Result;
use crate::error::message::Role;
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::receipt::ReceiptNumber;
use crate::ops::receipts::{self, VoidRequest};
use crate::ops::{Actor, Ledger};
use crate::report::receipts::{Payloads, ReceiptView, for_each_receipt};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// Receipts shown on the page at most (the newest; `receipt list` has them all).
pub const SHOWN_MAX: usize = 500;

fn list(ledger: &mut Ledger, lang: Lang) -> Result<(Vec<ReceiptView>, Role)> {
    let mut views = Vec::new();
    for_each_receipt(ledger.reader(), None, None, lang, Payloads::Left, |v| {
        views.push(v.clone());
        Ok(())
    })?;
    views.reverse();
    views.truncate(SHOWN_MAX);
    Ok((views, ledger.identity()?.role))
}

fn body(
    frame: &Frame,
    views: &[ReceiptView],
    role: Role,
    refusal: Option<&crate::Error>,
) -> Markup {
    let lang = frame.lang;
    let treasurer = role == Role::Treasurer;
    html! {
        @if let Some(e) = refusal { (page::refusal_box(lang, e)) }
        @if views.is_empty() { p.quiet { (W::NoReceipts.get(lang)) } }
        @else {
            div.card {
                table id="receipts" {
                    thead { tr {
                        th { (W::Number.get(lang)) } th { (W::Date.get(lang)) } th { (W::Donor.get(lang)) }
                        th.num { (W::Amount.get(lang)) } th { (W::Status.get(lang)) } th {}
                        @if treasurer { th {} }
                    } }
                    tbody {
                        @for v in views {
                            @let void = v.status == "void";
                            tr {
                                td { (v.number) } td { (v.date) } td { (v.donor) }
                                td.num { (v.amount.grouped()) }
                                td { @if void { (W::Voided.get(lang)) } @else { (W::Valid.get(lang)) } }
                                td { a href={ "/receipts/" (v.number) ".pdf" } download { (W::Download.get(lang)) } }
                                @if treasurer && !void {
                                    td.actions {
                                        (form_post("/receipts", frame, html! {
                                            input type="hidden" name="number" value=(v.number);
                                            input name="reason" placeholder=(W::Reason.get(lang)) required;
                                            button.secondary type="submit" name="action" value="void" { (W::Void.get(lang)) }
                                            button.secondary type="submit" name="action" value="reissue" { (W::Reissue.get(lang)) }
                                        }))
                                    }
                                } @else if treasurer { td {} }
                            }
                        }
                    }
                }
            }
        }
    }
}

async fn render(
    app: &App,
    user: &str,
    frame: &Frame<'_>,
    refusal: Option<&crate::Error>,
) -> Markup {
    let lang = frame.lang;
    let found = app.as_user(user, move |l| list(l, lang)).await;
    let inner = match &found {
        Ok((views, role)) => body(frame, views, *role, refusal),
        Err(e) => page::refusal_box(lang, e),
    };
    page::page(frame, W::Receipts, inner)
}

pub async fn show(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/receipts",
    };
    render(&app, &signed.user, &frame, None)
        .await
        .into_response()
}

/// `/receipts/2022-000001.pdf`: that receipt's PDF.
pub async fn pdf(
    State(app): State<Arc<App>>,
    signed: Signed,
    Path(file): Path<String>,
) -> Response {
    let lang = signed.lang;
    let number = file.strip_suffix(".pdf").unwrap_or(&file).to_string();
    let made = app
        .as_user(&signed.user, move |l| {
            let number = ReceiptNumber::parse(&number)?;
            Ok((number, receipts::render_one(l, number, lang)?))
        })
        .await;
    match made {
        Ok((number, bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{number}.pdf\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => page::refused(lang, &e),
    }
}

pub async fn change(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let number = posted.text("number");
    let reason = posted.text("reason");
    let reissue = posted.text("action") == "reissue";
    let name = user.clone();
    let outcome = app
        .as_user(&user, move |l| {
            let number = ReceiptNumber::parse(&number)?;
            let actor = Actor::now(&name)?;
            if reissue {
                receipts::reissue(l, &actor, number, &reason).map(drop)
            } else {
                let request = VoidRequest {
                    number,
                    reason,
                    reverse: false,
                    date: None,
                };
                receipts::void(l, &actor, request).map(drop)
            }
        })
        .await;
    match outcome {
        Ok(()) => Redirect::to("/receipts").into_response(),
        Err(error) => {
            let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
            let frame = Frame {
                lang: posted.visit.lang,
                user: Some(&user),
                csrf: csrf.as_deref(),
                path: "/receipts",
            };
            let markup = render(&app, &user, &frame, Some(&error)).await;
            (page::status_of(&error), markup).into_response()
        }
    }
}
