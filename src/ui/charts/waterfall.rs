//! Why the limit moved between two chosen months: the limit at the start, one bar per reason
//! for what it moved the limit by (the engine's `waterfall`), the limit at the end, and the
//! dated changes listed below.

use egui::RichText;
use egui_plot::{Bar, BarChart, Plot};

use super::{chart_note_ui, yuan_axis};
use crate::app::analysis::Analysis;
use crate::engine::{MonthPoint, waterfall};
use crate::ui::{Env, i18n};

/// At most this many changes are listed under the chart.
const LISTED: usize = 40;

/// The two months compared, as indexes into the timeline.
#[derive(Default)]
pub struct WaterfallState {
    /// The first month (`None`: twelve months before the last).
    pub from: Option<usize>,
    /// The last month (`None`: the last one).
    pub to: Option<usize>,
}

/// The waterfall view.
pub fn waterfall_ui(ui: &mut egui::Ui, env: &Env, analysis: &Analysis, state: &mut WaterfallState) {
    let timeline = &analysis.explanation.timeline;
    ui.heading(env.t("额度为何变化", "Why the limit moved"));
    let Some(last) = timeline.len().checked_sub(1) else {
        ui.label(env.t("记录太短，还没有按月的历史。", "The record is too short for a monthly history."));
        return;
    };
    let mut to = state.to.unwrap_or(last).min(last);
    let mut from = state.from.unwrap_or(to.saturating_sub(12)).min(to);
    ui.horizontal(|ui| {
        month_picker_ui(ui, env.t("从", "From"), "waterfall_from", timeline, &mut from);
        month_picker_ui(ui, env.t("到", "To"), "waterfall_to", timeline, &mut to);
    });
    if from > to {
        std::mem::swap(&mut from, &mut to);
    }
    state.from = Some(from);
    state.to = Some(to);
    let (start, end) = (&timeline[from], &timeline[to]);
    let changes: Vec<_> = timeline[from + 1..=to].iter().flat_map(|m| &m.changes).collect();
    let (start_limit, steps, end_limit) = waterfall(timeline, start.month, end.month);
    let mut bars =
        vec![Bar::new(0.0, start_limit.yuan_f64()).fill(env.palette.chart_estimate.color()).name(month(start))];
    let mut labels = vec![month(start)];
    // One bar per cause: what each reason moved the limit by over the period.
    let mut running = start_limit.yuan_f64();
    for step in &steps {
        let change = step.change.yuan_f64();
        let colour = if change >= 0.0 { env.palette.raises } else { env.palette.lowers };
        let name = step.cause.map_or(
            env.t("无记录原因（如你看到的变化）", "No recorded reason (e.g. seen in the app)"),
            |c| i18n::reason_code_name(env.lang, c),
        );
        let x = labels.len() as f64;
        bars.push(Bar::new(x, change).base_offset(running).fill(colour.color()).name(name));
        labels.push(name.to_string());
        running += change;
    }
    let end_x = labels.len() as f64;
    bars.push(Bar::new(end_x, end_limit.yuan_f64()).fill(env.palette.chart_estimate.color()).name(month(end)));
    labels.push(month(end));
    Plot::new("waterfall")
        .height(env.sizes().chart_height)
        .y_axis_formatter(yuan_axis)
        .y_axis_label(env.t("估算额度（元）", "estimated limit (yuan)"))
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 0.01 || index < 0.0 {
                String::new()
            } else {
                labels.get(index as usize).cloned().unwrap_or_default()
            }
        })
        .include_y(0.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |plot| plot.bar_chart(BarChart::new(env.t("额度变化", "Limit changes"), bars).width(0.6)));
    changes_list_ui(ui, env, start, end, &changes);
}

fn month(point: &MonthPoint) -> String {
    point.month.format("%Y-%m").to_string()
}

fn month_picker_ui(ui: &mut egui::Ui, label: &str, id: &str, timeline: &[MonthPoint], index: &mut usize) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(id)
        .selected_text(timeline.get(*index).map(month).unwrap_or_default())
        .show_index(ui, index, timeline.len(), |i| timeline.get(i).map(month).unwrap_or_default())
        .labelled_by(label.id);
}

fn changes_list_ui(
    ui: &mut egui::Ui,
    env: &Env,
    start: &MonthPoint,
    end: &MonthPoint,
    changes: &[&crate::engine::explain::TimelineChange],
) {
    let summary = format!(
        "{} {} → {} {}: {} → {}",
        env.t("从", "From"),
        month(start),
        env.t("到", "to"),
        month(end),
        start.limit.display_short(),
        end.limit.display_short()
    );
    ui.label(RichText::new(summary).strong());
    if changes.is_empty() {
        ui.label(env.t("这段时间模型估算的额度没有变化。", "The estimated limit did not change in this period."));
    }
    egui::Grid::new("waterfall_changes").striped(true).show(ui, |ui| {
        for change in changes.iter().take(LISTED) {
            ui.label(RichText::new(change.on.format("%Y-%m-%d").to_string()).monospace());
            ui.label(i18n::change_name(env.lang, change.kind));
            ui.label(format!("{} → {}", change.from.display_short(), change.to.display_short()));
            let causes: Vec<&str> = change.causes.iter().map(|c| i18n::reason_code_name(env.lang, *c)).collect();
            ui.label(causes.join("、"));
            ui.end_row();
        }
    });
    if changes.len() > LISTED {
        ui.label(format!("{} {} {}", env.t("另有", "and"), changes.len() - LISTED, env.t("次变化", "more changes")));
    }
    chart_note_ui(
        ui,
        env,
        env.t(
            "额度只在定期评估或风险事件时变化；每一步列出模型认为的原因。教育用途的估算。",
            "The limit moves only at reviews or risk events; each step lists the reasons the model sees. An educational estimate.",
        ),
    );
}
