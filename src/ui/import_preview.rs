//! The bill import preview: reading progress, then what the export would add (rows the person
//! can leave out), what is already in the record, what was left out and why; or why the file
//! was refused. Confirm and Cancel are commands; nothing is saved before Confirm.

use egui::RichText;

use super::{Env, i18n};
use crate::app::Command;
use crate::app::bill_import::{BillImport, ImportStage, Preview};
use crate::domain::Lang;
use crate::import::{Conflict, PlannedRecord, RowKind};

/// The preview, as a modal window.
pub fn import_preview_ui(ctx: &egui::Context, env: &Env, import: &BillImport, out: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("bill_import")).show(ctx, |ui| {
        let width = env.sizes().max_content_width.min(ctx.content_rect().width() * 0.9);
        ui.set_width(width);
        ui.set_max_width(width);
        ui.heading(format!("{}{}", env.t("导入账单：", "Import bill export: "), import.file_name));
        match &import.stage {
            ImportStage::Reading => reading_ui(ui, env, import, out),
            ImportStage::Failed(reason) => failed_ui(ui, env, env.text(reason), out),
            ImportStage::Preview(preview) => preview_ui(ui, env, preview, out),
        }
    });
    if modal.should_close() {
        out.push(Command::CancelImport);
    }
}

fn reading_ui(ui: &mut egui::Ui, env: &Env, import: &BillImport, out: &mut Vec<Command>) {
    let (done, total) = import.progress();
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(env.t("正在读取账单……", "Reading the bill…"));
    });
    let fraction = if total == 0 { 0.0 } else { done as f32 / total as f32 };
    let text = format!("{done} / {total} {}", env.t("行", "rows"));
    ui.add(egui::ProgressBar::new(fraction).text(text));
    // The reading thread finishes on its own; its result is dropped.
    if ui.button(env.t("取消", "Cancel")).clicked() {
        out.push(Command::CancelImport);
    }
}

fn failed_ui(ui: &mut egui::Ui, env: &Env, reason: &str, out: &mut Vec<Command>) {
    ui.label(
        RichText::new(env.t("无法导入这个文件，什么也没改：", "This file cannot be imported; nothing was changed:"))
            .strong()
            .color(env.palette.error.color()),
    );
    ui.label(RichText::new(reason).color(env.palette.error.color()));
    if ui.button(env.t("关闭", "Close")).clicked() {
        out.push(Command::CancelImport);
    }
}

fn preview_ui(ui: &mut egui::Ui, env: &Env, preview: &Preview, out: &mut Vec<Command>) {
    summary_ui(ui, env, preview);
    ui.add_space(env.sizes().spacing);
    rows_ui(ui, env, preview, out);
    ui.add_space(env.sizes().spacing);
    ignored_ui(ui, env, preview);
    ui.add_space(env.sizes().spacing);
    ui.horizontal(|ui| {
        let adding = preview.adding();
        let confirm = match env.lang {
            Lang::Zh => format!("确认导入 {adding} 条"),
            Lang::En => format!("Import {adding} records"),
        };
        if ui.add_enabled(adding > 0, egui::Button::new(confirm)).clicked() {
            out.push(Command::ConfirmImport);
        }
        if ui.button(env.t("取消", "Cancel")).clicked() {
            out.push(Command::CancelImport);
        }
    });
}

fn summary_ui(ui: &mut egui::Ui, env: &Env, preview: &Preview) {
    let plan = &preview.plan;
    let count = |kind: RowKind| plan.items.iter().filter(|i| i.record.kind() == kind).count();
    let (draws, repayments) = (count(RowKind::Draw), count(RowKind::Repayment));
    let source = plan.source.name(env.lang);
    let covers = preview.covered_until.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    ui.label(match env.lang {
        Lang::Zh => format!("{source}账单，共 {} 行，截至 {covers}。", plan.rows_read),
        Lang::En => format!("{source} bill, {} rows, up to {covers}.", plan.rows_read),
    });
    ui.label(match env.lang {
        Lang::Zh => format!("识别出 {} 条借还记录：借款 {draws} 笔，还款 {repayments} 笔。", plan.items.len()),
        Lang::En => format!("Recognised {} credit rows: {draws} draws, {repayments} repayments.", plan.items.len()),
    });
    let duplicates = preview.duplicates();
    if duplicates > 0 {
        ui.label(match env.lang {
            Lang::Zh => format!("已在记录中（跳过）：{duplicates} 条。"),
            Lang::En => format!("Already in your record (skipped): {duplicates}."),
        });
    }
    if preview.new_rows() == 0 {
        ui.label(
            RichText::new(env.t(
                "没有新的记录：这个账单里的借还记录都已在你的记录中。",
                "Nothing new: every credit row of this bill is already in your record.",
            ))
            .strong(),
        );
    }
    if !plan.new_accounts.is_empty() {
        let names: Vec<&str> = plan.new_accounts.iter().map(|a| a.lender.as_str()).collect();
        ui.label(format!("{}{}", env.t("将新建账户：", "New accounts: "), names.join(env.t("、", ", "))));
    }
    if plan.items.iter().any(|i| i.uses_default_terms && i.duplicate_of.is_none()) {
        ui.label(RichText::new(env.t(
            "账单不写借款期限：借款按规则的默认期限导入，之后可在记录中修改；账单最后一天之后的还款计划不计为逾期。",
            "Bills do not show loan terms: draws get the rules' default term (edit them in Records); \
             instalments after the bill's last day are not counted as overdue.",
        ))
        .small()
        .color(env.palette.weak_text.color()));
    }
}

fn rows_ui(ui: &mut egui::Ui, env: &Env, preview: &Preview, out: &mut Vec<Command>) {
    let items = &preview.plan.items;
    if items.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        for (label, selected) in [(env.t("全选", "Select all"), true), (env.t("全不选", "Select none"), false)] {
            if ui.button(label).clicked() {
                let addable =
                    items.iter().enumerate().filter(|(_, i)| i.duplicate_of.is_none() && i.conflict.is_none());
                out.extend(addable.map(|(index, _)| Command::SelectImportRow(index, selected)));
            }
        }
    });
    let height = env.sizes().row_height;
    // Row 0 is the column header; it scrolls with the rows, which keeps the columns aligned.
    egui::ScrollArea::vertical().id_salt("bill_rows").max_height(height * 10.0).auto_shrink([false, true]).show_rows(
        ui,
        height,
        items.len() + 1,
        |ui, range| {
            egui::Grid::new("bill_rows").striped(true).num_columns(6).show(ui, |ui| {
                for index in range {
                    match index.checked_sub(1) {
                        None => header_ui(ui, env),
                        Some(item) => row_ui(ui, env, item, &items[item], out),
                    }
                    ui.end_row();
                }
            });
        },
    );
}

fn header_ui(ui: &mut egui::Ui, env: &Env) {
    let names = [
        env.t("添加", "Add"),
        env.t("类型", "Kind"),
        env.t("时间", "Time"),
        env.t("金额", "Amount"),
        env.t("机构", "Lender"),
        env.t("状态", "Status"),
    ];
    for name in names {
        ui.label(RichText::new(name).strong());
    }
}

fn row_ui(ui: &mut egui::Ui, env: &Env, index: usize, item: &PlannedRecord, out: &mut Vec<Command>) {
    let mut selected = item.will_be_added();
    let label = match env.lang {
        Lang::Zh => format!("第 {} 行", item.line),
        Lang::En => format!("line {}", item.line),
    };
    let addable = item.duplicate_of.is_none() && item.conflict.is_none();
    if ui.add_enabled(addable, egui::Checkbox::new(&mut selected, label)).changed() {
        out.push(Command::SelectImportRow(index, selected));
    }
    ui.label(kind_name(env.lang, item.record.kind()));
    ui.label(item.record.at().format("%Y-%m-%d %H:%M").to_string());
    ui.label(RichText::new(item.record.amount().display_yuan()).monospace());
    ui.label(item.lender.as_str());
    let status = match (&item.duplicate_of, &item.conflict) {
        (Some(id), _) => {
            let text = format!("{}{id}", env.t("已在记录中：", "already in your record: "));
            RichText::new(text).color(env.palette.weak_text.color())
        }
        (None, Some(conflict)) => {
            // Long: shown cut to the column, in full on hover.
            let why = conflict_text(env.lang, conflict);
            let text = RichText::new(format!("{}{why}", env.t("无法按原样添加：", "cannot add as is: ")));
            ui.scope(|ui| {
                ui.set_max_width(env.sizes().form_width);
                ui.add(egui::Label::new(text.color(env.palette.error.color())).truncate()).on_hover_text(why);
            });
            return;
        }
        (None, None) if item.account_is_new => RichText::new(env.t("新记录（新账户）", "new (new account)")),
        (None, None) => RichText::new(env.t("新记录", "new")),
    };
    ui.label(status);
}

/// Why a row cannot be added, in `lang` (the import module words it in English).
fn conflict_text(lang: Lang, conflict: &Conflict) -> String {
    match (lang, conflict) {
        (Lang::Zh, Conflict::BeforeOpened { account, opened, day }) => {
            format!("借款日 {day} 早于账户“{account}”的开户日 {opened}；把开户日改早后即可导入")
        }
        (Lang::Zh, Conflict::AfterClosed { account, closed, day }) => {
            format!("借款日 {day} 晚于账户“{account}”的关闭日 {closed}；清除或改晚关闭日后即可导入")
        }
        (Lang::En, conflict) => conflict.to_string(),
    }
}

fn kind_name(lang: Lang, kind: RowKind) -> &'static str {
    match kind {
        RowKind::Draw => i18n::tr(lang, "借款", "draw"),
        RowKind::Repayment => i18n::tr(lang, "还款", "repayment"),
    }
}

fn ignored_ui(ui: &mut egui::Ui, env: &Env, preview: &Preview) {
    let total: usize = preview.plan.ignored.iter().map(|(_, n)| n).sum();
    let title = match env.lang {
        Lang::Zh => format!("未导入的行：{total} 行（不是借款或还款）"),
        Lang::En => format!("Rows left out: {total} (not borrowing or repaying)"),
    };
    ui.label(RichText::new(title).strong());
    for (reason, count) in &preview.plan.ignored {
        let examples = preview.ignored_examples.iter().find(|(r, _)| r == reason).map(|(_, rows)| rows);
        let shown: Vec<String> = examples
            .into_iter()
            .flatten()
            .map(|row| format!("{} {} {}", row.at.format("%Y-%m-%d"), row.description, row.amount.display_yuan()))
            .collect();
        // One line per reason: its count, then examples cut to the window (in full on hover).
        ui.horizontal(|ui| {
            ui.label(format!("{}{}{count}", reason.label(env.lang), env.t("：", ": ")));
            let text = RichText::new(format!("{}{}", env.t("例如 ", "e.g. "), shown.join(env.t("；", "; "))));
            ui.add(egui::Label::new(text.small().color(env.palette.weak_text.color())).truncate());
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_read_in_both_languages() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2023, 1, d).unwrap_or_default();
        let conflict = Conflict::BeforeOpened { account: "jiebei".into(), opened: day(20), day: day(15) };
        let zh = conflict_text(Lang::Zh, &conflict);
        assert!(zh.contains("2023-01-15") && zh.contains("2023-01-20") && zh.contains("jiebei"), "{zh}");
        assert_eq!(conflict_text(Lang::En, &conflict), conflict.to_string());
    }
}
