//! The year's reports laid out as grids (text or CSV); JSON is the report structs.

use super::grid::{Cell, Grid};
use crate::i18n::{L, Lang};
use crate::report::annual::{BeneficiaryReport, DonorReport};
use crate::report::fund_balances::FundBalances;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

pub fn funds(r: &FundBalances, lang: Lang) -> Grid {
    let g = |l: L| l.get(lang).to_string();
    let row = |name: &str, b: &crate::report::fund_balances::FundBalance| {
        vec![
            text(name),
            Cell::Amount(b.opening),
            Cell::Amount(b.raised),
            Cell::Amount(b.disbursed),
            Cell::Amount(b.transfers),
            Cell::Amount(b.closing),
        ]
    };
    Grid {
        title: format!(
            "{}  ({} {} – {})",
            g(L::FundBalances),
            g(L::Period),
            r.from,
            r.as_of
        ),
        columns: vec![
            g(L::Fund),
            g(L::Opening),
            g(L::Raised),
            g(L::Disbursed),
            g(L::Transfers),
            g(L::Closing),
        ],
        rows: r.funds.iter().map(|f| row(&f.fund, f)).collect(),
        totals: Some(row(&g(L::Total), &r.total)),
    }
}

pub fn donors(r: &DonorReport, lang: Lang) -> Grid {
    let g = |l: L| l.get(lang).to_string();
    Grid {
        title: format!("{} {}", r.year, g(L::Donors)),
        columns: vec![g(L::Donor), g(L::Count), g(L::Total)],
        rows: r
            .donors
            .iter()
            .map(|d| vec![text(&d.name), Cell::Count(d.count), Cell::Amount(d.total)])
            .collect(),
        totals: Some(vec![
            text(&g(L::Total)),
            Cell::Count(r.count),
            Cell::Amount(r.total),
        ]),
    }
}

pub fn beneficiaries(r: &BeneficiaryReport, lang: Lang) -> Grid {
    let g = |l: L| l.get(lang).to_string();
    let mut rows = Vec::new();
    for p in &r.programs {
        rows.push(vec![
            text(&p.program),
            text(&format!(
                "{} {}, {} {}",
                g(L::StudentsAided),
                p.students,
                g(L::HouseholdsAided),
                p.households
            )),
            text(""),
            text(""),
            Cell::Amount(p.amount),
        ]);
        for person in &p.people {
            rows.push(vec![
                text(""),
                text(&person.name),
                text(person.school.as_deref().unwrap_or("")),
                text(person.grade.as_deref().unwrap_or("")),
                Cell::Amount(person.amount),
            ]);
        }
    }
    Grid {
        title: format!("{} {}", r.year, g(L::Beneficiaries)),
        columns: vec![
            g(L::Program),
            g(L::Beneficiary),
            g(L::School),
            g(L::Grade),
            g(L::Amount),
        ],
        rows,
        totals: None,
    }
}
