//! Properties the engine keeps on any input: the same answer twice, a score on the scale and a
//! limit not below zero, more overdue never helps, paying down never hurts, every evidence id
//! exists, and every reason used has its texts in both languages.

use chrono::{Duration, NaiveDate};
use credit_health::domain::{DataFile, Money, Repayment};
use credit_health::engine::{Rules, explain, render};
use credit_health::personas;
use proptest::prelude::*;

fn persona_data() -> Vec<(DataFile, NaiveDate)> {
    personas::all().into_iter().filter_map(|p| p.data().ok().map(|d| (d, p.as_of))).collect()
}

fn day_offset(base: NaiveDate, days: i64) -> NaiveDate {
    base + Duration::days(days)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn same_input_same_output_and_within_bounds(which in 0usize..12, back in 0i64..900) {
        let all = persona_data();
        let (data, as_of) = &all[which % all.len()];
        let rules = Rules::default_rules();
        let day = day_offset(*as_of, -back);
        let a = explain(data, &rules, day);
        let b = explain(data, &rules, day);
        prop_assert_eq!(render::to_json(&a, credit_health::domain::Lang::En), render::to_json(&b, credit_health::domain::Lang::En));
        prop_assert!(a.score >= a.score_min && a.score <= a.score_max);
        prop_assert!(a.limit >= Money::ZERO && a.status_limit >= Money::ZERO);
        for month in &a.timeline {
            prop_assert!(month.score >= a.score_min && month.score <= a.score_max);
            prop_assert!(month.limit >= Money::ZERO);
        }
    }

    #[test]
    fn a_late_payment_never_raises_the_score_or_the_limit(which in 0usize..12, pick in 0usize..1000, late_days in 20i64..120) {
        let all = persona_data();
        let (data, as_of) = &all[which % all.len()];
        prop_assume!(!data.repayments.is_empty());
        let rules = Rules::default_rules();
        let index = pick % data.repayments.len();
        let mut later = data.clone();
        later.repayments[index].at += Duration::days(late_days);
        let day = (*as_of).max(later.repayments[index].at.date());
        let before = explain(data, &rules, day);
        let after = explain(&later, &rules, day);
        prop_assert!(after.score <= before.score, "score {} -> {}", before.score, after.score);
        prop_assert!(after.limit <= before.limit, "limit {} -> {}", before.limit.fen(), after.limit.fen());
    }

    #[test]
    fn paying_down_never_lowers_the_score(which in 0usize..12, account in 0usize..10, yuan in 1i64..5000, back in 0i64..200) {
        let all = persona_data();
        let (data, as_of) = &all[which % all.len()];
        let rules = Rules::default_rules();
        let target = &data.accounts[account % data.accounts.len()];
        let on = day_offset(*as_of, -back).max(target.opened);
        let mut paid = data.clone();
        paid.repayments.push(Repayment {
            id: "extra-payment".into(),
            account: target.id.clone(),
            draw: None,
            at: on.and_hms_opt(12, 0, 0).unwrap_or_default(),
            amount: Money::from_yuan(yuan),
        });
        let before = explain(data, &rules, *as_of);
        let after = explain(&paid, &rules, *as_of);
        prop_assert!(after.score >= before.score, "score {} -> {}", before.score, after.score);
    }
}

#[test]
fn every_evidence_id_exists_and_every_code_has_both_languages() {
    let rules = Rules::default_rules();
    for (data, as_of) in persona_data() {
        let mut ids: std::collections::HashSet<&str> = std::collections::HashSet::new();
        ids.extend(data.accounts.iter().map(|r| r.id.as_str()));
        ids.extend(data.draws.iter().map(|r| r.id.as_str()));
        ids.extend(data.statements.iter().map(|r| r.id.as_str()));
        ids.extend(data.repayments.iter().map(|r| r.id.as_str()));
        ids.extend(data.observed_limits.iter().map(|r| r.id.as_str()));
        ids.extend(data.inquiries.iter().map(|r| r.id.as_str()));
        ids.extend(data.events.iter().map(|r| r.id.as_str()));
        for back in [0, 90, 365] {
            let e = explain(&data, &rules, as_of - Duration::days(back));
            for reason in &e.reasons {
                for id in &reason.evidence {
                    assert!(ids.contains(id.as_str()), "{} cites unknown record {id}", reason.code.as_str());
                }
                let texts =
                    rules.reasons.get(&reason.code).unwrap_or_else(|| panic!("{} has no texts", reason.code.as_str()));
                assert!(!texts.message.zh.is_empty() && !texts.message.en.is_empty());
                for text in [&reason.message.zh, &reason.message.en, &reason.next_step.zh, &reason.next_step.en] {
                    assert!(!text.contains('{'), "an unfilled placeholder in {}: {text}", reason.code.as_str());
                }
            }
        }
    }
}

#[test]
fn default_rules_load_and_a_broken_rules_file_is_refused_with_a_place() {
    let rules = Rules::default_rules();
    assert_eq!(rules.problems(), Vec::<String>::new());
    let text = rules.to_ron().unwrap_or_default();
    assert_eq!(Rules::from_ron(&text).ok(), Some(rules.clone()), "rules round-trip");
    let broken = credit_health::engine::rules::DEFAULT_RULES.replace("min: 350", "min: \"x\"");
    assert!(matches!(Rules::from_ron(&broken), Err(credit_health::engine::RulesError::Syntax { .. })));
    let unbalanced = credit_health::engine::rules::DEFAULT_RULES.replace("max_points: 180", "max_points: 170");
    let err = Rules::from_ron(&unbalanced).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("add up to"), "{err}");
}

#[test]
fn an_overdue_reason_never_claims_more_points_than_the_payment_factor_has() {
    // Many overdue episodes at once add up past the factor's maximum; the score stops there,
    // and so must what the reasons say the overdues cost.
    use credit_health::domain::generate::{GenerateOptions, generate};
    let rules = Rules::default_rules();
    let most = rules.factors.payment_history.max_points;
    let opts =
        GenerateOptions { seed: 4, years: 3, target_records: 6_000, miss_rate_pct: 60, ..GenerateOptions::default() };
    let data = generate(&opts);
    let e = explain(&data, &rules, opts.end);
    let overdue: Vec<_> = e
        .reasons
        .iter()
        .filter(|r| {
            matches!(
                r.code,
                credit_health::engine::ReasonCode::CurrentOverdue | credit_health::engine::ReasonCode::RecentOverdue
            )
        })
        .collect();
    assert!(!overdue.is_empty(), "the generated record has overdues");
    let claimed: i64 = overdue.iter().map(|r| -r.points).sum();
    assert!(claimed <= most, "the overdue reasons claim {claimed} points of a {most}-point factor");
}
