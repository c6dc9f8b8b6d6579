//! The audit pack (issue 17 §4): `audit-pack --year Y --out FILE.zip` puts one year's
//! statements, journal, receipts, vouchers, reconciliations, attachments and verify
//! report in one zip with a signed manifest; `audit-pack verify FILE --key/--keyfile`
//! checks it without the ledger and names every file changed, added or removed.

use crate::common;

use common::Ledger;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

/// A zip's members by name, with their bytes.
type Members = BTreeMap<String, Vec<u8>>;

/// A copy's name, what is done to its members, and what verify says of it.
type Tamper = (&'static str, fn(&mut Members), &'static str);

/// Every member of a zip, by name, with its bytes.
fn members(zip: &Path) -> Members {
    let file = std::fs::File::open(zip).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut member = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        member.read_to_end(&mut bytes).unwrap();
        out.insert(member.name().unwrap().to_string(), bytes);
    }
    out
}

/// A copy of `from` at `to` with the members `change` leaves (deflated again).
fn rewrite(from: &Path, to: &Path, change: impl FnOnce(&mut Members)) {
    let mut all = members(from);
    change(&mut all);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for (name, bytes) in all {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(name, options).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// A small ledger with two receipts of 2022, an attachment and a key file.
fn small_ledger() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "張三豐"]).success();
    for (amount, date) in [("10005", "2022-03-01"), ("300", "2022-04-02")] {
        l.run(&[
            "donate",
            "--donor",
            "張三豐",
            "--amount",
            amount,
            "--date",
            date,
            "--fund",
            "助學",
            "--method",
            "bank",
        ])
        .success();
    }
    let scan = l.dir.path().join("銀行回單 1.pdf");
    std::fs::write(&scan, b"%PDF-1.4 a bank slip").unwrap();
    l.run(&["entry", "attach", "1", scan.to_str().unwrap()])
        .success();
    std::fs::write(l.dir.path().join("keys.txt"), l.stdout(&["key", "show"])).unwrap();
    l
}

fn path_in(l: &Ledger, name: &str) -> String {
    l.dir.path().join(name).to_str().unwrap().to_string()
}

/// `audit-pack verify` in English with the ledger's key file, from a folder without
/// the ledger (no LOVEFUND_DB).
fn check(l: &Ledger, pack: &str) -> assert_cmd::assert::Assert {
    let mut cmd = l.cmd();
    cmd.env_remove("LOVEFUND_DB")
        .args(["--lang", "en", "audit-pack", "verify", pack, "--keyfile"])
        .arg(path_in(l, "keys.txt"));
    cmd.assert()
}

fn stdout_of(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

#[test]
fn the_demo_year_packs_with_every_kind_of_file_and_verifies() {
    let mut l = Ledger::empty();
    let demo = l.dir.path().join("demo");
    l.run(&["demo", "--out", demo.to_str().unwrap()]).success();
    l.db = demo.join("demo.db");
    let pack = path_in(&l, "audit-2022.zip");
    let packed = l.json(&["audit-pack", "--year", "2022", "--out", &pack]);
    assert_eq!(packed["year"], 2022);
    assert_eq!(packed["verify_passed"], true);
    let files = members(Path::new(&pack));
    assert_eq!(packed["files"].as_u64().unwrap(), files.len() as u64);
    for name in [
        "statements/balance-sheet.pdf",
        "statements/balance-sheet.csv",
        "statements/activities.pdf",
        "statements/activities.csv",
        "statements/cash-flow.pdf",
        "statements/cash-flow.csv",
        "statements/summary.pdf",
        "statements/summary.csv",
        "journal/journal.ledger",
        "journal/journal.beancount",
        "journal/journal.csv",
        "receipts/register.csv",
        "receipts/2022-000001.pdf",
        "vouchers/2022-01/2022-01-001.pdf",
        "reconciliations/reconciliations.csv",
        "reconciliations/reconciliation-1.csv",
        "verify/verify.txt",
        "verify/verify.json",
        "manifest.json",
        "manifest.sig",
    ] {
        assert!(files.contains_key(name), "{name} is in the pack");
    }
    // Every path is plain: ASCII folders, no absolute or parent parts.
    for name in files.keys() {
        assert!(!name.starts_with('/') && !name.contains(".."), "{name}");
        assert!(name.split('/').next().unwrap().is_ascii(), "{name}");
    }
    let receipts = files
        .keys()
        .filter(|n| n.starts_with("receipts/2022-"))
        .count();
    assert_eq!(packed["receipts"].as_u64().unwrap(), receipts as u64);
    let vouchers = files.keys().filter(|n| n.starts_with("vouchers/")).count();
    assert_eq!(packed["vouchers"].as_u64().unwrap(), vouchers as u64);
    // The manifest lists every other file with its size and SHA-256, the year, the
    // ledger's fingerprint and the key id.
    let manifest: serde_json::Value = serde_json::from_slice(&files["manifest.json"]).unwrap();
    let listed = manifest["files"].as_array().unwrap();
    assert_eq!(listed.len(), files.len() - 2);
    for file in listed {
        let bytes = &files[file["path"].as_str().unwrap()];
        assert_eq!(file["size"].as_u64().unwrap(), bytes.len() as u64);
        assert_eq!(file["sha256"], hex::encode(Sha256::digest(bytes)));
    }
    assert_eq!(manifest["year"], 2022);
    let verify = l.json(&["verify"]);
    assert_eq!(manifest["fingerprint"], verify["fingerprint"]);
    let key = l.json(&["key", "show"])["keys"][0].clone();
    assert_eq!(manifest["key_id"], key["key_id"]);
    // Checked without the ledger, with the public key alone.
    let mut cmd = l.cmd();
    cmd.env_remove("LOVEFUND_DB").args([
        "--lang",
        "en",
        "audit-pack",
        "verify",
        &pack,
        "--key",
        key["public_key"].as_str().unwrap(),
    ]);
    let out = stdout_of(&cmd.assert().success());
    assert!(out.contains("intact"), "{out}");
}

#[test]
fn the_pack_holds_the_attachments_by_entry_and_a_safe_name() {
    let l = small_ledger();
    let pack = path_in(&l, "pack.zip");
    l.run(&["audit-pack", "--year", "2022", "--out", &pack])
        .success();
    let files = members(Path::new(&pack));
    assert_eq!(
        files["attachments/entry-1/1-銀行回單_1.pdf"],
        b"%PDF-1.4 a bank slip"
    );
    let register = String::from_utf8(files["receipts/register.csv"].clone()).unwrap();
    assert_eq!(register.lines().count(), 3, "{register}");
    assert!(register.contains("2022-000002"));
    let verify: serde_json::Value = serde_json::from_slice(&files["verify/verify.json"]).unwrap();
    assert_eq!(verify["passed"], true);
    let json = check(&l, &pack).success();
    assert!(stdout_of(&json).contains("intact"));
}

#[test]
fn a_changed_an_added_and_a_removed_file_are_each_named_and_exit_1() {
    let l = small_ledger();
    let pack = path_in(&l, "pack.zip");
    l.run(&["audit-pack", "--year", "2022", "--out", &pack])
        .success();
    let cases: [Tamper; 3] = [
        (
            "changed.zip",
            |m| {
                m.insert("statements/activities.csv".into(), b"forged".to_vec());
            },
            "changed: \"statements/activities.csv\"",
        ),
        (
            "added.zip",
            |m| {
                m.insert("receipts/2022-000099.pdf".into(), b"%PDF".to_vec());
            },
            "added: \"receipts/2022-000099.pdf\"",
        ),
        (
            "removed.zip",
            |m| {
                m.remove("receipts/2022-000001.pdf");
            },
            "removed: \"receipts/2022-000001.pdf\"",
        ),
    ];
    for (name, change, said) in cases {
        let target = path_in(&l, name);
        rewrite(Path::new(&pack), Path::new(&target), change);
        let refused = check(&l, &target).code(1);
        let out = stdout_of(&refused);
        assert!(out.contains(said), "{name}: {out}");
        assert_eq!(
            out.lines().count(),
            2,
            "one line for the signature, one for the file: {out}"
        );
        let err = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
        assert!(err.contains("not intact"), "{err}");
    }
    // --json: typed results.
    let mut cmd = l.cmd();
    cmd.env_remove("LOVEFUND_DB").args([
        "audit-pack",
        "verify",
        &path_in(&l, "changed.zip"),
        "--keyfile",
        &path_in(&l, "keys.txt"),
        "--json",
    ]);
    let out = cmd.assert().code(1).get_output().stdout.clone();
    let verdict: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(verdict["intact"], false);
    assert_eq!(verdict["problems"][0]["path"], "statements/activities.csv");
    assert_eq!(verdict["problems"][0]["problem"], "changed");
    assert!(verdict["signature"]["good"].is_object());
}

#[test]
fn a_changed_manifest_or_a_wrong_key_is_refused() {
    let l = small_ledger();
    let pack = path_in(&l, "pack.zip");
    l.run(&["audit-pack", "--year", "2022", "--out", &pack])
        .success();
    // Another fund's key.
    let other = Ledger::new();
    let other_key = other.json(&["key", "show"])["keys"][0]["public_key"]
        .as_str()
        .unwrap()
        .to_string();
    let mut cmd = l.cmd();
    cmd.env_remove("LOVEFUND_DB").args([
        "--lang",
        "en",
        "audit-pack",
        "verify",
        &pack,
        "--key",
        &other_key,
    ]);
    let out = stdout_of(&cmd.assert().code(1));
    assert!(out.contains("the keys given are only"), "{out}");
    // A manifest edited to match an edited file: the signature no longer matches.
    let forged = path_in(&l, "forged.zip");
    rewrite(Path::new(&pack), Path::new(&forged), |m| {
        let forged_bytes = b"forged".to_vec();
        let sha = hex::encode(Sha256::digest(&forged_bytes));
        let mut manifest: serde_json::Value = serde_json::from_slice(&m["manifest.json"]).unwrap();
        for file in manifest["files"].as_array_mut().unwrap() {
            if file["path"] == "statements/activities.csv" {
                file["sha256"] = sha.clone().into();
                file["size"] = forged_bytes.len().into();
            }
        }
        m.insert(
            "manifest.json".into(),
            serde_json::to_vec_pretty(&manifest).unwrap(),
        );
        m.insert("statements/activities.csv".into(), forged_bytes);
    });
    let out = stdout_of(&check(&l, &forged).code(1));
    assert!(out.contains("forged"), "{out}");
    // Not a zip at all: one sentence, exit 1.
    let junk = path_in(&l, "junk.zip");
    std::fs::write(&junk, b"not a zip").unwrap();
    let err = String::from_utf8(check(&l, &junk).code(1).get_output().stderr.clone()).unwrap();
    assert!(err.contains("is not a zip file"), "{err}");
    // A bad key is refused as such.
    let mut cmd = l.cmd();
    cmd.env_remove("LOVEFUND_DB").args([
        "--lang",
        "en",
        "audit-pack",
        "verify",
        &pack,
        "--key",
        "abc",
    ]);
    cmd.assert().code(1);
}

#[test]
fn a_refused_pack_leaves_no_file_and_the_ledger_unchanged() {
    let l = small_ledger();
    let before = l.fingerprint();
    // A year without entries.
    let empty = path_in(&l, "2019.zip");
    let err = l.refused_en(&["audit-pack", "--year", "2019", "--out", &empty]);
    assert!(err.contains("2019 has no entries"), "{err}");
    // An existing file without --force is kept as it was.
    let taken = path_in(&l, "taken.zip");
    std::fs::write(&taken, b"mine").unwrap();
    let err = l.refused_en(&["audit-pack", "--year", "2022", "--out", &taken]);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&taken).unwrap(), b"mine");
    // The ledger itself is never a target.
    let db = l.db.to_str().unwrap().to_string();
    l.refused_en(&["audit-pack", "--year", "2022", "--out", &db, "--force"]);
    // A font that cannot be read refuses the whole pack, after nothing was written.
    let missing_font = l.dir.path().join("no-such-font.ttf");
    let font = missing_font.to_str().unwrap();
    let refused = path_in(&l, "font.zip");
    l.refused(&[
        "audit-pack",
        "--year",
        "2022",
        "--out",
        &refused,
        "--font",
        font,
    ]);
    // A backup made without the signing key cannot sign a pack.
    let copy = path_in(&l, "copy.db");
    l.run(&["backup", &copy]).success();
    let mut cmd = l.cmd();
    let unsigned = path_in(&l, "unsigned.zip");
    cmd.args([
        "--lang",
        "en",
        "--db",
        &copy,
        "audit-pack",
        "--year",
        "2022",
        "--out",
        &unsigned,
    ]);
    let err = String::from_utf8(cmd.assert().code(1).get_output().stderr.clone()).unwrap();
    assert!(err.contains("signing secret"), "{err}");
    assert!(!Path::new(&unsigned).exists());
    assert!(!Path::new(&empty).exists());
    assert!(!Path::new(&refused).exists());
    let names: Vec<_> = std::fs::read_dir(l.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "no temporary file is left: {names:?}");
    assert_eq!(l.fingerprint(), before);
    // With --force the file is replaced by a whole pack.
    l.run(&["audit-pack", "--year", "2022", "--out", &taken, "--force"])
        .success();
    check(&l, &taken).success();
}

#[test]
fn the_commands_are_in_the_help_in_every_language() {
    let l = Ledger::new();
    for (lang, words) in [
        ("en", "The audit pack"),
        ("zh-Hant", "審計包"),
        ("zh-Hans", "审计包"),
    ] {
        let help = l.stdout(&["--lang", lang, "--help"]);
        assert!(
            help.contains("audit-pack") && help.contains(words),
            "{lang}: {help}"
        );
        let verify = l.stdout(&["--lang", lang, "audit-pack", "verify", "--help"]);
        assert!(verify.contains("--keyfile"), "{lang}: {verify}");
    }
}

#[test]
fn a_ledger_that_fails_verify_is_packed_with_its_report_and_a_note() {
    let l = small_ledger();
    let conn = l.raw();
    conn.execute_batch(
        "DROP TRIGGER entries_no_update;
         UPDATE entries SET memo = 'changed behind lovefund' WHERE id = 2;",
    )
    .unwrap();
    drop(conn);
    let pack = path_in(&l, "pack.zip");
    let out = l.stdout(&[
        "--lang",
        "en",
        "audit-pack",
        "--year",
        "2022",
        "--out",
        &pack,
    ]);
    assert!(out.contains("the ledger's own verify failed"), "{out}");
    let files = members(Path::new(&pack));
    let verify: serde_json::Value = serde_json::from_slice(&files["verify/verify.json"]).unwrap();
    assert_eq!(verify["passed"], false);
    // The pack itself is intact: it says truly what the ledger holds.
    check(&l, &pack).success();
}
