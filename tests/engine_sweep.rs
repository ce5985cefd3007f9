//! The sweep that the limit's simulation and the timeline use must count exactly what measuring
//! each day from scratch counts: on every day of generated records of many shapes and of every
//! persona, going forward, and when asked about an earlier day again.

use chrono::{Duration, NaiveDate};
use credit_health::domain::DataFile;
use credit_health::domain::generate::{GenerateOptions, generate};
use credit_health::engine::Rules;
use credit_health::engine::features::Prepared;
use credit_health::engine::sweep::Sweep;
use credit_health::personas;

/// Every `step`-th day from `from` to `to`, checked against a from-scratch measurement.
fn check_days(name: &str, data: &DataFile, rules: &Rules, from: NaiveDate, to: NaiveDate, step: i64) -> usize {
    let prepared = Prepared::new(data, rules);
    let mut sweep = Sweep::new(&prepared);
    let mut day = from;
    let mut checked = 0;
    while day <= to {
        let swept = sweep.measure_at(day);
        let scratch = prepared.features_at(day).measure;
        assert_eq!(swept, scratch, "{name}: the sweep and a fresh measurement differ on {day}");
        checked += 1;
        day += Duration::days(step);
    }
    checked
}

fn start_of(data: &DataFile) -> NaiveDate {
    data.accounts.iter().map(|a| a.opened).chain([data.profile.joined]).min().unwrap_or(data.profile.joined)
}

#[test]
fn generated_records_of_many_shapes_measure_the_same_every_day() {
    let rules = Rules::default_rules();
    let mut checked = 0;
    for seed in 0..14u64 {
        let opts = GenerateOptions {
            seed,
            years: 1 + (seed % 4) as u32,
            target_records: [400, 1_500, 3_000][(seed % 3) as usize],
            miss_rate_pct: [0, 5, 20, 45, 70][(seed % 5) as usize],
            lenders: (seed % 6) as u32,
            card_utilisation_pct: [5, 60, 95][(seed % 3) as usize],
            identity_verified: seed % 4 != 3,
            ..GenerateOptions::default()
        };
        let data = generate(&opts);
        let from = start_of(&data) - Duration::days(3);
        checked += check_days(&format!("seed {seed}"), &data, &rules, from, opts.end, 1);
    }
    assert!(checked > 5_000, "only {checked} days checked");
}

#[test]
fn every_persona_measures_the_same_every_day() {
    let rules = Rules::default_rules();
    for persona in personas::all() {
        let Ok(data) = persona.data() else { panic!("{}: a built-in persona does not load", persona.id) };
        let from = start_of(&data) - Duration::days(3);
        check_days(persona.id, &data, &rules, from, persona.as_of, 1);
    }
}

#[test]
fn asking_about_an_earlier_day_again_gives_that_day() {
    let rules = Rules::default_rules();
    let opts =
        GenerateOptions { seed: 7, years: 3, target_records: 2_000, miss_rate_pct: 20, ..GenerateOptions::default() };
    let data = generate(&opts);
    let prepared = Prepared::new(&data, &rules);
    let mut sweep = Sweep::new(&prepared);
    let days =
        [opts.end, opts.end - Duration::days(400), opts.end - Duration::days(30), opts.end - Duration::days(900)];
    for day in days {
        assert_eq!(sweep.measure_at(day), prepared.features_at(day).measure, "on {day}");
    }
}

#[test]
fn a_longer_lender_window_and_other_recency_steps_are_followed_too() {
    let mut rules = Rules::default_rules();
    rules.factors.borrowing_pattern.lender_window_months = 1;
    rules.factors.payment_history.recency_pct.0 = vec![(0, 100), (1, 90), (2, 80), (5, 50), (7, 20)];
    rules.factors.payment_history.bureau_years = 1;
    let opts = GenerateOptions {
        seed: 11,
        years: 3,
        target_records: 2_500,
        miss_rate_pct: 30,
        lenders: 5,
        ..GenerateOptions::default()
    };
    let data = generate(&opts);
    check_days("changed rules", &data, &rules, start_of(&data), opts.end, 1);
}

#[test]
fn short_loans_leave_the_lender_window_on_a_day_with_nothing_else_on_it() {
    // Monthly instalments fall due on the window's edge; one-month loans do not, so the day a
    // loan stops counting as "another lender" has to be followed on its own.
    let rules = Rules::default_rules();
    for seed in 0..12u64 {
        // Few loans over a few years, so a lender is often down to its last loan.
        let opts = GenerateOptions { seed, years: 3, target_records: 250, lenders: 6, ..GenerateOptions::default() };
        let mut data = generate(&opts);
        for draw in &mut data.draws {
            draw.term_months = 1;
            draw.repay = credit_health::domain::RepayMethod::Bullet;
        }
        check_days(&format!("one-month loans {seed}"), &data, &rules, start_of(&data), opts.end, 1);
    }
}

#[test]
fn other_severity_steps_are_followed_from_the_day_each_is_reached() {
    // Steps at zero days, at one day, and long after the usual ones: each is the first day an
    // uncovered due is that many days past due.
    let mut rules = Rules::default_rules();
    rules.factors.payment_history.severity.0 = vec![(0, 5), (1, 10), (9, 25), (33, 60), (100, 120), (400, 200)];
    for seed in [3u64, 8] {
        let opts =
            GenerateOptions { seed, years: 3, target_records: 1_500, miss_rate_pct: 45, ..GenerateOptions::default() };
        let data = generate(&opts);
        check_days(&format!("severity steps {seed}"), &data, &rules, start_of(&data), opts.end, 1);
    }
}

#[test]
fn a_date_typed_centuries_off_keeps_every_other_day_right() {
    // One draw and its repayments three centuries ahead: the days between are not all kept,
    // but every day around the real records and around the odd one still measures right.
    let rules = Rules::default_rules();
    let opts = GenerateOptions { seed: 5, years: 2, target_records: 800, lenders: 3, ..GenerateOptions::default() };
    let mut data = generate(&opts);
    let far = Duration::days(365 * 300);
    let moved = data.draws.len() / 2;
    data.draws[moved].at += far;
    let id = data.draws[moved].id.clone();
    for repayment in data.repayments.iter_mut().filter(|r| r.draw.as_deref() == Some(id.as_str())) {
        repayment.at += far;
    }
    let odd_day = data.draws[moved].at.date();
    check_days("real records", &data, &rules, start_of(&data), opts.end, 1);
    check_days("the odd draw", &data, &rules, odd_day - Duration::days(40), odd_day + Duration::days(800), 1);
}

#[test]
fn a_due_covered_exactly_on_a_step_while_the_next_stays_unpaid_reaches_the_step_that_day() {
    // ¥3,000 over three months from 10 January 2024. February's ¥1,000 is paid 38 days late,
    // on 19 March, while March's is already missed: the overdue stays open, and it reaches the
    // 38-day step on 19 March through February's instalment, not later through March's.
    let text = r#"(
    schema: 1,
    profile: (joined: "2023-01-01", identity_verified: true, monthly_income: "9000.00", target: "jiebei"),
    accounts: [
        (id: "jiebei", lender: "蚂蚁借呗", kind: CashLine, opened: "2023-01-01"),
        (id: "loan", lender: "某消费金融", kind: InstallmentLoan, opened: "2024-01-01"),
    ],
    draws: [
        (id: "d1", account: "loan", at: "2024-01-10T10:00:00", amount: "3000.00", term_months: 3, repay: EqualPrincipal),
    ],
    statements: [],
    repayments: [
        (id: "r1", account: "loan", draw: "d1", at: "2024-03-19T09:00:00", amount: "1000.00"),
        (id: "r2", account: "loan", draw: "d1", at: "2024-06-01T09:00:00", amount: "2000.00"),
    ],
    observed_limits: [],
    inquiries: [],
    events: [],
)"#;
    let data = match credit_health::domain::check_text(text) {
        Ok(data) => data,
        Err(problems) => panic!("the test record does not load: {problems:?}"),
    };
    let mut rules = Rules::default_rules();
    rules.factors.payment_history.severity.0 = vec![(1, 10), (38, 60), (70, 120)];
    let from = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(2024, 9, 1).unwrap_or_default();
    check_days("a due covered on a step", &data, &rules, from, to, 1);
}
