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

/// A ledger with two receipts: 2022-000001 (張三豐, ¥10,005.00, 助學) and
/// 2022-000002 (李四, ¥300.00), the second voided.
fn ledger_with_receipts() -> Ledger {
    let l = Ledger::new();
    for name in ["張三豐", "李四"] {
        l.run(&["donor", "add", name]).success();
    }
    for (donor, amount, date) in [
        ("張三豐", "10005", "2022-03-01"),
        ("李四", "300", "2022-03-02"),
    ] {
        l.run(&[
            "donate", "--donor", donor, "--amount", amount, "--date", date, "--fund", "助學",
            "--method", "bank",
        ])
        .success();
    }
    l.run(&["receipt", "void", "2022-000002", "--reason", "重複"])
        .success();
    l
}

fn payload(l: &Ledger, number: &str) -> String {
    let list = l.json(&["receipt", "list"]);
    let receipt = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"] == number)
        .unwrap_or_else(|| panic!("no receipt {number}"));
    receipt["payload"].as_str().unwrap().to_string()
}

/// A donor's machine: a folder holding only what the fund published (and the
/// receipt), and the binary run with no ledger anywhere.
fn donor_cmd(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("lovefund");
    cmd.current_dir(dir)
        .env_remove("LOVEFUND_DB")
        .env_remove("LOVEFUND_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .arg("--lang")
        .arg("zh-Hans");
    cmd
}

fn text(out: &assert_cmd::assert::Assert) -> (String, String) {
    let o = out.get_output();
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_payload_is_signed_masked_and_short_enough_for_a_qr_code() {
    let l = ledger_with_receipts();
    let p = payload(&l, "2022-000001");
    let fields: Vec<&str> = p.split('|').collect();
    assert_eq!(fields.len(), 8, "{p}");
    assert_eq!(fields[0], "LF1");
    assert_eq!(
        &fields[2..7],
        ["2022-000001", "20220301", "1000500", "助學", "張**"]
    );
    let key = l.json(&["key", "show"])["keys"][0].clone();
    assert_eq!(fields[1], key["key_id"].as_str().unwrap());
    // The annual summary publishes the key receipts are signed with.
    let summary = l.stdout(&["--lang", "zh-Hans", "summary", "--year", "2022"]);
    let public = key["public_key"].as_str().unwrap();
    assert!(
        summary.contains(&format!("验签公钥: {} {public}", fields[1])),
        "{summary}"
    );
    // The same receipt is signed the same way every time (Ed25519 is deterministic).
    assert_eq!(payload(&l, "2022-000001"), p);
    // With a verification address, the QR is the address, `#` and the payload.
    l.run(&[
        "config",
        "set",
        "verify-url",
        "https://fund.example.org/verify.html",
    ])
    .success();
    let list = l.json(&["receipt", "list"]);
    let qr = list[0]["qr"].as_str().unwrap();
    assert_eq!(qr, format!("https://fund.example.org/verify.html#{p}"));
    assert!(
        qr.chars().count() < 200,
        "{} characters",
        qr.chars().count()
    );
    // An address that would not fit, or is no address, is refused.
    let before = l.fingerprint();
    for bad in ["fund.example.org/v.html", "https://a.org/v.html#x"] {
        let err = l.refused(&["--lang", "zh-Hans", "config", "set", "verify-url", bad]);
        assert!(err.contains("不是可用的验证网址"), "{err}");
    }
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn a_donor_verifies_a_receipt_with_only_the_public_key() {
    let l = ledger_with_receipts();
    let donor = tempfile::tempdir().unwrap();
    let keys = l.stdout(&["key", "show"]);
    std::fs::write(donor.path().join("keys.txt"), &keys).unwrap();
    l.run(&[
        "receipt",
        "print",
        "2022-000001",
        "--out",
        donor.path().to_str().unwrap(),
    ])
    .success();
    let p = payload(&l, "2022-000001");
    let hex_key = keys
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();

    // The payload, with the key typed and from the key file.
    let ok = donor_cmd(donor.path())
        .args(["receipt", "verify", &p, "--key", hex_key])
        .assert()
        .success();
    let (out, _) = text(&ok);
    assert!(out.starts_with("真实"), "{out}");
    assert!(
        out.contains("¥10,005.00") && out.contains("人民币壹万零伍元整"),
        "{out}"
    );
    assert!(out.contains("張**") && out.contains("未查"), "{out}");
    // An address with the payload after `#`, as a phone's camera reads it.
    let url = format!("https://fund.example.org/v.html#{p}");
    donor_cmd(donor.path())
        .args(["receipt", "verify", &url, "--keyfile", "keys.txt"])
        .assert()
        .success();

    // The PDF: its payload checked, and its printed text compared with it.
    let ok = donor_cmd(donor.path())
        .args([
            "receipt",
            "verify",
            "2022-000001.pdf",
            "--keyfile",
            "keys.txt",
        ])
        .assert()
        .success();
    assert!(text(&ok).0.contains("PDF 上印的内容与签名相符"));

    // One fen more is forged: exit 1, said in one sentence.
    let forged = p.replace("|1000500|", "|1000501|");
    let bad = donor_cmd(donor.path())
        .args(["receipt", "verify", &forged, "--keyfile", "keys.txt"])
        .assert()
        .code(1);
    let (_, err) = text(&bad);
    assert!(err.contains("伪造") && err.contains("2022-000001"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    // Another fund's key: it names the key the receipt needs.
    let other = Ledger::new();
    let other_key = other.json(&["key", "show"])["keys"][0]["public_key"]
        .as_str()
        .unwrap()
        .to_string();
    let bad = donor_cmd(donor.path())
        .args(["receipt", "verify", &p, "--key", &other_key])
        .assert()
        .code(1);
    assert!(text(&bad).1.contains(&p[4..12]), "{}", text(&bad).1);

    // Not a payload, not a key.
    let bad = donor_cmd(donor.path())
        .args(["receipt", "verify", "hello", "--keyfile", "keys.txt"])
        .assert()
        .code(1);
    assert!(
        text(&bad).1.contains("不是收据二维码的内容"),
        "{}",
        text(&bad).1
    );
    let bad = donor_cmd(donor.path())
        .args(["receipt", "verify", &p, "--key", "abc"])
        .assert()
        .code(1);
    assert!(
        text(&bad).1.contains("--key“abc”不是公钥"),
        "{}",
        text(&bad).1
    );
}

#[test]
fn a_changed_pdf_names_the_field_that_differs() {
    let l = ledger_with_receipts();
    let donor = tempfile::tempdir().unwrap();
    std::fs::write(donor.path().join("keys.txt"), l.stdout(&["key", "show"])).unwrap();
    l.run(&[
        "receipt",
        "print",
        "2022-000001",
        "--out",
        donor.path().to_str().unwrap(),
    ])
    .success();
    // A forger keeps the page of receipt 1 and puts receipt 2's genuine payload in
    // its metadata: the signature holds, the printed number does not.
    let pdf = donor.path().join("2022-000001.pdf");
    let mut doc = lopdf::Document::load(&pdf).unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let other = payload(&l, "2022-000002");
    let mut utf16 = vec![0xFE, 0xFF];
    for unit in other.encode_utf16() {
        utf16.extend_from_slice(&unit.to_be_bytes());
    }
    doc.get_object_mut(info)
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set(
            "Keywords",
            lopdf::Object::String(utf16, lopdf::StringFormat::Hexadecimal),
        );
    let forged = donor.path().join("forged.pdf");
    doc.save(&forged).unwrap();
    let bad = donor_cmd(donor.path())
        .args(["receipt", "verify", "forged.pdf", "--keyfile", "keys.txt"])
        .assert()
        .code(1);
    let (_, err) = text(&bad);
    assert!(
        err.contains("PDF 上印的收据编号") && err.contains("2022-000002"),
        "{err}"
    );

    // A file that is no PDF is named as such.
    std::fs::write(donor.path().join("not.pdf"), "hello").unwrap();
    let bad = donor_cmd(donor.path())
        .args(["receipt", "verify", "not.pdf", "--keyfile", "keys.txt"])
        .assert()
        .code(1);
    assert!(
        text(&bad).1.contains("不是可读的 PDF 文件"),
        "{}",
        text(&bad).1
    );
}

#[test]
fn void_status_comes_from_the_ledger_or_the_published_list() {
    let l = ledger_with_receipts();
    let site = l.dir.path().join("site");
    l.run(&["publish", "--out", site.to_str().unwrap()])
        .success();
    let voided = std::fs::read_to_string(site.join("voided.txt")).unwrap();
    assert_eq!(voided.lines().skip(1).collect::<Vec<_>>(), ["2022-000002"]);
    let void = payload(&l, "2022-000002");
    let fine = payload(&l, "2022-000001");
    // With the ledger: void is said, and exits 1.
    let out = l
        .run(&["--lang", "zh-Hans", "receipt", "verify", &void])
        .code(1);
    let (out, err) = text(&out);
    assert!(out.contains("签名真实，但这张收据已作废"), "{out}");
    assert!(err.contains("已作废"), "{err}");
    l.run(&["receipt", "verify", &fine]).success();
    // Without it, from the list publish wrote.
    let out = donor_cmd(&site)
        .args([
            "receipt",
            "verify",
            &void,
            "--keyfile",
            "keys.txt",
            "--voided",
            "voided.txt",
        ])
        .assert()
        .code(1);
    assert!(text(&out).0.contains("作废状态: 作废"), "{}", text(&out).0);
    let out = donor_cmd(&site)
        .args([
            "receipt",
            "verify",
            &fine,
            "--keyfile",
            "keys.txt",
            "--voided",
            "voided.txt",
        ])
        .assert()
        .success();
    assert!(
        text(&out).0.contains("作废状态: 未作废"),
        "{}",
        text(&out).0
    );
    // A list that is not one is named by its line.
    std::fs::write(site.join("bad.txt"), "# x\n2022-000001\nhello\n").unwrap();
    let out = donor_cmd(&site)
        .args([
            "receipt",
            "verify",
            &fine,
            "--keyfile",
            "keys.txt",
            "--voided",
            "bad.txt",
        ])
        .assert()
        .code(1);
    assert!(text(&out).1.contains("第 3 行"), "{}", text(&out).1);
    // Publishing again replaces nothing it did not write without --force.
    l.run(&["publish", "--out", site.to_str().unwrap()]).code(1);
    l.run(&["publish", "--out", site.to_str().unwrap(), "--force"])
        .success();
}

#[test]
fn a_rotated_key_keeps_old_receipts_valid_and_is_chained() {
    let l = ledger_with_receipts();
    let old_payload = payload(&l, "2022-000001");
    let old_keys = l.stdout(&["key", "show"]);
    let before = l.fingerprint();
    let err = l.refused(&["--lang", "zh-Hans", "key", "rotate", "--reason", " "]);
    assert!(err.contains("--reason"), "{err}");
    assert_eq!(l.fingerprint(), before);
    // Rotating in the same second as the last receipt would make the time order
    // ambiguous; a receipt issued after the rotation is signed with the new key.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let rotated = l.stdout(&["--lang", "zh-Hans", "key", "rotate", "--reason", "电脑丢失"]);
    assert!(rotated.contains("新的验签公钥"), "{rotated}");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    l.run(&[
        "donate",
        "--donor",
        "李四",
        "--amount",
        "50",
        "--date",
        "2022-04-01",
        "--method",
        "cash",
    ])
    .success();
    let keys = l.json(&["key", "show"]);
    let keys = keys["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0]["retire_reason"], "电脑丢失");
    assert_eq!(keys[1]["current"], true);
    // The old receipt is signed by the old key as before; the new one by the new key.
    assert_eq!(payload(&l, "2022-000001"), old_payload);
    let new_payload = payload(&l, "2022-000003");
    assert_eq!(&new_payload[4..12], keys[1]["key_id"].as_str().unwrap());
    // A key file with both keys checks both; the old file only the old receipt.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("all.txt"), l.stdout(&["key", "show"])).unwrap();
    std::fs::write(dir.path().join("old.txt"), old_keys).unwrap();
    for p in [&old_payload, &new_payload] {
        donor_cmd(dir.path())
            .args(["receipt", "verify", p, "--keyfile", "all.txt"])
            .assert()
            .success();
    }
    donor_cmd(dir.path())
        .args(["receipt", "verify", &new_payload, "--keyfile", "old.txt"])
        .assert()
        .code(1);
    // Both key events are chained: verify passes, and a changed reason is found.
    l.run(&["verify"]).success();
    l.raw()
        .execute_batch(
            "DROP TRIGGER signing_keys_no_update;
             UPDATE signing_keys SET reason = 'nothing' WHERE event = 'retired';",
        )
        .unwrap();
    l.run(&["verify"]).code(1);
}

#[test]
fn an_auditors_copy_cannot_sign_or_rotate() {
    let l = ledger_with_receipts();
    let copy = l.dir.path().join("audit.db");
    l.run(&["backup", copy.to_str().unwrap()]).success();
    let audit = Ledger {
        dir: tempfile::tempdir().unwrap(),
        db: copy,
    };
    let keys = audit.stdout(&["--lang", "zh-Hans", "key", "show"]);
    assert!(keys.contains("没有签名私钥"), "{keys}");
    let list = audit.json(&["receipt", "list"]);
    assert!(list[0]["payload"].is_null(), "{list}");
    let err = audit.refused(&["--lang", "zh-Hans", "key", "rotate", "--reason", "x"]);
    assert!(err.contains("没有签名私钥"), "{err}");
    // It still verifies the receipts the fund signed.
    audit
        .run(&["receipt", "verify", &payload(&l, "2022-000001")])
        .success();
}
