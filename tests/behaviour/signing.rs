//! Receipt signing keys (issue 16 §3): every ledger gets an Ed25519 key at init,
//! its public half in the hash chain; `backup` leaves the secret out unless
//! `--with-signing-key` is given.

use crate::common;

use common::Ledger;

fn count(db: &std::path::Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db)
        .expect("open")
        .query_row(sql, [], |r| r.get(0))
        .expect("count")
}

#[test]
fn init_makes_a_signing_key_whose_public_half_is_chained() {
    let ledger = Ledger::new();
    assert_eq!(count(&ledger.db, "SELECT COUNT(*) FROM signing_keys"), 1);
    assert_eq!(count(&ledger.db, "SELECT COUNT(*) FROM signing_secrets"), 1);
    assert_eq!(
        count(&ledger.db, "SELECT length(secret) FROM signing_secrets"),
        32
    );
    ledger.run(&["verify"]).success();
    // The public key is chained: changing it is found.
    ledger
        .raw()
        .execute_batch(
            "DROP TRIGGER signing_keys_no_update;
             UPDATE signing_keys SET public_key = '00' || substr(public_key, 3);",
        )
        .unwrap();
    ledger.run(&["verify"]).code(1);
}

#[test]
fn a_backup_holds_no_signing_secret_unless_asked() {
    let ledger = Ledger::new();
    ledger.donate("2022-03-01", "100");
    let copy = ledger.dir.path().join("audit.db");
    ledger.run(&["backup", copy.to_str().unwrap()]).success();
    assert_eq!(count(&copy, "SELECT COUNT(*) FROM signing_secrets"), 0);
    assert_eq!(count(&copy, "SELECT COUNT(*) FROM signing_keys"), 1);
    let secret: Vec<u8> = ledger
        .raw()
        .query_row("SELECT secret FROM signing_secrets", [], |r| r.get(0))
        .unwrap();
    let bytes = std::fs::read(&copy).unwrap();
    assert!(
        !bytes.windows(32).any(|w| w == secret.as_slice()),
        "the secret's bytes are nowhere in the copy"
    );
    let full = ledger.dir.path().join("full.db");
    ledger
        .run(&["backup", full.to_str().unwrap(), "--with-signing-key"])
        .success();
    assert_eq!(count(&full, "SELECT COUNT(*) FROM signing_secrets"), 1);
}
