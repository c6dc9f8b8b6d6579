//! Output over the ledger (issue 14, item 1): every command that writes a file goes
//! through one output guard. It refuses the ledger, its -wal/-shm/-journal and any
//! symbolic or hard link to them, writes through a temporary file renamed into place,
//! and replaces an existing file only with `--force`.

use crate::common;

use common::Ledger;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// A ledger with one gift of 2022 from 王芳, so every document has something in it.
fn ledger_with_a_gift() -> Ledger {
    let ledger = Ledger::new();
    ledger.run(&["donor", "add", "王芳"]).success();
    ledger
        .run(&[
            "donate",
            "--donor",
            "王芳",
            "--amount",
            "500",
            "--date",
            "2022-03-01",
            "--fund",
            "助學",
            "--method",
            "bank",
        ])
        .success();
    ledger
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// The ledger's bytes (with its WAL) and mode, to compare after a refused write.
fn state(ledger: &Ledger) -> (String, u32) {
    (ledger.fingerprint(), mode(&ledger.db))
}

#[test]
fn summary_and_statement_pdfs_over_the_ledger_are_refused_even_read_only() {
    let ledger = ledger_with_a_gift();
    let db = ledger.db.to_str().expect("utf-8 path").to_string();
    let before = state(&ledger);
    assert_eq!(before.1, 0o600);
    for read_only in [false, true] {
        let mut summary = vec!["summary", "--year", "2022", "--pdf", &db];
        let mut statement = vec![
            "report",
            "donors",
            "--year",
            "2022",
            "--statement",
            "王芳",
            "--pdf",
            &db,
        ];
        if read_only {
            summary.push("--read-only");
            statement.push("--read-only");
        }
        for args in [&summary, &statement] {
            let stderr = ledger.refused(args);
            assert!(stderr.contains("--pdf"), "{args:?}: {stderr}");
            assert_eq!(state(&ledger), before, "{args:?} changed the ledger");
        }
    }
    ledger.run(&["verify"]).success();
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// The commands that write one named file, each writing to `target`.
fn writers(target: &str) -> Vec<Vec<String>> {
    let commands: [&[&str]; 4] = [
        &["summary", "--year", "2022", "--pdf", target],
        &[
            "report",
            "donors",
            "--year",
            "2022",
            "--statement",
            "王芳",
            "--pdf",
            target,
        ],
        &["export", "--format", "json", "--out", target],
        &["backup", target],
    ];
    commands
        .iter()
        .map(|c| c.iter().map(|s| s.to_string()).collect())
        .collect()
}

/// The flag each writer names its file by, as a refusal says it.
fn flag_of(args: &[String]) -> &'static str {
    match args[0].as_str() {
        "export" => "--out",
        "backup" => "PATH",
        _ => "--pdf",
    }
}

#[test]
fn the_ledger_its_companions_and_links_to_it_are_refused_as_output_by_every_writer() {
    let ledger = ledger_with_a_gift();
    let dir = ledger.dir.path();
    let symlink = dir.join("link.pdf");
    let hard_link = dir.join("hard.pdf");
    std::os::unix::fs::symlink(&ledger.db, &symlink).expect("symlink");
    std::fs::hard_link(&ledger.db, &hard_link).expect("hard link");
    let wal = common::wal_path(&ledger.db);
    let targets = [ledger.db.clone(), wal, symlink, hard_link];
    let before = state(&ledger);
    for target in &targets {
        for args in writers(text(target)) {
            for extra in [&[][..], &["--force"], &["--read-only"]] {
                let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
                all.extend_from_slice(extra);
                let stderr = ledger.refused_en(&all);
                assert!(
                    stderr.contains(flag_of(&args)) && stderr.contains("ledger"),
                    "{all:?}: {stderr}"
                );
                assert_eq!(state(&ledger), before, "{all:?} changed the ledger");
            }
        }
    }
    ledger.run(&["verify"]).success();
}

#[test]
fn receipt_print_refuses_a_receipt_file_that_is_the_ledger_or_a_link_to_it() {
    // A ledger whose file name is a receipt's: printing into its folder would replace it.
    let dir = tempfile::tempdir().expect("temp dir");
    let ledger = Ledger {
        db: dir.path().join("2022-000001.pdf"),
        dir,
    };
    ledger.run(&["init", "--name", "測試愛心基金"]).success();
    ledger.run(&["donor", "add", "王芳"]).success();
    ledger
        .run(&[
            "donate",
            "--donor",
            "王芳",
            "--amount",
            "500",
            "--date",
            "2022-03-01",
            "--fund",
            "助學",
            "--method",
            "bank",
        ])
        .success();
    let links = ledger.dir.path().join("links");
    std::fs::create_dir(&links).expect("a folder");
    let hard = ledger.dir.path().join("hard");
    std::fs::create_dir(&hard).expect("a folder");
    std::os::unix::fs::symlink(&ledger.db, links.join("2022-000001.pdf")).expect("symlink");
    std::fs::hard_link(&ledger.db, hard.join("2022-000001.pdf")).expect("hard link");
    let before = state(&ledger);
    for folder in [ledger.dir.path(), &links, &hard] {
        for force in [false, true] {
            let mut args = vec!["receipt", "print", "2022-000001", "--out", text(folder)];
            if force {
                args.push("--force");
            }
            let stderr = ledger.refused_en(&args);
            assert!(stderr.contains("--out"), "{args:?}: {stderr}");
            assert_eq!(state(&ledger), before, "{args:?} changed the ledger");
        }
    }
    ledger.run(&["verify"]).success();
}

#[test]
fn receipts_may_go_to_the_ledgers_own_folder() {
    let ledger = ledger_with_a_gift();
    let folder = ledger.dir.path();
    ledger
        .run(&["receipt", "print", "--year", "2022", "--out", text(folder)])
        .success();
    let pdf = std::fs::read(folder.join("2022-000001.pdf")).expect("the receipt");
    assert!(pdf.starts_with(b"%PDF-"));
    ledger.run(&["verify"]).success();
}

#[test]
fn an_existing_output_is_refused_without_force_and_replaced_with_it() {
    let ledger = ledger_with_a_gift();
    let dir = ledger.dir.path();
    let receipts = dir.join("receipts");
    std::fs::create_dir(&receipts).expect("a folder");
    let receipt = receipts.join("2022-000001.pdf");
    let print: Vec<String> = ["receipt", "print", "2022-000001", "--out", text(&receipts)]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let mut cases: Vec<(Vec<String>, std::path::PathBuf)> = Vec::new();
    for (n, args) in writers("").into_iter().enumerate() {
        let target = dir.join(format!("existing-{n}"));
        let args = args
            .into_iter()
            .map(|a| {
                if a.is_empty() {
                    text(&target).to_string()
                } else {
                    a
                }
            })
            .collect();
        cases.push((args, target));
    }
    cases.push((print, receipt));
    for (args, target) in cases {
        std::fs::write(&target, b"someone's file").expect("write");
        let all: Vec<&str> = args.iter().map(String::as_str).collect();
        let stderr = ledger.refused_en(&all);
        assert!(
            stderr.contains("already exists") && stderr.contains("--force"),
            "{all:?}: {stderr}"
        );
        assert_eq!(std::fs::read(&target).expect("kept"), b"someone's file");
        let mut forced = all.clone();
        forced.push("--force");
        ledger.run(&forced).success();
        let replaced = std::fs::read(&target).expect("replaced");
        assert_ne!(replaced, b"someone's file", "{forced:?}");
        assert_eq!(mode(&target), 0o600, "{forced:?}");
    }
    // No temporary file is left beside any of them.
    for folder in [dir, &receipts] {
        for entry in std::fs::read_dir(folder).expect("a folder") {
            let name = entry.expect("an entry").file_name();
            assert!(!name.to_string_lossy().ends_with(".tmp"), "{name:?} left");
        }
    }
    ledger.run(&["verify"]).success();
}

#[test]
fn a_killed_export_leaves_the_old_file_or_the_whole_new_one() {
    let ledger = Ledger::new();
    let mut csv = String::from(
        "date,kind,counterparty,counterparty_type,program,amount,method,reference,memo\n",
    );
    for i in 0..4000 {
        csv.push_str(&format!(
            "2022-03-01,donation,捐贈人{},person,助學,{}.00,bank,R-{i:05},第 {i} 筆\n",
            i % 300,
            100 + i % 50
        ));
    }
    let sheet = ledger.dir.path().join("gifts.csv");
    std::fs::write(&sheet, csv).expect("write the sheet");
    ledger.run(&["import", text(&sheet)]).success();
    let whole = ledger.dir.path().join("whole.json");
    let started = std::time::Instant::now();
    ledger
        .run(&["export", "--format", "json", "--out", text(&whole)])
        .success();
    let length = started.elapsed();
    let whole = std::fs::read(&whole).expect("the whole export");
    let target = ledger.dir.path().join("export.json");
    let mut killed_early = 0;
    for kill in 0..12u32 {
        std::fs::write(&target, b"the old export").expect("write");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("lovefund"))
            .current_dir(ledger.dir.path())
            .env("LOVEFUND_DB", &ledger.db)
            .env("LOVEFUND_USER", "tester")
            .args([
                "export",
                "--format",
                "json",
                "--force",
                "--out",
                text(&target),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn export");
        std::thread::sleep(length * kill / 10);
        if child.try_wait().expect("wait").is_none() {
            killed_early += 1;
        }
        let _ = child.kill(); // SIGKILL
        child.wait().expect("reap");
        let now = std::fs::read(&target).expect("the target is never removed");
        assert!(
            now == b"the old export" || now == whole,
            "kill {kill}: a half file of {} bytes",
            now.len()
        );
    }
    assert!(killed_early > 0, "no export was killed while it ran");
}

#[test]
fn the_demo_keeps_a_receipts_folder_and_a_summary_it_did_not_make() {
    let ledger = Ledger::empty();
    let demo = ledger.dir.path().join("demo");
    let receipts = demo.join("receipts");
    std::fs::create_dir_all(&receipts).expect("a folder");
    std::fs::write(receipts.join("note.txt"), b"mine").expect("write");
    let stderr = ledger.refused(&["--lang", "en", "demo", "--out", text(&demo)]);
    assert!(
        stderr.contains("receipts") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(receipts.join("note.txt")).expect("kept"),
        b"mine"
    );
    assert!(!demo.join("demo.db").exists(), "nothing was written");

    // A summary of one's own in the folder is refused too, and kept.
    let other = ledger.dir.path().join("other");
    std::fs::create_dir_all(&other).expect("a folder");
    std::fs::write(other.join("summary-2022.pdf"), b"my summary").expect("write");
    let stderr = ledger.refused(&["--lang", "en", "demo", "--out", text(&other)]);
    assert!(stderr.contains("summary-2022.pdf"), "{stderr}");
    assert_eq!(
        std::fs::read(other.join("summary-2022.pdf")).expect("kept"),
        b"my summary"
    );

    // With --force the demo writes into the folder but never removes it or its files.
    ledger
        .run(&["demo", "--out", text(&demo), "--force"])
        .success();
    assert_eq!(
        std::fs::read(receipts.join("note.txt")).expect("kept"),
        b"mine"
    );
    assert!(receipts.join("2022-000001.pdf").exists());
    // A rerun replaces the files of its manifest; the folder is still not its own.
    ledger
        .run(&["demo", "--out", text(&demo), "--force"])
        .success();
    assert_eq!(
        std::fs::read(receipts.join("note.txt")).expect("kept"),
        b"mine"
    );
}

#[test]
fn the_demo_reruns_over_its_own_files_and_refuses_a_foreign_ledger() {
    let ledger = Ledger::empty();
    let demo = ledger.dir.path().join("demo");
    ledger.run(&["demo", "--out", text(&demo)]).success();
    let manifest = std::fs::read_to_string(demo.join(".lovefund-demo-manifest")).expect("manifest");
    assert!(manifest.lines().any(|l| l == "receipts"), "{manifest}");
    ledger.run(&["demo", "--out", text(&demo)]).success();

    // A demo.db the demo did not make may be someone's ledger: never replaced.
    let other = ledger.dir.path().join("other");
    std::fs::create_dir_all(&other).expect("a folder");
    std::fs::write(other.join("demo.db"), b"a ledger").expect("write");
    let stderr = ledger.refused(&["--lang", "en", "demo", "--out", text(&other), "--force"]);
    assert!(stderr.contains("demo.db"), "{stderr}");
    assert_eq!(
        std::fs::read(other.join("demo.db")).expect("kept"),
        b"a ledger"
    );
}

#[test]
fn a_forced_backup_never_replaces_a_database_with_a_wal_or_journal_beside_it() {
    let ledger = ledger_with_a_gift();
    let copy = ledger.dir.path().join("copy.db");
    ledger.run(&["backup", text(&copy)]).success();
    for suffix in ["-wal", "-journal"] {
        let side = ledger.dir.path().join(format!("copy.db{suffix}"));
        std::fs::write(&side, b"pages").expect("write");
        let stderr = ledger.refused(&["--lang", "en", "backup", text(&copy), "--force"]);
        assert!(stderr.contains(&format!("copy.db{suffix}")), "{stderr}");
        std::fs::remove_file(&side).expect("remove");
    }
    ledger.run(&["backup", text(&copy), "--force"]).success();
    ledger
        .cmd()
        .args(["--db", text(&copy), "--read-only", "verify"])
        .assert()
        .success();
}
