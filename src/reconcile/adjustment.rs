//! The bank reconciliation statement (銀行存款餘額調節表): the ledger's bank balance
//! and the statement's closing balance, each adjusted by the items the other side
//! has not recorded yet, should agree.
//!
//! ```text
//! ledger balance    + received by the bank, not booked − paid by the bank, not booked = adjusted
//! statement balance + booked, not received by the bank − booked, not paid by the bank = adjusted
//! ```
//!
//! Tied lines and items count as unmatched on both sides. A tie's members all
//! have one amount, so however the treasurer settles it the matched pairs cancel
//! and the adjusted balances stay the same; `ties_unresolved` says the table still
//! has open questions. A pure report: amounts as [`Money`], no formatting.

use super::matching::Matching;
use crate::error::{Error, Result};
use crate::ledger::money::Money;
use chrono::NaiveDate;
use serde::Serialize;

/// The ledger side of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerSide {
    /// The bank account's balance in the ledger as of the date.
    pub balance: Money,
    /// 銀行已收、企業未收: on the statement as money in, not in the ledger.
    pub received_not_booked: Money,
    /// 銀行已付、企業未付: on the statement as money out, not in the ledger (positive).
    pub paid_not_booked: Money,
    pub adjusted: Money,
}

/// The bank side of the table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BankSide {
    /// The statement's closing balance.
    pub balance: Money,
    /// 企業已收、銀行未收: booked as money in, not on the statement.
    pub booked_not_received: Money,
    /// 企業已付、銀行未付: booked as money out (an outstanding cheque), not on the
    /// statement (positive).
    pub booked_not_paid: Money,
    pub adjusted: Money,
}

/// The 銀行存款餘額調節表.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    pub as_of: NaiveDate,
    pub ledger: LedgerSide,
    pub bank: BankSide,
    /// Whether the two adjusted balances are equal.
    pub agrees: bool,
    /// Ledger adjusted minus bank adjusted; zero when they agree.
    pub difference: Money,
    /// How many ties are in the table unsettled.
    pub ties_unresolved: usize,
}

/// Money in and money out (as a positive amount) of a list of signed amounts.
#[derive(Default)]
struct InOut {
    money_in: Money,
    money_out: Money,
}

impl InOut {
    fn add(&mut self, amount: Money) -> Result<()> {
        let (total, magnitude) = if amount.is_negative() {
            (&mut self.money_out, amount.checked_neg())
        } else {
            (&mut self.money_in, Some(amount))
        };
        *total = plus(*total, magnitude.ok_or_else(overflow)?)?;
        Ok(())
    }

    /// `balance + money_in − money_out`.
    fn adjust(&self, balance: Money) -> Result<Money> {
        minus(plus(balance, self.money_in)?, self.money_out)
    }
}

// On fen directly: `Money::checked_add` panics (in debug builds) when a sum is
// exactly i64::MIN, because its range check calls `i64::abs`.
fn plus(a: Money, b: Money) -> Result<Money> {
    a.fen()
        .checked_add(b.fen())
        .map(Money::from_fen)
        .ok_or_else(overflow)
}

fn minus(a: Money, b: Money) -> Result<Money> {
    a.fen()
        .checked_sub(b.fen())
        .map(Money::from_fen)
        .ok_or_else(overflow)
}

fn overflow() -> Error {
    Error::input(crate::error::message::ReconcileMessage::TotalsTooLarge)
}

/// What the table adds up from a matching: the amounts of the statement's lines and
/// of the ledger's items left unmatched (tied ones among them), and the ties.
#[derive(Default)]
pub struct Unmatched {
    bank_not_booked: InOut,
    booked_not_bank: InOut,
    ties: usize,
}

impl Unmatched {
    /// A statement line not matched (on the statement only, or tied).
    pub fn line(&mut self, amount: Money) -> Result<()> {
        self.bank_not_booked.add(amount)
    }

    /// A ledger item not matched (in the ledger only, or tied).
    pub fn item(&mut self, amount: Money) -> Result<()> {
        self.booked_not_bank.add(amount)
    }

    /// A tie, its members counted apart (`line`, `item`).
    pub fn tie(&mut self) {
        self.ties += 1;
    }
}

/// Builds the table from the ledger's balance and the statement's closing balance as
/// of `as_of`, and the matching of the statement to the ledger's items up to that date.
pub fn adjustment(
    as_of: NaiveDate,
    ledger_balance: Money,
    statement_balance: Money,
    matching: &Matching,
) -> Result<Adjustment> {
    let tied_lines = matching.ties.iter().flat_map(|t| &t.statement_lines);
    let tied_items = matching.ties.iter().flat_map(|t| &t.ledger_items);
    let mut unmatched = Unmatched::default();
    for line in matching.statement_only.iter().chain(tied_lines) {
        unmatched.line(line.amount)?;
    }
    for item in matching.ledger_only.iter().chain(tied_items) {
        unmatched.item(item.amount)?;
    }
    for _ in &matching.ties {
        unmatched.tie();
    }
    adjustment_of(as_of, ledger_balance, statement_balance, &unmatched)
}

/// `adjustment` from what a matching left unmatched, added up as it was read.
pub fn adjustment_of(
    as_of: NaiveDate,
    ledger_balance: Money,
    statement_balance: Money,
    unmatched: &Unmatched,
) -> Result<Adjustment> {
    let (bank_not_booked, booked_not_bank) =
        (&unmatched.bank_not_booked, &unmatched.booked_not_bank);
    let ledger = LedgerSide {
        balance: ledger_balance,
        received_not_booked: bank_not_booked.money_in,
        paid_not_booked: bank_not_booked.money_out,
        adjusted: bank_not_booked.adjust(ledger_balance)?,
    };
    let bank = BankSide {
        balance: statement_balance,
        booked_not_received: booked_not_bank.money_in,
        booked_not_paid: booked_not_bank.money_out,
        adjusted: booked_not_bank.adjust(statement_balance)?,
    };
    let difference = minus(ledger.adjusted, bank.adjusted)?;
    Ok(Adjustment {
        as_of,
        agrees: difference.is_zero(),
        difference,
        ledger,
        bank,
        ties_unresolved: unmatched.ties,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::reconciliation::{LedgerItem, MatchKind, StatementLine};
    use crate::reconcile::matching::match_statement;
    use crate::reconcile::statement::{ColumnMapping, read_statement};

    fn day(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 3, day).unwrap()
    }

    fn yuan(text: &str) -> Money {
        Money::parse_signed(text).unwrap()
    }

    fn item(entry: i64, date: u32, amount: &str, reference: Option<&str>) -> LedgerItem {
        LedgerItem {
            posting_key: (entry, 1),
            date: day(date),
            amount: yuan(amount),
            reference: reference.map(str::to_string),
            memo: String::new(),
        }
    }

    /// The ledger's March bank postings, from an opening balance of 100,000.00 that
    /// the bank agreed with.
    fn march_ledger() -> (Money, Vec<LedgerItem>) {
        let items = vec![
            item(1, 1, "50000.00", Some("D2022-001")),
            item(2, 5, "-3000.00", Some("CHK-1001")),
            item(3, 10, "2000.00", None),
            // An outstanding cheque: written, not yet presented.
            item(4, 28, "-5000.00", Some("CHK-1002")),
            // A deposit in transit: paid in on the 31st, credited in April.
            item(5, 31, "1000.00", Some("D2022-002")),
        ];
        // 100000 + 50000 − 3000 + 2000 − 5000 + 1000
        (yuan("145000.00"), items)
    }

    /// The bank's statement for March, in its own column names.
    const MARCH_STATEMENT: &str = "交易日期,金額,流水號,摘要,餘額\n\
        2022-03-01,50000.00,D2022-001,某公司捐款,150000.00\n\
        2022-03-11,2000.00,BK-8839,轉帳,152000.00\n\
        2022-03-16,-3000.00,CHK-1001,支票,149000.00\n\
        2022-03-21,12.34,,利息,149012.34\n\
        2022-03-31,-15.00,,手續費,148997.34\n";

    #[test]
    fn a_statement_with_a_fee_and_an_outstanding_cheque_agrees() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("march.csv");
        std::fs::write(&path, MARCH_STATEMENT).unwrap();
        let mapping =
            ColumnMapping::parse("date=交易日期,amount=金額,reference=流水號,description=摘要")
                .unwrap();
        let statement = read_statement(&path, None, &mapping, chrono::NaiveDate::MAX).unwrap();
        assert!(statement.errors.is_empty(), "{:?}", statement.errors);
        let (ledger_balance, items) = march_ledger();
        let matching = match_statement(statement.lines, items);
        let kinds: Vec<(u64, MatchKind)> = (matching.matched.iter())
            .map(|(line, _, kind)| (line.line, *kind))
            .collect();
        use MatchKind::*;
        assert_eq!(kinds, vec![(2, Reference), (3, AmountDate), (4, Reference)]);
        let table = adjustment(day(31), ledger_balance, yuan("148997.34"), &matching).unwrap();
        assert_eq!(
            table.ledger,
            LedgerSide {
                balance: yuan("145000.00"),
                received_not_booked: yuan("12.34"),
                paid_not_booked: yuan("15.00"),
                adjusted: yuan("144997.34"),
            }
        );
        assert_eq!(
            table.bank,
            BankSide {
                balance: yuan("148997.34"),
                booked_not_received: yuan("1000.00"),
                booked_not_paid: yuan("5000.00"),
                adjusted: yuan("144997.34"),
            }
        );
        assert!(table.agrees);
        assert_eq!(table.difference, Money::ZERO);
        assert_eq!(table.ties_unresolved, 0);
    }

    #[test]
    fn a_wrong_closing_balance_shows_the_difference() {
        let (ledger_balance, items) = march_ledger();
        let matching = match_statement(Vec::new(), items);
        // With nothing on the statement, every item is in transit.
        let table = adjustment(day(31), ledger_balance, yuan("100001.00"), &matching).unwrap();
        assert_eq!(table.bank.booked_not_received, yuan("53000.00"));
        assert_eq!(table.bank.booked_not_paid, yuan("8000.00"));
        assert!(!table.agrees);
        assert_eq!(table.difference, yuan("-1.00"));
    }

    #[test]
    fn ties_count_on_both_sides_and_still_agree() {
        let fee = |line| StatementLine {
            line,
            date: day(10),
            amount: yuan("-5.00"),
            reference: String::new(),
            description: "手續費".into(),
        };
        // Two equal fees a day either side of the one booked: a tie.
        let mut lines = vec![fee(2), fee(3)];
        lines[0].date = day(9);
        lines[1].date = day(11);
        let matching = match_statement(lines, vec![item(7, 10, "-5.00", None)]);
        assert_eq!(matching.ties.len(), 1);
        // Bank: 100 − 5 − 5; ledger: 100 − 5.
        let table = adjustment(day(31), yuan("95.00"), yuan("90.00"), &matching).unwrap();
        assert_eq!(table.ledger.paid_not_booked, yuan("10.00"));
        assert_eq!(table.bank.booked_not_paid, yuan("5.00"));
        assert!(table.agrees);
        assert_eq!(table.ties_unresolved, 1);
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let huge = Money::from_fen(i64::MAX);
        let matching = Matching {
            statement_only: vec![StatementLine {
                line: 2,
                date: day(1),
                amount: yuan("0.01"),
                reference: String::new(),
                description: String::new(),
            }],
            ..Matching::default()
        };
        let error = adjustment(day(31), huge, Money::ZERO, &matching).unwrap_err();
        assert!(error.to_string().contains("TotalsTooLarge"), "{error}");
        // Regression: a balance of exactly i64::MIN fen made `Money::checked_add` panic.
        let lowest = Money::from_fen(i64::MIN);
        let error = adjustment(day(31), Money::ZERO, lowest, &Matching::default());
        assert!(error.is_err());
    }

    #[test]
    fn json_amounts_are_strings_with_two_decimals() {
        let table = adjustment(
            day(31),
            yuan("145000"),
            yuan("145000"),
            &Matching::default(),
        )
        .unwrap();
        let json = serde_json::to_value(&table).unwrap();
        assert_eq!(json["ledger"]["adjusted"], "145000.00");
        assert_eq!(json["bank"]["booked_not_paid"], "0.00");
        assert_eq!(json["as_of"], "2022-03-31");
        assert_eq!(json["agrees"], true);
    }
}
