//! The score gauge: a half ring split into bands, a needle at the score, the number below.

use std::f32::consts::PI;

use egui::{Color32, Pos2, Role, Sense, Shape, Stroke, Vec2, WidgetInfo};

/// A band of the gauge: from this fraction of the range on, in this colour, with this name.
pub struct Band<'a> {
    /// Start, as a fraction of the range (0..1).
    pub from: f32,
    /// Its colour.
    pub colour: Color32,
    /// Its name, for the legend.
    pub name: &'a str,
}

/// The gauge's inputs.
pub struct Gauge<'a> {
    /// The score.
    pub score: i64,
    /// The lowest score.
    pub min: i64,
    /// The highest score.
    pub max: i64,
    /// Bands, in order of `from`.
    pub bands: &'a [Band<'a>],
    /// Width in points.
    pub width: f32,
    /// Ring thickness in points.
    pub thickness: f32,
    /// Track and needle colours.
    pub track: Color32,
    /// Needle colour.
    pub needle: Color32,
    /// What a screen reader says.
    pub label: String,
}

impl Gauge<'_> {
    /// Draws it.
    pub fn ui(self, ui: &mut egui::Ui) -> egui::Response {
        let height = self.width / 2.0 + self.thickness;
        let (rect, response) = ui.allocate_exact_size(Vec2::new(self.width, height), Sense::hover());
        let label = self.label.clone();
        response.widget_info(|| WidgetInfo::labeled(Role::ProgressIndicator, true, label.clone()));
        let painter = ui.painter_at(rect.expand(2.0));
        let centre = Pos2::new(rect.center().x, rect.bottom() - self.thickness / 2.0);
        let radius = self.width / 2.0 - self.thickness / 2.0;
        let arc = |from: f32, to: f32| -> Vec<Pos2> {
            let steps = ((to - from) * 60.0).ceil().max(2.0) as usize;
            (0..=steps)
                .map(|i| {
                    let t = from + (to - from) * i as f32 / steps as f32;
                    let angle = PI * (1.0 - t);
                    centre + radius * Vec2::new(angle.cos(), -angle.sin())
                })
                .collect()
        };
        painter.add(Shape::line(arc(0.0, 1.0), Stroke::new(self.thickness, self.track)));
        for (i, band) in self.bands.iter().enumerate() {
            let to = self.bands.get(i + 1).map_or(1.0, |next| next.from);
            painter.add(Shape::line(arc(band.from, to), Stroke::new(self.thickness * 0.8, band.colour)));
        }
        let span = (self.max - self.min).max(1) as f32;
        let t = ((self.score - self.min) as f32 / span).clamp(0.0, 1.0);
        let angle = PI * (1.0 - t);
        let tip = centre + (radius + self.thickness * 0.6) * Vec2::new(angle.cos(), -angle.sin());
        painter.line_segment([centre, tip], Stroke::new(self.thickness * 0.15, self.needle));
        painter.circle_filled(centre, self.thickness * 0.3, self.needle);
        response
    }
}
