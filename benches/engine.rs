//! Engine budgets (PRODUCT.md): one full explanation of a generated 10-year, 100,000-record
//! history in ≤ 20 ms after load, its monthly timeline in ≤ 100 ms. Also the what-if plan,
//! which the app runs in the background. Median of several runs. `cargo bench --bench engine`.

use std::time::{Duration, Instant};

use credit_health::domain::generate::{GenerateOptions, generate};
use credit_health::engine::explain::{explain_prepared, timeline};
use credit_health::engine::features::Prepared;
use credit_health::engine::limit::simulate;
use credit_health::engine::sweep::Sweep;
use credit_health::engine::{Rules, plan};

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

    let explanation = median(RUNS, || {
        let prepared = Prepared::new(&data, &rules, as_of);
        let history = simulate(&prepared, as_of);
        let e = explain_prepared(&prepared, &history, as_of, false);
        assert!(e.score >= e.score_min);
    });
    report("explanation (index + simulate + reasons)", explanation, 20);
    // Where the time goes, for whoever works on it next.
    let index = median(RUNS, || {
        let _ = Prepared::new(&data, &rules, as_of);
    });
    // Built on first use by a fresh index: timed alone, the index made beforehand.
    let sweep_index = {
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let prepared = Prepared::new(&data, &rules, as_of);
                let start = Instant::now();
                let _ = Sweep::new(&prepared);
                start.elapsed()
            })
            .collect();
        times.sort();
        times[times.len() / 2]
    };
    let prepared_once = Prepared::new(&data, &rules, as_of);
    let simulated = median(RUNS, || {
        let _ = simulate(&prepared_once, as_of);
    });
    let history_once = simulate(&prepared_once, as_of);
    let reasons = median(RUNS, || {
        let _ = explain_prepared(&prepared_once, &history_once, as_of, false);
    });
    for (part, took) in [
        ("  of which: index (ledger, sorted lists)", index),
        ("  of which: the sweep's index (running totals)", sweep_index),
        ("  of which: simulate", simulated),
        ("  of which: reasons", reasons),
    ] {
        println!("{:<44} {:>8.1} ms", part, took.as_secs_f64() * 1000.0);
    }
    // The same explanation asked again of records already indexed (the index kept, as the
    // timeline and the what-if view keep it): what asking costs once the records are indexed.
    let asked_again = median(RUNS, || {
        let history = simulate(&prepared_once, as_of);
        let e = explain_prepared(&prepared_once, &history, as_of, false);
        assert!(e.score >= e.score_min);
    });
    println!("{:<44} {:>8.1} ms", "explanation of records already indexed", asked_again.as_secs_f64() * 1000.0);

    let prepared = Prepared::new(&data, &rules, as_of);
    let history = simulate(&prepared, as_of);
    let months = median(RUNS, || {
        let points = timeline(&prepared, &history, as_of);
        assert!(points.len() >= 100);
    });
    report("monthly timeline (120 months)", months, 100);

    let planned = median(3, || {
        let _ = plan(&data, &rules, as_of);
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
