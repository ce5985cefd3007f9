//! The data file could not be read: say what happened and offer the backups.

use egui::RichText;

use super::Env;
use crate::app::{Command, Recovery};

/// The recovery page.
pub fn recovery_ui(ui: &mut egui::Ui, env: &Env, recovery: &Recovery, out: &mut Vec<Command>) {
    env.theme.card_frame(env.palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.heading(
            RichText::new(env.t("你的数据文件无法读取", "Your data file could not be read"))
                .color(env.palette.error.color()),
        );
        ui.label(env.t(
            "没有丢失任何东西：这个文件已原样移到一旁，你可以从备份恢复。",
            "Nothing was lost: the file was moved aside as it was, and you can restore a backup.",
        ));
        ui.label(format!("{} {}", env.t("移到了：", "Moved to:"), recovery.moved_aside.display()));
        egui::CollapsingHeader::new(env.t("出了什么问题", "What was wrong")).show(ui, |ui| {
            for problem in recovery.problems.iter().take(20) {
                ui.label(RichText::new(problem).monospace());
            }
        });
    });
    ui.add_space(env.sizes().section_gap);
    ui.heading(env.t("备份", "Backups"));
    if recovery.backups.is_empty() {
        ui.label(env.t("没有备份。", "There are no backups."));
    }
    egui::Grid::new("recovery_backups").striped(true).show(ui, |ui| {
        for backup in &recovery.backups {
            ui.label(backup.saved_at.format("%Y-%m-%d %H:%M:%S UTC").to_string());
            match backup.record_count {
                Some(count) => {
                    ui.label(format!("{count} {}", env.t("条记录", "records")));
                    if ui.button(env.t("恢复这个备份", "Restore this backup")).clicked() {
                        out.push(Command::RestoreBackup(backup.path.clone()));
                    }
                }
                None => {
                    ui.label(env.t("无法读取", "unreadable"));
                    ui.label("");
                }
            }
            ui.end_row();
        }
    });
    ui.add_space(env.sizes().section_gap);
    if ui.button(env.t("不恢复，重新开始", "Start again without restoring")).clicked() {
        out.push(Command::DismissRecovery);
    }
}
