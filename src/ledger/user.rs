//! Users, roles and review decisions (issue 17 §1). A user's state is the fold of
//! their chained records (added, a new password, a new role, disabled, enabled),
//! oldest first; nothing is overwritten. Passwords and the recovery code are kept as
//! argon2id PHC strings (the `argon2` crate, RustCrypto's; its default parameters,
//! which OWASP recommends: 19 MiB, 2 passes).

use crate::error::message::AccessMessage;
use crate::error::{Error, Field, Result};
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde::Serialize;

pub use crate::error::message::{Role, Verdict};

/// One chained change of a user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UserEvent {
    Add,
    Password,
    Role,
    Disable,
    Enable,
}

impl UserEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            UserEvent::Add => "add",
            UserEvent::Password => "password",
            UserEvent::Role => "role",
            UserEvent::Disable => "disable",
            UserEvent::Enable => "enable",
        }
    }

    pub fn parse(text: &str) -> Option<UserEvent> {
        [
            UserEvent::Add,
            UserEvent::Password,
            UserEvent::Role,
            UserEvent::Disable,
            UserEvent::Enable,
        ]
        .into_iter()
        .find(|e| e.as_str() == text)
    }
}

/// A user record as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UserRecord {
    pub id: i64,
    pub name: String,
    pub event: UserEvent,
    pub role: Option<Role>,
    #[serde(skip)]
    pub password_hash: Option<String>,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// A user now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct User {
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    pub added_by: String,
    pub added_at: String,
    /// When the password was last set.
    pub password_set_at: String,
    #[serde(skip)]
    pub password_hash: String,
}

/// The users now, in the order they were added, from their records oldest first.
/// A record of a user never added (which the store refuses to write) is ignored.
pub fn fold(records: &[UserRecord]) -> Vec<User> {
    let mut users: Vec<User> = Vec::new();
    for r in records {
        if r.event == UserEvent::Add {
            if let (Some(role), Some(hash)) = (r.role, &r.password_hash) {
                users.push(User {
                    name: r.name.clone(),
                    role,
                    disabled: false,
                    added_by: r.recorded_by.clone(),
                    added_at: r.recorded_at.clone(),
                    password_set_at: r.recorded_at.clone(),
                    password_hash: hash.clone(),
                });
            }
            continue;
        }
        let Some(user) = users.iter_mut().find(|u| u.name == r.name) else {
            continue;
        };
        match r.event {
            UserEvent::Add => {}
            UserEvent::Password => {
                if let Some(hash) = &r.password_hash {
                    user.password_hash = hash.clone();
                    user.password_set_at = r.recorded_at.clone();
                }
            }
            UserEvent::Role => {
                if let Some(role) = r.role {
                    user.role = role;
                }
            }
            UserEvent::Disable => user.disabled = true,
            UserEvent::Enable => user.disabled = false,
        }
    }
    users
}

/// The fewest characters a password may have.
pub const PASSWORD_CHARS_MIN: usize = 8;
/// The most: argon2 takes any length, but a 1 MB "password" is a mistake.
pub const PASSWORD_CHARS_MAX: usize = 256;

/// A new password checked against the rules: 8 to 256 characters, no control
/// characters, not only spaces.
pub fn check_new_password(password: &str) -> Result<()> {
    let chars = password.chars().count();
    if chars < PASSWORD_CHARS_MIN || password.trim().is_empty() {
        return Err(Error::input_in(
            Field::Password,
            AccessMessage::PasswordTooShort {
                min: PASSWORD_CHARS_MIN as i64,
            },
        ));
    }
    if chars > PASSWORD_CHARS_MAX || password.chars().any(char::is_control) {
        return Err(Error::input_in(
            Field::Password,
            AccessMessage::PasswordNotAllowed {
                max: PASSWORD_CHARS_MAX as i64,
            },
        ));
    }
    Ok(())
}

/// The argon2id PHC string of `secret`, with a fresh random salt.
pub fn hash_secret(secret: &str) -> Result<String> {
    Argon2::default()
        .hash_password(secret.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| Error::Storage(format!("argon2: {e}")))
}

/// Whether `secret` is the one `hash` was made from. A hash that does not parse
/// matches nothing.
pub fn secret_matches(hash: &str, secret: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(secret.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// The letters of a recovery code: digits and capitals without 0/O, 1/I/L, so it
/// can be read off paper.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A new recovery code: 20 random characters in groups of 5 (about 99 bits).
pub fn new_recovery_code() -> Result<String> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|e| Error::Storage(format!("getrandom: {e}")))?;
    let mut code = String::new();
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 5 == 0 {
            code.push('-');
        }
        // 256 % 31 leaves a bias under 1 % per letter; the code stays near 99 bits.
        code.push(CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char);
    }
    Ok(code)
}

/// A recovery code as typed, in the form it was hashed in: capitals, no spaces or
/// dashes.
pub fn normalise_code(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A decision as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub entry_id: i64,
    pub verdict: Verdict,
    pub note: Option<String>,
    pub decided_by: String,
    pub decided_at: String,
}

/// What is wrong with a recorded review decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewFault {
    /// The entry it decides on is not in the journal.
    NoEntry,
    /// Its reviewer prepared the entry.
    OwnEntry { user: String },
    /// Its reviewer was no active reviewer when it was decided.
    NotReviewer { user: String },
}

/// The faults of `decisions` (each with its entry's preparer, None when the entry is
/// missing) against the user records: two people, and the second a reviewer then.
pub fn review_faults(
    records: &[UserRecord],
    decisions: &[(Decision, Option<String>)],
) -> Vec<(i64, ReviewFault)> {
    let mut faults = Vec::new();
    for (d, preparer) in decisions {
        let Some(preparer) = preparer else {
            faults.push((d.entry_id, ReviewFault::NoEntry));
            continue;
        };
        if *preparer == d.decided_by {
            faults.push((
                d.entry_id,
                ReviewFault::OwnEntry {
                    user: d.decided_by.clone(),
                },
            ));
            continue;
        }
        // The users as they were when the decision was recorded (stored times are
        // RFC 3339 in UTC, so they sort as text).
        let then: Vec<UserRecord> = records
            .iter()
            .filter(|r| r.recorded_at <= d.decided_at)
            .cloned()
            .collect();
        let reviewer = fold(&then)
            .into_iter()
            .any(|u| u.name == d.decided_by && u.role == Role::Reviewer && !u.disabled);
        if !reviewer {
            faults.push((
                d.entry_id,
                ReviewFault::NotReviewer {
                    user: d.decided_by.clone(),
                },
            ));
        }
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(
        id: i64,
        name: &str,
        event: UserEvent,
        role: Option<Role>,
        hash: Option<&str>,
    ) -> UserRecord {
        UserRecord {
            id,
            name: name.into(),
            event,
            role,
            password_hash: hash.map(Into::into),
            recorded_by: "x".into(),
            recorded_at: format!("t{id}"),
        }
    }

    #[test]
    fn a_user_is_the_fold_of_their_records() {
        let users = fold(&[
            record(1, "王", UserEvent::Add, Some(Role::Treasurer), Some("h1")),
            record(2, "李", UserEvent::Add, Some(Role::Reviewer), Some("h2")),
            record(3, "李", UserEvent::Password, None, Some("h3")),
            record(4, "李", UserEvent::Role, Some(Role::Auditor), None),
            record(5, "王", UserEvent::Disable, None, None),
            record(6, "王", UserEvent::Enable, None, None),
            record(7, "李", UserEvent::Disable, None, None),
            record(8, "nobody", UserEvent::Disable, None, None),
        ]);
        assert_eq!(users.len(), 2);
        assert_eq!((users[0].role, users[0].disabled), (Role::Treasurer, false));
        assert_eq!(users[1].role, Role::Auditor);
        assert!(users[1].disabled);
        assert_eq!(users[1].password_hash, "h3");
        assert_eq!(users[1].password_set_at, "t3");
    }

    #[test]
    fn a_review_needs_a_second_person_who_was_a_reviewer_then() {
        let records = [
            record(1, "王", UserEvent::Add, Some(Role::Treasurer), Some("h")),
            record(2, "李", UserEvent::Add, Some(Role::Reviewer), Some("h")),
        ];
        let decision = |entry, by: &str, at: &str| Decision {
            entry_id: entry,
            verdict: Verdict::Approved,
            note: None,
            decided_by: by.into(),
            decided_at: at.into(),
        };
        let faults = review_faults(
            &records,
            &[
                (decision(1, "李", "t3"), Some("王".into())),
                (decision(2, "李", "t3"), Some("李".into())),
                (decision(3, "王", "t3"), Some("赵".into())),
                (decision(4, "李", "t1"), Some("王".into())),
                (decision(5, "李", "t3"), None),
            ],
        );
        assert_eq!(
            faults,
            vec![
                (2, ReviewFault::OwnEntry { user: "李".into() }),
                (3, ReviewFault::NotReviewer { user: "王".into() }),
                (4, ReviewFault::NotReviewer { user: "李".into() }),
                (5, ReviewFault::NoEntry),
            ]
        );
    }

    #[test]
    fn a_password_matches_only_its_hash() {
        let hash = hash_secret("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(secret_matches(&hash, "correct horse"));
        assert!(!secret_matches(&hash, "correct horsE"));
        assert!(!secret_matches("not a hash", "correct horse"));
    }

    #[test]
    fn passwords_follow_the_rules() {
        assert!(check_new_password("short").is_err());
        assert!(check_new_password("        ").is_err());
        assert!(check_new_password("long enough").is_ok());
        assert!(check_new_password("tab\there!").is_err());
        assert!(check_new_password(&"x".repeat(257)).is_err());
    }

    #[test]
    fn a_recovery_code_reads_back_as_typed() {
        let code = new_recovery_code().unwrap();
        assert_eq!(code.len(), 23);
        assert_eq!(code.matches('-').count(), 3);
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(normalise_code(&typed), code.replace('-', ""));
    }
}
