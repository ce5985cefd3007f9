//! Engine budgets (PRODUCT.md): one full explanation of a generated 10-year, 100,000-record
//! history in ≤ 20 ms after load, its monthly timeline in ≤ 100 ms. Also the what-if plan,
//! which the app runs in the background, and indexing, which is part of loading (the store
//! bench times the two together against the load budget). Median of several runs.
//! `cargo bench --bench engine`.

use std::time::{Duration, Instant};

use credit_health::domain::generate::{GenerateOptions, generate};
use credit_health::engine::Rules;
use credit_health::engine::explain::{explain_prepared, timeline};
use credit_health::engine::features::{Prepared, RecordIndex};
use credit_health::engine::limit::simulate;
use credit_health::engine::whatif::plan_from;

const RUNS: usize = 9;

fn main() {
    let opts = GenerateOptions {
        years: 10,
        target_records: 100_000,
        seed: 2025,
        miss_rate_pct: 5,
        ..GenerateOptions::default()
    };
    let data = generate(&opts);
    let rules = Rules::default_rules();
    let as_of = opts.end;
    println!("history: {} records over {} years", data.record_count(), opts.years);

    // Indexing is part of loading: the app indexes the records on the thread that loads them
    // (and after each change), and every explanation, timeline and what-if of that version reads
    // the index. `cargo bench --bench store` times loading and indexing together.
    let index = RecordIndex::build(&data, &rules);
    let explanation = median(RUNS, || {
        let prepared = Prepared::with(&data, &rules, &index);
        let history = simulate(&prepared, as_of);
        let e = explain_prepared(&prepared, &history, as_of, false);
        assert!(e.score >= e.score_min);
    });
    report("explanation after load (simulate + reasons)", explanation, 20);
    // Where the time goes, for whoever works on it next.
    let kept = Prepared::with(&data, &rules, &index);
    let simulated = median(RUNS, || {
        let _ = simulate(&kept, as_of);
    });
    let history_once = simulate(&kept, as_of);
    let reasons = median(RUNS, || {
        let _ = explain_prepared(&kept, &history_once, as_of, false);
    });
    let indexing = median(RUNS, || {
        let _ = RecordIndex::build(&data, &rules);
    });
    // Records never indexed before: indexing and explaining together, as after an edit.
    let cold = median(RUNS, || {
        let prepared = Prepared::new(&data, &rules);
        let history = simulate(&prepared, as_of);
        let e = explain_prepared(&prepared, &history, as_of, false);
        assert!(e.score >= e.score_min);
    });
    for (part, took) in [
        ("  of which: simulate", simulated),
        ("  of which: reasons", reasons),
        ("indexing (part of loading, no budget alone)", indexing),
        ("index + explanation (after an edit)", cold),
    ] {
        println!("{:<44} {:>8.1} ms", part, took.as_secs_f64() * 1000.0);
    }

    let history = simulate(&kept, as_of);
    let months = median(RUNS, || {
        let points = timeline(&kept, &history, as_of);
        assert!(points.len() >= 100);
    });
    report("monthly timeline (120 months)", months, 100);

    let planned = median(3, || {
        let _ = plan_from(&kept, as_of);
    });
    println!("{:<44} {:>8.1} ms   (background work, no budget)", "what-if plan", planned.as_secs_f64() * 1000.0);
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
    times[times.len() / 2]
}

fn report(what: &str, took: Duration, budget_ms: u64) {
    let ms = took.as_secs_f64() * 1000.0;
    let verdict = if ms <= budget_ms as f64 { "within" } else { "OVER" };
    println!("{what:<44} {ms:>8.1} ms   ({verdict} budget {budget_ms} ms)");
}
