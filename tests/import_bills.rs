//! Reading bill exports: every fixture reads to the credit rows it holds, whatever the encoding,
//! quoting, preamble length or column order; broken files are refused with file, line and problem.

mod import_support;

use credit_health::domain::{AccountKind, Money};
use credit_health::import::{
    Bill, BillFormat, BillSource, IgnoreReason, ImportError, Loc, RowKind, read_bill, read_bill_with_progress,
};
use import_support::{at, fixture, generated, source};

/// The credit rows of the Alipay export of 2023-01 to 2023-04, oldest first:
/// (time, kind, account hint, account kind, fen).
fn alipay_q1_expected() -> Vec<(chrono::NaiveDateTime, RowKind, &'static str, AccountKind, i64)> {
    use AccountKind::*;
    use RowKind::*;
    vec![
        (at(2023, 1, 15, 14, 32, 8), Draw, "jiebei", CashLine, 500_000),
        (at(2023, 2, 9, 8, 15, 33), Repayment, "huabei", BuyNowPayLater, 123_456),
        (at(2023, 2, 15, 9, 0, 12), Repayment, "jiebei", CashLine, 45_833),
        (at(2023, 3, 6, 20, 11, 45), Repayment, "card-cmb", CreditCard, 320_000),
        (at(2023, 3, 9, 10, 1, 2), Repayment, "huabei", BuyNowPayLater, 87_640),
        (at(2023, 3, 15, 9, 0, 9), Repayment, "jiebei", CashLine, 45_833),
        (at(2023, 3, 20, 22, 47, 31), Draw, "mybank", CashLine, 200_000),
        (at(2023, 4, 9, 9, 30, 0), Repayment, "huabei", BuyNowPayLater, 64_210),
        (at(2023, 4, 15, 9, 0, 5), Repayment, "jiebei", CashLine, 45_833),
        (at(2023, 4, 20, 12, 12, 12), Repayment, "mybank", CashLine, 35_000),
        (at(2023, 4, 25, 21, 5, 0), Repayment, "card-ccb", CreditCard, 150_000),
    ]
}

/// The credit rows of a bill in the same form, oldest first; with `to_minute`, seconds dropped.
fn credit_rows(bill: &Bill, to_minute: bool) -> Vec<(chrono::NaiveDateTime, RowKind, String, AccountKind, i64)> {
    let mut rows: Vec<_> = bill
        .rows
        .iter()
        .map(|r| {
            let at = if to_minute { minute(r.at) } else { r.at };
            (at, r.kind, r.account_hint.clone(), r.account_kind, r.amount.fen())
        })
        .collect();
    rows.sort_by_key(|r| r.0);
    rows
}

fn minute(at: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    use chrono::Timelike;
    at.with_second(0).unwrap_or(at)
}

fn expected(to_minute: bool) -> Vec<(chrono::NaiveDateTime, RowKind, String, AccountKind, i64)> {
    alipay_q1_expected()
        .into_iter()
        .map(|(at, kind, hint, account_kind, fen)| {
            (if to_minute { minute(at) } else { at }, kind, hint.into(), account_kind, fen)
        })
        .collect()
}

fn read(name: &str) -> Bill {
    read_bill(name, &fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn committed_fixtures_are_up_to_date() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    for (name, bytes) in generated() {
        let path = import_support::dir().join(name);
        if update {
            std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        assert!(
            std::fs::read(&path).ok() == Some(bytes),
            "{name} differs from its generator; run with UPDATE_FIXTURES=1"
        );
    }
}

#[test]
fn the_alipay_gbk_export_reads_to_its_credit_rows() {
    let bill = read("alipay-2023-01-04.csv");
    assert_eq!(bill.source, BillSource::Alipay);
    assert_eq!(bill.format, BillFormat::Csv { encoding: "GBK/GB18030" });
    assert_eq!(bill.header_line, 24);
    assert_eq!(bill.rows_read, 28);
    assert_eq!(credit_rows(&bill, false), expected(false));
    let ignored: Vec<(IgnoreReason, usize)> = bill.ignored_by_reason();
    use IgnoreReason::*;
    assert_eq!(ignored, vec![(NotCredit, 9), (Refund, 2), (NotCompleted, 3), (NeutralTransfer, 3)]);
    let refund = bill.ignored.iter().find(|r| r.reason == Refund && r.description.contains("退款-"));
    assert_eq!(refund.map(|r| (r.at, r.amount.fen())), Some((at(2023, 1, 12, 21, 15, 2), 5_900)));
    // Lines point at the file: the header is line 24 and the newest row comes first.
    let newest = bill.rows.iter().max_by_key(|r| r.at).map(|r| r.line);
    assert_eq!(newest, Some(26));
    let draw = bill.rows.iter().find(|r| r.kind == RowKind::Draw && r.account_hint == "jiebei");
    let draw = draw.unwrap_or_else(|| panic!("no 借呗 draw"));
    assert_eq!(draw.lender, "蚂蚁借呗");
    assert_eq!(draw.record_id, format!("alipay-{}", draw.order_id));
    assert_eq!(draw.order_id.len(), 28, "the order number without padding or tab: {:?}", draw.order_id);
}

#[test]
fn a_resaved_copy_reads_the_same_rows() {
    let bill = read("alipay-resaved-utf8.csv");
    assert_eq!(bill.format, BillFormat::Csv { encoding: "UTF-8" });
    assert_eq!(credit_rows(&bill, true), expected(true));
    let original = read("alipay-2023-01-04.csv");
    let ids = |b: &Bill| {
        let mut ids: Vec<String> = b.rows.iter().map(|r| r.record_id.clone()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&bill), ids(&original), "order numbers survive re-saving, so re-imports are recognised");
    assert_eq!(bill.ignored.len(), original.ignored.len());
}

#[test]
fn preamble_length_column_order_delimiter_and_line_ends_do_not_matter() {
    let text = source("alipay-2023-01-04.txt");
    let (preamble, table) = text.split_at(text.find("交易时间").unwrap_or(0));
    let orders: [&[usize]; 3] = [
        &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        &[9, 6, 5, 0, 4, 2, 1, 8, 3, 7, 10, 11, 12],
        &[12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    let preambles = [
        String::new(),
        preamble.lines().take(3).map(|l| format!("{l}\n")).collect(),
        format!("{preamble}{}", "附加说明：无\n".repeat(40)),
    ];
    let mut variants = 0;
    for order in orders {
        for pre in &preambles {
            for (delimiter, line_end) in [(",", "\n"), ("\t", "\r\n"), (",", "\r")] {
                let table: String = table
                    .lines()
                    .map(|line| {
                        // A tab-separated copy cannot keep the tab after the order number.
                        let cells: Vec<&str> = line.split(',').map(|c| c.trim_end_matches('\t')).collect();
                        let moved: Vec<&str> = order.iter().map(|i| cells.get(*i).copied().unwrap_or("")).collect();
                        format!("{}{line_end}", moved.join(delimiter))
                    })
                    .collect();
                let pre = pre.replace('\n', line_end);
                let bytes = import_support::alipay_bytes(&format!("{pre}{table}"));
                let bill = read_bill("variant.csv", &bytes).unwrap_or_else(|e| panic!("{order:?} {delimiter:?}: {e}"));
                assert_eq!(credit_rows(&bill, false), expected(false), "{order:?} {delimiter:?} {}", pre.len());
                assert_eq!(bill.rows_read, 28);
                variants += 1;
            }
        }
    }
    assert_eq!(variants, 27);
}

#[test]
fn the_wechat_csv_and_xlsx_read_the_same_credit_rows() {
    use AccountKind::*;
    use RowKind::*;
    let expected = vec![
        (at(2023, 1, 8, 10, 20, 30), Draw, "weilidai".to_string(), CashLine, 300_000),
        (at(2023, 2, 8, 8, 0, 5), Repayment, "weilidai".into(), CashLine, 31_500),
        (at(2023, 2, 20, 21, 1, 0), Repayment, "card-ccb".into(), CreditCard, 180_000),
        (at(2023, 3, 8, 8, 0, 2), Repayment, "weilidai".into(), CashLine, 31_500),
        (at(2023, 3, 22, 22, 10, 0), Repayment, "card-cmb".into(), CreditCard, 265_050),
        (at(2023, 4, 2, 20, 0, 0), Repayment, "jd-baitiao".into(), BuyNowPayLater, 42_000),
        (at(2023, 4, 8, 8, 0, 4), Repayment, "weilidai".into(), CashLine, 31_500),
    ];
    let csv = read("wechat-2023-01-04.csv");
    let xlsx = read("wechat-2023-01-04.xlsx");
    assert_eq!((csv.source, xlsx.source), (BillSource::WeChatPay, BillSource::WeChatPay));
    assert_eq!(xlsx.format, BillFormat::Spreadsheet);
    assert_eq!(credit_rows(&csv, false), expected);
    assert_eq!(credit_rows(&xlsx, false), expected);
    assert_eq!((csv.rows_read, xlsx.rows_read), (20, 20));
    use IgnoreReason::*;
    let reasons = vec![(NotCredit, 7), (Refund, 1), (NotCompleted, 1), (NeutralTransfer, 4)];
    assert_eq!((csv.ignored_by_reason(), xlsx.ignored_by_reason()), (reasons.clone(), reasons));
    let ids = |b: &Bill| b.rows.iter().map(|r| r.record_id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&csv), ids(&xlsx));
    assert!(ids(&csv).iter().all(|id| id.starts_with("wechat-42000")), "{:?}", ids(&csv));
}

#[test]
fn broken_files_are_refused_with_file_line_and_problem() {
    let cases: Vec<(&str, Vec<u8>, ImportError)> = vec![
        (
            "alipay-old-web.csv",
            fixture("alipay-old-web.csv"),
            ImportError::OldAlipayFormat { file: "alipay-old-web.csv".into(), at: Loc::line(5) },
        ),
        (
            "alipay-truncated.csv",
            fixture("alipay-truncated.csv"),
            ImportError::CutOff { file: "alipay-truncated.csv".into(), at: Loc::line(52), found: 4, expected: 13 },
        ),
        ("garbage.bin", fixture("garbage.bin"), ImportError::NotText { file: "garbage.bin".into(), at: Loc::line(1) }),
        ("empty.csv", Vec::new(), ImportError::Empty { file: "empty.csv".into() }),
        (
            "notes.txt",
            "购物清单\n牛奶,面包\n".as_bytes().to_vec(),
            ImportError::NoHeader { file: "notes.txt".into(), searched: 2 },
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(read_bill(name, &bytes).err(), Some(expected), "{name}");
    }
}

#[test]
fn a_bad_cell_is_named_by_line_column_and_value() {
    let text = source("alipay-2023-01-04.txt");
    let cases = [
        ("2023-03-15 09:00:09 ,", "2023-13-15 09:00:09 ,", "交易时间", "2023-13-15 09:00:09"),
        ("不计收支 ,458.33 ,余额宝 ,交易成功 ,", "不计收支 ,四百五 ,余额宝 ,交易成功 ,", "金额", "四百五"),
    ];
    for (from, to, column, value) in cases {
        let broken = text.replacen(from, to, 1);
        let line = broken.lines().position(|l| l.contains(to)).map(|i| i + 1).unwrap_or(0);
        let error = read_bill("bill.csv", &import_support::alipay_bytes(&broken)).err();
        let Some(ImportError::BadCell { file, at, column: got_column, value: got_value, .. }) = &error else {
            panic!("{error:?}")
        };
        assert_eq!((file.as_str(), *at, *got_column, got_value.as_str()), ("bill.csv", Loc::line(line), column, value));
        let message = error.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.starts_with(&format!("bill.csv: line {line}: {column} \"{value}\" is not")), "{message}");
    }
}

#[test]
fn structural_problems_are_explained() {
    let text = source("alipay-2023-01-04.txt");
    let no_order = text.replacen("交易订单号,", "订单,", 1);
    let error = read_bill("a.csv", &import_support::alipay_bytes(&no_order)).err();
    assert_eq!(
        error,
        Some(ImportError::MissingColumn {
            file: "a.csv".into(),
            at: Loc::line(24),
            app: "Alipay",
            column: "交易订单号"
        })
    );
    let open_quote = text.replacen("兰州拉面(科技园店) ,", "\"兰州拉面(科技园店) ,", 1);
    let error = read_bill("a.csv", &import_support::alipay_bytes(&open_quote)).err();
    assert!(matches!(error, Some(ImportError::UnclosedQuote { at, .. }) if at.number > 24), "{error:?}");
    let short = text.replacen("2023-02-15 09:00:12 ,信用借还 ,蚂蚁借呗 ,", "2023-02-15 09:00:12 ,信用借还\n", 1);
    let error = read_bill("a.csv", &import_support::alipay_bytes(&short)).err();
    assert!(
        matches!(error, Some(ImportError::ShortRow { found: 2, column: "交易订单号", needed: 10, .. })),
        "{error:?}"
    );
}

#[test]
fn mangled_order_numbers_fall_back_to_time_and_amount() {
    // A spreadsheet showed the order numbers as 2.02302E+27 and saved them that way.
    let text = String::from_utf8(import_support::resaved(&source("alipay-2023-01-04.txt"))).unwrap_or_default();
    let mangled: String = text
        .lines()
        .map(|line| {
            let cells: Vec<String> = line.split(',').map(String::from).collect();
            if cells.len() > 9 && cells[9].starts_with("\"2023") {
                format!("{},\"2.02302E+27\",{}\n", cells[..9].join(","), cells[10..].join(","))
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    let bill = read_bill("m.csv", mangled.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(credit_rows(&bill, true), expected(true));
    let ids: Vec<&str> = bill.rows.iter().map(|r| r.record_id.as_str()).collect();
    assert!(ids.contains(&"alipay-t202301151432-500000"), "{ids:?}");
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "made-up ids are unique within the bill");
}

#[test]
fn progress_is_reported_up_to_the_total() {
    let mut calls = Vec::new();
    let bill = read_bill_with_progress("a.csv", &fixture("alipay-2023-01-04.csv"), &mut |done, total| {
        calls.push((done, total))
    });
    assert!(bill.is_ok());
    assert_eq!(calls.first(), Some(&(0, 28)));
    assert_eq!(calls.last(), Some(&(28, 28)));
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
}

#[test]
fn amounts_keep_their_fen() {
    let bill = read("wechat-2023-01-04.csv");
    let card = bill.rows.iter().find(|r| r.account_hint == "card-cmb").map(|r| r.amount);
    assert_eq!(card, Some(Money::from_fen(265_050)));
}

#[test]
fn a_last_line_without_a_line_end_is_read_when_it_is_whole() {
    // Re-saved, trailing empty cells dropped, no final newline: the last row is complete.
    let resaved = import_support::resaved(&source("alipay-2023-01-04.txt"));
    let text = String::from_utf8(resaved).unwrap_or_default();
    let bill = read_bill("a.csv", text.trim_end().as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(credit_rows(&bill, true), expected(true));
    assert_eq!(bill.rows_read, 28);
}
