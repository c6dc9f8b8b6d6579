//! What the user typed, as clap structs. They stay dumb: checking and conversion to
//! domain values happens once, in the command handlers (ripgrep's low/high split).

use super::values::{
    AccountTypeArg, CheckArg, EncodingArg, FormatArg, LangArg, MethodArg, OutEncodingArg,
    ReceiptStatusArg,
};
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
    /// Display language [env: LOVEFUND_LANG; default: the ledger's, else the locale ($LC_ALL, $LC_MESSAGES, $LANG: zh_CN/zh_SG → zh-Hans, zh_TW/zh_HK/zh_MO → zh-Hant, en_* → en), else zh-Hant]
    #[arg(
        long,
        global = true,
        value_name = "LANG",
        value_enum,
        ignore_case = true,
        overrides_with = "lang"
    )]
    pub lang: Option<LangArg>,
    /// Machine-readable output (amounts are strings with two decimals)
    #[arg(long, global = true)]
    pub json: bool,
    /// Open the ledger read-only: reports work, every change is refused
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Who is recording; on a ledger with users, who signs in (password from LOVEFUND_PASSWORD or a prompt) [env: LOVEFUND_USER; default: the OS user]
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
    /// Find entries by any part of a name, a memo, a reference, a receipt number, an amount or a date; newest first
    Search(SearchArgs),
    /// Check the ledger's invariants; exits 1 and names the first bad entry
    Verify(VerifyArgs),
    /// Donors: add, list, show giving history
    #[command(subcommand)]
    Donor(DonorCommand),
    /// Beneficiaries (students, households): add, list, show aid history
    #[command(subcommand)]
    Beneficiary(BeneficiaryCommand),
    /// Record a donation and issue its receipt number
    Donate(DonateArgs),
    /// Record aid paid to a beneficiary from a program
    Disburse(DisburseArgs),
    /// Move money between the fund's own accounts: a WeChat Pay/Alipay withdrawal (提现) to the bank and its fee
    Transfer(TransferArgs),
    /// Import donations and disbursements from the treasurer's sheet: CSV, TSV, .xlsx, .xls or .ods (all or nothing)
    Import(ImportArgs),
    /// Reconcile a bank account with its statement (銀行存款餘額調節表); list or show recorded ones
    Reconcile(ReconcileArgs),
    /// Copy the ledger safely (online backup) to a new file an auditor can open read-only
    Backup {
        /// The new file; an existing file is replaced only with --force, the ledger's own files never
        path: PathBuf,
        /// Replace PATH if it exists
        #[arg(long)]
        force: bool,
        /// Also copy the receipt signing key (whoever holds it can sign receipts); left out unless given
        #[arg(long)]
        with_signing_key: bool,
    },
    /// Reports: balance-sheet, activities, funds, donors, beneficiaries (text, --json or --csv)
    Report {
        #[command(subcommand)]
        report: ReportCommand,
        /// Write CSV for a spreadsheet instead of a text table
        #[arg(long, global = true)]
        csv: bool,
        /// Write the report to FILE instead: FILE.xlsx as an Excel workbook (amounts as
        /// numbers), FILE.csv as CSV, FILE.pdf as an A4 PDF; an existing FILE is replaced only with --force
        #[arg(long, global = true, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace the FILE of --out (or of donors --pdf) if it exists
        #[arg(long, global = true)]
        force: bool,
        /// The CSV's encoding [default: utf-8-bom for a file, utf-8 on a pipe]
        #[arg(long, global = true, value_enum, ignore_case = true)]
        out_encoding: Option<OutEncodingArg>,
    },
    /// Build a sample year of a love fund and write a receipt and the annual summary
    Demo {
        /// The folder for the demo ledger and its PDFs; a rerun replaces only the files
        /// its manifest (.lovefund-demo-manifest) lists, and refuses files it did not make
        #[arg(long, default_value = "lovefund-demo")]
        out: PathBuf,
        /// Replace files in the way that the demo did not make (never a demo.db, never a whole folder)
        #[arg(long)]
        force: bool,
    },
    /// The annual summary (年度收支公告): raised, disbursed, people aided, by program and month
    Summary {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
        /// Also write it as an A4 PDF (CJK text in the bundled font, a monthly chart); an
        /// existing FILE is replaced only with --force, the ledger's own files never
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// A TTF/OTF/TTC font for the PDF instead of the bundled one (FILE#N: face N of a
        /// .ttc; a regular file of at most 64 MiB) [env: LOVEFUND_FONT]
        #[arg(long)]
        font: Option<PathBuf>,
        /// With --pdf: replace FILE if it exists
        #[arg(long, requires = "pdf")]
        force: bool,
        /// The date the PDF notice is signed on, YYYY-MM-DD [default: today]
        #[arg(long, requires = "pdf")]
        date: Option<String>,
    },
    /// Close a year: closing entries into net assets, then no entry may be dated in it
    Close {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
    },
    /// Donation receipts: print PDFs, list, void, reissue, check the sequence, verify one
    #[command(subcommand)]
    Receipt(ReceiptCommand),
    /// Export the journal for hledger, ledger-cli, beancount, a spreadsheet or a new ledger
    Export(ExportArgs),
    /// Read or change the ledger's settings; each change is recorded (who, when, the value)
    #[command(subcommand)]
    Config(ConfigCommand),
    /// The keys receipts are signed with: show them for publishing, or change to a new one
    #[command(subcommand)]
    Key(KeyCommand),
    /// Accounting vouchers (记账凭证) as A5 PDFs
    #[command(subcommand)]
    Voucher(VoucherCommand),
    /// Users and their roles (treasurer, reviewer, auditor); once a ledger has users, every command signs one in
    #[command(subcommand)]
    User(UserCommand),
    /// The audit pack: one fiscal year's statements, journal, receipts, vouchers, reconciliations, attachments and verify report in one zip, its manifest signed with the fund's key
    #[command(
        args_conflicts_with_subcommands = true,
        subcommand_negates_reqs = true,
        after_help = "Examples:\n  lovefund audit-pack --year 2022 --out audit-2022.zip\n  lovefund audit-pack verify audit-2022.zip --keyfile keys.txt"
    )]
    AuditPack(AuditPackArgs),
    /// Serve the ledger as a web page for the browser on this computer (sign in with the ledger's users)
    #[command(
        after_help = "Example:\n  lovefund serve --db lovefund-demo/demo.db\n  then open the address it prints"
    )]
    Serve {
        /// The address and port to listen on; an address other than loopback needs --tls-cert and --tls-key
        #[arg(long, default_value = "127.0.0.1:8423", value_name = "ADDRESS:PORT")]
        listen: String,
        /// The TLS certificate chain (PEM), to serve over HTTPS
        #[arg(long, value_name = "FILE", requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// The TLS private key (PEM) of --tls-cert
        #[arg(long, value_name = "FILE", requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// Sign a browser out after this long without a request: minutes, or a count with its unit (90s, 15m, 2h)
        #[arg(long, default_value = "30", value_name = "TIME")]
        idle: String,
    },
    /// Write the donors' verification page (one offline HTML file), the public keys and the list of voided receipts
    Publish {
        /// The folder to write verify.html, keys.txt and voided.txt into
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Replace verify.html, keys.txt and voided.txt there if they exist
        #[arg(long)]
        force: bool,
    },
}

#[derive(Args, Debug)]
pub struct AuditPackArgs {
    #[command(subcommand)]
    pub command: Option<AuditPackCommand>,
    /// The fiscal year to pack, e.g. 2022
    #[arg(long, required = true)]
    pub year: Option<String>,
    /// The zip file to write; an existing FILE is replaced only with --force, the ledger's own files never
    #[arg(long, value_name = "FILE", required = true)]
    pub out: Option<PathBuf>,
    /// A TTF/OTF/TTC font for the receipts, vouchers and summary instead of the bundled one [env: LOVEFUND_FONT]
    #[arg(long, value_name = "FONT")]
    pub font: Option<PathBuf>,
    /// The date the summary's notice is signed on, YYYY-MM-DD [default: today]
    #[arg(long)]
    pub date: Option<String>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Subcommand, Debug)]
pub enum AuditPackCommand {
    /// Check an audit pack without the ledger: the manifest's signature and every file's SHA-256; names each file changed, added or removed
    Verify {
        /// The audit pack (a .zip lovefund audit-pack wrote)
        file: PathBuf,
        /// The fund's public key, 64 hex digits as `lovefund key show` prints it (may be given more than once)
        #[arg(long, value_name = "PUBKEY", required_unless_present = "keyfile")]
        key: Vec<String>,
        /// A file of the fund's public keys, as `lovefund key show` prints them
        #[arg(long, value_name = "FILE")]
        keyfile: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Add a user; the first must be a treasurer and gets a one-time recovery code
    #[command(
        after_help = "Example:\n  lovefund user add 王司庫 --role treasurer\n  \
        echo \"$NEW_PASSWORD\" | lovefund user add 李審核 --role reviewer --password-stdin"
    )]
    Add {
        /// The user's name (no spaces)
        name: String,
        /// What the user may do
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Read the new password from standard input (one line) instead of a prompt
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the users, their roles and whether they are active
    List,
    /// Change your own password
    Passwd {
        /// Read the new password from standard input (one line) instead of a prompt
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password for a user (a treasurer only)
    Reset {
        /// The user
        name: String,
        /// Read the new password from standard input (one line) instead of a prompt
        #[arg(long)]
        password_stdin: bool,
    },
    /// Give a user another role (a treasurer only)
    Role {
        /// The user
        name: String,
        /// The new role
        #[arg(value_enum)]
        role: RoleArg,
    },
    /// Disable a user: they can no longer sign in (a treasurer only)
    Disable {
        /// The user
        name: String,
    },
    /// Let a disabled user sign in again (a treasurer only)
    Enable {
        /// The user
        name: String,
    },
    /// A treasurer who forgot their password sets a new one with the recovery code (no sign-in); a new code is printed
    Recover {
        /// The treasurer
        name: String,
        /// The recovery code [default: asked on the terminal]
        #[arg(long, value_name = "CODE")]
        code: Option<String>,
        /// Read the new password from standard input (one line) instead of a prompt
        #[arg(long)]
        password_stdin: bool,
    },
}

/// A user's role.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum RoleArg {
    /// Records, corrects, prints, imports, closes; manages users
    Treasurer,
    /// Reads; approves or rejects entries others prepared
    Reviewer,
    /// Reads only
    Auditor,
}

impl From<RoleArg> for crate::ledger::user::Role {
    fn from(role: RoleArg) -> Self {
        use crate::ledger::user::Role;
        match role {
            RoleArg::Treasurer => Role::Treasurer,
            RoleArg::Reviewer => Role::Reviewer,
            RoleArg::Auditor => Role::Auditor,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum VoucherCommand {
    /// Write the voucher of one entry, or of every entry of --month, to DIR (记-YYYY-MM-NNN.pdf)
    Print {
        /// The entry [default: every entry of --month]
        #[arg(required_unless_present = "month", conflicts_with = "month")]
        entry: Option<String>,
        /// YYYY-MM: every entry dated in the month, numbered 记-001 on in the order recorded
        #[arg(long)]
        month: Option<String>,
        /// The folder to write into
        #[arg(long, value_name = "DIR", default_value = "vouchers-out")]
        out: PathBuf,
        /// A TrueType/OpenType font instead of the bundled one
        #[arg(long, value_name = "FONT")]
        font: Option<PathBuf>,
        /// Replace voucher files that exist already
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Print the public signing keys (the current one and every retired one), one a line: a key file for receipt verify --keyfile
    Show,
    /// Retire the current signing key and make a new one (old receipts stay valid under the old key)
    Rotate {
        /// Why, e.g. the computer holding the ledger was lost
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand, Debug)]
#[command(after_help = "Settings:\n  \
    dates.future-days-max  how many days after today an entry may be dated, 0 to 3660 \
    (default 31): a typo like 2922 for 2022 is refused\n  \
    ledger.time-zone       the offset from UTC that times are shown in, -12:00 to +14:00 \
    (default +08:00, China, Hong Kong and Taiwan time)\n\n\
    Examples:\n  \
    lovefund config get\n  \
    lovefund config set dates.future-days-max 60\n  \
    lovefund config set ledger.time-zone +09:00")]
pub enum ConfigCommand {
    /// Show one setting (or every setting): its value, and who set it when
    Get {
        /// A setting's key, e.g. dates.future-days-max; all settings when left out
        key: Option<String>,
    },
    /// Change a setting; the change is a record of its own, never an edit
    Set {
        /// A setting's key, e.g. dates.future-days-max
        key: String,
        /// The new value
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:\n  \
    lovefund export --format ledger --out fund.journal && hledger -f fund.journal bal\n  \
    lovefund export --format beancount --out fund.beancount && bean-check fund.beancount\n  \
    lovefund export --format csv --from 2022-01-01 --to 2022-12-31 --out 2022-postings.csv")]
pub struct ExportArgs {
    /// The format to write
    #[arg(long, value_enum, ignore_case = true)]
    pub format: FormatArg,
    /// Only entries dated on or after this date (YYYY-MM-DD); no opening balances are added
    #[arg(long)]
    pub from: Option<String>,
    /// Only entries dated on or before this date (YYYY-MM-DD)
    #[arg(long)]
    pub to: Option<String>,
    /// Write to FILE instead of stdout: through a temporary file renamed into place,
    /// so FILE is never half-written; an existing FILE is replaced only with --force,
    /// the ledger's own files never
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With --out: replace FILE if it exists
    #[arg(long, requires = "out")]
    pub force: bool,
    /// The encoding of --format csv and import-csv [default: utf-8-bom for a file,
    /// utf-8 on a pipe]
    #[arg(long, value_enum, ignore_case = true)]
    pub out_encoding: Option<OutEncodingArg>,
}

#[derive(Subcommand, Debug)]
pub enum ReceiptCommand {
    /// Write receipt PDFs: one number, or every receipt of --year
    Print {
        /// Receipt number, e.g. 2022-000123
        #[arg(required_unless_present = "year", conflicts_with = "year")]
        number: Option<String>,
        /// Every receipt of this year (void ones carry a VOID mark)
        #[arg(long)]
        year: Option<String>,
        /// Folder for the PDFs, made if missing; each file is named NUMBER.pdf, and an
        /// existing one is replaced only with --force
        #[arg(long, default_value = "receipts-out")]
        out: PathBuf,
        /// Replace receipt files that exist already
        #[arg(long)]
        force: bool,
        /// A TTF/OTF/TTC font to use instead of the bundled Noto Sans CJK (FILE#N: face N
        /// of a .ttc; a regular file of at most 64 MiB) [env: LOVEFUND_FONT]
        #[arg(long)]
        font: Option<PathBuf>,
    },
    /// List receipts with their status
    List {
        /// Only receipts of this year, e.g. 2022
        #[arg(long)]
        year: Option<String>,
        /// Only issued or only void receipts
        #[arg(long, value_enum)]
        status: Option<ReceiptStatusArg>,
    },
    /// Void a receipt: the number stays, marked void with the reason, who and when
    Void {
        /// Receipt number, e.g. 2022-000123
        number: String,
        /// Why it is void (kept with the receipt)
        #[arg(long)]
        reason: String,
        /// Also reverse the donation (紅字沖銷), dated --date or today
        #[arg(long)]
        reverse: bool,
        /// Date of the reversal with --reverse, YYYY-MM-DD [default: today]
        #[arg(long, requires = "reverse")]
        date: Option<String>,
    },
    /// Void a receipt and issue a new number for the same donation (misspelt name, lost receipt)
    Reissue {
        /// Receipt number, e.g. 2022-000123
        number: String,
        /// Why it is reissued (kept with the void receipt)
        #[arg(long, default_value = "reissued")]
        reason: String,
    },
    /// The sequence report: every number from 1 to the last is issued or void; gaps fail
    Gaps {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
    },
    /// Check a receipt: its verification code or signed QR text in this ledger, or on any machine with the fund's public key (--key/--keyfile)
    Verify {
        /// The code printed on the receipt (A1B2-C3D4-E5F6), the text its QR code holds, or the receipt's PDF file
        code: String,
        /// The fund's public key, 64 hex digits as `lovefund key show` prints it: check without the ledger (may be given more than once)
        #[arg(long, value_name = "PUBKEY")]
        key: Vec<String>,
        /// A file of the fund's public keys, as `lovefund key show` prints them: check without the ledger
        #[arg(long, value_name = "FILE")]
        keyfile: Option<PathBuf>,
        /// The list of voided receipts `lovefund publish` writes (voided.txt): the void status without the ledger
        #[arg(long, value_name = "FILE")]
        voided: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum DonorCommand {
    /// Add a donor
    Add {
        /// The donor's name, kept as typed
        name: String,
        /// A person, an organization, or anonymous
        #[arg(long = "type", value_enum, default_value = "person")]
        donor_type: DonorType,
        /// A phone number to reach the donor
        #[arg(long)]
        phone: Option<String>,
        /// Identity number: only a keyed hash and the last 4 characters are kept
        #[arg(long)]
        id_number: Option<String>,
        #[command(flatten)]
        publish: PublishArgs,
    },
    /// Correct a donor (name, type, phone, identity number); kept as a chained record
    #[command(
        after_help = "Examples:\n  lovefund donor edit 3 --name 'Zhang Sanfeng' --reason typo\n  lovefund donor edit 3 --phone 13800000000 --reason 'new number'"
    )]
    Edit {
        /// The donor's id or name
        donor: String,
        /// The corrected name
        #[arg(long)]
        name: Option<String>,
        /// The corrected type
        #[arg(long = "type", value_enum)]
        donor_type: Option<DonorType>,
        /// The corrected phone number
        #[arg(long)]
        phone: Option<String>,
        /// The corrected identity number (only a keyed hash and the last 4 characters are kept)
        #[arg(long)]
        id_number: Option<String>,
        #[command(flatten)]
        publish: PublishArgs,
        /// Why the donor is corrected (required)
        #[arg(long)]
        reason: String,
    },
    /// Merge a donor entered twice into the one to keep: from then on its gifts count as the kept donor's in every report; kept as a chained record
    #[command(
        after_help = "Examples:\n  lovefund donor merge 3 7 --reason 'the same person entered twice'\n  lovefund donor unmerge 7 --reason 'not the same person after all'"
    )]
    Merge {
        /// The donor to keep (id or name)
        into: String,
        /// The donor entered twice, merged into the first (id or name)
        donor: String,
        /// Why the two are one donor (required)
        #[arg(long)]
        reason: Option<String>,
    },
    /// Undo a merge: the donor's gifts count as its own again; kept as a chained record
    Unmerge {
        /// The merged donor (id or name)
        donor: String,
        /// Why the merge is undone (required)
        #[arg(long)]
        reason: Option<String>,
    },
    /// List donors with their number of gifts and total
    List,
    /// One donor's giving history and total
    Show {
        /// The donor: id, name, any part of a name, pinyin initials (zs for 张三) or the last 4 identity characters
        id: String,
    },
}

/// `--publish` / `--no-publish`: whether a donor may be named in public reports.
#[derive(Args, Debug)]
pub struct PublishArgs {
    /// Name the donor in public reports (the default)
    #[arg(long, conflicts_with = "no_publish")]
    pub publish: bool,
    /// The donor asked not to be named in public reports: the year's donor list shows 愛心人士 instead
    #[arg(long)]
    pub no_publish: bool,
}

impl PublishArgs {
    /// The choice typed, if any.
    pub fn choice(&self) -> Option<bool> {
        match (self.publish, self.no_publish) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum DonorType {
    Person,
    Organization,
    Anonymous,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum BeneficiaryType {
    Student,
    Household,
}

impl From<DonorType> for crate::ledger::party::PartyType {
    fn from(t: DonorType) -> Self {
        match t {
            DonorType::Person => Self::Person,
            DonorType::Organization => Self::Organization,
            DonorType::Anonymous => Self::Anonymous,
        }
    }
}

impl From<BeneficiaryType> for crate::ledger::party::PartyType {
    fn from(t: BeneficiaryType) -> Self {
        match t {
            BeneficiaryType::Student => Self::Student,
            BeneficiaryType::Household => Self::Household,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum BeneficiaryCommand {
    /// Add a student (--school, --grade) or a household (--village, --members)
    Add {
        /// The beneficiary's name, kept as typed
        name: String,
        /// A student or a household
        #[arg(long = "type", value_enum)]
        beneficiary_type: BeneficiaryType,
        /// A student's school
        #[arg(long)]
        school: Option<String>,
        /// A student's grade
        #[arg(long)]
        grade: Option<String>,
        /// A household's village
        #[arg(long)]
        village: Option<String>,
        /// Household size
        #[arg(long)]
        members: Option<String>,
        /// Identity or student number: only a keyed hash and the last 4 characters are kept
        #[arg(long)]
        id_number: Option<String>,
    },
    /// Correct a beneficiary (name, type, school, grade, village, household size, identity number)
    #[command(
        after_help = "Examples:\n  lovefund beneficiary edit 12 --grade 2 --reason 'new school year'\n  lovefund beneficiary edit 12 --members 5 --reason 'a child was born'"
    )]
    Edit {
        /// The beneficiary's id or name
        beneficiary: String,
        /// The corrected name
        #[arg(long)]
        name: Option<String>,
        /// The corrected type
        #[arg(long = "type", value_enum)]
        beneficiary_type: Option<BeneficiaryType>,
        /// The corrected school
        #[arg(long)]
        school: Option<String>,
        /// The corrected grade
        #[arg(long)]
        grade: Option<String>,
        /// The corrected village
        #[arg(long)]
        village: Option<String>,
        /// The corrected household size
        #[arg(long)]
        members: Option<String>,
        /// The corrected identity or student number (only a keyed hash and the last 4 characters are kept)
        #[arg(long)]
        id_number: Option<String>,
        /// Why the beneficiary is corrected (required)
        #[arg(long)]
        reason: String,
    },
    /// List beneficiaries with their number of payments and total aid
    List,
    /// One beneficiary's aid history
    Show {
        /// The beneficiary: id, name, any part of a name, pinyin initials (zs for 张三) or the last 4 identity characters
        id: String,
    },
}

#[derive(Args, Debug)]
pub struct DonateArgs {
    /// Donor: id, name, any part of a name, pinyin initials or the last 4 identity characters; 愛心人士 (or "anonymous") for an anonymous gift
    #[arg(long)]
    pub donor: String,
    /// Positive, at most two decimals, e.g. 5000.00
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// YYYY-MM-DD; the receipt number comes from this year's sequence
    #[arg(long)]
    pub date: String,
    /// 助學, 扶貧, 幫困, 非限定 (either script) or study-aid, poverty-relief, hardship, unrestricted
    #[arg(long, default_value = "非限定")]
    pub fund: String,
    /// How the money moved: the bank account, cash, WeChat Pay or Alipay
    #[arg(long, value_enum)]
    pub method: MethodArg,
    /// Bank or payment reference, unique in the ledger: running the same command again
    /// records nothing twice and answers with the entry already recorded
    #[arg(long)]
    pub reference: Option<String>,
    /// The official 公益事業捐贈票據 number, when one was issued
    #[arg(long)]
    pub official_receipt_no: Option<String>,
    /// A note kept with the entry
    #[arg(long)]
    pub memo: Option<String>,
    /// A gift the donor designates for one named student or household: held in trust for
    /// them (受托代理, 2601), not donation revenue; paid out with `disburse --entrusted`.
    /// The beneficiary as for `disburse --to`
    #[arg(long = "for", value_name = "BENEFICIARY", conflicts_with = "fund")]
    pub entrusted_for: Option<String>,
}

#[derive(Args, Debug)]
pub struct TransferArgs {
    /// The account the money leaves: 1012.01 (WeChat Pay), 1012.02 (Alipay), 1002, 1001 …
    #[arg(long)]
    pub from: String,
    /// The account the money reaches, e.g. 1002 (the bank)
    #[arg(long)]
    pub to: String,
    /// What reaches --to: positive, at most two decimals, e.g. 100.00
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// The service fee (服务费) taken from --from on top of --amount, charged to 5201 管理费用
    #[arg(long, allow_hyphen_values = true)]
    pub fee: Option<String>,
    /// YYYY-MM-DD
    #[arg(long)]
    pub date: String,
    /// The withdrawal's number (交易单号), unique in the ledger: running the same command
    /// again records nothing twice and answers with the entry already recorded
    #[arg(long)]
    pub reference: Option<String>,
    /// [default: FROM → TO]
    #[arg(long)]
    pub memo: Option<String>,
}

#[derive(Args, Debug)]
pub struct DisburseArgs {
    /// Beneficiary: id, name, any part of a name, pinyin initials or the last 4 identity characters
    #[arg(long)]
    pub to: String,
    /// Positive, at most two decimals
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// YYYY-MM-DD
    #[arg(long)]
    pub date: String,
    /// 助學, 扶貧 or 幫困 (either script) or study-aid, poverty-relief, hardship
    #[arg(long, required_unless_present = "entrusted")]
    pub program: Option<String>,
    /// The fund to draw on [default: the program's own fund]
    #[arg(long)]
    pub fund: Option<String>,
    /// Pay out gifts held in trust for this beneficiary (`donate --for`) instead of a
    /// program's aid; refused beyond what is held for them
    #[arg(long, conflicts_with_all = ["program", "fund"])]
    pub entrusted: bool,
    /// How the money moved: the bank account, cash, WeChat Pay or Alipay
    #[arg(long, value_enum)]
    pub method: MethodArg,
    /// Bank or payment reference, unique in the ledger: running the same command again
    /// records nothing twice and answers with the entry already recorded
    #[arg(long)]
    pub reference: Option<String>,
    /// A note kept with the entry
    #[arg(long)]
    pub memo: Option<String>,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Columns (header row, any order; a title row above it and a total row below the data are \
    skipped), in lovefund's codes or the sheet's words: date/日期 (2022-03-01, 2022/3/1, \
    2022年3月1日, 20220301); kind/收支 (donation|disbursement, 捐款|资助), not needed when the name \
    column says who gives (捐款人/donor: donations) or who receives (受助人/beneficiary: \
    disbursements); counterparty; counterparty_type/类别 \
    (person|organization|anonymous|student|household, 个人|单位|匿名|学生|家庭); program/用途/项目 (a \
    fund; 不限: unrestricted); amount/金额 (3,000.00, ¥3,000.00, 3000元); method/方式 \
    (bank|cash|wechat|alipay, 银行|现金|微信|支付宝); reference (unique per line; a sheet without it \
    gets one derived from each line) — required; memo/备注, counterparty_id — optional; 序号 is \
    ignored."
)]
pub struct ImportArgs {
    /// The sheet: a CSV or TSV file in any encoding, or a workbook (.xlsx, .xls, .ods; its first sheet)
    pub file: PathBuf,
    /// Check and report what would be imported, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// The file's encoding [default: its byte order mark, else UTF-8 if every byte is, else GB18030 or Big5 as detected; anything else is refused]
    #[arg(long, value_enum, ignore_case = true)]
    pub encoding: Option<EncodingArg>,
    /// Record a sheet's new lines even where one looks like a corrected version of an entry imported before (same date, kind and amount)
    #[arg(long)]
    pub accept_new: bool,
    /// Map headers the import does not know to its fields, e.g. date=收款日期,donor=捐助者,amount=数额,program=用途 (fields: the columns above, and donor, beneficiary, ignore)
    #[arg(long)]
    pub columns: Option<String>,
    /// With --columns: save the mapping in the ledger under NAME once the import succeeds; alone: read the file with the mapping saved as NAME
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// FILE is a WeChat Pay or Alipay bill as the app exports it: its incoming gifts become donations, shown first as a dry run to confirm [default: told by the file's header]
    #[arg(long, value_enum, conflicts_with_all = ["columns", "profile", "accept_new"])]
    pub from: Option<BillFormatArg>,
    /// Record a bill's gifts without asking (for scripts)
    #[arg(long)]
    pub yes: bool,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The fund's name, printed on receipts and summaries, kept as typed [default: 愛心基金, shown in the reader's language: 爱心基金, Love Fund]
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum AccountCommand {
    /// List the chart of accounts
    List,
    /// Add an account; a sub-account's code extends its parent's (5101.04)
    Add {
        /// Four digits, or a sub-account such as 5101.04
        code: String,
        /// The account's name
        name: String,
        /// What kind of account it is
        #[arg(long = "type", value_enum)]
        account_type: AccountTypeArg,
    },
}

#[derive(Subcommand, Debug)]
pub enum FundCommand {
    /// List the funds
    List,
    /// Add a fund, e.g. one a donor designates
    Add {
        /// The fund's name, kept as typed
        name: String,
        /// The fund's money may only be spent on its purpose
        #[arg(long)]
        restricted: bool,
    },
    /// Per fund: opening balance, raised, disbursed, transfers, closing balance
    Balances {
        /// End of the period [default: the last date in the ledger]
        #[arg(long)]
        as_of: Option<String>,
        /// Start of the period [default: 1 January of the --as-of year]
        #[arg(long)]
        from: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum EntryCommand {
    /// Record an entry: debits positive, credits negative, summing to 0.00
    #[command(after_help = "Example (a bank donation to the study-aid fund):\n  \
        lovefund entry add --date 2022-03-01 --memo \"張三捐款\" \\\n    \
        --posting 1002@助學=5000.00 --posting 4101@助學=-5000.00")]
    Add(EntryAddArgs),
    /// Store original documents (scans, photos, PDFs) with an entry: each file kept once by its SHA-256, in the hash chain
    Attach {
        /// The entry they belong to
        entry: String,
        /// The files (at most attachments.max-mb each, 20 MiB unless set)
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List an entry's original documents
    Attachments {
        /// The entry
        entry: String,
    },
    /// Write one stored document to a file, checked against its SHA-256
    AttachmentGet {
        /// The attachment's number (#N in entry attachments)
        id: String,
        /// The file to write
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Approve entries another user prepared (a reviewer only): a recorded review mark, not a posting
    Approve {
        /// The entries
        #[arg(required = true)]
        entries: Vec<String>,
        /// The reviewer's note
        #[arg(long)]
        note: Option<String>,
    },
    /// Reject an entry another user prepared (a reviewer only); its preparer then reverses it
    Reject {
        /// The entry
        entry: String,
        /// What is wrong
        #[arg(long)]
        reason: String,
    },
    /// The entries no reviewer has approved or rejected yet, oldest first
    Pending {
        /// Only entries of this year
        #[arg(long)]
        year: Option<String>,
    },
    /// Withdraw an attachment (attached in error): a recorded withdrawal with a reason; its bytes stay
    AttachmentWithdraw {
        /// The attachment's number
        id: String,
        /// Why
        #[arg(long)]
        reason: String,
    },
}

#[derive(Args, Debug)]
pub struct EntryAddArgs {
    /// YYYY-MM-DD
    #[arg(long)]
    pub date: String,
    /// What the entry is for (摘要)
    #[arg(long)]
    pub memo: String,
    /// ACCOUNT[@FUND]=AMOUNT; debit positive, credit negative; the fund defaults to 非限定
    #[arg(
        long = "posting",
        value_name = "ACCOUNT[@FUND]=AMOUNT",
        required = true
    )]
    pub postings: Vec<String>,
    /// Your own unique key for the entry (a voucher or bank number): running the same
    /// command again records nothing twice and answers with the entry already recorded
    #[arg(long)]
    pub reference: Option<String>,
}

#[derive(Args, Debug)]
pub struct ReverseArgs {
    /// The entry to reverse
    pub entry_id: String,
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
pub struct SearchArgs {
    /// What to look for: any part of a donor's or beneficiary's name (one character will do), a memo or a reference; also read as an amount (3000) or a receipt number (2022-000123); a day or a month (2022-03-01, 2022-03) finds the entries of those days
    pub text: Option<String>,
    /// Only entries dated on or after this date (YYYY-MM-DD)
    #[arg(long)]
    pub from: Option<String>,
    /// Only entries dated on or before this date (YYYY-MM-DD)
    #[arg(long)]
    pub to: Option<String>,
    /// Only entries of at least this amount (the sum of their debits)
    #[arg(long)]
    pub min: Option<String>,
    /// Only entries of at most this amount (the sum of their debits)
    #[arg(long)]
    pub max: Option<String>,
    /// Only entries of this kind (捐赠/捐贈, 资助/資助, 冲销/沖銷 are read too)
    #[arg(long, value_enum, ignore_case = true)]
    pub kind: Option<KindArg>,
    /// Only entries with a posting in this fund (any of its names)
    #[arg(long)]
    pub fund: Option<String>,
    /// Show at most this many entries, the newest
    #[arg(long, default_value_t = crate::report::search::LIMIT_DEFAULT)]
    pub limit: u32,
}

/// An entry's kind as typed after `--kind`, in English or either script.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindArg {
    #[value(alias = "手工", alias = "手工凭证", alias = "手工憑證")]
    Manual,
    #[value(alias = "捐赠", alias = "捐贈", alias = "捐款")]
    Donation,
    #[value(alias = "资助", alias = "資助", alias = "支出")]
    Disbursement,
    #[value(alias = "冲销", alias = "沖銷")]
    Reversal,
    #[value(alias = "结转", alias = "結轉")]
    Closing,
}

impl From<KindArg> for crate::ledger::entry::EntryKind {
    fn from(kind: KindArg) -> Self {
        use crate::ledger::entry::EntryKind;
        match kind {
            KindArg::Manual => EntryKind::Manual,
            KindArg::Donation => EntryKind::Donation,
            KindArg::Disbursement => EntryKind::Disbursement,
            KindArg::Reversal => EntryKind::Reversal,
            KindArg::Closing => EntryKind::Closing,
        }
    }
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The entry's id
    pub entry_id: String,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// Checks to run [default: all]
    #[arg(value_enum)]
    pub checks: Vec<CheckArg>,
    /// A ledger fingerprint printed earlier (on an annual summary or by verify): fails
    /// unless an entry of the chain still has this hash, which catches a ledger cut
    /// short or rewritten. The 64 hex digits, or at least the first 16 of them
    #[arg(long, value_name = "HASH")]
    pub fingerprint: Option<String>,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ReconcileArgs {
    #[command(subcommand)]
    pub command: Option<ReconcileCommand>,
    /// The account reconciled [default: 1002 for a bank statement, 1012.01 for a WeChat Pay
    /// bill, 1012.02 for an Alipay bill]
    #[arg(long)]
    pub account: Option<String>,
    /// Statement: a bank's own export (CSV in GBK or UTF-8, .xls or .xlsx; 收入金额/支出金额,
    /// 借/贷, a running 余额 — told by its header), a plain CSV date,amount,reference,description
    /// (amount signed: + in, − out), or a WeChat Pay / Alipay bill as the app exports it
    #[arg(long)]
    pub statement: Option<PathBuf>,
    /// Read --statement as this wallet's bill [default: told by its header]
    #[arg(long, value_enum)]
    pub format: Option<BillFormatArg>,
    /// The statement's closing balance, e.g. 64,207.35
    #[arg(long, allow_hyphen_values = true)]
    pub closing_balance: Option<String>,
    /// The statement's date (YYYY-MM-DD): ledger items up to it are compared; a statement
    /// line dated after it is refused
    #[arg(long)]
    pub as_of: Option<String>,
    /// Record the reconciliation and mark the matched postings cleared (a statement with
    /// the same lines, however laid out, is recorded once per account)
    #[arg(long)]
    pub commit: bool,
    /// Map a bank's own headers: date, amount (signed, or with direction=借貸), or a pair in/out,
    /// and reference, description, balance, counterparty, e.g. date=交易日期,in=收入金额,out=支出金额
    #[arg(long)]
    pub columns: Option<String>,
    /// With --columns: save the mapping in the ledger under NAME once the reconciliation is committed; alone: read the statement with the mapping saved as NAME
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// The statement's encoding [default: its byte order mark, else UTF-8 if every byte is, else GB18030 or Big5 as detected; anything else is refused]
    #[arg(long, value_enum, ignore_case = true)]
    pub encoding: Option<EncodingArg>,
}

/// A WeChat Pay or Alipay bill (`reconcile --format`, `import --from`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BillFormatArg {
    Wechat,
    Alipay,
}

impl From<BillFormatArg> for crate::error::message::Wallet {
    fn from(format: BillFormatArg) -> Self {
        match format {
            BillFormatArg::Wechat => crate::error::message::Wallet::Wechat,
            BillFormatArg::Alipay => crate::error::message::Wallet::Alipay,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum ReconcileCommand {
    /// Recorded reconciliations
    List,
    /// One recorded reconciliation: cleared postings and unmatched statement lines
    Show {
        /// The reconciliation's id (see `reconcile list`)
        id: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// 資產負債表 (after 會民非01) on a date
    BalanceSheet {
        /// YYYY-MM-DD
        #[arg(long)]
        as_of: String,
    },
    /// 業務活動表 (after 會民非02): revenue and costs by restriction, the release of
    /// restricted net assets, the change in net assets
    Activities {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
    },
    /// 現金流量表 (after 會民非03, direct method): the year's money in and out by line, with 行次
    CashFlow {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
    },
    /// Per fund: opening, raised, disbursed, transfers, closing for the year
    Funds {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
    },
    /// Per donor: number of gifts and total (anonymous givers grouped as 愛心人士); or
    /// with --statement one donor's gifts of the year with their receipt numbers
    Donors {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
        /// One donor (name or id): the year-end statement
        #[arg(long, value_name = "DONOR")]
        statement: Option<String>,
        /// With --statement: also write it as a PDF (A4, paginated); an existing FILE is
        /// replaced only with --force, the ledger's own files never
        #[arg(long, value_name = "FILE", requires = "statement")]
        pdf: Option<PathBuf>,
    },
    /// Per program: students and households aided and amounts (students by name, school and grade only)
    Beneficiaries {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
    },
    /// 年度信息公开 (慈善组织信息公开办法): income by source and kind, spending and people
    /// aided by program, each project's money in and out, gifts held in trust, donors and
    /// beneficiaries as the public may see them (names masked, 张*; donors who asked not to
    /// be named never named)
    Disclosure {
        /// The year, e.g. 2022
        #[arg(long)]
        year: String,
        /// Record the disclosure as published now (in the ledger's language), so that any
        /// later change can only be published as a new version with a --correction
        #[arg(long)]
        publish: bool,
        /// With --publish, once published: what was corrected and why (更正说明); the
        /// corrected figures become a new version, the old one stays on record
        #[arg(long, requires = "publish")]
        correction: Option<String>,
    },
}
