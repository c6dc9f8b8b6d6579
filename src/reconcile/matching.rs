//! Matching bank statement lines to the ledger's bank postings, one to one.
//!
//! Two passes, each over what the one before left open:
//! 1. by reference: the same non-empty reference and the same amount;
//! 2. by amount and date: the same amount, dated at most [`DATE_WINDOW_DAYS`] apart.
//!
//! Within a pass a candidate is better the closer its date. A line and an item are
//! matched when each is the other's one best choice; matches are taken round by round
//! until none is left, so a line that lost its closest item to a closer line may take
//! its next one. What remains contested — a line with two equally good items, or an
//! item that is the equally good best of two lines — is a [`Tie`]: reported with
//! everything that competed, never guessed. Pure: no ledger access, no formatting.

use crate::ledger::money::Money;
use crate::ledger::reconciliation::{Contender, LedgerItem, MatchKind, Settled, StatementLine};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// How far apart (in days) a statement line and a ledger item may be dated and
/// still be matched by amount.
pub const DATE_WINDOW_DAYS: i64 = 3;

/// Statement lines and ledger items that competed for one another with nothing to
/// tell them apart. All share one amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tie {
    pub kind: MatchKind,
    pub statement_lines: Vec<StatementLine>,
    pub ledger_items: Vec<LedgerItem>,
}

/// The result of matching. Every statement line and every ledger item given is in
/// exactly one of `matched`, `ties`, `ledger_only` and `statement_only`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Matching {
    /// In statement line order.
    pub matched: Vec<(StatementLine, LedgerItem, MatchKind)>,
    /// In order of each tie's first statement line.
    pub ties: Vec<Tie>,
    /// Booked but not on the statement, in date order.
    pub ledger_only: Vec<LedgerItem>,
    /// On the statement but not booked, in statement line order.
    pub statement_only: Vec<StatementLine>,
}

/// Where a line or item stands while matching.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Open,
    Matched,
    Tied,
}

/// A candidate item for a line, and how many days apart they are dated.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    item: usize,
    distance_days: i64,
}

/// The matcher's working state: indexes into `lines` and `items`, never copies.
struct Matcher {
    lines: Vec<StatementLine>,
    items: Vec<LedgerItem>,
    line_state: Vec<State>,
    item_state: Vec<State>,
    /// (line, item, kind) in the order found.
    pairs: Vec<(usize, usize, MatchKind)>,
    /// (kind, lines, items) per tie.
    ties: Vec<(MatchKind, Vec<usize>, Vec<usize>)>,
}

/// Matches statement lines to ledger items. Deterministic: the result does not
/// depend on the order of either input.
pub fn match_statement(mut lines: Vec<StatementLine>, mut items: Vec<LedgerItem>) -> Matching {
    lines.sort_by_key(|line| line.line);
    items.sort_by_key(|item| (item.date, item.posting_key));
    debug_assert!(
        items
            .windows(2)
            .all(|w| w[0].posting_key != w[1].posting_key),
        "a posting is given twice"
    );
    let mut matcher = Matcher {
        line_state: vec![State::Open; lines.len()],
        item_state: vec![State::Open; items.len()],
        lines,
        items,
        pairs: Vec::new(),
        ties: Vec::new(),
    };
    let by_reference = matcher.reference_candidates();
    matcher.resolve(&by_reference, MatchKind::Reference);
    let by_amount_date = matcher.amount_date_candidates();
    matcher.resolve(&by_amount_date, MatchKind::AmountDate);
    matcher.finish()
}

/// One pass over one group of lines and items that compete only among themselves:
/// for `MatchKind::Reference`, lines and items of one reference and amount (each is a
/// candidate of every other); for `MatchKind::AmountDate`, lines and items of one
/// amount, each a candidate of those dated within [`DATE_WINDOW_DAYS`]. `lines` in
/// line order, `items` in date order. The passes of [`match_statement`] settle each
/// such group as this does, so a statement too large to hold can be matched group by
/// group (the store hands them over sorted) with the very same result.
pub fn settle_group(kind: MatchKind, lines: &[Contender], items: &[Contender]) -> Settled {
    // Every member has the same amount and (for the reference pass) reference: the
    // group is the pass's whole world.
    const SAME: &str = "=";
    let mut matcher = Matcher {
        line_state: vec![State::Open; lines.len()],
        item_state: vec![State::Open; items.len()],
        lines: lines
            .iter()
            .map(|c| StatementLine {
                line: c.id.unsigned_abs(),
                date: c.date,
                amount: Money::ZERO,
                reference: SAME.to_string(),
                description: String::new(),
            })
            .collect(),
        items: items
            .iter()
            .map(|c| LedgerItem {
                posting_key: (c.id, 0),
                date: c.date,
                amount: Money::ZERO,
                reference: Some(SAME.to_string()),
                memo: String::new(),
            })
            .collect(),
        pairs: Vec::new(),
        ties: Vec::new(),
    };
    let candidates = match kind {
        MatchKind::Reference => matcher.reference_candidates(),
        MatchKind::AmountDate => matcher.amount_date_candidates(),
    };
    matcher.resolve(&candidates, kind);
    Settled {
        pairs: (matcher.pairs.iter())
            .map(|(line, item, _)| (lines[*line].id, items[*item].id))
            .collect(),
        ties: (matcher.ties.iter())
            .map(|(_, tied_lines, tied_items)| {
                (
                    tied_lines.iter().map(|l| lines[*l].id).collect(),
                    tied_items.iter().map(|i| items[*i].id).collect(),
                )
            })
            .collect(),
    }
}

fn days_apart(a: NaiveDate, b: NaiveDate) -> i64 {
    (a - b).num_days().abs()
}

fn reference_of(item: &LedgerItem) -> &str {
    item.reference.as_deref().map_or("", str::trim)
}

impl Matcher {
    /// Per open line: the open items with its reference and amount.
    fn reference_candidates(&self) -> Vec<Vec<Candidate>> {
        let mut index: HashMap<(&str, Money), Vec<usize>> = HashMap::new();
        for (i, item) in self.items.iter().enumerate() {
            let reference = reference_of(item);
            if !reference.is_empty() {
                index.entry((reference, item.amount)).or_default().push(i);
            }
        }
        self.lines
            .iter()
            .map(|line| {
                let found = match line.reference.trim() {
                    "" => None,
                    reference => index.get(&(reference, line.amount)),
                };
                found.map_or_else(Vec::new, |items| self.candidates(line, items))
            })
            .collect()
    }

    /// Per open line: the open items with its amount, dated within the window.
    fn amount_date_candidates(&self) -> Vec<Vec<Candidate>> {
        let mut index: HashMap<Money, Vec<usize>> = HashMap::new();
        for (i, item) in self.items.iter().enumerate() {
            index.entry(item.amount).or_default().push(i);
        }
        self.lines
            .iter()
            .map(|line| {
                let Some(items) = index.get(&line.amount) else {
                    return Vec::new();
                };
                // `items` is in date order: find the window by binary search.
                let window = chrono::Days::new(DATE_WINDOW_DAYS.unsigned_abs());
                let earliest = line.date.checked_sub_days(window).unwrap_or(NaiveDate::MIN);
                let latest = line.date.checked_add_days(window).unwrap_or(NaiveDate::MAX);
                let start = items.partition_point(|i| self.items[*i].date < earliest);
                let end = items.partition_point(|i| self.items[*i].date <= latest);
                self.candidates(line, &items[start..end])
            })
            .collect()
    }

    fn candidates(&self, line: &StatementLine, items: &[usize]) -> Vec<Candidate> {
        items
            .iter()
            .filter(|i| self.item_state[**i] == State::Open)
            .map(|i| Candidate {
                item: *i,
                distance_days: days_apart(line.date, self.items[*i].date),
            })
            .collect()
    }

    /// The open items at the least distance from an open line (empty if none).
    fn best(&self, line: usize, candidates: &[Candidate]) -> (i64, Vec<usize>) {
        if self.line_state[line] != State::Open {
            return (0, Vec::new());
        }
        let open = candidates
            .iter()
            .filter(|c| self.item_state[c.item] == State::Open);
        let Some(distance) = open.clone().map(|c| c.distance_days).min() else {
            return (0, Vec::new());
        };
        let items = open
            .filter(|c| c.distance_days == distance)
            .map(|c| c.item)
            .collect();
        (distance, items)
    }

    /// Takes mutual unique best pairs round by round, then records what is left
    /// contested as ties.
    fn resolve(&mut self, candidates: &[Vec<Candidate>], kind: MatchKind) {
        loop {
            let best: Vec<(i64, Vec<usize>)> = (0..self.lines.len())
                .map(|line| self.best(line, &candidates[line]))
                .collect();
            let pairs = mutual_pairs(&best);
            if pairs.is_empty() {
                self.record_ties(&best, kind);
                return;
            }
            for (line, item) in pairs {
                self.line_state[line] = State::Matched;
                self.item_state[item] = State::Matched;
                self.pairs.push((line, item, kind));
            }
        }
    }

    /// Groups the lines left with candidates, and their best items, into ties:
    /// a line and an item are in one tie when the item is among the line's best.
    fn record_ties(&mut self, best: &[(i64, Vec<usize>)], kind: MatchKind) {
        let mut groups = Groups::new(self.lines.len() + self.items.len());
        for (line, (_, items)) in best.iter().enumerate() {
            for item in items {
                groups.join(line, self.lines.len() + item);
            }
        }
        let mut ties: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
        for (line, (_, items)) in best.iter().enumerate() {
            if !items.is_empty() {
                ties.entry(groups.root(line)).or_default().0.push(line);
            }
        }
        for (item, state) in self.item_state.iter_mut().enumerate() {
            let root = groups.root(self.lines.len() + item);
            if let Some((_, tied_items)) = ties.get_mut(&root) {
                tied_items.push(item);
                *state = State::Tied;
            }
        }
        for (tied_lines, tied_items) in ties.into_values() {
            debug_assert!(
                tied_lines.len() + tied_items.len() > 2,
                "a tie needs rivals"
            );
            for line in &tied_lines {
                self.line_state[*line] = State::Tied;
            }
            self.ties.push((kind, tied_lines, tied_items));
        }
    }

    fn finish(self) -> Matching {
        let mut matched: Vec<_> = self
            .pairs
            .iter()
            .map(|(line, item, kind)| (self.lines[*line].clone(), self.items[*item].clone(), *kind))
            .collect();
        matched.sort_by_key(|(line, _, _)| line.line);
        let mut ties: Vec<Tie> = self
            .ties
            .iter()
            .map(|(kind, lines, items)| Tie {
                kind: *kind,
                statement_lines: lines.iter().map(|l| self.lines[*l].clone()).collect(),
                ledger_items: items.iter().map(|i| self.items[*i].clone()).collect(),
            })
            .collect();
        ties.sort_by_key(|tie| tie.statement_lines.first().map(|line| line.line));
        let open = |state: &&State| **state == State::Open;
        let ledger_only = (self.items.iter().zip(&self.item_state))
            .filter(|(_, state)| open(state))
            .map(|(item, _)| item.clone())
            .collect();
        let statement_only = (self.lines.iter().zip(&self.line_state))
            .filter(|(_, state)| open(state))
            .map(|(line, _)| line.clone())
            .collect();
        Matching {
            matched,
            ties,
            ledger_only,
            statement_only,
        }
    }
}

/// The (line, item) pairs where the item is the line's only best and the line is the
/// item's only closest rival among the lines that count it among their best.
fn mutual_pairs(best: &[(i64, Vec<usize>)]) -> Vec<(usize, usize)> {
    // item → (closest distance, lines at that distance)
    let mut closest: HashMap<usize, (i64, Vec<usize>)> = HashMap::new();
    for (line, (distance, items)) in best.iter().enumerate() {
        for item in items {
            let entry = closest.entry(*item).or_insert((*distance, Vec::new()));
            if *distance < entry.0 {
                *entry = (*distance, Vec::new());
            }
            if *distance == entry.0 {
                entry.1.push(line);
            }
        }
    }
    best.iter()
        .enumerate()
        .filter_map(|(line, (_, items))| match items.as_slice() {
            [item] => match closest.get(item) {
                Some((_, lines)) if lines.as_slice() == [line] => Some((line, *item)),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// Union-find over lines and items, to gather the members of each tie.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(size: usize) -> Groups {
        Groups {
            parent: (0..size).collect(),
        }
    }

    fn root(&mut self, mut node: usize) -> usize {
        while self.parent[node] != node {
            self.parent[node] = self.parent[self.parent[node]];
            node = self.parent[node];
        }
        node
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        // The smaller index as the root: lines come before items, so a tie's root
        // is its first line and the groups come out in line order.
        self.parent[a.max(b)] = a.min(b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 3, day).unwrap()
    }

    fn line(line: u64, date: u32, fen: i64, reference: &str) -> StatementLine {
        StatementLine {
            line,
            date: day(date),
            amount: Money::from_fen(fen),
            reference: reference.into(),
            description: String::new(),
        }
    }

    fn item(entry: i64, date: u32, fen: i64, reference: Option<&str>) -> LedgerItem {
        LedgerItem {
            posting_key: (entry, 1),
            date: day(date),
            amount: Money::from_fen(fen),
            reference: reference.map(str::to_string),
            memo: String::new(),
        }
    }

    /// (statement line, entry id, kind) of each match.
    fn pairs(matching: &Matching) -> Vec<(u64, i64, MatchKind)> {
        (matching.matched.iter())
            .map(|(line, item, kind)| (line.line, item.posting_key.0, *kind))
            .collect()
    }

    fn entries(items: &[LedgerItem]) -> Vec<i64> {
        items.iter().map(|item| item.posting_key.0).collect()
    }

    fn line_numbers(lines: &[StatementLine]) -> Vec<u64> {
        lines.iter().map(|line| line.line).collect()
    }

    #[test]
    fn matches_by_reference_then_by_amount_and_date() {
        use MatchKind::*;
        let lines = vec![
            line(2, 1, 5_000_000, "D2022-001"),
            // A cheque cleared eleven days after it was written: the reference finds it.
            line(3, 16, -300_000, "CHK-1001"),
            // The bank's own serial number: found by amount within three days.
            line(4, 11, 200_000, "BK-8839"),
            // The same reference with another amount is not a match by reference.
            line(5, 20, -80_000, "CHK-1003"),
            line(6, 31, -1_500, ""),
        ];
        let items = vec![
            item(1, 1, 5_000_000, Some("D2022-001")),
            item(2, 5, -300_000, Some("CHK-1001")),
            item(3, 8, 200_000, None),
            item(4, 20, -8_000, Some("CHK-1003")),
            item(5, 28, -500_000, Some("CHK-1002")),
            // Four days away: outside the window.
            item(6, 27, -1_500, Some("")),
        ];
        let matching = match_statement(lines, items);
        assert_eq!(
            pairs(&matching),
            vec![(2, 1, Reference), (3, 2, Reference), (4, 3, AmountDate)]
        );
        assert!(matching.ties.is_empty());
        assert_eq!(entries(&matching.ledger_only), vec![4, 6, 5]);
        assert_eq!(line_numbers(&matching.statement_only), vec![5, 6]);
    }

    #[test]
    fn a_line_with_two_equal_candidates_is_a_tie() {
        let lines = vec![line(2, 10, -500, ""), line(3, 20, 10_000, "")];
        let items = vec![
            item(7, 9, -500, None),
            item(8, 11, -500, None),
            item(9, 20, 10_000, None),
        ];
        let matching = match_statement(lines, items);
        assert_eq!(pairs(&matching), vec![(3, 9, MatchKind::AmountDate)]);
        assert_eq!(matching.ties.len(), 1);
        let tie = &matching.ties[0];
        assert_eq!(tie.kind, MatchKind::AmountDate);
        assert_eq!(line_numbers(&tie.statement_lines), vec![2]);
        assert_eq!(entries(&tie.ledger_items), vec![7, 8]);
        // Tied lines and items are neither matched nor left over.
        assert!(matching.ledger_only.is_empty());
        assert!(matching.statement_only.is_empty());
    }

    #[test]
    fn an_item_that_two_lines_want_equally_is_a_tie() {
        // Two 5.00 fees a day either side of the one booked.
        let lines = vec![line(2, 9, -500, ""), line(3, 11, -500, "")];
        let items = vec![item(7, 10, -500, None)];
        let matching = match_statement(lines, items);
        assert!(matching.matched.is_empty());
        assert_eq!(matching.ties.len(), 1);
        assert_eq!(line_numbers(&matching.ties[0].statement_lines), vec![2, 3]);
        assert_eq!(entries(&matching.ties[0].ledger_items), vec![7]);
        // The same by reference: two lines with one reference and amount.
        let lines = vec![line(2, 9, -500, "FEE"), line(3, 9, -500, "FEE")];
        let items = vec![item(7, 9, -500, Some("FEE"))];
        let matching = match_statement(lines, items);
        assert_eq!(matching.ties.len(), 1);
        assert_eq!(matching.ties[0].kind, MatchKind::Reference);
    }

    #[test]
    fn the_closer_date_wins_and_the_loser_takes_its_next_choice() {
        // Line 2 wants 7 or 8 equally (a day off each); line 3 is on 7's date. 7 goes
        // to line 3, and then line 2 is left with 8 alone.
        let lines = vec![line(2, 10, -500, ""), line(3, 11, -500, "")];
        let items = vec![item(7, 11, -500, None), item(8, 9, -500, None)];
        let matching = match_statement(lines, items);
        use MatchKind::AmountDate;
        assert_eq!(
            pairs(&matching),
            vec![(2, 8, AmountDate), (3, 7, AmountDate)]
        );
        assert!(matching.ties.is_empty());
        // One item, a line on its date and a line a day off: the closer line wins.
        let lines = vec![line(2, 10, -500, ""), line(3, 11, -500, "")];
        let matching = match_statement(lines, vec![item(7, 10, -500, None)]);
        assert_eq!(pairs(&matching), vec![(2, 7, AmountDate)]);
        assert_eq!(line_numbers(&matching.statement_only), vec![3]);
    }

    #[test]
    fn the_result_does_not_depend_on_input_order() {
        let lines = vec![
            line(2, 1, 100, "R1"),
            line(3, 2, 100, ""),
            line(4, 2, 100, ""),
            line(5, 3, -700, ""),
            line(6, 9, 100, ""),
        ];
        let items = vec![
            item(1, 1, 100, Some("R1")),
            item(2, 2, 100, None),
            item(3, 4, -700, None),
            item(4, 9, 100, None),
            item(5, 10, 100, None),
            item(6, 30, 5, None),
        ];
        let forward = match_statement(lines.clone(), items.clone());
        let backward = match_statement(
            lines.into_iter().rev().collect(),
            items.into_iter().rev().collect(),
        );
        assert_eq!(forward, backward);
        let counted_lines = forward.matched.len()
            + forward.statement_only.len()
            + (forward.ties.iter())
                .map(|t| t.statement_lines.len())
                .sum::<usize>();
        let counted_items = forward.matched.len()
            + forward.ledger_only.len()
            + (forward.ties.iter())
                .map(|t| t.ledger_items.len())
                .sum::<usize>();
        assert_eq!((counted_lines, counted_items), (5, 6));
    }
}
