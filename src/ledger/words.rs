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
    Method(Method),
}

/// A reader's language as the reports see it.
pub trait Words: Copy {
    /// Which name of a built-in account or fund the reader reads.
    fn script(self) -> Script;
    fn word(self, word: Word) -> &'static str;
}
