//! Everything the charts draw, computed once per change of the records (never per frame).
//!
//! Time runs along x as days since 1970-01-01; money is in yuan as `f64` (charts only).

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use egui_plot::PlotPoint;

use crate::domain::{DataFile, Money};
use crate::engine::Explanation;

/// What a marker on the history chart stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// A bill not paid in full (minimum) by its due date.
    Overdue,
    /// A new lender's account opened.
    NewLender,
    /// A credit-report inquiry for new credit.
    Inquiry,
    /// The observed limit went down.
    Cut,
}

impl MarkerKind {
    /// Every kind, in legend order.
    pub const ALL: [MarkerKind; 4] = [MarkerKind::Overdue, MarkerKind::NewLender, MarkerKind::Inquiry, MarkerKind::Cut];
}

/// One marker: when, what, and a short label for hover.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Days since 1970-01-01.
    pub x: f64,
    /// What it is.
    pub kind: MarkerKind,
    /// The day.
    pub on: NaiveDate,
    /// Who or which record.
    pub label: String,
}

/// How the bills due in one month were paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MonthPunctuality {
    /// Paid (at least the minimum) by the due date.
    pub on_time: u32,
    /// Paid, but after the due date.
    pub late: u32,
    /// Not paid (as far as the records show).
    pub missed: u32,
}

/// The cached series of every chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartData {
    /// Estimated score by month.
    pub score: Vec<PlotPoint>,
    /// Estimated limit by month, yuan.
    pub estimate: Vec<PlotPoint>,
    /// Observed limits of the explained line, yuan.
    pub observed: Vec<PlotPoint>,
    /// Events along the history.
    pub markers: Vec<Marker>,
    /// The markers as points on the estimate line, per kind (in `MarkerKind::ALL` order), with
    /// the index into `markers` of each point, for hover labels.
    pub marker_points: Vec<(MarkerKind, Vec<PlotPoint>, Vec<usize>)>,
    /// Card utilisation in percent at each statement, per card (lender, points).
    pub utilisation: Vec<(String, Vec<PlotPoint>)>,
    /// What is owed now, per lender, yuan, largest first.
    pub debt_by_lender: Vec<(String, f64)>,
    /// Card utilisation across all cards at each month's end, percent (from the engine).
    pub utilisation_all: Vec<PlotPoint>,
    /// Amounts due per month in the two years up to the day (instalments and bills), by how they were paid.
    pub punctuality: BTreeMap<(i32, u32), MonthPunctuality>,
}

/// Days since 1970-01-01, the x of every time chart.
pub fn day_x(day: NaiveDate) -> f64 {
    f64::from(day.num_days_from_ce() - EPOCH_DAYS_FROM_CE)
}

/// The day at `x` (the inverse of [`day_x`]).
pub fn x_day(x: f64) -> Option<NaiveDate> {
    let days = x.round();
    if !days.is_finite() || days.abs() > 1.0e7 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(days as i32 + EPOCH_DAYS_FROM_CE)
}

const EPOCH_DAYS_FROM_CE: i32 = 719_163;

impl ChartData {
    /// Builds every series from the records and the engine's explanation.
    pub fn build(data: &DataFile, explanation: &Explanation) -> ChartData {
        let mut chart = ChartData {
            observed: observed_points(data),
            markers: markers(data, explanation),
            utilisation: utilisation(data),
            debt_by_lender: explanation.debt_by_lender.iter().map(|(l, m)| (l.clone(), m.yuan_f64())).collect(),
            punctuality: punctuality(explanation),
            ..ChartData::default()
        };
        for point in &explanation.timeline {
            let x = day_x(point.month);
            chart.score.push(PlotPoint::new(x, point.score as f64));
            chart.estimate.push(PlotPoint::new(x, point.limit.yuan_f64()));
            if let Some(pct) = point.utilisation_pct {
                chart.utilisation_all.push(PlotPoint::new(x, pct as f64));
            }
        }
        chart.observed = thin(std::mem::take(&mut chart.observed), MAX_POINTS);
        chart.marker_points = MarkerKind::ALL
            .iter()
            .map(|kind| {
                let of_kind: Vec<usize> =
                    chart.markers.iter().enumerate().filter(|(_, m)| m.kind == *kind).map(|(i, _)| i).collect();
                let step = of_kind.len().div_ceil(MAX_MARKERS).max(1);
                let (points, indexes) = of_kind
                    .into_iter()
                    .step_by(step)
                    .map(|i| (PlotPoint::new(chart.markers[i].x, value_at(&chart.estimate, chart.markers[i].x)), i))
                    .unzip();
                (*kind, points, indexes)
            })
            .collect();
        chart
    }
}

/// No series draws more points than a wide screen has pixels.
pub const MAX_POINTS: usize = 2_000;

/// Markers of one kind drawn at most (a long history can have thousands of overdue days).
pub const MAX_MARKERS: usize = 300;

/// Keeps at most `max` points, evenly spread, always with the last one.
fn thin(points: Vec<PlotPoint>, max: usize) -> Vec<PlotPoint> {
    if points.len() <= max {
        return points;
    }
    let step = points.len().div_ceil(max);
    let last = points.last().copied();
    let mut out: Vec<PlotPoint> = points.into_iter().step_by(step).collect();
    if let Some(last) = last
        && out.last().is_none_or(|p| p.x != last.x)
    {
        out.push(last);
    }
    out
}

/// The value of a step series at `x` (the last point at or before it; the first point before that).
fn value_at(series: &[PlotPoint], x: f64) -> f64 {
    let n = series.partition_point(|p| p.x <= x);
    series.get(n.saturating_sub(1)).map_or(0.0, |p| p.y)
}

impl ChartData {
    /// The marker at `index` of the points of `kind`.
    pub fn marker(&self, kind: MarkerKind, index: usize) -> Option<&Marker> {
        let (_, _, indexes) = self.marker_points.iter().find(|(k, _, _)| *k == kind)?;
        self.markers.get(*indexes.get(index)?)
    }
}

fn observed_points(data: &DataFile) -> Vec<PlotPoint> {
    let mut points: Vec<(NaiveDate, Money)> =
        data.observed_limits.iter().filter(|o| o.account == data.profile.target).map(|o| (o.on, o.limit)).collect();
    points.sort_unstable();
    points.into_iter().map(|(on, limit)| PlotPoint::new(day_x(on), limit.yuan_f64())).collect()
}

fn markers(data: &DataFile, explanation: &Explanation) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut push = |on: NaiveDate, kind: MarkerKind, label: String| out.push(Marker { x: day_x(on), kind, on, label });
    for record in &explanation.negative_records {
        push(record.first_due, MarkerKind::Overdue, format!("{} · {}", record.lender, record.source_id));
    }
    for point in &explanation.timeline {
        for lender in &point.new_lenders {
            push(point.month, MarkerKind::NewLender, lender.clone());
        }
        for change in point.changes.iter().filter(|c| matches!(c.kind, "cut" | "freeze")) {
            push(
                change.on,
                MarkerKind::Cut,
                format!("{} → {}", change.from.display_short(), change.to.display_short()),
            );
        }
    }
    for inquiry in data.inquiries.iter().filter(|q| q.purpose.is_application()) {
        push(inquiry.on, MarkerKind::Inquiry, inquiry.by.clone());
    }
    let mut observed: Vec<_> = data.observed_limits.iter().filter(|o| o.account == data.profile.target).collect();
    observed.sort_by_key(|o| o.on);
    for pair in observed.windows(2) {
        if pair[1].limit < pair[0].limit {
            let label = format!("{} → {}", pair[0].limit.display_short(), pair[1].limit.display_short());
            push(pair[1].on, MarkerKind::Cut, label);
        }
    }
    out.sort_by(|a, b| a.x.total_cmp(&b.x));
    out
}

fn utilisation(data: &DataFile) -> Vec<(String, Vec<PlotPoint>)> {
    let limits: HashMap<&str, (&str, Money)> = data
        .accounts
        .iter()
        .filter(|a| a.kind.is_card_like())
        .filter_map(|a| a.limit.filter(|l| l.is_positive()).map(|l| (a.id.as_str(), (a.lender.as_str(), l))))
        .collect();
    let mut series: BTreeMap<&str, Vec<PlotPoint>> = BTreeMap::new();
    for statement in &data.statements {
        if let Some((lender, limit)) = limits.get(statement.account.as_str()) {
            let pct = statement.balance.fen() as f64 / limit.fen() as f64 * 100.0;
            series.entry(lender).or_default().push(PlotPoint::new(day_x(statement.closing), pct));
        }
    }
    series
        .into_iter()
        .map(|(lender, mut points)| {
            points.sort_by(|a, b| a.x.total_cmp(&b.x));
            (lender.to_string(), points)
        })
        .collect()
}

fn punctuality(explanation: &Explanation) -> BTreeMap<(i32, u32), MonthPunctuality> {
    let mut months: BTreeMap<(i32, u32), MonthPunctuality> = BTreeMap::new();
    for due in explanation.punctuality.iter().filter(|d| d.amount.is_positive()) {
        let cell = months.entry((due.due.year(), due.due.month())).or_default();
        match (due.on_time, due.days_to_pay) {
            (true, _) => cell.on_time += 1,
            (false, Some(_)) => cell.late += 1,
            (false, None) => cell.missed += 1,
        }
    }
    months
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.
mod tests {
    use super::*;
    use crate::domain::check_text;

    fn full() -> DataFile {
        check_text(include_str!("../../tests/fixtures/full.ron")).unwrap()
    }

    #[test]
    fn thinning_keeps_the_ends_and_at_most_the_maximum() {
        let points: Vec<PlotPoint> = (0..10_001).map(|i| PlotPoint::new(f64::from(i), 1.0)).collect();
        let thinned = thin(points, MAX_POINTS);
        assert!(thinned.len() <= MAX_POINTS + 1);
        assert_eq!(thinned.first().map(|p| p.x), Some(0.0));
        assert_eq!(thinned.last().map(|p| p.x), Some(10_000.0));
    }

    #[test]
    fn day_x_round_trips() {
        for day in [NaiveDate::from_ymd_opt(1970, 1, 1), NaiveDate::from_ymd_opt(2026, 11, 22)].into_iter().flatten() {
            assert_eq!(x_day(day_x(day)), Some(day));
        }
        assert_eq!(day_x(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1.0);
    }

    #[test]
    fn markers_and_punctuality_follow_the_records() {
        let as_of = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let data = full();
        let rules = crate::engine::Rules::default_rules();
        let analysis = crate::app::analysis::Analysis::build(1, &data, &rules, as_of, None);
        let chart = &analysis.charts;
        assert!(chart.markers.iter().any(|m| m.kind == MarkerKind::Cut), "the observed drop 20000 -> 15000");
        let inquiries = chart.markers.iter().filter(|m| m.kind == MarkerKind::Inquiry).count();
        assert_eq!(inquiries, 1, "the self query does not count");
        let dues: u32 = chart.punctuality.values().map(|m| m.on_time + m.late + m.missed).sum();
        assert!(dues >= 2, "both bills fell due before June");
        assert_eq!(chart.observed.len(), 2);
        assert_eq!(chart.score.len(), analysis.explanation.timeline.len());
        assert!(chart.utilisation.iter().any(|(lender, points)| lender == "招商银行信用卡" && points.len() == 2));
        assert!(chart.debt_by_lender.iter().all(|(_, yuan)| *yuan > 0.0));
    }
}
