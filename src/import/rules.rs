//! The matching rules: which rows are borrowing or repaying, on which line, and why every other
//! row is left out. They are data (`assets/import/rules.ron`, embedded), so a new wording or a
//! new lender is a one-line change there, not here.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::{AccountKind, Percent, RepayMethod};

use super::bill::DrawDefaults;
use super::error::ImportError;

/// The rules shipped with the app.
const BUILT_IN: &str = include_str!("../../assets/import/rules.ron");

/// Every list of words the import matches rows with.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportRules {
    /// Categories (交易分类/交易类型) that always mean borrowing or repaying.
    pub credit_categories: Vec<String>,
    /// Words that make a credit row a repayment (checked first).
    pub repayment_words: Vec<String>,
    /// Words that make a credit row a draw.
    pub draw_words: Vec<String>,
    /// Status words of rows that did not complete.
    pub incomplete_words: Vec<String>,
    /// Status or description words of refunds.
    pub refund_words: Vec<String>,
    /// Words of moves between the person's own pockets.
    pub neutral_words: Vec<String>,
    /// 收/支 values meaning neither income nor expense.
    pub neutral_directions: Vec<String>,
    /// 收/支 values meaning money came in.
    pub income_directions: Vec<String>,
    /// 收/支 values meaning money went out.
    pub expense_directions: Vec<String>,
    /// Lines and loans known by name, first match wins.
    pub lines: Vec<LineRule>,
    /// Credit-card repayments.
    pub cards: CardRule,
    /// Loans from platforms not in `lines`.
    pub other_loans: OtherLoanRule,
}

/// A credit line or loan known by name.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineRule {
    /// The id a new account gets.
    pub id: String,
    /// The lender's name for a new account.
    pub lender: String,
    /// The kind of account.
    pub kind: AccountKind,
    /// Words that name it in a row (and in an existing account's lender name).
    pub words: Vec<String>,
    /// False for lines only repaid here (花呗): spending with them is not a loan draw.
    #[serde(default = "yes")]
    pub draws: bool,
    /// The term a draw gets.
    pub term_months: u32,
    /// The repay method a draw gets.
    pub repay: RepayMethod,
    /// The daily rate a draw gets, where one is typical.
    #[serde(default)]
    pub daily_rate_pct: Option<Percent>,
}

fn yes() -> bool {
    true
}

/// Credit cards: one account per bank.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardRule {
    /// Words that make a row a card row.
    pub words: Vec<String>,
    /// Prefix of the account id (`card-` + the bank's id).
    pub id_prefix: String,
    /// Appended to the bank's name for the lender (`招商银行` + `信用卡`).
    pub lender_suffix: String,
    /// The bank's name when the row names none.
    pub unknown_bank: String,
    /// Banks known by name.
    pub banks: Vec<BankRule>,
}

/// A bank that issues cards.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankRule {
    /// A short ASCII id for account ids.
    pub id: String,
    /// Its usual name.
    pub name: String,
    /// Other names rows and people use.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Loans from platforms not listed by name.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherLoanRule {
    /// Words that, with a draw or repayment word, make a row a loan row.
    pub words: Vec<String>,
    /// Prefix of the account id (`loan-` + the counterparty).
    pub id_prefix: String,
    /// The lender's name when the row has no counterparty.
    pub unknown_lender: String,
    /// The kind of account.
    pub kind: AccountKind,
    /// The term a draw gets.
    pub term_months: u32,
    /// The repay method a draw gets.
    pub repay: RepayMethod,
}

impl ImportRules {
    /// Reads rules from RON text, checking what the format cannot (terms, ids, empty word lists).
    pub fn from_ron(text: &str) -> Result<ImportRules, ImportError> {
        let rules: ImportRules = crate::domain::file::ron_options().from_str(text).map_err(|error| {
            ImportError::Rules(format!("{}:{}: {}", error.span.start.line, error.span.start.col, error.code))
        })?;
        rules.check()?;
        Ok(rules)
    }

    /// The rules shipped with the app, read once.
    pub fn built_in() -> Result<&'static ImportRules, ImportError> {
        static RULES: OnceLock<Result<ImportRules, ImportError>> = OnceLock::new();
        RULES.get_or_init(|| ImportRules::from_ron(BUILT_IN)).as_ref().map_err(Clone::clone)
    }

    fn check(&self) -> Result<(), ImportError> {
        let bad = |what: String| Err(ImportError::Rules(what));
        for line in &self.lines {
            if line.id.trim().is_empty() || line.words.iter().all(|w| w.trim().is_empty()) {
                return bad(format!("the line \"{}\" needs an id and at least one word", line.lender));
            }
            if line.term_months < 1 {
                return bad(format!("the line \"{}\" has a term of 0 months; at least 1", line.id));
            }
        }
        if self.other_loans.term_months < 1 {
            return bad("other_loans has a term of 0 months; at least 1".into());
        }
        let lists = [&self.repayment_words, &self.draw_words, &self.cards.words, &self.other_loans.words];
        if lists.iter().any(|words| words.iter().any(|w| w.is_empty())) {
            return bad("a word list holds an empty word, which would match every row".into());
        }
        Ok(())
    }

    pub(crate) fn defaults_of(line: &LineRule) -> DrawDefaults {
        DrawDefaults { term_months: line.term_months, repay: line.repay, daily_rate_pct: line.daily_rate_pct }
    }
}

/// True when any word of `words` is in `text`.
pub(crate) fn mentions(text: &str, words: &[String]) -> bool {
    words.iter().any(|word| text.contains(word.as_str()))
}

/// True when `value` (trimmed) is one of `values`.
pub(crate) fn is_one_of(value: &str, values: &[String]) -> bool {
    let value = value.trim();
    values.iter().any(|v| v == value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_rules_load() {
        let rules = ImportRules::built_in();
        assert!(rules.is_ok(), "{rules:?}");
        let jiebei = rules.ok().and_then(|r| r.lines.iter().find(|l| l.id == "jiebei"));
        assert_eq!(jiebei.map(|l| (l.term_months, l.repay)), Some((12, RepayMethod::EqualInstallments)));
    }

    #[test]
    fn bad_rules_are_refused_with_a_reason() {
        let broken = BUILT_IN.replacen("term_months: 12", "term_months: 0", 1);
        assert!(matches!(ImportRules::from_ron(&broken), Err(ImportError::Rules(m)) if m.contains("0 months")));
        let typo = BUILT_IN.replacen("    draw_words:", "    draw_wrds:", 1);
        assert!(matches!(ImportRules::from_ron(&typo), Err(ImportError::Rules(_))));
    }
}
