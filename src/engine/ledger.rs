//! What was due, what was paid, and what went overdue.
//!
//! Every draw on an account that is not billed by statements implies a schedule: a due date on
//! the draw's day of month for each month of the term, with amounts from the repayment method
//! and the daily rate. Statements carry their own due date and minimum. Repayments are matched
//! to what they pay (linked by draw id, or oldest draw first), and an amount is overdue when the
//! payments for it by the end of its due date (plus grace) fall short by more than a tolerance.
//! An overdue *episode* runs from the first missed due date until everything due is covered.
//! The ledger is built once from all records; questions "as of day t" never look past t.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};

use crate::domain::{DataFile, Money, Percent, RepayMethod};

use super::index::{IdMap, both, id_map, sort_by_day, worth_two_threads};
use super::rules::PaymentHistory;

/// What a due amount belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// A draw, by index in `DataFile::draws`.
    Draw(usize),
    /// A statement, by index in `DataFile::statements`.
    Statement(usize),
}

/// One amount that fell due.
#[derive(Clone, Debug)]
pub struct Due {
    /// What it belongs to.
    pub source: Source,
    /// The account, by index.
    pub account: usize,
    /// The due date.
    pub due: NaiveDate,
    /// This instalment's amount (or the statement minimum).
    pub amount: Money,
    /// The day the payments for it reached what was due, if ever.
    pub met_on: Option<NaiveDate>,
}

impl Due {
    /// True when it was covered by the end of the due date plus grace.
    pub fn on_time(&self, grace_days: i64) -> bool {
        self.met_on.is_some_and(|met| (met - self.due).num_days() <= grace_days)
    }

    /// True when, as of `t`, it is past due beyond grace and not yet covered.
    pub fn is_late_at(&self, t: NaiveDate, grace_days: i64) -> bool {
        (t - self.due).num_days() > grace_days && self.met_on.is_none_or(|met| met > t)
    }
}

/// An overdue episode: from the first missed due date until everything due was covered.
#[derive(Clone, Debug)]
pub struct Episode {
    /// What went overdue.
    pub source: Source,
    /// The account, by index.
    pub account: usize,
    /// Indexes into `Ledger::dues` of the dues missed in this episode, oldest first.
    pub dues: Vec<usize>,
    /// The first day past grace: from this day the amount counts as overdue.
    pub start: NaiveDate,
    /// The day it was all covered, if it was.
    pub end: Option<NaiveDate>,
    /// The repayments on what went overdue, by index in `DataFile::repayments`, in time order.
    pub repayments: Vec<usize>,
}

impl Episode {
    /// True when it has started and is not yet covered on `t`.
    pub fn is_open_at(&self, t: NaiveDate) -> bool {
        self.start <= t && self.end.is_none_or(|end| end > t)
    }

    /// The oldest missed due date.
    pub fn first_due(&self, ledger: &Ledger) -> NaiveDate {
        self.dues.first().map_or(self.start, |i| ledger.dues[*i].due)
    }

    /// The worst days past due reached by `t`.
    pub fn days_past_due_at(&self, ledger: &Ledger, t: NaiveDate) -> i64 {
        self.dues
            .iter()
            .map(|i| &ledger.dues[*i])
            .filter(|d| d.due < t)
            .map(|d| (d.met_on.map_or(t, |met| met.min(t)) - d.due).num_days())
            .max()
            .unwrap_or(0)
    }

    /// The amount missed as of `t`: the dues that are late and uncovered then.
    pub fn missed_at(&self, ledger: &Ledger, t: NaiveDate, grace_days: i64) -> Money {
        self.dues.iter().map(|i| &ledger.dues[*i]).filter(|d| d.is_late_at(t, grace_days)).map(|d| d.amount).sum()
    }
}

/// The running account of one draw.
#[derive(Clone, Debug, Default)]
pub struct DrawBook {
    /// When it was drawn.
    pub drawn: NaiveDate,
    /// The principal.
    pub principal: Money,
    /// Due dates of the schedule.
    pub due_dates: Vec<NaiveDate>,
    /// Cumulative amount due by each due date.
    pub cum_due: Vec<Money>,
    /// Cumulative interest within `cum_due`.
    pub cum_interest: Vec<Money>,
    /// Payments: (day, cumulative paid), in time order.
    pub payments: Vec<(NaiveDate, Money)>,
    /// The day it was fully repaid, if it was.
    pub settled_on: Option<NaiveDate>,
    /// True when its schedule is billed through the account's statements instead.
    pub billed_by_statement: bool,
}

impl DrawBook {
    /// Paid by the end of `t`.
    pub fn paid_by(&self, t: NaiveDate) -> Money {
        let n = self.payments.partition_point(|(day, _)| *day <= t);
        if n == 0 { Money::ZERO } else { self.payments[n - 1].1 }
    }

    /// Principal still owed at the end of `t` (zero before it was drawn or once settled).
    pub fn outstanding_at(&self, t: NaiveDate) -> Money {
        let passed = self.due_dates.partition_point(|d| *d <= t);
        self.outstanding_given(t, passed, self.paid_by(t))
    }

    /// [`DrawBook::outstanding_at`] when the due dates passed by `t` and the amount paid by
    /// then are already known.
    pub fn outstanding_given(&self, t: NaiveDate, passed: usize, paid: Money) -> Money {
        if t < self.drawn || self.settled_on.is_some_and(|s| s <= t) {
            return Money::ZERO;
        }
        let interest_due = if passed == 0 { Money::ZERO } else { self.cum_interest[passed - 1] };
        let principal_paid = (paid - interest_due).at_least_zero();
        (self.principal - principal_paid).at_least_zero()
    }

    /// What the draw costs a month at `t`, given what is outstanding then: what is left spread
    /// over the months left.
    pub fn monthly_service_given(&self, outstanding: Money, t: NaiveDate) -> Money {
        self.monthly_service_passed(outstanding, self.due_dates.partition_point(|d| *d <= t))
    }

    /// [`DrawBook::monthly_service_given`] from how many due dates passed by then.
    pub fn monthly_service_passed(&self, outstanding: Money, passed: usize) -> Money {
        if outstanding == Money::ZERO {
            return Money::ZERO;
        }
        let left = self.due_dates.len() - passed.min(self.due_dates.len());
        // Past its term, what is left is counted at the draw's own pace, not all in one month.
        let months = if left == 0 { self.due_dates.len() } else { left };
        let months = i64::try_from(months.max(1)).unwrap_or(1);
        outstanding.mul_ratio(1, months)
    }

    /// The last due date of the schedule.
    pub fn maturity(&self) -> NaiveDate {
        self.due_dates.last().copied().unwrap_or(self.drawn)
    }
}

/// A card-like account's statements and payments.
#[derive(Clone, Debug, Default)]
pub struct CardBook {
    /// Statement indexes, by closing date.
    pub statements: Vec<usize>,
    /// Payments: (day, cumulative paid), in time order.
    pub payments: Vec<(NaiveDate, Money)>,
}

impl CardBook {
    fn paid_between(&self, from: NaiveDate, to: NaiveDate) -> Money {
        let upto = |t: NaiveDate| {
            let n = self.payments.partition_point(|(day, _)| *day <= t);
            if n == 0 { Money::ZERO } else { self.payments[n - 1].1 }
        };
        let before = from.pred_opt().map_or(Money::ZERO, upto);
        upto(to) - before
    }

    /// The balance at the end of `t`: the latest statement's balance less what was paid since,
    /// with the statement's index.
    pub fn balance_at(&self, data: &DataFile, t: NaiveDate) -> (Money, Option<usize>) {
        let n = self.statements.partition_point(|i| data.statements[*i].closing <= t);
        if n == 0 {
            return (Money::ZERO, None);
        }
        let index = self.statements[n - 1];
        let statement = &data.statements[index];
        let paid = self.paid_between(statement.closing.succ_opt().unwrap_or(statement.closing), t);
        ((statement.balance - paid).at_least_zero(), Some(index))
    }
}

/// All dues, episodes and running balances of one data file.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    /// Every due amount, grouped by what it belongs to.
    pub dues: Vec<Due>,
    /// Indexes into `dues`, by due date.
    pub by_date: Vec<usize>,
    /// Every overdue episode, by start.
    pub episodes: Vec<Episode>,
    /// One book per draw, parallel to `DataFile::draws`.
    pub draws: Vec<DrawBook>,
    /// Books of accounts billed by statements, by account index.
    pub cards: BTreeMap<usize, CardBook>,
    /// Per due (parallel to `dues`): covered by the end of its due date plus grace.
    pub(super) on_time: Vec<bool>,
}

impl Ledger {
    /// Builds the ledger.
    pub fn build(data: &DataFile, rules: &PaymentHistory) -> Ledger {
        let accounts = Accounts::of(data);
        Ledger::build_on(data, rules, &accounts, worth_two_threads(data))
    }

    /// [`Ledger::build`] with the accounts already looked up, and the work that splits cleanly
    /// on two threads split when `two` is set: the same ledger either way.
    pub(super) fn build_on(data: &DataFile, rules: &PaymentHistory, accounts: &Accounts, two: bool) -> Ledger {
        let Accounts { index: account_index, of_draw: draw_account } = accounts;
        let billed: Vec<bool> = {
            let mut billed = vec![false; data.accounts.len()];
            for statement in &data.statements {
                if let Some(&i) = account_index.get(statement.account.as_str()) {
                    billed[i] = true;
                }
            }
            billed
        };

        // The draws' schedules and the matching of repayments to draws do not depend on each
        // other.
        let schedules = || -> Vec<DrawBook> {
            data.draws
                .iter()
                .zip(draw_account)
                .map(|(draw, account)| {
                    let mut book =
                        schedule(draw.at.date(), draw.amount, draw.term_months, draw.repay, draw.daily_rate_pct);
                    book.billed_by_statement = account.is_some_and(|a| billed[a]);
                    book
                })
                .collect()
        };
        let matching = || match_repayments(data, account_index, &billed);
        let (mut draws, matched) = both(two, schedules, matching);
        let Matched { mut paid, mut cards, unlinked } = matched;
        allocate_unlinked(data, account_index, &draws, &mut paid, unlinked);
        let (mut paid, starts) = group_by_draw(paid, data.draws.len());

        // Each draw's dues and overdue episodes depend on that draw alone: two halves of the
        // draws, by how many dues each has, put together in draw order.
        let total: usize = draws.iter().map(|b| b.due_dates.len()).sum();
        let mut mid = 0;
        let mut seen = 0;
        while mid < draws.len() && seen * 2 < total {
            seen += draws[mid].due_dates.len();
            mid += 1;
        }
        if !two {
            mid = draws.len();
        }
        let (books_left, books_right) = draws.split_at_mut(mid);
        let (paid_left, paid_right) = paid.split_at_mut(starts[mid]);
        let accounts = DrawAccounts { data, draw_account, starts: &starts };
        let (mut ledger, right) = both(
            two,
            || accounts.dues(0, books_left, paid_left, rules),
            || accounts.dues(mid, books_right, paid_right, rules),
        );
        ledger.append(right);
        ledger.draws = draws;

        for (s, statement) in data.statements.iter().enumerate() {
            if let Some(&account) = account_index.get(statement.account.as_str()) {
                cards.entry(account).or_default().statements.push(s);
            }
        }
        for (account, book) in &mut cards {
            book.statements.sort_by_key(|s| data.statements[*s].closing);
            book.payments.sort_by_key(|p| p.0);
            let mut cumulative = Money::ZERO;
            for payment in &mut book.payments {
                cumulative += payment.1;
                payment.1 = cumulative;
            }
            ledger.add_statement_dues(data, *account, book, rules);
        }
        ledger.cards = cards;
        let mut by_date: Vec<(i32, usize)> =
            ledger.dues.iter().enumerate().map(|(i, due)| (due.due.num_days_from_ce(), i)).collect();
        sort_by_day(&mut by_date);
        ledger.by_date = by_date.into_iter().map(|(_, i)| i).collect();
        ledger.episodes.sort_by_key(|e| e.start);
        ledger
    }

    /// Adds the dues and episodes of `later`, worked out apart, after its own.
    fn append(&mut self, later: Ledger) {
        let offset = self.dues.len();
        self.dues.extend(later.dues);
        self.on_time.extend(later.on_time);
        self.episodes.extend(later.episodes.into_iter().map(|mut episode| {
            for due in &mut episode.dues {
                *due += offset;
            }
            episode
        }));
    }

    /// Dues whose grace ends after `until` (an imported account's last covered day) are left
    /// out: the draw's terms were guessed and the export cannot show what was paid later.
    fn add_draw_dues(
        &mut self,
        d: usize,
        account: usize,
        book: &DrawBook,
        rules: &PaymentHistory,
        pays: &[Payment],
        until: Option<NaiveDate>,
    ) {
        let mut previous = Money::ZERO;
        let mut chain: Option<Episode> = None;
        for (k, due_date) in book.due_dates.iter().enumerate() {
            // A due whose grace runs past the last covered day may have been paid after it.
            if until.is_some_and(|last| (last - *due_date).num_days() < rules.grace_days) {
                break;
            }
            let amount = book.cum_due[k] - previous;
            previous = book.cum_due[k];
            let required = book.cum_due[k] - tolerance(amount, rules);
            let met_on = match book.settled_on {
                Some(settled) if settled <= *due_date => Some(settled),
                _ => book.payments.iter().find(|(_, cum)| *cum >= required).map(|(day, _)| *day),
            };
            let due = Due { source: Source::Draw(d), account, due: *due_date, amount, met_on };
            self.track(due, &mut chain, rules, || pays.iter().map(|p| p.repayment).collect());
        }
        if let Some(episode) = chain {
            self.episodes.push(episode);
        }
    }

    fn add_statement_dues(&mut self, data: &DataFile, account: usize, book: &CardBook, rules: &PaymentHistory) {
        // The day cumulative payments from `from` on first reach `amount`: one binary search.
        let reached = |from: NaiveDate, amount: Money| -> Option<NaiveDate> {
            let before = book.payments.partition_point(|(day, _)| *day < from);
            let base = if before == 0 { Money::ZERO } else { book.payments[before - 1].1 };
            let rest = &book.payments[before..];
            let n = rest.partition_point(|(_, cum)| *cum - base < amount);
            rest.get(n).map(|(day, _)| *day)
        };
        // A later bill paid in full also clears this one (its balance carried what was missed):
        // the earliest day any later bill was paid in full, as a suffix minimum.
        let paid_in_full: Vec<Option<NaiveDate>> = book
            .statements
            .iter()
            .map(|&s| {
                let bill = &data.statements[s];
                reached(bill.closing, bill.balance)
            })
            .collect();
        let mut later_full: Vec<Option<NaiveDate>> = vec![None; paid_in_full.len() + 1];
        for i in (0..paid_in_full.len()).rev() {
            later_full[i] = match (paid_in_full[i], later_full[i + 1]) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        let mut chain: Option<Episode> = None;
        for (position, &s) in book.statements.iter().enumerate() {
            let statement = &data.statements[s];
            let required = statement.minimum - tolerance(statement.minimum, rules);
            let met_on = if required <= Money::ZERO {
                Some(statement.closing)
            } else {
                [reached(statement.closing, required), later_full[position + 1]].into_iter().flatten().min()
            };
            let due =
                Due { source: Source::Statement(s), account, due: statement.due, amount: statement.minimum, met_on };
            self.track(due, &mut chain, rules, Vec::new);
        }
        if let Some(episode) = chain {
            self.episodes.push(episode);
        }
    }

    /// Adds a due, and grows or closes the running episode of its source.
    fn track(
        &mut self,
        due: Due,
        chain: &mut Option<Episode>,
        rules: &PaymentHistory,
        repayments: impl FnOnce() -> Vec<usize>,
    ) {
        let grace = rules.grace_days;
        let late = !due.on_time(grace);
        self.on_time.push(!late);
        let start = due.due + chrono::Duration::days(grace + 1);
        let index = self.dues.len();
        let met_on = due.met_on;
        let (source, account) = (due.source, due.account);
        self.dues.push(due);
        if let Some(episode) = chain.as_mut() {
            let covered_before = episode.end.is_some_and(|end| end < start);
            if !covered_before {
                if late {
                    episode.dues.push(index);
                    episode.end = max_end(episode.end, met_on);
                }
                return;
            }
            if let Some(done) = chain.take() {
                self.episodes.push(done);
            }
        }
        if late {
            *chain = Some(Episode { source, account, dues: vec![index], start, end: met_on, repayments: repayments() });
        }
    }
}

fn max_end(current: Option<NaiveDate>, next: Option<NaiveDate>) -> Option<NaiveDate> {
    match (current, next) {
        (Some(a), Some(b)) => Some(a.max(b)),
        _ => None,
    }
}

/// An imported account's records end on the export's last covered day, and the terms of its
/// draws are often guessed: what was paid later cannot be seen. Each instalment whose grace runs
/// past that day (the ones left out of the dues) is taken as paid on its due date, on top of
/// what the export showed, so the debt runs down with the schedule instead of staying at the
/// export's last day forever. A shortfall the export did show is not assumed away.
fn assume_schedule_after(book: &mut DrawBook, until: NaiveDate, grace_days: i64) {
    let Some(first) = book.due_dates.iter().position(|due| (until - *due).num_days() < grace_days) else {
        return;
    };
    let base = book.paid_by(until);
    let covered = if first == 0 { Money::ZERO } else { book.cum_due[first - 1] };
    let assumed: Vec<(NaiveDate, Money)> =
        (first..book.due_dates.len()).map(|k| (book.due_dates[k], base + book.cum_due[k] - covered)).collect();
    let mut days: Vec<NaiveDate> = book.payments.iter().chain(&assumed).map(|(day, _)| *day).collect();
    days.sort_unstable();
    days.dedup();
    let floor_by = |day: NaiveDate| {
        let n = assumed.partition_point(|(due, _)| *due <= day);
        if n == 0 { Money::ZERO } else { assumed[n - 1].1 }
    };
    book.payments = days.into_iter().map(|day| (day, book.paid_by(day).max(floor_by(day)))).collect();
}

/// The shortfall that does not count as overdue.
fn tolerance(amount: Money, rules: &PaymentHistory) -> Money {
    amount.mul_ratio(rules.tolerance_pct, 100).max(rules.tolerance_min)
}

/// Marks a draw settled once paid at least its principal plus the interest due so far.
fn settle(book: &mut DrawBook, rules: &PaymentHistory) {
    for (day, cumulative) in &book.payments {
        let passed = book.due_dates.partition_point(|d| d <= day);
        let interest = if passed == 0 { Money::ZERO } else { book.cum_interest[passed - 1] };
        if *cumulative + rules.tolerance_min >= book.principal + interest {
            book.settled_on = Some(*day);
            return;
        }
    }
}

/// The accounts of a data file, looked up once: by id, and for each draw.
pub(super) struct Accounts<'a> {
    /// Account ids to their index.
    pub(super) index: IdMap<'a>,
    /// Per draw: its account's index.
    pub(super) of_draw: Vec<Option<usize>>,
}

impl<'a> Accounts<'a> {
    pub(super) fn of(data: &'a DataFile) -> Accounts<'a> {
        let index = id_map(&data.accounts, |a| a.id.as_str());
        let of_draw = data.draws.iter().map(|d| index.get(d.account.as_str()).copied()).collect();
        Accounts { index, of_draw }
    }
}

/// Repayments matched to what they pay.
struct Matched {
    /// Payments on draws, in the order of the repayments.
    paid: Vec<Payment>,
    /// Payments on accounts billed by statements.
    cards: BTreeMap<usize, CardBook>,
    /// Repayments that name no draw, by account, to be spread over its draws.
    unlinked: HashMap<usize, Vec<usize>>,
}

fn match_repayments(data: &DataFile, account_index: &IdMap, billed: &[bool]) -> Matched {
    let draw_index = id_map(&data.draws, |d| d.id.as_str());
    let mut matched =
        Matched { paid: Vec::with_capacity(data.repayments.len()), cards: BTreeMap::new(), unlinked: HashMap::new() };
    for (r, repayment) in data.repayments.iter().enumerate() {
        // A repayment that names a draw pays that draw, whatever account it names
        // (validation holds the two to agree).
        if let Some(&d) = repayment.draw.as_deref().and_then(|d| draw_index.get(d)) {
            matched.paid.push(Payment { draw: d, at: repayment.at, amount: repayment.amount, repayment: r });
            continue;
        }
        let Some(&account) = account_index.get(repayment.account.as_str()) else { continue };
        if billed[account] {
            matched.cards.entry(account).or_default().payments.push((repayment.at.date(), repayment.amount));
        } else {
            matched.unlinked.entry(account).or_default().push(r);
        }
    }
    matched
}

/// What working out a run of draws' dues reads.
struct DrawAccounts<'d> {
    data: &'d DataFile,
    draw_account: &'d [Option<usize>],
    /// Where each draw's payments start in the grouped payments.
    starts: &'d [usize],
}

impl DrawAccounts<'_> {
    /// The dues and episodes of the draws from `first` on, whose books and grouped payments
    /// are given: a ledger of just those, numbered from zero.
    fn dues(&self, first: usize, books: &mut [DrawBook], paid: &mut [Payment], rules: &PaymentHistory) -> Ledger {
        let mut ledger = Ledger::default();
        let due_count = books.iter().map(|b| b.due_dates.len()).sum::<usize>();
        ledger.dues.reserve(due_count);
        ledger.on_time.reserve(due_count);
        let base = self.starts[first];
        for (i, book) in books.iter_mut().enumerate() {
            let d = first + i;
            let pays = &mut paid[self.starts[d] - base..self.starts[d + 1] - base];
            if !pays.is_sorted_by_key(|p| p.at) {
                pays.sort_by_key(|p| p.at);
            }
            let pays = &*pays;
            let account = self.draw_account[d].unwrap_or(0);
            let until = self.data.accounts.get(account).and_then(|a| a.imported_until);
            let mut cumulative = Money::ZERO;
            book.payments = pays
                .iter()
                .map(|p| {
                    cumulative += p.amount;
                    (p.at.date(), cumulative)
                })
                .collect();
            if !book.billed_by_statement
                && let Some(until) = until
            {
                assume_schedule_after(book, until, rules.grace_days);
            }
            settle(book, rules);
            if !book.billed_by_statement {
                ledger.add_draw_dues(d, account, book, rules, pays, until);
            }
        }
        ledger
    }
}

/// A repayment, or the part of one, that pays a draw.
#[derive(Clone, Copy, Debug, Default)]
struct Payment {
    draw: usize,
    at: NaiveDateTime,
    amount: Money,
    repayment: usize,
}

/// Groups payments by draw, keeping their order within each draw: the payments, and where
/// each draw's start (`starts[d]..starts[d + 1]`).
fn group_by_draw(payments: Vec<Payment>, draws: usize) -> (Vec<Payment>, Vec<usize>) {
    let mut starts = vec![0usize; draws + 1];
    for payment in &payments {
        starts[payment.draw + 1] += 1;
    }
    for d in 1..starts.len() {
        starts[d] += starts[d - 1];
    }
    let mut next = starts.clone();
    let mut grouped = vec![Payment::default(); payments.len()];
    for payment in payments {
        let slot = &mut next[payment.draw];
        grouped[*slot] = payment;
        *slot += 1;
    }
    (grouped, starts)
}

/// Unlinked repayments on accounts not billed by statements pay the oldest draw first.
fn allocate_unlinked(
    data: &DataFile,
    account_index: &IdMap,
    books: &[DrawBook],
    payments: &mut Vec<Payment>,
    unlinked: HashMap<usize, Vec<usize>>,
) {
    if unlinked.is_empty() {
        return;
    }
    let mut linked_paid = vec![Money::ZERO; books.len()];
    for payment in payments.iter() {
        linked_paid[payment.draw] += payment.amount;
    }
    let mut draws_by_account: HashMap<usize, Vec<usize>> = HashMap::new();
    for (d, draw) in data.draws.iter().enumerate() {
        if let Some(&a) = account_index.get(draw.account.as_str()) {
            draws_by_account.entry(a).or_default().push(d);
        }
    }
    for (account, mut repayments) in unlinked {
        let Some(mut draws) = draws_by_account.remove(&account) else { continue };
        draws.sort_by_key(|d| data.draws[*d].at);
        repayments.sort_by_key(|r| data.repayments[*r].at);
        let mut room: Vec<Money> = draws
            .iter()
            .map(|d| {
                let total = books[*d].cum_due.last().copied().unwrap_or(books[*d].principal);
                (total - linked_paid[*d]).at_least_zero()
            })
            .collect();
        let mut next = 0;
        for r in repayments {
            let repayment = &data.repayments[r];
            let mut left = repayment.amount;
            let mut last_taker = None;
            let mut i = next;
            while left > Money::ZERO && i < draws.len() && data.draws[draws[i]].at <= repayment.at {
                let take = left.min(room[i]);
                if take > Money::ZERO {
                    payments.push(Payment { draw: draws[i], at: repayment.at, amount: take, repayment: r });
                    room[i] -= take;
                    left -= take;
                }
                last_taker = Some(i);
                if room[i] == Money::ZERO && i == next {
                    next += 1;
                }
                i += 1;
            }
            // Paying more than the schedule asks (early settlement, fees) still goes to the latest draw.
            if left > Money::ZERO
                && let Some(i) = last_taker
            {
                payments.push(Payment { draw: draws[i], at: repayment.at, amount: left, repayment: r });
            }
        }
    }
}

/// Fixed-point scale for rates.
const SCALE: i128 = 1_000_000_000_000;

/// The schedule a draw implies.
pub fn schedule(
    drawn: NaiveDate,
    principal: Money,
    term_months: u32,
    repay: RepayMethod,
    daily: Option<Percent>,
) -> DrawBook {
    let n = term_months.max(1);
    let due_dates: Vec<NaiveDate> =
        (1..=n).map(|k| drawn.checked_add_months(Months::new(k)).unwrap_or(drawn)).collect();
    // A month's rate from the daily rate: 30 days, in SCALE units of a fraction.
    let rate = i128::from(daily.map_or(0, |p| p.units())) * 30 * SCALE / (100 * i128::from(Percent::UNITS_PER_PERCENT));
    let p = i128::from(principal.fen());
    let n_i = i128::from(n);
    let mut cum_due = Vec::with_capacity(n as usize);
    let mut cum_interest = Vec::with_capacity(n as usize);
    let (mut due_total, mut interest_total) = (0i128, 0i128);
    let growth = pow_scaled(SCALE + rate, n);
    let annuity = repay == RepayMethod::EqualInstallments && rate > 0 && growth > SCALE;
    let payment = if annuity { p * rate / SCALE * growth / (growth - SCALE) } else { 0 };
    // (1 + rate)^k, step by step, as `pow_scaled` reaches it.
    let (mut grown_before, mut capped) = (SCALE, false);
    for k in 1..=n_i {
        let grown_k = if !annuity || capped {
            POW_CEILING
        } else {
            let next = grown_before * (SCALE + rate) / SCALE;
            capped = next > POW_CEILING;
            next.min(POW_CEILING)
        };
        let (principal_k, interest_k) = match repay {
            RepayMethod::EqualPrincipal => {
                let before = p * (k - 1) / n_i;
                (p * k / n_i - before, (p - before) * rate / SCALE)
            }
            RepayMethod::EqualInstallments if annuity => {
                let principal_k = p * (grown_k - grown_before) / (growth - SCALE);
                (principal_k, payment - principal_k)
            }
            RepayMethod::EqualInstallments => (p * k / n_i - p * (k - 1) / n_i, 0),
            RepayMethod::InterestFirst => (if k == n_i { p } else { 0 }, p * rate / SCALE),
            RepayMethod::Bullet => (if k == n_i { p } else { 0 }, if k == n_i { p * rate * n_i / SCALE } else { 0 }),
        };
        due_total += principal_k + interest_k;
        interest_total += interest_k;
        cum_due.push(Money::from_fen(clamp(due_total)));
        cum_interest.push(Money::from_fen(clamp(interest_total)));
        grown_before = grown_k;
    }
    DrawBook { drawn, principal, due_dates, cum_due, cum_interest, ..DrawBook::default() }
}

fn clamp(value: i128) -> i64 {
    value.clamp(0, i128::from(i64::MAX)) as i64
}

/// `base^n` in SCALE units, saturating far above any real schedule.
fn pow_scaled(base: i128, n: u32) -> i128 {
    let mut out = SCALE;
    for _ in 0..n {
        out = out * base / SCALE;
        if out > POW_CEILING {
            return POW_CEILING;
        }
    }
    out
}

/// Where [`pow_scaled`] saturates.
const POW_CEILING: i128 = SCALE * 1_000_000;

/// The first day of `day`'s month.
pub fn month_start(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_threads_build_the_same_ledger_as_one() {
        use crate::domain::generate::{GenerateOptions, generate};
        let rules = crate::engine::Rules::default_rules();
        for seed in 0..6 {
            let opts = GenerateOptions {
                seed,
                years: 2,
                target_records: 1_500,
                miss_rate_pct: [0, 10, 40][seed as usize % 3],
                lenders: 4,
                ..GenerateOptions::default()
            };
            let data = generate(&opts);
            let accounts = Accounts::of(&data);
            let one = Ledger::build_on(&data, &rules.factors.payment_history, &accounts, false);
            let two = Ledger::build_on(&data, &rules.factors.payment_history, &accounts, true);
            assert!(!one.episodes.is_empty() || opts.miss_rate_pct == 0);
            assert_eq!(format!("{one:?}"), format!("{two:?}"), "seed {seed}");
        }
    }

    #[test]
    fn a_repayment_that_names_a_draw_pays_it_even_under_a_wrong_account() {
        use crate::domain::generate::{GenerateOptions, generate};
        let data = generate(&GenerateOptions { seed: 4, years: 1, target_records: 300, ..GenerateOptions::default() });
        let rules = crate::engine::Rules::default_rules();
        let before = Ledger::build(&data, &rules.factors.payment_history);
        let mut odd = data.clone();
        let mut renamed = 0;
        for repayment in odd.repayments.iter_mut().filter(|r| r.draw.is_some()).step_by(3) {
            repayment.account = "an account not in the file".into();
            renamed += 1;
        }
        assert!(renamed > 10, "only {renamed} linked repayments");
        let after = Ledger::build(&odd, &rules.factors.payment_history);
        for (d, (a, b)) in before.draws.iter().zip(&after.draws).enumerate() {
            assert_eq!(a.payments, b.payments, "draw {d}");
            assert_eq!(a.settled_on, b.settled_on, "draw {d}");
        }
        assert_eq!(before.episodes.len(), after.episodes.len());
    }

    /// Equal instalments by the textbook formula, with powers computed from scratch each time.
    fn annuity_principal(p: i128, rate: i128, n: u32, k: u32) -> i128 {
        let growth = pow_scaled(SCALE + rate, n);
        p * (pow_scaled(SCALE + rate, k) - pow_scaled(SCALE + rate, k - 1)) / (growth - SCALE)
    }

    #[test]
    fn equal_instalments_repay_the_principal_with_interest_on_what_is_left() {
        let drawn = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap_or_default();
        for (fen, term, units) in
            [(1_000_000, 12, 500), (3_900_000, 36, 300), (80_000, 3, 2_000), (500_000, 600, 9_999)]
        {
            let daily = Percent::from_units(units);
            let book = schedule(drawn, Money::from_fen(fen), term, RepayMethod::EqualInstallments, Some(daily));
            assert_eq!(book.due_dates.len(), term as usize);
            let rate = i128::from(units) * 30 * SCALE / (100 * i128::from(Percent::UNITS_PER_PERCENT));
            let mut principal_before = 0;
            for k in 1..=term {
                let principal = (book.cum_due[k as usize - 1] - book.cum_interest[k as usize - 1]).fen();
                let expected = annuity_principal(i128::from(fen), rate, term, k);
                assert_eq!(
                    i128::from(principal - principal_before),
                    expected,
                    "{fen} over {term} at {units}: month {k}"
                );
                principal_before = principal;
            }
            // Each month's payment is the same (to the fen) and later months carry less interest.
            let paid: Vec<i64> = (0..term as usize)
                .map(|k| book.cum_due[k].fen() - if k == 0 { 0 } else { book.cum_due[k - 1].fen() })
                .collect();
            assert!(paid.iter().all(|m| (m - paid[0]).abs() <= 1), "{paid:?}");
            assert!(book.cum_interest[0].fen() * i64::from(term) >= book.cum_interest[term as usize - 1].fen());
        }
    }
}
