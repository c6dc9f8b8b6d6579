//! The audit pack and the backup, handed over as downloads instead of written to a
//! path the user names: `lovefund audit-pack --year Y --out FILE` through
//! `ops::audit_pack::pack`, `audit-pack verify FILE` through `ops::audit_pack`
//! (with this ledger's public keys), and `lovefund backup FILE [--with-signing-key]`
//! through `ops::reconcile::backup`, which decides who may take the key along.
//! Each file is made in a folder of its own under the server's temp directory,
//! read back, and the folder removed before the answer goes out.

use super::attachments::signed_upload;
use crate::error::{Field, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::date::parse_year;
use crate::ops::{Actor, audit_pack, reconcile};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed, Visit};
use crate::web::uploads::Upload;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The largest audit pack the check reads (bytes): a year of scans fits.
const PACK_UPLOAD_BYTES_MAX: u64 = 256 * 1024 * 1024;

/// A folder of its own under the temp directory, removed with all it holds when
/// dropped (a download made, read, and gone).
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch> {
        let dir = std::env::temp_dir().join(format!("lovefund-{}", crate::web::session::token()?));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&dir).map_err(|e| {
            crate::error::Error::io(
                crate::error::message::IoMessage::MakeFolder {
                    path: dir.display().to_string(),
                },
                e,
            )
        })?;
        Ok(Scratch(dir))
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn read_back(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        crate::error::Error::io(
            crate::error::message::IoMessage::Read {
                path: path.display().to_string(),
            },
            e,
        )
    })
}

fn last_year() -> String {
    (chrono::Datelike::year(&chrono::Local::now().date_naive()) - 1).to_string()
}

fn body(frame: &Frame, year: &str, verdict: Option<&Result<Vec<String>>>) -> Markup {
    let lang = frame.lang;
    html! {
        @match verdict {
            Some(Ok(lines)) => { div.card.done role="status" id="verdict" { @for l in lines { p { (l) } } } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {}
        }
        p.quiet { (W::AuditPackExplain.get(lang)) }
        (form_post("/audit-pack", frame, html! {
            div.card.form {
                label { (W::Year.get(lang)) input name="year" inputmode="numeric" value=(year) required; }
                button type="submit" { (W::DownloadPack.get(lang)) }
            }
        }))
        h2 { (W::CheckPack.get(lang)) }
        p.quiet { (W::CheckPackExplain.get(lang)) }
        form method="post" action="/audit-pack/verify" enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(frame.csrf.unwrap_or_default());
            div.card.form {
                label.wide { (W::File.get(lang)) input type="file" name="file" accept=".zip" required; }
                button type="submit" { (W::Check.get(lang)) }
            }
        }
        h2 { (W::Backup.get(lang)) }
        p.quiet { (W::BackupExplain.get(lang)) }
        (form_post("/backup", frame, html! {
            div.card.form {
                label.wide.check { input type="checkbox" name="with_signing_key" value="yes"; (W::WithSigningKey.get(lang)) }
                button type="submit" { (W::DownloadBackup.get(lang)) }
            }
        }))
    }
}

fn frame_of<'a>(lang: Lang, user: &'a str, csrf: Option<&'a str>) -> Frame<'a> {
    Frame {
        lang,
        user: Some(user),
        csrf,
        path: "/audit-pack",
    }
}

pub async fn show(signed: Signed) -> Response {
    let frame = frame_of(signed.lang, &signed.user, Some(&signed.session.csrf));
    page::page(&frame, W::AuditPack, body(&frame, &last_year(), None)).into_response()
}

/// A file handed over as a download named `name`.
fn download(kind: &'static str, name: &str, extension: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (
                header::CONTENT_DISPOSITION,
                page::attachment(name, extension),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// A refusal on the page again, with the year as typed.
fn refused_here(posted: &Posted, user: &str, error: crate::error::Error) -> Response {
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = frame_of(posted.visit.lang, user, csrf.as_deref());
    let year = posted.optional("year").unwrap_or_else(last_year);
    let status = page::status_of(&error);
    let markup = page::page(&frame, W::AuditPack, body(&frame, &year, Some(&Err(error))));
    (status, markup).into_response()
}

/// POST `/audit-pack`: the year's pack, as `audit-pack --year Y` makes it.
pub async fn pack(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let year = match parse_year(Field::Year, posted.text("year").trim()) {
        Ok(year) => year,
        Err(e) => return refused_here(&posted, &user, e),
    };
    let name = user.clone();
    let db = app.db.clone();
    let made = app
        .as_user(&user, move |l| {
            let scratch = Scratch::new()?;
            let request = audit_pack::PackRequest {
                year,
                out: scratch.file(&format!("audit-pack-{year}.zip")),
                font: None,
                date: Actor::now(&name)?.today,
            };
            let guard = crate::output::Guard::new(&db, Field::Out, false);
            audit_pack::pack(l, &guard, &request)?;
            read_back(&request.out)
        })
        .await;
    match made {
        Ok(bytes) => download(
            "application/zip",
            &format!("audit-pack-{year}.zip"),
            "zip",
            bytes,
        ),
        Err(e) => refused_here(&posted, &user, e),
    }
}

/// POST `/backup`: a verified copy of the ledger, as `backup FILE` makes it.
pub async fn backup(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let with_signing_key = posted.text("with_signing_key") == "yes";
    let db = app.db.clone();
    let made = app
        .as_user(&user, move |l| {
            let scratch = Scratch::new()?;
            let path = scratch.file("backup.db");
            let guard = crate::output::Guard::new(&db, Field::Path, false);
            reconcile::backup(l, &path, &guard, with_signing_key)?;
            read_back(&path)
        })
        .await;
    match made {
        Ok(bytes) => {
            let today = chrono::Local::now().date_naive();
            download(
                "application/vnd.sqlite3",
                &format!("lovefund-backup-{today}.db"),
                "db",
                bytes,
            )
        }
        Err(e) => refused_here(&posted, &user, e),
    }
}

/// POST `/audit-pack/verify`: an uploaded pack checked with this ledger's keys;
/// the verdict's lines as `audit-pack verify` prints them.
pub async fn verify(
    State(app): State<Arc<App>>,
    visit: Visit,
    Upload(mut multipart): Upload,
) -> Response {
    let lang = visit.lang;
    let limit = |_: &mut crate::ops::Ledger| Ok(PACK_UPLOAD_BYTES_MAX);
    let (user, upload) = match signed_upload(&app, &visit, &mut multipart, limit).await {
        Ok(read) => read,
        Err(away) => return away,
    };
    let verdict = match upload {
        Ok((_, _, bytes)) => {
            app.as_user(&user, move |l| {
                let scratch = Scratch::new()?;
                let path = scratch.file("uploaded.zip");
                std::fs::write(&path, &bytes).map_err(|e| {
                    crate::error::Error::io(
                        crate::error::message::IoMessage::Write {
                            path: path.display().to_string(),
                        },
                        e,
                    )
                })?;
                let verdict = audit_pack::verify_with_ledger(l, &path)?;
                let said = page::said(lang, &verdict);
                Ok((said.lines().map(str::to_string).collect(), verdict.intact))
            })
            .await
        }
        Err(e) => Err(e),
    };
    let csrf = visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = frame_of(lang, &user, csrf.as_deref());
    let status = match &verdict {
        Ok((_, true)) => StatusCode::OK,
        Ok((_, false)) => StatusCode::UNPROCESSABLE_ENTITY,
        Err(e) => page::status_of(e),
    };
    let lines = verdict.map(|(lines, _)| lines);
    let markup = page::page(
        &frame,
        W::AuditPack,
        body(&frame, &last_year(), Some(&lines)),
    );
    (status, markup).into_response()
}
