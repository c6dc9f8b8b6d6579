//! Importing a sheet or a WeChat Pay / Alipay bill (`lovefund import`): the upload,
//! a dry run shown as a table (or the bad lines, with their line numbers), and a
//! Confirm that runs the same import for real on the same bytes (their SHA-256 is
//! carried and checked). A bill is told from a sheet as the command line tells it
//! (`ops::bill_import::detect_wallet`). The options are the command line's a
//! treasurer needs: the encoding, a saved column profile, `--accept-new`.

use crate::error::{Error, Result};
use crate::i18n::web::W;
use crate::i18n::{L, Lang};
use crate::import::{Encoding, LineError};
use crate::ledger::settings::ProfileKind;
use crate::ops::bill_import::{self, BillImportRequest, BillImported, BillOutcome, LeftOut};
use crate::ops::import::{BadLines, ImportOutcome, ImportRequest, Imported};
use crate::ops::{Actor, Ledger, profiles};
use crate::web::page::{self, Frame};
use crate::web::pages::staged::Staged;
use crate::web::uploads::Held;
use maud::{Markup, html};
use std::path::PathBuf;

/// The encodings to choose from: the command line's `--encoding` values ("": its
/// default, detected).
pub const ENCODINGS: &[(&str, Option<W>)] = &[
    ("", Some(W::EncodingAuto)),
    ("utf-8", None),
    ("gbk", None),
    ("big5", None),
    ("utf-16le", None),
    ("utf-16be", None),
];

/// `--encoding` as chosen.
pub fn encoding(text: &str) -> Result<Option<Encoding>> {
    Ok(match text {
        "" => None,
        "utf-8" => Some(Encoding::Utf8),
        "gbk" => Some(Encoding::Gb18030),
        "big5" => Some(Encoding::Big5),
        "utf-16le" => Some(Encoding::Utf16Le),
        "utf-16be" => Some(Encoding::Utf16Be),
        _ => {
            return Err(Error::input_in(
                crate::error::Field::Named("encoding".into()),
                crate::error::message::WebMessage::NoSuchChoice,
            ));
        }
    })
}

/// The options of the form, as chosen (kept as text to carry to the confirm).
#[derive(Clone, Default)]
pub struct Options {
    pub encoding: String,
    pub profile: String,
    pub accept_new: bool,
}

impl Options {
    fn of(text: impl Fn(&str) -> String) -> Options {
        Options {
            encoding: text("encoding"),
            profile: text("profile"),
            accept_new: !text("accept_new").is_empty(),
        }
    }

    fn hidden(&self) -> Markup {
        html! {
            input type="hidden" name="encoding" value=(self.encoding);
            input type="hidden" name="profile" value=(self.profile);
            @if self.accept_new { input type="hidden" name="accept_new" value="1"; }
        }
    }
}

/// What the page shows after a run: a sheet's or a bill's outcome.
pub enum Shown {
    Sheet(ImportOutcome),
    Bill(BillOutcome),
}

/// The import of `file` as `lovefund import FILE` runs it with these options.
fn run(
    ledger: &mut Ledger,
    user: &str,
    file: PathBuf,
    options: &Options,
    dry_run: bool,
) -> Result<Shown> {
    let actor = Actor::now(user)?;
    let encoding = encoding(&options.encoding)?;
    let profile = Some(options.profile.clone()).filter(|p| !p.is_empty());
    let quiet = |_: u64, _: u64| {};
    if let Some(wallet) = bill_import::detect_wallet(&file, encoding, profile.is_some()) {
        let request = BillImportRequest {
            file,
            wallet: Some(wallet),
            encoding,
            dry_run,
        };
        return Ok(Shown::Bill(bill_import::import_bill(
            ledger, &actor, &request, &quiet,
        )?));
    }
    let request = ImportRequest {
        file,
        dry_run,
        encoding,
        accept_new: options.accept_new,
        columns: None,
        profile,
    };
    Ok(Shown::Sheet(crate::ops::import::import_file(
        ledger, &actor, &request, &quiet,
    )?))
}

/// A refusal's sentence, the upload's own name in place of where the server held it.
pub fn refusal(lang: Lang, error: &Error, held: Option<&Held>) -> Markup {
    let mut said = page::sentence(lang, error);
    if let Some(held) = held {
        said = said.replace(&held.path.display().to_string(), &held.name);
    }
    html! { p.refused role="alert" { (said) } }
}

/// The bad lines of a file: line, column and the sentence, in the reader's language.
pub fn bad_lines(lang: Lang, errors: &[LineError], more: usize, refusal: &Error) -> Markup {
    html! {
        (page::refusal_box(lang, refusal))
        div.card.scroll {
            table id="bad-lines" {
                thead { tr { th.num { (L::Line.get(lang)) } th { (W::Column.get(lang)) } th { (W::Problem.get(lang)) } } }
                tbody {
                    @for e in errors {
                        tr {
                            td.num { (e.line) }
                            td { (e.column) }
                            td.wrap { (crate::i18n::say::say(lang, &e.reason, &e.column)) }
                        }
                    }
                }
            }
            @if more > 0 {
                p.quiet { (crate::i18n::say::say(lang, &crate::error::message::CliMessage::MoreBadLines { more: more as u64 }.into(), "")) }
            }
        }
    }
}

fn summary(lang: Lang, imported: &Imported) -> Markup {
    let s = &imported.0;
    let row = |label: L, count: usize, total: Option<String>| {
        html! { tr { th { (label.get(lang)) } td.num { (count) } td.num { (total.unwrap_or_default()) } } }
    };
    html! {
        @if s.donations + s.disbursements == 0 && s.already_imported > 0 {
            p.quiet { (L::NothingNew.get(lang)) }
        }
        table id="summary" {
            tbody {
                (row(L::Imported, s.lines - s.already_imported, Some(s.encoding.clone())))
                (row(L::Donations, s.donations, Some(s.donations_total.grouped())))
                (row(L::Disbursements, s.disbursements, Some(s.disbursements_total.grouped())))
                (row(L::AlreadyImported, s.already_imported, None))
                (row(L::NewDonors, s.new_donors, None))
                (row(L::NewBeneficiaries, s.new_beneficiaries, None))
                @if let (Some(first), Some(last)) = (&s.first_receipt, &s.last_receipt) {
                    tr { th { (L::Receipt.get(lang)) } td.num.wrap colspan="2" { (first) " … " (last) } }
                }
            }
        }
    }
}

fn left_out(lang: Lang, label: L, rows: &[LeftOut]) -> Markup {
    html! {
        @if !rows.is_empty() {
            h3 { (label.get(lang)) "：" (rows.len()) }
            table.left-out {
                thead { tr {
                    th.num { (L::Line.get(lang)) } th { (L::Date.get(lang)) } th { (W::Donor.get(lang)) }
                    th.num { (L::Amount.get(lang)) } th { (W::Entry.get(lang)) }
                } }
                tbody {
                    @for r in rows {
                        tr {
                            td.num { (r.line) } td { (r.date) } td { (r.counterparty) }
                            td.num { (r.amount.grouped()) }
                            td { @for id in &r.entries { "#" (id) " " } }
                        }
                    }
                }
            }
        }
    }
}

fn bill(lang: Lang, done: &BillImported) -> Markup {
    let wallet = match done.wallet {
        crate::error::message::Wallet::Wechat => W::Wechat,
        crate::error::message::Wallet::Alipay => W::Alipay,
    };
    html! {
        p { (W::BillOf.get(lang)) " " strong id="wallet" { (wallet.get(lang)) } }
        (summary(lang, &done.imported))
        (left_out(lang, L::BillAlreadyRecorded, &done.already_recorded))
        (left_out(lang, L::BillAmbiguous, &done.ambiguous))
        (left_out(lang, L::BillRefunds, &done.refunds))
        p.quiet { (L::BillNotGifts.get(lang)) "：" (done.not_gifts) }
    }
}

/// What a run showed, with `confirm` under a dry run that would record.
fn outcome(frame: &Frame, shown: &Result<Shown>, held: &Held, confirm: Markup) -> Markup {
    let lang = frame.lang;
    let dry = |summary: &crate::import::ImportSummary| summary.dry_run;
    let (body, dry_run) = match shown {
        Err(e) => (refusal(lang, e, Some(held)), false),
        Ok(
            Shown::Sheet(ImportOutcome::BadLines(bad)) | Shown::Bill(BillOutcome::BadLines(bad)),
        ) => (bad_lines_of(lang, bad), false),
        Ok(Shown::Sheet(ImportOutcome::Imported(done))) => (summary(lang, done), dry(&done.0)),
        Ok(Shown::Bill(BillOutcome::Imported(done))) => (bill(lang, done), dry(&done.imported.0)),
    };
    html! {
        div.card id="outcome" {
            p.quiet { (W::File.get(lang)) "：" (held.name) }
            @if dry_run { p.done role="status" { (L::DryRun.get(lang)) } }
            @else if shown.as_ref().is_ok_and(went_through) {
                p.done role="status" id="recorded" { (W::ImportRecorded.get(lang)) }
            }
            (body)
            (confirm)
        }
    }
}

fn went_through(shown: &Shown) -> bool {
    matches!(
        shown,
        Shown::Sheet(ImportOutcome::Imported(_)) | Shown::Bill(BillOutcome::Imported(_))
    )
}

fn bad_lines_of(lang: Lang, bad: &BadLines) -> Markup {
    bad_lines(lang, &bad.errors, bad.more(), &bad.refusal())
}

/// The `<select>` of the encodings.
pub fn encoding_select(lang: Lang, chosen: &str) -> Markup {
    html! {
        label { (W::Encoding.get(lang))
            select name="encoding" {
                @for (code, word) in ENCODINGS {
                    option value=(code) selected[*code == chosen] {
                        @match word { Some(w) => { (w.get(lang)) } None => { (code.to_uppercase()) } }
                    }
                }
            }
        }
    }
}

/// The `<select>` of the saved column profiles ("": none).
pub fn profile_select(lang: Lang, names: &[String], chosen: &str) -> Markup {
    html! {
        label { (W::ColumnProfile.get(lang))
            select name="profile" {
                option value="" { (W::NoProfile.get(lang)) }
                @for name in names { option value=(name) selected[*name == chosen] { (name) } }
            }
        }
    }
}

fn form(frame: &Frame, profiles: &[String], options: &Options) -> Markup {
    let lang = frame.lang;
    html! {
        p.quiet { (W::ImportExplain.get(lang)) }
        form method="post" action="/import" enctype="multipart/form-data" {
            input type="hidden" name="csrf" value=(frame.csrf.unwrap_or_default());
            div.card.form {
                label.wide { (W::File.get(lang)) input type="file" name="file" accept=".csv,.tsv,.txt,.xlsx,.xls,.ods" required; }
                (encoding_select(lang, &options.encoding))
                (profile_select(lang, profiles, &options.profile))
                label.check { input type="checkbox" name="accept_new" value="1" checked[options.accept_new]; (W::AcceptNew.get(lang)) }
                button type="submit" { (W::DryRunButton.get(lang)) }
            }
        }
    }
}

/// The import page: `staged`'s shape, with the import's options and outcome.
pub struct ImportPage;

impl Staged for ImportPage {
    const PATH: &'static str = "/import";
    const TITLE: W = W::Import;
    const CONFIRM: &'static str = "confirm";
    const BUTTON: W = W::Confirm;
    type Typed = Options;
    type Done = Shown;
    type Around = Vec<String>;

    fn typed(text: impl Fn(&str) -> String) -> Options {
        Options::of(text)
    }

    fn check(options: &Options) -> Result<()> {
        encoding(&options.encoding).map(|_| ())
    }

    fn run(
        ledger: &mut Ledger,
        user: &str,
        options: &Options,
        file: PathBuf,
        for_real: bool,
    ) -> Result<Shown> {
        run(ledger, user, file, options, !for_real)
    }

    fn went_through(shown: &Shown) -> bool {
        went_through(shown)
    }

    fn outcome(frame: &Frame, ran: &Result<Shown>, held: &Held, confirm: Markup) -> Markup {
        outcome(frame, ran, held, confirm)
    }

    fn around(ledger: &mut Ledger) -> Result<Vec<String>> {
        profiles::names(ledger, ProfileKind::Import)
    }

    fn page(frame: &Frame, around: Result<Vec<String>>, options: &Options) -> Markup {
        form(frame, &around.unwrap_or_default(), options)
    }

    fn hidden(options: &Options) -> Markup {
        options.hidden()
    }
}
