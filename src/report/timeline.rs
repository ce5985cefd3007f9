//! The timeline chart: the estimated limit (a step line, because limits move in steps) with the
//! limits the person saw as dots, a lane of markers (overdue starts, inquiries, cuts), and the
//! score against its bands, all on one month axis so cause and effect line up vertically.

use chrono::Datelike;

use crate::domain::{Lang, Money};
use crate::engine::{Explanation, MonthPoint};

use super::gauge::bands;
use super::svg::{self, Scale, Shape, num};
use super::tr;

// The layout, top to bottom: legend, limit panel, marker lane, score panel, month labels. The
// right margin holds the score bands' names, outside the plot so the line never covers them.
const WIDTH: f64 = 720.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 656.0;
const LIMIT_TOP: f64 = 54.0;
const LIMIT_BOTTOM: f64 = 200.0;
const LANE_TOP: f64 = 208.0;
const LANE_ROW: f64 = 18.0;
const SCORE_TOP: f64 = 300.0;
const SCORE_BOTTOM: f64 = 450.0;
const HEIGHT: f64 = 478.0;

/// The month axis: one slot per month of the timeline.
struct Months {
    count: usize,
}

impl Months {
    fn slot(&self) -> f64 {
        (RIGHT - LEFT) / self.count.max(1) as f64
    }

    fn left(&self, i: usize) -> f64 {
        LEFT + self.slot() * i as f64
    }

    fn centre(&self, i: usize) -> f64 {
        self.left(i) + self.slot() / 2.0
    }
}

/// The timeline section: the chart, or a sentence when there is no history yet.
pub fn section(e: &Explanation, lang: Lang) -> String {
    let title = tr(lang, "额度与评分的变化", "Limit and score over time");
    let body = if e.timeline.is_empty() {
        format!(
            "<p class=\"empty\" id=\"chart-timeline\">{}</p>",
            tr(lang, "还没有可以画出的历史。", "No history to chart yet.")
        )
    } else {
        chart(e, lang)
    };
    format!("<section id=\"timeline\">\n<h2>{title}</h2>\n<figure>{body}</figure>\n</section>\n")
}

/// The whole chart.
fn chart(e: &Explanation, lang: Lang) -> String {
    let months = Months { count: e.timeline.len() };
    let mut out = svg::open("chart-timeline", WIDTH, HEIGHT, tr(lang, "额度与评分的变化", "Limit and score over time"));
    out.push_str(&legend(lang));
    out.push_str(&limit_panel(&e.timeline, &months, lang));
    out.push_str(&marker_lane(&e.timeline, &months, lang));
    out.push_str(&score_panel(e, &months, lang));
    out.push_str(&month_axis(&e.timeline, &months));
    out.push_str("</svg>");
    out
}

/// What the lines and dots are.
fn legend(lang: Lang) -> String {
    let mut out = String::from("<g class=\"legend\">");
    out.push_str(&svg::rect(LEFT, 8.0, 18.0, 10.0, "est-area"));
    out.push_str(&svg::line(LEFT, 8.0, LEFT + 18.0, 8.0, "est-line"));
    out.push_str(&svg::text(LEFT + 24.0, 17.0, "start", "legend-text", tr(lang, "估算额度", "Estimated limit")));
    out.push_str(&svg::circle(LEFT + 170.0, 13.0, 4.0, "obs-dot"));
    out.push_str(&svg::text(LEFT + 180.0, 17.0, "start", "legend-text", tr(lang, "你看到的额度", "Limit you saw")));
    out.push_str(&svg::line(LEFT + 320.0, 13.0, LEFT + 338.0, 13.0, "score-line"));
    out.push_str(&svg::text(LEFT + 344.0, 17.0, "start", "legend-text", tr(lang, "评分", "Score")));
    out.push_str("</g>");
    out
}

/// The limit panel: y axis in yuan, the estimate as a filled step line, observed limits as dots.
fn limit_panel(timeline: &[MonthPoint], months: &Months, lang: Lang) -> String {
    let top_money = timeline.iter().flat_map(|m| [Some(m.limit), m.observed]).flatten().max().unwrap_or(Money::ZERO);
    let ticks = svg::ticks(0.0, top_money.yuan_f64().max(1000.0), 4);
    let y = Scale::new(0.0, ticks.last().copied().unwrap_or(1000.0), LIMIT_BOTTOM, LIMIT_TOP);
    let mut out = String::from("<g class=\"panel limit\">");
    out.push_str(&svg::text(8.0, LIMIT_TOP - 12.0, "start", "axis-title", tr(lang, "额度（¥）", "Limit (¥)")));
    for tick in &ticks {
        out.push_str(&svg::line(LEFT, y.at(*tick), RIGHT, y.at(*tick), "grid"));
        let label = Money::from_yuan(tick.round() as i64).display_short();
        out.push_str(&svg::text(LEFT - 6.0, y.at(*tick) + 4.0, "end", "tick", &label));
    }
    for (i, point) in timeline.iter().enumerate() {
        if point.changes.iter().any(|c| is_cut(c.kind)) {
            out.push_str(&svg::line(months.centre(i), LIMIT_TOP, months.centre(i), LIMIT_BOTTOM, "cut-guide"));
        }
    }
    let (line, area) = step_paths(timeline, months, &y);
    out.push_str(&svg::path(&area, "est-area"));
    out.push_str(&svg::path(&line, "est-line"));
    for (i, point) in timeline.iter().enumerate() {
        if let Some(observed) = point.observed {
            out.push_str(&svg::circle(months.centre(i), y.at(observed.yuan_f64()), 3.5, "obs-dot"));
        }
    }
    out.push_str(&svg::line(LEFT, LIMIT_BOTTOM, RIGHT, LIMIT_BOTTOM, "axis"));
    out.push_str("</g>");
    out
}

/// The estimate as a step line across each month's slot, and the same closed down to zero.
fn step_paths(timeline: &[MonthPoint], months: &Months, y: &Scale) -> (String, String) {
    let mut line = String::new();
    for (i, point) in timeline.iter().enumerate() {
        let level = num(y.at(point.limit.yuan_f64()));
        if i == 0 {
            line.push_str(&format!("M{} {level}", num(months.left(0))));
        } else {
            line.push_str(&format!(" V{level}"));
        }
        line.push_str(&format!(" H{}", num(months.left(i + 1))));
    }
    let base = num(y.at(0.0));
    let area = format!("{line} V{base} H{} Z", num(months.left(0)));
    (line, area)
}

/// The kinds of event the marker lane shows, one row each.
#[derive(Clone, Copy)]
enum Marker {
    Overdue,
    Inquiry,
    Cut,
}

impl Marker {
    const ALL: [Marker; 3] = [Marker::Overdue, Marker::Inquiry, Marker::Cut];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            Marker::Overdue => tr(lang, "逾期开始", "Overdue starts"),
            Marker::Inquiry => tr(lang, "征信查询", "Inquiries"),
            Marker::Cut => tr(lang, "降额/冻结", "Cuts, freezes"),
        }
    }

    fn shape(self) -> Shape {
        match self {
            Marker::Overdue => Shape::Up,
            Marker::Inquiry => Shape::Diamond,
            Marker::Cut => Shape::Down,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Marker::Overdue => "mk-overdue",
            Marker::Inquiry => "mk-inquiry",
            Marker::Cut => "mk-cut",
        }
    }

    /// What happened in the month, for the marker's tooltip (empty: no marker).
    fn items(self, point: &MonthPoint) -> Vec<String> {
        match self {
            Marker::Overdue => point.overdue_started.clone(),
            Marker::Inquiry => point.inquiries.clone(),
            Marker::Cut => point
                .changes
                .iter()
                .filter(|c| is_cut(c.kind))
                .map(|c| format!("{} {} → {}", c.on, c.from.display_short(), c.to.display_short()))
                .collect(),
        }
    }
}

/// True for the limit changes drawn as cuts.
fn is_cut(kind: &str) -> bool {
    kind == "cut" || kind == "freeze"
}

/// One row of markers per kind of event, labelled at the left like a legend.
fn marker_lane(timeline: &[MonthPoint], months: &Months, lang: Lang) -> String {
    let size = months.slot().clamp(8.0, 11.0);
    let mut out = String::from("<g class=\"lane\">");
    for (r, marker) in Marker::ALL.iter().enumerate() {
        let row_y = LANE_TOP + LANE_ROW * (r as f64 + 0.5);
        out.push_str(&svg::line(LEFT, row_y, RIGHT, row_y, "lane-rule"));
        out.push_str(&svg::text(LEFT - 6.0, row_y + 4.0, "end", "lane-label", marker.label(lang)));
        for (i, point) in timeline.iter().enumerate() {
            let found = marker.items(point);
            if !found.is_empty() {
                out.push_str(&svg::symbol(
                    marker.shape(),
                    months.centre(i),
                    row_y,
                    size,
                    marker.class(),
                    &found.join(", "),
                ));
            }
        }
    }
    out.push_str("</g>");
    out
}

/// The score panel: its bands shaded, the score as a line, y axis in points.
fn score_panel(e: &Explanation, months: &Months, lang: Lang) -> String {
    let (min, max) = (e.score_min as f64, e.score_max as f64);
    let y = Scale::new(min, max, SCORE_BOTTOM, SCORE_TOP);
    let mut out = String::from("<g class=\"panel score\">");
    out.push_str(&svg::text(8.0, SCORE_TOP - 12.0, "start", "axis-title", tr(lang, "评分（分）", "Score (points)")));
    for (i, band) in bands(e.score_min, e.score_max).iter().enumerate() {
        let (top, bottom) = (y.at(band.to as f64), y.at(band.from as f64));
        out.push_str(&svg::rect(LEFT, top, RIGHT - LEFT, bottom - top, &format!("zone band-{i}")));
        out.push_str(&svg::text(
            RIGHT + 6.0,
            (top + bottom) / 2.0 + 3.5,
            "start",
            "zone-label",
            tr(lang, band.zh, band.en),
        ));
    }
    for tick in svg::ticks(min, max, 6).into_iter().filter(|t| *t >= min && *t <= max) {
        out.push_str(&svg::line(LEFT - 3.0, y.at(tick), LEFT, y.at(tick), "axis"));
        out.push_str(&svg::text(LEFT - 6.0, y.at(tick) + 4.0, "end", "tick", &num(tick)));
    }
    let points: Vec<String> = e
        .timeline
        .iter()
        .enumerate()
        .map(|(i, m)| format!("{},{}", num(months.centre(i)), num(y.at(m.score as f64))))
        .collect();
    out.push_str(&format!("<polyline class=\"score-line\" points=\"{}\"/>", points.join(" ")));
    if let (Some(last), Some(point)) = (e.timeline.len().checked_sub(1), e.timeline.last()) {
        out.push_str(&svg::circle(months.centre(last), y.at(point.score as f64), 3.0, "score-dot"));
    }
    out.push_str(&svg::line(LEFT, SCORE_TOP, LEFT, SCORE_BOTTOM, "axis"));
    out.push_str(&svg::line(LEFT, SCORE_BOTTOM, RIGHT, SCORE_BOTTOM, "axis"));
    out.push_str("</g>");
    out
}

/// Month labels under the score panel, at most about eight, on round months.
fn month_axis(timeline: &[MonthPoint], months: &Months) -> String {
    let every = [1u32, 2, 3, 6, 12, 24].into_iter().find(|k| timeline.len() as u32 / k <= 8).unwrap_or(24);
    let mut out = String::from("<g class=\"months\">");
    for (i, point) in timeline.iter().enumerate() {
        let month = point.month.month0();
        let index = point.month.year() as u32 * 12 + month;
        if !index.is_multiple_of(every) {
            continue;
        }
        let label = if every >= 12 {
            point.month.year().to_string()
        } else {
            format!("{}-{:02}", point.month.year(), month + 1)
        };
        out.push_str(&svg::line(months.centre(i), SCORE_BOTTOM, months.centre(i), SCORE_BOTTOM + 4.0, "axis"));
        out.push_str(&svg::text(months.centre(i), SCORE_BOTTOM + 17.0, "middle", "tick month", &label));
    }
    out.push_str("</g>");
    out
}
