//! The library's one error type. Every error a person can cause is a `Refusal`: its
//! kind (bad input, not found, a conflict with what the ledger holds), the field it
//! concerns and a message saying what is wrong and what to do. `Storage` and `Io`
//! carry what SQLite or the OS said. The binary maps all of them to exit status 1
//! (clap's usage errors are 2).
//!
//! The core never names a front end's words for a field (a CLI flag, a form label, a
//! CSV column): a refusal carries a `Field`, and the catalogue puts the front end's
//! own word for it where its sentence names the field (`i18n::say::refusal`), so a
//! web form can show the very same refusal beside the right input. A refusal's message is a `Message` (a sentence's key and its
//! values, `message`); `i18n::say` turns it into words in the reader's language.

pub mod message;

pub use message::{Message, Quoted};

use serde::Serialize;
use std::fmt;

/// The most characters of a person's input a message quotes back: a 50 MB line in a
/// file is named, not echoed whole.
pub const ECHO_CHARS_MAX: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A person's input was refused: bad, unknown, or contradicting the ledger.
    #[error("{0}")]
    Refused(Box<Refusal>),
    /// A `verify` check failed; the message names the first bad entry.
    #[error("{0}")]
    Verify(Box<Message>),
    /// What the database said, for failures a person cannot fix by retyping. A full
    /// disk, a failed write and read-only media become `Io` instead (see the store).
    #[error("the ledger database reported an error: {0}")]
    Storage(String),
    /// A failure outside the ledger's rules: a file, the disk, the output.
    #[error("{0}")]
    Io(Box<message::IoFailure>),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a request was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefusalKind {
    /// A field that does not parse or breaks a rule.
    Input,
    /// Something named does not exist (an account, entry, fund, ledger file).
    NotFound,
    /// The request contradicts what the ledger holds (a second reversal, an
    /// overspend, an existing ledger).
    Conflict,
}

/// The inputs a refusal can concern. Front ends map each to their own word: the CLI
/// to its flag (`--amount`), a web form to its label, an import to its column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Account,
    AccountType,
    Amount,
    AsOf,
    ClosingBalance,
    Code,
    /// A published report's 更正说明 (`report disclosure --correction`).
    Correction,
    Columns,
    Date,
    Donor,
    Beneficiary,
    Encoding,
    /// A transfer's service fee (`transfer --fee`).
    Fee,
    Fingerprint,
    Font,
    /// The beneficiary a gift is held in trust for (`donate --for`).
    For,
    Force,
    Format,
    From,
    Fund,
    Grade,
    IdNumber,
    /// A public key (`receipt verify --key`).
    Key,
    /// A file of public keys (`receipt verify --keyfile`).
    Keyfile,
    Lang,
    /// The upper bound of an amount range (`search --max`).
    Max,
    Members,
    /// The lower bound of an amount range (`search --min`).
    Min,
    Memo,
    Name,
    /// A review's note (`entry approve --note`).
    Note,
    OfficialReceiptNo,
    Out,
    /// The encoding of a CSV written for a spreadsheet.
    OutEncoding,
    /// A user's password.
    Password,
    /// The recovery code of `user recover`.
    RecoveryCode,
    /// A file to write a PDF to.
    Pdf,
    /// A file named on its own (e.g. the backup's).
    Path,
    Phone,
    Posting,
    /// A saved column mapping's name (`--profile`).
    Profile,
    Program,
    Reason,
    Reference,
    /// A user's role (`user add --role`).
    Role,
    School,
    /// A setting's key (`config`).
    Setting,
    Statement,
    To,
    User,
    /// A setting's new value (`config set`).
    Value,
    Village,
    /// The list of voided receipts (`receipt verify --voided`).
    Voided,
    Year,
    /// A field named by the input itself (a CSV column, a statement field).
    Named(String),
}

impl Field {
    /// The field's own name, for a reader with no front end of its own.
    pub fn name(&self) -> &str {
        match self {
            Field::Account => "account",
            Field::AccountType => "type",
            Field::Amount => "amount",
            Field::AsOf => "as-of",
            Field::ClosingBalance => "closing-balance",
            Field::Code => "code",
            Field::Correction => "correction",
            Field::Columns => "columns",
            Field::Date => "date",
            Field::Donor => "donor",
            Field::Beneficiary => "beneficiary",
            Field::Encoding => "encoding",
            Field::Fee => "fee",
            Field::For => "for",
            Field::Fingerprint => "fingerprint",
            Field::Font => "font",
            Field::Force => "force",
            Field::Format => "format",
            Field::From => "from",
            Field::Fund => "fund",
            Field::Grade => "grade",
            Field::IdNumber => "id-number",
            Field::Key => "key",
            Field::Keyfile => "keyfile",
            Field::Lang => "lang",
            Field::Max => "max",
            Field::Members => "members",
            Field::Min => "min",
            Field::Memo => "memo",
            Field::Name => "name",
            Field::OfficialReceiptNo => "official-receipt-no",
            Field::Out => "out",
            Field::OutEncoding => "out-encoding",
            Field::Pdf => "pdf",
            Field::Path => "path",
            Field::Phone => "phone",
            Field::Posting => "posting",
            Field::Profile => "profile",
            Field::Program => "program",
            Field::Reason => "reason",
            Field::Role => "role",
            Field::Note => "note",
            Field::Password => "password",
            Field::RecoveryCode => "code",
            Field::Reference => "reference",
            Field::School => "school",
            Field::Setting => "setting",
            Field::Statement => "statement",
            Field::To => "to",
            Field::User => "user",
            Field::Value => "value",
            Field::Village => "village",
            Field::Voided => "voided",
            Field::Year => "year",
            Field::Named(name) => name,
        }
    }
}

impl From<&str> for Field {
    fn from(name: &str) -> Field {
        Field::Named(name.to_string())
    }
}

impl From<&Field> for Field {
    fn from(field: &Field) -> Field {
        field.clone()
    }
}

/// A request refused, as data: what kind, which field, and the message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub kind: RefusalKind,
    pub field: Option<Field>,
    /// One sentence; where it names the field, the catalogue puts the front end's
    /// word for it (a sentence not yet in the catalogue marks it with `{field}`).
    pub message: Message,
}

/// For logs and tests: the message's debug form (its part, variant and values); a
/// front end words it with `i18n::say`.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.message)
    }
}

/// For logs and tests: the message's debug form.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl Error {
    fn refused(kind: RefusalKind, field: Option<Field>, message: impl Into<Message>) -> Self {
        Error::Refused(Box::new(Refusal {
            kind,
            field,
            message: message.into(),
        }))
    }
    pub fn input(message: impl Into<Message>) -> Self {
        Error::refused(RefusalKind::Input, None, message)
    }
    pub fn not_found(message: impl Into<Message>) -> Self {
        Error::refused(RefusalKind::NotFound, None, message)
    }
    pub fn conflict(message: impl Into<Message>) -> Self {
        Error::refused(RefusalKind::Conflict, None, message)
    }
    /// Bad input in `field`; the message names the field where it says it.
    pub fn input_in(field: impl Into<Field>, message: impl Into<Message>) -> Self {
        Error::refused(RefusalKind::Input, Some(field.into()), message)
    }
    /// Something named in `field` does not exist.
    pub fn not_found_in(field: impl Into<Field>, message: impl Into<Message>) -> Self {
        Error::refused(RefusalKind::NotFound, Some(field.into()), message)
    }
    /// `field` contradicts what the ledger holds.
    pub fn conflict_in(field: impl Into<Field>, message: impl Into<Message>) -> Self {
        Error::refused(RefusalKind::Conflict, Some(field.into()), message)
    }
    /// A failed `verify` check.
    pub fn verify(message: impl Into<Message>) -> Self {
        Error::Verify(Box::new(message.into()))
    }
    /// `what` could not be done, for the system's reason `error`.
    pub fn io(what: message::IoMessage, error: std::io::Error) -> Self {
        Error::Io(Box::new(message::IoFailure {
            message: what,
            cause: Some(message::IoCause::of(&error)),
        }))
    }
    /// `what` could not be done, for a library's reason.
    pub fn io_said(what: message::IoMessage, detail: impl fmt::Display) -> Self {
        Error::Io(Box::new(message::IoFailure {
            message: what,
            cause: Some(message::IoCause::said(detail)),
        }))
    }
    /// `what` could not be done (it says why itself).
    pub fn failed(what: message::IoMessage) -> Self {
        Error::Io(Box::new(message::IoFailure {
            message: what,
            cause: None,
        }))
    }
    /// A state the code never reaches, for the developers.
    pub fn internal(detail: impl fmt::Display) -> Self {
        Error::failed(message::IoMessage::Internal {
            detail: detail.to_string(),
        })
    }
    /// Whether this is a write to an output that was closed (`lovefund … | head`).
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(f) if f.cause.as_ref().is_some_and(|c| c.kind == message::CauseKind::BrokenPipe))
    }
    /// Whether this is a failure to write the output.
    pub fn is_output_failure(&self) -> bool {
        matches!(self, Error::Io(f) if f.message == message::IoMessage::Output)
    }
    /// The refusal, if a person's input was refused.
    pub fn refusal(&self) -> Option<&Refusal> {
        match self {
            Error::Refused(r) => Some(r),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use message::{OpsMessage, StoreMessage};

    #[test]
    fn a_refusal_shows_its_message() {
        let e = Error::input_in(Field::Amount, OpsMessage::AmountOutOfRange);
        assert_eq!(e.to_string(), "Ops(AmountOutOfRange)");
        assert_eq!(e.refusal().unwrap().kind, RefusalKind::Input);
    }

    #[test]
    fn a_refusal_without_a_field_is_its_message() {
        let e = Error::conflict(StoreMessage::ReversedOnce { id: 3 });
        assert_eq!(e.to_string(), "Store(ReversedOnce { id: 3 })");
        assert_eq!(e.refusal().unwrap().field, None);
    }
}
