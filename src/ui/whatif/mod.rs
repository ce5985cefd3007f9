//! What if: controls for each of the engine's actions, the projected score, limit and status
//! beside the path as things stand, and the engine's plan. Projections run off the UI thread
//! (`app::whatif`); the view compares what its controls say with what was last asked for and
//! asks again only when they differ, so a frame never computes anything.

pub mod chart;
pub mod controls;
pub mod plan;

use egui::RichText;

use super::{Env, i18n};
use crate::app::whatif::Projected;
use crate::app::{AppState, Command};
use crate::engine::whatif::Projection;
use controls::Drafts;

/// The controls' state, kept between frames.
#[derive(Default)]
pub struct WhatIfState {
    /// What the person typed and chose.
    pub drafts: Drafts,
}

/// The what-if view.
pub fn whatif_ui(ui: &mut egui::Ui, env: &Env, state: &AppState, view: &mut WhatIfState, out: &mut Vec<Command>) {
    let Some(doc) = state.document() else { return };
    let data = &doc.data;
    let fits = view.drafts.for_as_of == Some(env.today)
        && data.account(&view.drafts.repay_account).is_some()
        && data.account(&view.drafts.close_account).is_some();
    if !fits {
        view.drafts = Drafts::fresh(data, env.today);
    }
    let actions = view.drafts.actions(env.today);
    let asked = state.whatif.asked();
    if asked
        .is_none_or(|(generation, as_of, asked)| generation != doc.generation || as_of != env.today || asked != actions)
    {
        out.push(Command::WhatIf(actions));
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(env.sizes().max_content_width);
        ui.label(RichText::new(env.t("假如这样做，会怎样？", "What if you act?")).size(env.sizes().headline).strong());
        ui.label(
            RichText::new(env.t(
                "打开下面的行动，右边的图会比较“照现在这样”和“这样做”之后 24 个月的分数、额度和状态。",
                "Switch on actions below; the charts compare the next 24 months as things stand and with your actions.",
            ))
            .color(env.palette.weak_text.color()),
        );
        ui.add_space(env.sizes().section_gap);
        ui.horizontal_top(|ui| {
            env.theme.card_frame(env.palette).show(ui, |ui| {
                ui.set_width(env.sizes().form_width);
                ui.vertical(|ui| controls::controls_ui(ui, env, data, &mut view.drafts));
            });
            ui.vertical(|ui| projection_ui(ui, env, state));
        });
        ui.add_space(env.sizes().section_gap);
        env.theme.card_frame(env.palette).show(ui, |ui| {
            ui.set_width(ui.available_width());
            plan::plan_ui(ui, env, state, data, &mut view.drafts);
        });
    });
}

fn projection_ui(ui: &mut egui::Ui, env: &Env, state: &AppState) {
    let (baseline, projected) = (state.whatif.baseline(), state.whatif.projected());
    ui.horizontal(|ui| {
        ui.heading(env.t("未来 24 个月", "The next 24 months"));
        if state.whatif.is_projecting() {
            ui.spinner();
            ui.label(RichText::new(env.t("正在计算……", "Calculating…")).color(env.palette.weak_text.color()));
        }
    });
    let (Some(baseline), Some(projected)) = (baseline, projected) else { return };
    summary_ui(ui, env, baseline, projected);
    let scale = state.current_analysis().map_or((350, 950), |a| (a.explanation.score_min, a.explanation.score_max));
    chart::chart_ui(ui, env, &baseline.projection, &projected.projection, scale);
}

/// The numbers at a glance, as sentences a reader (and a test) can find.
fn summary_ui(ui: &mut egui::Ui, env: &Env, baseline: &Projected, projected: &Projected) {
    let line = |projection: &Projection, zh: &str, en: &str| {
        let Some(end) = projection.path.last() else { return String::new() };
        let status = i18n::status_name(env.lang, end.status);
        match env.lang {
            crate::domain::Lang::Zh => {
                format!("{zh}：24 个月后 分数 {} · 额度 {} · {status}", end.score, end.limit.display_short())
            }
            crate::domain::Lang::En => {
                format!("{en}, in 24 months: score {} · limit {} · {status}", end.score, end.limit.display_short())
            }
        }
    };
    ui.label(
        RichText::new(line(&baseline.projection, "照现在这样", "As things stand")).color(env.palette.weak_text.color()),
    );
    ui.label(
        RichText::new(line(&projected.projection, "这样做", "With these actions"))
            .strong()
            .color(env.palette.accent.color()),
    );
    let when = projected
        .projection
        .first_above_zero
        .map(|d| (d, true))
        .or(projected.projection.first_raise.map(|d| (d, false)));
    let text = match (when, env.lang) {
        (Some((day, true)), crate::domain::Lang::Zh) => format!("额度最早 {day} 恢复到零以上"),
        (Some((day, true)), crate::domain::Lang::En) => format!("The limit is above zero from {day}"),
        (Some((day, false)), crate::domain::Lang::Zh) => format!("额度最早 {day} 提升"),
        (Some((day, false)), crate::domain::Lang::En) => format!("The limit rises from {day}"),
        (None, _) => {
            env.t("24 个月内额度不会恢复或提升", "The limit neither returns nor rises within 24 months").to_string()
        }
    };
    ui.label(text);
}
