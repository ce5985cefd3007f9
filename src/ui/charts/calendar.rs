//! Every amount that fell due, month by month: on time, late, or still unpaid.

use egui::{Align2, Color32, Sense, Vec2};

use super::chart_note_ui;
use crate::app::chart_data::{ChartData, MonthPunctuality};
use crate::ui::Env;

/// The calendar: a row per year, a cell per month, coloured by the worst payment that month.
pub fn calendar_ui(ui: &mut egui::Ui, env: &Env, charts: &ChartData) {
    ui.heading(env.t("还款准时日历", "Repayment punctuality"));
    let Some((&(first_year, _), _)) = charts.punctuality.iter().next() else {
        ui.label(env.t("还没有到期的还款。", "Nothing has fallen due yet."));
        return;
    };
    let last_year = charts.punctuality.keys().next_back().map_or(first_year, |(y, _)| *y);
    let cell = env.sizes().calendar_cell;
    egui::Grid::new("punctuality").spacing([cell * 0.15, cell * 0.15]).show(ui, |ui| {
        ui.label("");
        for month in 1..=12 {
            ui.label(month.to_string());
        }
        ui.end_row();
        for year in first_year..=last_year {
            ui.label(year.to_string());
            for month in 1..=12 {
                let counts = charts.punctuality.get(&(year, month)).copied().unwrap_or_default();
                cell_ui(ui, env, cell, year, month, counts);
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        for (colour, name) in [
            (env.palette.on_time.color(), env.t("按时", "On time")),
            (env.palette.late.color(), env.t("晚还", "Late")),
            (env.palette.missed.color(), env.t("未还", "Unpaid")),
            (env.palette.no_due.color(), env.t("无到期", "Nothing due")),
        ] {
            ui.label(egui::RichText::new("■").color(colour));
            ui.label(name);
        }
    });
    chart_note_ui(
        ui,
        env,
        env.t(
            "近两年每个月到期的分期和账单（最低还款），颜色取当月最差的一笔；数字是笔数。",
            "The last two years: each cell is a month's instalments and bills (minimum payments), coloured by the worst one; the number counts them.",
        ),
    );
}

fn cell_ui(ui: &mut egui::Ui, env: &Env, size: f32, year: i32, month: u32, counts: MonthPunctuality) {
    let colour: Color32 = if counts.missed > 0 {
        env.palette.missed.color()
    } else if counts.late > 0 {
        env.palette.late.color()
    } else if counts.on_time > 0 {
        env.palette.on_time.color()
    } else {
        env.palette.no_due.color()
    };
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    ui.painter().rect_filled(rect, size * 0.15, colour);
    let total = counts.on_time + counts.late + counts.missed;
    if total > 1 {
        let text_colour = if counts.missed > 0 { Color32::WHITE } else { Color32::BLACK };
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            total.to_string(),
            egui::FontId::proportional(size * 0.5),
            text_colour,
        );
    }
    let text = format!(
        "{year}-{month:02}: {} {} · {} {} · {} {}",
        counts.on_time,
        env.t("笔按时", "on time"),
        counts.late,
        env.t("笔晚还", "late"),
        counts.missed,
        env.t("笔未还", "unpaid")
    );
    let label = text.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, label.clone()));
    response.on_hover_text(text);
}
