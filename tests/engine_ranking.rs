//! The score must rank real repayment histories sensibly, not only our personas: across many
//! generated histories, people who miss payments score lower than people who pay on time.

use credit_health::domain::generate::{GenerateOptions, generate};
use credit_health::engine::{Rules, explain};

fn score_of(seed: u64, miss_rate_pct: u32, lenders: u32, utilisation: u32) -> (i64, credit_health::domain::Money) {
    let opts = GenerateOptions {
        seed,
        years: 3,
        target_records: 600,
        miss_rate_pct,
        lenders,
        card_utilisation_pct: utilisation,
        ..GenerateOptions::default()
    };
    let data = generate(&opts);
    let e = explain(&data, &Rules::default_rules(), opts.end);
    (e.score, e.limit)
}

#[test]
fn missing_payments_ranks_below_paying_on_time_for_the_same_life() {
    let mut worse = 0;
    let mut total = 0;
    for seed in 0..40u64 {
        let lenders = 1 + (seed % 3) as u32;
        let utilisation = [10, 40, 80][(seed % 3) as usize];
        let (on_time, on_time_limit) = score_of(seed, 0, lenders, utilisation);
        let (missing, missing_limit) = score_of(seed, 25, lenders, utilisation);
        assert!(missing <= on_time, "seed {seed}: missing {missing} > on time {on_time}");
        assert!(missing_limit <= on_time_limit, "seed {seed}: limit {missing_limit} > {on_time_limit}");
        worse += usize::from(missing < on_time);
        total += 1;
    }
    assert!(worse * 10 >= total * 9, "misses lowered the score in only {worse} of {total} histories");
}

#[test]
fn more_misses_mean_lower_scores_on_average() {
    let rates = [0u32, 5, 15, 40];
    let means: Vec<f64> = rates
        .iter()
        .map(|rate| {
            let scores: Vec<i64> = (100..130u64).map(|seed| score_of(seed, *rate, 2, 30).0).collect();
            scores.iter().sum::<i64>() as f64 / scores.len() as f64
        })
        .collect();
    for pair in means.windows(2) {
        assert!(pair[1] < pair[0], "mean scores by miss rate {rates:?}: {means:?}");
    }
}
