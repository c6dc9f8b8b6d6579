//! Black-box tests of donor receipts (issue 4): numbering, PDF printing with Chinese
//! text, void and reissue, the sequence report and verification codes.

use crate::common;

use common::{Ledger, pdftotext};
use serde_json::Value;

/// A ledger with a named donor, an anonymous gift and a reissued receipt.
fn ledger_with_gifts() -> Ledger {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    l.run(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "10005",
        "--date",
        "2022-03-01",
        "--fund",
        "助學",
        "--method",
        "bank",
        "--official-receipt-no",
        "贛財0012345",
    ])
    .success();
    l.run(&[
        "donate",
        "--donor",
        "愛心人士",
        "--amount",
        "1.05",
        "--date",
        "2022-03-02",
        "--method",
        "cash",
    ])
    .success();
    l.run(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "0.50",
        "--date",
        "2022-03-03",
        "--fund",
        "扶貧",
        "--method",
        "wechat",
    ])
    .success();
    l
}

fn receipts(l: &Ledger) -> Vec<Value> {
    l.json(&["receipt", "list"]).as_array().unwrap().clone()
}

#[test]
fn a_receipt_pdf_holds_number_donor_amounts_and_code() {
    let l = ledger_with_gifts();
    let out = l.dir.path().join("pdfs");
    l.run(&[
        "receipt",
        "print",
        "2022-000001",
        "--out",
        out.to_str().unwrap(),
    ])
    .success();
    let pdf = out.join("2022-000001.pdf");
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 60 * 1024, "{size} bytes");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let code = receipts(&l)[0]["verification_code"]
        .as_str()
        .unwrap()
        .to_string();
    let Some(text) = pdftotext(&pdf) else { return };
    for expected in [
        "2022-000001",
        "李明",
        "¥10,005.00",
        "人民幣壹萬零伍元整",
        code.as_str(),
        "捐贈收據",
        "測試愛心基金",
        "贛財0012345",
        "助學",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[test]
fn receipts_print_in_the_ledgers_language_and_anonymous_gifts_say_so() {
    let l = ledger_with_gifts();
    let out = l.dir.path().join("en");
    l.run(&[
        "receipt",
        "print",
        "2022-000002",
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ])
    .success();
    let hans = l.dir.path().join("hans");
    l.run(&[
        "receipt",
        "print",
        "2022-000003",
        "--out",
        hans.to_str().unwrap(),
        "--lang",
        "zh-Hans",
    ])
    .success();
    let (Some(en), Some(hans)) = (
        pdftotext(&out.join("2022-000002.pdf")),
        pdftotext(&hans.join("2022-000003.pdf")),
    ) else {
        return;
    };
    for expected in [
        "Donation Receipt",
        "Anonymous donor",
        "¥1.05",
        "人民币壹元零伍分",
    ] {
        assert!(en.contains(expected), "{expected} missing from:\n{en}");
    }
    for expected in ["捐赠收据", "人民币伍角整", "扶贫"] {
        assert!(hans.contains(expected), "{expected} missing from:\n{hans}");
    }
}

#[test]
fn a_whole_year_prints_one_file_per_number() {
    let l = ledger_with_gifts();
    let out = l.dir.path().join("year");
    let printed = l.json(&[
        "receipt",
        "print",
        "--year",
        "2022",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(printed["written"].as_array().unwrap().len(), 3);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["2022-000001.pdf", "2022-000002.pdf", "2022-000003.pdf"]
    );
    // The default folder is ./receipts-out.
    l.run(&["receipt", "print", "2022-000001"]).success();
    assert!(l.dir.path().join("receipts-out/2022-000001.pdf").exists());
    assert!(
        l.refused(&["--lang", "en", "receipt", "print", "--year", "2019"])
            .contains("no receipts")
    );
    assert!(
        l.refused(&["--lang", "en", "receipt", "print", "2022-000009"])
            .contains("no receipt 2022-000009")
    );
    assert!(
        l.refused(&["--lang", "en", "receipt", "print", "../../etc/x"])
            .contains("not valid")
    );
}

#[test]
fn hostile_donor_text_prints_safely_and_only_to_its_own_file() {
    let l = Ledger::new();
    let hostile = format!(") Tj /JavaScript (alert) \\\\ ../../x {}", "長".repeat(60));
    l.run(&["donor", "add", &hostile]).success();
    l.run(&[
        "donate",
        "--donor",
        "1",
        "--amount",
        "88.00",
        "--date",
        "2022-05-01",
        "--method",
        "cash",
    ])
    .success();
    let out = l.dir.path().join("safe");
    l.run(&[
        "receipt",
        "print",
        "2022-000001",
        "--out",
        out.to_str().unwrap(),
    ])
    .success();
    let entries: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(entries.len(), 1);
    assert!(!l.dir.path().join("x").exists());
    let bytes = std::fs::read(out.join("2022-000001.pdf")).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(!raw.contains("/JavaScript"), "no script action may appear");
    assert!(!raw.contains("/JS"), "no script action may appear");
    let Some(text) = pdftotext(&out.join("2022-000001.pdf")) else {
        return;
    };
    assert!(text.contains("Tj"), "the text is printed as text:\n{text}");
    assert!(text.contains("¥88.00"));
}

#[test]
fn a_character_the_font_lacks_is_refused_before_any_pdf_is_written() {
    let l = Ledger::new();
    // 𠀁 (U+20001, CJK Extension B) is in no face of Noto Sans CJK.
    l.run(&["donor", "add", "劉𠀁"]).success();
    l.run(&[
        "donate",
        "--donor",
        "劉𠀁",
        "--amount",
        "5",
        "--date",
        "2022-05-01",
        "--method",
        "cash",
    ])
    .success();
    let out = l.dir.path().join("none");
    let err = l.refused(&[
        "--lang",
        "en",
        "receipt",
        "print",
        "--year",
        "2022",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(err.contains("𠀁") && err.contains("--font"), "{err}");
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().count() == 0);
    let bad_font = l.dir.path().join("font.ttf");
    std::fs::write(&bad_font, b"not a font").unwrap();
    let err = l.refused(&[
        "--lang",
        "en",
        "receipt",
        "print",
        "2022-000001",
        "--font",
        bad_font.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(err.contains("--font"), "{err}");
}

#[test]
fn void_and_reissue_keep_every_number_and_point_at_each_other() {
    let l = ledger_with_gifts();
    let err = l.refused(&[
        "--lang",
        "en",
        "receipt",
        "void",
        "2022-000002",
        "--reason",
        " ",
    ]);
    assert!(err.contains("--reason"), "{err}");
    l.run(&["receipt", "void", "2022-000002", "--reason", "金額有誤"])
        .success();
    let err = l.refused(&[
        "--lang",
        "en",
        "receipt",
        "void",
        "2022-000002",
        "--reason",
        "again",
    ]);
    assert!(
        err.contains("already void") && err.contains("金額有誤"),
        "{err}"
    );
    // Voiding does not touch the donation unless asked to.
    assert_eq!(l.json(&["verify"])["entries"], 3);
    let reissued = l.json(&["receipt", "reissue", "2022-000001", "--reason", "姓名錯字"]);
    assert_eq!(reissued["receipt"], "2022-000004");
    let list = receipts(&l);
    assert_eq!(list.len(), 4);
    assert_eq!(list[0]["status"], "void");
    assert_eq!(list[0]["replaced_by"], "2022-000004");
    assert_eq!(list[3]["replaces"], "2022-000001");
    assert_eq!(list[3]["amount"], "10005.00");
    assert_eq!(list[3]["date"], "2022-03-01");
    assert_ne!(list[0]["verification_code"], list[3]["verification_code"]);
    assert_eq!(list[1]["void_reason"], "金額有誤");
    assert_eq!(list[1]["voided_by"], "tester");
    let void_only = l.json(&["receipt", "list", "--status", "void"]);
    assert_eq!(void_only.as_array().unwrap().len(), 2);
    // As text, streamed: the header, its rule, then one line per receipt (on a wide
    // enough terminal), the notes saying why each void one is void and what replaced it.
    let out = l
        .cmd()
        .env("COLUMNS", "120")
        .args(["--lang", "zh-Hant", "receipt", "list"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(
        lines[0].starts_with("收據編號") && lines[1].starts_with("---"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("2022-000001") && lines[2].contains("作廢"),
        "{text}"
    );
    assert!(lines[2].ends_with("姓名錯字; 補開為 2022-000004"), "{text}");
    assert!(lines[3].ends_with("金額有誤"), "{text}");
    assert!(
        lines[5].starts_with("2022-000004") && lines[5].contains("10,005.00"),
        "{text}"
    );
    // A void receipt prints with its mark.
    let out = l.dir.path().join("void");
    l.run(&[
        "receipt",
        "print",
        "2022-000001",
        "--out",
        out.to_str().unwrap(),
    ])
    .success();
    if let Some(text) = pdftotext(&out.join("2022-000001.pdf")) {
        assert!(
            text.contains("作廢") && text.contains("姓名錯字") && text.contains("2022-000004"),
            "{text}"
        );
    }
    let gaps = l.json(&["receipt", "gaps", "--year", "2022"]);
    assert_eq!(gaps["last"], 4);
    assert_eq!(gaps["issued"], 2);
    assert_eq!(gaps["void"].as_array().unwrap().len(), 2);
    assert_eq!(gaps["complete"], true);
    l.run(&["verify", "receipts"]).success();
}

#[test]
fn void_with_reverse_reverses_the_donation() {
    let l = ledger_with_gifts();
    let voided = l.json(&[
        "receipt",
        "void",
        "2022-000003",
        "--reason",
        "退款",
        "--reverse",
        "--date",
        "2022-03-04",
    ]);
    assert_eq!(voided["reversal"], 4);
    let reversal = l.json(&["show", "4"]);
    assert_eq!(reversal["reverses"], 3);
    assert_eq!(reversal["reason"], "退款");
    let funds = l.json(&["fund", "balances", "--as-of", "2022-12-31"]);
    let relief = funds["funds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["alias"] == "poverty-relief")
        .unwrap()
        .clone();
    assert_eq!(relief["closing"], "0.00");
    l.run(&["verify"]).success();
}

#[test]
fn verification_codes_find_their_receipt() {
    let l = ledger_with_gifts();
    l.run(&["receipt", "reissue", "2022-000001"]).success();
    let list = receipts(&l);
    let code = list[3]["verification_code"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .replace('-', " ");
    let found = l.json(&["receipt", "verify", &code]);
    assert_eq!(found["number"], "2022-000004");
    assert_eq!(found["donor"], "李明");
    assert_eq!(found["amount"], "10005.00");
    assert_eq!(found["status"], "issued");
    let old = l.json(&[
        "receipt",
        "verify",
        list[0]["verification_code"].as_str().unwrap(),
    ]);
    assert_eq!(old["status"], "void");
    assert!(
        l.stdout(&[
            "receipt",
            "verify",
            list[0]["verification_code"].as_str().unwrap()
        ])
        .contains("2022-000004")
    );
    assert!(
        l.refused(&["--lang", "en", "receipt", "verify", "0000-0000-0000"])
            .contains("not genuine")
    );
    assert!(
        l.refused(&["--lang", "en", "receipt", "verify", "xyz"])
            .contains("not valid")
    );
}

#[test]
fn a_deleted_receipt_number_is_a_gap_that_verify_finds() {
    let l = ledger_with_gifts();
    l.raw()
        .execute_batch(
            "DROP TRIGGER receipts_no_delete; DELETE FROM receipts WHERE year = 2022 AND seq = 2;",
        )
        .unwrap();
    let err = l.refused(&["--lang", "en", "receipt", "gaps", "--year", "2022"]);
    assert!(err.contains("2022-000002"), "{err}");
    let err = l.refused(&["--lang", "en", "verify", "receipts"]);
    assert!(err.contains("receipt 2022-000002 is missing"), "{err}");
}

#[test]
fn read_only_refuses_void_and_reissue_but_prints() {
    let l = ledger_with_gifts();
    let before = l.fingerprint();
    assert!(
        l.refused(&[
            "--lang",
            "en",
            "receipt",
            "void",
            "2022-000001",
            "--reason",
            "x",
            "--read-only"
        ])
        .contains("--read-only")
    );
    assert!(
        l.refused(&[
            "--lang",
            "en",
            "receipt",
            "reissue",
            "2022-000001",
            "--read-only"
        ])
        .contains("--read-only")
    );
    let out = l.dir.path().join("ro");
    l.run(&[
        "--read-only",
        "receipt",
        "print",
        "2022-000001",
        "--out",
        out.to_str().unwrap(),
    ])
    .success();
    l.run(&["--read-only", "receipt", "list"]).success();
    assert_eq!(before, l.fingerprint());
}

#[test]
fn two_treasurers_donating_at_once_get_gap_free_numbers() {
    let l = Ledger::new();
    l.run(&["donor", "add", "李明"]).success();
    let spawn = |tag: &'static str| {
        let db = l.db.clone();
        std::thread::spawn(move || {
            let bin = assert_cmd::cargo::cargo_bin!("lovefund");
            let mut failures = Vec::new();
            for i in 0..60 {
                let out = std::process::Command::new(bin)
                    .env("LOVEFUND_DB", &db)
                    .env("LOVEFUND_USER", tag)
                    .args([
                        "donate",
                        "--donor",
                        "李明",
                        "--amount",
                        "1.00",
                        "--date",
                        "2022-06-01",
                    ])
                    .args(["--method", "cash", "--reference", &format!("{tag}-{i}")])
                    .output()
                    .unwrap();
                if !out.status.success() {
                    failures.push(String::from_utf8_lossy(&out.stderr).to_string());
                }
            }
            failures
        })
    };
    let (a, b) = (spawn("alice"), spawn("bob"));
    let failures: Vec<String> = a
        .join()
        .unwrap()
        .into_iter()
        .chain(b.join().unwrap())
        .collect();
    assert!(failures.is_empty(), "{failures:?}");
    let numbers: Vec<String> = receipts(&l)
        .iter()
        .map(|r| r["number"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (1..=120).map(|n| format!("2022-{n:06}")).collect();
    assert_eq!(numbers, expected);
    l.run(&["verify"]).success();
}

/// The text table of `receipt list` reads a query of its own, narrower than the JSON
/// list's (issue 16 §2): each of its rows must say what the JSON list says of the
/// same receipt — number, date, donor as printed (the name before a correction, the
/// anonymous donor's word), fund (a gift in trust as 受托代理 and the masked
/// beneficiary), amount, status and note — through a void, a reissue after a
/// corrected name, an anonymous gift and a gift in trust, and with `--status`.
#[test]
fn the_text_list_says_what_the_json_list_says() {
    let l = ledger_with_gifts();
    l.run(&["beneficiary", "add", "--type", "student", "張小明"])
        .success();
    l.run(&[
        "donate",
        "--donor",
        "李明",
        "--amount",
        "3000",
        "--date",
        "2022-03-04",
        "--method",
        "bank",
        "--for",
        "張小明",
    ])
    .success();
    l.run(&["receipt", "void", "2022-000002", "--reason", "typed twice"])
        .success();
    l.run(&[
        "donor",
        "edit",
        "李明",
        "--name",
        "李明明",
        "--reason",
        "typo",
    ])
    .success();
    l.run(&[
        "receipt",
        "reissue",
        "2022-000001",
        "--reason",
        "name corrected",
    ])
    .success();
    let grouped = |amount: &str| {
        let (yuan, fen) = amount.split_once('.').unwrap();
        let mut out = String::new();
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{out}.{fen}")
    };
    for status in [None, Some("void"), Some("issued")] {
        let mut args = vec!["--lang", "en", "receipt", "list"];
        args.extend(status.iter().flat_map(|s| ["--status", s]));
        let json = l.json(&args);
        let json = json.as_array().unwrap();
        let out = l.cmd().env("COLUMNS", "200").args(&args).assert().success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let rows: Vec<&str> = text.lines().skip(2).collect();
        assert_eq!(rows.len(), json.len(), "{text}");
        assert!(!rows.is_empty());
        for (row, receipt) in rows.iter().zip(json) {
            let field = |name: &str| receipt[name].as_str().unwrap_or_default().to_string();
            let cells: Vec<&str> = row
                .split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            assert_eq!(cells[0], field("number"), "{row}");
            assert_eq!(cells[1], field("date"), "{row}");
            assert_eq!(cells[2], field("donor"), "{row}");
            // A gift in trust's purpose, longer than any fund's name, is shown whole.
            assert_eq!(cells[3], field("fund"), "{row}");
            assert_eq!(cells[4], grouped(&field("amount")), "{row}");
            assert_eq!(cells[5], field("status"), "{row}");
            let note = cells.get(6).copied().unwrap_or_default();
            for said in [
                field("void_reason"),
                field("replaces"),
                field("replaced_by"),
            ] {
                assert!(note.contains(&said), "{row}: {said:?} missing");
            }
        }
    }
    let all = l.json(&["--lang", "en", "receipt", "list"]);
    let donors: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["donor"].as_str().unwrap())
        .collect();
    assert_eq!(
        donors,
        ["李明", "Anonymous donor", "李明", "李明", "李明明"]
    );
    assert_eq!(all[3]["fund"], "Held in trust (受托代理) for 張**", "{all}");
}
