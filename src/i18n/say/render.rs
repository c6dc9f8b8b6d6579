//! The words of `RenderMessage`.

use super::Say;
use crate::error::message::RenderMessage;
use crate::i18n::Lang;

impl Say for RenderMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
