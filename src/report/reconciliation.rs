//! A bank reconciliation as computed: what matched, what is on one side only, ties,
//! and the 銀行存款餘額調節表 (the matching and the table are pure functions in
//! `crate::reconcile`).
//!
//! A statement may have a million lines, so the lists are not held: they stay in the
//! statement's spill (`store::spill`) and come out a row at a time, in the order
//! `reconcile::matching::Matching` gives them, to the renderer, the JSON writer and
//! the record.

use crate::error::{Error, Result};
use crate::ledger::reconciliation::{LedgerItem, MatchKind, StatementLine};
use crate::reconcile::adjustment::Adjustment;
use crate::reconcile::matching::{Matching, Tie};
use crate::store::spill::{Spill, SpillCounts, Visited};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use std::io;

#[derive(Serialize)]
pub struct ReconcileReport {
    pub account: String,
    pub as_of: chrono::NaiveDate,
    pub statement: String,
    pub encoding: &'static str,
    #[serde(flatten)]
    pub matching: Spilled,
    pub adjustment: Adjustment,
    pub recorded: Option<i64>,
}

/// The result of matching, kept in the spill: the lists of `Matching`, each in its
/// order, read a row at a time.
pub struct Spilled {
    spill: Spill,
    pub counts: SpillCounts,
}

/// A visit's outcome as an I/O result: the store's failure as an I/O error.
pub fn io_visit(visited: Visited<io::Error>) -> io::Result<()> {
    visited.map_err(io::Error::other)?
}

impl Spilled {
    /// The spill, matched (both passes done).
    pub fn new(spill: Spill) -> Result<Spilled> {
        let counts = spill.counts()?;
        Ok(Spilled { spill, counts })
    }

    /// The spill, for recording the matched and unmatched lines.
    pub fn spill(&self) -> &Spill {
        &self.spill
    }

    /// The matched pairs in statement line order.
    pub fn matched<E>(
        &self,
        visit: &mut dyn FnMut(&StatementLine, &LedgerItem, MatchKind) -> std::result::Result<(), E>,
    ) -> Visited<E> {
        self.spill.matched(visit)
    }

    /// The lines not in the ledger, in statement line order.
    pub fn statement_only<E>(
        &self,
        visit: &mut dyn FnMut(&StatementLine) -> std::result::Result<(), E>,
    ) -> Visited<E> {
        self.spill.statement_only(visit)
    }

    /// The items not on the statement, in date order.
    pub fn ledger_only<E>(
        &self,
        visit: &mut dyn FnMut(&LedgerItem) -> std::result::Result<(), E>,
    ) -> Visited<E> {
        self.spill.ledger_only(visit)
    }

    /// The ties, in order of each one's first statement line.
    pub fn ties<E>(&self, visit: &mut dyn FnMut(Tie) -> std::result::Result<(), E>) -> Visited<E> {
        self.spill.ties(&mut |kind, statement_lines, ledger_items| {
            visit(Tie {
                kind,
                statement_lines,
                ledger_items,
            })
        })
    }

    /// Every list at once (for a page that shows them all).
    pub fn load(&self) -> Result<Matching> {
        let mut matching = Matching::default();
        self.matched(&mut |line, item, kind| {
            matching.matched.push((line.clone(), item.clone(), kind));
            Ok::<(), Error>(())
        })??;
        self.ties(&mut |tie| {
            matching.ties.push(tie);
            Ok::<(), Error>(())
        })??;
        self.ledger_only(&mut |item| {
            matching.ledger_only.push(item.clone());
            Ok::<(), Error>(())
        })??;
        self.statement_only(&mut |line| {
            matching.statement_only.push(line.clone());
            Ok::<(), Error>(())
        })??;
        Ok(matching)
    }
}

/// The store's failure while a list is written as JSON.
fn json_visit<E: serde::ser::Error>(visited: Visited<E>) -> std::result::Result<(), E> {
    visited.map_err(E::custom)?
}

/// One list of the matching, as a JSON array written as it is read.
struct List<'a> {
    matching: &'a Spilled,
    which: Which,
}

#[derive(Clone, Copy)]
enum Which {
    Matched,
    Ties,
    LedgerOnly,
    StatementOnly,
}

impl Serialize for List<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        let m = self.matching;
        json_visit(match self.which {
            Which::Matched => {
                m.matched(&mut |line, item, kind| seq.serialize_element(&(line, item, kind)))
            }
            Which::Ties => m.ties(&mut |tie| seq.serialize_element(&tie)),
            Which::LedgerOnly => m.ledger_only(&mut |item| seq.serialize_element(item)),
            Which::StatementOnly => m.statement_only(&mut |line| seq.serialize_element(line)),
        })?;
        seq.end()
    }
}

/// As `Matching` serializes: the four lists by name, in its order.
impl Serialize for Spilled {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Matching", 4)?;
        for (name, which) in [
            ("matched", Which::Matched),
            ("ties", Which::Ties),
            ("ledger_only", Which::LedgerOnly),
            ("statement_only", Which::StatementOnly),
        ] {
            let list = List {
                matching: self,
                which,
            };
            fields.serialize_field(name, &list)?;
        }
        fields.end()
    }
}
