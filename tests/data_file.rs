//! The schema-1 data file: the shared examples load unchanged, validation finds every problem,
//! and save-then-load gives equal data.

use credit_health::domain::{ProblemCode, check_text, parse_data_file, write_data_file};

const EXAMPLES: [(&str, &str); 2] = [
    ("full.ron", include_str!("../../shared/spec/examples/full.ron")),
    ("new-user.ron", include_str!("../../shared/spec/examples/new-user.ron")),
];

#[test]
fn shared_examples_load_and_validate_unchanged() {
    for (name, text) in EXAMPLES {
        let data = check_text(text).unwrap_or_else(|problems| panic!("{name}: {problems:?}"));
        assert_eq!(data.schema, 1, "{name}");
        assert!(data.target_account().is_some(), "{name}");
    }
    let full = check_text(EXAMPLES[0].1).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(full.accounts.len(), 4);
    assert_eq!(full.draws[0].amount.fen(), 500_000);
    assert_eq!(full.repayments[0].draw.as_deref(), Some("d1"));
    assert_eq!(full.accounts[3].closed.map(|d| d.to_string()), Some("2023-12-31".to_string()));
}

#[test]
fn saved_examples_load_back_equal() {
    for (name, text) in EXAMPLES {
        let data = parse_data_file(text).unwrap_or_else(|p| panic!("{name}: {p}"));
        let saved = write_data_file(&data).unwrap_or_else(|e| panic!("{name}: {e}"));
        let again = check_text(&saved).unwrap_or_else(|p| panic!("{name}: {p:?}\n{saved}"));
        assert_eq!(again, data, "{name}");
    }
}

#[test]
fn validation_reports_every_problem_with_place_record_and_field() {
    let text = EXAMPLES[0]
        .1
        .replace("(id: \"d2\", account: \"xf-loan\"", "(id: \"d1\", account: \"nowhere\"")
        .replace("amount: \"458.33\"", "amount: \"0\"")
        .replace("term_months: 6", "term_months: 0")
        .replace("due: \"2025-02-08\"", "due: \"2025-01-08\"");
    let problems = check_text(&text).err().unwrap_or_default();
    let codes: Vec<ProblemCode> = problems.iter().map(|p| p.code).collect();
    for expected in [
        ProblemCode::DuplicateId,
        ProblemCode::MissingReference,
        ProblemCode::NotPositive,
        ProblemCode::TermTooShort,
        ProblemCode::TimeContradiction,
    ] {
        assert!(codes.contains(&expected), "missing {expected:?} in {problems:#?}");
    }
    let zero = problems.iter().find(|p| p.code == ProblemCode::NotPositive).map(ToString::to_string);
    assert_eq!(zero.as_deref().map(|s| s.starts_with("34:78:")), Some(true), "{zero:?}");
    assert!(problems.iter().all(|p| p.place.is_some()), "{problems:#?}");
}
