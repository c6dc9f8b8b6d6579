//! The words of `ReconcileMessage`.

use super::Say;
use crate::error::message::ReconcileMessage;
use crate::i18n::Lang;

impl Say for ReconcileMessage {
    fn say(&self, _lang: Lang, _field: &str) -> String {
        match *self {}
    }
}
