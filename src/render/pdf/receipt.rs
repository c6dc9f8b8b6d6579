//! Donation receipt (捐贈收據) as a one-page PDF, A5 landscape (210 × 148 mm).
//!
//! A pure renderer: a [`ReceiptDoc`] in, PDF bytes out. It never reads the ledger or
//! the disk; the caller loads the bundled font once into a [`PdfFont`] and reuses it
//! for a whole batch. Each PDF embeds only the glyphs it uses, so it takes about
//! 1.3 ms.
//!
//! Text from the ledger is untrusted (a donor name may be 500 characters, or
//! `) Tj /JavaScript`): the canvas cleans it of control and bidi-override characters,
//! measures, wraps, shrinks and at last cuts it with "…" so that it stays inside its
//! cell, and the writer puts it in the PDF only as glyph ids. Characters the font
//! lacks are drawn as □; call [`PdfFont::missing_chars`] first to refuse or warn.
//!
//! Size: about 24 KB for a usual receipt, 54 KB when the donor name is two full
//! lines of distinct characters; only a receipt whose every field is a long run of
//! distinct rare characters goes past 60 KB (about 175 KB), so callers should keep
//! their named length limits on names and purposes.
//!
//! Why A5 landscape rather than the 241 × 140 mm continuous form: donors get the PDF
//! by e-mail and print it on A4 office printers, where A5 is exactly half a sheet and
//! prints unscaled; 241 × 140 mm only pays off on pin-feed stationery for dot-matrix
//! printers. The page size is two constants below, but the footer is placed from the
//! page bottom: at 140 mm high it runs into the signature lines and must move too.
//!
//! Not here: receipt numbers, verification codes, 大寫 amounts (`ledger::daxie`),
//! money formatting, file names.

use super::canvas::{Canvas, Frame, TextRun};
use super::font::{POINTS_PER_MM, PdfFont};
use super::layout::{Align, BOX_BOTTOM_BELOW_BASELINE_EM, BOX_TOP_ABOVE_BASELINE_EM, Ink};
use super::layout::{Style, fit, style};
use super::qr::qr_modules;
use super::writer::{PdfDates, Writer, glyphs_used};
use printpdf::{Mm, PdfPage};
use qrcode::EcLevel;

/// The words printed on a receipt, in the ledger's language.
pub struct ReceiptLabels {
    pub title: String,
    pub number: String,
    pub date: String,
    pub donor: String,
    pub amount_figures: String,
    pub amount_words: String,
    pub purpose: String,
    pub method: String,
    pub official_no: String,
    pub handler: String,
    pub reviewer: String,
    pub verification: String,
    /// Before the signing key's fingerprint and public key (驗簽公鑰).
    pub signing_key: String,
    pub thanks: String,
    pub void_mark: String,
    /// Printed before the reason of a voided receipt, e.g. 作廢原因 / Reason voided.
    pub void_reason: String,
}

/// One receipt, already formatted: the renderer lays out text, it does not format it.
pub struct ReceiptDoc {
    pub fund_name: String,
    pub number: String,
    pub date: String,
    pub donor: String,
    pub amount_figures: String,
    pub amount_words: String,
    pub purpose: String,
    pub method: String,
    /// The official 公益事業捐贈票據 number; its row is left out when `None` or blank.
    pub official_no: Option<String>,
    pub handler: String,
    pub reviewer: String,
    pub verification_code: String,
    /// What the QR code holds: the signed payload, or the verification code when
    /// there is none.
    pub qr: String,
    /// The signed payload, also kept in the file's metadata (Keywords), where
    /// `receipt verify FILE.pdf` reads it.
    pub payload: Option<String>,
    /// The signing key's fingerprint and public key in hex, printed under the code.
    pub signing_key: Option<(String, String)>,
    /// `Some` for a voided receipt: it then carries a large 作廢 / VOID mark.
    pub void_reason: Option<String>,
    /// For a reissued receipt, the line naming the one it replaces
    /// (本收據替代第 2022-000002 號（已作廢）).
    pub replaces: Option<String>,
    pub labels: ReceiptLabels,
    pub dates: PdfDates,
}

const PAGE_WIDTH_MM: f32 = 210.0;
const PAGE_HEIGHT_MM: f32 = 148.0;
const MARGIN_MM: f32 = 12.0;
const CONTENT_WIDTH_MM: f32 = PAGE_WIDTH_MM - 2.0 * MARGIN_MM;
const LABEL_COLUMN_MM: f32 = 42.0;
const CELL_PADDING_X_MM: f32 = 2.5;
const CELL_PADDING_Y_MM: f32 = 1.0;
const TABLE_TOP_MM: f32 = 37.0;
/// A signed payload after a verification address is up to 200 characters, a version
/// 10 code at level M (57 modules): at 28 mm a module is 0.46 mm, which phones read.
const QR_SIDE_MM: f32 = 28.0;
const QR_QUIET_MODULES: usize = 2;
const QR_BOTTOM_MARGIN_MM: f32 = 11.0;

/// Renders one receipt. The PDF is self-contained: its font subset is embedded.
pub fn render_receipt(doc: &ReceiptDoc, font: &PdfFont) -> Result<Vec<u8>, String> {
    let canvas = lay_out(doc, font)?;
    let title = font.clean(&format!("{} {}", doc.labels.title, doc.number));
    // The subset's tag is hashed over the glyphs in order of use, repeats and all
    // (the A4 documents hash the sorted set): a receipt printed again is then
    // byte-identical to the copy printed before.
    let glyphs = glyphs_used(font, canvas.runs.iter());
    let mut writer = Writer::new(font, &title, doc.dates, &glyphs)?;
    if let Some(payload) = &doc.payload {
        writer.keywords(vec![payload.clone()]);
    }
    let mut ops = canvas.shape_ops(PAGE_HEIGHT_MM);
    ops.extend(writer.text_ops(&canvas, PAGE_HEIGHT_MM));
    writer.append_content(qr_content(&lay_out_qr(&doc.qr, qr_frame())?));
    let page = PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), ops);
    writer.finish(vec![page])
}

// ---------------------------------------------------------------------------------
// Layout: everything is placed in millimetres, y measured down from the page top.

fn lay_out(doc: &ReceiptDoc, font: &PdfFont) -> Result<Canvas, String> {
    let mut canvas = Canvas::default();
    lay_out_header(&mut canvas, doc, font);
    let table = lay_out_table(&mut canvas, doc, font);
    lay_out_signatures(&mut canvas, doc, font, table.bottom() + 3.0);
    lay_out_footer(&mut canvas, doc, font);
    if doc.void_reason.is_some() {
        lay_out_void_mark(&mut canvas, doc, font, table);
    }
    Ok(canvas)
}

fn lay_out_header(canvas: &mut Canvas, doc: &ReceiptDoc, font: &PdfFont) {
    let full_width = |y, height| Frame {
        x: MARGIN_MM,
        y,
        width: CONTENT_WIDTH_MM,
        height,
    };
    let centred = |size, size_min| style(size, size_min, 1, Align::Center, Ink::Text);
    canvas.text_in(
        font,
        &doc.fund_name,
        full_width(8.0, 8.0),
        centred(13.0, 8.0),
    );
    canvas.text_in(
        font,
        &doc.labels.title,
        full_width(16.0, 11.0),
        centred(20.0, 12.0),
    );
    let (number_frame, date_frame) = halves(29.0, 6.5);
    let labels = &doc.labels;
    let number = (labels.number.as_str(), doc.number.as_str());
    canvas.labelled(font, number_frame, number, Ink::Accent, Align::Left);
    let date = (labels.date.as_str(), doc.date.as_str());
    canvas.labelled(font, date_frame, date, Ink::Text, Align::Right);
}

/// The left and right halves of the content width, 10 mm apart.
fn halves(y: f32, height: f32) -> (Frame, Frame) {
    let width = (CONTENT_WIDTH_MM - 10.0) / 2.0;
    let left = Frame {
        x: MARGIN_MM,
        y,
        width,
        height,
    };
    let right = Frame {
        x: MARGIN_MM + width + 10.0,
        ..left
    };
    (left, right)
}

/// One row of the table: label, value, row height and how the value is fitted.
type Row<'a> = (&'a str, &'a str, f32, Style);

fn table_rows(doc: &ReceiptDoc) -> Vec<Row<'_>> {
    let labels = &doc.labels;
    let left = |size, lines_max| style(size, 7.0, lines_max, Align::Left, Ink::Text);
    let figures = style(13.0, 8.0, 1, Align::Right, Ink::Text);
    let mut rows: Vec<Row<'_>> = vec![
        (&labels.donor, &doc.donor, 13.0, left(11.5, 2)),
        (&labels.amount_figures, &doc.amount_figures, 10.0, figures),
        (&labels.amount_words, &doc.amount_words, 11.0, left(11.5, 2)),
        (&labels.purpose, &doc.purpose, 9.0, left(10.5, 2)),
        (&labels.method, &doc.method, 9.0, left(10.5, 2)),
    ];
    if let Some(official_no) = doc
        .official_no
        .as_deref()
        .filter(|no| !no.trim().is_empty())
    {
        rows.push((&labels.official_no, official_no, 9.0, left(10.5, 1)));
    }
    rows
}

/// Draws the bordered table of donor, amounts, purpose, method and official number;
/// returns its frame.
fn lay_out_table(canvas: &mut Canvas, doc: &ReceiptDoc, font: &PdfFont) -> Frame {
    let label_style = style(9.5, 6.5, 2, Align::Left, Ink::Label);
    let mut y = TABLE_TOP_MM;
    for (label, value, height, value_style) in table_rows(doc) {
        let label_frame = Frame {
            x: MARGIN_MM,
            y,
            width: LABEL_COLUMN_MM,
            height,
        };
        let value_frame = Frame {
            x: MARGIN_MM + LABEL_COLUMN_MM,
            width: CONTENT_WIDTH_MM - LABEL_COLUMN_MM,
            ..label_frame
        };
        let padded = |frame: Frame| frame.inset(CELL_PADDING_X_MM, CELL_PADDING_Y_MM);
        canvas.text_in(font, label, padded(label_frame), label_style);
        canvas.text_in(font, value, padded(value_frame), value_style);
        canvas.outline(label_frame, 0.5);
        canvas.outline(value_frame, 0.5);
        y += height;
    }
    let table = Frame {
        x: MARGIN_MM,
        y: TABLE_TOP_MM,
        width: CONTENT_WIDTH_MM,
        height: y - TABLE_TOP_MM,
    };
    canvas.outline(table, 1.2);
    table
}

/// Handler and reviewer: label, printed name, and a line to sign or stamp on.
fn lay_out_signatures(canvas: &mut Canvas, doc: &ReceiptDoc, font: &PdfFont, top: f32) {
    let (handler_frame, reviewer_frame) = halves(top, 7.0);
    let labels = &doc.labels;
    for (frame, label, name) in [
        (handler_frame, &labels.handler, &doc.handler),
        (reviewer_frame, &labels.reviewer, &doc.reviewer),
    ] {
        let label = font.clean(label);
        let label_width = font.width_mm(&label, 9.5).min(frame.width / 3.0);
        let label_frame = Frame {
            width: label_width,
            ..frame
        };
        let line_start = frame.x + label_width + 2.0;
        let name_frame = Frame {
            x: line_start + 2.0,
            width: frame.right() - line_start - 4.0,
            ..frame
        };
        let label_style = style(9.5, 6.0, 1, Align::Left, Ink::Label);
        canvas.text_in(font, &label, label_frame, label_style);
        canvas.text_in(
            font,
            name,
            name_frame,
            style(10.5, 7.0, 1, Align::Left, Ink::Text),
        );
        let underline_y = frame.bottom() + 0.3;
        canvas.rule((line_start, underline_y), (frame.right(), underline_y), 0.5);
    }
}

/// Verification code (text and QR), the void reason if any, and the thank-you line.
fn lay_out_footer(canvas: &mut Canvas, doc: &ReceiptDoc, font: &PdfFont) {
    let qr_frame = qr_frame();
    let row = |y, height| Frame {
        x: MARGIN_MM,
        y: qr_frame.y + y,
        width: qr_frame.x - MARGIN_MM - 4.0,
        height,
    };
    let labels = &doc.labels;
    let code = (labels.verification.as_str(), doc.verification_code.as_str());
    canvas.labelled(font, row(1.0, 6.5), code, Ink::Text, Align::Left);
    if let Some(reason) = &doc.void_reason {
        let reason = (labels.void_reason.as_str(), reason.as_str());
        canvas.labelled(font, row(8.0, 6.5), reason, Ink::Accent, Align::Left);
    } else if let Some(replaces) = &doc.replaces {
        let replaces_style = style(9.0, 6.5, 1, Align::Left, Ink::Text);
        canvas.text_in(font, replaces, row(8.0, 6.5), replaces_style);
    }
    let thanks_style = style(11.0, 7.0, 2, Align::Left, Ink::Text);
    canvas.text_in(font, &labels.thanks, row(15.0, 9.0), thanks_style);
    if let Some((fingerprint, public_key)) = &doc.signing_key {
        let key = format!("{} {fingerprint}  {public_key}", labels.signing_key);
        let key_style = style(6.5, 4.0, 1, Align::Left, Ink::Label);
        canvas.text_in(font, &font.clean(&key), row(24.5, 4.0), key_style);
    }
}

/// Where the QR code goes: the bottom right corner, above the bottom margin.
fn qr_frame() -> Frame {
    Frame {
        x: PAGE_WIDTH_MM - MARGIN_MM - QR_SIDE_MM,
        y: PAGE_HEIGHT_MM - QR_BOTTOM_MARGIN_MM - QR_SIDE_MM,
        width: QR_SIDE_MM,
        height: QR_SIDE_MM,
    }
}

/// A QR code placed on the page: its modules and where its top-left module is.
struct QrDrawing {
    modules: usize,
    dark: Vec<bool>,
    /// The top-left corner of the first module, in mm down from the page top.
    left: f32,
    top: f32,
    module_mm: f32,
}

/// The code of `code` fitted into `frame`, with a quiet zone of `QR_QUIET_MODULES`.
fn lay_out_qr(code: &str, frame: Frame) -> Result<QrDrawing, String> {
    let (modules, dark) = qr_modules(code.as_bytes(), EcLevel::M)?;
    let module_mm = frame.width / (modules + 2 * QR_QUIET_MODULES) as f32;
    Ok(QrDrawing {
        modules,
        dark,
        left: frame.x + QR_QUIET_MODULES as f32 * module_mm,
        top: frame.y + QR_QUIET_MODULES as f32 * module_mm,
        module_mm,
    })
}

/// The code as page content: one filled path of a rectangle per horizontal run of
/// dark modules, in module units under one matrix (`cm`) that scales and places
/// them, so that each rectangle is four small integers. Written here rather than as
/// printpdf operators: a version 10 code is some 1,500 rectangles, and formatting
/// their millimetres as floats, operator by operator, was a fifth of a receipt's time.
fn qr_content(qr: &QrDrawing) -> Vec<u8> {
    use std::fmt::Write;
    let pt = |mm: f32| Mm(mm).into_pt().0;
    let scale = pt(qr.module_mm);
    let (r, g, b) = Ink::Text.rgb();
    let mut content = String::with_capacity(16 * 1024);
    // y grows downwards in module units: row r is r modules below the top.
    let _ = write!(
        content,
        "q\n{r:.2} {g:.2} {b:.2} rg\n{scale:.4} 0 0 {:.4} {:.4} {:.4} cm\n",
        -scale,
        pt(qr.left),
        pt(PAGE_HEIGHT_MM - qr.top)
    );
    // A hair of overlap between rows, so that viewers show no seams.
    let height = format!("{:.3}", 1.0 + 0.02 / qr.module_mm);
    for (row, colors) in qr.dark.chunks(qr.modules).enumerate() {
        let mut column = 0;
        while column < qr.modules {
            let start = column;
            while column < qr.modules && colors[column] {
                column += 1;
            }
            if column == start {
                column += 1;
                continue;
            }
            let _ = writeln!(content, "{start} {row} {} {height} re", column - start);
        }
    }
    content.push_str("f\nQ\n");
    content.into_bytes()
}

/// A large outlined 作廢 / VOID slanted across the table; the reason is in the footer.
fn lay_out_void_mark(canvas: &mut Canvas, doc: &ReceiptDoc, font: &PdfFont, table: Frame) {
    const ROTATE_DEGREES: f32 = 12.0;
    let text = font.clean(&doc.labels.void_mark);
    let frame = table.inset(20.0, 0.0);
    let void_style = style(44.0, 16.0, 1, Align::Center, Ink::Accent);
    let fitted = fit(font, &text, (frame.width, frame.height), void_style);
    let Some(line) = fitted.lines.into_iter().next() else {
        return;
    };
    let width = font.width_mm(&line, fitted.size_pt);
    // Start half a width back along the slant, and half the em box below it, so the
    // text's centre lands on the table's centre.
    let half = width / 2.0;
    let box_middle = (BOX_TOP_ABOVE_BASELINE_EM - BOX_BOTTOM_BELOW_BASELINE_EM) / 2.0;
    let drop = box_middle * fitted.size_pt / POINTS_PER_MM;
    let (sin, cos) = ROTATE_DEGREES.to_radians().sin_cos();
    let centre = (frame.x + frame.width / 2.0, frame.y + frame.height / 2.0);
    canvas.runs.push(TextRun {
        x: centre.0 - half * cos + drop * sin,
        baseline: centre.1 + half * sin + drop * cos,
        size_pt: fitted.size_pt,
        text: line,
        ink: Ink::Accent,
        rotate_degrees: ROTATE_DEGREES,
        frame,
    });
}

#[cfg(test)]
mod tests {
    use super::super::layout::ELLIPSIS;
    use super::super::testing::{extent, font};
    use super::*;

    fn labels() -> ReceiptLabels {
        let text = |s: &str| s.to_string();
        ReceiptLabels {
            title: text("捐贈收據"),
            number: text("編號"),
            date: text("日期"),
            donor: text("捐贈人"),
            amount_figures: text("金額（小寫）"),
            amount_words: text("金額（大寫）"),
            purpose: text("捐贈用途"),
            method: text("付款方式"),
            official_no: text("公益事業捐贈票據號"),
            handler: text("經辦人"),
            reviewer: text("審核人"),
            verification: text("驗證碼"),
            signing_key: text("驗簽公鑰"),
            thanks: text("衷心感謝您的愛心捐贈！"),
            void_mark: text("作廢 / VOID"),
            void_reason: text("作廢原因"),
        }
    }

    fn receipt(donor: &str) -> ReceiptDoc {
        let text = |s: &str| s.to_string();
        ReceiptDoc {
            dates: PdfDates::at(1_646_164_800),
            fund_name: text("某市政協愛心基金"),
            number: text("2022-000123"),
            date: text("2022-03-15"),
            donor: text(donor),
            amount_figures: text("¥5,000.00"),
            amount_words: text("人民幣伍仟元整"),
            purpose: text("助學"),
            method: text("銀行轉賬"),
            official_no: None,
            handler: text("王芳"),
            reviewer: text("李建國"),
            verification_code: text("7F3A-92C1-0B4D"),
            qr: text("7F3A-92C1-0B4D"),
            payload: None,
            signing_key: None,
            void_reason: None,
            replaces: None,
            labels: labels(),
        }
    }

    fn hostile_donor() -> String {
        let mut donor = String::from(") Tj /JavaScript (x) \\ ../../x \u{202E}\u{0}\n");
        while donor.chars().count() < 500 {
            donor.push_str("很長的名字LongName ");
        }
        donor
    }

    fn assert_tidy(canvas: &Canvas) {
        const SLACK_MM: f32 = 0.01;
        let upright: Vec<&TextRun> = canvas
            .runs
            .iter()
            .filter(|run| run.rotate_degrees == 0.0)
            .collect();
        for run in &upright {
            let (left, top, right, bottom) = extent(run);
            let frame = run.frame;
            let inside = left >= frame.x - SLACK_MM
                && right <= frame.right() + SLACK_MM
                && top >= frame.y - SLACK_MM
                && bottom <= frame.bottom() + SLACK_MM;
            assert!(inside, "{:?} leaves its frame {frame:?}", run.text);
            assert!(left >= MARGIN_MM - SLACK_MM && right <= PAGE_WIDTH_MM - MARGIN_MM + SLACK_MM);
        }
        for (index, a) in upright.iter().enumerate() {
            for b in &upright[index + 1..] {
                let (a_left, a_top, a_right, a_bottom) = extent(a);
                let (b_left, b_top, b_right, b_bottom) = extent(b);
                let apart = a_right <= b_left + SLACK_MM
                    || b_right <= a_left + SLACK_MM
                    || a_bottom <= b_top + SLACK_MM
                    || b_bottom <= a_top + SLACK_MM;
                assert!(apart, "{:?} overlaps {:?}", a.text, b.text);
            }
        }
    }

    #[test]
    fn ordinary_receipt_is_tidy() {
        let mut doc = receipt("張偉明");
        doc.official_no = Some("浙財0123456789".into());
        assert_tidy(&lay_out(&doc, font()).unwrap());
    }

    #[test]
    fn hostile_void_receipt_is_tidy() {
        let mut doc = receipt(&hostile_donor());
        doc.purpose = "用途".repeat(300);
        doc.amount_words =
            "人民幣玖萬億玖仟玖佰玖拾玖億玖仟玖佰玖拾玖萬玖仟玖佰玖拾玖元玖角玖分".into();
        doc.void_reason = Some("reason ".repeat(100));
        doc.labels.thanks = "Thank you ".repeat(40);
        let canvas = lay_out(&doc, font()).unwrap();
        assert_tidy(&canvas);
        let donor_runs: Vec<&TextRun> = canvas
            .runs
            .iter()
            .filter(|run| run.text.contains("Tj"))
            .collect();
        assert_eq!(
            donor_runs.len(),
            1,
            "the donor wraps into two lines, the first has Tj"
        );
        assert!(canvas.runs.iter().any(|run| run.text.ends_with(ELLIPSIS)));
    }

    #[test]
    fn amount_in_figures_is_right_aligned() {
        let canvas = lay_out(&receipt("張偉明"), font()).unwrap();
        let amount = canvas
            .runs
            .iter()
            .find(|run| run.text == "¥5,000.00")
            .unwrap();
        let (_, _, right, _) = extent(amount);
        assert!((right - amount.frame.right()).abs() < 0.01);
    }

    #[test]
    fn official_number_row_only_when_present() {
        let has_label = |canvas: &Canvas| {
            canvas
                .runs
                .iter()
                .any(|run| run.text == "公益事業捐贈票據號")
        };
        let mut doc = receipt("張偉明");
        assert!(!has_label(&lay_out(&doc, font()).unwrap()));
        doc.official_no = Some("  ".into());
        assert!(!has_label(&lay_out(&doc, font()).unwrap()));
        doc.official_no = Some("浙財0123456789".into());
        assert!(has_label(&lay_out(&doc, font()).unwrap()));
    }

    #[test]
    fn hostile_receipt_pdf_is_small_and_carries_no_raw_text() {
        let mut doc = receipt(&hostile_donor());
        doc.void_reason = Some("金額錄入錯誤".into());
        let pdf = render_receipt(&doc, font()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() < 60_000, "{} bytes", pdf.len());
        let needle = b"JavaScript";
        assert!(!pdf.windows(needle.len()).any(|window| window == needle));
    }
}
