//! The what-if view, driven by its labels: a control changes the projection the person reads,
//! bad input is shown beside its field, and the plan lists actions and a date and can be put
//! into the controls. Every expectation is the engine's own answer for the same actions.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod ui_support;

use std::path::Path;

use chrono::NaiveDate;
use credit_health::app::CreditHealthApp;
use credit_health::domain::Lang;
use credit_health::engine::Rules;
use credit_health::engine::whatif::{Action, plan, project};
use credit_health::personas;
use credit_health::ui::i18n;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn app(dir: &Path, lang: Lang) -> Harness<'static, CreditHealthApp> {
    ui_support::app_sized(dir, lang, 1400.0)
}

/// Opens the persona as a sample and goes to the what-if view with Ctrl+6.
fn open_whatif(harness: &mut Harness<'_, CreditHealthApp>, persona: &str, lang: Lang) {
    let name = personas::find(persona).unwrap().data().unwrap().profile.name.unwrap();
    let label = format!("{}{name}", i18n::tr(lang, "打开样例：", "Open sample: "));
    harness.get_by_label(&label).scroll_to_me();
    harness.run();
    harness.get_by_label(&label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    harness.run();
    harness.get_by_label(i18n::tr(lang, "如果我这样做……", "If I do this…"));
}

fn shown_with_actions(harness: &Harness<'_, CreditHealthApp>) -> String {
    text_of(&harness.get_by_label_contains("With these actions, in 24 months"))
}

/// What a label says (egui puts a label's text in its accessible label or value).
fn text_of(node: &egui_kittest::Node<'_>) -> String {
    let node = node.accesskit_node();
    node.label().filter(|l| !l.is_empty()).or_else(|| node.value()).unwrap_or_default()
}

fn expected_line(persona: &str, actions: &[Action]) -> String {
    let p = personas::find(persona).unwrap();
    let projection = project(&p.data().unwrap(), &Rules::default_rules(), p.as_of, actions);
    let end = projection.path.last().unwrap();
    format!("score {} · limit {}", end.score, end.limit.display_short())
}

#[test]
fn paying_the_overdue_changes_the_projected_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    open_whatif(&mut harness, "current-overdue", Lang::En);
    let as_things_stand = expected_line("current-overdue", &[]);
    let before = shown_with_actions(&harness);
    assert!(before.contains(&as_things_stand), "{before:?} should show {as_things_stand}");
    assert!(before.contains("limit ¥0 "), "overdue left unpaid keeps the limit at zero: {before}");

    harness.get_by_label("Pay what is overdue, then keep paying on time").click();
    harness.run();
    let on = personas::find("current-overdue").unwrap().as_of;
    let paid = expected_line("current-overdue", &[Action::PayOverdue { on }]);
    let after = shown_with_actions(&harness);
    assert_ne!(after, before, "the projection follows the control");
    assert!(after.contains(&paid), "{after:?} should show {paid}");
    assert!(!after.contains("limit ¥0 "), "paying the overdue brings the limit back: {after}");
    harness.get_by_label_contains("The limit is above zero from 20");
}

#[test]
fn typed_amounts_and_dates_are_checked_beside_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    open_whatif(&mut harness, "high-utilisation", Lang::En);
    harness.get_by_label("Repay an amount").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Repayment amount (¥)")
        .set_text_value_accesskit("abc");
    harness.run();
    harness.get_by_label_contains("Not an amount");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Repayment amount (¥)")
        .set_text_value_accesskit("5,000.00");
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Repay on").set_text_value_accesskit("2026-02-30");
    harness.run();
    assert!(harness.query_by_label_contains("Not an amount").is_none());
    harness.get_by_label_contains("Not a date");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Repay on").set_text_value_accesskit("2026-12-01");
    harness.run();
    assert!(harness.query_by_label_contains("Not a date").is_none());
    let p = personas::find("high-utilisation").unwrap();
    let data = p.data().unwrap();
    let account = data.profile.target.clone();
    let repay = Action::Repay {
        account,
        amount: credit_health::domain::Money::from_yuan(5000),
        on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
    };
    let expected = expected_line("high-utilisation", &[repay]);
    let shown = shown_with_actions(&harness);
    assert!(shown.contains(&expected), "{shown:?} should show {expected}");
}

#[test]
fn the_plan_for_a_zero_limit_lists_actions_and_a_date_and_fills_the_controls() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::Zh);
    open_whatif(&mut harness, "current-overdue", Lang::Zh);
    let p = personas::find("current-overdue").unwrap();
    let data = p.data().unwrap();
    let plan = plan(&data, &Rules::default_rules(), p.as_of).unwrap();
    let day = plan.reached_on.unwrap().to_string();
    assert!(!plan.steps.is_empty());
    let summary = text_of(&harness.get_by_label(&plan.summary.zh));
    assert!(summary.contains(&day) && summary.contains("恢复额度"), "{summary}");
    for step in &plan.steps {
        harness.get_by_label(&step.label.zh);
    }
    assert!(harness.query_by_label("还清日期").is_none(), "the overdue control starts switched off");

    harness.get_by_label("把计划放进上面的控件").click();
    harness.run();
    harness.get_by_label("还清日期");
    let actions: Vec<Action> = plan.steps.iter().map(|s| s.action.clone()).collect();
    let expected = project(&data, &Rules::default_rules(), p.as_of, &actions);
    let end = expected.path.last().unwrap();
    let shown = text_of(&harness.get_by_label_contains("这样做：24 个月后"));
    assert!(shown.contains(&format!("分数 {} · 额度 {}", end.score, end.limit.display_short())), "{shown}");
}
