//! The command line: parse, resolve the global options once into a `Context`, run
//! one command, and map the outcome to an exit status (0 ok, 1 refused or failed,
//! 2 usage). A closed pipe (`lovefund balance | head`) ends quietly.

mod args;
mod chart;
mod close;
mod config;
mod demo;
mod export;
mod help;
mod import;
mod journal;
mod people;
mod progress;
mod receipts;
mod reconcile;
mod reports;
mod signing;
mod users;
mod values;

pub use args::Cli;

use crate::error::message::CliMessage;
use crate::error::{Error, Field, Result};
use crate::i18n::Lang;
use crate::ops::{Actor, Ledger};
use crate::render::Render;
use args::{Command, GlobalArgs};
use clap::Parser;
use std::cell::Cell;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The global options, checked.
pub struct Context {
    pub db: PathBuf,
    lang_flag: Option<Lang>,
    /// The locale's language ($LC_ALL, $LC_MESSAGES, $LANG), below the ledger's.
    locale_lang: Option<Lang>,
    pub json: bool,
    pub read_only: bool,
    pub user: String,
    /// Changes committed to the ledger by this command (see `run`).
    commits: Arc<AtomicU64>,
    /// The language this command spoke in, once it knew the ledger's (for its errors).
    spoken: Cell<Option<Lang>>,
}

impl Context {
    fn from_args(global: &GlobalArgs) -> Result<Context> {
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
        crate::ledger::entry::check_text(Field::User, &user, crate::ops::USER_LENGTH_MAX)?;
        Ok(Context {
            db,
            lang_flag: match global.lang {
                Some(lang) => Some(lang.into()),
                None => values::lang_from_env()?,
            },
            locale_lang: values::lang_from_locale(),
            json: global.json,
            read_only: global.read_only,
            user: user.trim().to_string(),
            commits: Arc::default(),
            spoken: Cell::default(),
        })
    }

    /// The display language: --lang, $LOVEFUND_LANG, then the ledger's own (chosen at
    /// `init`), which beats the locale.
    pub fn lang(&self, ledger: &Ledger) -> Lang {
        let lang = self.lang_flag.unwrap_or_else(|| ledger.lang());
        self.spoken.set(Some(lang));
        lang
    }

    /// The display language of a command without a ledger (`init`, `demo`, an error
    /// before the ledger is open): --lang, $LOVEFUND_LANG, then the locale ($LC_ALL,
    /// $LC_MESSAGES, $LANG), then zh-Hant.
    pub fn lang_without_ledger(&self) -> Lang {
        self.lang_flag.or(self.locale_lang).unwrap_or_default()
    }

    /// The display language of a command that reads the ledger's language without
    /// opening it for a user (`user recover`): --lang, $LOVEFUND_LANG, the ledger's,
    /// then the locale's.
    pub fn lang_without_sign_in(&self) -> Lang {
        let lang = self
            .lang_flag
            .or_else(|| crate::ops::ledger_lang(&self.db))
            .unwrap_or_else(|| self.lang_without_ledger());
        self.spoken.set(Some(lang));
        lang
    }

    /// The language of this command's errors: the one it spoke in (the ledger's once
    /// it was open), else the language without a ledger.
    fn error_lang(&self) -> Lang {
        self.spoken
            .get()
            .unwrap_or_else(|| self.lang_without_ledger())
    }

    /// Who records, and when.
    pub fn actor(&self) -> Result<Actor> {
        Actor::now(&self.user)
    }

    /// Opens the ledger for reading (read-only at the OS level with --read-only),
    /// signing the user in when it has users.
    pub fn open_for_reading(&self) -> Result<Ledger> {
        let mut ledger = Ledger::open_for_reading(&self.db, self.read_only)?;
        let lang = self.lang(&ledger);
        ledger.sign_in(&users::Prompted::new(&self.user, lang))?;
        Ok(ledger)
    }

    /// Opens the ledger to change it; refused under --read-only before the file is touched.
    pub fn open_for_writing(&self) -> Result<Ledger> {
        self.refuse_if_read_only()?;
        let mut ledger = Ledger::open_for_writing(&self.db)?;
        let lang = self.lang(&ledger);
        ledger.sign_in(&users::Prompted::new(&self.user, lang))?;
        ledger.count_commits_in(Arc::clone(&self.commits));
        Ok(ledger)
    }

    /// Whether this command has changed the ledger.
    fn changed_the_ledger(&self) -> bool {
        self.commits.load(Ordering::Relaxed) > 0
    }

    pub fn refuse_if_read_only(&self) -> Result<()> {
        if self.read_only {
            return Err(Error::conflict(CliMessage::ReadOnly));
        }
        Ok(())
    }

    /// Prints a result: as JSON with --json, else as text in `lang`.
    pub fn emit(&self, out: &mut dyn Write, lang: Lang, result: &impl Render) -> Result<()> {
        if self.json {
            return output(crate::render::json::write(out, result));
        }
        output(result.text(out, lang))
    }

    /// Prints a report laid out as a grid: JSON with --json, CSV with `csv`, else a
    /// text table in `lang`; or writes it to a file (.xlsx or .csv) through the guard.
    pub fn emit_table(
        &self,
        out: &mut dyn Write,
        lang: Lang,
        report: &impl crate::render::Tabular,
        to: &TableOut,
        ledger: &crate::ops::Ledger,
    ) -> Result<()> {
        use crate::output::encode::write_encoded;
        let grid = report.grid(lang);
        if let Some(path) = &to.file {
            let guard = output_guard(self, Field::Out, to.force);
            let extension = path.extension().and_then(|e| e.to_str());
            match extension.map(str::to_ascii_lowercase).as_deref() {
                Some("xlsx") => {
                    guard.write(path, &crate::ops::documents::grid_xlsx(&grid)?)?;
                }
                Some("pdf") => {
                    crate::ops::documents::write_grid_pdf(ledger, &grid, lang, path, &guard)?;
                }
                Some("csv") => {
                    let encoding = values::out_encoding(to.encoding, true);
                    let mut file = guard.create(path)?;
                    write_encoded(file.writer(), encoding, |w| output(grid.write_csv(w)))?;
                    file.commit()?;
                }
                _ => {
                    return Err(Error::input_in(
                        Field::Out,
                        crate::error::message::OutputMessage::NotASheetName {
                            path: path.display().to_string(),
                        },
                    ));
                }
            }
            if self.json {
                return output(crate::render::json::write(out, report));
            }
            return output(writeln!(
                out,
                "{} {}",
                crate::i18n::L::Wrote.get(lang),
                path.display()
            ));
        }
        if self.json {
            return output(crate::render::json::write(out, report));
        }
        if to.csv {
            let encoding = values::out_encoding(to.encoding, values::stdout_is_file());
            write_encoded(out, encoding, |w| output(grid.write_csv(w)))
        } else {
            output(grid.write_text(out))
        }
    }
}

/// Where a report goes: a file (`--out`, by its extension), else standard output as
/// CSV (`--csv`) or a text table.
pub struct TableOut {
    pub csv: bool,
    pub file: Option<PathBuf>,
    pub force: bool,
    pub encoding: Option<values::OutEncodingArg>,
}

/// The OS account running lovefund, as the default recorder of entries.
fn os_user() -> String {
    whoami::username().unwrap_or_else(|_| "unknown".to_string())
}

/// The command line's word for a field a refusal names.
fn flag(field: &Field) -> String {
    match field {
        Field::AccountType => "--type".to_string(),
        Field::Beneficiary => "--to".to_string(),
        Field::Code => "CODE".to_string(),
        Field::Name => "NAME".to_string(),
        Field::Path => "PATH".to_string(),
        Field::Setting => "KEY".to_string(),
        Field::Value => "VALUE".to_string(),
        Field::Named(name) => name.clone(),
        other => format!("--{}", other.name()),
    }
}

/// An error as the command line says it, in `lang`: a refusal names its field by
/// its flag.
pub fn message(error: &Error, lang: Lang) -> String {
    crate::i18n::say::error(lang, error, flag)
}

/// A refusal of `field` that this command calls `word` (e.g. `init --name`).
fn renamed(error: Error, field: Field, word: &str) -> Error {
    match error {
        Error::Refused(mut r) if r.field.as_ref() == Some(&field) => {
            r.field = Some(Field::Named(word.to_string()));
            Error::Refused(r)
        }
        other => other,
    }
}

/// What serves the web page (`lovefund serve`): the web front end, given by the
/// binary, since the command line does not name it (they are one layer).
pub type Serve = fn(crate::ops::serve::ServeRequest) -> Result<()>;

/// Runs the command line and returns the exit status: 0 done, 1 refused or failed,
/// 2 a usage error. The status tells the truth about the ledger: when a change was
/// committed but its result could not be printed (standard output full or closed),
/// the status is 0 with a warning on stderr, so a script does not record it again.
pub fn run(serve: Serve) -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match help::parse(&args) {
        Ok(cli) => cli,
        Err(status) => return status,
    };
    let ctx = match Context::from_args(&cli.global) {
        Ok(ctx) => ctx,
        Err(e) => {
            let lang = cli
                .global
                .lang
                .map(Lang::from)
                .or_else(values::lang_from_locale)
                .unwrap_or_default();
            eprintln!("lovefund: {}", message(&e, lang));
            return 1;
        }
    };
    crate::render::table::fit_tables_to(table_width());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let Command::Serve {
        listen,
        tls_cert,
        tls_key,
        idle,
    } = cli.command
    {
        drop(out);
        let outcome = crate::ops::serve::ServeRequest::new(
            ctx.db.clone(),
            &listen,
            tls_cert,
            tls_key,
            ctx.lang_flag,
        )
        .and_then(|request| {
            Ok(crate::ops::serve::ServeRequest {
                read_only: ctx.read_only,
                idle: crate::ops::serve::idle_time(&idle)?,
                ..request
            })
        })
        .and_then(serve);
        return match outcome {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("lovefund: {}", message(&e, ctx.lang_without_sign_in()));
                1
            }
        };
    }
    let outcome = dispatch(&ctx, cli.command, &mut out);
    let flushed = out
        .flush()
        .map_err(|e| Error::io(crate::error::message::IoMessage::Output, e));
    match outcome.and(flushed) {
        Ok(()) => 0,
        Err(e) if e.is_broken_pipe() => 0,
        Err(e) if e.is_output_failure() && ctx.changed_the_ledger() => {
            let lang = ctx.error_lang();
            let why = message(&e, lang);
            let warning = CliMessage::RecordedNotPrinted { why };
            eprintln!(
                "lovefund: {}",
                crate::i18n::say::say(lang, &warning.into(), "")
            );
            0
        }
        Err(e) => {
            eprintln!("lovefund: {}", message(&e, ctx.error_lang()));
            1
        }
    }
}

/// A warning on stderr for each donor name the receipt font cannot draw; the
/// command still succeeds (the name is recorded as given).
fn warn_unprintable(names: &[crate::ops::documents::UnprintableName], lang: Lang) {
    for name in names {
        let warning = CliMessage::UnprintableName {
            name: name.name.clone(),
            characters: name.characters.clone(),
        };
        eprintln!(
            "lovefund: {}",
            crate::i18n::say::say(lang, &warning.into(), "")
        );
    }
}

/// The width text tables fit in: `$COLUMNS` when it is a number, else the width of
/// the terminal standard output goes to, else 80.
fn table_width() -> usize {
    const UNKNOWN: usize = 80;
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0)
    {
        return columns;
    }
    terminal_size::terminal_size_of(io::stdout())
        .map_or(UNKNOWN, |(terminal_size::Width(w), _)| usize::from(w))
}

/// Runs one command line (`args`, starting with the program name) in this process,
/// exactly as the binary would, writing its output to `out`: for tests and tools that
/// drive lovefund many thousands of times without starting a process each time. A
/// usage error comes back as a refusal with clap's message.
pub fn execute<I, T>(args: I, out: &mut dyn Write) -> Result<()>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = Cli::try_parse_from(args).map_err(|e| {
        Error::input(CliMessage::Usage {
            detail: e.to_string().trim_end().to_string(),
        })
    })?;
    let ctx = Context::from_args(&cli.global)?;
    dispatch(&ctx, cli.command, out)
}

fn dispatch(ctx: &Context, command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Init(a) => chart::init(ctx, a, out),
        Command::Account(a) => chart::account(ctx, a, out),
        Command::Fund(a) => chart::fund(ctx, a, out),
        Command::Entry(args::EntryCommand::Add(a)) => journal::entry_add(ctx, a, out),
        Command::Entry(e) => journal::attachments(ctx, e, out),
        Command::Reverse(a) => journal::reverse(ctx, a, out),
        Command::Transfer(a) => journal::transfer(ctx, a, out),
        Command::Balance(a) => reports::balance(ctx, a, out),
        Command::Register(a) => reports::register(ctx, a, out),
        Command::Show(a) => reports::show(ctx, a, out),
        Command::Search(a) => reports::search(ctx, a, out),
        Command::Verify(a) => reports::verify(ctx, a, out),
        Command::Donor(a) => people::donor(ctx, a, out),
        Command::Beneficiary(a) => people::beneficiary(ctx, a, out),
        Command::Donate(a) => people::donate(ctx, a, out),
        Command::Disburse(a) => people::disburse(ctx, a, out),
        Command::Import(a) => import::run(ctx, a, out),
        Command::Receipt(a) => receipts::run(ctx, a, out),
        Command::Close { year } => close::run(ctx, values::year(&year)?, out),
        Command::Summary {
            year,
            pdf,
            font,
            force,
            date,
        } => {
            let date = date
                .as_deref()
                .map(|d| crate::ledger::date::parse_date(Field::Date, d))
                .transpose()?;
            reports::summary(ctx, values::year(&year)?, (pdf, font, force, date), out)
        }
        Command::Demo { out: dir, force } => demo::run(ctx, &dir, force, out),
        Command::Report {
            report,
            csv,
            out: file,
            force,
            out_encoding,
        } => {
            let to = TableOut {
                csv,
                file,
                force,
                encoding: out_encoding,
            };
            reports::report(ctx, report, &to, out)
        }
        Command::Reconcile(a) => reconcile::run(ctx, a, out),
        Command::Backup {
            path,
            force,
            with_signing_key,
        } => reconcile::backup(ctx, &path, force, with_signing_key, out),
        Command::Export(a) => export::run(ctx, a, out),
        Command::Config(c) => config::run(ctx, c, out),
        Command::Key(k) => signing::run(ctx, k, out),
        Command::User(u) => users::run(ctx, u, out),
        Command::Voucher(args::VoucherCommand::Print {
            entry,
            month,
            out: dir,
            font,
            force,
        }) => {
            let guard = output_guard(ctx, Field::Out, force);
            let request = crate::ops::vouchers::VoucherRequest {
                entry: entry.as_deref().map(values::id).transpose()?,
                month: month.as_deref().map(values::month).transpose()?,
                dir,
                font,
            };
            let ledger = ctx.open_for_reading()?;
            let lang = ctx.lang(&ledger);
            let printed = crate::ops::vouchers::print(&ledger, &guard, &request, lang)?;
            ctx.emit(out, lang, &printed)
        }
        Command::Publish { out: dir, force } => signing::publish(ctx, &dir, force, out),
        // Served by `run` with the web front end; not in process.
        Command::Serve { .. } => Err(Error::input(CliMessage::Usage {
            detail: "serve".to_string(),
        })),
        Command::AuditPack(a) => signing::audit_pack(ctx, a, out),
    }
}

/// The output guard for a file this command writes, named on the command line by
/// `field`: it protects the ledger's own files, and replaces a file only with `force`.
fn output_guard(ctx: &Context, field: Field, force: bool) -> crate::output::Guard {
    crate::output::Guard::new(&ctx.db, field, force)
}

/// Turns a failed write to stdout into an error (a closed pipe ends quietly in `run`).
pub fn output<T>(result: io::Result<T>) -> Result<T> {
    result.map_err(|e| Error::io(crate::error::message::IoMessage::Output, e))
}
