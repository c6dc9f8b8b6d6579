//! `/check-receipt`: the donors' verification page (`lovefund publish`'s
//! verify.html, `ops::signing::verification_page`) served to anyone, signed in or
//! not: a donor scanning a receipt's QR code opens it. It holds the ledger's public
//! keys and voided numbers and loads nothing: its script and styles are inline, and
//! its own Content-Security-Policy lets it reach nothing else. A ledger without a
//! signing key yet answers with a sentence saying so.

use crate::i18n::web::W;
use crate::ops::{Ledger, signing};
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::Visit;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use std::sync::Arc;

/// The page's policy: its inline script and styles, images from data: (the QR
/// reader's canvas), and nothing from anywhere.
const POLICY: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

pub async fn show(State(app): State<Arc<App>>, visit: Visit) -> Response {
    let lang = visit.lang;
    let made = app
        .blocking(move |db| {
            let ledger = Ledger::open_for_reading(&db, true)?;
            signing::verification_page(&ledger, lang)
        })
        .await;
    match made {
        Ok(Some(html)) => {
            let mut response = Html(html).into_response();
            response.headers_mut().insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(POLICY),
            );
            response
        }
        Ok(None) => {
            let frame = Frame {
                lang,
                user: None,
                csrf: None,
                path: "/check-receipt",
            };
            let body = html! { p.quiet id="no-key" { (W::NoSigningKeyYet.get(lang)) } };
            (StatusCode::OK, page::page(&frame, W::CheckReceipt, body)).into_response()
        }
        Err(e) => page::refused(lang, &e),
    }
}
