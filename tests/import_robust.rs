//! Whatever bytes arrive, reading never panics: random bytes, every fixture cut at random
//! places, fixtures with random bytes changed, and the plan and merge of whatever does read
//! still validates.

mod import_support;

use credit_health::domain::{AccountKind, validate};
use credit_health::import::{apply_merge, plan_merge, read_bill};
use import_support::{account, data_with, day, generated};
use proptest::prelude::*;

/// The readable fixtures, as seeds for mutation.
fn seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = generated().into_iter().map(|(_, bytes)| bytes).collect();
    seeds.push(import_support::fixture("wechat-2023-01-04.csv"));
    seeds
}

/// Reads, and when that works, plans and applies against typed data: the result must validate.
fn read_and_merge(bytes: &[u8]) {
    if let Ok(bill) = read_bill("fuzz.csv", bytes) {
        let data = data_with(vec![account("jiebei", "蚂蚁借呗", AccountKind::CashLine, day(2015, 1, 1))]);
        let merged = apply_merge(&data, &plan_merge(&data, &bill));
        assert_eq!(validate(&merged), vec![]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        read_and_merge(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "[交易时间收/支金额,\"\t\r\n 0-9:-¥.借呗还款信用借还支出收入]{0,600}") {
        let header = "交易时间,交易分类,交易对方,商品说明,收/支,金额,交易状态,交易订单号\n";
        read_and_merge(format!("{header}{text}").as_bytes());
    }

    #[test]
    fn fixtures_cut_anywhere_never_panic(which in 0usize..8, cut in any::<prop::sample::Index>()) {
        let seeds = seeds();
        let bytes = &seeds[which % seeds.len()];
        read_and_merge(&bytes[..cut.index(bytes.len() + 1)]);
    }

    #[test]
    fn fixtures_with_bytes_changed_never_panic(
        which in 0usize..8,
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let seeds = seeds();
        let mut bytes = seeds[which % seeds.len()].clone();
        for (at, value) in changes {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        read_and_merge(&bytes);
    }
}

#[test]
fn a_cut_file_is_an_error_or_a_shorter_bill_never_a_wrong_row() {
    // Cut at every line end: either the rows before the cut, or a cut-off error; no row changes.
    let whole = import_support::fixture("alipay-2023-01-04.csv");
    let full = read_bill("a.csv", &whole).unwrap_or_else(|e| panic!("{e}"));
    for (i, _) in whole.iter().enumerate().filter(|(_, b)| **b == b'\n') {
        if let Ok(bill) = read_bill("a.csv", &whole[..=i]) {
            assert!(bill.rows.iter().all(|row| full.rows.contains(row)), "cut after byte {i}");
        }
    }
}
