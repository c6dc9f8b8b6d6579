//! The sentences of reading files (src/input/): encodings, columns, lines.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputMessage {}
