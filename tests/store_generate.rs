//! The generator: always valid, about the asked size, the same for the same seed, and with real
//! misses (payments after the due date or short of it).

use chrono::NaiveDate;
use credit_health::domain::generate::{GenerateOptions, generate};
use credit_health::domain::{Money, validate, write_data_file};
use proptest::prelude::*;

fn options() -> impl Strategy<Value = GenerateOptions> {
    (any::<u64>(), 1u32..=12, 300usize..=6_000, 0u32..=100, 0u32..=8, 0u32..=100, any::<bool>(), 0i64..20_000).prop_map(
        |(seed, years, target_records, miss_rate_pct, lenders, card_utilisation_pct, identity_verified, day)| {
            let end = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default() + chrono::Days::new(day as u64);
            GenerateOptions {
                seed,
                years,
                target_records,
                miss_rate_pct,
                lenders,
                card_utilisation_pct,
                identity_verified,
                end,
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_files_are_valid_and_about_the_asked_size(opts in options()) {
        let data = generate(&opts);
        let problems = validate(&data);
        prop_assert!(problems.is_empty(), "{opts:?}: {:?}", &problems[..problems.len().min(5)]);
        let count = data.record_count() as f64;
        let target = opts.target_records as f64;
        prop_assert!((count - target).abs() <= target * 0.10, "{opts:?}: {count} records");
        prop_assert!(data.repayments.iter().all(|r| r.at.date() <= opts.end), "{opts:?}: a repayment after the end");
    }

    #[test]
    fn the_same_seed_gives_the_same_file(opts in options()) {
        prop_assert_eq!(generate(&opts), generate(&opts));
    }
}

#[test]
fn different_seeds_give_different_files() {
    let a = generate(&GenerateOptions { seed: 1, ..GenerateOptions::default() });
    let b = generate(&GenerateOptions { seed: 2, ..GenerateOptions::default() });
    assert_ne!(a, b);
}

/// The late and short payments a miss rate asks for are there, measured from due dates the way
/// an engine would: card statements whose minimum was not paid by the due date.
#[test]
fn misses_are_real_and_follow_the_miss_rate() {
    let cases = [(0, 0.0, 0.02), (20, 0.10, 0.30), (60, 0.45, 0.75)];
    for (miss_rate_pct, low, high) in cases {
        let opts = GenerateOptions { miss_rate_pct, target_records: 6_000, years: 5, ..GenerateOptions::default() };
        let data = generate(&opts);
        let due: Vec<_> = data.statements.iter().filter(|s| s.minimum.is_positive() && s.due <= opts.end).collect();
        let missed = due
            .iter()
            .filter(|s| {
                let paid: Money = data
                    .repayments
                    .iter()
                    .filter(|r| r.account == s.account && r.at.date() > s.closing && r.at.date() <= s.due)
                    .map(|r| r.amount)
                    .sum();
                paid < s.minimum
            })
            .count();
        let share = missed as f64 / due.len().max(1) as f64;
        assert!(
            (low..=high).contains(&share),
            "miss rate {miss_rate_pct}%: {missed} of {} statements missed",
            due.len()
        );
    }
}

#[test]
fn a_ten_year_hundred_thousand_record_file_is_about_twelve_megabytes() {
    let opts = GenerateOptions { years: 10, target_records: 100_000, ..GenerateOptions::default() };
    let data = generate(&opts);
    assert!(validate(&data).is_empty());
    assert!((90_000..=110_000).contains(&data.record_count()), "{}", data.record_count());
    let text = write_data_file(&data).unwrap_or_default();
    let megabytes = text.len() as f64 / 1e6;
    assert!((6.0..=24.0).contains(&megabytes), "{megabytes:.1} MB");
    eprintln!("100k records: {megabytes:.1} MB");
    let kinds = [data.draws.len(), data.statements.len(), data.observed_limits.len(), data.inquiries.len()];
    assert!(kinds.iter().all(|n| *n > 0), "{kinds:?}");
    let night =
        data.draws.iter().filter(|d| d.account == "jiebei" && d.at.format("%H").to_string() < "06".into()).count();
    assert!(night > 0 && night < data.draws.len() / 2, "{night} night draws");
}
