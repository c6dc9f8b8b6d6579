//! The chart as lists: accounts and funds in the display language.

use crate::error::Result;
use crate::ledger::account::AccountType;
use crate::ledger::words::Words;
use crate::store::Read;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct AccountLine {
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub account_type: AccountType,
}

#[derive(Clone, Debug, Serialize)]
pub struct FundLine {
    pub id: i64,
    pub name: String,
    pub alias: String,
    pub restricted: bool,
}

pub fn account_list(store: &impl Read, lang: impl Words) -> Result<Vec<AccountLine>> {
    Ok(store
        .accounts()?
        .into_iter()
        .map(|a| AccountLine {
            code: a.code.to_string(),
            name: a.names.get(lang.script()).to_string(),
            account_type: a.account_type,
        })
        .collect())
}

pub fn fund_list(store: &impl Read, lang: impl Words) -> Result<Vec<FundLine>> {
    Ok(store
        .funds()?
        .0
        .into_iter()
        .map(|f| FundLine {
            id: f.id.0,
            name: f.name(lang.script()).to_string(),
            alias: f.alias,
            restricted: f.restricted,
        })
        .collect())
}
