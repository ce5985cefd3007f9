//! Reasons: which rules fire on the day, what each costs, the records behind it, what to do
//! and when it stops counting. Ranked by what they cost the limit, like adverse-action notices
//! (at most four principal reasons lead, each specific and actionable).

use chrono::{Duration, Months, NaiveDate};
use serde::Serialize;

use crate::domain::{Money, Text};

use super::explain::Status;
use super::features::{Features, Prepared, months_between};
use super::ledger::Source;
use super::limit::{LimitHistory, Supported, count, holding_reasons, unused_months};
use super::reason_code::{Effect, ReasonCode};
use super::rules::ReasonTexts;
use super::score::{Score, amounts_owed_parts, pattern_penalties};

/// One reason, ready to show.
#[derive(Clone, Debug, Serialize)]
pub struct Reason {
    /// Stable code.
    pub code: ReasonCode,
    /// What it does to the limit.
    pub effect: Effect,
    /// Score points it costs (negative) or earns (positive).
    pub points: i64,
    /// What it costs the limit, where that is known.
    pub money: Option<Money>,
    /// A short phrase for headlines.
    pub short: Text,
    /// The full message.
    pub message: Text,
    /// Ids of the records behind it.
    pub evidence: Vec<String>,
    /// What to do.
    pub next_step: Text,
    /// The earliest day the next step can work.
    pub next_step_on: Option<NaiveDate>,
    /// When it stops counting.
    pub until: Option<NaiveDate>,
    /// The rule that fired, in words.
    pub rule: Text,
}

/// Fills `{name}` placeholders in both languages.
pub fn fill(text: &Text, vars: &[(&str, String)]) -> Text {
    let apply = |template: &str| {
        let mut out = template.to_string();
        for (name, value) in vars {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    };
    Text { zh: apply(&text.zh), en: apply(&text.en) }
}

struct Builder<'p, 'a> {
    prepared: &'p Prepared<'a>,
    out: Vec<Reason>,
}

impl Builder<'_, '_> {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        code: ReasonCode,
        effect: Effect,
        points: i64,
        money: Option<Money>,
        evidence: Vec<String>,
        vars: Vec<(&str, String)>,
        next_step_on: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) {
        let texts = self.prepared.rules.texts(code);
        self.push_texts(&texts, code, effect, points, money, evidence, vars, next_step_on, until);
    }

    /// [`Builder::push`] with these texts.
    #[allow(clippy::too_many_arguments)]
    fn push_texts(
        &mut self,
        texts: &ReasonTexts,
        code: ReasonCode,
        effect: Effect,
        points: i64,
        money: Option<Money>,
        evidence: Vec<String>,
        vars: Vec<(&str, String)>,
        next_step_on: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) {
        let mut vars = vars;
        vars.push(("line", self.prepared.target_lender().to_string()));
        if let Some(on) = next_step_on {
            vars.push(("next_on", on.to_string()));
        }
        if let Some(until) = until {
            vars.push(("until", until.to_string()));
        }
        self.out.push(Reason {
            code,
            effect,
            points,
            money,
            short: fill(&texts.short, &vars),
            message: fill(&texts.message, &vars),
            evidence,
            next_step: fill(&texts.next_step, &vars),
            next_step_on,
            until,
            rule: fill(&texts.rule, &vars),
        });
    }
}

/// What active lowering behaviour costs: its share of the cut it caused in the last year, or,
/// before the next review acts on it, the cut it will cause.
fn lowering_cost(
    b: &Builder,
    history: &LimitHistory,
    sup: &Supported,
    code: ReasonCode,
    limit_now: Money,
    as_of: NaiveDate,
) -> Option<Money> {
    if !sup.lowering.contains(&code) {
        return None;
    }
    let year_ago = as_of.checked_sub_months(Months::new(12)).unwrap_or(as_of);
    match history.cut_by(code, as_of) {
        Some((on, cost)) if on > year_ago => Some(cost),
        _ => {
            let keep = b.prepared.rules.limit.lowering_keep_pct.get(&code).copied().unwrap_or(100);
            Some(limit_now.mul_ratio(100 - keep, 100))
        }
    }
}

/// Every reason that applies on `as_of`, ranked.
pub fn build_reasons(
    prepared: &Prepared,
    history: &LimitHistory,
    f: &Features,
    s: &Score,
    sup: &Supported,
    status: Status,
    as_of: NaiveDate,
) -> Vec<Reason> {
    let mut b = Builder { prepared, out: Vec::new() };
    let limit_now = history.limit_at(as_of);
    let next_review = history.next_review_after(as_of);
    // What the record would support without the blocks: what blocking costs.
    let unblocked = sup.caps.iter().map(|(_, c)| *c).fold(sup.band, Money::min);
    let block_cost = Some(unblocked.max(limit_now).max(history.pre_freeze));

    blocks(&mut b, f, s, sup, block_cost, next_review, as_of);
    lowers_and_holds(&mut b, history, f, s, sup, limit_now, next_review, as_of);
    outside(&mut b, history, f, status, as_of);
    seen_above_the_record(&mut b, history, sup, as_of);
    raises(&mut b, f, s);

    let mut reasons = b.out;
    reasons.sort_by(|a, b| {
        let order = |e: Effect| match e {
            Effect::Blocks => 0,
            Effect::Lowers => 1,
            Effect::Holds => 2,
            Effect::Raises => 3,
        };
        order(a.effect)
            .cmp(&order(b.effect))
            .then(b.money.unwrap_or(Money::ZERO).cmp(&a.money.unwrap_or(Money::ZERO)))
            // Costs: most points lost first; what goes well: most points earned first.
            .then(if a.effect == Effect::Raises { b.points.cmp(&a.points) } else { a.points.cmp(&b.points) })
    });
    reasons
}

fn blocks(
    b: &mut Builder,
    f: &Features,
    s: &Score,
    sup: &Supported,
    cost: Option<Money>,
    next_review: Option<NaiveDate>,
    as_of: NaiveDate,
) {
    let p = b.prepared;
    let rules = p.rules;
    let review = next_review.map(|d| d.to_string()).unwrap_or_default();
    for code in &sup.blocks {
        match code {
            ReasonCode::CurrentOverdue => {
                let open: Vec<_> = f.open_episodes().collect();
                let Some(worst) = open.iter().max_by_key(|e| e.days_past_due) else { continue };
                let episode = &p.ledger.episodes[worst.index];
                let total: Money = open.iter().map(|e| e.missed).sum();
                let evidence =
                    open.iter().map(|e| p.source_id(p.ledger.episodes[e.index].source).to_string()).collect();
                let (kind_zh, kind_en) = match episode.source {
                    Source::Draw(_) => ("分期", "an instalment"),
                    Source::Statement(_) => ("账单", "a card bill"),
                };
                let lender = p.data.accounts.get(episode.account).map(|a| a.lender.clone()).unwrap_or_default();
                // What the overdues cost, at most what the payment factor actually lost (many
                // episodes can add up past the factor's maximum, which the score stops at).
                let points = -open.iter().map(|e| e.penalty).sum::<i64>().min(s.lost("payment_history"));
                b.push(
                    *code,
                    Effect::Blocks,
                    points,
                    cost,
                    evidence,
                    vec![
                        (
                            "amount",
                            episode.dues.first().map_or(worst.missed, |i| p.ledger.dues[*i].amount).display_short(),
                        ),
                        ("total", total.display_short()),
                        ("days", worst.days_past_due.to_string()),
                        ("lender", lender),
                        ("due", episode.first_due(&p.ledger).to_string()),
                        ("kind_zh", kind_zh.to_string()),
                        ("kind_en", kind_en.to_string()),
                        ("kind_en_cap", capitalise(kind_en)),
                        ("count", open.len().to_string()),
                        ("review", review.clone()),
                        ("cooldown", rules.limit.overdue_cooldown_months.to_string()),
                    ],
                    Some(as_of),
                    None,
                );
            }
            ReasonCode::IdentityUnverified => {
                b.push(
                    *code,
                    Effect::Blocks,
                    -rules.factors.identity.verified_points,
                    cost,
                    vec![],
                    vec![],
                    Some(as_of),
                    None,
                );
            }
            ReasonCode::FrozenViolation => {
                let Some((event, until)) = f.active_flags.iter().max_by_key(|(_, u)| *u) else { continue };
                let e = &p.data.events[*event];
                let kind = match e.kind {
                    crate::domain::EventKind::FraudFlag => ("欺诈风险标记", "fraud flag"),
                    _ => ("套现标记", "cash-out flag"),
                };
                b.push(
                    *code,
                    Effect::Blocks,
                    0,
                    cost,
                    f.active_flags.iter().map(|(i, _)| p.data.events[*i].id.clone()).collect(),
                    vec![
                        ("flag_zh", kind.0.to_string()),
                        ("flag_en", kind.1.to_string()),
                        ("date", e.at.date().to_string()),
                    ],
                    Some(*until),
                    Some(*until),
                );
            }
            ReasonCode::NoHistory => {
                let th = &rules.thresholds;
                let until =
                    p.record_start.checked_add_months(Months::new(u32::try_from(th.new_user_months).unwrap_or(0)));
                b.push(
                    *code,
                    Effect::Blocks,
                    0,
                    None,
                    vec![],
                    vec![
                        ("months", f.record_months.to_string()),
                        ("joined", p.record_start.to_string()),
                        ("need_months", th.new_user_months.to_string()),
                        ("need_items", th.new_user_items.to_string()),
                    ],
                    until.map(|u| u.max(as_of)),
                    until,
                );
            }
            ReasonCode::DebtOverCapacity => {
                let (_, dti_points) = amounts_owed_parts(f, rules);
                let max = rules.factors.amounts_owed.debt_to_income.0.iter().map(|s| s.1).max().unwrap_or(0);
                debt_reason(b, f, Effect::Blocks, dti_points - max, cost, as_of);
            }
            ReasonCode::ScoreBelowEntry => {
                let bar = rules.limit.entry_score;
                b.push(
                    *code,
                    Effect::Blocks,
                    s.total - bar,
                    cost,
                    vec![],
                    vec![
                        ("score", s.total.to_string()),
                        ("entry", bar.to_string()),
                        ("gap", (bar - s.total).to_string()),
                    ],
                    next_review,
                    None,
                );
            }
            _ => {}
        }
    }
}

fn debt_reason(b: &mut Builder, f: &Features, effect: Effect, points: i64, money: Option<Money>, as_of: NaiveDate) {
    let p = b.prepared;
    let th = &p.rules.thresholds;
    let income = p.data.profile.monthly_income.unwrap_or(Money::ZERO);
    let target_service = income.mul_ratio(th.debt_lower_pct, 100);
    b.push(
        ReasonCode::DebtOverCapacity,
        effect,
        points,
        money,
        vec![],
        vec![
            ("pct", f.debt_to_income_pct.unwrap_or(0).to_string()),
            ("service", f.debt_service.display_short()),
            ("income", income.display_short()),
            ("target_pct", th.debt_lower_pct.to_string()),
            ("target_service", target_service.display_short()),
            ("cut", (f.debt_service - target_service).at_least_zero().display_short()),
        ],
        Some(as_of),
        None,
    );
}

#[allow(clippy::too_many_arguments)]
fn lowers_and_holds(
    b: &mut Builder,
    history: &LimitHistory,
    f: &Features,
    s: &Score,
    sup: &Supported,
    limit_now: Money,
    next_review: Option<NaiveDate>,
    as_of: NaiveDate,
) {
    let p = b.prepared;
    let rules = p.rules;
    let th = &rules.thresholds;
    let holds = holding_reasons(p, f, history.cooldown_until);
    let costs: Vec<(ReasonCode, Money)> = ReasonCode::ALL
        .iter()
        .filter_map(|c| lowering_cost(b, history, sup, *c, limit_now, as_of).map(|m| (*c, m)))
        .collect();
    let lowering_cost = |_: &Supported, code: ReasonCode| costs.iter().find(|(c, _)| *c == code).map(|(_, m)| *m);
    let effect_of = |code: ReasonCode| {
        if lowering_cost(sup, code).is_some() {
            Some(Effect::Lowers)
        } else if holds.contains(&code) {
            Some(Effect::Holds)
        } else {
            None
        }
    };
    let room = Some((sup.amount - limit_now).at_least_zero()).filter(|m| m.is_positive());
    let cost_of = |code: ReasonCode| lowering_cost(sup, code).or(room);

    // Recent overdue, cooling down.
    if let Some(effect) = effect_of(ReasonCode::RecentOverdue)
        && !sup.blocks.contains(&ReasonCode::CurrentOverdue)
    {
        let ended: Vec<_> = f.episodes.iter().filter(|e| !e.open).collect();
        // What the payment factor lost that the open overdues do not already account for.
        let lost = s.lost("payment_history");
        let open_share = f.open_episodes().map(|e| e.penalty).sum::<i64>().min(lost);
        let ended_share = lost - open_share;
        if let Some(last) = ended.iter().max_by_key(|e| e.end) {
            let episode = &p.ledger.episodes[last.index];
            let ages_out = last
                .end
                .and_then(|e| e.checked_add_months(Months::new(rules.factors.payment_history.bureau_years * 12)));
            let lender = p.data.accounts.get(episode.account).map(|a| a.lender.clone()).unwrap_or_default();
            let mut evidence = vec![p.source_id(episode.source).to_string()];
            evidence.extend(episode.repayments.iter().take(3).map(|r| p.data.repayments[*r].id.clone()));
            b.push(
                ReasonCode::RecentOverdue,
                effect,
                -ended.iter().map(|e| e.penalty).sum::<i64>().min(ended_share),
                cost_of(ReasonCode::RecentOverdue),
                evidence,
                vec![
                    ("amount", last.missed.display_short()),
                    ("days", last.days_past_due.to_string()),
                    ("lender", lender),
                    ("ended", last.end.map(|d| d.to_string()).unwrap_or_default()),
                    ("bureau_until", ages_out.map(|d| d.to_string()).unwrap_or_default()),
                    ("count", ended.len().to_string()),
                ],
                history.cooldown_until.map(|c| next_review_from(history, c)),
                history.cooldown_until,
            );
        }
    }

    if let Some(effect) = effect_of(ReasonCode::HighUtilisation) {
        let target = f.card_limit.mul_ratio(30, 100);
        let (util_points, _) = amounts_owed_parts(f, rules);
        let max = rules.factors.amounts_owed.utilisation.0.iter().map(|s| s.1).max().unwrap_or(0);
        b.push(
            ReasonCode::HighUtilisation,
            effect,
            util_points - max,
            cost_of(ReasonCode::HighUtilisation),
            f.card_evidence.clone(),
            vec![
                ("pct", f.utilisation_pct.unwrap_or(0).to_string()),
                ("balance", f.card_balance.display_short()),
                ("card_limit", f.card_limit.display_short()),
                ("repay", (f.card_balance - target).at_least_zero().display_short()),
            ],
            Some(as_of),
            None,
        );
    }

    if let Some(effect) = effect_of(ReasonCode::ManyLenders) {
        let (lenders_penalty, _, _) = pattern_penalties(f, rules);
        let since = f.other_lenders.iter().map(|l| l.since).min().unwrap_or(as_of);
        let names: Vec<&str> = f.other_lenders.iter().map(|l| l.lender.as_str()).collect();
        let loans: usize = f.other_lenders.iter().map(|l| l.draws.len()).sum();
        b.push(
            ReasonCode::ManyLenders,
            effect,
            -lenders_penalty,
            cost_of(ReasonCode::ManyLenders),
            f.other_lenders.iter().flat_map(|l| l.draws.iter().map(|d| p.data.draws[*d].id.clone())).collect(),
            vec![
                ("count", f.other_lenders.len().to_string()),
                ("loans", loans.to_string()),
                ("lenders", names.join("、")),
                ("lenders_en", names.join(", ")),
                ("since", since.to_string()),
                ("window", rules.factors.borrowing_pattern.lender_window_months.to_string()),
                ("keep", (th.many_lenders - 1).max(1).to_string()),
            ],
            Some(as_of),
            None,
        );
    }

    if let Some(effect) = effect_of(ReasonCode::ManyInquiries) {
        let window = rules.factors.new_credit.window_months;
        let dates: Vec<NaiveDate> = f.inquiries.iter().map(|q| p.data.inquiries[*q].on).collect();
        let need_gone = dates.len().saturating_sub(usize::try_from(th.many_inquiries).unwrap_or(0));
        let until = dates.get(need_gone).and_then(|d| d.checked_add_months(Months::new(window)));
        let new_credit_max = rules.factors.new_credit.inquiries.0.iter().map(|s| s.1).max().unwrap_or(0);
        let points = rules.factors.new_credit.inquiries.lookup(count(&f.inquiries)) - new_credit_max;
        let by: Vec<&str> = f.inquiries.iter().map(|q| p.data.inquiries[*q].by.as_str()).collect();
        b.push(
            ReasonCode::ManyInquiries,
            effect,
            points,
            cost_of(ReasonCode::ManyInquiries),
            f.inquiries.iter().map(|q| p.data.inquiries[*q].id.clone()).collect(),
            vec![
                ("count", f.inquiries.len().to_string()),
                ("window", window.to_string()),
                ("by", by.join("、")),
                ("by_en", by.join(", ")),
            ],
            until,
            until,
        );
    }

    if let Some(effect) = effect_of(ReasonCode::FrequentSmallDraws) {
        let pattern = &rules.factors.borrowing_pattern;
        let dates: Vec<NaiveDate> = f.small_draws.iter().map(|d| p.data.draws[*d].at.date()).collect();
        let idx = dates
            .len()
            .saturating_sub(usize::try_from(pattern.small_draw_count).unwrap_or(1).saturating_sub(1))
            .saturating_sub(1);
        let until = dates.get(idx).map(|d| *d + Duration::days(pattern.small_draw_window_days));
        let (_, small, _) = pattern_penalties(f, rules);
        b.push(
            ReasonCode::FrequentSmallDraws,
            effect,
            -small,
            cost_of(ReasonCode::FrequentSmallDraws),
            f.small_draws.iter().map(|d| p.data.draws[*d].id.clone()).collect(),
            vec![
                ("count", f.small_draws.len().to_string()),
                ("days", pattern.small_draw_window_days.to_string()),
                ("max", pattern.small_draw_max.display_short()),
            ],
            until,
            until,
        );
    }

    if let Some(effect) = lowering_cost(sup, ReasonCode::OffHoursLargeDraws).map(|_| Effect::Lowers) {
        let pattern = &rules.factors.borrowing_pattern;
        let last = f.off_hours_draws.iter().map(|d| p.data.draws[*d].at).max();
        let until = last.map(|t| t.date() + Duration::days(pattern.off_hours_window_days));
        let (_, _, off) = pattern_penalties(f, rules);
        let largest = f.off_hours_draws.iter().map(|d| p.data.draws[*d].amount).max().unwrap_or(Money::ZERO);
        b.push(
            ReasonCode::OffHoursLargeDraws,
            effect,
            -off,
            cost_of(ReasonCode::OffHoursLargeDraws),
            f.off_hours_draws.iter().map(|d| p.data.draws[*d].id.clone()).collect(),
            vec![
                ("count", f.off_hours_draws.len().to_string()),
                ("largest", largest.display_short()),
                ("time", last.map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default()),
                ("from_hour", pattern.off_hours_from.to_string()),
                ("to_hour", pattern.off_hours_to.to_string()),
            ],
            until,
            until,
        );
    }

    if let Some(cost) = lowering_cost(sup, ReasonCode::DebtOverCapacity)
        && !sup.blocks.contains(&ReasonCode::DebtOverCapacity)
    {
        let (_, dti_points) = amounts_owed_parts(f, rules);
        let max = rules.factors.amounts_owed.debt_to_income.0.iter().map(|s| s.1).max().unwrap_or(0);
        debt_reason(b, f, Effect::Lowers, dti_points - max, Some(cost), as_of);
    }

    if f.security_anomaly {
        let last = f.security_events.iter().map(|e| p.data.events[*e].at).max();
        let until = last.map(|t| t.date() + Duration::days(rules.factors.identity.security_window_days));
        b.push(
            ReasonCode::SecurityAnomaly,
            Effect::Lowers,
            -rules.factors.identity.secure_points,
            cost_of(ReasonCode::SecurityAnomaly),
            f.security_events.iter().map(|e| p.data.events[*e].id.clone()).collect(),
            vec![
                ("count", f.security_events.len().to_string()),
                ("date", last.map(|t| t.date().to_string()).unwrap_or_default()),
                ("cut", rules.limit.security_cut_pct.to_string()),
            ],
            until,
            until,
        );
    }

    if holds.contains(&ReasonCode::UnusedLine) && limit_now.is_positive() {
        let months = unused_months(p, f);
        let long = months >= th.unused_months * 3 / 2;
        b.push(
            ReasonCode::UnusedLine,
            if long { Effect::Lowers } else { Effect::Holds },
            0,
            Some(if long { limit_now.mul_ratio(rules.limit.unused_cut_pct, 100) } else { room.unwrap_or(Money::ZERO) })
                .filter(|m| m.is_positive()),
            f.last_target_draw
                .and_then(|_| p.target_draws.last().map(|d| p.data.draws[*d].id.clone()))
                .into_iter()
                .collect(),
            vec![
                ("months", months.to_string()),
                ("last", f.last_target_draw.map(|d| d.to_string()).unwrap_or_else(|| "—".to_string())),
            ],
            Some(as_of),
            None,
        );
    }

    caps(b, history, f, sup, limit_now, as_of);
    let held = holds.iter().any(|h| b.out.iter().any(|r| r.code == *h));
    if sup.blocks.is_empty() && sup.amount > limit_now && !held {
        let step = limit_now.mul_ratio(rules.limit.max_step_pct, 100).max(rules.limit.min_step);
        let next = if limit_now.is_positive() {
            (limit_now + step).min(sup.amount)
        } else {
            sup.amount.min(Money::from_yuan(rules.limit.first_limit.lookup(s.total)))
        };
        b.push(
            ReasonCode::ReviewPending,
            Effect::Holds,
            0,
            Some(sup.amount - limit_now),
            vec![],
            vec![
                ("review", next_review.map(|d| d.to_string()).unwrap_or_default()),
                ("next", next.floor_to(rules.limit.rounding).display_short()),
                ("supported", sup.amount.display_short()),
                ("months", rules.limit.review_months.to_string()),
                ("step", rules.limit.max_step_pct.to_string()),
            ],
            next_review,
            None,
        );
    }
}

fn next_review_from(history: &LimitHistory, day: NaiveDate) -> NaiveDate {
    history.reviews.iter().copied().find(|r| *r >= day).unwrap_or(day)
}

fn caps(b: &mut Builder, history: &LimitHistory, f: &Features, sup: &Supported, limit_now: Money, as_of: NaiveDate) {
    let p = b.prepared;
    let rules = p.rules;
    let half_year_ago = as_of - Duration::days(183);
    let step = limit_now.mul_ratio(rules.limit.max_step_pct, 100).max(rules.limit.min_step);
    // A cap matters when the limit sits at it (it holds the next step) or it cut the limit lately.
    let effect_of = |code: ReasonCode, cap: Money| {
        if let Some((on, cost)) = history.cut_by(code, as_of).filter(|(on, _)| *on > half_year_ago) {
            let _ = on;
            Some((Effect::Lowers, cost))
        } else if limit_now.is_positive() && limit_now >= cap {
            Some((Effect::Holds, (sup.band - cap).min(step)))
        } else {
            None
        }
    };
    if let Some(cap) = sup.cap(ReasonCode::IncomeCapacity)
        && let Some((effect, cost)) = effect_of(ReasonCode::IncomeCapacity, cap)
    {
        b.push(
            ReasonCode::IncomeCapacity,
            effect,
            0,
            Some(cost),
            vec![],
            vec![
                ("capacity", cap.display_short()),
                ("income", p.data.profile.monthly_income.unwrap_or(Money::ZERO).display_short()),
                ("multiple", rules.limit.income_multiple.to_string()),
                ("other", f.owed_other.display_short()),
            ],
            None,
            None,
        );
    }
    if let Some(cap) = sup.cap(ReasonCode::ShortHistory)
        && let Some((effect, cost)) = effect_of(ReasonCode::ShortHistory, cap)
    {
        let until = p
            .record_start
            .checked_add_months(Months::new(u32::try_from(rules.thresholds.short_history_months).unwrap_or(12)));
        b.push(
            ReasonCode::ShortHistory,
            effect,
            0,
            Some(cost),
            vec![],
            vec![
                ("months", f.record_months.to_string()),
                ("cap", rules.limit.short_history_cap.display_short()),
                ("need", rules.thresholds.short_history_months.to_string()),
            ],
            until,
            until,
        );
    }
    if limit_now.is_positive() && limit_now >= rules.limit.product_cap.floor_to(rules.limit.rounding) {
        b.push(
            ReasonCode::ProductCap,
            Effect::Holds,
            0,
            None,
            vec![],
            vec![("cap", rules.limit.product_cap.display_short())],
            None,
            None,
        );
    }
}

fn outside(b: &mut Builder, history: &LimitHistory, f: &Features, status: Status, as_of: NaiveDate) {
    let p = b.prepared;
    let gap = p.rules.limit.outside_gap_pct;
    let from = as_of - Duration::days(180);
    let Some(surprise) = history
        .surprises
        .iter()
        .filter(|s| s.on > from && s.on <= as_of)
        // A fall the person saw (below what they saw before) that the rules did not predict.
        .filter(|s| s.previous_observed.is_some_and(|before| s.observed < before))
        .rfind(|s| s.observed < s.predicted && (s.predicted - s.observed) >= s.predicted.mul_ratio(gap, 100))
    else {
        return;
    };
    let _ = status;
    // What was checked on the day of the drop and found clean.
    let day = p.features_at(surprise.on);
    let mut clean_zh = Vec::new();
    let mut clean_en = Vec::new();
    let mut check = |ok: bool, zh: &str, en: &str| {
        if ok {
            clean_zh.push(zh.to_string());
            clean_en.push(en.to_string());
        }
    };
    let th = &p.rules.thresholds;
    check(
        day.open_episodes().next().is_none()
            && day.episodes.iter().all(|e| e.end.is_none_or(|end| months_between(end, surprise.on) >= 12)),
        "没有逾期",
        "no overdue",
    );
    check(count(&day.other_lenders) < th.many_lenders, "没有多头借贷", "no borrowing from many lenders");
    check(count(&day.inquiries) < th.many_inquiries, "查询次数正常", "few credit inquiries");
    check(!day.security_anomaly, "没有账户安全异常", "no security events");
    check(day.active_flags.is_empty(), "没有违规标记", "no cash-out or fraud flags");
    check(day.utilisation_pct.is_none_or(|u| u < th.high_utilisation_pct), "信用卡使用率正常", "card use is moderate");
    // Anything in the record that explains a cut means it is not an outside factor.
    let explained = {
        let s = super::limit::score_at(p, &day);
        let sup = super::limit::supported(p, &day, &s, true, history.cooldown_until);
        !sup.blocks.is_empty() || !sup.lowering.is_empty() || day.security_anomaly
    };
    if explained {
        return;
    }
    let record = &p.data.observed_limits[surprise.observed_index];
    let mut evidence = vec![record.id.clone()];
    evidence.extend(
        p.data
            .events
            .iter()
            .filter(|e| {
                e.kind == crate::domain::EventKind::LimitNotice && (e.at.date() - surprise.on).num_days().abs() <= 31
            })
            .map(|e| e.id.clone()),
    );
    let _ = f;
    b.push(
        ReasonCode::OutsideFactors,
        Effect::Lowers,
        0,
        Some(surprise.predicted - surprise.observed),
        evidence,
        vec![
            ("from", surprise.predicted.display_short()),
            ("to", surprise.observed.display_short()),
            ("date", surprise.on.to_string()),
            ("checked", clean_zh.join("、")),
            ("checked_en", clean_en.join(", ")),
        ],
        None,
        None,
    );
}

/// A limit seen lately above what the record supports, while the record holds reasons to
/// freeze or cut it: the two disagree, and the person should hear it plainly rather than read
/// a rising limit next to reasons that block it.
fn seen_above_the_record(b: &mut Builder, history: &LimitHistory, sup: &Supported, as_of: NaiveDate) {
    let p = b.prepared;
    let said = b.out.iter().any(|r| r.code == ReasonCode::OutsideFactors);
    if said || (sup.blocks.is_empty() && sup.lowering.is_empty()) {
        return;
    }
    let gap = p.rules.limit.outside_gap_pct;
    // Seen within the days the status reads an observed limit for.
    let from = as_of - Duration::days(90);
    let Some(surprise) = history
        .surprises
        .iter()
        .filter(|s| s.on > from && s.on <= as_of)
        .rfind(|s| s.observed > s.predicted && (s.observed - s.predicted) >= s.observed.mul_ratio(gap, 100))
    else {
        return;
    };
    // What argues against it: the reasons already found that block or lower.
    let against: Vec<&Reason> =
        b.out.iter().filter(|r| matches!(r.effect, Effect::Blocks | Effect::Lowers)).take(3).collect();
    let against_zh = against.iter().map(|r| r.short.zh.as_str()).collect::<Vec<_>>().join("、");
    let against_en = against.iter().map(|r| r.short.en.as_str()).collect::<Vec<_>>().join("; ");
    let mut evidence = vec![p.data.observed_limits[surprise.observed_index].id.clone()];
    for reason in &against {
        evidence.extend(reason.evidence.iter().take(5).cloned());
    }
    let texts = p.rules.texts(ReasonCode::OutsideFactors);
    b.push_texts(
        texts.other_way.as_deref().unwrap_or(&texts),
        ReasonCode::OutsideFactors,
        // What the next review may take back.
        Effect::Lowers,
        0,
        Some(surprise.observed - surprise.predicted),
        evidence,
        vec![
            ("from", surprise.predicted.display_short()),
            ("to", surprise.observed.display_short()),
            ("date", surprise.on.to_string()),
            ("against", against_zh),
            ("against_en", against_en),
        ],
        None,
        None,
    );
}

fn raises(b: &mut Builder, f: &Features, s: &Score) {
    let p = b.prepared;
    let th = &p.rules.thresholds;
    let clean = f.episodes.iter().all(|e| !e.open && e.end.is_some_and(|end| months_between(end, f.t) >= 24));
    if f.streak >= th.on_time_streak && clean {
        let points = s.factors.first().map_or(0, |fs| fs.points);
        b.push(
            ReasonCode::OnTimeStreak,
            Effect::Raises,
            points,
            None,
            vec![],
            vec![("count", f.streak.min(999).to_string())],
            None,
            None,
        );
    }
    if f.record_months >= th.long_history_months {
        let points = s.factors.iter().find(|fs| fs.id == "history_length").map_or(0, |fs| fs.points);
        b.push(
            ReasonCode::LongHistory,
            Effect::Raises,
            points,
            None,
            vec![],
            vec![("years", (f.record_months / 12).to_string())],
            None,
            None,
        );
    }
    if let Some(pct) = f.utilisation_pct.filter(|u| *u <= th.low_utilisation_pct) {
        let (util_points, _) = amounts_owed_parts(f, p.rules);
        b.push(
            ReasonCode::LowUtilisation,
            Effect::Raises,
            util_points,
            None,
            f.card_evidence.clone(),
            vec![("pct", pct.to_string())],
            None,
            None,
        );
    }
    if let Some(pct) = f.debt_to_income_pct.filter(|d| *d <= th.steady_income_pct) {
        let (_, dti_points) = amounts_owed_parts(f, p.rules);
        b.push(
            ReasonCode::SteadyIncome,
            Effect::Raises,
            dti_points,
            None,
            vec![],
            vec![
                ("pct", pct.to_string()),
                ("income", p.data.profile.monthly_income.unwrap_or(Money::ZERO).display_short()),
            ],
            None,
            None,
        );
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
