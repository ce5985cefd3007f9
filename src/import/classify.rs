//! Deciding what one row is: a draw or repayment on which lender, or left out and why.
//!
//! The order matters and is the same for both apps: a row that did not complete moved no money;
//! a refund moved money back; only then is it looked at as credit (known lines first, then
//! cards, then other loans); what is left is an own-money move or not credit at all.

use chrono::NaiveDateTime;

use crate::domain::{AccountKind, Money};

use super::bill::{BillLender, DrawDefaults, IgnoreReason, RowKind};
use super::rules::{ImportRules, is_one_of, mentions};

/// The cells of one data row that classification needs, trimmed.
pub(crate) struct RawRow<'a> {
    pub at: NaiveDateTime,
    pub category: &'a str,
    pub counterparty: &'a str,
    pub description: &'a str,
    pub direction: &'a str,
    pub amount: Money,
    pub status: &'a str,
}

/// What a row turned out to be.
pub(crate) enum Outcome {
    /// Borrowing or repaying on this lender.
    Credit { kind: RowKind, lender: BillLender },
    /// Left out, and why.
    Ignored(IgnoreReason),
}

/// Classifies one row; `text` is scratch space, reused between rows.
pub(crate) fn classify(row: &RawRow<'_>, rules: &ImportRules, text: &mut String) -> Outcome {
    text.clear();
    for (i, part) in [row.category, row.counterparty, row.description].into_iter().enumerate() {
        if i > 0 {
            text.push('|');
        }
        text.push_str(part);
    }
    let text = text.as_str();
    if mentions(row.status, &rules.incomplete_words) {
        return Outcome::Ignored(IgnoreReason::NotCompleted);
    }
    if mentions(row.status, &rules.refund_words) || mentions(text, &rules.refund_words) {
        return Outcome::Ignored(IgnoreReason::Refund);
    }
    if let Some(outcome) = credit(row, text, rules) {
        return outcome;
    }
    if mentions(text, &rules.neutral_words) || is_one_of(row.direction, &rules.neutral_directions) {
        return Outcome::Ignored(IgnoreReason::NeutralTransfer);
    }
    Outcome::Ignored(IgnoreReason::NotCredit)
}

/// The credit reading of a row, or `None` when it is not about credit.
fn credit(row: &RawRow<'_>, text: &str, rules: &ImportRules) -> Option<Outcome> {
    let credit_category = rules.credit_categories.iter().any(|c| row.category.contains(c.as_str()));
    let worded = direction_by_words(text, rules);
    // A lender's name alone is not enough: "花呗分期免息" on a shop's item is spending. It needs
    // a credit category or a word that says borrowing or repaying.
    if !credit_category && worded.is_none() {
        return None;
    }
    let (lender, draws_allowed) = lender_of(row, text, rules, credit_category)?;
    let kind = worded.or_else(|| direction_by_sign(row.direction, rules));
    let outcome = match kind {
        None => Outcome::Ignored(IgnoreReason::UnclearCredit),
        Some(RowKind::Draw) if !draws_allowed => Outcome::Ignored(IgnoreReason::NotCredit),
        Some(_) if !row.amount.is_positive() => Outcome::Ignored(IgnoreReason::ZeroAmount),
        Some(kind) => Outcome::Credit { kind, lender },
    };
    Some(outcome)
}

fn direction_by_words(text: &str, rules: &ImportRules) -> Option<RowKind> {
    if mentions(text, &rules.repayment_words) {
        Some(RowKind::Repayment)
    } else if mentions(text, &rules.draw_words) {
        Some(RowKind::Draw)
    } else {
        None
    }
}

/// Money in on a credit line is a draw; money out is a repayment.
fn direction_by_sign(direction: &str, rules: &ImportRules) -> Option<RowKind> {
    if is_one_of(direction, &rules.income_directions) {
        Some(RowKind::Draw)
    } else if is_one_of(direction, &rules.expense_directions) {
        Some(RowKind::Repayment)
    } else {
        None
    }
}

/// The lender a credit row is about, and whether draws on it are loans.
fn lender_of(row: &RawRow<'_>, text: &str, rules: &ImportRules, credit_category: bool) -> Option<(BillLender, bool)> {
    if let Some(line) = rules.lines.iter().find(|line| mentions(text, &line.words)) {
        let lender = BillLender {
            account_hint: line.id.clone(),
            lender: line.lender.clone(),
            kind: line.kind,
            match_words: line.words.clone(),
            defaults: ImportRules::defaults_of(line),
        };
        return Some((lender, line.draws));
    }
    if mentions(text, &rules.cards.words) {
        return Some((card_lender(text, rules), false));
    }
    if credit_category || mentions(text, &rules.other_loans.words) {
        return Some((other_lender(row.counterparty, rules), true));
    }
    None
}

fn card_lender(text: &str, rules: &ImportRules) -> BillLender {
    let cards = &rules.cards;
    let known = cards.banks.iter().find(|bank| text.contains(bank.name.as_str()) || mentions(text, &bank.aliases));
    let (id, name, match_words) = match known {
        Some(bank) => {
            let mut words = vec![bank.name.clone()];
            words.extend(bank.aliases.iter().cloned());
            (bank.id.clone(), bank.name.clone(), words)
        }
        None => {
            let name = bank_named_in(text).unwrap_or_else(|| cards.unknown_bank.clone());
            (name.clone(), name.clone(), vec![name])
        }
    };
    BillLender {
        account_hint: format!("{}{id}", cards.id_prefix),
        lender: format!("{name}{}", cards.lender_suffix),
        kind: AccountKind::CreditCard,
        match_words,
        // Cards are not drawn on here; the defaults are never used but keep the type simple.
        defaults: DrawDefaults { term_months: 1, repay: crate::domain::RepayMethod::Bullet, daily_rate_pct: None },
    }
}

/// `某某银行` in text such as `某某银行信用卡还款`: the characters before `银行`, up to a separator.
fn bank_named_in(text: &str) -> Option<String> {
    let end = text.find("银行")?;
    let start = text[..end].rfind(['|', ' ', '-', '(', '（']).map_or(0, |i| i + 1);
    let name = &text[start..end];
    if name.is_empty() { None } else { Some(format!("{name}银行")) }
}

fn other_lender(counterparty: &str, rules: &ImportRules) -> BillLender {
    let loans = &rules.other_loans;
    let name = match counterparty.trim() {
        "" | "/" => loans.unknown_lender.clone(),
        name => name.to_string(),
    };
    BillLender {
        account_hint: format!("{}{name}", loans.id_prefix),
        lender: name.clone(),
        kind: loans.kind,
        match_words: vec![name],
        defaults: DrawDefaults { term_months: loans.term_months, repay: loans.repay, daily_rate_pct: None },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// (category, counterparty, description, 收/支, status) → expected (kind, account hint) or reason.
    #[test]
    fn rows_are_told_apart() {
        type Cells = (&'static str, &'static str, &'static str, &'static str, &'static str);
        type Expected = Result<(RowKind, &'static str), IgnoreReason>;
        let cases: Vec<(Cells, Expected)> = vec![
            (("信用借还", "蚂蚁借呗", "借呗还款", "不计收支", "交易成功"), Ok((RowKind::Repayment, "jiebei"))),
            (("信用借还", "蚂蚁借呗", "借呗借款-放款到余额", "不计收支", "交易成功"), Ok((RowKind::Draw, "jiebei"))),
            (
                ("信用借还", "花呗", "主动还款-花呗2023年02月账单", "不计收支", "还款成功"),
                Ok((RowKind::Repayment, "huabei")),
            ),
            (("信用借还", "招商银行", "信用卡还款", "不计收支", "还款成功"), Ok((RowKind::Repayment, "card-cmb"))),
            (("信用卡还款", "建设银行信用卡还款", "/", "/", "支付成功"), Ok((RowKind::Repayment, "card-ccb"))),
            (("信用卡还款", "宁波银行信用卡还款", "/", "/", "支付成功"), Ok((RowKind::Repayment, "card-宁波银行"))),
            (("商户消费", "微粒贷", "微粒贷还款", "支出", "支付成功"), Ok((RowKind::Repayment, "weilidai"))),
            (
                ("信用借还", "某某消费金融", "分期还款", "支出", "交易成功"),
                Ok((RowKind::Repayment, "loan-某某消费金融")),
            ),
            (("信用借还", "网商银行", "网商贷", "收入", "交易成功"), Ok((RowKind::Draw, "mybank"))),
            (("信用借还", "蚂蚁借呗", "借呗还款", "不计收支", "交易关闭"), Err(IgnoreReason::NotCompleted)),
            (("信用借还", "蚂蚁借呗", "借呗", "不计收支", "交易成功"), Err(IgnoreReason::UnclearCredit)),
            (("数码电器", "某旗舰店", "花呗分期免息 手机", "支出", "交易成功"), Err(IgnoreReason::NotCredit)),
            (("信用借还", "花呗", "花呗借款", "收入", "交易成功"), Err(IgnoreReason::NotCredit)),
            (("餐饮美食", "某餐厅", "午餐", "支出", "退款成功"), Err(IgnoreReason::Refund)),
            (("投资理财", "余额宝", "余额宝-转出到余额", "不计收支", "交易成功"), Err(IgnoreReason::NeutralTransfer)),
            (("零钱提现", "招商银行(1234)", "/", "/", "提现已到账"), Err(IgnoreReason::NeutralTransfer)),
            (("微信红包", "小李", "/", "收入", "已存入零钱"), Err(IgnoreReason::NotCredit)),
            (("转账", "小李", "转账备注:还钱", "支出", "对方已收钱"), Err(IgnoreReason::NotCredit)),
        ];
        let rules = ImportRules::built_in().ok();
        let Some(rules) = rules else { panic!("the built-in rules do not load") };
        for ((category, counterparty, description, direction, status), expected) in cases {
            let row = RawRow {
                at: NaiveDate::from_ymd_opt(2023, 2, 10).and_then(|d| d.and_hms_opt(9, 5, 0)).unwrap_or_default(),
                category,
                counterparty,
                description,
                direction,
                amount: Money::from_yuan(100),
                status,
            };
            let got = match classify(&row, rules, &mut String::new()) {
                Outcome::Credit { kind, lender } => Ok((kind, lender.account_hint)),
                Outcome::Ignored(reason) => Err(reason),
            };
            assert_eq!(got, expected.map(|(kind, hint)| (kind, hint.to_string())), "{description}");
        }
    }
}
