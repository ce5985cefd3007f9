//! The rule set as data: every weight, threshold, limit rule and reason text the engine uses.
//!
//! The built-in rules are `assets/rules/default.ron`, embedded in the binary; a person can load
//! their own file instead. A rules file is checked on load: steps ascend, percentages are
//! percentages, and every reason code has its texts in both languages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::{Money, Text};

use super::reason_code::ReasonCode;

/// The built-in rules file.
pub const DEFAULT_RULES: &str = include_str!("../../assets/rules/default.ron");

/// A step table: a value gets the points of the last step whose threshold it reaches.
/// Thresholds ascend; a value below the first threshold gets the first step's points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Steps(pub Vec<(i64, i64)>);

impl Steps {
    /// The points for `value`.
    pub fn lookup(&self, value: i64) -> i64 {
        let mut points = self.0.first().map_or(0, |s| s.1);
        for (threshold, step_points) in &self.0 {
            if value >= *threshold {
                points = *step_points;
            } else {
                break;
            }
        }
        points
    }

    fn check(&self, name: &str, errors: &mut Vec<String>) {
        if self.0.is_empty() {
            errors.push(format!("{name}: needs at least one step"));
        }
        if self.0.windows(2).any(|w| w[0].0 >= w[1].0) {
            errors.push(format!("{name}: thresholds must ascend strictly"));
        }
    }
}

/// The score scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    /// Lowest score (Zhima-like scales start at 350).
    pub min: i64,
    /// Highest score (950).
    pub max: i64,
}

/// How payment history earns and loses points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentHistory {
    /// The most points this factor gives.
    pub max_points: i64,
    /// Points with no repayment record at all.
    pub neutral_points: i64,
    /// On-time payments in the lookback that earn the full points.
    pub full_confidence_items: i64,
    /// Months of payments counted towards confidence.
    pub lookback_months: u32,
    /// Days after a due date a payment still counts as on time (宽限期).
    pub grace_days: i64,
    /// A shortfall up to this percent of the instalment is not an overdue.
    pub tolerance_pct: i64,
    /// A shortfall up to this amount is not an overdue.
    pub tolerance_min: Money,
    /// Points lost for an overdue, by its worst days past due.
    pub severity: Steps,
    /// Percent of that loss still counted, by whole months since the overdue ended.
    pub recency_pct: Steps,
    /// Years a negative record stays on the credit report after it ends (征信 art. 16: five).
    pub bureau_years: u32,
    /// The highest score while anything is overdue.
    pub current_overdue_score_cap: i64,
}

/// How debt and card use earn points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AmountsOwed {
    /// Points by card utilisation percent.
    pub utilisation: Steps,
    /// Points when no card with a limit is open.
    pub no_cards_points: i64,
    /// Points by monthly debt service as percent of income.
    pub debt_to_income: Steps,
    /// Points when income is unknown and there is debt.
    pub income_unknown_points: i64,
    /// Percent of a card balance counted as its monthly payment.
    pub card_service_pct: i64,
}

/// Points for how long the record is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryLength {
    /// Points by months since the record began.
    pub months: Steps,
}

/// Points for recent applications for credit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewCredit {
    /// Months of inquiries counted.
    pub window_months: u32,
    /// Points by the number of loan and card approval inquiries in the window.
    pub inquiries: Steps,
}

/// Points for how the person borrows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BorrowingPattern {
    /// The most points this factor gives.
    pub max_points: i64,
    /// Months in which a lender counts when drawn on, besides lenders still owed.
    pub lender_window_months: u32,
    /// Points lost by the number of lenders owed or drawn on (多头借贷).
    pub lenders_penalty: Steps,
    /// A draw at or below this is small.
    pub small_draw_max: Money,
    /// Days in which small draws are counted.
    pub small_draw_window_days: i64,
    /// This many small draws in the window is frequent.
    pub small_draw_count: i64,
    /// Points lost for frequent small draws.
    pub small_draw_penalty: i64,
    /// A draw at or above this is large.
    pub large_draw_min: Money,
    /// Off hours start at this hour (inclusive)…
    pub off_hours_from: u32,
    /// …and end at this hour (exclusive), across midnight.
    pub off_hours_to: u32,
    /// Days in which off-hours large draws are counted.
    pub off_hours_window_days: i64,
    /// Points lost for off-hours large draws.
    pub off_hours_penalty: i64,
}

/// Points for identity, income, backup assets and account security.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// Points for completed identity verification.
    pub verified_points: i64,
    /// Points for a stated income.
    pub income_points: i64,
    /// Points by liquid assets in whole yuan.
    pub assets_yuan: Steps,
    /// Points when no security event happened in the window.
    pub secure_points: i64,
    /// Days in which security events count.
    pub security_window_days: i64,
    /// Device changes in the window that count as an anomaly (an abnormal login always does).
    pub device_changes: i64,
}

/// The score's factors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Factors {
    /// Payment history.
    pub payment_history: PaymentHistory,
    /// Amounts owed.
    pub amounts_owed: AmountsOwed,
    /// Length of history.
    pub history_length: HistoryLength,
    /// New credit.
    pub new_credit: NewCredit,
    /// Borrowing pattern.
    pub borrowing_pattern: BorrowingPattern,
    /// Identity and stability.
    pub identity: Identity,
}

/// Thresholds at which reasons apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// Months of record below which a person is new…
    pub new_user_months: i64,
    /// …unless they already have this many on-time payments.
    pub new_user_items: i64,
    /// Months of record below which the history is short.
    pub short_history_months: i64,
    /// Months of record from which the history is long.
    pub long_history_months: i64,
    /// Utilisation percent from which it is high.
    pub high_utilisation_pct: i64,
    /// Utilisation percent up to which it is low.
    pub low_utilisation_pct: i64,
    /// Lenders from which borrowing counts as many (多头).
    pub many_lenders: i64,
    /// Approval inquiries in the new-credit window from which they are many.
    pub many_inquiries: i64,
    /// Debt service percent of income above which new credit is blocked.
    pub debt_block_pct: i64,
    /// Debt service percent of income above which the limit is lowered.
    pub debt_lower_pct: i64,
    /// Debt service percent of income up to which income is steady and ample.
    pub steady_income_pct: i64,
    /// Consecutive on-time payments that make a streak.
    pub on_time_streak: i64,
    /// Months without a draw after which a line is unused (and half again, after which it is cut).
    pub unused_months: i64,
    /// Days past due from which a past overdue also lowers the limit, not only holds it.
    pub recent_overdue_lowers_days: i64,
}

/// How the limit of the explained line is set and moved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LimitRules {
    /// A line is first granted from this score.
    pub entry_score: i64,
    /// A granted line is withdrawn below this score.
    pub exit_score: i64,
    /// The first limit by score.
    pub first_limit: Steps,
    /// The limit the score supports, by score (whole yuan).
    pub band_limit: Steps,
    /// Months between reviews; increases happen only at reviews.
    pub review_months: u32,
    /// The largest step up at one review, percent of the current limit…
    pub max_step_pct: i64,
    /// …but at least this much.
    pub min_step: Money,
    /// Limits are whole multiples of this.
    pub rounding: Money,
    /// The product's maximum.
    pub product_cap: Money,
    /// The cap while the history is short.
    pub short_history_cap: Money,
    /// Income supports this many months of income as limit…
    pub income_multiple: i64,
    /// …plus this percent of liquid assets…
    pub assets_pct: i64,
    /// …less what is owed elsewhere.
    pub subtract_other_debt: bool,
    /// Months after an overdue ends in which the limit does not rise.
    pub overdue_cooldown_months: u32,
    /// Percent cut when a line frozen for overdue is restored.
    pub overdue_cut_pct: i64,
    /// Months a cash-out flag freezes the line.
    pub cash_out_freeze_months: u32,
    /// Months a fraud flag freezes the line.
    pub fraud_freeze_months: u32,
    /// Percent cut at a security anomaly.
    pub security_cut_pct: i64,
    /// Percent cut at a review of an unused line.
    pub unused_cut_pct: i64,
    /// Percent the supported limit keeps under each lowering reason.
    pub lowering_keep_pct: BTreeMap<ReasonCode, i64>,
    /// An observed limit this percent below the model's is a drop the record does not explain.
    pub outside_gap_pct: i64,
}

/// The texts of one reason code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReasonTexts {
    /// A short phrase for the headline.
    pub short: Text,
    /// The full message; `{name}` placeholders are filled from the evidence.
    pub message: Text,
    /// What to do, and by when.
    pub next_step: Text,
    /// The rule behind it, in words.
    pub rule: Text,
    /// Texts for the other way round, for a code that can go either way (`outside_factors`:
    /// a limit seen above what the record supports, rather than below).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_way: Option<Box<ReasonTexts>>,
}

/// The headline phrases by status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Headlines {
    /// Limit is zero.
    pub zero: Text,
    /// Limit is falling.
    pub falling: Text,
    /// Limit is stuck.
    pub stuck: Text,
    /// Limit is rising.
    pub rising: Text,
}

/// A whole rule set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    /// A name shown where the rules are chosen.
    pub name: String,
    /// The score scale.
    pub scale: Scale,
    /// The score's factors.
    pub factors: Factors,
    /// When reasons apply.
    pub thresholds: Thresholds,
    /// How the limit moves.
    pub limit: LimitRules,
    /// Factor names by factor id.
    pub factor_names: BTreeMap<String, Text>,
    /// Headlines by status.
    pub headlines: Headlines,
    /// Texts by reason code.
    pub reasons: BTreeMap<ReasonCode, ReasonTexts>,
}

/// Why a rules file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    /// Not valid RON or not the rule format.
    #[error("{line}:{column}: {message}")]
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Parsed, but the values do not make a usable rule set.
    #[error("{}", .0.join("; "))]
    Invalid(Vec<String>),
}

impl Rules {
    /// The built-in rules.
    #[allow(clippy::expect_used)]
    pub fn default_rules() -> Rules {
        // The embedded file is part of the build and checked by the test `default_rules_load`;
        // a broken one is a build defect, not bad input, so failing loudly here is right.
        Rules::from_ron(DEFAULT_RULES).expect("the built-in rules file assets/rules/default.ron is valid")
    }

    /// Reads and checks a rules file.
    pub fn from_ron(text: &str) -> Result<Rules, RulesError> {
        let rules: Rules = crate::domain::file::ron_options().from_str(text).map_err(|e| RulesError::Syntax {
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        let errors = rules.problems();
        if errors.is_empty() { Ok(rules) } else { Err(RulesError::Invalid(errors)) }
    }

    /// The rules as RON text.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
    }

    /// Everything wrong with the values, empty when usable.
    pub fn problems(&self) -> Vec<String> {
        let mut errors = Vec::new();
        if self.scale.min >= self.scale.max {
            errors.push("scale: min must be below max".to_string());
        }
        let f = &self.factors;
        for (name, steps) in [
            ("payment_history.severity", &f.payment_history.severity),
            ("payment_history.recency_pct", &f.payment_history.recency_pct),
            ("amounts_owed.utilisation", &f.amounts_owed.utilisation),
            ("amounts_owed.debt_to_income", &f.amounts_owed.debt_to_income),
            ("history_length.months", &f.history_length.months),
            ("new_credit.inquiries", &f.new_credit.inquiries),
            ("borrowing_pattern.lenders_penalty", &f.borrowing_pattern.lenders_penalty),
            ("identity.assets_yuan", &f.identity.assets_yuan),
            ("limit.first_limit", &self.limit.first_limit),
            ("limit.band_limit", &self.limit.band_limit),
        ] {
            steps.check(name, &mut errors);
        }
        if self.factor_max_total() != self.scale.max - self.scale.min {
            errors.push(format!(
                "the factors' maximum points add up to {}, but the scale spans {}",
                self.factor_max_total(),
                self.scale.max - self.scale.min
            ));
        }
        for code in ReasonCode::ALL {
            match self.reasons.get(&code) {
                None => errors.push(format!("reasons: no texts for `{}`", code.as_str())),
                Some(t) => {
                    for (way, t) in [("", t)].into_iter().chain(t.other_way.as_deref().map(|o| (".other_way", o))) {
                        for (part, text) in [("short", &t.short), ("message", &t.message), ("next_step", &t.next_step)]
                        {
                            if text.zh.trim().is_empty() || text.en.trim().is_empty() {
                                errors.push(format!("reasons.{}{way}.{part}: needs both zh and en", code.as_str()));
                            }
                        }
                    }
                }
            }
        }
        for id in super::score::FACTOR_IDS {
            if !self.factor_names.contains_key(id) {
                errors.push(format!("factor_names: no name for `{id}`"));
            }
        }
        let pcts = [
            ("limit.max_step_pct", self.limit.max_step_pct),
            ("limit.overdue_cut_pct", self.limit.overdue_cut_pct),
            ("limit.security_cut_pct", self.limit.security_cut_pct),
            ("limit.unused_cut_pct", self.limit.unused_cut_pct),
            ("limit.outside_gap_pct", self.limit.outside_gap_pct),
        ];
        for (name, value) in
            pcts.into_iter().chain(self.limit.lowering_keep_pct.values().map(|v| ("limit.lowering_keep_pct", *v)))
        {
            if !(0..=100).contains(&value) {
                errors.push(format!("{name}: {value} is not a percentage from 0 to 100"));
            }
        }
        if self.limit.review_months == 0 {
            errors.push("limit.review_months: must be at least 1".to_string());
        }
        if self.limit.rounding.fen() <= 0 {
            errors.push("limit.rounding: must be above zero".to_string());
        }
        errors
    }

    /// The sum of every factor's maximum points.
    pub fn factor_max_total(&self) -> i64 {
        super::score::factor_max_points(self).iter().sum()
    }

    /// The texts for a code (every code has texts once the rules are checked).
    pub fn texts(&self, code: ReasonCode) -> ReasonTexts {
        self.reasons.get(&code).cloned().unwrap_or_else(|| ReasonTexts {
            short: Text::new(code.as_str(), code.as_str()),
            message: Text::new(code.as_str(), code.as_str()),
            next_step: Text::default(),
            rule: Text::default(),
            other_way: None,
        })
    }

    /// The name of a factor.
    pub fn factor_name(&self, id: &str) -> Text {
        self.factor_names.get(id).cloned().unwrap_or_else(|| Text::new(id, id))
    }
}
