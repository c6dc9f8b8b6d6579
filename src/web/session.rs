//! Sessions and the sign-in lock, held in the server's memory only: a restart signs
//! everyone out. A session is an unguessable id in an HttpOnly, SameSite=Strict
//! cookie (Secure under TLS), with its own CSRF token, the user once signed in, and
//! the language chosen; it ends after the server's idle time (`serve --idle`,
//! `ops::serve::IDLE_DEFAULT`) without a request.

use super::App;
use crate::i18n::Lang;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Sessions held at most; the oldest idle ones go first beyond it.
pub const SESSIONS_MAX: usize = 10_000;
/// Failed sign-ins of one user name before it is locked.
pub const FAILURES_BEFORE_LOCK: u32 = 5;
/// How long a locked name stays locked.
pub const LOCK_FOR: Duration = Duration::from_secs(5 * 60);
/// Names whose failures are remembered at most (a flood of made-up names forgets
/// the oldest).
pub const THROTTLED_MAX: usize = 10_000;

/// 32 random bytes in hex: a session id, a CSRF token, the setup link's token.
pub fn token() -> crate::error::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| crate::error::Error::Storage(format!("getrandom: {e}")))?;
    Ok(hex::encode(bytes))
}

#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub csrf: String,
    pub user: Option<String>,
    pub lang: Option<Lang>,
    /// When this session last posted a form (a write, or an attempt at one): the
    /// figures it is shown next are read after it (`figures`).
    pub posted_at: Option<Instant>,
    last_seen: Instant,
}

pub struct Sessions {
    by_id: HashMap<String, Session>,
    /// A session ends after this long without a request.
    idle: Duration,
}

impl Sessions {
    pub fn new(idle: Duration) -> Sessions {
        Sessions {
            by_id: HashMap::new(),
            idle,
        }
    }

    /// A new session (signed in as `user`, or not yet).
    pub fn start(
        &mut self,
        user: Option<String>,
        lang: Option<Lang>,
    ) -> crate::error::Result<Session> {
        if self.by_id.len() >= SESSIONS_MAX {
            let idle = self.idle;
            self.by_id.retain(|_, s| s.last_seen.elapsed() < idle);
            if self.by_id.len() >= SESSIONS_MAX
                && let Some(oldest) = self
                    .by_id
                    .values()
                    .min_by_key(|s| s.last_seen)
                    .map(|s| s.id.clone())
            {
                self.by_id.remove(&oldest);
            }
        }
        let session = Session {
            id: token()?,
            csrf: token()?,
            user,
            lang,
            posted_at: None,
            last_seen: Instant::now(),
        };
        self.by_id.insert(session.id.clone(), session.clone());
        Ok(session)
    }

    /// The live session `id`, touched; an idle one ends here.
    pub fn find(&mut self, id: &str) -> Option<Session> {
        let session = self.by_id.get_mut(id)?;
        if session.last_seen.elapsed() >= self.idle {
            self.by_id.remove(id);
            return None;
        }
        session.last_seen = Instant::now();
        Some(session.clone())
    }

    pub fn end(&mut self, id: &str) {
        self.by_id.remove(id);
    }

    pub fn mark_posted(&mut self, id: &str) {
        if let Some(s) = self.by_id.get_mut(id) {
            s.posted_at = Some(Instant::now());
        }
    }

    pub fn set_lang(&mut self, id: &str, lang: Lang) {
        if let Some(s) = self.by_id.get_mut(id) {
            s.lang = Some(lang);
        }
    }
}

/// Failed sign-ins by user name, and the names locked.
#[derive(Default)]
pub struct Throttle {
    by_name: HashMap<String, (u32, Option<Instant>)>,
}

impl Throttle {
    /// The seconds `name` stays locked, if it is.
    pub fn locked(&mut self, name: &str) -> Option<u64> {
        let (_, until) = self.by_name.get(name)?;
        let until = (*until)?;
        let now = Instant::now();
        if until <= now {
            self.by_name.remove(name);
            return None;
        }
        Some((until - now).as_secs().max(1))
    }

    pub fn failed(&mut self, name: &str) {
        if self.by_name.len() >= THROTTLED_MAX && !self.by_name.contains_key(name) {
            self.by_name.clear();
        }
        let (count, until) = self.by_name.entry(name.to_string()).or_default();
        *count += 1;
        if *count >= FAILURES_BEFORE_LOCK {
            *until = Some(Instant::now() + LOCK_FOR);
            *count = 0;
        }
    }

    pub fn succeeded(&mut self, name: &str) {
        self.by_name.remove(name);
    }
}

/// The session cookie's value for `id`.
pub fn cookie(app: &App, id: &str) -> String {
    let secure = if app.tls { "; Secure" } else { "" };
    format!(
        "{}={id}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        app.cookie,
        app.idle.as_secs()
    )
}

/// The cookie that ends the session in the browser.
pub fn cookie_cleared(app: &App) -> String {
    let secure = if app.tls { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}",
        app.cookie
    )
}

fn session_of(parts: &Parts, app: &App) -> Option<Session> {
    let id = session_id(&parts.headers, app)?;
    app.sessions.lock().ok()?.find(&id)
}

/// The session id the request's cookie carries, if any.
pub fn session_id(headers: &axum::http::HeaderMap, app: &App) -> Option<String> {
    let wanted = format!("{}=", app.cookie);
    let id = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .map(str::trim)
        .find_map(|c| c.strip_prefix(&wanted))?
        .to_string();
    Some(id)
}

/// Any request: its session, if it has a live one, and the language to answer in.
pub struct Visit {
    pub session: Option<Session>,
    pub lang: Lang,
}

impl FromRequestParts<Arc<App>> for Visit {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Response> {
        let session = session_of(parts, app);
        let lang = session.as_ref().and_then(|s| s.lang).unwrap_or(app.lang);
        Ok(Visit { session, lang })
    }
}

/// A request of a signed-in user; anyone else is sent to sign in.
pub struct Signed {
    pub session: Session,
    pub user: String,
    pub lang: Lang,
}

impl FromRequestParts<Arc<App>> for Signed {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, Response> {
        let visit = Visit::from_request_parts(parts, app).await?;
        match visit.session {
            Some(session) if session.user.is_some() => Ok(Signed {
                user: session.user.clone().unwrap_or_default(),
                session,
                lang: visit.lang,
            }),
            _ => Err(Redirect::to("/login").into_response()),
        }
    }
}

/// A form posted with this session's CSRF token: its fields, in order.
pub struct Posted {
    pub visit: Visit,
    fields: Vec<(String, String)>,
}

impl Posted {
    /// A field as typed ("" when absent).
    pub fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// A field, None when absent or blank.
    pub fn optional(&self, name: &str) -> Option<String> {
        Some(self.text(name)).filter(|v| !v.trim().is_empty())
    }

    /// The signed-in user who posted, else None.
    pub fn user(&self) -> Option<&str> {
        self.visit.session.as_ref()?.user.as_deref()
    }
}

impl FromRequest<Arc<App>> for Posted {
    type Rejection = Response;

    async fn from_request(request: Request, app: &Arc<App>) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let visit = Visit::from_request_parts(&mut parts, app).await?;
        let lang = visit.lang;
        let request = Request::from_parts(parts, body);
        let expired = || {
            let refusal =
                crate::error::Error::conflict(crate::error::message::WebMessage::FormExpired);
            super::page::refused(lang, &refusal)
        };
        // A body that is not a form (another content type, not URL-encoded) carries
        // no token either: refused as one without it, in the reader's language.
        let axum::Form(fields) = axum::Form::<Vec<(String, String)>>::from_request(request, app)
            .await
            .map_err(|_| expired())?;
        let posted = Posted { visit, fields };
        let expected = posted.visit.session.as_ref().map(|s| s.csrf.as_str());
        let given = posted.text("csrf");
        if expected.is_none_or(|e| !constant_time_eq(e.as_bytes(), given.as_bytes())) {
            return Err(expired());
        }
        Ok(posted)
    }
}

/// Whether `given` is `session`'s CSRF token (for a form `Posted` does not read:
/// an upload, whose token is its first part).
pub fn csrf_matches(session: Option<&Session>, given: &str) -> bool {
    session.is_some_and(|s| constant_time_eq(s.csrf.as_bytes(), given.as_bytes()))
}

/// Whether `a` equals `b`, in a time that does not tell how much of them matched.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_locks_after_its_failures() {
        let mut throttle = Throttle::default();
        for _ in 1..FAILURES_BEFORE_LOCK {
            throttle.failed("ann");
            assert_eq!(throttle.locked("ann"), None);
        }
        throttle.failed("ann");
        assert!(throttle.locked("ann").is_some());
        assert_eq!(throttle.locked("bob"), None);
    }

    #[test]
    fn tokens_differ_and_compare() {
        assert_ne!(token().unwrap(), token().unwrap());
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
