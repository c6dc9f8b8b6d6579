//! The words of `PackMessage`.

use super::{Say, words};
use crate::error::message::{FileProblem, PackMessage, SignatureState};
use crate::i18n::Lang;

fn signature(lang: Lang, state: &SignatureState) -> String {
    match state {
        SignatureState::Good { key_id } => words!(
            lang,
            "簽名：manifest.json 由公鑰 {key_id} 簽名，簽名真實",
            "签名：manifest.json 由公钥 {key_id} 签名，签名真实",
            "signature: manifest.json is genuinely signed by key {key_id}",
        ),
        SignatureState::Missing => words!(
            lang,
            "簽名：審計包裡沒有 manifest.sig，無法證明清單出自基金",
            "签名：审计包里没有 manifest.sig，无法证明清单出自基金",
            "signature: the pack has no manifest.sig, so nothing shows the manifest came from the fund",
        ),
        SignatureState::Malformed => words!(
            lang,
            "簽名：manifest.sig 不是 lovefund 寫出的簽名",
            "签名：manifest.sig 不是 lovefund 写出的签名",
            "signature: manifest.sig is not a signature lovefund writes",
        ),
        SignatureState::UnknownKey { key_id, keys } => {
            let keys = keys.join(if lang == Lang::En { ", " } else { "、" });
            words!(
                lang,
                "簽名：manifest.json 由公鑰 {key_id} 簽名，但給出的公鑰只有 {keys}；請向基金索取其公鑰（lovefund key show）",
                "签名：manifest.json 由公钥 {key_id} 签名，但给出的公钥只有 {keys}；请向基金索取其公钥（lovefund key show）",
                "signature: manifest.json is signed by key {key_id}, but the keys given are only {keys}; ask the fund for its public keys (lovefund key show)",
            )
        }
        SignatureState::Bad => words!(
            lang,
            "簽名：偽造，manifest.sig 與 manifest.json 不符，清單被改過",
            "签名：伪造，manifest.sig 与 manifest.json 不符，清单被改过",
            "signature: forged, manifest.sig does not match manifest.json; the manifest was changed",
        ),
    }
}

fn file(lang: Lang, path: &crate::error::message::Quoted, problem: FileProblem) -> String {
    match problem {
        FileProblem::Changed => words!(
            lang,
            "已更改：「{path}」與清單記下的 SHA-256 不符",
            "已更改：“{path}”与清单记下的 SHA-256 不符",
            "changed: \"{path}\" does not match the SHA-256 the manifest lists",
        ),
        FileProblem::Added => words!(
            lang,
            "已添加：「{path}」不在清單裡",
            "已添加：“{path}”不在清单里",
            "added: \"{path}\" is not in the manifest",
        ),
        FileProblem::Removed => words!(
            lang,
            "已刪除：清單列出的「{path}」不在審計包裡",
            "已删除：清单列出的“{path}”不在审计包里",
            "removed: \"{path}\", listed in the manifest, is not in the pack",
        ),
    }
}

impl Say for PackMessage {
    fn say(&self, lang: Lang, _field: &str) -> String {
        match self {
            PackMessage::NoEntriesInYear { year } => words!(
                lang,
                "{year} 年沒有任何分錄，無可打包；請給出有記錄的年度（lovefund summary --year 看一年的概況）",
                "{year} 年没有任何分录，无可打包；请给出有记录的年度（lovefund summary --year 看一年的概况）",
                "{year} has no entries, so there is nothing to pack; give a year with records (lovefund summary --year shows a year)",
            ),
            PackMessage::NotAZip { path, detail } => words!(
                lang,
                "{path} 不是可讀的 zip 檔（{detail}）；請給出 lovefund audit-pack 寫出的審計包",
                "{path} 不是可读的 zip 文件（{detail}）；请给出 lovefund audit-pack 写出的审计包",
                "{path} is not a zip file that can be read ({detail}); give the pack lovefund audit-pack wrote",
            ),
            PackMessage::NoManifest { path } => words!(
                lang,
                "{path} 裡沒有 manifest.json，不是完整的審計包；請向基金索取原包",
                "{path} 里没有 manifest.json，不是完整的审计包；请向基金索取原包",
                "{path} holds no manifest.json, so it is not a whole audit pack; ask the fund for the pack as sent",
            ),
            PackMessage::NotAManifest { path, detail } => words!(
                lang,
                "{path} 裡的 manifest.json 不是審計包的清單（{detail}）；請向基金索取原包",
                "{path} 里的 manifest.json 不是审计包的清单（{detail}）；请向基金索取原包",
                "the manifest.json in {path} is not an audit pack's manifest ({detail}); ask the fund for the pack as sent",
            ),
            PackMessage::TooManyFiles { path, max } => words!(
                lang,
                "{path} 有超過 {max} 個檔案，不是 lovefund 寫出的審計包",
                "{path} 有超过 {max} 个文件，不是 lovefund 写出的审计包",
                "{path} holds more than {max} files, so it is not a pack lovefund wrote",
            ),
            PackMessage::MemberTooLarge { path, member, mib } => words!(
                lang,
                "{path} 裡的 {member} 超過 {mib} MB，不是 lovefund 寫出的審計包",
                "{path} 里的 {member} 超过 {mib} MB，不是 lovefund 写出的审计包",
                "the {member} in {path} is larger than {mib} MB, so it is not a pack lovefund wrote",
            ),
            PackMessage::File { path, problem } => file(lang, path, *problem),
            PackMessage::Signature(state) => signature(lang, state),
            PackMessage::Intact {
                year,
                files,
                fingerprint,
            } => words!(
                lang,
                "完好：{year} 年度審計包的 {files} 個檔案都與已簽名的清單相符（賬本指紋 {fingerprint}）",
                "完好：{year} 年度审计包的 {files} 个文件都与已签名的清单相符（账本指纹 {fingerprint}）",
                "intact: all {files} files of the {year} audit pack match the signed manifest (ledger fingerprint {fingerprint})",
            ),
            PackMessage::NotIntact { problems } => words!(
                lang,
                "審計包不完好：發現 {problems} 處問題（見上）；請勿採信，向基金索取原包",
                "审计包不完好：发现 {problems} 处问题（见上）；请勿采信，向基金索取原包",
                "the audit pack is not intact: {problems} problems found (above); do not rely on it, ask the fund for the pack as sent",
            ),
            PackMessage::LedgerVerifyFailed { check } => words!(
                lang,
                "注意：賬本自身的核驗（{check}）未通過；核驗報告已放入審計包的 verify/",
                "注意：账本自身的核验（{check}）未通过；核验报告已放入审计包的 verify/",
                "note: the ledger's own verify failed ({check}); its report is in the pack's verify/",
            ),
            PackMessage::Packed {
                path,
                year,
                files,
                receipts,
                vouchers,
                attachments,
            } => words!(
                lang,
                "已寫入 {path}：{year} 年度審計包，{files} 個檔案（收據 {receipts} 張、憑證 {vouchers} 張、附件 {attachments} 個），清單已簽名",
                "已写入 {path}：{year} 年度审计包，{files} 个文件（收据 {receipts} 张、凭证 {vouchers} 张、附件 {attachments} 个），清单已签名",
                "Wrote {path}: the {year} audit pack, {files} files ({receipts} receipts, {vouchers} vouchers, {attachments} attachments), its manifest signed",
            ),
        }
    }
}
