//! The dashboard: balances by fund, the year's raised / disbursed / people aided,
//! accounts whose last reconciliation does not agree, entries waiting for review,
//! and a monthly chart drawn as inline SVG. The figures are `ops::dashboard`'s, read
//! by the reports the CLI prints (`report funds`, `summary`, `entry pending`), and
//! kept between requests by `web::figures`.

use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::money::Money;
use crate::ops::dashboard::Dashboard;
use crate::report::summary::MonthResult;
use crate::web::App;
use crate::web::figures::{Shown, figures};
use crate::web::page::{self, Frame};
use crate::web::session::Signed;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// How soon a page showing figures read before the ledger's last change reloads.
const RELOAD_SECONDS: &str = "2";

pub async fn show(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let lang = signed.lang;
    let shown = figures(&app, &signed.user, lang, signed.session.posted_at).await;
    let frame = Frame {
        lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/",
    };
    let body = match &shown {
        Ok(Shown { figures, stale }) => html! {
            @if *stale {
                p.notice id="updating" { (W::FiguresUpdating.get(lang)) " " (W::AsOfEntry.get(lang)) " " (figures.head.entry()) }
            }
            (body(figures, lang))
        },
        Err(e) => page::refusal_box(lang, e),
    };
    let mut response = page::page(&frame, W::Dashboard, body).into_response();
    if shown.as_ref().is_ok_and(|s| s.stale) {
        response.headers_mut().insert(
            axum::http::header::REFRESH,
            axum::http::HeaderValue::from_static(RELOAD_SECONDS),
        );
    }
    response
}

fn body(f: &Dashboard, lang: Lang) -> Markup {
    let y = &f.year;
    let unreconciled: Vec<_> = y
        .last_reconciliations
        .iter()
        .filter(|r| !r.agrees)
        .collect();
    html! {
        div.tiles {
            div.tile { span.label { (y.year) " · " (W::Raised.get(lang)) } span.figure id="raised" { "¥" (y.raised.grouped()) } }
            div.tile { span.label { (y.year) " · " (W::Disbursed.get(lang)) } span.figure id="disbursed" { "¥" (y.disbursed.grouped()) } }
            div.tile { span.label { (y.year) " · " (W::PeopleAided.get(lang)) } span.figure { (y.students_aided) " " (W::Students.get(lang)) " · " (y.households_aided) " " (W::Households.get(lang)) } }
            @if let Some(waiting) = f.waiting {
                a.tile href="/approvals" { span.label { (y.year) " · " (W::Waiting.get(lang)) } span.figure id="waiting" { (waiting) } }
            }
        }
        div.columns {
            section.card {
                h2 { (W::BalancesByFund.get(lang)) }
                table {
                    thead { tr { th { (W::Fund.get(lang)) } th.num { (W::Balance.get(lang)) } } }
                    tbody {
                        @for fund in &f.funds.funds {
                            tr { td { (fund.fund) } td.num { (fund.closing.grouped()) } }
                        }
                        tr.total { td { } td.num { (f.funds.total.closing.grouped()) } }
                    }
                }
            }
            section.card {
                h2 { (W::Unreconciled.get(lang)) }
                @if unreconciled.is_empty() { p.quiet { (W::AllReconciled.get(lang)) } }
                @else { ul { @for r in unreconciled { li { (r.account) " · " (r.as_of) } } } }
            }
        }
        section.card {
            h2 { (W::Monthly.get(lang)) }
            (chart(&y.months, lang))
        }
    }
}

/// Twelve pairs of bars (raised, disbursed), scaled to the largest month.
fn chart(months: &[MonthResult], lang: Lang) -> Markup {
    const WIDTH: i64 = 720;
    const HEIGHT: i64 = 200;
    const BASE: i64 = 180;
    let top = months
        .iter()
        .flat_map(|m| [m.raised.fen(), m.disbursed.fen()])
        .max()
        .unwrap_or(0)
        .max(1);
    let bar = |fen: i64| (fen.max(0) * (BASE - 10)) / top;
    let slot = WIDTH / 12;
    html! {
        svg.chart viewBox={ "0 0 " (WIDTH) " " (HEIGHT) } role="img" aria-label=(W::Monthly.get(lang)) {
            line x1="0" y1=(BASE) x2=(WIDTH) y2=(BASE) stroke="#9aa5b1" {}
            @for m in months {
                @let x = (i64::from(m.month) - 1) * slot + 8;
                @let (r, d) = (bar(m.raised.fen()), bar(m.disbursed.fen()));
                rect x=(x) y=(BASE - r) width="20" height=(r) fill="#c0392b" { title { (W::Raised.get(lang)) " " (money(m.raised)) } }
                rect x=(x + 22) y=(BASE - d) width="20" height=(d) fill="#2c7be5" { title { (W::Disbursed.get(lang)) " " (money(m.disbursed)) } }
                text x=(x + 21) y=(BASE + 16) text-anchor="middle" font-size="12" fill="#52606d" { (m.month) }
            }
        }
        p.legend { span.swatch.raised {} (W::Raised.get(lang)) " " span.swatch.disbursed {} (W::Disbursed.get(lang)) }
    }
}

fn money(m: Money) -> String {
    format!("¥{}", m.grouped())
}
