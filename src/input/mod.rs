//! CSV input, shared by the import (`crate::import`) and the bank statement reader
//! (`crate::reconcile::statement`) so both read files the same way: the text decoded
//! from the file's encoding (`encoding`), its lines with the line numbers a person
//! sees in an editor (`source`, `lines`), the fields found from the header
//! (`columns`), and the bad lines gathered up to a limit (`errors`).
//!
//! Not here: what a field means or whether its value is good — each reader checks
//! its own fields — and nothing that touches the ledger.

mod columns;
mod encoding;
mod errors;
mod lines;
mod source;

pub use columns::{ColumnMap, IMPORT_COLUMNS, IMPORT_REQUIRED, IMPORT_REQUIRED_COUNT};
pub use encoding::{Encoding, open_text};
pub use errors::{LINE_ERRORS_MAX, LineError, LineErrors};
pub use source::{Source, csv_error_text};

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Each module `crate::…` names in the code (not the comments) of the .rs files
    /// under `dir`, with the file that names it.
    fn crate_paths(dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                crate_paths(&path, found);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            for line in std::fs::read_to_string(&path).unwrap().lines() {
                let code = line.split("//").next().unwrap_or_default();
                for (at, _) in code.match_indices("crate::") {
                    let rest = &code[at + "crate::".len()..];
                    let end = rest
                        .find(|c: char| !c.is_alphanumeric() && c != '_')
                        .unwrap_or(rest.len());
                    found.push((path.display().to_string(), rest[..end].to_string()));
                }
            }
        }
    }

    /// The arrows this module's sharing fixed: the readers import `input`, not each
    /// other; the store and the renderer take the reconciliation types from `ledger`;
    /// export takes the import's columns from `input`.
    #[test]
    fn csv_input_and_reconciliation_dependencies_point_one_way() {
        let forbidden: [(&str, &[&str]); 6] = [
            (
                "input",
                &[
                    "import",
                    "reconcile",
                    "store",
                    "report",
                    "render",
                    "export",
                    "cli",
                ],
            ),
            ("import", &["reconcile"]),
            ("reconcile", &["import", "store", "render", "cli"]),
            ("store", &["reconcile", "import", "render", "report"]),
            ("render", &["store", "reconcile"]),
            ("export", &["import"]),
        ];
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for (dir, modules) in forbidden {
            let mut found = Vec::new();
            crate_paths(&src.join(dir), &mut found);
            assert!(
                !found.is_empty() || dir == "input",
                "src/{dir} names no crate path"
            );
            for (file, module) in found {
                assert!(
                    !modules.contains(&module.as_str()),
                    "{file} imports crate::{module}, against the layers"
                );
            }
        }
    }
}
