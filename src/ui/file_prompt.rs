//! Choosing a file: the native dialog when the system has one, and always a typed path.

use std::path::PathBuf;

use super::Env;
use crate::app::{AppState, Command, FilePurpose};

/// The typed path, kept while the prompt is open.
#[derive(Default)]
pub struct PromptState {
    /// What is typed.
    pub path: String,
}

/// The prompt, as a modal window.
pub fn file_prompt_ui(
    ctx: &egui::Context,
    env: &Env,
    purpose: FilePurpose,
    state: &AppState,
    prompt: &mut PromptState,
    out: &mut Vec<Command>,
) {
    let title = match purpose {
        FilePurpose::ImportData => env.t("导入数据文件", "Import a data file"),
        FilePurpose::ExportData => env.t("导出数据文件", "Export the data file"),
        FilePurpose::ExportReport => env.t("导出可打印的报告（HTML）", "Export a printable report (HTML)"),
        FilePurpose::OpenRules => env.t("使用自定义规则文件", "Use a custom rules file"),
        FilePurpose::ImportBill => env.t("导入账单", "Import bill export"),
    };
    egui::Modal::new(egui::Id::unique("file_prompt")).show(ctx, |ui| {
        ui.set_width(env.sizes().form_width * 1.5);
        ui.heading(title);
        if purpose == FilePurpose::ImportData {
            ui.label(env.t(
                "导入会替换当前记录；当前记录会保存为备份。",
                "Importing replaces the current record; the current one is kept as a backup.",
            ));
        }
        if purpose == FilePurpose::ImportBill {
            ui.label(env.t(
                "支付宝“交易明细”CSV，或微信支付“账单明细”CSV / Excel。保存前会先显示预览。",
                "An Alipay 交易明细 CSV, or a WeChat Pay 账单明细 CSV or Excel file. You see a preview before anything is saved.",
            ));
        }
        let label = ui.label(env.t("文件路径", "File path"));
        let field =
            ui.add(egui::TextEdit::singleline(&mut prompt.path).desired_width(f32::INFINITY)).labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ok = ui.add_enabled(!prompt.path.trim().is_empty(), egui::Button::new(env.t("确定", "OK")));
            if (ok.clicked() || entered) && !prompt.path.trim().is_empty() {
                out.push(Command::UseFile(purpose, PathBuf::from(prompt.path.trim())));
            }
            let browse = ui.add_enabled(!state.dialog_open, egui::Button::new(env.t("浏览……", "Browse…")));
            if browse.clicked() {
                out.push(Command::BrowseFile(purpose));
            }
            if ui.button(env.t("取消", "Cancel")).clicked() {
                out.push(Command::CancelFilePrompt);
            }
        });
        if state.dialog_open {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(env.t("系统文件对话框已打开……", "The system file dialog is open…"));
            });
        }
        if let Some(notice) = &state.notice {
            ui.label(env.text(&notice.text));
        }
        if purpose == FilePurpose::OpenRules
            && let Some(error) = &state.rules_error
        {
            ui.label(egui::RichText::new(error).color(env.palette.error.color()));
        }
    });
}
