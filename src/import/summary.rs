//! What an import did, in numbers and in the lines the command line prints.

use std::fmt;

use crate::domain::Lang;

use super::bill::{BillSource, IgnoreReason, RowKind};
use super::merge::{DefaultTerms, MergePlan};

/// The counts of a merge plan, as applied.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSummary {
    /// The bill's file name.
    pub file_name: String,
    /// Which app exported it.
    pub source: BillSource,
    /// Data rows in the bill.
    pub rows_read: usize,
    /// Credit rows recognised (draws and repayments, duplicates included).
    pub recognised: usize,
    /// Accounts created: (id, lender).
    pub new_accounts: Vec<(String, String)>,
    /// Draws added.
    pub draws_added: usize,
    /// Repayments added.
    pub repayments_added: usize,
    /// Rows already in the data.
    pub duplicates_skipped: usize,
    /// Rows the person chose not to add.
    pub deselected: usize,
    /// Rows that could not be added as is: (line, why).
    pub conflicts: Vec<(usize, String)>,
    /// Rows that are not credit, in all.
    pub ignored: usize,
    /// The same, per reason.
    pub ignored_by_reason: Vec<(IgnoreReason, usize)>,
    /// Draws that got default terms.
    pub default_terms: Vec<DefaultTerms>,
}

impl ImportSummary {
    /// The summary of applying `plan` as it stands (selection included).
    pub fn of(plan: &MergePlan) -> ImportSummary {
        let added = |kind: RowKind| plan.items.iter().filter(|i| i.will_be_added() && i.record.kind() == kind).count();
        let used: Vec<&str> = plan.items.iter().filter(|i| i.will_be_added()).map(|i| i.record.account()).collect();
        ImportSummary {
            file_name: plan.file_name.clone(),
            source: plan.source,
            rows_read: plan.rows_read,
            recognised: plan.items.len(),
            new_accounts: plan
                .new_accounts
                .iter()
                .filter(|a| used.contains(&a.id.as_str()))
                .map(|a| (a.id.clone(), a.lender.clone()))
                .collect(),
            draws_added: added(RowKind::Draw),
            repayments_added: added(RowKind::Repayment),
            duplicates_skipped: plan.items.iter().filter(|i| i.duplicate_of.is_some()).count(),
            deselected: plan.items.iter().filter(|i| !i.selected && i.duplicate_of.is_none()).count(),
            conflicts: plan
                .items
                .iter()
                .filter(|i| i.duplicate_of.is_none())
                .filter_map(|i| i.conflict.as_ref().map(|c| (i.line, c.to_string())))
                .collect(),
            ignored: plan.ignored.iter().map(|(_, n)| n).sum(),
            ignored_by_reason: plan.ignored.clone(),
            default_terms: plan.default_terms.clone(),
        }
    }

    /// True when the import adds nothing.
    pub fn adds_nothing(&self) -> bool {
        self.draws_added == 0 && self.repayments_added == 0
    }
}

impl fmt::Display for ImportSummary {
    /// Three to a few lines: what was read, what was added, and notes on defaults and conflicts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reasons: Vec<String> =
            self.ignored_by_reason.iter().map(|(reason, n)| format!("{n} {}", reason.label(Lang::En))).collect();
        let reasons = if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) };
        writeln!(
            f,
            "{}: {} bill, {} rows: {} credit rows recognised, {} duplicates skipped, {} ignored{reasons}",
            self.file_name,
            self.source.name(Lang::En),
            self.rows_read,
            self.recognised,
            self.duplicates_skipped,
            self.ignored
        )?;
        let accounts: Vec<String> = self.new_accounts.iter().map(|(id, lender)| format!("{id} {lender}")).collect();
        let accounts = if accounts.is_empty() { String::new() } else { format!(" ({})", accounts.join(", ")) };
        write!(
            f,
            "added {} new accounts{accounts}, {} draws, {} repayments",
            self.new_accounts.len(),
            self.draws_added,
            self.repayments_added
        )?;
        if self.deselected > 0 {
            write!(f, "; {} rows left out by choice", self.deselected)?;
        }
        for terms in &self.default_terms {
            write!(
                f,
                "\nnote: {} draws on {} ({}) were given the import rules' default terms: {} months, {:?}; \
                 edit them if the loan differs",
                terms.draws, terms.lender, terms.account, terms.defaults.term_months, terms.defaults.repay
            )?;
        }
        for (line, why) in &self.conflicts {
            write!(f, "\nnot added: line {line}: {why}")?;
        }
        Ok(())
    }
}
