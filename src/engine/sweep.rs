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
use super::ledger::Episode;

/// A draw's part on a day: what it adds to the debt, and whether it makes its lender count as
/// another platform.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct DrawPart {
    /// The draw, by index.
    draw: u32,
    owed: Money,
    service: Money,
    counts: bool,
}

/// What every sweep over one [`Prepared`] record reads, built once on first use.
pub struct SweepIndex {
    /// Each draw's part from each day it changes, in day order. Days are counted from the
    /// common era, as chrono does. Worked out draw by draw when the index is built, so the
    /// sweep only adds up differences.
    draw_changes: Vec<(i32, DrawPart)>,
    /// Each overdue episode's part from each day it changes, in day order.
    episode_changes: Vec<(i32, (u32, EpisodePart))>,
    /// Per draw: its lender when that counts as another platform, numbered from 0.
    draw_lender: Vec<Option<u32>>,
    /// How many such lenders there are.
    lenders: usize,
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
    /// The next changes to apply.
    next_draw: usize,
    next_episode: usize,
    /// The day measured last.
    day: Option<NaiveDate>,
    /// Per draw: its part now.
    draw_part: Vec<DrawPart>,
    owed_target: Money,
    owed_other: Money,
    service: Money,
    /// Per other lender (as numbered in the index): the draws that make it count now.
    lender_draws: Vec<u32>,
    lenders_counted: i64,
    episode_part: Vec<EpisodePart>,
    open: i64,
    /// Points the episodes on the report cost now.
    penalty: i64,
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
        let draws = p.data.draws.len();
        Sweep {
            p,
            index,
            next_draw: 0,
            next_episode: 0,
            day: None,
            draw_part: vec![DrawPart::default(); draws],
            owed_target: Money::ZERO,
            owed_other: Money::ZERO,
            service: Money::ZERO,
            lender_draws: vec![0; index.lenders],
            lenders_counted: 0,
            episode_part: vec![EpisodePart::Absent; p.ledger.episodes.len()],
            open: 0,
            penalty: 0,
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

    /// Applies every change up to the end of `t`.
    fn advance(&mut self, t: NaiveDate) {
        self.day = Some(t);
        let until = t.num_days_from_ce();
        let index = self.index;
        while let Some(&(day, part)) = index.draw_changes.get(self.next_draw) {
            if day > until {
                break;
            }
            self.next_draw += 1;
            self.apply_draw(part);
        }
        while let Some(&(day, (e, part))) = index.episode_changes.get(self.next_episode) {
            if day > until {
                break;
            }
            self.next_episode += 1;
            self.apply_episode(e as usize, part);
        }
    }

    fn apply_draw(&mut self, part: DrawPart) {
        let d = part.draw as usize;
        let before = self.draw_part[d];
        self.draw_part[d] = part;
        let sum = if self.p.draw_on_target[d] { &mut self.owed_target } else { &mut self.owed_other };
        *sum = *sum - before.owed + part.owed;
        self.service = self.service - before.service + part.service;
        if part.counts != before.counts
            && let Some(lender) = self.index.draw_lender[d]
        {
            let n = &mut self.lender_draws[lender as usize];
            let had = *n > 0;
            if part.counts {
                *n += 1;
            } else {
                *n -= 1;
            }
            self.lenders_counted += i64::from(*n > 0) - i64::from(had);
        }
    }

    fn apply_episode(&mut self, e: usize, part: EpisodePart) {
        let before = self.episode_part[e];
        if part == before {
            return;
        }
        match before {
            EpisodePart::Absent => {}
            EpisodePart::Open { penalty } => {
                self.open -= 1;
                self.penalty -= penalty;
            }
            EpisodePart::Closed { penalty, serious } => {
                self.penalty -= penalty;
                if serious {
                    self.serious.remove(&e);
                }
            }
        }
        match part {
            EpisodePart::Absent => {}
            EpisodePart::Open { penalty } => {
                self.open += 1;
                self.penalty += penalty;
            }
            EpisodePart::Closed { penalty, serious } => {
                self.penalty += penalty;
                if serious {
                    self.serious.insert(e);
                }
            }
        }
        self.episode_part[e] = part;
    }

    fn measure(&mut self, t: NaiveDate) -> Measure {
        let p = self.p;
        let index = self.index;
        let factors = &p.rules.factors;
        let ph = &factors.payment_history;
        let (card_balance, card_limit, billed) = p.card_totals(t);
        let card_service = card_balance.mul_ratio(factors.amounts_owed.card_service_pct, 100);
        let debt_service = self.service + card_service;
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
            overdue_penalty: self.penalty,
            open_overdues: self.open,
            serious_overdue: self.serious.last().copied(),
            utilisation_pct: utilisation(billed, card_limit),
            card_balance,
            debt_service,
            debt_to_income_pct: p.debt_to_income(debt_service),
            owed_target: self.owed_target,
            owed_other: self.owed_other + card_balance,
            lender_count: self.lenders_counted,
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
/// table. Days past due only grow while it is uncovered, so each is a binary search.
fn severity_steps(p: &Prepared, episode: &Episode) -> Vec<NaiveDate> {
    let ledger = &p.ledger;
    // While uncovered, one of its dues is unpaid, so it is at least that many days past due.
    let last_due = episode.dues.iter().map(|i| ledger.dues[*i].due).max().unwrap_or(episode.start);
    let open_until = episode.end.and_then(|end| end.pred_opt());
    let mut steps = Vec::new();
    for (days, _) in &p.rules.factors.payment_history.severity.0 {
        let Some(reached_by) =
            Duration::try_days((*days).clamp(0, 1_000_000)).and_then(|d| last_due.checked_add_signed(d))
        else {
            continue;
        };
        let mut hi = reached_by.max(episode.start);
        if let Some(until) = open_until {
            hi = hi.min(until);
        }
        if hi < episode.start || episode.days_past_due_at(ledger, hi) < *days {
            continue;
        }
        // The first day in [start, hi] on which it is `days` past due.
        let mut lo = episode.start;
        while lo < hi {
            let mid = lo + Duration::days((hi - lo).num_days() / 2);
            if episode.days_past_due_at(ledger, mid) >= *days {
                hi = mid;
            } else {
                lo = mid + Duration::days(1);
            }
        }
        steps.push(lo);
    }
    steps
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
        let (draw_changes, episode_changes) = (draw_changes(p), episode_changes(p));
        let flags: Vec<usize> = p.events_by_time.iter().copied().filter(|e| is_flag(data.events[*e].kind)).collect();
        let event_kind = |e: &usize| data.events[*e].kind;
        let mut lenders: Vec<&str> = p.draw_other_lender.iter().flatten().copied().collect();
        lenders.sort_unstable();
        lenders.dedup();
        let draw_lender = p
            .draw_other_lender
            .iter()
            .map(|l| l.and_then(|l| lenders.binary_search(&l).ok()).map(|i| i as u32))
            .collect();
        SweepIndex {
            draw_changes,
            episode_changes,
            draw_lender,
            lenders: lenders.len(),
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

/// Each draw's part on every day it can change: drawn, a due date, a payment, settled, and
/// the day it leaves the lender window. Walks each draw's own days in order, so the work is
/// one pass over the draw's records.
fn draw_changes(p: &Prepared) -> Vec<(i32, DrawPart)> {
    let capacity = p.ledger.draws.iter().map(|b| b.due_dates.len() + b.payments.len() + 3).sum::<usize>();
    let mut changes: Vec<(i32, DrawPart)> = Vec::with_capacity(capacity);
    let window = p.rules.factors.borrowing_pattern.lender_window_months;
    let mut days: Vec<NaiveDate> = Vec::new();
    for (d, book) in p.ledger.draws.iter().enumerate() {
        let other = p.draw_other_lender[d].is_some();
        if book.billed_by_statement && !other {
            continue;
        }
        let leaves = if other { leaves_window(book.drawn, window) } else { None };
        days.clear();
        days.push(book.drawn);
        days.extend(book.due_dates.iter().copied());
        days.extend(book.payments.iter().map(|(paid, _)| *paid));
        days.extend(book.settled_on);
        days.extend(leaves);
        days.sort_unstable();
        days.dedup();
        let (mut passed, mut made) = (0, 0);
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
            let counts = other && book.drawn <= *t && (in_window || owed > Money::ZERO);
            let part = if book.billed_by_statement {
                DrawPart { draw: d as u32, owed: Money::ZERO, service: Money::ZERO, counts }
            } else {
                let service = book.monthly_service_passed(owed, passed);
                DrawPart { draw: d as u32, owed, service, counts }
            };
            changes.push((t.num_days_from_ce(), part));
        }
    }
    super::index::sort_by_day(&mut changes);
    changes
}

/// Each overdue episode's part on every day it can change: started, each step of the severity
/// table while uncovered, covered, each step of the recency table, and the day it leaves the
/// report.
fn episode_changes(p: &Prepared) -> Vec<(i32, (u32, EpisodePart))> {
    let ph = &p.rules.factors.payment_history;
    // Started, covered, aged out, and each step of the two tables at most.
    let per_episode = 3 + ph.severity.0.len() + ph.recency_pct.0.len();
    let mut changes = Vec::with_capacity(p.ledger.episodes.len() * per_episode);
    let serious_days = p.rules.thresholds.recent_overdue_lowers_days;
    let mut days: Vec<NaiveDate> = Vec::new();
    for (e, episode) in p.ledger.episodes.iter().enumerate() {
        days.clear();
        days.push(episode.start);
        days.extend(severity_steps(p, episode));
        if let Some(end) = episode.end {
            days.push(end);
            let steps = ph.recency_pct.0.iter().filter_map(|(months, _)| u32::try_from(*months).ok());
            days.extend(steps.filter(|m| *m > 0).filter_map(|m| months_after(end, m)));
        }
        days.extend(p.episode_aged_out[e]);
        days.sort_unstable();
        days.dedup();
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
            changes.push((t.num_days_from_ce(), (e as u32, part)));
        }
    }
    super::index::sort_by_day(&mut changes);
    changes
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
