//! The sentences of writing files (src/output*): the output guard, CSV.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutputMessage {}
