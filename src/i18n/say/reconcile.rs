//! The words of `ReconcileMessage`.

use super::input::amount_fault;
use super::{Say, words};
use crate::error::message::{Quoted, ReconcileMessage};
use crate::i18n::Lang;

impl Say for ReconcileMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        let example = || {
            words!(
                lang,
                "例如 date=交易日期,amount=金額,reference=流水號,description=摘要",
                "例如 date=交易日期,amount=金额,reference=流水号,description=摘要",
                "e.g. date=交易日期,amount=金額,reference=流水號,description=摘要",
            )
        };
        match self {
            ReconcileMessage::MappingEmpty => {
                let example = example();
                words!(
                    lang,
                    "{field} 是空的；請寫 欄位=表頭 的對照，{example}",
                    "{field} 是空的；请写 字段=表头 的对应，{example}",
                    "{field} is empty; give FIELD=HEADER pairs, {example}",
                )
            }
            ReconcileMessage::MappingNotAPair { item } => {
                let example = example();
                words!(
                    lang,
                    "{field}：「{item}」不是 欄位=表頭；每對用「=」連接，對與對之間用「,」分開，{example}",
                    "{field}：“{item}”不是 字段=表头；每对用“=”连接，对与对之间用“,”分开，{example}",
                    "{field}: \"{item}\" is not FIELD=HEADER; write the pairs with '=' and separate them with ',', {example}",
                )
            }
            ReconcileMessage::MappingNotAField { text } => {
                let example = example();
                words!(
                    lang,
                    "{field}：「{text}」不是對賬單的欄位；可對照的是 date、amount、reference、description、in、out、direction、balance 或 counterparty，{example}",
                    "{field}：“{text}”不是对账单的字段；可对应的是 date、amount、reference、description、in、out、direction、balance 或 counterparty，{example}",
                    "{field}: \"{text}\" is not a statement field; map date, amount, reference, description, in, out, direction, balance or counterparty, {example}",
                )
            }
            ReconcileMessage::MappingNoHeader { name } => words!(
                lang,
                "{field}：{name} 的「=」後面沒有表頭名稱；請寫例如 {name}=摘要",
                "{field}：{name} 的“=”后面没有表头名称；请写例如 {name}=摘要",
                "{field}: {name} has no header name after '='; write e.g. {name}=摘要",
            ),
            ReconcileMessage::MappingTwice { name } => words!(
                lang,
                "{field}：{name} 對照了兩次；請只留一個 {name}=表頭",
                "{field}：{name} 对应了两次；请只留一个 {name}=表头",
                "{field}: {name} is mapped twice; keep one {name}=HEADER",
            ),
            ReconcileMessage::MappingSameColumn {
                first,
                second,
                header,
            } => words!(
                lang,
                "{field}：{first} 和 {second} 都讀欄「{header}」；每個欄位要有自己的欄",
                "{field}：{first} 和 {second} 都读列“{header}”；每个字段要有自己的列",
                "{field}: {first} and {second} both read the column \"{header}\"; each field needs its own column",
            ),
            ReconcileMessage::MappingAmountShape => words!(
                lang,
                "{field}：金額要嘛是一欄有正負號的 amount，要嘛是 amount 加 direction（借/貸），要嘛是一對 in 和 out；例如 in=收入金額,out=支出金額",
                "{field}：金额要么是一列带正负号的 amount，要么是 amount 加 direction（借/贷），要么是一对 in 和 out；例如 in=收入金额,out=支出金额",
                "{field}: map the amount as one signed amount, as amount with a direction (借/贷), or as a pair of in and out, e.g. in=收入金额,out=支出金额",
            ),
            ReconcileMessage::BankNoHeader {
                lines,
                columns,
                more,
            } => bank_no_header(lang, field, *lines, columns, *more),
            ReconcileMessage::MappedColumnsMissing { missing, columns } => {
                let (open, close, between) = match lang {
                    Lang::ZhHant => ("「", "」", "、"),
                    Lang::ZhHans => ("“", "”", "、"),
                    Lang::En => ("\"", "\"", ", "),
                };
                let list = |items: &[Quoted]| {
                    items
                        .iter()
                        .map(|c| format!("{open}{c}{close}"))
                        .collect::<Vec<_>>()
                        .join(between)
                };
                let (missing, columns) = (list(missing), list(columns));
                words!(
                    lang,
                    "{field} 對應的表頭 {missing} 在對賬單的表頭中都沒有；第 1 行的欄是 {columns}，請照對賬單的寫法對應",
                    "{field} 对应的表头 {missing} 在对账单的表头中都没有；第 1 行的列是 {columns}，请照对账单的写法对应",
                    "{field} maps {missing}, which no header row of the statement has; line 1's columns are {columns}: map the statement's own names",
                )
            }
            ReconcileMessage::NotAFileDate { text } => words!(
                lang,
                "{field}「{text}」不是日期；請寫成例如 2022-03-01、2022/03/01 或 20220301",
                "{field}“{text}”不是日期；请写成例如 2022-03-01、2022/03/01 或 20220301",
                "{field} \"{text}\" is not a date; write it e.g. as 2022-03-01, 2022/03/01 or 20220301",
            ),
            ReconcileMessage::BothSides {
                text,
                other,
                other_text,
            } => words!(
                lang,
                "{field}「{text}」和{other}「{other_text}」都有金額；一行只能有錢進或錢出，請檢查這一行",
                "{field}“{text}”和{other}“{other_text}”都有金额；一行只能有钱进或钱出，请检查这一行",
                "{field} \"{text}\" and {other} \"{other_text}\" both hold an amount; a line moves money either in or out, check the line",
            ),
            ReconcileMessage::NoSide { other } => words!(
                lang,
                "{field}和{other}都沒有金額；對賬單的每一行都有錢進或錢出",
                "{field}和{other}都没有金额；对账单的每一行都有钱进或钱出",
                "neither {field} nor {other} holds an amount; a statement line moves money in or out",
            ),
            ReconcileMessage::UnknownDirection { text } => words!(
                lang,
                "{field}「{text}」看不出錢的方向；應是 貸/收（錢進）或 借/支（錢出），或用 --columns 對照其他欄",
                "{field}“{text}”看不出钱的方向；应是 贷/收（钱进）或 借/支（钱出），或用 --columns 对应其他列",
                "{field} \"{text}\" does not say which way the money went; expected 贷/收 (in) or 借/支 (out), or map other columns with --columns",
            ),
            ReconcileMessage::BalanceBreak {
                previous_line,
                expected,
                found,
            } => words!(
                lang,
                "{field}應為 {expected}（由第 {previous_line} 行的餘額和這一行的金額算出），卻是 {found}；對賬單少了一行或有打錯的金額，請向銀行重新下載",
                "{field}应为 {expected}（由第 {previous_line} 行的余额和这一行的金额算出），却是 {found}；对账单少了一行或有打错的金额，请向银行重新下载",
                "{field} should be {expected} (from line {previous_line}'s balance and this line's amount) but is {found}; the statement lacks a line or has a mistyped amount, download it from the bank again",
            ),
            ReconcileMessage::NoHeader => words!(
                lang,
                "第 1 行：對賬單沒有表頭；第一行必須寫出 date、amount、reference 和 description 各欄（或用 {field} 對照銀行的欄名）",
                "第 1 行：对账单没有表头；第一行必须写出 date、amount、reference 和 description 各列（或用 {field} 对应银行的列名）",
                "line 1: the statement has no header; its first row must name the columns date, amount, reference and description (or map the bank's names with {field})",
            ),
            ReconcileMessage::ColumnTwice { column, name } => words!(
                lang,
                "第 1 行：欄「{column}」（{name}）在表頭出現了兩次；請改掉其中一個的名字，以免讀錯欄",
                "第 1 行：列“{column}”（{name}）在表头出现了两次；请改掉其中一个的名字，以免读错列",
                "line 1: the column \"{column}\" ({name}) appears twice in the header; rename one so the statement is read from the right column",
            ),
            ReconcileMessage::MissingColumns {
                missing,
                columns,
                more,
            } => missing_columns(lang, field, missing, columns, *more),
            ReconcileMessage::TooManyLines { max } => words!(
                lang,
                "對賬單超過 {max} 行；請一次對一段期間",
                "对账单超过 {max} 行；请一次对一段期间",
                "the statement has more than {max} lines; reconcile it a period at a time",
            ),
            ReconcileMessage::TooLarge { path, mib } => words!(
                lang,
                "{path} 大於 {mib} MiB；請一次對一段期間",
                "{path} 大于 {mib} MiB；请一次对一段期间",
                "{path} is larger than {mib} MiB; reconcile a period at a time",
            ),
            ReconcileMessage::FieldCount { found, header } => words!(
                lang,
                "這一行有 {found} 欄，表頭卻有 {header} 欄；請檢查是否多了或少了逗號",
                "这一行有 {found} 列，表头却有 {header} 列；请检查是否多了或少了逗号",
                "the line has {found} fields but the header has {header}; check for a stray or missing comma",
            ),
            ReconcileMessage::NotADate { text } => words!(
                lang,
                "{field}「{text}」不是日期；請寫成 年-月-日，例如 2022-03-01",
                "{field}“{text}”不是日期；请写成 年-月-日，例如 2022-03-01",
                "{field} \"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2022-03-01",
            ),
            ReconcileMessage::AfterAsOf { date, as_of } => words!(
                lang,
                "{field} {date} 晚於對賬日 {as_of}，調節表會把它算進去；請把對賬日定在 {date} 或之後，或把 {as_of} 之後的行從對賬單拿掉",
                "{field} {date} 晚于对账日 {as_of}，调节表会把它算进去；请把对账日定在 {date} 或之后，或把 {as_of} 之后的行从对账单去掉",
                "{field} {date} is after the as-of date {as_of}, so the reconciliation would count it; reconcile as of {date} or later, or leave the lines after {as_of} out of the statement",
            ),
            ReconcileMessage::AmountZero { text } => words!(
                lang,
                "{field}「{text}」是零；對賬單的每一行都有錢進（正數）或出（負數）",
                "{field}“{text}”是零；对账单的每一行都有钱进（正数）或出（负数）",
                "{field} \"{text}\" is zero; a statement line moves money in (positive) or out (negative)",
            ),
            ReconcileMessage::BadAmount { text, fault } => {
                let fault = amount_fault(lang, *fault);
                words!(
                    lang,
                    "{field}「{text}」{fault}",
                    "{field}“{text}”{fault}",
                    "{field} \"{text}\" {fault}",
                )
            }
            ReconcileMessage::TotalsTooLarge => words!(
                lang,
                "調節表的合計太大，加不起來；請檢查期末餘額，以及對賬單裡有沒有打錯的金額",
                "调节表的合计太大，加不起来；请检查期末余额，以及对账单里有没有打错的金额",
                "the reconciliation totals are too large to add up; check the closing balance and the statement for a mistyped amount",
            ),
            ReconcileMessage::Refused { bad_lines } => words!(
                lang,
                "對賬單有 {bad_lines} 行有錯，已列在上面；改正後請再對賬一次",
                "对账单有 {bad_lines} 行有错，已列在上面；改正后请再对账一次",
                "the statement has {bad_lines} bad line(s), listed above; fix them and reconcile again",
            ),
        }
    }
}

fn missing_columns(
    lang: Lang,
    field: &str,
    missing: &[(Quoted, String)],
    columns: &[Quoted],
    more: bool,
) -> String {
    let (open, close, sep) = match lang {
        Lang::ZhHant => ("「", "」", "、"),
        Lang::ZhHans => ("“", "”", "、"),
        Lang::En => ("\"", "\"", ", "),
    };
    let paren = |code: &str| match lang {
        Lang::En => format!(" ({code})"),
        _ => format!("（{code}）"),
    };
    let or = match lang {
        Lang::ZhHant | Lang::ZhHans => "或",
        Lang::En => " or ",
    };
    let missing = missing
        .iter()
        .map(|(header, code)| format!("{open}{header}{close}{}", paren(code)))
        .collect::<Vec<_>>()
        .join(or);
    let mut shown: Vec<String> = columns
        .iter()
        .map(|c| format!("{open}{c}{close}"))
        .collect();
    if more {
        shown.push("…".to_string());
    }
    let columns = shown.join(sep);
    words!(
        lang,
        "第 1 行：對賬單沒有欄 {missing}；它的欄是 {columns}。請改表頭，或用 {field} 對照銀行的欄名（例如 date=交易日期,amount=金額）",
        "第 1 行：对账单没有列 {missing}；它的列是 {columns}。请改表头，或用 {field} 对应银行的列名（例如 date=交易日期,amount=金额）",
        "line 1: rename the header or map the bank's names with {field} (e.g. date=交易日期,amount=金額): the statement has no column {missing}; its columns are {columns}",
    )
}

fn bank_no_header(lang: Lang, field: &str, lines: u64, columns: &[Quoted], more: bool) -> String {
    let (open, close, sep) = match lang {
        Lang::ZhHant => ("「", "」", "、"),
        Lang::ZhHans => ("“", "”", "、"),
        Lang::En => ("\"", "\"", ", "),
    };
    let mut shown: Vec<String> = columns
        .iter()
        .map(|c| format!("{open}{c}{close}"))
        .collect();
    if more {
        shown.push("…".to_string());
    }
    let columns = shown.join(sep);
    words!(
        lang,
        "對賬單前 {lines} 行沒有一行是表頭（要有日期欄，以及收入金額/支出金額、貸方發生額/借方發生額或交易金額）；第 1 行的欄是 {columns}。請用 {field} 對照，例如 date=交易日期,in=收入金額,out=支出金額",
        "对账单前 {lines} 行没有一行是表头（要有日期列，以及收入金额/支出金额、贷方发生额/借方发生额或交易金额）；第 1 行的列是 {columns}。请用 {field} 对应，例如 date=交易日期,in=收入金额,out=支出金额",
        "none of the statement's first {lines} lines is a header (a date column and 收入金额/支出金额, 贷方发生额/借方发生额 or 交易金额); line 1's columns are {columns}. Map them with {field}, e.g. date=交易日期,in=收入金额,out=支出金额",
    )
}
