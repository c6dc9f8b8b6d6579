//! The web page's downloads and checks (issue 18): the audit pack (made, handed
//! over, verified by the CLI, and an uploaded pack checked), the verified backup
//! (opens and verifies; the signing key only for a treasurer), an attachment's
//! withdrawal, and the donors' verification page served without sign-in and run in
//! chromium on a real receipt's payload.

use crate::web::Answer;
use crate::web_pages::{AUDITOR, Browser, REVIEWER, TREASURER, cli, ledger, serve, zh_hans_clean};

fn keep(l: &crate::common::Ledger, name: &str, bytes: &[u8]) -> String {
    let path = l.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn disposition(answer: &Answer) -> String {
    answer
        .header("content-disposition")
        .unwrap_or_default()
        .to_string()
}

#[test]
fn every_role_downloads_the_audit_pack_and_it_verifies() {
    let l = ledger();
    let server = serve(&l);
    for who in [TREASURER, REVIEWER, AUDITOR] {
        let b = Browser::sign_in(&server, who, "zh-Hans");
        let page = b.get("/audit-pack");
        assert_eq!(page.status, 200, "{}", page.text());
        zh_hans_clean("audit pack", &page.text());
        let before = l.fingerprint();
        let pack = b.post("/audit-pack", &[("year", "2022")]);
        assert_eq!(pack.status, 200, "{}", pack.text());
        assert_eq!(pack.header("content-type"), Some("application/zip"));
        assert!(
            disposition(&pack).contains("filename=\"audit-pack-2022.zip\""),
            "{}",
            disposition(&pack)
        );
        assert!(pack.bytes.starts_with(b"PK"));
        assert_eq!(l.fingerprint(), before, "a pack changes nothing");
        // The CLI's verify, with the ledger's published keys.
        let file = keep(&l, "pack.zip", &pack.bytes);
        let keys = keep(&l, "keys.txt", cli(&l, &["key", "show"]).as_bytes());
        cli(&l, &["audit-pack", "verify", &file, "--keyfile", &keys]);
    }
}

#[test]
fn an_uploaded_pack_is_checked_and_a_changed_one_is_not_intact() {
    let l = ledger();
    let server = serve(&l);
    let b = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let pack = b.post("/audit-pack", &[("year", "2022")]).bytes;
    let csrf = b.csrf.clone();
    // The name the browser sends is never a path: any name checks the same.
    let checked = b.upload(
        "/audit-pack/verify",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("file", Some("../../pack.zip"), &pack),
        ],
    );
    assert_eq!(checked.status, 200, "{}", checked.text());
    assert!(
        checked.text().contains("id=\"verdict\""),
        "{}",
        checked.text()
    );
    zh_hans_clean("pack verdict", &checked.text());
    // One byte changed inside: the verdict says so, and the status is a refusal.
    let mut changed = pack.clone();
    let at = changed.len() / 2;
    changed[at] ^= 0x55;
    let bad = b.upload(
        "/audit-pack/verify",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("file", Some("x.zip"), &changed),
        ],
    );
    assert!(bad.status == 422, "{} {}", bad.status, bad.text());
    // Not a zip at all: the catalogue's sentence.
    let junk = b.upload(
        "/audit-pack/verify",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("file", Some("x.zip"), b"hello"),
        ],
    );
    assert_eq!(junk.status, 422, "{}", junk.text());
    assert!(junk.text().contains("role=\"alert\""));
    // Without the token, or with another: refused before anything is read.
    let forged = b.upload(
        "/audit-pack/verify",
        &[("csrf", None, b"forged"), ("file", Some("x.zip"), &pack)],
    );
    assert_eq!(forged.status, 403, "{}", forged.text());
    let none = b.upload("/audit-pack/verify", &[("file", Some("x.zip"), &pack)]);
    assert_eq!(none.status, 403, "{}", none.text());
}

#[test]
fn the_pack_refuses_a_bad_year_and_a_form_without_its_token() {
    let l = ledger();
    let server = serve(&l);
    let b = Browser::sign_in(&server, TREASURER, "en");
    let bad = b.post("/audit-pack", &[("year", "20x2")]);
    assert_eq!(bad.status, 422, "{}", bad.text());
    assert!(bad.text().contains("role=\"alert\""), "{}", bad.text());
    let empty = b.post("/audit-pack", &[("year", "2019")]);
    assert_eq!(empty.status, 422, "{}", empty.text());
    let no_token = b.post_without_csrf("/audit-pack", &[("year", "2022")]);
    assert_eq!(no_token.status, 403, "{}", no_token.text());
    assert!(!no_token.bytes.starts_with(b"PK"));
    let signed_out = serve(&l);
    let anon = signed_out.post("/audit-pack", None, &[("year", "2022")]);
    assert!(anon.status == 403 || anon.status == 303, "{}", anon.status);
}

#[test]
fn the_backup_opens_and_verifies_and_only_a_treasurer_takes_the_key() {
    let l = ledger();
    let server = serve(&l);
    let a = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let backup = a.post("/backup", &[]);
    assert_eq!(backup.status, 200, "{}", backup.text());
    assert!(backup.bytes.starts_with(b"SQLite format 3\0"));
    assert!(
        disposition(&backup).contains(".db"),
        "{}",
        disposition(&backup)
    );
    let copy = keep(&l, "copy.db", &backup.bytes);
    let verified = cli(&l, &["--db", &copy, "--lang", "en", "verify"]);
    assert!(!verified.is_empty());
    // The copy holds no signing secret: it cannot pack (a pack is signed).
    let keys = cli(&l, &["--db", &copy, "--lang", "en", "key", "show"]);
    assert!(keys.contains("cannot sign") || keys.contains('#'), "{keys}");
    // The key along: the core refuses an auditor, allows the treasurer.
    let before = l.fingerprint();
    let refused = a.post("/backup", &[("with_signing_key", "yes")]);
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert!(!refused.bytes.starts_with(b"SQLite"));
    let t = Browser::sign_in(&server, TREASURER, "zh-Hans");
    let full = t.post("/backup", &[("with_signing_key", "yes")]);
    assert_eq!(full.status, 200, "{}", full.text());
    let full_copy = keep(&l, "full.db", &full.bytes);
    cli(&l, &["--db", &full_copy, "verify"]);
    assert_eq!(l.fingerprint(), before);
    let no_token = a.post_without_csrf("/backup", &[]);
    assert_eq!(no_token.status, 403, "{}", no_token.text());
    assert!(!no_token.bytes.starts_with(b"SQLite"));
}

#[test]
fn a_treasurer_withdraws_an_attachment_with_a_reason() {
    let l = ledger();
    let server = serve(&l);
    let t = Browser::sign_in(&server, TREASURER, "zh-Hans");
    let csrf = t.csrf.clone();
    let sent = t.upload(
        "/attachments",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("entry", None, b"1"),
            ("file", Some("scan.jpg"), b"scan"),
        ],
    );
    assert_eq!(sent.status, 200, "{}", sent.text());
    assert!(
        sent.text().contains("action=\"/attachments/1/withdraw\""),
        "{}",
        sent.text()
    );
    zh_hans_clean("attachments with withdraw", &sent.text());
    // An auditor sees no withdraw form, and the core refuses their post.
    let a = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let seen = a.get("/attachments?entry=1").text();
    assert!(!seen.contains("/withdraw"), "{seen}");
    let before = l.fingerprint();
    let refused = a.post("/attachments/1/withdraw", &[("reason", "试试")]);
    assert_eq!(refused.status, 403, "{}", refused.text());
    // No reason: the catalogue's sentence naming it; no token: refused.
    let no_reason = t.post("/attachments/1/withdraw", &[("reason", " ")]);
    assert_eq!(no_reason.status, 422, "{}", no_reason.text());
    assert!(no_reason.text().contains("role=\"alert\""));
    let no_token = t.post_without_csrf("/attachments/1/withdraw", &[("reason", "误传")]);
    assert_eq!(no_token.status, 403, "{}", no_token.text());
    let bad_id = t.post("/attachments/x/withdraw", &[("reason", "误传")]);
    assert_eq!(bad_id.status, 422, "{}", bad_id.text());
    assert_eq!(l.fingerprint(), before);
    // Withdrawn: shown with its reason, and the CLI lists it so.
    let done = t.post("/attachments/1/withdraw", &[("reason", "误传")]);
    assert_eq!(done.status, 200, "{}", done.text());
    assert!(done.text().contains("role=\"status\""), "{}", done.text());
    assert!(done.text().contains("误传"), "{}", done.text());
    zh_hans_clean("withdrawn", &done.text());
    assert!(cli(&l, &["entry", "attachments", "1"]).contains("误传"));
    let again = t.post("/attachments/1/withdraw", &[("reason", "再次")]);
    assert_eq!(again.status, 422, "{}", again.text());
}

#[test]
fn the_verification_page_needs_no_sign_in_and_verifies_a_receipt_in_chromium() {
    let l = ledger();
    let server = serve(&l);
    let page = server.get("/check-receipt", None);
    assert_eq!(page.status, 200, "{}", page.body);
    let policy = page.header("content-security-policy").unwrap_or_default();
    assert!(
        policy.contains("default-src 'none'") && policy.contains("connect-src 'none'"),
        "{policy}"
    );
    // The ledger's public key is in it.
    let keys = cli(&l, &["key", "show"]);
    let key = keys
        .split_whitespace()
        .find(|w| w.len() == 64 && w.chars().all(|c| c.is_ascii_hexdigit()))
        .expect("a public key");
    assert!(page.body.contains(key), "{key}");
    assert!(!page.body.contains("src=\"http"), "it loads nothing");
    // The menu offers it to signed-in users too.
    let t = Browser::sign_in(&server, TREASURER, "zh-Hans");
    assert!(t.get("/").text().contains("href=\"/check-receipt\""));
    let Some(browser) = crate::verify_page::chromium() else {
        return;
    };
    let gift = t.post(
        "/donate",
        &[
            ("donor", "张三"),
            ("amount", "100.00"),
            ("date", "2022-03-05"),
            ("method", "bank"),
        ],
    );
    assert_eq!(gift.status, 200, "{}", gift.text());
    let list: serde_json::Value =
        serde_json::from_str(&cli(&l, &["--json", "receipt", "list"])).unwrap();
    let payload = list[0]["payload"]
        .as_str()
        .unwrap_or_else(|| panic!("a payload in {list}"))
        .to_string();
    let profile = tempfile::tempdir().unwrap();
    let url = format!("http://{}/check-receipt#{payload}", server.host());
    let dom = crate::verify_page::dom_at(browser, profile.path(), &url);
    assert_eq!(crate::verify_page::verdict(&dom), "genuine", "{dom}");
    let forged = url.replace("|10000|", "|10001|");
    assert_ne!(forged, url, "the amount is in the payload: {payload}");
    let dom = crate::verify_page::dom_at(browser, profile.path(), &forged);
    assert_eq!(crate::verify_page::verdict(&dom), "forged", "{dom}");
}

#[test]
fn what_a_download_is_made_in_is_gone_once_it_is_sent() {
    let l = ledger();
    let temp = l.dir.path().join("server-temp");
    std::fs::create_dir(&temp).unwrap();
    let server = crate::web::Server::start_with(&l, &[], &[("TMPDIR", &temp)]);
    let b = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let left = || std::fs::read_dir(&temp).unwrap().count();
    assert_eq!(b.post("/audit-pack", &[("year", "2022")]).status, 200);
    assert_eq!(left(), 0, "the pack's folder is removed");
    assert_eq!(b.post("/backup", &[]).status, 200);
    assert_eq!(left(), 0, "the backup's folder is removed");
    assert_eq!(
        b.post("/backup", &[("with_signing_key", "yes")]).status,
        403
    );
    assert_eq!(left(), 0, "a refusal leaves nothing either");
}
