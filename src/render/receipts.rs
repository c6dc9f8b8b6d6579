//! Receipts on paper and on screen: a `ReceiptView` laid out as a PDF document in
//! the ledger's language (with the bundled CJK font unless another is given), and the
//! text tables of `receipt list` and `receipt gaps`.

use super::pdf::{PdfDates, PdfFont, ReceiptDoc, ReceiptLabels};
use super::table::{Align, Table, width};
use crate::error::message::RenderMessage;
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::ledger::time::unix_seconds;
use crate::report::receipts::ReceiptView;
use crate::report::receipts::{ReceiptListHead, ReceiptListRow, ReceiptNote, ReceiptSequence};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Noto Sans CJK SC, subset to the CJK Unified Ideographs and common punctuation
/// (SIL OFL 1.1; see receipts/README.md). Draws both scripts.
pub static BUNDLED_FONT: &[u8] = include_bytes!("../../receipts/NotoSansCJKsc-Regular-subset.ttf");

/// The largest font file `--font` reads: a CJK font of one weight is 10–30 MB, a
/// collection of every CJK face of one weight (Noto Sans CJK Regular .ttc) 19 MB.
pub const FONT_BYTES_MAX: u64 = 64 * 1024 * 1024;

/// The bundled font, or the TTF/OTF/TTC at `path`. `PATH#N` picks face N (from 0)
/// of a collection; a file whose own name ends in `#N` is taken whole if it exists.
pub fn load_font(path: Option<&Path>) -> Result<PdfFont> {
    let Some(given) = path else {
        return PdfFont::from_bytes(BUNDLED_FONT)
            .map_err(|e| Error::io_said(crate::error::message::IoMessage::BundledFontDamaged, e));
    };
    let (file, face_index) = font_path_and_face(given);
    let bytes = read_font_file(&file)?;
    PdfFont::from_face(bytes, face_index).map_err(|e| {
        Error::input_in(
            Field::Font,
            RenderMessage::NotAFont {
                path: given.display().to_string(),
                detail: e.to_string(),
            },
        )
    })
}

/// `PATH#N` as the file and the face number; anything else as itself and face 0.
fn font_path_and_face(given: &Path) -> (PathBuf, u32) {
    // A path that is not UTF-8 is taken whole.
    let split = given
        .to_str()
        .and_then(|text| text.rsplit_once('#'))
        .and_then(|(file, face)| {
            let digits =
                !face.is_empty() && face.len() <= 4 && face.bytes().all(|b| b.is_ascii_digit());
            let face_index = face.parse().ok().filter(|_| digits)?;
            Some((PathBuf::from(file), face_index))
        });
    match split {
        Some(split) if !given.exists() => split,
        _ => (given.to_path_buf(), 0),
    }
}

/// The bytes of a regular file of at most `FONT_BYTES_MAX`: a device, a pipe or a
/// folder is refused before it is read, so `--font /dev/zero` cannot read forever.
fn read_font_file(file: &Path) -> Result<Vec<u8>> {
    let path = file.display().to_string();
    let refuse = |why: RenderMessage| Error::input_in(Field::Font, why);
    let metadata = std::fs::metadata(file).map_err(|e| {
        Error::io(
            crate::error::message::IoMessage::ReadFont {
                path: file.display().to_string(),
            },
            e,
        )
    })?;
    if !metadata.is_file() {
        return Err(refuse(RenderMessage::FontNotAFile { path: path.clone() }));
    }
    let too_big = || {
        refuse(RenderMessage::FontTooLarge {
            path: path.clone(),
            mib: FONT_BYTES_MAX / (1024 * 1024),
        })
    };
    if metadata.len() > FONT_BYTES_MAX {
        return Err(too_big());
    }
    let opened = std::fs::File::open(file).map_err(|e| {
        Error::io(
            crate::error::message::IoMessage::ReadFont {
                path: file.display().to_string(),
            },
            e,
        )
    })?;
    // The file may grow between the check and the read: never read past the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    opened
        .take(FONT_BYTES_MAX + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Error::io(
                crate::error::message::IoMessage::ReadFont {
                    path: file.display().to_string(),
                },
                e,
            )
        })?;
    if bytes.len() as u64 > FONT_BYTES_MAX {
        return Err(too_big());
    }
    Ok(bytes)
}

fn labels(lang: Lang) -> ReceiptLabels {
    let t = |l: L| l.get(lang).to_string();
    ReceiptLabels {
        title: t(L::ReceiptTitle),
        number: t(L::ReceiptNo),
        date: t(L::ReceiptDate),
        donor: t(L::Donor),
        amount_figures: t(L::AmountFigures),
        amount_words: t(L::AmountWords),
        purpose: t(L::Purpose),
        method: t(L::PaymentMethod),
        official_no: t(L::OfficialNo),
        handler: t(L::Handler),
        reviewer: t(L::Reviewer),
        verification: t(L::Verification),
        signing_key: t(L::SigningKey),
        thanks: t(L::Thanks),
        void_mark: t(L::VoidMark),
        void_reason: t(L::VoidReason),
    }
}

/// A receipt's PDF is dated when it was issued, and changed when it was voided.
fn receipt_dates(view: &ReceiptView) -> PdfDates {
    let issued = unix_seconds(&view.issued_at).unwrap_or_default();
    let voided = view.voided_at.as_deref().and_then(unix_seconds);
    PdfDates {
        created: issued,
        modified: voided.unwrap_or(issued),
    }
}

pub fn receipt_doc(view: &ReceiptView, fund_name: &str, lang: Lang) -> ReceiptDoc {
    let void_reason = view
        .void_reason
        .as_ref()
        .map(|reason| match &view.replaced_by {
            Some(new) => format!("{reason} ({} {new})", L::ReplacedBy.get(lang)),
            None => reason.clone(),
        });
    ReceiptDoc {
        fund_name: fund_name.to_string(),
        number: view.number.clone(),
        date: view.date.clone(),
        donor: view.donor.clone(),
        amount_figures: view.amount.yuan(),
        amount_words: view.amount_words.clone(),
        purpose: view.fund.clone(),
        method: view.method.clone(),
        official_no: view.official_no.clone(),
        handler: view.handler.clone(),
        reviewer: view.reviewer.clone().unwrap_or_default(),
        verification_code: view.verification_code.clone(),
        qr: view
            .qr
            .clone()
            .unwrap_or_else(|| view.verification_code.clone()),
        payload: view.payload.clone(),
        signing_key: view
            .signing_key
            .as_ref()
            .map(|k| (k.key_id.clone(), k.public_key.clone())),
        void_reason,
        replaces: view.replaces.as_ref().map(|old| match lang {
            Lang::ZhHant => format!("本收據替代第 {old} 號（已作廢）"),
            Lang::ZhHans => format!("本收据替代第 {old} 号（已作废）"),
            Lang::En => format!("This receipt replaces No. {old}, which is void."),
        }),
        labels: labels(lang),
        dates: receipt_dates(view),
    }
}

/// The characters of the parts every receipt of the ledger shares (the fund's name
/// and the labels) that the font cannot draw: if any, no receipt can be printed.
pub fn missing_chars_shared(doc: &ReceiptDoc, font: &PdfFont) -> Vec<char> {
    let l = &doc.labels;
    let texts = [
        &doc.fund_name,
        &l.title,
        &l.number,
        &l.date,
        &l.donor,
        &l.amount_figures,
        &l.amount_words,
        &l.purpose,
        &l.method,
        &l.official_no,
        &l.handler,
        &l.reviewer,
        &l.verification,
        &l.signing_key,
        &l.thanks,
        &l.void_mark,
        &l.void_reason,
    ];
    missing_in(font, texts.into_iter())
}

/// The characters of this receipt's own text (its donor, amount, fund, method,
/// handler, reviewer, numbers, void reason) that the font cannot draw.
pub fn missing_chars_own(doc: &ReceiptDoc, font: &PdfFont) -> Vec<char> {
    let texts = [
        &doc.number,
        &doc.date,
        &doc.donor,
        &doc.amount_figures,
        &doc.amount_words,
        &doc.purpose,
        &doc.method,
        &doc.handler,
        &doc.reviewer,
        &doc.verification_code,
    ];
    let extra = [doc.official_no.as_ref(), doc.void_reason.as_ref()];
    missing_in(font, texts.into_iter().chain(extra.into_iter().flatten()))
}

fn missing_in<'a>(font: &PdfFont, texts: impl Iterator<Item = &'a String>) -> Vec<char> {
    let mut missing: Vec<char> = Vec::new();
    for text in texts {
        for c in font.missing_chars(text) {
            if !missing.contains(&c) {
                missing.push(c);
            }
        }
    }
    missing
}

/// A receipt list written as its rows stream in: the columns are laid out from the
/// head (the largest amount, the donors' and funds' names), and the note comes last,
/// so it needs no width.
pub struct ReceiptListText {
    table: Table,
    lang: Lang,
}

impl ReceiptListText {
    pub fn start(
        out: &mut dyn Write,
        head: &ReceiptListHead,
        lang: Lang,
    ) -> io::Result<ReceiptListText> {
        let widest = |texts: &[String]| texts.iter().map(|t| width(t)).max().unwrap_or(0);
        let status = width(L::Void.get(lang)).max(width(L::Issued.get(lang)));
        let table = Table::with_bounds(
            &[
                (L::ReceiptNo.get(lang), Align::Left),
                (L::Date.get(lang), Align::Left),
                (L::Donor.get(lang), Align::Left),
                (L::Fund.get(lang), Align::Left),
                (L::Amount.get(lang), Align::Right),
                (L::Status.get(lang), Align::Left),
                ("", Align::Left),
            ],
            &[
                "0000-000000".len(),
                "0000-00-00".len(),
                widest(&head.donors),
                widest(&head.funds),
                head.largest.grouped().len(),
                status,
                head.notes
                    .iter()
                    .map(|n| note_width(n, lang))
                    .max()
                    .unwrap_or(0),
            ],
        );
        table.write_header(out)?;
        Ok(ReceiptListText { table, lang })
    }

    pub fn row(&self, out: &mut dyn Write, v: &ReceiptListRow<'_>) -> io::Result<()> {
        let lang = self.lang;
        let status = if v.void { L::Void } else { L::Issued };
        let note = note(v.replaces, v.replaced_by, v.void_reason, lang);
        let amount = v.amount.grouped();
        let number = v.number.to_string();
        self.table.write_row(
            out,
            &[
                &number,
                v.date,
                v.donor,
                &v.fund,
                &amount,
                status.get(lang),
                &note,
            ],
        )
    }
}

/// A receipt's note in the list: why it is void and what replaced it, or what it
/// replaces.
fn note(
    replaces: Option<&str>,
    replaced_by: Option<&str>,
    reason: Option<&str>,
    lang: Lang,
) -> String {
    match (replaces, replaced_by, reason) {
        (_, Some(new), Some(reason)) => format!("{reason}; {} {new}", L::ReplacedBy.get(lang)),
        (_, None, Some(reason)) => reason.to_string(),
        (Some(old), _, None) => format!("{} {old}", L::Replaces.get(lang)),
        _ => String::new(),
    }
}

fn note_width(n: &ReceiptNote, lang: Lang) -> usize {
    width(&note(
        n.replaces.as_deref(),
        n.replaced_by.as_deref(),
        n.reason.as_deref(),
        lang,
    ))
}

/// A receipt list as JSON, written as its rows stream in: an array, one receipt per
/// line.
#[derive(Default)]
pub struct ReceiptListJson {
    rows: usize,
}

impl ReceiptListJson {
    pub fn start(out: &mut dyn Write) -> io::Result<ReceiptListJson> {
        out.write_all(b"[")?;
        Ok(ReceiptListJson { rows: 0 })
    }

    pub fn row(&mut self, out: &mut dyn Write, v: &ReceiptView) -> io::Result<()> {
        out.write_all(if self.rows == 0 { b"\n  " } else { b",\n  " })?;
        serde_json::to_writer(&mut *out, v)?;
        self.rows += 1;
        Ok(())
    }

    pub fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })
    }
}

pub fn receipt_sequence(out: &mut dyn Write, s: &ReceiptSequence, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "{} {}: 1 – {}",
        L::ReceiptSequence.get(lang),
        s.year,
        s.last
    )?;
    writeln!(out, "  {}: {}", L::Issued.get(lang), s.issued)?;
    writeln!(out, "  {}: {}", L::Void.get(lang), s.void.len())?;
    for v in &s.void {
        writeln!(out, "    {}  {}", v.number, v.reason)?;
    }
    if s.missing.is_empty() {
        writeln!(out, "  {}", L::NothingMissing.get(lang))
    } else {
        writeln!(out, "  {}: {}", L::Missing.get(lang), s.missing.join(", "))
    }
}
