//! What is owed now, per lender.

use egui_plot::{Bar, BarChart, Plot};

use super::{chart_note_ui, yuan_axis};
use crate::app::chart_data::ChartData;
use crate::ui::Env;

/// The debt chart: one bar per lender, largest first, with the amounts listed beside.
pub fn debt_ui(ui: &mut egui::Ui, env: &Env, charts: &ChartData) {
    ui.heading(env.t("现在欠各机构多少", "What is owed now, by lender"));
    if charts.debt_by_lender.is_empty() {
        ui.label(env.t("目前没有欠款。", "Nothing is owed now."));
        return;
    }
    let names: Vec<String> = charts.debt_by_lender.iter().map(|(lender, _)| lender.clone()).collect();
    let bars: Vec<Bar> = charts
        .debt_by_lender
        .iter()
        .enumerate()
        .map(|(i, (lender, yuan))| Bar::new(i as f64, *yuan).name(lender).fill(env.palette.accent.color()))
        .collect();
    let height = (env.sizes().row_height * 2.0 * names.len() as f32).max(env.sizes().small_chart_height);
    Plot::new("debt_by_lender")
        .height(height)
        .x_axis_formatter(yuan_axis)
        .x_axis_label(env.t("元", "yuan"))
        .y_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 0.01 || index < 0.0 {
                return String::new();
            }
            names.get(index as usize).cloned().unwrap_or_default()
        })
        .y_axis_min_width(env.sizes().nav_width)
        .include_x(0.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(env.t("欠款", "Owed"), bars).horizontal().width(0.6));
        });
    egui::Grid::new("debt_list").striped(true).show(ui, |ui| {
        for (lender, yuan) in &charts.debt_by_lender {
            ui.label(lender);
            let money = crate::domain::Money::from_fen((yuan * 100.0).round() as i64);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(egui::RichText::new(money.display_yuan()).monospace())
            });
            ui.end_row();
        }
    });
    chart_note_ui(
        ui,
        env,
        env.t(
            "分期按还款计划计算未还本金，信用卡按最近账单减去之后的还款。",
            "Instalments: principal not yet repaid on their schedule; cards: the latest bill less later payments.",
        ),
    );
}
