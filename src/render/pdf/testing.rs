//! Helpers shared by the PDF unit tests: the bundled font loaded once, the em box of
//! a placed run, and pdftotext under the rule the integration tests follow
//! (tests/common/mod.rs): when CI sets LOVEFUND_TEST_TOOLS (non-empty, not "0"), a
//! missing pdftotext fails the test instead of skipping its text checks.

use super::canvas::TextRun;
use super::font::{POINTS_PER_MM, PdfFont};
use super::layout::{BOX_BOTTOM_BELOW_BASELINE_EM, BOX_TOP_ABOVE_BASELINE_EM};
use crate::render::receipts::BUNDLED_FONT;
use std::ffi::OsStr;
use std::process::Command;
use std::sync::OnceLock;

pub(crate) fn font() -> &'static PdfFont {
    static FONT: OnceLock<PdfFont> = OnceLock::new();
    FONT.get_or_init(|| PdfFont::from_bytes(BUNDLED_FONT).expect("bundled font"))
}

/// The em box of an upright run, as (left, top, right, bottom) in mm.
pub(crate) fn extent(run: &TextRun) -> (f32, f32, f32, f32) {
    let width = font().width_mm(&run.text, run.size_pt);
    let size_mm = run.size_pt / POINTS_PER_MM;
    let top = run.baseline - BOX_TOP_ABOVE_BASELINE_EM * size_mm;
    let bottom = run.baseline + BOX_BOTTOM_BELOW_BASELINE_EM * size_mm;
    (run.x, top, run.x + width, bottom)
}

/// Whether a missing outside program fails the test, given LOVEFUND_TEST_TOOLS.
fn tools_required_by(value: Option<&OsStr>) -> bool {
    value.is_some_and(|value| !value.is_empty() && value != "0")
}

fn tools_required() -> bool {
    tools_required_by(std::env::var_os("LOVEFUND_TEST_TOOLS").as_deref())
}

/// The text pdftotext reads from the PDF, or `None` (the text checks skipped) where
/// poppler-utils is not installed and CI did not promise it.
pub(crate) fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output();
    match output {
        Ok(output) => {
            assert!(output.status.success(), "{output:?}");
            Some(String::from_utf8(output.stdout).unwrap())
        }
        Err(error) => {
            assert!(
                !tools_required(),
                "pdftotext is required (LOVEFUND_TEST_TOOLS is set): {error}"
            );
            eprintln!(
                "skipped: pdftotext is not installed ({error}); the PDF's text is not checked"
            );
            None
        }
    }
}

/// Ledger text at its worst: PDF syntax, a bidi override, a NUL, then ~600 characters.
pub(crate) fn hostile_text(seed: &str) -> String {
    let mut text = format!(") Tj /JavaScript (x) \\ \u{202E}\u{0}\n{seed}");
    while text.chars().count() < 600 {
        text.push_str("很長的名字LongName ");
    }
    text
}

#[test]
fn tools_are_required_when_the_variable_is_set_and_not_zero() {
    assert!(!tools_required_by(None));
    assert!(!tools_required_by(Some(OsStr::new(""))));
    assert!(!tools_required_by(Some(OsStr::new("0"))));
    assert!(tools_required_by(Some(OsStr::new("1"))));
    assert!(tools_required_by(Some(OsStr::new("yes"))));
}
