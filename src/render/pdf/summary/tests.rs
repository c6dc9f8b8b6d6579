//! The summary's layout checked for tidiness, its PDF for extractable figures.

use super::chart::{SCALE_STEPS_MAX, scale, yuan_label};
use super::*;
use crate::render::pdf::a4::PAGE_WIDTH_MM;
use crate::render::pdf::testing::{extent, font, hostile_text, pdftotext};
use std::time::Instant;

const FINGERPRINT: &str = "3f9a1c0e7b5d42e8a6c1f0b9d8e7a6c5b4a39281706f5e4d3c2b1a0918273645";

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Money in and out by month in fen, summing to 293,300.00 and 237,300.00.
fn months(labels: &[&str]) -> Vec<(String, i64, i64)> {
    let money_in = [
        1_850_000, 620_000, 1_130_000, 905_000, 1_240_000, 2_460_000, 1_015_000, 1_780_000,
        6_350_000, 3_120_000, 1_470_000, 7_390_000,
    ];
    let money_out = [
        0, 350_000, 5_200_000, 800_000, 1_000_000, 600_000, 2_400_000, 850_000, 8_600_000,
        1_130_000, 420_000, 2_380_000,
    ];
    assert_eq!(money_in.iter().sum::<i64>(), 29_330_000);
    assert_eq!(money_out.iter().sum::<i64>(), 23_730_000);
    labels
        .iter()
        .zip(money_in.into_iter().zip(money_out))
        .map(|(label, (money_in, money_out))| (label.to_string(), money_in, money_out))
        .collect()
}

fn zh_hant() -> SummaryDoc {
    let month_labels: Vec<String> = (1..=12).map(|month| format!("{month}月")).collect();
    let month_labels: Vec<&str> = month_labels.iter().map(String::as_str).collect();
    SummaryDoc {
        dates: PdfDates::at(1_646_164_800),
        fund_name: "鷹潭市政協愛心基金".into(),
        title: "2022 年度愛心基金收支公告".into(),
        headline: pairs(&[
            ("籌集善款", "¥293,300.00"),
            ("支出", "¥237,300.00"),
            ("資助", "貧困戶 40 戶、貧困學生 42 名"),
        ]),
        program_headers: strings(&["項目", "籌集", "支出"]),
        program_rows: vec![
            strings(&["助學", "¥120,000.00", "¥126,000.00"]),
            strings(&["扶貧", "¥80,000.00", "¥72,000.00"]),
            strings(&["幫困", "¥50,000.00", "¥39,300.00"]),
            strings(&["非限定", "¥43,300.00", "¥0.00"]),
            strings(&["合計", "¥293,300.00", "¥237,300.00"]),
        ],
        chart_title: "每月收支".into(),
        chart_legend: ("收入".into(), "支出".into()),
        months: months(&month_labels),
        roll_forward_title: "基金結餘".into(),
        roll_forward: pairs(&[
            ("年初結餘", "¥85,412.36"),
            ("加：籌集", "¥293,300.00"),
            ("減：支出", "¥237,300.00"),
            ("減：其他（銀行手續費）", "¥120.00"),
            ("年末結餘", "¥141,292.36"),
        ]),
        reconciliation: "最近一次對賬：2022-12-31 銀行存款（工商銀行）賬實相符，差額 ¥0.00".into(),
        fingerprint_label: "賬本指紋（SHA-256）".into(),
        fingerprint: FINGERPRINT.into(),
        signing_key: Some(("驗簽公鑰".into(), format!("1b3bf9ec {}", "ef".repeat(32)))),
        signatures: strings(&["出納（簽名）", "審計（簽名）"]),
        closing: "特此公告。".into(),
        issuer: "鷹潭市政協愛心基金　2023年1月15日".into(),
    }
}

fn english() -> SummaryDoc {
    let labels = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    SummaryDoc {
        dates: PdfDates::at(1_646_164_800),
        fund_name: "Yingtan CPPCC Love Fund".into(),
        title: "Annual statement of receipts and payments, 2022".into(),
        headline: pairs(&[
            ("Raised", "¥293,300.00"),
            ("Disbursed", "¥237,300.00"),
            ("Aided", "40 households, 42 students"),
        ]),
        program_headers: strings(&["Program", "Raised", "Disbursed"]),
        program_rows: vec![
            strings(&["Study aid", "¥120,000.00", "¥126,000.00"]),
            strings(&["Poverty relief", "¥80,000.00", "¥72,000.00"]),
            strings(&["Hardship", "¥50,000.00", "¥39,300.00"]),
            strings(&["Unrestricted", "¥43,300.00", "¥0.00"]),
            strings(&["Total", "¥293,300.00", "¥237,300.00"]),
        ],
        chart_title: "Money in and out by month".into(),
        chart_legend: ("In".into(), "Out".into()),
        months: months(&labels),
        roll_forward_title: "Fund balance".into(),
        roll_forward: pairs(&[
            ("Opening balance", "¥85,412.36"),
            ("Add: raised", "¥293,300.00"),
            ("Less: disbursed", "¥237,300.00"),
            ("Less: other (bank fees)", "¥120.00"),
            ("Closing balance", "¥141,292.36"),
        ]),
        reconciliation: "Last reconciliation: 2022-12-31, bank account (ICBC) agrees with \
                         the ledger, difference ¥0.00"
            .into(),
        fingerprint_label: "Ledger fingerprint (SHA-256)".into(),
        fingerprint: FINGERPRINT.into(),
        signing_key: None,
        signatures: strings(&["Treasurer (signature)", "Auditor (signature)"]),
        closing: "Published for our donors and the public.".into(),
        issuer: "Yingtan CPPCC Love Fund, 15 January 2023".into(),
    }
}

fn hostile() -> SummaryDoc {
    let mut doc = zh_hant();
    let h = hostile_text;
    doc.fund_name = h("基金");
    doc.title = h("標題");
    doc.headline = (0..HEADLINE_MAX)
        .map(|index| (h(&index.to_string()), h("¥999,999,999,999.99")))
        .collect();
    doc.program_headers = (0..COLUMNS_MAX).map(|_| h("項目")).collect();
    doc.program_rows = (0..PROGRAM_ROWS_MAX)
        .map(|_| (0..COLUMNS_MAX).map(|_| h("¥1")).collect())
        .collect();
    doc.chart_title = h("圖");
    doc.chart_legend = (h("收入"), h("支出"));
    doc.months = (0..MONTHS_MAX)
        .map(|index| (h("月"), i64::MAX - index as i64, i64::MIN))
        .collect();
    doc.roll_forward_title = h("結餘");
    doc.roll_forward = (0..ROLL_FORWARD_MAX).map(|_| (h("a"), h("b"))).collect();
    doc.reconciliation = h("對賬");
    doc.fingerprint_label = h("指紋");
    doc.fingerprint = "f".repeat(500);
    doc.signatures = (0..SIGNATURES_MAX).map(|_| h("簽名")).collect();
    doc
}

/// Every run inside its frame and the page margins, no two runs overlapping, and
/// every shape on the page.
fn assert_tidy(sheet: &Sheet) {
    const SLACK_MM: f32 = 0.01;
    let runs = &sheet.canvas.runs;
    for run in runs {
        let (left, top, right, bottom) = extent(run);
        let frame = run.frame;
        let inside = left >= frame.x - SLACK_MM
            && right <= frame.right() + SLACK_MM
            && top >= frame.y - SLACK_MM
            && bottom <= frame.bottom() + SLACK_MM;
        assert!(inside, "{:?} leaves its frame {frame:?}", run.text);
        assert!(left >= MARGIN_MM - SLACK_MM, "{:?}", run.text);
        assert!(
            right <= PAGE_WIDTH_MM - MARGIN_MM + SLACK_MM,
            "{:?}",
            run.text
        );
        assert!(top >= 10.0 && bottom <= PAGE_HEIGHT_MM - BOTTOM_MARGIN_MM);
    }
    for (index, a) in runs.iter().enumerate() {
        for b in &runs[index + 1..] {
            let (a_left, a_top, a_right, a_bottom) = extent(a);
            let (b_left, b_top, b_right, b_bottom) = extent(b);
            let apart = a_right <= b_left + SLACK_MM
                || b_right <= a_left + SLACK_MM
                || a_bottom <= b_top + SLACK_MM
                || b_bottom <= a_top + SLACK_MM;
            assert!(apart, "{:?} overlaps {:?}", a.text, b.text);
        }
    }
    let on_page = |(x, y): (f32, f32)| {
        (MARGIN_MM - SLACK_MM..=PAGE_WIDTH_MM - MARGIN_MM + SLACK_MM).contains(&x)
            && (10.0..=PAGE_HEIGHT_MM - BOTTOM_MARGIN_MM).contains(&y)
    };
    for stroke in &sheet.strokes {
        assert!(on_page(stroke.from) && on_page(stroke.to), "{stroke:?}");
    }
    for (frame, _) in &sheet.fills {
        assert!(frame.width.is_finite() && frame.height.is_finite() && frame.height >= 0.0);
        assert!(on_page((frame.x, frame.y)) && on_page((frame.right(), frame.bottom())));
    }
}

/// With LOVEFUND_SUMMARY_PDF_DIR set, writes the PDF there to be looked at.
fn keep(name: &str, pdf: &[u8]) {
    if let Ok(dir) = std::env::var("LOVEFUND_SUMMARY_PDF_DIR") {
        std::fs::write(format!("{dir}/summary-{name}.pdf"), pdf).unwrap();
    }
}

fn check_rendered(name: &str, doc: &SummaryDoc, expected: &[&str]) {
    let start = Instant::now();
    let pdf = render_summary(doc, font()).unwrap();
    let elapsed = start.elapsed();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
    eprintln!("{}: {} bytes in {elapsed:?}", doc.title, pdf.len());
    keep(name, &pdf);
    let Some(text) = pdftotext(&pdf) else {
        return;
    };
    for needle in expected {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
}

#[test]
fn zh_hant_summary_renders_with_extractable_figures() {
    let doc = zh_hant();
    assert!(font().missing_chars(&format!("{doc:?}")).is_empty());
    assert_tidy(&lay_out(&doc, font()).unwrap());
    check_rendered(
        "zh",
        &doc,
        &[
            "鷹潭市政協愛心基金",
            "2022 年度愛心基金收支公告",
            "¥293,300.00",
            "¥237,300.00",
            "貧困戶 40 戶、貧困學生 42 名",
            "非限定",
            "¥43,300.00",
            "¥141,292.36",
            "¥100,000",
            "12月",
            "賬實相符",
            FINGERPRINT,
            "特此公告。",
            "2023年1月15日",
            "審計（簽名）",
        ],
    );
}

#[test]
fn english_summary_renders_with_extractable_figures() {
    let doc = english();
    assert_tidy(&lay_out(&doc, font()).unwrap());
    check_rendered(
        "en",
        &doc,
        &[
            "Yingtan CPPCC Love Fund",
            "¥293,300.00",
            "40 households, 42 students",
            "Poverty relief",
            "¥126,000.00",
            "Closing balance",
            "Dec",
            FINGERPRINT,
            "Published for our donors and the public.",
            "15 January 2023",
            "Auditor (signature)",
        ],
    );
}

#[test]
fn hostile_summary_stays_in_its_boxes() {
    let doc = hostile();
    let sheet = lay_out(&doc, font()).unwrap();
    assert_tidy(&sheet);
    assert!(sheet.canvas.runs.iter().any(|run| run.text.ends_with('…')));
    let pdf = render_summary(&doc, font()).unwrap();
    keep("hostile", &pdf);
    assert!(pdf.len() < 200_000, "{} bytes", pdf.len());
    let needle = b"JavaScript";
    assert!(!pdf.windows(needle.len()).any(|window| window == needle));
}

#[test]
fn bars_scale_to_the_largest_month() {
    let doc = zh_hant();
    let sheet = lay_out(&doc, font()).unwrap();
    let bars = |paint| -> Vec<Frame> {
        sheet
            .fills
            .iter()
            .filter(|(_, p)| *p == paint)
            .map(|(frame, _)| *frame)
            .collect()
    };
    let (money_in, money_out) = (bars(Paint::MoneyIn), bars(Paint::MoneyOut));
    // Twelve bars in and eleven out: January paid nothing out; one legend swatch each.
    assert_eq!((money_in.len(), money_out.len()), (13, 12));
    let tallest = |bars: &[Frame]| bars.iter().map(|bar| bar.height).fold(0.0, f32::max);
    // December's ¥73,900 in and September's ¥86,000 out share one scale, in
    // steps of ¥20,000 up to ¥100,000.
    assert_eq!(scale(8_600_000), (20_000, 5));
    let ratio = tallest(&money_in) / tallest(&money_out);
    assert!((ratio - 73_900.0 / 86_000.0).abs() < 1e-3, "{ratio}");
}

#[test]
fn all_zero_months_draw_axes_without_bars() {
    let mut doc = zh_hant();
    for month in &mut doc.months {
        (month.1, month.2) = (0, 0);
    }
    let sheet = lay_out(&doc, font()).unwrap();
    assert_tidy(&sheet);
    let swatches_and_bars = sheet
        .fills
        .iter()
        .filter(|(_, paint)| matches!(paint, Paint::MoneyIn | Paint::MoneyOut))
        .count();
    assert_eq!(swatches_and_bars, 2, "the legend's two swatches, no bars");
    assert!(sheet.canvas.runs.iter().any(|run| run.text == "¥0"));
    keep("zero", &render_summary(&doc, font()).unwrap());
    doc.months.clear();
    render_summary(&doc, font()).unwrap();
}

#[test]
fn scale_has_round_steps() {
    assert_eq!(scale(0), (1, 0));
    assert_eq!(scale(1), (1, 1));
    assert_eq!(scale(100), (1, 1));
    assert_eq!(scale(101), (1, 2));
    assert_eq!(scale(7_390_000), (20_000, 4));
    assert_eq!(scale(10_000_000), (20_000, 5));
    assert_eq!(scale(10_000_001), (50_000, 3));
    let (step, steps) = scale(i64::MAX as u128);
    assert!(steps <= SCALE_STEPS_MAX && step * steps * 100 >= i64::MAX as u128);
    assert_eq!(yuan_label(0), "¥0");
    assert_eq!(yuan_label(100_000), "¥100,000");
    assert_eq!(yuan_label(1_234_567), "¥1,234,567");
}

#[test]
fn share_gives_narrow_boxes_their_wish() {
    assert_eq!(share(&[10.0, 20.0], 40.0), [15.0, 25.0]);
    assert_eq!(share(&[10.0, 100.0, 100.0], 70.0), [10.0, 30.0, 30.0]);
    assert_eq!(share(&[50.0, 50.0], 40.0), [20.0, 20.0]);
}

#[test]
fn lists_longer_than_a_page_are_refused() {
    let mut doc = zh_hant();
    doc.program_rows = vec![strings(&["助學", "¥1.00", "¥1.00"]); PROGRAM_ROWS_MAX + 1];
    assert!(render_summary(&doc, font()).is_err());
    let mut doc = zh_hant();
    doc.program_rows[0].push("extra".into());
    assert!(render_summary(&doc, font()).is_err());
    let mut doc = zh_hant();
    doc.months.push(("13月".into(), 0, 0));
    assert!(render_summary(&doc, font()).is_err());
}
