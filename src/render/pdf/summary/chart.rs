//! The summary's monthly chart: bars of money in and out over a scale of round yuan
//! figures, with its title and legend.

use super::{MONTH_LABELS_MM, SECTION_TITLE_MM, SummaryDoc};
use crate::render::pdf::a4::{CONTENT_WIDTH_MM, MARGIN_MM, full_width};
use crate::render::pdf::canvas::{Frame, Paint, Sheet};
use crate::render::pdf::font::PdfFont;
use crate::render::pdf::layout::{Align, Ink, style};

/// Gridlines of the chart: the scale has at most this many steps.
pub(super) const SCALE_STEPS_MAX: u128 = 5;

/// The round steps of the chart's scale, in yuan: (step, number of steps). The top
/// step reaches `max_fen`; with nothing to show there are no steps.
pub(super) fn scale(max_fen: u128) -> (u128, u128) {
    if max_fen == 0 {
        return (1, 0);
    }
    let max_yuan = max_fen.div_ceil(100);
    let raw = max_yuan.div_ceil(SCALE_STEPS_MAX).max(1);
    let mut magnitude = 1;
    while magnitude * 10 <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|factor| factor * magnitude)
        .find(|&step| step >= raw)
        .unwrap_or(10 * magnitude);
    (step, max_yuan.div_ceil(step))
}

/// "¥60,000".
pub(super) fn yuan_label(yuan: u128) -> String {
    let digits = yuan.to_string();
    let mut label = String::from("¥");
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            label.push(',');
        }
        label.push(digit);
    }
    label
}

/// The title and legend, then the bars of money in and out for each month over a
/// scale of round yuan figures; returns the bottom of the month labels.
pub(super) fn lay_out_chart(
    sheet: &mut Sheet,
    doc: &SummaryDoc,
    font: &PdfFont,
    top: f32,
    plot_height: f32,
) -> f32 {
    const LEGEND_PT: f32 = 9.5;
    const AXIS_PT: f32 = 8.0;
    const SWATCH_MM: f32 = 3.2;
    // The legend, right-aligned on the title's line.
    let legend = [
        (&doc.chart_legend.0, Paint::MoneyIn),
        (&doc.chart_legend.1, Paint::MoneyOut),
    ];
    let mut right = MARGIN_MM + CONTENT_WIDTH_MM;
    for (label, paint) in legend.iter().rev() {
        let label = font.clean(label);
        let width = font.width_mm(&label, LEGEND_PT).min(CONTENT_WIDTH_MM / 5.0);
        let label_frame = Frame {
            x: right - width,
            y: top,
            width,
            height: SECTION_TITLE_MM,
        };
        let legend_style = style(LEGEND_PT, 6.0, 1, Align::Left, Ink::Label);
        sheet
            .canvas
            .text_in(font, &label, label_frame, legend_style);
        let swatch = Frame {
            x: label_frame.x - 1.5 - SWATCH_MM,
            y: top + (SECTION_TITLE_MM - SWATCH_MM) / 2.0,
            width: SWATCH_MM,
            height: SWATCH_MM,
        };
        sheet.fill(swatch, *paint);
        right = swatch.x - 5.0;
    }
    let title_frame = Frame {
        width: right - MARGIN_MM,
        ..full_width(top, SECTION_TITLE_MM)
    };
    sheet.section_title(font, &doc.chart_title, title_frame);

    let clamp = |fen: i64| u128::try_from(fen).unwrap_or(0);
    let max_fen = doc
        .months
        .iter()
        .map(|&(_, money_in, money_out)| clamp(money_in).max(clamp(money_out)))
        .max()
        .unwrap_or(0);
    let (step, steps) = scale(max_fen);
    let labels: Vec<String> = (0..=steps).map(|index| yuan_label(index * step)).collect();
    let label_width = labels
        .iter()
        .map(|label| font.width_mm(label, AXIS_PT))
        .fold(0.0, f32::max)
        .min(32.0);
    let plot = Frame {
        x: MARGIN_MM + label_width + 2.5,
        y: top + SECTION_TITLE_MM + 3.0,
        width: CONTENT_WIDTH_MM - label_width - 2.5,
        height: plot_height,
    };
    // Gridlines and their labels; the bars scale to the top gridline.
    let top_fen = (steps.max(1) * step * 100) as f64;
    let y_of = |fen: u128| plot.bottom() - (fen as f64 / top_fen) as f32 * plot.height;
    let label_height = (plot.height / steps.max(1) as f32).min(4.4);
    for (index, label) in labels.iter().enumerate() {
        let y = y_of(index as u128 * step * 100);
        if index > 0 {
            sheet.line((plot.x, y), (plot.right(), y), 0.4, Paint::Grid);
        }
        let frame = Frame {
            x: MARGIN_MM,
            y: y - label_height / 2.0,
            width: label_width,
            height: label_height,
        };
        let axis_style = style(AXIS_PT, 5.0, 1, Align::Right, Ink::Label);
        sheet.canvas.text_in(font, label, frame, axis_style);
    }
    let group = plot.width / doc.months.len().max(1) as f32;
    let bar_width = group * 0.3;
    for (index, (label, money_in, money_out)) in doc.months.iter().enumerate() {
        let middle = plot.x + group * (index as f32 + 0.5);
        let bars = [
            (clamp(*money_in), middle - 0.3 - bar_width, Paint::MoneyIn),
            (clamp(*money_out), middle + 0.3, Paint::MoneyOut),
        ];
        for (fen, x, paint) in bars {
            if fen == 0 {
                continue;
            }
            // A month with a few fen still shows a sliver.
            let height = (plot.bottom() - y_of(fen)).max(0.3);
            let bar = Frame {
                x,
                y: plot.bottom() - height,
                width: bar_width,
                height,
            };
            sheet.fill(bar, paint);
        }
        let label_frame = Frame {
            x: plot.x + group * index as f32 + 0.3,
            y: plot.bottom() + 1.0,
            width: group - 0.6,
            height: MONTH_LABELS_MM - 1.0,
        };
        let month_style = style(AXIS_PT, 4.5, 1, Align::Center, Ink::Label);
        sheet.canvas.text_in(font, label, label_frame, month_style);
    }
    let axis = (plot.x, plot.bottom());
    sheet.line((plot.x, plot.y), axis, 0.6, Paint::Rule);
    sheet.line(axis, (plot.right(), plot.bottom()), 0.9, Paint::Rule);
    plot.bottom() + MONTH_LABELS_MM
}
