//! The import and reconcile pages of the web page (issue 18), over HTTP against the
//! real binary, with the fixtures of the command line's own tests: a dry run that
//! shows its table and writes nothing, its Confirm that records, a bad sheet's
//! numbered lines, a token or file that is not the dry run's, CSRF, an auditor's
//! confirm, an oversized upload, a hostile file name, a WeChat Pay bill, and a
//! reconciliation tried then committed.

use crate::common::Ledger;
use crate::web::{AUDITOR, Answer, Server, TREASURER, cli_as, ledger_with_users};
use std::path::PathBuf;

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).expect("fixture")
}

fn sheet() -> Vec<u8> {
    fixture("tests/fixtures/sheets/donations_2022.csv")
}

fn entries(l: &Ledger) -> i64 {
    l.raw()
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .expect("count")
}

/// A hidden field's value in a page.
fn hidden(body: &str, name: &str) -> String {
    let at = body
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no {name} in {body}"));
    let rest = &body[at + name.len() + "name=\"\" value=\"".len()..];
    rest[..rest.find('"').expect("end")].to_string()
}

/// The sentence of the page's refusal box.
fn refusal(body: &str) -> String {
    let open = "<p class=\"refused\" role=\"alert\">";
    let at = body
        .find(open)
        .unwrap_or_else(|| panic!("no refusal in {body}"));
    let rest = &body[at + open.len()..];
    rest[..rest.find("</p>").expect("its end")].to_string()
}

/// Uploads `bytes` as `file` to `path` with `fields`, the CSRF token first.
fn upload(
    server: &Server,
    cookie: &str,
    csrf: &str,
    path: &str,
    file: &str,
    bytes: &[u8],
    fields: &[(&str, &str)],
) -> Answer {
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![("csrf", None, csrf.as_bytes())];
    for (name, value) in fields {
        parts.push((name, None, value.as_bytes()));
    }
    parts.push(("file", Some(file), bytes));
    server.upload(path, Some(cookie), &parts)
}

fn confirm_form<'a>(csrf: &'a str, token: &'a str, sha: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("token", token),
        ("sha256", sha),
        ("encoding", ""),
        ("profile", ""),
    ]
}

#[test]
fn a_sheet_is_tried_then_recorded_on_confirm() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    let page = server.get("/import", Some(&cookie));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("multipart/form-data"), "{}", page.body);
    let before = (l.fingerprint(), entries(&l));
    let tried = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "donations_2022.csv",
        &sheet(),
        &[],
    );
    assert_eq!(tried.status, 200, "{}", tried.body);
    assert!(tried.body.contains("id=\"summary\""), "{}", tried.body);
    assert!(tried.body.contains("试算"), "{}", tried.body);
    assert!(tried.body.contains("id=\"confirm\""), "{}", tried.body);
    assert_eq!(
        (l.fingerprint(), entries(&l)),
        before,
        "a dry run writes nothing"
    );
    let token = hidden(&tried.body, "token");
    let sha = hidden(&tried.body, "sha256");
    assert_eq!(token.len(), 64);
    // A different file's hash, or another token, is refused and records nothing.
    let swapped = server.post(
        "/import/confirm",
        Some(&cookie),
        &confirm_form(&csrf, &token, &"0".repeat(64)),
    );
    assert_eq!(swapped.status, 422, "{}", swapped.body);
    assert!(
        refusal(&swapped.body).contains("与试算时的不同"),
        "{}",
        swapped.body
    );
    let unknown = server.post(
        "/import/confirm",
        Some(&cookie),
        &confirm_form(&csrf, &"ab".repeat(32), &sha),
    );
    assert_eq!(unknown.status, 422, "{}", unknown.body);
    assert!(unknown.body.contains("这次上传已不在"), "{}", unknown.body);
    assert_eq!(entries(&l), before.1);
    // Without the token, the form is refused before anything.
    let mut no_csrf = confirm_form(&csrf, &token, &sha);
    no_csrf.remove(0);
    assert_eq!(
        server
            .post("/import/confirm", Some(&cookie), &no_csrf)
            .status,
        403
    );
    let wrong = confirm_form("00", &token, &sha);
    assert_eq!(
        server.post("/import/confirm", Some(&cookie), &wrong).status,
        403
    );
    assert_eq!(entries(&l), before.1);
    let done = server.post(
        "/import/confirm",
        Some(&cookie),
        &confirm_form(&csrf, &token, &sha),
    );
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("id=\"recorded\""), "{}", done.body);
    let after = entries(&l);
    assert!(after > before.1, "{after} entries");
    let listed = cli_as(&l, TREASURER, &["--lang", "zh-Hans", "donor", "list"]);
    assert!(listed.contains("鹰潭某科技有限公司"), "{listed}");
    // The upload is gone with its confirm: confirming again records nothing more.
    let again = server.post(
        "/import/confirm",
        Some(&cookie),
        &confirm_form(&csrf, &token, &sha),
    );
    assert_eq!(again.status, 422, "{}", again.body);
    assert_eq!(entries(&l), after);
}

#[test]
fn a_bad_sheet_shows_its_numbered_lines_and_records_nothing() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    // The fixture's own layout, its third donation's amount spoilt.
    let text = String::from_utf8(sheet()).expect("utf-8");
    let bad = text.replacen("500元", "1e5", 1);
    assert_ne!(bad, text);
    let before = (l.fingerprint(), entries(&l));
    let tried = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "bad.csv",
        bad.as_bytes(),
        &[],
    );
    assert_eq!(tried.status, 422, "{}", tried.body);
    assert!(tried.body.contains("id=\"bad-lines\""), "{}", tried.body);
    assert!(
        tried.body.contains("<td class=\"num\">5</td>"),
        "{}",
        tried.body
    );
    assert!(!tried.body.contains("id=\"confirm\""), "{}", tried.body);
    assert!(!tried.body.contains("name=\"token\""), "{}", tried.body);
    assert_eq!((l.fingerprint(), entries(&l)), before);
}

#[test]
fn an_auditor_sees_the_pages_and_the_core_refuses_their_import() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(AUDITOR);
    assert_eq!(server.get("/import", Some(&cookie)).status, 200);
    assert_eq!(server.get("/reconcile", Some(&cookie)).status, 200);
    let before = entries(&l);
    let tried = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "donations_2022.csv",
        &sheet(),
        &[],
    );
    assert_eq!(tried.status, 403, "{}", tried.body);
    assert!(!tried.body.contains("id=\"confirm\""), "{}", tried.body);
    // A treasurer's dry run confirmed by the auditor: not their upload, and not their role.
    let (t_cookie, t_csrf) = server.sign_in(TREASURER);
    let tried = upload(
        &server,
        &t_cookie,
        &t_csrf,
        "/import",
        "donations_2022.csv",
        &sheet(),
        &[],
    );
    let (token, sha) = (hidden(&tried.body, "token"), hidden(&tried.body, "sha256"));
    let refused = server.post(
        "/import/confirm",
        Some(&cookie),
        &confirm_form(&csrf, &token, &sha),
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(entries(&l), before);
    let statement = fixture("tests/data/bank/generic-direction.csv");
    let fields = [("closing_balance", "6,187.50"), ("as_of", "2022-03-31")];
    let tried = upload(
        &server,
        &cookie,
        &csrf,
        "/reconcile",
        "s.csv",
        &statement,
        &fields,
    );
    assert_eq!(tried.status, 403, "{}", tried.body);
    assert_eq!(entries(&l), before);
}

#[test]
fn an_oversized_upload_or_a_hostile_name_is_harmless() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    let before = entries(&l);
    let big = vec![b'a'; 33 * 1024 * 1024];
    let refused = upload(&server, &cookie, &csrf, "/import", "big.csv", &big, &[]);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refusal(&refused.body).contains("32 MiB"),
        "{}",
        refused.body
    );
    // Without its token first, an upload is refused before its file is read.
    let bytes = sheet();
    let parts: Vec<(&str, Option<&str>, &[u8])> = vec![("file", Some("a.csv"), &bytes[..])];
    assert_eq!(server.upload("/import", Some(&cookie), &parts).status, 403);
    // A name with folders: the file is held under a token, never where it says.
    let name = "../../../../tmp/lovefund-escape.csv";
    let tried = upload(&server, &cookie, &csrf, "/import", name, &sheet(), &[]);
    assert_eq!(tried.status, 200, "{}", tried.body);
    assert!(!std::path::Path::new("/tmp/lovefund-escape.csv").exists());
    assert!(!l.dir.path().join("lovefund-escape.csv").exists());
    assert!(tried.body.contains("lovefund-escape.csv"), "{}", tried.body);
    assert!(!tried.body.contains("../"), "{}", tried.body);
    let windows = r"C:\..\..\lovefund-escape.csv";
    let tried = upload(&server, &cookie, &csrf, "/import", windows, &sheet(), &[]);
    assert_eq!(tried.status, 200, "{}", tried.body);
    assert_eq!(entries(&l), before);
    // A file that is no text in any encoding: its refusal names it as sent, never
    // where the server held it.
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 131 % 251) as u8 | 0x80).collect();
    let refused = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "乱码.csv",
        &garbage,
        &[],
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refusal(&refused.body).contains("乱码.csv"),
        "{}",
        refused.body
    );
    assert!(
        !refused.body.contains("lovefund-uploads-"),
        "{}",
        refused.body
    );
    // Cancelled, the upload is gone.
    let token = hidden(&tried.body, "token");
    let sha = hidden(&tried.body, "sha256");
    let cancel = server.post(
        "/import/cancel",
        Some(&cookie),
        &[("csrf", &csrf), ("token", &token)],
    );
    assert_eq!(cancel.status, 303);
    let late = server.post(
        "/import/confirm",
        Some(&cookie),
        &confirm_form(&csrf, &token, &sha),
    );
    assert_eq!(late.status, 422, "{}", late.body);
    assert_eq!(entries(&l), before);
}

#[test]
fn a_wechat_bill_is_told_from_a_sheet_and_its_gifts_recorded() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    let bill = fixture("tests/data/bills/wechat-2022-03.csv");
    let before = entries(&l);
    let tried = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "微信支付账单.csv",
        &bill,
        &[],
    );
    assert_eq!(tried.status, 200, "{}", tried.body);
    assert!(
        tried
            .body
            .contains("<strong id=\"wallet\">微信支付</strong>"),
        "{}",
        tried.body
    );
    assert!(tried.body.contains("id=\"confirm\""), "{}", tried.body);
    assert_eq!(entries(&l), before);
    let (token, sha) = (hidden(&tried.body, "token"), hidden(&tried.body, "sha256"));
    let done = server.post(
        "/import/confirm",
        Some(&cookie),
        &confirm_form(&csrf, &token, &sha),
    );
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(entries(&l), before + 3, "three gifts: {}", done.body);
    let listed = cli_as(&l, TREASURER, &["--lang", "zh-Hans", "donor", "list"]);
    assert!(listed.contains("王小明"), "{listed}");
}

#[test]
fn a_statement_is_tried_then_committed_and_listed() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    let page = server.get("/reconcile", Some(&cookie));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("data-check=\"closing_balance\""),
        "{}",
        page.body
    );
    // The balance is checked as typed, with the command line's grammar.
    let check = |value: &str| {
        let fields = [
            ("csrf", csrf.as_str()),
            ("field", "closing_balance"),
            ("value", value),
        ];
        server.post("/check", Some(&cookie), &fields).body
    };
    assert_eq!(check("6,187.50"), "");
    assert!(check("1e5").contains("期末余额"), "{}", check("1e5"));
    let statement = fixture("tests/data/bank/generic-direction.csv");
    // A bad balance holds nothing and names its field.
    let bad = [("closing_balance", "abc"), ("as_of", "2022-03-31")];
    let refused = upload(
        &server,
        &cookie,
        &csrf,
        "/reconcile",
        "s.csv",
        &statement,
        &bad,
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refusal(&refused.body).contains("期末余额"),
        "{}",
        refused.body
    );
    let fields = [("closing_balance", "6,187.50"), ("as_of", "2022-03-31")];
    let before = l.fingerprint();
    let tried = upload(
        &server,
        &cookie,
        &csrf,
        "/reconcile",
        "对账单.csv",
        &statement,
        &fields,
    );
    assert_eq!(tried.status, 200, "{}", tried.body);
    assert!(
        tried.body.contains("id=\"statement-only\""),
        "{}",
        tried.body
    );
    assert!(tried.body.contains("id=\"adjustment\""), "{}", tried.body);
    assert!(tried.body.contains("id=\"agrees\""), "{}", tried.body);
    assert!(
        tried.body.contains("<strong id=\"account\">1002</strong>"),
        "{}",
        tried.body
    );
    assert!(tried.body.contains("id=\"commit\""), "{}", tried.body);
    assert_eq!(l.fingerprint(), before, "a dry run records nothing");
    let listed = cli_as(&l, TREASURER, &["reconcile", "list"]);
    let mut form = vec![
        ("csrf", csrf.clone()),
        ("token", hidden(&tried.body, "token")),
        ("sha256", hidden(&tried.body, "sha256")),
    ];
    for name in ["closing_balance", "as_of", "account", "encoding", "profile"] {
        form.push((name, hidden(&tried.body, name)));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = server.post("/reconcile/commit", Some(&cookie), &form);
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("id=\"committed\""), "{}", done.body);
    assert_ne!(cli_as(&l, TREASURER, &["reconcile", "list"]), listed);
    let page = server.get("/reconcile", Some(&cookie));
    assert!(page.body.contains("href=\"/reconcile/1\""), "{}", page.body);
    let one = server.get("/reconcile/1", Some(&cookie));
    assert_eq!(one.status, 200, "{}", one.body);
    assert!(one.body.contains("G0001"), "{}", one.body);
    // Committed once: the same form again is refused, its upload gone.
    let again = server.post("/reconcile/commit", Some(&cookie), &form);
    assert_eq!(again.status, 422, "{}", again.body);
}

#[test]
fn a_saved_column_profile_is_chosen_on_the_page() {
    use crate::profiles::{MAPPING, sheet};
    let l = ledger_with_users();
    let row = ["2022/3/1,李明,个人,\"3,000.00\",助学,微信,王芳"];
    let march = sheet(&l, "三月.csv", &row);
    let args = ["import", &march, "--columns", MAPPING, "--profile", "月表"];
    cli_as(&l, TREASURER, &args);
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    let page = server.get("/import", Some(&cookie));
    assert!(
        page.body.contains("<option value=\"月表\">月表</option>"),
        "{}",
        page.body
    );
    let april = sheet(
        &l,
        "四月.csv",
        &["2022/4/1,李明,个人,500.00,助学,微信,王芳"],
    );
    let april = std::fs::read(april).expect("the sheet");
    // Without the profile its headers are unknown; with it the sheet is read.
    let refused = upload(&server, &cookie, &csrf, "/import", "四月.csv", &april, &[]);
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refusal(&refused.body).contains("收款日期"),
        "{}",
        refused.body
    );
    let fields = [("profile", "月表")];
    let tried = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "四月.csv",
        &april,
        &fields,
    );
    assert_eq!(tried.status, 200, "{}", tried.body);
    assert_eq!(hidden(&tried.body, "profile"), "月表");
    let before = entries(&l);
    let (token, sha) = (hidden(&tried.body, "token"), hidden(&tried.body, "sha256"));
    let mut form = confirm_form(&csrf, &token, &sha);
    form[4] = ("profile", "月表");
    let done = server.post("/import/confirm", Some(&cookie), &form);
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(entries(&l), before + 1);
    // An encoding not in the list is refused, naming the field.
    let fields = [("encoding", "latin-1")];
    let odd = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "四月.csv",
        &april,
        &fields,
    );
    assert_eq!(odd.status, 422, "{}", odd.body);
    assert!(refusal(&odd.body).contains("编码"), "{}", odd.body);
}

/// A line corrected in the sheet after its import (张三 → 張三) is refused on the
/// page as on the command line, naming the entry it likely replaces, with no
/// Confirm; ticked "accept new", the dry run goes through, carries the choice to
/// its Confirm, and the corrected line is recorded, once.
#[test]
fn a_corrected_line_is_refused_until_accept_new_is_ticked() {
    let l = ledger_with_users();
    let original = String::from_utf8(sheet()).expect("utf-8");
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets/donations_2022.csv");
    cli_as(&l, TREASURER, &["import", path.to_str().expect("path")]);
    let before = entries(&l);
    let corrected = original.replace(",张三,", ",張三,");
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    let refused = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "corrected.csv",
        corrected.as_bytes(),
        &[],
    );
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("像是之前从表格导入的第 1 号凭证"),
        "{}",
        refused.body
    );
    assert!(!refused.body.contains("id=\"confirm\""), "{}", refused.body);
    let tried = upload(
        &server,
        &cookie,
        &csrf,
        "/import",
        "corrected.csv",
        corrected.as_bytes(),
        &[("accept_new", "1")],
    );
    assert_eq!(tried.status, 200, "{}", tried.body);
    assert!(tried.body.contains("id=\"confirm\""), "{}", tried.body);
    let bar = &tried.body[tried.body.find("confirm-bar").expect("the confirm")..];
    let bar = &bar[..bar.find("</form>").expect("its form")];
    assert!(
        bar.contains("type=\"hidden\" name=\"accept_new\" value=\"1\""),
        "{bar}"
    );
    assert_eq!(entries(&l), before, "a dry run writes nothing");
    let (token, sha) = (hidden(&tried.body, "token"), hidden(&tried.body, "sha256"));
    let mut form = confirm_form(&csrf, &token, &sha);
    form.push(("accept_new", "1"));
    let done = server.post("/import/confirm", Some(&cookie), &form);
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("id=\"recorded\""), "{}", done.body);
    assert_eq!(entries(&l), before + 1, "the corrected line only");
}
