//! An audit pack's manifest (issue 17 §4): every file of the pack with its size and
//! SHA-256, the year, the ledger's fingerprint and the signing key, as manifest.json
//! holds it; and the comparison of what a pack holds with what its manifest lists.
//! Pure: the zip is read and written elsewhere (`input::pack`, `output::zip`).

use crate::error::message::FileProblem;
use serde::{Deserialize, Serialize};

/// What manifest.json's `format` says: the version of this layout.
pub const MANIFEST_FORMAT: &str = "lovefund-audit-pack-1";

/// One file of a pack: its path in the archive, its size and its SHA-256 (hex).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Member {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// manifest.json: what the pack holds, signed whole by manifest.sig.
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub year: i32,
    pub fund: String,
    /// The ledger's fingerprint when the pack was made: its chain head, hex.
    pub fingerprint: String,
    /// The id of the key manifest.sig is made with, and the key itself.
    pub key_id: String,
    pub public_key: String,
    /// When the pack was made (UTC).
    pub made_at: String,
    /// Every file of the pack but manifest.json and manifest.sig, in the zip's order.
    pub files: Vec<Member>,
}

/// One file of a pack that differs from its manifest.
#[derive(Debug, Serialize)]
pub struct FileFinding {
    pub path: String,
    pub problem: FileProblem,
}

/// Compares a pack's files with its manifest: each changed, added or removed file,
/// in the manifest's order, then the added ones in the zip's.
pub fn compare(manifest: &Manifest, members: &[Member]) -> Vec<FileFinding> {
    use std::collections::HashMap;
    let present: HashMap<&str, &Member> = members.iter().map(|m| (m.path.as_str(), m)).collect();
    let listed: HashMap<&str, &Member> = manifest
        .files
        .iter()
        .map(|m| (m.path.as_str(), m))
        .collect();
    let mut findings = Vec::new();
    for file in &manifest.files {
        match present.get(file.path.as_str()) {
            None => findings.push(FileFinding {
                path: file.path.clone(),
                problem: FileProblem::Removed,
            }),
            Some(m) if m.sha256 != file.sha256 || m.size != file.size => {
                findings.push(FileFinding {
                    path: file.path.clone(),
                    problem: FileProblem::Changed,
                })
            }
            Some(_) => {}
        }
    }
    // A name the zip holds twice is one file too many, whichever copy a tool shows:
    // the second is named as added even when the manifest lists the name.
    let mut seen = std::collections::HashSet::new();
    for member in members {
        let again = !seen.insert(member.path.as_str());
        if again || !listed.contains_key(member.path.as_str()) {
            findings.push(FileFinding {
                path: member.path.clone(),
                problem: FileProblem::Added,
            });
        }
    }
    // Of a name held twice, each copy is compared: one that differs is changed.
    for member in members {
        if let Some(file) = listed.get(member.path.as_str())
            && (member.sha256 != file.sha256 || member.size != file.size)
            && present
                .get(member.path.as_str())
                .is_some_and(|m| !std::ptr::eq(*m, member))
        {
            findings.push(FileFinding {
                path: member.path.clone(),
                problem: FileProblem::Changed,
            });
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_held_twice_is_named_whichever_copy_is_good() {
        let manifest = Manifest {
            format: MANIFEST_FORMAT.into(),
            year: 2022,
            fund: String::new(),
            fingerprint: String::new(),
            key_id: String::new(),
            public_key: String::new(),
            made_at: String::new(),
            files: vec![member("a", "1")],
        };
        for members in [
            [member("a", "9"), member("a", "1")],
            [member("a", "1"), member("a", "9")],
        ] {
            let found = compare(&manifest, &members);
            let named: Vec<_> = found.iter().map(|f| (f.path.as_str(), f.problem)).collect();
            assert!(named.contains(&("a", FileProblem::Added)), "{named:?}");
            assert!(named.contains(&("a", FileProblem::Changed)), "{named:?}");
        }
    }

    fn member(path: &str, sha256: &str) -> Member {
        Member {
            path: path.into(),
            size: 1,
            sha256: sha256.into(),
        }
    }

    #[test]
    fn a_changed_an_added_and_a_removed_file_are_each_named() {
        let manifest = Manifest {
            format: MANIFEST_FORMAT.into(),
            year: 2022,
            fund: String::new(),
            fingerprint: String::new(),
            key_id: String::new(),
            public_key: String::new(),
            made_at: String::new(),
            files: vec![member("a", "1"), member("b", "2"), member("c", "3")],
        };
        let found = compare(
            &manifest,
            &[member("a", "1"), member("b", "9"), member("d", "4")],
        );
        let named: Vec<_> = found.iter().map(|f| (f.path.as_str(), f.problem)).collect();
        assert_eq!(
            named,
            [
                ("b", FileProblem::Changed),
                ("c", FileProblem::Removed),
                ("d", FileProblem::Added)
            ]
        );
    }
}
