//! Receipts: printing their PDFs, voiding one (and, if asked, reversing its
//! donation in the same transaction), reissuing one under a new number, and finding
//! the receipt a printed verification code belongs to.

use super::{Actor, Ledger};
use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::ledger::entry::{MEMO_LENGTH_MAX, check_text};
use crate::ledger::receipt::{ReceiptNumber, normalize_code, verification_code};
use crate::output::Guard;
use crate::render::Render;
use crate::render::pdf::{PdfFont, ReceiptDoc};
use crate::render::receipts::{missing_chars_own, missing_chars_shared, receipt_doc};
use crate::report::receipts::{ReceiptView, receipt_view};
use crate::store::Read;
use crate::store::UnitOfWork;
use crate::store::receipts::ReceiptRecord;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Which receipts to print, where, and with which font (None: $LOVEFUND_FONT or
/// the bundled one).
pub struct PrintRequest {
    pub number: Option<ReceiptNumber>,
    pub year: Option<i32>,
    pub dir: PathBuf,
    pub font: Option<PathBuf>,
}

#[derive(Debug)]
pub struct Printed {
    /// The folder written to and the numbers of the receipts written there, in number
    /// order: their paths are made as they are shown, so that a year of a hundred
    /// thousand receipts does not hold as many strings.
    dir: PathBuf,
    written: Vec<ReceiptNumber>,
    /// Receipts of the year left out: their own text has characters the font
    /// cannot draw. Each blocks only itself; the others are written.
    pub not_printed: Vec<NotPrinted>,
}

impl Printed {
    /// The paths of the files written, in number order.
    pub fn written(&self) -> impl ExactSizeIterator<Item = String> + '_ {
        let dir = &self.dir;
        self.written
            .iter()
            .map(move |number| receipt_path(dir, *number).display().to_string())
    }
}

/// As `{"written": [PATH, …], "not_printed": […]}`.
impl Serialize for Printed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Paths<'a>(&'a Printed);
        impl Serialize for Paths<'_> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                s.collect_seq(self.0.written())
            }
        }
        let mut printed = s.serialize_struct("Printed", 2)?;
        printed.serialize_field("written", &Paths(self))?;
        printed.serialize_field("not_printed", &self.not_printed)?;
        printed.end()
    }
}

/// A receipt the font cannot draw: its number, its donor, the characters missing.
#[derive(Debug, Serialize)]
pub struct NotPrinted {
    pub receipt: String,
    pub donor: String,
    /// Each character with its code point, e.g. "𠮷 U+20BB7".
    pub characters: Vec<String>,
}

/// How a character is named in a message: itself and its code point.
pub fn char_with_code_point(c: char) -> String {
    format!("{c} U+{:04X}", u32::from(c))
}

impl Printed {
    /// The refusal a front end ends with when receipts were left out (exit 1), after
    /// showing what was written and what was not.
    pub fn refusal(&self) -> Option<Error> {
        let first = self.not_printed.first()?;
        let count = self.not_printed.len();
        Some(Error::input_in(
            Field::Font,
            OpsMessage::ReceiptsNotPrinted {
                count: count as u64,
                receipt: first.receipt.clone(),
                donor: first.donor.clone(),
                characters: first.characters.clone(),
                written: self.written.len() as u64,
            },
        ))
    }
}

impl Render for Printed {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        for path in self.written() {
            writeln!(out, "{} {path}", L::Wrote.get(lang))?;
        }
        for left in &self.not_printed {
            writeln!(
                out,
                "{} {}  {}  {}",
                L::NotPrinted.get(lang),
                left.receipt,
                left.donor,
                left.characters.join(", ")
            )?;
        }
        Ok(())
    }
}

/// Writes DIR/NUMBER.pdf for one receipt or every receipt of a year, in `lang`,
/// each through `guard`. Every receipt is checked against the font, and every file
/// against the guard, before any file is written: a single receipt the font cannot
/// draw is refused; of a year's, those are left out and listed in `not_printed`
/// (the fund's name or a label it cannot draw refuses them all). `progress(done,
/// total)` is called after each file.
///
/// The receipts stream from the store twice (checked, then printed), so memory stays
/// flat however many there are; they are laid out and written on every core, while
/// this thread reads the next ones.
pub fn print(
    ledger: &Ledger,
    request: &PrintRequest,
    guard: &Guard,
    lang: Lang,
    progress: &dyn Fn(u64, u64),
) -> Result<Printed> {
    let store = ledger.reader();
    let funds = store.funds()?;
    let fund_name = store.ledger_name_in(lang.into())?;
    let signer = crate::report::receipts::Signer::of(store)?;
    let reviewers = crate::report::receipts::reviewers(store)?;
    // The first pass checks the font against what a receipt prints in text, which its
    // signature is not part of: it lays out unsigned receipts (signing is ~20 µs each).
    let doc_with = |r: &ReceiptRecord, signed: bool| {
        let mut view = receipt_view(r, &funds, lang);
        view.reviewer = reviewers.get(&r.entry_id).cloned();
        if signed {
            signer.sign(&mut view);
        }
        receipt_doc(&view, &fund_name, lang)
    };
    let doc_of = |r: &ReceiptRecord| doc_with(r, true);
    let for_each = |visit: &mut dyn FnMut(ReceiptRecord) -> Result<()>| match request.number {
        Some(n) => visit(receipt_or_refusal(store, n)?),
        None => store.for_each_receipt(request.year, visit),
    };
    let dir = &request.dir;
    // The file's name comes from the number only.
    let path_of = |number: ReceiptNumber| receipt_path(dir, number);

    // First pass: the font is loaded at the first receipt (none: nothing to print).
    let mut font = None;
    let mut total = 0u64;
    let mut not_printed = Vec::new();
    for_each(&mut |record| {
        let doc = doc_with(&record, false);
        let font = match &font {
            Some(font) => font,
            None => {
                let loaded = super::documents::font(request.font.as_deref())?;
                if let Some(c) = missing_chars_shared(&doc, &loaded).first() {
                    return Err(cannot_draw(None, *c));
                }
                font.insert(loaded)
            }
        };
        let missing = missing_chars_own(&doc, font);
        match missing.first() {
            None => {
                guard.check(&path_of(record.number))?;
                total += 1;
            }
            Some(c) if request.number.is_some() => {
                return Err(cannot_draw(Some(record.number.to_string()), *c));
            }
            Some(_) => not_printed.push(NotPrinted {
                receipt: record.number.to_string(),
                donor: doc.donor,
                characters: missing.into_iter().map(char_with_code_point).collect(),
            }),
        }
        Ok(())
    })?;
    let Some(font) = font else {
        return Err(Error::not_found(OpsMessage::NoReceiptsOfYear {
            year: i64::from(request.year.unwrap_or_default()),
        }));
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::io(
            crate::error::message::IoMessage::MakeFolder {
                path: dir.display().to_string(),
            },
            e,
        )
    })?;

    // Second pass: the printable receipts, rendered and written by the workers.
    let left_out: std::collections::HashSet<&str> =
        not_printed.iter().map(|n| n.receipt.as_str()).collect();
    let skip = |record: &ReceiptRecord| left_out.contains(record.number.to_string().as_str());
    // The files are made durable a batch at a time, not one by one (`output::Batch`).
    let batch = guard.batch();
    let write = |number: ReceiptNumber, bytes: Vec<u8>| {
        batch.write(&path_of(number), &bytes)?;
        Ok(number)
    };
    let mut written = Vec::new();
    render_all(&font, &for_each, &doc_of, &skip, &write, &mut |done| {
        written.push(done);
        progress(written.len() as u64, total);
        Ok(())
    })?;
    batch.finish()?;
    written.sort_unstable_by_key(|number| (number.year, number.seq));
    Ok(Printed {
        dir: dir.clone(),
        written,
        not_printed,
    })
}

/// Streams receipts from the store into a visitor.
type ForEach<'a> = dyn Fn(&mut dyn FnMut(ReceiptRecord) -> Result<()>) -> Result<()> + 'a;

/// Lays out every receipt `for_each` gives (but those `skip` leaves out) on this
/// thread and renders it on every core (`super::workers`); `deliver` runs on the
/// worker with the PDF's bytes (writes the file, or hands them back), and `take` on
/// this thread with what it returned, in the order they finish.
fn render_all<T: Send>(
    font: &PdfFont,
    for_each: &ForEach<'_>,
    doc_of: &dyn Fn(&ReceiptRecord) -> ReceiptDoc,
    skip: &dyn Fn(&ReceiptRecord) -> bool,
    deliver: &(dyn Fn(ReceiptNumber, Vec<u8>) -> Result<T> + Sync),
    take: &mut dyn FnMut(T) -> Result<()>,
) -> Result<()> {
    let work = |(number, doc): (ReceiptNumber, ReceiptDoc)| {
        let bytes = crate::render::pdf::render_receipt(&doc, font).map_err(|e| {
            Error::io_said(
                crate::error::message::IoMessage::LayOut {
                    document: crate::error::message::Document::Receipt,
                },
                format!("{number}: {e}"),
            )
        })?;
        deliver(number, bytes)
    };
    let feed = |send: &mut dyn FnMut((ReceiptNumber, ReceiptDoc)) -> Result<()>| {
        for_each(&mut |record| {
            if skip(&record) {
                return Ok(());
            }
            send((record.number, doc_of(&record)))
        })
    };
    super::workers::on_workers(&feed, &work, take)
}

/// Every receipt of `year` as its PDF's bytes, handed to `take` in the order they
/// finish (the audit pack); returns how many. A receipt the font cannot draw refuses
/// them all before the first is rendered; a year without receipts gives none.
pub fn render_year(
    ledger: &Ledger,
    year: i32,
    font_path: Option<&Path>,
    lang: Lang,
    take: &mut dyn FnMut(ReceiptNumber, Vec<u8>) -> Result<()>,
) -> Result<u64> {
    render(ledger, Err(year), font_path, lang, take)
}

/// One receipt's PDF, as `receipt print NO` writes it (its reviewer named), for a
/// front end that hands it over rather than writing a file (the web page).
pub fn render_one(ledger: &Ledger, number: ReceiptNumber, lang: Lang) -> Result<Vec<u8>> {
    let mut pdf = None;
    render(ledger, Ok(number), None, lang, &mut |_, bytes| {
        pdf = Some(bytes);
        Ok(())
    })?;
    pdf.ok_or_else(|| {
        Error::not_found(OpsMessage::NoReceiptOfYear {
            number: number.to_string(),
            year: i64::from(number.year),
        })
    })
}

/// The receipts chosen (one number, else every one of a year) as PDFs.
fn render(
    ledger: &Ledger,
    chosen: std::result::Result<ReceiptNumber, i32>,
    font_path: Option<&Path>,
    lang: Lang,
    take: &mut dyn FnMut(ReceiptNumber, Vec<u8>) -> Result<()>,
) -> Result<u64> {
    let store = ledger.reader();
    let funds = store.funds()?;
    let fund_name = store.ledger_name_in(lang.into())?;
    let signer = crate::report::receipts::Signer::of(store)?;
    // A single receipt names its reviewer, as `receipt print NO` does.
    let reviewers = match chosen {
        Ok(_) => crate::report::receipts::reviewers(store)?,
        Err(_) => Default::default(),
    };
    let doc_of = |r: &ReceiptRecord| {
        let mut view = receipt_view(r, &funds, lang);
        if let Some(reviewer) = reviewers.get(&r.entry_id) {
            view.reviewer = Some(reviewer.clone());
        }
        signer.sign(&mut view);
        receipt_doc(&view, &fund_name, lang)
    };
    let for_each = |visit: &mut dyn FnMut(ReceiptRecord) -> Result<()>| match chosen {
        Ok(number) => visit(receipt_or_refusal(store, number)?),
        Err(year) => store.for_each_receipt(Some(year), visit),
    };
    let mut font = None;
    let mut total = 0u64;
    for_each(&mut |record| {
        let doc = doc_of(&record);
        let font = match &font {
            Some(font) => font,
            None => {
                let loaded = super::documents::font(font_path)?;
                if let Some(c) = missing_chars_shared(&doc, &loaded).first() {
                    return Err(cannot_draw(None, *c));
                }
                font.insert(loaded)
            }
        };
        if let Some(c) = missing_chars_own(&doc, font).first() {
            return Err(cannot_draw(Some(record.number.to_string()), *c));
        }
        total += 1;
        Ok(())
    })?;
    let Some(font) = font else {
        return Ok(0);
    };
    let hand_back = |number: ReceiptNumber, bytes: Vec<u8>| Ok((number, bytes));
    render_all(
        &font,
        &for_each,
        &doc_of,
        &|_| false,
        &hand_back,
        &mut |(n, b)| take(n, b),
    )?;
    Ok(total)
}

/// A refusal for `what` having a character the font cannot draw; nothing written.
fn cannot_draw(receipt: Option<String>, character: char) -> Error {
    Error::input_in(
        Field::Font,
        OpsMessage::ReceiptCharacter { receipt, character },
    )
}

pub struct VoidRequest {
    pub number: ReceiptNumber,
    pub reason: String,
    /// Also reverse the donation, dated this day (None: today).
    pub reverse: bool,
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Serialize)]
pub struct Voided {
    pub receipt: String,
    pub status: &'static str,
    pub reversal: Option<i64>,
}

impl Render for Voided {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        writeln!(out, "{}: {}", self.receipt, L::Void.get(lang))?;
        if let Some(id) = self.reversal {
            writeln!(out, "{} {id}", L::Recorded.get(lang))?;
        }
        Ok(())
    }
}

/// Voids a receipt (the number stays, with the reason, who and when), and with
/// `reverse` reverses its donation in the same transaction.
pub fn void(ledger: &mut Ledger, actor: &Actor, request: VoidRequest) -> Result<Voided> {
    let number = request.number;
    let reason = request.reason.trim();
    if reason.is_empty() {
        return Err(Error::input_in(Field::Reason, OpsMessage::VoidReasonEmpty));
    }
    check_text(Field::Reason, reason, MEMO_LENGTH_MAX)?;
    let date = request.date.unwrap_or(actor.today);
    let lang = ledger.lang();
    let clock = ledger.reader().local_time()?;
    let store = ledger.store_mut()?;
    let reversal = store.write(&actor.stamp(), |appender| {
        let record = appender.receipt(number)?.ok_or_else(|| {
            Error::not_found(OpsMessage::NoReceipt {
                number: number.to_string(),
            })
        })?;
        refuse_if_void(&record, clock)?;
        appender.void_receipt(number, reason, &actor.user, &actor.recorded_at)?;
        if !request.reverse {
            return Ok(None);
        }
        super::journal::reverse_in(appender, actor, record.entry_id, date, reason, lang)
            .map(|a| Some(a.id))
    })?;
    Ok(Voided {
        receipt: number.to_string(),
        status: "void",
        reversal,
    })
}

/// A void receipt's refusal, its time in the ledger's zone.
fn refuse_if_void(record: &ReceiptRecord, clock: crate::ledger::time::LocalTime) -> Result<()> {
    match &record.void {
        Some(v) => Err(Error::conflict(OpsMessage::ReceiptVoid {
            number: record.number.to_string(),
            reason: v.reason.to_string(),
            by: v.voided_by.to_string(),
            at: clock.show(&v.voided_at),
        })),
        None => Ok(()),
    }
}

#[derive(Debug, Serialize)]
pub struct Reissued {
    pub void: String,
    pub receipt: String,
}

impl Render for Reissued {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        writeln!(
            out,
            "{}: {} — {} {}",
            self.void,
            L::Void.get(lang),
            L::ReplacedBy.get(lang),
            self.receipt
        )
    }
}

/// The reason a reissue records when none is given.
pub const REISSUE_REASON_DEFAULT: &str = "reissued";

/// Voids `number` and issues the next number of its year for the same donation.
pub fn reissue(
    ledger: &mut Ledger,
    actor: &Actor,
    number: ReceiptNumber,
    reason: &str,
) -> Result<Reissued> {
    check_text(Field::Reason, reason, MEMO_LENGTH_MAX)?;
    let reason = match reason.trim() {
        "" => REISSUE_REASON_DEFAULT,
        r => r,
    };
    let clock = ledger.reader().local_time()?;
    let new = ledger.store_mut()?.write(&actor.stamp(), |unit| {
        let record = unit.receipt(number)?.ok_or_else(|| {
            Error::not_found(OpsMessage::NoReceipt {
                number: number.to_string(),
            })
        })?;
        refuse_if_void(&record, clock)?;
        if let Some(by) = unit.reversed_by(record.entry_id)? {
            return Err(Error::conflict(OpsMessage::DonationReversed {
                number: number.to_string(),
                entry: record.entry_id,
                by,
            }));
        }
        let date = crate::ledger::date::parse_date("date", &record.date)?;
        unit.void_receipt(number, reason, &actor.user, &actor.recorded_at)?;
        unit.reissue_receipt(&record, chrono::Datelike::year(&date))
    })?;
    Ok(Reissued {
        void: number.to_string(),
        receipt: new.to_string(),
    })
}

/// The receipt a printed verification code belongs to, as the reader sees it.
pub fn find_by_code(ledger: &Ledger, code: &str, lang: Lang) -> Result<CodeFound> {
    let code = normalize_code(code)?;
    let store = ledger.reader();
    let found = store
        .receipt_hashes()?
        .into_iter()
        .find(|(number, hash)| verification_code(hash, *number) == code)
        .map(|(number, _)| number)
        .ok_or_else(|| {
            Error::not_found(OpsMessage::NoVerificationCode {
                code: code.to_string(),
            })
        })?;
    let record = receipt_or_refusal(store, found)?;
    let mut view = receipt_view(&record, &store.funds()?, lang);
    view.reviewer = crate::report::receipts::reviewers(store)?.remove(&record.entry_id);
    Ok(CodeFound { code, view })
}

/// A verification code and the receipt it belongs to.
pub struct CodeFound {
    pub code: String,
    pub view: ReceiptView,
}

impl Serialize for CodeFound {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.view.serialize(s)
    }
}

impl Render for CodeFound {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let view = &self.view;
        let status = if view.status == "void" {
            L::Void
        } else {
            L::Issued
        };
        writeln!(
            out,
            "{}: {} {}  {}  {}  {}  {}",
            self.code,
            L::ReceiptNo.get(lang),
            view.number,
            view.date,
            view.donor,
            view.amount.yuan(),
            status.get(lang)
        )?;
        if let Some(reason) = &view.void_reason {
            writeln!(out, "{}: {reason}", L::VoidReason.get(lang))?;
        }
        if let Some(new) = &view.replaced_by {
            writeln!(out, "{} {new}", L::ReplacedBy.get(lang))?;
        }
        Ok(())
    }
}

/// A folder's receipt file, for callers that print one receipt and show its path.
pub fn receipt_path(dir: &Path, number: ReceiptNumber) -> PathBuf {
    dir.join(format!("{number}.pdf"))
}

/// The receipt with `number`, or a refusal saying where to find the numbers.
fn receipt_or_refusal(store: &impl Read, number: ReceiptNumber) -> Result<ReceiptRecord> {
    store.receipt(number)?.ok_or_else(|| {
        Error::not_found(OpsMessage::NoReceiptOfYear {
            number: number.to_string(),
            year: i64::from(number.year),
        })
    })
}
