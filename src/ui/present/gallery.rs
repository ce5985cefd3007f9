//! The persona gallery: each built-in person with their one-line story.

use egui::RichText;

use super::{Stage, lang_switch_ui, leave_ui};
use crate::app::present::PresentCommand;

/// The gallery.
pub fn gallery_ui(ui: &mut egui::Ui, stage: &Stage, out: &mut Vec<PresentCommand>) {
    let t = stage.tokens;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(stage.t("演示模式：选一位样例人物", "Presenter mode: choose a person"))
                .size(t.title)
                .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            leave_ui(ui, stage, out);
            lang_switch_ui(ui, stage, out);
        });
    });
    ui.label(RichText::new(stage.t(
        "逐月讲述他们的经历；先让大家猜，再揭晓分数、额度和原因。",
        "Step through their history month by month; let the room predict, then reveal the score, limit and reasons.",
    )).color(t.weak_text.color()));
    ui.add_space(t.spacing);
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for row in stage.presenter.people.chunks(3) {
            ui.columns(3, |columns| {
                for (ui, (id, name, story)) in columns.iter_mut().zip(row) {
                    card(t).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.set_min_height(t.body * 5.0);
                        ui.label(RichText::new(name).size(t.heading).strong());
                        ui.add(egui::Label::new(RichText::new(story.get(stage.lang)).size(t.small)).wrap());
                        let label = format!("{}{name}", stage.t("演示：", "Present: "));
                        if ui.button(label).clicked() {
                            out.push(PresentCommand::Choose(id.clone()));
                        }
                    });
                }
            });
            ui.add_space(t.spacing);
        }
    });
}

/// A card on the white stage.
pub fn card(t: &crate::ui::theme::PresentTokens) -> egui::Frame {
    egui::Frame::new()
        .fill(t.card.color())
        .stroke(egui::Stroke::new(2.0, t.border.color()))
        .corner_radius(8)
        .inner_margin(t.spacing)
}
