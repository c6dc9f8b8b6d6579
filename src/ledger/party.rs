//! Donors and beneficiaries, payment methods and programs.
//! Identity numbers (身份證號, student numbers) are sensitive: lovefund keeps only a
//! keyed hash, to catch the same person entered twice, and the last four characters,
//! and shows them masked. The key is random per ledger.

use crate::error::message::LedgerMessage;
use crate::error::{Error, Field, Result};
use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use sha2::Sha256;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Donor,
    Beneficiary,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Donor => "donor",
            Role::Beneficiary => "beneficiary",
        }
    }

    /// The other role (parties share one table and one run of ids).
    pub fn other(self) -> Role {
        match self {
            Role::Donor => Role::Beneficiary,
            Role::Beneficiary => Role::Donor,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartyType {
    Person,
    Organization,
    Anonymous,
    Student,
    Household,
}

impl PartyType {
    pub fn as_str(self) -> &'static str {
        match self {
            PartyType::Person => "person",
            PartyType::Organization => "organization",
            PartyType::Anonymous => "anonymous",
            PartyType::Student => "student",
            PartyType::Household => "household",
        }
    }

    pub fn parse(text: &str) -> Option<PartyType> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "person" => PartyType::Person,
            "organization" | "organisation" => PartyType::Organization,
            "anonymous" => PartyType::Anonymous,
            "student" => PartyType::Student,
            "household" => PartyType::Household,
            _ => return None,
        })
    }

    pub fn role(self) -> Role {
        match self {
            PartyType::Person | PartyType::Organization | PartyType::Anonymous => Role::Donor,
            PartyType::Student | PartyType::Household => Role::Beneficiary,
        }
    }
}

/// The one donor that anonymous gifts without a name are recorded under.
/// A donor's or beneficiary's name: a checked name (`check_name`) that does not read
/// as a number, since `--donor`, `--to` and `donor show` take a number as an id — a
/// donor named "2" would silently be mistaken for donor 2.
pub fn check_party_name(field: impl Into<Field>, name: &str) -> Result<String> {
    let field = field.into();
    let name = crate::ledger::account::check_name(&field, name)?;
    refuse_id_like(field, &name)?;
    Ok(name)
}

pub fn refuse_id_like(field: impl Into<Field>, name: &str) -> Result<()> {
    if name.trim().parse::<i64>().is_ok() {
        return Err(Error::input_in(
            field,
            LedgerMessage::NameIsNumber { name: name.into() },
        ));
    }
    Ok(())
}

pub const ANONYMOUS_DONOR: &str = "愛心人士";

/// A party's name as a reader sees it: the built-in anonymous donor (the one party
/// lovefund makes itself, typed anonymous and stored as `ANONYMOUS_DONOR`) in the
/// reader's language; every name someone typed exactly as typed. Decided at display
/// time, so stored names (and the chain over them) never change.
pub fn shown_name(party_type: PartyType, name: &str, words: impl super::words::Words) -> String {
    if party_type == PartyType::Anonymous && name == ANONYMOUS_DONOR {
        words.word(super::words::Word::AnonymousDonor).to_string()
    } else {
        name.to_string()
    }
}
/// Spellings that mean "the anonymous donor".
pub fn is_anonymous_name(name: &str) -> bool {
    let name = name.trim();
    name.is_empty()
        || ["愛心人士", "爱心人士", "anonymous"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    Bank,
    Cash,
    Wechat,
    Alipay,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Bank => "bank",
            Method::Cash => "cash",
            Method::Wechat => "wechat",
            Method::Alipay => "alipay",
        }
    }

    pub fn parse(text: &str) -> Option<Method> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "bank" => Method::Bank,
            "cash" => Method::Cash,
            "wechat" => Method::Wechat,
            "alipay" => Method::Alipay,
            _ => return None,
        })
    }

    /// The asset account the money moves through.
    pub fn asset_account(self) -> &'static str {
        match self {
            Method::Bank => "1002",
            Method::Cash => "1001",
            Method::Wechat => "1012.01",
            Method::Alipay => "1012.02",
        }
    }
}

/// The longest identity or student number accepted.
pub const ID_NUMBER_LENGTH_MAX: usize = 32;

/// An identity number as stored: keyed hash and last four characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdNumber {
    pub hash: Vec<u8>,
    pub last4: String,
}

impl IdNumber {
    /// Normalises (trim, upper-case the check letter) and hashes with the ledger key.
    pub fn new(field: impl Into<Field>, text: &str, key: &[u8]) -> Result<IdNumber> {
        let normalized: String = text.trim().to_ascii_uppercase();
        let length = normalized.chars().count();
        if !(4..=ID_NUMBER_LENGTH_MAX).contains(&length)
            || !normalized
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(Error::input_in(
                field,
                LedgerMessage::NotAnIdNumber {
                    max: ID_NUMBER_LENGTH_MAX as u64,
                },
            ));
        }
        let mut mac = Hmac::<Sha256>::new_from_slice(key)
            .map_err(|_| Error::input(LedgerMessage::IdentityKeyDamaged))?;
        mac.update(normalized.as_bytes());
        let last4: String = normalized.chars().skip(length - 4).collect();
        Ok(IdNumber {
            hash: mac.finalize().into_bytes().to_vec(),
            last4,
        })
    }
}

/// How an identity number is shown everywhere: `**************1234`.
pub fn mask(last4: &str) -> String {
    format!("**************{last4}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_numbers_are_hashed_with_the_key_and_masked() {
        let a = IdNumber::new(Field::IdNumber, "36060219900101123x", b"key one").unwrap();
        let b = IdNumber::new(Field::IdNumber, " 36060219900101123X", b"key one").unwrap();
        let c = IdNumber::new(Field::IdNumber, "36060219900101123X", b"key two").unwrap();
        assert_eq!(a, b);
        assert_ne!(a.hash, c.hash);
        assert_eq!(mask(&a.last4), "**************123X");
        assert!(IdNumber::new(Field::IdNumber, "12", b"k").is_err());
        assert!(IdNumber::new(Field::IdNumber, "1234 5678", b"k").is_err());
    }
}

/// A donor or beneficiary as stored. The identity number appears only masked.
#[derive(Clone, Debug, Serialize)]
pub struct Party {
    pub id: i64,
    pub role: Role,
    #[serde(rename = "type")]
    pub party_type: PartyType,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(rename = "id_number", serialize_with = "serialize_masked")]
    pub id_last4: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub village: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<i64>,
}

fn serialize_masked<S: serde::Serializer>(last4: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match last4 {
        Some(l) => s.serialize_str(&mask(l)),
        None => s.serialize_none(),
    }
}

/// A donor or beneficiary to add, checked.
#[derive(Clone, Debug, Default)]
pub struct NewParty {
    pub party_type: Option<PartyType>,
    pub name: String,
    pub phone: Option<String>,
    pub id_number: Option<IdNumber>,
    pub school: Option<String>,
    pub grade: Option<String>,
    pub village: Option<String>,
    pub members: Option<i64>,
}

/// A donor or beneficiary as an edit leaves it: the whole party after the change
/// (an edit row holds every field, so the newest edit is the current state), and
/// why it was changed.
#[derive(Clone, Debug)]
pub struct PartyEdit {
    pub party_id: i64,
    pub party_type: PartyType,
    pub name: String,
    pub phone: Option<String>,
    /// A new identity number; None keeps the one the party has.
    pub id_number: Option<IdNumber>,
    pub school: Option<String>,
    pub grade: Option<String>,
    pub village: Option<String>,
    pub members: Option<i64>,
    pub reason: String,
}

/// One edit as recorded: the party as it left it, with who, when and why.
#[derive(Clone, Debug, Serialize)]
pub struct PartyEditRecord {
    pub id: i64,
    pub party: Party,
    pub reason: String,
    pub edited_by: String,
    pub edited_at: String,
}

/// The fields in which two states of a party differ, by their option names.
pub fn changed_fields(before: &Party, after: &Party) -> Vec<&'static str> {
    let mut changed = Vec::new();
    if before.party_type != after.party_type {
        changed.push("type");
    }
    for (name, a, b) in [
        ("name", Some(&before.name), Some(&after.name)),
        ("phone", before.phone.as_ref(), after.phone.as_ref()),
        (
            "id-number",
            before.id_last4.as_ref(),
            after.id_last4.as_ref(),
        ),
        ("school", before.school.as_ref(), after.school.as_ref()),
        ("grade", before.grade.as_ref(), after.grade.as_ref()),
        ("village", before.village.as_ref(), after.village.as_ref()),
    ] {
        if a != b {
            changed.push(name);
        }
    }
    if before.members != after.members {
        changed.push("members");
    }
    changed
}

/// One row of a donor's merge history: merged into `into` (None: unmerged), with who,
/// when and why.
#[derive(Clone, Debug, Serialize)]
pub struct PartyMergeRecord {
    pub id: i64,
    pub party_id: i64,
    pub into_id: Option<i64>,
    pub reason: String,
    pub merged_by: String,
    pub merged_at: String,
}
