//! The derived view of the open record: the engine's explanation, the chart series and an index
//! from record ids to records. Built off the UI thread whenever the records change, so that a
//! frame only reads it.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::chart_data::ChartData;
use super::edit::RecordKind;
use super::worker::Latest;
use crate::domain::DataFile;
use crate::engine::explain::explain_prepared;
use crate::engine::features::{Prepared, RecordIndex};
use crate::engine::limit::simulate;
use crate::engine::{Explanation, Rules};

/// Everything derived from one version of the records.
#[derive(Debug)]
pub struct Analysis {
    /// The version of the records it was built from.
    pub generation: u64,
    /// The engine's answer.
    pub explanation: Explanation,
    /// The chart series.
    pub charts: ChartData,
    /// Where each id is: (kind, index) — ids are unique only within their list.
    pub by_id: HashMap<String, Vec<(RecordKind, usize)>>,
    /// The records' index, kept for the what-if and for explaining them on another day.
    pub index: Arc<RecordIndex>,
}

impl Analysis {
    /// Builds the analysis of `data` (pure; may take a while on a big file), with the index
    /// kept for these records when there is one.
    pub fn build(
        generation: u64,
        data: &DataFile,
        rules: &Rules,
        as_of: NaiveDate,
        index: Option<Arc<RecordIndex>>,
    ) -> Analysis {
        let index = match index {
            Some(index) if index.fits(data, rules) => index,
            _ => Arc::new(RecordIndex::build(data, rules)),
        };
        let prepared = Prepared::with(data, rules, &index);
        let history = simulate(&prepared, as_of);
        let explanation = explain_prepared(&prepared, &history, as_of, true);
        let charts = ChartData::build(data, &explanation);
        drop(prepared);
        Analysis { generation, explanation, charts, by_id: index_ids(data), index }
    }
}

fn index_ids(data: &DataFile) -> HashMap<String, Vec<(RecordKind, usize)>> {
    let mut by_id: HashMap<String, Vec<(RecordKind, usize)>> = HashMap::new();
    let mut add = |kind: RecordKind, ids: &mut dyn Iterator<Item = &String>| {
        for (index, id) in ids.enumerate() {
            by_id.entry(id.clone()).or_default().push((kind, index));
        }
    };
    add(RecordKind::Accounts, &mut data.accounts.iter().map(|r| &r.id));
    add(RecordKind::Draws, &mut data.draws.iter().map(|r| &r.id));
    add(RecordKind::Statements, &mut data.statements.iter().map(|r| &r.id));
    add(RecordKind::Repayments, &mut data.repayments.iter().map(|r| &r.id));
    add(RecordKind::ObservedLimits, &mut data.observed_limits.iter().map(|r| &r.id));
    add(RecordKind::Inquiries, &mut data.inquiries.iter().map(|r| &r.id));
    add(RecordKind::Events, &mut data.events.iter().map(|r| &r.id));
    by_id
}

/// What to analyse: one version of the records, under these rules, as of a day.
pub struct AnalysisJob {
    /// The version of the records.
    pub generation: u64,
    /// The records.
    pub data: Arc<DataFile>,
    /// The rules.
    pub rules: Arc<Rules>,
    /// The day to explain.
    pub as_of: NaiveDate,
    /// The index kept for this version of the records, if there is one.
    pub index: Option<Arc<RecordIndex>>,
}

/// Keeps the newest analysis and rebuilds it on one background thread (or at once without
/// one): edits in quick succession start at most one build behind the running one.
pub type Analyzer = Latest<AnalysisJob, Analysis>;

/// A new analyzer; `background: false` builds on the calling thread (tests, benchmarks).
pub fn analyzer(background: bool) -> Analyzer {
    Latest::new(background, |job: AnalysisJob| {
        Analysis::build(job.generation, &job.data, &job.rules, job.as_of, job.index)
    })
}
