//! The engine: pure evaluation of a person's records under a rule set.
//!
//! records + rules + as-of date → features → score (per factor) → the limit's simulated history
//! → status → ranked reasons with evidence and dated next steps → monthly timeline.
//! No clock, no file system, no UI: the date comes in as a parameter.

pub mod index;
pub mod ledger;
pub mod reason_code;
pub mod rules;
pub mod score;
pub mod sweep;
pub mod whatif;

pub use reason_code::{Effect, ReasonCode};
pub use rules::{Rules, RulesError};
pub mod explain;
pub mod features;
pub mod limit;
pub mod reasons;

pub use explain::{DueView, Explanation, MonthPoint, Status, WaterfallStep, explain, waterfall};
pub use reasons::Reason;
pub mod render;

pub use render::explain_command;
pub use whatif::{Action, Plan, Projection, plan, project};
