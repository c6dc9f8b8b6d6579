//! The words of `LedgerMessage`.

use super::Say;
use crate::error::message::LedgerMessage;
use crate::i18n::Lang;

impl Say for LedgerMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
