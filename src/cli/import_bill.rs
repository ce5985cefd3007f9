//! `credit-health import BILL`: an Alipay or WeChat Pay bill export is read, merged into the
//! store's data (rows already there are skipped), validated, and saved only when something is
//! new. The file is read before the store is touched, so a refused file changes nothing.

use std::path::{Path, PathBuf};

use super::{EXIT_OK, Io};
use crate::domain::validate;
use crate::import::{self, Bill, MergePlan, NewRecord, RowKind};
use crate::store::{LoadOutcome, Store, StoreError};

/// How many added records are listed one by one; the rest are counted.
const LISTED: usize = 20;

/// Merges the bill export `bytes` (from `file`) into the store.
pub fn run(io: &mut Io, file: &Path, bytes: &[u8], data_dir: impl FnOnce() -> Result<PathBuf, StoreError>) -> u8 {
    let name = file.display().to_string();
    let bill = match import::read_bill(&name, bytes) {
        Ok(bill) => bill,
        Err(error) => return io.fail(&format!("{error}\n{name}: nothing was imported; your data is unchanged")),
    };
    let mut store = match data_dir().and_then(|dir| Store::open(&dir)) {
        Ok(store) => store,
        Err(error) => return io.fail(&error.to_string()),
    };
    let current = match store.load() {
        Ok(LoadOutcome::Loaded(data)) => Some(data),
        Ok(LoadOutcome::Empty) => None,
        Ok(LoadOutcome::Recovered { moved_aside, problems, newest_good_backup }) => {
            let path = store.data_path();
            io.warn(&crate::store::recovery_report(&path, Some(&moved_aside), &problems, newest_good_backup.as_ref()));
            // Merging into nothing would hide the damaged file behind a new one: restore first.
            return io.fail(&format!(
                "{name}: not imported: your data file did not load (see above); restore a backup in the app \
                 or import a data file first, then import the bill again"
            ));
        }
        Err(error) => return io.fail(&error.to_string()),
    };
    let is_new_record = current.is_none();
    let base = import::merge_base(current.as_ref(), &bill);
    let plan = import::plan_merge(&base, &bill);
    let mut merged = import::apply_merge(&base, &plan);
    let summary = import::ImportSummary::of(&plan);
    io.say(&summary.to_string());
    io.say(&recognised_line(&bill));
    if summary.adds_nothing() {
        io.say(&format!("{name}: nothing new to add; your data is unchanged"));
        return EXIT_OK;
    }
    if is_new_record && !import::settle_target(&mut merged) {
        io.say(&format!("{name}: no account to add; your data is unchanged"));
        return EXIT_OK;
    }
    let problems = validate(&merged);
    if !problems.is_empty() {
        let path = store.data_path();
        let code = io.fail_problems(&path, &problems);
        io.warn(&format!(
            "{name}: the merged data would not be valid, so nothing was imported; your data is unchanged"
        ));
        return code;
    }
    if let Err(error) = store.save(&merged) {
        return io.fail(&format!("{error}\n{name}: nothing was imported; your data is unchanged"));
    }
    for line in added_lines(&plan) {
        io.say(&line);
    }
    io.say(&format!(
        "{}: saved; the previous version, if any, is kept in the backups folder{}",
        store.data_path().display(),
        if is_new_record { format!(" (a new record explaining \"{}\")", merged.profile.target) } else { String::new() }
    ));
    EXIT_OK
}

/// `recognised: 2 draws, 9 repayments; covers up to 2023-04-30`.
fn recognised_line(bill: &Bill) -> String {
    let count = |kind: RowKind| bill.rows.iter().filter(|r| r.kind == kind).count();
    let covers = bill.covered_until.map(|day| format!("; the export covers up to {day}")).unwrap_or_default();
    format!("recognised: {} draws, {} repayments{covers}", count(RowKind::Draw), count(RowKind::Repayment))
}

/// One line per added record (the first [`LISTED`]), then how many more.
fn added_lines(plan: &MergePlan) -> Vec<String> {
    let added: Vec<_> = plan.items.iter().filter(|item| item.will_be_added()).collect();
    let mut lines: Vec<String> = added
        .iter()
        .take(LISTED)
        .map(|item| {
            let kind = match item.record {
                NewRecord::Draw(_) => "draw",
                NewRecord::Repayment(_) => "repayment",
            };
            format!(
                "  + {kind} {} on {} {} {} (line {})",
                item.record.id(),
                item.record.account(),
                item.record.at().format("%Y-%m-%d %H:%M"),
                item.record.amount().display_yuan(),
                item.line
            )
        })
        .collect();
    if added.len() > LISTED {
        lines.push(format!("  … and {} more", added.len() - LISTED));
    }
    lines
}
