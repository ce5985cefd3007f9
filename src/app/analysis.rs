//! The derived view of the open record: the engine's explanation, the chart series and an index
//! from record ids to records. Built off the UI thread whenever the records change, so that a
//! frame only reads it.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use chrono::NaiveDate;

use super::chart_data::ChartData;
use super::edit::RecordKind;
use crate::domain::DataFile;
use crate::engine::explain::explain_prepared;
use crate::engine::features::Prepared;
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
}

impl Analysis {
    /// Builds the analysis of `data` (pure; may take a while on a big file).
    pub fn build(generation: u64, data: &DataFile, rules: &Rules, as_of: NaiveDate) -> Analysis {
        let prepared = Prepared::new(data, rules, as_of);
        let history = simulate(&prepared, as_of);
        let explanation = explain_prepared(&prepared, &history, as_of, true);
        let charts = ChartData::build(data, &explanation);
        Analysis { generation, explanation, charts, by_id: index_ids(data) }
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

/// Keeps the newest analysis and rebuilds it, in the background or at once.
pub struct Analyzer {
    background: bool,
    latest: Option<Arc<Analysis>>,
    wanted: Option<u64>,
    floor: u64,
    sender: Sender<Analysis>,
    receiver: Receiver<Analysis>,
}

impl Analyzer {
    /// An analyzer; `background: false` builds on the calling thread (tests, benchmarks).
    pub fn new(background: bool) -> Analyzer {
        let (sender, receiver) = channel();
        Analyzer { background, latest: None, wanted: None, floor: 0, sender, receiver }
    }

    /// Asks for the analysis of this version of the records.
    pub fn request(
        &mut self,
        ctx: &egui::Context,
        generation: u64,
        data: Arc<DataFile>,
        rules: Arc<Rules>,
        as_of: NaiveDate,
    ) {
        self.wanted = Some(generation);
        if !self.background {
            self.latest = Some(Arc::new(Analysis::build(generation, &data, &rules, as_of)));
            return;
        }
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let analysis = Analysis::build(generation, &data, &rules, as_of);
            // The app may have closed meanwhile; then nobody needs the result.
            let _ = sender.send(analysis);
            ctx.request_repaint();
        });
    }

    /// Takes in finished work; returns the newest analysis (possibly of an older version).
    pub fn poll(&mut self) -> Option<Arc<Analysis>> {
        while let Ok(analysis) = self.receiver.try_recv() {
            let current = analysis.generation >= self.floor;
            let newer = self.latest.as_ref().is_none_or(|latest| analysis.generation >= latest.generation);
            if current && newer {
                self.latest = Some(Arc::new(analysis));
            }
        }
        self.latest.clone()
    }

    /// True while the newest requested version is not built yet.
    pub fn is_busy(&self) -> bool {
        self.wanted.is_some_and(|wanted| self.latest.as_ref().is_none_or(|latest| latest.generation < wanted))
    }

    /// Forgets everything (another record was opened): work for versions before `next` is dropped.
    pub fn clear(&mut self, next: u64) {
        self.latest = None;
        self.wanted = None;
        self.floor = next;
    }
}
