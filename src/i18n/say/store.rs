//! The words of `StoreMessage`.

use super::Say;
use crate::error::message::StoreMessage;
use crate::i18n::Lang;

impl Say for StoreMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
