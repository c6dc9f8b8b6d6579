//! `user …` and `entry approve` / `entry reject`, and how the command line gets a
//! password: LOVEFUND_PASSWORD for scripts, else a prompt on the terminal.

use super::Context;
use crate::error::message::CliMessage;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ops::users::Credentials;
use std::io::{BufRead, IsTerminal};

/// The user named by --user / LOVEFUND_USER (or the OS user), whose password comes
/// from LOVEFUND_PASSWORD or, on a terminal, a prompt.
pub struct Prompted<'a> {
    user: &'a str,
    lang: Lang,
}

impl<'a> Prompted<'a> {
    pub fn new(user: &'a str, lang: Lang) -> Prompted<'a> {
        Prompted { user, lang }
    }
}

impl Credentials for Prompted<'_> {
    fn user(&self) -> &str {
        self.user
    }

    fn password(&self) -> Result<String> {
        if let Ok(password) = std::env::var("LOVEFUND_PASSWORD")
            && !password.is_empty()
        {
            return Ok(password);
        }
        if !terminal() {
            return Err(Error::input(CliMessage::PasswordNeeded {
                user: self.user.to_string(),
            }));
        }
        let prompt = match self.lang {
            Lang::ZhHant => format!("{} 的密碼：", self.user),
            Lang::ZhHans => format!("{} 的密码：", self.user),
            Lang::En => format!("Password for {}: ", self.user),
        };
        ask(&prompt)
    }
}

fn terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn ask(prompt: &str) -> Result<String> {
    rpassword::prompt_password(prompt).map_err(|e| {
        Error::io_said(
            crate::error::message::IoMessage::Read {
                path: "/dev/tty".into(),
            },
            e,
        )
    })
}

/// A new password: one line of standard input with `--password-stdin`, else typed
/// twice at a terminal prompt.
pub fn new_password(lang: Lang, from_stdin: bool) -> Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| {
            Error::io_said(
                crate::error::message::IoMessage::Read { path: "-".into() },
                e,
            )
        })?;
        let line = line.trim_end_matches(['\n', '\r']).to_string();
        if line.is_empty() {
            return Err(Error::input(CliMessage::NoPasswordOnStdin));
        }
        return Ok(line);
    }
    if !terminal() {
        return Err(Error::input(CliMessage::NoPasswordOnStdin));
    }
    let (first, again) = match lang {
        Lang::ZhHant => ("新密碼：", "再輸入一次："),
        Lang::ZhHans => ("新密码：", "再输入一次："),
        Lang::En => ("New password: ", "Once more: "),
    };
    let password = ask(first)?;
    if ask(again)? != password {
        return Err(Error::input(CliMessage::PasswordsDiffer));
    }
    Ok(password)
}

/// `lovefund user …`.
pub fn run(
    ctx: &Context,
    command: super::args::UserCommand,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    use super::args::UserCommand as U;
    use crate::ops::users as ops;
    match command {
        U::List => {
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            ctx.emit(out, lang, &ops::list_users(&ledger)?)
        }
        U::Recover {
            name,
            code,
            password_stdin,
        } => {
            ctx.refuse_if_read_only()?;
            let lang = ctx.lang_without_sign_in();
            let code = match code {
                Some(code) => code,
                None if terminal() => ask(match lang {
                    Lang::ZhHant => "恢復碼：",
                    Lang::ZhHans => "恢复码：",
                    Lang::En => "Recovery code: ",
                })?,
                None => {
                    return Err(Error::input_in(
                        crate::error::Field::RecoveryCode,
                        crate::error::message::AccessMessage::WrongRecoveryCode,
                    ));
                }
            };
            let password = new_password(lang, password_stdin)?;
            let done = ops::recover(&ctx.db, &ctx.actor()?, &name, &code, &password)?;
            ctx.emit(out, lang, &done)
        }
        U::Add {
            name,
            role,
            password_stdin,
        } => {
            let (mut ledger, lang, actor) = for_writing(ctx)?;
            ops::may_add_user(&ledger)?;
            let password = new_password(lang, password_stdin)?;
            let done = ops::add_user(&mut ledger, &actor, &name, role.into(), &password)?;
            ctx.emit(out, lang, &done)
        }
        U::Passwd { password_stdin } => {
            let (mut ledger, lang, actor) = for_writing(ctx)?;
            let password = new_password(lang, password_stdin)?;
            let done = ops::change_own_password(&mut ledger, &actor, &password)?;
            ctx.emit(out, lang, &done)
        }
        U::Reset {
            name,
            password_stdin,
        } => {
            let (mut ledger, lang, actor) = for_writing(ctx)?;
            ops::may_manage_users(&ledger)?;
            let password = new_password(lang, password_stdin)?;
            let done = ops::reset_password(&mut ledger, &actor, &name, &password)?;
            ctx.emit(out, lang, &done)
        }
        U::Role { name, role } => {
            let (mut ledger, lang, actor) = for_writing(ctx)?;
            let done = ops::set_role(&mut ledger, &actor, &name, role.into())?;
            ctx.emit(out, lang, &done)
        }
        U::Disable { name } => {
            let (mut ledger, lang, actor) = for_writing(ctx)?;
            let done = ops::set_disabled(&mut ledger, &actor, &name, true)?;
            ctx.emit(out, lang, &done)
        }
        U::Enable { name } => {
            let (mut ledger, lang, actor) = for_writing(ctx)?;
            let done = ops::set_disabled(&mut ledger, &actor, &name, false)?;
            ctx.emit(out, lang, &done)
        }
    }
}

/// The ledger opened for a change, the language and who changes it.
fn for_writing(ctx: &Context) -> Result<(crate::ops::Ledger, Lang, crate::ops::Actor)> {
    let ledger = ctx.open_for_writing()?;
    let lang = ctx.lang(&ledger);
    Ok((ledger, lang, ctx.actor()?))
}
