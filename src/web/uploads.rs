//! Sheets and statements uploaded for a dry run, held until the treasurer confirms
//! or cancels: in the server's own private folder (0700, under the system's temp
//! folder, never the ledger's), each under a random token and the sent name's
//! extension only (the readers tell a format by it), never under the name a browser
//! sent. One upload a session: the next one, a confirm, a cancel, or `HELD_FOR`
//! without one deletes it. The multipart form is read here too: the CSRF token must
//! be its first part, and no file is read past `UPLOAD_BYTES_MAX`.

use super::session::{Visit, csrf_matches};
use crate::error::message::{IoMessage, WebMessage};
use crate::error::{Error, Field, Result};
use axum::extract::Multipart;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The largest sheet or statement the page reads.
pub const UPLOAD_BYTES_MAX: u64 = 32 * 1024 * 1024;
/// An upload not confirmed within this long is deleted.
pub const HELD_FOR: Duration = Duration::from_secs(30 * 60);
/// The private folders' names start with this.
const PREFIX: &str = "lovefund-uploads-";
/// The longest extension kept.
const EXTENSION_CHARS_MAX: usize = 8;

/// One held upload.
#[derive(Clone, Debug)]
pub struct Held {
    /// Where it is: the private folder, the token and the extension.
    pub path: PathBuf,
    /// The name it was sent under (its folders cut off), to show.
    pub name: String,
    /// The SHA-256 of its bytes, in hex: the confirm must carry it.
    pub sha256: String,
    session: String,
    at: Instant,
}

#[derive(Default)]
pub struct Uploads {
    dir: Option<PathBuf>,
    by_token: HashMap<String, Held>,
}

/// The extension of a sent name, kept only if it is a few ASCII letters or digits.
fn extension(name: &str) -> Option<String> {
    let (_, ext) = name.rsplit_once('.')?;
    let ok = !ext.is_empty()
        && ext.len() <= EXTENSION_CHARS_MAX
        && ext.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then(|| ext.to_ascii_lowercase())
}

/// Whether `path` (a file or folder) was last changed `HELD_FOR` ago or longer.
fn stale(path: &std::path::Path) -> bool {
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age >= HELD_FOR)
}

/// Removes the upload folders under `temp` (this user's own, 0700) whose every
/// file is stale: what servers stopped without clearing left behind.
fn remove_stale(temp: &std::path::Path) {
    let Ok(folders) = std::fs::read_dir(temp) else {
        return;
    };
    for folder in folders.flatten() {
        let path = folder.path();
        let ours = folder.file_name().to_string_lossy().starts_with(PREFIX)
            && folder.file_type().is_ok_and(|t| t.is_dir());
        if !ours || !stale(&path) {
            continue;
        }
        let all_stale = std::fs::read_dir(&path)
            .map(|files| files.flatten().all(|f| stale(&f.path())))
            .unwrap_or(false);
        if all_stale {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

fn io_error(e: std::io::Error) -> Error {
    Error::io(
        IoMessage::Read {
            path: "upload".into(),
        },
        e,
    )
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The server's held uploads, as the pages use them: a lock poisoned by a panic
/// elsewhere is said as the upload no longer held, never a second panic.
impl super::App {
    /// Holds `bytes` (sent as `name`) for `session`: its token, and where it is.
    pub fn hold_upload(&self, session: &str, name: &str, bytes: &[u8]) -> Result<(String, Held)> {
        let mut uploads = self
            .uploads
            .lock()
            .map_err(|_| Error::conflict(WebMessage::UploadGone))?;
        uploads.put(session, name, bytes)
    }

    /// `session`'s upload `token`, if its bytes still have the SHA-256 the dry run showed.
    pub fn held_upload(&self, session: &str, token: &str, sha256: &str) -> Result<Held> {
        let mut uploads = self
            .uploads
            .lock()
            .map_err(|_| Error::conflict(WebMessage::UploadGone))?;
        uploads.get(session, token, sha256)
    }

    pub fn discard_upload(&self, session: &str, token: &str) {
        if let Ok(mut uploads) = self.uploads.lock() {
            uploads.discard(session, token);
        }
    }
}

impl Uploads {
    /// The private folder, made on first use (only its owner may enter it), and made
    /// again if it was removed. Making it, the folders of servers stopped without
    /// clearing theirs go, once nothing in them is younger than `HELD_FOR`.
    fn dir(&mut self) -> Result<PathBuf> {
        if let Some(dir) = &self.dir
            && dir.is_dir()
        {
            return Ok(dir.clone());
        }
        let dir = match &self.dir {
            Some(dir) => dir.clone(),
            None => {
                remove_stale(&std::env::temp_dir());
                let token = super::session::token()?;
                std::env::temp_dir().join(format!("{PREFIX}{token}"))
            }
        };
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(&dir).map_err(io_error)?;
        self.dir = Some(dir.clone());
        Ok(dir)
    }

    /// Holds `bytes` for `session`, dropping what that session held before.
    pub fn put(&mut self, session: &str, name: &str, bytes: &[u8]) -> Result<(String, Held)> {
        self.sweep();
        let earlier: Vec<String> = self
            .by_token
            .iter()
            .filter(|(_, h)| h.session == session)
            .map(|(t, _)| t.clone())
            .collect();
        for token in earlier {
            self.remove(&token);
        }
        let token = super::session::token()?;
        let file = match extension(name) {
            Some(ext) => format!("{token}.{ext}"),
            None => token.clone(),
        };
        let path = self.dir()?.join(file);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut out = options.open(&path).map_err(io_error)?;
        std::io::Write::write_all(&mut out, bytes).map_err(io_error)?;
        let held = Held {
            path,
            name: name.to_string(),
            sha256: sha256_hex(bytes),
            session: session.to_string(),
            at: Instant::now(),
        };
        self.by_token.insert(token.clone(), held.clone());
        Ok((token, held))
    }

    /// The upload `token` of `session`, if its bytes still hash to `sha256`.
    pub fn get(&mut self, session: &str, token: &str, sha256: &str) -> Result<Held> {
        self.sweep();
        let gone = || Error::conflict(WebMessage::UploadGone);
        let held = self.by_token.get(token).ok_or_else(gone)?;
        if held.session != session {
            return Err(gone());
        }
        let bytes = std::fs::read(&held.path).map_err(|_| gone())?;
        if !sha256.eq_ignore_ascii_case(&held.sha256) || sha256_hex(&bytes) != held.sha256 {
            return Err(Error::conflict(WebMessage::UploadChanged));
        }
        Ok(held.clone())
    }

    /// Deletes the upload `token` (of `session` only).
    pub fn discard(&mut self, session: &str, token: &str) {
        if self
            .by_token
            .get(token)
            .is_some_and(|h| h.session == session)
        {
            self.remove(token);
        }
    }

    fn remove(&mut self, token: &str) {
        if let Some(held) = self.by_token.remove(token) {
            let _ = std::fs::remove_file(&held.path);
        }
    }

    /// Deletes the uploads held longer than `HELD_FOR`.
    pub fn sweep(&mut self) {
        let old: Vec<String> = self
            .by_token
            .iter()
            .filter(|(_, h)| h.at.elapsed() >= HELD_FOR)
            .map(|(t, _)| t.clone())
            .collect();
        for token in old {
            self.remove(&token);
        }
    }
}

impl Drop for Uploads {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// An upload form as read: its text fields and its one file (the name as sent,
/// folders cut off, and the bytes).
pub struct UploadForm {
    pub fields: Vec<(String, String)>,
    pub file: Option<(String, Vec<u8>)>,
}

impl UploadForm {
    pub fn text(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// The file, refused when none was chosen.
    pub fn file(&self) -> Result<&(String, Vec<u8>)> {
        self.file.as_ref().filter(|f| chosen(f)).ok_or_else(no_file)
    }

    /// The file, taken out of the form; refused when none was chosen.
    pub fn into_file(self) -> Result<(String, Vec<u8>)> {
        self.file.filter(chosen).ok_or_else(no_file)
    }
}

/// Whether a file part holds a file (a browser sends an empty one when none was chosen).
fn chosen((name, bytes): &(String, Vec<u8>)) -> bool {
    !name.is_empty() || !bytes.is_empty()
}

fn no_file() -> Error {
    Error::input_in(Field::Named("file".into()), WebMessage::NoFileChosen)
}

/// The body of an upload (a multipart form). A body that is not one carries no
/// token either, so it is refused as a form without it, in the reader's language
/// (not with the extractor's own English).
pub struct Upload(pub Multipart);

impl axum::extract::FromRequest<std::sync::Arc<super::App>> for Upload {
    type Rejection = axum::response::Response;

    async fn from_request(
        request: axum::extract::Request,
        app: &std::sync::Arc<super::App>,
    ) -> std::result::Result<Self, axum::response::Response> {
        use axum::extract::FromRequestParts;
        let (mut parts, body) = request.into_parts();
        let lang = Visit::from_request_parts(&mut parts, app).await?.lang;
        let request = axum::extract::Request::from_parts(parts, body);
        Multipart::from_request(request, app)
            .await
            .map(Upload)
            .map_err(|_| super::page::refused(lang, &Error::conflict(WebMessage::FormExpired)))
    }
}

/// Reads a sheet or statement's upload form, its file within `UPLOAD_BYTES_MAX`.
/// The outer error is a form without this session's token first (refused before
/// anything is read); the inner one a file too large.
pub async fn read(
    visit: &Visit,
    multipart: &mut Multipart,
) -> std::result::Result<Result<UploadForm>, Error> {
    let too_large = |_: String| {
        Error::input_in(
            Field::Named("file".into()),
            WebMessage::UploadTooLarge {
                mib: UPLOAD_BYTES_MAX / (1024 * 1024),
            },
        )
    };
    read_within(visit, multipart, UPLOAD_BYTES_MAX, too_large).await
}

/// Reads an upload form whose token must come first, its file read no further
/// than `limit` bytes: past it, the refusal `too_large` makes of the name sent.
pub async fn read_within(
    visit: &Visit,
    multipart: &mut Multipart,
    limit: u64,
    too_large: impl Fn(String) -> Error,
) -> std::result::Result<Result<UploadForm>, Error> {
    let form_expired = || Error::conflict(WebMessage::FormExpired);
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        Error::io_said(
            IoMessage::Read {
                path: "upload".into(),
            },
            e.body_text(),
        )
    };
    let mut first = true;
    let mut form = UploadForm {
        fields: Vec::new(),
        file: None,
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        if first {
            first = false;
            let token = field.text().await.map_err(unreadable)?;
            if name != "csrf" || !csrf_matches(visit.session.as_ref(), &token) {
                return Err(form_expired());
            }
            continue;
        }
        if name == "file" && form.file.is_none() {
            let sent = crate::ops::attachments::sent_name(field.file_name().unwrap_or_default());
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > limit {
                    return Ok(Err(too_large(sent)));
                }
            }
            form.file = Some((sent, bytes));
        } else if name != "file" {
            let text = field.text().await.map_err(unreadable)?;
            form.fields.push((name, text));
        }
    }
    if first {
        return Err(form_expired());
    }
    Ok(Ok(form))
}
