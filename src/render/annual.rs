//! The year's reports laid out as grids (text or CSV); JSON is the report structs.

use super::grid::{Cell, Grid};
use crate::i18n::{L, Lang};
use crate::report::annual::{BeneficiaryReport, DonorReport};
use crate::report::fund_balances::FundBalances;

/// After a statement's title: how many of the period's entries wait for review, on
/// a ledger with users (nothing when all are reviewed).
pub fn unreviewed_note(count: Option<i64>, lang: Lang) -> String {
    match count {
        Some(n) if n > 0 => match lang {
            Lang::ZhHant => format!("（含未審核憑證 {n} 張）"),
            Lang::ZhHans => format!("（含未审核凭证 {n} 张）"),
            Lang::En => format!(" (including {n} entries not reviewed yet)"),
        },
        _ => String::new(),
    }
}

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

pub fn balance_sheet(r: &crate::report::statements::BalanceSheet, lang: Lang) -> Grid {
    let g = |l: L| l.get(lang).to_string();
    let mut rows = vec![vec![text(&g(L::Asset)), text(""), text("")]];
    let code = |c: &Option<String>| text(c.as_deref().unwrap_or(""));
    for l in &r.assets {
        rows.push(vec![
            text(&format!("  {}", l.label)),
            code(&l.code),
            Cell::Amount(l.amount),
        ]);
    }
    rows.push(vec![
        text(&g(L::TotalAssets)),
        text(""),
        Cell::Amount(r.total_assets),
    ]);
    rows.push(vec![text(&g(L::Liability)), text(""), text("")]);
    for l in &r.liabilities {
        rows.push(vec![
            text(&format!("  {}", l.label)),
            code(&l.code),
            Cell::Amount(l.amount),
        ]);
    }
    rows.push(vec![
        text(&g(L::TotalLiabilities)),
        text(""),
        Cell::Amount(r.total_liabilities),
    ]);
    rows.push(vec![text(&g(L::NetAssets)), text(""), text("")]);
    rows.push(vec![
        text(&format!("  {}", g(L::UnrestrictedNetAssets))),
        text("3101"),
        Cell::Amount(r.unrestricted_net_assets),
    ]);
    rows.push(vec![
        text(&format!("  {}", g(L::RestrictedNetAssets))),
        text("3102"),
        Cell::Amount(r.restricted_net_assets),
    ]);
    rows.push(vec![
        text(&g(L::TotalNetAssets)),
        text(""),
        Cell::Amount(r.total_net_assets),
    ]);
    Grid {
        title: format!(
            "{}  ({} {}){}",
            g(L::BalanceSheet),
            g(L::AsOf),
            r.as_of,
            unreviewed_note(r.unreviewed, lang)
        ),
        columns: vec![g(L::Account), g(L::Code), g(L::Amount)],
        rows,
        totals: Some(vec![
            text(&g(L::TotalLiabilitiesNetAssets)),
            text(""),
            Cell::Amount(r.total_liabilities_and_net_assets),
        ]),
    }
}

pub fn activities(r: &crate::report::statements::Activities, lang: Lang) -> Grid {
    let g = |l: L| l.get(lang).to_string();
    let row = |l: &crate::report::statements::ActivityLine, indent: &str| {
        vec![
            text(&format!("{indent}{}", l.label)),
            Cell::Amount(l.unrestricted),
            Cell::Amount(l.restricted),
            Cell::Amount(l.total),
        ]
    };
    let heading = |label: String| vec![text(&label), text(""), text(""), text("")];
    let mut rows = vec![heading(g(L::Revenue))];
    rows.extend(r.revenue.iter().map(|l| row(l, "  ")));
    rows.push(row(&r.total_revenue, ""));
    rows.push(heading(g(L::Costs)));
    rows.extend(r.costs.iter().map(|l| row(l, "  ")));
    rows.push(row(&r.total_costs, ""));
    rows.push(row(&r.release, ""));
    Grid {
        title: format!(
            "{} {}{}",
            r.year,
            g(L::ActivitiesTitle),
            unreviewed_note(r.unreviewed, lang)
        ),
        columns: vec![
            String::new(),
            g(L::Unrestricted),
            g(L::RestrictedColumn),
            g(L::Total),
        ],
        rows,
        totals: Some(row(&r.change_in_net_assets, "")),
    }
}

pub fn donor_statement(r: &crate::report::annual::DonorStatement, lang: Lang) -> Grid {
    let g = |l: L| l.get(lang).to_string();
    Grid {
        title: format!("{} {} — {}", r.year, g(L::DonorStatementTitle), r.donor),
        columns: vec![
            g(L::Date),
            g(L::Receipt),
            g(L::Fund),
            g(L::Method),
            g(L::Amount),
        ],
        rows: r
            .gifts
            .iter()
            .map(|gift| {
                vec![
                    text(&gift.date.to_string()),
                    text(gift.receipt.as_deref().unwrap_or("")),
                    text(&gift.fund),
                    text(gift.method.as_deref().unwrap_or("")),
                    Cell::Amount(gift.amount),
                ]
            })
            .collect(),
        totals: Some(vec![
            text(&g(L::Total)),
            text(""),
            text(""),
            text(""),
            Cell::Amount(r.total),
        ]),
    }
}

/// The 现金流量表: each line with its 行次, the subtotals and the net increase last.
pub fn cash_flow(r: &crate::report::cash_flow::CashFlow, lang: Lang) -> Grid {
    use crate::report::cash_flow::CashLine as C;
    let g = |l: L| l.get(lang).to_string();
    let label = |line: C| match line {
        C::DonationsReceived => L::CashDonationsReceived,
        C::DuesReceived => L::CashDuesReceived,
        C::ServicesReceived => L::CashServicesReceived,
        C::SalesReceived => L::CashSalesReceived,
        C::GrantsReceived => L::CashGrantsReceived,
        C::OtherReceived => L::CashOtherReceived,
        C::OperatingInflow => L::CashInflowSubtotal,
        C::AidPaid => L::CashAidPaid,
        C::StaffPaid => L::CashStaffPaid,
        C::GoodsPaid => L::CashGoodsPaid,
        C::OtherPaid => L::CashOtherPaid,
        C::OperatingOutflow => L::CashOutflowSubtotal,
        C::OperatingNet => L::CashOperatingNet,
        C::InvestingNet => L::CashInvestingNet,
        C::FinancingNet => L::CashFinancingNet,
        C::ExchangeEffect => L::CashExchangeEffect,
        C::NetIncrease => L::CashNetIncrease,
    };
    let heading = |l: L| vec![text(&g(l)), text(""), text("")];
    let mut rows = vec![heading(L::CashOperating)];
    let mut totals = None;
    for row in &r.rows {
        let indent = match row.line {
            C::OperatingInflow | C::OperatingOutflow | C::OperatingNet => "",
            C::InvestingNet | C::FinancingNet | C::ExchangeEffect | C::NetIncrease => "",
            _ => "  ",
        };
        let cells = vec![
            text(&format!("{indent}{}", g(label(row.line)))),
            Cell::Count(i64::from(row.row)),
            Cell::Amount(row.amount),
        ];
        match row.line {
            C::NetIncrease => totals = Some(cells),
            C::InvestingNet => {
                rows.push(heading(L::CashInvesting));
                rows.push(cells);
            }
            C::FinancingNet => {
                rows.push(heading(L::CashFinancing));
                rows.push(cells);
            }
            _ => rows.push(cells),
        }
    }
    Grid {
        title: format!(
            "{} {}{}",
            r.year,
            g(L::CashFlowTitle),
            unreviewed_note(r.unreviewed, lang)
        ),
        columns: vec![g(L::DisclosureItem), g(L::RowNumber), g(L::Amount)],
        rows,
        totals,
    }
}

/// The year's disclosure as one grid: a section column, then what each line is, its
/// money in and out, what is left (projects) and the people (donors for a source,
/// students and households aided for a program).
pub fn disclosure(r: &crate::report::disclosure::Disclosure, lang: Lang) -> Grid {
    use crate::ledger::party::PartyType;
    let g = |l: L| l.get(lang).to_string();
    let blank = || text("");
    let amount = |m: crate::ledger::money::Money| Cell::Amount(m);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row = |section: L, item: String, cells: [Cell; 4]| {
        let mut line = vec![text(&g(section)), Cell::Text(item)];
        line.extend(cells);
        rows.push(line);
    };
    for s in &r.income_by_source {
        let source = match s.source {
            PartyType::Organization => L::SourceOrganization,
            PartyType::Anonymous => L::SourceAnonymous,
            _ => L::SourcePerson,
        };
        let people = Cell::Count(s.donors);
        row(
            L::IncomeBySource,
            g(source),
            [amount(s.amount), blank(), blank(), people],
        );
    }
    for k in &r.income_by_kind {
        for (restriction, money) in [
            (L::Restricted, k.restricted),
            (L::Unrestricted, k.unrestricted),
        ] {
            if !money.is_zero() {
                let item = format!("{} · {}", k.name, g(restriction));
                row(
                    L::IncomeByKind,
                    item,
                    [amount(money), blank(), blank(), blank()],
                );
            }
        }
    }
    row(
        L::IncomeByKind,
        g(L::TotalRevenue),
        [amount(r.total_income), blank(), blank(), blank()],
    );
    for p in &r.spending_by_program {
        // The people aided (students and households) are the last column; the JSON
        // has each apart.
        let item = p.program.clone();
        let people = Cell::Count(p.students + p.households);
        row(
            L::SpendingByProgram,
            item,
            [blank(), amount(p.amount), blank(), people],
        );
    }
    for k in &r.other_spending {
        row(
            L::OtherSpending,
            k.name.clone(),
            [blank(), amount(k.total), blank(), blank()],
        );
    }
    let aided = Cell::Count(r.students_aided + r.households_aided);
    row(
        L::SpendingByProgram,
        g(L::TotalCosts),
        [blank(), amount(r.total_spending), blank(), aided],
    );
    for p in &r.projects {
        let cells = [
            amount(p.raised),
            amount(p.disbursed),
            amount(p.closing),
            blank(),
        ];
        row(L::ProjectsSection, p.fund.clone(), cells);
    }
    // Leftover money a project passed to another fund, or took from one.
    for p in r.projects.iter().filter(|p| !p.transfers.is_zero()) {
        let cells = if p.transfers.is_negative() {
            [blank(), amount(p.transfers.abs()), blank(), blank()]
        } else {
            [amount(p.transfers), blank(), blank(), blank()]
        };
        row(L::LeftoverSection, p.fund.clone(), cells);
    }
    if !r.entrusted_received.is_zero() || !r.entrusted_paid.is_zero() {
        let cells = [
            amount(r.entrusted_received),
            amount(r.entrusted_paid),
            blank(),
            blank(),
        ];
        row(L::EntrustedSection, g(L::EntrustedGifts), cells);
    }
    for d in &r.donors {
        row(
            L::Donors,
            d.name.clone(),
            [amount(d.amount), blank(), blank(), blank()],
        );
    }
    for b in &r.beneficiaries {
        let kind = match b.beneficiary_type {
            PartyType::Household => L::TypeHousehold,
            _ => L::TypeStudent,
        };
        let item = format!("{} · {} · {}", b.name, g(kind), b.program);
        row(
            L::Beneficiaries,
            item,
            [blank(), amount(b.amount), blank(), blank()],
        );
    }
    let mut published = String::new();
    if let Some(p) = &r.publication {
        for c in &p.corrections {
            let version = format!(
                "{} {} {}",
                g(L::VersionOrdinal),
                c.version,
                g(L::VersionUnit)
            );
            let date = c.published_at.get(..10).unwrap_or(&c.published_at);
            let item = format!("{} {date}: {}", version.trim_end(), c.note);
            row(
                L::CorrectionNote,
                item,
                [blank(), blank(), blank(), blank()],
            );
        }
        let changed = if p.unchanged {
            String::new()
        } else {
            g(L::ChangedSincePublished)
        };
        let version = format!("{} {} {}", g(L::PublishedAs), p.version, g(L::VersionUnit));
        published = format!(" [{}{changed}]", version.trim_end());
    }
    let preliminary = if r.preliminary {
        g(L::Preliminary)
    } else {
        String::new()
    };
    Grid {
        title: format!("{} {}{preliminary}{published}", r.year, g(L::Disclosure)),
        columns: vec![
            g(L::Section),
            g(L::DisclosureItem),
            g(L::MoneyIn),
            g(L::MoneyOut),
            g(L::DisclosureLeft),
            g(L::People),
        ],
        rows,
        totals: None,
    }
}
