//! The score: a sum of factor points on the rules' scale, each factor from a point table.
//!
//! score = scale.min + Σ factor points, where every factor's points lie in 0..=its maximum and
//! the maxima add up to the span of the scale (checked when rules load). The split follows
//! FICO's published weights loosely (payment history, amounts owed, length of history, new
//! credit) and Zhima Credit's identity and behaviour dimensions.

use serde::Serialize;

use super::features::Measure;
use super::rules::{Rules, Steps};

/// Factor ids, in the order they are shown.
pub const FACTOR_IDS: [&str; 6] =
    ["payment_history", "amounts_owed", "history_length", "new_credit", "borrowing_pattern", "identity"];

/// One factor's points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactorScore {
    /// The factor id.
    pub id: &'static str,
    /// Points earned.
    pub points: i64,
    /// The most it can earn.
    pub max_points: i64,
}

/// A score with its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// The score on the scale.
    pub total: i64,
    /// Points by factor, in [`FACTOR_IDS`] order.
    pub factors: Vec<FactorScore>,
}

impl Score {
    /// Points lost in a factor (its maximum less its points).
    pub fn lost(&self, id: &str) -> i64 {
        self.factors.iter().find(|f| f.id == id).map_or(0, |f| f.max_points - f.points)
    }
}

fn max_of(steps: &Steps) -> i64 {
    steps.0.iter().map(|s| s.1).max().unwrap_or(0)
}

/// Each factor's maximum, in [`FACTOR_IDS`] order.
pub fn factor_max_points(rules: &Rules) -> [i64; 6] {
    let f = &rules.factors;
    [
        f.payment_history.max_points,
        max_of(&f.amounts_owed.utilisation) + max_of(&f.amounts_owed.debt_to_income),
        max_of(&f.history_length.months),
        max_of(&f.new_credit.inquiries),
        f.borrowing_pattern.max_points,
        f.identity.verified_points
            + f.identity.income_points
            + max_of(&f.identity.assets_yuan)
            + f.identity.secure_points,
    ]
}

/// Points for utilisation, and for debt service against income.
pub fn amounts_owed_parts(features: &Measure, rules: &Rules) -> (i64, i64) {
    let owed = &rules.factors.amounts_owed;
    let utilisation = features.utilisation_pct.map_or(owed.no_cards_points, |pct| owed.utilisation.lookup(pct));
    let dti = match features.debt_to_income_pct {
        Some(pct) => owed.debt_to_income.lookup(pct),
        None => owed.income_unknown_points,
    };
    (utilisation, dti)
}

/// Points lost in the borrowing pattern: (lenders, small draws, off-hours draws).
pub fn pattern_penalties(features: &Measure, rules: &Rules) -> (i64, i64, i64) {
    let p = &rules.factors.borrowing_pattern;
    let lenders = p.lenders_penalty.lookup(features.lender_count);
    let small = if features.small_draw_count >= p.small_draw_count { p.small_draw_penalty } else { 0 };
    let off_hours = if features.off_hours_count == 0 { 0 } else { p.off_hours_penalty };
    (lenders, small, off_hours)
}

/// Scores the features.
pub fn score(features: &Measure, rules: &Rules, liquid_assets_yuan: i64, income_stated: bool) -> Score {
    let f = &rules.factors;
    let maxima = factor_max_points(rules);
    let ph = &f.payment_history;
    let confidence = features.on_time_items.min(ph.full_confidence_items.max(1));
    let base = ph.neutral_points + (ph.max_points - ph.neutral_points) * confidence / ph.full_confidence_items.max(1);
    let penalty = features.overdue_penalty;
    let payment = base - penalty;

    let (utilisation, dti) = amounts_owed_parts(features, rules);
    let history = f.history_length.months.lookup(features.record_months);
    let new_credit = f.new_credit.inquiries.lookup(features.inquiry_count);
    let (lenders, small, off_hours) = pattern_penalties(features, rules);
    let pattern = f.borrowing_pattern.max_points - lenders - small - off_hours;
    let id = &f.identity;
    let identity = if features.identity_verified { id.verified_points } else { 0 }
        + if income_stated { id.income_points } else { 0 }
        + id.assets_yuan.lookup(liquid_assets_yuan)
        + if features.security_anomaly { 0 } else { id.secure_points };

    let raw = [payment, utilisation + dti, history, new_credit, pattern, identity];
    let factors: Vec<FactorScore> = FACTOR_IDS
        .iter()
        .zip(raw.iter().zip(maxima.iter()))
        .map(|(id, (points, max))| FactorScore { id, points: (*points).clamp(0, *max), max_points: *max })
        .collect();
    let mut total =
        (rules.scale.min + factors.iter().map(|f| f.points).sum::<i64>()).clamp(rules.scale.min, rules.scale.max);
    if features.open_overdues > 0 {
        total = total.min(ph.current_overdue_score_cap.max(rules.scale.min));
    }
    Score { total, factors }
}
