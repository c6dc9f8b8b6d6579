//! A transfer between the fund's own accounts (bank to cash, a wallet's balance to
//! the bank), as `lovefund transfer` does, through `ops::journal::transfer`.

use super::record::{self, Record, value};
use crate::error::{Field, Result};
use crate::i18n::Lang;
use crate::i18n::web::W;
use crate::ledger::account::{Account, AccountCode};
use crate::ledger::date::parse_date;
use crate::ops::journal::{self, Recorded, TransferRequest};
use crate::ops::{Actor, Ledger};
use crate::store::Read;
use crate::web::App;
use crate::web::page::Frame;
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::response::Response;
use maud::{Markup, html};
use std::sync::Arc;

struct Transfer;

impl Record for Transfer {
    const PATH: &'static str = "/transfer";
    const TITLE: W = W::Transfer;
    type Request = TransferRequest;
    type Done = Recorded;
    /// The asset accounts, offered as the from and to of a transfer.
    type Choices = Vec<Account>;

    fn request(posted: &Posted) -> Result<TransferRequest> {
        Ok(TransferRequest {
            from: AccountCode::parse(posted.text("from").trim())?,
            to: AccountCode::parse(posted.text("to").trim())?,
            amount: crate::input::positive_amount(Field::Amount, &posted.text("amount"))?,
            fee: posted
                .optional("fee")
                .map(|f| crate::input::positive_amount(Field::Fee, &f))
                .transpose()?,
            date: parse_date(Field::Date, &posted.text("date"))?,
            reference: posted.optional("reference"),
            memo: posted.optional("memo"),
        })
    }

    fn run(ledger: &mut Ledger, actor: &Actor, request: TransferRequest) -> Result<Recorded> {
        journal::transfer(ledger, actor, request)
    }

    fn choices(ledger: &mut Ledger, _: Lang) -> Result<Vec<Account>> {
        let accounts = ledger.reader().accounts()?;
        Ok(accounts
            .into_iter()
            .filter(|a| a.code.as_str().starts_with('1'))
            .collect())
    }

    fn done(lang: Lang, done: &Recorded) -> Markup {
        record::entry_done(lang, done.id)
    }

    fn fields(frame: &Frame, accounts: &Vec<Account>, posted: Option<&Posted>) -> Markup {
        let lang = frame.lang;
        let value = |name: &str| value(posted, name);
        let choose = |name: &str, label: W| {
            let now = value(name);
            html! {
                label { (label.get(lang))
                    select name=(name) required {
                        option value="" { "—" }
                        @for a in accounts {
                            option value=(a.code.as_str()) selected[now == a.code.as_str()] { (a.code.as_str()) " " (a.names.get(lang)) }
                        }
                    }
                }
            }
        };
        html! {
            div.card.form {
                (choose("from", W::FromAccount))
                (choose("to", W::ToAccount))
                label { (W::Amount.get(lang)) input name="amount" inputmode="decimal" data-check="amount" value=(value("amount")) required; span.hint {} }
                label { (W::Fee.get(lang)) input name="fee" inputmode="decimal" value=(value("fee")); span.hint {} }
                label { (W::Date.get(lang)) input type="date" name="date" value=(value("date")) required; }
                label { (W::Reference.get(lang)) input name="reference" value=(value("reference")); }
                label.wide { (W::Memo.get(lang)) input name="memo" value=(value("memo")); }
                button type="submit" { (W::Record.get(lang)) }
            }
        }
    }
}

pub async fn form(app: State<Arc<App>>, signed: Signed) -> Response {
    record::form::<Transfer>(app, signed).await
}

pub async fn record(app: State<Arc<App>>, posted: Posted) -> Response {
    record::record::<Transfer>(app, posted).await
}
