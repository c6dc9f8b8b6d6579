//! Reading an audit pack back (`audit-pack verify`): the archive's members, each
//! streamed through SHA-256 (never held whole), and its manifest and signature read
//! whole but bounded. A pack is untrusted input: its member names are only compared
//! and shown, never used as paths; at most `MEMBERS_MAX` members, a manifest of at
//! most `MANIFEST_BYTES_MAX`.
//!
//! Not here: what the manifest says or whether it matches (`ops::audit_pack`).

use crate::error::message::{IoMessage, PackMessage};
use crate::error::{Error, Result};
use crate::ledger::manifest::Member;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

/// The most members a pack may hold (a year of 100,000 entries has about 60,000).
pub const MEMBERS_MAX: usize = 2_000_000;
/// The largest manifest.json read (about 150 bytes a file).
pub const MANIFEST_BYTES_MAX: u64 = 512 * 1024 * 1024;
/// The largest manifest.sig read (one line).
const SIGNATURE_BYTES_MAX: u64 = 4096;

/// The hash of a member that could not be read back.
pub const UNREADABLE: &str = "unreadable";

pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.sig";

/// What a pack holds: its manifest's and signature's bytes and every other member.
pub struct PackContents {
    pub manifest: Option<Vec<u8>>,
    pub signature: Option<Vec<u8>>,
    /// Every member but the two above, in the archive's order.
    pub members: Vec<Member>,
}

fn read_failed(path: &Path, e: std::io::Error) -> Error {
    Error::io(
        IoMessage::Read {
            path: path.display().to_string(),
        },
        e,
    )
}

fn not_a_zip(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::input(PackMessage::NotAZip {
        path: path.display().to_string(),
        detail: e.to_string(),
    })
}

/// Reads the pack at `path`: the manifest and signature whole, the rest hashed.
pub fn read_pack(path: &Path) -> Result<PackContents> {
    let file = std::fs::File::open(path).map_err(|e| read_failed(path, e))?;
    let mut archive =
        zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| not_a_zip(path, e))?;
    if archive.len() > MEMBERS_MAX {
        return Err(Error::input(PackMessage::TooManyFiles {
            path: path.display().to_string(),
            max: MEMBERS_MAX as u64,
        }));
    }
    let mut contents = PackContents {
        manifest: None,
        signature: None,
        members: Vec::new(),
    };
    let mut buffer = vec![0u8; 1 << 16];
    for index in 0..archive.len() {
        let mut member = archive.by_index(index).map_err(|e| not_a_zip(path, e))?;
        if member.is_dir() {
            continue;
        }
        let name = member.name().map_or_else(
            |_| String::from_utf8_lossy(member.name_raw()).into_owned(),
            |n| n.into_owned(),
        );
        let bound = match name.as_str() {
            MANIFEST => Some(MANIFEST_BYTES_MAX),
            SIGNATURE => Some(SIGNATURE_BYTES_MAX),
            _ => None,
        };
        if let Some(limit) = bound {
            let mut bytes = Vec::new();
            (&mut member)
                .take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| not_a_zip(path, e))?;
            if bytes.len() as u64 > limit {
                return Err(Error::input(PackMessage::MemberTooLarge {
                    path: path.display().to_string(),
                    member: name,
                    mib: limit.div_ceil(1024 * 1024),
                }));
            }
            match name.as_str() {
                MANIFEST => contents.manifest = Some(bytes),
                _ => contents.signature = Some(bytes),
            }
            continue;
        }
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        // A member whose bytes cannot be read back (its checksum broken) counts as
        // changed: its hash is no SHA-256.
        let mut sha256 = None;
        loop {
            match member.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.update(&buffer[..n]);
                    size += n as u64;
                }
                Err(_) => {
                    sha256 = Some(UNREADABLE.to_string());
                    break;
                }
            }
        }
        contents.members.push(Member {
            path: name,
            size,
            sha256: sha256.unwrap_or_else(|| hex::encode(hasher.finalize())),
        });
    }
    Ok(contents)
}
