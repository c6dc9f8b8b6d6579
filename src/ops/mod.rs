//! The operations every front end calls: record a donation, reverse an entry, close a
//! year, import a file, print receipts … Each takes a typed request (values already
//! parsed: `Money`, `NaiveDate`), runs as one transaction, and returns a typed result
//! or a typed refusal (`Error::Refused`, naming the field). The rules live here — the
//! CLI (and later the web page) only turns its input into a request, calls the
//! operation and renders the result; neither opens a transaction of its own.
//!
//! Not here: the journal's invariants themselves (ledger/, enforced again by the
//! store's append), SQL (store/), and how a result looks (each result implements
//! `render::Render`).

pub mod attachments;
pub mod audit_pack;
pub mod bill_import;
pub mod chart;
pub mod close;
pub mod config;
pub mod dashboard;
pub mod demo;
pub mod disclosure;
pub mod documents;
pub mod export;
pub mod import;
pub mod journal;
pub mod merges;
pub mod people;
pub mod profiles;
pub mod receipts;
pub mod reconcile;
pub mod reports;
pub mod review;
pub mod serve;
pub mod signing;
pub mod users;
pub mod vouchers;
pub mod workers;

use crate::error::{Field, Result};
use crate::i18n::Lang;
use crate::ledger::append::Stamp;
use crate::ledger::entry::check_text;
use crate::store::Read;
use crate::store::Store;
use chrono::NaiveDate;
use std::path::Path;

/// Who does an operation, and when: the recorder of every entry it writes, the
/// recording time, and the day that counts as today (default dates, "has this year
/// ended?"). Passed in, so the core never reads the clock itself.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user: String,
    /// The recording time, RFC 3339 in UTC (`2022-03-01T08:00:00Z`).
    pub recorded_at: String,
    pub today: NaiveDate,
}

/// The longest name a recorder may have.
pub const USER_LENGTH_MAX: usize = 100;

impl Actor {
    /// Who records, when and on what day, as a unit of work takes it.
    pub fn stamp(&self) -> Stamp<'_> {
        Stamp {
            recorded_by: &self.user,
            recorded_at: &self.recorded_at,
            today: self.today,
        }
    }

    /// `user` as the recorder, now, with today's local date.
    pub fn now(user: &str) -> Result<Actor> {
        check_text(Field::User, user, USER_LENGTH_MAX)?;
        Ok(Actor {
            user: user.trim().to_string(),
            recorded_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            today: chrono::Local::now().date_naive(),
        })
    }
}

/// An opened ledger, for reading or for operations that change it. Opening it is
/// not enough to change it: `sign_in` says who has it open, and each operation asks
/// for the access it needs (`store_for`), which the role decides.
pub struct Ledger {
    store: Store,
    identity: Option<users::Identity>,
}

impl Ledger {
    /// Opens an existing ledger to read it: read-only at the OS level with
    /// `read_only`, and with the small page cache reports need.
    pub fn open_for_reading(path: &Path, read_only: bool) -> Result<Ledger> {
        let store = Store::open(path, read_only)?;
        store.tune_for_reading()?;
        Ok(Ledger {
            store,
            identity: None,
        })
    }

    /// Opens an existing ledger to change it (applying any pending migrations).
    pub fn open_for_writing(path: &Path) -> Result<Ledger> {
        Ok(Ledger {
            store: Store::open(path, false)?,
            identity: None,
        })
    }

    /// Signs `credentials` in (on a ledger without users, whoever they name is its
    /// treasurer); a wrong password waits, then is refused.
    pub fn sign_in(&mut self, credentials: &dyn users::Credentials) -> Result<&users::Identity> {
        let identity = users::sign_in(&self.store, credentials)?;
        Ok(self.identity.insert(identity))
    }

    /// Opens the ledger at `path` for a user who signed in before (a web session),
    /// without their password: their role and state are read again from the ledger,
    /// so a user disabled or given another role since is so at once. `read_only`
    /// opens it read-only (`serve --read-only`): every change is then refused.
    pub fn resume(path: &Path, name: &str, read_only: bool) -> Result<Ledger> {
        let mut ledger = Ledger {
            store: Store::open(path, read_only)?,
            identity: None,
        };
        ledger.resume_as(name)?;
        Ok(ledger)
    }

    /// Signs `name` in again on a ledger kept open between requests (a server's):
    /// their role and state are read again, whoever used it before, and the
    /// connection's settings are those of a fresh one. Refused as `resume` is; the
    /// ledger then has no one signed in.
    pub fn resume_as(&mut self, name: &str) -> Result<()> {
        self.identity = None;
        self.store.reset_settings()?;
        self.identity = Some(users::resume(&self.store, name)?);
        Ok(())
    }

    /// Leaves the write-ahead log's checkpoints to `checkpoint` (a server calls it
    /// from a thread of its own) instead of the commit that fills the log.
    pub fn defer_checkpoints(&self) -> Result<()> {
        self.store.defer_checkpoints()
    }

    /// Copies the write-ahead log into the ledger file as far as no reader needs it;
    /// changes nothing in the books.
    pub fn checkpoint(&self) -> Result<()> {
        self.store.checkpoint()
    }

    /// Whether the ledger is between transactions, so it can be kept open for the
    /// next request (an operation that failed midway has rolled back by now; one
    /// that did not is not reused).
    pub fn is_idle(&self) -> bool {
        self.store.is_idle()
    }

    /// Whether the ledger has users (then every front end signs one in).
    pub fn has_users(&self) -> Result<bool> {
        self.store.has_users()
    }

    /// Who signed in; refused before anyone has.
    pub fn identity(&self) -> Result<&users::Identity> {
        self.identity.as_ref().ok_or_else(|| {
            crate::error::Error::input_in(
                Field::Password,
                crate::error::message::AccessMessage::SignInFailed { user: "".into() },
            )
        })
    }

    /// The ledger's own language (set by `init --lang`), for receipts, summaries and
    /// the memos the operations write.
    pub fn lang(&self) -> Lang {
        self.store
            .meta("lang")
            .ok()
            .flatten()
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default()
    }

    /// Counts in `commits` every change this ledger commits from now on.
    pub fn count_commits_in(&mut self, commits: std::sync::Arc<std::sync::atomic::AtomicU64>) {
        self.store.count_commits_in(commits);
    }

    /// The ledger for reports and checks to read.
    pub fn reader(&self) -> &Store {
        &self.store
    }

    /// The store, to change the books: the signed-in user must be a treasurer.
    pub(crate) fn store_mut(&mut self) -> Result<&mut Store> {
        self.store_for(crate::error::message::Action::Write)
    }

    /// The store, for an operation that does `action`, if the signed-in user's role
    /// allows it.
    pub(crate) fn store_for(
        &mut self,
        action: crate::error::message::Action,
    ) -> Result<&mut Store> {
        users::allow(self.identity()?, action)?;
        Ok(&mut self.store)
    }

    /// The store, for what any signed-in user may change of their own (a password).
    pub(crate) fn store_signed_in(&mut self) -> Result<&mut Store> {
        self.identity()?;
        Ok(&mut self.store)
    }

    /// The store with no sign-in: for `user recover` alone, which proves itself
    /// with the recovery code.
    fn store_mut_unchecked(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }
}

/// The language a ledger was made in, read without signing in (for words said
/// before anyone has: a help page, a sign-in prompt, `user recover`).
pub fn ledger_lang(path: &Path) -> Option<Lang> {
    if !path.exists() {
        return None;
    }
    let store = Store::open(path, true).ok()?;
    store
        .meta("lang")
        .ok()
        .flatten()
        .and_then(|l| Lang::parse(&l))
}

/// Optional text as typed: trimmed, None when blank, refused when too long or holding
/// control characters.
pub(crate) fn optional_text(
    field: Field,
    value: Option<String>,
    length_max: usize,
) -> Result<Option<String>> {
    match value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        None => Ok(None),
        Some(v) => {
            check_text(field, &v, length_max)?;
            Ok(Some(v))
        }
    }
}

#[cfg(test)]
mod tests;
