//! What the rules look at, measured from the records as of a day.
//!
//! [`RecordIndex`] sorts and indexes the records once per version of them (the app builds it
//! as the file loads and keeps it); [`Prepared`] pairs it with the records and the rules, and
//! [`Prepared::features_at`] then answers for any day quickly (binary searches and small
//! windows), so the limit's history can be simulated at every review and event without
//! rescanning the file.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, Duration, Months, NaiveDate, Timelike};

use crate::domain::{AccountKind, DataFile, EventKind, Money};

use super::index::{OwnedIdMap, both, worth_two_threads};
use super::ledger::{Accounts, Ledger, Source};
use super::rules::Rules;

/// Draws not settled at some point in a month, by month.
struct ActiveByMonth {
    /// The month number of `months[0]`.
    first: i32,
    months: Vec<Vec<usize>>,
    /// Draws never settled: the active ones in every month after the last in `months`.
    unsettled: Vec<usize>,
}

impl ActiveByMonth {
    fn new(ledger: &Ledger) -> ActiveByMonth {
        let first = ledger.draws.iter().map(|b| month_key(b.drawn)).min().unwrap_or(0);
        // Up to the last month anything is drawn or settled; unsettled draws run on after it.
        let last = ledger
            .draws
            .iter()
            .map(|b| month_key(b.drawn).max(b.settled_on.map_or(i32::MIN, month_key)))
            .max()
            .unwrap_or(0);
        let mut months: Vec<Vec<usize>> = Vec::new();
        let mut unsettled = Vec::new();
        for (d, book) in ledger.draws.iter().enumerate() {
            if book.settled_on.is_none() {
                unsettled.push(d);
            }
            let end = book.settled_on.map_or(last, month_key);
            for key in month_key(book.drawn)..=end {
                let Ok(i) = usize::try_from(key - first) else { continue };
                if months.len() <= i {
                    months.resize_with(i + 1, Vec::new);
                }
                months[i].push(d);
            }
        }
        ActiveByMonth { first, months, unsettled }
    }

    fn get(&self, t: NaiveDate) -> Option<&Vec<usize>> {
        let i = usize::try_from(month_key(t) - self.first).ok()?;
        Some(self.months.get(i).unwrap_or(&self.unsettled))
    }
}

/// The records, indexed for questions by date, under one set of rules: built once for each
/// version of the records (the app builds it on the thread that loads them, and again after
/// each change) and read by every explanation, timeline and what-if of that version, on any
/// day. Whoever keeps one keeps it with the version it was built from; [`Prepared::with`] only
/// checks the record counts and the rules.
pub struct RecordIndex {
    /// Dues, payments and overdue episodes.
    pub ledger: Ledger,
    /// The explained line, by account index.
    pub target: Option<usize>,
    /// Draws by time.
    pub draws_by_time: Vec<usize>,
    /// Draws on the explained line, by time.
    pub target_draws: Vec<usize>,
    /// Inquiries by date.
    pub inquiries_by_date: Vec<usize>,
    /// Events by time.
    pub events_by_time: Vec<usize>,
    /// Observed limits of the explained line, by date.
    pub target_observed: Vec<usize>,
    /// Where the record begins: the earliest of joining and opening an account.
    pub record_start: NaiveDate,
    /// `on_time_before[n]`: how many of the first `n` dues in `ledger.by_date` order were on time.
    pub(super) on_time_before: Vec<u32>,
    /// Draws not settled at some point in a month, by month number.
    active_by_month: ActiveByMonth,
    account_index: OwnedIdMap,
    /// Per draw: its account index, looked up once rather than by id in every window scan.
    pub(super) draw_account: Vec<Option<usize>>,
    /// Per draw: true when it is on the explained line.
    pub(super) draw_on_target: Vec<bool>,
    /// Per draw: its lender, numbered from 0 in name order, when it counts as another platform
    /// (not the explained line's lender, not a card or mortgage).
    pub(super) draw_other_lender: Vec<Option<u32>>,
    /// How many lenders count as other platforms.
    pub(super) other_lender_count: usize,
    /// Per episode: its worst days past due once it ended (fixed from then on).
    pub(super) episode_final_dpd: Vec<Option<i64>>,
    /// Per episode: the day it leaves the credit report (the bureau's years after it ended).
    pub(super) episode_aged_out: Vec<Option<NaiveDate>>,
    /// The days on which something a [`Sweep`](super::sweep::Sweep) keeps changes, built on
    /// first use.
    pub(super) sweep_index: OnceLock<super::sweep::SweepIndex>,
    /// What it was built from: the rules, and how many records of each kind.
    rules: Rules,
    counts: [usize; 7],
}

impl std::fmt::Debug for RecordIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordIndex")
            .field("dues", &self.ledger.dues.len())
            .field("episodes", &self.ledger.episodes.len())
            .field("counts", &self.counts)
            .finish_non_exhaustive()
    }
}

/// How many records of each kind a file holds.
fn counts(data: &DataFile) -> [usize; 7] {
    [
        data.accounts.len(),
        data.draws.len(),
        data.statements.len(),
        data.repayments.len(),
        data.observed_limits.len(),
        data.inquiries.len(),
        data.events.len(),
    ]
}

/// An index of its own, or one kept elsewhere.
enum Held<'a> {
    Own(Box<RecordIndex>),
    Kept(&'a RecordIndex),
}

/// The records and the rules, with their index: what every question about a day reads.
pub struct Prepared<'a> {
    /// The records.
    pub data: &'a DataFile,
    /// The rules.
    pub rules: &'a Rules,
    index: Held<'a>,
    /// From when identity counts as verified (`None`: not verified).
    pub identity_verified_from: Option<NaiveDate>,
}

impl std::ops::Deref for Prepared<'_> {
    type Target = RecordIndex;

    fn deref(&self) -> &RecordIndex {
        match &self.index {
            Held::Own(index) => index,
            Held::Kept(index) => index,
        }
    }
}

/// An overdue episode as seen on a day.
#[derive(Clone, Debug)]
pub struct EpisodeView {
    /// Index in `Ledger::episodes`.
    pub index: usize,
    /// Worst days past due so far.
    pub days_past_due: i64,
    /// Still uncovered on the day.
    pub open: bool,
    /// When it was covered.
    pub end: Option<NaiveDate>,
    /// The amount missed (while open) or first missed (once covered).
    pub missed: Money,
    /// Points it costs today.
    pub penalty: i64,
}

/// A lender borrowed from.
#[derive(Clone, Debug)]
pub struct LenderUse {
    /// The lender's name.
    pub lender: String,
    /// The draws behind it (indexes into `DataFile::draws`).
    pub draws: Vec<usize>,
    /// The first of those draws.
    pub since: NaiveDate,
}

/// The numbers the score and the limit rules read on one day: what [`Features`] lists, counted.
///
/// [`Prepared::features_at`] measures it from scratch with the lists behind it; a [`Sweep`]
/// keeps it up to date as the day moves forward, for the limit's simulation and the timeline.
///
/// [`Sweep`]: super::sweep::Sweep
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    /// The day.
    pub t: NaiveDate,
    /// Whole months since the record began.
    pub record_months: i64,
    /// On-time payments in the lookback.
    pub on_time_items: i64,
    /// Points the overdue episodes still on the record cost.
    pub overdue_penalty: i64,
    /// Overdue episodes uncovered on the day.
    pub open_overdues: i64,
    /// The latest covered episode still on the record that reached the rules' serious days
    /// past due (`thresholds.recent_overdue_lowers_days`), by index.
    pub serious_overdue: Option<usize>,
    /// Card balances as percent of card limits, where there are cards with limits.
    pub utilisation_pct: Option<i64>,
    /// Card balances still owed.
    pub card_balance: Money,
    /// Monthly debt service.
    pub debt_service: Money,
    /// Debt service as percent of income, where income is known.
    pub debt_to_income_pct: Option<i64>,
    /// Owed on the explained line.
    pub owed_target: Money,
    /// Owed elsewhere.
    pub owed_other: Money,
    /// Other lenders owed or drawn on in the window.
    pub lender_count: i64,
    /// Approval inquiries in the window.
    pub inquiry_count: i64,
    /// Small draws in their window.
    pub small_draw_count: i64,
    /// Large off-hours draws in their window.
    pub off_hours_count: i64,
    /// The last draw on the explained line.
    pub last_target_draw: Option<NaiveDate>,
    /// True when security events in the window amount to an anomaly.
    pub security_anomaly: bool,
    /// True when a cash-out or fraud flag still freezes the line.
    pub frozen: bool,
    /// Identity verified on the day.
    pub identity_verified: bool,
}

/// Everything the score and the limit rules look at, on one day, with the records behind it.
/// Its numbers are in [`Measure`], which it dereferences to.
#[derive(Clone, Debug)]
pub struct Features {
    /// The counted part.
    pub measure: Measure,
    /// Consecutive on-time payments up to the day (capped at 999).
    pub streak: i64,
    /// Overdue episodes still on record.
    pub episodes: Vec<EpisodeView>,
    /// Card balances as last billed.
    pub card_billed: Money,
    /// Card limits.
    pub card_limit: Money,
    /// The statements behind the card balance.
    pub card_evidence: Vec<String>,
    /// Other lenders owed or drawn on in the window.
    pub other_lenders: Vec<LenderUse>,
    /// Approval inquiries in the window, by index.
    pub inquiries: Vec<usize>,
    /// Small draws in their window, by index.
    pub small_draws: Vec<usize>,
    /// Large off-hours draws in their window, by index.
    pub off_hours_draws: Vec<usize>,
    /// Security events in the window, by index.
    pub security_events: Vec<usize>,
    /// Cash-out or fraud flags still freezing the line: (event index, frozen until).
    pub active_flags: Vec<(usize, NaiveDate)>,
}

impl std::ops::Deref for Features {
    type Target = Measure;

    fn deref(&self) -> &Measure {
        &self.measure
    }
}

impl Features {
    /// Episodes uncovered on the day.
    pub fn open_episodes(&self) -> impl Iterator<Item = &EpisodeView> {
        self.episodes.iter().filter(|e| e.open)
    }
}

/// The day before a window of `months` ending on `t` begins: the window is `(start, t]`.
pub(super) fn window_start(t: NaiveDate, months: u32) -> NaiveDate {
    t.checked_sub_months(Months::new(months)).unwrap_or(t)
}

/// Months between two days, counting whole months.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    if to < from {
        return 0;
    }
    let months = i64::from(to.year() - from.year()) * 12 + i64::from(to.month()) - i64::from(from.month());
    if to.day() < from.day() { months - 1 } else { months }
}

/// A month number for bucketing.
fn month_key(day: NaiveDate) -> i32 {
    day.year() * 12 + day.month0() as i32
}

/// The parts of [`Prepared`] that need no ledger.
struct Lists {
    account_index: OwnedIdMap,
    target: Option<usize>,
    draws_by_time: Vec<usize>,
    target_draws: Vec<usize>,
    inquiries_by_date: Vec<usize>,
    events_by_time: Vec<usize>,
    target_observed: Vec<usize>,
    record_start: NaiveDate,
    draw_on_target: Vec<bool>,
    draw_other_lender: Vec<Option<u32>>,
    other_lender_count: usize,
}

impl Lists {
    fn new(data: &DataFile, accounts: &Accounts) -> Lists {
        let account_index = &accounts.index;
        let target = account_index.get(data.profile.target.as_str()).copied();
        let mut draws_by_time: Vec<usize> = (0..data.draws.len()).collect();
        draws_by_time.sort_by_key(|d| data.draws[*d].at);
        let target_draws =
            draws_by_time.iter().copied().filter(|d| data.draws[*d].account == data.profile.target).collect();
        let mut inquiries_by_date: Vec<usize> = (0..data.inquiries.len()).collect();
        inquiries_by_date.sort_by_key(|q| data.inquiries[*q].on);
        let mut events_by_time: Vec<usize> = (0..data.events.len()).collect();
        events_by_time.sort_by_key(|e| data.events[*e].at);
        let mut target_observed: Vec<usize> = (0..data.observed_limits.len())
            .filter(|o| data.observed_limits[*o].account == data.profile.target)
            .collect();
        target_observed.sort_by_key(|o| data.observed_limits[*o].on);
        let record_start =
            data.accounts.iter().map(|a| a.opened).chain([data.profile.joined]).min().unwrap_or(data.profile.joined);
        let draw_on_target = data.draws.iter().map(|d| d.account == data.profile.target).collect();
        let target_lender = target.map(|t| data.accounts[t].lender.as_str());
        let draw_other_lender = accounts
            .of_draw
            .iter()
            .map(|a: &Option<usize>| {
                let account = &data.accounts[(*a)?];
                let counts = Some(account.lender.as_str()) != target_lender
                    && !matches!(account.kind, AccountKind::CreditCard | AccountKind::Mortgage);
                counts.then_some(account.lender.as_str())
            })
            .collect::<Vec<Option<&str>>>();
        // Lenders numbered in name order.
        let mut names: Vec<&str> = draw_other_lender.iter().flatten().copied().collect();
        names.sort_unstable();
        names.dedup();
        let draw_other_lender =
            draw_other_lender.iter().map(|l| l.and_then(|l| names.binary_search(&l).ok()).map(|i| i as u32)).collect();
        Lists {
            account_index: account_index.iter().map(|(id, i)| (Box::from(*id), *i)).collect(),
            other_lender_count: names.len(),
            target,
            draws_by_time,
            target_draws,
            inquiries_by_date,
            events_by_time,
            target_observed,
            record_start,
            draw_on_target,
            draw_other_lender,
        }
    }
}

impl RecordIndex {
    /// Indexes the records under these rules, with the running totals the limit's simulation
    /// and the timeline read (every explanation does).
    pub fn build(data: &DataFile, rules: &Rules) -> RecordIndex {
        let index = RecordIndex::without_totals(data, rules);
        let _ = super::sweep::Sweep::new(&Prepared::held(data, rules, Held::Kept(&index)));
        index
    }

    fn without_totals(data: &DataFile, rules: &Rules) -> RecordIndex {
        let accounts = Accounts::of(data);
        let two = worth_two_threads(data);
        // The ledger and the lists by time do not depend on each other.
        let (ledger, lists) = both(
            two,
            || Ledger::build_on(data, &rules.factors.payment_history, &accounts, two),
            || Lists::new(data, &accounts),
        );
        let draw_account = accounts.of_draw;
        let Lists {
            account_index,
            target,
            draws_by_time,
            target_draws,
            inquiries_by_date,
            events_by_time,
            target_observed,
            record_start,
            draw_on_target,
            draw_other_lender,
            other_lender_count,
        } = lists;
        let mut count = 0u32;
        let on_time_before = std::iter::once(0)
            .chain(ledger.by_date.iter().map(|i| {
                count += u32::from(ledger.on_time[*i]);
                count
            }))
            .collect();
        let active_by_month = ActiveByMonth::new(&ledger);
        let bureau_months = Months::new(rules.factors.payment_history.bureau_years * 12);
        let episode_aged_out =
            ledger.episodes.iter().map(|e| e.end.and_then(|end| end.checked_add_months(bureau_months))).collect();
        let episode_final_dpd = ledger
            .episodes
            .iter()
            .map(|e| {
                let end = e.end?;
                let all_met = e.dues.iter().all(|i| ledger.dues[*i].met_on.is_some_and(|m| m <= end));
                all_met.then(|| e.days_past_due_at(&ledger, end))
            })
            .collect();
        RecordIndex {
            ledger,
            target,
            draws_by_time,
            target_draws,
            inquiries_by_date,
            events_by_time,
            target_observed,
            record_start,
            on_time_before,
            active_by_month,
            account_index,
            draw_account,
            draw_on_target,
            draw_other_lender,
            other_lender_count,
            episode_final_dpd,
            episode_aged_out,
            sweep_index: OnceLock::new(),
            rules: rules.clone(),
            counts: counts(data),
        }
    }

    /// True when it was built from records like these (as many of each kind) under these rules.
    pub fn fits(&self, data: &DataFile, rules: &Rules) -> bool {
        self.counts == counts(data) && self.rules == *rules
    }
}

impl<'a> Prepared<'a> {
    /// Indexes the records.
    pub fn new(data: &'a DataFile, rules: &'a Rules) -> Prepared<'a> {
        Prepared::held(data, rules, Held::Own(Box::new(RecordIndex::build(data, rules))))
    }

    /// The records with the index kept for them; indexed afresh if `index` was built from other
    /// records or rules.
    pub fn with(data: &'a DataFile, rules: &'a Rules, index: &'a RecordIndex) -> Prepared<'a> {
        if index.fits(data, rules) {
            Prepared::held(data, rules, Held::Kept(index))
        } else {
            Prepared::new(data, rules)
        }
    }

    fn held(data: &'a DataFile, rules: &'a Rules, index: Held<'a>) -> Prepared<'a> {
        let identity_verified_from = data.profile.identity_verified.then_some(NaiveDate::MIN);
        Prepared { data, rules, index, identity_verified_from }
    }

    /// The account index of an account id.
    pub fn account_of(&self, id: &str) -> Option<usize> {
        self.account_index.get(id).copied()
    }

    /// The explained line's lender, for messages.
    pub fn target_lender(&self) -> &str {
        self.target.map_or("", |t| self.data.accounts[t].lender.as_str())
    }

    /// Measures everything on day `t`, with the records behind each number.
    pub fn features_at(&self, t: NaiveDate) -> Features {
        let rules = &self.rules.factors;
        let (card_balance, card_limit, billed) = self.card_totals(t);
        let (debt_service, owed_target, owed_other) = self.debt_at(t, card_balance);
        let small_window = t - Duration::days(rules.borrowing_pattern.small_draw_window_days);
        let pattern = &rules.borrowing_pattern;
        let small_draws: Vec<usize> = self.draws_in(small_window, t).filter(|d| self.is_small_draw(*d)).collect();
        let off_window = t - Duration::days(pattern.off_hours_window_days);
        let off_hours_draws: Vec<usize> = self.draws_in(off_window, t).filter(|d| self.is_off_hours_draw(*d)).collect();
        let (security_events, security_anomaly) = self.security_at(t);
        let episodes = self.episodes_at(t);
        let other_lenders = self.other_lenders(t);
        let inquiries = self.inquiries_at(t);
        let active_flags = self.flags_at(t);
        let serious_days = self.rules.thresholds.recent_overdue_lowers_days;
        let measure = Measure {
            t,
            record_months: months_between(self.record_start, t),
            on_time_items: self.on_time_items(t),
            overdue_penalty: episodes.iter().map(|e| e.penalty).sum(),
            open_overdues: count(episodes.iter().filter(|e| e.open)),
            serious_overdue: episodes
                .iter()
                .filter(|e| !e.open && e.days_past_due >= serious_days)
                .map(|e| e.index)
                .max(),
            utilisation_pct: utilisation(billed, card_limit),
            card_balance,
            debt_service,
            debt_to_income_pct: self.debt_to_income(debt_service),
            owed_target,
            owed_other,
            lender_count: count(other_lenders.iter()),
            inquiry_count: count(inquiries.iter()),
            small_draw_count: count(small_draws.iter()),
            off_hours_count: count(off_hours_draws.iter()),
            last_target_draw: self.last_target_draw(t),
            security_anomaly,
            frozen: !active_flags.is_empty(),
            identity_verified: self.identity_verified_on(t),
        };
        Features {
            measure,
            streak: self.streak(t),
            episodes,
            card_billed: billed,
            card_limit,
            card_evidence: self.card_evidence(t),
            other_lenders,
            inquiries,
            small_draws,
            off_hours_draws,
            security_events,
            active_flags,
        }
    }

    /// Debt service as percent of income, where income is known.
    pub(super) fn debt_to_income(&self, debt_service: Money) -> Option<i64> {
        let income = self.data.profile.monthly_income.filter(|i| i.is_positive());
        income.map(|i| debt_service.fen().saturating_mul(100) / i.fen().max(1))
    }

    /// The last draw on the explained line on or before `t`.
    pub(super) fn last_target_draw(&self, t: NaiveDate) -> Option<NaiveDate> {
        let n = self.target_draws.partition_point(|d| self.data.draws[*d].at.date() <= t);
        (n > 0).then(|| self.data.draws[self.target_draws[n - 1]].at.date())
    }

    /// True when identity counts as verified on `t`.
    pub(super) fn identity_verified_on(&self, t: NaiveDate) -> bool {
        self.identity_verified_from.is_some_and(|from| from <= t)
    }

    /// A small cash-like draw, of the kind that adds up to "frequent small draws".
    pub(super) fn is_small_draw(&self, d: usize) -> bool {
        self.is_cash_like(d) && self.data.draws[d].amount <= self.rules.factors.borrowing_pattern.small_draw_max
    }

    /// A large draw at night.
    pub(super) fn is_off_hours_draw(&self, d: usize) -> bool {
        let pattern = &self.rules.factors.borrowing_pattern;
        let draw = &self.data.draws[d];
        draw.amount >= pattern.large_draw_min
            && is_off_hours(draw.at.hour(), pattern.off_hours_from, pattern.off_hours_to)
    }

    fn is_cash_like(&self, d: usize) -> bool {
        self.draw_account[d].is_some_and(|a| {
            matches!(
                self.data.accounts[a].kind,
                AccountKind::CashLine | AccountKind::InstallmentLoan | AccountKind::Other
            )
        })
    }

    /// Draws made in `(from, to]`.
    pub fn draws_in(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = usize> + '_ {
        let start = self.draws_by_time.partition_point(|d| self.data.draws[*d].at.date() <= from);
        let end = self.draws_by_time.partition_point(|d| self.data.draws[*d].at.date() <= to);
        self.draws_by_time[start..end].iter().copied()
    }

    pub(super) fn on_time_items(&self, t: NaiveDate) -> i64 {
        let ph = &self.rules.factors.payment_history;
        let from = window_start(t, ph.lookback_months);
        // Only dues whose grace has passed by `t` are known to be on time.
        let known_by = t - Duration::days(ph.grace_days);
        let count_to = |day: NaiveDate| {
            let n = self.ledger.by_date.partition_point(|i| self.ledger.dues[*i].due <= day);
            i64::from(self.on_time_before[n])
        };
        // A due whose grace ended by `t` and that was on time was met by `t`: no look-ahead.
        (count_to(known_by) - count_to(from)).max(0)
    }

    fn streak(&self, t: NaiveDate) -> i64 {
        let grace = self.rules.factors.payment_history.grace_days;
        let known_by = t - Duration::days(grace);
        let n = self.ledger.by_date.partition_point(|i| self.ledger.dues[*i].due <= known_by);
        let streak = self.ledger.by_date[..n]
            .iter()
            .rev()
            .take(999)
            .take_while(|i| {
                let due = &self.ledger.dues[**i];
                due.on_time(grace) && due.met_on.is_some_and(|m| m <= t)
            })
            .count();
        i64::try_from(streak).unwrap_or(999)
    }

    fn episodes_at(&self, t: NaiveDate) -> Vec<EpisodeView> {
        let ph = &self.rules.factors.payment_history;
        let started = self.ledger.episodes.partition_point(|e| e.start <= t);
        self.ledger.episodes[..started]
            .iter()
            .enumerate()
            .filter_map(|(index, episode)| {
                let open = episode.is_open_at(t);
                let end = episode.end.filter(|end| *end <= t);
                if end.is_some() && self.episode_aged_out[index].is_some_and(|aged| aged <= t) {
                    return None;
                }
                // Once ended (and every due met by then) its worst is fixed: no need to rescan.
                let days_past_due = match (end, self.episode_final_dpd[index]) {
                    (Some(_), Some(worst)) => worst,
                    _ => episode.days_past_due_at(&self.ledger, t),
                };
                let severity = ph.severity.lookup(days_past_due);
                let months_since = end.map_or(0, |end| months_between(end, t));
                let penalty = severity * ph.recency_pct.lookup(months_since) / 100;
                let missed = if open {
                    episode.missed_at(&self.ledger, t, ph.grace_days)
                } else {
                    episode.dues.first().map_or(Money::ZERO, |i| self.ledger.dues[*i].amount)
                };
                Some(EpisodeView { index, days_past_due, open, end, missed, penalty })
            })
            .collect()
    }

    /// Card balances still owed, card limits, and balances as last billed, on `t`.
    pub(super) fn card_totals(&self, t: NaiveDate) -> (Money, Money, Money) {
        let mut reported = Money::ZERO;
        let mut balance = Money::ZERO;
        let mut limit = Money::ZERO;
        for (account, book) in &self.ledger.cards {
            let acct = &self.data.accounts[*account];
            if !acct.is_open_on(t) || !acct.kind.is_card_like() {
                continue;
            }
            let (owed, statement) = book.balance_at(self.data, t);
            reported += statement.map_or(Money::ZERO, |s| self.data.statements[s].balance);
            if let Some(account_limit) = acct.limit.filter(|l| l.is_positive()) {
                balance += owed;
                limit += account_limit;
            }
        }
        // Cards with a limit but no statements yet count as unused.
        for (i, acct) in self.data.accounts.iter().enumerate() {
            if acct.kind.is_card_like()
                && acct.is_open_on(t)
                && let Some(l) = acct.limit.filter(|l| l.is_positive())
                && !self.ledger.cards.contains_key(&i)
            {
                limit += l;
            }
        }
        (balance, limit, reported)
    }

    /// The statements behind the card balance on `t`, by id.
    fn card_evidence(&self, t: NaiveDate) -> Vec<String> {
        let mut evidence: Vec<String> = self
            .ledger
            .cards
            .iter()
            .filter(|(account, _)| {
                let acct = &self.data.accounts[**account];
                acct.is_open_on(t) && acct.kind.is_card_like() && acct.limit.is_some_and(|l| l.is_positive())
            })
            .filter_map(|(_, book)| book.balance_at(self.data, t).1)
            .map(|s| self.data.statements[s].id.clone())
            .collect();
        evidence.sort();
        evidence
    }

    fn debt_at(&self, t: NaiveDate, card_balance: Money) -> (Money, Money, Money) {
        let card_service = card_balance.mul_ratio(self.rules.factors.amounts_owed.card_service_pct, 100);
        let mut service = card_service;
        let (mut target, mut other) = (Money::ZERO, Money::ZERO);
        if let Some(active) = self.active_by_month.get(t) {
            for d in active {
                let book = &self.ledger.draws[*d];
                if book.billed_by_statement {
                    continue;
                }
                let owed = book.outstanding_at(t);
                if owed == Money::ZERO {
                    continue;
                }
                service += book.monthly_service_given(owed, t);
                if self.draw_on_target[*d] {
                    target += owed;
                } else {
                    other += owed;
                }
            }
        }
        (service, target, other + card_balance)
    }

    fn other_lenders(&self, t: NaiveDate) -> Vec<LenderUse> {
        let window = self.rules.factors.borrowing_pattern.lender_window_months;
        let from = window_start(t, window);
        let mut lenders: BTreeMap<&str, LenderUse> = BTreeMap::new();
        let mut note = |d: usize| {
            if self.draw_other_lender[d].is_none() {
                return;
            }
            let Some(account) = self.draw_account[d] else { return };
            let lender = self.data.accounts[account].lender.as_str();
            let on = self.data.draws[d].at.date();
            let entry = lenders.entry(lender).or_insert_with(|| LenderUse {
                lender: lender.to_string(),
                draws: Vec::new(),
                since: on,
            });
            entry.draws.push(d);
            entry.since = entry.since.min(on);
        };
        // Drawn in the window; then drawn before it and still owed (each draw once).
        for d in self.draws_in(from, t) {
            note(d);
        }
        if let Some(active) = self.active_by_month.get(t) {
            for d in active {
                if self.draw_other_lender[*d].is_some()
                    && self.data.draws[*d].at.date() <= from
                    && self.ledger.draws[*d].outstanding_at(t) > Money::ZERO
                {
                    note(*d);
                }
            }
        }
        lenders.into_values().collect()
    }

    fn inquiries_at(&self, t: NaiveDate) -> Vec<usize> {
        let window = self.rules.factors.new_credit.window_months;
        let from = window_start(t, window);
        let start = self.inquiries_by_date.partition_point(|q| self.data.inquiries[*q].on <= from);
        let end = self.inquiries_by_date.partition_point(|q| self.data.inquiries[*q].on <= t);
        self.inquiries_by_date[start..end]
            .iter()
            .copied()
            .filter(|q| self.data.inquiries[*q].purpose.is_application())
            .collect()
    }

    /// Security events in the window up to `t`, and whether they amount to an anomaly.
    pub fn security_at(&self, t: NaiveDate) -> (Vec<usize>, bool) {
        let identity = &self.rules.factors.identity;
        let from = t - Duration::days(identity.security_window_days);
        let events = self.events_between(from, t, is_security);
        let abnormal = events.iter().any(|e| self.data.events[*e].kind == EventKind::AbnormalLogin);
        let devices = events.iter().filter(|e| self.data.events[**e].kind == EventKind::DeviceChange).count();
        let anomaly = abnormal || i64::try_from(devices).unwrap_or(i64::MAX) >= identity.device_changes;
        (events, anomaly)
    }

    /// Events of the given kinds in `(from, to]`.
    pub fn events_between(&self, from: NaiveDate, to: NaiveDate, kind: impl Fn(EventKind) -> bool) -> Vec<usize> {
        let start = self.events_by_time.partition_point(|e| self.data.events[*e].at.date() <= from);
        let end = self.events_by_time.partition_point(|e| self.data.events[*e].at.date() <= to);
        self.events_by_time[start..end].iter().copied().filter(|e| kind(self.data.events[*e].kind)).collect()
    }

    pub(super) fn flags_at(&self, t: NaiveDate) -> Vec<(usize, NaiveDate)> {
        let from = window_start(t, self.longest_freeze_months());
        self.events_between(from, t, is_flag)
            .into_iter()
            .filter_map(|e| {
                let until = self.frozen_until(e)?;
                (until > t).then_some((e, until))
            })
            .collect()
    }

    /// How far back a flag can still freeze the line: the longest freeze, in months.
    pub(super) fn longest_freeze_months(&self) -> u32 {
        self.rules.limit.cash_out_freeze_months.max(self.rules.limit.fraud_freeze_months)
    }

    /// Until when a cash-out or fraud flag (by event index) freezes the line.
    pub(super) fn frozen_until(&self, e: usize) -> Option<NaiveDate> {
        let limit = &self.rules.limit;
        let event = &self.data.events[e];
        let months =
            if event.kind == EventKind::FraudFlag { limit.fraud_freeze_months } else { limit.cash_out_freeze_months };
        event.at.date().checked_add_months(Months::new(months))
    }

    /// What is owed on day `t`, by lender, largest first.
    pub fn owed_by_lender(&self, t: NaiveDate) -> Vec<(String, Money)> {
        let mut owed: BTreeMap<&str, Money> = BTreeMap::new();
        if let Some(active) = self.active_by_month.get(t) {
            for d in active {
                let book = &self.ledger.draws[*d];
                if book.billed_by_statement {
                    continue;
                }
                if let Some(a) = self.draw_account[*d] {
                    *owed.entry(self.data.accounts[a].lender.as_str()).or_default() += book.outstanding_at(t);
                }
            }
        }
        for (account, book) in &self.ledger.cards {
            *owed.entry(self.data.accounts[*account].lender.as_str()).or_default() += book.balance_at(self.data, t).0;
        }
        let mut out: Vec<(String, Money)> =
            owed.into_iter().filter(|(_, m)| m.is_positive()).map(|(l, m)| (l.to_string(), m)).collect();
        out.sort_by_key(|entry| std::cmp::Reverse(entry.1));
        out
    }

    /// Ids behind a due source.
    pub fn source_id(&self, source: Source) -> &str {
        match source {
            Source::Draw(d) => &self.data.draws[d].id,
            Source::Statement(s) => &self.data.statements[s].id,
        }
    }
}

/// Card balances as billed against card limits, in percent, where there are limits. Bureaus
/// report billed balances; what is still owed after payments drives the debt instead.
pub(super) fn utilisation(billed: Money, limit: Money) -> Option<i64> {
    (limit > Money::ZERO)
        .then(|| i64::try_from(i128::from(billed.fen()) * 100 / i128::from(limit.fen())).unwrap_or(100))
}

/// How many, as i64.
fn count<T>(items: impl Iterator<Item = T>) -> i64 {
    i64::try_from(items.count()).unwrap_or(i64::MAX)
}

/// Events that freeze the line.
pub(super) fn is_flag(kind: EventKind) -> bool {
    matches!(kind, EventKind::CashOutFlag | EventKind::FraudFlag)
}

/// Events that can amount to a security anomaly.
pub(super) fn is_security(kind: EventKind) -> bool {
    matches!(kind, EventKind::AbnormalLogin | EventKind::DeviceChange)
}

/// True when `hour` falls in `[from, to)`, wrapping past midnight.
pub fn is_off_hours(hour: u32, from: u32, to: u32) -> bool {
    if from <= to { hour >= from && hour < to } else { hour >= from || hour < to }
}
