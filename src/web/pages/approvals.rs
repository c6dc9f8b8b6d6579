//! The approval queue: the entries waiting for review (`entry pending`), each with
//! approve and reject for a reviewer (`entry approve | reject`). Others see the
//! queue without the buttons; the core refuses their posts all the same.

use crate::error::Result;
use crate::error::message::{Role, Verdict};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ops::review::{self, Pending};
use crate::ops::{Actor, Ledger};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

fn queue(ledger: &mut Ledger) -> Result<(Pending, Role)> {
    Ok((review::pending(ledger, None)?, ledger.identity()?.role))
}

fn body(frame: &Frame, pending: &Pending, role: Role, refusal: Option<&crate::Error>) -> Markup {
    let lang: Lang = frame.lang;
    let reviewer = role == Role::Reviewer;
    html! {
        @if let Some(e) = refusal { (page::refusal_box(lang, e)) }
        @if pending.entries.is_empty() { p.quiet id="nothing-waiting" { (W::NothingWaiting.get(lang)) } }
        @else {
            div.card {
                table id="pending" {
                    thead { tr {
                        th.num { (W::Entry.get(lang)) } th { (W::Date.get(lang)) } th { (W::Memo.get(lang)) }
                        th.num { (W::Amount.get(lang)) } th { (W::RecordedBy.get(lang)) }
                        @if reviewer { th {} }
                    } }
                    tbody {
                        @for e in &pending.entries {
                            tr {
                                td.num { (e.id) } td { (e.date) } td { (e.memo) }
                                td.num { (e.amount.grouped()) } td { (e.recorded_by) }
                                @if reviewer {
                                    td.actions {
                                        (form_post("/approvals", frame, html! {
                                            input type="hidden" name="entry" value=(e.id);
                                            button type="submit" name="verdict" value="approve" data-entry=(e.id) { (W::Approve.get(lang)) }
                                            input name="note" placeholder=(W::Reason.get(lang));
                                            button.secondary type="submit" name="verdict" value="reject" { (W::Reject.get(lang)) }
                                        }))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !reviewer { p.quiet { (W::ReadOnlyRole.get(lang)) } }
    }
}

pub async fn show(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let lang = signed.lang;
    let found = app.as_user(&signed.user, queue).await;
    let frame = Frame {
        lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/approvals",
    };
    let body = match &found {
        Ok((pending, role)) => body(&frame, pending, *role, None),
        Err(e) => page::refusal_box(lang, e),
    };
    page::page(&frame, W::Approvals, body).into_response()
}

pub async fn review(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let lang = posted.visit.lang;
    let entry = crate::ledger::date::parse_count(
        crate::error::Field::Named("entry".into()),
        &posted.text("entry"),
    );
    let verdict = if posted.text("verdict") == "reject" {
        Verdict::Rejected
    } else {
        Verdict::Approved
    };
    let note = posted.optional("note");
    let name = user.clone();
    let outcome = match entry {
        Ok(id) => {
            app.as_user(&user, move |l| {
                review::review(l, &Actor::now(&name)?, &[id], verdict, note)
            })
            .await
        }
        Err(e) => Err(e),
    };
    match outcome {
        Ok(_) => Redirect::to("/approvals").into_response(),
        Err(error) => {
            let found = app.as_user(&user, queue).await;
            let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
            let frame = Frame {
                lang,
                user: Some(&user),
                csrf: csrf.as_deref(),
                path: "/approvals",
            };
            let body = match &found {
                Ok((pending, role)) => body(&frame, pending, *role, Some(&error)),
                Err(e) => page::refusal_box(lang, e),
            };
            (
                page::status_of(&error),
                page::page(&frame, W::Approvals, body),
            )
                .into_response()
        }
    }
}
