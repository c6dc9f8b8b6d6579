//! The words of the command line's help (issue 15, §1): every about, argument help,
//! possible value's help and example `lovefund --help` shows, in zh-Hant and zh-Hans,
//! and clap's own headings and usage errors in all three languages.
//!
//! The help is keyed by its English, as gettext keys by the msgid: the English is
//! written once, as the doc comments of `cli::args` (clap's own help for English
//! readers), and each entry here gives its zh-Hant and zh-Hans. An entry without both
//! does not compile; a test of the front end walks the whole command tree and fails on
//! any English text without its entry, and on an entry no command uses any more.
//! Option names, values and placeholders (--db, PATH, YYYY-MM-DD) stay as typed.

use super::Lang;
use super::say::words;

macro_rules! help {
    ($($en:literal => $hant:literal, $hans:literal;)*) => {
        /// The zh-Hant and zh-Hans of an English help text.
        fn lookup(english: &str) -> Option<(&'static str, &'static str)> {
            match english {
                $($en => Some(($hant, $hans)),)*
                _ => None,
            }
        }

        /// Every English text the catalogue has words for.
        pub const ENGLISH: &[&str] = &[$($en),*];
    };
}

/// The help text `english` in `lang`: None in English (clap's own is shown) and for a
/// text the catalogue does not have.
pub fn help(lang: Lang, english: &str) -> Option<&'static str> {
    let (hant, hans) = lookup(english)?;
    match lang {
        Lang::ZhHant => Some(hant),
        Lang::ZhHans => Some(hans),
        Lang::En => None,
    }
}

/// clap's own words around the help: headings and marks.
#[derive(Clone, Copy, Debug)]
pub enum Word {
    Usage,
    Commands,
    Arguments,
    Options,
    PossibleValues,
    Colon,
    Error,
}

pub fn word(lang: Lang, word: Word) -> &'static str {
    let [hant, hans, en] = match word {
        Word::Usage => ["用法：", "用法：", "Usage: "],
        Word::Commands => ["命令", "命令", "Commands"],
        Word::Arguments => ["參數", "参数", "Arguments"],
        Word::Options => ["選項", "选项", "Options"],
        Word::PossibleValues => ["可選的值：", "可选的值：", "Possible values:"],
        Word::Colon => ["：", "：", ": "],
        Word::Error => ["錯誤：", "错误：", "error: "],
    };
    match lang {
        Lang::ZhHant => hant,
        Lang::ZhHans => hans,
        Lang::En => en,
    }
}

/// `[default: VALUE]`.
pub fn default_value(lang: Lang, value: &str) -> String {
    words!(
        lang,
        "［預設：{value}］",
        "［默认：{value}］",
        "[default: {value}]"
    )
}

/// `[possible values: a, b]`.
pub fn possible_values(lang: Lang, names: &[&str]) -> String {
    let names = names.join(match lang {
        Lang::En => ", ",
        _ => "、",
    });
    words!(
        lang,
        "［可選：{names}］",
        "［可选：{names}］",
        "[possible values: {names}]"
    )
}

/// Several names in a sentence: `a、b` or `a, b`.
pub fn list(lang: Lang, names: &[String]) -> String {
    names.join(match lang {
        Lang::En => ", ",
        _ => "、",
    })
}

pub fn missing_value(lang: Lang, arg: &str) -> String {
    words!(
        lang,
        "{arg} 需要一個值，但沒有給",
        "{arg} 需要一个值，但没有给",
        "a value is required for '{arg}' but none was supplied",
    )
}

pub fn invalid_value(lang: Lang, value: &str, arg: &str, valid: Option<&str>) -> String {
    let sentence = words!(
        lang,
        "{arg} 不接受「{value}」",
        "{arg} 不接受“{value}”",
        "invalid value '{value}' for '{arg}'",
    );
    match valid {
        Some(valid) => {
            let valid = valid.to_string();
            let tail = words!(
                lang,
                "；可用的值：{valid}",
                "；可用的值：{valid}",
                "\n  [possible values: {valid}]",
            );
            format!("{sentence}{tail}")
        }
        None => sentence,
    }
}

pub fn unknown_argument(lang: Lang, arg: &str) -> String {
    words!(
        lang,
        "沒有「{arg}」這個選項",
        "没有“{arg}”这个选项",
        "unexpected argument '{arg}' found",
    )
}

pub fn unknown_command(lang: Lang, command: &str) -> String {
    words!(
        lang,
        "沒有「{command}」這個命令",
        "没有“{command}”这个命令",
        "unrecognized subcommand '{command}'",
    )
}

pub fn missing_arguments(lang: Lang, args: &str) -> String {
    words!(
        lang,
        "缺少必填的參數：{args}",
        "缺少必填的参数：{args}",
        "the following required arguments were not provided: {args}",
    )
}

pub fn missing_command(lang: Lang, command: &str, valid: &str) -> String {
    words!(
        lang,
        "「{command}」後面要接一個命令：{valid}",
        "“{command}”后面要接一个命令：{valid}",
        "'{command}' requires a subcommand but one was not provided: {valid}",
    )
}

pub fn repeated(lang: Lang, arg: &str) -> String {
    words!(
        lang,
        "{arg} 只能給一次",
        "{arg} 只能给一次",
        "the argument '{arg}' cannot be used multiple times",
    )
}

pub fn conflict(lang: Lang, arg: &str, prior: &str) -> String {
    words!(
        lang,
        "{arg} 不能和 {prior} 一起用",
        "{arg} 不能和 {prior} 一起用",
        "the argument '{arg}' cannot be used with '{prior}'",
    )
}

pub fn too_many_values(lang: Lang, value: &str, arg: &str) -> String {
    words!(
        lang,
        "{arg} 多了一個值「{value}」",
        "{arg} 多了一个值“{value}”",
        "unexpected value '{value}' for '{arg}' found; no more were expected",
    )
}

pub fn wrong_number_of_values(lang: Lang, arg: &str) -> String {
    words!(
        lang,
        "{arg} 的值的個數不對",
        "{arg} 的值的个数不对",
        "wrong number of values for '{arg}'",
    )
}

pub fn no_equals(lang: Lang, arg: &str) -> String {
    words!(
        lang,
        "{arg} 的值要用等號連上：{arg}=值",
        "{arg} 的值要用等号连上：{arg}=值",
        "equal sign is needed when assigning values to '{arg}'",
    )
}

pub fn bad_command_line(lang: Lang) -> String {
    words!(
        lang,
        "命令列有誤",
        "命令行有误",
        "the command line is not valid"
    )
}

pub fn did_you_mean(lang: Lang, suggested: &str) -> String {
    words!(
        lang,
        "提示：是不是要用「{suggested}」？",
        "提示：是不是要用“{suggested}”？",
        "tip: a similar one exists: '{suggested}'",
    )
}

pub fn more_help(lang: Lang) -> String {
    words!(
        lang,
        "要看說明，請在命令後加 --help。",
        "要看说明，请在命令后加 --help。",
        "For more information, try '--help'.",
    )
}

help! {
    // The program.
    "A tamper-evident double-entry ledger for a charity love fund (愛心基金)" =>
        "愛心基金的複式記賬賬本，任何竄改都查得出來",
        "爱心基金的复式记账账本，任何篡改都查得出来";
    "A tamper-evident double-entry ledger for a charity love fund (愛心基金).\n\nTreasurers record entries; auditors check balances and the hash chain with `verify`. Amounts are CNY with at most two decimals. Every command is one SQLite transaction: it happens completely or not at all." =>
        "愛心基金的複式記賬賬本，任何竄改都查得出來。\n\n出納記錄憑證；審計用 `verify` 核對餘額和雜湊鏈。金額以人民幣計，最多兩位小數。每個命令都是一個 SQLite 交易：要麼全部完成，要麼完全不做。",
        "爱心基金的复式记账账本，任何篡改都查得出来。\n\n出纳记录凭证；审计用 `verify` 核对余额和哈希链。金额以人民币计，最多两位小数。每个命令都是一个 SQLite 事务：要么全部完成，要么完全不做。";
    "Start with: lovefund init --name \"鷹潭市政協愛心基金\"\nThen: lovefund entry add --help" =>
        "從這裡開始：lovefund init --name \"鷹潭市政協愛心基金\"\n然後：lovefund entry add --help",
        "从这里开始：lovefund init --name \"鹰潭市政协爱心基金\"\n然后：lovefund entry add --help";
    // The global options.
    "The ledger file [env: LOVEFUND_DB; default: ./lovefund.db]" =>
        "賬本檔案［環境變數 LOVEFUND_DB；預設 ./lovefund.db］",
        "账本文件［环境变量 LOVEFUND_DB；默认 ./lovefund.db］";
    "Display language [env: LOVEFUND_LANG; default: the ledger's, else the locale ($LC_ALL, $LC_MESSAGES, $LANG: zh_CN/zh_SG → zh-Hans, zh_TW/zh_HK/zh_MO → zh-Hant, en_* → en), else zh-Hant]" =>
        "顯示語言［環境變數 LOVEFUND_LANG；預設為賬本的語言，其次為系統語言環境（$LC_ALL、$LC_MESSAGES、$LANG：zh_CN/zh_SG → zh-Hans，zh_TW/zh_HK/zh_MO → zh-Hant，en_* → en），再次為 zh-Hant］",
        "显示语言［环境变量 LOVEFUND_LANG；默认为账本的语言，其次为系统语言环境（$LC_ALL、$LC_MESSAGES、$LANG：zh_CN/zh_SG → zh-Hans，zh_TW/zh_HK/zh_MO → zh-Hant，en_* → en），再次为 zh-Hant］";
    "Machine-readable output (amounts are strings with two decimals)" =>
        "輸出供程式讀取的 JSON（金額為兩位小數的字串）",
        "输出供程序读取的 JSON（金额为两位小数的字符串）";
    "Open the ledger read-only: reports work, every change is refused" =>
        "以唯讀方式開啟賬本：報表照常，任何修改都會被拒絕",
        "以只读方式打开账本：报表照常，任何修改都会被拒绝";
    "Who is recording; on a ledger with users, who signs in (password from LOVEFUND_PASSWORD or a prompt) [env: LOVEFUND_USER; default: the OS user]" =>
        "記錄人；賬本有使用者時，是登入的使用者（密碼取自 LOVEFUND_PASSWORD 或提示輸入）［環境變數 LOVEFUND_USER；預設為作業系統的使用者］",
        "记录人；账本有用户时，是登录的用户（密码取自 LOVEFUND_PASSWORD 或提示输入）［环境变量 LOVEFUND_USER；默认为操作系统的用户］";
    // clap's own.
    "Print help (see more with '--help')" =>
        "顯示說明（用 --help 看完整說明）",
        "显示说明（用 --help 看完整说明）";
    "Print help (see a summary with '-h')" =>
        "顯示說明（用 -h 看摘要）",
        "显示说明（用 -h 看摘要）";
    "Print help" => "顯示說明", "显示说明";
    "Print version" => "顯示版本", "显示版本";
    "Print this message or the help of the given subcommand(s)" =>
        "顯示這份說明，或所列命令的說明",
        "显示这份说明，或所列命令的说明";
    // init, account, fund.
    "Create a new ledger with the default chart of accounts and funds" =>
        "建立新賬本，內含預設的會計科目和基金",
        "建立新账本，内含默认的会计科目和基金";
    "The fund's name, printed on receipts and summaries, kept as typed [default: 愛心基金, shown in the reader's language: 爱心基金, Love Fund]" =>
        "基金的名稱，印在收據和年度公告上，照輸入保存［預設：愛心基金，依讀者的語言顯示］",
        "基金的名称，印在收据和年度公告上，照输入保存［默认：爱心基金，依读者的语言显示］";
    "List or add accounts of the chart" => "列出或新增會計科目", "列出或新增会计科目";
    "List the chart of accounts" => "列出會計科目表", "列出会计科目表";
    "Add an account; a sub-account's code extends its parent's (5101.04)" =>
        "新增科目；明細科目的代碼接在上級科目代碼之後（5101.04）",
        "新增科目；明细科目的代码接在上级科目代码之后（5101.04）";
    "Four digits, or a sub-account such as 5101.04" =>
        "四位數字，或明細科目，例如 5101.04",
        "四位数字，或明细科目，例如 5101.04";
    "List or add funds" => "列出或新增基金", "列出或新增基金";
    "List the funds" => "列出基金", "列出基金";
    "Add a fund, e.g. one a donor designates" =>
        "新增基金，例如捐贈人指定用途的基金",
        "新增基金，例如捐赠人指定用途的基金";
    "The fund's money may only be spent on its purpose" =>
        "限定性基金：款項只能用於指定用途",
        "限定性基金：款项只能用于指定用途";
    "Per fund: opening balance, raised, disbursed, transfers, closing balance" =>
        "各基金的期初餘額、募集、支出、轉撥和期末餘額",
        "各基金的期初余额、募集、支出、转拨和期末余额";
    "End of the period [default: the last date in the ledger]" =>
        "期間的最後一天［預設：賬本中最後的日期］",
        "期间的最后一天［默认：账本中最后的日期］";
    "Start of the period [default: 1 January of the --as-of year]" =>
        "期間的第一天［預設：--as-of 那一年的 1 月 1 日］",
        "期间的第一天［默认：--as-of 那一年的 1 月 1 日］";
    // Entries.
    "Record a journal entry" => "記錄一張記賬憑證", "记录一张记账凭证";
    "現金流量表 (after 會民非03, direct method): the year's money in and out by line, with 行次" =>
        "現金流量表（依會民非03，直接法）：全年資金流入流出按項目列出，附行次",
        "现金流量表（依会民非03，直接法）：全年资金流入流出按项目列出，附行次";
    "The date the PDF notice is signed on, YYYY-MM-DD [default: today]" =>
        "PDF 公告落款的日期，YYYY-MM-DD［預設：今天］",
        "PDF 公告落款的日期，YYYY-MM-DD［默认：今天］";
    "Accounting vouchers (记账凭证) as A5 PDFs" => "記賬憑證（A5 PDF）", "记账凭证（A5 PDF）";
    "Write the voucher of one entry, or of every entry of --month, to DIR (记-YYYY-MM-NNN.pdf)" =>
        "把一張憑證、或 --month 整月的憑證寫到 DIR（記-YYYY-MM-NNN.pdf）",
        "把一张凭证、或 --month 整月的凭证写到 DIR（记-YYYY-MM-NNN.pdf）";
    "The entry [default: every entry of --month]" => "憑證［預設：--month 的全部憑證］", "凭证［默认：--month 的全部凭证］";
    "YYYY-MM: every entry dated in the month, numbered 记-001 on in the order recorded" =>
        "YYYY-MM：該月的全部憑證，按記錄先後編為 記-001 起",
        "YYYY-MM：该月的全部凭证，按记录先后编为 记-001 起";
    "The folder to write into" => "寫入的資料夾", "写入的文件夹";
    "A TrueType/OpenType font instead of the bundled one" => "以此 TrueType/OpenType 字型代替內附字型", "以此 TrueType/OpenType 字体代替内附字体";
    "Replace voucher files that exist already" => "取代已存在的憑證檔案", "替换已存在的凭证文件";
    "Store original documents (scans, photos, PDFs) with an entry: each file kept once by its SHA-256, in the hash chain" =>
        "把原始憑證（掃描件、照片、PDF）存入帳本並附於憑證：每個檔案按 SHA-256 只存一份，並進入雜湊鏈",
        "把原始凭证（扫描件、照片、PDF）存入账本并附于凭证：每个文件按 SHA-256 只存一份，并进入哈希链";
    "The entry they belong to" => "它們所屬的憑證", "它们所属的凭证";
    "The files (at most attachments.max-mb each, 20 MiB unless set)" =>
        "檔案（每個至多 attachments.max-mb，未設定時為 20 MiB）",
        "文件（每个至多 attachments.max-mb，未设置时为 20 MiB）";
    "List an entry's original documents" => "列出憑證的原始憑證附件", "列出凭证的原始凭证附件";
    "The entry" => "憑證", "凭证";
    "Write one stored document to a file, checked against its SHA-256" =>
        "把一個存入的附件寫到檔案，寫出前核對其 SHA-256",
        "把一个存入的附件写到文件，写出前核对其 SHA-256";
    "The attachment's number (#N in entry attachments)" =>
        "附件編號（`entry attachments` 列出的 #N）",
        "附件编号（`entry attachments` 列出的 #N）";
    "The file to write" => "要寫出的檔案", "要写出的文件";
    "Replace FILE if it exists" => "若 FILE 已存在，取代之", "若 FILE 已存在，替换之";
    "Withdraw an attachment (attached in error): a recorded withdrawal with a reason; its bytes stay" =>
        "撤回誤附的附件：記錄一筆帶原因的撤回；檔案內容保留",
        "撤回误附的附件：记录一笔带原因的撤回；文件内容保留";
    "The attachment's number" => "附件編號", "附件编号";
    "Why" => "原因", "原因";
    "Record an entry: debits positive, credits negative, summing to 0.00" =>
        "記錄憑證：借方為正，貸方為負，合計必須為 0.00",
        "记录凭证：借方为正，贷方为负，合计必须为 0.00";
    "Example (a bank donation to the study-aid fund):\n  lovefund entry add --date 2022-03-01 --memo \"張三捐款\" \\\n    --posting 1002@助學=5000.00 --posting 4101@助學=-5000.00" =>
        "例子（一筆經銀行捐給助學基金的款項）：\n  lovefund entry add --date 2022-03-01 --memo \"張三捐款\" \\\n    --posting 1002@助學=5000.00 --posting 4101@助學=-5000.00",
        "例子（一笔经银行捐给助学基金的款项）：\n  lovefund entry add --date 2022-03-01 --memo \"张三捐款\" \\\n    --posting 1002@助学=5000.00 --posting 4101@助学=-5000.00";
    "YYYY-MM-DD" => "日期，格式 YYYY-MM-DD", "日期，格式 YYYY-MM-DD";
    "ACCOUNT[@FUND]=AMOUNT; debit positive, credit negative; the fund defaults to 非限定" =>
        "科目[@基金]=金額，寫作 ACCOUNT[@FUND]=AMOUNT；借方為正，貸方為負；未寫基金即為非限定",
        "科目[@基金]=金额，写作 ACCOUNT[@FUND]=AMOUNT；借方为正，贷方为负；未写基金即为非限定";
    "Your own unique key for the entry (a voucher or bank number): running the same command again records nothing twice and answers with the entry already recorded" =>
        "這張憑證自己的唯一編號（憑證號或銀行流水號）：同一命令再執行一次不會重複記錄，只回覆已記錄的憑證",
        "这张凭证自己的唯一编号（凭证号或银行流水号）：同一命令再执行一次不会重复记录，只回复已记录的凭证";
    "Reverse an entry (紅字沖銷): a new entry with every posting negated" =>
        "紅字沖銷一張憑證：新記一張每筆分錄都反向的憑證",
        "红字冲销一张凭证：新记一张每笔分录都反向的凭证";
    "The entry to reverse" => "要沖銷的憑證", "要冲销的凭证";
    "Why (kept with the reversal)" => "原因（隨沖銷憑證保存）", "原因（随冲销凭证保存）";
    "Date of the reversal, YYYY-MM-DD [default: today]" =>
        "沖銷的日期，格式 YYYY-MM-DD［預設：今天］",
        "冲销的日期，格式 YYYY-MM-DD［默认：今天］";
    // Reports on the journal.
    "The trial balance (科目餘額表)" => "科目餘額表", "科目余额表";
    "Only entries dated on or before this date (YYYY-MM-DD)" =>
        "只算這一天及以前的憑證（YYYY-MM-DD）",
        "只算这一天及以前的凭证（YYYY-MM-DD）";
    "An account's postings with a running balance (明細賬)" =>
        "明細賬：一個科目的每筆分錄和逐筆餘額",
        "明细账：一个科目的每笔分录和逐笔余额";
    "Account code; its sub-accounts are included" =>
        "科目代碼；包括其明細科目",
        "科目代码；包括其明细科目";
    "First date (YYYY-MM-DD); earlier entries make the opening balance" =>
        "開始日期（YYYY-MM-DD）；之前的憑證計入期初餘額",
        "开始日期（YYYY-MM-DD）；之前的凭证计入期初余额";
    "Last date (YYYY-MM-DD)" => "結束日期（YYYY-MM-DD）", "结束日期（YYYY-MM-DD）";
    "One entry in full" => "顯示一張憑證的全部內容", "显示一张凭证的全部内容";
    "The entry's id" => "憑證的編號", "凭证的编号";
    "Check the ledger's invariants; exits 1 and names the first bad entry" =>
        "檢查賬本的各項規則；有問題時以 1 結束，並指出第一張有問題的憑證",
        "检查账本的各项规则；有问题时以 1 结束，并指出第一张有问题的凭证";
    "Checks to run [default: all]" => "要做的檢查［預設：全部］", "要做的检查［默认：全部］";
    "A ledger fingerprint printed earlier (on an annual summary or by verify): fails unless an entry of the chain still has this hash, which catches a ledger cut short or rewritten. The 64 hex digits, or at least the first 16 of them" =>
        "先前印出的賬本指紋（在年度公告上或由 verify 印出）：鏈中沒有一項仍是這個雜湊值時即不通過，可以查出被截短或改寫的賬本。寫 64 位十六進位數字，或至少前 16 位",
        "先前印出的账本指纹（在年度公告上或由 verify 印出）：链中没有一项仍是这个哈希值时即不通过，可以查出被截短或改写的账本。写 64 位十六进制数字，或至少前 16 位";
    // People.
    "Donors: add, list, show giving history" =>
        "捐贈人：新增、列出、查看捐贈紀錄",
        "捐赠人：新增、列出、查看捐赠记录";
    "Add a donor" => "新增捐贈人", "新增捐赠人";
    "Correct a donor (name, type, phone, identity number); kept as a chained record" =>
        "更正捐贈人（名稱、類別、電話、身份證號），作為一條鏈上記錄保存，舊的不改",
        "更正捐赠人（名称、类别、电话、身份证号），作为一条链上记录保存，旧的不改";
    "Examples:\n  lovefund donor edit 3 --name 'Zhang Sanfeng' --reason typo\n  lovefund donor edit 3 --phone 13800000000 --reason 'new number'" =>
        "例子：\n  lovefund donor edit 3 --name 張三豐 --reason 姓名錄錯\n  lovefund donor edit 張三豐 --phone 13800000000 --reason 捐贈人換了號碼",
        "例子：\n  lovefund donor edit 3 --name 张三丰 --reason 姓名录错\n  lovefund donor edit 张三丰 --phone 13800000000 --reason 捐赠人换了号码";
    "The donor's id or name" => "捐贈人的編號或名稱", "捐赠人的编号或名称";
    "The corrected name" => "更正後的名稱", "更正后的名称";
    "The corrected type" => "更正後的類別", "更正后的类别";
    "The corrected phone number" => "更正後的電話", "更正后的电话";
    "The corrected identity number (only a keyed hash and the last 4 characters are kept)" =>
        "更正後的身份證號（只保存加密雜湊和末 4 位）",
        "更正后的身份证号（只保存加密哈希和末 4 位）";
    "Why the donor is corrected (required)" => "更正的原因（必填）", "更正的原因（必填）";
    "Merge a donor entered twice into the one to keep: from then on its gifts count as the kept donor's in every report; kept as a chained record" =>
        "把重複登記的捐贈人併入要保留的那位：從此其捐款在所有報表中都計入保留的捐贈人；作為一條鏈上記錄保存",
        "把重复登记的捐赠人并入要保留的那位：从此其捐款在所有报表中都计入保留的捐赠人；作为一条链上记录保存";
    "Examples:\n  lovefund donor merge 3 7 --reason 'the same person entered twice'\n  lovefund donor unmerge 7 --reason 'not the same person after all'" =>
        "例子：\n  lovefund donor merge 3 7 --reason 同一人登記了兩次\n  lovefund donor unmerge 7 --reason 查明不是同一人",
        "例子：\n  lovefund donor merge 3 7 --reason 同一人登记了两次\n  lovefund donor unmerge 7 --reason 查明不是同一人";
    "Name the donor in public reports (the default)" =>
        "在公開的報表中列出捐贈人的名字（預設）",
        "在公开的报表中列出捐赠人的名字（默认）";
    "The donor asked not to be named in public reports: the year's donor list shows 愛心人士 instead" =>
        "捐贈人要求不在公開的報表中具名：全年捐贈人名單改列為愛心人士",
        "捐赠人要求不在公开的报表中具名：全年捐赠人名单改列为爱心人士";
    "The donor to keep (id or name)" => "要保留的捐贈人（編號或名稱）", "要保留的捐赠人（编号或名称）";
    "The donor entered twice, merged into the first (id or name)" =>
        "重複登記的捐贈人，併入前一位（編號或名稱）",
        "重复登记的捐赠人，并入前一位（编号或名称）";
    "Why the two are one donor (required)" => "為何兩者是同一捐贈人（必填）", "为何两者是同一捐赠人（必填）";
    "Undo a merge: the donor's gifts count as its own again; kept as a chained record" =>
        "取消合併：該捐贈人的捐款重新單獨計算；作為一條鏈上記錄保存",
        "取消合并：该捐赠人的捐款重新单独计算；作为一条链上记录保存";
    "The merged donor (id or name)" => "已合併的捐贈人（編號或名稱）", "已合并的捐赠人（编号或名称）";
    "Why the merge is undone (required)" => "取消合併的原因（必填）", "取消合并的原因（必填）";
    "Correct a beneficiary (name, type, school, grade, village, household size, identity number)" =>
        "更正受助人（名稱、類別、學校、年級、村、家庭人數、身份證號），作為一條鏈上記錄保存",
        "更正受助人（名称、类别、学校、年级、村、家庭人数、身份证号），作为一条链上记录保存";
    "Examples:\n  lovefund beneficiary edit 12 --grade 2 --reason 'new school year'\n  lovefund beneficiary edit 12 --members 5 --reason 'a child was born'" =>
        "例子：\n  lovefund beneficiary edit 12 --grade 高二 --reason 升入高二\n  lovefund beneficiary edit 李曉紅 --members 5 --reason 家裡添了孩子",
        "例子：\n  lovefund beneficiary edit 12 --grade 高二 --reason 升入高二\n  lovefund beneficiary edit 李晓红 --members 5 --reason 家里添了孩子";
    "The beneficiary's id or name" => "受助人的編號或名稱", "受助人的编号或名称";
    "The corrected school" => "更正後的學校", "更正后的学校";
    "The corrected grade" => "更正後的年級", "更正后的年级";
    "The corrected village" => "更正後的村", "更正后的村";
    "The corrected household size" => "更正後的家庭人數", "更正后的家庭人数";
    "The corrected identity or student number (only a keyed hash and the last 4 characters are kept)" =>
        "更正後的身份證號或學號（只保存加密雜湊和末 4 位）",
        "更正后的身份证号或学号（只保存加密哈希和末 4 位）";
    "Why the beneficiary is corrected (required)" => "更正的原因（必填）", "更正的原因（必填）";
    "Identity number: only a keyed hash and the last 4 characters are kept" =>
        "身分證號碼：只保存加密鑰的雜湊值和末 4 位",
        "身份证号码：只保存加密钥的哈希值和末 4 位";
    "List donors with their number of gifts and total" =>
        "列出捐贈人及其捐贈次數和總額",
        "列出捐赠人及其捐赠次数和总额";
    "One donor's giving history and total" =>
        "一位捐贈人的捐贈紀錄和總額",
        "一位捐赠人的捐赠记录和总额";
    "The donor: id, name, any part of a name, pinyin initials (zs for 张三) or the last 4 identity characters" =>
        "捐贈人：編號、名稱、名稱的任一部分、拼音首字母（zs 即 張三）或身分證號末 4 位",
        "捐赠人：编号、名称、名称的任一部分、拼音首字母（zs 即 张三）或身份证号末 4 位";
    "Beneficiaries (students, households): add, list, show aid history" =>
        "受助人（學生、家庭）：新增、列出、查看受助紀錄",
        "受助人（学生、家庭）：新增、列出、查看受助记录";
    "Add a student (--school, --grade) or a household (--village, --members)" =>
        "新增學生（--school、--grade）或家庭（--village、--members）",
        "新增学生（--school、--grade）或家庭（--village、--members）";
    "Household size" => "家庭人數", "家庭人数";
    "Identity or student number: only a keyed hash and the last 4 characters are kept" =>
        "身分證號碼或學號：只保存加密鑰的雜湊值和末 4 位",
        "身份证号码或学号：只保存加密钥的哈希值和末 4 位";
    "List beneficiaries with their number of payments and total aid" =>
        "列出受助人及其受助次數和總額",
        "列出受助人及其受助次数和总额";
    "One beneficiary's aid history" => "一位受助人的受助紀錄", "一位受助人的受助记录";
    "The beneficiary: id, name, any part of a name, pinyin initials (zs for 张三) or the last 4 identity characters" =>
        "受助人：編號、名稱、名稱的任一部分、拼音首字母（zs 即 張三）或身分證號末 4 位",
        "受助人：编号、名称、名称的任一部分、拼音首字母（zs 即 张三）或身份证号末 4 位";
    "Record a donation and issue its receipt number" =>
        "記錄一筆捐贈並開出收據號碼",
        "记录一笔捐赠并开出收据号码";
    "Donor: id, name, any part of a name, pinyin initials or the last 4 identity characters; 愛心人士 (or \"anonymous\") for an anonymous gift" =>
        "捐贈人：編號、名稱、名稱的任一部分、拼音首字母或身分證號末 4 位；匿名捐贈寫 愛心人士（或 \"anonymous\"）",
        "捐赠人：编号、名称、名称的任一部分、拼音首字母或身份证号末 4 位；匿名捐赠写 爱心人士（或 \"anonymous\"）";
    "Positive, at most two decimals, e.g. 5000.00" =>
        "正數，最多兩位小數，例如 5000.00",
        "正数，最多两位小数，例如 5000.00";
    "YYYY-MM-DD; the receipt number comes from this year's sequence" =>
        "日期，格式 YYYY-MM-DD；收據號碼取自這一年的序列",
        "日期，格式 YYYY-MM-DD；收据号码取自这一年的序列";
    "助學, 扶貧, 幫困, 非限定 (either script) or study-aid, poverty-relief, hardship, unrestricted" =>
        "助學、扶貧、幫困、非限定（繁簡皆可），或 study-aid、poverty-relief、hardship、unrestricted",
        "助学、扶贫、帮困、非限定（繁简皆可），或 study-aid、poverty-relief、hardship、unrestricted";
    "Bank or payment reference, unique in the ledger: running the same command again records nothing twice and answers with the entry already recorded" =>
        "銀行或支付的流水號，在賬本中唯一：同一命令再執行一次不會重複記錄，只回覆已記錄的憑證",
        "银行或支付的流水号，在账本中唯一：同一命令再执行一次不会重复记录，只回复已记录的凭证";
    "The official 公益事業捐贈票據 number, when one was issued" =>
        "已開出公益事業捐贈票據時，票據的號碼",
        "已开出公益事业捐赠票据时，票据的号码";
    "Record aid paid to a beneficiary from a program" =>
        "記錄從某個項目付給受助人的款項",
        "记录从某个项目付给受助人的款项";
    "Beneficiary: id, name, any part of a name, pinyin initials or the last 4 identity characters" =>
        "受助人：編號、名稱、名稱的任一部分、拼音首字母或身分證號末 4 位",
        "受助人：编号、名称、名称的任一部分、拼音首字母或身份证号末 4 位";
    "Positive, at most two decimals" => "正數，最多兩位小數", "正数，最多两位小数";
    "助學, 扶貧 or 幫困 (either script) or study-aid, poverty-relief, hardship" =>
        "助學、扶貧或幫困（繁簡皆可），或 study-aid、poverty-relief、hardship",
        "助学、扶贫或帮困（繁简皆可），或 study-aid、poverty-relief、hardship";
    "A gift the donor designates for one named student or household: held in trust for them (受托代理, 2601), not donation revenue; paid out with `disburse --entrusted`. The beneficiary as for `disburse --to`" =>
        "捐贈人指定給某一位學生或某一戶家庭的捐款：作為受託代理為其代管（受託代理負債 2601），不計入捐贈收入；用 `disburse --entrusted` 轉交。受益人的寫法與 `disburse --to` 相同",
        "捐赠人指定给某一位学生或某一户家庭的捐款：作为受托代理为其代管（受托代理负债 2601），不计入捐赠收入；用 `disburse --entrusted` 转交。受益人的写法与 `disburse --to` 相同";
    "Pay out gifts held in trust for this beneficiary (`donate --for`) instead of a program's aid; refused beyond what is held for them" =>
        "轉交為這位受益人代管的受託代理款（`donate --for`），而不是項目資助；超過代管的金額會被拒絕",
        "转交为这位受益人代管的受托代理款（`donate --for`），而不是项目资助；超过代管的金额会被拒绝";
    "年度信息公开 (慈善组织信息公开办法): income by source and kind, spending and people aided by program, each project's money in and out, gifts held in trust, donors and beneficiaries as the public may see them (names masked, 张*; donors who asked not to be named never named)" =>
        "年度信息公開（慈善組織信息公開辦法）：收入按來源和種類、各項目的支出和受助人數、每個項目的收支、受託代理，以及可公開的捐贈人和受助人（姓名遮蔽，如 張*；要求不具名的捐贈人絕不列名）",
        "年度信息公开（慈善组织信息公开办法）：收入按来源和种类、各项目的支出和受助人数、每个项目的收支、受托代理，以及可公开的捐赠人和受助人（姓名遮蔽，如 张*；要求不具名的捐赠人绝不列名）";
    "Record the disclosure as published now (in the ledger's language), so that any later change can only be published as a new version with a --correction" =>
        "把這份信息公開記錄為現在發布的版本（用賬本的語言），之後任何變化都只能加上 --correction 作為新的一版發布",
        "把这份信息公开记录为现在发布的版本（用账本的语言），之后任何变化都只能加上 --correction 作为新的一版发布";
    "With --publish, once published: what was corrected and why (更正说明); the corrected figures become a new version, the old one stays on record" =>
        "與 --publish 一起用於已發布之後：更正了什麼、為什麼（更正說明）；更正後的數字成為新的一版，舊的一版仍保留在記錄中",
        "与 --publish 一起用于已发布之后：更正了什么、为什么（更正说明）；更正后的数字成为新的一版，旧的一版仍保留在记录中";
    "The fund to draw on [default: the program's own fund]" =>
        "從哪個基金支出［預設：該項目自己的基金］",
        "从哪个基金支出［默认：该项目自己的基金］";
    // Import.
    "Import donations and disbursements from the treasurer's sheet: CSV, TSV, .xlsx, .xls or .ods (all or nothing)" =>
        "從出納的表格匯入捐贈和支出：CSV、TSV、.xlsx、.xls 或 .ods（全部成功或全部不做）",
        "从出纳的表格导入捐赠和支出：CSV、TSV、.xlsx、.xls 或 .ods（全部成功或全部不做）";
    "Columns (header row, any order; a title row above it and a total row below the data are skipped), in lovefund's codes or the sheet's words: date/日期 (2022-03-01, 2022/3/1, 2022年3月1日, 20220301); kind/收支 (donation|disbursement, 捐款|资助), not needed when the name column says who gives (捐款人/donor: donations) or who receives (受助人/beneficiary: disbursements); counterparty; counterparty_type/类别 (person|organization|anonymous|student|household, 个人|单位|匿名|学生|家庭); program/用途/项目 (a fund; 不限: unrestricted); amount/金额 (3,000.00, ¥3,000.00, 3000元); method/方式 (bank|cash|wechat|alipay, 银行|现金|微信|支付宝); reference (unique per line; a sheet without it gets one derived from each line) — required; memo/备注, counterparty_id — optional; 序号 is ignored." =>
        "各欄（第一行為標題，順序不限；標題上方的表名行和資料下方的合計行會略過），可用 lovefund 的代碼或表中的字：date/日期（2022-03-01、2022/3/1、2022年3月1日、20220301）；kind/收支（donation|disbursement、捐款|資助），名字欄已說明是誰捐（捐款人、捐贈人：捐贈）或誰受助（受助人：支出）時可不要；counterparty（對方）；counterparty_type/類別（person|organization|anonymous|student|household、個人|單位|匿名|學生|家庭）；program/用途/項目（基金；不限：非限定）；amount/金額（3,000.00、¥3,000.00、3000元）；method/方式（bank|cash|wechat|alipay、銀行|現金|微信|支付寶）；reference（流水號，每行唯一；沒有這一欄時，依每行的內容產生）——必填；memo/備註、counterparty_id（對方編號）——選填；序號不讀。",
        "各列（第一行为标题，顺序不限；标题上方的表名行和数据下方的合计行会略过），可用 lovefund 的代码或表中的字：date/日期（2022-03-01、2022/3/1、2022年3月1日、20220301）；kind/收支（donation|disbursement、捐款|资助），名字列已说明是谁捐（捐款人、捐赠人：捐赠）或谁受助（受助人：支出）时可不要；counterparty（对方）；counterparty_type/类别（person|organization|anonymous|student|household、个人|单位|匿名|学生|家庭）；program/用途/项目（基金；不限：非限定）；amount/金额（3,000.00、¥3,000.00、3000元）；method/方式（bank|cash|wechat|alipay、银行|现金|微信|支付宝）；reference（流水号，每行唯一；没有这一列时，依每行的内容生成）——必填；memo/备注、counterparty_id（对方编号）——选填；序号不读。";
    "FILE is a WeChat Pay or Alipay bill as the app exports it: its incoming gifts become donations, shown first as a dry run to confirm [default: told by the file's header]" =>
        "FILE 是微信支付或支付寶匯出的帳單：收到的捐款記為捐款，先以試算列出，確認後才記入［預設：由檔案的表頭判斷］",
        "FILE 是微信支付或支付宝导出的账单：收到的捐款记为捐款，先以试算列出，确认后才记入［默认：由文件的表头判断］";
    "Record a bill's gifts without asking (for scripts)" =>
        "不詢問，直接記入帳單的捐款（供腳本使用）",
        "不询问，直接记入账单的捐款（供脚本使用）";
    "Map headers the import does not know to its fields, e.g. date=收款日期,donor=捐助者,amount=数额,program=用途 (fields: the columns above, and donor, beneficiary, ignore)" =>
        "把匯入不認識的表頭對應到其欄位，例如 date=收款日期,donor=捐助者,amount=數額,program=用途（欄位：上面各欄，以及 donor、beneficiary、ignore）",
        "把导入不认识的表头对应到其字段，例如 date=收款日期,donor=捐助者,amount=数额,program=用途（字段：上面各列，以及 donor、beneficiary、ignore）";
    "With --columns: save the mapping in the ledger under NAME once the import succeeds; alone: read the file with the mapping saved as NAME" =>
        "與 --columns 同用：匯入成功後把這個對應以 NAME 存入帳本；單獨用：按存為 NAME 的對應讀取檔案",
        "与 --columns 同用：导入成功后把这个对应以 NAME 存入账本；单独用：按存为 NAME 的对应读取文件";
    "With --columns: save the mapping in the ledger under NAME once the reconciliation is committed; alone: read the statement with the mapping saved as NAME" =>
        "與 --columns 同用：對賬以 --commit 記錄後把這個對應以 NAME 存入帳本；單獨用：按存為 NAME 的對應讀取對賬單",
        "与 --columns 同用：对账以 --commit 记录后把这个对应以 NAME 存入账本；单独用：按存为 NAME 的对应读取对账单";
    "Record a sheet's new lines even where one looks like a corrected version of an entry imported before (same date, kind and amount)" =>
        "照樣記下表格的新行，即使某一行像是之前匯入的憑證改正後的樣子（日期、類別和金額相同）",
        "照样记下表格的新行，即使某一行像是之前导入的凭证改正后的样子（日期、类别和金额相同）";
    "The sheet: a CSV or TSV file in any encoding, or a workbook (.xlsx, .xls, .ods; its first sheet)" =>
        "表格：任何編碼的 CSV 或 TSV 檔案，或試算表檔案（.xlsx、.xls、.ods；讀第一個工作表）",
        "表格：任何编码的 CSV 或 TSV 文件，或电子表格文件（.xlsx、.xls、.ods；读第一个工作表）";
    "Check and report what would be imported, change nothing" =>
        "只檢查並列出將匯入的內容，不做任何修改",
        "只检查并列出将导入的内容，不做任何修改";
    "The file's encoding [default: its byte order mark, else UTF-8 if every byte is, else GB18030 or Big5 as detected; anything else is refused]" =>
        "檔案的編碼［預設：依位元組順序記號，否則全部位元組都合乎 UTF-8 時為 UTF-8，否則依偵測為 GB18030 或 Big5；其他一律拒絕］",
        "文件的编码［默认：依字节顺序标记，否则全部字节都合乎 UTF-8 时为 UTF-8，否则依检测为 GB18030 或 Big5；其他一律拒绝］";
    "GBK, GB2312 and GB18030, as Excel and WPS write them on a Simplified Chinese system" =>
        "GBK、GB2312 和 GB18030，即簡體中文系統上 Excel 和 WPS 存檔的編碼",
        "GBK、GB2312 和 GB18030，即简体中文系统上 Excel 和 WPS 保存的编码";
    "Big5, as Excel writes it on a Traditional Chinese system (Taiwan, Hong Kong)" =>
        "Big5，即繁體中文系統（台灣、香港）上 Excel 存檔的編碼",
        "Big5，即繁体中文系统（台湾、香港）上 Excel 保存的编码";
    "UTF-16, little-endian: Excel's \"Unicode text\"" =>
        "UTF-16 小端序：Excel 的「Unicode 文字」",
        "UTF-16 小端序：Excel 的“Unicode 文本”";
    // Reconcile and backup.
    "Reconcile a bank account with its statement (銀行存款餘額調節表); list or show recorded ones" =>
        "把銀行科目和對賬單核對，編製銀行存款餘額調節表；或列出、查看已記錄的對賬",
        "把银行科目和对账单核对，编制银行存款余额调节表；或列出、查看已记录的对账";
    "The account reconciled [default: 1002 for a bank statement, 1012.01 for a WeChat Pay bill, 1012.02 for an Alipay bill]" =>
        "核對的科目［預設：銀行對賬單為 1002，微信支付賬單為 1012.01，支付寶賬單為 1012.02］",
        "核对的科目［默认：银行对账单为 1002，微信支付账单为 1012.01，支付宝账单为 1012.02］";
    "Statement: a bank's own export (CSV in GBK or UTF-8, .xls or .xlsx; 收入金额/支出金额, 借/贷, a running 余额 — told by its header), a plain CSV date,amount,reference,description (amount signed: + in, − out), or a WeChat Pay / Alipay bill as the app exports it" =>
        "對賬單：網上銀行匯出的原檔（GBK 或 UTF-8 的 CSV、.xls 或 .xlsx；收入金額/支出金額、借/貸、逐行餘額——依表頭辨認），或 date,amount,reference,description 的簡單 CSV（金額帶正負號：+ 收入，− 支出），或微信支付、支付寶匯出的賬單原檔",
        "对账单：网上银行导出的原文件（GBK 或 UTF-8 的 CSV、.xls 或 .xlsx；收入金额/支出金额、借/贷、逐行余额——依表头辨认），或 date,amount,reference,description 的简单 CSV（金额带正负号：+ 收入，− 支出），或微信支付、支付宝导出的账单原文件";
    "Read --statement as this wallet's bill [default: told by its header]" =>
        "把 --statement 當作這個錢包的賬單讀取［預設：依表頭辨認］",
        "把 --statement 当作这个钱包的账单读取［默认：依表头辨认］";
    // Transfer between the fund's own accounts.
    "Move money between the fund's own accounts: a WeChat Pay/Alipay withdrawal (提现) to the bank and its fee" =>
        "在基金自己的科目之間轉賬：例如把微信支付、支付寶的餘額提現到銀行，連同手續費",
        "在基金自己的科目之间转账：例如把微信支付、支付宝的余额提现到银行，连同手续费";
    "The account the money leaves: 1012.01 (WeChat Pay), 1012.02 (Alipay), 1002, 1001 …" =>
        "錢轉出的科目：1012.01（微信支付）、1012.02（支付寶）、1002、1001 ……",
        "钱转出的科目：1012.01（微信支付）、1012.02（支付宝）、1002、1001 ……";
    "The account the money reaches, e.g. 1002 (the bank)" =>
        "錢轉入的科目，例如 1002（銀行）",
        "钱转入的科目，例如 1002（银行）";
    "What reaches --to: positive, at most two decimals, e.g. 100.00" =>
        "到達 --to 的金額：正數，最多兩位小數，例如 100.00",
        "到达 --to 的金额：正数，最多两位小数，例如 100.00";
    "The service fee (服务费) taken from --from on top of --amount, charged to 5201 管理费用" =>
        "從 --from 另外扣除的服務費（在 --amount 之外），記入 5201 管理費用",
        "从 --from 另外扣除的服务费（在 --amount 之外），记入 5201 管理费用";
    "The withdrawal's number (交易单号), unique in the ledger: running the same command again records nothing twice and answers with the entry already recorded" =>
        "提現的交易單號，在賬本中唯一：同一命令再執行一次不會重複記錄，只回覆已記錄的分錄",
        "提现的交易单号，在账本中唯一：同一命令再执行一次不会重复记录，只回复已记录的分录";
    "[default: FROM → TO]" => "［預設：轉出科目 → 轉入科目］", "［默认：转出科目 → 转入科目］";
    "The statement's closing balance, e.g. 64,207.35" => "對賬單的期末餘額，例如 64,207.35", "对账单的期末余额，例如 64,207.35";
    "The statement's date (YYYY-MM-DD): ledger items up to it are compared; a statement line dated after it is refused" =>
        "對賬單的日期（YYYY-MM-DD）：核對賬本中到這一天為止的項目；對賬單中晚於這一天的行會被拒絕",
        "对账单的日期（YYYY-MM-DD）：核对账本中到这一天为止的项目；对账单中晚于这一天的行会被拒绝";
    "Record the reconciliation and mark the matched postings cleared (a statement with the same lines, however laid out, is recorded once per account)" =>
        "記錄這次對賬，並把對上的分錄標為已核對（內容相同的對賬單，不論排版，每個科目只記一次）",
        "记录这次对账，并把对上的分录标为已核对（内容相同的对账单，不论排版，每个科目只记一次）";
    "Map a bank's own headers: date, amount (signed, or with direction=借貸), or a pair in/out, and reference, description, balance, counterparty, e.g. date=交易日期,in=收入金额,out=支出金额" =>
        "對應銀行自己的欄名：date、amount（帶正負號，或加 direction=借貸），或一對 in/out，以及 reference、description、balance、counterparty，例如 date=交易日期,in=收入金額,out=支出金額",
        "对应银行自己的列名：date、amount（带正负号，或加 direction=借贷），或一对 in/out，以及 reference、description、balance、counterparty，例如 date=交易日期,in=收入金额,out=支出金额";
    "The statement's encoding [default: its byte order mark, else UTF-8 if every byte is, else GB18030 or Big5 as detected; anything else is refused]" =>
        "對賬單的編碼［預設：依位元組順序記號，否則全部位元組都合乎 UTF-8 時為 UTF-8，否則依偵測為 GB18030 或 Big5；其他一律拒絕］",
        "对账单的编码［默认：依字节顺序标记，否则全部字节都合乎 UTF-8 时为 UTF-8，否则依检测为 GB18030 或 Big5；其他一律拒绝］";
    "Recorded reconciliations" => "已記錄的對賬", "已记录的对账";
    "One recorded reconciliation: cleared postings and unmatched statement lines" =>
        "一次已記錄的對賬：已核對的分錄和沒對上的對賬單行",
        "一次已记录的对账：已核对的分录和没对上的对账单行";
    "The reconciliation's id (see `reconcile list`)" =>
        "對賬的編號（見 `reconcile list`）",
        "对账的编号（见 `reconcile list`）";
    "Copy the ledger safely (online backup) to a new file an auditor can open read-only" =>
        "把賬本安全地複製（線上備份）到新檔案，供審計以唯讀方式開啟",
        "把账本安全地复制（在线备份）到新文件，供审计以只读方式打开";
    "Also copy the receipt signing key (whoever holds it can sign receipts); left out unless given" =>
        "連收據簽章私鑰一併複製（持有者可簽發收據）；不加此項則不複製",
        "连收据签名私钥一并复制（持有者可签发收据）；不加此项则不复制";
    "The new file; an existing file is replaced only with --force, the ledger's own files never" =>
        "新檔案；已有的檔案只在加 --force 時才取代，賬本自己的檔案絕不取代",
        "新文件；已有的文件只在加 --force 时才替换，账本自己的文件绝不替换";
    "Replace PATH if it exists" => "PATH 已存在時取代它", "PATH 已存在时替换它";
    // Search.
    "Find entries by any part of a name, a memo, a reference, a receipt number, an amount or a date; newest first" =>
        "查找憑證：依名字的任一部分、摘要、參考號、收據號、金額或日期；最新的在前",
        "查找凭证：按名字的任一部分、摘要、参考号、收据号、金额或日期；最新的在前";
    "What to look for: any part of a donor's or beneficiary's name (one character will do), a memo or a reference; also read as an amount (3000) or a receipt number (2022-000123); a day or a month (2022-03-01, 2022-03) finds the entries of those days" =>
        "要找的內容：捐贈人或受助人名字的任一部分（一個字也行）、摘要或參考號，簡體繁體都能找到；也當作金額（3000）或收據號（2022-000123）；日期或月份（2022-03-01、2022-03）則找那些日子的憑證",
        "要找的内容：捐赠人或受助人名字的任一部分（一个字也行）、摘要或参考号，简体繁体都能找到；也当作金额（3000）或收据号（2022-000123）；日期或月份（2022-03-01、2022-03）则找那些日子的凭证";
    "Only entries dated on or after this date (YYYY-MM-DD)" =>
        "只找這一天及以後的憑證（YYYY-MM-DD）",
        "只找这一天及以后的凭证（YYYY-MM-DD）";
    "Only entries of at least this amount (the sum of their debits)" =>
        "只找至少這個金額的憑證（借方合計）",
        "只找至少这个金额的凭证（借方合计）";
    "Only entries of at most this amount (the sum of their debits)" =>
        "只找至多這個金額的憑證（借方合計）",
        "只找至多这个金额的凭证（借方合计）";
    "Only entries of this kind (捐赠/捐贈, 资助/資助, 冲销/沖銷 are read too)" =>
        "只找這一類的憑證（也可以寫 捐贈、資助、沖銷）",
        "只找这一类的凭证（也可以写 捐赠、资助、冲销）";
    "Only entries with a posting in this fund (any of its names)" =>
        "只找有分錄記在這個基金的憑證（基金的任一名稱）",
        "只找有分录记在这个基金的凭证（基金的任一名称）";
    "Show at most this many entries, the newest" =>
        "最多列出這麼多筆，最新的在前",
        "最多列出这么多笔，最新的在前";
    // Files for Excel.
    "Write the report to FILE instead: FILE.xlsx as an Excel workbook (amounts as numbers), FILE.csv as CSV, FILE.pdf as an A4 PDF; an existing FILE is replaced only with --force" =>
        "改把報表寫入 FILE：FILE.xlsx 為 Excel 活頁簿（金額為數值），FILE.csv 為 CSV，FILE.pdf 為 A4 PDF；已有的 FILE 只在加 --force 時才取代",
        "改把报表写入 FILE：FILE.xlsx 为 Excel 工作簿（金额为数值），FILE.csv 为 CSV，FILE.pdf 为 A4 PDF；已有的 FILE 只在加 --force 时才替换";
    "Replace the FILE of --out (or of donors --pdf) if it exists" =>
        "--out（或 donors --pdf）的 FILE 已存在時取代它",
        "--out（或 donors --pdf）的 FILE 已存在时替换它";
    "The CSV's encoding [default: utf-8-bom for a file, utf-8 on a pipe]" =>
        "CSV 的編碼［預設：寫入檔案為 utf-8-bom，輸出到管道為 utf-8］",
        "CSV 的编码［默认：写入文件为 utf-8-bom，输出到管道为 utf-8］";
    "The encoding of --format csv and import-csv [default: utf-8-bom for a file, utf-8 on a pipe]" =>
        "--format csv 和 import-csv 的編碼［預設：寫入檔案為 utf-8-bom，輸出到管道為 utf-8］",
        "--format csv 和 import-csv 的编码［默认：写入文件为 utf-8-bom，输出到管道为 utf-8］";
    "UTF-8 with a byte order mark, which Excel and WPS read as UTF-8 (files' default)" =>
        "帶位元組順序記號的 UTF-8，Excel 和 WPS 會當作 UTF-8 讀取（檔案的預設）",
        "带字节顺序标记的 UTF-8，Excel 和 WPS 会当作 UTF-8 读取（文件的默认）";
    "UTF-8 without a mark, for programs (a pipe's default)" =>
        "不帶記號的 UTF-8，供程式讀取（管道的預設）",
        "不带标记的 UTF-8，供程序读取（管道的默认）";
    "GBK, for an old Excel on Simplified Chinese Windows; a character GBK lacks is refused" =>
        "GBK，供簡體中文 Windows 上的舊版 Excel；GBK 沒有的字元會被拒絕",
        "GBK，供简体中文 Windows 上的旧版 Excel；GBK 没有的字符会被拒绝";
    // Reports.
    "Reports: balance-sheet, activities, funds, donors, beneficiaries (text, --json or --csv)" =>
        "報表：balance-sheet（資產負債表）、activities（業務活動表）、funds（基金）、donors（捐贈人）、beneficiaries（受助人）（文字、--json 或 --csv）",
        "报表：balance-sheet（资产负债表）、activities（业务活动表）、funds（基金）、donors（捐赠人）、beneficiaries（受助人）（文字、--json 或 --csv）";
    "Write CSV for a spreadsheet instead of a text table" =>
        "輸出給試算表用的 CSV，而不是文字表格",
        "输出给电子表格用的 CSV，而不是文字表格";
    "資產負債表 (after 會民非01) on a date" =>
        "某一天的資產負債表（依會民非01）",
        "某一天的资产负债表（依会民非01）";
    "業務活動表 (after 會民非02): revenue and costs by restriction, the release of restricted net assets, the change in net assets" =>
        "業務活動表（依會民非02）：按限定與否列出收入和費用、限定性淨資產的解除、淨資產的變動",
        "业务活动表（依会民非02）：按限定与否列出收入和费用、限定性净资产的解除、净资产的变动";
    "Per fund: opening, raised, disbursed, transfers, closing for the year" =>
        "各基金全年的期初、募集、支出、轉撥和期末",
        "各基金全年的期初、募集、支出、转拨和期末";
    "Per donor: number of gifts and total (anonymous givers grouped as 愛心人士); or with --statement one donor's gifts of the year with their receipt numbers" =>
        "各捐贈人的捐贈次數和總額（匿名者合計為愛心人士）；加 --statement 時為一位捐贈人全年的捐贈及收據號碼",
        "各捐赠人的捐赠次数和总额（匿名者合计为爱心人士）；加 --statement 时为一位捐赠人全年的捐赠及收据号码";
    "One donor (name or id): the year-end statement" =>
        "一位捐贈人（名稱或編號）：年終對賬單",
        "一位捐赠人（名称或编号）：年终对账单";
    "With --statement: also write it as a PDF (A4, paginated); an existing FILE is replaced only with --force, the ledger's own files never" =>
        "與 --statement 同用：另存為 PDF（A4，分頁）；已有的 FILE 只在加 --force 時才取代，賬本自己的檔案絕不取代",
        "与 --statement 同用：另存为 PDF（A4，分页）；已有的 FILE 只在加 --force 时才替换，账本自己的文件绝不替换";
    "With --pdf: replace FILE if it exists" =>
        "與 --pdf 同用：FILE 已存在時取代它",
        "与 --pdf 同用：FILE 已存在时替换它";
    "Per program: students and households aided and amounts (students by name, school and grade only)" =>
        "各項目資助的學生和家庭及金額（學生只列姓名、學校和年級）",
        "各项目资助的学生和家庭及金额（学生只列姓名、学校和年级）";
    "Build a sample year of a love fund and write a receipt and the annual summary" =>
        "建立一個愛心基金的示範年度，並寫出一張收據和年度公告",
        "建立一个爱心基金的示范年度，并写出一张收据和年度公告";
    "The folder for the demo ledger and its PDFs; a rerun replaces only the files its manifest (.lovefund-demo-manifest) lists, and refuses files it did not make" =>
        "示範賬本和 PDF 所在的資料夾；再次執行只取代清單（.lovefund-demo-manifest）所列的檔案，不是它做的檔案一律拒絕",
        "示范账本和 PDF 所在的文件夹；再次执行只替换清单（.lovefund-demo-manifest）所列的文件，不是它做的文件一律拒绝";
    "Replace files in the way that the demo did not make (never a demo.db, never a whole folder)" =>
        "取代擋路而不是示範做的檔案（絕不取代 demo.db，也絕不取代整個資料夾）",
        "替换挡路而不是示范做的文件（绝不替换 demo.db，也绝不替换整个文件夹）";
    "The annual summary (年度收支公告): raised, disbursed, people aided, by program and month" =>
        "年度收支公告：按項目和月份列出募集、支出和受助人數",
        "年度收支公告：按项目和月份列出募集、支出和受助人数";
    "Also write it as an A4 PDF (CJK text in the bundled font, a monthly chart); an existing FILE is replaced only with --force, the ledger's own files never" =>
        "另存為 A4 PDF（中文用內建字型，附每月圖表）；已有的 FILE 只在加 --force 時才取代，賬本自己的檔案絕不取代",
        "另存为 A4 PDF（中文用内置字体，附每月图表）；已有的 FILE 只在加 --force 时才替换，账本自己的文件绝不替换";
    "A TTF/OTF/TTC font for the PDF instead of the bundled one (FILE#N: face N of a .ttc; a regular file of at most 64 MiB) [env: LOVEFUND_FONT]" =>
        "PDF 改用這個 TTF/OTF/TTC 字型，不用內建字型（FILE#N：.ttc 中的第 N 個字體；須為不超過 64 MiB 的一般檔案）［環境變數 LOVEFUND_FONT］",
        "PDF 改用这个 TTF/OTF/TTC 字体，不用内置字体（FILE#N：.ttc 中的第 N 个字体；须为不超过 64 MiB 的普通文件）［环境变量 LOVEFUND_FONT］";
    "Close a year: closing entries into net assets, then no entry may be dated in it" =>
        "年終結賬：把收支結轉到淨資產，之後不能再記這一年日期的憑證",
        "年终结账：把收支结转到净资产，之后不能再记这一年日期的凭证";
    // Receipts.
    "Donation receipts: print PDFs, list, void, reissue, check the sequence, verify one" =>
        "捐贈收據：印 PDF、列出、作廢、重開、檢查編號序列、核驗收據",
        "捐赠收据：印 PDF、列出、作废、重开、检查编号序列、核验收据";
    "Write receipt PDFs: one number, or every receipt of --year" =>
        "寫出收據 PDF：一個號碼，或 --year 那一年的全部收據",
        "写出收据 PDF：一个号码，或 --year 那一年的全部收据";
    "Receipt number, e.g. 2022-000123" => "收據號碼，例如 2022-000123", "收据号码，例如 2022-000123";
    "Every receipt of this year (void ones carry a VOID mark)" =>
        "這一年的全部收據（作廢的加上作廢標記）",
        "这一年的全部收据（作废的加上作废标记）";
    "Folder for the PDFs, made if missing; each file is named NUMBER.pdf, and an existing one is replaced only with --force" =>
        "PDF 存放的資料夾，沒有就建立；每個檔案名為 NUMBER.pdf（收據號碼），已有的只在加 --force 時才取代",
        "PDF 存放的文件夹，没有就建立；每个文件名为 NUMBER.pdf（收据号码），已有的只在加 --force 时才替换";
    "Replace receipt files that exist already" => "取代已有的收據檔案", "替换已有的收据文件";
    "A TTF/OTF/TTC font to use instead of the bundled Noto Sans CJK (FILE#N: face N of a .ttc; a regular file of at most 64 MiB) [env: LOVEFUND_FONT]" =>
        "改用這個 TTF/OTF/TTC 字型，不用內建的 Noto Sans CJK（FILE#N：.ttc 中的第 N 個字體；須為不超過 64 MiB 的一般檔案）［環境變數 LOVEFUND_FONT］",
        "改用这个 TTF/OTF/TTC 字体，不用内置的 Noto Sans CJK（FILE#N：.ttc 中的第 N 个字体；须为不超过 64 MiB 的普通文件）［环境变量 LOVEFUND_FONT］";
    "List receipts with their status" => "列出收據及其狀態", "列出收据及其状态";
    "Void a receipt: the number stays, marked void with the reason, who and when" =>
        "作廢收據：號碼保留，標為作廢，並記下原因、經手人和時間",
        "作废收据：号码保留，标为作废，并记下原因、经手人和时间";
    "Also reverse the donation (紅字沖銷), dated --date or today" =>
        "同時紅字沖銷這筆捐贈，日期為 --date 或今天",
        "同时红字冲销这笔捐赠，日期为 --date 或今天";
    "Date of the reversal with --reverse, YYYY-MM-DD [default: today]" =>
        "與 --reverse 同用：沖銷的日期，格式 YYYY-MM-DD［預設：今天］",
        "与 --reverse 同用：冲销的日期，格式 YYYY-MM-DD［默认：今天］";
    "Void a receipt and issue a new number for the same donation (misspelt name, lost receipt)" =>
        "作廢收據並為同一筆捐贈開出新號碼（名字寫錯、收據遺失）",
        "作废收据并为同一笔捐赠开出新号码（名字写错、收据遗失）";
    "The sequence report: every number from 1 to the last is issued or void; gaps fail" =>
        "編號序列報告：從 1 到最後一號，每個號碼都已開出或作廢；有缺號即不通過",
        "编号序列报告：从 1 到最后一号，每个号码都已开出或作废；有缺号即不通过";
    "Check a receipt: its verification code or signed QR text in this ledger, or on any machine with the fund's public key (--key/--keyfile)" =>
        "核驗收據：在本帳本中查驗證碼或二維碼的簽名內容；或在任何電腦上只憑基金的公鑰核驗（--key/--keyfile）",
        "核验收据：在本账本中查验证码或二维码的签名内容；或在任何电脑上只凭基金的公钥核验（--key/--keyfile）";
    "The code printed on the receipt (A1B2-C3D4-E5F6), the text its QR code holds, or the receipt's PDF file" =>
        "收據上印的驗證碼（A1B2-C3D4-E5F6）、掃描其二維碼得到的文字，或收據的 PDF 檔",
        "收据上印的验证码（A1B2-C3D4-E5F6）、扫描其二维码得到的文字，或收据的 PDF 文件";
    "The fund's public key, 64 hex digits as `lovefund key show` prints it: check without the ledger (may be given more than once)" =>
        "基金的公鑰，即 `lovefund key show` 印出的 64 位十六進位數字：不用帳本即可核驗（可給多次）",
        "基金的公钥，即 `lovefund key show` 打印的 64 位十六进制数字：不用账本即可核验（可给多次）";
    "A file of the fund's public keys, as `lovefund key show` prints them: check without the ledger" =>
        "存有基金公鑰的檔案（`lovefund key show` 的輸出）：不用帳本即可核驗",
        "存有基金公钥的文件（`lovefund key show` 的输出）：不用账本即可核验";
    "The list of voided receipts `lovefund publish` writes (voided.txt): the void status without the ledger" =>
        "`lovefund publish` 寫出的作廢收據清單（voided.txt）：不用帳本也能查作廢狀態",
        "`lovefund publish` 写出的作废收据清单（voided.txt）：不用账本也能查作废状态";
    "Serve the ledger as a web page for the browser on this computer (sign in with the ledger's users)" =>
        "把賬本作為網頁提供給這台電腦上的瀏覽器（以賬本的使用者登入）",
        "把账本作为网页提供给这台电脑上的浏览器（以账本的用户登录）";
    "The address and port to listen on; an address other than loopback needs --tls-cert and --tls-key" =>
        "監聽的位址和埠；本機以外的位址需要 --tls-cert 和 --tls-key",
        "监听的地址和端口；本机以外的地址需要 --tls-cert 和 --tls-key";
    "The TLS certificate chain (PEM), to serve over HTTPS" =>
        "TLS 憑證鏈（PEM），以 HTTPS 提供網頁",
        "TLS 证书链（PEM），以 HTTPS 提供网页";
    "The TLS private key (PEM) of --tls-cert" =>
        "--tls-cert 的 TLS 私鑰（PEM）",
        "--tls-cert 的 TLS 私钥（PEM）";
    "Sign a browser out after this long without a request: minutes, or a count with its unit (90s, 15m, 2h)" =>
        "瀏覽器多久沒有請求就登出：分鐘數，或帶單位的數（90s、15m、2h）",
        "浏览器多久没有请求就退出登录：分钟数，或带单位的数（90s、15m、2h）";
    "Example:\n  lovefund serve --db lovefund-demo/demo.db\n  then open the address it prints" =>
        "例子：\n  lovefund serve --db lovefund-demo/demo.db\n  然後打開它印出的位址",
        "例子：\n  lovefund serve --db lovefund-demo/demo.db\n  然后打开它打印的地址";
    "The keys receipts are signed with: show them for publishing, or change to a new one" =>
        "收據的簽名密鑰：印出公鑰以便公布，或更換為新密鑰",
        "收据的签名密钥：打印公钥以便公布，或更换为新密钥";
    "Print the public signing keys (the current one and every retired one), one a line: a key file for receipt verify --keyfile" =>
        "印出驗簽公鑰（目前的與所有已停用的），每行一把：可作核驗收據時 --keyfile 的公鑰檔",
        "打印验签公钥（当前的与所有已停用的），每行一把：可作核验收据时 --keyfile 的公钥文件";
    "Retire the current signing key and make a new one (old receipts stay valid under the old key)" =>
        "停用目前的簽名密鑰並產生新密鑰（舊收據憑舊公鑰仍可核驗）",
        "停用当前的签名密钥并生成新密钥（旧收据凭旧公钥仍可核验）";
    "Why, e.g. the computer holding the ledger was lost" =>
        "原因，例如存放帳本的電腦遺失",
        "原因，例如存放账本的电脑丢失";
    "Write the donors' verification page (one offline HTML file), the public keys and the list of voided receipts" =>
        "寫出捐贈人核驗收據的網頁（一個離線 HTML 檔）、公鑰檔與作廢收據清單",
        "写出捐赠人核验收据的网页（一个离线 HTML 文件）、公钥文件与作废收据清单";
    "Replace verify.html, keys.txt and voided.txt there if they exist" =>
        "若該處已有 verify.html、keys.txt 或 voided.txt，取代之",
        "若该处已有 verify.html、keys.txt 或 voided.txt，替换之";
    "The folder to write verify.html, keys.txt and voided.txt into" =>
        "寫入 verify.html、keys.txt 與 voided.txt 的資料夾",
        "写入 verify.html、keys.txt 与 voided.txt 的文件夹";
    // Export.
    "Export the journal for hledger, ledger-cli, beancount, a spreadsheet or a new ledger" =>
        "匯出日記賬，供 hledger、ledger-cli、beancount、試算表或新賬本使用",
        "导出日记账，供 hledger、ledger-cli、beancount、电子表格或新账本使用";
    "Examples:\n  lovefund export --format ledger --out fund.journal && hledger -f fund.journal bal\n  lovefund export --format beancount --out fund.beancount && bean-check fund.beancount\n  lovefund export --format csv --from 2022-01-01 --to 2022-12-31 --out 2022-postings.csv" =>
        "例子：\n  lovefund export --format ledger --out fund.journal && hledger -f fund.journal bal\n  lovefund export --format beancount --out fund.beancount && bean-check fund.beancount\n  lovefund export --format csv --from 2022-01-01 --to 2022-12-31 --out 2022-postings.csv",
        "例子：\n  lovefund export --format ledger --out fund.journal && hledger -f fund.journal bal\n  lovefund export --format beancount --out fund.beancount && bean-check fund.beancount\n  lovefund export --format csv --from 2022-01-01 --to 2022-12-31 --out 2022-postings.csv";
    "The format to write" => "輸出的格式", "输出的格式";
    "Read by hledger and ledger-cli" => "供 hledger 和 ledger-cli 讀取", "供 hledger 和 ledger-cli 读取";
    "One row per posting" => "每筆分錄一行", "每笔分录一行";
    "The import CSV's columns, for `import` into a new ledger" =>
        "匯入用 CSV 的欄，可用 `import` 匯入新賬本",
        "导入用 CSV 的列，可用 `import` 导入新账本";
    "Only entries dated on or after this date (YYYY-MM-DD); no opening balances are added" =>
        "只輸出這一天及以後的憑證（YYYY-MM-DD）；不另加期初餘額",
        "只输出这一天及以后的凭证（YYYY-MM-DD）；不另加期初余额";
    "Write to FILE instead of stdout: through a temporary file renamed into place, so FILE is never half-written; an existing FILE is replaced only with --force, the ledger's own files never" =>
        "寫入 FILE 而不是標準輸出：先寫暫存檔再改名就位，FILE 絕不會只寫一半；已有的 FILE 只在加 --force 時才取代，賬本自己的檔案絕不取代",
        "写入 FILE 而不是标准输出：先写临时文件再改名就位，FILE 绝不会只写一半；已有的 FILE 只在加 --force 时才替换，账本自己的文件绝不替换";
    "With --out: replace FILE if it exists" =>
        "與 --out 同用：FILE 已存在時取代它",
        "与 --out 同用：FILE 已存在时替换它";
    // Settings.
    "Read or change the ledger's settings; each change is recorded (who, when, the value)" =>
        "查看或修改賬本的設定；每次修改都有紀錄（誰、何時、改成什麼）",
        "查看或修改账本的设置；每次修改都有记录（谁、何时、改成什么）";
    "Settings:\n  dates.future-days-max  how many days after today an entry may be dated, 0 to 3660 (default 31): a typo like 2922 for 2022 is refused\n  ledger.time-zone       the offset from UTC that times are shown in, -12:00 to +14:00 (default +08:00, China, Hong Kong and Taiwan time)\n\nExamples:\n  lovefund config get\n  lovefund config set dates.future-days-max 60\n  lovefund config set ledger.time-zone +09:00" =>
        "設定：\n  dates.future-days-max  憑證日期最多可以晚於今天幾天，0 到 3660（預設 31）：把 2022 誤打成 2922 之類會被拒絕\n  ledger.time-zone       顯示時間所用的與 UTC 的時差，-12:00 到 +14:00（預設 +08:00，即北京、香港、台北時間）\n\n例子：\n  lovefund config get\n  lovefund config set dates.future-days-max 60\n  lovefund config set ledger.time-zone +09:00",
        "设置：\n  dates.future-days-max  凭证日期最多可以晚于今天几天，0 到 3660（默认 31）：把 2022 误打成 2922 之类会被拒绝\n  ledger.time-zone       显示时间所用的与 UTC 的时差，-12:00 到 +14:00（默认 +08:00，即北京时间）\n\n例子：\n  lovefund config get\n  lovefund config set dates.future-days-max 60\n  lovefund config set ledger.time-zone +09:00";
    "Show one setting (or every setting): its value, and who set it when" =>
        "顯示一項（或全部）設定：它的值，以及誰在何時設定",
        "显示一项（或全部）设置：它的值，以及谁在何时设置";
    "A setting's key, e.g. dates.future-days-max; all settings when left out" =>
        "設定的名稱，例如 dates.future-days-max；不寫則為全部設定",
        "设置的名称，例如 dates.future-days-max；不写则为全部设置";
    "Change a setting; the change is a record of its own, never an edit" =>
        "修改一項設定；每次修改另記一筆，從不改寫舊紀錄",
        "修改一项设置；每次修改另记一笔，从不改写旧记录";
    "A setting's key, e.g. dates.future-days-max" =>
        "設定的名稱，例如 dates.future-days-max",
        "设置的名称，例如 dates.future-days-max";
    "The new value" => "新的值", "新的值";
    // Arguments of people, receipts and reports.
    "A household's village" => "家庭所在的村", "家庭所在的村";
    "A note kept with the entry" => "隨憑證保存的備註", "随凭证保存的备注";
    "A person, an organization, or anonymous" => "個人、單位或匿名", "个人、单位或匿名";
    "A phone number to reach the donor" => "捐贈人的聯絡電話", "捐赠人的联系电话";
    "A student or a household" => "學生或家庭", "学生或家庭";
    "A student's grade" => "學生的年級", "学生的年级";
    "A student's school" => "學生的學校", "学生的学校";
    "How the money moved: the bank account, cash, WeChat Pay or Alipay" =>
        "收付方式：銀行、現金、微信支付或支付寶",
        "收付方式：银行、现金、微信支付或支付宝";
    "Only issued or only void receipts" => "只列已開出或只列已作廢的收據", "只列已开出或只列已作废的收据";
    "Only receipts of this year, e.g. 2022" => "只列這一年的收據，例如 2022", "只列这一年的收据，例如 2022";
    "The account's name" => "科目的名稱", "科目的名称";
    "The beneficiary's name, kept as typed" => "受助人的姓名，照輸入保存", "受助人的姓名，照输入保存";
    "The donor's name, kept as typed" => "捐贈人的名稱，照輸入保存", "捐赠人的名称，照输入保存";
    "The fund's name, kept as typed" => "基金的名稱，照輸入保存", "基金的名称，照输入保存";
    "The year, e.g. 2022" => "年度，例如 2022", "年度，例如 2022";
    "What kind of account it is" => "科目的類別", "科目的类别";
    "What the entry is for (摘要)" => "憑證的摘要", "凭证的摘要";
    "Why it is reissued (kept with the void receipt)" =>
        "重開的原因（隨作廢的收據保存）",
        "重开的原因（随作废的收据保存）";
    "Why it is void (kept with the receipt)" => "作廢的原因（隨收據保存）", "作废的原因（随收据保存）";
    // Users, roles and review (issue 17 §1).
    "A treasurer who forgot their password sets a new one with the recovery code (no sign-in); a new code is printed" =>
        "忘記密碼的司庫用恢復碼設定新密碼（無需登入）；會印出新的恢復碼",
        "忘记密码的司库用恢复码设置新密码（无需登录）；会打印新的恢复码";
    "Add a user; the first must be a treasurer and gets a one-time recovery code" =>
        "加入使用者；第一位必須是司庫，並得到一次性的恢復碼",
        "加入用户；第一位必须是司库，并得到一次性的恢复码";
    "Approve entries another user prepared (a reviewer only): a recorded review mark, not a posting" =>
        "審核別人制單的憑證（只限審核人）：記下審核，不是記賬",
        "审核别人制单的凭证（只限审核人）：记下审核，不是记账";
    "Change your own password" => "更改自己的密碼", "更改自己的密码";
    "Disable a user: they can no longer sign in (a treasurer only)" =>
        "停用使用者：此後不能登入（只限司庫）",
        "停用用户：此后不能登录（只限司库）";
    "Example:\n  lovefund user add 王司庫 --role treasurer\n  echo \"$NEW_PASSWORD\" | lovefund user add 李審核 --role reviewer --password-stdin" =>
        "例：\n  lovefund user add 王司庫 --role treasurer\n  echo \"$NEW_PASSWORD\" | lovefund user add 李審核 --role reviewer --password-stdin",
        "例：\n  lovefund user add 王司库 --role treasurer\n  echo \"$NEW_PASSWORD\" | lovefund user add 李审核 --role reviewer --password-stdin";
    "Give a user another role (a treasurer only)" => "改變使用者的角色（只限司庫）", "改变用户的角色（只限司库）";
    "Let a disabled user sign in again (a treasurer only)" =>
        "讓停用的使用者重新可以登入（只限司庫）",
        "让停用的用户重新可以登录（只限司库）";
    "List the users, their roles and whether they are active" =>
        "列出使用者、其角色和是否在用",
        "列出用户、其角色和是否在用";
    "Only entries of this year" => "只列這一年的憑證", "只列这一年的凭证";
    "Read the new password from standard input (one line) instead of a prompt" =>
        "從標準輸入讀新密碼（一行），不提示輸入",
        "从标准输入读新密码（一行），不提示输入";
    "Reads only" => "只能查閱", "只能查阅";
    "Reads; approves or rejects entries others prepared" =>
        "查閱；審核或退回別人制單的憑證",
        "查阅；审核或退回别人制单的凭证";
    "Records, corrects, prints, imports, closes; manages users" =>
        "記賬、更正、列印、匯入、結賬；管理使用者",
        "记账、更正、打印、导入、结账；管理用户";
    "Reject an entry another user prepared (a reviewer only); its preparer then reverses it" =>
        "退回別人制單的憑證（只限審核人）；之後由制單人沖銷",
        "退回别人制单的凭证（只限审核人）；之后由制单人冲销";
    "Set a new password for a user (a treasurer only)" => "為使用者設定新密碼（只限司庫）", "为用户设置新密码（只限司库）";
    "The entries no reviewer has approved or rejected yet, oldest first" =>
        "還沒有審核或退回的憑證，從最早的起",
        "还没有审核或退回的凭证，从最早的起";
    "The entries" => "憑證", "凭证";
    "The new role" => "新的角色", "新的角色";
    "The recovery code [default: asked on the terminal]" => "恢復碼［預設：在終端機上提示輸入］", "恢复码［默认：在终端上提示输入］";
    "The reviewer's note" => "審核意見", "审核意见";
    "The treasurer" => "司庫", "司库";
    "The user" => "使用者", "用户";
    "The user's name (no spaces)" => "使用者名稱（不含空白）", "用户名（不含空白）";
    "Users and their roles (treasurer, reviewer, auditor); once a ledger has users, every command signs one in" =>
        "使用者及其角色（司庫、審核人、審計）；賬本有了使用者後，每個命令都要登入",
        "用户及其角色（司库、审核人、审计）；账本有了用户后，每个命令都要登录";
    "What is wrong" => "哪裡不對", "哪里不对";
    "What the user may do" => "使用者可以做什麼", "用户可以做什么";
    // The audit pack.
    "The audit pack: one fiscal year's statements, journal, receipts, vouchers, reconciliations, attachments and verify report in one zip, its manifest signed with the fund's key" =>
        "審計包：一個會計年度的報表、日記賬、收據、記賬憑證、銀行對賬、附件和核驗報告，裝進一個 zip，其清單以基金的金鑰簽名",
        "审计包：一个会计年度的报表、日记账、收据、记账凭证、银行对账、附件和核验报告，装进一个 zip，其清单以基金的密钥签名";
    "Examples:\n  lovefund audit-pack --year 2022 --out audit-2022.zip\n  lovefund audit-pack verify audit-2022.zip --keyfile keys.txt" =>
        "例子：\n  lovefund audit-pack --year 2022 --out audit-2022.zip\n  lovefund audit-pack verify audit-2022.zip --keyfile keys.txt",
        "例子：\n  lovefund audit-pack --year 2022 --out audit-2022.zip\n  lovefund audit-pack verify audit-2022.zip --keyfile keys.txt";
    "The fiscal year to pack, e.g. 2022" => "要打包的會計年度，例如 2022", "要打包的会计年度，例如 2022";
    "The zip file to write; an existing FILE is replaced only with --force, the ledger's own files never" =>
        "要寫出的 zip 檔；已存在的 FILE 只在給出 --force 時取代，賬本自己的檔案絕不取代",
        "要写出的 zip 文件；已存在的 FILE 只在给出 --force 时替换，账本自己的文件绝不替换";
    "A TTF/OTF/TTC font for the receipts, vouchers and summary instead of the bundled one [env: LOVEFUND_FONT]" =>
        "收據、憑證和年度公告改用的 TTF/OTF/TTC 字型，而非內附字型［環境變數 LOVEFUND_FONT］",
        "收据、凭证和年度公告改用的 TTF/OTF/TTC 字体，而非内置字体［环境变量 LOVEFUND_FONT］";
    "The date the summary's notice is signed on, YYYY-MM-DD [default: today]" =>
        "年度公告的落款日期，YYYY-MM-DD［預設：今天］",
        "年度公告的落款日期，YYYY-MM-DD［默认：今天］";
    "Check an audit pack without the ledger: the manifest's signature and every file's SHA-256; names each file changed, added or removed" =>
        "不用賬本核驗審計包：清單的簽名和每個檔案的 SHA-256；逐一列出被更改、添加或刪除的檔案",
        "不用账本核验审计包：清单的签名和每个文件的 SHA-256；逐一列出被更改、添加或删除的文件";
    "The audit pack (a .zip lovefund audit-pack wrote)" =>
        "審計包（lovefund audit-pack 寫出的 .zip）",
        "审计包（lovefund audit-pack 写出的 .zip）";
    "The fund's public key, 64 hex digits as `lovefund key show` prints it (may be given more than once)" =>
        "基金的公鑰，即 `lovefund key show` 印出的 64 位十六進位數字（可給出多次）",
        "基金的公钥，即 `lovefund key show` 打印的 64 位十六进制数字（可给出多次）";
    "A file of the fund's public keys, as `lovefund key show` prints them" =>
        "基金公鑰的檔案，格式同 `lovefund key show` 的輸出",
        "基金公钥的文件，格式同 `lovefund key show` 的输出";
}
