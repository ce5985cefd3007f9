//! What reading a bill export gives: the credit rows found, and every other row with the reason
//! it was left out. Nothing here is in the person's data yet; see [`super::merge`] for that.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::{AccountKind, Lang, Money, Percent, RepayMethod};

/// Which app exported the bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BillSource {
    /// 支付宝 "交易明细".
    Alipay,
    /// 微信支付 "账单明细".
    WeChatPay,
}

impl BillSource {
    /// The prefix of the ids given to records imported from this source (`alipay-<order>`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            BillSource::Alipay => "alipay",
            BillSource::WeChatPay => "wechat",
        }
    }

    /// The app's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (BillSource::Alipay, Lang::Zh) => "支付宝",
            (BillSource::Alipay, Lang::En) => "Alipay",
            (BillSource::WeChatPay, Lang::Zh) => "微信支付",
            (BillSource::WeChatPay, Lang::En) => "WeChat Pay",
        }
    }
}

/// How the bill was stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BillFormat {
    /// Delimited text, with the encoding it was read in (`"UTF-8"`, `"GB18030"`, `"UTF-16LE"`).
    Csv {
        /// The text encoding that was detected.
        encoding: &'static str,
    },
    /// A spreadsheet (first sheet).
    Spreadsheet,
}

impl fmt::Display for BillFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BillFormat::Csv { encoding } => write!(f, "CSV, {encoding}"),
            BillFormat::Spreadsheet => f.write_str("spreadsheet"),
        }
    }
}

/// Whether money was borrowed or paid back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// Money borrowed from a line.
    Draw,
    /// Money paid back to a line, card or loan.
    Repayment,
}

/// The term and repay method a draw gets when the export does not say (it never does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DrawDefaults {
    /// Months to repay.
    pub term_months: u32,
    /// How it is repaid.
    pub repay: RepayMethod,
    /// Daily rate in percent, when the rules know one.
    pub daily_rate_pct: Option<Percent>,
}

/// One credit row of the export.
#[derive(Clone, Debug, PartialEq)]
pub struct BillRow {
    /// Where it is in the file: the line (CSV) or row (spreadsheet), from 1.
    pub line: usize,
    /// When it happened (the export's local time).
    pub at: NaiveDateTime,
    /// Draw or repayment.
    pub kind: RowKind,
    /// The lender as the account should name it (`蚂蚁借呗`, `招商银行信用卡`).
    pub lender: String,
    /// What kind of credit the lender's account is.
    pub account_kind: AccountKind,
    /// The id a new account for this lender gets (`jiebei`, `card-cmb`); see [`Bill::lenders`].
    pub account_hint: String,
    /// How much moved (always above zero).
    pub amount: Money,
    /// The export's order number (交易订单号/交易单号), trimmed; empty when it had none.
    pub order_id: String,
    /// The id the imported record gets: `alipay-<order>`, or one made from time and amount when
    /// the order number is missing or was mangled by a spreadsheet.
    pub record_id: String,
    /// The counterparty and description, for people.
    pub description: String,
}

/// Why a row was not imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IgnoreReason {
    /// Spending, income, red packets, transfers to people: not borrowing or repaying.
    NotCredit,
    /// Money that came back.
    Refund,
    /// Closed, failed, waiting: nothing moved.
    NotCompleted,
    /// Money moved between the person's own pockets (余额宝, 零钱通, top-ups, withdrawals).
    NeutralTransfer,
    /// A credit row that says neither borrowing nor repaying.
    UnclearCredit,
    /// A credit row of zero yuan.
    ZeroAmount,
}

impl IgnoreReason {
    /// Every reason, in the order summaries list them.
    pub const ALL: [IgnoreReason; 6] = [
        IgnoreReason::NotCredit,
        IgnoreReason::Refund,
        IgnoreReason::NotCompleted,
        IgnoreReason::NeutralTransfer,
        IgnoreReason::UnclearCredit,
        IgnoreReason::ZeroAmount,
    ];

    /// A stable code for tests and tools.
    pub fn code(self) -> &'static str {
        match self {
            IgnoreReason::NotCredit => "not_credit",
            IgnoreReason::Refund => "refund",
            IgnoreReason::NotCompleted => "not_completed",
            IgnoreReason::NeutralTransfer => "neutral_transfer",
            IgnoreReason::UnclearCredit => "unclear_credit",
            IgnoreReason::ZeroAmount => "zero_amount",
        }
    }

    /// A short label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IgnoreReason::NotCredit, Lang::Zh) => "非借贷",
            (IgnoreReason::NotCredit, Lang::En) => "not credit",
            (IgnoreReason::Refund, Lang::Zh) => "退款",
            (IgnoreReason::Refund, Lang::En) => "refund",
            (IgnoreReason::NotCompleted, Lang::Zh) => "未完成",
            (IgnoreReason::NotCompleted, Lang::En) => "not completed",
            (IgnoreReason::NeutralTransfer, Lang::Zh) => "自有资金转移",
            (IgnoreReason::NeutralTransfer, Lang::En) => "own-money move",
            (IgnoreReason::UnclearCredit, Lang::Zh) => "借还方向不明",
            (IgnoreReason::UnclearCredit, Lang::En) => "credit, direction unclear",
            (IgnoreReason::ZeroAmount, Lang::Zh) => "金额为零",
            (IgnoreReason::ZeroAmount, Lang::En) => "zero amount",
        }
    }
}

/// A row that was read and left out, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredRow {
    /// Where it is in the file, from 1.
    pub line: usize,
    /// When it happened.
    pub at: NaiveDateTime,
    /// How much moved (always zero or more; 收/支 is not kept).
    pub amount: Money,
    /// Why it was left out.
    pub reason: IgnoreReason,
    /// The counterparty and description, for people.
    pub description: String,
}

/// A lender seen in the bill, with what the rules say about it (used to match or create accounts).
#[derive(Clone, Debug, PartialEq)]
pub struct BillLender {
    /// The id a new account gets (`jiebei`, `card-cmb`, `loan-某消费金融`).
    pub account_hint: String,
    /// The lender's name for a new account.
    pub lender: String,
    /// The kind of account.
    pub kind: AccountKind,
    /// Words that, found in an existing account's lender name, mean it is this lender's account.
    pub match_words: Vec<String>,
    /// What draws on it get for term and method.
    pub defaults: DrawDefaults,
}

/// A bill export, read: its credit rows and its other rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Bill {
    /// The file's name, for messages.
    pub file_name: String,
    /// Which app exported it.
    pub source: BillSource,
    /// How it was stored.
    pub format: BillFormat,
    /// The header's line (CSV) or row (spreadsheet), from 1.
    pub header_line: usize,
    /// How many data rows the table had.
    pub rows_read: usize,
    /// The credit rows, in file order.
    pub rows: Vec<BillRow>,
    /// Every other row, in file order.
    pub ignored: Vec<IgnoredRow>,
    /// The lenders the credit rows name, once each.
    pub lenders: Vec<BillLender>,
    /// The last day the export covers: the end of the range its preamble states (终止时间), else
    /// the day of its latest row; `None` for an export with no rows and no stated range.
    pub covered_until: Option<NaiveDate>,
}

impl Bill {
    /// The lender entry for an account hint.
    pub fn lender(&self, account_hint: &str) -> Option<&BillLender> {
        self.lenders.iter().find(|l| l.account_hint == account_hint)
    }

    /// How many rows were ignored for each reason, in [`IgnoreReason::ALL`] order, zeros left out.
    pub fn ignored_by_reason(&self) -> Vec<(IgnoreReason, usize)> {
        IgnoreReason::ALL
            .iter()
            .map(|reason| (*reason, self.ignored.iter().filter(|row| row.reason == *reason).count()))
            .filter(|(_, count)| *count > 0)
            .collect()
    }
}
