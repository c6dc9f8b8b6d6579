//! Users, signing in and roles (issue 17 §1); the review itself is `ops::review`.
//!
//! A ledger without users works as it always did: whoever opens it is its one
//! treasurer, recorded by the name they give (the OS user by default). Once `user
//! add` has run, opening the ledger signs a user in: the front end passes
//! `Credentials`, and the password is asked for only then. A wrong password waits
//! `SIGN_IN_DELAY` and is refused; nothing is written, and no failure counter is kept
//! (the file is the user's own: a counter in it could simply be reset).
//!
//! What each role may do is checked here, in the core, when an operation asks the
//! ledger for write access (`Ledger::store_for`): treasurers change the books and
//! manage users, reviewers approve or reject entries others prepared, auditors only
//! read. Everyone may change their own password.

use super::{Actor, Ledger};
use crate::error::message::{AccessMessage, Action};
use crate::error::{Error, Field, Quoted, Result};
use crate::i18n::Lang;
use crate::ledger::user::{
    self, Role, User, UserEvent, UserRecord, check_new_password, hash_secret, normalise_code,
    secret_matches,
};
use crate::render::Render;
use crate::store::{Read, Store, UnitOfWork};
use serde::Serialize;
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

/// How long a refused sign-in waits before it says so.
pub const SIGN_IN_DELAY: Duration = Duration::from_secs(2);

/// Who is signing in, and (asked only when the ledger has users) their password.
pub trait Credentials {
    fn user(&self) -> &str;
    fn password(&self) -> Result<String>;
}

/// A name without a password, for a ledger known to have no users (the demo, tests);
/// refused on a ledger that has them.
pub struct NoPassword<'a>(pub &'a str);

impl Credentials for NoPassword<'_> {
    fn user(&self) -> &str {
        self.0
    }
    fn password(&self) -> Result<String> {
        Err(Error::input_in(
            Field::Password,
            AccessMessage::SignInFailed {
                user: self.0.into(),
            },
        ))
    }
}

/// Who has the ledger open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Identity {
    pub name: String,
    pub role: Role,
    /// False on a ledger without users: then nobody signed in, and `name` is the
    /// name given.
    pub signed_in: bool,
}

/// Signs `credentials` in to `store`: on a ledger without users, whoever it names is
/// the treasurer.
pub(super) fn sign_in(store: &Store, credentials: &dyn Credentials) -> Result<Identity> {
    let name = credentials.user().trim();
    if !store.has_users()? {
        return Ok(Identity {
            name: name.to_string(),
            role: Role::Treasurer,
            signed_in: false,
        });
    }
    let users = user::fold(&store.user_records()?);
    let password = credentials.password()?;
    let found = users.iter().find(|u| u.name == name);
    // An unknown user costs the same hash as a known one, then the same wait.
    let matches = match found {
        Some(u) => secret_matches(&u.password_hash, &password),
        None => {
            let _ = hash_secret(&password);
            false
        }
    };
    match found {
        Some(u) if matches => {
            if u.disabled {
                return Err(Error::conflict(AccessMessage::UserDisabled {
                    user: u.name.clone(),
                }));
            }
            Ok(Identity {
                name: u.name.clone(),
                role: u.role,
                signed_in: true,
            })
        }
        _ => {
            std::thread::sleep(SIGN_IN_DELAY);
            Err(Error::input_in(
                Field::Password,
                AccessMessage::SignInFailed { user: name.into() },
            ))
        }
    }
}

/// The identity of `name`, who signed in before: refused when they are no longer a
/// user, or are disabled now.
pub(super) fn resume(store: &Store, name: &str) -> Result<Identity> {
    let users = user::fold(&store.user_records()?);
    let Some(u) = users.iter().find(|u| u.name == name) else {
        return Err(Error::input_in(
            Field::Password,
            AccessMessage::SignInFailed { user: name.into() },
        ));
    };
    if u.disabled {
        return Err(Error::conflict(AccessMessage::UserDisabled {
            user: u.name.clone(),
        }));
    }
    Ok(Identity {
        name: u.name.clone(),
        role: u.role,
        signed_in: true,
    })
}

/// Whether `identity` may do `action`: refused with who they are and who may.
pub(super) fn allow(identity: &Identity, action: Action) -> Result<()> {
    let allowed = match action {
        Action::Write | Action::ManageUsers | Action::TakeSigningKey => {
            identity.role == Role::Treasurer
        }
        Action::Review => {
            if !identity.signed_in {
                return Err(Error::conflict(AccessMessage::NoUsers));
            }
            identity.role == Role::Reviewer
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Error::conflict(AccessMessage::NotAllowed {
            user: identity.name.clone(),
            role: identity.role,
            action,
        }))
    }
}

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    let fits = !name.is_empty()
        && name.chars().count() <= super::USER_LENGTH_MAX
        && !name.chars().any(|c| c.is_whitespace() || c.is_control());
    if fits {
        Ok(name.to_string())
    } else {
        Err(Error::input_in(
            Field::User,
            AccessMessage::NotAUserName { text: name.into() },
        ))
    }
}

fn find_user<'a>(users: &'a [User], name: &str) -> Result<&'a User> {
    users.iter().find(|u| u.name == name.trim()).ok_or_else(|| {
        Error::not_found_in(
            Field::User,
            AccessMessage::UnknownUser {
                user: Quoted::new(name),
                users: users.iter().map(|u| u.name.clone()).collect(),
            },
        )
    })
}

fn record(
    actor: &Actor,
    name: &str,
    event: UserEvent,
    role: Option<Role>,
    hash: Option<String>,
) -> UserRecord {
    UserRecord {
        id: 0,
        name: name.to_string(),
        event,
        role,
        password_hash: hash,
        recorded_by: actor.user.clone(),
        recorded_at: actor.recorded_at.clone(),
    }
}

/// What `user add`, `passwd`, `reset`, `role`, `disable`, `enable` and `recover` did.
#[derive(Debug, Serialize)]
pub struct UserChanged {
    pub user: String,
    pub event: UserEvent,
    pub role: Option<Role>,
    /// A new recovery code, shown this once (the first `user add`, each `recover`).
    pub recovery_code: Option<String>,
}

impl Render for UserChanged {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let user = &self.user;
        let role = self
            .role
            .map(|r| crate::i18n::say::role_name(lang, r))
            .unwrap_or_default();
        let line = match (self.event, lang) {
            (UserEvent::Add, Lang::ZhHant) => format!("已加入使用者 {user}（{role}）"),
            (UserEvent::Add, Lang::ZhHans) => format!("已加入用户 {user}（{role}）"),
            (UserEvent::Add, Lang::En) => format!("Added user {user} ({role})"),
            (UserEvent::Password, Lang::ZhHant) => format!("已設定 {user} 的新密碼"),
            (UserEvent::Password, Lang::ZhHans) => format!("已设置 {user} 的新密码"),
            (UserEvent::Password, Lang::En) => format!("Set a new password for {user}"),
            (UserEvent::Role, Lang::ZhHant) => format!("{user} 現在是{role}"),
            (UserEvent::Role, Lang::ZhHans) => format!("{user} 现在是{role}"),
            (UserEvent::Role, Lang::En) => format!("{user} is now a {role}"),
            (UserEvent::Disable, Lang::ZhHant) => format!("已停用使用者 {user}"),
            (UserEvent::Disable, Lang::ZhHans) => format!("已停用用户 {user}"),
            (UserEvent::Disable, Lang::En) => format!("Disabled user {user}"),
            (UserEvent::Enable, Lang::ZhHant) => format!("已恢復使用者 {user}"),
            (UserEvent::Enable, Lang::ZhHans) => format!("已恢复用户 {user}"),
            (UserEvent::Enable, Lang::En) => format!("Enabled user {user}"),
        };
        writeln!(out, "{line}")?;
        if let Some(code) = &self.recovery_code {
            let note = match lang {
                Lang::ZhHant => format!(
                    "恢復碼：{code}\n請把它抄在紙上，鎖好保管；它只顯示這一次。司庫忘記密碼時，用 lovefund user recover 姓名 和這個碼重設密碼。"
                ),
                Lang::ZhHans => format!(
                    "恢复码：{code}\n请把它抄在纸上，锁好保管；它只显示这一次。司库忘记密码时，用 lovefund user recover 姓名 和这个码重设密码。"
                ),
                Lang::En => format!(
                    "Recovery code: {code}\nWrite it on paper and lock it away; it is shown this once. If a treasurer forgets their password, lovefund user recover NAME with this code sets a new one."
                ),
            };
            writeln!(out, "{note}")?;
        }
        Ok(())
    }
}

/// Whether the signed-in user may add users (anyone may add the first): asked before
/// a front end asks for the new password.
pub fn may_add_user(ledger: &Ledger) -> Result<()> {
    if !ledger.reader().has_users()? {
        return Ok(());
    }
    allow(ledger.identity()?, Action::ManageUsers)
}

/// Whether the signed-in user may manage users.
pub fn may_manage_users(ledger: &Ledger) -> Result<()> {
    allow(ledger.identity()?, Action::ManageUsers)
}

/// Adds a user with `role` and `password`. The first user of a ledger must be a
/// treasurer; it gets the recovery code. After that only treasurers add users.
pub fn add_user(
    ledger: &mut Ledger,
    actor: &Actor,
    name: &str,
    role: Role,
    password: &str,
) -> Result<UserChanged> {
    let name = check_name(name)?;
    check_new_password(password)?;
    let first = !ledger.reader().has_users()?;
    if first && role != Role::Treasurer {
        return Err(Error::input_in(
            Field::Role,
            AccessMessage::FirstUserTreasurer,
        ));
    }
    let hash = hash_secret(password)?;
    let code = if first {
        Some(user::new_recovery_code()?)
    } else {
        None
    };
    let code_hash = code
        .as_deref()
        .map(|c| hash_secret(&normalise_code(c)))
        .transpose()?;
    let store = if first {
        ledger.store_signed_in()?
    } else {
        ledger.store_for(Action::ManageUsers)?
    };
    store.write(&actor.stamp(), |unit| {
        let users = user::fold(&unit.user_records()?);
        if users.iter().any(|u| u.name == name) {
            return Err(Error::conflict_in(
                Field::User,
                AccessMessage::UserExists { user: name.clone() },
            ));
        }
        unit.insert_user_record(&record(
            actor,
            &name,
            UserEvent::Add,
            Some(role),
            Some(hash),
        ))?;
        if let Some(code_hash) = &code_hash {
            unit.insert_recovery_code(code_hash, &actor.user, &actor.recorded_at)?;
        }
        Ok(())
    })?;
    Ok(UserChanged {
        user: name,
        event: UserEvent::Add,
        role: Some(role),
        recovery_code: code,
    })
}

/// The signed-in user's own new password.
pub fn change_own_password(
    ledger: &mut Ledger,
    actor: &Actor,
    password: &str,
) -> Result<UserChanged> {
    check_new_password(password)?;
    let identity = ledger.identity()?.clone();
    if !identity.signed_in {
        return Err(Error::conflict(AccessMessage::NoUsers));
    }
    let hash = hash_secret(password)?;
    let name = identity.name;
    ledger.store_signed_in()?.write(&actor.stamp(), |unit| {
        unit.insert_user_record(&record(actor, &name, UserEvent::Password, None, Some(hash)))
    })?;
    Ok(UserChanged {
        user: name,
        event: UserEvent::Password,
        role: None,
        recovery_code: None,
    })
}

/// A treasurer sets a new password for `name`.
pub fn reset_password(
    ledger: &mut Ledger,
    actor: &Actor,
    name: &str,
    password: &str,
) -> Result<UserChanged> {
    check_new_password(password)?;
    let hash = hash_secret(password)?;
    let name = managed(ledger, name)?;
    ledger
        .store_for(Action::ManageUsers)?
        .write(&actor.stamp(), |unit| {
            unit.insert_user_record(&record(actor, &name, UserEvent::Password, None, Some(hash)))
        })?;
    Ok(UserChanged {
        user: name,
        event: UserEvent::Password,
        role: None,
        recovery_code: None,
    })
}

/// Checks that the signed-in user manages users and that `name` is one; its name.
fn managed(ledger: &Ledger, name: &str) -> Result<String> {
    let identity = ledger.identity()?;
    if !identity.signed_in {
        return Err(Error::conflict(AccessMessage::NoUsers));
    }
    allow(identity, Action::ManageUsers)?;
    let users = user::fold(&ledger.reader().user_records()?);
    Ok(find_user(&users, name)?.name.clone())
}

/// Whether taking `name` out of the treasurers would leave none active.
fn last_treasurer(users: &[User], name: &str) -> bool {
    !users
        .iter()
        .any(|u| u.name != name && u.role == Role::Treasurer && !u.disabled)
}

/// A treasurer gives `name` another role.
pub fn set_role(ledger: &mut Ledger, actor: &Actor, name: &str, role: Role) -> Result<UserChanged> {
    let name = managed(ledger, name)?;
    ledger
        .store_for(Action::ManageUsers)?
        .write(&actor.stamp(), |unit| {
            let users = user::fold(&unit.user_records()?);
            let user = find_user(&users, &name)?;
            if user.role == role {
                return Err(Error::conflict_in(
                    Field::Role,
                    AccessMessage::SameRole {
                        user: name.clone(),
                        role,
                    },
                ));
            }
            if user.role == Role::Treasurer && last_treasurer(&users, &name) {
                return Err(Error::conflict(AccessMessage::LastTreasurer {
                    user: name.clone(),
                }));
            }
            unit.insert_user_record(&record(actor, &name, UserEvent::Role, Some(role), None))
        })?;
    Ok(UserChanged {
        user: name,
        event: UserEvent::Role,
        role: Some(role),
        recovery_code: None,
    })
}

/// A treasurer disables `name` (`enable` false: enables them again).
pub fn set_disabled(
    ledger: &mut Ledger,
    actor: &Actor,
    name: &str,
    disable: bool,
) -> Result<UserChanged> {
    let name = managed(ledger, name)?;
    let event = if disable {
        UserEvent::Disable
    } else {
        UserEvent::Enable
    };
    ledger
        .store_for(Action::ManageUsers)?
        .write(&actor.stamp(), |unit| {
            let users = user::fold(&unit.user_records()?);
            let user = find_user(&users, &name)?;
            match (disable, user.disabled) {
                (true, true) => {
                    return Err(Error::conflict(AccessMessage::AlreadyDisabled {
                        user: name.clone(),
                    }));
                }
                (false, false) => {
                    return Err(Error::conflict(AccessMessage::NotDisabled {
                        user: name.clone(),
                    }));
                }
                _ => {}
            }
            if disable && user.role == Role::Treasurer && last_treasurer(&users, &name) {
                return Err(Error::conflict(AccessMessage::LastTreasurer {
                    user: name.clone(),
                }));
            }
            unit.insert_user_record(&record(actor, &name, event, None, None))
        })?;
    Ok(UserChanged {
        user: name,
        event,
        role: None,
        recovery_code: None,
    })
}

/// With the recovery code, sets a new password for treasurer `name` of the ledger
/// at `path` without signing in; uses the code up and returns the next one.
pub fn recover(
    path: &Path,
    actor: &Actor,
    name: &str,
    code: &str,
    password: &str,
) -> Result<UserChanged> {
    check_new_password(password)?;
    let mut ledger = Ledger::open_for_writing(path)?;
    let store = ledger.store_mut_unchecked();
    let Some(code_hash) = store.recovery_code_hash()? else {
        return Err(Error::conflict(AccessMessage::NoUsers));
    };
    if !secret_matches(&code_hash, &normalise_code(code)) {
        std::thread::sleep(SIGN_IN_DELAY);
        return Err(Error::input_in(
            Field::RecoveryCode,
            AccessMessage::WrongRecoveryCode,
        ));
    }
    let users = user::fold(&store.user_records()?);
    let user = find_user(&users, name)?;
    if user.role != Role::Treasurer {
        return Err(Error::conflict_in(
            Field::User,
            AccessMessage::RecoverNotTreasurer {
                user: user.name.clone(),
            },
        ));
    }
    let name = user.name.clone();
    let hash = hash_secret(password)?;
    let next = user::new_recovery_code()?;
    let next_hash = hash_secret(&normalise_code(&next))?;
    store.write(&actor.stamp(), |unit| {
        unit.insert_user_record(&record(actor, &name, UserEvent::Password, None, Some(hash)))?;
        if user.disabled {
            unit.insert_user_record(&record(actor, &name, UserEvent::Enable, None, None))?;
        }
        unit.insert_recovery_code(&next_hash, &actor.user, &actor.recorded_at)
    })?;
    Ok(UserChanged {
        user: name,
        event: UserEvent::Password,
        role: None,
        recovery_code: Some(next),
    })
}

/// `user list`: every user, with role and state.
#[derive(Debug, Serialize)]
pub struct UserList {
    pub users: Vec<User>,
    /// The ledger's time zone, for the times shown.
    #[serde(skip)]
    pub zone: crate::ledger::time::LocalTime,
}

pub fn list_users(ledger: &Ledger) -> Result<UserList> {
    Ok(UserList {
        users: user::fold(&ledger.reader().user_records()?),
        zone: ledger.reader().local_time()?,
    })
}

impl Render for UserList {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        use crate::i18n::L;
        if self.users.is_empty() {
            let line = match lang {
                Lang::ZhHant => {
                    "這個賬本還沒有使用者：誰打開它誰就是司庫。用 lovefund user add 姓名 --role treasurer 加入第一位。"
                }
                Lang::ZhHans => {
                    "这个账本还没有用户：谁打开它谁就是司库。用 lovefund user add 姓名 --role treasurer 加入第一位。"
                }
                Lang::En => {
                    "This ledger has no users yet: whoever opens it is its treasurer. Add the first with lovefund user add NAME --role treasurer."
                }
            };
            return writeln!(out, "{line}");
        }
        use crate::render::table::{Align, Table};
        let mut table = Table::new(&[
            (L::User.get(lang), Align::Left),
            (L::Role.get(lang), Align::Left),
            (L::Status.get(lang), Align::Left),
            (L::AddedAt.get(lang), Align::Left),
            (L::PasswordSetAt.get(lang), Align::Left),
        ]);
        for u in &self.users {
            table.row(vec![
                u.name.clone(),
                crate::i18n::say::role_name(lang, u.role).to_string(),
                if u.disabled {
                    L::Disabled.get(lang)
                } else {
                    L::Active.get(lang)
                }
                .to_string(),
                self.zone.show(&u.added_at),
                self.zone.show(&u.password_set_at),
            ]);
        }
        table.write(out)
    }
}
