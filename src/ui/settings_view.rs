//! Settings: language, theme, the data folder, the rules file and the backups.

use super::Env;
use crate::app::{AppState, Command};

/// The settings view.
pub fn settings_ui(ui: &mut egui::Ui, env: &Env, _state: &AppState, _out: &mut Vec<Command>) {
    ui.label(env.t("设置", "Settings"));
}
