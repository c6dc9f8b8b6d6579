//! Creating a ledger and its chart: `init`, a new account, a new fund.

use super::{Actor, Ledger};
use crate::error::{Field, Result};
use crate::i18n::{L, Lang};
use crate::ledger::account::{AccountCode, AccountType, check_name};
use crate::ledger::fund::FundId;
use crate::render::Render;
use crate::store::{Store, UnitOfWork};
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A new ledger: its file, the fund's name and the ledger's own language.
pub struct InitRequest {
    pub path: PathBuf,
    /// None: the default name (愛心基金), shown in each reader's own script.
    pub name: Option<String>,
    pub lang: Lang,
}

#[derive(Debug, Serialize)]
pub struct Initialized {
    pub db: String,
    pub name: String,
    pub lang: &'static str,
}

/// Creates the ledger file (mode 0600, never over an existing file) with the default
/// chart and funds.
pub fn init(actor: &Actor, request: InitRequest) -> Result<Initialized> {
    use crate::ledger::words::{DEFAULT_LEDGER_NAME, LEDGER_NAME_SOURCE, default_ledger_name};
    let (name, source) = match &request.name {
        Some(typed) => (check_name(Field::Name, typed)?, "typed"),
        None => (DEFAULT_LEDGER_NAME.to_string(), "default"),
    };
    let mut store = Store::create(&request.path)?;
    store.write(&actor.stamp(), |unit| {
        unit.meta_set("name", &name)?;
        unit.meta_set(LEDGER_NAME_SOURCE, source)?;
        unit.meta_set("lang", request.lang.code())?;
        unit.meta_set("created_at", &actor.recorded_at)?;
        unit.identity_key()?;
        unit.first_signing_key(&actor.user, &actor.recorded_at)?;
        Ok(())
    })?;
    store.seed_default_chart(&actor.user, &actor.recorded_at)?;
    let name = match request.name {
        Some(_) => name,
        None => default_ledger_name(request.lang.into()).to_string(),
    };
    Ok(Initialized {
        db: request.path.display().to_string(),
        name,
        lang: request.lang.code(),
    })
}

impl Render for Initialized {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        writeln!(
            out,
            "{}: {} ({}) — {}",
            L::Ledger.get(lang),
            self.name,
            self.lang,
            Path::new(&self.db).display()
        )
    }
}

#[derive(Debug, Serialize)]
pub struct AccountAdded {
    pub code: AccountCode,
    pub name: String,
    #[serde(rename = "type")]
    pub account_type: AccountType,
}

/// Adds an account to the chart; a sub-account's code extends its parent's.
pub fn add_account(
    ledger: &mut Ledger,
    actor: &Actor,
    code: &str,
    name: &str,
    account_type: AccountType,
) -> Result<AccountAdded> {
    let code = AccountCode::parse(code)?;
    let name = check_name(Field::Name, name)?;
    ledger
        .store_mut()?
        .add_account(&code, account_type, &name, &actor.user, &actor.recorded_at)?;
    Ok(AccountAdded {
        code,
        name,
        account_type,
    })
}

impl Render for AccountAdded {
    fn text(&self, out: &mut dyn Write, _: Lang) -> io::Result<()> {
        writeln!(
            out,
            "{} {} ({})",
            self.code,
            self.name,
            self.account_type.as_str()
        )
    }
}

#[derive(Debug, Serialize)]
pub struct FundAdded {
    pub id: FundId,
    pub name: String,
    pub restricted: bool,
}

/// Adds a fund, e.g. one a donor designates.
pub fn add_fund(
    ledger: &mut Ledger,
    actor: &Actor,
    name: &str,
    restricted: bool,
) -> Result<FundAdded> {
    let name = check_name(Field::Name, name)?;
    let id = ledger
        .store_mut()?
        .add_fund(&name, restricted, &actor.user, &actor.recorded_at)?;
    Ok(FundAdded {
        id,
        name,
        restricted,
    })
}

impl Render for FundAdded {
    fn text(&self, out: &mut dyn Write, _: Lang) -> io::Result<()> {
        let restriction = if self.restricted {
            "restricted"
        } else {
            "unrestricted"
        };
        writeln!(out, "{} ({restriction})", self.name)
    }
}
