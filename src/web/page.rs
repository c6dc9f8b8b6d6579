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

/// The menu as it is shown: the dashboard, then groups that open on a click (a
/// `<details>`, so it works on a phone without script). Every page of `NAV` and
/// `MORE` is in one group; a page not listed in a group still shows under the last.
pub const MENU: &[(W, &[&str])] = &[
    (
        W::GroupBooks,
        &[
            "/donate",
            "/disburse",
            "/transfer",
            "/reverse",
            "/approvals",
            "/import",
            "/reconcile",
        ],
    ),
    (W::GroupPeople, &["/donors", "/beneficiaries"]),
    (
        W::GroupReports,
        &[
            "/reports",
            "/vouchers",
            "/attachments",
            "/receipts",
            "/audit-pack",
        ],
    ),
    (W::GroupAdmin, &["/users", "/close", "/verify"]),
];

/// The pages added after `NAV`, for `MENU`.
pub const MORE: &[(&str, W)] = &[
    ("/transfer", W::Transfer),
    ("/donors", W::Donors),
    ("/beneficiaries", W::Beneficiaries),
    ("/reports", W::Reports),
    ("/vouchers", W::Vouchers),
    ("/attachments", W::Attachments),
    ("/users", W::Users),
    ("/close", W::CloseYear),
    ("/audit-pack", W::AuditPack),
    ("/check-receipt", W::CheckReceipt),
    ("/import", W::Import),
    ("/reconcile", W::Reconcile),
];

/// The title of the menu's page `path`.
fn menu_word(path: &str) -> Option<W> {
    NAV.iter()
        .chain(MORE)
        .find(|(p, _)| *p == path)
        .map(|(_, w)| *w)
}

/// Whether `here` (a page's path) is `path` or one of its sub-pages.
fn within(here: &str, path: &str) -> bool {
    here == path || (path != "/" && here.starts_with(path) && here[path.len()..].starts_with('/'))
}

/// The grouped menu.
fn menu(frame: &Frame) -> Markup {
    let lang = frame.lang;
    let listed: Vec<&str> = MENU
        .iter()
        .flat_map(|(_, paths)| paths.iter().copied())
        .collect();
    let unlisted: Vec<&str> = NAV
        .iter()
        .chain(MORE)
        .map(|(p, _)| *p)
        .filter(|p| *p != "/" && !listed.contains(p))
        .collect();
    let last = MENU.len() - 1;
    html! {
        nav.menu {
            a.top-link href="/" class=[(frame.path == "/").then_some("here")] { (W::Dashboard.get(lang)) }
            @for (i, (group, paths)) in MENU.iter().enumerate() {
                @let extra: &[&str] = if i == last { &unlisted } else { &[] };
                @let all: Vec<&str> = paths.iter().copied().chain(extra.iter().copied()).collect();
                @let open = all.iter().any(|p| within(frame.path, p));
                details.group {
                    summary class=[open.then_some("here")] { (group.get(lang)) }
                    div.drop {
                        @for path in &all {
                            @if let Some(word) = menu_word(path) {
                                a href=(path) class=[within(frame.path, path).then_some("here")] { (word.get(lang)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

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
                    @if frame.user.is_some() { (menu(frame)) }
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
    // A page with a policy of its own (the donors' verification page) keeps it.
    for (name, value) in set {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
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

/// What an operation did, as the command line says it (its `Render::text`).
pub fn said(lang: Lang, result: &impl crate::render::Render) -> String {
    let mut out = Vec::new();
    let _ = result.text(&mut out, lang);
    String::from_utf8_lossy(&out).trim().to_string()
}

/// A Content-Disposition that hands over `name` as a download: an ASCII stand-in
/// (for old browsers) and the name itself, percent-encoded (RFC 6266, 5987).
/// Nothing of it is ever a path here.
pub fn attachment(name: &str, extension: &str) -> String {
    let stem = name.strip_suffix(&format!(".{extension}")).unwrap_or(name);
    let ascii: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}.{extension}\"; filename*=UTF-8''{encoded}")
}
