//! The record measured day after day, kept up to date instead of measured from scratch.
//!
//! The limit's simulation asks for the same numbers at every review and at every limit the
//! person saw — thousands of days in a long record — and the timeline asks once a month. Days
//! come in order, so a [`Sweep`] keeps what is owed on each draw, which other lenders count,
//! and what each overdue episode costs, and updates only what changed since the last day
//! asked: each draw and episode knows the days on which its part can change (a due date, a
//! payment, a window closing, a step of the recency table, the day it leaves the report).
//! Counts over windows (inquiries, small and night draws, on-time payments, security events)
//! come from running totals read through cursors that only move forward.
//!
//! [`Sweep::measure_at`] gives exactly what [`Prepared::features_at`] counts; a test holds
//! the two to that on generated records, day by day.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::domain::Money;

use crate::domain::EventKind;

use super::features::{Measure, Prepared, is_flag, months_between, utilisation, window_start};
use super::index::{both, worth_two_threads};
use super::ledger::Episode;

/// What the draws add up to at the end of a day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct DrawTotals {
    /// Principal owed on the explained line.
    owed_target: Money,
    /// Principal owed on the other lines.
    owed_other: Money,
    /// What the draws cost a month.
    service: Money,
    /// Other lenders that count.
    lenders: i64,
}

/// What the overdue episodes add up to at the end of a day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct EpisodeTotals {
    /// Points the episodes on the report cost.
    penalty: i64,
    /// Episodes uncovered.
    open: i64,
}

/// Totals that can be added up.
trait Sum: Copy + Default {
    fn add(&mut self, other: &Self);
}

impl Sum for DrawTotals {
    fn add(&mut self, other: &Self) {
        self.owed_target += other.owed_target;
        self.owed_other += other.owed_other;
        self.service += other.service;
        self.lenders += other.lenders;
    }
}

impl Sum for EpisodeTotals {
    fn add(&mut self, other: &Self) {
        self.penalty += other.penalty;
        self.open += other.open;
    }
}

/// The days on which totals can change, each a slot in an array. Every day from the first to
/// the last when they span a modest range (every real record); else only the days that occur.
#[derive(Clone, Debug)]
enum DayAxis {
    Dense { first: i32, len: usize },
    Sparse(Vec<i32>),
}

/// Days counted from the common era, as chrono does.
fn day_number(day: NaiveDate) -> i32 {
    day.num_days_from_ce()
}

impl DayAxis {
    /// An axis from `first` to `last` for about `count` changes; `days` lists every day that
    /// occurs, asked only when the span is too wide to keep a slot for each day.
    fn over(first: i32, last: i32, count: usize, days: impl FnOnce() -> Vec<i32>) -> DayAxis {
        if first > last {
            return DayAxis::Dense { first: 0, len: 0 };
        }
        let span = usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(usize::MAX);
        if span <= count.max(1 << 16) {
            return DayAxis::Dense { first, len: span };
        }
        // Days far apart (a date typed with the wrong century): only the days that occur.
        let mut days = days();
        days.sort_unstable();
        days.dedup();
        DayAxis::Sparse(days)
    }

    /// The slot of a day on the axis.
    fn slot(&self, day: i32) -> usize {
        match self {
            DayAxis::Dense { first, .. } => usize::try_from(i64::from(day) - i64::from(*first)).unwrap_or(0),
            DayAxis::Sparse(days) => days.partition_point(|d| *d < day),
        }
    }

    /// The last slot on or before `day`.
    fn upto(&self, day: i32) -> Option<usize> {
        match self {
            DayAxis::Dense { first, len } => {
                let after = usize::try_from(i64::from(day) - i64::from(*first)).ok()?;
                Some(after.min(len.checked_sub(1)?))
            }
            DayAxis::Sparse(days) => days.partition_point(|d| *d <= day).checked_sub(1),
        }
    }

    fn len(&self) -> usize {
        match self {
            DayAxis::Dense { len, .. } => *len,
            DayAxis::Sparse(days) => days.len(),
        }
    }
}

/// Running totals by day: each change is added to its day's slot, and the slots are summed
/// once, so no list of every change needs sorting by day.
struct Running<T> {
    axis: DayAxis,
    totals: Vec<T>,
}

impl<T: Sum> Running<T> {
    fn new(axis: DayAxis) -> Running<T> {
        let totals = vec![T::default(); axis.len()];
        Running { axis, totals }
    }

    /// The slot to add a change on `day` to (a day on the axis; every day walked is on it).
    fn change(&mut self, day: i32) -> Option<&mut T> {
        let slot = self.totals.get_mut(self.axis.slot(day));
        debug_assert!(slot.is_some(), "day {day} is off the axis");
        slot
    }

    /// Adds up the changes: from here on each slot holds the totals at the end of its day.
    fn sum(mut self) -> Running<T> {
        for i in 1..self.totals.len() {
            let before = self.totals[i - 1];
            self.totals[i].add(&before);
        }
        self
    }

    /// The totals at the end of `day`.
    fn at(&self, day: NaiveDate) -> T {
        self.axis.upto(day_number(day)).map_or_else(T::default, |slot| self.totals[slot])
    }
}

/// What every sweep over one [`Prepared`] record reads, built once on first use.
pub struct SweepIndex {
    /// What the draws add up to, day by day, from each draw's changes worked out draw by draw.
    draws: Running<DrawTotals>,
    /// What the overdue episodes add up to, day by day.
    episodes: Running<EpisodeTotals>,
    /// Days on which a serious overdue episode comes onto or leaves the report: (day,
    /// (episode, on)), in day order.
    serious_changes: Vec<(i32, (u32, bool))>,
    /// Due days in date order (parallel to `Ledger::by_date`).
    due_days: Vec<NaiveDate>,
    /// Draw days in time order, and running counts of small and of night draws among them.
    draw_days: Vec<NaiveDate>,
    small_before: Vec<u32>,
    night_before: Vec<u32>,
    /// Days of draws on the explained line, in time order.
    target_draw_days: Vec<NaiveDate>,
    /// Inquiry days in date order, and a running count of applications among them.
    inquiry_days: Vec<NaiveDate>,
    applications_before: Vec<u32>,
    /// Event days in time order, with running counts of abnormal logins and device changes.
    event_days: Vec<NaiveDate>,
    logins_before: Vec<u32>,
    devices_before: Vec<u32>,
    /// Cash-out and fraud flags in time order: their days, and until when each freezes.
    flag_days: Vec<NaiveDate>,
    flag_until: Vec<Option<NaiveDate>>,
}

/// A position in a list of days that only moves forward: how many days are on or before the
/// day asked, for days asked in order.
#[derive(Clone, Copy, Debug, Default)]
struct Cursor(usize);

impl Cursor {
    fn upto(&mut self, days: &[NaiveDate], day: NaiveDate) -> usize {
        while self.0 < days.len() && days[self.0] <= day {
            self.0 += 1;
        }
        self.0
    }
}

/// A window's two ends, as cursors.
#[derive(Clone, Copy, Debug, Default)]
struct Window {
    from: Cursor,
    to: Cursor,
}

impl Window {
    /// How many of `running` are counted in `(from, to]`, where `running[n]` counts the
    /// first `n` days.
    fn count(&mut self, days: &[NaiveDate], running: &[u32], from: NaiveDate, to: NaiveDate) -> i64 {
        let start = self.from.upto(days, from);
        let end = self.to.upto(days, to).max(start);
        i64::from(running[end] - running[start])
    }
}

/// `running[n]`: how many of the first `n` flags are set.
fn running(flags: impl Iterator<Item = bool>) -> Vec<u32> {
    let mut total = 0;
    let mut out = vec![0];
    out.extend(flags.map(|f| {
        total += u32::from(f);
        total
    }));
    out
}

/// An overdue episode's part on the current day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum EpisodePart {
    /// Not started, or aged off the report.
    #[default]
    Absent,
    /// Uncovered: what it costs grows with its days past due (a change day each time the
    /// severity table steps up).
    Open { penalty: i64 },
    /// Covered and still on the report: points it costs, and whether it was serious.
    Closed { penalty: i64, serious: bool },
}

/// A forward cursor over the days of a [`Prepared`] record.
pub struct Sweep<'p, 'a> {
    p: &'p Prepared<'a>,
    index: &'p SweepIndex,
    /// The next serious change to apply.
    next_serious: usize,
    /// The day measured last.
    day: Option<NaiveDate>,
    /// Serious episodes on the report now.
    serious: BTreeSet<usize>,
    /// Cursors of the windows counted each day.
    on_time: Window,
    small: Window,
    night: Window,
    inquiries: Window,
    security: Window,
    flags: Window,
    target_draws: Cursor,
}

impl<'p, 'a> Sweep<'p, 'a> {
    /// A sweep over `p`, before its first day.
    pub fn new(p: &'p Prepared<'a>) -> Sweep<'p, 'a> {
        let index = p.sweep_index.get_or_init(|| SweepIndex::new(p));
        Sweep {
            p,
            index,
            next_serious: 0,
            day: None,
            serious: BTreeSet::new(),
            on_time: Window::default(),
            small: Window::default(),
            night: Window::default(),
            inquiries: Window::default(),
            security: Window::default(),
            flags: Window::default(),
            target_draws: Cursor::default(),
        }
    }

    /// Everything the score and the limit rules read on `t`. Cheapest when days come in order;
    /// an earlier day starts the sweep over.
    pub fn measure_at(&mut self, t: NaiveDate) -> Measure {
        if self.day.is_some_and(|day| t < day) {
            *self = Sweep::new(self.p);
        }
        self.advance(t);
        self.measure(t)
    }

    /// Applies the serious changes up to the end of `t`.
    fn advance(&mut self, t: NaiveDate) {
        self.day = Some(t);
        let until = day_number(t);
        let index = self.index;
        while let Some(&(day, (e, on))) = index.serious_changes.get(self.next_serious) {
            if day > until {
                break;
            }
            self.next_serious += 1;
            if on {
                self.serious.insert(e as usize);
            } else {
                self.serious.remove(&(e as usize));
            }
        }
    }

    fn measure(&mut self, t: NaiveDate) -> Measure {
        let p = self.p;
        let index = self.index;
        let factors = &p.rules.factors;
        let ph = &factors.payment_history;
        let (totals, episodes) = (index.draws.at(t), index.episodes.at(t));
        let (card_balance, card_limit, billed) = p.card_totals(t);
        let card_service = card_balance.mul_ratio(factors.amounts_owed.card_service_pct, 100);
        let debt_service = totals.service + card_service;
        let pattern = &factors.borrowing_pattern;
        // Only dues whose grace has passed by `t` are known to be on time (as `on_time_items`).
        let on_time_items = self
            .on_time
            .count(
                &index.due_days,
                &p.on_time_before,
                window_start(t, ph.lookback_months),
                t - Duration::days(ph.grace_days),
            )
            .max(0);
        let small_draw_count = self.small.count(
            &index.draw_days,
            &index.small_before,
            t - Duration::days(pattern.small_draw_window_days),
            t,
        );
        let off_hours_count = self.night.count(
            &index.draw_days,
            &index.night_before,
            t - Duration::days(pattern.off_hours_window_days),
            t,
        );
        let inquiry_count = self.inquiries.count(
            &index.inquiry_days,
            &index.applications_before,
            window_start(t, factors.new_credit.window_months),
            t,
        );
        let security_from = t - Duration::days(factors.identity.security_window_days);
        let logins = self.security.count(&index.event_days, &index.logins_before, security_from, t);
        let devices = {
            let (start, end) = (self.security.from.0, self.security.to.0.max(self.security.from.0));
            i64::from(index.devices_before[end] - index.devices_before[start])
        };
        let frozen = {
            let from = window_start(t, p.longest_freeze_months());
            let start = self.flags.from.upto(&index.flag_days, from);
            let end = self.flags.to.upto(&index.flag_days, t).max(start);
            index.flag_until[start..end].iter().any(|until| until.is_some_and(|until| until > t))
        };
        let targets = self.target_draws.upto(&index.target_draw_days, t);
        Measure {
            t,
            record_months: months_between(p.record_start, t),
            on_time_items,
            overdue_penalty: episodes.penalty,
            open_overdues: episodes.open,
            serious_overdue: self.serious.last().copied(),
            utilisation_pct: utilisation(billed, card_limit),
            card_balance,
            debt_service,
            debt_to_income_pct: p.debt_to_income(debt_service),
            owed_target: totals.owed_target,
            owed_other: totals.owed_other + card_balance,
            lender_count: totals.lenders,
            inquiry_count,
            small_draw_count,
            off_hours_count,
            last_target_draw: targets.checked_sub(1).map(|n| index.target_draw_days[n]),
            security_anomaly: logins > 0 || devices >= factors.identity.device_changes,
            frozen,
            identity_verified: p.identity_verified_on(t),
        }
    }
}

/// The days an uncovered episode's worst days past due first reach each step of the severity
/// table. A due reaches `days` past due `days` after it fell due, unless it was covered
/// sooner; the episode reaches it with its first due that does, and not before it started.
fn severity_steps(p: &Prepared, episode: &Episode, steps: &mut Vec<NaiveDate>) {
    let ledger = &p.ledger;
    let open_until = episode.end.and_then(|end| end.pred_opt());
    for (days, _) in &p.rules.factors.payment_history.severity.0 {
        let reached = if *days <= 0 {
            // Every day of an episode is at least zero days past due.
            Some(episode.start)
        } else {
            let Some(after) = Duration::try_days((*days).min(1_000_000)) else { continue };
            episode
                .dues
                .iter()
                .map(|i| &ledger.dues[*i])
                .filter(|due| due.met_on.is_none_or(|met| (met - due.due).num_days() >= *days))
                .filter_map(|due| due.due.checked_add_signed(after))
                .min()
                .map(|day| day.max(episode.start))
        };
        if let Some(day) = reached.filter(|day| open_until.is_none_or(|until| *day <= until)) {
            steps.push(day);
        }
    }
}

/// The first day `t` whose window of `months` no longer holds `day`: `window_start(t) >= day`.
pub(super) fn leaves_window(day: NaiveDate, months: u32) -> Option<NaiveDate> {
    let mut t = day.checked_add_months(Months::new(months))?;
    // Adding months clamps to a month's end; the window starts on `day` a few days later.
    while window_start(t, months) < day {
        t = t.succ_opt()?;
    }
    Some(t)
}

/// The first day at least `months` whole months after `from`, as [`months_between`] counts.
pub(super) fn months_after(from: NaiveDate, months: u32) -> Option<NaiveDate> {
    let t = from.checked_add_months(Months::new(months))?;
    // Clamped to a shorter month's end: the whole month is only complete the day after.
    if t.day() == from.day() { Some(t) } else { t.succ_opt() }
}

impl SweepIndex {
    fn new(p: &Prepared) -> SweepIndex {
        let data = p.data;
        // The draws' totals and the episodes' do not depend on each other.
        let (draws, (episodes, serious_changes)) =
            both(worth_two_threads(data), || DrawWalk::new(p).totals(), || episode_totals(p));
        let flags: Vec<usize> = p.events_by_time.iter().copied().filter(|e| is_flag(data.events[*e].kind)).collect();
        let event_kind = |e: &usize| data.events[*e].kind;
        SweepIndex {
            draws,
            episodes,
            serious_changes,
            due_days: p.ledger.by_date.iter().map(|i| p.ledger.dues[*i].due).collect(),
            draw_days: p.draws_by_time.iter().map(|d| data.draws[*d].at.date()).collect(),
            small_before: running(p.draws_by_time.iter().map(|d| p.is_small_draw(*d))),
            night_before: running(p.draws_by_time.iter().map(|d| p.is_off_hours_draw(*d))),
            target_draw_days: p.target_draws.iter().map(|d| data.draws[*d].at.date()).collect(),
            inquiry_days: p.inquiries_by_date.iter().map(|q| data.inquiries[*q].on).collect(),
            applications_before: running(
                p.inquiries_by_date.iter().map(|q| data.inquiries[*q].purpose.is_application()),
            ),
            event_days: p.events_by_time.iter().map(|e| data.events[*e].at.date()).collect(),
            logins_before: running(p.events_by_time.iter().map(|e| event_kind(e) == EventKind::AbnormalLogin)),
            devices_before: running(p.events_by_time.iter().map(|e| event_kind(e) == EventKind::DeviceChange)),
            flag_days: flags.iter().map(|e| data.events[*e].at.date()).collect(),
            flag_until: flags.iter().map(|e| p.frozen_until(*e)).collect(),
        }
    }
}

/// The draws' changes to the totals: each draw's part on every day it can change (drawn, a due
/// date, a payment, settled, and the day it leaves the lender window), walked draw by draw.
struct DrawWalk<'p, 'a> {
    p: &'p Prepared<'a>,
    /// Per draw: the day it leaves the lender window, when its lender counts as another one.
    leaves: Vec<Option<NaiveDate>>,
}

impl<'p, 'a> DrawWalk<'p, 'a> {
    fn new(p: &'p Prepared<'a>) -> DrawWalk<'p, 'a> {
        let window = p.rules.factors.borrowing_pattern.lender_window_months;
        let leaves = p
            .ledger
            .draws
            .iter()
            .zip(&p.draw_other_lender)
            .map(|(book, other)| other.and_then(|_| leaves_window(book.drawn, window)))
            .collect();
        DrawWalk { p, leaves }
    }

    /// True when the draw changes nothing the sweep keeps: billed by statement, and its lender
    /// not another platform.
    fn skipped(&self, d: usize) -> bool {
        self.p.ledger.draws[d].billed_by_statement && self.p.draw_other_lender[d].is_none()
    }

    /// The days draw `d`'s part can change, in order, without repeats.
    fn days(&self, d: usize, days: &mut Vec<NaiveDate>) {
        let book = &self.p.ledger.draws[d];
        days.clear();
        days.push(book.drawn);
        days.extend(book.due_dates.iter().copied());
        days.extend(book.payments.iter().map(|(paid, _)| *paid));
        days.extend(book.settled_on);
        days.extend(self.leaves[d]);
        days.sort_unstable();
        days.dedup();
    }

    /// The axis for the draws' days.
    fn axis(&self) -> DayAxis {
        let mut first = i32::MAX;
        let mut last = i32::MIN;
        let mut count = 0;
        let mut see = |day: NaiveDate| {
            let day = day_number(day);
            first = first.min(day);
            last = last.max(day);
        };
        for (d, book) in self.p.ledger.draws.iter().enumerate() {
            if self.skipped(d) {
                continue;
            }
            count += book.due_dates.len() + book.payments.len() + 3;
            see(book.drawn);
            for day in [book.due_dates.first(), book.due_dates.last()].into_iter().flatten() {
                see(*day);
            }
            for (day, _) in [book.payments.first(), book.payments.last()].into_iter().flatten() {
                see(*day);
            }
            for day in [book.settled_on, self.leaves[d]].into_iter().flatten() {
                see(day);
            }
        }
        DayAxis::over(first, last, count, || {
            let mut all = Vec::new();
            let mut days = Vec::new();
            for d in 0..self.p.ledger.draws.len() {
                if !self.skipped(d) {
                    self.days(d, &mut days);
                    all.extend(days.iter().map(|day| day_number(*day)));
                }
            }
            all
        })
    }

    /// Each draw's changes, added up by day.
    fn totals(&self) -> Running<DrawTotals> {
        let mut totals: Running<DrawTotals> = Running::new(self.axis());
        let p = self.p;
        // When another lender's draws start or stop making it count: (day, (lender, ±1)).
        let mut lender_changes: Vec<(i32, (u32, i32))> = Vec::new();
        let mut days: Vec<NaiveDate> = Vec::new();
        for (d, book) in p.ledger.draws.iter().enumerate() {
            if self.skipped(d) {
                continue;
            }
            self.days(d, &mut days);
            let on_target = p.draw_on_target[d];
            let (leaves, lender) = (self.leaves[d], p.draw_other_lender[d]);
            let (mut passed, mut made) = (0, 0);
            let (mut owed_before, mut service_before, mut counted) = (Money::ZERO, Money::ZERO, false);
            for t in &days {
                while passed < book.due_dates.len() && book.due_dates[passed] <= *t {
                    passed += 1;
                }
                while made < book.payments.len() && book.payments[made].0 <= *t {
                    made += 1;
                }
                let paid = if made == 0 { Money::ZERO } else { book.payments[made - 1].1 };
                let owed = book.outstanding_given(*t, passed, paid);
                // Drawn in the lender window, or drawn before it and still owed.
                let in_window = leaves.is_none_or(|leaves| *t < leaves);
                let counts = lender.is_some() && book.drawn <= *t && (in_window || owed > Money::ZERO);
                let (owed, service) = if book.billed_by_statement {
                    (Money::ZERO, Money::ZERO)
                } else {
                    (owed, book.monthly_service_passed(owed, passed))
                };
                let day = day_number(*t);
                if let Some(slot) = totals.change(day) {
                    let sum = if on_target { &mut slot.owed_target } else { &mut slot.owed_other };
                    *sum += owed - owed_before;
                    slot.service += service - service_before;
                }
                if counts != counted
                    && let Some(lender) = lender
                {
                    lender_changes.push((day, (lender, if counts { 1 } else { -1 })));
                }
                (owed_before, service_before, counted) = (owed, service, counts);
            }
        }
        // A lender counts while any of its draws does.
        super::index::sort_by_day(&mut lender_changes);
        let mut draws_counting = vec![0i32; p.other_lender_count];
        for (day, (lender, change)) in lender_changes {
            let n = &mut draws_counting[lender as usize];
            let had = *n > 0;
            *n += change;
            if let Some(slot) = totals.change(day) {
                slot.lenders += i64::from(*n > 0) - i64::from(had);
            }
        }
        totals.sum()
    }
}

/// The overdue episodes' totals by day, and the days a serious one comes onto or leaves the
/// report, in day order.
#[allow(clippy::type_complexity)]
fn episode_totals(p: &Prepared) -> (Running<EpisodeTotals>, Vec<(i32, (u32, bool))>) {
    let (changes, mut serious_changes) = episode_changes(p);
    let first = changes.iter().map(|(day, _)| *day).min().unwrap_or(i32::MAX);
    let last = changes.iter().map(|(day, _)| *day).max().unwrap_or(i32::MIN);
    let axis = DayAxis::over(first, last, changes.len(), || changes.iter().map(|(day, _)| *day).collect());
    let mut totals: Running<EpisodeTotals> = Running::new(axis);
    for (day, change) in &changes {
        if let Some(slot) = totals.change(*day) {
            slot.add(change);
        }
    }
    super::index::sort_by_day(&mut serious_changes);
    (totals.sum(), serious_changes)
}

/// Each overdue episode's changes on every day its part can change: started, each step of the
/// severity table while uncovered, covered, each step of the recency table, and the day it
/// leaves the report. Also the days a serious one comes onto or leaves the report.
#[allow(clippy::type_complexity)]
fn episode_changes(p: &Prepared) -> (Vec<(i32, EpisodeTotals)>, Vec<(i32, (u32, bool))>) {
    let ph = &p.rules.factors.payment_history;
    // Started, covered, aged out, and each step of the two tables at most.
    let per_episode = 3 + ph.severity.0.len() + ph.recency_pct.0.len();
    let mut changes = Vec::with_capacity(p.ledger.episodes.len() * per_episode);
    let mut serious_changes = Vec::new();
    let serious_days = p.rules.thresholds.recent_overdue_lowers_days;
    let mut days: Vec<NaiveDate> = Vec::new();
    for (e, episode) in p.ledger.episodes.iter().enumerate() {
        days.clear();
        days.push(episode.start);
        severity_steps(p, episode, &mut days);
        if let Some(end) = episode.end {
            days.push(end);
            let steps = ph.recency_pct.0.iter().filter_map(|(months, _)| u32::try_from(*months).ok());
            days.extend(steps.filter(|m| *m > 0).filter_map(|m| months_after(end, m)));
        }
        days.extend(p.episode_aged_out[e]);
        days.sort_unstable();
        days.dedup();
        let mut before = EpisodePart::Absent;
        for t in &days {
            let part = if episode.start > *t {
                EpisodePart::Absent
            } else if episode.is_open_at(*t) {
                let worst = episode.days_past_due_at(&p.ledger, *t);
                EpisodePart::Open { penalty: ph.severity.lookup(worst) * ph.recency_pct.lookup(0) / 100 }
            } else if p.episode_aged_out[e].is_some_and(|aged| aged <= *t) {
                EpisodePart::Absent
            } else {
                let end = episode.end.unwrap_or(*t);
                let worst = p.episode_final_dpd[e].unwrap_or_else(|| episode.days_past_due_at(&p.ledger, *t));
                let penalty = ph.severity.lookup(worst) * ph.recency_pct.lookup(months_between(end, *t)) / 100;
                EpisodePart::Closed { penalty, serious: worst >= serious_days }
            };
            if part == before {
                continue;
            }
            let day = day_number(*t);
            let (was, now) = (before.totals(), part.totals());
            changes.push((day, EpisodeTotals { penalty: now.0 - was.0, open: now.1 - was.1 }));
            if before.serious() != part.serious() {
                serious_changes.push((day, (e as u32, part.serious())));
            }
            before = part;
        }
    }
    (changes, serious_changes)
}

impl EpisodePart {
    /// Points it costs and whether it counts as uncovered.
    fn totals(self) -> (i64, i64) {
        match self {
            EpisodePart::Absent => (0, 0),
            EpisodePart::Open { penalty } => (penalty, 1),
            EpisodePart::Closed { penalty, .. } => (penalty, 0),
        }
    }

    fn serious(self) -> bool {
        matches!(self, EpisodePart::Closed { serious: true, .. })
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)] // A test that cannot set up should fail loudly.
mod tests {
    use super::*;

    fn days(from: NaiveDate, count: i64) -> impl Iterator<Item = NaiveDate> {
        (0..count).map(move |n| from + Duration::days(n))
    }

    #[test]
    fn a_window_lets_go_of_a_day_exactly_when_its_start_passes_it() {
        let from = NaiveDate::from_ymd_opt(2023, 12, 1).unwrap_or_default();
        for months in [1, 3, 6, 12] {
            for day in days(from, 500) {
                let leaves = leaves_window(day, months).expect("a day in range");
                for t in days(day, 450) {
                    assert_eq!(window_start(t, months) >= day, t >= leaves, "{day} +{months}m, on {t}");
                }
            }
        }
    }

    #[test]
    fn whole_months_are_reached_on_the_day_months_between_says() {
        let from = NaiveDate::from_ymd_opt(2023, 12, 1).unwrap_or_default();
        for months in [1, 6, 12, 24] {
            for end in days(from, 500) {
                let reached = months_after(end, months).expect("a day in range");
                for t in days(end, 800) {
                    assert_eq!(months_between(end, t) >= i64::from(months), t >= reached, "{end} +{months}m, on {t}");
                }
            }
        }
    }
}
