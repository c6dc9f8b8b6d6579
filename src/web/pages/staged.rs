//! The one shape of a page that reads an uploaded file in two steps (a sheet or
//! bill to import, a statement to reconcile): the upload with its options, a dry
//! run of the operation on it, and a Confirm (or Cancel) that runs the same
//! operation for real on the same bytes, whose SHA-256 the page carried. The upload
//! is held (`App::hold_upload`) only while a dry run would record something; the
//! confirm takes it (`App::held_upload`, refused for another session, another
//! file or one the server no longer holds), and deletes it whatever the outcome.
//! Each page says only what is its own: its options, its operation, how it shows
//! what the operation said, and what the page shows around the form.

use crate::error::Result;
use crate::i18n::web::W;
use crate::ops::Ledger;
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::{Posted, Signed, Visit};
use crate::web::uploads::{self, Held, Upload};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::path::PathBuf;
use std::sync::Arc;

/// What one staged page is made of.
pub trait Staged: 'static {
    /// Where the page is (its confirm and cancel are under it), and its title.
    const PATH: &'static str;
    const TITLE: W;
    /// What the confirm is posted to, under `PATH` (and its button's id), and the
    /// button's word.
    const CONFIRM: &'static str;
    const BUTTON: W;
    /// The form's fields besides the file, as typed (carried to the confirm).
    type Typed: Clone + Default + Send + 'static;
    /// What the operation answered when it was not refused.
    type Done: Send + 'static;
    /// What the page shows around the form, read from the ledger.
    type Around: Send + 'static;

    fn typed(text: impl Fn(&str) -> String) -> Self::Typed;
    /// Checked before the upload is held: a bad option holds nothing.
    fn check(typed: &Self::Typed) -> Result<()>;
    /// The operation on `file`, as the CLI runs it; a dry run unless `for_real`.
    fn run(
        ledger: &mut Ledger,
        user: &str,
        typed: &Self::Typed,
        file: PathBuf,
        for_real: bool,
    ) -> Result<Self::Done>;
    /// Whether what it answered is a run that went through (not a list of bad
    /// lines): a dry run so is worth confirming.
    fn went_through(done: &Self::Done) -> bool;
    /// What it said, with `confirm` (the Confirm and Cancel buttons, or nothing)
    /// where the page puts them.
    fn outcome(frame: &Frame, ran: &Result<Self::Done>, held: &Held, confirm: Markup) -> Markup;
    fn around(ledger: &mut Ledger) -> Result<Self::Around>;
    /// The form, and what surrounds it.
    fn page(frame: &Frame, around: Result<Self::Around>, typed: &Self::Typed) -> Markup;
    /// The options as hidden fields of the confirm.
    fn hidden(typed: &Self::Typed) -> Markup;
}

/// The page: what a run said (if any), the form, and what is around it.
async fn render<P: Staged>(
    app: &App,
    user: &str,
    frame: &Frame<'_>,
    typed: &P::Typed,
    shown: Option<Markup>,
    status: StatusCode,
) -> Response {
    let around = app.as_user(user, P::around).await;
    let body = html! {
        @if let Some(shown) = shown { (shown) }
        (P::page(frame, around, typed))
    };
    (status, page::page(frame, P::TITLE, body)).into_response()
}

/// The Confirm and Cancel buttons of a dry run.
fn confirm<P: Staged>(frame: &Frame, token: &str, held: &Held, typed: &P::Typed) -> Markup {
    let lang = frame.lang;
    html! {
        div.confirm-bar {
            (page::form_post(&format!("{}/{}", P::PATH, P::CONFIRM), frame, html! {
                input type="hidden" name="token" value=(token);
                input type="hidden" name="sha256" value=(held.sha256);
                (P::hidden(typed))
                button type="submit" id=(P::CONFIRM) { (P::BUTTON.get(lang)) }
            }))
            (page::form_post(&format!("{}/cancel", P::PATH), frame, html! {
                input type="hidden" name="token" value=(token);
                button.secondary type="submit" { (W::Cancel.get(lang)) }
            }))
        }
    }
}

/// GET: the empty form.
pub async fn show<P: Staged>(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: P::PATH,
    };
    let typed = P::Typed::default();
    render::<P>(&app, &signed.user, &frame, &typed, None, StatusCode::OK).await
}

/// POST of the form: holds the upload and runs the dry run.
pub async fn upload<P: Staged>(
    State(app): State<Arc<App>>,
    visit: Visit,
    Upload(mut multipart): Upload,
) -> Response {
    let lang = visit.lang;
    let Some(session) = visit.session.clone().filter(|s| s.user.is_some()) else {
        return Redirect::to("/login").into_response();
    };
    let user = session.user.clone().unwrap_or_default();
    let form = match uploads::read(&visit, &mut multipart).await {
        Ok(form) => form,
        Err(refusal) => return page::refused(lang, &refusal),
    };
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: Some(&session.csrf),
        path: P::PATH,
    };
    let typed = form
        .as_ref()
        .map(|f| P::typed(|n| f.text(n)))
        .unwrap_or_default();
    let held = form.and_then(|f| {
        P::check(&typed)?;
        let (name, bytes) = f.file()?;
        app.hold_upload(&session.id, name, bytes)
    });
    let (token, held) = match held {
        Ok(held) => held,
        Err(e) => {
            let status = page::status_of(&e);
            let shown = page::refusal_box(lang, &e);
            return render::<P>(&app, &user, &frame, &typed, Some(shown), status).await;
        }
    };
    let (path, chosen, name) = (held.path.clone(), typed.clone(), user.clone());
    let ran = app
        .as_user(&user, move |l| P::run(l, &name, &chosen, path, false))
        .await;
    let buttons = if went_through::<P>(&ran) {
        confirm::<P>(&frame, &token, &held, &typed)
    } else {
        app.discard_upload(&session.id, &token);
        html! {}
    };
    let markup = P::outcome(&frame, &ran, &held, buttons);
    render::<P>(&app, &user, &frame, &typed, Some(markup), status::<P>(&ran)).await
}

/// POST of the confirm: runs the operation for real on the upload the dry run read,
/// then deletes it (a refusal of the role keeps nothing either: the upload was the
/// dry run's only).
pub async fn confirm_held<P: Staged>(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let lang = posted.visit.lang;
    let Some(session) = posted.visit.session.clone().filter(|s| s.user.is_some()) else {
        return Redirect::to("/login").into_response();
    };
    let user = session.user.clone().unwrap_or_default();
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: Some(&session.csrf),
        path: P::PATH,
    };
    let typed = P::typed(|n| posted.text(n));
    let token = posted.text("token");
    let held = match app.held_upload(&session.id, &token, &posted.text("sha256")) {
        Ok(held) => held,
        Err(e) => {
            let shown = page::refusal_box(lang, &e);
            let status = page::status_of(&e);
            return render::<P>(&app, &user, &frame, &typed, Some(shown), status).await;
        }
    };
    let (path, chosen, name) = (held.path.clone(), typed.clone(), user.clone());
    let ran = app
        .as_user(&user, move |l| P::run(l, &name, &chosen, path, true))
        .await;
    app.discard_upload(&session.id, &token);
    let markup = P::outcome(&frame, &ran, &held, html! {});
    let empty = P::Typed::default();
    render::<P>(&app, &user, &frame, &empty, Some(markup), status::<P>(&ran)).await
}

/// POST of Cancel: deletes the upload unused.
pub async fn cancel<P: Staged>(State(app): State<Arc<App>>, posted: Posted) -> Response {
    if let Some(session) = &posted.visit.session {
        app.discard_upload(&session.id, &posted.text("token"));
    }
    Redirect::to(P::PATH).into_response()
}

fn went_through<P: Staged>(ran: &Result<P::Done>) -> bool {
    ran.as_ref().is_ok_and(P::went_through)
}

/// A refusal's status; a list of bad lines is 422 too.
fn status<P: Staged>(ran: &Result<P::Done>) -> StatusCode {
    match ran {
        Err(e) => page::status_of(e),
        Ok(done) if P::went_through(done) => StatusCode::OK,
        Ok(_) => StatusCode::UNPROCESSABLE_ENTITY,
    }
}
