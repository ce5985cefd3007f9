//! Validation of a whole data file in one pass: every problem is collected, none stops the rest.
//!
//! Each problem carries a stable code, the list and record it is about, the field, and a
//! sentence that says what would be valid (like rustledger's validator errors).

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::file::parse_data_file;
use super::records::DataFile;
use super::source_map;

/// A line and column in a file (both from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The kind of a problem, with a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemCode {
    /// The text is not valid RON, or a value has the wrong type or form.
    Syntax,
    /// The file was written by a newer version.
    NewerSchema,
    /// The schema number is not one this version knows.
    BadSchema,
    /// An id is empty.
    EmptyId,
    /// An id appears twice in one list.
    DuplicateId,
    /// A reference points at nothing.
    MissingReference,
    /// A repayment names a draw of another account.
    WrongAccount,
    /// Money that moves is zero or negative.
    NotPositive,
    /// A balance, minimum or limit is negative.
    Negative,
    /// A term shorter than one month.
    TermTooShort,
    /// Two dates that cannot both be true.
    TimeContradiction,
    /// A statement's minimum is above its balance.
    MinimumAboveBalance,
}

impl ProblemCode {
    /// The stable code printed with the problem.
    pub fn code(self) -> &'static str {
        match self {
            ProblemCode::Syntax => "E001",
            ProblemCode::NewerSchema => "E002",
            ProblemCode::BadSchema => "E003",
            ProblemCode::EmptyId => "E010",
            ProblemCode::DuplicateId => "E011",
            ProblemCode::MissingReference => "E012",
            ProblemCode::WrongAccount => "E013",
            ProblemCode::NotPositive => "E020",
            ProblemCode::Negative => "E021",
            ProblemCode::TermTooShort => "E030",
            ProblemCode::TimeContradiction => "E040",
            ProblemCode::MinimumAboveBalance => "E041",
        }
    }
}

/// One thing wrong with a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What kind of problem.
    pub code: ProblemCode,
    /// Where in the file, when known.
    pub place: Option<Place>,
    /// The list (`draws`) or part (`profile`, `file`) it is in.
    pub list: &'static str,
    /// The record's id, when it is about one record.
    pub record_id: Option<String>,
    /// The field, when it is about one field.
    pub field: Option<&'static str>,
    /// What is wrong and what would be valid.
    pub message: String,
}

impl Problem {
    /// A problem without a field or place.
    pub fn new(code: ProblemCode, list: &'static str, record_id: Option<&str>, message: String) -> Self {
        Problem { code, place: None, list, record_id: record_id.map(str::to_string), field: None, message }
    }

    /// The same problem, about `field`.
    pub fn field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    /// The same problem, at `place`.
    pub fn at(mut self, place: Place) -> Self {
        self.place = Some(place);
        self
    }
}

impl fmt::Display for Problem {
    /// `12:5: draws "d1" amount: the amount must be above zero [E020]` (the caller puts the file first).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(place) = self.place {
            write!(f, "{}:{}: ", place.line, place.column)?;
        }
        write!(f, "{}", self.list)?;
        if let Some(id) = &self.record_id {
            write!(f, " \"{id}\"")?;
        }
        if let Some(field) = self.field {
            write!(f, " {field}")?;
        }
        write!(f, ": {} [{}]", self.message, self.code.code())
    }
}

/// Parses and validates a data file's text, with places for every problem that can be located.
pub fn check_text(text: &str) -> Result<DataFile, Vec<Problem>> {
    let data = parse_data_file(text).map_err(|p| vec![p])?;
    let mut problems = validate(&data);
    if problems.is_empty() {
        return Ok(data);
    }
    for problem in &mut problems {
        problem.place = source_map::locate(text, problem.list, problem.record_id.as_deref(), problem.field);
    }
    Err(problems)
}

/// Every problem in a parsed data file, in file order by list. Empty when the file is valid.
pub fn validate(data: &DataFile) -> Vec<Problem> {
    let mut out = Vec::new();
    let accounts = unique_ids(&mut out, "accounts", data.accounts.iter().map(|a| a.id.as_str()));
    let draws = unique_ids(&mut out, "draws", data.draws.iter().map(|d| d.id.as_str()));
    unique_ids(&mut out, "statements", data.statements.iter().map(|s| s.id.as_str()));
    unique_ids(&mut out, "repayments", data.repayments.iter().map(|r| r.id.as_str()));
    unique_ids(&mut out, "observed_limits", data.observed_limits.iter().map(|o| o.id.as_str()));
    unique_ids(&mut out, "inquiries", data.inquiries.iter().map(|q| q.id.as_str()));
    unique_ids(&mut out, "events", data.events.iter().map(|e| e.id.as_str()));
    let accounts: HashMap<&str, &super::records::Account> =
        data.accounts.iter().filter(|a| accounts.contains(a.id.as_str())).map(|a| (a.id.as_str(), a)).collect();
    let draws: HashMap<&str, &super::records::Draw> =
        data.draws.iter().filter(|d| draws.contains(d.id.as_str())).map(|d| (d.id.as_str(), d)).collect();

    let ctx = Context { accounts: &accounts, draws: &draws };
    check_profile(&mut out, data, &ctx);
    check_accounts(&mut out, data);
    check_draws(&mut out, data, &ctx);
    check_statements(&mut out, data, &ctx);
    check_repayments(&mut out, data, &ctx);
    check_observed(&mut out, data, &ctx);
    out
}

struct Context<'a> {
    accounts: &'a HashMap<&'a str, &'a super::records::Account>,
    draws: &'a HashMap<&'a str, &'a super::records::Draw>,
}

impl Context<'_> {
    /// Reports a missing account; returns the account when it exists.
    fn account<'b>(
        &'b self,
        out: &mut Vec<Problem>,
        list: &'static str,
        id: &str,
        account: &str,
    ) -> Option<&'b super::records::Account> {
        let found = self.accounts.get(account).copied();
        if found.is_none() {
            out.push(missing(list, id, "account", account, "accounts", self.accounts.keys()));
        }
        found
    }
}

/// Reports empty and duplicate ids; returns the ids seen.
fn unique_ids<'a>(out: &mut Vec<Problem>, list: &'static str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        if id.trim().is_empty() {
            out.push(
                Problem::new(
                    ProblemCode::EmptyId,
                    list,
                    None,
                    "a record has an empty id; give every record a unique id".into(),
                )
                .field("id"),
            );
        } else if !seen.insert(id) {
            out.push(
                Problem::new(
                    ProblemCode::DuplicateId,
                    list,
                    Some(id),
                    format!("the id \"{id}\" is used twice in {list}; ids must be unique within their list"),
                )
                .field("id"),
            );
        }
    }
    seen
}

fn missing<'a>(
    list: &'static str,
    id: &str,
    field: &'static str,
    target: &str,
    in_list: &str,
    known: impl Iterator<Item = &'a &'a str>,
) -> Problem {
    let mut known: Vec<&str> = known.copied().collect();
    known.sort_unstable();
    let hint = match known.len() {
        0 => format!("there are no {in_list} yet"),
        n if n <= 8 => format!("known {in_list}: {}", known.join(", ")),
        n => format!("{n} {in_list} are known; none has this id"),
    };
    Problem::new(
        ProblemCode::MissingReference,
        list,
        Some(id),
        format!("refers to \"{target}\", which is not in {in_list} ({hint})"),
    )
    .field(field)
}

fn check_profile(out: &mut Vec<Problem>, data: &DataFile, ctx: &Context) {
    let profile = &data.profile;
    if !ctx.accounts.contains_key(profile.target.as_str()) {
        out.push(missing("profile", "", "target", &profile.target, "accounts", ctx.accounts.keys()).with_no_id());
    }
    for (field, value) in [("monthly_income", profile.monthly_income), ("liquid_assets", profile.liquid_assets)] {
        if value.is_some_and(|v| v.is_negative()) {
            out.push(
                Problem::new(
                    ProblemCode::Negative,
                    "profile",
                    None,
                    "cannot be negative; write 0 when there is none".into(),
                )
                .field(field),
            );
        }
    }
}

impl Problem {
    fn with_no_id(mut self) -> Self {
        self.record_id = None;
        self
    }
}

fn check_accounts(out: &mut Vec<Problem>, data: &DataFile) {
    for account in &data.accounts {
        let id = Some(account.id.as_str());
        if account.limit.is_some_and(|l| l.is_negative()) {
            out.push(
                Problem::new(ProblemCode::Negative, "accounts", id, "a limit cannot be negative; 0 or more".into())
                    .field("limit"),
            );
        }
        if let Some(closed) = account.closed
            && closed < account.opened
        {
            out.push(
                Problem::new(
                    ProblemCode::TimeContradiction,
                    "accounts",
                    id,
                    format!(
                        "closed on {closed}, before it was opened on {}; closed must be on or after opened",
                        account.opened
                    ),
                )
                .field("closed"),
            );
        }
    }
}

fn check_draws(out: &mut Vec<Problem>, data: &DataFile, ctx: &Context) {
    for draw in &data.draws {
        let id = draw.id.as_str();
        if !draw.amount.is_positive() {
            out.push(
                Problem::new(
                    ProblemCode::NotPositive,
                    "draws",
                    Some(id),
                    format!("{} borrowed; a draw must be above zero", draw.amount),
                )
                .field("amount"),
            );
        }
        if draw.term_months < 1 {
            out.push(
                Problem::new(ProblemCode::TermTooShort, "draws", Some(id), "the term must be at least 1 month".into())
                    .field("term_months"),
            );
        }
        if let Some(account) = ctx.account(out, "draws", id, &draw.account) {
            let day = draw.at.date();
            if day < account.opened {
                out.push(
                    Problem::new(
                        ProblemCode::TimeContradiction,
                        "draws",
                        Some(id),
                        format!(
                            "drawn on {day}, before the account \"{}\" was opened on {}",
                            account.id, account.opened
                        ),
                    )
                    .field("at"),
                );
            }
            if account.closed.is_some_and(|closed| day > closed) {
                out.push(
                    Problem::new(
                        ProblemCode::TimeContradiction,
                        "draws",
                        Some(id),
                        format!("drawn on {day}, after the account \"{}\" was closed", account.id),
                    )
                    .field("at"),
                );
            }
        }
    }
}

fn check_statements(out: &mut Vec<Problem>, data: &DataFile, ctx: &Context) {
    for statement in &data.statements {
        let id = statement.id.as_str();
        ctx.account(out, "statements", id, &statement.account);
        for (field, value) in [("balance", statement.balance), ("minimum", statement.minimum)] {
            if value.is_negative() {
                out.push(
                    Problem::new(ProblemCode::Negative, "statements", Some(id), "cannot be negative; 0 or more".into())
                        .field(field),
                );
            }
        }
        if statement.minimum > statement.balance {
            out.push(
                Problem::new(
                    ProblemCode::MinimumAboveBalance,
                    "statements",
                    Some(id),
                    format!("the minimum {} is above the balance {}", statement.minimum, statement.balance),
                )
                .field("minimum"),
            );
        }
        if statement.due < statement.closing {
            out.push(
                Problem::new(
                    ProblemCode::TimeContradiction,
                    "statements",
                    Some(id),
                    format!(
                        "due on {}, before the bill closes on {}; the due date must be on or after closing",
                        statement.due, statement.closing
                    ),
                )
                .field("due"),
            );
        }
    }
}

fn check_repayments(out: &mut Vec<Problem>, data: &DataFile, ctx: &Context) {
    for repayment in &data.repayments {
        let id = repayment.id.as_str();
        if !repayment.amount.is_positive() {
            out.push(
                Problem::new(
                    ProblemCode::NotPositive,
                    "repayments",
                    Some(id),
                    format!("{} repaid; a repayment must be above zero", repayment.amount),
                )
                .field("amount"),
            );
        }
        let account = ctx.account(out, "repayments", id, &repayment.account);
        let Some(draw_id) = repayment.draw.as_deref() else { continue };
        let Some(draw) = ctx.draws.get(draw_id) else {
            out.push(missing("repayments", id, "draw", draw_id, "draws", ctx.draws.keys()));
            continue;
        };
        if account.is_some() && draw.account != repayment.account {
            out.push(
                Problem::new(
                    ProblemCode::WrongAccount,
                    "repayments",
                    Some(id),
                    format!(
                        "repays draw \"{draw_id}\" of account \"{}\" but names account \"{}\"",
                        draw.account, repayment.account
                    ),
                )
                .field("account"),
            );
        }
        if repayment.at < draw.at {
            out.push(
                Problem::new(
                    ProblemCode::TimeContradiction,
                    "repayments",
                    Some(id),
                    format!("paid at {}, before draw \"{draw_id}\" was made at {}", repayment.at, draw.at),
                )
                .field("at"),
            );
        }
    }
}

fn check_observed(out: &mut Vec<Problem>, data: &DataFile, ctx: &Context) {
    for observed in &data.observed_limits {
        let id = observed.id.as_str();
        ctx.account(out, "observed_limits", id, &observed.account);
        if observed.limit.is_negative() {
            out.push(
                Problem::new(
                    ProblemCode::Negative,
                    "observed_limits",
                    Some(id),
                    "a limit cannot be negative; 0 or more".into(),
                )
                .field("limit"),
            );
        }
    }
}
