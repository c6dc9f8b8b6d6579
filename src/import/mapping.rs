//! `import --columns`: a sheet whose headers the import does not know, mapped to its
//! fields by the treasurer (`date=收款日期,donor=捐助者,amount=数额`), and saved with
//! `--profile NAME` for next month's file. The fields are the import's columns
//! (`IMPORT_COLUMNS`) and three words of its own: `donor` and `beneficiary` (the
//! counterparty, which also tells every line's kind) and `ignore` (a column read and
//! left, which may be given more than once). A mapped header wins over the words the
//! import knows (`words`).

use super::read::Kind;
use super::words::HeaderWord;
use crate::error::message::ImportMessage;
use crate::error::{Error, Field, Result};
use crate::input::{IMPORT_COLUMNS, header_key};

/// The headers `--columns` maps, each to what it names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetColumns {
    /// (the header as typed, its key, what it names)
    mapped: Vec<(String, String, HeaderWord)>,
}

const COUNTERPARTY: usize = 2;

fn field_word(field: &str) -> Option<HeaderWord> {
    match field {
        "donor" => Some(HeaderWord::Column {
            column: COUNTERPARTY,
            kind: Some(Kind::Donation),
        }),
        "beneficiary" => Some(HeaderWord::Column {
            column: COUNTERPARTY,
            kind: Some(Kind::Disbursement),
        }),
        "ignore" => Some(HeaderWord::Ignored),
        _ => IMPORT_COLUMNS
            .iter()
            .position(|c| *c == field)
            .map(|column| HeaderWord::Column { column, kind: None }),
    }
}

fn refuse(message: ImportMessage) -> Error {
    Error::input_in(Field::Columns, message)
}

impl SheetColumns {
    /// Parses `FIELD=HEADER,…`.
    pub fn parse(text: &str) -> Result<SheetColumns> {
        let mut mapped: Vec<(String, String, HeaderWord)> = Vec::new();
        for item in text.split(',').filter(|i| !i.trim().is_empty()) {
            let Some((field, header)) = item.split_once('=') else {
                return Err(refuse(ImportMessage::MappingNotAPair {
                    item: item.trim().into(),
                }));
            };
            let (field, header) = (field.trim(), header.trim());
            if header.is_empty() {
                return Err(refuse(ImportMessage::MappingNotAPair {
                    item: item.trim().into(),
                }));
            }
            let word = field_word(&field.to_lowercase()).ok_or_else(|| {
                let mut fields: Vec<&str> = IMPORT_COLUMNS.to_vec();
                fields.extend(["donor", "beneficiary", "ignore"]);
                refuse(ImportMessage::MappingNotAField {
                    text: field.into(),
                    fields: fields.join(", "),
                })
            })?;
            let key = header_key(header);
            let field_twice =
                word != HeaderWord::Ignored && mapped.iter().any(|(_, _, w)| same_field(*w, word));
            if field_twice {
                return Err(refuse(ImportMessage::MappingTwice { text: field.into() }));
            }
            if mapped.iter().any(|(_, k, _)| *k == key) {
                return Err(refuse(ImportMessage::MappingTwice {
                    text: header.into(),
                }));
            }
            mapped.push((header.to_string(), key, word));
        }
        if mapped.is_empty() {
            return Err(refuse(ImportMessage::MappingNotAPair { item: text.into() }));
        }
        Ok(SheetColumns { mapped })
    }

    /// What the header cell `cell` names by the mapping, if it maps it.
    pub fn word(&self, cell: &str) -> Option<HeaderWord> {
        let key = header_key(cell);
        self.mapped.iter().find(|(_, k, _)| *k == key).map(|m| m.2)
    }

    /// The first mapped header that none of `cells` is.
    pub fn missing_in<'a>(&'a self, cells: &[&str]) -> Option<&'a str> {
        let keys: Vec<String> = cells.iter().map(|c| header_key(c)).collect();
        self.mapped
            .iter()
            .find(|(_, k, _)| !keys.contains(k))
            .map(|(header, _, _)| header.as_str())
    }
}

fn same_field(a: HeaderWord, b: HeaderWord) -> bool {
    match (a, b) {
        (HeaderWord::Column { column: x, .. }, HeaderWord::Column { column: y, .. }) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_reads_and_refuses_what_it_cannot_map() {
        let m = SheetColumns::parse("date=收款日期, donor=捐助者 ,amount=数额（元）,ignore=经手")
            .unwrap();
        assert_eq!(
            m.word(" 捐助者"),
            Some(HeaderWord::Column {
                column: 2,
                kind: Some(Kind::Donation)
            })
        );
        assert_eq!(
            m.word("数额"),
            Some(HeaderWord::Column {
                column: 5,
                kind: None
            })
        );
        assert_eq!(m.word("经手"), Some(HeaderWord::Ignored));
        assert_eq!(m.word("日期"), None);
        assert_eq!(m.missing_in(&["收款日期", "捐助者", "数额", "经手"]), None);
        assert_eq!(m.missing_in(&["收款日期", "捐助者"]), Some("数额（元）"));
        for bad in [
            "",
            "date",
            "when=日期",
            "date=a,date=b",
            "date=a,amount=a",
            "donor=a,counterparty=b",
            "date=",
        ] {
            assert!(SheetColumns::parse(bad).is_err(), "{bad}");
        }
    }
}
