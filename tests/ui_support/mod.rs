//! Helpers shared by the UI tests: the real app in a headless harness on a fixed day.
#![allow(dead_code, clippy::unwrap_used)] // Each test file uses some; a failed set-up fails loudly.

use std::path::Path;

use chrono::NaiveDate;
use credit_health::app::{AppOptions, CreditHealthApp};
use credit_health::domain::{DataFile, Lang, check_text};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The day the tests' app believes it is.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The app on data folder `dir`, 1280×900, speaking `lang`, with no background threads.
pub fn app(dir: &Path, lang: Lang) -> Harness<'static, CreditHealthApp> {
    app_sized(dir, lang, 900.0)
}

/// [`app`] with a window `height` pixels tall (for views longer than a screen).
pub fn app_sized(dir: &Path, lang: Lang, height: f32) -> Harness<'static, CreditHealthApp> {
    let dir = dir.to_path_buf();
    let mut harness = Harness::builder().with_size([1280.0, height]).build_eframe(move |cc| {
        let options = AppOptions { today: today(), background: false, lang: Some(lang) };
        CreditHealthApp::new(&cc.egui_ctx, dir, options).unwrap()
    });
    harness.run();
    harness
}

/// The person's own data file as saved in `dir`.
pub fn saved(dir: &Path) -> DataFile {
    check_text(&std::fs::read_to_string(dir.join("data.ron")).unwrap()).unwrap()
}

/// Types `text` into the text field labelled `label`.
pub fn set_field(harness: &mut Harness<'_, CreditHealthApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label).set_text_value_accesskit(text);
    harness.run();
}
