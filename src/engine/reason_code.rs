//! The stable reason codes and their effects.

use serde::{Deserialize, Serialize};

/// A stable reason code (see PRODUCT.md, "Statuses and reasons").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum ReasonCode {
    NoHistory,
    ScoreBelowEntry,
    CurrentOverdue,
    FrozenViolation,
    IdentityUnverified,
    DebtOverCapacity,
    RecentOverdue,
    HighUtilisation,
    ManyLenders,
    ManyInquiries,
    FrequentSmallDraws,
    OffHoursLargeDraws,
    UnusedLine,
    ShortHistory,
    IncomeCapacity,
    ProductCap,
    SecurityAnomaly,
    ReviewPending,
    OutsideFactors,
    OnTimeStreak,
    LongHistory,
    LowUtilisation,
    SteadyIncome,
}

impl ReasonCode {
    /// Every code.
    pub const ALL: [ReasonCode; 23] = [
        ReasonCode::NoHistory,
        ReasonCode::ScoreBelowEntry,
        ReasonCode::CurrentOverdue,
        ReasonCode::FrozenViolation,
        ReasonCode::IdentityUnverified,
        ReasonCode::DebtOverCapacity,
        ReasonCode::RecentOverdue,
        ReasonCode::HighUtilisation,
        ReasonCode::ManyLenders,
        ReasonCode::ManyInquiries,
        ReasonCode::FrequentSmallDraws,
        ReasonCode::OffHoursLargeDraws,
        ReasonCode::UnusedLine,
        ReasonCode::ShortHistory,
        ReasonCode::IncomeCapacity,
        ReasonCode::ProductCap,
        ReasonCode::SecurityAnomaly,
        ReasonCode::ReviewPending,
        ReasonCode::OutsideFactors,
        ReasonCode::OnTimeStreak,
        ReasonCode::LongHistory,
        ReasonCode::LowUtilisation,
        ReasonCode::SteadyIncome,
    ];

    /// The code as written in files and JSON (`current_overdue`).
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonCode::NoHistory => "no_history",
            ReasonCode::ScoreBelowEntry => "score_below_entry",
            ReasonCode::CurrentOverdue => "current_overdue",
            ReasonCode::FrozenViolation => "frozen_violation",
            ReasonCode::IdentityUnverified => "identity_unverified",
            ReasonCode::DebtOverCapacity => "debt_over_capacity",
            ReasonCode::RecentOverdue => "recent_overdue",
            ReasonCode::HighUtilisation => "high_utilisation",
            ReasonCode::ManyLenders => "many_lenders",
            ReasonCode::ManyInquiries => "many_inquiries",
            ReasonCode::FrequentSmallDraws => "frequent_small_draws",
            ReasonCode::OffHoursLargeDraws => "off_hours_large_draws",
            ReasonCode::UnusedLine => "unused_line",
            ReasonCode::ShortHistory => "short_history",
            ReasonCode::IncomeCapacity => "income_capacity",
            ReasonCode::ProductCap => "product_cap",
            ReasonCode::SecurityAnomaly => "security_anomaly",
            ReasonCode::ReviewPending => "review_pending",
            ReasonCode::OutsideFactors => "outside_factors",
            ReasonCode::OnTimeStreak => "on_time_streak",
            ReasonCode::LongHistory => "long_history",
            ReasonCode::LowUtilisation => "low_utilisation",
            ReasonCode::SteadyIncome => "steady_income",
        }
    }
}

/// What a reason does to the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Keeps the limit at zero.
    Blocks,
    /// Pulls the limit down.
    Lowers,
    /// Keeps the limit from rising.
    Holds,
    /// Helps the limit rise.
    Raises,
}

impl Effect {
    /// As written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Blocks => "blocks",
            Effect::Lowers => "lowers",
            Effect::Holds => "holds",
            Effect::Raises => "raises",
        }
    }
}
