//! Getting a person's data ready for a bill: the record a bill is merged into when there is
//! none yet, and accounts the person set up but never filled opened early enough for the bill.

use crate::domain::DataFile;

use super::bill::{Bill, BillLender};

/// The data to merge `bill` into. With no data yet: an empty record that joined on the bill's
/// first day, explaining `jiebei` (see [`settle_target`]). With data: the same data, except that
/// an account holding no records at all (as "start my own record" makes, opened today) and
/// matching one of the bill's lenders is opened on the bill's first day instead, so the bill's
/// older draws are not refused as "before the account was opened".
pub fn merge_base(data: Option<&DataFile>, bill: &Bill) -> DataFile {
    let first_day = bill.rows.iter().map(|r| r.at.date()).min();
    let Some(data) = data else {
        return DataFile::empty(first_day.or(bill.covered_until).unwrap_or_default(), "jiebei");
    };
    let mut base = data.clone();
    let Some(first_day) = first_day else { return base };
    let used: std::collections::HashSet<&str> = data
        .draws
        .iter()
        .map(|d| d.account.as_str())
        .chain(data.repayments.iter().map(|r| r.account.as_str()))
        .chain(data.statements.iter().map(|s| s.account.as_str()))
        .chain(data.observed_limits.iter().map(|o| o.account.as_str()))
        .collect();
    for account in base.accounts.iter_mut() {
        let empty = !used.contains(account.id.as_str()) && account.closed.is_none();
        let matches = |lender: &BillLender| {
            lender.kind == account.kind
                && (account.id == lender.account_hint
                    || account.lender == lender.lender
                    || lender.match_words.iter().any(|w| !w.is_empty() && account.lender.contains(w.as_str())))
        };
        if empty && account.opened > first_day && bill.lenders.iter().any(matches) {
            account.opened = first_day;
        }
    }
    base
}

/// After merging into a new record: when the explained account is not among the accounts, the
/// first cash line (the kind of limit the app explains), else the first account, becomes it.
/// Returns false when there is no account at all.
pub fn settle_target(merged: &mut DataFile) -> bool {
    if merged.accounts.iter().any(|a| a.id == merged.profile.target) {
        return true;
    }
    let cash_line = merged.accounts.iter().find(|a| a.kind == crate::domain::AccountKind::CashLine);
    match cash_line.or(merged.accounts.first()) {
        Some(account) => {
            merged.profile.target = account.id.clone();
            true
        }
        None => false,
    }
}
