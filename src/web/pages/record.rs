//! The one shape of a page that records something (a donation, a disbursement, a
//! transfer, a reversal): the form; on a post, the form parsed into the typed
//! request the CLI builds from its flags, the operation run as the signed-in user,
//! and the form again under what it did (the receipt or entry number) or under the
//! refusal, with what was typed kept. Each page says only what is its own: its
//! request, its operation, its fields and what its form offers to choose from.

use crate::error::Result;
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ops::{Actor, Ledger};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// What one record page is made of.
pub trait Record {
    /// Where the page is, and its title.
    const PATH: &'static str;
    const TITLE: W;
    /// The typed request, and what the operation answers.
    type Request: Send + 'static;
    type Done: Send + 'static;
    /// What the form offers to choose from, read from the ledger (`()` for nothing).
    type Choices: Send + 'static;

    /// The request the form describes, parsed as the CLI parses its flags.
    fn request(posted: &Posted) -> Result<Self::Request>;
    /// The operation, as the CLI calls it.
    fn run(ledger: &mut Ledger, actor: &Actor, request: Self::Request) -> Result<Self::Done>;
    /// What the form offers, read as `user` before the form is drawn.
    fn choices(ledger: &mut Ledger, lang: Lang) -> Result<Self::Choices>;
    /// The line that says what was recorded.
    fn done(lang: Lang, done: &Self::Done) -> Markup;
    /// The form's fields and its button; `posted` is what was typed, kept after a refusal.
    fn fields(frame: &Frame, choices: &Self::Choices, posted: Option<&Posted>) -> Markup;
}

/// The page, its choices read as `user` first.
async fn render<P: Record>(
    app: &App,
    user: &str,
    frame: &Frame<'_>,
    posted: Option<&Posted>,
    outcome: Option<&Result<P::Done>>,
) -> Markup {
    let lang = frame.lang;
    let choices = app.as_user(user, move |l| P::choices(l, lang)).await;
    draw::<P>(frame, posted, outcome, &choices)
}

/// The page: what the operation did or why it was refused, then the form.
fn draw<P: Record>(
    frame: &Frame<'_>,
    posted: Option<&Posted>,
    outcome: Option<&Result<P::Done>>,
    choices: &Result<P::Choices>,
) -> Markup {
    let lang = frame.lang;
    let body = match choices {
        Ok(choices) => html! {
            @match outcome {
                Some(Ok(done)) => { (P::done(lang, done)) }
                Some(Err(e)) => { (page::refusal_box(lang, e)) }
                None => {},
            }
            (form_post(P::PATH, frame, P::fields(frame, choices, posted)))
        },
        Err(e) => page::refusal_box(lang, e),
    };
    page::page(frame, P::TITLE, body)
}

/// GET: the empty form.
pub async fn form<P: Record>(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: P::PATH,
    };
    render::<P>(&app, &signed.user, &frame, None, None)
        .await
        .into_response()
}

/// POST: the record, and the page again. The choices the form offers are read in
/// the same turn on the ledger as the record, right after it: a busy server hands
/// out one turn, not two, per form.
pub async fn record<P: Record>(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let name = user.clone();
    let lang = posted.visit.lang;
    let (outcome, choices) = match P::request(&posted) {
        Ok(request) => {
            let turn = app
                .as_user(&user, move |l| {
                    let done = Actor::now(&name).and_then(|actor| P::run(l, &actor, request));
                    Ok((done, P::choices(l, lang)))
                })
                .await;
            match turn {
                Ok((done, choices)) => (done, Some(choices)),
                Err(e) => (Err(e), None),
            }
        }
        Err(e) => (Err(e), None),
    };
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = Frame {
        lang: posted.visit.lang,
        user: Some(&user),
        csrf: csrf.as_deref(),
        path: P::PATH,
    };
    let status = match &outcome {
        Ok(_) => StatusCode::OK,
        Err(e) => page::status_of(e),
    };
    let kept = outcome.as_ref().is_err().then_some(&posted);
    let markup = match &choices {
        Some(choices) => draw::<P>(&frame, kept, Some(&outcome), choices),
        None => render::<P>(&app, &user, &frame, kept, Some(&outcome)).await,
    };
    (status, markup).into_response()
}

/// The line of a recorded entry: its number.
pub fn entry_done(lang: Lang, id: i64) -> Markup {
    html! { p.done role="status" { (W::RecordedEntry.get(lang)) " " strong id="entry" { (id) } } }
}

/// A field as typed, "" on the empty form.
pub fn value(posted: Option<&Posted>, name: &str) -> String {
    posted.map(|p| p.text(name)).unwrap_or_default()
}

/// The date field's value: as typed, else today.
pub fn date_or_today(posted: Option<&Posted>) -> String {
    posted.map_or_else(
        || chrono::Local::now().date_naive().to_string(),
        |p| p.text("date"),
    )
}

/// The methods of payment, for a select.
pub const METHODS: [(&str, W); 4] = [
    ("bank", W::Bank),
    ("cash", W::Cash),
    ("wechat", W::Wechat),
    ("alipay", W::Alipay),
];
