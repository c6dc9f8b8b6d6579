//! Disk full and read-only media (RELIABILITY.md, item 7).
//!
//! - An import onto a filesystem that runs out of space fails with one clear sentence
//!   ("存放帳本的磁碟已滿 …" in the ledger's language, never a raw SQLite message) and leaves the ledger file
//!   byte for byte as it was; the ledger works again once there is room. The full disk
//!   is a 1 MiB tmpfs mounted for the test, which needs root (CI runs as root); where
//!   mounting is not possible the test skips with a message, unless
//!   LOVEFUND_TEST_TOOLS=1 says it must run.
//! - The same import under a file-size limit (`ulimit -f`, with SIGXFSZ ignored so the
//!   write fails instead of killing the process) fails the same way; this runs
//!   anywhere.
//! - A backup copy opens `--read-only` from read-only media: a tmpfs remounted
//!   read-only (as root), else a directory and file without write permission. Every
//!   report and check works there; a change is refused with one clear sentence.

use crate::common;

use common::{Ledger, tools_required};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A tmpfs mounted on a fresh directory for the life of the value.
struct Mount {
    point: PathBuf,
}

impl Mount {
    /// Mounts a tmpfs of `size` (as `mount -o size=` takes it) on `point`, or says why not.
    fn tmpfs(point: &Path, size: &str) -> Result<Mount, String> {
        std::fs::create_dir_all(point).map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(point)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(Mount {
            point: point.to_path_buf(),
        })
    }

    fn remount_read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.point)
            .status()
            .expect("run mount");
        assert!(
            status.success(),
            "remount {} read-only",
            self.point.display()
        );
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.point).status();
    }
}

/// Mounts a tmpfs, or returns None after saying why the test is skipped.
fn tmpfs_or_skip(point: &Path, size: &str) -> Option<Mount> {
    match Mount::tmpfs(point, size) {
        Ok(mount) => Some(mount),
        Err(why) => {
            assert!(
                !tools_required(),
                "a tmpfs is required (LOVEFUND_TEST_TOOLS is set; run as root): {why}"
            );
            eprintln!("skipped: cannot mount a tmpfs here (run as root): {why}");
            None
        }
    }
}

/// An import CSV of `lines` donations with references PREFIX-n.
fn donations_csv(lines: usize, prefix: &str) -> String {
    let mut csv = String::from(
        "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n",
    );
    for i in 0..lines {
        csv.push_str(&format!(
            "2023-03-{:02},donation,捐贈人{},person,助學,{}.25,bank,{prefix}-{i:06},第{i}筆捐款的備註\n",
            1 + i % 28,
            i % 300,
            100 + i % 900
        ));
    }
    csv
}

/// A ledger at `db` holding 100 donations (so its identity key and donors exist).
fn small_ledger(dir: &Path, db: &Path) -> Ledger {
    let ledger = Ledger {
        dir: tempfile::tempdir_in(std::env::temp_dir()).expect("temp dir"),
        db: db.to_path_buf(),
    };
    ledger.run(&["init", "--name", "測試愛心基金"]).success();
    let csv = dir.join("first.csv");
    std::fs::write(&csv, donations_csv(100, "FIRST")).expect("write csv");
    ledger
        .run(&["import", csv.to_str().expect("path")])
        .success();
    ledger
}

/// The stderr of a refused import: one line, the disk-full sentence, no SQLite words.
fn assert_clear_disk_full_message(stderr: &str) {
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // The ledger's language (zh-Hant): 存放帳本的磁碟已滿 …
    assert!(stderr.contains("磁碟已滿"), "{stderr}");
    assert!(
        !stderr.contains("database or disk") && !stderr.contains("SQLite"),
        "{stderr}"
    );
}

/// Entries and the verify verdict.
fn verified_entries(ledger: &Ledger) -> u64 {
    let report = ledger.json(&["verify"]);
    assert_eq!(report["passed"], true, "{report}");
    report["entries"].as_u64().expect("entries")
}

#[test]
fn an_import_onto_a_full_disk_fails_clearly_and_leaves_the_ledger_as_it_was() {
    let outside = tempfile::tempdir().expect("temp dir");
    let Some(mount) = tmpfs_or_skip(&outside.path().join("small-disk"), "1m") else {
        return;
    };
    let ledger = small_ledger(outside.path(), &mount.point.join("fund.db"));
    let before = ledger.fingerprint();
    let big = outside.path().join("big.csv");
    std::fs::write(&big, donations_csv(20_000, "BIG")).expect("write csv");

    let out = ledger.run(&["import", big.to_str().expect("path")]).code(1);
    assert_clear_disk_full_message(&String::from_utf8_lossy(&out.get_output().stderr));
    assert_eq!(ledger.fingerprint(), before, "the ledger changed");
    assert_eq!(verified_entries(&ledger), 100);

    // With room again (a smaller import fits), the ledger carries on.
    let more = outside.path().join("more.csv");
    std::fs::write(&more, donations_csv(50, "MORE")).expect("write csv");
    ledger
        .run(&["import", more.to_str().expect("path")])
        .success();
    assert_eq!(verified_entries(&ledger), 150);
}

#[test]
fn an_import_past_the_file_size_limit_fails_clearly_and_leaves_the_ledger_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ledger = small_ledger(dir.path(), &dir.path().join("fund.db"));
    let before = ledger.fingerprint();
    let big = dir.path().join("big.csv");
    std::fs::write(&big, donations_csv(20_000, "BIG")).expect("write csv");
    let file_size_limit_kib = (std::fs::metadata(&ledger.db).expect("size").len() / 1024) + 256;

    // sh sets the limit (in 512-byte blocks for POSIX sh, KiB for bash: both are far
    // below what 20,000 lines need) and ignores SIGXFSZ, which exec keeps ignored.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {file_size_limit_kib}; exec \"$0\" import \"$1\""
        ))
        .arg(assert_cmd::cargo::cargo_bin!("lovefund"))
        .arg(&big)
        .current_dir(ledger.dir.path())
        .env("LOVEFUND_DB", &ledger.db)
        .env("LOVEFUND_USER", "tester")
        .env_remove("LOVEFUND_LANG")
        .output()
        .expect("run import under ulimit");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_clear_disk_full_message(&String::from_utf8_lossy(&out.stderr));
    assert_eq!(ledger.fingerprint(), before, "the ledger changed");
    assert_eq!(verified_entries(&ledger), 100);
}

#[test]
fn a_backup_copy_opens_read_only_from_read_only_media() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ledger = small_ledger(dir.path(), &dir.path().join("fund.db"));
    let media = dir.path().join("media");
    // Read-only media: a tmpfs remounted read-only where mounting works (root), else
    // a directory and file without write permission (which root would ignore).
    let mount = Mount::tmpfs(&media, "4m").ok();
    let copy = media.join("audit-2023.db");
    ledger
        .run(&["backup", copy.to_str().expect("path")])
        .success();
    match &mount {
        Some(mount) => mount.remount_read_only(),
        None => {
            use std::os::unix::fs::PermissionsExt;
            let read_only = |path: &Path, mode| {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
                    .expect("chmod")
            };
            read_only(&copy, 0o400);
            read_only(&media, 0o500);
        }
    }
    if std::fs::write(media.join("probe"), b"x").is_ok() {
        // Root without the right to mount: permissions do not bind it.
        assert!(
            !tools_required(),
            "read-only media are required (LOVEFUND_TEST_TOOLS is set): cannot mount, and \
             permissions do not stop root"
        );
        eprintln!("skipped: cannot make read-only media here (root, but mount is refused)");
        return;
    }

    let auditor = |args: &[&str]| {
        let mut cmd = ledger.cmd();
        cmd.arg("--db").arg(&copy).args(args);
        cmd.assert()
    };
    let report: serde_json::Value = serde_json::from_slice(
        &auditor(&["--read-only", "--json", "verify"])
            .success()
            .get_output()
            .stdout,
    )
    .expect("verify JSON");
    assert_eq!(report["passed"], true, "{report}");
    assert_eq!(report["entries"], 100);
    for report in [
        &["--read-only", "balance"][..],
        &["--read-only", "fund", "balances"],
        &["--read-only", "report", "activities", "--year", "2023"],
        &["--read-only", "receipt", "gaps", "--year", "2023"],
    ] {
        auditor(report).success();
    }
    assert_eq!(
        std::fs::read_dir(&media).expect("list media").count(),
        1,
        "opening the copy left files beside it"
    );

    // A change is refused with one sentence, with or without --read-only.
    let donate = [
        "donate",
        "--donor",
        "捐贈人1",
        "--amount",
        "5",
        "--date",
        "2023-04-01",
    ];
    for args in [vec!["--read-only"], vec![]] {
        let mut all = args.clone();
        all.extend(donate);
        all.extend(["--method", "bank"]);
        let out = auditor(&all).code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("read-only"), "{stderr}");
        assert!(!stderr.contains("attempt to write"), "{stderr}");
    }
    drop(mount);
}
