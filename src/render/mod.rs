//! Renderers: they take report structs only and never query the database.
//! `table` lays out text with CJK characters counted two columns wide; `text` turns
//! each report into tables in the chosen language; `json` writes the same structs.

pub mod annual;
pub mod grid;
pub mod json;
pub mod pdf;
pub mod receipts;
pub mod reconcile;
pub mod summary;
pub mod table;
pub mod text;
