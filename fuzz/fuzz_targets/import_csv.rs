//! The import CSV reader on arbitrary bytes, as a file (so encoding detection, the
//! BOM and GB18030 decoding run too): it never panics, and every line it accepts is
//! a positive amount with a line number inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lovefund::import::read_file;
use lovefund::ledger::fund::Funds;
use lovefund::store::Store;
use std::sync::OnceLock;

mod input;

/// The funds of a fresh ledger (made once, in a scratch directory).
fn funds() -> &'static Funds {
    static FUNDS: OnceLock<Funds> = OnceLock::new();
    FUNDS.get_or_init(|| {
        let dir = input::scratch_dir().join("ledger");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch ledger dir");
        let store = Store::create(&dir.join("fund.db")).expect("create ledger");
        store.funds().expect("funds")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((encoding, _, content)) = input::encoding_and_rest(data) else {
        return;
    };
    let funds = funds();
    let path = input::scratch_dir().join("import.csv");
    std::fs::write(&path, content).expect("write the input");
    if let Ok(file) = read_file(&path, encoding, funds, &[7u8; 32]) {
        let newlines = content.iter().filter(|b| **b == b'\n').count() as u64;
        for line in &file.lines {
            assert!(line.amount.fen() > 0);
            assert!(u64::from(line.line) <= newlines + 1);
            assert!((line.party as usize) < file.parties.len());
            let _ = (file.text(line.reference), file.text(line.memo));
        }
        assert!(file.errors.windows(2).all(|w| w[0].line <= w[1].line));
    }
});
