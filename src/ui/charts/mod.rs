//! Charts: the score and limit over time, card utilisation, debt by lender, a repayment
//! punctuality calendar, and a waterfall of why the limit moved between two months.
//! Series come from the cached analysis; nothing here walks the records.

pub mod calendar;
pub mod debt;
pub mod history;
pub mod utilisation;
pub mod waterfall;

use egui_plot::GridMark;

use super::Env;
use crate::app::AppState;
use crate::app::chart_data::x_day;

/// The charts, in tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChartTab {
    /// Score and limit over time.
    #[default]
    History,
    /// How the limit moved between two months.
    Waterfall,
    /// Card utilisation over time.
    Utilisation,
    /// What is owed, per lender.
    Debt,
    /// Every due, month by month.
    Punctuality,
}

impl ChartTab {
    const ALL: [ChartTab; 5] =
        [ChartTab::History, ChartTab::Waterfall, ChartTab::Utilisation, ChartTab::Debt, ChartTab::Punctuality];

    fn name(self, env: &Env) -> &'static str {
        match self {
            ChartTab::History => env.t("分数与额度", "Score and limit"),
            ChartTab::Waterfall => env.t("额度为何变化", "Why the limit moved"),
            ChartTab::Utilisation => env.t("信用卡使用率", "Card utilisation"),
            ChartTab::Debt => env.t("各机构欠款", "Debt by lender"),
            ChartTab::Punctuality => env.t("还款准时日历", "Punctuality calendar"),
        }
    }
}

/// Which chart is shown, and the waterfall's months.
#[derive(Default)]
pub struct ChartsState {
    /// The chart shown.
    pub tab: ChartTab,
    /// The waterfall's months, as indexes into the timeline (`None`: a year ago / the last).
    pub waterfall: waterfall::WaterfallState,
}

/// The charts view.
pub fn charts_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, charts: &mut ChartsState) {
    ui.horizontal(|ui| {
        for tab in ChartTab::ALL {
            if ui.selectable_label(charts.tab == tab, tab.name(env)).clicked() {
                charts.tab = tab;
            }
        }
    });
    ui.separator();
    let Some(analysis) = state.current_analysis() else {
        ui.spinner();
        return;
    };
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| match charts.tab {
        ChartTab::History => history::history_ui(ui, env, analysis),
        ChartTab::Waterfall => waterfall::waterfall_ui(ui, env, analysis, &mut charts.waterfall),
        ChartTab::Utilisation => utilisation::utilisation_ui(ui, env, &analysis.charts),
        ChartTab::Debt => debt::debt_ui(ui, env, &analysis.charts),
        ChartTab::Punctuality => calendar::calendar_ui(ui, env, &analysis.charts),
    });
}

/// Formats an x grid mark (days since 1970) as a month: `2025-03`.
pub fn month_axis(mark: GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    x_day(mark.value).map(|d| d.format("%Y-%m").to_string()).unwrap_or_default()
}

/// Formats a y grid mark as yuan: `¥12,000` (`¥12k` above ten thousand).
pub fn yuan_axis(mark: GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    let value = mark.value;
    if value.abs() >= 10_000.0 {
        format!("¥{:.0}k", value / 1000.0)
    } else {
        // Whole yuan with a thousands separator: ¥5,000.
        let whole = value.round() as i64;
        let digits = whole.unsigned_abs().to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{}¥{grouped}", if whole < 0 { "-" } else { "" })
    }
}

/// Grid steps for a money axis: at most about five labelled steps of 1, 2 or 5 × a power of ten
/// yuan, so a chart a few lines high still says how much (egui_plot's default powers of ten leave
/// only ¥0 labelled on a ¥0–¥9,000 axis).
pub fn yuan_grid_spacer(input: egui_plot::GridInput) -> [f64; 3] {
    let span = (input.bounds.1 - input.bounds.0).abs().max(1.0);
    let raw = span / 5.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power);
    [step, step * 5.0, step * 10.0]
}

/// The chart note every chart carries.
pub fn chart_note_ui(ui: &mut egui::Ui, env: &Env, text: &str) {
    ui.label(egui::RichText::new(text).small().color(env.palette.weak_text.color()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_axis_labels_read_as_yuan_with_separators() {
        let label = |value: f64| yuan_axis(GridMark { value, step_size: 1000.0 }, &(0.0..=1.0));
        assert_eq!(label(5000.0), "¥5,000");
        assert_eq!(label(800.0), "¥800");
        assert_eq!(label(0.0), "¥0");
        assert_eq!(label(20_000.0), "¥20k");
    }

    #[test]
    fn a_short_money_axis_gets_a_few_round_steps() {
        let steps = |to: f64| yuan_grid_spacer(egui_plot::GridInput { bounds: (0.0, to), base_step_size: 1.0 });
        assert!(steps(6_600.0).contains(&2_000.0) || steps(6_600.0).contains(&5_000.0));
        assert!(steps(300_000.0).contains(&100_000.0));
        assert!(steps(0.0).iter().all(|s| *s > 0.0));
    }
}
