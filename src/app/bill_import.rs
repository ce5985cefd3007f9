//! Importing a bill export in the app: the file is read off the UI thread (with progress for
//! large files), then shown as a preview in which the person can leave rows out; confirming
//! turns the selected rows into one [`RecordEdit::Batch`], which `AppState` applies, saves and
//! records for undo like any other edit. Nothing is saved before that.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

use chrono::NaiveDate;

use super::edit::{Record, RecordEdit};
use crate::domain::{DataFile, Text};
use crate::import::{self, FileKind, IgnoreReason, IgnoredRow, MergePlan};
use crate::store;

/// How many ignored rows are kept as examples, per reason.
pub const EXAMPLES_PER_REASON: usize = 3;

/// A bill export being imported.
pub struct BillImport {
    /// The file's name, for the title and messages.
    pub file_name: String,
    /// Where the import is.
    pub stage: ImportStage,
    progress: Arc<Progress>,
    receiver: Option<Receiver<ImportStage>>,
}

/// Reading, the preview, or why it failed.
pub enum ImportStage {
    /// The file is being read.
    Reading,
    /// Read: what it would add.
    Preview(Box<Preview>),
    /// The file was refused: the reason names the file, the place and the problem. The import
    /// module words its reasons in English; the Chinese text puts them after a Chinese lead-in.
    Failed(Text),
}

/// Rows read so far and in all, shared with the reading thread.
#[derive(Default)]
struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

/// What importing the file would do.
pub struct Preview {
    /// The plan: every credit row as a record, duplicates and conflicts marked, the selection.
    pub plan: MergePlan,
    /// Examples of rows left out, per reason (with the counts in `plan.ignored`).
    pub ignored_examples: Vec<(IgnoreReason, Vec<IgnoredRow>)>,
    /// The last day the export covers.
    pub covered_until: Option<NaiveDate>,
    /// The data the plan was made against (the record, with empty matching accounts opened
    /// early enough; see [`import::merge_base`]).
    base: DataFile,
}

impl Preview {
    /// Rows that would be added as things stand.
    pub fn adding(&self) -> usize {
        self.plan.items.iter().filter(|i| i.will_be_added()).count()
    }

    /// Rows that are new (not already in the data), selected or not.
    pub fn new_rows(&self) -> usize {
        self.plan.items.iter().filter(|i| i.duplicate_of.is_none() && i.conflict.is_none()).count()
    }

    /// Rows already in the data.
    pub fn duplicates(&self) -> usize {
        self.plan.items.iter().filter(|i| i.duplicate_of.is_some()).count()
    }

    /// The edit that adds the selected rows to `current`, or `None` when it would add nothing.
    pub fn edit(&self, current: &DataFile) -> Option<RecordEdit> {
        if self.adding() == 0 {
            return None;
        }
        let merged = import::apply_merge(&self.base, &self.plan);
        let mut edits = Vec::new();
        for account in &merged.accounts {
            match current.accounts.iter().find(|a| a.id == account.id) {
                None => edits.push(RecordEdit::Add { record: Record::Account(account.clone()), index: usize::MAX }),
                Some(old) if old != account => edits.push(RecordEdit::Replace {
                    old: Record::Account(old.clone()),
                    new: Record::Account(account.clone()),
                }),
                Some(_) => {}
            }
        }
        let draws = merged.draws.iter().skip(self.base.draws.len());
        edits.extend(draws.map(|d| RecordEdit::Add { record: Record::Draw(d.clone()), index: usize::MAX }));
        let repayments = merged.repayments.iter().skip(self.base.repayments.len());
        edits.extend(repayments.map(|r| RecordEdit::Add { record: Record::Repayment(r.clone()), index: usize::MAX }));
        Some(RecordEdit::Batch(edits))
    }
}

impl BillImport {
    /// Starts reading `path` to merge into `data`: on a thread when `background`, else now.
    pub fn start(path: &Path, data: Arc<DataFile>, background: bool, ctx: &egui::Context) -> BillImport {
        let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
        let progress = Arc::new(Progress::default());
        let mut import =
            BillImport { file_name, stage: ImportStage::Reading, progress: progress.clone(), receiver: None };
        let path = path.to_path_buf();
        if !background {
            import.stage = read_and_plan(&path, &data, &progress, &|| {});
            return import;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let repaint = || ctx.request_repaint();
            let stage = read_and_plan(&path, &data, &progress, &repaint);
            let _ = sender.send(stage);
            ctx.request_repaint();
        });
        import.receiver = Some(receiver);
        import
    }

    /// Takes the reading thread's result, if it has come.
    pub fn poll(&mut self) {
        if let Some(receiver) = &self.receiver
            && let Ok(stage) = receiver.try_recv()
        {
            self.stage = stage;
            self.receiver = None;
        }
    }

    /// Rows read so far and in all (0 of 0 before the table is found).
    pub fn progress(&self) -> (usize, usize) {
        (self.progress.done.load(Ordering::Relaxed), self.progress.total.load(Ordering::Relaxed))
    }

    /// Selects or leaves out the preview's row `index`.
    pub fn select(&mut self, index: usize, selected: bool) {
        if let ImportStage::Preview(preview) = &mut self.stage
            && let Some(item) = preview.plan.items.get_mut(index)
        {
            item.selected = selected;
        }
    }

    /// The preview, once read.
    pub fn preview(&self) -> Option<&Preview> {
        match &self.stage {
            ImportStage::Preview(preview) => Some(preview),
            _ => None,
        }
    }
}

fn read_and_plan(path: &Path, data: &DataFile, progress: &Progress, repaint: &dyn Fn()) -> ImportStage {
    let name = path.display().to_string();
    let bytes = match store::read_bytes(path) {
        Ok(bytes) => bytes,
        Err(error) => return failed(&error.to_string()),
    };
    if import::sniff(&name, &bytes) == FileKind::DataFile {
        return ImportStage::Failed(Text::new(
            format!("{name}：这是额度体检的数据文件，不是账单；请用“导入数据文件”。"),
            format!("{name}: this is a Credit Health data file, not a bill export; use \"Import a data file\" for it"),
        ));
    }
    let mut report = |done: usize, total: usize| {
        progress.done.store(done, Ordering::Relaxed);
        progress.total.store(total, Ordering::Relaxed);
        repaint();
    };
    let bill = match import::read_bill_with_progress(&name, &bytes, &mut report) {
        Ok(bill) => bill,
        Err(error) => return failed(&error.to_string()),
    };
    let base = import::merge_base(Some(data), &bill);
    let plan = import::plan_merge(&base, &bill);
    let ignored_examples = IgnoreReason::ALL
        .iter()
        .map(|reason| {
            let rows = bill.ignored.iter().filter(|r| r.reason == *reason).take(EXAMPLES_PER_REASON).cloned();
            (*reason, rows.collect::<Vec<_>>())
        })
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    ImportStage::Preview(Box::new(Preview { plan, ignored_examples, covered_until: bill.covered_until, base }))
}

/// A refusal whose reason (file, place, problem) comes in English from the store or import module.
fn failed(reason: &str) -> ImportStage {
    ImportStage::Failed(Text::new(format!("无法读取账单（原因见英文说明）：{reason}"), reason.to_string()))
}
