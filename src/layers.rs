//! The layers of the library, checked: every `crate::` path in src/ must point down.
//!
//! ```text
//! cli (front end) → ops → render → verify → report → import, reconcile, export
//!   → store → i18n, input, output → ledger → error
//! ```
//!
//! A module may name only modules of a lower layer; modules of one layer do not name
//! each other. On top of that, a renderer never reads the store and a report never
//! picks the words of a language (it asks a `ledger::words::Words`). The test reads
//! the source itself, so a `use` that goes the wrong way fails `cargo test` (and so
//! CI) with the file and line.

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Each top-level module and its layer, lowest first.
    const LAYERS: &[(&str, u32)] = &[
        ("error", 0),
        ("ledger", 1),
        ("i18n", 2),
        ("input", 2),
        ("output", 2),
        ("store", 3),
        ("import", 4),
        ("reconcile", 4),
        ("export", 4),
        ("report", 5),
        ("verify", 6),
        ("render", 7),
        ("ops", 8),
        ("cli", 9),
        ("web", 9),
    ];

    /// Paths that would be allowed by the layers but still go the wrong way.
    const FORBIDDEN: &[(&str, &str)] = &[("render", "store"), ("report", "i18n")];

    fn layer(module: &str) -> Option<u32> {
        LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
    }

    fn module_of(path: &Path, src: &Path) -> Option<String> {
        let relative = path.strip_prefix(src).ok()?;
        let first = relative.components().next()?.as_os_str().to_str()?;
        Some(first.trim_end_matches(".rs").to_string())
    }

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The modules a line names as `crate::MODULE`.
    fn named_modules(line: &str) -> Vec<&str> {
        let code = line.split("//").next().unwrap_or_default();
        code.match_indices("crate::")
            .map(|(at, m)| {
                let rest = &code[at + m.len()..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                &rest[..end]
            })
            .collect()
    }

    fn wrong_way(from: &str, to: &str) -> bool {
        if from == to {
            return false;
        }
        if FORBIDDEN.contains(&(from, to)) {
            return true;
        }
        match (layer(from), layer(to)) {
            (Some(a), Some(b)) => b >= a,
            _ => false,
        }
    }

    #[test]
    fn every_crate_path_points_down() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut found = Vec::new();
        for file in &files {
            let Some(from) = module_of(file, &src) else {
                continue;
            };
            if layer(&from).is_none() {
                continue;
            }
            let text = std::fs::read_to_string(file).expect("a source file");
            for (n, line) in text.lines().enumerate() {
                for to in named_modules(line) {
                    if wrong_way(&from, to) {
                        found.push(format!("{}:{}: {from} → {to}", file.display(), n + 1));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "paths that go up a layer:\n{}",
            found.join("\n")
        );
    }

    #[test]
    fn the_check_sees_a_path_going_up() {
        assert_eq!(
            named_modules("use crate::store::Store; // crate::cli"),
            ["store"]
        );
        assert!(wrong_way("ledger", "store"));
        assert!(wrong_way("ledger", "i18n"));
        assert!(wrong_way("report", "i18n"));
        assert!(!wrong_way("ops", "store"));
        assert!(!wrong_way("store", "ledger"));
    }
}
