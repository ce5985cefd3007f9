//! Damaged files: every prefix of a small file, random byte flips and cut-off large files are
//! reported by `validate`, `check` and `load` (exit 2, the message names the file), never panic,
//! and are never overwritten: `load` moves them aside byte for byte and offers the newest good
//! backup.

mod common;

use std::path::Path;
use std::process::Command;

use common::{FULL, arg, run};
use credit_health::domain::check_text;
use credit_health::store::{LoadOutcome, Store};

/// A store whose data file holds `bytes` and whose only backup is the full example.
fn store_with(dir: &Path, bytes: &[u8]) -> std::path::PathBuf {
    let backups = dir.join("backups");
    std::fs::create_dir_all(&backups).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(backups.join("data-20250101-000000-000.ron"), FULL).unwrap_or_else(|e| panic!("{e}"));
    let data = dir.join("data.ron");
    std::fs::write(&data, bytes).unwrap_or_else(|e| panic!("{e}"));
    data
}

/// Runs `validate`, `check` and `load` on damaged `bytes`, expecting them to be found sound or
/// not as `sound` says (`None`: whatever the parser decides, e.g. after a byte flip).
fn damaged(bytes: &[u8], sound: Option<bool>, label: &str) {
    let dir = common::memory_tempdir();
    let data = store_with(dir.path(), bytes);
    let name = data.display().to_string();
    let sound = sound.unwrap_or_else(|| std::str::from_utf8(bytes).is_ok_and(|t| check_text(t).is_ok()));

    let validated = run(&["validate", arg(&data)]);
    assert_eq!(validated.code, if sound { 0 } else { 2 }, "{label}: {validated:?}");
    if !sound {
        assert!(!validated.err.is_empty(), "{label}");
        for line in validated.err.lines() {
            assert!(line.starts_with(&format!("{name}:")), "{label}: {line}");
        }
    }
    let checked = run(&["check", "--data-dir", arg(dir.path())]);
    assert_eq!(checked.code, validated.code, "{label}: {checked:?}");
    if !sound {
        assert!(
            checked.err.contains(&name) && checked.err.contains("data-20250101-000000-000.ron"),
            "{label}: {checked:?}"
        );
    }
    assert_eq!(std::fs::read(&data).unwrap_or_default(), bytes, "{label}: check changed the file");

    let mut store = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    match store.load() {
        Ok(LoadOutcome::Loaded(_)) => assert!(sound, "{label}: loaded a file validate refused"),
        Ok(LoadOutcome::Recovered { moved_aside, problems, newest_good_backup }) => {
            assert!(!sound, "{label}: a sound file was moved aside");
            assert!(!problems.is_empty(), "{label}");
            assert_eq!(std::fs::read(&moved_aside).unwrap_or_default(), bytes, "{label}: the damaged file changed");
            assert!(!data.exists(), "{label}");
            assert_eq!(newest_good_backup.and_then(|b| b.record_count), Some(18), "{label}");
        }
        other => panic!("{label}: {other:?}"),
    }
}

#[test]
fn every_prefix_of_a_small_file_is_reported() {
    let bytes = FULL.as_bytes();
    // Complete once the closing parenthesis of the whole file is in.
    let end = FULL.rfind(')').unwrap_or_default();
    for len in 0..bytes.len() {
        damaged(&bytes[..len], Some(len > end), &format!("prefix of {len} bytes"));
    }
}

#[test]
fn random_byte_flips_are_reported_or_harmless() {
    let mut rng = common::Rng(0xB17F);
    for n in 0..300 {
        let mut bytes = FULL.as_bytes().to_vec();
        for _ in 0..=rng.below(3) {
            let at = rng.below(bytes.len() as u64) as usize;
            bytes[at] ^= 1 + rng.below(255) as u8;
        }
        damaged(&bytes, None, &format!("flip {n}"));
    }
}

#[test]
fn a_large_file_cut_off_anywhere_is_moved_aside_not_overwritten() {
    let data = credit_health::domain::generate::generate(&credit_health::domain::generate::GenerateOptions {
        target_records: 3_000,
        ..Default::default()
    });
    let text = credit_health::domain::write_data_file(&data).unwrap_or_default();
    let mut rng = common::Rng(0xC0FFEE);
    for _ in 0..12 {
        let len = rng.below(text.len() as u64 - 2) as usize;
        damaged(&text.as_bytes()[..len], Some(false), &format!("cut at {len}"));
    }
}

#[test]
fn the_real_binary_exits_2_not_101_on_damaged_files() {
    let mut rng = common::Rng(7);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for n in 0..20 {
        let mut bytes = FULL.as_bytes()[..rng.below(FULL.len() as u64) as usize].to_vec();
        if n % 2 == 1 && !bytes.is_empty() {
            let at = rng.below(bytes.len() as u64) as usize;
            bytes[at] = 0xFF;
        }
        let data = store_with(dir.path(), &bytes);
        for args in [vec!["validate", arg(&data)], vec!["check", "--data-dir", arg(dir.path())]] {
            let output = Command::new(common::BIN).args(&args).output().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(output.status.code(), Some(2), "{args:?} on {} bytes", bytes.len());
            assert!(String::from_utf8_lossy(&output.stderr).contains(arg(&data)), "{args:?}");
        }
        assert_eq!(std::fs::read(&data).unwrap_or_default(), bytes);
    }
}
