//! Writing a zip archive (the audit pack) through the output guard: the archive is
//! made in the guard's temporary file and put in place only by `finish`, so a
//! refusal or a failure half way leaves no file. Each member is deflated as it is
//! written and hashed on the way in (its size and SHA-256 kept for the manifest), so
//! nothing but the member being written is held in memory.
//!
//! Not here: which members a pack has (`ops::audit_pack`), reading one back
//! (`input::pack`).

use super::{AtomicFile, Guard};
use crate::error::message::IoMessage;
use crate::error::{Error, Result};
use crate::ledger::manifest::Member;
use sha2::{Digest, Sha256};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// How a member is squeezed: text is deflated well; a PDF lovefund drew has its
/// streams deflated already (a second pass saves 1 % for the time of the whole
/// pack's slowest thread) and is stored as it is; a document of unknown kind (an
/// attachment: a photo, a scan) gets a quick pass.
#[derive(Clone, Copy, Debug)]
pub enum Squeeze {
    Text,
    Document,
    Compressed,
}

/// A zip archive being written to its target through a temporary file.
pub struct ZipOut<'g> {
    zip: ZipWriter<AtomicFile<'g>>,
    target: PathBuf,
    members: Vec<Member>,
}

/// A member's writer: deflates into the archive, counting and hashing what goes in.
struct Hashing<'a, W: Write> {
    inner: &'a mut W,
    hasher: Sha256,
    size: u64,
}

impl<W: Write> Write for Hashing<'_, W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(bytes)?;
        self.hasher.update(&bytes[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Whether `path` is a member path the pack writes: relative, `/`-separated, no
/// empty, `.` or `..` part, no backslash or control character.
pub fn is_safe_member_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

impl<'g> ZipOut<'g> {
    /// Starts the archive at `target` (refused by the guard before anything is made).
    pub fn create(guard: &'g Guard, target: &Path) -> Result<ZipOut<'g>> {
        let file = guard.create(target)?;
        Ok(ZipOut {
            zip: ZipWriter::new(file),
            target: target.to_path_buf(),
            members: Vec::new(),
        })
    }

    fn failed(&self, e: impl Into<io::Error>) -> Error {
        Error::io(
            IoMessage::Write {
                path: self.target.display().to_string(),
            },
            e.into(),
        )
    }

    /// Adds the member `path`, its bytes written by `write` (streamed: deflated and
    /// hashed as they come).
    pub fn add(
        &mut self,
        path: &str,
        squeeze: Squeeze,
        write: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<&Member> {
        debug_assert!(is_safe_member_path(path), "{path}");
        let (method, level) = match squeeze {
            Squeeze::Text => (CompressionMethod::Deflated, Some(6)),
            Squeeze::Document => (CompressionMethod::Deflated, Some(1)),
            Squeeze::Compressed => (CompressionMethod::Stored, None),
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .compression_level(level)
            .unix_permissions(0o644)
            .large_file(false);
        self.zip
            .start_file(path, options)
            .map_err(|e| self.failed(io::Error::other(e)))?;
        let mut hashing = Hashing {
            inner: &mut self.zip,
            hasher: Sha256::new(),
            size: 0,
        };
        write(&mut hashing)?;
        let (size, hash) = (hashing.size, hashing.hasher.finalize());
        self.members.push(Member {
            path: path.to_string(),
            size,
            sha256: hex::encode(hash),
        });
        Ok(self.members.last().expect("just pushed"))
    }

    /// Adds the member `path` holding `bytes`.
    pub fn add_bytes(&mut self, path: &str, squeeze: Squeeze, bytes: &[u8]) -> Result<&Member> {
        let target = self.target.display().to_string();
        self.add(path, squeeze, |w| {
            w.write_all(bytes)
                .map_err(|e| Error::io(IoMessage::Write { path: target }, e))
        })
    }

    /// The members written so far, in order.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// Writes the central directory and puts the archive in place.
    pub fn finish(self) -> Result<()> {
        let target = self.target.display().to_string();
        let file = self.zip.finish().map_err(|e| {
            Error::io(
                IoMessage::Write {
                    path: target.clone(),
                },
                io::Error::other(e),
            )
        })?;
        file.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Field;

    #[test]
    fn members_are_hashed_and_an_unfinished_archive_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("fund.db");
        let guard = Guard::new(&ledger, Field::Out, false);
        let target = dir.path().join("pack.zip");
        {
            let mut zip = ZipOut::create(&guard, &target).unwrap();
            zip.add_bytes("a/b.txt", Squeeze::Text, b"abc").unwrap();
        }
        assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
        let mut zip = ZipOut::create(&guard, &target).unwrap();
        let member = zip.add_bytes("a/b.txt", Squeeze::Text, b"abc").unwrap();
        assert_eq!(member.size, 3);
        assert_eq!(
            member.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        zip.finish().unwrap();
        assert!(target.is_file());
    }

    #[test]
    fn only_plain_relative_paths_are_member_paths() {
        assert!(is_safe_member_path("attachments/entry-1/2-發票.jpg"));
        for bad in ["", "/etc/x", "a/../b", "a//b", "a\\b", "./a", "a\u{7}"] {
            assert!(!is_safe_member_path(bad), "{bad:?}");
        }
    }
}
