//! The bank statement reader on arbitrary bytes, as a file: it never panics, and
//! every line it accepts has a non-zero amount. The first byte picks the encoding and
//! whether the first line of the rest is a `--columns` mapping (parsed too).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lovefund::reconcile::statement::{ColumnMapping, read_statement};

mod input;

fuzz_target!(|data: &[u8]| {
    let Some((encoding, choice, rest)) = input::encoding_and_rest(data) else {
        return;
    };
    let (mapping, content) = if choice & 0x80 != 0 {
        let split = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
        let Ok(text) = std::str::from_utf8(&rest[..split]) else {
            return;
        };
        let Ok(mapping) = ColumnMapping::parse(text) else {
            return;
        };
        (mapping, rest.get(split + 1..).unwrap_or_default())
    } else {
        (ColumnMapping::default(), rest)
    };
    let path = input::scratch_dir().join("statement.csv");
    std::fs::write(&path, content).expect("write the input");
    if let Ok(statement) = read_statement(&path, encoding, &mapping) {
        for line in &statement.lines {
            assert!(!line.amount.is_zero());
        }
        assert!(statement.errors.windows(2).all(|w| w[0].line <= w[1].line));
    }
});
