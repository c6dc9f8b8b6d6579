//! The sentences of users, roles and review (issue 17 §1): signing in, what a role
//! may do, managing users, approving and rejecting entries.

use super::Quoted;
use serde::Serialize;

/// What a user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// 司庫: records, corrects, prints, closes, manages users.
    Treasurer,
    /// 審核人: reads, and approves or rejects entries others prepared.
    Reviewer,
    /// 審計: reads only.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Treasurer, Role::Reviewer, Role::Auditor];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Treasurer => "treasurer",
            Role::Reviewer => "reviewer",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// A reviewer's decision on an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Approved,
    Rejected,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::Rejected => "rejected",
        }
    }

    pub fn parse(text: &str) -> Option<Verdict> {
        match text {
            "approved" => Some(Verdict::Approved),
            "rejected" => Some(Verdict::Rejected),
            _ => None,
        }
    }
}

/// What a refused user tried to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Change the books: record, correct, print, import, close, configure.
    Write,
    /// Approve or reject entries.
    Review,
    /// Add, reset, disable users or change their roles.
    ManageUsers,
    /// Copy the receipt signing secret out (`backup --with-signing-key`).
    TakeSigningKey,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccessMessage {
    PasswordTooShort {
        min: i64,
    },
    PasswordNotAllowed {
        max: i64,
    },
    /// An unknown user or a wrong password: one sentence for both, so a guesser
    /// does not learn which names exist.
    SignInFailed {
        user: Quoted,
    },
    UserDisabled {
        user: String,
    },
    NotAllowed {
        user: String,
        role: Role,
        action: Action,
    },
    NotARole {
        text: Quoted,
    },
    NotAUserName {
        text: Quoted,
    },
    UserExists {
        user: String,
    },
    UnknownUser {
        user: Quoted,
        users: Vec<String>,
    },
    /// The first user of a ledger must be able to manage the others.
    FirstUserTreasurer,
    /// Disabling or demoting the last treasurer would lock the books.
    LastTreasurer {
        user: String,
    },
    /// The command needs users, and the ledger has none.
    NoUsers,
    SameRole {
        user: String,
        role: Role,
    },
    AlreadyDisabled {
        user: String,
    },
    NotDisabled {
        user: String,
    },
    /// The reviewer prepared the entry.
    OwnEntry {
        entry: i64,
        user: String,
    },
    AlreadyDecided {
        entry: i64,
        verdict: Verdict,
        by: String,
    },
    /// `entry reject` without a reason.
    RejectNeedsReason,
    WrongRecoveryCode,
    RecoverNotTreasurer {
        user: String,
    },
    /// `close --year` while entries of the year wait for review.
    Unapproved {
        year: i32,
        count: i64,
        entries: Vec<i64>,
        setting: String,
    },
}
