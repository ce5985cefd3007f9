//! A bill export ends on its last covered day (`imported_until`); its draws' terms are often
//! guessed. After that day the engine cannot see payments, so it assumes the schedule was kept:
//! no overdue is invented, and the debt runs down with the schedule instead of staying at what
//! was left on the export's last day forever.

use chrono::NaiveDate;
use credit_health::domain::{DataFile, check_text};
use credit_health::engine::{ReasonCode, Rules, explain};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A loan of ¥12,000 over 12 months from an export that ends on 2024-03-31, with the two
/// instalments the export shows; `until` is the export's last day, if marked.
fn record(until: Option<&str>) -> DataFile {
    let until = until.map(|u| format!(", imported_until: \"{u}\"")).unwrap_or_default();
    let text = format!(
        r#"#![enable(implicit_some)]
(
    schema: 1,
    profile: (joined: "2020-01-01", identity_verified: true, monthly_income: "9000.00", target: "jiebei"),
    accounts: [
        (id: "jiebei", lender: "蚂蚁借呗", kind: CashLine, opened: "2020-01-01"),
        (id: "loan", lender: "某消费金融", kind: InstallmentLoan, opened: "2024-01-01"{until}),
    ],
    draws: [
        (id: "d1", account: "loan", at: "2024-01-10T10:00:00", amount: "12000.00", term_months: 12, repay: EqualPrincipal),
    ],
    statements: [],
    repayments: [
        (id: "r1", account: "loan", draw: "d1", at: "2024-02-10T09:00:00", amount: "1000.00"),
        (id: "r2", account: "loan", draw: "d1", at: "2024-03-10T09:00:00", amount: "1000.00"),
    ],
    observed_limits: [],
    inquiries: [],
    events: [],
)"#
    );
    match check_text(&text) {
        Ok(data) => data,
        Err(problems) => panic!("the test record does not load: {problems:?}"),
    }
}

fn owed_to(data: &DataFile, lender: &str, as_of: NaiveDate) -> i64 {
    let e = explain(data, &Rules::default_rules(), as_of);
    e.debt_by_lender.iter().find(|(l, _)| l == lender).map_or(0, |(_, m)| m.fen())
}

#[test]
fn after_the_export_ends_the_loan_runs_down_on_schedule() {
    let data = record(Some("2024-03-31"));
    // Inside the export: what the records show.
    assert_eq!(owed_to(&data, "某消费金融", day(2024, 3, 20)), 1_000_000);
    // Halfway through the term, after the export: what the schedule leaves.
    assert_eq!(owed_to(&data, "某消费金融", day(2024, 7, 20)), 600_000);
    // After the term: nothing, and the lender no longer counts.
    assert_eq!(owed_to(&data, "某消费金融", day(2025, 6, 1)), 0);
    let e = explain(&data, &Rules::default_rules(), day(2025, 6, 1));
    let codes: Vec<ReasonCode> = e.reasons.iter().map(|r| r.code).collect();
    assert!(!codes.contains(&ReasonCode::CurrentOverdue), "{codes:?}");
}

#[test]
fn without_the_export_mark_unpaid_instalments_stay_owed_and_overdue() {
    // The same records typed by hand: nothing assumed, the missing instalments are overdue.
    let data = record(None);
    assert_eq!(owed_to(&data, "某消费金融", day(2025, 6, 1)), 1_000_000);
    let e = explain(&data, &Rules::default_rules(), day(2025, 6, 1));
    assert!(e.reasons.iter().any(|r| r.code == ReasonCode::CurrentOverdue));
}

#[test]
fn a_shortfall_the_export_showed_is_not_assumed_away() {
    // The March instalment is missing from the export: it stays on the record, and what it
    // left unpaid is still owed after the term.
    let mut data = record(Some("2024-03-31"));
    data.repayments.retain(|r| r.id != "r2");
    let as_of = day(2025, 6, 1);
    assert_eq!(owed_to(&data, "某消费金融", as_of), 100_000);
    let e = explain(&data, &Rules::default_rules(), as_of);
    assert!(e.negative_records.iter().any(|n| n.source_id == "d1"), "{:?}", e.negative_records);
}
