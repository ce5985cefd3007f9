//! Design tokens: every colour and size the views use, from `assets/theme.ron`, in one place.

use egui::{Color32, CornerRadius, FontFamily, FontId, Margin, Stroke, TextStyle};
use serde::Deserialize;

use crate::app::ThemeChoice;

/// An RGB colour as written in the theme file.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(transparent)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// The colour.
    pub fn color(self) -> Color32 {
        Color32::from_rgb(self.0[0], self.0[1], self.0[2])
    }
}

impl From<Rgb> for Color32 {
    fn from(rgb: Rgb) -> Self {
        Color32::from_rgb(rgb.0[0], rgb.0[1], rgb.0[2])
    }
}

/// The colours of one mode (light or dark).
#[derive(Clone, Debug, Deserialize)]
#[allow(missing_docs)]
pub struct Palette {
    pub background: Rgb,
    pub panel: Rgb,
    pub card: Rgb,
    pub card_border: Rgb,
    pub text: Rgb,
    pub weak_text: Rgb,
    pub accent: Rgb,
    pub error: Rgb,
    pub zero: Rgb,
    pub falling: Rgb,
    pub stuck: Rgb,
    pub rising: Rgb,
    pub blocks: Rgb,
    pub lowers: Rgb,
    pub holds: Rgb,
    pub raises: Rgb,
    pub band_poor: Rgb,
    pub band_fair: Rgb,
    pub band_good: Rgb,
    pub band_excellent: Rgb,
    pub gauge_track: Rgb,
    pub gauge_needle: Rgb,
    pub chart_score: Rgb,
    pub chart_estimate: Rgb,
    pub chart_observed: Rgb,
    pub marker_overdue: Rgb,
    pub marker_lender: Rgb,
    pub marker_inquiry: Rgb,
    pub marker_cut: Rgb,
    pub on_time: Rgb,
    pub late: Rgb,
    pub missed: Rgb,
    pub no_due: Rgb,
    pub sample_banner: Rgb,
    pub sample_banner_text: Rgb,
    pub series: Vec<Rgb>,
}

/// Sizes in points.
#[derive(Clone, Debug, Deserialize)]
#[allow(missing_docs)]
pub struct Sizes {
    pub body: f32,
    pub small: f32,
    pub heading: f32,
    pub headline: f32,
    pub big_number: f32,
    pub spacing: f32,
    pub section_gap: f32,
    pub card_margin: f32,
    pub card_rounding: f32,
    pub nav_width: f32,
    pub form_width: f32,
    pub field_width: f32,
    pub row_height: f32,
    pub gauge_width: f32,
    pub gauge_thickness: f32,
    pub chart_height: f32,
    pub small_chart_height: f32,
    pub calendar_cell: f32,
    pub reason_chip_width: f32,
    pub max_content_width: f32,
}

/// The whole theme file.
#[derive(Clone, Debug, Deserialize)]
pub struct Theme {
    /// Light mode.
    pub light: Palette,
    /// Dark mode.
    pub dark: Palette,
    /// Sizes, the same in both modes.
    pub sizes: Sizes,
    /// Presenter mode: high contrast, large type.
    pub present: PresentTokens,
}

/// Presenter mode's colours and sizes: dark on white with strong colours, large enough to read
/// from the back of a room on a projector.
#[derive(Clone, Debug, Deserialize)]
#[allow(missing_docs)]
pub struct PresentTokens {
    pub background: Rgb,
    pub card: Rgb,
    pub border: Rgb,
    pub text: Rgb,
    pub weak_text: Rgb,
    pub accent: Rgb,
    pub hidden: Rgb,
    pub button: Rgb,
    pub zero: Rgb,
    pub falling: Rgb,
    pub stuck: Rgb,
    pub rising: Rgb,
    pub blocks: Rgb,
    pub lowers: Rgb,
    pub holds: Rgb,
    pub raises: Rgb,
    pub chart_score: Rgb,
    pub chart_limit: Rgb,
    pub small: f32,
    pub body: f32,
    pub heading: f32,
    pub title: f32,
    pub big_number: f32,
    pub spacing: f32,
    pub margin: f32,
    pub line_width: f32,
    pub chart_height: f32,
    pub side_width: f32,
}

/// The theme the app ships with.
pub const THEME_RON: &str = include_str!("../../assets/theme.ron");

impl Theme {
    /// The built-in theme (a test checks that it reads).
    pub fn built_in() -> Result<Theme, ron::error::SpannedError> {
        ron::from_str(THEME_RON)
    }

    /// The palette of `choice`.
    pub fn palette(&self, choice: ThemeChoice) -> &Palette {
        match choice {
            ThemeChoice::Light => &self.light,
            ThemeChoice::Dark => &self.dark,
        }
    }

    /// Sets egui's visuals and text styles from the tokens.
    pub fn apply(&self, ctx: &egui::Context, choice: ThemeChoice) {
        let palette = self.palette(choice);
        let mut visuals = match choice {
            ThemeChoice::Light => egui::Visuals::light(),
            ThemeChoice::Dark => egui::Visuals::dark(),
        };
        visuals.panel_fill = palette.background.into();
        visuals.window_fill = palette.panel.into();
        visuals.extreme_bg_color = palette.panel.into();
        visuals.override_text_color = Some(palette.text.into());
        visuals.hyperlink_color = palette.accent.into();
        visuals.selection.bg_fill = Color32::from(palette.accent).gamma_multiply(0.35);
        visuals.error_fg_color = palette.error.into();
        let sizes = &self.sizes;
        ctx.set_visuals_of(choice.egui_theme(), visuals);
        ctx.set_theme(choice.egui_theme());
        ctx.all_styles_mut(|style| {
            style.text_styles = [
                (TextStyle::Small, FontId::new(sizes.small, FontFamily::Proportional)),
                (TextStyle::Body, FontId::new(sizes.body, FontFamily::Proportional)),
                (TextStyle::Button, FontId::new(sizes.body, FontFamily::Proportional)),
                (TextStyle::Heading, FontId::new(sizes.heading, FontFamily::Proportional)),
                (TextStyle::Monospace, FontId::new(sizes.body, FontFamily::Monospace)),
            ]
            .into();
            style.spacing.item_spacing = egui::vec2(sizes.spacing, sizes.spacing * 0.75);
        });
    }

    /// The frame of a card: the panels the dashboard is built from.
    pub fn card_frame(&self, palette: &Palette) -> egui::Frame {
        egui::Frame::new()
            .fill(palette.card.into())
            .stroke(Stroke::new(1.0, palette.card_border.color()))
            .corner_radius(CornerRadius::same(self.sizes.card_rounding as u8))
            .inner_margin(Margin::same(self.sizes.card_margin as i8))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_reads_and_both_modes_have_chart_series() {
        let theme = Theme::built_in().unwrap();
        assert!(theme.light.series.len() >= 4 && theme.dark.series.len() >= 4);
        assert!(theme.sizes.body > 0.0);
    }
}
