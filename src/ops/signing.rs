//! Signed receipts (issue 16 §3): the ledger's signing keys (`key show`, `key
//! rotate`) and checking a receipt's signed payload or PDF (`receipt verify`), with
//! the ledger or, on any machine, with nothing but the fund's public keys.

use super::{Actor, Ledger};
use crate::error::message::SignMessage;
use crate::error::{Error, Field, Result};
use crate::i18n::{L, Lang};
use crate::input::pdf::{PDF_BYTES_MAX, read_receipt_pdf};
use crate::ledger::daxie::{Script, daxie};
use crate::ledger::entry::{MEMO_LENGTH_MAX, check_text};
use crate::ledger::money::Money;
use crate::ledger::receipt::ReceiptNumber;
use crate::ledger::signature::{self, Claims, Fault};
use crate::output::Guard;
use crate::render::Render;
use crate::render::verify_page::{self, PageKey, VerifyPage};
use crate::store::Read;
use serde::Serialize;
use std::io::{self, Read as _, Write};
use std::path::Path;

/// One signing key as `key show` lists it.
#[derive(Debug, Serialize)]
pub struct KeyLine {
    pub key_id: String,
    pub public_key: String,
    pub created_at: String,
    pub retired_at: Option<String>,
    pub retire_reason: Option<String>,
    pub current: bool,
    #[serde(skip)]
    created_local: String,
    #[serde(skip)]
    retired_local: Option<String>,
}

/// The ledger's signing keys, oldest first: every one verifies the receipts it signed.
#[derive(Debug, Serialize)]
pub struct KeyList {
    pub keys: Vec<KeyLine>,
    /// Whether this file holds the current key's secret (a backup made without
    /// `--with-signing-key` does not, and cannot sign).
    pub can_sign: bool,
}

impl Render for KeyList {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        // Each key's line starts with the key itself, so the output is a key file.
        writeln!(out, "# {}", L::KeysHeading.get(lang))?;
        for key in &self.keys {
            write!(
                out,
                "{}  {}  {} {}",
                key.public_key,
                key.key_id,
                L::KeyCreated.get(lang),
                key.created_local
            )?;
            match (&key.retired_local, &key.retire_reason) {
                (Some(at), reason) => write!(
                    out,
                    "  {} {at}{}",
                    L::KeyRetired.get(lang),
                    reason
                        .as_deref()
                        .map(|r| format!(" ({r})"))
                        .unwrap_or_default()
                )?,
                (None, _) if key.current => write!(out, "  {}", L::KeyCurrent.get(lang))?,
                _ => {}
            }
            writeln!(out)?;
        }
        if !self.can_sign {
            writeln!(out, "# {}", L::KeysCannotSign.get(lang))?;
        }
        Ok(())
    }
}

pub fn keys(ledger: &Ledger) -> Result<KeyList> {
    let store = ledger.reader();
    let clock = store.local_time()?;
    let rows = store.signing_keys()?;
    let newest = rows.len().saturating_sub(1);
    let can_sign = match rows.last() {
        Some(key) => store.signing_secret(&key.key_id)?.is_some(),
        None => false,
    };
    let keys = rows
        .into_iter()
        .enumerate()
        .map(|(at, key)| KeyLine {
            public_key: hex::encode(key.public_key),
            created_local: clock.show(&key.created_at),
            retired_local: key.retired_at.as_deref().map(|t| clock.show(t)),
            key_id: key.key_id,
            created_at: key.created_at,
            retired_at: key.retired_at,
            retire_reason: key.retire_reason,
            current: at == newest,
        })
        .collect();
    Ok(KeyList { keys, can_sign })
}

/// A rotation: the key retired and the one made.
#[derive(Debug, Serialize)]
pub struct Rotated {
    pub retired: Option<String>,
    pub key_id: String,
    pub public_key: String,
}

impl Render for Rotated {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        if let Some(old) = &self.retired {
            writeln!(out, "{} {old}", L::KeyRetired.get(lang))?;
        }
        writeln!(
            out,
            "{}: {}  {}",
            L::KeyNew.get(lang),
            self.public_key,
            self.key_id
        )?;
        writeln!(out, "{}", L::KeyPublishAgain.get(lang))
    }
}

/// Retires the current key with `reason` and makes a new one, as one chained record.
/// Receipts signed before keep verifying under the old key; new ones are signed
/// with the new key. Refused on a file without the current secret (a backup).
pub fn rotate(ledger: &mut Ledger, actor: &Actor, reason: &str) -> Result<Rotated> {
    check_text(Field::Reason, reason, MEMO_LENGTH_MAX)?;
    if reason.trim().is_empty() {
        return Err(Error::input_in(
            Field::Reason,
            SignMessage::RotateNeedsReason,
        ));
    }
    let before = keys(ledger)?;
    if !before.can_sign {
        return Err(Error::conflict(SignMessage::NoSigningSecret));
    }
    let key_id =
        ledger
            .store_mut()?
            .rotate_signing_key(reason.trim(), &actor.user, &actor.recorded_at)?;
    let after = keys(ledger)?;
    let public_key = after
        .keys
        .iter()
        .find(|k| k.key_id == key_id)
        .map(|k| k.public_key.clone())
        .unwrap_or_default();
    Ok(Rotated {
        retired: before.keys.last().map(|k| k.key_id.clone()),
        key_id,
        public_key,
    })
}

/// Whether a genuine receipt is void, as far as what was given can tell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoidState {
    /// Neither the ledger nor a voided list was given.
    Unknown,
    /// Not void, by the ledger or the list.
    NotVoid,
    Void,
}

/// A genuine receipt: what its payload says, and whether it is void.
#[derive(Debug, Serialize)]
pub struct Genuine {
    pub number: String,
    pub date: String,
    pub amount: Money,
    pub amount_words: String,
    pub fund: String,
    pub donor: String,
    pub key_id: String,
    /// The PDF's printed text was compared with the payload too.
    pub pdf_checked: bool,
    pub void: VoidState,
}

impl Genuine {
    fn new(claims: &Claims, pdf_checked: bool, void: VoidState, lang: Lang) -> Genuine {
        let script = match lang {
            Lang::ZhHant => Script::Traditional,
            _ => Script::Simplified,
        };
        Genuine {
            number: claims.number.clone(),
            date: claims.date_iso(),
            amount: Money::from_fen(claims.fen),
            amount_words: daxie(claims.fen, script).unwrap_or_default(),
            fund: claims.fund.clone(),
            donor: claims.donor.clone(),
            key_id: claims.key_id.clone(),
            pdf_checked,
            void,
        }
    }

    /// The refusal a void receipt ends in, after its details are shown.
    pub fn void_refusal(&self) -> Option<Error> {
        (self.void == VoidState::Void).then(|| {
            Error::verify(SignMessage::Voided {
                number: self.number.clone(),
            })
        })
    }
}

impl Render for Genuine {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let verdict = if self.void == VoidState::Void {
            L::SignedButVoid
        } else {
            L::Genuine
        };
        writeln!(out, "{}", verdict.get(lang))?;
        let rows = [
            (L::ReceiptNo, self.number.clone()),
            (L::ReceiptDate, self.date.clone()),
            (L::AmountFigures, self.amount.yuan()),
            (L::AmountWords, self.amount_words.clone()),
            (L::Purpose, self.fund.clone()),
            (L::Donor, self.donor.clone()),
            (L::SigningKey, self.key_id.clone()),
        ];
        for (label, value) in rows {
            writeln!(out, "  {}: {value}", label.get(lang))?;
        }
        if self.pdf_checked {
            writeln!(out, "  {}", L::PdfMatchesPayload.get(lang))?;
        }
        let void = match self.void {
            VoidState::Unknown => L::VoidUnknown,
            VoidState::NotVoid => L::NotVoid,
            VoidState::Void => L::Void,
        };
        writeln!(out, "  {}: {}", L::VoidStatus.get(lang), void.get(lang))
    }
}

/// What was given to check: a payload (or a verification address with one), or a
/// receipt's PDF with the payload in its metadata and the text it prints.
struct Presented {
    payload: String,
    printed: Option<Vec<String>>,
}

fn presented(input: &str) -> Result<Presented> {
    let path = Path::new(input);
    if !input.contains('|') && path.is_file() {
        return read_pdf(path);
    }
    Ok(Presented {
        payload: input.trim().to_string(),
        printed: None,
    })
}

fn read_pdf(path: &Path) -> Result<Presented> {
    let shown = path.display().to_string();
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(PDF_BYTES_MAX + 1).read_to_end(&mut bytes))
        .map_err(|e| {
            Error::io(
                crate::error::message::IoMessage::Read {
                    path: shown.clone(),
                },
                e,
            )
        })?;
    if bytes.len() as u64 > PDF_BYTES_MAX {
        return Err(Error::input_in(
            Field::Code,
            SignMessage::TooLarge {
                path: shown,
                mib: PDF_BYTES_MAX / (1024 * 1024),
            },
        ));
    }
    let receipt = read_receipt_pdf(&bytes).map_err(|detail| {
        Error::input_in(
            Field::Code,
            SignMessage::NotAPdf {
                path: shown.clone(),
                detail,
            },
        )
    })?;
    let payload = receipt.payload.ok_or_else(|| {
        Error::input_in(Field::Code, SignMessage::PdfWithoutPayload { path: shown })
    })?;
    Ok(Presented {
        payload,
        printed: Some(receipt.lines),
    })
}

/// Checks what was given against `keys`: the signature, then (for a PDF) that the
/// page prints what the payload signs.
fn check(presented: &Presented, keys: &[[u8; 32]]) -> Result<Claims> {
    let claims = signature::verify(&presented.payload, keys).map_err(|fault| match fault {
        Fault::Malformed => Error::input_in(
            Field::Code,
            SignMessage::NotAPayload {
                text: presented.payload.as_str().into(),
            },
        ),
        Fault::UnknownKey(key_id) => Error::verify(SignMessage::UnknownKey {
            key_id,
            keys: keys.iter().map(signature::key_id).collect(),
        }),
        Fault::BadSignature => Error::verify(SignMessage::Forged {
            number: signature::parse(&presented.payload)
                .map(|p| p.claims.number)
                .unwrap_or_default(),
        }),
    })?;
    if let Some(lines) = &presented.printed
        && let Some((printed_field, signed)) = signature::printed_mismatch(&claims, lines)
    {
        return Err(Error::verify(SignMessage::PrintedDiffers {
            number: claims.number.clone(),
            printed_field,
            signed,
        }));
    }
    Ok(claims)
}

/// Whether `input` is something to check by signature rather than a verification
/// code: a payload, an address with one, or a file.
pub fn is_signed_input(input: &str) -> bool {
    let text = signature::payload_in(input);
    text.starts_with(signature::VERSION) || Path::new(input).is_file()
}

/// The public keys of `--key` values and a `--keyfile`'s text.
pub fn given_keys(keys: &[String], keyfile: Option<(&str, &str)>) -> Result<Vec<[u8; 32]>> {
    let mut out = Vec::new();
    for key in keys {
        let parsed = signature::parse_public_key(key).ok_or_else(|| {
            Error::input_in(
                Field::Key,
                SignMessage::NotAPublicKey {
                    text: key.as_str().into(),
                },
            )
        })?;
        out.push(parsed);
    }
    if let Some((path, text)) = keyfile {
        let found = signature::keys_in_file(text);
        if found.is_empty() {
            return Err(Error::input_in(
                Field::Keyfile,
                SignMessage::NoKeysInFile { path: path.into() },
            ));
        }
        out.extend(found);
    }
    Ok(out)
}

/// The numbers of a voided list (`publish`'s voided.txt).
pub fn voided_numbers(path: &str, text: &str) -> Result<Vec<String>> {
    signature::parse_voided_list(text).map_err(|line| {
        Error::input_in(
            Field::Voided,
            SignMessage::NotAVoidedList {
                path: path.into(),
                line,
            },
        )
    })
}

/// Checks a receipt on a machine without the ledger: with the fund's public `keys`,
/// and its void status from a voided list when one is given.
pub fn verify_offline(
    input: &str,
    keys: &[[u8; 32]],
    voided: Option<&[String]>,
    lang: Lang,
) -> Result<Genuine> {
    let presented = presented(input)?;
    let claims = check(&presented, keys)?;
    let void = match voided {
        None => VoidState::Unknown,
        Some(list) if list.contains(&claims.number) => VoidState::Void,
        Some(_) => VoidState::NotVoid,
    };
    Ok(Genuine::new(
        &claims,
        presented.printed.is_some(),
        void,
        lang,
    ))
}

/// Checks a receipt's payload or PDF with the ledger's own keys, and its void
/// status in the ledger.
pub fn verify_with_ledger(ledger: &Ledger, input: &str, lang: Lang) -> Result<Genuine> {
    let store = ledger.reader();
    let keys: Vec<[u8; 32]> = store
        .signing_keys()?
        .into_iter()
        .map(|k| k.public_key)
        .collect();
    let presented = presented(input)?;
    let claims = check(&presented, &keys)?;
    let number = ReceiptNumber::parse(&claims.number)?;
    let void = match store.receipt(number)? {
        Some(record) if record.void.is_some() => VoidState::Void,
        Some(_) => VoidState::NotVoid,
        // Signed by this ledger's key but not in it: a receipt of another copy.
        None => VoidState::Unknown,
    };
    Ok(Genuine::new(
        &claims,
        presented.printed.is_some(),
        void,
        lang,
    ))
}

/// What `publish` wrote.
#[derive(Debug, Serialize)]
pub struct Published {
    pub written: Vec<String>,
    pub keys: usize,
    pub voided: usize,
}

impl Render for Published {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        for path in &self.written {
            writeln!(out, "{} {path}", L::Wrote.get(lang))?;
        }
        writeln!(out, "{}", L::PublishNext.get(lang))
    }
}

/// The donors' verification page with the ledger's public keys (all of them,
/// retired ones too, so older receipts still verify) and its voided receipts, as
/// `publish` writes it and the web serves it (`/check-receipt`); None while the
/// ledger has no signing key.
pub fn verification_page(ledger: &Ledger, lang: Lang) -> Result<Option<String>> {
    let list = keys(ledger)?;
    if list.keys.is_empty() {
        return Ok(None);
    }
    page_of(ledger, &list, lang).map(Some)
}

fn page_of(ledger: &Ledger, list: &KeyList, lang: Lang) -> Result<String> {
    let store = ledger.reader();
    let voided: Vec<String> = store
        .voided_receipts()?
        .iter()
        .map(ToString::to_string)
        .collect();
    let page_keys: Vec<PageKey> = list
        .keys
        .iter()
        .map(|k| PageKey {
            id: k.key_id.clone(),
            key: k.public_key.clone(),
        })
        .collect();
    let clock = store.local_time()?;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let as_of = clock.show(&now);
    let fund_name = store.ledger_name_in(lang.into())?;
    Ok(verify_page::render(
        &VerifyPage {
            fund_name: &fund_name,
            keys: &page_keys,
            voided: &voided,
            as_of: &as_of,
        },
        lang,
    ))
}

/// Writes the donors' verification page (`verify.html`), the public keys
/// (`keys.txt`, as `key show` prints them) and the voided receipts (`voided.txt`)
/// into `dir`. Every target is checked before the first is written.
pub fn publish(ledger: &Ledger, guard: &Guard, dir: &Path, lang: Lang) -> Result<Published> {
    let store = ledger.reader();
    let targets = ["verify.html", "keys.txt", "voided.txt"].map(|name| dir.join(name));
    for target in &targets {
        guard.check(target)?;
    }
    let list = keys(ledger)?;
    let html = page_of(ledger, &list, lang)?;
    let voided: Vec<String> = store
        .voided_receipts()?
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut key_text = Vec::new();
    list.text(&mut key_text, lang).map_err(|e| {
        Error::io(
            crate::error::message::IoMessage::LayOut {
                document: crate::error::message::Document::Keys,
            },
            e,
        )
    })?;
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::io(
            crate::error::message::IoMessage::MakeFolder {
                path: dir.display().to_string(),
            },
            e,
        )
    })?;
    let contents = [
        html.into_bytes(),
        key_text,
        signature::voided_list(&voided).into_bytes(),
    ];
    for (target, bytes) in targets.iter().zip(contents) {
        guard.write(target, &bytes)?;
    }
    Ok(Published {
        written: targets.iter().map(|t| t.display().to_string()).collect(),
        keys: list.keys.len(),
        voided: voided.len(),
    })
}
