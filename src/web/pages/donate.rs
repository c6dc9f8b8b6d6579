//! Recording a donation: the form, the check as you type (`/check`: the same
//! parsing the request uses, answering with the catalogue's sentence), and the
//! record itself through `ops::people::donate`, which shows the receipt number.

use super::record::{self, Record, date_or_today, value};
use crate::error::{Field, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::date::parse_date;
use crate::ops::people::{self, DonationRecorded, DonationRequest, MovementRequest};
use crate::ops::{Actor, Ledger};
use crate::web::App;
use crate::web::page::{self, Frame};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use std::sync::Arc;

struct Donate;

impl Record for Donate {
    const PATH: &'static str = "/donate";
    const TITLE: W = W::Donate;
    type Request = DonationRequest;
    type Done = DonationRecorded;
    /// The fund names to choose from (the ledger's own, in its chart).
    type Choices = Vec<String>;

    /// The request the form describes, parsed as `lovefund donate` parses its flags.
    fn request(posted: &Posted) -> Result<DonationRequest> {
        Ok(DonationRequest {
            movement: MovementRequest {
                counterparty: posted.text("donor"),
                amount: crate::input::positive_amount(Field::Amount, &posted.text("amount"))?,
                date: parse_date(Field::Date, &posted.text("date"))?,
                method: people::method(Field::Named("method".into()), &posted.text("method"))?,
                reference: posted.optional("reference"),
                memo: posted.optional("memo"),
            },
            fund: posted
                .optional("fund")
                .unwrap_or_else(|| "非限定".to_string()),
            official_receipt_no: posted.optional("official_receipt_no"),
            entrusted_for: None,
        })
    }

    fn run(
        ledger: &mut Ledger,
        actor: &Actor,
        request: DonationRequest,
    ) -> Result<DonationRecorded> {
        people::donate(ledger, actor, request)
    }

    /// The funds' names in the reader's script (the chart's list, not their
    /// balances: a form need not read a year of entries to be drawn).
    fn choices(ledger: &mut Ledger, lang: Lang) -> Result<Vec<String>> {
        use crate::ledger::words::Words;
        use crate::store::Read;
        let funds = ledger.reader().funds()?;
        Ok(funds
            .0
            .iter()
            .map(|f| f.name(lang.script()).to_string())
            .collect())
    }

    fn done(lang: Lang, done: &DonationRecorded) -> Markup {
        html! { p.done role="status" { (W::Recorded.get(lang)) " " strong id="receipt" { (done.receipt) } } }
    }

    fn fields(frame: &Frame, funds: &Vec<String>, posted: Option<&Posted>) -> Markup {
        let lang = frame.lang;
        let value = |name: &str| value(posted, name);
        let method = value("method");
        let fund = value("fund");
        html! {
            div.card.form {
                label { (W::Donor.get(lang)) input name="donor" value=(value("donor")) required; }
                label { (W::Amount.get(lang)) input name="amount" inputmode="decimal" value=(value("amount")) data-check="amount" required; span.hint {} }
                label { (W::Date.get(lang)) input type="date" name="date" value=(date_or_today(posted)) data-check="date" required; span.hint {} }
                label { (W::Fund.get(lang))
                    select name="fund" {
                        @for f in funds { option value=(f) selected[*f == fund] { (f) } }
                    }
                }
                label { (W::Method.get(lang))
                    select name="method" {
                        @for (code, word) in record::METHODS { option value=(code) selected[method == code] { (word.get(lang)) } }
                    }
                }
                label { (W::Reference.get(lang)) input name="reference" value=(value("reference")); }
                label { (W::OfficialReceiptNo.get(lang)) input name="official_receipt_no" value=(value("official_receipt_no")); }
                label.wide { (W::Memo.get(lang)) input name="memo" value=(value("memo")); }
                button type="submit" { (W::Record.get(lang)) }
            }
        }
    }
}

pub async fn form(app: State<Arc<App>>, signed: Signed) -> Response {
    record::form::<Donate>(app, signed).await
}

pub async fn record(app: State<Arc<App>>, posted: Posted) -> Response {
    record::record::<Donate>(app, posted).await
}

/// `/check`: one field as typed (`field`, `value`), answered with the sentence that
/// refuses it, or nothing when it is fine.
pub async fn check(posted: Posted) -> Response {
    let lang = posted.visit.lang;
    let value = posted.text("value");
    let checked: Result<()> = match posted.text("field").as_str() {
        "amount" => crate::input::positive_amount(Field::Amount, &value).map(drop),
        "date" => parse_date(Field::Date, &value).map(drop),
        "closing_balance" => crate::input::closing_balance(&value).map(drop),
        _ => Ok(()),
    };
    let text = match checked {
        Ok(()) => String::new(),
        Err(e) => page::sentence(lang, &e),
    };
    ([("content-type", "text/plain; charset=utf-8")], text).into_response()
}
