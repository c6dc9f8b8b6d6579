//! The sentences of rendering (src/render/): PDFs, receipts, fonts.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RenderMessage {}
