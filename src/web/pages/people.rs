//! Donors and beneficiaries: the list (`donor list`), a search that finds one the
//! way `donor show` and `--donor` do (an id, a name or part of one, pinyin initials,
//! the last 4 identity characters: `report::people::party_detail_named`), one
//! person's page with their gifts or aid and their corrections as the chained edit
//! records hold them (`donor show`), a correction with its reason
//! (`ops::people::edit_party`, `donor edit`) and a new one (`donor add`).

use crate::error::message::Role as UserRole;
use crate::error::{Error, Field, Result};
use crate::i18n::web::W;
use crate::i18n::{L, Lang};
use crate::ledger::party::{Method, PartyType, Role, mask, shown_name};
use crate::ops::people::{self, EditRequest, PartyRequest};
use crate::ops::{Actor, Ledger};
use crate::render::text::{field_label, party_type_label};
use crate::report::people::{PartyDetail, PartyLine, party_detail, party_detail_named, party_list};
use crate::web::App;
use crate::web::page::{self, Frame, form_post};
use crate::web::session::{Posted, Signed};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use std::collections::HashMap;
use std::sync::Arc;

/// The page's path for `role`.
fn base(role: Role) -> &'static str {
    match role {
        Role::Donor => "/donors",
        Role::Beneficiary => "/beneficiaries",
    }
}

fn title(role: Role) -> W {
    match role {
        Role::Donor => W::Donors,
        Role::Beneficiary => W::Beneficiaries,
    }
}

/// The types a new donor or beneficiary may have.
fn types(role: Role) -> &'static [PartyType] {
    match role {
        Role::Donor => &[
            PartyType::Person,
            PartyType::Organization,
            PartyType::Anonymous,
        ],
        Role::Beneficiary => &[PartyType::Student, PartyType::Household],
    }
}

/// A method as recorded, in the reader's words.
fn method_word(method: &str, lang: Lang) -> String {
    match Method::parse(method) {
        Some(Method::Bank) => W::Bank.get(lang).to_string(),
        Some(Method::Cash) => W::Cash.get(lang).to_string(),
        Some(Method::Wechat) => W::Wechat.get(lang).to_string(),
        Some(Method::Alipay) => W::Alipay.get(lang).to_string(),
        None => method.to_string(),
    }
}

/// A form's text field: None when left blank (the CLI's option not given).
fn given(posted: &Posted, name: &str) -> Option<String> {
    posted.optional(name)
}

fn party_type(posted: &Posted, role: Role) -> Result<Option<PartyType>> {
    match given(posted, "type") {
        None => Ok(None),
        Some(text) => PartyType::parse(&text)
            .filter(|t| t.role() == role)
            .map(Some)
            .ok_or_else(|| {
                Error::input_in(
                    Field::Named("type".into()),
                    crate::error::message::WebMessage::NoSuchChoice,
                )
            }),
    }
}

fn members(posted: &Posted) -> Result<Option<i64>> {
    given(posted, "members")
        .map(|m| crate::ledger::date::parse_count(Field::Members, &m))
        .transpose()
}

/// The publish choice: "yes", "no", or blank (keep).
fn publish(posted: &Posted) -> Option<bool> {
    match posted.text("publish").as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The fields a donor's or beneficiary's form shares between adding and correcting:
/// each None when left blank, and those of the other role dropped.
struct Details {
    phone: Option<String>,
    school: Option<String>,
    grade: Option<String>,
    village: Option<String>,
    members: Option<i64>,
    id_number: Option<String>,
}

fn details(posted: &Posted, role: Role) -> Result<Details> {
    let donor = role == Role::Donor;
    Ok(Details {
        phone: given(posted, "phone").filter(|_| donor),
        school: given(posted, "school").filter(|_| !donor),
        grade: given(posted, "grade").filter(|_| !donor),
        village: given(posted, "village").filter(|_| !donor),
        members: members(posted)?.filter(|_| !donor),
        id_number: given(posted, "id_number"),
    })
}

fn add_request(posted: &Posted, role: Role) -> Result<PartyRequest> {
    let party_type = party_type(posted, role)?.unwrap_or(types(role)[0]);
    let d = details(posted, role)?;
    Ok(PartyRequest {
        party_type,
        name: posted.text("name"),
        phone: d.phone,
        school: d.school,
        grade: d.grade,
        village: d.village,
        members: d.members,
        id_number: d.id_number,
        publish: role != Role::Donor || publish(posted).unwrap_or(true),
    })
}

fn edit_request(posted: &Posted, role: Role, id: i64) -> Result<EditRequest> {
    let d = details(posted, role)?;
    Ok(EditRequest {
        role,
        party: id.to_string(),
        party_type: party_type(posted, role)?,
        name: given(posted, "name"),
        phone: d.phone,
        school: d.school,
        grade: d.grade,
        village: d.village,
        members: d.members,
        id_number: d.id_number,
        publish: publish(posted).filter(|_| role == Role::Donor),
        reason: posted.text("reason"),
    })
}

/// A post's shape, adding or correcting: the request `request` parses, the
/// operation `work` run as the user who posted, and what it did as the CLI says
/// it (or why not). Anyone not signed in is sent to sign in.
async fn change<R: Send + 'static, S: crate::render::Render + 'static>(
    app: &App,
    posted: &Posted,
    request: Result<R>,
    work: fn(&mut Ledger, &Actor, R) -> Result<S>,
) -> std::result::Result<(String, Result<String>), Response> {
    let Some(user) = posted.user().map(str::to_string) else {
        return Err(Redirect::to("/login").into_response());
    };
    let lang = posted.visit.lang;
    let name = user.clone();
    let outcome = match request {
        Ok(request) => {
            app.as_user(&user, move |l| {
                let done = work(l, &Actor::now(&name)?, request)?;
                Ok(page::said(lang, &done))
            })
            .await
        }
        Err(e) => Err(e),
    };
    Ok((user, outcome))
}

fn frame<'a>(lang: Lang, user: &'a str, csrf: Option<&'a str>, path: &'a str) -> Frame<'a> {
    Frame {
        lang,
        user: Some(user),
        csrf,
        path,
    }
}

/// The fields of a donor or beneficiary, for adding (`current` None) or correcting
/// (blank keeps the value shown as the placeholder).
fn fields(lang: Lang, role: Role, current: Option<&crate::ledger::party::Party>) -> Markup {
    let now = |v: Option<String>| v.unwrap_or_default();
    let p = current;
    let donor = role == Role::Donor;
    html! {
        label { (L::Name.get(lang))
            input name="name" required[p.is_none()] placeholder=(now(p.map(|p| p.name.clone()))); }
        label { (L::Type.get(lang))
            select name="type" {
                @if p.is_some() { option value="" { "—" } }
                @for t in types(role) {
                    option value=(t.as_str()) { (party_type_label(*t, lang)) }
                }
            }
        }
        @if donor {
            label { (L::Phone.get(lang)) input name="phone" inputmode="tel" placeholder=(now(p.and_then(|p| p.phone.clone()))); }
        } @else {
            label { (L::School.get(lang)) input name="school" placeholder=(now(p.and_then(|p| p.school.clone()))); }
            label { (L::Grade.get(lang)) input name="grade" placeholder=(now(p.and_then(|p| p.grade.clone()))); }
            label { (L::Village.get(lang)) input name="village" placeholder=(now(p.and_then(|p| p.village.clone()))); }
            label { (L::Members.get(lang)) input name="members" inputmode="numeric" placeholder=(now(p.and_then(|p| p.members.map(|m| m.to_string())))); }
        }
        label { (L::IdNumber.get(lang)) input name="id_number" autocomplete="off" placeholder=(now(p.and_then(|p| p.id_last4.as_deref().map(mask)))); }
        @if donor {
            label { (L::Publish.get(lang))
                select name="publish" {
                    @if p.is_some() { option value="" { "—" } }
                    option value="yes" { (W::Yes.get(lang)) }
                    option value="no" { (W::No.get(lang)) }
                }
            }
        }
    }
}

fn list_body(
    frame: &Frame,
    role: Role,
    lines: &[PartyLine],
    writer: bool,
    query: &str,
    outcome: Option<&Result<String>>,
) -> Markup {
    let lang = frame.lang;
    let path = base(role);
    html! {
        @match outcome {
            Some(Ok(said)) => { p.done role="status" { (said) } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {}
        }
        div.toolbar {
            form method="get" action=(path) {
                label { (W::Search.get(lang)) input type="search" name="q" value=(query) placeholder=(W::SearchHint.get(lang)); }
                button.secondary type="submit" { (W::Find.get(lang)) }
            }
        }
        @if lines.is_empty() { p.quiet { (W::NobodyYet.get(lang)) } }
        @else {
            div.card {
                table id="people" {
                    thead { tr {
                        th.num { (L::Id.get(lang)) } th { (L::Name.get(lang)) } th { (L::Type.get(lang)) }
                        th {} th.num { (L::Count.get(lang)) } th.num { (L::Total.get(lang)) }
                    } }
                    tbody {
                        @for l in lines {
                            tr {
                                td.num { (l.party.id) }
                                td { a href={ (path) "/" (l.party.id) } { (shown_name(l.party.party_type, &l.party.name, lang)) } }
                                td { (party_type_label(l.party.party_type, lang)) }
                                td.quiet {
                                    @if let Some(root) = l.merged_into { (L::MergedInto.get(lang)) " " (root) " " }
                                    @if !l.publish { (L::NotPublished.get(lang)) }
                                }
                                td.num { (l.count) }
                                td.num { (l.total.grouped()) }
                            }
                        }
                    }
                }
            }
        }
        @if writer {
            h2 { (W::AddNew.get(lang)) }
            (form_post(path, frame, html! {
                div.card.form {
                    (fields(lang, role, None))
                    button type="submit" { (W::Add.get(lang)) }
                }
            }))
        }
    }
}

fn detail_body(
    frame: &Frame,
    d: &PartyDetail,
    writer: bool,
    outcome: Option<&Result<String>>,
) -> Markup {
    let lang = frame.lang;
    let p = &d.party;
    let path = format!("{}/{}", base(p.role), p.id);
    let facts = [
        (L::Phone, p.phone.clone()),
        (L::IdNumber, p.id_last4.as_deref().map(mask)),
        (L::School, p.school.clone()),
        (L::Grade, p.grade.clone()),
        (L::Village, p.village.clone()),
        (L::Members, p.members.map(|m| m.to_string())),
    ];
    html! {
        @match outcome {
            Some(Ok(said)) => { p.done role="status" { (said) } }
            Some(Err(e)) => { (page::refusal_box(lang, e)) }
            None => {}
        }
        div.card {
            h2 { (shown_name(p.party_type, &p.name, lang)) " · " (L::Id.get(lang)) " " (p.id) }
            dl.facts {
                dt { (L::Type.get(lang)) } dd { (party_type_label(p.party_type, lang)) }
                @for (label, value) in &facts {
                    @if let Some(v) = value { dt { (label.get(lang)) } dd { (v) } }
                }
                @if let Some((root, name)) = &d.merged_into {
                    dt { (L::MergedInto.get(lang)) } dd { a href={ (base(p.role)) "/" (root) } { (root) " " (name) } }
                }
                @if !d.publish { dt { (L::Publish.get(lang)) } dd { (L::NotPublished.get(lang)) } }
                @if let Some(held) = d.held_in_trust { dt { (L::HeldInTrust.get(lang)) } dd { (held.grouped()) } }
            }
        }
        div.card {
            h2 { (W::History.get(lang)) }
            @if d.history.is_empty() { p.quiet { (W::NothingRecorded.get(lang)) } }
            @else {
                table id="history" {
                    thead { tr {
                        th { (L::Date.get(lang)) } th.num { (L::Entry.get(lang)) } th { (L::Fund.get(lang)) }
                        th { (L::Method.get(lang)) } th { (L::Receipt.get(lang)) } th { (L::Memo.get(lang)) } th.num { (L::Amount.get(lang)) }
                    } }
                    tbody {
                        @for h in &d.history {
                            tr {
                                td { (h.date) } td.num { (h.entry) } td { (h.fund) }
                                td { (h.method.as_deref().map(|m| method_word(m, lang)).unwrap_or_default()) }
                                td { (h.receipt.clone().unwrap_or_default()) }
                                td.wrap { @if let Some(from) = h.merged_from { "[" (from) " " (L::Merged.get(lang)) "] " } (h.memo) }
                                td.num { (h.amount.grouped()) }
                            }
                        }
                        tr.total { td { (L::Total.get(lang)) } td {} td {} td {} td {} td { (L::Count.get(lang)) " " (d.count) } td.num { (d.total.grouped()) } }
                    }
                }
            }
        }
        div.card {
            h2 { (L::Corrections.get(lang)) }
            @if d.edits.is_empty() { p.quiet { (W::NoCorrections.get(lang)) } }
            @else {
                table id="edits" {
                    thead { tr {
                        th { (L::Date.get(lang)) } th { (L::RecordedBy.get(lang)) } th { (L::Changed.get(lang)) }
                        th { (L::Name.get(lang)) } th { (L::Reason.get(lang)) }
                    } }
                    tbody {
                        @for e in &d.edits {
                            @let changed: Vec<&str> = e.changed.iter().map(|f| field_label(f, lang)).collect();
                            tr { td { (e.at) } td { (e.by) } td { (changed.join("、")) } td { (e.name) } td.wrap { (e.reason) } }
                        }
                    }
                }
            }
        }
        @if writer {
            h2 { (W::Correct.get(lang)) }
            p.quiet { (W::BlankKeeps.get(lang)) }
            (form_post(&path, frame, html! {
                div.card.form {
                    (fields(lang, p.role, Some(p)))
                    label.wide { (L::Reason.get(lang)) input name="reason" required; }
                    button type="submit" { (W::SaveCorrection.get(lang)) }
                }
            }))
        }
        p { a href=(base(p.role)) { (W::Back.get(lang)) } }
    }
}

fn writer(ledger: &Ledger) -> Result<bool> {
    Ok(ledger.identity()?.role == UserRole::Treasurer)
}

async fn list_page(
    app: &App,
    signed_user: &str,
    frame: &Frame<'_>,
    role: Role,
    query: &str,
    outcome: Option<&Result<String>>,
) -> Markup {
    let lang = frame.lang;
    let found = app
        .as_user(signed_user, move |l| {
            Ok((party_list(l.reader(), role)?, writer(l)?))
        })
        .await;
    let inner = match &found {
        Ok((lines, writer)) => list_body(frame, role, lines, *writer, query, outcome),
        Err(e) => page::refusal_box(lang, e),
    };
    page::page(frame, title(role), inner)
}

pub async fn donors(
    state: State<Arc<App>>,
    signed: Signed,
    q: Query<HashMap<String, String>>,
) -> Response {
    list(state, signed, q, Role::Donor).await
}

pub async fn beneficiaries(
    state: State<Arc<App>>,
    signed: Signed,
    q: Query<HashMap<String, String>>,
) -> Response {
    list(state, signed, q, Role::Beneficiary).await
}

/// The list; with `?q=` the one person it names (or the refusal: none, or several).
async fn list(
    State(app): State<Arc<App>>,
    signed: Signed,
    Query(q): Query<HashMap<String, String>>,
    role: Role,
) -> Response {
    let lang = signed.lang;
    let query = q.get("q").map(|s| s.trim().to_string()).unwrap_or_default();
    let frame = frame(lang, &signed.user, Some(&signed.session.csrf), base(role));
    let mut refusal = None;
    if !query.is_empty() {
        let who = query.clone();
        let found = app
            .as_user(&signed.user, move |l| {
                party_detail_named(l.reader(), role, &who, lang).map(|d| d.party.id)
            })
            .await;
        match found {
            Ok(id) => return Redirect::to(&format!("{}/{id}", base(role))).into_response(),
            Err(e) => refusal = Some(Err(e)),
        }
    }
    let status = match &refusal {
        Some(Err(e)) => page::status_of(e),
        _ => StatusCode::OK,
    };
    let markup = list_page(&app, &signed.user, &frame, role, &query, refusal.as_ref()).await;
    (status, markup).into_response()
}

pub async fn add_donor(state: State<Arc<App>>, posted: Posted) -> Response {
    add(state, posted, Role::Donor).await
}

pub async fn add_beneficiary(state: State<Arc<App>>, posted: Posted) -> Response {
    add(state, posted, Role::Beneficiary).await
}

async fn add(State(app): State<Arc<App>>, posted: Posted, role: Role) -> Response {
    let request = add_request(&posted, role);
    let (user, outcome) = match change(&app, &posted, request, people::add_party).await {
        Ok(done) => done,
        Err(away) => return away,
    };
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = frame(posted.visit.lang, &user, csrf.as_deref(), base(role));
    let status = match &outcome {
        Ok(_) => StatusCode::OK,
        Err(e) => page::status_of(e),
    };
    let markup = list_page(&app, &user, &frame, role, "", Some(&outcome)).await;
    (status, markup).into_response()
}

async fn detail_page(
    app: &App,
    user: &str,
    frame: &Frame<'_>,
    role: Role,
    id: &str,
    outcome: Option<&Result<String>>,
) -> (StatusCode, Markup) {
    let lang = frame.lang;
    let id = crate::ledger::date::parse_count(Field::Named("id".into()), id);
    let found = match id {
        Ok(id) => {
            app.as_user(user, move |l| {
                Ok((party_detail(l.reader(), role, id, lang)?, writer(l)?))
            })
            .await
        }
        Err(e) => Err(e),
    };
    match &found {
        Ok((detail, writer)) => (
            StatusCode::OK,
            page::page(
                frame,
                title(role),
                detail_body(frame, detail, *writer, outcome),
            ),
        ),
        Err(e) => (
            page::status_of(e),
            page::page(frame, title(role), page::refusal_box(lang, e)),
        ),
    }
}

pub async fn donor(state: State<Arc<App>>, signed: Signed, id: Path<String>) -> Response {
    show(state, signed, id, Role::Donor).await
}

pub async fn beneficiary(state: State<Arc<App>>, signed: Signed, id: Path<String>) -> Response {
    show(state, signed, id, Role::Beneficiary).await
}

async fn show(
    State(app): State<Arc<App>>,
    signed: Signed,
    Path(id): Path<String>,
    role: Role,
) -> Response {
    let frame = frame(
        signed.lang,
        &signed.user,
        Some(&signed.session.csrf),
        base(role),
    );
    let (status, markup) = detail_page(&app, &signed.user, &frame, role, &id, None).await;
    (status, markup).into_response()
}

pub async fn edit_donor(state: State<Arc<App>>, id: Path<String>, posted: Posted) -> Response {
    edit(state, id, posted, Role::Donor).await
}

pub async fn edit_beneficiary(
    state: State<Arc<App>>,
    id: Path<String>,
    posted: Posted,
) -> Response {
    edit(state, id, posted, Role::Beneficiary).await
}

async fn edit(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    posted: Posted,
    role: Role,
) -> Response {
    let request = crate::ledger::date::parse_count(Field::Named("id".into()), &id)
        .and_then(|n| edit_request(&posted, role, n));
    let (user, outcome) = match change(&app, &posted, request, people::edit_party).await {
        Ok(done) => done,
        Err(away) => return away,
    };
    let csrf = posted.visit.session.as_ref().map(|s| s.csrf.clone());
    let frame = frame(posted.visit.lang, &user, csrf.as_deref(), base(role));
    let (status, markup) = detail_page(&app, &user, &frame, role, &id, Some(&outcome)).await;
    let status = match &outcome {
        Err(e) => page::status_of(e),
        Ok(_) => status,
    };
    (status, markup).into_response()
}
