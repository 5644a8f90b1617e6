//! The report's charts as inline SVG, drawn with `plotters` (SVG backend: words are SVG
//! `<text>` in the page's own fonts, nothing is fetched, and plotters escapes the text). Without
//! the `report` feature there are no charts; the tables say the same.

use super::model::{AssessmentView, Report, TargetView};
use crate::i18n::Lang;

/// A target's share as a bar from 0 to 100%: the part already certain, the part missing data
/// still decides, and the threshold as a line. `None` for a target that is not a share compared
/// with a value.
pub fn target_bar(t: &TargetView, lang: Lang) -> Option<String> {
    #[cfg(feature = "report")]
    {
        draw::target_bar(t, lang)
    }
    #[cfg(not(feature = "report"))]
    {
        let _ = (t, lang);
        None
    }
}

/// An assessment's verdicts counted per district, one stacked bar per district.
pub fn districts(r: &Report, a: &AssessmentView, lang: Lang) -> Option<String> {
    #[cfg(feature = "report")]
    {
        draw::districts(r, a, lang)
    }
    #[cfg(not(feature = "report"))]
    {
        let _ = (r, a, lang);
        None
    }
}

#[cfg(feature = "report")]
mod draw {
    use super::super::model::{approx, AssessmentView, Report, TargetView, VerdictKey};
    use super::super::words;
    use crate::eval::TargetResult;
    use crate::i18n::Lang;
    use crate::tr;
    use plotters::coord::ranged1d::SegmentValue;
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    type Drawn = Result<(), Box<dyn std::error::Error>>;

    const FONT: &str = "sans-serif";
    const PASS: RGBColor = RGBColor(46, 125, 50);
    const FAIL: RGBColor = RGBColor(183, 28, 28);
    const UNKNOWN: RGBColor = RGBColor(230, 145, 0);
    const INVALID: RGBColor = RGBColor(117, 117, 117);
    const OTHERS: [RGBColor; 3] = [
        RGBColor(21, 101, 192),
        RGBColor(106, 27, 154),
        RGBColor(0, 131, 143),
    ];

    fn color(k: VerdictKey) -> RGBColor {
        match k {
            VerdictKey::Outcome(0) => PASS,
            VerdictKey::Outcome(1) => FAIL,
            VerdictKey::Outcome(o) => OTHERS[o as usize % OTHERS.len()],
            VerdictKey::Unknown => UNKNOWN,
            VerdictKey::Invalid | VerdictKey::Na => INVALID,
        }
    }

    /// The SVG with its fixed size replaced by a `viewBox`, so the page scales it.
    fn svg(draw: impl FnOnce(&mut String) -> Drawn, size: (u32, u32)) -> Option<String> {
        let mut out = String::new();
        draw(&mut out).ok()?;
        let scalable = format!(
            "<svg viewBox=\"0 0 {} {}\" role=\"img\" preserveAspectRatio=\"xMinYMin meet\"",
            size.0, size.1
        );
        let head = format!(
            "<svg width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\"",
            size.0, size.1, size.0, size.1
        );
        Some(out.replacen(&head, &scalable, 1))
    }

    pub fn target_bar(t: &TargetView, lang: Lang) -> Option<String> {
        let tally = t.tallies.first().filter(|x| x.share)?;
        let (lo, hi) = tally.range?;
        let th = t.threshold.as_ref()?;
        let (lo, hi, need) = (
            approx(lo) * 100.0,
            approx(hi) * 100.0,
            approx(th.value) * 100.0,
        );
        let solid = match t.result {
            TargetResult::Met => PASS,
            TargetResult::NotMet => FAIL,
            TargetResult::Unknown => UNKNOWN,
        };
        let need_label = format!(
            "{} {}",
            words::symbol(th.op),
            words::percent(lang, th.value)
        );
        let size = (520, 84);
        svg(
            |out| {
                let root = SVGBackend::with_string(out, size).into_drawing_area();
                root.fill(&WHITE)?;
                let mut chart = ChartBuilder::on(&root)
                    .margin_left(8)
                    .margin_right(24)
                    .margin_top(20)
                    .x_label_area_size(24)
                    .build_cartesian_2d(0f64..100f64, 0f64..1f64)?;
                chart
                    .configure_mesh()
                    .disable_y_mesh()
                    .disable_y_axis()
                    .x_labels(11)
                    .x_label_formatter(&|x| format!("{x:.0}%"))
                    .x_label_style((FONT, 15))
                    .light_line_style(RGBColor(235, 235, 235))
                    .draw()?;
                chart.draw_series([
                    Rectangle::new([(0.0, 0.15), (lo, 0.85)], solid.filled()),
                    Rectangle::new([(lo, 0.15), (hi, 0.85)], solid.mix(0.3).filled()),
                    Rectangle::new([(0.0, 0.15), (100.0, 0.85)], BLACK.stroke_width(1)),
                ])?;
                chart.draw_series(LineSeries::new(
                    [(need, -0.05), (need, 1.05)],
                    BLACK.stroke_width(3),
                ))?;
                let above = (FONT, 17)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Center, VPos::Bottom));
                chart.draw_series([Text::new(need_label.clone(), (need, 1.02), above)])?;
                root.present()?;
                Ok(())
            },
            size,
        )
    }

    pub fn districts(r: &Report, a: &AssessmentView, lang: Lang) -> Option<String> {
        if a.districts.is_empty() {
            return None;
        }
        let rules = r.rules();
        let n = a.districts.len() as u32;
        let widest = a
            .districts
            .iter()
            .map(|(_, c)| c.iter().sum::<usize>())
            .max()
            .unwrap_or(1)
            .max(1) as u32;
        let name_chars = a.districts.iter().map(|(d, _)| d.chars().count()).max();
        let names = (name_chars.unwrap_or(8).min(40) as u32) * 8 + 16;
        let size = (560, 48 + 26 * n + 22 * a.keys.len() as u32);
        let labels: Vec<String> = a
            .keys
            .iter()
            .map(|k| words::key_label(lang, rules, a.index, *k))
            .collect();
        let axis = tr!(lang, "report-chart-axis-areas");
        svg(
            |out| {
                let root = SVGBackend::with_string(out, size).into_drawing_area();
                root.fill(&WHITE)?;
                let legend_height = 14 + 22 * a.keys.len() as u32;
                let (top, bottom) = root.split_vertically(size.1 - legend_height);
                let mut chart = ChartBuilder::on(&top)
                    .margin(8)
                    .x_label_area_size(34)
                    .y_label_area_size(names)
                    .build_cartesian_2d(0u32..widest + 1, (0u32..n - 1).into_segmented())?;
                chart
                    .configure_mesh()
                    .disable_y_mesh()
                    .x_labels(widest as usize + 2)
                    .x_desc(axis.as_str())
                    .label_style((FONT, 15))
                    .axis_desc_style((FONT, 15))
                    .y_label_formatter(&|v| match v {
                        // The first district on top: rows are numbered from the bottom (plotters'
                        // integer ranges include their end: `0..n - 1` is n rows).
                        SegmentValue::CenterOf(i) if *i < n => a
                            .districts
                            .get((n - 1 - i) as usize)
                            .map_or(String::new(), |(d, _)| d.clone()),
                        _ => String::new(),
                    })
                    .draw()?;
                chart.draw_series(bars(a))?;
                legend(&bottom, a, &labels, names as i32)?;
                root.present()?;
                Ok(())
            },
            size,
        )
    }

    /// The stacked bars: for each district, one bar per verdict, after the verdicts before it.
    fn bars(a: &AssessmentView) -> Vec<Rectangle<(u32, SegmentValue<u32>)>> {
        let n = a.districts.len() as u32;
        let mut out = Vec::new();
        for (k, key) in a.keys.iter().enumerate() {
            for (i, (_, counts)) in a.districts.iter().enumerate() {
                let (before, here) = (counts[..k].iter().sum::<usize>() as u32, counts[k] as u32);
                if here == 0 {
                    continue;
                }
                // The first district on top: rows are numbered from the bottom.
                let row = n - 1 - i as u32;
                let mut bar = Rectangle::new(
                    [
                        (before, SegmentValue::Exact(row)),
                        (before + here, SegmentValue::Exact(row + 1)),
                    ],
                    color(*key).filled(),
                );
                bar.set_margin(4, 4, 0, 1);
                out.push(bar);
            }
        }
        out
    }

    /// One line per verdict: its colour and its label, from `left`.
    fn legend(
        area: &DrawingArea<SVGBackend, plotters::coord::Shift>,
        a: &AssessmentView,
        labels: &[String],
        left: i32,
    ) -> Drawn {
        for (k, (label, key)) in labels.iter().zip(&a.keys).enumerate() {
            let y = 8 + 22 * k as i32;
            area.draw(&Rectangle::new(
                [(left, y), (left + 14, y + 14)],
                color(*key).filled(),
            ))?;
            let font = (FONT, 16).into_font().color(&BLACK);
            area.draw(&Text::new(label.clone(), (left + 22, y + 1), font))?;
        }
        Ok(())
    }
}
