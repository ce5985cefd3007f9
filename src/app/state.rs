//! The app's state and the one place where commands are carried out.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use chrono::NaiveDate;

use super::analysis::{Analysis, AnalysisJob, Analyzer, analyzer};
use super::bill_import::BillImport;
use super::command::{Command, FilePurpose, View};
use super::edit::{RecordEdit, check_edit};
use super::history::History;
use super::present::{PresentCommand, Presenter, set_fullscreen};
use super::settings::{Settings, system_lang};
use super::whatif::WhatIf;
use crate::domain::{Account, AccountKind, DataFile, Lang, Text, check_text, write_data_file};
use crate::engine::Rules;
use crate::engine::features::RecordIndex;
use crate::personas;
use crate::store::{self, BackupInfo, LoadOutcome, Store, StoreError};

/// How the app is started: tests fix the date and run everything on one thread.
#[derive(Clone, Debug)]
pub struct AppOptions {
    /// The date the records are explained as of ("today").
    pub today: NaiveDate,
    /// Load and analyse on background threads (the real app); `false` for tests and benchmarks.
    pub background: bool,
    /// The language to start in, over the settings and the system locale.
    pub lang: Option<Lang>,
}

impl AppOptions {
    /// Options for the real app on `today`.
    pub fn new(today: NaiveDate) -> AppOptions {
        AppOptions { today, background: true, lang: None }
    }
}

/// A sample person's own folder.
#[derive(Debug)]
pub struct Sample {
    /// The persona's id.
    pub persona_id: String,
    /// The day the persona's story is told as of (its records are explained as of then).
    pub as_of: NaiveDate,
    store: Store,
}

/// An open record: the person's own or a sample person's.
#[derive(Debug)]
pub struct Document {
    /// The records.
    pub data: Arc<DataFile>,
    /// Grows with every change; analyses are matched to it.
    pub generation: u64,
    /// Undo and redo.
    pub history: History,
    /// Set when this is a sample person.
    pub sample: Option<Sample>,
}

/// A corrupt data file, moved aside, and the backups that could replace it.
#[derive(Debug)]
pub struct Recovery {
    /// Where the corrupt file is now.
    pub moved_aside: PathBuf,
    /// What was wrong with it.
    pub problems: Vec<String>,
    /// The backups, newest first.
    pub backups: Vec<BackupInfo>,
}

/// A message for the person, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// The message.
    pub text: Text,
    /// True for failures.
    pub is_error: bool,
}

/// Where the app is in starting up.
#[derive(Debug)]
pub enum Phase {
    /// Reading the data file in the background.
    Loading,
    /// Ready.
    Ready,
    /// The data folder cannot be used (locked or unreadable).
    Failed(String),
}

/// A store, what loading it gave, and the records' index when they loaded (indexing is part
/// of loading, so that the first explanation only reads it).
type LoadResult = (Store, Result<LoadOutcome, StoreError>, Option<RecordIndex>);

/// Loads the store's records and indexes them under `rules`.
fn load_and_index(store: &mut Store, rules: &Rules) -> (Result<LoadOutcome, StoreError>, Option<RecordIndex>) {
    let outcome = store.load();
    let index = match &outcome {
        Ok(LoadOutcome::Loaded(data)) => Some(RecordIndex::build(data, rules)),
        _ => None,
    };
    (outcome, index)
}

/// Everything the app knows; views read it, commands change it.
pub struct AppState {
    /// The data folder.
    pub data_dir: PathBuf,
    /// The date explained.
    pub today: NaiveDate,
    /// Remembered preferences.
    pub settings: Settings,
    /// The language in use.
    pub lang: Lang,
    /// Start-up progress.
    pub phase: Phase,
    /// The view shown.
    pub view: View,
    /// The person's own record, once started.
    pub own: Option<Document>,
    /// The sample person open, if any (shown instead of the own record).
    pub sample: Option<Document>,
    /// Set when the data file was corrupt.
    pub recovery: Option<Recovery>,
    /// The rules in use.
    pub rules: Arc<Rules>,
    /// Why the custom rules could not be used.
    pub rules_error: Option<String>,
    /// The last message.
    pub notice: Option<Notice>,
    /// The purpose of the open "choose a file" prompt.
    pub file_prompt: Option<FilePurpose>,
    /// True while a native file dialog is open.
    pub dialog_open: bool,
    /// The newest analysis of the open record.
    pub analysis: Option<Arc<Analysis>>,
    /// The backups of the record shown, newest first, as of the last time the settings opened.
    pub backups: Vec<BackupInfo>,
    /// A bill export being read or previewed.
    pub bill_import: Option<BillImport>,
    /// What-if projections and the plan of the record shown.
    pub whatif: WhatIf,
    /// Presenter mode, while it is open (it never touches the records or the store).
    pub presenter: Option<Presenter>,
    own_store: Option<Store>,
    analyzer: Analyzer,
    /// The index of a version of the records (built as they loaded, or by their analysis).
    kept_index: Option<(u64, Arc<RecordIndex>)>,
    loading: Option<Receiver<LoadResult>>,
    dialog: Option<Receiver<(FilePurpose, Option<PathBuf>)>>,
    next_generation: u64,
    background: bool,
    ctx: egui::Context,
}

impl AppState {
    /// Opens the data folder and starts loading the person's record.
    pub fn new(ctx: &egui::Context, data_dir: PathBuf, options: AppOptions) -> AppState {
        let settings = Settings::load(&data_dir);
        let lang = options.lang.or(settings.lang).unwrap_or_else(system_lang);
        let mut state = AppState {
            data_dir: data_dir.clone(),
            today: options.today,
            lang,
            phase: Phase::Loading,
            view: View::Welcome,
            own: None,
            sample: None,
            recovery: None,
            rules: Arc::new(Rules::default_rules()),
            rules_error: None,
            notice: None,
            file_prompt: None,
            dialog_open: false,
            analysis: None,
            backups: Vec::new(),
            bill_import: None,
            whatif: WhatIf::new(options.background),
            presenter: None,
            own_store: None,
            analyzer: analyzer(options.background),
            kept_index: None,
            loading: None,
            dialog: None,
            next_generation: 1,
            background: options.background,
            ctx: ctx.clone(),
            settings,
        };
        state.load_rules();
        match Store::open(&data_dir) {
            Err(error) => state.phase = Phase::Failed(error.to_string()),
            Ok(mut store) if options.background => {
                let (sender, receiver) = channel();
                let ctx = ctx.clone();
                let rules = state.rules.clone();
                std::thread::spawn(move || {
                    let (outcome, index) = load_and_index(&mut store, &rules);
                    let _ = sender.send((store, outcome, index));
                    ctx.request_repaint();
                });
                state.loading = Some(receiver);
            }
            Ok(mut store) => {
                let (outcome, index) = load_and_index(&mut store, &state.rules);
                state.finish_loading(store, outcome, index);
            }
        }
        state
    }

    /// The date the record shown is explained as of: a sample person's story date, else today.
    pub fn as_of(&self) -> NaiveDate {
        self.sample.as_ref().and_then(|d| d.sample.as_ref()).map_or(self.today, |s| s.as_of)
    }

    /// The record shown: the sample when one is open, else the person's own.
    pub fn document(&self) -> Option<&Document> {
        self.sample.as_ref().or(self.own.as_ref())
    }

    fn document_mut(&mut self) -> Option<&mut Document> {
        self.sample.as_mut().or(self.own.as_mut())
    }

    /// The analysis of the record shown, when it is of the current version.
    pub fn current_analysis(&self) -> Option<&Analysis> {
        self.analysis.as_deref()
    }

    /// True while the record shown is being (re)analysed.
    pub fn is_analysing(&self) -> bool {
        self.analyzer.is_busy()
    }

    /// Re-reads the backups of the record shown (they are read from disk, so not every frame).
    fn refresh_backups(&mut self) {
        self.backups = self.active_store().and_then(|s| s.backups().ok()).unwrap_or_default();
    }

    /// Takes in background results; call once per frame before drawing.
    pub fn poll(&mut self) {
        if let Some(receiver) = &self.loading
            && let Ok((store, outcome, index)) = receiver.try_recv()
        {
            self.loading = None;
            self.finish_loading(store, outcome, index);
        }
        if let Some(receiver) = &self.dialog
            && let Ok((purpose, path)) = receiver.try_recv()
        {
            self.dialog = None;
            self.dialog_open = false;
            match path {
                Some(path) => self.apply(Command::UseFile(purpose, path)),
                None => {
                    self.notice = Some(Notice {
                        text: Text::new(
                            "没有选择文件（本机可能无法打开系统文件对话框）：请在下面输入路径。",
                            "No file was chosen (the system file dialog may not be available here): type the path below.",
                        ),
                        is_error: false,
                    })
                }
            }
        }
        if let Some(import) = &mut self.bill_import {
            import.poll();
        }
        self.analyzer.poll();
        self.take_analysis();
        self.whatif.poll();
        if let Some(presenter) = &mut self.presenter {
            presenter.poll();
        }
    }

    fn finish_loading(&mut self, store: Store, outcome: Result<LoadOutcome, StoreError>, index: Option<RecordIndex>) {
        self.phase = Phase::Ready;
        match outcome {
            Ok(LoadOutcome::Empty) => self.view = View::Welcome,
            Ok(LoadOutcome::Loaded(data)) => {
                let doc = self.new_document(data, None);
                self.kept_index = index.map(|index| (doc.generation, Arc::new(index)));
                self.own = Some(doc);
                self.view = match self.settings.last_view {
                    View::Welcome => View::Dashboard,
                    view => view,
                };
                self.reanalyse();
            }
            Ok(LoadOutcome::Recovered { moved_aside, problems, .. }) => {
                let problems = problems.iter().map(ToString::to_string).collect();
                self.recovery = Some(Recovery { moved_aside, problems, backups: store.backups().unwrap_or_default() });
                self.view = View::Welcome;
            }
            Err(error) => self.phase = Phase::Failed(error.to_string()),
        }
        self.own_store = Some(store);
    }

    fn new_document(&mut self, data: DataFile, sample: Option<Sample>) -> Document {
        let generation = self.bump();
        Document { data: Arc::new(data), generation, history: History::default(), sample }
    }

    fn bump(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    fn active_store(&self) -> Option<&Store> {
        match &self.sample {
            Some(doc) => doc.sample.as_ref().map(|s| &s.store),
            None => self.own_store.as_ref(),
        }
    }

    fn active_store_mut(&mut self) -> Option<&mut Store> {
        match &mut self.sample {
            Some(doc) => doc.sample.as_mut().map(|s| &mut s.store),
            None => self.own_store.as_mut(),
        }
    }

    fn reanalyse(&mut self) {
        let Some(doc) = self.document() else {
            self.analyzer.clear();
            self.analysis = None;
            return;
        };
        let job = AnalysisJob {
            generation: doc.generation,
            data: doc.data.clone(),
            rules: self.rules.clone(),
            as_of: self.as_of(),
            index: self.index_of(doc.generation),
        };
        let ctx = self.ctx.clone();
        self.analyzer.request(&ctx, job);
        self.analyzer.poll();
        self.take_analysis();
    }

    fn switched_document(&mut self) {
        self.analyzer.clear();
        self.analysis = None;
        self.reanalyse();
    }

    /// Carries out every command, in order.
    pub fn apply_all(&mut self, commands: Vec<Command>) {
        for command in commands {
            self.apply(command);
        }
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        self.apply_one(command);
        if self.view == View::Settings {
            self.refresh_backups();
        }
    }

    fn apply_one(&mut self, command: Command) {
        match command {
            Command::Navigate(view) => {
                self.view = view;
                self.settings.last_view = view;
            }
            Command::StartOwnRecord => self.start_own_record(),
            Command::OpenSample(id) => self.open_sample(&id, false),
            Command::ResetSample => self.reset_sample(),
            Command::CloseSample => {
                self.sample = None;
                self.view = if self.own.is_some() { View::Dashboard } else { View::Welcome };
                self.switched_document();
            }
            Command::Edit(edit) => self.edit(edit),
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::SetLang(lang) => {
                self.lang = lang;
                self.settings.lang = Some(lang);
                self.save_settings();
            }
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.save_settings();
            }
            Command::RestoreBackup(path) => self.restore(&path),
            Command::DismissRecovery => self.recovery = None,
            Command::OpenDataFolder => self.open_data_folder(),
            Command::UseBuiltInRules => {
                self.settings.rules_file = None;
                self.load_rules();
                self.save_settings();
                self.reanalyse();
            }
            Command::PromptFile(purpose) => self.file_prompt = Some(purpose),
            Command::CancelFilePrompt => self.file_prompt = None,
            Command::BrowseFile(purpose) => self.browse(purpose),
            Command::UseFile(purpose, path) => self.use_file(purpose, &path),
            Command::SelectImportRow(index, selected) => {
                if let Some(import) = &mut self.bill_import {
                    import.select(index, selected);
                }
            }
            Command::ConfirmImport => self.confirm_bill_import(),
            Command::CancelImport => self.bill_import = None,
            Command::WhatIf(actions) => self.ask_whatif(actions),
            Command::Present(command) => self.present(command),
        }
    }

    fn ask_whatif(&mut self, actions: Vec<crate::engine::Action>) {
        let Some(doc) = self.document() else { return };
        let (generation, data, as_of) = (doc.generation, doc.data.clone(), self.as_of());
        let index = self.index_of(generation);
        let of = super::whatif::Version { generation, data, index };
        self.whatif.request(&self.ctx, of, self.rules.clone(), as_of, actions);
    }

    /// Takes in the newest analysis, and keeps its index for the what-if and the next analysis.
    fn take_analysis(&mut self) {
        self.analysis = self.analyzer.latest().cloned();
        // The analysis reuses the kept index when it fits, else it built one (other rules).
        if let Some(analysis) = &self.analysis {
            self.kept_index = Some((analysis.generation, analysis.index.clone()));
        }
    }

    /// The index kept for this version of the records, if there is one.
    fn index_of(&self, generation: u64) -> Option<Arc<RecordIndex>> {
        self.kept_index.as_ref().filter(|(of, _)| *of == generation).map(|(_, index)| index.clone())
    }

    fn present(&mut self, command: PresentCommand) {
        match command {
            PresentCommand::Open => {
                self.presenter = Some(Presenter::new(self.lang, true, self.rules.clone(), self.background));
                set_fullscreen(&self.ctx, true);
            }
            PresentCommand::Leave => {
                self.presenter = None;
                set_fullscreen(&self.ctx, false);
            }
            command => {
                if let Some(presenter) = &mut self.presenter {
                    presenter.apply(&self.ctx, command);
                }
            }
        }
    }

    fn say(&mut self, zh: impl Into<String>, en: impl Into<String>, is_error: bool) {
        self.notice = Some(Notice { text: Text::new(zh, en), is_error });
    }

    fn start_own_record(&mut self) {
        let mut data = DataFile::empty(self.today, "jiebei");
        data.accounts.push(Account {
            id: "jiebei".into(),
            lender: "蚂蚁借呗".into(),
            kind: AccountKind::CashLine,
            opened: self.today,
            limit: None,
            closed: None,
            imported_until: None,
        });
        let Some(store) = self.own_store.as_mut() else { return };
        if let Err(error) = store.save(&data) {
            self.say(format!("无法保存：{error}"), format!("Could not save: {error}"), true);
            return;
        }
        self.recovery = None;
        self.own = Some(self.new_document(data, None));
        self.sample = None;
        self.view = View::Records;
        self.switched_document();
    }

    /// Opens persona `id` from its own folder, seeding the folder from the built-in file when
    /// it is empty, unreadable or `reset` is asked.
    fn open_sample(&mut self, id: &str, reset: bool) {
        let Some(persona) = personas::find(id) else { return };
        let dir = store::sample_dir(&self.data_dir, id);
        self.sample = None;
        let mut store = match Store::open(&dir) {
            Ok(store) => store,
            Err(error) => {
                return self.say(format!("无法打开样例：{error}"), format!("Could not open the sample: {error}"), true);
            }
        };
        let data = match store.load() {
            Ok(LoadOutcome::Loaded(data)) if !reset => data,
            _ => match persona.data() {
                Ok(data) => {
                    if let Err(error) = store.save(&data) {
                        self.say(
                            format!("样例无法保存：{error}"),
                            format!("The sample cannot be saved: {error}"),
                            true,
                        );
                    }
                    data
                }
                Err(_) => return,
            },
        };
        let sample = Sample { persona_id: id.to_string(), as_of: persona.as_of, store };
        self.sample = Some(self.new_document(data, Some(sample)));
        self.view = View::Dashboard;
        self.switched_document();
    }

    fn reset_sample(&mut self) {
        if let Some(id) = self.sample.as_ref().and_then(|d| d.sample.as_ref()).map(|s| s.persona_id.clone()) {
            self.open_sample(&id, true);
        }
    }

    fn edit(&mut self, edit: RecordEdit) {
        let Some(doc) = self.document() else { return };
        let problems = check_edit(&doc.data, &edit);
        if let Some(problem) = problems.first() {
            let message = problem.to_string();
            return self.say(format!("没有保存：{message}"), format!("Not saved: {message}"), true);
        }
        if self.commit(&edit) {
            if let Some(doc) = self.document_mut() {
                doc.history.record(edit);
            }
            self.notice = None;
        }
    }

    /// Applies an edit and saves; on failure puts everything back. True when saved.
    fn commit(&mut self, edit: &RecordEdit) -> bool {
        let generation = self.bump();
        let Some(doc) = self.sample.as_mut().or(self.own.as_mut()) else { return false };
        if let Err(error) = edit.apply(Arc::make_mut(&mut doc.data)) {
            let message = error.to_string();
            self.say(format!("无法修改：{message}"), format!("Could not change: {message}"), true);
            return false;
        }
        let saved = match &mut doc.sample {
            Some(sample) => sample.store.save(&doc.data),
            None => self.own_store.as_mut().map_or(Ok(()), |store| store.save(&doc.data)),
        };
        if let Err(error) = saved {
            // Keep the screen true to the file: undo in memory what could not be saved.
            let _ = edit.inverse().apply(Arc::make_mut(&mut doc.data));
            self.say(
                format!("无法保存，修改已撤回：{error}"),
                format!("Could not save, so the change was undone: {error}"),
                true,
            );
            return false;
        }
        doc.generation = generation;
        self.reanalyse();
        true
    }

    fn undo_redo(&mut self, undo: bool) {
        let Some(doc) = self.document_mut() else { return };
        let edit = if undo { doc.history.undo() } else { doc.history.redo() };
        let Some(edit) = edit else { return };
        if !self.commit(&edit)
            && let Some(doc) = self.document_mut()
        {
            if undo { doc.history.revert_undo() } else { doc.history.revert_redo() }
        }
    }

    fn restore(&mut self, path: &Path) {
        let Some(store) = self.active_store_mut() else { return };
        let Some(backup) = store.backups().unwrap_or_default().into_iter().find(|b| b.path == path) else { return };
        match store.restore(&backup) {
            Ok(data) => {
                let was_sample = self.sample.is_some();
                if was_sample {
                    if let Some(doc) = self.sample.as_mut() {
                        doc.data = Arc::new(data);
                        doc.history.clear();
                    }
                    let generation = self.bump();
                    if let Some(doc) = self.sample.as_mut() {
                        doc.generation = generation;
                    }
                } else {
                    self.own = Some(self.new_document(data, None));
                }
                self.recovery = None;
                self.view = View::Dashboard;
                self.switched_document();
                self.say("已恢复备份。", "The backup was restored.", false);
            }
            Err(error) => self.say(format!("无法恢复：{error}"), format!("Could not restore: {error}"), true),
        }
    }

    fn load_rules(&mut self) {
        self.rules_error = None;
        self.rules = Arc::new(Rules::default_rules());
        let Some(path) = self.settings.rules_file.clone() else { return };
        let rules = store::read_text(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| Rules::from_ron(&text).map_err(|e| e.to_string()));
        match rules {
            Ok(rules) => self.rules = Arc::new(rules),
            Err(error) => self.rules_error = Some(format!("{}: {error}", path.display())),
        }
    }

    /// Saves the settings; a failure is said, not fatal.
    pub fn save_settings(&mut self) {
        if let Err(error) = self.settings.save(&self.data_dir) {
            self.say(format!("设置无法保存：{error}"), format!("Settings could not be saved: {error}"), true);
        }
    }

    fn open_data_folder(&mut self) {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        if let Err(error) = std::process::Command::new(opener).arg(&self.data_dir).spawn() {
            self.say(
                format!("无法打开文件管理器（{opener}）：{error}"),
                format!("Could not open the file manager ({opener}): {error}"),
                true,
            );
        }
    }

    fn browse(&mut self, purpose: FilePurpose) {
        self.file_prompt = Some(purpose);
        if !self.background || self.dialog.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        let ctx = self.ctx.clone();
        let start_dir = self.data_dir.clone();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_directory(start_dir).add_filter("RON", &["ron"]);
            let path = match purpose {
                FilePurpose::ExportData => dialog.set_file_name("credit-health.ron").save_file(),
                FilePurpose::ExportReport => rfd::FileDialog::new()
                    .add_filter("HTML", &["html"])
                    .set_file_name("credit-health-report.html")
                    .save_file(),
                FilePurpose::ImportBill => rfd::FileDialog::new()
                    .add_filter("CSV / Excel", &["csv", "xlsx", "xls", "txt"])
                    .add_filter("*", &["*"])
                    .pick_file(),
                FilePurpose::ImportData | FilePurpose::OpenRules => dialog.pick_file(),
            };
            let _ = sender.send((purpose, path));
            ctx.request_repaint();
        });
        self.dialog = Some(receiver);
        self.dialog_open = true;
    }

    fn use_file(&mut self, purpose: FilePurpose, path: &Path) {
        match purpose {
            FilePurpose::ExportData => self.export(path),
            FilePurpose::ExportReport => self.export_report(path),
            FilePurpose::ImportData => self.import(path),
            FilePurpose::ImportBill => {
                let Some(data) = self.document().map(|doc| doc.data.clone()) else { return };
                self.file_prompt = None;
                self.notice = None;
                self.bill_import = Some(BillImport::start(path, data, self.background, &self.ctx));
            }
            FilePurpose::OpenRules => {
                self.settings.rules_file = Some(path.to_path_buf());
                self.load_rules();
                self.save_settings();
                self.reanalyse();
                if self.rules_error.is_none() {
                    self.file_prompt = None;
                }
            }
        }
    }

    fn export(&mut self, path: &Path) {
        let Some(doc) = self.document() else { return };
        let result = write_data_file(&doc.data)
            .map_err(|e| e.to_string())
            .and_then(|text| store::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string()));
        match result {
            Ok(()) => {
                self.file_prompt = None;
                let shown = path.display().to_string();
                self.say(format!("已导出到 {shown}"), format!("Exported to {shown}"), false);
            }
            Err(error) => self.say(format!("无法导出：{error}"), format!("Could not export: {error}"), true),
        }
    }

    /// The explanation shown (the cached analysis when it is of these records), its plan, and
    /// the charts, as one printable HTML file written atomically.
    fn export_report(&mut self, path: &Path) {
        let Some(doc) = self.document() else { return };
        let as_of = self.as_of();
        let explanation = match &self.analysis {
            Some(analysis) if analysis.generation == doc.generation => analysis.explanation.clone(),
            _ => crate::engine::explain(&doc.data, &self.rules, as_of),
        };
        // The what-if view's plan when it is of these records; else computed now.
        let plan = match self.whatif.plan_of(doc.generation, as_of, &self.rules) {
            Some(view) => view.plan.clone(),
            None => crate::engine::plan(&doc.data, &self.rules, as_of),
        };
        let html = crate::report::html(&doc.data, &explanation, plan.as_ref(), self.lang);
        match store::write_atomic(path, html.as_bytes()) {
            Ok(()) => {
                self.file_prompt = None;
                let shown = path.display().to_string();
                self.say(
                    format!("报告已保存到 {shown}，可用浏览器打开并打印"),
                    format!("Report saved to {shown}; open it in a browser to print"),
                    false,
                );
            }
            Err(error) => {
                self.say(format!("无法保存报告：{error}"), format!("Could not save the report: {error}"), true)
            }
        }
    }

    fn import(&mut self, path: &Path) {
        let text = match store::read_text(path) {
            Ok(text) => text,
            Err(error) => return self.say(format!("无法读取：{error}"), format!("Could not read: {error}"), true),
        };
        let data = match check_text(&text) {
            Ok(data) => data,
            Err(problems) => {
                let list: Vec<String> = problems.iter().take(5).map(|p| format!("{}:{p}", path.display())).collect();
                let list = list.join("\n");
                return self.say(
                    format!("文件无效，未导入：\n{list}"),
                    format!("The file is not valid; nothing was imported:\n{list}"),
                    true,
                );
            }
        };
        let Some(store) = self.active_store_mut() else { return };
        if let Err(error) = store.save(&data) {
            return self.say(format!("无法保存：{error}"), format!("Could not save: {error}"), true);
        }
        let count = data.record_count();
        if self.sample.is_some() {
            let generation = self.bump();
            if let Some(doc) = self.sample.as_mut() {
                doc.data = Arc::new(data);
                doc.generation = generation;
                doc.history.clear();
            }
        } else {
            self.own = Some(self.new_document(data, None));
        }
        self.file_prompt = None;
        self.recovery = None;
        self.view = View::Dashboard;
        self.switched_document();
        self.say(
            format!("已导入 {count} 条记录；之前的记录保存在备份中。"),
            format!("Imported {count} records; the previous record is kept as a backup."),
            false,
        );
    }

    /// Adds the bill preview's selected rows as one edit; the preview stays open if that fails.
    fn confirm_bill_import(&mut self) {
        let (Some(import), Some(doc)) = (&self.bill_import, self.document()) else { return };
        let Some(preview) = import.preview() else { return };
        let name = import.file_name.clone();
        let Some(edit) = preview.edit(&doc.data) else {
            self.bill_import = None;
            return self.say(
                format!("{name}：没有新的记录，什么也没改。"),
                format!("{name}: nothing new; nothing was changed."),
                false,
            );
        };
        let count = preview.adding();
        self.edit(edit);
        if self.notice.as_ref().is_some_and(|n| n.is_error) {
            return;
        }
        self.bill_import = None;
        self.say(
            format!("已从 {name} 导入 {count} 条记录并保存；可以撤销。"),
            format!("Imported {count} records from {name} and saved; you can undo it."),
            false,
        );
    }

    /// Remembers the window size (saved on exit).
    pub fn remember_window_size(&mut self, size: egui::Vec2) {
        self.settings.window_size = Some([size.x, size.y]);
    }
}
