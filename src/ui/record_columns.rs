//! The columns of each records table: headings, cell text and sort keys.

use crate::app::edit::RecordKind;
use crate::domain::{DataFile, Lang, Money};
use crate::ui::i18n;

/// A column heading in both languages; `numeric` columns align right.
pub struct Column {
    /// Chinese heading.
    pub zh: &'static str,
    /// English heading.
    pub en: &'static str,
    /// Right-aligned numbers.
    pub numeric: bool,
}

const fn col(zh: &'static str, en: &'static str, numeric: bool) -> Column {
    Column { zh, en, numeric }
}

const ID: Column = col("编号", "Id", false);
const ACCOUNT: Column = col("账户", "Account", false);
const AMOUNT: Column = col("金额 (元)", "Amount (¥)", true);

/// The columns of `kind`.
pub fn columns(kind: RecordKind) -> &'static [Column] {
    match kind {
        RecordKind::Accounts => {
            const {
                &[
                    ID,
                    col("机构", "Lender", false),
                    col("类型", "Kind", false),
                    col("开户日", "Opened", false),
                    col("额度 (元)", "Limit (¥)", true),
                    col("销户日", "Closed", false),
                ]
            }
        }
        RecordKind::Draws => {
            const {
                &[
                    ID,
                    ACCOUNT,
                    col("借款时间", "Drawn at", false),
                    AMOUNT,
                    col("期数 (月)", "Term (months)", true),
                    col("还款方式", "Repayment", false),
                    col("日利率 %", "Daily rate %", true),
                ]
            }
        }
        RecordKind::Statements => {
            const {
                &[
                    ID,
                    ACCOUNT,
                    col("账单日", "Closing", false),
                    col("到期还款日", "Due", false),
                    col("账单金额 (元)", "Balance (¥)", true),
                    col("最低还款 (元)", "Minimum (¥)", true),
                ]
            }
        }
        RecordKind::Repayments => {
            const { &[ID, ACCOUNT, col("借款", "Draw", false), col("还款时间", "Paid at", false), AMOUNT] }
        }
        RecordKind::ObservedLimits => {
            const { &[ID, ACCOUNT, col("日期", "Seen on", false), col("额度 (元)", "Limit (¥)", true)] }
        }
        RecordKind::Inquiries => {
            const { &[ID, col("日期", "Date", false), col("查询机构", "By", false), col("原因", "Purpose", false)] }
        }
        RecordKind::Events => {
            const { &[ID, col("时间", "At", false), col("类型", "Kind", false), col("备注", "Note", false)] }
        }
    }
}

/// A value to sort by.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    /// Numbers (fen, months, units).
    Number(i64),
    /// Text, dates written as ISO text.
    Text(String),
}

fn money(value: Money) -> String {
    value.display_yuan().replace('¥', "")
}

fn opt_money(value: Option<Money>) -> String {
    value.map(money).unwrap_or_default()
}

/// The text of one cell.
pub fn cell(lang: Lang, data: &DataFile, kind: RecordKind, index: usize, column: usize) -> String {
    let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let time = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
    match kind {
        RecordKind::Accounts => data.accounts.get(index).map(|r| match column {
            0 => r.id.clone(),
            1 => r.lender.clone(),
            2 => i18n::account_kind_name(lang, r.kind).to_string(),
            3 => date(r.opened),
            4 => opt_money(r.limit),
            _ => r.closed.map(date).unwrap_or_default(),
        }),
        RecordKind::Draws => data.draws.get(index).map(|r| match column {
            0 => r.id.clone(),
            1 => r.account.clone(),
            2 => time(r.at),
            3 => money(r.amount),
            4 => r.term_months.to_string(),
            5 => i18n::repay_name(lang, r.repay).to_string(),
            _ => r.daily_rate_pct.map(|p| p.to_string()).unwrap_or_default(),
        }),
        RecordKind::Statements => data.statements.get(index).map(|r| match column {
            0 => r.id.clone(),
            1 => r.account.clone(),
            2 => date(r.closing),
            3 => date(r.due),
            4 => money(r.balance),
            _ => money(r.minimum),
        }),
        RecordKind::Repayments => data.repayments.get(index).map(|r| match column {
            0 => r.id.clone(),
            1 => r.account.clone(),
            2 => r.draw.clone().unwrap_or_default(),
            3 => time(r.at),
            _ => money(r.amount),
        }),
        RecordKind::ObservedLimits => data.observed_limits.get(index).map(|r| match column {
            0 => r.id.clone(),
            1 => r.account.clone(),
            2 => date(r.on),
            _ => money(r.limit),
        }),
        RecordKind::Inquiries => data.inquiries.get(index).map(|r| match column {
            0 => r.id.clone(),
            1 => date(r.on),
            2 => r.by.clone(),
            _ => i18n::purpose_name(lang, r.purpose).to_string(),
        }),
        RecordKind::Events => data.events.get(index).map(|r| match column {
            0 => r.id.clone(),
            1 => time(r.at),
            2 => i18n::event_kind_name(lang, r.kind).to_string(),
            _ => r.note.clone().unwrap_or_default(),
        }),
    }
    .unwrap_or_default()
}

/// The value of a cell to sort by (money and counts as numbers).
pub fn sort_key(lang: Lang, data: &DataFile, kind: RecordKind, index: usize, column: usize) -> SortKey {
    let number = match (kind, column) {
        (RecordKind::Accounts, 4) => data.accounts.get(index).map(|r| r.limit.map_or(-1, Money::fen)),
        (RecordKind::Draws, 3) => data.draws.get(index).map(|r| r.amount.fen()),
        (RecordKind::Draws, 4) => data.draws.get(index).map(|r| i64::from(r.term_months)),
        (RecordKind::Draws, 6) => data.draws.get(index).map(|r| r.daily_rate_pct.map_or(-1, |p| p.units())),
        (RecordKind::Statements, 4) => data.statements.get(index).map(|r| r.balance.fen()),
        (RecordKind::Statements, 5) => data.statements.get(index).map(|r| r.minimum.fen()),
        (RecordKind::Repayments, 4) => data.repayments.get(index).map(|r| r.amount.fen()),
        (RecordKind::ObservedLimits, 3) => data.observed_limits.get(index).map(|r| r.limit.fen()),
        _ => None,
    };
    match number {
        Some(n) => SortKey::Number(n),
        None => SortKey::Text(cell(lang, data, kind, index, column)),
    }
}

/// The order of the rows of `kind` sorted by `column` (stable, so ties keep file order).
pub fn sorted_rows(lang: Lang, data: &DataFile, kind: RecordKind, column: usize, ascending: bool) -> Vec<usize> {
    let mut keyed: Vec<(SortKey, usize)> =
        (0..kind.count(data)).map(|i| (sort_key(lang, data, kind, i, column), i)).collect();
    keyed.sort_by(|a, b| {
        let order = a.0.cmp(&b.0);
        if ascending { order } else { order.reverse() }
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// A one-line description of a record, for evidence lists: its date and what it is.
pub fn summary(lang: Lang, data: &DataFile, kind: RecordKind, index: usize) -> (String, String) {
    let cells = |cols: &[usize]| cols.iter().map(|c| cell(lang, data, kind, index, *c)).collect::<Vec<_>>().join(" · ");
    let (date_col, rest): (usize, &[usize]) = match kind {
        RecordKind::Accounts => (3, &[1, 2]),
        RecordKind::Draws => (2, &[1, 3, 5]),
        RecordKind::Statements => (3, &[1, 4, 5]),
        RecordKind::Repayments => (3, &[1, 4]),
        RecordKind::ObservedLimits => (2, &[1, 3]),
        RecordKind::Inquiries => (1, &[2, 3]),
        RecordKind::Events => (1, &[2, 3]),
    };
    let what = format!("{} {} · {}", i18n::kind_singular(lang, kind), cell(lang, data, kind, index, 0), cells(rest));
    (cell(lang, data, kind, index, date_col), what)
}
