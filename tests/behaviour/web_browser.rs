//! The web page in a real browser (issue 18): Debian's chromium, headless, driven
//! through chromedriver's WebDriver protocol (plain JSON over HTTP, spoken here
//! with the standard library and serde_json). In each language: sign in, record a
//! donation (a bad amount first, which the page says is bad as it is typed), see its
//! receipt number, download its PDF, approve it as a reviewer, see the dashboard
//! change. Screenshots at 1366×768 and at 390 wide go to the folder printed.

use crate::common::tools_required;
use crate::web::{Server, ledger_with_users};
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// How many times a condition is looked at, 100 ms apart, before the test fails.
const TRIES_MAX: u32 = 100;

fn installed(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

fn call(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to chromedriver");
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send");
    // chromedriver keeps the connection open: read the head, then Content-Length.
    let mut reader = std::io::BufReader::new(stream);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        std::io::BufRead::read_line(&mut reader, &mut line).expect("a header line");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().expect("a length");
        }
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).expect("the body");
    serde_json::from_slice(&body).unwrap_or(Value::Null)
}

struct Browser {
    driver: Driver,
    session: String,
    base: String,
}

impl Browser {
    fn start(downloads: &Path) -> Browser {
        let port = free_port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver { child, port };
        let mut ready = false;
        for _ in 0..TRIES_MAX {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                ready = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert!(ready, "chromedriver did not start");
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "goog:chromeOptions": {
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,768"],
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false
                }
            }
        }}});
        let answer = call(port, "POST", "/session", Some(&capabilities));
        let session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_string();
        Browser {
            driver,
            session,
            base: String::new(),
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let answer = call(self.driver.port, method, &path, body.as_ref());
        assert!(
            answer["value"].get("error").is_none(),
            "{method} {path}: {answer}"
        );
        answer["value"].clone()
    }

    fn open(&self, path: &str) {
        self.cmd(
            "POST",
            "/url",
            Some(json!({"url": format!("{}{path}", self.base)})),
        );
    }

    fn find(&self, css: &str) -> String {
        for _ in 0..TRIES_MAX {
            let path = format!("/session/{}/element", self.session);
            let body = json!({"using": "css selector", "value": css});
            let answer = call(self.driver.port, "POST", &path, Some(&body));
            // The element's id, under the one key of its reference (W3C names one,
            // this chromedriver another).
            let id = answer["value"]
                .as_object()
                .filter(|o| o.len() == 1 && o.keys().all(|k| k.starts_with("element-")))
                .and_then(|o| o.values().next())
                .and_then(Value::as_str);
            if let Some(id) = id {
                return id.to_string();
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let source = self.cmd("GET", "/source", None);
        panic!("no element {css} on the page: {source}");
    }

    fn type_in(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({"text": text})),
        );
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    fn text(&self, css: &str) -> String {
        let id = self.find(css);
        self.cmd("GET", &format!("/element/{id}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The text of `css` once `ready` holds for it.
    fn text_when(&self, css: &str, ready: impl Fn(&str) -> bool) -> String {
        let mut last = String::new();
        for _ in 0..TRIES_MAX {
            last = self.text(css);
            if ready(&last) {
                return last;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("{css} never became ready; last {last:?}");
    }

    fn size(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    fn screenshot(&self, to: &Path) {
        use base64::Engine;
        let png = self.cmd("GET", "/screenshot", None);
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(png.as_str().expect("base64"))
            .expect("a PNG");
        std::fs::write(to, bytes).expect("write the screenshot");
    }

    fn sign_in(&self, lang: &str, user: &str, password: &str) {
        self.open(&format!("/lang/{lang}?back=/login"));
        self.type_in("input[name=user]", user);
        self.type_in("input[name=password]", password);
        self.click("form[action='/login'] button");
        self.find("#raised");
    }

    fn sign_out(&self) {
        self.click("form[action='/logout'] button");
        self.find("input[name=password]");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.session);
        call(self.driver.port, "DELETE", &path, None);
    }
}

fn screens_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("web-screens");
    std::fs::create_dir_all(&dir).expect("the screenshot folder");
    dir
}

#[test]
fn a_treasurer_and_a_reviewer_in_a_real_browser() {
    if !(installed("chromium") && installed("chromedriver")) {
        assert!(
            !tools_required(),
            "CI promised chromium and chromedriver, but they are not installed"
        );
        eprintln!("web_browser: chromium or chromedriver missing; not run");
        return;
    }
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let downloads = tempfile::tempdir().expect("a download folder");
    let mut browser = Browser::start(downloads.path());
    browser.base = format!("http://{}", server.host());
    let screens = screens_dir();
    println!("web_browser: screenshots in {}", screens.display());
    // (language, the sentence's word for the amount, a word of the dashboard)
    let langs = [("zh-Hans", "金额"), ("zh-Hant", "金額"), ("en", "Amount")];
    for (n, (lang, amount_word)) in langs.into_iter().enumerate() {
        browser.size(1366, 768);
        browser.sign_in(lang, "王司库", "treasurer-pass");
        browser.open("/donate");
        browser.type_in("input[name=donor]", "张三");
        browser.type_in("input[name=amount]", "10.005");
        let hint = browser.text_when("input[name=amount] + .hint", |t| !t.is_empty());
        assert!(hint.contains(amount_word), "{lang}: {hint}");
        browser.type_in("input[name=amount]", "500.00");
        browser.text_when("input[name=amount] + .hint", str::is_empty);
        // A date field's typing depends on the browser's locale; set it as a picker does.
        browser.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": "document.querySelector('input[name=date]').value = '2022-03-01';", "args": []})),
        );
        browser.screenshot(&screens.join(format!("{lang}-donate-1366.png")));
        browser.click("form[action='/donate'] button[type=submit]");
        let receipt = browser.text("#receipt");
        let expected = format!("2022-{:06}", n + 1);
        assert_eq!(receipt, expected, "{lang}");
        // Its PDF, fetched by the browser with its own session.
        browser.open("/receipts");
        browser.find(&format!("a[href='/receipts/{expected}.pdf']"));
        let head = browser.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(b.slice(0, 4)))))).catch(e => done(String(e)));", "args": [format!("/receipts/{expected}.pdf")]})),
        );
        assert_eq!(head.as_str(), Some("application/pdf %PDF"), "{lang}");
        browser.open("/");
        browser.screenshot(&screens.join(format!("{lang}-dashboard-1366.png")));
        browser.size(390, 844);
        browser.screenshot(&screens.join(format!("{lang}-dashboard-390.png")));
        browser.open("/donate");
        browser.screenshot(&screens.join(format!("{lang}-donate-390.png")));
        // The audit pack's page and the donors' verification page, both widths.
        for (width, height) in [(390, 844), (1366, 768)] {
            browser.size(width, height);
            browser.open("/audit-pack");
            browser.find("form[action='/audit-pack/verify']");
            browser.screenshot(&screens.join(format!("{lang}-audit-pack-{width}.png")));
            browser.open(&format!("/check-receipt#{expected}"));
            browser.screenshot(&screens.join(format!("{lang}-check-receipt-{width}.png")));
        }
        browser.open("/");
        browser.size(1366, 768);
        browser.sign_out();

        browser.sign_in(lang, "李审核", "reviewer-pass");
        assert_eq!(browser.text("#waiting"), "1", "{lang}");
        browser.open("/approvals");
        browser.screenshot(&screens.join(format!("{lang}-approvals-1366.png")));
        browser.click("#pending button[value=approve]");
        browser.find("#nothing-waiting");
        browser.open("/");
        assert_eq!(browser.text("#waiting"), "0", "{lang}");
        let raised = browser.text("#raised");
        let total = format!("¥{}", ["500.00", "1,000.00", "1,500.00"][n]);
        assert_eq!(raised, total, "{lang}");
        browser.sign_out();
    }
}

/// The import and reconcile pages in the browser, under zh-Hans: a sheet chosen in
/// the file field, its dry run, its confirm; a statement with its balance checked as
/// typed, its matching table, its commit. Screenshots at 1366×768 and 390 wide.
#[test]
fn the_import_and_reconcile_pages_in_a_real_browser() {
    if !(installed("chromium") && installed("chromedriver")) {
        assert!(
            !tools_required(),
            "CI promised chromium and chromedriver, but they are not installed"
        );
        eprintln!("web_browser: chromium or chromedriver missing; not run");
        return;
    }
    let fixture = |path: &str| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(path)
            .display()
            .to_string()
    };
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let downloads = tempfile::tempdir().expect("a download folder");
    let mut browser = Browser::start(downloads.path());
    browser.base = format!("http://{}", server.host());
    let screens = screens_dir();
    browser.size(1366, 768);
    browser.sign_in("zh-Hans", "王司库", "treasurer-pass");
    browser.open("/import");
    browser.screenshot(&screens.join("zh-Hans-import-1366.png"));
    browser.type_in(
        "input[name=file]",
        &fixture("tests/fixtures/sheets/donations_2022.csv"),
    );
    browser.click("form[action='/import'] button[type=submit]");
    browser.find("#summary");
    browser.screenshot(&screens.join("zh-Hans-import-dry-1366.png"));
    browser.size(390, 844);
    browser.screenshot(&screens.join("zh-Hans-import-dry-390.png"));
    browser.size(1366, 768);
    browser.click("#confirm");
    browser.find("#recorded");
    browser.open("/reconcile");
    browser.type_in("input[name=closing_balance]", "1e5");
    let hint = browser.text_when("input[name=closing_balance] + .hint", |t| !t.is_empty());
    assert!(hint.contains("期末余额"), "{hint}");
    browser.type_in("input[name=closing_balance]", "6,187.50");
    browser.text_when("input[name=closing_balance] + .hint", str::is_empty);
    browser.cmd(
        "POST",
        "/execute/sync",
        Some(json!({"script": "document.querySelector('input[name=as_of]').value = '2022-03-31';", "args": []})),
    );
    browser.type_in(
        "input[name=file]",
        &fixture("tests/data/bank/generic-direction.csv"),
    );
    browser.click("form[action='/reconcile'] button[type=submit]");
    browser.find("#adjustment");
    browser.screenshot(&screens.join("zh-Hans-reconcile-dry-1366.png"));
    browser.size(390, 844);
    browser.screenshot(&screens.join("zh-Hans-reconcile-dry-390.png"));
    browser.size(1366, 768);
    browser.cmd(
        "POST",
        "/execute/sync",
        Some(json!({"script": "document.querySelector('#adjustment').scrollIntoView();", "args": []})),
    );
    browser.screenshot(&screens.join("zh-Hans-reconcile-table-1366.png"));
    browser.click("#commit");
    browser.find("#committed");
    browser.open("/reconcile");
    browser.find("a[href='/reconcile/1']");
    browser.screenshot(&screens.join("zh-Hans-reconcile-1366.png"));
    browser.size(390, 844);
    browser.screenshot(&screens.join("zh-Hans-reconcile-390.png"));
}
