//! Display languages: zh-Hant, zh-Hans and English labels for tables and reports,
//! and (`say`) the catalogue of every message the library says. Chosen per run by
//! `--lang`, then $LOVEFUND_LANG, then the ledger's own default.

pub mod help;
pub mod say;
pub mod web;

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Default)]
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
            Word::Entrusted => L::EntrustedFor,
            Word::Trust => L::EntrustedSection,
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
    SettingCloseNeedsReview => "有使用者的賬本，close --year 是否要等審核人審核完全年的憑證（yes 或 no；一人管理的基金設為 no）", "有用户的账本，close --year 是否要等审核人审核完全年的凭证（yes 或 no；一人管理的基金设为 no）", "whether close --year waits until a reviewer has decided on every entry of the year, on a ledger with users (yes or no; no for a fund one person keeps)";
    SettingAttachmentMaxMb => "entry attach 存入的每個原始憑證檔案的大小上限（MiB）", "entry attach 存入的每个原始凭证文件的大小上限（MiB）", "the largest original document entry attach stores, in MiB";
    SettingVerifyUrl => "捐贈人核驗收據的網頁地址（lovefund publish 寫出的頁面放在此處）；設定後收據的二維碼為此地址加 # 與簽名內容，手機掃碼即開啟該頁，內容不經任何伺服器", "捐赠人核验收据的网页地址（lovefund publish 写出的页面放在此处）；设置后收据的二维码为此地址加 # 与签名内容，手机扫码即打开该页，内容不经任何服务器", "the address of the page donors check receipts on (put the page lovefund publish writes there); when set, a receipt's QR code is this address, # and the signed payload, so a phone's camera opens the page and the payload reaches no server";
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
    CheckBalanced => "每張憑證都有兩筆以上不為零的分錄，合計為 0.00", "每张凭证都有两笔以上不为零的分录，合计为 0.00", "every entry has two or more non-zero postings summing to 0.00";
    CheckChain => "每張憑證和每條記錄的雜湊值都與它的內容及前一項相符", "每张凭证和每条记录的哈希值都与它的内容及前一项相符", "every entry's and record's hash matches its content and the item before it";
    CheckRecords => "科目表、捐贈人與受助人、收據與作廢、已結賬年度、對賬和賬本設定，都與鏈上的記錄一行不差", "科目表、捐赠人与受助人、收据与作废、已结账年度、对账和账本设置，都与链上的记录一行不差", "the chart, donors and beneficiaries, receipts and voids, closed years, reconciliations and the ledger's settings hold exactly the rows their chained records hold";
    CheckAppendOnly => "禁止修改和刪除日記賬、記錄及其所涵蓋各表的觸發器都在", "禁止修改和删除日记账、记录及其所涵盖各表的触发器都在", "the triggers that refuse UPDATE and DELETE on the journal, the records and every table they cover are in place";
    CheckTotals => "存下的每日合計和餘額核對數據與分錄相符，沒有餘額或當日合計超過金額上限", "存下的每日合计和余额核对数据与分录相符，没有余额或当日合计超过金额上限", "the derived daily totals and balance guards match the postings, and no balance or day total is past the amount bound";
    CheckFunds => "任何一天，基金、現金、銀行存款和電子錢包的餘額都不是負數", "任何一天，基金、现金、银行存款和电子钱包的余额都不是负数", "no fund, cash, bank or e-wallet balance is negative on any date";
    CheckReceipts => "每年的收據號碼從 1 起連續不缺號；每張作廢收據都有原因；已沖銷的捐贈沒有有效收據", "每年的收据号码从 1 起连续不缺号；每张作废收据都有原因；已冲销的捐赠没有有效收据", "receipt numbers run from 1 without gaps in every year; every void has a reason; no reversed donation has a valid receipt";
    CheckPeriods => "結賬之後，沒有憑證記在已結賬的年度內", "结账之后，没有凭证记在已结账的年度内", "nothing is dated in a closed year after its close";
    CheckReviews => "每條審核記錄都由制單人以外、當時在用的審核人作出，且所審憑證存在", "每条审核记录都由制单人以外、当时在用的审核人作出，且所审凭证存在", "every review decision was made by an active reviewer other than the entry's preparer, on an entry the journal has";
    CheckTrust => "受託代理負債（2601）的每筆變動都寫明為哪位受助人代管，且為每位受助人代管的款項任何一天都不是負數", "受托代理负债（2601）的每笔变动都写明为哪位受助人代管，且为每位受助人代管的款项任何一天都不是负数", "every change to 2601 entrusted liabilities names the beneficiary it is held for, and what is held for no beneficiary is negative on any date";
    CheckAttachments => "存入的每份原始憑證，其內容都與附件記錄中的 SHA-256 相符", "存入的每份原始凭证，其内容都与附件记录中的 SHA-256 相符", "every stored original document's bytes match the SHA-256 its chained attachment names";
    CheckReconciliations => "每筆已核對的分錄都存在，並與對賬時相符", "每笔已核对的分录都存在，并与对账时相符", "every cleared posting exists and matches what was reconciled";
    CheckIntegrity => "SQLite 的完整性檢查和外鍵檢查都通過", "SQLite 的完整性检查和外键检查都通过", "SQLite's integrity check and foreign keys pass";
    CheckFingerprint => "給出的指紋所屬的憑證或記錄仍在鏈上", "给出的指纹所属的凭证或记录仍在链上", "the entry or record with the fingerprint given is still in the chain";
    MoreFindings => "還有", "还有", "more";
    FindingsUnit => "處", "处", "";
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
    Disclosure => "年度信息公開", "年度信息公开", "Annual disclosure";
    Section => "類別", "类别", "Section";
    DisclosureItem => "內容", "内容", "Item";
    People => "人數", "人数", "People";
    DisclosureLeft => "期末餘額", "期末余额", "Left";
    IncomeBySource => "收入（按來源）", "收入（按来源）", "Income by source";
    IncomeByKind => "收入（按種類）", "收入（按种类）", "Income by kind";
    SpendingByProgram => "支出（按項目）", "支出（按项目）", "Spending by program";
    OtherSpending => "其他支出", "其他支出", "Other spending";
    ProjectsSection => "項目收支", "项目收支", "Projects";
    EntrustedSection => "受託代理", "受托代理", "Held in trust";
    LeftoverSection => "結餘資金轉入轉出", "结余资金转入转出", "Leftover money moved between funds";
    EntrustedGifts => "指定受益人的捐款", "指定受益人的捐款", "designated gifts";
    SourcePerson => "個人", "个人", "Individuals";
    SourceOrganization => "單位", "单位", "Organizations";
    SourceAnonymous => "匿名（愛心人士）", "匿名（爱心人士）", "Anonymous (愛心人士)";
    TypeStudent => "學生", "学生", "student";
    TypeHousehold => "家庭", "家庭", "household";
    PublishedAs => "已發布：第", "已发布：第", "published: version";
    VersionUnit => "版", "版", "";
    HeldInTrust => "受託代理代管中", "受托代理代管中", "Held in trust (受托代理)";
    VersionOrdinal => "第", "第", "version";
    ChangedSincePublished => "，之後數字已變，尚未發布更正", "，之后数字已变，尚未发布更正", ", changed since and no correction published yet";
    CorrectionNote => "更正說明", "更正说明", "Correction (更正说明)";
    EntrustedFor => "受託代理，轉交", "受托代理，转交", "Held in trust (受托代理) for";
    EntrustedTo => "受託代理轉交", "受托代理转交", "Paid in trust to";
    EntrustedPaidOut => "已記錄受託代理轉交", "已记录受托代理转交", "Recorded payout of gifts held in trust";
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
    SigningKey => "驗簽公鑰", "验签公钥", "Signing key";
    KeysHeading => "本基金的驗簽公鑰（公開給捐贈人核驗收據；每行開頭是公鑰，之後是其指紋）", "本基金的验签公钥（公开给捐赠人核验收据；每行开头是公钥，之后是其指纹）", "this fund's signing keys (publish them for donors to check receipts; each line starts with the key, then its fingerprint)";
    KeyCreated => "啟用於", "启用于", "made";
    KeyRetired => "已停用於", "已停用于", "retired";
    KeyCurrent => "（目前使用）", "（当前使用）", "(current)";
    KeyNew => "新的驗簽公鑰", "新的验签公钥", "New signing key";
    KeyPublishAgain => "請重新公布公鑰（lovefund key show、lovefund publish）；舊公鑰仍可核驗它簽過的收據", "请重新公布公钥（lovefund key show、lovefund publish）；旧公钥仍可核验它签过的收据", "publish the keys again (lovefund key show, lovefund publish); the old key still verifies the receipts it signed";
    KeysCannotSign => "這個檔案沒有簽名私鑰（不帶 --with-signing-key 的備份），不能簽名", "这个文件没有签名私钥（不带 --with-signing-key 的备份），不能签名", "this file holds no signing secret (a backup made without --with-signing-key) and cannot sign";
    Genuine => "真實：簽名與內容相符，由本基金簽發", "真实：签名与内容相符，由本基金签发", "genuine: the signature matches what the receipt says, issued by the fund";
    SignedButVoid => "簽名真實，但這張收據已作廢", "签名真实，但这张收据已作废", "genuinely signed, but this receipt is void";
    PdfMatchesPayload => "PDF 上印的內容與簽名相符", "PDF 上印的内容与签名相符", "the PDF prints what the signature says";
    VoidStatus => "作廢狀態", "作废状态", "Void status";
    VoidUnknown => "未查（需要帳本，或 publish 寫出的 voided.txt：--voided）", "未查（需要账本，或 publish 写出的 voided.txt：--voided）", "not checked (needs the ledger, or the voided.txt publish writes: --voided)";
    NotVoid => "未作廢", "未作废", "not void";
    PublishNext => "把 verify.html 放到基金的網站上，再以其網址設定 verify-url（lovefund config set verify-url https://…/verify.html），之後印出的收據掃碼即開此頁；作廢或更換密鑰後請重新 publish。", "把 verify.html 放到基金的网站上，再以其网址设置 verify-url（lovefund config set verify-url https://…/verify.html），之后打印的收据扫码即开此页；作废或更换密钥后请重新 publish。", "Put verify.html on the fund's website and set verify-url to its address (lovefund config set verify-url https://…/verify.html): receipts printed after that open the page when scanned. Publish again after a void or a key rotation.";
    PageHeading => "捐贈收據核驗", "捐赠收据核验", "Check a donation receipt";
    PageIntro => "用手機相機掃描收據上的二維碼即可在此核驗；或把掃碼得到的文字貼在下面，按「核驗」。", "用手机相机扫描收据上的二维码即可在此核验；或把扫码得到的文字粘贴在下面，按“核验”。", "Scan the QR code on the receipt with your phone's camera to check it here, or paste the text the scan gives below and press Check.";
    PageButton => "核驗", "核验", "Check";
    PageGenuine => "真實：這張收據由本基金簽發，內容未被改動", "真实：这张收据由本基金签发，内容未被改动", "Genuine: the fund issued this receipt, and nothing in it was changed";
    PageForged => "偽造：簽名與內容不符，這張收據被改過或不是本基金簽發", "伪造：签名与内容不符，这张收据被改过或不是本基金签发", "Forged: the signature does not match; this receipt was changed, or the fund did not issue it";
    PageVoided => "已作廢：簽名真實，但這張收據已作廢，不再有效", "已作废：签名真实，但这张收据已作废，不再有效", "Void: genuinely signed, but this receipt was voided and is no longer valid";
    PageUnknownKey => "無法核驗：收據由本頁不認識的公鑰簽名；請向基金索取最新的核驗頁", "无法核验：收据由本页不认识的公钥签名；请向基金索取最新的核验页", "Cannot check: the receipt is signed by a key this page does not know; ask the fund for its latest verification page";
    PageMalformed => "這不是收據二維碼的內容；請完整貼上掃碼得到的文字", "这不是收据二维码的内容；请完整粘贴扫码得到的文字", "This is not the content of a receipt's QR code; paste the whole text the scan gives";
    PageOffline => "本頁完全在您的瀏覽器中運行：不連網，收據內容不會發送到任何伺服器。", "本页完全在您的浏览器中运行：不联网，收据内容不会发送到任何服务器。", "This page runs entirely in your browser: it uses no network, and the receipt is sent to no server.";
    PageKeys => "本基金的驗簽公鑰（指紋與公鑰）：", "本基金的验签公钥（指纹与公钥）：", "The fund's signing keys (fingerprint and key):";
    PageVoidedAsOf => "截至 {date}，已作廢的收據共 {count} 張，本頁據此判斷作廢。", "截至 {date}，已作废的收据共 {count} 张，本页据此判断作废。", "As of {date}, {count} receipts were void; this page tells void receipts by that list.";
    Thanks => "衷心感謝您的愛心捐贈！", "衷心感谢您的爱心捐赠！", "Thank you for your generous gift.";
    VoidMark => "作廢", "作废", "VOID";
    VoidReason => "作廢原因", "作废原因", "Reason voided";
    AnonymousDonor => "愛心人士", "爱心人士", "Anonymous donor";
    MethodBank => "銀行轉賬", "银行转账", "Bank transfer";
    MethodCash => "現金", "现金", "Cash";
    MethodWechat => "微信支付", "微信支付", "WeChat Pay";
    MethodAlipay => "支付寶", "支付宝", "Alipay";
    Status => "狀態", "状态", "Status";
    User => "使用者", "用户", "User";
    Role => "角色", "角色", "Role";
    AddedAt => "加入時間", "加入时间", "Added";
    PasswordSetAt => "密碼設定時間", "密码设置时间", "Password set";
    Active => "在用", "在用", "active";
    Disabled => "已停用", "已停用", "disabled";
    Review => "審核", "审核", "Review";
    Unreviewed => "未審核", "未审核", "not reviewed";
    UnreviewedMark => "未審", "未审", "pending";
    RejectedMark => "退回", "退回", "rejected";
    ReviewNote => "審核意見", "审核意见", "Review note";
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
    MonthlyResults => "每月籌集與支出", "每月筹集与支出", "Raised and disbursed by month";
    Preliminary => "（初步，本年尚未結賬）", "（初步，本年尚未结账）", " (preliminary: the year is not closed)";
    CashFlowTitle => "年度現金流量表（會民非03）", "年度现金流量表（会民非03）", "cash-flow statement (會民非03)";
    Item => "項目", "项目", "Item";
    RowNumber => "行次", "行次", "Row";
    CashOperating => "一、業務活動產生的現金流量", "一、业务活动产生的现金流量", "1. Cash flows from operating activities";
    CashDonationsReceived => "接受捐贈收到的現金", "接受捐赠收到的现金", "Cash received from donations";
    CashDuesReceived => "收取會費收到的現金", "收取会费收到的现金", "Cash received from membership dues";
    CashServicesReceived => "提供服務收到的現金", "提供服务收到的现金", "Cash received for services";
    CashSalesReceived => "銷售商品收到的現金", "销售商品收到的现金", "Cash received from sales";
    CashGrantsReceived => "政府補助收到的現金", "政府补助收到的现金", "Cash received from government grants";
    CashOtherReceived => "收到的其他與業務活動有關的現金", "收到的其他与业务活动有关的现金", "Other cash received for operating activities";
    CashInflowSubtotal => "現金流入小計", "现金流入小计", "Cash inflows";
    CashAidPaid => "提供捐贈或者資助支付的現金", "提供捐赠或者资助支付的现金", "Cash paid as donations or aid";
    CashStaffPaid => "支付給員工以及為員工支付的現金", "支付给员工以及为员工支付的现金", "Cash paid to and for staff";
    CashGoodsPaid => "購買商品、接受服務支付的現金", "购买商品、接受服务支付的现金", "Cash paid for goods and services";
    CashOtherPaid => "支付的其他與業務活動有關的現金", "支付的其他与业务活动有关的现金", "Other cash paid for operating activities";
    CashOutflowSubtotal => "現金流出小計", "现金流出小计", "Cash outflows";
    CashOperatingNet => "業務活動產生的現金流量淨額", "业务活动产生的现金流量净额", "Net cash from operating activities";
    CashInvesting => "二、投資活動產生的現金流量", "二、投资活动产生的现金流量", "2. Cash flows from investing activities";
    CashInvestingNet => "投資活動產生的現金流量淨額", "投资活动产生的现金流量净额", "Net cash from investing activities";
    CashFinancing => "三、籌資活動產生的現金流量", "三、筹资活动产生的现金流量", "3. Cash flows from financing activities";
    CashFinancingNet => "籌資活動產生的現金流量淨額", "筹资活动产生的现金流量净额", "Net cash from financing activities";
    CashExchangeEffect => "四、匯率變動對現金的影響額", "四、汇率变动对现金的影响额", "4. Effect of exchange rate changes on cash";
    CashNetIncrease => "五、現金及現金等價物淨增加額", "五、现金及现金等价物净增加额", "5. Net increase in cash and cash equivalents";
    VoucherTitle => "記賬憑證", "记账凭证", "Accounting voucher";
    VoucherNumber => "憑證號", "凭证号", "Voucher";
    VoucherPrefix => "記", "记", "J";
    VoucherDocuments => "附單據 {n} 張", "附单据 {n} 张", "{n} documents attached";
    DebitAmount => "借方金額", "借方金额", "Debit";
    CreditAmount => "貸方金額", "贷方金额", "Credit";
    PreparedBy => "制單", "制单", "Prepared by";
    ReviewedBy => "審核", "审核", "Reviewed by";
    BookedBy => "記賬", "记账", "Booked by";
    Attached => "已附於憑證", "已附于凭证", "Attached to entry";
    StoredOnce => "（同一檔案已存過，只存一份）", "（同一文件已存过，只存一份）", "(the same file was stored before; kept once)";
    NoAttachments => "這張憑證沒有附件", "这张凭证没有附件", "this entry has no attachments";
    AttachedBy => "附上人", "附上人", "attached by";
    Withdrawn => "已撤回", "已撤回", "withdrawn";
    BillAlreadyRecorded => "已在帳上（由捐款表記錄，未重複記入）", "已在账上（由捐款表记录，未重复记入）", "Already recorded (from the donation sheet; not added again)";
    BillAmbiguous => "可能已在帳上但對應不止一筆（未記入，請核對後手工處理）", "可能已在账上但对应不止一笔（未记入，请核对后手工处理）", "Maybe recorded, but more than one donation fits (not added; check them and record by hand)";
    BillRefunds => "退款（未記入；請用 lovefund reverse 沖銷它退回的那筆捐款）", "退款（未记入；请用 lovefund reverse 冲销它退回的那笔捐款）", "Refunds (not recorded; reverse the donation each refunds with lovefund reverse)";
    BillConfirm => "確認記入以上捐款？輸入 y 確認，其他任何鍵取消：", "确认记入以上捐款？输入 y 确认，其他任何键取消：", "Record the donations above? Type y to confirm, anything else to cancel: ";
    BillNotGifts => "非捐款的行（支出、提現、手續費、充值）", "非捐款的行（支出、提现、手续费、充值）", "Rows that are no gift (payments, withdrawals, fees, top-ups)";
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
