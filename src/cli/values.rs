//! The enumerated values the command line accepts, as clap `ValueEnum`s: an invalid
//! value is a usage error (exit 2) that lists the valid ones. Each maps onto the
//! core's own type, which knows nothing of clap.

use crate::i18n::Lang;
use crate::import::Encoding;
use crate::ledger::account::AccountType;
use crate::ledger::party::Method;
use crate::output::encode::OutEncoding;
use clap::ValueEnum;

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum LangArg {
    #[value(name = "zh-Hant", aliases = ["zh-tw", "zh-hk", "zh-mo", "zh_tw", "zh_hk", "zh_mo"])]
    ZhHant,
    #[value(name = "zh-Hans", aliases = ["zh-cn", "zh-sg", "zh", "zh_cn", "zh_sg"])]
    ZhHans,
    #[value(name = "en", aliases = ["en-us", "en-gb", "en_us", "en_gb"])]
    En,
}

/// $LOVEFUND_LANG when --lang is not given; blank counts as unset, and a value
/// that is not a language is refused naming the variable and the values.
pub fn lang_from_env() -> crate::Result<Option<Lang>> {
    let Some(text) = std::env::var("LOVEFUND_LANG")
        .ok()
        .filter(|t| !t.trim().is_empty())
    else {
        return Ok(None);
    };
    LangArg::from_str(text.trim(), true)
        .map(|lang| Some(lang.into()))
        .map_err(|_| {
            crate::Error::input(crate::error::message::CliMessage::UnknownLangEnv {
                text: text.as_str().into(),
            })
        })
}

/// The language of the locale: the first of $LC_ALL, $LC_MESSAGES and $LANG that is
/// set and not blank (POSIX's order), read as zh_CN, zh_SG → zh-Hans; zh_TW, zh_HK,
/// zh_MO → zh-Hant; en_* → en. C, POSIX and any other locale say nothing (None), so
/// lovefund's default applies.
pub fn lang_from_locale() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .and_then(|value| locale_lang(&value))
}

/// A locale name (`zh_CN.UTF-8`, `zh_TW.Big5`, `en_US`, `zh-Hans`) as a language.
fn locale_lang(locale: &str) -> Option<Lang> {
    let name = locale.trim().split(['.', '@']).next()?.to_ascii_lowercase();
    let mut parts = name.split(['_', '-']);
    match (parts.next()?, parts.next()) {
        ("en", _) => Some(Lang::En),
        ("zh", None | Some("cn" | "sg" | "hans")) => Some(Lang::ZhHans),
        ("zh", Some("tw" | "hk" | "mo" | "hant")) => Some(Lang::ZhHant),
        _ => None,
    }
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::ZhHant => Lang::ZhHant,
            LangArg::ZhHans => Lang::ZhHans,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum EncodingArg {
    #[value(name = "utf-8", aliases = ["utf8"])]
    Utf8,
    /// GBK, GB2312 and GB18030, as Excel and WPS write them on a Simplified Chinese system
    #[value(name = "gbk", aliases = ["gb18030", "gb2312", "cp936"])]
    Gbk,
    /// Big5, as Excel writes it on a Traditional Chinese system (Taiwan, Hong Kong)
    #[value(name = "big5", aliases = ["cp950"])]
    Big5,
    /// UTF-16, little-endian: Excel's "Unicode text"
    #[value(name = "utf-16le", aliases = ["utf-16", "utf16"])]
    Utf16Le,
    #[value(name = "utf-16be")]
    Utf16Be,
}

impl From<EncodingArg> for Encoding {
    fn from(encoding: EncodingArg) -> Encoding {
        match encoding {
            EncodingArg::Utf8 => Encoding::Utf8,
            EncodingArg::Gbk => Encoding::Gb18030,
            EncodingArg::Big5 => Encoding::Big5,
            EncodingArg::Utf16Le => Encoding::Utf16Le,
            EncodingArg::Utf16Be => Encoding::Utf16Be,
        }
    }
}

/// The encoding of a CSV lovefund writes.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum OutEncodingArg {
    /// UTF-8 with a byte order mark, which Excel and WPS read as UTF-8 (files' default)
    #[value(name = "utf-8-bom", aliases = ["utf8-bom"])]
    Utf8Bom,
    /// UTF-8 without a mark, for programs (a pipe's default)
    #[value(name = "utf-8", aliases = ["utf8"])]
    Utf8,
    /// GBK, for an old Excel on Simplified Chinese Windows; a character GBK lacks is refused
    #[value(name = "gbk", aliases = ["cp936"])]
    Gbk,
}

/// The encoding of a CSV: the one asked for, else UTF-8 with a byte order mark for a
/// file (standard output redirected to a file counts) and plain UTF-8 on a pipe or a
/// terminal.
pub fn out_encoding(asked: Option<OutEncodingArg>, to_file: bool) -> OutEncoding {
    match asked {
        Some(OutEncodingArg::Utf8Bom) => OutEncoding::Utf8Bom,
        Some(OutEncodingArg::Utf8) => OutEncoding::Utf8,
        Some(OutEncodingArg::Gbk) => OutEncoding::Gbk,
        None if to_file => OutEncoding::Utf8Bom,
        None => OutEncoding::Utf8,
    }
}

/// Whether standard output is a regular file (`> report.csv`), not a pipe or terminal.
pub fn stdout_is_file() -> bool {
    std::fs::metadata("/dev/stdout").is_ok_and(|m| m.is_file())
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum MethodArg {
    Bank,
    Cash,
    Wechat,
    Alipay,
}

impl From<MethodArg> for Method {
    fn from(method: MethodArg) -> Method {
        match method {
            MethodArg::Bank => Method::Bank,
            MethodArg::Cash => Method::Cash,
            MethodArg::Wechat => Method::Wechat,
            MethodArg::Alipay => Method::Alipay,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum AccountTypeArg {
    Asset,
    Liability,
    NetAssets,
    Income,
    Expense,
}

impl From<AccountTypeArg> for AccountType {
    fn from(account_type: AccountTypeArg) -> AccountType {
        match account_type {
            AccountTypeArg::Asset => AccountType::Asset,
            AccountTypeArg::Liability => AccountType::Liability,
            AccountTypeArg::NetAssets => AccountType::NetAssets,
            AccountTypeArg::Income => AccountType::Income,
            AccountTypeArg::Expense => AccountType::Expense,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum FormatArg {
    /// Read by hledger and ledger-cli
    #[value(alias = "hledger")]
    Ledger,
    Beancount,
    /// One row per posting
    Csv,
    Json,
    /// The import CSV's columns, for `import` into a new ledger
    ImportCsv,
}

impl From<FormatArg> for crate::export::Format {
    fn from(format: FormatArg) -> crate::export::Format {
        use crate::export::Format;
        match format {
            FormatArg::Ledger => Format::Ledger,
            FormatArg::Beancount => Format::Beancount,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::ImportCsv => Format::ImportCsv,
        }
    }
}

/// The checks `verify` runs; their order is verify's own.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckArg {
    Balanced,
    Chain,
    Records,
    AppendOnly,
    Totals,
    Funds,
    Receipts,
    Periods,
    Reconciliations,
    Attachments,
    Reviews,
    Trust,
    Integrity,
}

impl CheckArg {
    pub fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum ReceiptStatusArg {
    Issued,
    Void,
}

impl ReceiptStatusArg {
    pub fn as_str(self) -> &'static str {
        match self {
            ReceiptStatusArg::Issued => "issued",
            ReceiptStatusArg::Void => "void",
        }
    }
}

/// `--year Y`, read by lovefund (so a bad year is a refusal naming `--year`, exit 1,
/// like every other value lovefund reads; see the README's exit statuses).
pub fn year(text: &str) -> crate::Result<i32> {
    crate::ledger::date::parse_year(crate::error::Field::Year, text)
}

/// An optional `--year`.
pub fn year_opt(text: Option<&str>) -> crate::Result<Option<i32>> {
    text.map(year).transpose()
}

/// An id typed as an argument (ID): digits only, read by lovefund like every value.
/// `YYYY-MM` as the first day of that month.
pub fn month(text: &str) -> crate::Result<chrono::NaiveDate> {
    crate::ledger::date::parse_month(crate::error::Field::Named("--month".into()), text)
}

pub fn id(text: &str) -> crate::Result<i64> {
    crate::ledger::date::parse_count(crate::error::Field::Named("ID".into()), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_names_its_language_or_nothing() {
        let cases = [
            ("zh_CN.UTF-8", Some(Lang::ZhHans)),
            ("zh_SG", Some(Lang::ZhHans)),
            ("zh_CN.GB18030", Some(Lang::ZhHans)),
            ("zh_TW.UTF-8", Some(Lang::ZhHant)),
            ("zh_HK", Some(Lang::ZhHant)),
            ("zh_MO.Big5", Some(Lang::ZhHant)),
            ("en_US.UTF-8", Some(Lang::En)),
            ("en_GB@euro", Some(Lang::En)),
            ("C", None),
            ("POSIX", None),
            ("C.UTF-8", None),
            ("fr_FR.UTF-8", None),
        ];
        for (locale, lang) in cases {
            assert_eq!(locale_lang(locale), lang, "{locale}");
        }
    }
}
