//! Every reason, each expandable to the records behind it, the rule that fired and when it
//! stops counting.

use egui::RichText;

use super::Env;
use super::dashboard::{reason_line_ui, weight_text};
use super::widgets::evidence::evidence_ui;
use crate::app::AppState;
use crate::engine::{Explanation, Reason};

/// The why page.
pub fn why_ui(ui: &mut egui::Ui, env: &Env, state: &AppState) {
    let Some(doc) = state.document() else { return };
    let Some(analysis) = state.current_analysis() else { return };
    ui.heading(env.t("所有原因", "Every reason"));
    let explanation = &analysis.explanation;
    ui.label(
        RichText::new(env.t(
            "按影响大小排列。每条原因都列出它依据的记录、触发的规则，以及它何时不再计入。",
            "Ranked by weight. Each lists the records behind it, the rule that fired, and when it stops counting.",
        ))
        .color(env.palette.weak_text.color()),
    );
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(env.sizes().max_content_width);
        for (rank, reason) in explanation.reasons.iter().enumerate() {
            env.theme.card_frame(env.palette).show(ui, |ui| {
                ui.set_width(ui.available_width());
                reason_ui(ui, env, rank, reason, |ui| evidence_ui(ui, env.lang, &reason.evidence, analysis, &doc.data));
            });
            ui.add_space(env.sizes().spacing);
        }
        negative_records_ui(ui, env, explanation);
        ui.add_space(env.sizes().spacing);
        factors_ui(ui, env, explanation);
    });
}

fn reason_ui(ui: &mut egui::Ui, env: &Env, rank: usize, reason: &Reason, evidence: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal(|ui| reason_line_ui(ui, env, reason));
    let header = format!("{} · {}", reason.code.as_str(), env.t("详情", "Details"));
    egui::CollapsingHeader::new(header).id_salt(("why", rank)).show(ui, |ui| {
        egui::Grid::new(("why_grid", rank)).num_columns(2).show(ui, |ui| {
            ui.label(env.t("权重", "Weight"));
            ui.label(weight_text(env, reason));
            ui.end_row();
            ui.label(env.t("规则", "Rule"));
            ui.label(env.text(&reason.rule));
            ui.end_row();
            ui.label(env.t("何时不再计入", "Stops counting"));
            ui.label(reason.until.map_or_else(
                || env.t("只要情况不变就一直计入", "As long as things stay as they are").to_string(),
                |d| d.format("%Y-%m-%d").to_string(),
            ));
            ui.end_row();
            ui.label(env.t("下一步", "Next step"));
            let when = reason.next_step_on.map(|d| format!("{} · ", d.format("%Y-%m-%d"))).unwrap_or_default();
            ui.label(format!("{when}{}", env.text(&reason.next_step)));
            ui.end_row();
        });
        ui.label(RichText::new(env.t("依据的记录", "Records behind it")).strong());
        evidence(ui);
    });
}

fn factors_ui(ui: &mut egui::Ui, env: &Env, explanation: &Explanation) {
    env.theme.card_frame(env.palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.heading(env.t("各项得分", "Points by factor"));
        egui::Grid::new("factors").striped(true).show(ui, |ui| {
            for factor in &explanation.factors {
                ui.label(env.text(&factor.name));
                let fraction =
                    if factor.max_points > 0 { factor.points as f32 / factor.max_points as f32 } else { 0.0 };
                ui.add(
                    egui::ProgressBar::new(fraction.clamp(0.0, 1.0))
                        .desired_width(env.sizes().field_width)
                        .text(format!("{} / {}", factor.points, factor.max_points)),
                );
                ui.end_row();
            }
        });
    });
}

/// At most this many overdue records are listed, the most recent first.
const SHOWN: usize = 20;

fn negative_records_ui(ui: &mut egui::Ui, env: &Env, explanation: &Explanation) {
    env.theme.card_frame(env.palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.heading(env.t("征信上的逾期记录", "Overdue records on the credit report"));
        ui.label(
            RichText::new(env.t(
                "不良记录在逾期结清后保留五年（《征信业管理条例》第十六条）。",
                "Negative records stay for five years after the overdue ends (Credit Reporting Regulations, art. 16).",
            ))
            .small()
            .color(env.palette.weak_text.color()),
        );
        if explanation.negative_records.is_empty() {
            ui.label(env.t("没有逾期记录。", "No overdue records."));
            return;
        }
        egui::Grid::new("negative_records").striped(true).show(ui, |ui| {
            for heading in [
                env.t("记录", "Record"),
                env.t("机构", "Lender"),
                env.t("首次逾期", "First missed"),
                env.t("最长逾期天数", "Worst days late"),
                env.t("结清日", "Settled"),
                env.t("何时消除", "Ages out"),
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            let date = |d: Option<chrono::NaiveDate>, none: &'static str| {
                d.map_or(none.to_string(), |d| d.format("%Y-%m-%d").to_string())
            };
            for record in explanation.negative_records.iter().rev().take(SHOWN) {
                ui.label(&record.source_id);
                ui.label(&record.lender);
                ui.label(record.first_due.format("%Y-%m-%d").to_string());
                ui.label(record.days_past_due.to_string());
                ui.label(date(record.ended, env.t("仍在逾期", "still overdue")));
                ui.label(date(record.ages_out, env.t("结清后五年", "five years after settling")));
                ui.end_row();
            }
        });
        let total = explanation.negative_records.len();
        if total > SHOWN {
            ui.label(format!("{} {SHOWN} / {total}", env.t("显示最近的", "Showing the most recent")));
        }
    });
}
