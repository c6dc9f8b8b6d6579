//! Renderers: they take report structs only and never query the database.
//! `table` lays out text with CJK characters counted two columns wide; `text` turns
//! each report into tables in the chosen language; `json` writes the same structs.

pub mod annual;
pub mod grid;
pub mod json;
pub mod pack;
pub mod pdf;
pub mod receipts;
pub mod reconcile;
pub mod summary;
pub mod table;
pub mod text;
pub mod verify_page;
pub mod views;

use crate::i18n::Lang;
use serde::Serialize;
use std::io::{self, Write};

/// What every result of an operation and every report is: plain data that a front
/// end shows as text (in the reader's language) or as JSON (the same struct,
/// serialised). One `emit` in each front end picks the form, so the two cannot
/// disagree.
pub trait Render: Serialize {
    fn text(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()>;
}

/// A report laid out as a grid, for a text table or a spreadsheet's CSV; JSON is the
/// struct itself.
pub trait Tabular: Serialize {
    fn grid(&self, lang: Lang) -> grid::Grid;
}
