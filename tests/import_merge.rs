//! Merging bills into a person's data: right accounts, right amounts and times, no duplicates on
//! re-import or overlap, typed records recognised, and a result that always validates.

mod import_support;

use std::collections::BTreeSet;

use credit_health::domain::{AccountKind, DataFile, RepayMethod, validate};
use credit_health::import::{
    Bill, Conflict, FileKind, ImportSummary, apply_merge, import_bill, plan_merge, read_bill, sniff,
};
use import_support::{account, at, data_with, day, fixture};

fn bill(name: &str) -> Bill {
    read_bill(name, &fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// Someone who typed their 借呗 line and a 招商 card before importing.
fn typed_accounts() -> DataFile {
    data_with(vec![
        account("jiebei", "蚂蚁借呗", AccountKind::CashLine, day(2021, 6, 1)),
        account("cmb-card", "招商银行信用卡", AccountKind::CreditCard, day(2019, 9, 10)),
    ])
}

fn merge(data: &DataFile, name: &str) -> (DataFile, ImportSummary) {
    let plan = plan_merge(data, &bill(name));
    let merged = apply_merge(data, &plan);
    assert_eq!(validate(&merged), vec![], "{name} merged into data that no longer validates");
    (merged, ImportSummary::of(&plan))
}

/// Every draw and repayment as (id, account, time, fen), for comparing whole results.
fn records(data: &DataFile) -> BTreeSet<(String, String, String, i64)> {
    let draws = data.draws.iter().map(|d| (d.id.clone(), d.account.clone(), d.at.to_string(), d.amount.fen()));
    let repayments =
        data.repayments.iter().map(|r| (r.id.clone(), r.account.clone(), r.at.to_string(), r.amount.fen()));
    draws.chain(repayments).collect()
}

#[test]
fn rows_land_on_the_right_accounts_with_their_amounts_and_times() {
    let (merged, summary) = merge(&typed_accounts(), "alipay-2023-01-04.csv");
    let ids: Vec<(&str, &str, AccountKind, String)> =
        merged.accounts.iter().map(|a| (a.id.as_str(), a.lender.as_str(), a.kind, a.opened.to_string())).collect();
    assert_eq!(
        ids,
        vec![
            ("jiebei", "蚂蚁借呗", AccountKind::CashLine, "2021-06-01".into()),
            ("cmb-card", "招商银行信用卡", AccountKind::CreditCard, "2019-09-10".into()),
            // New accounts open on the day of their earliest row.
            ("huabei", "花呗", AccountKind::BuyNowPayLater, "2023-02-09".into()),
            ("mybank", "网商贷", AccountKind::CashLine, "2023-03-20".into()),
            ("card-ccb", "建设银行信用卡", AccountKind::CreditCard, "2023-04-25".into()),
        ]
    );
    let draws: Vec<(&str, String, i64, u32, RepayMethod)> = merged
        .draws
        .iter()
        .map(|d| (d.account.as_str(), d.at.to_string(), d.amount.fen(), d.term_months, d.repay))
        .collect();
    assert_eq!(
        draws,
        vec![
            ("jiebei", at(2023, 1, 15, 14, 32, 8).to_string(), 500_000, 12, RepayMethod::EqualInstallments),
            ("mybank", at(2023, 3, 20, 22, 47, 31).to_string(), 200_000, 12, RepayMethod::EqualInstallments),
        ]
    );
    let per_account = |id: &str| -> Vec<i64> {
        merged.repayments.iter().filter(|r| r.account == id).map(|r| r.amount.fen()).collect()
    };
    assert_eq!(per_account("jiebei"), vec![45_833, 45_833, 45_833]);
    assert_eq!(per_account("huabei"), vec![123_456, 87_640, 64_210]);
    assert_eq!(per_account("cmb-card"), vec![320_000]);
    assert_eq!(per_account("card-ccb"), vec![150_000]);
    assert_eq!(per_account("mybank"), vec![35_000]);
    assert!(merged.repayments.iter().all(|r| r.draw.is_none()), "the export does not say which draw a repayment pays");
    assert_eq!(merged.repayments[0].at, at(2023, 2, 9, 8, 15, 33));
    assert_eq!(
        (summary.recognised, summary.draws_added, summary.repayments_added, summary.duplicates_skipped),
        (11, 2, 9, 0)
    );
    assert_eq!(summary.ignored, 17);
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    for name in ["alipay-2023-01-04.csv", "wechat-2023-01-04.csv", "wechat-2023-01-04.xlsx"] {
        let (once, _) = merge(&typed_accounts(), name);
        let (twice, summary) = merge(&once, name);
        assert_eq!(twice, once, "{name}");
        assert!(summary.adds_nothing(), "{name}: {summary}");
        assert_eq!(summary.duplicates_skipped, summary.recognised, "{name}");
    }
}

#[test]
fn a_resaved_copy_or_the_other_format_adds_nothing_new() {
    let (alipay, _) = merge(&typed_accounts(), "alipay-2023-01-04.csv");
    let (again, summary) = merge(&alipay, "alipay-resaved-utf8.csv");
    assert_eq!(again, alipay, "{summary}");
    let (wechat, _) = merge(&typed_accounts(), "wechat-2023-01-04.xlsx");
    let (again, summary) = merge(&wechat, "wechat-2023-01-04.csv");
    assert_eq!(again, wechat, "{summary}");
}

#[test]
fn an_overlapping_export_adds_only_what_is_new() {
    let (q1, _) = merge(&typed_accounts(), "alipay-2023-01-04.csv");
    let (both, summary) = merge(&q1, "alipay-2023-03-06.csv");
    assert_eq!((summary.duplicates_skipped, summary.draws_added, summary.repayments_added), (6, 1, 7), "{summary}");
    assert_eq!(
        summary.new_accounts,
        vec![("loan-某某消费金融有限公司".to_string(), "某某消费金融有限公司".to_string())]
    );
    let added: BTreeSet<_> = records(&both).difference(&records(&q1)).cloned().collect();
    assert!(added.iter().all(|(_, _, at, _)| at.as_str() >= "2023-05"), "{added:?}");
    assert_eq!(both.draws.iter().filter(|d| d.account == "jiebei").count(), 2);
    // The other order gives the same records.
    let (q2, _) = merge(&typed_accounts(), "alipay-2023-03-06.csv");
    let (reversed, _) = merge(&q2, "alipay-2023-01-04.csv");
    assert_eq!(records(&reversed), records(&both));
}

#[test]
fn records_typed_by_hand_are_recognised_by_account_minute_and_amount() {
    let text = "(schema: 1, profile: (joined: \"2020-01-01\", identity_verified: true, target: \"jiebei\"),
        accounts: [(id: \"jiebei\", lender: \"借呗\", kind: CashLine, opened: \"2021-06-01\")],
        draws: [(id: \"d1\", account: \"jiebei\", at: \"2023-01-15T14:32:00\", amount: \"5000\", term_months: 6, repay: EqualPrincipal)],
        repayments: [
            (id: \"r1\", account: \"jiebei\", at: \"2023-02-15T09:00:00\", amount: \"458.33\"),
            (id: \"r2\", account: \"jiebei\", at: \"2023-03-15T09:01:00\", amount: \"458.33\"),
        ])";
    let data = credit_health::domain::check_text(text).unwrap_or_else(|p| panic!("{p:?}"));
    let plan = plan_merge(&data, &bill("alipay-2023-01-04.csv"));
    let duplicates: Vec<(String, Option<&str>)> = plan
        .items
        .iter()
        .filter(|i| i.record.account() == "jiebei")
        .map(|i| (i.record.at().to_string(), i.duplicate_of.as_deref()))
        .collect();
    assert_eq!(
        duplicates,
        vec![
            (at(2023, 1, 15, 14, 32, 8).to_string(), Some("d1")),
            (at(2023, 2, 15, 9, 0, 12).to_string(), Some("r1")),
            // A minute apart is another repayment.
            (at(2023, 3, 15, 9, 0, 9).to_string(), None),
            (at(2023, 4, 15, 9, 0, 5).to_string(), None),
        ]
    );
    let merged = apply_merge(&data, &plan);
    assert_eq!(validate(&merged), vec![]);
    assert_eq!(merged.draws.len(), 2, "the typed 借呗 draw keeps its own terms; 网商贷's is added");
    assert_eq!(merged.draws[0].term_months, 6);
}

#[test]
fn a_draw_before_an_existing_account_opened_is_reported_not_added() {
    let data = data_with(vec![account("jiebei", "蚂蚁借呗", AccountKind::CashLine, day(2023, 3, 1))]);
    let plan = plan_merge(&data, &bill("alipay-2023-01-04.csv"));
    let conflicts: Vec<&Conflict> = plan.items.iter().filter_map(|i| i.conflict.as_ref()).collect();
    assert_eq!(
        conflicts,
        vec![&Conflict::BeforeOpened { account: "jiebei".into(), opened: day(2023, 3, 1), day: day(2023, 1, 15) }]
    );
    let merged = apply_merge(&data, &plan);
    assert_eq!(validate(&merged), vec![]);
    assert!(merged.draws.iter().all(|d| d.account != "jiebei"));
    let text = ImportSummary::of(&plan).to_string();
    assert!(
        text.contains("not added: line") && text.contains("before the account \"jiebei\" was opened on 2023-03-01"),
        "{text}"
    );
}

#[test]
fn deselected_rows_are_left_out_and_unused_new_accounts_are_not_created() {
    let data = typed_accounts();
    let mut plan = plan_merge(&data, &bill("alipay-2023-01-04.csv"));
    for item in plan.items.iter_mut().filter(|i| i.record.account() == "card-ccb" || i.record.account() == "huabei") {
        item.selected = false;
    }
    let merged = apply_merge(&data, &plan);
    assert_eq!(validate(&merged), vec![]);
    let ids: Vec<&str> = merged.accounts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["jiebei", "cmb-card", "mybank"]);
    let summary = ImportSummary::of(&plan);
    assert_eq!((summary.deselected, summary.repayments_added), (4, 5));
}

#[test]
fn an_empty_record_gets_the_line_it_explains() {
    let data = DataFile::empty(day(2020, 1, 1), "jiebei");
    assert!(!validate(&data).is_empty(), "the target does not exist yet");
    let (merged, _) = merge_allowing_invalid_start(&data, "alipay-2023-01-04.csv");
    assert_eq!(validate(&merged), vec![]);
    assert_eq!(merged.account("jiebei").map(|a| a.opened), Some(day(2023, 1, 15)));
}

fn merge_allowing_invalid_start(data: &DataFile, name: &str) -> (DataFile, ImportSummary) {
    let plan = plan_merge(data, &bill(name));
    (apply_merge(data, &plan), ImportSummary::of(&plan))
}

#[test]
fn both_apps_share_accounts() {
    let (alipay, _) = merge(&typed_accounts(), "alipay-2023-01-04.csv");
    let (both, summary) = merge(&alipay, "wechat-2023-01-04.csv");
    // WeChat's 建设银行 and 招商银行 card repayments go to the cards Alipay's import made or matched.
    let new: Vec<&str> = summary.new_accounts.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(new, vec!["weilidai", "jd-baitiao"]);
    assert_eq!(both.repayments.iter().filter(|r| r.account == "cmb-card").count(), 2);
    assert_eq!(both.repayments.iter().filter(|r| r.account == "card-ccb").count(), 2);
}

#[test]
fn the_summary_says_what_happened() {
    let (_, summary) = merge(&typed_accounts(), "alipay-2023-01-04.csv");
    let text = summary.to_string();
    let expected_lines = [
        "alipay-2023-01-04.csv: Alipay bill, 28 rows: 11 credit rows recognised, 0 duplicates skipped, 17 ignored (9 not credit, 2 refund, 3 not completed, 3 own-money move)",
        "added 3 new accounts (huabei 花呗, mybank 网商贷, card-ccb 建设银行信用卡), 2 draws, 9 repayments",
        "note: 1 draws on 蚂蚁借呗 (jiebei) were given the import rules' default terms: 12 months, EqualInstallments; edit them if the loan differs",
        "note: 1 draws on 网商贷 (mybank) were given the import rules' default terms: 12 months, EqualInstallments; edit them if the loan differs",
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), expected_lines);
}

#[test]
fn the_command_line_gets_one_call_and_a_sniffer() {
    let bytes = fixture("alipay-2023-01-04.csv");
    assert_eq!(sniff("alipay-2023-01-04.csv", &bytes), FileKind::BillExport);
    assert_eq!(sniff("me.ron", b"anything"), FileKind::DataFile);
    assert_eq!(sniff("backup.txt", b"\xEF\xBB\xBF  // Credit Health data file\n(schema: 1)"), FileKind::DataFile);
    assert_eq!(sniff("bill.xlsx", &fixture("wechat-2023-01-04.xlsx")), FileKind::BillExport);
    let (merged, summary) =
        import_bill(&typed_accounts(), "alipay-2023-01-04.csv", &bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(validate(&merged), vec![]);
    assert_eq!(summary.draws_added + summary.repayments_added, 11);
    let error = import_bill(&typed_accounts(), "x.csv", b"\x00\x01").err().map(|e| e.to_string());
    assert_eq!(
        error.as_deref(),
        Some(
            "x.csv: line 1: this is not text in UTF-8 or GBK, nor a spreadsheet; is it a bill export from Alipay (支付宝) or WeChat Pay (微信支付)?"
        )
    );
}

#[test]
fn a_plan_applied_to_changed_data_still_validates() {
    let data = typed_accounts();
    let plan = plan_merge(&data, &bill("alipay-2023-01-04.csv"));
    // Meanwhile the person moved the line's opening date past the imported draw.
    let mut changed = data.clone();
    changed.accounts[0].opened = day(2023, 6, 1);
    let merged = apply_merge(&changed, &plan);
    assert_eq!(validate(&merged), vec![]);
    assert!(merged.draws.iter().all(|d| d.account != "jiebei"));
}

#[test]
fn the_same_order_twice_in_one_file_is_one_record() {
    // Two exports pasted together repeat rows; the repeat is a duplicate, not a second repayment.
    let text = import_support::source("alipay-2023-01-04.txt");
    let repayment = text.lines().find(|l| l.starts_with("2023-02-15 09:00:12")).unwrap_or_default();
    let doubled = format!("{text}{repayment}\n");
    let bill = read_bill("twice.csv", &import_support::alipay_bytes(&doubled)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bill.rows.len(), 12);
    let plan = plan_merge(&typed_accounts(), &bill);
    let summary = ImportSummary::of(&plan);
    assert_eq!((summary.repayments_added, summary.duplicates_skipped), (9, 1), "{summary}");
    assert_eq!(validate(&apply_merge(&typed_accounts(), &plan)), vec![]);
}

#[test]
fn the_engine_reads_imported_records_as_paid_on_time() {
    // Both apps' exports cover 2023-01 to 2023-04: as of their last day every imported
    // instalment (with the rules' default terms) has its repayment, and the lines drawn on
    // count as lenders, with the imported draws as evidence.
    let (alipay, _) = merge(&typed_accounts(), "alipay-2023-01-04.csv");
    let (all, _) = merge(&alipay, "wechat-2023-01-04.xlsx");
    let rules = credit_health::engine::Rules::default_rules();
    let explanation = credit_health::engine::explain(&all, &rules, day(2023, 4, 30));
    let codes: Vec<String> = explanation.reasons.iter().map(|r| format!("{:?}", r.code)).collect();
    assert!(!codes.iter().any(|c| c.contains("Overdue")), "{codes:?}");
    let evidence: Vec<&String> = explanation.reasons.iter().flat_map(|r| &r.evidence).collect();
    assert!(evidence.iter().any(|id| id.starts_with("alipay-")), "{evidence:?}");
    assert!(evidence.iter().any(|id| id.starts_with("wechat-")), "{evidence:?}");
}

#[test]
fn accounts_a_bill_fills_remember_its_last_day_unless_kept_by_hand_beyond_it() {
    // Alipay's 2023-01..04 export, then its 2023-03..06 one: the day moves on.
    let (q1, _) = merge(&typed_accounts(), "alipay-2023-01-04.csv");
    let until = |data: &DataFile, id: &str| data.accounts.iter().find(|a| a.id == id).and_then(|a| a.imported_until);
    assert_eq!(bill("alipay-2023-01-04.csv").covered_until, Some(day(2023, 4, 30)));
    assert_eq!(until(&q1, "jiebei"), Some(day(2023, 4, 30)));
    assert_eq!(until(&q1, "mybank"), Some(day(2023, 4, 30)));
    let (both, _) = merge(&q1, "alipay-2023-03-06.csv");
    assert_eq!(until(&both, "jiebei"), Some(day(2023, 6, 30)));
    // A line the person keeps by hand past the export's end keeps its own record as the truth.
    let mut kept = typed_accounts();
    kept.repayments.push(credit_health::domain::Repayment {
        id: "r1".into(),
        account: "jiebei".into(),
        draw: None,
        at: at(2024, 1, 15, 9, 0, 0),
        amount: credit_health::domain::Money::from_yuan(100),
    });
    let (merged, _) = merge(&kept, "alipay-2023-01-04.csv");
    assert_eq!(until(&merged, "jiebei"), None);
    assert_eq!(until(&merged, "huabei"), Some(day(2023, 4, 30)));
}
