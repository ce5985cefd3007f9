//! The answer at a glance: the headline, status, score gauge, limits, the principal reasons and
//! the next steps with dates.

use egui::RichText;

use super::widgets::chip::chip_ui;
use super::widgets::evidence::evidence_ui;
use super::widgets::gauge::{Band, Gauge};
use super::{Env, i18n};
use crate::app::analysis::Analysis;
use crate::app::chart_data::x_day;
use crate::app::{AppState, Command, View};
use crate::domain::DataFile;
use crate::engine::{Effect, Explanation, Status};

/// At most this many reasons on the dashboard (the rest are on the why page).
pub const PRINCIPAL_REASONS: usize = 4;

/// The dashboard.
pub fn dashboard_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, out: &mut Vec<Command>) {
    let Some(doc) = state.document() else { return };
    let analysis = state.current_analysis();
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(env.sizes().max_content_width);
        match analysis {
            Some(analysis) => explained_ui(ui, env, &analysis.explanation, analysis, &doc.data, out),
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(env.t("正在计算……", "Calculating…"));
                });
            }
        }
    });
}

fn explained_ui(
    ui: &mut egui::Ui,
    env: &Env,
    explanation: &Explanation,
    analysis: &Analysis,
    data: &DataFile,
    out: &mut Vec<Command>,
) {
    let gap = env.sizes().section_gap;
    ui.set_width(ui.available_width().min(env.sizes().max_content_width));
    headline_ui(ui, env, explanation);
    ui.add_space(gap);
    ui.horizontal_top(|ui| {
        env.theme.card_frame(env.palette).show(ui, |ui| score_ui(ui, env, explanation));
        let last_observed = analysis.charts.observed.last().map(|p| (p.x, p.y));
        env.theme.card_frame(env.palette).show(ui, |ui| limits_ui(ui, env, explanation, last_observed));
        env.theme.card_frame(env.palette).show(ui, |ui| {
            ui.vertical(|ui| {
                ui.set_width(ui.available_width());
                next_steps_ui(ui, env, explanation);
            });
        });
    });
    ui.add_space(gap);
    env.theme.card_frame(env.palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        reasons_ui(ui, env, explanation, analysis, data, out);
    });
}

/// The colour of a status.
pub fn status_colour(env: &Env, status: Status) -> egui::Color32 {
    match status {
        Status::Zero => env.palette.zero,
        Status::Falling => env.palette.falling,
        Status::Stuck => env.palette.stuck,
        Status::Rising => env.palette.rising,
    }
    .color()
}

/// A reason's effect chip and its message, on one line (the overview and the why page).
pub fn reason_line_ui(ui: &mut egui::Ui, env: &Env, reason: &crate::engine::Reason) {
    chip_ui(
        ui,
        i18n::effect_name(env.lang, reason.effect),
        effect_colour(env, reason.effect),
        env.sizes().reason_chip_width,
    );
    ui.add(egui::Label::new(RichText::new(env.text(&reason.message)).strong()).wrap());
}

/// The colour of an effect.
pub fn effect_colour(env: &Env, effect: Effect) -> egui::Color32 {
    match effect {
        Effect::Blocks => env.palette.blocks,
        Effect::Lowers => env.palette.lowers,
        Effect::Holds => env.palette.holds,
        Effect::Raises => env.palette.raises,
    }
    .color()
}

fn headline_ui(ui: &mut egui::Ui, env: &Env, explanation: &Explanation) {
    env.theme.card_frame(env.palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            chip_ui(ui, i18n::status_name(env.lang, explanation.status), status_colour(env, explanation.status), 0.0);
            ui.label(
                RichText::new(format!("{} {}", env.t("截至", "As of"), explanation.as_of.format("%Y-%m-%d")))
                    .color(env.palette.weak_text.color()),
            );
        });
        ui.label(RichText::new(env.text(&explanation.headline)).size(env.sizes().headline).strong());
    });
}

fn score_ui(ui: &mut egui::Ui, env: &Env, explanation: &Explanation) {
    let p = env.palette;
    let bands = [
        Band { from: 0.0, colour: p.band_poor.color(), name: env.t("较差", "Poor") },
        Band { from: 1.0 / 3.0, colour: p.band_fair.color(), name: env.t("一般", "Fair") },
        Band { from: 0.5, colour: p.band_good.color(), name: env.t("良好", "Good") },
        Band { from: 2.0 / 3.0, colour: p.band_excellent.color(), name: env.t("优秀", "Excellent") },
    ];
    ui.vertical(|ui| {
        ui.set_width(env.sizes().gauge_width);
        ui.label(RichText::new(env.t("估算信用分", "Estimated score")).strong());
        let label = format!(
            "{} {} ({}–{})",
            env.t("估算信用分", "Estimated score"),
            explanation.score,
            explanation.score_min,
            explanation.score_max
        );
        Gauge {
            score: explanation.score,
            min: explanation.score_min,
            max: explanation.score_max,
            bands: &bands,
            width: env.sizes().gauge_width,
            thickness: env.sizes().gauge_thickness,
            track: p.gauge_track.color(),
            needle: p.gauge_needle.color(),
            label,
        }
        .ui(ui);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new(explanation.score.to_string()).size(env.sizes().big_number).strong());
            ui.label(
                RichText::new(format!("{} – {}", explanation.score_min, explanation.score_max))
                    .small()
                    .color(p.weak_text.color()),
            );
        });
        ui.horizontal_wrapped(|ui| {
            for band in &bands {
                ui.label(RichText::new("■").color(band.colour));
                ui.label(RichText::new(band.name).small());
            }
        });
    });
}

fn limits_ui(ui: &mut egui::Ui, env: &Env, explanation: &Explanation, last_observed: Option<(f64, f64)>) {
    let weak = env.palette.weak_text.color();
    ui.vertical(|ui| {
        ui.set_min_width(env.sizes().gauge_width);
        ui.label(RichText::new(env.t("估算额度", "Estimated limit")).strong());
        ui.label(RichText::new(explanation.limit.display_short()).size(env.sizes().big_number).strong());
        ui.label(
            RichText::new(env.t("模型估算，仅供学习参考", "Model estimate, for learning only")).small().color(weak),
        );
        ui.add_space(env.sizes().section_gap);
        ui.label(RichText::new(env.t("你看到的额度", "Limit you saw")).strong());
        match explanation.observed_limit {
            Some(observed) => ui.label(RichText::new(observed.display_short()).size(env.sizes().big_number)),
            None => ui.label(RichText::new(env.t("近 90 天未记录", "None recorded in the last 90 days")).color(weak)),
        };
        let source = match last_observed.and_then(|(x, yuan)| x_day(x).map(|day| (day, yuan))) {
            Some((day, yuan)) => {
                let money = crate::domain::Money::from_fen((yuan * 100.0).round() as i64);
                format!(
                    "{} {} · {}",
                    env.t("最近一次记录：", "Last recorded:"),
                    day.format("%Y-%m-%d"),
                    money.display_short()
                )
            }
            None => env.t("可在“记录 → 看到的额度”中添加", "Add it under Records → Observed limits").to_string(),
        };
        ui.label(RichText::new(source).small().color(weak));
    });
}

fn reasons_ui(
    ui: &mut egui::Ui,
    env: &Env,
    explanation: &Explanation,
    analysis: &Analysis,
    data: &DataFile,
    out: &mut Vec<Command>,
) {
    ui.heading(env.t("主要原因", "Principal reasons"));
    if explanation.reasons.is_empty() {
        ui.label(env.t("没有找到影响额度的原因。", "No reason affecting the limit was found."));
    }
    for (rank, reason) in explanation.principal_reasons().take(PRINCIPAL_REASONS).enumerate() {
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}.", rank + 1)).strong());
            reason_line_ui(ui, env, reason);
        });
        ui.label(RichText::new(weight_text(env, reason)).small().color(env.palette.weak_text.color()));
        if !reason.evidence.is_empty() {
            let title = format!("{} ({})", env.t("依据的记录", "Records behind it"), reason.evidence.len());
            egui::CollapsingHeader::new(title).id_salt(("reason", rank)).show(ui, |ui| {
                evidence_ui(ui, env.lang, &reason.evidence, analysis, data);
            });
        }
    }
    if !explanation.reasons.is_empty() {
        ui.separator();
        if ui.link(env.t("查看全部原因与规则 →", "All reasons and rules →")).clicked() {
            out.push(Command::Navigate(View::Why));
        }
    }
}

/// A reason's weight in words: `−90 分 · 约影响额度 ¥9,600`.
pub fn weight_text(env: &Env, reason: &crate::engine::Reason) -> String {
    let points = format!("{:+} {}", reason.points, env.t("分", "points"));
    match reason.money {
        Some(money) => format!(
            "{points} · {} {}",
            env.t("约影响额度", "about"),
            match env.lang {
                crate::domain::Lang::Zh => money.display_short(),
                crate::domain::Lang::En => format!("{} of limit", money.display_short()),
            }
        ),
        None => points,
    }
}

fn next_steps_ui(ui: &mut egui::Ui, env: &Env, explanation: &Explanation) {
    ui.heading(env.t("下一步", "Next steps"));
    let steps: Vec<_> = explanation.principal_reasons().filter(|r| !env.text(&r.next_step).is_empty()).collect();
    if steps.is_empty() {
        ui.label(env.t("保持按时还款即可。", "Keep paying on time."));
    }
    for reason in steps {
        let when = reason.next_step_on.or(reason.until);
        let when = when.map_or_else(|| env.t("现在", "Now").to_string(), |d| d.format("%Y-%m-%d").to_string());
        ui.label(RichText::new(when).monospace().strong().color(env.palette.accent.color()));
        ui.add(egui::Label::new(env.text(&reason.next_step)).wrap());
        ui.add_space(env.sizes().spacing);
    }
}
