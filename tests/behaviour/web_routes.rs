//! Every route of the web page (issue 18 "HTTP tests of every route"), read from the
//! router's own source so that a route added without a case here fails: signed out,
//! a page that is not public sends the browser to sign in; every form posted without
//! the page's CSRF token, or with a forged one, is refused (403) and changes nothing,
//! an upload's included (multipart and urlencoded alike); an auditor opens every page
//! and the core refuses every change they post.

use crate::web::{AUDITOR, Server, TREASURER, donate_50_by_cli, ledger_with_users};
use std::collections::BTreeSet;

/// The paths `src/web/pages/mod.rs` routes, as written there (`{id}` and all).
fn routed() -> BTreeSet<String> {
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web/pages/mod.rs"),
    )
    .expect("the router's source");
    source
        .split(".route(")
        .skip(1)
        .filter_map(|rest| {
            let rest = rest.trim_start().strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_string())
        })
        .collect()
}

/// Each route: the path requested (its parameters filled in), whether it answers
/// GET and POST, and whether it is public (answers without signing in).
struct Route {
    path: &'static str,
    request: &'static str,
    get: bool,
    post: bool,
    public: bool,
}

const fn route(path: &'static str, request: &'static str, get: bool, post: bool) -> Route {
    Route {
        path,
        request,
        get,
        post,
        public: false,
    }
}

const fn public(path: &'static str, request: &'static str, get: bool, post: bool) -> Route {
    Route {
        path,
        request,
        get,
        post,
        public: true,
    }
}

/// The refusal of a form without the page's token, in zh-Hans (the ledger's).
const EXPIRED: &str = "这份表单已过期或不是本页提交的";

const ROUTES: &[Route] = &[
    route("/", "/", true, false),
    public("/login", "/login", true, true),
    route("/logout", "/logout", false, true),
    public("/setup", "/setup", true, true),
    public("/lang/{code}", "/lang/en", true, false),
    route("/donate", "/donate", true, true),
    route("/check", "/check", false, true),
    route("/disburse", "/disburse", true, true),
    route("/reverse", "/reverse", true, true),
    route("/approvals", "/approvals", true, true),
    route("/receipts", "/receipts", true, true),
    route("/receipts/{file}", "/receipts/2022-000001.pdf", true, false),
    route("/verify", "/verify", true, false),
    route("/transfer", "/transfer", true, true),
    route("/close", "/close", true, true),
    route("/vouchers", "/vouchers", true, false),
    route("/vouchers/{file}", "/vouchers/1.pdf", true, false),
    route("/reports", "/reports", true, false),
    route(
        "/reports/{file}",
        "/reports/balance-sheet-2022.csv",
        true,
        false,
    ),
    route("/attachments", "/attachments", true, true),
    route("/attachments/{id}", "/attachments/1", true, false),
    route(
        "/attachments/{id}/withdraw",
        "/attachments/1/withdraw",
        false,
        true,
    ),
    route("/audit-pack", "/audit-pack", true, true),
    route("/audit-pack/verify", "/audit-pack/verify", false, true),
    route("/backup", "/backup", false, true),
    public("/check-receipt", "/check-receipt", true, false),
    route("/import", "/import", true, true),
    route("/import/confirm", "/import/confirm", false, true),
    route("/import/cancel", "/import/cancel", false, true),
    route("/reconcile", "/reconcile", true, true),
    route("/reconcile/commit", "/reconcile/commit", false, true),
    route("/reconcile/cancel", "/reconcile/cancel", false, true),
    route("/reconcile/{id}", "/reconcile/1", true, false),
    route("/users", "/users", true, true),
    route("/donors", "/donors", true, true),
    route("/donors/{id}", "/donors/1", true, true),
    route("/beneficiaries", "/beneficiaries", true, true),
    route("/beneficiaries/{id}", "/beneficiaries/1", true, true),
    public("/assets/style.css", "/assets/style.css", true, false),
    public("/assets/page.js", "/assets/page.js", true, false),
];

#[test]
fn every_route_is_covered_here() {
    let here: BTreeSet<String> = ROUTES.iter().map(|r| r.path.to_string()).collect();
    assert_eq!(
        routed(),
        here,
        "the router and this test's list of routes differ"
    );
}

#[test]
fn signed_out_every_page_but_the_public_ones_sends_the_browser_to_sign_in() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let before = l.fingerprint();
    for r in ROUTES.iter().filter(|r| r.get) {
        let answer = server.get(r.request, None);
        if r.public {
            assert_ne!(answer.header("location"), Some("/login"), "{}", r.request);
            assert!(answer.status < 500, "{}: {}", r.request, answer.status);
        } else {
            assert_eq!(answer.status, 303, "{}: {}", r.request, answer.body);
            assert_eq!(answer.header("location"), Some("/login"), "{}", r.request);
        }
    }
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn every_form_without_its_csrf_token_is_refused_and_changes_nothing() {
    let l = ledger_with_users();
    donate_50_by_cli(&l);
    let server = Server::start(&l, &[]);
    let (cookie, _) = server.sign_in(TREASURER);
    let before = l.fingerprint();
    let fields = [
        ("amount", "1"),
        ("name", "x"),
        ("reason", "x"),
        ("token", "00"),
    ];
    for r in ROUTES.iter().filter(|r| r.post) {
        let missing = server.post(r.request, Some(&cookie), &fields);
        assert_eq!(missing.status, 403, "{}: {}", r.request, missing.body);
        let mut forged = fields.to_vec();
        forged.insert(0, ("csrf", "forged"));
        let forged = server.post(r.request, Some(&cookie), &forged);
        assert_eq!(forged.status, 403, "{}: {}", r.request, forged.body);
        let parts: [(&str, Option<&str>, &[u8]); 2] =
            [("csrf", None, b"forged"), ("file", Some("x.csv"), b"a,b\n")];
        let upload = server.upload(r.request, Some(&cookie), &parts);
        assert_eq!(upload.status, 403, "{}: {}", r.request, upload.body);
        // In the ledger's language, whatever the body was.
        for body in [&missing.body, &forged.body, &upload.body] {
            assert!(body.contains(EXPIRED), "{}: {body}", r.request);
        }
    }
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn an_auditor_opens_every_page_and_changes_nothing() {
    let l = ledger_with_users();
    donate_50_by_cli(&l);
    let server = Server::start(&l, &[]);
    let (cookie, _) = server.sign_in(AUDITOR);
    let before = l.fingerprint();
    for r in ROUTES.iter().filter(|r| r.get && !r.path.contains('{')) {
        let answer = server.get(r.request, Some(&cookie));
        match (r.public, r.path) {
            // No setup link: the ledger has users.
            (_, "/setup") => assert_eq!(answer.status, 422, "{}", answer.body),
            // Signed in already: sent on.
            (true, _) => assert!(answer.status < 400, "{}: {}", r.request, answer.status),
            (false, _) => assert_eq!(answer.status, 200, "{}: {}", r.request, answer.body),
        }
    }
    assert_eq!(l.fingerprint(), before);
}
