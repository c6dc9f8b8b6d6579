//! The donors' verification page `lovefund publish` writes (issue 16 §3): one HTML
//! file, its JavaScript and styles inline, the fund's public keys and voided receipt
//! numbers embedded, in the fund's language. It works offline and from any address:
//! it loads nothing, and the payload (the part of the address after `#`, or pasted)
//! never leaves the browser. Ed25519 is checked by noble-ed25519 3.2.0 (MIT, Paul
//! Miller; verify_page/noble-ed25519-LICENSE), inlined as published on npm: WebCrypto's
//! own Ed25519 is missing in older phone browsers and in WeChat's in-app browser.
//! noble asks WebCrypto only for SHA-512, which every browser of the last decade has
//! in a secure context (https or a file opened from the disk).

use crate::i18n::{L, Lang};
use serde::Serialize;

const TEMPLATE: &str = include_str!("verify_page/page.html");
const NOBLE: &str = include_str!("verify_page/noble-ed25519-3.2.0.js");
const NOBLE_LICENSE: &str = include_str!("verify_page/noble-ed25519-LICENSE");
const SCRIPT: &str = include_str!("verify_page/page.js");

/// A public key the page knows: its id (fingerprint) and 64 hex digits.
#[derive(Clone, Debug, Serialize)]
pub struct PageKey {
    pub id: String,
    pub key: String,
}

/// What the page holds.
pub struct VerifyPage<'a> {
    pub fund_name: &'a str,
    pub keys: &'a [PageKey],
    pub voided: &'a [String],
    /// When the voided list was taken, as the reader's clock shows it.
    pub as_of: &'a str,
}

#[derive(Serialize)]
struct Words {
    genuine: String,
    forged: String,
    voided: String,
    #[serde(rename = "unknown-key")]
    unknown_key: String,
    malformed: String,
    number: String,
    date: String,
    amount: String,
    #[serde(rename = "amountWords")]
    amount_words: String,
    fund: String,
    donor: String,
    key: String,
}

#[derive(Serialize)]
struct Data<'a> {
    keys: &'a [PageKey],
    voided: &'a [String],
    traditional: bool,
    words: Words,
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page as one HTML document.
pub fn render(page: &VerifyPage<'_>, lang: Lang) -> String {
    let t = |l: L| l.get(lang).to_string();
    let data = Data {
        keys: page.keys,
        voided: page.voided,
        traditional: lang == Lang::ZhHant,
        words: Words {
            genuine: t(L::PageGenuine),
            forged: t(L::PageForged),
            voided: t(L::PageVoided),
            unknown_key: t(L::PageUnknownKey),
            malformed: t(L::PageMalformed),
            number: t(L::ReceiptNo),
            date: t(L::ReceiptDate),
            amount: t(L::AmountFigures),
            amount_words: t(L::AmountWords),
            fund: t(L::Purpose),
            donor: t(L::Donor),
            key: t(L::SigningKey),
        },
    };
    // In a <script> element only `</` can end it early: written `<\/` in JSON.
    let json = serde_json::to_string(&data)
        .expect("the page's data is strings")
        .replace("</", "<\\/");
    let keys = page
        .keys
        .iter()
        .map(|k| {
            format!(
                "<code>{} {}</code>",
                escape_html(&k.id),
                escape_html(&k.key)
            )
        })
        .collect::<Vec<_>>()
        .join("<br>");
    let voided = L::PageVoidedAsOf
        .get(lang)
        .replace("{count}", &page.voided.len().to_string())
        .replace("{date}", page.as_of);
    let noble = format!(
        "/* noble-ed25519 3.2.0, from the npm registry, unchanged.\n{NOBLE_LICENSE}*/\n{NOBLE}"
    );
    let lang_tag = match lang {
        Lang::ZhHant => "zh-Hant",
        Lang::ZhHans => "zh-Hans",
        Lang::En => "en",
    };
    // Filled in one pass, so a value can never bring in a placeholder of its own.
    let values: [(&str, String); 12] = [
        ("LANG", lang_tag.to_string()),
        (
            "TITLE",
            escape_html(&format!("{} · {}", page.fund_name, t(L::PageHeading))),
        ),
        ("FUND", escape_html(page.fund_name)),
        ("HEADING", escape_html(&t(L::PageHeading))),
        ("INTRO", escape_html(&t(L::PageIntro))),
        ("BUTTON", escape_html(&t(L::PageButton))),
        ("OFFLINE", escape_html(&t(L::PageOffline))),
        ("KEYS_LABEL", escape_html(&t(L::PageKeys))),
        ("KEYS", keys),
        ("VOIDED_LABEL", escape_html(&voided)),
        ("DATA", json),
        ("NOBLE", noble),
    ];
    let mut out = String::with_capacity(TEMPLATE.len() + NOBLE.len() + SCRIPT.len() + 4096);
    let mut rest = TEMPLATE;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find("}}")
            .expect("the template's placeholders are closed");
        let name = &after[..end];
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None if name == "PAGE" => out.push_str(SCRIPT),
            None => unreachable!("the template names only the values above"),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_filled_and_holds_no_placeholder_or_address() {
        let keys = [PageKey {
            id: "1b3bf9ec".into(),
            key: "ab".repeat(32),
        }];
        let voided = ["2022-000003".to_string()];
        let page = VerifyPage {
            fund_name: "某市<政協>愛心基金",
            keys: &keys,
            voided: &voided,
            as_of: "2026-12-07",
        };
        for lang in [Lang::ZhHant, Lang::ZhHans, Lang::En] {
            let html = render(&page, lang);
            assert!(!html.contains("{{"), "{lang:?}");
            assert!(html.contains("某市&lt;政協&gt;愛心基金"));
            assert!(html.contains("\"2022-000003\""));
            // Nothing is loaded from anywhere.
            for word in [" src=", "href=", "fetch(", "XMLHttpRequest", "import("] {
                assert!(!html.contains(word), "{word}");
            }
        }
    }
}
