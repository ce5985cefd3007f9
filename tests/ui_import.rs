//! Importing a bill export in the real app, driven by its labels: the preview lists what was
//! recognised and left out, a deselected row is not saved, Confirm is one undoable saved edit,
//! Cancel changes no byte, a second import of the same file has nothing new, and a refused
//! file says which file, where and why.

#![allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.

mod import_support;

mod ui_support;
use ui_support::{app, saved, today};

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use credit_health::app::CreditHealthApp;
use credit_health::domain::{DataFile, Lang};
use credit_health::engine::{Rules, explain};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// A fixture copied next to the data folder, as a person's download would be.
fn bill(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, import_support::fixture(name)).unwrap();
    path
}

/// Starts an own record in a fresh app (the line it makes is opened today, after the bill).
fn fresh(data: &Path, lang: Lang) -> Harness<'static, CreditHealthApp> {
    let mut harness = app(data, lang);
    let start = if lang == Lang::En { "Start my own record" } else { "开始记录" };
    harness.get_by_label(start).click();
    harness.run();
    harness
}

/// Settings → Import bill export… → the typed path → OK.
fn open_import(harness: &mut Harness<'_, CreditHealthApp>, path: &Path) {
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("Import bill export…").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "File path")
        .set_text_value_accesskit(path.to_str().unwrap());
    harness.run();
    harness.get_by_label("OK").click();
    harness.run();
}

#[test]
fn the_preview_lists_rows_and_a_deselected_row_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut harness = fresh(&data, Lang::En);
    let before = saved(&data);
    let explained_before = explain(&before, &Rules::default_rules(), today());

    open_import(&mut harness, &bill(dir.path(), "alipay-2023-01-04.csv"));
    harness.get_by_label("Alipay bill, 28 rows, up to 2023-04-30.");
    harness.get_by_label("Recognised 11 credit rows: 2 draws, 9 repayments.");
    harness.get_by_label("Rows left out: 17 (not borrowing or repaying)");
    harness.get_by_label("not credit: 9");
    harness.get_by_label_contains("2023-04-29 中国铁路 · 火车票 深圳北-广州南 ¥74.50");
    assert_eq!(saved(&data), before, "nothing is saved before Confirm");

    harness.get_by_label("Select none").click();
    harness.run();
    assert!(harness.get_by_label("Import 0 records").accesskit_node().is_disabled());
    harness.get_by_label("Select all").click();
    harness.run();
    // Line 33 is the 网商贷 draw of ¥2,000 on 2023-03-20.
    harness.get_by_label("line 33").click();
    harness.run();
    harness.get_by_label("Import 10 records").click();
    harness.run();

    let after = saved(&data);
    assert_eq!((after.draws.len(), after.repayments.len()), (1, 9));
    assert!(after.draws.iter().all(|d| d.id != "alipay-2023032022005140261401419314"), "{:?}", after.draws);
    assert!(after.draws.iter().any(|d| d.id == "alipay-2023011522006859952890786666"));
    let jiebei = after.accounts.iter().find(|a| a.id == "jiebei").unwrap();
    assert_eq!(jiebei.opened, NaiveDate::from_ymd_opt(2023, 1, 15).unwrap(), "the empty line opens with the bill");
    harness.get_by_label_contains("Imported 10 records from alipay-2023-01-04.csv");

    // The overview follows the imported records.
    let explained_after = explain(&after, &Rules::default_rules(), today());
    assert_ne!(
        (explained_before.score, explained_before.headline.get(Lang::En)),
        (explained_after.score, explained_after.headline.get(Lang::En))
    );
    harness.get_by_label("Overview").click();
    harness.run();
    harness.get_by_label(explained_after.headline.get(Lang::En));
    harness.get_by_label(&explained_after.score.to_string());

    // One edit: undo takes the whole import back, in the file too.
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(saved(&data), before);
}

#[test]
fn cancel_leaves_the_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut harness = fresh(&data, Lang::En);
    let before = std::fs::read(data.join("data.ron")).unwrap();
    open_import(&mut harness, &bill(dir.path(), "wechat-2023-01-04.xlsx"));
    harness.get_by_label_contains("WeChat Pay bill, ");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Cancel").is_none(), "the preview closed");
    assert_eq!(std::fs::read(data.join("data.ron")).unwrap(), before);
    assert!(!data.join("backups").exists() || std::fs::read_dir(data.join("backups")).unwrap().count() == 0);
}

#[test]
fn importing_the_same_file_again_has_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut harness = fresh(&data, Lang::En);
    let path = bill(dir.path(), "wechat-2023-01-04.csv");
    open_import(&mut harness, &path);
    let adding = harness.state().state.bill_import.as_ref().and_then(|i| i.preview()).map(|p| p.adding());
    assert!(adding.is_some_and(|n| n > 0), "{adding:?}");
    harness.get_by_label(&format!("Import {} records", adding.unwrap_or_default())).click();
    harness.run();
    let once = std::fs::read(data.join("data.ron")).unwrap();

    open_import(&mut harness, &path);
    harness.get_by_label("Nothing new: every credit row of this bill is already in your record.");
    harness.get_by_label_contains("Already in your record (skipped): ");
    assert!(harness.query_all_by_label_contains("already in your record: wechat-").count() > 1);
    assert!(harness.get_by_label("Import 0 records").accesskit_node().is_disabled());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(std::fs::read(data.join("data.ron")).unwrap(), once);
}

#[test]
fn a_cut_off_file_is_refused_with_its_name_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut harness = fresh(&data, Lang::Zh);
    harness.get_by_label("English").click();
    harness.run();
    let before = std::fs::read(data.join("data.ron")).unwrap();
    let path = bill(dir.path(), "alipay-truncated.csv");
    open_import(&mut harness, &path);
    harness.get_by_label("This file cannot be imported; nothing was changed:");
    harness.get_by_label_contains(&format!("{}: line 52: the file ends in the middle of this row", path.display()));
    harness.get_by_label("Close").click();
    harness.run();
    // A data file given as a bill is sent to the right button, not read as a bill.
    let ron = dir.path().join("mine.ron");
    std::fs::write(&ron, std::fs::read(data.join("data.ron")).unwrap()).unwrap();
    open_import(&mut harness, &ron);
    harness.get_by_label_contains("this is a Credit Health data file, not a bill export");
    harness.get_by_label("Close").click();
    harness.run();
    assert_eq!(std::fs::read(data.join("data.ron")).unwrap(), before);
}

#[test]
fn the_preview_speaks_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut harness = fresh(&data, Lang::Zh);
    harness.get_by_label("设置").click();
    harness.run();
    harness.get_by_label("导入账单……").click();
    harness.run();
    let path = bill(dir.path(), "alipay-2023-01-04.csv");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "文件路径")
        .set_text_value_accesskit(path.to_str().unwrap());
    harness.run();
    harness.get_by_label("确定").click();
    harness.run();
    harness.get_by_label("识别出 11 条借还记录：借款 2 笔，还款 9 笔。");
    harness.get_by_label("未导入的行：17 行（不是借款或还款）");
    harness.get_by_label("第 33 行");
    harness.get_by_label("确认导入 11 条").click();
    harness.run();
    assert_eq!(saved(&data).repayments.len(), 9);
}

#[test]
fn a_large_bill_is_read_off_the_ui_thread_with_progress_and_undone_as_one() {
    use credit_health::app::bill_import::{BillImport, ImportStage};
    const ROWS: usize = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = dir.path().join("big.csv");
    std::fs::write(&path, import_support::big_alipay(ROWS)).unwrap();

    // As the real app starts it: on a thread, the stage is Reading at once.
    let ctx = egui::Context::default();
    let started = std::time::Instant::now();
    let mut import = BillImport::start(&path, std::sync::Arc::new(DataFile::empty(today(), "jiebei")), true, &ctx);
    assert!(matches!(import.stage, ImportStage::Reading));
    while matches!(import.stage, ImportStage::Reading) && started.elapsed().as_secs() < 300 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        import.poll();
    }
    let read = started.elapsed();
    assert_eq!(import.progress(), (ROWS, ROWS));
    let preview = import.preview().unwrap();
    assert_eq!(preview.plan.items.len(), ROWS * 3 / 10);

    // Through the app: confirm is one edit, and one undo takes it all back.
    let mut harness = fresh(&data, Lang::En);
    let before = saved(&data);
    open_import(&mut harness, &path);
    let started = std::time::Instant::now();
    harness.get_by_label(&format!("Import {} records", ROWS * 3 / 10)).click();
    harness.run();
    let confirmed = started.elapsed();
    assert_eq!(saved(&data).repayments.len() + saved(&data).draws.len(), ROWS * 3 / 10);
    let started = std::time::Instant::now();
    harness.get_by_label("Undo").click();
    harness.run();
    let undone = started.elapsed();
    assert_eq!(saved(&data), before);
    // Confirm here includes the analysis, which the real app runs on a thread.
    eprintln!(
        "{ROWS} rows (debug build): read and planned on a thread in {read:?}; confirm {confirmed:?}; undo {undone:?}"
    );
}

#[test]
fn a_new_person_can_start_from_a_bill() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut harness = app(&data, Lang::En);
    harness.get_by_label("Start from an Alipay / WeChat bill…").click();
    harness.run();
    let path = bill(dir.path(), "wechat-2023-01-04.xlsx");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "File path")
        .set_text_value_accesskit(path.to_str().unwrap());
    harness.run();
    harness.get_by_label("OK").click();
    harness.run();
    let adding = harness.state().state.bill_import.as_ref().and_then(|i| i.preview()).map(|p| p.adding()).unwrap();
    harness.get_by_label(&format!("Import {adding} records")).click();
    harness.run();
    let saved = saved(&data);
    assert_eq!(saved.draws.len() + saved.repayments.len(), adding);
    assert!(saved.repayments.iter().all(|r| r.id.starts_with("wechat-")));
}
