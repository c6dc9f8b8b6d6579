//! The words of `AccessMessage`, and the names of roles and verdicts.

use super::{Say, words};
use crate::error::message::{AccessMessage, Action};
use crate::i18n::Lang;
use crate::ledger::user::{Role, Verdict};

fn pick(lang: Lang, [hant, hans, en]: [&'static str; 3]) -> &'static str {
    match lang {
        Lang::ZhHant => hant,
        Lang::ZhHans => hans,
        Lang::En => en,
    }
}

/// A role as people call it.
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    pick(
        lang,
        match role {
            Role::Treasurer => ["司庫", "司库", "treasurer"],
            Role::Reviewer => ["審核人", "审核人", "reviewer"],
            Role::Auditor => ["審計", "审计", "auditor"],
        },
    )
}

/// A review decision as people call it.
pub fn verdict_name(lang: Lang, verdict: Verdict) -> &'static str {
    pick(
        lang,
        match verdict {
            Verdict::Approved => ["已審核", "已审核", "approved"],
            Verdict::Rejected => ["已退回", "已退回", "rejected"],
        },
    )
}

fn action_name(lang: Lang, action: Action) -> &'static str {
    pick(
        lang,
        match action {
            Action::Write => [
                "更改賬本（記賬、更正、列印、匯入、結賬、設定）",
                "更改账本（记账、更正、打印、导入、结账、设置）",
                "change the books (record, correct, print, import, close, configure)",
            ],
            Action::Review => [
                "審核或退回憑證",
                "审核或退回凭证",
                "approve or reject entries",
            ],
            Action::ManageUsers => ["管理使用者", "管理用户", "manage users"],
            Action::TakeSigningKey => [
                "帶走收據簽名私鑰（backup --with-signing-key）",
                "带走收据签名私钥（backup --with-signing-key）",
                "take the receipt signing key along (backup --with-signing-key)",
            ],
        },
    )
}

/// Who may do `action`.
fn who_may(lang: Lang, action: Action) -> &'static str {
    pick(
        lang,
        match action {
            Action::Write | Action::ManageUsers | Action::TakeSigningKey => {
                ["只有司庫可以", "只有司库可以", "only a treasurer may"]
            }
            Action::Review => ["只有審核人可以", "只有审核人可以", "only a reviewer may"],
        },
    )
}

impl Say for AccessMessage {
    fn say(&self, lang: Lang, field: &str) -> String {
        let list = |items: &[String]| items.join(if lang == Lang::En { ", " } else { "、" });
        match self {
            AccessMessage::PasswordTooShort { min } => words!(
                lang,
                "{field}太短：密碼至少要 {min} 個字元；請換一個更長的",
                "{field}太短：密码至少要 {min} 个字符；请换一个更长的",
                "{field} is too short: a password has at least {min} characters; choose a longer one",
            ),
            AccessMessage::PasswordNotAllowed { max } => words!(
                lang,
                "{field}不可用：密碼最多 {max} 個字元，且不能含控制字元（如 Tab）；請換一個",
                "{field}不可用：密码最多 {max} 个字符，且不能含控制字符（如 Tab）；请换一个",
                "{field} cannot be used: a password has at most {max} characters and no control characters (such as Tab); choose another",
            ),
            AccessMessage::SignInFailed { user } => words!(
                lang,
                "使用者「{user}」或密碼不對；賬本沒有改動。請用 --user 給出自己的使用者名稱，再輸入密碼",
                "用户“{user}”或密码不对；账本没有改动。请用 --user 给出自己的用户名，再输入密码",
                "user \"{user}\" or the password is wrong; the ledger is unchanged. Give your own user name with --user and type your password",
            ),
            AccessMessage::UserDisabled { user } => words!(
                lang,
                "使用者 {user} 已被停用；請司庫用 lovefund user enable {user} 恢復",
                "用户 {user} 已被停用；请司库用 lovefund user enable {user} 恢复",
                "user {user} is disabled; ask a treasurer to run lovefund user enable {user}",
            ),
            AccessMessage::NotAllowed { user, role, action } => {
                let role = role_name(lang, *role);
                let what = action_name(lang, *action);
                let who = who_may(lang, *action);
                words!(
                    lang,
                    "{user} 是{role}，不能{what}：{who}這樣做；賬本沒有改動",
                    "{user} 是{role}，不能{what}：{who}这样做；账本没有改动",
                    "{user} is a {role} and cannot {what}: {who} do that; the ledger is unchanged",
                )
            }
            AccessMessage::NotARole { text } => words!(
                lang,
                "{field}「{text}」不是角色；請用 treasurer（司庫）、reviewer（審核人）或 auditor（審計）",
                "{field}“{text}”不是角色；请用 treasurer（司库）、reviewer（审核人）或 auditor（审计）",
                "{field} \"{text}\" is not a role; use treasurer, reviewer or auditor",
            ),
            AccessMessage::NotAUserName { text } => words!(
                lang,
                "{field}「{text}」不能作使用者名稱：名稱要 1 至 100 個字元，不含空白和控制字元",
                "{field}“{text}”不能作用户名：名称要 1 至 100 个字符，不含空白和控制字符",
                "{field} \"{text}\" cannot be a user name: a name has 1 to 100 characters, with no spaces or control characters",
            ),
            AccessMessage::UserExists { user } => words!(
                lang,
                "已有使用者 {user}；請換一個名稱，或用 lovefund user reset {user} 重設其密碼",
                "已有用户 {user}；请换一个名称，或用 lovefund user reset {user} 重设其密码",
                "there is already a user {user}; choose another name, or reset their password with lovefund user reset {user}",
            ),
            AccessMessage::UnknownUser { user, users } => {
                let users = list(users);
                words!(
                    lang,
                    "沒有使用者「{user}」；現有使用者：{users}",
                    "没有用户“{user}”；现有用户：{users}",
                    "there is no user \"{user}\"; the users are: {users}",
                )
            }
            AccessMessage::FirstUserTreasurer => words!(
                lang,
                "第一位使用者必須是司庫（--role treasurer），才能再加其他人",
                "第一位用户必须是司库（--role treasurer），才能再加其他人",
                "the first user must be a treasurer (--role treasurer), who can then add the others",
            ),
            AccessMessage::LastTreasurer { user } => words!(
                lang,
                "{user} 是最後一位在用的司庫：停用或改變其角色，就沒有人能記賬和管理使用者了；請先加另一位司庫",
                "{user} 是最后一位在用的司库：停用或改变其角色，就没有人能记账和管理用户了；请先加另一位司库",
                "{user} is the last active treasurer: without them nobody could record or manage users; add another treasurer first",
            ),
            AccessMessage::NoUsers => words!(
                lang,
                "這個賬本還沒有使用者，分不出制單人和審核人；請先用 lovefund user add 姓名 --role treasurer 加入使用者",
                "这个账本还没有用户，分不出制单人和审核人；请先用 lovefund user add 姓名 --role treasurer 加入用户",
                "this ledger has no users yet, so nobody can be told apart; add them first with lovefund user add NAME --role treasurer",
            ),
            AccessMessage::SameRole { user, role } => {
                let role = role_name(lang, *role);
                words!(
                    lang,
                    "{user} 已經是{role}；沒有改動",
                    "{user} 已经是{role}；没有改动",
                    "{user} is already a {role}; nothing changed",
                )
            }
            AccessMessage::AlreadyDisabled { user } => words!(
                lang,
                "{user} 已經停用；沒有改動",
                "{user} 已经停用；没有改动",
                "{user} is already disabled; nothing changed",
            ),
            AccessMessage::NotDisabled { user } => words!(
                lang,
                "{user} 沒有停用；沒有改動",
                "{user} 没有停用；没有改动",
                "{user} is not disabled; nothing changed",
            ),
            AccessMessage::OwnEntry { entry, user } => words!(
                lang,
                "憑證 {entry} 是 {user} 自己制單的，不能自己審核；請另一位審核人審核",
                "凭证 {entry} 是 {user} 自己制单的，不能自己审核；请另一位审核人审核",
                "entry {entry} was prepared by {user}, who cannot review it; another reviewer must",
            ),
            AccessMessage::AlreadyDecided { entry, verdict, by } => {
                let verdict = verdict_name(lang, *verdict);
                words!(
                    lang,
                    "憑證 {entry} {verdict}（{by}），審核結果不能更改；退回的憑證由制單人沖銷",
                    "凭证 {entry} {verdict}（{by}），审核结果不能更改；退回的凭证由制单人冲销",
                    "entry {entry} is already {verdict} (by {by}), and a review is final; a rejected entry is reversed by its preparer",
                )
            }
            AccessMessage::RejectNeedsReason => words!(
                lang,
                "退回憑證要寫明原因：請用 {field} 說明哪裡不對，制單人據此沖銷",
                "退回凭证要写明原因：请用 {field} 说明哪里不对，制单人据此冲销",
                "a rejection needs a reason: say with {field} what is wrong, so the preparer can reverse it",
            ),
            AccessMessage::WrongRecoveryCode => words!(
                lang,
                "{field}不對；賬本沒有改動。恢復碼是第一次 user add 時印出的 20 個字元（或上次 user recover 印出的新碼）",
                "{field}不对；账本没有改动。恢复码是第一次 user add 时打印的 20 个字符（或上次 user recover 打印的新码）",
                "{field} is wrong; the ledger is unchanged. The recovery code is the 20 characters the first user add printed (or the new one the last user recover printed)",
            ),
            AccessMessage::RecoverNotTreasurer { user } => words!(
                lang,
                "{user} 不是司庫：恢復碼只能重設司庫的密碼；其他人的密碼由司庫用 lovefund user reset 重設",
                "{user} 不是司库：恢复码只能重设司库的密码；其他人的密码由司库用 lovefund user reset 重设",
                "{user} is not a treasurer: the recovery code resets a treasurer's password only; a treasurer resets the others' with lovefund user reset",
            ),
            AccessMessage::Unapproved {
                year,
                count,
                entries,
                setting,
            } => {
                let more = usize::try_from(*count).is_ok_and(|c| c > entries.len());
                let mut entries = entries
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(if lang == Lang::En { ", " } else { "、" });
                if more {
                    entries.push('…');
                }
                words!(
                    lang,
                    "{year} 年還有 {count} 張憑證未審核（{entries}）：請審核人審核後再結賬；一人管理的基金可用 lovefund config set {setting} no 關閉這項要求",
                    "{year} 年还有 {count} 张凭证未审核（{entries}）：请审核人审核后再结账；一人管理的基金可用 lovefund config set {setting} no 关闭这项要求",
                    "{count} entries of {year} are not reviewed yet ({entries}): have a reviewer approve them, then close; a one-person fund can turn this off with lovefund config set {setting} no",
                )
            }
        }
    }
}
