//! `lovefund verify`: named checks of the invariants in DESIGN.md, each a pure
//! function of what the ledger holds (hledger's `check` is the model). The store
//! streams the journal once; every check observes the same entries and says what it
//! found, naming the first bad entry. Checks never trust the derived tables: they
//! recompute from the postings alone.

mod checks;

use crate::error::message::{FindingMessage, VerifyMessage};
use crate::error::{Error, Result};
use crate::i18n::L;
use crate::ledger::entry::StoredEntry;
use crate::store::Read;
use serde::Serialize;

pub use checks::{AppendOnly, Balanced, Chain, Derived, Fingerprint, FingerprintCheck};

/// What a check found: one problem, tied to an entry where there is one.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub entry: Option<i64>,
    pub message: FindingMessage,
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckResult {
    pub check: &'static str,
    /// What the check proves, in the reader's words (not in JSON: `check` names it).
    #[serde(skip)]
    pub description: L,
    pub passed: bool,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    pub entries: i64,
    /// The chain head (the ledger fingerprint), hex.
    pub fingerprint: Option<String>,
    pub passed: bool,
    pub checks: Vec<CheckResult>,
}

impl VerifyReport {
    /// The first failing finding, for the one-line error of a failed verify.
    pub fn first_failure(&self) -> Option<(&'static str, &Finding)> {
        self.checks
            .iter()
            .find(|c| !c.passed)
            .and_then(|c| c.findings.first().map(|f| (c.check, f)))
    }
}

/// A check that looks at each entry in id order, then reports.
pub trait EntryCheck {
    fn observe(&mut self, entry: &StoredEntry, malformed: Option<&FindingMessage>);
    fn finish(self: Box<Self>) -> Vec<Finding>;
}

/// Every check by name, with what it proves.
pub const CHECKS: &[(&str, L)] = &[
    ("balanced", L::CheckBalanced),
    ("chain", L::CheckChain),
    ("records", L::CheckRecords),
    ("append-only", L::CheckAppendOnly),
    ("totals", L::CheckTotals),
    ("funds", L::CheckFunds),
    ("receipts", L::CheckReceipts),
    ("periods", L::CheckPeriods),
    ("reconciliations", L::CheckReconciliations),
    ("attachments", L::CheckAttachments),
    ("reviews", L::CheckReviews),
    ("trust", L::CheckTrust),
    ("integrity", L::CheckIntegrity),
];

pub fn check_names() -> Vec<&'static str> {
    CHECKS.iter().map(|(n, _)| *n).collect()
}

/// The result of `--fingerprint`, reported right after `chain`.
const FINGERPRINT_CHECK: (&str, L) = ("fingerprint", L::CheckFingerprint);

/// Runs the named checks (all when `names` is empty), and with `fingerprint` also
/// looks for the entry that had it. SQLite's own checks run on a second connection
/// beside the others, which share one read transaction: they all see the same
/// snapshot, even while another process appends.
pub fn run(
    store: &impl Read,
    names: &[String],
    fingerprint: Option<&Fingerprint>,
) -> Result<VerifyReport> {
    for name in names {
        if !CHECKS.iter().any(|(n, _)| n == name) {
            return Err(Error::input(VerifyMessage::NoSuchCheck {
                name: name.into(),
                checks: check_names().iter().map(|c| c.to_string()).collect(),
            }));
        }
    }
    let wanted = |name: &str| names.is_empty() || names.iter().any(|n| n == name);
    let integrity = wanted("integrity").then(|| store.integrity_check());
    let (mut results, head) =
        store.snapshot(|| Ok((run_on_snapshot(store, &wanted, fingerprint)?, store.head()?)))?;
    if let Some(handle) = integrity {
        let problems = handle.join()?;
        let findings = problems
            .into_iter()
            .map(|message| Finding {
                entry: None,
                message,
            })
            .collect();
        results.push(("integrity", findings));
    }
    let order = CHECKS.iter().flat_map(|check| {
        let then = (check.0 == "chain").then_some(&FINGERPRINT_CHECK);
        std::iter::once(check).chain(then)
    });
    let checks: Vec<CheckResult> = order
        .filter_map(|(name, description)| {
            let (_, findings) = results.iter().find(|(n, _)| n == name)?;
            Some(CheckResult {
                check: name,
                description: *description,
                passed: findings.is_empty(),
                findings: findings.clone(),
            })
        })
        .collect();
    Ok(VerifyReport {
        entries: head.entries,
        fingerprint: head.last.map(|(_, hash)| hex::encode(hash)),
        passed: checks.iter().all(|c| c.passed),
        checks,
    })
}

/// Every check but SQLite's own, on one snapshot: (check, findings).
fn run_on_snapshot(
    store: &impl Read,
    wanted: &dyn Fn(&str) -> bool,
    fingerprint: Option<&Fingerprint>,
) -> Result<Vec<(&'static str, Vec<Finding>)>> {
    let records: std::rc::Rc<[crate::store::StoredRecord]> =
        match wanted("chain") || wanted("records") || fingerprint.is_some() {
            true => store.records()?.into(),
            false => Vec::new().into(),
        };
    let mut streamed: Vec<(&'static str, Box<dyn EntryCheck>)> = Vec::new();
    if wanted("balanced") {
        streamed.push(("balanced", Box::new(Balanced::default())));
    }
    if wanted("chain") {
        streamed.push((
            "chain",
            Box::new(Chain::new(
                store.orphan_posting_entry_ids()?,
                std::rc::Rc::clone(&records),
            )),
        ));
    }
    if let Some(f) = fingerprint {
        streamed.push((
            FINGERPRINT_CHECK.0,
            Box::new(FingerprintCheck::new(
                f.clone(),
                std::rc::Rc::clone(&records),
            )),
        ));
    }
    let mut derived = match wanted("totals") || wanted("funds") {
        true => Some(Derived::new(store.funds()?, store.accounts()?)),
        false => None,
    };
    if !streamed.is_empty() || derived.is_some() {
        store.for_each_entry(&mut |entry, malformed| {
            for (_, check) in streamed.iter_mut() {
                check.observe(entry, malformed);
            }
            if let Some(d) = derived.as_mut() {
                d.observe(entry);
            }
            Ok(())
        })?;
    }
    let mut results: Vec<(&'static str, Vec<Finding>)> = streamed
        .into_iter()
        .map(|(name, check)| (name, check.finish()))
        .collect();
    if wanted("records") {
        let (damaged, problems) = store.record_row_problems(&records)?;
        results.push(("records", checks::records(damaged, problems)));
    }
    if wanted("append-only") {
        results.push(("append-only", AppendOnly::check(&store.triggers()?)));
    }
    if wanted("receipts") {
        let sequence = store.receipt_sequence()?;
        results.push((
            "receipts",
            checks::receipts(
                &sequence,
                &store.orphan_voids()?,
                &store.live_receipts_of_reversed()?,
            ),
        ));
    }
    if wanted("periods") {
        let findings = store
            .entries_after_close()?
            .into_iter()
            .map(|(id, date, year)| Finding {
                entry: Some(id),
                message: FindingMessage::DatedInClosedYear {
                    entry: id,
                    date,
                    year: year.into(),
                },
            })
            .collect();
        results.push(("periods", findings));
    }
    if wanted("reconciliations") {
        let findings = store
            .cleared_mismatches()?
            .into_iter()
            .map(|(id, seq, fault)| Finding {
                entry: Some(id),
                message: FindingMessage::Cleared {
                    entry: id,
                    seq,
                    fault,
                },
            })
            .collect();
        results.push(("reconciliations", findings));
    }
    if wanted("attachments") {
        let findings = store
            .attachment_problems()?
            .into_iter()
            .map(|(id, hash)| Finding {
                entry: None,
                message: match id {
                    Some(attachment) => FindingMessage::DocumentMissing {
                        attachment,
                        sha256: hash,
                    },
                    None => FindingMessage::DocumentChanged { sha256: hash },
                },
            })
            .collect();
        results.push(("attachments", findings));
    }
    if wanted("reviews") {
        use crate::ledger::user::ReviewFault;
        let findings = crate::ledger::user::review_faults(
            &store.user_records()?,
            &store.decisions_with_preparers()?,
        )
        .into_iter()
        .map(|(entry, fault)| Finding {
            entry: Some(entry),
            message: match fault {
                ReviewFault::NoEntry => FindingMessage::ReviewOfNoEntry { entry },
                ReviewFault::OwnEntry { user } => FindingMessage::ReviewByPreparer { entry, user },
                ReviewFault::NotReviewer { user } => {
                    FindingMessage::ReviewByNonReviewer { entry, user }
                }
            },
        })
        .collect();
        results.push(("reviews", findings));
    }
    if wanted("trust") {
        results.push(("trust", trust_findings(store)?));
    }
    if let Some(d) = derived {
        let (totals, funds) = d.finish(&store.stored_daily_totals()?, &store.stored_guard_days()?);
        if wanted("totals") {
            results.push(("totals", totals));
        }
        if wanted("funds") {
            results.push(("funds", funds));
        }
    }
    Ok(results)
}

/// The `trust` check: every entry on 2601 names its beneficiary, and what is held for
/// each beneficiary, applied in order (by date, then as recorded), never goes below
/// zero — the rule `disburse --entrusted` and the reversal of a gift in trust refuse
/// by, checked again on what the ledger holds.
fn trust_findings(store: &impl Read) -> Result<Vec<Finding>> {
    use crate::ledger::money::Money;
    use crate::ledger::party::Role;
    let mut findings: Vec<Finding> = store
        .unnamed_entrusted_entries()?
        .into_iter()
        .map(|entry| Finding {
            entry: Some(entry),
            message: FindingMessage::TrustUnnamed { entry },
        })
        .collect();
    for beneficiary in store.entrusted_beneficiaries()? {
        let mut held: i64 = 0;
        for (date, entry, fen) in store.entrusted_changes(beneficiary)? {
            held = held.saturating_add(fen);
            if held < 0 {
                let name = store
                    .party(Role::Beneficiary, beneficiary)?
                    .map(|p| p.name)
                    .unwrap_or_else(|| beneficiary.to_string());
                findings.push(Finding {
                    entry: Some(entry),
                    message: FindingMessage::TrustOverdrawn {
                        entry,
                        beneficiary: name,
                        date: date.to_string(),
                        held: Money::from_fen(held).to_string(),
                    },
                });
                break;
            }
        }
    }
    Ok(findings)
}
