//! Publishing the year's disclosure (`report disclosure --year Y --publish`): the
//! report as made public is recorded, chained; a later change is published only as a
//! new version with its 更正说明 (`--correction`), never silently.

use super::{Actor, Ledger, optional_text};
use crate::error::message::OpsMessage;
use crate::error::{Error, Field, Result};
use crate::ledger::entry::MEMO_LENGTH_MAX;
use crate::report::disclosure::{DISCLOSURE, Disclosure, disclosure};
use crate::store::publications::Publication;
use crate::store::{Read, UnitOfWork};

/// Records the disclosure of `year` as published now, in the ledger's language, and
/// returns it with its new state. The first version takes no correction; a later one
/// needs one (what changed and why) and is refused when nothing changed; publishing
/// unchanged figures again records nothing.
pub fn publish_disclosure(
    ledger: &mut Ledger,
    actor: &Actor,
    year: i32,
    correction: Option<String>,
) -> Result<Disclosure> {
    let lang = ledger.lang();
    let correction = optional_text(Field::Correction, correction, MEMO_LENGTH_MAX)?;
    ledger.store_mut()?.write(&actor.stamp(), |unit| {
        let now = disclosure(unit, year, lang, lang)?;
        let (content, sha256) = now.published_form();
        let published = unit.publications(DISCLOSURE, year)?;
        let version = match (published.last(), &correction) {
            (None, None) => 1,
            (None, Some(_)) => {
                return Err(Error::input_in(
                    Field::Correction,
                    OpsMessage::NothingPublishedToCorrect { year: year.into() },
                ));
            }
            (Some(last), _) if last.sha256 == sha256 => {
                if correction.is_some() {
                    return Err(Error::input_in(
                        Field::Correction,
                        OpsMessage::PublishedUnchanged {
                            year: year.into(),
                            version: last.version,
                        },
                    ));
                }
                return Ok(now);
            }
            (Some(last), None) => {
                return Err(Error::conflict_in(
                    Field::Correction,
                    OpsMessage::PublishedChanged {
                        year: year.into(),
                        version: last.version,
                        published_at: last.published_at.clone(),
                    },
                ));
            }
            (Some(last), Some(_)) => last.version + 1,
        };
        unit.insert_publication(&Publication {
            id: 0,
            report: DISCLOSURE.to_string(),
            year,
            version,
            sha256,
            content,
            correction: correction.clone(),
            published_by: actor.user.clone(),
            published_at: actor.recorded_at.clone(),
        })?;
        disclosure(unit, year, lang, lang)
    })
}
