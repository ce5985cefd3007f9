//! Score and limit over time: the estimate month by month, the limits the person saw, and
//! markers for overdue, new lenders, inquiries and cuts, with details on hover.

use egui_plot::{Corner, HoverPosition, Legend, Line, MarkerShape, Plot, PlotPoints, Points, Polygon};

use super::{chart_note_ui, month_axis, yuan_axis};
use crate::app::analysis::Analysis;
use crate::app::chart_data::{ChartData, MarkerKind, x_day};
use crate::ui::{Env, i18n};

/// The score chart above, the limit chart below, sharing the time axis.
pub fn history_ui(ui: &mut egui::Ui, env: &Env, analysis: &Analysis) {
    let charts = &analysis.charts;
    let explanation = &analysis.explanation;
    let link = egui::Id::unique("history_link");
    ui.heading(env.t("估算信用分（按月）", "Estimated score, month by month"));
    let (min, max) = (explanation.score_min as f64, explanation.score_max as f64);
    let score_name = env.t("估算信用分", "Estimated score");
    Plot::new("score_history")
        .height(env.sizes().small_chart_height)
        .legend(Legend::default().position(Corner::LeftTop))
        .link_axis(link, [true, false])
        .link_cursor(link, [true, false])
        .x_axis_formatter(month_axis)
        .y_axis_label(env.t("分", "points"))
        .include_y(min)
        .include_y(max)
        .label_formatter(|pos| hover_month(pos, |y| format!("{y:.0}")))
        .show(ui, |plot| {
            let (first, last) = x_range(charts);
            let span = max - min;
            let bands = [
                (0.0, 1.0 / 3.0, env.palette.band_poor),
                (1.0 / 3.0, 0.5, env.palette.band_fair),
                (0.5, 2.0 / 3.0, env.palette.band_good),
                (2.0 / 3.0, 1.0, env.palette.band_excellent),
            ];
            for (from, to, colour) in bands {
                let (low, high) = (min + span * from, min + span * to);
                let corners = vec![[first, low], [last, low], [last, high], [first, high]];
                // Unnamed, so the bands stay out of the legend (the dashboard gauge names them).
                plot.polygon(
                    Polygon::new("", PlotPoints::new(corners))
                        .fill_color(colour.color().gamma_multiply(0.25))
                        .stroke(egui::Stroke::NONE)
                        .allow_hover(false),
                );
            }
            plot.line(
                Line::new(score_name, PlotPoints::Borrowed(&charts.score))
                    .color(env.palette.chart_score.color())
                    .width(2.0),
            );
        });
    ui.add_space(env.sizes().spacing);
    ui.heading(env.t("额度：估算与你看到的", "Limit: estimated and seen"));
    let estimate_name = env.t("估算额度", "Estimated limit");
    let observed_name = env.t("你看到的额度", "Limit you saw");
    Plot::new("limit_history")
        .height(env.sizes().chart_height)
        .legend(Legend::default().position(Corner::LeftTop))
        .link_axis(link, [true, false])
        .link_cursor(link, [true, false])
        .x_axis_formatter(month_axis)
        .y_axis_formatter(yuan_axis)
        .y_axis_label(env.t("元", "yuan"))
        .include_y(0.0)
        .label_formatter(|pos| marker_or_money(pos, env, charts))
        .show(ui, |plot| {
            plot.line(
                Line::new(estimate_name, PlotPoints::Borrowed(&charts.estimate))
                    .color(env.palette.chart_estimate.color())
                    .width(2.0),
            );
            plot.points(
                Points::new(observed_name, PlotPoints::Borrowed(&charts.observed))
                    .color(env.palette.chart_observed.color())
                    .shape(MarkerShape::Circle)
                    .filled(true)
                    .radius(4.0),
            );
            for (kind, points, _) in &charts.marker_points {
                let (colour, shape) = marker_style(env, *kind);
                plot.points(
                    Points::new(i18n::marker_name(env.lang, *kind), PlotPoints::Borrowed(points))
                        .color(colour)
                        .shape(shape)
                        .filled(true)
                        .radius(6.0),
                );
            }
        });
    chart_note_ui(
        ui,
        env,
        env.t(
            "蓝线是模型按月估算的额度，橙点是你记录的额度。把鼠标移到标记上看详情。教育用途的估算，并非放贷机构的模型。",
            "The blue line is the model's monthly estimate; orange dots are the limits you recorded. Hover a marker for details. An educational estimate, not the lender's model.",
        ),
    );
}

fn marker_style(env: &Env, kind: MarkerKind) -> (egui::Color32, MarkerShape) {
    let p = env.palette;
    match kind {
        MarkerKind::Overdue => (p.marker_overdue.color(), MarkerShape::Down),
        MarkerKind::NewLender => (p.marker_lender.color(), MarkerShape::Diamond),
        MarkerKind::Inquiry => (p.marker_inquiry.color(), MarkerShape::Square),
        MarkerKind::Cut => (p.marker_cut.color(), MarkerShape::Cross),
    }
}

fn x_range(charts: &ChartData) -> (f64, f64) {
    let first = charts.score.first().map_or(0.0, |p| p.x);
    let last = charts.score.last().map_or(first + 30.0, |p| p.x + 30.0);
    (first, last)
}

fn hover_month(pos: &HoverPosition, value: impl Fn(f64) -> String) -> Option<String> {
    let (name, point) = match pos {
        HoverPosition::NearDataPoint { plot_name, position, .. } => (*plot_name, *position),
        HoverPosition::Elsewhere { .. } => return None,
    };
    let month = x_day(point.x).map(|d| d.format("%Y-%m").to_string()).unwrap_or_default();
    Some(format!("{month}\n{name}: {}", value(point.y)))
}

fn marker_or_money(pos: &HoverPosition, env: &Env, charts: &ChartData) -> Option<String> {
    let HoverPosition::NearDataPoint { plot_name, index, .. } = pos else { return None };
    let kind = MarkerKind::ALL.into_iter().find(|k| i18n::marker_name(env.lang, *k) == *plot_name);
    match kind.and_then(|k| charts.marker(k, *index)) {
        Some(marker) => Some(format!("{} · {}\n{}", plot_name, marker.on.format("%Y-%m-%d"), marker.label)),
        None => hover_month(pos, |y| format!("¥{y:.0}")),
    }
}
