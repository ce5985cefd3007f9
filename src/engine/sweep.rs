//! The record measured day after day, kept up to date instead of measured from scratch.
//!
//! The limit's simulation asks for the same numbers at every review and at every limit the
//! person saw — thousands of days in a long record — and the timeline asks once a month. Days
//! come in order, so a [`Sweep`] keeps what is owed on each draw, which other lenders count,
//! and what each overdue episode costs, and updates only what changed since the last day
//! asked: each draw and episode knows the days on which its part can change (a due date, a
//! payment, a window closing, a step of the recency table, the day it leaves the report).
//! Counts over fixed windows (inquiries, small and night draws) come from running totals.
//!
//! [`Sweep::measure_at`] gives exactly what [`Prepared::features_at`] counts; a test holds
//! the two to that on generated records, day by day.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::domain::Money;

use super::features::{Measure, Prepared, months_between, utilisation};

/// What can change on a day: a draw (by index) or an overdue episode (by index, tagged).
type Entity = u32;

/// Set on an [`Entity`] that is an episode.
const EPISODE: u32 = 1 << 31;

/// Every (day, entity) on which a sweep has something to update, in day order. Days are
/// counted from the common era, as chrono does.
pub type Events = Vec<(i32, Entity)>;

/// An overdue episode's part on the current day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EpisodePart {
    /// Not started, or aged off the report.
    Absent,
    /// Uncovered: what it costs grows with its days past due, so it is measured each day.
    Open,
    /// Covered and still on the report: points it costs, and whether it was serious.
    Closed { penalty: i64, serious: bool },
}

/// A forward cursor over the days of a [`Prepared`] record.
pub struct Sweep<'p, 'a> {
    p: &'p Prepared<'a>,
    events: &'p [(i32, Entity)],
    /// The next event to apply.
    next: usize,
    /// The day measured last.
    day: Option<NaiveDate>,
    /// Marks an entity updated in the current step, so it is updated once per step.
    step: u32,
    draw_step: Vec<u32>,
    episode_step: Vec<u32>,
    /// Per draw: due dates passed and payments made so far.
    dues_passed: Vec<u32>,
    payments_made: Vec<u32>,
    /// Per draw: what it adds to the debt now.
    draw_owed: Vec<Money>,
    draw_service: Vec<Money>,
    /// Per draw: true while it makes its lender count as another platform.
    draw_counts: Vec<bool>,
    owed_target: Money,
    owed_other: Money,
    service: Money,
    /// Per draw: its other lender, by position in `lenders`.
    draw_lender: Vec<Option<u32>>,
    /// Per other lender: the draws that make it count now.
    lender_draws: Vec<u32>,
    lenders_counted: i64,
    episode_part: Vec<EpisodePart>,
    open: Vec<usize>,
    closed_penalty: i64,
    serious: BTreeSet<usize>,
    /// Draw days in time order, and running counts of small and of night draws among them.
    draw_days: Vec<NaiveDate>,
    small_before: Vec<u32>,
    night_before: Vec<u32>,
    /// Inquiry days in date order, and a running count of applications among them.
    inquiry_days: Vec<NaiveDate>,
    applications_before: Vec<u32>,
}

impl<'p, 'a> Sweep<'p, 'a> {
    /// A sweep over `p`, before its first day.
    pub fn new(p: &'p Prepared<'a>) -> Sweep<'p, 'a> {
        let events = p.sweep_events.get_or_init(|| events_of(p));
        let data = p.data;
        let draws = data.draws.len();
        let mut lenders: Vec<&str> = p.draw_other_lender.iter().flatten().copied().collect();
        lenders.sort_unstable();
        lenders.dedup();
        let draw_lender = p
            .draw_other_lender
            .iter()
            .map(|l| l.and_then(|l| lenders.binary_search(&l).ok()).map(|i| i as u32))
            .collect();
        let running = |flags: &mut dyn Iterator<Item = bool>| -> Vec<u32> {
            let mut total = 0;
            let mut out = vec![0];
            out.extend(flags.map(|f| {
                total += u32::from(f);
                total
            }));
            out
        };
        let small_before = running(&mut p.draws_by_time.iter().map(|d| p.is_small_draw(*d)));
        let night_before = running(&mut p.draws_by_time.iter().map(|d| p.is_off_hours_draw(*d)));
        let applications_before =
            running(&mut p.inquiries_by_date.iter().map(|q| data.inquiries[*q].purpose.is_application()));
        Sweep {
            p,
            events,
            next: 0,
            day: None,
            step: 0,
            draw_step: vec![0; draws],
            episode_step: vec![0; p.ledger.episodes.len()],
            dues_passed: vec![0; draws],
            payments_made: vec![0; draws],
            draw_owed: vec![Money::ZERO; draws],
            draw_service: vec![Money::ZERO; draws],
            draw_counts: vec![false; draws],
            owed_target: Money::ZERO,
            owed_other: Money::ZERO,
            service: Money::ZERO,
            draw_lender,
            lender_draws: vec![0; lenders.len()],
            lenders_counted: 0,
            episode_part: vec![EpisodePart::Absent; p.ledger.episodes.len()],
            open: Vec::new(),
            closed_penalty: 0,
            serious: BTreeSet::new(),
            draw_days: p.draws_by_time.iter().map(|d| data.draws[*d].at.date()).collect(),
            small_before,
            night_before,
            inquiry_days: p.inquiries_by_date.iter().map(|q| data.inquiries[*q].on).collect(),
            applications_before,
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

    /// Applies every event up to the end of `t`.
    fn advance(&mut self, t: NaiveDate) {
        self.day = Some(t);
        self.step = self.step.wrapping_add(1).max(1);
        let until = t.num_days_from_ce();
        while let Some(&(day, entity)) = self.events.get(self.next) {
            if day > until {
                break;
            }
            self.next += 1;
            if entity & EPISODE != 0 {
                let e = (entity & !EPISODE) as usize;
                if self.episode_step[e] != self.step {
                    self.episode_step[e] = self.step;
                    self.update_episode(e, t);
                }
            } else {
                let d = entity as usize;
                if self.draw_step[d] != self.step {
                    self.draw_step[d] = self.step;
                    self.update_draw(d, t);
                }
            }
        }
    }

    fn update_draw(&mut self, d: usize, t: NaiveDate) {
        let p = self.p;
        let book = &p.ledger.draws[d];
        let mut passed = self.dues_passed[d] as usize;
        while passed < book.due_dates.len() && book.due_dates[passed] <= t {
            passed += 1;
        }
        let mut made = self.payments_made[d] as usize;
        while made < book.payments.len() && book.payments[made].0 <= t {
            made += 1;
        }
        self.dues_passed[d] = passed as u32;
        self.payments_made[d] = made as u32;
        let paid = if made == 0 { Money::ZERO } else { book.payments[made - 1].1 };
        let owed = book.outstanding_given(t, passed, paid);
        if !book.billed_by_statement {
            let service = book.monthly_service_passed(owed, passed);
            let sum = if p.draw_on_target[d] { &mut self.owed_target } else { &mut self.owed_other };
            *sum = *sum - self.draw_owed[d] + owed;
            self.service = self.service - self.draw_service[d] + service;
            self.draw_owed[d] = owed;
            self.draw_service[d] = service;
        }
        if let Some(lender) = self.draw_lender[d] {
            // Drawn in the window, or drawn before it and still owed.
            let from = window_start(t, p.rules.factors.borrowing_pattern.lender_window_months);
            let counts = book.drawn <= t && (book.drawn > from || owed > Money::ZERO);
            if counts != self.draw_counts[d] {
                self.draw_counts[d] = counts;
                let n = &mut self.lender_draws[lender as usize];
                let before = *n > 0;
                if counts {
                    *n += 1;
                } else {
                    *n -= 1;
                }
                self.lenders_counted += i64::from(*n > 0) - i64::from(before);
            }
        }
    }

    fn update_episode(&mut self, e: usize, t: NaiveDate) {
        let p = self.p;
        let episode = &p.ledger.episodes[e];
        let ph = &p.rules.factors.payment_history;
        let part = if episode.start > t {
            EpisodePart::Absent
        } else if episode.is_open_at(t) {
            EpisodePart::Open
        } else if p.episode_aged_out[e].is_some_and(|aged| aged <= t) {
            EpisodePart::Absent
        } else {
            let end = episode.end.unwrap_or(t);
            let worst = p.episode_final_dpd[e].unwrap_or_else(|| episode.days_past_due_at(&p.ledger, t));
            let penalty = ph.severity.lookup(worst) * ph.recency_pct.lookup(months_between(end, t)) / 100;
            EpisodePart::Closed { penalty, serious: worst >= p.rules.thresholds.recent_overdue_lowers_days }
        };
        let before = self.episode_part[e];
        if part == before {
            return;
        }
        match before {
            EpisodePart::Absent => {}
            EpisodePart::Open => {
                if let Some(i) = self.open.iter().position(|o| *o == e) {
                    self.open.swap_remove(i);
                }
            }
            EpisodePart::Closed { penalty, serious } => {
                self.closed_penalty -= penalty;
                if serious {
                    self.serious.remove(&e);
                }
            }
        }
        match part {
            EpisodePart::Absent => {}
            EpisodePart::Open => self.open.push(e),
            EpisodePart::Closed { penalty, serious } => {
                self.closed_penalty += penalty;
                if serious {
                    self.serious.insert(e);
                }
            }
        }
        self.episode_part[e] = part;
    }

    fn measure(&self, t: NaiveDate) -> Measure {
        let p = self.p;
        let factors = &p.rules.factors;
        let ph = &factors.payment_history;
        let open_penalty: i64 = self
            .open
            .iter()
            .map(|e| {
                let worst = p.ledger.episodes[*e].days_past_due_at(&p.ledger, t);
                ph.severity.lookup(worst) * ph.recency_pct.lookup(0) / 100
            })
            .sum();
        let (card_balance, card_limit, billed) = p.card_totals(t);
        let card_service = card_balance.mul_ratio(factors.amounts_owed.card_service_pct, 100);
        let debt_service = self.service + card_service;
        let pattern = &factors.borrowing_pattern;
        let draws_in = |counts: &[u32], days: i64| {
            let from = t - Duration::days(days);
            let start = self.draw_days.partition_point(|d| *d <= from);
            let end = self.draw_days.partition_point(|d| *d <= t);
            i64::from(counts[end.max(start)] - counts[start])
        };
        let inquiry_count = {
            let from = window_start(t, factors.new_credit.window_months);
            let start = self.inquiry_days.partition_point(|d| *d <= from);
            let end = self.inquiry_days.partition_point(|d| *d <= t);
            i64::from(self.applications_before[end.max(start)] - self.applications_before[start])
        };
        Measure {
            t,
            record_months: months_between(p.record_start, t),
            on_time_items: p.on_time_items(t),
            overdue_penalty: self.closed_penalty + open_penalty,
            open_overdues: i64::try_from(self.open.len()).unwrap_or(i64::MAX),
            serious_overdue: self.serious.last().copied(),
            utilisation_pct: utilisation(billed, card_limit),
            card_balance,
            debt_service,
            debt_to_income_pct: p.debt_to_income(debt_service),
            owed_target: self.owed_target,
            owed_other: self.owed_other + card_balance,
            lender_count: self.lenders_counted,
            inquiry_count,
            small_draw_count: draws_in(&self.small_before, pattern.small_draw_window_days),
            off_hours_count: draws_in(&self.night_before, pattern.off_hours_window_days),
            last_target_draw: p.last_target_draw(t),
            security_anomaly: p.security_at(t).1,
            frozen: !p.flags_at(t).is_empty(),
            identity_verified: p.identity_verified_on(t),
        }
    }
}

/// The day before a window of `months` ending on `t` begins (as `Prepared` counts windows).
fn window_start(t: NaiveDate, months: u32) -> NaiveDate {
    t.checked_sub_months(Months::new(months)).unwrap_or(t)
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

/// Every day on which a draw's or an episode's part can change.
fn events_of(p: &Prepared) -> Events {
    let mut events: Events = Vec::new();
    let day = |d: NaiveDate| d.num_days_from_ce();
    let window = p.rules.factors.borrowing_pattern.lender_window_months;
    for (d, book) in p.ledger.draws.iter().enumerate() {
        let other = p.draw_other_lender[d].is_some();
        if book.billed_by_statement && !other {
            continue;
        }
        let id = d as Entity;
        events.push((day(book.drawn), id));
        events.extend(book.due_dates.iter().map(|due| (day(*due), id)));
        events.extend(book.payments.iter().map(|(paid, _)| (day(*paid), id)));
        if let Some(settled) = book.settled_on {
            events.push((day(settled), id));
        }
        if other && let Some(leaves) = leaves_window(book.drawn, window) {
            events.push((day(leaves), id));
        }
    }
    let recency = &p.rules.factors.payment_history.recency_pct;
    for (e, episode) in p.ledger.episodes.iter().enumerate() {
        let id = e as Entity | EPISODE;
        events.push((day(episode.start), id));
        if let Some(end) = episode.end {
            events.push((day(end), id));
            for (months, _) in &recency.0 {
                if let Some(step) = u32::try_from(*months).ok().filter(|m| *m > 0).and_then(|m| months_after(end, m)) {
                    events.push((day(step), id));
                }
            }
        }
        if let Some(aged) = p.episode_aged_out[e] {
            events.push((day(aged), id));
        }
    }
    super::index::sort_by_day(&mut events);
    events
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
