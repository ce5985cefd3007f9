//! A coloured word in a rounded box: statuses and effects.

use egui::{Color32, CornerRadius, RichText};

/// Draws `text` white-on-`colour` (or dark-on-`colour` when the colour is light).
pub fn chip_ui(ui: &mut egui::Ui, text: &str, colour: Color32, min_width: f32) -> egui::Response {
    let luminance = 0.299 * f32::from(colour.r()) + 0.587 * f32::from(colour.g()) + 0.114 * f32::from(colour.b());
    let text_colour = if luminance > 150.0 { Color32::BLACK } else { Color32::WHITE };
    egui::Frame::new()
        .fill(colour)
        .corner_radius(CornerRadius::same(ui.spacing().button_padding.y as u8 * 3))
        .inner_margin(ui.spacing().button_padding)
        .show(ui, |ui| {
            ui.set_min_width(min_width);
            ui.label(RichText::new(text).color(text_colour).strong());
        })
        .response
}
