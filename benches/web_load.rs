//! The web page under load (issue 18): `clients` browsers that each sign in and then
//! read the dashboard as fast as the server answers, while one more records a
//! donation every `--every-ms` milliseconds, for `--seconds`. Bounded and
//! self-stopping: every request has a timeout, the run ends at its deadline (or
//! after `--max-requests`), and it only ever talks to a loopback address.
//!
//! ```text
//! cargo bench --bench web_load -- --url http://127.0.0.1:PORT --user NAME \
//!     --password PASS [--clients 50] [--seconds 60] [--every-ms 100] [--donor NAME]
//! ```
//!
//! Prints one line of JSON: the requests, the errors, and the dashboard's and the
//! donation's latency (p50, p99, max, in ms). Exits 1 on any error. `scripts/bench-web`
//! runs it against the 1,000,000-entry ledger; a test runs the same code for a
//! second against a small ledger (`tests/behaviour/web_load.rs`), with no timing
//! checks.

#[path = "web_load/client.rs"]
mod client;

use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let number = |name: &str, default: u64| -> u64 {
        value(name)
            .map(|v| {
                v.parse()
                    .unwrap_or_else(|_| panic!("{name} wants a whole number, not {v}"))
            })
            .unwrap_or(default)
    };
    // `cargo bench` passes `--bench` to every bench target; without a URL there is
    // nothing to load, so a plain `cargo bench` skips this one.
    let Some(url) = value("--url") else {
        eprintln!("web_load: give --url http://127.0.0.1:PORT (see scripts/bench-web)");
        return ExitCode::SUCCESS;
    };
    let load = client::Load {
        url,
        user: value("--user").unwrap_or_else(|| "treasurer".into()),
        password: value("--password").unwrap_or_default(),
        donor: value("--donor").unwrap_or_else(|| "負載測試".into()),
        clients: number("--clients", 50) as usize,
        duration: Duration::from_secs(number("--seconds", 60)),
        donate_every: Duration::from_millis(number("--every-ms", 100)),
        max_requests: number("--max-requests", 10_000_000),
    };
    match client::run(&load) {
        Ok(report) => {
            println!("{}", report.json());
            if report.errors == 0 {
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "web_load: {} error(s); first: {}",
                    report.errors, report.first_error
                );
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("web_load: {e}");
            ExitCode::FAILURE
        }
    }
}
