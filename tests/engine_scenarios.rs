//! Every seed scenario has a persona; each must come out with its status and leading reason.

use credit_health::engine::{Effect, ReasonCode, Rules, Status, explain};
use credit_health::personas;

#[test]
fn each_persona_has_its_status_and_leading_reason() {
    use ReasonCode::*;
    let cases: Vec<(&str, Status, ReasonCode)> = vec![
        ("new-user", Status::Zero, NoHistory),
        ("current-overdue", Status::Zero, CurrentOverdue),
        ("cash-out-freeze", Status::Zero, FrozenViolation),
        ("unverified-identity", Status::Zero, IdentityUnverified),
        ("many-lenders", Status::Falling, ManyLenders),
        ("recent-overdue", Status::Stuck, RecentOverdue),
        ("high-utilisation", Status::Stuck, HighUtilisation),
        ("unused-line", Status::Falling, UnusedLine),
        ("frequent-small-draws", Status::Falling, FrequentSmallDraws),
        ("night-draws", Status::Falling, OffHoursLargeDraws),
        ("unexplained-drop", Status::Falling, OutsideFactors),
        ("healthy-rising", Status::Rising, OnTimeStreak),
    ];
    let rules = Rules::default_rules();
    assert_eq!(cases.len(), personas::all().len(), "every persona is in the table");
    for (id, status, leading) in cases {
        let persona = personas::find(id).unwrap_or_else(|| panic!("no persona {id}"));
        let data = persona.data().unwrap_or_else(|p| panic!("{id}: {p:?}"));
        let e = explain(&data, &rules, persona.as_of);
        assert_eq!(e.status, status, "{id}: {}", e.headline.en);
        let first = if status == Status::Rising {
            e.positive_reasons().next().map(|r| r.code)
        } else {
            e.principal_reasons().next().map(|r| r.code)
        };
        assert_eq!(first, Some(leading), "{id}: {:?}", e.reasons.iter().map(|r| r.code).collect::<Vec<_>>());
        assert!(e.headline.zh.contains("借呗"), "{id}: {}", e.headline.zh);
        if status == Status::Zero {
            assert!(
                e.principal_reasons().any(|r| r.effect == Effect::Blocks),
                "{id}: a zero limit is blocked by something"
            );
        }
    }
}

#[test]
fn the_overdue_headline_names_the_amount_and_the_days() {
    let persona = personas::find("current-overdue").unwrap_or_else(|| panic!("persona"));
    let data = persona.data().unwrap_or_else(|p| panic!("{p:?}"));
    let e = explain(&data, &Rules::default_rules(), persona.as_of);
    assert_eq!(e.headline.zh, "你的蚂蚁借呗额度为零：一笔 ¥899 的分期已逾期 47 天");
    assert_eq!(e.headline.en, "Your 蚂蚁借呗 limit is zero: an instalment of ¥899 is 47 days overdue");
    let overdue = &e.reasons[0];
    assert_eq!(overdue.next_step_on, Some(persona.as_of), "pay today");
    assert!(overdue.evidence.iter().any(|id| data.draws.iter().any(|d| &d.id == id)));
}

#[test]
fn many_lenders_lists_the_lenders_and_when_it_began() {
    let persona = personas::find("many-lenders").unwrap_or_else(|| panic!("persona"));
    let data = persona.data().unwrap_or_else(|p| panic!("{p:?}"));
    let e = explain(&data, &Rules::default_rules(), persona.as_of);
    let reason = e.reasons.iter().find(|r| r.code == ReasonCode::ManyLenders).unwrap_or_else(|| panic!("many_lenders"));
    for lender in ["某消费金融", "某网贷A", "某网贷B"] {
        assert!(reason.message.zh.contains(lender), "{}", reason.message.zh);
        assert!(reason.message.en.contains(lender), "{}", reason.message.en);
    }
    assert!(reason.message.en.contains("2026-05-12"), "{}", reason.message.en);
    assert!(reason.money.is_some_and(|m| m.is_positive()), "a cut has a cost");
}

#[test]
fn the_unexplained_drop_names_what_was_checked() {
    let persona = personas::find("unexplained-drop").unwrap_or_else(|| panic!("persona"));
    let data = persona.data().unwrap_or_else(|p| panic!("{p:?}"));
    let e = explain(&data, &Rules::default_rules(), persona.as_of);
    let reason = e.reasons.iter().find(|r| r.code == ReasonCode::OutsideFactors).unwrap_or_else(|| panic!("outside"));
    assert!(reason.message.en.contains("no overdue"), "{}", reason.message.en);
    assert!(reason.message.zh.contains("没有逾期"), "{}", reason.message.zh);
}

#[test]
fn a_repaid_overdue_ages_out_of_the_bureau_five_years_after_it_ended() {
    let persona = personas::find("recent-overdue").unwrap_or_else(|| panic!("persona"));
    let data = persona.data().unwrap_or_else(|p| panic!("{p:?}"));
    let e = explain(&data, &Rules::default_rules(), persona.as_of);
    let record = e.negative_records.iter().max_by_key(|n| n.ended).unwrap_or_else(|| panic!("a negative record"));
    let ended = record.ended.unwrap_or_else(|| panic!("repaid"));
    assert_eq!(record.ages_out, ended.checked_add_months(chrono::Months::new(60)));
    let reason = e.reasons.iter().find(|r| r.code == ReasonCode::RecentOverdue).unwrap_or_else(|| panic!("recent"));
    assert_eq!(
        reason.until,
        ended.checked_add_months(chrono::Months::new(12)),
        "the cool-down is the rule's 12 months"
    );
}

#[test]
fn the_waterfall_adds_up_to_the_change_between_two_months() {
    for persona in personas::all() {
        let data = persona.data().unwrap_or_else(|p| panic!("{p:?}"));
        let e = explain(&data, &Rules::default_rules(), persona.as_of);
        let (Some(first), Some(last)) = (e.timeline.first(), e.timeline.last()) else { continue };
        let (start, steps, end) = credit_health::engine::waterfall(&e.timeline, first.month, last.month);
        let moved: credit_health::domain::Money = steps.iter().map(|s| s.change).sum();
        assert_eq!(start + moved, end, "{}: {steps:?}", persona.id);
    }
}

#[test]
fn the_punctuality_calendar_shows_the_missed_instalment() {
    let persona = personas::find("current-overdue").unwrap_or_else(|| panic!("persona"));
    let data = persona.data().unwrap_or_else(|p| panic!("{p:?}"));
    let e = explain(&data, &Rules::default_rules(), persona.as_of);
    let unpaid: Vec<_> = e.punctuality.iter().filter(|d| d.days_to_pay.is_none()).collect();
    assert_eq!(unpaid.len(), 1, "{unpaid:?}");
    assert_eq!(unpaid[0].due.to_string(), "2026-09-29");
    assert!(e.punctuality.iter().filter(|d| d.on_time).count() > 20);
    assert!(e.debt_by_lender.iter().any(|(lender, owed)| lender == "蚂蚁借呗" && owed.is_positive()));
}

/// A persona's records with two limits seen on the explained line: `before` 200 days and
/// `lately` 10 days before its day.
fn with_limits_seen(id: &str, before: &str, lately: &str) -> (credit_health::domain::DataFile, chrono::NaiveDate) {
    use credit_health::domain::{Money, ObservedLimit};
    let persona = personas::find(id).unwrap_or_else(|| panic!("persona {id}"));
    let mut data = persona.data().unwrap_or_else(|p| panic!("{p:?}"));
    let target = data.profile.target.clone();
    data.observed_limits.retain(|o| o.account != target);
    for (n, (days, amount)) in [(200, before), (10, lately)].into_iter().enumerate() {
        data.observed_limits.push(ObservedLimit {
            id: format!("seen-{n}"),
            account: target.clone(),
            on: persona.as_of - chrono::Duration::days(days),
            limit: amount.parse::<Money>().unwrap_or_else(|e| panic!("{e:?}")),
        });
    }
    (data, persona.as_of)
}

#[test]
fn a_limit_seen_rising_while_the_record_blocks_it_says_the_two_disagree() {
    // An overdue freezes the line by the rules, yet the person saw the limit go up.
    let (data, as_of) = with_limits_seen("current-overdue", "10000.00", "30000.00");
    let e = explain(&data, &Rules::default_rules(), as_of);
    assert_eq!(e.status, credit_health::engine::Status::Rising, "the status reads the limit seen");
    let reason = e.reasons.iter().find(|r| r.code == ReasonCode::OutsideFactors).unwrap_or_else(|| panic!("{e:#?}"));
    assert_eq!(reason.effect, credit_health::engine::Effect::Lowers, "what the next review may take back");
    assert!(reason.evidence.contains(&"seen-1".to_string()), "{:?}", reason.evidence);
    assert!(reason.message.en.contains("¥30,000") && reason.message.en.contains("overdue"), "{}", reason.message.en);
    assert!(reason.message.zh.contains("逾期"), "{}", reason.message.zh);
    // The headline of a rising limit leads with it, not with an unrelated strength.
    assert!(e.headline.en.contains("above"), "{}", e.headline.en);
    // The blocking overdue is still there, first.
    assert_eq!(e.reasons[0].code, ReasonCode::CurrentOverdue);
}

#[test]
fn a_limit_seen_rising_on_a_clean_record_is_not_called_a_disagreement() {
    let (data, as_of) = with_limits_seen("healthy-rising", "10000.00", "30000.00");
    let e = explain(&data, &Rules::default_rules(), as_of);
    assert!(e.reasons.iter().all(|r| r.code != ReasonCode::OutsideFactors), "{:#?}", e.reasons);
}
