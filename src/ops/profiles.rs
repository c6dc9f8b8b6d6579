//! Column profiles (`--columns … --profile NAME`): a sheet's or a bank statement's
//! column mapping saved in the ledger under a name, so next month's file needs only
//! `--profile NAME`. A profile is a setting of its own (`profile.import.NAME`,
//! `profile.statement.NAME`): chained and append-only, the latest value in force. It
//! is saved in the same transaction as the import or the committed reconciliation
//! that used it, so a refused file saves nothing.

use super::{Actor, Ledger};
use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::settings::ProfileKind;
use crate::store::Read;
use crate::store::UnitOfWork;
use crate::store::settings::SettingChange;

/// The mapping a command reads its file with, and the profile to save with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Columns {
    /// The `--columns` text in force: typed, or the saved profile's.
    pub text: Option<String>,
    /// (key, mapping) to record when the command writes; None when nothing changes.
    save: Option<(String, String)>,
}

/// The mapping of `--columns` and `--profile`: typed columns (saved under the
/// profile, if one is named and it differs), or the profile's saved columns.
pub fn columns(
    ledger: &Ledger,
    kind: ProfileKind,
    columns: Option<&str>,
    profile: Option<&str>,
) -> Result<Columns> {
    let Some(name) = profile else {
        return Ok(Columns {
            text: columns.map(str::to_string),
            save: None,
        });
    };
    let key = kind.key(name)?;
    let saved = ledger.reader().setting(&key)?.map(|c| c.value);
    match (columns, saved) {
        (Some(text), saved) => {
            let text = text.trim().to_string();
            let save = (saved.as_deref() != Some(text.as_str())).then(|| (key, text.clone()));
            Ok(Columns {
                text: Some(text),
                save,
            })
        }
        (None, Some(text)) => Ok(Columns {
            text: Some(text),
            save: None,
        }),
        (None, None) => Err(Error::not_found_in(
            Field::Profile,
            OpsMessage::NoProfile {
                name: name.trim().into(),
                saved: names(ledger, kind)?,
            },
        )),
    }
}

/// The names of the saved profiles of `kind`, in the order first saved.
pub fn names(ledger: &Ledger, kind: ProfileKind) -> Result<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for change in ledger.reader().setting_history()? {
        if let Some(name) = change.key.strip_prefix(kind.prefix())
            && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    Ok(names)
}

impl Columns {
    /// Records the profile in the command's own unit of work, if it is to be saved.
    pub fn save_in(&self, unit: &mut impl UnitOfWork, actor: &Actor) -> Result<()> {
        let Some((key, value)) = &self.save else {
            return Ok(());
        };
        unit.insert_setting(&SettingChange {
            key: key.clone(),
            value: value.clone(),
            set_by: actor.user.clone(),
            set_at: actor.recorded_at.clone(),
        })
    }
}
