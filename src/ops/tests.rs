//! The operations called as a front end other than the CLI would call them: typed
//! requests in, typed results and refusals (naming a field, never a flag) out.

use super::chart::{InitRequest, init};
use super::journal::{ReverseRequest, reverse};
use super::people::{DonationRequest, MovementRequest, PartyRequest, add_party, donate};
use super::{Actor, Ledger};
use crate::error::{Error, Field, RefusalKind};
use crate::i18n::Lang;
use crate::ledger::money::Money;
use crate::ledger::party::{Method, PartyType};
use crate::store::Read;
use chrono::NaiveDate;

fn ledger(dir: &tempfile::TempDir) -> (Ledger, Actor) {
    let actor = Actor {
        user: "treasurer".into(),
        recorded_at: "2022-03-01T08:00:00Z".into(),
        today: NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(),
    };
    let path = dir.path().join("fund.db");
    let request = InitRequest {
        path: path.clone(),
        name: Some("愛心基金".into()),
        lang: Lang::ZhHans,
    };
    init(&actor, request).unwrap();
    let mut ledger = Ledger::open_for_writing(&path).unwrap();
    ledger
        .sign_in(&super::users::NoPassword(&actor.user))
        .unwrap();
    (ledger, actor)
}

fn gift(donor: &str, fund: &str) -> DonationRequest {
    DonationRequest {
        movement: MovementRequest {
            counterparty: donor.into(),
            amount: Money::from_fen(500_000),
            date: NaiveDate::from_ymd_opt(2022, 3, 1).unwrap(),
            method: Method::Bank,
            reference: None,
            memo: None,
        },
        fund: fund.into(),
        official_receipt_no: None,
        entrusted_for: None,
    }
}

fn refusal(error: Error) -> crate::error::Refusal {
    error.refusal().cloned().expect("a refusal")
}

#[test]
fn a_donation_gets_a_receipt_and_a_memo_in_the_ledgers_language() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ledger, actor) = ledger(&dir);
    let recorded = donate(&mut ledger, &actor, gift("anonymous", "助学")).unwrap();
    assert_eq!(recorded.receipt, "2022-000001");
    assert_eq!(recorded.amount, Money::from_fen(500_000));
    let entry = ledger.reader().entry(recorded.entry).unwrap().unwrap();
    assert!(entry.memo.starts_with("捐款"), "{}", entry.memo);
}

#[test]
fn a_refusal_names_the_field_and_leaves_the_flag_to_the_front_end() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ledger, actor) = ledger(&dir);
    let r = refusal(donate(&mut ledger, &actor, gift("anonymous", "no such fund")).unwrap_err());
    assert_eq!(
        (r.kind, r.field.clone()),
        (RefusalKind::Input, Some(Field::Fund))
    );
    let text = crate::i18n::say::refusal(crate::i18n::Lang::En, &r, |_| "{field}".into());
    assert!(
        text.starts_with("{field} \"no such fund\" is not a fund"),
        "{text}"
    );
    assert!(!text.contains("--"), "{text}");
    let r = refusal(donate(&mut ledger, &actor, gift("李明", "助学")).unwrap_err());
    assert_eq!(
        (r.kind, r.field),
        (RefusalKind::NotFound, Some(Field::Donor))
    );
}

#[test]
fn a_party_is_checked_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ledger, actor) = ledger(&dir);
    let household = |members| PartyRequest {
        party_type: PartyType::Household,
        name: "王家".into(),
        phone: None,
        school: None,
        grade: None,
        village: Some("白露村".into()),
        members: Some(members),
        id_number: None,
        publish: true,
    };
    let r = refusal(add_party(&mut ledger, &actor, household(0)).unwrap_err());
    assert_eq!(r.field, Some(Field::Members));
    let added = add_party(&mut ledger, &actor, household(4)).unwrap();
    assert_eq!(added.name, "王家");
}

#[test]
fn a_reversal_defaults_to_the_actors_today_and_happens_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut ledger, mut actor) = ledger(&dir);
    let recorded = donate(&mut ledger, &actor, gift("anonymous", "助学")).unwrap();
    actor.today = NaiveDate::from_ymd_opt(2022, 3, 5).unwrap();
    let request = |reason: &str| ReverseRequest {
        entry_id: recorded.entry,
        reason: reason.into(),
        date: None,
    };
    let r = refusal(reverse(&mut ledger, &actor, request(" ")).unwrap_err());
    assert_eq!(r.field, Some(Field::Reason));
    let reversal = reverse(&mut ledger, &actor, request("錄入兩次")).unwrap();
    let entry = ledger.reader().entry(reversal.id).unwrap().unwrap();
    assert_eq!(entry.date, actor.today);
    let r = refusal(reverse(&mut ledger, &actor, request("again")).unwrap_err());
    assert_eq!(r.kind, RefusalKind::Conflict);
}
