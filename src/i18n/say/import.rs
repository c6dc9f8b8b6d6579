//! The words of `ImportMessage`.

use super::Say;
use crate::error::message::ImportMessage;
use crate::i18n::Lang;

impl Say for ImportMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
