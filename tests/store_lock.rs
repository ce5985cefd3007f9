//! One writer per store: while another process holds the store, opening it (in this process or
//! through the real binary) is refused and nothing changes; once that process is killed, the
//! operating system has released the lock and the store opens.
//!
//! The other process is this test binary itself, started with an environment switch that makes
//! `holder_process` open the store and wait (no test-only command in the real binary).

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::arg;
use credit_health::store::{LoadOutcome, Store, StoreError};

const HOLD: &str = "CREDIT_HEALTH_TEST_HOLD_STORE";

/// In the child only: holds the store until killed.
#[test]
fn holder_process() {
    let Some(dir) = std::env::var_os(HOLD) else { return };
    let _store = Store::open(Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
    println!("holding the store");
    std::thread::sleep(Duration::from_secs(120));
}

/// Starts the holder and waits until it says it holds the store.
fn start_holder(dir: &Path) -> Child {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(exe)
        .args(["holder_process", "--exact", "--nocapture", "--test-threads=1"])
        .env(HOLD, dir)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if line.contains("holding the store") {
                let _ = tx.send(());
            }
        }
    });
    if rx.recv_timeout(Duration::from_secs(60)).is_err() {
        let _ = child.kill();
        panic!("the holder never took the store");
    }
    child
}

#[test]
fn a_second_instance_is_refused_until_the_first_is_killed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let before = common::small(1);
    Store::open(dir.path()).and_then(|mut s| s.save(&before)).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("other.ron");
    std::fs::write(&file, credit_health::domain::write_data_file(&common::small(2)).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));

    let mut holder = start_holder(dir.path());
    match Store::open(dir.path()) {
        Err(StoreError::Locked { holder: pid, .. }) => assert_eq!(pid, Some(holder.id())),
        other => panic!("a second open was not refused: {other:?}"),
    }
    let import = Command::new(common::BIN)
        .args(["import", arg(&file), "--data-dir", arg(dir.path())])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let message = String::from_utf8_lossy(&import.stderr);
    assert_eq!(import.status.code(), Some(2), "{message}");
    assert!(message.contains(arg(dir.path())) && message.contains("another Credit Health"), "{message}");
    // Reading is still allowed while another instance writes (saves are atomic).
    assert_eq!(common::run(&["check", "--data-dir", arg(dir.path())]).code, 0);

    holder.kill().unwrap_or_else(|e| panic!("{e}"));
    holder.wait().unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(dir.path()).unwrap_or_else(|e| panic!("not released after the kill: {e}"));
    assert_eq!(store.load().ok(), Some(LoadOutcome::Loaded(before)), "the refused import changed the data");
    drop(store);
    let import = Command::new(common::BIN)
        .args(["import", arg(&file), "--data-dir", arg(dir.path())])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
}

#[test]
fn the_same_process_cannot_open_a_store_twice() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let first = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(Store::open(dir.path()), Err(StoreError::Locked { .. })));
    drop(first);
    assert!(Store::open(dir.path()).is_ok());
}
