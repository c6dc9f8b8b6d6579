//! The words of `InputMessage`.

use super::Say;
use crate::error::message::InputMessage;
use crate::i18n::Lang;

impl Say for InputMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
