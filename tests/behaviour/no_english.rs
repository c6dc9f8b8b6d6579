//! No English and no mixed script under a Chinese language (issue 15, §1): the help
//! of every command and subcommand, clap's usage errors and the refusals already in
//! the catalogue, read under --lang zh-Hans and --lang zh-Hant.
//!
//! What counts as English (`english_in`): two or more ASCII words in a row, each of
//! three letters or more, separated by spaces only — "Print help", "the ledger's own".
//! Not English: option names (--db), placeholders (<PATH>, [OPTIONS]), values and codes
//! with digits or `.`, `/`, `_`, `=`, `@`, `$`, `#`, `,` in them, names listed
//! with commas (date, kind, counterparty) (YYYY-MM-DD, zh_CN,
//! date=交易日期), text in backticks (`donor list`), example command lines (a line
//! from `lovefund ` to the end of the line), single names (SQLite, Excel, hledger) and the name of
//! the bundled font; and clap's own English words ("Usage:", "Options:", "[default:")
//! are English even alone.
//!
//! What counts as mixed script: a Traditional-only character (愛 貧 學 頁 據 會 …)
//! under zh-Hans, a Simplified-only one under zh-Hant, from `PAIRS`: common characters
//! whose two forms differ, each form used by its own script only.

use crate::common::Ledger;

/// Traditional and Simplified forms of common characters, a pair per two characters;
/// characters both scripts use (余, 台, 只, 准, 系 …) are left out.
const PAIRS: &str = "愛爱貧贫學学頁页據据會会賬账帳帐戶户銀银錢钱額额幣币圓圆萬万億亿員员\
    場场單单號号碼码數数檔档錄录錯错誤误權权檢检驗验證证憑凭設设選选項项說说顯显\
    語语環环變变預预認认為为對对應应廢废開开關关記记報报轉转匯汇統统計计動动態态\
    現现實实際际這这個个們们來来時时間间東东車车長长門门問问題题義义務务經经濟济\
    產产業业發发費费處处區区縣县鄉乡鎮镇機机構构導导團团書书畫画圖图標标點点擊击\
    網网絡络連连結结覽览讀读寫写輸输總总創创隱隐屬属從从與与優优質质節节約约備备\
    類类條条規规則则該该須须擇择雙双貸贷稅税遞递減减幫帮難难補补貼贴銷销紅红簽签\
    壓压縮缩達达過过還还邊边運运進进遠远適适遲迟狀状張张劉刘陳陈楊杨趙赵黃黄鄭郑\
    謝谢韓韩馮冯鄧邓蕭萧呂吕蘇苏盧卢蔣蒋賈贾閻阎鍾钟譚谭陸陆漢汉華华國国鳥鸟魚鱼\
    馬马龍龙風风電电氣气話话訊讯請请讓让識识議议論论評评詞词譯译試试詳详誰谁調调\
    談谈護护親亲觀观視视覺觉歷历歲岁壽寿齡龄醫医藥药療疗災灾貨货購购貴贵買买賣卖\
    賠赔資资財财貢贡賀贺負负責责債债漲涨審审監监盤盘庫库臨临測测鏈链雜杂湊凑緊紧\
    級级紀纪組组織织練练給给線线細细終终續续綠绿繼继純纯紙纸編编輯辑稱称積积築筑\
    簡简樣样橋桥樹树歡欢滿满濕湿灣湾燈灯爭争牆墙獎奖畢毕盡尽礙碍禮礼離离種种穩稳\
    筆笔糧粮聯联聲声聽听腦脑興兴舊旧莊庄藝艺蘭兰虛虚衛卫襲袭訂订課课賽赛趕赶軟软\
    載载較较輕轻輩辈農农鄰邻釋释針针鐵铁鋼钢鎖锁鏡镜閉闭閱阅隊队階阶隨随險险雖虽\
    靜静頭头顧顾飛飞飯饭養养館馆駕驾鹽盐麥麦黨党齊齐齒齿龜龟撥拨復复瀏浏覽览鷹鹰\
    潭潭協协沖冲銷销摘摘擋挡";

/// The characters of one script, from `PAIRS`.
fn script(traditional: bool) -> Vec<char> {
    let chars: Vec<char> = PAIRS.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .chunks(2)
        .filter(|pair| pair[0] != pair[1])
        .map(|pair| if traditional { pair[0] } else { pair[1] })
        .collect()
}

/// clap's own English, wrong under Chinese even as one word.
const CLAP_WORDS: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "[default:",
    "[possible values:",
    "Possible values:",
    "error:",
    "tip:",
    "For more information",
];

/// Names that are English words but names: they are left out before looking.
const NAMES: &[&str] = &["Noto Sans CJK"];

/// The English in `text`: each run of two or more English words, with its line.
fn english_in(text: &str) -> Vec<String> {
    let mut found: Vec<String> = CLAP_WORDS
        .iter()
        .filter(|w| text.contains(**w))
        .map(|w| format!("clap's {w:?}"))
        .collect();
    for line in text.lines() {
        // A command line (an example, the usage) runs from `lovefund ` to the end.
        let line = line.split("lovefund ").next().unwrap_or_default();
        let mut line = without_backticks(line);
        for name in NAMES {
            line = line.replace(name, " ");
        }
        // Segments of ASCII text: anything else (CJK, full-width marks) ends a run.
        for segment in line.split(|c: char| !c.is_ascii() || c == '\t') {
            let mut run: Vec<&str> = Vec::new();
            for token in segment.split(' ').chain([""]) {
                // A comma or semicolon ends a run: names listed with them are a list
                // (date, kind, counterparty), not a sentence.
                if is_word(token) && !token.ends_with([',', ';']) {
                    run.push(token);
                    continue;
                }
                if is_word(token) {
                    run.push(token);
                }
                if run.len() >= 2 {
                    found.push(format!("{:?} in {line:?}", run.join(" ")));
                }
                run.clear();
            }
        }
    }
    found
}

/// An English word of three letters or more: letters, with inner ' or - between them.
fn is_word(token: &str) -> bool {
    let token = token.trim_end_matches([',', ';', ':', '.', ')', '!', '?']);
    let token = token.trim_start_matches('(');
    token != "lovefund"
        && token.chars().filter(char::is_ascii_alphabetic).count() >= 3
        && token
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-')
        && token.starts_with(|c: char| c.is_ascii_alphabetic())
        && token.ends_with(|c: char| c.is_ascii_alphabetic())
}

fn without_backticks(line: &str) -> String {
    line.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 0 { part } else { " " })
        .collect()
}

/// The characters of the other script in `text`.
fn mixed_script_in(text: &str, lang: &str) -> Vec<char> {
    let other = script(lang == "zh-Hans");
    let mut found: Vec<char> = text.chars().filter(|c| other.contains(c)).collect();
    found.dedup();
    found
}

/// Every fault of `text` shown under `lang`, named by `what`.
pub(crate) fn faults(what: &str, lang: &str, text: &str) -> Vec<String> {
    let mut out: Vec<String> = english_in(text)
        .into_iter()
        .map(|e| format!("{what} --lang {lang}: English {e}"))
        .collect();
    let mixed = mixed_script_in(text, lang);
    if !mixed.is_empty() {
        let mixed: String = mixed.into_iter().collect();
        out.push(format!("{what} --lang {lang}: other script {mixed:?}"));
    }
    out
}

/// The help of `command` (words after `lovefund`) in `lang`.
fn help(l: &Ledger, command: &[&str], lang: &str) -> String {
    let out = l
        .cmd()
        .args(command)
        .args(["--help", "--lang", lang])
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("utf-8 help")
}

/// The subcommands a help lists under its heading of commands (the first word of
/// each line of that block), `help` aside.
fn subcommands(help: &str) -> Vec<String> {
    let mut lines = help.lines().skip_while(|l| !l.starts_with("命令"));
    lines.next();
    lines
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn the_rule_finds_english_and_leaves_names_and_codes() {
    assert_eq!(english_in("顯示說明").len(), 0);
    assert_eq!(english_in("Print help").len(), 1);
    assert_eq!(english_in("the ledger's own files").len(), 1);
    assert_eq!(
        english_in("（default: the ledger's, else zh-Hant）").len(),
        2
    );
    assert_eq!(english_in("Options:").len(), 1);
    for fine in [
        "用法：lovefund donate [OPTIONS] --donor <DONOR> --amount <AMOUNT>",
        "日期，格式 YYYY-MM-DD",
        "改用內建的 Noto Sans CJK（FILE#N：.ttc 中的第 N 個字體）",
        "捐贈人的編號（見 `donor list`）",
        "  lovefund export --format ledger --out fund.journal && hledger -f fund.journal bal",
        "      --format <FORMAT>  輸出的格式［可選：ledger、beancount、csv、json、import-csv］",
        "對賬單 CSV：date,amount,reference,description（日期、金額）",
        "Excel 和 WPS",
        "列名是 date, kind, counterparty, counterparty_type（必需）",
    ] {
        assert_eq!(english_in(fine), Vec::<String>::new(), "{fine}");
    }
    assert_eq!(mixed_script_in("愛心基金", "zh-Hans"), ['愛']);
    assert_eq!(mixed_script_in("爱心基金", "zh-Hant"), ['爱']);
    assert!(mixed_script_in("爱心基金的收据", "zh-Hans").is_empty());
    assert!(script(true).len() >= 200, "{}", script(true).len());
}

#[test]
fn every_help_is_chinese_in_its_own_script() {
    let l = Ledger::new();
    let mut failures = Vec::new();
    let mut seen = 0;
    for lang in ["zh-Hans", "zh-Hant"] {
        let mut queue: Vec<Vec<String>> = vec![Vec::new()];
        while let Some(command) = queue.pop() {
            let words: Vec<&str> = command.iter().map(String::as_str).collect();
            let text = help(&l, &words, lang);
            seen += 1;
            failures.extend(faults(
                &format!("lovefund {}", words.join(" ")),
                lang,
                &text,
            ));
            for sub in subcommands(&text) {
                let mut next = command.clone();
                next.push(sub);
                queue.push(next);
            }
        }
        // The help subcommand and -h say the same.
        for command in [&["help", "donate"][..], &["donor", "add", "-h"]] {
            let out = l
                .cmd()
                .args(["--lang", lang])
                .args(command)
                .assert()
                .success();
            let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
            failures.extend(faults(
                &format!("lovefund {}", command.join(" ")),
                lang,
                &text,
            ));
        }
    }
    // Every command and subcommand was reached in both languages (23 + 24 under them).
    assert!(seen >= 2 * 40, "only {seen} helps were read");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Usage errors from clap, each worded by lovefund.
const USAGE_ERRORS: &[&[&str]] = &[
    &["donate", "--amont", "5"],
    &["balance", "--as-of"],
    &["export", "--format", "xml"],
    &["import", "x.csv", "--encoding", "latin1"],
    &["verify", "nonsense"],
    &["entry", "add"],
    &["show"],
    &["dnate"],
    &["donor"],
    &["--json", "--json", "balance"],
    &["receipt", "print", "2022-000001", "--year", "2022"],
    &["fund", "balances", "extra"],
];

#[test]
fn usage_errors_are_chinese_in_its_own_script() {
    let l = Ledger::new();
    let mut failures = Vec::new();
    for lang in ["zh-Hans", "zh-Hant"] {
        for args in USAGE_ERRORS {
            let out = l.cmd().args(*args).args(["--lang", lang]).assert().code(2);
            let text = String::from_utf8_lossy(&out.get_output().stderr).to_string();
            let what = format!("lovefund {}", args.join(" "));
            assert!(
                text.starts_with(["错误：", "錯誤："][usize::from(lang == "zh-Hant")]),
                "{what}: {text}"
            );
            failures.extend(faults(&what, lang, &text));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Refusals of the core, read under each language on an empty ledger (the table of
/// `refusals.rs` is read too, on the demo's: `every_refusal_of_the_table_…`).
const REFUSALS: &[&[&str]] = &[
    &["import", "bad-header.csv"],
    &["import", "bad-amount.csv"],
    &[
        "donate",
        "--donor",
        "x",
        "--amount",
        "10.005",
        "--date",
        "2022-03-01",
        "--method",
        "bank",
    ],
    &[
        "donate",
        "--donor",
        "x",
        "--amount",
        "10",
        "--date",
        "2022-13-01",
        "--method",
        "bank",
    ],
    &[
        "entry",
        "add",
        "--date",
        "2022-03-01",
        "--memo",
        "m",
        "--posting",
        "1002=5",
        "--posting",
        "4101=-4",
    ],
    &["show", "999"],
    &["close", "--year", "20x2"],
    &["reverse", "abc", "--reason", "x"],
    &["--db", "missing.db", "balance"],
    &["register", "--account", "9999"],
    &["verify", "--fingerprint", "abc"],
    &["receipt", "print", "2022-999999"],
    &[
        "--read-only",
        "donate",
        "--donor",
        "x",
        "--amount",
        "5",
        "--date",
        "2022-03-01",
        "--method",
        "bank",
    ],
    &["config", "set", "nope", "1"],
    &["reverse", "999", "--reason", "x"],
    &["receipt", "void", "2022-000001", "--reason", "x"],
    &["reconcile", "show", "9"],
    &["account", "add", "1002", "銀行存款", "--type", "asset"],
    &["account", "add", "6001", "雜項", "--type", "asset"],
    &["close", "--year", "2999"],
    &["import", "missing.csv"],
    // Failures outside the ledger's rules: a folder that cannot be made (a file is in
    // the way), a font that is a folder, a key file that does not exist.
    &["summary", "--year", "2022", "--pdf", "in-the-way/s.pdf"],
    &[
        "receipt",
        "verify",
        "LF1|x",
        "--keyfile",
        "no-such-keys.txt",
    ],
    &["import", "sheet.csv", "--profile", "nope"],
    &["key", "rotate", "--reason", " "],
];

#[test]
fn refusals_in_the_catalogue_are_chinese_in_its_own_script() {
    let l = Ledger::new();
    let dir = l.dir.path();
    std::fs::write(dir.join("bad-header.csv"), "date,kind,colour\n").unwrap();
    std::fs::write(dir.join("in-the-way"), "a file, not a folder").unwrap();
    std::fs::write(dir.join("sheet.csv"), "日期\n").unwrap();
    std::fs::write(
        dir.join("bad-amount.csv"),
        "date,kind,counterparty,counterparty_type,program,amount,method,reference\n\
         2023-03-01,donation,張三,person,助學,10.005,bank,X-1\n",
    )
    .unwrap();
    let mut failures = Vec::new();
    for lang in ["zh-Hans", "zh-Hant"] {
        for args in REFUSALS {
            let out = l.cmd().args(*args).args(["--lang", lang]).assert().code(1);
            let text = String::from_utf8_lossy(&out.get_output().stderr).to_string();
            failures.extend(faults(&format!("lovefund {}", args.join(" ")), lang, &text));
        }
        // No language but the locale's: an error before the ledger is open.
        let locale = if lang == "zh-Hans" {
            "zh_CN.UTF-8"
        } else {
            "zh_TW.UTF-8"
        };
        let out = l
            .cmd()
            .env("LOVEFUND_LANG", "fr")
            .env("LANG", locale)
            .arg("balance")
            .assert()
            .code(1);
        let text = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        failures.extend(faults("LOVEFUND_LANG=fr lovefund balance", lang, &text));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Rows of the table that quote text as the ledger recorded it (the demo's void
/// reason, 捐贈單位名稱有誤): its script is the treasurer's, so only English is looked for.
const RECORDED_TEXT: &[&str] = &[
    "receipt void 2022-000002 --reason again",
    "receipt reissue 2022-000002",
];

/// Every refusal of the table in `refusals.rs` (exit 1: lovefund's own words), read
/// under each language on the demo's ledger: no English, no other script.
#[test]
fn every_refusal_of_the_table_is_chinese_in_its_own_script() {
    let ledger = crate::refusals::ledger_for_the_table();
    let mut failures = Vec::new();
    let mut count = 0;
    for (args, code, _) in crate::refusals::rows().filter(|(_, code, _)| *code == 1) {
        for lang in ["zh-Hans", "zh-Hant"] {
            count += 1;
            let out = ledger
                .cmd()
                .args(crate::refusals::words(&args))
                .args(["--lang", lang])
                .output()
                .expect("run lovefund");
            assert_eq!(
                out.status.code(),
                Some(code),
                "lovefund {args} --lang {lang}"
            );
            let text = String::from_utf8_lossy(&out.stderr).to_string();
            let what = format!("lovefund {args}");
            if RECORDED_TEXT.contains(&args.as_str()) {
                failures.extend(
                    english_in(&text)
                        .into_iter()
                        .map(|e| format!("{what}: {e}")),
                );
            } else {
                failures.extend(faults(&what, lang, &text));
            }
        }
    }
    assert!(count >= 80, "only {count} refusals");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `verify` on a tampered ledger speaks the reader's language: every check's
/// description and finding, and the one-line failure (issue 15 §1).
#[test]
fn verify_of_a_tampered_ledger_is_chinese_in_its_own_script() {
    let l = Ledger::new();
    l.donate("2022-03-01", "100");
    l.donate("2022-03-02", "200");
    l.raw()
        .execute_batch(
            "DROP TRIGGER postings_no_update;
             UPDATE postings SET amount_fen = amount_fen + 1 WHERE entry_id = 1 AND seq = 1;",
        )
        .unwrap();
    let mut failures = Vec::new();
    for lang in ["zh-Hans", "zh-Hant"] {
        let out = l.cmd().args(["verify", "--lang", lang]).assert().code(1);
        let o = out.get_output();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        // Check names (balanced, chain …) are arguments, kept as typed; trigger and
        // table names are the schema's own.
        let text = text
            .replace("postings_no_update", "")
            .replace("append-only", "")
            .replace("reconciliations", "")
            .replace("attachments", "")
            .replace("integrity", "");
        failures.extend(faults("lovefund verify", lang, &text));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The refusals of users and review (issue 17 §1), on a ledger with a treasurer, a
/// reviewer and an auditor: signing in, roles, review, recovery.
#[test]
fn refusals_of_users_and_review_are_chinese_in_its_own_script() {
    let l = Ledger::new();
    l.donate("2022-03-01", "100");
    let mut failures = Vec::new();
    let refused = |user: &str, password: &str, args: &[&str], lang: &str| {
        let out = l
            .cmd()
            .env("LOVEFUND_USER", user)
            .env("LOVEFUND_PASSWORD", password)
            .args(args)
            .args(["--lang", lang])
            .assert()
            .code(1);
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    for lang in ["zh-Hans", "zh-Hant"] {
        let text = refused("tester", "", &["entry", "approve", "1"], lang);
        failures.extend(faults("entry approve without users", lang, &text));
    }
    for (name, role) in [
        ("tester", "treasurer"),
        ("reviewer", "reviewer"),
        ("auditor", "auditor"),
    ] {
        l.cmd()
            .env("LOVEFUND_PASSWORD", "tester-pass")
            .args(["user", "add", name, "--role", role, "--password-stdin"])
            .write_stdin(format!("{name}-pass\n"))
            .assert()
            .success();
    }
    let cases: &[(&str, &str, &[&str])] = &[
        ("tester", "wrong-pass", &["balance"]),
        ("auditor", "auditor-pass", &["donor", "add", "x"]),
        ("reviewer", "reviewer-pass", &["donor", "add", "x"]),
        ("tester", "tester-pass", &["entry", "approve", "1"]),
        ("reviewer", "reviewer-pass", &["user", "disable", "auditor"]),
        ("tester", "tester-pass", &["user", "disable", "tester"]),
        (
            "tester",
            "tester-pass",
            &["user", "role", "nobody", "auditor"],
        ),
        ("tester", "tester-pass", &["close", "--year", "2022"]),
        (
            "reviewer",
            "reviewer-pass",
            &["entry", "reject", "1", "--reason", " "],
        ),
        (
            "tester",
            "tester-pass",
            &["config", "set", "close.require-review", "maybe"],
        ),
        (
            "tester",
            "tester-pass",
            &[
                "user",
                "recover",
                "tester",
                "--code",
                "x",
                "--password-stdin",
            ],
        ),
    ];
    for lang in ["zh-Hans", "zh-Hant"] {
        for (user, password, args) in cases {
            let text = refused(user, password, args, lang);
            failures.extend(faults(&format!("lovefund {}", args.join(" ")), lang, &text));
        }
        let out = l
            .cmd()
            .env_remove("LOVEFUND_PASSWORD")
            .args(["balance", "--lang", lang])
            .assert()
            .code(1);
        let text = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        failures.extend(faults("balance without a password", lang, &text));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The text a person reads on a web page: the tags taken out, and left aside the
/// language switcher (each language named in its own script) and the name of who
/// signed in (the ledger's data, not the page's words).
pub(crate) fn page_text(html: &str) -> String {
    let mut html = html.to_string();
    for class in ["langs", "who"] {
        let open = format!("<span class=\"{class}\">");
        if let Some(start) = html.find(&open)
            && let Some(length) = html[start..].find("</span>")
        {
            html.replace_range(start..start + length + "</span>".len(), "");
        }
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push('\n');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn web_pages_are_chinese_in_their_own_script() {
    use crate::web::{Server, ledger_with_users};
    let l = ledger_with_users();
    let server = Server::start(&l, &[]);
    let mut failures = Vec::new();
    let login_page = server.get("/login", None);
    failures.extend(faults(
        "web /login",
        "zh-Hans",
        &page_text(&login_page.body),
    ));
    for (who, lang) in [
        (("王司库", "treasurer-pass"), "zh-Hans"),
        (("赵审计", "auditor-pass1"), "zh-Hant"),
    ] {
        let (cookie, csrf) = server.sign_in(who);
        assert_eq!(
            server.get(&format!("/lang/{lang}"), Some(&cookie)).status,
            303
        );
        for path in [
            "/",
            "/donate",
            "/approvals",
            "/receipts",
            "/verify",
            "/audit-pack",
            "/import",
            "/reconcile",
            "/no-such-page",
        ] {
            let page = server.get(path, Some(&cookie));
            failures.extend(faults(&format!("web {path}"), lang, &page_text(&page.body)));
        }
        let form = [
            ("csrf", csrf.as_str()),
            ("donor", "张三"),
            ("amount", "1e5"),
            ("date", "2022-03-01"),
            ("method", "bank"),
        ];
        let refused = server.post("/donate", Some(&cookie), &form);
        failures.extend(faults(
            "web /donate refused",
            lang,
            &page_text(&refused.body),
        ));
        let check = server.post(
            "/check",
            Some(&cookie),
            &[("csrf", csrf.as_str()), ("field", "date"), ("value", "x")],
        );
        failures.extend(faults("web /check", lang, &check.body));
        // A sheet with a bad line, and a statement: the dry runs' tables and sentences.
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let sheet = std::fs::read_to_string(root.join("tests/fixtures/sheets/donations_2022.csv"))
            .expect("the sheet")
            .replacen("500元", "1e5", 1);
        // The statement's own words are its bank's: one in the page's script.
        let statement = match lang {
            "zh-Hans" => "tests/data/bank/cmb-2022-03.csv",
            _ => "tests/data/bank/generic-direction.csv",
        };
        let statement = std::fs::read(root.join(statement)).expect("the statement");
        type Fields<'a> = &'a [(&'a str, &'a str)];
        let uploads: [(&str, &[u8], Fields); 2] = [
            ("/import", sheet.as_bytes(), &[]),
            (
                "/reconcile",
                &statement,
                &[("closing_balance", "6,187.50"), ("as_of", "2022-03-31")],
            ),
        ];
        for (path, bytes, fields) in uploads {
            let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![("csrf", None, csrf.as_bytes())];
            parts.extend(fields.iter().map(|(n, v)| (*n, None, v.as_bytes())));
            parts.push(("file", Some("a.csv"), bytes));
            let tried = server.upload(path, Some(&cookie), &parts);
            // An auditor's refusal names them: their name is the ledger's, not the page's.
            let text = page_text(&tried.body).replace(who.0, "");
            failures.extend(faults(&format!("web {path} tried"), lang, &text));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
