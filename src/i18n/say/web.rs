//! The words of `WebMessage`.

use super::{Say, words};
use crate::error::message::WebMessage;
use crate::i18n::Lang;

impl Say for WebMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        match self {
            WebMessage::NotAnAddress { text } => words!(
                lang,
                "--listen「{text}」不是位址和埠，例如 127.0.0.1:8423",
                "--listen“{text}”不是地址和端口，例如 127.0.0.1:8423",
                "--listen \"{text}\" is not an address and port, e.g. 127.0.0.1:8423",
            ),
            WebMessage::NotAnIdleTime { text } => words!(
                lang,
                "--idle「{text}」不是一秒到一天之間的時間；請寫分鐘數（30），或帶單位：90s、15m、2h",
                "--idle“{text}”不是一秒到一天之间的时间；请写分钟数（30），或带单位：90s、15m、2h",
                "--idle \"{text}\" is not a time from one second to a day; write minutes (30), or a count with its unit: 90s, 15m, 2h",
            ),
            WebMessage::NotLoopback { address } => words!(
                lang,
                "已拒絕：{address} 不是本機位址，網頁會被別的電腦看到；請同時給 --tls-cert 和 --tls-key，或用 127.0.0.1",
                "已拒绝：{address} 不是本机地址，网页会被别的电脑看到；请同时给 --tls-cert 和 --tls-key，或用 127.0.0.1",
                "refused: {address} is not a loopback address, so other computers would reach the page; give --tls-cert and --tls-key, or use 127.0.0.1",
            ),
            WebMessage::TlsHalf => words!(
                lang,
                "--tls-cert 和 --tls-key 要一起給",
                "--tls-cert 和 --tls-key 要一起给",
                "--tls-cert and --tls-key go together",
            ),
            WebMessage::TlsUnusable { detail } => words!(
                lang,
                "無法使用 TLS 憑證或金鑰：{detail}",
                "无法使用 TLS 证书或密钥：{detail}",
                "cannot use the TLS certificate or key: {detail}",
            ),
            WebMessage::CannotListen { address, detail } => words!(
                lang,
                "無法在 {address} 上提供網頁：{detail}",
                "无法在 {address} 上提供网页：{detail}",
                "cannot serve the page on {address}: {detail}",
            ),
            WebMessage::WrongHost { host } => words!(
                lang,
                "已拒絕：這個請求的主機「{host}」不是本伺服器的位址",
                "已拒绝：这个请求的主机“{host}”不是本服务器的地址",
                "refused: this request's host \"{host}\" is not this server's address",
            ),
            WebMessage::FormExpired => words!(
                lang,
                "這份表單已過期或不是本頁送出的；沒有改動，請重新整理頁面再送出",
                "这份表单已过期或不是本页提交的；没有改动，请刷新页面再提交",
                "this form has expired or did not come from this page; nothing changed, reload the page and send it again",
            ),
            WebMessage::SignInLocked { seconds } => words!(
                lang,
                "登入失敗次數太多；請 {seconds} 秒後再試",
                "登录失败次数太多；请 {seconds} 秒后再试",
                "too many failed sign-ins; try again in {seconds} seconds",
            ),
            WebMessage::SessionEnded => words!(
                lang,
                "登入已結束；請重新登入",
                "登录已结束；请重新登录",
                "your session has ended; sign in again",
            ),
            WebMessage::SetupLinkUsed => words!(
                lang,
                "這個設定連結已用過或無效；請用已建立的使用者登入",
                "这个设置链接已用过或无效；请用已建立的用户登录",
                "this setup link was used already or is not valid; sign in with the user it created",
            ),
            WebMessage::NoSuchPage => words!(
                lang,
                "沒有這個頁面",
                "没有这个页面",
                "there is no such page",
            ),
            WebMessage::NoSuchChoice => {
                let choose = words!(
                    lang,
                    "請從清單中選一項",
                    "请从列表中选一项",
                    "choose one of the list",
                );
                match (field, lang) {
                    ("", _) => choose,
                    (_, Lang::En) => format!("{field}: {choose}"),
                    _ => format!("{field}：{choose}"),
                }
            }
            WebMessage::NoFileChosen => {
                words!(lang, "請先選擇檔案", "请先选择文件", "choose a file first",)
            }
            WebMessage::UploadTooLarge { mib } => words!(
                lang,
                "檔案大於 {mib} MiB，沒有讀取；請分成幾個檔案上傳",
                "文件大于 {mib} MiB，没有读取；请分成几个文件上传",
                "the file is larger than {mib} MiB and was not read; split it and upload the parts",
            ),
            WebMessage::UploadGone => words!(
                lang,
                "這次上傳已不在（已確認、已取消或已過期）；請重新上傳檔案",
                "这次上传已不在（已确认、已取消或已过期）；请重新上传文件",
                "this upload is no longer held (confirmed, cancelled or expired); upload the file again",
            ),
            WebMessage::UploadChanged => words!(
                lang,
                "檔案與試算時的不同，沒有登記；請重新上傳檔案",
                "文件与试算时的不同，没有登记；请重新上传文件",
                "the file is not the one the dry run read, and nothing was recorded; upload it again",
            ),
        }
    }
}
