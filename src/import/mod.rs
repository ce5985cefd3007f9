//! Bill exports (Alipay 支付宝, WeChat Pay 微信支付) to domain records, so nobody has to type
//! years of borrowing and repayments by hand.
//!
//! Pure: bytes and a file name in (the store reads files), records out. The flow:
//! 1. [`read_bill`] detects spreadsheet or text, the encoding and the app, finds the header
//!    row wherever the preamble ends, and sorts every row into credit rows ([`BillRow`]) and
//!    rows left out with a reason ([`IgnoredRow`]), using the matching rules in
//!    `assets/import/rules.ron` ([`ImportRules`]).
//! 2. [`plan_merge`] matches lenders to the person's accounts (or plans new ones) and marks
//!    rows already in the data; a preview can show the [`MergePlan`] and deselect items.
//! 3. [`apply_merge`] adds what the plan selects; [`ImportSummary`] says what happened.
//!
//! [`import_bill`] does all three for the command line.

mod bill;
mod classify;
mod csv;
mod decode;
mod error;
mod merge;
mod prepare;
mod read;
mod rules;
mod sheet;
mod summary;
mod table;
mod when;

pub use bill::{Bill, BillFormat, BillLender, BillRow, BillSource, DrawDefaults, IgnoreReason, IgnoredRow, RowKind};
pub use error::{ImportError, Loc};
pub use merge::{AccountMatch, Conflict, DefaultTerms, MergePlan, NewRecord, PlannedRecord, apply_merge, plan_merge};
pub use prepare::{merge_base, settle_target};
pub use rules::{BankRule, CardRule, ImportRules, LineRule, OtherLoanRule};
pub use summary::ImportSummary;

use crate::domain::DataFile;

/// Reads a bill export with the built-in rules. `file_name` is only used in messages.
pub fn read_bill(file_name: &str, bytes: &[u8]) -> Result<Bill, ImportError> {
    read_bill_with_progress(file_name, bytes, &mut |_, _| {})
}

/// Like [`read_bill`], calling `progress(done, total)` (in data rows) now and then, so a
/// background thread can report progress on large files.
pub fn read_bill_with_progress(
    file_name: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Bill, ImportError> {
    read_bill_with_rules(file_name, bytes, ImportRules::built_in()?, progress)
}

/// Like [`read_bill_with_progress`], with the person's own rules.
pub fn read_bill_with_rules(
    file_name: &str,
    bytes: &[u8],
    rules: &ImportRules,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Bill, ImportError> {
    read::read(file_name, bytes, rules, progress)
}

/// Reads, plans and applies in one step, selecting everything: the command line's import of a
/// bill export. Returns the merged data (which validates when `data` did) and its summary.
pub fn import_bill(data: &DataFile, file_name: &str, bytes: &[u8]) -> Result<(DataFile, ImportSummary), ImportError> {
    let bill = read_bill(file_name, bytes)?;
    let plan = plan_merge(data, &bill);
    Ok((apply_merge(data, &plan), ImportSummary::of(&plan)))
}

/// What a file given to `import` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A Credit Health data file (RON): it replaces the data.
    DataFile,
    /// A bill export (or something that should be read as one, to get a precise error): it merges.
    BillExport,
}

/// Tells a data file from a bill export by name and first bytes: `.ron`, or text that starts
/// like RON (`(`, `//`, `#![`), is a data file; everything else is read as a bill export.
pub fn sniff(file_name: &str, bytes: &[u8]) -> FileKind {
    if file_name.to_ascii_lowercase().ends_with(".ron") {
        return FileKind::DataFile;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &text[i..]);
    if start.starts_with(b"(") || start.starts_with(b"//") || start.starts_with(b"#![") {
        FileKind::DataFile
    } else {
        FileKind::BillExport
    }
}
