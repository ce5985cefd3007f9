//! Import budget: an Alipay export of 100,000 rows (GBK, generated in memory) is read, planned
//! and applied in at most 1 s in release. Prints the median of several runs for each phase.
//!
//! Run: `cargo bench --bench import`.

use std::time::{Duration, Instant};

use credit_health::domain::{Account, AccountKind, DataFile, validate};
use credit_health::import::{ImportSummary, apply_merge, plan_merge, read_bill};

const ROWS: usize = 100_000;
const RUNS: usize = 7;
const BUDGET: Duration = Duration::from_secs(1);

fn main() {
    let bytes = export(ROWS);
    let data = person();
    let mut read_times = Vec::new();
    let mut plan_times = Vec::new();
    let mut apply_times = Vec::new();
    let mut totals = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let bill = match read_bill("bench.csv", &bytes) {
            Ok(bill) => bill,
            Err(error) => {
                eprintln!("the generated export does not read: {error}");
                std::process::exit(1);
            }
        };
        let read = start.elapsed();
        let plan = plan_merge(&data, &bill);
        let planned = start.elapsed();
        let merged = apply_merge(&data, &plan);
        let total = start.elapsed();
        read_times.push(read);
        plan_times.push(planned - read);
        apply_times.push(total - planned);
        totals.push(total);
        last = Some((plan, merged));
    }
    let Some((plan, merged)) = last else { return };
    let problems = validate(&merged);
    println!("{}", ImportSummary::of(&plan));
    println!(
        "import of {ROWS} rows ({:.1} MB GBK): read {:?}, plan {:?}, apply {:?}; total median {:?} (budget {BUDGET:?}), {} problems after merge",
        bytes.len() as f64 / 1e6,
        median(&mut read_times),
        median(&mut plan_times),
        median(&mut apply_times),
        median(&mut totals),
        problems.len()
    );
    if median(&mut totals) > BUDGET || !problems.is_empty() {
        eprintln!("over budget or invalid result");
        std::process::exit(1);
    }
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn person() -> DataFile {
    let opened = chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap_or_default();
    let mut data = DataFile::empty(opened, "jiebei");
    data.accounts.push(Account {
        id: "jiebei".into(),
        lender: "蚂蚁借呗".into(),
        kind: AccountKind::CashLine,
        opened,
        limit: None,
        closed: None,
        imported_until: None,
    });
    data
}

/// An export of `rows` rows over about ten years: mostly spending and own-money moves, one
/// row in five about credit, as a heavy user's would be.
fn export(rows: usize) -> Vec<u8> {
    let mut text = String::from(
        "------------------------------------------------------------------------------------\n导出信息：\n\
         起始时间：[2014-01-01 00:00:00]    终止时间：[2023-12-31 23:59:59]\n特别提示：\n1.仅供测试。\n\
         ----------电子客户回单----------\n\
         交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,\n",
    );
    let start = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).and_then(|d| d.and_hms_opt(8, 0, 0)).unwrap_or_default();
    let kinds: [(&str, &str, &str, &str, &str); 10] = [
        ("餐饮美食", "某餐厅", "午餐", "支出", "交易成功"),
        ("信用借还", "蚂蚁借呗", "借呗还款", "不计收支", "交易成功"),
        ("日用百货", "某超市", "超市购物", "支出", "交易成功"),
        ("投资理财", "余额宝", "余额宝-自动转入", "不计收支", "交易成功"),
        ("信用借还", "花呗", "主动还款-花呗账单", "不计收支", "还款成功"),
        ("交通出行", "滴滴出行", "快车", "支出", "交易成功"),
        ("转账红包", "朋友", "转账", "支出", "交易成功"),
        ("退款", "某超市", "退款-超市购物", "收入", "退款成功"),
        ("信用借还", "网商银行", "网商贷-借款放款", "不计收支", "交易成功"),
        ("餐饮美食", "某咖啡", "拿铁", "支出", "交易关闭"),
    ];
    for i in 0..rows {
        let at = start + chrono::Duration::minutes(i as i64 * 53);
        let (category, party, description, direction, status) = kinds[i % kinds.len()];
        let amount = 100 + (i * 7_919) % 500_000;
        text.push_str(&format!(
            "{} ,{category} ,{party} , ,{description} ,{direction} ,{}.{:02} ,余额宝 ,{status} ,{}{:012}\t,T{i:018}\t,,\n",
            at.format("%Y-%m-%d %H:%M:%S"),
            amount / 100,
            amount % 100,
            at.format("%Y%m%d"),
            i
        ));
    }
    let crlf = text.replace('\n', "\r\n");
    encoding_rs::GBK.encode(&crlf).0.into_owned()
}
