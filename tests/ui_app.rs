//! The real app, driven by its labels (egui_kittest): first launch, a sample person, the records
//! form, validation, undo and the language switch. The date is fixed; no test reads the clock.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod ui_support;
use ui_support::{app, saved, set_field};

use std::path::Path;

use chrono::NaiveDate;
use credit_health::app::CreditHealthApp;
use credit_health::domain::{DataFile, Lang, Money, check_text};
use credit_health::engine::{Effect, Explanation, ReasonCode, Rules, explain};
use credit_health::personas::{self, Persona};
use credit_health::ui::i18n;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn saved_sample(dir: &Path, persona: &str) -> DataFile {
    let path = dir.join("samples").join(persona).join("data.ron");
    check_text(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn explain_persona(persona: &Persona) -> Explanation {
    explain(&persona.data().unwrap(), &Rules::default_rules(), persona.as_of)
}

fn persona_name(persona: &Persona) -> String {
    persona.data().unwrap().profile.name.unwrap_or_else(|| persona.id.to_string())
}

fn open_sample(harness: &mut Harness<'_, CreditHealthApp>, persona: &Persona, lang: Lang) {
    let label = format!("{}{}", i18n::tr(lang, "打开样例：", "Open sample: "), persona_name(persona));
    harness.get_by_label(&label).scroll_to_me();
    harness.run();
    harness.get_by_label(&label).click();
    harness.run();
}

/// Opens the records of `kind` and the add form.
fn open_add_form(harness: &mut Harness<'_, CreditHealthApp>, kind_label: &str, add_label: &str) {
    harness.get_by_label("Records").click();
    harness.run();
    harness.get_by_label_contains(kind_label).click();
    harness.run();
    harness.get_by_label(add_label).click();
    harness.run();
}

#[test]
fn first_launch_welcomes_and_a_sample_opens_apart_from_the_own_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    harness.get_by_label("Start my own record");
    open_sample(&mut harness, &personas::all()[0], Lang::En);
    harness.get_by_label_contains("Sample: ");
    assert!(!dir.path().join("data.ron").exists(), "the sample never goes into the person's file");
    let sample = harness.state().state.sample.as_ref().map(|d| d.data.record_count());
    assert!(sample.is_some_and(|n| n > 0));
    harness.get_by_label("Principal reasons");
    harness.get_by_label("Estimated limit");
    harness.get_by_label("Back to my record").click();
    harness.run();
    harness.get_by_label("Start my own record");
}

#[test]
fn a_repayment_added_through_the_form_is_saved_and_undo_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    harness.get_by_label("Start my own record").click();
    harness.run();
    let before = saved(dir.path());
    assert!(before.repayments.is_empty());

    open_add_form(&mut harness, "Repayments", "Add repayment");
    set_field(&mut harness, "Amount (¥)", "1,234.50");
    set_field(&mut harness, "Paid on", "2026-11-20");
    harness.get_by_label("Save").click();
    harness.run();

    let after = saved(dir.path());
    assert_eq!(after.repayments.len(), 1);
    assert_eq!(after.repayments[0].amount, Money::from_fen(123_450));
    assert_eq!(after.repayments[0].at.date(), NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    harness.get_by_label("1,234.50");

    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(saved(dir.path()), before, "undo brings the file back too");
    assert!(harness.query_by_label("1,234.50").is_none());

    harness.get_by_label("Redo").click();
    harness.run();
    assert_eq!(saved(dir.path()), after);
}

#[test]
fn keyboard_undo_and_redo_work_outside_text_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    harness.get_by_label("Start my own record").click();
    harness.run();
    open_add_form(&mut harness, "Inquiries", "Add inquiry");
    set_field(&mut harness, "By", "某银行");
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(saved(dir.path()).inquiries.len(), 1);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(saved(dir.path()).inquiries.len(), 0);
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert_eq!(saved(dir.path()).inquiries.len(), 1);
}

#[test]
fn an_impossible_date_is_shown_beside_its_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    harness.get_by_label("Start my own record").click();
    harness.run();
    let before = std::fs::read_to_string(dir.path().join("data.ron")).unwrap();

    open_add_form(&mut harness, "Repayments", "Add repayment");
    set_field(&mut harness, "Amount (¥)", "500");
    set_field(&mut harness, "Paid on", "2026-02-30");
    harness.get_by_label("Save").click();
    harness.run();

    harness.get_by_label_contains("\"2026-02-30\" is not a real date");
    assert_eq!(std::fs::read_to_string(dir.path().join("data.ron")).unwrap(), before);
    assert!(saved(dir.path()).repayments.is_empty());
}

#[test]
fn a_record_the_whole_file_rejects_is_explained_by_field_and_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    harness.get_by_label("Start my own record").click();
    harness.run();
    open_add_form(&mut harness, "Repayments", "Add repayment");
    set_field(&mut harness, "Amount (¥)", "0");
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label_contains("a repayment must be above zero");
    assert!(saved(dir.path()).repayments.is_empty());
}

#[test]
fn the_language_switch_changes_every_view_live() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    open_sample(&mut harness, &personas::all()[0], Lang::En);
    harness.get_by_label("Overview");
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("概览");
    harness.get_by_label_contains("样例：");
    assert!(harness.query_by_label("Overview").is_none());
    harness.get_by_label("主要原因");
    let persona = personas::all().into_iter().next().unwrap();
    harness.get_by_label(explain_persona(&persona).headline.get(Lang::Zh));
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Overview");
}

#[test]
fn a_corrupt_file_offers_its_backups_and_restoring_one_brings_the_records_back() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = app(dir.path(), Lang::En);
        harness.get_by_label("Start my own record").click();
        harness.run();
        open_add_form(&mut harness, "Inquiries", "Add inquiry");
        harness.get_by_label("Save").click();
        harness.run();
    }
    std::fs::write(dir.path().join("data.ron"), "(schema: 1, profile: (").unwrap();
    let mut harness = app(dir.path(), Lang::En);
    harness.get_by_label("Your data file could not be read");
    harness.get_all_by_label("Restore this backup").next().unwrap().click();
    harness.run();
    harness.get_by_label("Overview");
    assert_eq!(saved(dir.path()).accounts.len(), 1);
}

#[test]
fn sample_edits_stay_in_the_sample_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    open_sample(&mut harness, &personas::all()[0], Lang::En);
    let persona =
        harness.state().state.sample.as_ref().and_then(|d| d.sample.as_ref()).map(|s| s.persona_id.clone()).unwrap();
    let before = saved_sample(dir.path(), &persona);
    open_add_form(&mut harness, "Events", "Add event");
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(saved_sample(dir.path(), &persona).events.len(), before.events.len() + 1);
    assert!(!dir.path().join("data.ron").exists());
}

#[test]
fn every_sample_person_opens_on_the_dashboard_with_its_status_headline_and_reasons() {
    for persona in personas::all() {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = app(dir.path(), Lang::En);
        open_sample(&mut harness, &persona, Lang::En);
        let expected = explain_persona(&persona);
        harness.get_by_label(&format!("Sample: {}", persona_name(&persona)));
        harness.get_by_label(i18n::status_name(Lang::En, expected.status));
        harness.get_by_label(expected.headline.get(Lang::En));
        for reason in expected.principal_reasons() {
            harness.get_by_label(reason.message.get(Lang::En));
        }
    }
}

#[test]
fn paying_an_overdue_instalment_through_the_form_changes_the_status_and_reasons() {
    let overdue = |e: &Explanation| e.reasons.iter().find(|r| r.code == ReasonCode::CurrentOverdue).cloned();
    let persona = personas::all().into_iter().find(|p| overdue(&explain_persona(p)).is_some()).unwrap();
    let before = explain_persona(&persona);
    let reason = overdue(&before).unwrap();
    assert_eq!(reason.effect, Effect::Blocks);
    let data = persona.data().unwrap();
    let draw = data.draws.iter().find(|d| reason.evidence.contains(&d.id)).unwrap();
    let owed = reason.money.unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    open_sample(&mut harness, &persona, Lang::En);
    harness.get_by_label(reason.message.get(Lang::En));

    open_add_form(&mut harness, "Repayments", "Add repayment");
    set_field(&mut harness, "Draw repaid (optional id)", &draw.id);
    set_field(&mut harness, "Amount (¥)", &owed.to_file_string());
    set_field(&mut harness, "Paid on", &persona.as_of.to_string());
    harness.get_by_label("Save").click();
    harness.run();
    let saved = saved_sample(dir.path(), persona.id);
    assert_eq!(saved.repayments.len(), data.repayments.len() + 1);

    harness.get_by_label("Overview").click();
    harness.run();
    let after = explain(&saved, &Rules::default_rules(), persona.as_of);
    assert!(overdue(&after).is_none(), "the overdue is paid");
    assert_ne!(after.headline, before.headline);
    assert!(harness.query_by_label(reason.message.get(Lang::En)).is_none());
    harness.get_by_label(after.headline.get(Lang::En));

    harness.get_by_label("Undo").click();
    harness.run();
    harness.get_by_label(before.headline.get(Lang::En));
    assert_eq!(saved_sample(dir.path(), persona.id).repayments.len(), data.repayments.len());
}

#[test]
fn every_view_and_chart_draws_for_every_sample_person_in_both_languages() {
    let tabs_en =
        ["Score and limit", "Why the limit moved", "Card utilisation", "Debt by lender", "Punctuality calendar"];
    let tabs_zh = ["分数与额度", "额度为何变化", "信用卡使用率", "各机构欠款", "还款准时日历"];
    for (lang, tabs) in [(Lang::En, tabs_en), (Lang::Zh, tabs_zh)] {
        let t = |zh: &'static str, en: &'static str| i18n::tr(lang, zh, en);
        for persona in personas::all() {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = app(dir.path(), lang);
            open_sample(&mut harness, &persona, lang);
            harness.get_by_label(t("原因", "Why")).click();
            harness.run();
            harness.get_by_label(t("所有原因", "Every reason"));
            harness.get_by_label(t("图表", "Charts")).click();
            harness.run();
            for tab in tabs {
                harness.get_by_label(tab).click();
                harness.run();
            }
            harness.get_by_label(t("记录", "Records")).click();
            harness.run();
            for kind in credit_health::app::edit::RecordKind::ALL {
                let prefix = format!("{} (", i18n::kind_name(lang, kind));
                harness.get_by(move |node| node.label().is_some_and(|l| l.starts_with(&prefix))).click();
                harness.run();
            }
            harness.get_by_label(t("设置", "Settings")).click();
            harness.run();
            harness.get_by_label(t("备份", "Backups"));
        }
    }
}

#[test]
fn the_theme_switch_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = app(dir.path(), Lang::En);
        harness.get_by_label("Settings").click();
        harness.run();
        harness.get_by_label("Dark").click();
        harness.run();
    }
    let harness = app(dir.path(), Lang::En);
    assert_eq!(harness.state().state.settings.theme, credit_health::app::ThemeChoice::Dark);
}

#[test]
fn export_and_import_work_through_a_typed_path_when_no_dialog_can_open() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let exported = elsewhere.path().join("mine.ron");
    let mut harness = app(dir.path(), Lang::En);
    harness.get_by_label("Start my own record").click();
    harness.run();
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Browse…").click();
    harness.run();
    set_field(&mut harness, "File path", exported.to_str().unwrap());
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(check_text(&std::fs::read_to_string(&exported).unwrap()).unwrap(), saved(dir.path()));

    let sample = personas::all().into_iter().last().unwrap();
    let sample_file = elsewhere.path().join("sample.ron");
    std::fs::write(&sample_file, sample.source).unwrap();
    harness.get_by_label("Import a data file…").click();
    harness.run();
    set_field(&mut harness, "File path", sample_file.to_str().unwrap());
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(saved(dir.path()), sample.data().unwrap());
    harness.get_by_label_contains("Imported");
}

#[test]
fn a_broken_rules_file_is_reported_and_the_built_in_rules_stay_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("my-rules.ron");
    std::fs::write(&rules, "(name: \"mine\", scale: (").unwrap();
    let mut harness = app(dir.path(), Lang::En);
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("Choose a rules file…").click();
    harness.run();
    set_field(&mut harness, "File path", rules.to_str().unwrap());
    harness.get_by_label("OK").click();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.get_by_label_contains("The rules file has errors");
    assert_eq!(harness.state().state.rules.name, Rules::default_rules().name);
}

#[test]
fn the_sample_shown_is_exported_as_a_printable_report_with_its_answer_reasons_and_plan() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let report = elsewhere.path().join("report.html");
    let persona = personas::all().into_iter().find(|p| p.id == "current-overdue").unwrap();
    let mut harness = app(dir.path(), Lang::Zh);
    open_sample(&mut harness, &persona, Lang::Zh);
    harness.get_by_label("设置").click();
    harness.run();
    harness.get_by_label("导出报告……").click();
    harness.run();
    harness.get_by_label("浏览……").click();
    harness.run();
    set_field(&mut harness, "文件路径", report.to_str().unwrap());
    harness.get_by_label("确定").click();
    harness.run();
    harness.get_by_label_contains("报告已保存到");

    let html = std::fs::read_to_string(&report).unwrap();
    let expected = explain_persona(&persona);
    assert!(html.contains(&expected.headline.zh), "the report leads with the dashboard's answer");
    for section in ["id=\"reasons\"", "id=\"plan\"", "<svg"] {
        assert!(html.contains(section), "the report has {section}");
    }
    let leading = expected.principal_reasons().next().unwrap();
    assert!(html.contains(&leading.message.zh), "the leading reason is in the report");
    assert!(html.contains("2026-"), "the plan gives dates");
}
