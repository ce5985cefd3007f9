//! What-if projections and plans: acting changes the path, and the plan for a zero or stuck
//! limit names actions and the earliest day they work.

use credit_health::engine::whatif::{Action, Goal, plan_text};
use credit_health::engine::{ReasonCode, Rules, plan, project};
use credit_health::personas;

fn persona(id: &str) -> (credit_health::domain::DataFile, chrono::NaiveDate) {
    let p = personas::find(id).unwrap_or_else(|| panic!("persona {id}"));
    (p.data().unwrap_or_else(|e| panic!("{e:?}")), p.as_of)
}

#[test]
fn paying_the_overdue_brings_the_limit_back_and_doing_nothing_does_not() {
    let (data, as_of) = persona("current-overdue");
    let rules = Rules::default_rules();
    let nothing = project(&data, &rules, as_of, &[]);
    let paid = project(&data, &rules, as_of, &[Action::PayOverdue { on: as_of }]);
    assert_eq!(nothing.first_above_zero, None, "unpaid overdue keeps the line frozen");
    let back = paid.first_above_zero.unwrap_or_else(|| panic!("paying should restore the line"));
    assert!(back > as_of);
    assert!(paid.path.last().is_some_and(|m| m.limit.is_positive()));
    assert!(paid.path.last().map(|m| m.score) > nothing.path.last().map(|m| m.score), "paying raises the score");
}

#[test]
fn the_plan_for_a_zero_limit_lists_actions_and_a_date() {
    let rules = Rules::default_rules();
    let cases =
        [("current-overdue", ReasonCode::CurrentOverdue), ("unverified-identity", ReasonCode::IdentityUnverified)];
    for (id, answers) in cases {
        let (data, as_of) = persona(id);
        let plan = plan(&data, &rules, as_of).unwrap_or_else(|| panic!("{id}: a zero limit has a plan"));
        assert_eq!(plan.goal, Goal::AboveZero, "{id}");
        assert!(plan.steps.iter().any(|s| s.answers == answers), "{id}: {:?}", plan.steps);
        let day = plan.reached_on.unwrap_or_else(|| panic!("{id}: reachable"));
        assert!(day > as_of, "{id}");
        let text = plan_text(&plan, credit_health::domain::Lang::Zh);
        assert!(text.contains(&day.to_string()) && text.contains("最早"), "{text}");
    }
}

#[test]
fn the_plan_for_many_lenders_stops_new_borrowing() {
    let (data, as_of) = persona("many-lenders");
    let plan = plan(&data, &Rules::default_rules(), as_of).unwrap_or_else(|| panic!("falling has a plan"));
    assert_eq!(plan.goal, Goal::Raise);
    assert!(
        plan.steps.iter().any(|s| matches!(s.action, Action::NoNewBorrowing { .. } | Action::CloseLine { .. })),
        "{:?}",
        plan.steps
    );
    assert!(plan.reached_on.is_some());
}

#[test]
fn a_rising_limit_needs_no_plan() {
    let (data, as_of) = persona("healthy-rising");
    assert!(plan(&data, &Rules::default_rules(), as_of).is_none());
}

#[test]
fn bringing_card_balances_down_moves_the_projection() {
    let (data, as_of) = persona("high-utilisation");
    let rules = Rules::default_rules();
    let as_is = project(&data, &rules, as_of, &[]);
    let lower = project(&data, &rules, as_of, &[Action::CardBalancesTo { pct: 20, on: as_of }]);
    let score = |p: &credit_health::engine::Projection| p.path.get(3).map(|m| m.score).unwrap_or_default();
    assert!(score(&lower) > score(&as_is), "{} vs {}", score(&lower), score(&as_is));
    assert!(lower.first_raise.is_some() && (as_is.first_raise.is_none() || lower.first_raise < as_is.first_raise));
}
