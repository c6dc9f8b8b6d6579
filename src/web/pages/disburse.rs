//! Recording a disbursement (aid paid to a beneficiary from a program), as
//! `lovefund disburse` does, through `ops::people::disburse`.

use super::record::{self, Record, date_or_today, value};
use crate::error::{Field, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::date::parse_date;
use crate::ops::people::{
    self, AidSource, DisbursementRecorded, DisbursementRequest, MovementRequest,
};
use crate::ops::{Actor, Ledger};
use crate::web::App;
use crate::web::page::Frame;
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::Response;
use maud::{Markup, html};
use std::sync::Arc;

struct Disburse;

impl Record for Disburse {
    const PATH: &'static str = "/disburse";
    const TITLE: W = W::Disburse;
    type Request = DisbursementRequest;
    type Done = DisbursementRecorded;
    type Choices = ();

    /// The request the form describes, parsed as `lovefund disburse` parses its flags.
    fn request(posted: &Posted) -> Result<DisbursementRequest> {
        Ok(DisbursementRequest {
            movement: MovementRequest {
                counterparty: posted.text("to"),
                amount: crate::input::positive_amount(Field::Amount, &posted.text("amount"))?,
                date: parse_date(Field::Date, &posted.text("date"))?,
                method: people::method(Field::Named("method".into()), &posted.text("method"))?,
                reference: posted.optional("reference"),
                memo: posted.optional("memo"),
            },
            source: AidSource::Program {
                program: posted.text("program"),
                fund: None,
            },
        })
    }

    fn run(
        ledger: &mut Ledger,
        actor: &Actor,
        request: DisbursementRequest,
    ) -> Result<DisbursementRecorded> {
        people::disburse(ledger, actor, request)
    }

    fn choices(_: &mut Ledger, _: Lang) -> Result<()> {
        Ok(())
    }

    fn done(lang: Lang, done: &DisbursementRecorded) -> Markup {
        record::entry_done(lang, done.entry)
    }

    fn fields(frame: &Frame, _: &(), posted: Option<&Posted>) -> Markup {
        let lang = frame.lang;
        let value = |name: &str| value(posted, name);
        let programs = [
            ("study-aid", W::StudyAid),
            ("poverty-relief", W::PovertyRelief),
            ("hardship", W::Hardship),
        ];
        html! {
            div.card.form {
                label { (W::Beneficiary.get(lang)) input name="to" value=(value("to")) required; }
                label { (W::Amount.get(lang)) input name="amount" inputmode="decimal" value=(value("amount")) data-check="amount" required; span.hint {} }
                label { (W::Date.get(lang)) input type="date" name="date" value=(date_or_today(posted)) data-check="date" required; span.hint {} }
                label { (W::Program.get(lang))
                    select name="program" { @for (code, word) in programs { option value=(code) selected[value("program") == code] { (word.get(lang)) } } }
                }
                label { (W::Method.get(lang))
                    select name="method" { @for (code, word) in record::METHODS { option value=(code) selected[value("method") == code] { (word.get(lang)) } } }
                }
                label { (W::Reference.get(lang)) input name="reference" value=(value("reference")); }
                label.wide { (W::Memo.get(lang)) input name="memo" value=(value("memo")); }
                button type="submit" { (W::Record.get(lang)) }
            }
        }
    }
}

pub async fn form(app: State<Arc<App>>, signed: Signed) -> Response {
    record::form::<Disburse>(app, signed).await
}

pub async fn record(app: State<Arc<App>>, posted: Posted) -> Response {
    record::record::<Disburse>(app, posted).await
}
