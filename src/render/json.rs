//! JSON output: the report structs as they are (amounts are strings with two
//! decimals by `Money`'s serializer).

use crate::report::register::{RegisterHead, RegisterLine};
use serde::Serialize;
use std::io::{self, Write};

pub fn write<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// A register written as its lines stream in: the head's fields, then `"rows"`, one
/// line per row, so a million rows are never held at once.
pub struct RegisterJson {
    rows: usize,
}

impl RegisterJson {
    pub fn start(out: &mut dyn Write, head: &RegisterHead) -> io::Result<RegisterJson> {
        let head = serde_json::to_string_pretty(head)?;
        let fields = head
            .trim_end()
            .strip_suffix('}')
            .unwrap_or(&head)
            .trim_end();
        write!(out, "{fields},\n  \"rows\": [")?;
        Ok(RegisterJson { rows: 0 })
    }

    pub fn line(&mut self, out: &mut dyn Write, line: &RegisterLine) -> io::Result<()> {
        out.write_all(if self.rows == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        serde_json::to_writer(&mut *out, line)?;
        self.rows += 1;
        Ok(())
    }

    pub fn finish(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.rows > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"]\n}\n")
    }
}
