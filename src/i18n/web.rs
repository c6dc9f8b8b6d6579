//! The words of the web page (`lovefund serve`): its titles, menus, buttons and form
//! labels, in zh-Hant, zh-Hans and English. Sentences the operations say come from
//! the message catalogue (`say`), exactly as on the command line; only what is the
//! page's own is here. A word without all three languages does not compile.

use super::Lang;

macro_rules! web_words {
    ($($name:ident => $hant:literal, $hans:literal, $en:literal;)*) => {
        /// One word or short phrase of the web page.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum W { $($name),* }

        impl W {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((W::$name, Lang::ZhHant) => $hant,
                      (W::$name, Lang::ZhHans) => $hans,
                      (W::$name, Lang::En) => $en,)*
                }
            }
        }

        /// Every word, for the tests of the catalogue.
        pub const ALL: &[W] = &[$(W::$name),*];
    };
}

web_words! {
    Serving => "網頁已在此提供：", "网页已在此提供：", "Serving the page at";
    ServingReadOnly => "賬本以唯讀開啟：頁面可以查看，任何修改都會被拒絕。", "账本以只读打开：页面可以查看，任何修改都会被拒绝。", "The ledger is open read-only: the pages show everything and refuse every change.";
    FiguresUpdating => "賬本剛有變動，數字正在更新，頁面稍後自動重新載入；以下數字截至", "账本刚有变动，数字正在更新，页面稍后自动刷新；以下数字截至", "The ledger has just changed and the figures are being updated; this page reloads shortly. The figures below are as of";
    AsOfEntry => "第幾筆分錄：", "分录编号：", "entry no.";
    SetupLink => "這個賬本還沒有使用者。請在瀏覽器打開這個一次性連結，建立第一位司庫：", "这个账本还没有用户。请在浏览器打开这个一次性链接，创建第一位司库：", "This ledger has no users yet. Open this one-time link in the browser to create the first treasurer:";
    AppName => "愛心基金賬本", "爱心基金账本", "Love fund ledger";
    SignIn => "登入", "登录", "Sign in";
    SignOut => "登出", "退出登录", "Sign out";
    User => "使用者", "用户", "User";
    Password => "密碼", "密码", "Password";
    PasswordAgain => "再輸入一次密碼", "再输入一次密码", "Password again";
    Setup => "建立第一位司庫", "创建第一位司库", "Create the first treasurer";
    SetupExplain => "這位司庫之後可以在「使用者」裡加入審核人和審計人。", "这位司库之后可以在“用户”里加入审核人和审计人。", "This treasurer can then add reviewers and auditors.";
    RecoveryCode => "恢復碼（請抄在紙上，鎖好保管；只顯示這一次）", "恢复码（请抄在纸上，锁好保管；只显示这一次）", "Recovery code (write it on paper and lock it away; it is shown this once)";
    Continue => "繼續", "继续", "Continue";
    Dashboard => "總覽", "总览", "Dashboard";
    Donate => "登記捐款", "登记捐款", "Record a donation";
    Approvals => "待審核", "待审核", "Approvals";
    Receipts => "收據", "收据", "Receipts";
    Verify => "核對賬本", "核对账本", "Verify";
    SignedInAs => "已登入：", "已登录：", "Signed in:";
    BalancesByFund => "各基金餘額", "各基金余额", "Balances by fund";
    Fund => "基金", "基金", "Fund";
    Balance => "餘額", "余额", "Balance";
    Raised => "募得", "募得", "Raised";
    Disbursed => "支出", "支出", "Disbursed";
    PeopleAided => "受助人數", "受助人数", "People aided";
    Students => "學生", "学生", "students";
    Households => "戶", "户", "households";
    Unreconciled => "未對賬的賬戶", "未对账的账户", "Accounts not reconciled";
    AllReconciled => "全部已對賬", "全部已对账", "All reconciled";
    Waiting => "待審核的憑證", "待审核的凭证", "Entries waiting for approval";
    Monthly => "每月募得與支出", "每月募得与支出", "Raised and disbursed by month";
    Donor => "捐款人", "捐款人", "Donor";
    Amount => "金額", "金额", "Amount";
    Date => "日期", "日期", "Date";
    Method => "收款方式", "收款方式", "Method";
    Reference => "交易參考號", "交易参考号", "Reference";
    Memo => "備註", "备注", "Memo";
    OfficialReceiptNo => "公益事業捐贈票據號", "公益事业捐赠票据号", "Official receipt number";
    Bank => "銀行", "银行", "Bank";
    Cash => "現金", "现金", "Cash";
    Wechat => "微信支付", "微信支付", "WeChat Pay";
    Alipay => "支付寶", "支付宝", "Alipay";
    Record => "登記", "登记", "Record";
    Recorded => "已登記，收據號：", "已登记，收据号：", "Recorded; receipt number:";
    Entry => "憑證", "凭证", "Entry";
    RecordedBy => "制單人", "制单人", "Prepared by";
    Approve => "核准", "核准", "Approve";
    Reject => "退回", "退回", "Reject";
    Reason => "原因", "原因", "Reason";
    NothingWaiting => "沒有待審核的憑證", "没有待审核的凭证", "Nothing waits for approval";
    Reviewed => "已審核", "已审核", "Reviewed";
    Number => "號碼", "号码", "Number";
    Status => "狀態", "状态", "Status";
    Download => "下載 PDF", "下载 PDF", "Download PDF";
    Void => "作廢", "作废", "Void";
    Reissue => "補發", "补发", "Reissue";
    Valid => "有效", "有效", "valid";
    Voided => "已作廢", "已作废", "void";
    NoReceipts => "還沒有收據", "还没有收据", "No receipts yet";
    Check => "檢查", "检查", "Check";
    Passed => "通過", "通过", "passed";
    Failed => "未通過", "未通过", "failed";
    ReadOnlyRole => "您的角色只能查看，不能修改", "您的角色只能查看，不能修改", "Your role can look, not change";
    Language => "語言", "语言", "Language";
    Refused => "未能完成", "未能完成", "Not done";
    Back => "返回", "返回", "Back";
    Disburse => "登記支出", "登记支出", "Record a disbursement";
    Reverse => "紅字沖銷", "红字冲销", "Reverse an entry";
    Beneficiary => "受助人", "受助人", "Beneficiary";
    Program => "項目", "项目", "Program";
    StudyAid => "助學", "助学", "Study aid";
    PovertyRelief => "扶貧", "扶贫", "Poverty relief";
    Hardship => "幫困", "帮困", "Hardship";
    ReversalDate => "沖銷日期（空白：今天）", "冲销日期（空白：今天）", "Date of the reversal (blank: today)";
    RecordedEntry => "已登記，憑證號：", "已登记，凭证号：", "Recorded; entry number:";
    GroupBooks => "記賬", "记账", "Bookkeeping";
    GroupPeople => "人員", "人员", "People";
    GroupReports => "報表與憑證", "报表与凭证", "Reports";
    GroupAdmin => "管理", "管理", "Administration";
    Transfer => "轉賬", "转账", "Transfer";
    Donors => "捐款人", "捐款人", "Donors";
    Beneficiaries => "受助人", "受助人", "Beneficiaries";
    Reports => "報表", "报表", "Reports";
    Vouchers => "記賬憑證", "记账凭证", "Vouchers";
    Users => "使用者", "用户", "Users";
    CloseYear => "年度結賬", "年度结账", "Close a year";
    Name => "名稱", "名称", "Name";
    Phone => "電話", "电话", "Phone";
    IdNumber => "證件號碼", "证件号码", "ID number";
    School => "學校", "学校", "School";
    Grade => "年級", "年级", "Grade";
    Village => "村（社區）", "村（社区）", "Village";
    Members => "家庭人口", "家庭人口", "Household size";
    Year => "年度", "年度", "Year";
    Fee => "手續費", "手续费", "Fee";
    FromAccount => "轉出賬戶", "转出账户", "From account";
    ToAccount => "轉入賬戶", "转入账户", "To account";
    Account => "賬戶", "账户", "Account";
    Role => "角色", "角色", "Role";
    Type => "類別", "类别", "Type";
    Id => "編號", "编号", "ID";
    File => "檔案", "文件", "File";
    Yes => "是", "是", "Yes";
    No => "否", "否", "No";
    Search => "查找", "查找", "Search";
    SearchHint => "編號、姓名的一部分或拼音首字母", "编号、姓名的一部分或拼音首字母", "ID, part of the name or pinyin initials";
    Find => "查找", "查找", "Find";
    NobodyYet => "還沒有記錄", "还没有记录", "None recorded yet";
    AddNew => "新增", "新增", "Add";
    Add => "新增", "新增", "Add";
    History => "往來記錄", "往来记录", "History";
    NothingRecorded => "還沒有往來", "还没有往来", "Nothing recorded yet";
    NoCorrections => "沒有更正", "没有更正", "No corrections";
    Correct => "更正", "更正", "Correct";
    BlankKeeps => "只填要改的欄位；留空的保持原樣。", "只填要改的栏位；留空的保持原样。", "Fill in only what changes; a blank field keeps its value.";
    ChangeRole => "改角色", "改角色", "Change role";
    Enable => "恢復", "恢复", "Enable";
    Disable => "停用", "停用", "Disable";
    AddUser => "加入使用者", "加入用户", "Add a user";
    ResetPassword => "重設密碼", "重设密码", "Reset a password";
    OwnPassword => "更改自己的密碼", "更改自己的密码", "Change my password";
    Month => "月份", "月份", "Month";
    Show => "顯示", "显示", "Show";
    Documents => "附單據", "附单据", "Documents";
    CloseExplain => "結賬把這一年的收入和費用轉入淨資產，並鎖住這一年：之後不能再登記這一年的憑證。這一年還有待審核的憑證時不能結賬。", "结账把这一年的收入和费用转入净资产，并锁住这一年：之后不能再登记这一年的凭证。这一年还有待审核的凭证时不能结账。", "Closing moves the year's income and expenses into net assets and locks the year: no entry can be recorded in it afterwards. A year with entries waiting for review cannot be closed.";
    AsOf => "截至日期", "截至日期", "As of";
    BalanceSheet => "資產負債表", "资产负债表", "Balance sheet";
    Activities => "業務活動表", "业务活动表", "Statement of activities";
    CashFlow => "現金流量表", "现金流量表", "Cash flow statement";
    FundBalances => "各基金收支", "各基金收支", "Fund balances";
    DonorReport => "捐款人年報", "捐款人年报", "Donors of the year";
    BeneficiaryReport => "受助人年報", "受助人年报", "Beneficiaries of the year";
    Disclosure => "信息公開表", "信息公开表", "Disclosure";
    AnnualSummary => "年度摘要", "年度摘要", "Annual summary";
    Attachments => "原始憑證", "原始凭证", "Original documents";
    AttachDocument => "附上原始憑證", "附上原始凭证", "Attach a document";
    Upload => "上傳", "上传", "Upload";
    Size => "大小（位元組）", "大小（字节）", "Size (bytes)";
    DownloadFile => "下載", "下载", "Download";
    SaveCorrection => "儲存更正", "保存更正", "Save the correction";
    AuditPack => "審計資料包", "审计资料包", "Audit pack";
    AuditPackExplain => "一年的審計資料包：報表、收據、憑證、原始憑證和核驗報告，打成一個簽了名的壓縮檔。", "一年的审计资料包：报表、收据、凭证、原始凭证和核验报告，打成一个签了名的压缩文件。", "A year's audit pack: the statements, receipts, vouchers, original documents and the verify report, in one signed zip file.";
    DownloadPack => "下載資料包", "下载资料包", "Download the pack";
    CheckPack => "核對資料包", "核对资料包", "Check a pack";
    CheckPackExplain => "上傳一個審計資料包，用本賬本的公鑰核對它的簽名和每一個檔案。", "上传一个审计资料包，用本账本的公钥核对它的签名和每一个文件。", "Upload an audit pack to check its signature and every file with this ledger's public keys.";
    Backup => "備份", "备份", "Backup";
    BackupExplain => "下載一份已經核驗過的賬本副本。", "下载一份已经核验过的账本副本。", "Download a copy of the ledger, verified after it is made.";
    WithSigningKey => "連同收據簽名密鑰（只限司庫）", "连同收据签名密钥（只限司库）", "With the receipt-signing key (treasurer only)";
    DownloadBackup => "下載備份", "下载备份", "Download the backup";
    Withdraw => "撤回", "撤回", "Withdraw";
    CheckReceipt => "核對收據", "核对收据", "Check a receipt";
    NoSigningKeyYet => "本基金還沒有收據簽名密鑰，所以這裡暫時不能核對收據。", "本基金还没有收据签名密钥，所以这里暂时不能核对收据。", "This fund has no receipt-signing key yet, so receipts cannot be checked here.";
    Import => "匯入表格或賬單", "导入表格或账单", "Import a sheet or bill";
    ImportExplain => "上傳捐款或支出表格（CSV、TSV、Excel、WPS），或微信支付、支付寶匯出的賬單。先試算，看過後再確認登記。", "上传捐款或支出表格（CSV、TSV、Excel、WPS），或微信支付、支付宝导出的账单。先试算，看过后再确认登记。", "Upload a sheet of donations or disbursements (CSV, TSV, Excel, WPS), or a bill exported from WeChat Pay or Alipay. It is tried first; record it once you have looked.";
    Encoding => "編碼", "编码", "Encoding";
    EncodingAuto => "自動判斷", "自动判断", "Detect";
    ColumnProfile => "已存的欄位對照", "已存的栏位对照", "Saved column profile";
    NoProfile => "（不用）", "（不用）", "(none)";
    AcceptNew => "看似更正過的行也作為新的登記", "看似更正过的行也作为新的登记", "Record lines that look like corrections of earlier ones as new";
    DryRunButton => "上傳並試算", "上传并试算", "Upload and try";
    Confirm => "確認登記", "确认登记", "Confirm and record";
    Cancel => "取消", "取消", "Cancel";
    ImportRecorded => "已登記", "已登记", "Recorded";
    BillOf => "賬單：", "账单：", "Bill:";
    Column => "欄", "栏", "Column";
    Problem => "問題", "问题", "Problem";
    Reconcile => "對賬", "对账", "Reconcile";
    ReconcileStatement => "上傳對賬單", "上传对账单", "Upload a statement";
    ReconcileExplain => "上傳銀行對賬單或微信支付、支付寶賬單，填上對賬單的期末餘額和日期。先試算調節表，看過後再記錄。", "上传银行对账单或微信支付、支付宝账单，填上对账单的期末余额和日期。先试算调节表，看过后再记录。", "Upload a bank statement or a WeChat Pay or Alipay bill, and type its closing balance and date. The reconciliation is tried first; record it once you have looked.";
    Statement => "對賬單", "对账单", "Statement";
    ClosingBalance => "期末餘額", "期末余额", "Closing balance";
    AccountDetected => "空白：按對賬單判斷", "空白：按对账单判断", "Blank: told by the statement";
    TriedNotRecorded => "這是試算，還沒有記錄；看過後按「記錄對賬」。", "这是试算，还没有记录；看过后按“记录对账”。", "This is a trial and nothing is recorded yet; look it over, then record it.";
    Commit => "記錄對賬", "记录对账", "Record the reconciliation";
    RecordedReconciliations => "已記錄的對賬", "已记录的对账", "Recorded reconciliations";
}

/// The label of a form field that a refusal names (`Field`), in `lang`: the web
/// page's word where a field has one, else the field's own name.
pub fn field_label(field: &crate::error::Field, lang: Lang) -> String {
    use crate::error::Field as F;
    let word = match field {
        F::Amount => W::Amount,
        F::Date => W::Date,
        F::Donor => W::Donor,
        F::Fund => W::Fund,
        F::Reference => W::Reference,
        F::Memo => W::Memo,
        F::OfficialReceiptNo => W::OfficialReceiptNo,
        F::User => W::User,
        F::Password => W::Password,
        F::Reason => W::Reason,
        F::Beneficiary | F::To => W::Beneficiary,
        F::Program => W::Program,
        F::Named(name) if name == "entry" => W::Entry,
        F::Name => W::Name,
        F::Phone => W::Phone,
        F::IdNumber => W::IdNumber,
        F::School => W::School,
        F::Grade => W::Grade,
        F::Village => W::Village,
        F::Members => W::Members,
        F::Year => W::Year,
        F::Fee => W::Fee,
        F::From => W::FromAccount,
        F::Role => W::Role,
        F::Account => W::Account,
        F::Named(name) if name == "type" => W::Type,
        F::Named(name) if name == "id" => W::Id,
        F::Named(name) if name == "file" => W::File,
        F::Named(name) if name == "month" => W::Month,
        F::AsOf => W::AsOf,
        F::ClosingBalance => W::ClosingBalance,
        F::Named(name) if name == "encoding" => W::Encoding,
        F::Named(name) if name == "method" => W::Method,
        F::Named(name) => return name.clone(),
        other => return other.name().to_string(),
    };
    word.get(lang).to_string()
}
