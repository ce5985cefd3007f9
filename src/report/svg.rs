//! Small SVG building blocks for the report's charts: a linear scale, "nice" axis ticks, and
//! elements with classes (colours come from the style sheet, never from here).
//!
//! This is the one place with floats: pixels are not money. Coordinates are written with one
//! decimal so the output is short and the same on every machine.

use super::escape;

/// A linear map from data values to pixels (`p0` at `d0`, `p1` at `d1`).
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    d0: f64,
    d1: f64,
    p0: f64,
    p1: f64,
}

impl Scale {
    /// A scale from the data range `d0..d1` to the pixel range `p0..p1`.
    pub fn new(d0: f64, d1: f64, p0: f64, p1: f64) -> Self {
        Scale { d0, d1, p0, p1 }
    }

    /// The pixel of a value (the range's start when the range is empty).
    pub fn at(&self, value: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span.abs() < f64::EPSILON {
            return self.p0;
        }
        self.p0 + (value - self.d0) / span * (self.p1 - self.p0)
    }
}

/// Round tick values from `lo` up to at least `hi`, about `count` of them, with a 1-2-5 step.
/// The last tick is the axis maximum, so the data never runs off the top.
pub fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let span = (hi - lo).max(1.0);
    let raw = span / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(raw);
    let first = (lo / step).floor() * step;
    let mut out = vec![first];
    let mut value = first;
    while value < hi - step * 1e-9 && out.len() < 50 {
        value += step;
        out.push(value);
    }
    out
}

/// A coordinate with at most one decimal.
pub fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract().abs() < 1e-9 { format!("{}", rounded as i64) } else { format!("{rounded:.1}") }
}

/// A line.
pub fn line(x1: f64, y1: f64, x2: f64, y2: f64, class: &str) -> String {
    format!("<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", num(x1), num(y1), num(x2), num(y2))
}

/// A rectangle.
pub fn rect(x: f64, y: f64, width: f64, height: f64, class: &str) -> String {
    format!(
        "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        num(x),
        num(y),
        num(width.max(0.0)),
        num(height.max(0.0))
    )
}

/// A circle.
pub fn circle(x: f64, y: f64, r: f64, class: &str) -> String {
    format!("<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>", num(x), num(y), num(r))
}

/// A path from its `d` attribute.
pub fn path(d: &str, class: &str) -> String {
    format!("<path class=\"{class}\" d=\"{d}\"/>")
}

/// Text, escaped; `anchor` is `start`, `middle` or `end`.
pub fn text(x: f64, y: f64, anchor: &str, class: &str, content: &str) -> String {
    format!(
        "<text class=\"{class}\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
        num(x),
        num(y),
        escape(content)
    )
}

/// A marker symbol centred on a point: `up` and `down` triangles or a `diamond`, with a tooltip.
pub fn symbol(shape: Shape, x: f64, y: f64, size: f64, class: &str, tooltip: &str) -> String {
    let h = size / 2.0;
    let points = match shape {
        Shape::Up => [(x, y - h), (x + h, y + h), (x - h, y + h)].to_vec(),
        Shape::Down => [(x - h, y - h), (x + h, y - h), (x, y + h)].to_vec(),
        Shape::Diamond => [(x, y - h), (x + h, y), (x, y + h), (x - h, y)].to_vec(),
    };
    let list: Vec<String> = points.iter().map(|(px, py)| format!("{},{}", num(*px), num(*py))).collect();
    format!("<polygon class=\"{class}\" points=\"{}\"><title>{}</title></polygon>", list.join(" "), escape(tooltip))
}

/// The shapes of [`symbol`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A triangle pointing up.
    Up,
    /// A triangle pointing down.
    Down,
    /// A diamond.
    Diamond,
}

/// The opening tag of a chart, scaled to its container, with a title for screen readers.
pub fn open(id: &str, width: f64, height: f64, label: &str) -> String {
    format!(
        "<svg id=\"{id}\" class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\" preserveAspectRatio=\"xMidYMid meet\"><title>{}</title>",
        num(width),
        num(height),
        escape(label),
        escape(label)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        let cases: Vec<((f64, f64, usize), Vec<f64>)> = vec![
            ((0.0, 8400.0, 4), vec![0.0, 5000.0, 10000.0]),
            ((0.0, 26000.0, 4), vec![0.0, 10000.0, 20000.0, 30000.0]),
            ((350.0, 950.0, 6), vec![300.0, 400.0, 500.0, 600.0, 700.0, 800.0, 900.0, 1000.0]),
            ((0.0, 0.0, 4), vec![0.0]),
        ];
        for ((lo, hi, count), expected) in cases {
            assert_eq!(ticks(lo, hi, count), expected, "ticks({lo}, {hi}, {count})");
        }
    }

    #[test]
    fn coordinates_are_short() {
        let cases = [(12.0, "12"), (12.34, "12.3"), (-0.04, "0"), (7.25, "7.3")];
        for (value, expected) in cases {
            assert_eq!(num(value), expected);
        }
    }
}
