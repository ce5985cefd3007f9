//! The score gauge: a half dial over the scale with its bands and a needle at the score, and the
//! bands themselves, which the timeline's score panel shades too.

use std::f64::consts::PI;

use crate::domain::Lang;

use super::svg::{self, Scale, num};
use super::tr;

/// A score band: where it starts and what it is called.
#[derive(Clone, Copy, Debug)]
pub struct Band {
    /// Its lowest score.
    pub from: i64,
    /// Its highest score.
    pub to: i64,
    /// Chinese name.
    pub zh: &'static str,
    /// English name.
    pub en: &'static str,
}

/// Band edges on a 350–950 scale, the public Zhima/Sesame levels (较差 … 极好). The explanation
/// carries no entry score, so the bands are the public ones, stretched to the scale in use.
const EDGES: [(i64, &str, &str); 5] = [
    (350, "较差", "poor"),
    (550, "中等", "fair"),
    (600, "良好", "good"),
    (650, "优秀", "very good"),
    (700, "极好", "excellent"),
];

/// The bands of a `min..max` scale.
pub fn bands(min: i64, max: i64) -> Vec<Band> {
    // Saturating: a rules file may set any scale, and a report must never panic over one.
    let stretch = |edge: i64| min.saturating_add((edge - 350).saturating_mul(max.saturating_sub(min)) / 600);
    EDGES
        .iter()
        .enumerate()
        .map(|(i, (edge, zh, en))| Band {
            from: stretch(*edge),
            to: EDGES.get(i + 1).map_or(max, |next| stretch(next.0)),
            zh,
            en,
        })
        .collect()
}

/// The band a score falls in.
pub fn band_of(score: i64, min: i64, max: i64) -> Option<Band> {
    bands(min, max).into_iter().rev().find(|b| score >= b.from)
}

const WIDTH: f64 = 240.0;
const HEIGHT: f64 = 132.0;
const CX: f64 = 120.0;
const CY: f64 = 106.0;
const RADIUS: f64 = 88.0;

/// The gauge of `score` on `min..max`: coloured bands, a marker on the dial at the score, and
/// the score with its band's name in the middle (no needle, so nothing crosses the number).
pub fn svg(score: i64, min: i64, max: i64, lang: Lang) -> String {
    let angle = Scale::new(min as f64, max as f64, PI, 0.0);
    let band = band_of(score, min, max).map(|b| tr(lang, b.zh, b.en)).unwrap_or_default();
    let label = format!("{} {score} ({min}–{max}), {band}", tr(lang, "评分", "Score"));
    let mut out = svg::open("gauge", WIDTH, HEIGHT, &label);
    for (i, band) in bands(min, max).iter().enumerate() {
        let (a0, a1) = (angle.at(band.from as f64), angle.at(band.to as f64));
        out.push_str(&svg::path(&arc(a0, a1, RADIUS), &format!("gauge-band band-{i}")));
    }
    let (mx, my) = polar(angle.at(score.clamp(min, max) as f64), RADIUS);
    out.push_str(&svg::circle(mx, my, 9.0, "gauge-marker"));
    out.push_str(&svg::text(CX, CY - 12.0, "middle", "gauge-score", &score.to_string()));
    out.push_str(&svg::text(CX, CY + 10.0, "middle", "gauge-band-name", band));
    out.push_str(&svg::text(CX - RADIUS, CY + 22.0, "middle", "tick", &min.to_string()));
    out.push_str(&svg::text(CX + RADIUS, CY + 22.0, "middle", "tick", &max.to_string()));
    out.push_str("</svg>");
    out
}

/// A point on the dial at `angle` (0 is right, π is left) and `radius`.
fn polar(angle: f64, radius: f64) -> (f64, f64) {
    (CX + radius * angle.cos(), CY - radius * angle.sin())
}

/// An arc over the top of the dial from `a0` to `a1` (clockwise on screen).
fn arc(a0: f64, a1: f64, radius: f64) -> String {
    let (x0, y0) = polar(a0, radius);
    let (x1, y1) = polar(a1, radius);
    format!("M{} {} A{} {} 0 0 1 {} {}", num(x0), num(y0), num(radius), num(radius), num(x1), num(y1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_tile_the_scale() {
        for (min, max) in [(350, 950), (300, 850), (0, 100)] {
            let bands = bands(min, max);
            assert_eq!(bands.first().map(|b| b.from), Some(min));
            assert_eq!(bands.last().map(|b| b.to), Some(max));
            assert!(bands.windows(2).all(|w| w[0].to == w[1].from && w[0].from < w[0].to));
        }
    }

    #[test]
    fn a_score_falls_in_its_band() {
        let cases = [(350, "poor"), (599, "fair"), (600, "good"), (720, "excellent"), (950, "excellent")];
        for (score, expected) in cases {
            assert_eq!(band_of(score, 350, 950).map(|b| b.en), Some(expected), "{score}");
        }
    }
}
