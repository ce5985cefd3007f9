//! Store budgets (PRODUCT.md): loading and validating a generated 10-year, 100,000-record file
//! in ≤ 600 ms (also with the engine's index, built as part of opening it), saving it in
//! ≤ 300 ms. Median of several runs, timed with `Instant`.
//! Run with `cargo bench --bench store`.

use std::time::{Duration, Instant};

use credit_health::domain::generate::{GenerateOptions, generate};
use credit_health::domain::{parse_data_file, validate, write_data_file};
use credit_health::engine::Rules;
use credit_health::engine::features::RecordIndex;
use credit_health::store::{LoadOutcome, Store, data_file_text, write_atomic};

const RUNS: usize = 7;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let opts = GenerateOptions { years: 10, target_records: 100_000, seed: 2025, ..GenerateOptions::default() };
    let data = generate(&opts);
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(dir.path())?;
    store.save(&data)?;
    let bytes = std::fs::metadata(store.data_path())?.len();
    println!("file: {} records, {:.1} MB", data.record_count(), bytes as f64 / 1e6);

    let load = median(RUNS, || {
        let outcome = store.load();
        assert!(matches!(outcome, Ok(LoadOutcome::Loaded(_))), "the file did not load");
    });
    report("load + validate", load, 600);
    // What opening the record costs in the app: loading, then indexing it for the engine.
    let rules = Rules::default_rules();
    let opened = median(RUNS, || match store.load() {
        Ok(LoadOutcome::Loaded(data)) => drop(RecordIndex::build(&data, &rules)),
        other => panic!("the file did not load: {other:?}"),
    });
    report("load + validate + index (opening it)", opened, 600);

    let save = median(RUNS, || {
        let saved = store.save(&data);
        assert!(saved.is_ok(), "{saved:?}");
    });
    report("save (with backup)", save, 300);
    let mut listed = 0;
    let list = median(RUNS, || listed = store.backups().map(|b| b.len()).unwrap_or(0));
    println!("list {listed} backups with record counts: median {:.1} ms (no budget)", list.as_secs_f64() * 1e3);

    // Where the time goes, to see what to fix when a budget is missed.
    let text = std::fs::read_to_string(store.data_path())?;
    let parsed = median(RUNS, || drop(parse_data_file(&text)));
    println!("  of which parse: {:.1} ms", parsed.as_secs_f64() * 1e3);
    let checked = median(RUNS, || drop(validate(&data)));
    println!("  of which validate: {:.1} ms", checked.as_secs_f64() * 1e3);
    let written = median(RUNS, || drop(write_data_file(&data)));
    println!("  ron's serializer (domain::write_data_file, not used to save): {:.1} ms", written.as_secs_f64() * 1e3);
    let fast = median(RUNS, || drop(data_file_text(&data)));
    println!("  of which serialize (store::data_file_text, the same bytes): {:.1} ms", fast.as_secs_f64() * 1e3);
    let out = dir.path().join("plain.ron");
    let synced = median(RUNS, || drop(write_atomic(&out, text.as_bytes())));
    println!("  of which write + fsync: {:.1} ms", synced.as_secs_f64() * 1e3);
    Ok(())
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn report(what: &str, took: Duration, budget_ms: u128) {
    let verdict = if took.as_millis() <= budget_ms { "within budget" } else { "OVER BUDGET" };
    println!("{what}: median {:.1} ms of {RUNS} runs (budget {budget_ms} ms): {verdict}", took.as_secs_f64() * 1e3);
}
