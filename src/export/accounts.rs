//! Account names hledger, ledger-cli and beancount all accept, derived from the
//! chart: the root from the account's type (Assets, Liabilities, Equity, Income,
//! Expenses — beancount's five), then one component per code level from the
//! account's English name in CamelCase (`Bank deposits` → `BankDeposits`), so
//! 5101.01 becomes `Expenses:ProgramCosts:StudyAid`. An account without an English
//! name (one a user added with a Chinese name) is named by its code (`5101-04`), and
//! a name already taken gets its code appended, so every account has its own name.

use crate::ledger::account::{Account, AccountType};
use std::collections::{HashMap, HashSet};

/// The top-level account a tool expects for each account type.
pub fn root(account_type: AccountType) -> &'static str {
    match account_type {
        AccountType::Asset => "Assets",
        AccountType::Liability => "Liabilities",
        AccountType::NetAssets => "Equity",
        AccountType::Income => "Income",
        AccountType::Expense => "Expenses",
    }
}

/// `Cash on hand` → `CashOnHand`; only ASCII letters and digits are kept (beancount
/// wants each component to start with a capital letter or a digit).
fn camel_case(english: &str) -> String {
    let mut out = String::new();
    for word in english.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out
}

/// The code as a name component: `5101.04` → `5101-04`.
fn code_component(code: &str) -> String {
    code.replace('.', "-")
}

/// Tool account names by account code. `accounts` is the whole chart: a
/// sub-account's name extends its parent's.
pub fn tool_names(accounts: &[Account]) -> HashMap<String, String> {
    let mut sorted: Vec<&Account> = accounts.iter().collect();
    sorted.sort_by(|a, b| a.code.cmp(&b.code));
    let mut names: HashMap<String, String> = HashMap::with_capacity(sorted.len());
    let mut taken: HashSet<String> = HashSet::with_capacity(sorted.len());
    for account in sorted {
        let code = account.code.as_str();
        let prefix = account
            .code
            .parent()
            .and_then(|p| names.get(p.as_str()).cloned())
            .unwrap_or_else(|| root(account.account_type).to_string());
        let component = match camel_case(&account.names.en) {
            c if c.is_empty() => code_component(code),
            c => c,
        };
        let mut name = format!("{prefix}:{component}");
        if taken.contains(&name) {
            name = format!("{prefix}:{component}-{}", code_component(code));
        }
        taken.insert(name.clone());
        names.insert(code.to_string(), name);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::account::{AccountCode, Names};
    use crate::ledger::chart::DEFAULT_ACCOUNTS;

    fn chart() -> Vec<Account> {
        DEFAULT_ACCOUNTS
            .iter()
            .map(|a| Account {
                code: AccountCode::parse(a.code).unwrap(),
                account_type: a.account_type,
                names: Names::new(a.zh_hant, a.zh_hans, a.en),
            })
            .collect()
    }

    fn user(code: &str, account_type: AccountType, name: &str) -> Account {
        Account {
            code: AccountCode::parse(code).unwrap(),
            account_type,
            names: Names::same(name),
        }
    }

    #[test]
    fn the_default_chart_gets_readable_names() {
        let names = tool_names(&chart());
        assert_eq!(names["1001"], "Assets:CashOnHand");
        assert_eq!(names["1002"], "Assets:BankDeposits");
        assert_eq!(names["1012"], "Assets:WeChatPayAlipayBalances");
        assert_eq!(names["3101"], "Equity:UnrestrictedNetAssets");
        assert_eq!(names["4101"], "Income:DonationRevenue");
        assert_eq!(names["5101.01"], "Expenses:ProgramCosts:StudyAid");
        assert_eq!(names.len(), DEFAULT_ACCOUNTS.len());
    }

    #[test]
    fn user_accounts_get_unique_valid_names() {
        let mut accounts = chart();
        accounts.push(user("5101.04", AccountType::Expense, "獎學金"));
        accounts.push(user("1003", AccountType::Asset, "Bank deposits"));
        accounts.push(user("1004", AccountType::Asset, "Bank-deposits!"));
        let names = tool_names(&accounts);
        assert_eq!(names["5101.04"], "Expenses:ProgramCosts:5101-04");
        assert_eq!(names["1003"], "Assets:BankDeposits-1003");
        assert_eq!(names["1004"], "Assets:BankDeposits-1004");
        let distinct: HashSet<&String> = names.values().collect();
        assert_eq!(distinct.len(), names.len());
        for name in names.values() {
            assert!(
                name.split(':').all(|c| !c.is_empty()
                    && c.starts_with(|f: char| f.is_ascii_uppercase() || f.is_ascii_digit())
                    && c.chars().all(|f| f.is_ascii_alphanumeric() || f == '-')),
                "{name}"
            );
        }
    }
}
