//! The pages, one module each, and the one list of their routes. To add a page:
//! write `pages/NAME.rs` with its handlers (they take `Signed` or `Posted`, call
//! `ops::*` through `App::as_user`, and render with `page::page`), add its routes
//! below and its line to `page::NAV`, and its words to `i18n::web::W`.

mod approvals;
mod attachments;
mod audit_pack;
mod check_receipt;
mod close;
mod dashboard;
mod disburse;
mod donate;
mod import;
mod people;
mod receipts;
mod reconcile;
mod record;
mod reports;
mod reverse;
mod sign_in;
mod staged;
mod transfer;
mod users;
mod verify;
mod vouchers;

use super::App;
use super::page;
use axum::Router;
use axum::routing::{get, post};
use import::ImportPage;
use reconcile::ReconcilePage;
use std::sync::Arc;

pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(dashboard::show))
        .route("/login", get(sign_in::form).post(sign_in::sign_in))
        .route("/logout", post(sign_in::sign_out))
        .route("/setup", get(sign_in::setup_form).post(sign_in::setup))
        .route("/lang/{code}", get(sign_in::choose_lang))
        .route("/donate", get(donate::form).post(donate::record))
        .route("/check", post(donate::check))
        .route("/disburse", get(disburse::form).post(disburse::record))
        .route("/reverse", get(reverse::form).post(reverse::record))
        .route("/approvals", get(approvals::show).post(approvals::review))
        .route("/receipts", get(receipts::show).post(receipts::change))
        .route("/receipts/{file}", get(receipts::pdf))
        .route("/verify", get(verify::show))
        .route("/transfer", get(transfer::form).post(transfer::record))
        .route("/close", get(close::form).post(close::close))
        .route("/vouchers", get(vouchers::show))
        .route("/vouchers/{file}", get(vouchers::pdf))
        .route("/reports", get(reports::show))
        .route("/reports/{file}", get(reports::file))
        .route(
            "/attachments",
            get(attachments::show)
                .post(attachments::upload)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/attachments/{id}", get(attachments::download))
        .route("/attachments/{id}/withdraw", post(attachments::withdraw))
        .route("/audit-pack", get(audit_pack::show).post(audit_pack::pack))
        .route(
            "/audit-pack/verify",
            post(audit_pack::verify).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/backup", post(audit_pack::backup))
        .route("/check-receipt", get(check_receipt::show))
        .route(
            "/import",
            get(staged::show::<ImportPage>)
                .post(staged::upload::<ImportPage>)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/import/confirm", post(staged::confirm_held::<ImportPage>))
        .route("/import/cancel", post(staged::cancel::<ImportPage>))
        .route(
            "/reconcile",
            get(staged::show::<ReconcilePage>)
                .post(staged::upload::<ReconcilePage>)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route(
            "/reconcile/commit",
            post(staged::confirm_held::<ReconcilePage>),
        )
        .route("/reconcile/cancel", post(staged::cancel::<ReconcilePage>))
        .route("/reconcile/{id}", get(reconcile::one))
        .route("/users", get(users::show).post(users::change))
        .route("/donors", get(people::donors).post(people::add_donor))
        .route("/donors/{id}", get(people::donor).post(people::edit_donor))
        .route(
            "/beneficiaries",
            get(people::beneficiaries).post(people::add_beneficiary),
        )
        .route(
            "/beneficiaries/{id}",
            get(people::beneficiary).post(people::edit_beneficiary),
        )
        .route(
            "/assets/style.css",
            get(|| async { page::asset("text/css; charset=utf-8", page::STYLE) }),
        )
        .route(
            "/assets/page.js",
            get(|| async { page::asset("text/javascript; charset=utf-8", page::SCRIPT) }),
        )
        .fallback(not_found)
}

async fn not_found(visit: super::session::Visit) -> axum::response::Response {
    use axum::response::IntoResponse;
    let error = crate::error::Error::not_found(crate::error::message::WebMessage::NoSuchPage);
    let mut response = page::refused(visit.lang, &error).into_response();
    *response.status_mut() = axum::http::StatusCode::NOT_FOUND;
    response
}
