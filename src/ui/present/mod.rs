//! Presenter mode, for a room: a gallery of the built-in personas, then one persona's story
//! month by month with the answer hidden until the presenter reveals it. High contrast and large
//! type from the theme's `present` tokens. Views emit [`PresentCommand`]s; nothing here reads or
//! writes a file.

pub mod gallery;
pub mod stage;

use egui::{FontFamily, FontId, Key, Modifiers, TextStyle};

use super::i18n;
use super::theme::{PresentTokens, Theme};
use crate::app::present::{PresentCommand, Presenter};
use crate::domain::Lang;

/// What presenter views need: the language, the tokens and the state.
pub struct Stage<'a> {
    /// The language of the session.
    pub lang: Lang,
    /// Colours and sizes.
    pub tokens: &'a PresentTokens,
    /// The state.
    pub presenter: &'a Presenter,
}

impl Stage<'_> {
    /// The version of a string in the session's language.
    pub fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        i18n::tr(self.lang, zh, en)
    }
}

/// Draws presenter mode over the whole window and handles its keys.
pub fn present_ui(ui: &mut egui::Ui, theme: &Theme, presenter: &Presenter, out: &mut Vec<PresentCommand>) {
    keys(ui.ctx(), presenter, out);
    let tokens = &theme.present;
    let stage = Stage { lang: presenter.lang, tokens, presenter };
    let frame = egui::Frame::new().fill(tokens.background.color()).inner_margin(tokens.margin);
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        style(ui, tokens);
        match &presenter.persona {
            None => gallery::gallery_ui(ui, &stage, out),
            Some(_) => stage::stage_ui(ui, &stage, out),
        }
    });
}

/// → and ← step, Space reveals (or hides), Home/End jump, Esc leaves (or, started on its own,
/// goes back to the gallery).
fn keys(ctx: &egui::Context, presenter: &Presenter, out: &mut Vec<PresentCommand>) {
    ctx.input_mut(|input| {
        let mut pressed = |key| input.consume_key(Modifiers::NONE, key);
        if pressed(Key::Escape) {
            out.push(if presenter.from_app { PresentCommand::Leave } else { PresentCommand::Gallery });
        }
        if presenter.persona.is_none() {
            return;
        }
        if pressed(Key::ArrowRight) {
            out.push(PresentCommand::Step(1));
        }
        if pressed(Key::ArrowLeft) {
            out.push(PresentCommand::Step(-1));
        }
        if pressed(Key::Space) {
            out.push(PresentCommand::Reveal(!presenter.revealed));
        }
        if pressed(Key::Home) {
            out.push(PresentCommand::Jump(false));
        }
        if pressed(Key::End) {
            out.push(PresentCommand::Jump(true));
        }
    });
}

/// Large type and high contrast for everything inside presenter mode.
fn style(ui: &mut egui::Ui, t: &PresentTokens) {
    let style = ui.style_mut();
    style.text_styles = [
        (TextStyle::Small, FontId::new(t.small, FontFamily::Proportional)),
        (TextStyle::Body, FontId::new(t.body, FontFamily::Proportional)),
        (TextStyle::Button, FontId::new(t.body, FontFamily::Proportional)),
        (TextStyle::Heading, FontId::new(t.heading, FontFamily::Proportional)),
        (TextStyle::Monospace, FontId::new(t.body, FontFamily::Monospace)),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(t.spacing, t.spacing * 0.6);
    style.spacing.button_padding = egui::vec2(t.spacing, t.spacing * 0.4);
    style.visuals = egui::Visuals::light();
    let visuals = &mut style.visuals;
    visuals.override_text_color = Some(t.text.color());
    visuals.panel_fill = t.background.color();
    visuals.extreme_bg_color = t.background.color();
    visuals.widgets.inactive.weak_bg_fill = t.button.color();
    visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, t.border.color());
    visuals.widgets.hovered.bg_stroke = egui::Stroke::new(2.5, t.accent.color());
}

/// The language switch, shown in the gallery and on the stage.
fn lang_switch_ui(ui: &mut egui::Ui, stage: &Stage, out: &mut Vec<PresentCommand>) {
    let other = match stage.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    if ui.button(i18n::lang_name(other)).on_hover_text(stage.t("切换语言", "Switch language")).clicked() {
        out.push(PresentCommand::SetLang(other));
    }
}

/// "Leave presenter mode (Esc)", when opened from the app.
fn leave_ui(ui: &mut egui::Ui, stage: &Stage, out: &mut Vec<PresentCommand>) {
    if stage.presenter.from_app && ui.button(stage.t("退出演示（Esc）", "Leave presenter mode (Esc)")).clicked() {
        out.push(PresentCommand::Leave);
    }
}
