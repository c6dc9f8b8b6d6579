//! Signing in and out, the one-time setup of a ledger's first treasurer, and the
//! language switcher. The password is checked once, at sign-in (argon2, in the
//! core); the session then carries the name, and each request re-reads the user's
//! role and state from the ledger (`Ledger::resume`).

use super::page::{self, Frame, form_post};
use crate::error::message::{AccessMessage, CliMessage, WebMessage};
use crate::error::{Error, Field, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ops::{Actor, Ledger, users};
use crate::web::App;
use crate::web::session::{self, Posted, Visit};
use axum::extract::{Path, Query, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::collections::HashMap;
use std::sync::Arc;

/// The user and password a form gave.
struct Typed {
    user: String,
    password: String,
}

impl users::Credentials for Typed {
    fn user(&self) -> &str {
        &self.user
    }
    fn password(&self) -> Result<String> {
        Ok(self.password.clone())
    }
}

/// A page for someone not signed in, with a session (and so a CSRF token) for
/// its form: the visitor's, else a new one whose cookie the answer sets.
fn anonymous_page(
    app: &App,
    visit: &Visit,
    title: W,
    path: &str,
    body: impl Fn(&Frame) -> Markup,
) -> Response {
    let (session, new) = match &visit.session {
        Some(s) => (s.clone(), false),
        None => match app
            .sessions
            .lock()
            .ok()
            .and_then(|mut s| s.start(None, None).ok())
        {
            Some(session) => (session, true),
            None => return StatusCode500.into_response(),
        },
    };
    let frame = Frame {
        lang: visit.lang,
        user: None,
        csrf: Some(&session.csrf),
        path,
    };
    let markup = page::page(&frame, title, body(&frame));
    if new {
        ([(SET_COOKIE, session::cookie(app, &session.id))], markup).into_response()
    } else {
        markup.into_response()
    }
}

struct StatusCode500;

impl IntoResponse for StatusCode500 {
    fn into_response(self) -> Response {
        axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
    }
}

fn sign_in_form(frame: &Frame, user: &str, refusal: Option<&Error>) -> Markup {
    let lang = frame.lang;
    html! {
        @if let Some(e) = refusal { (page::refusal_box(lang, e)) }
        (form_post("/login", frame, html! {
            div.card.narrow {
                label { (W::User.get(lang)) input name="user" value=(user) autocomplete="username" required autofocus; }
                label { (W::Password.get(lang)) input type="password" name="password" autocomplete="current-password" required; }
                button type="submit" { (W::SignIn.get(lang)) }
            }
        }))
    }
}

pub async fn form(State(app): State<Arc<App>>, visit: Visit) -> Response {
    if visit.session.as_ref().is_some_and(|s| s.user.is_some()) {
        return Redirect::to("/").into_response();
    }
    anonymous_page(&app, &visit, W::SignIn, "/login", |frame| {
        sign_in_form(frame, "", None)
    })
}

pub async fn sign_in(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let name = posted.text("user").trim().to_string();
    let locked = app.throttle.lock().ok().and_then(|mut t| t.locked(&name));
    let outcome = match locked {
        Some(seconds) => Err(Error::conflict(WebMessage::SignInLocked { seconds })),
        None => {
            let typed = Typed {
                user: name.clone(),
                password: posted.text("password"),
            };
            let read_only = app.read_only;
            app.blocking(move |db| {
                let mut ledger = Ledger::open_for_reading(&db, read_only)?;
                let identity = ledger.sign_in(&typed)?;
                if !identity.signed_in {
                    return Err(Error::conflict(AccessMessage::NoUsers));
                }
                Ok(identity.name.clone())
            })
            .await
        }
    };
    match outcome {
        Ok(user) => {
            if let Ok(mut t) = app.throttle.lock() {
                t.succeeded(&user);
            }
            start_signed(&app, &posted, user, "/")
        }
        Err(error) => {
            let wrong_password =
                matches!(&error, Error::Refused(r) if r.field == Some(Field::Password));
            if wrong_password && let Ok(mut t) = app.throttle.lock() {
                t.failed(&name);
            }
            let visit = &posted.visit;
            let mut response = anonymous_page(&app, visit, W::SignIn, "/login", |frame| {
                sign_in_form(frame, &name, Some(&error))
            });
            *response.status_mut() = axum::http::StatusCode::UNAUTHORIZED;
            response
        }
    }
}

/// A new session signed in as `user` (a new id: the one used before signing in is
/// not carried over, its language is); the cookie that carries it.
fn signed_cookie(app: &App, posted: &Posted, user: String) -> Option<String> {
    let lang = posted.visit.session.as_ref().and_then(|s| s.lang);
    let mut sessions = app.sessions.lock().ok()?;
    if let Some(old) = &posted.visit.session {
        sessions.end(&old.id);
    }
    let session = sessions.start(Some(user), lang).ok()?;
    Some(session::cookie(app, &session.id))
}

/// Signed in as `user`, and on to `next`.
fn start_signed(app: &App, posted: &Posted, user: String, next: &str) -> Response {
    match signed_cookie(app, posted, user) {
        Some(cookie) => ([(SET_COOKIE, cookie)], Redirect::to(next)).into_response(),
        None => StatusCode500.into_response(),
    }
}

pub async fn sign_out(State(app): State<Arc<App>>, posted: Posted) -> Response {
    if let (Some(s), Ok(mut sessions)) = (&posted.visit.session, app.sessions.lock()) {
        sessions.end(&s.id);
    }
    (
        [(SET_COOKIE, session::cookie_cleared(&app))],
        Redirect::to("/login"),
    )
        .into_response()
}

/// Whether `token` is this server's setup token, still unused.
fn setup_token_ok(app: &App, token: &str) -> bool {
    app.setup
        .lock()
        .ok()
        .and_then(|t| t.clone())
        .is_some_and(|t| !token.is_empty() && t == token)
}

fn setup_body(frame: &Frame, token: &str, user: &str, refusal: Option<&Error>) -> Markup {
    let lang = frame.lang;
    html! {
        p { (W::SetupExplain.get(lang)) }
        @if let Some(e) = refusal { (page::refusal_box(lang, e)) }
        (form_post("/setup", frame, html! {
            input type="hidden" name="token" value=(token);
            div.card.narrow {
                label { (W::User.get(lang)) input name="user" value=(user) autocomplete="username" required autofocus; }
                label { (W::Password.get(lang)) input type="password" name="password" autocomplete="new-password" required; }
                label { (W::PasswordAgain.get(lang)) input type="password" name="again" autocomplete="new-password" required; }
                button type="submit" { (W::Setup.get(lang)) }
            }
        }))
    }
}

pub async fn setup_form(
    State(app): State<Arc<App>>,
    visit: Visit,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let token = query.get("token").cloned().unwrap_or_default();
    if !setup_token_ok(&app, &token) {
        return page::refused(visit.lang, &Error::conflict(WebMessage::SetupLinkUsed));
    }
    anonymous_page(&app, &visit, W::Setup, "/setup", |frame| {
        setup_body(frame, &token, "", None)
    })
}

pub async fn setup(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let lang = posted.visit.lang;
    let token = posted.text("token");
    if !setup_token_ok(&app, &token) {
        return page::refused(lang, &Error::conflict(WebMessage::SetupLinkUsed));
    }
    let name = posted.text("user").trim().to_string();
    let password = posted.text("password");
    let outcome = if password != posted.text("again") {
        Err(Error::input_in(
            Field::Password,
            CliMessage::PasswordsDiffer,
        ))
    } else {
        let name = name.clone();
        app.blocking(move |db| {
            let mut ledger = Ledger::open_for_writing(&db)?;
            ledger.sign_in(&users::NoPassword(&name))?;
            let actor = Actor::now(&name)?;
            users::add_user(
                &mut ledger,
                &actor,
                &name,
                crate::ledger::user::Role::Treasurer,
                &password,
            )
        })
        .await
    };
    match outcome {
        Ok(added) => {
            if let Ok(mut t) = app.setup.lock() {
                *t = None;
            }
            let code = added.recovery_code.unwrap_or_default();
            let Some(cookie) = signed_cookie(&app, &posted, added.user) else {
                return StatusCode500.into_response();
            };
            // The recovery code is shown this once, before the dashboard.
            let frame = Frame {
                lang,
                user: None,
                csrf: None,
                path: "/setup",
            };
            let body = html! {
                div.card.narrow {
                    p { (W::RecoveryCode.get(lang)) }
                    p.code { (code) }
                    a.button href="/" { (W::Continue.get(lang)) }
                }
            };
            ([(SET_COOKIE, cookie)], page::page(&frame, W::Setup, body)).into_response()
        }
        Err(error) => {
            let visit = &posted.visit;
            let mut response = anonymous_page(&app, visit, W::Setup, "/setup", |frame| {
                setup_body(frame, &token, &name, Some(&error))
            });
            *response.status_mut() = page::status_of(&error);
            response
        }
    }
}

/// `/lang/zh-Hans?back=/donate`: this session's language from now on.
pub async fn choose_lang(
    State(app): State<Arc<App>>,
    visit: Visit,
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(lang) = Lang::parse(&code) else {
        return page::refused(visit.lang, &Error::not_found(WebMessage::NoSuchPage));
    };
    let back = query
        .get("back")
        .filter(|b| b.starts_with('/') && !b.starts_with("//"))
        .cloned()
        .unwrap_or_else(|| "/".to_string());
    match visit.session {
        Some(s) => {
            if let Ok(mut sessions) = app.sessions.lock() {
                sessions.set_lang(&s.id, lang);
            }
            Redirect::to(&back).into_response()
        }
        None => {
            let started = app
                .sessions
                .lock()
                .ok()
                .and_then(|mut s| s.start(None, Some(lang)).ok());
            let Some(session) = started else {
                return StatusCode500.into_response();
            };
            (
                [(SET_COOKIE, session::cookie(&app, &session.id))],
                Redirect::to(&back),
            )
                .into_response()
        }
    }
}
