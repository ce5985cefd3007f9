//! What-if: the path of score, limit and status if the person acts, and a plan with the fewest
//! actions that lift a zero limit or unstick a stuck one, with the earliest day it can work.
//!
//! A projection adds hypothetical records after the as-of day and runs the same rules:
//! - as things stand, scheduled instalments and card bills keep being paid on time, except on
//!   what is overdue today (that stays unpaid), and the last six months of borrowing and
//!   applications repeat (so "stop borrowing" has something to stop);
//! - each action changes those records: a repayment, the overdue paid off, no borrowing for a
//!   while, a line paid off and closed, card balances brought down, identity verified, a small
//!   draw on an unused line repaid on time.

use std::collections::HashSet;

use chrono::{Duration, Months, NaiveDate, NaiveTime};
use serde::Serialize;

use crate::domain::{DataFile, Draw, Inquiry, Lang, Money, RepayMethod, Repayment, Statement, Text};

use super::explain::{Status, status_at};
use super::features::Prepared;
use super::ledger::Source;
use super::limit::{ChangeKind, LimitHistory, score_at, simulate};
use super::reason_code::ReasonCode;
use super::rules::Rules;
use super::sweep::Sweep;

/// A hypothetical action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Action {
    /// Repay an amount on an account on a day.
    Repay {
        /// The account.
        account: String,
        /// How much.
        amount: Money,
        /// When.
        on: NaiveDate,
    },
    /// Pay everything overdue on a day and keep paying on time from then on.
    PayOverdue {
        /// When.
        on: NaiveDate,
    },
    /// Borrow nothing and apply for nothing for some months from the as-of day.
    NoNewBorrowing {
        /// How many months.
        months: u32,
    },
    /// Pay off an account and close it on a day.
    CloseLine {
        /// The account.
        account: String,
        /// When.
        on: NaiveDate,
    },
    /// Bring card balances down to a share of their limits from a day on.
    CardBalancesTo {
        /// Percent of the limits.
        pct: u32,
        /// When.
        on: NaiveDate,
    },
    /// Complete identity verification on a day.
    VerifyIdentity {
        /// When.
        on: NaiveDate,
    },
    /// Draw a small amount on the explained line and repay it on time.
    UseLine {
        /// How much.
        amount: Money,
        /// When.
        on: NaiveDate,
    },
}

impl Action {
    /// The action in words.
    pub fn describe(&self, data: &DataFile) -> Text {
        let lender = |id: &str| data.account(id).map_or_else(|| id.to_string(), |a| a.lender.clone());
        match self {
            Action::Repay { account, amount, on } => Text::new(
                format!("{on} 向{}还款 {}", lender(account), amount.display_short()),
                format!("Repay {} to {} on {on}", amount.display_short(), lender(account)),
            ),
            Action::PayOverdue { on } => Text::new(
                format!("{on} 还清所有逾期，之后按时还款"),
                format!("Pay everything overdue on {on}, then pay on time"),
            ),
            Action::NoNewBorrowing { months } => Text::new(
                format!("{months} 个月内不借新款、不申请新贷款"),
                format!("No new borrowing or applications for {months} months"),
            ),
            Action::CloseLine { account, on } => Text::new(
                format!("{on} 还清并注销{}", lender(account)),
                format!("Pay off and close {} on {on}", lender(account)),
            ),
            Action::CardBalancesTo { pct, on } => Text::new(
                format!("{on} 起把信用卡欠款降到额度的 {pct}% 以内"),
                format!("Keep card balances under {pct}% of their limits from {on}"),
            ),
            Action::VerifyIdentity { on } => {
                Text::new(format!("{on} 完成实名认证"), format!("Verify your identity on {on}"))
            }
            Action::UseLine { amount, on } => Text::new(
                format!("{on} 借用 {} 并按时还清", amount.display_short()),
                format!("Draw {} on {on} and repay it on time", amount.display_short()),
            ),
        }
    }
}

/// One projected month.
#[derive(Clone, Debug, Serialize)]
pub struct ProjectedMonth {
    /// The last day of the month (or the as-of day for the first point).
    pub on: NaiveDate,
    /// The score then.
    pub score: i64,
    /// The limit then.
    pub limit: Money,
    /// The status then.
    pub status: Status,
}

/// A projected path.
#[derive(Clone, Debug, Serialize)]
pub struct Projection {
    /// Month by month from the as-of day.
    pub path: Vec<ProjectedMonth>,
    /// The first day after the as-of day the limit is above zero, if it was zero.
    pub first_above_zero: Option<NaiveDate>,
    /// The first day after the as-of day the limit is granted or raised.
    pub first_raise: Option<NaiveDate>,
}

/// How many months projections look ahead.
pub const HORIZON_MONTHS: u32 = 24;

/// The path if the person takes `actions` (none: as things stand).
pub fn project(data: &DataFile, rules: &Rules, as_of: NaiveDate, actions: &[Action]) -> Projection {
    project_from(&Prepared::new(data, rules), as_of, actions)
}

/// [`project`] from records already indexed.
pub fn project_from(base: &Prepared, as_of: NaiveDate, actions: &[Action]) -> Projection {
    let (data, rules) = (base.data, base.rules);
    let horizon = as_of.checked_add_months(Months::new(HORIZON_MONTHS)).unwrap_or(as_of);
    let future = future_records(base, as_of, horizon, actions);
    let mut prepared = Prepared::new(&future, rules);
    if let Some(on) = actions.iter().find_map(|a| match a {
        Action::VerifyIdentity { on } => Some(*on),
        _ => None,
    }) && !data.profile.identity_verified
    {
        prepared.identity_verified_from = Some(on);
    }
    let history = simulate(&prepared, horizon);
    path_of(&prepared, &history, as_of, horizon)
}

fn path_of(prepared: &Prepared, history: &LimitHistory, as_of: NaiveDate, horizon: NaiveDate) -> Projection {
    let mut path = Vec::new();
    let mut day = as_of;
    let mut month = 0;
    let mut sweep = Sweep::new(prepared);
    while day <= horizon {
        let f = sweep.measure_at(day);
        path.push(ProjectedMonth {
            on: day,
            score: score_at(prepared, &f).total,
            limit: history.limit_at(day),
            status: status_at(prepared, history, day),
        });
        month += 1;
        let Some(next) = as_of.checked_add_months(Months::new(month)) else { break };
        day = next;
    }
    let after = |kinds: &[ChangeKind]| {
        history.changes.iter().find(|c| c.on > as_of && c.to > c.from && kinds.contains(&c.kind)).map(|c| c.on)
    };
    let first_above_zero = if history.limit_at(as_of) == Money::ZERO {
        history.changes.iter().find(|c| c.on > as_of && c.from == Money::ZERO && c.to > Money::ZERO).map(|c| c.on)
    } else {
        None
    };
    Projection { path, first_above_zero, first_raise: after(&[ChangeKind::Raise, ChangeKind::Grant]) }
}

fn at_noon(day: NaiveDate) -> chrono::NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
}

/// The records of `base` plus what would happen after `as_of` under `actions`.
fn future_records(base: &Prepared, as_of: NaiveDate, horizon: NaiveDate, actions: &[Action]) -> DataFile {
    let data = base.data;
    let mut out = data.clone();
    let mut counter = 0usize;
    let mut next_id = |prefix: &str| {
        counter += 1;
        format!("whatif-{prefix}-{counter}")
    };
    let pay_overdue_on = actions.iter().find_map(|a| match a {
        Action::PayOverdue { on } => Some(*on),
        _ => None,
    });
    let quiet_until = actions
        .iter()
        .filter_map(|a| match a {
            Action::NoNewBorrowing { months } => as_of.checked_add_months(Months::new(*months)),
            _ => None,
        })
        .max();
    let closed: Vec<(&str, NaiveDate)> = actions
        .iter()
        .filter_map(|a| match a {
            Action::CloseLine { account, on } if *account != data.profile.target => Some((account.as_str(), *on)),
            _ => None,
        })
        .collect();
    let card_cap = actions.iter().find_map(|a| match a {
        Action::CardBalancesTo { pct, on } => Some((*pct, *on)),
        _ => None,
    });

    // Overdue today: stays unpaid, unless paid off by the action.
    let f = base.features_at(as_of);
    let mut overdue_draws: HashSet<usize> = HashSet::new();
    let mut overdue_cards: HashSet<usize> = HashSet::new();
    for view in f.open_episodes() {
        let episode = &base.ledger.episodes[view.index];
        match episode.source {
            Source::Draw(d) => {
                overdue_draws.insert(d);
            }
            Source::Statement(_) => {
                overdue_cards.insert(episode.account);
            }
        }
        if let Some(on) = pay_overdue_on {
            let missed = episode.missed_at(&base.ledger, on, base.rules.factors.payment_history.grace_days);
            let draw = match episode.source {
                Source::Draw(d) => Some(data.draws[d].id.clone()),
                Source::Statement(_) => None,
            };
            if missed.is_positive() {
                out.repayments.push(Repayment {
                    id: next_id("overdue"),
                    account: data.accounts[episode.account].id.clone(),
                    draw,
                    at: at_noon(on),
                    amount: missed,
                });
            }
        }
    }
    if pay_overdue_on.is_some() {
        overdue_draws.clear();
        overdue_cards.clear();
    }

    // Scheduled instalments keep being paid on their due dates.
    let closed_on = |account: &str| closed.iter().find(|(a, _)| *a == account).map(|(_, on)| *on);
    for (d, book) in base.ledger.draws.iter().enumerate() {
        if book.billed_by_statement || overdue_draws.contains(&d) {
            continue;
        }
        let draw = &data.draws[d];
        let paid_so_far = book.paid_by(as_of);
        let mut previous = Money::ZERO;
        for (k, due) in book.due_dates.iter().enumerate() {
            let amount = book.cum_due[k] - previous.max(paid_so_far.min(book.cum_due[k]));
            previous = book.cum_due[k];
            if *due <= as_of || *due > horizon || !amount.is_positive() {
                continue;
            }
            if closed_on(&draw.account).is_some_and(|c| c <= *due) {
                break;
            }
            out.repayments.push(Repayment {
                id: next_id("due"),
                account: draw.account.clone(),
                draw: Some(draw.id.clone()),
                at: at_noon(*due),
                amount,
            });
        }
    }

    // Lines paid off and closed.
    let base_features_on = |day: NaiveDate| base.features_at(day);
    for (account, on) in &closed {
        let Some(a) = base.account_of(account) else { continue };
        let mut owed = Money::ZERO;
        for (d, book) in base.ledger.draws.iter().enumerate() {
            if data.draws[d].account == *account {
                owed += book.outstanding_at(*on);
            }
        }
        if let Some(card) = base.ledger.cards.get(&a) {
            owed += card.balance_at(data, *on).0;
        }
        if owed.is_positive() {
            out.repayments.push(Repayment {
                id: next_id("close"),
                account: account.to_string(),
                draw: None,
                at: at_noon(*on),
                amount: owed,
            });
        }
        if let Some(acct) = out.accounts.iter_mut().find(|x| x.id == *account) {
            acct.closed = on.succ_opt();
        }
    }
    let _ = base_features_on;

    // Card bills continue at their latest balance (or the action's share), paid in full.
    for (account, card) in &base.ledger.cards {
        let acct = &data.accounts[*account];
        let Some(last) = card.statements.last().map(|s| &data.statements[*s]) else { continue };
        if overdue_cards.contains(account) || acct.closed.is_some() || closed_on(&acct.id).is_some() {
            continue;
        }
        let mut closing = last.closing;
        let gap = last.due - last.closing;
        if let Some((pct, on)) = card_cap
            && let Some(limit) = acct.limit
        {
            let target = limit.mul_ratio(i64::from(pct), 100);
            let owed = card.balance_at(data, on).0;
            if owed > target {
                out.repayments.push(Repayment {
                    id: next_id("card"),
                    account: acct.id.clone(),
                    draw: None,
                    at: at_noon(on),
                    amount: owed - target,
                });
            }
        }
        for _ in 0..HORIZON_MONTHS {
            let Some(next) = closing.checked_add_months(Months::new(1)) else { break };
            closing = next;
            if closing <= as_of || closing > horizon {
                continue;
            }
            let mut balance = last.balance;
            if let Some((pct, on)) = card_cap
                && closing >= on
                && let Some(limit) = acct.limit
            {
                balance = balance.min(limit.mul_ratio(i64::from(pct), 100));
            }
            let due = closing + gap;
            out.statements.push(Statement {
                id: next_id("bill"),
                account: acct.id.clone(),
                closing,
                due,
                balance,
                minimum: balance.mul_ratio(1, 10),
            });
            if balance.is_positive() && due <= horizon {
                out.repayments.push(Repayment {
                    id: next_id("bill-pay"),
                    account: acct.id.clone(),
                    draw: None,
                    at: at_noon(due - Duration::days(1)),
                    amount: balance,
                });
            }
        }
    }

    // The last six months of borrowing and applications repeat, unless stopped.
    let window = as_of.checked_sub_months(Months::new(6)).unwrap_or(as_of);
    let mut shift = 6;
    while shift <= HORIZON_MONTHS {
        for d in base.draws_in(window, as_of) {
            let draw = &data.draws[d];
            let Some(at) = draw.at.checked_add_months(Months::new(shift)) else { continue };
            let day = at.date();
            if day > horizon
                || quiet_until.is_some_and(|q| day < q)
                || closed_on(&draw.account).is_some_and(|c| c <= day)
            {
                continue;
            }
            let id = next_id("draw");
            push_paid_draw(&mut out, &mut next_id, Draw { id, at, ..draw.clone() }, horizon);
        }
        for q in &data.inquiries {
            if q.on > window && q.on <= as_of && q.purpose.is_application() {
                let Some(on) = q.on.checked_add_months(Months::new(shift)) else { continue };
                if on <= horizon && quiet_until.is_none_or(|quiet| on >= quiet) {
                    out.inquiries.push(Inquiry { id: next_id("inquiry"), on, ..q.clone() });
                }
            }
        }
        shift += 6;
    }

    for action in actions {
        match action {
            Action::Repay { account, amount, on } if amount.is_positive() => {
                out.repayments.push(Repayment {
                    id: next_id("repay"),
                    account: account.clone(),
                    draw: None,
                    at: at_noon(*on),
                    amount: *amount,
                });
            }
            Action::UseLine { amount, on } if amount.is_positive() => {
                let draw = Draw {
                    id: next_id("use"),
                    account: data.profile.target.clone(),
                    at: at_noon(*on),
                    amount: *amount,
                    term_months: 1,
                    repay: RepayMethod::Bullet,
                    daily_rate_pct: None,
                };
                push_paid_draw(&mut out, &mut next_id, draw, horizon);
            }
            Action::VerifyIdentity { .. } => out.profile.identity_verified = true,
            _ => {}
        }
    }
    out
}

/// Adds a draw and its on-time repayments.
fn push_paid_draw(out: &mut DataFile, next_id: &mut impl FnMut(&str) -> String, draw: Draw, horizon: NaiveDate) {
    let book = super::ledger::schedule(draw.at.date(), draw.amount, draw.term_months, draw.repay, draw.daily_rate_pct);
    let mut previous = Money::ZERO;
    for (k, due) in book.due_dates.iter().enumerate() {
        let amount = book.cum_due[k] - previous;
        previous = book.cum_due[k];
        if *due <= horizon && amount.is_positive() {
            out.repayments.push(Repayment {
                id: next_id("draw-pay"),
                account: draw.account.clone(),
                draw: Some(draw.id.clone()),
                at: at_noon(*due),
                amount,
            });
        }
    }
    out.draws.push(draw);
}

/// What a plan aims at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// Get a zero limit above zero.
    AboveZero,
    /// Get a stuck or falling limit to rise.
    Raise,
}

/// One step of a plan.
#[derive(Clone, Debug, Serialize)]
pub struct PlanStep {
    /// The action.
    pub action: Action,
    /// The action in words.
    pub label: Text,
    /// The reason it answers.
    pub answers: ReasonCode,
}

/// The fewest actions that reach the goal, and when.
#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    /// What the plan aims at.
    pub goal: Goal,
    /// The actions.
    pub steps: Vec<PlanStep>,
    /// The earliest day the goal is reached with them, within the horizon.
    pub reached_on: Option<NaiveDate>,
    /// The plan in one sentence.
    pub summary: Text,
}

/// Candidate actions for the reasons on the day.
fn candidates(prepared: &Prepared, history: &LimitHistory, as_of: NaiveDate) -> Vec<(Action, ReasonCode)> {
    let (data, rules) = (prepared.data, prepared.rules);
    let e = super::explain::explain_prepared(prepared, history, as_of, false);
    let mut out: Vec<(Action, ReasonCode)> = Vec::new();
    let mut add = |action: Action, code: ReasonCode| {
        if !out.iter().any(|(a, _)| *a == action) {
            out.push((action, code));
        }
    };
    for reason in &e.reasons {
        match reason.code {
            ReasonCode::CurrentOverdue => add(Action::PayOverdue { on: as_of }, reason.code),
            ReasonCode::IdentityUnverified => add(Action::VerifyIdentity { on: as_of }, reason.code),
            ReasonCode::HighUtilisation => add(Action::CardBalancesTo { pct: 30, on: as_of }, reason.code),
            ReasonCode::ManyInquiries | ReasonCode::FrequentSmallDraws | ReasonCode::OffHoursLargeDraws => {
                add(Action::NoNewBorrowing { months: 6 }, reason.code)
            }
            ReasonCode::ManyLenders | ReasonCode::DebtOverCapacity => {
                add(Action::NoNewBorrowing { months: 6 }, reason.code);
                let mut others: Vec<&crate::domain::Account> = data
                    .accounts
                    .iter()
                    .filter(|a| a.id != data.profile.target && a.closed.is_none() && !a.kind.is_card_like())
                    .filter(|a| {
                        reason.evidence.iter().any(|id| data.draws.iter().any(|d| d.id == *id && d.account == a.id))
                            || reason.code == ReasonCode::DebtOverCapacity
                    })
                    .collect();
                others.sort_by_key(|a| std::cmp::Reverse(a.opened));
                for account in others.into_iter().take(2) {
                    add(Action::CloseLine { account: account.id.clone(), on: as_of }, reason.code);
                }
            }
            ReasonCode::UnusedLine => add(Action::UseLine { amount: rules.limit.min_step, on: as_of }, reason.code),
            _ => {}
        }
    }
    out.truncate(6);
    out
}

/// The fewest actions that lift a zero limit above zero or get a stuck or falling one rising.
/// `None` when the limit is already rising.
pub fn plan(data: &DataFile, rules: &Rules, as_of: NaiveDate) -> Option<Plan> {
    plan_from(&Prepared::new(data, rules), as_of)
}

/// [`plan`] for records already indexed: every projection it tries starts from that index.
pub fn plan_from(prepared: &Prepared, as_of: NaiveDate) -> Option<Plan> {
    let data = prepared.data;
    let history = simulate(prepared, as_of);
    let goal = match status_at(prepared, &history, as_of) {
        Status::Zero => Goal::AboveZero,
        Status::Stuck | Status::Falling => Goal::Raise,
        Status::Rising => return None,
    };
    let reached = |p: &Projection| match goal {
        Goal::AboveZero => p.first_above_zero,
        Goal::Raise => p.first_raise,
    };
    let options = candidates(prepared, &history, as_of);
    let mut best: Option<(usize, NaiveDate, Vec<usize>)> = None;
    let baseline = reached(&project_from(prepared, as_of, &[]));
    if let Some(day) = baseline {
        best = Some((0, day, Vec::new()));
    }
    let n = options.len();
    for mask in 1u32..(1u32 << n) {
        let chosen: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
        if best.as_ref().is_some_and(|(size, _, _)| chosen.len() > *size) {
            continue;
        }
        let actions: Vec<Action> = chosen.iter().map(|i| options[*i].0.clone()).collect();
        if let Some(day) = reached(&project_from(prepared, as_of, &actions)) {
            let better = match &best {
                None => true,
                Some((size, when, _)) => chosen.len() < *size || (chosen.len() == *size && day < *when),
            };
            if better {
                best = Some((chosen.len(), day, chosen));
            }
        }
    }
    let (reached_on, chosen) = match best {
        Some((_, day, chosen)) => (Some(day), chosen),
        None => (None, (0..n).collect()),
    };
    let steps: Vec<PlanStep> = chosen
        .iter()
        .map(|i| PlanStep {
            action: options[*i].0.clone(),
            label: options[*i].0.describe(data),
            answers: options[*i].1,
        })
        .collect();
    let summary = summarise(goal, steps.len(), reached_on);
    Some(Plan { goal, steps, reached_on, summary })
}

fn summarise(goal: Goal, steps: usize, reached_on: Option<NaiveDate>) -> Text {
    let count_zh = ["", "这件事", "这两件事", "这三件事", "这四件事", "这五件事", "这六件事"];
    let what = count_zh.get(steps).copied().unwrap_or("这些事");
    let (zh_goal, en_goal) = match goal {
        Goal::AboveZero => ("恢复额度", "get a limit above zero"),
        Goal::Raise => ("提额", "see the limit rise"),
    };
    match reached_on {
        Some(day) if steps == 0 => Text::new(
            format!("不需要额外行动：保持按时还款，最早 {day} 可{zh_goal}"),
            format!("Nothing extra is needed: keep paying on time and you can {en_goal} from {day}"),
        ),
        Some(day) => Text::new(
            format!("做到{what}，最早 {day} 可{zh_goal}"),
            format!(
                "Do {} and you can {en_goal} from {day} at the earliest",
                if steps == 1 { "this".to_string() } else { format!("these {steps} things") }
            ),
        ),
        None => Text::new(
            format!("在 {} 个月内，这些行动还不足以{zh_goal}；先做这些，再等待下一次评估", HORIZON_MONTHS),
            format!(
                "Within {HORIZON_MONTHS} months these actions are not yet enough to {en_goal}; start with them and wait for the next review"
            ),
        ),
    }
}

/// The plan in the language asked, for the command line and the report.
pub fn plan_text(plan: &Plan, lang: Lang) -> String {
    let mut out = String::from(plan.summary.get(lang));
    for (i, step) in plan.steps.iter().enumerate() {
        out.push_str(&format!("\n{}. {}", i + 1, step.label.get(lang)));
    }
    out
}
