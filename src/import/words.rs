//! The words of treasurers' sheets: the header names and values that the import
//! takes in zh-Hans, zh-Hant and English besides lovefund's own codes, as the donation
//! lists kept in Excel or WPS write them (序号 | 日期 | 捐款人 | 类别 | 金额 | 用途 |
//! 方式 | 备注), and the title and total rows around their data. One table per
//! field, so README's list and the reader cannot disagree. Pure; not here: what
//! a value's field does with it (see `read`).

use super::read::Kind;
use crate::input::header_key;
use crate::ledger::party::{Method, PartyType};

/// What a header cell names: one of `IMPORT_COLUMNS` (by index), telling the kind
/// of every line when it is a donor's or a beneficiary's column; or a column read
/// and ignored (a row number).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderWord {
    Column { column: usize, kind: Option<Kind> },
    Ignored,
}

/// Header names per import column (lovefund's own code first), in the order of
/// `IMPORT_COLUMNS`. Compared after `header_key`.
const COLUMN_WORDS: [&[&str]; 10] = [
    &[
        "date",
        "日期",
        "捐款日期",
        "捐赠日期",
        "捐贈日期",
        "资助日期",
        "資助日期",
        "时间",
        "時間",
        "交易日期",
    ],
    &[
        "kind",
        "收支",
        "收支类型",
        "收支類型",
        "业务类型",
        "業務類型",
    ],
    &["counterparty", "对象", "對象", "姓名", "名称", "名稱"],
    &[
        "counterparty_type",
        "类别",
        "類別",
        "type",
        "捐赠人类别",
        "捐贈人類別",
        "捐款人类别",
        "捐款人類別",
        "性质",
        "性質",
    ],
    &[
        "program",
        "项目",
        "項目",
        "用途",
        "捐赠用途",
        "捐贈用途",
        "捐款用途",
        "资助项目",
        "資助項目",
        "fund",
        "基金",
    ],
    &[
        "amount",
        "金额",
        "金額",
        "捐款金额",
        "捐款金額",
        "捐赠金额",
        "捐贈金額",
        "资助金额",
        "資助金額",
    ],
    &[
        "method",
        "方式",
        "付款方式",
        "支付方式",
        "捐款方式",
        "收款方式",
        "资助方式",
        "資助方式",
    ],
    &["reference", "单号", "單號", "凭证号", "憑證號"],
    &["memo", "备注", "備註", "備注", "说明", "說明", "摘要"],
    &[
        "counterparty_id",
        "身份证号",
        "身份證號",
        "证件号码",
        "證件號碼",
    ],
];

/// Counterparty headers that make every line a donation.
const DONOR_WORDS: [&str; 9] = [
    "donor",
    "捐赠人",
    "捐贈人",
    "捐款人",
    "捐赠单位",
    "捐贈單位",
    "捐款单位",
    "捐款單位",
    "捐赠者",
];
/// Counterparty headers that make every line a disbursement.
const BENEFICIARY_WORDS: [&str; 7] = [
    "beneficiary",
    "recipient",
    "受助人",
    "受助对象",
    "受助對象",
    "受助学生",
    "受助學生",
];
/// Columns read and ignored: a sheet's own row numbers (编号 too: in these sheets it
/// numbers the rows anew each month, so it cannot be a reference).
const IGNORED_WORDS: [&str; 9] = [
    "序号", "序號", "编号", "編號", "no", "no.", "#", "行号", "行號",
];

/// What the header cell `cell` names, if it names anything the import knows.
pub fn header_word(cell: &str) -> Option<HeaderWord> {
    let key = header_key(cell);
    if IGNORED_WORDS.contains(&key.as_str()) {
        return Some(HeaderWord::Ignored);
    }
    let counterparty = |kind| Some(HeaderWord::Column { column: 2, kind });
    if DONOR_WORDS.contains(&key.as_str()) {
        return counterparty(Some(Kind::Donation));
    }
    if BENEFICIARY_WORDS.contains(&key.as_str()) {
        return counterparty(Some(Kind::Disbursement));
    }
    COLUMN_WORDS
        .iter()
        .position(|words| words.contains(&key.as_str()))
        .map(|column| HeaderWord::Column { column, kind: None })
}

/// The kind, by its code or a sheet's word for it.
pub fn kind_word(text: &str) -> Option<Kind> {
    match text.trim().to_lowercase().as_str() {
        "donation" | "捐款" | "捐赠" | "捐贈" | "捐款收入" | "捐赠收入" | "捐贈收入" | "收入" => {
            Some(Kind::Donation)
        }
        "disbursement" | "资助" | "資助" | "拨付" | "撥付" | "救助" | "支出" => {
            Some(Kind::Disbursement)
        }
        _ => None,
    }
}

/// The counterparty type, by its code or a sheet's word for it.
pub fn party_type_word(text: &str) -> Option<PartyType> {
    PartyType::parse(text).or(match text.trim() {
        "个人" | "個人" => Some(PartyType::Person),
        "单位" | "單位" | "企业" | "企業" | "公司" | "机构" | "機構" | "团体" | "團體" => {
            Some(PartyType::Organization)
        }
        "匿名" => Some(PartyType::Anonymous),
        "学生" | "學生" => Some(PartyType::Student),
        "家庭" | "户" | "戶" | "农户" | "農戶" | "困难户" | "困難戶" => {
            Some(PartyType::Household)
        }
        _ => None,
    })
}

/// The method, by its code or a sheet's word for it.
pub fn method_word(text: &str) -> Option<Method> {
    Method::parse(text).or(match text.trim() {
        "银行" | "銀行" | "转账" | "轉賬" | "轉帳" | "银行转账" | "銀行轉賬" | "銀行轉帳"
        | "汇款" | "匯款" => Some(Method::Bank),
        "现金" | "現金" => Some(Method::Cash),
        "微信" | "微信支付" => Some(Method::Wechat),
        "支付宝" | "支付寶" => Some(Method::Alipay),
        _ => None,
    })
}

/// Whether a program cell names the unrestricted fund in a sheet's words.
pub fn is_unrestricted_word(text: &str) -> bool {
    matches!(text.trim(), "不限" | "不限定" | "非限定" | "无" | "無")
}

/// Names meaning "an anonymous donor" in a sheet.
pub fn is_anonymous_word(text: &str) -> bool {
    matches!(
        text.trim(),
        "匿名" | "匿名捐款" | "匿名捐赠" | "匿名捐贈" | "无名氏" | "無名氏"
    )
}

/// A sheet's row of sums rather than data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalRow {
    /// 合计, 总计, total: the sum of every row above it.
    Total,
    /// 小计: the sum of some rows above it.
    Subtotal,
}

/// Whether a row is a sheet's total (合计 …) rather than data: its first non-empty
/// cell says so.
pub fn total_row(record: &csv::StringRecord) -> Option<TotalRow> {
    let first = record.iter().map(str::trim).find(|c| !c.is_empty())?;
    let first = header_key(first);
    let starts = |words: &[&str]| words.iter().any(|word| first.starts_with(word));
    if starts(&["合计", "合計", "总计", "總計", "共计", "共計", "total"]) {
        Some(TotalRow::Total)
    } else if starts(&["小计", "小計", "subtotal"]) {
        Some(TotalRow::Subtotal)
    } else {
        None
    }
}

/// Whether a row above the header is a title (鹰潭市……捐款明细): at most one
/// non-empty cell (a merged title keeps its text in the first), naming no column.
pub fn is_title_row(record: &csv::StringRecord) -> bool {
    let mut filled = record.iter().filter(|c| !c.trim().is_empty());
    match (filled.next(), filled.next()) {
        (None, _) => true,
        (Some(only), None) => header_word(only).is_none(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_three_languages() {
        let column = |column, kind| Some(HeaderWord::Column { column, kind });
        assert_eq!(header_word("日期"), column(0, None));
        assert_eq!(header_word(" Date "), column(0, None));
        assert_eq!(header_word("捐款人"), column(2, Some(Kind::Donation)));
        assert_eq!(header_word("捐贈人"), column(2, Some(Kind::Donation)));
        assert_eq!(header_word("Donor"), column(2, Some(Kind::Donation)));
        assert_eq!(header_word("受助人"), column(2, Some(Kind::Disbursement)));
        assert_eq!(header_word("類別"), column(3, None));
        assert_eq!(header_word("用途"), column(4, None));
        assert_eq!(header_word("金额（元）"), column(5, None));
        assert_eq!(header_word("金額"), column(5, None));
        assert_eq!(header_word("付款方式"), column(6, None));
        assert_eq!(header_word("備註"), column(8, None));
        assert_eq!(header_word("序号"), Some(HeaderWord::Ignored));
        assert_eq!(header_word("颜色"), None);
    }

    #[test]
    fn values_in_three_languages() {
        assert_eq!(kind_word("捐贈"), Some(Kind::Donation));
        assert_eq!(kind_word("资助"), Some(Kind::Disbursement));
        assert_eq!(kind_word("Donation"), Some(Kind::Donation));
        assert_eq!(party_type_word("單位"), Some(PartyType::Organization));
        assert_eq!(party_type_word("个人"), Some(PartyType::Person));
        assert_eq!(party_type_word("匿名"), Some(PartyType::Anonymous));
        assert_eq!(method_word("转账"), Some(Method::Bank));
        assert_eq!(method_word("現金"), Some(Method::Cash));
        assert_eq!(method_word("支付寶"), Some(Method::Alipay));
        assert_eq!(method_word("支票"), None);
        assert!(is_unrestricted_word("不限"));
        assert!(is_anonymous_word("匿名"));
    }

    #[test]
    fn title_and_total_rows() {
        let row = |cells: &[&str]| csv::StringRecord::from(cells.to_vec());
        assert!(is_title_row(&row(&[
            "鹰潭市政协爱心基金2022年捐款明细",
            "",
            ""
        ])));
        assert!(!is_title_row(&row(&["日期", "捐款人", "金额"])));
        assert!(!is_title_row(&row(&["日期", "", ""])));
        let total = Some(TotalRow::Total);
        assert_eq!(total_row(&row(&["合计", "", "13,000.00"])), total);
        assert_eq!(total_row(&row(&["", "總計：", "13,000.00"])), total);
        assert_eq!(total_row(&row(&["Total", "", "1"])), total);
        assert_eq!(total_row(&row(&["小计", "1"])), Some(TotalRow::Subtotal));
        assert_eq!(total_row(&row(&["1", "2022/3/1", "张三"])), None);
    }
}
