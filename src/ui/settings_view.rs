//! Settings: language, theme, the data folder, the rules file and the backups.

use egui::RichText;

use super::{Env, i18n};
use crate::app::{AppState, Command, FilePurpose, ThemeChoice};
use crate::domain::Lang;

/// The settings view.
pub fn settings_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(env.sizes().max_content_width);
        let gap = env.sizes().section_gap;
        section_ui(ui, env, env.t("语言与外观", "Language and look"), |ui| appearance_ui(ui, env, state, out));
        ui.add_space(gap);
        section_ui(ui, env, env.t("数据", "Data"), |ui| data_ui(ui, env, state, out));
        ui.add_space(gap);
        section_ui(ui, env, env.t("规则", "Rules"), |ui| rules_ui(ui, env, state, out));
        ui.add_space(gap);
        section_ui(ui, env, env.t("备份", "Backups"), |ui| backups_ui(ui, env, state, out));
    });
}

fn section_ui(ui: &mut egui::Ui, env: &Env, title: &str, body: impl FnOnce(&mut egui::Ui)) {
    env.theme.card_frame(env.palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.heading(title);
        body(ui);
    });
}

fn appearance_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(env.t("语言", "Language"));
        for lang in Lang::ALL {
            if ui.selectable_label(state.lang == lang, i18n::lang_name(lang)).clicked() && state.lang != lang {
                out.push(Command::SetLang(lang));
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(env.t("主题", "Theme"));
        for (theme, name) in [(ThemeChoice::Light, env.t("浅色", "Light")), (ThemeChoice::Dark, env.t("深色", "Dark"))]
        {
            if ui.selectable_label(state.settings.theme == theme, name).clicked() && state.settings.theme != theme {
                out.push(Command::SetTheme(theme));
            }
        }
    });
}

fn data_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    ui.label(env.t("你的数据只保存在这个文件夹里：", "Your data lives only in this folder:"));
    ui.label(RichText::new(state.data_dir.display().to_string()).monospace());
    ui.horizontal(|ui| {
        if ui.button(env.t("在文件管理器中打开", "Open in the file manager")).clicked() {
            out.push(Command::OpenDataFolder);
        }
        let has_record = state.document().is_some();
        if ui.add_enabled(has_record, egui::Button::new(env.t("导出……", "Export…"))).clicked() {
            out.push(Command::PromptFile(FilePurpose::ExportData));
        }
        if ui.add_enabled(has_record, egui::Button::new(env.t("导出报告……", "Export report…"))).clicked() {
            out.push(Command::PromptFile(FilePurpose::ExportReport));
        }
        if ui.button(env.t("导入数据文件……", "Import a data file…")).clicked() {
            out.push(Command::PromptFile(FilePurpose::ImportData));
        }
        if ui.add_enabled(has_record, egui::Button::new(env.t("导入账单……", "Import bill export…"))).clicked()
        {
            out.push(Command::PromptFile(FilePurpose::ImportBill));
        }
    });
}

fn rules_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    match &state.settings.rules_file {
        None => ui.label(format!("{} {}", env.t("使用内置规则：", "Using the built-in rules:"), state.rules.name)),
        Some(path) => ui.label(format!("{} {}", env.t("使用自定义规则：", "Using custom rules:"), path.display())),
    };
    if let Some(error) = &state.rules_error {
        ui.label(
            RichText::new(format!(
                "{} {error}",
                env.t("规则文件有误，已改用内置规则：", "The rules file has errors; the built-in rules are used:")
            ))
            .color(env.palette.error.color()),
        );
    }
    ui.horizontal(|ui| {
        if ui.button(env.t("选择规则文件……", "Choose a rules file…")).clicked() {
            out.push(Command::PromptFile(FilePurpose::OpenRules));
        }
        if ui
            .add_enabled(
                state.settings.rules_file.is_some(),
                egui::Button::new(env.t("改回内置规则", "Back to the built-in rules")),
            )
            .clicked()
        {
            out.push(Command::UseBuiltInRules);
        }
    });
}

fn backups_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    ui.label(env.t(
        "每次保存前都会把上一版存为备份。恢复后，当前版本也会先存为备份。",
        "Every save keeps the previous version as a backup. Restoring also keeps the current version first.",
    ));
    let backups = &state.backups;
    if backups.is_empty() {
        ui.label(env.t("还没有备份。", "No backups yet."));
        return;
    }
    egui::Grid::new("backups").striped(true).show(ui, |ui| {
        for backup in backups.iter().take(20) {
            ui.label(RichText::new(backup.saved_at.format("%Y-%m-%d %H:%M:%S").to_string()).monospace());
            match backup.record_count {
                Some(count) => ui.label(format!("{count} {}", env.t("条记录", "records"))),
                None => ui.label(env.t("无法读取", "unreadable")),
            };
            let restore = ui.add_enabled(backup.record_count.is_some(), egui::Button::new(env.t("恢复", "Restore")));
            if restore.clicked() {
                out.push(Command::RestoreBackup(backup.path.clone()));
            }
            ui.end_row();
        }
    });
}
