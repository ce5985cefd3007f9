//! The explained line's limit, simulated through time under the rules.
//!
//! The line is granted a small first limit once nothing blocks it, moves only at reviews (every
//! few months from the day it opened) by at most one step up, is cut to what the record supports
//! when that falls, and is frozen at once by an overdue amount, a cash-out or fraud flag, or
//! missing identity. A limit the person saw in their lender's app resets the simulation on that
//! day; where it differs from what the rules predicted, the gap is kept as a *surprise*.

use chrono::{Months, NaiveDate};

use crate::domain::{EventKind, Money};

use super::features::{Measure, Prepared, months_between};
use super::reason_code::ReasonCode;
use super::score::{Score, score};
use super::sweep::Sweep;

/// What the record supports on a day, and why not more.
#[derive(Clone, Debug, Default)]
pub struct Supported {
    /// The most the limit may rise to: the score's band under the caps (zero when blocked).
    pub amount: Money,
    /// What the score alone supports.
    pub band: Money,
    /// Reasons that keep the line at zero.
    pub blocks: Vec<ReasonCode>,
    /// Behaviour that cuts the limit at the next review, each keeping a share of it.
    pub lowering: Vec<ReasonCode>,
    /// Caps below the band: (reason, cap).
    pub caps: Vec<(ReasonCode, Money)>,
}

impl Supported {
    /// The cap of a code, when it binds.
    pub fn cap(&self, code: ReasonCode) -> Option<Money> {
        self.caps.iter().find(|(c, _)| *c == code).map(|(_, m)| *m)
    }
}

/// Why the limit changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// First granted.
    Grant,
    /// Raised at a review.
    Raise,
    /// Cut at a review or an event.
    Cut,
    /// Frozen to zero at once.
    Freeze,
    /// Given back after a freeze.
    Restore,
    /// Seen in the lender's app.
    Observed,
}

/// One change of the limit.
#[derive(Clone, Debug)]
pub struct LimitChange {
    /// The day.
    pub on: NaiveDate,
    /// Before.
    pub from: Money,
    /// After.
    pub to: Money,
    /// What kind of change.
    pub kind: ChangeKind,
    /// The reasons behind it.
    pub causes: Vec<ReasonCode>,
}

/// An observed limit that the rules did not predict.
#[derive(Clone, Debug)]
pub struct Surprise {
    /// The day it was seen.
    pub on: NaiveDate,
    /// The observed-limit record.
    pub observed_index: usize,
    /// What the rules had.
    pub predicted: Money,
    /// What was seen.
    pub observed: Money,
    /// What was seen the time before, if anything.
    pub previous_observed: Option<Money>,
}

/// The simulated history.
#[derive(Clone, Debug, Default)]
pub struct LimitHistory {
    /// Every change, in time order.
    pub changes: Vec<LimitChange>,
    /// Observations the rules did not predict.
    pub surprises: Vec<Surprise>,
    /// Review days.
    pub reviews: Vec<NaiveDate>,
    /// Reasons that held the limit at each review where it could have risen: (day, reasons).
    pub holds: Vec<(NaiveDate, Vec<ReasonCode>)>,
    /// No rises before this day (cooling down after an overdue).
    pub cooldown_until: Option<NaiveDate>,
    /// The limit before the current freeze, if frozen.
    pub pre_freeze: Money,
    /// Lowering behaviour already acted on at the last review (cut once, then held), with what
    /// makes each a new occurrence (see `lowering_keys`).
    pub lowered_for: Vec<(ReasonCode, usize)>,
}

impl LimitHistory {
    /// The simulated (or observed-anchored) limit at the end of `day`.
    pub fn limit_at(&self, day: NaiveDate) -> Money {
        let n = self.changes.partition_point(|c| c.on <= day);
        if n == 0 { Money::ZERO } else { self.changes[n - 1].to }
    }

    /// What a reason cost at its latest cut on or before `day`: its share of that cut.
    pub fn cut_by(&self, code: ReasonCode, day: NaiveDate) -> Option<(NaiveDate, Money)> {
        self.changes.iter().rev().filter(|c| c.on <= day && c.to < c.from).find(|c| c.causes.contains(&code)).map(|c| {
            let share = (c.from - c.to).mul_ratio(1, i64::try_from(c.causes.len().max(1)).unwrap_or(1));
            (c.on, share)
        })
    }

    /// The first review after `day`.
    pub fn next_review_after(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.reviews.iter().copied().find(|r| *r > day)
    }
}

/// Rounds down to the rules' rounding.
fn round(prepared: &Prepared, amount: Money) -> Money {
    amount.at_least_zero().floor_to(prepared.rules.limit.rounding)
}

/// Reasons that hold a limit where it is at a review.
pub fn holding_reasons(prepared: &Prepared, f: &Measure, cooldown_until: Option<NaiveDate>) -> Vec<ReasonCode> {
    let th = &prepared.rules.thresholds;
    let mut holds = Vec::new();
    if cooldown_until.is_some_and(|until| f.t < until) {
        holds.push(ReasonCode::RecentOverdue);
    }
    if f.inquiry_count >= th.many_inquiries {
        holds.push(ReasonCode::ManyInquiries);
    }
    if f.lender_count >= th.many_lenders {
        holds.push(ReasonCode::ManyLenders);
    }
    if f.utilisation_pct.is_some_and(|u| u >= th.high_utilisation_pct) {
        holds.push(ReasonCode::HighUtilisation);
    }
    if f.small_draw_count >= prepared.rules.factors.borrowing_pattern.small_draw_count {
        holds.push(ReasonCode::FrequentSmallDraws);
    }
    if unused_months(prepared, f) >= th.unused_months {
        holds.push(ReasonCode::UnusedLine);
    }
    holds
}

/// Whole months since the line was last drawn on (or opened, if never).
pub fn unused_months(prepared: &Prepared, f: &Measure) -> i64 {
    let opened = prepared.target.map_or(f.t, |t| prepared.data.accounts[t].opened);
    months_between(f.last_target_draw.unwrap_or(opened).max(opened), f.t)
}

/// A count as i64.
pub fn count<T>(items: &[T]) -> i64 {
    i64::try_from(items.len()).unwrap_or(i64::MAX)
}

/// What the record supports on `f.t`, given whether the line is already granted.
pub fn supported(
    prepared: &Prepared,
    f: &Measure,
    s: &Score,
    granted: bool,
    cooldown_until: Option<NaiveDate>,
) -> Supported {
    let rules = prepared.rules;
    let th = &rules.thresholds;
    let lr = &rules.limit;
    let mut blocks = Vec::new();
    if !f.identity_verified {
        blocks.push(ReasonCode::IdentityUnverified);
    }
    if f.frozen {
        blocks.push(ReasonCode::FrozenViolation);
    }
    if f.open_overdues > 0 {
        blocks.push(ReasonCode::CurrentOverdue);
    }
    if f.record_months < th.new_user_months && f.on_time_items < th.new_user_items {
        blocks.push(ReasonCode::NoHistory);
    }
    if f.debt_to_income_pct.is_some_and(|d| d > th.debt_block_pct) {
        blocks.push(ReasonCode::DebtOverCapacity);
    }
    let bar = if granted { lr.exit_score } else { lr.entry_score };
    if s.total < bar {
        blocks.push(ReasonCode::ScoreBelowEntry);
    }

    let band = Money::from_yuan(lr.band_limit.lookup(s.total));
    let mut lowering = Vec::new();
    let recent_severe = f.serious_overdue.is_some() && cooldown_until.is_some_and(|until| f.t < until);
    for (code, active) in [
        (ReasonCode::RecentOverdue, recent_severe),
        (ReasonCode::HighUtilisation, f.utilisation_pct.is_some_and(|u| u >= th.high_utilisation_pct)),
        (ReasonCode::ManyLenders, f.lender_count > th.many_lenders),
        (ReasonCode::FrequentSmallDraws, f.small_draw_count >= rules.factors.borrowing_pattern.small_draw_count),
        (ReasonCode::OffHoursLargeDraws, f.off_hours_count > 0),
        (ReasonCode::DebtOverCapacity, f.debt_to_income_pct.is_some_and(|d| d > th.debt_lower_pct)),
    ] {
        if active && lr.lowering_keep_pct.contains_key(&code) {
            lowering.push(code);
        }
    }
    let mut caps = Vec::new();
    for (code, cap) in [
        (ReasonCode::IncomeCapacity, income_capacity(prepared, f)),
        (ReasonCode::ShortHistory, (f.record_months < th.short_history_months).then_some(lr.short_history_cap)),
        (ReasonCode::ProductCap, Some(lr.product_cap)),
    ] {
        if let Some(cap) = cap.map(|c| round(prepared, c))
            && cap < band
        {
            caps.push((code, cap));
        }
    }
    let ceiling = caps.iter().map(|(_, c)| *c).fold(band, Money::min);
    let amount = if blocks.is_empty() { round(prepared, ceiling) } else { Money::ZERO };
    Supported { amount, band, blocks, lowering, caps }
}

/// What income supports, when income is known.
pub fn income_capacity(prepared: &Prepared, f: &Measure) -> Option<Money> {
    let profile = &prepared.data.profile;
    let lr = &prepared.rules.limit;
    let income = profile.monthly_income.filter(|i| i.is_positive())?;
    let assets = profile.liquid_assets.unwrap_or(Money::ZERO).mul_ratio(lr.assets_pct, 100);
    let other = if lr.subtract_other_debt { f.owed_other } else { Money::ZERO };
    Some((income.mul_ratio(lr.income_multiple, 1) + assets - other).at_least_zero())
}

/// Scores a day.
pub fn score_at(prepared: &Prepared, f: &Measure) -> Score {
    let profile = &prepared.data.profile;
    let assets = profile.liquid_assets.map_or(0, |a| a.fen() / 100);
    score(f, prepared.rules, assets, profile.monthly_income.is_some_and(|i| i.is_positive()))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Checkpoint {
    /// Order within a day: observations first, then what freezes, then reviews.
    Observed(usize),
    EpisodeEnd,
    Freeze(ReasonCode),
    Security,
    Review,
}

/// Simulates the line from its opening to `until`.
pub fn simulate(prepared: &Prepared, until: NaiveDate) -> LimitHistory {
    let mut history = LimitHistory::default();
    let Some(target) = prepared.target else { return history };
    let opened = prepared.data.accounts[target].opened;
    let closed = prepared.data.accounts[target].closed;
    let mut points: Vec<(NaiveDate, Checkpoint)> = Vec::new();
    let review_months = prepared.rules.limit.review_months;
    let mut k = 0;
    while let Some(day) = opened.checked_add_months(Months::new(review_months * k)) {
        if day > until {
            break;
        }
        history.reviews.push(day);
        points.push((day, Checkpoint::Review));
        k += 1;
    }
    if let Some(next) = opened.checked_add_months(Months::new(review_months * k)) {
        history.reviews.push(next);
    }
    for episode in &prepared.ledger.episodes {
        if episode.start <= until {
            points.push((episode.start, Checkpoint::Freeze(ReasonCode::CurrentOverdue)));
        }
        if let Some(end) = episode.end.filter(|e| *e <= until) {
            points.push((end, Checkpoint::EpisodeEnd));
        }
    }
    for event in &prepared.data.events {
        let day = event.at.date();
        if day > until {
            continue;
        }
        match event.kind {
            EventKind::CashOutFlag | EventKind::FraudFlag => {
                points.push((day, Checkpoint::Freeze(ReasonCode::FrozenViolation)))
            }
            EventKind::AbnormalLogin | EventKind::DeviceChange => points.push((day, Checkpoint::Security)),
            _ => {}
        }
    }
    for o in &prepared.target_observed {
        let day = prepared.data.observed_limits[*o].on;
        if day <= until {
            points.push((day, Checkpoint::Observed(*o)));
        }
    }
    points.sort();
    points.dedup();
    // The days are in order, so one sweep measures them all without starting over each time.
    let mut sweep = Sweep::new(prepared);

    let mut limit = Money::ZERO;
    let mut last_observed: Option<Money> = None;
    let mut last_security_cut: Option<NaiveDate> = None;
    let mut observed_day: Option<(NaiveDate, LoweringKeys, Vec<ReasonCode>)> = None;
    let cooldown = prepared.rules.limit.overdue_cooldown_months;
    let mut change = |history: &mut LimitHistory, limit: &mut Money, on, to: Money, kind, causes: Vec<ReasonCode>| {
        if to != *limit || kind == ChangeKind::Observed {
            history.changes.push(LimitChange { on, from: *limit, to, kind, causes });
            *limit = to;
        }
    };
    for (day, point) in points {
        if day < opened || closed.is_some_and(|c| day >= c) {
            continue;
        }
        match point {
            Checkpoint::Observed(o) => {
                let observed = prepared.data.observed_limits[o].limit;
                if observed != limit {
                    history.surprises.push(Surprise {
                        on: day,
                        observed_index: o,
                        predicted: limit,
                        observed,
                        previous_observed: last_observed,
                    });
                }
                last_observed = Some(observed);
                // A cut the person saw while lowering behaviour was on record is put down to it.
                let causes = if observed < limit && observed.is_positive() {
                    // Several limits seen on one day share the day's measurement (nothing else
                    // moves between them: observations come first in a day).
                    let (keys, lowering) = match &observed_day {
                        Some((on, keys, lowering)) if *on == day => (keys.clone(), lowering.clone()),
                        _ => {
                            let f = sweep.measure_at(day);
                            let s = score_at(prepared, &f);
                            let sup = supported(prepared, &f, &s, true, history.cooldown_until);
                            let keys = lowering_keys(&f, &sup);
                            observed_day = Some((day, keys.clone(), sup.lowering.clone()));
                            (keys, sup.lowering)
                        }
                    };
                    history.lowered_for = keys;
                    lowering
                } else {
                    Vec::new()
                };
                change(&mut history, &mut limit, day, observed, ChangeKind::Observed, causes);
                history.pre_freeze = Money::ZERO;
            }
            Checkpoint::EpisodeEnd => {
                let end = day.checked_add_months(Months::new(cooldown));
                history.cooldown_until = history.cooldown_until.max(end);
            }
            Checkpoint::Freeze(code) => {
                if limit > Money::ZERO {
                    history.pre_freeze = limit;
                    change(&mut history, &mut limit, day, Money::ZERO, ChangeKind::Freeze, vec![code]);
                }
            }
            Checkpoint::Security => {
                let (_, anomaly) = prepared.security_at(day);
                let recently = last_security_cut
                    .is_some_and(|d| (day - d).num_days() < prepared.rules.factors.identity.security_window_days);
                if anomaly && limit > Money::ZERO && !recently {
                    let to = round(prepared, limit.mul_ratio(100 - prepared.rules.limit.security_cut_pct, 100));
                    change(&mut history, &mut limit, day, to, ChangeKind::Cut, vec![ReasonCode::SecurityAnomaly]);
                    last_security_cut = Some(day);
                }
            }
            Checkpoint::Review => {
                let f = sweep.measure_at(day);
                review(prepared, &mut history, &mut limit, &f, &mut change);
            }
        }
    }
    history
}

/// Lowering behaviour with what makes each a new occurrence.
type LoweringKeys = Vec<(ReasonCode, usize)>;

/// The lowering behaviour on record, each with what makes it a new occurrence: a recent overdue
/// is keyed by its episode, so a second serious overdue cuts again; other behaviour cuts once
/// while it lasts.
fn lowering_keys(f: &Measure, sup: &Supported) -> LoweringKeys {
    sup.lowering
        .iter()
        .map(|code| {
            let key = if *code == ReasonCode::RecentOverdue { f.serious_overdue.unwrap_or(0) } else { 0 };
            (*code, key)
        })
        .collect()
}

/// What a review would cut `amount` to, leaving raises out: new lowering behaviour, a long-unused
/// line, and caps below it. Used for a frozen line, whose amount comes back after the freeze.
fn cuts_while_frozen(
    prepared: &Prepared,
    history: &LimitHistory,
    f: &Measure,
    sup: &Supported,
    amount: Money,
) -> Money {
    let lr = &prepared.rules.limit;
    let mut amount = lowering_keys(f, sup)
        .iter()
        .filter(|key| !history.lowered_for.contains(key))
        .map(|(code, _)| code)
        .fold(amount, |amount, code| amount.mul_ratio(lr.lowering_keep_pct.get(code).copied().unwrap_or(100), 100));
    if unused_months(prepared, f) >= prepared.rules.thresholds.unused_months * 3 / 2 {
        amount = amount.mul_ratio(100 - lr.unused_cut_pct, 100);
    }
    let cap = sup.caps.iter().map(|(_, c)| *c).fold(amount, Money::min);
    round(prepared, cap)
}

type ChangeFn<'c> = dyn FnMut(&mut LimitHistory, &mut Money, NaiveDate, Money, ChangeKind, Vec<ReasonCode>) + 'c;

fn review(prepared: &Prepared, history: &mut LimitHistory, limit: &mut Money, f: &Measure, change: &mut ChangeFn) {
    let lr = &prepared.rules.limit;
    let day = f.t;
    let s = score_at(prepared, f);
    let granted = *limit > Money::ZERO || history.pre_freeze > Money::ZERO;
    let sup = supported(prepared, f, &s, granted, history.cooldown_until);
    if !sup.blocks.is_empty() {
        if *limit > Money::ZERO {
            change(history, limit, day, Money::ZERO, ChangeKind::Cut, sup.blocks.clone());
            history.lowered_for.clear();
        } else if history.pre_freeze > Money::ZERO {
            // A frozen line keeps being reviewed: whatever would have cut it meanwhile cuts the
            // amount it comes back from, so a freeze never leaves a line better off.
            history.pre_freeze = cuts_while_frozen(prepared, history, f, &sup, history.pre_freeze);
            history.lowered_for = lowering_keys(f, &sup);
        } else {
            history.lowered_for.clear();
        }
        return;
    }
    if *limit == Money::ZERO && history.pre_freeze > Money::ZERO {
        let before_restore = cuts_while_frozen(prepared, history, f, &sup, history.pre_freeze);
        history.lowered_for = lowering_keys(f, &sup);
        let restored = round(prepared, before_restore.mul_ratio(100 - lr.overdue_cut_pct, 100)).min(sup.amount);
        history.pre_freeze = Money::ZERO;
        change(history, limit, day, restored, ChangeKind::Restore, vec![ReasonCode::RecentOverdue]);
        return;
    }
    let keys = lowering_keys(f, &sup);
    let newly: Vec<ReasonCode> =
        keys.iter().filter(|key| !history.lowered_for.contains(key)).map(|(code, _)| *code).collect();
    history.lowered_for = keys;
    if *limit == Money::ZERO {
        let first = Money::from_yuan(lr.first_limit.lookup(s.total)).min(sup.amount);
        change(history, limit, day, round(prepared, first), ChangeKind::Grant, vec![]);
        return;
    }
    if !newly.is_empty() {
        let kept = newly
            .iter()
            .fold(*limit, |amount, code| amount.mul_ratio(lr.lowering_keep_pct.get(code).copied().unwrap_or(100), 100));
        change(history, limit, day, round(prepared, kept), ChangeKind::Cut, newly);
        return;
    }
    if sup.amount < *limit {
        let causes: Vec<ReasonCode> = sup.caps.iter().filter(|(_, cap)| *cap < *limit).map(|(c, _)| *c).collect();
        let causes = if causes.is_empty() { vec![ReasonCode::ScoreBelowEntry] } else { causes };
        change(history, limit, day, sup.amount, ChangeKind::Cut, causes);
        return;
    }
    let mut holds = holding_reasons(prepared, f, history.cooldown_until);
    // Behaviour that cut the limit also keeps it from rising while it lasts.
    for code in &sup.lowering {
        if !holds.contains(code) {
            holds.push(*code);
        }
    }
    if unused_months(prepared, f) >= prepared.rules.thresholds.unused_months * 3 / 2 {
        let to = round(prepared, limit.mul_ratio(100 - lr.unused_cut_pct, 100));
        change(history, limit, day, to, ChangeKind::Cut, vec![ReasonCode::UnusedLine]);
        return;
    }
    if sup.amount > *limit {
        if !holds.is_empty() {
            history.holds.push((day, holds));
            return;
        }
        let step = limit.mul_ratio(lr.max_step_pct, 100).max(lr.min_step);
        let to = round(prepared, (*limit + step).min(sup.amount));
        if to > *limit {
            change(history, limit, day, to, ChangeKind::Raise, vec![ReasonCode::OnTimeStreak]);
        }
    }
}
