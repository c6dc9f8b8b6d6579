//! Accounts and funds: the default chart, additions, and loading them for a command.

use super::Store;
use super::records::Collector;
use crate::error::message::StoreMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::account::{Account, AccountCode, AccountType, Names};
use crate::ledger::chart::{DEFAULT_ACCOUNTS, DEFAULT_FUNDS, ENTRUSTED_ACCOUNTS, WALLET_ACCOUNTS};
use crate::ledger::fund::{Fund, FundId, Funds};
use rusqlite::{Connection, OptionalExtension, params};

impl Store {
    /// Writes the default chart of accounts and funds into an empty ledger.
    pub fn seed_default_chart(&mut self, recorded_by: &str, recorded_at: &str) -> Result<()> {
        self.in_transaction(recorded_by, recorded_at, |tx, collector| {
            for a in DEFAULT_ACCOUNTS {
                let code = AccountCode::parse(a.code)?;
                insert_account(
                    tx,
                    collector,
                    &code,
                    a.account_type,
                    &Names::new(a.zh_hant, a.zh_hans, a.en),
                )?;
            }
            for f in DEFAULT_FUNDS {
                let names = Names::new(f.zh_hant, f.zh_hans, f.en);
                insert_fund(
                    tx,
                    collector,
                    f.alias,
                    &names,
                    f.restricted,
                    f.program_account,
                )?;
            }
            Ok(())
        })
    }

    /// Adds an account; a sub-account's parent must exist and the type must match it.
    pub fn add_account(
        &mut self,
        code: &AccountCode,
        account_type: AccountType,
        name: &str,
        recorded_by: &str,
        recorded_at: &str,
    ) -> Result<()> {
        self.in_transaction(recorded_by, recorded_at, |tx, collector| {
            if find_account(tx, code)?.is_some() {
                return Err(Error::conflict(StoreMessage::AccountExists {
                    code: code.to_string(),
                }));
            }
            if !code.as_str().starts_with(account_type.code_class()) {
                return Err(Error::input(StoreMessage::AccountTypeClass {
                    code: code.to_string(),
                    account_type: account_type.as_str().to_string(),
                    class: account_type.code_class().to_string(),
                }));
            }
            if let Some(parent) = code.parent() {
                match find_account(tx, &parent)? {
                    None => {
                        return Err(Error::not_found(StoreMessage::ParentMissing {
                            code: code.to_string(),
                            parent: parent.to_string(),
                        }));
                    }
                    Some(p) if p.account_type != account_type => {
                        return Err(Error::input_in(
                            Field::AccountType,
                            StoreMessage::ParentTypeDiffers {
                                account_type: account_type.as_str().to_string(),
                                parent: parent.to_string(),
                                parent_type: p.account_type.as_str().to_string(),
                            },
                        ));
                    }
                    Some(_) => {}
                }
            }
            insert_account(tx, collector, code, account_type, &Names::same(name))
        })
    }

    pub fn add_fund(
        &mut self,
        name: &str,
        restricted: bool,
        recorded_by: &str,
        recorded_at: &str,
    ) -> Result<FundId> {
        self.in_transaction(recorded_by, recorded_at, |tx, collector| {
            let funds = load_funds(tx)?;
            if let Some(existing) = funds.find(name) {
                return Err(Error::conflict(StoreMessage::FundExists {
                    name: name.into(),
                    existing: existing.choice(),
                }));
            }
            insert_fund(tx, collector, name, &Names::same(name), restricted, None)
        })
    }
}

/// The Rust step of migration 7: a ledger that has 1012 gets 1012.01 and 1012.02
/// (names from the default chart) as one chained record. A new ledger (no 1012 yet)
/// and one that already has them are left alone.
pub(super) fn add_wallet_accounts(conn: &Connection, recorded_at: &str) -> Result<()> {
    let parent = AccountCode::parse("1012")?;
    if find_account(conn, &parent)?.is_none() {
        return Ok(());
    }
    add_default_accounts(conn, WALLET_ACCOUNTS, "lovefund (schema 7)", recorded_at)
}

/// Migration 0014's step: 1501 受托代理資產 and 2601 受托代理負債 from the default
/// chart, for a ledger made before them (one that has neither code in use already),
/// written as one chained record.
pub(super) fn add_entrusted_accounts(conn: &Connection, recorded_at: &str) -> Result<()> {
    // A new ledger is migrated before `init` writes its chart, which has both.
    let accounts: i64 = conn.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?;
    if accounts == 0 {
        return Ok(());
    }
    add_default_accounts(
        conn,
        ENTRUSTED_ACCOUNTS,
        "lovefund (schema 14)",
        recorded_at,
    )
}

/// The accounts of the default chart named by `codes` that the ledger lacks, added as
/// one chained record by `recorder` (a migration's step).
fn add_default_accounts(
    conn: &Connection,
    codes: &[&str],
    recorder: &str,
    recorded_at: &str,
) -> Result<()> {
    let mut collector = Collector::default();
    for a in DEFAULT_ACCOUNTS.iter().filter(|a| codes.contains(&a.code)) {
        let code = AccountCode::parse(a.code)?;
        if find_account(conn, &code)?.is_some() {
            continue;
        }
        let names = Names::new(a.zh_hant, a.zh_hans, a.en);
        insert_account(conn, &mut collector, &code, a.account_type, &names)?;
    }
    let head = super::records::chain_head(conn)?;
    super::records::append_record(conn, &collector, head, recorder, recorded_at)?;
    Ok(())
}

fn insert_fund(
    conn: &Connection,
    collector: &mut Collector,
    alias: &str,
    names: &Names,
    restricted: bool,
    program_account: Option<&str>,
) -> Result<FundId> {
    conn.execute(
        "INSERT INTO funds (alias, name_zh_hant, name_zh_hans, name_en, restricted, program_account)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![alias, names.zh_hant, names.zh_hans, names.en, restricted, program_account],
    )?;
    let id = conn.last_insert_rowid();
    collector.add(
        "funds",
        &[
            &id,
            &alias,
            &names.zh_hant,
            &names.zh_hans,
            &names.en,
            &restricted,
            &program_account,
        ],
    )?;
    Ok(FundId(id))
}

fn insert_account(
    conn: &Connection,
    collector: &mut Collector,
    code: &AccountCode,
    account_type: AccountType,
    names: &Names,
) -> Result<()> {
    let parent = code.parent().map(|p| p.as_str().to_string());
    let values: [&dyn rusqlite::ToSql; 6] = [
        &code.as_str(),
        &account_type.as_str(),
        &names.zh_hant,
        &names.zh_hans,
        &names.en,
        &parent,
    ];
    conn.execute(
        "INSERT INTO accounts (code, type, name_zh_hant, name_zh_hans, name_en, parent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &values[..],
    )?;
    collector.add("accounts", &values)
}

fn account_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    let type_text: String = row.get(1)?;
    Ok(Account {
        code: AccountCode::from_stored(row.get(0)?),
        account_type: AccountType::parse(&type_text).unwrap_or(AccountType::Asset),
        names: Names {
            zh_hant: row.get(2)?,
            zh_hans: row.get(3)?,
            en: row.get(4)?,
        },
    })
}

pub(super) fn find_account(conn: &Connection, code: &AccountCode) -> Result<Option<Account>> {
    Ok(conn
        .query_row(
            "SELECT code, type, name_zh_hant, name_zh_hans, name_en FROM accounts WHERE code = ?1",
            [code.as_str()],
            account_from_row,
        )
        .optional()?)
}

pub(super) fn load_accounts(conn: &Connection) -> Result<Vec<Account>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, type, name_zh_hant, name_zh_hans, name_en FROM accounts ORDER BY code",
    )?;
    let rows = stmt.query_map([], account_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(super) fn load_funds(conn: &Connection) -> Result<Funds> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, alias, name_zh_hant, name_zh_hans, name_en, restricted, program_account
         FROM funds ORDER BY id",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(Fund {
            id: FundId(row.get(0)?),
            alias: row.get(1)?,
            names: Names {
                zh_hant: row.get(2)?,
                zh_hans: row.get(3)?,
                en: row.get(4)?,
            },
            restricted: row.get(5)?,
            program_account: row.get(6)?,
        })
    })?;
    Ok(Funds(rows.collect::<rusqlite::Result<Vec<_>>>()?))
}
