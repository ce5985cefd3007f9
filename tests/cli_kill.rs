//! Killing the real binary mid-import (SIGKILL, at seeded random moments, 120 times) never
//! leaves a mix or nothing: after every kill `check` passes and the store holds exactly the old
//! or the new data, every backup loads, and the lock is free again.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::{BIN, arg};
use credit_health::domain::{DataFile, check_text, write_data_file};

fn stored(dir: &std::path::Path) -> DataFile {
    let text = std::fs::read_to_string(dir.join("data.ron")).unwrap_or_else(|e| panic!("no data file: {e}"));
    check_text(&text).unwrap_or_else(|p| panic!("a damaged data file: {p:?}"))
}

#[test]
fn killed_imports_leave_the_old_or_the_new_data() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("store");
    let versions = [common::small(11), common::small(12)];
    let files = [dir.path().join("a.ron"), dir.path().join("b.ron")];
    for (data, file) in versions.iter().zip(&files) {
        std::fs::write(file, write_data_file(data).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
    }
    let first = Command::new(BIN).args(["import", arg(&files[0]), "--data-dir", arg(&store)]).status();
    assert!(first.is_ok_and(|s| s.success()));

    // Kill moments spread over a whole import on this machine, now: from start-up to past the end.
    let mut timings: Vec<Duration> = (0..3)
        .map(|n| {
            let start = std::time::Instant::now();
            let status = Command::new(BIN).args(["import", arg(&files[n % 2]), "--data-dir", arg(&store)]).status();
            assert!(status.is_ok_and(|s| s.success()));
            start.elapsed()
        })
        .collect();
    timings.sort();
    let mut span_micros = timings[1].as_micros() as u64 * 6 / 5;
    let first = Command::new(BIN).args(["import", arg(&files[0]), "--data-dir", arg(&store)]).status();
    assert!(first.is_ok_and(|s| s.success()));

    let mut rng = common::Rng(0x5161_4B11);
    let (mut killed, mut finished, mut killed_after_the_switch) = (0, 0, 0);
    let mut current = 0;
    // At least 120 rounds; more (up to 600), re-aiming the kill moments every 40 rounds, when a
    // busy machine made imports slower or faster than measured above.
    let mut round = 0;
    while round < 600 && (round < 120 || killed < 20 || finished < 5) {
        if round > 0 && round % 40 == 0 {
            if finished < 2 {
                span_micros = span_micros * 3 / 2;
            } else if killed < 8 {
                span_micros = span_micros * 2 / 3;
            }
        }
        round += 1;
        let next = 1 - current;
        let mut child = Command::new(BIN)
            .args(["import", arg(&files[next]), "--data-dir", arg(&store)])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(Duration::from_micros(rng.below(span_micros)));
        let _ = child.kill();
        let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        match output.status.code() {
            None => killed += 1,
            Some(0) => finished += 1,
            Some(code) => {
                panic!("round {round}: import failed with {code}: {}", String::from_utf8_lossy(&output.stderr))
            }
        }

        let check = Command::new(BIN).args(["check", "--data-dir", arg(&store)]).output();
        let check = check.unwrap_or_else(|e| panic!("{e}"));
        assert!(check.status.success(), "round {round}: {}", String::from_utf8_lossy(&check.stderr));
        let now = stored(&store);
        assert!(now == versions[current] || now == versions[next], "round {round}: neither version");
        if output.status.code() == Some(0) {
            assert_eq!(now, versions[next], "round {round}: a finished import is not there");
        }
        if output.status.code().is_none() && now == versions[next] {
            killed_after_the_switch += 1;
        }
        current = if now == versions[next] { next } else { current };
        // A killed save may leave its temporary file; the next open removes it.
        assert!(common::temporaries(&store).len() <= 1, "round {round}: {:?}", common::temporaries(&store));
        for entry in std::fs::read_dir(store.join("backups")).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            assert!(check_text(&text).is_ok(), "round {round}: backup {} does not load", entry.path().display());
        }
    }
    eprintln!(
        "{killed} imports killed part-way ({killed_after_the_switch} after the new file was in place), \
         {finished} finished first; an import takes about {} ms here",
        span_micros / 1200
    );
    assert!(killed >= 20 && finished >= 5, "the moments were not spread: {killed} killed, {finished} finished");
}
