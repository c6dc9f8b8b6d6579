//! The web page's pages for people, users, transfers, closing a year and vouchers
//! (`lovefund serve`), over HTTP against the real binary: each route's success, its
//! refusal for a role that may not, and a form posted without its CSRF token. The
//! menu's groups, and the pages under zh-Hans with no English and no Traditional-only
//! characters.
//!
//! The server and its client are `web.rs`'s (`Server`); a `Browser` here is one
//! signed-in user of it, with their cookie and CSRF token.

use crate::common::Ledger;
use crate::web::{Answer, Server, add_user, encode};

pub(crate) const TREASURER: (&str, &str) = ("王司库", "treasurer-pass");
pub(crate) const REVIEWER: (&str, &str) = ("李审核", "reviewer-pass");
pub(crate) const AUDITOR: (&str, &str) = ("赵审计", "auditor-pass1");

pub(crate) fn serve(l: &Ledger) -> Server {
    Server::start(l, &[])
}

fn form(fields: &[(&str, &str)]) -> String {
    encode(fields)
}

/// A browser of one user: its session cookie and the session's CSRF token.
pub(crate) struct Browser<'a> {
    server: &'a Server,
    pub(crate) cookie: String,
    pub(crate) csrf: String,
}

impl Browser<'_> {
    pub(crate) fn send(&self, method: &str, path: &str, body: Option<&str>) -> Answer {
        let body = body.map(|b| ("application/x-www-form-urlencoded", b.as_bytes()));
        self.server.send(method, path, Some(&self.cookie), body)
    }

    pub(crate) fn get(&self, path: &str) -> Answer {
        self.send("GET", path, None)
    }

    /// A form posted with the session's CSRF token.
    pub(crate) fn post(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        let mut all = fields.to_vec();
        all.push(("csrf", &self.csrf));
        self.send("POST", path, Some(&form(&all)))
    }

    /// The same form without the token.
    pub(crate) fn post_without_csrf(&self, path: &str, fields: &[(&str, &str)]) -> Answer {
        self.send("POST", path, Some(&form(fields)))
    }

    /// A multipart form (an upload): `parts` in order, each (name, file name, bytes).
    pub(crate) fn upload(&self, path: &str, parts: &[(&str, Option<&str>, &[u8])]) -> Answer {
        let boundary = "----lovefund-test-boundary";
        let mut body = Vec::new();
        for (name, file, bytes) in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            match file {
                Some(file) => body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    )
                    .as_bytes(),
                ),
                None => body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                ),
            }
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let kind = format!("multipart/form-data; boundary={boundary}");
        self.server
            .send("POST", path, Some(&self.cookie), Some((&kind, &body)))
    }

    /// Signs in as `user` and reads the CSRF token of the signed-in session; the
    /// pages in `lang`.
    pub(crate) fn sign_in<'a>(server: &'a Server, who: (&str, &str), lang: &str) -> Browser<'a> {
        let (cookie, _) = server.sign_in(who);
        let chosen = server.get(&format!("/lang/{lang}?back=/"), Some(&cookie));
        assert!(chosen.status < 400, "{}", chosen.status);
        let csrf = server.get("/", Some(&cookie)).csrf();
        Browser {
            server,
            cookie,
            csrf,
        }
    }
}

/// What the command line prints for `args`, signed in as the treasurer.
pub(crate) fn cli(l: &Ledger, args: &[&str]) -> String {
    let out = l
        .cmd()
        .env("LOVEFUND_USER", TREASURER.0)
        .env("LOVEFUND_PASSWORD", TREASURER.1)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

/// A ledger with two gifts to the bank in 2022 (recorded before there were users),
/// a donor 张三, and a treasurer, a reviewer and an auditor.
pub(crate) fn ledger() -> Ledger {
    let l = Ledger::new();
    l.donate("2022-03-01", "100.00");
    l.donate("2022-04-01", "50.00");
    l.run(&["donor", "add", "张三"]).success();
    add_user(&l, None, TREASURER, "treasurer");
    add_user(&l, Some(TREASURER), REVIEWER, "reviewer");
    add_user(&l, Some(TREASURER), AUDITOR, "auditor");
    l
}

pub(crate) fn zh_hans_clean(what: &str, html: &str) {
    let faults = crate::no_english::faults(what, "zh-Hans", &crate::no_english::page_text(html));
    assert!(faults.is_empty(), "{faults:#?}");
}

#[test]
fn the_menu_groups_every_page_and_works_without_script() {
    let l = ledger();
    let server = serve(&l);
    let b = Browser::sign_in(&server, TREASURER, "zh-Hans");
    let page = b.get("/donors").text();
    assert_eq!(
        page.matches("<details class=\"group\"").count(),
        4,
        "{page}"
    );
    for path in [
        "/donate",
        "/disburse",
        "/transfer",
        "/reverse",
        "/approvals",
        "/donors",
        "/beneficiaries",
        "/receipts",
        "/vouchers",
        "/users",
        "/close",
        "/verify",
    ] {
        assert!(page.contains(&format!("href=\"{path}\"")), "{path}");
    }
    // The group of the page shown is marked.
    assert!(
        page.contains("<summary class=\"here\">人员</summary>"),
        "{page}"
    );
    for path in [
        "/",
        "/donors",
        "/users",
        "/transfer",
        "/close",
        "/vouchers",
        "/beneficiaries",
    ] {
        zh_hans_clean(path, &b.get(path).text());
    }
}

#[test]
fn donors_are_listed_found_corrected_with_history_and_added() {
    let l = ledger();
    let server = serve(&l);
    let b = Browser::sign_in(&server, TREASURER, "zh-Hans");
    let list = b.get("/donors");
    assert_eq!(list.status, 200);
    assert!(list.text().contains("张三"), "{}", list.text());
    // Pinyin initials find him, as `donor show zs` does.
    let found = b.get("/donors?q=zs");
    assert_eq!(found.status, 303);
    let at = found.header("location").expect("a location").to_string();
    assert!(at.starts_with("/donors/"), "{at}");
    // Nobody by that name: the catalogue's sentence, on the list.
    let none = b.get(&format!("/donors?{}", encode(&[("q", "无此人")])));
    assert_eq!(none.status, 422, "{}", none.text());
    assert!(none.text().contains("role=\"alert\""));
    // A correction with its reason: the chained edit record shows in the history.
    let edited = b.post(
        &at,
        &[
            ("name", "张三丰"),
            ("phone", "13800000000"),
            ("reason", "身份证上的姓名"),
        ],
    );
    assert_eq!(edited.status, 200, "{}", edited.text());
    let page = edited.text();
    assert!(
        page.contains("张三丰") && page.contains("身份证上的姓名"),
        "{page}"
    );
    assert!(page.contains("id=\"edits\""), "{page}");
    zh_hans_clean("donor page", &page);
    let shown = cli(&l, &["donor", "show", "张三丰"]);
    assert!(shown.contains("身份证上的姓名"), "{shown}");
    // Without a reason: refused, nothing written.
    let before = l.fingerprint();
    let refused = b.post(&at, &[("name", "张三"), ("reason", "")]);
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert_eq!(l.fingerprint(), before);
    // Added.
    let added = b.post(
        "/donors",
        &[("name", "李四"), ("type", "person"), ("publish", "no")],
    );
    assert_eq!(added.status, 200, "{}", added.text());
    assert!(added.text().contains("role=\"status\""), "{}", added.text());
    assert!(cli(&l, &["donor", "list"]).contains("李四"));
    // A beneficiary, with a household's size checked as the CLI checks it.
    let bad = b.post(
        "/beneficiaries",
        &[("name", "陈家"), ("type", "household"), ("members", "x")],
    );
    assert_eq!(bad.status, 422, "{}", bad.text());
    let good = b.post(
        "/beneficiaries",
        &[("name", "陈家"), ("type", "household"), ("members", "4")],
    );
    assert_eq!(good.status, 200, "{}", good.text());
    assert!(b.get("/beneficiaries").text().contains("陈家"));
    // A type of the other role is not a choice.
    let wrong = b.post("/beneficiaries", &[("name", "王五"), ("type", "person")]);
    assert_eq!(wrong.status, 422, "{}", wrong.text());
}

#[test]
fn an_auditor_reads_people_and_the_core_refuses_their_changes() {
    let l = ledger();
    let server = serve(&l);
    let b = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let list = b.get("/donors");
    assert_eq!(list.status, 200);
    assert!(list.text().contains("张三"));
    // No forms to change anything on an auditor's page.
    assert!(
        !list.text().contains("method=\"post\" action=\"/donors\""),
        "{}",
        list.text()
    );
    let before = l.fingerprint();
    let added = b.post("/donors", &[("name", "李四")]);
    assert_eq!(added.status, 403, "{}", added.text());
    let at = b
        .get("/donors?q=zs")
        .header("location")
        .unwrap()
        .to_string();
    let edited = b.post(&at, &[("name", "张三丰"), ("reason", "试试")]);
    assert_eq!(edited.status, 403, "{}", edited.text());
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn forms_of_the_new_pages_without_their_token_are_refused() {
    let l = ledger();
    let server = serve(&l);
    let b = Browser::sign_in(&server, TREASURER, "en");
    let before = l.fingerprint();
    let forms: &[(&str, &[(&str, &str)])] = &[
        ("/donors", &[("name", "李四")]),
        ("/donors/1", &[("name", "李四"), ("reason", "x")]),
        ("/beneficiaries", &[("name", "陈家"), ("type", "student")]),
        ("/users", &[("action", "disable"), ("name", "李审核")]),
        (
            "/transfer",
            &[
                ("from", "1002"),
                ("to", "1001"),
                ("amount", "1"),
                ("date", "2022-05-01"),
            ],
        ),
        ("/close", &[("year", "2022")]),
    ];
    for (path, fields) in forms {
        let answer = b.post_without_csrf(path, fields);
        assert_eq!(answer.status, 403, "{path}: {}", answer.text());
        let wrong = b.send("POST", path, Some(&format!("{}&csrf=forged", form(fields))));
        assert_eq!(wrong.status, 403, "{path}");
    }
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn a_treasurer_manages_users_and_others_change_only_their_own_password() {
    let l = ledger();
    let server = serve(&l);
    let t = Browser::sign_in(&server, TREASURER, "zh-Hans");
    let page = t.get("/users").text();
    assert!(
        page.contains("id=\"users\"") && page.contains("赵审计"),
        "{page}"
    );
    zh_hans_clean("users", &page);
    // Passwords typed differently: refused by the field.
    let differ = t.post(
        "/users",
        &[
            ("action", "add"),
            ("name", "钱出纳"),
            ("role", "reviewer"),
            ("password", "cashier-pass"),
            ("again", "other-pass"),
        ],
    );
    assert_eq!(differ.status, 422, "{}", differ.text());
    let added = t.post(
        "/users",
        &[
            ("action", "add"),
            ("name", "钱出纳"),
            ("role", "reviewer"),
            ("password", "cashier-pass"),
            ("again", "cashier-pass"),
        ],
    );
    assert_eq!(added.status, 200, "{}", added.text());
    assert!(added.text().contains("钱出纳"));
    let reset = t.post(
        "/users",
        &[
            ("action", "reset"),
            ("name", "钱出纳"),
            ("password", "cashier-new1"),
            ("again", "cashier-new1"),
        ],
    );
    assert_eq!(reset.status, 200, "{}", reset.text());
    let role = t.post(
        "/users",
        &[("action", "role"), ("name", "钱出纳"), ("role", "auditor")],
    );
    assert_eq!(role.status, 200, "{}", role.text());
    let disabled = t.post("/users", &[("action", "disable"), ("name", "钱出纳")]);
    assert_eq!(disabled.status, 200, "{}", disabled.text());
    let listed = cli(&l, &["--lang", "en", "user", "list"]);
    assert!(listed.contains("钱出纳"), "{listed}");
    // A disabled user cannot sign in; enabled, with the reset password, they can.
    let enabled = t.post("/users", &[("action", "enable"), ("name", "钱出纳")]);
    assert_eq!(enabled.status, 200, "{}", enabled.text());
    let cashier = Browser::sign_in(&server, ("钱出纳", "cashier-new1"), "zh-Hans");
    // An auditor sees no list and no forms but their own password's.
    let own = cashier.get("/users").text();
    assert!(
        !own.contains("id=\"users\"") && !own.contains("value=\"add\""),
        "{own}"
    );
    assert!(own.contains("value=\"passwd\""), "{own}");
    let before = l.fingerprint();
    let refused = cashier.post(
        "/users",
        &[
            ("action", "add"),
            ("name", "孙某"),
            ("role", "treasurer"),
            ("password", "someone-pass"),
            ("again", "someone-pass"),
        ],
    );
    assert_eq!(refused.status, 403, "{}", refused.text());
    let refused = cashier.post("/users", &[("action", "disable"), ("name", "王司库")]);
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert_eq!(l.fingerprint(), before);
    let passwd = cashier.post(
        "/users",
        &[
            ("action", "passwd"),
            ("password", "cashier-own1"),
            ("again", "cashier-own1"),
        ],
    );
    assert_eq!(passwd.status, 200, "{}", passwd.text());
    Browser::sign_in(&server, ("钱出纳", "cashier-own1"), "en");
}

#[test]
fn a_transfer_is_recorded_and_refused_to_an_auditor() {
    let l = ledger();
    let server = serve(&l);
    let t = Browser::sign_in(&server, TREASURER, "zh-Hans");
    let form_page = t.get("/transfer").text();
    assert!(form_page.contains("value=\"1002\""), "{form_page}");
    let done = t.post(
        "/transfer",
        &[
            ("from", "1002"),
            ("to", "1001"),
            ("amount", "30.00"),
            ("fee", ""),
            ("date", "2022-05-02"),
            ("memo", "提现"),
        ],
    );
    assert_eq!(done.status, 200, "{}", done.text());
    assert!(done.text().contains("id=\"entry\""), "{}", done.text());
    let balance = cli(&l, &["--lang", "en", "balance"]);
    assert!(balance.contains("30.00"), "{balance}");
    let bad = t.post(
        "/transfer",
        &[
            ("from", "1002"),
            ("to", "1001"),
            ("amount", "-3"),
            ("date", "2022-05-02"),
        ],
    );
    assert_eq!(bad.status, 422, "{}", bad.text());
    let a = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let before = l.fingerprint();
    let refused = a.post(
        "/transfer",
        &[
            ("from", "1002"),
            ("to", "1001"),
            ("amount", "1.00"),
            ("date", "2022-05-02"),
        ],
    );
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn closing_a_year_waits_for_its_reviews() {
    let l = ledger();
    let server = serve(&l);
    let t = Browser::sign_in(&server, TREASURER, "zh-Hans");
    let before = l.fingerprint();
    // Entries 1 and 2 wait for review: refused, with the catalogue's sentence.
    let refused = t.post("/close", &[("year", "2022")]);
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(refused.text().contains("role=\"alert\""));
    zh_hans_clean("close refused", &refused.text());
    let bad = t.post("/close", &[("year", "22")]);
    assert_eq!(bad.status, 422, "{}", bad.text());
    assert_eq!(l.fingerprint(), before);
    let r = Browser::sign_in(&server, REVIEWER, "zh-Hans");
    for entry in ["1", "2"] {
        let approved = r.post("/approvals", &[("entry", entry), ("verdict", "approve")]);
        assert!(approved.status < 400, "{}", approved.text());
    }
    // Reviewed, the year is the treasurer's to close, not an auditor's.
    let a = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let before = l.fingerprint();
    assert_eq!(a.post("/close", &[("year", "2022")]).status, 403);
    assert_eq!(l.fingerprint(), before);
    let closed = t.post("/close", &[("year", "2022")]);
    assert_eq!(closed.status, 200, "{}", closed.text());
    assert!(
        closed.text().contains("role=\"status\""),
        "{}",
        closed.text()
    );
}

#[test]
fn vouchers_are_listed_by_month_and_downloaded_as_pdf() {
    let l = ledger();
    let server = serve(&l);
    let a = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let list = a.get("/vouchers?month=2022-03");
    assert_eq!(list.status, 200, "{}", list.text());
    assert!(
        list.text().contains("href=\"/vouchers/1.pdf\""),
        "{}",
        list.text()
    );
    zh_hans_clean("vouchers", &list.text());
    let pdf = a.get("/vouchers/1.pdf");
    assert_eq!(pdf.status, 200);
    assert!(pdf.bytes.starts_with(b"%PDF"));
    let named = pdf.header("content-disposition").unwrap_or_default();
    assert!(
        named.starts_with("attachment;") && named.contains("filename*=UTF-8''"),
        "{named}"
    );
    assert_eq!(a.get("/vouchers?month=2022-13").status, 422);
    assert_eq!(a.get("/vouchers/99.pdf").status, 422);
    assert_eq!(a.get("/vouchers/..%2F..%2Fx.pdf").status, 422);
}

#[test]
fn reports_download_as_pdf_workbook_and_csv() {
    let l = ledger();
    let server = serve(&l);
    let a = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    let page = a.get("/reports?year=2022");
    assert_eq!(page.status, 200);
    assert!(
        page.text()
            .contains("href=\"/reports/activities-2022.xlsx\""),
        "{}",
        page.text()
    );
    zh_hans_clean("reports", &page.text());
    let files: &[(&str, &[u8])] = &[
        ("balance-sheet-2022-12-31.pdf", b"%PDF"),
        ("activities-2022.pdf", b"%PDF"),
        ("activities-2022.xlsx", b"PK"),
        ("cash-flow-2022.csv", b"\xEF\xBB\xBF"),
        ("funds-2022.xlsx", b"PK"),
        ("donors-2022.csv", b"\xEF\xBB\xBF"),
        ("beneficiaries-2022.pdf", b"%PDF"),
        ("disclosure-2022.xlsx", b"PK"),
        ("summary-2022.pdf", b"%PDF"),
    ];
    for (file, start) in files {
        let got = a.get(&format!("/reports/{file}"));
        assert_eq!(got.status, 200, "{file}: {}", got.text());
        assert!(got.bytes.starts_with(start), "{file}");
        assert!(
            got.header("content-disposition")
                .unwrap_or_default()
                .contains(file)
        );
    }
    // The CSV is the one `report activities --out` writes.
    let csv = a.get("/reports/activities-2022.csv").bytes;
    let out = l.dir.path().join("a.csv");
    cli(
        &l,
        &[
            "--lang",
            "zh-Hans",
            "report",
            "activities",
            "--year",
            "2022",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read(&out).unwrap(), csv);
    // Names that are no report, or a path, are refused and read nothing.
    for bad in [
        "..%2F..%2Fetc%2Fpasswd",
        "activities-2022.exe",
        "secrets-2022.pdf",
        "activities-22.pdf",
        "summary-2022.csv",
    ] {
        let got = a.get(&format!("/reports/{bad}"));
        assert!(got.status >= 400, "{bad}: {}", got.status);
        assert!(got.text().contains("role=\"alert\""), "{bad}");
    }
}

#[test]
fn a_document_is_attached_by_its_name_alone_within_the_limit_and_downloaded() {
    let l = ledger();
    let server = serve(&l);
    let t = Browser::sign_in(&server, TREASURER, "zh-Hans");
    let page = t.get("/attachments?entry=1");
    assert_eq!(page.status, 200, "{}", page.text());
    assert!(page.text().contains("enctype=\"multipart/form-data\""));
    zh_hans_clean("attachments", &page.text());
    // A name with folders in it is only a name: its last part is kept.
    let csrf = t.csrf.clone();
    let sent = t.upload(
        "/attachments",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("entry", None, b"1"),
            ("file", Some("../../x.txt"), b"receipt scan"),
        ],
    );
    assert_eq!(sent.status, 200, "{}", sent.text());
    assert!(
        sent.text().contains("x.txt") && !sent.text().contains("../"),
        "{}",
        sent.text()
    );
    let listed = cli(&l, &["--lang", "en", "entry", "attachments", "1"]);
    assert!(
        listed.contains("x.txt") && !listed.contains(".."),
        "{listed}"
    );
    let got = t.get("/attachments/1");
    assert_eq!(got.status, 200);
    assert_eq!(got.bytes, b"receipt scan");
    assert!(
        got.header("content-disposition")
            .unwrap_or_default()
            .contains("x.txt")
    );
    let windows = t.upload(
        "/attachments",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("entry", None, b"1"),
            ("file", Some("..\\..\\发票.pdf"), b"%PDF-1.4"),
        ],
    );
    assert_eq!(windows.status, 200, "{}", windows.text());
    assert!(cli(&l, &["entry", "attachments", "1"]).contains("  发票.pdf  "));
    // Over the ledger's limit: the catalogue's sentence, nothing stored.
    cli(&l, &["config", "set", "attachments.max-mb", "1"]);
    let before = l.fingerprint();
    let big = vec![b'x'; 1024 * 1024 + 10];
    let refused = t.upload(
        "/attachments",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("entry", None, b"1"),
            ("file", Some("big.jpg"), &big),
        ],
    );
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert!(
        refused.text().contains("big.jpg 大于 1 MiB，没有存入"),
        "{}",
        refused.text()
    );
    assert_eq!(l.fingerprint(), before);
    // Without the token, or with it anywhere but first: refused before any file is read.
    let no_token = t.upload(
        "/attachments",
        &[("entry", None, b"1"), ("file", Some("a.txt"), b"a")],
    );
    assert_eq!(no_token.status, 403, "{}", no_token.text());
    let late = t.upload(
        "/attachments",
        &[
            ("entry", None, b"1"),
            ("csrf", None, csrf.as_bytes()),
            ("file", Some("a.txt"), b"a"),
        ],
    );
    assert_eq!(late.status, 403);
    let forged = t.upload(
        "/attachments",
        &[
            ("csrf", None, b"forged"),
            ("entry", None, b"1"),
            ("file", Some("a.txt"), b"a"),
        ],
    );
    assert_eq!(forged.status, 403);
    // No file chosen; an entry that is not there.
    let empty = t.upload(
        "/attachments",
        &[("csrf", None, csrf.as_bytes()), ("entry", None, b"1")],
    );
    assert_eq!(empty.status, 422, "{}", empty.text());
    let nowhere = t.upload(
        "/attachments",
        &[
            ("csrf", None, csrf.as_bytes()),
            ("entry", None, b"99"),
            ("file", Some("a.txt"), b"a"),
        ],
    );
    assert_eq!(nowhere.status, 422, "{}", nowhere.text());
    assert_eq!(l.fingerprint(), before);
    // An auditor downloads, sees no upload form, and the core refuses their upload.
    let a = Browser::sign_in(&server, AUDITOR, "zh-Hans");
    assert!(
        !a.get("/attachments?entry=1")
            .text()
            .contains("multipart/form-data")
    );
    assert_eq!(a.get("/attachments/1").bytes, b"receipt scan");
    let acsrf = a.csrf.clone();
    let refused = a.upload(
        "/attachments",
        &[
            ("csrf", None, acsrf.as_bytes()),
            ("entry", None, b"1"),
            ("file", Some("a.txt"), b"a"),
        ],
    );
    assert_eq!(refused.status, 403, "{}", refused.text());
    assert_eq!(l.fingerprint(), before);
    assert_eq!(a.get("/attachments/..%2F..%2Fx").status, 422);
}
