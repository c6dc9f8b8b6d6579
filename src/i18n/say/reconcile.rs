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
                    "{field}：「{text}」不是對賬單的欄位；可對照的是 date、amount、reference 或 description，{example}",
                    "{field}：“{text}”不是对账单的字段；可对应的是 date、amount、reference 或 description，{example}",
                    "{field}: \"{text}\" is not a statement field; map date, amount, reference or description, {example}",
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
