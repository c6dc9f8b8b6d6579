//! What a report needs of its reader's language, as the domain sees it: which of
//! the three names of a built-in account or fund to use (`Script`), and the few
//! words of a statement no table holds (`Word`: 貨幣資金, 收入合計 …, the anonymous
//! donor, the payment methods). The reports ask a `Words` for them; the display
//! languages (i18n) answer, so a report never names a language or the catalogue.

use super::account::Script;
use super::party::Method;

/// A word of the statements and lists that is no account's or fund's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    AnonymousDonor,
    CashAndBank,
    TotalRevenue,
    TotalCosts,
    /// 限定性淨資產轉為非限定性淨資產.
    Release,
    ChangeInNetAssets,
    /// Said of a donor merged into another (`donor merge`): 已併入.
    Merged,
    /// 受托代理, 轉交: a gift held in trust for a named beneficiary, as a receipt's purpose.
    Entrusted,
    /// 受托代理 alone: where a gift in trust is kept, in place of a fund's name.
    Trust,
    Method(Method),
}

/// A reader's language as the reports see it.
pub trait Words: Copy {
    /// Which name of a built-in account or fund the reader reads.
    fn script(self) -> Script;
    fn word(self, word: Word) -> &'static str;
}

/// The fund's name `init` gives when none is typed, as stored (its Traditional form).
pub const DEFAULT_LEDGER_NAME: &str = "愛心基金";

/// The setting that says how the fund's name was given at `init`: `default` or `typed`.
/// Ledgers made before it have none; there the stored name is the default exactly
/// when it is `DEFAULT_LEDGER_NAME` (the only name `init` gave by itself).
pub const LEDGER_NAME_SOURCE: &str = "name.source";

/// The default fund name in `script`.
pub fn default_ledger_name(script: Script) -> &'static str {
    match script {
        Script::Traditional => DEFAULT_LEDGER_NAME,
        Script::Simplified => "爱心基金",
        Script::English => "Love Fund",
    }
}

/// The fund's name as a reader of `script` sees it: the built-in name in their
/// script, a name someone typed exactly as typed. Decided here, at display time, so
/// the stored name (and the chain over it) never changes.
pub fn shown_ledger_name(stored: &str, source: Option<&str>, script: Script) -> String {
    let built_in = match source {
        Some(source) => source == "default",
        None => stored == DEFAULT_LEDGER_NAME,
    };
    if built_in {
        default_ledger_name(script).to_string()
    } else {
        stored.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_name_follows_the_reader_and_a_typed_one_stays() {
        let shown = |stored, source, script| shown_ledger_name(stored, source, script);
        assert_eq!(shown("愛心基金", None, Script::Simplified), "爱心基金");
        assert_eq!(
            shown("愛心基金", Some("default"), Script::English),
            "Love Fund"
        );
        assert_eq!(
            shown("愛心基金", Some("typed"), Script::Simplified),
            "愛心基金"
        );
        assert_eq!(
            shown("鷹潭市政協愛心基金", None, Script::Simplified),
            "鷹潭市政協愛心基金"
        );
    }
}
