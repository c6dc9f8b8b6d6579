-- E-wallet sub-accounts (issue 15, §2.3): WeChat Pay and Alipay shared 1012, so
-- neither bill could reconcile alone. 1012 becomes a parent of 1012.01 微信 and
-- 1012.02 支付寶/支付宝; older postings stay on 1012 and reports add the
-- sub-accounts into it. The accounts are chained rows, so the Rust step after this
-- file inserts them (when the ledger has 1012 and not yet its sub-accounts) and
-- writes them as one record; a new ledger gets them from the default chart.
SELECT 1;
