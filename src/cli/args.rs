//! What the user typed, as clap structs. They stay dumb: checking and conversion to
//! domain values happens once, in the command handlers (ripgrep's low/high split).

use crate::ledger::account::AccountType;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "lovefund",
    version,
    about = "A tamper-evident double-entry ledger for a charity love fund (愛心基金)",
    long_about = "A tamper-evident double-entry ledger for a charity love fund (愛心基金).\n\n\
        Treasurers record entries; auditors check balances and the hash chain with \
        `verify`. Amounts are CNY with at most two decimals. Every command is one \
        SQLite transaction: it happens completely or not at all.",
    after_help = "Start with: lovefund init --name \"鷹潭市政協愛心基金\"\n\
        Then: lovefund entry add --help"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct GlobalArgs {
    /// The ledger file [env: LOVEFUND_DB; default: ./lovefund.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Display language: zh-Hant, zh-Hans or en [env: LOVEFUND_LANG; default: the ledger's]
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Machine-readable output (amounts are strings with two decimals)
    #[arg(long, global = true)]
    pub json: bool,
    /// Open the ledger read-only: reports work, every change is refused
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Who is recording [env: LOVEFUND_USER; default: the OS user]
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new ledger with the default chart of accounts and funds
    Init(InitArgs),
    /// List or add accounts of the chart
    #[command(subcommand)]
    Account(AccountCommand),
    /// List or add funds
    #[command(subcommand)]
    Fund(FundCommand),
    /// Record a journal entry
    #[command(subcommand)]
    Entry(EntryCommand),
    /// Reverse an entry (紅字沖銷): a new entry with every posting negated
    Reverse(ReverseArgs),
    /// The trial balance (科目餘額表)
    Balance(BalanceArgs),
    /// An account's postings with a running balance (明細賬)
    Register(RegisterArgs),
    /// One entry in full
    Show(ShowArgs),
    /// Check the ledger's invariants; exits 1 and names the first bad entry
    Verify(VerifyArgs),
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The fund's name, printed on receipts and summaries
    #[arg(long, default_value = "愛心基金")]
    pub name: String,
}

#[derive(Subcommand, Debug)]
pub enum AccountCommand {
    /// List the chart of accounts
    List,
    /// Add an account; a sub-account's code extends its parent's (5101.04)
    Add {
        /// Four digits, or a sub-account such as 5101.04
        code: String,
        name: String,
        #[arg(long = "type", value_enum)]
        account_type: AccountType,
    },
}

#[derive(Subcommand, Debug)]
pub enum FundCommand {
    /// List the funds
    List,
    /// Add a fund, e.g. one a donor designates
    Add {
        name: String,
        /// The fund's money may only be spent on its purpose
        #[arg(long)]
        restricted: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum EntryCommand {
    /// Record an entry: debits positive, credits negative, summing to 0.00
    #[command(after_help = "Example (a bank donation to the study-aid fund):\n  \
        lovefund entry add --date 2022-03-01 --memo \"張三捐款\" \\\n    \
        --posting 1002@助學=5000.00 --posting 4101@助學=-5000.00")]
    Add(EntryAddArgs),
}

#[derive(Args, Debug)]
pub struct EntryAddArgs {
    /// YYYY-MM-DD
    #[arg(long)]
    pub date: String,
    #[arg(long)]
    pub memo: String,
    /// ACCOUNT[@FUND]=AMOUNT; debit positive, credit negative; the fund defaults to 非限定
    #[arg(
        long = "posting",
        value_name = "ACCOUNT[@FUND]=AMOUNT",
        required = true
    )]
    pub postings: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ReverseArgs {
    /// The entry to reverse
    pub entry_id: i64,
    /// Why (kept with the reversal)
    #[arg(long)]
    pub reason: String,
    /// Date of the reversal, YYYY-MM-DD [default: today]
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(Args, Debug)]
pub struct BalanceArgs {
    /// Only entries dated on or before this date (YYYY-MM-DD)
    #[arg(long)]
    pub as_of: Option<String>,
}

#[derive(Args, Debug)]
pub struct RegisterArgs {
    /// Account code; its sub-accounts are included
    #[arg(long)]
    pub account: String,
    /// First date (YYYY-MM-DD); earlier entries make the opening balance
    #[arg(long)]
    pub from: Option<String>,
    /// Last date (YYYY-MM-DD)
    #[arg(long)]
    pub to: Option<String>,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    pub entry_id: i64,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// Checks to run (default: all): balanced, chain, append-only, totals, funds
    pub checks: Vec<String>,
}
