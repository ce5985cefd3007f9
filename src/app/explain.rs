//! The app's door to the engine: the explanation the views show, and the rules it runs.
//!
//! Interim: until `engine` is on main, these are the shapes the engine promises (see the issue)
//! and [`explain`] answers `None`, which the views show as "no estimate in this build" — never a
//! made-up result. Switching over is re-exporting the engine's types and calling it.

use chrono::NaiveDate;

use crate::domain::{DataFile, Money, Text};

/// The status of the explained line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// The limit is zero.
    Zero,
    /// The limit fell in the last 90 days.
    Falling,
    /// Not raised in the last 180 days.
    Stuck,
    /// Raised in the last 180 days.
    Rising,
}

/// What a reason does to the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// One scoring factor's points.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorScore {
    /// Stable id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Points earned.
    pub points: i32,
    /// Points possible.
    pub max_points: i32,
}

/// One reason for the limit, with the records behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// Stable code (`current_overdue`).
    pub code: String,
    /// What it does.
    pub effect: Effect,
    /// Its weight in score points.
    pub points: i32,
    /// Its weight in money, where it has one.
    pub money: Option<Money>,
    /// What it means.
    pub message: Text,
    /// The ids of the records behind it.
    pub evidence: Vec<String>,
    /// What to do.
    pub next_step: Text,
    /// When the next step can be taken or takes effect.
    pub next_step_on: Option<NaiveDate>,
    /// When it stops counting.
    pub until: Option<NaiveDate>,
    /// The rule that fired.
    pub rule: Text,
}

/// One month of the history.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthPoint {
    /// The month (its first day).
    pub month: NaiveDate,
    /// The score then.
    pub score: i32,
    /// The estimated limit then.
    pub limit: Money,
    /// The latest observed limit then, if any.
    pub observed: Option<Money>,
    /// The status then.
    pub status: Status,
    /// Points per factor then, in the order of [`Explanation::factors`].
    pub factor_points: Vec<i32>,
}

/// The whole answer for one date.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The date explained.
    pub as_of: NaiveDate,
    /// The score.
    pub score: i32,
    /// The lowest possible score.
    pub score_min: i32,
    /// The highest possible score.
    pub score_max: i32,
    /// Points per factor.
    pub factors: Vec<FactorScore>,
    /// The estimated limit.
    pub limit: Money,
    /// The latest observed limit, if recorded.
    pub observed_limit: Option<Money>,
    /// The status.
    pub status: Status,
    /// The answer in one sentence.
    pub headline: Text,
    /// Ranked reasons.
    pub reasons: Vec<Reason>,
    /// Monthly history.
    pub timeline: Vec<MonthPoint>,
}

/// A rule set: the built-in one or a person's own RON file.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    /// Where it came from, for the settings view.
    pub origin: Option<std::path::PathBuf>,
}

impl Rules {
    /// The built-in rules.
    pub fn default_rules() -> Rules {
        Rules::default()
    }

    /// Rules from a RON text. Interim: no engine, so no rule format to check against.
    pub fn from_ron(_text: &str) -> Result<Rules, String> {
        Err("this build has no scoring engine yet, so custom rules cannot be read".to_string())
    }
}

/// True when this build can explain (the engine is present).
pub const HAS_ENGINE: bool = false;

/// Explains `data` as of `as_of` under `rules`; `None` when this build has no engine.
pub fn explain(_data: &DataFile, _rules: &Rules, _as_of: NaiveDate) -> Option<Explanation> {
    None
}
