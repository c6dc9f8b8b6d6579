//! What every page shares: the frame (menu, language switcher, sign-out), the
//! sentence of a refusal in the reader's language (the CLI's catalogue, with the
//! form's labels for the fields), the response headers, and the compiled-in assets.

use crate::error::Error;
use crate::i18n::Lang;
use crate::i18n::web::{W, field_label};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

/// The menu: each page's path and title, in order. A new page adds its line here
/// and its routes in `pages::router`.
pub const NAV: &[(&str, W)] = &[
    ("/", W::Dashboard),
    ("/donate", W::Donate),
    ("/disburse", W::Disburse),
    ("/reverse", W::Reverse),
    ("/approvals", W::Approvals),
    ("/receipts", W::Receipts),
    ("/verify", W::Verify),
];

pub const STYLE: &str = include_str!("assets/style.css");
pub const SCRIPT: &str = include_str!("assets/page.js");

/// Who a page is for: their language, name and CSRF token (None before signing in).
pub struct Frame<'a> {
    pub lang: Lang,
    pub user: Option<&'a str>,
    pub csrf: Option<&'a str>,
    /// The path of the page, to mark it in the menu.
    pub path: &'a str,
}

/// A whole page: `title` and `body` in the frame.
pub fn page(frame: &Frame, title: W, body: Markup) -> Markup {
    let lang = frame.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                @if let Some(csrf) = frame.csrf { meta name="csrf" content=(csrf); }
                title { (title.get(lang)) " · " (W::AppName.get(lang)) }
                link rel="stylesheet" href="/assets/style.css";
                script src="/assets/page.js" defer {}
            }
            body {
                header.top {
                    span.brand { (W::AppName.get(lang)) }
                    @if frame.user.is_some() {
                        nav {
                            @for (path, word) in NAV {
                                a href=(path) class=[(*path == frame.path).then_some("here")] { (word.get(lang)) }
                            }
                        }
                    }
                    div.side {
                        (switcher(frame))
                        @if let Some(user) = frame.user {
                            span.who { (W::SignedInAs.get(lang)) " " (user) }
                            (form_post("/logout", frame, html! { button.link type="submit" { (W::SignOut.get(lang)) } }))
                        }
                    }
                }
                main { h1 { (title.get(lang)) } (body) }
            }
        }
    }
}

/// The language links: each in its own script, so a reader finds their own.
fn switcher(frame: &Frame) -> Markup {
    let langs = [
        (Lang::ZhHans, "简体"),
        (Lang::ZhHant, "繁體"),
        (Lang::En, "English"),
    ];
    html! {
        span.langs {
            @for (lang, name) in langs {
                @if lang == frame.lang { strong { (name) } }
                @else { a href={ "/lang/" (lang.code()) "?back=" (frame.path) } { (name) } }
            }
        }
    }
}

/// A form that posts to `action` with the session's CSRF token.
pub fn form_post(action: &str, frame: &Frame, inner: Markup) -> Markup {
    html! {
        form method="post" action=(action) {
            input type="hidden" name="csrf" value=(frame.csrf.unwrap_or_default());
            (inner)
        }
    }
}

/// A refusal as the reader reads it: the catalogue's sentence, naming the field
/// by the form's label.
pub fn sentence(lang: Lang, error: &Error) -> String {
    crate::i18n::say::error(lang, error, |f| field_label(f, lang))
}

/// A refusal shown in a box on a page.
pub fn refusal_box(lang: Lang, error: &Error) -> Markup {
    html! { p.refused role="alert" { (sentence(lang, error)) } }
}

/// The HTTP status of a refusal.
pub fn status_of(error: &Error) -> StatusCode {
    use crate::error::message::{AccessMessage, Message};
    match error {
        Error::Refused(r) => match &r.message {
            Message::Access(AccessMessage::NotAllowed { .. }) => StatusCode::FORBIDDEN,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        },
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A page that only says a refusal (a form from elsewhere, a page not there).
pub fn refused(lang: Lang, error: &Error) -> Response {
    let frame = Frame {
        lang,
        user: None,
        csrf: None,
        path: "",
    };
    let body = html! { (refusal_box(lang, error)) p { a href="/" { (W::Back.get(lang)) } } };
    let status = match error {
        Error::Refused(r) if r.message == crate::error::message::WebMessage::FormExpired.into() => {
            StatusCode::FORBIDDEN
        }
        _ => status_of(error),
    };
    (status, page(&frame, W::Refused, body)).into_response()
}

/// Headers every answer carries: nothing loads from elsewhere, no page frames it,
/// nothing is cached.
pub fn secure_headers(headers: &mut HeaderMap) {
    let set = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
    ];
    for (name, value) in set {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
}

pub fn asset(kind: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        text,
    )
        .into_response()
}
