//! The factor chart: each scoring factor's points as a bar against the most it can earn, so the
//! factor with the most room to grow stands out.

use crate::domain::Lang;
use crate::engine::Explanation;

use super::svg::{self, Scale};
use super::tr;

const WIDTH: f64 = 720.0;
const NAME_RIGHT: f64 = 190.0;
const BAR_LEFT: f64 = 200.0;
const BAR_RIGHT: f64 = 620.0;
const VALUE_RIGHT: f64 = 712.0;
const ROW: f64 = 28.0;
const TOP: f64 = 30.0;

/// The factor section: the bars, or a sentence when the score has no factors.
pub fn section(e: &Explanation, lang: Lang) -> String {
    let title = tr(lang, "各项得分", "Points by factor");
    let body = if e.factors.is_empty() {
        format!("<p class=\"empty\" id=\"chart-factors\">{}</p>", tr(lang, "没有评分项。", "No factors."))
    } else {
        chart(e, lang)
    };
    format!("<section id=\"factors\" class=\"new-page\">\n<h2>{title}</h2>\n<figure>{body}</figure>\n</section>\n")
}

/// One bar per factor: the track is the most it can earn, the fill what it earns now.
fn chart(e: &Explanation, lang: Lang) -> String {
    let height = TOP + ROW * e.factors.len() as f64 + 8.0;
    let mut out = svg::open(
        "chart-factors",
        WIDTH,
        height,
        tr(lang, "各项得分与满分", "Points by factor against the most each can earn"),
    );
    out.push_str(&svg::text(NAME_RIGHT, 16.0, "end", "axis-title", tr(lang, "评分项", "Factor")));
    out.push_str(&svg::text(VALUE_RIGHT, 16.0, "end", "axis-title", tr(lang, "得分 / 满分（分）", "points / max")));
    let widest = e.factors.iter().map(|f| f.max_points).max().unwrap_or(1).max(1) as f64;
    let x = Scale::new(0.0, widest, BAR_LEFT, BAR_RIGHT);
    for (i, factor) in e.factors.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let earned = factor.points.clamp(0, factor.max_points.max(0)) as f64;
        out.push_str(&svg::text(NAME_RIGHT, y + 14.0, "end", "bar-name", factor.name.get(lang)));
        out.push_str(&svg::rect(BAR_LEFT, y + 3.0, x.at(factor.max_points as f64) - BAR_LEFT, 16.0, "bar-track"));
        // Under two thirds of the most it can earn: where the room to grow is, so it stands out.
        let fill_class = if factor.points * 3 < factor.max_points * 2 { "bar-fill weak" } else { "bar-fill" };
        out.push_str(&svg::rect(BAR_LEFT, y + 3.0, x.at(earned) - BAR_LEFT, 16.0, fill_class));
        let value = format!("{} / {}", factor.points, factor.max_points);
        out.push_str(&svg::text(VALUE_RIGHT, y + 15.0, "end", "bar-value", &value));
    }
    out.push_str("</svg>");
    out
}
