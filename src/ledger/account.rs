//! Accounts of the chart (民間非營利組織會計制度): a code such as `1002` or a
//! sub-account `5101.01`, a type that fixes its normal side, and names in three
//! languages. Not here: balances (see `report`).

use crate::error::message::LedgerMessage;
use crate::error::{Error, Field, Result};
use serde::Serialize;
use std::fmt;

/// The longest account code accepted (`5101.01.02`-style codes stay far below it).
pub const ACCOUNT_CODE_LENGTH_MAX: usize = 24;
/// The longest account or fund name accepted, in characters.
pub const NAME_LENGTH_MAX: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccountType {
    Asset,
    Liability,
    NetAssets,
    Income,
    Expense,
}

impl AccountType {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountType::Asset => "asset",
            AccountType::Liability => "liability",
            AccountType::NetAssets => "net-assets",
            AccountType::Income => "income",
            AccountType::Expense => "expense",
        }
    }

    pub fn parse(text: &str) -> Option<AccountType> {
        Some(match text {
            "asset" => AccountType::Asset,
            "liability" => AccountType::Liability,
            "net-assets" => AccountType::NetAssets,
            "income" => AccountType::Income,
            "expense" => AccountType::Expense,
            _ => return None,
        })
    }

    /// Debit-normal accounts show a positive balance on the debit side.
    pub fn debit_normal(self) -> bool {
        matches!(self, AccountType::Asset | AccountType::Expense)
    }

    /// Postings on these accounts make up a fund's balance (its net assets).
    pub fn counts_toward_fund(self) -> bool {
        matches!(
            self,
            AccountType::NetAssets | AccountType::Income | AccountType::Expense
        )
    }

    /// The first digit of a code in this chart: 1 assets … 5 expenses.
    pub fn code_class(self) -> char {
        match self {
            AccountType::Asset => '1',
            AccountType::Liability => '2',
            AccountType::NetAssets => '3',
            AccountType::Income => '4',
            AccountType::Expense => '5',
        }
    }
}

/// A checked account code: four digits, then optional `.NN` sub-account parts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct AccountCode(String);

impl AccountCode {
    pub fn parse(text: &str) -> Result<AccountCode> {
        let bad = || Error::input(LedgerMessage::NotAnAccountCode { text: text.into() });
        if text.len() > ACCOUNT_CODE_LENGTH_MAX {
            return Err(bad());
        }
        let mut parts = text.split('.');
        let top = parts.next().unwrap_or_default();
        if top.len() != 4 || !top.bytes().all(|b| b.is_ascii_digit()) || top.starts_with('0') {
            return Err(bad());
        }
        for part in parts {
            if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
        }
        Ok(AccountCode(text.to_string()))
    }

    /// For codes read back from the ledger, which were checked when written.
    pub fn from_stored(text: String) -> AccountCode {
        AccountCode(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code this one is a sub-account of (`5101` for `5101.01`).
    pub fn parent(&self) -> Option<AccountCode> {
        self.0
            .rsplit_once('.')
            .map(|(parent, _)| AccountCode(parent.to_string()))
    }

    /// The four-digit top-level code.
    pub fn top(&self) -> &str {
        &self.0[..4]
    }
}

impl fmt::Display for AccountCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which of its three names a built-in account or fund goes by: the domain keeps
/// all three as data; which one a reader sees is the front end's choice (the
/// display language converts into this).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Traditional,
    Simplified,
    English,
}

/// Names in the three display languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Names {
    pub zh_hant: String,
    pub zh_hans: String,
    pub en: String,
}

impl Names {
    pub fn new(zh_hant: &str, zh_hans: &str, en: &str) -> Names {
        Names {
            zh_hant: zh_hant.to_string(),
            zh_hans: zh_hans.to_string(),
            en: en.to_string(),
        }
    }

    /// One name for all three languages (what a user adds).
    pub fn same(name: &str) -> Names {
        Names::new(name, name, name)
    }

    pub fn get(&self, script: impl Into<Script>) -> &str {
        match script.into() {
            Script::Traditional => &self.zh_hant,
            Script::Simplified => &self.zh_hans,
            Script::English => &self.en,
        }
    }
}

/// Checks a user-supplied name: not blank, not too long, no control characters.
pub fn check_name(field: impl Into<Field>, name: &str) -> Result<String> {
    let field = field.into();
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(Error::input_in(field, LedgerMessage::NameEmpty));
    }
    if trimmed.chars().count() > NAME_LENGTH_MAX {
        return Err(Error::input_in(
            field,
            LedgerMessage::TooLong {
                max: NAME_LENGTH_MAX as u64,
            },
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(Error::input_in(field, LedgerMessage::ControlInName));
    }
    super::entry::refuse_invisible(field, trimmed)?;
    Ok(trimmed.to_string())
}

#[derive(Clone, Debug, Serialize)]
pub struct Account {
    pub code: AccountCode,
    #[serde(rename = "type")]
    pub account_type: AccountType,
    pub names: Names,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert!(AccountCode::parse("1002").is_ok());
        assert_eq!(
            AccountCode::parse("5101.01")
                .unwrap()
                .parent()
                .unwrap()
                .as_str(),
            "5101"
        );
        for bad in [
            "", "102", "0102", "1002.", "1002..1", "abcd", "1002.x", "10020",
        ] {
            assert!(AccountCode::parse(bad).is_err(), "{bad}");
        }
    }
}
