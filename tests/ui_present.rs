//! Presenter mode, driven by its labels and keys: the gallery, stepping month by month with the
//! answer hidden until revealed, the language switch, leaving with Esc, the stand-alone
//! `credit-health present`, and that nothing in the person's data folder changes.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod ui_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use credit_health::app::CreditHealthApp;
use credit_health::app::present::{Happening, PresenterApp, Story, build_story};
use credit_health::cli::{self, Action};
use credit_health::domain::Lang;
use credit_health::engine::Rules;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn app(dir: &Path, lang: Lang) -> Harness<'static, CreditHealthApp> {
    ui_support::app_sized(dir, lang, 1200.0)
}

fn story(id: &str) -> Story {
    build_story(id, &Rules::default_rules()).unwrap()
}

/// Every file under `dir` and its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn open_presenter(harness: &mut Harness<'_, CreditHealthApp>, label: &str) {
    harness.get_all_by_label(label).next().unwrap().click();
    harness.run();
}

fn hidden_count(harness: &Harness<'_, impl Sized>) -> usize {
    harness.query_all_by_label("?").count()
}

#[test]
fn a_month_stays_hidden_until_revealed_and_hides_again_on_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    open_presenter(&mut harness, "Presenter mode");
    harness.get_by_label("Presenter mode: choose a person");
    harness.get_by_label("Present: 小张").click();
    harness.run();

    let story = story("current-overdue");
    let total = story.months.len();
    harness.get_by_label(&format!("Month 1 / {total}"));
    let first = &story.months[0];
    assert_eq!(hidden_count(&harness), 3, "score, limit and status start hidden");
    assert!(harness.query_by_label(&first.score.to_string()).is_none());
    harness.get_by_label_contains("Predict first");

    harness.key_press(egui::Key::Space);
    harness.run();
    assert_eq!(hidden_count(&harness), 0);
    harness.get_by_label(&first.score.to_string());
    harness.get_by_label(&first.limit.display_short());
    harness.get_by_label(first.headline.get(Lang::En));

    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    harness.get_by_label(&format!("Month 2 / {total}"));
    assert_eq!(hidden_count(&harness), 3, "moving on hides the answer again");
    assert!(harness.query_by_label(story.months[1].headline.get(Lang::En)).is_none());

    harness.get_by_label("Reveal (Space)").click();
    harness.run();
    assert_eq!(hidden_count(&harness), 0);
    harness.get_by_label(&story.months[1].score.to_string());

    // The last month is the persona's story date: 47 days overdue, limit zero.
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(hidden_count(&harness), 3);
    harness.get_by_label("Reveal (Space)").click();
    harness.run();
    let last = story.months.last().unwrap();
    assert_eq!(last.limit.display_short(), "¥0");
    harness.get_by_label(&format!("Month {total} / {total}"));
    harness.get_by_label(last.headline.get(Lang::En));

    // Back to the month the instalment was missed: the room sees that before predicting.
    let missed = story.months.iter().position(|m| m.happened.iter().any(|h| matches!(h, Happening::Missed { .. })));
    let missed = missed.unwrap();
    for _ in missed..total - 1 {
        harness.key_press(egui::Key::ArrowLeft);
    }
    harness.run();
    harness.get_by_label(&format!("Month {} / {total}", missed + 1));
    assert_eq!(hidden_count(&harness), 3);
    harness.get_by_label_contains("fell due and was not paid");
}

#[test]
fn the_language_switches_live_and_esc_goes_back_to_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Lang::En);
    open_presenter(&mut harness, "Presenter mode");
    harness.get_by_label("Present: 小李").click();
    harness.run();
    harness.get_by_label("Next month →");
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("下个月 →");
    harness.get_by_label("揭晓（空格）");
    harness.get_by_label("← 人物列表").click();
    harness.run();
    harness.get_by_label("演示：小张");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().state.presenter.is_none());
    harness.get_by_label("Start my own record");
}

#[test]
fn presenter_mode_leaves_the_persons_data_folder_byte_for_byte_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/fixtures/full.ron", dir.path().join("data.ron")).unwrap();
    let mut harness = app(dir.path(), Lang::Zh);
    assert!(harness.state().state.own.is_some(), "the person's record is open");
    // One change first, so that an undo reaching the record from presenter mode would show.
    harness.get_by_label("记录").click();
    harness.run();
    harness.get_by_label_contains("征信查询").click();
    harness.run();
    harness.get_by_label("添加征信查询").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "查询机构").set_text_value_accesskit("某银行");
    harness.run();
    harness.get_by_label("保存").click();
    harness.run();
    assert!(harness.state().state.own.as_ref().unwrap().history.can_undo());
    let before = snapshot(dir.path());

    harness.key_press(egui::Key::F5);
    harness.run();
    harness.get_by_label("演示：小周").click();
    harness.run();
    for _ in 0..5 {
        harness.key_press(egui::Key::ArrowRight);
        harness.key_press(egui::Key::Space);
        harness.run();
    }
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("Leave presenter mode (Esc)").click();
    harness.run();

    let after = snapshot(dir.path());
    let names = |files: &BTreeMap<PathBuf, Vec<u8>>| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&after), names(&before), "no file in the data folder was added or removed");
    for (path, bytes) in &before {
        assert!(after.get(path) == Some(bytes), "{} changed", path.display());
    }
    assert!(!dir.path().join("samples").exists(), "personas are not copied into the data folder");
}

#[test]
fn present_on_its_own_starts_at_the_persona_and_never_needs_a_data_folder() {
    let mut harness = Harness::builder()
        .with_size([1280.0, 1200.0])
        .build_eframe(|cc| PresenterApp::new(&cc.egui_ctx, Some("unexplained-drop".into()), Lang::Zh, false).unwrap());
    harness.run();
    let story = story("unexplained-drop");
    harness.get_by_label(&story.name);
    harness.get_by_label(&format!("第 1 / {}", story.months.len()));
    assert_eq!(hidden_count(&harness), 3);
    harness.key_press(egui::Key::Space);
    harness.run();
    harness.get_by_label(&story.months[0].score.to_string());
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("演示模式：选一位样例人物");
}

#[test]
fn present_names_the_valid_personas_when_given_an_unknown_one() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let action = cli::run(["credit-health", "present", "nobody"], &mut out, &mut err);
    assert_eq!(action, Action::Exit(cli::EXIT_BAD_INPUT));
    let message = String::from_utf8(err).unwrap();
    assert!(message.contains("\"nobody\"") && message.contains("current-overdue, "), "{message}");

    let (mut out, mut err) = (Vec::new(), Vec::new());
    let action = cli::run(["credit-health", "present", "new-user", "--lang", "en"], &mut out, &mut err);
    assert_eq!(action, Action::OpenPresenter { persona: Some("new-user".into()), lang: Lang::En });
}
