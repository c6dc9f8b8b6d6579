//! The words of `ImportMessage`.

use super::input::amount_fault;
use super::{Say, words};
use crate::error::message::{Candidate, Choice, ImportMessage, Quoted};
use crate::i18n::Lang;

impl Say for ImportMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            ImportMessage::TooMuchText => words!(
                lang,
                "檔案的文字超過一次匯入能容納的量；請把它分成幾個檔案",
                "文件的文字超过一次导入能容纳的量；请把它分成几个文件",
                "the file holds more text than one import can take; split it",
            ),
            ImportMessage::LineTooLarge => words!(
                lang,
                "檔案太大，一次匯入容納不下；請把它分成幾個檔案",
                "文件太大，一次导入容纳不下；请把它分成几个文件",
                "the file is too large for one import; split it",
            ),
            ImportMessage::TooManyLines { max } => words!(
                lang,
                "檔案超過 {max} 行；請分成幾次匯入",
                "文件超过 {max} 行；请分成几次导入",
                "the file has more than {max} lines; split it into several imports",
            ),
            ImportMessage::UnknownColumns {
                line,
                columns,
                required,
                optional,
            } => unknown_columns(lang, *line, columns, required, optional),
            ImportMessage::MappingNotAPair { item } => words!(
                lang,
                "{field} 的「{item}」不是「欄位=表頭」；請寫成 date=收款日期,donor=捐助者,amount=數額 這樣",
                "{field} 的“{item}”不是“字段=表头”；请写成 date=收款日期,donor=捐助者,amount=数额 这样",
                "{field} item \"{item}\" is not FIELD=HEADER; write e.g. date=收款日期,donor=捐助者,amount=数额",
            ),
            ImportMessage::MappingNotAField { text, fields } => words!(
                lang,
                "{field} 的「{text}」不是匯入的欄位；欄位有：{fields}",
                "{field} 的“{text}”不是导入的字段；字段有：{fields}",
                "{field}: \"{text}\" is not an import field; the fields are: {fields}",
            ),
            ImportMessage::MappingTwice { text } => words!(
                lang,
                "{field} 把「{text}」對應了兩次；每個欄位與每個表頭只能對應一次",
                "{field} 把“{text}”对应了两次；每个字段与每个表头只能对应一次",
                "{field} maps \"{text}\" twice; map each field and each header once",
            ),
            ImportMessage::MappedColumnMissing { line, header } => words!(
                lang,
                "第 {line} 行：--columns 對應的表頭「{header}」在表頭中沒有；請核對表頭的寫法",
                "第 {line} 行：--columns 对应的表头“{header}”在表头中没有；请核对表头的写法",
                "line {line}: the header \"{header}\" that --columns maps is not in the header row; check how the sheet spells it",
            ),
            ImportMessage::ColumnTwice { line, column } => words!(
                lang,
                "第 {line} 行：欄「{column}」出現了兩次；請只留一個",
                "第 {line} 行：列“{column}”出现了两次；请只留一个",
                "line {line}: column \"{column}\" appears twice; keep one",
            ),
            ImportMessage::MissingColumns { line, columns } => words!(
                lang,
                "第 {line} 行：表頭缺少必需的欄 {columns}；表頭一行（表名之下的第一行）必須寫出各欄的名稱",
                "第 {line} 行：表头缺少必需的列 {columns}；表头一行（表名之下的第一行）必须写出各列的名称",
                "line {line}: the header lacks the required column(s) {columns}; the header row (the first below any title) must name the columns",
            ),
            ImportMessage::FieldCount { found, header } => words!(
                lang,
                "這一行有 {found} 欄，表頭卻有 {header} 欄",
                "这一行有 {found} 列，表头却有 {header} 列",
                "the line has {found} fields but the header has {header}",
            ),
            ImportMessage::DuplicateReference { reference, earlier } => words!(
                lang,
                "編號「{reference}」在第 {earlier} 行也用過；每一行都要有自己的編號",
                "编号“{reference}”在第 {earlier} 行也用过；每一行都要有自己的编号",
                "reference \"{reference}\" is also on line {earlier}; each line needs its own reference",
            ),
            ImportMessage::TotalTooLarge { donations, max } => {
                let (hant, hans, en) = if *donations {
                    ("捐贈", "捐赠", "donations")
                } else {
                    ("撥付", "拨付", "disbursements")
                };
                words!(
                    lang,
                    "檔案的{hant}到這一行合計超過 {max}，這是 lovefund 一個合計能記的上限；請分成幾次匯入",
                    "文件的{hans}到这一行合计超过 {max}，这是 lovefund 一个合计能记的上限；请分成几次导入",
                    "the file's {en} up to this line add up to more than {max}, the most lovefund records in one total; split the file into several imports",
                )
            }
            ImportMessage::NotAKind { text } => words!(
                lang,
                "類別「{text}」不對；請寫 捐款（donation）或 資助（disbursement）",
                "类别“{text}”不对；请写 捐款（donation）或 资助（disbursement）",
                "kind \"{text}\" is not donation or disbursement",
            ),
            ImportMessage::NotAPartyType { text } => words!(
                lang,
                "對象類型「{text}」不對；請寫 person（個人）、organization（單位）、anonymous（匿名）、student（學生）或 household（家庭）",
                "对象类型“{text}”不对；请写 person（个人）、organization（单位）、anonymous（匿名）、student（学生）或 household（家庭）",
                "counterparty_type \"{text}\" is not person, organization, anonymous, student or household",
            ),
            ImportMessage::DonationFromBeneficiary { party_type } => {
                let word = party_type_word(lang, party_type);
                words!(
                    lang,
                    "捐贈來自個人、單位或匿名捐款人，不會來自{word}",
                    "捐赠来自个人、单位或匿名捐赠人，不会来自{word}",
                    "a donation comes from a person, organization or anonymous donor, not a {party_type}",
                )
            }
            ImportMessage::DisbursementToDonor { party_type } => {
                let word = party_type_word(lang, party_type);
                words!(
                    lang,
                    "撥付是給學生或家庭的，不會給{word}",
                    "拨付是给学生或家庭的，不会给{word}",
                    "a disbursement goes to a student or household, not a {party_type}",
                )
            }
            ImportMessage::AmbiguousParty {
                role,
                party_type,
                name,
                candidates,
            } => {
                let count = candidates.len();
                let who = super::store::role_word(lang, role);
                let kind = party_type_word(lang, party_type);
                let described = candidates
                    .iter()
                    .map(|c| candidate(lang, c))
                    .collect::<Vec<_>>()
                    .join(if lang == Lang::En { "; " } else { "；" });
                words!(
                    lang,
                    "有 {count} 個{kind}{who}名為「{name}」（{described}）；請在 counterparty_id 欄填上所指那一位的身分證號，或用 `lovefund donate`/`disburse` 加編號記下這一行",
                    "有 {count} 个{kind}{who}名为“{name}”（{described}）；请在 counterparty_id 列填上所指那一位的身份证号，或用 `lovefund donate`/`disburse` 加编号记下这一行",
                    "{count} {who}s of type {kind} are named \"{name}\" ({described}); fill in the counterparty_id column with the identity number of the one meant, or record this line with `lovefund donate`/`disburse` and the id",
                )
            }
            ImportMessage::ReferenceRecorded {
                reference,
                id,
                kind,
                amount,
                date,
                differences,
            } => {
                let kind = crate::ledger::entry::EntryKind::parse(kind)
                    .map_or_else(|| kind.clone(), |k| k.label(lang).to_string());
                let differences = differences.join(if lang == Lang::En { ", " } else { "、" });
                let amount = crate::ledger::money::Money::from_fen(*amount);
                words!(
                    lang,
                    "參考號「{reference}」已記為憑證 {id}（{date} 的{kind} {amount}），它與這一行不同之處在：{differences}；請給這一行新的參考號，或把它改成一致",
                    "参考号“{reference}”已记为凭证 {id}（{date} 的{kind} {amount}），它与这一行不同之处在：{differences}；请给这一行新的参考号，或把它改成一致",
                    "reference \"{reference}\" was already recorded as entry {id} ({kind} of {amount} on {date}), which differs from this line in: {differences}; give the line a new reference, or correct it to match",
                )
            }
            ImportMessage::EmptyCounterparty => words!(
                lang,
                "對象是空的；請寫捐款人或受助人的名字",
                "对象是空的；请写捐赠人或受助人的名字",
                "counterparty is empty; give the donor's or beneficiary's name",
            ),
            ImportMessage::NotADate { text } => words!(
                lang,
                "{field}「{text}」不是日期；請寫成 年-月-日，例如 2022-03-01（也可以是 2022/3/1、2022年3月1日 或 20220301）",
                "{field}“{text}”不是日期；请写成 年-月-日，例如 2022-03-01（也可以是 2022/3/1、2022年3月1日 或 20220301）",
                "{field} \"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2022-03-01 (or 2022/3/1, 2022年3月1日, 20220301)",
            ),
            ImportMessage::NotAFund { text, funds } => {
                let funds = choices(lang, funds);
                words!(
                    lang,
                    "{field}「{text}」不是基金；請用 {funds} 之一",
                    "{field}“{text}”不是基金；请用 {funds} 之一",
                    "{field} \"{text}\" is not a fund; use one of {funds}",
                )
            }
            ImportMessage::NotAProgram { text, programs } => {
                let programs = choices(lang, programs);
                words!(
                    lang,
                    "{field}「{text}」不是救助項目；請用 {programs} 之一",
                    "{field}“{text}”不是救助项目；请用 {programs} 之一",
                    "{field} \"{text}\" is not a program; use one of {programs}",
                )
            }
            ImportMessage::BadAmount { text, fault } => {
                let fault = amount_fault(lang, *fault);
                words!(
                    lang,
                    "{field}「{text}」{fault}",
                    "{field}“{text}”{fault}",
                    "{field} \"{text}\" {fault}",
                )
            }
            ImportMessage::NotAMethod { text } => words!(
                lang,
                "方式「{text}」不對；請寫 bank（銀行）、cash（現金）、wechat（微信）或 alipay（支付寶）",
                "方式“{text}”不对；请写 bank（银行）、cash（现金）、wechat（微信）或 alipay（支付宝）",
                "method \"{text}\" is not bank, cash, wechat or alipay",
            ),
            ImportMessage::EmptyReference => words!(
                lang,
                "編號是空的；每一行都要有一個不重複的編號",
                "编号是空的；每一行都要有一个不重复的编号",
                "reference is empty; every line needs a unique reference",
            ),
            ImportMessage::NameLostCharacter { name } => words!(
                lang,
                "{field}「{name}」裏有「?」：Excel 存成 GBK 編碼的 CSV 時，把 GBK 沒有的字（如 䶮、𠮷）換成了問號；請在原表中改正這個名字，或另存為「CSV UTF-8」或 .xlsx 再匯入",
                "{field}“{name}”里有“?”：Excel 存成 GBK 编码的 CSV 时，把 GBK 没有的字（如 䶮、𠮷）换成了问号；请在原表中改正这个名字，或另存为“CSV UTF-8”或 .xlsx 再导入",
                "{field} \"{name}\" holds \"?\": Excel's GBK save writes it for a character GBK lacks (such as 䶮 or 𠮷); correct the name in the sheet, or save it as \"CSV UTF-8\" or .xlsx and import that",
            ),
            ImportMessage::LikelyReplaces {
                entry,
                date,
                name,
                amount,
            } => words!(
                lang,
                "這一行像是之前從表格匯入的第 {entry} 號憑證（{date}，「{name}」，{amount}）改正後的樣子：內容改了，所以它的編號是新的，匯入會把這筆款記兩次；請先沖銷第 {entry} 號憑證（lovefund reverse {entry} --reason …）再匯入，若它確是另一筆款，請加 --accept-new",
                "这一行像是之前从表格导入的第 {entry} 号凭证（{date}，“{name}”，{amount}）改正后的样子：内容改了，所以它的编号是新的，导入会把这笔款记两次；请先冲销第 {entry} 号凭证（lovefund reverse {entry} --reason …）再导入，若它确是另一笔款，请加 --accept-new",
                "this line looks like entry {entry} ({date}, \"{name}\", {amount}), imported from a sheet before, as corrected since: it changed, so its derived reference is new, and importing it would record the money twice; reverse entry {entry} first (lovefund reverse {entry} --reason …), or, if it is another payment, import with --accept-new",
            ),
            ImportMessage::TotalDiffers { found, sum } => words!(
                lang,
                "合計列寫的是 {found}，上面各行加起來卻是 {sum}；請檢查表中是否漏了或多了行",
                "合计行写的是 {found}，上面各行加起来却是 {sum}；请检查表中是否漏了或多了行",
                "the total row says {found}, but the rows above it add up to {sum}; check the sheet for missing or extra rows",
            ),
            ImportMessage::Refused { bad_lines } => words!(
                lang,
                "匯入被拒絕：有 {bad_lines} 行有錯，已列在上面；什麼都沒有匯入——改正後請再匯入一次",
                "导入被拒绝：有 {bad_lines} 行有错，已列在上面；什么都没有导入——改正后请再导入一次",
                "the import was refused: {bad_lines} bad line(s), listed above; nothing was imported — fix them and import the file again",
            ),
        }
    }
}

fn unknown_columns(
    lang: Lang,
    line: u64,
    columns: &[Quoted],
    required: &str,
    optional: &str,
) -> String {
    let quoted = |open: &str, close: &str, between: &str| {
        columns
            .iter()
            .map(|c| format!("{open}{c}{close}"))
            .collect::<Vec<_>>()
            .join(between)
    };
    match lang {
        Lang::ZhHant => {
            let list = quoted("「", "」", "、");
            format!(
                "第 {line} 行：欄 {list} 不是匯入的欄；欄位是 {required}（必需）和 {optional}（可選）——請刪除或改名，或用 --columns 對應，例如 --columns date=收款日期,donor=捐助者"
            )
        }
        Lang::ZhHans => {
            let list = quoted("“", "”", "、");
            format!(
                "第 {line} 行：列 {list} 不是导入的列；列名是 {required}（必需）和 {optional}（可选）——请删除或改名，或用 --columns 对应，例如 --columns date=收款日期,donor=捐助者"
            )
        }
        Lang::En if columns.len() == 1 => {
            let list = quoted("\"", "\"", ", ");
            format!(
                "line {line}: column {list} is not an import column; the columns are {required} (required) and {optional} (optional) — remove or rename it, or map it with --columns, e.g. --columns date=收款日期,donor=捐助者"
            )
        }
        Lang::En => {
            let list = quoted("\"", "\"", ", ");
            format!(
                "line {line}: columns {list} are not import columns; the columns are {required} (required) and {optional} (optional) — remove or rename them, or map them with --columns, e.g. --columns date=收款日期,donor=捐助者"
            )
        }
    }
}

/// What tells a party from others of the same name.
fn candidate(lang: Lang, c: &Candidate) -> String {
    let id = c.id;
    let mut told = vec![words!(lang, "編號 {id}", "编号 {id}", "id {id}")];
    if let Some(phone) = &c.phone {
        told.push(words!(
            lang,
            "電話 {phone}",
            "电话 {phone}",
            "phone {phone}"
        ));
    }
    if let Some(last4) = &c.id_last4 {
        told.push(words!(
            lang,
            "身分證號末四位 {last4}",
            "身份证号末四位 {last4}",
            "identity number ending {last4}",
        ));
    }
    told.join(if lang == Lang::En { ", " } else { "，" })
}

/// A party type's word, from its code.
fn party_type_word(lang: Lang, code: &str) -> String {
    let (hant, hans) = match code {
        "person" => ("個人", "个人"),
        "organization" => ("單位", "单位"),
        "anonymous" => ("匿名捐款人", "匿名捐赠人"),
        "student" => ("學生", "学生"),
        "household" => ("家庭", "家庭"),
        _ => (code, code),
    };
    match lang {
        Lang::ZhHant => hant.to_string(),
        Lang::ZhHans => hans.to_string(),
        Lang::En => code.to_string(),
    }
}

/// The funds or programs one may name, in the reader's script.
pub(super) fn choices(lang: Lang, choices: &[Choice]) -> String {
    let shown: Vec<String> = choices
        .iter()
        .map(|c| match lang {
            Lang::ZhHant => c.zh_hant.clone(),
            Lang::ZhHans => c.zh_hans.clone(),
            Lang::En => format!("{} ({})", c.zh_hant, c.alias),
        })
        .collect();
    match lang {
        Lang::En => shown.join(", "),
        _ => shown.join("、"),
    }
}
