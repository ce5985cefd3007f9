//! `credit-health import BILL`: Alipay and WeChat Pay bill exports are merged into the store,
//! re-imports add nothing, refused files change nothing, and an imported history that was paid
//! on time does not explain as overdue after the export's last day.

mod common;
mod import_support;

use std::path::{Path, PathBuf};

use common::{arg, run};
use credit_health::domain::{DataFile, check_text};
use credit_health::engine::{ReasonCode, Rules, explain};
use import_support::{day, fixture};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

/// Copies a committed fixture into `dir` (the command reads it from there).
fn copy(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    path
}

fn stored(store: &Path) -> DataFile {
    let text = std::fs::read_to_string(store.join("data.ron")).unwrap_or_else(|e| panic!("{e}"));
    check_text(&text).unwrap_or_else(|p| panic!("{p:?}"))
}

fn backups(store: &Path) -> usize {
    std::fs::read_dir(store.join("backups")).map_or(0, |entries| entries.count())
}

fn codes(data: &DataFile, as_of: chrono::NaiveDate) -> Vec<ReasonCode> {
    explain(data, &Rules::default_rules(), as_of).reasons.iter().map(|r| r.code).collect()
}

#[test]
fn an_alipay_export_is_merged_and_summarised() {
    let dir = temp();
    let store = dir.path().join("store");
    let bill = copy(dir.path(), "alipay-2023-01-04.csv");
    let ran = run(&["import", arg(&bill), "--data-dir", arg(&store)]);
    assert_eq!(ran.code, 0, "{ran:?}");
    let says = [
        "Alipay bill, 28 rows: 11 credit rows recognised, 0 duplicates skipped, 17 ignored (",
        "recognised: 2 draws, 9 repayments; the export covers up to 2023-04-30",
        "draws, 9 repayments",
        "  + draw alipay-2023011522006859952890786666 on jiebei 2023-01-15 14:32 ¥5,000.00 (line ",
        "saved; the previous version, if any, is kept in the backups folder",
    ];
    for text in says {
        assert!(ran.out.contains(text), "missing {text:?} in:\n{}", ran.out);
    }
    let data = stored(&store);
    assert_eq!((data.draws.len(), data.repayments.len()), (2, 9));
    assert_eq!(data.profile.target, "jiebei");
    assert!(data.accounts.iter().all(|a| a.imported_until == Some(day(2023, 4, 30))), "{:?}", data.accounts);
}

#[test]
fn importing_the_same_file_twice_adds_nothing_and_says_so() {
    for name in ["alipay-2023-01-04.csv", "wechat-2023-01-04.xlsx", "wechat-2023-01-04.csv"] {
        let dir = temp();
        let store = dir.path().join("store");
        let bill = copy(dir.path(), name);
        assert_eq!(run(&["import", arg(&bill), "--data-dir", arg(&store)]).code, 0, "{name}");
        let before = std::fs::read(store.join("data.ron")).unwrap_or_default();
        let kept = backups(&store);
        let ran = run(&["import", arg(&bill), "--data-dir", arg(&store)]);
        assert_eq!(ran.code, 0, "{name}: {ran:?}");
        assert!(ran.out.contains("nothing new to add; your data is unchanged"), "{name}: {}", ran.out);
        assert!(ran.out.contains("added 0 new accounts, 0 draws, 0 repayments"), "{name}: {}", ran.out);
        assert_eq!(std::fs::read(store.join("data.ron")).unwrap_or_default(), before, "{name}");
        assert_eq!(backups(&store), kept, "{name}: a save happened");
    }
}

#[test]
fn both_apps_merge_into_one_record_and_the_other_format_adds_nothing() {
    let dir = temp();
    let store = dir.path().join("store");
    for name in ["alipay-2023-01-04.csv", "wechat-2023-01-04.xlsx"] {
        let ran = run(&["import", arg(&copy(dir.path(), name)), "--data-dir", arg(&store)]);
        assert_eq!(ran.code, 0, "{name}: {ran:?}");
    }
    let both = stored(&store);
    assert!(both.repayments.iter().any(|r| r.id.starts_with("wechat-")));
    assert!(both.repayments.iter().any(|r| r.id.starts_with("alipay-")));
    let ran = run(&["import", arg(&copy(dir.path(), "wechat-2023-01-04.csv")), "--data-dir", arg(&store)]);
    assert!(ran.code == 0 && ran.out.contains("nothing new"), "{ran:?}");
    assert_eq!(stored(&store), both);
}

#[test]
fn refused_files_name_the_place_and_change_nothing() {
    let dir = temp();
    let store = dir.path().join("store");
    assert_eq!(run(&["import", arg(&copy(dir.path(), "alipay-2023-01-04.csv")), "--data-dir", arg(&store)]).code, 0);
    let before = std::fs::read(store.join("data.ron")).unwrap_or_default();
    let kept = backups(&store);
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("alipay-truncated.csv", vec!["line 52", "cut off"]),
        ("alipay-old-web.csv", vec!["line 5", "old Alipay web export"]),
        ("garbage.bin", vec!["line 1", "not text in UTF-8 or GBK"]),
    ];
    for (name, says) in cases {
        let file = copy(dir.path(), name);
        let ran = run(&["import", arg(&file), "--data-dir", arg(&store)]);
        assert_eq!(ran.code, 2, "{name}: {ran:?}");
        assert!(ran.err.contains(arg(&file)), "{name}: the message names the file: {}", ran.err);
        for text in says {
            assert!(ran.err.contains(text), "{name}: missing {text:?} in {}", ran.err);
        }
        assert!(ran.err.contains("nothing was imported; your data is unchanged"), "{name}: {}", ran.err);
        assert_eq!(std::fs::read(store.join("data.ron")).unwrap_or_default(), before, "{name}");
        assert_eq!(backups(&store), kept, "{name}");
    }
}

#[test]
fn a_damaged_store_is_not_merged_into() {
    let dir = temp();
    let store = dir.path().join("store");
    std::fs::create_dir_all(&store).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(store.join("data.ron"), "(schema: 1, profile: (").unwrap_or_else(|e| panic!("{e}"));
    let ran = run(&["import", arg(&copy(dir.path(), "alipay-2023-01-04.csv")), "--data-dir", arg(&store)]);
    assert_eq!(ran.code, 2, "{ran:?}");
    assert!(ran.err.contains("restore a backup"), "{}", ran.err);
    assert!(!store.join("data.ron").exists(), "the damaged file is moved aside, and no new one is written");
}

#[test]
fn an_imported_history_paid_on_time_does_not_explain_as_overdue_later() {
    // The exports end on 2023-04-30; the jiebei draw of 2023-01-15 got the rules' 12-month
    // default term, so its instalments from May on have no repayment in any export.
    let dir = temp();
    let store = dir.path().join("store");
    for name in ["alipay-2023-01-04.csv", "wechat-2023-01-04.xlsx"] {
        assert_eq!(run(&["import", arg(&copy(dir.path(), name)), "--data-dir", arg(&store)]).code, 0, "{name}");
    }
    let data = stored(&store);
    let overdue = |codes: &[ReasonCode]| {
        codes.iter().any(|c| matches!(c, ReasonCode::CurrentOverdue | ReasonCode::RecentOverdue))
    };
    for as_of in [day(2023, 4, 30), day(2023, 6, 1), day(2024, 6, 1), day(2026, 11, 22)] {
        let found = codes(&data, as_of);
        assert!(!overdue(&found), "as of {as_of}: {found:?}");
    }
    // The same history without the export's last day would be called overdue: the guard matters.
    let mut unmarked = data.clone();
    unmarked.accounts.iter_mut().for_each(|a| a.imported_until = None);
    assert!(codes(&unmarked, day(2024, 6, 1)).contains(&ReasonCode::CurrentOverdue));
    // And the command line's explanation of the store agrees.
    let ran = run(&["explain", "--data-dir", arg(&store), "--as-of", "2026-11-22", "--format", "json"]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert!(!ran.out.contains("current_overdue"), "{}", ran.out);
}
