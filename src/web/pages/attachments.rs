//! Original documents (原始凭证) behind an entry: the list (`entry attachments`),
//! each one to download (`entry attachment-get`, handed over instead of written),
//! and an upload (`entry attach`) through `ops::attachments::attach_documents`,
//! with the ledger's size limit. The name a browser sends is kept as the
//! document's name, its folders cut off (`sent_name`); it is never a path here.

use crate::error::message::Role;
use crate::error::{Error, Field, Result};
use crate::i18n::web::W;
use crate::i18n::{L, Lang};
use crate::ledger::date::parse_count;
use crate::ops::Actor;
use crate::ops::attachments::{self, AttachmentList};
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::{Posted, Signed, Visit};
use crate::web::uploads::Upload;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::collections::HashMap;
use std::sync::Arc;

fn entry_of(text: &str) -> Result<i64> {
    parse_count(Field::Named("entry".into()), text)
}

fn body(
    frame: &Frame,
    entry: &str,
    found: Option<&Result<(AttachmentList, Role)>>,
    outcome: Option<&Result<String>>,
) -> Markup {
    let lang = frame.lang;
    html! {
        @match outcome {
            Some(Ok(said)) => { p.done role="status" { (said) } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {}
        }
        div.toolbar {
            form method="get" action="/attachments" {
                label { (W::Entry.get(lang)) input name="entry" inputmode="numeric" value=(entry) required; }
                button.secondary type="submit" { (W::Show.get(lang)) }
            }
        }
        @match found {
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            Some(Ok((list, role))) => {
                div.card {
                    @if list.attachments.is_empty() { p.quiet { (L::NoAttachments.get(lang)) } }
                    @else {
                        table id="attachments" {
                            thead { tr {
                                th { "#" } th { (W::File.get(lang)) } th.num { (W::Size.get(lang)) }
                                th { (L::AttachedBy.get(lang)) } th { (W::Status.get(lang)) } th {}
                                @if *role == Role::Treasurer { th {} }
                            } }
                            tbody {
                                @for a in &list.attachments {
                                    tr {
                                        td { (a.id) } td.wrap { (a.file_name) } td.num { (a.size) }
                                        td { (a.attached_by) }
                                        td { @if let Some(w) = &a.withdrawn { (L::Withdrawn.get(lang)) "（" (w.reason) "）" } }
                                        td { a href={ "/attachments/" (a.id) } download { (W::DownloadFile.get(lang)) } }
                                        @if *role == Role::Treasurer {
                                            td { @if a.withdrawn.is_none() { (withdraw_form(frame, a.id)) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @if *role == Role::Treasurer {
                    h2 { (W::AttachDocument.get(lang)) }
                    form method="post" action="/attachments" enctype="multipart/form-data" {
                        input type="hidden" name="csrf" value=(frame.csrf.unwrap_or_default());
                        input type="hidden" name="entry" value=(list.entry);
                        div.card.form {
                            label.wide { (W::File.get(lang)) input type="file" name="file" required; }
                            button type="submit" { (W::Upload.get(lang)) }
                        }
                    }
                }
            }
            None => {}
        }
    }
}

/// The withdrawal of attachment `id`, with the reason `entry attachment-withdraw`
/// asks for.
fn withdraw_form(frame: &Frame, id: i64) -> Markup {
    let lang = frame.lang;
    html! {
        form.inline method="post" action={ "/attachments/" (id) "/withdraw" } {
            input type="hidden" name="csrf" value=(frame.csrf.unwrap_or_default());
            input name="reason" placeholder=(W::Reason.get(lang)) aria-label=(W::Reason.get(lang)) required;
            button.secondary type="submit" { (W::Withdraw.get(lang)) }
        }
    }
}

async fn render(
    app: &App,
    user: &str,
    frame: &Frame<'_>,
    entry: &str,
    outcome: Option<&Result<String>>,
) -> (StatusCode, Markup) {
    let found = match entry.trim() {
        "" => None,
        typed => Some(match entry_of(typed) {
            Ok(id) => {
                app.as_user(user, move |l| {
                    Ok((attachments::list(l, id)?, l.identity()?.role))
                })
                .await
            }
            Err(e) => Err(e),
        }),
    };
    let status = match (&outcome, &found) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => page::status_of(e),
        _ => StatusCode::OK,
    };
    let markup = page::page(
        frame,
        W::Attachments,
        body(frame, entry, found.as_ref(), outcome),
    );
    (status, markup)
}

pub async fn show(
    State(app): State<Arc<App>>,
    signed: Signed,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/attachments",
    };
    let entry = q.get("entry").cloned().unwrap_or_default();
    render(&app, &signed.user, &frame, &entry, None)
        .await
        .into_response()
}

/// The upload read: the entry typed and the one document (its name as sent and its
/// bytes), read no further than `limit` bytes; the CSRF token must come first.
async fn read_upload(
    visit: &Visit,
    multipart: &mut Multipart,
    limit: u64,
) -> std::result::Result<Result<(String, String, Vec<u8>)>, Error> {
    let too_large = |path: String| {
        Error::input_in(
            Field::Path,
            crate::error::message::OpsMessage::DocumentTooLarge {
                path,
                mib: limit / (1024 * 1024),
            },
        )
    };
    let form = crate::web::uploads::read_within(visit, multipart, limit, too_large).await?;
    Ok(form.and_then(|form| {
        let entry = form.text("entry");
        let (name, bytes) = form.into_file()?;
        Ok((entry, name, bytes))
    }))
}

/// The upload of a signed-in user: who they are, and the form read within the
/// limit `limit_of` gives (read as them); else the answer to send instead (sign
/// in, or the refusal of a form without its token).
pub(super) async fn signed_upload(
    app: &App,
    visit: &Visit,
    multipart: &mut Multipart,
    limit_of: fn(&mut crate::ops::Ledger) -> Result<u64>,
) -> std::result::Result<(String, Result<(String, String, Vec<u8>)>), Response> {
    let lang = visit.lang;
    let Some(user) = visit.session.as_ref().and_then(|s| s.user.clone()) else {
        return Err(Redirect::to("/login").into_response());
    };
    let limit = match app.as_user(&user, limit_of).await {
        Ok(limit) => limit,
        Err(e) => return Err(page::refused(lang, &e)),
    };
    match read_upload(visit, multipart, limit).await {
        Ok(upload) => Ok((user, upload)),
        Err(refusal) => Err(page::refused(lang, &refusal)),
    }
}

pub async fn upload(
    State(app): State<Arc<App>>,
    visit: Visit,
    Upload(mut multipart): Upload,
) -> Response {
    let lang = visit.lang;
    let limit = |l: &mut crate::ops::Ledger| attachments::limit(l);
    let (user, upload) = match signed_upload(&app, &visit, &mut multipart, limit).await {
        Ok(read) => read,
        Err(away) => return away,
    };
    let typed = upload
        .as_ref()
        .map(|(e, _, _)| e.clone())
        .unwrap_or_default();
    let name = user.clone();
    let outcome = match upload.and_then(|(e, n, b)| Ok((entry_of(&e)?, n, b))) {
        Ok((entry, file, bytes)) => {
            app.as_user(&user, move |l| {
                let done = attachments::attach_documents(
                    l,
                    &Actor::now(&name)?,
                    entry,
                    vec![(file, bytes)],
                )?;
                Ok(page::said(lang, &done))
            })
            .await
        }
        Err(e) => Err(e),
    };
    let csrf = visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: csrf.as_deref(),
        path: "/attachments",
    };
    render(&app, &user, &frame, &typed, Some(&outcome))
        .await
        .into_response()
}

/// `/attachments/7`: attachment 7's bytes, under the name it was stored with.
pub async fn download(
    State(app): State<Arc<App>>,
    signed: Signed,
    Path(id): Path<String>,
) -> Response {
    let lang: Lang = signed.lang;
    let got = match parse_count(Field::Named("id".into()), id.trim_start_matches('#')) {
        Ok(id) => {
            app.as_user(&signed.user, move |l| attachments::document(l, id))
                .await
        }
        Err(e) => Err(e),
    };
    match got {
        Ok((row, bytes)) => {
            let extension = row.file_name.rsplit_once('.').map_or("bin", |(_, e)| e);
            (
                [
                    (header::CONTENT_TYPE, "application/octet-stream".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        page::attachment(&row.file_name, extension),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => page::refused(lang, &e),
    }
}

/// POST `/attachments/7/withdraw`: attachment 7 withdrawn with the reason given,
/// as `entry attachment-withdraw 7 --reason R` does; the list of its entry again.
pub async fn withdraw(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    posted: Posted,
) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let lang = posted.visit.lang;
    let name = user.clone();
    let reason = posted.text("reason");
    let outcome = match parse_count(Field::Named("id".into()), &id) {
        Ok(id) => {
            app.as_user(&user, move |l| {
                let row = attachments::withdraw(l, &Actor::now(&name)?, id, &reason)?;
                Ok((row.entry_id, page::said(lang, &row)))
            })
            .await
        }
        Err(e) => Err(e),
    };
    let (entry, outcome) = match outcome {
        Ok((entry, said)) => (entry.to_string(), Ok(said)),
        Err(e) => (posted.text("entry"), Err(e)),
    };
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: csrf.as_deref(),
        path: "/attachments",
    };
    render(&app, &user, &frame, &entry, Some(&outcome))
        .await
        .into_response()
}
