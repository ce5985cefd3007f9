//! The explanation of one day: score, limit, status, reasons and the monthly timeline.

use std::sync::Arc;

use chrono::{Datelike, Duration, Months, NaiveDate};
use serde::Serialize;

use crate::domain::{DataFile, Money, Text};

use super::features::{Features, Prepared, RecordIndex};
use super::ledger::{Source, month_start};
use super::limit::{ChangeKind, LimitHistory, score_at, simulate, supported};
use super::reason_code::{Effect, ReasonCode};
use super::reasons::{Reason, build_reasons, fill};
use super::rules::Rules;
use super::sweep::Sweep;

/// The status of the explained line on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The limit is zero.
    Zero,
    /// Above zero and lower than 90 days before.
    Falling,
    /// Above zero, not falling, and not raised in 180 days.
    Stuck,
    /// Raised within 180 days.
    Rising,
}

impl Status {
    /// As written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Zero => "zero",
            Status::Falling => "falling",
            Status::Stuck => "stuck",
            Status::Rising => "rising",
        }
    }

    /// For people.
    pub fn label(self) -> Text {
        match self {
            Status::Zero => Text::new("额度为零", "Zero"),
            Status::Falling => Text::new("额度下降", "Falling"),
            Status::Stuck => Text::new("额度停滞", "Stuck"),
            Status::Rising => Text::new("额度上升", "Rising"),
        }
    }
}

/// A factor's points, named.
#[derive(Clone, Debug, Serialize)]
pub struct FactorView {
    /// Factor id.
    pub id: &'static str,
    /// Its name.
    pub name: Text,
    /// Points earned.
    pub points: i64,
    /// The most it can earn.
    pub max_points: i64,
}

/// A change of the limit, for the timeline.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineChange {
    /// The day.
    pub on: NaiveDate,
    /// Before.
    pub from: Money,
    /// After.
    pub to: Money,
    /// `grant`, `raise`, `cut`, `freeze`, `restore` or `observed`.
    pub kind: &'static str,
    /// The reasons behind it.
    pub causes: Vec<ReasonCode>,
}

/// One month of the timeline.
#[derive(Clone, Debug, Serialize)]
pub struct MonthPoint {
    /// The first day of the month.
    pub month: NaiveDate,
    /// The score at the month's end (or the as-of day).
    pub score: i64,
    /// The estimated limit then.
    pub limit: Money,
    /// The last limit observed in the month.
    pub observed: Option<Money>,
    /// The status then.
    pub status: Status,
    /// Changes of the limit in the month, with their reasons.
    pub changes: Vec<TimelineChange>,
    /// Overdue amounts that began in the month (record ids).
    pub overdue_started: Vec<String>,
    /// Lenders first drawn on in the month.
    pub new_lenders: Vec<String>,
    /// Approval inquiries in the month (record ids).
    pub inquiries: Vec<String>,
    /// Card utilisation at the month's end, percent.
    pub utilisation_pct: Option<i64>,
}

/// A negative record and when it leaves the credit report.
#[derive(Clone, Debug, Serialize)]
pub struct NegativeRecord {
    /// The draw or statement that went overdue.
    pub source_id: String,
    /// Its lender.
    pub lender: String,
    /// The first missed due date.
    pub first_due: NaiveDate,
    /// Worst days past due.
    pub days_past_due: i64,
    /// When it was covered (none while still overdue).
    pub ended: Option<NaiveDate>,
    /// When it leaves the credit report (five years after it ended).
    pub ages_out: Option<NaiveDate>,
}

/// Everything the app and `explain` show about one day.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// The day explained.
    pub as_of: NaiveDate,
    /// The explained line's lender, for sentences.
    pub line_name: String,
    /// The score.
    pub score: i64,
    /// The scale's bottom.
    pub score_min: i64,
    /// The scale's top.
    pub score_max: i64,
    /// Points by factor.
    pub factors: Vec<FactorView>,
    /// The rules' estimate of the limit.
    pub limit: Money,
    /// The latest observed limit within 90 days, if any.
    pub observed_limit: Option<Money>,
    /// The limit the status is about (observed where recent, else estimated).
    pub status_limit: Money,
    /// What the record supports today, before review timing and step caps.
    pub supported: Money,
    /// The status.
    pub status: Status,
    /// One sentence answering the question.
    pub headline: Text,
    /// Ranked reasons; the first four that are not `raises` are the principal ones.
    pub reasons: Vec<Reason>,
    /// The next review.
    pub next_review: Option<NaiveDate>,
    /// Negative records on the credit report, with when they age out.
    pub negative_records: Vec<NegativeRecord>,
    /// Month by month.
    pub timeline: Vec<MonthPoint>,
    /// What is owed today, by lender, largest first.
    pub debt_by_lender: Vec<(String, Money)>,
    /// Every amount that fell due in the two years up to the day, oldest first.
    pub punctuality: Vec<DueView>,
}

/// One amount that fell due, for the punctuality calendar.
#[derive(Clone, Debug, Serialize)]
pub struct DueView {
    /// The due date.
    pub due: NaiveDate,
    /// The amount due (instalment or statement minimum).
    pub amount: Money,
    /// The lender (shared by every due of the account: two years of dues are many).
    pub lender: Arc<str>,
    /// The draw or statement (shared by every due of it).
    pub source_id: Arc<str>,
    /// Days after the due date it was covered; `None` while still unpaid.
    pub days_to_pay: Option<i64>,
    /// Covered within the grace days.
    pub on_time: bool,
}

/// One bar of a waterfall: what a reason (or nothing in particular) moved the limit by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WaterfallStep {
    /// The reason behind the moves (`None`: a change with no recorded reason, such as a
    /// limit seen in the lender's app).
    pub cause: Option<ReasonCode>,
    /// The sum of its moves.
    pub change: Money,
}

/// Why the limit moved between two months of the timeline: the limit at the end of `from`,
/// then each cause's moves in the months after it up to `to`, then the limit at the end of `to`.
pub fn waterfall(timeline: &[MonthPoint], from: NaiveDate, to: NaiveDate) -> (Money, Vec<WaterfallStep>, Money) {
    let start = timeline.iter().find(|m| m.month == from).map_or(Money::ZERO, |m| m.limit);
    let end = timeline.iter().find(|m| m.month == to).map_or(start, |m| m.limit);
    let mut steps: Vec<WaterfallStep> = Vec::new();
    for month in timeline.iter().filter(|m| m.month > from && m.month <= to) {
        for change in &month.changes {
            let delta = change.to - change.from;
            let causes: Vec<Option<ReasonCode>> =
                if change.causes.is_empty() { vec![None] } else { change.causes.iter().copied().map(Some).collect() };
            let n = i64::try_from(causes.len()).unwrap_or(1);
            let mut left = delta;
            for (i, cause) in causes.iter().enumerate() {
                // Split evenly; the last cause takes the rounding so the bars add up exactly.
                let share = if i + 1 == causes.len() { left } else { delta.mul_ratio(1, n) };
                left -= share;
                match steps.iter_mut().find(|s| s.cause == *cause) {
                    Some(step) => step.change += share,
                    None => steps.push(WaterfallStep { cause: *cause, change: share }),
                }
            }
        }
    }
    steps.retain(|s| s.change != Money::ZERO);
    (start, steps, end)
}

impl Explanation {
    /// The principal reasons: at most four that block, lower or hold.
    pub fn principal_reasons(&self) -> impl Iterator<Item = &Reason> {
        self.reasons.iter().filter(|r| r.effect != Effect::Raises).take(4)
    }

    /// What is going well.
    pub fn positive_reasons(&self) -> impl Iterator<Item = &Reason> {
        self.reasons.iter().filter(|r| r.effect == Effect::Raises)
    }
}

/// Explains `data` on `as_of` under `rules`.
pub fn explain(data: &DataFile, rules: &Rules, as_of: NaiveDate) -> Explanation {
    let prepared = Prepared::new(data, rules);
    let history = simulate(&prepared, as_of);
    explain_prepared(&prepared, &history, as_of, true)
}

/// Explains `data` on `as_of` with the index kept for these records (indexed afresh if it is
/// of other records or rules).
pub fn explain_with(data: &DataFile, rules: &Rules, index: &RecordIndex, as_of: NaiveDate) -> Explanation {
    let prepared = Prepared::with(data, rules, index);
    let history = simulate(&prepared, as_of);
    explain_prepared(&prepared, &history, as_of, true)
}

/// Explains with a prepared index and a simulated history (the what-if reuses these).
pub fn explain_prepared(
    prepared: &Prepared,
    history: &LimitHistory,
    as_of: NaiveDate,
    with_timeline: bool,
) -> Explanation {
    let rules = prepared.rules;
    let f = prepared.features_at(as_of);
    let s = score_at(prepared, &f);
    let limit = history.limit_at(as_of);
    let granted = limit > Money::ZERO || history.pre_freeze > Money::ZERO;
    let sup = supported(prepared, &f, &s, granted, history.cooldown_until);
    let observed_limit = recent_observed(prepared, as_of);
    let status = status_at(prepared, history, as_of);
    let status_limit = effective(prepared, history, as_of);
    let next_review = history.next_review_after(as_of);
    let reasons = build_reasons(prepared, history, &f, &s, &sup, status, as_of);
    let headline = headline(prepared, history, status, status_limit, &reasons, as_of);
    Explanation {
        as_of,
        line_name: prepared.target_lender().to_string(),
        score: s.total,
        score_min: rules.scale.min,
        score_max: rules.scale.max,
        factors: s
            .factors
            .iter()
            .map(|fs| FactorView {
                id: fs.id,
                name: rules.factor_name(fs.id),
                points: fs.points,
                max_points: fs.max_points,
            })
            .collect(),
        limit,
        observed_limit,
        status_limit,
        supported: sup.amount,
        status,
        headline,
        reasons,
        next_review,
        negative_records: negative_records(prepared, &f, as_of),
        timeline: if with_timeline { timeline(prepared, history, as_of) } else { Vec::new() },
        debt_by_lender: prepared.owed_by_lender(as_of),
        punctuality: punctuality(prepared, as_of),
    }
}

/// The latest observed limit in the 90 days up to `day`.
pub fn recent_observed(prepared: &Prepared, day: NaiveDate) -> Option<Money> {
    let obs = &prepared.target_observed;
    let n = obs.partition_point(|o| prepared.data.observed_limits[*o].on <= day);
    let latest = &prepared.data.observed_limits[*obs.get(n.checked_sub(1)?)?];
    ((day - latest.on).num_days() < 90).then_some(latest.limit)
}

/// The limit a status is about on `day`: observed within 90 days, else estimated.
pub fn effective(prepared: &Prepared, history: &LimitHistory, day: NaiveDate) -> Money {
    recent_observed(prepared, day).unwrap_or_else(|| history.limit_at(day))
}

/// The status on `day` (PRODUCT.md, "Statuses and reasons").
pub fn status_at(prepared: &Prepared, history: &LimitHistory, day: NaiveDate) -> Status {
    let now = effective(prepared, history, day);
    if now == Money::ZERO {
        return Status::Zero;
    }
    if now < effective(prepared, history, day - Duration::days(90)) {
        return Status::Falling;
    }
    let from = day - Duration::days(180);
    let before = effective(prepared, history, from);
    // Raised: granted or stepped up at a review, or seen higher than before the window. A line
    // given back after a freeze, lower than it was, has not risen.
    let raised = history.changes.iter().filter(|c| c.on > from && c.on <= day).any(|c| match c.kind {
        ChangeKind::Raise | ChangeKind::Grant => true,
        ChangeKind::Observed => c.to > c.from && c.to > before,
        _ => false,
    });
    if raised { Status::Rising } else { Status::Stuck }
}

fn headline(
    prepared: &Prepared,
    history: &LimitHistory,
    status: Status,
    limit: Money,
    reasons: &[Reason],
    as_of: NaiveDate,
) -> Text {
    let h = &prepared.rules.headlines;
    let template = match status {
        Status::Zero => &h.zero,
        Status::Falling => &h.falling,
        Status::Stuck => &h.stuck,
        Status::Rising => &h.rising,
    };
    let before = effective(prepared, history, as_of - Duration::days(90));
    let vars = [
        ("line", prepared.target_lender().to_string()),
        ("limit", limit.display_short()),
        ("from", before.display_short()),
        ("to", limit.display_short()),
    ];
    let opening = fill(template, &vars);
    let lead = match status {
        // A rise the record argues against is said first: the person should not read only the
        // good news.
        Status::Rising => reasons
            .iter()
            .find(|r| r.code == ReasonCode::OutsideFactors)
            .or_else(|| reasons.iter().find(|r| r.effect == Effect::Raises)),
        _ => reasons.iter().find(|r| r.effect != Effect::Raises),
    };
    match lead {
        Some(reason) => {
            Text::new(format!("{}：{}", opening.zh, reason.short.zh), format!("{}: {}", opening.en, reason.short.en))
        }
        None => opening,
    }
}

fn punctuality(prepared: &Prepared, as_of: NaiveDate) -> Vec<DueView> {
    let grace = prepared.rules.factors.payment_history.grace_days;
    let from = as_of.checked_sub_months(Months::new(24)).unwrap_or(as_of);
    let ledger = &prepared.ledger;
    let start = ledger.by_date.partition_point(|i| ledger.dues[*i].due <= from);
    let end = ledger.by_date.partition_point(|i| ledger.dues[*i].due <= as_of);
    let lenders: Vec<Arc<str>> = prepared.data.accounts.iter().map(|a| Arc::from(a.lender.as_str())).collect();
    // One shared id per draw or statement, made the first time one of its dues is listed.
    let data = prepared.data;
    let mut draw_ids: Vec<Option<Arc<str>>> = vec![None; data.draws.len()];
    let mut statement_ids: Vec<Option<Arc<str>>> = vec![None; data.statements.len()];
    let mut id_of = |source: Source| -> Arc<str> {
        let slot = match source {
            Source::Draw(d) => draw_ids.get_mut(d),
            Source::Statement(s) => statement_ids.get_mut(s),
        };
        match slot {
            Some(slot) => slot.get_or_insert_with(|| Arc::from(prepared.source_id(source))).clone(),
            None => Arc::from(""),
        }
    };
    ledger.by_date[start..end]
        .iter()
        .map(|i| {
            let due = &ledger.dues[*i];
            let met = due.met_on.filter(|m| *m <= as_of);
            DueView {
                due: due.due,
                amount: due.amount,
                lender: lenders.get(due.account).cloned().unwrap_or_else(|| Arc::from("")),
                source_id: id_of(due.source),
                days_to_pay: met.map(|m| (m - due.due).num_days()),
                on_time: met.is_some() && due.on_time(grace),
            }
        })
        .collect()
}

fn negative_records(prepared: &Prepared, f: &Features, as_of: NaiveDate) -> Vec<NegativeRecord> {
    let years = prepared.rules.factors.payment_history.bureau_years;
    debug_assert_eq!(f.t, as_of);
    f.episodes
        .iter()
        .map(|view| {
            let episode = &prepared.ledger.episodes[view.index];
            let lender = prepared.data.accounts.get(episode.account).map(|a| a.lender.clone()).unwrap_or_default();
            NegativeRecord {
                source_id: prepared.source_id(episode.source).to_string(),
                lender,
                first_due: episode.first_due(&prepared.ledger),
                days_past_due: view.days_past_due,
                ended: view.end,
                ages_out: view.end.and_then(|e| e.checked_add_months(Months::new(years * 12))),
            }
        })
        .collect()
}

fn kind_str(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Grant => "grant",
        ChangeKind::Raise => "raise",
        ChangeKind::Cut => "cut",
        ChangeKind::Freeze => "freeze",
        ChangeKind::Restore => "restore",
        ChangeKind::Observed => "observed",
    }
}

/// Month by month from where the record begins (at most ten years back) to `as_of`.
pub fn timeline(prepared: &Prepared, history: &LimitHistory, as_of: NaiveDate) -> Vec<MonthPoint> {
    let ten_years = as_of.checked_sub_months(Months::new(120)).unwrap_or(as_of);
    let first = month_start(prepared.record_start.max(ten_years));
    let data = prepared.data;
    let mut seen_lenders: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for d in prepared.draws_in(NaiveDate::MIN, first.pred_opt().unwrap_or(first)) {
        if let Some(a) = prepared.account_of(&data.draws[d].account) {
            seen_lenders.insert(data.accounts[a].lender.as_str());
        }
    }
    let mut out = Vec::new();
    let mut month = first;
    // Months come in order: one sweep measures them all.
    let mut sweep = Sweep::new(prepared);
    while month <= as_of {
        let next = month.checked_add_months(Months::new(1)).unwrap_or(as_of);
        let end = next.pred_opt().unwrap_or(month).min(as_of);
        let f = sweep.measure_at(end);
        let s = score_at(prepared, &f);
        // Everything below is sorted by day: a month's share is a range found by binary search.
        let changes = in_month(&history.changes, |c| c.on, month, end)
            .iter()
            .map(|c| TimelineChange {
                on: c.on,
                from: c.from,
                to: c.to,
                kind: kind_str(c.kind),
                causes: c.causes.clone(),
            })
            .collect();
        let seen = &prepared.target_observed;
        let observed =
            in_month(seen, |o| data.observed_limits[*o].on, month, end).last().map(|o| data.observed_limits[*o].limit);
        let episodes = &prepared.ledger.episodes;
        let overdue_started = in_month(episodes, |e| e.start, month, end)
            .iter()
            .map(|e| match e.source {
                Source::Draw(d) => data.draws[d].id.clone(),
                Source::Statement(s) => data.statements[s].id.clone(),
            })
            .collect();
        let mut new_lenders = Vec::new();
        for d in prepared.draws_in(month.pred_opt().unwrap_or(month), end) {
            if let Some(a) = prepared.account_of(&data.draws[d].account) {
                let lender = data.accounts[a].lender.as_str();
                if seen_lenders.insert(lender) {
                    new_lenders.push(lender.to_string());
                }
            }
        }
        let asked = &prepared.inquiries_by_date;
        let inquiries = in_month(asked, |q| data.inquiries[*q].on, month, end)
            .iter()
            .map(|q| &data.inquiries[*q])
            .filter(|q| q.purpose.is_application())
            .map(|q| q.id.clone())
            .collect();
        out.push(MonthPoint {
            month,
            score: s.total,
            limit: history.limit_at(end),
            observed,
            status: status_at(prepared, history, end),
            changes,
            overdue_started,
            new_lenders,
            inquiries,
            utilisation_pct: f.utilisation_pct,
        });
        if next <= month {
            break;
        }
        month = next;
    }
    out
}

/// The items of a list sorted by `day` that fall in `[month, end]`.
fn in_month<T>(items: &[T], day: impl Fn(&T) -> NaiveDate, month: NaiveDate, end: NaiveDate) -> &[T] {
    let start = items.partition_point(|item| day(item) < month);
    let stop = items.partition_point(|item| day(item) <= end).max(start);
    &items[start..stop]
}

/// The year and month of a day, `2025-04`.
pub fn month_label(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}
