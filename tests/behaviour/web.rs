//! The web page (issue 18): the real binary serving a temp ledger on a free port,
//! driven over plain HTTP. Sign-in and its lock, the setup link, CSRF, the Host
//! check, roles refused by the core, and every route's success.

use crate::common;

use common::Ledger;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

pub(crate) const TREASURER: (&str, &str) = ("王司库", "treasurer-pass");
pub(crate) const REVIEWER: (&str, &str) = ("李审核", "reviewer-pass");
pub(crate) const AUDITOR: (&str, &str) = ("赵审计", "auditor-pass1");

/// `lovefund serve` on 127.0.0.1:0, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// What it prints after the address line.
    lines: std::sync::Mutex<std::sync::mpsc::Receiver<String>>,
}

impl Server {
    pub fn start(l: &Ledger, extra: &[&str]) -> Server {
        Server::start_with(l, extra, &[])
    }

    /// The same, with `env` set for the server.
    pub fn start_with(l: &Ledger, extra: &[&str], env: &[(&str, &std::path::Path)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lovefund"))
            .envs(env.iter().copied())
            .current_dir(l.dir.path())
            .env("LOVEFUND_DB", &l.db)
            .env_remove("LOVEFUND_LANG")
            .env_remove("LOVEFUND_PASSWORD")
            .env_remove("LC_ALL")
            .env_remove("LANG")
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let (send, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let first: String = lines.recv().expect("the address line");
        let port = first
            .trim()
            .trim_end_matches('/')
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {first:?}"));
        Server {
            child,
            port,
            lines: std::sync::Mutex::new(lines),
        }
    }

    /// The one-time setup link's path, which a ledger without users prints after
    /// its address (the note, then the link).
    pub fn setup_link(&self) -> String {
        let lines = self.lines.lock().expect("the lines");
        let _note = lines.recv().expect("the setup note");
        let link = lines.recv().expect("the setup link");
        let (_, path) = link
            .trim()
            .split_once(&format!(":{}", self.port))
            .expect("a link to this server");
        path.to_string()
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        http(self.port, "GET", path, &self.host(), cookie, None)
    }

    pub fn post(&self, path: &str, cookie: Option<&str>, form: &[(&str, &str)]) -> Answer {
        http(
            self.port,
            "POST",
            path,
            &self.host(),
            cookie,
            Some(&encode(form)),
        )
    }

    /// Any request: `body` sent as `kind` (a form, an upload).
    pub fn send(
        &self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        body: Option<(&str, &[u8])>,
    ) -> Answer {
        send(self.port, method, path, &self.host(), cookie, body)
    }

    /// A multipart form (an upload): `parts` in order, each (name, file name, bytes).
    pub fn upload(
        &self,
        path: &str,
        cookie: Option<&str>,
        parts: &[(&str, Option<&str>, &[u8])],
    ) -> Answer {
        let boundary = "----lovefund-test-boundary";
        let mut body = Vec::new();
        for (name, file, bytes) in parts {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            let disposition = match file {
                Some(file) => format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                ),
                None => format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"),
            };
            body.extend_from_slice(disposition.as_bytes());
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let kind = format!("multipart/form-data; boundary={boundary}");
        send(
            self.port,
            "POST",
            path,
            &self.host(),
            cookie,
            Some((&kind, &body)),
        )
    }

    /// Signs `who` in: a session cookie, and its CSRF token.
    pub fn sign_in(&self, (user, password): (&str, &str)) -> (String, String) {
        let page = self.get("/login", None);
        let cookie = page.cookie().expect("a session before signing in");
        let csrf = page.csrf();
        let signed = self.post(
            "/login",
            Some(&cookie),
            &[("csrf", &csrf), ("user", user), ("password", password)],
        );
        assert_eq!(signed.status, 303, "{}", signed.body);
        let cookie = signed.cookie().expect("a signed-in session");
        let csrf = self.get("/", Some(&cookie)).csrf();
        (cookie, csrf)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body as text (for a page), and as it came (for a download).
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        self.body.clone()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The session cookie set (`name=value`), if any.
    pub fn cookie(&self) -> Option<String> {
        let set = self.header("set-cookie")?;
        let pair = set.split(';').next()?.trim();
        (!pair.ends_with('=')).then(|| pair.to_string())
    }

    /// The CSRF token of the page.
    pub fn csrf(&self) -> String {
        let at = self
            .body
            .find("name=\"csrf\" content=\"")
            .unwrap_or_else(|| panic!("no CSRF token in {}", self.body));
        let rest = &self.body[at + "name=\"csrf\" content=\"".len()..];
        rest[..rest.find('"').expect("end of token")].to_string()
    }
}

/// A form, URL-encoded.
pub fn encode(form: &[(&str, &str)]) -> String {
    let byte = |b: u8| match b {
        b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
            (b as char).to_string()
        }
        _ => format!("%{b:02X}"),
    };
    form.iter()
        .map(|(k, v)| {
            let v: String = v.bytes().map(byte).collect();
            format!("{k}={v}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// One HTTP/1.1 request on its own connection, the Host header as given.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    host: &str,
    cookie: Option<&str>,
    body: Option<&str>,
) -> Answer {
    let body = body.unwrap_or_default().as_bytes();
    let form = (method == "POST").then_some(("application/x-www-form-urlencoded", body));
    send(port, method, path, host, cookie, form)
}

/// One HTTP/1.1 request on its own connection, with `body` of its content type.
pub fn send(
    port: u16,
    method: &str,
    path: &str,
    host: &str,
    cookie: Option<&str>,
    body: Option<(&str, &[u8])>,
) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    if let Some(c) = cookie {
        request.push_str(&format!("Cookie: {c}\r\n"));
    }
    let (kind, body) = body.unwrap_or_default();
    if !kind.is_empty() {
        request.push_str(&format!("Content-Type: {kind}\r\n"));
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    let mut all = request.into_bytes();
    all.extend_from_slice(body);
    // A server may answer (and close) before reading all of a body it refuses.
    let _ = stream.write_all(&all);
    let mut raw = Vec::new();
    // A refused upload may be reset once its answer is sent: what came is the answer.
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut rest = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        rest = dechunk(&rest);
    }
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&rest).to_string(),
        bytes: rest,
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&raw[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[end + 2 + size + 2..];
    }
    out
}

/// Adds a user with the CLI (as `by`, or the first, on a ledger without users).
pub fn add_user(l: &Ledger, by: Option<(&str, &str)>, (name, password): (&str, &str), role: &str) {
    let mut cmd = l.cmd();
    if let Some((user, pass)) = by {
        cmd.env("LOVEFUND_USER", user)
            .env("LOVEFUND_PASSWORD", pass);
    }
    cmd.args(["user", "add", name, "--role", role, "--password-stdin"])
        .write_stdin(format!("{password}\n"))
        .assert()
        .success();
}

/// A zh-Hans ledger with a donor, a treasurer, a reviewer and an auditor.
pub fn ledger_with_users() -> Ledger {
    let l = Ledger::empty();
    l.run(&["init", "--name", "测试爱心基金", "--lang", "zh-Hans"])
        .success();
    l.run(&["donor", "add", "张三"]).success();
    l.run(&[
        "beneficiary",
        "add",
        "李四",
        "--type",
        "student",
        "--school",
        "一中",
        "--grade",
        "高一",
    ])
    .success();
    add_user(&l, None, TREASURER, "treasurer");
    add_user(&l, Some(TREASURER), REVIEWER, "reviewer");
    add_user(&l, Some(TREASURER), AUDITOR, "auditor");
    l
}

/// The CLI's output, signed in as `who`.
pub(crate) fn cli_as(l: &Ledger, (user, password): (&str, &str), args: &[&str]) -> String {
    let out = l
        .cmd()
        .env("LOVEFUND_USER", user)
        .env("LOVEFUND_PASSWORD", password)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

fn donation<'a>(csrf: &'a str, amount: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("donor", "张三"),
        ("amount", amount),
        ("date", "2022-03-01"),
        ("fund", "助学"),
        ("method", "bank"),
    ]
}

#[test]
fn a_non_loopback_address_needs_tls() {
    let l = Ledger::new();
    let said = l.refused_en(&["serve", "--listen", "0.0.0.0:0"]);
    assert!(said.contains("not a loopback address"), "{said}");
    assert!(said.contains("--tls-cert"), "{said}");
    let said = l.refused(&["--lang", "zh-Hans", "serve", "--listen", "192.168.1.5:8423"]);
    assert!(said.contains("不是本机地址"), "{said}");
    let said = l.refused_en(&["serve", "--listen", "localhost"]);
    assert!(said.contains("is not an address and port"), "{said}");
    l.usage_error(&["serve", "--tls-cert", "c.pem"]);
    let said = l.refused_en(&["serve", "--idle", "0"]);
    assert!(
        said.contains("is not a time from one second to a day"),
        "{said}"
    );
    let said = l.refused(&["--lang", "zh-Hans", "serve", "--idle", "2d"]);
    assert!(said.contains("不是一秒到一天之间的时间"), "{said}");
}

#[test]
fn serve_is_in_the_help_in_three_languages() {
    let l = Ledger::new();
    let hans = l.stdout(&["--lang", "zh-Hans", "serve", "--help"]);
    assert!(hans.contains("把账本作为网页"), "{hans}");
    let hant = l.stdout(&["--lang", "zh-Hant", "serve", "--help"]);
    assert!(hant.contains("把賬本作為網頁"), "{hant}");
    let en = l.stdout(&["--lang", "en", "serve", "--help"]);
    assert!(en.contains("Serve the ledger as a web page"), "{en}");
}

#[test]
fn the_setup_link_creates_the_first_treasurer_once() {
    let l = Ledger::new();
    let server = Server::start(&l, &["--lang", "en"]);
    let link = server.setup_link();
    // Nobody can sign in yet; a made-up token is refused.
    let wrong = server.get("/setup?token=00", None);
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    let page = server.get(&link, None);
    assert_eq!(page.status, 200, "{}", page.body);
    let cookie = page.cookie().expect("a session");
    let token = link.split_once("token=").expect("a token").1;
    let form = [
        ("csrf", page.csrf()),
        ("token", token.to_string()),
        ("user", "王司库".to_string()),
        ("password", "treasurer-pass".to_string()),
        ("again", "treasurer-pass".to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let done = server.post("/setup", Some(&cookie), &form);
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body.contains("Recovery code"), "{}", done.body);
    let signed = done.cookie().expect("signed in");
    let dashboard = server.get("/", Some(&signed));
    assert_eq!(dashboard.status, 200);
    assert!(dashboard.body.contains("Dashboard"), "{}", dashboard.body);
    // Used once.
    assert_eq!(server.get(&link, None).status, 422);
    let listed = cli_as(&l, TREASURER, &["user", "list"]);
    assert!(listed.contains("王司库"), "{listed}");
}

#[test]
fn sign_in_record_a_donation_and_approve_it() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    // Not signed in: sent to sign in.
    let away = server.get("/", None);
    assert_eq!(away.status, 303);
    assert_eq!(away.header("location"), Some("/login"));
    let login = server.get("/login", None);
    let cookie = login.header("set-cookie").expect("a cookie").to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "{cookie}");

    let (treasurer, csrf) = server.sign_in(TREASURER);
    let dashboard = server.get("/", Some(&treasurer));
    assert!(dashboard.body.contains("总览"), "{}", dashboard.body);
    assert!(dashboard.body.contains("<svg"), "a chart");
    let form = server.get("/donate", Some(&treasurer));
    assert_eq!(form.status, 200);
    assert!(form.body.contains("助学"), "{}", form.body);

    let recorded = server.post("/donate", Some(&treasurer), &donation(&csrf, "500.00"));
    assert_eq!(recorded.status, 200, "{}", recorded.body);
    assert!(recorded.body.contains("2022-000001"), "{}", recorded.body);
    let listed = cli_as(&l, TREASURER, &["receipt", "list"]);
    assert!(listed.contains("2022-000001"), "{listed}");
    // A bad amount: the CLI's sentence, naming the form's field; nothing written.
    let bad = server.post("/donate", Some(&treasurer), &donation(&csrf, "10.005"));
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("金额"), "{}", bad.body);
    assert!(!bad.body.contains("2022-000002"), "{}", bad.body);

    // The reviewer sees it waiting and approves it; the dashboard changes.
    let (reviewer, reviewer_csrf) = server.sign_in(REVIEWER);
    let before = server.get("/", Some(&reviewer));
    assert!(before.body.contains("id=\"waiting\">1<"), "{}", before.body);
    let queue = server.get("/approvals", Some(&reviewer));
    assert!(queue.body.contains("value=\"approve\""), "{}", queue.body);
    let approved = server.post(
        "/approvals",
        Some(&reviewer),
        &[
            ("csrf", &reviewer_csrf),
            ("entry", "1"),
            ("verdict", "approve"),
        ],
    );
    assert_eq!(approved.status, 303, "{}", approved.body);
    let after = server.get("/", Some(&reviewer));
    assert!(after.body.contains("id=\"waiting\">0<"), "{}", after.body);
    assert!(after.body.contains("500.00"), "{}", after.body);
    // Its receipt: listed, its PDF downloaded, then reissued (the old one void).
    let receipts = server.get("/receipts", Some(&treasurer));
    assert!(receipts.body.contains("2022-000001"), "{}", receipts.body);
    let pdf = server.get("/receipts/2022-000001.pdf", Some(&treasurer));
    assert_eq!(pdf.status, 200, "{}", pdf.body);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(pdf.body.starts_with("%PDF"), "a PDF");
    let traversal = server.get("/receipts/..%2F..%2Ffund.db", Some(&treasurer));
    assert_eq!(traversal.status, 422, "{}", traversal.body);
    let reissued = server.post(
        "/receipts",
        Some(&treasurer),
        &[
            ("csrf", &csrf),
            ("number", "2022-000001"),
            ("reason", "抬头写错"),
            ("action", "reissue"),
        ],
    );
    assert_eq!(reissued.status, 303, "{}", reissued.body);
    let listed = cli_as(&l, TREASURER, &["receipt", "list"]);
    assert!(listed.contains("2022-000002"), "{listed}");
    // A reason is needed: the core's sentence.
    let no_reason = server.post(
        "/receipts",
        Some(&treasurer),
        &[
            ("csrf", &csrf),
            ("number", "2022-000002"),
            ("reason", " "),
            ("action", "void"),
        ],
    );
    assert_eq!(no_reason.status, 422, "{}", no_reason.body);
    let verified = server.get("/verify", Some(&treasurer));
    assert!(
        verified.body.contains("id=\"verdict\">通过"),
        "{}",
        verified.body
    );
    // The treasurer cannot approve: the core says so, with the CLI's sentence.
    let refused = server.post(
        "/approvals",
        Some(&treasurer),
        &[("csrf", &csrf), ("entry", "1"), ("verdict", "approve")],
    );
    assert_eq!(refused.status, 403, "{}", refused.body);
}

#[test]
fn a_disbursement_and_a_reversal_through_the_page() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    assert_eq!(server.get("/disburse", Some(&cookie)).status, 200);
    assert_eq!(server.get("/reverse", Some(&cookie)).status, 200);
    server.post("/donate", Some(&cookie), &donation(&csrf, "500.00"));
    let aid = |amount: &str| {
        server.post(
            "/disburse",
            Some(&cookie),
            &[
                ("csrf", &csrf),
                ("to", "李四"),
                ("amount", amount),
                ("date", "2022-03-02"),
                ("program", "study-aid"),
                ("method", "bank"),
            ],
        )
    };
    // More than 助学 holds: the core refuses (never negative).
    let refused = aid("900.00");
    assert_eq!(refused.status, 422, "{}", refused.body);
    let paid = aid("100.00");
    assert_eq!(paid.status, 200, "{}", paid.body);
    assert!(paid.body.contains("id=\"entry\">2<"), "{}", paid.body);
    let no_reason = server.post(
        "/reverse",
        Some(&cookie),
        &[("csrf", &csrf), ("entry", "2"), ("reason", "")],
    );
    assert_eq!(no_reason.status, 422, "{}", no_reason.body);
    let reversed = server.post(
        "/reverse",
        Some(&cookie),
        &[
            ("csrf", &csrf),
            ("entry", "2"),
            ("reason", "重复登记"),
            ("date", "2022-03-03"),
        ],
    );
    assert_eq!(reversed.status, 200, "{}", reversed.body);
    assert!(
        reversed.body.contains("id=\"entry\">3<"),
        "{}",
        reversed.body
    );
    let shown = cli_as(&l, TREASURER, &["show", "3"]);
    assert!(shown.contains("重复登记"), "{shown}");
}

#[test]
fn an_auditor_sees_the_pages_and_the_core_refuses_their_writes() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (auditor, csrf) = server.sign_in(AUDITOR);
    for path in [
        "/",
        "/donate",
        "/disburse",
        "/reverse",
        "/approvals",
        "/receipts",
        "/verify",
    ] {
        assert_eq!(server.get(path, Some(&auditor)).status, 200, "{path}");
    }
    let void = server.post(
        "/receipts",
        Some(&auditor),
        &[
            ("csrf", &csrf),
            ("number", "2022-000001"),
            ("reason", "x"),
            ("action", "void"),
        ],
    );
    assert_ne!(void.status, 303, "{}", void.body);
    let queue = server.get("/approvals", Some(&auditor));
    assert!(!queue.body.contains("value=\"approve\""), "{}", queue.body);
    let refused = server.post("/donate", Some(&auditor), &donation(&csrf, "5.00"));
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert!(refused.body.contains("审计"), "{}", refused.body);
    let list = cli_as(&l, AUDITOR, &["receipt", "list"]);
    assert!(!list.contains("2022-000001"), "{list}");
}

/// The treasurer records ¥50.00 for 张三 on the command line.
pub(crate) fn donate_50_by_cli(l: &Ledger) {
    cli_as(
        l,
        TREASURER,
        &[
            "donate",
            "--donor",
            "张三",
            "--amount",
            "50.00",
            "--date",
            "2022-02-01",
            "--fund",
            "助学",
            "--method",
            "bank",
        ],
    );
}

#[test]
fn serve_read_only_shows_the_pages_and_refuses_every_change() {
    let l = ledger_with_users();
    donate_50_by_cli(&l);
    let before = std::fs::read(&l.db).expect("the ledger");
    let server = Server::start(&l, &["--read-only"]);
    {
        let lines = server.lines.lock().expect("the lines");
        let note = lines.recv().expect("the read-only note");
        assert!(note.contains("只读"), "{note}");
    }
    let (treasurer, csrf) = server.sign_in(TREASURER);
    let dashboard = server.get("/", Some(&treasurer));
    assert_eq!(dashboard.status, 200, "{}", dashboard.body);
    assert!(dashboard.body.contains("¥50.00"), "{}", dashboard.body);
    let refused = server.post("/donate", Some(&treasurer), &donation(&csrf, "5.00"));
    assert_ne!(refused.status, 303, "{}", refused.body);
    assert!(refused.body.contains("--read-only"), "{}", refused.body);
    drop(server);
    assert!(
        std::fs::read(&l.db).expect("the ledger") == before,
        "the ledger changed"
    );
    let list = cli_as(&l, AUDITOR, &["receipt", "list"]);
    assert!(!list.contains("2022-000002"), "{list}");
}

#[test]
fn the_dashboard_shows_a_change_made_elsewhere_and_never_old_figures_unlabelled() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (reviewer, _) = server.sign_in(REVIEWER);
    let first = server.get("/", Some(&reviewer));
    assert!(!first.body.contains("¥50.00"), "{}", first.body);
    donate_50_by_cli(&l);
    // The reviewer posted nothing since: for a moment they may be shown the figures
    // read before, but only so labelled and with the page set to reload.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let page = server.get("/", Some(&reviewer));
        assert_eq!(page.status, 200, "{}", page.body);
        if page.body.contains("¥50.00") {
            assert!(!page.body.contains("id=\"updating\""), "{}", page.body);
            assert_eq!(page.header("refresh"), None);
            break;
        }
        assert!(page.body.contains("id=\"updating\""), "{}", page.body);
        assert_eq!(page.header("refresh"), Some("2"));
        assert!(
            std::time::Instant::now() < deadline,
            "the figures never updated"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Whether openssl and curl are here; where not, the TLS test is skipped, unless
/// CI promised them (then it fails).
fn tls_tools() -> bool {
    let here = ["openssl", "curl"].iter().all(|tool| {
        Command::new(tool)
            .arg(if *tool == "openssl" {
                "version"
            } else {
                "--version"
            })
            .output()
            .is_ok_and(|o| o.status.success())
    });
    assert!(
        here || !common::tools_required(),
        "CI promised openssl and curl, but they are not installed"
    );
    here
}

#[test]
fn over_tls_the_page_is_https_and_its_session_cookie_secure() {
    if !tls_tools() {
        return;
    }
    let l = ledger_with_users();
    let (cert, key) = (l.dir.path().join("cert.pem"), l.dir.path().join("key.pem"));
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"])
        .args(["-addext", "subjectAltName=IP:127.0.0.1"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let (cert_arg, key_arg) = (cert.display().to_string(), key.display().to_string());
    let server = Server::start(&l, &["--tls-cert", &cert_arg, "--tls-key", &key_arg]);
    let curl = |scheme: &str| {
        Command::new("curl")
            .args(["-sS", "-i", "--max-time", "10", "--cacert", &cert_arg])
            .arg(format!("{scheme}://127.0.0.1:{}/login", server.port))
            .output()
            .expect("curl runs")
    };
    let page = curl("https");
    let text = String::from_utf8_lossy(&page.stdout).to_string();
    assert!(
        page.status.success(),
        "{}",
        String::from_utf8_lossy(&page.stderr)
    );
    assert!(
        text.lines().next().is_some_and(|l| l.contains(" 200")),
        "{text}"
    );
    let cookie = text
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .unwrap_or_else(|| panic!("no cookie: {text}"));
    for part in ["HttpOnly", "SameSite=Strict", "Secure"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    // Plain HTTP on the TLS port gets no page.
    let plain = curl("http");
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("<form"));
}

#[test]
fn a_post_without_the_pages_csrf_token_is_refused() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (treasurer, csrf) = server.sign_in(TREASURER);
    let mut form = donation(&csrf, "5.00");
    form.remove(0);
    let missing = server.post("/donate", Some(&treasurer), &form);
    assert_eq!(missing.status, 403, "{}", missing.body);
    assert!(missing.body.contains("表单已过期"), "{}", missing.body);
    let wrong = server.post("/donate", Some(&treasurer), &donation("0123", "5.00"));
    assert_eq!(wrong.status, 403, "{}", wrong.body);
    // Sign-in forms need it too.
    let login = server.post(
        "/login",
        None,
        &[("user", TREASURER.0), ("password", TREASURER.1)],
    );
    assert_eq!(login.status, 403);
    let out = server.post("/logout", Some(&treasurer), &[("csrf", "nope")]);
    assert_eq!(out.status, 403);
    assert_eq!(
        server.get("/", Some(&treasurer)).status,
        200,
        "still signed in"
    );
}

#[test]
fn a_session_from_another_ledgers_server_is_not_one_here() {
    let one = ledger_with_users();
    let two = ledger_with_users();
    let first = Server::start(&one, &[]);
    let second = Server::start(&two, &[]);
    let (cookie, _) = first.sign_in(TREASURER);
    let value = cookie.split_once('=').expect("name=value").1;
    let theirs = format!("lovefund-{}={value}", second.port);
    let answer = second.get("/", Some(&theirs));
    assert_eq!(answer.status, 303);
    assert_eq!(answer.header("location"), Some("/login"));
    assert_eq!(second.get("/", Some(&cookie)).status, 303);
}

#[test]
fn sign_out_ends_the_session() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    let out = server.post("/logout", Some(&cookie), &[("csrf", &csrf)]);
    assert_eq!(out.status, 303);
    assert_eq!(server.get("/", Some(&cookie)).status, 303);
}

#[test]
fn a_session_ends_after_the_idle_time_without_a_request() {
    let l = ledger_with_users();
    let server = Server::start(&l, &["--idle", "4s"]);
    let (cookie, _) = server.sign_in(TREASURER);
    let page = server.get("/login", None);
    let max_age = page.header("set-cookie").unwrap_or_default().to_string();
    assert!(max_age.contains("Max-Age=4"), "{max_age}");
    // Each request keeps the session: 2 s apart, it outlives 4 s in all.
    for _ in 0..2 {
        std::thread::sleep(std::time::Duration::from_secs(2));
        let seen = server.get("/", Some(&cookie));
        assert_eq!(seen.status, 200, "{}", seen.body);
    }
    std::thread::sleep(std::time::Duration::from_millis(4500));
    let ended = server.get("/", Some(&cookie));
    assert_eq!(ended.status, 303, "{}", ended.body);
    assert_eq!(ended.header("location"), Some("/login"));
}

#[test]
fn repeated_failed_sign_ins_lock_the_name() {
    let l = ledger_with_users();
    let server = Server::start(&l, &["--lang", "en"]);
    let wrong = std::thread::scope(|scope| {
        let tries: Vec<_> = (0..5)
            .map(|_| {
                scope.spawn(|| {
                    let page = server.get("/login", None);
                    let cookie = page.cookie().expect("a session");
                    server.post(
                        "/login",
                        Some(&cookie),
                        &[
                            ("csrf", &page.csrf()),
                            ("user", TREASURER.0),
                            ("password", "wrong"),
                        ],
                    )
                })
            })
            .collect();
        tries
            .into_iter()
            .map(|t| t.join().expect("a try"))
            .collect::<Vec<_>>()
    });
    for answer in &wrong {
        assert_eq!(answer.status, 401, "{}", answer.body);
    }
    assert!(wrong[0].body.contains("王司库"), "{}", wrong[0].body);
    // Now even the right password waits.
    let page = server.get("/login", None);
    let cookie = page.cookie().expect("a session");
    let locked = server.post(
        "/login",
        Some(&cookie),
        &[
            ("csrf", &page.csrf()),
            ("user", TREASURER.0),
            ("password", TREASURER.1),
        ],
    );
    assert_eq!(locked.status, 401);
    assert!(
        locked.body.contains("too many failed sign-ins"),
        "{}",
        locked.body
    );
    // Another user is not locked.
    server.sign_in(REVIEWER);
}

#[test]
fn a_request_for_another_host_is_refused() {
    let l = ledger_with_users();
    let server = Server::start(&l, &["--lang", "en"]);
    let port = server.port;
    let rebound = http(
        port,
        "GET",
        "/login",
        &format!("evil.example:{port}"),
        None,
        None,
    );
    assert_eq!(rebound.status, 421);
    assert!(rebound.body.contains("evil.example"), "{}", rebound.body);
    let ok = http(
        port,
        "GET",
        "/login",
        &format!("localhost:{port}"),
        None,
        None,
    );
    assert_eq!(ok.status, 200);
    assert!(ok.header("content-security-policy").is_some());
}

#[test]
fn the_check_says_the_clis_sentence_for_a_field() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (cookie, csrf) = server.sign_in(TREASURER);
    let check = |field: &str, value: &str| {
        server
            .post(
                "/check",
                Some(&cookie),
                &[("csrf", &csrf), ("field", field), ("value", value)],
            )
            .body
    };
    assert_eq!(check("amount", "500.00"), "");
    assert!(check("amount", "1e5").contains("金额"));
    assert!(check("date", "2022-13-01").contains("日期"));
    assert_eq!(check("date", "2022-03-01"), "");
    // The pages answer in the language chosen.
    let switched = server.get("/lang/en?back=/donate", Some(&cookie));
    assert_eq!(switched.status, 303);
    assert!(check("amount", "-5").contains("Amount"));
    let page = server.get("/donate", Some(&cookie));
    assert!(page.body.contains("Record a donation"), "{}", page.body);
}

#[test]
fn every_asset_is_served_from_the_binary() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let css = server.get("/assets/style.css", None);
    assert_eq!(css.status, 200);
    assert!(
        css.header("content-type")
            .is_some_and(|t| t.starts_with("text/css"))
    );
    let js = server.get("/assets/page.js", None);
    assert_eq!(js.status, 200);
    let login = server.get("/login", None);
    assert!(!login.body.contains("http://") && !login.body.contains("https://"));
    assert_eq!(server.get("/no-such-page", None).status, 404);
}

#[test]
fn two_browsers_recording_at_once_both_record_with_their_own_numbers() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let (one, one_csrf) = server.sign_in(TREASURER);
    let (two, two_csrf) = server.sign_in(TREASURER);
    let answers = std::thread::scope(|scope| {
        let a = scope.spawn(|| {
            (0..5)
                .map(|_| server.post("/donate", Some(&one), &donation(&one_csrf, "10.00")))
                .collect::<Vec<_>>()
        });
        let b = scope.spawn(|| {
            (0..5)
                .map(|_| server.post("/donate", Some(&two), &donation(&two_csrf, "20.00")))
                .collect::<Vec<_>>()
        });
        let mut all = a.join().expect("one");
        all.extend(b.join().expect("two"));
        all
    });
    let mut numbers: Vec<String> = answers
        .iter()
        .map(|a| {
            assert_eq!(a.status, 200, "{}", a.body);
            let at = a.body.find("id=\"receipt\">").expect("a receipt number") + 13;
            a.body[at..at + 11].to_string()
        })
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=10).map(|n| format!("2022-{n:06}")).collect();
    assert_eq!(numbers, expected);
    let verified = cli_as(&l, TREASURER, &["verify"]);
    assert!(!verified.is_empty());
}
