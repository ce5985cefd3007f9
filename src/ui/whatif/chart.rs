//! The projected score, limit and status beside the path as things stand: three small plots on
//! one time axis. Paths have 25 points, so building them per frame costs nothing.

use egui_plot::{Line, LineStyle, Plot, PlotPoints};

use crate::app::chart_data::day_x;
use crate::engine::Status;
use crate::engine::whatif::Projection;
use crate::ui::charts::{month_axis, yuan_axis, yuan_grid_spacer};
use crate::ui::{Env, i18n};

/// The limit axis reaches at least this high, so a path at ¥0 sits at the bottom, not mid-chart.
const MIN_LIMIT_AXIS_YUAN: f64 = 1000.0;

/// Score (on the whole `scale`), limit and status, both paths each.
pub fn chart_ui(ui: &mut egui::Ui, env: &Env, baseline: &Projection, projected: &Projection, scale: (i64, i64)) {
    let link = egui::Id::unique("whatif_link");
    let (as_is, with) = (env.t("照现在这样", "As things stand"), env.t("这样做", "With these actions"));
    let series = |projection: &Projection, value: fn(&crate::engine::whatif::ProjectedMonth) -> f64| {
        projection.path.iter().map(|m| [day_x(m.on), value(m)]).collect::<Vec<[f64; 2]>>()
    };
    let lines = |plot: &mut egui_plot::PlotUi, value: fn(&crate::engine::whatif::ProjectedMonth) -> f64| {
        plot.line(
            Line::new(as_is, PlotPoints::from(series(baseline, value)))
                .color(env.palette.weak_text.color())
                .style(LineStyle::dashed_loose())
                .width(2.0),
        );
        plot.line(
            Line::new(with, PlotPoints::from(series(projected, value))).color(env.palette.accent.color()).width(2.5),
        );
    };
    let plot = |id: &str, height: f32| {
        Plot::new(id.to_string())
            .height(height)
            .link_axis(link, [true, false])
            .link_cursor(link, [true, false])
            .x_axis_formatter(month_axis)
            .allow_scroll(false)
    };
    let small = env.sizes().small_chart_height * 0.75;
    // One legend for the three plots, above them: inside a plot it would cover a path.
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(format!("– – – {as_is}")).color(env.palette.weak_text.color()));
        ui.label(egui::RichText::new(format!("——— {with}")).strong().color(env.palette.accent.color()));
    });
    ui.label(egui::RichText::new(env.t("估算信用分", "Estimated score")).strong());
    plot("whatif_score", small)
        .include_y(scale.0 as f64)
        .include_y(scale.1 as f64)
        .y_axis_label(env.t("分", "points"))
        .show(ui, |p| lines(p, |m| m.score as f64));
    ui.label(egui::RichText::new(env.t("估算额度", "Estimated limit")).strong());
    plot("whatif_limit", small)
        .y_axis_label(env.t("元", "yuan"))
        .y_axis_formatter(yuan_axis)
        .y_grid_spacer(egui_plot::uniform_grid_spacer(yuan_grid_spacer))
        .include_y(0.0)
        .include_y(MIN_LIMIT_AXIS_YUAN)
        .show(ui, |p| lines(p, |m| m.limit.yuan_f64()));
    ui.label(egui::RichText::new(env.t("额度状态", "Status")).strong());
    let lang = env.lang;
    plot("whatif_status", small * 0.75)
        .y_axis_formatter(move |mark, _| {
            status_of(mark.value).map(|s| i18n::status_name(lang, s).to_string()).unwrap_or_default()
        })
        .include_y(-0.3)
        .include_y(3.3)
        .show(ui, |p| lines(p, |m| status_level(m.status)));
}

fn status_level(status: Status) -> f64 {
    match status {
        Status::Zero => 0.0,
        Status::Falling => 1.0,
        Status::Stuck => 2.0,
        Status::Rising => 3.0,
    }
}

fn status_of(level: f64) -> Option<Status> {
    if (level - level.round()).abs() > 0.01 {
        return None;
    }
    match level.round() as i64 {
        0 => Some(Status::Zero),
        1 => Some(Status::Falling),
        2 => Some(Status::Stuck),
        3 => Some(Status::Rising),
        _ => None,
    }
}
