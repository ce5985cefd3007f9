//! The engine's plan: the fewest actions that lift a zero limit or unstick a stuck one, the
//! earliest day they work together and each on its own, and a button that puts them into the
//! controls.

use egui::RichText;

use super::controls::Drafts;
use crate::app::AppState;
use crate::domain::{DataFile, Lang};
use crate::ui::{Env, i18n};

/// The plan card.
pub fn plan_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, data: &DataFile, drafts: &mut Drafts) {
    ui.horizontal(|ui| {
        ui.heading(env.t("计划", "Plan"));
        if state.whatif.is_planning() {
            ui.spinner();
            ui.label(
                RichText::new(env.t("正在寻找最少的行动……", "Looking for the fewest actions…"))
                    .color(env.palette.weak_text.color()),
            );
        }
    });
    let Some(view) = state.whatif.plan() else { return };
    let Some(plan) = &view.plan else {
        ui.label(env.t(
            "额度正在上升，不需要计划：保持现在的做法。",
            "The limit is rising; no plan is needed: keep doing what you do.",
        ));
        return;
    };
    ui.label(RichText::new(env.text(&plan.summary)).size(env.sizes().heading).strong());
    egui::Grid::new("plan_steps").num_columns(3).spacing([env.sizes().section_gap, env.sizes().spacing]).show(
        ui,
        |ui| {
            for (i, step) in plan.steps.iter().enumerate() {
                ui.label(RichText::new(format!("{}.", i + 1)).strong());
                ui.label(env.text(&step.label));
                let answers = i18n::reason_code_name(env.lang, step.answers);
                let alone = match (view.alone.get(i).copied().flatten(), env.lang) {
                    (Some(day), Lang::Zh) => format!("针对：{answers} · 单独做：最早 {day}"),
                    (Some(day), Lang::En) => format!("answers: {answers} · on its own: from {day}"),
                    (None, Lang::Zh) => format!("针对：{answers} · 单独做还不够"),
                    (None, Lang::En) => format!("answers: {answers} · not enough on its own"),
                };
                ui.label(RichText::new(alone).color(env.palette.weak_text.color()));
                ui.end_row();
            }
        },
    );
    if !plan.steps.is_empty() && ui.button(env.t("把计划放进上面的控件", "Put the plan into the controls")).clicked()
    {
        let actions: Vec<_> = plan.steps.iter().map(|s| s.action.clone()).collect();
        *drafts = Drafts::with_actions(data, env.today, &actions);
    }
}
