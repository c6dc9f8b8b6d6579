//! Display languages: zh-Hant, zh-Hans and English labels for tables and reports,
//! and (`say`) the catalogue of every message the library says. Chosen per run by
//! `--lang`, then $LOVEFUND_LANG, then the ledger's own default.

pub mod help;
pub mod say;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn parse(text: &str) -> Option<Lang> {
        match text.to_ascii_lowercase().replace('_', "-").as_str() {
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" => Some(Lang::ZhHant),
            "zh-hans" | "zh-cn" | "zh-sg" | "zh" => Some(Lang::ZhHans),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
            Lang::En => "en",
        }
    }
}

/// A built-in name (an account, a fund) in the reader's language.
impl From<Lang> for crate::ledger::account::Script {
    fn from(lang: Lang) -> Self {
        use crate::ledger::account::Script;
        match lang {
            Lang::ZhHant => Script::Traditional,
            Lang::ZhHans => Script::Simplified,
            Lang::En => Script::English,
        }
    }
}

/// The words the reports ask for, in this language.
impl crate::ledger::words::Words for Lang {
    fn script(self) -> crate::ledger::account::Script {
        self.into()
    }

    fn word(self, word: crate::ledger::words::Word) -> &'static str {
        use crate::ledger::party::Method;
        use crate::ledger::words::Word;
        let label = match word {
            Word::AnonymousDonor => L::AnonymousDonor,
            Word::CashAndBank => L::CashAndBank,
            Word::TotalRevenue => L::TotalRevenue,
            Word::TotalCosts => L::TotalCosts,
            Word::Release => L::ReleaseMemo,
            Word::ChangeInNetAssets => L::ChangeInNetAssets,
            Word::Merged => L::Merged,
            Word::Method(Method::Bank) => L::MethodBank,
            Word::Method(Method::Cash) => L::MethodCash,
            Word::Method(Method::Wechat) => L::MethodWechat,
            Word::Method(Method::Alipay) => L::MethodAlipay,
        };
        label.get(self)
    }
}

macro_rules! labels {
    ($($name:ident => $hant:literal, $hans:literal, $en:literal;)*) => {
        /// Every label a report prints; each has all three languages by construction.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum L { $($name),* }

        impl L {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((L::$name, Lang::ZhHant) => $hant,
                      (L::$name, Lang::ZhHans) => $hans,
                      (L::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

labels! {
    Code => "科目代碼", "科目代码", "Code";
    Account => "科目", "科目", "Account";
    Type => "類別", "类别", "Type";
    Name => "名稱", "名称", "Name";
    Alias => "別名", "别名", "Alias";
    Restricted => "限定性", "限定性", "Restricted";
    Yes => "是", "是", "yes";
    No => "否", "否", "no";
    Debit => "借方", "借方", "Debit";
    Credit => "貸方", "贷方", "Credit";
    DebitTurnover => "借方發生額", "借方发生额", "Debits";
    CreditTurnover => "貸方發生額", "贷方发生额", "Credits";
    DebitBalance => "借方餘額", "借方余额", "Debit balance";
    CreditBalance => "貸方餘額", "贷方余额", "Credit balance";
    Balance => "餘額", "余额", "Balance";
    Total => "合計", "合计", "Total";
    TrialBalance => "科目餘額表", "科目余额表", "Trial balance";
    AsOf => "截至", "截至", "As of";
    AllDates => "全部日期", "全部日期", "all dates";
    Register => "明細賬", "明细账", "Register";
    Date => "日期", "日期", "Date";
    Entry => "憑證", "凭证", "Entry";
    Memo => "摘要", "摘要", "Memo";
    Fund => "基金", "基金", "Fund";
    Amount => "金額", "金额", "Amount";
    OpeningBalance => "期初餘額", "期初余额", "Opening balance";
    ClosingBalance => "期末餘額", "期末余额", "Closing balance";
    RecordedBy => "記錄人", "记录人", "Recorded by";
    RecordedAt => "記錄時間", "记录时间", "Recorded at";
    Reverses => "沖銷憑證", "冲销凭证", "Reverses entry";
    ReversedBy => "已被沖銷", "已被冲销", "Reversed by entry";
    ClosingEntries => "結賬憑證", "结账凭证", "closing entries";
    NoClosingEntries => "本年沒有收入或費用，無需結賬憑證", "本年没有收入或费用，无需结账凭证", "no income or costs, so no closing entries";
    ListSeparator => "、", "、", ", ";
    SettingDefault => "預設值", "默认值", "default";
    SettingSetBy => "設定人", "设定人", "set by";
    SettingFutureDaysMax => "分錄日期最多可晚於今天的天數（防止把 2022 誤打成 2922）", "分录日期最多可晚于今天的天数（防止把 2022 误打成 2922）", "how many days after today an entry may be dated (so a typo like 2922 for 2022 is refused)";
    SettingTimeZone => "帳本的時區，寫成與 UTC 的時差（+08:00 即北京、香港、台北時間）；時間以 UTC 存入，按此時區顯示", "账本的时区，写成与 UTC 的时差（+08:00 即北京时间）；时间以 UTC 存入，按此时区显示", "the ledger's time zone as an offset from UTC (+08:00 is China, Hong Kong and Taiwan time); times are stored in UTC and shown in this zone";
    VoidedByReversal => "捐款已由沖銷憑證", "捐款已由冲销凭证", "The donation was reversed by entry";
    Reason => "原因", "原因", "Reason";
    Hash => "雜湊", "哈希", "Hash";
    Accounts => "會計科目", "会计科目", "Accounts";
    Funds => "基金", "基金", "Funds";
    Check => "檢查", "检查", "Check";
    Result => "結果", "结果", "Result";
    Pass => "通過", "通过", "pass";
    Fail => "未通過", "未通过", "FAIL";
    Fingerprint => "賬本指紋", "账本指纹", "Fingerprint";
    Entries => "憑證數", "凭证数", "Entries";
    Asset => "資產", "资产", "asset";
    Liability => "負債", "负债", "liability";
    NetAssets => "淨資產", "净资产", "net assets";
    Income => "收入", "收入", "income";
    Expense => "費用", "费用", "expense";
    Recorded => "已記錄憑證", "已记录凭证", "Recorded entry";
    AlreadyRecorded => "此參考號早已記錄，未重複記錄：憑證", "此参考号早已记录，未重复记录：凭证", "Already recorded under this reference, nothing added: entry";
    Ledger => "賬本", "账本", "Ledger";
    Id => "編號", "编号", "ID";
    Donor => "捐贈人", "捐赠人", "Donor";
    Donors => "捐贈人", "捐赠人", "Donors";
    Beneficiary => "受助人", "受助人", "Beneficiary";
    Beneficiaries => "受助人", "受助人", "Beneficiaries";
    Count => "筆數", "笔数", "Count";
    Phone => "電話", "电话", "Phone";
    IdNumber => "證件號碼", "证件号码", "ID number";
    School => "學校", "学校", "School";
    Grade => "年級", "年级", "Grade";
    Village => "村(社區)", "村(社区)", "Village";
    Members => "家庭人口", "家庭人口", "Household size";
    Receipt => "收據號", "收据号", "Receipt";
    Method => "方式", "方式", "Method";
    Reference => "參考號", "参考号", "Reference";
    Kind => "類型", "类型", "Kind";
    Opening => "期初", "期初", "Opening";
    Raised => "籌集", "筹集", "Raised";
    Disbursed => "支出", "支出", "Disbursed";
    Transfers => "調撥", "调拨", "Transfers";
    Closing => "期末", "期末", "Closing";
    FundBalances => "基金餘額", "基金余额", "Fund balances";
    Period => "期間", "期间", "Period";
    Program => "項目", "项目", "Program";
    DonationFrom => "捐款", "捐款", "Donation from";
    AidTo => "資助", "资助", "Aid to";
    DonationRecorded => "已記錄捐款", "已记录捐款", "Recorded donation";
    DisbursementRecorded => "已記錄支出", "已记录支出", "Recorded disbursement";
    Added => "已新增", "已新增", "Added";
    Edited => "已更正", "已更正", "Edited";
    Corrections => "更正記錄", "更正记录", "Corrections";
    Merged => "已併入", "已并入", "merged";
    Publish => "公開具名", "公开具名", "Named in public";
    NotPublished => "不公開具名", "不公开具名", "not named in public";
    MergedInto => "併入", "并入", "merged into";
    Merges => "合併記錄", "合并记录", "Merges";
    Unmerged => "取消合併", "取消合并", "unmerged";
    Changed => "更改", "更改", "Changed";
    Donations => "捐款", "捐款", "Donations";
    Disbursements => "支出", "支出", "Disbursements";
    NewDonors => "新捐贈人", "新捐赠人", "New donors";
    NewBeneficiaries => "新受助人", "新受助人", "New beneficiaries";
    AlreadyImported => "已導入過（略過）", "已导入过（略过）", "Already imported (skipped)";
    DryRun => "試算，未寫入", "试算，未写入", "Dry run: nothing was written";
    Imported => "已導入", "已导入", "Imported";
    ReceiptTitle => "捐贈收據", "捐赠收据", "Donation Receipt";
    ReceiptNo => "收據編號", "收据编号", "Receipt No.";
    ReceiptDate => "捐贈日期", "捐赠日期", "Date";
    AmountFigures => "金額（小寫）", "金额（小写）", "Amount";
    AmountWords => "金額（大寫）", "金额（大写）", "Amount in words";
    Purpose => "捐贈用途", "捐赠用途", "Purpose";
    PaymentMethod => "付款方式", "付款方式", "Payment method";
    OfficialNo => "公益事業捐贈票據號", "公益事业捐赠票据号", "Official receipt no.";
    Handler => "經手人", "经手人", "Handled by";
    Reviewer => "覆核人", "复核人", "Reviewed by";
    Verification => "驗證碼", "验证码", "Verification code";
    Thanks => "衷心感謝您的愛心捐贈！", "衷心感谢您的爱心捐赠！", "Thank you for your generous gift.";
    VoidMark => "作廢", "作废", "VOID";
    VoidReason => "作廢原因", "作废原因", "Reason voided";
    AnonymousDonor => "愛心人士", "爱心人士", "Anonymous donor";
    MethodBank => "銀行轉賬", "银行转账", "Bank transfer";
    MethodCash => "現金", "现金", "Cash";
    MethodWechat => "微信支付", "微信支付", "WeChat Pay";
    MethodAlipay => "支付寶", "支付宝", "Alipay";
    Status => "狀態", "状态", "Status";
    Issued => "已開具", "已开具", "issued";
    Void => "作廢", "作废", "void";
    Replaces => "補開自", "补开自", "Replaces";
    ReplacedBy => "補開為", "补开为", "Replaced by";
    Wrote => "已寫入", "已写入", "Wrote";
    NotPrinted => "未列印", "未打印", "Not printed";
    Missing => "缺號", "缺号", "missing";
    ReceiptSequence => "收據號序列", "收据号序列", "Receipt sequence";
    NothingMissing => "無缺號", "无缺号", "no gaps";
    ClosingMemo => "期末結轉", "期末结转", "Year-end closing";
    ReleaseMemo => "限定性淨資產轉為非限定性淨資產", "限定性净资产转为非限定性净资产", "Release of restricted net assets";
    Closed => "已結賬", "已结账", "Closed";
    Reconciliation => "銀行存款餘額調節表", "银行存款余额调节表", "Bank reconciliation";
    Matched => "已勾對", "已勾对", "Matched";
    LedgerOnly => "企業已記、銀行未記", "企业已记、银行未记", "In the ledger, not on the statement";
    StatementOnly => "銀行已記、企業未記", "银行已记、企业未记", "On the statement, not in the ledger";
    Ties => "無法唯一勾對（請人工核對）", "无法唯一勾对（请人工核对）", "Ties (not guessed: check by hand)";
    LedgerSideLabel => "企業銀行存款日記賬餘額", "企业银行存款日记账余额", "Ledger balance";
    BankSideLabel => "銀行對賬單餘額", "银行对账单余额", "Statement balance";
    ReceivedNotBooked => "加：銀行已收、企業未收", "加：银行已收、企业未收", "add: received by the bank, not booked";
    PaidNotBooked => "減：銀行已付、企業未付", "减：银行已付、企业未付", "less: paid by the bank, not booked";
    BookedNotReceived => "加：企業已收、銀行未收", "加：企业已收、银行未收", "add: booked as received, not on the statement";
    BookedNotPaid => "減：企業已付、銀行未付", "减：企业已付、银行未付", "less: booked as paid, not on the statement";
    Adjusted => "調節後餘額", "调节后余额", "Adjusted balance";
    Agrees => "相符", "相符", "agree";
    Difference => "差額", "差额", "Difference";
    Line => "行", "行", "Line";
    Committed => "已記錄對賬", "已记录对账", "Recorded reconciliation";
    NotCommitted => "未記錄（加 --commit 記錄並勾對）", "未记录（加 --commit 记录并勾对）", "Not recorded (add --commit to record it and clear the matched postings)";
    SummaryTitle => "年度收支公告", "年度收支公告", "Annual report";
    OpeningMoney => "年初結餘", "年初结余", "Opening balance";
    ClosingMoney => "年末結餘", "年末结余", "Closing balance";
    RaisedFunds => "籌集善款", "筹集善款", "Raised";
    DisbursedFunds => "資助支出", "资助支出", "Disbursed";
    Aided => "資助", "资助", "Aided";
    StudentsAided => "貧困學生", "贫困学生", "students";
    HouseholdsAided => "貧困戶", "贫困户", "households";
    PersonUnit => "名", "名", "";
    HouseholdUnit => "戶", "户", "";
    Gifts => "筆捐款", "笔捐款", "gifts";
    FromDonors => "位捐贈人", "位捐赠人", "donors";
    Payments => "筆資助", "笔资助", "payments";
    Month => "月份", "月份", "Month";
    MoneyIn => "收入", "收入", "In";
    MoneyOut => "支出", "支出", "Out";
    MonthlyMoney => "每月收支", "每月收支", "Money in and out by month";
    LastReconciliation => "最近一次銀行對賬", "最近一次银行对账", "Last bank reconciliation";
    NoReconciliation => "本年度尚無銀行對賬記錄", "本年度尚无银行对账记录", "no bank reconciliation recorded";
    RollForward => "資金結轉", "资金结转", "Roll-forward";
    AddRaised => "加：籌集", "加：筹集", "add: raised";
    LessDisbursed => "減：資助支出", "减：资助支出", "less: disbursed";
    OtherMovements => "加減：其他收支", "加减：其他收支", "other movements";
    TreasurerSignature => "出納（簽名）", "出纳（签名）", "Treasurer (signature)";
    HerebyPublished => "特此公告。", "特此公告。", "Published for our donors and the public.";
    AuditorSignature => "審計（簽名）", "审计（签名）", "Auditor (signature)";
    CashAndBank => "貨幣資金", "货币资金", "Cash and bank";
    TotalAssets => "資產總計", "资产总计", "Total assets";
    TotalLiabilities => "負債合計", "负债合计", "Total liabilities";
    UnrestrictedNetAssets => "非限定性淨資產", "非限定性净资产", "Unrestricted net assets";
    RestrictedNetAssets => "限定性淨資產", "限定性净资产", "Restricted net assets";
    TotalNetAssets => "淨資產合計", "净资产合计", "Total net assets";
    TotalLiabilitiesNetAssets => "負債和淨資產總計", "负债和净资产总计", "Total liabilities and net assets";
    BalanceSheet => "資產負債表", "资产负债表", "Balance sheet";
    ActivitiesTitle => "業務活動表", "业务活动表", "Statement of activities";
    TotalRevenue => "收入合計", "收入合计", "Total revenue";
    TotalCosts => "費用合計", "费用合计", "Total costs";
    ChangeInNetAssets => "淨資產變動額", "净资产变动额", "Change in net assets";
    Unrestricted => "非限定性", "非限定性", "Unrestricted";
    RestrictedColumn => "限定性", "限定性", "Restricted";
    Revenue => "收入", "收入", "Revenue";
    Costs => "費用", "费用", "Costs";
    OtherFunds => "其他基金", "其他基金", "Other funds";
    DonorStatementTitle => "年度捐贈明細", "年度捐赠明细", "Donation statement";
    StatementNote => "以上捐贈款項已全部入賬，衷心感謝您的愛心支持！", "以上捐赠款项已全部入账，衷心感谢您的爱心支持！", "Every gift above has been received and recorded. Thank you for your support.";
    NothingNew => "沒有新的記錄：此文件已全部導入", "没有新的记录：此文件已全部导入", "Nothing new: every line of this file was imported before";
    KindManual => "手工憑證", "手工凭证", "manual";
    KindDonation => "捐贈", "捐赠", "donation";
    KindDisbursement => "資助", "资助", "disbursement";
    KindReversal => "沖銷", "冲销", "reversal";
    KindClosing => "期末結轉", "期末结转", "closing";
    Counterparty => "對象", "对象", "Counterparty";
    SearchTitle => "查找結果", "查找结果", "Entries found";
    SearchNone => "沒有找到符合的憑證", "没有找到符合的凭证", "No entry matches";
    SearchMore => "只列出最新的 {n} 筆；還有更多，請用 --from、--to、--min、--max、--kind、--fund 縮小範圍或加大 --limit", "只列出最新的 {n} 笔；还有更多，请用 --from、--to、--min、--max、--kind、--fund 缩小范围或加大 --limit", "only the newest {n} are shown; more match — narrow them with --from, --to, --min, --max, --kind, --fund or raise --limit";
}

impl crate::ledger::entry::EntryKind {
    /// The kind as the reader calls it (捐贈, 资助 …); `as_str` is its code.
    pub fn label(self, lang: Lang) -> &'static str {
        use crate::ledger::entry::EntryKind::*;
        match self {
            Manual => L::KindManual,
            Donation => L::KindDonation,
            Disbursement => L::KindDisbursement,
            Reversal => L::KindReversal,
            Closing => L::KindClosing,
        }
        .get(lang)
    }
}

impl crate::ledger::account::AccountType {
    pub fn label(self, lang: Lang) -> &'static str {
        use crate::ledger::account::AccountType::*;
        match self {
            Asset => L::Asset,
            Liability => L::Liability,
            NetAssets => L::NetAssets,
            Income => L::Income,
            Expense => L::Expense,
        }
        .get(lang)
    }
}
