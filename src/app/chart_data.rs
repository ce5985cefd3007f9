//! Everything the charts draw, computed once per change of the records (never per frame).
//!
//! Time runs along x as days since 1970-01-01; money is in yuan as `f64` (charts only).

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use egui_plot::PlotPoint;

use super::explain::Explanation;
use crate::domain::{DataFile, Money};

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

/// A month's line in the waterfall: the points of each factor.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthFactors {
    /// The month.
    pub month: NaiveDate,
    /// The score.
    pub score: i32,
    /// The estimated limit in yuan.
    pub limit: f64,
    /// Points per factor.
    pub factor_points: Vec<i32>,
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
    /// Card utilisation in percent at each statement, per card (lender, points).
    pub utilisation: Vec<(String, Vec<PlotPoint>)>,
    /// What is owed now, per lender, yuan, largest first.
    pub debt_by_lender: Vec<(String, f64)>,
    /// Bills due per month.
    pub punctuality: BTreeMap<(i32, u32), MonthPunctuality>,
    /// The monthly factor points, for the waterfall.
    pub months: Vec<MonthFactors>,
    /// Factor names (zh, en), in the order of `MonthFactors::factor_points`.
    pub factor_names: Vec<(String, String)>,
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
    /// Builds every series from the records and, where there is one, the explanation.
    pub fn build(data: &DataFile, explanation: Option<&Explanation>, as_of: NaiveDate) -> ChartData {
        let payments = Payments::index(data);
        let mut chart = ChartData {
            observed: observed_points(data),
            markers: markers(data, &payments),
            utilisation: utilisation(data),
            debt_by_lender: debt_by_lender(data, &payments, as_of),
            punctuality: punctuality(data, &payments, as_of),
            ..ChartData::default()
        };
        if let Some(explanation) = explanation {
            chart.add_timeline(explanation);
        }
        chart
    }

    fn add_timeline(&mut self, explanation: &Explanation) {
        for point in &explanation.timeline {
            let x = day_x(point.month);
            self.score.push(PlotPoint::new(x, f64::from(point.score)));
            self.estimate.push(PlotPoint::new(x, point.limit.yuan_f64()));
            self.months.push(MonthFactors {
                month: point.month,
                score: point.score,
                limit: point.limit.yuan_f64(),
                factor_points: point.factor_points.clone(),
            });
        }
        self.factor_names = explanation.factors.iter().map(|f| (f.name.zh.clone(), f.name.en.clone())).collect();
    }
}

/// Repayments per account, sorted by time, with running sums for range queries.
struct Payments {
    by_account: HashMap<String, (Vec<NaiveDate>, Vec<i64>)>,
}

impl Payments {
    fn index(data: &DataFile) -> Payments {
        let mut grouped: HashMap<String, Vec<(NaiveDate, i64)>> = HashMap::new();
        for repayment in &data.repayments {
            grouped.entry(repayment.account.clone()).or_default().push((repayment.at.date(), repayment.amount.fen()));
        }
        let by_account = grouped
            .into_iter()
            .map(|(account, mut list)| {
                list.sort_unstable();
                let days = list.iter().map(|(d, _)| *d).collect();
                let mut running = 0;
                let sums = list.iter().map(|(_, fen)| {
                    running += fen;
                    running
                });
                (account, (days, sums.collect()))
            })
            .collect();
        Payments { by_account }
    }

    /// Paid to `account` on days in `(after, until]`, in fen.
    fn paid_between(&self, account: &str, after: NaiveDate, until: NaiveDate) -> i64 {
        let Some((days, sums)) = self.by_account.get(account) else { return 0 };
        let sum_to = |day: NaiveDate| {
            let n = days.partition_point(|d| *d <= day);
            if n == 0 { 0 } else { sums[n - 1] }
        };
        sum_to(until) - sum_to(after)
    }

    fn paid_until(&self, account: &str, until: NaiveDate) -> i64 {
        self.paid_between(account, NaiveDate::MIN, until)
    }
}

fn observed_points(data: &DataFile) -> Vec<PlotPoint> {
    let mut points: Vec<(NaiveDate, Money)> =
        data.observed_limits.iter().filter(|o| o.account == data.profile.target).map(|o| (o.on, o.limit)).collect();
    points.sort_unstable();
    points.into_iter().map(|(on, limit)| PlotPoint::new(day_x(on), limit.yuan_f64())).collect()
}

fn markers(data: &DataFile, payments: &Payments) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut push = |on: NaiveDate, kind: MarkerKind, label: String| out.push(Marker { x: day_x(on), kind, on, label });
    for statement in &data.statements {
        let paid = payments.paid_between(&statement.account, statement.closing, statement.due);
        if paid < statement.minimum.fen() {
            push(statement.due, MarkerKind::Overdue, statement.id.clone());
        }
    }
    let mut lenders_seen: Vec<&str> = Vec::new();
    let mut accounts: Vec<_> = data.accounts.iter().collect();
    accounts.sort_by_key(|a| a.opened);
    for account in accounts {
        if !lenders_seen.contains(&account.lender.as_str()) {
            lenders_seen.push(&account.lender);
            push(account.opened, MarkerKind::NewLender, account.lender.clone());
        }
    }
    for inquiry in data.inquiries.iter().filter(|q| q.purpose.is_application()) {
        push(inquiry.on, MarkerKind::Inquiry, inquiry.by.clone());
    }
    let mut observed: Vec<_> = data.observed_limits.iter().filter(|o| o.account == data.profile.target).collect();
    observed.sort_by_key(|o| o.on);
    for pair in observed.windows(2) {
        if pair[1].limit < pair[0].limit {
            push(
                pair[1].on,
                MarkerKind::Cut,
                format!("{} → {}", pair[0].limit.display_short(), pair[1].limit.display_short()),
            );
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

fn debt_by_lender(data: &DataFile, payments: &Payments, as_of: NaiveDate) -> Vec<(String, f64)> {
    let mut owed: BTreeMap<&str, i64> = BTreeMap::new();
    let mut drawn: HashMap<&str, i64> = HashMap::new();
    for draw in data.draws.iter().filter(|d| d.at.date() <= as_of) {
        *drawn.entry(draw.account.as_str()).or_default() += draw.amount.fen();
    }
    let mut latest_bill: HashMap<&str, (NaiveDate, i64)> = HashMap::new();
    for statement in data.statements.iter().filter(|s| s.closing <= as_of) {
        let entry = latest_bill.entry(statement.account.as_str()).or_insert((statement.closing, 0));
        if statement.closing >= entry.0 {
            *entry = (statement.closing, statement.balance.fen());
        }
    }
    for account in &data.accounts {
        let id = account.id.as_str();
        let fen = if account.kind.is_card_like() || latest_bill.contains_key(id) {
            latest_bill.get(id).map_or(0, |(closing, balance)| balance - payments.paid_between(id, *closing, as_of))
        } else {
            drawn.get(id).copied().unwrap_or(0) - payments.paid_until(id, as_of)
        };
        *owed.entry(account.lender.as_str()).or_default() += fen.max(0);
    }
    let mut out: Vec<(String, f64)> = owed
        .into_iter()
        .filter(|(_, fen)| *fen > 0)
        .map(|(lender, fen)| (lender.to_string(), fen as f64 / 100.0))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

fn punctuality(data: &DataFile, payments: &Payments, as_of: NaiveDate) -> BTreeMap<(i32, u32), MonthPunctuality> {
    let mut months: BTreeMap<(i32, u32), MonthPunctuality> = BTreeMap::new();
    for statement in data.statements.iter().filter(|s| s.due <= as_of && s.minimum.is_positive()) {
        let cell = months.entry((statement.due.year(), statement.due.month())).or_default();
        let by_due = payments.paid_between(&statement.account, statement.closing, statement.due);
        let ever = payments.paid_between(&statement.account, statement.closing, as_of);
        if by_due >= statement.minimum.fen() {
            cell.on_time += 1;
        } else if ever >= statement.minimum.fen() {
            cell.late += 1;
        } else {
            cell.missed += 1;
        }
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check_text;

    fn full() -> DataFile {
        check_text(include_str!("../../tests/fixtures/full.ron")).unwrap()
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
        let chart = ChartData::build(&full(), None, as_of);
        let cuts: Vec<_> = chart.markers.iter().filter(|m| m.kind == MarkerKind::Cut).collect();
        assert_eq!(cuts.len(), 1, "one observed drop, 20000 -> 15000");
        let inquiries = chart.markers.iter().filter(|m| m.kind == MarkerKind::Inquiry).count();
        assert_eq!(inquiries, 1, "the self query does not count");
        // s1 paid on the 7th for the 8th; s2 paid on 3-12, after its due date 3-08.
        assert_eq!(chart.punctuality.get(&(2025, 2)).map(|m| m.on_time), Some(1));
        assert_eq!(chart.punctuality.get(&(2025, 3)).map(|m| m.late), Some(1));
        assert_eq!(chart.observed.len(), 2);
        assert!(chart.utilisation.iter().any(|(lender, points)| lender == "招商银行信用卡" && points.len() == 2));
    }
}
