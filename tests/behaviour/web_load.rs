//! The smoke run of the web page's load benchmark (issue 18): the same client code
//! `scripts/bench-web` runs against a 1,000,000-entry ledger, run here for a second
//! against a small one, so CI proves the benchmark still signs in, reads the
//! dashboard and records donations with no error. No timing is checked: speed is
//! the benchmark's business (BENCHMARKS.md), not a test's.

#[path = "../../benches/web_load/client.rs"]
#[allow(dead_code)]
mod client;

use crate::web::{Server, ledger_with_users};
use std::time::Duration;

#[test]
fn the_load_benchmark_runs_clean_for_a_second() {
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let load = client::Load {
        url: format!("http://127.0.0.1:{}", server.port),
        user: "王司库".into(),
        password: "treasurer-pass".into(),
        donor: "张三".into(),
        clients: 3,
        duration: Duration::from_secs(1),
        donate_every: Duration::from_millis(100),
        max_requests: 5_000,
    };
    let report = client::run(&load).expect("the load runs");
    assert_eq!(report.errors, 0, "{}", report.first_error);
    assert!(!report.dashboards.is_empty(), "{}", report.json());
    assert!(!report.donations.is_empty(), "{}", report.json());
    // Every donation the load recorded is in the ledger, each with its receipt.
    let receipts = auditor(&l, &["--json", "receipt", "list"]);
    assert_eq!(
        receipts.matches("\"number\"").count(),
        report.donations.len(),
        "{receipts}"
    );
    drop(server);
    auditor(&l, &["verify"]);
}

/// The CLI's output, signed in as the auditor of `ledger_with_users`.
fn auditor(l: &crate::common::Ledger, args: &[&str]) -> String {
    let out = l
        .cmd()
        .env("LOVEFUND_USER", "赵审计")
        .env("LOVEFUND_PASSWORD", "auditor-pass1")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}
