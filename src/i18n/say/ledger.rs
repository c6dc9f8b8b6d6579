//! The words of `LedgerMessage`.

use super::import::choices;
use super::{Say, words};
use crate::error::message::{DayTotal, Holder, LedgerMessage};
use crate::i18n::Lang;

impl Say for LedgerMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            LedgerMessage::NotAnAccountCode { text } => words!(
                lang,
                "科目代碼「{text}」無效；請用四位數字，可加子科目，例如 1002 或 5101.01",
                "科目代码“{text}”无效；请用四位数字，可加子科目，例如 1002 或 5101.01",
                "account code \"{text}\" is not valid; use four digits with optional sub-account parts, e.g. 1002 or 5101.01",
            ),
            LedgerMessage::NameEmpty => words!(
                lang,
                "{field} 是空的；請填上名稱",
                "{field} 是空的；请填上名称",
                "{field} is empty; give a name",
            ),
            LedgerMessage::TooLong { max } => words!(
                lang,
                "{field} 超過 {max} 個字；請縮短",
                "{field} 超过 {max} 个字；请缩短",
                "{field} is longer than {max} characters; shorten it",
            ),
            LedgerMessage::ControlInName => words!(
                lang,
                "{field} 含有控制字元；請刪去",
                "{field} 含有控制字符；请删去",
                "{field} contains a control character; remove it",
            ),
            LedgerMessage::ControlInText => words!(
                lang,
                "{field} 含有控制字元（例如換行或 NUL）；請刪去",
                "{field} 含有控制字符（例如换行或 NUL）；请删去",
                "{field} contains a control character (such as a newline or NUL); remove it",
            ),
            LedgerMessage::Invisible { code } => words!(
                lang,
                "{field} 含有看不見的字元 U+{code:04X}，它會改變文字的讀法卻不顯示；請刪去",
                "{field} 含有看不见的字符 U+{code:04X}，它会改变文字的读法却不显示；请删去",
                "{field} contains the invisible character U+{code:04X}, which changes how the text reads without showing; remove it",
            ),
            LedgerMessage::TooFarAhead {
                date,
                days,
                today,
                latest,
            } => words!(
                lang,
                "{field} {date} 比今天（{today}）晚了超過 {days} 天；請檢查年份——憑證最晚只能記到 {latest}（設定 dates.future-days-max）",
                "{field} {date} 比今天（{today}）晚了超过 {days} 天；请检查年份——凭证最晚只能记到 {latest}（设置 dates.future-days-max）",
                "{field} {date} is more than {days} days after today ({today}); check the year — an entry may be dated at most {latest} (setting dates.future-days-max)",
            ),
            LedgerMessage::StoredBalancePastBound { account, fund } => words!(
                lang,
                "科目 {account} 在基金 {fund} 的已存餘額超出金額上限；請執行 `lovefund verify`",
                "科目 {account} 在基金 {fund} 的已存余额超出金额上限；请执行 `lovefund verify`",
                "the stored balance of account {account} in fund {fund} is past the amount bound; run `lovefund verify`",
            ),
            LedgerMessage::ClosedYear { date, closed } => words!(
                lang,
                "拒絕：{date} 在已結賬的年度（已結至 {closed} 年）；請把憑證或其更正記在未結賬的年度",
                "拒绝：{date} 在已结账的年度（已结至 {closed} 年）；请把凭证或其更正记在未结账的年度",
                "refused: {date} is in a closed year (closed through {closed}); date the entry or its correction in an open year",
            ),
            LedgerMessage::DayPastBound {
                total,
                account,
                fund,
                date,
                max,
            } => {
                let fund = holder(lang, fund);
                let what = match (lang, total) {
                    (Lang::ZhHant, DayTotal::Balance) => "餘額",
                    (Lang::ZhHans, DayTotal::Balance) => "余额",
                    (Lang::En, DayTotal::Balance) => "balance",
                    (Lang::ZhHant, DayTotal::Debits) => "當日借方合計",
                    (Lang::ZhHans, DayTotal::Debits) => "当日借方合计",
                    (Lang::En, DayTotal::Debits) => "debits on that day",
                    (Lang::ZhHant, DayTotal::Credits) => "當日貸方合計",
                    (Lang::ZhHans, DayTotal::Credits) => "当日贷方合计",
                    (Lang::En, DayTotal::Credits) => "credits on that day",
                };
                words!(
                    lang,
                    "拒絕：{field} 會使科目 {account} 在{fund}於 {date} 的{what}超過 {max}，即 lovefund 單項合計的上限；請記較小的金額，或分到其他日子或基金",
                    "拒绝：{field} 会使科目 {account} 在{fund}于 {date} 的{what}超过 {max}，即 lovefund 单项合计的上限；请记较小的金额，或分到其他日子或基金",
                    "refused: {field} would take the {what} of account {account} in {fund} on {date} past {max}, the most lovefund records in one total; record a smaller amount or spread it over other days or funds",
                )
            }
            LedgerMessage::AccountNotInChart { code } => words!(
                lang,
                "科目 {code} 不在科目表中；請看 `lovefund account list`，或用 `lovefund account add` 新增",
                "科目 {code} 不在科目表中；请看 `lovefund account list`，或用 `lovefund account add` 添加",
                "account {code} is not in the chart; see `lovefund account list` or add it with `lovefund account add`",
            ),
            LedgerMessage::AccountHasChildren { code } => words!(
                lang,
                "科目 {code} 有子科目；請記到其中一個子科目（例如 {code}.01）",
                "科目 {code} 有子科目；请记到其中一个子科目（例如 {code}.01）",
                "account {code} has sub-accounts; post to one of them (e.g. {code}.01)",
            ),
            LedgerMessage::NoSuchFund { id } => words!(
                lang,
                "基金 {id} 不存在",
                "基金 {id} 不存在",
                "fund {id} does not exist",
            ),
            LedgerMessage::BalancePastBound { holder, max } => {
                let what = self::holder(lang, holder);
                words!(
                    lang,
                    "拒絕：{field} 會使{what}的餘額超過 {max}，即 lovefund 單項合計的上限；請記較小的金額，或改用其他基金",
                    "拒绝：{field} 会使{what}的余额超过 {max}，即 lovefund 单项合计的上限；请记较小的金额，或改用其他基金",
                    "refused: {field} would take the balance of {what} past {max}, the most lovefund records in one total; record a smaller amount or use another fund",
                )
            }
            LedgerMessage::WouldGoNegative {
                holder,
                takes,
                date,
                available,
            } => {
                let what = self::holder(lang, holder);
                words!(
                    lang,
                    "拒絕：{what}會變成負數——這張憑證在 {date} 支用 {takes}，但當時只有 {available} 可用（已計入之後的每張憑證）；請記較小的金額，或改用其他基金或科目",
                    "拒绝：{what}会变成负数——这张凭证在 {date} 支用 {takes}，但当时只有 {available} 可用（已计入之后的每张凭证）；请记较小的金额，或改用其他基金或科目",
                    "refused: {what} would go negative — the entry takes {takes} on {date} but only {available} is available then (counting every later entry); record a smaller amount or draw on another fund or account",
                )
            }
            LedgerMessage::YearOutOfRange { year } => words!(
                lang,
                "{field} {year} 不是有效的年份",
                "{field} {year} 不是有效的年份",
                "{field} {year} is not a year",
            ),
            LedgerMessage::NotIncomeOrExpense { account } => words!(
                lang,
                "科目 {account} 不是收入或支出科目",
                "科目 {account} 不是收入或支出科目",
                "account {account} is not income or expense",
            ),
            LedgerMessage::NotADate { text } => words!(
                lang,
                "{field}「{text}」不是日期；請寫成 YYYY-MM-DD，例如 2022-03-01",
                "{field}“{text}”不是日期；请写成 YYYY-MM-DD，例如 2022-03-01",
                "{field} \"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2022-03-01",
            ),
            LedgerMessage::NotAYear { text } => words!(
                lang,
                "{field}「{text}」不是年份；請寫四位數字，例如 2022",
                "{field}“{text}”不是年份；请写四位数字，例如 2022",
                "{field} \"{text}\" is not a year; write it with four digits, e.g. 2022",
            ),
            LedgerMessage::NotAWholeNumber { text } => words!(
                lang,
                "{field}「{text}」不是整數；請只寫數字，例如 4",
                "{field}“{text}”不是整数；请只写数字，例如 4",
                "{field} \"{text}\" is not a whole number; write digits only, e.g. 4",
            ),
            LedgerMessage::TooFewPostings => words!(
                lang,
                "一張憑證至少要有兩筆分錄（--posting，一借一貸）",
                "一张凭证至少要有两笔分录（--posting，一借一贷）",
                "an entry needs at least two --posting values (a debit and a credit)",
            ),
            LedgerMessage::TooManyPostings { max } => words!(
                lang,
                "一張憑證最多 {max} 筆分錄；請拆開",
                "一张凭证最多 {max} 笔分录；请拆开",
                "an entry may have at most {max} postings; split it",
            ),
            LedgerMessage::ZeroPosting { account } => words!(
                lang,
                "{field} 中科目 {account} 的金額是 0.00；請刪去這筆",
                "{field} 中科目 {account} 的金额是 0.00；请删去这笔",
                "{field} for account {account} has amount 0.00; leave it out",
            ),
            LedgerMessage::PostingsTooLarge => words!(
                lang,
                "{field} 的金額太大，無法相加",
                "{field} 的金额太大，无法相加",
                "{field} amounts are too large to add up",
            ),
            LedgerMessage::Unbalanced { credits, by, sum } => {
                let side = match (lang, credits) {
                    (Lang::ZhHant, true) => "貸方",
                    (Lang::ZhHans, true) => "贷方",
                    (Lang::En, true) => "credits",
                    (Lang::ZhHant, false) => "借方",
                    (Lang::ZhHans, false) => "借方",
                    (Lang::En, false) => "debits",
                };
                words!(
                    lang,
                    "憑證借貸不平衡：{side}多出 {by}（分錄合計為 {sum}）；請讓 --posting 的金額合計為 0.00",
                    "凭证借贷不平衡：{side}多出 {by}（分录合计为 {sum}）；请让 --posting 的金额合计为 0.00",
                    "the entry does not balance: {side} exceed the other side by {by} (postings sum to {sum}); make the --posting amounts sum to 0.00",
                )
            }
            LedgerMessage::TotalTooLarge { what } => words!(
                lang,
                "合計太大，無法相加；賬本中的金額超出了 lovefund 能合計的範圍",
                "合计太大，无法相加；账本中的金额超出了 lovefund 能合计的范围",
                "the {what} is too large to add up; the ledger holds amounts past what lovefund can total",
            ),
            LedgerMessage::AmountTooLarge => {
                words!(lang, "{field} 太大", "{field} 太大", "{field} is too large",)
            }
            LedgerMessage::NotAProgram { text, programs } => {
                let programs = choices(lang, programs);
                words!(
                    lang,
                    "{field}「{text}」不是資助項目；請用其中之一：{programs}",
                    "{field}“{text}”不是资助项目；请用其中之一：{programs}",
                    "{field} \"{text}\" is not a program; use one of {programs}",
                )
            }
            LedgerMessage::NotAFund { text, funds } => {
                let funds = choices(lang, funds);
                words!(
                    lang,
                    "{field}「{text}」不是基金；請用其中之一：{funds}",
                    "{field}“{text}”不是基金；请用其中之一：{funds}",
                    "{field} \"{text}\" is not a fund; use one of {funds}",
                )
            }
            LedgerMessage::ReasonEmpty => words!(
                lang,
                "{field} 是空的；請說明沖銷這張憑證的原因",
                "{field} 是空的；请说明冲销这张凭证的原因",
                "{field} is empty; say why the entry is reversed",
            ),
            LedgerMessage::AlreadyReversed { id, by } => words!(
                lang,
                "憑證 {id} 已被憑證 {by} 沖銷；一張憑證最多沖銷一次",
                "凭证 {id} 已被凭证 {by} 冲销；一张凭证最多冲销一次",
                "entry {id} was already reversed by entry {by}; an entry is reversed at most once",
            ),
            LedgerMessage::ClosingNotReversed { id } => words!(
                lang,
                "憑證 {id} 是年終結賬憑證；年度結賬永不沖銷",
                "凭证 {id} 是年终结账凭证；年度结账永不冲销",
                "entry {id} is a year-end closing entry; the close of a year is never reversed",
            ),
            LedgerMessage::ReversalOfReversal { id } => words!(
                lang,
                "憑證 {id} 本身就是沖銷憑證；請重新記錄原憑證",
                "凭证 {id} 本身就是冲销凭证；请重新记录原凭证",
                "entry {id} is itself a reversal; record the original entry again instead",
            ),
            LedgerMessage::ReversalBeforeOriginal { date, id, original } => words!(
                lang,
                "{field} {date} 早於憑證 {id} 的日期 {original}；沖銷不能早於被沖銷的憑證",
                "{field} {date} 早于凭证 {id} 的日期 {original}；冲销不能早于被冲销的凭证",
                "{field} {date} is before entry {id}'s date {original}; a reversal cannot precede what it reverses",
            ),
            LedgerMessage::EntrustedOverpaid {
                takes,
                beneficiary,
                date,
                held,
            } => words!(
                lang,
                "拒絕：{field} {takes} 超過 {date} 為「{beneficiary}」代管的受託代理款 {held}（已計入之後的每張憑證）；請記不超過 {held} 的金額",
                "拒绝：{field} {takes} 超过 {date} 为“{beneficiary}”代管的受托代理款 {held}（已计入之后的每张凭证）；请记不超过 {held} 的金额",
                "refused: {field} {takes} is more than the {held} held in trust (受托代理) for \"{beneficiary}\" on {date} (counting every later entry); pay at most {held}",
            ),
            LedgerMessage::EntrustedReversalOverdrawn {
                id,
                beneficiary,
                takes,
                held,
            } => words!(
                lang,
                "拒絕：沖銷憑證 {id} 要從為「{beneficiary}」代管的受託代理款取回 {takes}，但只剩 {held}（其餘已轉交）；請先沖銷轉交給受益人的憑證",
                "拒绝：冲销凭证 {id} 要从为“{beneficiary}”代管的受托代理款取回 {takes}，但只剩 {held}（其余已转交）；请先冲销转交给受益人的凭证",
                "refused: reversing entry {id} takes back {takes} held in trust for \"{beneficiary}\", but only {held} is left (the rest was paid out); reverse the payouts to the beneficiary first",
            ),
            LedgerMessage::NameIsNumber { name } => words!(
                lang,
                "{field}「{name}」是數字，lovefund 會把它當作編號；請在名稱裡加上文字（例如「{name}號」）",
                "{field}“{name}”是数字，lovefund 会把它当作编号；请在名称里加上文字（例如“{name}号”）",
                "{field} \"{name}\" is a number, which lovefund reads as an id; add a word to the name (e.g. \"{name}號\")",
            ),
            LedgerMessage::NotAnIdNumber { max } => words!(
                lang,
                "{field} 不是身分證號或學號；請用 4 至 {max} 個字母和數字",
                "{field} 不是身份证号或学号；请用 4 至 {max} 个字母和数字",
                "{field} is not an identity or student number; use 4 to {max} letters and digits",
            ),
            LedgerMessage::IdentityKeyDamaged => words!(
                lang,
                "賬本的身分金鑰已損壞",
                "账本的身份密钥已损坏",
                "the ledger's identity key is damaged",
            ),
            LedgerMessage::NotAReceiptNumber { text } => words!(
                lang,
                "收據號碼「{text}」無效；請寫成 年份-號碼，例如 2022-000123",
                "收据号码“{text}”无效；请写成 年份-号码，例如 2022-000123",
                "receipt number \"{text}\" is not valid; write it as YEAR-NUMBER, e.g. 2022-000123",
            ),
            LedgerMessage::NotAVerificationCode { text } => words!(
                lang,
                "驗證碼「{text}」無效；它由 12 個字母和數字組成，例如 A1B2-C3D4-E5F6",
                "验证码“{text}”无效；它由 12 个字母和数字组成，例如 A1B2-C3D4-E5F6",
                "verification code \"{text}\" is not valid; it has 12 letters and digits, e.g. A1B2-C3D4-E5F6",
            ),
            LedgerMessage::NotASetting { key, settings } => words!(
                lang,
                "{field}「{key}」不是設定項；設定項有：{settings}",
                "{field}“{key}”不是设置项；设置项有：{settings}",
                "{field} \"{key}\" is not a setting; the settings are: {settings}",
            ),
            LedgerMessage::NotFutureDays { value, key, max } => words!(
                lang,
                "{key} 的{field}「{value}」不是 0 至 {max} 的天數",
                "{key} 的{field}“{value}”不是 0 至 {max} 的天数",
                "{field} \"{value}\" for {key} is not a number of days from 0 to {max}",
            ),
            LedgerMessage::NotATimeZone { value, key } => words!(
                lang,
                "{key} 的{field}「{value}」不是時區；請寫成與 UTC 的時差，例如 +08:00",
                "{key} 的{field}“{value}”不是时区；请写成与 UTC 的时差，例如 +08:00",
                "{field} \"{value}\" for {key} is not a time zone; write it as an offset from UTC, e.g. +08:00",
            ),
            LedgerMessage::NotYesOrNo { value, key } => words!(
                lang,
                "{key} 的{field}「{value}」不是 yes 或 no",
                "{key} 的{field}“{value}”不是 yes 或 no",
                "{field} \"{value}\" for {key} is neither yes nor no",
            ),
            LedgerMessage::NotAttachmentMb { value, key, max } => words!(
                lang,
                "{key} 的{field}「{value}」不是 1 至 {max} 的 MiB 數",
                "{key} 的{field}“{value}”不是 1 至 {max} 的 MiB 数",
                "{field} \"{value}\" for {key} is not a number of MiB from 1 to {max}",
            ),
            LedgerMessage::NotAProfileName { name, max } => words!(
                lang,
                "{field}「{name}」不能作為對應方案的名稱；請用 1 至 {max} 個字元，不含空格、逗號與等號，例如 工行",
                "{field}“{name}”不能作为对应方案的名称；请用 1 至 {max} 个字符，不含空格、逗号与等号，例如 工行",
                "{field} \"{name}\" cannot name a column profile; use 1 to {max} characters without spaces, commas or =, e.g. icbc",
            ),
            LedgerMessage::NotAVerifyUrl { value, key, max } => words!(
                lang,
                "{key} 的{field}「{value}」不是可用的驗證網址；請寫 https:// 開頭、不含 # 與空格、至多 {max} 個字元的網址，或寫空值取消",
                "{key} 的{field}“{value}”不是可用的验证网址；请写 https:// 开头、不含 # 与空格、至多 {max} 个字符的网址，或写空值取消",
                "{field} \"{value}\" for {key} is not a usable verification address; write an address starting with https://, without # or spaces, of at most {max} characters, or an empty value to unset it",
            ),
        }
    }
}

/// A guarded balance as a sentence names it.
pub(super) fn holder(lang: Lang, holder: &Holder) -> String {
    match holder {
        Holder::Fund { names: Some(c), .. } => match lang {
            Lang::ZhHant => format!("基金「{}」", c.zh_hant),
            Lang::ZhHans => format!("基金“{}”", c.zh_hans),
            Lang::En => format!("fund {} ({})", c.zh_hant, c.alias),
        },
        Holder::Fund { id, names: None } => match lang {
            Lang::En => format!("fund {id}"),
            _ => format!("基金 {id}"),
        },
        Holder::Account { code } => match lang {
            Lang::En => format!("account {code}"),
            _ => format!("科目 {code}"),
        },
    }
}
