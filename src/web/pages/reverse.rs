//! Reversing an entry (紅字沖銷), as `lovefund reverse ID --reason R` does, through
//! `ops::journal::reverse`: a new entry with every posting negated.

use super::record::{self, Record, value};
use crate::error::{Field, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::date::parse_date;
use crate::ops::journal::{self, Recorded, ReverseRequest};
use crate::ops::{Actor, Ledger};
use crate::web::App;
use crate::web::page::Frame;
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::Response;
use maud::{Markup, html};
use std::sync::Arc;

struct Reverse;

impl Record for Reverse {
    const PATH: &'static str = "/reverse";
    const TITLE: W = W::Reverse;
    type Request = ReverseRequest;
    type Done = Recorded;
    type Choices = ();

    fn request(posted: &Posted) -> Result<ReverseRequest> {
        Ok(ReverseRequest {
            entry_id: crate::ledger::date::parse_count(
                Field::Named("entry".into()),
                &posted.text("entry"),
            )?,
            reason: posted.text("reason"),
            date: posted
                .optional("date")
                .map(|d| parse_date(Field::Date, &d))
                .transpose()?,
        })
    }

    fn run(ledger: &mut Ledger, actor: &Actor, request: ReverseRequest) -> Result<Recorded> {
        journal::reverse(ledger, actor, request)
    }

    fn choices(_: &mut Ledger, _: Lang) -> Result<()> {
        Ok(())
    }

    fn done(lang: Lang, done: &Recorded) -> Markup {
        record::entry_done(lang, done.id)
    }

    fn fields(frame: &Frame, _: &(), posted: Option<&Posted>) -> Markup {
        let lang = frame.lang;
        let value = |name: &str| value(posted, name);
        html! {
            div.card.form {
                label { (W::Entry.get(lang)) input name="entry" inputmode="numeric" value=(value("entry")) required; }
                label { (W::ReversalDate.get(lang)) input type="date" name="date" value=(value("date")); }
                label.wide { (W::Reason.get(lang)) input name="reason" value=(value("reason")) required; }
                button type="submit" { (W::Reverse.get(lang)) }
            }
        }
    }
}

pub async fn form(app: State<Arc<App>>, signed: Signed) -> Response {
    record::form::<Reverse>(app, signed).await
}

pub async fn record(app: State<Arc<App>>, posted: Posted) -> Response {
    record::record::<Reverse>(app, posted).await
}
