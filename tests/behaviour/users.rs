//! Users, roles and two-person review (issue 17 §1): a ledger without users works as
//! before; once it has users every command signs one in, a wrong password waits and
//! writes nothing, an auditor cannot write, a preparer cannot approve their own
//! entry, and `close --year` waits for review.

use crate::common;

use common::Ledger;
use std::time::{Duration, Instant};

const TREASURER: (&str, &str) = ("王司库", "treasurer-pass");
const REVIEWER: (&str, &str) = ("李审核", "reviewer-pass");
const AUDITOR: (&str, &str) = ("赵审计", "auditor-pass1");

/// The binary signed in as `user` with `password`, in zh-Hans.
fn as_user(l: &Ledger, (user, password): (&str, &str)) -> assert_cmd::Command {
    let mut cmd = l.cmd();
    cmd.env("LOVEFUND_USER", user)
        .env("LOVEFUND_PASSWORD", password)
        .args(["--lang", "zh-Hans"]);
    cmd
}

fn run_as(l: &Ledger, who: (&str, &str), args: &[&str]) -> assert_cmd::assert::Assert {
    as_user(l, who).args(args).assert()
}

fn stdout_as(l: &Ledger, who: (&str, &str), args: &[&str]) -> String {
    let out = run_as(l, who, args).success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn refused_as(l: &Ledger, who: (&str, &str), args: &[&str]) -> String {
    let out = run_as(l, who, args).code(1).get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}

/// Adds a user as `by` (None: on a ledger without users yet), the password on stdin.
fn add_user(
    l: &Ledger,
    by: Option<(&str, &str)>,
    (name, password): (&str, &str),
    role: &str,
) -> String {
    let mut cmd = match by {
        Some(who) => as_user(l, who),
        None => {
            let mut cmd = l.cmd();
            cmd.args(["--lang", "zh-Hans"]);
            cmd
        }
    };
    let out = cmd
        .args(["user", "add", name, "--role", role, "--password-stdin"])
        .write_stdin(format!("{password}\n"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// A ledger with two donations recorded by the OS user "tester" before there were
/// users, then a treasurer, a reviewer and an auditor.
fn ledger_with_users() -> (Ledger, String) {
    let l = Ledger::new();
    l.donate("2022-03-01", "100.00");
    l.donate("2022-04-01", "50.00");
    l.run(&["donor", "add", "张三"]).success();
    let first = add_user(&l, None, TREASURER, "treasurer");
    add_user(&l, Some(TREASURER), REVIEWER, "reviewer");
    add_user(&l, Some(TREASURER), AUDITOR, "auditor");
    (l, first)
}

fn recovery_code(printed: &str) -> String {
    printed
        .lines()
        .find_map(|l| l.strip_prefix("恢复码："))
        .expect("a recovery code is printed")
        .trim()
        .to_string()
}

#[test]
fn a_ledger_without_users_works_as_before_and_cannot_approve() {
    let l = Ledger::new();
    l.donate("2022-03-01", "100.00");
    l.run(&["balance"]).success();
    let said = l.refused(&["--lang", "zh-Hans", "entry", "approve", "1"]);
    assert!(said.contains("还没有用户"), "{said}");
    assert!(
        l.stdout(&["--lang", "zh-Hans", "user", "list"])
            .contains("还没有用户")
    );
    // No review marks where nobody can review.
    let shown = l.stdout(&["--lang", "zh-Hans", "show", "1"]);
    assert!(!shown.contains("审核"), "{shown}");
    assert!(l.json(&["show", "1"]).get("review").is_none());
}

#[test]
fn the_first_user_is_a_treasurer_and_gets_a_recovery_code() {
    let l = Ledger::new();
    let before = l.fingerprint();
    let said = l
        .cmd()
        .args([
            "--lang",
            "zh-Hans",
            "user",
            "add",
            "李审核",
            "--role",
            "reviewer",
            "--password-stdin",
        ])
        .write_stdin("reviewer-pass\n")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8(said)
            .unwrap()
            .contains("第一位用户必须是司库")
    );
    assert_eq!(l.fingerprint(), before);
    let short = l
        .cmd()
        .args([
            "--lang",
            "zh-Hans",
            "user",
            "add",
            "王司库",
            "--role",
            "treasurer",
            "--password-stdin",
        ])
        .write_stdin("short\n")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8(short)
            .unwrap()
            .contains("至少要 8 个字符")
    );
    assert_eq!(l.fingerprint(), before);

    let printed = add_user(&l, None, TREASURER, "treasurer");
    assert!(printed.contains("已加入用户 王司库（司库）"), "{printed}");
    let code = recovery_code(&printed);
    assert_eq!(code.len(), 23, "{code}");
    // The second user gets no code.
    let second = add_user(&l, Some(TREASURER), REVIEWER, "reviewer");
    assert!(!second.contains("恢复码"), "{second}");
    let list = stdout_as(&l, TREASURER, &["user", "list"]);
    assert!(list.contains("王司库") && list.contains("审核人"), "{list}");
}

#[test]
fn once_there_are_users_every_command_signs_in_and_a_wrong_password_writes_nothing() {
    let (l, _) = ledger_with_users();
    let before = l.fingerprint();
    // No password anywhere and no terminal: refused, naming LOVEFUND_PASSWORD.
    let out = l
        .cmd()
        .env_remove("LOVEFUND_PASSWORD")
        .args(["--lang", "zh-Hans", "balance"])
        .assert()
        .code(1);
    let said = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(said.contains("LOVEFUND_PASSWORD"), "{said}");
    // --read-only signs in too.
    let said = refused_as(
        &l,
        (TREASURER.0, "wrong-password"),
        &["--read-only", "balance"],
    );
    assert!(said.contains("用户“王司库”或密码不对"), "{said}");
    // A wrong password waits two seconds, exits 1 and writes nothing.
    let started = Instant::now();
    let said = refused_as(
        &l,
        (TREASURER.0, "wrong-password"),
        &[
            "donate",
            "--donor",
            "张三",
            "--amount",
            "5",
            "--date",
            "2022-05-01",
            "--method",
            "cash",
        ],
    );
    assert!(started.elapsed() >= Duration::from_secs(2));
    assert!(said.contains("密码不对"), "{said}");
    // An unknown user gets the same sentence.
    let said = refused_as(&l, ("nobody", "whatever-pass"), &["balance"]);
    assert!(said.contains("用户“nobody”或密码不对"), "{said}");
    assert_eq!(l.fingerprint(), before);
    run_as(&l, TREASURER, &["balance"]).success();
    run_as(&l, AUDITOR, &["--read-only", "balance"]).success();
}

#[test]
fn an_auditor_reads_and_cannot_write() {
    let (l, _) = ledger_with_users();
    let before = l.fingerprint();
    for args in [
        &["donor", "add", "新捐赠人"][..],
        &[
            "donate",
            "--donor",
            "1",
            "--amount",
            "5",
            "--date",
            "2022-05-01",
            "--method",
            "cash",
        ],
        &["reverse", "1", "--reason", "重复"],
        &["config", "set", "close.require-review", "no"],
        &[
            "user",
            "add",
            "钱出纳",
            "--role",
            "treasurer",
            "--password-stdin",
        ],
        &["entry", "approve", "1"],
        &["backup", "copy.db", "--with-signing-key"],
    ] {
        let said = refused_as(&l, AUDITOR, args);
        assert!(said.contains("赵审计 是审计，不能"), "{args:?}: {said}");
        assert!(said.contains("账本没有改动"), "{said}");
    }
    assert_eq!(l.fingerprint(), before);
    assert!(!l.dir.path().join("copy.db").exists());
    // An auditor's own copy leaves the signing key out.
    stdout_as(&l, AUDITOR, &["backup", "copy.db"]);
    stdout_as(&l, AUDITOR, &["report", "activities", "--year", "2022"]);
    stdout_as(&l, AUDITOR, &["verify"]);
    // A reviewer cannot record either.
    let said = refused_as(&l, REVIEWER, &["donor", "add", "新捐赠人"]);
    assert!(said.contains("李审核 是审核人，不能更改账本"), "{said}");
    assert_eq!(l.fingerprint(), before);
}

#[test]
fn a_reviewer_approves_what_others_prepared_and_never_their_own() {
    let (l, _) = ledger_with_users();
    // Entry 3 is the treasurer's; entries 1 and 2 are "tester"'s, from before users.
    run_as(
        &l,
        TREASURER,
        &[
            "donate",
            "--donor",
            "1",
            "--amount",
            "20",
            "--date",
            "2022-05-01",
            "--method",
            "cash",
        ],
    )
    .success();
    // A treasurer cannot approve: only reviewers review.
    let said = refused_as(&l, TREASURER, &["entry", "approve", "3"]);
    assert!(said.contains("只有审核人可以"), "{said}");
    // The treasurer becomes a reviewer too late to review what they prepared.
    add_user(&l, Some(TREASURER), ("钱出纳", "cashier-pass"), "treasurer");
    run_as(
        &l,
        ("钱出纳", "cashier-pass"),
        &["user", "role", "王司库", "reviewer"],
    )
    .success();
    let before = l.fingerprint();
    let said = refused_as(&l, TREASURER, &["entry", "approve", "1", "3"]);
    assert!(
        said.contains("凭证 3 是 王司库 自己制单的，不能自己审核"),
        "{said}"
    );
    // All or nothing: entry 1 was not approved either.
    assert_eq!(l.fingerprint(), before);

    let done = stdout_as(
        &l,
        REVIEWER,
        &["entry", "approve", "1", "3", "--note", "核对无误"],
    );
    assert!(done.contains("已审核凭证 1、3（审核人 李审核）"), "{done}");
    let again = refused_as(&l, REVIEWER, &["entry", "approve", "3"]);
    assert!(again.contains("审核结果不能更改"), "{again}");
    let shown = stdout_as(&l, REVIEWER, &["show", "3"]);
    assert!(shown.contains("审核: 已审核（李审核"), "{shown}");
    assert!(shown.contains("审核意见: 核对无误"), "{shown}");
    assert!(stdout_as(&l, REVIEWER, &["show", "2"]).contains("审核: 未审核"));

    // A rejection needs a reason, and its entry is marked.
    let said = refused_as(&l, REVIEWER, &["entry", "reject", "2", "--reason", " "]);
    assert!(said.contains("退回凭证要写明原因"), "{said}");
    stdout_as(
        &l,
        REVIEWER,
        &["entry", "reject", "2", "--reason", "金额与银行回单不符"],
    );
    let register = stdout_as(&l, REVIEWER, &["register", "--account", "1002"]);
    assert!(register.contains("（退回）"), "{register}");
    let json: serde_json::Value = serde_json::from_slice(
        &run_as(&l, REVIEWER, &["--json", "register", "--account", "1002"])
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{json}");
    assert!(rows[0].get("unreviewed").is_none() && rows[0].get("rejected").is_none());
    assert_eq!(rows[1]["rejected"], true, "{json}");

    // The receipt names its reviewer once approved.
    let receipts: serde_json::Value = serde_json::from_slice(
        &run_as(&l, REVIEWER, &["--json", "receipt", "list"])
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    let text = receipts.to_string();
    assert!(text.contains("\"reviewer\":\"李审核\""), "{text}");
    // Nothing waits now but nothing: entry pending lists none.
    let pending = stdout_as(&l, REVIEWER, &["entry", "pending"]);
    assert!(pending.contains("共 0 张凭证待审核"), "{pending}");
    stdout_as(&l, AUDITOR, &["verify"]);
}

#[test]
fn closing_waits_for_review_unless_the_fund_turns_it_off() {
    let (l, _) = ledger_with_users();
    let before = l.fingerprint();
    let said = refused_as(&l, TREASURER, &["close", "--year", "2022"]);
    assert!(
        said.contains("2022 年还有 2 张凭证未审核（1、2）"),
        "{said}"
    );
    assert!(said.contains("close.require-review no"), "{said}");
    assert_eq!(l.fingerprint(), before);
    let statement = stdout_as(&l, AUDITOR, &["report", "activities", "--year", "2022"]);
    assert!(statement.contains("含未审核凭证 2 张"), "{statement}");
    let summary = stdout_as(&l, AUDITOR, &["summary", "--year", "2022"]);
    assert!(summary.contains("含未审核凭证 2 张"), "{summary}");
    stdout_as(&l, REVIEWER, &["entry", "approve", "1", "2"]);
    let statement = stdout_as(&l, AUDITOR, &["report", "activities", "--year", "2022"]);
    assert!(!statement.contains("未审核"), "{statement}");
    run_as(&l, TREASURER, &["close", "--year", "2022"]).success();

    // A one-person fund turns the wait off.
    let (l, _) = ledger_with_users();
    run_as(
        &l,
        TREASURER,
        &["config", "set", "close.require-review", "no"],
    )
    .success();
    run_as(&l, TREASURER, &["close", "--year", "2022"]).success();
}

#[test]
fn treasurers_manage_users_and_the_last_one_stays() {
    let (l, _) = ledger_with_users();
    let before = l.fingerprint();
    let said = refused_as(&l, TREASURER, &["user", "disable", "王司库"]);
    assert!(said.contains("最后一位在用的司库"), "{said}");
    let said = refused_as(&l, TREASURER, &["user", "role", "王司库", "auditor"]);
    assert!(said.contains("最后一位在用的司库"), "{said}");
    let said = refused_as(&l, REVIEWER, &["user", "disable", "赵审计"]);
    assert!(said.contains("不能管理用户"), "{said}");
    let said = refused_as(&l, TREASURER, &["user", "disable", "无此人"]);
    assert!(said.contains("没有用户“无此人”"), "{said}");
    assert_eq!(l.fingerprint(), before);

    stdout_as(&l, TREASURER, &["user", "disable", "赵审计"]);
    let said = refused_as(&l, AUDITOR, &["balance"]);
    assert!(said.contains("已被停用"), "{said}");
    stdout_as(&l, TREASURER, &["user", "enable", "赵审计"]);
    run_as(&l, AUDITOR, &["balance"]).success();

    // A reset password replaces the old one; so does one's own change.
    as_user(&l, TREASURER)
        .args(["user", "reset", "赵审计", "--password-stdin"])
        .write_stdin("auditor-pass2\n")
        .assert()
        .success();
    run_as(&l, AUDITOR, &["balance"]).code(1);
    run_as(&l, ("赵审计", "auditor-pass2"), &["balance"]).success();
    as_user(&l, ("赵审计", "auditor-pass2"))
        .args(["user", "passwd", "--password-stdin"])
        .write_stdin("auditor-pass3\n")
        .assert()
        .success();
    run_as(&l, ("赵审计", "auditor-pass3"), &["balance"]).success();
    let list = stdout_as(&l, TREASURER, &["user", "list"]);
    assert!(list.contains("赵审计  审计    在用"), "{list}");
}

#[test]
fn the_recovery_code_resets_a_treasurers_password_once() {
    let (l, first) = ledger_with_users();
    let code = recovery_code(&first);
    let before = l.fingerprint();
    let wrong = l
        .cmd()
        .args([
            "--lang",
            "zh-Hans",
            "user",
            "recover",
            "王司库",
            "--code",
            "AAAAA-AAAAA-AAAAA-AAAAA",
            "--password-stdin",
        ])
        .write_stdin("brand-new-pass\n")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(wrong).unwrap().contains("--code不对"));
    let not_treasurer = l
        .cmd()
        .args([
            "--lang",
            "zh-Hans",
            "user",
            "recover",
            "李审核",
            "--code",
            &code,
            "--password-stdin",
        ])
        .write_stdin("brand-new-pass\n")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8(not_treasurer)
            .unwrap()
            .contains("不是司库")
    );
    assert_eq!(l.fingerprint(), before);

    // Typed in lower case with spaces, it still reads.
    let typed = code.to_lowercase().replace('-', " ");
    let out = l
        .cmd()
        .args([
            "--lang",
            "zh-Hans",
            "user",
            "recover",
            "王司库",
            "--code",
            &typed,
            "--password-stdin",
        ])
        .write_stdin("brand-new-pass\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let next = recovery_code(&out);
    assert_ne!(next, code);
    run_as(&l, TREASURER, &["balance"]).code(1);
    run_as(&l, (TREASURER.0, "brand-new-pass"), &["balance"]).success();
    // The old code is used up.
    l.cmd()
        .args([
            "user",
            "recover",
            "王司库",
            "--code",
            &code,
            "--password-stdin",
        ])
        .write_stdin("another-new-pass\n")
        .assert()
        .code(1);
}

#[test]
fn user_records_are_chained_and_a_swapped_password_hash_is_found() {
    let (l, _) = ledger_with_users();
    stdout_as(&l, REVIEWER, &["entry", "approve", "1"]);
    stdout_as(&l, AUDITOR, &["verify"]);
    {
        let conn = l.raw();
        // Someone with the file swaps the auditor's hash for the treasurer's.
        conn.execute_batch("DROP TRIGGER user_records_no_update")
            .unwrap();
        conn.execute(
            "UPDATE user_records SET password_hash =
                 (SELECT password_hash FROM user_records WHERE name = ?1 AND event = 'add')
             WHERE name = ?2 AND event = 'add'",
            ["王司库", "赵审计"],
        )
        .unwrap();
    }
    let said = run_as(&l, (AUDITOR.0, TREASURER.1), &["verify"])
        .code(1)
        .get_output()
        .stdout
        .clone();
    let said = String::from_utf8(said).unwrap();
    assert!(said.contains("user_records"), "{said}");
}

#[test]
fn an_auditor_packs_the_year_and_checks_it_without_signing_in() {
    let (l, _) = ledger_with_users();
    stdout_as(&l, REVIEWER, &["entry", "approve", "1", "2"]);
    let keys = stdout_as(&l, AUDITOR, &["key", "show"]);
    std::fs::write(l.dir.path().join("keys.txt"), keys).unwrap();
    stdout_as(
        &l,
        AUDITOR,
        &["audit-pack", "--year", "2022", "--out", "pack.zip"],
    );
    // A machine without the ledger and without a password checks it.
    let out = l
        .cmd()
        .env_remove("LOVEFUND_PASSWORD")
        .env_remove("LOVEFUND_DB")
        .args([
            "--lang",
            "zh-Hans",
            "audit-pack",
            "verify",
            "pack.zip",
            "--keyfile",
            "keys.txt",
        ])
        .assert()
        .success();
    assert!(!out.get_output().stdout.is_empty());
}

#[test]
fn verify_reviews_finds_a_review_by_the_preparer_or_by_no_reviewer() {
    let (l, _) = ledger_with_users();
    stdout_as(&l, REVIEWER, &["entry", "approve", "1"]);
    stdout_as(&l, AUDITOR, &["verify", "reviews"]);
    // Rows written around lovefund: entry 2 "approved" by its own preparer, and a
    // review of an entry that does not exist by the auditor.
    l.raw()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO approvals VALUES (2, 'approved', NULL, 'tester', '2026-01-01T00:00:00Z');
             INSERT INTO approvals VALUES (99, 'approved', NULL, '赵审计', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    let out = run_as(&l, AUDITOR, &["--json", "verify", "reviews"]).code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("review-by-preparer"), "{text}");
    assert!(text.contains("review-of-no-entry"), "{text}");
    let said = String::from_utf8(
        run_as(&l, AUDITOR, &["verify", "reviews"])
            .code(1)
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(said.contains("凭证 2 由制单人 tester 自己审核"), "{said}");
}
