//! The words of `OutputMessage`.

use super::Say;
use crate::error::message::OutputMessage;
use crate::i18n::Lang;

impl Say for OutputMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
