//! Test harness: a fresh ledger file in its own temp directory, the real binary,
//! and helpers to fingerprint the file.
#![allow(dead_code)]

use assert_cmd::Command;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The password of the user "tester" on the ledgers that have users.
pub const TESTER_PASSWORD: &str = "tester-pass";

pub struct Ledger {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Ledger {
    /// An initialised ledger named 測試愛心基金 with the default language.
    pub fn new() -> Ledger {
        let ledger = Ledger::empty();
        ledger.run(&["init", "--name", "測試愛心基金"]).success();
        ledger
    }

    /// A temp directory where the ledger file does not exist yet.
    pub fn empty() -> Ledger {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("fund.db");
        Ledger { dir, db }
    }

    /// The binary with --db pointing at this ledger and a fixed user.
    pub fn cmd(&self) -> Command {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("lovefund");
        cmd.current_dir(self.dir.path())
            .env("LOVEFUND_DB", &self.db)
            .env("LOVEFUND_USER", "tester")
            // Asked for only on a ledger with users (where "tester" is one).
            .env("LOVEFUND_PASSWORD", TESTER_PASSWORD)
            .env_remove("LOVEFUND_LANG")
            // The locale chooses the language too: tests start from none.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        cmd
    }

    pub fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.cmd().args(args).assert()
    }

    /// Runs and returns stdout, asserting success.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.run(args).success().get_output().stdout.clone();
        String::from_utf8(out).expect("utf-8 output")
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.stdout(&all)).expect("valid JSON")
    }

    /// A refused command: exit 1, stderr returned.
    pub fn refused(&self, args: &[&str]) -> String {
        let out = self.run(args).code(1).get_output().stderr.clone();
        String::from_utf8(out).expect("utf-8 stderr")
    }

    /// `refused`, with the sentence asked for in English (`--lang en`).
    pub fn refused_en(&self, args: &[&str]) -> String {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        self.refused(&all)
    }

    /// Runs a command that must be a usage error (exit 2); returns its stderr.
    pub fn usage_error(&self, args: &[&str]) -> String {
        let out = self.run(args).code(2).get_output().stderr.clone();
        String::from_utf8(out).expect("utf-8 stderr")
    }

    /// SHA-256 of the ledger file and any WAL beside it.
    pub fn fingerprint(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(std::fs::read(&self.db).expect("ledger file"));
        let wal = wal_path(&self.db);
        if wal.exists() {
            hasher.update(std::fs::read(wal).expect("wal"));
        }
        hex::encode(hasher.finalize())
    }

    /// A raw SQLite connection, for tampering like an attacker would.
    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).expect("open raw")
    }

    pub fn donate(&self, date: &str, amount: &str) {
        self.run(&[
            "entry",
            "add",
            "--date",
            date,
            "--memo",
            "gift",
            "--posting",
            &format!("1002@助學={amount}"),
            "--posting",
            &format!("4101@助學=-{amount}"),
        ])
        .success();
    }
}

pub fn wal_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

/// CI sets this after installing the outside programs tests use (pdftotext …):
/// then a missing program fails the test instead of skipping it.
pub fn tools_required() -> bool {
    std::env::var_os("LOVEFUND_TEST_TOOLS").is_some_and(|v| !v.is_empty() && v != "0")
}

/// The text of a PDF by pdftotext, or None (test skipped) where poppler-utils is not
/// installed and CI did not promise it.
pub fn pdftotext(pdf: &Path) -> Option<String> {
    match std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
    {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).to_string()),
        Ok(out) => panic!(
            "pdftotext failed on {}: {}",
            pdf.display(),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => {
            assert!(
                !tools_required(),
                "pdftotext is required (LOVEFUND_TEST_TOOLS is set): {e}"
            );
            eprintln!("skipped: pdftotext is not installed ({e}); apt-get install poppler-utils");
            None
        }
    }
}

/// A small seeded generator (xorshift64*) for the randomised suites: the seed comes
/// from the environment variable `var` when set (to replay a failure), else `default`.
pub struct Dice(u64);

impl Dice {
    pub fn seeded(var: &str, default: u64) -> (Dice, u64) {
        let seed = std::env::var(var)
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .unwrap_or(default);
        eprintln!("{var}={seed} (set it to replay this run)");
        (Dice(seed.max(1)), seed)
    }

    /// A generator with a fixed seed, for tests that always replay the same run.
    pub fn new(seed: u64) -> Dice {
        Dice(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// 0 ≤ n < below.
    pub fn below(&mut self, below: u64) -> u64 {
        self.next() % below.max(1)
    }

    /// lo ≤ n ≤ hi.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// A temp directory in memory (/dev/shm) where there is one, else the usual one: for
/// the suites that write thousands of times, where fsync on a real disk dominates.
pub fn memory_dir() -> TempDir {
    let shm = Path::new("/dev/shm");
    match shm.is_dir() {
        true => tempfile::tempdir_in(shm).expect("temp dir in /dev/shm"),
        false => tempfile::tempdir().expect("temp dir"),
    }
}

/// The variable that turns on the long reliability suites; `.ci/run` sets it.
pub const RELIABILITY_VAR: &str = "LOVEFUND_TEST_RELIABILITY";

/// The long reliability suites (RELIABILITY.md): module, and about how long its one
/// test takes on this kind of machine.
pub const RELIABILITY_SUITES: &[(&str, &str)] = &[
    ("crash", "3.5–5 min"),
    ("model", "3–5 min"),
    ("concurrency", "30–75 s"),
    ("backup_load", "15–30 s"),
];

/// Whether the reliability suite `suite` runs: yes when LOVEFUND_TEST_RELIABILITY=1.
/// Otherwise the first suite to ask says once, on the test binary's real stderr (past
/// libtest's capture, so `cargo test` shows it), which suites were not run and how to
/// run them, and the test returns. Under CI (`CI` set) the variable is required, so a
/// CI that forgot it fails instead of skipping the suites.
pub fn reliability(suite: &str) -> bool {
    assert!(
        RELIABILITY_SUITES.iter().any(|(name, _)| *name == suite),
        "{suite} is not listed in RELIABILITY_SUITES"
    );
    if std::env::var_os(RELIABILITY_VAR).is_some_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none_or(|v| v.is_empty() || v == "false"),
        "CI must run the reliability suites: set {RELIABILITY_VAR}=1 (as .ci/run does)"
    );
    static NOTICE: std::sync::Once = std::sync::Once::new();
    NOTICE.call_once(|| {
        let suites: Vec<String> = RELIABILITY_SUITES
            .iter()
            .map(|(name, takes)| format!("{name}:: ({takes})"))
            .collect();
        // One write, starting on a line of its own: tests print beside it.
        let notice = format!(
            "\nnot run: the reliability suites {}; CI runs them, and so does\n    \
             {RELIABILITY_VAR}=1 cargo test --test behaviour [SUITE::]\n",
            suites.join(", ")
        );
        use std::io::Write;
        let _ = std::io::stderr().write_all(notice.as_bytes());
    });
    false
}

/// The demo's year (`lovefund demo`: several hundred donations and disbursements, a
/// reversal, a void and a reissue, December's reconciliation) with 2022 then closed by
/// user `tester`: a ledger like a real one, in a fresh temp directory.
pub fn demo_ledger() -> Ledger {
    let ledger = Ledger::empty();
    let out = ledger.dir.path().join("demo");
    ledger
        .run(&["demo", "--out", out.to_str().expect("utf-8 path")])
        .success();
    // The demo's files stay beside the ledger; the ledger itself becomes fund.db.
    let conn = rusqlite::Connection::open(out.join("demo.db")).expect("open the demo");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    drop(conn);
    std::fs::rename(out.join("demo.db"), &ledger.db).expect("move the demo ledger");
    for suffix in ["-wal", "-shm"] {
        let mut name = out.join("demo.db").into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
    ledger.run(&["close", "--year", "2022"]).success();
    ledger
}
