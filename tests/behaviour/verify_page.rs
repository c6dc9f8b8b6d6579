//! The donors' verification page `publish` writes (issue 16 §3), run in a real
//! browser: Debian's chromium, headless, opening the page from the disk with a
//! payload after `#` as a phone's camera would. The page loads nothing; its verdict
//! is read from the DOM once its script has run.

use crate::common;

use common::{Ledger, tools_required};
use std::path::Path;
use std::process::Command;

/// The chromium binary, or None (test skipped) where none is installed and CI did
/// not promise one.
pub(crate) fn chromium() -> Option<&'static str> {
    for name in ["chromium", "chromium-browser"] {
        if Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return Some(name);
        }
    }
    assert!(
        !tools_required(),
        "CI promised chromium, but it is not installed"
    );
    None
}

/// The page's DOM after its script ran, opened at `page#fragment`.
fn dom(browser: &str, profile: &Path, page: &Path, fragment: &str) -> String {
    dom_at(
        browser,
        profile,
        &format!("file://{}#{fragment}", page.display()),
    )
}

/// The DOM of the page at `url` after its script ran.
pub(crate) fn dom_at(browser: &str, profile: &Path, url: &str) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 DOM")
}

pub(crate) fn verdict(dom: &str) -> &str {
    let at = dom.find("class=\"result ").expect("the result is shown") + "class=\"result ".len();
    let end = dom[at..].find('"').unwrap();
    &dom[at..at + end]
}

#[test]
fn the_page_tells_genuine_forged_and_void_receipts_apart_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let l = Ledger::new();
    for name in ["張三豐", "李四"] {
        l.run(&["donor", "add", name]).success();
    }
    for (donor, amount) in [("張三豐", "10005"), ("李四", "300")] {
        l.run(&[
            "donate",
            "--donor",
            donor,
            "--amount",
            amount,
            "--date",
            "2022-03-01",
            "--fund",
            "助學",
            "--method",
            "bank",
        ])
        .success();
    }
    l.run(&["receipt", "void", "2022-000002", "--reason", "重複"])
        .success();
    let site = l.dir.path().join("site");
    l.run(&["publish", "--out", site.to_str().unwrap()])
        .success();
    let page = site.join("verify.html");
    let list = l.json(&["receipt", "list"]);
    let payload = |at: usize| list[at]["payload"].as_str().unwrap().to_string();
    let profile = tempfile::tempdir().unwrap();

    let genuine = dom(browser, profile.path(), &page, &payload(0));
    assert_eq!(verdict(&genuine), "genuine");
    // The ledger's language is zh-Hant: the page and its 大寫 follow it.
    assert!(genuine.contains("真實"), "{genuine}");
    for shown in [
        "2022-000001",
        "2022-03-01",
        "¥10,005.00",
        "人民幣壹萬零伍元整",
        "助學",
        "張**",
    ] {
        assert!(genuine.contains(shown), "{shown} in {genuine}");
    }
    let forged = payload(0).replace("|1000500|", "|1000501|");
    let forged = dom(browser, profile.path(), &page, &forged);
    assert_eq!(verdict(&forged), "forged");
    assert!(
        !forged.contains("¥10,005.01"),
        "a forged receipt's claims are not shown"
    );
    assert_eq!(
        verdict(&dom(browser, profile.path(), &page, &payload(1))),
        "voided"
    );
    assert_eq!(
        verdict(&dom(browser, profile.path(), &page, "hello")),
        "malformed"
    );
    // A payload signed by another fund's key is not this fund's receipt.
    let other = Ledger::new();
    other.run(&["donor", "add", "王五"]).success();
    other
        .run(&[
            "donate",
            "--donor",
            "王五",
            "--amount",
            "1",
            "--date",
            "2022-03-01",
            "--method",
            "cash",
        ])
        .success();
    let theirs = other.json(&["receipt", "list"])[0]["payload"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        verdict(&dom(browser, profile.path(), &page, &theirs)),
        "unknown-key"
    );
    // The address form the QR code holds, written in zh-Hans.
    l.run(&[
        "--lang",
        "zh-Hans",
        "publish",
        "--out",
        site.to_str().unwrap(),
        "--force",
    ])
    .success();
    let hans = dom(browser, profile.path(), &page, &payload(0));
    assert_eq!(verdict(&hans), "genuine");
    assert!(
        hans.contains("真实") && hans.contains("人民币壹万零伍元整"),
        "{hans}"
    );
}
