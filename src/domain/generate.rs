//! Generated data files: a realistic, always-valid history of any size, for benchmarks, tests and
//! stress runs. Pure: the seed and the options decide everything (no clock, no file system, no
//! `rand`); the same options give the same file.
//!
//! The history has a 借呗-like target line (`jiebei`) with draws of mixed sizes and times of day,
//! credit cards with monthly statements and repayments, instalment loans at other lenders with
//! schedules on the draw's day of month, limits seen now and then, inquiries and a few events.
//! A share of due payments (`miss_rate_pct`) is paid late (after the due date) or short (less than
//! was due by the due date), so an engine that computes overdue amounts from due dates sees them.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime};

use super::money::{Money, Percent};
use super::records::{
    Account, AccountKind, DataFile, Draw, Event, EventKind, Inquiry, InquiryPurpose, ObservedLimit, Profile,
    RepayMethod, Repayment, Statement,
};

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenerateOptions {
    /// Decides every random choice.
    pub seed: u64,
    /// Length of the history, in years (clamped to 1..=50).
    pub years: u32,
    /// About how many records to make; very small targets give the smallest sensible history.
    pub target_records: usize,
    /// Share of due payments paid late or short, 0..=100.
    pub miss_rate_pct: u32,
    /// Instalment-loan lenders besides the target line.
    pub lenders: u32,
    /// Card balances as a share of their limits, on average.
    pub card_utilisation_pct: u32,
    /// Whether identity verification is complete.
    pub identity_verified: bool,
    /// The last day of the history.
    pub end: NaiveDate,
}

impl Default for GenerateOptions {
    fn default() -> Self {
        GenerateOptions {
            seed: 1,
            years: 3,
            target_records: 2_000,
            miss_rate_pct: 5,
            lenders: 2,
            card_utilisation_pct: 30,
            identity_verified: true,
            end: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default(),
        }
    }
}

/// A history generated from `opts`; always valid.
pub fn generate(opts: &GenerateOptions) -> DataFile {
    Generator::new(opts).run()
}

/// splitmix64: tiny, fast and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi` (`lo` when the range is empty).
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + (self.next_u64() % span) as i64
    }

    /// True with probability `pct` percent.
    fn chance(&mut self, pct: u32) -> bool {
        (self.next_u64() % 100) < u64::from(pct)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as i64 - 1) as usize]
    }
}

const CARD_LENDERS: [&str; 4] = ["招商银行信用卡", "工商银行信用卡", "建设银行信用卡", "花呗"];
const LOAN_LENDERS: [&str; 6] = ["某消费金融", "京东金条", "微粒贷", "度小满", "分期乐", "某银行信用贷"];
/// Terms of instalment loans, shortest first.
const LOAN_TERMS: [u32; 4] = [6, 12, 24, 36];
/// Records per card-month: a statement and, usually, one repayment.
const CARD_MONTH_RECORDS: usize = 2;

/// A repayment before ids are given: `draw` is the draw's position in the unsorted list.
struct PendingRepayment {
    account: String,
    draw: Option<usize>,
    at: NaiveDateTime,
    amount: Money,
}

struct Generator<'a> {
    opts: &'a GenerateOptions,
    rng: Rng,
    start: NaiveDate,
    end: NaiveDate,
    data: DataFile,
    draws: Vec<Draw>,
    repayments: Vec<PendingRepayment>,
}

impl<'a> Generator<'a> {
    fn new(opts: &'a GenerateOptions) -> Self {
        let years = opts.years.clamp(1, 50);
        let end = opts.end;
        let start = end.checked_sub_days(Days::new(u64::from(years) * 365)).unwrap_or(end);
        let data = DataFile::empty(start, "jiebei");
        Generator {
            opts,
            rng: Rng(opts.seed ^ 0x5EED_C0DE_2025_0001),
            start,
            end,
            data,
            draws: Vec::new(),
            repayments: Vec::new(),
        }
    }

    fn run(mut self) -> DataFile {
        self.profile();
        let cards = self.accounts();
        let target = self.opts.target_records;
        let fixed = self.data.accounts.len();
        let small_budget = (target.saturating_sub(fixed) / 10).max(3);
        self.observed_limits(small_budget / 2);
        self.inquiries(small_budget / 3);
        self.events(small_budget / 6);
        let used = self.count();
        let card_budget = target.saturating_sub(used) * 2 / 5;
        self.cards(&cards, card_budget);
        self.draws_until(target);
        self.finish()
    }

    fn count(&self) -> usize {
        self.data.record_count() + self.draws.len() + self.repayments.len()
    }

    fn months(&self) -> u32 {
        self.opts.years.clamp(1, 50) * 12
    }

    fn day_after_start(&mut self, max_days: i64) -> NaiveDate {
        let offset = self.rng.range(0, max_days.max(0));
        self.start.checked_add_days(Days::new(offset as u64)).unwrap_or(self.start)
    }

    /// A random day in `from..=to` (`from` when the range is empty).
    fn day_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days();
        let offset = self.rng.range(0, span);
        from.checked_add_days(Days::new(offset as u64)).unwrap_or(from)
    }

    fn at(&mut self, day: NaiveDate, hours: (i64, i64)) -> NaiveDateTime {
        let seconds = self.rng.range(hours.0 * 3600, hours.1 * 3600 + 3599);
        day.and_time(NaiveTime::from_num_seconds_from_midnight_opt(seconds as u32, 0).unwrap_or_default())
    }

    fn profile(&mut self) {
        let income = self.rng.range(40, 300) * 10_000;
        self.data.profile = Profile {
            name: Some(format!("Generated #{}", self.opts.seed)),
            joined: self.start,
            identity_verified: self.opts.identity_verified,
            monthly_income: Some(Money::from_fen(income)),
            liquid_assets: Some(Money::from_fen(self.rng.range(0, 500) * 100_000)),
            target: "jiebei".to_string(),
        };
    }

    /// The target line, one to three cards and the loan accounts; returns the cards' ids.
    fn accounts(&mut self) -> Vec<String> {
        let opened = self.day_after_start(60);
        self.push_account("jiebei", "蚂蚁借呗", AccountKind::CashLine, opened, None);
        let card_count = self.rng.range(1, 3) as usize;
        let mut cards = Vec::new();
        for (n, lender) in CARD_LENDERS.iter().take(card_count).enumerate() {
            let id = format!("card{}", n + 1);
            let kind = if *lender == "花呗" { AccountKind::BuyNowPayLater } else { AccountKind::CreditCard };
            let limit = Money::from_yuan(self.rng.range(5, 100) * 1_000);
            self.push_account(&id, lender, kind, self.start, Some(limit));
            cards.push(id);
        }
        let half = i64::from(self.opts.years.clamp(1, 50)) * 365 / 2;
        for n in 0..self.opts.lenders.min(50) {
            let lender = LOAN_LENDERS[n as usize % LOAN_LENDERS.len()];
            let lender = if (n as usize) < LOAN_LENDERS.len() { lender.to_string() } else { format!("{lender} {n}") };
            let opened = self.day_after_start(half);
            self.push_account(&format!("loan{}", n + 1), &lender, AccountKind::InstallmentLoan, opened, None);
        }
        cards
    }

    fn push_account(&mut self, id: &str, lender: &str, kind: AccountKind, opened: NaiveDate, limit: Option<Money>) {
        let account = Account {
            id: id.to_string(),
            lender: lender.to_string(),
            kind,
            opened,
            limit,
            closed: None,
            imported_until: None,
        };
        self.data.accounts.push(account);
    }

    /// The target line's limit as the app showed it, a random walk that falls after misses.
    fn observed_limits(&mut self, count: usize) {
        let opened = self.data.accounts[0].opened;
        let mut limit = if self.opts.identity_verified { self.rng.range(20, 80) * 10_000 } else { 0 };
        // The days first, in order, so that the walk runs forward in time.
        let mut days: Vec<NaiveDate> = (0..count).map(|_| self.day_between(opened, self.end)).collect();
        days.sort_unstable();
        for (n, on) in days.into_iter().enumerate() {
            let step = self.rng.range(-10, 20) * 10_000;
            let penalty = if self.rng.chance(self.opts.miss_rate_pct) { limit / 3 } else { 0 };
            limit = (limit + step - penalty).clamp(0, 20_000_000) / 10_000 * 10_000;
            let limit = if self.opts.identity_verified { limit } else { 0 };
            self.data.observed_limits.push(ObservedLimit {
                id: format!("o{}", n + 1),
                account: "jiebei".to_string(),
                on,
                limit: Money::from_fen(limit),
            });
        }
    }

    fn inquiries(&mut self, count: usize) {
        for n in 0..count {
            let on = self.day_between(self.start, self.end);
            let purpose = *self.rng.pick(&InquiryPurpose::ALL);
            let by = if purpose == InquiryPurpose::SelfQuery { "本人" } else { self.rng.pick(&LOAN_LENDERS) };
            self.data.inquiries.push(Inquiry { id: format!("q{}", n + 1), on, by: by.to_string(), purpose });
        }
    }

    /// Mostly harmless events; cash-out flags only for people who miss a lot.
    fn events(&mut self, count: usize) {
        let mut kinds = vec![EventKind::DeviceChange, EventKind::AbnormalLogin, EventKind::ProfileChange];
        kinds.push(EventKind::LimitNotice);
        for n in 0..count {
            let kind =
                if n == 0 && self.opts.miss_rate_pct >= 50 { EventKind::CashOutFlag } else { *self.rng.pick(&kinds) };
            let day = self.day_between(self.start, self.end);
            let hours = if kind == EventKind::AbnormalLogin { (0, 5) } else { (8, 22) };
            let at = self.at(day, hours);
            let note = (kind == EventKind::AbnormalLogin).then(|| "login from another city".to_string());
            self.data.events.push(Event { id: format!("e{}", n + 1), at, kind, note });
        }
    }

    /// Monthly statements and their repayments, for as many recent months as the budget allows.
    fn cards(&mut self, cards: &[String], budget: usize) {
        if cards.is_empty() {
            return;
        }
        let months = (budget / (CARD_MONTH_RECORDS * cards.len())).min(self.months() as usize) as u32;
        for card in cards {
            let limit = self.data.account(card).and_then(|a| a.limit).unwrap_or(Money::ZERO);
            let closing_day = self.rng.range(1, 28) as u32;
            let Some(first_month) = self.end.with_day(1).and_then(|d| d.checked_sub_months(Months::new(months))) else {
                continue;
            };
            for m in 0..months {
                let Some(closing) =
                    first_month.checked_add_months(Months::new(m)).and_then(|d| d.with_day(closing_day))
                else {
                    continue;
                };
                if closing > self.end || closing < self.start {
                    continue;
                }
                self.statement(card, limit, closing);
            }
        }
    }

    fn statement(&mut self, card: &str, limit: Money, closing: NaiveDate) {
        let share = i64::from(self.opts.card_utilisation_pct.min(100)) * self.rng.range(50, 150) / 100;
        let balance = limit.mul_ratio(share.min(100), 100);
        let minimum = balance.mul_ratio(1, 10);
        let due = closing.checked_add_days(Days::new(20)).unwrap_or(closing);
        let id = format!("s{}", self.data.statements.len() + 1);
        let statement = Statement { id, account: card.to_string(), closing, due, balance, minimum };
        self.data.statements.push(statement);
        if !balance.is_positive() {
            return;
        }
        let planned = if self.rng.chance(70) { balance } else { minimum };
        self.pay(card, None, (closing.succ_opt().unwrap_or(closing), due), minimum, planned);
    }

    /// Pays `planned` in the window `(from, due)`, where `owed` must be paid by `due`. At the miss
    /// rate the payment is late (after `due`) or short (less than `owed` by `due`, the rest
    /// late). Nothing is paid after `end`.
    fn pay(
        &mut self,
        account: &str,
        draw: Option<usize>,
        (from, due): (NaiveDate, NaiveDate),
        owed: Money,
        planned: Money,
    ) {
        if !planned.is_positive() {
            return;
        }
        if !self.rng.chance(self.opts.miss_rate_pct) {
            let day = self.day_between(from.max(due - Days::new(5)), due);
            self.push_repayment(account, draw, day, planned);
            return;
        }
        let late_day = due.checked_add_days(Days::new(self.rng.range(1, 45) as u64)).unwrap_or(due);
        if self.rng.chance(50) {
            let part = owed.mul_ratio(self.rng.range(20, 80), 100);
            self.push_repayment(account, draw, due, part);
            self.push_repayment(account, draw, late_day, planned - part);
        } else {
            self.push_repayment(account, draw, late_day, planned);
        }
    }

    fn push_repayment(&mut self, account: &str, draw: Option<usize>, day: NaiveDate, amount: Money) {
        if day > self.end || !amount.is_positive() {
            return;
        }
        let mut at = self.at(day, (7, 23));
        if let Some(index) = draw {
            // Never before the draw itself, even on the draw's own day.
            at = at.max(self.draws[index].at);
        }
        self.repayments.push(PendingRepayment { account: account.to_string(), draw, at, amount });
    }

    /// Draws on the target line and the loans, with their repayments, until `target` records.
    fn draws_until(&mut self, target: usize) {
        let loans: Vec<(String, NaiveDate)> = self
            .data
            .accounts
            .iter()
            .filter(|a| a.kind == AccountKind::InstallmentLoan)
            .map(|a| (a.id.clone(), a.opened))
            .collect();
        let jiebei_opened = self.data.accounts[0].opened;
        let mut attempts = 0usize;
        while self.count() < target && attempts < target.saturating_mul(4) + 16 {
            attempts += 1;
            // Near the target, only terms short enough to fit (a missed instalment can add a
            // second repayment), so small files still land close to the asked size.
            let room = target - self.count();
            let max_term = if room < 80 { ((room - 1) / 2) as u32 } else { u32::MAX };
            if max_term == 0 {
                break;
            }
            let loan_fits = max_term >= LOAN_TERMS[0];
            if loans.is_empty() || !loan_fits || self.rng.chance(60) {
                self.jiebei_draw(jiebei_opened, max_term);
            } else {
                let (id, opened) = self.rng.pick(&loans).clone();
                self.loan_draw(&id, opened, max_term);
            }
        }
    }

    fn jiebei_draw(&mut self, opened: NaiveDate, max_term: u32) {
        let amount = match self.rng.range(0, 9) {
            0..=4 => self.rng.range(1, 10) * 100,
            5..=8 => self.rng.range(1, 10) * 1_000,
            _ => self.rng.range(1, 5) * 10_000,
        };
        let day = self.draw_day(opened);
        let hours = if self.rng.chance(20) { (0, 5) } else { (8, 22) };
        let at = self.at(day, hours);
        let terms: Vec<u32> = [3, 6, 12].into_iter().filter(|t| *t <= max_term).collect();
        let (repay, term_months) = if terms.is_empty() || self.rng.chance(10) {
            (RepayMethod::Bullet, 1)
        } else {
            (*self.rng.pick(&[RepayMethod::EqualInstallments, RepayMethod::EqualPrincipal]), *self.rng.pick(&terms))
        };
        let rate = Percent::from_units(self.rng.range(2, 5) * 100);
        self.push_draw("jiebei", at, Money::from_yuan(amount), term_months, repay, rate);
    }

    fn loan_draw(&mut self, account: &str, opened: NaiveDate, max_term: u32) {
        let amount = Money::from_yuan(self.rng.range(1, 50) * 1_000);
        let day = self.draw_day(opened);
        let at = self.at(day, (9, 21));
        let repay = *self.rng.pick(&[RepayMethod::EqualInstallments, RepayMethod::EqualPrincipal]);
        let terms: Vec<u32> = LOAN_TERMS.into_iter().filter(|t| *t <= max_term).collect();
        let term_months = *self.rng.pick(&terms);
        let rate = Percent::from_units(self.rng.range(1, 6) * 100);
        self.push_draw(account, at, amount, term_months, repay, rate);
    }

    /// A day on or after `opened`, on days 1..=28 so that every month has the schedule's day.
    fn draw_day(&mut self, opened: NaiveDate) -> NaiveDate {
        let day = self.day_between(opened.max(self.start), self.end);
        if day.day() > 28 { day.with_day(28).filter(|d| *d >= opened).unwrap_or(day) } else { day }
    }

    fn push_draw(
        &mut self,
        account: &str,
        at: NaiveDateTime,
        amount: Money,
        term: u32,
        repay: RepayMethod,
        rate: Percent,
    ) {
        let index = self.draws.len();
        self.draws.push(Draw {
            id: String::new(),
            account: account.to_string(),
            at,
            amount,
            term_months: term,
            repay,
            daily_rate_pct: Some(rate),
        });
        let draw_day = at.date();
        let mut previous_due = draw_day;
        for (k, due_amount) in schedule(amount, term, repay, rate).into_iter().enumerate() {
            // Instalments fall due monthly on the draw's day; a bullet at the end of the term.
            let month = if repay.is_instalment() { k as u32 + 1 } else { term };
            let Some(due) = draw_day.checked_add_months(Months::new(month)) else { break };
            if due > self.end {
                break;
            }
            let from = previous_due.succ_opt().unwrap_or(previous_due);
            self.pay(account, Some(index), (from, due), due_amount, due_amount);
            previous_due = due;
        }
    }

    /// Sorts every list by time and gives ids in that order, so the file reads as a history.
    fn finish(mut self) -> DataFile {
        let mut order: Vec<usize> = (0..self.draws.len()).collect();
        order.sort_by_key(|&i| (self.draws[i].at, i));
        let mut new_id = vec![String::new(); self.draws.len()];
        for (position, &index) in order.iter().enumerate() {
            new_id[index] = format!("d{}", position + 1);
        }
        let mut draws: Vec<Option<Draw>> = self.draws.into_iter().map(Some).collect();
        self.data.draws =
            order.iter().filter_map(|&i| draws[i].take().map(|d| Draw { id: new_id[i].clone(), ..d })).collect();
        self.repayments.sort_by_key(|r| r.at);
        self.data.repayments = self
            .repayments
            .into_iter()
            .enumerate()
            .map(|(n, r)| Repayment {
                id: format!("r{}", n + 1),
                account: r.account,
                draw: r.draw.map(|i| new_id[i].clone()),
                at: r.at,
                amount: r.amount,
            })
            .collect();
        self.data.statements.sort_by(|a, b| (a.closing, &a.account).cmp(&(b.closing, &b.account)));
        renumber(&mut self.data.statements, "s", |s| &mut s.id);
        self.data.observed_limits.sort_by_key(|o| o.on);
        renumber(&mut self.data.observed_limits, "o", |o| &mut o.id);
        self.data.inquiries.sort_by_key(|q| q.on);
        renumber(&mut self.data.inquiries, "q", |q| &mut q.id);
        self.data.events.sort_by_key(|e| e.at);
        renumber(&mut self.data.events, "e", |e| &mut e.id);
        self.data
    }
}

fn renumber<T>(items: &mut [T], prefix: &str, id: impl Fn(&mut T) -> &mut String) {
    for (n, item) in items.iter_mut().enumerate() {
        *id(item) = format!("{prefix}{}", n + 1);
    }
}

/// What is due each month, rounded up to the fen so that paying it is never short.
/// Interest is the daily rate over 30 days on what remains. Equal instalments use the annuity
/// formula in floating point: this is synthetic data, and the result is rounded up to exact fen.
fn schedule(amount: Money, term: u32, repay: RepayMethod, rate: Percent) -> Vec<Money> {
    let term = term.max(1);
    let monthly = rate.as_f64() / 100.0 * 30.0;
    let principal = amount.fen() as f64;
    match repay {
        RepayMethod::EqualInstallments if monthly > 0.0 => {
            let growth = (1.0 + monthly).powi(term as i32);
            let payment = principal * monthly * growth / (growth - 1.0);
            vec![Money::from_fen(payment.ceil() as i64); term as usize]
        }
        RepayMethod::EqualInstallments | RepayMethod::EqualPrincipal => {
            let part = amount.fen() / i64::from(term);
            let mut remaining = amount.fen();
            (0..term)
                .map(|k| {
                    let this_part = if k + 1 == term { remaining } else { part };
                    let interest = (remaining as f64 * monthly).ceil() as i64;
                    remaining -= this_part;
                    Money::from_fen(this_part + interest)
                })
                .collect()
        }
        RepayMethod::InterestFirst | RepayMethod::Bullet => {
            let interest = (principal * monthly * f64::from(term)).ceil() as i64;
            vec![Money::from_fen(amount.fen() + interest)]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_repay_at_least_the_principal() {
        let cases = [
            (RepayMethod::EqualInstallments, 12, 300),
            (RepayMethod::EqualPrincipal, 6, 500),
            (RepayMethod::EqualInstallments, 3, 0),
            (RepayMethod::Bullet, 1, 200),
        ];
        for (repay, term, units) in cases {
            let due = schedule(Money::from_yuan(5_000), term, repay, Percent::from_units(units));
            let total: Money = due.iter().copied().sum();
            assert!(total >= Money::from_yuan(5_000), "{repay:?}: {total}");
            assert!(due.iter().all(|m| m.is_positive()), "{repay:?}: {due:?}");
        }
    }
}
