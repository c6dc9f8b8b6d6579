//! The words of `VerifyMessage`.

use super::Say;
use crate::error::message::VerifyMessage;
use crate::i18n::Lang;

impl Say for VerifyMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
