//! The web page (`lovefund serve`): the second front end, beside the command line,
//! over the same operations. A handler turns a form into the typed request the CLI
//! builds from its flags, calls `ops::*` on a blocking thread, and renders the
//! typed result or refusal with the one message catalogue. No rule, SQL or
//! validation lives here: the role check is the core's (`Ledger::store_for`), the
//! parsing of amounts and dates is `input`'s and `ledger`'s.
//!
//! What is the server's own: sessions in memory (an HttpOnly, SameSite=Strict
//! cookie; a CSRF token per session checked on every POST; idle expiry), the lock
//! after repeated failed sign-ins, the Host check against DNS rebinding, and the
//! one-time setup link of a ledger without users. Every asset is compiled in.

mod figures;
mod page;
mod pages;
mod session;
mod uploads;

use crate::error::message::WebMessage;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ops::Ledger;
use crate::ops::serve::ServeRequest;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// What every request shares: the ledger's path, the sessions, the sign-in locks.
pub struct App {
    db: PathBuf,
    /// The language a page starts in: `--lang`, else the ledger's.
    lang: Lang,
    /// Served over TLS: the session cookie is `Secure`.
    tls: bool,
    /// `serve --read-only`: every request opens the ledger read-only.
    read_only: bool,
    /// The Host headers this server answers to (its address as typed in a browser).
    hosts: Vec<String>,
    /// The session cookie's name: one per port, so two servers on one computer do
    /// not take each other's cookie.
    cookie: String,
    sessions: Mutex<session::Sessions>,
    /// A session ends after this long without a request (`serve --idle`).
    idle: std::time::Duration,
    throttle: Mutex<session::Throttle>,
    /// The one-time setup link's token, while the ledger has no users.
    setup: Mutex<Option<String>>,
    /// The dashboard's figures last read, per language.
    figures: figures::Kept,
    /// Turns for pages that only read: as many at once as the computer has cores.
    reading: tokio::sync::Semaphore,
    /// Sheets and statements held between a dry run and its confirm.
    uploads: Mutex<uploads::Uploads>,
    /// Ledgers kept open between requests: opening one (the file checks, the
    /// schema read, a cold page cache) costs more than most pages' reading.
    open: Mutex<Vec<Ledger>>,
    /// How many are kept at most: the reading turns, and room for forms.
    open_max: usize,
    /// A thread of the server's own checkpoints the write-ahead log (`checkpoints`).
    checkpointing: bool,
}

impl App {
    /// Runs `work` on the ledger, on a blocking thread (SQLite and argon2 block).
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(PathBuf) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let db = self.db.clone();
        match tokio::task::spawn_blocking(move || work(db)).await {
            Ok(result) => result,
            Err(e) => Err(Error::io_said(
                crate::error::message::IoMessage::Output,
                e.to_string(),
            )),
        }
    }

    /// Runs `work` on the ledger as `user` (signed in before): their role and state
    /// are read again from the ledger first.
    ///
    /// The ledger is one kept open from an earlier request when there is one (the
    /// user signed in again on it), and is kept for the next once `work` is done
    /// with it and no transaction is left open.
    async fn as_user<T: Send + 'static>(
        &self,
        user: &str,
        work: impl FnOnce(&mut Ledger) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let user = user.to_string();
        let read_only = self.read_only;
        let deferred = self.checkpointing;
        let kept = self.open.lock().ok().and_then(|mut open| open.pop());
        let (result, ledger) = self
            .blocking(move |db| {
                let mut ledger = match kept {
                    Some(mut ledger) => match ledger.resume_as(&user) {
                        Ok(()) => ledger,
                        Err(e) => return Ok((Err(e), Some(ledger))),
                    },
                    None => {
                        let ledger = Ledger::resume(&db, &user, read_only)?;
                        if deferred {
                            ledger.defer_checkpoints()?;
                        }
                        ledger
                    }
                };
                Ok((work(&mut ledger), Some(ledger)))
            })
            .await
            .unwrap_or_else(|e| (Err(e), None));
        if let Some(ledger) = ledger.filter(Ledger::is_idle)
            && let Ok(mut open) = self.open.lock()
            && open.len() < self.open_max
        {
            open.push(ledger);
        }
        result
    }
}

/// Ledgers kept open beyond one per reading turn: for the forms, which do not wait
/// for a turn.
const OPEN_FOR_FORMS: usize = 2;

/// How often the server's own thread checkpoints the write-ahead log.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// Serves the ledger until the process is stopped. Prints the address it listens
/// on (and, on a ledger without users, the one-time setup link) on standard output.
pub fn serve(request: ServeRequest) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io(crate::error::message::IoMessage::Output, e))?;
    runtime.block_on(run(request))
}

async fn run(request: ServeRequest) -> Result<()> {
    let ledger = Ledger::open_for_reading(&request.db, false)?;
    let lang = request.lang.unwrap_or_else(|| ledger.lang());
    let has_users = ledger.has_users()?;
    drop(ledger);
    let listener = std::net::TcpListener::bind(request.listen).map_err(|e| {
        Error::conflict(WebMessage::CannotListen {
            address: request.listen.to_string(),
            detail: e.to_string(),
        })
    })?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::io(crate::error::message::IoMessage::Output, e))?;
    let tls = request.tls.is_some();
    let setup = (!has_users && !request.read_only && address.ip().is_loopback())
        .then(session::token)
        .transpose()?;
    let checkpointing = checkpoints(&request.db, request.read_only);
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
    let app = Arc::new(App {
        db: request.db.clone(),
        lang,
        tls,
        read_only: request.read_only,
        hosts: hosts_of(address),
        cookie: format!("lovefund-{}", address.port()),
        sessions: Mutex::new(session::Sessions::new(request.idle)),
        idle: request.idle,
        throttle: Mutex::default(),
        setup: Mutex::new(setup.clone()),
        figures: figures::Kept::default(),
        reading: tokio::sync::Semaphore::new(cores),
        uploads: Mutex::default(),
        open: Mutex::default(),
        open_max: cores + OPEN_FOR_FORMS,
        checkpointing,
    });
    sweep_uploads(Arc::clone(&app));
    announce(address, tls, request.read_only, setup.as_deref(), lang);
    let router = pages::router()
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            take_turns,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            mark_posts,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            check_host,
        ))
        .with_state(app);
    listener
        .set_nonblocking(true)
        .map_err(|e| Error::io(crate::error::message::IoMessage::Output, e))?;
    let served = match &request.tls {
        Some(files) => {
            install_crypto();
            let config =
                axum_server::tls_rustls::RustlsConfig::from_pem_file(&files.cert, &files.key)
                    .await
                    .map_err(|e| {
                        Error::conflict(WebMessage::TlsUnusable {
                            detail: e.to_string(),
                        })
                    })?;
            axum_server::from_tcp_rustls(listener, config)
                .serve(router.into_make_service())
                .await
        }
        None => {
            let listener = tokio::net::TcpListener::from_std(listener)
                .map_err(|e| Error::io(crate::error::message::IoMessage::Output, e))?;
            axum::serve(listener, router).await
        }
    };
    served.map_err(|e| {
        Error::conflict(WebMessage::CannotListen {
            address: address.to_string(),
            detail: e.to_string(),
        })
    })
}

/// Deletes, once a minute, the uploads held past `uploads::HELD_FOR`.
fn sweep_uploads(app: Arc<App>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
            if let Ok(mut uploads) = app.uploads.lock() {
                uploads.sweep();
            }
        }
    });
}

/// Copies the write-ahead log into the ledger file every `CHECKPOINT_EVERY`, on a
/// thread of its own with a ledger of its own; the server's other ledgers then
/// leave checkpoints to it (`App::checkpointing`), so that no request waits for
/// one. A failed checkpoint is tried again at the next turn. Whether it started:
/// if not (a read-only server, or the ledger would not open), the commits
/// checkpoint as SQLite does by default.
fn checkpoints(db: &std::path::Path, read_only: bool) -> bool {
    let Some(ledger) = (!read_only)
        .then(|| Ledger::open_for_writing(db).ok())
        .flatten()
    else {
        return false;
    };
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(CHECKPOINT_EVERY);
            let _ = ledger.checkpoint();
        }
    });
    true
}

/// rustls's ring provider: built from plain Rust and C without cmake (aws-lc-rs needs
/// it). Deprecated in rustls 0.23.48 for lacking post-quantum key exchange, which a
/// page on a fund's own network can do without for now.
#[allow(deprecated)]
fn install_crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// The address, and the setup link, on standard output (tests read the port there).
fn announce(address: SocketAddr, tls: bool, read_only: bool, setup: Option<&str>, lang: Lang) {
    let scheme = if tls { "https" } else { "http" };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{} {scheme}://{address}/", W::Serving.get(lang));
    if read_only {
        let _ = writeln!(out, "{}", W::ServingReadOnly.get(lang));
    }
    if let Some(token) = setup {
        let _ = writeln!(out, "{}", W::SetupLink.get(lang));
        let _ = writeln!(out, "{scheme}://{address}/setup?token={token}");
    }
    let _ = out.flush();
}

/// The Host headers a browser sends for `address`: the address itself, and on
/// loopback the names it also goes by.
fn hosts_of(address: SocketAddr) -> Vec<String> {
    let port = address.port();
    let mut hosts = vec![address.to_string()];
    if address.ip().is_loopback() {
        hosts.extend([
            format!("127.0.0.1:{port}"),
            format!("localhost:{port}"),
            format!("[::1]:{port}"),
        ]);
    }
    hosts
}

/// Refuses a request for another host: a page of another site whose name was
/// pointed at 127.0.0.1 (DNS rebinding) reads nothing here.
async fn check_host(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    // HTTP/1.1 names the host in its Host header; HTTP/2 (what a browser speaks
    // over TLS) in the request's :authority, which is the URI's authority here.
    let host = request
        .headers()
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()))
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !app.hosts.contains(&host) {
        let message = Error::conflict(WebMessage::WrongHost {
            host: host.as_str().into(),
        });
        let text = page::sentence(app.lang, &message);
        return (axum::http::StatusCode::MISDIRECTED_REQUEST, text).into_response();
    }
    let mut response = next.run(request).await;
    page::secure_headers(response.headers_mut());
    response
}

/// Notes on its session that a form was posted (any POST: a write, or an attempt at
/// one, an upload included), before the page handles it: that session's next
/// dashboard reads the figures afresh rather than show ones read before.
async fn mark_posts(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    if request.method() == axum::http::Method::POST
        && let Some(id) = session::session_id(request.headers(), &app)
        && let Ok(mut sessions) = app.sessions.lock()
    {
        sessions.mark_posted(&id);
    }
    next.run(request).await
}

/// Pages that only read (GET) take turns, as many at once as there are cores; forms
/// (POST) go at once. Many browsers reloading the dashboard then queue for the CPU
/// among themselves, instead of a treasurer's donation sharing it with all of them:
/// the write is answered in about its own time however busy the page is.
async fn take_turns(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    if request.method() != axum::http::Method::GET {
        return next.run(request).await;
    }
    let _turn = app.reading.acquire().await;
    next.run(request).await
}
