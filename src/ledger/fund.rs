//! Funds: every posting carries one. 非限定 (unrestricted) and the restricted
//! program funds 助學, 扶貧, 幫困, plus any a donor designates. A fund is found by its
//! name in either script or its English alias, so treasurers can type what they know.

use super::account::{Names, Script};
use crate::error::message::Choice;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct FundId(pub i64);

#[derive(Clone, Debug, Serialize)]
pub struct Fund {
    pub id: FundId,
    /// English alias: `unrestricted`, `study-aid`, … or the name for user funds.
    pub alias: String,
    pub names: Names,
    pub restricted: bool,
    /// For the program funds: the 5101 sub-account their aid is charged to.
    pub program_account: Option<String>,
}

impl Fund {
    /// The fund as a message offers it: its names in each script and its alias.
    pub fn choice(&self) -> Choice {
        Choice {
            zh_hant: self.names.zh_hant.clone(),
            zh_hans: self.names.zh_hans.clone(),
            alias: self.alias.clone(),
        }
    }

    pub fn name(&self, script: impl Into<Script>) -> &str {
        self.names.get(script)
    }

    /// Whether `text` names this fund: either script, the English name or alias,
    /// ignoring ASCII case.
    pub fn answers_to(&self, text: &str) -> bool {
        let text = text.trim();
        [
            &self.names.zh_hant,
            &self.names.zh_hans,
            &self.names.en,
            &self.alias,
        ]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(text))
    }
}

/// The fund list of a ledger, with lookup by any of a fund's names.
#[derive(Clone, Debug, Default)]
pub struct Funds(pub Vec<Fund>);

impl Funds {
    pub fn find(&self, text: &str) -> Option<&Fund> {
        self.0.iter().find(|f| f.answers_to(text))
    }

    pub fn get(&self, id: FundId) -> Option<&Fund> {
        self.0.iter().find(|f| f.id == id)
    }

    pub fn unrestricted(&self) -> Option<&Fund> {
        self.0.iter().find(|f| f.alias == "unrestricted")
    }

    /// The accepted spellings, for an error message.
    pub fn spellings(&self) -> String {
        self.0
            .iter()
            .map(|f| format!("{} ({})", f.names.zh_hant, f.alias))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
