//! The sentences of rendering (src/render/): PDFs, receipts, fonts.

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RenderMessage {
    /// `{field}` is a file the font reader refused (`detail`, its own words).
    NotAFont { path: String, detail: String },
    /// `{field}` is not a regular file.
    FontNotAFile { path: String },
    /// `{field}` is larger than a font may be.
    FontTooLarge { path: String, mib: u64 },
}
