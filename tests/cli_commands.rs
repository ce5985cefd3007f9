//! The commands as PRODUCT.md gives them: exit codes, the form of problem lines, where data goes,
//! and that bad input changes nothing.

mod common;

use std::process::Command;

use common::{BIN, FULL, arg, run};
use credit_health::domain::{check_text, write_data_file};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn write(path: &std::path::Path, bytes: impl AsRef<[u8]>) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn validate_gives_one_line_per_problem_with_file_line_column_record_field_and_code() {
    let dir = temp();
    let bad = dir.path().join("bad.ron");
    write(&bad, FULL.replace("amount: \"458.33\"", "amount: \"0\"").replace("term_months: 6", "term_months: 0"));
    let ran = run(&["validate", arg(&bad)]);
    assert_eq!(ran.code, 2);
    let lines: Vec<&str> = ran.err.lines().collect();
    let expected = [
        format!("{}:25:86: draws \"d2\" term_months: the term must be at least 1 month [E030]", bad.display()),
        format!(
            "{}:34:78: repayments \"r1\" amount: 0.00 repaid; a repayment must be above zero [E020]",
            bad.display()
        ),
    ];
    assert_eq!(lines, expected);
}

#[test]
fn validate_exit_codes() {
    let dir = temp();
    let good = dir.path().join("good.ron");
    write(&good, FULL);
    let cases: Vec<(Vec<u8>, u8, &str)> = vec![
        (FULL.as_bytes().to_vec(), 0, "valid, 18 records"),
        (b"(schema: 9, profile: ())".to_vec(), 2, "written by a newer Credit Health [E002]"),
        (b"(schema: 1,\n  profile: (joined: \"2025-01-01\" identity_verified: true))".to_vec(), 2, ":2:"),
        (b"(schema: 1, \xFF)".to_vec(), 2, "not UTF-8"),
        (b"".to_vec(), 2, "[E001]"),
        (FULL.replace("kind: CashLine", "kind: Cash").into_bytes(), 2, "`Cash` is not a valid value"),
    ];
    for (bytes, code, says) in cases {
        write(&good, &bytes);
        let ran = run(&["validate", arg(&good)]);
        assert_eq!(ran.code, code, "{ran:?}");
        let text = if code == 0 { &ran.out } else { &ran.err };
        assert!(text.contains(says) && text.contains(arg(&good)), "{says}: {ran:?}");
    }
    let missing = dir.path().join("missing.ron");
    let ran = run(&["validate", arg(&missing)]);
    assert_eq!(
        (ran.code, ran.err.trim()),
        (2, format!("{}: could not read the file: it does not exist", missing.display()).as_str())
    );
    let ran = run(&["validate", arg(dir.path())]);
    assert!(ran.code == 2 && ran.err.contains(arg(dir.path())), "{ran:?}");
}

#[test]
fn import_replaces_the_data_and_keeps_the_previous_version() {
    let dir = temp();
    let store = dir.path().join("store");
    let (first, second) = (dir.path().join("first.ron"), dir.path().join("second.txt"));
    write(&first, FULL);
    write(&second, write_data_file(&common::small(3)).unwrap_or_default());
    assert_eq!(run(&["import", arg(&first), "--data-dir", arg(&store)]).code, 0);
    // A data file is recognised by its content too, whatever its name.
    let ran = run(&["--data-dir", arg(&store), "import", arg(&second)]);
    assert_eq!(ran.code, 0, "{ran:?}");
    let now = std::fs::read_to_string(store.join("data.ron")).unwrap_or_default();
    assert_eq!(check_text(&now).ok(), Some(common::small(3)));
    let backups: Vec<_> = std::fs::read_dir(store.join("backups")).into_iter().flatten().flatten().collect();
    assert_eq!(backups.len(), 1);
    let kept = std::fs::read_to_string(backups[0].path()).unwrap_or_default();
    assert_eq!(check_text(&kept).ok(), check_text(FULL).ok());
}

#[test]
fn bad_imports_change_nothing() {
    let dir = temp();
    let store = dir.path().join("store");
    let good = dir.path().join("good.ron");
    write(&good, FULL);
    assert_eq!(run(&["import", arg(&good), "--data-dir", arg(&store)]).code, 0);
    let before = std::fs::read(store.join("data.ron")).unwrap_or_default();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        // Not RON, so read as a bill export, which it is not either.
        ("bill.csv", "交易时间,金额\n2025-01-01,12.00\n".as_bytes().to_vec(), "no bill table found"),
        (
            "bad.ron",
            FULL.replace("target: \"jiebei\"", "target: \"nope\"").into_bytes(),
            "profile target: refers to \"nope\"",
        ),
        ("cut.ron", FULL.as_bytes()[..1000].to_vec(), "[E001]"),
        ("latin1.ron", b"(schema: 1, profile: (name: \"Jos\xE9\"))".to_vec(), "not UTF-8"),
    ];
    for (name, bytes, says) in cases {
        let file = dir.path().join(name);
        write(&file, &bytes);
        let ran = run(&["import", arg(&file), "--data-dir", arg(&store)]);
        assert_eq!(ran.code, 2, "{name}: {ran:?}");
        assert!(ran.err.contains(arg(&file)) && ran.err.contains(says), "{name}: {ran:?}");
        assert_eq!(std::fs::read(store.join("data.ron")).unwrap_or_default(), before, "{name}");
        assert!(!store.join("backups").exists(), "{name}: a backup was made");
    }
}

#[test]
fn export_writes_the_stores_data_to_stdout_or_atomically_to_a_file() {
    let dir = temp();
    let store = dir.path().join("store");
    let ran = run(&["export", "--data-dir", arg(&store)]);
    assert!(ran.code == 2 && ran.err.contains("no data yet"), "{ran:?}");
    assert!(!store.exists(), "export created the store");

    let file = dir.path().join("in.ron");
    write(&file, FULL);
    assert_eq!(run(&["import", arg(&file), "--data-dir", arg(&store)]).code, 0);
    let ran = run(&["export", "--data-dir", arg(&store)]);
    assert_eq!(ran.code, 0);
    assert_eq!(check_text(&ran.out).ok(), check_text(FULL).ok());
    let out = dir.path().join("out.ron");
    let ran = run(&["export", "--out", arg(&out), "--data-dir", arg(&store)]);
    assert_eq!(ran.code, 0, "{ran:?}");
    assert_eq!(check_text(&std::fs::read_to_string(&out).unwrap_or_default()).ok(), check_text(FULL).ok());
    let nowhere = dir.path().join("no-such-folder").join("out.ron");
    let ran = run(&["export", "--out", arg(&nowhere), "--data-dir", arg(&store)]);
    assert!(ran.code == 2 && ran.err.contains(arg(&nowhere)), "{ran:?}");
}

#[test]
fn check_reports_empty_sound_and_damaged_stores() {
    let dir = temp();
    let store = dir.path().join("store");
    let ran = run(&["check", "--data-dir", arg(&store)]);
    assert!(ran.code == 0 && ran.out.contains("no data yet"), "{ran:?}");
    std::fs::create_dir_all(&store).unwrap_or_else(|e| panic!("{e}"));
    write(&store.join("data.ron"), FULL);
    let ran = run(&["check", "--data-dir", arg(&store)]);
    assert!(ran.code == 0 && ran.out.contains("sound, 18 records"), "{ran:?}");
    write(&store.join("data.ron"), FULL.replace("\"d1\", account", "\"d2\", account"));
    let ran = run(&["check", "--data-dir", arg(&store)]);
    assert_eq!(ran.code, 2);
    assert!(ran.err.contains("data.ron:") && ran.err.contains("[E011]") && ran.err.contains("no backup"), "{ran:?}");
}

#[test]
fn explain_reads_a_file_or_the_store_and_refuses_bad_arguments() {
    let dir = temp();
    let file = dir.path().join("full.ron");
    write(&file, FULL);
    let json = run(&["explain", arg(&file), "--as-of", "2025-06-30", "--lang", "en", "--format", "json"]);
    assert_eq!(json.code, 0, "{json:?}");
    let value: serde_json::Value = serde_json::from_str(&json.out).unwrap_or_else(|e| panic!("{e}: {}", json.out));
    assert_eq!(value["as_of"], "2025-06-30", "{value}");
    assert!(value["reasons"].is_array() && value["status"].is_string(), "{value}");
    // The store's data gives the same explanation as the file it was imported from.
    let store = dir.path().join("store");
    assert_eq!(run(&["import", arg(&file), "--data-dir", arg(&store)]).code, 0);
    let from_store =
        run(&["explain", "--as-of", "2025-06-30", "--lang", "en", "--format", "json", "--data-dir", arg(&store)]);
    assert_eq!((from_store.code, &from_store.out), (0, &json.out));

    let (none, rules, empty) = (dir.path().join("none.ron"), dir.path().join("rules.ron"), dir.path().join("empty"));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["explain", "--data-dir", arg(&empty)], "no data yet"),
        (vec!["explain", arg(&none)], "does not exist"),
        (vec!["explain", arg(&file), "--rules", arg(&rules)], "rules.ron: could not read"),
        (vec!["explain", arg(&file), "--as-of", "2025-02-30"], "--as-of"),
        (vec!["explain", arg(&file), "--lang", "fr"], "--lang"),
        (vec!["explain", arg(&file), "--format", "xml"], "--format"),
    ];
    for (args, says) in cases {
        let ran = run(&args);
        assert_eq!(ran.code, 2, "{args:?}: {ran:?}");
        assert!(ran.err.contains(says), "{args:?}: {ran:?}");
    }
}

#[test]
fn the_data_folder_comes_from_the_flag_then_the_environment() {
    let dir = temp();
    let (by_env, by_flag) = (dir.path().join("env"), dir.path().join("flag"));
    let file = dir.path().join("full.ron");
    write(&file, FULL);
    let import = |extra: &[&str]| {
        Command::new(BIN)
            .arg("import")
            .arg(&file)
            .args(extra)
            .env("CREDIT_HEALTH_DATA_DIR", &by_env)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    assert!(import(&[]).status.success());
    assert!(by_env.join("data.ron").exists() && !by_flag.exists());
    assert!(import(&["--data-dir", arg(&by_flag)]).status.success());
    assert!(by_flag.join("data.ron").exists());
}

#[test]
fn help_and_usage_errors() {
    let cases: Vec<(Vec<&str>, u8, &str)> = vec![
        (vec!["--help"], 0, "validate"),
        (vec!["--version"], 0, "credit-health"),
        (vec!["frobnicate"], 2, "unrecognized subcommand"),
        (vec!["validate"], 2, "FILE"),
        (vec!["export", "--out"], 2, "--out"),
    ];
    for (args, code, says) in cases {
        let ran = run(&args);
        assert_eq!(ran.code, code, "{args:?}: {ran:?}");
        assert!(format!("{}{}", ran.out, ran.err).contains(says), "{args:?}: {ran:?}");
    }
    let output = Command::new(BIN).args(["validate", "/nonexistent/x.ron"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(output.status.code(), Some(2));
}
