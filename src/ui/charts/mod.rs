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
    if value.abs() >= 10_000.0 { format!("¥{:.0}k", value / 1000.0) } else { format!("¥{value:.0}") }
}

/// The chart note every chart carries.
pub fn chart_note_ui(ui: &mut egui::Ui, env: &Env, text: &str) {
    ui.label(egui::RichText::new(text).small().color(env.palette.weak_text.color()));
}
