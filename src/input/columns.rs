//! Where a reader's fields are in a file's lines, found once from the header so that
//! reading a field costs no lookup by name; and the import format's own column list,
//! here because `import` reads it and `export --format import-csv` writes it, and
//! neither may import the other. Not here: which header names a reader accepts (the
//! import knows its fixed names, the statement reader a bank's mapped ones).

/// The import's columns: the first `IMPORT_REQUIRED_COUNT` are required (`export
/// --format import-csv` writes those in this order, then `memo`).
pub const IMPORT_COLUMNS: [&str; 10] = [
    "date",
    "kind",
    "counterparty",
    "counterparty_type",
    "program",
    "amount",
    "method",
    "reference",
    "memo",
    "counterparty_id",
];
pub const IMPORT_REQUIRED_COUNT: usize = 8;
/// The import's required columns' names.
pub const IMPORT_REQUIRED: &[&str] = IMPORT_COLUMNS.as_slice().split_at(IMPORT_REQUIRED_COUNT).0;

/// A header cell as compared by every reader that knows header names by their
/// words (the import's sheets, the bank statements): trimmed, without a byte order mark, spaces or a unit
/// (`金额（元）`, `Amount (CNY)`), lower case.
pub fn header_key(cell: &str) -> String {
    let mut key: String = cell
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    for unit in ["（元）", "(元)", "(cny)", "（cny）", "(rmb)", "（rmb）"] {
        if let Some(stripped) = key.strip_suffix(unit) {
            key = stripped.to_string();
        }
    }
    key
}

/// For each of a reader's `N` fields, its position in the file's lines, if present.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnMap<const N: usize> {
    position: [Option<usize>; N],
}

impl<const N: usize> Default for ColumnMap<N> {
    fn default() -> Self {
        ColumnMap {
            position: [None; N],
        }
    }
}

impl<const N: usize> ColumnMap<N> {
    /// Notes that `field` is in column `index`; returns false when it already had
    /// one (the header names it twice).
    pub fn place(&mut self, field: usize, index: usize) -> bool {
        if self.position[field].is_some() {
            return false;
        }
        self.position[field] = Some(index);
        true
    }

    pub fn has(&self, field: usize) -> bool {
        self.position[field].is_some()
    }

    /// The field's text on a line, trimmed; "" when the file has no such column.
    pub fn get<'r>(&self, record: &'r csv::StringRecord, field: usize) -> &'r str {
        self.position[field]
            .and_then(|i| record.get(i))
            .unwrap_or("")
            .trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_placed_fields_trimmed_and_absent_ones_as_empty() {
        let mut map = ColumnMap::<3>::default();
        assert!(map.place(0, 2));
        assert!(map.place(1, 0));
        assert!(!map.place(1, 1), "a second place for a field is refused");
        assert!(map.has(0) && !map.has(2));
        let record = csv::StringRecord::from(vec![" b ", "x", " a"]);
        assert_eq!(map.get(&record, 0), "a");
        assert_eq!(map.get(&record, 1), "b", "the second place did not stick");
        assert_eq!(map.get(&record, 2), "");
    }

    #[test]
    fn the_required_import_columns_come_first() {
        assert_eq!(IMPORT_REQUIRED.len(), IMPORT_REQUIRED_COUNT);
        assert_eq!(IMPORT_REQUIRED.last(), Some(&"reference"));
        assert_eq!(IMPORT_COLUMNS[IMPORT_REQUIRED_COUNT], "memo");
    }
}
