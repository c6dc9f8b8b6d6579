//! The command line: parse, resolve the global options once into a `Context`, run
//! one command, and map the outcome to an exit status (0 ok, 1 refused or failed,
//! 2 usage). A closed pipe (`lovefund balance | head`) ends quietly.

mod args;
mod chart;
mod close;
mod demo;
mod export;
mod import;
mod journal;
mod people;
mod receipts;
mod reconcile;
mod reports;

pub use args::Cli;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::store::{Store, meta_get};
use args::{Command, GlobalArgs};
use clap::Parser;
use std::io::{self, Write};
use std::path::PathBuf;

/// The global options, checked.
pub struct Context {
    pub db: PathBuf,
    lang_flag: Option<Lang>,
    pub json: bool,
    pub read_only: bool,
    pub user: String,
}

impl Context {
    fn from_args(global: &GlobalArgs) -> Result<Context> {
        let lang_text = global.lang.clone().or_else(|| {
            std::env::var("LOVEFUND_LANG")
                .ok()
                .filter(|s| !s.is_empty())
        });
        let lang_flag = match lang_text {
            None => None,
            Some(text) => Some(Lang::parse(&text).ok_or_else(|| {
                Error::input(format!(
                    "--lang {text:?} is not a language lovefund speaks; use zh-Hant, zh-Hans or en"
                ))
            })?),
        };
        let db = global.db.clone().unwrap_or_else(|| {
            std::env::var_os("LOVEFUND_DB")
                .filter(|s| !s.is_empty())
                .map_or_else(|| PathBuf::from("lovefund.db"), PathBuf::from)
        });
        let user = global
            .user
            .clone()
            .or_else(|| std::env::var("LOVEFUND_USER").ok())
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(os_user);
        crate::ledger::entry::check_text("--user", &user, 100)?;
        Ok(Context {
            db,
            lang_flag,
            json: global.json,
            read_only: global.read_only,
            user: user.trim().to_string(),
        })
    }

    /// The demo's own ledger, recorded by "demo".
    pub fn for_demo(db: PathBuf, lang: Lang) -> Context {
        Context {
            db,
            lang_flag: Some(lang),
            json: false,
            read_only: false,
            user: "demo".to_string(),
        }
    }

    /// The display language: --lang, $LOVEFUND_LANG, then the ledger's default.
    pub fn lang(&self, store: &Store) -> Lang {
        self.lang_flag.unwrap_or_else(|| ledger_lang(store))
    }

    /// Receipts and summaries: --lang (or $LOVEFUND_LANG) if given, else the
    /// ledger's own language from `init --lang`.
    pub fn document_lang(&self, store: &Store) -> Lang {
        self.lang_flag().unwrap_or_else(|| ledger_lang(store))
    }

    pub fn lang_flag(&self) -> Option<Lang> {
        self.lang_flag
    }

    /// Opens the ledger for reading (read-only at the OS level with --read-only).
    pub fn open_for_reading(&self) -> Result<Store> {
        let store = Store::open(&self.db, self.read_only)?;
        store.set_read_pragmas()?;
        Ok(store)
    }

    /// Opens the ledger to change it; refused under --read-only before the file is touched.
    pub fn open_for_writing(&self) -> Result<Store> {
        self.refuse_if_read_only()?;
        Store::open(&self.db, false)
    }

    pub fn refuse_if_read_only(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::conflict(
                "refused: this command changes the ledger, and --read-only was given; \
                 run it without --read-only",
            ));
        }
        Ok(())
    }

    /// The time an entry is recorded, in UTC.
    pub fn now(&self) -> String {
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }
}

/// The ledger's own default language (set by `init --lang`).
pub fn ledger_lang(store: &Store) -> Lang {
    meta_get(store.conn(), "lang")
        .ok()
        .flatten()
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

/// The OS account running lovefund, as the default recorder of entries.
fn os_user() -> String {
    whoami::username().unwrap_or_else(|_| "unknown".to_string())
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let outcome =
        Context::from_args(&cli.global).and_then(|ctx| dispatch(&ctx, cli.command, &mut out));
    let flushed = out.flush();
    match outcome {
        Ok(()) => match flushed {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                eprintln!("lovefund: cannot write the output: {e}");
                1
            }
            _ => 0,
        },
        Err(Error::Io(message)) if message.contains("Broken pipe") => 0,
        Err(e) => {
            eprintln!("lovefund: {e}");
            1
        }
    }
}

/// Runs one command line (`args`, starting with the program name) in this process,
/// exactly as the binary would, writing its output to `out`: for tests and tools that
/// drive lovefund many thousands of times without starting a process each time. A
/// usage error comes back as `Error::Input` with clap's message.
pub fn execute<I, T>(args: I, out: &mut dyn Write) -> Result<()>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = Cli::try_parse_from(args).map_err(|e| Error::input(e.to_string().trim_end()))?;
    let ctx = Context::from_args(&cli.global)?;
    dispatch(&ctx, cli.command, out)
}

fn dispatch(ctx: &Context, command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Init(a) => chart::init(ctx, a, out),
        Command::Account(a) => chart::account(ctx, a, out),
        Command::Fund(a) => chart::fund(ctx, a, out),
        Command::Entry(args::EntryCommand::Add(a)) => journal::entry_add(ctx, a, out),
        Command::Reverse(a) => journal::reverse(ctx, a, out),
        Command::Balance(a) => reports::balance(ctx, a, out),
        Command::Register(a) => reports::register(ctx, a, out),
        Command::Show(a) => reports::show(ctx, a, out),
        Command::Verify(a) => reports::verify(ctx, a, out),
        Command::Donor(a) => people::donor(ctx, a, out),
        Command::Beneficiary(a) => people::beneficiary(ctx, a, out),
        Command::Donate(a) => people::donate(ctx, a, out),
        Command::Disburse(a) => people::disburse(ctx, a, out),
        Command::Import(a) => import::run(ctx, a, out),
        Command::Receipt(a) => receipts::run(ctx, a, out),
        Command::Close { year } => close::run(ctx, year, out),
        Command::Summary { year, pdf, font } => reports::summary(ctx, year, pdf, font, out),
        Command::Demo { out: dir } => demo::run(ctx, &dir, out),
        Command::Report { report, csv } => reports::report(ctx, report, csv, out),
        Command::Reconcile(a) => reconcile::run(ctx, a, out),
        Command::Backup { path } => reconcile::backup(ctx, &path, out),
        Command::Export(a) => export::run(ctx, a, out),
    }
}

/// Turns a failed write to stdout into an error (a closed pipe ends quietly in `run`).
pub fn output<T>(result: io::Result<T>) -> Result<T> {
    result.map_err(|e| Error::io("cannot write the output", e))
}
