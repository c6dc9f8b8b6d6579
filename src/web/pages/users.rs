//! Users (`user list | add | reset | role | disable | enable | passwd`), through
//! `ops::users`. A treasurer manages everyone; a reviewer or an auditor sees only
//! the form to change their own password. The core refuses what a role may not do.

use crate::error::message::{CliMessage, Role};
use crate::error::{Error, Field, Result};
use crate::i18n::say::role_name;
use crate::i18n::web::W;
use crate::i18n::{L, Lang};
use crate::ops::users::{self, UserList};
use crate::ops::{Actor, Ledger};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::sync::Arc;

/// The password typed twice, the same both times.
fn new_password(posted: &Posted) -> Result<String> {
    let password = posted.text("password");
    if password != posted.text("again") {
        return Err(Error::input_in(
            Field::Password,
            CliMessage::PasswordsDiffer,
        ));
    }
    Ok(password)
}

fn role(posted: &Posted) -> Result<Role> {
    Role::parse(&posted.text("role")).ok_or_else(|| {
        Error::input_in(Field::Role, crate::error::message::WebMessage::NoSuchChoice)
    })
}

fn passwords(lang: Lang) -> Markup {
    html! {
        label { (W::Password.get(lang)) input type="password" name="password" autocomplete="new-password" required; }
        label { (W::PasswordAgain.get(lang)) input type="password" name="again" autocomplete="new-password" required; }
    }
}

fn role_select(lang: Lang, selected: Option<Role>) -> Markup {
    html! {
        select name="role" {
            @for r in Role::ALL {
                option value=(r.as_str()) selected[selected == Some(r)] { (role_name(lang, r)) }
            }
        }
    }
}

fn body(frame: &Frame, list: Option<&UserList>, outcome: Option<&Result<String>>) -> Markup {
    let lang = frame.lang;
    html! {
        @match outcome {
            Some(Ok(said)) => { p.done role="status" { (said) } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {}
        }
        @if let Some(list) = list {
            div.card {
                table id="users" {
                    thead { tr {
                        th { (L::User.get(lang)) } th { (L::Role.get(lang)) } th { (L::Status.get(lang)) }
                        th { (L::AddedAt.get(lang)) } th { (L::PasswordSetAt.get(lang)) } th {}
                    } }
                    tbody {
                        @for u in &list.users {
                            tr {
                                td { (u.name) }
                                td { (role_name(lang, u.role)) }
                                td { @if u.disabled { (L::Disabled.get(lang)) } @else { (L::Active.get(lang)) } }
                                td { (list.zone.show(&u.added_at)) }
                                td { (list.zone.show(&u.password_set_at)) }
                                td.actions {
                                    (form_post("/users", frame, html! {
                                        input type="hidden" name="name" value=(u.name);
                                        (role_select(lang, Some(u.role)))
                                        button.secondary type="submit" name="action" value="role" { (W::ChangeRole.get(lang)) }
                                        @if u.disabled {
                                            button.secondary type="submit" name="action" value="enable" { (W::Enable.get(lang)) }
                                        } @else {
                                            button.secondary type="submit" name="action" value="disable" { (W::Disable.get(lang)) }
                                        }
                                    }))
                                }
                            }
                        }
                    }
                }
            }
            h2 { (W::AddUser.get(lang)) }
            (form_post("/users", frame, html! {
                input type="hidden" name="action" value="add";
                div.card.form {
                    label { (W::User.get(lang)) input name="name" autocomplete="off" required; }
                    label { (W::Role.get(lang)) (role_select(lang, Some(Role::Reviewer))) }
                    (passwords(lang))
                    button type="submit" { (W::AddUser.get(lang)) }
                }
            }))
            h2 { (W::ResetPassword.get(lang)) }
            (form_post("/users", frame, html! {
                input type="hidden" name="action" value="reset";
                div.card.form {
                    label.wide { (W::User.get(lang))
                        select name="name" { @for u in &list.users { option value=(u.name) { (u.name) } } }
                    }
                    (passwords(lang))
                    button type="submit" { (W::ResetPassword.get(lang)) }
                }
            }))
        }
        h2 { (W::OwnPassword.get(lang)) }
        (form_post("/users", frame, html! {
            input type="hidden" name="action" value="passwd";
            div.card.form {
                (passwords(lang))
                button type="submit" { (W::OwnPassword.get(lang)) }
            }
        }))
    }
}

/// The list, for a treasurer only.
fn list_for(ledger: &Ledger) -> Result<Option<UserList>> {
    match ledger.identity()?.role {
        Role::Treasurer => users::list_users(ledger).map(Some),
        _ => Ok(None),
    }
}

async fn render(
    app: &App,
    user: &str,
    frame: &Frame<'_>,
    outcome: Option<&Result<String>>,
) -> Markup {
    let found = app.as_user(user, |l| list_for(l)).await;
    let inner = match &found {
        Ok(list) => body(frame, list.as_ref(), outcome),
        Err(e) => page::refusal_box(frame.lang, e),
    };
    page::page(frame, W::Users, inner)
}

pub async fn show(State(app): State<Arc<App>>, signed: Signed) -> Response {
    let frame = Frame {
        lang: signed.lang,
        user: Some(&signed.user),
        csrf: Some(&signed.session.csrf),
        path: "/users",
    };
    render(&app, &signed.user, &frame, None)
        .await
        .into_response()
}

pub async fn change(State(app): State<Arc<App>>, posted: Posted) -> Response {
    let Some(user) = posted.user().map(str::to_string) else {
        return Redirect::to("/login").into_response();
    };
    let lang = posted.visit.lang;
    let me = user.clone();
    let action = posted.text("action");
    let name = posted.text("name");
    let outcome = match action.as_str() {
        "add" => match (role(&posted), new_password(&posted)) {
            (Ok(role), Ok(password)) => {
                app.as_user(&user, move |l| {
                    users::may_add_user(l)?;
                    users::add_user(l, &Actor::now(&me)?, &name, role, &password)
                })
                .await
            }
            (Err(e), _) | (_, Err(e)) => Err(e),
        },
        "reset" => match new_password(&posted) {
            Ok(password) => {
                app.as_user(&user, move |l| {
                    users::may_manage_users(l)?;
                    users::reset_password(l, &Actor::now(&me)?, &name, &password)
                })
                .await
            }
            Err(e) => Err(e),
        },
        "passwd" => match new_password(&posted) {
            Ok(password) => {
                app.as_user(&user, move |l| {
                    users::change_own_password(l, &Actor::now(&me)?, &password)
                })
                .await
            }
            Err(e) => Err(e),
        },
        "role" => match role(&posted) {
            Ok(role) => {
                app.as_user(&user, move |l| {
                    users::set_role(l, &Actor::now(&me)?, &name, role)
                })
                .await
            }
            Err(e) => Err(e),
        },
        "disable" | "enable" => {
            let disable = action == "disable";
            app.as_user(&user, move |l| {
                users::set_disabled(l, &Actor::now(&me)?, &name, disable)
            })
            .await
        }
        _ => Err(Error::input_in(
            Field::Named("action".into()),
            crate::error::message::WebMessage::NoSuchChoice,
        )),
    };
    let outcome = outcome.map(|done| page::said(lang, &done));
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = Frame {
        lang,
        user: Some(&user),
        csrf: csrf.as_deref(),
        path: "/users",
    };
    let status = match &outcome {
        Ok(_) => StatusCode::OK,
        Err(e) => page::status_of(e),
    };
    (status, render(&app, &user, &frame, Some(&outcome)).await).into_response()
}
