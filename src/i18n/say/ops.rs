//! The words of `OpsMessage`.

use super::Say;
use crate::error::message::OpsMessage;
use crate::i18n::Lang;

impl Say for OpsMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
