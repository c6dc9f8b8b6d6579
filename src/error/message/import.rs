//! The sentences of the import (src/import/): each line of a donation or payment list.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportMessage {}
