//! The index is built once per version of the records (as they load, or after a change) and
//! kept: explanations, what-ifs and plans on any day read it and must say exactly what the
//! same questions asked of freshly indexed records say. An index of other records or other
//! rules is never used for these.

use chrono::{Duration, NaiveDate};
use credit_health::domain::DataFile;
use credit_health::domain::generate::{GenerateOptions, generate};
use credit_health::engine::explain::explain_with;
use credit_health::engine::features::{Prepared, RecordIndex};
use credit_health::engine::whatif::{Action, plan_from, project_from};
use credit_health::engine::{Rules, explain, plan, project};
use credit_health::personas;

fn days_to_ask(data: &DataFile, end: NaiveDate) -> Vec<NaiveDate> {
    let start = data.profile.joined;
    // Before the records, inside them, at their end, and long after every draw is settled.
    vec![
        start - Duration::days(30),
        start + Duration::days(200),
        end - Duration::days(45),
        end,
        end + Duration::days(1_500),
    ]
}

#[test]
fn a_kept_index_answers_every_day_as_a_fresh_one_does() {
    let rules = Rules::default_rules();
    let mut files: Vec<(String, DataFile, NaiveDate)> = (0..5u64)
        .map(|seed| {
            let opts = GenerateOptions {
                seed,
                years: 2 + seed as u32,
                target_records: 1_200,
                miss_rate_pct: [0, 10, 40][seed as usize % 3],
                lenders: 3,
                ..GenerateOptions::default()
            };
            (format!("seed {seed}"), generate(&opts), opts.end)
        })
        .collect();
    for persona in personas::all() {
        let Ok(data) = persona.data() else { panic!("{}: a built-in persona does not load", persona.id) };
        files.push((persona.id.to_string(), data, persona.as_of));
    }
    for (name, data, end) in &files {
        let index = RecordIndex::build(data, &rules);
        for day in days_to_ask(data, *end) {
            let fresh = serde_json::to_string(&explain(data, &rules, day)).unwrap_or_default();
            let kept = serde_json::to_string(&explain_with(data, &rules, &index, day)).unwrap_or_default();
            assert_eq!(fresh, kept, "{name} on {day}");
        }
    }
}

#[test]
fn what_ifs_and_plans_from_a_kept_index_match_fresh_ones() {
    let rules = Rules::default_rules();
    for persona in personas::all() {
        let Ok(data) = persona.data() else { panic!("{}: a built-in persona does not load", persona.id) };
        let index = RecordIndex::build(&data, &rules);
        let kept = Prepared::with(&data, &rules, &index);
        let as_of = persona.as_of;
        let fresh_plan = serde_json::to_string(&plan(&data, &rules, as_of)).unwrap_or_default();
        assert_eq!(fresh_plan, serde_json::to_string(&plan_from(&kept, as_of)).unwrap_or_default(), "{}", persona.id);
        let actions = [Action::NoNewBorrowing { months: 6 }, Action::PayOverdue { on: as_of }];
        let fresh = serde_json::to_string(&project(&data, &rules, as_of, &actions)).unwrap_or_default();
        assert_eq!(fresh, serde_json::to_string(&project_from(&kept, as_of, &actions)).unwrap_or_default());
    }
}

#[test]
fn an_index_of_other_records_or_rules_is_not_used() {
    let rules = Rules::default_rules();
    let opts =
        GenerateOptions { seed: 9, years: 3, target_records: 1_500, miss_rate_pct: 20, ..GenerateOptions::default() };
    let data = generate(&opts);
    let index = RecordIndex::build(&data, &rules);
    // Half the repayments gone: another version of the records.
    let mut changed = data.clone();
    changed.repayments.truncate(changed.repayments.len() / 2);
    assert!(!index.fits(&changed, &rules));
    let fresh = serde_json::to_string(&explain(&changed, &rules, opts.end)).unwrap_or_default();
    assert_eq!(fresh, serde_json::to_string(&explain_with(&changed, &rules, &index, opts.end)).unwrap_or_default());
    // Stricter rules: a day's grace less.
    let mut strict = rules.clone();
    strict.factors.payment_history.grace_days = 0;
    assert!(!index.fits(&data, &strict));
    let fresh = serde_json::to_string(&explain(&data, &strict, opts.end)).unwrap_or_default();
    assert_eq!(fresh, serde_json::to_string(&explain_with(&data, &strict, &index, opts.end)).unwrap_or_default());
    assert!(index.fits(&data, &rules));
}
