//! Edits to a person's records: one record added, replaced or deleted, or the profile changed.
//!
//! Every edit knows its inverse, which is what undo applies. Edits are checked against the whole
//! would-be file with the domain's `validate()` before they are accepted.

use crate::domain::{
    Account, DataFile, Draw, Event, Inquiry, ObservedLimit, Problem, Profile, Repayment, Statement, validate,
};

/// The seven lists of records in a data file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    /// Credit lines, cards and loans.
    #[default]
    Accounts,
    /// Money borrowed.
    Draws,
    /// Monthly bills.
    Statements,
    /// Money paid back.
    Repayments,
    /// Limits the lender's app showed.
    ObservedLimits,
    /// Credit-report inquiries.
    Inquiries,
    /// Account events.
    Events,
}

impl RecordKind {
    /// Every kind, in the order the records view lists them.
    pub const ALL: [RecordKind; 7] = [
        RecordKind::Accounts,
        RecordKind::Draws,
        RecordKind::Statements,
        RecordKind::Repayments,
        RecordKind::ObservedLimits,
        RecordKind::Inquiries,
        RecordKind::Events,
    ];

    /// The list's name in the data file and in validation problems.
    pub fn list(self) -> &'static str {
        match self {
            RecordKind::Accounts => "accounts",
            RecordKind::Draws => "draws",
            RecordKind::Statements => "statements",
            RecordKind::Repayments => "repayments",
            RecordKind::ObservedLimits => "observed_limits",
            RecordKind::Inquiries => "inquiries",
            RecordKind::Events => "events",
        }
    }

    /// How many records of this kind `data` holds.
    pub fn count(self, data: &DataFile) -> usize {
        match self {
            RecordKind::Accounts => data.accounts.len(),
            RecordKind::Draws => data.draws.len(),
            RecordKind::Statements => data.statements.len(),
            RecordKind::Repayments => data.repayments.len(),
            RecordKind::ObservedLimits => data.observed_limits.len(),
            RecordKind::Inquiries => data.inquiries.len(),
            RecordKind::Events => data.events.len(),
        }
    }

    /// The id prefix of new records of this kind (`r` for repayments: `r5`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            RecordKind::Accounts => "a",
            RecordKind::Draws => "d",
            RecordKind::Statements => "s",
            RecordKind::Repayments => "r",
            RecordKind::ObservedLimits => "o",
            RecordKind::Inquiries => "q",
            RecordKind::Events => "e",
        }
    }

    /// The record at `index` in this kind's list.
    pub fn record_at(self, data: &DataFile, index: usize) -> Option<Record> {
        Some(match self {
            RecordKind::Accounts => Record::Account(data.accounts.get(index)?.clone()),
            RecordKind::Draws => Record::Draw(data.draws.get(index)?.clone()),
            RecordKind::Statements => Record::Statement(data.statements.get(index)?.clone()),
            RecordKind::Repayments => Record::Repayment(data.repayments.get(index)?.clone()),
            RecordKind::ObservedLimits => Record::ObservedLimit(data.observed_limits.get(index)?.clone()),
            RecordKind::Inquiries => Record::Inquiry(data.inquiries.get(index)?.clone()),
            RecordKind::Events => Record::Event(data.events.get(index)?.clone()),
        })
    }

    /// The first id `prefix{n}` not yet used in this kind's list.
    pub fn next_id(self, data: &DataFile) -> String {
        let taken: std::collections::HashSet<&str> = match self {
            RecordKind::Accounts => data.accounts.iter().map(|r| r.id.as_str()).collect(),
            RecordKind::Draws => data.draws.iter().map(|r| r.id.as_str()).collect(),
            RecordKind::Statements => data.statements.iter().map(|r| r.id.as_str()).collect(),
            RecordKind::Repayments => data.repayments.iter().map(|r| r.id.as_str()).collect(),
            RecordKind::ObservedLimits => data.observed_limits.iter().map(|r| r.id.as_str()).collect(),
            RecordKind::Inquiries => data.inquiries.iter().map(|r| r.id.as_str()).collect(),
            RecordKind::Events => data.events.iter().map(|r| r.id.as_str()).collect(),
        };
        let start = self.count(data) + 1;
        (start..)
            .map(|n| format!("{}{n}", self.id_prefix()))
            .find(|id| !taken.contains(id.as_str()))
            .unwrap_or_else(|| self.id_prefix().to_string())
    }
}

/// One record of any kind.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)]
pub enum Record {
    Account(Account),
    Draw(Draw),
    Statement(Statement),
    Repayment(Repayment),
    ObservedLimit(ObservedLimit),
    Inquiry(Inquiry),
    Event(Event),
}

impl Record {
    /// Which list it belongs to.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Account(_) => RecordKind::Accounts,
            Record::Draw(_) => RecordKind::Draws,
            Record::Statement(_) => RecordKind::Statements,
            Record::Repayment(_) => RecordKind::Repayments,
            Record::ObservedLimit(_) => RecordKind::ObservedLimits,
            Record::Inquiry(_) => RecordKind::Inquiries,
            Record::Event(_) => RecordKind::Events,
        }
    }

    /// Its id.
    pub fn id(&self) -> &str {
        match self {
            Record::Account(r) => &r.id,
            Record::Draw(r) => &r.id,
            Record::Statement(r) => &r.id,
            Record::Repayment(r) => &r.id,
            Record::ObservedLimit(r) => &r.id,
            Record::Inquiry(r) => &r.id,
            Record::Event(r) => &r.id,
        }
    }
}

/// One change to the records.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordEdit {
    /// Insert `record` at `index` of its list (at the end when the index is past it).
    Add {
        /// The new record.
        record: Record,
        /// Where it goes.
        index: usize,
    },
    /// Replace the record with `old`'s id by `new` (the id may change).
    Replace {
        /// The record as it was.
        old: Record,
        /// The record as it becomes.
        new: Record,
    },
    /// Remove the record with this id (found at `index` when it was deleted).
    Delete {
        /// The record removed.
        record: Record,
        /// Where it was.
        index: usize,
    },
    /// Change the profile.
    Profile {
        /// As it was.
        old: Box<Profile>,
        /// As it becomes.
        new: Box<Profile>,
    },
    /// Several edits as one (an imported bill): applied in order, undone in reverse, all or none.
    Batch(Vec<RecordEdit>),
}

/// Why an edit could not be applied to the records as they are now.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The record to change is no longer there.
    #[error("there is no record \"{0}\" in {1}")]
    Missing(String, &'static str),
}

impl RecordEdit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> RecordEdit {
        match self {
            RecordEdit::Add { record, index } => RecordEdit::Delete { record: record.clone(), index: *index },
            RecordEdit::Delete { record, index } => RecordEdit::Add { record: record.clone(), index: *index },
            RecordEdit::Replace { old, new } => RecordEdit::Replace { old: new.clone(), new: old.clone() },
            RecordEdit::Profile { old, new } => RecordEdit::Profile { old: new.clone(), new: old.clone() },
            RecordEdit::Batch(edits) => RecordEdit::Batch(edits.iter().rev().map(RecordEdit::inverse).collect()),
        }
    }

    /// The kind of record it touches (`None` for the profile).
    pub fn kind(&self) -> Option<RecordKind> {
        match self {
            RecordEdit::Add { record, .. } | RecordEdit::Delete { record, .. } => Some(record.kind()),
            RecordEdit::Replace { new, .. } => Some(new.kind()),
            RecordEdit::Profile { .. } => None,
            RecordEdit::Batch(edits) => edits.last().and_then(RecordEdit::kind),
        }
    }

    /// Applies the edit to `data`.
    pub fn apply(&self, data: &mut DataFile) -> Result<(), EditError> {
        match self {
            RecordEdit::Add { record, index } => {
                insert(data, record.clone(), *index);
                Ok(())
            }
            RecordEdit::Delete { record, .. } => remove(data, record.kind(), record.id()),
            RecordEdit::Replace { old, new } => {
                let index = position(data, old.kind(), old.id())
                    .ok_or_else(|| EditError::Missing(old.id().to_string(), old.kind().list()))?;
                remove(data, old.kind(), old.id())?;
                insert(data, new.clone(), index);
                Ok(())
            }
            RecordEdit::Profile { new, .. } => {
                data.profile = (**new).clone();
                Ok(())
            }
            RecordEdit::Batch(edits) => {
                // On a copy, so that a part that fails leaves the records as they were.
                let mut copy = data.clone();
                let mut deletes = Deletes::default();
                for edit in edits {
                    match edit {
                        RecordEdit::Delete { record, .. } => deletes.add(record),
                        _ => {
                            deletes.flush(&mut copy)?;
                            edit.apply(&mut copy)?;
                        }
                    }
                }
                deletes.flush(&mut copy)?;
                *data = copy;
                Ok(())
            }
        }
    }
}

/// Deletes in a row, done in one pass per list: undoing an import of thousands of rows would
/// otherwise search the list once per record.
#[derive(Default)]
struct Deletes {
    ids: std::collections::HashMap<RecordKind, std::collections::HashSet<String>>,
}

impl Deletes {
    fn add(&mut self, record: &Record) {
        self.ids.entry(record.kind()).or_default().insert(record.id().to_string());
    }

    fn flush(&mut self, data: &mut DataFile) -> Result<(), EditError> {
        for (kind, ids) in self.ids.drain() {
            let before = kind.count(data);
            retain(data, kind, &ids);
            if before - kind.count(data) != ids.len() {
                let missing = ids.into_iter().next().unwrap_or_default();
                return Err(EditError::Missing(missing, kind.list()));
            }
        }
        Ok(())
    }
}

/// Keeps the records of `kind` whose id is not in `ids`.
fn retain(data: &mut DataFile, kind: RecordKind, ids: &std::collections::HashSet<String>) {
    match kind {
        RecordKind::Accounts => data.accounts.retain(|r| !ids.contains(&r.id)),
        RecordKind::Draws => data.draws.retain(|r| !ids.contains(&r.id)),
        RecordKind::Statements => data.statements.retain(|r| !ids.contains(&r.id)),
        RecordKind::Repayments => data.repayments.retain(|r| !ids.contains(&r.id)),
        RecordKind::ObservedLimits => data.observed_limits.retain(|r| !ids.contains(&r.id)),
        RecordKind::Inquiries => data.inquiries.retain(|r| !ids.contains(&r.id)),
        RecordKind::Events => data.events.retain(|r| !ids.contains(&r.id)),
    }
}

/// Everything the edit would newly make wrong: the problems of the would-be file that the
/// current file does not have. Empty when the edit may be accepted.
pub fn check_edit(data: &DataFile, edit: &RecordEdit) -> Vec<Problem> {
    let mut would_be = data.clone();
    if let Err(error) = edit.apply(&mut would_be) {
        return vec![Problem::new(crate::domain::ProblemCode::MissingReference, "file", None, error.to_string())];
    }
    let before = validate(data);
    validate(&would_be).into_iter().filter(|p| !before.contains(p)).collect()
}

fn insert(data: &mut DataFile, record: Record, index: usize) {
    fn put<T>(list: &mut Vec<T>, item: T, index: usize) {
        list.insert(index.min(list.len()), item);
    }
    match record {
        Record::Account(r) => put(&mut data.accounts, r, index),
        Record::Draw(r) => put(&mut data.draws, r, index),
        Record::Statement(r) => put(&mut data.statements, r, index),
        Record::Repayment(r) => put(&mut data.repayments, r, index),
        Record::ObservedLimit(r) => put(&mut data.observed_limits, r, index),
        Record::Inquiry(r) => put(&mut data.inquiries, r, index),
        Record::Event(r) => put(&mut data.events, r, index),
    }
}

/// The index of the record with `id` in the list of `kind`.
pub fn position(data: &DataFile, kind: RecordKind, id: &str) -> Option<usize> {
    match kind {
        RecordKind::Accounts => data.accounts.iter().position(|r| r.id == id),
        RecordKind::Draws => data.draws.iter().position(|r| r.id == id),
        RecordKind::Statements => data.statements.iter().position(|r| r.id == id),
        RecordKind::Repayments => data.repayments.iter().position(|r| r.id == id),
        RecordKind::ObservedLimits => data.observed_limits.iter().position(|r| r.id == id),
        RecordKind::Inquiries => data.inquiries.iter().position(|r| r.id == id),
        RecordKind::Events => data.events.iter().position(|r| r.id == id),
    }
}

fn remove(data: &mut DataFile, kind: RecordKind, id: &str) -> Result<(), EditError> {
    let index = position(data, kind, id).ok_or_else(|| EditError::Missing(id.to_string(), kind.list()))?;
    match kind {
        RecordKind::Accounts => drop(data.accounts.remove(index)),
        RecordKind::Draws => drop(data.draws.remove(index)),
        RecordKind::Statements => drop(data.statements.remove(index)),
        RecordKind::Repayments => drop(data.repayments.remove(index)),
        RecordKind::ObservedLimits => drop(data.observed_limits.remove(index)),
        RecordKind::Inquiries => drop(data.inquiries.remove(index)),
        RecordKind::Events => drop(data.events.remove(index)),
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.
mod tests {
    use super::*;
    use crate::domain::{Money, check_text};
    use chrono::NaiveDate;

    fn sample() -> DataFile {
        check_text(include_str!("../../assets/personas/new-user.ron")).unwrap()
    }

    fn repayment(id: &str, amount: i64) -> Record {
        Record::Repayment(Repayment {
            id: id.into(),
            account: "jiebei".into(),
            draw: None,
            at: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap().and_hms_opt(9, 0, 0).unwrap(),
            amount: Money::from_yuan(amount),
        })
    }

    #[test]
    fn every_edit_and_its_inverse_leave_the_file_as_it_was() {
        let original = sample();
        let added = RecordEdit::Add { record: repayment("r1", 100), index: 0 };
        let mut data = original.clone();
        added.apply(&mut data).unwrap();
        let replaced = RecordEdit::Replace { old: repayment("r1", 100), new: repayment("r9", 200) };
        let deleted = RecordEdit::Delete { record: repayment("r9", 200), index: 0 };
        for edit in [replaced, deleted] {
            let before = data.clone();
            edit.apply(&mut data).unwrap();
            assert_ne!(data, before);
            edit.inverse().apply(&mut data).unwrap();
            assert_eq!(data, before);
            edit.apply(&mut data).unwrap();
        }
        assert_eq!(data, original);
    }

    #[test]
    fn a_batch_is_undone_as_one_and_a_failing_part_changes_nothing() {
        let original = sample();
        let batch = RecordEdit::Batch(vec![
            RecordEdit::Add { record: repayment("r1", 100), index: usize::MAX },
            RecordEdit::Add { record: repayment("r2", 200), index: usize::MAX },
        ]);
        let mut data = original.clone();
        batch.apply(&mut data).unwrap();
        assert_eq!(data.repayments.len(), original.repayments.len() + 2);
        batch.inverse().apply(&mut data).unwrap();
        assert_eq!(data, original);
        let failing =
            RecordEdit::Batch(vec![batch.clone(), RecordEdit::Delete { record: repayment("nope", 1), index: 0 }]);
        assert!(failing.apply(&mut data).is_err());
        assert_eq!(data, original);
    }

    #[test]
    fn an_edit_that_breaks_the_file_is_reported_by_field() {
        let data = sample();
        let cases =
            vec![(repayment("r1", 0), Some("amount")), (repayment("o1", 5), None), (repayment("", 5), Some("id"))];
        for (record, field) in cases {
            let problems = check_edit(&data, &RecordEdit::Add { record, index: 0 });
            assert_eq!(problems.first().and_then(|p| p.field), field, "{problems:?}");
        }
    }
}
