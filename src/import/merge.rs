//! Merging a bill into a person's data: first a plan (what would be added, what is already
//! there, what cannot be added as is), which a preview can show and let the person deselect;
//! then applying it. Nothing changes until [`apply_merge`].
//!
//! Re-imports add nothing: imported records get ids from the export's order numbers, so the
//! same row is recognised however often it is imported, and a record the person typed by hand
//! is recognised by its account, minute and amount.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use crate::domain::{Account, DataFile, Draw, Money, Repayment};

use super::bill::{Bill, BillLender, BillRow, BillSource, DrawDefaults, IgnoreReason, RowKind};

/// A record the import would add.
#[derive(Clone, Debug, PartialEq)]
pub enum NewRecord {
    /// Money borrowed.
    Draw(Draw),
    /// Money paid back.
    Repayment(Repayment),
}

impl NewRecord {
    /// Its id.
    pub fn id(&self) -> &str {
        match self {
            NewRecord::Draw(draw) => &draw.id,
            NewRecord::Repayment(repayment) => &repayment.id,
        }
    }

    /// The account it is on.
    pub fn account(&self) -> &str {
        match self {
            NewRecord::Draw(draw) => &draw.account,
            NewRecord::Repayment(repayment) => &repayment.account,
        }
    }

    /// When it happened.
    pub fn at(&self) -> NaiveDateTime {
        match self {
            NewRecord::Draw(draw) => draw.at,
            NewRecord::Repayment(repayment) => repayment.at,
        }
    }

    /// How much moved.
    pub fn amount(&self) -> Money {
        match self {
            NewRecord::Draw(draw) => draw.amount,
            NewRecord::Repayment(repayment) => repayment.amount,
        }
    }

    /// Draw or repayment.
    pub fn kind(&self) -> RowKind {
        match self {
            NewRecord::Draw(_) => RowKind::Draw,
            NewRecord::Repayment(_) => RowKind::Repayment,
        }
    }
}

/// Why a record cannot be added without changing the person's own data first.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Conflict {
    /// A draw dated before the existing account was opened.
    #[error(
        "drawn on {day}, before the account \"{account}\" was opened on {opened}; set the account's opening date earlier to import it"
    )]
    BeforeOpened {
        /// The account.
        account: String,
        /// When it says it was opened.
        opened: NaiveDate,
        /// The draw's day.
        day: NaiveDate,
    },
    /// A draw dated after the existing account was closed.
    #[error(
        "drawn on {day}, after the account \"{account}\" was closed on {closed}; clear or move the closing date to import it"
    )]
    AfterClosed {
        /// The account.
        account: String,
        /// When it says it was closed.
        closed: NaiveDate,
        /// The draw's day.
        day: NaiveDate,
    },
}

/// One credit row, as the record it would become.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedRecord {
    /// The row's line (or spreadsheet row) in the file.
    pub line: usize,
    /// The record.
    pub record: NewRecord,
    /// The lender's name as the row gave it.
    pub lender: String,
    /// The counterparty and description, for people.
    pub description: String,
    /// True when the record's account is one of the plan's new accounts.
    pub account_is_new: bool,
    /// True when a draw got the rules' default term and method.
    pub uses_default_terms: bool,
    /// Whether to add it; the preview may clear it. Default true.
    pub selected: bool,
    /// The id of the record already in the data that this row is, if any.
    pub duplicate_of: Option<String>,
    /// Why it cannot be added as is, if it cannot.
    pub conflict: Option<Conflict>,
}

impl PlannedRecord {
    /// True when [`apply_merge`] will add it.
    pub fn will_be_added(&self) -> bool {
        self.selected && self.duplicate_of.is_none() && self.conflict.is_none()
    }
}

/// Which account a lender of the bill was matched to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountMatch {
    /// The lender as the bill names it.
    pub lender: String,
    /// The existing account's id.
    pub account: String,
}

/// Draws that were given the rules' default term and method, per account.
#[derive(Clone, Debug, PartialEq)]
pub struct DefaultTerms {
    /// The account.
    pub account: String,
    /// Its lender.
    pub lender: String,
    /// How many of its planned draws got them.
    pub draws: usize,
    /// The terms given.
    pub defaults: DrawDefaults,
}

/// What importing a bill would do. Built by [`plan_merge`], applied by [`apply_merge`].
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    /// The bill's file name.
    pub file_name: String,
    /// Which app exported it.
    pub source: BillSource,
    /// How many data rows the bill had.
    pub rows_read: usize,
    /// Accounts that would be created (only those with a record to add are created).
    pub new_accounts: Vec<Account>,
    /// Lenders matched to accounts already in the data.
    pub matched_accounts: Vec<AccountMatch>,
    /// Every credit row, oldest first.
    pub items: Vec<PlannedRecord>,
    /// How many rows were left out, per reason.
    pub ignored: Vec<(IgnoreReason, usize)>,
    /// Draws given default terms, per account.
    pub default_terms: Vec<DefaultTerms>,
    /// The last day the bill covers ([`Bill::covered_until`]).
    pub covered_until: Option<NaiveDate>,
}

/// Plans merging `bill` into `data`; changes nothing.
pub fn plan_merge(data: &DataFile, bill: &Bill) -> MergePlan {
    let accounts = resolve_accounts(data, bill);
    let mut known = Known::of(data);
    let mut rows: Vec<&BillRow> = bill.rows.iter().collect();
    rows.sort_by_key(|row| (row.at, row.line));
    let items: Vec<PlannedRecord> =
        rows.into_iter().map(|row| plan_row(row, bill, data, &accounts, &mut known)).collect();
    let new_accounts = accounts.new_accounts(&items);
    MergePlan {
        file_name: bill.file_name.clone(),
        source: bill.source,
        rows_read: bill.rows_read,
        default_terms: default_terms(&items, bill, &accounts),
        new_accounts,
        matched_accounts: accounts.matched,
        items,
        ignored: bill.ignored_by_reason(),
        covered_until: bill.covered_until,
    }
}

/// The data with the plan's selected, new, conflict-free records added (and the new accounts
/// they need). Apply it to the same data the plan was made from; should the data have changed
/// since, records that would no longer fit (an id taken, an account gone or opened later) are
/// skipped, so the result still validates whenever `data` did.
pub fn apply_merge(data: &DataFile, plan: &MergePlan) -> DataFile {
    let mut out = data.clone();
    let adding: Vec<&PlannedRecord> = plan.items.iter().filter(|item| item.will_be_added()).collect();
    let used: HashSet<&str> = adding.iter().map(|item| item.record.account()).collect();
    let mut account_ids: HashSet<String> = out.accounts.iter().map(|a| a.id.clone()).collect();
    for account in &plan.new_accounts {
        if used.contains(account.id.as_str()) && account_ids.insert(account.id.clone()) {
            out.accounts.push(account.clone());
        }
    }
    let accounts: HashMap<String, Account> = out.accounts.iter().map(|a| (a.id.clone(), a.clone())).collect();
    let mut draw_ids: HashSet<String> = out.draws.iter().map(|d| d.id.clone()).collect();
    let mut repayment_ids: HashSet<String> = out.repayments.iter().map(|r| r.id.clone()).collect();
    for item in adding {
        let Some(account) = accounts.get(item.record.account()) else { continue };
        match &item.record {
            NewRecord::Draw(draw)
                if conflict_of(&item.record, Some(account)).is_none() && draw_ids.insert(draw.id.clone()) =>
            {
                out.draws.push(draw.clone())
            }
            NewRecord::Repayment(repayment) if repayment_ids.insert(repayment.id.clone()) => {
                out.repayments.push(repayment.clone())
            }
            _ => {}
        }
    }
    mark_imported_until(&mut out, data, &used, plan.covered_until);
    out
}

/// Records on each account the last day the exports imported into it cover, so the engine does
/// not call the guessed schedule's later instalments overdue. An account the person keeps by
/// hand beyond the export (records dated after its end) is left as it is: there the person's
/// own records say what was paid.
fn mark_imported_until(out: &mut DataFile, data: &DataFile, used: &HashSet<&str>, until: Option<NaiveDate>) {
    let Some(until) = until else { return };
    let mut kept_beyond: HashSet<&str> = HashSet::new();
    let later = data
        .draws
        .iter()
        .map(|d| (d.account.as_str(), d.at))
        .chain(data.repayments.iter().map(|r| (r.account.as_str(), r.at)));
    for (account, at) in later {
        if at.date() > until {
            kept_beyond.insert(account);
        }
    }
    for account in out.accounts.iter_mut().filter(|a| used.contains(a.id.as_str())) {
        if account.imported_until.is_none() && kept_beyond.contains(account.id.as_str()) {
            continue;
        }
        account.imported_until = Some(account.imported_until.map_or(until, |day| day.max(until)));
    }
}

/// The account each lender of the bill goes to.
struct Accounts {
    /// Account hint → (account id, is new).
    by_hint: HashMap<String, (String, bool)>,
    matched: Vec<AccountMatch>,
    /// Accounts that would be created, before knowing which are used.
    candidates: Vec<Account>,
}

impl Accounts {
    fn account_of(&self, hint: &str) -> Option<(&str, bool)> {
        self.by_hint.get(hint).map(|(id, is_new)| (id.as_str(), *is_new))
    }

    /// New accounts that some row not already in the data would use (apply creates only those
    /// a selected row uses). An account is opened on the day of its earliest row, so no draw on
    /// it predates it.
    fn new_accounts(&self, items: &[PlannedRecord]) -> Vec<Account> {
        let mut earliest: HashMap<&str, NaiveDate> = HashMap::new();
        for item in items.iter().filter(|item| item.account_is_new && item.duplicate_of.is_none()) {
            let day = item.record.at().date();
            earliest.entry(item.record.account()).and_modify(|d| *d = (*d).min(day)).or_insert(day);
        }
        let mut accounts: Vec<Account> = self
            .candidates
            .iter()
            .filter_map(|account| {
                let opened = *earliest.get(account.id.as_str())?;
                Some(Account { opened, ..account.clone() })
            })
            .collect();
        // Oldest first, as a person would list them; exports run newest first.
        accounts.sort_by(|a, b| (a.opened, &a.id).cmp(&(b.opened, &b.id)));
        accounts
    }
}

fn resolve_accounts(data: &DataFile, bill: &Bill) -> Accounts {
    let mut taken: HashSet<String> = data.accounts.iter().map(|a| a.id.clone()).collect();
    let mut accounts = Accounts { by_hint: HashMap::new(), matched: Vec::new(), candidates: Vec::new() };
    for lender in &bill.lenders {
        if let Some(existing) = existing_account(data, lender) {
            accounts.matched.push(AccountMatch { lender: lender.lender.clone(), account: existing.id.clone() });
            accounts.by_hint.insert(lender.account_hint.clone(), (existing.id.clone(), false));
            continue;
        }
        let id = free_id(&lender.account_hint, &taken);
        taken.insert(id.clone());
        accounts.candidates.push(Account {
            id: id.clone(),
            lender: lender.lender.clone(),
            kind: lender.kind,
            // Replaced by the earliest row's day in `new_accounts`.
            opened: NaiveDate::MIN,
            limit: None,
            closed: None,
            imported_until: None,
        });
        accounts.by_hint.insert(lender.account_hint.clone(), (id, true));
    }
    accounts
}

/// An account of the same kind whose id is the hint or whose lender name carries one of the
/// lender's words; an open one is preferred over a closed one.
fn existing_account<'a>(data: &'a DataFile, lender: &BillLender) -> Option<&'a Account> {
    let matches = |account: &&Account| {
        account.kind == lender.kind
            && (account.id == lender.account_hint
                || account.lender == lender.lender
                || lender.match_words.iter().any(|w| !w.is_empty() && account.lender.contains(w.as_str())))
    };
    let mut found: Vec<&Account> = data.accounts.iter().filter(matches).collect();
    found.sort_by_key(|account| account.closed.is_some());
    found.first().copied()
}

fn free_id(hint: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(hint) {
        return hint.to_string();
    }
    (2..).map(|n| format!("{hint}-{n}")).find(|id| !taken.contains(id)).unwrap_or_else(|| hint.to_string())
}

/// What the data already holds, to recognise duplicates.
struct Known {
    draw_ids: HashSet<String>,
    repayment_ids: HashSet<String>,
    /// (kind, account, minute, fen) → ids of records the person entered, not yet matched.
    by_moment: HashMap<(RowKind, String, NaiveDateTime, i64), Vec<String>>,
    /// Ids planned so far, so a row repeated within the bill is added once.
    planned: HashSet<String>,
}

impl Known {
    fn of(data: &DataFile) -> Known {
        let mut by_moment: HashMap<_, Vec<String>> = HashMap::new();
        for draw in &data.draws {
            let key = (RowKind::Draw, draw.account.clone(), minute(draw.at), draw.amount.fen());
            by_moment.entry(key).or_default().push(draw.id.clone());
        }
        for repayment in &data.repayments {
            let key = (RowKind::Repayment, repayment.account.clone(), minute(repayment.at), repayment.amount.fen());
            by_moment.entry(key).or_default().push(repayment.id.clone());
        }
        Known {
            draw_ids: data.draws.iter().map(|d| d.id.clone()).collect(),
            repayment_ids: data.repayments.iter().map(|r| r.id.clone()).collect(),
            by_moment,
            planned: HashSet::new(),
        }
    }

    /// The id of the record `record` duplicates, if any. Each typed record matches one row only,
    /// so two real repayments of the same amount in the same minute are not both dropped.
    fn duplicate(&mut self, record: &NewRecord) -> Option<String> {
        let id = record.id().to_string();
        let ids = match record.kind() {
            RowKind::Draw => &self.draw_ids,
            RowKind::Repayment => &self.repayment_ids,
        };
        if ids.contains(&id) || !self.planned.insert(id.clone()) {
            return Some(id);
        }
        let key = (record.kind(), record.account().to_string(), minute(record.at()), record.amount().fen());
        let candidates = self.by_moment.get_mut(&key)?;
        // Two records that both carry an export's order number are different orders, however
        // alike; a typed record, or one whose order number was lost, can be the same one.
        let exact = is_order_id(&id);
        let index = candidates.iter().position(|other| !(exact && is_order_id(other)))?;
        Some(candidates.swap_remove(index))
    }
}

/// True for ids made from an export's order number (`alipay-2023…`), not from time and amount.
fn is_order_id(id: &str) -> bool {
    [BillSource::Alipay, BillSource::WeChatPay].iter().any(|source| {
        id.strip_prefix(source.id_prefix())
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|order| !order.starts_with('t'))
    })
}

fn minute(at: NaiveDateTime) -> NaiveDateTime {
    at.with_second(0).and_then(|t| t.with_nanosecond(0)).unwrap_or(at)
}

fn plan_row(row: &BillRow, bill: &Bill, data: &DataFile, accounts: &Accounts, known: &mut Known) -> PlannedRecord {
    let (account, account_is_new) = accounts.account_of(&row.account_hint).unwrap_or((row.account_hint.as_str(), true));
    let defaults = bill.lender(&row.account_hint).map(|l| l.defaults);
    let record = match row.kind {
        RowKind::Draw => NewRecord::Draw(Draw {
            id: row.record_id.clone(),
            account: account.to_string(),
            at: row.at,
            amount: row.amount,
            term_months: defaults.map_or(12, |d| d.term_months),
            repay: defaults.map_or(crate::domain::RepayMethod::EqualInstallments, |d| d.repay),
            daily_rate_pct: defaults.and_then(|d| d.daily_rate_pct),
        }),
        // Which draw a repayment pays is not in the export; guessing would misstate the schedule.
        RowKind::Repayment => NewRecord::Repayment(Repayment {
            id: row.record_id.clone(),
            account: account.to_string(),
            draw: None,
            at: row.at,
            amount: row.amount,
        }),
    };
    let duplicate_of = known.duplicate(&record);
    let conflict = if account_is_new { None } else { conflict_of(&record, data.account(account)) };
    PlannedRecord {
        line: row.line,
        uses_default_terms: matches!(record, NewRecord::Draw(_)),
        record,
        lender: row.lender.clone(),
        description: row.description.clone(),
        account_is_new,
        selected: true,
        duplicate_of,
        conflict,
    }
}

fn conflict_of(record: &NewRecord, account: Option<&Account>) -> Option<Conflict> {
    let (NewRecord::Draw(draw), Some(account)) = (record, account) else { return None };
    let day = draw.at.date();
    if day < account.opened {
        return Some(Conflict::BeforeOpened { account: account.id.clone(), opened: account.opened, day });
    }
    match account.closed {
        Some(closed) if day > closed => Some(Conflict::AfterClosed { account: account.id.clone(), closed, day }),
        _ => None,
    }
}

fn default_terms(items: &[PlannedRecord], bill: &Bill, accounts: &Accounts) -> Vec<DefaultTerms> {
    let mut out: Vec<DefaultTerms> = Vec::new();
    for item in items.iter().filter(|item| item.uses_default_terms && item.will_be_added()) {
        let NewRecord::Draw(draw) = &item.record else { continue };
        if let Some(entry) = out.iter_mut().find(|e| e.account == draw.account) {
            entry.draws += 1;
            continue;
        }
        let lender =
            bill.lenders.iter().find(|l| accounts.account_of(&l.account_hint).map(|a| a.0) == Some(&draw.account));
        let Some(lender) = lender else { continue };
        out.push(DefaultTerms {
            account: draw.account.clone(),
            lender: lender.lender.clone(),
            draws: 1,
            defaults: lender.defaults,
        });
    }
    out
}
