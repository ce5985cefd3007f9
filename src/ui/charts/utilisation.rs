//! Card utilisation over time: each card's bill against its limit, and all cards together.

use egui_plot::{HLine, Legend, Line, Plot, PlotPoints};

use super::{chart_note_ui, month_axis};
use crate::app::chart_data::ChartData;
use crate::ui::Env;

/// Above this share of their limits, cards count as nearly full (shown as a guide line).
const HIGH_PCT: f64 = 70.0;

/// The utilisation chart.
pub fn utilisation_ui(ui: &mut egui::Ui, env: &Env, charts: &ChartData) {
    ui.heading(env.t("信用卡使用率（账单金额 ÷ 额度）", "Card utilisation (bill ÷ limit)"));
    if charts.utilisation.is_empty() && charts.utilisation_all.is_empty() {
        ui.label(env.t("没有带额度的信用卡账单。", "There are no card bills with a known limit."));
        return;
    }
    let all_name = env.t("全部信用卡", "All cards");
    Plot::new("utilisation")
        .height(env.sizes().chart_height)
        .legend(Legend::default())
        .x_axis_formatter(month_axis)
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .y_axis_label(env.t("使用率 %", "utilisation %"))
        .include_y(0.0)
        .include_y(100.0)
        .show(ui, |plot| {
            plot.hline(
                HLine::new(env.t("偏高（70%）", "High (70%)"), HIGH_PCT)
                    .color(env.palette.lowers.color())
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
            let series = &env.palette.series;
            for (i, (lender, points)) in charts.utilisation.iter().enumerate() {
                let colour = series.get(i % series.len().max(1)).map_or(env.palette.accent, |c| *c).color();
                plot.line(Line::new(lender.as_str(), PlotPoints::Borrowed(points)).color(colour).width(1.5));
            }
            plot.line(
                Line::new(all_name, PlotPoints::Borrowed(&charts.utilisation_all))
                    .color(env.palette.text.color())
                    .width(2.5),
            );
        });
    chart_note_ui(
        ui,
        env,
        env.t(
            "信用卡长期用得太满会压低分数；低于 30% 最好。",
            "Cards kept nearly full hold the score down; below 30% is best.",
        ),
    );
}
