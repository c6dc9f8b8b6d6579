//! Original documents behind entries (issue 17 §2): `entry attach` stores scans,
//! photos and PDFs content-addressed (the same file once), `entry attachments` lists
//! them, `entry attachment-get` writes one out byte for byte, `entry
//! attachment-withdraw` withdraws one by a chained record with a reason, and `verify`
//! checks every stored byte against its SHA-256.

use crate::common;

use common::Ledger;

fn ledger_with_entry() -> Ledger {
    let l = Ledger::new();
    l.donate("2022-03-01", "100");
    l
}

fn write(l: &Ledger, name: &str, bytes: &[u8]) -> String {
    let path = l.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn count(l: &Ledger, sql: &str) -> i64 {
    l.raw().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn documents_are_stored_once_listed_written_out_and_withdrawn_with_a_reason() {
    let l = ledger_with_entry();
    let scan = write(&l, "银行回单.pdf", b"%PDF-1.4 a bank slip");
    let photo = write(&l, "photo.jpg", &[0xFF, 0xD8, 0xFF, 1, 2, 3]);
    let attached = l.json(&["entry", "attach", "1", &scan, &photo]);
    assert_eq!(attached["attachments"].as_array().unwrap().len(), 2);
    assert_eq!(attached["attachments"][0]["file_name"], "银行回单.pdf");
    // The same file again is a new attachment of the same stored bytes.
    let again = l.json(&["entry", "attach", "1", &scan]);
    assert_eq!(again["attachments"][0]["new_bytes"], false);
    assert_eq!(count(&l, "SELECT COUNT(*) FROM attachment_blobs"), 2);
    let list = l.json(&["entry", "attachments", "1"]);
    assert_eq!(list["attachments"].as_array().unwrap().len(), 3);
    let out = l.dir.path().join("out.pdf");
    l.run(&[
        "entry",
        "attachment-get",
        "1",
        "--out",
        out.to_str().unwrap(),
    ])
    .success();
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.4 a bank slip");
    // An existing file is replaced only with --force.
    l.run(&[
        "entry",
        "attachment-get",
        "1",
        "--out",
        out.to_str().unwrap(),
    ])
    .code(1);
    let text = l.stdout(&[
        "--lang",
        "zh-Hans",
        "entry",
        "attachment-withdraw",
        "#3",
        "--reason",
        "重复",
    ]);
    assert!(text.contains("已撤回"), "{text}");
    let err = l.refused(&[
        "--lang",
        "zh-Hans",
        "entry",
        "attachment-withdraw",
        "3",
        "--reason",
        "x",
    ]);
    assert!(err.contains("已经撤回"), "{err}");
    let listed = l.stdout(&["--lang", "zh-Hans", "entry", "attachments", "1"]);
    assert!(listed.contains("已撤回 (重复"), "{listed}");
    // The bytes of a withdrawn attachment stay.
    assert_eq!(count(&l, "SELECT COUNT(*) FROM attachment_blobs"), 2);
    l.run(&["verify"]).success();
}

#[test]
fn a_refused_document_attaches_nothing() {
    let l = ledger_with_entry();
    let fine = write(&l, "a.pdf", b"%PDF ok");
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "zh-Hans", "entry", "attach", "9", &fine]);
    assert!(err.contains("没有凭证 9"), "{err}");
    let folder = l.dir.path().to_str().unwrap().to_string();
    let err = l.refused(&["--lang", "zh-Hans", "entry", "attach", "1", &fine, &folder]);
    assert!(err.contains("不是文件"), "{err}");
    l.run(&["config", "set", "attachments.max-mb", "1"])
        .success();
    let before_big = l.fingerprint();
    let big = write(&l, "big.tif", &vec![7u8; 1024 * 1024 + 1]);
    let err = l.refused(&["--lang", "zh-Hans", "entry", "attach", "1", &fine, &big]);
    assert!(
        err.contains("大于 1 MiB") && err.contains("attachments.max-mb"),
        "{err}"
    );
    assert_eq!(l.fingerprint(), before_big);
    assert_ne!(before, before_big, "the setting change is recorded");
    assert_eq!(count(&l, "SELECT COUNT(*) FROM attachments"), 0);
}

#[test]
fn verify_finds_a_changed_document_and_a_changed_attachment_row() {
    let l = ledger_with_entry();
    let scan = write(&l, "slip.pdf", b"%PDF the original slip");
    l.run(&["entry", "attach", "1", &scan]).success();
    l.run(&["verify"]).success();
    // The bytes changed behind lovefund's back: the hash no longer matches.
    let bytes = l.dir.path().join("changed.db");
    std::fs::copy(&l.db, &bytes).unwrap();
    let changed = Ledger {
        dir: tempfile::tempdir().unwrap(),
        db: bytes,
    };
    changed
        .raw()
        .execute_batch(
            "DROP TRIGGER attachment_blobs_no_update;
             UPDATE attachment_blobs SET bytes = CAST('%PDF a forged slip!!!' AS BLOB);",
        )
        .unwrap();
    let out = changed.run(&["--lang", "en", "verify"]).code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("attachments"), "{text}");
    // The row naming it changed: the chain says so.
    l.raw()
        .execute_batch(
            "DROP TRIGGER attachments_no_update;
             UPDATE attachments SET file_name = 'other.pdf';",
        )
        .unwrap();
    l.run(&["verify"]).code(1);
}
