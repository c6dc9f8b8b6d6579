//! The `verify` result: every named check, passed or not, with its findings in the
//! catalogue's words, and the ledger fingerprint (the chain head).

use crate::i18n::web::W;
use crate::verify::VerifyReport;
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::Signed;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// Findings shown per check at most (`lovefund verify` lists them all).
pub const FINDINGS_SHOWN_MAX: usize = 20;

fn body(report: &VerifyReport, lang: crate::i18n::Lang) -> Markup {
    html! {
        @if report.passed { p.done id="verdict" { (W::Passed.get(lang)) } }
        @else { p.refused id="verdict" { (W::Failed.get(lang)) } }
        div.card {
            table {
                thead { tr { th { (W::Check.get(lang)) } th {} th { (W::Status.get(lang)) } } }
                tbody {
                    @for c in &report.checks {
                        tr {
                            td { (c.check) }
                            td { (c.description.get(lang)) }
                            td { @if c.passed { (W::Passed.get(lang)) } @else { strong { (W::Failed.get(lang)) } } }
                        }
                        @for f in c.findings.iter().take(FINDINGS_SHOWN_MAX) {
                            tr { td {} td colspan="2" { @if let Some(e) = f.entry { "#" (e) " " } (crate::i18n::say::finding(lang, &f.message)) } }
                        }
                    }
                }
            }
            @if let Some(fp) = &report.fingerprint { p.quiet.code { (fp) } }
        }
    }
}

pub async fn show(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let lang = signed.lang;
    let report = app
        .as_user(&signed.user, |l| crate::verify::run(l.reader(), &[], None))
        .await;
    let frame = Frame {
        lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/verify",
    };
    let inner = match &report {
        Ok(r) => body(r, lang),
        Err(e) => page::refusal_box(lang, e),
    };
    page::page(&frame, W::Verify, inner).into_response()
}
