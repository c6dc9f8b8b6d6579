//! Vouchers (记账凭证): a month's list and each one's PDF, as `voucher print
//! --month | --entry` lays them out (`ops::vouchers`), handed over instead of
//! written to a folder.

use crate::error::{Field, Result};
use crate::i18n::L;
use crate::i18n::web::W;
use crate::ledger::date::{parse_count, parse_month};
use crate::ops::vouchers;
use crate::render::pdf::VoucherDoc;
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::Signed;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::collections::HashMap;
use std::sync::Arc;

fn body(frame: &Frame, month: &str, found: Option<&Result<Vec<(i64, VoucherDoc)>>>) -> Markup {
    let lang = frame.lang;
    html! {
        div.toolbar {
            form method="get" action="/vouchers" {
                label { (W::Month.get(lang)) input type="month" name="month" value=(month) required; }
                button.secondary type="submit" { (W::Show.get(lang)) }
            }
        }
        @match found {
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            Some(Ok(list)) if list.is_empty() => { p.quiet { (W::NothingRecorded.get(lang)) } }
            Some(Ok(list)) => {
                div.card {
                    table id="vouchers" {
                        thead { tr {
                            th { (L::VoucherNumber.get(lang)) } th { (L::Date.get(lang)) } th.num { (L::Entry.get(lang)) }
                            th { (L::Memo.get(lang)) } th.num { (L::Amount.get(lang)) } th.num { (W::Documents.get(lang)) } th {}
                        } }
                        tbody {
                            @for (id, v) in list {
                                tr {
                                    td { (v.number) } td { (v.date) } td.num { (id) }
                                    td.wrap { (v.lines.first().map(|l| l.memo.as_str()).unwrap_or_default()) }
                                    td.num { (v.total_debit) } td.num { (v.documents) }
                                    td { a href={ "/vouchers/" (id) ".pdf" } download { (W::Download.get(lang)) } }
                                }
                            }
                        }
                    }
                }
            }
            None => {}
        }
    }
}

pub async fn show(
    State(app): State<Arc<App>>,
    signed: Signed,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let lang = signed.lang;
    let frame = Frame {
        lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/vouchers",
    };
    let month = q.get("month").cloned().unwrap_or_default();
    let found = match month.trim() {
        "" => None,
        typed => Some(match parse_month(Field::Named("month".into()), typed) {
            Ok(first) => {
                app.as_user(&signed.user, move |l| vouchers::of_month(l, first, lang))
                    .await
            }
            Err(e) => Err(e),
        }),
    };
    let status = match &found {
        Some(Err(e)) => page::status_of(e),
        _ => axum::http::StatusCode::OK,
    };
    let markup = page::page(&frame, W::Vouchers, body(&frame, &month, found.as_ref()));
    (status, markup).into_response()
}

/// `/vouchers/12.pdf`: entry 12's voucher.
pub async fn pdf(
    State(app): State<Arc<App>>,
    signed: Signed,
    Path(file): Path<String>,
) -> Response {
    let lang = signed.lang;
    let id = file.strip_suffix(".pdf").unwrap_or(&file).to_string();
    let made = match parse_count(Field::Named("entry".into()), &id) {
        Ok(id) => {
            app.as_user(&signed.user, move |l| vouchers::pdf_of(l, id, lang))
                .await
        }
        Err(e) => Err(e),
    };
    match made {
        Ok((name, bytes)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (header::CONTENT_DISPOSITION, page::attachment(&name, "pdf")),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => page::refused(lang, &e),
    }
}
